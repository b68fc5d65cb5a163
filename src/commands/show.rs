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
    let ix = find(graph, &id)?;
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

/// The item `id`; when none has it but a file that could not be read
/// names it, the error says so rather than suggesting similar ids (SPEC §8).
fn find(graph: &crate::graph::Graph, id: &str) -> Result<usize, Fatal> {
    graph.find(id).map_err(
        |e| match crate::report::input::Mentions::of(graph).find(id) {
            Some(m) if graph.all_with(id).is_empty() => Fatal::usage(
                format!("no readable file defines `{id}`: {}", m.sentence(id)),
                format!(
                    "fix `{}` first (`align lint` says what is wrong with it)",
                    m.path
                ),
            ),
            _ => e,
        },
    )
}
