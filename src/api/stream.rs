//! Messages stream events, and folding them into the final `Message`.
//!
//! [`StreamEvent::parse`] turns one SSE event into a typed event, borrowing
//! text deltas straight from the event data so the hot path allocates
//! nothing. [`MessageAccumulator`] applies events the way the official SDKs
//! do (`accumulate_event` in anthropic-sdk-python): deltas append, a
//! signature delta replaces, `message_delta` usage is a cumulative total,
//! unknown events and delta types are ignored. Both are pure.

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::types::{ContentBlock, ErrorObject, Message, StopReason};
use crate::json_text::Structure;

/// One event of a Messages stream.
#[derive(Debug, Clone, PartialEq)]
pub enum StreamEvent<'a> {
    MessageStart(Box<Message>),
    BlockStart {
        index: usize,
        block: ContentBlock,
    },
    BlockDelta {
        index: usize,
        delta: Delta<'a>,
    },
    BlockStop {
        index: usize,
    },
    /// Stop reason and other message-level fields, plus cumulative usage.
    MessageDelta {
        delta: Map<String, Value>,
        usage: Map<String, Value>,
    },
    MessageStop,
    Ping,
    /// An `error` event: the server gave up after HTTP 200.
    Error(ErrorObject),
    /// An event type this client does not know; skipped, as the docs ask.
    Unknown,
}

