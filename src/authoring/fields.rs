//! Checks a value before it is written (SPEC §4 `set`, `checkin`, `new`):
//! the field must belong to the item's kind, and the value must be what
//! the field holds (a date that exists, a number, a status of that kind or
//! a spelling from `statuses`, links to items of the right kind). A bad
//! value is refused with the fix named, before any file is touched.

use jiff::civil::Date;

use crate::config::Config;
use crate::edit::Value;
use crate::error::Fatal;
use crate::graph::Graph;
use crate::model::schema::{self, FieldType, Settable};
use crate::model::{Kind, LinkField, Period, Status, parse_date};
use crate::suggest::closest;

/// A checked assignment: the field (dotted when nested) and its new value,
/// or `None` to remove the field.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    pub field: String,
    pub value: Option<Value>,
}

/// Splits `FIELD=VALUE`.
pub fn split_assignment(s: &str) -> Result<(&str, &str), Fatal> {
    match s.split_once('=') {
        Some((f, v)) if !f.trim().is_empty() => Ok((f.trim(), v.trim())),
        _ => Err(Fatal::usage(
            format!("`{s}` is not an assignment"),
            "write FIELD=VALUE, e.g. `status=doing` (an empty VALUE removes the field)",
        )),
    }
}

/// Every field name `align set` knows for `kind`, with the settable
/// parts of mapping fields (`metric.start`), for suggestions.
fn known(kind: Kind) -> Vec<String> {
    let mut out = Vec::new();
    for f in schema::fields_of(kind) {
        if f.set == Settable::Yes {
            out.push(f.name.to_string());
        }
        out.extend(
            schema::parts_of(f.name)
                .filter(|p| p.settable)
                .map(|p| format!("{}.{}", p.of, p.name)),
        );
    }
    out
}

/// The type of a settable field or part of `kind`, and the field's row.
fn lookup(kind: Kind, name: &str) -> Option<(FieldType, &'static schema::Field)> {
    let (head, part) = match name.split_once('.') {
        Some((h, p)) => (h, Some(p)),
        None => (name, None),
    };
    let f = schema::fields_of(kind).find(|f| f.name == head)?;
    match part {
        None => Some((f.ty, f)),
        Some(p) => schema::parts_of(head)
            .find(|x| x.name == p && x.settable)
            .map(|x| (x.ty, f)),
    }
}

/// Checks `field=raw` for an item of `kind`.
pub fn check(
    kind: Kind,
    field: &str,
    raw: &str,
    config: &Config,
    graph: &Graph,
) -> Result<Assignment, Fatal> {
    if let Some(Settable::No(help)) = schema::field_named(field).map(|f| f.set) {
        return Err(Fatal::usage(
            format!("`{field}` cannot be changed with `align set`"),
            help,
        ));
    }
    let Some((ty, row)) = lookup(kind, field) else {
        let names = known(kind);
        let help = match closest(field, names.iter().map(String::as_str)) {
            Some(s) => format!(
                "did you mean `{s}`? {} has: {}",
                upper(kind.a_noun()),
                names.join(", ")
            ),
            None => format!("{} has: {}", upper(kind.a_noun()), names.join(", ")),
        };
        return Err(Fatal::usage(
            format!("`{field}` is not a field of {}", kind.a_noun()),
            help,
        ));
    };
    let value = |v: Value| {
        Ok(Assignment {
            field: field.to_string(),
            value: Some(v),
        })
    };
    if raw.is_empty() {
        if row.name == field && row.required.has(kind) {
            return Err(Fatal::usage(
                format!(
                    "`{field}` is required on {} and cannot be removed",
                    kind.a_noun()
                ),
                format!("give it a value: `{field}=…`"),
            ));
        }
        return Ok(Assignment {
            field: field.to_string(),
            value: None,
        });
    }
    match ty {
        FieldType::Date => value(date(field, raw)?.1),
        FieldType::Number => value(number(field, raw)?.1),
        FieldType::Status => value(status(kind, raw, config)?),
        FieldType::Period => {
            Period::parse(raw)
                .map_err(|m| Fatal::usage(format!("`period`: {m}"), "e.g. `period=2026-Q4`"))?;
            value(Value::text(raw))
        }
        FieldType::Bool => match raw.to_ascii_lowercase().as_str() {
            "true" | "yes" => value(Value::plain("true")),
            "false" | "no" => value(Value::plain("false")),
            _ => Err(Fatal::usage(
                format!("`{field}` is true or false, not `{raw}`"),
                format!("write `{field}=true` or `{field}=false`"),
            )),
        },
        // A part naming people (`raci.consulted`) takes a list; `owner`
        // and `blocker.owner` (the one person who clears it) take one.
        FieldType::Person if row.name == field || field == "blocker.owner" => {
            value(Value::text(owner(raw, config)?))
        }
        FieldType::Person => {
            let list = split_list(raw);
            for p in &list {
                owner(p, config)?;
            }
            value(Value::List(list.into_iter().map(Value::text).collect()))
        }
        FieldType::Words => value(Value::List(
            split_list(raw).into_iter().map(Value::text).collect(),
        )),
        FieldType::Link(link) => {
            let ids = split_list(raw);
            check_links(graph, link, &ids)?;
            if ids.len() > 1 && matches!(link, LinkField::Parent | LinkField::Objective) {
                return Err(Fatal::usage(
                    format!("`{field}` names exactly one {}", link.target_kind().noun()),
                    format!("write `{field}=ID`"),
                ));
            }
            value(id_value(&ids))
        }
        FieldType::Id
        | FieldType::Kind
        | FieldType::Text
        | FieldType::Parts
        | FieldType::Entries => value(Value::text(raw)),
    }
}

