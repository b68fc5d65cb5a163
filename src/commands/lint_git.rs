//! The git modes of `align lint`: `--staged` (the pre-commit hook's mode:
//! the index, not the work tree) and `--base REF` (only findings new since
//! REF, so a messy repository can adopt align and still fail on new
//! problems).

use std::collections::{HashMap, HashSet};

use super::lint_graph;
use crate::commands::Env;
use crate::error::Fatal;
use crate::git::Repo;
use crate::graph::Graph;
use crate::parse::{ParseSettings, parse_file};
use crate::report::Diagnostic;
use crate::workspace;

/// Lints the staged snapshot and keeps the findings the change is
/// responsible for: those in staged files, and those elsewhere on items
/// that link to (or share) an id the change adds, edits or removes.
pub fn lint_staged(env: &Env) -> Result<(Graph, Vec<Diagnostic>), Fatal> {
    let repo = Repo::open(&env.root, "align lint --staged")?;
    let inputs = repo.staged_inputs(&env.root)?;
    let changes = repo.staged_changes()?;
    let graph = Graph::build(workspace::load(&env.root.config, inputs));
    let changed: HashSet<&str> = changes.iter().map(|(p, _)| p.as_str()).collect();
    let mut changed_ids: HashSet<String> = graph
        .items
        .iter()
        .filter(|i| changed.contains(graph.files[i.origin.file].path.as_str()))
        .map(|i| i.id.clone())
        .collect();
    // Ids the change removed or renamed: read from the HEAD version.
    let settings = ParseSettings::new(&env.root.config);
    for (path, old) in &changes {
        let Some(text) = old.as_deref().and_then(|b| std::str::from_utf8(b).ok()) else {
            continue;
        };
        if text.len() as u64 <= workspace::MAX_FILE_BYTES {
            changed_ids.extend(
                parse_file(path, text, 0, &settings)
                    .items
                    .into_iter()
                    .map(|i| i.id),
            );
        }
    }
    // Files outside the change that touch a changed id.
    let touching: HashSet<usize> = graph
        .items
        .iter()
        .filter(|i| {
            changed_ids.contains(&i.id) || i.links.iter().any(|l| changed_ids.contains(&l.target))
        })
        .map(|i| i.origin.file)
        .collect();
    let mut findings = lint_graph(env, &graph);
    findings.retain(|d| {
        changed.contains(graph.files[d.file].path.as_str()) || touching.contains(&d.file)
    });
    Ok((graph, findings))
}

/// The findings of `current` that REF's tree does not already have, matched
/// by rule, path and message (not line, which edits above a finding move).
pub fn new_since(
    env: &Env,
    base: &str,
    graph: &Graph,
    current: Vec<Diagnostic>,
) -> Result<Vec<Diagnostic>, Fatal> {
    let repo = Repo::open(&env.root, "align lint --base")?;
    let commit = repo.commit_of(base)?;
    let base_graph = Graph::build(workspace::load(
        &env.root.config,
        repo.tree_inputs(&env.root, commit)?,
    ));
    let key = |g: &Graph, d: &Diagnostic| (d.code, g.files[d.file].path.clone(), d.message.clone());
    let mut known: HashMap<(&str, String, String), usize> = HashMap::new();
    for d in lint_graph(env, &base_graph) {
        *known.entry(key(&base_graph, &d)).or_default() += 1;
    }
    let mut fresh = Vec::new();
    for d in current {
        match known.get_mut(&key(graph, &d)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => fresh.push(d),
        }
    }
    Ok(fresh)
}
