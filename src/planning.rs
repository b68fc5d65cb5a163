//! The Monday planning report of `align report planning` (SPEC §14): the
//! lagging and starved KRs with the open work that could move them (in
//! the `next` order, best first), and the intake of the week ending on
//! as-of that traces to no KR. Pure: graph, config, as-of and facts in,
//! plain data out.

use jiff::civil::Date;
use serde::Serialize;

use crate::audit::{self, Context, Facts, KrStatus, date, round2};
use crate::config::Config;
use crate::graph::Graph;
use crate::model::{Kind, Period, Status};
use crate::periods::kr_live_on;
use crate::ser::date_opt;
use crate::weekly::{Week, week_of};

/// The planning report (the JSON shape of `report planning`).
#[derive(Debug, Clone, Serialize)]
pub struct Planning {
    #[serde(serialize_with = "date")]
    pub as_of: Date,
    pub week: Week,
    /// Lagging or starved KRs, worst status first.
    pub krs: Vec<PlanKr>,
    /// Tasks created in the week that trace to no KR live on as-of.
    pub intake: Vec<IntakeTask>,
}

/// A KR that needs work aimed at it, and the open work that could move it.
#[derive(Debug, Clone, Serialize)]
pub struct PlanKr {
    pub id: String,
    pub title: String,
    pub owner: Option<String>,
    pub status: KrStatus,
    #[serde(serialize_with = "round2")]
    pub progress: f64,
    #[serde(serialize_with = "round2")]
    pub expected: f64,
    pub weeks_remaining: i64,
    pub starved: bool,
    pub stalled: bool,
    /// Late initiatives aimed at it (SPEC §14).
    pub late: Vec<String>,
    /// Its open tasks, in the `next` order.
    pub work: Vec<PlanTask>,
}

/// One open task that traces to a KR of the plan.
#[derive(Debug, Clone, Serialize)]
pub struct PlanTask {
    pub id: String,
    pub title: String,
    pub owner: Option<String>,
    pub status: Status,
    #[serde(serialize_with = "date_opt")]
    pub due: Option<Date>,
    #[serde(serialize_with = "round2")]
    pub score: f64,
}

/// A task taken on this week that moves no goal.
#[derive(Debug, Clone, Serialize)]
pub struct IntakeTask {
    pub id: String,
    pub title: String,
    pub owner: Option<String>,
    pub status: Status,
    #[serde(serialize_with = "date")]
    pub created: Date,
    pub unplanned: bool,
    pub reason: Option<String>,
    pub requested_by: Option<String>,
}

/// Builds the planning report over `window` as of `as_of`.
pub fn planning(
    graph: &Graph,
    config: &Config,
    as_of: Date,
    window: &Period,
    facts: &Facts,
) -> Planning {
    let g = graph;
    let a = audit::audit(g, config, as_of, window, facts);
    let cx = Context {
        graph: g,
        config,
        as_of,
        window,
        facts,
    };
    let queue = crate::next::rank(&cx, None);
    let mut krs: Vec<PlanKr> = a
        .krs
        .iter()
        .filter(|k| k.status.is_lagging() || k.starved)
        .map(|k| PlanKr {
            id: k.id.clone(),
            title: k.title.clone(),
            owner: k.owner.clone(),
            status: k.status,
            progress: k.progress,
            expected: k.expected,
            weeks_remaining: k.weeks_remaining,
            starved: k.starved,
            stalled: k.stalled,
            late: k.late.clone(),
            work: queue
                .tasks
                .iter()
                .filter(|t| g.trace(t.ix).contains(&k.ix))
                .map(|t| PlanTask {
                    id: t.id.clone(),
                    title: t.title.clone(),
                    owner: t.owner.clone(),
                    status: t.status,
                    due: g.items[t.ix].due,
                    score: t.score,
                })
                .collect(),
        })
        .collect();
    // Worst first; the audit's order (file order) breaks ties.
    krs.sort_by_key(|k| std::cmp::Reverse(k.status));
    let week = week_of(as_of);
    let intake = (0..g.items.len())
        .filter(|&t| {
            let item = &g.items[t];
            item.kind == Kind::Task
                && item.status != Status::Cancelled
                && item.created.is_some_and(|d| week.contains(d))
                && !g.trace(t).iter().any(|&k| kr_live_on(g, k, as_of))
        })
        .map(|t| {
            let item = &g.items[t];
            IntakeTask {
                id: item.id.clone(),
                title: item.title.clone().unwrap_or_default(),
                owner: item.owners.first().cloned(),
                status: item.status,
                created: item.created.unwrap_or(as_of),
                unplanned: item.unplanned,
                reason: item.reason.clone(),
                requested_by: item.requested_by.clone(),
            }
        })
        .collect();
    Planning {
        as_of,
        week: Week {
            start: week.start,
            end: week.end,
        },
        krs,
        intake,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::tests::graph_of;
    use jiff::civil::date;

    #[test]
    fn lagging_krs_with_their_work_and_untraced_intake() {
        let g = graph_of(&[
            (
                "O-1.md",
                "---\nkind: objective\ntitle: o\nperiod: 2026-Q4\n---\n",
            ),
            (
                "KR-1.md",
                "---\nkind: kr\ntitle: Leads\nobjective: O-1\nmetric: {start: 0, target: 10}\n---\n",
            ),
            (
                "T-1.md",
                "---\nkind: task\ntitle: a\nkr: KR-1\ncreated: 2026-11-01\n---\n",
            ),
            (
                "T-2.md",
                "---\nkind: task\ntitle: b\nunplanned: true\nreason: outage\ncreated: 2026-11-10\n---\n",
            ),
        ]);
        let window = Period::parse("2026-Q4").unwrap();
        let p = planning(
            &g,
            &Config::default(),
            date(2026, 11, 12),
            &window,
            &Facts::none(&g),
        );
        assert_eq!(p.krs.len(), 1);
        assert_eq!(p.krs[0].status, KrStatus::OffTrack);
        assert_eq!(p.krs[0].work[0].id, "T-1");
        assert_eq!(p.intake.len(), 1);
        assert_eq!(p.intake[0].id, "T-2");
    }
}
