//! Input assembly: prompt words, stdin and `-f` files become the content of
//! the user turn. This module reads; it never sends.
//!
//! Order: piped stdin first, then each file as given (`-f -` puts stdin at
//! that place instead), then the prompt, so that
//! `cat doc | claude ask "summarize"` sends the document, then the
//! instruction.

mod stdin;

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::api::types::{InputBlock, InputContent};
use crate::error::Error;

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

/// What the user gave on the command line.
#[derive(Debug, Clone)]
pub struct InputSpec {
    pub prompt: Vec<String>,
    pub files: Vec<PathBuf>,
    pub stdin: StdinMode,
    pub stdin_is_terminal: bool,
}

/// How long stdin may stay silent before we say we are waiting for it.
pub const STDIN_HINT_AFTER: Duration = Duration::from_secs(5);

impl InputSpec {
    /// Whether assembling this input will read stdin.
    pub fn reads_stdin(&self) -> bool {
        self.names_stdin_as_file()
            || match self.stdin {
                StdinMode::Always => true,
                StdinMode::Never => false,
                StdinMode::Auto => !self.stdin_is_terminal,
            }
    }

    fn names_stdin_as_file(&self) -> bool {
        self.files.iter().any(|f| is_stdin_path(f))
    }
}

fn is_stdin_path(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Builds the user turn's content. `read_stdin` is called at most once, and
/// only when the spec says stdin is part of the input.
pub fn assemble(
    spec: &InputSpec,
    read_stdin: impl FnOnce() -> std::io::Result<Vec<u8>>,
) -> Result<InputContent, Error> {
    if spec.stdin == StdinMode::Never && spec.names_stdin_as_file() {
        return Err(Error::Usage(
            "-f - reads stdin, which --no-stdin turns off".into(),
        ));
    }
    if spec.files.iter().filter(|f| is_stdin_path(f)).count() > 1 {
        return Err(Error::Usage(
            "-f - can be given only once: stdin is read once".into(),
        ));
    }

    let mut stdin_text = if spec.reads_stdin() {
        let bytes = read_stdin().map_err(|e| Error::Usage(format!("cannot read stdin: {e}")))?;
        Some(utf8(bytes, "stdin")?)
    } else {
        None
    };

    let mut pieces: Vec<String> = Vec::new();
    if !spec.names_stdin_as_file() {
        pieces.extend(stdin_text.take());
    }
    for path in &spec.files {
        if is_stdin_path(path) {
            pieces.extend(stdin_text.take());
        } else {
            let text = read_text_file(path)?;
            pieces.push(if text.is_empty() {
                // Still worth telling the model: the file exists, and is empty.
                format!("File: {} (empty)", path.display())
            } else {
                format!("File: {}\n\n{text}", path.display())
            });
        }
    }
    let prompt = spec.prompt.join(" ");
    pieces.push(prompt);

    // The API rejects empty and whitespace-only text blocks.
    pieces.retain(|text| !text.trim().is_empty());
    match pieces.len() {
        0 => Err(Error::Usage(
            "nothing to send: give a prompt, pipe text to stdin, or attach a file with -f".into(),
        )),
        1 => Ok(InputContent::Text(pieces.pop().unwrap_or_default())),
        _ => Ok(InputContent::Blocks(
            pieces
                .into_iter()
                .map(|text| InputBlock::Text { text })
                .collect(),
        )),
    }
}

/// Reads a file that must be UTF-8 text, with errors that name it.
pub fn read_text_file(path: &Path) -> Result<String, Error> {
    let bytes = std::fs::read(path)
        .map_err(|e| Error::Usage(format!("{}: {}", path.display(), io_reason(&e))))?;
    utf8(bytes, &path.display().to_string())
}

fn utf8(bytes: Vec<u8>, what: &str) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|e| {
        Error::Usage(format!(
            "{what} is not UTF-8 text (invalid byte at offset {}); only text can be sent this way",
            e.utf8_error().valid_up_to()
        ))
    })
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
    use std::io;

    fn spec(prompt: &[&str], files: &[&str], stdin: StdinMode, terminal: bool) -> InputSpec {
        InputSpec {
            prompt: prompt.iter().map(|s| s.to_string()).collect(),
            files: files.iter().map(PathBuf::from).collect(),
            stdin,
            stdin_is_terminal: terminal,
        }
    }

    fn stdin_of(text: &'static str) -> impl FnOnce() -> io::Result<Vec<u8>> {
        move || Ok(text.as_bytes().to_vec())
    }

    fn never() -> impl FnOnce() -> io::Result<Vec<u8>> {
        || panic!("stdin must not be read")
    }

    fn texts(content: InputContent) -> Vec<String> {
        match content {
            InputContent::Text(text) => vec![text],
            InputContent::Blocks(blocks) => blocks
                .into_iter()
                .map(|InputBlock::Text { text }| text)
                .collect(),
        }
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
    fn an_empty_file_is_sent_as_such() {
        let dir = std::env::temp_dir().join(format!("claude-input-empty-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("empty.txt");
        std::fs::write(&file, "").unwrap();
        let path = file.to_str().unwrap();
        let content = assemble(&spec(&["q"], &[path], StdinMode::Never, true), never()).unwrap();
        assert_eq!(
            texts(content),
            [format!("File: {path} (empty)"), "q".into()]
        );
        std::fs::remove_dir_all(dir).unwrap();
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
        let error = assemble(&spec(&["x"], &[], StdinMode::Auto, false), || {
            Ok(vec![b'a', 0xff])
        })
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "stdin is not UTF-8 text (invalid byte at offset 1); only text can be sent this way"
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
