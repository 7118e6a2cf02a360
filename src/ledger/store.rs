//! The ledger file: opening it (created 0600 in a 0700 directory), its
//! schema and the migrations that bring an older file up to date, and
//! writing rows. Several `claude` processes may write at once: the file is
//! in WAL mode and each connection waits for a lock rather than failing.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, Statement, TransactionBehavior, params};

use super::record::Run;

/// How long a connection waits for another process's lock before giving
/// up. Writes take about a millisecond, so only a stuck holder makes
/// anyone wait this long; the run then warns and goes on.
const BUSY_TIMEOUT: Duration = Duration::from_secs(3);

/// How large the WAL may grow before a write empties it into the file.
/// Each process that opens the ledger first reads the whole WAL (SQLite's
/// recovery: about 0.7 ms a MB), and when every process writes once, as
/// `claude ask` does, SQLite's own checkpoints never start the WAL over: it
/// would grow forever, and each run would copy all of it again. Emptying it
/// at 1 MB costs a disk flush every 25 runs or so, and a run at most a
/// millisecond of reading.
const WAL_CHECKPOINT_BYTES: u64 = 1024 * 1024;

/// Migration N (1-based) brings the schema from version N-1 to N; the
/// file's version is `PRAGMA user_version`. Never edit a migration that
/// has shipped: add the next one.
const MIGRATIONS: &[&str] = &[
    // 1: runs, their tags, and full-text search over prompts and replies.
    "CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started_at INTEGER NOT NULL,         -- Unix time, ms
        ended_at INTEGER NOT NULL,
        command TEXT NOT NULL,
        model_asked TEXT,
        model TEXT,                          -- the model that answered
        session TEXT,
        prompt TEXT,
        system TEXT,
        attachments TEXT,                    -- JSON: [{name, type, size, sha256}]
        reply TEXT,
        stop_reason TEXT,
        exit_code INTEGER NOT NULL,
        error_type TEXT,
        error_message TEXT,
        input_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        cache_write_tokens INTEGER NOT NULL DEFAULT 0,
        cache_read_tokens INTEGER NOT NULL DEFAULT 0,
        server_tool_requests INTEGER NOT NULL DEFAULT 0,
        usage TEXT,                          -- the API's usage object, whole
        cost_micros INTEGER,                 -- estimated USD x 10^6; NULL: no known price
        wall_ms INTEGER NOT NULL,
        first_token_ms INTEGER,
        request_id TEXT
    );
    CREATE INDEX runs_started_at ON runs(started_at);
    CREATE TABLE tags (
        run_id INTEGER NOT NULL,
        tag TEXT NOT NULL,
        PRIMARY KEY (tag, run_id)
    ) WITHOUT ROWID;
    CREATE INDEX tags_run_id ON tags(run_id);
    CREATE VIRTUAL TABLE runs_fts USING fts5(
        prompt, reply, content='runs', content_rowid='id'
    );
    CREATE TRIGGER runs_inserted AFTER INSERT ON runs BEGIN
        INSERT INTO runs_fts(rowid, prompt, reply) VALUES (new.id, new.prompt, new.reply);
    END;
    CREATE TRIGGER runs_deleted AFTER DELETE ON runs BEGIN
        INSERT INTO runs_fts(runs_fts, rowid, prompt, reply)
            VALUES ('delete', old.id, old.prompt, old.reply);
        DELETE FROM tags WHERE run_id = old.id;
    END;",
    // 2: batch results, kept once however often `batch results` is run.
    "ALTER TABLE runs ADD COLUMN batch_id TEXT;
    ALTER TABLE runs ADD COLUMN custom_id TEXT;
    CREATE UNIQUE INDEX runs_batch_result ON runs(batch_id, custom_id)
        WHERE batch_id IS NOT NULL;",
    // 3: what `claude cost` reads of a run, in id order so that a report
    // walks it beside the tags (tags_run_id): a report reads these few
    // bytes a run, not the table's pages, which hold the prompts and replies.
    "CREATE INDEX runs_cost ON runs(id, started_at, command, model, model_asked, input_tokens,
        output_tokens, cache_write_tokens, cache_read_tokens, cost_micros);",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// An open ledger.
