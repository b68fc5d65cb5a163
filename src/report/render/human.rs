//! The human format: miette-rendered findings with the source snippet and
//! a label on the offending key, then the summary line.
//!
//! Rendering is linear in the findings: each file's text is shared by all
//! its findings (not copied per finding), and miette is handed a source
//! that starts reading a line before the span instead of at byte 0, so
//! 100,000 findings in one file cost 100,000 snippets, not 100,000 scans
//! of the file.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use miette::{
    Diagnostic as MietteDiagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan,
    MietteError, MietteSpanContents, NamedSource, SourceCode, SourceSpan, SpanContents,
};

use crate::config::Severity;
use crate::graph::Graph;
use crate::output::paint;
use crate::report::{Diagnostic, Summary};
use crate::span::LineIndex;
use crate::text::{escape, escape_source};

/// One finding in miette's terms.
struct Rendered {
    code: String,
    message: String,
    help: String,
    severity: miette::Severity,
    source: NamedSource<Windowed>,
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

/// One file's text as shown (escaped: `text::escape_source`, so file
/// text never reaches the terminal raw) and its line starts, shared by
/// every finding in it.
struct FileText {
    text: String,
    /// Byte offsets of the real text onto the shown one.
    map: Vec<usize>,
    lines: LineIndex,
    /// A `\r` not followed by `\n` is a line end to miette but not to
    /// [`LineIndex`]; such a file is read from its start, as miette would.
    lone_cr: bool,
}

/// A file's text as miette reads it, starting from the line before the
/// span's context rather than from byte 0 (miette's own `str` source
/// counts every line up to the span on each call). Line numbers, offsets
/// and context are exactly what miette computes over the whole text.
#[derive(Clone)]
struct Windowed(Arc<FileText>);

impl SourceCode for Windowed {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let f = &*self.0;
        let line = f.lines.line_of(span.offset());
        if let Some(cut) = f.cut(line, span, context_lines_before) {
            return Ok(Box::new(cut));
        }
        // One line more than the context, so miette sees a full line
        // before it, as it would reading from the start.
        let first = line.saturating_sub(context_lines_before + 1);
        let base = f.lines.start_of(first);
        if f.lone_cr || base == 0 || span.offset() < base {
            return f
                .text
                .read_span(span, context_lines_before, context_lines_after);
        }
        let window = &f.text[base..];
        let shifted = SourceSpan::new((span.offset() - base).into(), span.len());
        let c = window.read_span(&shifted, context_lines_before, context_lines_after)?;
        Ok(Box::new(MietteSpanContents::new(
            c.data(),
            SourceSpan::new((c.span().offset() + base).into(), c.span().len()),
            c.line() + first,
            c.column(),
            c.line_count() + first,
        )))
    }
}

/// Lines longer than this are shown cut around the span, alone: a
/// one-line file of 100,000 links would otherwise print the whole line
/// under each of its 100,000 findings.
const LONG_LINE: usize = 400;

/// Bytes of a long line shown on each side of the span.
const CUT_MARGIN: usize = 80;

impl FileText {
    /// The part of a long `line` around `span` (which must end on it),
    /// with no context lines: what miette would show, cut to
    /// [`CUT_MARGIN`] bytes on each side.
    fn cut(&self, line: usize, span: &SourceSpan, before: usize) -> Option<MietteSpanContents<'_>> {
        let start = self.lines.start_of(line);
        let next = self.lines.start_of(line + 1);
        let end = if next > start && line + 1 < self.lines.line_count() {
            next - 1
        } else {
            self.text.len()
        };
        let (from, to) = (span.offset(), span.offset() + span.len());
        if self.lone_cr || end - start <= LONG_LINE || to > end {
            return None;
        }
        let boundary = |mut i: usize, up: bool| {
            while !self.text.is_char_boundary(i) {
                if up { i += 1 } else { i -= 1 }
            }
            i
        };
        let from = if before == 0 {
            from
        } else {
            boundary(from.saturating_sub(CUT_MARGIN).max(start), false)
        };
        let to = boundary((to + CUT_MARGIN).min(end), true);
        let to = if self.text.as_bytes().get(to.wrapping_sub(1)) == Some(&b'\r') {
            to - 1
        } else {
            to
        };
        Some(MietteSpanContents::new(
            &self.text.as_bytes()[from..to.max(from)],
            SourceSpan::new(from.into(), to.max(from) - from),
            line,
            from - start,
            line,
        ))
    }
}

/// The shared texts of the files findings point into, made once each.
#[derive(Default)]
struct Sources(HashMap<usize, Windowed>);

impl Sources {
    fn entry(&mut self, graph: &Graph, file: usize) -> &Windowed {
        self.0.entry(file).or_insert_with(|| {
            let (text, map) = escape_source(&graph.files[file].text);
            let bytes = text.as_bytes();
            let lone_cr = bytes
                .iter()
                .enumerate()
                .any(|(i, &b)| b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            Windowed(Arc::new(FileText {
                lines: LineIndex::new(&text),
                text,
                map,
                lone_cr,
            }))
        })
    }

    /// The file as miette shows it: its name and text escaped.
    fn of(&mut self, graph: &Graph, file: usize) -> NamedSource<Windowed> {
        let w = self.entry(graph, file).clone();
        NamedSource::new(escape(&graph.files[file].path), w)
    }

    /// `s` (offsets into the real text) on the shown text.
    fn span(&mut self, graph: &Graph, file: usize, s: crate::span::Span) -> SourceSpan {
        let map = &self.entry(graph, file).0.map;
        let last = map.len() - 1;
        let start = map[s.start.min(last)];
        let end = map[s.end.min(last)].max(start);
        SourceSpan::new(start.into(), end - start)
    }
}

/// A message for miette, escaped: it quotes values from files.
fn esc(s: &str) -> String {
    escape(s).into_owned()
}

fn rendered(graph: &Graph, sources: &mut Sources, d: &Diagnostic) -> Rendered {
    let mut labels = vec![LabeledSpan::new_primary_with_span(
        (!d.label.is_empty()).then(|| esc(&d.label)),
        sources.span(graph, d.file, d.span),
    )];
    let mut related = Vec::new();
    for l in &d.related {
        if l.file == d.file {
            labels.push(LabeledSpan::new_with_span(
                Some(esc(&l.message)),
                sources.span(graph, l.file, l.span),
            ));
        } else {
            related.push(Rendered {
                code: String::new(),
                message: esc(&l.message),
                help: String::new(),
                severity: miette::Severity::Advice,
                source: sources.of(graph, l.file),
                labels: vec![LabeledSpan::new_primary_with_span(
                    None,
                    sources.span(graph, l.file, l.span),
                )],
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
        source: sources.of(graph, d.file),
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
    let mut sources = Sources::default();
    for d in findings {
        // Rendering into a String cannot fail for lack of space; if miette
        // refuses a span, fall back to the short form.
        if handler
            .render_report(&mut out, &rendered(graph, &mut sources, d))
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
