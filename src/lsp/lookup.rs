//! What stands at a position: the link, the item, the id. Every request
//! about "the thing under the cursor" asks here, so they agree.

use lsp_types::{Location, Position, Url};

use super::position::LineMap;
use super::state::State;
use crate::graph::ItemIx;
use crate::model::Link;

/// A document position resolved to a workspace file and byte offset.
pub struct At {
    pub file: usize,
    pub offset: usize,
}

impl At {
    /// Resolves `pos` in the document `url`; `None` outside the workspace.
    pub fn new(state: &State, url: &Url, pos: Position) -> Option<At> {
        let path = state
            .docs
            .get(url)
            .and_then(|d| d.path.clone())
            .or_else(|| state.path_of(url))?;
        let file = state.file_index(&path)?;
        let offset = LineMap::new(&state.graph.files[file].text).offset(pos);
        Some(At { file, offset })
    }
}

/// The link whose id spans `at` (its end included, where the cursor sits
/// after typing), with the item that holds it.
pub fn link_at<'a>(state: &'a State, at: &At) -> Option<(ItemIx, &'a Link)> {
    state.items_in(at.file).find_map(|(ix, item)| {
        item.links
            .iter()
            .find(|l| l.span.start <= at.offset && at.offset <= l.span.end)
            .map(|l| (ix, l))
    })
}

/// The innermost item whose text holds `at`.
pub fn item_at(state: &State, at: &At) -> Option<ItemIx> {
    state
        .items_in(at.file)
        .filter(|(_, i)| i.span.start <= at.offset && at.offset <= i.span.end)
        .min_by_key(|(_, i)| i.span.len())
        .map(|(ix, _)| ix)
}

/// The item an id under the cursor names: a link's target, or the item
/// whose own `id` value is under the cursor.
pub fn target_at(state: &State, at: &At) -> Option<ItemIx> {
    if let Some((_, link)) = link_at(state, at) {
        return state.graph.get(&link.target);
    }
    state
        .items_in(at.file)
        .find(|(_, i)| {
            !i.id_span.is_empty() && i.id_span.start <= at.offset && at.offset <= i.id_span.end
        })
        .map(|(ix, _)| ix)
}

/// Where an item is: its file, at the span findings about the item use
/// (its `id`, `kind` or `title` key).
pub fn location(state: &State, ix: ItemIx) -> Option<Location> {
    let item = &state.graph.items[ix];
    let file = item.origin.file;
    let span = crate::rules::item_anchor(&state.graph, ix);
    let range = LineMap::new(&state.graph.files[file].text).range(span);
    Some(Location::new(state.url_of(file)?, range))
}
