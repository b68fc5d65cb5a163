//! `--format json` for lint: `{"files", "items", "findings": [...]}`.

use serde::Serialize;

use super::view;
use crate::graph::Graph;
use crate::report::{Diagnostic, FindingView, Summary};

#[derive(Serialize)]
struct LintJson {
    files: usize,
    items: usize,
    skipped: usize,
    findings: Vec<FindingView>,
}

/// Renders the lint report object (SPEC §5).
pub fn lint(graph: &Graph, findings: &[Diagnostic], summary: &Summary) -> String {
    let out = LintJson {
        files: summary.files,
        items: summary.items,
        skipped: summary.skipped,
        findings: findings.iter().map(|d| view(graph, d)).collect(),
    };
    pretty(&out)
}

/// Pretty JSON with a final newline.
pub fn pretty<T: Serialize>(value: &T) -> String {
    let mut s =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
