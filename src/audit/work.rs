//! Where the work goes (SPEC §3): which tasks are traced, untraced work,
//! the lagging-work share, starved KRs with their scope, and coverage.

use std::collections::HashMap;

use jiff::civil::Date;

use super::Facts;
use crate::graph::{Graph, ItemIx};
use crate::model::{Item, Kind, LinkField, Period, Status};
use crate::periods::kr_live_on;

/// A finished task is traced when it traces to a KR live on its `done`
/// day; unplanned work is never traced (SPEC §3 "Trace", "Untraced").
pub fn traced_on(graph: &Graph, task: ItemIx, day: Date) -> bool {
    !graph.items[task].unplanned
        && graph
            .trace(task)
            .iter()
            .any(|&kr| kr_live_on(graph, kr, day))
}

/// The tasks finished in the window: done, with a done day inside it.
pub fn finished_in(graph: &Graph, facts: &Facts, window: &Period) -> Vec<ItemIx> {
    tasks(graph)
        .filter(|&t| {
            graph.items[t].status == Status::Done
                && facts.done_on(graph, t).is_some_and(|d| window.contains(d))
        })
        .collect()
}

/// Open tasks (todo, doing, blocked) in file order.
pub fn open_tasks(graph: &Graph) -> Vec<ItemIx> {
    tasks(graph).filter(|&t| graph.items[t].is_open()).collect()
}

fn tasks(graph: &Graph) -> impl Iterator<Item = ItemIx> + '_ {
    (0..graph.items.len()).filter(|&ix| graph.items[ix].kind == Kind::Task)
}

/// Untraced work among the finished tasks: counts and estimates.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UntracedCount {
    pub finished: usize,
    pub untraced: Vec<ItemIx>,
    pub finished_estimate: f64,
    pub untraced_estimate: f64,
}

/// Counts untraced work, judged by the KRs live on each task's done day.
pub fn untraced(graph: &Graph, facts: &Facts, finished: &[ItemIx]) -> UntracedCount {
    let mut c = UntracedCount {
        finished: finished.len(),
        ..UntracedCount::default()
    };
    for &t in finished {
        let item = &graph.items[t];
        let estimate = item.estimate.max(0.0);
        c.finished_estimate += estimate;
        let Some(day) = facts.done_on(graph, t) else {
            continue;
        };
        if !traced_on(graph, t, day) {
            c.untraced.push(t);
            c.untraced_estimate += estimate;
        }
    }
    c
}

/// `100 · part / whole`, `None` when there is no whole: a share of
/// nothing is not 0% (SPEC §8 "Denominators travel with percentages").
pub fn share(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0).then(|| 100.0 * part / whole)
}

/// `100 · part / whole`, 0 when there is no whole (for comparisons
/// against a threshold, never for output: use [`share`] there).
pub fn percent(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        100.0 * part / whole
    } else {
        0.0
    }
}

/// The team of a KR: its own `team`, else its objective's.
pub fn kr_team(graph: &Graph, kr: ItemIx) -> Option<&str> {
    graph.items[kr].team.as_deref().or_else(|| {
        graph
            .objective_of(kr)
            .and_then(|o| graph.items[o].team.as_deref())
    })
}

/// The team of a task: its own `team`, else that of the first KR it
/// traces to (SPEC §3 "Starved").
pub fn task_team(graph: &Graph, task: ItemIx) -> Option<&str> {
    graph.items[task]
        .team
        .as_deref()
        .or_else(|| graph.trace(task).first().and_then(|&kr| kr_team(graph, kr)))
}

/// How many open tasks each KR competes with (the starved scope, SPEC §3):
/// all of them, or its team's. Counted once, so the audit stays linear.
pub struct Scope<'g> {
    all: usize,
    per_team: HashMap<&'g str, usize>,
}

