//! `textDocument/references`: every link into the item under the cursor
//! (the one a link names, or the item whose `id` is under it).

use lsp_types::{Location, ReferenceParams};

use super::lookup::{At, item_at, location, target_at};
use super::position::LineMap;
use super::state::State;

pub fn handle(state: &mut State, params: ReferenceParams) -> Option<Vec<Location>> {
    let p = params.text_document_position;
    let at = At::new(state, &p.text_document.uri, p.position)?;
    let target = target_at(state, &at).or_else(|| item_at(state, &at))?;
    let g = &state.graph;
    let id = &g.items[target].id;
    let mut out = Vec::new();
    if params.context.include_declaration {
        out.extend(location(state, target));
    }
    let mut sources: Vec<usize> = g.incoming[target].iter().map(|(from, _)| *from).collect();
    sources.sort_unstable();
    sources.dedup();
    for from in sources {
        let item = &g.items[from];
        let file = item.origin.file;
        let Some(url) = state.url_of(file) else {
            continue;
        };
        let map = LineMap::new(&g.files[file].text);
        out.extend(
            item.links
                .iter()
                .filter(|l| &l.target == id)
                .map(|l| Location::new(url.clone(), map.range(l.span))),
        );
    }
    Some(out)
}
