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
    /// Read files that git ignores too
    #[arg(long, global = true)]
    pub no_ignore: bool,
    /// Judge by the files' own dates only, reading no git history
    #[arg(long, global = true)]
    pub no_history: bool,
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
    /// Write align.yaml and a folder skeleton (never overwrites)
    #[command(
        after_help = "Examples:\n  align init\n  align init --example marketing     a small realistic workspace to explore"
    )]
    Init(InitArgs),
    /// Create a goal or a task from a template, linked from the start
    #[command(
        after_help = "Examples:\n  align new task \"A/B test the pricing-page hero\" --kr KR-3 --owner sam\n  align new task \"Fix the signup outage\" --unplanned --reason \"prod incident\"\n  align new kr \"Cut cost per lead to 140\" --objective O-1 --owner dana \\\n      --start 180 --target 140 --unit USD\n  $EDITOR $(align new task \"Draft the brief\" --initiative I-2)\n\nThe new file's path is printed on stdout."
    )]
    New(NewArgs),
    /// Check the structure: every task traces to a KR, links resolve, one owner per goal
    #[command(
        after_help = "Formats: human (default), short, json, github, sarif.\n\nExamples:\n  align lint\n  align lint work/tasks --format short\n  align lint --staged                what a pre-commit hook runs\n  align lint --base origin/main      only findings new since that commit\n  align lint --format github         annotations in a GitHub Actions job\n  align lint --format sarif > align.sarif\n\nExit status: 0 clean (warnings allowed), 1 error findings, 2 could not run."
    )]
    Lint(LintArgs),
    /// Audit execution: untraced work, lagging and starved KRs, coverage, gates
    #[command(
        after_help = "Formats: human (default), json, markdown, github.\n\nExamples:\n  align audit\n  align audit --period 2026-Q4 --as-of 2026-11-12\n  align audit --max-untraced 30 --format markdown >> $GITHUB_STEP_SUMMARY\n\nExit status: 0 every gate passes, 1 a gate is breached, 2 could not run."
    )]
    Audit(AuditArgs),
    /// Roll progress up from the work to the goals, as a tree
    #[command(
        after_help = "Formats: human (default), json.\n\nExamples:\n  align status\n  align status O-1          one objective's subtree\n  align status T-7kq3       the goals a task traces to"
    )]
    Status(IdArg),
    /// Rank open tasks by their effect on lagging KRs
    #[command(
        after_help = "Formats: human (default), json.\n\nThe score: for each live KR the task traces to, 100 × (the KR's gap to\nexpected progress + a tenth of what remains) ÷ the open tasks sharing\nthe KR × (1 + 1 ÷ weeks left); summed over its KRs, halved when the task\nis blocked or waits on open work. Untraced work ranks last.\n\nExamples:\n  align next\n  align next --owner sam --limit 5\n  align next --explain      what each score is made of"
    )]
    Next(NextArgs),
    /// Record a KR check-in (appends to the KR's file, nothing else changes)
    #[command(
        after_help = "Examples:\n  align checkin KR-3 35.25\n  align checkin KR-3 36 --confidence 0.6 --note \"webinar moved a week\""
    )]
    Checkin(CheckinArgs),
    /// Set front-matter fields in place, changing nothing else
    #[command(
        after_help = "Examples:\n  align set T-7kq3 status=doing owner=lee\n  align set KR-3 metric.target=50\n  align set T-7kq3 \"kr=[KR-3, KR-5]\"  a list, in YAML's syntax or as KR-3,KR-5\n  align set T-7kq3 status=done     also writes `done: <as-of>`, as `align done`\n  align set T-7kq3 due=             an empty VALUE removes the field\n\nValues are checked before the file is touched; only the named fields' lines change."
    )]
    Set(SetArgs),
    /// Mark an item done today (or on --as-of)
    #[command(
        after_help = "A task gets `status: done` and `done: <as-of>`; an objective, KR or\ninitiative gets `status: done` (goals carry no done date).\n\nExamples:\n  align done T-7kq3\n  align done T-7kq3 --as-of 2026-11-10\n  align done KR-2           a KR reached early"
    )]
    Done(IdArg),
    /// Show one item with its links out and in
    #[command(after_help = "Formats: human (default), json.\n\nExamples:\n  align show KR-3")]
    Show(IdArg),
    /// Draw the goal graph as a Mermaid or Graphviz diagram
    #[command(
        after_help = "Formats: mermaid (default), dot, json.\n\nExamples:\n  align graph > goals.mmd\n  align graph O-1 --format dot | dot -Tsvg > o1.svg"
    )]
    Graph(GraphArgs),
    /// Write a report: Monday planning, Wednesday blockers, Friday review
    #[command(
        after_help = "Formats: markdown (default), human, json.\n\nExamples:\n  align report planning\n  align report blockers --format human\n  align report review --as-of 2026-11-13 >> $GITHUB_STEP_SUMMARY\n  align report weekly   # the review's old name"
    )]
    Report(ReportArgs),
    /// The audit metrics at points in git history
    #[command(
        after_help = "Formats: human (default), json, csv.\n\nExamples:\n  align trend --since 2026-10-01\n  align trend --since 2026-01-01 --every month --format csv"
    )]
    Trend(TrendArgs),
    /// Open work per owner and objective against capacity, and each objective's share
    #[command(
        after_help = "Formats: human (default), json.\n\nCapacity is estimate points a person finishes per week, from align.yaml:\n  capacity: {default: 8, people: {sam: 5}}\n\nExamples:\n  align capacity\n  align capacity --owner sam\n  align capacity --period 2026-Q4 --format json"
    )]
    Capacity(CapacityArgs),
    /// Write the leadership view: a static, self-contained HTML site and data.json
    #[command(
        after_help = "Formats: human (default; says what was written), json.\n\nThe site is index.html, one page per objective and data.json, with inline CSS\nand SVG: no script, no network request, readable from file:// or GitHub Pages.\n\nExamples:\n  align site                          writes site/ under the root\n  align site --out /tmp/okrs --title \"Marketing Q4\"\n  align site --period 2026-Q4 --as-of 2026-11-12"
    )]
    Site(SiteArgs),
    /// Install or remove the git pre-commit hook that runs `align lint --staged`
    #[command(
        after_help = "Examples:\n  align hook install\n  align hook install --force     replace an existing hook instead of chaining it\n  align hook uninstall"
    )]
    Hook(HookArgs),
    /// Explain a lint rule: what it checks, why, and how to fix it
    #[command(
        after_help = "Examples:\n  align explain AL001\n  align explain unlinked-task\n  align explain              list every rule"
    )]
    Explain(ExplainArgs),
    /// Print the effective configuration (align.yaml with defaults filled in)
    #[command(
        after_help = "Formats: human (YAML, the default), json.\n\nExamples:\n  align config\n  align config --format json"
    )]
    Config,
    /// Run the language server for editors (LSP over stdin/stdout)
    #[command(
        after_help = "Diagnostics from every lint rule as you type, go to definition and find\nreferences on ids, completion of ids and field names, hover, quick fixes.\nStarted by an editor's language client, not by hand; the README shows the\nVS Code, Neovim and Helix settings.\n\nExamples:\n  align lsp\n  align lsp -C ~/okrs      serve the workspace at ~/okrs (the client's root wins)"
    )]
    Lsp,
    /// Print JSON Schema (draft 2020-12) for item files or align.yaml
    #[command(
        after_help = "For YAML editors (yaml-language-server, VS Code's YAML extension) to check\nand complete item files and align.yaml without align; the README shows how.\n\nExamples:\n  align schema items > .align/items.schema.json\n  align schema config > .align/config.schema.json"
    )]
    Schema(SchemaArgs),
    /// Print a shell completion script
    #[command(
        after_help = "Examples:\n  align completions bash > ~/.local/share/bash-completion/completions/align\n  align completions zsh > ~/.zfunc/_align\n  align completions fish > ~/.config/fish/completions/align.fish"
    )]
    Completions(CompletionsArgs),
    /// Print the man page (roff), or write one page per subcommand
    #[command(
        after_help = "Examples:\n  align man > align.1 && man ./align.1\n  align man --out man/       align.1, align-lint.1, align-hook-install.1, …\n  MANPATH=$PWD/man: man align-lint"
    )]
    Man(ManArgs),
}

