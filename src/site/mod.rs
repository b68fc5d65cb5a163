//! `align site` (SPEC §9): the leadership view as a static, self-contained
//! site. [`SiteData`] is the one serializable struct behind it: `data.json`
//! is written from it, and every page is rendered from it by an askama
//! template under `templates/` (one per page) with inline CSS and SVG from
//! [`charts`]. Its parts are exactly what `audit`, `status`, `capacity` and
//! `trend` print as JSON for the same as-of, so the site can never tell a
//! different story than the CLI.

pub mod charts;
mod pages;
mod view;

use jiff::civil::Date;
use serde::Serialize;

use crate::audit::capacity::Capacity;
use crate::audit::{Audit, date};
use crate::graph::Graph;
use crate::model::{Status, days_between};
use crate::rollup::Node;
use crate::trend::Trend;

pub use pages::{Page, render};

/// Everything the site shows (and `data.json` holds).
#[derive(Debug, Clone, Serialize)]
pub struct SiteData {
    pub title: String,
    /// The align version that wrote the site.
    pub generator: String,
    #[serde(serialize_with = "date")]
    pub as_of: Date,
    /// The share of the window elapsed at as-of, 0 to 1.
    #[serde(serialize_with = "crate::audit::round2")]
    pub elapsed: f64,
    /// `align audit --format json` over the site's window.
    pub audit: Audit,
    /// `align status --format json`.
    pub status: Vec<Node>,
    /// `align capacity --format json` over the site's window.
    pub capacity: Capacity,
    /// `align trend --format json` (the last 12 weeks); `None` outside git.
    pub trend: Option<Trend>,
    /// What the burn-ups draw, per KR of `audit.krs` in the same order.
    pub burnups: Vec<Burnup>,
    /// The tasks under each KR, per KR of `audit.krs` in the same order.
    pub work: Vec<KrWork>,
    /// `align report blockers --format json`: late work, blockers and work
    /// in review, shown on the front page (SPEC §14).
    pub blockers: crate::blockers::Blockers,
}

/// The course of one KR over its period, for its burn-up chart.
#[derive(Debug, Clone, Serialize)]
pub struct Burnup {
    pub id: String,
    #[serde(serialize_with = "date")]
    pub start: Date,
    #[serde(serialize_with = "date")]
    pub end: Date,
    /// The value at the period start: `metric.start`, or 0 done points.
    pub from: f64,
    /// The target: `metric.target`, or all the (not cancelled) points.
    pub to: f64,
    pub unit: Option<String>,
    /// Check-ins in the period up to as-of; for a task-driven KR, the
    /// done points after each day work was finished.
    pub points: Vec<BurnupPoint>,
}

/// One dated value of a burn-up.
#[derive(Debug, Clone, Serialize)]
pub struct BurnupPoint {
    #[serde(serialize_with = "date")]
    pub date: Date,
    pub value: f64,
}

/// The tasks that trace to one KR as of the site's as-of.
#[derive(Debug, Clone, Serialize)]
pub struct KrWork {
    pub id: String,
    pub tasks: Vec<TaskLine>,
}

/// One traced task as an objective page lists it.
#[derive(Debug, Clone, Serialize)]
pub struct TaskLine {
    pub id: String,
    pub title: String,
    pub owner: Option<String>,
    /// `todo`, `doing`, `blocked`, `done` or `cancelled`, as of as-of.
    pub status: String,
    pub estimate: f64,
    pub due: Option<String>,
}

/// The burn-up and task list of every KR in `audit`.
pub fn kr_details(
    g: &Graph,
    facts: &crate::audit::Facts,
    audit: &Audit,
) -> (Vec<Burnup>, Vec<KrWork>) {
    let as_of = audit.as_of;
    let mut burnups = Vec::with_capacity(audit.krs.len());
    let mut work = Vec::with_capacity(audit.krs.len());
    for k in &audit.krs {
        let item = &g.items[k.ix];
        let period = crate::periods::kr_period(g, k.ix).unwrap_or(crate::model::Period {
            start: audit.window.start,
            end: audit.window.end,
            label: crate::model::PeriodLabel::Range,
        });
        let tasks = g.tasks_of_kr(k.ix);
        let burnup = match &item.metric {
            Some(m) => {
                let mut points: Vec<BurnupPoint> =
                    crate::audit::forecast::checkins_in(&item.checkins, &period, as_of)
                        .map(|c| BurnupPoint {
                            date: c.date,
                            value: c.value,
                        })
                        .collect();
                points.sort_by_key(|p| p.date);
                Burnup {
                    id: k.id.clone(),
                    start: period.start,
                    end: period.end,
                    from: m.start,
                    to: m.target,
                    unit: m.unit.clone(),
                    points,
                }
            }
            None => {
                let mut total = 0.0;
                let mut done: Vec<(Date, f64)> = Vec::new();
                for &t in &tasks {
                    let w = crate::audit::work_at(&g.items[t], as_of);
                    if w.status == Status::Cancelled {
                        continue;
                    }
                    total += w.estimate.max(0.0);
                    if w.status == Status::Done
                        && let Some(d) = facts.done_on(g, t)
                    {
                        done.push((d.max(period.start), w.estimate.max(0.0)));
                    }
                }
                done.sort_by_key(|d| d.0);
                let mut points: Vec<BurnupPoint> = Vec::new();
                let mut sum = 0.0;
                for (d, e) in done {
                    sum += e;
                    match points.last_mut() {
                        Some(p) if p.date == d => p.value = sum,
                        _ => points.push(BurnupPoint {
                            date: d,
                            value: sum,
                        }),
                    }
                }
                Burnup {
                    id: k.id.clone(),
                    start: period.start,
                    end: period.end,
                    from: 0.0,
                    to: total,
                    unit: Some("points".into()),
                    points,
                }
            }
        };
        burnups.push(burnup);
        let mut lines: Vec<TaskLine> = tasks
            .iter()
            .map(|&t| {
                let task = &g.items[t];
                TaskLine {
                    id: task.id.clone(),
                    title: task.title.clone().unwrap_or_default(),
                    owner: task.owners.first().cloned(),
                    status: crate::audit::work_at(task, as_of).status.to_string(),
                    estimate: task.estimate,
                    due: task.due.map(|d| d.to_string()),
                }
            })
            .collect();
        // Blocked first, then the rest of the open work, then done.
        let rank = |s: &str| match s {
            "blocked" => 0,
            "doing" => 1,
            "todo" => 2,
            "done" => 3,
            _ => 4,
        };
        lines.sort_by_key(|l| rank(&l.status));
        work.push(KrWork {
            id: k.id.clone(),
            tasks: lines,
        });
    }
    (burnups, work)
}

/// The share of the window elapsed at as-of, 0 to 1.
pub fn elapsed(audit: &Audit) -> f64 {
    let total = days_between(audit.window.start, audit.window.end);
    if total <= 0 {
        return 1.0;
    }
    crate::audit::unit(days_between(audit.window.start, audit.as_of) as f64 / total as f64)
}
