//! `align lsp`: a language server over stdio for item files (SPEC §11),
//! laid out by protocol message: one module per request or notification,
//! the document index and graph in [`state`], offset ↔ position in
//! [`position`]. Findings come from the library's rules, as `align lint`
//! finds them; nothing here is a second lint engine.

mod code_action;
mod completion;
mod definition;
mod diagnostics;
mod hover;
mod lookup;
mod position;
mod references;
mod state;
mod text_sync;
mod transport;
mod watched;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, DidChangeWatchedFilesRegistrationOptions,
    FileSystemWatcher, GlobPattern, HoverProviderCapability, InitializeParams, InitializeResult,
    OneOf, Registration, RegistrationParams, SaveOptions, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions,
};

use crate::config::{Config, Root};
use crate::error::Fatal;

pub use state::State;

/// Serves one client on stdin/stdout until it says `exit` or closes the
/// pipe. `dir` is where the server was started; the client's root, when
/// it names one, wins.
/// `no_ignore` is `--no-ignore`: read the files git ignores too.
pub fn serve(dir: PathBuf, as_of: Date, no_ignore: bool) -> Result<(), Fatal> {
    let (conn, writer) = transport::stdio();
    let result = session(&conn, dir, as_of, no_ignore);
    // Every reply queued is written before the process ends.
    drop(conn);
    let _ = writer.join();
    result.map_err(|e| {
        Fatal::usage(
            format!("the language client broke the protocol: {e}"),
            "start `align lsp` from an editor's language client, which speaks LSP over stdio",
        )
    })
}

/// Initializes, loads the workspace and serves until `exit`.
fn session(
    conn: &Connection,
    dir: PathBuf,
    as_of: Date,
    no_ignore: bool,
) -> Result<(), lsp_server::ProtocolError> {
    let (id, params) = conn.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let (mut root, problem) = load_root(&client_root(&params).unwrap_or(dir));
    root.no_ignore = no_ignore;
    let result = InitializeResult {
        capabilities: capabilities(),
        server_info: Some(ServerInfo {
            name: "align".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    let result = serde_json::to_value(result).unwrap_or_default();
    conn.initialize_finish(id, result)?;
    if let Some(message) = problem {
        show_error(conn, &message);
    }
    if watches_files(&params) {
        register_watchers(conn);
    }
    let mut state = State::load(root, as_of);
    diagnostics::publish(conn, &mut state, None);
    main_loop(conn, &mut state)
}

/// Handles messages until `shutdown` and `exit` (or the end of input).
fn main_loop(conn: &Connection, state: &mut State) -> Result<(), lsp_server::ProtocolError> {
    for msg in &conn.receiver {
        match msg {
            Message::Request(request) => {
                if conn.handle_shutdown(&request)? {
                    return Ok(());
                }
                let response = guarded(&request.id, || dispatch_request(state, request.clone()));
                let _ = conn.sender.send(Message::Response(response));
            }
            Message::Notification(n) => {
                if n.method == note::Exit::METHOD {
                    return Ok(());
                }
                let _ = catch_unwind(AssertUnwindSafe(|| dispatch_notification(conn, state, n)));
            }
            // Replies to our requests (watcher registration): nothing to do.
            Message::Response(_) => {}
        }
    }
    Ok(())
}

/// Runs a handler; a panic (a bug, never a user's file) becomes an error
/// reply instead of a dead server.
fn guarded(id: &lsp_server::RequestId, f: impl FnOnce() -> Response) -> Response {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Response::new_err(
            id.clone(),
            ErrorCode::InternalError as i32,
            "align lsp failed on this request; please report it".into(),
        )
    })
}

fn dispatch_request(state: &mut State, r: Request) -> Response {
    match r.method.as_str() {
        req::GotoDefinition::METHOD => run::<req::GotoDefinition>(state, r, definition::handle),
        req::References::METHOD => run::<req::References>(state, r, references::handle),
        req::HoverRequest::METHOD => run::<req::HoverRequest>(state, r, hover::handle),
        req::Completion::METHOD => run::<req::Completion>(state, r, completion::handle),
        req::CodeActionRequest::METHOD => {
            run::<req::CodeActionRequest>(state, r, code_action::handle)
        }
        _ => Response::new_err(
            r.id,
            ErrorCode::MethodNotFound as i32,
            format!("align lsp does not handle `{}`", r.method),
        ),
    }
}

/// Decodes a request's params, runs its handler and encodes the result;
/// params that do not decode are an InvalidParams reply.
fn run<R: req::Request>(
    state: &mut State,
    r: Request,
    handler: fn(&mut State, R::Params) -> R::Result,
) -> Response {
    match serde_json::from_value::<R::Params>(r.params) {
        Ok(params) => Response::new_ok(r.id, handler(state, params)),
        Err(e) => Response::new_err(
            r.id,
            ErrorCode::InvalidParams as i32,
            format!("invalid params for `{}`: {e}", R::METHOD),
        ),
    }
}

fn dispatch_notification(conn: &Connection, state: &mut State, n: Notification) {
    match n.method.as_str() {
        note::DidOpenTextDocument::METHOD => {
            notify::<note::DidOpenTextDocument>(conn, state, n, text_sync::did_open)
        }
        note::DidChangeTextDocument::METHOD => {
            notify::<note::DidChangeTextDocument>(conn, state, n, text_sync::did_change)
        }
        note::DidCloseTextDocument::METHOD => {
            notify::<note::DidCloseTextDocument>(conn, state, n, text_sync::did_close)
        }
        note::DidSaveTextDocument::METHOD => {
            notify::<note::DidSaveTextDocument>(conn, state, n, text_sync::did_save)
        }
        note::DidChangeWatchedFiles::METHOD => {
            notify::<note::DidChangeWatchedFiles>(conn, state, n, watched::did_change_watched_files)
        }
        // `initialized`, `$/cancelRequest`, settings: nothing to do.
        _ => {}
    }
}

fn notify<N: note::Notification>(
    conn: &Connection,
    state: &mut State,
    n: Notification,
    handler: fn(&Connection, &mut State, N::Params),
) {
    match serde_json::from_value::<N::Params>(n.params) {
        Ok(params) => handler(conn, state, params),
        Err(e) => eprintln!(
            "align lsp: ignored `{}` with invalid params: {e}",
            N::METHOD
        ),
    }
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..Default::default()
            },
        )),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![
                ":".into(),
                " ".into(),
                ",".into(),
                "[".into(),
                "-".into(),
            ]),
            ..Default::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..Default::default()
    }
}

