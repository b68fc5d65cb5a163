//! `--format json` for lint: `{"files", "items", "findings": [...]}`.

use serde::Serialize;

use super::view;
use crate::graph::Graph;
use crate::report::input::Input;
use crate::report::{Diagnostic, FindingView, Summary};

#[derive(Serialize)]
struct LintJson {
    files: usize,
    items: usize,
    skipped: usize,
    findings: Vec<FindingView>,
    input: Input,
}

/// Renders the lint report object (SPEC §5).
pub fn lint(graph: &Graph, findings: &[Diagnostic], summary: &Summary) -> String {
    let out = LintJson {
        files: summary.files,
        items: summary.items,
        skipped: summary.skipped,
        findings: findings.iter().map(|d| view(graph, d)).collect(),
        input: Input::of(graph),
    };
    pretty(&out)
}

/// A data command's JSON object with the `input` object beside its own
/// keys (SPEC §8), so no command has to carry it in its library type.
#[derive(Serialize)]
pub struct WithInput<'a, T: Serialize> {
    #[serde(flatten)]
    pub data: &'a T,
    pub input: &'a Input,
}

/// Pretty JSON with a final newline.
pub fn pretty<T: Serialize>(value: &T) -> String {
    let mut s =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
