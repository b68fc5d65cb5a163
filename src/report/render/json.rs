//! `--format json` for lint: `{"files", "items", "findings": [...]}`, and
//! the one JSON writer every JSON and SARIF output goes through.

use std::io;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

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

/// Pretty JSON with a final newline. Every `--format json`/`sarif`
/// output is written here so that all of them escape control characters
/// the same way (see [`Escaping`]).
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
    write(value, PrettyFormatter::new())
}

/// One-line JSON with a final newline (the edit commands' report).
pub fn compact<T: Serialize + ?Sized>(value: &T) -> String {
    write(value, CompactFormatter)
}

fn write<T: Serialize + ?Sized, F: Formatter>(value: &T, inner: F) -> String {
    let mut buf = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, Escaping(inner));
    if let Err(e) = value.serialize(&mut ser) {
        // Our own types always serialise (string keys, finite numbers);
        // say what happened rather than print half a document.
        return format!("{{\"error\": {:?}}}\n", e.to_string());
    }
    // The serializer writes only UTF-8 (from `&str`s and numbers).
    let mut s = String::from_utf8(buf).unwrap_or_default();
    s.push('\n');
    s
}

/// A JSON formatter that also escapes DEL and the C1 controls
/// (`U+007F`–`U+009F`) as `\u00XX`. serde_json escapes C0 but writes
/// those raw, and `U+009B` alone starts a control sequence on terminals
/// that read C1, so `align … --format json` on a terminal could be driven
/// by a title. The value is unchanged for a JSON reader. Layout is left
/// to the wrapped formatter.
struct Escaping<F>(F);

impl<F: Formatter> Formatter for Escaping<F> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if ('\u{7f}'..='\u{9f}').contains(&c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                write!(writer, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_c0_c1_and_del() {
        let v = serde_json::json!({"t\u{9b}": "a\u{1b}]0;x\u{7}\u{9b}\u{7f}\u{a0}é"});
        let out = super::compact(&v);
        assert_eq!(
            out,
            "{\"t\\u009b\":\"a\\u001b]0;x\\u0007\\u009b\\u007f\u{a0}é\"}\n"
        );
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back, v);
        assert!(super::pretty(&v).starts_with("{\n  \"t\\u009b\": "));
    }
}
