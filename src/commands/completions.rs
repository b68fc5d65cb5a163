//! `align completions SHELL` and `align man` (placeholder until the
//! authoring issue lands).

use crate::Outcome;
use crate::cli::CompletionsArgs;
use crate::error::Fatal;

pub fn completions(_args: &CompletionsArgs) -> Result<Outcome, Fatal> {
    Err(super::not_built("completions"))
}

pub fn man() -> Result<Outcome, Fatal> {
    Err(super::not_built("man"))
}
