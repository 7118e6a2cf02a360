//! What can go wrong talking to the API, typed so that callers can decide
//! (retry or not, which exit code) without parsing messages.

use std::io;
use std::time::Duration;

use reqwest::header::HeaderMap;

use super::retry;
use super::sse::EventTooLarge;
use super::transport::TransportError;
use super::types::{ErrorEnvelope, ErrorObject, Message};

/// A failed call to the API.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The server answered with an HTTP error status.
    #[error("{0}")]
    Status(ApiError),
    /// The server asked for a wait longer than the policy allows.
    #[error("{error}; the server asked to retry after {}", seconds(*wait))]
    WaitTooLong {
        // Boxed: the common case, `Status`, stays the size of an ApiError.
        error: Box<ApiError>,
        wait: Duration,
    },
    /// An `error` event arrived inside an HTTP 200 stream.
    #[error("stream error: {}{}", describe_object(error), request_id_suffix(request_id.as_deref()))]
    StreamEvent {
        error: ErrorObject,
        request_id: Option<String>,
        /// How many times the request was sent again before this reply.
        retries: u32,
    },
    /// The reply broke the protocol: a cut or malformed stream, or a body
    /// that is not a Message.
    #[error("{detail}{}", request_id_suffix(request_id.as_deref()))]
    Protocol {
        detail: String,
        request_id: Option<String>,
    },
    /// The reply went past a cap on what one reply may hold
    /// ([`super::caps`]). Not retried: the same server would most likely
    /// send the same again, and each attempt costs all of it.
    #[error("{detail}{}", request_id_suffix(request_id.as_deref()))]
    TooLarge {
        detail: String,
        request_id: Option<String>,
    },
    /// Connecting, sending or receiving failed.
    #[error("{0}")]
    Transport(TransportError),
    /// The request could not be built from the settings (nothing was sent).
    #[error("cannot build the request: {0}")]
    Build(String),
    /// Writing what arrived failed (for example, stdout was closed).
    #[error("cannot write output: {0}")]
    Output(#[source] io::Error),
    /// Ctrl-C. Carries what had arrived, so it can still be printed.
    #[error("interrupted")]
    Interrupted { partial: Option<Box<Message>> },
}

/// An HTTP error response, reduced to what a user and the retry logic need.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub status: u16,
    /// The `error.type` of the body (`rate_limit_error`…), when it was JSON.
    pub kind: Option<String>,
    /// The body's `error.details.error_code` (`file_expired`…), if any.
    pub code: Option<String>,
    pub message: String,
    pub request_id: Option<String>,
    /// Whether the SDK rules (with `x-should-retry`) allow a retry.
    pub retryable: bool,
    /// The wait the server asked for (`retry-after-ms` / `retry-after`).
    pub server_wait: Option<Duration>,
    /// What the request was about, so that a 404 can say what was not found.
    pub resource: Resource,
    /// How many times the request was sent again before this answer.
    pub retries: u32,
}

/// The kind of thing a request's path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Resource {
    /// A message or a token count: the model (or the base URL) is wrong.
    #[default]
    Message,
    Batch,
    File,
    Model,
}

impl Resource {
    /// What a URL path (with any base-URL prefix) is about.
    pub fn of_path(path: &str) -> Resource {
        if path.contains("/v1/messages/batches") {
            Resource::Batch
        } else if path.contains("/v1/files") {
            Resource::File
        } else if path.contains("/v1/models") {
            Resource::Model
        } else {
            Resource::Message
        }
    }
}

impl ApiError {
    /// Builds the error from a response. The body may be anything: the
    /// documented JSON envelope, a proxy's HTML page, or nothing.
    pub fn from_response(status: u16, headers: &HeaderMap, body: &[u8]) -> ApiError {
        let mut code = None;
        let (kind, message, body_request_id) = match serde_json::from_slice::<ErrorEnvelope>(body) {
            Ok(envelope) => {
                code = envelope.error.code.as_deref().map(one_line);
                (
                    Some(one_line(&envelope.error.kind)).filter(|k| !k.is_empty()),
                    one_line(&envelope.error.message),
                    envelope.request_id.as_deref().map(one_line),
                )
            }
            Err(_) if (300..400).contains(&status) => {
                let target = headers.get("location").and_then(|v| v.to_str().ok());
                let message = format!("redirected to {}", one_line(target.unwrap_or("?")));
                (None, message, None)
            }
            Err(_) => (None, one_line(&String::from_utf8_lossy(body)), None),
        };
        ApiError {
            status,
            kind,
            code,
            message,
            request_id: request_id(headers).or(body_request_id),
            retryable: retry::status_is_retryable(status, headers),
            server_wait: retry::server_delay(headers, std::time::SystemTime::now()),
            resource: Resource::default(),
            retries: 0,
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.status)?;
        match &self.kind {
            Some(kind) => write!(f, " {kind}")?,
            None => write!(f, " {}", reason_phrase(self.status))?,
        }
        if !self.message.is_empty() && Some(&self.message) != self.kind.as_ref() {
            write!(f, ": {}", self.message)?;
        }
        f.write_str(&request_id_suffix(self.request_id.as_deref()))
    }
}

