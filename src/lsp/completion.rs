//! `textDocument/completion`: ids in link fields, filtered by the kind the
//! field names and shown with their titles (`kr:` offers KRs,
//! `depends_on:` tasks); field names for the item's kind from the schema
//! table; statuses and kinds as values.

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse, Documentation,
};

use super::lookup::{At, item_at};
use super::position::LineMap;
use super::state::State;
use crate::model::schema::{self, FieldType};
use crate::model::{Kind, Status};

pub fn handle(state: &mut State, params: CompletionParams) -> Option<CompletionResponse> {
    let p = params.text_document_position;
    let at = At::new(state, &p.text_document.uri, p.position)?;
    let text = &state.graph.files[at.file].text;
    if !in_yaml(&state.graph.files[at.file].path, text, at.offset) {
        return None;
    }
    let map = LineMap::new(text);
    let (line_start, line) = map.line_at(at.offset);
    let before = &line[..(at.offset - line_start).min(line.len())];
    let item = item_at(state, &at);
    let kind = item
        .map(|ix| state.graph.items[ix].kind)
        .or_else(|| kind_written(text))
        .or_else(|| {
            crate::parse::ParseSettings::new(&state.root.config)
                .kind_for(&state.graph.files[at.file].path)
        });
    let items = match key_of(before).or_else(|| list_key(text, line_start, before)) {
        Some(key) => values(state, key, kind, item),
        None if is_key_position(before) => {
            fields(kind, &written_keys(state, item, text, line_start))
        }
        None => return None,
    };
    Some(CompletionResponse::Array(items))
}

/// The key of a `key: value` line when the cursor is in its value.
fn key_of(before: &str) -> Option<&str> {
    let t = before.trim_start().trim_start_matches("- ");
    let (key, _) = t.split_once(':')?;
    let key = key.trim();
    (!key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')).then_some(key)
}

/// The key of a block list whose `- ` entry the cursor is on: the
/// nearest line above that is not an entry and is not indented deeper.
fn list_key<'t>(text: &'t str, line_start: usize, before: &str) -> Option<&'t str> {
    let entry = before.trim_start();
    if !entry.starts_with('-') || entry.contains(':') {
        return None;
    }
    let indent = before.len() - entry.len();
    for l in text[..line_start].lines().rev() {
        let t = l.trim_start();
        let ind = l.len() - t.len();
        if t.is_empty() || (t.starts_with('-') && ind >= indent) {
            continue;
        }
        if ind > indent {
            return None;
        }
        return t.split_once(':').map(|(k, _)| k.trim());
    }
    None
}

/// Whether the cursor is where a key would be typed: a line holding a
/// word at most.
fn is_key_position(before: &str) -> bool {
    let t = before.trim_start().trim_start_matches("- ");
    t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Whether `offset` is in the YAML of the file: anywhere in a YAML file,
/// inside the front-matter of a Markdown one.
fn in_yaml(path: &str, text: &str, offset: usize) -> bool {
    if !crate::text::is_markdown(path) {
        return true;
    }
    match crate::parse::frontmatter::split(text) {
        Ok(Some(fm)) => fm.yaml.start <= offset && offset <= fm.yaml.end,
        Ok(None) => text.trim().is_empty() || text.starts_with("---"),
        // An unclosed front-matter: everything after the opening line.
        Err(_) => true,
    }
}

/// The kind written in a file that does not parse yet.
fn kind_written(text: &str) -> Option<Kind> {
    text.lines()
        .find_map(|l| l.trim_start().strip_prefix("kind:"))
        .and_then(|k| Kind::parse(k.trim().trim_matches(['"', '\''])))
}

/// The keys the item at the cursor already has: as parsed, or, while
/// the text does not parse (a key half typed is not YAML), as written on
/// the lines of its front-matter at the cursor's indentation.
fn written_keys<'t>(
    state: &'t State,
    item: Option<usize>,
    text: &'t str,
    line_start: usize,
) -> Vec<&'t str> {
    if let Some(ix) = item {
        return state.graph.items[ix].keys.iter().map(|(k, _)| *k).collect();
    }
    let block = match crate::parse::frontmatter::split(text) {
        Ok(Some(fm)) => &text[fm.yaml.start..fm.yaml.end],
        _ => text,
    };
    let indent = |l: &str| l.len() - l.trim_start().len();
    let here = indent(text[line_start..].lines().next().unwrap_or(""));
    block
        .lines()
        .filter(|l| indent(l) == here)
        .filter_map(|l| l.trim_start().split_once(':').map(|(k, _)| k.trim()))
        .collect()
}

