//! `claude tools list` and `claude tools show`: the local tool definitions,
//! checked as `-T` would check them.

use std::io::{self, Write};

use crate::cli::{ToolsAction, ToolsArgs};
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::output::{self, DataFormat};
use crate::settings::{self, Terminal};
use crate::tools::definition;

pub fn run(
    args: ToolsArgs,
    terminal: &Terminal,
    env: impl Fn(&str) -> Option<String>,
) -> Result<ExitCode> {
    let dir = definition::directory(env);
    let mut out = io::stdout().lock();
    match args.action {
        ToolsAction::List(list) => {
            let Some(dir) = dir else {
                return Err(Error::Usage(
                    "no config directory to list tools from: set XDG_CONFIG_HOME or HOME".into(),
                ));
            };
            let entries = definition::list(&dir)
                .map_err(|e| Error::Usage(format!("{}: {e}", dir.display())))?;
            let (tools, broken): (Vec<_>, Vec<_>) = entries.into_iter().partition(|e| e.is_ok());
            let tools: Vec<_> = tools.into_iter().filter_map(|tool| tool.ok()).collect();
            let format = settings::data_format(list.output);
            output::print_tools(
                &mut out,
                &tools,
                format == DataFormat::Json,
                terminal.stdout,
            )
            .and_then(|()| out.flush())
            .map_err(Error::Output)?;
            if tools.is_empty() && broken.is_empty() {
                output::note(format!(
                    "no tools defined in {} (claude tools --help says how to write one)",
                    dir.display()
                ));
            }
            // The good ones are listed; a broken one is an error all the same.
            let any_broken = !broken.is_empty();
            for error in broken.into_iter().filter_map(|e| e.err()) {
                output::note(format!("error: {error}"));
            }
            Ok(if any_broken {
                ExitCode::Usage
            } else {
                ExitCode::Success
            })
        }
        ToolsAction::Show(show) => {
            let tool = definition::find(&show.tool, dir.as_deref())
                .map_err(|e| Error::Usage(e.to_string()))?;
            let format = settings::data_format(show.output);
            output::print_tool(&mut out, &tool, format == DataFormat::Json, terminal.stdout)
                .and_then(|()| out.flush())
                .map_err(Error::Output)?;
            Ok(ExitCode::Success)
        }
    }
}
