//! `align explain [CODE|NAME]`: what a rule checks, why, and how to fix it.

use crate::Outcome;
use crate::cli::{ExplainArgs, Format};
use crate::commands::pick_format;
use crate::error::Fatal;
use crate::rules::{self, REGISTRY, Rule};
use crate::suggest::closest;

/// Needs no workspace, so a broken `align.yaml` never stops it.
pub fn run(format: Option<Format>, args: &ExplainArgs) -> Result<Outcome, Fatal> {
    let format = pick_format(
        format,
        "explain",
        &[Format::Human, Format::Json, Format::Markdown],
    )?;
    let chosen: Vec<&Rule> = match &args.rule {
        None => REGISTRY.to_vec(),
        Some(q) => match rules::find(q) {
            Some(r) => vec![r],
            None => {
                let all = REGISTRY.iter().flat_map(|r| [r.code, r.name]);
                let help = closest(q, all).map_or_else(
                    || "run `align explain` to list every rule".to_string(),
                    |s| format!("did you mean `{s}`? `align explain` lists every rule"),
                );
                return Err(Fatal::usage(format!("there is no rule `{q}`"), help));
            }
        },
    };
    let text = match format {
        Format::Json => {
            let rules: Vec<serde_json::Value> = chosen
                .iter()
                .map(|r| serde_json::json!({"code": r.code, "name": r.name, "default": r.default.as_str(), "summary": r.summary, "explain": r.explain}))
                .collect();
            let value = if args.rule.is_some() {
                rules[0].clone()
            } else {
                serde_json::Value::Array(rules)
            };
            format!(
                "{}\n",
                serde_json::to_string_pretty(&value).unwrap_or_default()
            )
        }
        Format::Markdown => chosen
            .iter()
            .map(|r| {
                format!(
                    "## {} {} ({})\n\n{}\n\n",
                    r.code,
                    r.name,
                    r.default.as_str(),
                    r.explain
                )
            })
            .collect(),
        _ if args.rule.is_none() => {
            let mut out = String::new();
            for r in &chosen {
                out.push_str(&format!(
                    "{}  {:<26} {:<8} {}\n",
                    r.code,
                    r.name,
                    r.default.as_str(),
                    r.summary
                ));
            }
            out.push_str("\nRun `align explain CODE` for what a rule checks and how to fix it.\n");
            out
        }
        _ => {
            let r = chosen[0];
            format!(
                "{} {} (default: {})\n\n{}\n",
                r.code,
                r.name,
                r.default.as_str(),
                r.explain
            )
        }
    };
    crate::output::print(&text)?;
    Ok(Outcome::Success)
}
