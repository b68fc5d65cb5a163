//! The history of the item files, read as lazily as the facts allow (SPEC
//! §7 "History costs what the question needs"). It walks HEAD's
//! first-parent chain newest first, and in each commit compares only the
//! tree entries on the way to the files it follows, so a commit that
//! touches no item costs two tree lookups. A file added by a rename is
//! followed to its old name. The walk goes only as deep as the caller asks
//! ([`History::deepen`]), and what it read is kept in a cache under the
//! git dir, keyed by the commit it started from: a later run whose
//! first-parent chain reaches that commit reuses it, so a new commit costs
//! its own diff; a chain that never reaches it (a rewritten history) does
//! not, and a cache that fails its checksum or was written for another
//! config is ignored and rewritten.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::PathBuf;

use git2::{Commit, DiffFindOptions, DiffOptions, ObjectType, Oid, Tree};
use jiff::civil::Date;

use super::{BlobId, CommitId, Repo, commit_date, git_err};
use crate::error::Fatal;

/// The cache format; bump it when the layout changes.
const FORMAT: &str = "align-history 1";

/// One version of a file: the commit that wrote it (or removed it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version {
    pub commit: CommitId,
    pub date: Date,
    /// The content after the commit; `None` when the commit removed it.
    pub blob: Option<BlobId>,
    /// The commit created the file (not by a rename): nothing is older.
    pub origin: bool,
}

/// The versions of one file, newest first, as far as the walk has gone.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Versions {
    pub list: Vec<Version>,
    /// Older versions may exist beyond what has been walked: deepen the
    /// walk to see them.
    pub more: bool,
}

/// How one followed path changed in one commit.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Change {
    /// Repository-relative path after the commit.
    path: String,
    blob: Option<Oid>,
    /// Renamed from this path in the commit.
    from: Option<String>,
    origin: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    commit: Oid,
    date: Date,
    changes: Vec<Change>,
}

/// What was walked: the commits that changed a followed path, newest
/// first, and where to go on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Walked {
    /// The commit the walk started from.
    head: Option<Oid>,
    /// The paths followed from `head` (repository-relative).
    top: BTreeSet<String>,
    log: Vec<Entry>,
    /// The paths still followed below the last commit walked.
    active: BTreeSet<String>,
    /// The next (older) commit to walk; `None` when the walk is complete.
    next: Option<Oid>,
    /// The walk ended at a shallow clone's cut, not at a root commit.
    cut: bool,
}

/// The lazily walked history of a set of files.
pub struct History<'r> {
    repo: &'r Repo,
    key: String,
    walked: Walked,
    /// Per path, where the log changes it: `(entry, change)` indices.
    index: HashMap<String, Vec<(usize, usize)>>,
    /// The cache on disk, until the walk reaches (and splices) or passes it.
    cached: Option<Walked>,
    path: PathBuf,
    /// Commits walked in this run (0 when the cache answered everything).
    pub walked_now: usize,
    dirty: bool,
}

