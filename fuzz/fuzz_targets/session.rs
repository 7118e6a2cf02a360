//! A session file as `chat` loads it, then what a turn does with it: the
//! history sent, the reply counted into the totals, the context-window
//! warning, the transcript, and the file saved again.
#![no_main]

use claude_cli::api::types::InputContent;
use claude_cli::output;
use claude_cli::session::Session;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(mut session) = serde_json::from_slice::<Session>(data) else {
        return;
    };
    if session.check().is_err() {
        return;
    }
    let _ = session.messages_with(InputContent::Text("next".to_owned()));
    output::print_transcript(&mut Vec::new(), "fuzz", &session).expect("a Vec takes every write");
    let model = session.model.clone();
    if let Some(usage) = session.last_usage.clone() {
        for _ in 0..3 {
            session.count_reply(&usage, &model);
        }
    }
    if let Some(fill) = session.context_fill() {
        let _ = fill.percent();
    }
    let saved = serde_json::to_vec_pretty(&session).expect("a session serializes");
    let again: Session = serde_json::from_slice(&saved).expect("a saved session loads");
    again.check().expect("a saved session is valid");
});
