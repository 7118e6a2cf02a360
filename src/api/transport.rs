//! The HTTP exchange: one blocking reqwest client, and one worker thread per
//! attempt that feeds the response to the caller over a channel.
//!
//! The channel is what gives the timeout its meaning: like the SDK's HTTP
//! client, `--timeout` bounds connecting and each wait for data, never the
//! whole reply, so a long stream that keeps talking is never cut while a
//! stalled one fails after that many seconds of silence. It also lets
//! Ctrl-C wake the caller in the middle of a read.

use std::io::Read;
use std::panic;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender};
use std::thread;
use std::time::Duration;

use bytes::Bytes;
use reqwest::header::HeaderMap;
use reqwest::{Method, Url};

use crate::interrupt;

/// A network failure, as opposed to an error the server reported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransportError {
    /// Connecting or sending the request failed.
    #[error("{0}")]
    Connect(String),
    /// No data arrived for the whole timeout.
    #[error("no data from the server for {}s", .0.as_secs_f64())]
    Timeout(Duration),
    /// The connection broke while the reply was arriving.
    #[error("connection lost while reading the reply: {0}")]
    Read(String),
    /// Ctrl-C.
    #[error("interrupted")]
    Interrupted,
}

/// One request, ready to go.
#[derive(Debug, Clone)]
pub struct HttpRequest {
    pub method: Method,
    pub url: Url,
    pub headers: HeaderMap,
    pub body: Option<Bytes>,
}

/// Sends requests; cheap to share.
#[derive(Debug, Clone)]
pub struct Transport {
    client: reqwest::blocking::Client,
    timeout: Duration,
}

enum Piece {
    Head(Result<(u16, HeaderMap), String>),
    Data(Vec<u8>),
    End,
    Failed(String),
    Interrupted,
}

/// How many unread chunks the worker may run ahead of the reader. Bounded so
/// that a slow stdout does not let the reply pile up in memory.
const CHANNEL_DEPTH: usize = 64;
const READ_BUFFER: usize = 64 * 1024;

impl Transport {
    pub fn new(timeout: Duration) -> anyhow::Result<Transport> {
        // reqwest is built without a default crypto provider (see Cargo.toml);
        // installing twice is harmless, so the error is ignored.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::blocking::Client::builder()
            // Our own channel enforces the timeout per wait (see above).
            .timeout(None)
            .connect_timeout(timeout)
            // The API never redirects, and following one would carry
            // x-api-key to whatever host it names.
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        Ok(Transport { client, timeout })
    }

    /// Sends `request` and waits for the status line and headers.
    pub fn send(&self, request: HttpRequest) -> Result<Response, TransportError> {
        let (tx, rx) = mpsc::sync_channel(CHANNEL_DEPTH);
        let wake = tx.clone();
        let subscription = interrupt::subscribe(move |_| {
            let _ = wake.try_send(Piece::Interrupted);
        });
        let client = self.client.clone();
        thread::Builder::new()
            .name("claude-http".into())
            .spawn(move || {
                let worker = panic::AssertUnwindSafe(|| exchange(&client, request, &tx));
                if panic::catch_unwind(worker).is_err() {
                    // The interrupt hook keeps the channel open, so the
                    // reader would otherwise wait out the whole timeout.
                    let _ = tx.send(Piece::Failed("the HTTP worker failed".into()));
                }
            })
            .map_err(|e| TransportError::Connect(format!("cannot start the request: {e}")))?;
        let mut response = Response {
            status: 0,
            headers: HeaderMap::new(),
            rx,
            timeout: self.timeout,
            _subscription: subscription,
        };
        match response.next_piece()? {
            Piece::Head(Ok((status, headers))) => {
                response.status = status;
                response.headers = headers;
                Ok(response)
            }
            Piece::Head(Err(message)) => Err(TransportError::Connect(message)),
            _ => Err(TransportError::Connect("no response".into())),
        }
    }
}

/// A response whose body is still arriving.
pub struct Response {
    pub status: u16,
    pub headers: HeaderMap,
    rx: Receiver<Piece>,
    timeout: Duration,
    _subscription: interrupt::Subscription,
}

impl Response {
    /// The next piece of the body, or `None` at its end.
    pub fn next_chunk(&mut self) -> Result<Option<Vec<u8>>, TransportError> {
        match self.next_piece()? {
            Piece::Data(chunk) => Ok(Some(chunk)),
            Piece::End => Ok(None),
            Piece::Failed(message) => Err(TransportError::Read(message)),
            Piece::Head(_) => Err(TransportError::Read("a second response head".into())),
            Piece::Interrupted => Err(TransportError::Interrupted),
        }
    }

    /// The whole body, or its first `limit` bytes.
    pub fn read_body(&mut self, limit: Option<usize>) -> Result<Vec<u8>, TransportError> {
        let mut body = Vec::new();
        while let Some(chunk) = self.next_chunk()? {
            body.extend_from_slice(&chunk);
            if limit.is_some_and(|limit| body.len() >= limit) {
                body.truncate(limit.unwrap_or(usize::MAX));
                break;
            }
        }
        Ok(body)
    }

    fn next_piece(&mut self) -> Result<Piece, TransportError> {
        if interrupt::requested() {
            return Err(TransportError::Interrupted);
        }
        match self.rx.recv_timeout(self.timeout) {
            Ok(Piece::Interrupted) => Err(TransportError::Interrupted),
            Ok(piece) => Ok(piece),
            Err(RecvTimeoutError::Timeout) => Err(TransportError::Timeout(self.timeout)),
            Err(RecvTimeoutError::Disconnected) => {
                Err(TransportError::Read("the connection closed".into()))
            }
        }
    }
}

/// The worker: performs the request and streams the body into `tx`. It
/// stops as soon as the reader hangs up.
fn exchange(client: &reqwest::blocking::Client, request: HttpRequest, tx: &SyncSender<Piece>) {
    let url = crate::secrets::redact_url(&request.url);
    let mut builder = client
        .request(request.method, request.url)
        .headers(request.headers);
    if let Some(body) = request.body {
        builder = builder.body(body);
    }
    let mut response = match builder.send() {
        Ok(response) => response,
        Err(error) => {
            let what = if error.is_connect() {
                "cannot connect to"
            } else {
                "cannot send the request to"
            };
            let _ = tx.send(Piece::Head(Err(format!(
                "{what} {url}: {}",
                root_cause(&error)
            ))));
            return;
        }
    };
    let head = (response.status().as_u16(), response.headers().clone());
    if tx.send(Piece::Head(Ok(head))).is_err() {
        return;
    }
    let mut buffer = vec![0; READ_BUFFER];
    loop {
        let piece = match response.read(&mut buffer) {
            Ok(0) => Piece::End,
            Ok(n) => Piece::Data(buffer[..n].to_vec()),
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => Piece::Failed(root_cause(&error)),
        };
        let last = !matches!(piece, Piece::Data(_));
        if tx.send(piece).is_err() || last {
            return;
        }
    }
}

/// The innermost cause of an error ("Connection refused (os error 111)"),
/// without reqwest's layers of context around it.
fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut root = error;
    while let Some(source) = root.source() {
        root = source;
    }
    root.to_string()
}
