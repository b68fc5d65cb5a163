//! Reading an item file for editing and writing it back atomically (SPEC
//! §6). [`Document::open`] locks the file (`lock`) and reads it through the
//! locked descriptor; [`Document::commit`] writes a temporary file beside
//! it (`temp`), syncs it, checks the file's content once more *after* the
//! slow sync and right before the rename, renames, and then makes sure no
//! other program wrote into the replaced file in the instant between that
//! check and the rename. The lock is held from the read to the rename (and
//! past it), so two `align` processes never interleave on one file.
//!
//! What another program changed meanwhile is never overwritten:
//! - a change below the front-matter (a note appended to the body, say)
//!   is kept and this edit is applied on top of it, so both land;
//! - a change in the front-matter refuses the write (exit 2, naming the
//!   line that changed): the values were checked against what was read;
//! - bytes appended to the file while the new content was being written,
//!   or in the instant of the rename, are appended to the new file after
//!   the rename, as that program appended them (no new rename, so a
//!   program appending nonstop cannot keep the writer going round).
//!
//! The one case no rename-based write can save is a program that keeps the
//! file open for writing for a long time: what it writes after the rename
//! goes to a file that is no longer in any folder.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::model::Item;
use crate::parse::scan::{self, Node};
use crate::yaml;

use super::EditError;
use super::lock::LockedFile;
use super::temp::Temp;
use super::text::{self, Change, Target};
use super::value::Value;

/// How many times a commit starts over because another program rewrote
/// the file (appends are carried over without starting over).
const ROUNDS: usize = 64;

/// An item file read for editing and locked until this is dropped. Changes
/// apply to the text in memory; nothing touches the disk before
/// [`Document::commit`].
#[derive(Debug)]
pub struct Document {
    path: PathBuf,
    markdown: bool,
    target: Target,
    original: String,
    text: String,
    lock: LockedFile,
}

impl Document {
    /// Locks `path` and reads it to edit the mapping `target` in it.
    pub fn open(path: impl Into<PathBuf>, target: Target) -> Result<Document, EditError> {
        let path = path.into();
        // Renaming over a symbolic link would replace the link, not the file
        // it names; item files are never links (discovery skips them).
        let lock = LockedFile::open(&path)?;
        let bytes = lock.read().map_err(|e| EditError::Io {
            path: path.clone(),
            message: e.to_string(),
        })?;
        let original = String::from_utf8(bytes)
            .map_err(|_| EditError::Shape(format!("`{}` is not valid UTF-8", path.display())))?;
        let markdown = crate::text::is_markdown(&path.to_string_lossy());
        text::region(&original, markdown)?;
        // Items of a multi-document YAML file are read (SPEC §1), but an
        // edit addresses the file's one document: refuse rather than write
        // into the wrong one.
        if !markdown && crate::yaml::documents(&original).len() > 1 {
            return Err(EditError::Shape(format!(
                "`{}` holds several YAML documents (`---`), and align edits only files of one document",
                path.display()
            )));
        }
        Ok(Document {
            text: original.clone(),
            path,
            markdown,
            target,
            original,
            lock,
        })
    }

    /// Locks and reads the file of `item` (whose path is `path`) to edit
    /// that item, which may be one of many in a YAML file.
    pub fn for_item(path: impl Into<PathBuf>, item: &Item) -> Result<Document, EditError> {
        let mut doc = Document::open(path, Target::Whole)?;
        doc.retarget(item);
        Ok(doc)
    }

    /// Points the edit at `item` (read again from the same text, e.g. after
    /// the workspace was loaded once more under the lock). Only before any
    /// change.
    pub fn retarget(&mut self, item: &Item) {
        debug_assert!(!self.is_changed());
        self.target = target_for(&self.original, self.markdown, item);
    }

    /// The file being edited.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The text with every change so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text as read.
    pub fn original(&self) -> &str {
        &self.original
    }

