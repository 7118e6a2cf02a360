//! `claude count`: the input tokens of the request `ask` would send.

use std::io;

use crate::api::Client;
use crate::api::types::CountTokensRequest;
use crate::catalog;
use crate::cli::CountArgs;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::log::StderrLog;
use crate::output::{self, Spinner};
use crate::settings::{self, Connection, LogLevel, Terminal};

pub fn run(
    args: CountArgs,
    connection: &Connection,
    terminal: &Terminal,
    config: &Config,
) -> Result<ExitCode> {
    let first_word = args.prompt.first().map(std::ffi::OsStr::new);
    let settings = super::request_settings(&args.request, first_word, connection, config)?;
    if !settings.dry_run {
        connection.require_credential()?;
    }
    let content = super::assemble(args.prompt, args.input, terminal, &settings.model, config)?;
    let message = super::ask::message_request(content, &settings, false);
    let request = CountTokensRequest::from(&message);
    let client = Client::new(connection.client_config())?;

    if settings.dry_run {
        let preview = client.preview_count(&request, &settings.betas)?;
        return super::print_preview(&preview, connection, terminal);
    }

    let spinner = (terminal.stderr_styled && connection.log == LogLevel::Off)
        .then(|| Spinner::start("counting tokens".into()));
    let log = StderrLog::new(connection.log, spinner.clone());
    let reply = client.count_tokens(&request, &settings.betas, &log);
    if let Some(spinner) = spinner {
        spinner.stop();
    }
    let reply = reply?;
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
