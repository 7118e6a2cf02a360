//! Serde types for the Messages API wire format: the `Message` we get back,
//! the other endpoints' replies, and the error envelope. The request body
//! lives in `request` and is re-exported here, so callers name every wire
//! type through this one module.
//!
//! Response types keep every field the server sent, known or not, so that
//! `-o json` prints the reply as the API returned it: known fields are typed,
//! the rest live in `extra` maps, and unknown content blocks are kept whole.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use super::request::{
    Base64Data, CacheControl, CacheKind, CacheTtl, CitationsConfig, CountTokensRequest, CustomTool,
    Effort, InputBlock, InputContent, InputMessage, McpServer, McpServerKind, MessageRequest,
    OutputConfig, OutputFormat, RawContent, Role, Source, ThinkingConfig, ToolChoice,
    ToolDefinition, WebOptions, WebTool,
};

/// The reply of `count_tokens`.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct TokenCount {
    pub input_tokens: u64,
}

/// One page of a list (`GET /v1/models`, `GET /v1/messages/batches`,
/// `GET /v1/files`). Items are kept as the JSON the API sent
/// (key order included), so `-o json` prints them whole; [`ModelInfo`]
/// reads the fields the text view shows.
#[derive(Debug, Clone, Deserialize)]
pub struct Page {
    #[serde(deserialize_with = "super::caps::page_items")]
    pub data: Vec<Value>,
    #[serde(default)]
    pub has_more: bool,
    #[serde(default)]
    pub last_id: Option<String>,
    /// The opaque cursor of the next page (Files, SDK 2.12); null on the last.
    #[serde(default)]
    pub next_page: Option<String>,
}

/// The fields of a stored file (FileMetadata) that `claude files` shows
/// and decides on, each read on its own.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileInfo {
    pub id: String,
    pub filename: Option<String>,
    pub mime_type: Option<String>,
    pub size_bytes: Option<u64>,
    pub created_at: Option<String>,
    /// `None`: the file does not expire.
    pub expires_at: Option<String>,
    /// `None` when the API did not say.
    pub downloadable: Option<bool>,
}

impl FileInfo {
    pub fn from_json(value: &Value) -> FileInfo {
        let text = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_owned);
        FileInfo {
            id: text("id").unwrap_or_default(),
            filename: text("filename"),
            mime_type: text("mime_type"),
            size_bytes: value.get("size_bytes").and_then(Value::as_u64),
            created_at: text("created_at"),
            expires_at: text("expires_at"),
            downloadable: value.get("downloadable").and_then(Value::as_bool),
        }
    }

    /// Whether a message names this file in an image block (else a
    /// document block).
    pub fn is_image(&self) -> bool {
        self.mime_type
            .as_deref()
            .is_some_and(|mime| mime.to_ascii_lowercase().starts_with("image/"))
    }
}

/// The fields of a Message Batch that `claude batch` shows and decides on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BatchInfo {
    pub id: String,
    /// `in_progress`, `canceling` or `ended`.
    pub processing_status: String,
    pub counts: BatchCounts,
    pub created_at: Option<String>,
    pub ended_at: Option<String>,
    pub expires_at: Option<String>,
}

/// `request_counts`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchCounts {
    pub processing: u64,
    pub succeeded: u64,
    pub errored: u64,
    pub canceled: u64,
    pub expired: u64,
}

impl BatchCounts {
    // Saturating: the counts come from the network.
    pub fn total(&self) -> u64 {
        self.processing.saturating_add(self.done())
    }

    /// Requests that have a result.
    pub fn done(&self) -> u64 {
        self.succeeded.saturating_add(self.failed())
    }

    /// Requests without a reply: errored, canceled or expired.
    pub fn failed(&self) -> u64 {
        self.errored
            .saturating_add(self.canceled)
            .saturating_add(self.expired)
    }
}

impl BatchInfo {
    pub fn from_json(value: &Value) -> BatchInfo {
        let text = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_owned);
        let counts = &value["request_counts"];
        let count = |key: &str| counts.get(key).and_then(Value::as_u64).unwrap_or(0);
        BatchInfo {
            id: text("id").unwrap_or_default(),
            processing_status: text("processing_status").unwrap_or_default(),
            counts: BatchCounts {
                processing: count("processing"),
                succeeded: count("succeeded"),
                errored: count("errored"),
                canceled: count("canceled"),
                expired: count("expired"),
            },
            created_at: text("created_at"),
            ended_at: text("ended_at"),
            expires_at: text("expires_at"),
        }
    }

    pub fn has_ended(&self) -> bool {
        self.processing_status == "ended"
    }
}

