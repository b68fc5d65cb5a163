//! The queue of `align next` (SPEC §4): open tasks ranked by their
//! projected effect on lagging KRs. A task's score adds, over the live KRs
//! it traces to, the KR's shortfall against expected progress (plus a tenth
//! of what remains, so on-track work still outranks untraced work), split
//! among the open tasks that share the KR, and raised as weeks run out.
//! Blocked tasks and tasks waiting on open dependencies count half.
//! Untraced and unplanned work ranks last. Because the score reads the
//! KR's target and check-ins, editing either reorders the queue.

use std::cmp::Ordering;

use jiff::civil::Date;
use serde::Serialize;

use crate::audit::{Context, KrEval, KrStatus, evaluate_kr};
use crate::graph::{Graph, ItemIx};
use crate::model::{LinkField, Status, days_between};
use crate::periods::kr_live_on;
use crate::text::pct as pct_of;

/// Share of the remaining distance that counts even when on track.
const REMAINING_WEIGHT: f64 = 0.1;

/// The queue (SPEC §4 `next --format json`).
#[derive(Debug, Clone, Serialize)]
pub struct Queue {
    #[serde(serialize_with = "crate::audit::date")]
    pub as_of: Date,
    pub tasks: Vec<Ranked>,
}

/// One open task with its score and the reason for it.
#[derive(Debug, Clone, Serialize)]
pub struct Ranked {
    #[serde(skip)]
    pub ix: ItemIx,
    pub id: String,
    pub title: String,
    #[serde(serialize_with = "crate::audit::round2")]
    pub score: f64,
    /// The live KRs it traces to, the one that weighs most first.
    pub krs: Vec<String>,
    pub reason: String,
    pub owner: Option<String>,
    pub status: Status,
    /// What the score is made of, one entry per live KR (`next --explain`).
    pub score_parts: Vec<ScorePart>,
    /// Blocked or waiting on open work: the sum is halved.
    pub held: bool,
}

/// One KR's term of a task's score:
/// `100 × (gap + 0.1 × remaining) ÷ share × (1 + 1 ÷ weeks)`.
#[derive(Debug, Clone, Serialize)]
pub struct ScorePart {
    pub kr: String,
    /// Expected minus actual progress, at least 0.
    #[serde(serialize_with = "crate::audit::round2")]
    pub gap: f64,
    /// 1 − progress.
    #[serde(serialize_with = "crate::audit::round2")]
    pub remaining: f64,
    /// Open tasks sharing the KR.
    pub share: usize,
    /// Weeks to the KR's period end (at least 1).
    #[serde(serialize_with = "crate::audit::round2")]
    pub weeks: f64,
    #[serde(serialize_with = "crate::audit::round2")]
    pub value: f64,
}

/// What one KR contributes to a task's score. It borrows the KR's
/// evaluation: a KR with 100,000 open tasks holds a 100,000-long list,
/// and a copy per task would make the queue quadratic.
struct Part<'e> {
    kr: ItemIx,
    value: f64,
    eval: &'e KrEval,
    share: usize,
    weeks: f64,
}

/// Ranks the open tasks (of `owner`, when given, with or without its
/// leading `@`), best first.
pub fn rank(cx: &Context, owner: Option<&str>) -> Queue {
    let g = cx.graph;
    let owner = owner.map(|o| o.strip_prefix('@').unwrap_or(o));
    let open: Vec<ItemIx> = crate::audit::open_tasks(g)
        .into_iter()
        .filter(|&t| owner.is_none_or(|o| g.items[t].owners.iter().any(|x| x == o)))
        .collect();
    // Each live KR the queue touches is judged once, before any scoring.
    let mut evals: Vec<Option<KrEval>> = vec![None; g.items.len()];
    for &t in &open {
        if g.items[t].unplanned {
            continue;
        }
        for &kr in g.trace(t) {
            if evals[kr].is_none() && kr_live_on(g, kr, cx.as_of) {
                evals[kr] = Some(evaluate_kr(cx, kr));
            }
        }
    }
    let mut tasks: Vec<Ranked> = open.into_iter().map(|t| score(cx, t, &evals)).collect();
    tasks.sort_by(|a, b| order(g, a, b));
    Queue {
        as_of: cx.as_of,
        tasks,
    }
}

