//! What the templates print, derived from [`SiteData`] alone: rows in the
//! order a reader needs them (worst objectives first, blocked work first),
//! every number paired with the JSON pointer into `data.json` it comes
//! from (`data-metric`) and how it is written (`data-format`), so a test
//! can check each number on a page against the data, and so can anyone
//! reading the HTML.

use std::collections::HashMap;

use crate::audit::forecast::number;
use crate::audit::{KrReport, KrStatus, round_to};

use super::SiteData;

/// One number on a page: its text, where it comes from, how it is written.
#[derive(Debug, Clone)]
pub struct Num {
    pub text: String,
    /// RFC 6901 pointer into `data.json`.
    pub ptr: String,
    /// `frac0` (0–1 as a whole percent), `pct1` / `pct0` (0–100 with one or
    /// no decimal), `int`, `num` (a measured value), `text`, `date`.
    pub fmt: &'static str,
}

impl Num {
    fn frac0(ptr: String, v: f64) -> Num {
        Num {
            text: format!("{}%", (round_to(v, 2) * 100.0).round() as i64),
            ptr,
            fmt: "frac0",
        }
    }

    fn pct1(ptr: String, v: f64) -> Num {
        Num {
            text: format!("{:.1}%", round_to(v, 1)),
            ptr,
            fmt: "pct1",
        }
    }

    /// A percentage that may be of nothing: "—" where JSON has `null`.
    fn pct1_opt(ptr: String, v: Option<f64>) -> Num {
        match v {
            Some(v) => Num::pct1(ptr, v),
            None => Num {
                text: "—".into(),
                ptr,
                fmt: "none",
            },
        }
    }

    fn pct0(ptr: String, v: f64) -> Num {
        Num {
            text: format!("{}%", round_to(v, 1).round() as i64),
            ptr,
            fmt: "pct0",
        }
    }

    fn int(ptr: String, v: usize) -> Num {
        Num {
            text: v.to_string(),
            ptr,
            fmt: "int",
        }
    }

    fn measured(ptr: String, v: f64) -> Num {
        Num {
            text: number(v),
            ptr,
            fmt: "num",
        }
    }

    fn text(ptr: String, v: &str) -> Num {
        Num {
            text: v.to_string(),
            ptr,
            fmt: "text",
        }
    }
}

