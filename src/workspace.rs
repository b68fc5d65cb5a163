//! Finds the files `align` reads (walkdir + globset, git's ignore rules,
//! SPEC §1) and reads and parses them in parallel. A file that cannot be read becomes an AL014
//! problem on that file; it never stops the others.

mod ignored;
pub mod read;

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
    /// What the reader should know about the input as a whole (SPEC §8):
    /// nothing read, an `include` glob that matched nothing.
    pub warnings: Vec<String>,
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
    /// Could not be listed (a folder the walk could not read): the AL014
    /// message and help, said on the folder's path.
    Unreadable { message: String, help: String },
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

/// The extensions of the files `align` reads, whatever `include` says
/// (SPEC §1): Markdown (front-matter only) and YAML. An `include:
/// ["work/**"]` must never turn a PNG into a finding.
const TEXT_EXTENSIONS: &[&str] = &["md", "markdown", "mdx", "yaml", "yml"];

/// Whether a root-relative path names a file `align` may read, by its
/// extension (case-insensitive: `README.MD` is Markdown).
pub fn readable_extension(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .and_then(|name| name.rsplit_once('.'))
        .is_some_and(|(_, ext)| TEXT_EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(ext)))
}

/// Whether a root-relative path is one `align` reads. Dotfiles
/// (`.gitkeep`, `.DS_Store`, editor state) are neither read nor counted
/// as skipped: `init` writes `.gitkeep`s, and "4 skipped" for them would
/// send a newcomer looking for files that were never meant to be items.
/// Temporary files (`.NAME.align-PID.tmp`) are dotfiles, so they are
/// never read either.
pub fn wanted(path: &str, include: &GlobSet, exclude: &GlobSet) -> bool {
    !path
        .rsplit('/')
        .next()
        .is_some_and(|name| name.starts_with('.'))
        && path != config::FILE_NAME
        && readable_extension(path)
        && include.is_match(path)
        && !exclude.is_match(path)
        && !path.split('/').any(|seg| ALWAYS_SKIPPED.contains(&seg))
}

/// What the walk met, before the globs decide: the seam between walkdir
/// and the rest, so the handling of a folder that cannot be read is
/// testable where the tests run as root (and `chmod 000` stops nothing).
#[derive(Debug)]
enum Walked {
    /// A file (of any type but folder or link) and its full path.
    File(PathBuf),
    /// A folder the walk could not read.
    Unreadable(PathBuf, std::io::Error),
}

/// Lists the files under the root that the config includes, sorted, and
/// the folders that could not be read (each an input that becomes an
/// AL014 finding, SPEC §6: never skipped silently).
pub fn discover(root: &Root) -> Result<Vec<Input>, Fatal> {
    let (include, exclude) = matchers(&root.config)?;
    let ignores = if root.no_ignore {
        None
    } else {
        ignored::GitIgnores::for_root(&root.dir)
    };
    let walked = walk(&root.dir, ignores);
    Ok(select(&root.dir, walked, &include, &exclude))
}

/// Walks `dir` top-down without following links, skipping the folders
/// align never reads and, with `ignores`, what git ignores.
fn walk(dir: &Path, mut ignores: Option<ignored::GitIgnores>) -> Vec<Walked> {
    let mut out = Vec::new();
    let mut it = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    while let Some(next) = it.next() {
        let entry = match next {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                let io = e
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("the folder could not be walked"));
                out.push(Walked::Unreadable(path, io));
                continue;
            }
        };
        let ft = entry.file_type();
        let depth = entry.depth();
        if ft.is_dir() {
            if depth > 0
                && (ALWAYS_SKIPPED.contains(&entry.file_name().to_string_lossy().as_ref())
                    || ignores
                        .as_mut()
                        .is_some_and(|ig| ig.is_ignored(entry.path(), true, depth)))
            {
                it.skip_current_dir();
                continue;
            }
            if let Some(ig) = ignores.as_mut() {
                ig.enter(entry.path(), depth);
            }
            continue;
        }
        // Symbolic links are not followed (SPEC §1). FIFOs, sockets and
        // devices are listed: reading refuses them by name, so one named
        // `task.md` is said, not silently dropped.
        if ft.is_symlink()
            || ignores
                .as_mut()
                .is_some_and(|ig| ig.is_ignored(entry.path(), false, depth))
        {
            continue;
        }
        out.push(Walked::File(entry.into_path()));
    }
    out
}

