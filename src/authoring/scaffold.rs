//! `align init`: a commented `align.yaml`, the folder skeleton, and
//! optionally a small realistic example workspace. Nothing that exists is
//! ever replaced: existing files are kept and reported as kept.

use std::path::Path;

use crate::edit::{self, EditError};
use crate::error::Fatal;

use super::create::default_folder;
use super::examples;
use crate::model::Kind;

/// The `align.yaml` written by `align init`: the common settings, each
/// explained, the rest shown commented out.
pub const CONFIG: &str = r#"# align.yaml: settings for `align`. Every key is optional; `align config`
# prints the effective settings with the defaults filled in.

# Which files are read (globs relative to this folder).
include: ["okrs/**", "work/**"]

# Files in these folders get this kind even when they do not say `kind:`.
kind_by_path: { "work/tasks/**": task }

# The default audit window: quarter | half | year.
period: quarter

# May a task opt out of linking to a goal with `unplanned: true` and a
# `reason`? allow | deny
unplanned: allow

# How `align new` names tasks: random (T-7kq3: two branches never collide)
# or sequential (T-12).
ids: random

# Extra spellings mapped onto the canonical statuses.
# statuses:
#   doing: [in-progress, review]
#   done: [shipped]

# When set, every owner must be one of these people.
# people: [dana, sam, lee]

# Thresholds of `align audit`; it exits 1 when a gate is breached.
# audit:
#   max_untraced_percent: 30
#   stale_days: 14

# Severity per rule code or name: error | warning | off.
# rules:
#   AL009: off
"#;

/// The example workspaces, by name.
pub fn example(name: &str) -> Option<&'static [(&'static str, &'static str)]> {
    match name {
        "marketing" => Some(examples::MARKETING),
        "product" => Some(examples::PRODUCT),
        _ => None,
    }
}

/// What `init` did: files created and files that were already there.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Written {
    pub created: Vec<String>,
    pub kept: Vec<String>,
}

/// The quarter every example is written in; `init --example` moves it to
/// the quarter of as-of so the example works in any year (SPEC §4).
pub const EXAMPLE_QUARTER: (i16, i8) = (2026, 4);

/// Quarters from the examples' quarter to the one holding `as_of`.
pub fn quarters_to(as_of: jiff::civil::Date) -> i64 {
    let index = |y: i16, q: i8| y as i64 * 4 + (q as i64 - 1);
    let q = (as_of.month() - 1) / 3 + 1;
    index(as_of.year(), q) - index(EXAMPLE_QUARTER.0, EXAMPLE_QUARTER.1)
}

/// Moves every date (`2026-11-12`) and quarter label (`2026-Q4`,
/// `2027-Q1`) in `text` by `quarters` quarters. A date keeps its day of
/// the quarter (clamped to the end of a shorter quarter), so check-ins,
/// done dates and due dates keep their place against expected progress.
/// Years alone and halves are prose or rare and are left as written.
pub fn shift_dates(text: &str, quarters: i64) -> String {
    if quarters == 0 {
        return text.to_string();
    }
    let b = text.as_bytes();
    let digits = |from: usize, n: usize| {
        b.get(from..from + n)
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
    };
    let boundary = |at: usize| b.get(at).is_none_or(|c| !c.is_ascii_alphanumeric());
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        let starts = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if starts && digits(i, 4) && b.get(i + 4) == Some(&b'-') {
            let year: i64 = text[i..i + 4].parse().unwrap_or(0);
            // `2026-11-12`
            if digits(i + 5, 2)
                && b.get(i + 7) == Some(&b'-')
                && digits(i + 8, 2)
                && boundary(i + 10)
                && let Ok(date) = crate::model::parse_date(&text[i..i + 10])
            {
                out.push_str(&text[copied..i]);
                out.push_str(&shift_date(date, quarters).to_string());
                i += 10;
                copied = i;
                continue;
            }
            // `2026-Q4`
            if b.get(i + 5) == Some(&b'Q')
                && matches!(b.get(i + 6), Some(b'1'..=b'4'))
                && boundary(i + 7)
            {
                let q = (b[i + 6] - b'1') as i64;
                let index = year * 4 + q + quarters;
                out.push_str(&text[copied..i]);
                out.push_str(&format!(
                    "{}-Q{}",
                    index.div_euclid(4),
                    index.rem_euclid(4) + 1
                ));
                i += 7;
                copied = i;
                continue;
            }
        }
        i += 1;
    }
    out.push_str(&text[copied..]);
    out
}

