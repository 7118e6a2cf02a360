//! One attachment: a file, stdin or a URL, turned into what it will be sent
//! as (text, an image, a PDF, a URL source, or with `--upload` a file to
//! store), with clear errors for what cannot be sent.

use std::io::Read;
use std::path::Path;

use bytes::Bytes;
use reqwest::Url;

use super::limits::request_limit_text;
use super::local::{self, LocalFile};
use super::media::{self, ImageFormat, Kind};
use super::{MediaOptions, UrlKind, io_reason};
use crate::error::Error;

/// An image read into memory.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    pub format: ImageFormat,
    pub data: Bytes,
    /// Width and height from the header; `None` if it could not be read.
    pub size: Option<(u32, u32)>,
}

/// What one input becomes.
#[derive(Debug, Clone, PartialEq)]
pub enum Attachment {
    Text(String),
    /// A text file sent as a document, so that the answer can cite it
    /// (`--citations`); its title is the file's name.
    TextDocument(String),
    Image(Image),
    Pdf {
        data: Bytes,
        pages: Option<usize>,
    },
    Url {
        url: String,
        kind: UrlKind,
    },
    /// An image or a PDF to send as a stored file (`--upload`).
    Upload(LocalFile),
    /// A stored file, by id (`--file-id`).
    Stored(String),
}

/// An attachment and the name errors call it by.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    pub name: String,
    pub attachment: Attachment,
}

/// Where the bytes came from, which decides what is acceptable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// `-f PATH`: text, an image or a PDF.
    File,
    /// Piped stdin: text, an image or a PDF. SVG stays text: piping it is
    /// how its source is sent.
    Stdin,
    /// An argument of `vision`: an image or a PDF, never text.
    Vision,
}

impl Image {
    pub fn from_bytes(format: ImageFormat, data: Bytes) -> Image {
        Image {
            format,
            size: media::dimensions(format, &data),
            data,
        }
    }
}

/// Classifies bytes by content.
pub fn from_bytes(name: &str, bytes: Vec<u8>, origin: Origin) -> Result<Attachment, Error> {
    if bytes.is_empty() && origin != Origin::Stdin {
        return Err(Error::Usage(format!("{name}: the file is empty")));
    }
    match media::detect(&bytes) {
        Kind::Image(format) => Ok(Attachment::Image(Image::from_bytes(
            format,
            Bytes::from(bytes),
        ))),
        Kind::Pdf if media::pdf_is_encrypted(&bytes) => Err(Error::Usage(format!(
            "{name}: the PDF is encrypted, which the API does not accept; save a copy without \
             a password or restrictions first"
        ))),
        Kind::Pdf => {
            let pages = media::pdf_page_count(&bytes);
            Ok(Attachment::Pdf {
                data: Bytes::from(bytes),
                pages,
            })
        }
        Kind::Unsupported(format) => Err(unsupported(name, format)),
        Kind::Svg if origin != Origin::Stdin => Err(Error::Usage(format!(
            "{name}: SVG is not a format the API accepts (it takes {}); to send the SVG source \
             as text, pipe it to stdin",
            media::ACCEPTED
        ))),
        Kind::Svg | Kind::Text if origin == Origin::Vision => Err(Error::Usage(format!(
            "{name}: not an image (vision takes {}); to send text, use claude ask -f",
            media::ACCEPTED
        ))),
        Kind::Svg | Kind::Text => String::from_utf8(bytes)
            .map(Attachment::Text)
            .map_err(|_| Error::Internal(anyhow::anyhow!("text detection accepted invalid UTF-8"))),
        Kind::Binary if origin == Origin::Vision => Err(Error::Usage(format!(
            "{name}: not a format the API accepts (it takes {})",
            media::ACCEPTED
        ))),
        Kind::Binary => {
            let valid = std::str::from_utf8(&bytes).map_or_else(|e| e.valid_up_to(), str::len);
            Err(Error::Usage(format!(
                "{name} is neither UTF-8 text (invalid byte at offset {valid}) nor an accepted \
                 format ({}){}",
                media::ACCEPTED,
                media::latin1_hint(name, &bytes)
            )))
        }
    }
}

