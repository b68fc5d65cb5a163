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
use crate::text::{escape, escape_source};

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

/// A file as miette shows it: name and text escaped (`text::escape`,
/// `text::escape_source`), with the map that moves byte offsets of the
/// real text onto the shown one. miette prints the snippet lines and the
/// file name as given, so this is where file text enters this renderer.
struct Shown {
    name: String,
    text: String,
    map: Vec<usize>,
}

impl Shown {
    fn new(graph: &Graph, file: usize) -> Shown {
        let f = &graph.files[file];
        let (text, map) = escape_source(&f.text);
        Shown {
            name: escape(&f.path).into_owned(),
            text,
            map,
        }
    }

    fn source(&self) -> NamedSource<String> {
        NamedSource::new(self.name.clone(), self.text.clone())
    }

    /// `s` (offsets into the real text) on the shown text.
    fn span(&self, s: crate::span::Span) -> SourceSpan {
        let last = self.map.len() - 1;
        let start = self.map[s.start.min(last)];
        let end = self.map[s.end.min(last)].max(start);
        SourceSpan::new(start.into(), end - start)
    }
}

/// A message for miette, escaped: it quotes values from files.
fn esc(s: &str) -> String {
    escape(s).into_owned()
}

fn rendered(graph: &Graph, d: &Diagnostic) -> Rendered {
    let shown = Shown::new(graph, d.file);
    let mut labels = vec![LabeledSpan::new_primary_with_span(
        (!d.label.is_empty()).then(|| esc(&d.label)),
        shown.span(d.span),
    )];
    let mut related = Vec::new();
    for l in &d.related {
        if l.file == d.file {
            labels.push(LabeledSpan::new_with_span(
                Some(esc(&l.message)),
                shown.span(l.span),
            ));
        } else {
            let other = Shown::new(graph, l.file);
            related.push(Rendered {
                code: String::new(),
                message: esc(&l.message),
                help: String::new(),
                severity: miette::Severity::Advice,
                source: other.source(),
                labels: vec![LabeledSpan::new_primary_with_span(None, other.span(l.span))],
                related: Vec::new(),
            });
        }
    }
    Rendered {
        code: format!("{}({})", d.code, d.name),
        message: esc(&d.message),
        help: esc(&d.help),
        severity: match d.severity {
            Severity::Error => miette::Severity::Error,
            _ => miette::Severity::Warning,
        },
        source: shown.source(),
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
                escape(&v.path),
                v.line,
                v.column,
                v.code,
                escape(&v.message)
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
