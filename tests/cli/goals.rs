//! The goal math end to end: `audit`, `status`, `show`, `next` and `graph`
//! over the worked example of SPEC §3 and the bundled examples, at the
//! fixed as-of date. Every view is pinned by a snapshot.

use crate::common::{TestRepo, stdout};

/// stdout of a command that must exit with `code`.
fn run(repo: &TestRepo, args: &[&str], code: i32) -> String {
    let out = repo.align(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "align {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout(&out)
}

fn json(repo: &TestRepo, args: &[&str], code: i32) -> serde_json::Value {
    serde_json::from_str(&run(repo, args, code)).unwrap()
}

#[test]
fn worked_example_audit_json_to_the_digit() {
    let repo = TestRepo::fixture("worked-example");
    let v = json(&repo, &["audit", "--format", "json"], 0);
    assert_eq!(v["as_of"], "2026-11-12");
    assert_eq!(
        v["window"],
        serde_json::json!({"label": "2026-Q4", "start": "2026-10-01", "end": "2026-12-31"})
    );
    assert_eq!(v["untraced"]["finished"], 40);
    assert_eq!(v["untraced"]["untraced"], 12);
    assert_eq!(v["untraced"]["percent"], 30.0);
    assert_eq!(v["untraced"]["weighted_percent"], 27.5);
    assert_eq!(
        v["lagging_share"],
        serde_json::json!({"open": 18, "on_lagging": 3, "percent": 16.7})
    );
    let o1 = &v["objectives"][0];
    assert_eq!(
        (
            o1["id"].as_str(),
            o1["progress"].as_f64(),
            o1["expected"].as_f64()
        ),
        (Some("O-1"), Some(0.41), Some(0.46))
    );
    let kr3 = v["krs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["id"] == "KR-3")
        .unwrap();
    for (key, want) in [
        ("objective", serde_json::json!("O-1")),
        ("progress", serde_json::json!(0.35)),
        ("expected", serde_json::json!(0.46)),
        ("status", serde_json::json!("at_risk")),
        ("open_tasks", serde_json::json!(3)),
        ("done_tasks", serde_json::json!(5)),
        ("stalled", serde_json::json!(false)),
        ("starved", serde_json::json!(true)),
    ] {
        assert_eq!(kr3[key], want, "KR-3 {key}");
    }
    let starved = v["signals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "starved")
        .unwrap();
    assert_eq!(starved["id"], "KR-3");
    assert_eq!(
        starved["message"],
        "KR-3 is at 35% with 7 weeks remaining — only 3 of 18 open tasks contribute to it"
    );
    assert_eq!(
        v["gates"],
        serde_json::json!([
            {"name": "max_untraced_percent", "limit": 30.0, "value": 30.0, "pass": true, "waived": false},
            {"name": "readable_input", "limit": 0.0, "value": 0.0, "pass": true, "waived": false}
        ])
    );
    assert_eq!(v["pass"], true);
    assert_eq!(
        v["coverage"],
        serde_json::json!({"objectives_without_krs": [], "krs_without_work": [], "initiatives_without_tasks": []})
    );
}

#[test]
fn audit_gates_set_the_exit_status() {
    let repo = TestRepo::fixture("worked-example");
    // 30.0% against the configured 30: equal passes.
    run(&repo, &["audit"], 0);
    run(&repo, &["audit", "--max-untraced", "30"], 0);
    let v = json(
        &repo,
        &["audit", "--max-untraced", "29.9", "--format", "json"],
        1,
    );
    assert_eq!(v["pass"], false);
    assert_eq!(v["gates"][0]["pass"], false);
    let gh = run(
        &repo,
        &["audit", "--max-untraced", "10", "--format", "github"],
        1,
    );
    assert!(
        gh.contains("::error title=align gate max_untraced_percent::"),
        "{gh}"
    );
    run(
        &repo,
        &["audit", "--format", "markdown", "--max-untraced", "10"],
        1,
    );
    // Bad input is a usage error.
    run(&repo, &["audit", "--period", "2026-Q5"], 2);
    run(&repo, &["audit", "--max-untraced", "150"], 2);
    run(&repo, &["audit", "--format", "sarif"], 2);
    // Without a configured gate there is nothing to breach.
    repo.write("align.yaml", "period: quarter\n");
    run(&repo, &["audit"], 0);
}

#[test]
fn audit_period_changes_the_window() {
    let repo = TestRepo::fixture("worked-example");
    let v = json(
        &repo,
        &[
            "audit",
            "--period",
            "2026-10-01..2026-10-31",
            "--max-untraced",
            "100",
            "--format",
            "json",
        ],
        0,
    );
    assert_eq!(v["window"]["label"], "2026-10-01..2026-10-31");
    assert!(v["untraced"]["finished"].as_u64().unwrap() < 40);
}

#[test]
fn audit_views_of_the_examples() {
    for name in ["marketing", "product"] {
        let repo = TestRepo::example(name);
        insta::assert_snapshot!(format!("audit_human_{name}"), run(&repo, &["audit"], 0));
        insta::assert_snapshot!(
            format!("audit_markdown_{name}"),
            run(&repo, &["audit", "--format", "markdown"], 0)
        );
        insta::assert_snapshot!(
            format!("audit_github_{name}"),
            run(&repo, &["audit", "--format", "github"], 0)
        );
        insta::assert_snapshot!(
            format!("audit_json_{name}"),
            run(&repo, &["audit", "--format", "json"], 0)
        );
    }
    let repo = TestRepo::fixture("worked-example");
    insta::assert_snapshot!("audit_human_worked_example", run(&repo, &["audit"], 0));
}

#[test]
fn status_views() {
    let repo = TestRepo::example("marketing");
    insta::assert_snapshot!("status_human_marketing", run(&repo, &["status"], 0));
    insta::assert_snapshot!(
        "status_task_marketing",
        run(&repo, &["status", "T-0006"], 0)
    );
    insta::assert_snapshot!(
        "status_json_marketing_kr",
        run(&repo, &["status", "KR-5", "--format", "json"], 0)
    );
    let repo = TestRepo::example("product");
    insta::assert_snapshot!("status_human_product", run(&repo, &["status"], 0));
    let v = json(&repo, &["status", "--format", "json"], 0);
    assert_eq!(v["input"]["unreadable"], serde_json::json!([]));
    let o1 = &v["tree"][0];
    for key in [
        "id", "kind", "title", "owner", "status", "progress", "children",
    ] {
        assert!(o1.get(key).is_some(), "missing {key}");
    }
    assert_eq!(o1["kind"], "objective");
    assert_eq!(o1["children"][0]["kind"], "kr");
}

#[test]
fn unknown_ids_suggest_the_nearest() {
    let repo = TestRepo::example("marketing");
    for cmd in ["status", "show", "graph"] {
        let out = repo.align(&[cmd, "KR-13"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("no item has the id `KR-13`") && err.contains("`KR-1`"),
            "{err}"
        );
    }
}

#[test]
fn show_views() {
    let repo = TestRepo::example("marketing");
    insta::assert_snapshot!("show_kr_marketing", run(&repo, &["show", "KR-5"], 0));
    insta::assert_snapshot!("show_task_marketing", run(&repo, &["show", "T-0014"], 0));
    insta::assert_snapshot!(
        "show_json_marketing",
        run(&repo, &["show", "I-3", "--format", "json"], 0)
    );
    run(&repo, &["show"], 2);
}

#[test]
fn next_views() {
    for name in ["marketing", "product"] {
        let repo = TestRepo::example(name);
        insta::assert_snapshot!(format!("next_human_{name}"), run(&repo, &["next"], 0));
        insta::assert_snapshot!(
            format!("next_json_{name}"),
            run(&repo, &["next", "--format", "json", "--limit", "5"], 0)
        );
    }
    let repo = TestRepo::example("marketing");
    let v = json(
        &repo,
        &[
            "next", "--owner", "lee", "--format", "json", "--limit", "50",
        ],
        0,
    );
    let tasks = v["tasks"].as_array().unwrap();
    assert!(!tasks.is_empty());
    assert!(tasks.iter().all(|t| t["owner"] == "lee"));
    for key in ["id", "title", "score", "krs", "reason"] {
        assert!(tasks[0].get(key).is_some(), "missing {key}");
    }
}

fn queue(repo: &TestRepo) -> Vec<String> {
    let v = json(repo, &["next", "--format", "json", "--limit", "100"], 0);
    v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn next_reorders_on_a_target_or_a_checkin_alone() {
    let repo = TestRepo::new();
    repo.write("align.yaml", "")
        .write("O-1.md", "---\nkind: objective\ntitle: Grow\nowner: a\nperiod: 2026-Q4\n---\n")
        .write(
            "KR-1.md",
            "---\nkind: kr\ntitle: One\nowner: a\nobjective: O-1\nmetric: {start: 0, target: 100}\ncheckins:\n  - {date: 2026-11-01, value: 40}\n---\n",
        )
        .write(
            "KR-2.md",
            "---\nkind: kr\ntitle: Two\nowner: a\nobjective: O-1\nmetric: {start: 0, target: 100}\ncheckins:\n  - {date: 2026-11-01, value: 42}\n---\n",
        )
        .write("T-1.md", "---\nkind: task\ntitle: For one\nkr: KR-1\n---\n")
        .write("T-2.md", "---\nkind: task\ntitle: For two\nkr: KR-2\n---\n")
        .write("T-3.md", "---\nkind: task\ntitle: Reactive\nunplanned: true\nreason: outage\n---\n");
    assert_eq!(queue(&repo), ["T-1", "T-2", "T-3"]);
    // Raising KR-2's target puts it further behind: its task moves up.
    let kr2 = repo.read("KR-2.md").replace("target: 100", "target: 150");
    repo.write("KR-2.md", &kr2);
    assert_eq!(queue(&repo), ["T-2", "T-1", "T-3"]);
    // A check-in showing KR-2 ahead moves it back down.
    let kr2 = repo.read("KR-2.md").replace(
        "  - {date: 2026-11-01, value: 42}\n",
        "  - {date: 2026-11-01, value: 42}\n  - {date: 2026-11-10, value: 120}\n",
    );
    repo.write("KR-2.md", &kr2);
    assert_eq!(queue(&repo), ["T-1", "T-2", "T-3"]);
}

#[test]
fn graph_views() {
    let repo = TestRepo::example("marketing");
    insta::assert_snapshot!("graph_mermaid_marketing", run(&repo, &["graph"], 0));
    insta::assert_snapshot!(
        "graph_dot_marketing",
        run(&repo, &["graph", "--format", "dot"], 0)
    );
    let repo = TestRepo::example("product");
    insta::assert_snapshot!(
        "graph_mermaid_product_kr",
        run(&repo, &["graph", "KR-5"], 0)
    );
    let repo = TestRepo::fixture("worked-example");
    let m = run(&repo, &["graph"], 0);
    assert!(m.contains("more tasks"), "big groups collapse");
    let v = json(&repo, &["graph", "--format", "json"], 0);
    assert!(v["nodes"].as_array().unwrap().len() > 10);
    run(&repo, &["graph", "--format", "markdown"], 2);
}
