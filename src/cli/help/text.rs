//! What each subcommand does beyond its one-line summary, and examples
//! worth copying: the teaching text of `--help` and the man pages.

use super::{Example, example};

/// The root's usage: a subcommand, or a bare prompt asked as `ask` does.
/// `-V` is the root's alone: it prints `claude VERSION`, which a
/// subcommand's would not.
pub const MAIN_USAGE: &str = "\
claude [OPTIONS] <COMMAND>
       claude [OPTIONS] <PROMPT>...  (a bare prompt: claude ask <PROMPT>...)";

pub const MAIN_EXAMPLES: &[Example] = &[
    example(
        "Ask a question",
        "claude ask \"What is the capital of Australia?\"",
    ),
    example(
        "A bare prompt is asked the same way (the first word is not a subcommand)",
        "claude \"What is 2+2?\"",
    ),
    example(
        "Send a diff, then an instruction",
        "git diff | claude ask \"Write a commit message for this diff\"",
    ),
    example("Describe an image", "claude vision photo.png"),
    example(
        "Show the request instead of sending it",
        "claude ask --dry-run -m opus \"hello\"",
    ),
];

pub const ASK_ABOUT: &str = "\
Send one request: the prompt from arguments, stdin and files.

The user turn is built from piped stdin first, then each -f file, then the \
prompt words. Files are told apart by content, not by name: UTF-8 text is \
introduced by its name, PNG, JPEG, GIF and WebP become images, PDFs \
documents, and http(s) URLs URL sources. Nothing to send is exit 2, and \
nothing is sent. With -T, the model may ask to run local tools, which run \
when --allow allows them or you answer yes on the terminal (claude tools \
--help).";

pub const ASK_EXAMPLES: &[Example] = &[
    example(
        "Attach a PDF and a photo",
        "claude ask -f invoice.pdf -f photo.jpg \"Does the photo match the invoice?\"",
    ),
    example(
        "Print the whole reply as JSON for jq",
        "claude ask -o json \"Name a prime\" | jq -r '.content[] | select(.type == \"text\") | .text'",
    ),
    example(
        "Search the web and answer, with numbered sources",
        "claude ask --web-search \"What changed in the latest Rust release?\"",
    ),
    example(
        "In CI: the model may run the git_diff tool, and nothing else",
        "git diff --staged | claude ask -T git_diff --allow git_diff \"Review this change\"",
    ),
];

pub const VISION_ABOUT: &str = "\
Describe or question images (files, - for stdin, or URLs).

The images are sent first, then the question: the text of -p, after any \
text piped to stdin. Without either, the question is \"Describe this \
image.\" (\"Describe these images.\" for several, \"document\" for a PDF, and \
\"Describe these images and documents.\" for both). Images must be PNG, JPEG, \
GIF or WebP (PDFs are accepted too). The \
API limits each image to 5 MB as base64 and 8000 px a side; --resize brings \
large images under both.";

pub const VISION_EXAMPLES: &[Example] = &[
    example("Describe an image", "claude vision photo.png"),
    example(
        "Shrink a phone photo to fit, and ask about it",
        "claude vision --resize IMG_0042.jpg -p \"What breed is this dog?\"",
    ),
    example(
        "Read the image from stdin",
        "cat chart.png | claude vision - -p \"Summarize the trend\"",
    ),
    example(
        "Compare two images",
        "claude vision before.png after.png -p \"What changed?\"",
    ),
];

pub const COUNT_ABOUT: &str = "\
Count the input tokens of the request ask would send.

Takes the same input and request options as ask, and sends that request to \
POST /v1/messages/count_tokens (which is free) instead, without the fields \
that endpoint refuses: --max-tokens, --stop and the sampling options are \
accepted and left out. Prints the number of input tokens; -o json prints the \
API's reply.";

