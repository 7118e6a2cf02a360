//! The API client's one request path: headers, endpoint URLs, and sending a
//! call with the retry policy and the typed error. Each endpoint family
//! (`messages`, `count`, `models`, `batches`, `files`) adds its methods to
//! [`Client`] in its own module beside this one.
//!
//! It prints nothing. Streamed events go to a [`StreamSink`] (the output
//! layer implements it) and each attempt is reported to an [`Observer`]
//! (the `-v` log implements it).

use std::time::{Duration, Instant};

use bytes::Bytes;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::{Method, Url};

use super::caps::{self, Capped};
use super::error::{self, ApiError, Error};
use super::proxy::Proxies;
use super::retry::{RetryDecision, RetryPolicy};
use super::stream::StreamEvent;
use super::transport::{Deadline, HttpRequest, RequestBody, Response, Transport, TransportError};
use super::types::ContentBlock;
use crate::interrupt;
use crate::secrets::REDACTED;
use serde::de::DeserializeOwned;

/// How the client authenticates.
#[derive(Clone, PartialEq, Eq)]
pub enum Credential {
    /// Sent as `x-api-key`.
    ApiKey(String),
    /// Sent as `Authorization: Bearer`.
    BearerToken(String),
}

impl std::fmt::Debug for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Credential::ApiKey(_) => f.write_str("ApiKey(<redacted>)"),
            Credential::BearerToken(_) => f.write_str("BearerToken(<redacted>)"),
        }
    }
}

/// Everything the client needs to know, resolved from flags and environment.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    pub base_url: Url,
    pub credential: Option<Credential>,
    pub api_version: String,
    pub retry: RetryPolicy,
    /// Bounds connecting and each wait for data.
    pub timeout: Duration,
    /// Bounds the whole exchange, retries included (`--max-time`).
    pub deadline: Option<Deadline>,
    /// The proxies from the environment.
    pub proxies: Proxies,
    /// Where a request goes when the server keeps failing (`--fallback-model`).
    pub fallback_model: Option<String>,
}

/// Receives a streamed reply event by event.
pub trait StreamSink {
    /// One event, with the raw JSON it came from.
    fn event(&mut self, event: &StreamEvent<'_>, raw: &str) -> std::io::Result<()>;

    /// Whether anything has reached stdout. From then on a failure is final:
    /// a retry would print the reply twice.
    fn has_output(&self) -> bool;

    /// A new attempt begins; drop any state from the failed one.
    fn restart(&mut self) {}

    /// A content block is complete (its `content_block_stop` arrived), as
    /// accumulated: a server tool call with its whole input, say.
    fn block_complete(&mut self, _block: &ContentBlock) -> std::io::Result<()> {
        Ok(())
    }

    /// Whether the Message returned for a streamed reply must hold its text
    /// and thinking. A sink that printed them as they came, for a caller
    /// that needs no more of the Message than its stop reason and usage,
    /// says no, and the reply is then read in flat memory.
    fn keeps_text(&self) -> bool {
        true
    }
}

/// Something that happened while sending, for the `-v` log.
#[derive(Debug)]
pub enum ClientEvent<'a> {
    Sending {
        attempt: u32,
        attempts: u32,
        method: &'a str,
        url: &'a Url,
        /// Headers with secrets redacted.
        headers: &'a [(String, String)],
        /// The body, or for one read as it is sent (an upload) its start.
        body: &'a [u8],
        /// The whole body's length.
        body_len: u64,
    },
    Received {
        status: u16,
        request_id: Option<&'a str>,
        elapsed: Duration,
        /// Response headers, secrets redacted.
        headers: &'a [(String, String)],
    },
    Failed {
        error: &'a Error,
        elapsed: Duration,
    },
    Retrying {
        delay: Duration,
    },
    FallingBack {
        from: &'a str,
        to: &'a str,
        error: &'a Error,
    },
}

/// Watches what the client does.
pub trait Observer {
    fn on(&self, event: ClientEvent<'_>);
}

/// A request as it would be sent, secrets redacted: what `--dry-run` shows.
#[derive(Debug, Clone)]
pub struct RequestPreview {
    pub method: &'static str,
    pub url: Url,
    pub headers: Vec<(String, String)>,
    pub body: Bytes,
}

/// Bytes of an error body kept for the message; the rest is not read.
const ERROR_BODY_LIMIT: usize = 64 * 1024;
const SECRET_HEADERS: [&str; 2] = ["x-api-key", "authorization"];

/// The Messages API client.
pub struct Client {
    config: ClientConfig,
    transport: Transport,
    user_agent: String,
}

impl Client {
    pub fn new(config: ClientConfig) -> anyhow::Result<Client> {
        let transport = Transport::new(config.timeout, config.deadline, config.proxies.clone());
        Ok(Client {
            config,
            transport,
            user_agent: format!("claude-cli/{}", env!("CARGO_PKG_VERSION")),
        })
    }

