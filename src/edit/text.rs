//! The byte-preserving edits themselves, as pure functions from text to
//! text. Each change is located with the scanner (`parse::scan`), turned
//! into one splice (a byte range and its replacement), and applied; every
//! byte outside that range stays as it was: comments, key order, quoting,
//! indentation, blank lines, CRLF, a BOM and the Markdown body (SPEC §6).

use crate::parse::frontmatter;
use crate::parse::scan::{self, Entry, Node};
use crate::span::Span;

use super::EditError;
use super::value::{Quote, Value, flow_map};

/// Which mapping of a file an edit applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The front-matter of a Markdown file, or a one-item YAML file.
    Whole,
    /// Item `index` of a YAML file that holds a list of items: the
    /// top-level sequence, or (`in_items`) the `items:` sequence.
    Item { in_items: bool, index: usize },
}

/// One change to an item's fields.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Sets a field (`["status"]`) or a nested one (`["metric", "target"]`),
    /// inserting it (and its parents) when missing.
    Set { path: Vec<String>, value: Value },
    /// Removes a field; nothing happens when it is not there.
    Remove { path: Vec<String> },
    /// Appends an entry (a small mapping) to a sequence field such as
    /// `checkins`, in the style of the entries already there.
    Append {
        field: String,
        entry: Vec<(String, Value)>,
    },
}

/// Applies one change to a file's whole text.
pub fn apply(
    text: &str,
    markdown: bool,
    target: Target,
    change: &Change,
) -> Result<String, EditError> {
    let region = region(text, markdown)?;
    let yaml = &text[region.start..region.end];
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let node = scan::scan(yaml);
    let map = locate(yaml, &node, target)?;
    let editor = TextEditor { yaml, eol };
    let (span, replacement) = match change {
        Change::Set { path, value } => editor.set(&map, path, value)?,
        Change::Remove { path } => match editor.remove(&map, path) {
            Some(s) => s,
            None => return Ok(text.to_string()),
        },
        Change::Append { field, entry } => editor.append(&map, field, entry)?,
    };
    let (a, b) = (region.start + span.start, region.start + span.end);
    let mut out = String::with_capacity(text.len() + replacement.len());
    out.push_str(&text[..a]);
    out.push_str(&replacement);
    out.push_str(&text[b..]);
    Ok(out)
}

/// The YAML part of a file: the front-matter, or all of a YAML file after
/// a byte-order mark.
pub fn region(text: &str, markdown: bool) -> Result<Span, EditError> {
    if markdown {
        match frontmatter::split(text) {
            Ok(Some(fm)) => Ok(fm.yaml),
            Ok(None) => Err(EditError::Shape("the file has no front-matter".into())),
            Err(_) => Err(EditError::Shape(
                "the file's front-matter is never closed".into(),
            )),
        }
    } else {
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Ok(Span::new(bom, text.len()))
    }
}

/// A mapping to edit: its entries, their indent, and where a first entry
/// goes when it has none.
struct MapAt<'a> {
    entries: &'a [Entry],
    indent: usize,
    empty_at: usize,
}

impl MapAt<'_> {
    fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key == key)
    }

    /// Where a new entry goes: after the last one.
    fn end(&self) -> usize {
        self.entries.last().map_or(self.empty_at, |e| e.lines.end)
    }
}

fn map_of(node: &Node, empty_at: usize) -> MapAt<'_> {
    let entries = node.entries();
    MapAt {
        entries,
        indent: entries.first().map_or(0, |e| e.indent),
        empty_at,
    }
}

fn locate<'a>(yaml: &str, node: &'a Node, target: Target) -> Result<MapAt<'a>, EditError> {
    match target {
        Target::Whole => match node {
            Node::Map(_) | Node::Scalar => Ok(map_of(node, yaml.len())),
            Node::Seq(_) => Err(EditError::Shape(
                "the file holds a list of items, not one".into(),
            )),
        },
        Target::Item { in_items, index } => {
            let seq = if in_items {
                node.get("items").map(|e| &e.value)
            } else {
                Some(node)
            };
            let item = seq.and_then(|s| s.items().get(index)).ok_or_else(|| {
                EditError::Shape(format!("item {} of the file's list is gone", index + 1))
            })?;
            match &item.value {
                Node::Map(_) => Ok(map_of(&item.value, item.value_span.end)),
                _ => Err(EditError::Shape(format!(
                    "item {} of the file's list is not a mapping",
                    index + 1
                ))),
            }
        }
    }
}

struct TextEditor<'a> {
    yaml: &'a str,
    eol: &'a str,
}

type Splice = (Span, String);

