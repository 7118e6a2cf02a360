//! Saved conversations: one JSON file per session under the data directory
//! (`$XDG_DATA_HOME/claude-cli/sessions/NAME.json` on Linux), written
//! atomically after every completed turn. This module stores and checks;
//! it sends nothing and prints nothing.
//!
//! A session keeps its model, its system prompt and every message exactly
//! as sent and as the API returned it: assistant content is kept as JSON,
//! so thinking signatures and compaction blocks go back unchanged.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::api::types::{InputContent, InputMessage, Role, Usage};
use crate::catalog;
use crate::error::Error;
use crate::settings::ServerTools;

mod container;

pub use container::Container;

mod files;

pub use files::create_private_dir;
use files::{
    Leftovers, private_file, private_file_keep, remove_temporaries, sync_dir, temporary_name,
};

/// The file format's version, for readers to check.
const FORMAT_VERSION: u32 = 1;

/// One turn of the saved conversation.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Turn {
    pub role: Role,
    pub content: Value,
}

impl Turn {
    /// A user turn that answers tool calls: its `tool_result` blocks come
    /// first.
    pub fn answers_tools(&self) -> bool {
        self.role == Role::User
            && self.content.as_array().is_some_and(|blocks| {
                blocks
                    .first()
                    .is_some_and(|block| block["type"] == "tool_result")
            })
    }

    /// A user turn that says something: the start of an exchange.
    fn starts_exchange(&self) -> bool {
        self.role == Role::User && !self.answers_tools()
    }
}

/// Tokens and cost summed over a session's replies.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Totals {
    pub input_tokens: u64,
    pub output_tokens: u64,
    pub cache_creation_input_tokens: u64,
    pub cache_read_input_tokens: u64,
    /// Estimated USD; replies from models without a known price add nothing
    /// and are counted in `unpriced_replies`.
    pub cost_usd: f64,
    #[serde(default)]
    pub unpriced_replies: u64,
}

/// A conversation.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Session {
    pub version: u32,
    pub model: String,
    #[serde(default)]
    pub system: Option<String>,
    pub messages: Vec<Turn>,
    /// Server-side compaction was turned on (`--compact`): it stays on, as
    /// the history may hold compaction blocks that need its beta.
    #[serde(default)]
    pub compact: bool,
    /// The usage of the last reply: how full the context window is.
    #[serde(default)]
    pub last_usage: Option<Usage>,
    #[serde(default)]
    pub totals: Totals,
    /// The server tools the conversation offers, kept so a resumed session
    /// offers them again (its history may hold their blocks). MCP tokens
    /// are not kept: they are read from the environment each time.
    #[serde(default, skip_serializing_if = "ServerTools::is_empty")]
    pub tools: ServerTools,
    /// The code execution sandbox of the last reply that ran one: later
    /// turns go on in it while it lives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container: Option<Container>,
    /// The local tools the conversation offers, as `-T` named them (paths
    /// made absolute), kept so that a resumed session offers them again:
    /// its history may hold their calls. What may run is not kept: that
    /// is for each run's `--allow` to say.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub local_tools: Vec<String>,
}

impl Session {
    pub fn new(model: String, system: Option<String>) -> Session {
        Session {
            version: FORMAT_VERSION,
            model,
            system,
            messages: Vec::new(),
            compact: false,
            last_usage: None,
            totals: Totals::default(),
            tools: ServerTools::default(),
            container: None,
            local_tools: Vec::new(),
        }
    }

    /// The messages to send, with `next` as the new user turn.
    pub fn messages_with(&self, next: InputContent) -> Vec<InputMessage> {
        self.messages
            .iter()
            .map(|turn| InputMessage {
                role: turn.role,
                content: InputContent::Json(turn.content.clone()),
            })
            .chain(std::iter::once(InputMessage {
                role: Role::User,
                content: next,
            }))
            .collect()
    }

    /// Records a completed exchange: the user's turn, the tool turns in
    /// between (an assistant turn asking for tools, a user turn answering),
    /// and the final reply.
    pub fn push_exchange(&mut self, user: Value, tool_turns: Vec<Turn>, assistant: Value) {
        self.messages.push(Turn {
            role: Role::User,
            content: user,
        });
        self.messages.extend(tool_turns);
        self.messages.push(Turn {
            role: Role::Assistant,
            content: assistant,
        });
    }

