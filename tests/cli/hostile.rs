//! Hostile and broken input (SPEC §6): each ends in a finding (AL014, or
//! AL008 for ids) or a clear error naming the file, in bounded time, never
//! in a panic; and one bad file never stops the others from being checked.

use std::time::Duration;

use serde_json::Value;

use crate::common::{TestRepo, copy_dir, crate_root};

/// Generous for a debug build on a busy machine; a hang or an alias bomb
/// expanding takes far longer.
const LIMIT: Duration = Duration::from_secs(30);

/// A valid objective and KR, so any other file can link to `KR-1`.
fn workspace() -> TestRepo {
    let repo = TestRepo::new();
    copy_dir(
        &crate_root().join("tests/fixtures/rules/AL002/pass/okrs"),
        &repo.path().join("okrs"),
    );
    repo.write("align.yaml", "");
    repo
}

/// `align lint --format json` under the time limit; returns the findings
/// and the exit status, after checking that nothing panicked.
fn lint(repo: &TestRepo) -> (Vec<Value>, i32) {
    let out = repo
        .align(&["lint", "--format", "json"])
        .timeout(LIMIT)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let code = out
        .status
        .code()
        .unwrap_or_else(|| panic!("killed (timeout?): {err}"));
    assert!(!err.contains("panicked"), "panic: {err}");
    assert!(code == 0 || code == 1, "exit {code}: {err}");
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    (json["findings"].as_array().unwrap().clone(), code)
}

/// The one finding of `code` on `path`; fails with every finding otherwise.
fn finding<'a>(findings: &'a [Value], code: &str, path: &str) -> &'a Value {
    let hits: Vec<&Value> = findings
        .iter()
        .filter(|f| f["code"] == code && f["path"] == path)
        .collect();
    assert_eq!(hits.len(), 1, "one {code} on {path} in {findings:#?}");
    hits[0]
}

fn message(f: &Value) -> &str {
    f["message"].as_str().unwrap()
}

/// The YAML of a "billion laughs" alias bomb: nine levels of nine aliases
/// each, 9^9 strings if expanded.
fn alias_bomb(indent: &str) -> String {
    let mut s = format!(
        "{indent}a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for w in names.windows(2) {
        let (prev, next) = (w[0], w[1]);
        let refs = vec![format!("*{prev}"); 9].join(",");
        s.push_str(&format!("{indent}{next}: &{next} [{refs}]\n"));
    }
    s
}

#[test]
fn binary_file_with_nul_bytes() {
    let repo = workspace();
    let mut bytes = b"---\nkind: task\ntitle: x\n---\n".to_vec();
    bytes.extend_from_slice(&[0, 159, 146, 150, 0, 0, 1, 2, 3]);
    repo.write_bytes("tasks/logo.md", &bytes);
    let (findings, code) = lint(&repo);
    assert_eq!(code, 1);
    let f = finding(&findings, "AL014", "tasks/logo.md");
    assert!(message(f).contains("binary"), "{f}");
    assert_eq!(findings.len(), 1, "{findings:#?}");
}

#[test]
fn invalid_utf8() {
    let repo = workspace();
    repo.write_bytes(
        "tasks/T-1.md",
        b"---\nkind: task\ntitle: Caf\xe9 launch\nkr: KR-1\n---\n",
    );
    let (findings, code) = lint(&repo);
    assert_eq!(code, 1);
    let f = finding(&findings, "AL014", "tasks/T-1.md");
    assert!(message(f).contains("not valid UTF-8"), "{f}");
}

#[test]
fn unclosed_front_matter() {
    let repo = workspace();
    repo.write(
        "tasks/T-1.md",
        "---\nkind: task\ntitle: Never closed\nkr: KR-1\n\nThe body starts here.\n",
    );
    let (findings, code) = lint(&repo);
    assert_eq!(code, 1);
    let f = finding(&findings, "AL014", "tasks/T-1.md");
    assert!(message(f).contains("never closed"), "{f}");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(1), Some(1)),
        "points at the opening `---`"
    );
}

