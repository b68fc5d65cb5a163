//! AL004 duplicate-id: ids are unique across the workspace.

use super::{LintContext, Rule};
use crate::config::Severity;
use crate::report::{Diagnostic, Label};

pub const RULE: Rule = Rule {
    code: "AL004",
    name: "duplicate-id",
    default: Severity::Error,
    summary: "two items share an id",
    explain: "What it checks: no two items have the same `id` (an id defaults to the file name without its extension).

Why it matters: links name ids. With two items behind one id, every link to it is ambiguous and align can only follow the first; the second item's work and progress vanish from the rollup.

Example:
    okrs/KR-3.md        id: KR-3
    okrs/q4.yaml        - id: KR-3

How to fix: rename one of them and update the links that meant it. Tasks made with `align new task` get random ids, so two branches never mint the same one.",
    check,
};

fn check(cx: &LintContext, out: &mut Vec<Diagnostic>) {
    let g = cx.graph;
    for (ix, item) in cx.items() {
        let all = g.all_with(&item.id);
        if all.len() < 2 || all[0] == ix {
            continue;
        }
        let first = all[0];
        let mut d = RULE.on_item(
            g,
            ix,
            item.id_span,
            format!("the id `{}` is already used by another item", item.id),
            "give this item a unique id and update the links that meant it",
        );
        d.label = "duplicate id".into();
        d.related.push(Label {
            file: g.items[first].origin.file,
            span: g.items[first].id_span,
            message: "first defined here".into(),
        });
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::codes_with;

    #[test]
    fn fires_on_the_second_copy() {
        assert_eq!(
            codes_with(&[(
                "x/O-1.md",
                "---\nkind: objective\ntitle: again\nowner: dana\n---\n"
            )]),
            ["AL004"]
        );
    }
}
