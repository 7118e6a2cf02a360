//! A reply body as each JSON decoder reads it, then printed: as a Message
//! (non-streamed `ask`) in every output format, as an error body with every
//! kind of status, as an `error` stream event, and as the other endpoints'
//! replies (token counts, models, batches).
//!
//! The first byte picks the status and the printing options. Every error
//! must stay on one line.
#![no_main]

use bytes::Bytes;
use claude_cli::api::stream::StreamEvent;
use claude_cli::api::types::{BatchInfo, TokenCount};
use claude_cli::api::{self, ApiError, JsonReply, Message, Reply};
use claude_cli::error::Error;
use claude_cli::output::{self, DataFormat, Format, OutputSettings, Renderer};
use libfuzzer_sys::fuzz_target;
use reqwest::header::{HeaderMap, HeaderValue};
use serde_json::Value;

#[path = "shared.rs"]
mod shared;

use shared::{LIMITS, markdown};

const STATUSES: [u16; 12] = [400, 401, 403, 404, 408, 413, 429, 500, 529, 302, 200, 999];

fn one_line(text: &str) {
    assert!(!text.contains(['\n', '\r']), "not one line: {text:?}");
}

fuzz_target!(|data: &[u8]| {
    let Some((&control, body)) = data.split_first() else {
        return;
    };
    let pretty = control & 0x80 != 0;

    if let Ok(message) = serde_json::from_slice::<Message>(body) {
        let _ = (
            message.text(),
            message.refusal_category(),
            message.model_name(),
        );
        for format in [Format::Text, Format::Json, Format::StreamJson] {
            let settings = OutputSettings {
                format,
                stream: false,
                usage: true,
                show_thinking: control & 0x40 != 0,
                thinking_styled: control & 0x08 != 0,
                tool_calls: control & 0x20 != 0,
                sources: control & 0x10 != 0,
                markdown: markdown(control),
            };
            let reply = Reply {
                message: message.clone(),
                raw: Some(Bytes::copy_from_slice(body)),
                request_id: None,
            };
            let mut renderer = Renderer::new(Vec::new(), Vec::new(), settings, pretty, None);
            renderer
                .finish(&reply, LIMITS)
                .expect("a Vec takes every write");
        }
    }

    let status = STATUSES[usize::from(control) % STATUSES.len()];
    let mut headers = HeaderMap::new();
    if control & 0x20 != 0 {
        headers.insert("request-id", HeaderValue::from_static("req_01\t  x"));
    }
    let error = ApiError::from_response(status, &headers, body);
    one_line(&error.to_string());
    let error = Error::Api(api::Error::Status(error));
    one_line(&error.line());
    let _ = error.exit_code();

    let text = String::from_utf8_lossy(body);
    if let Ok(StreamEvent::Error(object)) = StreamEvent::parse("error", &text) {
        let error = Error::Api(api::Error::StreamEvent {
            error: object,
            request_id: None,
            retries: 2,
        });
        one_line(&error.line());
    }

    if let Ok(value) = serde_json::from_slice::<TokenCount>(body) {
        let reply = JsonReply {
            value,
            raw: Bytes::copy_from_slice(body),
        };
        for format in [DataFormat::Text, DataFormat::Json] {
            output::print_count(&mut Vec::new(), &reply, format, pretty).expect("prints");
        }
    }
    if let Ok(value) = serde_json::from_slice::<Value>(body) {
        let list = match &value {
            Value::Array(items) => items.clone(),
            other => vec![other.clone()],
        };
        let mut out = Vec::new();
        output::print_json(&mut out, &value, pretty).expect("prints");
        for format in [DataFormat::Text, DataFormat::Json] {
            let mut models = output::ModelList::new(&mut out, format, pretty);
            models.page(&list).expect("prints");
            models.finish().expect("prints");
            output::print_model(&mut out, &value, format, pretty).expect("prints");
        }
        output::print_batch(&mut out, &BatchInfo::from_json(&value)).expect("prints");
        output::print_batch_list(&mut out, &list).expect("prints");
    }
});