/// Escapes one RFC 6901 pointer segment.
pub fn seg(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

/// A status as the page shows it: a word, a CSS class, a shape glyph.
#[derive(Debug, Clone)]
pub struct Badge {
    pub word: &'static str,
    pub class: &'static str,
    pub glyph: &'static str,
}

impl Badge {
    pub fn of(status: Option<KrStatus>) -> Badge {
        let (word, class, glyph) = match status {
            Some(KrStatus::OffTrack) => ("off track", "off_track", "■"),
            Some(KrStatus::AtRisk) => ("at risk", "at_risk", "▲"),
            Some(KrStatus::OnTrack) => ("on track", "on_track", "●"),
            Some(KrStatus::Done) => ("done", "done", "✓"),
            Some(KrStatus::NotStarted) => ("not started", "not_started", "○"),
            None => ("no active KR", "not_started", "○"),
        };
        Badge { word, class, glyph }
    }
}

/// One KR as a row: on the front page under its objective, and as a
/// section of its objective page.
#[derive(Debug, Clone)]
pub struct KrRow {
    /// Index into `audit.krs`, `burnups` and `work`.
    pub at: usize,
    pub id: Num,
    pub title: Num,
    pub owner: Option<Num>,
    pub badge: Badge,
    pub progress: Num,
    pub expected: Num,
    pub bar: String,
    pub open_tasks: Num,
    pub blocked_tasks: Num,
    pub done_tasks: Num,
    pub current: Option<Num>,
    pub from: Num,
    pub to: Num,
    pub unit: Option<Num>,
    pub task_driven: bool,
    pub forecast_value: Option<Num>,
    pub forecast_progress: Option<Num>,
    pub reaches: Option<Num>,
    pub period_end: Num,
    pub starved: bool,
    pub stalled: bool,
    /// Late initiatives aimed at it (SPEC §14), which make it at risk.
    pub late: Vec<Num>,
    /// The signals about this KR, or about its tasks that hold it back.
    pub reasons: Vec<(&'static str, Num)>,
    /// Its first open tasks, blocked first: what is being done about it.
    pub top_open: Vec<TaskBrief>,
}

/// One open task in a sentence: id, title, owner, status.
#[derive(Debug, Clone)]
pub struct TaskBrief {
    pub id: Num,
    pub title: Num,
    pub owner: Option<Num>,
    pub status: String,
}

/// How many open tasks the front page names under a KR.
const TOP_OPEN: usize = 3;

/// One objective as the front page shows it.
#[derive(Debug, Clone)]
pub struct ObjectiveRow {
    pub id: Num,
    pub title: Num,
    pub href: String,
    pub badge: Badge,
    pub progress: Option<Num>,
    pub expected: Num,
    pub bar: String,
    pub krs: Vec<KrRow>,
    /// The KR that sets the objective's status: the worst, then the
    /// furthest behind.
    pub set_by: Option<KrRow>,
}

/// Builds the KR row for `audit.krs[at]`.
fn kr_row(d: &SiteData, signals: &SignalsById, at: usize) -> KrRow {
    let k: &KrReport = &d.audit.krs[at];
    let p = |key: &str| format!("/audit/krs/{at}/{key}");
    let b = &d.burnups[at];
    let badge = Badge::of(Some(k.status));
    let mut about: Vec<usize> = std::iter::once(k.id.as_str())
        .chain(d.work[at].tasks.iter().map(|t| t.id.as_str()))
        .flat_map(|id| signals.get(id).into_iter().flatten().copied())
        .collect();
    about.sort_unstable();
    about.dedup();
    let reasons = about
        .into_iter()
        .map(|i| (i, &d.audit.signals[i]))
        .map(|(i, s)| {
            (
                s.kind.as_str(),
                Num::text(format!("/audit/signals/{i}/message"), &s.message),
            )
        })
        .collect();
    let forecast = k.forecast.as_ref();
    let top_open = d.work[at]
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t.status.as_str(), "blocked" | "doing" | "todo" | "review"))
        .take(TOP_OPEN)
        .map(|(i, t)| {
            let p = |key: &str| format!("/work/{at}/tasks/{i}/{key}");
            TaskBrief {
                id: Num::text(p("id"), &t.id),
                title: Num::text(p("title"), &t.title),
                owner: t.owner.as_ref().map(|o| Num::text(p("owner"), o)),
                status: t.status.clone(),
            }
        })
        .collect();
    KrRow {
        at,
        id: Num::text(p("id"), &k.id),
        title: Num::text(p("title"), &k.title),
        owner: k.owner.as_ref().map(|o| Num::text(p("owner"), o)),
        bar: super::charts::progress_bar(Some(k.progress), k.expected, badge.class),
        badge,
        progress: Num::frac0(p("progress"), k.progress),
        expected: Num::frac0(p("expected"), k.expected),
        open_tasks: Num::int(p("open_tasks"), k.open_tasks),
        blocked_tasks: Num::int(p("blocked_tasks"), k.blocked_tasks),
        done_tasks: Num::int(p("done_tasks"), k.done_tasks),
        current: k.current.map(|c| Num::measured(p("current"), c)),
        from: Num::measured(format!("/burnups/{at}/from"), b.from),
        to: Num::measured(format!("/burnups/{at}/to"), b.to),
        unit: b
            .unit
            .as_ref()
            .map(|u| Num::text(format!("/burnups/{at}/unit"), u)),
        task_driven: k.task_driven,
        forecast_value: forecast.map(|f| Num::measured(p("forecast/value"), round_to(f.value, 2))),
        forecast_progress: forecast.map(|f| Num::frac0(p("forecast/progress"), f.progress)),
        reaches: forecast.and_then(|f| {
            f.reaches_target_on
                .map(|r| Num::text(p("forecast/reaches_target_on"), &r.to_string()))
        }),
        period_end: Num::text(format!("/burnups/{at}/end"), &b.end.to_string()),
        starved: k.starved,
        stalled: k.stalled,
        late: k
            .late
            .iter()
            .enumerate()
            .map(|(j, id)| Num::text(format!("/audit/krs/{at}/late/{j}"), id))
            .collect(),
        reasons,
        top_open,
    }
}

/// The signals about each id, by index into `audit.signals`: a KR row
/// lists those about the KR and its tasks, and looking them up per task
/// keeps a 100,000-task site linear.
type SignalsById<'a> = HashMap<&'a str, Vec<usize>>;

fn signals_by_id(d: &SiteData) -> SignalsById<'_> {
    let mut by_id: SignalsById = HashMap::new();
    for (i, s) in d.audit.signals.iter().enumerate() {
        if let Some(id) = s.id.as_deref() {
            by_id.entry(id).or_default().push(i);
        }
    }
    by_id
}

