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
                one_line(&v.path),
                v.line,
                v.column,
                v.code,
                one_line(&v.message)
            )
        })
        .collect()
}

/// Escapes line breaks, so that a finding quoting a hostile value (an id
/// with a newline in it) still takes exactly one line.
fn one_line(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['\n', '\r']) {
        s.replace('\r', "\\r").replace('\n', "\\n").into()
    } else {
        s.into()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn line_breaks_are_escaped() {
        assert_eq!(
            super::one_line("`T-1\nrm` is not a valid id"),
            "`T-1\\nrm` is not a valid id"
        );
        assert_eq!(super::one_line("plain"), "plain");
    }
}
