//! Finds the files `align` reads (walkdir + globset, SPEC §1) and reads and
//! parses them in parallel. A file that cannot be read becomes an AL014
//! problem on that file; it never stops the others.

use std::io::Read;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use rayon::prelude::*;

use crate::config::{self, Config, Root};
use crate::error::Fatal;
use crate::model::Item;
use crate::parse::{self, FileProblem, ParseSettings, Parsed};
use crate::span::{LineIndex, Span};

/// Files larger than this are not read (SPEC §6: a 50 MB file is refused).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Folders never walked, whatever the globs say. `.align/` is align's own
/// (templates for `align new`), never items.
const ALWAYS_SKIPPED: &[&str] = &[".git", ".align", "target", "node_modules"];

/// One file read from the workspace.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the root, `/`-separated: the path in every finding.
    pub path: String,
    /// The text (empty when it could not be read).
    pub text: String,
    /// Line starts, built on the first finding in this file: indexing every
    /// file up front would cost an allocation per file for nothing.
    lines: std::sync::OnceLock<LineIndex>,
}

impl SourceFile {
    /// A file and its text.
    pub fn new(path: String, text: String) -> SourceFile {
        SourceFile {
            path,
            text,
            lines: std::sync::OnceLock::new(),
        }
    }

    /// 1-based line and column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines
            .get_or_init(|| LineIndex::new(&self.text))
            .line_col(&self.text, offset)
    }
}

/// The parsed workspace: every file read, every item found, every file
/// problem, and how many files were skipped as not items.
#[derive(Debug, Default)]
pub struct Workspace {
    pub files: Vec<SourceFile>,
    pub items: Vec<Item>,
    /// Problems with whole files, by index into `files`.
    pub file_problems: Vec<(usize, FileProblem)>,
    /// Files read that hold no item.
    pub skipped: usize,
}

/// Where a file's text comes from: the work tree, or (for `--staged`) an
/// in-memory snapshot.
pub struct Input {
    pub path: String,
    pub content: Content,
}

/// The content of an input file, not yet checked for size or encoding.
pub enum Content {
    /// Read from disk when parsing (in parallel).
    Disk(PathBuf),
    /// Already in memory (from git).
    Bytes(Vec<u8>),
}

/// Compiles the include and exclude globs of `config`.
pub fn matchers(config: &Config) -> Result<(GlobSet, GlobSet), Fatal> {
    let build = |globs: &[String]| -> Result<GlobSet, Fatal> {
        let mut b = GlobSetBuilder::new();
        for g in globs {
            b.add(Glob::new(g).map_err(|e| {
                Fatal::usage(
                    format!("`{g}` is not a valid glob: {e}"),
                    "fix the glob in align.yaml",
                )
            })?);
        }
        b.build()
            .map_err(|e| Fatal::usage(e.to_string(), "fix the globs in align.yaml"))
    };
    Ok((build(&config.include)?, build(&config.exclude)?))
}

/// Whether a root-relative path is one `align` reads.
pub fn wanted(path: &str, include: &GlobSet, exclude: &GlobSet) -> bool {
    path != config::FILE_NAME
        && include.is_match(path)
        && !exclude.is_match(path)
        && !path.split('/').any(|seg| ALWAYS_SKIPPED.contains(&seg))
}

/// Lists the files under the root that the config includes, sorted.
pub fn discover(root: &Root) -> Result<Vec<Input>, Fatal> {
    let (include, exclude) = matchers(&root.config)?;
    let mut out = Vec::new();
    let walker = walkdir::WalkDir::new(&root.dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !(e.file_type().is_dir()
                    && ALWAYS_SKIPPED.contains(&e.file_name().to_string_lossy().as_ref()))
        });
    for entry in walker {
        // Unreadable folders are skipped; the files we can read still count.
        let Ok(entry) = entry else { continue };
        if !entry.file_type().is_file() {
            continue;
        }
        let Some(rel) = relative(&root.dir, entry.path()) else {
            continue;
        };
        if wanted(&rel, &include, &exclude) {
            out.push(Input {
                path: rel,
                content: Content::Disk(entry.into_path()),
            });
        }
    }
    Ok(out)
}

/// `path` relative to `root`, with `/` separators.
pub fn relative(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Some(parts.join("/"))
}

/// Inputs from in-memory `(path, text)` pairs, for tests.
#[cfg(test)]
pub(crate) fn in_memory(files: &[(&str, &str)]) -> Vec<Input> {
    files
        .iter()
        .map(|(p, t)| Input {
            path: p.to_string(),
            content: Content::Bytes(t.as_bytes().to_vec()),
        })
        .collect()
}

/// Reads and parses every input in parallel.
pub fn load(config: &Config, inputs: Vec<Input>) -> Workspace {
    let settings = ParseSettings::new(config);
    let results: Vec<(SourceFile, Parsed)> = inputs
        .into_par_iter()
        .map(|input| read_one(input, &settings))
        .collect();
    assemble(results)
}

/// Joins files parsed on their own (perhaps cached from another commit)
/// into a workspace, numbering the files in order.
pub fn assemble(results: Vec<(SourceFile, Parsed)>) -> Workspace {
    let mut ws = Workspace::default();
    ws.items
        .reserve_exact(results.iter().map(|(_, p)| p.items.len()).sum());
    ws.files.reserve_exact(results.len());
    for (index, (file, parsed)) in results.into_iter().enumerate() {
        if !parsed.is_item_file {
            ws.skipped += 1;
        }
        ws.items.extend(parsed.items.into_iter().map(|mut item| {
            item.origin.file = index;
            item
        }));
        ws.file_problems
            .extend(parsed.problems.into_iter().map(|p| (index, p)));
        ws.files.push(file);
    }
    ws
}

/// Reads and parses one input; a file that cannot be read is an AL014
/// problem on it. Items get file index 0 until `assemble` numbers them.
pub fn read_one(input: Input, settings: &ParseSettings) -> (SourceFile, Parsed) {
    let path = input.path;
    let bytes = match input.content {
        Content::Bytes(b) => Ok(b),
        Content::Disk(p) => read_capped(&p),
    };
    let unreadable = |message: String, help: &str| {
        let parsed = Parsed::unreadable(message, help, Span::default());
        (SourceFile::new(path.clone(), String::new()), parsed)
    };
    let bytes = match bytes {
        Ok(b) if b.len() as u64 > MAX_FILE_BYTES => {
            return unreadable(
                format!("the file is larger than {} KiB", MAX_FILE_BYTES / 1024),
                "item files are small; split the file or exclude it in align.yaml",
            );
        }
        Ok(b) => b,
        Err(e) => {
            return unreadable(
                format!("the file could not be read: {e}"),
                "check that the file exists and is readable",
            );
        }
    };
    if bytes.contains(&0) {
        return unreadable(
            "the file is binary (it contains NUL bytes)".into(),
            "exclude binary files with `exclude:` in align.yaml",
        );
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            return unreadable(
                format!("the file is not valid UTF-8 (at byte {at})"),
                "save the file as UTF-8",
            );
        }
    };
    let parsed = parse::parse_file(&path, &text, 0, settings);
    (SourceFile::new(path, text), parsed)
}

/// Reads at most one byte more than the limit, so a 50 MB file costs 1 MiB.
fn read_capped(path: &Path) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut buf = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut buf)?;
    Ok(buf)
}
