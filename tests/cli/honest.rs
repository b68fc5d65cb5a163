//! Honest answers (SPEC §8), through the CLI: unreadable input is said by
//! every command and fails the audit's `readable_input` gate; follow-on
//! findings name their cause; an empty window names the periods that hold
//! KRs; percentages of nothing are `null`; `--as-of` judges the workspace
//! as it stood that day; `lint --staged` reports only what the change did.

use serde_json::{Value, json};

use crate::common::{TestRepo, stdout};

/// Runs align; checks the exit status; returns (stdout, stderr).
fn run(repo: &TestRepo, as_of: &str, args: &[&str], code: i32) -> (String, String) {
    let out = repo.align_at(as_of, args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        out.status.code(),
        Some(code),
        "align {args:?}\nstdout:\n{}\nstderr:\n{err}",
        stdout(&out)
    );
    (stdout(&out), err)
}

fn json_of(repo: &TestRepo, as_of: &str, args: &[&str], code: i32) -> Value {
    let (out, _) = run(repo, as_of, args, code);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}\n{out}"))
}

/// The product example with one unquoted colon in its OKR file (the
/// user's report): the whole file, and every KR in it, cannot be read.
fn broken_product() -> TestRepo {
    let repo = TestRepo::example("product");
    let okrs = repo.read("okrs/2026-Q4.yaml");
    let broken = okrs.replacen(
        "title: Make onboarding self-serve",
        "title: Make onboarding: self-serve",
        1,
    );
    assert_ne!(okrs, broken, "the example changed; update this test");
    repo.write("okrs/2026-Q4.yaml", &broken);
    repo
}

const AS_OF: &str = "2026-11-12";

