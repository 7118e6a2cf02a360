//! Input assembly: prompt words, stdin, `-f` files and `vision` images
//! become the content of the user turn. This module reads; it never sends.
//!
//! Order for `ask` and `count`: piped stdin first, then each file as given
//! (`-f -` puts stdin at that place instead), then the prompt, so that
//! `cat doc | claude ask "summarize"` sends the document, then the
//! instruction. For `vision`: the images first, then the question, as the
//! vision docs recommend.
//!
//! What a file is comes from its content ([`media`]); images and PDFs are
//! checked against the API's limits ([`limits`]) before anything is sent.
//! With `--upload`, local images and PDFs are not read but become files to
//! store ([`local`]); they, and stored files named with `--file-id`, get
//! their ids from whoever sends ([`content`]).

pub mod attach;
pub mod batch;
pub mod content;
pub mod limits;
pub mod local;
pub mod media;
#[cfg(feature = "resize")]
pub mod resize;
mod stdin;

use std::path::{Path, PathBuf};
use std::time::Duration;

use bytes::Bytes;

use crate::api::types::{Base64Data, CitationsConfig, InputBlock, Source};
use crate::error::Error;

use attach::{Attachment, Named, Origin};
pub use content::{NoStoredFiles, Part, StoredFiles, UserInput};
pub use limits::{MAX_PDF_PAGES, MAX_PDF_PAGES_200K, MAX_REQUEST_BYTES};
pub use local::LocalFile;
pub use stdin::read_stdin;

/// When to read stdin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StdinMode {
    /// Read it when it is not a terminal.
    Auto,
    /// `--stdin`: read it even from a terminal.
    Always,
    /// `--no-stdin`: never read it.
    Never,
}

/// What a URL points at, which decides the block it becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlKind {
    Image,
    Document,
}

/// How images, PDFs and URLs are handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MediaOptions {
    /// `--url-as`: what every URL is, whatever its path says.
    pub url_kind: Option<UrlKind>,
    /// `--resize`: shrink images to the recommended size.
    pub resize: bool,
    /// The PDF page limit of the model the request goes to.
    pub max_pdf_pages: usize,
    /// The request size limit: the API's, or a gateway's from the config.
    pub max_request_bytes: usize,
    /// `--upload`: local images and PDFs go through the Files API.
    pub upload: bool,
    /// `--citations`: attached PDFs and text files are documents the answer
    /// may cite.
    pub citations: bool,
}

/// What the user gave to `ask` or `count`.
#[derive(Debug, Clone)]
pub struct InputSpec {
    pub prompt: Vec<String>,
    pub files: Vec<PathBuf>,
    pub stdin: StdinMode,
    pub stdin_is_terminal: bool,
    pub media: MediaOptions,
    /// `--file-id`: stored files, after the `-f` files.
    pub file_ids: Vec<String>,
}

/// What the user gave to `vision`.
#[derive(Debug, Clone)]
pub struct VisionSpec {
    /// Paths, URLs, or `-` for image bytes on stdin.
    pub images: Vec<PathBuf>,
    pub prompt: Option<String>,
    pub stdin: StdinMode,
    pub stdin_is_terminal: bool,
    pub media: MediaOptions,
    /// `--file-id`: stored files, after the images.
    pub file_ids: Vec<String>,
}

/// The user turn: its content as it will be sent, and a description of
/// it for the run ledger.
#[derive(Debug, Clone)]
pub struct Turn {
    pub content: UserInput,
    pub described: Described,
}

/// What a turn said, as the ledger keeps it: the text the user typed or
/// piped, and each file, image, PDF or URL by name (never its bytes,
/// which are kept here only until the ledger has hashed them).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Described {
    /// The prompt words, `-p`, and text piped to stdin, in order.
    pub text: Vec<String>,
    pub attachments: Vec<Attached>,
}

/// One attachment, as given (before `--resize` and before a text file is
/// introduced by its name).
#[derive(Debug, Clone, PartialEq)]
pub struct Attached {
    /// The path, URL or file id as given, or `stdin`.
    pub name: String,
    /// A media type (`text/plain`, `image/png`, `application/pdf`), or
    /// `url` for a URL source and `file` for a stored file.
    pub media_type: String,
    /// The size in bytes, when known.
    pub size: Option<u64>,
    /// The bytes, to be hashed; `None` for a URL, a stored file, or a file
    /// uploaded from disk as it is read.
    pub data: Option<Bytes>,
}

