//! The worked example of SPEC §3, to the digit, over the fixture in
//! `tests/fixtures/worked-example`, plus helpers the other audit tests share.

use std::path::Path;

use jiff::civil::date;

use super::*;
use crate::config::{Config, discover};
use crate::workspace;

pub(crate) use crate::graph::graph_of;

/// A graph and config read from a folder under the crate root.
pub(crate) fn load_dir(rel: &str) -> (Graph, Config) {
    let root = discover(&Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).expect("fixture root");
    let inputs = workspace::discover(&root).expect("fixture files");
    let graph = Graph::build(workspace::load(&root.config, inputs));
    (graph, root.config)
}

/// What the unit tests judge by: the SPEC's as-of (2026-11-12) over
/// 2026-Q4, no git facts.
pub(crate) struct Fixed {
    pub config: Config,
    pub window: Period,
    pub facts: Facts,
}

impl Fixed {
    /// The fixed judging setup for `g` with `config`.
    pub(crate) fn new(g: &Graph, config: Config) -> Fixed {
        Fixed {
            config,
            window: Period::parse("2026-Q4").unwrap(),
            facts: Facts::none(g),
        }
    }

    /// The goal-math context over `g`.
    pub(crate) fn cx<'a>(&'a self, g: &'a Graph) -> Context<'a> {
        Context {
            graph: g,
            config: &self.config,
            as_of: date(2026, 11, 12),
            window: &self.window,
            facts: &self.facts,
        }
    }

    /// The audit of `g`.
    pub(crate) fn audit(&self, g: &Graph) -> Audit {
        audit(
            g,
            &self.config,
            date(2026, 11, 12),
            &self.window,
            &self.facts,
        )
    }
}

/// The audit of `g` with the default config at the SPEC's as-of.
fn audit_q4(g: &Graph) -> Audit {
    Fixed::new(g, Config::default()).audit(g)
}

fn worked_example() -> Audit {
    let (g, config) = load_dir("tests/fixtures/worked-example");
    Fixed::new(&g, config).audit(&g)
}

#[test]
fn worked_example_to_the_digit() {
    let a = worked_example();
    assert_eq!(a.window.label, "2026-Q4");
    assert_eq!((a.untraced.finished, a.untraced.untraced), (40, 12));
    assert_eq!(a.untraced.percent, Some(30.0));
    assert_eq!(a.untraced.weighted_percent, Some(27.5));
    assert_eq!((a.lagging_share.open, a.lagging_share.on_lagging), (18, 3));
    assert_eq!(a.lagging_share.percent.map(|p| round_to(p, 1)), Some(16.7));

    let ids: Vec<&str> = a.krs.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(ids, ["KR-1", "KR-2", "KR-3"]);
    let kr3 = &a.krs[2];
    assert_eq!(round_to(kr3.progress, 2), 0.35);
    assert_eq!(round_to(kr3.expected, 2), 0.46);
    assert_eq!(kr3.status, KrStatus::AtRisk);
    assert_eq!((kr3.open_tasks, kr3.done_tasks), (3, 5));
    assert_eq!(kr3.weeks_remaining, 7);
    assert!(kr3.starved && !kr3.stalled);
    assert_eq!(kr3.objective.as_deref(), Some("O-1"));
    assert_eq!(a.krs[0].status, KrStatus::OnTrack);
    assert_eq!(a.krs[1].status, KrStatus::OnTrack);

    assert_eq!(a.objectives.len(), 1);
    let o1 = &a.objectives[0];
    assert_eq!(o1.id, "O-1");
    assert_eq!(o1.progress.map(|p| round_to(p, 2)), Some(0.41));
    assert_eq!(round_to(o1.expected, 2), 0.46);
    assert_eq!(o1.status, Some(KrStatus::AtRisk));

    let starved: Vec<&Signal> = a
        .signals
        .iter()
        .filter(|s| s.kind == SignalKind::Starved)
        .collect();
    assert_eq!(starved.len(), 1);
    assert_eq!(
        starved[0].message,
        "KR-3 is at 35% with 7 weeks remaining — only 3 of 18 open tasks contribute to it"
    );
    assert!(
        a.signals
            .iter()
            .any(|s| s.kind == SignalKind::Prioritization)
    );
    assert!(
        !a.signals
            .iter()
            .any(|s| matches!(s.kind, SignalKind::Stalled | SignalKind::Blocked))
    );

    // The untraced gate, then `readable_input` (SPEC §8), which passes.
    assert_eq!(a.gates.len(), 2);
    assert_eq!(
        (a.gates[1].name, a.gates[1].value, a.gates[1].pass),
        ("readable_input", Some(0.0), true)
    );
    assert_eq!(
        (a.gates[0].limit, a.gates[0].value, a.gates[0].pass),
        (30.0, Some(30.0), true)
    );
    assert!(a.pass);
}

