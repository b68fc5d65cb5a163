//! The vocabulary of `align`: kinds, statuses, periods, links and the item
//! itself (SPEC §2). Everything downstream of the parser speaks these types.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::span::Span;

pub mod schema;

/// The four kinds of item. Order matters: it is the order of the goal chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Objective,
    Kr,
    Initiative,
    Task,
}

impl Kind {
    /// Every kind, for suggestions and completions.
    pub const ALL: [Kind; 4] = [Kind::Objective, Kind::Kr, Kind::Initiative, Kind::Task];

    /// The spelling used in files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Objective => "objective",
            Kind::Kr => "kr",
            Kind::Initiative => "initiative",
            Kind::Task => "task",
        }
    }

    /// Parses the spelling used in files (`kr`, `task`, …), case-insensitively.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
    }

    /// The noun with its article ("an objective", "a KR"), for messages.
    pub fn a_noun(self) -> &'static str {
        match self {
            Kind::Objective => "an objective",
            Kind::Kr => "a KR",
            Kind::Initiative => "an initiative",
            Kind::Task => "a task",
        }
    }

    /// A human noun ("KR", "task") for messages.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Objective => "objective",
            Kind::Kr => "KR",
            Kind::Initiative => "initiative",
            Kind::Task => "task",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Canonical statuses. Objectives and KRs use `active`, `done`, `cancelled`;
/// initiatives and tasks use `todo`, `doing`, `blocked`, `done`, `cancelled`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Active,
    Todo,
    Doing,
    Blocked,
    Done,
    Cancelled,
}

impl Status {
    /// Every canonical status.
    pub const ALL: [Status; 6] = [
        Status::Active,
        Status::Todo,
        Status::Doing,
        Status::Blocked,
        Status::Done,
        Status::Cancelled,
    ];

    /// The canonical spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Todo => "todo",
            Status::Doing => "doing",
            Status::Blocked => "blocked",
            Status::Done => "done",
            Status::Cancelled => "cancelled",
        }
    }

    /// Parses a canonical spelling.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// The statuses an item of `kind` may take, and its default.
    pub fn allowed_for(kind: Kind) -> (&'static [Status], Status) {
        match kind {
            Kind::Objective | Kind::Kr => (
                &[Status::Active, Status::Done, Status::Cancelled],
                Status::Active,
            ),
            Kind::Initiative | Kind::Task => (
                &[
                    Status::Todo,
                    Status::Doing,
                    Status::Blocked,
                    Status::Done,
                    Status::Cancelled,
                ],
                Status::Todo,
            ),
        }
    }

    /// Open work: todo, doing or blocked (SPEC §2).
    pub fn is_open(self) -> bool {
        matches!(self, Status::Todo | Status::Doing | Status::Blocked)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The link fields of SPEC §2, each allowing one target kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkField {
    Parent,
    Objective,
    Kr,
    Initiative,
    DependsOn,
}

impl LinkField {
    /// Every link field.
    pub const ALL: [LinkField; 5] = [
        LinkField::Parent,
        LinkField::Objective,
        LinkField::Kr,
        LinkField::Initiative,
        LinkField::DependsOn,
    ];

    /// The front-matter key.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkField::Parent => "parent",
            LinkField::Objective => "objective",
            LinkField::Kr => "kr",
            LinkField::Initiative => "initiative",
            LinkField::DependsOn => "depends_on",
        }
    }

    /// The kind of item this field must name.
    pub fn target_kind(self) -> Kind {
        match self {
            LinkField::Parent | LinkField::Objective => Kind::Objective,
            LinkField::Kr => Kind::Kr,
            LinkField::Initiative => Kind::Initiative,
            LinkField::DependsOn => Kind::Task,
        }
    }

    /// The link fields an item of `kind` may carry.
    pub fn allowed_for(kind: Kind) -> &'static [LinkField] {
        match kind {
            Kind::Objective => &[LinkField::Parent],
            Kind::Kr => &[LinkField::Objective],
            Kind::Initiative => &[LinkField::Kr],
            Kind::Task => &[LinkField::Kr, LinkField::Initiative, LinkField::DependsOn],
        }
    }
}

/// One id named in a link field, with where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub field: LinkField,
    pub target: String,
    pub span: Span,
}

/// A time period: quarter, half, year or explicit range, always inclusive
/// of both ends (SPEC §2, §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub start: Date,
    pub end: Date,
    /// How the period was written, for labels: `2026-Q4`, `2026-H2`, `2026`.
    pub label: PeriodLabel,
}