impl Described {
    /// Notes `item`: as typed text when `typed` (prompt, `-p`, piped text),
    /// otherwise as an attachment.
    fn note(&mut self, item: &Named, typed: bool) {
        if typed && let Attachment::Text(text) = &item.attachment {
            if !text.trim().is_empty() {
                self.text.push(text.clone());
            }
            return;
        }
        let (media_type, size, data) = match &item.attachment {
            Attachment::Text(text) | Attachment::TextDocument(text) => {
                ("text/plain", None, Some(Bytes::from(text.clone())))
            }
            Attachment::Image(image) => (image.format.media_type(), None, Some(image.data.clone())),
            Attachment::Pdf { data, .. } => ("application/pdf", None, Some(data.clone())),
            Attachment::Url { .. } => ("url", None, None),
            Attachment::Upload(file) => (file.content_type(), Some(file.size), None),
            Attachment::Stored(_) => ("file", None, None),
        };
        self.attachments.push(Attached {
            name: item.name.clone(),
            media_type: media_type.to_owned(),
            size: size.or_else(|| data.as_ref().map(|d| d.len() as u64)),
            data,
        });
    }
}

/// How long stdin may stay silent before we say we are waiting for it.
pub const STDIN_HINT_AFTER: Duration = Duration::from_secs(5);

impl InputSpec {
    /// Whether the user asked for stdin (`--stdin`, `-f -`) rather than
    /// it being read because it is not a terminal.
    pub fn stdin_is_explicit(&self) -> bool {
        self.stdin == StdinMode::Always || self.files.iter().any(|f| is_stdin_path(f))
    }
}

impl VisionSpec {
    /// Whether the user asked for stdin (`--stdin`, `-` as an image).
    pub fn stdin_is_explicit(&self) -> bool {
        self.stdin == StdinMode::Always || self.images.iter().any(|f| is_stdin_path(f))
    }
}

fn reads_stdin(paths: &[PathBuf], mode: StdinMode, is_terminal: bool) -> bool {
    paths.iter().any(|p| is_stdin_path(p))
        || match mode {
            StdinMode::Always => true,
            StdinMode::Never => false,
            StdinMode::Auto => !is_terminal,
        }
}

/// `-`, or `/dev/stdin` (which, opened as a file after stdin was read,
/// would be empty).
pub fn is_stdin_path(path: &Path) -> bool {
    path.as_os_str() == "-" || path.as_os_str() == "/dev/stdin"
}

/// Reads stdin: given the most bytes to read, it returns them, or an error
/// of kind `FileTooLarge` as soon as stdin goes past that ([`read_stdin`]).
pub trait StdinReader: FnOnce(usize) -> std::io::Result<Vec<u8>> {}

impl<F: FnOnce(usize) -> std::io::Result<Vec<u8>>> StdinReader for F {}

/// Checks how `-` is used, then reads stdin when the input includes it.
fn take_stdin(
    paths: &[PathBuf],
    mode: StdinMode,
    is_terminal: bool,
    media: &MediaOptions,
    read_stdin: impl StdinReader,
) -> Result<Option<Vec<u8>>, Error> {
    let dashes = paths.iter().filter(|p| is_stdin_path(p)).count();
    if mode == StdinMode::Never && dashes > 0 {
        return Err(Error::Usage(
            "- reads stdin, which --no-stdin turns off".into(),
        ));
    }
    if dashes > 1 {
        return Err(Error::Usage(
            "- can be given only once: stdin is read once".into(),
        ));
    }
    if !reads_stdin(paths, mode, is_terminal) {
        return Ok(None);
    }
    match read_stdin(attach::read_limit(media)) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::FileTooLarge => {
            Err(attach::over_read_limit("stdin", media))
        }
        Err(e) => Err(Error::Usage(format!("cannot read stdin: {e}"))),
    }
}

