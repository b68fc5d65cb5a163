//! `--format short`: `path:line:col: CODE message`, one a line, for editors
//! and grep.

use super::view;
use crate::graph::Graph;
use crate::report::Diagnostic;
use crate::text::escape;

/// Renders one line per finding; the path and the message (which may
/// quote a hostile value, an id with a newline in it) are escaped, so each
/// finding takes exactly one line.
pub fn render(graph: &Graph, findings: &[Diagnostic]) -> String {
    findings
        .iter()
        .map(|d| {
            let v = view(graph, d);
            format!(
                "{}:{}:{}: {} {}\n",
                escape(&v.path),
                v.line,
                v.column,
                v.code,
                escape(&v.message)
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn line_breaks_are_escaped() {
        assert_eq!(
            crate::text::escape("`T-1\nrm` is not a valid id"),
            "`T-1\\nrm` is not a valid id"
        );
    }
}
