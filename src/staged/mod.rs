//! The git modes of `align lint`: `--staged` (the pre-commit hook's mode:
//! the index, not the work tree) and `--base REF` (only findings new since
//! REF, so a messy repository can adopt align and still fail on new
//! problems).
//!
//! `--staged` lints the staged snapshot and keeps the findings the change
//! is responsible for: those in staged files, and those elsewhere on items
//! that link to (or share) an id the change adds, edits or removes. Only
//! those files are read and parsed in full. With a warm [`cache`] (every
//! unchanged staged file recorded at its blob id) nothing else is parsed:
//! the graph holds the reported files plus stand-ins for what their links
//! reach, so a commit in a repository of 100,000 items costs about what
//! `git status` does (SPEC §7). Otherwise every file is read and the
//! cache filled.

pub mod cache;

use std::collections::{BTreeSet, HashMap, HashSet};

use jiff::civil::Date;
use rustc_hash::FxHashSet;

use crate::config::Root;
use crate::error::Fatal;
use crate::git::{BlobId, Repo};
use crate::graph::Graph;
use crate::parse::{ParseSettings, Parsed, parse_file};
use crate::report::Diagnostic;
use crate::rules::lint_files;
use crate::workspace::{self, Content, Input, SourceFile};
use cache::{Cache, View};

/// A file read from git: its text and what parsing it found.
type ReadFile = (SourceFile, Parsed);

