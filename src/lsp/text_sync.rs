//! `textDocument/didOpen`, `didChange`, `didClose`, `didSave`: the
//! document index, and re-linting what each change touches.

use std::collections::HashSet;

use lsp_server::Connection;
use lsp_types::{
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams,
};

use super::diagnostics::publish;
use super::position::LineMap;
use super::state::{Document, State};

pub fn did_open(conn: &Connection, state: &mut State, params: DidOpenTextDocumentParams) {
    let doc = params.text_document;
    let path = state.path_of(&doc.uri);
    state.docs.insert(doc.uri, Document { path: path.clone() });
    if let Some(path) = path {
        let touched = state.update(&path, doc.text);
        publish(conn, state, Some(&touched));
    }
}

pub fn did_change(conn: &Connection, state: &mut State, params: DidChangeTextDocumentParams) {
    let Some(path) = state
        .docs
        .get(&params.text_document.uri)
        .and_then(|d| d.path.clone())
    else {
        return;
    };
    let mut text = state
        .file_index(&path)
        .map(|f| state.graph.files[f].text.clone())
        .unwrap_or_default();
    for change in params.content_changes {
        match change.range {
            // Incremental sync: splice the range.
            Some(range) => {
                let map = LineMap::new(&text);
                let (a, b) = (map.offset(range.start), map.offset(range.end));
                let (a, b) = (a.min(b), a.max(b));
                text.replace_range(a..b, &change.text);
            }
            None => text = change.text,
        }
    }
    let touched = state.update(&path, text);
    publish(conn, state, Some(&touched));
}

/// A closed document goes back to what is on disk.
pub fn did_close(conn: &Connection, state: &mut State, params: DidCloseTextDocumentParams) {
    let Some(doc) = state.docs.remove(&params.text_document.uri) else {
        return;
    };
    let Some(path) = doc.path else { return };
    match std::fs::read_to_string(state.root.dir.join(&path)) {
        Ok(text) => {
            let touched = state.update(&path, text);
            publish(conn, state, Some(&touched));
        }
        // Never saved, or deleted: read the workspace again without it.
        Err(_) => super::watched::rescan(conn, state, false),
    }
}

/// A save may settle findings several links away (a cycle through three
/// files, a depth limit), which the edit-time pass does not follow:
/// lint everything once more.
pub fn did_save(conn: &Connection, state: &mut State, params: DidSaveTextDocumentParams) {
    let config_saved = params
        .text_document
        .uri
        .to_file_path()
        .is_ok_and(|p| p == state.root.dir.join(crate::config::FILE_NAME));
    if config_saved {
        super::watched::rescan(conn, state, true);
    } else {
        publish(conn, state, None::<&HashSet<usize>>);
    }
}
