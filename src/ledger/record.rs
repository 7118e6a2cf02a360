//! What one model request writes: a [`Run`], built when the request ended
//! (or failed) from the same reply the renderer got, as the conversation
//! driver hands it over; and the rows of a batch's results.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::json;

use crate::api::types::Usage;
use crate::api::{self, Message, TransportError};
use crate::catalog;
use crate::error::api_exit_code;
use crate::exit::ExitCode;
use crate::input::{Attached, Described};
use crate::turn::Sent;

/// The most of one text (prompt, system prompt, reply, error) kept in a
/// row; the rest is replaced by a note saying how much there was.
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;

/// One row of the ledger.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Run {
    /// Unix time in milliseconds.
    pub started_at_ms: i64,
    pub ended_at_ms: i64,
    /// `ask`, `vision`, `chat` or `batch`.
    pub command: String,
    pub model_asked: Option<String>,
    pub model: Option<String>,
    pub session: Option<String>,
    pub prompt: Option<String>,
    pub system: Option<String>,
    /// JSON array of `{name, type, size, sha256}`.
    pub attachments: Option<String>,
    pub reply: Option<String>,
    pub stop_reason: Option<String>,
    pub exit_code: u8,
    pub error_type: Option<String>,
    pub error_message: Option<String>,
    pub tokens: Tokens,
    /// The API's usage object as JSON.
    pub usage: Option<String>,
    /// Estimated USD in millionths, as `--usage` printed it; `None` when
    /// the model has no known price.
    pub cost_micros: Option<i64>,
    pub wall_ms: i64,
    pub first_token_ms: Option<i64>,
    pub request_id: Option<String>,
    pub tags: Vec<String>,
    pub batch_id: Option<String>,
    pub custom_id: Option<String>,
}

/// The token counts of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tokens {
    pub input: u64,
    pub output: u64,
    pub cache_write: u64,
    pub cache_read: u64,
    pub server_tool_requests: u64,
}

impl Tokens {
    pub fn of(usage: &Usage) -> Tokens {
        Tokens {
            input: usage.input_tokens(),
            output: usage.output_tokens(),
            cache_write: usage.cache_write_tokens(),
            cache_read: usage.cache_read_tokens(),
            server_tool_requests: usage.server_tool_requests(),
        }
    }
}

/// The estimated cost in millionths of a USD, exactly as `--usage` prints
/// it (`$0.000486`): sums of these equal sums of the printed figures.
pub fn micros(usd: f64) -> Option<i64> {
    let printed = format!("{usd:.6}");
    let (whole, fraction) = printed.split_once('.')?;
    let whole: i64 = whole.parse().ok()?;
    let fraction: i64 = fraction.parse().ok()?;
    whole.checked_mul(1_000_000)?.checked_add(fraction)
}

/// The cost of `usage` for `model`, as `--usage` computes it; `batch`
/// applies the batch discount.
pub fn cost_micros(usage: &Usage, model: &str, batch: bool) -> Option<i64> {
    let price = catalog::price_of(model)?;
    let usd = if batch {
        catalog::batch_cost(usage, price)
    } else {
        catalog::cost(usage, price)
    };
    micros(usd)
}

/// `text` as the ledger keeps it: see [`bounded_join`].
pub fn bounded(text: &str) -> String {
    bounded_join([text], "")
}

/// `texts` joined by `separator`, as the ledger keeps them: scrubbed of the
/// key and other secrets (a prompt or a server may quote them), and cut to
/// [`MAX_TEXT_BYTES`] at a character boundary. Only what is kept, and a
/// secret's length past it, is ever copied or scrubbed: a 30 MB prompt
/// costs the ledger 1 MB.
pub fn bounded_join<'t>(texts: impl IntoIterator<Item = &'t str>, separator: &str) -> String {
    // A secret that the cut would split reaches at most this far past it.
    let margin = crate::secrets::longest_len();
    let window = MAX_TEXT_BYTES + margin;
    let mut head = String::new();
    let mut total = 0_usize;
    for (i, text) in texts.into_iter().enumerate() {
        for piece in [if i == 0 { "" } else { separator }, text] {
            total = total.saturating_add(piece.len());
            let room = window.saturating_sub(head.len());
            head.push_str(&piece[..char_floor(piece, room)]);
        }
    }
    let whole = head.len() == total;
    let head = crate::secrets::scrub(&head);
    if whole && head.len() <= MAX_TEXT_BYTES {
        return head.into_owned();
    }
    // Cut short of the window's last `margin` bytes, where a secret that
    // goes on past the window would start, unscrubbed.
    let limit = if whole {
        MAX_TEXT_BYTES
    } else {
        MAX_TEXT_BYTES.min(head.len().saturating_sub(margin))
    };
    let end = char_floor(&head, limit);
    format!(
        "{}\n[claude kept the first {end} of {total} bytes]",
        &head[..end]
    )
}

