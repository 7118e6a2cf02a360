//! A saved conversation as text: what `claude chat --show` and `/save`
//! print. Thinking is left out; images and documents are named.

use std::io::{self, Write};

use serde_json::Value;

use crate::api::types::Role;
use crate::session::Session;

pub fn print_transcript(out: &mut impl Write, name: &str, session: &Session) -> io::Result<()> {
    writeln!(out, "# {name}")?;
    writeln!(out)?;
    writeln!(out, "model: {}", session.model)?;
    if let Some(system) = &session.system {
        writeln!(out, "system: {system}")?;
    }
    for turn in &session.messages {
        let who = match turn.role {
            Role::User if turn.answers_tools() => "Tools",
            Role::User => "You",
            Role::Assistant => "Claude",
        };
        writeln!(out)?;
        writeln!(out, "## {who}")?;
        writeln!(out)?;
        writeln!(out, "{}", content_text(&turn.content).trim_end())?;
    }
    out.flush()
}

/// The text of a turn's content.
pub fn content_text(content: &Value) -> String {
    match content {
        Value::String(text) => text.clone(),
        Value::Array(blocks) => blocks
            .iter()
            .filter_map(|block| match block["type"].as_str() {
                Some("text") => block["text"].as_str().map(str::to_owned),
                Some("image") => Some(format!("[image: {}]", source_name(block))),
                Some("document") => Some(format!("[document: {}]", source_name(block))),
                Some("thinking" | "redacted_thinking") => None,
                Some("tool_use") => Some(format!(
                    "[tool {}: {}]",
                    block["name"].as_str().unwrap_or("?"),
                    block["input"]
                )),
                Some("tool_result") => Some(format!(
                    "[tool result{}]\n{}",
                    if block["is_error"] == true {
                        ", an error"
                    } else {
                        ""
                    },
                    block["content"].as_str().unwrap_or_default().trim_end()
                )),
                Some(kind) => Some(format!("[{kind}]")),
                None => None,
            })
            .collect::<Vec<_>>()
            .join("\n\n"),
        other => other.to_string(),
    }
}

fn source_name(block: &Value) -> &str {
    let source = &block["source"];
    source["url"]
        .as_str()
        .or(source["media_type"].as_str())
        .unwrap_or("attached")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn transcripts_show_text_and_name_attachments() {
        let mut session = Session::new("claude-sonnet-5".into(), Some("terse".into()));
        session.push_exchange(
            json!([
                {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "AA=="}},
                {"type": "text", "text": "What is it?"}
            ]),
            vec![],
            json!([
                {"type": "thinking", "thinking": "secret", "signature": "s"},
                {"type": "text", "text": "A red pixel."}
            ]),
        );
        let mut out = Vec::new();
        print_transcript(&mut out, "pixels", &session).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "# pixels\n\nmodel: claude-sonnet-5\nsystem: terse\n\n## You\n\n[image: image/png]\n\n\
             What is it?\n\n## Claude\n\nA red pixel.\n"
        );
    }
}
