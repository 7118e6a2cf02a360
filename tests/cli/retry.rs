use std::time::Duration;

use serde_json::json;

use crate::support::*;

fn ok() -> Reply {
    Reply::message("message-basic-recorded.json")
}

/// Gaps between consecutive requests the server received.
fn gaps(server: &FakeServer) -> Vec<Duration> {
    let requests = server.requests();
    requests.windows(2).map(|w| w[1].at - w[0].at).collect()
}

#[test]
fn a_429_honours_retry_after_ms_then_succeeds() {
    let server = FakeServer::with([
        Reply::error(429, "rate_limit_error", "slow down").header("retry-after-ms", "400"),
        ok(),
    ]);
    let output = claude_at(&server).args(["ask", "hi"]).output().unwrap();
    assert_exit(&output, 0);
    assert_eq!(server.requests().len(), 2);
    let gap = gaps(&server)[0];
    assert!(gap >= Duration::from_millis(400), "waited only {gap:?}");
    assert!(
        gap < Duration::from_millis(3000),
        "waited {gap:?}, not the server's 400 ms"
    );
}

#[test]
fn retry_after_seconds_and_http_dates_are_honoured() {
    let server = FakeServer::with([
        Reply::error(529, "overloaded_error", "Overloaded").header("retry-after", "0.6"),
        ok(),
    ]);
    claude_at(&server).args(["ask", "hi"]).assert().success();
    assert!(gaps(&server)[0] >= Duration::from_millis(600));

    // Three seconds ahead, truncated to the second: at least two remain when
    // the date is written, so a slow start still leaves more than one.
    let in_three_seconds =
        httpdate::fmt_http_date(std::time::SystemTime::now() + Duration::from_secs(3));
    let server = FakeServer::with([
        Reply::error(503, "api_error", "unavailable").header("retry-after", &in_three_seconds),
        ok(),
    ]);
    claude_at(&server).args(["ask", "hi"]).assert().success();
    // An HTTP date has one-second resolution: well over one second remains.
    assert!(
        gaps(&server)[0] >= Duration::from_millis(1000),
        "{:?}",
        gaps(&server)
    );
}

#[test]
fn without_a_server_hint_the_backoff_is_exponential() {
    let server = FakeServer::with([
        Reply::error(529, "overloaded_error", "Overloaded"),
        Reply::error(500, "api_error", "Internal server error"),
        ok(),
    ]);
    let output = claude_at(&server).args(["ask", "hi"]).output().unwrap();
    assert_exit(&output, 0);
    let gaps = gaps(&server);
    assert_eq!(gaps.len(), 2);
    // 0.5 s then 1 s, each scaled by a jitter in (0.75, 1].
    assert!(
        gaps[0] >= Duration::from_millis(375) && gaps[0] < Duration::from_millis(900),
        "{gaps:?}"
    );
    assert!(
        gaps[1] >= Duration::from_millis(750) && gaps[1] < Duration::from_millis(1400),
        "{gaps:?}"
    );
}

