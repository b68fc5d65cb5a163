//! Random front-matter text and a random `set`/`checkin` edit: no panic,
//! and no byte outside the edited field changes (see
//! `align::fuzzing::edit`).
//!
//! Input layout: a flags byte (bit 0: a YAML file rather than Markdown;
//! bit 1: a check-in rather than a set; bits 2–4: which field), then the
//! file text, the value and the note separated by the byte 0xFF.

#![no_main]

use align::fuzzing::Edit;
use libfuzzer_sys::fuzz_target;

const FIELDS: &[&str] = &[
    "status", "owner", "title", "estimate", "done", "due", "kr", "priority",
];

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let mut parts = rest.split(|&b| b == 0xFF);
    let Ok(text) = std::str::from_utf8(parts.next().unwrap_or_default()) else {
        return;
    };
    let mut next = || String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
    let (value, note) = (next(), next());
    let edit = if flags & 2 == 0 {
        Edit::Set {
            field: FIELDS[usize::from(flags >> 2) % FIELDS.len()].to_string(),
            value,
        }
    } else {
        Edit::Checkin { value, note }
    };
    align::fuzzing::edit(text, flags & 1 == 0, &edit);
});
