//! The upload cache: `$XDG_CACHE_HOME/claude-cli/files.json` remembers
//! which stored file holds which content (its SHA-256 and size, per API
//! base URL), so that the same bytes are never uploaded twice.
//!
//! Any number of `claude` processes may use it at once (`xargs -P 8`):
//! readers see either the old file or the new one, as every write goes to
//! a temporary file renamed over it, and writers take turns under a lock
//! file, each applying its change to what is on disk then.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::Context;
use serde::{Deserialize, Serialize};

/// The most entries kept; the oldest go first.
pub const MAX_ENTRIES: usize = 10_000;
/// The largest cache file read: far above `MAX_ENTRIES` entries.
const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
const VERSION: u32 = 1;

/// One uploaded file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub file_id: String,
    /// Lower-case hex.
    pub sha256: String,
    pub size: u64,
    /// The API the file lives on: a file id means nothing elsewhere.
    pub base_url: String,
    pub filename: String,
    pub mime_type: String,
    #[serde(default)]
    pub created_at: Option<String>,
    /// RFC 3339; `None`: the file does not expire.
    #[serde(default)]
    pub expires_at: Option<String>,
}

impl Entry {
    /// Whether the file is still there at `moment` (Unix seconds). An
    /// expiry that does not parse counts as passed: the worst it costs is
    /// an upload.
    pub fn alive_at(&self, moment: i64) -> bool {
        match &self.expires_at {
            None => true,
            Some(at) => unix_seconds(at).is_some_and(|expires| expires > moment),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct CacheFile {
    version: u32,
    entries: Vec<Entry>,
}

/// The cache file and its lock.
#[derive(Debug, Clone)]
pub struct Cache {
    path: PathBuf,
}

impl Cache {
    /// `$XDG_CACHE_HOME/claude-cli/files.json` (`~/.cache/...` when unset;
    /// the platform's cache directory on macOS and Windows). `None` when
    /// there is no home to put it in.
    pub fn default_location() -> Option<Cache> {
        let dir = std::env::var_os("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(dirs::cache_dir)?;
        Some(Cache::at(dir.join("claude-cli").join("files.json")))
    }

    pub fn at(path: PathBuf) -> Cache {
        Cache { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every entry, oldest first. A missing file is an empty cache.
    pub fn entries(&self) -> anyhow::Result<Vec<Entry>> {
        let file = match std::fs::File::open(&self.path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e).with_context(|| self.describe()),
        };
        let mut text = Vec::new();
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut text)
            .with_context(|| self.describe())?;
        if text.len() as u64 > MAX_FILE_BYTES {
            anyhow::bail!("{} is over {MAX_FILE_BYTES} bytes", self.describe());
        }
        let parsed: CacheFile = serde_json::from_slice(&text)
            .with_context(|| format!("{} is not an upload cache", self.describe()))?;
        if parsed.version != VERSION {
            anyhow::bail!(
                "{} has version {}, which this claude does not know",
                self.describe(),
                parsed.version
            );
        }
        Ok(parsed.entries)
    }

    /// The entry for this content on this API that is still alive at
    /// `until` (Unix seconds), if any.
    pub fn find(
        &self,
        base_url: &str,
        sha256: &str,
        size: u64,
        until: i64,
    ) -> anyhow::Result<Option<Entry>> {
        Ok(self.entries()?.into_iter().rev().find(|entry| {
            entry.base_url == base_url
                && entry.sha256 == sha256
                && entry.size == size
                && entry.alive_at(until)
        }))
    }

    /// Applies `change` to the entries on disk, under the lock, and writes
    /// the result atomically, without the entries that have expired. A
    /// cache that cannot be read is started afresh, since all it costs is
    /// uploads.
    pub fn update<R>(&self, change: impl FnOnce(&mut Vec<Entry>) -> R) -> anyhow::Result<R> {
        let dir = self
            .path
            .parent()
            .context("the upload cache path has no directory")?;
        create_private_dir(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let lock_path = dir.join("files.json.lock");
        let lock = open_lock(&lock_path)
            .with_context(|| format!("cannot open {}", lock_path.display()))?;
        lock.lock()
            .with_context(|| format!("cannot lock {}", lock_path.display()))?;
        let mut entries = self.entries().unwrap_or_default();
        let result = change(&mut entries);
        let now = now();
        entries.retain(|entry| entry.alive_at(now));
        if entries.len() > MAX_ENTRIES {
            entries.drain(..entries.len() - MAX_ENTRIES);
        }
        self.write(dir, &entries)?;
        drop(lock);
        Ok(result)
    }

    fn write(&self, dir: &Path, entries: &[Entry]) -> anyhow::Result<()> {
        let temporary = dir.join(format!(
            ".files.json.{}.{}.tmp",
            std::process::id(),
            SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos())
        ));
        let written = (|| -> std::io::Result<()> {
            let mut file = new_private_file(&temporary)?;
            let body = CacheFile {
                version: VERSION,
                entries: entries.to_vec(),
            };
            serde_json::to_writer_pretty(&mut file, &body)?;
            file.write_all(b"\n")?;
            file.sync_all()?;
            std::fs::rename(&temporary, &self.path)
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_file(&temporary);
            return Err(e).with_context(|| format!("cannot write {}", self.path.display()));
        }
        Ok(())
    }

    fn describe(&self) -> String {
        format!("the upload cache {}", self.path.display())
    }
}

/// Now, in Unix seconds.
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

fn new_private_file(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

fn open_lock(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// An RFC 3339 timestamp (`2026-11-22T01:34:07.5Z`, `...+02:00`) in Unix
/// seconds; `None` when it is not one.
pub fn unix_seconds(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let digits = text.get(range)?;
        digits
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| digits.parse().ok())?
    };
    if bytes.len() < 20 || bytes[4] != b'-' || bytes[7] != b'-' || bytes[13] != b':' {
        return None;
    }
    if !matches!(bytes[10], b'T' | b't' | b' ') || bytes[16] != b':' {
        return None;
    }
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 {
        return None;
    }
    if second > 60 {
        return None;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        rest = &fraction[digits..];
    }
    let offset = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let (hours, minutes) = rest[1..].split_once(':')?;
            if hours.len() != 2 || minutes.len() != 2 {
                return None;
            }
            sign * (hours.parse::<i64>().ok()? * 3600 + minutes.parse::<i64>().ok()? * 60)
        }
    };
    let days = days_from_civil(year, month, day);
    Some(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

/// Days since 1970-01-01 of a date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache(name: &str) -> Cache {
        let dir =
            std::env::temp_dir().join(format!("claude-upload-cache-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        Cache::at(dir.join("claude-cli").join("files.json"))
    }

    fn entry(id: &str, expires_at: Option<&str>) -> Entry {
        Entry {
            file_id: id.into(),
            sha256: "ab".repeat(32),
            size: 3,
            base_url: "http://api".into(),
            filename: "a.pdf".into(),
            mime_type: "application/pdf".into(),
            created_at: None,
            expires_at: expires_at.map(str::to_owned),
        }
    }

    #[test]
    fn timestamps_parse_with_fractions_and_offsets() {
        assert_eq!(unix_seconds("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            unix_seconds("2025-04-15T18:37:24.100435Z"),
            Some(1_744_742_244)
        );
        assert_eq!(
            unix_seconds("2025-04-15T20:37:24+02:00"),
            Some(1_744_742_244)
        );
        assert_eq!(unix_seconds("2000-02-29T00:00:00Z"), Some(951_782_400));
        for bad in [
            "",
            "2025-04-15",
            "2025-13-01T00:00:00Z",
            "2025-04-15T18:37:24",
            "x".repeat(30).as_str(),
            "2025-04-15T18:37:24.Z",
            "2025-04-15T18:37:24+2:00",
        ] {
            assert_eq!(unix_seconds(bad), None, "{bad}");
        }
    }

    #[test]
    fn entries_round_trip_and_expired_ones_go() {
        let cache = cache("round-trip");
        assert_eq!(cache.entries().unwrap(), []);
        cache
            .update(|entries| {
                entries.push(entry("file_old", Some("2001-01-01T00:00:00Z")));
                entries.push(entry("file_a", None));
                entries.push(entry("file_b", Some("2999-01-01T00:00:00Z")));
            })
            .unwrap();
        let ids: Vec<String> = cache
            .entries()
            .unwrap()
            .into_iter()
            .map(|e| e.file_id)
            .collect();
        assert_eq!(ids, ["file_a", "file_b"]);
        let found = cache
            .find("http://api", &"ab".repeat(32), 3, now())
            .unwrap()
            .unwrap();
        assert_eq!(found.file_id, "file_b", "the newest entry wins");
        let until = unix_seconds("3000-01-01T00:00:00Z").unwrap();
        let found = cache
            .find("http://api", &"ab".repeat(32), 3, until)
            .unwrap();
        assert_eq!(found.unwrap().file_id, "file_a");
        assert!(
            cache
                .find("http://other", &"ab".repeat(32), 3, now())
                .unwrap()
                .is_none()
        );
        assert!(
            cache
                .find("http://api", &"ab".repeat(32), 4, now())
                .unwrap()
                .is_none()
        );
        let dir = cache.path().parent().unwrap();
        let leftovers: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn a_broken_cache_is_an_error_to_read_and_replaced_on_write() {
        let cache = cache("broken");
        std::fs::create_dir_all(cache.path().parent().unwrap()).unwrap();
        std::fs::write(cache.path(), "{not json").unwrap();
        assert!(cache.entries().is_err());
        cache
            .update(|entries| entries.push(entry("file_a", None)))
            .unwrap();
        assert_eq!(cache.entries().unwrap().len(), 1);
    }

    #[test]
    fn the_oldest_entries_go_past_the_cap() {
        let cache = cache("cap");
        cache
            .update(|entries| {
                for i in 0..MAX_ENTRIES + 2 {
                    entries.push(entry(&format!("file_{i}"), None));
                }
            })
            .unwrap();
        let entries = cache.entries().unwrap();
        assert_eq!(entries.len(), MAX_ENTRIES);
        assert_eq!(entries[0].file_id, "file_2");
    }
}