/// The objectives in the order a leader reads them: off track first, then
/// at risk, on track, not started, done; the file order within each.
pub fn objective_rows(d: &SiteData) -> Vec<ObjectiveRow> {
    let signals = signals_by_id(d);
    let mut krs_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (at, k) in d.audit.krs.iter().enumerate() {
        if let Some(o) = k.objective.as_deref() {
            krs_of.entry(o).or_default().push(at);
        }
    }
    let mut rows: Vec<(u8, ObjectiveRow)> = d
        .audit
        .objectives
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let p = |key: &str| format!("/audit/objectives/{i}/{key}");
            let krs: Vec<KrRow> = krs_of
                .get(o.id.as_str())
                .into_iter()
                .flatten()
                .map(|&at| kr_row(d, &signals, at))
                .collect();
            let set_by = krs
                .iter()
                .filter(|k| Some(d.audit.krs[k.at].status) == o.status)
                .max_by(|a, b| {
                    let gap = |k: &KrRow| {
                        let r = &d.audit.krs[k.at];
                        r.expected - r.progress
                    };
                    gap(a).total_cmp(&gap(b))
                })
                .cloned();
            let badge = Badge::of(o.status);
            let rank = match o.status {
                Some(KrStatus::OffTrack) => 0,
                Some(KrStatus::AtRisk) => 1,
                Some(KrStatus::OnTrack) => 2,
                None => 3,
                Some(KrStatus::NotStarted) => 4,
                Some(KrStatus::Done) => 5,
            };
            (
                rank,
                ObjectiveRow {
                    id: Num::text(p("id"), &o.id),
                    title: Num::text(p("title"), &o.title),
                    href: String::new(),
                    bar: super::charts::progress_bar(o.progress, o.expected, badge.class),
                    badge,
                    progress: o.progress.map(|v| Num::frac0(p("progress"), v)),
                    expected: Num::frac0(p("expected"), o.expected),
                    krs,
                    set_by,
                },
            )
        })
        .collect();
    rows.sort_by_key(|r| r.0);
    rows.into_iter().map(|r| r.1).collect()
}

/// The headline numbers of the front page.
#[derive(Debug, Clone)]
pub struct Headline {
    pub window: Num,
    pub start: Num,
    pub end: Num,
    pub as_of: Num,
    pub elapsed: Num,
    pub untraced_percent: Num,
    pub untraced: Num,
    pub finished: Num,
    pub lagging_percent: Num,
    pub on_lagging: Num,
    pub open: Num,
    pub gates: Vec<GateRow>,
}

/// One gate with its verdict.
#[derive(Debug, Clone)]
pub struct GateRow {
    pub name: Num,
    pub limit: Num,
    pub value: Num,
    pub pass: bool,
}

pub fn headline(d: &SiteData) -> Headline {
    let a = &d.audit;
    Headline {
        window: Num::text("/audit/window/label".into(), &a.window.label),
        start: Num::text("/audit/window/start".into(), &a.window.start.to_string()),
        end: Num::text("/audit/window/end".into(), &a.window.end.to_string()),
        as_of: Num::text("/audit/as_of".into(), &a.as_of.to_string()),
        elapsed: Num::frac0("/elapsed".into(), d.elapsed),
        untraced_percent: Num::pct1_opt("/audit/untraced/percent".into(), a.untraced.percent),
        untraced: Num::int("/audit/untraced/untraced".into(), a.untraced.untraced),
        finished: Num::int("/audit/untraced/finished".into(), a.untraced.finished),
        lagging_percent: Num::pct1_opt(
            "/audit/lagging_share/percent".into(),
            a.lagging_share.percent,
        ),
        on_lagging: Num::int(
            "/audit/lagging_share/on_lagging".into(),
            a.lagging_share.on_lagging,
        ),
        open: Num::int("/audit/lagging_share/open".into(), a.lagging_share.open),
        gates: a
            .gates
            .iter()
            .enumerate()
            .map(|(i, g)| GateRow {
                name: Num::text(format!("/audit/gates/{i}/name"), g.name),
                limit: Num::measured(format!("/audit/gates/{i}/limit"), g.limit),
                value: match g.value {
                    // A count of files, not a percentage.
                    Some(v) if g.name == crate::audit::READABLE_INPUT => {
                        Num::measured(format!("/audit/gates/{i}/value"), v)
                    }
                    v => Num::pct1_opt(format!("/audit/gates/{i}/value"), v),
                },
                pass: g.pass,
            })
            .collect(),
    }
}

/// One signal line.
#[derive(Debug, Clone)]
pub struct SignalRow {
    pub kind: &'static str,
    pub message: Num,
}

pub fn signal_rows(d: &SiteData) -> Vec<SignalRow> {
    d.audit
        .signals
        .iter()
        .enumerate()
        .map(|(i, s)| SignalRow {
            kind: s.kind.as_str(),
            message: Num::text(format!("/audit/signals/{i}/message"), &s.message),
        })
        .collect()
}

