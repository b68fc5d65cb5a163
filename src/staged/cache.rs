//! A cache of what each committed file defines, keyed by path and blob id,
//! so `align lint --staged` in a large repository reads and parses only the
//! files a commit touches (SPEC §7: no slower than `git status`).
//!
//! For files outside the change, the staged check needs only an item's
//! identity and links: ids and kinds resolve links (AL002, AL003, AL004),
//! links give cycles and depth (AL005, AL011), statuses, periods and due
//! dates give traces to live KRs (AL010, AL012). Those facts are cached as
//! small records and turned back into stand-in items; findings on stand-ins
//! are never reported, because they lie outside the change.
//!
//! The cache lives in the git directory (never committed), is rebuilt when
//! the config or align's version changes, and is written atomically. A
//! corrupt or unreadable cache is ignored, never an error.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::model::{Item, Kind, Link, LinkField, Origin, Period, Status};
use crate::parse::valid_id;
use crate::span::Span;

/// What the staged check needs to know of one item it does not report on.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub id: String,
    pub kind: Kind,
    pub status: Status,
    pub period: Option<(Date, Date)>,
    pub due: Option<Date>,
    pub links: Vec<(LinkField, String)>,
}

impl Summary {
    /// The facts of `item` worth caching, when they can be written safely.
    pub fn of(item: &Item) -> Option<Summary> {
        let safe = valid_id(&item.id) && item.links.iter().all(|l| valid_id(&l.target));
        safe.then(|| Summary {
            id: item.id.clone(),
            kind: item.kind,
            status: item.status,
            period: item.period.map(|p| (p.start, p.end)),
            due: item.due,
            links: item
                .links
                .iter()
                .map(|l| (l.field, l.target.clone()))
                .collect(),
        })
    }

    /// A stand-in item carrying only these facts, in file `file`.
    pub fn stand_in(&self, file: usize, index: usize) -> Item {
        let links = self
            .links
            .iter()
            .map(|(field, target)| Link {
                field: *field,
                target: target.clone(),
                span: Span::default(),
            })
            .collect();
        // A title and a reason keep AL015 and AL017 quiet on stand-ins.
        Item {
            title: Some(String::new()),
            status: self.status,
            period: self.period.and_then(|(s, e)| Period::range(s, e)),
            links,
            due: self.due,
            reason: Some(String::new()),
            ..Item::blank(self.id.clone(), self.kind, Origin { file, index })
        }
    }
}

/// One cached file: whether it holds items, and their summaries.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Entry {
    pub is_item_file: bool,
    pub items: Vec<Summary>,
}

/// The cache: `(path, blob id)` → entry, plus the fingerprint it was built
/// under.
#[derive(Debug, Default)]
pub struct Cache {
    fingerprint: String,
    /// By path: the blob id the entry was made from, and the entry.
    entries: HashMap<String, (String, Entry)>,
    dirty: bool,
}

const HEADER: &str = "align-staged-cache v1";

impl Cache {
    /// Where the cache lives inside a git directory.
    pub fn path(git_dir: &Path) -> PathBuf {
        git_dir.join("align").join("staged-cache")
    }

    /// Loads the cache at `path` if it was built under `fingerprint`;
    /// otherwise (missing, stale, corrupt) an empty cache.
    pub fn load(path: &Path, fingerprint: &str) -> Cache {
        let mut cache = Cache {
            fingerprint: fingerprint.to_string(),
            ..Cache::default()
        };
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let Some(view) = View::parse(&text, fingerprint) else {
            return cache;
        };
        for (path, file) in &view.files {
            let Some(items) = View::summaries(file.items) else {
                return Cache {
                    fingerprint: cache.fingerprint,
                    ..Cache::default()
                };
            };
            let entry = Entry {
                is_item_file: file.is_item_file,
                items,
            };
            cache
                .entries
                .insert(path.to_string(), (file.oid.to_string(), entry));
        }
        cache
    }

    /// The entry for a file at a blob id.
    pub fn get(&self, path: &str, oid: &str) -> Option<&Entry> {
        self.entries
            .get(path)
            .filter(|(o, _)| o == oid)
            .map(|(_, e)| e)
    }

    /// Records a parsed file; files whose path or items cannot be written
    /// safely are simply not cached.
    pub fn insert(&mut self, path: &str, oid: &str, is_item_file: bool, items: &[Item]) {
        if path.contains(['\t', '\n', '\r']) {
            return;
        }
        let Some(items) = items.iter().map(Summary::of).collect::<Option<Vec<_>>>() else {
            return;
        };
        let entry = Entry {
            is_item_file,
            items,
        };
        self.entries
            .insert(path.to_string(), (oid.to_string(), entry));
        self.dirty = true;
    }

