//! `claude count`: the input tokens of the request ask would send.

use clap::Args;

use super::{DataFormat, InputArgs, RequestArgs};

#[derive(Debug, Args)]
pub struct CountArgs {
    /// The prompt; the words are joined with spaces
    #[arg(value_name = "PROMPT")]
    pub prompt: Vec<String>,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub request: RequestArgs,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = DataFormat::Text, value_name = "FORMAT", help_heading = "Output")]
    pub output: DataFormat,

    /// Also print the estimated input cost in USD to stderr
    #[arg(long, help_heading = "Output")]
    pub cost: bool,
}
