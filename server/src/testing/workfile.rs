//! Reading what a script left in its work directory. The script is hostile to the host: it
//! may leave symbolic links (to `../../master.key`, the database, `/etc/passwd`), links in the
//! middle of a path (`test-results/a -> /`), FIFOs that would block a reader forever, or
//! files larger than anything worth keeping. Vigil reads those files as its own user, outside
//! the sandbox, so every read here walks the path one component at a time from the work
//! directory with `O_NOFOLLOW`, and takes only regular files under a size bound. The script's
//! processes have all ended by then (the sandbox's PID namespace dies with its first process),
//! so nothing changes the tree during the walk.

use std::ffi::{CString, OsStr};
use std::fs::File;
use std::io::{self, Read};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Component, Path};

/// Largest artifact kept (a video or a trace of a long run).
pub const MAX_ARTIFACT: u64 = 512 * 1024 * 1024;
/// Largest JSON report parsed (Playwright's results, k6's summary).
pub const MAX_REPORT: u64 = 64 * 1024 * 1024;

fn refused(why: &str) -> io::Error {
    io::Error::new(io::ErrorKind::PermissionDenied, why.to_owned())
}

/// `openat(dir, name)` that never follows a link at `name`.
fn open_at(dir: &OwnedFd, name: &OsStr, flags: libc::c_int) -> io::Result<OwnedFd> {
    let name = CString::new(name.as_bytes())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "a NUL in a file name"))?;
    // SAFETY: `name` is NUL-terminated and outlives the call; `dir` is an open descriptor.
    let fd = unsafe {
        libc::openat(
            dir.as_raw_fd(),
            name.as_ptr(),
            flags | libc::O_NOFOLLOW | libc::O_CLOEXEC,
        )
    };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: `fd` was just returned by `openat` and nothing else owns it.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// Opens `path` (absolute under `root`, or relative to it) without following any link and
/// without leaving `root`: no `..`, no link at any component. `directory` asks for a
/// directory at the end, else anything but a link (the caller checks the kind).
fn open_beneath(root: &Path, path: &Path, directory: bool) -> io::Result<File> {
    let relative = if path.is_absolute() {
        path.strip_prefix(root)
            .map_err(|_| refused("outside the work directory"))?
    } else {
        path
    };
    let mut names = Vec::new();
    for component in relative.components() {
        match component {
            Component::Normal(name) => names.push(name),
            Component::CurDir => {}
            _ => return Err(refused("outside the work directory")),
        }
    }
    let mut dir = OwnedFd::from(File::open(root)?);
    let Some((last, parents)) = names.split_last() else {
        return if directory {
            Ok(File::from(dir))
        } else {
            Err(refused("not a file"))
        };
    };
    for name in parents {
        dir = open_at(&dir, name, libc::O_RDONLY | libc::O_DIRECTORY)?;
    }
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
    let flags = if directory {
        libc::O_RDONLY | libc::O_DIRECTORY
    } else {
        libc::O_RDONLY | libc::O_NONBLOCK
    };
    Ok(File::from(open_at(&dir, last, flags)?))
}

fn read_file(root: &Path, path: &Path, max: u64) -> io::Result<Vec<u8>> {
    let mut file = open_beneath(root, path, false)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(refused("not a regular file"));
    }
    if meta.len() > max {
        return Err(refused("larger than an artifact may be"));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.by_ref().take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(refused("larger than an artifact may be"));
    }
    Ok(bytes)
}

/// The bytes of the regular file at `path` under `root`, at most `max` of them; an error for
/// a link anywhere on the way, anything but a regular file, or a larger file.
pub async fn read(root: &Path, path: &Path, max: u64) -> io::Result<Vec<u8>> {
    let (root, path) = (root.to_owned(), path.to_owned());
    tokio::task::spawn_blocking(move || read_file(&root, &path, max))
        .await
        .map_err(io::Error::other)?
}

/// Whether `path` is a directory under `root` reached without any link.
pub fn is_dir(root: &Path, path: &Path) -> bool {
    open_beneath(root, path, true).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> std::path::PathBuf {
        let root = std::env::temp_dir().join(format!("vigil-workfile-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(root.join("a/b")).expect("dirs");
        std::fs::write(root.join("a/b/ok.txt"), "fine").expect("file");
        root
    }

    #[tokio::test]
    async fn reads_regular_files_and_refuses_links_fifos_and_escapes() {
        let root = tree();
        let secret = root.with_extension("secret");
        std::fs::write(&secret, "master key").expect("secret");
        std::os::unix::fs::symlink(&secret, root.join("a/link.txt")).expect("link");
        std::os::unix::fs::symlink("/", root.join("a/up")).expect("dir link");
        std::os::unix::fs::symlink("../..", root.join("a/b/rel")).expect("rel link");
        let fifo = CString::new(root.join("a/fifo").as_os_str().as_bytes()).expect("path");
        // SAFETY: a NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o666) }, 0);

        assert_eq!(
            read(&root, &root.join("a/b/ok.txt"), 100)
                .await
                .expect("read"),
            b"fine"
        );
        assert_eq!(
            read(&root, Path::new("a/b/ok.txt"), 100)
                .await
                .expect("read"),
            b"fine"
        );
        for bad in [
            root.join("a/link.txt"),
            root.join("a/up/etc/passwd"),
            root.join("a/b/rel/etc/passwd"),
            root.join("a/b/../../x"),
            root.join("a/fifo"),
            root.join("a/b"),
            secret.clone(),
            std::path::PathBuf::from("/etc/passwd"),
        ] {
            assert!(read(&root, &bad, 100).await.is_err(), "{}", bad.display());
        }
        assert!(
            read(&root, &root.join("a/b/ok.txt"), 3).await.is_err(),
            "size bound"
        );
        assert!(is_dir(&root, &root.join("a/b")));
        assert!(is_dir(&root, &root));
        assert!(!is_dir(&root, &root.join("a/up")));
        assert!(!is_dir(&root, &root.join("a/b/rel")));
        let _ = std::fs::remove_dir_all(&root);
        let _ = std::fs::remove_file(&secret);
    }
}
