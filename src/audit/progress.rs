//! The arithmetic of one KR (SPEC §3): its current value, progress,
//! expected progress and status. Pure functions over plain values, so the
//! rules of the SPEC can be read and tested here one by one.

use jiff::civil::Date;
use serde::Serialize;

use crate::config::AuditConfig;
use crate::graph::{Graph, ItemIx};
use crate::model::{Checkin, Item, Metric, Period, Status, days_between};

/// Compares gaps with a little slack, so that `0.1` computed as
/// `0.46 − 0.36` is not "more than 0.10" by a rounding error.
const EPSILON: f64 = 1e-9;

/// Where a KR stands against its expected progress (SPEC §3 "KR status").
/// Declared from best to worst, so `max` is the worst-of an objective.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KrStatus {
    Done,
    NotStarted,
    OnTrack,
    AtRisk,
    OffTrack,
}

impl KrStatus {
    /// The spelling used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            KrStatus::Done => "done",
            KrStatus::NotStarted => "not_started",
            KrStatus::OnTrack => "on_track",
            KrStatus::AtRisk => "at_risk",
            KrStatus::OffTrack => "off_track",
        }
    }

    /// The spelling used in sentences and tables: `at risk`.
    pub fn words(self) -> &'static str {
        match self {
            KrStatus::Done => "done",
            KrStatus::NotStarted => "not started",
            KrStatus::OnTrack => "on track",
            KrStatus::AtRisk => "at risk",
            KrStatus::OffTrack => "off track",
        }
    }

    /// Lagging = at risk or off track (SPEC §3).
    pub fn is_lagging(self) -> bool {
        matches!(self, KrStatus::AtRisk | KrStatus::OffTrack)
    }
}

/// The latest check-in at or before `as_of` (the last written wins a tie).
pub fn latest_checkin(checkins: &[Checkin], as_of: Date) -> Option<&Checkin> {
    checkins
        .iter()
        .filter(|c| c.date <= as_of)
        .fold(None, |best: Option<&Checkin>, c| match best {
            Some(b) if b.date > c.date => Some(b),
            _ => Some(c),
        })
}

/// A KR's current value: the latest check-in at or before as-of, else
/// `metric.current`, else `metric.start` (SPEC §3).
pub fn current_value(metric: &Metric, checkins: &[Checkin], as_of: Date) -> f64 {
    latest_checkin(checkins, as_of)
        .map(|c| c.value)
        .or(metric.current)
        .unwrap_or(metric.start)
}

/// `clamp((current − start) / (target − start), 0, 1)`; a target below the
/// start is a decrease and needs no special case. Never NaN.
pub fn numeric_progress(start: f64, target: f64, current: f64) -> f64 {
    let span = target - start;
    if span.abs() < f64::EPSILON {
        // start = target is an AL008 finding; call it reached or not.
        return if (current - target).abs() < f64::EPSILON {
            1.0
        } else {
            0.0
        };
    }
    unit((current - start) / span)
}

/// A task as task-driven progress sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Work {
    pub status: Status,
    pub estimate: f64,
}

/// Task-driven progress: done estimate / (all estimate − cancelled
/// estimate); 0 when there is no work (SPEC §3).
pub fn task_progress(work: impl IntoIterator<Item = Work>) -> f64 {
    let (mut done, mut counted) = (0.0, 0.0);
    for w in work {
        let e = w.estimate.max(0.0);
        match w.status {
            Status::Cancelled => {}
            Status::Done => {
                done += e;
                counted += e;
            }
            _ => counted += e,
        }
    }
    if counted > 0.0 {
        unit(done / counted)
    } else {
        0.0
    }
}

/// Expected progress `clamp((d − start) / (end − start), 0, 1)` in days.
pub fn expected_progress(period: &Period, as_of: Date) -> f64 {
    let total = period.days();
    if total <= 0 {
        return if as_of >= period.end { 1.0 } else { 0.0 };
    }
    unit(days_between(period.start, as_of) as f64 / total as f64)
}

