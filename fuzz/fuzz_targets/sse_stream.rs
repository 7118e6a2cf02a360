//! The SSE decoder, then the client's path for each event: parsing, the
//! renderer, accumulation into a Message, and the final print.
//!
//! The first byte steers: how the stream is split into chunks, and the
//! output settings. The stream must decode to the same events whole, in
//! chunks and byte by byte.
#![no_main]

use claude_cli::api::sse::{EventTooLarge, SseDecoder};
use claude_cli::api::stream::{MessageAccumulator, StreamEvent, parse_partial_json};
use claude_cli::api::{Message, Reply, StreamSink};
use claude_cli::output::{Format, OutputSettings, Renderer};
use libfuzzer_sys::fuzz_target;

#[path = "shared.rs"]
mod shared;

use shared::{LIMITS, markdown};

#[derive(Debug, PartialEq)]
struct TooLarge;

impl From<EventTooLarge> for TooLarge {
    fn from(_: EventTooLarge) -> Self {
        TooLarge
    }
}

type Events = Vec<(String, String)>;

fn decode<'a>(chunks: impl Iterator<Item = &'a [u8]>) -> Result<Events, TooLarge> {
    let mut decoder = SseDecoder::new();
    let mut events = Vec::new();
    let mut collect = |event: claude_cli::api::sse::SseEvent<'_>| {
        events.push((event.event.to_owned(), event.data.to_owned()));
        Ok::<(), TooLarge>(())
    };
    for chunk in chunks {
        decoder.feed(chunk, &mut collect)?;
    }
    decoder.finish(&mut collect)?;
    Ok(events)
}

fuzz_target!(|data: &[u8]| {
    let Some((&control, stream)) = data.split_first() else {
        return;
    };
    let whole = decode(std::iter::once(stream));
    let chunked = decode(stream.chunks(usize::from(control % 7) + 2));
    let bytewise = decode(stream.chunks(1));
    assert_eq!(whole, chunked, "whole and chunked differ");
    assert_eq!(whole, bytewise, "whole and byte by byte differ");
    let Ok(events) = whole else {
        return;
    };

    let format = match (control >> 3) % 3 {
        0 => Format::Text,
        1 => Format::Json,
        _ => Format::StreamJson,
    };
    let settings = OutputSettings {
        format,
        stream: control & 0x20 != 0,
        usage: true,
        show_thinking: control & 0x40 != 0,
        thinking_styled: control & 0x08 != 0,
        tool_calls: control & 0x04 != 0,
        sources: control & 0x02 != 0,
        markdown: markdown(control),
    };
    let mut renderer = Renderer::new(Vec::new(), Vec::new(), settings, control & 0x80 != 0, None);
    let mut accumulator = MessageAccumulator::new();
    for (name, data) in &events {
        let _ = parse_partial_json(data);
        let Ok(event) = StreamEvent::parse(name, data) else {
            break;
        };
        if renderer.event(&event, data).is_err() || matches!(event, StreamEvent::Error(_)) {
            break;
        }
        if accumulator.apply(&event).is_err() || accumulator.is_complete() {
            break;
        }
    }
    let complete = accumulator.is_complete();
    let Some(message) = accumulator.into_message() else {
        return;
    };
    let _ = message.text();
    let json = serde_json::to_vec(&message).expect("a Message serializes");
    let _ = serde_json::from_slice::<Message>(&json);
    if complete {
        let reply = Reply {
            message,
            raw: None,
            request_id: Some("req_fuzz".to_owned()),
        };
        renderer
            .finish(&reply, LIMITS)
            .expect("a Vec takes every write");
    } else {
        renderer
            .finish_partial(Some(&message))
            .expect("a Vec takes every write");
    }
});
