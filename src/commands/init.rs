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
    let written = scaffold::init(dir, example)?;
    if format == Format::Json {
        let json = serde_json::json!({"root": dir.display().to_string(), "created": written.created, "kept": written.kept});
        env.print(&format!("{json}\n"))?;
        return Ok(Outcome::Success);
    }
    env.print(&render::init::human(dir, &written, example.is_some()))?;
    Ok(Outcome::Success)
}
