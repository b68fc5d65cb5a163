//! Findings and reports as data, and one renderer per output format. Rules
//! and analyses produce these values; only the renderers print.

pub mod input;
pub mod render;

use serde::Serialize;

use crate::config::Severity;
use crate::span::Span;

/// What the renderers say of a rule (`align explain`, SARIF's rule list):
/// the rule's identity and texts, without its check.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RuleDoc {
    pub code: &'static str,
    pub name: &'static str,
    pub default: Severity,
    /// One line: what fires the rule.
    pub summary: &'static str,
    /// What it checks, why it matters, an example, how to fix it.
    pub explain: &'static str,
}

/// A secondary place a finding points at ("first defined here").
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// Index of the file in the graph's file list.
    pub file: usize,
    pub span: Span,
    pub message: String,
}

/// One lint finding: which rule, where, what is wrong and how to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// Index of the file in the graph's file list.
    pub file: usize,
    pub span: Span,
    pub message: String,
    pub help: String,
    /// Text under the primary span in the human view.
    pub label: String,
    pub related: Vec<Label>,
}

/// A finding as printed in JSON (SPEC §5): path relative to the root with
/// `/`, line and column counting from 1.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FindingView {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: &'static str,
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: String,
}

/// Counts for the summary line that ends every lint report, so that
/// nothing is skipped silently.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub items: usize,
    pub skipped: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Summary {
    /// The one-line summary: `12 files read, 40 items, 3 skipped (not items): 1 error, 2 warnings`.
    pub fn line(&self) -> String {
        fn plural(n: usize, one: &str, many: &str) -> String {
            format!("{n} {}", if n == 1 { one } else { many })
        }
        format!(
            "{} read, {}, {} skipped (not items): {}, {}",
            plural(self.files, "file", "files"),
            plural(self.items, "item", "items"),
            self.skipped,
            plural(self.errors, "error", "errors"),
            plural(self.warnings, "warning", "warnings"),
        )
    }
}