#[test]
fn a_50_mb_file_is_refused_unread() {
    let repo = workspace();
    let path = repo.path().join("tasks/huge.md");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    {
        use std::io::Write;
        let mut file = std::fs::File::create(&path).unwrap();
        file.write_all(b"---\nkind: task\ntitle: Huge\nkr: KR-1\n---\n")
            .unwrap();
        // Sparse: the rest reads as NUL bytes, costs no disk.
        file.set_len(50 * 1024 * 1024).unwrap();
    }
    let (findings, code) = lint(&repo);
    assert_eq!(code, 1);
    let f = finding(&findings, "AL014", "tasks/huge.md");
    assert!(message(f).contains("larger than"), "{f}");
}

// Alias bombs (SPEC §6): a document whose aliases would expand it past
// 16× its size is AL014 "alias bomb" on the alias that crosses the limit,
// measured without expanding anything, wherever the alias stands (a
// field align reads, one it skips, a list of items, front-matter).

/// The one AL014 "alias bomb" on `path`, at `line`, and nothing else.
fn bomb_finding(repo: &TestRepo, path: &str, line: u64) {
    let (findings, code) = lint(repo);
    assert_eq!(code, 1);
    let f = finding(&findings, "AL014", path);
    assert!(message(f).starts_with("alias bomb"), "{f}");
    assert!(f["help"].as_str().unwrap().contains("alias bomb"), "{f}");
    assert_eq!(f["line"].as_u64(), Some(line), "{f}");
    assert_eq!(findings.len(), 1, "{findings:#?}");
}

#[test]
fn alias_bomb_in_a_yaml_item_file() {
    let repo = workspace();
    let text = format!(
        "kind: task\ntitle: Laughs\nkr: KR-1\n{}labels: *i\n",
        alias_bomb("")
    );
    repo.write("tasks/T-1.yaml", &text);
    // The limit is crossed inside the anchors already (`e:`), long
    // before the alias that would expand all of it.
    bomb_finding(&repo, "tasks/T-1.yaml", 7);
}

#[test]
fn alias_bomb_in_a_list_of_items() {
    let repo = workspace();
    let text = format!(
        "- kind: task\n  id: T-1\n  title: Laughs\n  kr: KR-1\n{}  owner: *i\n- {{id: T-2, kind: task, title: After, kr: KR-1, owner: *i}}\n",
        alias_bomb("  ")
    );
    repo.write("tasks/q4.yaml", &text);
    bomb_finding(&repo, "tasks/q4.yaml", 8);
}

#[test]
fn alias_bomb_in_front_matter() {
    let repo = workspace();
    let text = format!(
        "---\nkind: task\ntitle: Laughs\nkr: KR-1\n{}raci: {{responsible: *i, accountable: *i}}\n---\nBody.\n",
        alias_bomb("")
    );
    repo.write("tasks/T-1.md", &text);
    bomb_finding(&repo, "tasks/T-1.md", 8);
}

#[test]
fn alias_bomb_under_unknown_keys_only() {
    let repo = workspace();
    repo.write(
        "tasks/T-1.md",
        &format!(
            "---\nkind: task\ntitle: Laughs\nkr: KR-1\n{}---\n",
            alias_bomb("")
        ),
    );
    bomb_finding(&repo, "tasks/T-1.md", 8);
}

#[test]
fn deeply_nested_flow_sequences() {
    let repo = workspace();
    let deep = format!("{}{}", "[".repeat(20_000), "]".repeat(20_000));
    repo.write(
        "tasks/T-1.md",
        &format!("---\nkind: task\ntitle: Deep\nkr: KR-1\nlabels: {deep}\n---\n"),
    );
    repo.write(
        "tasks/T-2.yaml",
        &format!("kind: task\ntitle: Deep\nkr: KR-1\nlabels: {deep}\n"),
    );
    let (findings, code) = lint(&repo);
    assert_eq!(code, 1);
    for path in ["tasks/T-1.md", "tasks/T-2.yaml"] {
        let f = finding(&findings, "AL014", path);
        assert!(
            f["help"].as_str().unwrap().contains("nested too deeply"),
            "{f}"
        );
    }
}

#[test]
fn deeply_nested_flow_mappings() {
    let repo = workspace();
    let deep = format!("{}1{}", "{a: ".repeat(20_000), "}".repeat(20_000));
    repo.write(
        "tasks/T-1.md",
        &format!("---\nkind: task\ntitle: Deep\nkr: KR-1\nraci: {deep}\n---\n"),
    );
    let (findings, code) = lint(&repo);
    assert_eq!(code, 1);
    let f = finding(&findings, "AL014", "tasks/T-1.md");
    assert!(
        f["help"].as_str().unwrap().contains("nested too deeply"),
        "{f}"
    );
}

