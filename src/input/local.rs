//! A file to be stored with the Files API: its size, and what it is, told
//! from its first bytes without reading it whole, so that a 500 MB file
//! costs no memory before it is uploaded.

use std::io::Read;
use std::path::Path;

use bytes::Bytes;

use super::io_reason;
use super::media::{self, ImageFormat, Kind};
use crate::api::files::{MAX_FILE_BYTES, UploadSource};
use crate::error::Error;

/// Bytes read to tell what a file is (and an image's size, which its
/// header gives).
const HEAD_BYTES: usize = 64 * 1024;

/// A file to upload.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalFile {
    /// How the user named it, for messages.
    pub name: String,
    pub source: UploadSource,
    pub size: u64,
    pub kind: Kind,
    /// Width and height of an image, when its header tells.
    pub dimensions: Option<(u32, u32)>,
}

impl LocalFile {
    /// The part's content type, which the API keeps as the file's
    /// `mime_type`: told from the content, like every attachment.
    pub fn content_type(&self) -> &'static str {
        match self.kind {
            Kind::Image(format) => format.media_type(),
            Kind::Pdf => "application/pdf",
            Kind::Text | Kind::Svg => "text/plain",
            Kind::Unsupported(_) | Kind::Binary => "application/octet-stream",
        }
    }

    /// The image format, for an image.
    pub fn image_format(&self) -> Option<ImageFormat> {
        match self.kind {
            Kind::Image(format) => Some(format),
            _ => None,
        }
    }
}

/// Looks at the file at `path`: refused when it is missing, a directory,
/// empty, or over the Files API's 500 MB.
pub fn from_path(path: &Path) -> Result<LocalFile, Error> {
    let name = path.display().to_string();
    let failed = |e: std::io::Error| Error::Usage(format!("{name}: {}", io_reason(&e)));
    let file = std::fs::File::open(path).map_err(failed)?;
    let metadata = file.metadata().map_err(failed)?;
    if metadata.is_dir() {
        return Err(super::directory_error(&name));
    }
    let size = metadata.len();
    check_size(&name, size)?;
    let mut head = Vec::with_capacity(HEAD_BYTES);
    file.take(HEAD_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(failed)?;
    Ok(describe(
        name,
        UploadSource::Path(path.to_path_buf()),
        size,
        &head,
    ))
}

/// Bytes already read (stdin), to be uploaded from memory.
pub fn from_bytes(name: &str, bytes: Bytes) -> Result<LocalFile, Error> {
    let size = bytes.len() as u64;
    check_size(name, size)?;
    let head = bytes.slice(..bytes.len().min(HEAD_BYTES));
    Ok(describe(
        name.to_owned(),
        UploadSource::Bytes(bytes),
        size,
        &head,
    ))
}

fn check_size(name: &str, size: u64) -> Result<(), Error> {
    if size == 0 {
        return Err(Error::Usage(format!("{name}: the file is empty")));
    }
    if size > MAX_FILE_BYTES {
        return Err(Error::Usage(format!(
            "{name}: the file is {size} bytes, over the Files API's limit of 500 MB \
             ({MAX_FILE_BYTES} bytes)"
        )));
    }
    Ok(())
}

fn describe(name: String, source: UploadSource, size: u64, head: &[u8]) -> LocalFile {
    let kind = match media::detect(head) {
        // The head may end in the middle of a character.
        Kind::Binary if size > head.len() as u64 && is_text_cut_short(head) => Kind::Text,
        kind => kind,
    };
    let dimensions = match kind {
        Kind::Image(format) => media::dimensions(format, head),
        _ => None,
    };
    LocalFile {
        name,
        source,
        size,
        kind,
        dimensions,
    }
}

/// UTF-8 whose only fault is a character cut at the end.
fn is_text_cut_short(head: &[u8]) -> bool {
    std::str::from_utf8(head)
        .err()
        .is_some_and(|e| e.error_len().is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_content_types_come_from_the_content() {
        let png = from_bytes(
            "a",
            Bytes::from_static(b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x02\0\0\0\x03"),
        )
        .unwrap();
        assert_eq!(png.content_type(), "image/png");
        assert_eq!(png.dimensions, Some((2, 3)));
        let pdf = from_bytes("b", Bytes::from_static(b"%PDF-1.7\n")).unwrap();
        assert_eq!(pdf.content_type(), "application/pdf");
        let text = from_bytes("c", Bytes::from_static(b"a,b\n1,2\n")).unwrap();
        assert_eq!(text.content_type(), "text/plain");
        let binary = from_bytes("d", Bytes::from_static(b"\0\xff\xfe")).unwrap();
        assert_eq!(binary.content_type(), "application/octet-stream");
    }

    #[test]
    fn a_character_cut_by_the_head_is_still_text() {
        let mut long = "é".repeat(HEAD_BYTES).into_bytes();
        long.insert(0, b'a');
        let file = from_bytes("long.txt", Bytes::from(long)).unwrap();
        assert_eq!(file.kind, Kind::Text);
    }

    #[test]
    fn empty_and_missing_files_are_refused() {
        assert!(from_bytes("e", Bytes::new()).is_err());
        let error = from_path(Path::new("/no/such/file")).unwrap_err();
        assert_eq!(error.to_string(), "/no/such/file: no such file");
    }
}