fn upper(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// One id as plain text, several as a flow list.
pub fn id_value(ids: &[String]) -> Value {
    match ids {
        [one] => Value::text(one.clone()),
        many => Value::List(many.iter().map(|i| Value::text(i.clone())).collect()),
    }
}

/// `a, b,c` → `[a, b, c]` (empty parts dropped); YAML's own list syntax
/// `[a, b]` is read the same way.
fn split_list(raw: &str) -> Vec<String> {
    let raw = raw.trim();
    let raw = raw
        .strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .unwrap_or(raw);
    raw.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// A date that exists, as a plain literal.
pub fn date(field: &str, raw: &str) -> Result<(Date, Value), Fatal> {
    let d = parse_date(raw).map_err(|m| {
        Fatal::usage(
            format!("`{field}`: {m}"),
            "write the date as YYYY-MM-DD, e.g. `2026-11-12`",
        )
    })?;
    Ok((d, Value::plain(d.to_string())))
}

/// A finite number, written as given when it is plain decimal notation
/// (so `35.25` stays `35.25`), else in Rust's shortest form.
pub fn number(field: &str, raw: &str) -> Result<(f64, Value), Fatal> {
    let n = raw
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .ok_or_else(|| {
            Fatal::usage(
                format!("`{field}` must be a number, not `{raw}`"),
                format!(
                    "write a plain number, e.g. `{}`",
                    if field == "value" { "35.25" } else { "3" }
                ),
            )
        })?;
    let t = raw.trim();
    let digits = t.strip_prefix('-').unwrap_or(t);
    let decimal = !digits.is_empty()
        && digits
            .split_once('.')
            .map_or(digits.bytes().all(|b| b.is_ascii_digit()), |(a, b)| {
                !a.is_empty()
                    && !b.is_empty()
                    && a.bytes().all(|c| c.is_ascii_digit())
                    && b.bytes().all(|c| c.is_ascii_digit())
            });
    Ok((
        n,
        Value::plain(if decimal {
            t.to_string()
        } else {
            n.to_string()
        }),
    ))
}

/// A status of `kind`, canonical or a spelling from `statuses`; written
/// as the user spelled it.
fn status(kind: Kind, raw: &str, config: &Config) -> Result<Value, Fatal> {
    let (allowed, _) = Status::allowed_for(kind);
    match config.status(raw) {
        Some(s) if allowed.contains(&s) => Ok(Value::text(raw)),
        _ => {
            let mut names: Vec<String> = allowed.iter().map(|s| s.as_str().to_string()).collect();
            for (s, spellings) in &config.statuses {
                if allowed.contains(s) {
                    names.extend(spellings.iter().cloned());
                }
            }
            let near = closest(raw, names.iter().map(String::as_str))
                .map(|s| format!("did you mean `{s}`? "))
                .unwrap_or_default();
            Err(Fatal::usage(
                format!("`{raw}` is not a status of {}", kind.a_noun()),
                format!(
                    "{near}use one of: {} (more spellings can be mapped under `statuses` in align.yaml)",
                    names.join(", ")
                ),
            ))
        }
    }
}

/// A person, checked against `people` when the config lists them.
pub fn owner(raw: &str, config: &Config) -> Result<String, Fatal> {
    let p = raw.trim();
    if p.is_empty() || p.contains(',') {
        return Err(Fatal::usage(
            format!("`{raw}` is not one person"),
            "name exactly one owner, e.g. `owner=sam`",
        ));
    }
    if let Some(people) = &config.people
        && !people.iter().any(|x| x == p)
    {
        let near = closest(p, people.iter().map(String::as_str))
            .map(|s| format!("did you mean `{s}`? "))
            .unwrap_or_default();
        return Err(Fatal::usage(
            format!("`{p}` is not in `people` in align.yaml"),
            format!(
                "{near}name one of: {} (or add them to `people`)",
                people.join(", ")
            ),
        ));
    }
    Ok(p.to_string())
}

/// Each id must name an item of the kind `field` links to.
pub fn check_links(graph: &Graph, field: LinkField, ids: &[String]) -> Result<(), Fatal> {
    let want = field.target_kind();
    for id in ids {
        match graph.get(id) {
            None => {
                let same_kind: Vec<&str> = graph
                    .items
                    .iter()
                    .filter(|i| i.kind == want)
                    .map(|i| i.id.as_str())
                    .collect();
                let help = match closest(id, same_kind.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None if same_kind.is_empty() => format!(
                        "there is no {} yet: create one with `align new {} TITLE`",
                        want.noun(),
                        want.as_str()
                    ),
                    None => format!("{}s: {}", want.noun(), same_kind.join(", ")),
                };
                return Err(Fatal::usage(
                    format!("no item has the id `{id}` (named in `{}`)", field.as_str()),
                    help,
                ));
            }
            Some(ix) if graph.items[ix].kind != want => {
                let found = graph.items[ix].kind;
                return Err(Fatal::usage(
                    format!(
                        "`{id}` is {}, but `{}` must name {}",
                        found.a_noun(),
                        field.as_str(),
                        want.a_noun()
                    ),
                    format!(
                        "name {} in `{}` (`align status` lists them)",
                        want.a_noun(),
                        field.as_str()
                    ),
                ));
            }
            Some(_) => {}
        }
    }
    Ok(())
}

/// The entry of one check-in, checked: the value a number, the confidence
/// a number from 0 to 1, the date one that exists.
pub fn checkin_entry(
    value: &str,
    confidence: Option<&str>,
    note: Option<&str>,
    date_raw: Option<&str>,
    as_of: Date,
) -> Result<Vec<(String, Value)>, Fatal> {
    let day = match date_raw {
        Some(d) => date("date", d)?.1,
        None => Value::plain(as_of.to_string()),
    };
    let mut entry = vec![
        ("date".to_string(), day),
        ("value".to_string(), number("value", value)?.1),
    ];
    if let Some(c) = confidence {
        let (n, v) = number("confidence", c)?;
        if !(0.0..=1.0).contains(&n) {
            return Err(Fatal::usage(
                format!("`--confidence {c}` is outside 0 to 1"),
                "give the chance of reaching the target as 0 to 1, e.g. `--confidence 0.6`",
            ));
        }
        entry.push(("confidence".to_string(), v));
    }
    if let Some(n) = note.map(str::trim).filter(|n| !n.is_empty()) {
        entry.push(("note".to_string(), Value::text(n)));
    }
    Ok(entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg() -> Config {
        Config::parse(
            "statuses: { done: [shipped] }\npeople: [sam, lee]\n",
            std::path::Path::new("a"),
        )
        .unwrap()
    }

    #[test]
    fn values_are_checked() {
        let g = Graph::default();
        let c = cfg();
        assert_eq!(
            check(Kind::Task, "status", "shipped", &c, &g)
                .unwrap()
                .value,
            Some(Value::text("shipped"))
        );
        assert!(check(Kind::Task, "status", "active", &c, &g).is_err());
        assert!(check(Kind::Task, "due", "2026-02-30", &c, &g).is_err());
        assert!(check(Kind::Task, "estimate", "three", &c, &g).is_err());
        assert!(check(Kind::Task, "owner", "dana", &c, &g).is_err());
        assert!(check(Kind::Task, "titel", "x", &c, &g).is_err());
        assert!(check(Kind::Task, "id", "x", &c, &g).is_err());
        assert!(check(Kind::Kr, "title", "", &c, &g).is_err());
        assert_eq!(check(Kind::Task, "due", "", &c, &g).unwrap().value, None);
        assert_eq!(
            check(Kind::Kr, "metric.target", "50", &c, &g)
                .unwrap()
                .value,
            Some(Value::plain("50"))
        );
        assert_eq!(
            check(Kind::Task, "labels", "a, b", &c, &g).unwrap().value,
            Some(Value::List(vec![Value::text("a"), Value::text("b")]))
        );
        assert!(check(Kind::Task, "kr", "KR-1", &c, &g).is_err());
    }

    #[test]
    fn numbers_keep_their_spelling() {
        assert_eq!(number("v", "35.25").unwrap().1, Value::plain("35.25"));
        assert_eq!(number("v", "-3").unwrap().1, Value::plain("-3"));
        assert_eq!(number("v", "1e3").unwrap().1, Value::plain("1000"));
        assert!(number("v", "NaN").is_err());
        assert!(number("v", "x").is_err());
    }
}
