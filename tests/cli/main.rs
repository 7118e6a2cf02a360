//! Integration tests: the real `claude` binary against a fake Anthropic
//! server started in this process. One module per area.

mod support;

/// `batch`: submit, status, wait, results, list, cancel.
mod batch;
/// Hostile replies: every cap on what one reply may hold, provoked.
mod caps;
/// `chat`: sessions, piped turns, and the REPL on a pseudo-terminal.
mod chat;
/// Chat under faults: closed stdout, killed saves, unwritable sessions,
/// signals; private data directories.
mod chat_faults;
/// The config file, precedence, prices and structured output.
mod config;
/// `count` and `models` against the fake server.
mod count_models;
/// Every exit code of the contract, provoked.
mod exit_codes;
/// `files`: the Files API, the upload cache, --upload and --file-id.
mod files;
/// Completions, man pages and help: fresh, complete, and as committed.
mod generated;
/// Prompt, stdin and file assembly; what reaches the server.
mod input;
/// The run ledger: recording, claude log, claude cost, the daily budget.
mod ledger;
/// Local tools: definitions, the tool_use loop, its policy and bounds.
mod local_tools;
/// Local tools in chat, and the question on a terminal.
mod local_tools_chat;
/// The key never leaks; -v logging.
mod logging;
/// Images, PDFs and URLs: detection, vision, limits and --resize.
mod media;
/// --max-time, TLS certificate failures, proxies.
mod network;
/// Output formats, streaming, notes and the usage line.
mod output;
/// The README's examples, run against the fake server.
mod readme;
/// Rendered Markdown: snapshots, a terminal, and raw text in pipes.
mod render;
/// Request options, checked against the official SDK's bodies.
mod request;
/// Retry policy, timeouts and the fallback model.
mod retry;
/// Secrets: key sources, redaction, core dumps.
mod secrets;
/// Web search, web fetch, code execution and MCP: flags, lines, tokens.
mod server_tools;
/// Ctrl-C and closed stdout.
mod signals;
/// The SSE decoder and accumulator over every fixture, byte by byte.
mod sse_fixtures;
/// Broken, cut and malformed streams.
mod stream;
/// A turn of several requests: pause_turn carried through.
mod turn;
/// `--upload` and `--file-id`: the upload cache as requests use it.
mod uploads;
/// Command-line errors, and the bare prompt.
mod usage;
