//! AL003 wrong-link-kind: a link field names an item of the kind it allows.

use super::{LintContext, Rule};
use crate::config::Severity;
use crate::report::{Diagnostic, Label};

pub const RULE: Rule = Rule {
    code: "AL003",
    name: "wrong-link-kind",
    default: Severity::Error,
    summary: "a link field names an item of another kind than the field allows",
    explain: "What it checks: each link field names the kind it is for: `parent` and `objective` an objective, `kr` a KR, `initiative` an initiative, `depends_on` a task.

Why it matters: traces run task → initiative → KR → objective. A task whose `kr:` names an objective skips the level that carries the measure, so its work cannot move any number.

Example:
    kr: O-1        # O-1 is an objective, not a KR

How to fix: name an item of the right kind (for the example, one of O-1's KRs), or move the id to the field that fits it.",
    check,
};

fn check(cx: &LintContext, out: &mut Vec<Diagnostic>) {
    let g = cx.graph;
    for (ix, item) in cx.items() {
        for edge in &g.out[ix] {
            let Some(t) = edge.target else { continue };
            let want = edge.field.target_kind();
            let got = g.items[t].kind;
            if got == want {
                continue;
            }
            let link = &item.links[edge.link];
            let mut d = RULE.on_item(
                g,
                ix,
                link.span,
                format!(
                    "`{}` must name {}, but `{}` is {}",
                    edge.field.as_str(),
                    want.a_noun(),
                    link.target,
                    got.a_noun()
                ),
                format!(
                    "name {} here, or move `{}` to the field for {}s",
                    want.a_noun(),
                    link.target,
                    got.noun()
                ),
            );
            d.label = format!("this is {}", got.a_noun());
            d.related.push(Label {
                file: g.items[t].origin.file,
                span: g.items[t].id_span,
                message: format!("`{}` is defined here", link.target),
            });
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::codes_with;

    #[test]
    fn fires_on_wrong_kinds() {
        assert_eq!(
            codes_with(&[("T-1.md", "---\nkind: task\ntitle: t\nkr: O-1\n---\n")]),
            ["AL003"]
        );
        assert!(codes_with(&[("T-1.md", "---\nkind: task\ntitle: t\nkr: KR-1\n---\n")]).is_empty());
    }
}
