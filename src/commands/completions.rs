//! `align completions SHELL` and `align man`: generated from the clap
//! definition, so they can never disagree with the CLI. The scripts are
//! also committed under `completions/` (a test keeps them current).

use clap::CommandFactory;

use crate::Outcome;
use crate::cli::{Cli, CompletionsArgs};
use crate::error::Fatal;

/// The completion script for `shell`.
pub fn script(shell: clap_complete::Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "align", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The man page, as roff.
pub fn man_page() -> Result<String, Fatal> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(|e| Fatal::io("<man page>", e))?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

pub fn completions(args: &CompletionsArgs) -> Result<Outcome, Fatal> {
    crate::output::print(&script(args.shell))?;
    Ok(Outcome::Success)
}

pub fn man() -> Result<Outcome, Fatal> {
    crate::output::print(&man_page()?)?;
    Ok(Outcome::Success)
}