    /// Whether `text` (what the workspace was loaded from) says what the
    /// file as read says: the same bytes, or for a Markdown file the same
    /// front-matter (the values a command checks live there; a line
    /// another program appended to the body changes none of them).
    pub fn reads_like(&self, text: &str) -> bool {
        if text == self.original {
            return true;
        }
        let head = |t: &'_ str| text::region(t, self.markdown).ok().map(|r| r.end);
        match (self.markdown, head(text), head(&self.original)) {
            (true, Some(a), Some(b)) => text[..a] == self.original[..b],
            _ => false,
        }
    }

    /// Whether any change altered the text.
    pub fn is_changed(&self) -> bool {
        self.text != self.original
    }

    /// Applies one change in memory. The result must still be readable
    /// YAML; if it would not be, the change is refused.
    pub fn change(&mut self, change: &Change) -> Result<(), EditError> {
        let next = text::apply(&self.text, self.markdown, self.target, change)?;
        let region = text::region(&next, self.markdown)?;
        if let Err(e) = yaml::parse_doc(&next[region.start..region.end]) {
            let before = text::region(&self.text, self.markdown)?;
            if yaml::parse_doc(&self.text[before.start..before.end]).is_ok() {
                return Err(EditError::Broken {
                    path: self.path.clone(),
                    message: e.message,
                });
            }
        }
        self.text = next;
        Ok(())
    }

    /// Sets `field` (dotted for nested fields: `metric.target`).
    pub fn set(&mut self, field: &str, value: Value) -> Result<(), EditError> {
        self.change(&Change::Set {
            path: field.split('.').map(str::to_string).collect(),
            value,
        })
    }

    /// Removes `field` (dotted for nested fields) if it is there.
    pub fn remove(&mut self, field: &str) -> Result<(), EditError> {
        self.change(&Change::Remove {
            path: field.split('.').map(str::to_string).collect(),
        })
    }

    /// Appends `entry` to the sequence `field` (e.g. a check-in).
    pub fn append(&mut self, field: &str, entry: Vec<(String, Value)>) -> Result<(), EditError> {
        self.change(&Change::Append {
            field: field.to_string(),
            entry,
        })
    }

    /// Writes the changes atomically, keeping whatever another program
    /// changed meanwhile (see the module docs). Returns whether anything
    /// was written. The lock is released when this returns.
    pub fn commit(self) -> Result<bool, EditError> {
        if !self.is_changed() {
            return Ok(false);
        }
        let Document {
            path,
            markdown,
            original,
            text,
            lock,
            ..
        } = self;
        let path = path.as_path();
        let io = |e: std::io::Error| EditError::Io {
            path: path.to_path_buf(),
            message: e.to_string(),
        };
        let ours = Ours::new(&original, &text, markdown);
        // `held` is the locked inode at the path and `base` what it is
        // expected to hold; `want` is what the path is to hold next;
        // `landed` says whether our change is already in that file.
        let mut held = lock;
        let mut base = original.clone().into_bytes();
        let mut want = text.clone().into_bytes();
        let mut landed = false;
        // `want` does not derive from `base` (another program rewrote a
        // replaced inode): a change to `base` too cannot be merged.
        let mut replacing = false;
        for _ in 0..ROUNDS {
            let perms = held.permissions().map_err(io)?;
            let temp = Temp::write(path, &want, Some(&perms)).map_err(io)?;
            // The check, after the slow sync and right before the rename.
            let now = current(path, &held)?;
            // Bytes appended meanwhile are carried over after the rename,
            // with those appended in its instant; anything else is merged
            // into a new temporary file, or refused.
            if now != base && (replacing || !now.starts_with(&base)) {
                let refuse = || changed(path, &base, &now);
                want = if replacing {
                    return Err(refuse());
                } else if landed {
                    // Their change came after ours: keep it as it is.
                    now.clone()
                } else {
                    let now_text = std::str::from_utf8(&now).map_err(|_| refuse())?;
                    ours.apply(now_text).ok_or_else(refuse)?.into_bytes()
                };
                base = now;
                continue;
            }
            let next = LockedFile::fresh(temp.path()).map_err(io)?;
            fs::rename(temp.path(), path).map_err(io)?;
            temp.renamed();
            sync_dir(path);
            // A program that opened the file just before the rename wrote
            // into the old inode; once it has closed it, look.
            held.wait_for_writers();
            let late = held.read().map_err(io)?;
            let was_landed = landed;
            held = next;
            landed = true;
            if let Some(added) = late.strip_prefix(base.as_slice()) {
                if !added.is_empty() {
                    // Appended by another program: append it again, to the
                    // file now at the path, as that program did.
                    append(path, &held, added).map_err(io)?;
                }
                return Ok(true);
            }
            // Rewritten, not appended to, in the instant of the rename.
            let checked = std::mem::replace(&mut base, want.clone());
            replacing = true;
            let rebased = std::str::from_utf8(&late).ok().and_then(|t| ours.apply(t));
            want = match rebased {
                _ if was_landed => late,
                Some(rebased) => rebased.into_bytes(),
                // Their front-matter change and ours cannot both stand: put
                // theirs back rather than lose it, and say so.
                None => return Err(restore(path, held, &base, &late, &checked)),
            };
        }
        Err(EditError::Changed {
            path: path.to_path_buf(),
            what: "another program kept changing it while align was writing".into(),
        })
    }
}

