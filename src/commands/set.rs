//! `align set ID FIELD=VALUE…`: edits front-matter fields in place (SPEC
//! §4). Every assignment is checked before the file is touched.

use crate::Outcome;
use crate::authoring::{self, fields};
use crate::cli::SetArgs;
use crate::commands::Env;
use crate::edit::Value;
use crate::error::Fatal;
use crate::model::{Kind, Status};

pub fn run(env: &Env, args: SetArgs) -> Result<Outcome, Fatal> {
    let format = super::edit_format(env, "set")?;
    let authoring::Editing { graph, ix, mut doc } =
        authoring::edit_item(&env.root, || env.load_graph(), &args.id)?;
    let item = &graph.items[ix];
    let mut checked = Vec::new();
    for a in &args.assignments {
        let (field, raw) = fields::split_assignment(a)?;
        checked.push(fields::check(
            item.kind,
            field,
            raw,
            &env.root.config,
            &graph,
        )?);
    }
    // `status=done` on a task does what `align done` does: a done task
    // without a `done:` date is AL016, so the date comes with it.
    let to_done = checked.iter().any(|a| {
        a.field == "status"
            && a.value.as_ref().is_some_and(|v| {
                env.root.config.status(&v.render(crate::edit::Quote::Plain)) == Some(Status::Done)
            })
    });
    if to_done
        && item.kind == Kind::Task
        && item.done.is_none()
        && !checked.iter().any(|a| a.field == "done")
    {
        checked.push(fields::Assignment {
            field: "done".into(),
            value: Some(Value::plain(env.as_of.to_string())),
        });
    }
    let mut names: Vec<&str> = Vec::new();
    let mut absent: Vec<&str> = Vec::new();
    for a in &checked {
        let before = doc.text().to_string();
        match &a.value {
            Some(v) => doc.set(&a.field, v.clone())?,
            None => doc.remove(&a.field)?,
        }
        if a.value.is_none() && doc.text() == before {
            absent.push(&a.field);
        } else {
            names.push(&a.field);
        }
    }
    doc.commit()?;
    if names.is_empty() {
        let list: Vec<String> = absent.iter().map(|f| format!("`{f}`")).collect();
        env.print(&format!(
            "{}: nothing to remove: {} {} not set in {}\n",
            item.id,
            list.join(", "),
            if list.len() == 1 { "is" } else { "are" },
            graph.file_of(ix).path
        ))?;
        return Ok(Outcome::Success);
    }
    super::report_edit(env, format, item, &graph.file_of(ix).path, &names)
}
