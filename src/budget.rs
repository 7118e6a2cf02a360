//! The spending ceiling of one run (`--max-cost`): a request hook that adds
//! up the estimated cost of every reply (each tool step, each pause_turn
//! continuation, and in the chat REPL each turn) and refuses to send the
//! next request once the total reaches the ceiling.

use crate::api::types::MessageRequest;
use crate::catalog;
use crate::error::{Error, Result};
use crate::turn::{RequestHook, Sent, Step};

/// A ceiling in USD (none: the run may spend anything) and what the run
/// has spent so far.
#[derive(Debug, Clone, PartialEq)]
pub struct CostCeiling {
    limit: Option<f64>,
    spent: f64,
}

impl CostCeiling {
    pub fn new(limit: Option<f64>) -> CostCeiling {
        CostCeiling { limit, spent: 0.0 }
    }
}

impl RequestHook for CostCeiling {
    fn before_send(&mut self, _step: Step, request: &MessageRequest) -> Result<()> {
        let Some(limit) = self.limit else {
            return Ok(());
        };
        if catalog::price_of(&request.model).is_none() {
            return Err(Error::Usage(format!(
                "--max-cost needs the model's price to estimate the cost, and {} has none \
                 known; give it one with [prices.\"{}\"] in the config file",
                request.model, request.model
            )));
        }
        if self.spent >= limit {
            return Err(Error::Budget(format!(
                "budget reached: this run has spent an estimated ${:.6}, and --max-cost is \
                 ${limit}; the next request was not sent",
                self.spent
            )));
        }
        Ok(())
    }

    fn after_send(&mut self, sent: &Sent<'_>) {
        let Ok(reply) = sent.result else {
            return;
        };
        // The reply names the model that answered (a fallback may differ);
        // the request's price stands in when that one has none.
        let price = catalog::price_of(reply.message.model_name())
            .or_else(|| catalog::price_of(&sent.request.model));
        if let Some(price) = price {
            self.spent += catalog::cost(&reply.message.usage, price);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Reply;
    use crate::api::types::{InputContent, InputMessage, Role};
    use std::time::{Duration, SystemTime};

    fn request(model: &str) -> MessageRequest {
        MessageRequest {
            max_tokens: 10,
            messages: vec![InputMessage {
                role: Role::User,
                content: InputContent::Text("hi".into()),
            }],
            model: model.into(),
            cache_control: None,
            container: None,
            context_management: None,
            mcp_servers: vec![],
            output_config: None,
            stop_sequences: vec![],
            stream: false,
            system: None,
            temperature: None,
            thinking: None,
            tool_choice: None,
            tools: vec![],
            top_k: None,
            top_p: None,
        }
    }

    fn spend(ceiling: &mut CostCeiling, request: &MessageRequest, output_tokens: u64) {
        let reply = Reply {
            message: serde_json::from_value(serde_json::json!({
                "model": request.model,
                "content": [],
                "usage": {"input_tokens": 0, "output_tokens": output_tokens}
            }))
            .unwrap(),
            raw: None,
            request_id: None,
        };
        ceiling.after_send(&Sent {
            step: Step::First,
            request,
            result: Ok(&reply),
            started: SystemTime::now(),
            elapsed: Duration::ZERO,
            first_token: None,
        });
    }

    #[test]
    fn the_ceiling_stops_the_request_after_the_one_that_reached_it() {
        let haiku = request("claude-haiku-4-5");
        let price = catalog::price_of("claude-haiku-4-5").unwrap();
        // One million output tokens cost `price.output` dollars.
        let mut ceiling = CostCeiling::new(Some(price.output * 1.5));
        assert!(ceiling.before_send(Step::First, &haiku).is_ok());
        spend(&mut ceiling, &haiku, 1_000_000);
        assert!(ceiling.before_send(Step::ToolResults(1), &haiku).is_ok());
        spend(&mut ceiling, &haiku, 1_000_000);
        assert!((ceiling.spent - price.output * 2.0).abs() < 1e-9);
        let error = ceiling
            .before_send(Step::ToolResults(2), &haiku)
            .unwrap_err();
        assert!(matches!(error, Error::Budget(_)), "{error}");
        assert!(error.to_string().starts_with("budget reached"), "{error}");
    }

    #[test]
    fn a_model_without_a_price_cannot_have_a_ceiling() {
        let mut ceiling = CostCeiling::new(Some(1.0));
        let error = ceiling
            .before_send(Step::First, &request("my-own-model"))
            .unwrap_err();
        assert!(matches!(error, Error::Usage(_)), "{error}");
        let mut none = CostCeiling::new(None);
        assert!(
            none.before_send(Step::First, &request("my-own-model"))
                .is_ok()
        );
    }
}
