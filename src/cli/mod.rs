//! The command line, as clap derive types. Definitions and help text only:
//! behaviour lives in `cmd/`, and `settings` turns these types into resolved
//! settings so that nothing past it sees clap.
//!
//! Layout: this file holds the root command and the list of subcommands;
//! each subcommand's arguments have a file of their own (`ask`, `batch`,
//! ...), the option groups several share are in `options` (and `tools`,
//! `local_tools`, `connection`), the value types and their parsers in
//! `values`, the help's teaching text in `help`. The rest is what happens
//! around clap: `implied` rewrites the raw arguments (the bare prompt),
//! `parse` parses and words the errors, `complete` offers values to Tab.
//!
//! Conventions: every flag has a one-line `help`; flags whose meaning needs
//! more have a `long_help`; every subcommand ends its help with examples;
//! environment values are never shown in help (they may be secrets, and
//! help should not change with the caller's environment).

mod ask;
mod batch;
mod chat;
pub mod complete;
mod completions;
mod config;
mod connection;
mod cost;
mod count;
mod files;
pub mod help;
mod implied;
mod local_tools;
mod log;
mod models;
mod options;
mod parse;
mod tools;
mod values;
mod vision;

use clap::{Parser, Subcommand};

pub use ask::AskArgs;
pub use batch::{
    BatchAction, BatchArgs, BatchIdArgs, BatchListArgs, BatchResultsArgs, BatchSubmitArgs,
    BatchWaitArgs, PollArgs, ResultsOutputArgs,
};
pub use chat::ChatArgs;
pub use completions::CompletionsArgs;
pub use config::{ConfigAction, ConfigArgs};
pub use connection::ConnectionArgs;
pub use cost::{CostArgs, CostBy};
pub use count::CountArgs;
pub use files::{
    FileIdArgs, FilesAction, FilesArgs, FilesDeleteArgs, FilesDownloadArgs, FilesForgetArgs,
    FilesListArgs, FilesUploadArgs,
};
pub use implied::{CommandLine, with_implied_ask};
pub use local_tools::{LocalToolArgs, ToolsAction, ToolsArgs, ToolsListArgs, ToolsShowArgs};
pub use log::{LogAction, LogArgs, LogListArgs, LogPruneArgs, LogShowArgs};
pub use models::ModelsArgs;
pub use options::{
    InputArgs, LedgerArgs, MediaArgs, OutputArgs, RequestArgs, StdinArgs, StoredFileArgs,
};
pub use parse::usage_error;
pub use tools::{MAX_CONTINUATIONS, ServerToolArgs, TurnArgs};
pub use values::{
    CacheTtlArg, DataFormat, EffortArg, Origin, OutputFormat, RenderWhen, ThemeArg, Thinking,
    UrlKindArg,
};
pub use vision::VisionArgs;

/// The default API version (see shared/api-facts.md, last section).
pub const DEFAULT_API_VERSION: &str = "2026-10-21";
pub const DEFAULT_BASE_URL: &str = "https://api.anthropic.com";

/// A Unix-style client for the Claude Messages API.
#[derive(Debug, Parser)]
#[command(
    name = "claude",
    version,
    about,
    override_usage = help::MAIN_USAGE,
    after_help = help::main_after_help(),
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub connection: ConnectionArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Send one request: the prompt from arguments, stdin and files.
    #[command(long_about = help::ASK_ABOUT, after_help = help::after_help("ask"))]
    Ask(AskArgs),
    /// Describe or question images (files, - for stdin, or URLs).
    #[command(
        long_about = help::VISION_ABOUT,
        after_help = help::after_help("vision")
    )]
    Vision(VisionArgs),
    /// Count the input tokens of the request ask would send.
    #[command(
        long_about = help::COUNT_ABOUT,
        after_help = help::after_help("count")
    )]
    Count(CountArgs),
    /// Talk in turns: a REPL on a terminal, one turn per call from a pipe.
    #[command(
        long_about = help::CHAT_ABOUT,
        after_help = help::after_help("chat")
    )]
    Chat(ChatArgs),
    /// List the models the key can use, or show one.
    #[command(
        long_about = help::MODELS_ABOUT,
        after_help = help::after_help("models")
    )]
    Models(ModelsArgs),
    /// Message Batches: many requests at half price, run by the API.
    #[command(
        long_about = help::BATCH_ABOUT,
        after_help = help::after_help("batch")
    )]
    Batch(BatchArgs),
    /// Files API: upload once, then name the file in any request.
    #[command(
        long_about = help::FILES_ABOUT,
        after_help = help::after_help("files")
    )]
    Files(FilesArgs),
    /// Show the local tools that -T turns on.
    #[command(
        long_about = help::TOOLS_ABOUT,
        after_help = help::after_help("tools")
    )]
    Tools(ToolsArgs),
    /// Search and show past runs from the local ledger.
    #[command(
        long_about = help::LOG_ABOUT,
        after_help = help::after_help("log"),
        args_conflicts_with_subcommands = true
    )]
    Log(LogArgs),
    /// What the runs in the ledger cost, by day, model, tag or command.
    #[command(
        long_about = help::COST_ABOUT,
        after_help = help::after_help("cost")
    )]
    Cost(CostArgs),
    /// Show where the config file is, or the settings in effect.
    #[command(
        long_about = help::CONFIG_ABOUT,
        after_help = help::after_help("config")
    )]
    Config(ConfigArgs),
    /// Print a shell completion script.
    #[command(
        long_about = help::COMPLETIONS_ABOUT,
        after_help = help::after_help("completions")
    )]
    Completions(CompletionsArgs),
}