pub struct Store {
    pub(super) conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens the ledger for writing, creating the file (0600) and its
    /// directory (0700) when missing, and migrating an older schema.
    pub fn create(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent() {
            let mut builder = std::fs::DirBuilder::new();
            builder.recursive(true);
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
            builder.create(dir).context("cannot create its directory")?;
        }
        // Created here, not by SQLite, so that it is private from the start;
        // SQLite gives its -wal and -shm files the same mode.
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(false);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        options.open(path).context("cannot create it")?;
        Store::open_with(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
    }

    /// Opens an existing ledger; `None` when there is no file yet.
    pub fn open_existing(path: &Path) -> Result<Option<Store>> {
        if !path.exists() {
            return Ok(None);
        }
        Store::open_with(path, OpenFlags::SQLITE_OPEN_READ_WRITE).map(Some)
    }

    fn open_with(path: &Path, flags: OpenFlags) -> Result<Store> {
        let flags = flags | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        let store = Store {
            conn,
            path: path.to_owned(),
        };
        store.prepare()?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Settings of this connection, then the schema.
    fn prepare(&self) -> rusqlite::Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        // WAL lets readers and one writer work at once, and with
        // synchronous=NORMAL a commit does not wait for the disk: a run
        // lost to a power cut is a fair price for a log that costs no time.
        let mode: String = self
            .conn
            .pragma_query_value(None, "journal_mode", |row| row.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            self.conn
                .pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(()))?;
        }
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        // The last process out would otherwise checkpoint the WAL on close,
        // a disk flush on every run; writes empty it now and then instead
        // (see WAL_CHECKPOINT_BYTES).
        self.conn
            .set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
        self.migrate()
    }

    fn version(&self) -> rusqlite::Result<i64> {
        self.conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
    }

    /// Brings the schema up to [`SCHEMA_VERSION`]. Another process may be
    /// doing the same: the version is read again inside the write lock.
    /// A file from a newer `claude` is left as it is.
    fn migrate(&self) -> rusqlite::Result<()> {
        if self.version()? >= SCHEMA_VERSION {
            return Ok(());
        }
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let from = tx.pragma_query_value(None, "user_version", |row| row.get::<_, i64>(0))?;
        for migration in MIGRATIONS.iter().skip(usize::try_from(from).unwrap_or(0)) {
            tx.execute_batch(migration)?;
        }
        if from < SCHEMA_VERSION {
            tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        }
        tx.commit()
    }

    /// Writes one run and its tags; the new row's id.
    pub fn insert(&self, run: &Run) -> Result<i64> {
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let id = Inserter::new(&tx)?.insert(run)?;
        tx.commit()?;
        self.keep_wal_small();
        Ok(id.unwrap_or_default())
    }

    /// Writes many runs in one transaction (batch results); runs already
    /// kept (the same batch and custom_id) are skipped. How many were new.
    pub fn insert_all<'r>(&self, runs: impl IntoIterator<Item = &'r Run>) -> Result<usize> {
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let mut added = 0;
        {
            let mut inserter = Inserter::new(&tx)?;
            for run in runs {
                added += usize::from(inserter.insert(run)?.is_some());
            }
        }
        tx.commit()?;
        self.keep_wal_small();
        Ok(added)
    }

    /// Empties the WAL into the file and truncates it, once it has grown
    /// past [`WAL_CHECKPOINT_BYTES`]. The rows are written already, so a
    /// checkpoint that cannot be made now (another process is reading or
    /// writing: it is not waited for) is left to the next run.
    fn keep_wal_small(&self) {
        let mut wal = self.path.clone().into_os_string();
        wal.push("-wal");
        let grown = std::fs::metadata(&wal).is_ok_and(|m| m.len() > WAL_CHECKPOINT_BYTES);
        if !grown || self.conn.busy_timeout(Duration::ZERO).is_err() {
            return;
        }
        let _ = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        let _ = self.conn.busy_timeout(BUSY_TIMEOUT);
    }
}

