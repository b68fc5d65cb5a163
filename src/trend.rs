//! `align trend`: the audit metrics at points in git history (SPEC §4).
//! Each point is what `align audit --as-of DATE` says of the tree of the
//! last first-parent commit at or before DATE, over the window containing
//! DATE. Files are parsed once per blob: a commit costs what it changed.

use std::collections::HashMap;

use crate::git::{BlobId, CommitId};
use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use crate::audit;
use crate::config::Root;
use crate::error::Fatal;
use crate::git::Repo;
use crate::graph::Graph;
use crate::parse::{ParseSettings, Parsed};
use crate::workspace::{self, Content, Input, SourceFile};

/// One point of the trend.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Point {
    #[serde(serialize_with = "crate::trend::date")]
    pub date: Date,
    /// The commit measured, `None` before the first commit.
    pub commit: Option<String>,
    /// `None` when nothing finished in the point's window (SPEC §8).
    pub untraced_percent: Option<f64>,
    /// `None` without open tasks.
    pub lagging_share_percent: Option<f64>,
    pub krs_lagging: usize,
}

/// The whole trend, for `--format json`.
#[derive(Debug, Clone, Serialize)]
pub struct Trend {
    pub points: Vec<Point>,
    /// The repository is a shallow clone: points before its cut are missing.
    pub shallow: bool,
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

/// A file read at a commit, with what parsing it found.
type ReadFile = (SourceFile, Parsed);

/// Computes the trend over `dates` (ascending). `progress` is told after
/// each point, for a progress bar on long histories.
pub fn trend(
    repo: &Repo,
    root: &Root,
    dates: &[Date],
    mut progress: impl FnMut(usize, usize),
) -> Result<Trend, Fatal> {
    let history = repo.first_parent_history()?; // newest first
    let changes = repo.change_dates()?;
    let settings = ParseSettings::new(&root.config);
    let mut cache: HashMap<(String, BlobId), (SourceFile, Parsed)> = HashMap::new();
    let mut points = Vec::with_capacity(dates.len());
    // The files of the commit measured last: points that fall on the same
    // commit (a quiet week) judge them again as of their own day (SPEC §8)
    // without reading the tree again.
    let mut built: Option<(Option<CommitId>, Vec<ReadFile>)> = None;
    for (n, &day) in dates.iter().enumerate() {
        let commit = history.iter().find(|(_, d)| *d <= day).map(|(oid, _)| *oid);
        let files = match built.take() {
            Some((c, files)) if c == commit => files,
            _ => {
                let mut files = Vec::new();
                if let Some(oid) = commit {
                    for (path, blob) in repo.tree_blobs(root, oid)? {
                        let key = (path, blob);
                        if !cache.contains_key(&key) {
                            let input = Input {
                                path: key.0.clone(),
                                content: Content::Bytes(repo.blob(blob)?),
                            };
                            let parsed = workspace::read_one(input, &settings);
                            cache.insert(key.clone(), parsed);
                        }
                        files.push(cache[&key].clone());
                    }
                }
                files
            }
        };
        let graph = Graph::build(crate::asof::view(workspace::assemble(files.clone()), day));
        let facts = audit::Facts::from_history(&graph, &changes, day);
        let m = audit::metrics_at(&graph, &root.config, day, &facts);
        points.push(Point {
            date: day,
            commit: commit.map(|c| c.to_string()[..10].to_string()),
            untraced_percent: m.untraced_percent.map(|p| audit::round_to(p, 1)),
            lagging_share_percent: m.lagging_share_percent.map(|p| audit::round_to(p, 1)),
            krs_lagging: m.krs_lagging,
        });
        built = Some((commit, files));
        progress(n + 1, dates.len());
    }
    Ok(Trend {
        points,
        shallow: changes.shallow,
    })
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
