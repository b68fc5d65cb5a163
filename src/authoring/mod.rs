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
use crate::suggest::closest;

/// The one item with `id`, or an error naming the nearest ids.
pub fn find(graph: &Graph, id: &str) -> Result<ItemIx, Fatal> {
    match graph.all_with(id) {
        [ix] => Ok(*ix),
        [] => {
            let help = closest(id, graph.ids()).map_or_else(
                || "check the id; `align status` lists the items".to_string(),
                |s| format!("did you mean `{s}`?"),
            );
            Err(Fatal::usage(format!("no item has the id `{id}`"), help))
        }
        many => {
            let paths: Vec<&str> = many
                .iter()
                .map(|&ix| graph.file_of(ix).path.as_str())
                .collect();
            Err(Fatal::usage(
                format!(
                    "the id `{id}` is used by {} items ({})",
                    many.len(),
                    paths.join(", ")
                ),
                "give each item its own id first (`align lint` reports AL004)",
            ))
        }
    }
}

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
