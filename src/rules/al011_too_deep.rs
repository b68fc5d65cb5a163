//! AL011 too-deep: objective cascades stay shallow.

use super::{LintContext, Rule};
use crate::config::Severity;
use crate::model::{Kind, LinkField};
use crate::report::Diagnostic;

pub const RULE: Rule = Rule {
    code: "AL011",
    name: "too-deep",
    default: Severity::Warning,
    summary: "an objective's `parent` chain is deeper than `max_depth`",
    explain: "What it checks: an objective and the objectives above it through `parent` are at most `max_depth` levels (default 3).

Why it matters: more than three levels of goals is bureaucracy: each level dilutes the line from the work to the outcome, and nobody can say which company goal a team objective serves.

Example:
    O-4 parent O-3, O-3 parent O-2, O-2 parent O-1     # four levels

How to fix: attach the objective higher up, or merge intermediate objectives. Raise `max_depth` in align.yaml only if your organisation truly needs the extra level.",
    check,
};

fn check(cx: &LintContext, out: &mut Vec<Diagnostic>) {
    let g = cx.graph;
    let max = cx.config.max_depth;
    // Every depth in one linear pass: a walk per objective would be
    // quadratic on a long chain (SPEC §6).
    let depths = g.parent_depths();
    for (ix, item) in cx.items() {
        if item.kind != Kind::Objective {
            continue;
        }
        let levels = depths[ix] + 1;
        if levels > max {
            let span = item
                .links_of(LinkField::Parent)
                .next()
                .map_or(item.id_span, |l| l.span);
            out.push(RULE.on_item(
                g,
                ix,
                span,
                format!(
                    "objective `{}` sits {levels} levels deep; the limit is {max}",
                    item.id
                ),
                "attach it to an objective higher up, or raise `max_depth` in align.yaml",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lint_files;

    #[test]
    fn fires_past_max_depth() {
        let files = [
            ("O-1.md", "---\nkind: objective\ntitle: o\nowner: a\n---\n"),
            (
                "O-2.md",
                "---\nkind: objective\ntitle: o\nowner: a\nparent: O-1\n---\n",
            ),
            (
                "O-3.md",
                "---\nkind: objective\ntitle: o\nowner: a\nparent: O-2\n---\n",
            ),
        ];
        assert_eq!(lint_files("max_depth: 2", &files)[0].0, "AL011");
        assert!(lint_files("max_depth: 3", &files).is_empty());
    }
}
