//! `align show ID`: one item, its fields, and its links out and in.

use crate::Outcome;
use crate::audit::Context;
use crate::cli::{Format, IdArg};
use crate::commands::Env;
use crate::error::Fatal;
use crate::report::render;

pub fn run(env: &Env, args: IdArg) -> Result<Outcome, Fatal> {
    let format = env.format("show", &[Format::Human, Format::Json])?;
    let Some(id) = args.id else {
        return Err(Fatal::usage(
            "`align show` needs an item id",
            "e.g. `align show KR-3`; `align status` lists the ids",
        ));
    };
    let (graph, facts) = env.load_with_facts()?;
    let ix = super::status::find(&graph, &id)?;
    let window = env.window();
    let cx = Context {
        graph: &graph,
        config: &env.root.config,
        as_of: env.as_of,
        window: &window,
        facts: &facts,
    };
    let detail = crate::detail::detail(&cx, ix);
    let text = match format {
        Format::Json => render::json::pretty(&detail),
        _ if env.quiet => String::new(),
        _ => render::detail::human(&detail, env.color),
    };
    crate::output::print(&text)?;
    Ok(Outcome::Success)
}
