//! The conversation driver: the one "send, accumulate, decide" step that
//! `ask`, `vision` and `chat` use for a turn.
//!
//! A turn may take several requests. When a reply stops with `pause_turn`
//! (the server paused a long server-tool turn), the driver sends the request
//! again with the paused content as the last assistant turn, byte for byte
//! as the server wrote it, and goes on, up to `--max-continuations` times.
//! Every request's events stream through the one [`Renderer`], so the
//! answer reads as one, and the parts are gathered into one [`Run`]: the
//! final reply holding the content of every part in order, with the usage
//! of every request added up.
//!
//! Every request is shown to a [`RequestHook`] before it is sent, which may
//! refuse it, and when it ends, however it ended: the place for a budget
//! check and a run ledger to plug in. Whether a reply asks for another
//! request is decided in one place, [`next_step`].

use std::io::Write;
use std::time::{Duration, Instant, SystemTime};

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::api::types::{
    ContentBlock, InputContent, InputMessage, MessageRequest, RawContent, Role, Usage,
};
use crate::api::{self, Client, Observer, Reply, StopReason, StreamEvent, StreamSink};
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::interrupt::{self, Signal};
use crate::output::{Renderer, ReplyLimits};

/// Why a request of a turn is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The turn's first request.
    First,
    /// The `n`th continuation of a paused turn, counted from 1.
    Continuation(u32),
}

/// One request of a turn, as it ended.
pub struct Sent<'a> {
    pub step: Step,
    pub request: &'a MessageRequest,
    /// The reply, or why there is none.
    pub result: std::result::Result<&'a Reply, &'a api::Error>,
    /// When it was sent, and how long it took until the reply was whole.
    pub started: SystemTime,
    pub elapsed: Duration,
    /// How long until the first token streamed in; for a reply fetched
    /// whole, until it arrived. `None` when nothing did.
    pub first_token: Option<Duration>,
}

/// Watches the requests of a turn.
pub trait RequestHook {
    /// Before a request is sent. An error ends the turn with it, unsent.
    fn before_send(&mut self, _step: Step, _request: &MessageRequest) -> Result<()> {
        Ok(())
    }

    /// After a request ended, whether with a reply or an error.
    fn after_send(&mut self, _sent: &Sent<'_>) {}
}

/// A hook that does nothing.
pub struct NoHook;

impl RequestHook for NoHook {}

/// What a reply asks the driver to do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NextStep {
    /// The turn is over: print it.
    Stop,
    /// The server paused the turn: send it back to be continued.
    Continue,
}

/// `pause_turn` continues while continuations are left; everything else
/// (a finished turn, a refusal, a client `tool_use`) ends the turn.
fn next_step(reply: &Reply, continuations: u32, limits: ReplyLimits) -> NextStep {
    match reply.message.stop_reason {
        Some(StopReason::PauseTurn) if continuations < limits.max_continuations => {
            NextStep::Continue
        }
        _ => NextStep::Stop,
    }
}

/// A finished turn.
#[derive(Debug)]
pub struct Run {
    /// The final reply, holding the content of every request's reply in
    /// order, and the usage of all of them added up. The body as the server
    /// sent it is kept only when one request made the turn.
    pub reply: Reply,
    /// The turn's assistant content, every block as the server wrote it:
    /// what a conversation keeps as history.
    pub assistant: RawContent,
    /// The usage of the last request alone: how full the context window is.
    pub last_usage: Usage,
    /// How many times a paused turn was continued.
    pub continuations: u32,
    /// The exit code the final stop reason calls for.
    pub exit: ExitCode,
}

/// How a turn ended, when it did not fail.
#[derive(Debug)]
pub enum Outcome {
    /// The whole turn, printed.
    Finished(Box<Run>),
    /// Ctrl-C, SIGTERM or SIGHUP: what had arrived was printed and its
    /// line closed; the caller writes the one note.
    Interrupted(Signal),
}

