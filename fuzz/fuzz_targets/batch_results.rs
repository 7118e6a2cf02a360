//! `batch results`: each JSONL line as `-o text` prints it, and the tally
//! of counts, tokens and cost that `--usage` prints.
#![no_main]

use claude_cli::cmd::batch::Tally;
use claude_cli::output::{self, ResultLine};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let mut tally = Tally::default();
    for line in data.split(|b| *b == b'\n') {
        if line.trim_ascii().is_empty() {
            continue;
        }
        match serde_json::from_slice::<Value>(line) {
            Ok(result) => {
                tally.add(&result);
                match output::result_line(&result) {
                    ResultLine::Succeeded { line } => {
                        assert!(!line.contains(['\n', '\r']), "{line:?}")
                    }
                    ResultLine::Failed { custom_id, why } => {
                        assert!(!custom_id.contains(['\n', '\r']), "{custom_id:?}");
                        assert!(!why.contains(['\n', '\r']), "{why:?}");
                    }
                }
            }
            Err(_) => tally.add_unreadable(),
        }
    }
    assert!(tally.seen() >= tally.failed());
    for summary in [tally.summary(), tally.usage_line()] {
        assert!(!summary.contains('\n'), "{summary:?}");
    }
});
