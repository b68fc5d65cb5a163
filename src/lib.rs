//! `align` reads a team's objectives, key results, initiatives and tasks
//! (Markdown with YAML front-matter, or YAML) into one graph, and checks,
//! audits and rolls up how the work connects to the goals.
//!
//! Data flows one way: files → [`parse`] → [`graph`] → analysis
//! ([`rules`], [`audit`]) → [`report`] → a renderer. The binary only calls [`run`].

pub mod audit;
pub mod authoring;
pub mod cache;
pub mod cli;
pub mod commands;
pub mod config;
pub mod detail;
pub mod diagram;
pub mod edit;
pub mod error;
pub mod git;
pub mod goals;
pub mod graph;
pub mod model;
pub mod next;
pub mod output;
pub mod parse;
pub mod report;
pub mod rollup;
pub mod rules;
pub mod site;
pub mod span;
pub mod suggest;
pub mod trend;
pub mod weekly;
pub mod workspace;

use std::process::ExitCode;

pub use error::Fatal;

/// The outcome of a command that ran (SPEC §4 exit statuses).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0: success.
    Success,
    /// Exit 1: findings at error severity, or a breached gate.
    Failure,
}

/// Runs one command line.
pub fn run(cli: cli::Cli) -> Result<Outcome, Fatal> {
    commands::dispatch(cli)
}

/// Maps a result to the exit status: 0 success, 1 findings or breached
/// gate, 2 could not do the job. A closed stdout (`align lint | head`)
/// exits quietly with 0, like ripgrep.
pub fn exit_code(result: Result<Outcome, Fatal>) -> ExitCode {
    match result {
        Ok(Outcome::Success) => ExitCode::from(0),
        Ok(Outcome::Failure) => ExitCode::from(1),
        Err(Fatal::Io { message, .. }) if message == output::BROKEN_PIPE => ExitCode::from(0),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
