//! `--help` of `align` and of every subcommand, snapshotted (STYLE habit 7):
//! the help is what users read first, and a change to it should be seen in
//! review. `COLUMNS` is fixed so the wrapping is the same everywhere.

use crate::common::TestRepo;

/// Every subcommand of SPEC §4, plus `config`, `completions` and `man`.
const COMMANDS: &[&str] = &[
    "init",
    "new",
    "lint",
    "audit",
    "status",
    "next",
    "checkin",
    "set",
    "done",
    "show",
    "graph",
    "report",
    "trend",
    "capacity",
    "site",
    "hook",
    "explain",
    "config",
    "completions",
    "man",
];

fn help(args: &[&str]) -> String {
    let repo = TestRepo::new();
    let out = repo.align(args).env("COLUMNS", "100").output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn align_help() {
    let text = help(&["--help"]);
    for command in COMMANDS {
        assert!(
            text.contains(&format!("\n  {command} ")),
            "`{command}` is listed: {text}"
        );
    }
    insta::assert_snapshot!(text);
}

#[test]
fn every_subcommand_help() {
    for command in COMMANDS {
        let text = help(&[command, "--help"]);
        assert!(text.contains(&format!("Usage: align {command}")), "{text}");
        insta::assert_snapshot!(format!("help_{command}"), text);
    }
}

#[test]
fn help_subcommand_matches_dash_dash_help() {
    assert_eq!(help(&["help", "lint"]), help(&["lint", "--help"]));
}

#[test]
fn version() {
    let text = help(&["--version"]);
    assert_eq!(text, format!("align {}\n", env!("CARGO_PKG_VERSION")));
}
