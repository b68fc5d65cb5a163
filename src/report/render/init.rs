//! `align init`: what was written, what was kept, and what to do next.

use std::path::Path;

use crate::authoring::scaffold::Written;

/// The summary of an init in `dir`; `example` says an example workspace
/// was written (its next steps are to look, not to create); `as_of` is
/// the day it was dated for when that is not today, which the hints pass.
pub fn human(
    dir: &Path,
    written: &Written,
    example: bool,
    as_of: Option<jiff::civil::Date>,
) -> String {
    let mut text = String::new();
    if written.created.is_empty() {
        text.push_str(&format!(
            "Nothing to write: everything is already in {}.\n",
            dir.display()
        ));
    } else {
        text.push_str(&format!(
            "Wrote {} files in {}:\n",
            written.created.len(),
            dir.display()
        ));
        for p in written.created.iter().take(12) {
            text.push_str(&format!("  {p}\n"));
        }
        if written.created.len() > 12 {
            text.push_str(&format!("  … and {} more\n", written.created.len() - 12));
        }
    }
    if !written.kept.is_empty() {
        text.push_str(&format!(
            "Kept {} existing files unchanged: {}\n",
            written.kept.len(),
            written.kept.join(", ")
        ));
    }
    if example {
        let a = as_of.map(|d| format!("--as-of {d} ")).unwrap_or_default();
        let pad = 28 + a.len();
        let hint = |cmd: &str, what: &str| {
            let c = format!("align {a}{cmd}");
            format!("  {c:<pad$} {what}\n")
        };
        text.push_str("\nNext:\n");
        text.push_str(&hint("status", "the goals and the work that moves them"));
        text.push_str(&hint("audit", "untraced work, lagging and starved KRs"));
        text.push_str(&hint("next", "what to work on first"));
        return text;
    }
    text.push_str({
        "\nNext:\n  align new objective \"Grow the pipeline\" --owner dana\n  align new kr \"Cut cost per lead to 140\" --objective O-1 --owner dana --start 180 --target 140 --unit USD\n  align new task \"Draft the brief\" --kr KR-1\n  align lint                   check that every task traces to a goal\n  align hook install           run the checks before every commit\n"
    });
    text
}
