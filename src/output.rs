//! Where output goes and how it looks: colour decisions (`--color`,
//! `NO_COLOR`, terminals) and writes to stdout that treat a closed pipe as
//! a quiet end rather than an error.

use std::io::{IsTerminal, Write};

use crate::cli::ColorChoice;
use crate::error::Fatal;

/// Whether to colour stdout.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// Writes `text` to stdout, mapping a closed pipe to a quiet exit.
pub fn print(text: &str) -> Result<(), Fatal> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                Fatal::ClosedStdout
            } else {
                Fatal::io("<stdout>", e)
            }
        })
}

/// Writes `text` to stderr (warnings, progress, the final error). A
/// closed or failing stderr is ignored: there is nowhere left to say so,
/// and `eprint!` would panic.
pub fn eprint(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes()).and_then(|_| err.flush());
}

/// Wraps `text` in an ANSI colour when `on`.
pub fn paint(on: bool, code: &str, text: &str) -> String {
    if on {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}