/// Late work, blocked work and work waiting for approval, for the front
/// page (SPEC §14): each line's numbers point into `data.json`'s
/// `blockers`.
#[derive(Debug, Clone)]
pub struct RhythmView {
    /// `audit.late_days`, named in the late list's heading.
    pub late_days: Num,
    pub late: Vec<RhythmRow>,
    pub blocked: Vec<RhythmRow>,
    pub review: Vec<RhythmRow>,
    /// How many of each list are not shown (past [`RHYTHM_ROWS`]; the
    /// page says so in words, as every number on it must come from
    /// `data.json`).
    pub late_more: usize,
    pub blocked_more: usize,
    pub review_more: usize,
}

/// Lines of each late/blocked/review list on the front page (the
/// template says "the first ten"): a leader
/// reads the first few, and a workspace with 18,000 blocked tasks must
/// not make a 20 MB page. Every one is in `data.json` and in
/// `align report blockers`.
pub const RHYTHM_ROWS: usize = 10;

/// One late, blocked or in-review item: who owns it, how long, and the
/// detail that says what happens next (its blocker's owner and due date).
#[derive(Debug, Clone)]
pub struct RhythmRow {
    pub id: Num,
    pub title: Num,
    pub owner: Option<Num>,
    /// Days late, blocked or in review; `None` where unknown.
    pub days: Option<Num>,
    /// Past its limit (late work always is).
    pub over: bool,
    /// Labelled values (`due 2026-11-16`); a label alone where the value
    /// is missing (`no blocker named`).
    pub detail: Vec<(&'static str, Option<Num>)>,
}

pub fn rhythm_view(d: &SiteData) -> RhythmView {
    let b = &d.blockers;
    let text =
        |list: &str, i: usize, k: &str, v: &str| Num::text(format!("/blockers/{list}/{i}/{k}"), v);
    let days = |list: &str, i: usize, k: &str, n: i64| {
        Num::int(format!("/blockers/{list}/{i}/{k}"), n.max(0) as usize)
    };
    let late = b
        .late
        .iter()
        .take(RHYTHM_ROWS)
        .enumerate()
        .map(|(i, x)| RhythmRow {
            id: text("late", i, "id", &x.id),
            title: text("late", i, "title", &x.title),
            owner: x.owner.as_deref().map(|o| text("late", i, "owner", o)),
            days: Some(days("late", i, "days_late", x.days_late)),
            over: true,
            detail: vec![("due", Some(text("late", i, "due", &x.due.to_string())))],
        })
        .collect();
    let blocked = b
        .blocked
        .iter()
        .take(RHYTHM_ROWS)
        .enumerate()
        .map(|(i, x)| {
            let detail = match &x.blocker {
                None => vec![("no blocker named", None)],
                Some(bl) => {
                    let part = |k: &str, v: &Option<String>| {
                        v.as_deref()
                            .map(|v| text("blocked", i, &format!("blocker/{k}"), v))
                    };
                    vec![
                        match part("reason", &bl.reason) {
                            Some(n) => ("blocker:", Some(n)),
                            None => ("no reason given", None),
                        },
                        match part("owner", &bl.owner) {
                            Some(n) => ("cleared by", Some(n)),
                            None => ("no owner", None),
                        },
                        match part("due", &bl.due.map(|d| d.to_string())) {
                            Some(n) => ("due", Some(n)),
                            None => ("no due date", None),
                        },
                    ]
                }
            };
            RhythmRow {
                id: text("blocked", i, "id", &x.id),
                title: text("blocked", i, "title", &x.title),
                owner: x.owner.as_deref().map(|o| text("blocked", i, "owner", o)),
                days: x.days.map(|n| days("blocked", i, "days", n)),
                over: x.past_sla,
                detail,
            }
        })
        .collect();
    let review = b
        .review
        .iter()
        .take(RHYTHM_ROWS)
        .enumerate()
        .map(|(i, x)| RhythmRow {
            id: text("review", i, "id", &x.id),
            title: text("review", i, "title", &x.title),
            owner: x.owner.as_deref().map(|o| text("review", i, "owner", o)),
            days: x.since.map(|_| days("review", i, "days", x.days)),
            over: x.over_sla,
            detail: vec![match x.since {
                Some(d) => ("since", Some(text("review", i, "since", &d.to_string()))),
                None => ("since an unknown day", None),
            }],
        })
        .collect();
    RhythmView {
        late_days: Num::int("/blockers/late_days".into(), b.late_days.max(0) as usize),
        late,
        blocked,
        review,
        late_more: b.late.len().saturating_sub(RHYTHM_ROWS),
        blocked_more: b.blocked.len().saturating_sub(RHYTHM_ROWS),
        review_more: b.review.len().saturating_sub(RHYTHM_ROWS),
    }
}

/// The capacity table: objective columns, one row per owner.
#[derive(Debug, Clone)]
pub struct CapacityView {
    pub weeks: Num,
    pub columns: Vec<String>,
    pub rows: Vec<PersonRow>,
    pub allocation: Vec<AllocationRow>,
    pub configured: bool,
}

#[derive(Debug, Clone)]
pub struct PersonRow {
    pub owner: Option<Num>,
    pub cells: Vec<Option<Num>>,
    pub open: Num,
    pub capacity: Option<Num>,
    pub load: Option<Num>,
    pub load_bar: String,
    pub over: bool,
}

#[derive(Debug, Clone)]
pub struct AllocationRow {
    pub id: Num,
    pub weight_share: Option<Num>,
    pub work_share: Option<Num>,
    pub underfunded: bool,
}

pub fn capacity_view(d: &SiteData, configured: bool) -> CapacityView {
    let c = &d.capacity;
    let mut columns: Vec<String> = c.objectives.iter().map(|o| o.id.clone()).collect();
    for p in &c.people {
        for k in p.by_objective.keys() {
            if k != crate::audit::capacity::UNTRACED && !columns.contains(k) {
                columns.push(k.clone());
            }
        }
    }
    columns.push(crate::audit::capacity::UNTRACED.into());
    let rows = c
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let ptr = |key: &str| format!("/capacity/people/{i}/{key}");
            PersonRow {
                owner: p.owner.as_ref().map(|o| Num::text(ptr("owner"), o)),
                cells: columns
                    .iter()
                    .map(|col| {
                        p.by_objective.get(col).map(|v| {
                            Num::measured(
                                format!("/capacity/people/{i}/by_objective/{}", seg(col)),
                                round_to(*v, 2),
                            )
                        })
                    })
                    .collect(),
                open: Num::measured(ptr("open_estimate"), round_to(p.open_estimate, 2)),
                capacity: p.capacity.map(|v| Num::measured(ptr("capacity"), v)),
                load: p.load_percent.map(|v| Num::pct0(ptr("load_percent"), v)),
                load_bar: super::charts::load_bar(p.load_percent, p.over),
                over: p.over,
            }
        })
        .collect();
    let allocation = c
        .objectives
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let ptr = |key: &str| format!("/capacity/objectives/{i}/{key}");
            AllocationRow {
                id: Num::text(ptr("id"), &o.id),
                weight_share: o
                    .weight_share
                    .map(|v| Num::frac0(ptr("weight_share"), round_to(v, 3))),
                work_share: o
                    .work_share
                    .map(|v| Num::frac0(ptr("work_share"), round_to(v, 3))),
                underfunded: o.underfunded,
            }
        })
        .collect();
    CapacityView {
        weeks: Num::measured(
            "/capacity/weeks_remaining".into(),
            round_to(c.weeks_remaining, 1),
        ),
        columns,
        rows,
        allocation,
        configured,
    }
}

