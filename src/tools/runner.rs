//! Runs one tool command: directly (never through a shell), in the current
//! directory, in a process group of its own, with the input as JSON on its
//! stdin and without the API's credentials in its environment.
//!
//! Everything it can do is bounded. Its stdout is kept up to a cap and the
//! rest read and counted, so a tool that prints gigabytes neither fills
//! memory nor blocks; its stderr likewise. A tool that never exits, or
//! waits on stdin forever, is killed with its whole process group when the
//! timeout passes or when the run is cancelled (Ctrl-C). Processes a tool
//! leaves behind in its group are killed when it exits, so a call never
//! outlives its result.

use std::io::{Read, Write};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Environment variables a tool never sees: the API's credentials (and
/// where the key file is), whatever else the tool is allowed.
pub const HIDDEN_VARIABLES: [&str; 3] = [
    "ANTHROPIC_API_KEY",
    "ANTHROPIC_AUTH_TOKEN",
    "ANTHROPIC_API_KEY_FILE",
];

/// Prefix of the MCP servers' bearer tokens, hidden as well.
pub const HIDDEN_PREFIX: &str = "CLAUDE_MCP_TOKEN_";

/// After the timeout (or a cancel) kills the group, how long its pipes may
/// stay open: a process that left the group can hold them forever.
const DRAIN_GRACE: Duration = Duration::from_secs(2);

/// What one run is held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub timeout: Duration,
    /// Bytes of stdout kept; the rest is counted and dropped.
    pub output_cap: usize,
    /// Bytes of stderr kept.
    pub stderr_cap: usize,
}

/// How a run ended.
#[derive(Debug)]
pub enum Ending {
    /// The command exited with this status.
    Exited(i32),
    /// The command was ended by this signal (not ours).
    Signaled(i32),
    /// The timeout passed; the process group was killed.
    TimedOut,
    /// The run was cancelled (Ctrl-C); the process group was killed.
    Cancelled,
    /// The command could not be started.
    NotStarted(std::io::Error),
}

/// What a stream carried: the first bytes, and how many there were.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Captured {
    pub bytes: Vec<u8>,
    pub total: u64,
}

impl Captured {
    /// More arrived than was kept.
    pub fn cut(&self) -> bool {
        self.total > self.bytes.len() as u64
    }
}

/// A finished run.
#[derive(Debug)]
pub struct Finished {
    pub ending: Ending,
    pub stdout: Captured,
    pub stderr: Captured,
    pub elapsed: Duration,
}

/// Cancels every run started with it, at once: each run's process group is
/// killed and the run reports [`Ending::Cancelled`]. Runs started after a
/// cancel do not start.
#[derive(Clone, Default)]
pub struct Cancel(Arc<CancelState>);

#[derive(Default)]
struct CancelState {
    cancelled: AtomicBool,
    runs: Mutex<Vec<Sender<Event>>>,
}

impl Cancel {
    pub fn cancel(&self) {
        self.0.cancelled.store(true, Ordering::SeqCst);
        let runs = self.0.runs.lock().unwrap_or_else(|e| e.into_inner());
        for run in runs.iter() {
            let _ = run.send(Event::Cancel);
        }
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.cancelled.load(Ordering::SeqCst)
    }

    fn register(&self, run: Sender<Event>) {
        self.0
            .runs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(run);
    }
}

/// What a run's watcher hears about.
enum Event {
    /// The command exited (or could not be waited for).
    Exited(std::io::Result<ExitStatus>),
    /// A stream reached its end.
    Drained,
    Cancel,
}

