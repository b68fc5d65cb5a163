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
    let is_markdown = crate::text::is_markdown(path);
    let (yaml_span, markdown) = if is_markdown {
        match frontmatter::split(text) {
            Ok(None) => return Parsed::not_item(),
            Ok(Some(fm)) => (fm.yaml, true),
            Err(unclosed) => {
                return Parsed::unreadable(
                    "the front-matter opened here is never closed".into(),
                    "end the front-matter with a line holding only `---`",
                    unclosed.open,
                );
            }
        }
    } else {
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        (Span::new(bom, text.len()), false)
    };
    let yaml_text = &text[yaml_span.start..yaml_span.end];
    let base = yaml_span.start;
    let node = scan::scan(yaml_text);
    let doc = match yaml::parse_doc(yaml_text) {
        Ok(doc) => doc,
        Err(e) => {
            if path_kind.is_none() && !mentions_kind(yaml_text, &node) {
                return Parsed::not_item();
            }
            let at = e.offset.unwrap_or(0).min(yaml_text.len()) + base;
            let help = yaml::hint(&e.message);
            return Parsed::unreadable(
                format!("invalid YAML: {}", e.message),
                help,
                Span::new(at, at),
            );
        }
    };
    let builder = item::Builder {
        settings,
        base,
        file,
        path_kind,
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
            let origin = Origin { file, index: 0 };
            if let Some(item) =
                builder.build(&raw, &node, Some(stem), origin, whole, &mut parsed.problems)
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

/// Whether YAML that failed to parse looks like it meant to be an item.
fn mentions_kind(yaml: &str, node: &Node) -> bool {
    node.get("kind").is_some()
        || yaml.lines().any(|l| {
            let t = l.trim_start().trim_start_matches("- ");
            t.starts_with("kind:") || t.starts_with("kind :")
        })
}

#[cfg(test)]
mod tests;
