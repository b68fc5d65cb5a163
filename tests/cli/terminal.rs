//! Terminal safety (SPEC §6): text from files — titles, owners, ids, keys,
//! label values, file names, raw bytes in a broken file — never reaches a
//! terminal raw, in any format, with or without colour; and a closed
//! stdout or stderr ends a command quietly, never in a panic.

use std::process::{Command as StdCommand, Output, Stdio};

use crate::common::{TestRepo, align_command};

/// What a title says to a terminal: set the window title, clear the
/// screen, a C1 CSI, DEL and a carriage return (YAML escapes, so the files
/// parse and the values reach every renderer).
const EVIL: &str = r#"\e]0;pwned\a\e[2J\u009b\x7f\r"#;

/// The same, as `align` must show it (Rust's escape style).
const SHOWN: &str = r"\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}\u{7f}\r";

/// A git repository whose items carry [`EVIL`] in every field a renderer
/// prints, with two commits so `trend` and `report weekly` have history.
fn workspace() -> TestRepo {
    let repo = TestRepo::git();
    repo.write("align.yaml", "");
    repo.write(
        "okrs/O-1.md",
        &format!(
            "---\nkind: objective\ntitle: \"Grow {EVIL} now\"\nowner: \"dana{EVIL}\"\nperiod: 2026-Q4\nlabels: [\"l{EVIL}\"]\n\"k{EVIL}\": 1\n---\n"
        ),
    );
    repo.write(
        "okrs/KR-1.md",
        &format!(
            "---\nkind: kr\ntitle: \"Ship {EVIL}\"\nobjective: O-1\nowner: \"dana{EVIL}\"\nmetric: {{start: 0, target: 10, current: 1, unit: \"u{EVIL}\"}}\n---\n"
        ),
    );
    repo.write(
        "okrs/KR-2.md",
        "---\nkind: kr\ntitle: No metric\nobjective: O-1\nowner: dana\n---\n",
    );
    repo.write(
        "initiatives/I-1.md",
        &format!(
            "---\nkind: initiative\ntitle: \"Init {EVIL}\"\nkr: KR-1\nowner: \"sam{EVIL}\"\n---\n"
        ),
    );
    repo.write(
        "tasks/T-1.md",
        &format!(
            "---\nkind: task\ntitle: \"Do {EVIL}\"\nkr: KR-1\ninitiative: I-1\nowner: \"sam{EVIL}\"\nstatus: doing\nestimate: 3\ndepends_on: [\"T-{EVIL}\"]\n---\n"
        ),
    );
    repo.write(
        "tasks/T-2.md",
        &format!(
            "---\nkind: task\ntitle: \"Blocked {EVIL}\"\nkr: KR-2\nowner: \"sam{EVIL}\"\nstatus: blocked\nblocked_since: 2026-10-01\n---\n"
        ),
    );
    repo.write(
        "tasks/T-3.md",
        &format!("---\nkind: task\ntitle: \"Loose {EVIL}\"\nstatus: \"to{EVIL}do\"\n---\n"),
    );
    // A file name that is itself hostile (its stem is not a valid id).
    repo.write(
        "tasks/n\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}\u{7f}\r.md",
        "---\nkind: task\ntitle: Named\nkr: KR-1\n---\n",
    );
    // Raw control bytes in the text: a parse error whose snippet quotes
    // the line.
    repo.write_bytes(
        "tasks/T-4.md",
        b"---\nkind: task\ntitle: raw \x1b]0;pwned\x07 \x1b[2J \xc2\x9b \x7f \r end\nkr: KR-1\n---\n",
    );
    repo.commit_all("first", "2026-10-05");
    repo.write(
        "tasks/T-5.md",
        &format!(
            "---\nkind: task\ntitle: \"Done {EVIL}\"\nkr: KR-1\nowner: \"sam{EVIL}\"\nstatus: done\ndone: 2026-11-10\n---\n"
        ),
    );
    repo.commit_all("second", "2026-11-10");
    repo
}