#[test]
fn deeply_nested_block_mappings() {
    // Block style, 600 levels (≈180 KB, under the 1 MiB cap): libyaml takes
    // it in linear time, and the skipped value is never descended into. The
    // item is read, so its `raci` without `accountable` is found.
    let repo = workspace();
    let mut text = String::from("---\nkind: task\ntitle: Deep\nkr: KR-1\nraci:\n");
    for level in 1..=600 {
        text.push_str(&" ".repeat(level));
        text.push_str("a:\n");
    }
    text.push_str("---\n");
    repo.write("tasks/T-1.md", &text);
    let (findings, code) = lint(&repo);
    assert_eq!(code, 1);
    finding(&findings, "AL013", "tasks/T-1.md");
}

#[test]
fn deeply_nested_align_yaml_is_a_config_error() {
    let repo = workspace();
    repo.write(
        "align.yaml",
        &format!("people: {}{}\n", "[".repeat(20_000), "]".repeat(20_000)),
    );
    let out = repo.align(&["lint"]).timeout(LIMIT).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("align.yaml:1:"), "{err}");
}

#[test]
fn duplicate_keys() {
    let repo = workspace();
    repo.write(
        "tasks/T-1.md",
        "---\nkind: task\ntitle: First\nkr: KR-1\ntitle: Second\n---\n",
    );
    let (findings, code) = lint(&repo);
    assert_eq!(code, 1);
    let f = finding(&findings, "AL014", "tasks/T-1.md");
    assert!(message(f).contains("duplicate"), "{f}");
    assert!(
        f["help"]
            .as_str()
            .unwrap()
            .contains("each key may appear once"),
        "{f}"
    );
}

#[test]
fn symlink_loop_and_dangling_symlink_are_not_followed() {
    let repo = workspace();
    repo.write("tasks/T-1.md", "---\nkind: task\ntitle: Unlinked\n---\n");
    std::os::unix::fs::symlink(".", repo.path().join("loop")).unwrap();
    std::os::unix::fs::symlink("tasks", repo.path().join("tasks/again")).unwrap();
    std::os::unix::fs::symlink("missing.md", repo.path().join("tasks/dangling.md")).unwrap();
    std::os::unix::fs::symlink("T-1.md", repo.path().join("tasks/T-1-link.md")).unwrap();
    let (findings, code) = lint(&repo);
    assert_eq!(code, 1);
    // Reported once: the file through the loop or the link is not read again.
    assert_eq!(findings.len(), 1, "{findings:#?}");
    finding(&findings, "AL001", "tasks/T-1.md");
}

#[test]
fn hostile_ids_are_invalid_values() {
    let repo = workspace();
    let long = format!("T-{}", "9".repeat(10_000));
    repo.write(
        "tasks/a.md",
        "---\nid: ../../etc/passwd\nkind: task\ntitle: Escape\nkr: KR-1\n---\n",
    );
    repo.write(
        "tasks/b.md",
        &format!("---\nid: {long}\nkind: task\ntitle: Long\nkr: KR-1\n---\n"),
    );
    repo.write(
        "tasks/c.md",
        "---\nid: \"T-1\\nrm -rf /\"\nkind: task\ntitle: Newline\nkr: KR-1\n---\n",
    );
    repo.write(
        "tasks/d.yaml",
        "- id: \"T-2\\u0000\"\n  kind: task\n  title: NUL escape\n  kr: KR-1\n",
    );
    let (findings, code) = lint(&repo);
    assert_eq!(code, 1);
    for path in ["tasks/a.md", "tasks/b.md", "tasks/c.md", "tasks/d.yaml"] {
        let f = finding(&findings, "AL008", path);
        assert!(message(f).contains("is not a valid id"), "{f}");
        assert!(
            message(f).len() < 200,
            "the message quotes a bounded part of the id: {}",
            message(f)
        );
        let line = if path.ends_with(".yaml") { 1 } else { 2 };
        assert_eq!(f["line"].as_u64(), Some(line), "{f}");
    }
    // The short format stays one finding a line, whatever the id holds.
    let out = repo.align(&["lint", "--format", "short"]).output().unwrap();
    let short = String::from_utf8(out.stdout).unwrap();
    assert_eq!(short.lines().count(), findings.len(), "{short}");
    assert!(short.lines().all(|l| l.starts_with("tasks/")), "{short}");
}

