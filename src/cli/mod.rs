//! The command line, as clap derive types. Definitions and help text only:
//! behaviour lives in `cmd/`, and `settings` turns these types into resolved
//! settings so that nothing past it sees clap.
//!
//! Conventions: every flag has a one-line `help`; flags whose meaning needs
//! more have a `long_help`; every subcommand ends its help with examples;
//! environment values are never shown in help (they may be secrets, and
//! help should not change with the caller's environment).

mod complete;
pub mod help;
mod implied;
mod local_tools;
mod tools;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::ledger::Since;
pub use implied::with_implied_ask;
pub use local_tools::{LocalToolArgs, ToolsAction, ToolsArgs, ToolsListArgs, ToolsShowArgs};
pub use tools::{MAX_CONTINUATIONS, ServerToolArgs, TurnArgs};

/// The default API version (see shared/api-facts.md, last section).
pub const DEFAULT_API_VERSION: &str = "2026-10-21";
pub const DEFAULT_BASE_URL: &str = "https://api.anthropic.com";

/// A Unix-style client for the Claude Messages API.
#[derive(Debug, Parser)]
#[command(
    name = "claude",
    version,
    about,
    after_help = help::main_after_help(),
    propagate_version = true,
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
    #[command(long_about = help::ASK_ABOUT, after_help = help::examples(help::ASK_EXAMPLES))]
    Ask(AskArgs),
    /// Describe or question images (files, - for stdin, or URLs).
    #[command(
        long_about = help::VISION_ABOUT,
        after_help = help::examples(help::VISION_EXAMPLES)
    )]
    Vision(VisionArgs),
    /// Count the input tokens of the request ask would send.
    #[command(
        long_about = help::COUNT_ABOUT,
        after_help = help::examples(help::COUNT_EXAMPLES)
    )]
    Count(CountArgs),
    /// Talk in turns: a REPL on a terminal, one turn per call from a pipe.
    #[command(
        long_about = help::CHAT_ABOUT,
        after_help = help::examples(help::CHAT_EXAMPLES)
    )]
    Chat(ChatArgs),
    /// List the models the key can use, or show one.
    #[command(
        long_about = help::MODELS_ABOUT,
        after_help = help::examples(help::MODELS_EXAMPLES)
    )]
    Models(ModelsArgs),
    /// Message Batches: many requests at half price, run by the API.
    #[command(
        long_about = help::BATCH_ABOUT,
        after_help = help::examples(help::BATCH_EXAMPLES)
    )]
    Batch(BatchArgs),
    /// Files API: upload once, then name the file in any request.
    #[command(
        long_about = help::FILES_ABOUT,
        after_help = help::examples(help::FILES_EXAMPLES)
    )]
    Files(FilesArgs),
    /// Show the local tools that -T turns on.
    #[command(
        long_about = help::TOOLS_ABOUT,
        after_help = help::examples(help::TOOLS_EXAMPLES)
    )]
    Tools(ToolsArgs),
    /// Search and show past runs from the local ledger.
    #[command(
        long_about = help::LOG_ABOUT,
        after_help = help::examples(help::LOG_EXAMPLES),
        args_conflicts_with_subcommands = true
    )]
    Log(LogArgs),
    /// What the runs in the ledger cost, by day, model, tag or command.
    #[command(
        long_about = help::COST_ABOUT,
        after_help = help::examples(help::COST_EXAMPLES)
    )]
    Cost(CostArgs),
    /// Show where the config file is, or the settings in effect.
    #[command(
        long_about = help::CONFIG_ABOUT,
        after_help = help::examples(help::CONFIG_EXAMPLES)
    )]
    Config(ConfigArgs),
    /// Print a shell completion script.
    #[command(
        long_about = help::COMPLETIONS_ABOUT,
        after_help = help::examples(help::COMPLETIONS_EXAMPLES)
    )]
    Completions(CompletionsArgs),
}

