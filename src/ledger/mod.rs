//! The run ledger: every model request that `ask`, `vision`, `chat` and
//! `batch results` make, kept in a SQLite file so that answers can be found
//! again (`claude log`), spending reported (`claude cost`), and a daily
//! budget enforced before a request is sent.
//!
//! `store` opens the file and migrates its schema, `record` turns one
//! request into a row, `query` lists, searches and prunes, `cost` sums,
//! and `days` says where local days begin.
//! Commands never write SQL: they hand a [`TurnLog`] to the conversation
//! driver as its request hook, which checks the budget before each request
//! and writes its row after.
//!
//! The ledger never costs the user an answer: a file that is locked,
//! corrupt, full or read-only is one warning line, and the run goes on.
//! The budget is the exception: an unknown spend is not a spend under the
//! budget, so a budget with an unreadable ledger stops the run (exit 12).

mod cost;
mod days;
mod query;
mod record;
mod store;

use std::cell::{Cell, RefCell};
use std::path::PathBuf;

pub use cost::{CostRow, Grouping, Report};
pub use query::{Filter, Since, Stored, fts_query};
pub use record::{Run, Tokens, TurnFacts, batch_result};
pub use store::Store;

use crate::api::types::{MessageRequest, Usage};
use crate::error::Error;
use crate::input::Described;
use crate::output;
use crate::turn::{RequestHook, Sent, Step};

/// `claude-cli/ledger.db` under the data directory: `$XDG_DATA_HOME`, or
/// the platform's (`~/.local/share` on Linux), as for chat sessions.
pub fn default_path(env: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    env("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(dirs::data_dir)
        .map(|data| data.join("claude-cli").join("ledger.db"))
}

/// What the ledger does in this run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// `None` when there is no data directory to keep it in.
    pub path: Option<PathBuf>,
    /// Write a row per request (off with `--no-log`, `CLAUDE_NO_LOG=1` or
    /// `log = false`).
    pub record: bool,
    /// The daily budget, unless `--ignore-budget`.
    pub budget: Option<Budget>,
    /// `--tag`, on every row this run writes.
    pub tags: Vec<String>,
}

/// A daily spending limit.
#[derive(Debug, Clone, PartialEq)]
pub struct Budget {
    pub daily_usd: f64,
    /// Where it was set, for the message that stops a run.
    pub source: &'static str,
}

/// The ledger of one command: opened when first needed, kept open.
pub struct Ledger {
    options: Options,
    store: RefCell<Option<Store>>,
    warned: Cell<bool>,
}

impl Ledger {
    pub fn new(options: Options) -> Ledger {
        Ledger {
            options,
            store: RefCell::new(None),
            warned: Cell::new(false),
        }
    }

    /// Runs `f` on the open store, opening it first: created when `create`,
    /// otherwise `None` when there is no file.
    fn with_store<T>(
        &self,
        create: bool,
        f: impl FnOnce(&Store) -> anyhow::Result<T>,
    ) -> anyhow::Result<Option<T>> {
        let Some(path) = &self.options.path else {
            anyhow::bail!("there is no data directory for it: set XDG_DATA_HOME or HOME");
        };
        let mut slot = self.store.borrow_mut();
        if slot.is_none() {
            *slot = if create {
                Some(Store::create(path)?)
            } else {
                Store::open_existing(path)?
            };
        }
        slot.as_ref().map(f).transpose()
    }

    /// Before each model request: refuses (exit 12) when today's spending
    /// has reached the daily budget, or cannot be read.
    pub fn check_budget(&self) -> Result<(), Error> {
        let Some(budget) = &self.options.budget else {
            return Ok(());
        };
        let limit = format!(
            "the ${} daily budget ({})",
            dollars(budget.daily_usd),
            budget.source
        );
        let spent = self
            .with_store(false, Store::spent_today_micros)
            .map_err(|e| {
                Error::Budget(format!(
                    "cannot check {limit}: the ledger{} cannot be read ({e:#}); the request was \
                     not sent (--ignore-budget sends it anyway)",
                    self.shown_path()
                ))
            })?
            .unwrap_or(0);
        let spent_usd = spent as f64 / 1e6;
        if spent_usd >= budget.daily_usd {
            return Err(Error::Budget(format!(
                "budget reached: ${spent_usd:.6} spent today, {limit}; the request was not sent \
                 (--ignore-budget sends it anyway)"
            )));
        }
        Ok(())
    }

    /// ` PATH`, for messages.
    fn shown_path(&self) -> String {
        self.options
            .path
            .as_deref()
            .map(|path| format!(" {}", path.display()))
            .unwrap_or_default()
    }

    /// The log of one turn: `command` (`ask`, `vision`, `chat`), the chat
    /// session, what the user said, the system prompt, and whether the
    /// reply must be JSON. Attachments are hashed here, once, and only when
    /// the run is kept.
    pub fn turn(
        &self,
        command: &'static str,
        session: Option<String>,
        described: &Described,
        system: Option<&str>,
        structured: bool,
    ) -> TurnLog<'_> {
        let facts = if self.options.record {
            TurnFacts::new(command, session, described, system, structured)
        } else {
            TurnFacts::default()
        };
        TurnLog {
            ledger: self,
            facts,
            usage: Usage::default(),
            billed_micros: 0,
        }
    }

    /// Whether this run writes rows (which keep the reply's text).
    pub fn records(&self) -> bool {
        self.options.record && self.options.path.is_some()
    }

    /// Writes rows, with this run's tags. A failure is one warning line.
    pub fn record(&self, runs: &mut [Run]) {
        if !self.options.record || runs.is_empty() {
            return;
        }
        for run in runs.iter_mut() {
            run.tags.clone_from(&self.options.tags);
        }
        let written = self.with_store(true, |store| match runs {
            [run] => store.insert(run).map(|_| ()),
            runs => store.insert_all(runs.iter()).map(|_| ()),
        });
        if let Err(error) = written
            && !self.warned.replace(true)
        {
            output::note(format!(
                "warning: this run is not in the ledger{}: {error:#}",
                self.shown_path()
            ));
        }
    }
}

/// `5.00`, `2.50`, or as many decimals as the amount has (`0.0015`).
fn dollars(usd: f64) -> String {
    let cents = format!("{usd:.2}");
    if cents.parse::<f64>().is_ok_and(|c| c == usd) {
        cents
    } else {
        usd.to_string()
    }
}

/// The ledger's hook into the conversation driver for one turn: the
/// budget is checked before each request, and each request is written
/// when it ends, continuations included.
pub struct TurnLog<'a> {
    ledger: &'a Ledger,
    facts: TurnFacts,
    /// The usage of the turn's requests so far, and what it was billed.
    usage: Usage,
    billed_micros: i64,
}

impl RequestHook for TurnLog<'_> {
    fn before_send(&mut self, _: Step, _: &MessageRequest) -> Result<(), Error> {
        self.ledger.check_budget()
    }

    fn after_send(&mut self, sent: &Sent<'_>) {
        let Some(mut run) = record::request_run(&self.facts, sent) else {
            return;
        };
        // `--usage` prices a turn's summed usage, rounded once: each row
        // holds what its request added to that figure, so that the rows
        // of a continued turn add up to exactly what was printed.
        if let Ok(reply) = sent.result {
            self.usage.add(&reply.message.usage);
            if let Some(total) = record::cost_micros(&self.usage, reply.message.model_name(), false)
                && run.cost_micros.is_some()
            {
                run.cost_micros = Some(total - self.billed_micros);
                self.billed_micros = total;
            }
        }
        self.ledger.record(&mut [run]);
    }
}
