//! Test helpers: the fake server, a hermetic `claude` command, and small
//! assertions with readable failures.

pub mod files;
pub mod pty;
pub mod server;
pub mod tls;

use std::process::Output;

pub use files::{FileStore, StoredFile};
pub use server::{End, FakeServer, Gate, Recorded, Reply, fixture};

/// The API key tests use. Distinctive, so a leak is easy to spot.
pub const SECRET_KEY: &str = "sk-ant-api03-TESTSECRET-0123456789abcdef";

/// Where the runs of tests that name no data directory of their own are
/// kept: under the build's temporary directory, never the user's home
/// (which `dirs` finds even with HOME unset).
pub fn shared_data_home() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("data")
}

/// `claude` with an empty environment: no ANTHROPIC_* variables, no
/// NO_COLOR, no proxies from the developer's shell, a config directory
/// that does not exist (without HOME, claude would find the account's home
/// and the developer's own config file), and the run ledger in
/// [`shared_data_home`]. assert_cmd gives it a stdin pipe that is empty
/// unless the test writes to it.
pub fn claude() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("claude").expect("binary built");
    cmd.env_clear().env("XDG_CONFIG_HOME", NO_CONFIG);
    if let Some(path) = std::env::var_os("PATH") {
        cmd.env("PATH", path);
    }
    cmd.env("XDG_CACHE_HOME", own_cache_dir());
    cmd.env("XDG_DATA_HOME", shared_data_home());
    cmd
}

/// An absolute path where no config file is.
pub const NO_CONFIG: &str = "/nonexistent/claude-cli-test-config";

/// An upload cache directory no other command shares. Without one, the
/// platform's cache directory (found from the password file when HOME is
/// unset) would carry uploads from test to test, and into the real home.
fn own_cache_dir() -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    run_dir().join(format!("cache-{}", NEXT.fetch_add(1, Ordering::Relaxed)))
}

/// This test process's own directory under the build's temporary
/// directory, where every test directory goes. The test harness has no
/// hook at exit, so each run removes what earlier runs left instead: the
/// directories of processes that are no longer running.
fn run_dir() -> &'static std::path::Path {
    static RUN_DIR: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    RUN_DIR.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("runs");
        // Without /proc there is no telling which runs are over: keep them.
        let proc = std::path::Path::new("/proc");
        if proc.join("self").exists() {
            for entry in std::fs::read_dir(&root).into_iter().flatten().flatten() {
                if !proc.join(entry.file_name()).exists() {
                    let _ = std::fs::remove_dir_all(entry.path());
                }
            }
        }
        let dir = root.join(std::process::id().to_string());
        std::fs::create_dir_all(&dir).unwrap();
        dir
    })
}

/// `claude` pointed at `server`, with a key.
pub fn claude_at(server: &FakeServer) -> assert_cmd::Command {
    let mut cmd = claude();
    cmd.env("ANTHROPIC_BASE_URL", server.url())
        .env("ANTHROPIC_API_KEY", SECRET_KEY);
    cmd
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// stderr, without the note that an empty stdin was read: assert_cmd
/// always gives the command a stdin pipe, empty unless the test writes to
/// it, which is just what that note is for. `raw_stderr` keeps it.
pub fn stderr(output: &Output) -> String {
    raw_stderr(output).replace(EMPTY_STDIN_NOTE, "")
}

pub const EMPTY_STDIN_NOTE: &str =
    "claude: stdin was empty, so only the prompt and files are sent\n";

pub fn raw_stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts the exit code, showing both streams when it is wrong.
#[track_caller]
pub fn assert_exit(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "\n--- stdout\n{}\n--- stderr\n{}",
        stdout(output),
        stderr(output)
    );
}

/// The error line (`claude: error: …`) on stderr; there must be exactly one.
#[track_caller]
pub fn error_line(output: &Output) -> String {
    let text = stderr(output);
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("claude: error: "))
        .collect();
    assert_eq!(lines.len(), 1, "expected one error line in:\n{text}");
    lines[0].to_owned()
}

/// The path of the built binary, for tests that drive the process by hand.
pub fn binary() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("claude")
}

/// A `std::process::Command` for the binary, hermetic like [`claude`], for
/// tests that need to hold stdin open or read output as it arrives.
pub fn spawnable(server: &FakeServer) -> std::process::Command {
    let mut cmd = std::process::Command::new(binary());
    cmd.env_clear()
        .env("XDG_CONFIG_HOME", NO_CONFIG)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("XDG_CACHE_HOME", own_cache_dir())
        .env("XDG_DATA_HOME", shared_data_home())
        .env("ANTHROPIC_BASE_URL", server.url())
        .env("ANTHROPIC_API_KEY", SECRET_KEY);
    cmd
}

/// A body from the recorded basic message with another stop reason.
pub fn message_with_stop_reason(reason: &str) -> String {
    let mut message: serde_json::Value =
        serde_json::from_str(&fixture("message-basic-recorded.json")).unwrap();
    message["stop_reason"] = serde_json::Value::String(reason.to_owned());
    message.to_string()
}

/// The user turn's content as the server received it.
pub fn sent_content(request: &Recorded) -> serde_json::Value {
    request.json()["messages"][0]["content"].clone()
}

/// A fresh, empty directory for one test, removed by the next run.
pub fn tempdir(name: &str) -> std::path::PathBuf {
    let dir = run_dir().join(format!("{name}-{:?}", std::thread::current().id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Starts `claude ARGS` against `server` with no stdin and both outputs
/// piped, for tests that watch it while it runs.
pub fn spawn_piped(server: &FakeServer, args: &[&str]) -> std::process::Child {
    use std::process::Stdio;
    spawnable(server)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("claude starts")
}
