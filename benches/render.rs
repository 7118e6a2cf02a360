//! Benchmark: what rendering Markdown costs over printing it raw, for a
//! 1 MB answer (the Markdown samples of tests/fixtures/markdown, every
//! construct and code in every highlighted language, repeated).
//!
//! (a) In process: the text pushed in 16-byte deltas through
//!     `render::Markdown` into memory, against copying the same deltas.
//! (b) Whole process: `claude ask --render always` against
//!     `--render never`, the answer streamed by the fake server in 16-byte
//!     text deltas (and, separately, sent whole), stdout to /dev/null.
//! (c) Instructions, which unlike times do not depend on what else the
//!     machine is doing: (a) and (b) once each under callgrind, when
//!     `valgrind` is on PATH (skipped otherwise).
//!
//! Times are medians of alternating runs. Run: `cargo bench --bench render`

#[path = "../tests/cli/support/server.rs"]
#[allow(dead_code)]
mod server;

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use claude_cli::render::{Markdown, Options, Theme};
use serde_json::json;
use server::{FakeServer, Reply};

const ANSWER_BYTES: usize = 1024 * 1024;
const DELTA: usize = 16;
const RUNS: usize = 11;
/// Internal modes, for (c): the bench run once under callgrind renders
/// (or copies) the answer once and exits.
const RENDER_ONCE: &str = "--render-once";
const COPY_ONCE: &str = "--copy-once";

fn answer() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/markdown");
    let mut sample = String::new();
    for name in ["constructs.md", "code.md", "readme-example.md"] {
        sample.push_str(&std::fs::read_to_string(format!("{dir}/{name}")).expect("sample"));
        sample.push('\n');
    }
    let mut text = sample.repeat(ANSWER_BYTES / sample.len() + 1);
    let mut end = ANSWER_BYTES;
    while !text.is_char_boundary(end) {
        end += 1;
    }
    text.truncate(end);
    text
}

/// `text` in deltas of about `size` bytes, cut at character boundaries.
fn deltas(text: &str, size: usize) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let mut end = size.min(rest.len());
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        pieces.push(&rest[..end]);
        rest = &rest[end..];
    }
    pieces
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// The deltas copied into memory, as printing them raw would.
fn copy(pieces: &[&str], size: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(size);
    for piece in pieces {
        out.extend_from_slice(piece.as_bytes());
    }
    out
}

/// The deltas rendered into memory.
fn render(pieces: &[&str], size: usize) -> Vec<u8> {
    let options = Options {
        theme: Theme::Dark,
        width: 100,
        hyperlinks: false,
    };
    let mut out = Vec::with_capacity(size * 2);
    let mut markdown = Markdown::new(options);
    for piece in pieces {
        markdown.push(piece, &mut out).expect("renders");
    }
    markdown.finish(&mut out).expect("renders");
    out
}

fn in_process(text: &str) {
    let pieces = deltas(text, DELTA);
    let (mut raw, mut drawn) = (Vec::new(), Vec::new());
    let mut size = 0;
    for _ in 0..RUNS {
        let started = Instant::now();
        let out = copy(&pieces, text.len());
        raw.push(started.elapsed().as_secs_f64());
        std::hint::black_box(&out);

        let started = Instant::now();
        let out = render(&pieces, text.len());
        drawn.push(started.elapsed().as_secs_f64());
        size = out.len();
    }
    println!(
        "(a) {:.1} MB of Markdown in {}-byte deltas: rendered in {:.1} ms ({:.1} MB of output), \
         copied raw in {:.2} ms; median of {RUNS}",
        text.len() as f64 / 1e6,
        DELTA,
        median(&mut drawn) * 1e3,
        size as f64 / 1e6,
        median(&mut raw) * 1e3,
    );
}

/// The SSE stream of a reply saying `text` in `DELTA`-byte deltas.
fn stream(text: &str) -> String {
    let event = |kind: &str, data: serde_json::Value| format!("event: {kind}\ndata: {data}\n\n");
    let mut sse = event(
        "message_start",
        json!({"type": "message_start", "message": {"id": "msg_bench", "type": "message",
            "role": "assistant", "content": [], "model": "claude-sonnet-5", "stop_reason": null,
            "stop_sequence": null, "usage": {"input_tokens": 12, "output_tokens": 1}}}),
    );
    sse += &event(
        "content_block_start",
        json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
    );
    for piece in deltas(text, DELTA) {
        sse += &event(
            "content_block_delta",
            json!({"type": "content_block_delta", "index": 0,
                   "delta": {"type": "text_delta", "text": piece}}),
        );
    }
    sse += &event(
        "content_block_stop",
        json!({"type": "content_block_stop", "index": 0}),
    );
    sse += &event(
        "message_delta",
        json!({"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": null},
               "usage": {"output_tokens": 250000}}),
    );
    sse + &event("message_stop", json!({"type": "message_stop"}))
}

fn message(text: &str) -> String {
    json!({"id": "msg_bench", "type": "message", "role": "assistant", "model": "claude-sonnet-5",
           "content": [{"type": "text", "text": text}], "stop_reason": "end_turn",
           "stop_sequence": null, "usage": {"input_tokens": 12, "output_tokens": 250000}})
    .to_string()
}

/// Where the runs keep their config and cache: the bench's own directory,
/// removed at the end, never the user's. The ledger is off: writing the
/// 1 MB answer to it would be the same cost both ways, and noise.
fn scratch() -> PathBuf {
    std::env::temp_dir().join(format!("claude-bench-render-{}", std::process::id()))
}