/// Turns what the walk met into inputs: the files the globs want, and
/// every folder that could not be read unless `exclude` covers it (an
/// excluded folder could hold no item anyway).
fn select(root: &Path, walked: Vec<Walked>, include: &GlobSet, exclude: &GlobSet) -> Vec<Input> {
    let mut out = Vec::new();
    for w in walked {
        match w {
            Walked::File(path) => {
                let Some(rel) = relative(root, &path) else {
                    continue;
                };
                if wanted(&rel, include, exclude) {
                    out.push(Input {
                        path: rel,
                        content: Content::Disk(path),
                    });
                }
            }
            Walked::Unreadable(path, error) => {
                let rel = relative(root, &path)
                    .filter(|r| !r.is_empty())
                    .unwrap_or_else(|| ".".to_string());
                if exclude.is_match(&rel) || exclude.is_match(format!("{rel}/x.md")) {
                    continue;
                }
                let message = format!(
                    "the folder `{rel}` could not be read ({error}); the items in it were not checked"
                );
                let help = format!(
                    "give your user permission to read and enter it (`chmod u+rx {rel}`), or add `{rel}/**` to `exclude` in align.yaml"
                );
                out.push(Input {
                    path: rel,
                    content: Content::Unreadable { message, help },
                });
            }
        }
    }
    out
}

/// Warnings about what was read (SPEC §8 "nothing to read is said"): no
/// file at all, or an `include` glob written in align.yaml that matched no
/// file. They name the root and the globs so a wrong `-C` or a typo in
/// `include` is obvious. The default globs are not checked one by one: a
/// workspace of Markdown only is no mistake for want of `**/*.yml`.
pub fn coverage_warnings(root: &Root, inputs: &[Input]) -> Vec<String> {
    let dir = root.dir.display();
    let globs = &root.config.include;
    if inputs.is_empty() {
        return vec![format!(
            "no file was read under `{dir}`: no file matches `include` ({})",
            list(globs)
        )];
    }
    if *globs == Config::default().include {
        return Vec::new();
    }
    let Ok((include, _)) = matchers(&root.config) else {
        return Vec::new();
    };
    let mut matched = vec![false; globs.len()];
    let mut hits = Vec::new();
    for input in inputs {
        if matches!(input.content, Content::Unreadable { .. }) {
            continue;
        }
        include.matches_into(&input.path, &mut hits);
        for &i in &hits {
            matched[i] = true;
        }
        if matched.iter().all(|m| *m) {
            return Vec::new();
        }
    }
    globs
        .iter()
        .zip(matched)
        .filter(|(_, m)| !m)
        .map(|(g, _)| format!("the `include` glob `{g}` matches no file under `{dir}`"))
        .collect()
}

