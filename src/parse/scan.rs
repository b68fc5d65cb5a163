//! A block-YAML structure scanner that records where every key and value
//! was written. serde_yaml keeps no value positions, so this scanner is the
//! source of the line and column in every finding and of the byte ranges the
//! front-matter editor rewrites. It never decides what a value *means*
//! (serde_yaml does that); it only finds where things are, and anything it
//! does not understand (flow collections, multi-line scalars) becomes one
//! opaque value span. It never fails: odd input yields fewer spans.

use crate::span::Span;

/// How deep the scanner follows nesting before treating the rest as opaque.
const MAX_DEPTH: usize = 64;

/// The shape of a value as written in block style.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Node {
    /// A block mapping: `key: value` lines at one indent.
    Map(Vec<Entry>),
    /// A block sequence: `- value` lines at one indent.
    Seq(Vec<SeqItem>),
    /// Anything else: a scalar, a flow collection, or nothing at all.
    #[default]
    Scalar,
}

/// One `key: value` of a block mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The key as written, without quotes.
    pub key: String,
    pub key_span: Span,
    /// The value: the inline text after `key:` (comment excluded), or the
    /// nested block. Empty, right after the colon, when there is no value.
    pub value_span: Span,
    pub value: Node,
    /// Whole lines of the entry, from the key line's start to the start of
    /// the line after its last line (so removing it removes whole lines).
    pub lines: Span,
    /// Column (0-based, in bytes) where the key starts.
    pub indent: usize,
}

/// One `- value` of a block sequence.
#[derive(Debug, Clone, PartialEq)]
pub struct SeqItem {
    /// The value after `- `, or the nested block.
    pub value_span: Span,
    pub value: Node,
    pub lines: Span,
    /// Column (0-based) of the dash.
    pub indent: usize,
}

impl Node {
    /// The entries of a mapping (empty for anything else).
    pub fn entries(&self) -> &[Entry] {
        match self {
            Node::Map(e) => e,
            _ => &[],
        }
    }

    /// The items of a sequence (empty for anything else).
    pub fn items(&self) -> &[SeqItem] {
        match self {
            Node::Seq(s) => s,
            _ => &[],
        }
    }

    /// The entry for `key` in a mapping.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries().iter().find(|e| e.key == key)
    }
}

#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    /// End of the line's text, before `\r\n` or `\n`.
    end: usize,
    /// Start of the next line.
    next: usize,
    /// Column of the first non-space character (the override for content
    /// that follows a `- ` on the same line).
    indent: usize,
    content: usize,
    /// Blank, a comment, or a document marker: carries no structure.
    empty: bool,
}

/// Scans `text` (YAML, or the inside of a front-matter block) and returns
/// its top-level node with spans relative to `text`.
pub fn scan(text: &str) -> Node {
    let mut lines = split_lines(text);
    let mut i = 0;
    parse_node(text, &mut lines, &mut i, 0, 0)
}

fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let nl = memchr(b'\n', &bytes[start..]).map(|p| start + p);
        let next = nl.map_or(bytes.len(), |p| p + 1);
        let mut end = nl.unwrap_or(bytes.len());
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        let indent = bytes[start..end].iter().take_while(|&&b| b == b' ').count();
        let content = start + indent;
        let rest = &text[content..end];
        let empty = rest.trim().is_empty()
            || rest.starts_with('#')
            || (indent == 0 && (rest == "---" || rest.starts_with("--- ") || rest == "..."))
            || (indent == 0 && rest.starts_with('%'));
        out.push(Line {
            start,
            end,
            next,
            indent,
            content,
            empty,
        });
        start = next;
    }
    out
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

fn skip_empty(lines: &[Line], i: &mut usize) {
    while *i < lines.len() && lines[*i].empty {
        *i += 1;
    }
}

fn parse_node(
    text: &str,
    lines: &mut [Line],
    i: &mut usize,
    min_indent: usize,
    depth: usize,
) -> Node {
    skip_empty(lines, i);
    let Some(line) = lines.get(*i).copied() else {
        return Node::Scalar;
    };
    if line.indent < min_indent || depth > MAX_DEPTH {
        return Node::Scalar;
    }
    let rest = &text[line.content..line.end];
    if is_dash(rest) {
        parse_seq(text, lines, i, line.indent, depth)
    } else if key_of(rest).is_some() {
        parse_map(text, lines, i, line.indent, depth)
    } else {
        Node::Scalar
    }
}

