//! What a command read, said with every answer (SPEC §8 "Unreadable input
//! is always said"): how many files were read, how many items they held,
//! how many were skipped as not items, and which files should have been
//! items but could not be read. One struct, so that every JSON output
//! carries the same `input` object and every human output the same
//! warning; and the index that lets a follow-on finding (a link to an id
//! that only an unreadable file names) point at its cause.

use std::collections::HashMap;

use serde::Serialize;

use crate::graph::Graph;
use crate::parse::FileProblemKind;

/// How many unreadable files the human warning names before "and N more".
const NAMED: usize = 10;

/// The `input` object of every data command's JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Input {
    /// Files read (item files, files that are not items, unreadable ones).
    pub files: usize,
    /// Items found (as of the as-of date, for the goal commands).
    pub items: usize,
    /// Files read that hold no item.
    pub skipped: usize,
    /// Files that should be items but could not be read (AL014), in path order.
    pub unreadable: Vec<Unreadable>,
}

/// One file that should be an item but could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unreadable {
    pub path: String,
    pub line: usize,
    pub message: String,
}

impl Input {
    /// What `graph` was read from.
    pub fn of(graph: &Graph) -> Input {
        let mut unreadable: Vec<Unreadable> = graph
            .file_problems
            .iter()
            .filter(|(_, p)| p.kind == FileProblemKind::Unreadable)
            .map(|(file, p)| {
                let f = &graph.files[*file];
                Unreadable {
                    path: f.path.clone(),
                    line: f.line_col(p.span.start).0,
                    // A YAML error may run over several lines; the first
                    // says what is wrong, and the warning is one line each.
                    message: p.message.lines().next().unwrap_or_default().to_string(),
                }
            })
            .collect();
        unreadable.sort_by(|a, b| a.path.cmp(&b.path).then(a.line.cmp(&b.line)));
        Input {
            files: graph.files.len(),
            items: graph.items.len(),
            skipped: graph.skipped,
            unreadable,
        }
    }

    /// The warning that ends a human answer when some input could not be
    /// read; `None` when everything was read.
    pub fn warning(&self) -> Option<String> {
        let n = self.unreadable.len();
        if n == 0 {
            return None;
        }
        let mut out = format!(
            "warning: {n} {} could not be read, so this answer leaves out whatever {} hold:\n",
            if n == 1 { "file" } else { "files" },
            if n == 1 { "it may" } else { "they may" },
        );
        for u in self.unreadable.iter().take(NAMED) {
            out.push_str(&format!(
                "  {}:{}: {}\n",
                crate::text::escape(&u.path),
                u.line,
                crate::text::escape(&u.message)
            ));
        }
        if n > NAMED {
            out.push_str(&format!("  and {} more\n", n - NAMED));
        }
        out.push_str("  help: `align lint` shows what is wrong with each; fix them or exclude them in align.yaml\n");
        Some(out)
    }
}

/// Where an id is written in a file that could not be read: a link to it
/// may be dangling only because that file failed (SPEC §8 "Follow-on
/// findings point at the cause").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub path: String,
    pub line: usize,
}

impl Mention {
    /// "`KR-1` may be defined in `okrs/2026-Q4.yaml`, which could not be
    /// read (line 12)".
    pub fn sentence(&self, id: &str) -> String {
        format!(
            "`{id}` may be defined in `{}`, which could not be read (line {})",
            self.path, self.line
        )
    }
}

/// Every id-like word in the raw text of the unreadable files, with its
/// first place: built once per command, so a lookup per dangling link
/// costs nothing more (100,000 dangling links stay linear, SPEC §6).
#[derive(Debug, Default)]
pub struct Mentions {
    /// Word → (path index, line, written on an `id:` line).
    words: HashMap<String, (usize, usize, bool)>,
    paths: Vec<String>,
}

impl Mentions {
    /// Indexes the unreadable files of `graph` that have text (a binary or
    /// oversized file has none to search).
    pub fn of(graph: &Graph) -> Mentions {
        let mut m = Mentions::default();
        let mut files: Vec<usize> = graph
            .file_problems
            .iter()
            .filter(|(_, p)| p.kind == FileProblemKind::Unreadable)
            .map(|(f, _)| *f)
            .collect();
        files.sort_unstable();
        files.dedup();
        for file in files {
            let f = &graph.files[file];
            if f.text.is_empty() {
                continue;
            }
            let path_ix = m.paths.len();
            m.paths.push(f.path.clone());
            for (n, line) in f.text.lines().enumerate() {
                // An `id:` line defines the id; any other mention (a link)
                // is only a hint, so a definition later in the file wins.
                let defines = line
                    .trim_start()
                    .trim_start_matches("- ")
                    .starts_with("id:");
                for word in line
                    .split(|c: char| !is_id_char(c))
                    .filter(|w| !w.is_empty())
                {
                    match m.words.get_mut(word) {
                        None => {
                            m.words.insert(word.to_string(), (path_ix, n + 1, defines));
                        }
                        Some(at) if defines && !at.2 => *at = (path_ix, n + 1, true),
                        Some(_) => {}
                    }
                }
            }
        }
        m
    }

    /// Where `id` is written in an unreadable file, if anywhere.
    pub fn find(&self, id: &str) -> Option<Mention> {
        self.words.get(id).map(|&(p, line, _)| Mention {
            path: self.paths[p].clone(),
            line,
        })
    }
}

/// The characters of an id (SPEC §2 `^[A-Za-z0-9][A-Za-z0-9_.-]*$`).
fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')
}
