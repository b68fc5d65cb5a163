//! The human format: miette-rendered findings with the source snippet and
//! a label on the offending key, then the summary line.

use std::fmt;

use miette::{
    Diagnostic as MietteDiagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan,
    NamedSource, SourceSpan,
};

use crate::config::Severity;
use crate::graph::Graph;
use crate::output::paint;
use crate::report::{Diagnostic, Summary};

/// One finding in miette's terms.
struct Rendered {
    code: String,
    message: String,
    help: String,
    severity: miette::Severity,
    source: NamedSource<String>,
    labels: Vec<LabeledSpan>,
    related: Vec<Rendered>,
}

impl fmt::Debug for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Rendered {}

impl MietteDiagnostic for Rendered {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        (!self.code.is_empty()).then(|| Box::new(&self.code) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        (!self.help.is_empty()).then(|| Box::new(&self.help) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn MietteDiagnostic> + 'a>> {
        (!self.related.is_empty()).then(|| {
            Box::new(self.related.iter().map(|r| r as &dyn MietteDiagnostic))
                as Box<dyn Iterator<Item = &dyn MietteDiagnostic>>
        })
    }
}

fn source(graph: &Graph, file: usize) -> NamedSource<String> {
    let f = &graph.files[file];
    NamedSource::new(f.path.clone(), f.text.clone())
}

fn span(s: crate::span::Span, len: usize) -> SourceSpan {
    let start = s.start.min(len);
    SourceSpan::new(start.into(), s.end.min(len) - start)
}

fn rendered(graph: &Graph, d: &Diagnostic) -> Rendered {
    let text_len = graph.files[d.file].text.len();
    let mut labels = vec![LabeledSpan::new_primary_with_span(
        (!d.label.is_empty()).then(|| d.label.clone()),
        span(d.span, text_len),
    )];
    let mut related = Vec::new();
    for l in &d.related {
        let len = graph.files[l.file].text.len();
        if l.file == d.file {
            labels.push(LabeledSpan::new_with_span(
                Some(l.message.clone()),
                span(l.span, len),
            ));
        } else {
            related.push(Rendered {
                code: String::new(),
                message: l.message.clone(),
                help: String::new(),
                severity: miette::Severity::Advice,
                source: source(graph, l.file),
                labels: vec![LabeledSpan::new_primary_with_span(None, span(l.span, len))],
                related: Vec::new(),
            });
        }
    }
    Rendered {
        code: format!("{}({})", d.code, d.name),
        message: d.message.clone(),
        help: d.help.clone(),
        severity: match d.severity {
            Severity::Error => miette::Severity::Error,
            _ => miette::Severity::Warning,
        },
        source: source(graph, d.file),
        labels,
        related,
    }
}

/// Renders every finding, then the summary line.
pub fn render(graph: &Graph, findings: &[Diagnostic], summary: &Summary, color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_context_lines(1);
    let mut out = String::new();
    for d in findings {
        // Rendering into a String cannot fail for lack of space; if miette
        // refuses a span, fall back to the short form.
        if handler
            .render_report(&mut out, &rendered(graph, d))
            .is_err()
        {
            let v = super::view(graph, d);
            out.push_str(&format!(
                "{}:{}:{}: {} {}\n",
                v.path, v.line, v.column, v.code, v.message
            ));
        }
        out.push('\n');
    }
    let line = summary.line();
    let line = match (summary.errors, summary.warnings) {
        (0, 0) => paint(color, "32", &line),
        (0, _) => paint(color, "33", &line),
        _ => paint(color, "31", &line),
    };
    out.push_str(&line);
    out.push('\n');
    out
}
