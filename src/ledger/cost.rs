//! What the runs cost: reports grouped by day, model, tag or command, and
//! today's spending for the daily budget.

use anyhow::Result;
use rusqlite::Row;

use super::store::Store;

/// How a cost report groups runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// The local calendar day the run started.
    Day,
    /// The model that answered (or, with no answer, the one asked for).
    Model,
    /// Each tag; a run with two tags counts in both rows, one with none in
    /// a row of its own.
    Tag,
    /// `ask`, `vision`, `chat` or `batch`.
    Command,
}

/// One row of a report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CostRow {
    /// The day, model, tag or command; `None` for runs with no tag (or no
    /// model).
    pub key: Option<String>,
    pub requests: u64,
    pub input: u64,
    pub output: u64,
    pub cache_write: u64,
    pub cache_read: u64,
    /// Estimated USD in millionths, of the runs with a known price.
    pub micros: i64,
    /// Runs whose model has no known price: counted, not priced.
    pub unpriced: u64,
}

/// A report: the rows and their total (each run counted once, even when
/// tags put it in two rows).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub rows: Vec<CostRow>,
    pub total: CostRow,
    /// The models that had no known price.
    pub unpriced_models: Vec<String>,
}

const SUMS: &str = "count(*), sum(r.input_tokens), sum(r.output_tokens),
    sum(r.cache_write_tokens), sum(r.cache_read_tokens), coalesce(sum(r.cost_micros), 0),
    count(*) - count(r.cost_micros)";

fn cost_row(row: &Row<'_>) -> rusqlite::Result<CostRow> {
    let count = |i: usize| -> rusqlite::Result<u64> {
        Ok(u64::try_from(row.get::<_, Option<i64>>(i)?.unwrap_or(0)).unwrap_or(0))
    };
    Ok(CostRow {
        key: row.get(0)?,
        requests: count(1)?,
        input: count(2)?,
        output: count(3)?,
        cache_write: count(4)?,
        cache_read: count(5)?,
        micros: row.get(6)?,
        unpriced: count(7)?,
    })
}

impl Store {
    /// The cost of the runs that started at or after `since_ms`.
    pub fn cost_report(&self, since_ms: Option<i64>, by: Grouping) -> Result<Report> {
        let since = since_ms.unwrap_or(i64::MIN);
        let (key, join, order) = match by {
            Grouping::Day => (
                "date(r.started_at / 1000, 'unixepoch', 'localtime')",
                "",
                "1",
            ),
            Grouping::Model => ("coalesce(r.model, r.model_asked)", "", "7 DESC, 1"),
            Grouping::Tag => ("t.tag", "LEFT JOIN tags t ON t.run_id = r.id", "7 DESC, 1"),
            Grouping::Command => ("r.command", "", "7 DESC, 1"),
        };
        let sql = format!(
            "SELECT {key}, {SUMS} FROM runs r {join} WHERE r.started_at >= ?1
             GROUP BY 1 ORDER BY {order}"
        );
        let rows = self
            .conn
            .prepare(&sql)?
            .query_map([since], cost_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let total = self.conn.query_row(
            &format!("SELECT NULL, {SUMS} FROM runs r WHERE r.started_at >= ?1"),
            [since],
            cost_row,
        )?;
        let unpriced_models = self
            .conn
            .prepare(
                "SELECT DISTINCT coalesce(r.model, r.model_asked, '?') FROM runs r
                 WHERE r.started_at >= ?1 AND r.cost_micros IS NULL ORDER BY 1",
            )?
            .query_map([since], |row| row.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(Report {
            rows,
            total,
            unpriced_models,
        })
    }

    /// What the runs that started today (local time) cost, in millionths
    /// of a USD. Runs of models with no known price count as nothing.
    pub fn spent_today_micros(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT coalesce(sum(cost_micros), 0) FROM runs WHERE started_at >=
                CAST(strftime('%s', date('now', 'localtime'), 'utc') AS INTEGER) * 1000",
            [],
            |row| row.get(0),
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::record::{Run, Tokens, unix_ms};
    use crate::ledger::store::tests::temp_path;

    fn run(model: &str, command: &str, cost: Option<i64>, tags: &[&str], at: i64) -> Run {
        Run {
            started_at_ms: at,
            command: command.into(),
            model: Some(model.into()),
            tokens: Tokens {
                input: 10,
                output: 5,
                cache_write: 2,
                cache_read: 1,
                server_tool_requests: 0,
            },
            cost_micros: cost,
            tags: tags.iter().map(|t| t.to_string()).collect(),
            ..Run::default()
        }
    }

    #[test]
    fn reports_sum_by_each_grouping_and_flag_unpriced_runs() {
        let store = Store::create(&temp_path("report")).unwrap();
        let now = unix_ms(std::time::SystemTime::now());
        for run in [
            run("claude-haiku-4-5", "ask", Some(35), &["ci"], now),
            run("claude-haiku-4-5", "chat", Some(100), &["ci", "night"], now),
            run("mystery-model", "ask", None, &[], now),
            // Noon UTC, ten days into 1970: the same date in every time zone.
            run(
                "claude-opus-5",
                "ask",
                Some(1_000_000),
                &[],
                864_000_000 + 43_200_000,
            ),
        ] {
            store.insert(&run).unwrap();
        }
        let report = store
            .cost_report(Some(now - 60_000), Grouping::Model)
            .unwrap();
        let keys: Vec<_> = report.rows.iter().map(|r| r.key.clone()).collect();
        assert_eq!(
            keys,
            [
                Some("claude-haiku-4-5".into()),
                Some("mystery-model".into())
            ]
        );
        assert_eq!(report.rows[0].micros, 135);
        assert_eq!(report.rows[0].requests, 2);
        assert_eq!(report.rows[1].unpriced, 1);
        assert_eq!(
            report.total,
            CostRow {
                key: None,
                requests: 3,
                input: 30,
                output: 15,
                cache_write: 6,
                cache_read: 3,
                micros: 135,
                unpriced: 1,
            }
        );
        assert_eq!(report.unpriced_models, ["mystery-model"]);

        let by_tag = store
            .cost_report(Some(now - 60_000), Grouping::Tag)
            .unwrap();
        let tags: Vec<_> = by_tag
            .rows
            .iter()
            .map(|r| (r.key.clone(), r.requests, r.micros))
            .collect();
        assert_eq!(
            tags,
            [
                (Some("ci".into()), 2, 135),
                (Some("night".into()), 1, 100),
                (None, 1, 0)
            ]
        );
        assert_eq!(by_tag.total.requests, 3, "each run once in the total");

        let everything = store.cost_report(None, Grouping::Command).unwrap();
        assert_eq!(everything.total.micros, 1_000_135);
        assert_eq!(everything.rows[0].key.as_deref(), Some("ask"));

        let by_day = store.cost_report(None, Grouping::Day).unwrap();
        assert_eq!(by_day.rows.len(), 2);
        assert_eq!(by_day.rows[0].key.as_deref(), Some("1970-01-11"));

        assert_eq!(store.spent_today_micros().unwrap(), 135);
    }
}
