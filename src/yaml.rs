//! The only user of serde_yaml. Deserializes typed structs whose leaves are
//! lenient: a value of the wrong type is recorded as what was found rather
//! than failing the whole item, so one bad field becomes one AL008 finding
//! and the rest of the item still counts. No `serde_yaml::Value` and no
//! flattened maps: unknown keys are skipped with `IgnoredAny`. Alias
//! bombs are measured on yaml-rust2's event stream before serde_yaml sees
//! the text (`check_aliases`), and a YAML stream is split into its
//! documents here (`documents`).

use std::fmt;

use serde::Deserialize;
use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// A scalar as found in YAML, or a note that a collection stood there.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Scalar {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    #[default]
    Null,
    /// A sequence where a scalar was expected (its content skipped).
    List,
    /// A mapping where a scalar was expected (its content skipped).
    Map,
}

impl Scalar {
    /// The value as text, when it is a string or a number.
    pub fn text(&self) -> Option<String> {
        match self {
            Scalar::Str(s) => Some(s.clone()),
            Scalar::Int(i) => Some(i.to_string()),
            Scalar::Float(f) => Some(f.to_string()),
            _ => None,
        }
    }

    /// The value as a number, when it is one (or text that reads as one).
    pub fn number(&self) -> Option<f64> {
        match self {
            Scalar::Int(i) => Some(*i as f64),
            Scalar::Float(f) if f.is_finite() => Some(*f),
            Scalar::Str(s) => s.trim().parse::<f64>().ok().filter(|f| f.is_finite()),
            _ => None,
        }
    }

    /// Describes what was found, for "expected a date, found …" messages.
    pub fn describe(&self) -> String {
        match self {
            Scalar::Str(s) => format!("`{}`", crate::text::truncate(s, 41)),
            Scalar::Int(i) => format!("the number {i}"),
            Scalar::Float(f) => format!("the number {f}"),
            Scalar::Bool(b) => format!("`{b}`"),
            Scalar::Null => "nothing".to_string(),
            Scalar::List => "a list".to_string(),
            Scalar::Map => "a mapping".to_string(),
        }
    }
}

fn u64_scalar(v: u64) -> Scalar {
    i64::try_from(v).map_or(Scalar::Float(v as f64), Scalar::Int)
}

