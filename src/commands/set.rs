//! `align set ID FIELD=VALUE…`: edits front-matter fields in place (SPEC
//! §4). Every assignment is checked before the file is touched.

use crate::Outcome;
use crate::authoring::{self, fields};
use crate::cli::SetArgs;
use crate::commands::Env;
use crate::error::Fatal;

pub fn run(env: &Env, args: SetArgs) -> Result<Outcome, Fatal> {
    let format = super::edit_format(env, "set")?;
    let graph = env.load_graph()?;
    let ix = graph.find(&args.id)?;
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
    let mut doc = authoring::open_item(&env.root, &graph, ix)?;
    for a in &checked {
        match &a.value {
            Some(v) => doc.set(&a.field, v.clone())?,
            None => doc.remove(&a.field)?,
        }
    }
    doc.commit()?;
    let names: Vec<&str> = checked.iter().map(|a| a.field.as_str()).collect();
    super::report_edit(env, format, item, &graph.file_of(ix).path, &names)
}
