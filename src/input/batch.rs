//! A batch input file, read and checked whole before anything is sent.
//!
//! Two forms: JSONL, one request per line, either
//! `{"custom_id": "...", "prompt": "...", "system"?, "model"?, "max_tokens"?}`
//! or `{"custom_id": "...", "params": {<a Messages request>}}`; or plain
//! text, one prompt per line, each named `line-N` after its line. Request
//! flags are the defaults for every line. Every error names its line.

use std::collections::HashMap;
use std::path::Path;

use serde_json::{Map, Value};

use crate::error::Error;

/// Requests in one batch (Message Batches docs).
pub const MAX_REQUESTS: usize = 100_000;
/// Size of one batch's body.
pub const MAX_BATCH_BYTES: usize = 256 * 1024 * 1024;
/// A custom_id: 1 to 64 letters, digits, `_` or `-`.
const MAX_CUSTOM_ID: usize = 64;

/// What a line inherits when it does not say.
#[derive(Debug, Clone)]
pub struct Defaults {
    /// A complete `params` object for a `prompt` line, built from the
    /// request flags, with the prompt left out.
    pub params: Map<String, Value>,
    /// Content blocks that go before the prompt in every prompt line (`-f`,
    /// `--file-id`). They are the same in every line, so a stored file is
    /// named there, never carried.
    pub attached: Vec<Value>,
}

/// One request of the batch, as sent.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BatchRequest {
    pub custom_id: String,
    pub params: Value,
    /// Written as a full `params` object, which most flags leave alone.
    #[serde(skip)]
    pub from_params: bool,
}

/// How many requests a file held, and how many of them are `params` lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub requests: usize,
    pub from_params: usize,
}

/// Reads and checks the file at `path`, handing each request to `each` as
/// it is made, so that no more than one is held (the body is written from
/// them as they come).
pub fn read(
    path: &Path,
    defaults: &Defaults,
    each: &mut dyn FnMut(BatchRequest) -> Result<(), Error>,
) -> Result<Summary, Error> {
    let name = path.display().to_string();
    // A file over the limit cannot make a batch under it: not read at all.
    if let Ok(metadata) = std::fs::metadata(path)
        && metadata.len() > MAX_BATCH_BYTES as u64
    {
        return Err(Error::Usage(format!(
            "{name}: the file is over {MAX_BATCH_BYTES} bytes, the API's limit for one batch; \
             split it"
        )));
    }
    let text = super::read_text_file(path, MAX_BATCH_BYTES)?;
    parse(&name, &text, defaults, each)
}

pub fn parse(
    name: &str,
    text: &str,
    defaults: &Defaults,
    each: &mut dyn FnMut(BatchRequest) -> Result<(), Error>,
) -> Result<Summary, Error> {
    let error = |line: usize, why: String| Error::Usage(format!("{name} line {line}: {why}"));
    let jsonl = text
        .lines()
        .find(|line| !line.trim().is_empty())
        .is_some_and(|line| line.trim_start().starts_with('{'));
    let mut summary = Summary {
        requests: 0,
        from_params: 0,
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let request = if jsonl {
            json_line(line, defaults).map_err(|why| error(number, why))?
        } else {
            BatchRequest {
                custom_id: format!("line-{number}"),
                params: with_prompt(defaults, line.trim_end_matches('\r'), &Map::new()),
                from_params: false,
            }
        };
        if let Some(first) = seen.insert(request.custom_id.clone(), number) {
            return Err(error(
                number,
                format!(
                    "custom_id {:?} is already used on line {first}; each must be unique",
                    request.custom_id
                ),
            ));
        }
        summary.requests += 1;
        if summary.requests > MAX_REQUESTS {
            return Err(error(
                number,
                format!(
                    "more than {MAX_REQUESTS} requests, the most one batch takes; split the file"
                ),
            ));
        }
        summary.from_params += usize::from(request.from_params);
        each(request)?;
    }
    if summary.requests == 0 {
        return Err(Error::Usage(format!("{name}: no requests in the file")));
    }
    Ok(summary)
}

/// The keys a JSONL line may have.
const LINE_KEYS: [&str; 6] = [
    "custom_id",
    "prompt",
    "params",
    "system",
    "model",
    "max_tokens",
];

