//! `align show ID`: one item, its fields, and its links out and in.

use crate::Outcome;
use crate::cli::{Format, IdArg};
use crate::commands::Env;
use crate::error::Fatal;
use crate::report::input::Input;
use crate::report::render;

pub fn run(env: &Env, args: IdArg) -> Result<Outcome, Fatal> {
    let format = env.format("show", &[Format::Human, Format::Json])?;
    let Some(id) = args.id else {
        return Err(Fatal::usage(
            "`align show` needs an item id",
            "e.g. `align show KR-3`; `align status` lists the ids",
        ));
    };
    let judged = env.judged()?;
    let graph = &judged.graph;
    let input = Input::of(graph);
    let ix = super::find(graph, &id)?;
    let cx = judged.context(env);
    let detail = crate::detail::detail(&cx, ix);
    let text = match format {
        Format::Json => render::json::pretty(&render::json::WithInput {
            data: &detail,
            input: &input,
        }),
        _ => render::detail::human(&detail, env.color),
    };
    env.print(&text)?;
    env.warn_input(format, &input);
    Ok(Outcome::Success)
}
