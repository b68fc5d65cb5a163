//! `align explain`: the rule list, or one rule's text, as human text,
//! JSON or Markdown.

use crate::cli::Format;
use crate::report::RuleDoc;

/// Renders `rules`; `one` says a single rule was asked for (JSON prints
/// an object rather than a list, human text the whole explanation).
/// `width` wraps the list's summaries (`None` when piped).
pub fn render(format: Format, rules: &[RuleDoc], one: bool, width: Option<usize>) -> String {
    match format {
        Format::Json => {
            let list: Vec<serde_json::Value> = rules
                .iter()
                .map(|r| serde_json::json!({"code": r.code, "name": r.name, "default": r.default.as_str(), "summary": r.summary, "explain": r.explain}))
                .collect();
            let value = match (one, list.first()) {
                (true, Some(first)) => first.clone(),
                _ => serde_json::Value::Array(list),
            };
            super::json::pretty(&value)
        }
        Format::Markdown => rules
            .iter()
            .map(|r| {
                format!(
                    "## {} {} ({})\n\n{}\n\n",
                    r.code,
                    r.name,
                    r.default.as_str(),
                    r.explain
                )
            })
            .collect(),
        _ if !one => {
            let mut out = String::new();
            let name_width = rules.iter().map(|r| r.name.len()).max().unwrap_or(0);
            for r in rules {
                let lead = format!(
                    "{}  {:<name_width$}  {:<7}  ",
                    r.code,
                    r.name,
                    r.default.as_str()
                );
                let at = lead.chars().count();
                let summary = crate::text::wrap(r.summary, width, at, &" ".repeat(at));
                out.push_str(&format!("{lead}{summary}\n"));
            }
            out.push_str("\nRun `align explain CODE` for what a rule checks and how to fix it.\n");
            out
        }
        _ => rules
            .iter()
            .map(|r| {
                format!(
                    "{} {} (default: {})\n\n{}\n",
                    r.code,
                    r.name,
                    r.default.as_str(),
                    r.explain
                )
            })
            .collect(),
    }
}
