//! What the targets that print a reply share (included with `#[path]`,
//! as each target is a binary of its own).

use claude_cli::output::ReplyLimits;
use claude_cli::render::{self, Theme};

/// Markdown drawing on for half the inputs, at a width of 1 to 128.
pub fn markdown(control: u8) -> Option<render::Options> {
    (control & 0x01 != 0).then_some(render::Options {
        theme: Theme::Dark,
        width: usize::from(control >> 1) + 1,
        hyperlinks: control & 0x02 != 0,
    })
}

pub const LIMITS: ReplyLimits = ReplyLimits {
    max_tokens: 4096,
    max_continuations: 5,
    max_steps: 10,
};
