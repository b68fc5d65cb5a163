//! `--format short`: `path:line:col: CODE message`, one a line, for editors
//! and grep.

use super::view;
use crate::graph::Graph;
use crate::report::Diagnostic;

/// Renders one line per finding.
pub fn render(graph: &Graph, findings: &[Diagnostic]) -> String {
    findings
        .iter()
        .map(|d| {
            let v = view(graph, d);
            format!(
                "{}:{}:{}: {} {}\n",
                v.path, v.line, v.column, v.code, v.message
            )
        })
        .collect()
}