    /// How long until `--max-time` ends the command, if it was given.
    pub fn time_left(&self) -> Option<Duration> {
        self.config.deadline.map(|deadline| deadline.remaining())
    }

    /// Where a request goes when the server keeps failing.
    pub(super) fn fallback_model(&self) -> Option<&str> {
        self.config.fallback_model.as_deref()
    }

    /// `{collection}{id}` and a sub-path; the id (of a `what`) is one path
    /// segment, never a way to another endpoint.
    pub(super) fn item_url(
        &self,
        collection: &str,
        what: &str,
        id: &str,
        then: Option<&str>,
    ) -> Result<Url, Error> {
        if id.is_empty() || matches!(id, "." | "..") || id.contains('/') {
            return Err(Error::Build(format!("`{id}` is not a {what} id")));
        }
        let mut url = self.endpoint(collection).map_err(build_error)?;
        {
            let mut segments = url
                .path_segments_mut()
                .map_err(|()| Error::Build("the base URL cannot have a path".into()))?;
            segments.pop_if_empty().push(id);
            if let Some(then) = then {
                segments.push(then);
            }
        }
        Ok(url)
    }

    /// One page of a list endpoint: `limit`, and `after_id` for the next.
    pub(super) fn page_url(
        &self,
        path: &str,
        after_id: Option<&str>,
        limit: u32,
    ) -> Result<Url, Error> {
        let mut url = self.endpoint(path).map_err(build_error)?;
        {
            let mut query = url.query_pairs_mut();
            query.append_pair("limit", &limit.to_string());
            if let Some(after_id) = after_id {
                query.append_pair("after_id", after_id);
            }
        }
        Ok(url)
    }

    /// A call whose reply is one JSON value, read against the cap of its
    /// type.
    pub(super) fn json_call<T: DeserializeOwned + Capped>(
        &self,
        method: Method,
        url: Url,
        body: Option<Bytes>,
        betas: &[String],
        observer: &dyn Observer,
    ) -> Result<JsonReply<T>, Error> {
        let call = Call {
            method,
            url,
            body: body.map(Body::Bytes),
            betas,
            accept: None,
            progress: None,
        };
        self.send_with_retries(&call, &mut NoSink, observer, &|response, _, request_id| {
            read_json(response, request_id)
        })
    }

    /// Makes `call` until it succeeds, the retry policy gives up, or
    /// something has been printed. `read` turns a 2xx response into `T`.
    pub(super) fn send_with_retries<T>(
        &self,
        call: &Call<'_>,
        sink: &mut dyn StreamSink,
        observer: &dyn Observer,
        read: &ReadReply<'_, T>,
    ) -> Result<T, Error> {
        let mut redacted = self.header_list(call.betas, true);
        let mut headers = self.headers(call.betas).map_err(build_error)?;
        let mut replace = |name: reqwest::header::HeaderName, value: &str| -> Result<(), Error> {
            let parsed = HeaderValue::from_str(value)
                .map_err(|_| Error::Build(format!("the {name} header is not valid: {value}")))?;
            headers.insert(name.clone(), parsed);
            for (listed, shown) in &mut redacted {
                if listed == name.as_str() {
                    value.clone_into(shown);
                }
            }
            Ok(())
        };
        if let Some(accept) = call.accept {
            replace(reqwest::header::ACCEPT, accept)?;
        }
        if let Some(Body::Stream(stream)) = &call.body {
            replace(reqwest::header::CONTENT_TYPE, &stream.content_type())?;
        }
        let (preview, body_len) = match &call.body {
            Some(Body::Bytes(bytes)) => (&bytes[..], bytes.len() as u64),
            Some(Body::Stream(stream)) => (stream.head(), stream.len()),
            None => (&[][..], 0),
        };
        let attempts = self.config.retry.max_retries + 1;
        let mut retries = 0;
        loop {
            observer.on(ClientEvent::Sending {
                attempt: retries + 1,
                attempts,
                method: call.method.as_str(),
                url: &call.url,
                headers: &redacted,
                body: preview,
                body_len,
            });
            let started = Instant::now();
            let body = match &call.body {
                Some(Body::Bytes(bytes)) => Some(RequestBody::Bytes(bytes.clone())),
                Some(Body::Stream(stream)) => Some(RequestBody::Reader {
                    reader: stream.open().map_err(|e| Error::Build(e.to_string()))?,
                    len: stream.len(),
                }),
                None => None,
            };
            let http = HttpRequest {
                method: call.method.clone(),
                url: call.url.clone(),
                headers: headers.clone(),
                body,
            };
            let error = match self.attempt(http, call.progress, sink, observer, started, read) {
                Ok(reply) => return Ok(reply),
                Err(error) => error,
            };
            observer.on(ClientEvent::Failed {
                error: &error,
                elapsed: started.elapsed(),
            });
            let error = error.after_retries(retries);
            if sink.has_output() {
                return Err(error);
            }
            match self
                .config
                .retry
                .decide(error.is_retryable(), retries, error.server_wait())
            {
                RetryDecision::GiveUp => return Err(error),
                RetryDecision::WaitTooLong(wait) => {
                    return Err(match error {
                        Error::Status(error) => Error::WaitTooLong {
                            error: Box::new(error),
                            wait,
                        },
                        other => other,
                    });
                }
                // A retry that would start past --max-time is not made.
                RetryDecision::RetryAfter(delay)
                    if self
                        .config
                        .deadline
                        .is_some_and(|deadline| delay >= deadline.remaining()) =>
                {
                    return Err(error);
                }
                RetryDecision::RetryAfter(delay) => {
                    observer.on(ClientEvent::Retrying { delay });
                    interrupt::sleep(delay).map_err(|_| Error::Interrupted { partial: None })?;
                    retries += 1;
                    sink.restart();
                }
            }
        }
    }

