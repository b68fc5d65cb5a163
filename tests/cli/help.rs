//! `--help` of `align` and of every subcommand, snapshotted (STYLE habit 7):
//! the help is what users read first, and a change to it should be seen in
//! review. `COLUMNS` is fixed so the wrapping is the same everywhere.

use crate::common::TestRepo;

/// Every subcommand path (`["hook", "install"]`), walked from clap's
/// command tree so a new command cannot be missed.
fn command_paths() -> Vec<Vec<String>> {
    use clap::CommandFactory;
    fn walk(cmd: &clap::Command, prefix: &[String], out: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let mut path = prefix.to_vec();
            path.push(sub.get_name().to_string());
            out.push(path.clone());
            walk(sub, &path, out);
        }
    }
    let mut out = Vec::new();
    walk(&align::cli::Cli::command(), &[], &mut out);
    out
}

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
    let top: Vec<String> = command_paths()
        .into_iter()
        .filter(|p| p.len() == 1)
        .map(|p| p[0].clone())
        .collect();
    for command in &top {
        assert!(
            text.contains(&format!("\n  {command} ")),
            "`{command}` is listed: {text}"
        );
    }
    insta::assert_snapshot!(text);
}

#[test]
fn every_subcommand_help() {
    for path in command_paths() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let text = help(&args);
        let command = path.join(" ");
        assert!(text.contains(&format!("Usage: align {command}")), "{text}");
        insta::assert_snapshot!(format!("help_{}", path.join("_")), text);
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
