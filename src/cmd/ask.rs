//! `claude ask`: one request, the prompt from arguments, stdin and files.

use std::io;

use crate::api::types::{InputMessage, MessageRequest, Role};
use crate::api::{self, Client};
use crate::cli::AskArgs;
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::input::{self, InputSpec, StdinMode};
use crate::output::{self, Renderer, Spinner, StderrLog};
use crate::settings::{Connection, LogLevel, OutputSettings, RequestSettings, Terminal};

pub fn run(args: AskArgs, connection: &Connection, terminal: &Terminal) -> Result<ExitCode> {
    let settings = RequestSettings::resolve(&args.request, &connection.client.api_version)?;
    let output = OutputSettings::resolve(&args.output, terminal)?;
    if !settings.dry_run {
        connection.require_credential()?;
    }

    let spec = InputSpec {
        prompt: args.prompt,
        files: args.input.files,
        stdin: match (args.input.stdin, args.input.no_stdin) {
            (true, _) => StdinMode::Always,
            (_, true) => StdinMode::Never,
            _ => StdinMode::Auto,
        },
        stdin_is_terminal: terminal.stdin,
    };
    let content = input::assemble(&spec, || {
        input::read_stdin(input::STDIN_HINT_AFTER, || {
            output::note("waiting for stdin; pass --no-stdin if there is none")
        })
    })?;

    // A reply that may outlast the SDKs' ten-minute non-streaming limit is
    // fetched as a stream even when it is printed whole.
    let stream = output.stream || api::needs_streaming(&settings.model, settings.max_tokens);
    let request = MessageRequest {
        max_tokens: settings.max_tokens,
        messages: vec![InputMessage {
            role: Role::User,
            content,
        }],
        model: settings.model.clone(),
        cache_control: settings.cache_control.clone(),
        output_config: settings.output_config.clone(),
        stop_sequences: settings.stop_sequences.clone(),
        stream,
        system: settings.system.clone(),
        temperature: settings.temperature,
        thinking: settings.thinking,
        top_k: settings.top_k,
        top_p: settings.top_p,
    };
    let client = Client::new(connection.client.clone())?;

    if settings.dry_run {
        let preview = client.preview_message(&request, &settings.betas)?;
        output::print_preview(&mut io::stdout().lock(), &preview, terminal.stdout)
            .map_err(Error::Output)?;
        return Ok(ExitCode::Success);
    }

    if connection.both_credentials && connection.log >= LogLevel::Info {
        output::note("both ANTHROPIC_API_KEY and ANTHROPIC_AUTH_TOKEN are set; using the API key");
    }
    let spinner = (terminal.color && !output.stream && connection.log == LogLevel::Off)
        .then(|| Spinner::start(format!("waiting for {}", settings.model)));
    send(
        &client,
        request,
        &settings,
        output,
        terminal,
        spinner,
        connection.log,
    )
}

/// Sends the request and renders the reply; shared by every subcommand that
/// produces a Message.
fn send(
    client: &Client,
    request: MessageRequest,
    settings: &RequestSettings,
    output: OutputSettings,
    terminal: &Terminal,
    spinner: Option<Spinner>,
    log: LogLevel,
) -> Result<ExitCode> {
    let mut renderer = Renderer::new(io::stdout(), io::stderr(), output, terminal.stdout, spinner);
    let log = StderrLog::new(log);
    match client.create_message(request, &settings.betas, &mut renderer, &log) {
        Ok(message) => {
            renderer
                .finish(&message, settings.max_tokens)
                .map_err(Error::Output)?;
            Ok(ExitCode::from_stop_reason(message.stop_reason.as_ref()))
        }
        Err(api::Error::Interrupted { partial }) => {
            renderer
                .finish_partial(partial.as_deref())
                .map_err(Error::Output)?;
            output::note("interrupted");
            Ok(ExitCode::Interrupted)
        }
        Err(error) => {
            // What was printed stays; its line is closed before the error.
            let _ = renderer.finish_partial(None);
            Err(error.into())
        }
    }
}
