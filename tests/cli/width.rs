//! Output that fits the terminal (issue 10): every human table at 80 and
//! 120 columns (`COLUMNS` set), titles cut with "…" but ids and numbers
//! whole, prose wrapped; piped output (no `COLUMNS`) never cut.

use crate::common::{TestRepo, stdout};

/// `align ARGS…` with `COLUMNS=width`.
fn at(repo: &TestRepo, width: usize, args: &[&str]) -> String {
    let out = repo
        .align(args)
        .env("COLUMNS", width.to_string())
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout(&out)
}

/// No line is wider than `width` characters.
fn fits(text: &str, width: usize) {
    for line in text.lines() {
        assert!(
            line.chars().count() <= width,
            "{} > {width}: {line}",
            line.chars().count()
        );
    }
}

/// The human tables of every command that prints one, at 80 and 120
/// columns: (snapshot, width, args).
const TABLES: &[(&str, usize, &[&str])] = &[
    ("audit_80", 80, &["audit"]),
    ("audit_120", 120, &["audit"]),
    ("status_80", 80, &["status"]),
    ("status_120", 120, &["status"]),
    ("next_80", 80, &["next"]),
    ("next_120", 120, &["next"]),
    ("explain_80", 80, &["explain"]),
    ("explain_120", 120, &["explain"]),
    ("report_80", 80, &["report", "weekly"]),
    ("report_120", 120, &["report", "weekly"]),
    (
        "report_human_80",
        80,
        &["report", "weekly", "--format", "human"],
    ),
];

#[test]
fn human_tables_fit_80_and_120_columns() {
    let repo = TestRepo::example("marketing");
    for (name, width, args) in TABLES {
        let text = at(&repo, *width, args);
        fits(&text, *width);
        insta::assert_snapshot!(*name, text);
    }
    let repo = TestRepo::fixture("worked-example");
    for (name, width) in [
        ("audit_worked_example_80", 80),
        ("audit_worked_example_120", 120),
    ] {
        let text = at(&repo, width, &["audit"]);
        fits(&text, width);
        insta::assert_snapshot!(name, text);
    }
}

#[test]
fn ids_and_numbers_are_never_cut() {
    let repo = TestRepo::new();
    let long = "A very long key result title that goes on and on about weekly demo requests";
    repo.write("align.yaml", "")
        .write(
            "O-1.md",
            "---\nkind: objective\ntitle: Grow\nowner: a\nperiod: 2026-Q4\n---\n",
        )
        .write(
            "KR-a-rather-long-identifier.md",
            &format!("---\nkind: kr\ntitle: {long}\nowner: a\nobjective: O-1\nmetric: {{start: 0, target: 1000}}\ncheckins:\n  - {{date: 2026-11-01, value: 123}}\n---\n"),
        );
    for width in [40, 80] {
        let text = at(&repo, width, &["audit"]);
        assert!(text.contains("KR-a-rather-long-identifier"), "{text}");
        assert!(text.contains("12%"), "{text}");
        let status = at(&repo, width, &["status"]);
        assert!(status.contains("KR-a-rather-long-identifier"), "{status}");
        assert!(status.contains('…'), "{status}");
    }
}

#[test]
fn piped_output_is_not_truncated() {
    let repo = TestRepo::fixture("worked-example");
    let piped = stdout(&repo.align(&["audit"]).output().unwrap());
    assert!(piped.contains("Pricing-page signups per 1000 visits from 30 to 45"));
    assert!(!piped.contains('…'), "{piped}");
    let narrow = at(&repo, 80, &["audit"]);
    assert!(narrow.lines().any(|l| l.chars().count() > 70));
}