/// Connection options, shared by every subcommand.
#[derive(Debug, Args)]
pub struct ConnectionArgs {
    /// API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token)
    #[arg(
        long,
        env = "ANTHROPIC_API_KEY",
        hide_env_values = true,
        global = true,
        value_name = "KEY",
        value_parser = clap::value_parser!(std::ffi::OsString),
        help_heading = "Connection"
    )]
    /// Raw bytes: a key that is not UTF-8 is reported as a problem with the
    /// key (in settings), not by clap as a problem with "the arguments".
    pub api_key: Option<std::ffi::OsString>,

    /// anthropic-version header; 2023-06-01 still works
    #[arg(
        long,
        env = "ANTHROPIC_API_VERSION",
        hide_env_values = true,
        default_value = DEFAULT_API_VERSION,
        global = true,
        value_name = "V",
        help_heading = "Connection"
    )]
    pub api_version: String,

    /// API base URL
    #[arg(
        long,
        env = "ANTHROPIC_BASE_URL",
        hide_env_values = true,
        default_value = DEFAULT_BASE_URL,
        global = true,
        value_name = "URL",
        help_heading = "Connection"
    )]
    pub base_url: String,

    /// Retries for 408, 409, 429, 5xx, 529 and network failures
    #[arg(
        long,
        default_value_t = 2,
        global = true,
        value_name = "N",
        value_parser = clap::value_parser!(u32).range(..=1000),
        help_heading = "Connection"
    )]
    pub max_retries: u32,

    /// Longest server-requested wait (retry-after) to sleep through
    #[arg(
        long,
        default_value = "60",
        global = true,
        value_name = "SECS",
        value_parser = parse_seconds,
        help_heading = "Connection",
        long_help = "Longest server-requested wait (retry-after, retry-after-ms) to sleep \
                     through before a retry. A longer request is not slept through: the \
                     command fails with the retryable exit code (8 or 9) and says how long \
                     the server asked to wait."
    )]
    pub max_retry_wait: f64,

    /// Seconds to wait for a connection and for each piece of the reply
    #[arg(
        long,
        default_value = "600",
        global = true,
        value_name = "SECS",
        value_parser = parse_positive_seconds,
        help_heading = "Connection",
        long_help = "Seconds to wait for a connection and for each piece of the reply. \
                     Like the official SDKs' read timeout, it bounds each silence, not the \
                     whole reply: a long stream that keeps sending never times out, a \
                     stalled one fails with exit 10."
    )]
    pub timeout: f64,

    /// Seconds the whole command may spend on the network, retries included
    #[arg(
        long,
        global = true,
        value_name = "SECS",
        value_parser = parse_positive_seconds,
        help_heading = "Connection",
        long_help = "Seconds the whole command may spend on the network, retries and waits \
                     included, like curl's --max-time. Past it the command stops with exit \
                     10, even when the server still sends, however slowly. Default: no limit."
    )]
    pub max_time: Option<f64>,

    /// When retries for 529/5xx are spent, send the request once to MODEL
    #[arg(
        long,
        global = true,
        value_name = "MODEL",
        value_parser = parse_model,
        help_heading = "Connection",
        add = clap_complete::ArgValueCandidates::new(complete::models)
    )]
    pub fallback_model: Option<String>,

    /// Log each HTTP attempt to stderr (-vv: with headers and the start of the body)
    #[arg(short, long, action = clap::ArgAction::Count, global = true, help_heading = "Connection")]
    pub verbose: u8,
}

#[derive(Debug, Args)]
pub struct AskArgs {
    /// The prompt; the words are joined with spaces
    #[arg(value_name = "PROMPT")]
    pub prompt: Vec<String>,

    /// Claude Code's print mode (`claude -p "…"`): ask always prints, so
    /// the flag is accepted for the habit and changes nothing.
    #[arg(short = 'p', long = "print", hide = true)]
    pub print: bool,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub request: RequestArgs,

    #[command(flatten)]
    pub turn: TurnArgs,

    #[command(flatten)]
    pub local_tools: LocalToolArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub ledger: LedgerArgs,
}

#[derive(Debug, Args)]
pub struct VisionArgs {
    /// Image files, - for image bytes on stdin, or http(s) URLs
    #[arg(value_name = "IMAGE", required = true)]
    pub images: Vec<PathBuf>,

    /// The question [default: "Describe this image." or, for several, "Describe these images."]
    #[arg(short, long, value_name = "PROMPT")]
    pub prompt: Option<String>,

    #[command(flatten)]
    pub stdin: StdinArgs,

    #[command(flatten)]
    pub media: MediaArgs,

    #[command(flatten)]
    pub request: RequestArgs,

    #[command(flatten)]
    pub turn: TurnArgs,

    #[command(flatten)]
    pub local_tools: LocalToolArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub ledger: LedgerArgs,
}

#[derive(Debug, Args)]
pub struct CountArgs {
    /// The prompt; the words are joined with spaces
    #[arg(value_name = "PROMPT")]
    pub prompt: Vec<String>,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub request: RequestArgs,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = DataFormat::Text, value_name = "FORMAT", help_heading = "Output")]
    pub output: DataFormat,

    /// Also print the estimated input cost in USD to stderr
    #[arg(long, help_heading = "Output")]
    pub cost: bool,
}

#[derive(Debug, Args)]
pub struct ChatArgs {
    /// Whether `-m` was on the command line, rather than ANTHROPIC_MODEL
    /// filling it in: only the flag switches a saved session's model.
    #[arg(skip)]
    pub model_on_command_line: bool,

    /// A message to send as one turn (with piped stdin before it)
    #[arg(value_name = "PROMPT")]
    pub prompt: Vec<String>,

    /// Name the session, or resume it if it exists
    #[arg(
        long,
        value_name = "NAME",
        help_heading = "Session",
        add = clap_complete::ArgValueCandidates::new(complete::sessions)
    )]
    pub session: Option<String>,

    /// Resume the most recently used session
    #[arg(
        short = 'c',
        long = "continue",
        conflicts_with = "session",
        help_heading = "Session"
    )]
    pub resume: bool,

    /// List saved sessions, the most recent first
    #[arg(long, conflicts_with_all = ["show", "delete", "session", "resume"], help_heading = "Session")]
    pub list: bool,

    /// Print a saved session as a transcript (-o json: the file)
    #[arg(long, value_name = "NAME", conflicts_with_all = ["delete", "session", "resume"], help_heading = "Session", add = clap_complete::ArgValueCandidates::new(complete::sessions))]
    pub show: Option<String>,

    /// Delete a saved session
    #[arg(long, value_name = "NAME", conflicts_with_all = ["session", "resume"], help_heading = "Session", add = clap_complete::ArgValueCandidates::new(complete::sessions))]
    pub delete: Option<String>,

    /// Let the server compact long conversations (context_management)
    #[arg(
        long,
        help_heading = "Session",
        long_help = "Turn on server-side compaction: the API summarises the start of a long \
                     conversation into a compaction block (context_management edit \
                     compact_20260112, beta compact-2026-01-12), which the session keeps and \
                     sends back. Without it, claude warns when a conversation nears the \
                     model's context window."
    )]
    pub compact: bool,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub request: RequestArgs,

    #[command(flatten)]
    pub turn: TurnArgs,

    #[command(flatten)]
    pub local_tools: LocalToolArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub ledger: LedgerArgs,
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    #[command(subcommand)]
    pub action: BatchAction,
}

