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

/// An item's file, locked and read for editing, and the workspace as it
/// was when the lock was taken.
pub struct Editing {
    pub graph: Graph,
    pub ix: ItemIx,
    pub doc: crate::edit::Document,
}

/// Loads the workspace with `load`, finds `id` and locks its file for
/// editing. The values a command checks come from the graph, so the file
/// must still say what the graph was built from (a Markdown body may have
/// grown: see [`crate::edit::Document::reads_like`]): when another `align`
/// changed it while this one waited for the lock, the workspace is loaded
/// again *under the lock*, so both edits land, one after the other (SPEC
/// §6). Only a file that keeps changing under other programs is refused.
pub fn edit_item(
    root: &crate::config::Root,
    load: impl Fn() -> Result<Graph, Fatal>,
    id: &str,
) -> Result<Editing, Fatal> {
    let mut graph = load()?;
    let mut last = None;
    for _ in 0..4 {
        let ix = graph.find(id)?;
        let rel = graph.file_of(ix).path.clone();
        let path = root.dir.join(&rel);
        let mut doc = crate::edit::Document::for_item(&path, &graph.items[ix])?;
        if doc.reads_like(&graph.file_of(ix).text) {
            return Ok(Editing { graph, ix, doc });
        }
        let again = load()?;
        let now = again.find(id)?;
        if again.file_of(now).path == rel && doc.reads_like(&again.file_of(now).text) {
            doc.retarget(&again.items[now]);
            return Ok(Editing {
                graph: again,
                ix: now,
                doc,
            });
        }
        // The item moved to another file, or a program other than align
        // is changing this one: release the lock and start over.
        last = Some(path);
        graph = again;
    }
    Err(crate::edit::EditError::Changed {
        path: last.unwrap_or_default(),
        what: "it kept changing while align read the workspace".into(),
    }
    .into())
}
