//! A fake Anthropic API on 127.0.0.1 (port 0), run inside the test process.
//!
//! It speaks just enough HTTP/1.1 (keep-alive, Content-Length request
//! bodies, chunked responses) to replay the real wire format: JSON bodies
//! and error envelopes with `request-id` headers, SSE streams sent event by
//! event, `retry-after` on 429/529. Each test scripts the replies in order
//! and then asserts on the requests the server recorded.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// A request as the server received it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    /// Header names lower-cased, in arrival order.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// When the request line arrived.
    pub at: Instant,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("request body is JSON")
    }
}

/// How a streamed reply ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The chunked body ends properly after the last event.
    Clean,
    /// The socket is closed in the middle of the chunked body.
    Abort,
    /// Nothing more is sent, and the connection stays open.
    Stall,
}

/// A latch the test opens once it has seen what it waits for: a stream
/// held at it sends nothing more until then. Synchronises without sleeps.
#[derive(Debug, Clone, Default)]
pub struct Gate(Arc<(Mutex<bool>, Condvar)>);

impl Gate {
    pub fn open(&self) {
        let (open, changed) = &*self.0;
        *open.lock().unwrap() = true;
        changed.notify_all();
    }

    fn wait(&self) {
        let (open, changed) = &*self.0;
        let mut open = open.lock().unwrap();
        while !*open {
            open = changed.wait(open).unwrap();
        }
    }
}

/// One scripted reply.
#[derive(Debug, Clone)]
pub enum Reply {
    /// A complete HTTP response with a Content-Length body.
    Full {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
        /// Pause before answering.
        delay: Duration,
    },
    /// A 200 `text/event-stream` response, one HTTP chunk per piece
    /// (normally one event per piece).
    Stream {
        headers: Vec<(String, String)>,
        events: Vec<Vec<u8>>,
        /// Pause before each event after the first.
        gap: Duration,
        end: End,
        /// Wait for the gate before sending the event at this index.
        hold: Option<(usize, Gate)>,
    },
    /// A 200 stream that sends one byte at a time, every `every`, and
    /// never ends (until the client goes).
    Trickle { every: Duration },
    /// A 200 `text/event-stream` of `head`, then `repeat` over and over
    /// until `bytes` of it were sent (or the client goes), then `tail`.
    Repeat {
        head: Vec<u8>,
        repeat: Vec<u8>,
        bytes: u64,
        tail: Vec<u8>,
    },
    /// Read the request, then never answer.
    Hang,
    /// Read the request, then close the connection without answering.
    Close,
}

pub fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Splits an SSE text into its events, each keeping its trailing blank line.
pub fn split_events(sse: &str) -> Vec<String> {
    let normalized = sse.replace("\r\n", "\n");
    let mut events: Vec<String> = normalized
        .split_inclusive("\n\n")
        .filter(|e| !e.trim().is_empty())
        .map(str::to_owned)
        .collect();
    if let Some(last) = events.last_mut()
        && !last.ends_with("\n\n")
    {
        let trimmed = last.trim_end().to_owned();
        *last = format!("{trimmed}\n\n");
    }
    events
}

impl Reply {
    fn request_id_header() -> (String, String) {
        ("request-id".into(), "req_fake_0123456789".into())
    }

    /// 200 with a JSON body.
    pub fn json(body: impl Into<String>) -> Reply {
        Reply::Full {
            status: 200,
            headers: vec![
                ("content-type".into(), "application/json".into()),
                Reply::request_id_header(),
            ],
            body: body.into().into_bytes(),
            delay: Duration::ZERO,
        }
    }

    /// 200 with a fixture's JSON body.
    pub fn message(fixture_name: &str) -> Reply {
        Reply::json(fixture(fixture_name))
    }

    /// An error status with a JSON (or any) body.
    pub fn status(status: u16, body: impl Into<String>) -> Reply {
        Reply::Full {
            status,
            headers: vec![
                ("content-type".into(), "application/json".into()),
                Reply::request_id_header(),
            ],
            body: body.into().into_bytes(),
            delay: Duration::ZERO,
        }
    }

    /// An error status whose body is the documented envelope.
    pub fn error(status: u16, kind: &str, message: &str) -> Reply {
        Reply::status(
            status,
            serde_json::json!({
                "type": "error",
                "error": {"type": kind, "message": message},
                "request_id": "req_body_0123456789"
            })
            .to_string(),
        )
    }

    /// A stream replaying an SSE fixture event by event.
    pub fn stream(fixture_name: &str) -> Reply {
        Reply::sse(&fixture(fixture_name))
    }

    /// A stream of the given SSE text, one event per chunk.
    pub fn sse(text: &str) -> Reply {
        Reply::chunks(
            split_events(text)
                .into_iter()
                .map(String::into_bytes)
                .collect(),
        )
    }