#[derive(Debug, Subcommand)]
pub enum BatchAction {
    /// Check a JSONL or text file of requests, send it as one batch, print its id
    #[command(after_help = help::examples(help::BATCH_SUBMIT_EXAMPLES))]
    Submit(Box<BatchSubmitArgs>),
    /// Show a batch's status and its counts of requests by status
    #[command(after_help = help::examples(help::BATCH_STATUS_EXAMPLES))]
    Status(BatchIdArgs),
    /// Wait for a batch to end, with a progress bar on a terminal
    #[command(after_help = help::examples(help::BATCH_WAIT_EXAMPLES))]
    Wait(BatchWaitArgs),
    /// Stream an ended batch's results as JSONL (-o text: custom_id<TAB>text)
    #[command(after_help = help::examples(help::BATCH_RESULTS_EXAMPLES))]
    Results(BatchResultsArgs),
    /// List recent batches
    #[command(after_help = help::examples(help::BATCH_LIST_EXAMPLES))]
    List(BatchListArgs),
    /// Cancel a batch
    #[command(after_help = help::examples(help::BATCH_CANCEL_EXAMPLES))]
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

/// What the run ledger keeps of this run, and the daily budget.
#[derive(Debug, Args)]
#[command(next_help_heading = "History")]
pub struct LedgerArgs {
    /// Tag this run in the ledger, for claude log --tag and claude cost --by tag (repeatable)
    #[arg(long = "tag", value_name = "NAME")]
    pub tags: Vec<String>,

    /// Keep nothing of this run in the ledger
    #[arg(
        long,
        env = "CLAUDE_NO_LOG",
        hide_env_values = true,
        value_parser = clap::builder::FalseyValueParser::new(),
        long_help = "Keep nothing of this run in the ledger (claude log). CLAUDE_NO_LOG=1 \
                     does the same, and so does log = false in the config file."
    )]
    pub no_log: bool,

    /// Send even when the daily budget is reached
    #[arg(
        long,
        long_help = "Send even when today's spending has reached the daily budget \
                     ([budget] daily_usd in the config file, or CLAUDE_DAILY_BUDGET_USD), or \
                     when the ledger that holds it cannot be read. Without it, such a run \
                     exits 12 and sends nothing."
    )]
    pub ignore_budget: bool,
}

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
    #[command(after_help = help::examples(help::LOG_SHOW_EXAMPLES))]
    Show(LogShowArgs),
    /// Delete the runs older than a period, and give their space back
    #[command(after_help = help::examples(help::LOG_PRUNE_EXAMPLES))]
    Prune(LogPruneArgs),
    /// Print the ledger file's path
    #[command(after_help = help::examples(help::LOG_PATH_EXAMPLES))]
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
    #[arg(value_name = "ID")]
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

#[derive(Debug, Args)]
pub struct FilesArgs {
    #[command(subcommand)]
    pub action: FilesAction,
}

#[derive(Debug, Subcommand)]
pub enum FilesAction {
    /// Upload files, read from disk as they are sent; print their ids
    #[command(after_help = help::examples(help::FILES_UPLOAD_EXAMPLES))]
    Upload(FilesUploadArgs),
    /// List the stored files (--cached: the local upload cache)
    #[command(after_help = help::examples(help::FILES_LIST_EXAMPLES))]
    List(FilesListArgs),
    /// Show a stored file's metadata
    #[command(after_help = help::examples(help::FILES_INFO_EXAMPLES))]
    Info(FileIdArgs),
    /// Delete stored files
    #[command(after_help = help::examples(help::FILES_DELETE_EXAMPLES))]
    Delete(FilesDeleteArgs),
    /// Write a stored file's content to stdout or to a file
    #[command(after_help = help::examples(help::FILES_DOWNLOAD_EXAMPLES))]
    Download(FilesDownloadArgs),
    /// Drop entries from the local upload cache (the stored files stay)
    #[command(after_help = help::examples(help::FILES_FORGET_EXAMPLES))]
    Forget(FilesForgetArgs),
}

#[derive(Debug, Args)]
pub struct FilesUploadArgs {
    /// Files to upload, at most 500 MB each
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    /// Delete the stored files after this long: 1h to 90d (3600, 90m, 12h, 7d)
    #[arg(long, value_name = "DURATION", value_parser = parse_expiry)]
    pub expires: Option<u64>,

    /// Output: the ids, one per line (text), or the API's metadata (json)
    #[arg(short, long, value_enum, default_value_t = DataFormat::Text, value_name = "FORMAT")]
    pub output: DataFormat,
}

#[derive(Debug, Args)]
pub struct FilesListArgs {
    /// List the local upload cache instead: what --upload reuses
    #[arg(long)]
    pub cached: bool,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = DataFormat::Text, value_name = "FORMAT")]
    pub output: DataFormat,
}

#[derive(Debug, Args)]
pub struct FileIdArgs {
    /// The file id (file_...)
    #[arg(value_name = "ID")]
    pub id: String,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = DataFormat::Text, value_name = "FORMAT")]
    pub output: DataFormat,
}

