//! The README's examples, run. Every `sh` block runs in bash (with
//! `set -euo pipefail`) in a sandbox holding the files the examples name,
//! with `claude` on PATH pointed at a fake server that answers each
//! endpoint; every `console` block's commands must print what the block
//! shows. Blocks that build with cargo are what CI itself runs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};

use crate::support::*;

struct Block {
    language: String,
    text: String,
    /// 1-based line of the opening fence, for messages.
    line: usize,
}

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

/// A line of three or more backticks: how many, and what follows them.
fn fence(line: &str) -> Option<(usize, &str)> {
    let ticks = line.bytes().take_while(|b| *b == b'`').count();
    (ticks >= 3).then(|| (ticks, &line[ticks..]))
}

/// The fenced blocks. A block opened by N backticks is closed only by N or
/// more, so a block can show fences inside it.
fn blocks(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<(Block, usize)> = None;
    for (i, line) in markdown.lines().enumerate() {
        match (&mut open, fence(line)) {
            (None, Some((ticks, language))) => {
                let block = Block {
                    language: language.trim().to_owned(),
                    text: String::new(),
                    line: i + 1,
                };
                open = Some((block, ticks));
            }
            (Some((_, opened)), Some((ticks, rest)))
                if ticks >= *opened && rest.trim().is_empty() =>
            {
                blocks.extend(open.take().map(|(block, _)| block));
            }
            (Some((block, _)), _) => {
                block.text.push_str(line);
                block.text.push('\n');
            }
            (None, None) => {}
        }
    }
    blocks
}

fn model(id: &str, name: &str, created: &str) -> Value {
    json!({
        "type": "model", "id": id, "display_name": name, "created_at": created,
        "max_input_tokens": 1000000, "max_tokens": 128000,
        "capabilities": {"batch": {"supported": true}, "image_input": {"supported": true}}
    })
}

