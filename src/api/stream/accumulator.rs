//! Folding stream events into the `Message` they describe, the way the
//! official SDKs do (`accumulate_event` in anthropic-sdk-python): deltas
//! append, a signature delta replaces, `message_delta` usage is a
//! cumulative total, unknown events and delta types are ignored.
//!
//! What a message accumulates is held to its caps ([`caps`]) whether or
//! not it is kept: a stream that never ends, or that opens block after
//! block, stops at a cap instead of growing the process. Text and thinking
//! need not be kept at all when they were printed as they came and nobody
//! asks for the Message ([`MessageAccumulator::without_text`]): memory then
//! stays flat however long the reply.

use std::collections::HashMap;

use serde_json::Value;

use super::event::{Delta, ProtocolError, StreamEvent};
use super::partial_json::parse_partial_json;
use crate::api::caps::{self, Budget, Exceeded};
use crate::api::types::{ContentBlock, Message, StopReason};

/// Folds stream events into the `Message` they describe.
#[derive(Debug, Default)]
pub struct MessageAccumulator {
    message: Option<Message>,
    /// `input_json_delta` fragments by block index, parsed when the block
    /// stops (or when the stream ends without stopping it).
    tool_inputs: HashMap<usize, String>,
    stopped: bool,
    /// What is left of the message's caps. A second `message_start` does
    /// not refill it: the cap is on the stream.
    budget: Budget,
    /// Text and thinking deltas are weighed, but not kept.
    drop_text: bool,
}

impl MessageAccumulator {
    pub fn new() -> Self {
        Self::default()
    }

    /// An accumulator whose Message keeps its text and thinking blocks
    /// empty: for a reply printed as it streamed, when the caller needs
    /// its stop reason and usage but not its text.
    pub fn without_text() -> Self {
        MessageAccumulator {
            drop_text: true,
            ..Self::default()
        }
    }

    /// Parses one SSE event, spending this message's caps on it.
    pub fn parse_event<'a>(
        &mut self,
        name: &str,
        data: &'a str,
    ) -> Result<StreamEvent<'a>, ProtocolError> {
        StreamEvent::parse_within(name, data, &mut self.budget)
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
                if message.content.len() == caps::MESSAGE_BLOCKS {
                    return Err(Exceeded::Blocks.into());
                }
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
                self.finish_tool_input(*index)?;
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

    /// The whole message, tool inputs that never stopped parsed as far as
    /// they go; an error if they go past the message's cap.
    pub fn finish(mut self) -> Result<Option<Message>, ProtocolError> {
        let pending: Vec<usize> = self.tool_inputs.keys().copied().collect();
        for index in pending {
            self.finish_tool_input(index)?;
        }
        Ok(self.message)
    }

    /// What had arrived when a stream was cut short: the message so far,
    /// with whatever tool input fits the cap.
    pub fn into_message(mut self) -> Option<Message> {
        let pending: Vec<usize> = self.tool_inputs.keys().copied().collect();
        for index in pending {
            // Input over the cap stays as its block started.
            let _ = self.finish_tool_input(index);
        }
        self.message
    }

    fn message_mut(&mut self, event: &'static str) -> Result<&mut Message, ProtocolError> {
        self.message
            .as_mut()
            .ok_or(ProtocolError::BeforeStart(event))
    }

    fn apply_delta(&mut self, index: usize, delta: &Delta<'_>) -> Result<(), ProtocolError> {
        self.budget.spend_bytes(delta_bytes(delta))?;
        let drop_text = self.drop_text;
        let message = self.message_mut("content_block_delta")?;
        let block = message
            .content
            .get_mut(index)
            .ok_or(ProtocolError::NoSuchBlock(index))?;
        // A delta that does not fit its block is ignored, as in the SDK.
        match (delta, block) {
            (Delta::Text(_) | Delta::Thinking(_), _) if drop_text => {}
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
                self.tool_inputs
                    .entry(index)
                    .or_default()
                    .push_str(fragment);
            }
            _ => {}
        }
        Ok(())
    }

    fn finish_tool_input(&mut self, index: usize) -> Result<(), ProtocolError> {
        let Some(json) = self.tool_inputs.remove(&index) else {
            return Ok(());
        };
        if json.trim().is_empty() {
            return Ok(());
        }
        // Its bytes were spent as they came; what it parses into is weighed now.
        self.budget.spend_values(&json)?;
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
        Ok(())
    }
}