#[test]
fn retries_stop_after_max_retries() {
    let server = FakeServer::with((0..5).map(|_| {
        Reply::error(529, "overloaded_error", "Overloaded").header("retry-after-ms", "1")
    }));
    let output = claude_at(&server).args(["ask", "hi"]).output().unwrap();
    assert_exit(&output, 9);
    assert_eq!(server.requests().len(), 3, "the default is two retries");

    let server = FakeServer::with((0..5).map(|_| {
        Reply::error(529, "overloaded_error", "Overloaded").header("retry-after-ms", "1")
    }));
    let output = claude_at(&server)
        .args(["--max-retries", "0", "ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 9);
    assert_eq!(server.requests().len(), 1);

    let server = FakeServer::with(
        (0..5).map(|_| Reply::error(429, "rate_limit_error", "slow").header("retry-after-ms", "1")),
    );
    let output = claude_at(&server)
        .args(["--max-retries", "4", "ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 8);
    assert_eq!(server.requests().len(), 5);
}

#[test]
fn retryable_statuses_follow_the_sdk_table() {
    for status in [408, 409, 429, 500, 502, 503, 504, 529] {
        let server = FakeServer::with([
            Reply::error(status, "api_error", "try again").header("retry-after-ms", "1"),
            ok(),
        ]);
        let output = claude_at(&server).args(["ask", "hi"]).output().unwrap();
        assert_exit(&output, 0);
        assert_eq!(server.requests().len(), 2, "status {status} is retried");
    }
    for status in [400, 401, 403, 404, 413, 422] {
        let server = FakeServer::with([Reply::error(status, "invalid_request_error", "no"), ok()]);
        let output = claude_at(&server).args(["ask", "hi"]).output().unwrap();
        assert_ne!(output.status.code(), Some(0));
        assert_eq!(server.requests().len(), 1, "status {status} is not retried");
    }
}

#[test]
fn x_should_retry_overrides_the_status() {
    let server = FakeServer::with([
        Reply::error(500, "api_error", "do not retry").header("x-should-retry", "false"),
        ok(),
    ]);
    let output = claude_at(&server).args(["ask", "hi"]).output().unwrap();
    assert_exit(&output, 9);
    assert_eq!(server.requests().len(), 1);

    let server = FakeServer::with([
        Reply::error(400, "invalid_request_error", "retry me")
            .header("x-should-retry", "true")
            .header("retry-after-ms", "1"),
        ok(),
    ]);
    let output = claude_at(&server).args(["ask", "hi"]).output().unwrap();
    assert_exit(&output, 0);
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn a_wait_longer_than_max_retry_wait_fails_at_once_and_says_so() {
    let server = FakeServer::with([
        Reply::error(
            429,
            "rate_limit_error",
            "Number of requests has exceeded your rate limit",
        )
        .header("retry-after", "120"),
        ok(),
    ]);
    let output = claude_at(&server).args(["ask", "hi"]).output().unwrap();
    assert_exit(&output, 8);
    assert_eq!(
        server.requests().len(),
        1,
        "the 120 s wait is not slept through"
    );
    let line = error_line(&output);
    assert!(
        line.contains("retry after 120s") && line.contains("--max-retry-wait"),
        "{line}"
    );
    assert!(line.contains("request-id: req_fake_0123456789"), "{line}");

    let server = FakeServer::with([
        Reply::error(529, "overloaded_error", "Overloaded").header("retry-after", "3"),
        ok(),
    ]);
    let output = claude_at(&server)
        .args(["--max-retry-wait", "1", "ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 9);
    assert_eq!(server.requests().len(), 1);
    assert!(error_line(&output).contains("retry after 3s"));
}

#[test]
fn connection_failures_are_retried_then_exit_10() {
    let server = FakeServer::with([Reply::Close, Reply::Close, Reply::Close]);
    let output = claude_at(&server).args(["ask", "hi"]).output().unwrap();
    assert_exit(&output, 10);
    assert_eq!(server.requests().len(), 3);

    let server = FakeServer::with([Reply::Close, ok()]);
    claude_at(&server).args(["ask", "hi"]).assert().success();
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn a_refused_connection_is_exit_10() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let output = claude()
        .env("ANTHROPIC_API_KEY", SECRET_KEY)
        .args(["--base-url", &url, "--max-retries", "1", "ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 10);
    assert!(
        error_line(&output).contains("cannot connect to"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_server_that_never_answers_times_out_and_is_retried() {
    let server = FakeServer::with([Reply::Hang, Reply::Hang]);
    let output = claude_at(&server)
        .args(["--timeout", "0.5", "--max-retries", "1", "ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 10);
    assert_eq!(server.requests().len(), 2);
    assert!(error_line(&output).contains("no data from the server for 0.5s"));
}

#[test]
fn the_fallback_model_gets_the_request_when_the_server_keeps_failing() {
    let overloaded =
        || Reply::error(529, "overloaded_error", "Overloaded").header("retry-after-ms", "1");
    let server = FakeServer::with([overloaded(), overloaded(), overloaded(), ok()]);
    let output = claude_at(&server)
        .args(["--fallback-model", "haiku", "ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let models: Vec<_> = server
        .requests()
        .iter()
        .map(|r| r.json()["model"].clone())
        .collect();
    assert_eq!(
        models,
        [
            json!("claude-sonnet-5"),
            json!("claude-sonnet-5"),
            json!("claude-sonnet-5"),
            json!("claude-haiku-4-5")
        ]
    );
    let notes: Vec<String> = stderr(&output).lines().map(str::to_owned).collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].contains("--fallback-model claude-haiku-4-5"),
        "{notes:?}"
    );
    // Apart from the model, the fallback request is the same request.
    let requests = server.requests();
    let mut first = requests[0].json();
    first["model"] = json!("claude-haiku-4-5");
    assert_eq!(first, requests[3].json());
}

#[test]
fn the_fallback_is_not_used_for_client_errors_or_rate_limits() {
    let server = FakeServer::with([Reply::error(400, "invalid_request_error", "bad"), ok()]);
    let output = claude_at(&server)
        .args(["--fallback-model", "haiku", "ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 7);
    assert_eq!(server.requests().len(), 1);

    let server = FakeServer::with([Reply::error(429, "rate_limit_error", "slow"), ok()]);
    let output = claude_at(&server)
        .args([
            "--fallback-model",
            "haiku",
            "--max-retries",
            "0",
            "ask",
            "hi",
        ])
        .output()
        .unwrap();
    assert_exit(&output, 8);
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn the_fallback_never_follows_printed_output() {
    let server = FakeServer::with([Reply::stream("stream-error-midstream.assembled.sse"), ok()]);
    let output = claude_at(&server)
        .args(["--fallback-model", "haiku", "ask", "--stream", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 9);
    assert_eq!(server.requests().len(), 1);
    assert_eq!(stdout(&output), "Partial answer before the\n");
}

#[test]
fn a_stream_error_event_before_any_output_is_retried() {
    let server = FakeServer::with([
        Reply::stream("stream-error-only.sse"),
        Reply::stream("stream-basic.sse"),
    ]);
    let output = claude_at(&server)
        .args(["ask", "--stream", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(stdout(&output), "Hello there!\n");
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn an_overloaded_stream_triggers_the_fallback_before_output() {
    let server = FakeServer::with([
        Reply::stream("stream-error-only.sse"),
        Reply::stream("stream-error-only.sse"),
        Reply::stream("stream-basic.sse"),
    ]);
    let output = claude_at(&server)
        .args([
            "--max-retries",
            "1",
            "--fallback-model",
            "opus",
            "ask",
            "--stream",
            "hi",
        ])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(server.requests()[2].json()["model"], json!("claude-opus-5"));
}

#[test]
fn redirects_are_not_followed_so_the_key_stays_home() {
    let elsewhere = FakeServer::with([ok()]);
    let server = FakeServer::with([
        Reply::status(307, "").header("location", &format!("{}/steal", elsewhere.url()))
    ]);
    let output = claude_at(&server).args(["ask", "hi"]).output().unwrap();
    assert_exit(&output, 7);
    assert!(
        elsewhere.requests().is_empty(),
        "the key went to another host"
    );
    let line = error_line(&output);
    assert!(
        line.contains("307")
            && line.contains("redirected to")
            && line.ends_with("check the base URL (ANTHROPIC_BASE_URL)"),
        "{line}"
    );
}

#[test]
fn the_fallback_is_skipped_when_it_names_the_same_model() {
    let server = FakeServer::with([Reply::error(529, "overloaded_error", "Overloaded"), ok()]);
    let output = claude_at(&server)
        .args([
            "--max-retries",
            "0",
            "--fallback-model",
            "sonnet",
            "ask",
            "hi",
        ])
        .output()
        .unwrap();
    assert_exit(&output, 9);
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn a_too_long_wait_on_an_overloaded_server_goes_to_the_fallback() {
    let server = FakeServer::with([
        Reply::error(529, "overloaded_error", "Overloaded").header("retry-after", "300"),
        ok(),
    ]);
    let output = claude_at(&server)
        .args(["--fallback-model", "haiku", "ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[1].json()["model"], json!("claude-haiku-4-5"));
    assert!(
        stderr(&output).contains("retry after 300s"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn server_trouble_after_retries_says_so_and_when_to_try() {
    for (status, kind, what) in [
        (529, "overloaded_error", "the API is overloaded"),
        (500, "api_error", "the API is failing on its side"),
    ] {
        let server = FakeServer::with(
            (0..3).map(|_| Reply::error(status, kind, "trouble").header("retry-after-ms", "1")),
        );
        let output = claude_at(&server).args(["ask", "hi"]).output().unwrap();
        assert_exit(&output, 9);
        assert_eq!(server.requests().len(), 3);
        let line = error_line(&output);
        assert!(
            line.ends_with(&format!(
                "; {what} (retried 2 times): try again later, or raise --max-retries"
            )),
            "{line}"
        );
    }
    let server = FakeServer::with([Reply::error(529, "overloaded_error", "Overloaded")]);
    let output = claude_at(&server)
        .args(["--max-retries", "0", "ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 9);
    assert!(
        error_line(&output)
            .ends_with("; the API is overloaded: try again later, or raise --max-retries"),
        "{}",
        error_line(&output)
    );
}
