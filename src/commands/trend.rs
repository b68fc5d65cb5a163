//! `align trend [--since D] [--every week|month]`: the audit metrics at
//! points in git history, as a table with sparklines, JSON or CSV.

use std::io::IsTerminal;

use jiff::ToSpan;

use crate::Outcome;
use crate::cli::{Every, Format, TrendArgs};
use crate::commands::Env;
use crate::error::Fatal;
use crate::git::Repo;
use crate::model::parse_date;
use crate::report::render::{self, json::pretty};
use crate::trend::{self, Step};

pub fn run(env: &Env, args: TrendArgs) -> Result<Outcome, Fatal> {
    let format = env.format("trend", &[Format::Human, Format::Json, Format::Csv])?;
    let repo = Repo::open(&env.root, "align trend")?;
    let since = match &args.since {
        Some(s) => parse_date(s).map_err(|m| {
            Fatal::usage(
                format!("--since: {m}"),
                "write the date as YYYY-MM-DD, e.g. `--since 2026-10-01`",
            )
        })?,
        None => env.as_of.checked_sub(12.weeks()).unwrap_or(env.as_of),
    };
    if since > env.as_of {
        return Err(Fatal::usage(
            format!("--since {since} is after the as-of date {}", env.as_of),
            "pick a --since date on or before --as-of",
        ));
    }
    let step = match args.every {
        Every::Week => Step::Week,
        Every::Month => Step::Month,
    };
    let dates = trend::dates(since, env.as_of, step);
    let show_progress =
        format == Format::Human && !env.quiet && std::io::stderr().is_terminal() && dates.len() > 4;
    let result = trend::trend(&repo, &env.root, &dates, !env.no_history, |done, all| {
        if show_progress {
            crate::output::progress(&format!("measuring history: {done}/{all} points"));
        }
    })?;
    if show_progress {
        crate::output::progress("");
    }
    for w in &result.warnings {
        crate::output::eprint(&format!("warning: {w}\n"));
    }
    let text = match format {
        Format::Json => pretty(&result),
        Format::Csv => render::trend::csv(&result),
        _ => render::trend::human(&result),
    };
    env.print(&text)?;
    Ok(Outcome::Success)
}
