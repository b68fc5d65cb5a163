//! `workspace/didChangeWatchedFiles`: files changed on disk by git or
//! another editor. The workspace is read again (open documents keep their
//! unsaved text), and `align.yaml` too when it is among them.

use std::collections::HashMap;

use lsp_server::Connection;
use lsp_types::DidChangeWatchedFilesParams;

use super::diagnostics::publish;
use super::state::State;

pub fn did_change_watched_files(
    conn: &Connection,
    state: &mut State,
    params: DidChangeWatchedFilesParams,
) {
    let config = state.root.dir.join(crate::config::FILE_NAME);
    let config_changed = params
        .changes
        .iter()
        .any(|c| c.uri.to_file_path().is_ok_and(|p| p == config));
    rescan(conn, state, config_changed);
}

/// Reads the workspace again, with the config when `config` is set, and
/// publishes every file's findings.
pub fn rescan(conn: &Connection, state: &mut State, config: bool) {
    if config {
        let (mut root, problem) = super::load_root(&state.root.dir);
        root.no_ignore = state.root.no_ignore;
        if let Some(message) = problem {
            super::show_error(conn, &message);
        }
        state.root = root;
    }
    let open: HashMap<String, String> = state
        .docs
        .values()
        .filter_map(|d| d.path.clone())
        .filter_map(|p| {
            let text = state.graph.files.get(state.file_index(&p)?)?.text.clone();
            Some((p, text))
        })
        .collect();
    state.reload(&open);
    publish(conn, state, None);
}
