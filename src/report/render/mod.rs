//! One renderer per output format, all over the same findings.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod short;

use crate::graph::Graph;
use crate::report::{Diagnostic, FindingView};

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
