//! Byte-preserving front-matter edits and atomic writes (SPEC §6).
//!
//! [`Document`] is the one way `align` changes an existing item file:
//! [`Document::open`] locks the file (`lock`) and reads it, the setters
//! ([`Document::set`], [`Document::remove`], [`Document::append`]) splice
//! only the bytes of the fields they change (`text`), and
//! [`Document::commit`] replaces it atomically through a temporary file
//! (`temp`), keeping what another program changed meanwhile or refusing
//! when that cannot be done (`file`). New files are written with
//! [`create_new`], which never replaces anything. Values are rendered as
//! safe YAML by `value`.

mod file;
mod lock;
mod temp;
mod text;
mod value;

pub use file::{Document, create_new};
pub use text::{Change, Target, apply, region};
pub use value::{Quote, Value, flow_map, plain_ok, quote};

use std::path::PathBuf;

use crate::error::Fatal;

/// Why an edit could not be made. Every variant leaves the file untouched.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    /// The file does not have the shape the edit needs (no front-matter, a
    /// field that is not a mapping, an item that is gone).
    #[error("{0}")]
    Shape(String),
    /// The file changed on disk between reading and writing, in a way
    /// that cannot be merged with this edit.
    #[error("`{}` changed on disk after align read it ({what}); nothing was written", path.display())]
    Changed { path: PathBuf, what: String },
    /// Another `align` held the file's lock for too long.
    #[error("`{}` is being changed by another align process that did not finish in time; nothing was written", path.display())]
    Busy { path: PathBuf },
    /// The file already exists (new files never replace anything).
    #[error("`{}` already exists; align never overwrites a file", path.display())]
    Exists { path: PathBuf },
    /// The edit would leave YAML that no longer parses (a guard against
    /// bugs: the file is left as it was).
    #[error("the edit would leave `{}` unreadable ({message}); nothing was written", path.display())]
    Broken { path: PathBuf, message: String },
    /// Reading or writing failed.
    #[error("{}: {message}", path.display())]
    Io { path: PathBuf, message: String },
}

impl From<EditError> for Fatal {
    fn from(e: EditError) -> Fatal {
        let help = match &e {
            EditError::Shape(_) => {
                "edit the file by hand, or fix its front-matter first (`align lint` shows where)"
            }
            EditError::Changed { .. } => {
                "someone or something else is editing the file; run the command again"
            }
            EditError::Busy { .. } => {
                "run the command again; if it keeps happening, look for a stuck `align` process"
            }
            EditError::Exists { .. } => "pick another `--id`, or remove the file first",
            EditError::Broken { .. } => "edit the file by hand and report this as a bug in align",
            EditError::Io { .. } => "check that the folder exists and is writable",
        };
        Fatal::usage(e.to_string(), help)
    }
}

#[cfg(test)]
mod tests;