impl TextEditor<'_> {
    fn at(&self, s: Span) -> &str {
        &self.yaml[s.start..s.end]
    }

    /// An insertion at `pos` of whole lines, with a line break first when
    /// `pos` ends a last line that has none.
    fn insert_lines(&self, pos: usize, lines: String) -> Splice {
        let needs_break = pos > 0 && !self.yaml[..pos].ends_with('\n');
        let text = if needs_break {
            format!("{}{lines}", self.eol)
        } else {
            lines
        };
        (Span::new(pos, pos), text)
    }

    /// Lines for `path` (one key or nested keys) holding `value`.
    fn block(&self, path: &[String], value: &Value, indent: usize) -> String {
        let pad = " ".repeat(indent);
        match path {
            [key] => format!("{pad}{key}: {}{}", value.render(Quote::Plain), self.eol),
            [key, rest @ ..] => format!(
                "{pad}{key}:{}{}",
                self.eol,
                self.block(rest, value, indent + 2)
            ),
            [] => String::new(),
        }
    }

    /// Whether an entry's value is a block on the lines below its key.
    fn is_below(&self, e: &Entry) -> bool {
        e.value_span.start > e.key_span.end
            && self.yaml[e.key_span.end..e.value_span.start].contains('\n')
    }

    fn set(&self, map: &MapAt, path: &[String], value: &Value) -> Result<Splice, EditError> {
        let Some((key, rest)) = path.split_first() else {
            return Err(EditError::Shape("no field named".into()));
        };
        let Some(e) = map.get(key) else {
            return Ok(self.insert_lines(map.end(), self.block(path, value, map.indent)));
        };
        if rest.is_empty() {
            return Ok(self.replace_value(e, value));
        }
        match &e.value {
            Node::Map(children) if self.is_below(e) => {
                let child = MapAt {
                    entries: children,
                    indent: children.first().map_or(map.indent + 2, |c| c.indent),
                    empty_at: e.lines.end,
                };
                self.set(&child, rest, value)
            }
            Node::Map(children) if self.at(e.value_span).starts_with('{') => {
                let [child_key] = rest else {
                    return Err(EditError::Shape(format!(
                        "`{key}` is written in flow style; set its fields one level deep"
                    )));
                };
                match children.iter().find(|c| &c.key == child_key) {
                    Some(c) => Ok((c.value_span, value.render_flow())),
                    None => {
                        let pair = format!("{child_key}: {}", value.render_flow());
                        Ok(match children.last() {
                            Some(last) => (
                                Span::new(last.lines.end, last.lines.end),
                                format!(", {pair}"),
                            ),
                            None => (
                                Span::new(e.value_span.start + 1, e.value_span.start + 1),
                                pair,
                            ),
                        })
                    }
                }
            }
            Node::Scalar if e.value_span.is_empty() => {
                Ok(self.insert_lines(e.lines.end, self.block(rest, value, e.indent + 2)))
            }
            _ => Err(EditError::Shape(format!(
                "`{key}` is not a mapping, so `{}` cannot be set inside it",
                path.join(".")
            ))),
        }
    }

    /// Replaces an entry's value, keeping a trailing comment and the old
    /// value's quoting.
    fn replace_value(&self, e: &Entry, value: &Value) -> Splice {
        if e.value_span.is_empty() {
            return (e.value_span, format!(" {}", value.render(Quote::Plain)));
        }
        if self.is_below(e) {
            // A block (or a block scalar) becomes an inline value: from
            // the colon to the block's end.
            let colon = self.yaml[e.key_span.end..]
                .find(':')
                .map_or(e.key_span.end, |p| e.key_span.end + p + 1);
            return (
                Span::new(colon, e.value_span.end),
                format!(" {}", value.render(Quote::Plain)),
            );
        }
        (e.value_span, value.render(Quote::of(self.at(e.value_span))))
    }

    fn remove(&self, map: &MapAt, path: &[String]) -> Option<Splice> {
        let (key, rest) = path.split_first()?;
        let e = map.get(key)?;
        if rest.is_empty() {
            return Some((e.lines, String::new()));
        }
        match &e.value {
            Node::Map(children) if self.is_below(e) => {
                let child = MapAt {
                    entries: children,
                    indent: e.indent + 2,
                    empty_at: e.lines.end,
                };
                self.remove(&child, rest)
            }
            Node::Map(children) if rest.len() == 1 => {
                let i = children.iter().position(|c| c.key == rest[0])?;
                let span = if let Some(next) = children.get(i + 1) {
                    Span::new(children[i].lines.start, next.lines.start)
                } else if i > 0 {
                    Span::new(children[i - 1].lines.end, children[i].lines.end)
                } else {
                    children[i].lines
                };
                Some((span, String::new()))
            }
            _ => None,
        }
    }

    fn append(
        &self,
        map: &MapAt,
        field: &str,
        entry: &[(String, Value)],
    ) -> Result<Splice, EditError> {
        let block_item = |dash: usize, offset: usize| -> String {
            let mut out = String::new();
            for (i, (k, v)) in entry.iter().enumerate() {
                let lead = if i == 0 {
                    format!("{}- ", " ".repeat(dash))
                } else {
                    " ".repeat(dash + offset)
                };
                out.push_str(&format!(
                    "{lead}{k}: {}{}",
                    v.render(Quote::Plain),
                    self.eol
                ));
            }
            out
        };
        let Some(e) = map.get(field) else {
            let lines = format!(
                "{}{field}:{}{}",
                " ".repeat(map.indent),
                self.eol,
                block_item(map.indent + 2, 2)
            );
            return Ok(self.insert_lines(map.end(), lines));
        };
        let written = self.at(e.value_span);
        match &e.value {
            Node::Seq(items) if written.starts_with('[') => Ok(match items.last() {
                Some(last) => (
                    Span::new(last.value_span.end, last.value_span.end),
                    format!(", {}", flow_map(entry)),
                ),
                None => (
                    Span::new(e.value_span.start + 1, e.value_span.start + 1),
                    flow_map(entry),
                ),
            }),
            Node::Seq(items) if !items.is_empty() => {
                let last = &items[items.len() - 1];
                let lines = match &last.value {
                    Node::Map(children) if !self.at(last.value_span).starts_with('{') => {
                        let offset = children
                            .first()
                            .map_or(2, |c| c.indent.saturating_sub(last.indent).max(1));
                        block_item(last.indent, offset)
                    }
                    _ => format!(
                        "{}- {}{}",
                        " ".repeat(last.indent),
                        flow_map(entry),
                        self.eol
                    ),
                };
                Ok(self.insert_lines(last.lines.end, lines))
            }
            Node::Scalar if e.value_span.is_empty() => {
                Ok(self.insert_lines(e.lines.end, block_item(e.indent + 2, 2)))
            }
            _ => Err(EditError::Shape(format!(
                "`{field}` is not a list, so nothing can be appended to it"
            ))),
        }
    }
}
