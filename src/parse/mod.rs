//! Reads one file's text into items (SPEC §1, §2): Markdown front-matter or
//! YAML (one item, a list of items, or an `items:` list). serde_yaml gives
//! the values (`yaml`), the scanner gives where they were written (`scan`),
//! and this module joins them into `Item`s whose every field knows its span.
//! Problems become data on the item or the file; nothing here panics or
//! stops other files from being read.

pub mod frontmatter;
pub mod scan;

mod item;

use globset::{Glob, GlobMatcher};

use crate::config::Config;
use crate::model::{Item, Kind, Origin};
use crate::span::Span;
use crate::yaml::{self, Listed, Mapped, RawDoc};
use scan::Node;

pub use item::valid_id;

/// Settings the parser needs from the config, compiled once.
pub struct ParseSettings<'a> {
    pub config: &'a Config,
    kind_by_path: Vec<(GlobMatcher, Kind, usize)>,
}

impl<'a> ParseSettings<'a> {
    /// Compiles `kind_by_path` (globs were validated with the config).
    pub fn new(config: &'a Config) -> ParseSettings<'a> {
        let kind_by_path = config
            .kind_by_path
            .iter()
            .filter_map(|(g, k)| Some((Glob::new(g).ok()?.compile_matcher(), *k, g.len())))
            .collect();
        ParseSettings {
            config,
            kind_by_path,
        }
    }

    /// The kind `kind_by_path` gives to `path` (the most specific glob wins).
    pub fn kind_for(&self, path: &str) -> Option<Kind> {
        self.kind_by_path
            .iter()
            .filter(|(m, _, _)| m.is_match(path))
            .max_by_key(|(_, _, len)| *len)
            .map(|(_, k, _)| *k)
    }
}

/// What is wrong with a file as a whole; each rule that reports file
/// problems picks its own kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblemKind {
    /// The file should be an item file but cannot be read (AL014).
    Unreadable,
    /// A `kind` that is not one of align's kinds (AL008).
    InvalidKind,
    /// An item of a multi-item file without an `id` (AL015).
    MissingId,
}

/// A problem with a file as a whole (rather than one field of an item).
#[derive(Debug, Clone, PartialEq)]
pub struct FileProblem {
    pub kind: FileProblemKind,
    pub message: String,
    pub help: String,
    pub span: Span,
}

/// What reading one file found.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub items: Vec<Item>,
    pub problems: Vec<FileProblem>,
    /// Whether the file is (or was meant to be) an item file. Files that are
    /// not are counted as skipped in the summary.
    pub is_item_file: bool,
}

impl Parsed {
    fn not_item() -> Parsed {
        Parsed::default()
    }

    /// A file that should be an item file but cannot be read (AL014).
    pub fn unreadable(message: String, help: impl Into<String>, span: Span) -> Parsed {
        Parsed {
            items: Vec::new(),
            problems: vec![FileProblem {
                kind: FileProblemKind::Unreadable,
                message,
                help: help.into(),
                span,
            }],
            is_item_file: true,
        }
    }
}

/// Reads the items of one file. `path` is relative to the root with `/`
/// separators; `file` is its index in the workspace's file list.
pub fn parse_file(path: &str, text: &str, file: usize, settings: &ParseSettings) -> Parsed {
    let stem = path
        .rsplit('/')
        .next()
        .unwrap_or(path)
        .rsplit_once('.')
        .map_or(path, |(s, _)| s);
    let path_kind = settings.kind_for(path);
    let builder = item::Builder {
        settings,
        base: 0,
        file,
        path_kind,
    };
    if crate::text::is_markdown(path) {
        // Markdown (and MDX): the front-matter only; the body, code
        // blocks and all, is never read as YAML.
        return match frontmatter::split(text) {
            Ok(None) => Parsed::not_item(),
            Ok(Some(fm)) => parse_document(&builder, text, fm.yaml, Some(stem), true),
            Err(unclosed) => Parsed::unreadable(
                "the front-matter opened here is never closed".into(),
                "end the front-matter with a line holding only `---`",
                unclosed.open,
            ),
        };
    }
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let docs = yaml::documents(&text[bom..]);
    // One document's item may take its id from the file name; in a stream
    // of several, each needs its own (the stem would be shared).
    let default_id = (docs.len() == 1).then_some(stem);
    let mut parsed = Parsed::default();
    let mut index = 0;
    for (start, end) in docs {
        let span = Span::new(bom + start, bom + end);
        let mut doc = parse_document(&builder, text, span, default_id, false);
        // Items are numbered across the file, so every item of a
        // multi-document file has its own place.
        let count = doc
            .items
            .iter()
            .map(|i| i.origin.index + 1)
            .max()
            .unwrap_or(0);
        for item in &mut doc.items {
            item.origin.index += index;
        }
        index += count;
        parsed.items.append(&mut doc.items);
        parsed.problems.append(&mut doc.problems);
    }
    parsed.is_item_file = !parsed.items.is_empty() || !parsed.problems.is_empty();
    parsed
}