#[derive(Debug, Args)]
pub struct FilesDeleteArgs {
    /// The file ids (file_...)
    #[arg(value_name = "ID", required = true)]
    pub ids: Vec<String>,
}

#[derive(Debug, Args)]
pub struct FilesDownloadArgs {
    /// The file id (file_...)
    #[arg(value_name = "ID")]
    pub id: String,

    /// Write to this file instead of stdout (- is stdout)
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("which").required(true).args(["ids", "all"]))]
pub struct FilesForgetArgs {
    /// The file ids whose entries to drop
    #[arg(value_name = "ID")]
    pub ids: Vec<String>,

    /// Drop every entry
    #[arg(long, conflicts_with = "ids")]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub action: ConfigAction,
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Print the config file's path
    #[command(after_help = help::examples(help::CONFIG_PATH_EXAMPLES))]
    Path,
    /// Print the settings in effect and where each comes from (the key redacted)
    #[command(after_help = help::examples(help::CONFIG_SHOW_EXAMPLES))]
    Show,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ModelsArgs {
    /// Show this model (an id or an alias) instead of listing all
    #[arg(value_name = "ID")]
    pub id: Option<String>,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = DataFormat::Text, value_name = "FORMAT")]
    pub output: DataFormat,
}

/// Where the prompt comes from besides its words.
#[derive(Debug, Args)]
#[command(next_help_heading = "Input")]
pub struct InputArgs {
    /// Attach files or http(s) URLs (repeatable; takes a shell glob's paths); - is stdin
    #[arg(
        short = 'f',
        long = "file",
        visible_alias = "attach",
        visible_short_alias = 'a',
        value_name = "PATH",
        num_args = 1..,
        action = clap::ArgAction::Append,
        long_help = "Attach files or http(s) URLs; repeatable, and - (or /dev/stdin) is \
                     stdin. One -f takes every path a shell glob gives (-f src/*.rs): the \
                     words after its first path are paths while they name existing files \
                     (or URLs, or -), and the first that does not starts the prompt."
    )]
    pub files: Vec<PathBuf>,

    /// How many of `files` each `-f` took, in order, so that
    /// `cmd::split_attachments` can give the prompt its words back.
    #[arg(skip)]
    pub file_groups: Vec<usize>,

    #[command(flatten)]
    pub stdin: StdinArgs,

    #[command(flatten)]
    pub media: MediaArgs,
}

/// Whether to read stdin.
#[derive(Debug, Args)]
#[command(next_help_heading = "Input")]
pub struct StdinArgs {
    /// Always read stdin, even from a terminal
    #[arg(long, overrides_with = "no_stdin")]
    pub stdin: bool,

    /// Never read stdin
    #[arg(
        long,
        overrides_with = "stdin",
        long_help = "Never read stdin. Use it when a program starts claude with a stdin \
                     that stays open but never sends anything; otherwise claude waits for \
                     it (and says so after 5 seconds)."
    )]
    pub no_stdin: bool,
}

/// How images and URLs are sent.
#[derive(Debug, Args)]
#[command(next_help_heading = "Input")]
pub struct MediaArgs {
    /// Shrink images to 1568 px on the long edge and under the 5 MB limit
    #[arg(
        long,
        long_help = "Shrink each image whose long edge is over 1568 px (the size the API \
                     docs recommend; larger images are downscaled by the API anyway) and \
                     re-encode any image whose base64 form is over the API's 5 MB limit, \
                     so that a phone photo is accepted and uploads quickly. Smaller \
                     images are sent unchanged."
    )]
    pub resize: bool,

    /// Send every URL as this kind, whatever its path says
    #[arg(
        long,
        value_enum,
        value_name = "KIND",
        long_help = "Send every URL as this kind of block. Without it, a URL whose path \
                     ends in .pdf is a document and one ending in .png, .jpg, .jpeg, .gif \
                     or .webp an image; vision takes any other URL as an image, ask asks."
    )]
    pub url_as: Option<UrlKindArg>,

    /// Let the answer cite attached PDFs and text files, with numbered sources
    #[arg(
        long,
        long_help = "Send attached PDFs and text files as documents with citations \
                     turned on ({\"enabled\": true}; a text file is titled with its name), \
                     so that the answer marks what it takes from them with [n] and ends \
                     with a numbered Sources list."
    )]
    pub citations: bool,

    #[command(flatten)]
    pub stored: StoredFileArgs,
}

/// Sending files through the Files API.
#[derive(Debug, Args)]
#[command(next_help_heading = "Input")]
pub struct StoredFileArgs {
    /// Send images and PDFs as stored files, uploaded once and then reused
    #[arg(
        long,
        long_help = "Send local images and PDFs (-f, vision's images, piped stdin) through the \
                     Files API: each is uploaded, or taken from the upload cache when a \
                     stored copy of the same bytes is still alive, and the request names it \
                     by id instead of carrying it in base64. Text files stay inline. The \
                     base64 limits (5 MB an image, 32 MB a request) no longer apply; the \
                     Files API's 500 MB a file does."
    )]
    pub upload: bool,

    /// Attach a stored file by id (repeatable): an image or a document by its type
    #[arg(long = "file-id", value_name = "ID")]
    pub file_ids: Vec<String>,
}

