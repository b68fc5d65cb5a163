//! Loading a workspace for a command: the work tree read into a graph,
//! and the facts git history gives about it (SPEC §3 stalled work and
//! done days, §8 blocked-since). Commands call these and hand the result
//! to the analyses. History is read only as deep as these facts need:
//! each file's last change on or before the days asked, the commit that
//! made an undated done task done, and the start of a blocked task's run.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::audit::Facts;
use crate::config::{Config, Root};
use crate::error::Fatal;
use crate::git::{BlobId, History, Repo, Version};
use crate::graph::Graph;
use crate::model::{Kind, Period, Status};
use crate::parse::ParseSettings;
use crate::workspace::{self, Content, Input};

/// Reads the work tree of `root` into a graph.
pub fn graph(root: &Root) -> Result<Graph, Fatal> {
    Ok(Graph::build(workspace(root)?))
}

/// Reads the work tree of `root`, with the warnings about what was not
/// read (no file at all, an `include` glob that matches nothing).
pub fn workspace(root: &Root) -> Result<workspace::Workspace, Fatal> {
    let inputs = workspace::discover(root)?;
    let warnings = workspace::coverage_warnings(root, &inputs);
    let mut ws = workspace::load(&root.config, inputs);
    ws.warnings = warnings;
    Ok(ws)
}

/// The work tree with its git history: facts as of as-of, and at the
/// other days asked for when loading (the weekly report's week ago).
pub struct Dated {
    pub graph: Graph,
    pub facts: Facts,
    others: Vec<(Date, Facts)>,
}

impl Dated {
    /// Reads the work tree and dates it from git history (where the root
    /// is in a repository and `history` is wanted), as of `as_of` and of
    /// each of `also`.
    pub fn load(root: &Root, as_of: Date, also: &[Date], history: bool) -> Result<Dated, Fatal> {
        // The goal commands judge the workspace as it stood on as-of (SPEC §8).
        let graph = crate::asof::graph(root, as_of)?;
        let mut days = vec![as_of];
        days.extend_from_slice(also);
        let mut all = match history {
            true => history_facts(root, &graph, &days, as_of),
            false => days.iter().map(|_| Facts::none(&graph)).collect(),
        };
        let facts = all.remove(0);
        let others = also.iter().copied().zip(all).collect();
        Ok(Dated {
            graph,
            facts,
            others,
        })
    }

    /// The facts as of `day`, one of the days asked for when loading
    /// (with the done days known as of as-of: a task's done day does not
    /// move with the day it is judged on); the files' own dates otherwise.
    pub fn facts_at(&self, day: Date) -> Facts {
        self.others
            .iter()
            .find(|(d, _)| *d == day)
            .map_or_else(|| Facts::none(&self.graph), |(_, f)| f.clone())
    }
}

/// A graph with the facts and window the goal math judges it by.
pub struct Judged {
    pub graph: Graph,
    pub facts: Facts,
    pub window: Period,
}

/// The facts about `graph` at each of `days` (inferred done days as of
/// `done_day`) from git history, or from the files' own dates where there
/// is no readable history: that is no reason to refuse an answer.
pub fn history_facts(root: &Root, graph: &Graph, days: &[Date], done_day: Date) -> Vec<Facts> {
    Repo::open(root, "align")
        .ok()
        .and_then(|repo| dated_facts(&repo, root, graph, days, done_day).ok())
        .unwrap_or_else(|| days.iter().map(|_| Facts::none(graph)).collect())
}

/// The facts about `graph` at each of `days` (inferred done days as of
/// `done_day`), from the history of its item files, cached under the git
/// dir.
pub fn dated_facts(
    repo: &Repo,
    root: &Root,
    graph: &Graph,
    days: &[Date],
    done_day: Date,
) -> Result<Vec<Facts>, Fatal> {
    let paths = item_paths(graph);
    let mut history = History::open(repo, &paths, "audit", &cache_key(root))?;
    let mut reader = Reader::new(repo, root.config.clone());
    let out = days
        .iter()
        .map(|&day| facts_for(&mut history, &mut reader, graph, day, done_day))
        .collect::<Result<Vec<_>, _>>()?;
    history.save();
    Ok(out)
}

/// What the history cache depends on besides the commit: the config.
pub fn cache_key(root: &Root) -> String {
    root.config_path
        .as_ref()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .unwrap_or_default()
}

/// The files of `graph` that hold items: the only paths history follows.
pub fn item_paths(graph: &Graph) -> Vec<String> {
    let mut holds = vec![false; graph.files.len()];
    for item in &graph.items {
        holds[item.origin.file] = true;
    }
    graph
        .files
        .iter()
        .zip(holds)
        .filter(|(_, h)| *h)
        .map(|(f, _)| f.path.clone())
        .collect()
}

/// The facts about `graph` at `day` from `history`, walking it deeper
/// until every fact asked for is known (or the history ends).
pub fn facts_for(
    history: &mut History,
    reader: &mut Reader,
    graph: &Graph,
    day: Date,
    done_day: Date,
) -> Result<Facts, Fatal> {
    let mut batch = 64;
    loop {
        if let Some(facts) = attempt(history, reader, graph, day, done_day)? {
            return Ok(facts);
        }
        if !history.deepen(batch)? {
            // Nothing more to walk: every answer is now final.
            if let Some(facts) = attempt(history, reader, graph, day, done_day)? {
                return Ok(facts);
            }
        }
        batch = (batch * 2).min(4096);
    }
}

