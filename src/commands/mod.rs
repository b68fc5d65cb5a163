//! One module per subcommand. Each resolves its settings, calls the
//! library, and hands data to a renderer; none holds analysis logic.

mod audit;
mod capacity;
mod checkin;
mod completions;
mod config;
mod done;
mod explain;
mod graph;
mod hook;
mod init;
mod lint;
mod lsp;
mod new;
mod next;
mod report;
mod schema;
mod set;
mod show;
mod site;
mod status;
mod trend;

use std::path::PathBuf;

use jiff::civil::Date;

use crate::Outcome;
use crate::cli::{Cli, Command, Format, Global};
use crate::config::Root;
use crate::error::Fatal;
use crate::graph::Graph;
use crate::load::{Dated, Judged};
use crate::model::{Period, parse_date};
use crate::report::input::Input;

/// What every command knows: the root and the global flags, resolved.
pub struct Env {
    pub root: Root,
    pub format: Option<Format>,
    pub color: bool,
    pub quiet: bool,
    pub as_of: Date,
    /// The directory the command was started from (after `-C`).
    pub cwd: PathBuf,
    /// The width human tables and prose must fit; `None` when piped.
    pub width: Option<usize>,
    /// `--no-history`: judge by the files' own dates, reading no git history.
    pub no_history: bool,
}

impl Env {
    /// Resolves the global flags: the root, the as-of date, colour.
    pub fn new(global: &Global) -> Result<Env, Fatal> {
        let here = std::env::current_dir().map_err(|e| Fatal::io(".", e))?;
        let cwd = match &global.dir {
            Some(d) => here.join(d),
            None => here,
        };
        if !cwd.is_dir() {
            return Err(Fatal::usage(
                format!("`{}` is not a folder", cwd.display()),
                "pass an existing folder to `-C`",
            ));
        }
        let mut root = crate::config::discover(&cwd)?;
        root.no_ignore = global.no_ignore;
        if let Some(path) = &root.config_path {
            crate::rules::check_config(&root.config, path)?;
        }
        let as_of = match &global.as_of {
            Some(s) => parse_date(s).map_err(|m| {
                Fatal::usage(
                    format!("--as-of: {m}"),
                    "write the date as YYYY-MM-DD, e.g. `--as-of 2026-11-12`",
                )
            })?,
            None => jiff::Zoned::now().date(),
        };
        Ok(Env {
            root,
            format: global.format,
            color: crate::output::use_color(global.color),
            quiet: global.quiet,
            as_of,
            cwd: cwd.canonicalize().unwrap_or(cwd),
            width: crate::output::width(),
            no_history: global.no_history,
        })
    }

    /// Prints command output to stdout, unless `--quiet` asked for
    /// nothing but errors (SPEC §4: every command honours it).
    pub fn print(&self, text: &str) -> Result<(), Fatal> {
        if self.quiet {
            return Ok(());
        }
        crate::output::print(text, self.color)
    }

    /// Ends a human answer with the warning that names the files that
    /// could not be read (SPEC §8), on stderr so that stdout stays the
    /// answer itself; `--quiet` keeps it back like any other output. JSON
    /// answers carry the same facts in their `input` object instead.
    pub fn warn_input(&self, format: Format, input: &Input) {
        if self.quiet || format == Format::Json {
            return;
        }
        if let Some(w) = input.warning() {
            crate::output::eprint(&w);
        }
    }

    /// The output format, checked against those the command offers (the
    /// first is the default).
    pub fn format(&self, command: &str, offered: &[Format]) -> Result<Format, Fatal> {
        pick_format(self.format, command, offered)
    }

    /// The default audit window: the configured period unit containing as-of.
    pub fn window(&self) -> Period {
        Period::containing(self.root.config.period, self.as_of)
    }

    /// Reads the work tree, dated, with the default window: what the goal
    /// commands (`status`, `next`, `show`) judge.
    pub fn judged(&self) -> Result<Judged, Fatal> {
        let dated = self.load_dated()?;
        Ok(Judged {
            graph: dated.graph,
            facts: dated.facts,
            window: self.window(),
        })
    }

    /// Reads the work tree with the files' own dates only, for answers
    /// that show no history fact (`graph`).
    pub fn judged_undated(&self) -> Result<Judged, Fatal> {
        let graph = self.load_graph_as_of()?;
        let facts = crate::audit::Facts::none(&graph);
        Ok(Judged {
            graph,
            facts,
            window: self.window(),
        })
    }

    /// Reads the work tree and dates it from git history as of as-of
    /// (unless `--no-history`).
    pub fn load_dated(&self) -> Result<Dated, Fatal> {
        self.load_dated_also(&[])
    }

    /// Like [`Env::load_dated`], with the facts at other days too.
    pub fn load_dated_also(&self, also: &[Date]) -> Result<Dated, Fatal> {
        let dated = Dated::load(&self.root, self.as_of, also, !self.no_history)?;
        self.warn(&dated.graph.warnings);
        Ok(dated)
    }

