//! One conversation and its turns: the history is sent with each new
//! message, and the session file changes only when a turn completes.

use std::path::PathBuf;
use std::time::SystemTime;

use serde_json::{Value, json};

use crate::api::types::{InputContent, MessageRequest, RawContent, StopReason};
use crate::api::{self, Client};
use crate::budget::CostCeiling;
use crate::cmd::ask;
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::input::{Turn, UserInput};
use crate::ledger::Ledger;
use crate::log::StderrLog;
use crate::output::{self, OutputSettings, ReplyLimits};
use crate::session::{self, Container, Session, Store};
use crate::settings::{Connection, LocalTools, RequestSettings, Terminal};
use crate::tools::Toolbox;
use crate::turn::{Driver, Hooks, Outcome, Run};

use super::super::files::outputs;
use crate::uploads;

/// The beta that enables server-side compaction (shared/api-facts.md).
const COMPACTION_BETA: &str = "compact-2026-01-12";
/// Share of the context window at which a long conversation gets a warning.
const WARN_AT_PERCENT: u64 = 80;

pub struct Conversation {
    pub store: Store,
    pub name: String,
    pub session: Session,
    pub client: Client,
    /// Where each request is kept, and the budget it must stay under.
    pub ledger: Ledger,
    /// Everything but the model and system prompt, which the session holds.
    pub settings: RequestSettings,
    pub limits: ReplyLimits,
    pub compact: bool,
    /// The next turn replaces the last exchange (`/retry`).
    pub replace_last: bool,
    /// Whether the last turn was saved.
    pub saved_last_turn: bool,
    /// stdout was closed during a turn (`| head -c1`): the turn was read
    /// to its end and saved, and nothing more can be shown.
    pub stdout_closed: bool,
    /// `--save-files DIR`: where code execution's files go.
    pub save_files: Option<PathBuf>,
    /// The local tools the conversation offers; "always" answers last as
    /// long as the process.
    pub tools: LocalTools,
    /// `--max-cost`: what the process's turns have spent, and the ceiling.
    pub ceiling: CostCeiling,
}

impl Conversation {
    /// The request for a turn that says `content`, its betas, and the
    /// content as it will be kept.
    fn request(
        &self,
        content: InputContent,
        stream: bool,
    ) -> Result<(MessageRequest, Vec<String>, Value)> {
        let user = serde_json::to_value(&content)
            .map_err(|e| Error::Internal(anyhow::anyhow!("cannot keep the message: {e}")))?;
        let mut request = ask::message_request(content, &self.settings, stream);
        self.tools.apply(&mut request);
        request.messages = self.session.messages_with(InputContent::Json(user.clone()));
        request.model.clone_from(&self.session.model);
        request.system.clone_from(&self.session.system);
        request.container = self
            .session
            .container
            .as_ref()
            .filter(|container| container.alive_at(SystemTime::now()))
            .map(|container| container.id.clone());
        let mut betas = self.settings.betas.clone();
        if self.compact || self.session.compact {
            request.context_management = Some(json!({"edits": [{"type": "compact_20260112"}]}));
            if !betas.iter().any(|b| b == COMPACTION_BETA) {
                betas.push(COMPACTION_BETA.to_owned());
            }
        }
        Ok((request, betas, user))
    }

    /// `--dry-run`: the request the turn would send.
    pub fn preview(
        &self,
        input: UserInput,
        output: OutputSettings,
        connection: &Connection,
        terminal: &Terminal,
    ) -> Result<ExitCode> {
        let stream =
            output.stream || api::needs_streaming(&self.session.model, self.settings.max_tokens);
        let files_log = StderrLog::new(connection.log, None);
        let mut files = crate::cmd::request_files(
            &self.client,
            &files_log,
            connection,
            terminal,
            uploads::FOR_A_REQUEST,
            true,
        );
        let (request, betas, _) = self.request(input.resolve(&mut files)?, stream)?;
        let preview = self.client.preview_message(&request, &betas)?;
        crate::cmd::print_preview(&preview, connection, terminal)
    }

