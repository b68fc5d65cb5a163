//! The git modes of `align lint`: `--staged` (the pre-commit hook's mode:
//! the index, not the work tree) and `--base REF` (only findings new since
//! REF, so a messy repository can adopt align and still fail on new
//! problems).

use std::collections::{HashMap, HashSet};

use super::lint::lint_graph;
use crate::cache::Cache;
use crate::commands::Env;
use crate::error::Fatal;
use crate::git::Repo;
use crate::graph::Graph;
use crate::parse::Parsed;
use crate::parse::{ParseSettings, parse_file};
use crate::report::Diagnostic;
use crate::workspace::{self, Content, Input, SourceFile};

/// Lints the staged snapshot and keeps the findings the change is
/// responsible for: those in staged files, and those elsewhere on items
/// that link to (or share) an id the change adds, edits or removes.
///
/// Only those files are read and parsed in full. Every other staged file
/// is represented by its cached identity and links (`cache`), so a commit
/// in a repository of 100,000 items costs about what `git status` does.
pub fn lint_staged(env: &Env) -> Result<(Graph, Vec<Diagnostic>), Fatal> {
    let repo = Repo::open(&env.root, "align lint --staged")?;
    let staged = repo.staged_blobs(&env.root)?;
    let changes = repo.staged_changes()?;
    let changed: HashSet<&str> = changes.iter().map(|(p, _)| p.as_str()).collect();
    let settings = ParseSettings::new(&env.root.config);
    let cache_path = Cache::path(repo.common_dir());
    let mut cache = Cache::load(&cache_path, &fingerprint(&env.root.config));

    // Parse what changed (new and HEAD versions): the ids it touches.
    let mut full: HashMap<usize, (SourceFile, Parsed)> = HashMap::new();
    let mut changed_ids: HashSet<String> = HashSet::new();
    for (n, (path, oid)) in staged.iter().enumerate() {
        if changed.contains(path.as_str()) {
            let parsed = read(&repo, path, *oid, &settings)?;
            changed_ids.extend(parsed.1.items.iter().map(|i| i.id.clone()));
            full.insert(n, parsed);
        }
    }
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

    // Everything else from the cache (parsing only what it lacks); files
    // that touch a changed id are read in full, since they are reported.
    let mut files = Vec::with_capacity(staged.len());
    let mut reported: HashSet<usize> = full.keys().copied().collect();
    for (n, (path, oid)) in staged.iter().enumerate() {
        if let Some(parsed) = full.remove(&n) {
            files.push(parsed);
            continue;
        }
        let key = oid.to_string();
        if cache.get(path, &key).is_none() {
            let (file, parsed) = read(&repo, path, *oid, &settings)?;
            cache.insert(path, &key, parsed.is_item_file, &parsed.items);
            if cache.get(path, &key).is_none() {
                // Not cacheable (odd path or ids): keep it whole.
                if touches(
                    parsed
                        .items
                        .iter()
                        .map(|i| (&i.id, i.links.iter().map(|l| &l.target))),
                    &changed_ids,
                ) {
                    reported.insert(n);
                }
                files.push((file, parsed));
                continue;
            }
        }
        let entry = cache.get(path, &key).expect("cached above");
        if touches(
            entry
                .items
                .iter()
                .map(|s| (&s.id, s.links.iter().map(|l| &l.1))),
            &changed_ids,
        ) {
            reported.insert(n);
            files.push(read(&repo, path, *oid, &settings)?);
        } else {
            let items = entry
                .items
                .iter()
                .enumerate()
                .map(|(i, s)| s.stand_in(0, i))
                .collect();
            let file = SourceFile {
                path: path.clone(),
                text: String::new(),
            };
            files.push((
                file,
                Parsed {
                    items,
                    problems: Vec::new(),
                    is_item_file: entry.is_item_file,
                },
            ));
        }
    }
    let live: HashSet<(String, String)> = staged
        .iter()
        .map(|(p, o)| (p.clone(), o.to_string()))
        .collect();
    cache.retain(&live);
    cache.save(&cache_path);

    let graph = Graph::build(workspace::assemble(files));
    let mut findings = lint_graph(env, &graph);
    findings.retain(|d| reported.contains(&d.file));
    Ok((graph, findings))
}

/// Whether an item among `items` has, or links to, one of `ids`.
fn touches<'a, L: Iterator<Item = &'a String>>(
    mut items: impl Iterator<Item = (&'a String, L)>,
    ids: &HashSet<String>,
) -> bool {
    !ids.is_empty()
        && items.any(|(id, mut links)| ids.contains(id) || links.any(|t| ids.contains(t)))
}

/// Reads and parses one staged blob.
fn read(
    repo: &Repo,
    path: &str,
    oid: git2::Oid,
    settings: &ParseSettings,
) -> Result<(SourceFile, Parsed), Fatal> {
    let input = Input {
        path: path.to_string(),
        content: Content::Bytes(repo.blob(oid)?),
    };
    Ok(workspace::read_one(input, settings))
}

/// What the cached summaries depend on: align's version and the config
/// (kinds by path and status spellings change what a file defines).
fn fingerprint(config: &crate::config::Config) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    crate::parse::yaml::to_string(config).hash(&mut h);
    format!("{} {:016x}", env!("CARGO_PKG_VERSION"), h.finish())
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
