//! The `claude` binary: parse, run, exit with the contract's code.

use std::io::{IsTerminal, Write};

use clap::error::ErrorKind;

use claude_cli::cli::{self, Cli};
use claude_cli::exit::ExitCode;
use claude_cli::settings::Terminal;

fn main() -> std::process::ExitCode {
    // A shell asking for completions (COMPLETE=bash claude -- WORDS...) is
    // answered and the process ends here.
    clap_complete::CompleteEnv::with_factory(cli::complete::command)
        .var(claude_cli::generate::COMPLETE_VAR)
        .bin("claude")
        .completer("claude")
        .complete();
    // First, before the key is read from anywhere.
    claude_cli::secrets::forbid_core_dumps();
    let line = cli::with_implied_ask(std::env::args_os(), std::io::stdin().is_terminal());
    match Cli::parse_with_sources(line.args.clone()) {
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
            let styled = Terminal::detect().stderr_styled;
            let _ = std::io::stderr().write_all(cli::usage_error(error, &line, styled).as_bytes());
            ExitCode::Usage.into()
        }
    }
}
