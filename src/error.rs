//! Errors that stop a command (exit 2, SPEC §4). Findings are not errors:
//! they are data (see `report`). Each variant says what failed and how to
//! fix it.

use std::path::PathBuf;

/// A failure that keeps a command from doing its job.
#[derive(Debug, thiserror::Error)]
pub enum Fatal {
    /// `align.yaml` is malformed or names something unknown.
    #[error("{}:{line}:{column}: {message}\n  help: {help}", shown(path))]
    Config {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
        help: String,
    },
    /// A file could not be read or written.
    #[error("{}: {message}", shown(path))]
    Io { path: PathBuf, message: String },
    /// The command line asks for something that cannot be done.
    #[error("{message}\n  help: {help}")]
    Usage { message: String, help: String },
    /// Stdout was closed by the reader (`align lint | head`): a quiet end
    /// with exit 0, like ripgrep.
    #[error("stdout was closed")]
    ClosedStdout,
    /// A command that needs git ran outside a repository, or git failed.
    #[error("{message}\n  help: {help}")]
    Git { message: String, help: String },
}

/// A path as an error shows it: a file name may hold control characters,
/// which are escaped (`text::escape`) so the message stays one line.
fn shown(path: &std::path::Path) -> String {
    crate::text::escape(&path.display().to_string()).into_owned()
}

impl Fatal {
    /// A usage error with its fix.
    pub fn usage(message: impl Into<String>, help: impl Into<String>) -> Fatal {
        Fatal::Usage {
            message: message.into(),
            help: help.into(),
        }
    }

    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, err: impl std::fmt::Display) -> Fatal {
        Fatal::Io {
            path: path.into(),
            message: err.to_string(),
        }
    }
}