    /// Keeps only the paths in `live` (the files of the current index), so
    /// the cache does not grow with deleted files.
    pub fn retain(&mut self, live: &std::collections::HashSet<&str>) {
        let before = self.entries.len();
        self.entries.retain(|path, _| live.contains(path.as_str()));
        self.dirty |= self.entries.len() != before;
    }

    /// Writes the cache atomically when it changed. Failing to write a cache
    /// is not worth failing a commit over, so errors are ignored.
    pub fn save(&self, path: &Path) {
        if !self.dirty {
            return;
        }
        let mut text = format!("{HEADER}\n{}\n", self.fingerprint);
        let mut paths: Vec<&String> = self.entries.keys().collect();
        paths.sort();
        for path in paths {
            let (oid, e) = &self.entries[path];
            text.push_str(&record(path, oid, e));
        }
        let Some(dir) = path.parent() else { return };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let tmp = dir.join(format!(".staged-cache.{}.tmp", std::process::id()));
        let written = std::fs::File::create(&tmp).and_then(|mut f| f.write_all(text.as_bytes()));
        if written.is_err() || std::fs::rename(&tmp, path).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

/// Appends records for files parsed outside a full rebuild (a few new
/// files after a commit). A later record for a path wins when the cache is
/// read; the next full rebuild compacts the file. A cache that does not
/// exist yet, or was built under another fingerprint, is left alone.
pub fn append(path: &Path, files: &[(&str, &str, bool, &[Item])]) {
    let mut text = String::new();
    for (file, oid, is_item_file, items) in files {
        if file.contains(['\t', '\n', '\r']) {
            continue;
        }
        if let Some(items) = items.iter().map(Summary::of).collect::<Option<Vec<_>>>() {
            text.push_str(&record(
                file,
                oid,
                &Entry {
                    is_item_file: *is_item_file,
                    items,
                },
            ));
        }
    }
    if text.is_empty() || !path.exists() {
        return;
    }
    if let Ok(mut f) = std::fs::OpenOptions::new().append(true).open(path) {
        let _ = f.write_all(text.as_bytes());
    }
}

/// One file's lines in the cache format.
fn record(path: &str, oid: &str, e: &Entry) -> String {
    let mut text = format!("F\t{oid}\t{path}\t{}\n", u8::from(e.is_item_file));
    for s in &e.items {
        let date = |d: Option<Date>| d.map_or("-".to_string(), |d| d.to_string());
        let links: Vec<String> = s
            .links
            .iter()
            .map(|(f, t)| format!("{}:{t}", f.as_str()))
            .collect();
        text.push_str(&format!(
            "I\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            s.id,
            s.kind.as_str(),
            s.status.as_str(),
            date(s.period.map(|p| p.0)),
            date(s.period.map(|p| p.1)),
            date(s.due),
            links.join(",")
        ));
    }
    text
}

/// The cache file read in place, without allocating per file: what the
/// fast path of `lint --staged` needs to find ids and follow links.
pub struct View<'t> {
    /// By path. FxHash: the keys are our own paths, and hashing 100,000 of
    /// them with SipHash was a tenth of a staged check.
    pub files: rustc_hash::FxHashMap<&'t str, FileView<'t>>,
    /// Id → the paths whose items define it.
    pub definers: rustc_hash::FxHashMap<&'t str, Vec<&'t str>>,
    /// Id → the paths whose items link to it.
    pub linkers: rustc_hash::FxHashMap<&'t str, Vec<&'t str>>,
}

/// One cached file, borrowed from the cache text.
pub struct FileView<'t> {
    pub oid: &'t str,
    pub is_item_file: bool,
    /// The file's `I` lines, parsed on demand.
    pub items: &'t str,
}