/// What to ask the model for.
#[derive(Debug, Args)]
#[command(next_help_heading = "Request")]
pub struct RequestArgs {
    /// Model id or alias: opus, sonnet, haiku [default: sonnet]
    #[arg(
        short,
        long,
        env = "ANTHROPIC_MODEL",
        hide_env_values = true,
        value_name = "MODEL",
        add = clap_complete::ArgValueCandidates::new(complete::models)
    )]
    pub model: Option<String>,

    /// System prompt
    #[arg(short, long, value_name = "TEXT", conflicts_with = "system_file")]
    pub system: Option<String>,

    /// Read the system prompt from a file
    #[arg(long, value_name = "PATH")]
    pub system_file: Option<PathBuf>,

    /// Most tokens the reply may have [default: 4096, or max_tokens in the config file]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_tokens: Option<u32>,

    /// Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)
    #[arg(short = 't', long, value_name = "F")]
    pub temperature: Option<f64>,

    /// Nucleus sampling (needs --api-version 2023-06-01)
    #[arg(long, value_name = "F")]
    pub top_p: Option<f64>,

    /// Top-k sampling (needs --api-version 2023-06-01)
    #[arg(long, value_name = "N")]
    pub top_k: Option<u32>,

    /// Stop sequence (repeatable)
    #[arg(long = "stop", value_name = "SEQ", value_parser = parse_stop_sequence)]
    pub stop: Vec<String>,

    /// Extended thinking: adaptive, a token budget, or off
    #[arg(
        long,
        value_name = "adaptive|BUDGET|off",
        value_parser = parse_thinking,
        value_hint = clap::ValueHint::Other
    )]
    pub thinking: Option<Thinking>,

    /// Effort (output_config.effort)
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub effort: Option<EffortArg>,

    /// Automatic prompt caching, optionally with a lifetime
    #[arg(
        long,
        value_name = "TTL",
        num_args = 0..=1,
        require_equals = true,
        value_enum
    )]
    pub cache: Option<Option<CacheTtlArg>>,

    /// Beta feature name for the anthropic-beta header (repeatable)
    #[arg(long = "beta", value_name = "NAME")]
    pub betas: Vec<String>,

    /// Structured output: the reply is JSON matching this JSON Schema
    #[arg(
        long,
        value_name = "FILE|JSON",
        long_help = "Structured output: the reply is JSON that matches this JSON Schema, \
                     given inline (text starting with '{') or as a file. It is sent as \
                     output_config.format; a reply that is not valid JSON is reported and \
                     exits 9."
    )]
    pub schema: Option<String>,

    /// Print the request (key redacted) instead of sending it
    #[arg(long)]
    pub dry_run: bool,

    #[command(flatten)]
    pub tools: ServerToolArgs,
}

/// How to print the reply.
#[derive(Debug, Args)]
#[command(next_help_heading = "Output")]
pub struct OutputArgs {
    /// Output format [default: text, or output in the config file]
    #[arg(
        short,
        long,
        alias = "output-format",
        value_enum,
        value_name = "FORMAT"
    )]
    pub output: Option<OutputFormat>,

    /// Print text as it arrives [default when stdout is a terminal]
    #[arg(long, overrides_with = "no_stream")]
    pub stream: bool,

    /// Wait for the whole reply [default when stdout is not a terminal]
    #[arg(long, overrides_with = "stream")]
    pub no_stream: bool,

    /// After the reply, print tokens and estimated cost to stderr
    #[arg(short, long)]
    pub usage: bool,

    /// Print the model's thinking to stderr
    #[arg(long)]
    pub show_thinking: bool,

    /// Save the files code execution writes into DIR
    #[arg(
        long,
        value_name = "DIR",
        value_hint = clap::ValueHint::DirPath,
        long_help = "Save the files code execution writes (its output blocks' file_id) \
                     into DIR, made if need be, each under the name the Files API gives it \
                     (a taken name gets -2, -3...; nothing is overwritten). They are \
                     downloaded with GET /v1/files/{id}/content after the answer. Without \
                     it, stderr names the files and how to fetch them."
    )]
    pub save_files: Option<PathBuf>,

    /// Leave out the [n] citation markers and the Sources list
    #[arg(
        long,
        long_help = "Leave out the [n] markers that follow cited text and the numbered \
                     Sources list after the answer (text output only: -o json keeps the \
                     API's citation objects either way)."
    )]
    pub no_sources: bool,

    /// Render Markdown in text output: auto renders only on a terminal, without NO_COLOR or TERM=dumb [default: auto, or render in the config file]
    #[arg(long, value_enum, value_name = "WHEN", overrides_with = "raw")]
    pub render: Option<RenderWhen>,

    /// Print the reply's text exactly as it came: --render never
    #[arg(long, overrides_with = "render")]
    pub raw: bool,

    /// Colours of rendered Markdown; auto reads COLORFGBG, else dark [default: auto, or theme in the config file]
    #[arg(long, value_enum, value_name = "THEME")]
    pub theme: Option<ThemeArg>,
}

/// When to render Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderWhen {
    /// When stdout is a terminal, NO_COLOR is unset and TERM is not dumb
    Auto,
    /// Also in pipes and files (JSON output is never rendered)
    Always,
    /// Never: the text as it came
    Never,
}

/// The colours of rendered Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// From COLORFGBG where the terminal sets it, else dark
    Auto,
    /// For a dark background
    Dark,
    /// For a light background
    Light,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// The reply's text
    Text,
    /// The whole Message as one JSON object
    Json,
    /// Each raw stream event as one JSON line
    StreamJson,
}

