//! Loading a workspace for a command: the work tree read into a graph,
//! and the facts git history gives about it (SPEC §3 stalled work and
//! done days). Commands call these and hand the result to the analyses.

use jiff::civil::Date;

use crate::audit::Facts;
use crate::config::Root;
use crate::error::Fatal;
use crate::git::{ChangeDates, Repo};
use crate::graph::Graph;
use crate::model::Period;
use crate::workspace;

/// Reads the work tree of `root` into a graph.
pub fn graph(root: &Root) -> Result<Graph, Fatal> {
    let inputs = workspace::discover(root)?;
    Ok(Graph::build(workspace::load(&root.config, inputs)))
}

/// The work tree with its git history: facts as of as-of, and at any
/// other day without walking history again (the weekly report).
pub struct Dated {
    pub graph: Graph,
    pub facts: Facts,
    history: Option<ChangeDates>,
}

impl Dated {
    /// Reads the work tree and dates it from one walk of git history
    /// (where the root is in a repository).
    pub fn load(root: &Root, as_of: Date) -> Result<Dated, Fatal> {
        // The goal commands judge the workspace as it stood on as-of (SPEC §8).
        let graph = crate::asof::graph(root, as_of)?;
        // History that cannot be read is no reason to refuse an audit: the
        // facts then come from `updated` fields alone.
        let history = Repo::open(root, "align")
            .ok()
            .and_then(|repo| repo.change_dates().ok());
        let facts = match &history {
            Some(h) => Facts::from_history(&graph, h, as_of),
            None => Facts::none(&graph),
        };
        Ok(Dated {
            graph,
            facts,
            history,
        })
    }

    /// The facts as of `day`: files' last changes on or before it, with
    /// the done days known as of as-of (a task's done day does not move
    /// with the day it is judged on).
    pub fn facts_at(&self, day: Date) -> Facts {
        match &self.history {
            Some(h) => Facts {
                inferred_done: self.facts.inferred_done.clone(),
                ..Facts::from_history(&self.graph, h, day)
            },
            None => Facts::none(&self.graph),
        }
    }
}

/// A graph with the facts and window the goal math judges it by.
pub struct Judged {
    pub graph: Graph,
    pub facts: Facts,
    pub window: Period,
}