impl From<EventTooLarge> for Error {
    fn from(error: EventTooLarge) -> Self {
        Error::Protocol {
            detail: error.to_string(),
            request_id: None,
        }
    }
}

/// The `request-id` response header, made safe to print.
pub fn request_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get("request-id")
        .and_then(|v| v.to_str().ok())
        .map(one_line)
        .filter(|id| !id.is_empty())
}

impl Error {
    /// Whether another attempt may succeed where this one failed, judged
    /// only by the failure (the caller also checks that nothing was printed).
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Status(error) => error.retryable,
            Error::StreamEvent { error, .. } => stream_error_status(&error.kind)
                .is_some_and(|status| retry::status_is_retryable(status, &HeaderMap::new())),
            Error::Protocol { .. }
            | Error::Transport(TransportError::Connect(_) | TransportError::Proxy { .. })
            | Error::Transport(TransportError::Timeout(_))
            | Error::Transport(TransportError::Read(_)) => true,
            Error::Transport(
                TransportError::Deadline(_)
                | TransportError::Certificate(_)
                | TransportError::NotTls(_)
                | TransportError::ProxyAuth(_),
            )
            | Error::Transport(TransportError::Interrupted)
            | Error::WaitTooLong { .. }
            | Error::TooLarge { .. }
            | Error::Build(_)
            | Error::Output(_)
            | Error::Interrupted { .. } => false,
        }
    }

    /// Records that the request was sent `retries` times again before
    /// this failure, for the hint that says so.
    pub fn after_retries(mut self, retries: u32) -> Error {
        match &mut self {
            Error::Status(error) => error.retries = retries,
            Error::WaitTooLong { error, .. } => error.retries = retries,
            Error::StreamEvent { retries: count, .. } => *count = retries,
            _ => {}
        }
        self
    }

    /// How many times the request was sent again before this failure,
    /// where the failure records it.
    pub fn retries(&self) -> u32 {
        match self {
            Error::Status(error) => error.retries,
            Error::WaitTooLong { error, .. } => error.retries,
            Error::StreamEvent { retries, .. } => *retries,
            _ => 0,
        }
    }

    /// The HTTP status this failure stands for: the response's, or the
    /// one an `error` event's type means.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Status(error) => Some(error.status),
            Error::WaitTooLong { error, .. } => Some(error.status),
            Error::StreamEvent { error, .. } => stream_error_status(&error.kind),
            _ => None,
        }
    }

    /// The wait the server asked for, if this failure carried one.
    pub fn server_wait(&self) -> Option<Duration> {
        match self {
            Error::Status(error) => error.server_wait,
            _ => None,
        }
    }

    /// True for the failures `--fallback-model` answers: an overloaded or
    /// failing server, whether it said so with a status or a stream event.
    pub fn is_server_side(&self) -> bool {
        match self {
            Error::Status(error) => error.status >= 500,
            Error::WaitTooLong { error, .. } => error.status >= 500,
            Error::StreamEvent { error, .. } => {
                stream_error_status(&error.kind).is_some_and(|status| status >= 500)
            }
            _ => false,
        }
    }
}

/// The HTTP status an `error` event's type stands for, so that stream
/// errors are retried by the same table as HTTP errors.
fn stream_error_status(kind: &str) -> Option<u16> {
    Some(match kind {
        "overloaded_error" => 529,
        "api_error" => 500,
        "timeout_error" => 504,
        "rate_limit_error" => 429,
        _ => return None,
    })
}

fn describe_object(error: &ErrorObject) -> String {
    let kind = one_line(&error.kind);
    let message = one_line(&error.message);
    match (kind.is_empty(), message.is_empty()) {
        (false, false) => format!("{kind}: {message}"),
        (false, true) => kind,
        (true, false) => message,
        (true, true) => "unspecified error".to_owned(),
    }
}

