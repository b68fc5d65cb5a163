//! Where an `align.yaml` error is and what would fix it. serde_yaml says
//! *that* a value is wrong, in serde's words ("invalid type: string
//! \"dana\", expected a sequence"), and for a duplicate key points at the
//! start of the mapping; this module turns that into the SPEC's words —
//! what the value must be, "did you mean" among the keys of the section
//! the key is in — and uses the block scanner ([`crate::parse::scan`]) to
//! point at the exact key (the second of two duplicates, an unknown rule).

use crate::parse::scan::{Entry, Node, scan};
use crate::span::LineIndex;
use crate::suggest::closest;

/// An error ready for [`crate::error::Fatal::Config`].
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: String,
}

fn locate(text: &str, offset: usize, message: String, help: String) -> Located {
    let (line, column) = LineIndex::new(text).line_col(text, offset);
    Located {
        line,
        column,
        message,
        help,
    }
}

/// The first key written twice in one mapping, at its second occurrence.
pub fn duplicate_key(text: &str) -> Option<Located> {
    let root = scan(text);
    let mut stack: Vec<(&Node, String)> = vec![(&root, String::new())];
    while let Some((node, path)) = stack.pop() {
        let entries = node.entries();
        for (i, e) in entries.iter().enumerate() {
            if let Some(first) = entries[..i].iter().find(|f| f.key == e.key) {
                let (first_line, _) = LineIndex::new(text).line_col(text, first.key_span.start);
                let whole = join(&path, &e.key);
                return Some(locate(
                    text,
                    e.key_span.start,
                    format!("`{whole}` is written twice (first on line {first_line})"),
                    "each key may appear once: keep one and remove the other".into(),
                ));
            }
        }
        for e in entries.iter().rev() {
            stack.push((&e.value, join(&path, &e.key)));
        }
        for (i, item) in node.items().iter().enumerate().rev() {
            stack.push((&item.value, format!("{path}[{i}]")));
        }
    }
    None
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Where `name` is written as a key of a `rules:` mapping (at the top or
/// in an `overrides` entry), for an unknown rule.
pub fn rule_key(text: &str, name: &str) -> Option<(usize, usize)> {
    let root = scan(text);
    let in_rules = |rules: Option<&Entry>| {
        rules.and_then(|r| {
            r.value
                .entries()
                .iter()
                .find(|e| e.key == name)
                .map(|e| e.key_span.start)
        })
    };
    let offset = in_rules(root.get("rules")).or_else(|| {
        root.get("overrides")?
            .value
            .items()
            .iter()
            .find_map(|o| in_rules(o.value.get("rules")))
    })?;
    Some(LineIndex::new(text).line_col(text, offset))
}

/// serde_yaml's message (`people: invalid type: …`) rewritten: what the
/// value must be and a suggestion, or `None` when it is a syntax error
/// (which keeps the YAML hint).
pub fn explain(message: &str) -> Option<(String, String)> {
    let (path, rest) = split_path(message);
    let name = if path.is_empty() {
        "align.yaml".to_string()
    } else {
        format!("`{path}`")
    };
    if let Some(after) = rest.strip_prefix("unknown field `") {
        let (key, expected) = after.split_once('`')?;
        let keys = expected_list(expected);
        let section = if path.is_empty() {
            "align.yaml's top level".to_string()
        } else {
            format!("`{path}`")
        };
        let help = match closest(key, keys.iter().map(String::as_str)) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("the keys of {section} are {}", ticks(&keys)),
        };
        return Some((format!("`{key}` is not a key of {section}"), help));
    }
    if let Some(after) = rest.strip_prefix("unknown variant `") {
        let (value, expected) = after.split_once('`')?;
        let allowed = expected_list(expected);
        let help = match closest(
            &value.to_ascii_lowercase(),
            allowed.iter().map(String::as_str),
        ) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("write one of {}", ticks(&allowed)),
        };
        return Some((
            format!("{name} must be one of {}, not `{value}`", ticks(&allowed)),
            help,
        ));
    }
    if let Some(after) = rest.strip_prefix("invalid type: ") {
        let (found, expected) = after.split_once(", expected ")?;
        let shown = found
            .split_once(' ')
            .map_or(found, |(_, v)| v)
            .trim_matches('`');
        let (must, example) = match expected.trim() {
            "a sequence" => (
                "a list",
                format!("`{}: [{}]`", leaf(&path), shown.trim_matches('"')),
            ),
            "a map" => (
                "a mapping of keys to values",
                format!("`{}: {{key: value}}`", leaf(&path)),
            ),
            "usize" | "u32" | "u64" => {
                ("a whole number, 0 or more", format!("`{}: 3`", leaf(&path)))
            }
            "i64" | "i32" => ("a whole number", format!("`{}: 14`", leaf(&path))),
            "f64" | "f32" => ("a number", format!("`{}: 30`", leaf(&path))),
            other => {
                return Some((
                    format!("{name} must be {other}, not {shown}"),
                    "see the example `align.yaml` in the README".into(),
                ));
            }
        };
        let mut help = format!("write it as {example}");
        if shown.trim_matches('"').ends_with('%') {
            help = format!("write the percentage as a plain number, without `%`: {example}");
        }
        return Some((format!("{name} must be {must}, not {shown}"), help));
    }
    None
}

