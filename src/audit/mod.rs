//! The goal math of SPEC §3: from the graph, an as-of date, a window, the
//! audit thresholds and the facts about when files changed, to plain
//! serializable data — KR and objective progress and status, untraced
//! work, the lagging-work share, starved and stalled KRs, coverage,
//! signals and gates. Nothing here reads files or prints; `align audit`,
//! `status`, `next`, `report` and `trend` all start from [`audit`] or
//! [`evaluate_kr`].

pub mod capacity;
mod empty;
pub mod forecast;
mod progress;
mod shape;
mod stalled;
mod work;

#[cfg(test)]
pub(crate) mod tests;

use std::collections::HashMap;

use jiff::civil::Date;

pub(crate) use crate::ser::{date, round_to, round2, round2_opt};
pub use empty::{Retry, empty_window};
pub use forecast::Forecast;
pub use progress::{
    KrStatus, StatusInputs, current_value, expected_progress, kr_progress, kr_status,
    latest_checkin, task_progress, unit, work_at,
};
pub use shape::{
    Audit, Coverage, EmptyWindow, Gate, History, KrReport, LaggingShare, Metrics, ObjectiveReport,
    Signal, SignalKind, Untraced, Window,
};
pub use stalled::{Blocked, Facts, Stall, stall};
pub use work::{
    Scope, finished_in, kr_team, open_tasks, percent, share, starved, starved_message, traced_on,
    untraced, weeks_remaining,
};

use crate::config::Config;
use crate::graph::{Graph, ItemIx};
use crate::model::{Kind, LinkField, Period, Status};
use crate::periods::{kr_active_in, kr_cancelled, kr_period};
use crate::report::input::Input;

/// One KR judged on its own (no starved verdict, which needs the others).
#[derive(Debug, Clone)]
pub struct KrEval {
    pub progress: f64,
    pub expected: f64,
    pub status: KrStatus,
    pub current: Option<f64>,
    pub confidence: Option<f64>,
    /// The KR's period, else the window when its objective has none.
    pub period: Period,
    /// Open tasks that trace to it.
    pub open: Vec<ItemIx>,
    pub stall: Stall,
    /// Where its pace leads by the period end (SPEC §10); never a status.
    pub forecast: Option<Forecast>,
}

/// The settings every evaluation shares.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub graph: &'a Graph,
    pub config: &'a Config,
    pub as_of: Date,
    pub window: &'a Period,
    pub facts: &'a Facts,
}

/// Judges one KR: progress, expected progress, status with stalled work.
pub fn evaluate_kr(cx: &Context, kr: ItemIx) -> KrEval {
    let g = cx.graph;
    let item = &g.items[kr];
    let period = kr_period(g, kr).unwrap_or(*cx.window);
    let open: Vec<ItemIx> = g
        .tasks_of_kr(kr)
        .into_iter()
        .filter(|&t| g.items[t].is_open())
        .collect();
    let stall = stall(g, kr, &open, &cx.config.audit, cx.as_of, cx.facts);
    let progress = kr_progress(g, kr, cx.as_of);
    let expected = expected_progress(&period, cx.as_of);
    let checkin = latest_checkin(&item.checkins, cx.as_of);
    let confidence = checkin.and_then(|c| c.confidence);
    let status = kr_status(
        StatusInputs {
            progress,
            expected,
            before_start: cx.as_of < period.start,
            marked_done: item.status == Status::Done,
            confidence,
            stalled: stall.stalled(),
        },
        &cx.config.audit,
    );
    let current = item
        .metric
        .as_ref()
        .map(|m| current_value(m, &item.checkins, cx.as_of));
    let forecast = kr_forecast(g, cx.facts, kr, &period, cx.as_of);
    KrEval {
        progress,
        expected,
        status,
        current,
        confidence,
        period,
        open,
        stall,
        forecast,
    }
}

