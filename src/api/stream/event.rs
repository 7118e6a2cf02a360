//! One SSE event of a Messages stream, parsed into a typed event.
//!
//! Text deltas are borrowed straight from the event data, so the hot path
//! allocates nothing. Every part that is parsed into a tree (a message, a
//! block, a citation, a `message_delta`) is first weighed against what is
//! left of the message's cap ([`Budget`]), so one event cannot become
//! gigabytes of JSON values.

use std::borrow::Cow;

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::api::caps::{Budget, Exceeded};
use crate::api::types::{ContentBlock, ErrorObject, Message};

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
    /// The message went past one of its caps.
    #[error("{0}")]
    TooLarge(#[from] Exceeded),
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
    /// Borrowed: parsed (and weighed) only for a `citations_delta`.
    #[serde(borrow, default)]
    citation: Option<&'a RawValue>,
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    encrypted_content: Option<String>,
}

impl<'a> StreamEvent<'a> {
    /// Parses one SSE event. `name` is the SSE `event:` field: `error` and
    /// `ping` are decided by it, as in the SDK; everything else by the
    /// data's own `type`. One event may hold no more than a whole message.
    pub fn parse(name: &str, data: &'a str) -> Result<StreamEvent<'a>, ProtocolError> {
        StreamEvent::parse_within(name, data, &mut Budget::default())
    }

    /// Parses one SSE event, spending `budget` on what it parses into a
    /// tree. A `ping` must be JSON like every other event, so that
    /// `-o stream-json` can print it as a line.
    pub fn parse_within(
        name: &str,
        data: &'a str,
        budget: &mut Budget,
    ) -> Result<StreamEvent<'a>, ProtocolError> {
        match name {
            "ping" => {
                serde_json::from_str::<IgnoredAny>(data).map_err(bad)?;
                return Ok(StreamEvent::Ping);
            }
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
                    budget,
                )?,
            },
            "content_block_start" => {
                weigh(budget, raw.content_block)?;
                StreamEvent::BlockStart {
                    index: need_index("content_block_start")?,
                    block: from_raw(raw.content_block, "content_block_start", "content_block")?,
                }
            }
            "content_block_stop" => StreamEvent::BlockStop {
                index: need_index("content_block_stop")?,
            },
            "message_start" => {
                weigh(budget, raw.message)?;
                StreamEvent::MessageStart(Box::new(from_raw(
                    raw.message,
                    "message_start",
                    "message",
                )?))
            }
            "message_delta" => {
                weigh(budget, raw.delta)?;
                weigh(budget, raw.usage)?;
                StreamEvent::MessageDelta {
                    delta: optional_map(raw.delta)?,
                    usage: optional_map(raw.usage)?,
                }
            }
            "message_stop" => StreamEvent::MessageStop,
            "ping" => StreamEvent::Ping,
            "error" => StreamEvent::Error(parse_error_event(data)),
            _ => StreamEvent::Unknown,
        })
    }
}

/// Spends the budget on a part of an event that will be parsed into a tree.
fn weigh(budget: &mut Budget, part: Option<&RawValue>) -> Result<(), Exceeded> {
    match part {
        Some(part) => budget.spend_json(part.get()),
        None => Ok(()),
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

fn parse_delta<'a>(raw: &'a RawValue, budget: &mut Budget) -> Result<Delta<'a>, ProtocolError> {
    let delta: RawDelta<'a> = serde_json::from_str(raw.get()).map_err(bad)?;
    Ok(match delta.kind.as_ref() {
        "text_delta" => Delta::Text(delta.text),
        "thinking_delta" => Delta::Thinking(delta.thinking),
        "signature_delta" => Delta::Signature(delta.signature),
        "input_json_delta" => Delta::InputJson(delta.partial_json),
        "citations_delta" => match delta.citation {
            Some(citation) => {
                budget.spend_json(citation.get())?;
                Delta::Citation(serde_json::from_str(citation.get()).map_err(bad)?)
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_deltas_borrow_from_the_event() {
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
    fn a_ping_must_be_json() {
        assert_eq!(
            StreamEvent::parse("ping", r#"{"type": "ping"}"#),
            Ok(StreamEvent::Ping)
        );
        assert!(matches!(
            StreamEvent::parse("ping", "{\nnot json"),
            Err(ProtocolError::BadEvent(_))
        ));
    }

    #[test]
    fn structured_parts_are_weighed_before_they_are_parsed() {
        let many = format!("[{}{{}}]", "{},".repeat(1_000_000));
        let start = format!(
            r#"{{"type":"content_block_start","index":0,"content_block":{{"type":"x","list":{many}}}}}"#
        );
        assert!(matches!(
            StreamEvent::parse("content_block_start", &start),
            Err(ProtocolError::TooLarge(Exceeded::Values { .. }))
        ));
        // A citation on a delta of another type is neither parsed nor weighed.
        let text = format!(
            r#"{{"type":"content_block_delta","index":0,"delta":{{"type":"text_delta","text":"x","citation":{many}}}}}"#
        );
        let mut budget = Budget::default();
        assert!(StreamEvent::parse_within("content_block_delta", &text, &mut budget).is_ok());
        assert_eq!(budget, Budget::default());
        let cited = text.replace("text_delta", "citations_delta");
        assert!(matches!(
            StreamEvent::parse("content_block_delta", &cited),
            Err(ProtocolError::TooLarge(Exceeded::Values { .. }))
        ));
    }
}
