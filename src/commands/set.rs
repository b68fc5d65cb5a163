//! `align set` (placeholder until its issue lands).

use crate::Outcome;
use crate::cli::SetArgs;
use crate::commands::Env;
use crate::error::Fatal;

pub fn run(_env: &Env, _args: SetArgs) -> Result<Outcome, Fatal> {
    Err(super::not_built("set"))
}
