//! Reading the ledger: the latest runs through filters, full-text search
//! of prompts and replies (FTS5), one run whole, and pruning old runs.

use std::time::{Duration, SystemTime};

use anyhow::{Context, Result};
use jiff::tz::TimeZone;
use rusqlite::types::Value as SqlValue;
use rusqlite::{Row, params_from_iter};

use super::days;
use super::record::{Run, Tokens, unix_ms};
use super::store::Store;

/// The start of a period: some time ago, or a local calendar day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Since {
    Ago(Duration),
    /// `YYYY-MM-DD`, from local midnight.
    Day(String),
}

/// Which runs to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub since: Option<Since>,
    /// A model id: the one asked for, the one that answered, or a dated
    /// snapshot of it.
    pub model: Option<String>,
    pub tag: Option<String>,
    pub session: Option<String>,
    /// Only runs that did not exit 0.
    pub failed: bool,
    /// Words that must all be in the prompt or the reply.
    pub search: Option<String>,
}

/// A run as read back.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub id: i64,
    /// `2026-11-30 15:42:07`, local time.
    pub local_time: String,
    /// `2026-11-30T14:42:07.123Z`.
    pub utc_time: String,
    pub run: Run,
    /// Where the search words matched, `[marked]`, on one line.
    pub snippet: Option<String>,
}

/// How many columns [`COLUMNS`] has.
const COLUMN_COUNT: usize = 30;

/// Every column of a run, in the order [`stored`] reads them.
const COLUMNS: &str = "r.id,
    strftime('%Y-%m-%d %H:%M:%S', r.started_at / 1000, 'unixepoch', 'localtime'),
    strftime('%Y-%m-%dT%H:%M:%fZ', r.started_at / 1000.0, 'unixepoch'),
    r.started_at, r.ended_at, r.command, r.model_asked, r.model, r.session, r.prompt, r.system,
    r.attachments, r.reply, r.stop_reason, r.exit_code, r.error_type, r.error_message,
    r.input_tokens, r.output_tokens, r.cache_write_tokens, r.cache_read_tokens,
    r.server_tool_requests, r.usage, r.cost_micros, r.wall_ms, r.first_token_ms, r.request_id,
    r.batch_id, r.custom_id,
    (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM tags WHERE run_id = r.id ORDER BY tag))";

fn stored(row: &Row<'_>) -> rusqlite::Result<Stored> {
    let count = |i: usize| -> rusqlite::Result<u64> {
        Ok(u64::try_from(row.get::<_, i64>(i)?).unwrap_or(0))
    };
    let tags: Option<String> = row.get(29)?;
    Ok(Stored {
        id: row.get(0)?,
        local_time: row.get(1)?,
        utc_time: row.get(2)?,
        run: Run {
            started_at_ms: row.get(3)?,
            ended_at_ms: row.get(4)?,
            command: row.get(5)?,
            model_asked: row.get(6)?,
            model: row.get(7)?,
            session: row.get(8)?,
            prompt: row.get(9)?,
            system: row.get(10)?,
            attachments: row.get(11)?,
            reply: row.get(12)?,
            stop_reason: row.get(13)?,
            exit_code: u8::try_from(row.get::<_, i64>(14)?).unwrap_or(u8::MAX),
            error_type: row.get(15)?,
            error_message: row.get(16)?,
            tokens: Tokens {
                input: count(17)?,
                output: count(18)?,
                cache_write: count(19)?,
                cache_read: count(20)?,
                server_tool_requests: count(21)?,
            },
            usage: row.get(22)?,
            cost_micros: row.get(23)?,
            wall_ms: row.get(24)?,
            first_token_ms: row.get(25)?,
            request_id: row.get(26)?,
            batch_id: row.get(27)?,
            custom_id: row.get(28)?,
            tags: tags
                .map(|t| t.split('\u{1f}').map(str::to_owned).collect())
                .unwrap_or_default(),
        },
        snippet: None,
    })
}

