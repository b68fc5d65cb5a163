//! Small text helpers shared by the parser, the analyses and the
//! renderers: cutting long values for messages and tables, percentages
//! for sentences, which files are Markdown, and making text from files
//! safe to show on a terminal.
//!
//! # Terminal safety
//!
//! Titles, owners, ids, keys, paths and the values findings quote come
//! from files anyone can commit. Printed raw, `ESC ]0;…BEL` retitles the
//! reader's terminal, `ESC [2J` clears it and a C1 `U+009B` starts a
//! control sequence on terminals that read C1; a newline or a carriage
//! return in a title fakes a line of output. Two layers keep them out:
//!
//! 1. [`escape`] is applied where file text enters a renderer (the rows,
//!    cells, labels and messages each human format builds, and miette's
//!    snippet), so a value is shown as Rust writes it (`\u{1b}`, `\n`) and
//!    always takes exactly the columns the layout measured. Only there can
//!    a newline from a file be told from a newline the format prints.
//! 2. [`for_terminal`] runs at the sink ([`crate::output::print`] and
//!    `eprint`), on everything: it keeps `\n`, `\t` and — only when colour
//!    is on — `ESC [ digits/semicolons m`, the one sequence align itself
//!    emits, and escapes every other control character. It is the
//!    guarantee: a renderer that forgets step 1 (or a new one) can misalign
//!    a line or tint it, but never drive the terminal. It alone cannot tell
//!    a file's newline or colour code from ours, which is why step 1 exists.
//!
//! JSON and SARIF escape the same characters as `\u00XX` instead (see
//! [`crate::report::render::json::pretty`]), so a value round-trips exactly.

use std::borrow::Cow;

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

/// Whether `c` is a control character: C0 (`U+0000`–`U+001F`), DEL or C1
/// (`U+0080`–`U+009F`).
pub fn is_control(c: char) -> bool {
    c.is_control()
}

/// Escapes every control character of a value from a file (C0 including
/// newline, tab and carriage return, DEL, C1) the way Rust's `{:?}` does —
/// `\n`, `\r`, `\t`, `\u{1b}`, `\u{9b}` — so the value prints on one
/// line and drives nothing. Everything else, backslashes included, is kept
/// as written: the result is for reading, not for parsing back.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_escaped(&mut out, c);
    }
    Cow::Owned(out)
}

fn push_escaped(out: &mut String, c: char) {
    if is_control(c) {
        out.extend(c.escape_debug());
    } else {
        out.push(c);
    }
}

/// Escapes a whole source file for a snippet (miette's human view): like
/// [`escape`] but keeps line breaks, drawing `\r\n` as a plain line break,
/// and returns for every byte offset of `s` (and one past its end) the
/// offset in the result, so spans into the file can be moved onto it.
pub fn escape_source(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    let mut chars = s.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        let at = out.len();
        map.extend(std::iter::repeat_n(at, c.len_utf8()));
        match c {
            '\n' => out.push('\n'),
            '\r' if chars.peek().is_some_and(|&(_, n)| n == '\n') => {}
            _ => push_escaped(&mut out, c),
        }
    }
    map.push(out.len());
    (out, map)
}

/// The sink's filter (layer 2 above): keeps `\n` and `\t`, keeps
/// `ESC [ [0-9;]* m` (select graphic rendition: colour, bold, reset) when
/// `color` is on, and escapes every other control character as [`escape`]
/// does. Borrowed when there is nothing to change, which is the common case.
pub fn for_terminal(s: &str, color: bool) -> Cow<'_, str> {
    let clean = |i: usize, c: char| -> bool {
        !is_control(c) || c == '\n' || c == '\t' || (color && c == '\u{1b}' && sgr_len(&s[i..]) > 0)
    };
    if s.char_indices().all(|(i, c)| clean(i, c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if color && c == '\u{1b}' {
            let n = sgr_len(rest);
            if n > 0 {
                out.push_str(&rest[..n]);
                rest = &rest[n..];
                continue;
            }
        }
        if c == '\n' || c == '\t' {
            out.push(c);
        } else {
            push_escaped(&mut out, c);
        }
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

/// The length of the SGR sequence `ESC [ [0-9;]* m` at the start of `s`,
/// or 0 when `s` does not start with one.
fn sgr_len(s: &str) -> usize {
    let b = s.as_bytes();
    if !b.starts_with(b"\x1b[") {
        return 0;
    }
    let params = b[2..]
        .iter()
        .take_while(|&&x| x.is_ascii_digit() || x == b';')
        .count();
    if b.get(2 + params) == Some(&b'm') {
        3 + params
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_in_rust_style() {
        assert_eq!(escape("plain é"), "plain é");
        assert!(matches!(escape("plain"), Cow::Borrowed(_)));
        assert_eq!(
            escape("a\u{1b}]0;pwned\u{7}b\u{1b}[2J\u{9b}\u{7f}\r\n\t"),
            "a\\u{1b}]0;pwned\\u{7}b\\u{1b}[2J\\u{9b}\\u{7f}\\r\\n\\t"
        );
        assert_eq!(escape("back\\slash \"q\""), "back\\slash \"q\"");
    }

    #[test]
    fn source_escaping_keeps_lines_and_maps_offsets() {
        let (out, map) = escape_source("a\u{1b}b\r\nc\rd");
        assert_eq!(out, "a\\u{1b}b\nc\\rd");
        assert_eq!(map.len(), "a\u{1b}b\r\nc\rd".len() + 1);
        assert_eq!(map[2], "a\\u{1b}".len()); // b
        assert_eq!(&out[map[5]..map[6]], "c");
        assert_eq!(*map.last().unwrap(), out.len());
    }

    #[test]
    fn sink_keeps_only_our_colour() {
        let ours = "\u{1b}[1;31mred\u{1b}[0m\n\tx";
        assert!(matches!(for_terminal(ours, true), Cow::Borrowed(_)));
        assert_eq!(for_terminal(ours, false), "\\u{1b}[1;31mred\\u{1b}[0m\n\tx");
        assert_eq!(
            for_terminal("\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}2J\u{7f}\r\u{1b}", true),
            "\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{9b}2J\\u{7f}\\r\\u{1b}"
        );
    }

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
