//! `--format sarif`: SARIF 2.1.0 for code-scanning upload, with the rule
//! metadata handed in by the lint command.

use serde_json::{Value, json};

use super::view;
use crate::config::Severity;
use crate::graph::Graph;
use crate::report::{Diagnostic, RuleDoc};

/// Renders one SARIF log with one run; `rules` is the rule list the log
/// describes (every rule, in code order).
pub fn render(graph: &Graph, findings: &[Diagnostic], rules: &[RuleDoc]) -> String {
    let level = |s: Severity| match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Off => "none",
    };
    let rule_index = |code: &str| rules.iter().position(|r| r.code == code).unwrap_or(0);
    let rules: Vec<Value> = rules
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.explain},
                "help": {"text": r.explain},
                "defaultConfiguration": {"level": level(r.default)},
            })
        })
        .collect();
    let results: Vec<Value> = findings
        .iter()
        .map(|d| {
            let v = view(graph, d);
            let file = &graph.files[d.file];
            let (end_line, end_col) = file.line_col(d.span.end);
            json!({
                "ruleId": v.code,
                "ruleIndex": rule_index(d.code),
                "level": level(d.severity),
                "message": {"text": format!("{} (help: {})", v.message, v.help)},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": v.path, "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": v.line, "startColumn": v.column, "endLine": end_line, "endColumn": end_col},
                    }
                }],
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "align",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/align-cli/align",
                "rules": rules,
            }},
            "results": results,
        }],
    });
    super::json::pretty(&log)
}
