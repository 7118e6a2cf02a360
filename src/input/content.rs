//! The user turn before stored files have ids: blocks ready to send, local
//! files that go through the Files API (`--upload`), and stored files
//! named by id (`--file-id`). Input assembly makes it without sending
//! anything; whoever may send gives the files their ids through
//! [`StoredFiles`], and gets the request's content.

use crate::api::types::{CitationsConfig, InputBlock, InputContent, Source};
use crate::error::Error;

use super::LocalFile;
use super::media::Kind;

/// Gives files their ids in the Files API.
pub trait StoredFiles {
    /// The id of a stored copy of `file`, uploaded if need be.
    fn upload(&mut self, file: &LocalFile) -> Result<String, Error>;
    /// Whether the stored file `id` is an image (else a document).
    fn is_image(&mut self, id: &str) -> Result<bool, Error>;
}

/// One piece of the user turn.
#[derive(Debug, Clone)]
pub enum Part {
    Block(InputBlock),
    /// An image or a PDF sent as a stored file; a document carries the
    /// `citations` setting.
    Upload(LocalFile, Option<CitationsConfig>),
    /// A stored file named by id, likewise.
    Stored(String, Option<CitationsConfig>),
}

/// The user turn.
#[derive(Debug, Clone)]
pub enum UserInput {
    /// Assembled from the input, in order.
    Parts(Vec<Part>),
    /// Content already sent once (a chat turn asked again), as it was.
    Sent(InputContent),
}

impl UserInput {
    /// Whether some part needs the Files API.
    pub fn needs_files(&self) -> bool {
        match self {
            UserInput::Parts(parts) => parts.iter().any(|p| !matches!(p, Part::Block(_))),
            UserInput::Sent(_) => false,
        }
    }

    /// The request's content, every file named by its id: one piece of
    /// text as a plain string (as an SDK user would write it), anything
    /// else as blocks.
    pub fn resolve(self, files: &mut dyn StoredFiles) -> Result<InputContent, Error> {
        let parts = match self {
            UserInput::Parts(parts) => parts,
            UserInput::Sent(content) => return Ok(content),
        };
        let mut blocks = Vec::with_capacity(parts.len());
        for part in parts {
            blocks.push(match part {
                Part::Block(block) => block,
                Part::Upload(file, citations) => {
                    let source = Source::File {
                        file_id: files.upload(&file)?,
                    };
                    match file.kind {
                        Kind::Image(_) => InputBlock::Image { source },
                        _ => document(source, citations),
                    }
                }
                Part::Stored(id, citations) => {
                    let image = files.is_image(&id)?;
                    let source = Source::File { file_id: id };
                    if image {
                        InputBlock::Image { source }
                    } else {
                        document(source, citations)
                    }
                }
            });
        }
        if let [InputBlock::Text { .. }] = blocks.as_slice()
            && let Some(InputBlock::Text { text }) = blocks.pop()
        {
            return Ok(InputContent::Text(text));
        }
        Ok(InputContent::Blocks(blocks))
    }
}

fn document(source: Source, citations: Option<CitationsConfig>) -> InputBlock {
    InputBlock::Document {
        source,
        title: None,
        citations,
    }
}

/// For input that names no stored file: every request to it is a bug.
pub struct NoStoredFiles;

impl StoredFiles for NoStoredFiles {
    fn upload(&mut self, file: &LocalFile) -> Result<String, Error> {
        Err(Error::Internal(anyhow::anyhow!(
            "{} was to be uploaded without --upload",
            file.name
        )))
    }

    fn is_image(&mut self, id: &str) -> Result<bool, Error> {
        Err(Error::Internal(anyhow::anyhow!(
            "{id} was to be looked up without --file-id"
        )))
    }
}