/// Reads items' statuses at old versions, each blob parsed once.
pub struct Reader<'a> {
    repo: &'a Repo,
    /// The config the versions are parsed with (its status spellings).
    pub config: Config,
    statuses: HashMap<BlobId, Vec<(String, Status)>>,
}

impl<'a> Reader<'a> {
    pub fn new(repo: &'a Repo, config: Config) -> Reader<'a> {
        Reader {
            repo,
            config,
            statuses: HashMap::new(),
        }
    }

    /// The status of item `id` in a version of file `path`; a version
    /// holding one item stands for it whatever its id (a renamed task).
    fn status(&mut self, path: &str, id: &str, v: &Version) -> Result<Option<Status>, Fatal> {
        let Some(blob) = v.blob else {
            return Ok(None);
        };
        if !self.statuses.contains_key(&blob) {
            let bytes = self.repo.blob(blob)?;
            let list = match quick_status(path, &bytes, &self.config) {
                Some(s) => vec![(id.to_string(), s)],
                None => {
                    let input = Input {
                        path: path.to_string(),
                        content: Content::Bytes(bytes),
                    };
                    let (_, parsed) = workspace::read_one(input, &ParseSettings::new(&self.config));
                    parsed.items.into_iter().map(|i| (i.id, i.status)).collect()
                }
            };
            self.statuses.insert(blob, list);
        }
        let list = &self.statuses[&blob];
        Ok(match list.iter().find(|(i, _)| i == id) {
            Some((_, s)) => Some(*s),
            None if list.len() == 1 => Some(list[0].1),
            None => None,
        })
    }
}

/// The `status:` of a Markdown file's front matter (one item a file),
/// read without parsing its YAML: what history asks of many old versions.
/// `None` where that is not enough (YAML files, no front matter or no
/// plain `status:` line, an unknown spelling): the parser answers then.
fn quick_status(path: &str, bytes: &[u8], config: &Config) -> Option<Status> {
    let lower = path.to_ascii_lowercase();
    if ![".md", ".markdown", ".mdx"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    for line in rest.lines() {
        if line.trim_end() == "---" {
            break;
        }
        if let Some(value) = line.strip_prefix("status:") {
            let value = value.split(" #").next()?.trim();
            let value = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                .unwrap_or(value);
            return config.status(value);
        }
    }
    None
}

/// The facts, or `None` when one needs a deeper walk.
fn attempt(
    history: &History,
    reader: &mut Reader,
    graph: &Graph,
    day: Date,
    done_day: Date,
) -> Result<Option<Facts>, Fatal> {
    let mut facts = Facts::none(graph);
    facts.history_cut = history.cut();
    let mut by_file: Vec<Vec<usize>> = vec![Vec::new(); graph.files.len()];
    for (ix, item) in graph.items.iter().enumerate() {
        by_file[item.origin.file].push(ix);
    }
    for (f, items) in by_file.iter().enumerate() {
        if items.is_empty() {
            continue;
        }
        let path = &graph.files[f].path;
        let versions = history.versions(path);
        // Non-monotonic commit dates are read as git log would: the first
        // commit, newest first, dated on or before the day.
        match versions.list.iter().find(|v| v.date <= day) {
            Some(v) => facts.file_changed[f] = Some(v.date),
            None if versions.more => return Ok(None),
            None => {}
        }
        for &ix in items {
            let item = &graph.items[ix];
            if item.kind != Kind::Task {
                continue;
            }
            if item.status == Status::Done && item.done.is_none() {
                let Some(run) = run_of(reader, path, &item.id, &versions, done_day, Status::Done)?
                else {
                    return Ok(None);
                };
                facts.inferred_done[ix] = run.map(|(start, _)| start);
            }
            if item.status == Status::Blocked && item.blocked_since.is_none() {
                let Some(run) = run_of(reader, path, &item.id, &versions, day, Status::Blocked)?
                else {
                    return Ok(None);
                };
                facts.blocked_since[ix] = run.map(|(start, first)| match (first, item.updated) {
                    (true, Some(u)) if u < start => u,
                    _ => start,
                });
            }
        }
    }
    Ok(Some(facts))
}

/// The latest unbroken run of committed versions (on or before `day`) in
/// which item `id` has `status`: the date of its first commit, and whether
/// that commit created the file. `Some(None)` when the latest version does
/// not have it; `None` when the run may go on below what was walked.
fn run_of(
    reader: &mut Reader,
    path: &str,
    id: &str,
    versions: &crate::git::Versions,
    day: Date,
    status: Status,
) -> Result<Option<Option<(Date, bool)>>, Fatal> {
    let mut start: Option<(Date, bool)> = None;
    for v in versions.list.iter().filter(|v| v.date <= day) {
        if reader.status(path, id, v)? != Some(status) {
            return Ok(Some(start));
        }
        start = Some((v.date, v.origin));
        if v.origin {
            return Ok(Some(start));
        }
    }
    if versions.more {
        return Ok(None);
    }
    Ok(Some(start))
}