/// The scalar arms of a visitor whose value is built from the `Scalar`
/// it saw by `$wrap` (one list of arms for the four lenient types).
macro_rules! scalar_arms {
    ($value:ty, $wrap:expr) => {
        fn visit_bool<E>(self, v: bool) -> Result<$value, E> {
            Ok($wrap(Scalar::Bool(v)))
        }
        fn visit_i64<E>(self, v: i64) -> Result<$value, E> {
            Ok($wrap(Scalar::Int(v)))
        }
        fn visit_u64<E>(self, v: u64) -> Result<$value, E> {
            Ok($wrap(u64_scalar(v)))
        }
        fn visit_f64<E>(self, v: f64) -> Result<$value, E> {
            Ok($wrap(Scalar::Float(v)))
        }
        fn visit_str<E>(self, v: &str) -> Result<$value, E> {
            Ok($wrap(Scalar::Str(v.to_string())))
        }
        fn visit_unit<E>(self) -> Result<$value, E> {
            Ok($wrap(Scalar::Null))
        }
    };
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Scalar, E> {
        Ok(u64_scalar(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Scalar, E> {
        Ok(Scalar::Str(v))
    }
    fn visit_unit<E>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_none<E>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Scalar, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Scalar, A::Error> {
        IgnoredAny::deserialize(SeqAccessDeserializer::new(seq))?;
        Ok(Scalar::List)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Scalar, A::Error> {
        IgnoredAny::deserialize(MapAccessDeserializer::new(map))?;
        Ok(Scalar::Map)
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

/// A value that may be one scalar or a list of scalars (link fields,
/// `labels`, RACI roles). `was_list` tells which was written.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scalars {
    pub values: Vec<Scalar>,
    pub was_list: bool,
}

impl Scalars {
    /// One value written alone; nothing written is no value.
    fn from_scalar(v: Scalar) -> Scalars {
        match v {
            Scalar::Null => Scalars::default(),
            v => Scalars {
                values: vec![v],
                was_list: false,
            },
        }
    }
}

impl<'de> Deserialize<'de> for Scalars {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Scalars;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value or a list of values")
            }
            scalar_arms!(Scalars, Scalars::from_scalar);
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalars, A::Error> {
                let mut values = Vec::new();
                while let Some(v) = seq.next_element::<Scalar>()? {
                    values.push(v);
                }
                Ok(Scalars {
                    values,
                    was_list: true,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Scalars, A::Error> {
                ScalarVisitor.visit_map(map).map(Scalars::from_scalar)
            }
        }
        d.deserialize_any(V)
    }
}

/// A value that should be a mapping of shape `T`, or what stood there
/// instead.
#[derive(Debug, Clone, PartialEq)]
pub enum Mapped<T> {
    Map(T),
    Other(Scalar),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Mapped<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Mapped<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping")
            }
            scalar_arms!(Mapped<T>, Mapped::Other);
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Mapped<T>, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map)).map(Mapped::Map)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Mapped<T>, A::Error> {
                ScalarVisitor.visit_seq(seq).map(Mapped::Other)
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

/// A value that should be a list of `T`, or what stood there instead.
#[derive(Debug, Clone, PartialEq)]
pub enum Listed<T> {
    List(Vec<T>),
    Other(Scalar),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Listed<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Listed<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list")
            }
            scalar_arms!(Listed<T>, Listed::from_scalar);
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Listed<T>, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = seq.next_element::<T>()? {
                    out.push(v);
                }
                Ok(Listed::List(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Listed<T>, A::Error> {
                ScalarVisitor.visit_map(map).map(Listed::Other)
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

impl<T> Listed<T> {
    /// What stood where a list was expected; nothing is an empty list.
    fn from_scalar(v: Scalar) -> Listed<T> {
        match v {
            Scalar::Null => Listed::List(Vec::new()),
            v => Listed::Other(v),
        }
    }
}

impl<T> Default for Listed<T> {
    fn default() -> Self {
        Listed::List(Vec::new())
    }
}

/// `period` is written as a label (`2026-Q4`) or as `{start, end}`.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(default)]
pub struct RawRange {
    pub start: Option<Scalar>,
    pub end: Option<Scalar>,
}

/// `metric: {start, target, current, unit}`.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(default)]
pub struct RawMetric {
    pub start: Option<Scalar>,
    pub target: Option<Scalar>,
    pub current: Option<Scalar>,
    pub unit: Option<Scalar>,
}

/// One entry of `checkins`.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(default)]
pub struct RawCheckin {
    pub date: Option<Scalar>,
    pub value: Option<Scalar>,
    pub confidence: Option<Scalar>,
    pub note: Option<Scalar>,
}

/// `raci: {responsible, accountable, consulted, informed}`.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(default)]
pub struct RawRaci {
    pub responsible: Option<Scalars>,
    pub accountable: Option<Scalars>,
    pub consulted: Option<Scalars>,
    pub informed: Option<Scalars>,
}

/// An item as read: every field any kind may carry, each lenient, plus
/// the `items:` list a YAML file may hold.
pub type RawItem = RawItemOf<Listed<Mapped<RawItemOf<IgnoredAny>>>>;

/// Every field any kind may carry, each lenient. Which fields a kind may
/// really use is decided later, from the scanner's key list. `I` is the
/// type of `items:`: a list of items at the top level, skipped below it,
/// so the type is not recursive and nesting depth stays bounded.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(default)]
pub struct RawItemOf<I> {
    pub id: Option<Scalar>,
    pub kind: Option<Scalar>,
    pub title: Option<Scalar>,
    pub owner: Option<Scalars>,
    pub team: Option<Scalar>,
    pub labels: Option<Scalars>,
    pub created: Option<Scalar>,
    pub updated: Option<Scalar>,
    pub blocked_since: Option<Scalar>,
    pub period: Option<Mapped<RawRange>>,
    pub status: Option<Scalar>,
    pub weight: Option<Scalar>,
    pub parent: Option<Scalars>,
    pub objective: Option<Scalars>,
    pub kr: Option<Scalars>,
    pub initiative: Option<Scalars>,
    pub depends_on: Option<Scalars>,
    pub metric: Option<Mapped<RawMetric>>,
    pub checkins: Option<Listed<Mapped<RawCheckin>>>,
    pub start: Option<Scalar>,
    pub due: Option<Scalar>,
    pub done: Option<Scalar>,
    pub estimate: Option<Scalar>,
    pub unplanned: Option<Scalar>,
    pub reason: Option<Scalar>,
    pub requested_by: Option<Scalar>,
    pub raci: Option<Mapped<RawRaci>>,
    /// A YAML file may hold `items: [...]` (only at its top level).
    pub items: Option<I>,
}

/// What a YAML document holds at its top level.
#[derive(Debug, Clone, PartialEq)]
pub enum RawDoc {
    /// A mapping: one item (or an `items:` list).
    One(Box<RawItem>),
    /// A sequence: many items, each a mapping (or something else).
    Many(Vec<Mapped<RawItem>>),
    /// A scalar or empty document: not an item.
    Nothing,
}

impl RawDoc {
    /// A scalar document is not an item.
    fn from_scalar(_: Scalar) -> RawDoc {
        RawDoc::Nothing
    }
}

impl<'de> Deserialize<'de> for RawDoc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawDoc;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping or a list of mappings")
            }
            scalar_arms!(RawDoc, RawDoc::from_scalar);
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawDoc, A::Error> {
                RawItem::deserialize(MapAccessDeserializer::new(map))
                    .map(|i| RawDoc::One(Box::new(i)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawDoc, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = seq.next_element::<Mapped<RawItem>>()? {
                    out.push(v);
                }
                Ok(RawDoc::Many(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// A YAML syntax or shape error, with the byte offset serde_yaml reported.
#[derive(Debug, Clone, PartialEq)]
pub struct YamlError {
    pub message: String,
    pub offset: Option<usize>,
}

/// Parses one YAML document into its raw items.
pub fn parse_doc(yaml: &str) -> Result<RawDoc, YamlError> {
    if yaml.trim().is_empty() {
        return Ok(RawDoc::Nothing);
    }
    check_flow_depth(yaml)?;
    check_aliases(yaml)?;
    serde_yaml::from_str::<RawDoc>(yaml).map_err(|e| yaml_error(&e))
}

/// Parses a typed value (used for `align.yaml`), keeping the error position.
pub fn from_str<T: serde::de::DeserializeOwned>(yaml: &str) -> Result<T, YamlError> {
    check_flow_depth(yaml)?;
    check_aliases(yaml)?;
    serde_yaml::from_str::<T>(yaml).map_err(|e| yaml_error(&e))
}

/// How many times its own size aliases may expand a document (SPEC §6).
const MAX_EXPANSION_FACTOR: u64 = 16;
/// The most any document may expand to, whatever its size (SPEC §6).
const MAX_EXPANDED_BYTES: u64 = 16 * 1024 * 1024;

/// Refuses a document whose aliases would expand it past
/// [`MAX_EXPANSION_FACTOR`] times its size or [`MAX_EXPANDED_BYTES`],
/// without expanding anything: one pass over yaml-rust2's event stream
/// sums the bytes each node stands for (a scalar its text, a collection
/// its children, an alias the size recorded when its anchor's node
/// ended). serde_yaml would build the expansion (a 400 KB anchored scalar
/// repeated 150,000 times in `labels` is 60 GB of strings) before any
/// limit of its own applies. Text without `*` has no alias and costs one
/// scan for the byte. Where yaml-rust2 fails to parse, the measure stops
/// there and serde_yaml gives the error.
pub fn check_aliases(yaml: &str) -> Result<(), YamlError> {
    use yaml_rust2::parser::{Event, Parser};
    if !yaml.contains('*') {
        return Ok(());
    }
    let limit = (yaml.len() as u64)
        .saturating_mul(MAX_EXPANSION_FACTOR)
        .min(MAX_EXPANDED_BYTES);
    // Size of each anchored node, by anchor id (ids count from 1).
    let mut anchors: Vec<u64> = Vec::new();
    // Open collections: their anchor id and the total when they opened.
    let mut open: Vec<(usize, u64)> = Vec::new();
    let mut total: u64 = 0;
    let mut parser = Parser::new_from_str(yaml);
    let record = |anchors: &mut Vec<u64>, id: usize, size: u64| {
        if id > 0 {
            if anchors.len() <= id {
                anchors.resize(id + 1, 0);
            }
            anchors[id] = size;
        }
    };
    loop {
        let Ok((event, mark)) = parser.next_token() else {
            return Ok(());
        };
        match event {
            Event::StreamEnd => return Ok(()),
            Event::Scalar(value, _, id, _) => {
                // One byte for the node itself, so empty values count too.
                let size = value.len() as u64 + 1;
                total = total.saturating_add(size);
                record(&mut anchors, id, size);
            }
            Event::SequenceStart(id, _) | Event::MappingStart(id, _) => {
                total = total.saturating_add(1);
                open.push((id, total - 1));
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((id, start)) = open.pop() {
                    record(&mut anchors, id, total - start);
                }
            }
            Event::Alias(id) => {
                total = total.saturating_add(anchors.get(id).copied().unwrap_or(1));
                if total > limit {
                    return Err(YamlError {
                        message: format!(
                            "alias bomb: its aliases expand this YAML document to more than {} KiB ({}× its size, at most {} MiB)",
                            limit / 1024,
                            MAX_EXPANSION_FACTOR,
                            MAX_EXPANDED_BYTES / (1024 * 1024)
                        ),
                        offset: Some(char_to_byte(yaml, mark.index())),
                    });
                }
            }
            _ => {}
        }
    }
}

/// The byte offset of character `index` of `text` (yaml-rust2 counts
/// characters).
fn char_to_byte(text: &str, index: usize) -> usize {
    text.char_indices()
        .nth(index)
        .map_or(text.len(), |(b, _)| b)
}

/// Splits a YAML stream into its documents (SPEC §1: a multi-document
/// file is read document by document), as byte ranges of `text`. A
/// document starts at a `---` marker line (column 0, alone or followed by
/// a space), which YAML forbids inside any scalar, so no parse is needed;
/// each range keeps its marker so positions stay those of the file.
/// Leading directives and comments belong to the first document; ranges
/// holding nothing but blanks and comments are dropped, except that a
/// stream with no document still yields one range (the whole text).
pub fn documents(text: &str) -> Vec<(usize, usize)> {
    let mut starts = vec![0];
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let l = line.trim_end_matches(['\n', '\r']);
        if at > 0 && (l == "---" || l.starts_with("--- ") || l.starts_with("---\t")) {
            starts.push(at);
        }
        at += line.len();
    }
    let ends = starts.iter().skip(1).copied().chain([text.len()]);
    let mut docs: Vec<(usize, usize)> = starts.iter().copied().zip(ends).collect();
    // Directives and comments before the first marker open that document.
    if docs.len() > 1 && !has_content(&text[docs[0].0..docs[0].1]) {
        docs[1].0 = 0;
        docs.remove(0);
    }
    let kept: Vec<(usize, usize)> = docs
        .iter()
        .copied()
        .filter(|&(s, e)| has_content(&text[s..e]))
        .collect();
    if kept.is_empty() {
        vec![(0, text.len())]
    } else {
        kept
    }
}

/// Whether YAML text holds anything but blanks, comments, directives and
/// document markers.
fn has_content(text: &str) -> bool {
    text.lines().any(|l| {
        let t = l.trim();
        !(t.is_empty() || t.starts_with('#') || (l.starts_with('%')) || t == "---" || t == "...")
    })
}

/// The deepest nesting of flow collections (`[` and `{`) handed to libyaml.
/// Items need a few levels; the limit only exists for hostile input.
const MAX_FLOW_DEPTH: usize = 64;

/// Refuses flow nesting deeper than [`MAX_FLOW_DEPTH`] before libyaml sees
/// it: libyaml's scanner revisits every open flow level for each token, so
/// its time grows with the square of the depth (20,000 `[` took seconds,
/// a 1 MiB file of them minutes), long before serde_yaml's recursion limit
/// applies (SPEC §6: never a hang). Quoted scalars and comments are
/// skipped; brackets inside plain scalars may count, which at worst
/// refuses text with more than 64 unclosed brackets.
fn check_flow_depth(yaml: &str) -> Result<(), YamlError> {
    let b = yaml.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        let boundary = i == 0
            || matches!(
                b[i - 1],
                b' ' | b'\t' | b'\n' | b'\r' | b'[' | b'{' | b',' | b':'
            );
        match b[i] {
            b'"' if boundary => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'\'' if boundary => {
                i += 1;
                // `''` inside a single-quoted scalar is an escaped quote.
                while i < b.len() && (b[i] != b'\'' || b.get(i + 1) == Some(&b'\'')) {
                    i += if b[i] == b'\'' { 2 } else { 1 };
                }
            }
            b'#' if boundary => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Err(YamlError {
                        message: format!(
                            "recursion limit exceeded: more than {MAX_FLOW_DEPTH} nested `[` or `{{`"
                        ),
                        offset: Some(i),
                    });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// Serializes a value as YAML (used by `align config`).
pub fn to_string<T: serde::Serialize>(value: &T) -> String {
    serde_yaml::to_string(value).unwrap_or_default()
}

fn yaml_error(e: &serde_yaml::Error) -> YamlError {
    let mut message = e.to_string();
    // serde_yaml appends " at line L column C"; the finding carries those.
    if let Some(p) = message.find(" at line ") {
        message.truncate(p);
    }
    YamlError {
        message,
        offset: e.location().map(|l| l.index()),
    }
}

/// What usually causes a YAML error, for the finding's help (SPEC §5).
pub fn hint(message: &str) -> &'static str {
    let m = message.to_ascii_lowercase();
    if m.contains("mapping values are not allowed") {
        "a value that contains `: ` needs quotes, e.g. `title: \"Launch: phase 2\"`"
    } else if m.contains("tab") {
        "YAML indentation must use spaces, not tabs"
    } else if m.contains("did not find expected key") || m.contains("block mapping") {
        "check the indentation: keys of one mapping must line up"
    } else if m.contains("found character that cannot start any token") {
        "values starting with `@`, `` ` `` or `%` need quotes"
    } else if m.contains("duplicate") {
        "each key may appear once: remove or rename the repeated key"
    } else if m.contains("recursion limit") {
        "the YAML is nested too deeply; items need only a few levels"
    } else if m.contains("repetition limit") || m.contains("alias bomb") {
        "the YAML expands aliases too many times (an alias bomb); write the values out"
    } else if m.contains("unknown anchor") {
        "an alias `*name` refers to an anchor `&name` that is not defined above it"
    } else if m.contains("more than one document") {
        "a file holds one YAML document; remove the extra `---` line or split the file"
    } else if m.contains("did not find expected") || m.contains("while scanning a quoted") {
        "check for an unclosed quote or bracket"
    } else {
        "fix the YAML syntax at the position shown"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schema;

    /// The field names a derived `Deserialize` asks for, captured from
    /// its `deserialize_struct` call.
    fn serde_fields<T: for<'de> Deserialize<'de>>() -> Vec<&'static str> {
        struct Capture(Vec<&'static str>);
        impl<'de> Deserializer<'de> for &mut Capture {
            type Error = serde::de::value::Error;
            fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
                Err(serde::de::Error::custom("not a struct"))
            }
            fn deserialize_struct<V: Visitor<'de>>(
                self,
                _: &'static str,
                fields: &'static [&'static str],
                _: V,
            ) -> Result<V::Value, Self::Error> {
                self.0 = fields.to_vec();
                Err(serde::de::Error::custom("captured"))
            }
            serde::forward_to_deserialize_any! {
                bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
                bytes byte_buf option unit unit_struct newtype_struct seq tuple
                tuple_struct map enum identifier ignored_any
            }
        }
        let mut c = Capture(Vec::new());
        let _ = T::deserialize(&mut c);
        c.0
    }

    #[test]
    fn raw_structs_read_exactly_the_schema_fields() {
        let mut raw = serde_fields::<RawItemOf<IgnoredAny>>();
        assert_eq!(raw.pop(), Some("items"));
        let mut table: Vec<&str> = schema::FIELDS.iter().map(|f| f.name).collect();
        raw.sort();
        table.sort();
        assert_eq!(raw, table);
        let parts = |of: &str| -> Vec<&str> { schema::parts_of(of).map(|p| p.name).collect() };
        assert_eq!(serde_fields::<RawRange>(), parts("period"));
        assert_eq!(serde_fields::<RawMetric>(), parts("metric"));
        assert_eq!(serde_fields::<RawCheckin>(), parts("checkins"));
        assert_eq!(serde_fields::<RawRaci>(), parts("raci"));
    }

    #[test]
    fn wrong_types_are_recorded_not_fatal() {
        let doc = parse_doc("kind: task\nestimate: [1, 2]\nkr: KR-1\nmetric: 5\n").unwrap();
        let RawDoc::One(item) = doc else { panic!() };
        assert_eq!(item.estimate, Some(Scalar::List));
        assert_eq!(item.kr.unwrap().values, vec![Scalar::Str("KR-1".into())]);
        assert_eq!(item.metric, Some(Mapped::Other(Scalar::Int(5))));
    }

    #[test]
    fn sequences_and_items_lists() {
        let RawDoc::Many(items) = parse_doc("- kind: objective\n  id: O-1\n- 3\n").unwrap() else {
            panic!()
        };
        assert_eq!(items.len(), 2);
        let RawDoc::One(item) = parse_doc("items:\n  - kind: kr\n").unwrap() else {
            panic!()
        };
        assert!(matches!(item.items, Some(Listed::List(ref v)) if v.len() == 1));
    }

    fn bomb(field: &str) -> String {
        let mut y = String::from("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for i in 0..9u8 {
            let (p, n) = ((b'a' + i) as char, (b'b' + i) as char);
            y.push_str(&format!(
                "{n}: &{n} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
            ));
        }
        format!("{y}kind: task\n{field}: *j\n")
    }

    #[test]
    fn alias_bombs_are_refused_without_expanding() {
        // A billion-laughs shape is refused wherever the alias stands,
        // even in a field align would skip.
        for field in ["labels", "extra"] {
            let err = parse_doc(&bomb(field)).unwrap_err();
            assert!(err.message.starts_with("alias bomb"), "{err:?}");
            assert!(hint(&err.message).contains("alias bomb"));
        }
        let mut y =
            String::from("a: &a [{kind: task}, {kind: task}, {kind: task}, {kind: task}]\n");
        for i in 0..9u8 {
            let (p, n) = ((b'a' + i) as char, (b'b' + i) as char);
            y.push_str(&format!(
                "{n}: &{n} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
            ));
        }
        y.push_str("items: *j\n");
        assert!(parse_doc(&y).is_err());
    }

    /// The shape from the issue: one large anchored scalar repeated many
    /// times. Refused at the alias that crosses the limit, in time linear
    /// in the text (the expansion would be 60 GB).
    #[test]
    fn a_large_scalar_repeated_is_refused_fast() {
        let big = "x".repeat(400 * 1024);
        let mut y = format!("kind: task\ntitle: &big {big}\nlabels: [");
        y.push_str(&"*big, ".repeat(150_000 / 10));
        y.push_str("*big]\n");
        let started = std::time::Instant::now();
        let err = parse_doc(&y).unwrap_err();
        assert!(err.message.starts_with("alias bomb"), "{err:?}");
        let at = err.offset.unwrap();
        assert_eq!(&y[at..at + 4], "*big");
        assert!(started.elapsed().as_secs() < 5);
    }

    #[test]
    fn modest_aliases_are_fine() {
        // Reusing a small anchor a few times is what anchors are for.
        let y = "kind: task\nowner: &o sam\nraci: {responsible: *o, accountable: *o}\n";
        assert!(parse_doc(y).is_ok());
        // 16× is the limit: a 100-byte anchor used 100 times in a
        // 500-byte document is over it (10 KB > 8 KB).
        let v = "v".repeat(100);
        let over = format!("a: &a {v}\nb: [{}]\n", ["*a"; 100].join(", "));
        assert!(parse_doc(&over).is_err());
        let under = format!("a: &a {v}\nb: [{}]\n", ["*a"; 10].join(", "));
        assert!(parse_doc(&under).is_ok());
    }

    #[test]
    fn documents_split_at_markers() {
        let docs = |t: &str| -> Vec<String> {
            documents(t)
                .into_iter()
                .map(|(s, e)| t[s..e].to_string())
                .collect()
        };
        assert_eq!(docs("kind: task\n"), ["kind: task\n"]);
        assert_eq!(
            docs("---\na: 1\n---\nb: 2\n"),
            ["---\na: 1\n", "---\nb: 2\n"]
        );
        assert_eq!(docs("a: 1\n--- \nb: 2\n---\n"), ["a: 1\n", "--- \nb: 2\n"]);
        assert_eq!(
            docs("%YAML 1.2\n# c\n---\na: 1\n"),
            ["%YAML 1.2\n# c\n---\na: 1\n"]
        );
        // `---` not at column 0, or followed by text, is not a marker.
        assert_eq!(docs("a: |\n  ---\nb: ---x\n"), ["a: |\n  ---\nb: ---x\n"]);
        assert_eq!(docs(""), [""]);
    }

    #[test]
    fn duplicate_keys_and_deep_nesting() {
        assert!(parse_doc("kind: task\nkind: kr\n").is_err());
        let nest = format!("{}{}", "[".repeat(20_000), "]".repeat(20_000));
        // Refused before libyaml, whose scanner is quadratic in flow depth.
        let err = parse_doc(&format!("kind: task\ntitle: {nest}\n")).unwrap_err();
        assert!(err.message.contains("recursion limit"), "{err:?}");
        assert_eq!(err.offset, Some(18 + MAX_FLOW_DEPTH));
        let deep_items = format!(
            "{}kind: task{}",
            "items: [{".repeat(5_000),
            "}]".repeat(5_000)
        );
        assert!(parse_doc(&deep_items).is_err());
        assert!(from_str::<serde_yaml::Value>(&nest).is_err());
        // Up to the limit, nesting parses (and is skipped, never descended into).
        let ok = format!("kind: task\ntitle: {}{}\n", "[".repeat(64), "]".repeat(64));
        let RawDoc::One(item) = parse_doc(&ok).unwrap() else {
            panic!()
        };
        assert_eq!(item.title, Some(Scalar::List));
    }

    #[test]
    fn brackets_in_quotes_and_comments_do_not_count_as_nesting() {
        let many = "[".repeat(100);
        let text = format!(
            "kind: task\ntitle: \"{many}\\\" {many}\"\nteam: '{many}'' {many}'\n# {many}\nlabels: [a, b]\n"
        );
        assert!(parse_doc(&text).is_ok(), "{text}");
    }
}
