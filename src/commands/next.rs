//! `align next` (placeholder until its issue lands).

use crate::Outcome;
use crate::cli::NextArgs;
use crate::commands::Env;
use crate::error::Fatal;

pub fn run(_env: &Env, _args: NextArgs) -> Result<Outcome, Fatal> {
    Err(super::not_built("next"))
}
