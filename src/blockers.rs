//! The Wednesday blocker check of `align report blockers` (SPEC §14):
//! every blocked, late and in-review item with its owner, due date and
//! days, and each blocker with who clears it and by when. Pure: graph,
//! config, as-of and facts in, plain data out.

use jiff::civil::Date;
use serde::Serialize;

use crate::audit::rhythm::{self, kr_ids};
use crate::audit::{Facts, date};
use crate::config::Config;
use crate::graph::{Graph, ItemIx};
use crate::model::{Kind, Status, days_between};
use crate::ser::date_opt;

/// The blocker check (the JSON shape of `report blockers`).
#[derive(Debug, Clone, Serialize)]
pub struct Blockers {
    #[serde(serialize_with = "date")]
    pub as_of: Date,
    /// The thresholds the lists are judged by (`audit.*`).
    pub block_sla_days: i64,
    pub late_days: i64,
    pub review_sla_hours: i64,
    pub blocked: Vec<BlockedItem>,
    pub late: Vec<LateItem>,
    pub review: Vec<ReviewItem>,
}

/// A blocked initiative or task.
#[derive(Debug, Clone, Serialize)]
pub struct BlockedItem {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub owner: Option<String>,
    #[serde(serialize_with = "date_opt")]
    pub due: Option<Date>,
    /// Since when it is blocked (`blocked_since:`, else history, else
    /// `updated`); `None` when unknown.
    #[serde(serialize_with = "date_opt")]
    pub since: Option<Date>,
    pub days: Option<i64>,
    /// Blocked longer than `block_sla_days`.
    pub past_sla: bool,
    pub blocker: Option<BlockerOut>,
    pub krs: Vec<String>,
}

/// `blocker: {reason, owner, due}` as written.
#[derive(Debug, Clone, Serialize)]
pub struct BlockerOut {
    pub reason: Option<String>,
    pub owner: Option<String>,
    #[serde(serialize_with = "date_opt")]
    pub due: Option<Date>,
}

impl BlockerOut {
    /// The blocker of an item, as written.
    pub fn of(b: &crate::model::Blocker) -> BlockerOut {
        BlockerOut {
            reason: b.reason.clone(),
            owner: b.owner.clone(),
            due: b.due,
        }
    }
}

/// Open work more than `late_days` past its due date.
#[derive(Debug, Clone, Serialize)]
pub struct LateItem {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub owner: Option<String>,
    pub status: Status,
    #[serde(serialize_with = "date")]
    pub due: Date,
    pub days_late: i64,
    pub krs: Vec<String>,
}

/// Work waiting for approval.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewItem {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub owner: Option<String>,
    #[serde(serialize_with = "date_opt")]
    pub due: Option<Date>,
    /// The commit that set `review`, else `updated`; `None` when unknown.
    #[serde(serialize_with = "date_opt")]
    pub since: Option<Date>,
    pub days: i64,
    pub hours: i64,
    /// Waiting longer than `review_sla_hours`.
    pub over_sla: bool,
    pub krs: Vec<String>,
}

/// Builds the blocker check as of `as_of`.
pub fn blockers(graph: &Graph, config: &Config, as_of: Date, facts: &Facts) -> Blockers {
    let g = graph;
    let cfg = &config.audit;
    let blocked = (0..g.items.len())
        .filter(|&ix| {
            let item = &g.items[ix];
            matches!(item.kind, Kind::Initiative | Kind::Task) && item.status == Status::Blocked
        })
        .map(|ix| blocked_item(g, ix, as_of, facts, cfg.block_sla_days))
        .collect();
    let late = rhythm::all_late(g, as_of, cfg)
        .into_iter()
        .map(|l| {
            let item = &g.items[l.item];
            LateItem {
                id: item.id.clone(),
                kind: item.kind,
                title: item.title.clone().unwrap_or_default(),
                owner: item.owners.first().cloned(),
                status: item.status,
                due: l.due,
                days_late: l.days,
                krs: kr_ids(g, l.item),
            }
        })
        .collect();
    let review = rhythm::all_in_review(g, as_of, facts)
        .into_iter()
        .map(|r| {
            let item = &g.items[r.item];
            ReviewItem {
                id: item.id.clone(),
                kind: item.kind,
                title: item.title.clone().unwrap_or_default(),
                owner: item.owners.first().cloned(),
                due: item.due,
                since: r.since,
                days: r.days,
                hours: r.hours(),
                over_sla: r.over(cfg),
                krs: kr_ids(g, r.item),
            }
        })
        .collect();
    Blockers {
        as_of,
        block_sla_days: cfg.block_sla_days,
        late_days: cfg.late_days,
        review_sla_hours: cfg.review_sla_hours,
        blocked,
        late,
        review,
    }
}

fn blocked_item(g: &Graph, ix: ItemIx, as_of: Date, facts: &Facts, sla: i64) -> BlockedItem {
    let item = &g.items[ix];
    // The same date the audit's blocked-past-SLA check uses (SPEC §8).
    let since = facts.blocked_on(g, ix);
    let days = since.map(|d| days_between(d, as_of));
    BlockedItem {
        id: item.id.clone(),
        kind: item.kind,
        title: item.title.clone().unwrap_or_default(),
        owner: item.owners.first().cloned(),
        due: item.due,
        since,
        days,
        past_sla: days.is_some_and(|d| d > sla),
        blocker: item.blocker.as_ref().map(BlockerOut::of),
        krs: kr_ids(g, ix),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::tests::graph_of;
    use jiff::civil::date;

    #[test]
    fn blocked_late_and_in_review_with_owner_due_and_days() {
        let g = graph_of(&[
            (
                "T-1.md",
                "---\nkind: task\ntitle: a\nstatus: blocked\nupdated: 2026-11-05\nblocker: {reason: legal, owner: dana, due: 2026-11-14}\n---\n",
            ),
            (
                "T-2.md",
                "---\nkind: task\ntitle: b\nowner: sam\ndue: 2026-11-02\n---\n",
            ),
            (
                "T-3.md",
                "---\nkind: task\ntitle: c\nstatus: review\nupdated: 2026-11-09\n---\n",
            ),
        ]);
        let b = blockers(&g, &Config::default(), date(2026, 11, 12), &Facts::none(&g));
        assert_eq!(b.blocked[0].days, Some(7));
        assert!(b.blocked[0].past_sla);
        let owner = b.blocked[0].blocker.as_ref().unwrap().owner.as_deref();
        assert_eq!(owner, Some("dana"));
        assert_eq!((b.late[0].id.as_str(), b.late[0].days_late), ("T-2", 10));
        assert_eq!((b.review[0].hours, b.review[0].over_sla), (72, true));
    }
}