pub const COUNT_EXAMPLES: &[Example] = &[
    example(
        "Count a prompt",
        "claude count \"How many tokens is this?\"",
    ),
    example(
        "Count a PDF with a question, and the input cost on Opus",
        "claude count -f report.pdf --cost -m opus \"Summarize this\"",
    ),
    example(
        "The API's reply as JSON",
        "git diff | claude count -o json | jq .input_tokens",
    ),
    example(
        "Count a PDF sent as a stored file, uploaded once",
        "claude count --upload -f report.pdf \"Summarize this\"",
    ),
];

pub const CHAT_ABOUT: &str = "\
Talk in turns: a REPL on a terminal, one turn per call from a pipe.

On a terminal, claude chat reads messages with line editing and history and \
streams each reply; /help lists the commands (/model, /system, /file, /save, \
/usage, /tools, /retry, /clear, /exit). Ctrl-C cancels a reply, Ctrl-D leaves. When \
stdin is piped, or a PROMPT is given, it sends one turn with the saved \
history, prints the reply and exits, with the output options and exit codes \
of ask. Every conversation is saved after each completed turn, as \
$XDG_DATA_HOME/claude-cli/sessions/NAME.json (~/.local/share/... when \
XDG_DATA_HOME is unset); a failed or cancelled turn is not saved. Each \
request is also kept in the run ledger (claude log --session NAME).";

pub const CHAT_EXAMPLES: &[Example] = &[
    example("Start a conversation on a terminal", "claude chat"),
    example(
        "A scripted conversation, one turn per call",
        "echo \"Pick a number from 1 to 10\" | claude chat --session game",
    ),
    example(
        "Continue the most recent conversation",
        "claude chat -c \"Now double it\"",
    ),
    example("List the saved sessions", "claude chat --list"),
];

pub const MODELS_ABOUT: &str = "\
List the models the key can use, or show one.

Lists one model per line: id, creation date and display name, following the \
API's pagination to the end. With an ID (or an alias: opus, sonnet, haiku), \
shows that model's limits and capabilities.";

pub const MODELS_EXAMPLES: &[Example] = &[
    example("List the models", "claude models"),
    example(
        "Show what the current Sonnet can do",
        "claude models sonnet",
    ),
    example(
        "Model ids as JSON, for jq",
        "claude models -o json | jq -r '.[].id'",
    ),
];

pub const BATCH_ABOUT: &str = "\
Message Batches: many requests at half price, run by the API.