    fn attempt<T>(
        &self,
        http: HttpRequest,
        progress: Option<&dyn Fn(u64)>,
        sink: &mut dyn StreamSink,
        observer: &dyn Observer,
        started: Instant,
        read: &ReadReply<'_, T>,
    ) -> Result<T, Error> {
        let resource = error::Resource::of_path(http.url.path());
        let mut report = |sent: u64| {
            if let Some(progress) = progress {
                progress(sent);
            }
        };
        let mut response = self.transport.send(http, &mut report).map_err(transport)?;
        let request_id = error::request_id(&response.headers);
        observer.on(ClientEvent::Received {
            status: response.status,
            request_id: request_id.as_deref(),
            elapsed: started.elapsed(),
            headers: &redact(&response.headers),
        });
        if !(200..300).contains(&response.status) {
            // A body cut short still says enough for the error line.
            let body = match response.read_body(Some(ERROR_BODY_LIMIT)) {
                Err(TransportError::Interrupted) => {
                    return Err(Error::Interrupted { partial: None });
                }
                other => other.unwrap_or_default(),
            };
            let mut error = ApiError::from_response(response.status, &response.headers, &body);
            error.resource = resource;
            return Err(Error::Status(error));
        }
        read(&mut response, sink, request_id)
    }

    pub(super) fn endpoint(&self, path: &str) -> anyhow::Result<Url> {
        // Like the SDK: the base URL's path is a prefix, so a base of
        // `http://host/proxy` sends to `http://host/proxy/v1/messages`.
        let mut base = self.config.base_url.clone();
        if !base.path().ends_with('/') {
            let path = format!("{}/", base.path());
            base.set_path(&path);
        }
        Ok(base.join(path)?)
    }

    fn headers(&self, betas: &[String]) -> anyhow::Result<HeaderMap> {
        let mut map = HeaderMap::new();
        for (name, value) in self.header_list(betas, false) {
            let mut value = HeaderValue::from_str(&value).map_err(|_| {
                anyhow::anyhow!("the {name} header has characters HTTP does not allow")
            })?;
            if SECRET_HEADERS.contains(&name.as_str()) {
                value.set_sensitive(true);
            }
            map.insert(HeaderName::from_bytes(name.as_bytes())?, value);
        }
        Ok(map)
    }

    /// The request headers, in a stable order; secrets replaced when asked.
    pub(super) fn header_list(&self, betas: &[String], redact: bool) -> Vec<(String, String)> {
        let secret = |value: String| if redact { REDACTED.to_owned() } else { value };
        let mut headers = Vec::new();
        match &self.config.credential {
            Some(Credential::ApiKey(key)) => headers.push(("x-api-key", secret(key.clone()))),
            Some(Credential::BearerToken(token)) => {
                headers.push(("authorization", secret(format!("Bearer {token}"))))
            }
            None => {}
        }
        headers.push(("anthropic-version", self.config.api_version.clone()));
        if !betas.is_empty() {
            headers.push(("anthropic-beta", betas.join(",")));
        }
        headers.push(("accept", "application/json".to_owned()));
        headers.push(("content-type", "application/json".to_owned()));
        headers.push(("user-agent", self.user_agent.clone()));
        headers
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value))
            .collect()
    }
}

