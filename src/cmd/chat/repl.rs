//! The interactive chat: line editing and history (rustyline), replies
//! streamed as they arrive, slash commands. Everything but the replies
//! goes to stderr, so `claude chat | tee answers.txt` keeps only answers.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rustyline::error::ReadlineError;
use rustyline::{Behavior, Config, DefaultEditor};

use crate::api::types::InputContent;
use crate::catalog;
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::input::{self, Described, InputSpec, MediaOptions, StdinMode, Turn, UserInput};
use crate::interrupt::{self, Signal};
use crate::output::{self, OutputSettings};
use crate::session::Session;
use crate::settings::{self, Connection, Terminal};
use crate::tools::policy;

use super::conversation::Conversation;

const PROMPT: &str = "> ";
const CONTINUATION: &str = ". ";

const HELP: &str = "\
Type a message and press Enter to send it. To write several lines, end each
line but the last with a backslash (\\). To send a message that starts with
/, begin it with //.

  /help            this help
  /exit            leave (Ctrl-D does too)
  /clear           start a new conversation; this one stays saved
  /model [NAME]    show or set the model: an alias (opus, sonnet, haiku) or a
                   known id; /model ID --force takes an id claude does not know
  /system [TEXT]   show or set the system prompt; /system - removes it
  /file PATH       attach a file (text, image or PDF) or URL to the next message;
                   /file --resize PATH turns on /resize first
  /resize [on|off] shrink images to fit the API's limits, as --resize does
  /save PATH       write the conversation to PATH: the session file if PATH ends
                   in .json, a transcript otherwise
  /usage           tokens and estimated cost of this conversation
  /tools           the local tools offered (-T), and whether each may run
  /retry           send a failed message again, or ask for the last answer again

Ctrl-C cancels a reply in flight (that turn is not kept) or clears the line.";

/// `attached`: the `-f` files and `--file-id` files, which go with the
/// first message.
pub fn run(
    mut conversation: Conversation,
    attached: (Vec<PathBuf>, Vec<String>),
    mut media: MediaOptions,
    mut output: OutputSettings,
    connection: &Connection,
    terminal: &Terminal,
) -> Result<ExitCode> {
    let (mut pending, mut file_ids) = attached;
    // A conversation streams, wherever stdout goes.
    output.stream = true;
    // Ctrl-C outside a reply clears the line; it must not end the process.
    // SIGTERM and SIGHUP at the prompt do: the history is already saved,
    // and the terminal is given back as it was.
    let terminal_state = TerminalState::save();
    let _stay = interrupt::subscribe(move |signal| {
        if signal != Signal::Interrupt {
            terminal_state.restore();
            interrupt::exit_now(signal);
        }
    });
    // The prompt and the typing go to the terminal even when stdout is
    // redirected, so `claude chat | tee answers.txt` keeps only answers.
    let editing = Config::builder()
        .auto_add_history(true)
        .behavior(Behavior::PreferTerm)
        .build();
    let mut editor = DefaultEditor::with_config(editing)
        .map_err(|e| Error::Internal(anyhow::anyhow!("cannot start line editing: {e}")))?;
    let history = history_path(&conversation);
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }
    banner(&conversation);
    // The last message, when its turn failed (a 529, a dropped connection):
    // /retry sends it again.
    let mut failed: Option<Turn> = None;

    loop {
        interrupt::reset();
        let Some(line) = read_message(&mut editor)? else {
            break;
        };
        // Saved line by line, so a hang-up loses none of it.
        if let Some(path) = &history {
            let _ = editor.save_history(path);
        }
        if line.trim().is_empty() {
            continue;
        }
        if let Some(command) = line.strip_prefix('/').filter(|rest| !rest.starts_with('/')) {
            match command_action(command, &mut conversation, &mut pending, &mut media) {
                Action::Continue => continue,
                Action::Exit => break,
                Action::Retry => match failed.take() {
                    Some(content) => {
                        output::note("sending the failed message again");
                        failed = send(&mut conversation, content, output, connection, terminal);
                    }
                    None => retry(&mut conversation, output, connection, terminal),
                },
            }
            continue;
        }
        let text = match line.strip_prefix("//") {
            Some(rest) => format!("/{rest}"),
            None => line,
        };
        let spec = InputSpec {
            prompt: vec![text],
            files: std::mem::take(&mut pending),
            stdin: StdinMode::Never,
            stdin_is_terminal: true,
            media,
            file_ids: std::mem::take(&mut file_ids),
        };
        match input::assemble(&spec, |_| Ok(Vec::new())) {
            Ok(content) => {
                failed = send(&mut conversation, content, output, connection, terminal);
            }
            Err(error) => output::note(resize_in_chat(error.line())),
        }
        if conversation.stdout_closed {
            break;
        }
        if let Some(signal) = interrupt::received().filter(|s| *s != Signal::Interrupt) {
            return Ok(ExitCode::for_signal(signal));
        }
    }
    if let Some(path) = &history {
        let _ = editor.save_history(path);
    }
    Ok(ExitCode::Success)
}