#[test]
fn an_unreadable_okr_file_fails_the_audit_and_is_named() {
    let repo = broken_product();
    let (out, err) = run(&repo, AS_OF, &["audit"], 1);
    assert!(out.contains("readable_input: 1 > 0, FAIL"), "{out}");
    assert!(out.contains("a gate is breached"), "{out}");
    assert!(
        err.starts_with("warning: 1 file could not be read")
            && err.contains("  okrs/2026-Q4.yaml:6: invalid YAML"),
        "{err}"
    );

    let v = json_of(&repo, AS_OF, &["audit", "--format", "json"], 1);
    assert_eq!(v["pass"], false);
    let gate = v["gates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "readable_input")
        .unwrap();
    assert_eq!(
        gate,
        &json!({"name": "readable_input", "limit": 0.0, "value": 1.0, "pass": false, "waived": false})
    );
    let input = &v["input"];
    assert_eq!(input["files"], 23);
    assert_eq!(input["skipped"], 0);
    assert_eq!(input["unreadable"][0]["path"], "okrs/2026-Q4.yaml");
    assert_eq!(input["unreadable"][0]["line"], 6);
    assert_eq!(input["unreadable"].as_array().unwrap().len(), 1);

    // Waived: the gate passes, says so, and the warning still shows.
    let (out, err) = run(&repo, AS_OF, &["audit", "--allow-unreadable"], 0);
    assert!(
        out.contains("readable_input: 1 > 0, pass (waived by --allow-unreadable)"),
        "{out}"
    );
    assert!(err.contains("okrs/2026-Q4.yaml:6"), "{err}");
    let v = json_of(
        &repo,
        AS_OF,
        &["audit", "--format", "json", "--allow-unreadable"],
        0,
    );
    let gate = v["gates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "readable_input")
        .unwrap();
    assert_eq!(
        (&gate["waived"], &gate["pass"]),
        (&json!(true), &json!(true))
    );
}

#[test]
fn every_data_command_says_what_it_could_not_read() {
    let repo = broken_product();
    for args in [
        &["status"][..],
        &["next"],
        &["show", "T-x6hn"],
        &["report", "weekly"],
        &["capacity"],
        &["lint"],
    ] {
        let code = if args[0] == "lint" { 1 } else { 0 };
        let (_, err) = run(&repo, AS_OF, args, code);
        assert!(
            err.contains("warning: 1 file could not be read")
                && err.contains("okrs/2026-Q4.yaml:6: "),
            "{args:?}: {err}"
        );
        // `--quiet` prints nothing but errors.
        let mut quiet = vec!["-q"];
        quiet.extend_from_slice(args);
        let (out, err) = run(&repo, AS_OF, &quiet, code);
        assert!(out.is_empty() && err.is_empty(), "{args:?}: {out}{err}");
    }
    for args in [
        &["status", "--format", "json"][..],
        &["next", "--format", "json"],
        &["show", "T-x6hn", "--format", "json"],
        &["report", "weekly", "--format", "json"],
        &["capacity", "--format", "json"],
        &["lint", "--format", "json"],
    ] {
        let code = if args[0] == "lint" { 1 } else { 0 };
        let v = json_of(&repo, AS_OF, args, code);
        assert_eq!(
            v["input"]["unreadable"][0]["path"], "okrs/2026-Q4.yaml",
            "{args:?}: {v}"
        );
        assert_eq!(v["input"]["files"], 23, "{args:?}");
    }
}

#[test]
fn the_warning_names_ten_files_then_counts_the_rest() {
    let repo = TestRepo::new();
    repo.write("align.yaml", "");
    for n in 0..12 {
        repo.write(
            &format!("T-{n:02}.md"),
            "---\nkind: task\ntitle: a: b\n---\n",
        );
    }
    let (_, err) = run(&repo, AS_OF, &["status"], 0);
    assert!(
        err.starts_with("warning: 12 files could not be read"),
        "{err}"
    );
    assert!(err.contains("  T-09.md:3: "), "{err}");
    assert!(!err.contains("T-10.md"), "{err}");
    assert!(err.contains("  and 2 more\n"), "{err}");
}

#[test]
fn links_into_an_unreadable_file_point_at_it() {
    let repo = broken_product();
    let v = json_of(&repo, AS_OF, &["lint", "--format", "json"], 1);
    let dangling: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "AL002")
        .collect();
    assert!(!dangling.is_empty());
    for f in &dangling {
        let message = f["message"].as_str().unwrap();
        assert!(
            message
                .contains("may be defined in `okrs/2026-Q4.yaml`, which could not be read (line "),
            "{f}"
        );
        assert!(!f["help"].as_str().unwrap().contains("align new"), "{f}");
    }
    let kr1 = dangling
        .iter()
        .find(|f| f["message"].as_str().unwrap().contains("`KR-1`"))
        .unwrap();
    // KR-1's `id:` line in the file, not a mention of it further down.
    assert!(
        kr1["message"].as_str().unwrap().ends_with(
            "`KR-1` may be defined in `okrs/2026-Q4.yaml`, which could not be read (line 16)"
        ),
        "{kr1}"
    );

    for cmd in ["show", "status", "graph"] {
        let (_, err) = run(&repo, AS_OF, &[cmd, "KR-1"], 2);
        assert!(
            err.contains(
                "`KR-1` may be defined in `okrs/2026-Q4.yaml`, which could not be read (line 16)"
            ),
            "{cmd}: {err}"
        );
    }
    // An id nobody writes anywhere keeps the usual suggestions.
    let (_, err) = run(&repo, AS_OF, &["show", "KR-99"], 2);
    assert!(err.contains("no item has the id `KR-99`"), "{err}");
}

#[test]
fn an_empty_window_names_the_periods_that_hold_krs() {
    let repo = TestRepo::example("marketing");
    let message = "No KR is active in 2027-Q1; KRs exist for 2026-Q4: pass `--period 2026-Q4`";
    let (out, _) = run(&repo, AS_OF, &["audit", "--period", "2027-Q1"], 0);
    assert!(out.contains(message), "{out}");
    let v = json_of(
        &repo,
        AS_OF,
        &["audit", "--period", "2027-Q1", "--format", "json"],
        0,
    );
    assert_eq!(v["empty_window"]["message"], message);
    assert_eq!(v["empty_window"]["periods"], json!(["2026-Q4"]));
    // `status` judges the window containing as-of, and has no `--period`.
    let message = "No KR is active in 2027-Q1; KRs exist for 2026-Q4: pass `--as-of 2026-12-31`";
    let (out, _) = run(&repo, "2027-02-01", &["status"], 0);
    assert!(out.contains(message), "{out}");
    let v = json_of(&repo, "2027-02-01", &["status", "--format", "json"], 0);
    assert_eq!(v["empty_window"]["message"], message);
    // Inside the window, nothing is said.
    let v = json_of(&repo, AS_OF, &["audit", "--format", "json"], 0);
    assert_eq!(v["empty_window"], Value::Null);
}

#[test]
fn a_share_of_nothing_is_null() {
    let repo = TestRepo::example("marketing");
    // On the first day of the quarter nothing has finished yet.
    let v = json_of(&repo, "2026-10-01", &["audit", "--format", "json"], 0);
    assert_eq!(v["untraced"]["finished"], 0, "{v}");
    assert_eq!(v["untraced"]["percent"], Value::Null);
    assert_eq!(v["untraced"]["weighted_percent"], Value::Null);
    assert_eq!(v["untraced"]["finished_estimate"], 0.0);
    let (out, _) = run(&repo, "2026-10-01", &["audit"], 0);
    assert!(out.contains("no task finished in the window yet"), "{out}");
}

#[test]
fn as_of_the_first_day_nothing_marketing_finished_later_counts() {
    // The user's report: `--as-of 2026-10-01` counted 15 finished tasks,
    // though the earliest `done:` is 2026-10-05.
    let repo = TestRepo::example("marketing");
    let later = json_of(&repo, AS_OF, &["audit", "--format", "json"], 0);
    let early = json_of(&repo, "2026-10-01", &["audit", "--format", "json"], 0);
    assert_eq!(later["untraced"]["finished"], 15);
    assert_eq!(early["untraced"]["finished"], 0);
    // Tasks done later were open that day (those created by then).
    assert!(early["lagging_share"]["open"].as_u64().unwrap() > 0);
    let next = json_of(&repo, "2026-10-01", &["next", "--format", "json"], 0);
    assert!(next.to_string().contains("\"T-0001\""), "{next}");
}

/// One objective and a task-driven KR, with two tasks: T-1 done on
/// 2026-11-13, T-2 open; a metric KR with a check-in on 2026-11-13; and a
/// task created on 2026-11-13.
fn dated_repo() -> TestRepo {
    let repo = TestRepo::new();
    repo.write("align.yaml", "")
        .write(
            "O-1.md",
            "---\nkind: objective\ntitle: Grow\nowner: dana\nperiod: 2026-Q4\n---\n",
        )
        .write(
            "KR-1.md",
            "---\nkind: kr\ntitle: Ship\nowner: dana\nobjective: O-1\n---\n",
        )
        .write(
            "KR-2.md",
            "---\nkind: kr\ntitle: Leads\nowner: dana\nobjective: O-1\nmetric: {start: 0, target: 10}\ncheckins:\n  - {date: 2026-11-01, value: 2}\n  - {date: 2026-11-13, value: 9}\n---\n",
        )
        .write(
            "T-1.md",
            "---\nkind: task\ntitle: Done the day after\nkr: KR-1\nstatus: done\ndone: 2026-11-13\nestimate: 3\n---\n",
        )
        .write(
            "T-2.md",
            "---\nkind: task\ntitle: Open\nkr: KR-1\nestimate: 1\n---\n",
        )
        .write(
            "T-3.md",
            "---\nkind: task\ntitle: Not yet written\nkr: KR-2\ncreated: 2026-11-13\n---\n",
        );
    repo
}

fn kr<'a>(audit: &'a Value, id: &str) -> &'a Value {
    audit["krs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["id"] == id)
        .unwrap()
}

