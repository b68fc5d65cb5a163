//! Temporary files for atomic writes (SPEC §6): named `.NAME.align-PID.tmp`
//! beside the file they will become, so the rename never crosses a file
//! system and a leftover names both the file and the process; a dotfile,
//! so discovery never reads one as an item (`workspace::wanted`); created
//! with the target's permission bits, so a 0600 file's new content is never
//! readable by others, not even for a moment; and removed on every path
//! that does not rename it into place (the guard's `Drop`).

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

/// A written and synced temporary file, removed when dropped unless
/// [`Temp::renamed`] says it took its target's place.
#[derive(Debug)]
pub struct Temp {
    path: PathBuf,
    armed: bool,
}

/// The temporary name for `target`: `.NAME.align-PID.tmp` in its folder.
pub fn name_for(target: &Path) -> PathBuf {
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map_or("item".into(), |n| n.to_string_lossy().into_owned());
    dir.join(format!(".{name}.align-{}.tmp", std::process::id()))
}

impl Temp {
    /// Writes `bytes` to the temporary file of `target` and syncs it.
    /// `mode` is the target's permission bits, where there is a target.
    pub fn write(
        target: &Path,
        bytes: &[u8],
        mode: Option<&fs::Permissions>,
    ) -> std::io::Result<Temp> {
        let path = name_for(target);
        let file = match create(&path, mode) {
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {
                // The name holds this process's id, so a file by that name
                // was left by a process that died long ago with the same id
                // (or by this one's previous round): it is stale.
                fs::remove_file(&path)?;
                create(&path, mode)?
            }
            other => other?,
        };
        let temp = Temp { path, armed: true };
        let mut f = file;
        f.write_all(bytes)?;
        if let Some(perms) = mode {
            // The umask may have taken bits away at creation; the copy gets
            // exactly the target's bits (never more than it was created with
            // plus what the target already allowed).
            f.set_permissions(perms.clone())?;
        }
        f.sync_all()?;
        Ok(temp)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file was renamed (or linked) into place: nothing to clean up.
    pub fn renamed(mut self) {
        self.armed = false;
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if self.armed {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Creates `path` exclusively, with `mode`'s bits from the first moment.
fn create(path: &Path, mode: Option<&fs::Permissions>) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if let Some(perms) = mode {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(perms.mode() & 0o7777);
    }
    #[cfg(not(unix))]
    let _ = mode;
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn the_copy_of_a_private_file_is_private_from_its_creation() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("KR-1.md");
        for mode in [0o600, 0o640, 0o664] {
            let perms = fs::Permissions::from_mode(mode);
            let temp = Temp::write(&target, b"x", Some(&perms)).unwrap();
            let name = temp
                .path()
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            assert_eq!(name, format!(".KR-1.md.align-{}.tmp", std::process::id()));
            let got = fs::metadata(temp.path()).unwrap().permissions().mode() & 0o777;
            assert_eq!(got, mode);
        }
        // Dropped without being renamed: removed.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_stale_copy_by_the_same_name_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("KR-1.md");
        fs::write(name_for(&target), b"left by a killed process").unwrap();
        let temp = Temp::write(&target, b"new", None).unwrap();
        assert_eq!(fs::read(temp.path()).unwrap(), b"new");
    }
}