/// Sends the requests of one turn and renders their replies.
pub struct Driver<'a, O: Write, E: Write> {
    pub client: &'a Client,
    pub betas: &'a [String],
    pub renderer: &'a mut Renderer<O, E>,
    pub log: &'a dyn Observer,
    pub limits: ReplyLimits,
    pub hook: &'a mut dyn RequestHook,
}

impl<O: Write, E: Write> Driver<'_, O, E> {
    /// Runs a turn that starts with `request` (the conversation so far and
    /// the new user turn) until a reply ends it.
    pub fn run(&mut self, mut request: MessageRequest) -> Result<Outcome> {
        let history = request.messages.len();
        let mut parts: Vec<Reply> = Vec::new();
        let mut paused: Vec<RawContent> = Vec::new();
        loop {
            let continuations = parts.len() as u32;
            let step = match continuations {
                0 => Step::First,
                n => Step::Continuation(n),
            };
            if let Err(error) = self.hook.before_send(step, &request) {
                if step != Step::First {
                    // What the turn printed stays; its line is closed first.
                    let _ = self.renderer.finish_partial(None);
                }
                return Err(error);
            }
            self.renderer.start_request();
            let started = SystemTime::now();
            let mut timed = Timed {
                sink: &mut *self.renderer,
                clock: Instant::now(),
                first_token: None,
            };
            let result = self
                .client
                .create_message(&request, self.betas, &mut timed, self.log);
            let (clock, first_token) = (timed.clock, timed.first_token);
            // From here on a signal waits for the reply to be printed whole.
            let _printing = interrupt::subscribe(|_| {});
            let signal = || interrupt::received().unwrap_or(Signal::Interrupt);
            self.hook.after_send(&Sent {
                step,
                request: &request,
                result: result.as_ref(),
                started,
                elapsed: clock.elapsed(),
                first_token: first_token.or_else(|| result.is_ok().then(|| clock.elapsed())),
            });
            let reply = match result {
                Ok(reply) => reply,
                Err(api::Error::Interrupted { partial }) => {
                    let signal = signal();
                    if signal == Signal::Interrupt {
                        self.renderer.end_ctrl_c_echo().map_err(Error::Output)?;
                    }
                    parts.extend(partial.map(|message| Reply {
                        message: *message,
                        raw: None,
                        request_id: None,
                    }));
                    let so_far = (!parts.is_empty()).then(|| gather(parts));
                    self.renderer
                        .finish_partial(so_far.as_ref().map(|run| &run.reply.message))
                        .map_err(Error::Output)?;
                    return Ok(Outcome::Interrupted(signal));
                }
                Err(error) => {
                    // What was printed stays; its line is closed before the error.
                    let _ = self.renderer.finish_partial(None);
                    return Err(error.into());
                }
            };
            self.renderer.reply_arrived(&reply).map_err(Error::Output)?;
            if next_step(&reply, continuations, self.limits) == NextStep::Continue
                && !interrupt::requested()
            {
                let content = match paused_content(&reply) {
                    Ok(content) => content,
                    Err(error) => {
                        let _ = self.renderer.finish_partial(None);
                        return Err(error.into());
                    }
                };
                paused.push(content);
                request.messages.truncate(history);
                request.messages.push(InputMessage {
                    role: Role::Assistant,
                    content: InputContent::Raw(join(&paused)),
                });
                if let Some(id) = container_id(&reply) {
                    request.container = Some(id);
                }
                self.renderer
                    .note_continuing(continuations + 1, self.limits.max_continuations)
                    .map_err(Error::Output)?;
                parts.push(reply);
                continue;
            }
            parts.push(reply);
            let run = gather(parts);
            self.renderer
                .finish(&run.reply, self.limits)
                .map_err(Error::Output)?;
            if interrupt::requested() {
                return Ok(Outcome::Interrupted(signal()));
            }
            return Ok(Outcome::Finished(Box::new(run)));
        }
    }
}

/// The renderer, with the time of the first streamed token noted. It
/// forwards every method of [`StreamSink`]: one added there must be
/// forwarded here, or the renderer never hears of it.
struct Timed<'s> {
    sink: &'s mut dyn StreamSink,
    clock: Instant,
    first_token: Option<Duration>,
}

