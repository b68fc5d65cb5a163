//! `align report` (placeholder until its issue lands).

use crate::Outcome;
use crate::cli::ReportArgs;
use crate::commands::Env;
use crate::error::Fatal;

pub fn run(_env: &Env, _args: ReportArgs) -> Result<Outcome, Fatal> {
    Err(super::not_built("report"))
}
