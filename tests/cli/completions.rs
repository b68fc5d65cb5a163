//! `align completions` and `align man`. The committed scripts under
//! `completions/` must match what the binary prints; when the CLI changes,
//! `UPDATE_COMPLETIONS=1 cargo test completions` rewrites them.

use crate::common::{TestRepo, crate_root, stdout};

const SCRIPTS: &[(&str, &str)] = &[
    ("bash", "align.bash"),
    ("zsh", "_align"),
    ("fish", "align.fish"),
    ("powershell", "_align.ps1"),
    ("elvish", "align.elv"),
];

#[test]
fn completions_are_current() {
    let repo = TestRepo::new();
    let update = std::env::var_os("UPDATE_COMPLETIONS").is_some();
    let mut stale = Vec::new();
    for (shell, file) in SCRIPTS {
        let out = repo.align(&["completions", shell]).output().unwrap();
        assert!(out.status.success(), "align completions {shell} failed");
        let script = stdout(&out);
        assert!(
            script.contains("checkin"),
            "the {shell} script knows the subcommands"
        );
        let path = crate_root().join("completions").join(file);
        if update {
            std::fs::write(&path, &script).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(script.as_str()) {
            stale.push(format!("completions/{file}"));
        }
    }
    assert!(
        stale.is_empty(),
        "{} out of date with the CLI; run `UPDATE_COMPLETIONS=1 cargo test completions` and commit the result",
        stale.join(", ")
    );
}

#[test]
fn man_page_is_roff() {
    let out = TestRepo::new().align(&["man"]).output().unwrap();
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.starts_with(".ie") || text.contains(".TH align"),
        "{}",
        &text[..200.min(text.len())]
    );
    assert!(text.contains("checkin"));
}

#[test]
fn unknown_shell_is_a_usage_error() {
    TestRepo::new()
        .align(&["completions", "tcsh"])
        .assert()
        .code(2);
}