/// The forecast of one KR (SPEC §10): by its check-ins when it has a
/// metric, else by the done-estimate rate of the tasks that trace to it.
pub fn kr_forecast(
    g: &Graph,
    facts: &Facts,
    kr: ItemIx,
    period: &Period,
    as_of: Date,
) -> Option<Forecast> {
    let item = &g.items[kr];
    match &item.metric {
        Some(m) => forecast::metric_forecast(m, &item.checkins, period, as_of),
        None => {
            let work: Vec<forecast::DatedWork> = g
                .tasks_of_kr(kr)
                .into_iter()
                .map(|t| forecast::DatedWork {
                    work: work_at(&g.items[t], as_of),
                    done: facts.done_on(g, t),
                })
                .collect();
            forecast::task_forecast(&work, period, as_of)
        }
    }
}

/// An objective on its own: the weighted progress and the worst status of
/// its KRs that are not cancelled (`None` without any). The audit itself
/// counts only the KRs active in its window.
pub fn evaluate_objective(cx: &Context, o: ItemIx) -> (Option<f64>, Option<KrStatus>) {
    let g = cx.graph;
    let evals: Vec<(ItemIx, KrEval)> = g
        .sources(o, LinkField::Objective)
        .filter(|&k| g.items[k].kind == Kind::Kr && !kr_cancelled(g, k))
        .map(|k| (k, evaluate_kr(cx, k)))
        .collect();
    let progress = weighted(evals.iter().map(|(k, e)| (e.progress, kr_weight(g, *k))));
    (progress, evals.iter().map(|(_, e)| e.status).max())
}

