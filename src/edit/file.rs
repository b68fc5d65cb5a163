//! Reading an item file for editing and writing it back atomically: a
//! temporary file in the same folder, fsync, rename (SPEC §6). What was
//! read is remembered, so a file that changed on disk in between (another
//! editor, another `align`, a `git checkout`) is never replaced.

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::model::Item;
use crate::parse::scan::{self, Node};
use crate::yaml;

use super::EditError;
use super::text::{self, Change, Target};
use super::value::Value;

/// An item file read for editing. Changes apply to the text in memory;
/// nothing touches the disk before [`Document::commit`].
#[derive(Debug)]
pub struct Document {
    path: PathBuf,
    markdown: bool,
    target: Target,
    original: String,
    modified: Option<SystemTime>,
    text: String,
}

impl Document {
    /// Reads `path` to edit the mapping `target` in it.
    pub fn open(path: impl Into<PathBuf>, target: Target) -> Result<Document, EditError> {
        let path = path.into();
        let io = |e: std::io::Error| EditError::Io {
            path: path.clone(),
            message: e.to_string(),
        };
        // Renaming over a symbolic link would replace the link, not the file
        // it names; item files are never links (discovery skips them).
        if fs::symlink_metadata(&path)
            .map_err(io)?
            .file_type()
            .is_symlink()
        {
            return Err(EditError::Shape(format!(
                "`{}` is a symbolic link; align edits only regular files",
                path.display()
            )));
        }
        let modified = fs::metadata(&path).map_err(io)?.modified().ok();
        let bytes = fs::read(&path).map_err(io)?;
        let original = String::from_utf8(bytes)
            .map_err(|_| EditError::Shape(format!("`{}` is not valid UTF-8", path.display())))?;
        let markdown = crate::text::is_markdown(&path.to_string_lossy());
        text::region(&original, markdown)?;
        Ok(Document {
            text: original.clone(),
            path,
            markdown,
            target,
            original,
            modified,
        })
    }

    /// Reads the file of `item` (whose path is `path`) to edit that item,
    /// which may be one of many in a YAML file.
    pub fn for_item(path: impl Into<PathBuf>, item: &Item) -> Result<Document, EditError> {
        let mut doc = Document::open(path, Target::Whole)?;
        doc.target = target_for(&doc.original, doc.markdown, item);
        Ok(doc)
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

    /// Writes the changes, atomically, unless the file changed on disk
    /// since it was read. Returns whether anything was written.
    pub fn commit(self) -> Result<bool, EditError> {
        if !self.is_changed() {
            return Ok(false);
        }
        let io = |e: std::io::Error| EditError::Io {
            path: self.path.clone(),
            message: e.to_string(),
        };
        let changed = || EditError::Changed {
            path: self.path.clone(),
        };
        let meta = fs::metadata(&self.path).map_err(|_| changed())?;
        let now = fs::read(&self.path).map_err(|_| changed())?;
        if now != self.original.as_bytes() || meta.modified().ok() != self.modified {
            return Err(changed());
        }
        let tmp = write_temp(&self.path, self.text.as_bytes()).map_err(io)?;
        fs::set_permissions(&tmp, meta.permissions()).map_err(io)?;
        if let Err(e) = fs::rename(&tmp, &self.path) {
            let _ = fs::remove_file(&tmp);
            return Err(io(e));
        }
        sync_dir(&self.path);
        Ok(true)
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
    let tmp = write_temp(path, bytes).map_err(io)?;
    let linked = fs::hard_link(&tmp, path);
    let _ = fs::remove_file(&tmp);
    match linked {
        Ok(()) => {}
        Err(e) if e.kind() == ErrorKind::AlreadyExists => return Err(exists()),
        Err(_) => {
            let mut f = OpenOptions::new()
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
    sync_dir(path);
    Ok(())
}

/// Writes `bytes` to a fresh temporary file beside `path` and syncs it.
fn write_temp(path: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or("item".into(), |n| n.to_string_lossy().into_owned());
    for attempt in 0..1000 {
        let tmp = dir.join(format!(
            ".{name}.align-{}-{attempt}.tmp",
            std::process::id()
        ));
        let mut f = match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => f,
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        };
        let written = f.write_all(bytes).and_then(|()| f.sync_all());
        if let Err(e) = written {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        return Ok(tmp);
    }
    Err(std::io::Error::new(
        ErrorKind::AlreadyExists,
        "no free temporary file name",
    ))
}

/// Makes a rename durable where the platform allows (best effort).
fn sync_dir(path: &Path) {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if let Ok(d) = File::open(dir) {
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
