//! `align init [--example NAME]`: writes `align.yaml` and the folder
//! skeleton (or an example workspace) in the current folder, never
//! overwriting, and says what it wrote and what to do next.

use crate::Outcome;
use crate::authoring::scaffold;
use crate::cli::{Example, Format, InitArgs};
use crate::commands::Env;
use crate::error::Fatal;

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
        crate::output::print(&format!("{json}\n"))?;
        return Ok(Outcome::Success);
    }
    if env.quiet {
        return Ok(Outcome::Success);
    }
    let mut text = String::new();
    if written.created.is_empty() {
        text.push_str(&format!(
            "Nothing to write: everything is already in {}.\n",
            dir.display()
        ));
    } else {
        text.push_str(&format!(
            "Wrote {} files in {}:\n",
            written.created.len(),
            dir.display()
        ));
        for p in written.created.iter().take(12) {
            text.push_str(&format!("  {p}\n"));
        }
        if written.created.len() > 12 {
            text.push_str(&format!("  … and {} more\n", written.created.len() - 12));
        }
    }
    if !written.kept.is_empty() {
        text.push_str(&format!(
            "Kept {} existing files unchanged: {}\n",
            written.kept.len(),
            written.kept.join(", ")
        ));
    }
    text.push_str(if example.is_some() {
        "\nNext:\n  align status                 the goals and the work that moves them\n  align audit                  untraced work, lagging and starved KRs\n  align next                   what to work on first\n"
    } else {
        "\nNext:\n  align new objective \"Grow the pipeline\" --owner dana\n  align new kr \"Cut cost per lead to 140\" --objective O-1 --owner dana\n  align new task \"Draft the brief\" --kr KR-1\n  align lint                   check that every task traces to a goal\n  align hook install           run the checks before every commit\n"
    });
    crate::output::print(&text)?;
    Ok(Outcome::Success)
}