/// The whole audit of SPEC §3 over `window` as of `as_of`. `facts` says
/// when files last changed (use [`Facts::none`] without git). The gate
/// limit is `config.audit.max_untraced_percent`; a caller with a flag
/// overrides it in the config it passes.
pub fn audit(graph: &Graph, config: &Config, as_of: Date, window: &Period, facts: &Facts) -> Audit {
    let cx = Context {
        graph,
        config,
        as_of,
        window,
        facts,
    };
    let g = graph;
    let cfg = &config.audit;
    let open = open_tasks(g);
    let finished = finished_in(g, facts, window);
    let mut signals = Vec::new();

    // KRs active in the window, judged one by one.
    let active: Vec<ItemIx> = (0..g.items.len())
        .filter(|&ix| g.items[ix].kind == Kind::Kr && kr_active_in(g, ix, window))
        .collect();
    let evals: Vec<KrEval> = active.iter().map(|&kr| evaluate_kr(&cx, kr)).collect();
    let lagging: Vec<ItemIx> = active
        .iter()
        .zip(&evals)
        .filter(|(_, e)| e.status.is_lagging())
        .map(|(&k, _)| k)
        .collect();

    // Counted once, so the audit stays linear in the items (SPEC §7).
    let mut done_per_kr: HashMap<ItemIx, usize> = HashMap::new();
    for &t in &finished {
        for &kr in g.trace(t) {
            *done_per_kr.entry(kr).or_default() += 1;
        }
    }
    let scope = Scope::new(g, &open);

    let mut krs = Vec::with_capacity(active.len());
    let mut blocked: Vec<(Blocked, Vec<ItemIx>)> = Vec::new();
    for (&kr, e) in active.iter().zip(&evals) {
        let item = &g.items[kr];
        let weeks = weeks_remaining(as_of, e.period.end);
        // The starved scope: the KR's team's open tasks, else all of them.
        let in_scope = scope.of(g, kr);
        let is_starved =
            e.status.is_lagging() && starved(e.open.len(), in_scope, cfg.starved_share_percent);
        if is_starved {
            let message = starved_message(
                item,
                e.progress,
                weeks,
                e.open.len(),
                in_scope,
                kr_team(g, kr),
            );
            signals.push(signal(SignalKind::Starved, &item.id, message));
        }
        // A done or not-yet-started KR needs no nudge about its pace.
        if !matches!(e.status, KrStatus::Done | KrStatus::NotStarted) {
            stale_signal(g, kr, e, cfg.stale_days, &mut signals);
            for b in &e.stall.blocked {
                match blocked.iter_mut().find(|(x, _)| x.task == b.task) {
                    Some((_, krs)) => krs.push(kr),
                    None => blocked.push((*b, vec![kr])),
                }
            }
        }
        let done_tasks = done_per_kr.get(&kr).copied().unwrap_or(0);
        krs.push(KrReport {
            ix: kr,
            id: item.id.clone(),
            title: item.title.clone().unwrap_or_default(),
            objective: g.objective_of(kr).map(|o| g.items[o].id.clone()),
            owner: item.owners.first().cloned(),
            current: e.current,
            progress: e.progress,
            expected: e.expected,
            status: e.status,
            confidence: e.confidence,
            task_driven: item.metric.is_none(),
            weeks_remaining: weeks,
            open_tasks: e.open.len(),
            done_tasks,
            blocked_tasks: e
                .open
                .iter()
                .filter(|&&t| g.items[t].status == Status::Blocked)
                .count(),
            stalled: e.stall.stalled(),
            starved: is_starved,
            forecast: e.forecast,
        });
    }

    for (b, held) in &blocked {
        signals.push(blocked_signal(g, b, held, cfg.block_sla_days));
    }

    // Untraced work and the lagging-work share.
    let count = untraced(g, facts, &finished);
    let untraced = Untraced {
        finished: count.finished,
        untraced: count.untraced.len(),
        percent: share(count.untraced.len() as f64, count.finished as f64),
        finished_estimate: count.finished_estimate,
        untraced_estimate: count.untraced_estimate,
        weighted_percent: share(count.untraced_estimate, count.finished_estimate),
        tasks: count
            .untraced
            .iter()
            .map(|&t| g.items[t].id.clone())
            .collect(),
    };
    let mut is_lagging = vec![false; g.items.len()];
    for &k in &lagging {
        is_lagging[k] = true;
    }
    let on_lagging = open
        .iter()
        .filter(|&&t| g.trace(t).iter().any(|&k| is_lagging[k]))
        .count();
    let lagging_share = LaggingShare {
        open: open.len(),
        on_lagging,
        percent: share(on_lagging as f64, open.len() as f64),
    };
    let lagging_percent = percent(on_lagging as f64, open.len() as f64);
    if !lagging.is_empty() && lagging_percent < cfg.lagging_share_warn_percent {
        let ids: Vec<String> = lagging.iter().map(|&k| g.items[k].id.clone()).collect();
        let message = format!(
            "Only {} of {} open tasks ({:.1}%) trace to a lagging KR ({}), under {}%: the work exists but isn't aimed at the lagging goals",
            on_lagging,
            open.len(),
            lagging_percent,
            ids.join(", "),
            cfg.lagging_share_warn_percent
        );
        signals.push(Signal {
            kind: SignalKind::Prioritization,
            id: None,
            message,
        });
    }

    // Objectives in the window, rolled up from their active KRs.
    let objectives = objectives(&cx, &krs);
    let coverage = coverage(g, &objectives, &krs, &mut signals);
    // Allocation and capacity (SPEC §10) judge the same open work.
    signals.extend(capacity::signals(&capacity::capacity(
        g, config, as_of, window, None,
    )));
    signals.sort_by_key(|s| s.kind);

    let input = Input::of(g);
    let mut gates: Vec<Gate> = cfg
        .max_untraced_percent
        .map(|limit| {
            let value = untraced.percent;
            Gate {
                name: "max_untraced_percent",
                limit,
                value,
                pass: value.is_none_or(|v| round_to(v, 1) <= limit),
                waived: false,
            }
        })
        .into_iter()
        .collect();
    // An answer built on part of the input is not the answer (SPEC §8):
    // unreadable files fail the audit unless the caller waives the gate.
    let unreadable = input.unreadable.len();
    gates.push(Gate {
        name: READABLE_INPUT,
        limit: 0.0,
        value: Some(unreadable as f64),
        pass: unreadable == 0,
        waived: false,
    });
    Audit {
        as_of,
        window: Window {
            label: window.to_string(),
            start: window.start,
            end: window.end,
        },
        untraced,
        lagging_share,
        objectives,
        krs,
        coverage,
        signals,
        pass: gates.iter().all(|g| g.pass),
        gates,
        history: History {
            git: facts.has_git_dates(),
            cut: facts.history_cut,
            inferred_done: facts
                .inferred_done
                .iter()
                .enumerate()
                .filter(|(_, d)| d.is_some())
                .map(|(ix, _)| g.items[ix].id.clone())
                .collect(),
        },
        input,
        empty_window: empty_window(g, window, Retry::Period),
    }
}

