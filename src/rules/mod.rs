//! The lint rules of SPEC §5: one module per rule, one registry list, and
//! the one place where a finding's severity is decided (rule default, then
//! `rules:` in align.yaml, then path `overrides`).

mod al001_unlinked_task;
mod al002_dangling_link;
mod al003_wrong_link_kind;
mod al004_duplicate_id;
mod al005_link_cycle;
mod al006_owner;
mod al007_kr_no_metric;
mod al008_invalid_value;
mod al009_unknown_field;
mod al010_inactive_link;
mod al011_too_deep;
mod al012_done_with_open_deps;
mod al013_raci;
mod al014_parse_error;
mod al015_missing_field;
mod al016_done_without_date;
mod al017_unplanned_without_reason;

use globset::Glob;
use jiff::civil::Date;

use crate::config::{Config, Severity};
use crate::graph::{Graph, ItemIx};
use crate::model::Period;
use crate::report::{Diagnostic, RuleDoc};
use crate::span::Span;

/// What a rule sees: the graph, the config, and the window for rules that
/// depend on time (AL010).
pub struct LintContext<'a> {
    pub graph: &'a Graph,
    pub config: &'a Config,
    pub window: Period,
    /// Only items in these files are checked (`lint --staged` reports on
    /// the change alone); `None` checks everything.
    pub only: Option<&'a std::collections::HashSet<usize>>,
}

impl LintContext<'_> {
    /// The items the rules check, with their indices.
    pub fn items(&self) -> impl Iterator<Item = (ItemIx, &crate::model::Item)> + '_ {
        self.graph
            .items
            .iter()
            .enumerate()
            .filter(|(_, item)| self.checks(item.origin.file))
    }

    /// The file problems the rules report.
    pub fn file_problems(&self) -> impl Iterator<Item = &(usize, crate::parse::FileProblem)> + '_ {
        self.graph
            .file_problems
            .iter()
            .filter(|(file, _)| self.checks(*file))
    }

    fn checks(&self, file: usize) -> bool {
        self.only.is_none_or(|s| s.contains(&file))
    }
}

/// A lint rule: its identity, its default severity, the text `align
/// explain` prints, and its check.
pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub default: Severity,
    /// One line: what fires the rule.
    pub summary: &'static str,
    /// What it checks, why it matters, an example, how to fix it.
    pub explain: &'static str,
    pub check: fn(&LintContext, &mut Vec<Diagnostic>),
}

impl Rule {
    /// A finding of this rule at `span` of `file`, at the default severity.
    pub fn in_file(
        &self,
        file: usize,
        span: Span,
        message: String,
        help: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            code: self.code,
            name: self.name,
            severity: self.default,
            file,
            span,
            message,
            help: help.into(),
            label: String::new(),
            related: Vec::new(),
        }
    }

    /// The rule's identity and texts, for the renderers.
    pub fn doc(&self) -> RuleDoc {
        RuleDoc {
            code: self.code,
            name: self.name,
            default: self.default,
            summary: self.summary,
            explain: self.explain,
        }
    }

    /// A finding on an item, at `span` within the item's file.
    pub fn on_item(
        &self,
        graph: &Graph,
        ix: ItemIx,
        span: Span,
        message: String,
        help: impl Into<String>,
    ) -> Diagnostic {
        self.in_file(graph.items[ix].origin.file, span, message, help)
    }
}

/// Every rule, in code order. Codes and names are unique (tested).
pub const REGISTRY: &[&Rule] = &[
    &al001_unlinked_task::RULE,
    &al002_dangling_link::RULE,
    &al003_wrong_link_kind::RULE,
    &al004_duplicate_id::RULE,
    &al005_link_cycle::RULE,
    &al006_owner::RULE,
    &al007_kr_no_metric::RULE,
    &al008_invalid_value::RULE,
    &al009_unknown_field::RULE,
    &al010_inactive_link::RULE,
    &al011_too_deep::RULE,
    &al012_done_with_open_deps::RULE,
    &al013_raci::RULE,
    &al014_parse_error::RULE,
    &al015_missing_field::RULE,
    &al016_done_without_date::RULE,
    &al017_unplanned_without_reason::RULE,
];

/// The texts of every rule, in code order.
pub fn docs() -> Vec<RuleDoc> {
    REGISTRY.iter().map(|r| r.doc()).collect()
}

