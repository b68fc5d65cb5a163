//! `align lint [PATH…]`: structural checks (SPEC §5).

use std::path::Path;

use crate::Outcome;
use crate::cli::{Format, LintArgs};
use crate::commands::Env;
use crate::config::Severity;
use crate::error::Fatal;
use crate::graph::Graph;
use crate::report::{Diagnostic, Summary, render};
use crate::rules;

use crate::staged;

pub fn run(env: &Env, args: LintArgs) -> Result<Outcome, Fatal> {
    let format = env.format(
        "lint",
        &[
            Format::Human,
            Format::Short,
            Format::Json,
            Format::Github,
            Format::Sarif,
        ],
    )?;
    let prefixes = path_filters(env, &args.paths)?;
    let (graph, mut findings) = if args.staged {
        staged::lint_staged(&env.root, env.as_of)?
    } else {
        let graph = env.load_graph()?;
        let findings = rules::lint_files(&graph, &env.root.config, env.as_of, None);
        (graph, findings)
    };
    if let Some(base) = &args.base {
        findings = staged::new_since(&env.root, env.as_of, base, &graph, findings)?;
    }
    if !prefixes.is_empty() {
        findings.retain(|d| prefixes.iter().any(|p| under(&graph.files[d.file].path, p)));
    }
    let mut graph = graph;
    if matches!(format, Format::Human | Format::Short | Format::Github) {
        relocate(env, &mut graph, &mut findings);
    }
    print_findings(env, format, &graph, &findings)
}

/// Paths as the user standing in a subfolder types them (as ripgrep
/// prints them): relative to the current folder, `../` where outside it.
/// JSON and SARIF keep root-relative paths (SPEC §5), so this applies to
/// the human, short and github formats only. A message that names a
/// related file (AL004's "already used by the item in `…`") names it the
/// same way.
fn relocate(env: &Env, graph: &mut Graph, findings: &mut [Diagnostic]) {
    let Ok(here) = env.cwd.strip_prefix(&env.root.dir) else {
        return;
    };
    let here: Vec<String> = here
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if here.is_empty() {
        return;
    }
    let before: Vec<String> = graph.files.iter().map(|f| f.path.clone()).collect();
    for file in &mut graph.files {
        file.path = relative_to(&file.path, &here);
    }
    for d in findings {
        for label in &d.related {
            let (old, new) = (&before[label.file], &graph.files[label.file].path);
            d.message = d.message.replace(&format!("`{old}`"), &format!("`{new}`"));
        }
    }
}

/// `work/tasks/T-1.md` seen from `work/initiatives` is `../tasks/T-1.md`.
fn relative_to(path: &str, here: &[String]) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    let common = parts
        .iter()
        .zip(here)
        .take_while(|(a, b)| **a == b.as_str())
        .count()
        .min(parts.len().saturating_sub(1));
    let mut out: Vec<&str> = vec![".."; here.len() - common];
    out.extend(&parts[common..]);
    out.join("/")
}

/// Renders lint findings in `format` and decides the exit status: shared by
/// `lint` and the git modes that build their graph elsewhere.
pub fn print_findings(
    env: &Env,
    format: Format,
    graph: &Graph,
    findings: &[Diagnostic],
) -> Result<Outcome, Fatal> {
    let summary = summarize(graph, findings);
    let text = match format {
        Format::Short => render::short::render(graph, findings),
        Format::Json => render::json::lint(graph, findings, &summary),
        Format::Github => render::github::render(graph, findings),
        Format::Sarif => render::sarif::render(graph, findings, &crate::rules::docs()),
        _ => render::human::render(graph, findings, &summary, env.color),
    };
    env.print(&text)?;
    // The machine formats list AL014 as findings; the human view also ends
    // with the unreadable files in one place (SPEC §8).
    if format == Format::Human {
        env.warn_input(format, &crate::report::input::Input::of(graph));
    }
    Ok(if summary.errors > 0 {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}

fn summarize(graph: &Graph, findings: &[Diagnostic]) -> Summary {
    Summary {
        files: graph.files.len(),
        items: graph.items.len(),
        skipped: graph.skipped,
        errors: findings
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count(),
        warnings: findings
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count(),
    }
}

/// Turns PATH arguments (relative to where align was started) into
/// root-relative prefixes.
fn path_filters(env: &Env, paths: &[std::path::PathBuf]) -> Result<Vec<String>, Fatal> {
    paths
        .iter()
        .map(|p| {
            let abs = env.cwd.join(p);
            let abs = abs.canonicalize().map_err(|e| {
                Fatal::usage(
                    format!("`{}`: {e}", p.display()),
                    "pass files or folders inside the workspace",
                )
            })?;
            crate::workspace::relative(&env.root.dir, &abs).ok_or_else(|| {
                Fatal::usage(
                    format!(
                        "`{}` is outside the workspace root `{}`",
                        p.display(),
                        env.root.dir.display()
                    ),
                    "pass files or folders under the root",
                )
            })
        })
        .collect()
}

fn under(path: &str, prefix: &str) -> bool {
    prefix.is_empty() || path == prefix || Path::new(path).starts_with(prefix)
}

#[cfg(test)]
mod tests {
    use super::relative_to;

    #[test]
    fn paths_relative_to_the_current_folder() {
        let here = |s: &str| s.split('/').map(String::from).collect::<Vec<_>>();
        assert_eq!(
            relative_to("work/tasks/T-1.md", &here("work/tasks")),
            "T-1.md"
        );
        assert_eq!(
            relative_to("work/tasks/T-1.md", &here("work")),
            "tasks/T-1.md"
        );
        assert_eq!(
            relative_to("okrs/KR-1.md", &here("work/tasks")),
            "../../okrs/KR-1.md"
        );
        assert_eq!(relative_to("KR-1.md", &here("work")), "../KR-1.md");
    }
}
