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
//! When a reply stops with `tool_use` and the run has local tools, the
//! driver hands the calls to its [`Toolbox`], which answers each (running
//! the allowed ones), and sends the results back in one user turn after the
//! reply's content, byte for byte. Every request of a run counts against
//! `--max-steps`.
//!
//! Every request is shown to a [`RequestHook`] before it is sent, which may
//! refuse it, and when it ends, however it ended: the place for a budget
//! check and a run ledger to plug in. Whether a reply asks for another
//! request is decided in one place, [`next_step`].

use std::io::Write;
use std::time::{Duration, Instant, SystemTime};

use crate::api::types::{
    ContentBlock, InputContent, InputMessage, MessageRequest, RawContent, Role, ToolCall, Usage,
};
use crate::api::{self, Client, Observer, Reply, StopReason, StreamEvent, StreamSink};
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::interrupt::{self, Signal};
use crate::output::{Renderer, ReplyLimits};
use crate::tools::{ToolStep, Toolbox};

mod parts;

use parts::{container_id, content_of, gather, join, paused_content};

/// Why a request of a turn is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The turn's first request.
    First,
    /// The `n`th continuation of a paused turn, counted from 1.
    Continuation(u32),
    /// The `n`th request carrying tool results back, counted from 1.
    ToolResults(u32),
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

/// Several hooks as one (the run's spending ceiling and its ledger, say):
/// each sees every request, in order, and the first refusal ends the turn.
pub struct Hooks<'h>(pub Vec<&'h mut dyn RequestHook>);

impl RequestHook for Hooks<'_> {
    fn before_send(&mut self, step: Step, request: &MessageRequest) -> Result<()> {
        self.0
            .iter_mut()
            .try_for_each(|hook| hook.before_send(step, request))
    }

    fn after_send(&mut self, sent: &Sent<'_>) {
        for hook in &mut self.0 {
            hook.after_send(sent);
        }
    }
}

/// What a reply asks the driver to do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NextStep {
    /// The turn is over: print it.
    Stop,
    /// The server paused the turn: send it back to be continued.
    Continue,
    /// The model asks for local tools: run them and send the results.
    RunTools,
}

