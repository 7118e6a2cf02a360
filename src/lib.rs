//! `claude`, a Unix-style command-line client for the Claude Messages API.
//!
//! The binary is a thin wrapper over [`run`]. Layout: `cli` defines the
//! command line, `settings` resolves it, `cmd` holds one module per
//! subcommand, which use `input` (what to send), `api` (sending it),
//! `output` (showing the reply) and `log` (showing the attempts under `-v`);
//! `turn` drives the requests of one turn, for every command that sends one;
//! `uploads` turns local files into stored ones through the upload cache;
//! `ledger` keeps every request for `claude log`, `claude cost` and the
//! daily budget; `tools` runs the local commands the model may call.
//! `error` and `exit` map every failure to the contract's exit codes.

pub mod api;
pub mod budget;
pub mod catalog;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod credentials;
pub mod error;
pub mod exit;
pub mod generate;
pub mod input;
pub mod interrupt;
pub mod json_text;
pub mod ledger;
pub mod log;
pub mod output;
pub mod render;
pub mod secrets;
pub mod session;
pub mod settings;
pub mod tools;
pub mod turn;
pub mod uploads;

use cli::{Cli, Command};
use error::Error;
use exit::ExitCode;
use settings::{Connection, Terminal};

/// Runs a parsed command line. Failures are reported on stderr here, in one
/// `claude: error: …` line, and become the exit code.
pub fn run(cli: Cli) -> ExitCode {
    match dispatch(cli) {
        Ok(code) => code,
        Err(error) if error.is_closed_stdout() => ExitCode::Success,
        Err(error) => {
            output::note(error.line());
            error.exit_code()
        }
    }
}

fn dispatch(cli: Cli) -> Result<ExitCode, Error> {
    interrupt::install()?;
    let terminal = Terminal::detect();
    let mut connection = Connection::resolve(&cli.connection, |name| std::env::var(name).ok())?;
    if let Some(name) = connection.base_url_setting.name() {
        error::name_base_url_setting(name);
    }
    for note in &connection.notes {
        output::note(note);
    }
    if let Command::Completions(args) = cli.command {
        return cmd::completions::run(args);
    }
    let config_path = config::path(|name| std::env::var(name).ok(), dirs::home_dir);
    // Where the file is must be printable even when the file is broken.
    if let Command::Config(cli::ConfigArgs {
        action: cli::ConfigAction::Path,
    }) = &cli.command
    {
        return cmd::config::print_path(config_path.as_deref());
    }
    let config = config::load(config_path.as_deref())?;
    connection.set_key_command(config.api_key_command.clone());
    catalog::install_overrides(
        config.aliases.clone(),
        config
            .prices
            .iter()
            .map(|(model, entry)| (model.clone(), entry.price()))
            .collect(),
    );
    match cli.command {
        Command::Ask(args) => cmd::ask::run(args, &connection, &terminal, &config),
        Command::Vision(args) => cmd::vision::run(args, &connection, &terminal, &config),
        Command::Count(args) => cmd::count::run(args, &connection, &terminal, &config),
        Command::Models(args) => cmd::models::run(args, &connection, &terminal),
        Command::Chat(args) => cmd::chat::run(args, &connection, &terminal, &config),
        Command::Batch(args) => cmd::batch::run(args, &connection, &terminal, &config),
        Command::Files(args) => cmd::files::run(args, &connection, &terminal),
        Command::Log(args) => cmd::log::run(args),
        Command::Cost(args) => cmd::cost::run(args),
        Command::Tools(args) => cmd::tools::run(args, &terminal, |name| std::env::var(name).ok()),
        Command::Config(args) => {
            cmd::config::run(args, &connection, &config, config_path.as_deref(), |name| {
                std::env::var(name).ok()
            })
        }
        Command::Completions(args) => cmd::completions::run(args),
    }
}
