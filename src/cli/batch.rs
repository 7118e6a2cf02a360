//! `claude batch`: Message Batches.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::values::parse_positive_seconds;
use super::{DataFormat, LedgerArgs, MediaArgs, RequestArgs, help};

#[derive(Debug, Args)]
pub struct BatchArgs {
    #[command(subcommand)]
    pub action: BatchAction,
}

#[derive(Debug, Subcommand)]
pub enum BatchAction {
    /// Check a JSONL or text file of requests, send it as one batch, print its id
    #[command(after_help = help::after_help("batch submit"))]
    Submit(Box<BatchSubmitArgs>),
    /// Show a batch's status and its counts of requests by status
    #[command(after_help = help::after_help("batch status"))]
    Status(BatchIdArgs),
    /// Wait for a batch to end, with a progress bar on a terminal
    #[command(after_help = help::after_help("batch wait"))]
    Wait(BatchWaitArgs),
    /// Stream an ended batch's results as JSONL (-o text: custom_id<TAB>text)
    #[command(after_help = help::after_help("batch results"))]
    Results(BatchResultsArgs),
    /// List recent batches
    #[command(after_help = help::after_help("batch list"))]
    List(BatchListArgs),
    /// Cancel a batch
    #[command(after_help = help::after_help("batch cancel"))]
    Cancel(BatchIdArgs),
}

#[derive(Debug, Args)]
pub struct BatchSubmitArgs {
    /// JSONL ({"custom_id", "prompt"} or {"custom_id", "params"} per line) or text, one prompt per line
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Then wait for the batch to end and print its results
    #[arg(long)]
    pub wait: bool,

    /// Attach a file to every prompt line (repeatable); with --upload, stored once
    #[arg(
        short = 'f',
        long = "file",
        visible_alias = "attach",
        visible_short_alias = 'a',
        value_name = "PATH",
        help_heading = "Input",
        long_help = "Attach a file or an http(s) URL to every prompt line (repeatable), before \
                     the prompt, as with ask -f. With --upload an image or a PDF is uploaded \
                     once (or taken from the upload cache) and every line names the same \
                     stored file, so the batch's size follows the prompts, not the file; \
                     without it the file's base64 is copied into each line. params lines are \
                     sent as written."
    )]
    pub files: Vec<PathBuf>,

    #[command(flatten)]
    pub media: MediaArgs,

    #[command(flatten)]
    pub poll: PollArgs,

    #[command(flatten)]
    pub results: ResultsOutputArgs,

    #[command(flatten)]
    pub request: RequestArgs,

    #[command(flatten)]
    pub ledger: LedgerArgs,
}

#[derive(Debug, Args)]
pub struct BatchIdArgs {
    /// The batch id (msgbatch_...)
    #[arg(value_name = "ID")]
    pub id: String,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = DataFormat::Text, value_name = "FORMAT")]
    pub output: DataFormat,
}

#[derive(Debug, Args)]
pub struct BatchWaitArgs {
    /// The batch id (msgbatch_...)
    #[arg(value_name = "ID")]
    pub id: String,

    #[command(flatten)]
    pub poll: PollArgs,
}

#[derive(Debug, Args)]
pub struct BatchResultsArgs {
    /// The batch id (msgbatch_...)
    #[arg(value_name = "ID")]
    pub id: String,

    #[command(flatten)]
    pub results: ResultsOutputArgs,

    #[command(flatten)]
    pub ledger: LedgerArgs,
}

#[derive(Debug, Args)]
pub struct BatchListArgs {
    /// Output format
    #[arg(short, long, value_enum, default_value_t = DataFormat::Text, value_name = "FORMAT")]
    pub output: DataFormat,
}

/// How often `wait` asks.
#[derive(Debug, Args)]
pub struct PollArgs {
    /// Seconds before the first status check; the wait grows to a minute
    #[arg(long, default_value = "2", value_name = "SECS", value_parser = parse_positive_seconds)]
    pub poll_interval: f64,
}

/// How results are printed.
#[derive(Debug, Args)]
pub struct ResultsOutputArgs {
    /// Results as JSONL (json) or as custom_id<TAB>text lines (text)
    #[arg(short, long, value_enum, default_value_t = DataFormat::Json, value_name = "FORMAT")]
    pub output: DataFormat,

    /// After the results, tokens and cost at batch prices on stderr
    #[arg(short, long)]
    pub usage: bool,
}
