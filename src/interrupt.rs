//! Ctrl-C, SIGTERM and SIGHUP, handled alike.
//!
//! While a request is in flight the main thread waits on a channel, and a
//! subscriber registered here wakes it; the command then prints what has
//! arrived, closes the line, writes one note and exits 130 (Ctrl-C), 143
//! (SIGTERM) or 129 (SIGHUP). With no subscriber (reading stdin, say) or on
//! a second signal, the process exits at once with that code.

use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, mpsc};
use std::time::Duration;

/// A signal that ends the command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// SIGINT: Ctrl-C.
    Interrupt,
    /// SIGTERM: `kill`, a service manager, a CI job's timeout.
    Terminate,
    /// SIGHUP: the terminal went away.
    HangUp,
}

impl Signal {
    /// The shell's status for a command this signal ended: 128 + its number.
    pub fn exit_status(self) -> u8 {
        match self {
            Signal::Interrupt => 130,
            Signal::Terminate => 143,
            Signal::HangUp => 129,
        }
    }

    /// The note that tells what ended the command.
    pub fn describe(self) -> &'static str {
        match self {
            Signal::Interrupt => "interrupted",
            Signal::Terminate => "terminated",
            Signal::HangUp => "hung up",
        }
    }

    fn code(self) -> u8 {
        self as u8 + 1
    }

    fn from_code(code: u8) -> Option<Signal> {
        [Signal::Interrupt, Signal::Terminate, Signal::HangUp]
            .into_iter()
            .find(|signal| signal.code() == code)
    }
}

type Waker = Box<dyn Fn(Signal) + Send>;

static SUBSCRIBERS: Mutex<Vec<(u64, Waker)>> = Mutex::new(Vec::new());
static NEXT_ID: AtomicU64 = AtomicU64::new(0);
static PRESSES: AtomicUsize = AtomicUsize::new(0);
static REQUESTED: AtomicBool = AtomicBool::new(false);
/// The first signal since the last reset (0: none).
static RECEIVED: AtomicU8 = AtomicU8::new(0);

/// Installs the handlers. Call once, early.
pub fn install() -> anyhow::Result<()> {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
        std::thread::Builder::new()
            .name("claude-signals".into())
            .spawn(move || {
                for number in signals.forever() {
                    on_signal(match number {
                        SIGTERM => Signal::Terminate,
                        SIGHUP => Signal::HangUp,
                        _ => Signal::Interrupt,
                    });
                }
            })?;
    }
    #[cfg(not(unix))]
    ctrlc::set_handler(|| on_signal(Signal::Interrupt))?;
    Ok(())
}

fn on_signal(signal: Signal) {
    let _ = RECEIVED.compare_exchange(0, signal.code(), Ordering::SeqCst, Ordering::SeqCst);
    REQUESTED.store(true, Ordering::SeqCst);
    let first = PRESSES.fetch_add(1, Ordering::SeqCst) == 0;
    let subscribers = SUBSCRIBERS.lock().unwrap_or_else(|e| e.into_inner());
    match subscribers.last() {
        Some((_, wake)) if first => wake(signal),
        _ => exit_now(signal),
    }
}

/// Ends the process for `signal` at once, with its note and status.
pub fn exit_now(signal: Signal) -> ! {
    // Not eprintln!: a closed stderr must not panic here.
    let _ = writeln!(std::io::stderr(), "claude: {}", signal.describe());
    std::process::exit(i32::from(signal.exit_status()));
}

/// Whether a signal has arrived.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}

/// The first signal that arrived, if any.
pub fn received() -> Option<Signal> {
    Signal::from_code(RECEIVED.load(Ordering::SeqCst))
}

/// Forgets earlier signals, for a command that goes on after handling one
/// (the chat prompt after a cancelled reply).
pub fn reset() {
    PRESSES.store(0, Ordering::SeqCst);
    REQUESTED.store(false, Ordering::SeqCst);
    RECEIVED.store(0, Ordering::SeqCst);
}

/// Keeps a wake-up callback registered until dropped.
#[must_use = "the callback is unregistered when this is dropped"]
pub struct Subscription(u64);

/// Registers `wake` to be called on a signal instead of exiting.
pub fn subscribe(wake: impl Fn(Signal) + Send + 'static) -> Subscription {
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    SUBSCRIBERS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push((id, Box::new(wake)));
    Subscription(id)
}

impl Drop for Subscription {
    fn drop(&mut self) {
        SUBSCRIBERS
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|(id, _)| *id != self.0);
    }
}

/// A signal arrived while waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interrupted;

/// Sleeps for `duration`, or less if a signal arrives.
pub fn sleep(duration: Duration) -> Result<(), Interrupted> {
    if requested() {
        return Err(Interrupted);
    }
    let (tx, rx) = mpsc::channel::<()>();
    let _subscription = subscribe(move |_| {
        let _ = tx.send(());
    });
    match rx.recv_timeout(duration) {
        Ok(()) => Err(Interrupted),
        Err(_) if requested() => Err(Interrupted),
        Err(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_map_to_the_shell_statuses() {
        assert_eq!(Signal::Interrupt.exit_status(), 130);
        assert_eq!(Signal::Terminate.exit_status(), 143);
        assert_eq!(Signal::HangUp.exit_status(), 129);
        for signal in [Signal::Interrupt, Signal::Terminate, Signal::HangUp] {
            assert_eq!(Signal::from_code(signal.code()), Some(signal));
        }
        assert_eq!(Signal::from_code(0), None);
    }
}