/// Finds a rule by code (`AL001`, any case) or name (`unlinked-task`).
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    REGISTRY
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

/// Checks that every rule named in `rules:` and in `overrides` of the
/// config exists; the config itself does not know the rules.
pub fn check_config(config: &Config, path: &std::path::Path) -> Result<(), crate::error::Fatal> {
    let names = config
        .rules
        .keys()
        .chain(config.overrides.iter().flat_map(|o| o.rules.keys()));
    for name in names {
        if find(name).is_none() {
            let all = REGISTRY.iter().flat_map(|r| [r.code, r.name]);
            let help = crate::suggest::closest(name, all)
                .map(|s| format!("did you mean `{s}`? `align explain` lists the rules"))
                .unwrap_or_else(|| "`align explain` lists the rules".into());
            // Point at the key itself (the config is small: read it again).
            let (line, column) = std::fs::read_to_string(path)
                .ok()
                .and_then(|text| crate::config_errors::rule_key(&text, name))
                .unwrap_or((1, 1));
            return Err(crate::error::Fatal::Config {
                path: path.to_path_buf(),
                line,
                column,
                message: format!("`{name}` in `rules` is not a rule code or name"),
                help,
            });
        }
    }
    Ok(())
}

/// The findings in `graph` (in the files of `only`, when given), judged
/// as of `as_of` with the window of the configured period containing it.
pub fn lint_files(
    graph: &Graph,
    config: &Config,
    as_of: Date,
    only: Option<&std::collections::HashSet<usize>>,
) -> Vec<Diagnostic> {
    lint(&LintContext {
        graph,
        config,
        window: Period::containing(config.period, as_of),
        only,
    })
}

/// Runs every rule, applies severities, drops what is off, and sorts the
/// findings by file, position and code.
pub fn lint(cx: &LintContext) -> Vec<Diagnostic> {
    let mut all = Vec::new();
    for rule in REGISTRY {
        if rule_off_everywhere(cx.config, rule) {
            continue;
        }
        (rule.check)(cx, &mut all);
    }
    let resolver = SeverityResolver::new(cx.config);
    all.retain_mut(|d| {
        if !cx.checks(d.file) {
            return false;
        }
        d.severity = resolver.severity(d.code, d.name, d.severity, &cx.graph.files[d.file].path);
        d.severity != Severity::Off
    });
    all.sort_by(|a, b| (a.file, a.span.start, a.code).cmp(&(b.file, b.span.start, b.code)));
    all.dedup();
    all
}

fn rule_off_everywhere(config: &Config, rule: &Rule) -> bool {
    let configured = config
        .rules
        .iter()
        .find(|(k, _)| find(k).is_some_and(|r| r.code == rule.code));
    matches!(configured, Some((_, Severity::Off))) && config.overrides.is_empty()
}

/// Decides a finding's severity in one place (STYLE habit 4).
pub struct SeverityResolver<'a> {
    config: &'a Config,
    overrides: Vec<(globset::GlobSet, &'a crate::config::Override)>,
}

impl<'a> SeverityResolver<'a> {
    /// Compiles the path overrides of `config`.
    pub fn new(config: &'a Config) -> SeverityResolver<'a> {
        let overrides = config
            .overrides
            .iter()
            .filter_map(|o| {
                let mut b = globset::GlobSetBuilder::new();
                for p in &o.paths {
                    b.add(Glob::new(p).ok()?);
                }
                Some((b.build().ok()?, o))
            })
            .collect();
        SeverityResolver { config, overrides }
    }

    /// The severity of rule `code`/`name` for a finding in `path`.
    pub fn severity(&self, code: &str, name: &str, default: Severity, path: &str) -> Severity {
        let pick = |rules: &std::collections::BTreeMap<String, Severity>| {
            rules
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(code) || *k == name)
                .map(|(_, s)| *s)
        };
        let mut severity = pick(&self.config.rules).unwrap_or(default);
        for (set, o) in &self.overrides {
            if set.is_match(path)
                && let Some(s) = pick(&o.rules)
            {
                severity = s;
            }
        }
        severity
    }
}