#[test]
fn worked_example_json_keys() {
    let v = serde_json::to_value(worked_example()).unwrap();
    assert_eq!(v["as_of"], "2026-11-12");
    assert_eq!(v["window"]["start"], "2026-10-01");
    assert_eq!(v["untraced"]["percent"], 30.0);
    assert_eq!(v["lagging_share"]["percent"], 16.7);
    assert_eq!(v["objectives"][0]["progress"], 0.41);
    assert_eq!(v["objectives"][0]["expected"], 0.46);
    assert_eq!(v["krs"][2]["progress"], 0.35);
    assert_eq!(v["krs"][2]["status"], "at_risk");
    assert_eq!(v["krs"][2]["starved"], true);
    assert_eq!(v["gates"][0]["name"], "max_untraced_percent");
    for key in ["coverage", "signals", "pass"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
}

#[test]
fn a_stricter_gate_fails() {
    let (g, mut config) = load_dir("tests/fixtures/worked-example");
    config.audit.max_untraced_percent = Some(29.9);
    let a = Fixed::new(&g, config).audit(&g);
    assert!(!a.pass && !a.gates[0].pass);
}

#[test]
fn objective_without_active_krs_has_no_progress() {
    let g = graph_of(&[
        (
            "O-1.md",
            "---\nkind: objective\ntitle: o\nperiod: 2026-Q4\n---\n",
        ),
        (
            "KR-1.md",
            "---\nkind: kr\ntitle: k\nobjective: O-1\nstatus: cancelled\n---\n",
        ),
    ]);
    let a = audit_q4(&g);
    assert_eq!(a.objectives[0].progress, None);
    assert_eq!(a.objectives[0].status, None);
    assert_eq!(a.coverage.objectives_without_krs, ["O-1"]);
    let v = serde_json::to_value(&a).unwrap();
    assert!(v["objectives"][0]["progress"].is_null());
}

#[test]
fn task_driven_kr_and_weights() {
    let g = graph_of(&[
        (
            "O-1.md",
            "---\nkind: objective\ntitle: o\nperiod: 2026-Q4\n---\n",
        ),
        (
            "KR-1.md",
            "---\nkind: kr\ntitle: k\nobjective: O-1\nweight: 3\n---\n",
        ),
        (
            "KR-2.md",
            "---\nkind: kr\ntitle: k\nobjective: O-1\nmetric: {start: 0, target: 10, current: 10}\n---\n",
        ),
        (
            "T-1.md",
            "---\nkind: task\ntitle: t\nkr: KR-1\nstatus: done\ndone: 2026-10-10\nestimate: 1\n---\n",
        ),
        (
            "T-2.md",
            "---\nkind: task\ntitle: t\nkr: KR-1\nestimate: 3\n---\n",
        ),
        (
            "T-3.md",
            "---\nkind: task\ntitle: t\nkr: KR-1\nstatus: cancelled\nestimate: 9\n---\n",
        ),
    ]);
    let a = audit_q4(&g);
    assert_eq!(a.krs[0].progress, 0.25);
    assert!(a.krs[0].task_driven);
    assert_eq!(a.krs[1].status, KrStatus::Done);
    // (0.25·3 + 1·1) / 4
    assert_eq!(a.objectives[0].progress, Some(0.4375));
    assert_eq!(a.objectives[0].status, Some(KrStatus::AtRisk));
}

#[test]
fn metrics_at_a_date() {
    let (g, config) = load_dir("tests/fixtures/worked-example");
    let m = metrics_at(&g, &config, date(2026, 11, 12), &Facts::none(&g));
    assert_eq!((m.untraced_percent, m.krs_lagging), (Some(30.0), 1));
    assert_eq!((m.untraced, m.finished), (12, 40));
}

#[test]
fn weighted_progress() {
    assert_eq!(weighted([]), None);
    assert_eq!(weighted([(0.5, 3.0), (1.0, 1.0)]), Some(0.625));
    // All weights 0: a plain mean rather than "no KRs".
    assert_eq!(
        weighted([(0.2, 0.0), (0.4, 0.0)]),
        Some(0.30000000000000004)
    );
}

#[test]
fn live_and_active_krs() {
    use crate::periods::{kr_active_in, kr_live_on, kr_period};
    let g = graph_of(&[
        (
            "O-1.md",
            "---\nkind: objective\ntitle: o\nperiod: 2026-Q4\n---\n",
        ),
        (
            "O-2.md",
            "---\nkind: objective\ntitle: o\nperiod: {start: 2026-07-01, end: 2026-10-15}\nstatus: cancelled\n---\n",
        ),
        (
            "KR-1.md",
            "---\nkind: kr\ntitle: k\nobjective: O-1\ndue: 2026-12-15\n---\n",
        ),
        ("KR-2.md", "---\nkind: kr\ntitle: k\nobjective: O-2\n---\n"),
        (
            "KR-3.md",
            "---\nkind: kr\ntitle: k\nobjective: O-1\nstatus: cancelled\n---\n",
        ),
    ]);
    let (k1, k2, k3) = (
        g.get("KR-1").unwrap(),
        g.get("KR-2").unwrap(),
        g.get("KR-3").unwrap(),
    );
    let p = kr_period(&g, k1).unwrap();
    assert_eq!((p.start, p.end), (date(2026, 10, 1), date(2026, 12, 15)));
    assert!(kr_live_on(&g, k1, date(2026, 12, 15)) && !kr_live_on(&g, k1, date(2026, 12, 16)));
    let q4 = Period::parse("2026-Q4").unwrap();
    assert!(kr_active_in(&g, k1, &q4));
    // A cancelled objective or KR is never live nor active.
    assert!(!kr_live_on(&g, k2, date(2026, 8, 1)) && !kr_active_in(&g, k2, &q4));
    assert!(!kr_active_in(&g, k3, &q4));
    // Expected progress runs to the KR's due date: 42 of 75 days.
    let fixed = Fixed::new(&g, Config::default());
    let cx = fixed.cx(&g);
    assert_eq!(round_to(evaluate_kr(&cx, k1).expected, 2), 0.56);
    assert_eq!(evaluate_kr(&cx, k1).status, KrStatus::OffTrack);
    let early = Context {
        as_of: date(2026, 9, 1),
        ..cx
    };
    assert_eq!(evaluate_kr(&early, k1).status, KrStatus::NotStarted);
}

#[test]
fn stalled_and_blocked_signals() {
    let g = graph_of(&[
        (
            "O-1.md",
            "---\nkind: objective\ntitle: o\nperiod: 2026-Q4\n---\n",
        ),
        (
            "KR-1.md",
            "---\nkind: kr\ntitle: k\nobjective: O-1\nmetric: {start: 0, target: 10, current: 5}\nupdated: 2026-10-01\n---\n",
        ),
        (
            "KR-2.md",
            "---\nkind: kr\ntitle: k\nobjective: O-1\nmetric: {start: 0, target: 10, current: 5}\nupdated: 2026-10-01\n---\n",
        ),
        (
            "T-1.md",
            "---\nkind: task\ntitle: t\nkr: [KR-1, KR-2]\nstatus: blocked\nupdated: 2026-10-20\n---\n",
        ),
        (
            "T-2.md",
            "---\nkind: task\ntitle: t\nkr: KR-2\nupdated: 2026-11-11\n---\n",
        ),
    ]);
    let a = audit_q4(&g);
    let messages: Vec<(&str, &str)> = a
        .signals
        .iter()
        .map(|s| (s.kind.as_str(), s.message.as_str()))
        .collect();
    assert!(messages.contains(&(
        "stalled",
        "KR-1 is stalled: neither its open task nor the KR changed in 14 days (last change 2026-10-20)"
    )));
    assert!(messages.contains(&(
        "blocked",
        "T-1 has been blocked for 23 days (since 2026-10-20), over the 2-day limit; it holds back KR-1, KR-2"
    )));
    assert_eq!(messages.iter().filter(|(k, _)| *k == "blocked").count(), 1);
    // Stalled work turns an on-pace KR amber by itself.
    assert!(
        a.krs
            .iter()
            .all(|k| k.stalled && k.status == KrStatus::AtRisk)
    );
}

mod graph_properties {
    use super::*;
    use proptest::prelude::*;

    fn files(tasks: &[(u8, u8)]) -> Vec<(String, String)> {
        let mut f = vec![
            (
                "O-1.md".to_string(),
                "---\nkind: objective\ntitle: o\nperiod: 2026-Q4\n---\n".to_string(),
            ),
            (
                "KR-1.md".to_string(),
                "---\nkind: kr\ntitle: k\nobjective: O-1\n---\n".to_string(),
            ),
        ];
        for (i, &(status, estimate)) in tasks.iter().enumerate() {
            let status = ["todo", "doing", "blocked", "done", "cancelled"][usize::from(status % 5)];
            let done = if status == "done" {
                "done: 2026-10-10\n"
            } else {
                ""
            };
            f.push((
                format!("T-{i}.md"),
                format!("---\nkind: task\ntitle: t\nkr: KR-1\nstatus: {status}\n{done}estimate: {estimate}\n---\n"),
            ));
        }
        f
    }

    fn progress(files: &[(String, String)]) -> f64 {
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let g = graph_of(&refs);
        kr_progress(&g, g.get("KR-1").unwrap(), date(2026, 11, 12))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn a_done_task_never_lowers_task_driven_progress(tasks in prop::collection::vec((0u8..5, 0u8..9), 0..12), estimate in 0u8..9) {
            let before = progress(&files(&tasks));
            prop_assert!((0.0..=1.0).contains(&before));
            let mut more = tasks.clone();
            more.push((3, estimate));
            let after = progress(&files(&more));
            prop_assert!((0.0..=1.0).contains(&after));
            prop_assert!(after >= before - 1e-12);
        }
    }
}
