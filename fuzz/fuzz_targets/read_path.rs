//! Arbitrary bytes as a small workspace: parse → graph → rules → every
//! renderer (see `align::fuzzing::read_path` for what is checked).
//!
//! Input layout: chunks separated by the byte 0xFF (never in UTF-8, so a
//! chunk is still any valid or invalid text). The first byte's low bit says
//! the first chunk is `align.yaml`. A chunk that starts with `@` names its
//! own path on its first line (hostile names); others get a path from a
//! fixed list of item folders and extensions.

#![no_main]

use libfuzzer_sys::fuzz_target;

const PATHS: &[&str] = &[
    "okrs/O-1.md",
    "okrs/KR-1.md",
    "tasks/T-1.md",
    "initiatives/I-1.md",
    "okrs/2026-Q4.yaml",
    "tasks/T-2.md",
    "tasks/batch.yml",
    "README.md",
];

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let mut chunks = rest.split(|&b| b == 0xFF);
    let config = if flags & 1 == 1 { chunks.next() } else { None };
    let files: Vec<(String, Vec<u8>)> = chunks
        .take(PATHS.len())
        .enumerate()
        .map(|(i, chunk)| match chunk.strip_prefix(b"@") {
            Some(named) => {
                let end = named
                    .iter()
                    .position(|&b| b == b'\n')
                    .unwrap_or(named.len());
                let path = String::from_utf8_lossy(&named[..end]).into_owned();
                let body = named.get(end + 1..).unwrap_or_default().to_vec();
                (path, body)
            }
            None => (PATHS[i].to_string(), chunk.to_vec()),
        })
        .collect();
    align::fuzzing::read_path(config, files);
});