/// Appends `bytes` to the file at `path`, which must be the `held` inode.
/// An append is not atomic, but these are bytes another program appended
/// (to the file this write replaced), so readers see what that program's
/// own append would have shown them.
fn append(path: &Path, held: &LockedFile, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut f = fs::OpenOptions::new().append(true).open(path)?;
    if !held.is(&f)? {
        return Err(std::io::Error::other(
            "another program replaced the file while align was carrying over lines it appended",
        ));
    }
    f.write_all(bytes)?;
    f.sync_data()
}

/// The locked file's content now, refusing if another program renamed a
/// different file over it.
fn current(path: &Path, held: &LockedFile) -> Result<Vec<u8>, EditError> {
    let io = |e: std::io::Error| EditError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    if !held.is_at(path).map_err(io)? {
        return Err(EditError::Changed {
            path: path.to_path_buf(),
            what: "another program replaced the file".into(),
        });
    }
    held.read().map_err(io)
}

fn changed(path: &Path, before: &[u8], now: &[u8]) -> EditError {
    EditError::Changed {
        path: path.to_path_buf(),
        what: describe(
            &String::from_utf8_lossy(before),
            &String::from_utf8_lossy(now),
        ),
    }
}

/// Writes `theirs` back over `ours` (the file at `path`, held locked), for
/// the rare case where another program rewrote the front-matter in the
/// instant of the rename; our change is then not applied.
fn restore(path: &Path, held: LockedFile, ours: &[u8], theirs: &[u8], base: &[u8]) -> EditError {
    let refused = changed(path, base, theirs);
    let put_back = || -> std::io::Result<()> {
        if held.read()? != ours {
            return Err(std::io::Error::other("the file changed once more"));
        }
        let temp = Temp::write(path, theirs, Some(&held.permissions()?))?;
        fs::rename(temp.path(), path)?;
        temp.renamed();
        sync_dir(path);
        Ok(())
    };
    match put_back() {
        Ok(()) => refused,
        Err(e) => EditError::Io {
            path: path.to_path_buf(),
            message: format!(
                "another program rewrote the file while align was writing, and putting its version back failed ({e}); compare the file with your editor's or git's copy"
            ),
        },
    }
}

/// Our change, as something that can be made again on a file another
/// program changed below the front-matter: our front-matter, their body.
struct Ours<'a> {
    /// The front-matter as read, up to the end of its YAML.
    head_before: Option<&'a str>,
    /// Our front-matter, up to the end of its YAML.
    head_after: &'a str,
    markdown: bool,
}

