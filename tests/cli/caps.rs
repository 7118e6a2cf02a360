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

const START: &str = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_x\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-5\",\"content\":[],\"stop_reason\":null,\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}\n\n";
const TEXT_BLOCK: &str = "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n";
const END: &str = "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\nevent: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":2}}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

/// A valid text delta of 4 KiB of text.
fn big_delta() -> String {
    format!(
        "event: content_block_delta\ndata: {{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{{\"type\":\"text_delta\",\"text\":\"{}\"}}}}\n\n",
        "word ".repeat(4096 / 5)
    )
}

/// Runs `claude ask ARGS hi` against `server` to its end; a run that does
/// not end is a failure.
fn run_to_the_end(server: &FakeServer, args: &[&str]) -> std::process::Output {
    use std::io::Read;
    use wait_timeout::ChildExt;
    let mut child = spawn_piped(server, &[&["ask"], args, &["hi"]].concat());
    // Read stdout as it comes, so a client that writes is never blocked.
    let mut out = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        out.read_to_end(&mut bytes).unwrap();
        bytes
    });
    let Some(status) = child
        .wait_timeout(std::time::Duration::from_secs(300))
        .unwrap()
    else {
        child.kill().unwrap();
        panic!("claude ask {args:?} did not stop at the cap");
    };
    let mut stderr = Vec::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_end(&mut stderr)
        .unwrap();
    std::process::Output {
        status,
        stdout: reader.join().unwrap(),
        stderr,
    }
}

#[test]
fn an_endless_stream_stops_at_the_reply_cap_in_every_mode() {
    let delta = big_delta();
    for args in [
        &["--stream"][..],
        &["-o", "stream-json"],
        &["-o", "json", "--stream"],
    ] {
        let server = FakeServer::with([Reply::repeated(
            &format!("{START}{TEXT_BLOCK}"),
            &delta,
            u64::MAX,
            "",
        )]);
        let output = run_to_the_end(&server, args);
        assert_exit(&output, 9);
        assert_eq!(
            error_line(&output),
            "claude: error: the reply is over 33554432 bytes, the cap for a Message \
             (request-id: req_fake_0123456789)",
            "{args:?}"
        );
        assert_eq!(server.requests().len(), 1, "{args:?}: not retried");
    }
}

#[test]
fn a_stream_that_opens_too_many_blocks_is_refused() {
    let block = |i: usize| {
        format!(
            "event: content_block_start\ndata: {{\"type\":\"content_block_start\",\"index\":{i},\"content_block\":{{\"type\":\"tool_use\",\"id\":\"t{i}\",\"name\":\"f\",\"input\":{{}}}}}}\n\n"
        )
    };
    let mut events = vec![START.to_owned()];
    events.extend((0..10_001).map(block));
    let server = FakeServer::with([Reply::chunks(vec![
        events.concat().into_bytes(),
        END.as_bytes().to_vec(),
    ])]);
    let output = claude_at(&server)
        .args(["ask", "--stream", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 9);
    assert_eq!(
        error_line(&output),
        "claude: error: the reply has over 10000 content blocks, the cap for a Message \
         (request-id: req_fake_0123456789)"
    );
}

#[test]
fn streamed_text_is_printed_whole_and_noted_right_when_not_kept() {
    // Plain streaming keeps no copy of the text; what it prints, and the
    // notes after it, must not change for that.
    let server = FakeServer::with([Reply::stream("stream-text-recorded.sse")]);
    let output = claude_at(&server)
        .args(["ask", "--no-log", "--stream", "-u", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let whole = claude_at(&FakeServer::with([Reply::stream(
        "stream-text-recorded.sse",
    )]))
    .args(["ask", "--stream", "-o", "json", "hi"])
    .output()
    .unwrap();
    let message: Value = serde_json::from_str(&stdout(&whole)).unwrap();
    let text: String = message["content"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|block| block["text"].as_str())
        .collect();
    assert!(!text.is_empty());
    assert_eq!(
        stdout(&output),
        format!("{}\n", text.trim_end_matches('\n'))
    );
    assert!(
        !stderr(&output).contains("has no text"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("usage: "), "{}", stderr(&output));
}

#[test]
fn a_reply_without_a_stop_reason_is_a_server_error() {
    // Streamed: message_start then message_stop, nothing between.
    let server = FakeServer::with([Reply::sse(&format!(
        "{START}event: message_stop\ndata: {{\"type\":\"message_stop\"}}\n\n"
    ))]);
    let output = claude_at(&server)
        .args(["--max-retries", "0", "ask", "--stream", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 9);
    assert_eq!(
        error_line(&output),
        "claude: error: the reply has no stop_reason, so whether it is whole cannot be told \
         (request-id: req_fake_0123456789)"
    );
    // Whole: a Message whose stop_reason is null. Retried like any broken
    // reply, then exit 9.
    let mut body: Value = serde_json::from_str(&fixture("message-basic-recorded.json")).unwrap();
    body["stop_reason"] = Value::Null;
    let server = FakeServer::with([Reply::json(body.to_string()), Reply::json(body.to_string())]);
    let output = claude_at(&server)
        .args(["--max-retries", "1", "ask", "--no-stream", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 9);
    assert!(error_line(&output).contains("no stop_reason"));
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn a_ping_or_error_event_that_is_not_json_is_exit_9_in_every_mode() {
    for bad in [
        "event: ping\ndata: {\ndata: not json\n\n",
        "event: error\ndata: upstream\ndata: broke\n\n",
    ] {
        for args in [&["--stream"][..], &["-o", "stream-json"], &["-o", "json"]] {
            let server = FakeServer::with([Reply::sse(&format!("{START}{TEXT_BLOCK}{bad}{END}"))]);
            let output = claude_at(&server)
                .args(["--max-retries", "0", "ask"])
                .args(args)
                .arg("hi")
                .output()
                .unwrap();
            assert_exit(&output, 9);
            if args.contains(&"stream-json") {
                // Only lines that are JSON were printed.
                let printed = stdout(&output);
                assert_eq!(printed.lines().count(), 2, "{printed}");
                for line in printed.lines() {
                    serde_json::from_str::<Value>(line).unwrap();
                }
            }
        }
    }
}
