//! `align` reads a team's objectives, key results, initiatives and tasks
//! (Markdown with YAML front-matter, or YAML) into one graph, and checks,
//! audits and rolls up how the work connects to the goals.
//!
//! Data flows one way: files → [`parse`] → [`graph`] → analysis
//! ([`rules`], [`audit`]) → [`report`] → a renderer. The binary only calls [`run`].

pub(crate) mod asof;
pub(crate) mod audit;
pub(crate) mod authoring;
pub(crate) mod blockers;
pub mod cli;
pub(crate) mod commands;
pub(crate) mod config;
pub(crate) mod config_errors;
pub(crate) mod detail;
pub mod edit;
pub(crate) mod error;
#[doc(hidden)]
pub mod fuzzing;
pub(crate) mod git;

pub(crate) mod graph;
pub(crate) mod load;
pub(crate) mod lsp;
pub(crate) mod model;
pub(crate) mod next;
pub(crate) mod output;
pub(crate) mod parse;
pub(crate) mod periods;
pub(crate) mod planning;
pub(crate) mod report;
pub(crate) mod rollup;
pub(crate) mod rules;
pub(crate) mod schema_json;
pub(crate) mod ser;
pub(crate) mod site;
pub(crate) mod span;
pub(crate) mod staged;
pub(crate) mod suggest;
pub(crate) mod text;
pub(crate) mod trend;
pub(crate) mod weekly;
pub(crate) mod workspace;
pub(crate) mod yaml;

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
        Err(Fatal::ClosedStdout) => ExitCode::from(0),
        Err(e) => {
            output::eprint(&format!("error: {e}\n"));
            ExitCode::from(2)
        }
    }
}
