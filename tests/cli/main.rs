//! Integration tests: one binary driving `align` over fixture workspaces
//! and real git repositories in temp dirs. Each module covers one area.

mod common;

mod authoring;
mod capacity;
mod completions;
mod concurrency;
mod config_errors;
mod exit_codes;
mod explain_config;
mod files;
mod first_hour;
mod formats;
mod git;
mod goals;
mod guards;
mod help;
mod history;
mod honest;
mod hostile;
mod lint;
mod lsp;
mod rhythm;
mod rules;
mod schema;
mod shapes;
mod site;
mod terminal;
mod weekly;
mod width;
mod workflow;
