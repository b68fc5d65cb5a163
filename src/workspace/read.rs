//! Reading a file that may be hostile (SPEC §6): reads never block and
//! never follow a link that appeared after the walk. The file is opened
//! with `O_NOFOLLOW | O_NONBLOCK` and then `fstat`ed, so what is checked is
//! what was opened: a FIFO, socket or device swapped in for `task.md`
//! between the walk and the read is refused instead of hanging the run
//! (opening a FIFO for reading without `O_NONBLOCK` waits for a writer).

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use super::MAX_FILE_BYTES;

/// Whether a symbolic link at the path itself may be followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// Items: a link is refused (SPEC §1, symbolic links are not followed).
    Refuse,
    /// `align.yaml` and ignore files, which may be links (dotfile managers
    /// link them); what the link names must still be a regular file.
    Follow,
}

/// Why a file was not read.
#[derive(Debug)]
pub enum NotRead {
    /// Not a regular file: names what it is (`a FIFO (named pipe)`).
    NotRegular(&'static str),
    /// Larger than the limit.
    TooLarge,
    /// The OS refused (missing, no permission, …).
    Io(io::Error),
}

impl std::fmt::Display for NotRead {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotRead::NotRegular(what) => write!(f, "it is {what}, not a regular file"),
            NotRead::TooLarge => {
                write!(f, "the file is larger than {} KiB", MAX_FILE_BYTES / 1024)
            }
            NotRead::Io(e) => write!(f, "the file could not be read: {e}"),
        }
    }
}

/// Reads a regular file of at most [`MAX_FILE_BYTES`]. Reads at most one
/// byte more than the limit, so a 50 MB file costs 1 MiB whatever its size
/// claimed when it was `fstat`ed.
pub fn read_regular(path: &Path, links: Links) -> Result<Vec<u8>, NotRead> {
    let file = open(path, links)?;
    let meta = file.metadata().map_err(NotRead::Io)?;
    if let Some(what) = not_regular(&meta.file_type()) {
        return Err(NotRead::NotRegular(what));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(NotRead::TooLarge);
    }
    let mut buf = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(NotRead::Io)?;
    if buf.len() as u64 > MAX_FILE_BYTES {
        return Err(NotRead::TooLarge);
    }
    Ok(buf)
}

#[cfg(unix)]
fn open(path: &Path, links: Links) -> Result<File, NotRead> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut flags = libc::O_NONBLOCK;
    if links == Links::Refuse {
        flags |= libc::O_NOFOLLOW;
    }
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags)
        .open(path)
        .map_err(|e| match e.raw_os_error() {
            // O_NOFOLLOW on a link fails with ELOOP.
            Some(libc::ELOOP) if links == Links::Refuse => {
                NotRead::NotRegular("a symbolic link, which align does not follow")
            }
            // Opening a Unix socket fails with ENXIO.
            Some(libc::ENXIO) => NotRead::NotRegular("a socket"),
            _ => NotRead::Io(e),
        })
}

#[cfg(not(unix))]
fn open(path: &Path, links: Links) -> Result<File, NotRead> {
    if links == Links::Refuse
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
    {
        return Err(NotRead::NotRegular(
            "a symbolic link, which align does not follow",
        ));
    }
    File::open(path).map_err(NotRead::Io)
}

/// What a file that is not a regular file is, in words; `None` for a
/// regular file.
pub fn not_regular(ft: &std::fs::FileType) -> Option<&'static str> {
    if ft.is_file() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if ft.is_socket() {
            return Some("a socket");
        }
        if ft.is_char_device() || ft.is_block_device() {
            return Some("a device");
        }
    }
    if ft.is_dir() {
        return Some("a folder");
    }
    if ft.is_symlink() {
        return Some("a symbolic link, which align does not follow");
    }
    Some("not a regular file")
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let tmp = tempfile::tempdir().unwrap();
        let fifo = tmp.path().join("task.md");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo reads a NUL-terminated path and nothing else.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        let err = read_regular(&fifo, Links::Refuse).unwrap_err();
        assert!(
            matches!(err, NotRead::NotRegular(w) if w.contains("FIFO")),
            "{err}"
        );
    }

    #[test]
    fn links_are_refused_for_items_and_followed_for_config() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("real.md");
        std::fs::write(&target, "x").unwrap();
        let link = tmp.path().join("link.md");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let err = read_regular(&link, Links::Refuse).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert_eq!(read_regular(&link, Links::Follow).unwrap(), b"x");
        let dir = read_regular(tmp.path(), Links::Refuse).unwrap_err();
        assert!(dir.to_string().contains("folder"), "{dir}");
    }

    #[test]
    fn large_files_are_refused_by_size() {
        let tmp = tempfile::tempdir().unwrap();
        let big = tmp.path().join("big.md");
        std::fs::write(&big, vec![b'a'; MAX_FILE_BYTES as usize + 1]).unwrap();
        assert!(matches!(
            read_regular(&big, Links::Refuse),
            Err(NotRead::TooLarge)
        ));
    }
}