fn request_id_suffix(request_id: Option<&str>) -> String {
    match request_id {
        Some(id) if !id.is_empty() => format!(" (request-id: {id})"),
        _ => String::new(),
    }
}

fn seconds(wait: Duration) -> String {
    let secs = wait.as_secs_f64();
    if secs.fract() == 0.0 {
        format!("{secs:.0}s")
    } else {
        format!("{secs:.1}s")
    }
}

/// Server text made safe for one terminal line: secrets are scrubbed (before
/// the cut, so no prefix of one survives), control characters (escape
/// sequences included) become spaces, runs of whitespace collapse, and
/// anything past 300 characters is cut.
pub fn one_line(text: &str) -> String {
    const LIMIT: usize = 300;
    let text = crate::secrets::scrub(text);
    let mut out = String::new();
    let mut pending_space = false;
    for (count, c) in text.chars().enumerate() {
        if count >= LIMIT * 4 {
            break;
        }
        if c.is_whitespace() || c.is_control() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
        if out.chars().count() >= LIMIT {
            out.push('…');
            break;
        }
    }
    out
}

fn reason_phrase(status: u16) -> &'static str {
    reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or(match status {
            529 => "Overloaded",
            _ => "HTTP error",
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn json_error_bodies_give_type_message_and_request_id() {
        let mut headers = HeaderMap::new();
        headers.insert("request-id", HeaderValue::from_static("req_123"));
        let body =
            br#"{"type":"error","error":{"type":"not_found_error","message":"model: nope"}}"#;
        let error = ApiError::from_response(404, &headers, body);
        assert_eq!(
            error.to_string(),
            "404 not_found_error: model: nope (request-id: req_123)"
        );
        assert!(!error.retryable);
    }

    #[test]
    fn the_body_request_id_is_used_when_the_header_is_missing() {
        let body = include_bytes!("../../tests/fixtures/error-rate-limit-429-recorded.json");
        let error = ApiError::from_response(429, &HeaderMap::new(), body);
        assert_eq!(error.kind.as_deref(), Some("rate_limit_error"));
        assert!(error.request_id.is_some_and(|id| id.starts_with("req_")));
        assert!(error.retryable);
    }

    #[test]
    fn error_codes_come_from_the_details() {
        let body = br#"{"type":"error","error":{"type":"not_found_error","message":"gone","details":{"error_code":"file_expired"}}}"#;
        let error = ApiError::from_response(404, &HeaderMap::new(), body);
        assert_eq!(error.code.as_deref(), Some("file_expired"));
        let odd = br#"{"type":"error","error":{"type":"x","message":"m","details":[1]}}"#;
        let error = ApiError::from_response(400, &HeaderMap::new(), odd);
        assert_eq!((error.code, error.kind.as_deref()), (None, Some("x")));
    }

    #[test]
    fn html_bodies_become_one_clean_line() {
        let body = b"<html>\r\n<body>\x1b[31m413 Request Entity Too Large</body>\n</html>";
        let error = ApiError::from_response(413, &HeaderMap::new(), body);
        let text = error.to_string();
        assert!(
            text.starts_with("413 Payload Too Large: <html> <body> [31m413"),
            "{text}"
        );
        assert!(!text.contains('\x1b') && !text.contains('\n'));
    }

    #[test]
    fn empty_bodies_use_the_reason_phrase() {
        let error = ApiError::from_response(529, &HeaderMap::new(), b"");
        assert_eq!(error.to_string(), "529 Overloaded");
    }

    #[test]
    fn redirects_name_their_target() {
        let mut headers = HeaderMap::new();
        headers.insert(
            "location",
            HeaderValue::from_static("http://elsewhere/steal"),
        );
        let error = ApiError::from_response(307, &headers, b"");
        assert_eq!(
            error.to_string(),
            "307 Temporary Redirect: redirected to http://elsewhere/steal"
        );
    }

    #[test]
    fn one_line_cuts_long_text() {
        let long = "x".repeat(1000);
        assert_eq!(one_line(&long).chars().count(), 301);
    }

    #[test]
    fn overloaded_stream_events_are_retryable_server_errors() {
        let event = |kind: &str| Error::StreamEvent {
            error: ErrorObject {
                kind: kind.into(),
                message: String::new(),
                code: None,
            },
            request_id: None,
            retries: 0,
        };
        assert!(event("overloaded_error").is_retryable());
        assert!(event("overloaded_error").is_server_side());
        assert!(!event("invalid_request_error").is_retryable());
        assert!(!event("rate_limit_error").is_server_side());
    }
}
