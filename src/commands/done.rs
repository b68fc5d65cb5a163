//! `align done ID`: `status: done`, and for a task `done: <as-of>` (SPEC
//! §4); nothing else in the file changes.

use crate::Outcome;
use crate::authoring;
use crate::cli::IdArg;
use crate::commands::Env;
use crate::edit::Value;
use crate::error::Fatal;
use crate::model::{Kind, Status};

pub fn run(env: &Env, args: IdArg) -> Result<Outcome, Fatal> {
    let format = super::edit_format(env, "done")?;
    let id = args
        .id
        .ok_or_else(|| Fatal::usage("`align done` needs an id", "e.g. `align done T-7kq3`"))?;
    let authoring::Editing { graph, ix, mut doc } =
        authoring::edit_item(&env.root, || env.load_graph(), &id)?;
    let item = &graph.items[ix];
    if item.status == Status::Done && (item.kind != Kind::Task || item.done.is_some()) {
        env.print(&format!("{id} is already done; nothing changed\n"))?;
        return Ok(Outcome::Success);
    }
    doc.set("status", Value::plain("done"))?;
    let mut changed = vec!["status"];
    // Only tasks carry a `done` date (SPEC §2); a goal is just marked done.
    if item.kind == Kind::Task {
        doc.set("done", Value::plain(env.as_of.to_string()))?;
        changed.push("done");
    }
    doc.commit()?;
    super::report_edit(env, format, item, &graph.file_of(ix).path, &changed)
}
