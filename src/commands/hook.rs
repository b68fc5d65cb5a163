//! `align hook` (placeholder until its issue lands).

use crate::Outcome;
use crate::cli::HookArgs;
use crate::commands::Env;
use crate::error::Fatal;

pub fn run(_env: &Env, _args: HookArgs) -> Result<Outcome, Fatal> {
    Err(super::not_built("hook"))
}