/// The user's words as an FTS5 query: each word must appear, as written
/// (quoted, so that `C++` or `don't` are words, not syntax); a word
/// ending in `*` matches as a prefix.
pub fn fts_query(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split_whitespace()
        .filter_map(|word| {
            let (word, prefix) = match word.strip_suffix('*') {
                Some(stem) => (stem, "*"),
                None => (word, ""),
            };
            (!word.is_empty()).then(|| format!("\"{}\"{prefix}", word.replace('"', "\"\"")))
        })
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

impl Store {
    /// The start of `since` in Unix milliseconds; a day starts at local
    /// midnight.
    pub fn cutoff_ms(&self, since: &Since) -> Result<i64> {
        match since {
            Since::Ago(ago) => {
                let now = unix_ms(SystemTime::now());
                Ok(now.saturating_sub(i64::try_from(ago.as_millis()).unwrap_or(i64::MAX)))
            }
            Since::Day(day) => days::day_start_ms(days::parse_day(day)?, &TimeZone::system()),
        }
    }

    /// The newest `limit` runs that pass `filter`, newest first. A search
    /// walks the full-text index from its newest match down and stops at
    /// `limit`, however many runs match.
    pub fn list(&self, filter: &Filter, limit: usize) -> Result<Vec<Stored>> {
        let (sql, values) = self.list_query(filter, limit)?;
        let mut statement = self.conn.prepare(&sql)?;
        statement
            .query_map(params_from_iter(values), |row| {
                let mut stored = stored(row)?;
                let snippet: Option<String> = row.get(COLUMN_COUNT)?;
                stored.snippet =
                    snippet.map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "));
                Ok(stored)
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
            .context("cannot read the ledger")
    }

    /// The statement of [`Store::list`] and its values.
    fn list_query(&self, filter: &Filter, limit: usize) -> Result<(String, Vec<SqlValue>)> {
        let mut clauses: Vec<&str> = Vec::new();
        let mut values: Vec<SqlValue> = Vec::new();
        let search = filter.search.as_deref().and_then(fts_query);
        let (from, newest_first, snippet) = match &search {
            Some(query) => {
                clauses.push("runs_fts MATCH ?");
                values.push(SqlValue::Text(query.clone()));
                (
                    "runs_fts JOIN runs r ON r.id = runs_fts.rowid",
                    "runs_fts.rowid DESC",
                    "snippet(runs_fts, -1, '[', ']', '...', 16)",
                )
            }
            None => ("runs r", "r.id DESC", "NULL"),
        };
        if let Some(since) = &filter.since {
            clauses.push("r.started_at >= ?");
            values.push(SqlValue::Integer(self.cutoff_ms(since)?));
        }
        if let Some(model) = &filter.model {
            clauses.push("(r.model = ? OR r.model_asked = ? OR r.model GLOB ? || '-[0-9]*')");
            values.extend(std::iter::repeat_n(SqlValue::Text(model.clone()), 3));
        }
        if let Some(tag) = &filter.tag {
            clauses.push("r.id IN (SELECT run_id FROM tags WHERE tag = ?)");
            values.push(SqlValue::Text(tag.clone()));
        }
        if let Some(session) = &filter.session {
            clauses.push("r.session = ?");
            values.push(SqlValue::Text(session.clone()));
        }
        if filter.failed {
            clauses.push("r.exit_code <> 0");
        }
        let filters = if clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", clauses.join(" AND "))
        };
        values.push(SqlValue::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
        let sql = format!(
            "SELECT {COLUMNS}, {snippet} FROM {from} {filters} ORDER BY {newest_first} LIMIT ?"
        );
        Ok((sql, values))
    }

    /// One run, whole.
    pub fn show(&self, id: i64) -> Result<Option<Stored>> {
        let sql = format!("SELECT {COLUMNS} FROM runs r WHERE r.id = ?1");
        let mut statement = self.conn.prepare(&sql)?;
        let mut rows = statement.query_map([id], stored)?;
        Ok(rows.next().transpose()?)
    }

    /// Deletes the runs that started before `cutoff_ms` and gives their
    /// space back to the file system. How many were deleted.
    pub fn prune(&self, cutoff_ms: i64) -> Result<usize> {
        let deleted = self
            .conn
            .execute("DELETE FROM runs WHERE started_at < ?1", [cutoff_ms])?;
        if deleted > 0 {
            self.conn.execute_batch(
                "INSERT INTO runs_fts(runs_fts) VALUES ('optimize');
                 VACUUM;
                 PRAGMA wal_checkpoint(TRUNCATE);",
            )?;
        }
        Ok(deleted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::store::tests::{plan, temp_path};

    fn run(prompt: &str, reply: &str, model: &str, exit: u8, tags: &[&str]) -> Run {
        Run {
            started_at_ms: unix_ms(SystemTime::now()),
            ended_at_ms: unix_ms(SystemTime::now()),
            command: "ask".into(),
            model_asked: Some(model.into()),
            model: Some(format!("{model}-20251001")),
            prompt: Some(prompt.into()),
            reply: Some(reply.into()),
            exit_code: exit,
            tags: tags.iter().map(|t| t.to_string()).collect(),
            ..Run::default()
        }
    }

    fn ids(runs: &[Stored]) -> Vec<i64> {
        runs.iter().map(|r| r.id).collect()
    }

    #[test]
    fn fts_queries_quote_words_and_keep_prefixes() {
        assert_eq!(fts_query("C++ don't").unwrap(), "\"C++\" \"don't\"");
        assert_eq!(fts_query("say \"hi\"").unwrap(), "\"say\" \"\"\"hi\"\"\"");
        assert_eq!(fts_query("rust*").unwrap(), "\"rust\"*");
        assert_eq!(fts_query("  * "), None);
    }

    #[test]
    fn filters_narrow_the_list_and_search_finds_words() {
        let store = Store::create(&temp_path("filters")).unwrap();
        store
            .insert(&run(
                "What is Rust?",
                "A language.",
                "claude-haiku-4-5",
                0,
                &["ci"],
            ))
            .unwrap();
        store
            .insert(&run("Capital of France", "Paris", "claude-opus-5", 7, &[]))
            .unwrap();
        let mut old = run(
            "ancient C++ question",
            "answer",
            "claude-opus-5",
            0,
            &["ci", "old"],
        );
        old.started_at_ms = 1000;
        store.insert(&old).unwrap();

        let list = |filter: Filter| ids(&store.list(&filter, 10).unwrap());
        assert_eq!(list(Filter::default()), [3, 2, 1]);
        assert_eq!(store.list(&Filter::default(), 2).unwrap().len(), 2);
        let search = |text: &str| Filter {
            search: Some(text.into()),
            ..Filter::default()
        };
        assert_eq!(list(search("paris")), [2]);
        assert_eq!(list(search("rust language")), [1]);
        assert_eq!(list(search("lang*")), [1]);
        assert_eq!(list(search("C++")), [3]);
        assert!(list(search("rust paris")).is_empty());
        let found = store.list(&search("Paris"), 10).unwrap();
        assert_eq!(found[0].snippet.as_deref(), Some("[Paris]"));
        assert_eq!(
            list(Filter {
                model: Some("claude-haiku-4-5".into()),
                ..Filter::default()
            }),
            [1]
        );
        assert_eq!(
            list(Filter {
                tag: Some("ci".into()),
                ..Filter::default()
            }),
            [3, 1]
        );
        assert_eq!(
            list(Filter {
                failed: true,
                ..Filter::default()
            }),
            [2]
        );
        assert_eq!(
            list(Filter {
                since: Some(Since::Ago(Duration::from_secs(3600))),
                ..Filter::default()
            }),
            [2, 1]
        );
        assert_eq!(
            list(Filter {
                since: Some(Since::Day("1971-01-01".into())),
                ..Filter::default()
            }),
            [2, 1]
        );
        assert_eq!(store.show(3).unwrap().unwrap().run.tags, ["ci", "old"]);
        assert!(store.show(99).unwrap().is_none());
    }

    #[test]
    fn every_field_round_trips() {
        let store = Store::create(&temp_path("round-trip")).unwrap();
        let original = Run {
            started_at_ms: 1_764_513_727_123,
            ended_at_ms: 1_764_513_728_000,
            command: "chat".into(),
            model_asked: Some("claude-sonnet-5".into()),
            model: Some("claude-sonnet-5-20260101".into()),
            session: Some("work".into()),
            prompt: Some("the prompt".into()),
            system: Some("be brief".into()),
            attachments: Some(r#"[{"name":"a.txt"}]"#.into()),
            reply: Some("the reply".into()),
            stop_reason: Some("max_tokens".into()),
            exit_code: 3,
            error_type: Some("overloaded_error".into()),
            error_message: Some("Overloaded".into()),
            tokens: Tokens {
                input: 1,
                output: 2,
                cache_write: 3,
                cache_read: 4,
                server_tool_requests: 5,
            },
            usage: Some(r#"{"input_tokens":1}"#.into()),
            cost_micros: Some(486),
            wall_ms: 877,
            first_token_ms: Some(120),
            request_id: Some("req_1".into()),
            tags: vec!["a".into(), "b".into()],
            batch_id: Some("msgbatch_1".into()),
            custom_id: Some("q1".into()),
        };
        let id = store.insert(&original).unwrap();
        let stored = store.show(id).unwrap().unwrap();
        assert_eq!(stored.run, original);
        assert_eq!(stored.utc_time, "2025-11-30T14:42:07.123Z");
        // The same batch result is kept once.
        assert_eq!(store.insert_all([&original, &original]).unwrap(), 0);
    }

    #[test]
    fn prune_deletes_old_runs_and_their_search_entries() {
        let store = Store::create(&temp_path("prune")).unwrap();
        let mut old = run("old words", "gone", "m", 0, &["t"]);
        old.started_at_ms = 1000;
        store.insert(&old).unwrap();
        store
            .insert(&run("new words", "kept", "m", 0, &[]))
            .unwrap();
        assert_eq!(store.prune(2000).unwrap(), 1);
        assert_eq!(store.prune(2000).unwrap(), 0);
        let all = store.list(&Filter::default(), 10).unwrap();
        assert_eq!(ids(&all), [2]);
        let search = Filter {
            search: Some("words".into()),
            ..Filter::default()
        };
        assert_eq!(ids(&store.list(&search, 10).unwrap()), [2]);
        let tags: i64 = store
            .conn
            .query_row("SELECT count(*) FROM tags", [], |r| r.get(0))
            .unwrap();
        assert_eq!(tags, 0);
    }

    #[test]
    fn a_search_walks_the_index_newest_first_and_sorts_nothing() {
        let store = Store::create(&temp_path("search-plan")).unwrap();
        for filter in [
            Filter {
                search: Some("word".into()),
                ..Filter::default()
            },
            Filter {
                search: Some("two words".into()),
                since: Some(Since::Ago(Duration::from_secs(60))),
                tag: Some("ci".into()),
                failed: true,
                ..Filter::default()
            },
        ] {
            let (sql, values) = store.list_query(&filter, 10).unwrap();
            let plan = plan(&store.conn, &sql, params_from_iter(values));
            assert!(
                plan.starts_with("SCAN runs_fts VIRTUAL TABLE INDEX ")
                    && plan.contains("SEARCH r USING INTEGER PRIMARY KEY (rowid=?)")
                    && !plan.contains("TEMP B-TREE"),
                "{plan}"
            );
        }
    }

    #[test]
    fn a_day_that_is_not_a_date_is_an_error() {
        let store = Store::create(&temp_path("bad-day")).unwrap();
        assert!(store.cutoff_ms(&Since::Day("2026-13-45".into())).is_err());
    }
}
