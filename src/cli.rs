//! The command line: clap types only, no logic (SPEC §4). Each subcommand's
//! help carries an example.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Keep a team's strategy and its work in one git repository, and tell the
/// truth about how they connect.
#[derive(Debug, Parser)]
#[command(
    name = "align",
    version,
    about,
    after_help = "Examples:\n  align lint                  check every item in the workspace\n  align explain AL001         what a rule checks and how to fix it\n  align config                print the effective align.yaml",
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command accepts.
#[derive(Debug, Args)]
pub struct Global {
    /// Run as if started in DIR (the root is searched from there)
    #[arg(short = 'C', global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Output format (each command lists the ones it supports)
    #[arg(long, global = true, value_enum)]
    pub format: Option<Format>,
    /// When to use colours (NO_COLOR is honoured under auto)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print nothing but errors; the exit status tells the result
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// The day to judge time by, YYYY-MM-DD (default: today)
    #[arg(long, global = true, value_name = "DATE")]
    pub as_of: Option<String>,
}

/// Output formats. Not every command offers every format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Short,
    Github,
    Sarif,
    Markdown,
    Csv,
    Mermaid,
    Dot,
}

impl Format {
    /// The spelling on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Json => "json",
            Format::Short => "short",
            Format::Github => "github",
            Format::Sarif => "sarif",
            Format::Markdown => "markdown",
            Format::Csv => "csv",
            Format::Mermaid => "mermaid",
            Format::Dot => "dot",
        }
    }
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the structure: every task traces to a KR, links resolve, one owner per goal
    #[command(after_help = "Formats: human (default), short, json, github, sarif.\n\nExamples:\n  align lint\n  align lint work/tasks --format short\n  align lint --format github        annotations in a GitHub Actions job\n  align lint --format sarif > align.sarif\n\nExit status: 0 clean (warnings allowed), 1 error findings, 2 could not run.")]
    Lint(LintArgs),
    /// Explain a lint rule: what it checks, why, and how to fix it
    #[command(after_help = "Examples:\n  align explain AL001\n  align explain unlinked-task\n  align explain              list every rule")]
    Explain(ExplainArgs),
    /// Print the effective configuration (align.yaml with defaults filled in)
    #[command(after_help = "Formats: yaml (default), json.\n\nExamples:\n  align config\n  align config --format json")]
    Config,
}

/// `align lint`.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// Only report findings in these files or folders
    pub paths: Vec<PathBuf>,
}

/// `align explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule code (AL001) or name (unlinked-task); all rules when omitted
    pub rule: Option<String>,
}