/// A format for data that is not a streamed reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DataFormat {
    /// Plain text, one item per line
    Text,
    /// The API's JSON
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UrlKindArg {
    /// An image block
    Image,
    /// A document block (PDF)
    Document,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EffortArg {
    Low,
    Medium,
    High,
    Xhigh,
    Max,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CacheTtlArg {
    #[value(name = "5m")]
    FiveMinutes,
    #[value(name = "1h")]
    OneHour,
}

/// The value of `--thinking`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thinking {
    Adaptive,
    Budget(u32),
    Off,
}

fn parse_thinking(value: &str) -> Result<Thinking, String> {
    match value {
        "adaptive" => Ok(Thinking::Adaptive),
        "off" => Ok(Thinking::Off),
        budget => budget
            .parse()
            .map(Thinking::Budget)
            .map_err(|_| "expected adaptive, off, or a token budget such as 4096".to_owned()),
    }
}

/// `--expires`: seconds, or a number with s, m, h or d, from 1h to 90d.
fn parse_expiry(value: &str) -> Result<u64, String> {
    const RANGE: &str = "expected a duration from 1h to 90d, such as 3600, 90m, 12h or 7d";
    let value = value.trim();
    let (number, unit) = match value.char_indices().last() {
        Some((at, unit @ ('s' | 'm' | 'h' | 'd'))) => (&value[..at], unit),
        _ => (value, 's'),
    };
    let scale = match unit {
        'm' => 60,
        'h' => 3600,
        'd' => 86_400,
        _ => 1,
    };
    let seconds = number
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(scale))
        .ok_or_else(|| RANGE.to_owned())?;
    if (crate::api::files::MIN_EXPIRES_SECONDS..=crate::api::files::MAX_EXPIRES_SECONDS)
        .contains(&seconds)
    {
        Ok(seconds)
    } else {
        Err(RANGE.to_owned())
    }
}

/// A model name on the command line: never blank, which would otherwise
/// fall back to the default without a word. (A blank ANTHROPIC_MODEL gives
/// way to the config file, as other blank variables do.)
fn parse_model(value: &str) -> Result<String, String> {
    if value.trim().is_empty() {
        Err(EMPTY_MODEL.to_owned())
    } else {
        Ok(value.to_owned())
    }
}

/// A stop sequence: never empty (whitespace such as "\n" is a real one).
fn parse_stop_sequence(value: &str) -> Result<String, String> {
    if value.is_empty() {
        Err("a stop sequence cannot be empty".to_owned())
    } else {
        Ok(value.to_owned())
    }
}

const EMPTY_MODEL: &str = "a model name cannot be empty: leave the option out for the default";

/// `7d`, `12h`, `2w`, or a date `2026-11-01` (from local midnight).
fn parse_since(value: &str) -> Result<Since, String> {
    const WHAT: &str = "expected a period such as 7d, 12h or 2w, or a date such as 2026-11-01";
    let value = value.trim();
    if let Some(unit) = value.chars().last().filter(char::is_ascii_alphabetic) {
        let number: u64 = value[..value.len() - 1]
            .parse()
            .map_err(|_| WHAT.to_owned())?;
        let hours = match unit {
            'h' => 1,
            'd' => 24,
            'w' => 24 * 7,
            _ => return Err(WHAT.to_owned()),
        };
        // A hundred years is as far back as any ledger goes.
        return match number.checked_mul(hours * 3600) {
            Some(seconds) if seconds <= 100 * 366 * 24 * 3600 => {
                Ok(Since::Ago(std::time::Duration::from_secs(seconds)))
            }
            _ => Err(WHAT.to_owned()),
        };
    }
    let parts: Vec<&str> = value.split('-').collect();
    let number = |text: &str, digits: usize, range: std::ops::RangeInclusive<u32>| {
        text.len() == digits
            && text.bytes().all(|b| b.is_ascii_digit())
            && text.parse().is_ok_and(|n| range.contains(&n))
    };
    match parts.as_slice() {
        [year, month, day]
            if number(year, 4, 1970..=9999)
                && number(month, 2, 1..=12)
                && number(day, 2, 1..=31) =>
        {
            Ok(Since::Day(value.to_owned()))
        }
        _ => Err(WHAT.to_owned()),
    }
}

fn parse_seconds(value: &str) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(secs) if (0.0..1e9).contains(&secs) => Ok(secs),
        _ => Err("expected a number of seconds, such as 30 or 0.5".to_owned()),
    }
}

/// `--max-cost`: US dollars, more than 0.
fn parse_usd(value: &str) -> Result<f64, String> {
    match value.trim().trim_start_matches('$').parse::<f64>() {
        Ok(usd) if usd.is_finite() && usd > 0.0 => Ok(usd),
        _ => Err("expected an amount of US dollars more than 0, such as 0.50".to_owned()),
    }
}

fn parse_positive_seconds(value: &str) -> Result<f64, String> {
    match parse_seconds(value)? {
        0.0 => Err("must be more than 0".to_owned()),
        secs => Ok(secs),
    }
}

