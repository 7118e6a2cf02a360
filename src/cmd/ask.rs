//! `claude ask`: one request, the prompt from arguments, stdin and files.

use std::io;

use crate::api::types::{InputContent, InputMessage, MessageRequest, Role};
use crate::api::{self, Client, Reply};
use crate::budget::CostCeiling;
use crate::cli::{AskArgs, OutputArgs, TurnArgs};
use crate::config::Config;
use crate::error::Result;
use crate::exit::ExitCode;
use crate::input::Turn;
use crate::ledger::Ledger;
use crate::log::StderrLog;
use crate::output::{self, OutputSettings, Renderer, Spinner};
use crate::settings::{self, Connection, LocalTools, LogLevel, RequestSettings, Terminal};
use crate::turn::{Driver, Hooks, Outcome};

use super::files::outputs;
use crate::uploads;

pub fn run(
    mut args: AskArgs,
    connection: &Connection,
    terminal: &Terminal,
    config: &Config,
) -> Result<ExitCode> {
    super::split_attachments(&mut args.input, &mut args.prompt);
    let first_word = args.prompt.first().map(std::ffi::OsStr::new);
    let settings = super::request_settings(&args.request, first_word, connection, config)?;
    let ledger = super::ledger(&args.ledger, config)?;
    let tools = super::local_tools(
        &args.local_tools.tools,
        &args.local_tools,
        &settings,
        config,
        terminal,
    )?;
    if !settings.dry_run {
        connection.require_credential()?;
    }
    let turn = super::assemble(args.prompt, args.input, terminal, &settings.model, config)?;
    send(
        Sending {
            command: "ask",
            turn,
            settings: &settings,
            ledger: &ledger,
            tools,
        },
        &args.turn,
        &args.output,
        connection,
        terminal,
        config,
    )
}

/// One user turn to send, and where its requests are kept.
pub struct Sending<'a> {
    /// The subcommand, as the ledger names it.
    pub command: &'static str,
    pub turn: Turn,
    pub settings: &'a RequestSettings,
    pub ledger: &'a Ledger,
    /// The local tools the model may call.
    pub tools: LocalTools,
}

/// Sends one user turn and prints the reply: what `ask` and `vision` share.
/// When a file taken from the upload cache turns out to be gone, it is
/// uploaded again and the turn is sent once more (nothing has been printed
/// then: the API refuses the request before it answers).
pub fn send(
    sending: Sending<'_>,
    turn_args: &TurnArgs,
    output: &OutputArgs,
    connection: &Connection,
    terminal: &Terminal,
    config: &Config,
) -> Result<ExitCode> {
    let save_files = output.save_files.as_deref();
    let output = settings::output_settings(output, terminal, connection.log, config)?;
    // A reply that may outlast the SDKs' ten-minute non-streaming limit is
    // fetched as a stream even when it is printed whole.
    let Sending {
        command,
        turn,
        settings,
        ledger,
        mut tools,
    } = sending;
    let stream = output.stream || api::needs_streaming(&settings.model, settings.max_tokens);
    let mut history = ledger.turn(
        command,
        None,
        &turn.described,
        settings.system.as_deref(),
        settings.structured,
    );
    let input = turn.content;
    let client = Client::new(connection.client_config())?;
    let files_log = StderrLog::new(connection.log, None);
    let mut files = super::request_files(
        &client,
        &files_log,
        connection,
        terminal,
        uploads::FOR_A_REQUEST,
        settings.dry_run,
    );
    let again = input.needs_files().then(|| input.clone());
    let request = message_request(input.resolve(&mut files)?, settings, stream);

    if settings.dry_run {
        let mut request = request;
        tools.apply(&mut request);
        let preview = client.preview_message(&request, &settings.betas)?;
        return super::print_preview(&preview, connection, terminal);
    }
    let save_files = save_files.map(outputs::prepare).transpose()?;

    if connection.both_credentials && connection.log >= LogLevel::Info {
        output::note("both ANTHROPIC_API_KEY and ANTHROPIC_AUTH_TOKEN are set; using the API key");
    }
    // Once printed, the text is read again only by --schema's check, by
    // the ledger, or when tools (server or local) go on with the turn and
    // it is sent back.
    let text_needed = settings.structured || ledger.records();
    let mut ceiling = CostCeiling::new(settings::max_cost(turn_args, config));
    let mut run = |mut request: MessageRequest| {
        tools.apply(&mut request);
        let (mut renderer, log) = renderer(output, connection, terminal, &settings.model);
        if !text_needed && request.tools.is_empty() && request.mcp_servers.is_empty() {
            renderer.drop_printed_text();
        }
        Driver {
            client: &client,
            betas: &settings.betas,
            renderer: &mut renderer,
            log: &log,
            limits: settings::reply_limits(turn_args, settings, config),
            hook: &mut Hooks(vec![&mut ceiling, &mut history]),
            tools: Some(&mut tools.toolbox),
            history: false,
        }
        .run(request)
    };
    let outcome = match (run(request), again) {
        (Err(error), Some(again)) if files.forget_gone(&error) => run(message_request(
            again.resolve(&mut files)?,
            settings,
            stream,
        ))?,
        (result, _) => result?,
    };
    if let Outcome::Finished(run) = &outcome {
        outputs::save(
            &client,
            &run.reply.message,
            save_files.as_deref(),
            &files_log,
        )?;
    }
    match outcome {
        Outcome::Finished(run) if settings.structured => Ok(check_json(&run.reply, run.exit)),
        Outcome::Finished(run) => Ok(run.exit),
        Outcome::Interrupted(signal) => {
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
            // serde_json's message ends with the line and column.
            output::note(format!(
                "error: the reply is not valid JSON, though --schema asked for it: {e}"
            ));
            ExitCode::Server
        }
    }
}

/// A renderer for one reply to stdout and stderr, and the `-v` log; a
/// spinner runs on a terminal's stderr until the first of the answer
/// arrives, streamed or not.
pub fn renderer(
    output: OutputSettings,
    connection: &Connection,
    terminal: &Terminal,
    model: &str,
) -> (Renderer<io::Stdout, io::Stderr>, StderrLog) {
    let spinner = (terminal.stderr_styled && connection.log == LogLevel::Off)
        .then(|| Spinner::start(format!("waiting for {model}")));
    let log = StderrLog::new(connection.log, spinner.clone());
    let mut renderer = Renderer::new(io::stdout(), io::stderr(), output, terminal.stdout, spinner);
    renderer.set_stderr_terminal(terminal.stderr);
    (renderer, log)
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
        container: None,
        context_management: None,
        mcp_servers: settings.mcp_servers.clone(),
        output_config: settings.output_config.clone(),
        stop_sequences: settings.stop_sequences.clone(),
        stream,
        system: settings.system.clone(),
        temperature: settings.temperature,
        thinking: settings.thinking,
        tool_choice: None,
        tools: settings.server_tools.definitions(),
        top_k: settings.top_k,
        top_p: settings.top_p,
    }
}
