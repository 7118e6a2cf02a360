//! What the runs cost: reports grouped by day, model, tag or command, and
//! today's spending for the daily budget.
//!
//! A report is one pass over the `runs_cost` index in id order, beside the
//! tags in the same order, summed here: it reads a few bytes a run, never
//! the prompts and replies, and sorts only the report's own rows.

use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};

use anyhow::Result;
use jiff::tz::TimeZone;
use rusqlite::Rows as Found;

use super::days;
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

/// What one run adds to a report, as the `runs_cost` index holds it.
struct RunCost<'r> {
    id: i64,
    started_at: i64,
    command: &'r str,
    /// The model that answered, or the one asked for.
    model: Option<&'r str>,
    /// Input, output, cache write and cache read tokens.
    tokens: [u64; 4],
    micros: Option<i64>,
}

/// The columns of `runs_cost` that a report reads, in [`RunCost`]'s order.
/// The index is used for `id >= ?1 ... ORDER BY id` (a test checks the plan).
const RUN_COSTS: &str = "SELECT id, started_at, command, coalesce(model, model_asked),
        input_tokens, output_tokens, cache_write_tokens, cache_read_tokens, cost_micros
    FROM runs WHERE id >= ?1 AND started_at >= ?2 ORDER BY id";

/// The tags from run `?1` on, in the order of [`RUN_COSTS`].
const TAGS_IN_RUN_ORDER: &str =
    "SELECT run_id, tag FROM tags WHERE run_id >= ?1 ORDER BY run_id, tag";

impl CostRow {
    fn add(&mut self, run: &RunCost<'_>) {
        let [input, output, cache_write, cache_read] = run.tokens;
        self.requests += 1;
        self.input = self.input.saturating_add(input);
        self.output = self.output.saturating_add(output);
        self.cache_write = self.cache_write.saturating_add(cache_write);
        self.cache_read = self.cache_read.saturating_add(cache_read);
        match run.micros {
            Some(micros) => self.micros = self.micros.saturating_add(micros),
            None => self.unpriced += 1,
        }
    }
}

/// The rows of a report as they fill up, found by their key.
#[derive(Default)]
struct Rows {
    rows: Vec<CostRow>,
    by_key: HashMap<String, usize>,
    keyless: Option<usize>,
}

impl Rows {
    /// The index of the row of `key`, added when new.
    fn index(&mut self, key: Option<&str>) -> usize {
        let found = match key {
            None => self.keyless,
            Some(key) => self.by_key.get(key).copied(),
        };
        if let Some(index) = found {
            return index;
        }
        let index = self.rows.len();
        self.rows.push(CostRow {
            key: key.map(str::to_owned),
            ..CostRow::default()
        });
        match key {
            None => self.keyless = Some(index),
            Some(key) => {
                self.by_key.insert(key.to_owned(), index);
            }
        }
        index
    }

    fn add(&mut self, key: Option<&str>, run: &RunCost<'_>) {
        let index = self.index(key);
        self.rows[index].add(run);
    }
}

/// The tags of each run, read in run id order beside the runs.
struct TagsInRunOrder<'s> {
    found: Found<'s>,
    /// A tag read and not yet handed out: its run and its name.
    next: Option<(i64, String)>,
}

impl TagsInRunOrder<'_> {
    /// Fills `tags` with the tags of run `id`; `id`s must come in
    /// ascending order.
    fn of(&mut self, id: i64, tags: &mut Vec<String>) -> rusqlite::Result<()> {
        tags.clear();
        loop {
            let (run, tag) = match self.next.take() {
                Some(next) => next,
                None => match self.found.next()? {
                    Some(row) => (row.get(0)?, row.get(1)?),
                    None => return Ok(()),
                },
            };
            match run.cmp(&id) {
                // A run left out of the report by its time.
                Ordering::Less => {}
                Ordering::Equal => tags.push(tag),
                Ordering::Greater => {
                    self.next = Some((run, tag));
                    return Ok(());
                }
            }
        }
    }
}

impl Store {
    /// The cost of the runs that started at or after `since_ms`, with days
    /// in the local time zone.
    pub fn cost_report(&self, since_ms: Option<i64>, by: Grouping) -> Result<Report> {
        self.cost_report_in(since_ms, by, &TimeZone::system())
    }

