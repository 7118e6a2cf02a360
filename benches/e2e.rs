//! Benchmarks (a) and (c): whole-process runs against the in-process fake
//! server used by the tests.
//!
//! (a) `claude ask hi --no-stream` against `curl` making the same POST with
//!     the same headers and body: 30 alternating runs each, median ratio.
//! (c) 30 MB piped into `claude ask --no-stream`, the most a request under
//!     the API's 32 MB limit can carry: wall time, and the peak RSS of the
//!     claude process (from wait4) against the input size.
//! (d) a 20 MB PDF attached with `-f`: the same figures; the body carries it
//!     in base64 (4/3 of its size).
//!
//! Run: `cargo bench --bench e2e` (curl must be on PATH for (a)).
#![allow(unsafe_code)] // wait4(2), to read one child's peak RSS.

#[path = "../tests/cli/support/server.rs"]
#[allow(dead_code)]
mod server;

use std::ffi::OsStr;
use std::path::Path;
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

/// Runs claude with `args` (and `stdin` from a file, or none) and returns
/// its wall time and peak RSS in bytes.
///
/// The measuring is done by a fresh copy of this bench: Linux counts the
/// spawning process's memory into a vfork()ed child's peak RSS, and this
/// process holds the fake server's recorded requests.
fn measure(args: &[&OsStr], stdin: Option<&Path>) -> (Duration, u64) {
    let mut cmd = Command::new(std::env::current_exe().expect("bench path"));
    cmd.env(MEASURE_ENV, "1").arg("--").args(args);
    if let Some(stdin) = stdin {
        cmd.env(STDIN_ENV, stdin);
    }
    let out = cmd
        .stderr(Stdio::inherit())
        .output()
        .expect("measurer runs");
    assert!(out.status.success(), "measurement failed");
    let text = String::from_utf8(out.stdout).unwrap();
    let mut fields = text.split_whitespace().map(|f| f.parse::<u64>().unwrap());
    let (nanos, peak) = (fields.next().unwrap(), fields.next().unwrap());
    (Duration::from_nanos(nanos), peak)
}

const MEASURE_ENV: &str = "CLAUDE_BENCH_MEASURE";
const STDIN_ENV: &str = "CLAUDE_BENCH_STDIN";

/// Measure mode: spawn claude with the arguments after `--`, wait for it
/// with wait4, print nanoseconds and peak RSS bytes.
// The child is reaped by wait4 below, which clippy cannot see.
#[allow(clippy::zombie_processes)]
fn measure_child() {
    let args: Vec<_> = std::env::args_os()
        .skip_while(|a| a != "--")
        .skip(1)
        .collect();
    let stdin = match std::env::var_os(STDIN_ENV) {
        Some(path) => Stdio::from(std::fs::File::open(path).expect("stdin file")),
        None => Stdio::null(),
    };
    let started = Instant::now();
    let child = claude().args(&args).stdin(stdin).spawn().expect("spawns");
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
    println!("{} {}", elapsed.as_nanos(), usage.ru_maxrss as u64 * 1024);
}

fn large_stdin() {
    const SIZE: usize = 30 * 1024 * 1024;
    let line =
        "The quick brown fox jumps over the lazy dog; \"quoted\" text, tabs\tand unicode é.\n";
    let input = line.repeat(SIZE / line.len() + 1);
    let path = std::env::temp_dir().join(format!("claude-bench-{}.txt", std::process::id()));
    std::fs::write(&path, &input.as_bytes()[..SIZE]).expect("writes the input");
    drop(input);
    let server = FakeServer::start();
    for _ in 0..3 {
        server.push(Reply::message("message-basic-recorded.json"));
    }
    let url = server.url();
    let args = ["--base-url", &url, "ask", "--no-stream", "summarize"].map(OsStr::new);
    let mut times = Vec::new();
    let mut peaks = Vec::new();
    for _ in 0..3 {
        let (time, peak) = measure(&args, Some(&path));
        times.push(time.as_secs_f64());
        peaks.push(peak as f64);
    }
    let _ = std::fs::remove_file(&path);
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

fn large_pdf() {
    const SIZE: usize = 20 * 1024 * 1024;
    let mut pdf = b"%PDF-1.7\n1 0 obj <</Type /Page>> endobj\n".to_vec();
    // Incompressible-looking bytes, like a scanned PDF's image streams.
    let mut state = 0x2545_f491_u32;
    while pdf.len() < SIZE {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        pdf.extend_from_slice(&state.to_le_bytes());
    }
    pdf.truncate(SIZE);
    let path = std::env::temp_dir().join(format!("claude-bench-{}.pdf", std::process::id()));
    std::fs::write(&path, &pdf).expect("writes the PDF");
    let server = FakeServer::start();
    for _ in 0..3 {
        server.push(Reply::message("message-basic-recorded.json"));
    }
    let url = server.url();
    let args = [
        OsStr::new("--base-url"),
        OsStr::new(&url),
        OsStr::new("ask"),
        OsStr::new("--no-stream"),
        OsStr::new("-f"),
        path.as_os_str(),
        OsStr::new("summarize"),
    ];
    let mut times = Vec::new();
    let mut peaks = Vec::new();
    for _ in 0..3 {
        let (time, peak) = measure(&args, None);
        times.push(time.as_secs_f64());
        peaks.push(peak as f64);
    }
    let _ = std::fs::remove_file(&path);
    let sent = server.requests()[0].body.len();
    println!(
        "(d) {} MB PDF -> {:.1} MB request body: median {:.0} ms, peak RSS median {:.0} MB = {:.2}x the PDF",
        SIZE / (1024 * 1024),
        sent as f64 / (1024.0 * 1024.0),
        median(&mut times) * 1e3,
        median(&mut peaks) / (1024.0 * 1024.0),
        median(&mut peaks) / SIZE as f64,
    );
}

fn main() {
    if std::env::var_os(MEASURE_ENV).is_some() {
        return measure_child();
    }
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
    large_pdf();
}