/// The terminal's settings before line editing changed them, to put back
/// when a signal ends the process at the prompt (where the editor has the
/// terminal in raw mode and gets no chance to restore it).
struct TerminalState {
    #[cfg(unix)]
    saved: Option<rustix::termios::Termios>,
}

impl TerminalState {
    fn save() -> TerminalState {
        TerminalState {
            #[cfg(unix)]
            saved: rustix::termios::tcgetattr(io::stdin()).ok(),
        }
    }

    fn restore(&self) {
        #[cfg(unix)]
        if let Some(saved) = &self.saved {
            let _ = rustix::termios::tcsetattr(
                io::stdin(),
                rustix::termios::OptionalActions::Now,
                saved,
            );
        }
    }
}

/// One message: a line, and the lines after it while each ends in `\`.
/// `None` at end of input (Ctrl-D).
fn read_message(editor: &mut DefaultEditor) -> Result<Option<String>> {
    let mut message = String::new();
    let mut prompt = PROMPT;
    loop {
        match editor.readline(prompt) {
            Ok(line) => match line.strip_suffix('\\') {
                Some(start) => {
                    message.push_str(start);
                    message.push('\n');
                    prompt = CONTINUATION;
                }
                None => {
                    message.push_str(&line);
                    return Ok(Some(message));
                }
            },
            Err(ReadlineError::Interrupted) => {
                if message.is_empty() {
                    output::note("(Ctrl-D or /exit leaves)");
                }
                message.clear();
                prompt = PROMPT;
            }
            Err(ReadlineError::Eof) => return Ok(None),
            Err(error) => {
                return Err(Error::Internal(anyhow::anyhow!(
                    "cannot read the terminal: {error}"
                )));
            }
        }
    }
}

enum Action {
    Continue,
    Exit,
    Retry,
}