/// Builds the user turn for `ask` and `count`. `read_stdin` is called at
/// most once, and only when the spec says stdin is part of the input.
pub fn assemble(spec: &InputSpec, read_stdin: impl StdinReader) -> Result<Turn, Error> {
    let mut stdin = take_stdin(
        &spec.files,
        spec.stdin,
        spec.stdin_is_terminal,
        &spec.media,
        read_stdin,
    )?;
    let named_stdin = spec.files.iter().any(|f| is_stdin_path(f));

    let mut items: Vec<Named> = Vec::new();
    let mut described = Described::default();
    let add_stdin = |items: &mut Vec<Named>,
                     described: &mut Described,
                     stdin: &mut Option<Vec<u8>>|
     -> Result<(), Error> {
        if let Some(bytes) = stdin.take() {
            let attachment = stdin_attachment(bytes, Origin::Stdin, &spec.media)?;
            let item = attach::check_size("stdin", attachment, &spec.media)?;
            described.note(&item, true);
            items.push(item);
        }
        Ok(())
    };
    if !named_stdin {
        add_stdin(&mut items, &mut described, &mut stdin)?;
    }
    for path in &spec.files {
        if is_stdin_path(path) {
            add_stdin(&mut items, &mut described, &mut stdin)?;
            continue;
        }
        let mut item = attach::from_argument(path, Origin::File, None, &spec.media)?;
        described.note(&item, false);
        if let Attachment::Text(text) = &mut item.attachment {
            if spec.media.citations {
                // A document, titled with the file's name, for citations.
                item.attachment = Attachment::TextDocument(std::mem::take(text));
            } else {
                // Each file is introduced by its name, so the model can tell them apart.
                *text = format!("File: {}\n\n{text}", item.name);
            }
        }
        items.push(item);
    }
    for item in stored(&spec.file_ids) {
        described.note(&item, false);
        items.push(item);
    }
    let prompt = Named {
        name: "the prompt".into(),
        attachment: Attachment::Text(spec.prompt.join(" ")),
    };
    described.note(&prompt, true);
    items.push(prompt);
    Ok(Turn {
        content: finish(items, &spec.media)?,
        described,
    })
}

/// Builds the user turn for `vision`: the images, then the question.
/// Piped stdin that is not an image is part of the question; with neither
/// stdin text nor `-p`, the question asks for a description.
pub fn assemble_vision(spec: &VisionSpec, read_stdin: impl StdinReader) -> Result<Turn, Error> {
    let mut stdin = take_stdin(
        &spec.images,
        spec.stdin,
        spec.stdin_is_terminal,
        &spec.media,
        read_stdin,
    )?;
    let named_stdin = spec.images.iter().any(|f| is_stdin_path(f));

    let mut items: Vec<Named> = Vec::new();
    let mut question: Vec<Named> = Vec::new();
    if !named_stdin && let Some(bytes) = stdin.take() {
        // Not named as an image: text joins the question, an image or a PDF
        // is sent as one rather than dropped.
        let attachment = stdin_attachment(bytes, Origin::Stdin, &spec.media)?;
        let item = attach::check_size("stdin", attachment, &spec.media)?;
        match item.attachment {
            Attachment::Text(_) => question.push(item),
            _ => items.push(item),
        }
    }
    for path in &spec.images {
        let item = if is_stdin_path(path) {
            let bytes = stdin.take().unwrap_or_default();
            if bytes.is_empty() {
                return Err(Error::Usage(
                    "stdin is empty: - reads the image from stdin".into(),
                ));
            }
            let attachment = stdin_attachment(bytes, Origin::Vision, &spec.media)?;
            attach::check_size("stdin", attachment, &spec.media)?
        } else {
            attach::from_argument(path, Origin::Vision, Some(UrlKind::Image), &spec.media)?
        };
        items.push(item);
    }
    items.extend(stored(&spec.file_ids));
    if let Some(prompt) = &spec.prompt {
        question.push(Named {
            name: "-p".into(),
            attachment: Attachment::Text(prompt.clone()),
        });
    }
    let asks_something = question.iter().any(|item| match &item.attachment {
        Attachment::Text(text) => !text.trim().is_empty(),
        _ => false,
    });
    if !asks_something {
        let documents = items
            .iter()
            .filter(|item| {
                matches!(
                    item.attachment,
                    Attachment::Pdf { .. }
                        | Attachment::Upload(LocalFile {
                            kind: media::Kind::Pdf,
                            ..
                        })
                        | Attachment::Url {
                            kind: UrlKind::Document,
                            ..
                        }
                )
            })
            .count();
        let default = match (items.len(), documents) {
            (1, 0) => "Describe this image.",
            (1, _) => "Describe this document.",
            (_, 0) => "Describe these images.",
            (n, d) if n == d => "Describe these documents.",
            _ => "Describe these images and documents.",
        };
        question = vec![Named {
            name: "the prompt".into(),
            attachment: Attachment::Text(default.into()),
        }];
    }
    let mut described = Described::default();
    for item in &items {
        described.note(item, false);
    }
    for item in &question {
        described.note(item, true);
    }
    items.extend(question);
    Ok(Turn {
        content: finish(items, &spec.media)?,
        described,
    })
}