/// `pause_turn` continues while continuations are left, `tool_use` runs the
/// tools when the run has some; both only while `--max-steps` leaves room
/// for another request (`sent` have been made). Everything else ends the
/// turn.
fn next_step(
    reply: &Reply,
    continuations: u32,
    sent: u32,
    limits: ReplyLimits,
    has_tools: bool,
) -> NextStep {
    if sent >= limits.max_steps {
        return NextStep::Stop;
    }
    match reply.message.stop_reason {
        Some(StopReason::PauseTurn) if continuations < limits.max_continuations => {
            NextStep::Continue
        }
        Some(StopReason::ToolUse) if has_tools => NextStep::RunTools,
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
    /// The tool exchanges of the turn, in order: each assistant turn that
    /// asked for tools, and the user turn that answered it. Empty when no
    /// tool ran, or when the driver keeps no history.
    pub tool_turns: Vec<InputMessage>,
    /// The turn's last assistant content (after the last tool results),
    /// every block as the server wrote it: with `tool_turns`, what a
    /// conversation keeps as history. `None` when the driver keeps no
    /// history.
    pub assistant: Option<RawContent>,
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
    /// The local tools the model may call; `None` when it has none.
    pub tools: Option<&'a mut Toolbox>,
    /// The caller keeps the turn as history (a conversation): the run
    /// then holds its tool turns and last assistant content. Without it
    /// (`ask`), no copy of them is made.
    pub history: bool,
}

impl<O: Write, E: Write> Driver<'_, O, E> {
    /// Runs a turn that starts with `request` (the conversation so far and
    /// the new user turn) until a reply ends it.
    pub fn run(&mut self, mut request: MessageRequest) -> Result<Outcome> {
        let base = request.messages.len();
        // Where the turn's current assistant message goes: after the user's
        // turn, or after the last tool results.
        let mut current = base;
        let mut parts: Vec<Reply> = Vec::new();
        // The replies from `segment` on make the current assistant message.
        let mut segment = 0;
        let mut paused: Vec<RawContent> = Vec::new();
        let (mut continuations, mut tool_steps) = (0, 0);
        let mut step = Step::First;
        loop {
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
            let printing = interrupt::subscribe(|_| {});
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
                    return self.interrupted(parts, segment, signal);
                }
                Err(error) => {
                    // What was printed stays; its line is closed before the error.
                    let _ = self.renderer.finish_partial(None);
                    return Err(error.into());
                }
            };
            self.renderer.reply_arrived(&reply).map_err(Error::Output)?;
            let sent = parts.len() as u32 + 1;
            let has_tools = self.tools.as_ref().is_some_and(|tools| !tools.is_empty());
            let next = match interrupt::requested() {
                true => NextStep::Stop,
                false => next_step(&reply, continuations, sent, self.limits, has_tools),
            };
            match next {
                NextStep::Continue => {
                    let content = match paused_content(&reply) {
                        Ok(content) => content,
                        Err(error) => {
                            let _ = self.renderer.finish_partial(None);
                            return Err(error.into());
                        }
                    };
                    paused.push(content);
                    request.messages.truncate(current);
                    request.messages.push(InputMessage {
                        role: Role::Assistant,
                        content: InputContent::Raw(join(&paused)),
                    });
                    if let Some(id) = container_id(&reply) {
                        request.container = Some(id);
                    }
                    continuations += 1;
                    self.renderer
                        .note_continuing(continuations, self.limits.max_continuations)
                        .map_err(Error::Output)?;
                    parts.push(reply);
                    step = Step::Continuation(continuations);
                }
                NextStep::RunTools => {
                    // The tools take signals themselves: Ctrl-C stops them.
                    drop(printing);
                    let Some(content) = content_of(&reply) else {
                        let _ = self.renderer.finish_partial(None);
                        return Err(api::Error::Protocol {
                            detail: "the reply asks for tools with content that is not a list \
                                     of blocks"
                                .into(),
                            request_id: reply.request_id.clone(),
                        }
                        .into());
                    };
                    let calls: Vec<ToolCall> = reply
                        .message
                        .content
                        .iter()
                        .filter_map(|block| match block {
                            ContentBlock::ToolUse(call) => Some(call.clone()),
                            _ => None,
                        })
                        .collect();
                    let tools = self.tools.as_deref_mut().expect("tools were checked");
                    let renderer = &mut *self.renderer;
                    renderer.before_tools().map_err(Error::Output)?;
                    let answered = tools
                        .run_calls(&calls, &mut |report| renderer.tool_run(report))
                        .map_err(Error::Output)?;
                    let results = match answered {
                        ToolStep::Results(results) => results,
                        ToolStep::Refused(names) => {
                            parts.push(reply);
                            let run = self.gathered(
                                parts,
                                segment,
                                continuations,
                                &request.messages[base..current],
                            );
                            self.renderer
                                .finish_stopped(&run.reply, self.limits, &refused(&names))
                                .map_err(Error::Output)?;
                            return Ok(Outcome::Finished(Box::new(run)));
                        }
                        ToolStep::Interrupted(signal) => {
                            parts.push(reply);
                            return self.interrupted(parts, segment, signal);
                        }
                    };
                    paused.push(content);
                    request.messages.truncate(current);
                    request.messages.push(InputMessage {
                        role: Role::Assistant,
                        content: InputContent::Raw(join(&paused)),
                    });
                    request.messages.push(InputMessage {
                        role: Role::User,
                        content: InputContent::Blocks(results),
                    });
                    current = request.messages.len();
                    paused.clear();
                    if let Some(id) = container_id(&reply) {
                        request.container = Some(id);
                    }
                    parts.push(reply);
                    segment = parts.len();
                    tool_steps += 1;
                    step = Step::ToolResults(tool_steps);
                }
                NextStep::Stop => {
                    parts.push(reply);
                    let run = self.gathered(
                        parts,
                        segment,
                        continuations,
                        &request.messages[base..current],
                    );
                    // Whether it was --max-steps, rather than anything
                    // else, that kept the run from going on.
                    let by_steps = sent >= self.limits.max_steps
                        && match run.reply.message.stop_reason {
                            Some(StopReason::ToolUse) => has_tools,
                            Some(StopReason::PauseTurn) => {
                                continuations < self.limits.max_continuations
                            }
                            _ => false,
                        };
                    if by_steps {
                        self.renderer
                            .finish_stopped(&run.reply, self.limits, &steps_spent(self.limits))
                            .map_err(Error::Output)?;
                    } else {
                        self.renderer
                            .finish(&run.reply, self.limits)
                            .map_err(Error::Output)?;
                    }
                    if interrupt::requested() {
                        return Ok(Outcome::Interrupted(signal()));
                    }
                    return Ok(Outcome::Finished(Box::new(run)));
                }
            }
        }
    }

    /// The finished run from its replies; when history is kept, with the
    /// turn's `tool_turns` and its last assistant content.
    fn gathered(
        &self,
        parts: Vec<Reply>,
        segment: usize,
        continuations: u32,
        tool_turns: &[InputMessage],
    ) -> Run {
        let mut run = gather(parts, segment, continuations, self.history);
        if self.history {
            run.tool_turns = tool_turns.to_vec();
        }
        run
    }

    /// A signal ended the turn: what had arrived is printed, its line
    /// closed.
    fn interrupted(
        &mut self,
        parts: Vec<Reply>,
        segment: usize,
        signal: Signal,
    ) -> Result<Outcome> {
        let so_far = (!parts.is_empty()).then(|| gather(parts, segment, 0, false));
        self.renderer
            .finish_partial(so_far.as_ref().map(|run| &run.reply.message))
            .map_err(Error::Output)?;
        Ok(Outcome::Interrupted(signal))
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

/// The one line for tool calls that were not allowed, with no one to ask.
fn refused(names: &[String]) -> String {
    let allow: Vec<String> = names.iter().map(|name| format!("--allow {name}")).collect();
    let (tools, them) = match names {
        [one] => (format!("the tool {one} is"), "it"),
        _ => (format!("the tools {} are", names.join(", ")), "them"),
    };
    format!(
        "error: {tools} not allowed to run, and there is no terminal to ask on; nothing more \
         was sent. Pass {} (or --allow all) to let {them} run",
        allow.join(" ")
    )
}

/// The note for a run that `--max-steps` stopped.
fn steps_spent(limits: ReplyLimits) -> String {
    format!(
        "the turn is not finished: --max-steps ({}) is spent and the model still asks to go \
         on; raise it to let the run go further",
        limits.max_steps
    )
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
            max_steps: 10,
        }
    }

    const PAUSED: &str = r#"{"model":"m","content":[{"type":"server_tool_use","id":"s1","name":"web_search","input":{"query":"\u00b0"}}],"stop_reason":"pause_turn","usage":{"input_tokens":10,"output_tokens":2,"server_tool_use":{"web_search_requests":1}},"container":{"id":"container_1","expires_at":"x"}}"#;
    const FINAL: &str = r#"{"id":"msg_2","model":"m","content":[{"type":"text","text":"done"}],"stop_reason":"end_turn","usage":{"input_tokens":30,"output_tokens":5}}"#;

    #[test]
    fn pauses_continue_while_continuations_are_left() {
        let paused = reply(PAUSED);
        assert_eq!(
            next_step(&paused, 0, 1, limits(1), false),
            NextStep::Continue
        );
        assert_eq!(next_step(&paused, 1, 2, limits(1), false), NextStep::Stop);
        assert_eq!(next_step(&paused, 0, 1, limits(0), false), NextStep::Stop);
        assert_eq!(
            next_step(&reply(FINAL), 0, 1, limits(5), true),
            NextStep::Stop
        );
    }

    #[test]
    fn tool_use_runs_tools_only_when_there_are_some_and_steps_are_left() {
        let asks = reply(
            r#"{"content":[{"type":"tool_use","id":"t","name":"wc","input":{}}],"stop_reason":"tool_use"}"#,
        );
        assert_eq!(next_step(&asks, 0, 1, limits(5), true), NextStep::RunTools);
        assert_eq!(next_step(&asks, 0, 1, limits(5), false), NextStep::Stop);
        assert_eq!(next_step(&asks, 0, 9, limits(5), true), NextStep::RunTools);
        assert_eq!(next_step(&asks, 0, 10, limits(5), true), NextStep::Stop);
        // Steps bound continuations too.
        assert_eq!(
            next_step(&reply(PAUSED), 0, 10, limits(50), false),
            NextStep::Stop
        );
    }

    #[test]
    fn the_refusal_line_names_the_tools_and_the_flags() {
        assert_eq!(
            refused(&["wc".into()]),
            "error: the tool wc is not allowed to run, and there is no terminal to ask on; \
             nothing more was sent. Pass --allow wc (or --allow all) to let it run"
        );
        assert!(refused(&["a".into(), "b".into()]).contains("the tools a, b are not allowed"));
        assert!(refused(&["a".into(), "b".into()]).contains("--allow a --allow b"));
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