/// A content block delta.
#[derive(Debug, Clone, PartialEq)]
pub enum Delta<'a> {
    Text(Cow<'a, str>),
    Thinking(Cow<'a, str>),
    Signature(Cow<'a, str>),
    InputJson(Cow<'a, str>),
    Citation(Value),
    Compaction {
        content: Option<String>,
        encrypted_content: Option<String>,
    },
    Unknown,
}

/// The stream did not follow the protocol.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProtocolError {
    #[error("malformed stream event: {0}")]
    BadEvent(String),
    #[error("stream event `{0}` arrived before `message_start`")]
    BeforeStart(&'static str),
    #[error("stream event refers to content block {0}, which was never started")]
    NoSuchBlock(usize),
}

#[derive(Deserialize)]
struct RawEvent<'a> {
    #[serde(rename = "type", borrow)]
    kind: Cow<'a, str>,
    #[serde(default)]
    index: Option<usize>,
    #[serde(borrow, default)]
    delta: Option<&'a RawValue>,
    #[serde(borrow, default)]
    content_block: Option<&'a RawValue>,
    #[serde(borrow, default)]
    message: Option<&'a RawValue>,
    #[serde(borrow, default)]
    usage: Option<&'a RawValue>,
}

/// Every delta type's fields in one flat struct: serde fills it without
/// buffering, and the string fields borrow from the event data (a plain
/// `Cow<str>` field borrows; an `Option<Cow<str>>` would always copy).
#[derive(Deserialize)]
struct RawDelta<'a> {
    #[serde(rename = "type", borrow, default)]
    kind: Cow<'a, str>,
    #[serde(borrow, default)]
    text: Cow<'a, str>,
    #[serde(borrow, default)]
    thinking: Cow<'a, str>,
    #[serde(borrow, default)]
    signature: Cow<'a, str>,
    #[serde(borrow, default)]
    partial_json: Cow<'a, str>,
    #[serde(default)]
    citation: Option<Value>,
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    encrypted_content: Option<String>,
}

impl<'a> StreamEvent<'a> {
    /// Parses one SSE event. `name` is the SSE `event:` field: `error` and
    /// `ping` are decided by it, as in the SDK; everything else by the
    /// data's own `type`.
    pub fn parse(name: &str, data: &'a str) -> Result<StreamEvent<'a>, ProtocolError> {
        match name {
            "ping" => return Ok(StreamEvent::Ping),
            "error" => return Ok(StreamEvent::Error(parse_error_event(data))),
            _ => {}
        }
        let raw: RawEvent<'a> = serde_json::from_str(data).map_err(bad)?;
        let need_index = |what| raw.index.ok_or_else(|| missing(what, "index"));
        Ok(match raw.kind.as_ref() {
            "content_block_delta" => StreamEvent::BlockDelta {
                index: need_index("content_block_delta")?,
                delta: parse_delta(
                    raw.delta
                        .ok_or_else(|| missing("content_block_delta", "delta"))?,
                )?,
            },
            "content_block_start" => StreamEvent::BlockStart {
                index: need_index("content_block_start")?,
                block: from_raw(raw.content_block, "content_block_start", "content_block")?,
            },
            "content_block_stop" => StreamEvent::BlockStop {
                index: need_index("content_block_stop")?,
            },
            "message_start" => StreamEvent::MessageStart(Box::new(from_raw(
                raw.message,
                "message_start",
                "message",
            )?)),
            "message_delta" => StreamEvent::MessageDelta {
                delta: optional_map(raw.delta)?,
                usage: optional_map(raw.usage)?,
            },
            "message_stop" => StreamEvent::MessageStop,
            "ping" => StreamEvent::Ping,
            "error" => StreamEvent::Error(parse_error_event(data)),
            _ => StreamEvent::Unknown,
        })
    }
}

fn bad(error: serde_json::Error) -> ProtocolError {
    ProtocolError::BadEvent(error.to_string())
}

fn missing(event: &str, field: &str) -> ProtocolError {
    ProtocolError::BadEvent(format!("`{event}` without `{field}`"))
}

fn from_raw<T: serde::de::DeserializeOwned>(
    raw: Option<&RawValue>,
    event: &str,
    field: &str,
) -> Result<T, ProtocolError> {
    serde_json::from_str(raw.ok_or_else(|| missing(event, field))?.get()).map_err(bad)
}

fn optional_map(raw: Option<&RawValue>) -> Result<Map<String, Value>, ProtocolError> {
    match raw {
        None => Ok(Map::new()),
        Some(raw) => match serde_json::from_str(raw.get()).map_err(bad)? {
            Value::Object(map) => Ok(map),
            Value::Null => Ok(Map::new()),
            _ => Err(ProtocolError::BadEvent("expected an object".into())),
        },
    }
}

fn parse_delta(raw: &RawValue) -> Result<Delta<'_>, ProtocolError> {
    let delta: RawDelta<'_> = serde_json::from_str(raw.get()).map_err(bad)?;
    Ok(match delta.kind.as_ref() {
        "text_delta" => Delta::Text(delta.text),
        "thinking_delta" => Delta::Thinking(delta.thinking),
        "signature_delta" => Delta::Signature(delta.signature),
        "input_json_delta" => Delta::InputJson(delta.partial_json),
        "citations_delta" => match delta.citation {
            Some(citation) => Delta::Citation(citation),
            None => Delta::Unknown,
        },
        "compaction_delta" => Delta::Compaction {
            content: delta.content,
            encrypted_content: delta.encrypted_content,
        },
        _ => Delta::Unknown,
    })
}

/// The error object of an `error` event. A body that is not the documented
/// envelope still yields an error, with the raw text as its message.
fn parse_error_event(data: &str) -> ErrorObject {
    #[derive(Deserialize)]
    struct Envelope {
        error: ErrorObject,
    }
    serde_json::from_str::<Envelope>(data)
        .map(|envelope| envelope.error)
        .unwrap_or_else(|_| ErrorObject {
            kind: "error".to_owned(),
            message: data.trim().to_owned(),
            code: None,
        })
}

/// Folds stream events into the `Message` they describe.
#[derive(Debug, Default)]
pub struct MessageAccumulator {
    message: Option<Message>,
    /// `input_json_delta` fragments per block index, parsed when the block
    /// stops (or when the stream ends without stopping it).
    tool_inputs: Vec<(usize, String)>,
    stopped: bool,
}

impl MessageAccumulator {
    pub fn new() -> Self {
        Self::default()
    }

    /// Applies one event. `Ping`, `Error` and unknown events change nothing.
    pub fn apply(&mut self, event: &StreamEvent<'_>) -> Result<(), ProtocolError> {
        match event {
            StreamEvent::MessageStart(message) => {
                self.message = Some((**message).clone());
                self.tool_inputs.clear();
                self.stopped = false;
            }
            StreamEvent::BlockStart { block, .. } => {
                let message = self.message_mut("content_block_start")?;
                // From a fallback block on, another model writes the reply;
                // the SDK relabels the message, and cost follows the model.
                if let ContentBlock::Fallback { to, .. } = block {
                    message.model = Some(to.model.clone());
                }
                // The SDK appends whatever the index says; so do we.
                message.content.push(block.clone());
            }
            StreamEvent::BlockDelta { index, delta } => self.apply_delta(*index, delta)?,
            StreamEvent::BlockStop { index } => {
                self.message_mut("content_block_stop")?;
                self.finish_tool_input(*index);
            }
            StreamEvent::MessageDelta { delta, usage } => {
                let message = self.message_mut("message_delta")?;
                for (key, value) in delta {
                    match key.as_str() {
                        "stop_reason" => {
                            message.stop_reason =
                                value.as_str().map(|s| StopReason::from(s.to_owned()));
                        }
                        "stop_sequence" => {
                            message.stop_sequence = value.as_str().map(str::to_owned);
                        }
                        _ if !value.is_null() => {
                            message.extra.insert(key.clone(), value.clone());
                        }
                        _ => {}
                    }
                }
                message.usage.apply_delta(usage.clone());
            }
            StreamEvent::MessageStop => {
                self.message_mut("message_stop")?;
                self.stopped = true;
            }
            StreamEvent::Ping | StreamEvent::Error(_) | StreamEvent::Unknown => {}
        }
        Ok(())
    }

    /// Content block `index` as accumulated so far.
    pub fn block(&self, index: usize) -> Option<&ContentBlock> {
        self.message.as_ref()?.content.get(index)
    }

    /// True once `message_stop` has arrived: the reply is complete.
    pub fn is_complete(&self) -> bool {
        self.stopped
    }

    /// The message so far, tool inputs parsed as far as they go. Used for the
    /// whole reply, and for what had arrived when a stream was interrupted.
    pub fn into_message(mut self) -> Option<Message> {
        let pending: Vec<usize> = self.tool_inputs.iter().map(|(index, _)| *index).collect();
        for index in pending {
            self.finish_tool_input(index);
        }
        self.message
    }

    fn message_mut(&mut self, event: &'static str) -> Result<&mut Message, ProtocolError> {
        self.message
            .as_mut()
            .ok_or(ProtocolError::BeforeStart(event))
    }

    fn apply_delta(&mut self, index: usize, delta: &Delta<'_>) -> Result<(), ProtocolError> {
        let message = self.message_mut("content_block_delta")?;
        let block = message
            .content
            .get_mut(index)
            .ok_or(ProtocolError::NoSuchBlock(index))?;
        // A delta that does not fit its block is ignored, as in the SDK.
        match (delta, block) {
            (Delta::Text(text), ContentBlock::Text { text: buffer, .. }) => buffer.push_str(text),
            (Delta::Thinking(text), ContentBlock::Thinking { thinking, .. }) => {
                thinking.push_str(text)
            }
            (Delta::Signature(value), ContentBlock::Thinking { signature, .. }) => {
                value.as_ref().clone_into(signature)
            }
            (Delta::Citation(citation), ContentBlock::Text { extra, .. }) => {
                let citations = extra
                    .entry("citations")
                    .or_insert_with(|| Value::Array(Vec::new()));
                if !citations.is_array() {
                    *citations = Value::Array(Vec::new());
                }
                if let Value::Array(list) = citations {
                    list.push(citation.clone());
                }
            }
            (
                Delta::Compaction {
                    content,
                    encrypted_content,
                },
                ContentBlock::Compaction {
                    content: block_content,
                    encrypted_content: block_encrypted,
                    ..
                },
            ) => {
                block_content.clone_from(content);
                block_encrypted.clone_from(encrypted_content);
            }
            (Delta::InputJson(fragment), block) if takes_json_input(block) => {
                match self.tool_inputs.iter_mut().find(|(i, _)| *i == index) {
                    Some((_, buffer)) => buffer.push_str(fragment),
                    None => self.tool_inputs.push((index, fragment.to_string())),
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn finish_tool_input(&mut self, index: usize) {
        let Some(position) = self.tool_inputs.iter().position(|(i, _)| *i == index) else {
            return;
        };
        let (_, json) = self.tool_inputs.swap_remove(position);
        if json.trim().is_empty() {
            return;
        }
        let input = parse_partial_json(&json);
        let block = self.message.as_mut().and_then(|m| m.content.get_mut(index));
        match block {
            Some(
                ContentBlock::ToolUse(call)
                | ContentBlock::ServerToolUse(call)
                | ContentBlock::McpToolUse(call),
            ) => call.input = input,
            Some(ContentBlock::Other(fields)) => {
                fields.insert("input".to_owned(), input);
            }
            _ => {}
        }
    }
}

fn takes_json_input(block: &ContentBlock) -> bool {
    match block {
        ContentBlock::ToolUse(_) | ContentBlock::ServerToolUse(_) | ContentBlock::McpToolUse(_) => {
            true
        }
        ContentBlock::Other(fields) => fields.contains_key("input"),
        _ => false,
    }
}

/// Parses tool input JSON that may have been cut off (a reply stopped by
/// `max_tokens` mid-input). Like the SDK's partial mode, it keeps every
/// complete value, drops an unfinished trailing string or key, and closes
/// what is open. Input that cannot be salvaged becomes `{}`.
///
/// The bytes come from the network: the work is linear in their length and
/// anything nested deeper than serde_json accepts (128) is given up on.
pub fn parse_partial_json(json: &str) -> Value {
    const MAX_DEPTH: usize = 128;
    const CANDIDATES: usize = 4;
    if let Ok(value) = serde_json::from_str(json) {
        return value;
    }
    // Places where cutting leaves complete values: just before a comma,
    // just after an opening bracket, and the end (when not inside a string).
    let mut cuts: Vec<usize> = Vec::new();
    let mut depth = 0usize;
    let mut scan = Structure::new(json.as_bytes());
    for (i, byte) in scan.by_ref() {
        match byte {
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Value::Object(Map::new());
                }
                cuts.push(i + 1);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            b',' => cuts.push(i),
            _ => {}
        }
    }
    if !scan.in_string {
        cuts.push(json.len());
    }
    for &end in cuts.iter().rev().take(CANDIDATES) {
        let head = json[..end].trim_end();
        let mut candidate = head.to_owned();
        candidate.extend(closers(head));
        if let Ok(value) = serde_json::from_str(&candidate) {
            return value;
        }
    }
    Value::Object(Map::new())
}

/// The brackets that close whatever `head` leaves open, innermost first.
fn closers(head: &str) -> impl Iterator<Item = char> {
    let mut open = Vec::new();
    for (_, byte) in Structure::new(head.as_bytes()) {
        match byte {
            b'{' => open.push('}'),
            b'[' => open.push(']'),
            b'}' | b']' => {
                open.pop();
            }
            _ => {}
        }
    }
    open.into_iter().rev()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn accumulate(events: &[(&str, &str)]) -> Message {
        let mut acc = MessageAccumulator::new();
        for (name, data) in events {
            acc.apply(&StreamEvent::parse(name, data).unwrap()).unwrap();
        }
        acc.into_message().unwrap()
    }

    const START: &str = r#"{"type":"message_start","message":{"id":"m","type":"message","role":"assistant","model":"x","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":5,"output_tokens":1}}}"#;

    #[test]
    fn text_deltas_append_and_borrow() {
        let data =
            r#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}"#;
        match StreamEvent::parse("content_block_delta", data).unwrap() {
            StreamEvent::BlockDelta {
                delta: Delta::Text(Cow::Borrowed("Hi")),
                index: 0,
            } => {}
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn signature_delta_replaces_and_thinking_appends() {
        let message = accumulate(&[
            ("message_start", START),
            (
                "content_block_start",
                r#"{"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}"#,
            ),
            (
                "content_block_delta",
                r#"{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"a"}}"#,
            ),
            (
                "content_block_delta",
                r#"{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"b"}}"#,
            ),
            (
                "content_block_delta",
                r#"{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"s1"}}"#,
            ),
            (
                "content_block_delta",
                r#"{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"s2"}}"#,
            ),
            (
                "content_block_stop",
                r#"{"type":"content_block_stop","index":0}"#,
            ),
        ]);
        assert_eq!(
            serde_json::to_value(&message.content).unwrap(),
            json!([{"type":"thinking","thinking":"ab","signature":"s2"}])
        );
    }

    #[test]
    fn message_delta_usage_is_cumulative_not_added() {
        let message = accumulate(&[
            ("message_start", START),
            (
                "message_delta",
                r#"{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":6}}"#,
            ),
            (
                "message_delta",
                r#"{"type":"message_delta","delta":{"stop_reason":"max_tokens","stop_details":{"type":"x"}},"usage":{"output_tokens":9,"input_tokens":7}}"#,
            ),
        ]);
        assert_eq!(message.usage.output_tokens(), 9);
        assert_eq!(message.usage.input_tokens(), 7);
        assert_eq!(message.stop_reason, Some(StopReason::MaxTokens));
        assert_eq!(message.extra["stop_details"], json!({"type":"x"}));
    }

    #[test]
    fn tool_input_fragments_are_parsed_at_block_stop() {
        let message = accumulate(&[
            ("message_start", START),
            (
                "content_block_start",
                r#"{"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"t","name":"f","input":{}}}"#,
            ),
            (
                "content_block_delta",
                r#"{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":""}}"#,
            ),
            (
                "content_block_delta",
                r#"{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\"a\": [1,"}}"#,
            ),
            (
                "content_block_delta",
                r#"{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":" 2]}"}}"#,
            ),
            (
                "content_block_stop",
                r#"{"type":"content_block_stop","index":0}"#,
            ),
        ]);
        match &message.content[0] {
            ContentBlock::ToolUse(call) => assert_eq!(call.input, json!({"a":[1,2]})),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn events_before_message_start_are_protocol_errors() {
        let mut acc = MessageAccumulator::new();
        let event = StreamEvent::parse(
            "content_block_stop",
            r#"{"type":"content_block_stop","index":0}"#,
        )
        .unwrap();
        assert_eq!(
            acc.apply(&event),
            Err(ProtocolError::BeforeStart("content_block_stop"))
        );
    }

    #[test]
    fn a_delta_for_a_missing_block_is_a_protocol_error() {
        let mut acc = MessageAccumulator::new();
        acc.apply(&StreamEvent::parse("message_start", START).unwrap())
            .unwrap();
        let event = StreamEvent::parse(
            "content_block_delta",
            r#"{"type":"content_block_delta","index":3,"delta":{"type":"text_delta","text":"x"}}"#,
        )
        .unwrap();
        assert_eq!(acc.apply(&event), Err(ProtocolError::NoSuchBlock(3)));
    }

    #[test]
    fn unknown_events_and_deltas_are_ignored() {
        assert_eq!(
            StreamEvent::parse("brand_new", r#"{"type":"brand_new","x":1}"#).unwrap(),
            StreamEvent::Unknown
        );
        let delta =
            r#"{"type":"content_block_delta","index":0,"delta":{"type":"new_delta","x":1}}"#;
        assert!(matches!(
            StreamEvent::parse("content_block_delta", delta).unwrap(),
            StreamEvent::BlockDelta {
                delta: Delta::Unknown,
                ..
            }
        ));
    }

    #[test]
    fn error_events_are_decided_by_the_event_name() {
        let data =
            r#"{"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}"#;
        match StreamEvent::parse("error", data).unwrap() {
            StreamEvent::Error(error) => {
                assert_eq!(error.kind, "overloaded_error");
                assert_eq!(error.message, "Overloaded");
            }
            other => panic!("unexpected {other:?}"),
        }
        assert!(matches!(
            StreamEvent::parse("error", "not json").unwrap(),
            StreamEvent::Error(_)
        ));
    }

    #[test]
    fn malformed_json_is_a_protocol_error() {
        assert!(matches!(
            StreamEvent::parse("message_start", "{\"type\":\"message_start\""),
            Err(ProtocolError::BadEvent(_))
        ));
    }

    #[test]
    fn partial_json_keeps_complete_values() {
        assert_eq!(
            parse_partial_json(r#"{"a": 1, "b": [1, 2"#),
            json!({"a":1,"b":[1,2]})
        );
        assert_eq!(
            parse_partial_json(r#"{"a": "x", "b": "unfinish"#),
            json!({"a":"x"})
        );
        assert_eq!(parse_partial_json(r#"{"a": "x", "b"#), json!({"a":"x"}));
        assert_eq!(parse_partial_json(r#"{"a":"#), json!({}));
        assert_eq!(parse_partial_json(r#"{"a": "x\"y", "#), json!({"a":"x\"y"}));
        assert_eq!(parse_partial_json("garbage"), json!({}));
    }

    #[test]
    fn partial_json_from_a_hostile_server_stays_cheap() {
        // Quadratic work here would need tens of gigabytes.
        let deep = "[".repeat(200_000);
        assert_eq!(parse_partial_json(&deep), json!({}));
        let commas = format!("[{}", "1,".repeat(200_000));
        assert_eq!(
            parse_partial_json(&commas).as_array().map(Vec::len),
            Some(200_000)
        );
    }
}