/// The fields of a model object that `claude models` shows as text. Each
/// is read on its own, so one field of an unexpected type blanks only
/// itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ModelInfo {
    pub id: String,
    pub display_name: Option<String>,
    pub created_at: Option<String>,
    pub max_input_tokens: Option<u64>,
    pub max_tokens: Option<u64>,
    pub capabilities: Option<Map<String, Value>>,
}

impl ModelInfo {
    pub fn from_json(value: &Value) -> ModelInfo {
        let text = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_owned);
        ModelInfo {
            id: text("id").unwrap_or_default(),
            display_name: text("display_name"),
            created_at: text("created_at"),
            max_input_tokens: value.get("max_input_tokens").and_then(Value::as_u64),
            max_tokens: value.get("max_tokens").and_then(Value::as_u64),
            capabilities: value
                .get("capabilities")
                .and_then(Value::as_object)
                .cloned(),
        }
    }
}

/// A reply from the Messages API, whole or accumulated from a stream.
/// Identifying fields are optional so that a reply missing one is printed
/// without it, not with an invented value.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Message {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    #[serde(deserialize_with = "super::caps::content_blocks")]
    pub content: Vec<ContentBlock>,
    #[serde(default)]
    pub stop_reason: Option<StopReason>,
    #[serde(default)]
    pub stop_sequence: Option<String>,
    #[serde(default)]
    pub usage: Usage,
    /// Every other field (`stop_details`, `container`, `context_management`…).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Message {
    /// The reply's text: every text block, in order, joined without a
    /// separator (exactly what streaming prints delta by delta).
    pub fn text(&self) -> String {
        self.text_blocks().collect()
    }

    /// The text blocks' text, in order: [`Message::text`] in pieces.
    pub fn text_blocks(&self) -> impl Iterator<Item = &str> {
        self.content.iter().filter_map(|block| match block {
            ContentBlock::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }

    /// The thinking blocks' text, in order.
    pub fn thinking(&self) -> impl Iterator<Item = &str> {
        self.content.iter().filter_map(|block| match block {
            ContentBlock::Thinking { thinking, .. } => Some(thinking.as_str()),
            _ => None,
        })
    }

    /// `stop_details.category` for a refusal, when the server gave one.
    pub fn refusal_category(&self) -> Option<&str> {
        self.extra.get("stop_details")?.get("category")?.as_str()
    }

    /// The model that wrote the reply, or "" when the server did not say.
    pub fn model_name(&self) -> &str {
        self.model.as_deref().unwrap_or_default()
    }
}

/// An output content block. Block types we act on are typed; any other
/// block is kept as the server sent it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ContentBlock {
    Text {
        #[serde(default)]
        text: String,
        #[serde(flatten)]
        extra: Map<String, Value>,
    },
    Thinking {
        #[serde(default)]
        thinking: String,
        #[serde(default)]
        signature: String,
        #[serde(flatten)]
        extra: Map<String, Value>,
    },
    ToolUse(ToolCall),
    ServerToolUse(ToolCall),
    McpToolUse(ToolCall),
    /// The server switched models mid-reply (beta server-side fallback).
    Fallback {
        to: FallbackTarget,
        #[serde(flatten)]
        extra: Map<String, Value>,
    },
    Compaction {
        #[serde(default)]
        content: Option<String>,
        #[serde(default)]
        encrypted_content: Option<String>,
        #[serde(flatten)]
        extra: Map<String, Value>,
    },
    #[serde(untagged)]
    Other(Map<String, Value>),
}

/// The model a `fallback` block hands the reply to.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FallbackTarget {
    pub model: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A block whose `input` arrives as `input_json_delta` fragments.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ToolCall {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default = "empty_object")]
    pub input: Value,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

fn empty_object() -> Value {
    Value::Object(Map::new())
}

/// Why the model stopped. New reasons appear over time; they are kept as
/// `Other` rather than rejected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum StopReason {
    EndTurn,
    MaxTokens,
    StopSequence,
    ToolUse,
    PauseTurn,
    Refusal,
    ModelContextWindowExceeded,
    Other(String),
}

impl StopReason {
    pub fn as_str(&self) -> &str {
        match self {
            StopReason::EndTurn => "end_turn",
            StopReason::MaxTokens => "max_tokens",
            StopReason::StopSequence => "stop_sequence",
            StopReason::ToolUse => "tool_use",
            StopReason::PauseTurn => "pause_turn",
            StopReason::Refusal => "refusal",
            StopReason::ModelContextWindowExceeded => "model_context_window_exceeded",
            StopReason::Other(other) => other,
        }
    }
}