    /// Sends `turn` after the saved history and prints the reply. The
    /// exchange is saved only when the reply is complete. A file taken from
    /// the upload cache that turns out to be gone is uploaded again, and
    /// the turn sent once more.
    pub fn turn(
        &mut self,
        turn: Turn,
        output: OutputSettings,
        connection: &Connection,
        terminal: &Terminal,
    ) -> Result<ExitCode> {
        self.saved_last_turn = false;
        let stream =
            output.stream || api::needs_streaming(&self.session.model, self.settings.max_tokens);
        let files_log = StderrLog::new(connection.log, None);
        let mut files = crate::cmd::request_files(
            &self.client,
            &files_log,
            connection,
            terminal,
            uploads::FOR_A_REQUEST,
            false,
        );
        let mut history = self.ledger.turn(
            "chat",
            Some(self.name.clone()),
            &turn.described,
            self.session.system.as_deref(),
            self.settings.structured,
        );
        let input = turn.content;
        let again = input.needs_files().then(|| input.clone());
        let (request, betas, user) = self.request(input.resolve(&mut files)?, stream)?;
        // The ceiling and the tools outlast the turn: they are lent to it.
        let mut send = |request: MessageRequest,
                        betas: &[String],
                        ceiling: &mut CostCeiling,
                        tools: &mut Toolbox| {
            let (mut renderer, log) =
                ask::renderer(output, connection, terminal, &self.session.model);
            // A turn that is paid for is kept, even when no one reads its end.
            renderer.keep_reading_if_stdout_closes();
            let outcome = Driver {
                client: &self.client,
                betas,
                renderer: &mut renderer,
                log: &log,
                limits: self.limits,
                hook: &mut Hooks(vec![ceiling, &mut history]),
                tools: Some(tools),
                history: true,
            }
            .run(request);
            outcome.map(|outcome| (outcome, renderer.stdout_closed()))
        };
        let sent = send(request, &betas, &mut self.ceiling, &mut self.tools.toolbox);
        let ((outcome, stdout_closed), user) = match (sent, again) {
            (Err(error), Some(again)) if files.forget_gone(&error) => {
                let (request, betas, user) = self.request(again.resolve(&mut files)?, stream)?;
                let sent = send(request, &betas, &mut self.ceiling, &mut self.tools.toolbox);
                (sent?, user)
            }
            (result, _) => (result?, user),
        };
        drop(files);
        let run = match outcome {
            Outcome::Finished(run) => run,
            Outcome::Interrupted(signal) => {
                output::note(format!("{}; this turn is not saved", signal.describe()));
                return Ok(ExitCode::for_signal(signal));
            }
        };
        // A file that cannot be fetched does not cost the turn its place
        // in the session: it is kept first, then the failure reported.
        let saved_files = outputs::save(
            &self.client,
            &run.reply.message,
            self.save_files.as_deref(),
            &files_log,
        );
        let exit = self.keep(&run, user, stdout_closed)?;
        saved_files?;
        Ok(exit)
    }

    /// Saves a finished turn in the session, if it can be history, and says
    /// how it ended.
    fn keep(&mut self, run: &Run, user: Value, stdout_closed: bool) -> Result<ExitCode> {
        let exit = run.exit;
        if let Some(reason) = unkeepable(run) {
            output::note(format!(
                "this turn is not saved: a reply that ends in {reason} cannot be sent back as \
                 history"
            ));
            return Ok(exit);
        }
        let Some(assistant) = run.assistant.as_ref().and_then(assistant_content) else {
            output::note("the reply has no content, so this turn is not saved");
            return Ok(exit);
        };
        let (before, compact) = (self.session.exchanges(), self.compact);
        let (model, system) = (self.session.model.clone(), self.session.system.clone());
        let tools = self.settings.server_tools.clone();
        let local_tools = self.tools.specs.clone();
        let tool_turns = run
            .tool_turns
            .iter()
            .map(|message| {
                Ok(session::Turn {
                    role: message.role,
                    content: serde_json::to_value(&message.content).map_err(|e| {
                        Error::Internal(anyhow::anyhow!("cannot keep a tool turn: {e}"))
                    })?,
                })
            })
            .collect::<Result<Vec<session::Turn>>>()?;
        let container = Container::of(&run.reply.message);
        let replace_last = self.replace_last;
        let mut saved = self.store.update(
            &self.name,
            || self.session.clone(),
            |session| {
                session.model = model;
                session.system = system;
                session.compact |= compact;
                session.tools = tools;
                session.local_tools = local_tools;
                if container.is_some() {
                    session.container = container;
                }
                if replace_last {
                    session.pop_exchange();
                }
                session.push_exchange(user, tool_turns, assistant);
                session.count_reply(&run.reply.message.usage, run.reply.message.model_name());
                session.last_usage = Some(run.last_usage.clone());
            },
        )?;
        self.saved_last_turn = true;
        if saved.exchanges() != before + 1 {
            output::note(
                "another claude chat added turns to this session meanwhile; this one is saved \
                 after them",
            );
        }
        std::mem::swap(&mut self.session, &mut saved);
        self.stdout_closed = stdout_closed;
        if self.stdout_closed {
            // As `| head` expects of a command whose reader left: quietly.
            return Ok(ExitCode::Success);
        }
        if !self.compact {
            self.warn_if_nearly_full();
        }
        if self.settings.structured {
            return Ok(ask::check_json(&run.reply, exit));
        }
        Ok(exit)
    }

