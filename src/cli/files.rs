//! `claude files`: the Files API and the local upload cache.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::values::parse_expiry;
use super::{DataFormat, help};

#[derive(Debug, Args)]
pub struct FilesArgs {
    #[command(subcommand)]
    pub action: FilesAction,
}

#[derive(Debug, Subcommand)]
pub enum FilesAction {
    /// Upload files, read from disk as they are sent; print their ids
    #[command(after_help = help::after_help("files upload"))]
    Upload(FilesUploadArgs),
    /// List the stored files (--cached: the local upload cache)
    #[command(after_help = help::after_help("files list"))]
    List(FilesListArgs),
    /// Show a stored file's metadata
    #[command(after_help = help::after_help("files info"))]
    Info(FileIdArgs),
    /// Delete stored files
    #[command(after_help = help::after_help("files delete"))]
    Delete(FilesDeleteArgs),
    /// Write a stored file's content to stdout or to a file
    #[command(after_help = help::after_help("files download"))]
    Download(FilesDownloadArgs),
    /// Drop entries from the local upload cache (the stored files stay)
    #[command(after_help = help::after_help("files forget"))]
    Forget(FilesForgetArgs),
}

#[derive(Debug, Args)]
pub struct FilesUploadArgs {
    /// Files to upload, at most 500 MB each
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    /// Delete the stored files after this long: 1h to 90d (3600, 90m, 12h, 7d)
    #[arg(long, value_name = "DURATION", value_parser = parse_expiry)]
    pub expires: Option<u64>,

    /// Output: the ids, one per line (text), or the API's metadata (json)
    #[arg(short, long, value_enum, default_value_t = DataFormat::Text, value_name = "FORMAT")]
    pub output: DataFormat,
}

#[derive(Debug, Args)]
pub struct FilesListArgs {
    /// List the local upload cache instead: what --upload reuses
    #[arg(long)]
    pub cached: bool,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = DataFormat::Text, value_name = "FORMAT")]
    pub output: DataFormat,
}

#[derive(Debug, Args)]
pub struct FileIdArgs {
    /// The file id (file_...)
    #[arg(value_name = "ID")]
    pub id: String,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = DataFormat::Text, value_name = "FORMAT")]
    pub output: DataFormat,
}

#[derive(Debug, Args)]
pub struct FilesDeleteArgs {
    /// The file ids (file_...)
    #[arg(value_name = "ID", required = true)]
    pub ids: Vec<String>,
}

#[derive(Debug, Args)]
pub struct FilesDownloadArgs {
    /// The file id (file_...)
    #[arg(value_name = "ID")]
    pub id: String,

    /// Write to this file instead of stdout (- is stdout)
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("which").required(true).args(["ids", "all"]))]
pub struct FilesForgetArgs {
    /// The file ids whose entries to drop
    #[arg(value_name = "ID")]
    pub ids: Vec<String>,

    /// Drop every entry
    #[arg(long, conflicts_with = "ids")]
    pub all: bool,
}
