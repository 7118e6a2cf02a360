//! One conversation and its turns: the history is sent with each new
//! message, and the session file changes only when a turn completes.

use serde_json::{Value, json};

use crate::api::types::{InputContent, MessageRequest};
use crate::api::{self, Client, Reply};
use crate::catalog;
use crate::cmd::ask::{self, Delivered};
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::output::{self, OutputSettings};
use crate::session::{Session, Store};
use crate::settings::{Connection, RequestSettings, Terminal};

/// The beta that enables server-side compaction (shared/api-facts.md).
const COMPACTION_BETA: &str = "compact-2026-01-12";
/// Share of the context window at which a long conversation gets a warning.
const WARN_AT_PERCENT: u64 = 80;

pub struct Conversation {
    pub store: Store,
    pub name: String,
    pub session: Session,
    pub client: Client,
    /// Everything but the model and system prompt, which the session holds.
    pub settings: RequestSettings,
    pub compact: bool,
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
        request.messages = self.session.messages_with(InputContent::Json(user.clone()));
        request.model.clone_from(&self.session.model);
        request.system.clone_from(&self.session.system);
        let mut betas = self.settings.betas.clone();
        if self.compact {
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
        content: InputContent,
        output: OutputSettings,
        connection: &Connection,
        terminal: &Terminal,
    ) -> Result<ExitCode> {
        let stream =
            output.stream || api::needs_streaming(&self.session.model, self.settings.max_tokens);
        let (request, betas, _) = self.request(content, stream)?;
        let preview = self.client.preview_message(&request, &betas)?;
        crate::cmd::print_preview(&preview, connection, terminal)
    }

    /// Sends `content` after the saved history and prints the reply. The
    /// exchange is saved only when the reply is complete.
    pub fn turn(
        &mut self,
        content: InputContent,
        output: OutputSettings,
        connection: &Connection,
        terminal: &Terminal,
    ) -> Result<ExitCode> {
        let stream =
            output.stream || api::needs_streaming(&self.session.model, self.settings.max_tokens);
        let (request, betas, user) = self.request(content, stream)?;
        let (mut renderer, log) = ask::renderer(output, connection, terminal, &self.session.model);
        let delivered = ask::deliver(
            &self.client,
            request,
            &betas,
            self.settings.max_tokens,
            &mut renderer,
            &log,
        )?;
        let (reply, exit) = match delivered {
            Delivered::Reply { reply, exit } => (reply, exit),
            Delivered::Interrupted => {
                output::note("this turn is not saved");
                return Ok(ExitCode::Interrupted);
            }
        };
        let Some(assistant) = assistant_content(&reply) else {
            output::note("the reply has no content, so this turn is not saved");
            return Ok(exit);
        };
        self.session.push_exchange(user, assistant);
        self.count(&reply);
        self.store.save(&self.name, &self.session)?;
        if !self.compact {
            self.warn_if_nearly_full();
        }
        if self.settings.structured {
            return Ok(ask::check_json(&reply, exit));
        }
        Ok(exit)
    }

    fn count(&mut self, reply: &Reply) {
        let usage = &reply.message.usage;
        let totals = &mut self.session.totals;
        totals.input_tokens += usage.input_tokens();
        totals.output_tokens += usage.output_tokens();
        totals.cache_creation_input_tokens += usage.cache_write_tokens();
        totals.cache_read_input_tokens += usage.cache_read_tokens();
        match catalog::price_of(reply.message.model_name()) {
            Some(price) => totals.cost_usd += catalog::cost(usage, price),
            None => totals.unpriced_replies += 1,
        }
        self.session.last_usage = Some(usage.clone());
    }

    /// Judged from the last reply: its whole prompt plus its answer is what
    /// the next turn starts from.
    fn warn_if_nearly_full(&self) {
        let (Some(usage), Some(window)) = (
            &self.session.last_usage,
            catalog::context_window(&self.session.model),
        ) else {
            return;
        };
        let used = usage.input_tokens()
            + usage.cache_write_tokens()
            + usage.cache_read_tokens()
            + usage.output_tokens();
        if used * 100 >= window * WARN_AT_PERCENT {
            output::note(format!(
                "warning: this conversation is at {used} tokens, {}% of {}'s {window}-token \
                 context window; start a new one (/clear), or resume it with --compact to let \
                 the server summarise its start",
                used * 100 / window,
                self.session.model
            ));
        }
    }
}

/// The assistant turn to keep: the reply's content exactly as the server
/// sent it (for a streamed reply, as accumulated). `None` when it is empty,
/// which the API would refuse as a history turn.
fn assistant_content(reply: &Reply) -> Option<Value> {
    let content = match &reply.raw {
        Some(raw) => serde_json::from_slice::<Value>(raw)
            .ok()
            .and_then(|mut body| body.get_mut("content").map(Value::take)),
        None => None,
    }
    .or_else(|| serde_json::to_value(&reply.message.content).ok())?;
    let empty = match &content {
        Value::Array(blocks) => blocks.iter().all(is_empty_text),
        Value::String(text) => text.is_empty(),
        _ => true,
    };
    (!empty).then_some(content)
}

fn is_empty_text(block: &Value) -> bool {
    block["type"] == "text" && block["text"].as_str().is_some_and(str::is_empty)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    fn reply(raw: &str) -> Reply {
        Reply {
            message: serde_json::from_str(raw).unwrap(),
            raw: Some(Bytes::from(raw.to_owned())),
        }
    }

    #[test]
    fn assistant_content_is_kept_as_sent() {
        let raw = r#"{"content":[{"type":"thinking","thinking":"t","signature":"s=="},{"type":"text","text":"hi","citations":null}],"stop_reason":"end_turn","usage":{}}"#;
        let content = assistant_content(&reply(raw)).unwrap();
        assert_eq!(
            content,
            json!([{"type":"thinking","thinking":"t","signature":"s=="},{"type":"text","text":"hi","citations":null}])
        );
        assert_eq!(
            assistant_content(&reply(r#"{"content":[],"usage":{}}"#)),
            None
        );
    }
}