/// The gate that fails an audit over unreadable input (SPEC §8).
pub const READABLE_INPUT: &str = "readable_input";

impl Audit {
    /// Waives the `readable_input` gate (`--allow-unreadable`): it passes,
    /// marked waived, and the verdict is taken again.
    pub fn waive_unreadable(&mut self) {
        for g in self.gates.iter_mut().filter(|g| g.name == READABLE_INPUT) {
            g.waived = true;
            g.pass = true;
        }
        self.pass = self.gates.iter().all(|g| g.pass);
    }
}

/// The metrics of the tree in `graph` at `date`, over the configured
/// period unit containing `date`. `trend` calls this once per historical
/// tree, with that tree's facts.
pub fn metrics_at(graph: &Graph, config: &Config, date: Date, facts: &Facts) -> Metrics {
    let window = Period::containing(config.period, date);
    let a = audit(graph, config, date, &window, facts);
    let share = |part: usize, whole: usize| {
        (whole > 0).then(|| round_to(part as f64 * 100.0 / whole as f64, 1))
    };
    Metrics {
        date,
        untraced_percent: share(a.untraced.untraced, a.untraced.finished),
        untraced: a.untraced.untraced,
        finished: a.untraced.finished,
        lagging_share_percent: share(a.lagging_share.on_lagging, a.lagging_share.open),
        on_lagging: a.lagging_share.on_lagging,
        open: a.lagging_share.open,
        krs_lagging: a.krs.iter().filter(|k| k.status.is_lagging()).count(),
    }
}

fn objectives(cx: &Context, krs: &[KrReport]) -> Vec<ObjectiveReport> {
    let g = cx.graph;
    let mut by_objective: HashMap<ItemIx, Vec<&KrReport>> = HashMap::new();
    for k in krs {
        if let Some(o) = g.objective_of(k.ix) {
            by_objective.entry(o).or_default().push(k);
        }
    }
    (0..g.items.len())
        .filter(|&o| {
            let item = &g.items[o];
            item.kind == Kind::Objective
                && item.status != Status::Cancelled
                && item.period.is_none_or(|p| p.overlaps(cx.window))
        })
        .map(|o| {
            let item = &g.items[o];
            let mine = by_objective.remove(&o).unwrap_or_default();
            let progress = weighted(mine.iter().map(|k| (k.progress, kr_weight(g, k.ix))));
            ObjectiveReport {
                id: item.id.clone(),
                title: item.title.clone().unwrap_or_default(),
                progress,
                expected: expected_progress(&item.period.unwrap_or(*cx.window), cx.as_of),
                status: mine.iter().map(|k| k.status).max(),
                set_by: worst_kr(mine.iter().map(|k| (k.id.as_str(), k.status))),
            }
        })
        .collect()
}

/// The first KR with the worst status: the one that sets its objective's
/// status (SPEC §3 "the worst status among its active KRs").
pub fn worst_kr<'a>(krs: impl Iterator<Item = (&'a str, KrStatus)>) -> Option<String> {
    let mut worst: Option<(&str, KrStatus)> = None;
    for (id, status) in krs {
        if worst.is_none_or(|(_, w)| status > w) {
            worst = Some((id, status));
        }
    }
    worst.map(|(id, _)| id.to_string())
}

