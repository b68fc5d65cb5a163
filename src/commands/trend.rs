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
use crate::report::render::json::pretty;
use crate::trend::{self, Point, Step, Trend};

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
    let result = trend::trend(&repo, &env.root, &dates, |done, all| {
        if show_progress {
            eprint!("\r\x1b[2Kmeasuring history: {done}/{all} points");
        }
    })?;
    if show_progress {
        eprint!("\r\x1b[2K");
    }
    let text = match format {
        Format::Json => pretty(&result),
        Format::Csv => csv(&result),
        _ => human(&result),
    };
    crate::output::print(&text)?;
    Ok(Outcome::Success)
}

fn csv(t: &Trend) -> String {
    let mut out = String::from("date,commit,untraced_percent,lagging_share_percent,krs_lagging\n");
    for p in &t.points {
        out.push_str(&format!(
            "{},{},{},{},{}\n",
            p.date,
            p.commit.as_deref().unwrap_or(""),
            p.untraced_percent,
            p.lagging_share_percent,
            p.krs_lagging
        ));
    }
    out
}

/// Reads one metric off a point.
type Metric = fn(&Point) -> f64;

fn human(t: &Trend) -> String {
    let mut table = comfy_table::Table::new();
    table.load_preset(comfy_table::presets::UTF8_HORIZONTAL_ONLY);
    table.set_header([
        "date",
        "commit",
        "untraced %",
        "lagging share %",
        "KRs lagging",
    ]);
    for p in &t.points {
        table.add_row([
            p.date.to_string(),
            p.commit.clone().unwrap_or_else(|| "—".into()),
            format!("{:.1}", p.untraced_percent),
            format!("{:.1}", p.lagging_share_percent),
            p.krs_lagging.to_string(),
        ]);
    }
    let mut out = format!("{table}\n\n");
    let series: [(&str, Metric); 3] = [
        ("untraced %", |p| p.untraced_percent),
        ("lagging share %", |p| p.lagging_share_percent),
        ("KRs lagging", |p| p.krs_lagging as f64),
    ];
    for (name, get) in series {
        let values: Vec<f64> = t.points.iter().map(get).collect();
        let (first, last) = (
            values.first().copied().unwrap_or(0.0),
            values.last().copied().unwrap_or(0.0),
        );
        out.push_str(&format!(
            "  {name:<16} {}  {first} → {last}\n",
            sparkline(&values)
        ));
    }
    if t.shallow {
        out.push_str("\nnote: this is a shallow clone, so history before its cut is missing; `git fetch --unshallow` gives the full trend\n");
    }
    out
}

/// One block character per value, scaled between the series' min and max.
fn sparkline(values: &[f64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    values
        .iter()
        .map(|v| {
            if max > min {
                BARS[(((v - min) / (max - min)) * 7.0).round() as usize]
            } else {
                BARS[0]
            }
        })
        .collect()
}
