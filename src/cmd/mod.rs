//! One module per subcommand. Each resolves its arguments, assembles input,
//! calls the API and hands the reply to the output layer.

pub mod ask;
pub mod batch;
pub mod chat;
pub mod completions;
pub mod config;
pub mod cost;
pub mod count;
pub mod files;
pub mod log;
pub mod models;
pub mod tools;
pub mod vision;

use std::ffi::OsStr;
use std::io;
use std::path::{Path, PathBuf};

use crate::api::types::ToolDefinition;
use crate::api::{Client, Observer, RequestPreview};
use crate::cli::{InputArgs, LedgerArgs, LocalToolArgs, RequestArgs};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::input::{self, InputSpec, Turn};
use crate::ledger::Ledger;
use crate::output;
use crate::settings::{self, Connection, LocalTools, LogLevel, RequestSettings, Terminal};
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
    let (_, model_source) = settings::choose_model(request.model.as_deref(), config);
    for note in settings::sampling_notes(request, model_source, &settings.model) {
        output::note(note);
    }
    Ok(settings)
}

/// `-f` takes every path a shell glob gives (`-f src/*.rs "review"`), so
/// clap hands it the prompt words that follow as well. In each `-f`'s
/// list the first value is always a path; the values after it are paths
/// while they exist (or are URLs, or stdin), and the first that is not
/// starts the prompt: it and the rest join the PROMPT words. A word given
/// back that looks like a file name gets a note, so a mistyped path is
/// not sent as text unseen.
pub(crate) fn split_attachments(input: &mut InputArgs, prompt: &mut Vec<String>) {
    let mut paths = std::mem::take(&mut input.files).into_iter();
    let mut words = Vec::new();
    for size in std::mem::take(&mut input.file_groups) {
        let group: Vec<PathBuf> = paths.by_ref().take(size).collect();
        let attached = group
            .iter()
            .skip(1)
            .position(|path| !names_an_attachment(path))
            .map_or(group.len(), |at| at + 1);
        let mut group = group.into_iter();
        input.files.extend(group.by_ref().take(attached));
        for path in group {
            match path.into_os_string().into_string() {
                Ok(word) => {
                    if let Some(near) = near_miss_path(&word) {
                        output::note(format!(
                            "`{word}` is not a file, so it is sent as part of the prompt \
                             (did you mean {}?)",
                            near.display()
                        ));
                    }
                    words.push(word);
                }
                // Not UTF-8, so not a prompt word: reported as a missing file.
                Err(path) => input.files.push(path.into()),
            }
        }
    }
    // Groups unknown (a test-built InputArgs): every path stays a path.
    input.files.extend(paths);
    prompt.extend(words);
}

fn names_an_attachment(path: &Path) -> bool {
    let text = path.to_string_lossy();
    input::is_stdin_path(path)
        || text.starts_with("http://")
        || text.starts_with("https://")
        || path.exists()
}

/// Directory entries looked at for a near miss: enough for any source
/// tree's directory, and a bound on a huge one.
const NEAR_MISS_ENTRIES: usize = 2_000;

/// The file a prompt word probably meant, when the word looks like a
/// mistyped path: a single word with a `/` or an extension (`main.rs`),
/// whose directory exists (the current one for a bare name) and holds an
/// entry one or two typing slips from it (`src/mian.rs` beside
/// `src/main.rs`). Ordinary words that merely look like paths
/// (`node.js`, `and/or`) have no such neighbour, and get no note.
fn near_miss_path(word: &str) -> Option<PathBuf> {
    let extension = word.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && (1..=5).contains(&ext.len())
            && ext.chars().all(|c| c.is_ascii_alphanumeric())
    });
    if word.contains(char::is_whitespace) || !(word.contains('/') || extension) {
        return None;
    }
    let path = Path::new(word);
    let name = path.file_name()?.to_str()?.to_lowercase();
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::read_dir(dir)
        .ok()?
        .take(NEAR_MISS_ENTRIES)
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .find(|entry| strsim::osa_distance(&entry.to_lowercase(), &name) <= 2)
        .map(|entry| match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.join(entry),
            _ => PathBuf::from(entry),
        })
}

/// The run ledger of a command that sends messages.
fn ledger(args: &LedgerArgs, config: &Config) -> Result<Ledger> {
    let options = settings::ledger_options(args, config, |name| std::env::var(name).ok())?;
    Ok(Ledger::new(options))
}

/// The local tools `specs` name (`-T` values, or a resumed session's),
/// checked before anything is sent.
fn local_tools(
    specs: &[String],
    args: &LocalToolArgs,
    settings: &RequestSettings,
    config: &Config,
    terminal: &Terminal,
) -> Result<LocalTools> {
    let server: Vec<ToolDefinition> = settings.server_tools.definitions();
    let server_names: Vec<&str> = server.iter().filter_map(ToolDefinition::name).collect();
    LocalTools::resolve(specs, args, config, terminal, &server_names, |name| {
        std::env::var(name).ok()
    })
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
) -> Result<Turn> {
    let spec = InputSpec {
        prompt,
        files: input.files,
        stdin: settings::stdin_mode(&input.stdin),
        stdin_is_terminal: terminal.stdin,
        media: settings::media_options(&input.media, model, config),
        file_ids: input.media.stored.file_ids,
    };
    let read = stdin_reader(spec.stdin_is_explicit());
    let stdin_was_empty = std::cell::Cell::new(false);
    let content = input::assemble(&spec, |limit| {
        let bytes = read(limit)?;
        stdin_was_empty.set(bytes.iter().all(u8::is_ascii_whitespace));
        Ok(bytes)
    })?;
    // `git diff --staged | claude ask "..."` with nothing staged: the
    // prompt alone would get a made-up answer, so say what happened. Not
    // for /dev/null, which is how cron, CI and `ssh -n` say "no input".
    if stdin_was_empty.get() && !stdin_is_the_null_device() {
        output::note("stdin was empty, so only the prompt and files are sent");
    }
    Ok(content)
}

/// Whether stdin is a character device that is not a terminal: /dev/null.
#[cfg(unix)]
fn stdin_is_the_null_device() -> bool {
    use std::io::IsTerminal;
    use std::os::fd::AsFd;
    use std::os::unix::fs::FileTypeExt;
    let stdin = io::stdin();
    !stdin.is_terminal()
        && stdin
            .as_fd()
            .try_clone_to_owned()
            .and_then(|fd| std::fs::File::from(fd).metadata())
            .is_ok_and(|meta| meta.file_type().is_char_device())
}

#[cfg(not(unix))]
fn stdin_is_the_null_device() -> bool {
    false
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
