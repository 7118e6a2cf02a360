//! Message Batches on screen: a batch's counts, the list of batches, one
//! result as a `custom_id<TAB>text` line, and the progress bar of `wait`.

use std::io::{self, Write};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::Value;

use crate::api::one_line;
use crate::api::types::{BatchCounts, BatchInfo};

/// One field per line, `name value`, for people and `awk`.
pub fn print_batch(out: &mut impl Write, batch: &BatchInfo) -> io::Result<()> {
    let counts = batch.counts;
    let rows = [
        ("id", batch.id.clone()),
        ("status", batch.processing_status.clone()),
        ("created", batch.created_at.clone().unwrap_or_default()),
        ("ended", batch.ended_at.clone().unwrap_or_default()),
        ("expires", batch.expires_at.clone().unwrap_or_default()),
        ("processing", counts.processing.to_string()),
        ("succeeded", counts.succeeded.to_string()),
        ("errored", counts.errored.to_string()),
        ("canceled", counts.canceled.to_string()),
        ("expired", counts.expired.to_string()),
    ];
    for (name, value) in rows {
        if !value.is_empty() {
            writeln!(out, "{name:<11}{value}")?;
        }
    }
    out.flush()
}

/// One line per batch: id, status, done/total, created.
pub fn print_batch_list(out: &mut impl Write, batches: &[Value]) -> io::Result<()> {
    for batch in batches.iter().map(BatchInfo::from_json) {
        writeln!(
            out,
            "{}\t{}\t{}/{} done\t{}",
            batch.id,
            batch.processing_status,
            batch.counts.done(),
            batch.counts.total(),
            batch.created_at.as_deref().unwrap_or("")
        )?;
    }
    out.flush()
}

/// What one result line says.
#[derive(Debug, Clone, PartialEq)]
pub enum ResultLine {
    /// `custom_id<TAB>text`, the text escaped so that it stays one line.
    Succeeded { line: String },
    /// Not a reply: errored, canceled or expired, with what is known.
    Failed { custom_id: String, why: String },
}

/// Reads one JSONL result for `-o text`.
pub fn result_line(result: &Value) -> ResultLine {
    // Server text: escaped like the reply text, so one result stays one line.
    let custom_id = escape(result["custom_id"].as_str().unwrap_or("?"));
    let outcome = &result["result"];
    match outcome["type"].as_str() {
        Some("succeeded") => {
            let text: String = outcome["message"]["content"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|block| block["type"] == "text")
                .filter_map(|block| block["text"].as_str())
                .collect();
            ResultLine::Succeeded {
                line: format!("{custom_id}\t{}", escape(&text)),
            }
        }
        Some("errored") => {
            let error = &outcome["error"]["error"];
            let why = match (error["type"].as_str(), error["message"].as_str()) {
                (Some(kind), Some(message)) => {
                    format!("errored: {}: {}", one_line(kind), one_line(message))
                }
                _ => "errored".to_owned(),
            };
            ResultLine::Failed { custom_id, why }
        }
        Some(kind) => ResultLine::Failed {
            custom_id,
            why: one_line(kind),
        },
        None => ResultLine::Failed {
            custom_id,
            why: "a result of no known type".to_owned(),
        },
    }
}

/// Backslash, tab, newline and carriage return as `\\`, `\t`, `\n`, `\r`,
/// as `jq @tsv` writes them.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// The bar `claude batch wait` draws on stderr; invisible when stderr is
/// not a terminal.
pub struct BatchProgress {
    bar: ProgressBar,
}

impl BatchProgress {
    pub fn new(visible: bool) -> BatchProgress {
        let target = if visible {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(Some(0), target);
        bar.set_style(
            ProgressStyle::with_template("{spinner} {pos}/{len} done {wide_bar} {msg} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        BatchProgress { bar }
    }

    pub fn update(&self, counts: BatchCounts, status: &str) {
        self.bar.set_length(counts.total());
        self.bar.set_position(counts.done());
        self.bar.set_message(format!(
            "{status}; {} succeeded, {} failed",
            counts.succeeded,
            counts.failed()
        ));
        self.bar.tick();
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn server_text_in_a_result_stays_on_one_line() {
        let ok = json!({"custom_id": "a\tb\nc", "result": {"type": "succeeded",
            "message": {"content": [{"type": "text", "text": "hi"}]}}});
        assert_eq!(
            result_line(&ok),
            ResultLine::Succeeded {
                line: "a\\tb\\nc\thi".into()
            }
        );
        let errored = json!({"custom_id": "x\ry", "result": {"type": "errored", "error": {
            "error": {"type": "bad\nkind", "message": "two\nlines\u{1b}[31m"}}}});
        assert_eq!(
            result_line(&errored),
            ResultLine::Failed {
                custom_id: "x\\ry".into(),
                why: "errored: bad kind: two lines [31m".into()
            }
        );
        let odd = json!({"result": {"type": "gone\naway"}});
        assert_eq!(
            result_line(&odd),
            ResultLine::Failed {
                custom_id: "?".into(),
                why: "gone away".into()
            }
        );
    }

    #[test]
    fn results_become_tab_separated_lines_or_reasons() {
        let ok = json!({"custom_id": "a", "result": {"type": "succeeded", "message": {"content": [
            {"type": "thinking", "thinking": "x"}, {"type": "text", "text": "two\tlines\nhere"}]}}});
        assert_eq!(
            result_line(&ok),
            ResultLine::Succeeded {
                line: "a\ttwo\\tlines\\nhere".into()
            }
        );
        let errored = json!({"custom_id": "b", "result": {"type": "errored", "error": {"type": "error",
            "error": {"type": "invalid_request_error", "message": "max_tokens: Field required"}}}});
        assert_eq!(
            result_line(&errored),
            ResultLine::Failed {
                custom_id: "b".into(),
                why: "errored: invalid_request_error: max_tokens: Field required".into()
            }
        );
        let expired = json!({"custom_id": "c", "result": {"type": "expired"}});
        assert_eq!(
            result_line(&expired),
            ResultLine::Failed {
                custom_id: "c".into(),
                why: "expired".into()
            }
        );
    }
}