/// Lints what is staged in the repository of `root` (see the module docs).
pub fn lint_staged(root: &Root, as_of: Date) -> Result<(Graph, Vec<Diagnostic>), Fatal> {
    let repo = Repo::open(root, "align lint --staged")?;
    let cache_path = Cache::path(repo.common_dir());
    let fingerprint = fingerprint(&root.config);
    // Read the cache on a second core while git reads the index.
    let text = std::fs::read_to_string(&cache_path).unwrap_or_default();
    let (staged, changes, view) = std::thread::scope(|s| {
        let view = s.spawn(|| View::parse(&text, &fingerprint));
        let staged = repo.staged_blobs(root);
        let changes = repo.staged_changes();
        (staged, changes, view.join().ok().flatten())
    });
    let (staged, changes) = (staged?, changes?);
    let changed: FxHashSet<&str> = changes.iter().map(|(p, _)| p.as_str()).collect();
    let settings = ParseSettings::new(&root.config);
    let snapshot = Snapshot {
        repo: &repo,
        settings: &settings,
        staged: &staged,
        changed: &changed,
    };

    // Parse what changed (new and HEAD versions): the ids it touches.
    let mut full: HashMap<usize, ReadFile> = HashMap::new();
    let mut changed_ids: HashSet<String> = HashSet::new();
    for (n, (path, _)) in staged.iter().enumerate() {
        if changed.contains(path.as_str()) {
            let parsed = snapshot.read(n)?;
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

    let lint = |graph: &Graph, only: &HashSet<usize>| {
        let mut findings = lint_files(graph, &root.config, as_of, Some(only));
        findings.retain(|d| caused_by_change(graph, d, &changed, &changed_ids));
        findings
    };
    if let Some(view) = view
        && let Some((graph, only)) = snapshot.fast(&view, &cache_path, &changed_ids, &mut full)?
    {
        let findings = lint(&graph, &only);
        return Ok((graph, findings));
    }
    let (graph, only) = snapshot.rebuild(&cache_path, &fingerprint, &changed_ids, full)?;
    let findings = lint(&graph, &only);
    Ok((graph, findings))
}

/// How many unchanged files the fast path reads whole before a full rebuild
/// of the cache is cheaper (or 1% of the files, if more).
const MAX_MISSING: usize = 200;

/// The staged snapshot and what changed in it.
struct Snapshot<'a> {
    repo: &'a Repo,
    settings: &'a ParseSettings<'a>,
    /// Every staged file, sorted by path.
    staged: &'a [(String, BlobId)],
    changed: &'a FxHashSet<&'a str>,
}

impl Snapshot<'_> {
    /// Reads and parses staged file `n`.
    fn read(&self, n: usize) -> Result<ReadFile, Fatal> {
        let (path, id) = &self.staged[n];
        let input = Input {
            path: path.clone(),
            content: Content::Bytes(self.repo.blob(*id)?),
        };
        Ok(workspace::read_one(input, self.settings))
    }

    /// Every staged file: read whole where changed or touching a changed
    /// id, else stood in for by its cache entry (parsed and cached first
    /// where the cache lacks it). Returns the graph and the files reported.
    fn rebuild(
        &self,
        cache_path: &std::path::Path,
        fingerprint: &str,
        changed_ids: &HashSet<String>,
        mut full: HashMap<usize, ReadFile>,
    ) -> Result<(Graph, HashSet<usize>), Fatal> {
        let mut cache = Cache::load(cache_path, fingerprint);
        let mut files = Vec::with_capacity(self.staged.len());
        let mut reported: HashSet<usize> = full.keys().copied().collect();
        for (n, (path, id)) in self.staged.iter().enumerate() {
            if let Some(parsed) = full.remove(&n) {
                files.push(parsed);
                continue;
            }
            let key = id.to_string();
            if cache.get(path, &key).is_none() {
                let (file, parsed) = self.read(n)?;
                cache.insert(path, &key, parsed.is_item_file, &parsed.items);
                if cache.get(path, &key).is_none() {
                    // Not cacheable (odd path or ids): keep it whole.
                    let items = parsed.items.iter();
                    if touches(
                        items.map(|i| (&i.id, i.links.iter().map(|l| &l.target))),
                        changed_ids,
                    ) {
                        reported.insert(n);
                    }
                    files.push((file, parsed));
                    continue;
                }
            }
            let Some(entry) = cache.get(path, &key) else {
                continue;
            };
            let items = entry.items.iter();
            if touches(
                items.map(|s| (&s.id, s.links.iter().map(|l| &l.1))),
                changed_ids,
            ) {
                reported.insert(n);
                files.push(self.read(n)?);
            } else {
                files.push(stand_ins(path, entry.is_item_file, &entry.items));
            }
        }
        let live: HashSet<&str> = self.staged.iter().map(|(p, _)| p.as_str()).collect();
        cache.retain(&live);
        cache.save(cache_path);
        Ok((Graph::build(workspace::assemble(files)), reported))
    }

    /// The fast path over a warm cache: `None` when the cache lacks too
    /// many unchanged files (then the caller rebuilds it). Returns the
    /// graph and the positions in it of the files reported.
    fn fast(
        &self,
        view: &View,
        cache_path: &std::path::Path,
        changed_ids: &HashSet<String>,
        full: &mut HashMap<usize, ReadFile>,
    ) -> Result<Option<(Graph, HashSet<usize>)>, Fatal> {
        let Some(missing) = self.missing(view) else {
            return Ok(None);
        };
        let fresh = self.read_missing(&missing, cache_path)?;

        // A cached path's place in the staged list, unless the change
        // replaced it or it was read whole.
        let live = |path: &str| -> Option<usize> {
            let n = self
                .staged
                .binary_search_by(|(p, _)| p.as_str().cmp(path))
                .ok()?;
            (!self.changed.contains(path) && !missing.contains(&n)).then_some(n)
        };
        let mut reported: BTreeSet<usize> = full.keys().copied().collect();
        for id in changed_ids {
            let near = view
                .definers
                .get(id.as_str())
                .into_iter()
                .chain(view.linkers.get(id.as_str()));
            reported.extend(near.flatten().filter_map(|p| live(p)));
        }
        for (n, parsed) in fresh {
            let items = parsed.1.items.iter();
            if touches(
                items.map(|i| (&i.id, i.links.iter().map(|l| &l.target))),
                changed_ids,
            ) {
                reported.insert(n);
            }
            full.insert(n, parsed);
        }
        for &n in &reported {
            if let std::collections::hash_map::Entry::Vacant(slot) = full.entry(n) {
                slot.insert(self.read(n)?);
            }
        }
        let mut included: BTreeSet<usize> = missing.clone();
        included.extend(reported.iter().copied());
        self.reach(view, full, &live, &mut included);

        let mut files = Vec::with_capacity(included.len());
        let mut only = HashSet::new();
        for n in included {
            if let Some(parsed) = full.remove(&n) {
                if reported.contains(&n) {
                    only.insert(files.len());
                }
                files.push(parsed);
                continue;
            }
            let path = &self.staged[n].0;
            let file = &view.files[path.as_str()];
            let Some(summaries) = View::summaries(file.items) else {
                return Ok(None);
            };
            files.push(stand_ins(path, file.is_item_file, &summaries));
        }
        Ok(Some((Graph::build(workspace::assemble(files)), only)))
    }

    /// Unchanged staged files the cache lacks (committed since it was
    /// written); `None` when there are more than a few, so a rebuild is
    /// cheaper.
    fn missing(&self, view: &View) -> Option<BTreeSet<usize>> {
        let missing: BTreeSet<usize> = (0..self.staged.len())
            .filter(|&n| {
                let (path, id) = &self.staged[n];
                let cached = view
                    .files
                    .get(path.as_str())
                    .is_some_and(|f| id.is_hex(f.oid));
                !cached && !self.changed.contains(path.as_str())
            })
            .collect();
        (missing.len() <= MAX_MISSING.max(self.staged.len() / 100)).then_some(missing)
    }

    /// Reads the missing files whole and appends them to the cache.
    fn read_missing(
        &self,
        missing: &BTreeSet<usize>,
        cache_path: &std::path::Path,
    ) -> Result<Vec<(usize, ReadFile)>, Fatal> {
        let fresh = missing
            .iter()
            .map(|&n| Ok((n, self.read(n)?)))
            .collect::<Result<Vec<_>, Fatal>>()?;
        let ids: Vec<String> = fresh
            .iter()
            .map(|(n, _)| self.staged[*n].1.to_string())
            .collect();
        let records: Vec<_> = fresh
            .iter()
            .zip(&ids)
            .map(|((n, (_, p)), id)| {
                (
                    self.staged[*n].0.as_str(),
                    id.as_str(),
                    p.is_item_file,
                    p.items.as_slice(),
                )
            })
            .collect();
        cache::append(cache_path, &records);
        Ok(fresh)
    }

    /// Follows links out of the files read whole (traces, dependencies,
    /// parents) and adds to `included` every file defining an id they
    /// reach or share, so resolution, duplicates, cycles and traces are
    /// exact.
    fn reach(
        &self,
        view: &View,
        full: &HashMap<usize, ReadFile>,
        live: &dyn Fn(&str) -> Option<usize>,
        included: &mut BTreeSet<usize>,
    ) {
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
            let definers = view.definers.get(id.as_str()).into_iter().flatten();
            for n in definers.filter_map(|p| live(p)) {
                if included.insert(n) {
                    let file = &view.files[self.staged[n].0.as_str()];
                    for (_, links) in View::ids_and_links(file.items) {
                        todo.extend(links.map(str::to_string));
                    }
                }
            }
        }
    }
}