/// The written form of a period, kept so output can echo it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PeriodLabel {
    Quarter(i16, u8),
    Half(i16, u8),
    Year(i16),
    Range,
}

/// The unit of the default audit window (`period:` in `align.yaml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodUnit {
    #[default]
    Quarter,
    Half,
    Year,
}

impl Period {
    /// Builds a range period; `None` when `end` is before `start`.
    pub fn range(start: Date, end: Date) -> Option<Period> {
        (start <= end).then_some(Period {
            start,
            end,
            label: PeriodLabel::Range,
        })
    }

    /// Parses `2026-Q4`, `2026-H2`, `2026`, or `2026-10-01..2026-11-15`.
    pub fn parse(s: &str) -> Result<Period, String> {
        let s = s.trim();
        if let Some((a, b)) = s.split_once("..") {
            let start = parse_date(a)?;
            let end = parse_date(b)?;
            return Period::range(start, end).ok_or_else(|| format!("`{s}` ends before it starts"));
        }
        let bad = || {
            format!(
                "`{s}` is not a period: write `2026-Q4`, `2026-H2`, `2026` or `2026-10-01..2026-11-15`"
            )
        };
        let (year, rest) = match s.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (s, None),
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let y: i16 = year.parse().map_err(|_| bad())?;
        let ymd = |m: i8, d: i8| Date::new(y, m, d).map_err(|_| bad());
        match rest.map(|r| r.to_ascii_uppercase()) {
            None => Ok(Period {
                start: ymd(1, 1)?,
                end: ymd(12, 31)?,
                label: PeriodLabel::Year(y),
            }),
            Some(r) if r.len() == 2 && r.starts_with('Q') => {
                let q: u8 = r[1..].parse().map_err(|_| bad())?;
                if !(1..=4).contains(&q) {
                    return Err(bad());
                }
                let m0 = (q as i8 - 1) * 3 + 1;
                let start = ymd(m0, 1)?;
                let end = ymd(m0 + 2, 1)?.last_of_month();
                Ok(Period {
                    start,
                    end,
                    label: PeriodLabel::Quarter(y, q),
                })
            }
            Some(r) if r.len() == 2 && r.starts_with('H') => {
                let h: u8 = r[1..].parse().map_err(|_| bad())?;
                let (start, end) = match h {
                    1 => (ymd(1, 1)?, ymd(6, 30)?),
                    2 => (ymd(7, 1)?, ymd(12, 31)?),
                    _ => return Err(bad()),
                };
                Ok(Period {
                    start,
                    end,
                    label: PeriodLabel::Half(y, h),
                })
            }
            _ => Err(bad()),
        }
    }

    /// The period of `unit` that contains `day`.
    pub fn containing(unit: PeriodUnit, day: Date) -> Period {
        let y = day.year();
        let label = match unit {
            PeriodUnit::Quarter => format!("{y:04}-Q{}", (day.month() - 1) / 3 + 1),
            PeriodUnit::Half => format!("{y:04}-H{}", if day.month() <= 6 { 1 } else { 2 }),
            PeriodUnit::Year => format!("{y:04}"),
        };
        Period::parse(&label).expect("a computed label always parses")
    }

    /// Whether `day` falls inside the period, both ends included.
    pub fn contains(&self, day: Date) -> bool {
        self.start <= day && day <= self.end
    }

    /// Whether two periods share at least one day.
    pub fn overlaps(&self, other: &Period) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// Length in days from start to end (the denominator of expected progress).
    pub fn days(&self) -> i64 {
        days_between(self.start, self.end)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.label {
            PeriodLabel::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            PeriodLabel::Half(y, h) => write!(f, "{y:04}-H{h}"),
            PeriodLabel::Year(y) => write!(f, "{y:04}"),
            PeriodLabel::Range => write!(f, "{}..{}", self.start, self.end),
        }
    }
}

/// Whole days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: Date, b: Date) -> i64 {
    // Civil dates carry no time zone, so whole-day arithmetic is exact.
    a.until(b).map(|s| i64::from(s.get_days())).unwrap_or(0)
}

