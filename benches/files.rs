//! Files API benchmarks: whole-process runs against a local sink that
//! reads request bodies and drops them.
//!
//! (e) `claude files upload` of a 500 MB file against `curl -F file=@...`
//!     to the same sink: 3 alternating runs each; median times, the rate
//!     ratio, and claude's peak RSS (from wait4).
//! (f) `claude batch submit --upload --dry-run` of 10,000 prompts with one
//!     20 MB PDF: the request body's size, and the peak RSS against the
//!     target of 3x the prompts file plus 20 MB; once with the PDF not yet
//!     uploaded (a placeholder id) and once with it in the upload cache.
//!
//! Run: `cargo bench --bench files` (curl must be on PATH for (e)'s
//! comparison). It writes 520 MB of temporary files and removes them.
#![allow(unsafe_code)] // wait4(2), to read one child's peak RSS.

use std::ffi::OsString;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const KEY: &str = "sk-ant-bench";
const RUNS: usize = 3;
const MEASURE_ENV: &str = "CLAUDE_BENCH_MEASURE";
const CACHE_ENV: &str = "CLAUDE_BENCH_CACHE";

fn claude(cache: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claude"));
    cmd.env_clear()
        .env("ANTHROPIC_API_KEY", KEY)
        .env("XDG_CACHE_HOME", cache)
        .stdin(Stdio::null())
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

/// A server that answers every request with a file's metadata after
/// reading its body and dropping it: what an upload costs the client alone.
fn sink() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("binds");
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || serve(stream));
        }
    });
    url
}

fn serve(stream: TcpStream) {
    let mut writer = stream.try_clone().expect("clones");
    let mut reader = BufReader::with_capacity(256 * 1024, stream);
    loop {
        let mut length = 0u64;
        let mut expect_continue = false;
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        loop {
            line.clear();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let header = line.trim_end().to_ascii_lowercase();
            if header.is_empty() {
                break;
            }
            if let Some(value) = header.strip_prefix("content-length:") {
                length = value.trim().parse().unwrap_or(0);
            }
            if header == "expect: 100-continue" {
                expect_continue = true;
            }
        }
        if expect_continue && writer.write_all(b"HTTP/1.1 100 Continue\r\n\r\n").is_err() {
            return;
        }
        if std::io::copy(&mut (&mut reader).take(length), &mut std::io::sink()).is_err() {
            return;
        }
        let body = format!(
            r#"{{"id":"file_bench","type":"file","filename":"big.bin","mime_type":"application/octet-stream","size_bytes":{length},"created_at":"2026-11-22T01:34:07Z","downloadable":false}}"#
        );
        let head = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
            body.len()
        );
        if writer.write_all(head.as_bytes()).is_err() || writer.write_all(body.as_bytes()).is_err()
        {
            return;
        }
    }
}

/// Runs claude with `args` in a fresh copy of this bench, which waits for
/// it with wait4: Linux counts the spawning process's memory into a
/// vfork()ed child's peak RSS. Returns the wall time and peak RSS.
fn measure(cache: &Path, args: &[OsString]) -> (Duration, u64) {
    let out = Command::new(std::env::current_exe().expect("bench path"))
        .env(MEASURE_ENV, "1")
        .env(CACHE_ENV, cache)
        .arg("--")
        .args(args)
        .stderr(Stdio::inherit())
        .output()
        .expect("measurer runs");
    assert!(out.status.success(), "measurement failed");
    let text = String::from_utf8(out.stdout).unwrap();
    let mut fields = text.split_whitespace().map(|f| f.parse::<u64>().unwrap());
    let (nanos, peak) = (fields.next().unwrap(), fields.next().unwrap());
    (Duration::from_nanos(nanos), peak)
}

/// Measure mode: spawn claude with the arguments after `--`, wait for it
/// with wait4, print nanoseconds and peak RSS bytes.
// The child is reaped by wait4 below, which clippy cannot see.
#[allow(clippy::zombie_processes)]
fn measure_child() {
    let args: Vec<_> = std::env::args_os()
        .skip_while(|a| a != "--")
        .skip(1)
        .collect();
    let cache = PathBuf::from(std::env::var_os(CACHE_ENV).expect("a cache"));
    let started = Instant::now();
    let child = claude(&cache).args(&args).spawn().expect("spawns");
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

/// `size` bytes that do not compress, starting with `head`.
fn write_file(path: &Path, head: &[u8], size: usize) {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).expect("creates"));
    file.write_all(head).unwrap();
    let mut state = 0x2545_f491_u32;
    let mut written = head.len();
    let mut block = vec![0u8; 64 * 1024];
    while written < size {
        for chunk in block.chunks_mut(4) {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            chunk.copy_from_slice(&state.to_le_bytes());
        }
        let n = block.len().min(size - written);
        file.write_all(&block[..n]).unwrap();
        written += n;
    }
    file.flush().unwrap();
}