    /// Removes the last exchange, tool turns and all, and returns its user
    /// turn (for `/retry`).
    pub fn pop_exchange(&mut self) -> Option<Value> {
        let start = self.messages.iter().rposition(Turn::starts_exchange)?;
        self.messages.drain(start..).next().map(|turn| turn.content)
    }

    /// Number of completed exchanges: the user's turns, not counting those
    /// that answer tool calls.
    pub fn exchanges(&self) -> usize {
        self.messages
            .iter()
            .filter(|turn| turn.starts_exchange())
            .count()
    }

    /// Adds a reply's tokens and cost to the totals. The counts come from
    /// the server: they saturate, never wrap.
    pub fn count_reply(&mut self, usage: &Usage, model: &str) {
        let totals = &mut self.totals;
        let add = |total: &mut u64, tokens: u64| *total = total.saturating_add(tokens);
        add(&mut totals.input_tokens, usage.input_tokens());
        add(&mut totals.output_tokens, usage.output_tokens());
        add(
            &mut totals.cache_creation_input_tokens,
            usage.cache_write_tokens(),
        );
        add(
            &mut totals.cache_read_input_tokens,
            usage.cache_read_tokens(),
        );
        match catalog::price_of(model) {
            Some(price) => {
                totals.cost_usd = catalog::add_cost(totals.cost_usd, catalog::cost(usage, price))
            }
            None => add(&mut totals.unpriced_replies, 1),
        }
    }

    /// How full the context window is after the last reply: its whole
    /// prompt plus its answer is what the next turn starts from. Returns the
    /// tokens used and the model's window, when both are known.
    pub fn context_fill(&self) -> Option<ContextFill> {
        let usage = self.last_usage.as_ref()?;
        let window = catalog::context_window(&self.model)?;
        let used = usage
            .input_tokens()
            .saturating_add(usage.cache_write_tokens())
            .saturating_add(usage.cache_read_tokens())
            .saturating_add(usage.output_tokens());
        Some(ContextFill { used, window })
    }

    /// Checks what the API requires of a history: user and assistant
    /// alternate, starting with the user and ending with the assistant.
    /// [`Store::load`] refuses a file that fails it.
    pub fn check(&self) -> Result<(), String> {
        if self.version != FORMAT_VERSION {
            return Err(format!(
                "format version {} is not {FORMAT_VERSION}",
                self.version
            ));
        }
        if !self.messages.len().is_multiple_of(2) {
            return Err("it ends with a user turn that has no reply".into());
        }
        for (i, turn) in self.messages.iter().enumerate() {
            let expected = if i % 2 == 0 {
                Role::User
            } else {
                Role::Assistant
            };
            if turn.role != expected {
                return Err(format!("message {} should be from the {expected:?}", i + 1));
            }
        }
        Ok(())
    }
}

/// Tokens in the context window, and the window's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContextFill {
    pub used: u64,
    pub window: u64,
}

impl ContextFill {
    /// The share used, in whole percent (more than 100 when over).
    pub fn percent(self) -> u64 {
        let percent = u128::from(self.used) * 100 / u128::from(self.window.max(1));
        u64::try_from(percent).unwrap_or(u64::MAX)
    }
}

/// Where sessions live.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

/// A saved session, as listed.
#[derive(Debug, Clone)]
pub struct Entry {
    pub name: String,
    pub modified: SystemTime,
    pub path: PathBuf,
}

impl Store {
    /// The platform's data directory: `$XDG_DATA_HOME` (or
    /// `~/.local/share`) on Linux, `~/Library/Application Support` on
    /// macOS, `%APPDATA%` on Windows.
    pub fn default_location() -> Result<Store, Error> {
        let data = std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(dirs::data_dir)
            .ok_or_else(|| {
                Error::Usage(
                    "cannot find a data directory for sessions: set XDG_DATA_HOME or HOME".into(),
                )
            })?;
        Ok(Store::at(data.join("claude-cli").join("sessions")))
    }