impl<'r> History<'r> {
    /// Starts the history of `paths` (root-relative) at HEAD. `purpose`
    /// names the cache (`audit` and `trend` follow different paths), and
    /// `key` everything else it depends on (the config's text): a cache
    /// written under another key is not used.
    pub fn open(
        repo: &'r Repo,
        paths: &[String],
        purpose: &str,
        key: &str,
    ) -> Result<History<'r>, Fatal> {
        let head = repo.repo.head().ok().and_then(|h| h.peel_to_commit().ok());
        // A file HEAD does not hold (new, not yet committed) has no history.
        let head_tree = head.as_ref().and_then(|c| c.tree().ok());
        let wanted: BTreeSet<String> = paths.iter().map(|p| repo.repo_path(p)).collect();
        let mut present = Vec::new();
        // Compared with no tree, every wanted file HEAD holds is "added";
        // each folder on the way is read once (git does not cache large
        // trees, so a lookup per path would read them again and again).
        compare(
            &repo.repo,
            None,
            head_tree.as_ref(),
            &Trie::of(&wanted),
            "",
            &mut present,
        )?;
        let top: BTreeSet<String> = present.into_iter().map(|(p, _, _)| p).collect();
        let head = head.map(|c| c.id());
        let key = format!("{}\u{1f}{}", repo.prefix, key);
        let path = cache_path(repo, purpose);
        let cached = read_cache(&path, &key);
        let mut history = History {
            repo,
            key,
            walked: Walked {
                head,
                active: top.clone(),
                next: head.filter(|_| !top.is_empty()),
                top,
                ..Walked::default()
            },
            index: HashMap::new(),
            cached,
            path,
            walked_now: 0,
            dirty: false,
        };
        // The cache of this very commit answers at once.
        if history.cached.as_ref().is_some_and(|c| c.head == head) {
            history.try_splice()?;
        }
        Ok(history)
    }

    /// The versions of `path` (root-relative) walked so far, following it
    /// through renames to older names.
    pub fn versions(&self, path: &str) -> Versions {
        let mut name = self.repo.repo_path(path);
        let mut list = Vec::new();
        let mut from = 0usize;
        'names: while let Some(ixs) = self.index.get(&name) {
            for &(ix, cx) in ixs.iter().filter(|&&(ix, _)| ix >= from) {
                let entry = &self.walked.log[ix];
                let change = &entry.changes[cx];
                list.push(Version {
                    commit: CommitId(entry.commit),
                    date: entry.date,
                    blob: change.blob.map(BlobId),
                    origin: change.origin,
                });
                if change.origin {
                    return Versions { list, more: false };
                }
                if let Some(old) = &change.from {
                    name = old.clone();
                    from = ix + 1;
                    continue 'names;
                }
            }
            break;
        }
        let more = self.walked.next.is_some() && self.walked.active.contains(&name);
        Versions { list, more }
    }

    /// Whether the walk stopped at a shallow clone's cut.
    pub fn cut(&self) -> bool {
        self.walked.cut
    }

    /// Walks `at_least` more commits (or to the end of the history).
    /// Returns false when there was nothing left to walk.
    pub fn deepen(&mut self, at_least: usize) -> Result<bool, Fatal> {
        if self.walked.next.is_none() {
            return Ok(false);
        }
        for _ in 0..at_least {
            let Some(next) = self.walked.next else { break };
            if self.cached.as_ref().is_some_and(|c| c.head == Some(next)) {
                // The cache goes on from here: ask again before walking on.
                self.try_splice()?;
                return Ok(true);
            }
            self.step(next)?;
        }
        Ok(true)
    }

    /// Reuses the cache at the commit the walk has reached, if it followed
    /// every path the walk still follows; else drops it for good.
    fn try_splice(&mut self) -> Result<(), Fatal> {
        let Some(cached) = self.cached.take() else {
            return Ok(());
        };
        if !self.walked.active.is_subset(&cached.top) {
            return Ok(());
        }
        let base = self.walked.log.len();
        for (i, e) in cached.log.into_iter().enumerate() {
            for (cx, c) in e.changes.iter().enumerate() {
                self.index
                    .entry(c.path.clone())
                    .or_default()
                    .push((base + i, cx));
            }
            self.walked.log.push(e);
        }
        self.walked.active = cached.active;
        self.walked.next = cached.next;
        self.walked.cut = cached.cut;
        // The cache written at this head is the same as the one read.
        self.dirty = base > 0;
        Ok(())
    }

    /// Walks one commit: the followed paths it changed, renames followed.
    fn step(&mut self, id: Oid) -> Result<(), Fatal> {
        let repo = &self.repo.repo;
        let commit = repo.find_commit(id).map_err(git_err)?;
        let tree = commit.tree().map_err(git_err)?;
        let parent = if commit.parent_count() > 0 {
            match commit.parent(0) {
                Ok(p) => Some(p),
                // A parent missing from a shallow clone: the history is cut.
                Err(_) => {
                    self.walked.cut = true;
                    None
                }
            }
        } else {
            None
        };
        let parent_tree = parent
            .as_ref()
            .map(Commit::tree)
            .transpose()
            .map_err(git_err)?;
        let trie = Trie::of(&self.walked.active);
        let mut found = Vec::new();
        compare(
            repo,
            parent_tree.as_ref(),
            Some(&tree),
            &trie,
            "",
            &mut found,
        )?;
        let mut changes = Vec::new();
        let mut renames: Option<HashMap<String, String>> = None;
        for (path, old, new) in found {
            let change = match (old, new) {
                (_, None) => Change {
                    path,
                    blob: None,
                    from: None,
                    origin: false,
                },
                (Some(_), Some(b)) => Change {
                    path,
                    blob: Some(b),
                    from: None,
                    origin: false,
                },
                (None, Some(b)) => {
                    let from = match &parent_tree {
                        Some(pt) => {
                            let map = match &mut renames {
                                Some(m) => m,
                                None => renames.insert(rename_sources(repo, pt, &tree)?),
                            };
                            map.get(&path).cloned()
                        }
                        None => None,
                    };
                    self.walked.active.remove(&path);
                    if let Some(old) = &from {
                        self.walked.active.insert(old.clone());
                    }
                    Change {
                        origin: from.is_none(),
                        path,
                        blob: Some(b),
                        from,
                    }
                }
            };
            changes.push(change);
        }
        if !changes.is_empty() {
            let ix = self.walked.log.len();
            for (cx, c) in changes.iter().enumerate() {
                self.index.entry(c.path.clone()).or_default().push((ix, cx));
            }
            self.walked.log.push(Entry {
                commit: id,
                date: commit_date(&commit).unwrap_or(Date::MIN),
                changes,
            });
        }
        self.walked.next = match parent {
            Some(p) if !self.walked.active.is_empty() => Some(p.id()),
            _ => None,
        };
        self.walked_now += 1;
        self.dirty = true;
        Ok(())
    }

    /// Writes what was walked to the cache (through a temporary file and
    /// a rename, so a reader never sees half of it). A cache that cannot
    /// be written only costs the next run its walk.
    pub fn save(&self) {
        if !self.dirty || self.walked.head.is_none() {
            return;
        }
        let path = &self.path;
        let text = write_cache(&self.walked, &self.key);
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        if std::fs::write(&tmp, text).is_ok() && std::fs::rename(&tmp, path).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

/// The followed paths as a tree of names, so a commit's trees are only
/// opened on the way to them.
#[derive(Default)]
struct Trie {
    children: BTreeMap<String, Trie>,
    file: bool,
}

impl Trie {
    fn of(paths: &BTreeSet<String>) -> Trie {
        let mut root = Trie::default();
        for p in paths {
            let mut node = &mut root;
            for part in p.split('/') {
                node = node.children.entry(part.to_string()).or_default();
            }
            node.file = true;
        }
        root
    }
}

/// A blob's id at `name` in `tree`, if it is a regular file there.
fn blob_at(tree: Option<&Tree>, name: &str) -> Option<Oid> {
    let e = tree?.get_name(name)?;
    (e.kind() == Some(ObjectType::Blob) && e.filemode() & 0o170000 == 0o100000).then(|| e.id())
}

/// The followed paths whose blob differs between `old` and `new`, as
/// `(path, old blob, new blob)`; subtrees with equal ids are not opened.
fn compare(
    repo: &git2::Repository,
    old: Option<&Tree>,
    new: Option<&Tree>,
    trie: &Trie,
    prefix: &str,
    out: &mut Vec<(String, Option<Oid>, Option<Oid>)>,
) -> Result<(), Fatal> {
    for (name, node) in &trie.children {
        let path = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        if node.file {
            let (a, b) = (blob_at(old, name), blob_at(new, name));
            if a != b {
                out.push((path.clone(), a, b));
            }
        }
        if node.children.is_empty() {
            continue;
        }
        let sub = |t: Option<&Tree>| -> Option<Oid> {
            let e = t?.get_name(name)?;
            (e.kind() == Some(ObjectType::Tree)).then(|| e.id())
        };
        let (a, b) = (sub(old), sub(new));
        if a == b {
            continue;
        }
        let load = |id: Option<Oid>| id.map(|id| repo.find_tree(id)).transpose();
        let (ta, tb) = (load(a).map_err(git_err)?, load(b).map_err(git_err)?);
        compare(repo, ta.as_ref(), tb.as_ref(), node, &path, out)?;
    }
    Ok(())
}

/// The renames of one commit, new path to old: git's own similarity
/// detection over the whole commit, read only for commits that add a
/// followed path.
fn rename_sources(
    repo: &git2::Repository,
    old: &Tree,
    new: &Tree,
) -> Result<HashMap<String, String>, Fatal> {
    let mut opts = DiffOptions::new();
    let mut diff = repo
        .diff_tree_to_tree(Some(old), Some(new), Some(&mut opts))
        .map_err(git_err)?;
    diff.find_similar(Some(DiffFindOptions::new().renames(true)))
        .map_err(git_err)?;
    let mut out = HashMap::new();
    for d in diff.deltas() {
        if d.status() == git2::Delta::Renamed
            && let (Some(n), Some(o)) = (
                d.new_file().path().and_then(|p| p.to_str()),
                d.old_file().path().and_then(|p| p.to_str()),
            )
        {
            out.insert(n.to_string(), o.to_string());
        }
    }
    Ok(out)
}

/// Where the cache of this root lives: under the git dir shared by all
/// worktrees, one file per root and purpose.
fn cache_path(repo: &Repo, purpose: &str) -> PathBuf {
    repo.common_dir().join("align").join(format!(
        "history-{purpose}-{:016x}",
        fnv(repo.prefix.as_bytes())
    ))
}

/// FNV-1a: a stable hash for the cache's key and checksum (not a
/// security boundary; the cache is only ever a shortcut).
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
    })
}