/// Parses a `YYYY-MM-DD` date, saying what is wrong when it is not one.
/// A date with a time (`2026-04-25 12:14`, `2026-04-25T12:14:00Z`, RFC
/// 3339 with an offset) is read as its date as written (SPEC §8): tools
/// that export items write timestamps, and the day is what align judges
/// by. The offset does not move the day: `2026-04-25T23:30-05:00` is the
/// 25th, the day its author lived.
pub fn parse_date(s: &str) -> Result<Date, String> {
    let s = s.trim();
    let (day, time) = match s.as_bytes().get(10) {
        Some(b' ' | b'T' | b't') if s.is_char_boundary(10) => (&s[..10], Some(s[11..].trim())),
        _ => (s, None),
    };
    let shape_ok = day.len() == 10
        && day.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shape_ok || time.is_some_and(|t| !valid_time(t)) {
        return Err(format!(
            "`{s}` is not a date: write it as YYYY-MM-DD (a time after it, as in `2026-04-25 12:14` or RFC 3339, is allowed)"
        ));
    }
    day.parse::<Date>()
        .map_err(|_| format!("`{s}` is not a date that exists"))
}

/// Whether `t` is a time of day, `HH:MM[:SS[.fraction]]`, optionally
/// followed by `Z` or an offset `±HH:MM` (RFC 3339, ISO 8601).
fn valid_time(t: &str) -> bool {
    let (clock, offset) = match t.find(['Z', 'z', '+', '-']) {
        Some(i) => (t[..i].trim_end(), &t[i..]),
        None => (t, ""),
    };
    let offset_ok = match offset.as_bytes() {
        [] | [b'Z' | b'z'] => true,
        [b'+' | b'-', rest @ ..] => {
            let digits: Vec<u8> = rest.iter().copied().filter(|b| *b != b':').collect();
            matches!(rest.len(), 2 | 4 | 5)
                && (digits.len() == 2 || digits.len() == 4)
                && digits.iter().all(u8::is_ascii_digit)
                && (rest.len() != 5 || rest[2] == b':')
                && digits[..2] < *b"24".as_slice()
                && (digits.len() == 2 || digits[2..] < *b"60".as_slice())
        }
        _ => false,
    };
    let shape_ok = clock.len() >= 5
        && clock.as_bytes()[2] == b':'
        && (clock.len() == 5 || clock.as_bytes().get(5) == Some(&b':'));
    offset_ok && shape_ok && clock.parse::<jiff::civil::Time>().is_ok()
}

/// A KR's measure: where it started, where it should end, where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    pub start: f64,
    pub target: f64,
    pub current: Option<f64>,
    pub unit: Option<String>,
}

/// One check-in on a KR: a dated value, with optional confidence and note.
#[derive(Debug, Clone, PartialEq)]
pub struct Checkin {
    pub date: Date,
    pub value: f64,
    pub confidence: Option<f64>,
    pub note: Option<String>,
}

/// Who does, owns, advises and hears about a piece of work.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Raci {
    pub responsible: Vec<String>,
    pub accountable: Vec<String>,
    pub consulted: Vec<String>,
    pub informed: Vec<String>,
    /// The `accountable` value, else the `raci` value: where AL013 points.
    pub span: Span,
}

/// Where an item came from: the file, and which item within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Origin {
    /// Index into the workspace's file list.
    pub file: usize,
    /// Position among the items of a multi-item YAML file (0 otherwise).
    pub index: usize,
}

/// What went wrong with one field while reading an item; the rules
/// AL008, AL009 and AL015 turn these into findings.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldProblem {
    /// AL008: a value of the wrong type or not allowed.
    Invalid {
        field: String,
        message: String,
        help: String,
        span: Span,
    },
    /// AL009: a key not in the schema of the item's kind.
    Unknown {
        field: String,
        suggestion: Option<String>,
        span: Span,
    },
    /// AL015: a required field is absent.
    Missing { field: &'static str },
}

/// One objective, KR, initiative or task, as read from its file.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: String,
    pub id_span: Span,
    pub kind: Kind,
    pub title: Option<String>,
    /// Owners as written; more than one is an AL006 finding.
    pub owners: Vec<String>,
    pub owner_span: Option<Span>,
    pub team: Option<String>,
    pub labels: Vec<String>,
    pub status: Status,
    pub status_span: Option<Span>,
    pub created: Option<Date>,
    pub updated: Option<Date>,
    /// When it became blocked, if written (SPEC §8 explicit dates beat
    /// inference from history).
    pub blocked_since: Option<Date>,
    pub period: Option<Period>,
    pub weight: f64,
    pub links: Vec<Link>,
    pub metric: Option<Metric>,
    pub checkins: Vec<Checkin>,
    pub start: Option<Date>,
    pub due: Option<Date>,
    pub done: Option<Date>,
    pub estimate: f64,
    pub unplanned: bool,
    pub unplanned_span: Option<Span>,
    pub reason: Option<String>,
    pub requested_by: Option<String>,
    pub raci: Option<Raci>,
    pub origin: Origin,
    /// The whole item's span: the front-matter or the YAML mapping.
    pub span: Span,
    /// Where each top-level key was written, for findings that point at it.
    pub keys: Vec<(&'static str, Span)>,
    pub problems: Vec<FieldProblem>,
}

