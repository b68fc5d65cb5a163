//! `align audit [--period P] [--max-untraced N]`: the metrics, signals and
//! gates of SPEC §3 over a window. Exit 1 when a gate is breached.

use crate::Outcome;
use crate::audit;
use crate::cli::{AuditArgs, Format};
use crate::commands::Env;
use crate::error::Fatal;
use crate::model::Period;
use crate::report::render;

pub fn run(env: &Env, args: AuditArgs) -> Result<Outcome, Fatal> {
    let format = env.format(
        "audit",
        &[
            Format::Human,
            Format::Json,
            Format::Markdown,
            Format::Github,
        ],
    )?;
    let window = match &args.period {
        Some(p) => Period::parse(p).map_err(|m| {
            Fatal::usage(
                format!("--period: {m}"),
                "leave `--period` out to audit the period (align.yaml `period`) that contains --as-of",
            )
        })?,
        None => env.window(),
    };
    let mut config = env.root.config.clone();
    if let Some(limit) = args.max_untraced {
        if !(0.0..=100.0).contains(&limit) {
            return Err(Fatal::usage(
                format!("--max-untraced {limit} is not a percentage"),
                "pass a number from 0 to 100, e.g. `--max-untraced 30`",
            ));
        }
        config.audit.max_untraced_percent = Some(limit);
    }
    let crate::commands::Dated { graph, facts, .. } = env.load_dated()?;
    let mut report = audit::audit(&graph, &config, env.as_of, &window, &facts);
    if args.allow_unreadable {
        report.waive_unreadable();
    }
    let text = match format {
        Format::Json => render::json::pretty(&report),
        Format::Markdown => render::markdown::audit(&report),
        Format::Github => render::github::audit(&graph, &report),
        _ => render::audit::human(&report, env.color, env.width),
    };
    env.print(&text)?;
    env.warn_input(format, &report.input);
    Ok(if report.pass {
        Outcome::Success
    } else {
        Outcome::Failure
    })
}
