//! The option groups several subcommands share: input, request, output
//! and the run ledger.

use std::path::PathBuf;

use clap::Args;

use super::complete;
use super::values::{parse_stop_sequence, parse_thinking};
use super::{
    CacheTtlArg, EffortArg, OutputFormat, RenderWhen, ServerToolArgs, ThemeArg, Thinking,
    UrlKindArg,
};

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

    /// System prompt ("" or - for none, over the config file's or a saved session's)
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
        visible_alias = "output-format",
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