impl<'t> View<'t> {
    /// Reads cache text built under `fingerprint`; `None` when it is
    /// stale or not a cache.
    pub fn parse(text: &'t str, fingerprint: &str) -> Option<View<'t>> {
        let mut rest = text.strip_prefix(HEADER)?.strip_prefix('\n')?;
        rest = rest.strip_prefix(fingerprint)?.strip_prefix('\n')?;
        let mut files = rustc_hash::FxHashMap::default();
        // About one file record per 100 bytes of cache: size the map once.
        files.reserve(rest.len() / 100);
        let base = text.len() - rest.len();
        let mut at = base;
        let mut current: Option<(&'t str, &'t str, bool, usize)> = None;
        let mut finish = |cur: Option<(&'t str, &'t str, bool, usize)>, end: usize| {
            if let Some((path, oid, is_item_file, start)) = cur {
                files.insert(
                    path,
                    FileView {
                        oid,
                        is_item_file,
                        items: &text[start..end],
                    },
                );
            }
        };
        for line in rest.split_inclusive('\n') {
            let start = at;
            at += line.len();
            if let Some(f) = line.strip_prefix("F\t") {
                let mut parts = f.trim_end_matches('\n').split('\t');
                let (Some(oid), Some(path), Some(flag)) =
                    (parts.next(), parts.next(), parts.next())
                else {
                    return None;
                };
                finish(current.take(), start);
                current = Some((path, oid, flag == "1", at));
            } else if !line.starts_with("I\t") || current.is_none() {
                return None;
            }
        }
        finish(current.take(), at);
        let mut definers: rustc_hash::FxHashMap<&str, Vec<&str>> = rustc_hash::FxHashMap::default();
        let mut linkers: rustc_hash::FxHashMap<&str, Vec<&str>> = rustc_hash::FxHashMap::default();
        definers.reserve(files.len());
        linkers.reserve(files.len() / 4);
        for (path, file) in &files {
            for (id, links) in View::ids_and_links(file.items) {
                definers.entry(id).or_default().push(*path);
                for target in links {
                    linkers.entry(target).or_default().push(*path);
                }
            }
        }
        Some(View {
            files,
            definers,
            linkers,
        })
    }

    /// The summaries in a file's `I` lines; `None` if any is malformed.
    pub fn summaries(items: &str) -> Option<Vec<Summary>> {
        items
            .lines()
            .map(|l| parse_summary(l.strip_prefix("I\t")?.split('\t')))
            .collect()
    }

    /// Each item's id and the ids it links to, without parsing the rest.
    pub fn ids_and_links(
        items: &'t str,
    ) -> impl Iterator<Item = (&'t str, impl Iterator<Item = &'t str>)> {
        items.lines().filter_map(|l| {
            let mut parts = l.strip_prefix("I\t")?.split('\t');
            let id = parts.next()?;
            let links = parts.nth(5).unwrap_or("");
            Some((
                id,
                links
                    .split(',')
                    .filter_map(|x| x.split_once(':').map(|(_, t)| t)),
            ))
        })
    }
}

fn parse_summary<'a>(mut parts: impl Iterator<Item = &'a str>) -> Option<Summary> {
    let id = parts.next()?.to_string();
    let kind = Kind::parse(parts.next()?)?;
    let status = Status::parse(parts.next()?)?;
    let date = |s: &str| {
        if s == "-" {
            Ok(None)
        } else {
            s.parse::<Date>().map(Some)
        }
    };
    let start = date(parts.next()?).ok()?;
    let end = date(parts.next()?).ok()?;
    let due = date(parts.next()?).ok()?;
    let links = parts
        .next()
        .unwrap_or("")
        .split(',')
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (field, target) = l.split_once(':')?;
            let field = LinkField::ALL.into_iter().find(|f| f.as_str() == field)?;
            Some((field, target.to_string()))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Summary {
        id,
        kind,
        status,
        period: start.zip(end),
        due,
        links,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::parse::{ParseSettings, parse_file};

    #[test]
    fn round_trips_and_rejects_stale_or_corrupt_files() {
        let config = Config::default();
        let text = "---\nkind: task\ntitle: t\nkr: [KR-1, KR-2]\ndepends_on: T-0\nstatus: blocked\ndue: 2026-12-01\n---\n";
        let parsed = parse_file("work/T-1.md", text, 0, &ParseSettings::new(&config));
        let dir = tempfile::tempdir().unwrap();
        let path = Cache::path(dir.path());
        let mut cache = Cache::load(&path, "fp1");
        cache.insert("work/T-1.md", "abc", true, &parsed.items);
        cache.insert("bad\tname.md", "def", true, &parsed.items);
        cache.save(&path);
        let loaded = Cache::load(&path, "fp1");
        let entry = loaded.get("work/T-1.md", "abc").unwrap();
        assert_eq!(entry.items, vec![Summary::of(&parsed.items[0]).unwrap()]);
        assert!(loaded.get("bad\tname.md", "def").is_none());
        assert!(
            Cache::load(&path, "fp2")
                .get("work/T-1.md", "abc")
                .is_none()
        );
        std::fs::write(&path, format!("{HEADER}\nfp1\nF\tabc\nI\tgarbage\n")).unwrap();
        assert!(Cache::load(&path, "fp1").entries.is_empty());
    }
}
