//! The advisory lock a writer holds on the file it changes (SPEC §6).
//!
//! **What is locked, and why.** The lock is an exclusive `flock` (through
//! `fs4`) on the item file itself, taken on a read-only descriptor. A
//! writer replaces the file by renaming a new inode over the path, so a
//! lock on the old inode says nothing about the new one: a second writer
//! that was waiting on the old inode would wake up holding a lock on a file
//! that is no longer at the path. So after every acquisition the lock
//! checks that the path still names the inode it locked, and starts again
//! on the new one if not. The writer also locks its temporary file before
//! renaming it into place, so the new inode is locked from the moment it
//! appears and no other `align` can slip in between the rename and the
//! writer's last check.
//!
//! A sibling lock file (`.NAME.lock`) would avoid the re-check, but it is
//! one more file per item in every folder and in `git status`, and it has
//! to be cleaned up after a kill; locking the item file leaves nothing
//! behind. `flock` (not `fcntl`) is used because `fcntl` locks vanish when
//! the process closes *any* descriptor of the file, which reading the file
//! elsewhere in the process would do.
//!
//! The lock is advisory: programs other than `align` do not take it. What
//! keeps their changes is the content check right before the rename and
//! [`LockedFile::wait_for_writers`] after it (see `file`).

use std::fs::{self, File};
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::time::{Duration, Instant};

use fs4::fs_std::FileExt;

use super::EditError;

/// How long a writer waits for another `align` to finish with a file
/// before giving up (a stuck process must not make every other one hang).
const LOCK_WAIT: Duration = Duration::from_secs(20);

/// How long a writer waits for other programs to close a file it replaced
/// (see [`LockedFile::wait_for_writers`]).
const WRITERS_WAIT: Duration = Duration::from_secs(2);

/// An item file opened read-only and locked exclusively. The lock is
/// released when this is dropped.
#[derive(Debug)]
pub struct LockedFile {
    file: File,
}

impl LockedFile {
    /// Opens and locks the regular file at `path`, waiting for another
    /// `align` that holds it, and making sure the lock is on the inode the
    /// path names once it is held.
    pub fn open(path: &Path) -> Result<LockedFile, EditError> {
        let io = |e: std::io::Error| EditError::Io {
            path: path.to_path_buf(),
            message: e.to_string(),
        };
        let deadline = Instant::now() + LOCK_WAIT;
        let mut pause = Duration::from_micros(100);
        loop {
            regular(path)?;
            let file = open_read(path).map_err(io)?;
            if file.try_lock_exclusive().map_err(io)? {
                let locked = LockedFile { file };
                if locked.is_at(path).map_err(io)? {
                    return Ok(locked);
                }
                // Replaced while we waited: lock the file now at the path.
                continue;
            }
            if Instant::now() >= deadline {
                return Err(EditError::Busy {
                    path: path.to_path_buf(),
                });
            }
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(1));
        }
    }

    /// Takes over a file this process just wrote (a temporary file about to
    /// be renamed into place): opened read-only and locked.
    pub fn fresh(path: &Path) -> std::io::Result<LockedFile> {
        let file = open_read(path)?;
        if !file.try_lock_exclusive()? {
            return Err(std::io::Error::new(
                std::io::ErrorKind::WouldBlock,
                "the temporary file is locked by another process",
            ));
        }
        Ok(LockedFile { file })
    }

    /// The whole content of the locked inode, read now.
    pub fn read(&self) -> std::io::Result<Vec<u8>> {
        let mut f = &self.file;
        f.seek(SeekFrom::Start(0))?;
        let mut out = Vec::new();
        f.read_to_end(&mut out)?;
        Ok(out)
    }

    /// Whether `path` still names the locked inode (and not, say, a file
    /// another editor renamed over it).
    pub fn is_at(&self, path: &Path) -> std::io::Result<bool> {
        let now = match fs::symlink_metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
            Err(e) => return Err(e),
        };
        same_inode(&self.file.metadata()?, &now)
    }

    /// Whether `other` is open on the locked inode.
    pub fn is(&self, other: &File) -> std::io::Result<bool> {
        same_inode(&self.file.metadata()?, &other.metadata()?)
    }

    /// The locked file's permissions (a replacement gets the same).
    pub fn permissions(&self) -> std::io::Result<fs::Permissions> {
        Ok(self.file.metadata()?.permissions())
    }

    /// Waits (briefly) until no process has the locked inode open for
    /// writing. Called on the old inode right after a rename: a program
    /// that opened the file just before the rename writes into the old
    /// inode, and its write would be lost unless the writer reads the old
    /// inode again *after* that program closed it. On Linux a read lease
    /// can only be taken when nobody has the file open for writing, so a
    /// granted (and at once released) lease proves every such write has
    /// landed. Where leases are not available, a short pause stands in.
    pub fn wait_for_writers(&self) {
        #[cfg(target_os = "linux")]
        {
            if lease::wait(&self.file, WRITERS_WAIT) {
                return;
            }
        }
        std::thread::sleep(Duration::from_millis(10).min(WRITERS_WAIT));
    }
}

