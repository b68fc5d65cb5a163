//! What a newcomer meets in the first hour (issue 10): examples dated in
//! the current quarter, rollups that say why, authoring that leaves no
//! findings behind, and the small wording and path fixes.

use crate::common::{TestRepo, stdout};

fn run(repo: &TestRepo, args: &[&str], code: i32) -> String {
    let out = repo.align(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "align {args:?}: {}{}",
        stdout(&out),
        String::from_utf8_lossy(&out.stderr)
    );
    stdout(&out)
}

fn stderr_of(repo: &TestRepo, args: &[&str], code: i32) -> String {
    let out = repo.align(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "align {args:?}: {}",
        stdout(&out)
    );
    String::from_utf8_lossy(&out.stderr).to_string()
}

fn json(repo: &TestRepo, args: &[&str], code: i32) -> serde_json::Value {
    serde_json::from_str(&run(repo, args, code)).unwrap()
}

/// `align --as-of AS_OF init --example NAME` in an empty folder.
fn example_on(as_of: &str, name: &str) -> TestRepo {
    let repo = TestRepo::new();
    let out = repo
        .align_at(as_of, &["init", "--example", name])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // An empty folder is where an example goes: no "nothing was read".
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    repo
}

#[test]
fn init_example_is_dated_in_the_quarter_of_as_of() {
    let repo = example_on("2027-02-11", "marketing");
    assert!(
        repo.read("okrs/objectives/O-1.md")
            .contains("period: 2027-Q1")
    );
    let v: serde_json::Value = serde_json::from_slice(
        &repo
            .align_at("2027-02-11", &["audit", "--format", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(v["window"]["label"], "2027-Q1");
    // The same story as in 2026-Q4: 15 finished tasks, 3 untraced, KR-3 off track.
    assert_eq!(v["untraced"]["finished"], 15);
    assert_eq!(v["untraced"]["untraced"], 3);
    let kr3 = v["krs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["id"] == "KR-3")
        .unwrap();
    assert_eq!(kr3["status"], "off_track");
    let status = stdout(&repo.align_at("2027-02-11", &["status"]).output().unwrap());
    assert!(
        status.contains("O-1") && status.contains("off track (KR-3)"),
        "{status}"
    );
    // Lint-clean in its new quarter.
    let lint = repo.align_at("2027-02-11", &["lint"]).output().unwrap();
    assert!(lint.status.success(), "{}", stdout(&lint));
}

#[test]
fn init_example_hints_work_as_printed() {
    let repo = TestRepo::new();
    let text = run(&repo, &["init", "--example", "product"], 0);
    // Written for 2026-11-12, which is not today: the hints carry it.
    assert!(text.contains("align --as-of 2026-11-12 status"), "{text}");
    let hint = text
        .lines()
        .find(|l| l.contains("--as-of 2026-11-12 audit"))
        .unwrap();
    let args: Vec<&str> = hint
        .split_whitespace()
        .take_while(|w| *w != "untraced")
        .skip(1)
        .collect();
    let out = repo.align_at("2026-11-12", &args[2..]).output().unwrap();
    assert!(stdout(&out).contains("Audit of 2026-Q4"), "{args:?}");
}

#[test]
fn a_second_example_into_a_workspace_with_items_is_refused() {
    let repo = example_on("2026-11-12", "marketing");
    let err = stderr_of(&repo, &["init", "--example", "product"], 2);
    assert!(err.contains("already holds items"), "{err}");
    assert!(err.contains("empty folder"), "{err}");
    // Nothing of the product example was written.
    let v = json(&repo, &["lint", "--format", "json"], 0);
    assert_eq!(v["items"], 44);
}

#[test]
fn status_shows_shared_work_once_and_krs_without_an_objective() {
    let repo = TestRepo::example("marketing");
    repo.write(
        "okrs/krs/KR-9.md",
        "---\nkind: kr\ntitle: Orphan result\nowner: dana\nobjective: O-404\nmetric: {start: 0, target: 5}\n---\n",
    );
    let text = run(&repo, &["status"], 0);
    assert_eq!(
        text.matches("I-3  Paid promotion efficiency program")
            .count(),
        2,
        "{text}"
    );
    assert!(text.contains("(also serves KR-4)"), "{text}");
    assert!(text.contains("(shown under KR-1)"), "{text}");
    // I-3's tasks are listed once, under KR-1.
    assert_eq!(text.matches("T-c6nj").count(), 1, "{text}");
    assert!(
        text.contains("KRs with no objective\nKR-9  Orphan result"),
        "{text}"
    );
    assert!(
        text.contains("off track (KR-3)") && text.contains("at risk (KR-4)"),
        "{text}"
    );
    let audit = run(&repo, &["audit"], 0);
    assert!(audit.contains("off track (KR-3)"), "{audit}");
    let v = json(&repo, &["audit", "--format", "json"], 0);
    assert_eq!(v["objectives"][0]["set_by"], "KR-3");
}

#[test]
fn next_explains_its_score_and_why_nothing_is_listed() {
    let repo = TestRepo::example("marketing");
    let text = run(&repo, &["next", "--explain", "--limit", "1"], 0);
    assert!(
        text.contains("KR-3: 100 × (gap 0.29 + 0.1 × remaining 0.83) ÷ 1 open task × (1 + 1 ÷ 7.0 weeks) = 43.22"),
        "{text}"
    );
    let v = json(&repo, &["next", "--format", "json", "--limit", "1"], 0);
    assert_eq!(v["tasks"][0]["score_parts"][0]["kr"], "KR-3");
    assert_eq!(v["tasks"][0]["score_parts"][0]["value"], 43.22);
    let none = run(&repo, &["next", "--limit", "0"], 0);
    assert_eq!(
        none,
        "Nothing shown: --limit 0 of 16 open tasks; pass a larger --limit.\n"
    );
    let nobody = run(&repo, &["next", "--owner", "nobody"], 0);
    assert!(
        nobody.starts_with("No open task is owned by `nobody` (16 open tasks in all)"),
        "{nobody}"
    );
}

#[test]
fn an_owner_written_with_at_is_that_person() {
    let repo = TestRepo::new();
    repo.write("align.yaml", "")
        .write("O-1.md", "---\nkind: objective\ntitle: Grow\nowner: a\nperiod: 2026-Q4\n---\n")
        .write("KR-1.md", "---\nkind: kr\ntitle: One\nowner: a\nobjective: O-1\nmetric: {start: 0, target: 9}\n---\n")
        .write("T-1.md", "---\nkind: task\ntitle: Agent work\nkr: KR-1\nowner: '@codex'\n---\n");
    let text = run(&repo, &["next"], 0);
    assert!(text.contains(" @codex") && !text.contains("@@"), "{text}");
    for owner in ["codex", "@codex"] {
        let v = json(&repo, &["next", "--owner", owner, "--format", "json"], 0);
        assert_eq!(v["tasks"].as_array().unwrap().len(), 1, "--owner {owner}");
    }
}

/// Lint findings on the item at `rel` (after an authoring command).
fn findings_on(repo: &TestRepo, rel: &str) -> Vec<String> {
    let v = json_any(repo, &["lint", "--format", "json"]);
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["path"] == rel)
        .map(|f| format!("{} {}", f["code"], f["message"]))
        .collect()
}

fn json_any(repo: &TestRepo, args: &[&str]) -> serde_json::Value {
    serde_json::from_slice(&repo.align(args).output().unwrap().stdout).unwrap()
}

#[test]
fn every_new_set_and_done_leaves_a_lint_clean_item_or_refuses() {
    let repo = TestRepo::new();
    run(&repo, &["init"], 0);
    // Refusals, each saying what is missing; nothing is written.
    let refused: &[(&[&str], &str)] = &[
        (&["new", "objective", "Grow"], "needs an owner"),
        (
            &["new", "kr", "Leads", "--objective", "O-1"],
            "needs an owner",
        ),
        (
            &[
                "new",
                "kr",
                "Leads",
                "--objective",
                "O-1",
                "--owner",
                "dana",
            ],
            "needs a metric",
        ),
        (
            &[
                "new",
                "kr",
                "Leads",
                "--objective",
                "O-1",
                "--owner",
                "dana",
                "--start",
                "3",
            ],
            "needs a metric",
        ),
        (
            &[
                "new",
                "kr",
                "Leads",
                "--objective",
                "O-1",
                "--owner",
                "dana",
                "--start",
                "3",
                "--target",
                "3",
            ],
            "the same",
        ),
        (&["new", "task", "Orphan"], "KR"),
        (
            &[
                "new", "task", "Sized", "--kr", "KR-1", "--start", "1", "--target", "2",
            ],
            "only a KR has a metric",
        ),
    ];
    let mut created = Vec::new();
    let mut step = |args: &[&str]| {
        let path = run(&repo, args, 0).trim().to_string();
        assert_eq!(
            findings_on(&repo, &path),
            Vec::<String>::new(),
            "after {args:?}"
        );
        created.push(path);
    };
    step(&["new", "objective", "Grow", "--owner", "dana"]);
    for (args, why) in refused {
        let err = stderr_of(&repo, args, 2);
        assert!(err.contains(why), "{args:?}: {err}");
    }
    step(&[
        "new",
        "kr",
        "Leads",
        "--objective",
        "O-1",
        "--owner",
        "dana",
        "--start",
        "180",
        "--target",
        "140",
        "--unit",
        "USD",
    ]);
    step(&[
        "new",
        "kr",
        "Demos",
        "--objective",
        "O-1",
        "--owner",
        "dana",
        "--start",
        "0",
        "--target",
        "9",
    ]);
    step(&[
        "new",
        "initiative",
        "Campaign",
        "--kr",
        "KR-1",
        "--owner",
        "sam",
    ]);
    step(&["new", "task", "Draft", "--kr", "KR-1", "--id", "T-1"]);
    step(&[
        "new",
        "task",
        "Fire",
        "--unplanned",
        "--reason",
        "outage",
        "--id",
        "T-2",
    ]);
    assert!(
        repo.read("okrs/krs/KR-1.md")
            .contains("metric: {start: 180, target: 140, unit: USD}")
    );
    let task = "work/tasks/T-1.md";
    let edits: &[(&[&str], &str)] = &[
        (&["set", "T-1", "kr=[KR-1, KR-2]"], "set `kr`"),
        (
            &["set", "T-1", "status=doing", "owner=lee"],
            "set `status`, `owner`",
        ),
        (
            &["set", "T-1", "due="],
            "nothing to remove: `due` is not set",
        ),
        (&["set", "T-1", "status=done"], "set `status`, `done`"),
        (&["set", "T-1", "status=todo"], "set `status`"),
        (&["done", "T-1"], "set `status`, `done`"),
        (&["done", "KR-2"], "set `status`"),
        (&["set", "KR-1", "metric.target=150"], "set `metric.target`"),
        (&["checkin", "KR-1", "170"], "added a check-in"),
    ];
    for (args, said) in edits {
        let text = run(&repo, args, 0);
        assert!(text.contains(said), "{args:?}: {text}");
        for rel in created.iter().chain([&task.to_string()]) {
            assert_eq!(
                findings_on(&repo, rel),
                Vec::<String>::new(),
                "{rel} after {args:?}"
            );
        }
    }
    assert!(repo.read(task).contains("kr: [KR-1, KR-2]"));
    assert!(repo.read(task).contains("done: 2026-11-12"));
    // Refused edits leave the file as it was.
    let before = repo.read(task);
    stderr_of(&repo, &["set", "T-1", "kr=[KR-1, KR-404]"], 2);
    stderr_of(&repo, &["set", "T-1", "title="], 2);
    assert_eq!(repo.read(task), before);
}

#[test]
fn a_task_driven_kr_is_allowed_when_al007_is_off() {
    let repo = TestRepo::new();
    repo.write("align.yaml", "rules: {kr-no-metric: off}\n");
    run(&repo, &["new", "objective", "Grow", "--owner", "dana"], 0);
    let path = run(
        &repo,
        &[
            "new",
            "kr",
            "Tasks done",
            "--objective",
            "O-1",
            "--owner",
            "dana",
        ],
        0,
    );
    assert_eq!(findings_on(&repo, path.trim()), Vec::<String>::new());
}

#[test]
fn lint_paths_are_relative_to_the_current_folder() {
    let repo = TestRepo::new();
    repo.write("align.yaml", "")
        .write("work/tasks/T-1.md", "---\nkind: task\ntitle: Loose\n---\n")
        .write("work/tasks/.gitkeep", "")
        .write("okrs/T-1.md", "---\nkind: task\ntitle: Twin\n---\n");
    let sub = |args: &[&str]| {
        let out = repo
            .align(args)
            .current_dir(repo.path().join("work/tasks"))
            .output()
            .unwrap();
        stdout(&out)
    };
    let short = sub(&["lint", "--format", "short"]);
    assert!(
        short.contains("\nT-1.md:") || short.starts_with("T-1.md:"),
        "{short}"
    );
    assert!(short.contains("../../okrs/T-1.md:"), "{short}");
    assert!(sub(&["lint", "--format", "github"]).contains("file=T-1.md,"));
    let v: serde_json::Value = serde_json::from_str(&sub(&["lint", "--format", "json"])).unwrap();
    let paths: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(paths.contains(&"work/tasks/T-1.md"), "{paths:?}");
    // AL004 names both files, in JSON too.
    let dup = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "AL004")
        .unwrap();
    assert!(
        dup["message"]
            .as_str()
            .unwrap()
            .contains("`okrs/T-1.md` (line 2)"),
        "{dup}"
    );
    // The .gitkeep is not "skipped".
    let human = run(&repo, &["lint"], 1);
    assert!(
        human.contains("2 files read, 2 items, 0 skipped"),
        "{human}"
    );
}

#[test]
fn small_things() {
    let repo = TestRepo::example("marketing");
    // `align man --out` writes one page per subcommand.
    let dir = repo.path().join("man");
    let text = run(&repo, &["man", "--out", dir.to_str().unwrap()], 0);
    assert!(
        text.contains("align-lint.1") && dir.join("align-hook-install.1").is_file(),
        "{text}"
    );
    // `explain unlinked` suggests the rule.
    let err = stderr_of(&repo, &["explain", "unlinked"], 2);
    assert!(err.contains("did you mean `unlinked-task`?"), "{err}");
    // Wording: no "1 open tasks", no "0.0% of 0", and no "every gate passes" without gates.
    let empty = TestRepo::new();
    empty
        .write("align.yaml", "")
        .write("O-1.md", "---\nkind: objective\ntitle: Grow\nowner: a\nperiod: 2026-Q4\n---\n")
        .write("KR-9.md", "---\nkind: kr\ntitle: One\nowner: a\nobjective: O-1\nmetric: {start: 0, target: 9}\n---\n")
        .write("T-1.md", "---\nkind: task\ntitle: Open\nkr: KR-9\n---\n");
    let audit = run(&empty, &["audit"], 0);
    assert!(
        audit.contains("no task finished in the window yet"),
        "{audit}"
    );
    assert!(audit.contains("of 1 open task ("), "{audit}");
    assert!(
        audit.contains("Gates           none set") && audit.contains("no gate to pass"),
        "{audit}"
    );
    assert!(!audit.contains("every gate passes"), "{audit}");
    let v = json(&empty, &["audit", "--format", "json"], 0);
    let coverage = v["signals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["message"].as_str().unwrap())
        .collect::<Vec<_>>();
    assert!(
        coverage.iter().all(|m| !m.contains("KR KR-")),
        "{coverage:?}"
    );
}