impl From<String> for StopReason {
    fn from(value: String) -> Self {
        match value.as_str() {
            "end_turn" => StopReason::EndTurn,
            "max_tokens" => StopReason::MaxTokens,
            "stop_sequence" => StopReason::StopSequence,
            "tool_use" => StopReason::ToolUse,
            "pause_turn" => StopReason::PauseTurn,
            "refusal" => StopReason::Refusal,
            "model_context_window_exceeded" => StopReason::ModelContextWindowExceeded,
            _ => StopReason::Other(value),
        }
    }
}

impl From<StopReason> for String {
    fn from(value: StopReason) -> Self {
        match value {
            StopReason::Other(other) => other,
            known => known.as_str().to_owned(),
        }
    }
}

/// Token counters. The set grows over time (`iterations`, `speed`, …) and
/// `message_delta` overwrites whichever counters it carries, so the object
/// is kept whole and read through typed accessors.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(transparent)]
pub struct Usage(Map<String, Value>);

impl Usage {
    pub fn input_tokens(&self) -> u64 {
        self.count("input_tokens")
    }

    pub fn output_tokens(&self) -> u64 {
        self.count("output_tokens")
    }

    /// All tokens written to the cache, whatever their lifetime.
    pub fn cache_write_tokens(&self) -> u64 {
        self.count("cache_creation_input_tokens")
    }

    pub fn cache_read_tokens(&self) -> u64 {
        self.count("cache_read_input_tokens")
    }

    /// Web searches the server ran (`server_tool_use.web_search_requests`).
    pub fn web_search_requests(&self) -> u64 {
        self.server_tool("web_search_requests")
    }

    /// Web fetches the server ran (`server_tool_use.web_fetch_requests`).
    pub fn web_fetch_requests(&self) -> u64 {
        self.server_tool("web_fetch_requests")
    }

    fn server_tool(&self, name: &str) -> u64 {
        self.0
            .get("server_tool_use")
            .and_then(|counts| counts.get(name))
            .and_then(Value::as_u64)
            .unwrap_or(0)
    }

    /// Cache writes split by lifetime `(5m, 1h)`, when the server reports it.
    pub fn cache_write_split(&self) -> Option<(u64, u64)> {
        let split = self.0.get("cache_creation")?;
        let field = |name| split.get(name).and_then(Value::as_u64).unwrap_or(0);
        Some((
            field("ephemeral_5m_input_tokens"),
            field("ephemeral_1h_input_tokens"),
        ))
    }

    /// Server tool calls (web search, web fetch…) the request made: the sum
    /// of the counts under `server_tool_use`.
    pub fn server_tool_requests(&self) -> u64 {
        self.0
            .get("server_tool_use")
            .and_then(Value::as_object)
            .map_or(0, |counts| {
                counts
                    .values()
                    .filter_map(Value::as_u64)
                    .fold(0, u64::saturating_add)
            })
    }

    /// Takes the counters a `message_delta` carries. They are cumulative
    /// totals, so they replace ours; null means "not reported".
    pub fn apply_delta(&mut self, delta: Map<String, Value>) {
        for (key, value) in delta {
            if !value.is_null() {
                self.0.insert(key, value);
            }
        }
    }

    /// Adds another request's usage to this one, for a run of several
    /// requests: counters add up (nested ones too, such as
    /// `server_tool_use`), lists are joined, and anything else (a service
    /// tier, say) is the later request's.
    pub fn add(&mut self, other: &Usage) {
        add_into(&mut self.0, &other.0);
    }

    fn count(&self, name: &str) -> u64 {
        self.0.get(name).and_then(Value::as_u64).unwrap_or(0)
    }
}

fn add_into(sum: &mut Map<String, Value>, other: &Map<String, Value>) {
    for (key, value) in other {
        match (sum.get_mut(key), value) {
            (Some(Value::Number(a)), Value::Number(b)) if a.is_u64() && b.is_u64() => {
                let total = a
                    .as_u64()
                    .unwrap_or(0)
                    .saturating_add(b.as_u64().unwrap_or(0));
                *a = total.into();
            }
            (Some(Value::Object(a)), Value::Object(b)) => add_into(a, b),
            (Some(Value::Array(a)), Value::Array(b)) => a.extend(b.iter().cloned()),
            (_, Value::Null) => {}
            _ => {
                sum.insert(key.clone(), value.clone());
            }
        }
    }
}