/// Resizes when asked, checks the limits and builds the blocks.
fn finish(mut items: Vec<Named>, media: &MediaOptions) -> Result<UserInput, Error> {
    // The API rejects empty and whitespace-only text blocks.
    items.retain(|item| match &item.attachment {
        Attachment::Text(text) | Attachment::TextDocument(text) => !text.trim().is_empty(),
        _ => true,
    });
    if items.is_empty() {
        return Err(Error::Usage(
            "nothing to send: give a prompt, pipe text to stdin, or attach a file with -f".into(),
        ));
    }
    if media.resize && media.upload {
        return Err(Error::Usage(
            "--resize and --upload do not go together: --resize shrinks images to send them \
             inline, --upload stores them as they are"
                .into(),
        ));
    }
    if media.resize {
        for item in &mut items {
            if let Attachment::Image(image) = &item.attachment {
                let resized = shrink(&item.name, image)?;
                if let Some(resized) = resized {
                    item.attachment = Attachment::Image(resized);
                }
            }
        }
    }
    limits::check(&items, media.max_pdf_pages, media.max_request_bytes)?;

    let citations = media.citations.then_some(CitationsConfig { enabled: true });
    Ok(UserInput::Parts(
        items
            .into_iter()
            .map(|item| part(item, citations))
            .collect(),
    ))
}

/// Stdin's bytes as an attachment; with `--upload`, an image or a PDF
/// among them is stored.
fn stdin_attachment(
    bytes: Vec<u8>,
    origin: Origin,
    media: &MediaOptions,
) -> Result<Attachment, Error> {
    let attachment = attach::from_bytes("stdin", bytes, origin)?;
    if media.upload {
        attach::to_upload("stdin", attachment)
    } else {
        Ok(attachment)
    }
}

#[cfg(feature = "resize")]
fn shrink(name: &str, image: &attach::Image) -> Result<Option<attach::Image>, Error> {
    resize::shrink(name, image)
}

#[cfg(not(feature = "resize"))]
fn shrink(_: &str, _: &attach::Image) -> Result<Option<attach::Image>, Error> {
    Err(Error::Usage(
        "--resize is not available: this claude was built without the `resize` feature".into(),
    ))
}

/// The `--file-id` files, in order.
fn stored(ids: &[String]) -> impl Iterator<Item = Named> + '_ {
    ids.iter().map(|id| Named {
        name: id.clone(),
        attachment: Attachment::Stored(id.clone()),
    })
}

/// The part an attachment becomes; documents carry `citations` when the
/// answer may cite them.
fn part(item: Named, citations: Option<CitationsConfig>) -> Part {
    let document = |source, title| InputBlock::Document {
        source,
        title,
        citations,
    };
    let block = match item.attachment {
        Attachment::Upload(file) => return Part::Upload(file, citations),
        Attachment::Stored(id) => return Part::Stored(id, citations),
        Attachment::Text(text) => InputBlock::Text { text },
        Attachment::TextDocument(text) => document(
            Source::Text {
                media_type: "text/plain",
                data: text,
            },
            Some(item.name),
        ),
        Attachment::Image(image) => InputBlock::Image {
            source: Source::Base64 {
                media_type: image.format.media_type(),
                data: Base64Data(image.data),
            },
        },
        Attachment::Pdf { data, .. } => document(
            Source::Base64 {
                media_type: "application/pdf",
                data: Base64Data(data),
            },
            None,
        ),
        Attachment::Url { url, kind } => {
            let source = Source::Url { url };
            match kind {
                UrlKind::Image => InputBlock::Image { source },
                UrlKind::Document => document(source, None),
            }
        }
    };
    Part::Block(block)
}

