//! `align new`, `checkin`, `set`, `done` and `init` end to end: what they
//! write, byte for byte, and every refusal (exit 2, nothing written).

use crate::common::{TestRepo, stdout};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs align and expects exit 2; returns stderr.
fn refused(repo: &TestRepo, args: &[&str]) -> String {
    let out = repo.align(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{args:?} should be refused; stdout: {}",
        stdout(&out)
    );
    stderr(&out)
}

/// Every file under the repo with its bytes, to prove nothing changed.
fn snapshot(repo: &TestRepo) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(repo.path())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().display().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

// ---- align new ----

#[test]
fn new_task_prints_its_path_and_writes_the_fields_in_order() {
    let repo = TestRepo::fixture("worked-example");
    let out = repo
        .align(&[
            "new",
            "task",
            "Tighten the pricing-page copy",
            "--kr",
            "KR-3",
            "--owner",
            "casey",
            "--due",
            "2026-11-30",
            "--label",
            "copy",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let path = stdout(&out).trim().to_string();
    let id = path
        .strip_prefix("tasks/")
        .and_then(|p| p.strip_suffix(".md"))
        .expect("a new file in tasks/");
    assert!(id.starts_with("T-") && id.len() == 6, "{id}");
    assert!(
        id[2..]
            .chars()
            .all(|c| "23456789abcdefghjkmnpqrstuvwxyz".contains(c)),
        "{id}"
    );
    assert_eq!(
        repo.read(&path),
        format!(
            "---\nid: {id}\nkind: task\ntitle: Tighten the pricing-page copy\nkr: KR-3\nowner: casey\nstatus: todo\ndue: 2026-11-30\nlabels: [copy]\ncreated: 2026-11-12\n---\n"
        )
    );
    repo.align(&["lint"]).assert().success();
}

#[test]
fn new_goals_take_the_next_number() {
    let repo = TestRepo::fixture("worked-example");
    let out = repo
        .align(&[
            "new",
            "kr",
            "Trials started per week from 40 to 60",
            "--objective",
            "O-1",
            "--owner",
            "alex",
            "--start",
            "40",
            "--target",
            "60",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "okrs/KR-10.md\n");
    assert!(repo.read("okrs/KR-10.md").starts_with("---\nid: KR-10\nkind: kr\ntitle: Trials started per week from 40 to 60\nobjective: O-1\nowner: alex\nstatus: active\nmetric: {start: 40, target: 60}\ncreated: 2026-11-12\n---\n"));
    let out = repo
        .align(&[
            "new",
            "objective",
            "Grow self-serve revenue",
            "--owner",
            "alex",
        ])
        .output()
        .unwrap();
    assert_eq!(stdout(&out), "okrs/O-10.md\n");
    assert!(repo.read("okrs/O-10.md").contains("\nperiod: 2026-Q4\n"));
    let out = repo
        .align(&[
            "--format",
            "json",
            "new",
            "initiative",
            "Pricing page rework",
            "--kr",
            "KR-3",
            "--kr",
            "KR-1",
        ])
        .output()
        .unwrap();
    assert_eq!(
        stdout(&out),
        "{\"id\":\"I-4\",\"kind\":\"initiative\",\"path\":\"initiatives/I-4.md\"}\n"
    );
    assert!(
        repo.read("initiatives/I-4.md")
            .contains("\nkr: [KR-3, KR-1]\n")
    );
}

#[test]
fn sequential_task_ids_when_configured() {
    let repo = TestRepo::example("marketing");
    let config = repo.read("align.yaml") + "ids: sequential\n";
    repo.write("align.yaml", &config);
    let out = repo
        .align(&[
            "new",
            "task",
            "Book the December webinar speaker",
            "--initiative",
            "I-1",
        ])
        .output()
        .unwrap();
    assert_eq!(stdout(&out), "work/tasks/T-0024.md\n", "{}", stderr(&out));
}

#[test]
fn unlinked_task_is_refused_with_the_closest_krs() {
    let repo = TestRepo::example("marketing");
    let before = snapshot(&repo);
    let err = refused(
        &repo,
        &["new", "task", "Follow up with webinar registrants"],
    );
    assert!(
        err.contains("a task must link to a KR or an initiative"),
        "{err}"
    );
    assert_eq!(err.matches("--kr KR-").count(), 3, "{err}");
    assert!(err.contains("--unplanned --reason"), "{err}");
    assert_eq!(snapshot(&repo), before);
}

#[test]
fn links_must_exist_and_be_of_the_right_kind() {
    let repo = TestRepo::fixture("worked-example");
    let before = snapshot(&repo);
    let err = refused(&repo, &["new", "task", "x", "--kr", "O-1"]);
    assert!(
        err.contains("`O-1` is an objective, but `kr` must name a KR"),
        "{err}"
    );
    let err = refused(&repo, &["new", "task", "x", "--kr", "KR-33"]);
    assert!(
        err.contains("`KR-33`") && err.contains("did you mean `KR-3`?"),
        "{err}"
    );
    let err = refused(&repo, &["new", "kr", "x"]);
    assert!(err.contains("a KR needs its objective"), "{err}");
    let err = refused(
        &repo,
        &["new", "kr", "x", "--objective", "O-1", "--kr", "KR-1"],
    );
    assert!(err.contains("`--kr` does not apply to a new KR"), "{err}");
    let err = refused(
        &repo,
        &["new", "task", "x", "--kr", "KR-1", "--owner", "zed"],
    );
    assert!(err.contains("`zed` is not in `people`"), "{err}");
    let err = refused(
        &repo,
        &["new", "task", "x", "--kr", "KR-1", "--due", "2026-11-31"],
    );
    assert!(err.contains("not a date that exists"), "{err}");
    assert_eq!(snapshot(&repo), before);
}

#[test]
fn never_writes_outside_the_root_or_over_a_file() {
    let repo = TestRepo::fixture("worked-example");
    let before = snapshot(&repo);
    for id in ["../../x", "../x", "/tmp/x", "a/b", ".hidden", ""] {
        let err = refused(&repo, &["new", "task", "x", "--kr", "KR-1", "--id", id]);
        assert!(err.contains("is not a valid id"), "{id}: {err}");
    }
    let err = refused(
        &repo,
        &["new", "task", "x", "--kr", "KR-1", "--id", "T-0001"],
    );
    assert!(err.contains("the id `T-0001` is taken"), "{err}");
    assert_eq!(snapshot(&repo), before);
    // A title is only ever front-matter text, never part of a path.
    let out = repo
        .align(&[
            "new",
            "task",
            "../../etc/passwd",
            "--kr",
            "KR-1",
            "--id",
            "T-9999",
        ])
        .output()
        .unwrap();
    assert_eq!(stdout(&out), "tasks/T-9999.md\n");
    assert!(
        repo.read("tasks/T-9999.md")
            .contains("title: ../../etc/passwd\n")
    );
    // A file that is not an item still blocks the name.
    repo.write("tasks/T-abcd.md", "notes, not an item\n");
    let before = snapshot(&repo);
    let err = refused(
        &repo,
        &["new", "task", "x", "--kr", "KR-1", "--id", "T-abcd"],
    );
    assert!(
        err.contains("already exists; align never overwrites"),
        "{err}"
    );
    assert_eq!(snapshot(&repo), before);
}

#[cfg(unix)]
#[test]
fn a_folder_linking_outside_the_root_is_refused() {
    let outside = TestRepo::new();
    let repo = TestRepo::new();
    repo.write(
        "okrs/KR-1.md",
        "---\nid: KR-1\nkind: kr\ntitle: x\nobjective: O-1\n---\n",
    );
    std::fs::create_dir_all(repo.path().join("work")).unwrap();
    std::os::unix::fs::symlink(outside.path(), repo.path().join("work/tasks")).unwrap();
    let err = refused(&repo, &["new", "task", "x", "--kr", "KR-1"]);
    assert!(err.contains("leads outside the workspace root"), "{err}");
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
}

#[test]
fn unplanned_work_when_the_workspace_allows_it() {
    let repo = TestRepo::fixture("worked-example");
    let out = repo
        .align(&[
            "new",
            "task",
            "Fix the signup outage",
            "--unplanned",
            "--reason",
            "prod incident: signups down",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = repo.read(stdout(&out).trim());
    assert!(
        text.contains("\nunplanned: true\nreason: \"prod incident: signups down\"\n"),
        "{text}"
    );
    repo.align(&["lint"]).assert().success();

    let product = TestRepo::example("product");
    let err = refused(
        &product,
        &[
            "new",
            "task",
            "Fix the outage",
            "--unplanned",
            "--reason",
            "incident",
        ],
    );
    assert!(err.contains("`unplanned: deny`"), "{err}");
    let err = refused(&product, &["new", "task", "x", "--unplanned"]);
    assert!(err.contains("--reason"), "{err}");
}

#[test]
fn workspace_templates_keep_their_order_and_comments() {
    let repo = TestRepo::fixture("worked-example");
    repo.write(".align/templates/task.md", "---\n# intake template\ntitle: TODO\nkind: task\nestimate: 1   # points\nstatus: todo\n---\n## {{title}}\n\nOpened {{date}} as {{id}}.\n");
    let out = repo
        .align(&[
            "new",
            "task",
            "Write the launch post",
            "--kr",
            "KR-1",
            "--id",
            "T-0100",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        repo.read("tasks/T-0100.md"),
        "---\n# intake template\ntitle: Write the launch post\nkind: task\nestimate: 1   # points\nstatus: todo\nid: T-0100\nkr: KR-1\ncreated: 2026-11-12\n---\n## Write the launch post\n\nOpened 2026-11-12 as T-0100.\n"
    );
    // The template itself is not an item: `.align/` is never read.
    repo.align(&["lint"]).assert().success();
}

#[cfg(unix)]
#[test]
fn edit_opens_the_editor_on_the_new_file() {
    let repo = TestRepo::fixture("worked-example");
    let out = repo
        .align(&[
            "new",
            "task",
            "Draft the brief",
            "--kr",
            "KR-1",
            "--id",
            "T-0200",
            "--edit",
        ])
        .env("EDITOR", "sh -c 'echo edited >> \"$0\"'")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "tasks/T-0200.md\n");
    assert!(repo.read("tasks/T-0200.md").ends_with("---\nedited\n"));
}

// ---- align checkin ----

#[test]
fn checkin_appends_one_line_in_the_files_style() {
    let repo = TestRepo::example("marketing");
    let before = repo.read("okrs/krs/KR-3.md");
    let out = repo
        .align(&[
            "checkin",
            "KR-3",
            "4.7",
            "--confidence",
            "0.4",
            "--note",
            "SDR: back on follow-up",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "KR-3: added a check-in in okrs/krs/KR-3.md\n");
    let anchor = "nobody owns follow-up\"}\n";
    let expected = before.replace(anchor, &format!("{anchor}  - {{date: 2026-11-12, value: 4.7, confidence: 0.4, note: \"SDR: back on follow-up\"}}\n"));
    assert_eq!(repo.read("okrs/krs/KR-3.md"), expected);
}

#[test]
fn checkin_edits_only_its_item_in_a_many_item_file() {
    let repo = TestRepo::example("product");
    let before = repo.read("okrs/2026-Q4.yaml");
    repo.align(&["checkin", "KR-2", "45", "--date", "2026-11-11"])
        .assert()
        .success();
    let after = repo.read("okrs/2026-Q4.yaml");
    let anchor = "the blank dashboard still loses people\"}\n";
    assert_eq!(
        after,
        before.replace(
            anchor,
            &format!("{anchor}    - {{date: 2026-11-11, value: 45}}\n")
        )
    );
    repo.align(&["lint"]).assert().success();
}

#[test]
fn checkin_refuses_bad_values_and_leaves_the_file() {
    let repo = TestRepo::example("marketing");
    let before = snapshot(&repo);
    assert!(
        refused(&repo, &["checkin", "KR-3", "about five"]).contains("`value` must be a number")
    );
    assert!(
        refused(&repo, &["checkin", "KR-3", "5", "--date", "2026-02-30"])
            .contains("not a date that exists")
    );
    assert!(
        refused(&repo, &["checkin", "KR-3", "5", "--confidence", "70"]).contains("outside 0 to 1")
    );
    assert!(refused(&repo, &["checkin", "T-7kq3", "5"]).contains("only KRs take check-ins"));
    assert!(refused(&repo, &["checkin", "KR-33", "5"]).contains("no item has the id `KR-33`"));
    assert_eq!(snapshot(&repo), before);
}

// ---- align set / done ----

#[test]
fn set_changes_only_the_named_fields() {
    let repo = TestRepo::example("marketing");
    let before = repo.read("work/tasks/T-0001.md");
    let out = repo
        .align(&["set", "T-0001", "status=shipped", "owner=lee", "estimate=3"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "T-0001: set `status`, `owner`, `estimate` in work/tasks/T-0001.md\n"
    );
    let expected = before.replace(
        "owner: sam\nstatus: done\nestimate: 2\n",
        "owner: lee\nstatus: shipped\nestimate: 3\n",
    );
    assert_eq!(repo.read("work/tasks/T-0001.md"), expected);

    let kr = repo.read("okrs/krs/KR-3.md");
    repo.align(&["set", "KR-3", "metric.target=7.5", "metric.current=4.6"])
        .assert()
        .success();
    assert_eq!(
        repo.read("okrs/krs/KR-3.md"),
        kr.replace(
            "  target: 7.0\n  unit: \"%\"\n",
            "  target: 7.5\n  unit: \"%\"\n  current: 4.6\n"
        )
    );
    repo.align(&["set", "KR-3", "metric.current="])
        .assert()
        .success();
    assert_eq!(
        repo.read("okrs/krs/KR-3.md"),
        kr.replace("  target: 7.0\n", "  target: 7.5\n")
    );
}

#[test]
fn set_refuses_bad_values_naming_the_fix() {
    let repo = TestRepo::example("marketing");
    let before = snapshot(&repo);
    let err = refused(&repo, &["set", "T-0001", "status=finished"]);
    assert!(
        err.contains("`finished` is not a status of a task") && err.contains("shipped"),
        "{err}"
    );
    let err = refused(&repo, &["set", "T-0001", "titel=x"]);
    assert!(err.contains("did you mean `title`?"), "{err}");
    assert!(
        refused(&repo, &["set", "T-0001", "due=2026-13-01"]).contains("not a date that exists")
    );
    assert!(refused(&repo, &["set", "T-0001", "estimate=lots"]).contains("must be a number"));
    assert!(refused(&repo, &["set", "T-0001", "kr=I-1"]).contains("must name a KR"));
    assert!(refused(&repo, &["set", "T-0001", "checkins=1"]).contains("align checkin"));
    assert!(refused(&repo, &["set", "T-0001", "status"]).contains("FIELD=VALUE"));
    // One bad assignment stops the good ones too.
    refused(&repo, &["set", "T-0001", "owner=lee", "status=finished"]);
    assert_eq!(snapshot(&repo), before);
}

#[test]
fn done_sets_status_and_the_as_of_date() {
    let repo = TestRepo::example("marketing");
    let path = "work/tasks/T-0021.md";
    let before = repo.read(path);
    assert!(!before.contains("\ndone:"), "fixture task is open");
    repo.align(&["done", "T-0021"]).assert().success();
    let after = repo.read(path);
    let status_line = before.lines().find(|l| l.starts_with("status:")).unwrap();
    let mut expected = before.replacen(status_line, "status: done", 1);
    let fm_end = expected[4..].find("---\n").unwrap() + 4;
    expected.insert_str(fm_end, "done: 2026-11-12\n");
    assert_eq!(after, expected);
    let out = repo.align(&["done", "T-0021"]).output().unwrap();
    assert_eq!(stdout(&out), "T-0021 is already done; nothing changed\n");
    assert_eq!(repo.read(path), after);
}

#[test]
fn edits_keep_crlf_comments_and_the_body_byte_for_byte() {
    let repo = TestRepo::new();
    repo.write(
        "okrs/KR-1.md",
        "---\nid: KR-1\nkind: kr\ntitle: x\nobjective: O-1\n---\n",
    );
    let task = "\u{feff}---\r\n# Owned by the web team\r\nid: T-1\r\nkind: task\r\ntitle: 'Ship the form'   # short\r\nkr: KR-1\r\nstatus: todo # set at planning\r\n\r\nestimate: 2\r\n---\r\nBody line one\r\nstatus: not front-matter\r\n";
    repo.write("tasks/T-1.md", task);
    repo.align(&["set", "T-1", "status=doing", "title=Ship the form: v2"])
        .assert()
        .success();
    repo.align(&["done", "T-1"]).assert().success();
    assert_eq!(
        std::fs::read(repo.path().join("tasks/T-1.md")).unwrap(),
        "\u{feff}---\r\n# Owned by the web team\r\nid: T-1\r\nkind: task\r\ntitle: 'Ship the form: v2'   # short\r\nkr: KR-1\r\nstatus: done # set at planning\r\n\r\nestimate: 2\r\ndone: 2026-11-12\r\n---\r\nBody line one\r\nstatus: not front-matter\r\n".as_bytes()
    );
}

#[test]
fn a_file_changed_between_read_and_write_is_not_replaced() {
    let repo = TestRepo::example("marketing");
    let path = repo.path().join("work/tasks/T-0021.md");
    let mut doc = align::edit::Document::open(&path, align::edit::Target::Whole).unwrap();
    doc.set("status", align::edit::Value::plain("done"))
        .unwrap();
    // Someone else saves the file in between.
    let theirs = doc
        .original()
        .replace("title:", "title: (edited elsewhere)");
    std::fs::write(&path, &theirs).unwrap();
    let err = doc.commit().unwrap_err();
    assert!(
        matches!(err, align::edit::EditError::Changed { .. }),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    let fatal: align::Fatal = err.into();
    assert!(
        fatal.to_string().contains("run the command again"),
        "{fatal}"
    );
}

// ---- align init ----

#[test]
fn init_writes_config_and_skeleton_and_never_overwrites() {
    let repo = TestRepo::new();
    let out = repo.align(&["init"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("align.yaml") && text.contains("Next:") && text.contains("align new"),
        "{text}"
    );
    for dir in [
        "okrs/objectives",
        "okrs/krs",
        "work/initiatives",
        "work/tasks",
    ] {
        assert!(repo.path().join(dir).is_dir(), "{dir}");
    }
    repo.align(&["config"]).assert().success();
    repo.align(&["lint"]).assert().success();
    repo.write("align.yaml", "# mine\nperiod: half\n");
    let out = repo.align(&["init"]).output().unwrap();
    assert!(
        stdout(&out).contains("Nothing to write"),
        "{}",
        stdout(&out)
    );
    assert!(
        stdout(&out).contains("Kept 5 existing files"),
        "{}",
        stdout(&out)
    );
    assert_eq!(repo.read("align.yaml"), "# mine\nperiod: half\n");
    // The new workspace takes new items where `init` made room for them.
    repo.align(&["new", "objective", "Grow", "--owner", "dana"])
        .assert()
        .success()
        .stdout("okrs/objectives/O-1.md\n");
}

#[test]
fn init_example_writes_a_workspace_that_lints_clean() {
    for name in ["marketing", "product"] {
        let repo = TestRepo::new();
        repo.align(&["init", "--example", name]).assert().success();
        assert!(repo.path().join("README.md").is_file());
        repo.align(&["lint"]).assert().success();
    }
}

#[test]
fn init_inside_a_workspace_is_refused() {
    let repo = TestRepo::example("marketing");
    std::fs::create_dir_all(repo.path().join("work/sub")).unwrap();
    let before = snapshot(&repo);
    let err = refused(&repo, &["-C", "work/sub", "init"]);
    assert!(err.contains("already makes"), "{err}");
    assert_eq!(snapshot(&repo), before);
}

// ---- help ----

/// Every authoring command's help carries a runnable example (the text
/// itself is snapshotted in `help.rs`).
#[test]
fn help_of_authoring_commands() {
    let repo = TestRepo::new();
    for cmd in [
        "init",
        "new",
        "checkin",
        "set",
        "done",
        "completions",
        "man",
    ] {
        let out = repo.align(&[cmd, "--help"]).output().unwrap();
        let text = stdout(&out);
        assert!(
            text.contains("Examples:\n  align "),
            "`align {cmd} --help` has no example"
        );
    }
}
