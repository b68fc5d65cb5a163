//! `align config`: the effective configuration, defaults filled in.

use crate::Outcome;
use crate::cli::Format;
use crate::commands::Env;
use crate::error::Fatal;

pub fn run(env: &Env) -> Result<Outcome, Fatal> {
    let format = env.format("config", &[Format::Human, Format::Json])?;
    let text = match format {
        Format::Json => crate::report::render::json::pretty(&env.root.config),
        _ => {
            let source = match &env.root.config_path {
                Some(p) => format!(
                    "# effective config: {} with defaults filled in\n",
                    p.display()
                ),
                None => format!(
                    "# no align.yaml found; the defaults (root: {})\n",
                    env.root.dir.display()
                ),
            };
            format!("{source}{}", crate::yaml::to_string(&env.root.config))
        }
    };
    env.print(&text)?;
    Ok(Outcome::Success)
}