/// `date` moved by `quarters`, keeping its day of the quarter.
fn shift_date(date: jiff::civil::Date, quarters: i64) -> jiff::civil::Date {
    use jiff::civil::date as ymd;
    let start_of = |index: i64| {
        ymd(
            index.div_euclid(4) as i16,
            (index.rem_euclid(4) * 3 + 1) as i8,
            1,
        )
    };
    let index = date.year() as i64 * 4 + ((date.month() - 1) / 3) as i64;
    let offset = crate::model::days_between(start_of(index), date);
    let start = start_of(index + quarters);
    let end = start_of(index + quarters + 1).yesterday().unwrap_or(start);
    start
        .checked_add(jiff::Span::new().days(offset))
        .map_or(end, |d| d.min(end))
}

/// Writes the skeleton (and the example `name`, if any) into `dir`, the
/// example's dates moved by `quarters` (see [`shift_dates`]).
pub fn init(dir: &Path, example_name: Option<&str>, quarters: i64) -> Result<Written, Fatal> {
    let mut files: Vec<(String, String)> = Vec::new();
    match example_name {
        Some(name) => {
            let list = example(name).ok_or_else(|| {
                Fatal::usage(
                    format!("there is no example `{name}`"),
                    "use `--example marketing` or `--example product`",
                )
            })?;
            files.extend(
                list.iter()
                    .map(|(p, t)| (p.to_string(), shift_dates(t, quarters))),
            );
        }
        None => {
            files.push(("align.yaml".into(), CONFIG.to_string()));
            for kind in Kind::ALL {
                files.push((format!("{}/.gitkeep", default_folder(kind)), String::new()));
            }
        }
    }
    let mut written = Written::default();
    for (rel, text) in files {
        let path = dir.join(&rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Fatal::io(parent, e))?;
        }
        match edit::create_new(&path, text.as_bytes()) {
            Ok(()) => written.created.push(rel),
            Err(EditError::Exists { .. }) => written.kept.push(rel),
            Err(e) => return Err(e.into()),
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_move_by_whole_quarters_keeping_the_day_of_the_quarter() {
        use jiff::civil::date;
        assert_eq!(quarters_to(date(2026, 11, 12)), 0);
        assert_eq!(quarters_to(date(2027, 1, 1)), 1);
        assert_eq!(quarters_to(date(2026, 7, 1)), -1);
        assert_eq!(quarters_to(date(2030, 12, 31)), 16);
        let text = "period: 2026-Q4\ndone: 2026-11-12\ntitle: Plan the 2027-Q1 calendar\nid: T-2026-10-01x\nyear 2026\n";
        assert_eq!(shift_dates(text, 0), text);
        assert_eq!(
            shift_dates(text, 1),
            "period: 2027-Q1\ndone: 2027-02-12\ntitle: Plan the 2027-Q2 calendar\nid: T-2026-10-01x\nyear 2026\n"
        );
        // 2026-12-31 is day 92 of Q4; Q1 2027 has 90 days.
        assert_eq!(shift_dates("2026-12-31", 1), "2027-03-31");
        assert_eq!(shift_dates("2026-09-24", 1), "2026-12-25");
        assert_eq!(shift_dates("2026-10-01 2026-Q4", -4), "2025-10-01 2025-Q4");
    }

    #[test]
    fn config_is_valid_and_defaults_are_kept() {
        let c = crate::config::Config::parse(CONFIG, Path::new("align.yaml")).unwrap();
        assert_eq!(c.ids, crate::config::IdScheme::Random);
    }

    /// The embedded examples are exactly the files under `examples/`.
    #[test]
    fn embedded_examples_match_the_folder() {
        for name in ["marketing", "product"] {
            let root = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("examples")
                .join(name);
            let mut on_disk: Vec<String> = walkdir::WalkDir::new(&root)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(|e| crate::workspace::relative(&root, e.path()).unwrap())
                .collect();
            on_disk.sort();
            let embedded: Vec<String> = example(name)
                .unwrap()
                .iter()
                .map(|(p, _)| p.to_string())
                .collect();
            assert_eq!(
                embedded, on_disk,
                "src/authoring/examples.rs is out of date with examples/{name}: add or remove its include_str! lines"
            );
            for (p, text) in example(name).unwrap() {
                assert_eq!(std::fs::read_to_string(root.join(p)).unwrap(), *text);
            }
        }
    }
}
