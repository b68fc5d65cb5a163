//! `align schema [items|config]`: prints JSON Schema (SPEC §11).

use crate::Outcome;
use crate::cli::{Format, Global, SchemaArgs, SchemaTarget};
use crate::error::Fatal;

pub fn run(global: &Global, args: &SchemaArgs) -> Result<Outcome, Fatal> {
    super::pick_format(global.format, "schema", &[Format::Json])?;
    let schema = match args.target {
        SchemaTarget::Items => crate::schema_json::items(),
        SchemaTarget::Config => crate::schema_json::config(),
    };
    let text = serde_json::to_string_pretty(&schema)
        .map_err(|e| Fatal::usage(e.to_string(), "report this as a bug"))?;
    if !global.quiet {
        crate::output::print(&format!("{text}\n"), false)?;
    }
    Ok(Outcome::Success)
}
