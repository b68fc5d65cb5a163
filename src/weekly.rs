//! The weekly digest of `align report weekly` (SPEC §4): what happened in
//! the seven days ending on as-of — finished work (traced and untraced),
//! newly blocked and overdue blocked work, KRs that turned lagging or
//! stalled since a week ago, the audit's signals, unplanned intake and the
//! top of the `next` queue. Pure: it reads the graph and the facts the
//! caller hands in (now and a week ago) and returns plain data.

use std::collections::HashMap;

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use crate::ser::date_opt;

use crate::audit::{
    self, Context, Facts, KrStatus, Signal, date, finished_in, round2, share, traced_on,
};
use crate::config::Config;
use crate::graph::{Graph, ItemIx};
use crate::model::{Item, Kind, Period, Status, days_between};
use crate::next::Ranked;
use crate::periods::kr_live_on;

/// How many tasks of the `next` queue the digest shows.
pub const NEXT_UP: usize = 5;

/// The digest of one week (the JSON shape of `report weekly`).
#[derive(Debug, Clone, Serialize)]
pub struct Weekly {
    #[serde(serialize_with = "date")]
    pub as_of: Date,
    pub week: Week,
    pub finished: Finished,
    pub newly_blocked: Vec<BlockedTask>,
    /// The limit behind `blocked_past_sla` (`audit.block_sla_days`).
    pub block_sla_days: i64,
    pub blocked_past_sla: Vec<BlockedTask>,
    pub krs: KrChanges,
    pub signals: Vec<Signal>,
    pub unplanned: Vec<UnplannedTask>,
    pub next: Vec<Ranked>,
}

/// The seven days as-of − 6 … as-of, both included.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Week {
    #[serde(serialize_with = "date")]
    pub start: Date,
    #[serde(serialize_with = "date")]
    pub end: Date,
}

/// The tasks finished in the week, traced and untraced.
#[derive(Debug, Clone, Serialize)]
pub struct Finished {
    pub count: usize,
    pub traced: usize,
    pub untraced: usize,
    /// The untraced share of `count`, 0 to 100; `None` when nothing
    /// finished this week (SPEC §8: a share of nothing is not 0%).
    #[serde(serialize_with = "crate::ser::round1_opt")]
    pub untraced_percent: Option<f64>,
    pub tasks: Vec<FinishedTask>,
}

/// One finished task.
#[derive(Debug, Clone, Serialize)]
pub struct FinishedTask {
    pub id: String,
    pub title: String,
    pub owner: Option<String>,
    #[serde(serialize_with = "date")]
    pub done: Date,
    pub traced: bool,
    /// The KRs it traces to that were live on its done day.
    pub krs: Vec<String>,
    /// Why it is untraced (`None` when traced).
    pub untraced_reason: Option<String>,
}

/// A blocked task and since when.
#[derive(Debug, Clone, Serialize)]
pub struct BlockedTask {
    pub id: String,
    pub title: String,
    pub owner: Option<String>,
    /// Its last change (git date, else `updated`): when it became blocked.
    #[serde(serialize_with = "date")]
    pub since: Date,
    pub days: i64,
    /// The KRs it traces to.
    pub krs: Vec<String>,
}

/// KRs that turned lagging or stalled, and every KR lagging now.
#[derive(Debug, Clone, Default, Serialize)]
pub struct KrChanges {
    /// Lagging or stalled at as-of, and not so (in that respect) a week ago.
    pub turned: Vec<KrLine>,
    pub lagging: Vec<KrLine>,
}

/// One KR now and a week ago.
#[derive(Debug, Clone, Serialize)]
pub struct KrLine {
    pub id: String,
    pub title: String,
    pub owner: Option<String>,
    pub status: KrStatus,
    #[serde(serialize_with = "round2")]
    pub progress: f64,
    #[serde(serialize_with = "round2")]
    pub expected: f64,
    pub stalled: bool,
    /// Its status a week ago (`None` when it was not in that audit).
    pub was: Option<KrStatus>,
    pub was_stalled: bool,
}