/// `align init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Also write a small example workspace
    #[arg(long, value_enum, value_name = "NAME")]
    pub example: Option<Example>,
}

/// The example workspaces `align init --example` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Example {
    Marketing,
    Product,
}

/// `align new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// What to create
    #[arg(value_enum)]
    pub kind: NewKind,
    /// The title
    pub title: String,
    /// A KR the new item links to (repeatable)
    #[arg(long = "kr", value_name = "ID")]
    pub krs: Vec<String>,
    /// An initiative the new task links to (repeatable)
    #[arg(long = "initiative", value_name = "ID")]
    pub initiatives: Vec<String>,
    /// The objective of a new KR
    #[arg(long, value_name = "ID")]
    pub objective: Option<String>,
    /// The parent of a new objective
    #[arg(long, value_name = "ID")]
    pub parent: Option<String>,
    /// The owner
    #[arg(long, value_name = "P")]
    pub owner: Option<String>,
    /// Due date, YYYY-MM-DD
    #[arg(long, value_name = "D")]
    pub due: Option<String>,
    /// A new KR's metric: the value it starts from
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub start: Option<String>,
    /// A new KR's metric: the value it aims for
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub target: Option<String>,
    /// A new KR's metric: its unit (e.g. USD, signups)
    #[arg(long, value_name = "U")]
    pub unit: Option<String>,
    /// A label (repeatable)
    #[arg(long = "label", value_name = "L")]
    pub labels: Vec<String>,
    /// The task is reactive work that links to no goal (needs --reason)
    #[arg(long, requires = "reason")]
    pub unplanned: bool,
    /// Why unplanned work was taken on
    #[arg(long, value_name = "R")]
    pub reason: Option<String>,
    /// Use this id instead of a generated one
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// Open the new file in $VISUAL or $EDITOR
    #[arg(long)]
    pub edit: bool,
}