fn is_dash(rest: &str) -> bool {
    rest == "-" || rest.starts_with("- ")
}

/// Splits `key: rest` into the key (unquoted), its byte length as written,
/// and the offset of what follows the colon. `None` when the line is not a
/// mapping key.
fn key_of(rest: &str) -> Option<(String, usize, usize)> {
    let b = rest.as_bytes();
    let first = *b.first()?;
    if matches!(
        first,
        b'[' | b'{' | b'#' | b'?' | b'|' | b'>' | b'&' | b'*' | b'!' | b'%' | b'@' | b'`'
    ) {
        return None;
    }
    if first == b'-' && matches!(b.get(1), None | Some(b' ')) {
        return None;
    }
    if first == b'"' || first == b'\'' {
        let close = rest[1..].find(first as char)? + 1;
        let after = &rest[close + 1..];
        let colon = after.find(':')?;
        if !after[..colon].trim().is_empty() || !followed_by_space(after, colon) {
            return None;
        }
        return Some((rest[1..close].to_string(), close + 1, close + 1 + colon + 1));
    }
    let mut at = 0;
    while let Some(p) = rest[at..].find(':') {
        let colon = at + p;
        if followed_by_space(rest, colon) {
            if rest[..colon].contains(" #") {
                return None;
            }
            let key = rest[..colon].trim_end();
            return Some((key.to_string(), key.len(), colon + 1));
        }
        at = colon + 1;
    }
    None
}

fn followed_by_space(s: &str, colon: usize) -> bool {
    matches!(s.as_bytes().get(colon + 1), None | Some(b' ') | Some(b'\t'))
}

/// End of the value text in `s` before any trailing ` # comment`, quotes
/// respected.
fn value_end(s: &str) -> usize {
    let b = s.as_bytes();
    let mut quote: Option<u8> = None;
    for (i, &c) in b.iter().enumerate() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if (c == b'"' || c == b'\'') && (i == 0 || b[i - 1] == b' ') => quote = Some(c),
            None if c == b'#' && (i == 0 || b[i - 1] == b' ' || b[i - 1] == b'\t') => {
                return s[..i].trim_end().len();
            }
            None => {}
        }
    }
    s.trim_end().len()
}

/// Consumes lines more indented than `indent` (and blank lines between
/// them) that continue a value; returns the end of the last one's text.
fn take_continuation(lines: &[Line], i: &mut usize, indent: usize, mut end: usize) -> usize {
    let mut j = *i;
    while j < lines.len() {
        let l = lines[j];
        if l.empty {
            j += 1;
            continue;
        }
        if l.indent <= indent {
            break;
        }
        end = l.end;
        j += 1;
        *i = j;
    }
    end
}

fn parse_map(text: &str, lines: &mut [Line], i: &mut usize, indent: usize, depth: usize) -> Node {
    let mut entries = Vec::new();
    loop {
        skip_empty(lines, i);
        let Some(line) = lines.get(*i).copied() else {
            break;
        };
        if line.indent != indent {
            break;
        }
        let rest = &text[line.content..line.end];
        let Some((key, key_len, after)) = key_of(rest) else {
            break;
        };
        let quoted = usize::from(rest.starts_with(['"', '\'']));
        let key_span = Span::new(line.content + quoted, line.content + key_len - quoted);
        *i += 1;
        let after_abs = line.content + after;
        let tail = &text[after_abs..line.end];
        let lead = tail.len() - tail.trim_start().len();
        let value_start = after_abs + lead;
        let inline = &text[value_start..line.end];
        let inline_len = value_end(inline);
        let (value, value_span) = if inline_len > 0 {
            let is_block_scalar = inline.starts_with('|') || inline.starts_with('>');
            let first_end = value_start + inline_len;
            let end = take_continuation(lines, i, indent, first_end);
            let end = if is_block_scalar || end != first_end {
                end
            } else {
                first_end
            };
            (
                flow(text, Span::new(value_start, end), depth),
                Span::new(value_start, end),
            )
        } else {
            let mut j = *i;
            skip_empty(lines, &mut j);
            match lines.get(j).copied() {
                Some(next) if next.indent > indent => {
                    let node = parse_node(text, lines, i, indent + 1, depth + 1);
                    let node_end = lines[..*i].last().map_or(next.end, |l| l.end);
                    // Anything left more indented belongs to this entry too.
                    let end = take_continuation(lines, i, indent, node_end);
                    (node, Span::new(next.content, end))
                }
                Some(next) if next.indent == indent && is_dash(&text[next.content..next.end]) => {
                    let node = parse_seq(text, lines, i, indent, depth + 1);
                    let end = lines[..*i].last().map_or(next.end, |l| l.end);
                    (node, Span::new(next.content, end))
                }
                _ => (Node::Scalar, Span::new(after_abs, after_abs)),
            }
        };
        let last_next = lines[..*i].last().map_or(line.next, |l| l.next);
        entries.push(Entry {
            key,
            key_span,
            value_span,
            value,
            lines: Span::new(line.start, last_next),
            indent,
        });
    }
    Node::Map(entries)
}

