//! The HTTP exchange: one blocking reqwest client, and one worker thread per
//! attempt that feeds the response to the caller over a channel.
//!
//! The channel is what gives the timeout its meaning: like the SDK's HTTP
//! client, `--timeout` bounds connecting and each wait for data, never the
//! whole reply, so a long stream that keeps talking is never cut while a
//! stalled one fails after that many seconds of silence. It also lets
//! Ctrl-C wake the caller in the middle of a read, and `--max-time` end the
//! whole exchange at its deadline however the server trickles.
//!
//! Failures to connect are told apart here: a refused TLS certificate, a
//! server that does not speak TLS, a proxy that is down or wants
//! credentials, each named, since only some of them are worth a retry.
//!
//! A body read as it is sent (a file upload) reports its progress over the
//! same channel, so a long upload that keeps moving is not taken for a
//! silent server. Such a body goes through reqwest's async client, driven
//! by a runtime on the worker thread itself: the file is read and written
//! in large frames by one thread, where the blocking client would hand it
//! over 8 KB at a time to a thread of its own.
//!
//! Clients are built when first needed, and one that may speak TLS only
//! for a URL (or proxy) that does: building it loads the system's root
//! certificates, hundreds of files, which a plain-HTTP run (a local
//! gateway, the tests' fake API) has no use for.

use std::io::Read;
use std::panic;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender};
use std::sync::{Arc, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use bytes::Bytes;
use reqwest::header::HeaderMap;
use reqwest::{Method, Url};

use super::proxy::{Proxies, Proxy};
use crate::interrupt;
use crate::secrets::redact_url;

/// A network failure, as opposed to an error the server reported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransportError {
    /// Connecting or sending the request failed.
    #[error("{0}")]
    Connect(String),
    /// No data arrived for the whole timeout.
    #[error("no data from the server for {}s", .0.as_secs_f64())]
    Timeout(Duration),
    /// The overall deadline (`--max-time`) passed.
    #[error("gave up at the overall time limit of {}s", .0.as_secs_f64())]
    Deadline(Duration),
    /// The server's TLS certificate was refused: not worth a retry.
    #[error("{0}")]
    Certificate(String),
    /// The server does not speak TLS (plain HTTP behind https://).
    #[error("{0}")]
    NotTls(String),
    /// The proxy answered 407 to CONNECT.
    #[error("{0}")]
    ProxyAuth(String),
    /// The proxy could not be reached, or could not reach the server.
    #[error("{message}")]
    Proxy {
        message: String,
        /// The environment variable that named the proxy.
        variable: &'static str,
    },
    /// The connection broke while the reply was arriving.
    #[error("connection lost while reading the reply: {0}")]
    Read(String),
    /// Ctrl-C.
    #[error("interrupted")]
    Interrupted,
}

/// One request, ready to go.
pub struct HttpRequest {
    pub method: Method,
    pub url: Url,
    pub headers: HeaderMap,
    pub body: Option<RequestBody>,
}

/// What a request sends.
pub enum RequestBody {
    /// A body built in memory.
    Bytes(Bytes),
    /// Exactly `len` bytes read from `reader` while they are sent, so that
    /// a large file never sits in memory.
    Reader {
        reader: Box<dyn Read + Send>,
        len: u64,
    },
}

/// When the whole exchange must be over (`--max-time`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    pub at: Instant,
    /// The limit it was set from, for messages.
    pub limit: Duration,
}

impl Deadline {
    /// `limit` from now.
    pub fn after(limit: Duration) -> Deadline {
        Deadline {
            at: Instant::now() + limit,
            limit,
        }
    }

    pub fn remaining(&self) -> Duration {
        self.at.saturating_duration_since(Instant::now())
    }
}

/// Sends requests; cheap to share.
#[derive(Debug, Clone)]
pub struct Transport {
    /// For plain-HTTP connections: no root certificates loaded.
    plain: Arc<Clients>,
    /// For TLS connections, with the system's root certificates.
    tls: Arc<Clients>,
    timeout: Duration,
    deadline: Option<Deadline>,
    proxies: Proxies,
}

/// The client one request goes through.
enum Client {
    Blocking(reqwest::blocking::Client),
    /// For a body read as it is sent.
    Streaming(reqwest::Client),
}

enum Piece {
    /// This many bytes of a streamed request body have been handed on.
    Sent(u64),
    Head(Result<(u16, HeaderMap), TransportError>),
    Data(Vec<u8>),
    End,
    Failed(String),
    Interrupted,
}

/// How many unread chunks the worker may run ahead of the reader. Bounded so
/// that a slow stdout does not let the reply pile up in memory.
const CHANNEL_DEPTH: usize = 64;
const READ_BUFFER: usize = 64 * 1024;
/// How often (in bytes of request body) the worker reports progress.
const PROGRESS_EVERY: u64 = 256 * 1024;
/// How much of a streamed body is read and written at a time.
const FRAME_BYTES: usize = 256 * 1024;

