//! The SSE decoder and the accumulator over every recorded stream: whole,
//! byte by byte, split at every offset, and with CRLF or CR line ends, the
//! same events come out and fold into the same Message.

use std::path::Path;

use claude_cli::api::Message;
use claude_cli::api::sse::{EventTooLarge, SseDecoder, SseEvent};
use claude_cli::api::stream::{MessageAccumulator, StreamEvent};
use serde_json::{Value, json};

use crate::support::fixture;

type Events = Vec<(String, String)>;

fn decode(chunks: &[&[u8]]) -> Events {
    let mut decoder = SseDecoder::new();
    let mut events = Vec::new();
    let mut push = |e: SseEvent<'_>| -> Result<(), EventTooLarge> {
        events.push((e.event.to_owned(), e.data.to_owned()));
        Ok(())
    };
    for chunk in chunks {
        decoder.feed(chunk, &mut push).unwrap();
    }
    decoder.finish(&mut push).unwrap();
    events
}

fn sse_fixtures() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".sse"))
        .collect();
    names.sort();
    assert!(names.len() >= 15, "fixtures missing: {names:?}");
    names
}

/// Folds events into a Message; stops at an `error` event.
fn accumulate(events: &Events) -> Result<Message, String> {
    let mut acc = MessageAccumulator::new();
    for (name, data) in events {
        let event = StreamEvent::parse(name, data).map_err(|e| e.to_string())?;
        if let StreamEvent::Error(error) = &event {
            return Err(format!("{}: {}", error.kind, error.message));
        }
        acc.apply(&event).map_err(|e| e.to_string())?;
    }
    assert!(acc.is_complete(), "no message_stop");
    acc.into_message().ok_or_else(|| "no message".into())
}

#[test]
fn every_split_of_every_fixture_decodes_the_same() {
    for name in sse_fixtures() {
        let text = fixture(&name);
        let bytes = text.as_bytes();
        let whole = decode(&[bytes]);
        assert!(!whole.is_empty(), "{name}: no events");

        let bytewise: Vec<&[u8]> = bytes.chunks(1).collect();
        assert_eq!(decode(&bytewise), whole, "{name}: byte at a time");
        for split in 0..=bytes.len() {
            let (a, b) = bytes.split_at(split);
            assert_eq!(decode(&[a, b]), whole, "{name}: split at {split}");
        }
        let crlf = text.replace('\n', "\r\n");
        let crlf_bytes: Vec<&[u8]> = crlf.as_bytes().chunks(1).collect();
        assert_eq!(decode(&crlf_bytes), whole, "{name}: CRLF byte at a time");
        let cr = text.replace('\n', "\r");
        let cr_bytes: Vec<&[u8]> = cr.as_bytes().chunks(1).collect();
        assert_eq!(decode(&cr_bytes), whole, "{name}: CR byte at a time");
    }
}

#[test]
fn every_fixture_folds_into_the_expected_message() {
    let text_of = |m: &Message| m.text();
    for name in sse_fixtures() {
        let events = decode(&[fixture(&name).as_bytes()]);
        let result = accumulate(&events);
        match name.as_str() {
            "stream-error-midstream.assembled.sse" | "stream-error-only.sse" => {
                assert_eq!(
                    result.unwrap_err(),
                    "overloaded_error: Overloaded",
                    "{name}"
                );
            }
            other => {
                let message = result.unwrap_or_else(|e| panic!("{other}: {e}"));
                let json = serde_json::to_value(&message).unwrap();
                match other {
                    "stream-basic.sse" => {
                        assert_eq!(text_of(&message), "Hello there!");
                        assert_eq!(json["usage"], json!({"input_tokens":11,"output_tokens":6}));
                    }
                    "stream-tool-use.sse" => {
                        assert_eq!(json["stop_reason"], json!("tool_use"));
                        assert!(json["content"][1]["input"].is_object());
                        assert_ne!(json["content"][1]["input"], json!({}));
                    }
                    "stream-thinking.assembled.sse" => {
                        assert_eq!(
                            json["content"][0]["signature"],
                            json!("YXNzZW1ibGVkLW5vdC1hLXJlYWwtc2lnbmF0dXJl")
                        );
                        assert_eq!(text_of(&message), "17 × 23 = 391");
                    }
                    "stream-compaction.sse" => {
                        assert_eq!(
                            json["content"][0]["content"],
                            json!("Earlier conversation summarized.")
                        );
                        assert_eq!(text_of(&message), "Hello there!");
                    }
                    "stream-refusal.sse" => assert_eq!(json["stop_reason"], json!("refusal")),
                    _ => assert!(json["stop_reason"].is_string(), "{other}: no stop_reason"),
                }
            }
        }
    }
}

/// Fields the SDK's models default to null are absent on the wire; compare
/// without them.
fn without_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

#[test]
fn accumulation_matches_the_official_sdk() {
    let golden: Value = serde_json::from_str(&fixture("sdk-accumulated.json")).unwrap();
    for name in sse_fixtures() {
        let record = &golden[&name];
        assert!(record.is_object(), "{name}: no SDK record");
        let events = decode(&[fixture(&name).as_bytes()]);
        match (accumulate(&events), record.get("message")) {
            (Ok(ours), Some(theirs)) => assert_eq!(
                without_nulls(&serde_json::to_value(&ours).unwrap()),
                without_nulls(theirs),
                "{name}: our accumulated message differs from the SDK's"
            ),
            (Err(_), None) => assert!(record.get("error").is_some(), "{name}"),
            (ours, _) => panic!("{name}: we got {ours:?}, the SDK got {record}"),
        }
    }
}
