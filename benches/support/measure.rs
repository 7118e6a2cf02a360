//! Whole-process measurements for the benches: one claude run's wall time,
//! peak RSS (from wait4) and exit code.
//!
//! The measuring is done by a fresh copy of the bench binary: Linux counts
//! the spawning process's memory into a vfork()ed child's peak RSS, and the
//! bench process holds the fake server. A bench calls [`child_mode`] first
//! thing in `main`.
//!
//! `CLAUDE_BENCH_BIN` runs another claude binary (an older build, to compare
//! before and after a change) instead of the one cargo built.
//!
//! The claude under test keeps its data, config and cache in a scratch
//! directory of the bench run, never the user's: a bench that calls this
//! module removes it at the end with [`remove_scratch`].

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub const KEY: &str = "sk-ant-bench";
const MEASURE_ENV: &str = "CLAUDE_BENCH_MEASURE";
const STDIN_ENV: &str = "CLAUDE_BENCH_STDIN";
/// The scratch directory, handed to the measuring copy of the bench.
const SCRATCH_ENV: &str = "CLAUDE_BENCH_SCRATCH";

/// The bench run's scratch directory (see the module's doc).
pub fn scratch() -> PathBuf {
    std::env::var_os(SCRATCH_ENV)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            std::env::temp_dir().join(format!("claude-bench-scratch-{}", std::process::id()))
        })
}

/// Removes the scratch directory, with the ledger the runs wrote.
pub fn remove_scratch() {
    let _ = std::fs::remove_dir_all(scratch());
}

/// The claude under test, with only a key in its environment, and its
/// data (the run ledger), config and cache in the scratch directory.
pub fn claude() -> Command {
    let binary = std::env::var_os("CLAUDE_BENCH_BIN")
        .unwrap_or_else(|| OsString::from(env!("CARGO_BIN_EXE_claude")));
    let scratch = scratch();
    let mut cmd = Command::new(binary);
    cmd.env_clear()
        .env("ANTHROPIC_API_KEY", KEY)
        .env("XDG_DATA_HOME", scratch.join("data"))
        .env("XDG_CONFIG_HOME", scratch.join("config"))
        .env("XDG_CACHE_HOME", scratch.join("cache"))
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// One measured run.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    pub time: Duration,
    /// User and system CPU time: less swayed by other work on the machine.
    pub cpu: Duration,
    pub peak_rss: u64,
    /// The exit code, or 128 + the signal that ended it.
    pub code: i32,
}

/// Runs claude with `args` (and `stdin` from a file, or none).
pub fn measure(args: &[&OsStr], stdin: Option<&Path>) -> Run {
    let mut cmd = Command::new(std::env::current_exe().expect("bench path"));
    cmd.env(MEASURE_ENV, "1")
        .env(SCRATCH_ENV, scratch())
        .arg("--")
        .args(args);
    if let Some(stdin) = stdin {
        cmd.env(STDIN_ENV, stdin);
    }
    let out = cmd
        .stderr(Stdio::inherit())
        .output()
        .expect("measurer runs");
    assert!(out.status.success(), "measurement failed");
    let text = String::from_utf8(out.stdout).unwrap();
    let fields: Vec<i64> = text
        .split_whitespace()
        .map(|f| f.parse().unwrap())
        .collect();
    Run {
        time: Duration::from_nanos(fields[0] as u64),
        cpu: Duration::from_micros(fields[3] as u64),
        peak_rss: fields[1] as u64,
        code: fields[2] as i32,
    }
}

/// In measure mode (the fresh copy of the bench), runs claude with the
/// arguments after `--`, waits for it with wait4, prints nanoseconds, peak
/// RSS bytes, the exit code and CPU microseconds, and returns true.
// The child is reaped by wait4 below, which clippy cannot see.
#[allow(clippy::zombie_processes)]
pub fn child_mode() -> bool {
    if std::env::var_os(MEASURE_ENV).is_none() {
        return false;
    }
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
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        128 + libc::WTERMSIG(status)
    };
    let micros = |t: libc::timeval| t.tv_sec * 1_000_000 + t.tv_usec;
    println!(
        "{} {} {code} {}",
        elapsed.as_nanos(),
        usage.ru_maxrss as u64 * 1024,
        micros(usage.ru_utime) + micros(usage.ru_stime)
    );
    true
}
