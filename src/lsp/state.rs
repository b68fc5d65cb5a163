//! The server's picture of the workspace: the graph as the library builds
//! it, with the text of every open document in place of its file on disk,
//! and the index from document URL to workspace path.
//!
//! A change re-parses the one file it is in and rebuilds the graph from
//! the parsed items already held (no other file is read or parsed again);
//! the rules then run on the files the change can affect.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use lsp_types::Url;

use crate::config::Root;
use crate::graph::{Graph, ItemIx};
use crate::parse::ParseSettings;
use crate::report::Diagnostic;
use crate::workspace::{self, Content, Input, Workspace};

/// One document the editor has open.
pub struct Document {
    /// Root-relative path, `None` for a document outside the workspace
    /// (or one the config does not include): such a document gets no
    /// findings and no completions.
    pub path: Option<String>,
}

/// The workspace as the server sees it.
pub struct State {
    pub root: Root,
    pub as_of: Date,
    pub graph: Graph,
    /// Open documents by URL.
    pub docs: HashMap<Url, Document>,
    /// File index by root-relative path.
    by_path: HashMap<String, usize>,
    /// Whether each file holds (or was meant to hold) items, for the
    /// skipped count.
    item_file: Vec<bool>,
    /// Documents whose last published diagnostics were not empty, so a
    /// full re-lint can clear the ones that are clean or gone. By URL:
    /// file indices change when the workspace is read again.
    pub published: HashSet<Url>,
    /// The include and exclude globs of the config, compiled once.
    globs: Option<(globset::GlobSet, globset::GlobSet)>,
}

impl State {
    /// Reads the workspace under `root` from disk.
    pub fn load(root: Root, as_of: Date) -> State {
        let mut state = State {
            root,
            as_of,
            graph: Graph::default(),
            docs: HashMap::new(),
            by_path: HashMap::new(),
            item_file: Vec::new(),
            published: HashSet::new(),
            globs: None,
        };
        state.reload(&HashMap::new());
        state
    }

    /// Reads every file from disk again (files created, deleted or changed
    /// by git or another editor), keeping the unsaved text of `open`
    /// documents (path → text) in place of their files.
    pub fn reload(&mut self, open: &HashMap<String, String>) {
        self.globs = workspace::matchers(&self.root.config).ok();
        let mut inputs = workspace::discover(&self.root).unwrap_or_default();
        for input in &mut inputs {
            if let Some(text) = open.get(&input.path) {
                input.content = Content::Bytes(text.clone().into_bytes());
            }
        }
        let on_disk: HashSet<String> = inputs.iter().map(|i| i.path.clone()).collect();
        for (path, text) in open {
            if !on_disk.contains(path) && self.wanted(path) {
                inputs.push(Input {
                    path: path.clone(),
                    content: Content::Bytes(text.clone().into_bytes()),
                });
            }
        }
        let settings = ParseSettings::new(&self.root.config);
        let results: Vec<_> = {
            use rayon::prelude::*;
            inputs
                .into_par_iter()
                .map(|i| workspace::read_one(i, &settings))
                .collect()
        };
        self.item_file = results.iter().map(|(_, p)| p.is_item_file).collect();
        self.graph = Graph::build(workspace::assemble(results));
        self.by_path = self
            .graph
            .files
            .iter()
            .enumerate()
            .map(|(i, f)| (f.path.clone(), i))
            .collect();
    }

    /// Whether the config includes `path` in the workspace.
    pub fn wanted(&self, path: &str) -> bool {
        self.globs
            .as_ref()
            .is_some_and(|(include, exclude)| workspace::wanted(path, include, exclude))
    }

    /// The root-relative path of a document URL, if it is a file under the
    /// root that the config includes.
    pub fn path_of(&self, url: &Url) -> Option<String> {
        let file = url.to_file_path().ok()?;
        let rel = workspace::relative(&self.root.dir, &file)
            .or_else(|| workspace::relative(&self.root.dir, &canonical(&file)?))?;
        (!rel.is_empty() && self.wanted(&rel)).then_some(rel)
    }

