//! `claude count`: the input tokens of the request `ask` would send.

use std::io;

use crate::api::Client;
use crate::api::types::{CountTokensRequest, MessageRequest};
use crate::catalog;
use crate::cli::CountArgs;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::log::StderrLog;
use crate::output::{self, Spinner};
use crate::settings::{self, Connection, LogLevel, Terminal};
use crate::uploads;

pub fn run(
    mut args: CountArgs,
    connection: &Connection,
    terminal: &Terminal,
    config: &Config,
) -> Result<ExitCode> {
    super::split_attachments(&mut args.input, &mut args.prompt);
    let first_word = args.prompt.first().map(std::ffi::OsStr::new);
    let settings = super::request_settings(&args.request, first_word, connection, config)?;
    if !settings.dry_run {
        connection.require_credential()?;
    }
    let input =
        super::assemble(args.prompt, args.input, terminal, &settings.model, config)?.content;
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
    let message = super::ask::message_request(input.resolve(&mut files)?, &settings, false);

    if settings.dry_run {
        let preview = client.preview_count(&CountTokensRequest::from(&message), &settings.betas)?;
        return super::print_preview(&preview, connection, terminal);
    }

    let count = |message: &MessageRequest| {
        let spinner = (terminal.stderr_styled && connection.log == LogLevel::Off)
            .then(|| Spinner::start("counting tokens".into()));
        let log = StderrLog::new(connection.log, spinner.clone());
        let reply = client.count_tokens(&CountTokensRequest::from(message), &settings.betas, &log);
        if let Some(spinner) = spinner {
            spinner.stop();
        }
        reply.map_err(Error::Api)
    };
    // A file taken from the upload cache that is gone is uploaded again.
    let reply = match (count(&message), again) {
        (Err(error), Some(again)) if files.forget_gone(&error) => count(
            &super::ask::message_request(again.resolve(&mut files)?, &settings, false),
        )?,
        (result, _) => result?,
    };
    let mut stdout = io::stdout().lock();
    output::print_count(
        &mut stdout,
        &reply,
        settings::data_format(args.output),
        terminal.stdout,
    )
    .map_err(Error::Output)?;
    if args.cost {
        let tokens = reply.value.input_tokens;
        output::note(match catalog::price_of(&settings.model) {
            Some(price) => format!(
                "{tokens} input tokens for {}: ${:.6} at ${}/MTok (input price, before caching)",
                settings.model,
                catalog::input_cost(tokens, price),
                price.input
            ),
            None => format!(
                "{tokens} input tokens for {}: cost unknown (the model is not in the price table)",
                settings.model
            ),
        });
    }
    Ok(ExitCode::Success)
}
