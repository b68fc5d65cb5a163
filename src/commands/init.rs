//! `align init` (placeholder until its issue lands).

use crate::Outcome;
use crate::cli::InitArgs;
use crate::commands::Env;
use crate::error::Fatal;

pub fn run(_env: &Env, _args: InitArgs) -> Result<Outcome, Fatal> {
    Err(super::not_built("init"))
}
