//! Capacity and allocation (SPEC §10): who carries how much open work for
//! which objective, against what each person can finish before the window
//! ends, and whether the objectives get the share of the work their
//! weight asks for. Pure functions from the graph to plain serializable
//! data; `align capacity`, the audit's `allocation` and `capacity`
//! signals and `align site` all read [`capacity`].

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Serialize, Serializer};

use super::shape::{Signal, SignalKind, Window};
use super::work::open_tasks;
use crate::config::Config;
use crate::graph::{Graph, ItemIx};
use crate::model::{Kind, Period, Status, days_between};
use crate::periods::kr_live_on;
use crate::ser::{date, round_to, round2_opt};

/// The column of open work that traces to no objective.
pub const UNTRACED: &str = "untraced";

/// The whole capacity view (SPEC §10 JSON, exact key names).
#[derive(Debug, Clone, Serialize)]
pub struct Capacity {
    #[serde(serialize_with = "date")]
    pub as_of: Date,
    pub window: Window,
    /// Days from as-of to the window's end, in weeks.
    #[serde(serialize_with = "round1")]
    pub weeks_remaining: f64,
    pub people: Vec<PersonLoad>,
    pub objectives: Vec<Allocation>,
}

/// One owner's open work and load.
#[derive(Debug, Clone, Serialize)]
pub struct PersonLoad {
    /// `None` for open work nobody owns.
    pub owner: Option<String>,
    /// Estimate points a week, when `capacity:` gives one.
    pub capacity: Option<f64>,
    #[serde(serialize_with = "round2")]
    pub open_estimate: f64,
    /// Open estimate over capacity × weeks remaining, in percent; `None`
    /// without a capacity or with no time left (a share of nothing).
    #[serde(serialize_with = "round1_opt")]
    pub load_percent: Option<f64>,
    /// The denominator of `load_percent`: capacity × weeks remaining;
    /// `None` without a capacity (SPEC §8: denominators travel with
    /// percentages).
    #[serde(serialize_with = "round2_opt")]
    pub available: Option<f64>,
    /// Above 100% of capacity.
    pub over: bool,
    /// Open estimate per objective id, and under `untraced`.
    #[serde(serialize_with = "round2_map")]
    pub by_objective: BTreeMap<String, f64>,
}

/// One active objective's share of the weight and of the open work.
#[derive(Debug, Clone, Serialize)]
pub struct Allocation {
    pub id: String,
    /// Its weight over the weight of all active objectives, 0 to 1.
    #[serde(serialize_with = "round3_opt")]
    pub weight_share: Option<f64>,
    /// Its open estimate over all open estimate, 0 to 1; `None` when
    /// there is no open work.
    #[serde(serialize_with = "round3_opt")]
    pub work_share: Option<f64>,
    /// Its work share is below half its weight share.
    pub underfunded: bool,
    /// The numerator and denominator of `weight_share` (SPEC §8).
    #[serde(serialize_with = "round2")]
    pub weight: f64,
    #[serde(serialize_with = "round2")]
    pub total_weight: f64,
    /// The numerator and denominator of `work_share`: open estimate
    /// traced to it, and all open estimate.
    #[serde(serialize_with = "round2")]
    pub open_estimate: f64,
    #[serde(serialize_with = "round2")]
    pub total_open_estimate: f64,
}

/// The objectives in play in a window: not cancelled, and with a period
/// that overlaps it (or none), as the audit counts them.
pub fn objectives_in(g: &Graph, window: &Period) -> Vec<ItemIx> {
    (0..g.items.len())
        .filter(|&o| {
            let item = &g.items[o];
            item.kind == Kind::Objective
                && item.status != Status::Cancelled
                && item.period.is_none_or(|p| p.overlaps(window))
        })
        .collect()
}

/// The objectives an open task's work goes to: those of the KRs it
/// traces to that are live on as-of, each once. Unplanned work goes to
/// none (SPEC §3 counts it untraced).
pub fn task_objectives(g: &Graph, task: ItemIx, as_of: Date) -> Vec<ItemIx> {
    let mut out = Vec::new();
    if g.items[task].unplanned {
        return out;
    }
    for &kr in g.trace(task) {
        if !kr_live_on(g, kr, as_of) {
            continue;
        }
        if let Some(o) = g.objective_of(kr)
            && !out.contains(&o)
        {
            out.push(o);
        }
    }
    out
}

/// Splits `estimate` evenly over `parts` (SPEC §10: a task tracing to two
/// objectives gives each half).
pub fn split(estimate: f64, parts: usize) -> f64 {
    if parts == 0 {
        estimate
    } else {
        estimate / parts as f64
    }
}

/// Load in percent: open estimate over capacity × weeks; `None` when
/// there is no limit to measure against.
pub fn load_percent(open: f64, capacity: Option<f64>, weeks: f64) -> Option<f64> {
    let limit = capacity? * weeks;
    (limit > 0.0).then(|| 100.0 * open / limit)
}

/// Underfunded: the work share is below half the weight share.
pub fn underfunded(weight_share: Option<f64>, work_share: Option<f64>) -> bool {
    matches!((weight_share, work_share), (Some(w), Some(s)) if s < w / 2.0)
}

