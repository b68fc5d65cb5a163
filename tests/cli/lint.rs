//! `align lint` end to end.

use crate::common::TestRepo;

#[test]
fn examples_lint_clean() {
    for name in ["marketing", "product"] {
        let repo = TestRepo::example(name);
        repo.align(&["lint"]).assert().success();
    }
}

/// `align lint --format short` in `dir` (relative to the repo), with the
/// exit status.
fn short_in(repo: &TestRepo, dir: &str) -> (i32, String) {
    let out = repo
        .align(&["-C", dir, "lint", "--format", "short"])
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

const UNLINKED: &str = "---\nkind: task\ntitle: Unlinked\n---\n";

#[test]
fn root_is_the_nearest_align_yaml_above() {
    let repo = TestRepo::fixture("rules/AL001/fail");
    std::fs::create_dir_all(repo.path().join("okrs/deeper")).unwrap();
    // From a subfolder: the whole workspace, paths relative to where the
    // user stands (as ripgrep prints them).
    let (code, text) = short_in(&repo, "okrs/deeper");
    assert_eq!(code, 1);
    assert_eq!(
        text,
        "../../tasks/T-1.md:2:1: AL001 task `T-1` links to no KR and no initiative\n"
    );
}

#[test]
fn a_message_names_the_other_file_as_the_path_is_printed() {
    let repo = TestRepo::new();
    repo.write("align.yaml", "")
        .write(
            "okrs/a/T-1.md",
            "---\nkind: task\ntitle: One\nunplanned: true\nreason: r\n---\n",
        )
        .write(
            "okrs/b/T-1.md",
            "---\nkind: task\ntitle: Two\nunplanned: true\nreason: r\n---\n",
        );
    let (code, text) = short_in(&repo, "okrs/b");
    assert_eq!(code, 1);
    assert_eq!(
        text,
        "T-1.md:2:1: AL004 the id `T-1` is already used by the item in `../a/T-1.md` (line 2)\n"
    );
    // JSON keeps root-relative paths, in the message too.
    let out = repo.align(&["--format", "json", "lint"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("`okrs/a/T-1.md`"));
}

#[test]
fn root_is_the_git_top_level_without_align_yaml() {
    let repo = TestRepo::git();
    repo.write("tasks/T-1.md", UNLINKED);
    repo.write("docs/README.md", "# Docs\n");
    let (code, text) = short_in(&repo, "docs");
    assert_eq!(code, 1);
    assert!(text.starts_with("../tasks/T-1.md:2:1: AL001"), "{text}");
}

#[test]
fn root_is_the_current_folder_otherwise() {
    let repo = TestRepo::new();
    repo.write("team/tasks/T-1.md", UNLINKED);
    let (_, text) = short_in(&repo, "team");
    assert!(text.starts_with("tasks/T-1.md:"), "{text}");
}

#[test]
fn always_skipped_folders_and_exclude_globs() {
    let repo = TestRepo::fixture("rules/AL002/pass");
    for dir in [".git", "target", "node_modules", "work/node_modules"] {
        repo.write(&format!("{dir}/T-9.md"), UNLINKED);
    }
    repo.write("archive/T-8.md", UNLINKED);
    repo.write("notes/T-7.txt", UNLINKED);
    let (code, text) = short_in(&repo, ".");
    assert_eq!(code, 1);
    assert_eq!(
        text,
        "archive/T-8.md:2:1: AL001 task `T-8` links to no KR and no initiative\n"
    );
    repo.write("align.yaml", "exclude: [\"archive/**\"]\n");
    assert_eq!(short_in(&repo, "."), (0, String::new()));
}

#[test]
fn include_globs_narrow_what_is_read() {
    let repo = TestRepo::fixture("rules/AL002/pass");
    repo.write("docs/T-9.md", UNLINKED);
    repo.write("align.yaml", "include: [\"okrs/**\", \"tasks/**\"]\n");
    assert_eq!(short_in(&repo, "."), (0, String::new()));
}

#[test]
fn kind_by_path_gives_a_kind_to_files_that_state_none() {
    let repo = TestRepo::fixture("rules/AL002/pass");
    repo.write("align.yaml", "kind_by_path: { \"work/tasks/**\": task }\n");
    repo.write("work/tasks/T-5.md", "---\ntitle: No kind written\n---\n");
    repo.write("work/tasks/T-6.md", "---\ntitle: Linked\nkr: KR-1\n---\n");
    let (code, text) = short_in(&repo, ".");
    assert_eq!(code, 1);
    assert_eq!(
        text,
        "work/tasks/T-5.md:2:1: AL001 task `T-5` links to no KR and no initiative\n"
    );
}

#[test]
fn rules_and_path_overrides_set_severity() {
    let repo = TestRepo::fixture("rules/AL002/pass");
    repo.write("archive/T-8.md", UNLINKED);
    repo.write("tasks/T-9.md", UNLINKED);
    repo.write(
        "align.yaml",
        "overrides:\n  - paths: [\"archive/**\"]\n    rules: { unlinked-task: off }\n",
    );
    let (code, text) = short_in(&repo, ".");
    assert_eq!(code, 1);
    assert!(
        text.starts_with("tasks/T-9.md:") && text.lines().count() == 1,
        "{text}"
    );
    repo.write("align.yaml", "rules: { AL001: warning }\n");
    let (code, text) = short_in(&repo, ".");
    assert_eq!((code, text.lines().count()), (0, 2), "{text}");
}

#[test]
fn multi_item_yaml_files_and_items_lists() {
    let repo = TestRepo::fixture("rules/AL002/pass");
    repo.write(
        "work/q4.yaml",
        "- id: T-10\n  kind: task\n  title: Linked\n  kr: KR-1\n- id: T-11\n  kind: task\n  title: Unlinked\n",
    );
    repo.write(
        "work/more.yaml",
        "items:\n  - {id: T-12, kind: task, title: Linked, kr: KR-1}\n  - {id: T-13, kind: task, title: Unlinked}\n",
    );
    let out = repo.align(&["lint", "--format", "json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["items"], 7);
    let at: Vec<(String, u64)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        at,
        [
            ("work/more.yaml".to_string(), 3),
            ("work/q4.yaml".to_string(), 5)
        ]
    );
}