    /// A stream of exactly these bytes, in these chunks: nothing is
    /// normalised, so line ends and splits are whatever the test chose.
    pub fn chunks(pieces: Vec<Vec<u8>>) -> Reply {
        Reply::Stream {
            headers: vec![
                (
                    "content-type".into(),
                    "text/event-stream; charset=utf-8".into(),
                ),
                ("cache-control".into(), "no-cache".into()),
                Reply::request_id_header(),
            ],
            events: pieces,
            gap: Duration::ZERO,
            end: End::Clean,
            hold: None,
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Reply {
        match &mut self {
            Reply::Full { headers, .. } | Reply::Stream { headers, .. } => {
                headers.retain(|(n, _)| n != name);
                headers.push((name.to_owned(), value.to_owned()));
            }
            Reply::Hang | Reply::Close | Reply::Trickle { .. } | Reply::Repeat { .. } => {
                panic!("no headers on {self:?}")
            }
        }
        self
    }

    pub fn without_header(mut self, name: &str) -> Reply {
        if let Reply::Full { headers, .. } | Reply::Stream { headers, .. } = &mut self {
            headers.retain(|(n, _)| n != name);
        }
        self
    }

    /// A stream of `head`, then `repeat` again and again for `bytes`
    /// (`u64::MAX`: until the client goes), then `tail`.
    pub fn repeated(head: &str, repeat: &str, bytes: u64, tail: &str) -> Reply {
        Reply::Repeat {
            head: head.as_bytes().to_vec(),
            repeat: repeat.as_bytes().to_vec(),
            bytes,
            tail: tail.as_bytes().to_vec(),
        }
    }

    /// Keeps only the first `n` events of a stream.
    pub fn first_events(mut self, n: usize) -> Reply {
        if let Reply::Stream { events, .. } = &mut self {
            events.truncate(n);
        }
        self
    }

    /// Waits before answering a `Full` reply.
    pub fn delay(mut self, pause: Duration) -> Reply {
        if let Reply::Full { delay, .. } = &mut self {
            *delay = pause;
        }
        self
    }

    pub fn gap(mut self, pause: Duration) -> Reply {
        if let Reply::Stream { gap, .. } = &mut self {
            *gap = pause;
        }
        self
    }

    /// Sends the first `events` events, then waits for `gate`.
    pub fn hold_after(mut self, events: usize, gate: &Gate) -> Reply {
        if let Reply::Stream { hold, .. } = &mut self {
            *hold = Some((events, gate.clone()));
        }
        self
    }

    pub fn end(mut self, how: End) -> Reply {
        if let Reply::Stream { end, .. } = &mut self {
            *end = how;
        }
        self
    }
}

/// Answers requests the script does not cover, by what they ask for.
type Router = Box<dyn Fn(&Recorded) -> Reply + Send>;

#[derive(Default)]
struct State {
    script: VecDeque<Reply>,
    requests: Vec<Recorded>,
    router: Option<Router>,
    /// Signalled when a request is recorded.
    arrived: Arc<Condvar>,
}

/// The running server. It lives until the test process ends.
pub struct FakeServer {
    addr: SocketAddr,
    state: Arc<Mutex<State>>,
}

impl FakeServer {
    pub fn start() -> FakeServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(Mutex::new(State::default()));
        let shared = Arc::clone(&state);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let state = Arc::clone(&shared);
                thread::spawn(move || serve(stream, &state));
            }
        });
        FakeServer { addr, state }
    }

    /// Starts a server that will give these replies, in order.
    pub fn with(replies: impl IntoIterator<Item = Reply>) -> FakeServer {
        let server = FakeServer::start();
        for reply in replies {
            server.push(reply);
        }
        server
    }

    /// Starts a server that answers every request with `route(request)`,
    /// for runs whose requests are not known in advance.
    pub fn routing(route: impl Fn(&Recorded) -> Reply + Send + 'static) -> FakeServer {
        let server = FakeServer::start();
        server.state.lock().unwrap().router = Some(Box::new(route));
        server
    }

    pub fn push(&self, reply: Reply) {
        self.state.lock().unwrap().script.push_back(reply);
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.state.lock().unwrap().requests.clone()
    }

    /// Blocks until `n` requests have arrived (at most 20 s), so a test can
    /// act once the client is waiting for its reply.
    #[track_caller]
    pub fn wait_for_requests(&self, n: usize) {
        let arrived = Arc::clone(&self.state.lock().unwrap().arrived);
        let state = self.state.lock().unwrap();
        let (state, waited) = arrived
            .wait_timeout_while(state, Duration::from_secs(20), |s| s.requests.len() < n)
            .unwrap();
        assert!(
            !waited.timed_out(),
            "{} requests arrived, not {n}",
            state.requests.len()
        );
    }

    /// The only request received; fails if there were more or fewer.
    pub fn single_request(&self) -> Recorded {
        let requests = self.requests();
        assert_eq!(requests.len(), 1, "expected exactly one request");
        requests.into_iter().next().unwrap()
    }
}