fn parse_seq(text: &str, lines: &mut [Line], i: &mut usize, indent: usize, depth: usize) -> Node {
    let mut items = Vec::new();
    loop {
        skip_empty(lines, i);
        let Some(line) = lines.get(*i).copied() else {
            break;
        };
        if line.indent != indent || !is_dash(&text[line.content..line.end]) {
            break;
        }
        let after_dash = line.content + 1;
        let tail = &text[after_dash..line.end];
        let value_start = after_dash + (tail.len() - tail.trim_start().len());
        let inline = &text[value_start..line.end];
        let (value, value_span) = if value_end(inline) == 0 {
            *i += 1;
            let node = parse_node(text, lines, i, indent + 1, depth + 1);
            let end = lines[..*i].last().map_or(line.end, |l| l.end);
            (node, Span::new(value_start, end))
        } else if is_dash(inline) || key_of(inline).is_some() {
            // `- key: value` or `- - x`: the content is a nested block whose
            // indent is the column where it starts on this line.
            lines[*i].indent = value_start - line.start;
            lines[*i].content = value_start;
            let node = parse_node(text, lines, i, indent + 1, depth + 1);
            let end = lines[..*i].last().map_or(line.end, |l| l.end);
            (node, Span::new(value_start, end))
        } else {
            *i += 1;
            let first_end = value_start + value_end(inline);
            let end = take_continuation(lines, i, indent, first_end);
            (
                flow(text, Span::new(value_start, end), depth),
                Span::new(value_start, end),
            )
        };
        let last_next = lines[..*i].last().map_or(line.next, |l| l.next);
        items.push(SeqItem {
            value_span,
            value,
            lines: Span::new(line.start, last_next),
            indent,
        });
    }
    Node::Seq(items)
}

/// The structure of a flow collection (`[a, b]`, `{start: 1, target: 2}`)
/// written in `span`; `Node::Scalar` for anything else.
fn flow(text: &str, span: Span, depth: usize) -> Node {
    let s = &text[span.start..span.end];
    let (open, close) = match s.as_bytes().first() {
        Some(b'[') => (b'[', b']'),
        Some(b'{') => (b'{', b'}'),
        _ => return Node::Scalar,
    };
    if depth > MAX_DEPTH || s.as_bytes().last() != Some(&close) {
        return Node::Scalar;
    }
    let inner = Span::new(span.start + 1, span.end - 1);
    let parts = split_flow(text, inner);
    if open == b'[' {
        let items = parts
            .into_iter()
            .map(|p| SeqItem {
                value_span: p,
                value: flow(text, p, depth + 1),
                lines: p,
                indent: 0,
            })
            .collect();
        return Node::Seq(items);
    }
    let mut entries = Vec::new();
    for p in parts {
        let part = &text[p.start..p.end];
        let Some((key, key_len, after)) = key_of(part) else {
            return Node::Scalar;
        };
        let quoted = usize::from(part.starts_with(['"', '\'']));
        let rest = &part[after..];
        let value_start = p.start + after + (rest.len() - rest.trim_start().len());
        let value_span = Span::new(value_start, p.end);
        entries.push(Entry {
            key,
            key_span: Span::new(p.start + quoted, p.start + key_len - quoted),
            value_span,
            value: flow(text, value_span, depth + 1),
            lines: p,
            indent: 0,
        });
    }
    Node::Map(entries)
}

