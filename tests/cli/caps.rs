use serde_json::{Value, json};

use crate::support::*;

/// A Message whose `content` is `blocks` copies of `block`.
fn message_of(blocks: usize, block: &str) -> String {
    let mut body = String::from(r#"{"type":"message","role":"assistant","content":["#);
    for i in 0..blocks {
        if i > 0 {
            body.push(',');
        }
        body.push_str(block);
    }
    body.push_str(r#"],"stop_reason":"end_turn","usage":{"input_tokens":1,"output_tokens":1}}"#);
    body
}

/// Runs `claude ask --no-stream hi` against a server that sends `body`
/// once, and checks it ends in exit 9 with `expected`, without a retry.
#[track_caller]
fn refused(body: String, expected: &str) {
    let server = FakeServer::with([Reply::json(body)]);
    let output = claude_at(&server)
        .args(["ask", "--no-stream", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 9);
    assert_eq!(
        error_line(&output),
        format!("claude: error: {expected} (request-id: req_fake_0123456789)")
    );
    assert_eq!(stdout(&output), "");
    assert_eq!(
        server.requests().len(),
        1,
        "a reply over a cap is not retried"
    );
}

#[test]
fn a_reply_over_the_message_byte_cap_says_so() {
    // Blank padding, so only the size is wrong.
    let mut body = message_of(1, r#"{"type":"text","text":"hi"}"#);
    body.push_str(&" ".repeat(32 * 1024 * 1024));
    refused(
        body,
        "the reply is over 33554432 bytes, the cap for a Message",
    );
}

#[test]
fn a_reply_of_many_tiny_values_is_refused_before_it_is_parsed() {
    // 3.3 MB of `{},`: under the byte cap, but a tree of a million values.
    refused(
        message_of(1_100_000, "{}"),
        "the reply holds over 1000000 JSON values, the cap for a Message",
    );
}

#[test]
fn a_reply_of_too_many_content_blocks_is_refused() {
    let text = r#"{"type":"text","text":"x"}"#;
    refused(
        message_of(10_001, text),
        "the reply has over 10000 content blocks, the cap for a Message",
    );
    // The cap itself is fine.
    let server = FakeServer::with([Reply::json(message_of(10_000, text))]);
    let output = claude_at(&server)
        .args(["ask", "--no-stream", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(stdout(&output).len(), 10_001);
}

/// A `GET /v1/models` page of `items`, saying more follow after `last`.
fn page(items: Vec<Value>, last: &str) -> Reply {
    Reply::json(json!({"data": items, "has_more": true, "last_id": last}).to_string())
}

#[test]
fn a_page_over_the_item_cap_is_refused() {
    let items = (0..1001).map(|i| json!({"id": format!("m{i}")})).collect();
    let server = FakeServer::with([page(items, "m1000")]);
    let output = claude_at(&server).arg("models").output().unwrap();
    assert_exit(&output, 9);
    assert_eq!(
        error_line(&output),
        "claude: error: the reply has over 1000 items, the cap for a page of a list \
         (request-id: req_fake_0123456789)"
    );
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn models_are_printed_as_the_pages_arrive() {
    // Pages that never end: each is printed and dropped before the next,
    // and the list gives up after 100.
    let pages = std::sync::atomic::AtomicUsize::new(0);
    let server = FakeServer::routing(move |_| {
        let n = pages.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        page(vec![json!({"id": format!("m{n}")})], &format!("m{n}"))
    });
    let output = claude_at(&server)
        .args(["models", "-o", "json"])
        .output()
        .unwrap();
    assert_exit(&output, 9);
    assert!(
        error_line(&output).ends_with("pagination is broken: still more after 100 pages"),
        "{}",
        error_line(&output)
    );
    assert_eq!(server.requests().len(), 100);
    let printed = stdout(&output);
    assert_eq!(printed.matches("{\"id\":").count(), 100);
    assert!(printed.starts_with('[') && !printed.trim_end().ends_with(']'));
}