    fn cost_report_in(&self, since_ms: Option<i64>, by: Grouping, tz: &TimeZone) -> Result<Report> {
        let since = since_ms.unwrap_or(i64::MIN);
        // The runs of a period are the ids from the first of them on (ids
        // follow the order the runs ended, not quite the order they began).
        let first: Option<i64> = match since_ms {
            None => Some(i64::MIN),
            Some(since) => self.conn.query_row(
                "SELECT min(id) FROM runs INDEXED BY runs_started_at WHERE started_at >= ?1",
                [since],
                |row| row.get(0),
            )?,
        };
        let Some(first) = first else {
            return Ok(Report::default());
        };
        let mut run_costs = self.conn.prepare(RUN_COSTS)?;
        let mut found = run_costs.query([first, since])?;
        let mut tag_statement = match by {
            Grouping::Tag => Some(self.conn.prepare(TAGS_IN_RUN_ORDER)?),
            _ => None,
        };
        let mut tags_in_order = match &mut tag_statement {
            Some(statement) => Some(TagsInRunOrder {
                found: statement.query([first])?,
                next: None,
            }),
            None => None,
        };
        let mut rows = Rows::default();
        let mut total = CostRow::default();
        let mut unpriced_models = BTreeSet::new();
        let mut tags = Vec::new();
        // The day of the run before, and its row: runs come about in time
        // order, so that a day's row is looked up once a day.
        let mut local_days = days::LocalDays::new(tz);
        let mut last_day: Option<(Option<i64>, usize)> = None;
        while let Some(row) = found.next()? {
            let count = |i: usize| -> rusqlite::Result<u64> {
                Ok(u64::try_from(row.get::<_, i64>(i)?).unwrap_or(0))
            };
            let run = RunCost {
                id: row.get(0)?,
                started_at: row.get(1)?,
                command: row.get_ref(2)?.as_str()?,
                model: row.get_ref(3)?.as_str_or_null()?,
                tokens: [count(4)?, count(5)?, count(6)?, count(7)?],
                micros: row.get(8)?,
            };
            total.add(&run);
            if run.micros.is_none() {
                let model = run.model.unwrap_or("?");
                if !unpriced_models.contains(model) {
                    unpriced_models.insert(model.to_owned());
                }
            }
            match by {
                Grouping::Day => {
                    let day = local_days.number(run.started_at);
                    let index = match last_day {
                        Some((last, index)) if last == day => index,
                        _ => {
                            let date = days::local_date(run.started_at, tz);
                            let index = rows.index(date.map(|d| d.to_string()).as_deref());
                            last_day = Some((day, index));
                            index
                        }
                    };
                    rows.rows[index].add(&run);
                }
                Grouping::Model => rows.add(run.model, &run),
                Grouping::Command => rows.add(Some(run.command), &run),
                Grouping::Tag => {
                    if let Some(in_order) = &mut tags_in_order {
                        in_order.of(run.id, &mut tags)?;
                    }
                    if tags.is_empty() {
                        rows.add(None, &run);
                    }
                    for tag in &tags {
                        rows.add(Some(tag), &run);
                    }
                }
            }
        }
        let mut rows = rows.rows;
        match by {
            Grouping::Day => rows.sort_by(|a, b| a.key.cmp(&b.key)),
            _ => rows.sort_by(|a, b| b.micros.cmp(&a.micros).then_with(|| a.key.cmp(&b.key))),
        }
        Ok(Report {
            rows,
            total,
            unpriced_models: unpriced_models.into_iter().collect(),
        })
    }

    /// What the runs that started today (local time) cost, in millionths
    /// of a USD. Runs of models with no known price count as nothing.
    pub fn spent_today_micros(&self) -> Result<i64> {
        self.spent_since_micros(days::today_start_ms(&TimeZone::system())?)
    }

    fn spent_since_micros(&self, since_ms: i64) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT coalesce(sum(cost_micros), 0) FROM runs WHERE started_at >= ?1",
            [since_ms],
            |row| row.get(0),
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::record::{Run, Tokens, unix_ms};
    use crate::ledger::store::tests::{plan, temp_path};

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

