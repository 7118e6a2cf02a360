//! A `batch submit` file: JSONL or plain prompts, checked whole, and the
//! body that would be sent.
#![no_main]

use std::collections::HashSet;

use claude_cli::input::batch::{self, Defaults};
use libfuzzer_sys::fuzz_target;
use serde_json::json;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let defaults = Defaults {
        params: json!({"model": "claude-sonnet-5", "max_tokens": 1024})
            .as_object()
            .cloned()
            .unwrap_or_default(),
    };
    match batch::parse("batch.jsonl", text, &defaults) {
        Ok(requests) => {
            assert!(!requests.is_empty() && requests.len() <= batch::MAX_REQUESTS);
            let mut ids = HashSet::new();
            for request in &requests {
                assert!((1..=64).contains(&request.custom_id.len()));
                assert!(ids.insert(&request.custom_id), "duplicate custom_id");
                assert!(request.params.is_object());
            }
            let body = serde_json::to_vec(&requests).expect("the requests serialize");
            let _ = batch::check_size(body.len());
        }
        Err(error) => assert!(!error.line().contains('\n'), "{}", error.line()),
    }
});