fn serve(stream: TcpStream, state: &Mutex<State>) {
    let mut writer = stream.try_clone().expect("clone socket");
    let mut reader = BufReader::new(stream);
    while let Some(request) = read_request(&mut reader) {
        let reply = {
            let mut state = state.lock().unwrap();
            let reply = state
                .script
                .pop_front()
                .or_else(|| state.router.as_ref().map(|route| route(&request)));
            state.requests.push(request);
            state.arrived.notify_all();
            reply
        };
        let reply = reply.unwrap_or_else(|| {
            Reply::error(
                500,
                "api_error",
                "the fake server has no reply scripted for this request",
            )
            .header("x-should-retry", "false")
        });
        if !respond(&mut writer, &mut reader, reply) {
            return;
        }
    }
}

fn read_request(reader: &mut BufReader<TcpStream>) -> Option<Recorded> {
    let mut line = String::new();
    if reader.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let at = Instant::now();
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_owned();
    let path = parts.next()?.to_owned();
    let mut headers = Vec::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 {
            return None;
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        let (name, value) = header.split_once(':')?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    let length: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Recorded {
        method,
        path,
        headers,
        body,
        at,
    })
}

/// Writes one reply. Returns false when the connection is finished.
fn respond(writer: &mut TcpStream, reader: &mut BufReader<TcpStream>, reply: Reply) -> bool {
    match reply {
        Reply::Full {
            status,
            headers,
            body,
            delay,
        } => {
            if !delay.is_zero() {
                thread::sleep(delay);
            }
            let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
            for (name, value) in &headers {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
            head.push_str(&format!("content-length: {}\r\n\r\n", body.len()));
            writer.write_all(head.as_bytes()).is_ok() && writer.write_all(&body).is_ok()
        }
        Reply::Stream {
            headers,
            events,
            gap,
            end,
            hold,
        } => {
            let mut head = "HTTP/1.1 200 OK\r\n".to_owned();
            for (name, value) in &headers {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
            head.push_str("transfer-encoding: chunked\r\n\r\n");
            if writer.write_all(head.as_bytes()).is_err() {
                return false;
            }
            for (i, event) in events.iter().enumerate() {
                if let Some((at, gate)) = &hold
                    && i == *at
                {
                    gate.wait();
                }
                if i > 0 && !gap.is_zero() {
                    thread::sleep(gap);
                }
                if event.is_empty() {
                    continue;
                }
                let mut chunk = format!("{:x}\r\n", event.len()).into_bytes();
                chunk.extend_from_slice(event);
                chunk.extend_from_slice(b"\r\n");
                if writer.write_all(&chunk).is_err() || writer.flush().is_err() {
                    return false;
                }
            }
            match end {
                End::Clean => writer.write_all(b"0\r\n\r\n").is_ok(),
                End::Abort => {
                    let _ = writer.write_all(b"5\r\nda");
                    let _ = writer.shutdown(Shutdown::Both);
                    false
                }
                End::Stall => {
                    wait_for_close(reader);
                    false
                }
            }
        }
        Reply::Trickle { every } => {
            let head = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\
                        transfer-encoding: chunked\r\n\r\n";
            if writer.write_all(head.as_bytes()).is_err() {
                return false;
            }
            // SSE comment lines, a byte at a time; bounded, in case the
            // client never leaves.
            for byte in b":\n".iter().cycle().take(100_000) {
                let chunk = [b'1', b'\r', b'\n', *byte, b'\r', b'\n'];
                if writer.write_all(&chunk).is_err() || writer.flush().is_err() {
                    break;
                }
                thread::sleep(every);
            }
            false
        }
        Reply::Repeat {
            head,
            repeat,
            bytes,
            tail,
        } => {
            let start = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\
                         request-id: req_fake_0123456789\r\n\
                         transfer-encoding: chunked\r\n\r\n";
            // Many repeats to a chunk, so the server is not the slow side.
            let batch = repeat.repeat((64 * 1024 / repeat.len().max(1)).max(1));
            // A zero-length chunk would end the body: nothing for no data.
            let chunk = |data: &[u8]| {
                if data.is_empty() {
                    return Vec::new();
                }
                let mut chunk = format!("{:x}\r\n", data.len()).into_bytes();
                chunk.extend_from_slice(data);
                chunk.extend_from_slice(b"\r\n");
                chunk
            };
            if writer.write_all(start.as_bytes()).is_err()
                || writer.write_all(&chunk(&head)).is_err()
            {
                return false;
            }
            let batch_chunk = chunk(&batch);
            let mut sent = 0u64;
            while sent < bytes {
                if writer.write_all(&batch_chunk).is_err() {
                    return false;
                }
                sent = sent.saturating_add(batch.len() as u64);
            }
            writer.write_all(&chunk(&tail)).is_ok() && writer.write_all(b"0\r\n\r\n").is_ok()
        }
        Reply::Hang => {
            wait_for_close(reader);
            false
        }
        Reply::Close => {
            let _ = writer.shutdown(Shutdown::Both);
            false
        }
    }
}

/// Blocks until the client closes its side (it gave up, or exited).
fn wait_for_close(reader: &mut BufReader<TcpStream>) {
    let mut sink = [0u8; 1024];
    while matches!(reader.read(&mut sink), Ok(n) if n > 0) {}
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Payload Too Large",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        529 => "Overloaded",
        _ => "Status",
    }
}
