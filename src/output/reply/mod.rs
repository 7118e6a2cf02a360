//! Rendering a reply: live while it streams (text deltas flushed one by
//! one, or raw events as JSON lines) or whole at the end, plus the stderr
//! lines that tell a user or a script what happened.

use std::io::{self, Write};

use crate::api::types::ContentBlock;
use crate::api::{Message, Reply};
use crate::json_text;
use crate::render::Markdown;
use crate::tools::CallReport;

mod closable;
mod settings;
mod stream;

pub use settings::{Format, OutputSettings, ReplyLimits};

use closable::Closable;

use super::citations::Sources;
use super::notes::{notes, usage_line};
use super::server_tools;
use super::spinner::Spinner;
use super::tools;

/// Prints one reply to `out` (stdout) and `err` (stderr). A reply may be
/// the run of several requests (a paused turn and its continuations): each
/// request's events stream through it, and [`Renderer::finish`] ends the
/// whole run once.
pub struct Renderer<O: Write, E: Write> {
    out: Closable<O>,
    err: E,
    settings: OutputSettings,
    /// JSON is indented only for a terminal.
    pretty: bool,
    spinner: Option<Spinner>,
    /// Draws the text when it is rendered.
    markdown: Option<Markdown>,
    /// Reply text or events were written to `out`.
    wrote_output: bool,
    /// ... by the current request of the run: from then on it may not be
    /// retried, as the retry would print it twice.
    request_output: bool,
    /// The last text written ended with a newline (or nothing was written).
    at_line_start: bool,
    /// Thinking is being written to stderr and its line is still open.
    thinking_open: bool,
    /// Thinking was shown live, so `finish` need not print it again.
    thinking_shown: bool,
    /// The open thinking block has had its label.
    thinking_labeled: bool,
    /// stderr is a terminal, where Ctrl-C echoes `^C`.
    stderr_terminal: bool,
    /// What the text cited, numbered.
    sources: Sources,
    /// The caller needs no text from the reply, so text printed as it
    /// streams need not be kept (see [`Renderer::drop_printed_text`]).
    drop_printed_text: bool,
    /// Some of the reply's text was printed as it streamed.
    streamed_text: bool,
    /// A tool call was streamed: the text that follows it (the model's
    /// answer after the tool ran) starts on a line of its own.
    break_before_text: bool,
}

impl<O: Write, E: Write> Renderer<O, E> {
    pub fn new(
        out: O,
        err: E,
        settings: OutputSettings,
        pretty: bool,
        spinner: Option<Spinner>,
    ) -> Self {
        Renderer {
            out: Closable {
                inner: out,
                tolerate: false,
                closed: false,
            },
            err,
            settings,
            pretty,
            spinner,
            markdown: settings.markdown.map(Markdown::new),
            wrote_output: false,
            request_output: false,
            at_line_start: true,
            thinking_open: false,
            thinking_shown: false,
            thinking_labeled: false,
            stderr_terminal: false,
            sources: Sources::default(),
            drop_printed_text: false,
            streamed_text: false,
            break_before_text: false,
        }
    }

    /// The caller needs no more of the reply than its stop reason and
    /// usage: the text and thinking that stream mode prints as they come
    /// are then not kept in the Message too, and a reply of any length is
    /// read in flat memory. `-o json` prints the Message, so it keeps them.
    pub fn drop_printed_text(&mut self) {
        self.drop_printed_text = true;
    }

    /// Tells the renderer that stderr is a terminal.
    pub fn set_stderr_terminal(&mut self, terminal: bool) {
        self.stderr_terminal = terminal;
    }

    /// After Ctrl-C on a terminal, whose `^C` echo leaves the cursor on
    /// its line: before any of the reply was printed (which gets its line
    /// closed) or a spinner ran (which clears its line), the note that
    /// follows needs a fresh line.
    pub fn end_ctrl_c_echo(&mut self) -> io::Result<()> {
        if self.stderr_terminal
            && !self.wrote_output
            && self.spinner.is_none()
            && !self.thinking_open
        {
            self.err.write_all(b"\n")?;
        }
        Ok(())
    }

