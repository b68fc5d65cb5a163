//! `align new` (placeholder until its issue lands).

use crate::Outcome;
use crate::cli::NewArgs;
use crate::commands::Env;
use crate::error::Fatal;

pub fn run(_env: &Env, _args: NewArgs) -> Result<Outcome, Fatal> {
    Err(super::not_built("new"))
}
