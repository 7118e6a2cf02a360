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
        attached: vec![
            json!({"type": "document", "source": {"type": "file", "file_id": "file_1"}}),
        ],
    };
    let mut ids = HashSet::new();
    let mut body = Vec::new();
    let mut each = |request: batch::BatchRequest| {
        assert!((1..=64).contains(&request.custom_id.len()));
        assert!(request.params.is_object());
        serde_json::to_writer(&mut body, &request).expect("a request serializes");
        assert!(ids.insert(request.custom_id), "duplicate custom_id");
        Ok(())
    };
    match batch::parse("batch.jsonl", text, &defaults, &mut each) {
        Ok(summary) => {
            assert!(summary.requests >= 1 && summary.requests <= batch::MAX_REQUESTS);
            assert!(summary.from_params <= summary.requests);
            assert_eq!(summary.requests, ids.len());
            let _ = batch::check_size(body.len());
        }
        Err(error) => assert!(!error.line().contains('\n'), "{}", error.line()),
    }
});