#[test]
fn a_task_done_the_day_after_as_of_is_open_on_as_of() {
    let repo = dated_repo();
    let a = json_of(&repo, "2026-11-12", &["audit", "--format", "json"], 0);
    assert_eq!(a["untraced"]["finished"], 0, "{a}");
    let k1 = kr(&a, "KR-1");
    assert_eq!(
        (&k1["open_tasks"], &k1["done_tasks"]),
        (&json!(2), &json!(0))
    );
    // Task-driven progress: none of its estimate was done on as-of.
    assert_eq!(k1["progress"], 0.0);
    // The day after, it is finished.
    let a = json_of(&repo, "2026-11-13", &["audit", "--format", "json"], 0);
    assert_eq!(a["untraced"]["finished"], 1);
    assert_eq!(kr(&a, "KR-1")["progress"], 0.75);

    let s = json_of(
        &repo,
        "2026-11-12",
        &["status", "T-1", "--format", "json"],
        0,
    );
    let t1 = &s["tree"][0]["children"][0]["children"][0];
    assert_eq!(
        (&t1["id"], &t1["status"]),
        (&json!("T-1"), &json!("todo")),
        "{s}"
    );
    let s = json_of(
        &repo,
        "2026-11-13",
        &["status", "T-1", "--format", "json"],
        0,
    );
    let t1 = &s["tree"][0]["children"][0]["children"][0];
    assert_eq!(
        (&t1["id"], &t1["status"]),
        (&json!("T-1"), &json!("done")),
        "{s}"
    );
    let n = json_of(&repo, "2026-11-12", &["next", "--format", "json"], 0);
    let ids: Vec<&str> = n["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"T-1"), "{n}");
    let n = json_of(&repo, "2026-11-13", &["next", "--format", "json"], 0);
    assert!(!n.to_string().contains("\"T-1\""), "{n}");
}

#[test]
fn a_checkin_after_as_of_is_ignored() {
    let repo = dated_repo();
    let a = json_of(&repo, "2026-11-12", &["audit", "--format", "json"], 0);
    assert_eq!(kr(&a, "KR-2")["current"], 2.0, "{a}");
    assert_eq!(kr(&a, "KR-2")["progress"], 0.2);
    let s = json_of(
        &repo,
        "2026-11-12",
        &["status", "KR-2", "--format", "json"],
        0,
    );
    assert_eq!(s["tree"][0]["progress"], 0.2, "{s}");
    let a = json_of(&repo, "2026-11-13", &["audit", "--format", "json"], 0);
    assert_eq!(kr(&a, "KR-2")["current"], 9.0);
}

#[test]
fn an_item_created_after_as_of_is_absent() {
    let repo = dated_repo();
    let a = json_of(&repo, "2026-11-12", &["audit", "--format", "json"], 0);
    assert_eq!(kr(&a, "KR-2")["open_tasks"], 0, "{a}");
    assert_eq!(a["input"]["items"], 5);
    let (out, _) = run(&repo, "2026-11-12", &["status"], 0);
    assert!(!out.contains("T-3"), "{out}");
    let n = json_of(&repo, "2026-11-12", &["next", "--format", "json"], 0);
    assert!(!n.to_string().contains("\"T-3\""), "{n}");
    // It exists from the day it was created.
    let (out, _) = run(&repo, "2026-11-13", &["status"], 0);
    assert!(out.contains("T-3"), "{out}");
}

#[test]
fn staged_reports_only_what_the_change_did() {
    // The user's report: `a.md` (an unlinked task with an unknown field)
    // and `b.md` committed; `b.md` changed to `id: a` and staged. Only
    // the duplicate id is the change's doing.
    let repo = TestRepo::git();
    repo.write("align.yaml", "")
        .write(
            "a.md",
            "---\nkind: task\ntitle: Old mess\nbogus: 1\n---\n",
        )
        .write(
            "O-1.md",
            "---\nkind: objective\ntitle: Grow\nowner: dana\nperiod: 2026-Q4\n---\n",
        )
        .write(
            "KR-1.md",
            "---\nkind: kr\ntitle: More\nowner: dana\nobjective: O-1\nmetric: {start: 0, target: 10}\n---\n",
        )
        .write("b.md", "---\nkind: task\ntitle: New\nkr: KR-1\n---\n");
    repo.commit_all("old", "2026-11-01");
    repo.write(
        "b.md",
        "---\nid: a\nkind: task\ntitle: New\nkr: KR-1\n---\n",
    );
    repo.git_ok(&["add", "b.md"]);
    let (out, _) = run(&repo, AS_OF, &["lint", "--staged", "--format", "short"], 1);
    let codes: Vec<&str> = out
        .lines()
        .map(|l| l.split(' ').nth(1).unwrap_or_default())
        .collect();
    assert!(codes.iter().all(|c| *c == "AL004"), "{out}");
    assert!(out.contains("b.md:2:5: AL004"), "{out}");
    assert!(!out.contains("AL001") && !out.contains("AL009"), "{out}");
}

#[test]
fn each_trend_point_is_judged_as_of_its_day() {
    // Committed on 2026-10-01 with a `done:` date of 2026-10-20: the
    // point of 2026-10-08 sees an open task, the last point a finished one.
    let repo = TestRepo::git();
    repo.write("align.yaml", "")
        .write(
            "O-1.md",
            "---\nkind: objective\ntitle: Grow\nowner: dana\nperiod: 2026-Q4\n---\n",
        )
        .write(
            "KR-1.md",
            "---\nkind: kr\ntitle: More\nowner: dana\nobjective: O-1\nmetric: {start: 0, target: 10}\n---\n",
        )
        .write(
            "T-1.md",
            "---\nkind: task\ntitle: Fire\nunplanned: true\nreason: outage\nstatus: done\ndone: 2026-10-20\n---\n",
        );
    repo.commit_all("all at once", "2026-10-01");
    let v = json_of(
        &repo,
        "2026-10-22",
        &["trend", "--since", "2026-10-08", "--format", "json"],
        0,
    );
    let points = v["points"].as_array().unwrap();
    assert_eq!(points[0]["date"], "2026-10-08", "{v}");
    // Nothing had finished on 2026-10-08: a share of nothing.
    assert_eq!(points[0]["untraced_percent"], Value::Null, "{v}");
    assert_eq!(points[0]["lagging_share_percent"], 0.0, "{v}");
    let last = points.last().unwrap();
    assert_eq!(last["untraced_percent"], 100.0, "{v}");
    assert_eq!(last["lagging_share_percent"], Value::Null, "{v}");
}

#[test]
fn the_site_says_what_it_could_not_read_and_where_the_krs_are() {
    let repo = broken_product();
    let (_, err) = run(&repo, AS_OF, &["site"], 0);
    assert!(err.contains("okrs/2026-Q4.yaml:6"), "{err}");
    let index = repo.read("site/index.html");
    assert!(index.contains("1 file could not be read"), "{index}");
    assert!(index.contains(">okrs/2026-Q4.yaml</span>"), "{index}");
    let data: Value = serde_json::from_str(&repo.read("site/data.json")).unwrap();
    assert_eq!(data["audit"]["input"]["unreadable"][0]["line"], 6);

    let repo = TestRepo::example("marketing");
    run(&repo, AS_OF, &["site", "--period", "2027-Q1"], 0);
    let index = repo.read("site/index.html");
    assert!(
        index.contains("No KR is active in 2027-Q1; KRs exist for 2026-Q4"),
        "{index}"
    );
}

#[test]
fn show_names_the_unreadable_file_behind_a_dangling_link() {
    let repo = broken_product();
    let (out, _) = run(&repo, AS_OF, &["show", "T-x6hn"], 0);
    assert!(
        out.contains("KR-5  (no readable item has this id: `KR-5` may be defined in `okrs/2026-Q4.yaml`, which could not be read (line 80))"),
        "{out}"
    );
    let v = json_of(&repo, AS_OF, &["show", "T-x6hn", "--format", "json"], 0);
    assert_eq!(
        v["links_out"][0]["unreadable"],
        "`KR-5` may be defined in `okrs/2026-Q4.yaml`, which could not be read (line 80)"
    );
}

#[test]
fn ci_formats_name_the_unreadable_files() {
    let repo = broken_product();
    let (md, _) = run(&repo, AS_OF, &["audit", "--format", "markdown"], 1);
    assert!(
        md.contains("| Unreadable files | 1 (`okrs/2026-Q4.yaml:6`) | ❌ at most 0 |\n\n"),
        "{md}"
    );
    let (gh, _) = run(&repo, AS_OF, &["audit", "--format", "github"], 1);
    assert!(
        gh.contains("readable_input is 1, above the limit of 0"),
        "{gh}"
    );
}
