//! Reading stdin once, whole, without ever hanging silently.
//!
//! A program that spawns `claude` may leave stdin open and never write to
//! it. We cannot tell that apart from a slow producer (`curl url | claude
//! ask`), so we never guess and drop input: we wait, and after a few silent
//! seconds we say so once, naming `--no-stdin`.

use std::io::{self, Read};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// Reads all of stdin. If neither a byte nor EOF arrives within
/// `hint_after`, `on_silence` runs once (on another thread) while the read
/// goes on.
pub fn read_stdin(
    hint_after: Duration,
    on_silence: impl FnOnce() + Send + 'static,
) -> io::Result<Vec<u8>> {
    let (first_byte, silence) = mpsc::channel::<()>();
    let watcher = thread::Builder::new()
        .name("claude-stdin-watch".into())
        .spawn(move || {
            if let Err(mpsc::RecvTimeoutError::Timeout) = silence.recv_timeout(hint_after) {
                on_silence();
            }
        })?;

    let mut stdin = io::stdin().lock();
    let mut buffer = Vec::new();
    let mut first = [0u8; 1];
    let read = loop {
        match stdin.read(&mut first) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => break other,
        }
    };
    drop(first_byte);
    let _ = watcher.join();
    if read? == 1 {
        buffer.push(first[0]);
        stdin.read_to_end(&mut buffer)?;
    }
    Ok(buffer)
}
