//! AL002 dangling-link: every link names an item that exists.

use super::{LintContext, Rule};
use crate::config::Severity;
use crate::report::Diagnostic;
use crate::report::input::Mentions;
use crate::suggest::nearest;

pub const RULE: Rule = Rule {
    code: "AL002",
    name: "dangling-link",
    default: Severity::Error,
    summary: "a link names an id no item has",
    explain: "What it checks: every id named in `parent`, `objective`, `kr`, `initiative` or `depends_on` belongs to an item in the workspace.

Why it matters: a link to nothing is a trace that silently breaks. The task looks linked, but its work moves no goal, and every number built on the trace is wrong.

Example:
    kr: KR-13      # there is no KR-13; did you mean KR-3?

How to fix: correct the id (the finding suggests the nearest existing ids), or create the missing item with `align new kr`. If the target was deleted on purpose, link the work to the goal that replaced it.",
    check,
};

fn check(cx: &LintContext, out: &mut Vec<Diagnostic>) {
    let g = cx.graph;
    // Ids written in files that could not be read: a link to one of them
    // dangles because of that file, so the finding names the file rather
    // than suggesting to create an item that exists (SPEC §8).
    let mentions = Mentions::of(g);
    for (ix, item) in cx.items() {
        for edge in g.out[ix].iter().filter(|e| e.target.is_none()) {
            let link = &item.links[edge.link];
            if let Some(m) = mentions.find(&link.target) {
                let mut d = RULE.on_item(
                    g,
                    ix,
                    link.span,
                    format!(
                        "`{}` links to `{}`, which no readable file defines: {}",
                        link.field.as_str(),
                        link.target,
                        m.sentence(&link.target)
                    ),
                    format!(
                        "fix `{}` first (its AL014 finding says what is wrong); the link may then resolve",
                        m.path
                    ),
                );
                d.label = format!("perhaps in `{}`, which could not be read", m.path);
                out.push(d);
                continue;
            }
            let kind = link.field.target_kind();
            let candidates = g
                .ids()
                .filter(|id| g.get(id).is_some_and(|t| g.items[t].kind == kind));
            let near = nearest(&link.target, candidates, 3);
            let help = if near.is_empty() {
                format!(
                    "no {} has this id; create it with `align new {}` or fix the id",
                    kind.noun(),
                    kind.as_str()
                )
            } else {
                let list: Vec<String> = near.iter().map(|s| format!("`{s}`")).collect();
                format!("did you mean {}?", list.join(" or "))
            };
            let mut d = RULE.on_item(
                g,
                ix,
                link.span,
                format!(
                    "`{}` links to `{}`, which does not exist",
                    link.field.as_str(),
                    link.target
                ),
                help,
            );
            d.label = "no item has this id".into();
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::codes_with;

    #[test]
    fn fires_on_missing_targets() {
        assert_eq!(
            codes_with(&[("T-1.md", "---\nkind: task\ntitle: t\nkr: KR-9\n---\n")]),
            ["AL002"]
        );
        assert!(codes_with(&[("T-1.md", "---\nkind: task\ntitle: t\nkr: KR-1\n---\n")]).is_empty());
    }

    #[test]
    fn names_the_unreadable_file_that_mentions_the_target() {
        let found = crate::rules::testing::lint_all(&[
            ("T-1.md", "---\nkind: task\ntitle: t\nkr: KR-1\n---\n"),
            (
                "okrs.yaml",
                "- id: O-1\n  kind: objective\n  title: a: b\n- id: KR-1\n  kind: kr\n",
            ),
        ]);
        let d = found.iter().find(|d| d.code == "AL002").unwrap();
        assert!(
            d.message
                .contains("`KR-1` may be defined in `okrs.yaml`, which could not be read (line 4)"),
            "{}",
            d.message
        );
        assert!(!d.help.contains("align new"), "{}", d.help);
    }
}