/// A path as one line field: paths holding a tab or a newline are never
/// written (the cache is then not written at all).
fn clean(p: &str) -> bool {
    !p.contains(['\t', '\n', '\r'])
}

fn write_cache(w: &Walked, key: &str) -> String {
    let mut s = String::new();
    let oid = |o: Option<Oid>| o.map_or_else(|| "-".to_string(), |o| o.to_string());
    let _ = writeln!(s, "{FORMAT}");
    let _ = writeln!(s, "key {:016x}", fnv(key.as_bytes()));
    let _ = writeln!(s, "head {}", oid(w.head));
    let _ = writeln!(s, "next {}", oid(w.next));
    let _ = writeln!(s, "cut {}", u8::from(w.cut));
    for p in &w.top {
        let _ = writeln!(s, "top\t{p}");
    }
    for p in &w.active {
        let _ = writeln!(s, "active\t{p}");
    }
    for e in &w.log {
        let _ = writeln!(s, "commit {} {}", e.commit, e.date);
        for c in &e.changes {
            let _ = writeln!(
                s,
                "change\t{}\t{}\t{}\t{}",
                oid(c.blob),
                u8::from(c.origin),
                c.path,
                c.from.as_deref().unwrap_or("")
            );
        }
    }
    let all_clean = w
        .top
        .iter()
        .chain(&w.active)
        .chain(w.log.iter().flat_map(|e| {
            e.changes
                .iter()
                .flat_map(|c| [&c.path].into_iter().chain(&c.from))
        }))
        .all(|p| clean(p));
    if !all_clean {
        return String::new();
    }
    let sum = fnv(s.as_bytes());
    let _ = writeln!(s, "sum {sum:016x}");
    s
}