    /// Reads the work tree into a graph as it stood on as-of (SPEC §8),
    /// for answers that judge it but show no history fact.
    pub fn load_graph_as_of(&self) -> Result<Graph, Fatal> {
        let graph = crate::asof::graph(&self.root, self.as_of)?;
        self.warn(&graph.warnings);
        Ok(graph)
    }

    /// Reads the work tree into a graph.
    pub fn load_graph(&self) -> Result<Graph, Fatal> {
        let graph = crate::load::graph(&self.root)?;
        self.warn(&graph.warnings);
        Ok(graph)
    }

    /// Says warnings about the input on stderr, unless `--quiet`.
    fn warn(&self, warnings: &[String]) {
        if self.quiet {
            return;
        }
        for w in warnings {
            crate::output::eprint(&format!("warning: {w}\n"));
        }
    }
}

/// The item `id` named on the command line (`show`, `status`, `graph`);
/// when none has it but a file that could not be read names it, the
/// error says so rather than suggesting similar ids (SPEC §8).
pub fn find(graph: &crate::graph::Graph, id: &str) -> Result<usize, Fatal> {
    graph.find(id).map_err(
        |e| match crate::report::input::Mentions::of(graph).find(id) {
            Some(m) if graph.all_with(id).is_empty() => Fatal::usage(
                format!("no readable file defines `{id}`: {}", m.sentence(id)),
                format!(
                    "fix `{}` first (`align lint` says what is wrong with it)",
                    m.path
                ),
            ),
            _ => e,
        },
    )
}

/// `--format`, checked against the formats a command offers (the first is
/// the default); for commands that run without a workspace too.
pub fn pick_format(
    chosen: Option<Format>,
    command: &str,
    offered: &[Format],
) -> Result<Format, Fatal> {
    match chosen {
        None => Ok(offered[0]),
        Some(f) if offered.contains(&f) => Ok(f),
        Some(f) => {
            let names: Vec<&str> = offered.iter().map(|f| f.as_str()).collect();
            Err(Fatal::usage(
                format!("`align {command}` does not print `--format {}`", f.as_str()),
                format!("use one of: {}", names.join(", ")),
            ))
        }
    }
}

impl Judged {
    /// The goal-math context at the command's as-of date.
    pub fn context<'a>(&'a self, env: &'a Env) -> crate::audit::Context<'a> {
        crate::audit::Context {
            graph: &self.graph,
            config: &env.root.config,
            as_of: env.as_of,
            window: &self.window,
            facts: &self.facts,
        }
    }
}

/// Runs the subcommand of `cli`.
pub fn dispatch(cli: Cli) -> Result<Outcome, Fatal> {
    // These need no workspace, so a broken align.yaml cannot stop them.
    match &cli.command {
        Command::Completions(args) => return completions::completions(args),
        Command::Explain(args) => return explain::run(&cli.global, args),
        Command::Man(args) => return completions::man(args),
        Command::Schema(args) => return schema::run(&cli.global, args),
        Command::Lsp => return lsp::run(&cli.global),
        _ => {}
    }
    let env = Env::new(&cli.global)?;
    match cli.command {
        Command::Init(args) => init::run(&env, args),
        Command::New(args) => new::run(&env, args),
        Command::Lint(args) => lint::run(&env, args),
        Command::Audit(args) => audit::run(&env, args),
        Command::Status(args) => status::run(&env, args),
        Command::Next(args) => next::run(&env, args),
        Command::Checkin(args) => checkin::run(&env, args),
        Command::Set(args) => set::run(&env, args),
        Command::Done(args) => done::run(&env, args),
        Command::Show(args) => show::run(&env, args),
        Command::Graph(args) => graph::run(&env, args),
        Command::Report(args) => report::run(&env, args),
        Command::Trend(args) => trend::run(&env, args),
        Command::Capacity(args) => capacity::run(&env, args),
        Command::Site(args) => site::run(&env, args),
        Command::Hook(args) => hook::run(&env, args),
        Command::Config => config::run(&env),
        Command::Completions(_)
        | Command::Man(_)
        | Command::Explain(_)
        | Command::Schema(_)
        | Command::Lsp => {
            unreachable!("handled above")
        }
    }
}

/// The formats of the commands that edit an item.
fn edit_format(env: &Env, command: &str) -> Result<Format, Fatal> {
    env.format(command, &[Format::Human, Format::Json])
}

/// Says which fields of which item were changed, in which file.
fn report_edit(
    env: &Env,
    format: Format,
    item: &crate::model::Item,
    path: &str,
    fields: &[&str],
) -> Result<Outcome, Fatal> {
    env.print(&crate::report::render::edit::changed(
        format == Format::Json,
        &item.id,
        path,
        fields,
    ))?;
    Ok(Outcome::Success)
}
