//! One renderer per output format, all over the same findings, audits
//! and rollups; plus the small pieces (bars, percentages) they share.

pub mod audit;
pub mod capacity;
pub mod detail;
pub mod diagram;
pub mod edit;
pub mod explain;
pub mod github;
pub mod human;
pub mod init;
pub mod json;
pub mod markdown;
pub mod queue;
pub mod sarif;
pub mod short;
pub mod tree;
pub mod trend;
pub mod weekly;

use crate::graph::Graph;
use crate::report::{Diagnostic, FindingView};

/// A percentage with one decimal, or "—" for a share of nothing (SPEC §8).
pub fn pct1(x: Option<f64>) -> String {
    match x {
        Some(x) => format!("{x:.1}%"),
        None => "—".to_string(),
    }
}

/// A finding with its path, line and column resolved (SPEC §5 JSON shape).
pub fn view(graph: &Graph, d: &Diagnostic) -> FindingView {
    let file = &graph.files[d.file];
    let (line, column) = file.line_col(d.span.start);
    FindingView {
        code: d.code,
        name: d.name,
        severity: d.severity.as_str(),
        path: file.path.clone(),
        line,
        column,
        message: d.message.clone(),
        help: d.help.clone(),
    }
}

/// A progress bar of `width` cells for `p` in [0, 1]: `██████░░░░░░`.
pub fn bar(p: f64, width: usize) -> String {
    let filled = ((crate::audit::unit(p) * width as f64).round() as usize).min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

pub use crate::text::pct;

/// The ANSI colour code for a KR status: green, yellow, red; dim for the rest.
pub fn status_color(status: crate::audit::KrStatus) -> &'static str {
    use crate::audit::KrStatus;
    match status {
        KrStatus::OnTrack | KrStatus::Done => "32",
        KrStatus::AtRisk => "33",
        KrStatus::OffTrack => "31",
        KrStatus::NotStarted => "2",
    }
}