fn json_line(line: &str, defaults: &Defaults) -> Result<BatchRequest, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| {
        // The line is the file's (the caller gives it); serde_json's own
        // "at line 1 column N" would be a second, wrong one.
        let message = e.to_string();
        let message = message
            .strip_suffix(&format!(" at line {} column {}", e.line(), e.column()))
            .unwrap_or(&message);
        format!("not valid JSON at column {}: {message}", e.column())
    })?;
    let Value::Object(mut fields) = value else {
        return Err("not a JSON object".into());
    };
    if let Some(key) = fields.keys().find(|key| !LINE_KEYS.contains(&key.as_str())) {
        let near = LINE_KEYS
            .iter()
            .find(|known| strsim::osa_distance(known, key) <= 2)
            .map(|known| format!("did you mean {known:?}? "))
            .unwrap_or_default();
        return Err(format!(
            "unknown key {key:?} ({near}a line has custom_id and prompt, with system, model \
             or max_tokens, or custom_id and params)"
        ));
    }
    let custom_id = match fields.remove("custom_id") {
        Some(Value::String(id)) => id,
        Some(_) => return Err("custom_id must be a string".into()),
        None => return Err("no custom_id".into()),
    };
    check_custom_id(&custom_id)?;
    let from_params = fields.contains_key("params");
    let params = match (fields.remove("prompt"), fields.remove("params")) {
        (Some(_), Some(_)) => return Err("give either prompt or params, not both".into()),
        (None, None) => return Err("no prompt or params".into()),
        (Some(prompt), None) => {
            let Value::String(prompt) = prompt else {
                return Err("prompt must be a string".into());
            };
            if prompt.trim().is_empty() {
                return Err("the prompt is empty".into());
            }
            let mut overrides = Map::new();
            for key in ["system", "model", "max_tokens"] {
                if let Some(value) = fields.remove(key) {
                    check_override(key, &value)?;
                    overrides.insert(key.to_owned(), resolved(key, value));
                }
            }
            with_prompt(defaults, &prompt, &overrides)
        }
        (None, Some(params)) => with_defaults(params, defaults)?,
    };
    if let Some(key) = fields.keys().next() {
        return Err(format!(
            "unknown key {key:?} (a line has custom_id and prompt, with system, model or \
             max_tokens, or custom_id and params)"
        ));
    }
    Ok(BatchRequest {
        custom_id,
        params,
        from_params,
    })
}

fn check_custom_id(id: &str) -> Result<(), String> {
    let valid = (1..=MAX_CUSTOM_ID).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if valid {
        Ok(())
    } else {
        Err(format!(
            "custom_id {id:?} is not 1 to {MAX_CUSTOM_ID} letters, digits, '_' or '-'"
        ))
    }
}

fn check_override(key: &str, value: &Value) -> Result<(), String> {
    let valid = match key {
        "max_tokens" => value
            .as_u64()
            .is_some_and(|n| n >= 1 && n <= u64::from(u32::MAX)),
        _ => value.as_str().is_some_and(|s| !s.trim().is_empty()),
    };
    if valid {
        Ok(())
    } else if key == "max_tokens" {
        Err("max_tokens must be a whole number of at least 1".into())
    } else {
        Err(format!("{key} must be a non-empty string"))
    }
}

/// A model alias (`haiku`) becomes its id, as on the command line.
fn resolved(key: &str, value: Value) -> Value {
    match (key, &value) {
        ("model", Value::String(model)) => Value::String(crate::catalog::resolve_model(model)),
        _ => value,
    }
}

/// The flags' request, with this prompt and the line's own settings.
fn with_prompt(defaults: &Defaults, prompt: &str, overrides: &Map<String, Value>) -> Value {
    let mut params = defaults.params.clone();
    let content = if defaults.attached.is_empty() {
        Value::String(prompt.to_owned())
    } else {
        let mut blocks = defaults.attached.clone();
        blocks.push(serde_json::json!({"type": "text", "text": prompt}));
        Value::Array(blocks)
    };
    params.insert(
        "messages".into(),
        serde_json::json!([{"role": "user", "content": content}]),
    );
    for (key, value) in overrides {
        params.insert(key.clone(), value.clone());
    }
    Value::Object(sorted_like_the_sdk(params))
}

