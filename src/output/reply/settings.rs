//! What a reply's rendering is told: the output format and what to show
//! (from the flags, the config file and the terminals), and the limits the
//! run was held to, which its notes name.

use crate::render;

/// What goes to stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The reply's text.
    Text,
    /// The whole Message as one JSON object.
    Json,
    /// Each raw stream event as one JSON line.
    StreamJson,
}

/// How to render a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutputSettings {
    pub format: Format,
    /// Print the reply as it arrives.
    pub stream: bool,
    /// The usage line on stderr after the reply.
    pub usage: bool,
    /// Thinking on stderr.
    pub show_thinking: bool,
    /// stderr is a terminal that takes colours: thinking is shown dim,
    /// under a `claude: thinking` label. Piped, it is plain text.
    pub thinking_styled: bool,
    /// One stderr line per server tool call and continuation, as it
    /// happens (on a terminal, or under `-v`).
    pub tool_calls: bool,
    /// In text format, cited text is marked `[n]` and a `Sources:` list
    /// follows the answer (off with `--no-sources`).
    pub sources: bool,
    /// Draw the text as Markdown with these options; `None` prints it as
    /// it came.
    pub markdown: Option<render::Options>,
}

/// The limits a run was held to, which the notes after its reply name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReplyLimits {
    /// `--max-tokens`, for the truncation note.
    pub max_tokens: u32,
    /// `--max-continuations`: a reply still paused ran out of them.
    pub max_continuations: u32,
    /// `--max-steps`: the model requests one run may make.
    pub max_steps: u32,
}
