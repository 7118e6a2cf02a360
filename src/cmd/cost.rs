//! `claude cost`: what the runs in the ledger cost, summed by day, model,
//! tag or command.

use std::io;

use crate::cli::{CostArgs, CostBy};
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::ledger::{self, Grouping, Report, Store};
use crate::output;
use crate::settings;

pub fn run(args: CostArgs) -> Result<ExitCode> {
    let path = ledger::default_path(|name| std::env::var(name).ok()).ok_or_else(|| {
        Error::Usage("there is no data directory for the ledger: set XDG_DATA_HOME or HOME".into())
    })?;
    let (grouping, name) = match args.by {
        CostBy::Day => (Grouping::Day, "day"),
        CostBy::Model => (Grouping::Model, "model"),
        CostBy::Tag => (Grouping::Tag, "tag"),
        CostBy::Command => (Grouping::Command, "command"),
    };
    let unreadable = |error: anyhow::Error| {
        Error::Internal(error.context(format!("cannot read the ledger {}", path.display())))
    };
    let report = match Store::open_existing(&path).map_err(unreadable)? {
        Some(store) => {
            let since = if args.all {
                None
            } else {
                Some(store.cutoff_ms(&args.since).map_err(unreadable)?)
            };
            store.cost_report(since, grouping).map_err(unreadable)?
        }
        None => Report::default(),
    };
    let format = settings::data_format(args.output);
    output::print_cost(&mut io::stdout().lock(), &report, name, format).map_err(Error::Output)?;
    if report.total.unpriced > 0 {
        let n = report.total.unpriced;
        output::note(format!(
            "* {n} {} of {} with no known price {} counted but not in the USD figures; give a \
             price with [prices.MODEL] in the config file",
            if n == 1 { "request" } else { "requests" },
            report.unpriced_models.join(", "),
            if n == 1 { "is" } else { "are" },
        ));
    }
    Ok(ExitCode::Success)
}
