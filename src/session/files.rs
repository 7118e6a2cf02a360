//! The files of the session store: private directories and files, durable
//! renames, and the temporary copies a save writes first (with the
//! housekeeping of those a killed process left behind).

use std::path::Path;
use std::time::SystemTime;

/// A temporary file for a save of `file_name`, unique to this process:
/// `.NAME.json.PID.NANOS.tmp`.
pub(super) fn temporary_name(file_name: &str) -> String {
    format!(
        ".{file_name}.{}.{}.tmp",
        std::process::id(),
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    )
}

/// Which temporary files to remove.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Leftovers {
    /// Those of processes no longer running: a kill during a save.
    OfDeadProcesses,
    /// All of them: the session is being deleted.
    All,
}

/// Removes the temporary files of saves of `file_name` in `dir`; each holds
/// a whole conversation. Best effort: a file that cannot be removed now
/// will be at the next save.
pub(super) fn remove_temporaries(dir: &Path, file_name: &str, which: Leftovers) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|n| temporary_owner(n, file_name)) else {
            continue;
        };
        if which == Leftovers::All || !process_is_alive(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process id in `.FILE_NAME.PID.NANOS.tmp`, when `name` is a
/// temporary file of `file_name`.
fn temporary_owner(name: &str, file_name: &str) -> Option<u32> {
    let rest = name
        .strip_prefix('.')?
        .strip_suffix(".tmp")?
        .strip_prefix(file_name)?
        .strip_prefix('.')?;
    let (pid, nanos) = rest.split_once('.')?;
    nanos.parse::<u128>().ok()?;
    pid.parse().ok()
}

/// Whether a process with this id runs. Where that cannot be told, it is
/// taken to run, so its file is kept.
fn process_is_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Some(pid) = i32::try_from(pid)
            .ok()
            .and_then(rustix::process::Pid::from_raw)
        else {
            return true;
        };
        !matches!(
            rustix::process::test_kill_process(pid),
            Err(rustix::io::Errno::SRCH)
        )
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Creates `dir` and any missing parents, readable by their owner only.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// A new file only its owner can read, failing if the name is taken.
pub(super) fn private_file(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// A lock file, created if needed and kept.
pub(super) fn private_file_keep(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Makes a rename durable: on Unix the directory entry is flushed too.
pub(super) fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_files_are_told_by_name_and_owner() {
        let name = temporary_name("s.json");
        assert_eq!(temporary_owner(&name, "s.json"), Some(std::process::id()));
        assert_eq!(temporary_owner(".s.json.42.17.tmp", "s.json"), Some(42));
        for other in [
            ".s.json.42.17.tmp.bak",
            ".a.s.json.42.17.tmp",
            ".s.json.x.17.tmp",
            ".s.json.42.tmp",
            "s.json",
        ] {
            assert_eq!(temporary_owner(other, "s.json"), None, "{other}");
        }
        // A session named like another's temporary file is not mistaken.
        assert_eq!(temporary_owner(".s.json.42.17.tmp", "s.json.42"), None);
        assert!(process_is_alive(std::process::id()));
    }
}
