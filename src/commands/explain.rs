//! `align explain [CODE|NAME]`: what a rule checks, why, and how to fix it.

use crate::Outcome;
use crate::cli::{ExplainArgs, Format, Global};
use crate::commands::pick_format;
use crate::error::Fatal;
use crate::report::render;
use crate::rules::{self, REGISTRY};
use crate::suggest::closest;

/// Needs no workspace, so a broken `align.yaml` never stops it.
pub fn run(global: &Global, args: &ExplainArgs) -> Result<Outcome, Fatal> {
    let format = pick_format(
        global.format,
        "explain",
        &[Format::Human, Format::Json, Format::Markdown],
    )?;
    let chosen = match &args.rule {
        None => rules::docs(),
        Some(q) => match rules::find(q) {
            Some(r) => vec![r.doc()],
            None => {
                let all = REGISTRY.iter().flat_map(|r| [r.code, r.name]);
                // A word of a rule's name (`unlinked`, `cycle`) finds it too,
                // beyond the typos `closest` catches.
                let word = q.to_ascii_lowercase();
                let part = REGISTRY
                    .iter()
                    .find(|r| word.len() >= 3 && r.name.split('-').any(|w| w.starts_with(&word)))
                    .map(|r| r.name);
                let help = closest(q, all).or(part).map_or_else(
                    || "run `align explain` to list every rule".to_string(),
                    |s| format!("did you mean `{s}`? `align explain` lists every rule"),
                );
                return Err(Fatal::usage(format!("there is no rule `{q}`"), help));
            }
        },
    };
    if global.quiet {
        return Ok(Outcome::Success);
    }
    crate::output::print(
        &render::explain::render(format, &chosen, args.rule.is_some(), crate::output::width()),
        false,
    )?;
    Ok(Outcome::Success)
}
