//! The exit-status contract of SPEC §4, row by row: 0 success (warnings
//! allowed), 1 error findings, 2 the command could not do its job. Errors
//! go to stderr, name the file and line where there is one, and say how to
//! fix them.

use crate::common::{TestRepo, redact};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A small clean workspace: one objective, one KR, one linked task.
fn clean() -> TestRepo {
    TestRepo::fixture("rules/AL002/pass")
}

#[test]
fn zero_when_clean() {
    let repo = clean();
    let out = repo.align(&["lint"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).is_empty());
}

#[test]
fn zero_with_warnings_only() {
    // AL007 (kr-no-metric) is a warning.
    let repo = TestRepo::fixture("rules/AL007/fail");
    let out = repo.align(&["lint", "--format", "short"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("AL007"));
}

#[test]
fn one_on_an_error_finding() {
    let repo = TestRepo::fixture("rules/AL001/fail");
    repo.align(&["lint"]).assert().code(1);
}

#[test]
fn one_when_config_raises_a_warning_to_error() {
    let repo = TestRepo::fixture("rules/AL007/fail");
    repo.write("align.yaml", "rules: { kr-no-metric: error }\n");
    repo.align(&["lint"]).assert().code(1);
    repo.write("align.yaml", "rules: { AL007: off }\n");
    let out = repo.align(&["lint", "--format", "short"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn two_on_an_unknown_config_key_with_did_you_mean() {
    let repo = clean();
    repo.write(
        "align.yaml",
        "people: [dana, sam]\nincludes: [\"okrs/**\"]\n",
    );
    let out = repo.align(&["lint"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = redact(&repo, &stderr(&out));
    assert!(
        err.contains("align.yaml:2:"),
        "names the file and line: {err}"
    );
    assert!(err.contains("did you mean `include`?"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn two_on_an_unknown_nested_config_key() {
    let repo = clean();
    repo.write("align.yaml", "audit:\n  stale_dayz: 10\n");
    let out = repo.align(&["lint"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("align.yaml:2:"), "{err}");
    assert!(err.contains("did you mean `stale_days`?"), "{err}");
}

#[test]
fn two_on_invalid_config_yaml() {
    let repo = clean();
    repo.write("align.yaml", "people: [dana, sam\nperiod: quarter\n");
    let out = repo.align(&["lint"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("align.yaml"), "names the file: {err}");
    assert!(err.contains("help:"), "says how to fix it: {err}");
}

#[test]
fn two_on_a_bad_config_value() {
    let repo = clean();
    repo.write("align.yaml", "period: fortnight\n");
    let out = repo.align(&["lint"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("align.yaml"), "{}", stderr(&out));
}

#[test]
fn two_on_a_missing_dash_c_folder() {
    let repo = clean();
    let out = repo
        .align(&["-C", "no/such/folder", "lint"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("no/such/folder"), "{err}");
    assert!(err.contains("is not a folder"), "{err}");
}

#[test]
fn dash_c_runs_elsewhere() {
    let repo = TestRepo::new();
    std::fs::create_dir_all(repo.path().join("team")).unwrap();
    crate::common::copy_dir(
        &crate::common::crate_root().join("tests/fixtures/rules/AL001/fail"),
        &repo.path().join("team"),
    );
    repo.write("team/align.yaml", "");
    let out = repo
        .align(&["-C", "team", "lint", "--format", "short"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    // Paths are relative to the root found from `-C`.
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("tasks/T-1.md:2:1: AL001"));
}

#[test]
fn two_on_a_format_lint_does_not_print() {
    let repo = clean();
    let out = repo.align(&["lint", "--format", "csv"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("does not print `--format csv`"), "{err}");
    assert!(err.contains("human, short, json, github, sarif"), "{err}");
}

#[test]
fn two_on_an_unknown_format_name() {
    let repo = clean();
    repo.align(&["lint", "--format", "xml"]).assert().code(2);
}

#[test]
fn two_on_a_bad_as_of() {
    let repo = clean();
    for bad in ["2026-13-01", "2026-02-30", "tomorrow", "12/11/2026"] {
        let out = repo.align(&["lint", "--as-of", bad]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "--as-of {bad}");
        assert!(stderr(&out).contains("--as-of"), "{bad}: {}", stderr(&out));
    }
}

#[test]
fn two_on_an_unknown_rule_for_explain() {
    let repo = clean();
    let out = repo.align(&["explain", "AL999"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("there is no rule `AL999`"), "{err}");
    let out = repo.align(&["explain", "unlinked-tsk"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean `unlinked-task`?"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn two_on_usage_errors() {
    let repo = clean();
    repo.align(&["lint", "--no-such-flag"]).assert().code(2);
    repo.align(&["no-such-command"]).assert().code(2);
    repo.align(&[]).assert().code(2);
}

#[test]
fn two_on_a_lint_path_that_does_not_exist() {
    let repo = clean();
    let out = repo.align(&["lint", "no-such-file.md"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no-such-file.md"), "{}", stderr(&out));
}

#[test]
fn two_on_a_lint_path_outside_the_root() {
    let repo = TestRepo::new();
    repo.write("outside.md", "# not in the workspace\n");
    crate::common::copy_dir(
        &crate::common::crate_root().join("tests/fixtures/rules/AL002/pass"),
        &repo.path().join("ws"),
    );
    repo.write("ws/align.yaml", "");
    let out = repo
        .align(&["-C", "ws", "lint", "../outside.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("outside the workspace"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn lint_paths_filter_the_findings() {
    // An unlinked task (error) in tasks/, a KR without a metric (warning)
    // in okrs/.
    let repo = TestRepo::fixture("rules/AL001/fail");
    repo.write("align.yaml", "");
    repo.write(
        "okrs/KR-2.md",
        "---\nkind: kr\ntitle: Attendance\nobjective: O-1\nowner: dana\n---\n",
    );
    let short = |args: &[&str]| {
        let mut all = vec!["lint", "--format", "short"];
        all.extend_from_slice(args);
        let out = repo.align(&all).output().unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, all) = short(&[]);
    assert_eq!(code, 1);
    assert!(
        all.contains("tasks/T-1.md") && all.contains("okrs/KR-2.md"),
        "{all}"
    );

    // A folder: only its findings, and the status follows them.
    let (code, okrs) = short(&["okrs"]);
    assert_eq!((code, okrs.contains("tasks/")), (0, false), "{okrs}");
    assert!(okrs.contains("okrs/KR-2.md:2:1: AL007"), "{okrs}");

    // A file.
    let (code, task) = short(&["tasks/T-1.md"]);
    assert_eq!(code, 1);
    assert_eq!(task.lines().count(), 1, "{task}");
    assert!(task.starts_with("tasks/T-1.md:"), "{task}");

    // Several paths, and a path given from a subfolder.
    let (_, both) = short(&["okrs/KR-2.md", "tasks"]);
    assert_eq!(both.lines().count(), 2, "{both}");
    let out = repo
        .align(&["-C", "tasks", "lint", "--format", "short", "T-1.md"])
        .output()
        .unwrap();
    let from_sub = String::from_utf8_lossy(&out.stdout);
    assert_eq!(from_sub, task, "paths are relative to where align runs");

    // The whole graph is still read: a filtered lint sees links into other folders.
    let (code, _) = short(&["okrs/O-1.md"]);
    assert_eq!(code, 0);
}

#[test]
fn a_closed_pipe_ends_quietly_with_zero() {
    use std::process::Stdio;
    let repo = TestRepo::example("marketing");
    let mut child = crate::common::align_command(repo.path())
        .args(["--as-of", "2026-11-12", "status"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before align writes: like `align status | head -0`.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
