//! Benchmark (b): SSE decoding plus accumulation throughput.
//!
//! A synthetic 50 MB Messages stream (text deltas shaped like the recorded
//! ones, with their trailing padding) is generated chunk by chunk, so the
//! stream itself is never held in memory, and pushed through exactly the
//! path the client uses: `SseDecoder::feed` in 64 KiB chunks, then
//! `StreamEvent::parse` and `MessageAccumulator::apply`. Prints the median
//! throughput of 5 runs and the peak RSS, which should track the size of
//! the reply (the accumulated text), not the length of the stream.
//!
//! Then finding 3 of the hostile-replies issue: a stream that opens `N`
//! `tool_use` blocks and sends input to each while all stay open (160k and
//! 320k, and the 10,000 the client accepts), timed until the accumulator
//! has taken them all or refused one at its cap.
//!
//! Run: `cargo bench --bench sse`

use std::time::Instant;

use claude_cli::api::sse::{EventTooLarge, SseDecoder, SseEvent};
use claude_cli::api::stream::{MessageAccumulator, StreamEvent};

/// Any failure while decoding; the benchmark only needs to stop on one.
#[derive(Debug)]
struct Failure(#[allow(dead_code)] String);

impl From<EventTooLarge> for Failure {
    fn from(error: EventTooLarge) -> Self {
        Failure(error.to_string())
    }
}

/// What the client does with each SSE event.
fn apply(acc: &mut MessageAccumulator, sse: SseEvent<'_>) -> Result<(), Failure> {
    let event = StreamEvent::parse(sse.event, sse.data).map_err(|e| Failure(e.to_string()))?;
    acc.apply(&event).map_err(|e| Failure(e.to_string()))
}

const STREAM_BYTES: usize = 50 * 1024 * 1024;
const CHUNK: usize = 64 * 1024;

const START: &str = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"model\":\"claude-sonnet-5\",\"id\":\"msg_bench\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":135,\"output_tokens\":1}}}\n\nevent: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n";
const END: &str = "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\nevent: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":123456}}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

/// One text delta event as the API sends them (with the padding seen in
/// recorded streams); the words vary so the text is not one repeated string.
fn delta(i: usize) -> String {
    const WORDS: [&str; 8] = [
        " the",
        " stream",
        " of",
        " tokens\\n",
        " é",
        " naïve",
        " \\\"quoted\\\"",
        " 😀",
    ];
    format!(
        "event: content_block_delta\ndata: {{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{{\"type\":\"text_delta\",\"text\":\"{}{}\"}}     }}\n\n",
        WORDS[i % WORDS.len()],
        WORDS[(i / 8) % WORDS.len()]
    )
}

/// Yields the synthetic stream in `CHUNK`-sized pieces, cut at arbitrary
/// byte offsets like a socket would.
fn stream_chunks(mut each: impl FnMut(&[u8])) -> usize {
    let mut pending = START.as_bytes().to_vec();
    let mut total = 0;
    let mut i = 0;
    while total + pending.len() < STREAM_BYTES {
        while pending.len() < CHUNK {
            pending.extend_from_slice(delta(i).as_bytes());
            i += 1;
        }
        each(&pending[..CHUNK]);
        total += CHUNK;
        pending.drain(..CHUNK);
    }
    pending.extend_from_slice(END.as_bytes());
    each(&pending);
    total + pending.len()
}

fn run_once(chunks: &[Vec<u8>]) -> (f64, usize) {
    let started = Instant::now();
    let mut decoder = SseDecoder::new();
    let mut acc = MessageAccumulator::new();
    let mut bytes = 0;
    for chunk in chunks {
        bytes += chunk.len();
        decoder.feed(chunk, |sse| apply(&mut acc, sse)).unwrap();
    }
    decoder.finish(|sse| apply(&mut acc, sse)).unwrap();
    assert!(acc.is_complete());
    let text = acc.into_message().unwrap().text();
    let secs = started.elapsed().as_secs_f64();
    (bytes as f64 / secs / 1e6, text.len())
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Feeds `n` open `tool_use` blocks, each given input, through parse and
/// accumulate; returns the time taken and whether every block was taken.
fn open_blocks(n: usize) -> (f64, bool) {
    let started = Instant::now();
    let mut acc = MessageAccumulator::new();
    let start = START
        .split("\n\n")
        .next()
        .unwrap()
        .trim_start_matches("event: message_start\ndata: ");
    let mut taken = apply_raw(&mut acc, "message_start", start);
    for index in 0..n {
        if !taken {
            break;
        }
        let block = format!(
            r#"{{"type":"content_block_start","index":{index},"content_block":{{"type":"tool_use","id":"t{index}","name":"f","input":{{}}}}}}"#
        );
        let input = format!(
            r#"{{"type":"content_block_delta","index":{index},"delta":{{"type":"input_json_delta","partial_json":"{{\"n\": 1"}}}}"#
        );
        taken = apply_raw(&mut acc, "content_block_start", &block)
            && apply_raw(&mut acc, "content_block_delta", &input);
    }
    (started.elapsed().as_secs_f64(), taken)
}

fn apply_raw(acc: &mut MessageAccumulator, name: &str, data: &str) -> bool {
    StreamEvent::parse(name, data)
        .ok()
        .is_some_and(|event| acc.apply(&event).is_ok())
}

fn main() {
    // Memory first, on a stream generated as it is decoded.
    let rss_before = peak_rss_kib();
    let mut decoder = SseDecoder::new();
    let mut acc = MessageAccumulator::new();
    let total = stream_chunks(|chunk| decoder.feed(chunk, |sse| apply(&mut acc, sse)).unwrap());
    decoder.finish(|sse| apply(&mut acc, sse)).unwrap();
    let reply = acc.into_message().unwrap();
    let rss_after = peak_rss_kib();
    println!(
        "stream {:.1} MB, reply text {:.1} MB; peak RSS {:.1} MB before, {:.1} MB after (growth {:.1} MB)",
        total as f64 / 1e6,
        reply.text().len() as f64 / 1e6,
        rss_before as f64 / 1024.0,
        rss_after as f64 / 1024.0,
        (rss_after - rss_before) as f64 / 1024.0,
    );
    drop(reply);

    // Throughput, on pre-generated chunks so generation is not timed.
    let mut chunks = Vec::new();
    stream_chunks(|chunk| chunks.push(chunk.to_vec()));
    let mut rates: Vec<f64> = (0..5).map(|_| run_once(&chunks).0).collect();
    rates.sort_by(f64::total_cmp);
    println!(
        "decode + accumulate: median {:.0} MB/s (min {:.0}, max {:.0}) over 5 runs of {:.1} MB",
        rates[2],
        rates[0],
        rates[4],
        total as f64 / 1e6
    );

    for n in [10_000, 160_000, 320_000] {
        let (secs, taken) = open_blocks(n);
        println!(
            "{n} open tool_use blocks, each with input: {:.0} ms, {}",
            secs * 1e3,
            if taken {
                "all taken"
            } else {
                "refused at the block cap"
            }
        );
    }
}