impl StreamSink for Timed<'_> {
    fn event(&mut self, event: &StreamEvent<'_>, raw: &str) -> std::io::Result<()> {
        if self.first_token.is_none() && matches!(event, StreamEvent::BlockDelta { .. }) {
            self.first_token = Some(self.clock.elapsed());
        }
        self.sink.event(event, raw)
    }

    fn has_output(&self) -> bool {
        self.sink.has_output()
    }

    fn restart(&mut self) {
        // A retry starts over: its first token is the one that counts.
        self.first_token = None;
        self.sink.restart();
    }

    fn block_complete(&mut self, block: &ContentBlock) -> std::io::Result<()> {
        self.sink.block_complete(block)
    }

    fn keeps_text(&self) -> bool {
        self.sink.keeps_text()
    }
}

/// One run from the replies of its requests, in order (at least one).
fn gather(mut parts: Vec<Reply>) -> Run {
    let assistant = join(
        parts
            .iter()
            .filter_map(content_of)
            .collect::<Vec<_>>()
            .iter(),
    );
    let continuations = parts.len().saturating_sub(1) as u32;
    let last = parts.pop().expect("a run has at least one reply");
    let last_usage = last.message.usage.clone();
    let reply = if parts.is_empty() {
        last
    } else {
        let mut usage = Usage::default();
        let mut content: Vec<ContentBlock> = Vec::new();
        for part in parts {
            usage.add(&part.message.usage);
            content.extend(part.message.content);
        }
        let mut message = last.message;
        usage.add(&message.usage);
        content.append(&mut message.content);
        message.content = content;
        message.usage = usage;
        Reply {
            message,
            raw: None,
            request_id: last.request_id,
        }
    };
    let exit = ExitCode::from_stop_reason(reply.message.stop_reason.as_ref());
    Run {
        reply,
        assistant,
        last_usage,
        continuations,
        exit,
    }
}

/// The blocks of every part in one array; an empty one when there are none.
fn join<'a>(parts: impl IntoIterator<Item = &'a RawContent>) -> RawContent {
    RawContent::join(parts)
        .or_else(|| RawContent::new("[]".to_owned()))
        .expect("[] is a JSON array")
}

/// A reply's content as the server wrote it: from the body of a reply that
/// was not streamed, else as accumulated from the stream.
fn content_of(reply: &Reply) -> Option<RawContent> {
    #[derive(Deserialize)]
    struct Body {
        content: Box<RawValue>,
    }
    if let Some(raw) = &reply.raw
        && let Ok(body) = serde_json::from_slice::<Body>(raw)
        && let Some(content) = RawContent::from_raw(body.content)
    {
        return Some(content);
    }
    serde_json::to_string(&reply.message.content)
        .ok()
        .and_then(RawContent::new)
}

/// The content of a paused reply, to be sent back. A pause with nothing to
/// continue from, or with blocks the API could not take back, is the
/// server's fault: sending it again could only loop.
fn paused_content(reply: &Reply) -> std::result::Result<RawContent, api::Error> {
    let fault = |detail: &str| api::Error::Protocol {
        detail: format!("the server paused the turn (pause_turn) {detail}"),
        request_id: reply.request_id.clone(),
    };
    let blocks = &reply.message.content;
    if blocks.is_empty() {
        return Err(fault("with no content to continue from"));
    }
    let untyped = blocks.iter().any(|block| match block {
        ContentBlock::Other(fields) => !fields.get("type").is_some_and(|t| t.is_string()),
        _ => false,
    });
    if untyped {
        return Err(fault("with a content block that has no type"));
    }
    content_of(reply).ok_or_else(|| fault("with content that is not a list of blocks"))
}