/// Reads a file that must be UTF-8 text, of at most `limit` bytes, with
/// errors that name it. A leading byte-order mark, which editors on
/// Windows add, is dropped.
pub fn read_text_file(path: &Path, limit: usize) -> Result<String, Error> {
    use std::io::Read;
    let failed = |e: std::io::Error| Error::Usage(format!("{}: {}", path.display(), io_reason(&e)));
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(limit as u64 + 1).read_to_end(&mut bytes))
        .map_err(failed)?;
    if bytes.len() > limit {
        return Err(Error::Usage(format!(
            "{}: over the limit of {limit} bytes",
            path.display()
        )));
    }
    let mut text = String::from_utf8(bytes).map_err(|e| {
        Error::Usage(format!(
            "{} is not UTF-8 text (invalid byte at offset {}){}",
            path.display(),
            e.utf8_error().valid_up_to(),
            media::latin1_hint(&path.display().to_string(), e.as_bytes())
        ))
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// A directory given where a file is wanted (`-f src`, a vision image):
/// what to write instead.
fn directory_error(name: &str) -> Error {
    Error::Usage(format!(
        "{name}: is a directory, and only files can be attached (its files: {}/*)",
        name.trim_end_matches('/')
    ))
}

/// The reason without Rust's "(os error 2)" suffix.
fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::IsADirectory => "is a directory".to_owned(),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::types::InputContent;

    /// The content of input that names no stored file.
    fn assemble(spec: &InputSpec, stdin: impl StdinReader) -> Result<InputContent, Error> {
        super::assemble(spec, stdin)?
            .content
            .resolve(&mut NoStoredFiles)
    }

    fn assemble_vision(spec: &VisionSpec, stdin: impl StdinReader) -> Result<InputContent, Error> {
        super::assemble_vision(spec, stdin)?
            .content
            .resolve(&mut NoStoredFiles)
    }

    fn spec(prompt: &[&str], files: &[&str], stdin: StdinMode, terminal: bool) -> InputSpec {
        InputSpec {
            prompt: prompt.iter().map(|s| s.to_string()).collect(),
            files: files.iter().map(PathBuf::from).collect(),
            stdin,
            stdin_is_terminal: terminal,
            media: MEDIA,
            file_ids: Vec::new(),
        }
    }

    const MEDIA: MediaOptions = MediaOptions {
        url_kind: None,
        resize: false,
        max_pdf_pages: MAX_PDF_PAGES,
        max_request_bytes: MAX_REQUEST_BYTES,
        upload: false,
        citations: false,
    };

    fn stdin_of(text: &'static str) -> impl StdinReader {
        move |_| Ok(text.as_bytes().to_vec())
    }

    fn never() -> impl StdinReader {
        |_| panic!("stdin must not be read")
    }

    fn texts(content: InputContent) -> Vec<String> {
        match content {
            InputContent::Text(text) => vec![text],
            InputContent::Blocks(blocks) => blocks
                .into_iter()
                .map(|block| match block {
                    InputBlock::Text { text } => text,
                    other => format!("{other:?}"),
                })
                .collect(),
            InputContent::Json(value) => vec![value.to_string()],
            InputContent::Raw(raw) => vec![raw.get().to_owned()],
        }
    }

    #[test]
    fn the_turn_is_described_for_the_ledger() {
        let dir = std::env::temp_dir().join(format!("claude-described-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("notes.txt");
        std::fs::write(&file, "alpha").unwrap();
        let turn = super::assemble(
            &spec(
                &["summarize"],
                &[file.to_str().unwrap()],
                StdinMode::Auto,
                false,
            ),
            stdin_of("piped text"),
        )
        .unwrap();
        assert_eq!(turn.described.text, ["piped text", "summarize"]);
        let [part] = turn.described.attachments.as_slice() else {
            panic!("one attachment: {:?}", turn.described.attachments)
        };
        assert_eq!(
            (
                part.name.as_str(),
                part.media_type.as_str(),
                part.size,
                part.data.as_deref()
            ),
            (
                file.to_str().unwrap(),
                "text/plain",
                Some(5),
                Some(&b"alpha"[..])
            )
        );
        let turn =
            super::assemble_vision(&vision(&["-"], None, false), |_| Ok(PNG.to_vec())).unwrap();
        assert_eq!(turn.described.text, ["Describe this image."]);
        assert_eq!(turn.described.attachments[0].media_type, "image/png");
        assert_eq!(turn.described.attachments[0].name, "stdin");
    }

    #[test]
    fn prompt_words_are_joined_with_spaces() {
        let content = assemble(
            &spec(&["hello", "big", "world"], &[], StdinMode::Auto, true),
            never(),
        )
        .unwrap();
        assert_eq!(content, InputContent::Text("hello big world".into()));
    }

    #[test]
    fn piped_stdin_comes_before_the_prompt() {
        let content = assemble(
            &spec(&["summarize"], &[], StdinMode::Auto, false),
            stdin_of("doc"),
        )
        .unwrap();
        assert_eq!(texts(content), ["doc", "summarize"]);
    }

    #[test]
    fn a_terminal_stdin_is_not_read_unless_asked() {
        assert!(assemble(&spec(&["x"], &[], StdinMode::Auto, true), never()).is_ok());
        let content = assemble(
            &spec(&["x"], &[], StdinMode::Always, true),
            stdin_of("typed"),
        )
        .unwrap();
        assert_eq!(texts(content), ["typed", "x"]);
    }

    #[test]
    fn no_stdin_never_reads() {
        assert!(assemble(&spec(&["x"], &[], StdinMode::Never, false), never()).is_ok());
    }

    #[test]
    fn files_are_introduced_by_name_and_dash_places_stdin() {
        let dir = std::env::temp_dir().join(format!("claude-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("notes.txt");
        std::fs::write(&file, "alpha").unwrap();
        let path = file.to_str().unwrap();
        let content = assemble(
            &spec(&["q"], &[path, "-"], StdinMode::Auto, false),
            stdin_of("piped"),
        )
        .unwrap();
        assert_eq!(
            texts(content),
            [format!("File: {path}\n\nalpha"), "piped".into(), "q".into()]
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn an_empty_file_is_refused() {
        let dir = std::env::temp_dir().join(format!("claude-input-empty-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("empty.txt");
        std::fs::write(&file, "").unwrap();
        let path = file.to_str().unwrap();
        let error = assemble(&spec(&["q"], &[path], StdinMode::Never, true), never()).unwrap_err();
        assert_eq!(error.to_string(), format!("{path}: the file is empty"));
        std::fs::remove_dir_all(dir).unwrap();
    }

    fn vision(images: &[&str], prompt: Option<&str>, terminal: bool) -> VisionSpec {
        VisionSpec {
            images: images.iter().map(PathBuf::from).collect(),
            prompt: prompt.map(str::to_owned),
            stdin: StdinMode::Auto,
            stdin_is_terminal: terminal,
            media: MEDIA,
            file_ids: Vec::new(),
        }
    }

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x01\0\0\0\x01";

    #[test]
    fn vision_puts_images_first_and_defaults_the_question() {
        let content = assemble_vision(&vision(&["-"], None, false), |_| Ok(PNG.to_vec())).unwrap();
        let InputContent::Blocks(blocks) = content else {
            panic!("blocks expected")
        };
        assert!(matches!(blocks[0], InputBlock::Image { .. }));
        assert_eq!(
            blocks[1],
            InputBlock::Text {
                text: "Describe this image.".into()
            }
        );
    }

    #[test]
    fn vision_joins_piped_text_to_the_question() {
        let content = assemble_vision(
            &vision(
                &["https://x.test/a.png", "https://x.test/b"],
                Some("Which?"),
                false,
            ),
            stdin_of("context\n"),
        )
        .unwrap();
        let texts = texts(content);
        assert!(texts[0].contains("a.png") && texts[1].contains("x.test/b"));
        assert_eq!(texts[2..], ["context\n", "Which?"]);
    }

    #[test]
    fn vision_needs_bytes_on_stdin_for_dash() {
        let error = assemble_vision(&vision(&["-"], None, false), stdin_of("")).unwrap_err();
        assert!(error.to_string().starts_with("stdin is empty"), "{error}");
        let error = assemble_vision(&vision(&["-"], None, false), stdin_of("words")).unwrap_err();
        assert!(error.to_string().contains("not an image"), "{error}");
    }

    #[test]
    fn nothing_to_send_is_a_usage_error() {
        let error =
            assemble(&spec(&[], &[], StdinMode::Auto, false), stdin_of("  \n")).unwrap_err();
        assert!(error.to_string().starts_with("nothing to send"));
        assert!(assemble(&spec(&["  "], &[], StdinMode::Auto, true), never()).is_err());
    }

    #[test]
    fn non_utf8_stdin_is_a_usage_error() {
        let error = assemble(&spec(&["x"], &[], StdinMode::Auto, false), |_| {
            Ok(vec![b'a', 0xff])
        })
        .unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("stdin is neither UTF-8 text (invalid byte at offset 1)"),
            "{error}"
        );
    }

    #[test]
    fn missing_files_name_the_file() {
        let error = assemble(
            &spec(&["x"], &["/no/such/file"], StdinMode::Never, true),
            never(),
        )
        .unwrap_err();
        assert_eq!(error.to_string(), "/no/such/file: no such file");
    }

    #[test]
    fn dash_conflicts_with_no_stdin() {
        assert!(assemble(&spec(&["x"], &["-"], StdinMode::Never, false), never()).is_err());
        assert!(assemble(&spec(&["x"], &["-", "-"], StdinMode::Auto, false), never()).is_err());
    }
}
