//! `align report weekly`: the digest of the week ending on as-of (SPEC §4),
//! as Markdown (the default: fitted to the terminal, whole when piped),
//! a plain view for reading in a terminal (`human`), or JSON.

use crate::Outcome;
use crate::cli::{Format, ReportArgs, ReportKind};
use crate::commands::Env;
use crate::error::Fatal;
use crate::report::input::Input;
use crate::report::render;

pub fn run(env: &Env, args: ReportArgs) -> Result<Outcome, Fatal> {
    match args.kind {
        ReportKind::Weekly => weekly(env),
    }
}

fn weekly(env: &Env) -> Result<Outcome, Fatal> {
    let format = env.format(
        "report weekly",
        &[Format::Markdown, Format::Human, Format::Json],
    )?;
    let week_ago = crate::weekly::week_ago(env.as_of);
    let dated = env.load_dated_also(&[week_ago])?;
    let before = dated.facts_at(week_ago);
    let (graph, now) = (&dated.graph, &dated.facts);
    let window = env.window();
    let input = Input::of(graph);
    let w = crate::weekly::weekly(graph, &env.root.config, env.as_of, &window, now, &before);
    let text = match format {
        Format::Json => render::json::pretty(&render::json::WithInput {
            data: &w,
            input: &input,
        }),
        Format::Human => render::weekly::human(&w, env.width),
        _ => render::weekly::fit(&render::weekly::markdown(&w), env.width),
    };
    env.print(&text)?;
    env.warn_input(format, &input);
    Ok(Outcome::Success)
}