/// The settings both clients share, applied to either kind of builder.
macro_rules! configured {
    ($builder:expr, $proxies:expr, $timeout:expr, $with_tls:expr) => {{
        let chosen = $proxies.clone();
        let builder = if $with_tls {
            $builder
        } else {
            // No roots: loading the system's is what a plain client spares.
            $builder.tls_certs_only([])
        };
        builder
            // The environment's proxies are read by `Proxies`, not reqwest.
            .no_proxy()
            .proxy(reqwest::Proxy::custom(move |url| {
                chosen.for_url(url).map(|proxy| proxy.url.clone())
            }))
            .connect_timeout($timeout)
            // The API never redirects, and following one would carry
            // x-api-key to whatever host it names.
            .redirect(reqwest::redirect::Policy::none())
    }};
}

/// A blocking client, and one with the same settings for bodies read as
/// they are sent, each built on first use (or its build error kept).
#[derive(Debug)]
struct Clients {
    with_tls: bool,
    blocking: OnceLock<Result<reqwest::blocking::Client, String>>,
    streaming: OnceLock<Result<reqwest::Client, String>>,
}

impl Clients {
    fn new(with_tls: bool) -> Clients {
        Clients {
            with_tls,
            blocking: OnceLock::new(),
            streaming: OnceLock::new(),
        }
    }

    fn blocking(
        &self,
        proxies: &Proxies,
        timeout: Duration,
    ) -> Result<reqwest::blocking::Client, TransportError> {
        let built = self.blocking.get_or_init(|| {
            configured!(
                reqwest::blocking::Client::builder(),
                proxies,
                timeout,
                self.with_tls
            )
            // Our own channel enforces the timeout per wait (see above).
            .timeout(None)
            .build()
            .map_err(|e| root_cause(&e))
        });
        built.clone().map_err(no_client)
    }

    fn streaming(
        &self,
        proxies: &Proxies,
        timeout: Duration,
    ) -> Result<reqwest::Client, TransportError> {
        let built = self.streaming.get_or_init(|| {
            configured!(reqwest::Client::builder(), proxies, timeout, self.with_tls)
                .build()
                .map_err(|e| root_cause(&e))
        });
        built.clone().map_err(no_client)
    }
}

/// A client that could not be built: in practice, no root certificates
/// could be loaded from the system.
fn no_client(why: String) -> TransportError {
    TransportError::Certificate(format!("cannot set up TLS: {why}"))
}

impl Transport {
    pub fn new(timeout: Duration, deadline: Option<Deadline>, proxies: Proxies) -> Transport {
        // reqwest is built without a default crypto provider (see Cargo.toml);
        // installing twice is harmless, so the error is ignored.
        let _ = rustls::crypto::ring::default_provider().install_default();
        Transport {
            plain: Arc::new(Clients::new(false)),
            tls: Arc::new(Clients::new(true)),
            timeout,
            deadline,
            proxies,
        }
    }

    /// The clients for a connection to `url`: TLS when the URL, or the
    /// proxy that carries it, is https.
    fn clients_for(&self, url: &Url, proxy: Option<&Proxy>) -> &Clients {
        let tls = url.scheme() == "https" || proxy.is_some_and(|p| p.url.scheme() == "https");
        if tls { &self.tls } else { &self.plain }
    }