/// Completions for the value of `key`.
fn values(
    state: &State,
    key: &str,
    kind: Option<Kind>,
    item: Option<usize>,
) -> Vec<CompletionItem> {
    let g = &state.graph;
    match schema::field_named(key).map(|f| f.ty) {
        Some(FieldType::Link(field)) => {
            let target = field.target_kind();
            let own = item.map(|ix| g.items[ix].id.as_str());
            let mut out: Vec<CompletionItem> = g
                .items
                .iter()
                .filter(|i| i.kind == target && Some(i.id.as_str()) != own)
                .map(|i| CompletionItem {
                    label: i.id.clone(),
                    kind: Some(CompletionItemKind::REFERENCE),
                    detail: i.title.clone(),
                    documentation: Some(Documentation::String(format!(
                        "{} · {}",
                        target.noun(),
                        i.status
                    ))),
                    ..Default::default()
                })
                .collect();
            out.sort_by(|a, b| a.label.cmp(&b.label));
            out.dedup_by(|a, b| a.label == b.label);
            out
        }
        Some(FieldType::Status) => {
            let allowed: &[Status] = match kind {
                Some(k) => Status::allowed_for(k).0,
                None => &Status::ALL,
            };
            allowed
                .iter()
                .map(|s| simple(s.as_str(), CompletionItemKind::ENUM_MEMBER))
                .collect()
        }
        Some(FieldType::Kind) => Kind::ALL
            .iter()
            .map(|k| simple(k.as_str(), CompletionItemKind::ENUM_MEMBER))
            .collect(),
        Some(FieldType::Bool) => ["true", "false"]
            .iter()
            .map(|b| simple(b, CompletionItemKind::VALUE))
            .collect(),
        Some(FieldType::Date) => vec![simple(&state.as_of.to_string(), CompletionItemKind::VALUE)],
        _ => Vec::new(),
    }
}

/// Field names an item of `kind` may carry and does not yet, from the
/// schema table, in its order.
fn fields(kind: Option<Kind>, written: &[&str]) -> Vec<CompletionItem> {
    let table: Vec<&schema::Field> = match kind {
        Some(k) => schema::fields_of(k).collect(),
        None => schema::FIELDS.iter().collect(),
    };
    table
        .into_iter()
        .filter(|f| !written.contains(&f.name))
        .enumerate()
        .map(|(n, f)| CompletionItem {
            label: f.name.to_string(),
            kind: Some(CompletionItemKind::FIELD),
            detail: Some(f.doc.to_string()),
            insert_text: Some(format!("{}: ", f.name)),
            sort_text: Some(format!("{n:02}")),
            ..Default::default()
        })
        .collect()
}

fn simple(label: &str, kind: CompletionItemKind) -> CompletionItem {
    CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_of_value_positions() {
        assert_eq!(key_of("kr: "), Some("kr"));
        assert_eq!(key_of("kr: [KR-1, "), Some("kr"));
        assert_eq!(key_of("  - depends_on: T"), Some("depends_on"));
        assert_eq!(key_of("sta"), None);
        assert!(is_key_position("sta") && is_key_position("") && !is_key_position("kr: "));
    }

    #[test]
    fn block_list_entries_name_their_key() {
        let text = "kind: task\nkr:\n  - KR-1\n  - \n";
        let line_start = text.rfind("  - ").unwrap();
        assert_eq!(list_key(text, line_start, "  - "), Some("kr"));
        assert_eq!(list_key(text, line_start, "  x"), None);
    }
}
