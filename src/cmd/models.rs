//! `claude models`: the models the key can use (`GET /v1/models`, every
//! page, printed as each arrives), or one model's limits and capabilities.

use std::collections::HashSet;
use std::io::{self, Write};

use crate::api::{self, Client};
use crate::catalog;
use crate::cli::ModelsArgs;
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::log::StderrLog;
use crate::output::{self, ModelList, Spinner};
use crate::settings::{self, Connection, LogLevel, Terminal};

/// Models per page: the API's maximum, so most accounts need one request.
const PAGE_SIZE: u32 = 1000;
/// Pages followed before giving up: 100,000 models (pages hold at most
/// `api::caps::PAGE_ITEMS`).
const MAX_PAGES: usize = 100;

pub fn run(args: ModelsArgs, connection: &Connection, terminal: &Terminal) -> Result<ExitCode> {
    connection.require_credential()?;
    let client = Client::new(connection.client_config())?;
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
        if matches!(id, "." | "..") || id.contains('/') {
            return Err(Error::Usage(format!("`{id}` is not a model id")));
        }
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

    let list = ModelList::new(stdout, settings::data_format(args.output), terminal.stdout);
    print_all(&client, &log, list, stop_spinner)?;
    Ok(ExitCode::Success)
}

/// Every page of the list, each printed as it arrives: one page is held
/// at a time, however many the server says follow. A server whose
/// pagination does not move on (more pages, but no new `last_id`) is an
/// error, not an endless loop or a list quietly cut short.
fn print_all(
    client: &Client,
    log: &StderrLog,
    mut list: ModelList<impl Write>,
    stop_spinner: impl Fn(),
) -> Result<()> {
    let mut seen = HashSet::new();
    let mut after: Option<String> = None;
    for _ in 0..MAX_PAGES {
        let page = client.list_models(after.as_deref(), PAGE_SIZE, log);
        stop_spinner();
        let page = page?.value;
        list.page(&page.data).map_err(Error::Output)?;
        if !page.has_more {
            return list.finish().map_err(Error::Output);
        }
        match page.last_id {
            Some(last) if seen.insert(last.clone()) => after = Some(last),
            _ => {
                return Err(broken_pagination(
                    "a page said more followed but gave no new last_id",
                ));
            }
        }
    }
    Err(broken_pagination(&format!(
        "still more after {MAX_PAGES} pages"
    )))
}

fn broken_pagination(detail: &str) -> Error {
    Error::Api(api::Error::Protocol {
        detail: format!("the model list's pagination is broken: {detail}"),
        request_id: None,
    })
}