fn score(cx: &Context, t: ItemIx, evals: &[Option<KrEval>]) -> Ranked {
    let g = cx.graph;
    let item = &g.items[t];
    let mut parts: Vec<Part> = Vec::new();
    if !item.unplanned {
        for &kr in g.trace(t) {
            // Judged in `rank` exactly when live.
            let Some(e) = evals[kr].as_ref() else {
                continue;
            };
            let share = e.open.len().max(1);
            let weeks = (days_between(cx.as_of, e.period.end) as f64 / 7.0).max(1.0);
            let value = if e.status == KrStatus::Done {
                0.0
            } else {
                let gap = (e.expected - e.progress).max(0.0);
                100.0 * (gap + REMAINING_WEIGHT * (1.0 - e.progress)) / share as f64
                    * (1.0 + 1.0 / weeks)
            };
            parts.push(Part {
                kr,
                value,
                eval: e,
                share,
                weeks,
            });
        }
    }
    parts.sort_by(|a, b| b.value.partial_cmp(&a.value).unwrap_or(Ordering::Equal));
    let waits = open_deps(g, t);
    let held = item.status == Status::Blocked || !waits.is_empty();
    let mut score = parts.iter().fold(0.0, |s, p| s + p.value);
    if held {
        score *= 0.5;
    }
    Ranked {
        ix: t,
        id: item.id.clone(),
        title: item.title.clone().unwrap_or_default(),
        score,
        krs: parts.iter().map(|p| g.items[p.kr].id.clone()).collect(),
        reason: reason(cx, t, &parts, &waits),
        owner: item.owners.first().cloned(),
        status: item.status,
        score_parts: parts
            .iter()
            .map(|p| ScorePart {
                kr: g.items[p.kr].id.clone(),
                gap: (p.eval.expected - p.eval.progress).max(0.0),
                remaining: 1.0 - p.eval.progress,
                share: p.share,
                weeks: p.weeks,
                value: p.value,
            })
            .collect(),
        held,
    }
}

/// Best first: traced work by score; then untraced work; ties go to work
/// not held up, then work in progress, then the earlier due date, then id.
fn order(g: &Graph, a: &Ranked, b: &Ranked) -> Ordering {
    let key = |r: &Ranked| {
        let item = &g.items[r.ix];
        (
            r.krs.is_empty(),
            item.status == Status::Blocked,
            item.status != Status::Doing,
            item.due.is_none(),
            item.due,
        )
    };
    let (ka, kb) = (key(a), key(b));
    ka.0.cmp(&kb.0)
        .then(b.score.partial_cmp(&a.score).unwrap_or(Ordering::Equal))
        .then(ka.1.cmp(&kb.1))
        .then(ka.2.cmp(&kb.2))
        .then(ka.3.cmp(&kb.3))
        .then(ka.4.cmp(&kb.4))
        .then(a.id.cmp(&b.id))
}

/// The tasks `t` depends on that are not done.
fn open_deps(g: &Graph, t: ItemIx) -> Vec<ItemIx> {
    g.targets(t, LinkField::DependsOn)
        .filter(|&d| g.items[d].is_open())
        .collect()
}

