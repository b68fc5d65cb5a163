//! `align init [--example NAME]`: writes `align.yaml` and the folder
//! skeleton (or an example workspace) in the current folder, never
//! overwriting, and says what it wrote and what to do next.

use crate::Outcome;
use crate::authoring::scaffold;
use crate::cli::{Example, Format, InitArgs};
use crate::commands::Env;
use crate::error::Fatal;
use crate::report::render;

pub fn run(env: &Env, args: InitArgs) -> Result<Outcome, Fatal> {
    let dir = &env.cwd;
    if let Some(config) = &env.root.config_path
        && config.parent() != Some(dir.as_path())
    {
        return Err(Fatal::usage(
            format!(
                "`{}` already makes `{}` the workspace root",
                config.display(),
                env.root.dir.display()
            ),
            "run `align init` in that folder, or pass `-C DIR` for a folder outside it",
        ));
    }
    let example = args.example.map(|e| match e {
        Example::Marketing => "marketing",
        Example::Product => "product",
    });
    let format = env.format("init", &[Format::Human, Format::Json])?;
    if let Some(name) = example {
        refuse_over_items(env, name)?;
    }
    let written = scaffold::init(dir, example, scaffold::quarters_to(env.as_of))?;
    if format == Format::Json {
        let json = serde_json::json!({"root": dir.display().to_string(), "created": written.created, "kept": written.kept});
        env.print(&format!("{json}\n"))?;
        return Ok(Outcome::Success);
    }
    // The hints work as printed: with today's date they need no --as-of;
    // an example written for another day says which.
    let as_of = (env.as_of != jiff::Zoned::now().date()).then_some(env.as_of);
    env.print(&render::init::human(
        dir,
        &written,
        example.is_some(),
        as_of,
    ))?;
    Ok(Outcome::Success)
}

/// An example merged into a workspace that already holds items mixes two
/// teams' goals (and their findings) into one: refuse, naming an item.
fn refuse_over_items(env: &Env, name: &str) -> Result<(), Fatal> {
    // Read without the "nothing was read" warning: an empty folder is
    // exactly where an example goes.
    let graph = crate::load::graph(&env.root)?;
    let here = env.cwd.strip_prefix(&env.root.dir).unwrap_or(&env.cwd);
    let inside = graph.items.iter().find(|item| {
        let path = &graph.files[item.origin.file].path;
        here.as_os_str().is_empty() || std::path::Path::new(path).starts_with(here)
    });
    match inside {
        None => Ok(()),
        Some(item) => Err(Fatal::usage(
            format!(
                "`{}` already holds items (`{}` in `{}`, among {}); an example would mix into them",
                env.cwd.display(),
                item.id,
                graph.files[item.origin.file].path,
                graph.items.len()
            ),
            format!(
                "run `align init --example {name}` in an empty folder, e.g. `mkdir try && cd try`"
            ),
        )),
    }
}
