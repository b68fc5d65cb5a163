//! `align lsp`: runs the language server (SPEC §11) on stdin/stdout.

use crate::Outcome;
use crate::cli::Global;
use crate::error::Fatal;
use crate::model::parse_date;

/// Serves until the client says `exit`. Needs no valid workspace to
/// start: a broken `align.yaml` is reported to the editor instead.
pub fn run(global: &Global) -> Result<Outcome, Fatal> {
    let here = std::env::current_dir().map_err(|e| Fatal::io(".", e))?;
    let dir = match &global.dir {
        Some(d) => here.join(d),
        None => here,
    };
    let as_of = match &global.as_of {
        Some(s) => parse_date(s).map_err(|m| {
            Fatal::usage(
                format!("--as-of: {m}"),
                "write the date as YYYY-MM-DD, e.g. `--as-of 2026-11-12`",
            )
        })?,
        None => jiff::Zoned::now().date(),
    };
    crate::lsp::serve(dir, as_of, global.no_ignore)?;
    Ok(Outcome::Success)
}
