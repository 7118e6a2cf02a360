use serde_json::{Value, json};

use crate::support::*;

fn count_server() -> FakeServer {
    FakeServer::with([Reply::message("count-tokens-response.assembled.json")])
}

#[test]
fn count_prints_the_input_tokens_of_the_request_ask_would_send() {
    let server = count_server();
    let output = claude_at(&server)
        .args([
            "count",
            "-s",
            "terse",
            "--max-tokens",
            "100",
            "--stop",
            "X",
            "hello",
        ])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(stdout(&output), "2095\n");
    let request = server.single_request();
    assert_eq!(request.method, "POST");
    assert_eq!(request.path, "/v1/messages/count_tokens");
    // The fields count_tokens refuses are left out.
    assert_eq!(
        request.json(),
        json!({"messages": [{"role": "user", "content": "hello"}], "model": "claude-sonnet-5", "system": "terse"})
    );
}

#[test]
fn count_json_prints_the_response() {
    let server = count_server();
    let output = claude_at(&server)
        .args(["count", "-o", "json", "hello"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let printed: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(printed, json!({"input_tokens": 2095}));
    assert_eq!(stdout(&output).lines().count(), 1);
}

#[test]
fn count_cost_uses_the_price_table() {
    let server = count_server();
    let output = claude_at(&server)
        .args(["count", "--cost", "hello"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(stdout(&output), "2095\n");
    // 2095 tokens × $2 per million (Sonnet 5 input) = $0.004190.
    assert_eq!(
        stderr(&output),
        "claude: 2095 input tokens for claude-sonnet-5: $0.004190 at $2/MTok (input price, before caching)\n"
    );

    let server = count_server();
    let output = claude_at(&server)
        .args(["count", "--cost", "-m", "claude-unknown-9", "hello"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(
        stderr(&output).contains("cost unknown"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn count_fails_like_ask() {
    let server = FakeServer::with([Reply::error(400, "invalid_request_error", "bad model")]);
    let output = claude_at(&server).args(["count", "x"]).output().unwrap();
    assert_exit(&output, 7);
    assert!(error_line(&output).contains("bad model"));

    let output = claude().args(["count", "x"]).output().unwrap();
    assert_exit(&output, 6);

    refused_count(&["count"], "nothing to send");
}

fn refused_count(args: &[&str], needle: &str) {
    let server = FakeServer::start();
    let output = claude_at(&server).args(args).output().unwrap();
    assert_exit(&output, 2);
    assert!(error_line(&output).contains(needle));
    assert!(server.requests().is_empty());
}

#[test]
fn count_dry_run_shows_the_count_request() {
    let output = claude()
        .args(["count", "--dry-run", "hello"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let text = stdout(&output);
    assert!(
        text.starts_with("POST https://api.anthropic.com/v1/messages/count_tokens\n"),
        "{text}"
    );
    let body: Value = serde_json::from_str(text.lines().last().unwrap()).unwrap();
    assert_eq!(body["model"], json!("claude-sonnet-5"));
    assert!(body.get("max_tokens").is_none());
}

fn model(id: &str, name: &str, created: &str) -> Value {
    json!({
        "type": "model", "id": id, "display_name": name, "created_at": created,
        "max_input_tokens": 1000000, "max_tokens": 128000, "capabilities": null
    })
}

fn two_pages() -> FakeServer {
    let first = json!({
        "data": [
            model("claude-opus-5", "Claude Opus 5", "2026-07-24T00:00:00Z"),
            model("claude-sonnet-5", "Claude Sonnet 5", "2026-06-01T00:00:00Z"),
        ],
        "has_more": true, "first_id": "claude-opus-5", "last_id": "claude-sonnet-5"
    });
    let second = json!({
        "data": [model("claude-haiku-4-5-20251001", "Claude Haiku 4.5", "2025-10-01T00:00:00Z")],
        "has_more": false, "first_id": "claude-haiku-4-5-20251001", "last_id": "claude-haiku-4-5-20251001"
    });
    FakeServer::with([
        Reply::json(first.to_string()),
        Reply::json(second.to_string()),
    ])
}

#[test]
fn models_follow_pagination_to_the_last_page() {
    let server = two_pages();
    let output = claude_at(&server).arg("models").output().unwrap();
    assert_exit(&output, 0);
    // Each page is printed as it arrives, aligned on the longest id so far.
    assert_eq!(
        stdout(&output),
        "claude-opus-5    2026-07-24  Claude Opus 5\n\
         claude-sonnet-5  2026-06-01  Claude Sonnet 5\n\
         claude-haiku-4-5-20251001  2025-10-01  Claude Haiku 4.5\n"
    );
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert!(requests.iter().all(|r| r.method == "GET"));
    assert_eq!(requests[0].path, "/v1/models?limit=1000");
    assert_eq!(
        requests[1].path,
        "/v1/models?limit=1000&after_id=claude-sonnet-5"
    );
    assert_eq!(requests[0].header("x-api-key"), Some(SECRET_KEY));
}

#[test]
fn models_json_prints_every_object_whole() {
    let server = two_pages();
    let output = claude_at(&server)
        .args(["models", "-o", "json"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let printed: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let ids: Vec<&str> = printed
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "claude-opus-5",
            "claude-sonnet-5",
            "claude-haiku-4-5-20251001"
        ]
    );
    assert_eq!(
        printed[0],
        model("claude-opus-5", "Claude Opus 5", "2026-07-24T00:00:00Z")
    );
}

#[test]
fn one_model_by_alias_shows_limits_and_capabilities() {
    let body = json!({
        "type": "model", "id": "claude-opus-5", "display_name": "Claude Opus 5",
        "created_at": "2026-07-24T00:00:00Z", "max_input_tokens": 1000000, "max_tokens": 128000,
        "capabilities": {
            "batch": {"supported": true}, "image_input": {"supported": true},
            "code_execution": {"supported": false},
            "thinking": {"supported": true, "types": {"adaptive": {"supported": true}, "enabled": {"supported": true}}}
        }
    });
    let server = FakeServer::with([Reply::json(body.to_string())]);
    let output = claude_at(&server)
        .args(["models", "opus"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    // The alias resolved offline: the request names the id.
    assert_eq!(server.single_request().path, "/v1/models/claude-opus-5");
    assert_eq!(
        stdout(&output),
        "id                 claude-opus-5\n\
         name               Claude Opus 5\n\
         created            2026-07-24\n\
         max input tokens   1000000\n\
         max output tokens  128000\n\
         supports           batch, image_input, thinking (adaptive, enabled)\n\
         does not support   code_execution\n"
    );
}

#[test]
fn an_unknown_model_is_exit_7() {
    let server = FakeServer::with([Reply::error(404, "not_found_error", "model: nope")]);
    let output = claude_at(&server)
        .args(["models", "nope"])
        .output()
        .unwrap();
    assert_exit(&output, 7);
    assert!(error_line(&output).contains("model: nope"));
}

#[test]
fn models_needs_a_key() {
    let output = claude().arg("models").output().unwrap();
    assert_exit(&output, 6);
}

#[test]
fn pagination_that_does_not_move_on_is_an_error_not_a_loop() {
    let page = |last: &str| {
        json!({"data": [model(last, "M", "2026-01-01T00:00:00Z")], "has_more": true, "last_id": last})
            .to_string()
    };
    // A, B, A: the third page repeats one already followed.
    let server = FakeServer::with([
        Reply::json(page("a")),
        Reply::json(page("b")),
        Reply::json(page("a")),
    ]);
    let output = claude_at(&server).arg("models").output().unwrap();
    assert_exit(&output, 9);
    assert!(error_line(&output).contains("pagination is broken"));
    assert_eq!(server.requests().len(), 3);
    // What arrived was printed as it came; the exit code says it is not all.
    assert_eq!(
        stdout(&output),
        "a  2026-01-01  M\nb  2026-01-01  M\na  2026-01-01  M\n"
    );

    let no_last_id = json!({"data": [], "has_more": true, "last_id": null}).to_string();
    let server = FakeServer::with([Reply::json(no_last_id)]);
    let output = claude_at(&server).arg("models").output().unwrap();
    assert_exit(&output, 9);
}

#[test]
fn dot_segments_are_not_model_ids() {
    for id in ["..", ".", "a/b"] {
        let server = FakeServer::start();
        let output = claude_at(&server).args(["models", id]).output().unwrap();
        assert_exit(&output, 2);
        assert!(server.requests().is_empty());
    }
}

#[test]
fn a_field_of_an_unexpected_type_blanks_only_itself() {
    let body =
        json!({"id": "m-1", "display_name": "Model One", "created_at": 123, "max_tokens": -3});
    let server = FakeServer::with([Reply::json(body.to_string())]);
    let output = claude_at(&server).args(["models", "m-1"]).output().unwrap();
    assert_exit(&output, 0);
    let text = stdout(&output);
    assert!(text.contains("name               Model One"), "{text}");
    assert!(text.contains("max output tokens  unknown"), "{text}");
}