/// The code execution container a reply ran in: a continuation must go on
/// in it, as container-bound tools refuse a request that omits it.
fn container_id(reply: &Reply) -> Option<String> {
    let container = reply.message.extra.get("container")?;
    container
        .get("id")
        .and_then(|id| id.as_str())
        .or(container.as_str())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    fn reply(raw: &str) -> Reply {
        Reply {
            message: serde_json::from_str(raw).unwrap(),
            raw: Some(Bytes::from(raw.to_owned())),
            request_id: Some("req_1".into()),
        }
    }

    fn limits(max_continuations: u32) -> ReplyLimits {
        ReplyLimits {
            max_tokens: 100,
            max_continuations,
        }
    }

    const PAUSED: &str = r#"{"model":"m","content":[{"type":"server_tool_use","id":"s1","name":"web_search","input":{"query":"\u00b0"}}],"stop_reason":"pause_turn","usage":{"input_tokens":10,"output_tokens":2,"server_tool_use":{"web_search_requests":1}},"container":{"id":"container_1","expires_at":"x"}}"#;
    const FINAL: &str = r#"{"id":"msg_2","model":"m","content":[{"type":"text","text":"done"}],"stop_reason":"end_turn","usage":{"input_tokens":30,"output_tokens":5}}"#;

    #[test]
    fn pauses_continue_while_continuations_are_left() {
        let paused = reply(PAUSED);
        assert_eq!(next_step(&paused, 0, limits(1)), NextStep::Continue);
        assert_eq!(next_step(&paused, 1, limits(1)), NextStep::Stop);
        assert_eq!(next_step(&paused, 0, limits(0)), NextStep::Stop);
        assert_eq!(next_step(&reply(FINAL), 0, limits(5)), NextStep::Stop);
    }

    #[test]
    fn paused_content_is_the_body_text_unchanged() {
        let content = paused_content(&reply(PAUSED)).unwrap();
        assert_eq!(
            content.get(),
            r#"[{"type":"server_tool_use","id":"s1","name":"web_search","input":{"query":"\u00b0"}}]"#
        );
        assert_eq!(container_id(&reply(PAUSED)).as_deref(), Some("container_1"));
    }

    #[test]
    fn an_empty_or_untyped_pause_is_the_servers_fault() {
        for raw in [
            r#"{"content":[],"stop_reason":"pause_turn"}"#,
            r#"{"content":[{"text":"no type"}],"stop_reason":"pause_turn"}"#,
        ] {
            match paused_content(&reply(raw)) {
                Err(api::Error::Protocol { detail, request_id }) => {
                    assert!(detail.contains("pause_turn"), "{detail}");
                    assert_eq!(request_id.as_deref(), Some("req_1"));
                }
                other => panic!("{raw}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_run_holds_every_part_in_order_with_usage_added_up() {
        let run = gather(vec![reply(PAUSED), reply(FINAL)]);
        let message = &run.reply.message;
        assert_eq!(message.id.as_deref(), Some("msg_2"));
        assert_eq!(message.content.len(), 2);
        assert_eq!(message.text(), "done");
        assert_eq!(message.usage.input_tokens(), 40);
        assert_eq!(message.usage.output_tokens(), 7);
        assert_eq!(run.last_usage.input_tokens(), 30);
        assert!(run.reply.raw.is_none());
        assert_eq!(run.continuations, 1);
        assert_eq!(run.exit, ExitCode::Success);
        assert_eq!(
            run.assistant.get(),
            r#"[{"type":"server_tool_use","id":"s1","name":"web_search","input":{"query":"\u00b0"}},{"type":"text","text":"done"}]"#
        );
        let single = gather(vec![reply(FINAL)]);
        assert!(single.reply.raw.is_some());
        assert_eq!(single.continuations, 0);
    }

    #[test]
    fn the_timer_tells_what_the_renderer_keeps() {
        struct Printed;
        impl StreamSink for Printed {
            fn event(&mut self, _: &StreamEvent<'_>, _: &str) -> std::io::Result<()> {
                Ok(())
            }
            fn has_output(&self) -> bool {
                true
            }
            fn keeps_text(&self) -> bool {
                false
            }
        }
        let timed = Timed {
            sink: &mut Printed,
            clock: Instant::now(),
            first_token: None,
        };
        assert!(!timed.keeps_text());
    }
}
