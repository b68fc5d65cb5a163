//! `align trend` (placeholder until its issue lands).

use crate::Outcome;
use crate::cli::TrendArgs;
use crate::commands::Env;
use crate::error::Fatal;

pub fn run(_env: &Env, _args: TrendArgs) -> Result<Outcome, Fatal> {
    Err(super::not_built("trend"))
}
