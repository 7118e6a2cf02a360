//! `claude vision`: images (files, stdin or URLs) and a question about them.

use crate::cli::VisionArgs;
use crate::config::Config;
use crate::error::Result;
use crate::exit::ExitCode;
use crate::input::{self, VisionSpec};
use crate::settings::{self, Connection, RequestSettings, Terminal};

use super::stdin_reader;

pub fn run(
    args: VisionArgs,
    connection: &Connection,
    terminal: &Terminal,
    config: &Config,
) -> Result<ExitCode> {
    let settings = RequestSettings::resolve(&args.request, &connection.client.api_version, config)?;
    settings::check_cache_value(&args.request, args.images.first().map(|p| p.as_os_str()))?;
    if !settings.dry_run {
        connection.require_credential()?;
    }
    let spec = VisionSpec {
        images: args.images,
        prompt: args.prompt,
        stdin: settings::stdin_mode(&args.stdin),
        stdin_is_terminal: terminal.stdin,
        media: settings::media_options(&args.media, &settings.model),
    };
    let content = input::assemble_vision(&spec, stdin_reader(spec.stdin_is_explicit()))?;
    super::ask::send(
        content,
        &settings,
        &args.output,
        connection,
        terminal,
        config,
    )
}
