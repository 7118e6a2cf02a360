//! The teaching part of the help: what each subcommand does beyond its
//! one-line summary, real examples, the exit-status table and the
//! environment. One source for `--help` and the man pages.

/// A command line worth copying, and what it does.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    pub what: &'static str,
    pub command: &'static str,
}

const fn example(what: &'static str, command: &'static str) -> Example {
    Example { what, command }
}

mod exits;
mod text;

pub use exits::exit_status_of;
pub use text::*;

/// The exit codes of the contract, and what each means.
pub const EXIT_STATUS: &[(u8, &str)] = &[
    (
        0,
        "success: stop_reason end_turn or stop_sequence, or no reply was needed",
    ),
    (1, "unexpected internal failure"),
    (2, "usage or input error; nothing was sent"),
    (
        3,
        "reply truncated: max_tokens or model_context_window_exceeded",
    ),
    (4, "stop_reason refusal"),
    (
        5,
        "not finished: tool_use or pause_turn, or batch results before the batch ended",
    ),
    (6, "authentication or permission: no key, 401, 403"),
    (7, "request rejected: 400, 404, 413, 422 and other 4xx"),
    (8, "rate limited: 429 after retries"),
    (
        9,
        "server error, overloaded or broken stream, after retries",
    ),
    (10, "network: connection failure or timeout, after retries"),
    (11, "batch: some requests errored, expired or were canceled"),
    (
        12,
        "budget reached: --max-cost, or today's spending at the daily budget; not sent",
    ),
    (129, "hung up (SIGHUP); what had arrived was printed"),
    (130, "interrupted (Ctrl-C); what had arrived was printed"),
    (143, "terminated (SIGTERM); what had arrived was printed"),
];

/// The environment variables claude reads.
pub const ENVIRONMENT: &[(&str, &str)] = &[
    ("ANTHROPIC_API_KEY", "API key, sent as x-api-key"),
    (
        "ANTHROPIC_API_KEY_FILE",
        "file holding the API key (mode 600), when ANTHROPIC_API_KEY is unset",
    ),
    (
        "ANTHROPIC_AUTH_TOKEN",
        "bearer token, used when no API key is set",
    ),
    ("ANTHROPIC_BASE_URL", "API base URL"),
    ("ANTHROPIC_API_VERSION", "anthropic-version header"),
    ("ANTHROPIC_MODEL", "default model"),
    (
        "ANTHROPIC_LOG",
        "info or debug: log each HTTP attempt to stderr (as -v, -vv)",
    ),
    (
        "CLAUDE_DAILY_BUDGET_USD",
        "daily spending limit in USD; at it, requests exit 12",
    ),
    (
        "CLAUDE_NO_LOG",
        "1: keep no run in the ledger (as --no-log)",
    ),
    (
        "NO_COLOR",
        "no escape codes on stderr, and answers not rendered (--render auto)",
    ),
    ("TERM", "dumb: answers not rendered (--render auto)"),
    ("COLORFGBG", "the terminal's background, for --theme auto"),
    (
        "COLUMNS",
        "the width rendered answers fit, if not the terminal's",
    ),
    (
        "FORCE_HYPERLINK",
        "1 or 0: links drawn as terminal hyperlinks, or not",
    ),
    (
        "HTTPS_PROXY, ...",
        "proxy (https_proxy, http_proxy, all_proxy, no_proxy), as curl",
    ),
    (
        "SSL_CERT_FILE",
        "certificate authorities to trust (PEM; or SSL_CERT_DIR)",
    ),
];

/// The text after a subcommand's options: its exit codes and examples.
/// `path` names it as typed (`"batch results"`).
pub fn after_help(path: &str) -> String {
    let mut text = String::new();
    if let Some(exits) = exit_status_of(path) {
        text.push_str("Exit status:");
        for (code, meaning) in exits {
            text.push_str(&format!("\n  {code:<4} {meaning}"));
        }
        text.push_str("\n\n");
    }
    text.push_str(&examples(examples_of(path)));
    text
}

/// The examples of the subcommand at `path` (`""`: the top level).
pub fn examples_of(path: &str) -> &'static [Example] {
    match path {
        "" => MAIN_EXAMPLES,
        "ask" => ASK_EXAMPLES,
        "vision" => VISION_EXAMPLES,
        "count" => COUNT_EXAMPLES,
        "models" => MODELS_EXAMPLES,
        "chat" => CHAT_EXAMPLES,
        "completions" => COMPLETIONS_EXAMPLES,
        "config" => CONFIG_EXAMPLES,
        "config path" => CONFIG_PATH_EXAMPLES,
        "config show" => CONFIG_SHOW_EXAMPLES,
        "batch" => BATCH_EXAMPLES,
        "batch submit" => BATCH_SUBMIT_EXAMPLES,
        "batch status" => BATCH_STATUS_EXAMPLES,
        "batch wait" => BATCH_WAIT_EXAMPLES,
        "batch results" => BATCH_RESULTS_EXAMPLES,
        "batch list" => BATCH_LIST_EXAMPLES,
        "batch cancel" => BATCH_CANCEL_EXAMPLES,
        "files" => FILES_EXAMPLES,
        "files upload" => FILES_UPLOAD_EXAMPLES,
        "files list" => FILES_LIST_EXAMPLES,
        "files info" => FILES_INFO_EXAMPLES,
        "files delete" => FILES_DELETE_EXAMPLES,
        "files download" => FILES_DOWNLOAD_EXAMPLES,
        "files forget" => FILES_FORGET_EXAMPLES,
        "log" => LOG_EXAMPLES,
        "log show" => LOG_SHOW_EXAMPLES,
        "log prune" => LOG_PRUNE_EXAMPLES,
        "log path" => LOG_PATH_EXAMPLES,
        "cost" => COST_EXAMPLES,
        "tools" => TOOLS_EXAMPLES,
        "tools list" => TOOLS_LIST_EXAMPLES,
        "tools show" => TOOLS_SHOW_EXAMPLES,
        _ => &[],
    }
}

/// The examples as the help shows them.
fn examples(examples: &[Example]) -> String {
    let mut text = String::from("Examples:");
    for example in examples {
        text.push_str(&format!("\n  # {}\n  {}\n", example.what, example.command));
    }
    text.trim_end().to_owned()
}

/// The text after the main options: exit status, environment, examples.
pub fn main_after_help() -> String {
    let mut text = String::from("Exit status:");
    for (code, meaning) in EXIT_STATUS {
        text.push_str(&format!("\n  {code:<4} {meaning}"));
    }
    text.push_str("\n\nEnvironment:");
    for (name, meaning) in ENVIRONMENT {
        text.push_str(&format!("\n  {name:<24} {meaning}"));
    }
    text.push_str("\n\n");
    text.push_str(&examples(MAIN_EXAMPLES));
    text
}
