//! `claude vision`: images first, then the question.

use std::path::PathBuf;

use clap::Args;

use super::{LedgerArgs, LocalToolArgs, MediaArgs, OutputArgs, RequestArgs, StdinArgs, TurnArgs};

#[derive(Debug, Args)]
pub struct VisionArgs {
    /// Image files, - for image bytes on stdin, or http(s) URLs
    #[arg(value_name = "IMAGE", required = true)]
    pub images: Vec<PathBuf>,

    /// The question [default: "Describe this image.", "Describe these images.", or the same of documents, or "Describe these images and documents."]
    #[arg(short, long, value_name = "PROMPT")]
    pub prompt: Option<String>,

    #[command(flatten)]
    pub stdin: StdinArgs,

    #[command(flatten)]
    pub media: MediaArgs,

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