/// The span findings about a whole item point at: its `id` key, else its
/// `kind` or `title` key, else the item's start.
pub fn item_anchor(graph: &Graph, ix: ItemIx) -> Span {
    let item = &graph.items[ix];
    ["id", "kind", "title"]
        .iter()
        .find_map(|k| item.key_span(k))
        .unwrap_or(Span::new(item.span.start, item.span.start))
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for rule tests: lint an in-memory workspace.
    use super::*;
    use crate::workspace::{in_memory, load};

    /// Lints `files` with `config_yaml`; returns `(code, path, line)`.
    pub fn lint_files(config_yaml: &str, files: &[(&str, &str)]) -> Vec<(String, String, usize)> {
        let config = Config::parse(config_yaml, std::path::Path::new("align.yaml")).unwrap();
        let graph = Graph::build(load(&config, in_memory(files)));
        let cx = LintContext {
            graph: &graph,
            config: &config,
            window: Period::parse("2026-Q4").unwrap(),
            only: None,
        };
        lint(&cx)
            .into_iter()
            .map(|d| {
                let f = &graph.files[d.file];
                (
                    d.code.to_string(),
                    f.path.clone(),
                    f.line_col(d.span.start).0,
                )
            })
            .collect()
    }

    /// Lints `files` with the default config; returns the findings.
    pub fn lint_all(files: &[(&str, &str)]) -> Vec<Diagnostic> {
        let config = Config::default();
        let graph = Graph::build(load(&config, in_memory(files)));
        let cx = LintContext {
            graph: &graph,
            config: &config,
            window: Period::parse("2026-Q4").unwrap(),
            only: None,
        };
        lint(&cx)
    }

    /// A minimal valid objective + KR pair most rule tests build on.
    pub const BASE: &[(&str, &str)] = &[
        (
            "O-1.md",
            "---\nkind: objective\ntitle: Grow\nowner: dana\nperiod: 2026-Q4\n---\n",
        ),
        (
            "KR-1.md",
            "---\nkind: kr\ntitle: More leads\nowner: dana\nobjective: O-1\nmetric: {start: 0, target: 10}\n---\n",
        ),
    ];

    /// `BASE` plus `extra`, linted with the default config.
    pub fn codes_with(extra: &[(&str, &str)]) -> Vec<String> {
        let mut files: Vec<(&str, &str)> = BASE.to_vec();
        files.extend_from_slice(extra);
        lint_files("", &files)
            .into_iter()
            .map(|(c, _, _)| c)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configured_rules_must_exist() {
        let parse = |y: &str| Config::parse(y, std::path::Path::new("a")).unwrap();
        let a = std::path::Path::new("a");
        assert!(check_config(&parse("rules: { AL009: off, unlinked-task: warning }\n"), a).is_ok());
        assert!(check_config(&parse("rules: { AL999: off }\n"), a).is_err());
        assert!(
            check_config(&parse("overrides: [{paths: [x], rules: {nope: off}}]\n"), a).is_err()
        );
    }

    #[test]
    fn codes_and_names_are_unique_and_ordered() {
        let mut codes: Vec<&str> = REGISTRY.iter().map(|r| r.code).collect();
        let mut names: Vec<&str> = REGISTRY.iter().map(|r| r.name).collect();
        assert_eq!(codes.len(), 17);
        assert!(
            codes.windows(2).all(|w| w[0] < w[1]),
            "registry is in code order"
        );
        codes.dedup();
        names.sort();
        names.dedup();
        assert_eq!((codes.len(), names.len()), (17, 17));
        for rule in REGISTRY {
            for part in ["What it checks", "Why it matters", "Example", "How to fix"] {
                assert!(
                    rule.explain.contains(part),
                    "{} explain lacks {part}",
                    rule.code
                );
            }
        }
    }

    #[test]
    fn base_is_clean() {
        assert!(testing::codes_with(&[]).is_empty());
    }

    #[test]
    fn severity_from_config_and_overrides() {
        let files = [
            ("archive/T-1.md", "---\nkind: task\ntitle: t\n---\n"),
            ("T-2.md", "---\nkind: task\ntitle: t\n---\n"),
        ];
        let cfg = "overrides:\n  - paths: [\"archive/**\"]\n    rules: { unlinked-task: off }\n";
        let found = testing::lint_files(cfg, &files);
        assert_eq!(found, [("AL001".to_string(), "T-2.md".to_string(), 2)]);
        assert!(testing::lint_files("rules: { AL001: off }", &files).is_empty());
    }
}
