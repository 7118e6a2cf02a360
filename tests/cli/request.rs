use serde_json::{Value, json};

use crate::support::*;

/// Bodies the official Python SDK sent for the same parameters, recorded
/// offline by scripts/sdk-request-bodies.py.
fn sdk_cases() -> Vec<Value> {
    let all: Value = serde_json::from_str(&fixture("sdk-request-bodies.json")).unwrap();
    let cases: Vec<Value> = all.as_object().unwrap().values().cloned().collect();
    assert!(cases.len() >= 45, "expected the full case list");
    cases
}

/// A fake API for a case: the one reply it needs, or for the Files API
/// cases a store holding the case's files that gives uploads its ids.
fn server_for(case: &Value) -> FakeServer {
    // A case with `replies` is answered with them, in order.
    if let Some(replies) = case["replies"].as_array() {
        return FakeServer::with(
            replies
                .iter()
                .map(|name| Reply::message(name.as_str().unwrap())),
        );
    }
    let reply = if case["body"]["stream"] == json!(true) {
        Reply::stream("stream-basic.sse")
    } else if case["path"] == json!("/v1/messages/count_tokens") {
        Reply::json(r#"{"input_tokens": 42}"#)
    } else if case["path"] == json!("/v1/messages/batches") {
        Reply::message("message-batch.assembled.json")
    } else if case["body"]["output_config"]["format"].is_object() {
        Reply::message("message-structured-output-recorded.json")
    } else {
        Reply::message("message-basic-recorded.json")
    };
    let files = case["files"].as_array().cloned().unwrap_or_default();
    let ids = case["upload_ids"].as_array().cloned().unwrap_or_default();
    if files.is_empty() && ids.is_empty() && case["path"] != json!("/v1/files") {
        return FakeServer::with([reply]);
    }
    let store = FileStore::new();
    for file in &files {
        store.add(StoredFile::new(
            file["id"].as_str().unwrap(),
            file["filename"].as_str().unwrap(),
            file["mime_type"].as_str().unwrap(),
            b"stored",
        ));
    }
    let ids: Vec<&str> = ids.iter().map(|id| id.as_str().unwrap()).collect();
    store.next_ids(&ids);
    FakeServer::routing(move |request| store.answer(request).unwrap_or_else(|| reply.clone()))
}

#[test]
fn request_bodies_equal_what_the_official_sdk_sends() {
    for case in sdk_cases() {
        let name = case["name"].as_str().unwrap();
        let server = server_for(&case);
        let args: Vec<&str> = case["cli"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        let mut cmd = claude_at(&server);
        cmd.args(&args);
        if let Some(stdin) = case["stdin"].as_str() {
            cmd.write_stdin(stdin);
        }
        if let Some(path) = case["stdin_file"].as_str() {
            cmd.write_stdin(std::fs::read(path).unwrap());
        }
        for (name, value) in case["env"].as_object().into_iter().flatten() {
            cmd.env(name, value.as_str().unwrap());
        }
        let output = cmd.output().unwrap();
        assert_exit(&output, 0);
        let requests = server.requests();
        let uploads: Vec<&Recorded> = requests
            .iter()
            .filter(|r| r.method == "POST" && r.path == "/v1/files")
            .collect();
        let expected = case["uploads"].as_array().cloned().unwrap_or_default();
        assert_eq!(uploads.len(), expected.len(), "case {name}: uploads");
        for (sent, parts) in uploads.iter().zip(&expected) {
            let sent = crate::support::files::parts(sent);
            let parts = parts.as_array().unwrap();
            assert_eq!(sent.len(), parts.len(), "case {name}: parts");
            for (part, want) in sent.iter().zip(parts) {
                assert_eq!(
                    Some(part.name.as_str()),
                    want["name"].as_str(),
                    "case {name}"
                );
                assert_eq!(
                    part.filename.as_deref(),
                    want["filename"].as_str(),
                    "case {name}"
                );
                assert_eq!(
                    part.content_type.as_deref(),
                    want["content_type"].as_str(),
                    "case {name}"
                );
                let data = match want["data_file"].as_str() {
                    Some(path) => std::fs::read(path).unwrap(),
                    None => want["data_text"].as_str().unwrap().as_bytes().to_vec(),
                };
                assert_eq!(part.data, data, "case {name}: the part's bytes");
            }
        }
        // A case with `replies` is about the CLI's `request`-th request (a
        // tool step's, say); others about its last.
        let request = match case["request"].as_u64() {
            Some(n) => {
                let replies = case["replies"].as_array().unwrap().len();
                assert_eq!(requests.len(), replies, "case {name}");
                &requests[n as usize - 1]
            }
            None => requests
                .iter()
                .rfind(|r| r.method == "POST")
                .unwrap_or_else(|| panic!("case {name}: nothing was posted")),
        };
        assert_eq!(
            Some(request.path.as_str()),
            case["path"].as_str(),
            "case {name}"
        );
        if !case["body"].is_null() {
            assert_eq!(
                request.json(),
                case["body"],
                "case {name}: body differs from the SDK's"
            );
        }
        assert_eq!(
            request.header("anthropic-version"),
            case["anthropic_version"].as_str(),
            "case {name}"
        );
        assert_eq!(
            request.header("anthropic-beta"),
            case["anthropic_beta"].as_str(),
            "case {name}"
        );
    }
}

#[test]
fn sampling_flags_are_refused_on_the_default_version_before_sending() {
    let server = FakeServer::start();
    for (flags, named) in [
        (vec!["-t", "0.7"], "--temperature"),
        (vec!["--temperature", "1"], "--temperature"),
        (vec!["--top-p", "0.9"], "--top-p"),
        (vec!["--top-k", "10"], "--top-k"),
    ] {
        let output = claude_at(&server)
            .arg("ask")
            .args(&flags)
            .arg("hi")
            .output()
            .unwrap();
        assert_exit(&output, 2);
        let line = error_line(&output);
        assert!(
            line.contains(named) && line.contains("--api-version 2023-06-01"),
            "{line}"
        );
    }
    assert!(server.requests().is_empty());
}

#[test]
fn sampling_flags_are_sent_only_when_given() {
    let server = FakeServer::with([Reply::message("message-basic-recorded.json")]);
    let output = claude_at(&server)
        .args(["--api-version", "2023-06-01", "ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let body = server.single_request().json();
    for field in ["temperature", "top_p", "top_k"] {
        assert!(body.get(field).is_none(), "{field} sent unasked");
    }
}

#[test]
fn headers_carry_the_key_version_and_user_agent() {
    let server = FakeServer::with([Reply::message("message-basic-recorded.json")]);
    let output = claude_at(&server).args(["ask", "hi"]).output().unwrap();
    assert_exit(&output, 0);
    let request = server.single_request();
    assert_eq!(request.method, "POST");
    assert_eq!(request.path, "/v1/messages");
    assert_eq!(request.header("x-api-key"), Some(SECRET_KEY));
    assert_eq!(request.header("authorization"), None);
    assert_eq!(request.header("anthropic-version"), Some("2026-10-21"));
    assert_eq!(request.header("anthropic-beta"), None);
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert_eq!(
        request.header("user-agent"),
        Some(concat!("claude-cli/", env!("CARGO_PKG_VERSION")))
    );
}

#[test]
fn the_api_version_comes_from_the_flag_or_the_environment() {
    let server = FakeServer::with([
        Reply::message("message-basic-recorded.json"),
        Reply::message("message-basic-recorded.json"),
    ]);
    claude_at(&server)
        .env("ANTHROPIC_API_VERSION", "2023-06-01")
        .args(["ask", "hi"])
        .assert()
        .success();
    claude_at(&server)
        .env("ANTHROPIC_API_VERSION", "2023-06-01")
        .args(["--api-version", "2026-10-21", "ask", "hi"])
        .assert()
        .success();
    let versions: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.header("anthropic-version").unwrap().to_owned())
        .collect();
    assert_eq!(versions, ["2023-06-01", "2026-10-21"]);
}

#[test]
fn a_bearer_token_is_used_only_without_a_key() {
    let server = FakeServer::with([
        Reply::message("message-basic-recorded.json"),
        Reply::message("message-basic-recorded.json"),
    ]);
    claude()
        .env("ANTHROPIC_BASE_URL", server.url())
        .env("ANTHROPIC_AUTH_TOKEN", "tok-123")
        .args(["ask", "hi"])
        .assert()
        .success();
    claude_at(&server)
        .env("ANTHROPIC_AUTH_TOKEN", "tok-123")
        .args(["ask", "hi"])
        .assert()
        .success();
    let requests = server.requests();
    assert_eq!(requests[0].header("authorization"), Some("Bearer tok-123"));
    assert_eq!(requests[0].header("x-api-key"), None);
    assert_eq!(requests[1].header("x-api-key"), Some(SECRET_KEY));
    assert_eq!(requests[1].header("authorization"), None, "never both");
}

#[test]
fn a_base_url_path_is_a_prefix() {
    let server = FakeServer::with([Reply::message("message-basic-recorded.json")]);
    claude_at(&server)
        .env(
            "ANTHROPIC_BASE_URL",
            format!("{}/gateway/anthropic", server.url()),
        )
        .args(["ask", "hi"])
        .assert()
        .success();
    assert_eq!(
        server.single_request().path,
        "/gateway/anthropic/v1/messages"
    );
}

#[test]
fn model_comes_from_the_flag_then_the_environment_then_the_default() {
    let server = FakeServer::with((0..3).map(|_| Reply::message("message-basic-recorded.json")));
    claude_at(&server).args(["ask", "hi"]).assert().success();
    claude_at(&server)
        .env("ANTHROPIC_MODEL", "opus")
        .args(["ask", "hi"])
        .assert()
        .success();
    claude_at(&server)
        .env("ANTHROPIC_MODEL", "opus")
        .args(["ask", "-m", "claude-3-haiku-20240307", "hi"])
        .assert()
        .success();
    let models: Vec<Value> = server
        .requests()
        .iter()
        .map(|r| r.json()["model"].clone())
        .collect();
    assert_eq!(
        models,
        [
            json!("claude-sonnet-5"),
            json!("claude-opus-5"),
            json!("claude-3-haiku-20240307")
        ]
    );
}

#[test]
fn the_system_prompt_can_come_from_a_file() {
    let dir = tempdir("system");
    let file = dir.join("system.md");
    std::fs::write(&file, "You are terse.").unwrap();
    let server = FakeServer::with([Reply::message("message-basic-recorded.json")]);
    claude_at(&server)
        .args(["ask", "--system-file", file.to_str().unwrap(), "hi"])
        .assert()
        .success();
    assert_eq!(
        server.single_request().json()["system"],
        json!("You are terse.")
    );
}

#[test]
fn invalid_option_values_are_exit_2_without_a_request() {
    let server = FakeServer::start();
    for args in [
        vec!["ask", "--thinking", "100", "hi"],
        vec!["ask", "--thinking", "9000", "hi"],
        vec!["ask", "--thinking", "lots", "hi"],
        vec!["ask", "--effort", "extreme", "hi"],
        vec!["ask", "--cache=2h", "hi"],
        vec!["ask", "-s", "a", "--system-file", "b", "hi"],
        vec!["ask", "--max-tokens", "-1", "hi"],
        vec!["--timeout", "0", "ask", "hi"],
        vec!["--base-url", "ftp://example.com", "ask", "hi"],
        vec!["--max-retries", "4294967295", "ask", "hi"],
        vec!["ask", "-o", "stream-json", "--no-stream", "hi"],
        vec!["ask", "--no-such-flag", "hi"],
    ] {
        let output = claude_at(&server).args(&args).output().unwrap();
        assert_exit(&output, 2);
        // The error comes first; clap's errors go on with its details and
        // the usage line.
        assert!(
            stderr(&output).starts_with("claude: error: "),
            "{args:?}: {}",
            stderr(&output)
        );
        error_line(&output);
    }
    assert!(server.requests().is_empty());
}

#[test]
fn values_an_http_header_cannot_carry_are_exit_2_without_a_request() {
    let server = FakeServer::start();
    let cases: Vec<(Vec<&str>, (&str, &str))> = vec![
        (vec!["ask", "hi"], ("ANTHROPIC_API_KEY", "sk-ant-\u{1}bad")),
        (
            vec!["ask", "hi"],
            ("ANTHROPIC_API_VERSION", "2026-10-21\u{7f}"),
        ),
        (vec!["ask", "--beta", "a\u{1b}[31m", "hi"], ("X", "")),
    ];
    for (args, (name, value)) in cases {
        let output = claude_at(&server)
            .env(name, value)
            .args(&args)
            .output()
            .unwrap();
        assert_exit(&output, 2);
        assert!(
            error_line(&output).contains("HTTP header"),
            "{}",
            stderr(&output)
        );
    }
    assert!(server.requests().is_empty());
}

#[test]
fn dry_run_prints_the_request_and_sends_nothing() {
    let server = FakeServer::start();
    let output = claude_at(&server)
        .args(["ask", "--dry-run", "--beta", "b1", "-m", "haiku", "hello"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(server.requests().is_empty());
    let text = stdout(&output);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(format!("POST {}/v1/messages", server.url()).as_str())
    );
    let headers: Vec<&str> = lines.by_ref().take_while(|l| !l.is_empty()).collect();
    assert!(headers.contains(&"x-api-key: <redacted>"), "{headers:?}");
    assert!(headers.contains(&"anthropic-version: 2026-10-21"));
    assert!(headers.contains(&"anthropic-beta: b1"));
    let body: Value = serde_json::from_str(lines.next().unwrap()).unwrap();
    assert_eq!(
        body,
        json!({"max_tokens":4096,"messages":[{"role":"user","content":"hello"}],"model":"claude-haiku-4-5"})
    );
    assert!(!text.contains(SECRET_KEY));
}

#[test]
fn dry_run_needs_no_key() {
    let output = claude()
        .args(["ask", "--dry-run", "hello"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(stdout(&output).starts_with("POST https://api.anthropic.com/v1/messages\n"));
    assert!(!stdout(&output).contains("x-api-key"));
}

#[test]
fn sampling_on_the_old_version_warns_about_the_default_model_only() {
    let dry_run = |args: &[&str]| {
        let output = claude()
            .args(["--api-version", "2023-06-01", "ask", "--dry-run"])
            .args(args)
            .arg("hi")
            .output()
            .unwrap();
        assert_exit(&output, 0);
        let body: serde_json::Value =
            serde_json::from_str(stdout(&output).lines().last().unwrap()).unwrap();
        (body, stderr(&output))
    };
    let (body, notes) = dry_run(&["-t", "0.5"]);
    assert_eq!(body["temperature"], 0.5, "sent as given");
    assert!(
        notes.contains(
            "claude: --temperature is sent to claude-sonnet-5, the default model; models after \
             the 4.6 generation refuse sampling parameters"
        ),
        "{notes}"
    );
    let (_, notes) = dry_run(&["-m", "claude-sonnet-4-6", "-t", "0.5"]);
    assert!(!notes.contains("sampling"), "{notes}");
    let (_, notes) = dry_run(&["-m", "claude-sonnet-4-6", "-t", "0.5", "--top-p", "0.9"]);
    assert!(
        notes.contains("--temperature and --top-p are both sent"),
        "{notes}"
    );
}