/// A full `params` line: kept as written, with the flags' model,
/// max_tokens and system filled in where it has none, and the server tools
/// where it names none.
fn with_defaults(params: Value, defaults: &Defaults) -> Result<Value, String> {
    let Value::Object(mut params) = params else {
        return Err("params must be a JSON object".into());
    };
    match params.get("messages") {
        Some(Value::Array(messages)) if !messages.is_empty() => {
            for (i, message) in messages.iter().enumerate() {
                let valid = matches!(message["role"].as_str(), Some("user" | "assistant"))
                    && (message["content"].is_string() || message["content"].is_array());
                if !valid {
                    return Err(format!(
                        "params.messages[{i}] must have a role (user or assistant) and content"
                    ));
                }
            }
        }
        _ => return Err("params.messages must be a non-empty list".into()),
    }
    match params.get("stream") {
        None | Some(Value::Bool(false)) => {}
        Some(_) => return Err("params.stream: batch requests cannot stream".into()),
    }
    for key in ["model", "max_tokens", "system"] {
        if let Some(value) = params.get(key)
            && !(key == "system" && value.is_array())
        {
            check_override(key, value).map_err(|why| format!("params.{why}"))?;
        }
    }
    if let Some(model) = params.remove("model") {
        params.insert("model".into(), resolved("model", model));
    }
    for key in ["model", "max_tokens", "system"] {
        if !params.contains_key(key)
            && let Some(value) = defaults.params.get(key)
        {
            params.insert(key.to_owned(), value.clone());
        }
    }
    // Server tools come with their MCP servers, and only to a line that
    // names no tools of its own.
    if !params.contains_key("tools") && !params.contains_key("mcp_servers") {
        for key in ["mcp_servers", "tools"] {
            if let Some(value) = defaults.params.get(key) {
                params.insert(key.to_owned(), value.clone());
            }
        }
    }
    Ok(Value::Object(params))
}

/// The Python SDK writes a request's fields in this order; keeping it makes
/// bodies compare line by line.
fn sorted_like_the_sdk(params: Map<String, Value>) -> Map<String, Value> {
    let mut entries: Vec<(String, Value)> = params.into_iter().collect();
    entries.sort_by(|(a, _), (b, _)| a.cmp(b));
    let first = ["max_tokens", "messages", "model"];
    let (mut head, tail): (Vec<_>, Vec<_>) = entries
        .into_iter()
        .partition(|(key, _)| first.contains(&key.as_str()));
    head.sort_by_key(|(key, _)| first.iter().position(|f| f == key));
    head.into_iter().chain(tail).collect()
}