fn upload_versus_curl(dir: &Path) {
    const SIZE: usize = 500 * 1024 * 1024;
    let path = dir.join("big.bin");
    write_file(&path, b"", SIZE);
    let url = sink();
    let cache = dir.join("cache-upload");
    let args: Vec<OsString> = vec![
        "--base-url".into(),
        url.clone().into(),
        "files".into(),
        "upload".into(),
        path.clone().into(),
    ];
    let has_curl = Command::new("curl")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok();
    let mut curl = Command::new("curl");
    curl.args(["-sS", "-o", "/dev/null", "-X", "POST"])
        .arg(format!("{url}/v1/files"))
        .args(["-H", &format!("x-api-key: {KEY}")])
        .args(["-H", "anthropic-version: 2026-10-21"])
        .arg("-F")
        .arg(format!("file=@{}", path.display()))
        .stdout(Stdio::null());
    // One warm-up each (the file into the page cache), then alternate.
    measure(&cache, &args);
    let (mut ours, mut theirs, mut peaks) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let (time, peak) = measure(&cache, &args);
        ours.push(time.as_secs_f64());
        peaks.push(peak as f64);
        if has_curl {
            let started = Instant::now();
            assert!(curl.status().expect("curl runs").success());
            theirs.push(started.elapsed().as_secs_f64());
        }
    }
    let _ = std::fs::remove_file(&path);
    let mb = SIZE as f64 / (1024.0 * 1024.0);
    let ours = median(&mut ours);
    let peak = median(&mut peaks) / (1024.0 * 1024.0);
    if has_curl {
        let theirs = median(&mut theirs);
        println!(
            "(e) files upload, {mb:.0} MB: claude median {ours:.2} s ({:.0} MB/s), curl -F median \
             {theirs:.2} s ({:.0} MB/s), ratio {:.2}; claude peak RSS median {peak:.1} MB",
            mb / ours,
            mb / theirs,
            ours / theirs
        );
    } else {
        println!(
            "(e) files upload, {mb:.0} MB: claude median {ours:.2} s ({:.0} MB/s); peak RSS \
             median {peak:.1} MB; curl is not installed, no comparison",
            mb / ours
        );
    }
}

fn batch_with_a_shared_document(dir: &Path) {
    const PDF_SIZE: usize = 20 * 1024 * 1024;
    const PROMPTS: usize = 10_000;
    let pdf = dir.join("contract.pdf");
    write_file(
        &pdf,
        b"%PDF-1.7\n1 0 obj <</Type /Page>> endobj\n",
        PDF_SIZE,
    );
    let prompts = dir.join("prompts.txt");
    let text: String = (1..=PROMPTS)
        .map(|i| format!("Question {i}: what does clause {i} of the contract say about payment?\n"))
        .collect();
    std::fs::write(&prompts, &text).unwrap();
    let url = sink();
    let args: Vec<OsString> = vec![
        "--base-url".into(),
        url.clone().into(),
        "batch".into(),
        "submit".into(),
        "--dry-run".into(),
        "--upload".into(),
        "-f".into(),
        pdf.clone().into(),
        prompts.clone().into(),
    ];
    for (label, cache) in [
        ("not uploaded yet", dir.join("cache-empty")),
        ("in the upload cache", dir.join("cache-full")),
    ] {
        if label == "in the upload cache" {
            let status = claude(&cache)
                .args(["--base-url", &url, "files", "upload"])
                .arg(&pdf)
                .status()
                .unwrap();
            assert!(status.success());
        }
        let shown = claude(&cache)
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .output()
            .unwrap();
        assert!(shown.status.success());
        let body = String::from_utf8(shown.stdout).unwrap();
        let body = body.lines().last().unwrap().len();
        let mut peaks = Vec::new();
        let mut times = Vec::new();
        for _ in 0..RUNS {
            let (time, peak) = measure(&cache, &args);
            times.push(time.as_secs_f64());
            peaks.push(peak as f64);
        }
        let target = 3.0 * text.len() as f64 + PDF_SIZE as f64;
        let peak = median(&mut peaks);
        println!(
            "(f) batch submit --upload --dry-run, {PROMPTS} prompts ({:.2} MB) and a {} MB PDF \
             {label}: body {:.2} MB ({body} bytes), median {:.0} ms, peak RSS median {:.1} MB \
             (target {:.1} MB)",
            text.len() as f64 / (1024.0 * 1024.0),
            PDF_SIZE / (1024 * 1024),
            body as f64 / (1024.0 * 1024.0),
            median(&mut times) * 1e3,
            peak / (1024.0 * 1024.0),
            target / (1024.0 * 1024.0),
        );
    }
    let _ = std::fs::remove_file(&pdf);
}

fn main() {
    if std::env::var_os(MEASURE_ENV).is_some() {
        return measure_child();
    }
    let dir = std::env::temp_dir().join(format!("claude-bench-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    upload_versus_curl(&dir);
    batch_with_a_shared_document(&dir);
    let _ = std::fs::remove_dir_all(&dir);
}
