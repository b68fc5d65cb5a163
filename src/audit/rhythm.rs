//! The operating rhythm of SPEC §14 as facts the audit computes: late
//! work (an open initiative or task more than `audit.late_days` past its
//! `due`), slow approvals (work in `review` longer than
//! `audit.review_sla_hours`) and check-ins due (a KR whose latest check-in
//! is older than `audit.checkin_days`). Pure functions of the graph, the
//! as-of date and the facts handed in; the audit turns them into the
//! `late`, `approval` and `checkin_due` signals, and the reports of
//! `align report planning|blockers|review` list them.

use jiff::civil::Date;

use super::{Facts, KrReport, KrStatus, Signal, SignalKind};
use crate::config::AuditConfig;
use crate::graph::{Graph, ItemIx};
use crate::model::{Kind, LinkField, Period, Status, days_between};

use super::progress::latest_checkin;

/// An open initiative or task past its `due` by more than `late_days`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Late {
    pub item: ItemIx,
    pub due: Date,
    /// Days from `due` to as-of.
    pub days: i64,
}

/// Whether item `ix` is late at `as_of` (SPEC §14 "Late work"): open
/// work with a `due` more than `late_days` before as-of.
pub fn late(g: &Graph, ix: ItemIx, as_of: Date, cfg: &AuditConfig) -> Option<Late> {
    let item = &g.items[ix];
    if !matches!(item.kind, Kind::Initiative | Kind::Task) || !item.is_open() {
        return None;
    }
    let due = item.due?;
    let days = days_between(due, as_of);
    (days > cfg.late_days).then_some(Late {
        item: ix,
        due,
        days,
    })
}

/// The late initiatives that link to KR `kr`: each makes it at risk, as a
/// stall does ("launch delayed by more than three days").
pub fn late_initiatives(g: &Graph, kr: ItemIx, as_of: Date, cfg: &AuditConfig) -> Vec<Late> {
    g.sources(kr, LinkField::Kr)
        .filter(|&i| g.items[i].kind == Kind::Initiative)
        .filter_map(|i| late(g, i, as_of, cfg))
        .collect()
}

/// Every late initiative and task, in file order.
pub fn all_late(g: &Graph, as_of: Date, cfg: &AuditConfig) -> Vec<Late> {
    (0..g.items.len())
        .filter_map(|ix| late(g, ix, as_of, cfg))
        .collect()
}

/// Work waiting for approval: an item in `review` and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InReview {
    pub item: ItemIx,
    /// The day it went into review: the commit that set `review`, else
    /// its `updated` field; `None` when neither tells.
    pub since: Option<Date>,
    /// Whole days in review (0 when `since` is unknown).
    pub days: i64,
}

impl InReview {
    /// The time in review in hours, at the day's resolution the dates give.
    pub fn hours(&self) -> i64 {
        self.days * 24
    }

    /// Whether it has waited longer than `review_sla_hours`.
    pub fn over(&self, cfg: &AuditConfig) -> bool {
        self.since.is_some() && self.hours() > cfg.review_sla_hours
    }
}

/// Item `ix` if it is in review at `as_of`.
pub fn in_review(g: &Graph, ix: ItemIx, as_of: Date, facts: &Facts) -> Option<InReview> {
    let item = &g.items[ix];
    if item.status != Status::Review {
        return None;
    }
    let since = facts.review_on(g, ix);
    Some(InReview {
        item: ix,
        since,
        days: since.map_or(0, |d| days_between(d, as_of).max(0)),
    })
}

/// Every item in review, in file order.
pub fn all_in_review(g: &Graph, as_of: Date, facts: &Facts) -> Vec<InReview> {
    (0..g.items.len())
        .filter_map(|ix| in_review(g, ix, as_of, facts))
        .collect()
}

/// A KR due its check-in (SPEC §14 "the Friday KR update").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckinDue {
    pub kr: ItemIx,
    /// Its latest check-in at or before as-of; `None` when it has none.
    pub last: Option<Date>,
    /// Days since that check-in, else since its period started.
    pub days: i64,
}

/// Whether KR `kr`, with `status` over `period`, is due a check-in: it has
/// a metric (a task-driven KR moves with its tasks, not with check-ins),
/// is in play (not done, started), and its latest check-in — else its
/// period start — is more than `checkin_days` before as-of.
pub fn checkin_due(
    g: &Graph,
    kr: ItemIx,
    status: KrStatus,
    period: &Period,
    as_of: Date,
    cfg: &AuditConfig,
) -> Option<CheckinDue> {
    let item = &g.items[kr];
    if item.metric.is_none() || matches!(status, KrStatus::Done | KrStatus::NotStarted) {
        return None;
    }
    if as_of > period.end {
        return None;
    }
    let last = latest_checkin(&item.checkins, as_of).map(|c| c.date);
    let days = days_between(last.unwrap_or(period.start), as_of);
    (days > cfg.checkin_days).then_some(CheckinDue { kr, last, days })
}

/// The ids of the KRs `ix` traces to, for "it holds back …".
pub fn kr_ids(g: &Graph, ix: ItemIx) -> Vec<String> {
    g.trace(ix).iter().map(|&k| g.items[k].id.clone()).collect()
}

