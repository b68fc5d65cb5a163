//! The git modes of `align lint`: `--staged` (the pre-commit hook's mode:
//! the index, not the work tree) and `--base REF` (only findings new since
//! REF, so a messy repository can adopt align and still fail on new
//! problems).

use std::collections::{BTreeSet, HashMap, HashSet};

use super::lint::lint_graph;
use crate::cache::{Cache, View, oid_is};
use crate::commands::Env;
use crate::error::Fatal;
use crate::git::Repo;
use crate::graph::Graph;
use crate::parse::Parsed;
use crate::parse::{ParseSettings, parse_file};
use crate::report::Diagnostic;
use crate::workspace::{self, Content, Input, SourceFile};
use rustc_hash::FxHashSet;

/// Lints the staged snapshot and keeps the findings the change is
/// responsible for: those in staged files, and those elsewhere on items
/// that link to (or share) an id the change adds, edits or removes.
///
/// Only those files are read and parsed in full. With a warm cache (every
/// unchanged staged file recorded at its blob id) nothing else is parsed:
/// the graph holds the reported files plus stand-ins for what their links
/// reach, so a commit in a repository of 100,000 items costs about what
/// `git status` does. Otherwise every file is read and the cache filled.
pub fn lint_staged(env: &Env) -> Result<(Graph, Vec<Diagnostic>), Fatal> {
    let repo = Repo::open(&env.root, "align lint --staged")?;
    let cache_path = Cache::path(repo.common_dir());
    let fingerprint = fingerprint(&env.root.config);
    // Read the cache on a second core while git reads the index.
    let text = std::fs::read_to_string(&cache_path).unwrap_or_default();
    let (staged, changes, view) = std::thread::scope(|s| {
        let view = s.spawn(|| View::parse(&text, &fingerprint));
        let staged = repo.staged_blobs(&env.root);
        let changes = repo.staged_changes();
        (staged, changes, view.join().ok().flatten())
    });
    let (staged, changes) = (staged?, changes?);
    let changed: FxHashSet<&str> = changes.iter().map(|(p, _)| p.as_str()).collect();
    let settings = ParseSettings::new(&env.root.config);

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

    if let Some(view) = view {
        let staged_changes = Staged {
            repo: &repo,
            cache_path: &cache_path,
            settings: &settings,
            staged: &staged,
            changed: &changed,
            changed_ids: &changed_ids,
        };
        if let Some(found) = staged_changes.fast(env, &view, &mut full)? {
            return Ok(found);
        }
    }
    let mut cache = Cache::load(&cache_path, &fingerprint);

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
            let file = SourceFile::new(path.clone(), String::new());
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
    let live: HashSet<&str> = staged.iter().map(|(p, _)| p.as_str()).collect();
    cache.retain(&live);
    cache.save(&cache_path);

    let graph = Graph::build(workspace::assemble(files));
    let findings = lint_graph(env, &graph, Some(&reported));
    Ok((graph, findings))
}

/// How many unchanged files the fast path reads whole before a full rebuild
/// of the cache is cheaper (or 1% of the files, if more).
const MAX_MISSING: usize = 200;

/// The staged snapshot and what changed in it.
struct Staged<'a> {
    repo: &'a Repo,
    cache_path: &'a std::path::Path,
    settings: &'a ParseSettings<'a>,
    staged: &'a [(String, git2::Oid)],
    changed: &'a FxHashSet<&'a str>,
    changed_ids: &'a HashSet<String>,
}