/// Runs `command` (program and arguments) with `input` on its stdin.
pub fn run(command: &[String], input: &[u8], limits: Limits, cancel: &Cancel) -> Finished {
    let started = Instant::now();
    let not_started = |error| Finished {
        ending: Ending::NotStarted(error),
        stdout: Captured::default(),
        stderr: Captured::default(),
        elapsed: started.elapsed(),
    };
    let Some((program, arguments)) = command.split_first() else {
        return not_started(std::io::Error::other("the command is empty"));
    };
    // Registered first: a cancel from here on reaches this run.
    let (events, heard) = mpsc::channel();
    cancel.register(events.clone());
    if cancel.is_cancelled() {
        return Finished {
            ending: Ending::Cancelled,
            ..not_started(std::io::Error::other("cancelled"))
        };
    }
    let mut child = match spawn(program, arguments) {
        Ok(child) => child,
        Err(error) => return not_started(error),
    };

    let stdout = Arc::new(Mutex::new(Captured::default()));
    let stderr = Arc::new(Mutex::new(Captured::default()));
    if let Some(pipe) = child.stdout.take() {
        drain(pipe, Arc::clone(&stdout), limits.output_cap, events.clone());
    }
    if let Some(pipe) = child.stderr.take() {
        drain(pipe, Arc::clone(&stderr), limits.stderr_cap, events.clone());
    }
    if let Some(mut pipe) = child.stdin.take() {
        let input = input.to_vec();
        // A tool that never reads its stdin must not hold up the run: the
        // write waits on its own thread, and ends when the group is killed.
        std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
    }
    let group = Group::new(&child);
    group.watch(child, events);

    let deadline = started + limits.timeout;
    let mut status = None;
    let mut open_streams = 2;
    let mut ending = None;
    let mut grace_until = None;
    while status.is_none() || open_streams > 0 {
        let until = grace_until.unwrap_or(deadline);
        let event = match heard.recv_timeout(until.saturating_duration_since(Instant::now())) {
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) if grace_until.is_none() => {
                ending.get_or_insert(Ending::TimedOut);
                group.kill();
                grace_until = Some(Instant::now() + DRAIN_GRACE);
                continue;
            }
            // Past the grace, or no sender left: what arrived is the result.
            Err(_) => break,
        };
        match event {
            Event::Exited(result) => status = Some(result),
            Event::Drained => open_streams -= 1,
            Event::Cancel if grace_until.is_none() => {
                ending.get_or_insert(Ending::Cancelled);
                group.kill();
                grace_until = Some(Instant::now() + DRAIN_GRACE);
            }
            Event::Cancel => {}
        }
    }
    let ending = ending.unwrap_or_else(|| match status {
        Some(Ok(status)) => ending_of(status),
        Some(Err(error)) => Ending::NotStarted(error),
        None => Ending::TimedOut,
    });
    let take = |captured: &Arc<Mutex<Captured>>| {
        std::mem::take(&mut *captured.lock().unwrap_or_else(|e| e.into_inner()))
    };
    Finished {
        ending,
        stdout: take(&stdout),
        stderr: take(&stderr),
        elapsed: started.elapsed(),
    }
}

/// Starts the command: its own process group (so that Ctrl-C on the
/// terminal reaches only `claude`, which then ends the tool on purpose),
/// stdin and the outputs piped, the credentials taken out of the
/// environment.
fn spawn(program: &str, arguments: &[String]) -> std::io::Result<Child> {
    let mut command = Command::new(program);
    command
        .args(arguments)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for name in HIDDEN_VARIABLES {
        command.env_remove(name);
    }
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with(HIDDEN_PREFIX) {
            command.env_remove(name);
        }
    }
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    command.spawn()
}

/// Reads a stream to its end on a thread of its own, keeping the first
/// `cap` bytes and counting the rest.
fn drain(
    mut pipe: impl Read + Send + 'static,
    into: Arc<Mutex<Captured>>,
    cap: usize,
    events: Sender<Event>,
) {
    std::thread::spawn(move || {
        let mut buffer = [0u8; 16 * 1024];
        loop {
            match pipe.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => {
                    let mut captured = into.lock().unwrap_or_else(|e| e.into_inner());
                    let room = cap.saturating_sub(captured.bytes.len()).min(n);
                    captured.bytes.extend_from_slice(&buffer[..room]);
                    captured.total = captured.total.saturating_add(n as u64);
                }
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => break,
            }
        }
        let _ = events.send(Event::Drained);
    });
}

