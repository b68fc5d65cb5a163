//! `align show ID`: one item, its fields, and its links out and in.

use crate::Outcome;
use crate::cli::{Format, IdArg};
use crate::commands::Env;
use crate::error::Fatal;
use crate::model::Kind;
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
    let graph = env.load_graph_as_of()?;
    let input = Input::of(&graph);
    let ix = super::find(&graph, &id)?;
    // Only a goal's status can show a history fact (stalled work); a task
    // or an initiative is shown from its file alone.
    let facts = match graph.items[ix].kind {
        Kind::Kr | Kind::Objective if !env.no_history => {
            let mut all = crate::load::history_facts(&env.root, &graph, &[env.as_of], env.as_of);
            all.remove(0)
        }
        _ => crate::audit::Facts::none(&graph),
    };
    let judged = crate::load::Judged {
        graph,
        facts,
        window: env.window(),
    };
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
