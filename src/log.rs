//! The `-v` / `ANTHROPIC_LOG` log: one stderr line per HTTP attempt,
//! response, failure and retry; at debug level also the headers (secrets
//! already redacted by the client) and the start of the body.
//!
//! The fallback to `--fallback-model` is always reported, log or not: the
//! user asked for one model and gets another.

use std::io::Write;

use crate::api::{ClientEvent, Observer, one_line};
use crate::output::Spinner;
use crate::secrets;
use crate::settings::LogLevel;

/// Logs client events to stderr.
pub struct StderrLog {
    level: LogLevel,
    /// Hidden while a line is written, if one is spinning.
    spinner: Option<Spinner>,
}

const BODY_PREVIEW: usize = 512;
/// Bytes past the preview read to find a secret that starts inside it.
const SECRET_MARGIN: usize = 4096;

impl StderrLog {
    pub fn new(level: LogLevel, spinner: Option<Spinner>) -> StderrLog {
        StderrLog { level, spinner }
    }
}

impl Observer for StderrLog {
    fn on(&self, event: ClientEvent<'_>) {
        match &self.spinner {
            Some(spinner) => spinner.suspend(|| self.write(event)),
            None => self.write(event),
        }
    }
}

impl StderrLog {
    fn write(&self, event: ClientEvent<'_>) {
        // Gathered first, so the whole entry is scrubbed of secrets at once.
        let mut err: Vec<u8> = Vec::new();
        let info = self.level >= LogLevel::Info;
        let debug = self.level >= LogLevel::Debug;
        let _ = match event {
            ClientEvent::Sending {
                attempt,
                attempts,
                method,
                url,
                headers,
                body,
                body_len,
            } if info => {
                let _ = writeln!(
                    err,
                    "claude: {method} {} (attempt {attempt} of {attempts}, {body_len} bytes)",
                    secrets::redact_url(url),
                );
                if debug {
                    for (name, value) in headers {
                        let _ = writeln!(err, "claude:   {name}: {value}");
                    }
                    // Scrubbed before it is cut, so that no secret in the
                    // body (an MCP server's token) shows even in part.
                    let end = body.len().min(BODY_PREVIEW + SECRET_MARGIN);
                    let text = String::from_utf8_lossy(&body[..end]);
                    let scrubbed = secrets::scrub(&text);
                    let cut = scrubbed
                        .char_indices()
                        .map(|(i, _)| i)
                        .find(|&i| i >= BODY_PREVIEW)
                        .unwrap_or(scrubbed.len());
                    let preview = one_line(&scrubbed[..cut]);
                    let _ = writeln!(err, "claude:   body: {preview}");
                }
                Ok(())
            }
            ClientEvent::Received {
                status,
                request_id,
                elapsed,
                headers,
            } if info => {
                let _ = writeln!(
                    err,
                    "claude: {status} after {} ms (request-id: {})",
                    elapsed.as_millis(),
                    request_id.unwrap_or("none")
                );
                if debug {
                    for (name, value) in headers {
                        let _ = writeln!(err, "claude:   {name}: {value}");
                    }
                }
                Ok(())
            }
            ClientEvent::Failed { error, elapsed } if info => writeln!(
                err,
                "claude: attempt failed after {} ms: {error}",
                elapsed.as_millis()
            ),
            ClientEvent::Retrying { delay } if info => {
                writeln!(err, "claude: retrying in {:.2}s", delay.as_secs_f64())
            }
            ClientEvent::FallingBack { from, to, error } => writeln!(
                err,
                "claude: {} failed ({error}); sending the request to --fallback-model {}",
                one_line(from),
                one_line(to)
            ),
            _ => Ok(()),
        };
        let text = String::from_utf8_lossy(&err);
        let _ = std::io::stderr()
            .lock()
            .write_all(secrets::scrub(&text).as_bytes());
    }
}
