//! The git modes against real repositories: `lint --staged`, `lint
//! --base`, and the pre-commit hook (rejecting, accepting, chaining,
//! `core.hooksPath`, uninstall).

use crate::common::{TestRepo, stdout};

const O1: &str = "---\nkind: objective\ntitle: Grow\nowner: dana\nperiod: 2026-Q4\n---\n";
const KR1: &str = "---\nkind: kr\ntitle: More leads\nowner: dana\nobjective: O-1\nmetric: {start: 0, target: 10}\n---\n";
const LINKED: &str = "---\nkind: task\ntitle: Linked\nkr: KR-1\n---\n";
const UNLINKED: &str = "---\nkind: task\ntitle: Unlinked\n---\n";

/// A repository with one objective, one KR and one linked task, committed.
fn base_repo() -> TestRepo {
    let repo = TestRepo::git();
    repo.write("O-1.md", O1)
        .write("KR-1.md", KR1)
        .write("T-1.md", LINKED);
    repo.commit_all("goals", "2026-11-01");
    repo
}

/// `git commit` with the fixed identity; returns whether it succeeded.
fn try_commit(repo: &TestRepo, message: &str) -> (bool, String) {
    let out = crate::common::git_command(repo.path())
        .env("NO_COLOR", "1")
        .args(["commit", "-q", "-m", message])
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn staged_checks_the_index_not_the_work_tree() {
    let repo = base_repo();
    repo.write("T-2.md", UNLINKED);
    repo.git_ok(&["add", "T-2.md"]);
    // Fixed in the work tree but not staged: still rejected.
    repo.write("T-2.md", LINKED);
    let out = repo
        .align(&["lint", "--staged", "--format", "short"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert_eq!(
        stdout(&out),
        "T-2.md:2:1: AL001 task `T-2` links to no KR and no initiative\n"
    );
    // The work tree itself is clean.
    repo.align(&["lint"]).assert().success();
    // Staging the fix makes it pass.
    repo.git_ok(&["add", "T-2.md"]);
    repo.align(&["lint", "--staged"]).assert().success();
}

#[test]
fn staged_reports_only_the_change_and_links_it_broke() {
    let repo = base_repo();
    // An old problem, committed with --no-verify: not the change's fault.
    repo.write("T-old.md", UNLINKED);
    repo.commit_all("old mess", "2026-11-02");
    repo.write("T-3.md", LINKED);
    repo.git_ok(&["add", "T-3.md"]);
    repo.align(&["lint", "--staged"]).assert().success();
    // Deleting the KR from the index breaks the links of unchanged tasks.
    repo.git_ok(&["rm", "-q", "--cached", "KR-1.md"]);
    let out = repo
        .align(&["lint", "--staged", "--format", "short"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let text = stdout(&out);
    assert!(
        text.contains("T-1.md:4:5: AL002 `kr` links to `KR-1`, which does not exist"),
        "{text}"
    );
    assert!(text.contains("T-3.md:4:5: AL002"), "{text}");
    assert!(!text.contains("T-old.md"), "{text}");
}

#[test]
fn staged_outside_git_is_a_clear_error() {
    let repo = TestRepo::new();
    repo.write("T-1.md", LINKED);
    let out = repo
        .align(&["lint", "--staged"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs a git repository"), "{err}");
    repo.align(&["hook", "install"]).assert().code(2);
}

#[test]
fn staged_in_a_repo_with_no_commits() {
    let repo = TestRepo::git();
    repo.write("O-1.md", O1)
        .write("KR-1.md", KR1)
        .write("T-1.md", UNLINKED);
    repo.git_ok(&["add", "-A"]);
    repo.align(&["lint", "--staged"]).assert().code(1);
}

#[test]
fn base_reports_only_new_findings() {
    let repo = base_repo();
    repo.write("T-old.md", UNLINKED);
    repo.commit_all("old mess", "2026-11-02");
    repo.git_ok(&["tag", "before"]);
    repo.align(&["lint", "--base", "before"]).assert().success();
    repo.write("T-new.md", UNLINKED);
    let out = repo
        .align(&["lint", "--base", "before", "--format", "short"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert_eq!(
        stdout(&out),
        "T-new.md:2:1: AL001 task `T-new` links to no KR and no initiative\n"
    );
    repo.align(&["lint", "--base", "no-such-ref"])
        .assert()
        .code(2);
}

#[test]
fn hook_rejects_and_accepts_commits() {
    let repo = base_repo();
    repo.align(&["hook", "install"]).assert().success();
    repo.write("T-2.md", UNLINKED);
    repo.git_ok(&["add", "T-2.md"]);
    let (ok, text) = try_commit(&repo, "unlinked");
    assert!(!ok, "the hook must reject an unlinked task");
    assert!(text.contains("AL001"), "{text}");
    assert!(
        text.contains("commit rejected: fix the findings above")
            && text.contains("git commit --no-verify"),
        "the rejection says how to fix and how to skip: {text}"
    );
    repo.write("T-2.md", LINKED);
    repo.git_ok(&["add", "T-2.md"]);
    let (ok, text) = try_commit(&repo, "linked");
    assert!(ok, "{text}");
    // Installing twice is harmless.
    repo.align(&["hook", "install"]).assert().success();
}

#[test]
fn hook_chains_an_existing_hook_and_uninstall_restores_it() {
    let repo = base_repo();
    let hooks = repo.path().join(".git/hooks");
    std::fs::create_dir_all(&hooks).unwrap();
    let previous = "#!/bin/sh\necho previous-hook-ran\nexit 0\n";
    repo.write(".git/hooks/pre-commit", previous);
    make_executable(&hooks.join("pre-commit"));
    repo.align(&["hook", "install"]).assert().success();
    repo.write("T-2.md", LINKED);
    repo.git_ok(&["add", "T-2.md"]);
    let (ok, text) = try_commit(&repo, "linked");
    assert!(ok && text.contains("previous-hook-ran"), "{text}");
    // A failing previous hook still fails the commit.
    repo.write(".git/hooks/pre-commit.pre-align", "#!/bin/sh\nexit 3\n");
    repo.write("T-3.md", LINKED);
    repo.git_ok(&["add", "T-3.md"]);
    assert!(!try_commit(&repo, "blocked by the old hook").0);
    repo.write(".git/hooks/pre-commit.pre-align", previous);
    repo.align(&["hook", "uninstall"]).assert().success();
    assert_eq!(repo.read(".git/hooks/pre-commit"), previous);
    assert!(!hooks.join("pre-commit.pre-align").exists());
}

#[test]
fn hook_force_replaces_instead_of_chaining() {
    let repo = base_repo();
    repo.write(
        ".git/hooks/pre-commit",
        "#!/bin/sh\necho previous-hook-ran\n",
    );
    make_executable(&repo.path().join(".git/hooks/pre-commit"));
    repo.align(&["hook", "install", "--force"])
        .assert()
        .success();
    repo.write("T-2.md", LINKED);
    repo.git_ok(&["add", "T-2.md"]);
    let (ok, text) = try_commit(&repo, "linked");
    assert!(ok && !text.contains("previous-hook-ran"), "{text}");
}

#[test]
fn hook_honours_core_hooks_path() {
    let repo = base_repo();
    repo.git_ok(&["config", "core.hooksPath", "githooks"]);
    repo.align(&["hook", "install"]).assert().success();
    assert!(repo.path().join("githooks/pre-commit").exists());
    assert!(!repo.path().join(".git/hooks/pre-commit").exists());
    repo.write("T-2.md", UNLINKED);
    repo.git_ok(&["add", "T-2.md"]);
    assert!(!try_commit(&repo, "unlinked").0);
}

fn make_executable(path: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// Builds the trend scenario: goals and two open tasks on Oct 1, then one
/// traced and one unplanned task finished by Oct 20.
fn trend_repo() -> TestRepo {
    let repo = TestRepo::git();
    repo.write("O-1.md", O1)
        .write("KR-1.md", KR1)
        .write("T-1.md", LINKED);
    repo.write(
        "T-2.md",
        "---\nkind: task\ntitle: Reactive\nunplanned: true\nreason: outage\n---\n",
    );
    repo.commit_all("goals", "2026-10-01");
    repo.write(
        "T-1.md",
        "---\nkind: task\ntitle: Linked\nkr: KR-1\nstatus: done\ndone: 2026-10-18\n---\n",
    );
    repo.write("T-3.md", "---\nkind: task\ntitle: Fire\nunplanned: true\nreason: escalation\nstatus: done\ndone: 2026-10-19\n---\n");
    repo.commit_all("work", "2026-10-20");
    repo
}

#[test]
fn trend_points_match_hand_computed_values() {
    let repo = trend_repo();
    let mut cmd = crate::common::align_command(repo.path());
    let out = cmd
        .args([
            "--as-of",
            "2026-10-22",
            "trend",
            "--since",
            "2026-10-01",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<Vec<String>> = stdout(&out)
        .lines()
        .skip(1)
        .map(|l| l.split(',').map(String::from).collect())
        .collect();
    let summary: Vec<(String, String, String, String)> = rows
        .iter()
        .map(|r| (r[0].clone(), r[2].clone(), r[5].clone(), r[8].clone()))
        .collect();
    let expect = |d: &str, u: &str, l: &str, k: &str| {
        (d.to_string(), u.to_string(), l.to_string(), k.to_string())
    };
    assert_eq!(
        summary,
        [
            // Oct 1 and 8: nothing finished (a percentage of nothing is
            // an empty field), KR-1 within 0.10 of expected.
            expect("2026-10-01", "", "0", "0"),
            expect("2026-10-08", "", "0", "0"),
            // Oct 15: expected 14/91 = 0.15 > 0.10 ahead of p = 0: at risk;
            // T-1 of the two open tasks traces to it.
            expect("2026-10-15", "", "50", "1"),
            // Oct 22 (second commit): T-1 traced, T-3 unplanned → 50%
            // untraced; the only open task is unplanned → 0% on lagging.
            expect("2026-10-22", "50", "0", "1"),
        ]
    );
    assert!(
        rows[3][1].len() == 10 && rows[0][1] != rows[3][1],
        "{rows:?}"
    );
    let json = repo
        .align(&["trend", "--since", "2026-10-01", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .clone();
    let value: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(
        value["points"].as_array().unwrap().last().unwrap()["date"],
        "2026-11-12"
    );
    assert_eq!(value["shallow"], false);
}

#[test]
fn trend_reports_a_shallow_clone_and_needs_git() {
    let repo = trend_repo();
    let clone = TestRepo::new();
    let url = format!("file://{}", repo.path().display());
    clone.git_ok(&["clone", "-q", "--depth", "1", &url, "."]);
    let out = clone
        .align(&["trend", "--since", "2026-10-01"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(stdout(&out).contains("shallow clone"), "{}", stdout(&out));
    let plain = TestRepo::new();
    plain.align(&["trend"]).assert().code(2);
}

#[test]
fn stalled_comes_from_git_history_over_updated() {
    let repo = TestRepo::git();
    let task = "---\nkind: task\ntitle: Linked\nkr: KR-1\nupdated: 2026-11-10\n---\n";
    let kr = "---\nkind: kr\ntitle: More leads\nowner: dana\nobjective: O-1\nmetric: {start: 0, target: 10, current: 6}\n---\n";
    repo.write("O-1.md", O1)
        .write("KR-1.md", kr)
        .write("T-1.md", task);
    repo.commit_all("goals", "2026-10-01");
    let audit = |r: &TestRepo| -> serde_json::Value {
        let out = r.align(&["audit", "--format", "json"]).output().unwrap();
        serde_json::from_str(&stdout(&out)).unwrap()
    };
    // Git says T-1 last changed on Oct 1: 42 days, past stale_days (14).
    let v = audit(&repo);
    assert_eq!(v["krs"][0]["stalled"], true, "{v}");
    assert_eq!(v["krs"][0]["status"], "at_risk");
    // The same files outside git: `updated` (Nov 10) says it is fresh.
    let plain = TestRepo::new();
    plain
        .write("O-1.md", O1)
        .write("KR-1.md", kr)
        .write("T-1.md", task);
    let v = audit(&plain);
    assert_eq!(v["krs"][0]["stalled"], false, "{v}");
}

#[test]
fn staged_gives_the_same_answer_from_a_cold_and_a_warm_cache() {
    let repo = base_repo();
    let done_kr = "---\nkind: kr\ntitle: Old\nowner: dana\nobjective: O-1\nstatus: done\nmetric: {start: 0, target: 1}\n---\n";
    repo.write("KR-2.md", done_kr);
    repo.write(
        "T-9.md",
        "---\nkind: task\ntitle: Dep\nkr: KR-1\ndepends_on: [T-1]\n---\n",
    );
    repo.commit_all("more", "2026-11-02");
    // Facts about unchanged files matter: KR-2 is done (AL010), T-9 is open
    // (AL012), KR-77 does not exist (AL002).
    repo.write(
        "T-5.md",
        "---\nkind: task\ntitle: Aimed at a finished KR\nkr: KR-2\n---\n",
    );
    repo.write("T-6.md", "---\nkind: task\ntitle: Done early\nkr: KR-1\nstatus: done\ndone: 2026-11-03\ndepends_on: [T-9]\n---\n");
    repo.write("T-7.md", "---\nkind: task\ntitle: Typo\nkr: KR-77\n---\n");
    repo.git_ok(&["add", "-A"]);
    let cold = repo
        .align(&["lint", "--staged", "--format", "short"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(repo.path().join(".git/align/staged-cache").exists());
    let warm = repo
        .align(&["lint", "--staged", "--format", "short"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert_eq!(stdout(&cold), stdout(&warm));
    let text = stdout(&warm);
    for code in [
        "T-5.md:4:5: AL010",
        "T-6.md:7:14: AL012",
        "T-7.md:4:5: AL002",
    ] {
        assert!(text.contains(code), "{code} missing from:\n{text}");
    }
    assert_eq!(text.lines().count(), 3, "{text}");
}

#[test]
fn done_dates_missing_from_files_are_inferred_from_git_and_said_so() {
    let repo = base_repo();
    repo.write(
        "T-1.md",
        "---\nkind: task\ntitle: Linked\nkr: KR-1\nstatus: done\n---\n",
    );
    repo.commit_all("finished T-1", "2026-11-04");
    let out = repo.align(&["audit", "--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["history"]["inferred_done"], serde_json::json!(["T-1"]));
    assert_eq!(v["untraced"]["finished"], 1, "{v}");
    let human = repo.align(&["audit"]).output().unwrap();
    assert!(
        stdout(&human).contains("done dates of T-1 were inferred from git history"),
        "{}",
        stdout(&human)
    );
    // Outside git the task has no day, so it counts in no window.
    let plain = TestRepo::new();
    plain.write("O-1.md", O1).write("KR-1.md", KR1).write(
        "T-1.md",
        "---\nkind: task\ntitle: Linked\nkr: KR-1\nstatus: done\n---\n",
    );
    let out = plain
        .align(&["audit", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["untraced"]["finished"], 0, "{v}");
}

#[test]
fn staged_after_a_commit_reads_only_the_newly_committed_files() {
    let repo = base_repo();
    repo.write("T-2.md", LINKED);
    repo.git_ok(&["add", "-A"]);
    repo.align(&["lint", "--staged"]).assert().success(); // builds the cache
    repo.commit_all("T-2", "2026-11-03");
    // T-2 is committed now but not in the cache: the fast path reads it
    // whole (and records it), and its dangling link is still no concern of
    // a change that does not touch it.
    repo.write(
        "T-2.md",
        "---\nkind: task\ntitle: Linked\nkr: KR-1\ndepends_on: [T-3]\n---\n",
    );
    repo.commit_all("T-2 waits on T-3", "2026-11-04");
    repo.write(
        "T-3.md",
        "---\nkind: task\ntitle: New\nkr: KR-1\ndepends_on: [T-2]\n---\n",
    );
    repo.git_ok(&["add", "T-3.md"]);
    let out = repo
        .align(&["lint", "--staged", "--format", "short"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    // The cycle runs through the committed T-2 and the staged T-3.
    assert!(stdout(&out).contains("AL005"), "{}", stdout(&out));
    let cache = repo.read(".git/align/staged-cache");
    assert!(cache.contains("\tT-2.md\t"), "{cache}");
    let again = repo
        .align(&["lint", "--staged", "--format", "short"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert_eq!(stdout(&out), stdout(&again));
}

#[test]
fn staged_and_hook_work_in_a_linked_worktree() {
    let repo = base_repo();
    let wt = TestRepo::new();
    let wt_path = wt.path().join("wt");
    repo.git_ok(&["worktree", "add", "-q", wt_path.to_str().unwrap()]);
    let in_wt = |args: &[&str]| {
        let mut cmd = assert_cmd::Command::from_std(crate::common::align_command(&wt_path));
        cmd.env("NO_COLOR", "1")
            .args(["--as-of", crate::common::AS_OF])
            .args(args);
        cmd
    };
    std::fs::write(wt_path.join("T-2.md"), UNLINKED).unwrap();
    let git = |args: &[&str]| {
        let ok = crate::common::git_command(&wt_path)
            .args(args)
            .status()
            .unwrap()
            .success();
        assert!(ok, "git {args:?}");
    };
    git(&["add", "T-2.md"]);
    in_wt(&["lint", "--staged"]).assert().code(1);
    // Hooks are shared by all worktrees: installed in the common git dir.
    in_wt(&["hook", "install"]).assert().success();
    assert!(repo.path().join(".git/hooks/pre-commit").exists());
    let out = in_wt(&["audit", "--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["history"]["git"], true, "{v}");
}

#[test]
fn a_trend_point_is_what_audit_says_at_that_date_inferred_done_dates_included() {
    let repo = base_repo();
    repo.write(
        "T-1.md",
        "---\nkind: task\ntitle: Linked\nkr: KR-1\nstatus: done\n---\n",
    );
    repo.write(
        "T-2.md",
        "---\nkind: task\ntitle: Fire\nunplanned: true\nreason: outage\nstatus: done\n---\n",
    );
    repo.commit_all("both finished, no done dates", "2026-11-05");
    let run = |args: &[&str]| -> serde_json::Value {
        let out = crate::common::align_command(repo.path())
            .args(["--as-of", "2026-11-10"])
            .args(args)
            .output()
            .unwrap();
        serde_json::from_str(&stdout(&out)).unwrap()
    };
    let audit = run(&["audit", "--format", "json"]);
    assert_eq!(audit["untraced"]["finished"], 2, "{audit}");
    let trend = run(&["trend", "--since", "2026-11-10", "--format", "json"]);
    let point = &trend["points"][0];
    assert_eq!(
        point["untraced_percent"], audit["untraced"]["percent"],
        "{trend}"
    );
    assert_eq!(point["finished"], audit["untraced"]["finished"], "{trend}");
    assert_eq!(point["open"], audit["lagging_share"]["open"], "{trend}");
    // No open task: the audit's share of nothing is the trend's `null`.
    assert_eq!(audit["lagging_share"]["open"], 0, "{audit}");
    assert_eq!(point["lagging_share_percent"], serde_json::Value::Null);
}

#[test]
fn trend_refuses_bad_dates_with_exit_two() {
    let repo = trend_repo();
    for args in [
        &["trend", "--since", "2026-13-01"][..],
        &["trend", "--since", "2027-01-01"],
    ] {
        let out = repo.align(args).assert().code(2).get_output().clone();
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("help:"),
            "{args:?}"
        );
    }
}