fn command_action(
    command: &str,
    conversation: &mut Conversation,
    pending: &mut Vec<PathBuf>,
    media: &mut MediaOptions,
) -> Action {
    let (name, argument) = match command.split_once(char::is_whitespace) {
        Some((name, rest)) => (name, rest.trim()),
        None => (command.trim(), ""),
    };
    match (name, argument) {
        ("help" | "?", _) => eprintln_help(),
        ("exit" | "quit", _) => return Action::Exit,
        ("clear", _) => {
            if !pending.is_empty() {
                output::note(format!(
                    "dropped {} pending attachment{}",
                    pending.len(),
                    if pending.len() == 1 { "" } else { "s" }
                ));
                pending.clear();
            }
            clear(conversation)
        }
        ("model", "") => output::note(format!("model: {}", conversation.session.model)),
        ("model", argument) => {
            let (name, force) = match argument.strip_suffix("--force") {
                Some(name) => (name.trim(), true),
                None => (argument, false),
            };
            if !force && !catalog::is_known(name) {
                output::note(format!(
                    "`{name}` is not a model claude knows, so the model stays {}: the \
                     aliases are {}; /model {name} --force takes it anyway",
                    conversation.session.model,
                    catalog::alias_names().join(", ")
                ));
                return Action::Continue;
            }
            let model = catalog::resolve_model(name);
            media.max_pdf_pages = settings::pdf_page_limit(&model);
            output::note(format!("model: {model}"));
            conversation.session.model = model;
            save_if_started(conversation);
        }
        ("system", "") => output::note(match &conversation.session.system {
            Some(system) => format!("system: {system}"),
            None => "no system prompt".to_owned(),
        }),
        ("system", "-") => {
            conversation.session.system = None;
            output::note("system prompt removed");
            save_if_started(conversation);
        }
        ("system", system) => {
            conversation.session.system = Some(system.to_owned());
            output::note("system prompt set");
            save_if_started(conversation);
        }
        ("file", "") => output::note("usage: /file [--resize] PATH"),
        ("file", path) => {
            let path = match path.strip_prefix("--resize") {
                Some(rest) if rest.starts_with(char::is_whitespace) => {
                    set_resize(media, true);
                    rest.trim()
                }
                _ => path,
            };
            attach(Path::new(path), pending, *media)
        }
        ("resize", "") => output::note(if media.resize {
            "resize: on (/resize off turns it off)"
        } else {
            "resize: off (/resize on shrinks images to fit)"
        }),
        ("resize", "on") => set_resize(media, true),
        ("resize", "off") => set_resize(media, false),
        ("resize", _) => output::note("usage: /resize [on|off]"),
        ("save", "") => output::note("usage: /save PATH"),
        ("save", path) => save_copy(conversation, Path::new(path)),
        ("usage", _) => usage(&conversation.session),
        ("tools", _) => tools(conversation),
        ("retry", _) => return Action::Retry,
        (other, _) => output::note(format!(
            "unknown command /{other}; /help lists them (start a message with // to send /)"
        )),
    }
    Action::Continue
}

fn eprintln_help() {
    let _ = writeln!(io::stderr().lock(), "{HELP}");
}

fn banner(conversation: &Conversation) {
    let turns = conversation.session.exchanges();
    let state = if turns == 0 {
        "new".to_owned()
    } else {
        format!("resumed, {}", super::turns(turns))
    };
    output::note(format!(
        "chat: session {} ({state}), model {}; /help for commands, Ctrl-D to leave",
        conversation.name, conversation.session.model
    ));
}

/// Sends one message; gives it back when its turn failed, for /retry.
fn send(
    conversation: &mut Conversation,
    content: Turn,
    output: OutputSettings,
    connection: &Connection,
    terminal: &Terminal,
) -> Option<Turn> {
    match conversation.turn(content.clone(), output, connection, terminal) {
        Ok(_) => None,
        Err(error) => {
            output::note(format!("{}; /retry sends it again", error.line()));
            Some(content)
        }
    }
}

/// In the REPL, an image that needs `--resize` is fixed with `/resize on`.
fn resize_in_chat(line: String) -> String {
    line.replace(
        "pass --resize to shrink it",
        "type /resize on (or /file --resize PATH) to shrink it",
    )
}

fn report(result: Result<ExitCode>) {
    if let Err(error) = result {
        output::note(error.line());
    }
}

fn clear(conversation: &mut Conversation) {
    match super::fresh_name(&conversation.store) {
        Ok(name) => {
            let session = Session::new(
                conversation.session.model.clone(),
                conversation.session.system.clone(),
            );
            conversation.name = name;
            conversation.session = session;
            output::note(format!("new conversation: session {}", conversation.name));
        }
        Err(error) => output::note(error.line()),
    }
}

/// Settings changed between turns are kept at once when the session is
/// already on disk.
fn save_if_started(conversation: &Conversation) {
    if conversation.session.exchanges() > 0
        && let Err(error) = conversation
            .store
            .save(&conversation.name, &conversation.session)
    {
        output::note(error.line());
    }
}

fn set_resize(media: &mut MediaOptions, on: bool) {
    if media.resize != on {
        media.resize = on;
        output::note(if on {
            "resize: on; images are shrunk to 1568 px and under 5 MB"
        } else {
            "resize: off"
        });
    }
}

