//! `textDocument/definition`: from an id in a link field to the item it
//! names.

use lsp_types::{GotoDefinitionParams, GotoDefinitionResponse};

use super::lookup::{At, link_at, location};
use super::state::State;

pub fn handle(state: &mut State, params: GotoDefinitionParams) -> Option<GotoDefinitionResponse> {
    let p = params.text_document_position_params;
    let at = At::new(state, &p.text_document.uri, p.position)?;
    let (_, link) = link_at(state, &at)?;
    let targets: Vec<_> = state
        .graph
        .all_with(&link.target)
        .iter()
        .filter_map(|&t| location(state, t))
        .collect();
    match targets.len() {
        0 => None,
        1 => targets
            .into_iter()
            .next()
            .map(GotoDefinitionResponse::Scalar),
        // A duplicated id (AL004): every candidate, for the editor to list.
        _ => Some(GotoDefinitionResponse::Array(targets)),
    }
}
