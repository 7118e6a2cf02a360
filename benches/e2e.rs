//! Benchmarks (a) and (c): whole-process runs against the in-process fake
//! server used by the tests.
//!
//! (a) `claude ask hi --no-stream` against `curl` making the same POST with
//!     the same headers and body: 30 alternating runs each, median ratio.
//! (c) 100 MB piped into `claude ask --no-stream`: wall time, and the peak
//!     RSS of the claude process (from wait4) against the input size.
//!
//! Run: `cargo bench --bench e2e` (curl must be on PATH for (a)).
#![allow(unsafe_code)] // wait4(2), to read one child's peak RSS.

#[path = "../tests/cli/support/server.rs"]
#[allow(dead_code)]
mod server;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use server::{FakeServer, Reply};

const KEY: &str = "sk-ant-bench";
const RUNS: usize = 30;

fn claude() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claude"));
    cmd.env_clear()
        .env("ANTHROPIC_API_KEY", KEY)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
    cmd
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    }
}

fn timed(cmd: &mut Command) -> Duration {
    let started = Instant::now();
    let status = cmd.status().expect("runs");
    let elapsed = started.elapsed();
    assert!(status.success(), "{cmd:?} failed: {status}");
    elapsed
}

fn startup_versus_curl() {
    let server = FakeServer::start();
    for _ in 0..(RUNS * 2 + 2) {
        server.push(Reply::message("message-basic-recorded.json"));
    }
    let url = format!("{}/v1/messages", server.url());
    let body = r#"{"max_tokens":4096,"messages":[{"role":"user","content":"hi"}],"model":"claude-sonnet-5"}"#;
    let mut ours = claude();
    ours.args(["--base-url", &server.url(), "ask", "hi", "--no-stream"])
        .stdin(Stdio::null());
    let mut curl = Command::new("curl");
    curl.args(["-sS", "-X", "POST", &url])
        .args(["-H", &format!("x-api-key: {KEY}")])
        .args(["-H", "anthropic-version: 2026-10-21"])
        .args(["-H", "content-type: application/json"])
        .args(["--data", body])
        .stdout(Stdio::null());
    // One warm-up each, then alternate so drift hits both equally.
    timed(&mut ours);
    timed(&mut curl);
    let (mut a, mut b, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let x = timed(&mut ours).as_secs_f64();
        let y = timed(&mut curl).as_secs_f64();
        a.push(x);
        b.push(y);
        ratios.push(x / y);
    }
    let requests = server.requests();
    assert_eq!(
        requests[0].json(),
        requests[1].json(),
        "both send the same body"
    );
    println!(
        "(a) claude ask --no-stream: median {:.2} ms; curl: median {:.2} ms; median ratio {:.2} over {RUNS} alternating runs",
        median(&mut a) * 1e3,
        median(&mut b) * 1e3,
        median(&mut ratios)
    );
}

/// Runs `cmd` with `input` piped to its stdin; returns wall time and the
/// child's peak RSS in bytes.
// The child is reaped by wait4 below, which clippy cannot see.
#[allow(clippy::zombie_processes)]
fn run_with_stdin(cmd: &mut Command, input: &'static [u8]) -> (Duration, u64) {
    let started = Instant::now();
    let mut child = cmd.stdin(Stdio::piped()).spawn().expect("spawns");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        stdin.write_all(input).expect("writes stdin");
    });
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data that wait4 fills in; pid is our child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let elapsed = started.elapsed();
    assert_eq!(waited, pid);
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "claude failed: {status}"
    );
    writer.join().unwrap();
    (elapsed, usage.ru_maxrss as u64 * 1024)
}

fn large_stdin() {
    const SIZE: usize = 100 * 1024 * 1024;
    let line =
        "The quick brown fox jumps over the lazy dog; \"quoted\" text, tabs\tand unicode é.\n";
    let input: &'static [u8] = line.repeat(SIZE / line.len() + 1).as_bytes()[..SIZE]
        .to_vec()
        .leak();
    let server = FakeServer::start();
    for _ in 0..3 {
        server.push(Reply::message("message-basic-recorded.json"));
    }
    let mut cmd = claude();
    cmd.args([
        "--base-url",
        &server.url(),
        "ask",
        "--no-stream",
        "summarize",
    ]);
    let mut times = Vec::new();
    let mut peaks = Vec::new();
    for _ in 0..3 {
        let (time, peak) = run_with_stdin(&mut cmd, input);
        times.push(time.as_secs_f64());
        peaks.push(peak as f64);
    }
    let sent = server.requests()[0].body.len();
    println!(
        "(c) {} MB on stdin -> {:.1} MB request body: median {:.0} ms, peak RSS median {:.0} MB = {:.2}x the input",
        SIZE / (1024 * 1024),
        sent as f64 / (1024.0 * 1024.0),
        median(&mut times) * 1e3,
        median(&mut peaks) / (1024.0 * 1024.0),
        median(&mut peaks) / SIZE as f64,
    );
}

fn main() {
    if Command::new("curl")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok()
    {
        startup_versus_curl();
    } else {
        println!("(a) skipped: curl is not installed");
    }
    large_stdin();
}