impl Cli {
    /// Parses `args`, and notes what the fields alone cannot tell: whether
    /// chat's model came from the command line or from ANTHROPIC_MODEL.
    pub fn parse_with_sources<I, T>(args: I) -> Result<Cli, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        use clap::{CommandFactory, FromArgMatches};
        let mut command = Cli::command();
        let matches = command.try_get_matches_from_mut(args)?;
        // The innermost subcommand, for its arguments and its usage line.
        let mut innermost = &matches;
        let mut subcommand = &command;
        while let Some((name, sub)) = innermost.subcommand() {
            innermost = sub;
            match subcommand.find_subcommand(name) {
                Some(found) => subcommand = found,
                None => break,
            }
        }
        if let Ok(Some(model)) = innermost.try_get_one::<String>("model")
            && model.trim().is_empty()
            && innermost.value_source("model") == Some(clap::parser::ValueSource::CommandLine)
        {
            return Err(subcommand.clone().error(
                clap::error::ErrorKind::ValueValidation,
                format!("invalid value '{model}' for '--model <MODEL>': {EMPTY_MODEL}"),
            ));
        }
        let mut cli = Cli::from_arg_matches(&matches)?;
        let input = match &mut cli.command {
            Command::Ask(args) => Some(&mut args.input),
            Command::Count(args) => Some(&mut args.input),
            Command::Chat(args) => Some(&mut args.input),
            _ => None,
        };
        if let Some(input) = input
            && let Ok(Some(groups)) = innermost.try_get_occurrences::<PathBuf>("files")
        {
            input.file_groups = groups.map(Iterator::count).collect();
        }
        if let (Command::Chat(chat), Some(("chat", sub))) = (&mut cli.command, matches.subcommand())
        {
            chat.model_on_command_line =
                sub.value_source("model") == Some(clap::parser::ValueSource::CommandLine);
        }
        Ok(cli)
    }
}

/// A clap parse error as printed: clap's whole message (the problem, its
/// tips, the usage line of the command it concerns and the pointer to
/// --help), with `claude: ` before its first line, styled only when
/// `styled` (stderr is a terminal that takes colours). `args` is the command
/// line that failed. A first word that was not sent as a prompt because it
/// is a slip of a subcommand (`claude aks`) is named with the subcommand it
/// resembles and how to send it after all.
pub fn usage_error<I, T>(mut error: clap::Error, args: I, styled: bool) -> String
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    use clap::CommandFactory;
    use clap::builder::StyledStr;
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let mut command = Cli::command();
    command.build();
    if error.kind() == ErrorKind::InvalidSubcommand
        && let Some(ContextValue::String(word)) = error.get(ContextKind::InvalidSubcommand)
    {
        let word = word.clone();
        if error.get(ContextKind::SuggestedSubcommand).is_none()
            && let Some(name) = implied::slip_target(&command, &word)
        {
            error.insert(
                ContextKind::SuggestedSubcommand,
                ContextValue::String(name.to_owned()),
            );
        }
        let mut tips = match error.get(ContextKind::Suggested) {
            Some(ContextValue::StyledStrs(tips)) => tips.clone(),
            _ => Vec::new(),
        };
        tips.push(StyledStr::from(format!(
            "to send '{word}' as a prompt, write 'claude ask {word} ...'"
        )));
        error.insert(ContextKind::Suggested, ContextValue::StyledStrs(tips));
    }
    if error.get(ContextKind::Usage).is_none() {
        error.insert(
            ContextKind::Usage,
            ContextValue::StyledStr(usage_of(&command, args)),
        );
    }
    let rendered = error.render();
    let text = if styled {
        rendered.ansi().to_string()
    } else {
        rendered.to_string()
    };
    format!("claude: {}\n", text.trim_end())
}

