//! `claude log`: the run ledger read back. The latest runs through filters
//! or a full-text search, one run whole, pruning, and the file's path.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::catalog;
use crate::cli::{LogAction, LogArgs, LogListArgs};
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::ledger::{self, Filter, Store};
use crate::output;
use crate::settings;

pub fn run(args: LogArgs) -> Result<ExitCode> {
    let path = ledger::default_path(|name| std::env::var(name).ok());
    match args.action {
        Some(LogAction::Path) => {
            let path = required(path)?;
            let mut stdout = io::stdout().lock();
            writeln!(stdout, "{}", path.display())
                .and_then(|()| stdout.flush())
                .map_err(Error::Output)?;
            Ok(ExitCode::Success)
        }
        Some(LogAction::Show(show)) => {
            let path = required(path)?;
            let stored = open(&path)?
                .map(|store| store.show(show.id))
                .transpose()
                .map_err(|e| unreadable(&path, e))?
                .flatten()
                .ok_or_else(|| Error::Usage(format!("no run {} in the ledger", show.id)))?;
            let format = settings::data_format(show.output);
            output::print_run(&mut io::stdout().lock(), &stored, format).map_err(Error::Output)?;
            Ok(ExitCode::Success)
        }
        Some(LogAction::Prune(prune)) => {
            let path = required(path)?;
            let deleted = match open(&path)? {
                Some(store) => store
                    .cutoff_ms(&prune.older_than)
                    .and_then(|cutoff| store.prune(cutoff))
                    .map_err(|e| unreadable(&path, e))?,
                None => 0,
            };
            output::note(format!(
                "deleted {deleted} {}",
                if deleted == 1 { "run" } else { "runs" }
            ));
            Ok(ExitCode::Success)
        }
        None => list(&args.list, &required(path)?),
    }
}

fn list(args: &LogListArgs, path: &Path) -> Result<ExitCode> {
    let filter = Filter {
        since: args.since.clone(),
        model: args.model.as_deref().map(catalog::resolve_model),
        tag: args.tag.clone(),
        session: args.session.clone(),
        failed: args.failed,
        search: args.query.clone(),
    };
    if args
        .query
        .as_deref()
        .is_some_and(|q| ledger::fts_query(q).is_none())
    {
        return Err(Error::Usage(
            "-q needs at least one word to search for".into(),
        ));
    }
    let runs = match open(path)? {
        Some(store) => store
            .list(&filter, usize::try_from(args.count).unwrap_or(usize::MAX))
            .map_err(|e| unreadable(path, e))?,
        None => Vec::new(),
    };
    let format = settings::data_format(args.output);
    output::print_runs(&mut io::stdout().lock(), &runs, format).map_err(Error::Output)?;
    Ok(ExitCode::Success)
}

/// The path, or why there is none.
fn required(path: Option<PathBuf>) -> Result<PathBuf> {
    path.ok_or_else(|| {
        Error::Usage("there is no data directory for the ledger: set XDG_DATA_HOME or HOME".into())
    })
}

/// The ledger, if there is one yet.
fn open(path: &Path) -> Result<Option<Store>> {
    Store::open_existing(path).map_err(|e| unreadable(path, e))
}

fn unreadable(path: &Path, error: anyhow::Error) -> Error {
    Error::Internal(error.context(format!("cannot read the ledger {}", path.display())))
}
