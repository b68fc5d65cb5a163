//! `align explain` and `align config`: the text users read to understand a
//! rule and the settings in force, snapshotted.

use crate::common::{TestRepo, redact, stdout};

fn run(repo: &TestRepo, args: &[&str]) -> String {
    let out = repo.align(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    redact(repo, &stdout(&out))
}

#[test]
fn explain_one_rule() {
    let repo = TestRepo::new();
    let text = run(&repo, &["explain", "AL001"]);
    for part in ["What it checks", "Why it matters", "Example", "How to fix"] {
        assert!(text.contains(part), "{text}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn explain_by_name_or_lower_case_code() {
    let repo = TestRepo::new();
    let by_code = run(&repo, &["explain", "AL001"]);
    assert_eq!(run(&repo, &["explain", "unlinked-task"]), by_code);
    assert_eq!(run(&repo, &["explain", "al001"]), by_code);
}

#[test]
fn explain_lists_every_rule() {
    let repo = TestRepo::new();
    let text = run(&repo, &["explain"]);
    for n in 1..=17 {
        assert!(
            text.contains(&format!("AL{n:03}  ")),
            "AL{n:03} is listed: {text}"
        );
    }
    insta::assert_snapshot!(text);
}

#[test]
fn explain_json() {
    let repo = TestRepo::new();
    let all: serde_json::Value =
        serde_json::from_str(&run(&repo, &["explain", "--format", "json"])).unwrap();
    assert_eq!(all.as_array().unwrap().len(), 18);
    let one: serde_json::Value =
        serde_json::from_str(&run(&repo, &["explain", "AL014", "--format", "json"])).unwrap();
    assert_eq!(one["name"], "parse-error");
    assert_eq!(one["default"], "error");
}

#[test]
fn explain_works_despite_a_broken_config() {
    // Explaining a rule needs no workspace (like `completions` and `man`):
    // a typo in align.yaml must not stop a user from reading a rule.
    let repo = TestRepo::new();
    repo.write("align.yaml", "includes: [x]\n");
    let out = repo.align(&["explain", "AL014"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout(&out).starts_with("AL014 parse-error"));
    // `lint` in the same folder still fails on the config.
    repo.align(&["lint"]).assert().code(2);
    // A format explain does not print is still a usage error.
    repo.align(&["explain", "--format", "sarif"])
        .assert()
        .code(2);
}

#[test]
fn config_defaults() {
    let repo = TestRepo::new();
    insta::assert_snapshot!(run(&repo, &["config"]));
}

#[test]
fn config_effective() {
    let repo = TestRepo::new();
    repo.write(
        "align.yaml",
        "# A team's settings.\ninclude: [\"okrs/**\", \"work/**\"]\nkind_by_path: { \"work/tasks/**\": task }\nperiod: half\nstatuses:\n  done: [shipped]\npeople: [dana, sam]\nmax_depth: 2\nunplanned: deny\nids: sequential\naudit:\n  max_untraced_percent: 25\nrules:\n  AL009: off\noverrides:\n  - paths: [\"archive/**\"]\n    rules: { unlinked-task: warning }\n",
    );
    let text = run(&repo, &["config"]);
    insta::assert_snapshot!(text);
    // What `align config` prints is itself a valid align.yaml.
    let again = TestRepo::new();
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    again.write("align.yaml", &body);
    let round = run(&again, &["config"]);
    assert_eq!(
        round.lines().skip(1).collect::<Vec<_>>(),
        text.lines().skip(1).collect::<Vec<_>>(),
        "config round-trips"
    );
}

#[test]
fn config_json() {
    let repo = TestRepo::new();
    repo.write("align.yaml", "people: [dana]\n");
    let json: serde_json::Value =
        serde_json::from_str(&run(&repo, &["config", "--format", "json"])).unwrap();
    assert_eq!(json["people"], serde_json::json!(["dana"]));
    assert_eq!(json["max_depth"], 3);
}