fn unsupported(name: &str, format: &str) -> Error {
    Error::Usage(format!(
        "{name}: {format} is not a format the API accepts (it takes {}); convert it first",
        media::ACCEPTED
    ))
}

/// Reads a path argument, or makes a URL source of an http(s) URL.
/// `default_url_kind` is what a URL whose path does not tell becomes.
pub fn from_argument(
    path: &Path,
    origin: Origin,
    default_url_kind: Option<UrlKind>,
    media: &MediaOptions,
) -> Result<Named, Error> {
    let name = path.display().to_string();
    if let Some(text) = path.to_str().filter(|text| is_url(text)) {
        let attachment = from_url(text, media.url_kind, default_url_kind)?;
        return Ok(Named { name, attachment });
    }
    if media.upload {
        // Looked at, not read: an image or a PDF is sent as it is stored.
        let file = local::from_path(path)?;
        if matches!(file.kind, Kind::Image(_) | Kind::Pdf) {
            return Ok(Named {
                name,
                attachment: Attachment::Upload(file),
            });
        }
    }
    let bytes = read_file(path, &name, media)?;
    let attachment = from_bytes(&name, bytes, origin)?;
    check_size(&name, attachment, media)
}

/// Refuses input over the request size limit, once it is known what it is:
/// an image may be larger while `--resize` will shrink it.
pub fn check_size(
    name: &str,
    attachment: Attachment,
    media: &MediaOptions,
) -> Result<Named, Error> {
    let name = name.to_owned();
    if let Attachment::Image(_) = attachment
        && media.resize
    {
        return Ok(Named { name, attachment });
    }
    if bytes_of(&attachment) > media.max_request_bytes {
        return Err(over_request_limit(&name, media.max_request_bytes));
    }
    Ok(Named { name, attachment })
}

/// The most bytes of one input that are read: the request size limit, or
/// more under `--resize`, since an image to be resized may be far larger
/// than what is finally sent.
pub fn read_limit(media: &MediaOptions) -> usize {
    if media.resize {
        media.max_request_bytes.max(MAX_RESIZE_INPUT_BYTES)
    } else {
        media.max_request_bytes
    }
}

/// The largest file `--resize` reads: an uncompressed 50-megapixel photo.
const MAX_RESIZE_INPUT_BYTES: usize = 256 * 1024 * 1024;

fn bytes_of(attachment: &Attachment) -> usize {
    match attachment {
        Attachment::Text(text) | Attachment::TextDocument(text) => text.len(),
        Attachment::Image(image) => image.data.len(),
        Attachment::Pdf { data, .. } => data.len(),
        Attachment::Url { .. } | Attachment::Upload(_) | Attachment::Stored(_) => 0,
    }
}

/// With `--upload`, an image or a PDF read from stdin is stored too.
pub fn to_upload(name: &str, attachment: Attachment) -> Result<Attachment, Error> {
    match attachment {
        Attachment::Image(Image { data, .. }) | Attachment::Pdf { data, .. } => {
            Ok(Attachment::Upload(local::from_bytes(name, data)?))
        }
        other => Ok(other),
    }
}

/// `name` is over the request size limit `limit`.
fn over_request_limit(name: &str, limit: usize) -> Error {
    Error::Usage(format!(
        "{name}: {} is over {}",
        what(name),
        request_limit_text(limit)
    ))
}

fn what(name: &str) -> &'static str {
    if name == "stdin" {
        "the input"
    } else {
        "the file"
    }
}

/// `name` is over what is read of one input ([`read_limit`]).
pub fn over_read_limit(name: &str, media: &MediaOptions) -> Error {
    let limit = read_limit(media);
    if limit > media.max_request_bytes {
        Error::Usage(format!(
            "{name}: {} is over {limit} bytes, more than --resize reads",
            what(name)
        ))
    } else {
        over_request_limit(name, limit)
    }
}