impl Staged<'_> {
    /// The fast path: `None` when the cache is missing too many unchanged
    /// files (then the caller reads everything and rebuilds it).
    fn fast(
        &self,
        env: &Env,
        view: &View,
        full: &mut HashMap<usize, (SourceFile, Parsed)>,
    ) -> Result<Option<(Graph, Vec<Diagnostic>)>, Fatal> {
        // Unchanged staged files the cache lacks (committed since it was
        // written) are read whole; more than a few means a rebuild.
        let missing: BTreeSet<usize> = (0..self.staged.len())
            .filter(|&n| {
                let (path, oid) = &self.staged[n];
                let cached = view
                    .files
                    .get(path.as_str())
                    .is_some_and(|f| oid_is(oid, f.oid));
                !cached && !self.changed.contains(path.as_str())
            })
            .collect();
        if missing.len() > MAX_MISSING.max(self.staged.len() / 100) {
            return Ok(None);
        }
        let mut fresh = Vec::with_capacity(missing.len());
        for &n in &missing {
            let (path, oid) = &self.staged[n];
            fresh.push((n, read(self.repo, path, *oid, self.settings)?));
        }
        let records: Vec<(&str, String, bool, &[crate::model::Item])> = fresh
            .iter()
            .map(|(n, (_, p))| {
                let (path, oid) = &self.staged[*n];
                (
                    path.as_str(),
                    oid.to_string(),
                    p.is_item_file,
                    p.items.as_slice(),
                )
            })
            .collect();
        let records: Vec<_> = records
            .iter()
            .map(|(p, o, i, items)| (*p, o.as_str(), *i, *items))
            .collect();
        crate::cache::append(self.cache_path, &records);

        // A cached path's place in the staged list (`staged` is sorted by
        // path), unless the change replaced it or it was read whole.
        let live = |path: &str| -> Option<usize> {
            let n = self
                .staged
                .binary_search_by(|(p, _)| p.as_str().cmp(path))
                .ok()?;
            (!self.changed.contains(path) && !missing.contains(&n)).then_some(n)
        };
        let mut reported: BTreeSet<usize> = full.keys().copied().collect();
        for id in self.changed_ids {
            let near = view
                .definers
                .get(id.as_str())
                .into_iter()
                .chain(view.linkers.get(id.as_str()));
            reported.extend(near.flatten().filter_map(|p| live(p)));
        }
        let mut included: BTreeSet<usize> = missing.clone();
        for (n, parsed) in fresh {
            let items = parsed.1.items.iter();
            if touches(
                items.map(|i| (&i.id, i.links.iter().map(|l| &l.target))),
                self.changed_ids,
            ) {
                reported.insert(n);
            }
            full.insert(n, parsed);
        }
        for &n in &reported {
            if let std::collections::hash_map::Entry::Vacant(slot) = full.entry(n) {
                let (path, oid) = &self.staged[n];
                slot.insert(read(self.repo, path, *oid, self.settings)?);
            }
        }
        // Follow links out of the reported items (traces, dependencies,
        // parents) and take in every file defining an id they reach or
        // share, so resolution, duplicates, cycles and traces are exact.
        included.extend(reported.iter().copied());
        let mut todo: Vec<String> = full
            .values()
            .flat_map(|(_, p)| &p.items)
            .flat_map(|i| {
                std::iter::once(i.id.clone()).chain(i.links.iter().map(|l| l.target.clone()))
            })
            .collect();
        let mut seen: HashSet<String> = HashSet::new();
        while let Some(id) = todo.pop() {
            if !seen.insert(id.clone()) {
                continue;
            }
            for n in view
                .definers
                .get(id.as_str())
                .into_iter()
                .flatten()
                .filter_map(|p| live(p))
            {
                if included.insert(n) {
                    let file = &view.files[self.staged[n].0.as_str()];
                    for (_, links) in View::ids_and_links(file.items) {
                        todo.extend(links.map(str::to_string));
                    }
                }
            }
        }
        let mut files = Vec::with_capacity(included.len());
        let mut scope = HashSet::new();
        for n in included {
            if let Some(parsed) = full.remove(&n) {
                if reported.contains(&n) {
                    scope.insert(files.len());
                }
                files.push(parsed);
                continue;
            }
            let (path, _) = &self.staged[n];
            let file = &view.files[path.as_str()];
            let Some(summaries) = View::summaries(file.items) else {
                return Ok(None);
            };
            let items = summaries
                .iter()
                .enumerate()
                .map(|(i, s)| s.stand_in(0, i))
                .collect();
            let source = SourceFile::new(path.clone(), String::new());
            files.push((
                source,
                Parsed {
                    items,
                    problems: Vec::new(),
                    is_item_file: file.is_item_file,
                },
            ));
        }
        let graph = Graph::build(workspace::assemble(files));
        let findings = lint_graph(env, &graph, Some(&scope));
        Ok(Some((graph, findings)))
    }
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
    crate::yaml::to_string(config).hash(&mut h);
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
    for d in lint_graph(env, &base_graph, None) {
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
