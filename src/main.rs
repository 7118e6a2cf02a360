//! The `claude` binary: parse, run, exit with the contract's code.

use clap::error::ErrorKind;

use claude_cli::cli::Cli;
use claude_cli::exit::ExitCode;

fn main() -> std::process::ExitCode {
    // First, before the key is read from anywhere.
    claude_cli::secrets::forbid_core_dumps();
    match Cli::parse_with_sources(std::env::args_os()) {
        Ok(cli) => claude_cli::run(cli).into(),
        // Help and version go to stdout and succeed; help shown for a
        // missing subcommand is clap's usage error, printed as clap formats it.
        Err(error)
            if matches!(
                error.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) =>
        {
            error.exit()
        }
        Err(error) => {
            claude_cli::output::note(format!(
                "error: {}",
                claude_cli::cli::one_line_error(&error)
            ));
            ExitCode::Usage.into()
        }
    }
}
