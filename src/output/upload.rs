//! The progress bar of an upload: bytes sent of the body, on stderr, only
//! when stderr is a terminal that takes escape codes.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// One upload's bar; invisible when it is not to be drawn.
pub struct UploadProgress {
    bar: ProgressBar,
}

impl UploadProgress {
    pub fn new(visible: bool, name: &str, len: u64) -> UploadProgress {
        let target = if visible {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(Some(len), target);
        bar.set_style(
            ProgressStyle::with_template(
                "uploading {msg} {bytes}/{total_bytes} {wide_bar} {binary_bytes_per_sec} {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar.set_message(crate::api::one_line(name));
        // Drawn at once: a small file is sent before any update comes.
        bar.tick();
        UploadProgress { bar }
    }

    /// `sent` bytes of the body have gone out (from zero again on a retry).
    pub fn set(&self, sent: u64) {
        self.bar.set_position(sent);
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
