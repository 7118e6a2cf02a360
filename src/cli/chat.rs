//! `claude chat`: the REPL, piped turns and saved sessions.

use clap::Args;

use super::complete;
use super::{InputArgs, LedgerArgs, LocalToolArgs, OutputArgs, RequestArgs, TurnArgs};

#[derive(Debug, Args)]
pub struct ChatArgs {
    /// Whether `-m` was on the command line, rather than ANTHROPIC_MODEL
    /// filling it in: only the flag switches a saved session's model.
    #[arg(skip)]
    pub model_on_command_line: bool,

    /// A message to send as one turn (with piped stdin before it)
    #[arg(value_name = "PROMPT")]
    pub prompt: Vec<String>,

    /// Name the session, or resume it if it exists
    #[arg(
        long,
        value_name = "NAME",
        help_heading = "Session",
        add = clap_complete::ArgValueCandidates::new(complete::sessions)
    )]
    pub session: Option<String>,

    /// Resume the most recently used session
    #[arg(
        short = 'c',
        long = "continue",
        conflicts_with = "session",
        help_heading = "Session"
    )]
    pub resume: bool,

    /// List saved sessions, the most recent first
    #[arg(long, conflicts_with_all = ["show", "delete", "session", "resume"], help_heading = "Session")]
    pub list: bool,

    /// Print a saved session as a transcript (-o json: the file)
    #[arg(long, value_name = "NAME", conflicts_with_all = ["delete", "session", "resume"], help_heading = "Session", add = clap_complete::ArgValueCandidates::new(complete::sessions))]
    pub show: Option<String>,

    /// Delete a saved session
    #[arg(long, value_name = "NAME", conflicts_with_all = ["session", "resume"], help_heading = "Session", add = clap_complete::ArgValueCandidates::new(complete::sessions))]
    pub delete: Option<String>,

    /// Let the server compact long conversations (context_management)
    #[arg(
        long,
        help_heading = "Session",
        long_help = "Turn on server-side compaction: the API summarises the start of a long \
                     conversation into a compaction block (context_management edit \
                     compact_20260112, beta compact-2026-01-12), which the session keeps and \
                     sends back. Without it, claude warns when a conversation nears the \
                     model's context window."
    )]
    pub compact: bool,

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

    #[command(flatten)]
    pub ledger: LedgerArgs,
}
