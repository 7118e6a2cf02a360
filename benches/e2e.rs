//! Benchmarks (a) and (c): whole-process runs against the in-process fake
//! server used by the tests.
//!
//! (a) `claude ask hi --no-stream` against `curl` making the same POST with
//!     the same headers and body: 30 alternating runs each, median ratio;
//!     claude runs with the run ledger on (written every run, after 200
//!     runs logged first) and with `--no-log`, so that the difference is
//!     what logging costs,
//!     in wall time and in CPU time (user+sys, from wait4: less swayed by
//!     other work on the machine).
//! (c) 30 MB piped into `claude ask --no-stream`, the most a request under
//!     the API's 32 MB limit can carry: wall time, and the peak RSS of the
//!     claude process (from wait4) against the input size.
//! (d) a 20 MB PDF attached with `-f`: the same figures; the body carries it
//!     in base64 (4/3 of its size).
//!
//! claude's ledger, config and cache are in a scratch directory of the bench,
//! removed at the end (never the user's). Run: `cargo bench --bench e2e`
//! (curl must be on PATH for (a)).
#![allow(unsafe_code)] // wait4(2), to read one child's peak RSS.

#[path = "support/measure.rs"]
mod measure;
#[path = "../tests/cli/support/server.rs"]
#[allow(dead_code)]
mod server;

use std::ffi::OsStr;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use measure::KEY;
use server::{FakeServer, Reply};

const RUNS: usize = 30;
/// Runs logged before (a) is measured: enough for the ledger's WAL to have
/// been emptied a few times, as on a machine that has used claude a while.
const LOGGED_BEFORE: usize = 200;

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
    for _ in 0..(RUNS * 3 + 3 + LOGGED_BEFORE) {
        server.push(Reply::message("message-basic-recorded.json"));
    }
    let url = format!("{}/v1/messages", server.url());
    let body = r#"{"max_tokens":4096,"messages":[{"role":"user","content":"hi"}],"model":"claude-sonnet-5"}"#;
    let base_url = server.url();
    let logged = ["--base-url", &base_url, "ask", "hi", "--no-stream"].map(OsStr::new);
    let mut unlogged = logged.to_vec();
    unlogged.push(OsStr::new("--no-log"));
    let mut curl = Command::new("curl");
    curl.args(["-sS", "-X", "POST", &url])
        .args(["-H", &format!("x-api-key: {KEY}")])
        .args(["-H", "anthropic-version: 2026-10-21"])
        .args(["-H", "content-type: application/json"])
        .args(["--data", body])
        .stdout(Stdio::null());
    let ours = |args: &[&OsStr]| {
        let run = measure::measure(args, None);
        assert_eq!(run.code, 0, "claude failed");
        (run.time.as_secs_f64(), run.cpu.as_secs_f64())
    };
    // The ledger's history first, one warm-up each, then alternate so
    // drift hits all three equally.
    for _ in 0..LOGGED_BEFORE {
        ours(&logged);
    }
    ours(&unlogged);
    timed(&mut curl);
    let (mut a, mut b, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    let (mut off, mut logging) = (Vec::new(), Vec::new());
    let (mut cpu_on, mut cpu_off, mut cpu_logging) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let (x, x_cpu) = ours(&logged);
        let (z, z_cpu) = ours(&unlogged);
        let y = timed(&mut curl).as_secs_f64();
        a.push(x);
        b.push(y);
        off.push(z);
        ratios.push(x / y);
        logging.push(x - z);
        cpu_on.push(x_cpu);
        cpu_off.push(z_cpu);
        cpu_logging.push(x_cpu - z_cpu);
    }
    let requests = server.requests();
    assert_eq!(
        requests[0].json(),
        requests[LOGGED_BEFORE + 1].json(),
        "both send the same body"
    );
    let ledger = measure::scratch().join("data/claude-cli/ledger.db");
    let store = claude_cli::ledger::Store::open_existing(&ledger)
        .expect("the ledger opens")
        .expect("the runs were logged");
    let logged_runs = store
        .list(&claude_cli::ledger::Filter::default(), usize::MAX)
        .expect("the ledger reads")
        .len();
    assert_eq!(logged_runs, LOGGED_BEFORE + RUNS, "one row a logged run");
    let mean = |values: &[f64]| values.iter().sum::<f64>() / values.len() as f64;
    println!(
        "(a) claude ask --no-stream (ledger on): median {:.2} ms; curl: median {:.2} ms; median ratio {:.2} over {RUNS} alternating runs",
        median(&mut a) * 1e3,
        median(&mut b) * 1e3,
        median(&mut ratios)
    );
    println!(
        "(a) the same with --no-log: median {:.2} ms; logging costs a median {:.2} ms a run (mean {:.2} ms), with {LOGGED_BEFORE} runs logged before",
        median(&mut off) * 1e3,
        median(&mut logging) * 1e3,
        mean(&logging) * 1e3
    );
    println!(
        "(a) CPU (user+sys): ledger on median {:.2} ms, --no-log {:.2} ms; logging costs a median {:.2} ms of CPU a run",
        median(&mut cpu_on) * 1e3,
        median(&mut cpu_off) * 1e3,
        median(&mut cpu_logging) * 1e3
    );
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
    let mut cpus = Vec::new();
    let mut peaks = Vec::new();
    for _ in 0..3 {
        let run = measure::measure(&args, Some(&path));
        assert_eq!(run.code, 0, "claude failed");
        times.push(run.time.as_secs_f64());
        cpus.push(run.cpu.as_secs_f64());
        peaks.push(run.peak_rss as f64);
    }
    let _ = std::fs::remove_file(&path);
    let sent = server.requests()[0].body.len();
    println!(
        "(c) {} MB on stdin -> {:.1} MB request body: median {:.0} ms (CPU {:.0} ms), peak RSS median {:.0} MB = {:.2}x the input",
        SIZE / (1024 * 1024),
        sent as f64 / (1024.0 * 1024.0),
        median(&mut times) * 1e3,
        median(&mut cpus) * 1e3,
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
    let mut cpus = Vec::new();
    let mut peaks = Vec::new();
    for _ in 0..3 {
        let run = measure::measure(&args, None);
        assert_eq!(run.code, 0, "claude failed");
        times.push(run.time.as_secs_f64());
        cpus.push(run.cpu.as_secs_f64());
        peaks.push(run.peak_rss as f64);
    }
    let _ = std::fs::remove_file(&path);
    let sent = server.requests()[0].body.len();
    println!(
        "(d) {} MB PDF -> {:.1} MB request body: median {:.0} ms (CPU {:.0} ms), peak RSS median {:.0} MB = {:.2}x the PDF",
        SIZE / (1024 * 1024),
        sent as f64 / (1024.0 * 1024.0),
        median(&mut times) * 1e3,
        median(&mut cpus) * 1e3,
        median(&mut peaks) / (1024.0 * 1024.0),
        median(&mut peaks) / SIZE as f64,
    );
}

fn main() {
    if measure::child_mode() {
        return;
    }
    measure::remove_scratch();
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
    measure::remove_scratch();
}