/// Every command that prints file text, in every format it offers.
const COMMANDS: &[&[&str]] = &[
    &["lint"],
    &["lint", "--format", "short"],
    &["lint", "--format", "json"],
    &["lint", "--format", "github"],
    &["lint", "--format", "sarif"],
    &["audit"],
    &["audit", "--format", "json"],
    &["audit", "--format", "markdown"],
    &["audit", "--format", "github"],
    &["status"],
    &["status", "--format", "json"],
    &["next"],
    &["next", "--explain"],
    &["next", "--format", "json"],
    &["show", "O-1"],
    &["show", "KR-1"],
    &["show", "T-1"],
    &["show", "T-1", "--format", "json"],
    &["graph"],
    &["graph", "--format", "dot"],
    &["graph", "--format", "json"],
    &["report", "weekly"],
    &["report", "weekly", "--format", "human"],
    &["report", "weekly", "--format", "json"],
    &["capacity"],
    &["capacity", "--format", "json"],
    &["trend"],
    &["trend", "--format", "json"],
    &["trend", "--format", "csv"],
    &["config", "--format", "json"],
];

/// Fails unless `text` is safe for a terminal: no C0 byte but `\n`, no
/// DEL, no C1 character, and an ESC only as `ESC [ digits/; m` when
/// `color` (the colour sequences align writes), none otherwise.
fn assert_safe(what: &str, text: &[u8], color: bool) {
    let text = std::str::from_utf8(text).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let n = if c == '\u{1b}' && color {
            sgr_len(rest)
        } else {
            0
        };
        if n > 0 {
            rest = &rest[n..];
            continue;
        }
        assert!(
            c == '\n' || !c.is_control(),
            "{what}: raw {c:?} at byte {} in:\n{text}",
            text.len() - rest.len()
        );
        rest = &rest[c.len_utf8()..];
    }
}

/// The length of `ESC [ [0-9;]* m` at the start of `s`, else 0.
fn sgr_len(s: &str) -> usize {
    let Some(tail) = s.strip_prefix("\u{1b}[") else {
        return 0;
    };
    let params = tail
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b';')
        .count();
    if tail.as_bytes().get(params) == Some(&b'm') {
        3 + params
    } else {
        0
    }
}