    pub fn at(dir: PathBuf) -> Store {
        Store { dir }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path(&self, name: &str) -> Result<PathBuf, Error> {
        check_name(name)?;
        Ok(self.dir.join(format!("{name}.json")))
    }

    pub fn exists(&self, name: &str) -> Result<bool, Error> {
        Ok(self.path(name)?.is_file())
    }

    /// Reads a session, refusing a file the API would not accept as a
    /// history rather than sending it.
    pub fn load(&self, name: &str) -> Result<Session, Error> {
        let path = self.path(name)?;
        let text = std::fs::read(&path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::Usage(format!(
                    "no session named {name} (claude chat --list shows them)"
                ))
            } else {
                Error::Usage(format!("{}: {e}", path.display()))
            }
        })?;
        let session: Session = serde_json::from_slice(&text)
            .map_err(|e| Error::Usage(format!("{} is not a session file: {e}", path.display())))?;
        session.check().map_err(|why| {
            Error::Usage(format!(
                "{} is not a valid conversation: {why}",
                path.display()
            ))
        })?;
        Ok(session)
    }

    /// Writes a session atomically: to a temporary file in the same
    /// directory, flushed to disk, then renamed over the old one. A crash
    /// or a full disk leaves the previous version intact, and temporary
    /// files that killed processes left behind are removed here.
    ///
    /// Conversations are private: the directory is made readable by its
    /// owner only, and so is each file. A session file that is a symbolic
    /// link is followed: the file it points to is replaced, the link kept.
    pub fn save(&self, name: &str, session: &Session) -> Result<(), Error> {
        self.create_dir()?;
        let path = self.target(name)?;
        let dir = path.parent().unwrap_or(&self.dir).to_path_buf();
        let file_name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        remove_temporaries(&dir, &file_name, Leftovers::OfDeadProcesses);
        let temporary = dir.join(temporary_name(&file_name));
        let written = (|| {
            let mut file = private_file(&temporary)?;
            serde_json::to_writer_pretty(&mut file, session)?;
            file.write_all(b"\n")?;
            file.sync_all()?;
            std::fs::rename(&temporary, &path)?;
            sync_dir(&dir)
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_file(&temporary);
            return Err(store_error(&path, e));
        }
        Ok(())
    }

    /// The file a save of `name` replaces: its path, or where its symbolic
    /// link points.
    fn target(&self, name: &str) -> Result<PathBuf, Error> {
        let path = self.path(name)?;
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                std::fs::canonicalize(&path).map_err(|e| {
                    Error::Usage(format!(
                        "{} is a symbolic link that cannot be followed ({e}); fix or remove it",
                        path.display()
                    ))
                })
            }
            _ => Ok(path),
        }
    }

    /// Checks, before a turn is sent and paid for, that its reply can be
    /// saved: the session file is not a directory and its directory can be
    /// written to (a read-only file system included). A usage error if not.
    pub fn check_writable(&self, name: &str) -> Result<(), Error> {
        let cannot = |what: &Path, e: std::io::Error| {
            Error::Usage(format!(
                "cannot save the session at {}: {e}; nothing was sent",
                what.display()
            ))
        };
        create_private_dir(&self.dir).map_err(|e| cannot(&self.dir, e))?;
        let path = self.target(name)?;
        if path.is_dir() {
            return Err(Error::Usage(format!(
                "cannot save the session at {}: it is a directory; nothing was sent",
                path.display()
            )));
        }
        let dir = path.parent().unwrap_or(&self.dir);
        let probe = dir.join(temporary_name(&format!("{name}.json")));
        private_file(&probe).map_err(|e| cannot(&path, e))?;
        let _ = std::fs::remove_file(&probe);
        Ok(())
    }

    /// Adds an exchange to the session on disk, under a lock, so that two
    /// processes appending to one session both keep their turns: `change`
    /// is applied to the file's current contents (or to `fresh()` when there
    /// is none yet). Returns what was saved.
    pub fn update(
        &self,
        name: &str,
        fresh: impl FnOnce() -> Session,
        change: impl FnOnce(&mut Session),
    ) -> Result<Session, Error> {
        self.create_dir()?;
        let lock_path = self.dir.join(format!(".{name}.lock"));
        let lock = private_file_keep(&lock_path).map_err(|e| store_error(&lock_path, e))?;
        lock.lock().map_err(|e| store_error(&lock_path, e))?;
        let mut session = if self.exists(name)? {
            self.load(name)?
        } else {
            fresh()
        };
        change(&mut session);
        self.save(name, &session)?;
        drop(lock);
        Ok(session)
    }

    fn create_dir(&self) -> Result<(), Error> {
        create_private_dir(&self.dir).map_err(|e| store_error(&self.dir, e))
    }

    /// Removes a session, with its lock and any temporary copies a killed
    /// save left behind.
    pub fn delete(&self, name: &str) -> Result<(), Error> {
        let path = self.path(name)?;
        remove_temporaries(&self.dir, &format!("{name}.json"), Leftovers::All);
        let _ = std::fs::remove_file(self.dir.join(format!(".{name}.lock")));
        std::fs::remove_file(&path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::Usage(format!(
                    "no session named {name} (claude chat --list shows them)"
                ))
            } else {
                Error::Usage(format!(
                    "cannot delete the session at {}: {e}",
                    path.display()
                ))
            }
        })
    }

    /// Saved sessions, the most recently changed first.
    pub fn list(&self) -> Result<Vec<Entry>, Error> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(store_error(&self.dir, e)),
        };
        let mut sessions: Vec<Entry> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let path = entry.path();
                let name = path
                    .file_name()?
                    .to_str()?
                    .strip_suffix(".json")?
                    .to_owned();
                check_name(&name).ok()?;
                let modified = entry.metadata().ok()?.modified().ok()?;
                Some(Entry {
                    name,
                    modified,
                    path,
                })
            })
            .collect();
        sessions.sort_by(|a, b| b.modified.cmp(&a.modified).then(a.name.cmp(&b.name)));
        Ok(sessions)
    }

    /// The most recently changed session.
    pub fn latest(&self) -> Result<Option<String>, Error> {
        Ok(self.list()?.into_iter().next().map(|entry| entry.name))
    }
}

