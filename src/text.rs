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

/// Wraps prose at spaces so no line is wider than `width` characters,
/// the first line starting at column `start` (after a prefix the caller
/// prints) and every later line with `indent`. A word longer than a line
/// stays whole (an id or a path is never cut). Without a width (piped
/// output) the text is returned as it is.
pub fn wrap(s: &str, width: Option<usize>, start: usize, indent: &str) -> String {
    let Some(width) = width else {
        return s.to_string();
    };
    let mut out = String::new();
    let mut col = start;
    let mut first_on_line = true;
    for word in s.split(' ').filter(|w| !w.is_empty()) {
        let n = word.chars().count();
        if !first_on_line && col + 1 + n > width {
            out.push('\n');
            out.push_str(indent);
            col = indent.chars().count();
            first_on_line = true;
        }
        if !first_on_line {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += n;
        first_on_line = false;
    }
    out
}

/// A share in [0, 1] as a whole percent: `35%`.
pub fn pct(p: f64) -> String {
    format!("{}%", (p * 100.0).round() as i64)
}

/// Whether a root-relative path names a Markdown file (by extension,
/// case-insensitive; `.mdx` is Markdown whose front-matter is all align
/// reads, SPEC §1).
pub fn is_markdown(path: &str) -> bool {
    path.rsplit_once('.').is_some_and(|(_, ext)| {
        ["md", "markdown", "mdx"]
            .iter()
            .any(|m| m.eq_ignore_ascii_case(ext))
    })
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
        assert!(is_markdown("a/B.MDX") && is_markdown("c.Markdown") && !is_markdown("md"));
    }

    #[test]
    fn wraps_at_spaces_and_keeps_long_words() {
        assert_eq!(wrap("one two three", None, 0, ""), "one two three");
        assert_eq!(wrap("one two three", Some(9), 0, "  "), "one two\n  three");
        assert_eq!(wrap("aa bb", Some(6), 4, "    "), "aa\n    bb");
        assert_eq!(
            wrap("x a-very-long-identifier", Some(8), 0, ""),
            "x\na-very-long-identifier"
        );
    }
}