    /// Sends `request` and waits for the status line and headers.
    /// `progress` hears how many bytes of a streamed body have gone out.
    pub fn send(
        &self,
        request: HttpRequest,
        progress: &mut dyn FnMut(u64),
    ) -> Result<Response, TransportError> {
        let (tx, rx) = mpsc::sync_channel(CHANNEL_DEPTH);
        let wake = tx.clone();
        let subscription = interrupt::subscribe(move |_| {
            let _ = wake.try_send(Piece::Interrupted);
        });
        let proxy = self.proxies.for_url(&request.url).cloned();
        let clients = self.clients_for(&request.url, proxy.as_ref());
        let client = match request.body {
            Some(RequestBody::Reader { .. }) => {
                Client::Streaming(clients.streaming(&self.proxies, self.timeout)?)
            }
            _ => Client::Blocking(clients.blocking(&self.proxies, self.timeout)?),
        };
        thread::Builder::new()
            .name("claude-http".into())
            .spawn(move || {
                let worker = panic::AssertUnwindSafe(|| match client {
                    Client::Streaming(streaming) => {
                        stream_exchange(&streaming, request, proxy.as_ref(), &tx)
                    }
                    Client::Blocking(client) => exchange(&client, request, proxy.as_ref(), &tx),
                });
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
            deadline: self.deadline,
            _subscription: subscription,
        };
        loop {
            match response.next_piece()? {
                Piece::Sent(bytes) => progress(bytes),
                Piece::Head(Ok((status, headers))) => {
                    response.status = status;
                    response.headers = headers;
                    return Ok(response);
                }
                Piece::Head(Err(error)) => return Err(error),
                _ => return Err(TransportError::Connect("no response".into())),
            }
        }
    }
}

/// A response whose body is still arriving.
pub struct Response {
    pub status: u16,
    pub headers: HeaderMap,
    rx: Receiver<Piece>,
    timeout: Duration,
    deadline: Option<Deadline>,
    _subscription: interrupt::Subscription,
}

impl Response {
    /// The next piece of the body, or `None` at its end.
    pub fn next_chunk(&mut self) -> Result<Option<Vec<u8>>, TransportError> {
        loop {
            return match self.next_piece()? {
                Piece::Data(chunk) => Ok(Some(chunk)),
                Piece::End => Ok(None),
                Piece::Failed(message) => Err(TransportError::Read(message)),
                // A late progress report: the server answered early.
                Piece::Sent(_) => continue,
                Piece::Head(_) => Err(TransportError::Read("a second response head".into())),
                Piece::Interrupted => Err(TransportError::Interrupted),
            };
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
        let wait = match self.deadline {
            Some(deadline) if deadline.remaining().is_zero() => {
                return Err(TransportError::Deadline(deadline.limit));
            }
            Some(deadline) => deadline.remaining().min(self.timeout),
            None => self.timeout,
        };
        match self.rx.recv_timeout(wait) {
            Ok(Piece::Interrupted) => Err(TransportError::Interrupted),
            Ok(piece) => Ok(piece),
            Err(RecvTimeoutError::Timeout) => match self.deadline {
                Some(deadline) if deadline.remaining().is_zero() => {
                    Err(TransportError::Deadline(deadline.limit))
                }
                _ => Err(TransportError::Timeout(self.timeout)),
            },
            Err(RecvTimeoutError::Disconnected) => {
                Err(TransportError::Read("the connection closed".into()))
            }
        }
    }
}

/// The worker: performs the request and streams the body into `tx`. It
/// stops as soon as the reader hangs up.
fn exchange(
    client: &reqwest::blocking::Client,
    request: HttpRequest,
    proxy: Option<&Proxy>,
    tx: &SyncSender<Piece>,
) {
    let url = request.url.clone();
    let mut builder = client
        .request(request.method, request.url)
        .headers(request.headers);
    if let Some(RequestBody::Bytes(body)) = request.body {
        builder = builder.body(body);
    }
    let mut response = match builder.send() {
        Ok(response) => response,
        Err(error) => {
            let _ = tx.send(Piece::Head(Err(send_error(&error, &url, proxy))));
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

/// The worker for a body read as it is sent: the async client, on a
/// runtime of this thread, sends it in large frames and streams the reply
/// into `tx` like [`exchange`].
fn stream_exchange(
    client: &reqwest::Client,
    request: HttpRequest,
    proxy: Option<&Proxy>,
    tx: &SyncSender<Piece>,
) {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            let message = format!("cannot start the request: {error}");
            let _ = tx.send(Piece::Head(Err(TransportError::Connect(message))));
            return;
        }
    };
    let url = request.url.clone();
    let mut builder = client
        .request(request.method, request.url)
        .headers(request.headers);
    if let Some(RequestBody::Reader { reader, len }) = request.body {
        let body = Frames {
            reader: std::sync::Mutex::new(reader),
            left: len,
            sent: 0,
            reported: 0,
            tx: tx.clone(),
        };
        builder = builder
            .header(reqwest::header::CONTENT_LENGTH, len)
            .body(reqwest::Body::wrap(body));
    }
    runtime.block_on(async {
        let mut response = match builder.send().await {
            Ok(response) => response,
            Err(error) => {
                let _ = tx.send(Piece::Head(Err(send_error(&error, &url, proxy))));
                return;
            }
        };
        let head = (response.status().as_u16(), response.headers().clone());
        if tx.send(Piece::Head(Ok(head))).is_err() {
            return;
        }
        loop {
            let piece = match response.chunk().await {
                Ok(Some(chunk)) => Piece::Data(chunk.to_vec()),
                Ok(None) => Piece::End,
                Err(error) => Piece::Failed(root_cause(&error)),
            };
            let last = !matches!(piece, Piece::Data(_));
            if tx.send(piece).is_err() || last {
                return;
            }
        }
    });
}

/// A request body read from its source a frame at a time as the
/// connection asks for it. The reads block, briefly: the source is a file
/// or memory, and the runtime serves this one request. Progress goes to
/// the reader as [`Piece::Sent`], dropped rather than waited for when the
/// channel is full: it only moves a progress bar and keeps the timeout
/// from firing.
struct Frames {
    // A mutex only because the body must be Sync; one task reads it.
    reader: std::sync::Mutex<Box<dyn Read + Send>>,
    left: u64,
    sent: u64,
    reported: u64,
    tx: SyncSender<Piece>,
}

impl http_body::Body for Frames {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Bytes>, std::io::Error>>> {
        use std::task::Poll;
        if self.left == 0 {
            return Poll::Ready(None);
        }
        let want = (FRAME_BYTES as u64).min(self.left) as usize;
        let mut frame = vec![0; want];
        let read = match self.reader.lock() {
            Ok(mut reader) => reader.read(&mut frame),
            Err(_) => Err(std::io::Error::other("the body's reader failed")),
        };
        let n = match read {
            Ok(0) => {
                return Poll::Ready(Some(Err(std::io::Error::new(
                    std::io::ErrorKind::UnexpectedEof,
                    "the body ended before its length",
                ))));
            }
            Ok(n) => n,
            Err(error) => return Poll::Ready(Some(Err(error))),
        };
        frame.truncate(n);
        self.left -= n as u64;
        self.sent += n as u64;
        if self.left == 0 || self.sent - self.reported >= PROGRESS_EVERY {
            self.reported = self.sent;
            let _ = self.tx.try_send(Piece::Sent(self.sent));
        }
        Poll::Ready(Some(Ok(http_body::Frame::data(Bytes::from(frame)))))
    }

    fn is_end_stream(&self) -> bool {
        self.left == 0
    }

    fn size_hint(&self) -> http_body::SizeHint {
        http_body::SizeHint::with_exact(self.left)
    }
}

/// Why a request could not be sent, in words that say what to fix.
fn send_error(error: &reqwest::Error, url: &Url, proxy: Option<&Proxy>) -> TransportError {
    let shown = redact_url(url);
    let host = url.host_str().unwrap_or("the server");
    let cause = root_cause(error);
    match tls_error(error) {
        Some(rustls::Error::InvalidCertificate(why)) => {
            return TransportError::Certificate(format!(
                "the TLS certificate of {host} was refused: {}",
                certificate_problem(why, host)
            ));
        }
        Some(rustls::Error::InvalidMessage(_)) => {
            return TransportError::NotTls(format!(
                "{host} did not answer in TLS at {shown}: it may speak plain HTTP there \
                 (then write http:// in the URL), or the port is wrong"
            ));
        }
        _ => {}
    }
    if let Some(proxy) = proxy {
        let named = format!("the proxy {} ({})", redact_url(&proxy.url), proxy.variable);
        if cause.contains("proxy authorization required") {
            return TransportError::ProxyAuth(format!(
                "{named} asked for credentials (407 Proxy Authentication Required)"
            ));
        }
        if cause.starts_with("tunnel error") {
            return TransportError::Proxy {
                message: format!("{named} could not open a tunnel to {host}: {cause}"),
                variable: proxy.variable,
            };
        }
        if error.is_connect() {
            return TransportError::Proxy {
                message: format!("cannot connect to {named} for {shown}: {cause}"),
                variable: proxy.variable,
            };
        }
    }
    let what = if error.is_connect() {
        "cannot connect to"
    } else {
        "cannot send the request to"
    };
    TransportError::Connect(format!("{what} {shown}: {cause}"))
}

/// The TLS failure somewhere in an error's chain, if any: rustls errors
/// travel inside `io::Error`s, whose `source` skips them.
fn tls_error<'e>(error: &'e (dyn std::error::Error + 'static)) -> Option<&'e rustls::Error> {
    let mut next = Some(error);
    while let Some(current) = next {
        if let Some(tls) = current.downcast_ref::<rustls::Error>() {
            return Some(tls);
        }
        if let Some(tls) = current
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
            .and_then(|inner| tls_error(inner))
        {
            return Some(tls);
        }
        next = current.source();
    }
    None
}

fn certificate_problem(why: &rustls::CertificateError, host: &str) -> String {
    use rustls::CertificateError as Why;
    match why {
        Why::UnknownIssuer => {
            "it is signed by a certificate authority this machine does not trust".to_owned()
        }
        Why::Expired | Why::ExpiredContext { .. } => "it has expired".to_owned(),
        Why::NotValidYet | Why::NotValidYetContext { .. } => "it is not valid yet".to_owned(),
        Why::NotValidForName | Why::NotValidForNameContext { .. } => {
            format!("it is not valid for the name {host}")
        }
        Why::Revoked => "it has been revoked".to_owned(),
        other => format!("{other:?}"),
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