/// The usage line of the (sub)command named in `args`: its words are
/// followed down the tree of subcommands, skipping options and their values.
fn usage_of<I, T>(root: &clap::Command, args: I) -> clap::builder::StyledStr
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    let mut command = root;
    let mut words = args.iter().skip(1).filter_map(|arg| arg.to_str());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if let Some(option) = word.strip_prefix('-') {
            let takes_value = command.get_arguments().any(|arg| {
                let named = match option.strip_prefix('-') {
                    Some(long) => arg.get_long() == Some(long),
                    None => option.chars().count() == 1 && arg.get_short() == option.chars().next(),
                };
                named && arg.get_action().takes_values()
            });
            if takes_value {
                words.next();
            }
            continue;
        }
        match command.find_subcommand(word) {
            Some(sub) => command = sub,
            None => break,
        }
    }
    command.clone().render_usage()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn cache_takes_an_optional_value_only_with_equals() {
        let cli = Cli::try_parse_from(["claude", "ask", "--cache", "hello"]).unwrap();
        let Command::Ask(ask) = cli.command else {
            panic!("ask")
        };
        assert_eq!(ask.request.cache, Some(None));
        assert_eq!(ask.prompt, ["hello"]);
        let cli = Cli::try_parse_from(["claude", "ask", "--cache=1h", "x"]).unwrap();
        let Command::Ask(ask) = cli.command else {
            panic!("ask")
        };
        assert_eq!(ask.request.cache, Some(Some(CacheTtlArg::OneHour)));
    }

    #[test]
    fn expiry_durations() {
        assert_eq!(parse_expiry("3600"), Ok(3600));
        assert_eq!(parse_expiry("90m"), Ok(5400));
        assert_eq!(parse_expiry("12h"), Ok(43_200));
        assert_eq!(parse_expiry("90d"), Ok(7_776_000));
        for bad in [
            "59m",
            "91d",
            "3599",
            "1w",
            "h",
            "",
            "-1h",
            "99999999999999999999d",
        ] {
            assert!(parse_expiry(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn empty_models_and_stop_sequences_are_refused() {
        for args in [
            &["claude", "ask", "-m", "", "hi"][..],
            &["claude", "chat", "--model= ", "hi"],
            &["claude", "batch", "submit", "-m", "", "x.txt"],
            &["claude", "--fallback-model", "", "ask", "hi"],
            &["claude", "ask", "--stop", "", "hi"],
        ] {
            let error = Cli::parse_with_sources(args).unwrap_err();
            assert_eq!(
                error.kind(),
                clap::error::ErrorKind::ValueValidation,
                "{args:?}"
            );
        }
        assert!(Cli::try_parse_from(["claude", "ask", "--stop", "\n", "hi"]).is_ok());
    }

    #[test]
    fn thinking_values() {
        assert_eq!(parse_thinking("adaptive"), Ok(Thinking::Adaptive));
        assert_eq!(parse_thinking("off"), Ok(Thinking::Off));
        assert_eq!(parse_thinking("2048"), Ok(Thinking::Budget(2048)));
        assert!(parse_thinking("lots").is_err());
    }

    fn usage_error_of(args: &[&str]) -> String {
        let args = with_implied_ask(args.iter().copied());
        let error = Cli::parse_with_sources(args.clone()).unwrap_err();
        usage_error(error, args, false)
    }

    #[test]
    fn parse_errors_keep_clap_s_whole_message() {
        let text = usage_error_of(&["claude", "ask", "--bogus"]);
        assert!(
            text.starts_with("claude: error: unexpected argument '--bogus' found\n"),
            "{text}"
        );
        assert!(text.contains("Usage: claude ask"), "{text}");
        assert!(!text.contains('\x1b'), "{text}");
        let text = usage_error_of(&["claude", "--max-retries", "5000", "ask"]);
        assert!(text.contains("5000"), "{text}");
        // clap gives no usage line for a bad value; the one of the command is added.
        let text = usage_error_of(&["claude", "batch", "list", "-o", "yaml"]);
        assert!(text.contains("[possible values: text, json]"), "{text}");
        assert!(
            text.contains("Usage: claude batch list [OPTIONS]"),
            "{text}"
        );
    }

    #[test]
    fn a_slip_of_a_subcommand_says_how_to_send_it_as_a_prompt() {
        let text = usage_error_of(&["claude", "aks", "hello"]);
        assert!(
            text.contains("a similar subcommand exists: 'ask'"),
            "{text}"
        );
        assert!(text.contains("Usage: claude [OPTIONS] <COMMAND>"), "{text}");
        assert!(text.contains("claude ask aks ..."), "{text}");
    }

    #[test]
    fn chat_knows_whether_the_model_came_from_the_command_line() {
        let from_flag = |args: &[&str]| match Cli::parse_with_sources(args).unwrap().command {
            Command::Chat(chat) => chat.model_on_command_line,
            _ => panic!("chat"),
        };
        assert!(from_flag(&["claude", "chat", "-m", "opus", "hi"]));
        assert!(from_flag(&["claude", "chat", "--model=opus", "hi"]));
        assert!(!from_flag(&[
            "claude",
            "chat",
            "--system=-m is a flag",
            "hi"
        ]));
    }

    #[test]
    fn periods_and_dates() {
        use std::time::Duration;
        assert_eq!(
            parse_since("7d"),
            Ok(Since::Ago(Duration::from_secs(7 * 86400)))
        );
        assert_eq!(
            parse_since("12h"),
            Ok(Since::Ago(Duration::from_secs(12 * 3600)))
        );
        assert_eq!(
            parse_since("2w"),
            Ok(Since::Ago(Duration::from_secs(14 * 86400)))
        );
        assert_eq!(
            parse_since("2026-11-01"),
            Ok(Since::Day("2026-11-01".into()))
        );
        for bad in [
            "",
            "d",
            "7",
            "7y",
            "-1d",
            "99999999999999999d",
            "2026-13-01",
            "26-11-01",
            "2026-1-01",
            "x-y-z",
        ] {
            assert!(parse_since(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn log_takes_list_flags_or_a_subcommand() {
        let cli =
            Cli::try_parse_from(["claude", "log", "-n", "3", "-q", "rust", "--failed"]).unwrap();
        let Command::Log(log) = cli.command else {
            panic!("log")
        };
        assert!(log.action.is_none());
        assert_eq!(
            (log.list.count, log.list.query.as_deref()),
            (3, Some("rust"))
        );
        let cli = Cli::try_parse_from(["claude", "log", "show", "42", "-o", "json"]).unwrap();
        assert!(matches!(
            cli.command,
            Command::Log(LogArgs {
                action: Some(LogAction::Show(LogShowArgs { id: 42, .. })),
                ..
            })
        ));
        assert!(Cli::try_parse_from(["claude", "log", "-n", "0"]).is_err());
    }

    #[test]
    fn attach_is_an_alias_of_file() {
        let cli =
            Cli::try_parse_from(["claude", "ask", "-a", "x.txt", "--attach", "y.txt"]).unwrap();
        let Command::Ask(ask) = cli.command else {
            panic!("ask")
        };
        assert_eq!(ask.input.files.len(), 2);
        let cli =
            Cli::parse_with_sources(["claude", "ask", "-f", "a", "b", "c", "-f", "d"]).unwrap();
        let Command::Ask(ask) = cli.command else {
            panic!("ask")
        };
        assert_eq!(ask.input.files.len(), 4);
        assert_eq!(ask.input.file_groups, [3, 1]);
    }
}
