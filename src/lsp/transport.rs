//! The stdio transport: JSON-RPC messages framed by `Content-Length`
//! headers. lsp-server's own stdio reader stops for good at the first
//! malformed message; editors and scripts do send those, and the server
//! must outlive them. This reader answers a body that is not a JSON-RPC
//! message with a parse error (id null, as JSON-RPC says) and reads on.

use std::io::{self, BufRead, Read, Write};
use std::thread;

use lsp_server::{Connection, Message};

/// Bodies larger than this are refused (and skipped) rather than buffered.
const MAX_BODY: usize = 64 * 1024 * 1024;

/// A connection over stdin and stdout, and the writer thread to join
/// (after dropping the connection) so every reply is written before exit.
pub fn stdio() -> (Connection, thread::JoinHandle<()>) {
    let (server, client) = Connection::memory();
    let Connection {
        sender: to_server,
        receiver: from_server,
    } = client;
    let writer = thread::spawn(move || {
        for msg in from_server {
            let mut out = io::stdout().lock();
            if msg.write(&mut out).is_err() {
                // The client is gone; the main loop ends on its own.
                return;
            }
        }
    });
    thread::spawn(move || {
        let mut input = io::stdin().lock();
        loop {
            match read_frame(&mut input) {
                Ok(None) | Err(_) => return,
                Ok(Some(Ok(msg))) => {
                    let exit = matches!(&msg, Message::Notification(n) if n.method == "exit");
                    if to_server.send(msg).is_err() || exit {
                        return;
                    }
                }
                Ok(Some(Err(problem))) => {
                    eprintln!("align lsp: ignored a malformed message: {problem}");
                    let _ = write_parse_error(&problem);
                }
            }
        }
    });
    (server, writer)
}

/// Reads one framed message: `None` at the end of input, `Some(Err)` for
/// a frame whose body is not a JSON-RPC message. Lines before the blank
/// line that are not headers are skipped, so a stray line does not lose
/// the framing of what follows.
pub fn read_frame(r: &mut impl BufRead) -> io::Result<Option<Result<Message, String>>> {
    let mut size: Option<usize> = None;
    let mut line = String::new();
    loop {
        line.clear();
        if r.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if size.is_some() {
                break;
            }
            continue;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            size = value.trim().parse().ok();
        }
    }
    let size = size.unwrap_or(0);
    if size > MAX_BODY {
        io::copy(&mut r.take(size as u64), &mut io::sink())?;
        return Ok(Some(Err(format!("a body of {size} bytes is too large"))));
    }
    let mut body = vec![0; size];
    r.read_exact(&mut body)?;
    Ok(Some(
        serde_json::from_slice::<Message>(&body).map_err(|e| e.to_string()),
    ))
}

fn write_parse_error(problem: &str) -> io::Result<()> {
    let body = serde_json::json!({
        "jsonrpc": "2.0",
        "id": null,
        "error": {"code": -32700, "message": format!("parse error: {problem}")},
    })
    .to_string();
    let mut out = io::stdout().lock();
    write!(out, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_on_after_a_malformed_body_and_stray_lines() {
        let ok = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let input = format!(
            "Content-Length: 5\r\n\r\n{{bad}}garbage\r\nContent-Length: {}\r\n\r\n{ok}",
            ok.len()
        );
        let mut r = io::Cursor::new(input.into_bytes());
        assert!(matches!(read_frame(&mut r), Ok(Some(Err(_)))));
        assert!(matches!(
            read_frame(&mut r),
            Ok(Some(Ok(Message::Notification(_))))
        ));
        assert!(matches!(read_frame(&mut r), Ok(None)));
    }
}
