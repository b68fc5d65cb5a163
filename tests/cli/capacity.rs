//! `align capacity` and the allocation and capacity signals (SPEC §10)
//! over `tests/fixtures/capacity`, whose loads and shares are worked out
//! by hand below. As of 2026-11-12 in 2026-Q4, 49 days = 7 weeks are left.
//!
//! Open work: T-1 sam 6 points on KR-1 (O-1) and KR-2 (O-2), so 3 each;
//! T-2 sam 10 on O-1; T-3 lee 4 on O-2 (blocked is open); T-4 lee 2,
//! unplanned, so untraced; T-6 nobody 1 on O-1. T-5 is done: not counted.
//! - sam: O-1 13, O-2 3 → 16 against 2 a week × 7 = 14 → 114.3%, over.
//! - lee: O-2 4, untraced 2 → 6 against the default 4 × 7 = 28 → 21.4%.
//! - priya: no open work, 3 a week → 0%. The unowned 1 point has no limit.
//! - Shares of the 23 open points: O-1 14/23 = 0.609, O-2 7/23 = 0.304,
//!   O-3 0; weights 2:1:1 → 0.5, 0.25, 0.25. O-3 gets under half its
//!   weight share (0 < 0.125): underfunded.

use serde_json::json;

use crate::common::{TestRepo, stdout};

fn json_of(repo: &TestRepo, args: &[&str]) -> serde_json::Value {
    let out = repo.align(args).output().unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "align {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn capacity_json_by_hand() {
    let repo = TestRepo::fixture("capacity");
    let v = json_of(&repo, &["capacity", "--format", "json"]);
    assert_eq!(
        v,
        json!({
            "as_of": "2026-11-12",
            "window": {"label": "2026-Q4", "start": "2026-10-01", "end": "2026-12-31"},
            "weeks_remaining": 7.0,
            "people": [
                {"owner": "lee", "capacity": 4.0, "open_estimate": 6.0, "load_percent": 21.4,
                 "available": 28.0, "over": false, "by_objective": {"O-2": 4.0, "untraced": 2.0}},
                {"owner": "priya", "capacity": 3.0, "open_estimate": 0.0, "load_percent": 0.0,
                 "available": 21.0, "over": false, "by_objective": {}},
                {"owner": "sam", "capacity": 2.0, "open_estimate": 16.0, "load_percent": 114.3,
                 "available": 14.0, "over": true, "by_objective": {"O-1": 13.0, "O-2": 3.0}},
                {"owner": null, "capacity": null, "open_estimate": 1.0, "load_percent": null,
                 "available": null, "over": false, "by_objective": {"O-1": 1.0}}
            ],
            "objectives": [
                {"id": "O-1", "weight_share": 0.5, "work_share": 0.609, "underfunded": false,
                 "weight": 2.0, "total_weight": 4.0, "open_estimate": 14.0, "total_open_estimate": 23.0},
                {"id": "O-2", "weight_share": 0.25, "work_share": 0.304, "underfunded": false,
                 "weight": 1.0, "total_weight": 4.0, "open_estimate": 7.0, "total_open_estimate": 23.0},
                {"id": "O-3", "weight_share": 0.25, "work_share": 0.0, "underfunded": true,
                 "weight": 1.0, "total_weight": 4.0, "open_estimate": 0.0, "total_open_estimate": 23.0}
            ],
            "input": {"files": 7, "items": 12, "skipped": 0, "unreadable": []}
        })
    );
}

#[test]
fn capacity_owner_filter_and_unknown_owner() {
    let repo = TestRepo::fixture("capacity");
    let v = json_of(&repo, &["capacity", "--owner", "sam", "--format", "json"]);
    let people = v["people"].as_array().unwrap();
    assert_eq!(people.len(), 1);
    assert_eq!(people[0]["owner"], "sam");
    // The shares still count everyone's work.
    assert_eq!(v["objectives"][0]["work_share"], 0.609);
    let out = repo
        .align(&["capacity", "--owner", "samm"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean `sam`?"), "{err}");
}

#[test]
fn capacity_human_view() {
    let repo = TestRepo::fixture("capacity");
    let out = repo.align(&["capacity"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("capacity_human", stdout(&out));
}

#[test]
fn audit_signals_allocation_and_capacity() {
    let repo = TestRepo::fixture("capacity");
    let v = json_of(&repo, &["audit", "--format", "json"]);
    let signals: Vec<(&str, &str, &str)> = v["signals"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "allocation" || s["kind"] == "capacity")
        .map(|s| {
            (
                s["kind"].as_str().unwrap(),
                s["id"].as_str().unwrap(),
                s["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        signals,
        [
            (
                "allocation",
                "O-3",
                "O-3 carries 25% of the objective weight but gets 0% of the open work (0 of 23 points): it is underfunded"
            ),
            (
                "capacity",
                "sam",
                "sam has 16 points of open work against 14 (2 a week for 7.0 weeks): 114% of capacity"
            )
        ]
    );
}

#[test]
fn capacity_config_is_strict() {
    let repo = TestRepo::fixture("capacity");
    repo.write("align.yaml", "capacity: {defualt: 4}\n");
    let out = repo.align(&["capacity"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `default`?"));
    repo.write("align.yaml", "capacity: {people: {sam: -2}}\n");
    let out = repo.align(&["capacity"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a weekly number"));
    // Without capacity, load has no limit and nobody is over.
    repo.write("align.yaml", "period: quarter\n");
    let v = json_of(&repo, &["capacity", "--format", "json"]);
    assert!(
        v["people"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["load_percent"].is_null() && p["over"] == false)
    );
}