/// `audit.stale_days: invalid type…` → (`audit.stale_days`, `invalid type…`).
fn split_path(message: &str) -> (String, &str) {
    for marker in ["unknown field `", "unknown variant `", "invalid type: "] {
        if let Some(at) = message.find(marker) {
            let path = message[..at].trim_end().trim_end_matches(':');
            return (path.to_string(), &message[at..]);
        }
    }
    (String::new(), message)
}

/// The last key of a dotted path, without an index.
fn leaf(path: &str) -> &str {
    let last = path.rsplit('.').next().unwrap_or(path);
    last.split('[').next().unwrap_or(last)
}

/// serde's "expected one of `a`, `b`" / "expected `a` or `b`" as a list.
fn expected_list(text: &str) -> Vec<String> {
    text.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s.to_string())
        .collect()
}

fn ticks(list: &[String]) -> String {
    let quoted: Vec<String> = list.iter().map(|s| format!("`{s}`")).collect();
    quoted.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_point_at_the_second() {
        let text = "include: [a]\nperiod: quarter\naudit:\n  stale_days: 3\n  stale_days: 4\n";
        let d = duplicate_key(text).unwrap();
        assert_eq!((d.line, d.column), (5, 3));
        assert!(
            d.message
                .contains("`audit.stale_days` is written twice (first on line 4)")
        );
    }

    #[test]
    fn serde_words_become_what_the_value_must_be() {
        let (m, h) =
            explain("period: unknown variant `quater`, expected one of `quarter`, `half`, `year`")
                .unwrap();
        assert_eq!(
            m,
            "`period` must be one of `quarter`, `half`, `year`, not `quater`"
        );
        assert_eq!(h, "did you mean `quarter`?");
        let (m, h) =
            explain("audit: unknown field `include`, expected one of `stale_days`, `at_risk_gap`")
                .unwrap();
        assert_eq!(m, "`include` is not a key of `audit`");
        assert_eq!(h, "the keys of `audit` are `stale_days`, `at_risk_gap`");
        let (m, _) = explain("people: invalid type: string \"dana\", expected a sequence").unwrap();
        assert_eq!(m, "`people` must be a list, not \"dana\"");
        let (_, h) =
            explain("audit.max_untraced_percent: invalid type: string \"30%\", expected f64")
                .unwrap();
        assert!(h.contains("without `%`"), "{h}");
        assert!(explain("found unexpected end of stream").is_none());
    }
}