#[test]
fn a_link_to_a_hostile_id_is_invalid_not_dangling() {
    let repo = workspace();
    repo.write(
        "tasks/T-1.md",
        "---\nkind: task\ntitle: Escape\nkr: ../KR-1\n---\n",
    );
    let (findings, _) = lint(&repo);
    finding(&findings, "AL008", "tasks/T-1.md");
}

#[test]
fn one_bad_file_never_stops_the_others() {
    let repo = workspace();
    repo.write_bytes("tasks/a-binary.md", b"\0\0\0");
    repo.write(
        "tasks/b-broken.md",
        "---\nkind: task\ntitle: Launch: phase 2\n---\n",
    );
    repo.write(
        "tasks/c-unlinked.md",
        "---\nkind: task\ntitle: Unlinked\n---\n",
    );
    repo.write_bytes(
        "tasks/d-latin1.md",
        b"---\nkind: task\ntitle: Caf\xe9\n---\n",
    );
    repo.write("tasks/e-unlinked.yaml", "kind: task\ntitle: Unlinked too\n");
    let (findings, code) = lint(&repo);
    assert_eq!(code, 1);
    finding(&findings, "AL014", "tasks/a-binary.md");
    finding(&findings, "AL014", "tasks/b-broken.md");
    finding(&findings, "AL001", "tasks/c-unlinked.md");
    finding(&findings, "AL014", "tasks/d-latin1.md");
    finding(&findings, "AL001", "tasks/e-unlinked.yaml");
    assert_eq!(findings.len(), 5, "{findings:#?}");
}

#[test]
fn non_items_are_skipped_silently_and_counted() {
    let repo = workspace();
    repo.write("README.md", "# Team\n\nNo front-matter.\n");
    repo.write("docs/notes.md", "---\ntitle: A doc page, no kind\n---\n");
    repo.write("data/list.yaml", "- 1\n- 2\n");
    repo.write("data/scalar.yml", "just a string\n");
    repo.write("data/broken.yaml", "a: [unclosed\n");
    repo.write("empty.md", "");
    let out = repo.align(&["lint"]).timeout(LIMIT).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("8 files read, 2 items, 6 skipped (not items): 0 errors, 0 warnings"),
        "{text}"
    );
}

#[test]
fn bom_and_crlf_front_matter_point_at_the_right_place() {
    let repo = workspace();
    repo.write(
        "tasks/T-1.md",
        "\u{feff}---\r\nkind: task\r\ntitle: Windows\r\nkr: KR-13\r\n---\r\nBody.\r\n",
    );
    let (findings, _) = lint(&repo);
    let f = finding(&findings, "AL002", "tasks/T-1.md");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(4), Some(5)),
        "{f}"
    );
}

#[test]
fn hostile_file_names() {
    use std::os::unix::ffi::OsStrExt;
    let repo = workspace();
    let task = "---\nkind: task\ntitle: Unlinked\n---\n";
    // Not UTF-8, and a line break: reported (lossily) without a panic, and
    // the short format keeps one finding a line.
    let latin1 = std::ffi::OsStr::from_bytes(b"tasks/caf\xe9.md");
    std::fs::create_dir_all(repo.path().join("tasks")).unwrap();
    std::fs::write(repo.path().join(latin1), task).unwrap();
    repo.write("tasks/two\nlines.md", task);
    let (findings, code) = lint(&repo);
    assert_eq!(code, 1);
    assert_eq!(findings.len(), 4, "{findings:#?}");
    for path in ["tasks/caf\u{fffd}.md", "tasks/two\nlines.md"] {
        finding(&findings, "AL001", path);
        // The id defaults to the file stem, which is not a valid id.
        finding(&findings, "AL008", path);
    }
    let out = repo.align(&["lint", "--format", "short"]).output().unwrap();
    let short = String::from_utf8(out.stdout).unwrap();
    assert_eq!(short.lines().count(), 4, "{short}");
}