/// The `late`, `approval` and `checkin_due` signals of SPEC §14.
pub fn signals(
    g: &Graph,
    cfg: &AuditConfig,
    as_of: Date,
    facts: &Facts,
    krs: &[KrReport],
    periods: &[Period],
) -> Vec<Signal> {
    let mut out = Vec::new();
    for l in all_late(g, as_of, cfg) {
        let item = &g.items[l.item];
        let held = kr_ids(g, l.item);
        let holds = if held.is_empty() {
            String::new()
        } else {
            format!("; it holds back {}", held.join(", "))
        };
        out.push(Signal {
            kind: SignalKind::Late,
            id: Some(item.id.clone()),
            message: format!(
                "{} {} ({}) is {} days late (due {}), over the {}-day limit{holds}",
                item.kind,
                item.id,
                owner_or_none(item.owners.first()),
                l.days,
                l.due,
                cfg.late_days
            ),
        });
    }
    for r in all_in_review(g, as_of, facts) {
        if !r.over(cfg) {
            continue;
        }
        let item = &g.items[r.item];
        let since = r.since.map(|d| format!(" (since {d})")).unwrap_or_default();
        out.push(Signal {
            kind: SignalKind::Approval,
            id: Some(item.id.clone()),
            message: format!(
                "{} ({}) has waited {} hours for approval{since}, over the {}-hour limit",
                item.id,
                owner_or_none(item.owners.first()),
                r.hours(),
                cfg.review_sla_hours
            ),
        });
    }
    for (k, period) in krs.iter().zip(periods) {
        if let Some(d) = checkin_due(g, k.ix, k.status, period, as_of, cfg) {
            let last = match d.last {
                Some(day) => format!("its latest check-in was {} days ago ({day})", d.days),
                None => format!(
                    "it has had no check-in in the {} days since its period began",
                    d.days
                ),
            };
            out.push(Signal {
                kind: SignalKind::CheckinDue,
                id: Some(k.id.clone()),
                message: format!(
                    "{} ({}) is due a check-in: {last}, over the {}-day rhythm",
                    k.id,
                    owner_or_none(k.owner.as_ref()),
                    cfg.checkin_days
                ),
            });
        }
    }
    out
}

fn owner_or_none(owner: Option<&String>) -> String {
    owner.map_or_else(|| "no owner".to_string(), |o| o.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::tests::graph_of;
    use jiff::civil::date;

    const KR: &str = "---\nkind: kr\ntitle: k\nobjective: O-1\nmetric: {start: 0, target: 10}\ncheckins:\n  - {date: 2026-11-04, value: 3}\n---\n";

    #[test]
    fn late_is_more_than_late_days_past_due_and_open() {
        let g = graph_of(&[
            ("KR-1.md", KR),
            (
                "I-1.md",
                "---\nkind: initiative\ntitle: i\nkr: KR-1\ndue: 2026-11-08\n---\n",
            ),
            (
                "I-2.md",
                "---\nkind: initiative\ntitle: i\nkr: KR-1\ndue: 2026-11-09\n---\n",
            ),
            (
                "T-1.md",
                "---\nkind: task\ntitle: t\nkr: KR-1\ndue: 2026-10-01\nstatus: done\ndone: 2026-11-01\n---\n",
            ),
        ]);
        let cfg = AuditConfig::default();
        let as_of = date(2026, 11, 12);
        let late: Vec<&str> = all_late(&g, as_of, &cfg)
            .iter()
            .map(|l| g.items[l.item].id.as_str())
            .collect();
        // 4 days past due is late; 3 is not; done work is never late.
        assert_eq!(late, ["I-1"]);
        let kr = g.get("KR-1").unwrap();
        assert_eq!(late_initiatives(&g, kr, as_of, &cfg)[0].days, 4);
    }

    #[test]
    fn checkin_due_after_checkin_days() {
        let g = graph_of(&[("KR-1.md", KR)]);
        let kr = g.get("KR-1").unwrap();
        let q4 = Period::parse("2026-Q4").unwrap();
        let cfg = AuditConfig::default();
        let due = |d| checkin_due(&g, kr, KrStatus::OnTrack, &q4, d, &cfg);
        assert_eq!(due(date(2026, 11, 11)), None);
        assert_eq!(due(date(2026, 11, 12)).map(|d| d.days), Some(8));
        assert_eq!(
            due(date(2026, 11, 12)).unwrap().last,
            Some(date(2026, 11, 4))
        );
        assert_eq!(
            checkin_due(&g, kr, KrStatus::Done, &q4, date(2026, 11, 20), &cfg),
            None
        );
    }

    #[test]
    fn review_time_by_updated_without_history() {
        let g = graph_of(&[(
            "T-1.md",
            "---\nkind: task\ntitle: t\nstatus: review\nupdated: 2026-11-09\n---\n",
        )]);
        let facts = Facts::none(&g);
        let r = in_review(&g, 0, date(2026, 11, 12), &facts).unwrap();
        assert_eq!(
            (r.since, r.days, r.hours()),
            (Some(date(2026, 11, 9)), 3, 72)
        );
        assert!(r.over(&AuditConfig::default()));
        let r = in_review(&g, 0, date(2026, 11, 11), &facts).unwrap();
        assert!(!r.over(&AuditConfig::default()), "48 hours is not over 48");
    }
}