#[cfg(unix)]
fn ending_of(status: ExitStatus) -> Ending {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => Ending::Exited(code),
        (None, Some(signal)) => Ending::Signaled(signal),
        (None, None) => Ending::Exited(-1),
    }
}

#[cfg(not(unix))]
fn ending_of(status: ExitStatus) -> Ending {
    Ending::Exited(status.code().unwrap_or(-1))
}

/// The tool's process group, killed as one.
///
/// The group's id is the tool's pid, which is free for reuse once the tool
/// is reaped. So the watcher sees the exit without reaping (`waitid` with
/// `WNOWAIT`), kills what the tool left in its group, and only then reaps;
/// a kill from the run holds the same lock and is skipped once reaped.
struct Group {
    #[cfg(unix)]
    pid: rustix::process::Pid,
    state: Arc<Mutex<Reaped>>,
}

#[derive(Default)]
struct Reaped {
    reaped: bool,
    /// Asked to kill before the watcher could (non-Unix: it polls this).
    #[cfg(not(unix))]
    kill: bool,
}

impl Group {
    fn new(child: &Child) -> Group {
        Group {
            #[cfg(unix)]
            pid: rustix::process::Pid::from_child(child),
            state: Arc::default(),
        }
    }

    #[cfg(unix)]
    fn kill(&self) {
        let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if !state.reaped {
            let _ = rustix::process::kill_process_group(self.pid, rustix::process::Signal::KILL);
        }
    }