/// Refuses anything but a regular file: renaming over a symbolic link
/// would replace the link, and opening a FIFO would block.
fn regular(path: &Path) -> Result<(), EditError> {
    let meta = fs::symlink_metadata(path).map_err(|e| EditError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    if meta.file_type().is_symlink() {
        return Err(EditError::Shape(format!(
            "`{}` is a symbolic link; align edits only regular files",
            path.display()
        )));
    }
    if !meta.is_file() {
        return Err(EditError::Shape(format!(
            "`{}` is not a regular file; align edits only regular files",
            path.display()
        )));
    }
    Ok(())
}

/// Opens read-only without following a link and without blocking on a
/// FIFO that replaced the file since [`regular`] looked.
fn open_read(path: &Path) -> std::io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    options.open(path)
}

#[cfg(unix)]
fn same_inode(a: &fs::Metadata, b: &fs::Metadata) -> std::io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    Ok(a.dev() == b.dev() && a.ino() == b.ino())
}

/// Without inode numbers, compare what can be compared; on Windows a file
/// open without delete sharing cannot be renamed over anyway.
#[cfg(not(unix))]
fn same_inode(a: &fs::Metadata, b: &fs::Metadata) -> std::io::Result<bool> {
    Ok(a.len() == b.len() && a.modified().ok() == b.modified().ok())
}

/// Linux file leases, used only as a probe ("is anyone writing this
/// file?"); the lease is released the moment it is granted.
#[cfg(target_os = "linux")]
mod lease {
    use std::fs::File;
    use std::os::fd::AsRawFd;
    use std::time::{Duration, Instant};

    /// `fcntl`'s "signal for this descriptor" command (`<fcntl.h>`, Linux
    /// only; the `libc` crate does not export it).
    const F_SETSIG: libc::c_int = 10;

    /// Waits until a read lease can be granted on `file` (nobody has it
    /// open for writing), at most `limit`. Returns false where leases are
    /// not supported (another file system, another owner).
    pub fn wait(file: &File, limit: Duration) -> bool {
        let fd = file.as_raw_fd();
        // A lease broken while held is signalled to its holder, by default
        // with SIGIO, which would end the process; SIGURG is ignored by
        // default. The lease is held for two system calls only.
        // SAFETY: `fd` is an open descriptor owned by `file` for the whole
        // call; F_SETSIG and F_SETLEASE take an integer argument and touch
        // no memory of ours.
        if unsafe { libc::fcntl(fd, F_SETSIG, libc::SIGURG) } != 0 {
            return false;
        }
        let deadline = Instant::now() + limit;
        loop {
            // SAFETY: as above.
            if unsafe { libc::fcntl(fd, libc::F_SETLEASE, libc::F_RDLCK) } == 0 {
                // SAFETY: as above.
                unsafe { libc::fcntl(fd, libc::F_SETLEASE, libc::F_UNLCK) };
                return true;
            }
            let err = std::io::Error::last_os_error();
            if err.raw_os_error() != Some(libc::EAGAIN) {
                return false;
            }
            if Instant::now() >= deadline {
                // Someone keeps the file open for writing; what they write
                // from now on goes to a file no longer in any folder.
                return true;
            }
            std::thread::sleep(Duration::from_micros(500));
        }
    }
}
