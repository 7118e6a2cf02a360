//! The flags of local tools (commands the model may ask `claude` to run)
//! and the `claude tools` subcommand that shows their definitions.

use clap::{Args, Subcommand};

use super::values::parse_positive_seconds;
use super::{DataFormat, help};

/// Commands on this machine the model may ask to run.
#[derive(Debug, Args)]
#[command(next_help_heading = "Local tools")]
pub struct LocalToolArgs {
    /// Offer a local tool: NAME in the tools directory, or a definition's PATH (repeatable)
    #[arg(
        short = 'T',
        long = "tool",
        value_name = "NAME|PATH",
        long_help = "Offer a local tool to the model (repeatable): NAME is \
                     $XDG_CONFIG_HOME/claude-cli/tools/NAME.toml, a PATH (with a / or \
                     ending in .toml) is that definition. claude tools --help says how to \
                     write one. A call runs only when --allow (or the config file) allows \
                     it, or when you answer yes on the terminal; with no terminal, a call \
                     that is not allowed ends the run with exit 5."
    )]
    pub tools: Vec<String>,

    /// Let a tool run without asking: its NAME, or all (repeatable)
    #[arg(long, value_name = "NAME|all")]
    pub allow: Vec<String>,

    /// Never let a tool run, whatever allows it: the model is told (repeatable)
    #[arg(long, value_name = "NAME")]
    pub deny: Vec<String>,

    /// Whether the model must use a tool: auto, any, none, or one tool's NAME
    #[arg(long, value_name = "auto|any|none|NAME")]
    pub tool_choice: Option<String>,

    /// Send the tools without strict: true (the API then checks less)
    #[arg(long)]
    pub no_strict_tools: bool,

    /// Calls of one reply that run at once
    #[arg(
        long,
        value_name = "N",
        default_value_t = 4,
        value_parser = clap::value_parser!(u32).range(1..=64)
    )]
    pub tool_jobs: u32,

    /// Seconds a call may run; then its process group is killed
    #[arg(long, value_name = "SECS", default_value = "60", value_parser = parse_positive_seconds)]
    pub tool_timeout: f64,
}

#[derive(Debug, Args)]
pub struct ToolsArgs {
    #[command(subcommand)]
    pub action: ToolsAction,
}

#[derive(Debug, Subcommand)]
pub enum ToolsAction {
    /// List the tools defined in the tools directory
    #[command(after_help = help::after_help("tools list"))]
    List(ToolsListArgs),
    /// Show one tool's definition, as checked and as it is sent
    #[command(after_help = help::after_help("tools show"))]
    Show(ToolsShowArgs),
}

#[derive(Debug, Args)]
pub struct ToolsListArgs {
    /// Output format
    #[arg(short, long, value_enum, default_value_t = DataFormat::Text, value_name = "FORMAT")]
    pub output: DataFormat,
}

#[derive(Debug, Args)]
pub struct ToolsShowArgs {
    /// A tool's name (its file in the tools directory) or a definition's path
    #[arg(value_name = "NAME|PATH")]
    pub tool: String,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = DataFormat::Text, value_name = "FORMAT")]
    pub output: DataFormat,
}
