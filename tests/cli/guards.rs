//! Guards on the test suite itself (STYLE habit 8): a test file that no
//! `mod` line names never runs, a snapshot whose test was renamed or
//! removed rots unseen, and a rule added without fixtures is untested.
//! Each of these fails here instead.

use std::collections::BTreeSet;

use crate::common::{TestRepo, crate_root, stdout};

/// The modules `tests/cli/main.rs` declares.
fn declared_modules() -> BTreeSet<String> {
    let main = std::fs::read_to_string(crate_root().join("tests/cli/main.rs")).unwrap();
    main.lines()
        .filter_map(|l| l.trim().strip_prefix("mod ")?.strip_suffix(';'))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_test_file_is_a_module_of_the_suite() {
    let declared = declared_modules();
    let mut forgotten = Vec::new();
    for entry in std::fs::read_dir(crate_root().join("tests/cli")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if let Some(module) = name.strip_suffix(".rs")
            && module != "main"
            && !declared.contains(module)
        {
            forgotten.push(name);
        }
    }
    assert!(
        forgotten.is_empty(),
        "tests/cli/{} never run: add `mod …;` to tests/cli/main.rs",
        forgotten.join(", tests/cli/")
    );
}

/// Whether `source` names snapshot `name`: as a string literal, as the
/// test function insta names it after, or as the literal prefix of a
/// `format!("prefix_{…}")` name.
fn names_snapshot(source: &str, name: &str) -> bool {
    source.contains(&format!("\"{name}\""))
        || source.contains(&format!("fn {name}("))
        || name
            .match_indices('_')
            .any(|(i, _)| source.contains(&format!("\"{}{{", &name[..=i])))
}

#[test]
fn no_snapshot_is_orphaned() {
    let dir = crate_root().join("tests/cli/snapshots");
    let mut orphans = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let file = entry.unwrap().file_name().to_string_lossy().into_owned();
        let Some(stem) = file.strip_suffix(".snap") else {
            // `.snap.new` files are pending reviews: never committed.
            orphans.push(file);
            continue;
        };
        let mut parts = stem.splitn(3, "__");
        let (Some("cli"), Some(module), Some(name)) = (parts.next(), parts.next(), parts.next())
        else {
            orphans.push(file);
            continue;
        };
        let source = std::fs::read_to_string(crate_root().join(format!("tests/cli/{module}.rs")))
            .unwrap_or_default();
        if !names_snapshot(&source, name) {
            orphans.push(file);
        }
    }
    assert!(
        orphans.is_empty(),
        "snapshots no test writes (delete them, or restore their test): {}",
        orphans.join(", ")
    );
}

#[test]
fn every_registered_rule_has_fixtures() {
    let out = TestRepo::new()
        .align(&["explain", "--format", "json"])
        .output()
        .unwrap();
    let rules: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let codes: BTreeSet<String> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap().to_string())
        .collect();
    let dir = crate_root().join("tests/fixtures/rules");
    let folders: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(folders, codes, "one fixture folder per registered rule");
    for code in &codes {
        for side in ["pass", "fail"] {
            assert!(
                dir.join(code).join(side).is_dir(),
                "{code}/{side} is missing"
            );
        }
    }
    // `rules::every_rule_has_pass_and_fail_fixtures` checks the folders
    // against the expected findings listed there.
}
