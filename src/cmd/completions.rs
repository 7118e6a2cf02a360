//! `claude completions SHELL`: the completion script, generated from the
//! command-line definition (the same as the files under `completions/`).

use std::io::{self, Write};

use crate::cli::CompletionsArgs;
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::generate;

pub fn run(args: CompletionsArgs) -> Result<ExitCode> {
    let mut script = Vec::new();
    generate::completion(args.shell, &mut script).map_err(|e| Error::Internal(e.into()))?;
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(&script)
        .and_then(|()| stdout.flush())
        .map_err(Error::Output)?;
    Ok(ExitCode::Success)
}