/// The statements that write a run, prepared once.
struct Inserter<'c> {
    run: Statement<'c>,
    tag: Statement<'c>,
    conn: &'c Connection,
}

impl<'c> Inserter<'c> {
    fn new(conn: &'c Connection) -> rusqlite::Result<Inserter<'c>> {
        Ok(Inserter {
            run: conn.prepare(
                "INSERT OR IGNORE INTO runs (started_at, ended_at, command, model_asked, model,
                    session, prompt, system, attachments, reply, stop_reason, exit_code,
                    error_type, error_message, input_tokens, output_tokens, cache_write_tokens,
                    cache_read_tokens, server_tool_requests, usage, cost_micros, wall_ms,
                    first_token_ms, request_id, batch_id, custom_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                    ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
            )?,
            tag: conn.prepare("INSERT OR IGNORE INTO tags (run_id, tag) VALUES (?1, ?2)")?,
            conn,
        })
    }

    /// Inserts a run (ignored when its batch result is already kept) and
    /// its tags; the new id, or `None` when it was already there.
    fn insert(&mut self, run: &Run) -> rusqlite::Result<Option<i64>> {
        let saturating = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
        let inserted = self.run.execute(params![
            run.started_at_ms,
            run.ended_at_ms,
            run.command,
            run.model_asked,
            run.model,
            run.session,
            run.prompt,
            run.system,
            run.attachments,
            run.reply,
            run.stop_reason,
            run.exit_code,
            run.error_type,
            run.error_message,
            saturating(run.tokens.input),
            saturating(run.tokens.output),
            saturating(run.tokens.cache_write),
            saturating(run.tokens.cache_read),
            saturating(run.tokens.server_tool_requests),
            run.usage,
            run.cost_micros,
            run.wall_ms,
            run.first_token_ms,
            run.request_id,
            run.batch_id,
            run.custom_id,
        ])?;
        if inserted == 0 {
            return Ok(None);
        }
        let id = self.conn.last_insert_rowid();
        for name in &run.tags {
            self.tag.execute(params![id, name])?;
        }
        Ok(Some(id))
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A fresh directory for one test's ledger.
    pub fn temp_path(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "claude-ledger-{name}-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        dir.join("claude-cli").join("ledger.db")
    }

    #[test]
    fn an_empty_file_gets_the_whole_schema() {
        let path = temp_path("empty");
        let store = Store::create(&path).unwrap();
        assert_eq!(store.version().unwrap(), SCHEMA_VERSION);
        let mode: String = store
            .conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(path.parent().unwrap()), 0o700);
        }
    }

    #[test]
    fn a_version_1_file_is_migrated_and_keeps_its_rows() {
        let path = temp_path("v1");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(MIGRATIONS[0]).unwrap();
            conn.pragma_update(None, "user_version", 1).unwrap();
            conn.execute(
                "INSERT INTO runs (started_at, ended_at, command, prompt, reply, exit_code, \
                 wall_ms, cost_micros) VALUES (1, 2, 'ask', 'old question', 'old answer', 0, 1, 7)",
                [],
            )
            .unwrap();
        }
        let store = Store::open_existing(&path).unwrap().unwrap();
        assert_eq!(store.version().unwrap(), SCHEMA_VERSION);
        let (prompt, batch): (String, Option<String>) = store
            .conn
            .query_row(
                "SELECT prompt, batch_id FROM runs WHERE id IN \
                 (SELECT rowid FROM runs_fts WHERE runs_fts MATCH 'answer')",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((prompt.as_str(), batch), ("old question", None));
    }