    /// Judged from the last reply (see [`Session::context_fill`]).
    fn warn_if_nearly_full(&self) {
        let Some(fill) = self.session.context_fill() else {
            return;
        };
        if fill.percent() >= WARN_AT_PERCENT {
            output::note(format!(
                "warning: this conversation is at {} tokens, {}% of {}'s {}-token context \
                 window; start a new session (`claude chat --session NEW`, or /clear in the \
                 REPL), or go on with `claude chat --session {} --compact` to let the server \
                 summarise its start",
                fill.used,
                fill.percent(),
                self.session.model,
                fill.window,
                self.name
            ));
        }
    }
}

/// A stop reason after which the turn cannot be history: a refusal must be
/// dropped, `tool_use` would need a tool result the chat does not send, and
/// `pause_turn` is left only when the continuations ran out.
fn unkeepable(run: &Run) -> Option<&'static str> {
    match run.reply.message.stop_reason {
        Some(StopReason::Refusal) => Some("a refusal"),
        Some(StopReason::ToolUse) => Some("a tool call"),
        Some(StopReason::PauseTurn) => Some("a paused turn"),
        _ => None,
    }
}

/// The assistant turn to keep: the turn's content as the server sent it
/// (for a streamed reply, as accumulated), without the blocks the API would
/// refuse in history: empty or blank text, and thinking cut off before its
/// signature. `None` when nothing is left.
fn assistant_content(content: &RawContent) -> Option<Value> {
    let Ok(Value::Array(blocks)) = serde_json::from_str(content.get()) else {
        return None;
    };
    let kept: Vec<Value> = blocks
        .into_iter()
        .filter(|block| !unsendable(block))
        .collect();
    (!kept.is_empty()).then_some(Value::Array(kept))
}

fn unsendable(block: &Value) -> bool {
    match block["type"].as_str() {
        Some("text") => block["text"].as_str().is_none_or(|t| t.trim().is_empty()),
        Some("thinking") => block["signature"].as_str().is_none_or(str::is_empty),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(raw: &str) -> RawContent {
        RawContent::new(raw.to_owned()).unwrap()
    }

    #[test]
    fn assistant_content_is_kept_as_sent() {
        let raw = r#"[{"type":"thinking","thinking":"t","signature":"s=="},{"type":"text","text":"hi","citations":null}]"#;
        assert_eq!(
            assistant_content(&content(raw)),
            Some(serde_json::from_str(raw).unwrap())
        );
        assert_eq!(assistant_content(&content("[]")), None);
        // Blank text and unsigned thinking would be refused as history.
        let cut =
            r#"[{"type":"thinking","thinking":"t","signature":""},{"type":"text","text":"  "}]"#;
        assert_eq!(assistant_content(&content(cut)), None);
        let mixed = r#"[{"type":"text","text":""},{"type":"text","text":"ok"}]"#;
        assert_eq!(
            assistant_content(&content(mixed)),
            Some(json!([{"type":"text","text":"ok"}]))
        );
    }
}
