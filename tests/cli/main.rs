//! Integration tests: one binary driving `align` over fixture workspaces
//! and real git repositories in temp dirs. Each module covers one area.

mod common;

mod goals;
mod lint;