/// An unplanned task created or finished in the week.
#[derive(Debug, Clone, Serialize)]
pub struct UnplannedTask {
    pub id: String,
    pub title: String,
    pub owner: Option<String>,
    pub status: Status,
    #[serde(serialize_with = "date_opt")]
    pub created: Option<Date>,
    #[serde(serialize_with = "date_opt")]
    pub done: Option<Date>,
    pub reason: Option<String>,
    pub requested_by: Option<String>,
}

/// The week ending on `as_of`.
pub fn week_of(as_of: Date) -> Period {
    let start = as_of.checked_sub(6.days()).unwrap_or(as_of);
    Period::range(start, as_of).expect("start is not after as-of")
}

/// The day a week before `as_of`, the date of the audit the digest
/// compares against.
pub fn week_ago(as_of: Date) -> Date {
    as_of.checked_sub(7.days()).unwrap_or(as_of)
}

/// Builds the digest. `window` is the audit window at as-of (the KRs
/// compared are those active in it); `now` holds the change dates on or
/// before as-of, `before` those on or before [`week_ago`].
pub fn weekly(
    graph: &Graph,
    config: &Config,
    as_of: Date,
    window: &Period,
    now: &Facts,
    before: &Facts,
) -> Weekly {
    let g = graph;
    let week = week_of(as_of);
    let current = audit::audit(g, config, as_of, window, now);
    let past = audit::audit(g, config, week_ago(as_of), window, before);
    let cx = Context {
        graph: g,
        config,
        as_of,
        window,
        facts: now,
    };
    let mut queue = crate::next::rank(&cx, None);
    queue.tasks.truncate(NEXT_UP);
    let (newly_blocked, blocked_past_sla) =
        blocked(g, config.audit.block_sla_days, as_of, &week, now);
    Weekly {
        as_of,
        week: Week {
            start: week.start,
            end: week.end,
        },
        finished: finished(g, now, &week),
        newly_blocked,
        block_sla_days: config.audit.block_sla_days,
        blocked_past_sla,
        krs: kr_changes(&current, &past),
        signals: current.signals,
        unplanned: unplanned(g, now, &week),
        next: queue.tasks,
    }
}

fn finished(g: &Graph, facts: &Facts, week: &Period) -> Finished {
    let tasks: Vec<FinishedTask> = finished_in(g, facts, week)
        .into_iter()
        .filter_map(|t| Some((t, facts.done_on(g, t)?)))
        .map(|(t, day)| {
            let item = &g.items[t];
            let traced = traced_on(g, t, day);
            let krs: Vec<String> = g
                .trace(t)
                .iter()
                .filter(|&&k| kr_live_on(g, k, day))
                .map(|&k| g.items[k].id.clone())
                .collect();
            FinishedTask {
                id: item.id.clone(),
                title: title(item),
                owner: item.owners.first().cloned(),
                done: day,
                traced,
                krs,
                untraced_reason: (!traced).then(|| untraced_reason(g, t, day)),
            }
        })
        .collect();
    let untraced = tasks.iter().filter(|t| !t.traced).count();
    Finished {
        count: tasks.len(),
        traced: tasks.len() - untraced,
        untraced,
        untraced_percent: share(untraced as f64, tasks.len() as f64),
        tasks,
    }
}

/// Why a finished task counts as untraced (SPEC §3 "Untraced work").
fn untraced_reason(g: &Graph, t: ItemIx, day: Date) -> String {
    let item = &g.items[t];
    if item.unplanned {
        return match &item.reason {
            Some(r) => format!("unplanned — {r}"),
            None => "unplanned".to_string(),
        };
    }
    if g.trace(t).is_empty() {
        "links to no KR".to_string()
    } else {
        format!("no KR it traces to was live on {day}")
    }
}

