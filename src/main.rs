//! The `claude` binary: parse, run, exit with the contract's code.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = claude_cli::cli::Cli::parse();
    claude_cli::run(cli).into()
}
