//! The flags of tools that run on Anthropic's side, and of how far one
//! turn may go on by itself.

use clap::Args;

/// The most continuations a turn may be given: each one sends the whole
/// turn so far again, so the requests grow with every pause.
pub const MAX_CONTINUATIONS: i64 = 100;

/// Tools that run on Anthropic's side: nothing is executed locally.
#[derive(Debug, Args)]
#[command(next_help_heading = "Tools")]
pub struct ServerToolArgs {
    /// Let the model search the web, at most MAX_USES times a request
    #[arg(
        long,
        value_name = "MAX_USES",
        num_args = 0..=1,
        require_equals = true,
        value_parser = clap::value_parser!(u32).range(1..),
        long_help = "Let the model search the web (server tool web_search_20260318), at \
                     most MAX_USES times a request. Searches are billed per 1,000 on top \
                     of tokens; the answer cites its sources. Give MAX_USES with '=': \
                     --web-search=3."
    )]
    pub web_search: Option<Option<u32>>,

    /// Let the model fetch web pages and PDFs, at most MAX_USES times a request
    #[arg(
        long,
        value_name = "MAX_USES",
        num_args = 0..=1,
        require_equals = true,
        value_parser = clap::value_parser!(u32).range(1..),
        long_help = "Let the model fetch the URLs it is given or finds (server tool \
                     web_fetch_20260318), at most MAX_USES times a request. Give MAX_USES \
                     with '=': --web-fetch=2."
    )]
    pub web_fetch: Option<Option<u32>>,

    /// Search and fetch only these domains (comma-separated)
    #[arg(
        long,
        value_name = "DOMAINS",
        value_delimiter = ',',
        conflicts_with = "block_domains"
    )]
    pub domains: Vec<String>,

    /// Never search or fetch these domains (comma-separated)
    #[arg(long, value_name = "DOMAINS", value_delimiter = ',')]
    pub block_domains: Vec<String>,

    /// Let the model run code in Anthropic's sandbox
    #[arg(
        long,
        long_help = "Let the model run Python and bash in a sandbox on Anthropic's side \
                     (server tool code_execution_20260521); nothing runs on this machine. \
                     Files it writes are named on stderr, or saved with --save-files."
    )]
    pub code_exec: bool,

    /// Connect a remote MCP server (repeatable); token from CLAUDE_MCP_TOKEN_<NAME>
    #[arg(
        long,
        value_name = "NAME=URL",
        long_help = "Let the model use the tools of a remote MCP server, through the API's \
                     MCP connector (beta mcp-client-2026-09-15). The URL must be https: the \
                     API connects to it, not this machine. Its bearer token is read from \
                     the environment variable CLAUDE_MCP_TOKEN_<NAME> (NAME upper-cased, - \
                     as _), never from a flag, so it does not show in ps. Repeatable."
    )]
    pub mcp: Vec<String>,

    /// Leave out the server tools the config file turns on
    #[arg(long)]
    pub no_default_tools: bool,
}

/// How far one turn may go on by itself.
#[derive(Debug, Args)]
#[command(next_help_heading = "Tools")]
pub struct TurnArgs {
    /// Times a turn the server paused (pause_turn) is continued, 0 to 100 [default: 5]
    #[arg(
        long,
        value_name = "N",
        value_parser = clap::value_parser!(u32).range(..=MAX_CONTINUATIONS),
        long_help = "Times a turn the server paused (stop_reason pause_turn, during a long \
                     server tool turn) is sent back to be continued. Each continuation is \
                     another request, counted in --usage. When they are spent and the turn \
                     is still paused, claude says so and exits 5. [default: 5]"
    )]
    pub max_continuations: Option<u32>,

    /// Most model requests one run may make (tool steps, continuations) [default: 10]
    #[arg(
        long,
        value_name = "N",
        value_parser = clap::value_parser!(u32).range(1..),
        long_help = "Most model requests one run (a chat turn) may make: the first, each \
                     request that carries tool results back, and each pause_turn \
                     continuation. When they are spent and the model still asks for a \
                     tool, claude says so and exits 5. [default: 10]"
    )]
    pub max_steps: Option<u32>,

    /// Stop before any request once the run's estimated cost reaches USD
    #[arg(
        long,
        value_name = "USD",
        value_parser = super::values::parse_usd,
        long_help = "Stop before any request once the estimated cost of this run (every \
                     request of it: tool steps, pause_turn continuations, and in the chat \
                     REPL every turn) reaches USD. The request is not sent, and claude exits \
                     12 (budget reached). The estimate is the token usage at the model's \
                     price, so a model with no known price cannot use it (exit 2; give one \
                     with [prices.MODEL] in the config file). Default: max_cost in the \
                     config file, else no ceiling."
    )]
    pub max_cost: Option<f64>,
}