/// The bytes of content a delta adds (or replaces), for the message's cap.
fn delta_bytes(delta: &Delta<'_>) -> usize {
    match delta {
        Delta::Text(text)
        | Delta::Thinking(text)
        | Delta::Signature(text)
        | Delta::InputJson(text) => text.len(),
        Delta::Compaction {
            content,
            encrypted_content,
        } => {
            content.as_ref().map_or(0, String::len)
                + encrypted_content.as_ref().map_or(0, String::len)
        }
        // Weighed when it was parsed.
        Delta::Citation(_) | Delta::Unknown => 0,
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

    const TEXT_BLOCK: &str =
        r#"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#;

    fn text_delta(text: &str) -> String {
        format!(
            r#"{{"type":"content_block_delta","index":0,"delta":{{"type":"text_delta","text":"{text}"}}}}"#
        )
    }

    #[test]
    fn text_deltas_append() {
        let message = accumulate(&[
            ("message_start", START),
            ("content_block_start", TEXT_BLOCK),
            ("content_block_delta", &text_delta("Hel")),
            ("content_block_delta", &text_delta("lo")),
        ]);
        assert_eq!(message.text(), "Hello");
    }

    #[test]
    fn without_text_the_text_is_weighed_but_not_kept() {
        let mut acc = MessageAccumulator::without_text();
        for (name, data) in [
            ("message_start", START.to_owned()),
            ("content_block_start", TEXT_BLOCK.to_owned()),
            ("content_block_delta", text_delta("Hello")),
        ] {
            let event = acc.parse_event(name, &data).unwrap();
            acc.apply(&event).unwrap();
        }
        assert_eq!(acc.budget, {
            let mut spent = Budget::default();
            spent
                .spend_json(&START[START.find("{\"id\"").unwrap()..START.len() - 1])
                .unwrap();
            spent.spend_json(r#"{"type":"text","text":""}"#).unwrap();
            spent.spend_bytes(5).unwrap();
            spent
        });
        let message = acc.finish().unwrap().unwrap();
        assert_eq!(message.text(), "");
        assert_eq!(message.usage.input_tokens(), 5);
    }

    #[test]
    fn an_endless_reply_stops_at_the_cap_kept_or_not() {
        let chunk = "x".repeat(1 << 20);
        for mut acc in [
            MessageAccumulator::new(),
            MessageAccumulator::without_text(),
        ] {
            acc.apply(&StreamEvent::parse("message_start", START).unwrap())
                .unwrap();
            acc.apply(&StreamEvent::parse("content_block_start", TEXT_BLOCK).unwrap())
                .unwrap();
            let delta = StreamEvent::BlockDelta {
                index: 0,
                delta: Delta::Text(chunk.as_str().into()),
            };
            let stopped_after = (0..=caps::MESSAGE_BYTES >> 20)
                .position(|_| acc.apply(&delta).is_err())
                .expect("the cap stops the reply");
            assert_eq!(stopped_after, caps::MESSAGE_BYTES >> 20);
            assert_eq!(
                acc.apply(&delta),
                Err(ProtocolError::TooLarge(Exceeded::Bytes {
                    what: "a Message",
                    bytes: caps::MESSAGE_BYTES
                }))
            );
        }
    }

    #[test]
    fn blocks_are_capped_and_found_by_index() {
        // Every block open at once, each getting input: linear, not quadratic.
        let mut acc = MessageAccumulator::new();
        acc.apply(&StreamEvent::parse("message_start", START).unwrap())
            .unwrap();
        let start = StreamEvent::BlockStart {
            index: 0,
            block: serde_json::from_str(r#"{"type":"tool_use","id":"t","name":"f","input":{}}"#)
                .unwrap(),
        };
        for index in 0..caps::MESSAGE_BLOCKS {
            acc.apply(&start).unwrap();
            let input = StreamEvent::BlockDelta {
                index,
                delta: Delta::InputJson("{\"n\":1}".into()),
            };
            acc.apply(&input).unwrap();
        }
        assert_eq!(
            acc.apply(&start),
            Err(ProtocolError::TooLarge(Exceeded::Blocks))
        );
        let message = acc.finish().unwrap().unwrap();
        assert_eq!(message.content.len(), caps::MESSAGE_BLOCKS);
        match &message.content[caps::MESSAGE_BLOCKS - 1] {
            ContentBlock::ToolUse(call) => assert_eq!(call.input, json!({"n": 1})),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn tool_input_is_weighed_by_what_it_parses_into() {
        let mut acc = MessageAccumulator::new();
        acc.apply(&StreamEvent::parse("message_start", START).unwrap())
            .unwrap();
        acc.apply(
            &StreamEvent::parse(
                "content_block_start",
                r#"{"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"t","name":"f","input":{}}}"#,
            )
            .unwrap(),
        )
        .unwrap();
        let many = format!("[{}0]", "0,".repeat(caps::MESSAGE_VALUES));
        acc.apply(&StreamEvent::BlockDelta {
            index: 0,
            delta: Delta::InputJson(many.as_str().into()),
        })
        .unwrap();
        assert!(matches!(
            acc.apply(&StreamEvent::BlockStop { index: 0 }),
            Err(ProtocolError::TooLarge(Exceeded::Values { .. }))
        ));
    }
}
