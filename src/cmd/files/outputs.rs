//! The files code execution wrote during a turn (`bash_code_execution_output`
//! blocks and the like, each a `file_id`): saved into `--save-files DIR`
//! through the Files API's streamed download, or named on stderr with how
//! to fetch them.

use std::path::{Path, PathBuf};

use crate::api::{self, Client, Message, Observer};
use crate::error::{Error, Result};
use crate::output;

/// Files a turn may save: past this, the rest are only named. A reply is
/// bounded, but a hostile one could list ids by the thousand.
const MAX_SAVED: usize = 100;

/// Checks `--save-files DIR` before anything is sent (and paid for), and
/// makes the directory.
pub fn prepare(dir: &Path) -> Result<PathBuf> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Usage(format!(
            "--save-files {}: not a directory",
            dir.display()
        )));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::Usage(format!("--save-files {}: {e}", dir.display())))?;
    Ok(dir.to_path_buf())
}

/// Saves the files `message` names into `dir`, or names them on stderr
/// when there is no `dir`.
pub fn save(
    client: &Client,
    message: &Message,
    dir: Option<&Path>,
    log: &dyn Observer,
) -> Result<()> {
    let ids = output::output_files(&message.content);
    let Some(dir) = dir else {
        if !ids.is_empty() {
            output::note(format!(
                "code execution wrote {}: {}; save them with --save-files DIR, or one with \
                 claude files download ID -o PATH",
                plural(ids.len()),
                api::one_line(&ids.join(", "))
            ));
        }
        return Ok(());
    };
    for id in ids.iter().take(MAX_SAVED) {
        let info = client
            .get_file(id, log)
            .map_err(|e| file_error(id, e))?
            .value;
        let name = info
            .get("filename")
            .and_then(|n| n.as_str())
            .and_then(safe_name)
            .unwrap_or_else(|| id.clone());
        let path = free_path(dir, &name);
        super::download_to(client, id, &path, log)?;
        output::note(format!("saved {} ({})", path.display(), api::one_line(id)));
    }
    if ids.len() > MAX_SAVED {
        output::note(format!(
            "only the first {MAX_SAVED} files were saved; claude files download fetches the rest"
        ));
    }
    Ok(())
}

fn file_error(id: &str, error: api::Error) -> Error {
    Error::File {
        id: api::one_line(id),
        source: Box::new(error),
    }
}

/// "1 file", "3 files".
fn plural(n: usize) -> String {
    if n == 1 {
        "1 file".to_owned()
    } else {
        format!("{n} files")
    }
}

/// The last component of a name the server gave, if it can be a file's
/// name here: never a path elsewhere, nothing hidden or empty.
fn safe_name(name: &str) -> Option<String> {
    let last = Path::new(name).file_name()?.to_str()?;
    let clean: String = last.chars().filter(|c| !c.is_control()).collect();
    let clean = clean.trim();
    (!clean.is_empty() && !clean.starts_with('.') && clean.len() <= 200).then(|| clean.to_owned())
}

/// `dir/name`, or `dir/stem-2.ext`, `-3`… when that is taken: a file
/// already there is never overwritten.
fn free_path(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() => (stem, format!(".{extension}")),
        _ => (name, String::new()),
    };
    (2u32..)
        .map(|n| dir.join(format!("{stem}-{n}{extension}")))
        .find(|path| !path.exists())
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_the_server_stay_in_the_directory() {
        assert_eq!(safe_name("chart.png").as_deref(), Some("chart.png"));
        assert_eq!(safe_name("../../etc/passwd").as_deref(), Some("passwd"));
        assert_eq!(
            safe_name("/tmp/out/report.csv").as_deref(),
            Some("report.csv")
        );
        assert_eq!(safe_name("a\u{1b}[2Jb.txt").as_deref(), Some("a[2Jb.txt"));
        for bad in ["", "..", ".", ".hidden", "/", "   "] {
            assert_eq!(safe_name(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_taken_name_gets_a_number() {
        let dir = std::env::temp_dir().join(format!("claude-free-path-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        assert_eq!(free_path(&dir, "chart.png"), dir.join("chart.png"));
        std::fs::write(dir.join("chart.png"), b"x").unwrap();
        std::fs::write(dir.join("chart-2.png"), b"x").unwrap();
        assert_eq!(free_path(&dir, "chart.png"), dir.join("chart-3.png"));
        std::fs::write(dir.join("notes"), b"x").unwrap();
        assert_eq!(free_path(&dir, "notes"), dir.join("notes-2"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