fn store_error(path: &Path, error: impl std::fmt::Display) -> Error {
    Error::Internal(anyhow::anyhow!(
        "cannot save the session at {}: {error}",
        path.display()
    ))
}

/// Session names become file names: letters, digits, `.`, `_` and `-`,
/// not starting with a dot.
pub fn check_name(name: &str) -> Result<(), Error> {
    let valid = !name.is_empty()
        && name.len() <= 100
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if valid {
        Ok(())
    } else {
        Err(Error::Usage(format!(
            "`{name}` is not a session name: use letters, digits, '.', '_' and '-' \
             (not starting with '.')"
        )))
    }
}

/// A fresh session name from the current time and the process id, so
/// that two started in the same second do not share a file:
/// `2026-11-22T01-34-07-4821`.
pub fn new_name(now: SystemTime, pid: u32) -> String {
    let seconds = now
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, rest) = (seconds / 86_400, seconds % 86_400);
    let (year, month, day) = civil_from_days(days as i64);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}-{:02}-{:02}-{pid}",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Days since 1970-01-01 to a (year, month, day) date (Howard Hinnant's
/// algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::time::Duration;

    fn store(name: &str) -> Store {
        let dir =
            std::env::temp_dir().join(format!("claude-sessions-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        Store::at(dir)
    }

    #[test]
    fn sessions_round_trip_exactly() {
        let store = store("round-trip");
        let mut session = Session::new("claude-sonnet-5".into(), Some("terse".into()));
        let thinking = json!([{"type": "thinking", "thinking": "hm", "signature": "sig=="}, {"type": "text", "text": "4"}]);
        session.push_exchange(json!("2+2?"), vec![], thinking.clone());
        store.save("maths", &session).unwrap();
        let loaded = store.load("maths").unwrap();
        assert_eq!(loaded, session);
        assert_eq!(loaded.messages[1].content, thinking);
        let leftovers: Vec<_> = std::fs::read_dir(store.dir()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn totals_and_the_context_fill_saturate() {
        let huge = u64::MAX - 1;
        let usage: Usage = serde_json::from_value(json!({"input_tokens": huge,
            "output_tokens": huge, "cache_creation_input_tokens": huge,
            "cache_read_input_tokens": huge}))
        .unwrap();
        let mut session = Session::new("claude-haiku-4-5".into(), None);
        session.count_reply(&usage, "claude-haiku-4-5");
        session.count_reply(&usage, "claude-haiku-4-5");
        session.totals.unpriced_replies = u64::MAX;
        session.count_reply(&usage, "no-such-model");
        let totals = &session.totals;
        assert_eq!(
            [
                totals.input_tokens,
                totals.output_tokens,
                totals.cache_creation_input_tokens,
                totals.cache_read_input_tokens,
                totals.unpriced_replies
            ],
            [u64::MAX; 5]
        );
        assert!(totals.cost_usd.is_finite());
        session.last_usage = Some(usage);
        let fill = session.context_fill().unwrap();
        assert_eq!((fill.used, fill.window), (u64::MAX, 200_000));
        assert_eq!(fill.percent(), u64::MAX / 2000);
        let fill = ContextFill {
            used: 160_000,
            window: 200_000,
        };
        assert_eq!(fill.percent(), 80);
    }

    #[test]
    fn histories_that_do_not_alternate_are_refused() {
        let store = store("alternate");
        std::fs::create_dir_all(store.dir()).unwrap();
        let odd =
            json!({"version": 1, "model": "m", "messages": [{"role": "user", "content": "hi"}]});
        std::fs::write(store.path("odd").unwrap(), odd.to_string()).unwrap();
        let error = store.load("odd").unwrap_err().to_string();
        assert!(error.contains("not a valid conversation"), "{error}");
        let swapped = json!({"version": 1, "model": "m", "messages": [
            {"role": "assistant", "content": "hi"}, {"role": "user", "content": "hi"}]});
        std::fs::write(store.path("swapped").unwrap(), swapped.to_string()).unwrap();
        assert!(store.load("swapped").is_err());
        std::fs::write(store.path("junk").unwrap(), "{not json").unwrap();
        assert!(
            store
                .load("junk")
                .unwrap_err()
                .to_string()
                .contains("not a session file")
        );
    }

    #[test]
    fn names_are_file_safe() {
        for bad in ["", "../x", "a/b", ".hidden", "sp ace", &"x".repeat(101)] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
        for good in ["work", "2026-11-22T01-34-07", "a.b_c-d"] {
            assert!(check_name(good).is_ok(), "{good}");
        }
    }

    #[test]
    fn the_latest_session_is_the_last_changed() {
        let store = store("latest");
        assert_eq!(store.latest().unwrap(), None);
        let session = Session::new("m".into(), None);
        store.save("old", &session).unwrap();
        let old = std::fs::File::options()
            .write(true)
            .open(store.path("old").unwrap())
            .unwrap();
        old.set_modified(SystemTime::now() - Duration::from_secs(60))
            .unwrap();
        store.save("new", &session).unwrap();
        assert_eq!(store.latest().unwrap().as_deref(), Some("new"));
    }

    #[test]
    fn new_names_are_utc_timestamps() {
        let at = SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_310_047);
        assert_eq!(new_name(at, 42), "2026-11-22T01-14-07-42");
        assert_eq!(new_name(SystemTime::UNIX_EPOCH, 1), "1970-01-01T00-00-00-1");
    }

    #[test]
    fn updates_apply_to_what_is_on_disk() {
        let store = store("update");
        let fresh = Session::new("m".into(), None);
        store
            .update(
                "u",
                || fresh.clone(),
                |s| s.push_exchange(json!("a"), vec![], json!("b")),
            )
            .unwrap();
        // A second writer that loaded nothing still appends after the first.
        let saved = store
            .update(
                "u",
                || fresh.clone(),
                |s| s.push_exchange(json!("c"), vec![], json!("d")),
            )
            .unwrap();
        assert_eq!(saved.exchanges(), 2);
        assert_eq!(store.load("u").unwrap(), saved);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&store.path("u").unwrap()), 0o600);
            assert_eq!(mode(store.dir()), 0o700);
        }
    }

    #[test]
    fn retry_takes_back_the_last_exchange() {
        let mut session = Session::new("m".into(), None);
        assert_eq!(session.pop_exchange(), None);
        session.push_exchange(json!("q"), vec![], json!([{"type": "text", "text": "a"}]));
        assert_eq!(session.pop_exchange(), Some(json!("q")));
        assert_eq!(session.exchanges(), 0);
        // A turn that ran tools is one exchange, and goes whole.
        session.push_exchange(json!("first"), vec![], json!("reply"));
        let asked = json!([{"type": "tool_use", "id": "t1", "name": "wc", "input": {}}]);
        let answered = json!([{"type": "tool_result", "tool_use_id": "t1", "content": "3"}]);
        session.push_exchange(
            json!("count"),
            vec![
                Turn {
                    role: Role::Assistant,
                    content: asked,
                },
                Turn {
                    role: Role::User,
                    content: answered,
                },
            ],
            json!([{"type": "text", "text": "3 words"}]),
        );
        assert_eq!(session.messages.len(), 6);
        assert_eq!(session.exchanges(), 2);
        assert!(session.check().is_ok());
        assert_eq!(session.pop_exchange(), Some(json!("count")));
        assert_eq!(session.messages.len(), 2);
        assert_eq!(session.exchanges(), 1);
    }
}
