//! The content of a turn's replies: gathered into the one [`Run`] that is
//! printed and kept, and sent back as the server wrote it when a paused
//! turn is continued or tool results follow it.

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::api::types::{ContentBlock, RawContent, Usage};
use crate::api::{self, Reply};
use crate::exit::ExitCode;

use super::Run;

/// One run from the replies of its requests, in order (at least one); the
/// replies from `segment` on make its last assistant turn, which is copied
/// out as the server wrote it only when it is kept as `history`.
pub(super) fn gather(
    mut parts: Vec<Reply>,
    segment: usize,
    continuations: u32,
    history: bool,
) -> Run {
    let assistant = history.then(|| {
        join(
            parts
                .iter()
                .skip(segment)
                .filter_map(content_of)
                .collect::<Vec<_>>()
                .iter(),
        )
    });
    let last = parts.pop().expect("a run has at least one reply");
    let last_usage = last.message.usage.clone();
    let reply = if parts.is_empty() {
        last
    } else {
        let mut usage = Usage::default();
        let mut content: Vec<ContentBlock> = Vec::new();
        for part in parts {
            usage.add(&part.message.usage);
            content.extend(part.message.content);
        }
        let mut message = last.message;
        usage.add(&message.usage);
        content.append(&mut message.content);
        message.content = content;
        message.usage = usage;
        Reply {
            message,
            raw: None,
            request_id: last.request_id,
        }
    };
    let exit = ExitCode::from_stop_reason(reply.message.stop_reason.as_ref());
    Run {
        reply,
        tool_turns: Vec::new(),
        assistant,
        last_usage,
        continuations,
        exit,
    }
}

/// The blocks of every part in one array; an empty one when there are none.
pub(super) fn join<'a>(parts: impl IntoIterator<Item = &'a RawContent>) -> RawContent {
    RawContent::join(parts)
        .or_else(|| RawContent::new("[]".to_owned()))
        .expect("[] is a JSON array")
}

/// A reply's content as the server wrote it: from the body of a reply that
/// was not streamed, else as accumulated from the stream.
pub(super) fn content_of(reply: &Reply) -> Option<RawContent> {
    #[derive(Deserialize)]
    struct Body {
        content: Box<RawValue>,
    }
    if let Some(raw) = &reply.raw
        && let Ok(body) = serde_json::from_slice::<Body>(raw)
        && let Some(content) = RawContent::from_raw(body.content)
    {
        return Some(content);
    }
    serde_json::to_string(&reply.message.content)
        .ok()
        .and_then(RawContent::new)
}

/// The content of a paused reply, to be sent back. A pause with nothing to
/// continue from, or with blocks the API could not take back, is the
/// server's fault: sending it again could only loop.
pub(super) fn paused_content(reply: &Reply) -> std::result::Result<RawContent, api::Error> {
    let fault = |detail: &str| api::Error::Protocol {
        detail: format!("the server paused the turn (pause_turn) {detail}"),
        request_id: reply.request_id.clone(),
    };
    let blocks = &reply.message.content;
    if blocks.is_empty() {
        return Err(fault("with no content to continue from"));
    }
    let untyped = blocks.iter().any(|block| match block {
        ContentBlock::Other(fields) => !fields.get("type").is_some_and(|t| t.is_string()),
        _ => false,
    });
    if untyped {
        return Err(fault("with a content block that has no type"));
    }
    content_of(reply).ok_or_else(|| fault("with content that is not a list of blocks"))
}

/// The code execution container a reply ran in: a continuation must go on
/// in it, as container-bound tools refuse a request that omits it.
pub(super) fn container_id(reply: &Reply) -> Option<String> {
    let container = reply.message.extra.get("container")?;
    container
        .get("id")
        .and_then(|id| id.as_str())
        .or(container.as_str())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    fn reply(raw: &str) -> Reply {
        Reply {
            message: serde_json::from_str(raw).unwrap(),
            raw: Some(Bytes::from(raw.to_owned())),
            request_id: Some("req_1".into()),
        }
    }

    const PAUSED: &str = r#"{"model":"m","content":[{"type":"server_tool_use","id":"s1","name":"web_search","input":{"query":"\u00b0"}}],"stop_reason":"pause_turn","usage":{"input_tokens":10,"output_tokens":2,"server_tool_use":{"web_search_requests":1}},"container":{"id":"container_1","expires_at":"x"}}"#;
    const FINAL: &str = r#"{"id":"msg_2","model":"m","content":[{"type":"text","text":"done"}],"stop_reason":"end_turn","usage":{"input_tokens":30,"output_tokens":5}}"#;

    #[test]
    fn paused_content_is_the_body_text_unchanged() {
        let content = paused_content(&reply(PAUSED)).unwrap();
        assert_eq!(
            content.get(),
            r#"[{"type":"server_tool_use","id":"s1","name":"web_search","input":{"query":"\u00b0"}}]"#
        );
        assert_eq!(container_id(&reply(PAUSED)).as_deref(), Some("container_1"));
    }

    #[test]
    fn an_empty_or_untyped_pause_is_the_servers_fault() {
        for raw in [
            r#"{"content":[],"stop_reason":"pause_turn"}"#,
            r#"{"content":[{"text":"no type"}],"stop_reason":"pause_turn"}"#,
        ] {
            match paused_content(&reply(raw)) {
                Err(api::Error::Protocol { detail, request_id }) => {
                    assert!(detail.contains("pause_turn"), "{detail}");
                    assert_eq!(request_id.as_deref(), Some("req_1"));
                }
                other => panic!("{raw}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_run_holds_every_part_in_order_with_usage_added_up() {
        let run = gather(vec![reply(PAUSED), reply(FINAL)], 0, 1, true);
        let message = &run.reply.message;
        assert_eq!(message.id.as_deref(), Some("msg_2"));
        assert_eq!(message.content.len(), 2);
        assert_eq!(message.text(), "done");
        assert_eq!(message.usage.input_tokens(), 40);
        assert_eq!(message.usage.output_tokens(), 7);
        assert_eq!(run.last_usage.input_tokens(), 30);
        assert!(run.reply.raw.is_none());
        assert_eq!(run.continuations, 1);
        assert_eq!(run.exit, ExitCode::Success);
        assert_eq!(
            run.assistant.as_ref().map(|content| content.get()).unwrap(),
            r#"[{"type":"server_tool_use","id":"s1","name":"web_search","input":{"query":"\u00b0"}},{"type":"text","text":"done"}]"#
        );
        // Without history, no copy of the content is made.
        let single = gather(vec![reply(FINAL)], 0, 0, false);
        assert!(single.reply.raw.is_some());
        assert!(single.assistant.is_none());
        assert_eq!(single.continuations, 0);
    }
}
