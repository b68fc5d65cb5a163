//! `textDocument/codeAction`: fixes for findings where the fix is
//! unambiguous: a done task without a date gets today's (as-of) `done:`,
//! a dangling id is replaced by an existing id the finding suggests, and
//! a value YAML cannot read unquoted is quoted.

use std::collections::{HashMap, HashSet};

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse,
    TextEdit, Url, WorkspaceEdit,
};

use super::lookup::{At, link_at};
use super::position::LineMap;
use super::state::State;
use crate::model::{Kind, Status};
use crate::report::Diagnostic;
use crate::span::Span;

pub fn handle(state: &mut State, params: CodeActionParams) -> Option<CodeActionResponse> {
    let uri = params.text_document.uri;
    let at = At::new(state, &uri, params.range.start)?;
    let text = &state.graph.files[at.file].text;
    let map = LineMap::new(text);
    let (start, end) = (at.offset, map.offset(params.range.end));
    let findings = state.lint(Some(&HashSet::from([at.file])));
    let mut out = Vec::new();
    for d in findings
        .iter()
        .filter(|d| d.span.start <= end && start <= d.span.end)
    {
        let fixes = match d.code {
            "AL016" => add_done_date(state, at.file, d),
            "AL002" => replace_dangling(state, at.file, d),
            "AL014" => quote_value(text, d.span.start),
            _ => Vec::new(),
        };
        let preferred = fixes.len() == 1;
        for (title, span, new_text) in fixes {
            let lsp_diag = super::diagnostics::to_lsp(state, d);
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp_diag]),
                edit: Some(edit(&uri, map.range(span), new_text)),
                is_preferred: Some(preferred),
                ..Default::default()
            }));
        }
    }
    Some(out)
}

/// A fix: its title, the span it replaces and the text it writes.
type Fix = (String, Span, String);

fn edit(uri: &Url, range: lsp_types::Range, new_text: String) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(
            uri.clone(),
            vec![TextEdit { range, new_text }],
        )])),
        ..Default::default()
    }
}

/// AL016: `done: <as-of>` on the line after `status: done`, indented as
/// that line's key is.
fn add_done_date(state: &State, file: usize, d: &Diagnostic) -> Vec<Fix> {
    let text = &state.graph.files[file].text;
    let Some((_, item)) = state.items_in(file).find(|(_, i)| {
        i.kind == Kind::Task
            && i.status == Status::Done
            && i.span.start <= d.span.start
            && d.span.start <= i.span.end
    }) else {
        return Vec::new();
    };
    let anchor = item.status_span.unwrap_or(d.span).start;
    let (line_start, line) = LineMap::new(text).line_at(anchor);
    let key = line.trim_start().trim_start_matches("- ");
    let indent = line.len() - key.len();
    let at = line_start + line.len();
    let date = state.as_of;
    vec![(
        format!("Add `done: {date}`"),
        Span::new(at, at),
        format!("\n{}done: {date}", " ".repeat(indent)),
    )]
}

/// AL002: the dangling id replaced by each nearest id of the kind its
/// field names (the ids the finding suggests); one is the preferred fix.
fn replace_dangling(state: &State, file: usize, d: &Diagnostic) -> Vec<Fix> {
    let at = At {
        file,
        offset: d.span.start,
    };
    let Some((_, link)) = link_at(state, &at) else {
        return Vec::new();
    };
    let g = &state.graph;
    let kind = link.field.target_kind();
    let candidates = g
        .ids()
        .filter(|id| g.get(id).is_some_and(|t| g.items[t].kind == kind));
    crate::suggest::nearest(&link.target, candidates, 3)
        .into_iter()
        .map(|id| {
            (
                format!("Replace `{}` by `{id}`", link.target),
                link.span,
                id.to_string(),
            )
        })
        .collect()
}

/// AL014: a `key: value` line whose value YAML cannot read unquoted
/// (`: ` inside it, or a leading `@`, `` ` `` or `%`) gets the value in
/// double quotes.
fn quote_value(text: &str, offset: usize) -> Vec<Fix> {
    let (line_start, line) = LineMap::new(text).line_at(offset);
    let body = line.trim_start().trim_start_matches("- ");
    let Some((key, rest)) = body.split_once(':') else {
        return Vec::new();
    };
    let value = rest.trim();
    let needs = value.contains(": ") || value.starts_with(['@', '`', '%']);
    if key.trim().is_empty() || value.is_empty() || !needs || value.starts_with(['"', '\'']) {
        return Vec::new();
    }
    let value_start =
        line_start + (line.len() - rest.len()) + (rest.len() - rest.trim_start().len());
    let span = Span::new(value_start, value_start + value.len());
    let quoted = format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""));
    vec![(format!("Quote the value of `{}`", key.trim()), span, quoted)]
}

#[cfg(test)]
mod tests {
    use super::quote_value;

    #[test]
    fn quotes_values_yaml_cannot_read() {
        let text = "---\nkind: task\ntitle: Launch: phase \"2\"\n---\n";
        let fixes = quote_value(text, text.find("phase").unwrap());
        let (title, span, new) = &fixes[0];
        assert_eq!(title, "Quote the value of `title`");
        assert_eq!(&text[span.start..span.end], "Launch: phase \"2\"");
        assert_eq!(new, r#""Launch: phase \"2\"""#);
        assert!(quote_value("title: \"a: b\"\n", 3).is_empty());
        assert!(quote_value("title: plain\n", 3).is_empty());
        assert_eq!(quote_value("owner: @sam\n", 0)[0].2, "\"@sam\"");
    }
}