/// The folder the client opened, when it names one.
#[allow(deprecated)] // `root_uri` is what older clients send.
fn client_root(params: &InitializeParams) -> Option<PathBuf> {
    params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| &f.uri)
        .or(params.root_uri.as_ref())
        .and_then(|u| u.to_file_path().ok())
        .filter(|p| p.is_dir())
}

/// The root and config found from `dir`. A broken `align.yaml` does not
/// stop the server: it runs on the defaults and says why.
pub fn load_root(dir: &Path) -> (Root, Option<String>) {
    let found = crate::config::discover(dir).and_then(|root| {
        if let Some(path) = &root.config_path {
            crate::rules::check_config(&root.config, path)?;
        }
        Ok(root)
    });
    match found {
        Ok(root) => (root, None),
        Err(e) => {
            let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
            let dir = dir
                .ancestors()
                .find(|d| d.join(crate::config::FILE_NAME).is_file())
                .map_or(dir.clone(), Path::to_path_buf);
            let root = Root {
                dir,
                config: Config::default(),
                config_path: None,
                no_ignore: false,
            };
            (
                root,
                Some(format!(
                    "align: {e} (using the default settings until it is fixed)"
                )),
            )
        }
    }
}

/// Tells the user something went wrong that no diagnostic can carry.
pub fn show_error(conn: &Connection, message: &str) {
    let params = lsp_types::ShowMessageParams {
        typ: lsp_types::MessageType::ERROR,
        message: message.to_string(),
    };
    let n = Notification::new(note::ShowMessage::METHOD.into(), params);
    let _ = conn.sender.send(Message::Notification(n));
}

fn watches_files(params: &InitializeParams) -> bool {
    params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false)
}

/// Asks the client to report item files and `align.yaml` changing on disk.
fn register_watchers(conn: &Connection) {
    let options = DidChangeWatchedFilesRegistrationOptions {
        watchers: vec![FileSystemWatcher {
            glob_pattern: GlobPattern::String("**/*.{md,markdown,yaml,yml}".into()),
            kind: None,
        }],
    };
    let params = RegistrationParams {
        registrations: vec![Registration {
            id: "align-watched-files".into(),
            method: note::DidChangeWatchedFiles::METHOD.into(),
            register_options: serde_json::to_value(options).ok(),
        }],
    };
    let r = Request::new(
        "align/register-watchers".to_string().into(),
        req::RegisterCapability::METHOD.into(),
        params,
    );
    let _ = conn.sender.send(Message::Request(r));
}