    /// The report as SQL's GROUP BY makes it, days in UTC: what the one
    /// pass must equal.
    fn grouped_by_sql(store: &Store, since: i64, by: Grouping) -> Report {
        let (key, join, order) = match by {
            Grouping::Day => ("date(r.started_at / 1000, 'unixepoch')", "", "1"),
            Grouping::Model => ("coalesce(r.model, r.model_asked)", "", "7 DESC, 1"),
            Grouping::Tag => ("t.tag", "LEFT JOIN tags t ON t.run_id = r.id", "7 DESC, 1"),
            Grouping::Command => ("r.command", "", "7 DESC, 1"),
        };
        let sums = "count(*), sum(r.input_tokens), sum(r.output_tokens),
            sum(r.cache_write_tokens), sum(r.cache_read_tokens), coalesce(sum(r.cost_micros), 0),
            count(*) - count(r.cost_micros)";
        let read = |row: &rusqlite::Row<'_>| -> rusqlite::Result<CostRow> {
            let count =
                |i| Ok::<_, rusqlite::Error>(row.get::<_, Option<i64>>(i)?.unwrap_or(0) as u64);
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
        };
        let conn = &store.conn;
        let rows = conn
            .prepare(&format!(
                "SELECT {key}, {sums} FROM runs r {join} WHERE r.started_at >= ?1
                 GROUP BY 1 ORDER BY {order}"
            ))
            .unwrap()
            .query_map([since], read)
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap();
        let total = conn
            .query_row(
                &format!("SELECT NULL, {sums} FROM runs r WHERE r.started_at >= ?1"),
                [since],
                read,
            )
            .unwrap();
        let unpriced_models = conn
            .prepare(
                "SELECT DISTINCT coalesce(r.model, r.model_asked, '?') FROM runs r
                 WHERE r.started_at >= ?1 AND r.cost_micros IS NULL ORDER BY 1",
            )
            .unwrap()
            .query_map([since], |row| row.get(0))
            .unwrap()
            .collect::<rusqlite::Result<Vec<String>>>()
            .unwrap();
        Report {
            rows,
            total,
            unpriced_models,
        }
    }

    #[test]
    fn one_pass_sums_what_group_by_sums() {
        let store = Store::create(&temp_path("group-by")).unwrap();
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut below = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        const DAY: i64 = 86_400_000;
        const START: i64 = 1_700_000_000_000;
        let models = [
            Some("claude-haiku-4-5"),
            Some("claude-opus-5"),
            Some("mystery"),
            None,
        ];
        let runs: Vec<Run> = (0..600)
            .map(|_| {
                let model = models[below(4) as usize];
                Run {
                    // Forty days, in no order: ids do not follow time.
                    started_at_ms: START + below(40 * DAY as u64) as i64,
                    command: ["ask", "chat", "batch"][below(3) as usize].into(),
                    model_asked: (below(2) == 0).then(|| "asked-for".into()),
                    model: model.map(Into::into),
                    tokens: Tokens {
                        input: below(5000),
                        output: below(900),
                        cache_write: below(50),
                        cache_read: below(70),
                        server_tool_requests: 0,
                    },
                    cost_micros: (model != Some("mystery") && below(10) > 0)
                        .then(|| below(100_000) as i64),
                    tags: ["ci", "night", "x", "é"]
                        .into_iter()
                        .filter(|_| below(4) == 0)
                        .map(Into::into)
                        .collect(),
                    ..Run::default()
                }
            })
            .collect();
        for chunk in runs.chunks(7) {
            store.insert_all(chunk.iter()).unwrap();
        }
        for since in [
            None,
            Some(START + 10 * DAY + 12_345),
            Some(START + 39 * DAY),
            Some(i64::MAX),
        ] {
            for by in [
                Grouping::Day,
                Grouping::Model,
                Grouping::Tag,
                Grouping::Command,
            ] {
                let report = store.cost_report_in(since, by, &TimeZone::UTC).unwrap();
                let expected = grouped_by_sql(&store, since.unwrap_or(i64::MIN), by);
                assert_eq!(report, expected, "{by:?} since {since:?}");
                if since < Some(START + 39 * DAY) {
                    assert!(report.rows.len() > 2, "{by:?} since {since:?}");
                    assert!(report.total.unpriced > 0);
                }
            }
            // Local days where the clocks change twice in the forty (on 19
            // November and 3 December 2023), against each run's own date.
            let tz = TimeZone::posix("EST5EDT,M11.3.0,M12.1.0").unwrap();
            let mut expected: std::collections::BTreeMap<Option<String>, (u64, i64)> =
                Default::default();
            for run in runs.iter().filter(|r| Some(r.started_at_ms) >= since) {
                let day = days::local_date(run.started_at_ms, &tz).map(|d| d.to_string());
                let row = expected.entry(day).or_default();
                row.0 += 1;
                row.1 += run.cost_micros.unwrap_or(0);
            }
            let report = store.cost_report_in(since, Grouping::Day, &tz).unwrap();
            let found: Vec<_> = report
                .rows
                .into_iter()
                .map(|r| (r.key, (r.requests, r.micros)))
                .collect();
            assert_eq!(found, expected.into_iter().collect::<Vec<_>>(), "{since:?}");
        }
    }

    #[test]
    fn days_are_local_days_and_end_at_local_midnight() {
        use jiff::civil::date;
        let tz = TimeZone::posix("EST5EDT,M3.2.0,M11.1.0").unwrap();
        let start = |day| days::day_start_ms(day, &tz).unwrap();
        // 2026-11-01 is 25 hours long in New York: the clocks go back.
        let (first, second) = (start(date(2026, 11, 1)), start(date(2026, 11, 2)));
        let store = Store::create(&temp_path("local-days")).unwrap();
        // Written newest first, so that the days come in reverse order.
        for (at, cost) in [
            (second, 1),
            (second - 1, 10),
            (first, 100),
            (first - 1, 1000),
        ] {
            store.insert(&run("m", "ask", Some(cost), &[], at)).unwrap();
        }
        let report = store.cost_report_in(None, Grouping::Day, &tz).unwrap();
        let days: Vec<_> = report
            .rows
            .iter()
            .map(|r| (r.key.as_deref().unwrap(), r.requests, r.micros))
            .collect();
        assert_eq!(
            days,
            [
                ("2026-10-31", 1, 1000),
                ("2026-11-01", 2, 110),
                ("2026-11-02", 1, 1)
            ]
        );
        // In UTC the first run is on 1 November already.
        let utc = store
            .cost_report_in(None, Grouping::Day, &TimeZone::UTC)
            .unwrap();
        assert_eq!(utc.rows[0].key.as_deref(), Some("2026-11-01"));
        assert_eq!(store.spent_since_micros(first).unwrap(), 111);
        let since_first = store
            .cost_report_in(Some(first), Grouping::Day, &tz)
            .unwrap();
        assert_eq!(since_first.total.micros, 111);
    }

    #[test]
    fn a_run_outside_the_calendar_is_counted_under_no_day() {
        let store = Store::create(&temp_path("no-day")).unwrap();
        store
            .insert(&run("m", "ask", Some(5), &[], i64::MAX))
            .unwrap();
        store.insert(&run("m", "ask", Some(7), &[], 0)).unwrap();
        let report = store
            .cost_report_in(None, Grouping::Day, &TimeZone::UTC)
            .unwrap();
        let days: Vec<_> = report
            .rows
            .iter()
            .map(|r| (r.key.as_deref(), r.micros))
            .collect();
        assert_eq!(days, [(None, 5), (Some("1970-01-01"), 7)]);
    }

    #[test]
    fn a_report_reads_the_cost_index_not_the_table() {
        let store = Store::create(&temp_path("plan")).unwrap();
        let runs = plan(&store.conn, RUN_COSTS, [0, 0]);
        assert_eq!(runs, "SEARCH runs USING COVERING INDEX runs_cost (id>?)");
        let tags = plan(&store.conn, TAGS_IN_RUN_ORDER, [0]);
        assert_eq!(
            tags,
            "SEARCH tags USING COVERING INDEX tags_run_id (run_id>?)"
        );
    }
}
