//! Memory under hostile replies: whole-process runs against the fake
//! server, each reporting the exit code, wall and CPU time and peak RSS
//! (wait4).
//!
//! (e) a 60 MB and a 30 MB non-streamed reply of `{"content":[{},{},…]}`
//!     (over the byte cap, and under it but over the value cap);
//! (f) `claude models` against pages that never end: 100 pages of 1,000
//!     items of 4 KB (within the page caps), and 40 pages of 1 MB of tiny
//!     items (over the item cap);
//! (g) 768 MiB of valid text deltas (over the reply cap) and 30 MiB (a
//!     whole reply under it), under `--stream`, `-o stream-json` and
//!     `-o json --stream` (which keeps the text, to print the Message).
//!
//! Run: `cargo bench --bench hostile`. Set `CLAUDE_BENCH_BIN` to an older
//! build to measure it the same way.
#![allow(unsafe_code)] // wait4(2), to read one child's peak RSS.

#[path = "support/measure.rs"]
mod measure;
#[path = "../tests/cli/support/server.rs"]
#[allow(dead_code)]
mod server;

use std::ffi::OsStr;
use std::sync::atomic::{AtomicUsize, Ordering};

use server::{FakeServer, Reply};

fn report(what: &str, args: &[&str], server: &FakeServer) {
    let url = server.url();
    let mut all = vec!["--base-url", &url, "--max-retries", "0"];
    all.extend_from_slice(args);
    let args: Vec<&OsStr> = all.iter().map(OsStr::new).collect();
    let run = measure::measure(&args, None);
    println!(
        "{what}: exit {}, {:.1} s (CPU {:.1} s), peak RSS {:.0} MB",
        run.code,
        run.time.as_secs_f64(),
        run.cpu.as_secs_f64(),
        run.peak_rss as f64 / (1024.0 * 1024.0)
    );
}

fn empty_blocks() {
    for megabytes in [60, 30] {
        let size = megabytes * 1000 * 1000;
        let mut body = String::with_capacity(size + 100);
        body.push_str(r#"{"type":"message","role":"assistant","content":[{}"#);
        while body.len() < size {
            body.push_str(",{}");
        }
        body.push_str(
            r#"],"stop_reason":"end_turn","usage":{"input_tokens":1,"output_tokens":1}}"#,
        );
        let server = FakeServer::with([Reply::json(body)]);
        report(
            &format!("(e) {megabytes} MB reply of empty content blocks, ask --no-stream"),
            &["ask", "--no-stream", "hi"],
            &server,
        );
    }
}

/// A server whose model list never ends: `items` items of `item_bytes`
/// each per page, every page naming a new `last_id`.
fn endless_pages(items: usize, item_bytes: usize) -> FakeServer {
    let pages = AtomicUsize::new(0);
    let padding = "x".repeat(item_bytes.saturating_sub(30));
    FakeServer::routing(move |_| {
        let page = pages.fetch_add(1, Ordering::SeqCst);
        let mut body = String::from(r#"{"data":["#);
        for i in 0..items {
            if i > 0 {
                body.push(',');
            }
            body.push_str(&format!(r#"{{"id":"m{page}-{i}","d":"{padding}"}}"#));
        }
        body.push_str(&format!(
            r#"],"has_more":true,"last_id":"m{page}-{}"}}"#,
            items - 1
        ));
        Reply::json(body)
    })
}

fn model_pages() {
    report(
        "(f) models, 100 pages of 1,000 items of 4 KB",
        &["models", "-o", "json"],
        &endless_pages(1000, 4096),
    );
    report(
        "(f) models, pages of 1 MB of tiny items (50,000 a page)",
        &["models", "-o", "json"],
        &endless_pages(50_000, 20),
    );
}

fn long_stream() {
    const START: &str = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_x\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-5\",\"content\":[],\"stop_reason\":null,\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}\n\nevent: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n";
    const END: &str = "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\nevent: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":2}}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
    let delta = format!(
        "event: content_block_delta\ndata: {{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{{\"type\":\"text_delta\",\"text\":\"{}\"}}}}\n\n",
        "word ".repeat(800)
    );
    for mebibytes in [768, 30] {
        for args in [
            &["--stream"][..],
            &["-o", "stream-json"],
            &["-o", "json", "--stream"],
        ] {
            let server = FakeServer::with([Reply::repeated(START, &delta, mebibytes << 20, END)]);
            let mut all = vec!["ask"];
            all.extend_from_slice(args);
            all.push("hi");
            report(
                &format!("(g) {mebibytes} MiB of text deltas, ask {}", args.join(" ")),
                &all,
                &server,
            );
        }
    }
}

fn main() {
    if measure::child_mode() {
        return;
    }
    empty_blocks();
    model_pages();
    long_stream();
    measure::remove_scratch();
}
