//! `align graph [ID]`: the goal graph as a Mermaid (default) or Graphviz
//! diagram, or its nodes and edges as JSON.

use crate::Outcome;
use crate::cli::{Format, GraphArgs};
use crate::commands::Env;
use crate::error::Fatal;
use crate::report::render::{self, diagram};
use crate::rollup::Rollup;

pub fn run(env: &Env, args: GraphArgs) -> Result<Outcome, Fatal> {
    let format = env.format("graph", &[Format::Mermaid, Format::Dot, Format::Json])?;
    let judged = env.judged_undated()?;
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
        None => rollup.tree(),
    };
    let d = diagram::build(&roots);
    let text = match format {
        Format::Dot => diagram::dot(&d),
        Format::Json => render::json::pretty(&d),
        _ => diagram::mermaid(&d),
    };
    env.print(&text)?;
    Ok(Outcome::Success)
}
