//! `textDocument/publishDiagnostics`: lint findings, as `align lint`
//! finds them, turned into LSP diagnostics and sent per file.

use std::collections::{BTreeMap, HashSet};

use lsp_server::{Connection, Message, Notification};
use lsp_types::notification::{Notification as _, PublishDiagnostics};
use lsp_types::{
    DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    PublishDiagnosticsParams, Url,
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
    let mut lists: BTreeMap<Url, Vec<lsp_types::Diagnostic>> = BTreeMap::new();
    // The files in scope get a list even when it is empty: that clears
    // what the editor showed for them.
    if let Some(files) = files {
        for &f in files {
            lists.extend(state.url_of(f).map(|u| (u, Vec::new())));
        }
    }
    for d in &findings {
        if let Some(url) = state.url_of(d.file) {
            lists.entry(url).or_default().push(to_lsp(state, d));
        }
    }
    if files.is_none() {
        // Everything was linted: a file published before and clean (or
        // gone) now is cleared.
        for url in &state.published {
            lists.entry(url.clone()).or_default();
        }
    }
    for (uri, diagnostics) in lists {
        if diagnostics.is_empty() {
            state.published.remove(&uri);
        } else {
            state.published.insert(uri.clone());
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
                location: Location::new(
                    state.url_of(l.file)?,
                    LineMap::new(&file.text).range(l.span),
                ),
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