/// Reads the items of one YAML document: the front-matter of a Markdown
/// file (`markdown`), or one document of a YAML file, at `span` of `text`.
fn parse_document(
    builder: &item::Builder,
    text: &str,
    span: Span,
    default_id: Option<&str>,
    markdown: bool,
) -> Parsed {
    let yaml_text = &text[span.start..span.end];
    let base = span.start;
    let builder = item::Builder { base, ..*builder };
    let path_kind = builder.path_kind;
    let node = scan::scan(yaml_text);
    let doc = match yaml::parse_doc(yaml_text) {
        Ok(doc) => doc,
        Err(e) => {
            if path_kind.is_none() && !mentions_kind(yaml_text) {
                return Parsed::not_item();
            }
            let at = e.offset.unwrap_or(0).min(yaml_text.len()) + base;
            let help = yaml::hint(&e.message);
            let message = if e.message.starts_with("alias bomb") {
                e.message
            } else {
                format!("invalid YAML: {}", e.message)
            };
            return Parsed::unreadable(message, help, Span::new(at, at));
        }
    };
    let whole = Span::new(base, base + yaml_text.len());
    let mut parsed = Parsed::default();
    match doc {
        RawDoc::Nothing => return Parsed::not_item(),
        RawDoc::One(raw) if raw.kind.is_none() && path_kind.is_none() && !markdown => {
            if let Some(Listed::List(list)) = &raw.items {
                let nodes = node
                    .get("items")
                    .map(|e| e.value.items())
                    .unwrap_or_default();
                many(&builder, list, nodes, whole, &mut parsed);
            } else {
                return Parsed::not_item();
            }
        }
        RawDoc::One(raw) => {
            let origin = Origin {
                file: builder.file,
                index: 0,
            };
            if let Some(item) =
                builder.build(&raw, &node, default_id, origin, whole, &mut parsed.problems)
            {
                // `vec![]` sizes the list exactly: a pushed first element
                // would reserve room for four items in every file.
                parsed.items = vec![item];
            }
        }
        RawDoc::Many(list) if !markdown => many(&builder, &list, node.items(), whole, &mut parsed),
        RawDoc::Many(_) => return Parsed::not_item(),
    }
    parsed.is_item_file = !parsed.items.is_empty() || !parsed.problems.is_empty();
    parsed
}

/// Items of a list (a top-level sequence or `items:`), each a mapping.
fn many<I>(
    builder: &item::Builder,
    list: &[Mapped<yaml::RawItemOf<I>>],
    nodes: &[scan::SeqItem],
    whole: Span,
    parsed: &mut Parsed,
) {
    let empty = Node::Scalar;
    parsed.items.reserve_exact(list.len());
    for (index, entry) in list.iter().enumerate() {
        let seq = nodes.get(index);
        let node = seq.map_or(&empty, |s| &s.value);
        let span = seq.map_or(whole, |s| s.value_span.shift(builder.base));
        let Mapped::Map(raw) = entry else { continue };
        let origin = Origin {
            file: builder.file,
            index,
        };
        if let Some(item) = builder.build(raw, node, None, origin, span, &mut parsed.problems) {
            parsed.items.push(item);
        }
    }
}

/// Whether YAML that failed to parse looks like it meant to be an item:
/// it has a `kind:` whose value is one of align's kinds or near one (a
/// broken Kubernetes manifest, `kind: Pod`, is not align's to report).
fn mentions_kind(yaml: &str) -> bool {
    yaml.lines().any(|l| {
        let t = l.trim_start().trim_start_matches("- ");
        let value = t.strip_prefix("kind:").or_else(|| t.strip_prefix("kind :"));
        value.is_some_and(|v| {
            let v = v.split(" #").next().unwrap_or(v).trim();
            let v = v.trim_matches(|c| c == '"' || c == '\'');
            v.is_empty() || Kind::parse(v).is_some() || item::near_kind(v).is_some()
        })
    })
}

#[cfg(test)]
mod tests;
