//! Regenerates, from the command-line definition, the shell completions
//! under `completions/`, the man pages under `man/`, and the help snapshots
//! under `tests/snapshots/` that the tests compare `--help` against; and
//! the rendered-Markdown snapshots under `tests/snapshots/render/` that the
//! tests compare `--render always` against. Run from the repository root
//! after changing the command line or the rendering:
//!
//!     cargo run --example generate

use std::path::{Path, PathBuf};

use clap::CommandFactory;
use claude_cli::cli::Cli;
use claude_cli::render::{Markdown, Options, Theme};

fn main() -> std::io::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = claude_cli::generate::files()?;
    let mut command = Cli::command();
    // Built, so subcommands know their full name (`claude ask`).
    command.build();
    files.push((
        PathBuf::from("tests/snapshots/help.txt"),
        command.render_long_help().to_string().into_bytes(),
    ));
    let ask = command
        .find_subcommand_mut("ask")
        .expect("ask is a subcommand");
    files.push((
        PathBuf::from("tests/snapshots/ask-help.txt"),
        ask.render_long_help().to_string().into_bytes(),
    ));
    files.extend(render_snapshots(root)?);
    for (path, contents) in files {
        let path = root.join(path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        if std::fs::read(&path).is_ok_and(|old| old == contents) {
            continue;
        }
        std::fs::write(&path, &contents)?;
        println!(
            "wrote {}",
            path.strip_prefix(root).unwrap_or(&path).display()
        );
    }
    Ok(())
}

/// The width and theme of the rendered snapshots; the tests run `claude`
/// with `COLUMNS=60`.
const SNAPSHOT_WIDTH: usize = 60;

/// `NAME.ansi` for each reply with text: the Markdown samples in
/// `tests/fixtures/markdown/` and the recorded fixtures, dark and without
/// hyperlinks; and `constructs.light-links.ansi`.
fn render_snapshots(root: &Path) -> std::io::Result<Vec<(PathBuf, Vec<u8>)>> {
    let fixtures = root.join("tests/fixtures");
    let mut sources = Vec::new();
    for dir in [fixtures.join("markdown"), fixtures.clone()] {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            let text = match path.extension().and_then(|e| e.to_str()) {
                Some("md") if dir.ends_with("markdown") => std::fs::read_to_string(&path)?,
                Some("sse") => streamed_text(&std::fs::read_to_string(&path)?),
                Some("json") if file_name(&path).starts_with("message") => {
                    message_text(&std::fs::read_to_string(&path)?)
                }
                _ => continue,
            };
            if !text.is_empty() {
                sources.push((file_stem(&path), text));
            }
        }
    }
    let dark = Options {
        theme: Theme::Dark,
        width: SNAPSHOT_WIDTH,
        hyperlinks: false,
    };
    let light = Options {
        theme: Theme::Light,
        hyperlinks: true,
        ..dark
    };
    let mut files = Vec::new();
    for (name, text) in &sources {
        files.push((snapshot(&format!("{name}.ansi")), rendered(text, dark)?));
        if name == "constructs" {
            files.push((
                snapshot("constructs.light-links.ansi"),
                rendered(text, light)?,
            ));
        }
    }
    Ok(files)
}

fn snapshot(name: &str) -> PathBuf {
    Path::new("tests/snapshots/render").join(name)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// The name without its last extension (`stream-thinking.assembled`).
fn file_stem(path: &Path) -> String {
    path.file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

fn rendered(text: &str, options: Options) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut markdown = Markdown::new(options);
    markdown.push(text, &mut out)?;
    markdown.finish(&mut out)?;
    Ok(out)
}

/// The text deltas of an SSE recording, joined.
fn streamed_text(sse: &str) -> String {
    sse.lines()
        .filter_map(|line| line.strip_prefix("data:"))
        .filter_map(|data| serde_json::from_str::<serde_json::Value>(data).ok())
        .filter(|event| event["type"] == "content_block_delta")
        .filter_map(|event| event["delta"]["text"].as_str().map(str::to_owned))
        .collect()
}

/// The text blocks of a recorded Message, joined.
fn message_text(json: &str) -> String {
    let message: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
    message["content"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|block| block["type"] == "text")
        .filter_map(|block| block["text"].as_str())
        .collect()
}
