//! Values as the editor writes them: safe YAML scalars and small flow
//! collections. Text is written plain only when plain YAML reads it back as
//! that very string (checked with the parser itself, so `yes`, `1e3`, `~`
//! or `a: b` are quoted); otherwise it is quoted, in the style the value it
//! replaces was written in where there was one (SPEC §6: quoting is kept).

use crate::yaml::{self, Scalar};

/// A value to write into front-matter.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text that must read back as exactly this string.
    Text(String),
    /// A literal already validated by the caller and written as is: a
    /// number, a date, a boolean, an id known to be plain-safe.
    Plain(String),
    /// A flow list, `[a, b]`.
    List(Vec<Value>),
}

/// How a scalar was quoted where it was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Quote {
    #[default]
    Plain,
    Single,
    Double,
}

impl Quote {
    /// The quoting of a value as written (`"x"`, `'x'` or `x`).
    pub fn of(written: &str) -> Quote {
        match written.as_bytes().first() {
            Some(b'"') => Quote::Double,
            Some(b'\'') => Quote::Single,
            _ => Quote::Plain,
        }
    }
}

impl Value {
    /// Text, quoted when needed.
    pub fn text(s: impl Into<String>) -> Value {
        Value::Text(s.into())
    }

    /// A validated literal.
    pub fn plain(s: impl Into<String>) -> Value {
        Value::Plain(s.into())
    }

    /// The value in block context (after `key: `), quoted like `prefer`
    /// where it is text.
    pub fn render(&self, prefer: Quote) -> String {
        self.render_in(prefer, false)
    }

    /// The value inside a flow collection (`[…]`, `{…}`), where `,`, `[`,
    /// `]`, `{` and `}` also need quotes.
    pub fn render_flow(&self) -> String {
        self.render_in(Quote::Plain, true)
    }

    fn render_in(&self, prefer: Quote, flow: bool) -> String {
        match self {
            Value::Plain(s) => s.clone(),
            Value::Text(s) => quote(s, prefer, flow),
            Value::List(items) => {
                let parts: Vec<String> = items.iter().map(Value::render_flow).collect();
                format!("[{}]", parts.join(", "))
            }
        }
    }
}

/// `s` as a YAML scalar: plain when `prefer` is plain and that is safe,
/// else single- or double-quoted.
pub fn quote(s: &str, prefer: Quote, flow: bool) -> String {
    match prefer {
        Quote::Plain if plain_ok(s, flow) => s.to_string(),
        Quote::Single if !s.chars().any(char::is_control) => format!("'{}'", s.replace('\'', "''")),
        _ => double(s),
    }
}

/// Whether `s` can be written unquoted and read back as the same string.
pub fn plain_ok(s: &str, flow: bool) -> bool {
    let Some(&first) = s.as_bytes().first() else {
        return false;
    };
    if s != s.trim() || s.chars().any(char::is_control) {
        return false;
    }
    if b"-?:,[]{}#&*!|>'\"%@`".contains(&first) {
        return false;
    }
    // `: ` starts a mapping, ` #` a comment; a quote after a space confuses
    // simple scanners (ours included), so those are quoted too.
    if s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || s.contains(" '")
        || s.contains(" \"")
    {
        return false;
    }
    if flow && s.contains([',', '[', ']', '{', '}']) {
        return false;
    }
    // YAML 1.1 readers (many editors and tools) take these as booleans or
    // numbers, so they are quoted even though YAML 1.2 reads them as text.
    let lower = s.to_ascii_lowercase();
    if matches!(lower.as_str(), "y" | "n" | "yes" | "no" | "on" | "off") {
        return false;
    }
    let numberish = |c: char| c.is_ascii_hexdigit() || "xXoO.:_+-".contains(c);
    if (first.is_ascii_digit() || b"+.".contains(&first)) && s.chars().all(numberish) {
        return false;
    }
    matches!(yaml::from_str::<Scalar>(s), Ok(Scalar::Str(t)) if t == s)
}

fn double(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A flow mapping, `{k: v, k: v}`, for a check-in written in flow style.
pub fn flow_map(entries: &[(String, Value)]) -> String {
    let parts: Vec<String> = entries
        .iter()
        .map(|(k, v)| format!("{k}: {}", v.render_flow()))
        .collect();
    format!("{{{}}}", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn back(rendered: &str) -> Scalar {
        yaml::from_str::<Scalar>(rendered).unwrap()
    }

    #[test]
    fn plain_when_safe_quoted_when_not() {
        assert_eq!(quote("Ship the beta", Quote::Plain, false), "Ship the beta");
        for s in [
            "a: b", "# x", "yes", "true", "null", "~", "12", "1e3", "0x1F", "-x", "x #y", "",
            " lead", "[a]", "it's 'ok",
        ] {
            let r = quote(s, Quote::Plain, false);
            assert_ne!(r, s, "{s} must be quoted");
            assert_eq!(back(&r), Scalar::Str(s.to_string()), "{s} via {r}");
        }
        assert_eq!(quote("a, b", Quote::Plain, false), "a, b");
        assert_eq!(quote("a, b", Quote::Plain, true), "\"a, b\"");
    }

    #[test]
    fn keeps_the_quoting_it_replaces() {
        assert_eq!(quote("Plan", Quote::Single, false), "'Plan'");
        assert_eq!(quote("Sam's", Quote::Single, false), "'Sam''s'");
        assert_eq!(quote("Plan", Quote::Double, false), "\"Plan\"");
        assert_eq!(
            back(&quote("tab\there \"q\" \\", Quote::Double, false)),
            Scalar::Str("tab\there \"q\" \\".into())
        );
    }

    #[test]
    fn lists_and_flow_maps() {
        let v = Value::List(vec![Value::text("a"), Value::text("b, c")]);
        assert_eq!(v.render(Quote::Plain), "[a, \"b, c\"]");
        let m = flow_map(&[
            ("date".into(), Value::plain("2026-11-12")),
            ("note".into(), Value::text("x: y")),
        ]);
        assert_eq!(m, "{date: 2026-11-12, note: \"x: y\"}");
    }
}
