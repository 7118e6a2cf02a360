use crate::support::*;

#[test]
fn verbose_logs_each_attempt_without_the_key() {
    let server = FakeServer::with([
        Reply::error(429, "rate_limit_error", "slow down").header("retry-after-ms", "5"),
        Reply::message("message-basic-recorded.json"),
    ]);
    let output = claude_at(&server)
        .args(["-v", "ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let log = stderr(&output);
    let url = format!("{}/v1/messages", server.url());
    let expected_starts = [
        format!("claude: POST {url} (attempt 1 of 3, "),
        "claude: 429 after ".to_owned(),
        "claude: attempt failed after ".to_owned(),
        "claude: retrying in 0.01s".to_owned(),
        format!("claude: POST {url} (attempt 2 of 3, "),
        "claude: 200 after ".to_owned(),
    ];
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), expected_starts.len(), "{log}");
    for (line, start) in lines.iter().zip(&expected_starts) {
        assert!(
            line.starts_with(start.as_str()),
            "{line:?} should start with {start:?}"
        );
    }
    assert!(lines[1].ends_with("(request-id: req_fake_0123456789)"));
    assert!(!log.contains(SECRET_KEY));
}

#[test]
fn anthropic_log_debug_shows_redacted_headers() {
    let server = FakeServer::with([Reply::message("message-basic-recorded.json")]);
    let output = claude_at(&server)
        .env("ANTHROPIC_LOG", "debug")
        .args(["ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let log = stderr(&output);
    assert!(log.contains("claude:   x-api-key: <redacted>"), "{log}");
    assert!(log.contains("claude:   anthropic-version: 2026-10-21"));
    assert!(log.contains("claude:   request-id: req_fake_0123456789"));
    assert!(log.contains(r#"claude:   body: {"max_tokens":4096"#));
    assert!(!log.contains(SECRET_KEY));
    assert!(!stdout(&output).contains(SECRET_KEY));
}

#[test]
fn the_key_never_appears_in_any_output() {
    let token = "bearer-secret-token-987654321";
    let scenarios: Vec<(Vec<&str>, Reply)> = vec![
        (
            vec!["-vv", "ask", "hi"],
            Reply::message("message-basic-recorded.json"),
        ),
        (
            vec!["-vv", "ask", "--stream", "hi"],
            Reply::stream("stream-basic.sse"),
        ),
        (
            vec!["-vv", "--max-retries", "0", "ask", "hi"],
            Reply::error(401, "authentication_error", "invalid x-api-key"),
        ),
        (vec!["-vv", "--max-retries", "0", "ask", "hi"], Reply::Close),
        (vec!["-vv", "ask", "--dry-run", "hi"], Reply::Hang),
        (
            vec!["-vv", "ask", "-o", "json", "hi"],
            Reply::message("message-basic-recorded.json"),
        ),
    ];
    for (args, reply) in scenarios {
        for with_token in [false, true] {
            let server = FakeServer::with([reply.clone()]);
            let mut cmd = claude_at(&server);
            if with_token {
                cmd.env_remove("ANTHROPIC_API_KEY")
                    .env("ANTHROPIC_AUTH_TOKEN", token);
            }
            let output = cmd.args(&args).output().unwrap();
            let all = format!("{}{}", stdout(&output), stderr(&output));
            assert!(!all.contains(SECRET_KEY), "{args:?} leaked the key:\n{all}");
            assert!(!all.contains(token), "{args:?} leaked the token:\n{all}");
        }
    }
}

#[test]
fn both_credentials_are_mentioned_in_the_log() {
    let server = FakeServer::with([Reply::message("message-basic-recorded.json")]);
    let output = claude_at(&server)
        .env("ANTHROPIC_AUTH_TOKEN", "tok")
        .args(["-v", "ask", "hi"])
        .output()
        .unwrap();
    assert!(
        stderr(&output)
            .contains("both ANTHROPIC_API_KEY and ANTHROPIC_AUTH_TOKEN are set; using the API key")
    );
}

#[test]
fn anthropic_log_info_logs_attempts_without_headers() {
    let server = FakeServer::with([Reply::message("message-basic-recorded.json")]);
    let output = claude_at(&server)
        .env("ANTHROPIC_LOG", "info")
        .args(["ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let log = stderr(&output);
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 2, "{log}");
    assert!(lines[0].starts_with(&format!(
        "claude: POST {}/v1/messages (attempt 1 of 3",
        server.url()
    )));
    assert!(lines[1].starts_with("claude: 200 after "));
}
