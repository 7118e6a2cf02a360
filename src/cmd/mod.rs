//! One module per subcommand. Each resolves its arguments, assembles input,
//! calls the API and hands the reply to the output layer.

pub mod ask;
pub mod batch;
pub mod chat;
pub mod completions;
pub mod config;
pub mod count;
pub mod models;
pub mod vision;

use std::io;

use crate::api::RequestPreview;
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::input;
use crate::output;
use crate::settings::{Connection, Terminal};

/// Reads stdin for input assembly, saying so when it stays silent.
/// `explicit`: the user asked for stdin, so there is nothing to turn off.
fn stdin_reader(explicit: bool) -> impl FnOnce() -> io::Result<Vec<u8>> {
    move || {
        input::read_stdin(input::STDIN_HINT_AFTER, move || {
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
    if connection.require_credential().is_err() {
        output::note("no API key is set, so sending this would fail: set ANTHROPIC_API_KEY");
    }
    Ok(ExitCode::Success)
}