/// The error envelope: `{"type":"error","error":{"type","message"},"request_id"}`.
#[derive(Debug, Clone, Deserialize)]
pub struct ErrorEnvelope {
    pub error: ErrorObject,
    #[serde(default)]
    pub request_id: Option<String>,
}

/// The inner error object of an error body or an `error` stream event.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ErrorObject {
    #[serde(rename = "type", default)]
    pub kind: String,
    #[serde(default)]
    pub message: String,
    /// `details.error_code`, which names the cause more closely than the
    /// type (`file_expired`, `file_not_downloadable`…). Read leniently:
    /// odd details must not cost the rest of the error.
    #[serde(default, rename = "details", deserialize_with = "error_code")]
    pub code: Option<String>,
}

fn error_code<'de, D: serde::Deserializer<'de>>(details: D) -> Result<Option<String>, D::Error> {
    let details = Value::deserialize(details)?;
    Ok(details
        .get("error_code")
        .and_then(Value::as_str)
        .map(str::to_owned))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message_from(json: &str) -> Message {
        serde_json::from_str(json).expect("valid message")
    }

    #[test]
    fn a_recorded_message_round_trips_without_losing_fields() {
        let raw = include_str!("../../tests/fixtures/message-basic-recorded.json");
        let message = message_from(raw);
        let original: Value = serde_json::from_str(raw).unwrap();
        assert_eq!(serde_json::to_value(&message).unwrap(), original);
        assert_eq!(message.usage.input_tokens(), 760);
        assert_eq!(message.stop_reason, Some(StopReason::EndTurn));
    }

    #[test]
    fn unknown_blocks_and_fields_survive() {
        let raw = include_str!("../../tests/fixtures/message-server-tool-web-search-recorded.json");
        let message = message_from(raw);
        assert!(
            message
                .content
                .iter()
                .any(|b| matches!(b, ContentBlock::Other(_)))
        );
        // Every recorded reply round-trips whole: known blocks typed, the
        // rest (server tools, containers, citations) kept as sent.
        for raw in [
            raw,
            include_str!("../../tests/fixtures/message-code-execution-container-recorded.json"),
            include_str!("../../tests/fixtures/message-structured-output-recorded.json"),
            include_str!("../../tests/fixtures/message-tool-use-recorded.json"),
            include_str!("../../tests/fixtures/messages-tool-use-response.json"),
            include_str!("../../tests/fixtures/messages-tool-result-final-response.json"),
        ] {
            let original: Value = serde_json::from_str(raw).unwrap();
            assert_eq!(serde_json::to_value(message_from(raw)).unwrap(), original);
        }
    }

    #[test]
    fn text_joins_text_blocks_only() {
        let message = message_from(
            r#"{"content":[{"type":"text","text":"a"},{"type":"tool_use","id":"t","name":"n","input":{}},{"type":"text","text":"b"}]}"#,
        );
        assert_eq!(message.text(), "ab");
    }

    #[test]
    fn usage_deltas_replace_counters() {
        let mut usage: Usage =
            serde_json::from_str(r#"{"input_tokens":10,"output_tokens":1}"#).unwrap();
        let delta: Map<String, Value> =
            serde_json::from_str(r#"{"output_tokens":7,"input_tokens":null}"#).unwrap();
        usage.apply_delta(delta);
        assert_eq!(usage.output_tokens(), 7);
        assert_eq!(usage.input_tokens(), 10);
    }

    #[test]
    fn usages_add_up_field_by_field() {
        let mut usage: Usage = serde_json::from_str(
            r#"{"input_tokens":10,"output_tokens":1,"server_tool_use":{"web_search_requests":1},
                "service_tier":"standard","iterations":[1]}"#,
        )
        .unwrap();
        let next: Usage = serde_json::from_str(
            r#"{"input_tokens":5,"output_tokens":null,"cache_read_input_tokens":3,
                "server_tool_use":{"web_search_requests":2,"web_fetch_requests":1},
                "service_tier":"priority","iterations":[2]}"#,
        )
        .unwrap();
        usage.add(&next);
        assert_eq!(
            serde_json::to_value(&usage).unwrap(),
            serde_json::json!({"input_tokens":15,"output_tokens":1,
                "server_tool_use":{"web_search_requests":3,"web_fetch_requests":1},
                "service_tier":"priority","iterations":[1,2],"cache_read_input_tokens":3})
        );
    }
}
