//! The exit codes each subcommand can end with, and what each means there:
//! the part of the contract's table that concerns it, for its `--help` and
//! its man page (`claude --help` has the whole table).

/// An exit code, and what it means for one subcommand.
pub type Exit = (u8, &'static str);

const USAGE: Exit = (2, "usage or input error; nothing was sent");
const AUTH: Exit = (6, "no API key, or the key was refused (401, 403)");
const REJECTED: Exit = (7, "request rejected: 400, 404, 413 and other 4xx");
const RATE_LIMITED: Exit = (8, "rate limited: 429 after retries");
const SERVER: Exit = (
    9,
    "the API is overloaded or failing (5xx, 529), after retries",
);
const NETWORK: Exit = (10, "network failure or timeout, after retries");
const INTERRUPTED: Exit = (130, "interrupted (Ctrl-C)");

/// ask, vision and a chat turn: one model reply, judged by how it ended.
const REPLY: &[Exit] = &[
    (
        0,
        "the reply is complete: stop_reason end_turn or stop_sequence (or --dry-run)",
    ),
    USAGE,
    (
        3,
        "reply truncated: max_tokens or model_context_window_exceeded; the text so far is \
         printed",
    ),
    (4, "the model refused: stop_reason refusal"),
    (
        5,
        "not finished: tool_use or pause_turn, a tool call not allowed, or --max-steps spent",
    ),
    AUTH,
    REJECTED,
    RATE_LIMITED,
    SERVER,
    NETWORK,
    (
        12,
        "budget reached: --max-cost, or today's spending at the daily budget; not sent",
    ),
    (
        130,
        "interrupted (Ctrl-C); what had arrived was printed (143 SIGTERM, 129 SIGHUP)",
    ),
];

const CHAT: &[Exit] = &[
    (
        0,
        "the turn's reply is complete, or the REPL was left with /exit or Ctrl-D",
    ),
    USAGE,
    (
        3,
        "reply truncated: max_tokens or model_context_window_exceeded",
    ),
    (4, "the model refused: stop_reason refusal"),
    (
        5,
        "not finished: tool_use or pause_turn, a tool call not allowed, or --max-steps spent",
    ),
    AUTH,
    REJECTED,
    RATE_LIMITED,
    SERVER,
    NETWORK,
    (
        12,
        "budget reached: --max-cost or the daily budget; not sent",
    ),
    (
        130,
        "interrupted (Ctrl-C) in a piped turn; in the REPL, Ctrl-C cancels the reply only",
    ),
];

const COUNT: &[Exit] = &[
    (0, "the count was printed"),
    USAGE,
    AUTH,
    REJECTED,
    RATE_LIMITED,
    SERVER,
    NETWORK,
    INTERRUPTED,
];

const MODELS: &[Exit] = &[
    (0, "the models (or the one asked for) were printed"),
    AUTH,
    (7, "no model by that id (404), or another 4xx"),
    RATE_LIMITED,
    SERVER,
    NETWORK,
    INTERRUPTED,
];

const BATCH: &[Exit] = &[
    (0, "done; for wait and results, every request succeeded"),
    USAGE,
    (
        5,
        "results: the batch has not ended yet (claude batch wait ID first)",
    ),
    AUTH,
    (7, "no batch by that id (404), or another 4xx"),
    RATE_LIMITED,
    SERVER,
    NETWORK,
    (
        11,
        "wait, results, submit --wait: some requests errored, expired or were canceled",
    ),
    (
        12,
        "submit: today's spending has reached the daily budget; not sent",
    ),
    INTERRUPTED,
];

const BATCH_SUBMIT: &[Exit] = &[
    (
        0,
        "the batch was sent and its id printed (with --wait: every request succeeded)",
    ),
    (
        2,
        "the file or a flag is wrong (the error names the line); nothing was sent",
    ),
    AUTH,
    REJECTED,
    RATE_LIMITED,
    SERVER,
    NETWORK,
    (
        11,
        "with --wait: some requests errored, expired or were canceled",
    ),
    (
        12,
        "today's spending has reached the daily budget; nothing was sent",
    ),
    (
        130,
        "interrupted (Ctrl-C); with --wait, a sent batch goes on (claude batch wait ID)",
    ),
];

const BATCH_STATUS: &[Exit] = &[
    (0, "the status was printed"),
    AUTH,
    (7, "no batch by that id (404), or another 4xx"),
    RATE_LIMITED,
    SERVER,
    NETWORK,
    INTERRUPTED,
];

const BATCH_WAIT: &[Exit] = &[
    (0, "the batch ended and every request succeeded"),
    AUTH,
    (7, "no batch by that id (404), or another 4xx"),
    RATE_LIMITED,
    SERVER,
    NETWORK,
    (
        11,
        "the batch ended with requests errored, expired or canceled",
    ),
    (130, "interrupted (Ctrl-C): the batch goes on"),
];

const BATCH_RESULTS: &[Exit] = &[
    (0, "every result was printed, and every request succeeded"),
    (
        5,
        "the batch has not ended yet, so it has no results (claude batch wait ID)",
    ),
    AUTH,
    (7, "no batch by that id (404), or another 4xx"),
    RATE_LIMITED,
    SERVER,
    NETWORK,
    (
        11,
        "some requests errored, expired or were canceled (their lines are printed too)",
    ),
    INTERRUPTED,
];

const BATCH_LIST: &[Exit] = &[
    (0, "the batches were printed"),
    AUTH,
    REJECTED,
    RATE_LIMITED,
    SERVER,
    NETWORK,
    INTERRUPTED,
];

const BATCH_CANCEL: &[Exit] = &[
    (0, "cancelling began; the batch's status was printed"),
    AUTH,
    (7, "no batch by that id (404), or one that has ended"),
    RATE_LIMITED,
    SERVER,
    NETWORK,
    INTERRUPTED,
];

/// The Files API's subcommands that name stored files.
const FILES: &[Exit] = &[
    (0, "done"),
    (
        2,
        "a local file is missing, empty or over 500 MB, or a flag is wrong; nothing was sent",
    ),
    AUTH,
    (7, "no stored file by that id (404), or another 4xx"),
    RATE_LIMITED,
    SERVER,
    NETWORK,
    INTERRUPTED,
];

const FILES_FORGET: &[Exit] = &[
    (0, "the entries were dropped from the upload cache"),
    (2, "an id is not in the upload cache"),
];

/// Commands that only read local files: definitions, the ledger, the
/// config file.
const LOCAL: &[Exit] = &[
    (0, "done"),
    (
        2,
        "a flag, a file or a definition is wrong (the error says which)",
    ),
];

const LOG_SHOW: &[Exit] = &[
    (0, "the run was printed"),
    (2, "no run by that id in the ledger, or a flag is wrong"),
];

/// The exit codes of the subcommand at `path` (`"batch results"`), or
/// `None` for the top level, whose help has the whole table.
pub fn exit_status_of(path: &str) -> Option<&'static [Exit]> {
    Some(match path {
        "ask" | "vision" => REPLY,
        "chat" => CHAT,
        "count" => COUNT,
        "models" => MODELS,
        "batch" => BATCH,
        "batch submit" => BATCH_SUBMIT,
        "batch status" => BATCH_STATUS,
        "batch wait" => BATCH_WAIT,
        "batch results" => BATCH_RESULTS,
        "batch list" => BATCH_LIST,
        "batch cancel" => BATCH_CANCEL,
        "files" | "files upload" | "files list" | "files info" | "files delete"
        | "files download" => FILES,
        "files forget" => FILES_FORGET,
        "log show" => LOG_SHOW,
        "tools" | "tools list" | "tools show" | "log" | "log prune" | "cost" | "config"
        | "config show" | "config path" | "log path" | "completions" => LOCAL,
        _ => return None,
    })
}
