//! `claude models`: the models the key can use.

use clap::Args;

use super::DataFormat;

#[derive(Debug, Args)]
pub struct ModelsArgs {
    /// Show this model (an id or an alias) instead of listing all
    #[arg(value_name = "ID")]
    pub id: Option<String>,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = DataFormat::Text, value_name = "FORMAT")]
    pub output: DataFormat,
}
