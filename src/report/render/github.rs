//! `--format github`: workflow commands that GitHub Actions turns into
//! annotations on the pull request: lint findings, audit signals and gates.

use super::view;
use crate::audit::Audit;
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

/// Renders the audit's signals as warnings and its breached gates as
/// errors; a signal about an item points at the item's file.
pub fn audit(graph: &Graph, a: &Audit) -> String {
    let mut out = String::new();
    for s in &a.signals {
        let at =
            s.id.as_deref()
                .and_then(|id| graph.get(id))
                .map(|ix| {
                    let file = graph.file_of(ix);
                    let (line, _) = file.line_col(graph.items[ix].id_span.start);
                    format!("file={},line={},", property(&file.path), line)
                })
                .unwrap_or_default();
        out.push_str(&format!(
            "::warning {at}title={}::{}\n",
            property(&format!("align {}", s.kind.as_str())),
            data(&s.message)
        ));
    }
    for g in a.gates.iter().filter(|g| !g.pass) {
        out.push_str(&format!(
            "::error title={}::{}\n",
            property(&format!("align gate {}", g.name)),
            data(&format!(
                "{} is {}, above the limit of {}",
                g.name,
                match g.value {
                    Some(v) if g.name == crate::audit::READABLE_INPUT => format!("{v:.0}"),
                    Some(v) => format!("{v:.1}"),
                    None => "—".to_string(),
                },
                g.limit
            ))
        ));
    }
    out
}

/// Escapes a message for a workflow command: control characters from
/// files as `text::escape` does (GitHub would show them raw in the log),
/// then what the workflow-command syntax reserves.
fn data(s: &str) -> String {
    crate::text::escape(s).replace('%', "%25")
}

/// Escapes a property value, which also may not hold `:` or `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes() {
        assert_eq!(super::property("a,b:c%"), "a%2Cb%3Ac%25");
        assert_eq!(super::data("x\n\u{1b}[2J"), "x\\n\\u{1b}[2J");
    }
}