/// The trend chart's caption numbers: the first and last points.
#[derive(Debug, Clone)]
pub struct TrendView {
    pub svg: String,
    pub since: Num,
    pub untraced_first: Num,
    pub untraced_last: Num,
    pub lagging_first: Num,
    pub lagging_last: Num,
    pub points: Num,
}

pub fn trend_view(d: &SiteData) -> Option<TrendView> {
    let t = d.trend.as_ref()?;
    let last = t.points.len().checked_sub(1)?;
    // A trend needs two points to say anything.
    if last == 0 {
        return None;
    }
    let p = |i: usize, key: &str| format!("/trend/points/{i}/{key}");
    Some(TrendView {
        svg: super::charts::trend(t),
        since: Num::text(p(0, "date"), &t.points[0].date.to_string()),
        untraced_first: Num::pct1_opt(p(0, "untraced_percent"), t.points[0].untraced_percent),
        untraced_last: Num::pct1_opt(p(last, "untraced_percent"), t.points[last].untraced_percent),
        lagging_first: Num::pct1_opt(
            p(0, "lagging_share_percent"),
            t.points[0].lagging_share_percent,
        ),
        lagging_last: Num::pct1_opt(
            p(last, "lagging_share_percent"),
            t.points[last].lagging_share_percent,
        ),
        points: Num {
            text: t.points.len().to_string(),
            ptr: "/trend/points".into(),
            fmt: "len",
        },
    })
}
