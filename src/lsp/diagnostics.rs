//! `textDocument/publishDiagnostics`: lint findings, as `align lint`
//! finds them, turned into LSP diagnostics and sent per file.

use std::collections::{BTreeMap, HashSet};

use lsp_server::{Connection, Message, Notification};
use lsp_types::notification::{Notification as _, PublishDiagnostics};
use lsp_types::{
    DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    PublishDiagnosticsParams,
};

use super::position::LineMap;
use super::state::State;
use crate::config::Severity;
use crate::report::Diagnostic;

/// The name clients show as the diagnostics' source.
pub const SOURCE: &str = "align";

/// Lints `files` (every file when `None`) and publishes the findings of
/// each; a file whose findings are all gone gets an empty list, so the
/// editor clears it.
pub fn publish(conn: &Connection, state: &mut State, files: Option<&HashSet<usize>>) {
    let findings = state.lint(files);
    let mut by_file: BTreeMap<usize, Vec<&Diagnostic>> = BTreeMap::new();
    for d in &findings {
        by_file.entry(d.file).or_default().push(d);
    }
    let mut send: Vec<usize> = by_file.keys().copied().collect();
    let cleared: Vec<usize> = state
        .published
        .iter()
        .copied()
        .filter(|f| !by_file.contains_key(f) && files.is_none_or(|s| s.contains(f)))
        .collect();
    send.extend(&cleared);
    if let Some(files) = files {
        // Open documents in the set get a list even when it was already
        // empty: the editor may have opened them after the last one.
        send.extend(files.iter().filter(|f| !by_file.contains_key(f) && !cleared.contains(f)));
    }
    for file in send {
        let Some(uri) = state.url_of(file) else { continue };
        let list = by_file.get(&file).map_or(&[][..], Vec::as_slice);
        let diagnostics = list.iter().map(|d| to_lsp(state, d)).collect();
        if list.is_empty() {
            state.published.remove(&file);
        } else {
            state.published.insert(file);
        }
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version: None,
        };
        let note = Notification::new(PublishDiagnostics::METHOD.to_string(), params);
        // A closed connection ends the main loop on its next receive.
        let _ = conn.sender.send(Message::Notification(note));
    }
}

/// One finding as an LSP diagnostic: the rule code as the code, the help
/// under the message (as `align lint` prints it), related spans as
/// related information.
pub fn to_lsp(state: &State, d: &Diagnostic) -> lsp_types::Diagnostic {
    let g = &state.graph;
    let range = LineMap::new(&g.files[d.file].text).range(d.span);
    let related: Vec<DiagnosticRelatedInformation> = d
        .related
        .iter()
        .filter_map(|l| {
            let file = g.files.get(l.file)?;
            Some(DiagnosticRelatedInformation {
                location: Location::new(state.url_of(l.file)?, LineMap::new(&file.text).range(l.span)),
                message: l.message.clone(),
            })
        })
        .collect();
    let message = if d.help.is_empty() {
        d.message.clone()
    } else {
        format!("{}\nhelp: {}", d.message, d.help)
    };
    lsp_types::Diagnostic {
        range,
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            _ => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.to_string())),
        source: Some(SOURCE.to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}