/// Kinds `align new` creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NewKind {
    Objective,
    Kr,
    Initiative,
    Task,
}

/// `align lint`.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// Only report findings in these files or folders
    pub paths: Vec<PathBuf>,
    /// Check the content staged in the git index, not the work tree
    #[arg(long, conflicts_with = "base")]
    pub staged: bool,
    /// Only report findings that are new compared with this git revision
    #[arg(long, value_name = "REF")]
    pub base: Option<String>,
}

/// `align audit`.
#[derive(Debug, Args)]
pub struct AuditArgs {
    /// The window: 2026-Q4, 2026-H2, 2026, or 2026-10-01..2026-11-15
    #[arg(long, value_name = "P")]
    pub period: Option<String>,
    /// Gate: fail when untraced work is above N percent
    #[arg(long, value_name = "N")]
    pub max_untraced: Option<f64>,
    /// Pass the `readable_input` gate although some files could not be read
    #[arg(long)]
    pub allow_unreadable: bool,
}

/// Commands that take one item id (optional for `status`).
#[derive(Debug, Args)]
pub struct IdArg {
    /// An item id
    pub id: Option<String>,
}

/// `align man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write align.1 and one page per subcommand (align-lint.1, …) into DIR
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// `align next`.
#[derive(Debug, Args)]
pub struct NextArgs {
    /// Only tasks owned by P
    #[arg(long, value_name = "P")]
    pub owner: Option<String>,
    /// How many tasks to show
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
    /// Show what each score is made of, KR by KR
    #[arg(long)]
    pub explain: bool,
}

