//! AL006 owner: one owner per objective and KR, from `people` when listed.

use super::{LintContext, Rule, item_anchor};
use crate::config::Severity;
use crate::model::Kind;
use crate::report::Diagnostic;
use crate::suggest::closest;

pub const RULE: Rule = Rule {
    code: "AL006",
    name: "owner",
    default: Severity::Error,
    summary: "an objective or KR has no owner, or more than one; or an owner not in `people`",
    explain: "What it checks: every objective and KR has exactly one `owner`. When align.yaml lists `people`, every item's owner is one of them.

Why it matters: a goal with no owner is nobody's job, and a goal with two owners is each one's excuse. One accountable person per goal is the first test of aligned execution. The `people` list catches typos that would split one person's work in two.

Example:
    owner: [dana, sam]     # two owners
    owner: dnaa            # not in people

How to fix: name one person as `owner:`; record helpers in the body or in `raci` on initiatives and tasks. Fix misspelt names, or add the person to `people` in align.yaml.",
    check,
};

fn check(cx: &LintContext, out: &mut Vec<Diagnostic>) {
    let g = cx.graph;
    let people = cx.config.people.as_deref();
    for (ix, item) in cx.items() {
        let span = item.owner_span.unwrap_or_else(|| item_anchor(g, ix));
        if matches!(item.kind, Kind::Objective | Kind::Kr) {
            match item.owners.len() {
                0 => {
                    out.push(RULE.on_item(
                        g,
                        ix,
                        span,
                        format!("{} `{}` has no owner", item.kind.noun(), item.id),
                        "add `owner: NAME`: one person accountable for this goal",
                    ));
                    continue;
                }
                1 => {}
                n => {
                    out.push(RULE.on_item(
                        g,
                        ix,
                        span,
                        format!(
                            "{} `{}` has {n} owners; a goal has exactly one",
                            item.kind.noun(),
                            item.id
                        ),
                        "keep one `owner` and record the others in the body",
                    ));
                    continue;
                }
            }
        }
        let Some(people) = people else { continue };
        for owner in &item.owners {
            if !people.contains(owner) {
                let help = match closest(owner, people.iter().map(String::as_str)) {
                    Some(s) => {
                        format!("did you mean `{s}`? Or add `{owner}` to `people` in align.yaml")
                    }
                    None => {
                        format!("use one of the `people` in align.yaml, or add `{owner}` there")
                    }
                };
                out.push(RULE.on_item(
                    g,
                    ix,
                    span,
                    format!("owner `{owner}` is not in `people`"),
                    help,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{codes_with, lint_files};

    #[test]
    fn one_owner_from_people() {
        assert_eq!(
            codes_with(&[("O-2.md", "---\nkind: objective\ntitle: o\n---\n")]),
            ["AL006"]
        );
        assert_eq!(
            codes_with(&[(
                "O-2.md",
                "---\nkind: objective\ntitle: o\nowner: [a, b]\n---\n"
            )]),
            ["AL006"]
        );
        assert!(
            codes_with(&[("O-2.md", "---\nkind: objective\ntitle: o\nowner: a\n---\n")]).is_empty()
        );
        let found = lint_files(
            "people: [dana]",
            &[(
                "O-2.md",
                "---\nkind: objective\ntitle: o\nowner: dnaa\n---\n",
            )],
        );
        assert_eq!(found[0].0, "AL006");
    }
}
