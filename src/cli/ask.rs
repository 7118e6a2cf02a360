//! `claude ask`: one request.

use clap::Args;

use super::{InputArgs, LedgerArgs, LocalToolArgs, OutputArgs, RequestArgs, TurnArgs};

#[derive(Debug, Args)]
pub struct AskArgs {
    /// The prompt; the words are joined with spaces
    #[arg(value_name = "PROMPT")]
    pub prompt: Vec<String>,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub request: RequestArgs,

    #[command(flatten)]
    pub turn: TurnArgs,

    #[command(flatten)]
    pub local_tools: LocalToolArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    // Claude Code's print mode (`claude -p "…"`): ask always prints, so
    // the flag is accepted for the habit and changes nothing.
    /// Accepted for Claude Code's print mode (claude -p "..."): ask always prints
    #[arg(short = 'p', long = "print", help_heading = "Output")]
    pub print: bool,

    #[command(flatten)]
    pub ledger: LedgerArgs,
}