impl Item {
    /// An item of `kind` with no fields written: every field at its
    /// default. The staged cache fills in the few facts it keeps.
    pub fn blank(id: String, kind: Kind, origin: Origin) -> Item {
        Item {
            id,
            id_span: Span::default(),
            kind,
            title: None,
            owners: Vec::new(),
            owner_span: None,
            team: None,
            labels: Vec::new(),
            status: Status::allowed_for(kind).1,
            status_span: None,
            created: None,
            updated: None,
            blocked_since: None,
            period: None,
            weight: 1.0,
            links: Vec::new(),
            metric: None,
            checkins: Vec::new(),
            start: None,
            due: None,
            done: None,
            estimate: 1.0,
            unplanned: false,
            unplanned_span: None,
            reason: None,
            requested_by: None,
            raci: None,
            origin,
            span: Span::default(),
            keys: Vec::new(),
            problems: Vec::new(),
        }
    }

    /// Links of one field, in the order written.
    pub fn links_of(&self, field: LinkField) -> impl Iterator<Item = &Link> {
        self.links.iter().filter(move |l| l.field == field)
    }

    /// The span of a top-level key, if written.
    pub fn key_span(&self, key: &str) -> Option<Span> {
        self.keys.iter().find(|(k, _)| *k == key).map(|(_, s)| *s)
    }

    /// Whether the item is open work (tasks and initiatives).
    pub fn is_open(&self) -> bool {
        self.status.is_open()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn quarters_halves_years_and_ranges() {
        let q4 = Period::parse("2026-Q4").unwrap();
        assert_eq!((q4.start, q4.end), (date(2026, 10, 1), date(2026, 12, 31)));
        assert_eq!(q4.days(), 91);
        assert_eq!(q4.to_string(), "2026-Q4");
        let q1 = Period::parse("2024-q1").unwrap();
        assert_eq!(q1.end, date(2024, 3, 31));
        let h2 = Period::parse("2026-H2").unwrap();
        assert_eq!((h2.start, h2.end), (date(2026, 7, 1), date(2026, 12, 31)));
        let y = Period::parse("2026").unwrap();
        assert_eq!(y.days(), 364);
        let r = Period::parse("2026-10-01..2026-11-15").unwrap();
        assert_eq!(r.end, date(2026, 11, 15));
        assert!(Period::parse("2026-Q5").is_err());
        assert!(Period::parse("2026-11-15..2026-10-01").is_err());
        assert!(Period::parse("soon").is_err());
    }

    #[test]
    fn containing_period() {
        let p = Period::containing(PeriodUnit::Quarter, date(2026, 11, 12));
        assert_eq!(p.to_string(), "2026-Q4");
        let p = Period::containing(PeriodUnit::Half, date(2026, 3, 12));
        assert_eq!(p.to_string(), "2026-H1");
    }

    #[test]
    fn datetimes_are_read_as_their_date() {
        let d = |s: &str| parse_date(s).map(|d| d.to_string());
        for s in [
            "2026-04-25 12:14",
            "2026-04-25T12:14:00Z",
            "2026-04-25t12:14:00.123z",
            "2026-04-25T23:30:00-05:00",
            "2026-04-25T00:10+02:00",
            "2026-04-25 12:14:59",
        ] {
            assert_eq!(d(s).as_deref(), Ok("2026-04-25"), "{s}");
        }
        for s in [
            "2026-04-25 25:00",
            "2026-04-25T12",
            "2026-04-25 noon",
            "2026-04-25T12:14+2",
            "2026-04-25X12:14",
            "2026-02-30T12:00Z",
        ] {
            assert!(d(s).is_err(), "{s}");
        }
    }

    #[test]
    fn dates_must_exist() {
        assert!(parse_date("2026-02-30").is_err());
        assert!(parse_date("2026-2-3").is_err());
        assert_eq!(parse_date("2026-02-28").unwrap(), date(2026, 2, 28));
        assert_eq!(days_between(date(2026, 10, 1), date(2026, 11, 12)), 42);
    }
}