/// The largest character boundary of `text` at or before `index`.
fn char_floor(text: &str, index: usize) -> usize {
    let mut end = index.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// The attachments as the ledger keeps them: name, type, size and SHA-256.
pub fn describe_attachments(parts: &[Attached]) -> Option<String> {
    if parts.is_empty() {
        return None;
    }
    let list: Vec<_> = parts
        .iter()
        .map(|part| {
            json!({
                "name": part.name,
                "type": part.media_type,
                "size": part.size,
                "sha256": part.data.as_deref().map(sha256_hex),
            })
        })
        .collect();
    Some(serde_json::Value::Array(list).to_string())
}

fn sha256_hex(data: &[u8]) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, data);
    digest
        .as_ref()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Unix time in milliseconds.
pub fn unix_ms(time: SystemTime) -> i64 {
    time.duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

/// What a turn shares across its requests: the command, the session, the
/// user's text, the system prompt and the attachments (hashed once).
#[derive(Debug, Clone, Default)]
pub struct TurnFacts {
    pub command: &'static str,
    pub session: Option<String>,
    pub prompt: Option<String>,
    pub system: Option<String>,
    pub attachments: Option<String>,
    /// `--schema`: a reply that is not JSON exits 9.
    pub structured: bool,
}

impl TurnFacts {
    pub fn new(
        command: &'static str,
        session: Option<String>,
        described: &Described,
        system: Option<&str>,
        structured: bool,
    ) -> TurnFacts {
        let prompt = (!described.text.is_empty())
            .then(|| bounded_join(described.text.iter().map(String::as_str), "\n\n"));
        TurnFacts {
            command,
            session,
            prompt,
            system: system.map(bounded),
            attachments: describe_attachments(&described.attachments),
            structured,
        }
    }
}

/// The row of one request of a turn, as it ended; `None` for a request
/// that could not be built, and so was never sent.
pub fn request_run(facts: &TurnFacts, sent: &Sent<'_>) -> Option<Run> {
    let (message, exit, error) = match sent.result {
        Ok(reply) => (
            Some(&reply.message),
            reply_exit(&reply.message, facts.structured),
            None,
        ),
        Err(api::Error::Build(_)) => return None,
        Err(error @ api::Error::Interrupted { partial }) => {
            (partial.as_deref(), api_exit_code(error), Some(error))
        }
        // The reader left (`| head`): the run ends quietly, as a success.
        Err(api::Error::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            (None, ExitCode::Success, sent.result.err())
        }
        Err(error) => (None, api_exit_code(error), Some(error)),
    };
    let model = message
        .map(Message::model_name)
        .filter(|m| !m.is_empty())
        .map(str::to_owned);
    let usage = message.map(|m| &m.usage);
    let cost_micros = match usage {
        Some(usage) => cost_micros(
            usage,
            model.as_deref().unwrap_or(&sent.request.model),
            false,
        ),
        // Nothing arrived, so nothing is billed.
        None => Some(0),
    };
    let started_at_ms = unix_ms(sent.started);
    Some(Run {
        started_at_ms,
        ended_at_ms: started_at_ms.saturating_add(millis(sent.elapsed)),
        command: facts.command.to_owned(),
        model_asked: Some(sent.request.model.clone()),
        model,
        session: facts.session.clone(),
        prompt: facts.prompt.clone(),
        system: facts.system.clone(),
        attachments: facts.attachments.clone(),
        reply: message.map(|m| bounded_join(m.text_blocks(), "")),
        stop_reason: message
            .and_then(|m| m.stop_reason.as_ref())
            .map(|r| r.as_str().to_owned()),
        exit_code: exit.code(),
        error_type: error.map(error_type),
        error_message: error.map(|e| bounded(&api::one_line(&e.to_string()))),
        tokens: usage.map(Tokens::of).unwrap_or_default(),
        usage: usage.and_then(|u| serde_json::to_string(u).ok()),
        cost_micros,
        wall_ms: millis(sent.elapsed),
        first_token_ms: sent.first_token.map(millis),
        request_id: match sent.result {
            Ok(reply) => reply.request_id.clone(),
            Err(error) => error_request_id(error),
        },
        ..Run::default()
    })
}

/// The exit code a whole reply calls for: its stop reason's, or 9 when
/// `--schema` asked for JSON and the finished reply is not (as `ask`
/// reports it).
fn reply_exit(message: &Message, structured: bool) -> ExitCode {
    let exit = ExitCode::from_stop_reason(message.stop_reason.as_ref());
    if structured
        && exit == ExitCode::Success
        && serde_json::from_str::<serde::de::IgnoredAny>(&message.text()).is_err()
    {
        return ExitCode::Server;
    }
    exit
}

/// The row of one line of a batch's results, fetched now: its reply and
/// usage at the batch price, or why it has none (errored, canceled or
/// expired results are not billed).
pub fn batch_result(batch_id: &str, result: &serde_json::Value) -> Run {
    let now = unix_ms(SystemTime::now());
    let outcome = &result["result"];
    let kind = outcome["type"].as_str().unwrap_or("unknown");
    let message = serde_json::from_value::<Message>(outcome["message"].clone()).ok();
    let mut run = Run {
        started_at_ms: now,
        ended_at_ms: now,
        command: "batch".to_owned(),
        batch_id: Some(batch_id.to_owned()),
        custom_id: result["custom_id"].as_str().map(str::to_owned),
        cost_micros: Some(0),
        ..Run::default()
    };
    match message {
        Some(message) if kind == "succeeded" => {
            let exit = ExitCode::from_stop_reason(message.stop_reason.as_ref());
            run.model = Some(message.model_name().to_owned()).filter(|m| !m.is_empty());
            run.reply = Some(bounded_join(message.text_blocks(), ""));
            run.stop_reason = message.stop_reason.as_ref().map(|r| r.as_str().to_owned());
            run.exit_code = exit.code();
            run.tokens = Tokens::of(&message.usage);
            run.usage = serde_json::to_string(&message.usage).ok();
            run.cost_micros = cost_micros(&message.usage, message.model_name(), true);
        }
        _ => {
            let error = &outcome["error"]["error"];
            run.exit_code = ExitCode::BatchIncomplete.code();
            run.error_type = Some(error["type"].as_str().unwrap_or(kind).to_owned());
            run.error_message = error["message"]
                .as_str()
                .map(|m| bounded(&api::one_line(m)))
                .or_else(|| Some(format!("the request was {kind}")));
            run.request_id = outcome["error"]["request_id"].as_str().map(str::to_owned);
        }
    }
    run
}

/// The error's `type` as the API names it, or a name for a local failure.
fn error_type(error: &api::Error) -> String {
    match error {
        api::Error::Status(e) => e
            .kind
            .clone()
            .unwrap_or_else(|| format!("http_{}", e.status)),
        api::Error::WaitTooLong { error: e, .. } => e
            .kind
            .clone()
            .unwrap_or_else(|| format!("http_{}", e.status)),
        api::Error::StreamEvent { error, .. } => error.kind.clone(),
        api::Error::Protocol { .. } => "protocol_error".to_owned(),
        api::Error::TooLarge { .. } => "reply_too_large".to_owned(),
        api::Error::Transport(TransportError::Timeout(_)) => "timeout".to_owned(),
        api::Error::Transport(_) => "connection_error".to_owned(),
        api::Error::Interrupted { .. } => "interrupted".to_owned(),
        api::Error::Output(_) => "output_error".to_owned(),
        api::Error::Build(_) => "usage_error".to_owned(),
    }
}

fn error_request_id(error: &api::Error) -> Option<String> {
    match error {
        api::Error::Status(e) => e.request_id.clone(),
        api::Error::WaitTooLong { error: e, .. } => e.request_id.clone(),
        api::Error::StreamEvent { request_id, .. }
        | api::Error::Protocol { request_id, .. }
        | api::Error::TooLarge { request_id, .. } => request_id.clone(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    #[test]
    fn batch_results_are_priced_at_the_batch_rate() {
        let lines: Vec<serde_json::Value> =
            include_str!("../../tests/fixtures/batch-results.assembled.jsonl")
                .lines()
                .map(|line| serde_json::from_str(line).unwrap())
                .collect();
        let runs: Vec<Run> = lines
            .iter()
            .map(|l| batch_result("msgbatch_1", l))
            .collect();
        let ok = &runs[0];
        assert_eq!(
            (ok.custom_id.as_deref(), ok.reply.as_deref(), ok.exit_code),
            (Some("req-1"), Some("Hello!"), 0)
        );
        // Haiku 4.5, 10 in × $1 + 5 out × $5 per million, half price: 17.5
        // millionths, which --usage would print as $0.000017.
        assert_eq!(ok.cost_micros, Some(17));
        let errored = &runs[1];
        assert_eq!(errored.error_type.as_deref(), Some("invalid_request_error"));
        assert_eq!(errored.exit_code, 11);
        assert_eq!(errored.cost_micros, Some(0));
        assert_eq!(runs[2].error_type.as_deref(), Some("canceled"));
        assert_eq!(
            runs[3].error_message.as_deref(),
            Some("the request was expired")
        );
    }

    #[test]
    fn micros_are_what_usage_prints() {
        assert_eq!(micros(0.000486), Some(486));
        assert_eq!(micros(1.0), Some(1_000_000));
        assert_eq!(micros(0.0000174999), Some(17));
        assert_eq!(micros(12.5), Some(12_500_000));
        assert_eq!(micros(f64::NAN), None);
    }

    #[test]
    fn long_texts_are_kept_in_part_and_scrubbed_across_the_cut() {
        let secret = "sk-ant-record-test-key-0123456789";
        crate::secrets::register(secret);
        let filler = "x".repeat(MAX_TEXT_BYTES / 2);
        // Parts as long as the whole, with the key before the cut and the
        // key across it.
        let before = format!("{secret} {filler}");
        let across = format!("{}{secret}{filler}", "y".repeat(MAX_TEXT_BYTES / 2 - 20));
        let kept = bounded_join([before.as_str(), across.as_str(), &filler], "\n\n");
        let total = before.len() + across.len() + filler.len() + 4;
        assert!(kept.starts_with("<redacted> x"), "{}", &kept[..40]);
        assert!(kept.ends_with(&format!(" of {total} bytes]")));
        assert!(kept.len() <= MAX_TEXT_BYTES + 100);
        // No part of the key that the cut meets is kept.
        assert!(!kept.contains("sk-ant"), "{}", &kept[kept.len() - 120..]);
        for n in 0..=secret.len() {
            let split = format!("{}{}", "z".repeat(MAX_TEXT_BYTES - n), secret);
            let kept = bounded_join([split.as_str(), "tail"], " ");
            assert!(!kept.contains("sk-ant-r"), "{n}");
            assert!(!kept.contains(&secret[..secret.len() / 2]), "{n}");
        }
        // Short texts are whole, and scrubbed.
        assert_eq!(
            bounded_join(["a", secret, "b"], "\n\n"),
            "a\n\n<redacted>\n\nb"
        );
    }

    #[test]
    fn long_texts_are_cut_at_a_character() {
        let text = "é".repeat(MAX_TEXT_BYTES);
        let kept = bounded(&text);
        assert!(kept.len() < MAX_TEXT_BYTES + 100);
        assert!(kept.ends_with(&format!("of {} bytes]", text.len())));
        assert_eq!(bounded("short"), "short");
    }

    #[test]
    fn attachments_are_named_measured_and_hashed() {
        let parts = [
            Attached {
                name: "notes.txt".into(),
                media_type: "text/plain".into(),
                size: Some(3),
                data: Some(Bytes::from_static(b"abc")),
            },
            Attached {
                name: "https://example.com/a.png".into(),
                media_type: "url".into(),
                size: None,
                data: None,
            },
        ];
        let json: serde_json::Value =
            serde_json::from_str(&describe_attachments(&parts).unwrap()).unwrap();
        assert_eq!(
            json,
            json!([
                {"name": "notes.txt", "type": "text/plain", "size": 3,
                 "sha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
                {"name": "https://example.com/a.png", "type": "url", "size": null, "sha256": null}
            ])
        );
        assert_eq!(describe_attachments(&[]), None);
    }
}
