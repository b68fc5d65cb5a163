//! AL014 parse-error: item files can be read.

use super::{LintContext, Rule};
use crate::config::Severity;
use crate::parse::FileProblemKind;
use crate::report::Diagnostic;

pub const RULE: Rule = Rule {
    code: "AL014",
    name: "parse-error",
    default: Severity::Error,
    summary: "a file that should be an item cannot be read: bad YAML, not UTF-8, unclosed front-matter, over 1 MiB, a YAML alias bomb",
    explain: "What it checks: every file that is (or means to be) an item can be read: valid UTF-8 text, at most 1 MiB, front-matter closed with `---`, YAML that parses without duplicate keys or runaway nesting (more than 64 levels). YAML aliases are never expanded where align skips a value, and serde_yaml bounds the expansion where it reads one, so an alias bomb ends here or as an AL008 finding on its field, never as a hang.

Why it matters: an item align cannot read is an item that silently drops out of every trace, count and gate. Reporting it keeps the numbers honest, and one bad file never stops the rest from being checked.

Example:
    ---
    title: Launch: phase 2     # `: ` inside a value needs quotes
    ---

How to fix: follow the hint in the finding (most YAML errors are a missing quote or an indentation slip). Binary or generated files under the root can be left out with `exclude:` in align.yaml.",
    check,
};

fn check(cx: &LintContext, out: &mut Vec<Diagnostic>) {
    for (file, p) in cx.file_problems() {
        if p.kind == FileProblemKind::Unreadable {
            let mut d = RULE.in_file(*file, p.span, p.message.clone(), p.help.clone());
            d.label = "cannot read past here".into();
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::codes_with;

    #[test]
    fn fires_on_unreadable_items() {
        assert_eq!(
            codes_with(&[("T-1.md", "---\nkind: task\ntitle: a: b\n---\n")]),
            ["AL014"]
        );
        assert_eq!(codes_with(&[("T-1.md", "---\nkind: task\n")]), ["AL014"]);
    }
}
