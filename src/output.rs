//! Where output goes and how it looks: colour decisions (`--color`,
//! `NO_COLOR`, terminals) and the two sinks, stdout and stderr. Both pass
//! everything through [`crate::text::for_terminal`] (the terminal-safety
//! guarantee, see `text`), treat a closed stdout as a quiet end (exit 0)
//! and never panic on a closed stderr.

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

/// The width human output must fit: `COLUMNS` when set (tests and
/// scripts pin it), else the terminal's width when stdout is one, else
/// `None` — piped output is never truncated, as ripgrep and git do.
pub fn width() -> Option<usize> {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
    {
        return Some(n.max(MIN_WIDTH));
    }
    if !std::io::stdout().is_terminal() {
        return None;
    }
    // comfy-table already asks the terminal (through crossterm) for a table
    // without a set width; reuse that rather than add a second crate.
    comfy_table::Table::new()
        .width()
        .map(|w| (w as usize).max(MIN_WIDTH))
}

/// Below this, truncating titles leaves nothing to read; wider is kept.
const MIN_WIDTH: usize = 40;

/// Writes `text` to stdout, mapping a closed pipe to a quiet exit. Control
/// characters are escaped except `\n`, `\t` and, when `color`, the SGR
/// colour sequences [`paint`] writes.
pub fn print(text: &str, color: bool) -> Result<(), Fatal> {
    let text = crate::text::for_terminal(text, color);
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

/// Writes `text` to stderr (warnings, the final error), with every control
/// character but `\n` and `\t` escaped: stderr is never coloured. A
/// closed or failing stderr is ignored: there is nowhere left to say so,
/// and `eprint!` would panic.
pub fn eprint(text: &str) {
    write_stderr(&crate::text::for_terminal(text, false));
}

/// Redraws a one-line progress report on stderr (`\r`, erase the line,
/// `text`): the one place align moves the cursor, so the one place that
/// writes a control sequence other than colour. `text` is escaped.
pub fn progress(text: &str) {
    write_stderr(&format!(
        "\r\x1b[2K{}",
        crate::text::for_terminal(text, false)
    ));
}

fn write_stderr(text: &str) {
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
