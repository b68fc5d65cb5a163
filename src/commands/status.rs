//! `align status [ID]`: the rollup from the work to the goals as a tree
//! (SPEC §4); with an ID, that subtree, and for a task the goals it traces to.

use crate::Outcome;
use crate::audit::traced_on;
use crate::cli::{Format, IdArg};
use crate::commands::Env;
use crate::error::Fatal;
use crate::graph::Graph;
use serde::Serialize;

use crate::audit::EmptyWindow;
use crate::report::input::Input;
use crate::report::render;
use crate::rollup::Rollup;

pub fn run(env: &Env, args: IdArg) -> Result<Outcome, Fatal> {
    let format = env.format("status", &[Format::Human, Format::Json])?;
    let judged = env.judged()?;
    let graph = &judged.graph;
    let target = args
        .id
        .as_deref()
        .map(|id| super::find(graph, id))
        .transpose()?;
    let cx = judged.context(env);
    let mut rollup = Rollup::new(cx);
    let roots = match target {
        Some(ix) => rollup.subtree(ix),
        None => {
            let mut roots = rollup.tree();
            roots.extend(rollup.without_objective());
            roots
        }
    };
    let input = Input::of(graph);
    // Only the whole tree can be empty for want of a KR in the window.
    let empty_window = target
        .is_none()
        .then(|| crate::audit::empty_window(graph, &judged.window, crate::audit::Retry::AsOf))
        .flatten();
    let text = match format {
        Format::Json => render::json::pretty(&StatusJson {
            as_of: env.as_of,
            tree: &roots,
            empty_window: empty_window.as_ref(),
            input: &input,
        }),
        _ => {
            let mut footer = Vec::new();
            if target.is_none() {
                footer.extend(empty_window.as_ref().map(|e| e.message.clone()));
                footer.extend(untraced_footer(graph, env));
            }
            render::tree::human(&roots, &footer, env.color, env.width)
        }
    };
    env.print(&text)?;
    env.warn_input(format, &input);
    Ok(Outcome::Success)
}

/// `status --format json`: the tree (SPEC §4) with what was read and,
/// when the window holds no KR, where the KRs are (SPEC §8).
#[derive(Serialize)]
struct StatusJson<'a, T: Serialize> {
    #[serde(serialize_with = "crate::ser::date")]
    as_of: jiff::civil::Date,
    tree: &'a T,
    empty_window: Option<&'a EmptyWindow>,
    input: &'a Input,
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
