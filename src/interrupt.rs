//! Ctrl-C.
//!
//! While a request is in flight the main thread waits on a channel, and a
//! subscriber registered here wakes it with an "interrupted" message; the
//! command then prints what has arrived and exits 130. With no subscriber
//! (reading stdin, say) or on a second Ctrl-C, the process exits 130 at once.

use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, mpsc};
use std::time::Duration;

type Waker = Box<dyn Fn() + Send>;

static SUBSCRIBERS: Mutex<Vec<(u64, Waker)>> = Mutex::new(Vec::new());
static NEXT_ID: AtomicU64 = AtomicU64::new(0);
static PRESSES: AtomicUsize = AtomicUsize::new(0);
static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Installs the SIGINT handler. Call once, early.
pub fn install() -> anyhow::Result<()> {
    ctrlc::set_handler(on_signal)?;
    Ok(())
}

fn on_signal() {
    REQUESTED.store(true, Ordering::SeqCst);
    let first = PRESSES.fetch_add(1, Ordering::SeqCst) == 0;
    let subscribers = SUBSCRIBERS.lock().unwrap_or_else(|e| e.into_inner());
    match subscribers.last() {
        Some((_, wake)) if first => wake(),
        _ => {
            // Not eprintln!: a closed stderr must not kill this thread.
            let _ = writeln!(std::io::stderr(), "claude: interrupted");
            std::process::exit(130);
        }
    }
}

/// Whether Ctrl-C has been pressed.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}

/// Forgets earlier presses, for a command that goes on after handling one
/// (the chat prompt after a cancelled reply).
pub fn reset() {
    PRESSES.store(0, Ordering::SeqCst);
    REQUESTED.store(false, Ordering::SeqCst);
}

/// Keeps a wake-up callback registered until dropped.
#[must_use = "the callback is unregistered when this is dropped"]
pub struct Subscription(u64);

/// Registers `wake` to be called on Ctrl-C instead of exiting.
pub fn subscribe(wake: impl Fn() + Send + 'static) -> Subscription {
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

/// Ctrl-C arrived while waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interrupted;

/// Sleeps for `duration`, or less if Ctrl-C is pressed.
pub fn sleep(duration: Duration) -> Result<(), Interrupted> {
    if requested() {
        return Err(Interrupted);
    }
    let (tx, rx) = mpsc::channel::<()>();
    let _subscription = subscribe(move || {
        let _ = tx.send(());
    });
    match rx.recv_timeout(duration) {
        Ok(()) => Err(Interrupted),
        Err(_) if requested() => Err(Interrupted),
        Err(_) => Ok(()),
    }
}
