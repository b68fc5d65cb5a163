//! `align done` (placeholder until its issue lands).

use crate::Outcome;
use crate::cli::IdArg;
use crate::commands::Env;
use crate::error::Fatal;

pub fn run(_env: &Env, _args: IdArg) -> Result<Outcome, Fatal> {
    Err(super::not_built("done"))
}
