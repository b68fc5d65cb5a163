//! `align status [ID]`: the rollup from the work to the goals as a tree
//! (SPEC §4); with an ID, that subtree, and for a task the goals it traces to.

use crate::Outcome;
use crate::audit::traced_on;
use crate::cli::{Format, IdArg};
use crate::commands::Env;
use crate::error::Fatal;
use crate::graph::Graph;
use crate::report::render;
use crate::rollup::Rollup;

pub fn run(env: &Env, args: IdArg) -> Result<Outcome, Fatal> {
    let format = env.format("status", &[Format::Human, Format::Json])?;
    let judged = env.judged()?;
    let graph = &judged.graph;
    let target = args.id.as_deref().map(|id| graph.find(id)).transpose()?;
    let cx = judged.context(env);
    let mut rollup = Rollup::new(cx);
    let roots = match target {
        Some(ix) => rollup.subtree(ix),
        None => rollup.tree(),
    };
    let text = match format {
        Format::Json => render::json::pretty(&roots),
        _ => {
            let footer = if target.is_none() {
                untraced_footer(graph, env)
            } else {
                Vec::new()
            };
            render::tree::human(&roots, &footer, env.color)
        }
    };
    env.print(&text)?;
    Ok(Outcome::Success)
}

/// Open tasks that trace to no live KR, which the tree cannot show.
fn untraced_footer(graph: &Graph, env: &Env) -> Vec<String> {
    let ids: Vec<&str> = crate::audit::open_tasks(graph)
        .into_iter()
        .filter(|&t| !traced_on(graph, t, env.as_of))
        .map(|t| graph.items[t].id.as_str())
        .collect();
    match ids.len() {
        0 => Vec::new(),
        n => vec![format!(
            "{n} open {} {} to no live KR: {}",
            if n == 1 { "task" } else { "tasks" },
            if n == 1 { "traces" } else { "trace" },
            ids.join(", ")
        )],
    }
}
