//! The body of a Messages request as we send it: the turns, their content
//! blocks, and the request options. Field and variant order follows the
//! official Python SDK, so bodies compare line by line with what it sends.

use bytes::Bytes;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;

/// The body of `POST /v1/messages`. Field order follows the official Python
/// SDK (`resources/messages/messages.py`), so bodies compare line by line.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MessageRequest {
    pub max_tokens: u32,
    pub messages: Vec<InputMessage>,
    pub model: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// The code execution sandbox to go on in: the `container.id` of the
    /// reply this request continues.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container: Option<String>,
    /// Server-side context editing such as compaction (a beta).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context_management: Option<Value>,
    /// Remote MCP servers the API connects to (the MCP connector beta).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mcp_servers: Vec<McpServer>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output_config: Option<OutputConfig>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stop_sequences: Vec<String>,
    /// Sent only when true, as the SDK does for `create(stream=True)`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub stream: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thinking: Option<ThinkingConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tool_choice: Option<ToolChoice>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tools: Vec<ToolDefinition>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top_k: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top_p: Option<f64>,
}

/// The body of `POST /v1/messages/count_tokens`: the Messages request
/// without the fields that endpoint refuses (`max_tokens`, `stream`,
/// `stop_sequences`, sampling). Field order follows the Python SDK.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CountTokensRequest<'a> {
    pub messages: &'a [InputMessage],
    pub model: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<&'a CacheControl>,
    #[serde(skip_serializing_if = "<[McpServer]>::is_empty")]
    pub mcp_servers: &'a [McpServer],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output_config: Option<&'a OutputConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thinking: Option<&'a ThinkingConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tool_choice: Option<&'a ToolChoice>,
    #[serde(skip_serializing_if = "<[ToolDefinition]>::is_empty")]
    pub tools: &'a [ToolDefinition],
}

impl<'a> From<&'a MessageRequest> for CountTokensRequest<'a> {
    fn from(request: &'a MessageRequest) -> Self {
        CountTokensRequest {
            messages: &request.messages,
            model: &request.model,
            cache_control: request.cache_control.as_ref(),
            mcp_servers: &request.mcp_servers,
            output_config: request.output_config.as_ref(),
            system: request.system.as_deref(),
            thinking: request.thinking.as_ref(),
            tool_choice: request.tool_choice.as_ref(),
            tools: &request.tools,
        }
    }
}

/// One entry of `tools`. Server tools run on Anthropic's side; each `type`
/// is the dated version this client speaks, as the official SDK (Python
/// 2.12) types give them.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "type")]
pub enum ToolDefinition {
    /// `web_search_20260318`, named `web_search`.
    #[serde(rename = "web_search_20260318")]
    WebSearch(WebTool),
    /// `web_fetch_20260318`, named `web_fetch`.
    #[serde(rename = "web_fetch_20260318")]
    WebFetch(WebTool),
    /// `code_execution_20260521`: a sandbox that runs Python and bash.
    #[serde(rename = "code_execution_20260521")]
    CodeExecution { name: &'static str },
    /// Every tool of one of the request's `mcp_servers`.
    #[serde(rename = "mcp_toolset")]
    McpToolset { mcp_server_name: String },
    /// A tool the model asks this client to run. Its `type` ("custom") is
    /// optional and left out, as SDK users write it.
    #[serde(untagged)]
    Custom(CustomTool),
}

/// A client tool's definition.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CustomTool {
    pub name: String,
    pub description: String,
    /// A JSON Schema object.
    pub input_schema: Value,
    /// The API holds the model's input to the schema.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub strict: bool,
}

/// `tool_choice`: whether and which tool the model must use.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToolChoice {
    Auto,
    Any,
    None,
    Tool { name: String },
}

impl ToolDefinition {
    /// The name the model calls the tool by (an MCP toolset has none of
    /// its own).
    pub fn name(&self) -> Option<&str> {
        match self {
            ToolDefinition::WebSearch(tool) | ToolDefinition::WebFetch(tool) => Some(tool.name),
            ToolDefinition::CodeExecution { name } => Some(name),
            ToolDefinition::McpToolset { .. } => None,
            ToolDefinition::Custom(tool) => Some(&tool.name),
        }
    }

    pub fn web_search(options: WebOptions) -> ToolDefinition {
        ToolDefinition::WebSearch(WebTool {
            name: "web_search",
            options,
        })
    }