fn list(globs: &[String]) -> String {
    let quoted: Vec<String> = globs.iter().map(|g| format!("`{g}`")).collect();
    quoted.join(", ")
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
    let unreadable = |message: String, help: &str| {
        let parsed = Parsed::unreadable(message, help, Span::default());
        (SourceFile::new(path.clone(), String::new()), parsed)
    };
    let bytes = match input.content {
        Content::Bytes(b) if b.len() as u64 > MAX_FILE_BYTES => Err(read::NotRead::TooLarge),
        Content::Bytes(b) => Ok(b),
        Content::Disk(p) => read::read_regular(&p, read::Links::Refuse),
        Content::Unreadable { message, help } => return unreadable(message, &help),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e @ read::NotRead::TooLarge) => {
            return unreadable(
                e.to_string(),
                "item files are small; split the file or exclude it in align.yaml",
            );
        }
        Err(e @ read::NotRead::NotRegular(_)) => {
            // Said, not skipped: a FIFO named `task.md` may stand where a
            // task was, and an audit that silently lost it would not be
            // whole (SPEC §8). AL014 makes it count as unreadable input.
            return unreadable(
                format!("`{path}` was not read: {e}"),
                "replace it with a regular file, or exclude it in align.yaml",
            );
        }
        Err(e) => {
            return unreadable(e.to_string(), "check that the file exists and is readable");
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

#[cfg(test)]
mod tests {
    use super::*;

    fn globs(include: &[&str], exclude: &[&str]) -> (GlobSet, GlobSet) {
        let config = Config {
            include: include.iter().map(|s| s.to_string()).collect(),
            exclude: exclude.iter().map(|s| s.to_string()).collect(),
            ..Config::default()
        };
        matchers(&config).unwrap()
    }

    #[test]
    fn only_text_extensions_are_wanted_whatever_include_says() {
        let (inc, exc) = globs(&["work/**"], &[]);
        for ok in [
            "work/T-1.md",
            "work/a.MD",
            "work/p.mdx",
            "work/o.Yaml",
            "work/k.yml",
            "work/x.markdown",
        ] {
            assert!(wanted(ok, &inc, &exc), "{ok}");
        }
        for no in [
            "work/logo.png",
            "work/notes.txt",
            "work/md",
            "work/.T-1.md.align-1.tmp",
            "work/Makefile",
        ] {
            assert!(!wanted(no, &inc, &exc), "{no}");
        }
    }

    /// Tests run as root, where `chmod 000` stops nothing: the walk's
    /// error is injected at the seam instead.
    #[test]
    fn an_unreadable_folder_is_an_al014_input_with_its_os_error() {
        let root = Path::new("/ws");
        let (inc, exc) = globs(&["**/*.md"], &["archive/**"]);
        let denied = || std::io::Error::from_raw_os_error(libc::EACCES);
        let walked = vec![
            Walked::File(root.join("work/T-1.md")),
            Walked::Unreadable(root.join("work/tasks"), denied()),
            Walked::Unreadable(root.join("archive/old"), denied()),
            Walked::File(root.join("work/z.md")),
        ];
        let inputs = select(root, walked, &inc, &exc);
        let paths: Vec<&str> = inputs.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(paths, ["work/T-1.md", "work/tasks", "work/z.md"]);
        let config = Config::default();
        let settings = ParseSettings::new(&config);
        let input = inputs.into_iter().nth(1).unwrap();
        let (file, parsed) = read_one(input, &settings);
        assert_eq!(file.path, "work/tasks");
        assert!(parsed.is_item_file);
        let p = &parsed.problems[0];
        assert_eq!(p.kind, crate::parse::FileProblemKind::Unreadable);
        assert!(
            p.message.contains("`work/tasks` could not be read"),
            "{}",
            p.message
        );
        assert!(p.message.contains("Permission denied"), "{}", p.message);
        assert!(p.help.contains("chmod u+rx work/tasks"), "{}", p.help);
    }

    #[test]
    fn the_walk_reports_what_it_cannot_read_and_goes_on() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir_all(root.join("a")).unwrap();
        std::fs::write(root.join("a/T-1.md"), "x").unwrap();
        std::fs::write(root.join("b.md"), "x").unwrap();
        // A folder removed between listing and reading is an error the
        // walk reports like a denied one; here a dangling walk root.
        let walked = walk(&root.join("missing"), None);
        assert!(matches!(&walked[..], [Walked::Unreadable(..)]));
        let walked = walk(root, None);
        let files: Vec<_> = walked
            .iter()
            .map(|w| match w {
                Walked::File(p) => relative(root, p).unwrap(),
                Walked::Unreadable(p, _) => panic!("{p:?}"),
            })
            .collect();
        assert_eq!(files, ["a/T-1.md", "b.md"]);
    }
}
