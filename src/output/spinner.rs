//! A spinner on stderr while a whole reply is awaited. Only ever created
//! when stderr is a terminal that accepts escape codes.

use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A handle to the spinner; clones share it.
#[derive(Clone)]
pub struct Spinner(ProgressBar);

impl Spinner {
    pub fn start(message: String) -> Spinner {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.set_message(message);
        bar.enable_steady_tick(Duration::from_millis(100));
        Spinner(bar)
    }

    /// Clears the spinner for good.
    pub fn stop(&self) {
        self.0.finish_and_clear();
    }

    /// Runs `write` with the spinner hidden, so a stderr line written
    /// meanwhile is not drawn over.
    pub fn suspend<R>(&self, write: impl FnOnce() -> R) -> R {
        self.0.suspend(write)
    }
}
