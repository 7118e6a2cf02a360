//! A spinner on stderr while a whole reply is awaited. Only ever created
//! when stderr is a terminal that accepts escape codes.
//!
//! Drawn here rather than by indicatif, which pads its last line to the
//! terminal's full width so that the cursor waits at the right edge: the
//! `^C` the terminal echoes on Ctrl-C (or a key typed meanwhile) then
//! wraps to a new line, and clearing the spinner's line leaves the spinner
//! on screen above it. This one ends its line where its text ends, so an
//! echo lands on the same line and goes with it.

use std::io::Write;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use unicode_width::UnicodeWidthChar;

/// How often the spinner turns.
const TICK: Duration = Duration::from_millis(100);

/// Its frames, as indicatif's default spinner draws them.
const FRAMES: [char; 8] = ['⠁', '⠂', '⠄', '⡀', '⢀', '⠠', '⠐', '⠈'];

/// Erases the line the cursor is on, and goes to its start.
const CLEAR_LINE: &str = "\r\x1b[2K";

/// A handle to the spinner; clones share it. It is cleared when stopped,
/// and when the last handle goes (an interrupted command, say).
#[derive(Clone)]
pub struct Spinner(Arc<Handle>);

struct Handle(Arc<Shared>);

struct Shared {
    state: Mutex<State>,
    wake: Condvar,
}

struct State {
    message: String,
    started: Instant,
    frame: usize,
    /// The spinner's line is on screen.
    drawn: bool,
    stopped: bool,
}

impl Spinner {
    pub fn start(message: String) -> Spinner {
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                message,
                started: Instant::now(),
                frame: 0,
                drawn: false,
                stopped: false,
            }),
            wake: Condvar::new(),
        });
        let ticker = Arc::clone(&shared);
        // A spinner that cannot get a thread is not worth failing for.
        let _ = std::thread::Builder::new()
            .name("claude-spinner".into())
            .spawn(move || ticker.run());
        Spinner(Arc::new(Handle(shared)))
    }

    /// Clears the spinner for good.
    pub fn stop(&self) {
        self.0.0.stop();
    }

    /// Runs `write` with the spinner hidden, so a stderr line written
    /// meanwhile is not drawn over.
    pub fn suspend<R>(&self, write: impl FnOnce() -> R) -> R {
        let mut state = self.0.0.lock();
        state.clear();
        let result = write();
        if !state.stopped {
            state.draw();
        }
        result
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        self.0.stop();
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn stop(&self) {
        let mut state = self.lock();
        state.stopped = true;
        state.clear();
        self.wake.notify_all();
    }

    /// Draws a frame every tick until stopped.
    fn run(&self) {
        let mut state = self.lock();
        while !state.stopped {
            state.draw();
            state.frame = (state.frame + 1) % FRAMES.len();
            state = self
                .wake
                .wait_timeout(state, TICK)
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .0;
        }
    }
}

impl State {
    fn draw(&mut self) {
        let columns = terminal_size::terminal_size_of(std::io::stderr())
            .map_or(80, |(terminal_size::Width(columns), _)| {
                usize::from(columns)
            });
        let line = format!(
            "{} {} {}",
            FRAMES[self.frame],
            self.message,
            elapsed(self.started.elapsed())
        );
        // Short of the last column, so the line never wraps.
        let line = fit(&line, columns.saturating_sub(1));
        let mut stderr = std::io::stderr().lock();
        let _ = write!(stderr, "{CLEAR_LINE}{line}");
        let _ = stderr.flush();
        self.drawn = true;
    }

    fn clear(&mut self) {
        if std::mem::take(&mut self.drawn) {
            let mut stderr = std::io::stderr().lock();
            let _ = stderr.write_all(CLEAR_LINE.as_bytes());
            let _ = stderr.flush();
        }
    }
}

/// `3s`, `2m 05s`.
fn elapsed(time: Duration) -> String {
    let seconds = time.as_secs();
    if seconds < 60 {
        format!("{seconds}s")
    } else {
        format!("{}m {:02}s", seconds / 60, seconds % 60)
    }
}

/// The start of `line` that takes at most `columns` columns.
fn fit(line: &str, columns: usize) -> &str {
    let mut used = 0;
    for (at, c) in line.char_indices() {
        used += c.width().unwrap_or(0);
        if used > columns {
            return &line[..at];
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_cut_to_the_columns_they_may_take() {
        assert_eq!(fit("⠁ waiting for claude-sonnet-5 0s", 9), "⠁ waiting");
        assert_eq!(fit("abc", 10), "abc");
        assert_eq!(fit("漢字", 3), "漢");
        assert_eq!(fit("x", 0), "");
    }

    #[test]
    fn elapsed_time_reads_as_minutes_past_a_minute() {
        assert_eq!(elapsed(Duration::from_millis(900)), "0s");
        assert_eq!(elapsed(Duration::from_secs(59)), "59s");
        assert_eq!(elapsed(Duration::from_secs(125)), "2m 05s");
    }
}
