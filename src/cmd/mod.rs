//! One module per subcommand. Each resolves its arguments, assembles input,
//! calls the API and hands the reply to the output layer.

pub mod ask;
pub mod batch;
pub mod chat;
pub mod completions;
pub mod config;
pub mod count;
pub mod files;
pub mod models;
pub mod vision;

use std::ffi::OsStr;
use std::io;

use crate::api::RequestPreview;
use crate::api::types::InputContent;
use crate::cli::{InputArgs, RequestArgs};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::input::{self, InputSpec};
use crate::output;
use crate::settings::{self, Connection, RequestSettings, Terminal};

/// The request options of a command that sends a message: resolved over
/// the config file, with `--cache 1h` caught before `1h` joins the prompt.
/// `first_word` is the first positional argument.
fn request_settings(
    request: &RequestArgs,
    first_word: Option<&OsStr>,
    connection: &Connection,
    config: &Config,
) -> Result<RequestSettings> {
    let settings =
        RequestSettings::resolve(request, &connection.client.api_version, config, |name| {
            std::env::var(name).ok()
        })?;
    settings::check_cache_value(request, first_word)?;
    Ok(settings)
}

/// The user turn from PROMPT words, `-f` files and stdin (`ask`, `count`,
/// one chat turn); `model` decides the PDF page limit.
fn assemble(
    prompt: Vec<String>,
    input: InputArgs,
    terminal: &Terminal,
    model: &str,
    config: &Config,
) -> Result<InputContent> {
    let spec = InputSpec {
        prompt,
        files: input.files,
        stdin: settings::stdin_mode(&input.stdin),
        stdin_is_terminal: terminal.stdin,
        media: settings::media_options(&input.media, model, config),
    };
    input::assemble(&spec, stdin_reader(spec.stdin_is_explicit()))
}

/// Reads stdin for input assembly, saying so when it stays silent.
/// `explicit`: the user asked for stdin, so there is nothing to turn off.
fn stdin_reader(explicit: bool) -> impl input::StdinReader {
    move |limit| {
        input::read_stdin(limit, input::STDIN_HINT_AFTER, move || {
            output::note(if explicit {
                "waiting for stdin (asked for with --stdin or -); end it with Ctrl-D"
            } else {
                // Reading was a guess: say how to turn it off.
                "waiting for stdin; pass --no-stdin if there is none"
            })
        })
    }
}

/// `--dry-run`: prints the request instead of sending it.
pub(crate) fn print_preview(
    preview: &RequestPreview,
    connection: &Connection,
    terminal: &Terminal,
) -> Result<ExitCode> {
    output::print_preview(&mut io::stdout().lock(), preview, terminal.stdout)
        .map_err(Error::Output)?;
    if !connection.has_credential_source() {
        output::note("no API key is set, so sending this would fail: set ANTHROPIC_API_KEY");
    }
    Ok(ExitCode::Success)
}
