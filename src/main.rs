//! The `align` binary: parse the command line, run, map the outcome to an
//! exit status (SPEC §4).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = align::cli::Cli::parse();
    align::exit_code(align::run(cli))
}
