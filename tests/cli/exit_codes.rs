//! Each row of the contract's exit-code table, provoked through the real
//! binary (130 is in `signals`; 11 in `batch`).

use crate::support::*;

fn run(reply: Reply, args: &[&str]) -> std::process::Output {
    let server = FakeServer::with([reply]);
    claude_at(&server)
        .args(["--max-retries", "0", "ask"])
        .args(args)
        .arg("hi")
        .output()
        .unwrap()
}

#[test]
fn exit_0_for_end_turn_and_stop_sequence() {
    for reason in ["end_turn", "stop_sequence"] {
        assert_exit(&run(Reply::json(message_with_stop_reason(reason)), &[]), 0);
    }
}

#[test]
fn exit_1_for_an_unexpected_internal_failure() {
    // stdout on a full disk: not the user's fault, not the API's.
    let server = FakeServer::with([Reply::message("message-basic-recorded.json")]);
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = spawnable(&server)
        .args(["ask", "hi"])
        .stdin(std::process::Stdio::null())
        .stdout(full)
        .output()
        .unwrap();
    assert_exit(&output, 1);
    assert!(error_line(&output).contains("cannot write output"));
}

#[test]
fn exit_2_for_usage_errors() {
    let output = claude().args(["ask", "--bogus"]).output().unwrap();
    assert_exit(&output, 2);
    let output = claude()
        .env("ANTHROPIC_API_KEY", "k")
        .arg("ask")
        .output()
        .unwrap();
    assert_exit(&output, 2);
}

#[test]
fn exit_3_for_a_truncated_reply() {
    for reason in ["max_tokens", "model_context_window_exceeded"] {
        let output = run(Reply::json(message_with_stop_reason(reason)), &[]);
        assert_exit(&output, 3);
        assert!(!stdout(&output).is_empty(), "the partial text is printed");
        assert!(stderr(&output).contains("reply truncated"));
    }
}

#[test]
fn exit_4_for_a_refusal() {
    assert_exit(
        &run(Reply::json(message_with_stop_reason("refusal")), &[]),
        4,
    );
    assert_exit(
        &run(
            Reply::stream("stream-thinking-then-refusal.sse"),
            &["--stream"],
        ),
        4,
    );
}

#[test]
fn exit_5_for_an_unfinished_turn() {
    assert_exit(
        &run(Reply::json(message_with_stop_reason("tool_use")), &[]),
        5,
    );
    // A paused turn is continued; only when no continuation is left is it 5.
    assert_exit(
        &run(
            Reply::json(message_with_stop_reason("pause_turn")),
            &["--max-continuations", "0"],
        ),
        5,
    );
    assert_exit(
        &run(Reply::stream("stream-tool-use-recorded.sse"), &["--stream"]),
        5,
    );
}

#[test]
fn exit_6_for_authentication_and_permission() {
    let output = claude().args(["ask", "hi"]).output().unwrap();
    assert_exit(&output, 6);
    assert!(error_line(&output).contains("ANTHROPIC_API_KEY"));
    let output = run(
        Reply::status(401, fixture("error-authentication-401.assembled.json")),
        &[],
    );
    assert_exit(&output, 6);
    assert!(error_line(&output).contains("401 authentication_error"));
    assert_exit(
        &run(
            Reply::status(403, fixture("error-permission-403.assembled.json")),
            &[],
        ),
        6,
    );
}

#[test]
fn exit_7_for_rejected_requests() {
    let output = run(
        Reply::status(400, fixture("error-invalid-request-400-recorded.json"))
            .header("x-should-retry", "false"),
        &[],
    );
    assert_exit(&output, 7);
    let line = error_line(&output);
    assert!(
        line.starts_with("claude: error: 400 invalid_request_error: "),
        "{line}"
    );
    assert!(line.contains("(request-id: req_fake_0123456789)"), "{line}");
    assert_exit(
        &run(
            Reply::status(404, fixture("error-not-found-404.assembled.json")),
            &[],
        ),
        7,
    );
    assert_exit(&run(Reply::status(422, "{}"), &[]), 7);
    // Cloudflare answers 413 with HTML, not the JSON envelope.
    let output = run(
        Reply::status(
            413,
            "<html><body><h1>413 Request Entity Too Large</h1></body></html>",
        )
        .header("content-type", "text/html")
        .without_header("request-id"),
        &[],
    );
    assert_exit(&output, 7);
    assert_eq!(
        error_line(&output),
        "claude: error: 413 Payload Too Large: <html><body><h1>413 Request Entity Too Large</h1></body></html>; \
         the request is over the API's size limit (32 MB)"
    );
}

#[test]
fn exit_8_for_rate_limits() {
    let output = run(
        Reply::status(429, fixture("error-rate-limit-429-recorded.json")),
        &[],
    );
    assert_exit(&output, 8);
    assert!(error_line(&output).contains("429 rate_limit_error"));
}

#[test]
fn exit_9_for_server_errors_and_stream_errors() {
    assert_exit(
        &run(
            Reply::status(500, fixture("error-api-500.assembled.json")),
            &[],
        ),
        9,
    );
    let output = run(
        Reply::status(529, fixture("error-overloaded-529.assembled.json")),
        &[],
    );
    assert_exit(&output, 9);
    assert!(error_line(&output).contains("529 overloaded_error"));
    assert_exit(
        &run(
            Reply::stream("stream-error-midstream.assembled.sse"),
            &["--stream"],
        ),
        9,
    );
}

#[test]
fn exit_10_for_network_failures() {
    assert_exit(&run(Reply::Close, &[]), 10);
}

#[test]
fn exit_12_when_the_daily_budget_is_reached() {
    // A budget of nothing: spent (nothing) is already at it. More cases are
    // in `ledger`.
    let server = FakeServer::start();
    let output = claude_at(&server)
        .env("XDG_DATA_HOME", tempdir("exit-12"))
        .env("CLAUDE_DAILY_BUDGET_USD", "0")
        .args(["ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 12);
    assert!(error_line(&output).contains("budget reached"));
    assert!(server.requests().is_empty());
}
