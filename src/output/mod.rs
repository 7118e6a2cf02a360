//! What the user sees of a reply: the answer on stdout, and on stderr the
//! notes, usage line, thinking and spinner. It renders what it is given and
//! knows nothing of HTTP or retries.

mod batch;
mod citations;
mod data;
mod files;
mod ledger;
mod notes;
mod reply;
mod server_tools;
mod spinner;
mod terminal;
mod tools;
mod transcript;
mod upload;

use std::io::{self, Write};

pub use batch::{BatchProgress, ResultLine, print_batch, print_batch_list, result_line};
pub use data::{DataFormat, JsonArrayWriter, ModelList, print_count, print_json, print_model};
pub use files::{FileList, print_cache_entries, print_file};
pub use ledger::{print_cost, print_run, print_runs};
pub use reply::{Format, OutputSettings, Renderer, ReplyLimits};
pub use server_tools::output_files;
pub use spinner::Spinner;
pub use terminal::{RenderWhen, ThemeChoice, markdown_options};
pub use tools::{print_tool, print_tools};
pub use transcript::print_transcript;
pub use upload::UploadProgress;

use crate::api::RequestPreview;

/// Prints a request as `--dry-run` shows it: the request line, the headers
/// (secrets already redacted), a blank line, and the JSON body (scrubbed of
/// secrets), pretty on a
/// terminal and on one line otherwise (so `tail -n 1 | jq` works).
pub fn print_preview(
    out: &mut impl Write,
    preview: &RequestPreview,
    pretty: bool,
) -> io::Result<()> {
    // A password in the base URL is as secret as the key.
    let url = crate::secrets::redact_url(&preview.url);
    writeln!(out, "{} {url}", preview.method)?;
    for (name, value) in &preview.headers {
        writeln!(out, "{name}: {value}")?;
    }
    writeln!(out)?;
    // The body may carry secrets too: an MCP server's token.
    let body = crate::secrets::scrub(std::str::from_utf8(&preview.body).map_err(io::Error::other)?);
    if pretty {
        let mut body: serde_json::Value = serde_json::from_str(&body).map_err(io::Error::other)?;
        abbreviate_base64(&mut body);
        serde_json::to_writer_pretty(&mut *out, &body).map_err(io::Error::other)?;
    } else {
        out.write_all(body.as_bytes())?;
    }
    writeln!(out)?;
    out.flush()
}

/// On a terminal, the `data` of each base64 source (an image or a PDF)
/// becomes its size, `…1.2 MB of base64…`: megabytes of it would bury the
/// rest of the request. Piped, `--dry-run` prints them whole.
fn abbreviate_base64(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(object) => {
            if object.get("type").and_then(Value::as_str) == Some("base64")
                && let Some(Value::String(data)) = object.get_mut("data")
            {
                *data = format!("…{} of base64…", human_bytes(data.len()));
            }
            object.values_mut().for_each(abbreviate_base64);
        }
        Value::Array(items) => items.iter_mut().for_each(abbreviate_base64),
        _ => {}
    }
}

/// `532 bytes`, `12.3 kB`, `1.2 MB` (decimal units, as the API's limits).
fn human_bytes(bytes: usize) -> String {
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{:.1} kB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

/// `2026-11-30T17:05:09+01:00`: ISO 8601 in the local time zone (`TZ`, or
/// the system's), with its offset, so it reads as local and sorts and
/// parses as a timestamp.
pub fn local_timestamp(time: std::time::SystemTime) -> String {
    let Ok(timestamp) = jiff::Timestamp::try_from(time) else {
        return "?".to_owned();
    };
    timestamp
        .to_zoned(jiff::tz::TimeZone::system())
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// Writes one `claude: …` diagnostic line to stderr, scrubbed of secrets.
/// Line breaks and other control characters in it (a session name or a
/// file name can hold them) are escaped, so that it stays one line. Failing
/// to write to stderr is not worth failing the command over.
pub fn note(message: impl std::fmt::Display) {
    let line = message.to_string();
    let _ = writeln!(
        io::stderr().lock(),
        "claude: {}",
        one_line(&crate::secrets::scrub(&line))
    );
}

/// `text` with line breaks and control characters (but not the escape
/// character of a style, nor tab) written as escapes: `\n`, `\r`, `\u{7}`.
fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    let breaks = |c: char| c.is_control() && c != '\x1b' && c != '\t';
    if !text.contains(breaks) {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if breaks(c) {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_is_abbreviated_where_it_is_a_source() {
        let mut body = serde_json::json!({"messages": [{"content": [
            {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "A".repeat(1_234_567)}},
            {"type": "text", "text": "data"}
        ]}]});
        super::abbreviate_base64(&mut body);
        assert_eq!(
            body["messages"][0]["content"][0]["source"]["data"],
            "…1.2 MB of base64…"
        );
        assert_eq!(body["messages"][0]["content"][1]["text"], "data");
        assert_eq!(super::human_bytes(999), "999 bytes");
        assert_eq!(super::human_bytes(12_345), "12.3 kB");
    }

    #[test]
    fn a_note_stays_one_line() {
        assert_eq!(super::one_line("plain"), "plain");
        assert_eq!(super::one_line("a\nb\r\u{7}c\td"), "a\\nb\\r\\u{7}c\td");
    }
}
