//! History facts from real repositories (SPEC §7 "History costs what the
//! question needs", §8 "Explicit dates beat inference" and "History is
//! judged with the config of its time"): done dates from the commit that
//! made a task done (not a rename), blocked-since from the start of the
//! blocked run, `--no-history`, the cache under the git dir (cold and warm
//! agree through renames, merges, a force-push, corruption and a config
//! change), and which commands read no history at all.

use std::path::PathBuf;

use serde_json::Value;

use crate::common::{TestRepo, stdout};

const O1: &str = "---\nkind: objective\ntitle: Grow\nowner: dana\nperiod: 2026-Q4\n---\n";
const KR1: &str =
    "---\nkind: kr\ntitle: More leads\nowner: dana\nobjective: O-1\nupdated: 2026-10-01\n---\n";

fn task(id: &str, status: &str, extra: &str) -> String {
    format!("---\nid: {id}\nkind: task\ntitle: Task {id}\nkr: KR-1\nstatus: {status}\n{extra}---\n")
}

/// `align --as-of AS_OF ARGS… --format json`, parsed.
fn json(repo: &TestRepo, as_of: &str, args: &[&str]) -> Value {
    let out = repo
        .align_at(as_of, args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| {
        panic!(
            "{args:?}: {e}\n{}{}",
            stdout(&out),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// The history caches under the repository's git dir.
fn caches(repo: &TestRepo) -> Vec<PathBuf> {
    let dir = repo.path().join(".git/align");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("history-"))
        })
        .collect();
    out.sort();
    out
}

fn clear_caches(repo: &TestRepo) {
    for p in caches(repo) {
        std::fs::remove_file(p).unwrap();
    }
}

/// Done days of the tasks finished in the week ending on `as_of`.
fn finished_in_week(repo: &TestRepo, as_of: &str) -> Vec<(String, String)> {
    let w = json(repo, as_of, &["report", "weekly"]);
    w["finished"]["tasks"]
        .as_array()
        .unwrap_or_else(|| panic!("{w}"))
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap().to_string(),
                t["done"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Tasks blocked past the SLA as of `as_of`, with their blocked-since day.
fn blocked_since(repo: &TestRepo, as_of: &str) -> Vec<(String, String)> {
    let w = json(repo, as_of, &["report", "weekly"]);
    w["blocked_past_sla"]
        .as_array()
        .unwrap_or_else(|| panic!("{w}"))
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap().to_string(),
                t["since"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The Backlog.md case of issue 9: tasks finished in October, then every
/// file renamed (and reformatted) in one November commit. The done dates
/// stay in October; they are not the rename's day.
#[test]
fn a_done_date_is_the_commit_that_made_the_task_done_not_a_later_rename() {
    let repo = TestRepo::git();
    repo.write("O-1.md", O1).write("KR-1.md", KR1);
    repo.write("tasks/task-1.md", &task("T-1", "todo", ""));
    repo.write("tasks/task-2.md", &task("T-2", "todo", ""));
    repo.commit_all("plan", "2026-10-01");
    repo.write("tasks/task-1.md", &task("T-1", "done", ""));
    repo.commit_all("T-1 done", "2026-10-10");
    repo.write("tasks/task-2.md", &task("T-2", "done", ""));
    repo.commit_all("T-2 done", "2026-10-20");
    // Unrelated churn, then the rename with a reformat in one commit.
    repo.write("notes/readme.txt", "notes\n");
    repo.commit_all("notes", "2026-10-25");
    repo.git_ok(&["mv", "tasks/task-1.md", "tasks/back-1.md"]);
    repo.git_ok(&["mv", "tasks/task-2.md", "tasks/back-2.md"]);
    repo.write("tasks/back-1.md", &task("T-1", "done", "labels: [moved]\n"));
    repo.commit_all("rename task-N to back-N", "2026-11-09");

    for pass in ["cold", "warm"] {
        assert_eq!(finished_in_week(&repo, "2026-11-12"), [], "{pass}");
        assert_eq!(
            finished_in_week(&repo, "2026-10-12"),
            [("T-1".to_string(), "2026-10-10".to_string())],
            "{pass}"
        );
        assert_eq!(
            finished_in_week(&repo, "2026-10-24"),
            [("T-2".to_string(), "2026-10-20".to_string())],
            "{pass}"
        );
    }
    let audit = json(&repo, "2026-11-12", &["audit"]);
    assert_eq!(
        audit["history"]["inferred_done"],
        serde_json::json!(["T-1", "T-2"])
    );
}

/// SPEC §8: `blocked_since` if written; else the first commit of the
/// latest unbroken blocked run (the file's `updated` when that run starts
/// at the file's first commit and `updated` is earlier); else `updated`.
#[test]
fn blocked_since_is_the_field_then_the_start_of_the_blocked_run_then_updated() {
    let repo = TestRepo::git();
    repo.write("O-1.md", O1).write("KR-1.md", KR1);
    repo.write(
        "T-1.md",
        &task(
            "T-1",
            "blocked",
            "blocked_since: 2026-09-15\nupdated: 2026-10-30\n",
        ),
    );
    repo.write("T-2.md", &task("T-2", "todo", ""));
    repo.write("T-3.md", &task("T-3", "blocked", "updated: 2026-09-20\n"));
    repo.write("T-4.md", &task("T-4", "blocked", ""));
    repo.commit_all("plan", "2026-10-01");
    repo.write("T-2.md", &task("T-2", "blocked", ""));
    repo.write("T-4.md", &task("T-4", "doing", ""));
    repo.commit_all("T-2 blocked, T-4 moving", "2026-10-05");
    repo.write("T-4.md", &task("T-4", "blocked", ""));
    repo.commit_all("T-4 blocked again", "2026-10-12");
    // Edits while blocked do not restart the run.
    repo.write("T-2.md", &task("T-2", "blocked", "labels: [waiting]\n"));
    repo.write("T-4.md", &task("T-4", "blocked", "labels: [waiting]\n"));
    repo.commit_all("notes on the blocked ones", "2026-10-28");

    let want = [
        ("T-1", "2026-09-15"),
        ("T-2", "2026-10-05"),
        ("T-3", "2026-09-20"),
        ("T-4", "2026-10-12"),
    ]
    .map(|(a, b)| (a.to_string(), b.to_string()));
    for pass in ["cold", "warm"] {
        assert_eq!(blocked_since(&repo, "2026-11-12"), want, "{pass}");
    }
    clear_caches(&repo);
    assert_eq!(blocked_since(&repo, "2026-11-12"), want, "after clearing");
}

/// `--no-history` judges by the files' own dates: a task whose file
/// changed yesterday but says `updated` long ago is stale without history.
#[test]
fn no_history_judges_by_the_files_own_dates_and_reads_no_git() {
    let repo = TestRepo::git();
    repo.write("O-1.md", O1).write("KR-1.md", KR1);
    repo.write("T-1.md", &task("T-1", "doing", "updated: 2026-10-01\n"));
    repo.commit_all("plan", "2026-11-11");
    let with = json(&repo, "2026-11-12", &["audit"]);
    assert_eq!(with["krs"][0]["stalled"], false, "{with}");
    assert_eq!(with["history"]["git"], true);
    clear_caches(&repo);
    let without = json(&repo, "2026-11-12", &["audit", "--no-history"]);
    assert_eq!(without["krs"][0]["stalled"], true, "{without}");
    assert_eq!(without["history"]["git"], false);
    assert_eq!(caches(&repo), Vec::<PathBuf>::new());
}

/// `lint`, `graph` and `show` of a task show no history fact, so they read
/// none (no cache appears); `status` does.
#[test]
fn commands_that_show_no_history_fact_read_none() {
    let repo = TestRepo::git();
    repo.write("O-1.md", O1).write("KR-1.md", KR1);
    repo.write("T-1.md", &task("T-1", "doing", ""));
    repo.commit_all("plan", "2026-11-01");
    repo.align(&["lint"]).assert().success();
    repo.align(&["graph"]).assert().success();
    repo.align(&["show", "T-1"]).assert().success();
    assert_eq!(caches(&repo), Vec::<PathBuf>::new());
    repo.align(&["status"]).assert().success();
    assert_eq!(caches(&repo).len(), 1);
}

/// Every answer that depends on history, as one value to compare.
fn answers(repo: &TestRepo) -> Value {
    serde_json::json!({
        "audit": json(repo, "2026-11-12", &["audit"]),
        "weekly": json(repo, "2026-11-12", &["report", "weekly"]),
        "weekly_oct": json(repo, "2026-10-20", &["report", "weekly"]),
        "trend": json(repo, "2026-11-12", &["trend", "--since", "2026-10-01"]),
    })
}

/// The same answers from a warm cache, a cold one, and no cache at all
/// after each step of a history with renames, a merge, a force-push, a
/// corrupt cache and a config change.
#[test]
fn cold_and_warm_caches_give_identical_answers_through_a_changing_history() {
    let repo = TestRepo::git();
    let check = |step: &str| {
        let warm = answers(&repo);
        clear_caches(&repo);
        let cold = answers(&repo);
        assert_eq!(
            warm, cold,
            "after {step}: the warm cache differs from a cold walk"
        );
        // And warm again, from the cache the cold run wrote.
        assert_eq!(answers(&repo), cold, "after {step}: second warm run");
        cold
    };
    repo.write("O-1.md", O1).write("KR-1.md", KR1);
    repo.write("work/a.md", &task("T-1", "todo", ""));
    repo.write("work/b.md", &task("T-2", "todo", ""));
    repo.write("docs/guide.txt", "guide\n");
    repo.commit_all("plan", "2026-10-01");
    check("the first commit");
    repo.write("work/a.md", &task("T-1", "done", ""));
    repo.commit_all("T-1 done", "2026-10-06");
    repo.write("work/b.md", &task("T-2", "blocked", ""));
    repo.commit_all("T-2 blocked", "2026-10-08");
    let before_rename = check("done and blocked");
    assert_eq!(
        before_rename["audit"]["history"]["inferred_done"],
        serde_json::json!(["T-1"])
    );

    // A rename with an edit, on a branch merged without fast-forward.
    repo.git_ok(&["checkout", "-q", "-b", "move"]);
    std::fs::create_dir_all(repo.path().join("work/done")).unwrap();
    repo.git_ok(&["mv", "work/a.md", "work/done/a.md"]);
    repo.commit_all("move a", "2026-10-15");
    repo.write("work/b.md", &task("T-2", "blocked", "labels: [x]\n"));
    repo.commit_all("touch b", "2026-10-16");
    repo.git_ok(&["checkout", "-q", "main"]);
    repo.write("docs/guide.txt", "guide 2\n");
    repo.commit_all("docs", "2026-10-17");
    repo.git_at(
        &["merge", "-q", "--no-ff", "-m", "merge move", "move"],
        "2026-10-20T12:00:00Z",
    );
    let merged = check("a rename merged");
    assert_eq!(
        merged["audit"]["history"]["inferred_done"],
        serde_json::json!(["T-1"])
    );
    // The weekly report of the week of T-1's done day still finds it.
    let w = &merged["weekly_oct"];
    assert_eq!(w["finished"]["count"], 0, "{w}");

    // New commits on top cost their own diff and agree.
    repo.write("work/c.md", &task("T-3", "done", ""));
    repo.commit_all("T-3 done at once", "2026-11-02");
    check("a new commit");

    // A force-push: rewrite the last two commits.
    repo.git_ok(&["reset", "-q", "--hard", "HEAD~1"]);
    repo.write("work/c.md", &task("T-3", "doing", ""));
    repo.commit_all("T-3 started instead", "2026-11-03");
    let rewritten = check("a rewritten history");
    assert_eq!(
        rewritten["audit"]["history"]["inferred_done"],
        serde_json::json!(["T-1"])
    );

    // A corrupt cache is not trusted.
    answers(&repo);
    for p in caches(&repo) {
        let text = std::fs::read_to_string(&p).unwrap();
        std::fs::write(&p, text.replace("2026-10-06", "2026-11-11")).unwrap();
    }
    assert_eq!(
        answers(&repo),
        rewritten,
        "a corrupt cache changed the answers"
    );
    for p in caches(&repo) {
        std::fs::write(&p, "garbage").unwrap();
    }
    assert_eq!(
        answers(&repo),
        rewritten,
        "a garbage cache changed the answers"
    );

    // A config change (another status spelling) is not judged by a cache
    // written under the old one.
    answers(&repo);
    repo.write("align.yaml", "statuses:\n  done: [finished]\n");
    repo.write("work/c.md", &task("T-3", "finished", ""));
    repo.commit_all("config and T-3 finished", "2026-11-05");
    let configured = check("a config change");
    assert_eq!(
        configured["audit"]["history"]["inferred_done"],
        serde_json::json!(["T-3", "T-1"])
    );
}

/// SPEC §8: each trend point is judged with the `align.yaml` of its
/// commit. Until 2026-10-10 the config read only `okrs/`, so the task
/// under `work/` (done on 2026-10-02) was not an item at the first two
/// points.
#[test]
fn each_trend_point_uses_the_config_of_its_commit() {
    let repo = TestRepo::git();
    repo.write("align.yaml", "include: [\"okrs/**/*.md\"]\n");
    repo.write("okrs/O-1.md", O1).write("okrs/KR-1.md", KR1);
    repo.write("work/T-1.md", &task("T-1", "done", "done: 2026-10-02\n"));
    repo.commit_all("okrs only", "2026-10-01");
    repo.write(
        "align.yaml",
        "include: [\"okrs/**/*.md\", \"work/**/*.md\"]\n",
    );
    repo.commit_all("read work too", "2026-10-10");
    let t = json(
        &repo,
        "2026-10-15",
        &["trend", "--since", "2026-10-01", "--every", "week"],
    );
    let finished: Vec<&Value> = t["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["finished"])
        .collect();
    assert_eq!(
        finished,
        [&Value::from(0), &Value::from(0), &Value::from(1)],
        "{t}"
    );
    // A percentage of nothing is null, beside its denominator.
    assert_eq!(t["points"][0]["untraced_percent"], Value::Null, "{t}");
    assert_eq!(t["points"][2]["untraced_percent"], 0.0, "{t}");
    let human = repo
        .align_at("2026-10-15", &["trend", "--since", "2026-10-01"])
        .output()
        .unwrap();
    let text = stdout(&human);
    assert!(text.contains("—"), "{text}");
}