/// Checks the attachment now, so a typo is caught before the message.
fn attach(path: &Path, pending: &mut Vec<PathBuf>, media: MediaOptions) {
    let spec = InputSpec {
        prompt: Vec::new(),
        files: vec![path.to_path_buf()],
        stdin: StdinMode::Never,
        stdin_is_terminal: true,
        media,
        file_ids: Vec::new(),
    };
    match input::assemble(&spec, |_| Ok(Vec::new())) {
        Ok(_) => {
            pending.push(path.to_path_buf());
            output::note(format!("{} will go with the next message", path.display()));
        }
        Err(error) => output::note(resize_in_chat(error.line())),
    }
}

fn save_copy(conversation: &Conversation, path: &Path) {
    let written = std::fs::File::create(path).and_then(|mut file| {
        if path.extension().is_some_and(|ext| ext == "json") {
            serde_json::to_writer_pretty(&mut file, &conversation.session)?;
            writeln!(file)
        } else {
            output::print_transcript(&mut file, &conversation.name, &conversation.session)
        }
    });
    match written {
        Ok(()) => output::note(format!("saved to {}", path.display())),
        Err(error) => output::note(format!("error: cannot write {}: {error}", path.display())),
    }
}

fn usage(session: &Session) {
    let totals = &session.totals;
    let replies = session.exchanges() as u64;
    let cost = match totals.unpriced_replies {
        0 => format!("${:.6}", totals.cost_usd),
        n if n >= replies => "cost unknown (no price for the model)".to_owned(),
        n => format!(
            "${:.6}, plus {n} replies from models without a price",
            totals.cost_usd
        ),
    };
    output::note(format!(
        "{}: {} input, {} output, {} cache-write, {} cache-read tokens; {cost}",
        super::turns(session.exchanges()),
        totals.input_tokens,
        totals.output_tokens,
        totals.cache_creation_input_tokens,
        totals.cache_read_input_tokens,
    ));
}

/// `/tools`: each local tool and what happens when the model calls it.
fn tools(conversation: &Conversation) {
    let toolbox = &conversation.tools.toolbox;
    if toolbox.is_empty() {
        output::note("no local tools are offered (start the chat with -T NAME to offer one)");
        return;
    }
    // One line a tool, as /help lists the commands: a note would write
    // the breaks as escapes. Tool names are letters, digits, _ and -.
    let mut text = String::from("claude: local tools:");
    for tool in &toolbox.tools {
        let state = policy::describe(&tool.name, &toolbox.rules);
        text.push_str(&format!("\n  {:<20} {state}", tool.name));
    }
    let _ = writeln!(io::stderr().lock(), "{text}");
}

/// Asks again for the last answer. The old answer stays unless the new one
/// arrives whole.
fn retry(
    conversation: &mut Conversation,
    output: OutputSettings,
    connection: &Connection,
    terminal: &Terminal,
) {
    let mut trial = conversation.session.clone();
    let Some(user) = trial.pop_exchange() else {
        output::note("nothing to retry yet");
        return;
    };
    let previous = std::mem::replace(&mut conversation.session, trial);
    conversation.replace_last = true;
    let turn = Turn {
        described: Described {
            text: texts_of(&user),
            attachments: Vec::new(),
        },
        content: UserInput::Sent(InputContent::Json(user)),
    };
    let result = conversation.turn(turn, output, connection, terminal);
    conversation.replace_last = false;
    if !conversation.saved_last_turn {
        conversation.session = previous;
    }
    report(result);
}

/// The text a saved user message said, for the ledger: a string, or the
/// text of its text blocks.
fn texts_of(user: &serde_json::Value) -> Vec<String> {
    match user {
        serde_json::Value::String(text) => vec![text.clone()],
        serde_json::Value::Array(blocks) => blocks
            .iter()
            .filter(|block| block["type"] == "text")
            .filter_map(|block| block["text"].as_str())
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    }
}

/// The line history lives beside the sessions, in a directory as private
/// as theirs: what was typed is the conversation.
fn history_path(conversation: &Conversation) -> Option<PathBuf> {
    let dir = conversation.store.dir().parent()?;
    crate::session::create_private_dir(dir).ok()?;
    Some(dir.join("history.txt"))
}
