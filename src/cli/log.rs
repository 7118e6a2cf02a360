//! `claude log`: the run ledger, listed, searched, shown and pruned.

use clap::{Args, Subcommand};

use super::values::{parse_run_id, parse_since};
use super::{DataFormat, help};
use crate::ledger::Since;

#[derive(Debug, Args)]
pub struct LogArgs {
    #[command(subcommand)]
    pub action: Option<LogAction>,

    #[command(flatten)]
    pub list: LogListArgs,
}

#[derive(Debug, Subcommand)]
pub enum LogAction {
    /// Print one run whole: prompt, reply, tokens, cost, timings
    #[command(after_help = help::after_help("log show"))]
    Show(LogShowArgs),
    /// Delete the runs older than a period, and give their space back
    #[command(after_help = help::after_help("log prune"))]
    Prune(LogPruneArgs),
    /// Print the ledger file's path
    #[command(after_help = help::after_help("log path"))]
    Path,
}

/// Which runs `claude log` lists.
#[derive(Debug, Args)]
pub struct LogListArgs {
    /// How many runs to list, the newest first
    #[arg(
        short = 'n',
        long = "count",
        default_value_t = 10,
        value_name = "N",
        value_parser = clap::value_parser!(u32).range(1..)
    )]
    pub count: u32,

    /// Only runs whose prompt or reply has all these words (word* for a prefix)
    #[arg(short = 'q', long = "query", value_name = "TEXT")]
    pub query: Option<String>,

    /// Only runs since then: 7d, 12h, 2w, or a date (2026-11-01)
    #[arg(long, value_name = "WHEN", value_parser = parse_since)]
    pub since: Option<Since>,

    /// Only runs of this model (an id or an alias)
    #[arg(short, long, value_name = "MODEL")]
    pub model: Option<String>,

    /// Only runs with this tag
    #[arg(long, value_name = "NAME")]
    pub tag: Option<String>,

    /// Only runs of this chat session
    #[arg(long, value_name = "NAME")]
    pub session: Option<String>,

    /// Only runs that did not exit 0
    #[arg(long)]
    pub failed: bool,

    /// Output format (json: JSON Lines, one run per line)
    #[arg(short, long, value_enum, default_value_t = DataFormat::Text, value_name = "FORMAT")]
    pub output: DataFormat,
}

#[derive(Debug, Args)]
pub struct LogShowArgs {
    /// The run's id, as claude log lists it
    #[arg(value_name = "ID", value_parser = parse_run_id)]
    pub id: i64,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = DataFormat::Text, value_name = "FORMAT")]
    pub output: DataFormat,
}

#[derive(Debug, Args)]
pub struct LogPruneArgs {
    /// Delete the runs older than this: 90d, 12w, or a date (2026-01-01)
    #[arg(long, value_name = "WHEN", value_parser = parse_since, required = true)]
    pub older_than: Since,
}
