//! AL009 unknown-field: only the fields of the item's kind.

use super::{LintContext, Rule};
use crate::config::Severity;
use crate::model::schema;
use crate::model::{FieldProblem, Kind};
use crate::report::Diagnostic;

pub const RULE: Rule = Rule {
    code: "AL009",
    name: "unknown-field",
    default: Severity::Warning,
    summary: "a field not in the schema for its kind (suggest the nearest field)",
    explain: "What it checks: every front-matter key is a field of the item's kind (SPEC §2), so typos are caught.

Why it matters: `stauts: done` is not a status: the task stays open and its work never counts as finished. An unknown key is almost always a typo or a field that belongs to another kind.

Example:
    stauts: done           # did you mean `status`?
    estimate: 3            # on a KR: `estimate` is a task field

How to fix: fix the spelling (the finding suggests the nearest field), or move the field to the kind it belongs to. Free-form notes go in the Markdown body. To allow extra keys, turn the rule off: `rules: { unknown-field: off }`.",
    check,
};

fn check(cx: &LintContext, out: &mut Vec<Diagnostic>) {
    let g = cx.graph;
    for (ix, item) in cx.items() {
        for p in &item.problems {
            let FieldProblem::Unknown {
                field,
                suggestion,
                span,
            } = p
            else {
                continue;
            };
            let elsewhere = schema::field_named(field).and_then(|f| f.kinds.iter().next());
            let help = match (suggestion, elsewhere.map(Kind::a_noun)) {
                (Some(s), _) => format!("did you mean `{s}`?"),
                (None, Some(k)) => {
                    format!("`{field}` is a field of {k}, not of {}", item.kind.a_noun())
                }
                (None, None) => "remove it, or move free-form notes into the Markdown body".into(),
            };
            let mut d = RULE.on_item(
                g,
                ix,
                *span,
                format!("`{field}` is not a field of {}", item.kind.a_noun()),
                help,
            );
            d.label = "unknown field".into();
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::codes_with;

    #[test]
    fn fires_on_unknown_keys() {
        assert_eq!(
            codes_with(&[(
                "T-1.md",
                "---\nkind: task\ntitle: t\nkr: KR-1\nstauts: done\n---\n"
            )]),
            ["AL009"]
        );
    }
}