/// Reads a file, but no more than the read limit: a file over it (or an
/// endless one, like `/dev/zero`) is refused without being read whole.
fn read_file(path: &Path, name: &str, media: &MediaOptions) -> Result<Vec<u8>, Error> {
    let failed = |e: std::io::Error| Error::Usage(format!("{name}: {}", io_reason(&e)));
    let file = std::fs::File::open(path).map_err(failed)?;
    if file.metadata().map_err(failed)?.is_dir() {
        return Err(super::directory_error(name));
    }
    let limit = read_limit(media);
    let mut bytes = Vec::new();
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(failed)?;
    if bytes.len() > limit {
        return Err(over_read_limit(name, media));
    }
    Ok(bytes)
}

fn is_url(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

fn from_url(
    text: &str,
    forced: Option<UrlKind>,
    default: Option<UrlKind>,
) -> Result<Attachment, Error> {
    let url =
        Url::parse(text).map_err(|e| Error::Usage(format!("{text}: not a valid URL ({e})")))?;
    let path = url.path().to_ascii_lowercase();
    let extension = path.rsplit_once('.').map(|(_, ext)| ext).unwrap_or("");
    let by_path = match extension {
        "png" | "jpg" | "jpeg" | "gif" | "webp" => Some(UrlKind::Image),
        "pdf" => Some(UrlKind::Document),
        "bmp" | "tif" | "tiff" | "svg" | "heic" | "heif" | "avif" if forced.is_none() => {
            return Err(unsupported(text, &extension.to_ascii_uppercase()));
        }
        _ => None,
    };
    let kind = forced.or(by_path).or(default).ok_or_else(|| {
        Error::Usage(format!(
            "{text}: cannot tell from the URL whether it is an image or a PDF; pass \
             --url-as image or --url-as document"
        ))
    })?;
    Ok(Attachment::Url {
        url: url.to_string(),
        kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(
        text: &str,
        forced: Option<UrlKind>,
        default: Option<UrlKind>,
    ) -> Result<Attachment, Error> {
        let media = MediaOptions {
            url_kind: forced,
            resize: false,
            max_pdf_pages: super::super::MAX_PDF_PAGES,
            max_request_bytes: super::super::limits::MAX_REQUEST_BYTES,
            upload: false,
            citations: false,
        };
        from_argument(Path::new(text), Origin::File, default, &media).map(|n| n.attachment)
    }

    #[test]
    fn urls_are_sources_chosen_by_path_or_flag() {
        let kind = |a: Attachment| match a {
            Attachment::Url { kind, .. } => kind,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            kind(url("https://x.test/a/cat.JPG?s=1", None, None).unwrap()),
            UrlKind::Image
        );
        assert_eq!(
            kind(url("http://x.test/paper.pdf", None, None).unwrap()),
            UrlKind::Document
        );
        assert_eq!(
            kind(url("https://x.test/render", None, Some(UrlKind::Image)).unwrap()),
            UrlKind::Image
        );
        assert_eq!(
            kind(url("https://x.test/cat.png", Some(UrlKind::Document), None).unwrap()),
            UrlKind::Document
        );
        let error = url("https://x.test/render", None, None)
            .unwrap_err()
            .to_string();
        assert!(error.contains("--url-as"), "{error}");
        let error = url("https://x.test/a.bmp", None, None)
            .unwrap_err()
            .to_string();
        assert!(error.contains("BMP is not a format"), "{error}");
    }

    #[test]
    fn empty_files_are_refused_but_empty_stdin_is_just_empty() {
        assert!(from_bytes("a.png", vec![], Origin::File).is_err());
        assert_eq!(
            from_bytes("stdin", vec![], Origin::Stdin).unwrap(),
            Attachment::Text(String::new())
        );
    }

    #[test]
    fn svg_is_text_on_stdin_only() {
        let svg = b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec();
        assert!(matches!(
            from_bytes("stdin", svg.clone(), Origin::Stdin),
            Ok(Attachment::Text(_))
        ));
        let error = from_bytes("logo.svg", svg, Origin::File)
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("logo.svg: SVG is not a format the API accepts"),
            "{error}"
        );
    }

    #[test]
    fn vision_refuses_text() {
        let error = from_bytes("notes.txt", b"hello".to_vec(), Origin::Vision)
            .unwrap_err()
            .to_string();
        assert!(error.contains("not an image"), "{error}");
    }
}
