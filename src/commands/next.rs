//! `align next [--owner P] [--limit N]`: open tasks ranked by their
//! projected effect on lagging KRs, each with its reason (SPEC §4).

use crate::Outcome;
use crate::cli::{Format, NextArgs};
use crate::commands::Env;
use crate::error::Fatal;
use crate::report::render;

pub fn run(env: &Env, args: NextArgs) -> Result<Outcome, Fatal> {
    let format = env.format("next", &[Format::Human, Format::Json])?;
    let judged = env.judged()?;
    let cx = judged.context(env);
    let mut queue = crate::next::rank(&cx, args.owner.as_deref());
    let total = queue.tasks.len();
    queue.tasks.truncate(args.limit);
    let text = match format {
        Format::Json => render::json::pretty(&queue),
        _ => render::queue::human(&queue, total, env.color),
    };
    env.print(&text)?;
    Ok(Outcome::Success)
}