/// What decides a KR's status besides its numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StatusInputs {
    pub progress: f64,
    pub expected: f64,
    /// As-of is before the period starts.
    pub before_start: bool,
    /// The KR's own `status: done`.
    pub marked_done: bool,
    /// Confidence of the latest check-in, if it gave one.
    pub confidence: Option<f64>,
    pub stalled: bool,
}

/// The KR status rule of SPEC §3, in its order: not started, done, off
/// track, at risk (gap, low confidence or stalled), on track.
pub fn kr_status(i: StatusInputs, cfg: &AuditConfig) -> KrStatus {
    let gap = i.expected - i.progress;
    if i.before_start {
        KrStatus::NotStarted
    } else if i.progress >= 1.0 || i.marked_done {
        KrStatus::Done
    } else if gap > cfg.off_track_gap + EPSILON {
        KrStatus::OffTrack
    } else if gap > cfg.at_risk_gap + EPSILON || i.confidence.is_some_and(|c| c < 0.5) || i.stalled
    {
        KrStatus::AtRisk
    } else {
        KrStatus::OnTrack
    }
}

/// Progress of a KR in the graph: numeric when it has a metric, else
/// task-driven over the tasks that trace to it (done ones counted only
/// once their `done` day has come, so history reads right).
pub fn kr_progress(graph: &Graph, kr: ItemIx, as_of: Date) -> f64 {
    let item = &graph.items[kr];
    match &item.metric {
        Some(m) => numeric_progress(m.start, m.target, current_value(m, &item.checkins, as_of)),
        None => task_progress(
            graph
                .tasks_of_kr(kr)
                .into_iter()
                .map(|t| work_at(&graph.items[t], as_of)),
        ),
    }
}

/// A task's status as of a day: a task done after as-of was still open.
pub fn work_at(task: &Item, as_of: Date) -> Work {
    let status = match task.status {
        Status::Done if task.done.is_some_and(|d| d > as_of) => Status::Doing,
        s => s,
    };
    Work {
        status,
        estimate: task.estimate,
    }
}