    /// When stdout is closed early (`| head -c1`), go on as if it were
    /// not, discarding the rest: the reply is still read to its end, so
    /// that a chat turn that was paid for is kept.
    pub fn keep_reading_if_stdout_closes(&mut self) {
        self.out.tolerate = true;
    }

    /// Whether stdout was closed under a renderer that keeps reading.
    pub fn stdout_closed(&self) -> bool {
        self.out.closed
    }

    /// A new request of the run begins: whether it printed anything (and so
    /// may not be retried) starts over.
    pub fn start_request(&mut self) {
        self.request_output = false;
    }

    fn mark_output(&mut self) {
        self.wrote_output = true;
        self.request_output = true;
    }

    /// Prints the complete reply (what streaming has not printed already),
    /// then the notes and the usage line.
    pub fn finish(&mut self, reply: &Reply, limits: ReplyLimits) -> io::Result<()> {
        self.finish_with(reply, limits, None)
    }

    /// [`Renderer::finish`] for a run stopped before its turn was finished
    /// (a tool not allowed, `--max-steps` spent): `why` is the one line
    /// that says so, in place of the stop reason's notes.
    pub fn finish_stopped(
        &mut self,
        reply: &Reply,
        limits: ReplyLimits,
        why: &str,
    ) -> io::Result<()> {
        self.finish_with(reply, limits, Some(why))
    }

    fn finish_with(
        &mut self,
        reply: &Reply,
        limits: ReplyLimits,
        why: Option<&str>,
    ) -> io::Result<()> {
        let message = &reply.message;
        self.stop_spinner();
        self.close_thinking()?;
        if self.settings.show_thinking && !self.thinking_shown {
            for thinking in message.thinking().filter(|t| !t.is_empty()) {
                self.write_thinking(thinking.trim_end())?;
                self.close_thinking()?;
            }
        }
        match self.settings.format {
            Format::Text => {
                if !self.settings.stream {
                    let text = self.text_of(message);
                    self.write_text(&text)?;
                }
                self.end_text()?;
            }
            Format::Json => match &reply.raw {
                // Not streamed: the body as the server sent it, on one line.
                Some(raw) if !self.pretty => {
                    self.out.write_all(&json_text::minify(raw))?;
                    self.out.write_all(b"\n")?;
                    self.mark_output();
                }
                _ => self.write_message(message)?,
            },
            Format::StreamJson => {}
        }
        self.out.flush()?;
        let notes = match why {
            Some(why) => vec![why.to_owned()],
            None => notes(message, self.settings.format, limits, self.streamed_text),
        };
        for line in notes {
            writeln!(self.err, "claude: {line}")?;
        }
        if self.settings.usage {
            writeln!(self.err, "claude: {}", usage_line(message))?;
        }
        self.err.flush()
    }

    /// After Ctrl-C or a failure: prints whatever part of the reply had
    /// arrived and was not on the screen yet, and ends the line, so that the
    /// error line that follows stands on its own.
    pub fn finish_partial(&mut self, partial: Option<&Message>) -> io::Result<()> {
        self.stop_spinner();
        self.close_thinking()?;
        if let Some(message) = partial {
            match self.settings.format {
                Format::Text if !self.settings.stream => {
                    let text = self.text_of(message);
                    self.write_text(&text)?;
                }
                Format::Json => self.write_message(message)?,
                _ => {}
            }
        }
        if self.settings.format == Format::Text {
            self.end_text()?;
        } else {
            self.end_markdown()?;
            self.end_line()?;
        }
        self.out.flush()
    }

    /// The server paused the turn and it is being continued: one line.
    pub fn note_continuing(&mut self, continuation: u32, limit: u32) -> io::Result<()> {
        if !self.settings.tool_calls {
            return Ok(());
        }
        self.stderr_line(&format!(
            "the server paused the turn; continuing it ({continuation} of {limit})"
        ))
    }

