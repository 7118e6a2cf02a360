//! `claude config`: the config file's path, and the settings in effect.

use clap::{Args, Subcommand};

use super::help;

#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub action: ConfigAction,
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Print the config file's path
    #[command(after_help = help::after_help("config path"))]
    Path,
    /// Print the settings in effect and where each comes from (the key redacted)
    #[command(after_help = help::after_help("config show"))]
    Show,
}
