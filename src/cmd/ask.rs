//! `claude ask`: one request, the prompt from arguments, stdin and files.

use std::io;

use crate::api::types::{InputContent, InputMessage, MessageRequest, Role};
use crate::api::{self, Client, Reply};
use crate::cli::{AskArgs, OutputArgs};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::interrupt::{self, Signal};
use crate::log::StderrLog;
use crate::output::{self, OutputSettings, Renderer, Spinner};
use crate::settings::{self, Connection, LogLevel, RequestSettings, Terminal};

pub fn run(
    args: AskArgs,
    connection: &Connection,
    terminal: &Terminal,
    config: &Config,
) -> Result<ExitCode> {
    let first_word = args.prompt.first().map(std::ffi::OsStr::new);
    let settings = super::request_settings(&args.request, first_word, connection, config)?;
    if !settings.dry_run {
        connection.require_credential()?;
    }
    let content = super::assemble(args.prompt, args.input, terminal, &settings.model)?;
    send(
        content,
        &settings,
        &args.output,
        connection,
        terminal,
        config,
    )
}

/// Sends one user turn and prints the reply: what `ask` and `vision` share.
pub fn send(
    content: InputContent,
    settings: &RequestSettings,
    output: &OutputArgs,
    connection: &Connection,
    terminal: &Terminal,
    config: &Config,
) -> Result<ExitCode> {
    let output = settings::output_settings(output, terminal, config)?;
    // A reply that may outlast the SDKs' ten-minute non-streaming limit is
    // fetched as a stream even when it is printed whole.
    let stream = output.stream || api::needs_streaming(&settings.model, settings.max_tokens);
    let request = message_request(content, settings, stream);
    let client = Client::new(connection.client_config())?;

    if settings.dry_run {
        let preview = client.preview_message(&request, &settings.betas)?;
        return super::print_preview(&preview, connection, terminal);
    }

    if connection.both_credentials && connection.log >= LogLevel::Info {
        output::note("both ANTHROPIC_API_KEY and ANTHROPIC_AUTH_TOKEN are set; using the API key");
    }
    let (mut renderer, log) = renderer(output, connection, terminal, &settings.model);
    match deliver(
        &client,
        request,
        &settings.betas,
        settings.max_tokens,
        &mut renderer,
        &log,
    )? {
        Delivered::Reply { reply, exit } if settings.structured => Ok(check_json(&reply, exit)),
        Delivered::Reply { exit, .. } => Ok(exit),
        Delivered::Interrupted(signal) => {
            output::note(signal.describe());
            Ok(ExitCode::for_signal(signal))
        }
    }
}

/// With `--schema` the reply must be JSON. One that is not (and was not
/// cut short, which has its own code) is reported and exits 9, the "try
/// again" family: another attempt may well parse.
pub fn check_json(reply: &Reply, exit: ExitCode) -> ExitCode {
    if exit != ExitCode::Success {
        return exit;
    }
    match serde_json::from_str::<serde_json::Value>(&reply.message.text()) {
        Ok(_) => exit,
        Err(e) => {
            output::note(format!(
                "error: the reply is not valid JSON, though --schema asked for it (line {}, \
                 column {}: {e})",
                e.line(),
                e.column()
            ));
            ExitCode::Server
        }
    }
}

/// A renderer for one reply to stdout and stderr, and the `-v` log; a
/// spinner runs while a whole reply is awaited on a terminal.
pub fn renderer(
    output: OutputSettings,
    connection: &Connection,
    terminal: &Terminal,
    model: &str,
) -> (Renderer<io::Stdout, io::Stderr>, StderrLog) {
    let spinner = (terminal.stderr_styled && !output.stream && connection.log == LogLevel::Off)
        .then(|| Spinner::start(format!("waiting for {model}")));
    let log = StderrLog::new(connection.log, spinner.clone());
    let mut renderer = Renderer::new(io::stdout(), io::stderr(), output, terminal.stdout, spinner);
    renderer.set_stderr_terminal(terminal.stderr);
    (renderer, log)
}

/// How a sent request ended, when it did not fail.
pub enum Delivered {
    /// The whole reply, printed; `exit` follows its stop reason.
    Reply { reply: Box<Reply>, exit: ExitCode },
    /// Ctrl-C, SIGTERM or SIGHUP: what had arrived was printed and its
    /// line closed; the caller writes the one note.
    Interrupted(Signal),
}

/// The Messages request for one user turn.
pub fn message_request(
    content: InputContent,
    settings: &RequestSettings,
    stream: bool,
) -> MessageRequest {
    MessageRequest {
        max_tokens: settings.max_tokens,
        messages: vec![InputMessage {
            role: Role::User,
            content,
        }],
        model: settings.model.clone(),
        cache_control: settings.cache_control.clone(),
        context_management: None,
        output_config: settings.output_config.clone(),
        stop_sequences: settings.stop_sequences.clone(),
        stream,
        system: settings.system.clone(),
        temperature: settings.temperature,
        thinking: settings.thinking,
        top_k: settings.top_k,
        top_p: settings.top_p,
    }
}

/// Sends the request and renders the reply, or what had arrived of it.
pub fn deliver(
    client: &Client,
    request: MessageRequest,
    betas: &[String],
    max_tokens: u32,
    renderer: &mut Renderer<io::Stdout, io::Stderr>,
    log: &StderrLog,
) -> Result<Delivered> {
    let result = client.create_message(request, betas, renderer, log);
    // From here on a signal waits for the reply to be printed whole.
    let _printing = interrupt::subscribe(|_| {});
    let signal = || interrupt::received().unwrap_or(Signal::Interrupt);
    match result {
        Ok(reply) => {
            renderer.finish(&reply, max_tokens).map_err(Error::Output)?;
            if interrupt::requested() {
                return Ok(Delivered::Interrupted(signal()));
            }
            let exit = ExitCode::from_stop_reason(reply.message.stop_reason.as_ref());
            Ok(Delivered::Reply {
                reply: Box::new(reply),
                exit,
            })
        }
        Err(api::Error::Interrupted { partial }) => {
            let signal = signal();
            if signal == Signal::Interrupt {
                renderer.end_ctrl_c_echo().map_err(Error::Output)?;
            }
            renderer
                .finish_partial(partial.as_deref())
                .map_err(Error::Output)?;
            Ok(Delivered::Interrupted(signal))
        }
        Err(error) => {
            // What was printed stays; its line is closed before the error.
            let _ = renderer.finish_partial(None);
            Err(error.into())
        }
    }
}
