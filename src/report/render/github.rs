//! `--format github`: workflow commands that GitHub Actions turns into
//! annotations on the pull request.

use super::view;
use crate::config::Severity;
use crate::graph::Graph;
use crate::report::Diagnostic;

/// Renders `::error file=…,line=…,col=…,title=…::message` lines.
pub fn render(graph: &Graph, findings: &[Diagnostic]) -> String {
    findings
        .iter()
        .map(|d| {
            let v = view(graph, d);
            let level = if d.severity == Severity::Error {
                "error"
            } else {
                "warning"
            };
            format!(
                "::{level} file={},line={},col={},title={}::{}\n",
                property(&v.path),
                v.line,
                v.column,
                property(&format!("{} {}", v.code, v.name)),
                data(&format!("{} (help: {})", v.message, v.help)),
            )
        })
        .collect()
}

/// Escapes a message for a workflow command.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value, which also may not hold `:` or `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes() {
        assert_eq!(super::property("a,b:c%\n"), "a%2Cb%3Ac%25%0A");
    }
}
