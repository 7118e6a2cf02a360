//! The stderr lines after a reply: how it ended (cut off, refused, paused,
//! without text) and what it cost.

use crate::api::Message;
use crate::api::types::{ContentBlock, StopReason};
use crate::catalog;

use super::{Format, ReplyLimits};

/// The stderr lines that explain how a reply ended: a cut-off reply or a
/// turn still paused when the continuations ran out, in every format, and
/// in text format a reply with no text, a refusal, or an unfinished turn
/// (whose details only `-o json` shows). `streamed_text`: text was printed
/// as it came, which the Message may not hold.
pub fn notes(
    message: &Message,
    format: Format,
    limits: ReplyLimits,
    streamed_text: bool,
) -> Vec<String> {
    let mut notes = Vec::new();
    let reason = message.stop_reason.as_ref();
    let reason_text = reason.map_or("none", StopReason::as_str);
    match reason {
        Some(StopReason::MaxTokens) => notes.push(format!(
            "reply truncated: it reached the max_tokens limit ({}); raise --max-tokens",
            limits.max_tokens
        )),
        Some(StopReason::ModelContextWindowExceeded) => {
            notes.push("reply truncated: the request filled the model's context window".to_owned())
        }
        Some(StopReason::PauseTurn) => {
            notes.push(format!(
                "the turn is not finished: the server paused it again and --max-continuations \
                 ({}) is spent; raise it to let the server go on",
                limits.max_continuations
            ));
            return notes;
        }
        _ => {}
    }
    if format != Format::Text {
        return notes;
    }
    let has_text = streamed_text
        || message
            .content
            .iter()
            .any(|b| matches!(b, ContentBlock::Text { text, .. } if !text.is_empty()));
    if !has_text {
        notes.push(format!(
            "the reply has no text (stop_reason: {reason_text}); -o json shows all of it"
        ));
        return notes;
    }
    match reason {
        Some(StopReason::Refusal) => notes.push(match message.refusal_category() {
            Some(category) => format!("the model declined to continue (refusal: {category})"),
            None => "the model declined to continue (stop_reason: refusal)".to_owned(),
        }),
        Some(StopReason::ToolUse) => notes.push(format!(
            "the turn is not finished (stop_reason: {reason_text}); -o json shows the rest"
        )),
        _ => {}
    }
    notes
}

/// `usage: 12 input, 30 output, 0 cache-write, 0 cache-read tokens; $0.000486 (model)`,
/// with the server tools used before the cost: `..., 2 web searches, 1 web fetch; ...`.
pub fn usage_line(message: &Message) -> String {
    let usage = &message.usage;
    let cost = match catalog::price_of(message.model_name()) {
        Some(price) => format!("${:.6}", catalog::cost(usage, price)),
        None => "cost unknown".to_owned(),
    };
    let mut tools = String::new();
    for (count, one, many) in [
        (usage.web_search_requests(), "web search", "web searches"),
        (usage.web_fetch_requests(), "web fetch", "web fetches"),
    ] {
        match count {
            0 => {}
            1 => tools.push_str(&format!(", 1 {one}")),
            n => tools.push_str(&format!(", {n} {many}")),
        }
    }
    format!(
        "usage: {} input, {} output, {} cache-write, {} cache-read tokens{tools}; {cost} ({})",
        usage.input_tokens(),
        usage.output_tokens(),
        usage.cache_write_tokens(),
        usage.cache_read_tokens(),
        crate::api::one_line(message.model_name()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(json: &str) -> Message {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn text_that_streamed_counts_though_the_message_lacks_it() {
        let m = message(
            r#"{"model":"x","content":[{"type":"text","text":""}],"stop_reason":"end_turn"}"#,
        );
        let limits = ReplyLimits {
            max_tokens: 100,
            max_continuations: 5,
            max_steps: 10,
        };
        assert_eq!(notes(&m, Format::Text, limits, true), Vec::<String>::new());
        assert!(notes(&m, Format::Text, limits, false)[0].starts_with("the reply has no text"));
    }
}