impl<'a> Ours<'a> {
    fn new(original: &'a str, text: &'a str, markdown: bool) -> Ours<'a> {
        let split = |t: &'a str| text::region(t, markdown).ok().map(|r| t.split_at(r.end));
        let (before, after) = (split(original), split(text));
        match (before, after) {
            // Only a Markdown file has a part that is not front-matter, and
            // our edit must have left that part alone.
            (Some((hb, body_before)), Some((ha, body_after)))
                if markdown && body_before == body_after =>
            {
                Ours {
                    head_before: Some(hb),
                    head_after: ha,
                    markdown,
                }
            }
            _ => Ours {
                head_before: None,
                head_after: text,
                markdown,
            },
        }
    }

    /// Our change made on `now`, if another program changed only what
    /// lies below the front-matter.
    fn apply(&self, now: &str) -> Option<String> {
        let head_before = self.head_before?;
        let r = text::region(now, self.markdown).ok()?;
        let (head, body) = now.split_at(r.end);
        (head == head_before).then(|| format!("{}{body}", self.head_after))
    }
}

/// What another program changed, in a few words for the error: the first
/// line that differs, as it was and as it is now.
fn describe(before: &str, now: &str) -> String {
    let cut = |line: &str| {
        let line = line.trim_end_matches(['\r', '\n']);
        match line.char_indices().nth(60) {
            Some((i, _)) => format!("{}…", &line[..i]),
            None => line.to_string(),
        }
    };
    let (mut a, mut b) = (before.lines(), now.lines());
    let mut number = 1;
    loop {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) if x == y => number += 1,
            (Some(x), Some(y)) => {
                return format!("line {number} was `{}` and is now `{}`", cut(x), cut(y));
            }
            (None, Some(y)) => {
                let more = now.lines().count() - number + 1;
                return format!(
                    "{more} line{} added at the end, starting at line {number}: `{}`",
                    if more == 1 { " was" } else { "s were" },
                    cut(y)
                );
            }
            (Some(x), None) => {
                return format!(
                    "line {number} (`{}`) and what followed were removed",
                    cut(x)
                );
            }
            (None, None) => return "its line ends or last line end changed".into(),
        }
    }
}

/// Writes a new file atomically and never replaces an existing one: the
/// content goes to a temporary file that is then hard-linked into place
/// (which fails if the name is taken), so no half-written file is ever
/// visible. Where hard links are not supported, falls back to an exclusive
/// create.
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<(), EditError> {
    let io = |e: std::io::Error| EditError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let exists = || EditError::Exists {
        path: path.to_path_buf(),
    };
    if path.symlink_metadata().is_ok() {
        return Err(exists());
    }
    let temp = Temp::write(path, bytes, None).map_err(io)?;
    match fs::hard_link(temp.path(), path) {
        Ok(()) => {}
        Err(e) if e.kind() == ErrorKind::AlreadyExists => return Err(exists()),
        Err(_) => {
            use std::io::Write;
            let mut f = fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
                .map_err(|e| {
                    if e.kind() == ErrorKind::AlreadyExists {
                        exists()
                    } else {
                        io(e)
                    }
                })?;
            f.write_all(bytes).map_err(io)?;
            f.sync_all().map_err(io)?;
        }
    }
    drop(temp);
    sync_dir(path);
    Ok(())
}

/// Makes a rename durable where the platform allows (best effort).
fn sync_dir(path: &Path) {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Which mapping of a file holds `item`: its `Origin::index` counts the
/// entries of the top-level list or of `items:`; a one-item file's item
/// spans the whole YAML.
fn target_for(text: &str, markdown: bool, item: &Item) -> Target {
    if markdown {
        return Target::Whole;
    }
    let Ok(region) = text::region(text, markdown) else {
        return Target::Whole;
    };
    let node = scan::scan(&text[region.start..region.end]);
    match &node {
        Node::Seq(_) => Target::Item {
            in_items: false,
            index: item.origin.index,
        },
        Node::Map(_) if item.span != region && node.get("items").is_some() => Target::Item {
            in_items: true,
            index: item.origin.index,
        },
        _ => Target::Whole,
    }
}