    /// What SQLite plans for `sql`, one step a line.
    pub fn plan(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> String {
        conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap()
            .query_map(params, |row| row.get::<_, String>(3))
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap()
            .join("\n")
    }

    #[test]
    fn a_version_2_file_gets_the_cost_index_over_its_rows() {
        let path = temp_path("v2");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(MIGRATIONS[0]).unwrap();
            conn.execute_batch(MIGRATIONS[1]).unwrap();
            conn.pragma_update(None, "user_version", 2).unwrap();
            conn.execute_batch(
                "INSERT INTO runs (started_at, ended_at, command, model, exit_code, wall_ms,
                    input_tokens, cost_micros) VALUES (1000, 2000, 'ask', 'm', 0, 1, 10, 7);
                 INSERT INTO runs (started_at, ended_at, command, model, exit_code, wall_ms,
                    input_tokens, cost_micros) VALUES (3000, 4000, 'chat', 'm', 0, 1, 5, 8);
                 INSERT INTO tags (run_id, tag) VALUES (2, 'ci');",
            )
            .unwrap();
        }
        let store = Store::open_existing(&path).unwrap().unwrap();
        assert_eq!(store.version().unwrap(), SCHEMA_VERSION);
        let check: String = store
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        let indexed: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM runs INDEXED BY runs_cost WHERE id >= 0",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(indexed, 2);
        let report = store
            .cost_report(None, crate::ledger::Grouping::Tag)
            .unwrap();
        let rows: Vec<_> = report
            .rows
            .iter()
            .map(|r| (r.key.as_deref(), r.requests, r.input, r.micros))
            .collect();
        assert_eq!(rows, [(Some("ci"), 1, 5, 8), (None, 1, 10, 7)]);
    }

    #[test]
    fn the_wal_stays_small_however_many_runs_write_to_it() {
        let path = temp_path("wal");
        let mut wal = path.clone().into_os_string();
        wal.push("-wal");
        let size = || std::fs::metadata(&wal).map_or(0, |m| m.len());
        let run = Run {
            prompt: Some("a question ".repeat(50)),
            reply: Some("an answer ".repeat(300)),
            ..Run::default()
        };
        let mut largest = 0;
        for _ in 0..150 {
            // Opened and closed for each run, as each process does.
            Store::create(&path).unwrap().insert(&run).unwrap();
            largest = largest.max(size());
        }
        assert!(largest > WAL_CHECKPOINT_BYTES / 2, "{largest}");
        assert!(largest < WAL_CHECKPOINT_BYTES + 256 * 1024, "{largest}");
        // A large transaction (batch results) is emptied right after.
        let store = Store::create(&path).unwrap();
        store.insert_all(vec![run; 1000].iter()).unwrap();
        assert_eq!(size(), 0);
        let count: i64 = store
            .conn
            .query_row("SELECT count(*) FROM runs", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, 1150);
        drop(store);
        // Some megabytes: not left behind in the temporary directory.
        let _ = std::fs::remove_dir_all(path.parent().unwrap().parent().unwrap());
    }

    #[test]
    fn a_file_from_a_newer_claude_is_left_as_it_is() {
        let path = temp_path("newer");
        Store::create(&path).unwrap();
        {
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
                .unwrap();
        }
        let store = Store::open_existing(&path).unwrap().unwrap();
        assert_eq!(store.version().unwrap(), SCHEMA_VERSION + 1);
    }

    #[test]
    fn a_missing_file_is_not_created_by_reading() {
        let path = temp_path("missing");
        assert!(Store::open_existing(&path).unwrap().is_none());
        assert!(!path.exists());
    }

    #[test]
    fn a_file_that_is_not_a_database_is_an_error() {
        let path = temp_path("corrupt");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(
            &path,
            b"this is not a database, just text long enough".repeat(100),
        )
        .unwrap();
        let error = Store::open_existing(&path).err().unwrap();
        assert!(format!("{error:#}").contains("not a database"), "{error:#}");
    }

    #[test]
    fn a_full_disk_is_an_error_not_a_panic() {
        let path = temp_path("full");
        let store = Store::create(&path).unwrap();
        let pages: i64 = store
            .conn
            .pragma_query_value(None, "page_count", |r| r.get(0))
            .unwrap();
        store
            .conn
            .pragma_update(None, "max_page_count", pages)
            .unwrap();
        let run = Run {
            reply: Some("x".repeat(1 << 20)),
            ..Run::default()
        };
        let error = store.insert(&run).unwrap_err();
        assert!(format!("{error:#}").contains("full"), "{error:#}");
    }
}