    /// A reply of the run arrived whole (not streamed): what the server
    /// did with its tools is told now, as streaming tells it block by block.
    pub fn reply_arrived(&mut self, reply: &Reply) -> io::Result<()> {
        if reply.raw.is_none() {
            return Ok(());
        }
        for block in &reply.message.content {
            self.show_block(block)?;
        }
        Ok(())
    }

    /// One line for a server tool call (when they are shown) or for a
    /// tool error (always).
    fn show_block(&mut self, block: &ContentBlock) -> io::Result<()> {
        if self.settings.tool_calls
            && let Some(line) = server_tools::call_line(block)
        {
            self.stderr_line(&line)?;
        }
        if let Some(note) = server_tools::error_note(block) {
            self.stderr_line(&note)?;
        }
        Ok(())
    }

    /// The model asks for local tools: what it wrote before is drawn now
    /// (rendering holds a line until its end), and its line ended where
    /// stderr shares the terminal, so that the questions and the calls'
    /// lines come after it, each on a line of its own.
    pub fn before_tools(&mut self) -> io::Result<()> {
        self.stop_spinner();
        self.close_thinking()?;
        if self.markdown.is_some() && self.wrote_output {
            self.end_markdown()?;
            // The paragraph is ended; the answer after the tools starts
            // on the line after theirs.
            self.break_before_text = false;
        }
        self.out.flush()?;
        self.end_line_before_stderr()
    }

    /// When the answer is mid-line on the terminal stderr shares, ends
    /// that line (on stderr, which is written next): the cursor is then at
    /// a line's start, where the answer goes on.
    fn end_line_before_stderr(&mut self) -> io::Result<()> {
        if !self.at_line_start && self.pretty && self.stderr_terminal {
            self.out.flush()?;
            self.err.write_all(b"\n")?;
            self.at_line_start = true;
        }
        Ok(())
    }

    /// Writes a `claude: …` line to stderr, past an open thinking line and
    /// without drawing over the spinner. When the answer is mid-line on the
    /// same terminal, the line starts on a fresh one.
    fn stderr_line(&mut self, line: &str) -> io::Result<()> {
        self.close_thinking()?;
        self.end_line_before_stderr()?;
        let line = crate::secrets::scrub(line);
        let err = &mut self.err;
        let mut write = || writeln!(err, "claude: {line}").and_then(|()| err.flush());
        match &self.spinner {
            Some(spinner) => spinner.suspend(write),
            None => write(),
        }
    }

    /// One local tool call, settled: its stderr line (always: every call
    /// is accounted for), and with `-o stream-json` its JSON line among the
    /// events.
    pub fn tool_run(&mut self, report: &CallReport) -> io::Result<()> {
        self.stop_spinner();
        if self.settings.format == Format::StreamJson {
            let line = tools::call_json(report).to_string();
            self.write_event_line(&crate::secrets::scrub(&line))?;
        }
        self.stderr_line(&tools::call_line(report))
    }

    /// Clears the spinner before an error line is printed.
    pub fn stop_spinner(&mut self) {
        if let Some(spinner) = self.spinner.take() {
            spinner.stop();
        }
    }

    fn write_text(&mut self, text: &str) -> io::Result<()> {
        if text.is_empty() {
            return Ok(());
        }
        self.stop_spinner();
        if std::mem::take(&mut self.break_before_text) && self.wrote_output {
            match &mut self.markdown {
                // A paragraph ends there.
                Some(markdown) => markdown.push("\n\n", &mut self.out)?,
                None if !self.at_line_start => self.out.write_all(b"\n")?,
                None => {}
            }
            self.at_line_start = true;
        }
        // Text held for rendering counts as printed: a failed stream is
        // then not retried, exactly as when it is printed raw, and the
        // held text is drawn before the error line.
        self.mark_output();
        if let Some(markdown) = &mut self.markdown {
            // Whole lines only: a rendered line always ends with its newline.
            return markdown.push(text, &mut self.out);
        }
        self.out.write_all(text.as_bytes())?;
        self.at_line_start = text.ends_with('\n');
        Ok(())
    }