    /// The URL of a workspace file: the open document's own URL when the
    /// editor has it open, so the editor matches it to its buffer.
    pub fn url_of(&self, file: usize) -> Option<Url> {
        let path = &self.graph.files.get(file)?.path;
        self.docs
            .iter()
            .find(|(_, d)| d.path.as_deref() == Some(path))
            .map(|(u, _)| u.clone())
            .or_else(|| Url::from_file_path(self.root.dir.join(path)).ok())
    }

    /// The index of the file at `path`.
    pub fn file_index(&self, path: &str) -> Option<usize> {
        self.by_path.get(path).copied()
    }

    /// Replaces the text of the file at `path` (adding the file when it is
    /// new), re-parsing that file alone, and returns the files whose
    /// findings the change can alter.
    pub fn update(&mut self, path: &str, text: String) -> HashSet<usize> {
        let settings = ParseSettings::new(&self.root.config);
        let input = Input {
            path: path.to_string(),
            content: Content::Bytes(text.into_bytes()),
        };
        let (file, parsed) = workspace::read_one(input, &settings);
        let ix = match self.by_path.get(path) {
            Some(&ix) => ix,
            None => {
                self.by_path
                    .insert(path.to_string(), self.graph.files.len());
                self.item_file.push(false);
                self.graph.files.len()
            }
        };
        let mut touched = self.neighbourhood(ix);
        let Graph {
            mut files,
            mut items,
            mut file_problems,
            warnings,
            ..
        } = std::mem::take(&mut self.graph);
        items.retain(|i| i.origin.file != ix);
        items.extend(parsed.items.into_iter().map(|mut item| {
            item.origin.file = ix;
            item
        }));
        file_problems.retain(|(f, _)| *f != ix);
        file_problems.extend(parsed.problems.into_iter().map(|p| (ix, p)));
        if ix == files.len() {
            files.push(file);
        } else {
            files[ix] = file;
        }
        self.item_file[ix] = parsed.is_item_file;
        let skipped = self.item_file.iter().filter(|i| !**i).count();
        self.graph = Graph::build(Workspace {
            files,
            items,
            file_problems,
            skipped,
            warnings,
        });
        touched.extend(self.neighbourhood(ix));
        touched
    }

    /// The file `ix` and the files one link away from its items, either
    /// way, plus those holding the same ids: where a change to `ix` can
    /// add or clear a finding (a link resolving or dangling, a duplicate
    /// id, a done task's open dependency, a cycle through the file).
    fn neighbourhood(&self, ix: usize) -> HashSet<usize> {
        let g = &self.graph;
        let mut files = HashSet::from([ix]);
        for (i, item) in self.items_in(ix) {
            for &dup in g.all_with(&item.id) {
                files.insert(g.items[dup].origin.file);
            }
            for &(from, _) in &g.incoming[i] {
                files.insert(g.items[from].origin.file);
            }
            for edge in &g.out[i] {
                if let Some(t) = edge.target {
                    files.insert(g.items[t].origin.file);
                }
            }
            // A link that dangled before may resolve now, and the other way.
            for link in &item.links {
                for &t in g.all_with(&link.target) {
                    files.insert(g.items[t].origin.file);
                }
            }
        }
        files
    }

    /// The items of file `ix` with their indices (items are sorted by file).
    pub fn items_in(&self, ix: usize) -> impl Iterator<Item = (ItemIx, &crate::model::Item)> {
        let items = &self.graph.items;
        let start = items.partition_point(|i| i.origin.file < ix);
        items[start..]
            .iter()
            .take_while(move |i| i.origin.file == ix)
            .enumerate()
            .map(move |(n, i)| (start + n, i))
    }

    /// The findings in `files` (every file when `None`), exactly as `align
    /// lint` finds them.
    pub fn lint(&self, files: Option<&HashSet<usize>>) -> Vec<Diagnostic> {
        crate::rules::lint_files(&self.graph, &self.root.config, self.as_of, files)
    }
}

/// A path made canonical where it exists, or its folder made canonical
/// where only the folder does (a new file not yet saved).
fn canonical(path: &Path) -> Option<PathBuf> {
    path.canonicalize().ok().or_else(|| {
        let parent = path.parent()?.canonicalize().ok()?;
        Some(parent.join(path.file_name()?))
    })
}
