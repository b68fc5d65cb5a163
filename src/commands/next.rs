//! `align next [--owner P] [--limit N]`: open tasks ranked by their
//! projected effect on lagging KRs, each with its reason (SPEC §4).

use crate::Outcome;
use crate::cli::{Format, NextArgs};
use crate::commands::Env;
use crate::error::Fatal;
use crate::report::input::Input;
use crate::report::render;

pub fn run(env: &Env, args: NextArgs) -> Result<Outcome, Fatal> {
    let format = env.format("next", &[Format::Human, Format::Json])?;
    let judged = env.judged()?;
    let cx = judged.context(env);
    let input = Input::of(&judged.graph);
    let mut queue = crate::next::rank(&cx, args.owner.as_deref());
    let matched = queue.tasks.len();
    queue.tasks.truncate(args.limit);
    let text = match format {
        Format::Json => render::json::pretty(&render::json::WithInput {
            data: &queue,
            input: &input,
        }),
        _ => {
            let open = match args.owner {
                Some(_) => crate::audit::open_tasks(&judged.graph).len(),
                None => matched,
            };
            let asked = render::queue::Asked {
                open,
                matched,
                owner: args.owner.as_deref(),
                limit: args.limit,
                explain: args.explain,
                width: env.width,
            };
            render::queue::human(&queue, &asked, env.color)
        }
    };
    env.print(&text)?;
    env.warn_input(format, &input);
    Ok(Outcome::Success)
}
