//! `align graph` (placeholder until its issue lands).

use crate::Outcome;
use crate::cli::GraphArgs;
use crate::commands::Env;
use crate::error::Fatal;

pub fn run(_env: &Env, _args: GraphArgs) -> Result<Outcome, Fatal> {
    Err(super::not_built("graph"))
}
