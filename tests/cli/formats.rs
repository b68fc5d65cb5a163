//! Every `align lint` output format, snapshotted on one workspace with
//! findings of several rules across several files (STYLE habit 7: snapshot
//! what users read). The fixture is `tests/fixtures/formats/`.

use crate::common::{TestRepo, redact, stdout};

/// Runs `align lint --format FORMAT` on the formats fixture; returns stdout
/// (with the temp folder redacted) after checking the exit status: the
/// fixture has error findings, so every format exits 1.
fn lint(format: &str) -> String {
    let repo = TestRepo::fixture("formats");
    let out = repo.align(&["lint", "--format", format]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The fixture holds an unreadable file: the human view ends with the
    // warning naming it (SPEC §8), on stderr; the machine formats list it
    // as an AL014 finding and print nothing else.
    let stderr = String::from_utf8_lossy(&out.stderr);
    if format == "human" {
        assert!(
            stderr.starts_with("warning: 1 file could not be read"),
            "{format}: {stderr}"
        );
    } else {
        assert!(stderr.is_empty(), "{format}: nothing on stderr: {stderr}");
    }
    redact(&repo, &stdout(&out))
}

#[test]
fn human() {
    let text = lint("human");
    // The snippet shows the offending key with its label, and the summary
    // line ends the report (SPEC §5).
    assert!(text.contains("stauts: doing"), "{text}");
    assert!(text.contains("unknown field"), "{text}");
    assert!(
        text.trim_end()
            .ends_with("8 files read, 6 items, 1 skipped (not items): 5 errors, 2 warnings"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn human_is_the_default() {
    let repo = TestRepo::fixture("formats");
    let default = stdout(&repo.align(&["lint"]).output().unwrap());
    assert_eq!(redact(&repo, &default), lint("human"));
}

#[test]
fn short() {
    let text = lint("short");
    for line in text.lines() {
        // path:line:col: CODE message
        let mut parts = line.splitn(4, ':');
        let (path, l, c, rest) = (parts.next(), parts.next(), parts.next(), parts.next());
        assert!(path.is_some_and(|p| p.ends_with(".md")), "{line}");
        assert!(
            l.unwrap().parse::<u32>().is_ok() && c.unwrap().parse::<u32>().is_ok(),
            "{line}"
        );
        assert!(rest.unwrap().starts_with(" AL0"), "{line}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn json() {
    let text = lint("json");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    // The shape of SPEC §5, plus `skipped` (files read that hold no item),
    // so a script can tell that nothing was skipped silently.
    let mut keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["files", "findings", "input", "items", "skipped"]);
    assert_eq!(
        (
            json["files"].as_u64(),
            json["items"].as_u64(),
            json["skipped"].as_u64()
        ),
        (Some(8), Some(6), Some(1))
    );
    for f in json["findings"].as_array().unwrap() {
        let mut keys: Vec<&String> = f.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "code", "column", "help", "line", "message", "name", "path", "severity"
            ]
        );
    }
    insta::assert_snapshot!(text);
}

#[test]
fn github() {
    let text = lint("github");
    for line in text.lines() {
        assert!(
            line.starts_with("::error file=") || line.starts_with("::warning file="),
            "{line}"
        );
    }
    insta::assert_snapshot!(text);
}

#[test]
fn sarif() {
    let text = lint("sarif");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["version"], "2.1.0");
    let run = &json["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "align");
    assert_eq!(run["results"].as_array().unwrap().len(), 7);
    insta::assert_snapshot!(text);
}

#[test]
fn quiet_human_prints_nothing_but_keeps_the_status() {
    let repo = TestRepo::fixture("formats");
    let out = repo.align(&["lint", "-q"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
}

/// `-q` prints nothing but errors, in every command (SPEC §4).
#[test]
fn quiet_silences_every_command() {
    let repo = TestRepo::example("marketing");
    let commands: &[&[&str]] = &[
        &["lint"],
        &["audit"],
        &["status"],
        &["next"],
        &["show", "KR-3"],
        &["graph"],
        &["graph", "--format", "json"],
        &["report", "weekly"],
        &["config"],
        &["explain"],
        &["explain", "AL001"],
        &["audit", "--format", "json"],
    ];
    for args in commands {
        let mut all = vec!["-q"];
        all.extend_from_slice(args);
        let out = repo.align(&all).output().unwrap();
        assert!(
            out.stdout.is_empty(),
            "align -q {args:?} printed: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}