/// Blocked tasks whose last change is in the week, and those blocked
/// longer than the SLA (by the same date, as the audit's stalled check).
fn blocked(
    g: &Graph,
    sla: i64,
    as_of: Date,
    week: &Period,
    facts: &Facts,
) -> (Vec<BlockedTask>, Vec<BlockedTask>) {
    let mut newly = Vec::new();
    let mut overdue = Vec::new();
    for t in 0..g.items.len() {
        let item = &g.items[t];
        if item.kind != Kind::Task || item.status != Status::Blocked {
            continue;
        }
        let Some(since) = facts.blocked_on(g, t) else {
            continue;
        };
        let b = BlockedTask {
            id: item.id.clone(),
            title: title(item),
            owner: item.owners.first().cloned(),
            since,
            days: days_between(since, as_of),
            krs: g.trace(t).iter().map(|&k| g.items[k].id.clone()).collect(),
        };
        // Independent lists: with a short SLA, work blocked early in the
        // week is both new and already overdue.
        if week.contains(since) {
            newly.push(b.clone());
        }
        if b.days > sla {
            overdue.push(b);
        }
    }
    (newly, overdue)
}

/// Compares the KRs of the audit at as-of with those of a week ago.
fn kr_changes(now: &audit::Audit, past: &audit::Audit) -> KrChanges {
    let before: HashMap<&str, &audit::KrReport> =
        past.krs.iter().map(|k| (k.id.as_str(), k)).collect();
    let mut out = KrChanges::default();
    for k in &now.krs {
        let was = before.get(k.id.as_str());
        let was_lagging = was.is_some_and(|w| w.status.is_lagging());
        let was_stalled = was.is_some_and(|w| w.stalled);
        let line = KrLine {
            id: k.id.clone(),
            title: k.title.clone(),
            owner: k.owner.clone(),
            status: k.status,
            progress: k.progress,
            expected: k.expected,
            stalled: k.stalled,
            was: was.map(|w| w.status),
            was_stalled,
        };
        if (k.status.is_lagging() && !was_lagging) || (k.stalled && !was_stalled) {
            out.turned.push(line.clone());
        }
        if k.status.is_lagging() {
            out.lagging.push(line);
        }
    }
    out
}

/// Unplanned tasks created or finished in the week.
fn unplanned(g: &Graph, facts: &Facts, week: &Period) -> Vec<UnplannedTask> {
    (0..g.items.len())
        .map(|ix| {
            (
                &g.items[ix],
                facts
                    .done_on(g, ix)
                    .filter(|_| g.items[ix].status == Status::Done),
            )
        })
        .filter(|(i, _)| i.kind == Kind::Task && i.unplanned)
        .filter(|(i, done)| {
            let created = i.created.is_some_and(|d| week.contains(d));
            created || done.is_some_and(|d| week.contains(d))
        })
        .map(|(i, done)| UnplannedTask {
            id: i.id.clone(),
            title: title(i),
            owner: i.owners.first().cloned(),
            status: i.status,
            created: i.created,
            done,
            reason: i.reason.clone(),
            requested_by: i.requested_by.clone(),
        })
        .collect()
}