    /// A whole message's text, with citation markers when sources are shown.
    fn text_of(&mut self, message: &Message) -> String {
        let cite = self.settings.sources;
        let sources = &mut self.sources;
        answer_text(message, |block| {
            if cite {
                sources.markers(block)
            } else {
                String::new()
            }
        })
    }

    /// Ends the answer's text: what rendering holds, the last line, and
    /// the Sources list of what it cited.
    fn end_text(&mut self) -> io::Result<()> {
        self.end_markdown()?;
        self.end_line()?;
        self.sources.write(&mut self.out)
    }

    /// Draws what rendering still holds: the last line, a table.
    fn end_markdown(&mut self) -> io::Result<()> {
        match &mut self.markdown {
            Some(markdown) => markdown.finish(&mut self.out),
            None => Ok(()),
        }
    }

    /// A trailing newline when the reply lacks one.
    fn end_line(&mut self) -> io::Result<()> {
        if !self.at_line_start {
            self.out.write_all(b"\n")?;
            self.at_line_start = true;
        }
        Ok(())
    }

    fn write_message(&mut self, message: &Message) -> io::Result<()> {
        if self.pretty {
            serde_json::to_writer_pretty(&mut self.out, message)?;
        } else {
            serde_json::to_writer(&mut self.out, message)?;
        }
        self.out.write_all(b"\n")?;
        self.mark_output();
        Ok(())
    }

    fn write_event_line(&mut self, raw: &str) -> io::Result<()> {
        let raw = raw.trim();
        if raw.contains(['\n', '\r']) {
            // Multi-line `data:` is legal SSE; one event must stay one line.
            let value: serde_json::Value = serde_json::from_str(raw).map_err(io::Error::other)?;
            serde_json::to_writer(&mut self.out, &value)?;
        } else {
            self.out.write_all(raw.as_bytes())?;
        }
        self.out.write_all(b"\n")?;
        self.out.flush()?;
        self.mark_output();
        Ok(())
    }

    fn write_thinking(&mut self, text: &str) -> io::Result<()> {
        if text.is_empty() {
            return Ok(());
        }
        if self.settings.thinking_styled {
            if !self.thinking_labeled {
                self.err.write_all(b"claude: thinking\n")?;
                self.thinking_labeled = true;
            }
            // Dim on and off around each piece, so that nothing else
            // written to stderr meanwhile is dimmed.
            write!(self.err, "\x1b[2m{text}\x1b[22m")?;
        } else {
            self.err.write_all(text.as_bytes())?;
        }
        self.err.flush()?;
        self.thinking_open = !text.ends_with('\n');
        self.thinking_shown = true;
        Ok(())
    }