/// The capacity view over `window` as of `as_of`; with `owner`, only that
/// owner's row (the shares still count everyone's work).
pub fn capacity(
    g: &Graph,
    config: &Config,
    as_of: Date,
    window: &Period,
    owner: Option<&str>,
) -> Capacity {
    let weeks = days_between(as_of, window.end).max(0) as f64 / 7.0;
    let active = objectives_in(g, window);
    let mut people: BTreeMap<Option<String>, BTreeMap<String, f64>> = BTreeMap::new();
    let mut per_objective: BTreeMap<ItemIx, f64> = BTreeMap::new();
    let mut total = 0.0;
    for t in open_tasks(g) {
        let item = &g.items[t];
        let estimate = item.estimate.max(0.0);
        total += estimate;
        let row = people.entry(item.owners.first().cloned()).or_default();
        let goals = task_objectives(g, t, as_of);
        if goals.is_empty() {
            *row.entry(UNTRACED.to_string()).or_default() += estimate;
        }
        let share = split(estimate, goals.len());
        for o in goals {
            *row.entry(g.items[o].id.clone()).or_default() += share;
            *per_objective.entry(o).or_default() += share;
        }
    }
    let limits = config.capacity.clone().unwrap_or_default();
    for person in limits.people.keys() {
        people.entry(Some(person.clone())).or_default();
    }
    // Named owners by name, then the work nobody owns.
    let (named, nobody): (Vec<_>, Vec<_>) = people.into_iter().partition(|(w, _)| w.is_some());
    let people = named
        .into_iter()
        .chain(nobody)
        .filter(|(who, _)| owner.is_none_or(|p| who.as_deref() == Some(p)))
        .map(|(who, by_objective)| {
            let capacity = who.as_deref().and_then(|w| limits.of(w));
            let open_estimate = by_objective.values().fold(0.0, |a, b| a + b);
            let load = load_percent(open_estimate, capacity, weeks);
            PersonLoad {
                owner: who,
                capacity,
                open_estimate,
                load_percent: load,
                available: capacity.map(|c| c * weeks),
                over: load.is_some_and(|l| round_to(l, 1) > 100.0),
                by_objective,
            }
        })
        .collect();
    let weight_of = |o: ItemIx| {
        let w = g.items[o].weight;
        if w.is_finite() && w >= 0.0 { w } else { 1.0 }
    };
    let all_weight = active.iter().fold(0.0, |a, &o| a + weight_of(o));
    let objectives = active
        .iter()
        .map(|&o| {
            let open = per_objective.get(&o).copied().unwrap_or(0.0);
            let weight_share = (all_weight > 0.0).then(|| weight_of(o) / all_weight);
            let work_share = (total > 0.0).then(|| open / total);
            Allocation {
                id: g.items[o].id.clone(),
                weight_share,
                work_share,
                underfunded: underfunded(weight_share, work_share),
                weight: weight_of(o),
                total_weight: all_weight,
                open_estimate: open,
                total_open_estimate: total,
            }
        })
        .collect();
    Capacity {
        as_of,
        window: Window {
            label: window.to_string(),
            start: window.start,
            end: window.end,
        },
        weeks_remaining: weeks,
        people,
        objectives,
    }
}

/// The audit signals of the capacity view (SPEC §10): one `allocation`
/// per underfunded objective, one `capacity` per owner over capacity.
pub fn signals(c: &Capacity) -> Vec<Signal> {
    let mut out = Vec::new();
    let total = c.people.iter().fold(0.0, |a, p| a + p.open_estimate);
    for a in c.objectives.iter().filter(|a| a.underfunded) {
        let (Some(w), Some(s)) = (a.weight_share, a.work_share) else {
            continue;
        };
        out.push(Signal {
            kind: SignalKind::Allocation,
            id: Some(a.id.clone()),
            message: format!(
                "{} carries {} of the objective weight but gets {} of the open work ({} of {} points): it is underfunded",
                a.id,
                whole(w),
                whole(s),
                points(a.open_estimate),
                points(total)
            ),
        });
    }
    for p in c.people.iter().filter(|p| p.over) {
        let (Some(who), Some(cap), Some(load)) = (&p.owner, p.capacity, p.load_percent) else {
            continue;
        };
        out.push(Signal {
            kind: SignalKind::Capacity,
            id: Some(who.clone()),
            message: format!(
                "{who} has {} points of open work against {} ({} a week for {:.1} weeks): {:.0}% of capacity",
                points(p.open_estimate),
                points(cap * c.weeks_remaining),
                points(cap),
                c.weeks_remaining,
                load
            ),
        });
    }
    out
}

fn whole(share: f64) -> String {
    format!("{}%", (share * 100.0).round() as i64)
}

/// Estimate points as written: `3`, `3.5`.
fn points(x: f64) -> String {
    super::forecast::number(x)
}

fn round1<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(round_to(*x, 1))
}

fn round2<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(round_to(*x, 2))
}

fn round1_opt<S: Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match x {
        Some(x) => s.serialize_some(&round_to(*x, 1)),
        None => s.serialize_none(),
    }
}

fn round3_opt<S: Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match x {
        Some(x) => s.serialize_some(&round_to(*x, 3)),
        None => s.serialize_none(),
    }
}

fn round2_map<S: Serializer>(m: &BTreeMap<String, f64>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(m.iter().map(|(k, v)| (k, round_to(*v, 2))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_loads_and_shares_by_hand() {
        // A 3-point task on two objectives gives each 1.5.
        assert_eq!(split(3.0, 2), 1.5);
        assert_eq!(split(3.0, 0), 3.0);
        // 70 points against 8 a week for 7 weeks = 56: 125%.
        assert_eq!(load_percent(70.0, Some(8.0), 7.0), Some(125.0));
        assert_eq!(load_percent(70.0, None, 7.0), None);
        assert_eq!(load_percent(70.0, Some(8.0), 0.0), None);
        // Half the weight share is the line: 0.24 < 0.25 but 0.25 is not.
        assert!(underfunded(Some(0.5), Some(0.24)));
        assert!(!underfunded(Some(0.5), Some(0.25)));
        assert!(!underfunded(Some(0.5), None));
    }
}