/// Answers like the API: messages (whole or streamed), token counts, models.
fn api(request: &Recorded) -> Reply {
    let path = request.path.split('?').next().unwrap_or_default();
    match (request.method.as_str(), path) {
        ("POST", "/v1/messages") if asks_for_a_tool(request).is_some() => {
            let call = asks_for_a_tool(request).unwrap();
            let mut message: Value =
                serde_json::from_str(&fixture("message-tool-use-recorded.json")).unwrap();
            message["content"] = json!([call]);
            Reply::json(message.to_string())
        }
        ("POST", "/v1/messages") if request.json()["stream"] == json!(true) => {
            Reply::stream("stream-basic.sse")
        }
        ("POST", "/v1/messages") if request.json()["output_config"]["format"].is_object() => {
            let mut message: Value =
                serde_json::from_str(&fixture("message-structured-output-recorded.json")).unwrap();
            message["content"][0]["text"] = json!(r#"{"name": "Ada Lovelace", "born": 1815}"#);
            Reply::json(message.to_string())
        }
        ("POST", "/v1/messages") => match server_tool(request).as_deref() {
            Some("web_search") => Reply::message("message-server-tool-web-search-recorded.json"),
            Some("web_fetch") => Reply::message("message-web-fetch.assembled.json"),
            Some("code_execution") => Reply::message("message-code-execution-files.assembled.json"),
            _ => Reply::message("message-basic-recorded.json"),
        },
        ("POST", "/v1/messages/count_tokens") => {
            Reply::message("count-tokens-response.assembled.json")
        }
        ("GET", "/v1/models") => Reply::json(
            json!({
                "data": [
                    model("claude-opus-5", "Claude Opus 5", "2026-07-24T00:00:00Z"),
                    model("claude-sonnet-5", "Claude Sonnet 5", "2026-06-01T00:00:00Z"),
                    model("claude-haiku-4-5-20251001", "Claude Haiku 4.5", "2025-10-01T00:00:00Z"),
                ],
                "has_more": false, "first_id": "claude-opus-5", "last_id": "claude-haiku-4-5-20251001"
            })
            .to_string(),
        ),
        ("POST", "/v1/messages/batches") => batch_reply(),
        ("GET", "/v1/messages/batches") => Reply::json(
            json!({"data": [serde_json::from_str::<Value>(&fixture("message-batch.assembled.json")).unwrap()],
                   "has_more": false})
            .to_string(),
        ),
        ("GET", path) if path.ends_with("/results") => {
            let line: Value = serde_json::from_str(
                fixture("batch-results.assembled.jsonl").lines().next().unwrap(),
            )
            .unwrap();
            let lines: String = ["line-1", "line-2"]
                .iter()
                .map(|id| {
                    let mut result = line.clone();
                    result["custom_id"] = json!(id);
                    format!("{result}\n")
                })
                .collect();
            Reply::json(lines)
        }
        ("GET", path) if path.starts_with("/v1/messages/batches/") => batch_reply(),
        ("GET", id) if id.starts_with("/v1/models/") => Reply::json(
            model(&id["/v1/models/".len()..], "A model", "2026-01-01T00:00:00Z").to_string(),
        ),
        _ => Reply::error(404, "not_found_error", "no such endpoint in the fake API"),
    }
}

/// A request that offers local tools, and has not had tool results yet,
/// is answered with a call of the first, with an input its schema takes:
/// so the README's tool examples run the whole loop.
fn asks_for_a_tool(request: &Recorded) -> Option<Value> {
    let body = request.json();
    let answered = body["messages"]
        .as_array()?
        .iter()
        .any(|m| m["content"][0]["type"] == json!("tool_result"));
    let tool = body["tools"]
        .as_array()?
        .iter()
        .find(|tool| tool["type"].is_null())?;
    let name = tool["name"].as_str()?;
    let input = match name {
        "word_count" => json!({"text": "the quick brown fox"}),
        "read_file" => json!({"path": "report.txt"}),
        "git_diff" => json!({"staged": true}),
        _ => json!({}),
    };
    (!answered)
        .then(|| json!({"type": "tool_use", "id": "toolu_readme", "name": name, "input": input}))
}

/// The fake API with a Files store of its own, holding one file a tool
/// made (so that it can be downloaded).
fn fake_api() -> FakeServer {
    let store = FileStore::new();
    let mut chart = StoredFile::new(
        "file_011CNha8iCJcU1wXNR6q4V8w",
        "chart.png",
        "image/png",
        &std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/images/red.png"))
            .unwrap(),
    );
    chart.downloadable = true;
    store.add(chart);
    FakeServer::routing(move |request| store.answer(request).unwrap_or_else(|| api(request)))
}

/// The first server tool a Messages request offers, by name.
fn server_tool(request: &Recorded) -> Option<String> {
    let tools = request.json()["tools"].as_array()?.clone();
    tools
        .iter()
        .find_map(|tool| tool["name"].as_str().map(str::to_owned))
}

/// A batch that has ended with every request answered.
fn batch_reply() -> Reply {
    let mut batch: Value = serde_json::from_str(&fixture("message-batch.assembled.json")).unwrap();
    batch["request_counts"] =
        json!({"processing": 0, "succeeded": 2, "errored": 0, "canceled": 0, "expired": 0});
    Reply::json(batch.to_string())
}

/// A directory with every file the README's examples name, a git
/// repository with a staged change, and a home directory of its own.
fn sandbox() -> PathBuf {
    let dir = tempdir("readme");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let images = root.join("tests/fixtures/images");
    let copy = |from: &str, to: &str| {
        let target = dir.join(to);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(images.join(from), target).unwrap();
    };
    for name in ["photo.png", "before.png", "chart.png"] {
        copy("red.png", name);
    }
    for name in ["IMG_0042.jpg", "receipt.jpg", "mushroom.jpg", "photo.jpg"] {
        copy("blue.jpg", name);
    }
    for name in ["invoice.pdf", "report.pdf", "contract.pdf"] {
        copy("one-page.pdf", name);
    }
    let texts = [
        ("report.txt", "Revenue rose 4% in the third quarter.\n"),
        (
            "src/main.rs",
            "fn main() { println!(\"{}\", lib::add(2, 2)); }\n",
        ),
        (
            "src/lib.rs",
            "pub fn add(a: i32, b: i32) -> i32 { a - b }\n",
        ),
        ("big.log", "INFO start\nERROR disk full\n"),
        ("CHANGES", "0.2: images, PDFs, count and models.\n"),
        (
            "questions.txt",
            "What is 2+2?\nWhat is the capital of France?\n",
        ),
        (
            "sales.csv",
            "month,revenue\n2026-01,1200\n2026-02,1350\n2026-03,990\n",
        ),
    ];
    for (name, text) in texts {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let schema = dir.join("tests/fixtures/schema");
    std::fs::create_dir_all(&schema).unwrap();
    std::fs::copy(
        root.join("tests/fixtures/schema/person.json"),
        schema.join("person.json"),
    )
    .unwrap();
    for generated in ["man", "completions", "examples/tools"] {
        let target = dir.join(generated);
        std::fs::create_dir_all(&target).unwrap();
        for entry in std::fs::read_dir(root.join(generated)).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), target.join(entry.file_name())).unwrap();
        }
    }
    std::fs::create_dir_all(dir.join("home")).unwrap();
    // The example tools, also where -T NAME looks.
    let tools = dir.join("home/.config/claude-cli/tools");
    std::fs::create_dir_all(&tools).unwrap();
    for entry in std::fs::read_dir(root.join("examples/tools")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), tools.join(entry.file_name())).unwrap();
    }
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .args(args)
            .current_dir(&dir)
            .env("HOME", dir.join("home"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output();
        assert!(status.is_ok_and(|o| o.status.success()), "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "src/lib.rs"]);
    dir
}

/// Whether a command line talks to the API (rather than printing
/// completions or settings, or managing saved sessions).
fn sends(line: &str) -> bool {
    let local = [
        "claude completions",
        "claude config",
        "claude tools",
        "files list --cached",
        "files forget",
        "chat --list",
        "chat --show",
        "chat --delete",
        "claude log",
        "claude cost",
        "--dry-run",
    ];
    line.contains("claude ")
        && !line.trim_start().starts_with('#')
        && !local.iter().any(|l| line.contains(l))
}

/// A shell in the sandbox: `claude` first on PATH, talking to `server`.
fn shell(dir: &Path, server: &FakeServer, script: &str) -> Output {
    let bin = binary();
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new("bash")
        .arg("-c")
        .arg(format!("set -euo pipefail\n{script}"))
        .current_dir(dir)
        .env_clear()
        .env("PATH", path)
        .env("HOME", dir.join("home"))
        .env("ANTHROPIC_API_KEY", SECRET_KEY)
        .env("ANTHROPIC_BASE_URL", server.url())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

fn on_path(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn every_sh_block_runs_against_the_fake_api() {
    let dir = sandbox();
    let mut ran = 0;
    for block in blocks(&readme()) {
        if block.language != "sh" || block.text.contains("cargo ") {
            continue;
        }
        let missing: Vec<&str> = ["jq", "man", "git"]
            .into_iter()
            .filter(|tool| block.text.contains(&format!("{tool} ")) && !on_path(tool))
            .collect();
        if !missing.is_empty() {
            eprintln!(
                "README line {}: skipped, {missing:?} not installed",
                block.line
            );
            continue;
        }
        let server = fake_api();
        let output = shell(&dir, &server, &block.text);
        let context = format!(
            "README block at line {}:\n{}\n--- stdout\n{}\n--- stderr\n{}",
            block.line,
            block.text,
            stdout(&output),
            stderr(&output)
        );
        assert!(output.status.success(), "{context}");
        assert!(!stderr(&output).contains("claude: error"), "{context}");
        if block.text.lines().any(sends) {
            assert!(!server.requests().is_empty(), "no request: {context}");
        }
        ran += 1;
    }
    assert!(ran >= 7, "only {ran} blocks ran");
}

#[test]
fn every_console_block_prints_what_it_shows() {
    let dir = sandbox();
    let mut checked = 0;
    for block in blocks(&readme()) {
        if block.language != "console" {
            continue;
        }
        let mut lines = block.text.lines().peekable();
        while let Some(line) = lines.next() {
            let command = line.strip_prefix("$ ").unwrap_or_else(|| {
                panic!("README line {}: console blocks start with `$ `", block.line)
            });
            let mut expected = String::new();
            while let Some(next) = lines.next_if(|l| !l.starts_with("$ ")) {
                expected.push_str(next);
                expected.push('\n');
            }
            let server = fake_api();
            let output = shell(&dir, &server, command);
            assert!(
                output.status.success(),
                "README line {}: {command}",
                block.line
            );
            let shown = format!("{}{}", stdout(&output), stderr(&output));
            assert_eq!(shown, expected, "README line {}: {command}", block.line);
            checked += 1;
        }
    }
    assert!(checked >= 2, "only {checked} console commands");
}

/// Whole commands quoted in the prose (`cat photo.jpg | claude ask "…"`),
/// not templates with `...` or placeholders such as `ID`.
fn inline_commands(markdown: &str) -> Vec<String> {
    let mut prose = String::new();
    let mut fenced: Option<usize> = None;
    for line in markdown.lines() {
        match (fenced, fence(line)) {
            (None, Some((ticks, _))) => fenced = Some(ticks),
            (Some(opened), Some((ticks, rest))) if ticks >= opened && rest.trim().is_empty() => {
                fenced = None
            }
            (None, None) => {
                prose.push_str(line);
                prose.push('\n');
            }
            _ => {}
        }
    }
    prose
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|span| {
            let words: Vec<&str> = span.split_whitespace().collect();
            let runs_claude =
                span.contains("| claude ") || (span.starts_with("claude ") && words.len() >= 3);
            let placeholder = words
                .iter()
                .any(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase()));
            runs_claude && !span.contains("...") && !placeholder
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_whole_command_in_the_prose_runs() {
    let dir = sandbox();
    let commands = inline_commands(&readme());
    assert!(commands.len() >= 2, "{commands:?}");
    for command in commands {
        let server = fake_api();
        let output = shell(&dir, &server, &command);
        assert!(output.status.success(), "{command}\n{}", stderr(&output));
        if sends(&command) {
            assert!(!server.requests().is_empty(), "{command} sent nothing");
        }
    }
}

#[test]
fn the_error_line_shown_is_what_a_recorded_429_prints() {
    let line = readme()
        .lines()
        .find(|l| l.starts_with("claude: error: 429"))
        .expect("the README shows an error line")
        .to_owned();
    let server =
        FakeServer::with([
            Reply::status(429, fixture("error-rate-limit-429-recorded.json"))
                .header("request-id", "req_011CYK5mje9HkutJtmfPzzNC"),
        ]);
    let output = claude_at(&server)
        .args(["--max-retries", "0", "ask", "Summarize this"])
        .output()
        .unwrap();
    assert_exit(&output, 8);
    assert_eq!(error_line(&output), line);
}

#[test]
fn every_toml_block_is_a_config_file_or_a_tool_claude_accepts() {
    let mut parsed = 0;
    // A tool's program is found beside the example definitions.
    let tools = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/tools/shown.toml");
    for block in blocks(&readme()) {
        if block.language != "toml" {
            continue;
        }
        let checked = if block.text.lines().any(|l| l.starts_with("command = ")) {
            claude_cli::tools::definition::parse(&block.text, &tools)
                .map(|_| ())
                .map_err(|e| e.to_string())
        } else {
            claude_cli::config::parse(&block.text).map(|_| ())
        };
        if let Err(error) = checked {
            panic!("README line {}: {error}", block.line);
        }
        parsed += 1;
    }
    assert!(parsed >= 2);
}

#[test]
fn the_set_up_builds_once_for_both_commands_and_ci_runs_its_test_command() {
    let readme = readme();
    let set_up = &readme[readme.find("## Set-up").unwrap()..readme.find("## Install").unwrap()];
    let block = blocks(set_up)
        .into_iter()
        .find(|b| b.language == "sh")
        .expect("a set-up block");
    let commands: Vec<&str> = block
        .text
        .lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(commands.len(), 2, "{commands:?}");
    assert!(commands[0].starts_with("cargo run "), "{commands:?}");
    // The test profile inherits the debug profile: the same compiled
    // dependencies serve both commands. A release or custom profile in the
    // first would build them all twice.
    assert!(
        !commands[0].contains("--release") && !commands[0].contains("--profile"),
        "{commands:?}"
    );
    assert_eq!(commands[1], "cargo test");
    let ci =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/run")).unwrap();
    assert!(ci.lines().any(|l| l.trim() == commands[1]), "{ci}");
    // The stated minimum Rust version is Cargo.toml's.
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    let version = manifest
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = "))
        .unwrap()
        .trim_matches('"');
    assert!(set_up.contains(&format!("({version} or newer")), "{set_up}");
}

/// The layout block under "## Development".
fn layout() -> String {
    let text = readme();
    let section = text
        .split_once("\n## Development\n")
        .expect("a Development section")
        .1;
    let block = section.split_once("```\n").expect("a layout block").1;
    block
        .split_once("```")
        .expect("the block ends")
        .0
        .to_owned()
}

#[test]
fn the_developer_layout_names_every_source_directory_and_module() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let layout = layout();
    let names = |dir: &str| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    };
    for name in names("src") {
        let entry = if name.ends_with(".rs") {
            format!("src/{name}")
        } else {
            format!("src/{name}/")
        };
        assert!(layout.contains(&entry), "the README's layout lacks {entry}");
    }
    // Each subcommand module, each bench and each module of the bigger
    // directories is named in its entry.
    for dir in [
        "src/cmd",
        "src/ledger",
        "src/output",
        "src/input",
        "benches",
    ] {
        for name in names(dir) {
            let module = name.trim_end_matches(".rs");
            if module == "mod" {
                continue;
            }
            assert!(
                layout.contains(module),
                "the README's layout lacks {dir}/{name}"
            );
        }
    }
}