/// The rules whose findings on one item can change when another item
/// changes: links resolving, their kinds, duplicate ids, cycles, depth,
/// traces to inactive KRs, open dependencies. Every other rule looks at
/// the item alone, so its findings on a file the change did not touch
/// are old news, not the change's doing.
const LINK_RULES: &[&str] = &[
    "AL002", "AL003", "AL004", "AL005", "AL010", "AL011", "AL012",
];

/// Whether the staged change is responsible for finding `d` (SPEC §7:
/// "only findings on the staged files and the items they touch"): any
/// finding in a staged file; elsewhere, a finding of a link rule that
/// points into a staged file (a cycle through it, "first defined here") or
/// names an id the change adds, edits or removes. The check costs the
/// words of the message, whatever the number of changed ids.
fn caused_by_change(
    graph: &Graph,
    d: &Diagnostic,
    changed: &FxHashSet<&str>,
    changed_ids: &HashSet<String>,
) -> bool {
    let staged = |file: usize| changed.contains(graph.files[file].path.as_str());
    if staged(d.file) {
        return true;
    }
    LINK_RULES.contains(&d.code)
        && (d.related.iter().any(|l| staged(l.file))
            || d.message
                .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')))
                .any(|word| changed_ids.contains(word)))
}

/// A file of stand-in items built from its cached summaries.
fn stand_ins(path: &str, is_item_file: bool, summaries: &[cache::Summary]) -> ReadFile {
    let items = summaries
        .iter()
        .enumerate()
        .map(|(i, s)| s.stand_in(0, i))
        .collect();
    let parsed = Parsed {
        items,
        problems: Vec::new(),
        is_item_file,
    };
    (SourceFile::new(path.to_string(), String::new()), parsed)
}

/// Whether an item among `items` has, or links to, one of `ids`.
fn touches<'a, L: Iterator<Item = &'a String>>(
    mut items: impl Iterator<Item = (&'a String, L)>,
    ids: &HashSet<String>,
) -> bool {
    !ids.is_empty()
        && items.any(|(id, mut links)| ids.contains(id) || links.any(|t| ids.contains(t)))
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
    root: &Root,
    as_of: Date,
    base: &str,
    graph: &Graph,
    current: Vec<Diagnostic>,
) -> Result<Vec<Diagnostic>, Fatal> {
    let repo = Repo::open(root, "align lint --base")?;
    let commit = repo.commit_of(base)?;
    let base_graph = Graph::build(workspace::load(
        &root.config,
        repo.tree_inputs(root, commit)?,
    ));
    let key = |g: &Graph, d: &Diagnostic| (d.code, g.files[d.file].path.clone(), d.message.clone());
    let mut known: HashMap<(&str, String, String), usize> = HashMap::new();
    for d in lint_files(&base_graph, &root.config, as_of, None) {
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

#[cfg(test)]
mod tests {
    use super::LINK_RULES;

    #[test]
    fn link_rules_are_registered_codes() {
        let codes: Vec<&str> = crate::rules::docs().iter().map(|d| d.code).collect();
        for code in LINK_RULES {
            assert!(codes.contains(code), "{code} is not a rule");
        }
    }
}