/// Clamps to [0, 1], mapping NaN to 0.
pub fn unit(x: f64) -> f64 {
    if x.is_nan() { 0.0 } else { x.clamp(0.0, 1.0) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn checkin(d: Date, value: f64) -> Checkin {
        Checkin {
            date: d,
            value,
            confidence: None,
            note: None,
        }
    }

    #[test]
    fn current_value_prefers_latest_checkin_at_or_before_as_of() {
        let m = Metric {
            start: 30.0,
            target: 45.0,
            current: Some(33.0),
            unit: None,
        };
        let cs = [
            checkin(date(2026, 11, 6), 35.25),
            checkin(date(2026, 10, 15), 32.5),
            checkin(date(2026, 11, 20), 40.0),
        ];
        assert_eq!(current_value(&m, &cs, date(2026, 11, 12)), 35.25);
        assert_eq!(current_value(&m, &cs, date(2026, 10, 20)), 32.5);
        assert_eq!(current_value(&m, &cs, date(2026, 10, 1)), 33.0);
        let bare = Metric { current: None, ..m };
        assert_eq!(current_value(&bare, &[], date(2026, 10, 1)), 30.0);
    }

    #[test]
    fn numeric_progress_increase_and_decrease() {
        assert!((numeric_progress(30.0, 45.0, 35.25) - 0.35).abs() < 1e-12);
        assert_eq!(numeric_progress(180.0, 140.0, 161.0), 0.475);
        assert_eq!(numeric_progress(180.0, 140.0, 200.0), 0.0);
        assert_eq!(numeric_progress(180.0, 140.0, 100.0), 1.0);
        assert_eq!(numeric_progress(5.0, 5.0, 5.0), 1.0);
    }

    #[test]
    fn task_driven_progress_ignores_cancelled_work() {
        let w = |status, estimate| Work { status, estimate };
        let work = [
            w(Status::Done, 8.0),
            w(Status::Todo, 8.0),
            w(Status::Cancelled, 5.0),
        ];
        assert_eq!(task_progress(work), 0.5);
        assert_eq!(task_progress([]), 0.0);
        assert_eq!(task_progress([w(Status::Cancelled, 3.0)]), 0.0);
    }

    #[test]
    fn expected_progress_in_days() {
        let q4 = Period::parse("2026-Q4").unwrap();
        let e = expected_progress(&q4, date(2026, 11, 12));
        assert!((e - 42.0 / 91.0).abs() < 1e-12);
        assert_eq!(expected_progress(&q4, date(2026, 9, 1)), 0.0);
        assert_eq!(expected_progress(&q4, date(2027, 1, 5)), 1.0);
    }

    #[test]
    fn statuses_in_spec_order() {
        let cfg = AuditConfig::default();
        let base = StatusInputs {
            progress: 0.35,
            expected: 42.0 / 91.0,
            before_start: false,
            marked_done: false,
            confidence: Some(0.8),
            stalled: false,
        };
        assert_eq!(kr_status(base, &cfg), KrStatus::AtRisk);
        assert_eq!(
            kr_status(
                StatusInputs {
                    progress: 0.40,
                    ..base
                },
                &cfg
            ),
            KrStatus::OnTrack
        );
        assert_eq!(
            kr_status(
                StatusInputs {
                    progress: 0.17,
                    ..base
                },
                &cfg
            ),
            KrStatus::OffTrack
        );
        assert_eq!(
            kr_status(
                StatusInputs {
                    progress: 1.0,
                    ..base
                },
                &cfg
            ),
            KrStatus::Done
        );
        assert_eq!(
            kr_status(
                StatusInputs {
                    marked_done: true,
                    ..base
                },
                &cfg
            ),
            KrStatus::Done
        );
        assert_eq!(
            kr_status(
                StatusInputs {
                    before_start: true,
                    ..base
                },
                &cfg
            ),
            KrStatus::NotStarted
        );
        let fine = StatusInputs {
            progress: 0.5,
            ..base
        };
        assert_eq!(
            kr_status(
                StatusInputs {
                    confidence: Some(0.4),
                    ..fine
                },
                &cfg
            ),
            KrStatus::AtRisk
        );
        assert_eq!(
            kr_status(
                StatusInputs {
                    stalled: true,
                    ..fine
                },
                &cfg
            ),
            KrStatus::AtRisk
        );
        // A gap of exactly the threshold is not over it.
        assert_eq!(
            kr_status(
                StatusInputs {
                    progress: 0.36,
                    expected: 0.46,
                    ..fine
                },
                &cfg
            ),
            KrStatus::OnTrack
        );
        assert!(KrStatus::OffTrack > KrStatus::AtRisk && KrStatus::AtRisk > KrStatus::OnTrack);
    }

    fn status() -> impl Strategy<Value = Status> {
        prop_oneof![
            Just(Status::Todo),
            Just(Status::Doing),
            Just(Status::Blocked),
            Just(Status::Done),
            Just(Status::Cancelled),
        ]
    }

    fn work() -> impl Strategy<Value = Vec<Work>> {
        prop::collection::vec(
            (status(), 0.0f64..20.0).prop_map(|(status, estimate)| Work { status, estimate }),
            0..30,
        )
    }

    proptest! {
        #[test]
        fn progress_stays_in_unit_interval(start in -1e6f64..1e6, target in -1e6f64..1e6, current in -1e7f64..1e7, w in work()) {
            let p = numeric_progress(start, target, current);
            prop_assert!((0.0..=1.0).contains(&p));
            let t = task_progress(w);
            prop_assert!((0.0..=1.0).contains(&t));
        }

        #[test]
        fn adding_a_done_task_never_lowers_progress(w in work(), estimate in 0.0f64..20.0) {
            let before = task_progress(w.clone());
            let mut more = w;
            more.push(Work { status: Status::Done, estimate });
            prop_assert!(task_progress(more) >= before - 1e-12);
        }
    }
}