/// `align checkin`.
#[derive(Debug, Args)]
pub struct CheckinArgs {
    /// The KR
    pub kr: String,
    /// The KR's current value
    pub value: String,
    /// How sure the owner is of reaching the target, 0 to 1
    #[arg(long, value_name = "C")]
    pub confidence: Option<String>,
    /// A short note
    #[arg(long, value_name = "N")]
    pub note: Option<String>,
    /// The check-in's date (default: --as-of or today)
    #[arg(long, value_name = "D")]
    pub date: Option<String>,
}

/// `align set`.
#[derive(Debug, Args)]
pub struct SetArgs {
    /// The item
    pub id: String,
    /// Assignments, e.g. status=doing
    #[arg(required = true, value_name = "FIELD=VALUE")]
    pub assignments: Vec<String>,
}

/// `align graph`.
#[derive(Debug, Args)]
pub struct GraphArgs {
    /// Only this item's subtree
    pub id: Option<String>,
}

/// `align report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(subcommand)]
    pub kind: ReportKind,
}

/// The reports `align report` writes.
#[derive(Debug, Subcommand)]
pub enum ReportKind {
    /// Monday: lagging and starved KRs with the open work that could move them, and untraced intake
    #[command(
        after_help = "Examples:\n  align report planning\n  align report planning --format json | jq '.krs[].id'"
    )]
    Planning,
    /// Wednesday: every blocked, late and in-review item with owner, due date and days
    #[command(
        after_help = "Thresholds: audit.block_sla_days, audit.late_days, audit.review_sla_hours in align.yaml.\n\nExamples:\n  align report blockers\n  align report blockers --format human"
    )]
    Blockers,
    /// Friday: the week's finished work, KRs that changed status, check-ins due
    #[command(
        after_help = "Examples:\n  align report review\n  align report review --as-of 2026-11-13 >> $GITHUB_STEP_SUMMARY"
    )]
    Review,
    /// The Friday review under its old name (alias of `review`)
    Weekly,
}

/// `align trend`.
#[derive(Debug, Args)]
pub struct TrendArgs {
    /// The first date (default: 12 weeks before --as-of)
    #[arg(long, value_name = "D")]
    pub since: Option<String>,
    /// The step between points
    #[arg(long, value_enum, default_value_t = Every::Week)]
    pub every: Every,
}

/// Steps of `align trend`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Every {
    Week,
    Month,
}

/// `align capacity`.
#[derive(Debug, Args)]
pub struct CapacityArgs {
    /// The window: 2026-Q4, 2026-H2, 2026, or 2026-10-01..2026-11-15
    #[arg(long, value_name = "P")]
    pub period: Option<String>,
    /// Only the row of owner P
    #[arg(long, value_name = "P")]
    pub owner: Option<String>,
}

/// `align site`.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The folder to write (default: site/ under the root); outside the root only when given
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// The window: 2026-Q4, 2026-H2, 2026, or 2026-10-01..2026-11-15
    #[arg(long, value_name = "P")]
    pub period: Option<String>,
    /// The site's title (default: the root folder's name)
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
}

/// `align hook`.
#[derive(Debug, Args)]
pub struct HookArgs {
    #[command(subcommand)]
    pub action: HookAction,
}

/// What `align hook` does.
#[derive(Debug, Subcommand)]
pub enum HookAction {
    /// Install the pre-commit hook (chains an existing hook)
    Install {
        /// Replace an existing hook instead of chaining it
        #[arg(long)]
        force: bool,
    },
    /// Remove the hook and restore what was there before
    Uninstall,
}

/// `align explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule code (AL001) or name (unlinked-task); all rules when omitted
    pub rule: Option<String>,
}

/// `align completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `align schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// What the schema describes
    #[arg(value_enum, default_value_t = SchemaTarget::Items)]
    pub target: SchemaTarget,
}

/// The files `align schema` describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaTarget {
    /// Item files: front-matter, or YAML items (one schema per kind)
    Items,
    /// align.yaml
    Config,
}