fn title(item: &Item) -> String {
    item.title.clone().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::tests::graph_of;
    use jiff::civil::date;

    const O: &str = "---\nkind: objective\ntitle: o\nperiod: 2026-Q4\n---\n";
    const KR: &str =
        "---\nkind: kr\ntitle: Leads\nobjective: O-1\nmetric: {start: 0, target: 10}\n---\n";

    fn digest(files: &[(&str, &str)], as_of: Date) -> Weekly {
        let g = graph_of(files);
        let config = Config::default();
        let window = Period::parse("2026-Q4").unwrap();
        let facts = Facts::none(&g);
        weekly(&g, &config, as_of, &window, &facts, &facts)
    }

    #[test]
    fn the_week_is_seven_days_ending_on_as_of() {
        let w = week_of(date(2026, 11, 12));
        assert_eq!((w.start, w.end), (date(2026, 11, 6), date(2026, 11, 12)));
        assert_eq!(week_ago(date(2026, 11, 12)), date(2026, 11, 5));
    }

    #[test]
    fn finished_work_in_the_week_traced_and_untraced() {
        let w = digest(
            &[
                ("O-1.md", O),
                ("KR-1.md", KR),
                (
                    "T-1.md",
                    "---\nkind: task\ntitle: a\nkr: KR-1\nstatus: done\ndone: 2026-11-06\n---\n",
                ),
                (
                    "T-2.md",
                    "---\nkind: task\ntitle: b\nunplanned: true\nreason: outage\nstatus: done\ndone: 2026-11-12\n---\n",
                ),
                (
                    "T-3.md",
                    "---\nkind: task\ntitle: c\nkr: KR-1\nstatus: done\ndone: 2026-11-05\n---\n",
                ),
            ],
            date(2026, 11, 12),
        );
        let f = &w.finished;
        assert_eq!((f.count, f.traced, f.untraced), (2, 1, 1));
        assert_eq!(f.untraced_percent, Some(50.0));
        assert_eq!(f.tasks[0].krs, ["KR-1"]);
        assert_eq!(
            f.tasks[1].untraced_reason.as_deref(),
            Some("unplanned — outage")
        );
        assert_eq!(w.unplanned.len(), 1);
        assert_eq!(w.unplanned[0].reason.as_deref(), Some("outage"));
    }

    #[test]
    fn blocked_work_new_this_week_or_past_the_sla() {
        let w = digest(
            &[
                ("O-1.md", O),
                ("KR-1.md", KR),
                (
                    "T-1.md",
                    "---\nkind: task\ntitle: a\nkr: KR-1\nstatus: blocked\nupdated: 2026-11-10\n---\n",
                ),
                (
                    "T-2.md",
                    "---\nkind: task\ntitle: b\nkr: KR-1\nstatus: blocked\nupdated: 2026-10-01\n---\n",
                ),
                (
                    "T-3.md",
                    "---\nkind: task\ntitle: c\nkr: KR-1\nstatus: blocked\nupdated: 2026-11-03\n---\n",
                ),
            ],
            date(2026, 11, 12),
        );
        let ids = |v: &[BlockedTask]| v.iter().map(|b| b.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&w.newly_blocked), ["T-1"]);
        // The default SLA is 2 days: blocked 2 days is not past it.
        assert_eq!(ids(&w.blocked_past_sla), ["T-2", "T-3"]);
        assert_eq!(w.blocked_past_sla[0].days, 42);
    }

    #[test]
    fn a_kr_that_fell_behind_during_the_week_turned() {
        // On track a week ago (check-in 4 of 10 on Nov 1 with e ≈ 0.38);
        // a check-in with low confidence this week makes it at risk.
        let kr = "---\nkind: kr\ntitle: Leads\nobjective: O-1\nmetric: {start: 0, target: 10}\ncheckins:\n  - {date: 2026-11-01, value: 4}\n  - {date: 2026-11-10, value: 4.2, confidence: 0.3}\n---\n";
        let w = digest(
            &[
                ("O-1.md", O),
                ("KR-1.md", kr),
                (
                    "T-1.md",
                    "---\nkind: task\ntitle: a\nkr: KR-1\nupdated: 2026-11-10\n---\n",
                ),
            ],
            date(2026, 11, 12),
        );
        assert_eq!(w.krs.turned.len(), 1, "{:?}", w.krs);
        let k = &w.krs.turned[0];
        assert_eq!(
            (k.status, k.was),
            (KrStatus::AtRisk, Some(KrStatus::OnTrack))
        );
        assert_eq!(w.krs.lagging.len(), 1);
    }
}
