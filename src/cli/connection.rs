//! The connection options: global, so they may come before or after any
//! subcommand.

use clap::Args;

use super::complete;
use super::values::{parse_model, parse_positive_seconds, parse_seconds};
use super::{DEFAULT_API_VERSION, DEFAULT_BASE_URL, Origin};

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
    // Raw bytes: a key that is not UTF-8 is reported as a problem with the
    // key (in settings), not by clap as a problem with "the arguments".
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

    // Where api_version came from: set by `Cli::parse_with_sources`.
    #[arg(skip)]
    pub api_version_origin: Origin,

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

    // Where base_url came from: set by `Cli::parse_with_sources`.
    #[arg(skip)]
    pub base_url_origin: Origin,

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