    fn close_thinking(&mut self) -> io::Result<()> {
        if self.thinking_open {
            self.err.write_all(b"\n")?;
            self.thinking_open = false;
        }
        self.thinking_labeled = false;
        Ok(())
    }
}
/// The reply's text: its text blocks in order, each followed by what
/// `markers` gives it (its citation numbers), the text after a tool call
/// (the answer once the tool ran) starting on a line of its own.
pub(super) fn answer_text(
    message: &Message,
    mut markers: impl FnMut(&ContentBlock) -> String,
) -> String {
    let mut text = String::new();
    let mut after_tool = false;
    for block in &message.content {
        match block {
            ContentBlock::Text { text: piece, .. } => {
                if after_tool && !text.is_empty() && !text.ends_with('\n') {
                    text.push('\n');
                }
                after_tool = false;
                text.push_str(piece);
                text.push_str(&markers(block));
            }
            ContentBlock::ToolUse(_) => after_tool = true,
            _ => {}
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::StreamSink;

    fn message(json: &str) -> Message {
        serde_json::from_str(json).unwrap()
    }

    fn settings(format: Format, stream: bool) -> OutputSettings {
        OutputSettings {
            format,
            stream,
            usage: true,
            show_thinking: false,
            thinking_styled: false,
            tool_calls: false,
            sources: true,
            markdown: None,
        }
    }

    fn render(msg: &Message, settings: OutputSettings) -> (String, String) {
        let mut out = Vec::new();
        let mut err = Vec::new();
        let reply = Reply {
            message: msg.clone(),
            raw: None,
            request_id: None,
        };
        let limits = ReplyLimits {
            max_tokens: 100,
            max_continuations: 5,
            max_steps: 10,
        };
        Renderer::new(&mut out, &mut err, settings, false, None)
            .finish(&reply, limits)
            .unwrap();
        (
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    }

    #[test]
    fn text_gets_a_trailing_newline_once() {
        let m = message(
            r#"{"model":"claude-haiku-4-5","content":[{"type":"text","text":"hi"}],"stop_reason":"end_turn","usage":{"input_tokens":1000000,"output_tokens":0}}"#,
        );
        let (out, err) = render(&m, settings(Format::Text, false));
        assert_eq!(out, "hi\n");
        assert_eq!(
            err,
            "claude: usage: 1000000 input, 0 output, 0 cache-write, 0 cache-read tokens; $1.000000 (claude-haiku-4-5)\n"
        );
        let m = message(r#"{"model":"x","content":[{"type":"text","text":"hi\n"}]}"#);
        assert_eq!(render(&m, settings(Format::Text, false)).0, "hi\n");
    }

    #[test]
    fn truncation_is_noted_in_every_format() {
        let m = message(
            r#"{"model":"x","content":[{"type":"text","text":"par"}],"stop_reason":"max_tokens"}"#,
        );
        for format in [Format::Text, Format::Json, Format::StreamJson] {
            let (_, err) = render(&m, settings(format, format == Format::StreamJson));
            assert!(err.contains("max_tokens limit (100)"), "{format:?}: {err}");
            assert!(err.contains("cost unknown"));
        }
    }

    #[test]
    fn a_reply_without_text_is_never_silent() {
        let m = message(
            r#"{"model":"x","content":[{"type":"thinking","thinking":"hm","signature":"s"}],"stop_reason":"end_turn"}"#,
        );
        let (out, err) = render(&m, settings(Format::Text, false));
        assert_eq!(out, "");
        assert!(
            err.contains("the reply has no text (stop_reason: end_turn)"),
            "{err}"
        );
    }

    #[test]
    fn json_is_the_message() {
        let raw = include_str!("../../../tests/fixtures/message-basic-recorded.json");
        let m = message(raw);
        let (out, _) = render(&m, settings(Format::Json, false));
        let printed: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(
            printed,
            serde_json::from_str::<serde_json::Value>(raw).unwrap()
        );
        assert_eq!(out.lines().count(), 1);
    }

    #[test]
    fn a_turn_still_paused_says_so_in_one_line_in_every_format() {
        let m = message(
            r#"{"model":"x","content":[{"type":"server_tool_use","id":"s","name":"web_search","input":{}}],"stop_reason":"pause_turn"}"#,
        );
        for format in [Format::Text, Format::Json, Format::StreamJson] {
            let (_, err) = render(&m, settings(format, false));
            let notes: Vec<&str> = err
                .lines()
                .filter(|l| !l.starts_with("claude: usage:"))
                .collect();
            assert_eq!(
                notes,
                [
                    "claude: the turn is not finished: the server paused it again and \
                  --max-continuations (5) is spent; raise it to let the server go on"
                ],
                "{format:?}"
            );
        }
    }

    #[test]
    fn printed_text_is_dropped_only_where_asked_and_already_printed() {
        let keeps = |format, stream, drop| {
            let mut renderer = Renderer::new(
                Vec::new(),
                Vec::new(),
                settings(format, stream),
                false,
                None,
            );
            if drop {
                renderer.drop_printed_text();
            }
            renderer.keeps_text()
        };
        assert!(keeps(Format::Text, true, false));
        assert!(!keeps(Format::Text, true, true));
        assert!(!keeps(Format::StreamJson, true, true));
        assert!(keeps(Format::Text, false, true), "printed at the end");
        assert!(
            keeps(Format::Json, true, true),
            "-o json prints the Message"
        );
    }
}
