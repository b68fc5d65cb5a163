//! `align init`: what was written, what was kept, and what to do next.

use std::path::Path;

use crate::authoring::scaffold::Written;

/// The summary of an init in `dir`; `example` says an example workspace
/// was written (its next steps are to look, not to create).
pub fn human(dir: &Path, written: &Written, example: bool) -> String {
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
    text.push_str(if example {
        "\nNext:\n  align status                 the goals and the work that moves them\n  align audit                  untraced work, lagging and starved KRs\n  align next                   what to work on first\n"
    } else {
        "\nNext:\n  align new objective \"Grow the pipeline\" --owner dana\n  align new kr \"Cut cost per lead to 140\" --objective O-1 --owner dana\n  align new task \"Draft the brief\" --kr KR-1\n  align lint                   check that every task traces to a goal\n  align hook install           run the checks before every commit\n"
    });
    text
}