/// One line a person can check against the files.
fn reason(cx: &Context, t: ItemIx, parts: &[Part], waits: &[ItemIx]) -> String {
    let g = cx.graph;
    let item = &g.items[t];
    let Some(top) = parts.first() else {
        return if item.unplanned {
            match &item.reason {
                Some(r) => format!("unplanned work ({r}); traces to no KR"),
                None => "unplanned work; traces to no KR".to_string(),
            }
        } else if g.trace(t).is_empty() {
            "traces to no KR".to_string()
        } else {
            "traces only to KRs that are not live now".to_string()
        };
    };
    let e = top.eval;
    let weeks = crate::audit::weeks_remaining(cx.as_of, e.period.end);
    let n = e.open.len();
    let mut s = if e.status == KrStatus::Done {
        format!("{} is already done", g.items[top.kr].id)
    } else {
        let share = if n == 1 {
            "the only open task on it".to_string()
        } else {
            format!("one of {n} open tasks on it")
        };
        format!(
            "{} is {} at {} against {} expected with {} {} left; {share}",
            g.items[top.kr].id,
            e.status.words(),
            pct_of(e.progress),
            pct_of(e.expected),
            weeks,
            if weeks == 1 { "week" } else { "weeks" },
        )
    };
    if parts.len() > 1 {
        let others: Vec<&str> = parts[1..]
            .iter()
            .map(|p| g.items[p.kr].id.as_str())
            .collect();
        s.push_str(&format!("; also moves {}", others.join(", ")));
    }
    if item.status == Status::Blocked {
        s.push_str("; blocked, so it counts half");
    } else if !waits.is_empty() {
        let ids: Vec<&str> = waits.iter().map(|&d| g.items[d].id.as_str()).collect();
        s.push_str(&format!("; waits on {}, so it counts half", ids.join(", ")));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::tests::{Fixed, graph_of};
    use crate::config::Config;

    fn order_of(files: &[(&str, &str)]) -> Vec<String> {
        let g = graph_of(files);
        let fixed = Fixed::new(&g, Config::default());
        rank(&fixed.cx(&g), None)
            .tasks
            .into_iter()
            .map(|r| r.id)
            .collect()
    }

    const O: (&str, &str) = (
        "O-1.md",
        "---\nkind: objective\ntitle: o\nperiod: 2026-Q4\n---\n",
    );
    const TA: (&str, &str) = ("T-a.md", "---\nkind: task\ntitle: a\nkr: KR-A\n---\n");
    const TB: (&str, &str) = ("T-b.md", "---\nkind: task\ntitle: b\nkr: KR-B\n---\n");
    const TU: (&str, &str) = (
        "T-u.md",
        "---\nkind: task\ntitle: u\nunplanned: true\n---\n",
    );

    fn kr(id: &str, target: u32, checkin: Option<u32>) -> String {
        let checkins = checkin
            .map(|v| format!("checkins: [{{date: 2026-11-01, value: {v}}}]\n"))
            .unwrap_or_default();
        format!(
            "---\nid: {id}\nkind: kr\ntitle: k\nobjective: O-1\nmetric: {{start: 0, target: {target}}}\n{checkins}---\n"
        )
    }

    #[test]
    fn targets_and_checkins_reorder_the_queue() {
        let a = kr("KR-A", 100, Some(40));
        let b = kr("KR-B", 100, Some(45));
        assert_eq!(
            order_of(&[O, ("KR-A.md", &a), ("KR-B.md", &b), TA, TB, TU]),
            ["T-a", "T-b", "T-u"]
        );
        // A harder target on KR-B makes it lag more.
        let b = kr("KR-B", 200, Some(45));
        assert_eq!(
            order_of(&[O, ("KR-A.md", &a), ("KR-B.md", &b), TA, TB, TU]),
            ["T-b", "T-a", "T-u"]
        );
        // A check-in that puts KR-A further behind wins it back.
        let a = kr("KR-A", 100, Some(5));
        assert_eq!(
            order_of(&[O, ("KR-A.md", &a), ("KR-B.md", &b), TA, TB, TU]),
            ["T-a", "T-b", "T-u"]
        );
    }

    #[test]
    fn blocked_work_counts_half() {
        let a = kr("KR-A", 100, Some(40));
        let b = kr("KR-B", 100, Some(42));
        let blocked = (
            "T-a.md",
            "---\nkind: task\ntitle: a\nkr: KR-A\nstatus: blocked\n---\n",
        );
        assert_eq!(
            order_of(&[O, ("KR-A.md", &a), ("KR-B.md", &b), blocked, TB]),
            ["T-b", "T-a"]
        );
    }
}