/// The cache written under `key`, if there is one and it is whole.
fn read_cache(path: &std::path::Path, key: &str) -> Option<Walked> {
    let text = std::fs::read_to_string(path).ok()?;
    parse_cache(&text, key)
}

fn parse_cache(text: &str, key: &str) -> Option<Walked> {
    let body_end = text.rfind("sum ")?;
    let (body, sum) = text.split_at(body_end);
    let sum = u64::from_str_radix(sum.strip_prefix("sum ")?.trim_end(), 16).ok()?;
    if fnv(body.as_bytes()) != sum {
        return None;
    }
    let mut lines = body.lines();
    if lines.next()? != FORMAT {
        return None;
    }
    let want = format!("key {:016x}", fnv(key.as_bytes()));
    if lines.next()? != want {
        return None;
    }
    let oid = |s: &str| -> Option<Option<Oid>> {
        if s == "-" {
            Some(None)
        } else {
            Oid::from_str(s).ok().map(Some)
        }
    };
    let mut w = Walked {
        head: oid(lines.next()?.strip_prefix("head ")?)?,
        next: oid(lines.next()?.strip_prefix("next ")?)?,
        cut: lines.next()?.strip_prefix("cut ")? == "1",
        ..Walked::default()
    };
    for line in lines {
        if let Some(p) = line.strip_prefix("top\t") {
            w.top.insert(p.to_string());
        } else if let Some(p) = line.strip_prefix("active\t") {
            w.active.insert(p.to_string());
        } else if let Some(rest) = line.strip_prefix("commit ") {
            let (c, d) = rest.split_once(' ')?;
            w.log.push(Entry {
                commit: Oid::from_str(c).ok()?,
                date: d.parse().ok()?,
                changes: Vec::new(),
            });
        } else if let Some(rest) = line.strip_prefix("change\t") {
            let mut f = rest.split('\t');
            let blob = oid(f.next()?)?;
            let origin = f.next()? == "1";
            let path = f.next()?.to_string();
            let from = f.next().filter(|s| !s.is_empty()).map(str::to_string);
            w.log.last_mut()?.changes.push(Change {
                path,
                blob,
                from,
                origin,
            });
        } else {
            return None;
        }
    }
    w.head?;
    Some(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Walked {
        let a = Oid::from_str("0123456789abcdef0123456789abcdef01234567").unwrap();
        Walked {
            head: Some(a),
            top: ["okrs/KR-1.md".to_string()].into(),
            log: vec![Entry {
                commit: a,
                date: jiff::civil::date(2026, 11, 1),
                changes: vec![Change {
                    path: "okrs/KR-1.md".into(),
                    blob: Some(a),
                    from: Some("okrs/old.md".into()),
                    origin: false,
                }],
            }],
            active: ["okrs/old.md".to_string()].into(),
            next: Some(a),
            cut: false,
        }
    }

    #[test]
    fn the_cache_reads_back_what_it_wrote() {
        let w = sample();
        let text = write_cache(&w, "k");
        assert_eq!(parse_cache(&text, "k"), Some(w));
    }

    #[test]
    fn a_cache_of_another_key_or_with_a_changed_byte_is_not_trusted() {
        let text = write_cache(&sample(), "k");
        assert_eq!(parse_cache(&text, "other"), None);
        let corrupt = text.replacen("2026-11-01", "2026-11-02", 1);
        assert_eq!(parse_cache(&corrupt, "k"), None);
        assert_eq!(parse_cache(&text[..text.len() / 2], "k"), None);
    }
}
