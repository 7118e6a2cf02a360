//! `claude vision`: images (files, stdin or URLs) and a question about them.

use crate::cli::VisionArgs;
use crate::config::Config;
use crate::error::Result;
use crate::exit::ExitCode;
use crate::input::{self, VisionSpec};
use crate::settings::{self, Connection, Terminal};

use super::stdin_reader;

pub fn run(
    args: VisionArgs,
    connection: &Connection,
    terminal: &Terminal,
    config: &Config,
) -> Result<ExitCode> {
    let first_word = args.images.first().map(|p| p.as_os_str());
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
    let spec = VisionSpec {
        images: args.images,
        prompt: args.prompt,
        stdin: settings::stdin_mode(&args.stdin),
        stdin_is_terminal: terminal.stdin,
        media: settings::media_options(&args.media, &settings.model, config),
        file_ids: args.media.stored.file_ids,
    };
    let turn = input::assemble_vision(&spec, stdin_reader(spec.stdin_is_explicit()))?;
    super::ask::send(
        super::ask::Sending {
            command: "vision",
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
