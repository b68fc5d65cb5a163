//! `align report planning|blockers|review` (SPEC §14; `weekly` is the
//! review's alias, SPEC §4): Markdown by default (fitted to the terminal,
//! whole when piped), a plain view for reading in a terminal (`human`),
//! or JSON.

use crate::Outcome;
use crate::cli::{Format, ReportArgs, ReportKind};
use crate::commands::Env;
use crate::error::Fatal;
use crate::report::input::Input;
use crate::report::render;

pub fn run(env: &Env, args: ReportArgs) -> Result<Outcome, Fatal> {
    let (name, kind) = match args.kind {
        ReportKind::Planning => ("report planning", ReportKind::Planning),
        ReportKind::Blockers => ("report blockers", ReportKind::Blockers),
        ReportKind::Review => ("report review", ReportKind::Review),
        ReportKind::Weekly => ("report weekly", ReportKind::Review),
    };
    let format = env.format(name, &[Format::Markdown, Format::Human, Format::Json])?;
    // The review compares with a week ago: history is read for that day too.
    let week_ago = crate::weekly::week_ago(env.as_of);
    let also: &[jiff::civil::Date] = match kind {
        ReportKind::Review | ReportKind::Weekly => &[week_ago],
        _ => &[],
    };
    let dated = env.load_dated_also(also)?;
    let (graph, now, config) = (&dated.graph, &dated.facts, &env.root.config);
    let window = env.window();
    let input = Input::of(graph);
    let json = format == Format::Json;
    // Each report is data: JSON of it (beside the input it was read
    // from), else its Markdown.
    let text = match kind {
        ReportKind::Planning => {
            let p = crate::planning::planning(graph, config, env.as_of, &window, now);
            match json {
                true => with_input(&p, &input),
                false => render::rhythm::planning(&p),
            }
        }
        ReportKind::Blockers => {
            let b = crate::blockers::blockers(graph, config, env.as_of, now);
            match json {
                true => with_input(&b, &input),
                false => render::rhythm::blockers(&b),
            }
        }
        ReportKind::Review | ReportKind::Weekly => {
            let before = dated.facts_at(week_ago);
            let w = crate::weekly::weekly(graph, config, env.as_of, &window, now, &before);
            match json {
                true => with_input(&w, &input),
                false => render::weekly::markdown(&w),
            }
        }
    };
    let text = match format {
        Format::Json => text,
        Format::Human => render::weekly::plain(&text, env.width),
        _ => render::weekly::fit(&text, env.width),
    };
    env.print(&text)?;
    env.warn_input(format, &input);
    Ok(Outcome::Success)
}

/// A report's JSON with the input object beside its keys (SPEC §8).
fn with_input<T: serde::Serialize>(data: &T, input: &Input) -> String {
    render::json::pretty(&render::json::WithInput { data, input })
}
