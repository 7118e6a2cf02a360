use std::time::Duration;

use crate::support::*;

/// message_start, content_block_start, ping, then the "Hello" delta.
const UP_TO_FIRST_TEXT: usize = 4;

#[test]
fn a_stream_cut_before_any_text_is_retried() {
    let server = FakeServer::with([
        Reply::stream("stream-basic.sse").first_events(2),
        Reply::stream("stream-basic.sse"),
    ]);
    let output = claude_at(&server)
        .args(["ask", "--stream", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(stdout(&output), "Hello there!\n", "printed once");
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn a_stream_cut_after_text_is_exit_9_and_never_retried() {
    let server = FakeServer::with([
        Reply::stream("stream-basic.sse").first_events(UP_TO_FIRST_TEXT),
        Reply::stream("stream-basic.sse"),
    ]);
    let output = claude_at(&server)
        .args(["ask", "--stream", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 9);
    assert_eq!(
        server.requests().len(),
        1,
        "a retry would print the reply twice"
    );
    assert_eq!(stdout(&output), "Hello\n");
    assert!(error_line(&output).contains("the stream ended before message_stop"));
}

#[test]
fn a_cut_stream_that_printed_nothing_is_exit_9_after_retries() {
    let server = FakeServer::with(
        (0..3).map(|_| Reply::stream("stream-basic.sse").first_events(UP_TO_FIRST_TEXT)),
    );
    let output = claude_at(&server)
        .args(["ask", "-o", "json", "--stream", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 9);
    assert_eq!(
        server.requests().len(),
        3,
        "json output prints at the end, so retries are safe"
    );
    assert_eq!(stdout(&output), "");
}

#[test]
fn a_malformed_event_after_text_is_exit_9() {
    let sse = fixture("stream-basic.sse").replace(
        r#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" there"}}"#,
        r#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" th"#,
    );
    let server = FakeServer::with([Reply::sse(&sse)]);
    let output = claude_at(&server)
        .args(["ask", "--stream", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 9);
    assert_eq!(stdout(&output), "Hello\n");
    assert!(error_line(&output).contains("malformed stream event"));
}

#[test]
fn an_error_event_after_text_is_exit_9_with_its_type() {
    let server = FakeServer::with([Reply::stream("stream-error-midstream.assembled.sse")]);
    let output = claude_at(&server)
        .args(["ask", "--stream", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 9);
    assert_eq!(stdout(&output), "Partial answer before the\n");
    assert_eq!(
        error_line(&output),
        "claude: error: stream error: overloaded_error: Overloaded (request-id: \
         req_fake_0123456789); the API is overloaded: try again later"
    );
}

#[test]
fn a_connection_lost_after_text_is_exit_10() {
    let server = FakeServer::with([Reply::stream("stream-basic.sse")
        .first_events(UP_TO_FIRST_TEXT)
        .end(End::Abort)]);
    let output = claude_at(&server)
        .args(["ask", "--stream", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 10);
    assert_eq!(stdout(&output), "Hello\n");
    assert!(
        error_line(&output).contains("connection lost"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_stalled_stream_fails_after_the_timeout_with_exit_10() {
    let server = FakeServer::with([Reply::stream("stream-basic.sse")
        .first_events(UP_TO_FIRST_TEXT)
        .end(End::Stall)]);
    let output = claude_at(&server)
        .args(["--timeout", "0.5", "ask", "--stream", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 10);
    assert_eq!(stdout(&output), "Hello\n");
    assert!(error_line(&output).contains("no data from the server for 0.5s"));
}

#[test]
fn a_long_stream_that_keeps_talking_never_times_out() {
    // Nine events 250 ms apart: two seconds in all, four times the timeout.
    let server =
        FakeServer::with([Reply::stream("stream-basic.sse").gap(Duration::from_millis(250))]);
    let output = claude_at(&server)
        .args(["--timeout", "0.5", "ask", "--stream", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(stdout(&output), "Hello there!\n");
}

#[test]
fn events_before_message_start_are_a_protocol_error() {
    let sse = "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"x\"}}\n\n";
    let server = FakeServer::with((0..3).map(|_| Reply::sse(sse)));
    let output = claude_at(&server)
        .args(["ask", "--stream", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 9);
    assert!(error_line(&output).contains("before `message_start`"));
}

#[test]
fn line_ends_and_splits_on_the_wire_do_not_matter() {
    let sse = fixture("stream-basic.sse");
    for (name, text) in [
        ("LF", sse.clone()),
        ("CRLF", sse.replace('\n', "\r\n")),
        ("CR", sse.replace('\n', "\r")),
    ] {
        for size in [1, 7, 64] {
            let pieces = text.as_bytes().chunks(size).map(<[u8]>::to_vec).collect();
            let server = FakeServer::with([Reply::chunks(pieces)]);
            let output = claude_at(&server)
                .args(["ask", "--stream", "hi"])
                .output()
                .unwrap();
            assert_exit(&output, 0);
            assert_eq!(
                stdout(&output),
                "Hello there!\n",
                "{name} in {size}-byte chunks"
            );
        }
    }
}

#[test]
fn garbage_bytes_from_the_server_never_panic() {
    let bodies: Vec<Vec<u8>> = vec![
        b"\xff\xfe\x00garbage\r\r\n\n".to_vec(),
        b"data: {\"type\":\"message_start\",\"message\":7}\n\n".to_vec(),
        b"event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"content\":[]}}\n\ndata: {\"type\":\"content_block_delta\",\"index\":18446744073709551615,\"delta\":{\"type\":\"text_delta\",\"text\":\"x\"}}\n\n".to_vec(),
        b"event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"content\":[]}}\n\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\",\"input\":{}}}\n\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"".iter().copied().chain(b"[".repeat(100_000)).chain(b"\"}}\n\n".iter().copied()).collect(),
        vec![b'\n'; 100_000],
        vec![b'\r'; 100_000],
        b":\n:\n:\n".repeat(1000),
        b"data: \xc3\x28\n\n".to_vec(),
    ];
    for body in bodies {
        let pieces = body.chunks(4096).map(<[u8]>::to_vec).collect();
        let server = FakeServer::with([Reply::chunks(pieces)]);
        let output = claude_at(&server)
            .args(["--max-retries", "0", "ask", "--stream", "hi"])
            .output()
            .unwrap();
        assert_exit(&output, 9);
        assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
    }
    for body in [
        "",
        "not json",
        "{\"content\": 5}",
        "[]",
        "{\"type\":\"message\"}",
    ] {
        let server = FakeServer::with([Reply::json(body)]);
        let output = claude_at(&server)
            .args(["--max-retries", "0", "ask", "hi"])
            .output()
            .unwrap();
        assert_exit(&output, 9);
        assert!(error_line(&output).contains("the reply is not a valid Message"));
    }
}
