//! Small text helpers shared by the parser, the analyses and the
//! renderers: cutting long values for messages and tables, percentages
//! for sentences, and which files are Markdown.

/// Cuts `s` to at most `max` characters, ending in `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut cut: String = s.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// A share in [0, 1] as a whole percent: `35%`.
pub fn pct(p: f64) -> String {
    format!("{}%", (p * 100.0).round() as i64)
}

/// Whether a root-relative path names a Markdown file (by extension).
pub fn is_markdown(path: &str) -> bool {
    path.ends_with(".md") || path.ends_with(".markdown")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_characters() {
        assert_eq!(truncate("abcdef", 6), "abcdef");
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("ééééé", 3), "éé…");
        assert_eq!(pct(0.354), "35%");
        assert!(is_markdown("a/b.md") && !is_markdown("a/b.yaml"));
    }
}