/// Splits the inside of a flow collection at its top-level commas, each
/// part trimmed; quotes and nested brackets are respected.
fn split_flow(text: &str, inner: Span) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut parts = Vec::new();
    let (mut depth, mut quote, mut start) = (0usize, None::<u8>, inner.start);
    let push = |a: usize, b: usize, parts: &mut Vec<Span>| {
        let raw = &text[a..b];
        let lead = raw.len() - raw.trim_start().len();
        let t = raw.trim();
        if !t.is_empty() {
            parts.push(Span::new(a + lead, a + lead + t.len()));
        }
    };
    for (i, &c) in bytes.iter().enumerate().take(inner.end).skip(inner.start) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                b'"' | b'\'' => quote = Some(c),
                b'[' | b'{' => depth += 1,
                b']' | b'}' => depth = depth.saturating_sub(1),
                b',' if depth == 0 => {
                    push(start, i, &mut parts);
                    start = i + 1;
                }
                _ => {}
            },
        }
    }
    push(start, inner.end, &mut parts);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, s: Span) -> &str {
        &text[s.start..s.end]
    }

    #[test]
    fn keys_values_and_comments() {
        let text = "id: T-1   # the id\ntitle: \"a: b\"\nkr: [KR-1, KR-2]\nempty:\n";
        let node = scan(text);
        let e = node.get("id").unwrap();
        assert_eq!(at(text, e.key_span), "id");
        assert_eq!(at(text, e.value_span), "T-1");
        assert_eq!(at(text, node.get("title").unwrap().value_span), "\"a: b\"");
        let kr = node.get("kr").unwrap();
        assert_eq!(at(text, kr.value_span), "[KR-1, KR-2]");
        assert_eq!(at(text, kr.value.items()[1].value_span), "KR-2");
        let empty = node.get("empty").unwrap();
        assert!(empty.value_span.is_empty());
        assert_eq!(at(text, empty.lines), "empty:\n");
    }

    #[test]
    fn nested_maps_and_sequences() {
        let text = "metric:\n  start: 30\n  target: 45\ncheckins:\n  - date: 2026-10-01\n    value: 31\n  - {date: 2026-11-01, value: 35}\nkr:\n- KR-1\n- KR-2\ntitle: x\n";
        let node = scan(text);
        let metric = node.get("metric").unwrap();
        assert_eq!(
            at(text, metric.value.get("target").unwrap().value_span),
            "45"
        );
        let checkins = node.get("checkins").unwrap();
        let items = checkins.value.items();
        assert_eq!(items.len(), 2);
        assert_eq!(
            at(text, items[0].value.get("value").unwrap().value_span),
            "31"
        );
        assert_eq!(
            at(text, items[1].value_span),
            "{date: 2026-11-01, value: 35}"
        );
        assert_eq!(
            at(text, items[1].value.get("value").unwrap().value_span),
            "35"
        );
        assert_eq!(
            at(text, checkins.lines),
            "checkins:\n  - date: 2026-10-01\n    value: 31\n  - {date: 2026-11-01, value: 35}\n"
        );
        let kr = node.get("kr").unwrap();
        assert_eq!(kr.value.items().len(), 2);
        assert_eq!(at(text, kr.value.items()[1].value_span), "KR-2");
        assert_eq!(at(text, node.get("title").unwrap().value_span), "x");
    }

    #[test]
    fn block_scalars_and_crlf() {
        let text = "note: |\r\n  line one\r\n  line two\r\nstatus: done\r\n";
        let node = scan(text);
        assert_eq!(
            at(text, node.get("note").unwrap().value_span),
            "|\r\n  line one\r\n  line two"
        );
        assert_eq!(at(text, node.get("status").unwrap().value_span), "done");
    }

    #[test]
    fn top_level_sequence_of_items() {
        let text = "- id: O-1\n  kind: objective\n- id: KR-1\n  kind: kr\n  objective: O-1\n";
        let node = scan(text);
        let items = node.items();
        assert_eq!(items.len(), 2);
        assert_eq!(
            at(text, items[1].value.get("objective").unwrap().value_span),
            "O-1"
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "",
            ":",
            "- ",
            "\"unterminated: x",
            "a:\n\t- b",
            "? complex\n: v",
            "-\n-\n -",
            "'a': 1\n\"b\" : 2",
        ] {
            let _ = scan(text);
        }
        let deep: String = (0..500)
            .map(|d| format!("{}k{d}:\n", " ".repeat(d)))
            .collect();
        let _ = scan(&deep);
    }
}