submit checks the whole file before sending anything (an error names its \
line) and prints the batch id; request options (-m, -s, --max-tokens...) are \
the defaults for every prompt line, and -m, -s and --max-tokens fill in what \
a params line lacks. A JSONL line is {\"custom_id\": ..., \"prompt\": \
...} (with \"system\", \"model\" or \"max_tokens\" of its own if it likes) or \
{\"custom_id\": ..., \"params\": {a Messages request}}; in a text file each \
line is a prompt, named line-N. wait polls until the batch ends; results \
streams one JSON line per request, in the order the API gives them. wait, \
results and submit --wait exit 11 when some requests errored, expired or \
were canceled.";

pub const BATCH_EXAMPLES: &[Example] = &[
    example(
        "Send a file of prompts, wait, and get the answers",
        "claude batch submit --wait -m haiku questions.txt -o text",
    ),
    example("How far along is it", "claude batch status msgbatch_01"),
    example(
        "The answers of an ended batch, for jq",
        "claude batch results msgbatch_01 | jq -r 'select(.result.type == \"succeeded\") | .custom_id'",
    ),
];

pub const BATCH_SUBMIT_EXAMPLES: &[Example] = &[
    example(
        "One prompt per line, answered by Haiku",
        "claude batch submit -m haiku questions.txt",
    ),
    example(
        "JSONL questions about one contract, the PDF stored once; keep the id",
        "claude batch submit --upload -f contract.pdf requests.jsonl > batch-id.txt",
    ),
    example(
        "Submit, wait and print the answers",
        "claude batch submit --wait questions.txt -o text",
    ),
    example(
        "Let every prompt search the web, at most twice",
        "claude batch submit --web-search=2 questions.txt",
    ),
];

pub const BATCH_STATUS_EXAMPLES: &[Example] = &[
    example("Counts by status", "claude batch status msgbatch_01"),
    example(
        "Just the state, for a script",
        "claude batch status msgbatch_01 -o json | jq -r .processing_status",
    ),
];

pub const BATCH_WAIT_EXAMPLES: &[Example] = &[
    example("Wait until it ends", "claude batch wait msgbatch_01"),
    example(
        "Check often at first",
        "claude batch wait --poll-interval 0.5 msgbatch_01",
    ),
];

pub const BATCH_RESULTS_EXAMPLES: &[Example] = &[
    example(
        "Every result, as JSON lines",
        "claude batch results msgbatch_01",
    ),
    example(
        "custom_id and answer, tab-separated, with the cost",
        "claude batch results msgbatch_01 -o text --usage",
    ),
    example(
        "Only the failures",
        "claude batch results msgbatch_01 | jq -c 'select(.result.type != \"succeeded\")'",
    ),
];

pub const BATCH_LIST_EXAMPLES: &[Example] = &[
    example("Recent batches", "claude batch list"),
    example(
        "Ids of batches still running",
        "claude batch list -o json | jq -r '.[] | select(.processing_status != \"ended\") | .id'",
    ),
];

pub const BATCH_CANCEL_EXAMPLES: &[Example] = &[
    example("Cancel a batch", "claude batch cancel msgbatch_01"),
    example(
        "Cancel, then wait for what finished",
        "claude batch cancel msgbatch_01 && claude batch wait msgbatch_01",
    ),
];

pub const CONFIG_PATH_EXAMPLES: &[Example] = &[
    example("Where the file is", "claude config path"),
    example("Show the file", "claude config path | xargs cat"),
];

pub const CONFIG_SHOW_EXAMPLES: &[Example] = &[
    example("Everything in effect", "claude config show"),
    example(
        "What ANTHROPIC_MODEL would change",
        "ANTHROPIC_MODEL=opus claude config show",
    ),
];

pub const FILES_ABOUT: &str = "\
Files API: upload once, then name the file in any request.

upload sends files (up to 500 MB each, read from disk as they are sent) and \
prints their ids; list, info, download and delete work on the stored files. \
Every upload is remembered in a local cache, \
$XDG_CACHE_HOME/claude-cli/files.json (~/.cache/... when XDG_CACHE_HOME is \
unset), keyed by the content's SHA-256: --upload on ask, vision, count, chat \
and batch submit reuses a stored copy instead of sending the file again. \
list --cached shows the cache and forget drops entries from it.";

pub const FILES_EXAMPLES: &[Example] = &[
    example(
        "Upload a PDF, keep its id",
        "id=$(claude files upload contract.pdf)",
    ),
    example("List the stored files", "claude files list"),
    example(
        "Save a file that code execution made",
        "claude files download file_011CNha8iCJcU1wXNR6q4V8w -o chart.png",
    ),
];

pub const FILES_UPLOAD_EXAMPLES: &[Example] = &[
    example(
        "Upload a file, print its id",
        "claude files upload contract.pdf",
    ),
    example(
        "Upload files that the API deletes after a day",
        "claude files upload --expires 1d notes.txt chart.png",
    ),
    example(
        "The API's metadata, for jq",
        "claude files upload -o json contract.pdf | jq .size_bytes",
    ),
];

pub const FILES_LIST_EXAMPLES: &[Example] = &[
    example("The stored files", "claude files list"),
    example("Their ids", "claude files list -o json | jq -r '.[].id'"),
    example("What --upload will reuse", "claude files list --cached"),
];

pub const FILES_INFO_EXAMPLES: &[Example] = &[
    example(
        "A file's name, size, type and expiry",
        "claude files info file_011CNha8iCJcU1wXNR6q4V8w",
    ),
    example(
        "Its metadata as JSON",
        "claude files info -o json file_011CNha8iCJcU1wXNR6q4V8w",
    ),
];

pub const FILES_DELETE_EXAMPLES: &[Example] = &[
    example(
        "Delete a file",
        "claude files delete file_011CNha8iCJcU1wXNR6q4V8w",
    ),
    example(
        "Delete several",
        "claude files delete file_011CNha8iCJcU1wXNR6q4V8w file_011CPMxVD3fHLUhvTqtsQA5w",
    ),
];

pub const FILES_DOWNLOAD_EXAMPLES: &[Example] = &[
    example(
        "Save a file the code execution tool made",
        "claude files download file_011CNha8iCJcU1wXNR6q4V8w -o chart.png",
    ),
    example(
        "Pipe its content",
        "claude files download file_011CNha8iCJcU1wXNR6q4V8w | wc -c",
    ),
];

pub const FILES_FORGET_EXAMPLES: &[Example] = &[
    example(
        "Upload this file again next time",
        "claude files forget file_011CNha8iCJcU1wXNR6q4V8w",
    ),
    example("Empty the cache", "claude files forget --all"),
];

pub const TOOLS_ABOUT: &str = "\
Show the local tools that -T turns on.

A tool is a TOML file: name, description, input_schema (a JSON Schema, as a \
TOML table or a JSON string) and command (a program and its arguments, run \
directly, never by a shell). The model's input arrives as JSON on the \
command's stdin, and what it prints on stdout is the result; a non-zero exit \
sends its stderr as an error result. -T NAME finds \
$XDG_CONFIG_HOME/claude-cli/tools/NAME.toml (~/.config/claude-cli/tools \
when XDG_CONFIG_HOME is unset); -T PATH reads that file. A relative program \
path is taken from the definition's directory. A definition that does not \
check (bad TOML, a bad schema, a missing program) is exit 2, with its file \
and line.

A call runs only when --allow NAME (or all, or [tools] allow in the config \
file) allows it, or when you answer yes on the terminal; --deny NAME wins. \
With no terminal, a call that is not allowed ends the run at once with exit \
5, and nothing more is sent. --max-steps and --max-cost bound the run (exits \
5 and 12).";

pub const TOOLS_EXAMPLES: &[Example] = &[
    example("The tools defined", "claude tools list"),
    example("One tool's definition", "claude tools show word_count"),
    example(
        "A definition anywhere, checked",
        "claude tools show examples/tools/word_count.toml",
    ),
];

pub const TOOLS_LIST_EXAMPLES: &[Example] = &[
    example("Name and description of each tool", "claude tools list"),
    example(
        "The definitions as JSON",
        "claude tools list -o json | jq -r '.[].name'",
    ),
];

pub const TOOLS_SHOW_EXAMPLES: &[Example] = &[
    example(
        "A tool in the tools directory",
        "claude tools show word_count",
    ),
    example(
        "A definition anywhere, as JSON",
        "claude tools show examples/tools/git_diff.toml -o json",
    ),
];

pub const CONFIG_ABOUT: &str = "\
Show where the config file is, or the settings in effect.

The config file, $XDG_CONFIG_HOME/claude-cli/config.toml \
(~/.config/claude-cli/config.toml when XDG_CONFIG_HOME is unset), holds \
defaults: model, max_tokens, system, output, log (false keeps no run \
ledger), a [budget] table with daily_usd, an [aliases] table of your own \
model aliases and a [prices.MODEL] table per model whose prices you want to \
override. A flag wins over an environment variable, which wins over the \
file, which wins over the built-in default. A malformed file is exit 2, with \
the line.";

pub const CONFIG_EXAMPLES: &[Example] = &[
    example("Where the file is", "claude config path"),
    example("What is in effect, and why", "claude config show"),
    example(
        "The model in effect, for a script",
        "claude config show | grep '^model'",
    ),
];

pub const LOG_ABOUT: &str = "\
Search and show past runs from the local ledger.

Every request that ask, vision and chat send, and every result that batch \
results prints, is kept as one run in a SQLite file, \
$XDG_DATA_HOME/claude-cli/ledger.db (~/.local/share/... when XDG_DATA_HOME \
is unset; claude log path prints it): the prompt, system prompt, \
attachments (name, type, size and SHA-256, never their bytes), reply, stop \
reason, exit code, error, tokens, estimated cost, timings, request-id and \
tags. Without a subcommand, claude log lists the latest runs, one a line: \
id, local time, model, tokens, cost, exit code and the start of the prompt \
(with -q, where the words matched). --no-log, CLAUDE_NO_LOG=1 or log = false \
in the config file keep a run out of it.";

pub const LOG_EXAMPLES: &[Example] = &[
    example("The last ten runs", "claude log"),
    example("Runs that mention a word", "claude log -q kubernetes"),
    example(
        "Failed runs of the last week, for jq",
        "claude log --failed --since 7d -o json | jq -r .error_message",
    ),
    example("One run whole", "claude log show 42"),
];

pub const LOG_SHOW_EXAMPLES: &[Example] = &[
    example("One run whole", "claude log show 42"),
    example(
        "Its reply alone, for a script",
        "claude log show 42 -o json | jq -r .reply",
    ),
];

pub const LOG_PRUNE_EXAMPLES: &[Example] = &[
    example(
        "Forget runs older than 90 days",
        "claude log prune --older-than 90d",
    ),
    example(
        "Forget everything before this year",
        "claude log prune --older-than 2026-01-01",
    ),
];

pub const LOG_PATH_EXAMPLES: &[Example] = &[
    example("Where the ledger is", "claude log path"),
    example(
        "Query it with sqlite3",
        "sqlite3 \"$(claude log path)\" 'select count(*) from runs'",
    ),
];

pub const COST_ABOUT: &str = "\
What the runs in the ledger cost, by day, model, tag or command.

A table of requests, input, output, cache-write and cache-read tokens and \
estimated USD per local day (or model, tag, command), with a total row, for \
the last 30 days unless --since or --all says otherwise. The figures are \
those --usage prints, summed. A run whose model has no known price is \
counted and flagged, never priced at zero without a word. With --by tag, a \
run with two tags is in both rows; the total counts it once.

A daily budget, [budget] daily_usd = 5.0 in the config file or \
CLAUDE_DAILY_BUDGET_USD=5, is checked before each request: once today's \
spending (local day) has reached it, the request is not sent and the run \
exits 12. A ledger that cannot be read stops the run too; --ignore-budget \
sends anyway.";

pub const COST_EXAMPLES: &[Example] = &[
    example("Spending per day, last 30 days", "claude cost"),
    example(
        "Spending per model this week",
        "claude cost --by model --since 7d",
    ),
    example(
        "What each tag cost, for jq",
        "claude cost --by tag --all -o json | jq -c '{tag, usd}'",
    ),
];

pub const COMPLETIONS_ABOUT: &str = "\
Print a shell completion script.

The script registers dynamic completion: at each Tab the shell asks claude \
itself (so claude must be on PATH), and -m offers the model aliases and ids, \
--session, --show and --delete the saved sessions. The same scripts are in \
the completions/ directory of the source.";

pub const COMPLETIONS_EXAMPLES: &[Example] = &[
    example(
        "Bash, for the current user",
        "claude completions bash > ~/.local/share/bash-completion/completions/claude",
    ),
    example(
        "Zsh: a directory on $fpath",
        "claude completions zsh > ~/.zfunc/_claude",
    ),
    example(
        "Fish",
        "claude completions fish > ~/.config/fish/completions/claude.fish",
    ),
];