    pub fn web_fetch(options: WebOptions) -> ToolDefinition {
        ToolDefinition::WebFetch(WebTool {
            name: "web_fetch",
            options,
        })
    }

    pub fn code_execution() -> ToolDefinition {
        ToolDefinition::CodeExecution {
            name: "code_execution",
        }
    }
}

/// A web search or web fetch tool.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct WebTool {
    name: &'static str,
    #[serde(flatten)]
    options: WebOptions,
}

/// What a web tool may do: how often, and where.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct WebOptions {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_uses: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_domains: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked_domains: Option<Vec<String>>,
}

/// A remote MCP server the API connects to: `{"type": "url", ...}`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct McpServer {
    #[serde(rename = "type")]
    pub kind: McpServerKind,
    pub url: String,
    pub name: String,
    /// Sent to the MCP server as its OAuth bearer token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorization_token: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum McpServerKind {
    Url,
}

/// One turn of the conversation we send.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct InputMessage {
    pub role: Role,
    pub content: InputContent,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    User,
    Assistant,
}

/// A turn's content: a bare string when it is one piece of text (as a user
/// of the SDK would write it), otherwise a list of blocks.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(untagged)]
pub enum InputContent {
    Text(String),
    Blocks(Vec<InputBlock>),
    /// Content kept as JSON: earlier turns of a saved conversation, sent
    /// back exactly as they were (assistant blocks keep their signatures).
    Json(Value),
    /// Content sent back byte for byte as the server wrote it: a paused
    /// turn's content, continued by the next request.
    Raw(RawContent),
}

/// A JSON array of content blocks, kept as the exact text it arrived as.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct RawContent(Box<RawValue>);

impl RawContent {
    /// `text` if it is a JSON array (anything else cannot be a turn's
    /// content).
    pub fn new(text: String) -> Option<RawContent> {
        RawContent::from_raw(RawValue::from_string(text).ok()?)
    }

    /// `raw` if it is a JSON array.
    pub fn from_raw(raw: Box<RawValue>) -> Option<RawContent> {
        raw.get().starts_with('[').then_some(RawContent(raw))
    }

    /// The JSON text, exactly as it arrived.
    pub fn get(&self) -> &str {
        self.0.get()
    }

    /// One array holding the blocks of every array in `parts`, in order:
    /// every byte between the brackets is kept, so a single array comes
    /// back exactly as it was.
    pub fn join<'a>(parts: impl IntoIterator<Item = &'a RawContent>) -> Option<RawContent> {
        let inner: Vec<&str> = parts
            .into_iter()
            .map(|part| {
                let text = part.get();
                &text[1..text.len() - 1]
            })
            .filter(|inner| !inner.trim().is_empty())
            .collect();
        RawContent::new(format!("[{}]", inner.join(",")))
    }
}

impl PartialEq for RawContent {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

/// A content block in a request.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum InputBlock {
    Text {
        text: String,
    },
    Image {
        source: Source,
    },
    Document {
        source: Source,
        #[serde(skip_serializing_if = "Option::is_none")]
        title: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        citations: Option<CitationsConfig>,
    },
    /// The answer to a `tool_use` block: what the tool printed, or why it
    /// did not run. Content is left out when the tool printed nothing.
    ToolResult {
        tool_use_id: String,
        #[serde(skip_serializing_if = "String::is_empty")]
        content: String,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        is_error: bool,
    },
}

/// A document's `citations`: whether the answer may cite it.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct CitationsConfig {
    pub enabled: bool,
}

/// Where an image or a document comes from.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Source {
    Base64 {
        media_type: &'static str,
        data: Base64Data,
    },
    Url {
        url: String,
    },
    /// A file stored with the Files API.
    File {
        file_id: String,
    },
    /// A plain-text document.
    Text {
        media_type: &'static str,
        data: String,
    },
}

/// Raw bytes that serialize as a base64 string. Encoding happens while the
/// body is written, so a large PDF is never held a second time as a base64
/// string.
#[derive(Debug, Clone, PartialEq)]
pub struct Base64Data(pub Bytes);

impl Serialize for Base64Data {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use base64::display::Base64Display;
        use base64::engine::general_purpose::STANDARD;
        serializer.collect_str(&Base64Display::new(&self.0, &STANDARD))
    }
}

