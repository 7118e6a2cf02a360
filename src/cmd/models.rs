//! `claude models`: the models the key can use (`GET /v1/models`, every
//! page), or one model's limits and capabilities.

use std::io;

use crate::api::Client;
use crate::catalog;
use crate::cli::ModelsArgs;
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::log::StderrLog;
use crate::output::{self, Spinner};
use crate::settings::{self, Connection, LogLevel, Terminal};

/// Models per page: the API's maximum, so most accounts need one request.
const PAGE_SIZE: u32 = 1000;

pub fn run(args: ModelsArgs, connection: &Connection, terminal: &Terminal) -> Result<ExitCode> {
    connection.require_credential()?;
    let client = Client::new(connection.client.clone())?;
    let spinner = (terminal.stderr_styled && connection.log == LogLevel::Off)
        .then(|| Spinner::start("fetching models".into()));
    let log = StderrLog::new(connection.log, spinner.clone());
    let stop_spinner = || {
        if let Some(spinner) = &spinner {
            spinner.stop();
        }
    };
    let mut stdout = io::stdout().lock();

    if let Some(id) = args
        .id
        .as_deref()
        .map(str::trim)
        .filter(|id| !id.is_empty())
    {
        let reply = client.get_model(&catalog::resolve_model(id), &log);
        stop_spinner();
        output::print_model(
            &mut stdout,
            &reply?.value,
            settings::data_format(args.output),
            terminal.stdout,
        )
        .map_err(Error::Output)?;
        return Ok(ExitCode::Success);
    }

    let mut models = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page = match client.list_models(after.as_deref(), PAGE_SIZE, &log) {
            Ok(page) => page.value,
            Err(error) => {
                stop_spinner();
                return Err(error.into());
            }
        };
        models.extend(page.data);
        match page.last_id {
            // A server that says "more" without saying where would loop.
            Some(last) if page.has_more && after.as_deref() != Some(last.as_str()) => {
                after = Some(last)
            }
            _ => break,
        }
    }
    stop_spinner();
    output::print_models(
        &mut stdout,
        &models,
        settings::data_format(args.output),
        terminal.stdout,
    )
    .map_err(Error::Output)?;
    Ok(ExitCode::Success)
}
