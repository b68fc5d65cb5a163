//! `align.yaml` errors point at the key or value that is wrong and say
//! what it must be (issue 10): one case per wrong position.

use crate::common::TestRepo;

/// Runs `align lint` over `config`; returns stderr after checking exit 2.
fn error_of(config: &str) -> String {
    let repo = TestRepo::new();
    repo.write("align.yaml", config);
    let out = repo.align(&["lint"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "{config}: {err}");
    err
}

#[track_caller]
fn case(config: &str, at: &str, message: &str, help: &str) {
    let err = error_of(config);
    assert!(
        err.contains(&format!("align.yaml:{at}: ")),
        "{config}\nwant {at}, got: {err}"
    );
    assert!(
        err.contains(message),
        "{config}\nwant {message}, got: {err}"
    );
    assert!(err.contains(help), "{config}\nwant {help}, got: {err}");
    assert!(!err.contains("fix the YAML syntax"), "{err}");
}

#[test]
fn a_duplicate_key_is_reported_at_its_second_occurrence() {
    let mut config = String::from("include: [\"**/*.md\"]\n");
    for _ in 0..8 {
        config.push_str("# a comment line\n");
    }
    config.push_str("period: quarter\naudit:\n  stale_days: 10\n");
    for _ in 0..20 {
        config.push_str("# more\n");
    }
    config.push_str("period: half\n");
    case(
        &config,
        "33:1",
        "`period` is written twice (first on line 10)",
        "keep one",
    );
    case(
        "audit:\n  stale_days: 3\n  block_sla_days: 2\n  stale_days: 4\n",
        "4:3",
        "`audit.stale_days` is written twice (first on line 2)",
        "keep one",
    );
}

#[test]
fn an_unknown_rule_is_reported_at_its_key() {
    case(
        "period: quarter\nrules:\n  AL001: off\n  AL099: warning\n",
        "4:3",
        "`AL099` in `rules` is not a rule",
        "did you mean `AL009`?",
    );
    case(
        "overrides:\n  - paths: [\"archive/**\"]\n    rules:\n      unlinked-tsk: off\n",
        "4:7",
        "`unlinked-tsk` in `rules`",
        "did you mean `unlinked-task`?",
    );
}

#[test]
fn wrong_values_say_what_the_value_must_be() {
    case(
        "people: dana\n",
        "1:9",
        "`people` must be a list, not \"dana\"",
        "`people: [dana]`",
    );
    case(
        "audit:\n  max_untraced_percent: \"30%\"\n",
        "2:25",
        "`audit.max_untraced_percent` must be a number, not \"30%\"",
        "without `%`",
    );
    case(
        "period: quater\n",
        "1:9",
        "`period` must be one of `quarter`, `half`, `year`, not `quater`",
        "did you mean `quarter`?",
    );
    case(
        "ids: randon\n",
        "1:6",
        "`ids` must be one of `random`, `sequential`",
        "did you mean `random`?",
    );
    case(
        "max_depth: -1\n",
        "1:12",
        "`max_depth` must be a whole number, 0 or more",
        "`max_depth: 3`",
    );
}

#[test]
fn an_unknown_key_suggests_keys_of_its_own_section() {
    case(
        "audit:\n  include: [x]\n",
        "2:3",
        "`include` is not a key of `audit`",
        "the keys of `audit` are `max_untraced_percent`",
    );
    case(
        "audit:\n  stale_day: 3\n",
        "2:3",
        "`stale_day` is not a key of `audit`",
        "did you mean `stale_days`?",
    );
    case(
        "overrides:\n  - paths: [a]\n    statuses: {}\n",
        "3:5",
        "`statuses` is not a key of `overrides[0]`",
        "`paths`, `rules`",
    );
    case(
        "inclde: [x]\n",
        "1:1",
        "`inclde` is not a key of align.yaml's top level",
        "did you mean `include`?",
    );
}

#[test]
fn kind_by_path_accepts_kinds_in_any_case() {
    let repo = TestRepo::new();
    repo.write(
        "align.yaml",
        "kind_by_path: {\"tasks/**\": Task, \"krs/**\": KR}\n",
    )
    .write(
        "tasks/T-1.md",
        "---\ntitle: Untyped\nunplanned: true\nreason: ops\n---\n",
    );
    let out = repo.align(&["lint", "--format", "json"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["items"], 1);
    case(
        "kind_by_path: {\"t/**\": tsak}\n",
        "1:15",
        "must be one of `objective`, `kr`, `initiative`, `task`, not `tsak`",
        "did you mean `task`?",
    );
}