/// Top-level `cache_control`: automatic prompt caching.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CacheControl {
    #[serde(rename = "type")]
    pub kind: CacheKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ttl: Option<CacheTtl>,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum CacheKind {
    Ephemeral,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub enum CacheTtl {
    #[serde(rename = "5m")]
    FiveMinutes,
    #[serde(rename = "1h")]
    OneHour,
}

/// `output_config`: effort and structured output.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OutputConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effort: Option<Effort>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<OutputFormat>,
}

/// `output_config.format`: the reply is JSON matching the schema.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum OutputFormat {
    JsonSchema { schema: Value },
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Effort {
    Low,
    Medium,
    High,
    Xhigh,
    Max,
}

/// The `thinking` request field.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum ThinkingConfig {
    Adaptive,
    Enabled { budget_tokens: u32 },
    Disabled,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_omits_unset_fields() {
        let request = MessageRequest {
            max_tokens: 16,
            messages: vec![InputMessage {
                role: Role::User,
                content: InputContent::Text("hi".into()),
            }],
            model: "m".into(),
            container: None,
            context_management: None,
            mcp_servers: vec![],
            cache_control: None,
            output_config: None,
            stop_sequences: vec![],
            stream: false,
            system: None,
            temperature: None,
            thinking: None,
            tool_choice: None,
            tools: vec![],
            top_k: None,
            top_p: None,
        };
        assert_eq!(
            serde_json::to_string(&request).unwrap(),
            r#"{"max_tokens":16,"messages":[{"role":"user","content":"hi"}],"model":"m"}"#
        );
    }

    #[test]
    fn raw_content_joins_arrays_keeping_each_block_as_written() {
        let a = RawContent::new(r#"[{"type":"text","text":"\u00b0"}]"#.into()).unwrap();
        let b = RawContent::new(" [ {\"type\": \"x\"}\n] ".into()).unwrap();
        let empty = RawContent::new("[ ]".into()).unwrap();
        assert_eq!(
            RawContent::join([&b]).unwrap().get(),
            "[ {\"type\": \"x\"}\n]"
        );
        let joined = RawContent::join([&a, &empty, &b]).unwrap();
        assert_eq!(
            joined.get(),
            "[{\"type\":\"text\",\"text\":\"\\u00b0\"}, {\"type\": \"x\"}\n]"
        );
        assert!(RawContent::new("{}".into()).is_none());
        assert!(RawContent::new("[".into()).is_none());
        let message = InputMessage {
            role: Role::Assistant,
            content: InputContent::Raw(joined),
        };
        assert_eq!(
            serde_json::to_string(&message).unwrap(),
            "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"\\u00b0\"}, {\"type\": \"x\"}\n]}"
        );
    }

    #[test]
    fn server_tools_have_the_sdk_shapes() {
        let tools = vec![
            ToolDefinition::web_search(WebOptions {
                max_uses: Some(3),
                allowed_domains: Some(vec!["docs.rs".into()]),
                blocked_domains: None,
            }),
            ToolDefinition::web_fetch(WebOptions::default()),
            ToolDefinition::code_execution(),
            ToolDefinition::McpToolset {
                mcp_server_name: "docs".into(),
            },
        ];
        assert_eq!(
            serde_json::to_string(&tools).unwrap(),
            r#"[{"type":"web_search_20260318","name":"web_search","max_uses":3,"allowed_domains":["docs.rs"]},{"type":"web_fetch_20260318","name":"web_fetch"},{"type":"code_execution_20260521","name":"code_execution"},{"type":"mcp_toolset","mcp_server_name":"docs"}]"#
        );
        let custom = vec![ToolDefinition::Custom(CustomTool {
            name: "wc".into(),
            description: "Count.".into(),
            input_schema: serde_json::json!({"type": "object"}),
            strict: true,
        })];
        assert_eq!(
            serde_json::to_string(&custom).unwrap(),
            r#"[{"name":"wc","description":"Count.","input_schema":{"type":"object"},"strict":true}]"#
        );
        assert_eq!(
            serde_json::to_string(&[
                ToolChoice::Auto,
                ToolChoice::None,
                ToolChoice::Tool { name: "wc".into() }
            ])
            .unwrap(),
            r#"[{"type":"auto"},{"type":"none"},{"type":"tool","name":"wc"}]"#
        );
        let server = McpServer {
            kind: McpServerKind::Url,
            url: "https://mcp.example.com/mcp".into(),
            name: "docs".into(),
            authorization_token: None,
        };
        assert_eq!(
            serde_json::to_string(&server).unwrap(),
            r#"{"type":"url","url":"https://mcp.example.com/mcp","name":"docs"}"#
        );
    }
}
