//! `claude cost`: spending from the ledger.

use clap::{Args, ValueEnum};

use super::DataFormat;
use super::values::parse_since;
use crate::ledger::Since;

#[derive(Debug, Args)]
pub struct CostArgs {
    /// Count the runs since then: 30d, 12h, 2w, or a date (2026-11-01)
    #[arg(long, value_name = "WHEN", value_parser = parse_since, default_value = "30d")]
    pub since: Since,

    /// Count every run in the ledger, however old
    #[arg(long, conflicts_with = "since")]
    pub all: bool,

    /// One row per local day, model, tag or command
    #[arg(long, value_enum, default_value_t = CostBy::Day, value_name = "WHAT")]
    pub by: CostBy,

    /// Output format (json: JSON Lines, one row per line, the total last)
    #[arg(short, long, value_enum, default_value_t = DataFormat::Text, value_name = "FORMAT")]
    pub output: DataFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CostBy {
    Day,
    Model,
    Tag,
    Command,
}
