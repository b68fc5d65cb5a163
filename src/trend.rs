//! `align trend`: the audit metrics at points in git history (SPEC §4).
//! Each point is what `align audit --as-of DATE` says of the tree of the
//! last first-parent commit at or before DATE, over the window containing
//! DATE, with the `align.yaml` of that commit (SPEC §8). A point costs the
//! files its commit changed since the point before.

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::Date;
use rayon::prelude::*;
use serde::Serialize;

use crate::audit;
use crate::config::{Config, Root};
use crate::error::Fatal;
use crate::git::{BlobId, CommitId, History, Repo};
use crate::graph::Graph;
use crate::load::Reader;
use crate::parse::{ParseSettings, Parsed};
use crate::workspace::{self, Content, Input, SourceFile};

/// One point of the trend. Each percentage travels with its numerator and
/// denominator, and is `None` (`null`) where the denominator is 0 (SPEC §8).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Point {
    #[serde(serialize_with = "crate::trend::date")]
    pub date: Date,
    /// The commit measured, `None` before the first commit.
    pub commit: Option<String>,
    pub untraced_percent: Option<f64>,
    /// Finished tasks in the window, and those of them untraced.
    pub finished: usize,
    pub untraced: usize,
    pub lagging_share_percent: Option<f64>,
    /// Open tasks, and those of them on a lagging KR.
    pub open: usize,
    pub on_lagging: usize,
    pub krs_lagging: usize,
}

/// The whole trend, for `--format json`.
#[derive(Debug, Clone, Serialize)]
pub struct Trend {
    pub points: Vec<Point>,
    /// The repository is a shallow clone: points before its cut are missing.
    pub shallow: bool,
    /// Points judged with today's `align.yaml` because their own could not
    /// be read, as `path:line: message` (empty when every point had its own).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

use crate::ser::date;

/// How far apart the points are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Week,
    Month,
}

/// The dates of the points: `since`, then every 7 days (or the same day of
/// each following month), up to `as_of`, which is always the last point.
pub fn dates(since: Date, as_of: Date, step: Step) -> Vec<Date> {
    let mut out = Vec::new();
    for k in 0i64.. {
        let next = match step {
            Step::Week => since.checked_add((7 * k).days()),
            Step::Month => since.checked_add(k.months()),
        };
        match next {
            Ok(d) if d < as_of => out.push(d),
            _ => break,
        }
    }
    out.push(as_of);
    out
}

/// Computes the trend over `dates` (ascending). `progress` is told after
/// each point, for a progress bar on long histories. With `history` false
/// every point is judged by its files' own dates.
///
/// Memory stays bounded by one tree: the files of the point measured are
/// kept parsed, and the next point re-reads only what the tree diff
/// between the two commits names. A first pass over the same diffs
/// collects the item files of every point, so one walk of history (which
/// follows renames and is cached like `audit`'s) dates them all.
pub fn trend(
    repo: &Repo,
    root: &Root,
    dates: &[Date],
    history: bool,
    mut progress: impl FnMut(usize, usize),
) -> Result<Trend, Fatal> {
    let commits: Vec<Option<CommitId>> = {
        let log = repo.first_parent_history()?; // newest first
        dates
            .iter()
            .map(|&day| log.iter().find(|(_, d)| *d <= day).map(|(c, _)| *c))
            .collect()
    };
    let mut union = Vec::new();
    if history {
        let mut tree = Tree::new(repo, root);
        for &c in &commits {
            if tree.advance(c)? {
                union.extend(tree.item_paths());
            }
        }
        union.sort();
        union.dedup();
    }
    let mut walk = if history {
        Some(History::open(
            repo,
            &union,
            "trend",
            &crate::load::cache_key(root),
        )?)
    } else {
        None
    };
    let mut tree = Tree::new(repo, root);
    let mut points = Vec::with_capacity(dates.len());
    let mut shallow = false;
    let mut graph: Option<Graph> = None;
    // Whether the graph built last was rewound to its day (SPEC §8): then
    // the next point, a later day, needs its own view even on the same commit.
    let mut rewound = false;
    // Old versions' statuses, parsed once while the config stays the same.
    let mut reader: Option<Reader> = None;
    for (n, (&day, &commit)) in dates.iter().zip(&commits).enumerate() {
        // A point on the same commit as the one before (a quiet week) is
        // judged again with its day's facts, without rebuilding its graph.
        if tree.advance(commit)? || graph.is_none() || rewound {
            let ws = tree.workspace();
            rewound = crate::asof::rewinds(&ws, day);
            graph = Some(Graph::build(crate::asof::view(ws, day)));
        }
        let g = graph.as_ref().expect("built above");
        let facts = match walk.as_mut() {
            Some(h) => {
                let reader = match reader.take() {
                    Some(r) if r.config == tree.config => reader.insert(r),
                    _ => reader.insert(Reader::new(repo, tree.config.clone())),
                };
                let f = crate::load::facts_for(h, reader, g, day, day)?;
                shallow |= f.history_cut;
                f
            }
            None => audit::Facts::none(g),
        };
        let m = audit::metrics_at(g, &tree.config, day, &facts);
        points.push(Point {
            date: day,
            commit: commit.map(|c| c.to_string()[..10].to_string()),
            untraced_percent: m.untraced_percent,
            finished: m.finished,
            untraced: m.untraced,
            lagging_share_percent: m.lagging_share_percent,
            open: m.open,
            on_lagging: m.on_lagging,
            krs_lagging: m.krs_lagging,
        });
        progress(n + 1, dates.len());
    }
    if let Some(h) = walk {
        h.save();
    }
    Ok(Trend {
        points,
        shallow: shallow || repo.is_shallow(),
        warnings: tree.warnings,
    })
}