fn run(repo: &TestRepo, args: &[&str], color: &str) -> Output {
    let mut all = vec!["--color", color];
    all.extend_from_slice(args);
    let out = repo.align(&all).env("COLUMNS", "100").output().unwrap();
    let code = out.status.code().expect("exited");
    assert!(
        code <= 2,
        "{args:?}: exit {code}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn no_command_lets_file_text_drive_the_terminal() {
    let repo = workspace();
    for args in COMMANDS {
        for color in ["never", "always"] {
            let out = run(&repo, args, color);
            let what = format!("align --color {color} {}", args.join(" "));
            assert_ne!(
                out.status.code(),
                Some(2),
                "{what}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(!out.stdout.is_empty(), "{what}: printed nothing");
            assert_safe(&format!("{what} (stdout)"), &out.stdout, color == "always");
            assert_safe(&format!("{what} (stderr)"), &out.stderr, false);
        }
    }
}

#[test]
fn values_are_shown_escaped_not_dropped() {
    let repo = workspace();
    let text = |args: &[&str]| String::from_utf8(run(&repo, args, "never").stdout).unwrap();
    // Human formats show the value in Rust's escape style, on one line.
    for args in [
        &["show", "T-1"][..],
        &["status"],
        &["next"],
        &["report", "weekly"],
        &["lint"],
    ] {
        let out = text(args);
        assert!(
            out.contains(SHOWN),
            "{args:?} shows the title escaped:\n{out}"
        );
    }
    // Diagrams cut titles at 40 characters; dot doubles the backslash.
    let mermaid = text(&["graph"]);
    assert!(
        mermaid.contains(r"T-1 · Do \u{1b}]0;pwned\u{7}"),
        "{mermaid}"
    );
    let dot = text(&["graph", "--format", "dot"]);
    assert!(dot.contains(r"T-1 · Do \\u{1b}]0;pwned\\u{7}"), "{dot}");
    let status = text(&["status"]);
    let row = status
        .lines()
        .find(|l| l.contains("T-1"))
        .expect("T-1 in the tree");
    assert!(row.contains(r"Do \u{1b}]0;pwned\u{7}"), "{row}");
    // The short format: a hostile file name and quoted values keep one
    // finding a line.
    let short = text(&["lint", "--format", "short"]);
    assert!(short.contains(r"tasks/n\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}\u{7f}\r.md:"));
    assert!(
        short
            .lines()
            .all(|l| l.starts_with("tasks/") || l.starts_with("okrs/")),
        "{short}"
    );
    // miette's snippet of the broken file escapes the raw bytes.
    let human = text(&["lint"]);
    assert!(
        human.contains(r"title: raw \u{1b}]0;pwned\u{7} \u{1b}[2J \u{9b} \u{7f} \r end"),
        "{human}"
    );
    // JSON keeps the value exact, every control escaped as \u00XX.
    let json = text(&["show", "T-1", "--format", "json"]);
    assert!(
        json.contains(r#"Do \u001b]0;pwned\u0007\u001b[2J\u009b\u007f\r"#),
        "{json}"
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        v["title"], "Do \u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}\u{7f}\r",
        "{json}"
    );
}

/// `align ARGS…` with stdout a pipe whose reader is already gone.
fn with_closed_stdout(repo: &TestRepo, args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut cmd = align_command(repo.path());
    cmd.args(["--as-of", crate::common::AS_OF])
        .args(args)
        .stdout(writer)
        .stderr(Stdio::piped());
    cmd.output().unwrap()
}

/// `align ARGS…` run by `sh` with `2>&-`: stderr not open at all.
fn with_stderr_shut(repo: &TestRepo, args: &[&str]) -> Output {
    let mut cmd = StdCommand::new("sh");
    cmd.arg("-c")
        .arg(r#"exec "$0" "$@" 2>&-"#)
        .arg(env!("CARGO_BIN_EXE_align"))
        .args(["--as-of", crate::common::AS_OF])
        .args(args)
        .current_dir(repo.path())
        .envs(
            crate::common::hermetic_env(repo.path())
                .into_iter()
                .filter_map(|(k, v)| v.map(|v| (k, v))),
        );
    cmd.output().unwrap()
}

/// `align ARGS…` with stderr a pipe whose reader is already gone, so
/// every write to it fails.
fn with_broken_stderr(repo: &TestRepo, args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut cmd = align_command(repo.path());
    cmd.args(["--as-of", crate::common::AS_OF])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(writer);
    cmd.output().unwrap()
}

#[test]
fn a_closed_stdout_is_a_quiet_success() {
    let repo = workspace();
    for args in [
        &["lint"][..],
        &["audit"],
        &["status"],
        &["lint", "--format", "json"],
    ] {
        let out = with_closed_stdout(&repo, args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn a_closed_stderr_changes_nothing_but_never_panics() {
    let repo = workspace();
    for args in [
        &["lint"][..],
        &["audit"],
        &["status"],
        &["lint", "--format", "dot"],
    ] {
        let normal = repo.align(args).output().unwrap();
        let expected = normal.status.code().unwrap();
        assert_ne!(expected, 101, "{args:?}");
        assert!(!normal.stderr.is_empty() || expected != 2, "{args:?}");
        for out in [
            with_stderr_shut(&repo, args),
            with_broken_stderr(&repo, args),
        ] {
            assert_eq!(out.status.code(), Some(expected), "{args:?}");
            assert_eq!(out.stdout, normal.stdout, "{args:?}");
        }
    }
}
