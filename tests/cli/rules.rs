//! Every lint rule against its fixture workspaces (STYLE habit 8):
//! `tests/fixtures/rules/ALxxx/fail/` must produce exactly the findings
//! listed here (code, path, line, column, via `--format json`), and
//! `tests/fixtures/rules/ALxxx/pass/` must produce none at all.

use serde_json::Value;

use crate::common::{TestRepo, crate_root};

/// `(code, path, line, column)` of one expected finding.
type Expected = (&'static str, &'static str, u64, u64);

/// What each rule's `fail/` workspace must report, and nothing else.
const FAIL: &[(&str, &[Expected])] = &[
    ("AL001", &[("AL001", "tasks/T-1.md", 2, 1)]),
    ("AL002", &[("AL002", "tasks/T-1.md", 4, 5)]),
    ("AL003", &[("AL003", "tasks/T-1.md", 4, 5)]),
    ("AL004", &[("AL004", "okrs/q4.yaml", 2, 7)]),
    ("AL005", &[("AL005", "tasks/T-1.md", 5, 13)]),
    (
        "AL006",
        &[
            ("AL006", "okrs/KR-2.md", 5, 8),
            ("AL006", "tasks/T-1.md", 5, 8),
        ],
    ),
    ("AL007", &[("AL007", "okrs/KR-2.md", 2, 1)]),
    (
        "AL008",
        &[
            ("AL008", "tasks/T-1.md", 5, 9),
            ("AL008", "tasks/T-1.md", 6, 6),
        ],
    ),
    ("AL009", &[("AL009", "tasks/T-1.md", 5, 1)]),
    ("AL010", &[("AL010", "tasks/T-1.md", 4, 5)]),
    ("AL011", &[("AL011", "okrs/O-3.md", 6, 9)]),
    ("AL012", &[("AL012", "tasks/T-2.md", 7, 14)]),
    ("AL013", &[("AL013", "initiatives/I-1.md", 8, 16)]),
    ("AL014", &[("AL014", "tasks/T-1.md", 3, 14)]),
    ("AL015", &[("AL015", "okrs/KR-2.md", 2, 1)]),
    ("AL016", &[("AL016", "tasks/T-1.md", 5, 9)]),
    ("AL017", &[("AL017", "tasks/T-1.md", 4, 12)]),
    ("AL018", &[("AL018", "tasks/T-1.md", 7, 10)]),
];

/// Lints `repo` with `--format json` and returns the parsed report and the
/// exit status.
pub fn lint_json(repo: &TestRepo, extra: &[&str]) -> (Value, i32) {
    let mut args = vec!["lint", "--format", "json"];
    args.extend_from_slice(extra);
    let out = repo.align(&args).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let json: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"));
    (json, out.status.code().unwrap())
}

/// The findings of a JSON report as `(code, path, line, column)`.
pub fn locations(json: &Value) -> Vec<(String, String, u64, u64)> {
    json["findings"]
        .as_array()
        .expect("findings is a list")
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["path"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_rule_has_pass_and_fail_fixtures() {
    let dir = crate_root().join("tests/fixtures/rules");
    let mut found: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    let listed: Vec<&str> = FAIL.iter().map(|(code, _)| *code).collect();
    assert_eq!(
        found, listed,
        "one fixture folder per rule, each listed in FAIL"
    );
    for code in &found {
        for side in ["pass", "fail"] {
            assert!(
                dir.join(code).join(side).is_dir(),
                "{code}/{side} is missing"
            );
        }
    }
}

#[test]
fn fail_fixtures_report_their_rule_where_it_is() {
    let mut wrong = Vec::new();
    for (code, expected) in FAIL {
        let repo = TestRepo::fixture(&format!("rules/{code}/fail"));
        let (json, status) = lint_json(&repo, &[]);
        let got = locations(&json);
        let want: Vec<(String, String, u64, u64)> = expected
            .iter()
            .map(|(c, p, l, col)| (c.to_string(), p.to_string(), *l, *col))
            .collect();
        if got != want {
            wrong.push(format!("{code}: expected {want:?}\n       got {got:?}"));
        }
        // Every finding names its rule, says what is wrong and how to fix it.
        for f in json["findings"].as_array().unwrap() {
            for key in ["name", "severity", "message", "help"] {
                assert!(
                    f[key].as_str().is_some_and(|s| !s.is_empty()),
                    "{code}: finding without {key}: {f}"
                );
            }
        }
        let errors = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["severity"] == "error");
        assert_eq!(status, if errors { 1 } else { 0 }, "{code}: exit status");
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn pass_fixtures_are_clean() {
    for (code, _) in FAIL {
        let repo = TestRepo::fixture(&format!("rules/{code}/pass"));
        let (json, status) = lint_json(&repo, &[]);
        assert_eq!(locations(&json), [], "{code}/pass has findings");
        assert_eq!(status, 0, "{code}/pass exit status");
        assert!(
            json["items"].as_u64().unwrap() >= 3,
            "{code}/pass: items were read"
        );
    }
}

/// What users read for each rule: every fail fixture's findings with their
/// message and help, in one snapshot.
#[test]
fn fail_fixture_messages() {
    let mut text = String::new();
    for (code, _) in FAIL {
        let repo = TestRepo::fixture(&format!("rules/{code}/fail"));
        let (json, _) = lint_json(&repo, &[]);
        text.push_str(&format!("== {code}\n"));
        for f in json["findings"].as_array().unwrap() {
            text.push_str(&format!(
                "{}:{}:{}: {} {} [{}]\n  {}\n  help: {}\n",
                f["path"].as_str().unwrap(),
                f["line"],
                f["column"],
                f["code"].as_str().unwrap(),
                f["name"].as_str().unwrap(),
                f["severity"].as_str().unwrap(),
                f["message"].as_str().unwrap(),
                f["help"].as_str().unwrap(),
            ));
        }
    }
    insta::assert_snapshot!(text);
}
