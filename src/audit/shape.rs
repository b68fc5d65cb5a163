//! The serializable shape of an audit (SPEC §3 JSON, exact key names):
//! plain data that every renderer and `align trend` read. Fractions are
//! rounded to two decimals and percentages to one only when serialized.

use jiff::civil::Date;
use serde::Serialize;

use super::KrStatus;
use crate::graph::ItemIx;
use crate::report::input::Input;
use crate::ser::{date, round1_opt, round2, round2_opt};

/// Everything `align audit` reports (SPEC §3 JSON shape, exact key names).
#[derive(Debug, Clone, Serialize)]
pub struct Audit {
    #[serde(serialize_with = "date")]
    pub as_of: Date,
    pub window: Window,
    pub untraced: Untraced,
    pub lagging_share: LaggingShare,
    pub objectives: Vec<ObjectiveReport>,
    pub krs: Vec<KrReport>,
    pub coverage: Coverage,
    pub signals: Vec<Signal>,
    pub gates: Vec<Gate>,
    pub pass: bool,
    /// Where the change dates behind "stalled" came from.
    pub history: History,
    /// What was read, and what could not be (SPEC §8).
    pub input: Input,
    /// Set when the window holds no active KR but other windows do, so an
    /// empty answer says where the goals are (SPEC §8 "Nothing to read").
    pub empty_window: Option<EmptyWindow>,
}

/// The window holds no active KR, but these periods do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmptyWindow {
    /// "No KR is active in 2027-Q1; KRs exist for 2026-Q4: pass `--period 2026-Q4`".
    pub message: String,
    /// The periods that hold KRs, earliest first.
    pub periods: Vec<String>,
}

/// The audit window as printed.
#[derive(Debug, Clone, Serialize)]
pub struct Window {
    pub label: String,
    #[serde(serialize_with = "date")]
    pub start: Date,
    #[serde(serialize_with = "date")]
    pub end: Date,
}

/// Untraced work among the tasks finished in the window. Each percentage
/// travels with its numerator and denominator, and is `None` (JSON
/// `null`) when nothing finished: a share of nothing is not 0% (SPEC §8).
#[derive(Debug, Clone, Serialize)]
pub struct Untraced {
    pub finished: usize,
    pub untraced: usize,
    #[serde(serialize_with = "round1_opt")]
    pub percent: Option<f64>,
    /// The estimate of the finished tasks: the weighted denominator.
    #[serde(serialize_with = "round2")]
    pub finished_estimate: f64,
    /// The estimate of the untraced ones: the weighted numerator.
    #[serde(serialize_with = "round2")]
    pub untraced_estimate: f64,
    #[serde(serialize_with = "round1_opt")]
    pub weighted_percent: Option<f64>,
    /// The untraced tasks, in file order.
    pub tasks: Vec<String>,
}

/// The share of open tasks that trace to a lagging KR.
#[derive(Debug, Clone, Serialize)]
pub struct LaggingShare {
    pub open: usize,
    pub on_lagging: usize,
    /// `None` without open tasks.
    #[serde(serialize_with = "round1_opt")]
    pub percent: Option<f64>,
}

/// One objective in the window.
#[derive(Debug, Clone, Serialize)]
pub struct ObjectiveReport {
    pub id: String,
    pub title: String,
    /// Weighted progress of its active KRs; `None` without any.
    #[serde(serialize_with = "round2_opt")]
    pub progress: Option<f64>,
    #[serde(serialize_with = "round2")]
    pub expected: f64,
    /// The worst status of its active KRs; `None` without any.
    pub status: Option<KrStatus>,
    /// The KR that sets that status (the first with the worst one), so
    /// "off track" comes with where to look: "off track (KR-3)".
    pub set_by: Option<String>,
}

/// One KR active in the window.
#[derive(Debug, Clone, Serialize)]
pub struct KrReport {
    #[serde(skip)]
    pub ix: ItemIx,
    pub id: String,
    pub title: String,
    pub objective: Option<String>,
    pub owner: Option<String>,
    /// The metric's current value; `None` for a task-driven KR.
    pub current: Option<f64>,
    #[serde(serialize_with = "round2")]
    pub progress: f64,
    #[serde(serialize_with = "round2")]
    pub expected: f64,
    pub status: KrStatus,
    pub confidence: Option<f64>,
    pub task_driven: bool,
    pub weeks_remaining: i64,
    pub open_tasks: usize,
    pub done_tasks: usize,
    pub blocked_tasks: usize,
    pub stalled: bool,
    pub starved: bool,
    /// Where the KR's pace leads by its period end (SPEC §10); `None`
    /// without two check-ins in the period (or, task-driven, any rate).
    pub forecast: Option<super::Forecast>,
}

/// Goals and plans with nothing under them.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Coverage {
    pub objectives_without_krs: Vec<String>,
    pub krs_without_work: Vec<String>,
    pub initiatives_without_tasks: Vec<String>,
}

/// What kind of thing a signal points out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalKind {
    Starved,
    Prioritization,
    Stalled,
    Blocked,
    Coverage,
    Allocation,
    Capacity,
}

impl SignalKind {
    /// The spelling in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            SignalKind::Starved => "starved",
            SignalKind::Prioritization => "prioritization",
            SignalKind::Stalled => "stalled",
            SignalKind::Blocked => "blocked",
            SignalKind::Coverage => "coverage",
            SignalKind::Allocation => "allocation",
            SignalKind::Capacity => "capacity",
        }
    }
}

/// One sentence worth acting on.
#[derive(Debug, Clone, Serialize)]
pub struct Signal {
    pub kind: SignalKind,
    /// The item it is about; `None` for workspace-wide signals.
    pub id: Option<String>,
    pub message: String,
}

/// One gate and its verdict: it passes when the value is at most the limit.
#[derive(Debug, Clone, Serialize)]
pub struct Gate {
    pub name: &'static str,
    pub limit: f64,
    /// `None` when the measure is a share of nothing (no finished task):
    /// nothing can breach the gate then.
    #[serde(serialize_with = "round1_opt")]
    pub value: Option<f64>,
    pub pass: bool,
    /// Passed by request despite its value (`--allow-unreadable`).
    pub waived: bool,
}

/// Where "when did this change" came from.
#[derive(Debug, Clone, Serialize)]
pub struct History {
    /// Git history dated at least one file; else `updated` fields only.
    pub git: bool,
    /// The git history was cut short (a shallow clone).
    pub cut: bool,
    /// Done tasks whose `done` date was inferred from git history.
    pub inferred_done: Vec<String>,
}

/// The headline numbers at one date, for `align trend` (SPEC §4): what
/// `align audit --as-of DATE` says over the window containing DATE.
#[derive(Debug, Clone, Serialize)]
pub struct Metrics {
    #[serde(serialize_with = "date")]
    pub date: Date,
    /// `None` where no task finished in the window (SPEC §8).
    #[serde(serialize_with = "round1_opt")]
    pub untraced_percent: Option<f64>,
    pub untraced: usize,
    pub finished: usize,
    /// `None` where no task is open.
    #[serde(serialize_with = "round1_opt")]
    pub lagging_share_percent: Option<f64>,
    pub on_lagging: usize,
    pub open: usize,
    pub krs_lagging: usize,
}
