//! `align checkin` (placeholder until its issue lands).

use crate::Outcome;
use crate::cli::CheckinArgs;
use crate::commands::Env;
use crate::error::Fatal;

pub fn run(_env: &Env, _args: CheckinArgs) -> Result<Outcome, Fatal> {
    Err(super::not_built("checkin"))
}
