//! Authoring: what `align new`, `set`, `checkin`, `done` and `init` need
//! beyond the byte-level editor (`edit`): checking values against the
//! schema (`fields`), minting ids (`ids`), planning and writing new items
//! (`create`), and the skeleton and example workspaces (`scaffold`).

pub mod create;
mod examples;
pub mod fields;
pub mod ids;
pub mod scaffold;

use crate::error::Fatal;
use crate::graph::{Graph, ItemIx};

/// Opens the file of item `ix` for editing that item. The file must still
/// hold what the graph was built from: the values were checked against
/// that, so a file changed in between is refused like one changed before
/// the write (SPEC §6).
pub fn open_item(
    root: &crate::config::Root,
    graph: &Graph,
    ix: ItemIx,
) -> Result<crate::edit::Document, Fatal> {
    let file = graph.file_of(ix);
    let path = root.dir.join(&file.path);
    let doc = crate::edit::Document::for_item(&path, &graph.items[ix])?;
    if doc.original() != file.text {
        return Err(crate::edit::EditError::Changed { path }.into());
    }
    Ok(doc)
}
