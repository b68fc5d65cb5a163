//! `align completions SHELL` and `align man`: generated from the clap
//! definition, so they can never disagree with the CLI. The scripts are
//! also committed under `completions/` (a test keeps them current).

use clap::CommandFactory;

use crate::Outcome;
use crate::cli::{Cli, CompletionsArgs};
use crate::error::Fatal;

/// The completion script for `shell`.
pub fn script(shell: clap_complete::Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "align", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The man page, as roff.
pub fn man_page() -> Result<String, Fatal> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(|e| Fatal::io("<man page>", e))?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

pub fn completions(args: &CompletionsArgs) -> Result<Outcome, Fatal> {
    crate::output::print(&script(args.shell), false)?;
    Ok(Outcome::Success)
}

/// The main page on stdout; with `--out DIR`, every page into DIR (the
/// main page refers to `align-lint(1)` and the others, so they must exist).
pub fn man(args: &crate::cli::ManArgs) -> Result<Outcome, Fatal> {
    let Some(dir) = &args.out else {
        crate::output::print(&man_page()?, false)?;
        return Ok(Outcome::Success);
    };
    std::fs::create_dir_all(dir).map_err(|e| Fatal::io(dir, e))?;
    clap_mangen::generate_to(Cli::command(), dir).map_err(|e| Fatal::io(dir, e))?;
    let mut pages: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| Fatal::io(dir, e))?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("align") && n.ends_with(".1"))
        .collect();
    pages.sort();
    crate::output::print(
        &format!(
            "Wrote {} man pages in {}: {}\n",
            pages.len(),
            dir.display(),
            pages.join(", ")
        ),
        false,
    )?;
    Ok(Outcome::Success)
}