impl<'g> Scope<'g> {
    /// Counts `open` in total and by team.
    pub fn new(graph: &'g Graph, open: &[ItemIx]) -> Scope<'g> {
        let mut per_team: HashMap<&str, usize> = HashMap::new();
        for &t in open {
            if let Some(team) = task_team(graph, t) {
                *per_team.entry(team).or_default() += 1;
            }
        }
        Scope {
            all: open.len(),
            per_team,
        }
    }

    /// The open tasks in the scope of `kr`.
    pub fn of(&self, graph: &Graph, kr: ItemIx) -> usize {
        kr_team(graph, kr).map_or(self.all, |t| self.per_team.get(t).copied().unwrap_or(0))
    }
}

/// Starved: a lagging KR whose traced open tasks are fewer than
/// `share_percent` of the open tasks in its scope, or none.
pub fn starved(traced_open: usize, scope_open: usize, share_percent: f64) -> bool {
    traced_open == 0 || percent(traced_open as f64, scope_open as f64) < share_percent
}

/// Weeks from as-of to a period's end, rounded to the nearest whole week
/// (never negative).
pub fn weeks_remaining(as_of: Date, end: Date) -> i64 {
    let days = crate::model::days_between(as_of, end).max(0);
    (days as f64 / 7.0).round() as i64
}

/// The starved signal sentence of SPEC §3, e.g. `KR-3 is at 35% with 7
/// weeks remaining — only 3 of 18 open tasks contribute to it`.
pub fn starved_message(
    kr: &Item,
    progress: f64,
    weeks: i64,
    traced: usize,
    scope: usize,
    team: Option<&str>,
) -> String {
    let pct = (progress * 100.0).round() as i64;
    let weeks = match weeks {
        1 => "1 week".to_string(),
        n => format!("{n} weeks"),
    };
    let of_team = team.map(|t| format!(" of team {t}")).unwrap_or_default();
    let open = if scope == 1 {
        "open task"
    } else {
        "open tasks"
    };
    let tail = match traced {
        0 => format!("none of {scope} {open}{of_team} contribute to it"),
        1 => format!("only 1 of {scope} {open}{of_team} contributes to it"),
        n => format!("only {n} of {scope} {open}{of_team} contribute to it"),
    };
    format!("{} is at {pct}% with {weeks} remaining — {tail}", kr.id)
}

/// Initiatives no task links to.
pub fn initiatives_without_tasks(graph: &Graph) -> Vec<ItemIx> {
    (0..graph.items.len())
        .filter(|&ix| {
            graph.items[ix].kind == Kind::Initiative && graph.items[ix].status != Status::Cancelled
        })
        .filter(|&ix| {
            !graph
                .sources(ix, LinkField::Initiative)
                .any(|t| graph.items[t].kind == Kind::Task)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::tests::graph_of;
    use jiff::civil::date;

    #[test]
    fn the_spec_sentence() {
        let g = graph_of(&[("KR-3.md", "---\nkind: kr\ntitle: k\n---\n")]);
        let kr = &g.items[0];
        assert_eq!(
            starved_message(
                kr,
                0.35,
                weeks_remaining(date(2026, 11, 12), date(2026, 12, 31)),
                3,
                18,
                None
            ),
            "KR-3 is at 35% with 7 weeks remaining — only 3 of 18 open tasks contribute to it"
        );
        assert_eq!(
            starved_message(kr, 0.17, 1, 0, 6, Some("growth")),
            "KR-3 is at 17% with 1 week remaining — none of 6 open tasks of team growth contribute to it"
        );
    }

    #[test]
    fn starved_threshold() {
        assert!(starved(3, 18, 20.0));
        assert!(!starved(4, 18, 20.0));
        assert!(starved(0, 0, 20.0));
    }

    #[test]
    fn teams_scope_the_open_work() {
        let g = graph_of(&[
            (
                "O-1.md",
                "---\nkind: objective\ntitle: o\nteam: growth\n---\n",
            ),
            ("O-2.md", "---\nkind: objective\ntitle: o\n---\n"),
            ("KR-1.md", "---\nkind: kr\ntitle: k\nobjective: O-1\n---\n"),
            ("KR-2.md", "---\nkind: kr\ntitle: k\nobjective: O-2\n---\n"),
            ("T-1.md", "---\nkind: task\ntitle: t\nkr: KR-1\n---\n"),
            (
                "T-2.md",
                "---\nkind: task\ntitle: t\nkr: KR-2\nteam: growth\n---\n",
            ),
            ("T-3.md", "---\nkind: task\ntitle: t\nkr: KR-2\n---\n"),
        ]);
        let open = open_tasks(&g);
        let kr1 = g.get("KR-1").unwrap();
        let growth: Vec<&str> = open
            .iter()
            .filter(|&&t| task_team(&g, t) == Some("growth"))
            .map(|&t| g.items[t].id.as_str())
            .collect();
        assert_eq!(growth, ["T-1", "T-2"]);
        let scope = Scope::new(&g, &open);
        assert_eq!(scope.of(&g, kr1), 2);
        assert_eq!(scope.of(&g, g.get("KR-2").unwrap()), 3);
    }

    #[test]
    fn finished_work_is_judged_on_its_done_day() {
        let g = graph_of(&[
            (
                "O-9.md",
                "---\nkind: objective\ntitle: o\nperiod: 2026-Q3\n---\n",
            ),
            ("KR-9.md", "---\nkind: kr\ntitle: k\nobjective: O-9\n---\n"),
            (
                "T-1.md",
                "---\nkind: task\ntitle: t\nkr: KR-9\nstatus: done\ndone: 2026-09-30\n---\n",
            ),
            (
                "T-2.md",
                "---\nkind: task\ntitle: t\nkr: KR-9\nstatus: done\ndone: 2026-10-01\nestimate: 3\n---\n",
            ),
            (
                "T-3.md",
                "---\nkind: task\ntitle: t\nunplanned: true\nstatus: done\ndone: 2026-10-02\n---\n",
            ),
        ]);
        let window = Period::parse("2026-Q4").unwrap();
        let facts = Facts::none(&g);
        let finished = finished_in(&g, &facts, &window);
        assert_eq!(finished.len(), 2);
        let c = untraced(&g, &facts, &finished);
        assert_eq!(
            (c.untraced.len(), c.untraced_estimate, c.finished_estimate),
            (2, 4.0, 4.0)
        );
        assert!(traced_on(&g, g.get("T-1").unwrap(), date(2026, 9, 30)));
    }
}