/// The included files of one commit, parsed, with the config of that
/// commit; moved from commit to commit by tree diffs.
struct Tree<'r> {
    repo: &'r Repo,
    root: &'r Root,
    at: Option<CommitId>,
    config_text: Option<Vec<u8>>,
    config: Config,
    files: BTreeMap<String, (BlobId, (SourceFile, Parsed))>,
    warnings: Vec<String>,
}

impl<'r> Tree<'r> {
    fn new(repo: &'r Repo, root: &'r Root) -> Tree<'r> {
        Tree {
            repo,
            root,
            at: None,
            config_text: None,
            config: root.config.clone(),
            files: BTreeMap::new(),
            warnings: Vec::new(),
        }
    }

    /// Moves to `commit`; false when it is already there.
    fn advance(&mut self, commit: Option<CommitId>) -> Result<bool, Fatal> {
        if commit == self.at && (commit.is_some() || !self.files.is_empty()) {
            return Ok(false);
        }
        let Some(c) = commit else {
            self.at = None;
            self.files.clear();
            return Ok(true);
        };
        let text = self.repo.config_at(c)?;
        let changed: Vec<(String, Option<BlobId>)> =
            if self.at.is_some() && text == self.config_text {
                self.repo.changed_blobs(&self.config_root(), self.at, c)?
            } else {
                // Another config (or the first point): its globs and spellings
                // decide which files are items and how they parse.
                self.config = self.config_of(text.as_deref(), c);
                self.config_text = text;
                self.files.clear();
                let root = self.config_root();
                self.repo
                    .tree_blobs(&root, c)?
                    .into_iter()
                    .map(|(p, b)| (p, Some(b)))
                    .collect()
            };
        let settings = ParseSettings::new(&self.config);
        // Blobs are read one by one (a git2 repository is not shared
        // between threads), then parsed on every core.
        let mut read = Vec::with_capacity(changed.len());
        for (path, blob) in changed {
            match blob {
                None => {
                    self.files.remove(&path);
                }
                Some(b) => read.push((
                    b,
                    Input {
                        content: Content::Bytes(self.repo.blob(b)?),
                        path,
                    },
                )),
            }
        }
        let parsed: Vec<(BlobId, (SourceFile, Parsed))> = read
            .into_par_iter()
            .map(|(b, input)| (b, workspace::read_one(input, &settings)))
            .collect();
        for (b, parsed) in parsed {
            self.files.insert(parsed.0.path.clone(), (b, parsed));
        }
        self.at = commit;
        Ok(true)
    }

    /// The root with the config of the commit measured.
    fn config_root(&self) -> Root {
        Root {
            config: self.config.clone(),
            ..self.root.clone()
        }
    }

    /// The config a commit's `align.yaml` says (the defaults without one);
    /// today's, with a warning, when it cannot be read.
    fn config_of(&mut self, text: Option<&[u8]>, c: CommitId) -> Config {
        let Some(bytes) = text else {
            return Config::default();
        };
        let path = self.root.dir.join(crate::config::FILE_NAME);
        match std::str::from_utf8(bytes)
            .map_err(|e| e.to_string())
            .and_then(|t| Config::parse(t, &path).map_err(|e| e.to_string()))
        {
            Ok(config) => config,
            Err(e) => {
                let short = c.to_string()[..10].to_string();
                self.warnings.push(format!(
                    "align.yaml at commit {short} could not be read ({e}); its points use today's"
                ));
                self.root.config.clone()
            }
        }
    }

    /// The files that hold items.
    fn item_paths(&self) -> impl Iterator<Item = String> + '_ {
        self.files
            .iter()
            .filter(|(_, (_, (_, p)))| !p.items.is_empty())
            .map(|(path, _)| path.clone())
    }

    fn workspace(&self) -> workspace::Workspace {
        workspace::assemble(self.files.values().map(|(_, p)| p.clone()).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn weekly_and_monthly_dates_end_at_as_of() {
        let d = dates(date(2026, 10, 1), date(2026, 10, 20), Step::Week);
        assert_eq!(
            d,
            [
                date(2026, 10, 1),
                date(2026, 10, 8),
                date(2026, 10, 15),
                date(2026, 10, 20)
            ]
        );
        let d = dates(date(2026, 1, 31), date(2026, 4, 1), Step::Month);
        assert_eq!(
            d,
            [
                date(2026, 1, 31),
                date(2026, 2, 28),
                date(2026, 3, 31),
                date(2026, 4, 1)
            ]
        );
        assert_eq!(
            dates(date(2026, 10, 1), date(2026, 10, 1), Step::Week),
            [date(2026, 10, 1)]
        );
    }
}