/// Checks the whole body against the batch size limit.
pub fn check_size(body_len: usize) -> Result<(), Error> {
    if body_len > MAX_BATCH_BYTES {
        return Err(Error::Usage(format!(
            "the batch is {body_len} bytes, over the API's limit of {MAX_BATCH_BYTES} (256 MB); \
             split the file"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Every request of the text, collected.
    fn parse_all(name: &str, text: &str, defaults: &Defaults) -> Result<Vec<BatchRequest>, Error> {
        let mut requests = Vec::new();
        parse(name, text, defaults, &mut |request| {
            requests.push(request);
            Ok(())
        })?;
        Ok(requests)
    }

    fn defaults() -> Defaults {
        let Value::Object(params) =
            json!({"max_tokens": 4096, "model": "claude-sonnet-5", "system": "S"})
        else {
            unreachable!()
        };
        Defaults {
            params,
            attached: Vec::new(),
        }
    }

    fn error(text: &str) -> String {
        parse_all("in.jsonl", text, &defaults())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn prompt_lines_take_the_flags_and_their_own_settings() {
        let requests = parse_all(
            "in.jsonl",
            "{\"custom_id\":\"a\",\"prompt\":\"hi\",\"max_tokens\":5}\n\n{\"custom_id\":\"b\",\"prompt\":\"yo\",\"system\":\"T\"}\n",
            &defaults(),
        )
        .unwrap();
        assert_eq!(requests[0].params["max_tokens"], json!(5));
        assert_eq!(requests[0].params["system"], json!("S"));
        assert_eq!(requests[1].params["system"], json!("T"));
        let keys: Vec<&String> = requests[0].params.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["max_tokens", "messages", "model", "system"]);
    }

    #[test]
    fn text_files_are_one_prompt_per_line() {
        let requests = parse_all("in.txt", "first\n\nthird\r\n", &defaults()).unwrap();
        let ids: Vec<&str> = requests.iter().map(|r| r.custom_id.as_str()).collect();
        assert_eq!(ids, ["line-1", "line-3"]);
        assert_eq!(requests[1].params["messages"][0]["content"], json!("third"));
    }

    #[test]
    fn every_error_names_its_line() {
        assert_eq!(
            error(
                "{\"custom_id\":\"a\",\"prompt\":\"x\"}\n{\"custom_id\":\"a\",\"prompt\":\"y\"}\n"
            ),
            "in.jsonl line 2: custom_id \"a\" is already used on line 1; each must be unique"
        );
        assert!(
            error("{\"custom_id\":\"a b\",\"prompt\":\"x\"}")
                .starts_with("in.jsonl line 1: custom_id \"a b\"")
        );
        assert!(
            error(&format!(
                "{{\"custom_id\":\"{}\",\"prompt\":\"x\"}}",
                "x".repeat(65)
            ))
            .contains("1 to 64")
        );
        assert!(error("{\"custom_id\":\"a\",\"prompt\":\"  \"}").ends_with("the prompt is empty"));
        assert!(error("{\"custom_id\":\"a\"}").ends_with("no prompt or params"));
        assert!(error("{\"prompt\":\"x\"}").ends_with("no custom_id"));
        assert!(
            error("{\"custom_id\":\"a\",\"prompt\":\"x\"}\n{oops")
                .starts_with("in.jsonl line 2: not valid JSON")
        );
        assert!(
            error("{\"custom_id\":\"a\",\"prompt\":\"x\",\"temperature\":1}")
                .contains("unknown key \"temperature\"")
        );
        assert!(
            error("{\"custom_id\":\"a\",\"params\":{\"messages\":[]}}").contains("non-empty list")
        );
        assert!(
            error("{\"custom_id\":\"a\",\"params\":{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"stream\":true}}")
                .contains("cannot stream")
        );
        assert!(
            error("{\"custom_id\":\"a\",\"prompt\":\"x\",\"max_tokens\":0}").contains("at least 1")
        );
        assert_eq!(
            parse_all("in.jsonl", "\n \n", &defaults())
                .unwrap_err()
                .to_string(),
            "in.jsonl: no requests in the file"
        );
    }

    #[test]
    fn params_lines_are_type_checked() {
        let bad = [
            (
                r#"{"custom_id":"a","params":{"model":5,"messages":[{"role":"user","content":"x"}]}}"#,
                "params.model",
            ),
            (
                r#"{"custom_id":"a","params":{"messages":[1]}}"#,
                "params.messages[0]",
            ),
            (
                r#"{"custom_id":"a","params":{"messages":[{"role":"user","content":"x"}],"stream":"yes"}}"#,
                "cannot stream",
            ),
            (
                r#"{"custom_id":"a","params":{"max_tokens":"x","messages":[{"role":"user","content":"x"}]}}"#,
                "params.max_tokens",
            ),
        ];
        for (line, needle) in bad {
            assert!(error(line).contains(needle), "{needle}: {}", error(line));
        }
    }

    #[test]
    fn aliases_are_resolved_in_lines() {
        let requests = parse_all(
            "in.jsonl",
            "{\"custom_id\":\"a\",\"prompt\":\"x\",\"model\":\"haiku\"}\n{\"custom_id\":\"b\",\"params\":{\"model\":\"opus\",\"messages\":[{\"role\":\"user\",\"content\":\"y\"}]}}",
            &defaults(),
        )
        .unwrap();
        assert_eq!(requests[0].params["model"], json!("claude-haiku-4-5"));
        assert_eq!(requests[1].params["model"], json!("claude-opus-5"));
    }

    #[test]
    fn params_lines_keep_their_own_settings() {
        let requests = parse_all(
            "in.jsonl",
            "{\"custom_id\":\"p\",\"params\":{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}}",
            &defaults(),
        )
        .unwrap();
        assert_eq!(requests[0].params["model"], json!("m"));
        assert_eq!(requests[0].params["max_tokens"], json!(4096));
        assert_eq!(requests[0].params["system"], json!("S"));
    }

    #[test]
    fn params_lines_without_tools_get_the_flags_server_tools() {
        let mut with_tools = defaults();
        with_tools.params.insert(
            "tools".into(),
            json!([{"type": "mcp_toolset", "mcp_server_name": "d"}]),
        );
        with_tools.params.insert(
            "mcp_servers".into(),
            json!([{"type": "url", "url": "https://d.io", "name": "d"}]),
        );
        let lines = "{\"custom_id\":\"a\",\"params\":{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}}\n\
                     {\"custom_id\":\"b\",\"params\":{\"tools\":[],\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}}\n";
        let requests = parse_all("in.jsonl", lines, &with_tools).unwrap();
        assert_eq!(requests[0].params["tools"], with_tools.params["tools"]);
        assert_eq!(
            requests[0].params["mcp_servers"],
            with_tools.params["mcp_servers"]
        );
        assert_eq!(requests[1].params["tools"], json!([]));
        assert_eq!(requests[1].params.get("mcp_servers"), None);
    }

    #[test]
    fn the_request_count_is_capped() {
        let text = "x\n".repeat(MAX_REQUESTS + 1);
        assert!(
            parse_all("big.txt", &text, &defaults())
                .unwrap_err()
                .to_string()
                .contains("100000")
        );
        assert!(check_size(MAX_BATCH_BYTES + 1).is_err());
        assert!(check_size(MAX_BATCH_BYTES).is_ok());
    }
}