/// The weighted mean of `(progress, weight)` pairs; a plain mean when every
/// weight is 0; `None` without any pair (SPEC §3: never a made-up 0).
pub fn weighted(parts: impl IntoIterator<Item = (f64, f64)>) -> Option<f64> {
    let (mut sum, mut weight, mut plain, mut n) = (0.0, 0.0, 0.0, 0usize);
    for (p, w) in parts {
        sum += p * w;
        weight += w;
        plain += p;
        n += 1;
    }
    match n {
        0 => None,
        _ if weight > 0.0 => Some(unit(sum / weight)),
        _ => Some(unit(plain / n as f64)),
    }
}

/// A KR's weight in its objective's progress (1 when not a usable number).
pub fn kr_weight(g: &Graph, kr: ItemIx) -> f64 {
    let w = g.items[kr].weight;
    if w.is_finite() && w >= 0.0 { w } else { 1.0 }
}

fn coverage(
    g: &Graph,
    objectives: &[ObjectiveReport],
    krs: &[KrReport],
    signals: &mut Vec<Signal>,
) -> Coverage {
    let mut c = Coverage::default();
    for o in objectives.iter().filter(|o| o.progress.is_none()) {
        c.objectives_without_krs.push(o.id.clone());
        signals.push(signal(
            SignalKind::Coverage,
            &o.id,
            format!("objective {} has no active KR in this window", o.id),
        ));
    }
    for k in krs {
        if k.open_tasks == 0 && k.done_tasks == 0 {
            c.krs_without_work.push(k.id.clone());
            signals.push(signal(
                SignalKind::Coverage,
                &k.id,
                format!(
                    "{} has no open or finished work traced to it in this window",
                    k.id
                ),
            ));
        }
    }
    for i in work::initiatives_without_tasks(g) {
        let id = &g.items[i].id;
        // Only initiatives aimed at a goal still in play are a gap.
        if g.trace(i)
            .iter()
            .any(|&kr| !kr_cancelled(g, kr) && krs.iter().any(|k| k.ix == kr))
        {
            c.initiatives_without_tasks.push(id.clone());
            signals.push(signal(
                SignalKind::Coverage,
                id,
                format!("initiative {id} has no tasks"),
            ));
        }
    }
    c
}

fn stale_signal(g: &Graph, kr: ItemIx, e: &KrEval, stale_days: i64, signals: &mut Vec<Signal>) {
    if !e.stall.stale {
        return;
    }
    let id = &g.items[kr].id;
    let since = e
        .stall
        .last_change
        .map(|d| format!(" (last change {d})"))
        .unwrap_or_default();
    let n = e.open.len();
    let work = if n == 1 {
        "its open task".to_string()
    } else {
        format!("its {n} open tasks")
    };
    signals.push(signal(
        SignalKind::Stalled,
        id,
        format!("{id} is stalled: neither {work} nor the KR changed in {stale_days} days{since}"),
    ));
}

/// One signal per task blocked past the SLA, naming every KR it holds back.
fn blocked_signal(g: &Graph, b: &Blocked, krs: &[ItemIx], sla: i64) -> Signal {
    let task = &g.items[b.task].id;
    let ids: Vec<&str> = krs.iter().map(|&k| g.items[k].id.as_str()).collect();
    signal(
        SignalKind::Blocked,
        task,
        format!(
            "{task} has been blocked for {} days (since {}), over the {sla}-day limit; it holds back {}",
            b.days,
            b.since,
            ids.join(", ")
        ),
    )
}

fn signal(kind: SignalKind, id: &str, message: String) -> Signal {
    Signal {
        kind,
        id: Some(id.to_string()),
        message,
    }
}
