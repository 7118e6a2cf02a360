//! What the server did with its tools, each in one stderr line: a call as
//! it happens (`web_search "rust sse parser"`), a tool error it reported
//! (`web_search failed: max_uses_exceeded`), and the ids of the files code
//! execution wrote. Everything quoted from a reply is made one safe line.

use serde_json::{Map, Value};

use crate::api::one_line;
use crate::api::types::{ContentBlock, ToolCall};

/// The line for a server tool call, or `None` for a block that is not one.
pub fn call_line(block: &ContentBlock) -> Option<String> {
    match block {
        ContentBlock::ServerToolUse(call) => Some(server_call(call)),
        ContentBlock::McpToolUse(call) => {
            let server = call.extra.get("server_name").and_then(Value::as_str);
            Some(format!(
                "mcp {}: {}",
                one_line(server.unwrap_or("?")),
                one_line(&call.name)
            ))
        }
        _ => None,
    }
}

fn server_call(call: &ToolCall) -> String {
    let input = |key: &str| call.input.get(key).and_then(Value::as_str);
    match (call.name.as_str(), input("query"), input("url")) {
        ("web_search", Some(query), _) => format!("web_search \"{}\"", one_line(query)),
        ("web_fetch", _, Some(url)) => format!("web_fetch {}", one_line(url)),
        ("code_execution", ..) => match input("code") {
            Some(code) => format!("code_execution (python, {})", lines(code)),
            None => "code_execution".to_owned(),
        },
        ("bash_code_execution", ..) => match input("command") {
            Some(command) => format!("code_execution (bash): {}", one_line(command)),
            None => "code_execution (bash)".to_owned(),
        },
        ("text_editor_code_execution", ..) => format!(
            "code_execution ({}): {}",
            one_line(input("command").unwrap_or("edit")),
            one_line(input("path").unwrap_or("?"))
        ),
        (name, ..) => one_line(name),
    }
}

/// "1 line", "14 lines".
fn lines(code: &str) -> String {
    match code.lines().count() {
        1 => "1 line".to_owned(),
        n => format!("{n} lines"),
    }
}

/// The note for a tool result that reports an error, which the answer
/// goes on without: `web_fetch failed: url_not_allowed`.
pub fn error_note(block: &ContentBlock) -> Option<String> {
    let ContentBlock::Other(fields) = block else {
        return None;
    };
    let kind = fields.get("type")?.as_str()?;
    if kind == "mcp_tool_result" {
        if fields.get("is_error").and_then(Value::as_bool) != Some(true) {
            return None;
        }
        let text = first_text(fields.get("content")).unwrap_or_default();
        return Some(format!("an MCP tool failed: {}", one_line(&text)));
    }
    let tool = kind.strip_suffix("_tool_result")?;
    let code = fields.get("content")?.get("error_code")?.as_str()?;
    Some(format!("{} failed: {}", one_line(tool), one_line(code)))
}

fn first_text(content: Option<&Value>) -> Option<String> {
    match content? {
        Value::String(text) => Some(text.clone()),
        Value::Array(blocks) => blocks
            .iter()
            .find_map(|b| b.get("text").and_then(Value::as_str))
            .map(str::to_owned),
        _ => None,
    }
}

/// The ids of the files code execution wrote, in the order of the blocks,
/// each once: `bash_code_execution_output` (and the older
/// `code_execution_output`) blocks inside a result.
pub fn output_files(blocks: &[ContentBlock]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for fields in blocks.iter().filter_map(|block| match block {
        ContentBlock::Other(fields) => Some(fields),
        _ => None,
    }) {
        for id in result_files(fields) {
            if !ids.iter().any(|known| known == id) {
                ids.push(id.to_owned());
            }
        }
    }
    ids
}

fn result_files(fields: &Map<String, Value>) -> impl Iterator<Item = &str> {
    let is_code_result = fields
        .get("type")
        .and_then(Value::as_str)
        .is_some_and(|kind| kind.ends_with("code_execution_tool_result"));
    fields
        .get("content")
        .and_then(|content| content.get("content"))
        .and_then(Value::as_array)
        .filter(|_| is_code_result)
        .into_iter()
        .flatten()
        .filter_map(|output| output.get("file_id").and_then(Value::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn block(value: Value) -> ContentBlock {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn each_call_is_one_line() {
        let cases = [
            (
                json!({"type": "server_tool_use", "id": "s", "name": "web_search",
                       "input": {"query": "rust sse\nparser"}}),
                "web_search \"rust sse parser\"",
            ),
            (
                json!({"type": "server_tool_use", "id": "s", "name": "web_fetch",
                       "input": {"url": "https://example.com/\u{1b}[2Jx"}}),
                "web_fetch https://example.com/ [2Jx",
            ),
            (
                json!({"type": "server_tool_use", "id": "s", "name": "code_execution",
                       "input": {"code": "import csv\nprint(1)\n"}}),
                "code_execution (python, 2 lines)",
            ),
            (
                json!({"type": "server_tool_use", "id": "s", "name": "bash_code_execution",
                       "input": {"command": "ls -la"}}),
                "code_execution (bash): ls -la",
            ),
            (
                json!({"type": "server_tool_use", "id": "s", "name": "text_editor_code_execution",
                       "input": {"command": "create", "path": "/tmp/a.py"}}),
                "code_execution (create): /tmp/a.py",
            ),
            (
                json!({"type": "mcp_tool_use", "id": "m", "name": "search_docs",
                       "server_name": "docs", "input": {}}),
                "mcp docs: search_docs",
            ),
        ];
        for (value, line) in cases {
            assert_eq!(call_line(&block(value)).as_deref(), Some(line));
        }
        assert_eq!(
            call_line(&block(json!({"type": "text", "text": "x"}))),
            None
        );
    }

    #[test]
    fn tool_errors_become_notes() {
        let error = block(json!({"type": "web_search_tool_result", "tool_use_id": "s",
            "content": {"type": "web_search_tool_result_error", "error_code": "max_uses_exceeded"}}));
        assert_eq!(
            error_note(&error).as_deref(),
            Some("web_search failed: max_uses_exceeded")
        );
        let fine = block(json!({"type": "web_search_tool_result", "tool_use_id": "s",
            "content": [{"type": "web_search_result", "url": "u", "title": "t"}]}));
        assert_eq!(error_note(&fine), None);
        let mcp = block(
            json!({"type": "mcp_tool_result", "tool_use_id": "m", "is_error": true,
            "content": [{"type": "text", "text": "no such page"}]}),
        );
        assert_eq!(
            error_note(&mcp).as_deref(),
            Some("an MCP tool failed: no such page")
        );
    }

    #[test]
    fn output_files_are_found_once_in_order() {
        let result = |ids: &[&str]| {
            block(
                json!({"type": "bash_code_execution_tool_result", "tool_use_id": "s",
                "content": {"type": "bash_code_execution_result", "stdout": "", "stderr": "",
                    "return_code": 0,
                    "content": ids.iter().map(|id| json!({"type": "bash_code_execution_output",
                        "file_id": id})).collect::<Vec<_>>()}}),
            )
        };
        let blocks = [
            result(&["file_b", "file_a"]),
            block(json!({"type": "text", "text": "file_c"})),
            result(&["file_a", "file_c"]),
        ];
        assert_eq!(output_files(&blocks), ["file_b", "file_a", "file_c"]);
    }
}