    #[cfg(not(unix))]
    fn kill(&self) {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).kill = true;
    }

    /// Waits for the tool on a thread of its own and reports its exit.
    #[cfg(unix)]
    fn watch(&self, mut child: Child, events: Sender<Event>) {
        use rustix::process::{WaitId, WaitIdOptions, kill_process_group, waitid};
        let (pid, state) = (self.pid, Arc::clone(&self.state));
        std::thread::spawn(move || {
            let exited = loop {
                match waitid(
                    WaitId::Pid(pid),
                    WaitIdOptions::EXITED | WaitIdOptions::NOWAIT,
                ) {
                    Err(rustix::io::Errno::INTR) => continue,
                    other => break other,
                }
            };
            let mut state = state.lock().unwrap_or_else(|e| e.into_inner());
            if exited.is_ok() {
                // What the tool left running in its group ends with it.
                let _ = kill_process_group(pid, rustix::process::Signal::KILL);
            }
            let status = child.wait();
            state.reaped = true;
            drop(state);
            let _ = events.send(Event::Exited(status));
        });
    }

    /// Without process groups: polls the child, killing it when asked.
    #[cfg(not(unix))]
    fn watch(&self, mut child: Child, events: Sender<Event>) {
        let state = Arc::clone(&self.state);
        std::thread::spawn(move || {
            let status = loop {
                match child.try_wait() {
                    Ok(Some(status)) => break Ok(status),
                    Ok(None) => {}
                    Err(error) => break Err(error),
                }
                if state.lock().unwrap_or_else(|e| e.into_inner()).kill {
                    let _ = child.kill();
                }
                std::thread::sleep(Duration::from_millis(20));
            };
            state.lock().unwrap_or_else(|e| e.into_inner()).reaped = true;
            let _ = events.send(Event::Exited(status));
        });
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn limits(timeout: Duration) -> Limits {
        Limits {
            timeout,
            output_cap: 1000,
            stderr_cap: 100,
        }
    }

    fn sh(script: &str) -> Vec<String> {
        vec!["sh".into(), "-c".into(), script.into()]
    }

    fn run_sh(script: &str, input: &str, timeout: Duration) -> Finished {
        run(
            &sh(script),
            input.as_bytes(),
            limits(timeout),
            &Cancel::default(),
        )
    }

    #[test]
    fn input_on_stdin_output_kept_status_reported() {
        let done = run_sh(
            "cat; echo oops >&2; exit 3",
            "{\"a\":1}",
            Duration::from_secs(30),
        );
        assert!(
            matches!(done.ending, Ending::Exited(3)),
            "{:?}",
            done.ending
        );
        assert_eq!(done.stdout.bytes, b"{\"a\":1}");
        assert_eq!(done.stderr.bytes, b"oops\n");
        assert!(!done.stdout.cut());
    }

    #[test]
    fn output_past_the_cap_is_counted_not_kept() {
        let done = run_sh(
            "head -c 250000 /dev/zero; head -c 500 /dev/zero >&2",
            "",
            Duration::from_secs(30),
        );
        assert!(matches!(done.ending, Ending::Exited(0)));
        assert_eq!(done.stdout.bytes.len(), 1000);
        assert_eq!(done.stdout.total, 250_000);
        assert!(done.stdout.cut());
        assert_eq!((done.stderr.bytes.len(), done.stderr.total), (100, 500));
    }

    #[test]
    fn a_signal_is_reported() {
        let done = run_sh("kill -TERM $$", "", Duration::from_secs(30));
        assert!(
            matches!(done.ending, Ending::Signaled(15)),
            "{:?}",
            done.ending
        );
    }

    #[test]
    fn a_missing_program_does_not_start() {
        let done = run(
            &["/no/such/program".into()],
            b"",
            limits(Duration::from_secs(1)),
            &Cancel::default(),
        );
        assert!(matches!(done.ending, Ending::NotStarted(_)));
    }

    #[test]
    fn a_tool_that_never_ends_is_killed_at_the_timeout() {
        // Reads no stdin, prints forever, never exits.
        let started = Instant::now();
        let done = run_sh(
            "while :; do echo y; done",
            &"x".repeat(1 << 20),
            Duration::from_millis(300),
        );
        assert!(matches!(done.ending, Ending::TimedOut), "{:?}", done.ending);
        assert!(started.elapsed() < Duration::from_secs(30));
        assert_eq!(done.stdout.bytes.len(), 1000);
    }

    #[test]
    fn what_a_tool_leaves_in_its_group_ends_with_it() {
        // The background sleep holds stdout open; without the group kill
        // the run would wait for it.
        let started = Instant::now();
        let done = run_sh("sleep 600 & echo started", "", Duration::from_secs(60));
        assert!(
            matches!(done.ending, Ending::Exited(0)),
            "{:?}",
            done.ending
        );
        assert_eq!(done.stdout.bytes, b"started\n");
        assert!(started.elapsed() < Duration::from_secs(30));
    }

    #[test]
    fn a_cancel_kills_a_running_tool() {
        let cancel = Cancel::default();
        let running = {
            let cancel = cancel.clone();
            std::thread::spawn(move || {
                run(
                    &sh("sleep 600"),
                    b"",
                    limits(Duration::from_secs(600)),
                    &cancel,
                )
            })
        };
        let started = Instant::now();
        // Before or after the run registers, it ends cancelled.
        cancel.cancel();
        let done = running.join().unwrap();
        assert!(
            matches!(done.ending, Ending::Cancelled),
            "{:?}",
            done.ending
        );
        assert!(started.elapsed() < Duration::from_secs(30));
    }

    #[test]
    fn a_cancel_before_the_start_runs_nothing() {
        let cancel = Cancel::default();
        cancel.cancel();
        let done = run(
            &sh("echo ran"),
            b"",
            limits(Duration::from_secs(30)),
            &cancel,
        );
        assert!(matches!(done.ending, Ending::Cancelled));
        assert!(done.stdout.bytes.is_empty());
    }
}
