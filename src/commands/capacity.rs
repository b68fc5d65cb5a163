//! `align capacity [--period P] [--owner P]`: open work per owner and
//! objective against each owner's capacity, and the strategic allocation
//! (SPEC §10).

use crate::Outcome;
use crate::audit::capacity;
use crate::cli::{CapacityArgs, Format};
use crate::commands::Env;
use crate::error::Fatal;
use crate::model::Period;
use crate::report::input::Input;
use crate::report::render;

pub fn run(env: &Env, args: CapacityArgs) -> Result<Outcome, Fatal> {
    let format = env.format("capacity", &[Format::Human, Format::Json])?;
    let window = window(env, args.period.as_deref())?;
    // Open work as it stood on as-of (SPEC §8).
    let graph = crate::asof::graph(&env.root, env.as_of)?;
    let input = Input::of(&graph);
    let view = capacity::capacity(
        &graph,
        &env.root.config,
        env.as_of,
        &window,
        args.owner.as_deref(),
    );
    if let Some(owner) = &args.owner
        && view.people.is_empty()
    {
        let all = capacity::capacity(&graph, &env.root.config, env.as_of, &window, None);
        let names = all.people.iter().filter_map(|p| p.owner.as_deref());
        let near = crate::suggest::nearest(owner, names, 3);
        let help = if near.is_empty() {
            "`align capacity` without `--owner` lists every owner".to_string()
        } else {
            let near: Vec<String> = near.iter().map(|n| format!("`{n}`")).collect();
            format!("did you mean {}?", near.join(" or "))
        };
        return Err(Fatal::usage(
            format!("`{owner}` owns no open task and has no capacity in align.yaml"),
            help,
        ));
    }
    let text = match format {
        Format::Json => render::json::pretty(&render::json::WithInput {
            data: &view,
            input: &input,
        }),
        _ if env.quiet => String::new(),
        _ => render::capacity::human(&view, env.root.config.capacity.is_some()),
    };
    env.print(&text)?;
    env.warn_input(format, &input);
    Ok(Outcome::Success)
}

/// `--period`, else the configured period unit containing as-of.
pub(super) fn window(env: &Env, period: Option<&str>) -> Result<Period, Fatal> {
    match period {
        Some(p) => Period::parse(p).map_err(|m| {
            Fatal::usage(
                format!("--period: {m}"),
                "leave `--period` out to use the period (align.yaml `period`) that contains --as-of",
            )
        }),
        None => Ok(env.window()),
    }
}