/// `claude ask ARGS hi` against `server`, run by `program` (claude itself,
/// or valgrind with claude's path first in `args`).
fn ask(program: &str, server: &FakeServer, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command
        .env_clear()
        .env("XDG_DATA_HOME", scratch().join("data"))
        .env("XDG_CONFIG_HOME", scratch().join("config"))
        .env("XDG_CACHE_HOME", scratch().join("cache"))
        .env("ANTHROPIC_API_KEY", "sk-ant-bench")
        .env("ANTHROPIC_BASE_URL", server.url())
        .env("COLUMNS", "100")
        .env("CLAUDE_NO_LOG", "1")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null());
    command
}

fn claude_args<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec!["ask"];
    all.extend_from_slice(args);
    all.push("hi");
    all
}

fn timed(server: &FakeServer, args: &[&str]) -> Duration {
    let started = Instant::now();
    let status = ask(env!("CARGO_BIN_EXE_claude"), server, &claude_args(args))
        .stderr(Stdio::inherit())
        .status()
        .expect("claude runs");
    assert!(status.success(), "claude failed: {status}");
    started.elapsed()
}

fn whole_process(text: &str) {
    for (what, mode, reply) in [
        ("streamed", "--stream", Reply::sse(&stream(text))),
        ("sent whole", "--no-stream", Reply::json(message(text))),
    ] {
        let server = FakeServer::start();
        for _ in 0..(2 * RUNS + 2) {
            server.push(reply.clone());
        }
        // One warm-up each, then alternate so drift hits both equally.
        timed(&server, &[mode, "--render", "never"]);
        timed(&server, &[mode, "--render", "always"]);
        let (mut raw, mut drawn, mut extra) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..RUNS {
            let r = timed(&server, &[mode, "--render", "never"]).as_secs_f64();
            let d = timed(&server, &[mode, "--render", "always"]).as_secs_f64();
            raw.push(r);
            drawn.push(d);
            extra.push(d - r);
        }
        println!(
            "(b) claude ask {mode}, 1 MB answer {what}: --render always {:.1} ms, --render never \
             {:.1} ms; rendering adds {:.1} ms (median of {RUNS} alternating pairs)",
            median(&mut drawn) * 1e3,
            median(&mut raw) * 1e3,
            median(&mut extra) * 1e3,
        );
    }
}

/// The instructions `command` runs, counted by callgrind (whose report is
/// on stderr); `command` runs valgrind.
fn counted(command: &mut Command) -> u64 {
    let out = command
        .stderr(Stdio::piped())
        .output()
        .expect("valgrind runs");
    assert!(out.status.success(), "valgrind failed: {}", out.status);
    let report = String::from_utf8_lossy(&out.stderr);
    report
        .lines()
        .find_map(|line| line.split("Collected : ").nth(1))
        .and_then(|count| count.trim().parse().ok())
        .expect("callgrind reports a count")
}

const CALLGRIND: [&str; 2] = ["--tool=callgrind", "--callgrind-out-file=/dev/null"];

fn instructions(text: &str) {
    let found = Command::new("valgrind")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        println!("(c) skipped: valgrind is not on PATH");
        return;
    }
    let bench = std::env::current_exe().expect("bench path");
    let once = |mode: &str| {
        counted(
            Command::new("valgrind")
                .args(CALLGRIND)
                .arg(&bench)
                .arg(mode)
                .stdout(Stdio::null()),
        )
    };
    let (drawn, raw) = (once(RENDER_ONCE), once(COPY_ONCE));
    println!(
        "(c) in process: rendering the answer runs {:.1} M instructions more than copying it \
         ({:.1} M against {:.1} M, setting up included)",
        (drawn.saturating_sub(raw)) as f64 / 1e6,
        drawn as f64 / 1e6,
        raw as f64 / 1e6,
    );
    for (what, mode, reply) in [
        ("streamed", "--stream", Reply::sse(&stream(text))),
        ("sent whole", "--no-stream", Reply::json(message(text))),
    ] {
        let server = FakeServer::start();
        server.push(reply.clone());
        server.push(reply);
        let run = |render: &str| {
            let mut args = vec![env!("CARGO_BIN_EXE_claude")];
            args.extend(claude_args(&[mode, "--render", render]));
            let mut command = ask("valgrind", &server, &CALLGRIND);
            command.args(args);
            counted(&mut command)
        };
        let (never, always) = (run("never"), run("always"));
        println!(
            "(c) claude ask {mode}, 1 MB answer {what}: --render always {:.1} M instructions, \
             --render never {:.1} M; rendering adds {:.1} M",
            always as f64 / 1e6,
            never as f64 / 1e6,
            (always.saturating_sub(never)) as f64 / 1e6,
        );
    }
}

fn main() {
    let text = answer();
    let pieces = deltas(&text, DELTA);
    if std::env::args().any(|a| a == RENDER_ONCE) {
        std::hint::black_box(render(&pieces, text.len()));
        return;
    }
    if std::env::args().any(|a| a == COPY_ONCE) {
        std::hint::black_box(copy(&pieces, text.len()));
        return;
    }
    in_process(&text);
    whole_process(&text);
    instructions(&text);
    let _ = std::fs::remove_dir_all(scratch());
}
