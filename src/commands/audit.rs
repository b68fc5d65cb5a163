//! `align audit` (placeholder until its issue lands).

use crate::Outcome;
use crate::cli::AuditArgs;
use crate::commands::Env;
use crate::error::Fatal;

pub fn run(_env: &Env, _args: AuditArgs) -> Result<Outcome, Fatal> {
    Err(super::not_built("audit"))
}
