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

use crate::api::{Client, Observer, RequestPreview};
use crate::cli::{InputArgs, RequestArgs};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::input::{self, InputSpec, UserInput};
use crate::output;
use crate::settings::{self, Connection, LogLevel, RequestSettings, Terminal};
use crate::uploads::cache::Cache;
use crate::uploads::{RequestFiles, Uploader};

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

/// The user turn from PROMPT words, `-f` files, `--file-id` files and
/// stdin (`ask`, `count`, one chat turn); `model` decides the PDF page
/// limit.
fn assemble(
    prompt: Vec<String>,
    input: InputArgs,
    terminal: &Terminal,
    model: &str,
    config: &Config,
) -> Result<UserInput> {
    let spec = InputSpec {
        prompt,
        files: input.files,
        stdin: settings::stdin_mode(&input.stdin),
        stdin_is_terminal: terminal.stdin,
        media: settings::media_options(&input.media, model, config),
        file_ids: input.media.stored.file_ids,
    };
    input::assemble(&spec, stdin_reader(spec.stdin_is_explicit()))
}

/// What gives a request's files their ids: the upload cache, uploads
/// (with a progress bar on a terminal) and lookups. `lifetime`: how many
/// seconds a cached file must still live to be reused.
fn request_files<'a>(
    client: &'a Client,
    log: &'a dyn Observer,
    connection: &Connection,
    terminal: &Terminal,
    lifetime: i64,
    dry_run: bool,
) -> RequestFiles<'a> {
    let uploader = Uploader::new(
        client,
        log,
        Cache::default_location(),
        connection.client.base_url.as_str(),
        terminal.stderr_styled && connection.log == LogLevel::Off,
    );
    RequestFiles::new(uploader, lifetime, dry_run)
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