/// One HTTP call, made as many times as the retry policy allows.
pub(super) struct Call<'a> {
    pub method: Method,
    pub url: Url,
    pub body: Option<Body<'a>>,
    pub betas: &'a [String],
    /// An `accept` header other than JSON.
    pub accept: Option<&'static str>,
    /// Hears how many bytes of a streamed body have gone out.
    pub progress: Option<&'a dyn Fn(u64)>,
}

/// What a call sends.
pub(super) enum Body<'a> {
    /// JSON built in memory.
    Bytes(Bytes),
    /// Read as it is sent, afresh for each attempt.
    Stream(&'a dyn StreamBody),
}

/// A body too large to hold in memory, read anew for each attempt.
pub(super) trait StreamBody {
    /// A reader of the whole body, from its first byte.
    fn open(&self) -> std::io::Result<Box<dyn std::io::Read + Send>>;
    /// The exact length `open` yields.
    fn len(&self) -> u64;
    fn content_type(&self) -> String;
    /// The start of the body, for the `-vv` log.
    fn head(&self) -> &[u8];
}

/// Turns a successful response into the caller's value.
pub(super) type ReadReply<'a, T> =
    dyn Fn(&mut Response, &mut dyn StreamSink, Option<String>) -> Result<T, Error> + 'a;

/// A JSON reply: the parsed value and the body exactly as the server sent it.
#[derive(Debug, Clone)]
pub struct JsonReply<T> {
    pub value: T,
    pub raw: Bytes,
}

/// The sink of a call that never streams.
pub(super) struct NoSink;

impl StreamSink for NoSink {
    fn event(&mut self, _: &StreamEvent<'_>, _: &str) -> std::io::Result<()> {
        Ok(())
    }

    fn has_output(&self) -> bool {
        false
    }
}

/// The sink of a call that hands its reply on piece by piece (result lines,
/// a downloaded file): once a piece has gone, a failure is final, as a
/// retry would repeat it.
pub(super) struct StartedSink<'a> {
    pub started: &'a std::cell::Cell<bool>,
}

impl StreamSink for StartedSink<'_> {
    fn event(&mut self, _: &StreamEvent<'_>, _: &str) -> std::io::Result<()> {
        Ok(())
    }

    fn has_output(&self) -> bool {
        self.started.get()
    }
}

/// Reads a whole JSON body, no further than the cap of its type allows. A
/// body that does not parse is the server's fault, reported with its
/// request id.
pub(super) fn read_json<T: DeserializeOwned + Capped>(
    response: &mut Response,
    request_id: Option<String>,
) -> Result<JsonReply<T>, Error> {
    let too_large = |detail: String| Error::TooLarge {
        detail,
        request_id: request_id.clone(),
    };
    // One byte past the cap tells that the body is over it.
    let body = response
        .read_body(Some(T::CAP.bytes + 1))
        .map_err(transport)?;
    T::CAP
        .check(&body)
        .map_err(|exceeded| too_large(exceeded.to_string()))?;
    match serde_json::from_slice::<T>(&body) {
        Ok(value) => Ok(JsonReply {
            value,
            raw: Bytes::from(body),
        }),
        Err(e) => Err(match caps::list_over_cap(&e) {
            Some(detail) => too_large(detail),
            None => Error::Protocol {
                detail: format!(
                    "the reply is not a valid {} ({e})",
                    std::any::type_name::<T>()
                        .rsplit("::")
                        .next()
                        .unwrap_or("reply")
                ),
                request_id,
            },
        }),
    }
}

pub(super) fn build_error(error: anyhow::Error) -> Error {
    Error::Build(format!("{error:#}"))
}

/// Response headers for the log, secrets replaced (a server has no reason
/// to echo them, but a log must never show one).
fn redact(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(name, value)| {
            let value = if SECRET_HEADERS.contains(&name.as_str()) {
                REDACTED.to_owned()
            } else {
                error::one_line(&String::from_utf8_lossy(value.as_bytes()))
            };
            (name.as_str().to_owned(), value)
        })
        .collect()
}

pub(super) fn transport(error: TransportError) -> Error {
    match error {
        TransportError::Interrupted => Error::Interrupted { partial: None },
        other => Error::Transport(other),
    }
}
