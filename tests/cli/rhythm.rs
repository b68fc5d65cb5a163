//! The operating rhythm (SPEC §14) through the CLI: in real git
//! repositories built commit by commit, time in review is measured from
//! the commit that set `review`, a late initiative turns its KR at risk,
//! a KR is due its check-in on day 8 and not on day 6, and AL018 fires on
//! a blocked task past the SLA without a blocker owner and not with one.
//! Each report of `align report` is snapshotted on the marketing example,
//! as Markdown and as human text at 100 columns.

use serde_json::Value;

use crate::common::{TestRepo, stdout};

const O1: &str = "---\nkind: objective\ntitle: More pipeline\nowner: dana\nperiod: 2026-Q4\n---\n";
const KR1: &str = "---\nkind: kr\ntitle: More leads\nobjective: O-1\nowner: dana\nmetric: {start: 0, target: 100}\ncheckins:\n  - {date: 2026-11-10, value: 50}\n---\n";

fn json(repo: &TestRepo, as_of: &str, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = repo.align_at(as_of, &all).output().unwrap();
    let text = stdout(&out);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

fn signals(v: &Value, kind: &str) -> Vec<String> {
    v["signals"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == kind)
        .map(|s| s["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn time_in_review_is_measured_from_the_commit_that_set_review() {
    let repo = TestRepo::git();
    let task = |status: &str| {
        format!(
            "---\nkind: task\ntitle: Launch copy\nowner: sam\nkr: KR-1\nstatus: {status}\nupdated: 2026-11-01\n---\n"
        )
    };
    repo.write("O-1.md", O1)
        .write("KR-1.md", KR1)
        .write("T-1.md", &task("doing"));
    repo.commit_all("work starts", "2026-11-01");
    repo.write("T-1.md", &task("review"));
    repo.commit_all("T-1 goes to review", "2026-11-09");
    // A later commit that does not touch T-1 does not restart the clock.
    repo.write("notes.md", "# notes\n");
    repo.commit_all("unrelated", "2026-11-10");

    // `updated` still says Nov 1 (a hand edit forgot it): history wins.
    let b = json(&repo, "2026-11-12", &["report", "blockers"]);
    let r = &b["review"][0];
    assert_eq!(r["id"], "T-1");
    assert_eq!(r["since"], "2026-11-09");
    assert_eq!(
        (r["days"].as_i64(), r["hours"].as_i64()),
        (Some(3), Some(72))
    );
    assert_eq!(r["over_sla"], true);
    let a = json(&repo, "2026-11-12", &["audit"]);
    assert_eq!(
        signals(&a, "approval"),
        ["T-1 (sam) has waited 72 hours for approval (since 2026-11-09), over the 48-hour limit"]
    );
    // Two days (48 hours) is not over the 48-hour limit.
    let a = json(&repo, "2026-11-11", &["audit"]);
    assert!(signals(&a, "approval").is_empty(), "{a}");
    let b = json(&repo, "2026-11-11", &["report", "blockers"]);
    assert_eq!(b["review"][0]["hours"], 48);
    assert_eq!(b["review"][0]["over_sla"], false);

    // A spelling mapped onto `review` is review too.
    repo.write("align.yaml", "statuses:\n  review: [awaiting-approval]\n")
        .write("T-1.md", &task("awaiting-approval"));
    repo.commit_all("team spelling", "2026-11-11");
    let b = json(&repo, "2026-11-12", &["report", "blockers"]);
    // The spelling changed in a commit, but the status did not.
    assert_eq!(b["review"][0]["since"], "2026-11-09");
}

#[test]
fn a_late_initiative_turns_its_kr_at_risk() {
    let repo = TestRepo::git();
    // On pace: 50 of 100 with 46% of the quarter gone on Nov 12.
    let initiative = "---\nkind: initiative\ntitle: Partner launch\nowner: lee\nkr: KR-1\nstatus: doing\ndue: 2026-11-07\n---\n";
    let task =
        "---\nkind: task\ntitle: Partner page\nowner: lee\ninitiative: I-1\nstatus: doing\n---\n";
    repo.write("O-1.md", O1)
        .write("KR-1.md", KR1)
        .write("I-1.md", initiative)
        .write("T-1.md", task);
    repo.commit_all("plan", "2026-11-05");
    repo.write(
        "T-1.md",
        &task.replace("Partner page", "Partner landing page"),
    );
    repo.commit_all("work goes on", "2026-11-10");

    // Nov 10: 3 days past due is not late (late_days is 3).
    let a = json(&repo, "2026-11-10", &["audit"]);
    assert_eq!(a["krs"][0]["status"], "on_track", "{a}");
    assert!(signals(&a, "late").is_empty());
    // Nov 12: 5 days late, and the KR says why it is at risk.
    let a = json(&repo, "2026-11-12", &["audit"]);
    let kr = &a["krs"][0];
    assert_eq!(kr["status"], "at_risk", "{a}");
    assert_eq!(kr["late"][0], "I-1");
    assert_eq!(
        signals(&a, "late"),
        [
            "initiative I-1 (lee) is 5 days late (due 2026-11-07), over the 3-day limit; it holds back KR-1"
        ]
    );
    let status = stdout(&repo.align(&["status"]).output().unwrap());
    assert!(status.contains("at risk (I-1)"), "{status}");
    let s = json(&repo, "2026-11-12", &["status"]);
    assert_eq!(s["tree"][0]["children"][0]["late"][0], "I-1", "{s}");
    // Done, it holds nothing back.
    repo.write(
        "I-1.md",
        &initiative.replace("status: doing", "status: done"),
    );
    repo.commit_all("launched", "2026-11-12");
    let a = json(&repo, "2026-11-12", &["audit"]);
    assert_eq!(a["krs"][0]["status"], "on_track");
    // A bigger `late_days` moves the line.
    repo.write("I-1.md", initiative)
        .write("align.yaml", "audit:\n  late_days: 7\n");
    repo.commit_all("reopened", "2026-11-12");
    let a = json(&repo, "2026-11-12", &["audit"]);
    assert!(signals(&a, "late").is_empty(), "{a}");
}

#[test]
fn a_checkin_is_due_on_day_8_and_not_on_day_6() {
    let repo = TestRepo::git();
    repo.write("O-1.md", O1).write("KR-1.md", KR1).write(
        "T-1.md",
        "---\nkind: task\ntitle: Webinar\nowner: dana\nkr: KR-1\n---\n",
    );
    repo.commit_all("check-in on Nov 10", "2026-11-10");
    for (day, due) in [
        ("2026-11-16", false),
        ("2026-11-17", false),
        ("2026-11-18", true),
    ] {
        let a = json(&repo, day, &["audit"]);
        let found = signals(&a, "checkin_due");
        assert_eq!(!found.is_empty(), due, "{day}: {found:?}");
        let r = json(&repo, day, &["report", "review"]);
        assert_eq!(
            r["checkins_due"].as_array().unwrap().len(),
            usize::from(due)
        );
    }
    let a = json(&repo, "2026-11-18", &["audit"]);
    assert_eq!(
        signals(&a, "checkin_due"),
        [
            "KR-1 (dana) is due a check-in: its latest check-in was 8 days ago (2026-11-10), over the 7-day rhythm"
        ]
    );
    // Checking in answers it.
    repo.align_at("2026-11-18", &["checkin", "KR-1", "55"])
        .assert()
        .success();
    repo.commit_all("Friday check-in", "2026-11-18");
    let a = json(&repo, "2026-11-18", &["audit"]);
    assert!(signals(&a, "checkin_due").is_empty(), "{a}");
}

#[test]
fn al018_fires_on_a_blocked_task_past_the_sla_without_a_blocker_owner() {
    let repo = TestRepo::git();
    let task = |blocker: &str| {
        format!(
            "---\nkind: task\ntitle: Send invitations\nowner: sam\nkr: KR-1\nstatus: blocked\nupdated: 2026-11-09\n{blocker}---\n"
        )
    };
    repo.write("O-1.md", O1)
        .write("KR-1.md", KR1)
        .write("T-1.md", &task("blocker: {reason: legal review}\n"));
    repo.commit_all("blocked on legal", "2026-11-09");
    let codes = |as_of: &str| -> Vec<String> {
        let v = json(&repo, as_of, &["lint"]);
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect()
    };
    // Within the 2-day SLA: quiet; past it: AL018.
    assert!(codes("2026-11-11").is_empty());
    assert_eq!(codes("2026-11-12"), ["AL018"]);
    let v = json(&repo, "2026-11-12", &["lint"]);
    assert_eq!(
        v["findings"][0]["message"],
        "task `T-1` has been blocked for 3 days (over 2) and its blocker has no owner or due date"
    );
    // With an owner and a due date it is quiet, and the blocker check
    // shows them.
    repo.write(
        "T-1.md",
        &task("blocker: {reason: legal review, owner: dana, due: 2026-11-14}\n"),
    );
    repo.commit_all("dana owns the blocker", "2026-11-09");
    assert!(codes("2026-11-12").is_empty());
    let b = json(&repo, "2026-11-12", &["report", "blockers"]);
    let x = &b["blocked"][0];
    assert_eq!(x["blocker"]["owner"], "dana");
    assert_eq!(x["blocker"]["due"], "2026-11-14");
    assert_eq!(x["past_sla"], true);
    let text = stdout(&repo.align(&["explain", "AL018"]).output().unwrap());
    assert!(text.contains("blocker-without-owner"), "{text}");
}

/// Every report on the marketing example, as Markdown and as human text
/// at 100 columns. Checked by hand against the files (as of Nov 12): I-4
/// was due Nov 6 (6 days late, holds back KR-4), T-k2vd has been in review
/// since Nov 9 (72 hours), T-w2ek is blocked since Nov 5 with dana owning
/// its blocker until Nov 16.
#[test]
fn reports_on_the_example() {
    let repo = TestRepo::example("marketing");
    for report in ["planning", "blockers", "review"] {
        let md = stdout(&repo.align(&["report", report]).output().unwrap());
        insta::assert_snapshot!(format!("markdown_{report}"), md);
        let human = repo
            .align(&["report", report, "--format", "human"])
            .env("COLUMNS", "100")
            .output()
            .unwrap();
        let human = stdout(&human);
        assert!(
            human.lines().all(|l| l.chars().count() <= 100),
            "{report}: {human}"
        );
        insta::assert_snapshot!(format!("human_100_{report}"), human);
    }
    // `weekly` is the review under its old name.
    let weekly = stdout(&repo.align(&["report", "weekly"]).output().unwrap());
    let review = stdout(&repo.align(&["report", "review"]).output().unwrap());
    assert_eq!(weekly, review);
}

/// The JSON keys the README lists for each report.
#[test]
fn report_json_keys() {
    let repo = TestRepo::example("marketing");
    let keys = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    let p = json(&repo, "2026-11-12", &["report", "planning"]);
    // Every report carries the input object it was read from (SPEC §8).
    assert_eq!(keys(&p), ["as_of", "input", "intake", "krs", "week"]);
    assert_eq!(
        keys(&p["krs"][0]),
        [
            "expected",
            "id",
            "late",
            "owner",
            "progress",
            "stalled",
            "starved",
            "status",
            "title",
            "weeks_remaining",
            "work"
        ]
    );
    let b = json(&repo, "2026-11-12", &["report", "blockers"]);
    assert_eq!(
        keys(&b),
        [
            "as_of",
            "block_sla_days",
            "blocked",
            "input",
            "late",
            "late_days",
            "review",
            "review_sla_hours"
        ]
    );
    assert_eq!(b["late"][0]["id"], "I-4");
    assert_eq!(b["late"][0]["days_late"], 6);
    assert_eq!(b["review"][0]["id"], "T-k2vd");
    assert_eq!(b["review"][0]["hours"], 72);
    assert_eq!(b["blocked"][0]["blocker"]["owner"], "dana");
}

/// `align set` edits a blocker's parts in place: one owner, a date.
#[test]
fn set_edits_a_blockers_owner_and_due() {
    let repo = TestRepo::example("marketing");
    repo.align(&[
        "set",
        "T-w2ek",
        "blocker.owner=sam",
        "blocker.due=2026-11-20",
    ])
    .assert()
    .success();
    let text = repo.read("work/tasks/T-w2ek.md");
    assert!(
        text.contains("blocker: {reason: web team code freeze until their redesign ships (WEB-482), owner: sam, due: 2026-11-20}\n"),
        "{text}"
    );
}

/// The site's front page lists late work, blockers with who clears them,
/// and work waiting for approval, ahead of the objectives.
#[test]
fn the_site_front_page_shows_late_work_and_blockers() {
    let repo = TestRepo::example("marketing");
    repo.align(&["site", "--out", "site"]).assert().success();
    let html = repo.read("site/index.html");
    let at = html.find("id=\"rhythm\"").expect("a rhythm section");
    let section = &html[at..html.find("id=\"objectives\"").expect("objectives")];
    for needle in [
        ">I-4<",
        ">6</span> days late",
        ">T-w2ek<",
        "cleared by <span data-metric=\"/blockers/blocked/0/blocker/owner\" data-format=\"text\">dana</span>",
        ">T-k2vd<",
        ">3</span> days in review",
    ] {
        assert!(section.contains(needle), "missing {needle:?} in {section}");
    }
    // The KR it holds back is marked on its objective's page.
    let page = repo.read("site/objectives/O-2.html");
    assert!(
        page.contains(
            "late <span data-metric=\"/audit/krs/3/late/0\" data-format=\"text\">I-4</span>"
        ),
        "{page}"
    );
}
