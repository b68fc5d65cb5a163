//! Time in review from git history (SPEC §14 "Slow approvals"): for each
//! item in `review`, the day of the commit that set it — the first commit
//! of the latest unbroken run of HEAD's first-parent commits in which the
//! item's file says `review`. Only items in review are followed, and the
//! walk stops as soon as each one's run has ended, so a workspace with
//! nothing waiting for approval reads no history at all. Git is read
//! through [`Repo`]'s public calls; this module only interprets versions.
//! Each commit walked costs one listing of its tree, so the cost grows with
//! how long the oldest item has been in review, not with the history.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::config::Root;
use crate::error::Fatal;
use crate::git::{BlobId, Repo};
use crate::graph::Graph;
use crate::model::Status;
use crate::parse::ParseSettings;
use crate::workspace::{self, Content, Input};

/// Per item of `graph`, the day it went into review by history as of
/// `as_of`; `None` for items not in review and where history does not
/// tell (no repository, or the work tree set `review` after the last
/// commit), so the caller falls back to `updated`.
pub fn review_since(root: &Root, graph: &Graph, as_of: Date) -> Vec<Option<Date>> {
    let mut out = vec![None; graph.items.len()];
    let pending: Vec<usize> = (0..graph.items.len())
        .filter(|&ix| graph.items[ix].status == Status::Review)
        .collect();
    if pending.is_empty() {
        return out;
    }
    // Unreadable history is no reason to refuse an answer: `updated` then.
    let Ok(repo) = Repo::open(root, "align") else {
        return out;
    };
    if let Ok(found) = walk(&repo, root, graph, &pending, as_of) {
        for (ix, run) in found {
            // A run that starts with the file's first commit says only
            // when the file reached git: an earlier `updated` tells more.
            out[ix] = run.map(|(start, origin)| match graph.items[ix].updated {
                Some(u) if origin && u < start => u,
                _ => start,
            });
        }
    }
    out
}

/// One item's latest run in review: the day of its first commit, and
/// whether that commit is where the file first appears (or the oldest
/// commit walked); `None` when the last commit does not have it in review.
type Run = Option<(Date, bool)>;

/// Walks back from HEAD until every pending item's review run has ended.
fn walk(
    repo: &Repo,
    root: &Root,
    graph: &Graph,
    pending: &[usize],
    as_of: Date,
) -> Result<Vec<(usize, Run)>, Fatal> {
    let settings = ParseSettings::new(&root.config);
    let mut statuses: HashMap<BlobId, Vec<(String, Status)>> = HashMap::new();
    // Per pending item: its run so far, and whether the run has ended.
    let mut runs: Vec<(usize, Run, bool)> = pending.iter().map(|&ix| (ix, None, false)).collect();
    for (commit, day) in repo.first_parent_history()? {
        if day > as_of {
            continue;
        }
        let blobs: HashMap<String, BlobId> = repo.tree_blobs(root, commit)?.into_iter().collect();
        for run in runs.iter_mut().filter(|r| !r.2) {
            let item = &graph.items[run.0];
            let path = &graph.files[item.origin.file].path;
            let status = match blobs.get(path) {
                Some(&blob) => status_in(repo, &settings, &mut statuses, path, blob, &item.id)?,
                None => {
                    // The file is not in this commit: the run began with it.
                    run.1 = run.1.map(|(d, _)| (d, true));
                    run.2 = true;
                    continue;
                }
            };
            if status == Some(Status::Review) {
                run.1 = Some((day, false));
            } else {
                run.2 = true;
            }
        }
        if runs.iter().all(|r| r.2) {
            break;
        }
    }
    // History ended with a run still going: its start is the oldest commit.
    for run in runs.iter_mut().filter(|r| !r.2) {
        run.1 = run.1.map(|(d, _)| (d, true));
    }
    Ok(runs.into_iter().map(|(ix, day, _)| (ix, day)).collect())
}

/// The status of item `id` in one version of `path`, each blob parsed once.
fn status_in(
    repo: &Repo,
    settings: &ParseSettings,
    cache: &mut HashMap<BlobId, Vec<(String, Status)>>,
    path: &str,
    blob: BlobId,
    id: &str,
) -> Result<Option<Status>, Fatal> {
    let list = match cache.entry(blob) {
        std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
        std::collections::hash_map::Entry::Vacant(e) => {
            let input = Input {
                path: path.to_string(),
                content: Content::Bytes(repo.blob(blob)?),
            };
            let (_, parsed) = workspace::read_one(input, settings);
            e.insert(parsed.items.into_iter().map(|i| (i.id, i.status)).collect())
        }
    };
    Ok(list.iter().find(|(i, _)| i == id).map(|(_, s)| *s))
}
