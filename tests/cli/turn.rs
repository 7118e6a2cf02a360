use serde_json::value::RawValue;
use serde_json::{Value, json};

use crate::support::*;

/// A web search turn the server paused, then the rest of it: the recorded
/// web search reply cut in two (whole replies, pretty-printed with `\u`
/// escapes, so byte-for-byte matters).
fn paused() -> Reply {
    Reply::message("message-pause-turn.assembled.json")
}

fn after() -> Reply {
    Reply::message("message-after-pause.assembled.json")
}

/// The `content` of a fixture exactly as the file holds it.
fn raw_content(name: &str) -> String {
    #[derive(serde::Deserialize)]
    struct Body<'a> {
        #[serde(borrow)]
        content: &'a RawValue,
    }
    let text = fixture(name);
    let body: Body<'_> = serde_json::from_str(&text).unwrap();
    body.content.get().to_owned()
}

fn message(name: &str) -> Value {
    serde_json::from_str(&fixture(name)).unwrap()
}

#[test]
fn a_paused_turn_is_sent_back_byte_for_byte_and_finishes() {
    let server = FakeServer::with([paused(), after()]);
    let output = claude_at(&server)
        .args(["ask", "--no-sources", "weather in San Francisco?"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let text: String = message("message-after-pause.assembled.json")["content"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|b| b["text"].as_str())
        .collect();
    assert_eq!(stdout(&output), format!("{text}\n"));

    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    let (first, second) = (requests[0].json(), requests[1].json());
    // The same request, with the paused content as the last assistant turn.
    assert_eq!(second["tools"], first["tools"]);
    assert_eq!(second["messages"][0], first["messages"][0]);
    assert_eq!(second["messages"].as_array().unwrap().len(), 2);
    assert_eq!(second["messages"][1]["role"], json!("assistant"));
    assert_eq!(
        second["messages"][1]["content"],
        message("message-pause-turn.assembled.json")["content"]
    );
    let body = String::from_utf8(requests[1].body.clone()).unwrap();
    let paused = raw_content("message-pause-turn.assembled.json");
    assert!(paused.contains("\\u2013") && paused.contains('\n'));
    assert!(
        body.contains(&format!(r#""role":"assistant","content":{paused}}}"#)),
        "the paused content is not in the body byte for byte:\n{body}"
    );
}

#[test]
fn streamed_continuations_print_one_answer_and_usage_adds_up() {
    let server = FakeServer::with([
        Reply::stream("stream-pause-turn.assembled.sse"),
        Reply::stream("stream-after-pause.assembled.sse"),
    ]);
    let output = claude_at(&server)
        .args(["ask", "--stream", "-u", "eclipse safety?"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    // The citation that came with the second part is marked, and listed.
    assert_eq!(
        stdout(&output),
        "Use certified eclipse glasses; sunglasses are not enough.[1]\n\nSources:\n\
         [1] How to Watch a Solar Eclipse Safely | Example Observatory - \
         https://www.example.com/eclipse-viewing-safety\n"
    );
    // 612 + 1380 input, 63 + 24 output, over claude-fable-5's prices.
    let usage = stderr(&output)
        .lines()
        .find(|l| l.starts_with("claude: usage:"))
        .unwrap()
        .to_owned();
    // claude-fable-5: $10 in and $50 out per million, and a cent a search.
    assert_eq!(
        usage,
        "claude: usage: 1992 input, 87 output, 0 cache-write, 0 cache-read tokens, 1 web \
         search; $0.034270 (claude-fable-5)"
    );
    let second = server.requests()[1].json();
    let sent = &second["messages"][1]["content"];
    assert_eq!(sent[0]["type"], json!("server_tool_use"));
    assert_eq!(
        sent[0]["input"],
        json!({"query": "solar eclipse viewing safety news 2026"})
    );
    assert_eq!(sent[1]["type"], json!("web_search_tool_result"));
    assert_eq!(sent.as_array().unwrap().len(), 2);
}

#[test]
fn json_output_is_one_message_holding_every_part() {
    let server = FakeServer::with([paused(), after()]);
    let output = claude_at(&server)
        .args(["ask", "-o", "json", "weather?"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(stdout(&output).lines().count(), 1);
    let printed: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let (first, last) = (
        message("message-pause-turn.assembled.json"),
        message("message-after-pause.assembled.json"),
    );
    assert_eq!(printed["id"], last["id"]);
    assert_eq!(printed["stop_reason"], json!("end_turn"));
    let mut content = first["content"].as_array().unwrap().clone();
    content.extend(last["content"].as_array().unwrap().iter().cloned());
    assert_eq!(printed["content"], Value::Array(content));
    assert_eq!(printed["usage"]["input_tokens"], json!(11306 + 12094));
    assert_eq!(printed["usage"]["output_tokens"], json!(41 + 122));
    assert_eq!(
        printed["usage"]["server_tool_use"],
        json!({"web_search_requests": 1, "web_fetch_requests": 0})
    );
}

#[test]
fn continuations_are_counted_and_running_out_exits_5_with_one_line() {
    let server = FakeServer::with([paused(), paused(), paused()]);
    let output = claude_at(&server)
        .args(["ask", "--max-continuations", "2", "weather?"])
        .output()
        .unwrap();
    assert_exit(&output, 5);
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    // A pause after a continuation is sent back with everything so far.
    let content = message("message-pause-turn.assembled.json")["content"].clone();
    let twice: Vec<Value> = [content.clone(), content]
        .iter()
        .flat_map(|c| c.as_array().unwrap().clone())
        .collect();
    assert_eq!(requests[2].json()["messages"][1]["content"], json!(twice));
    assert_eq!(requests[2].json()["messages"].as_array().unwrap().len(), 2);
    let lines: Vec<String> = stderr(&output)
        .lines()
        .filter(|l| l.starts_with("claude:"))
        .map(str::to_owned)
        .collect();
    assert_eq!(
        lines,
        [
            "claude: the turn is not finished: the server paused it again and \
          --max-continuations (2) is spent; raise it to let the server go on"
        ]
    );

    let server = FakeServer::with([paused()]);
    let output = claude_at(&server)
        .args(["ask", "--max-continuations", "0", "weather?"])
        .output()
        .unwrap();
    assert_exit(&output, 5);
    assert_eq!(server.requests().len(), 1);
    assert!(stderr(&output).contains("--max-continuations (0) is spent"));
}

#[test]
fn an_empty_or_malformed_pause_is_exit_9_and_never_a_loop() {
    for content in [json!([]), json!([{"text": "a block without a type"}])] {
        let mut body = message("message-pause-turn.assembled.json");
        body["content"] = content;
        let server = FakeServer::with([Reply::json(body.to_string())]);
        let output = claude_at(&server).args(["ask", "go on"]).output().unwrap();
        assert_exit(&output, 9);
        assert_eq!(server.requests().len(), 1);
        let line = error_line(&output);
        assert!(line.contains("pause_turn"), "{line}");
        assert!(line.contains("req_fake_0123456789"), "{line}");
    }
}

#[test]
fn a_continuation_goes_on_in_the_paused_replys_container() {
    let mut first = message("message-pause-turn.assembled.json");
    first["container"] =
        json!({"id": "container_011CYVPF4iP8oD6Vsz1NhVih", "expires_at": "2099-01-01T00:00:00Z"});
    let server = FakeServer::with([Reply::json(first.to_string()), after()]);
    let output = claude_at(&server).args(["ask", "go"]).output().unwrap();
    assert_exit(&output, 0);
    let requests = server.requests();
    assert_eq!(requests[0].json().get("container"), None);
    assert_eq!(
        requests[1].json()["container"],
        json!("container_011CYVPF4iP8oD6Vsz1NhVih")
    );
}

#[test]
fn a_failed_continuation_is_retried_though_text_was_printed() {
    let server = FakeServer::with([
        Reply::stream("stream-pause-turn.assembled.sse"),
        Reply::error(529, "overloaded_error", "Overloaded"),
        Reply::stream("stream-after-pause.assembled.sse"),
    ]);
    let output = claude_at(&server)
        .args([
            "--max-retry-wait",
            "0",
            "ask",
            "-o",
            "stream-json",
            "eclipse?",
        ])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(server.requests().len(), 3);
}

#[test]
fn a_chat_keeps_the_whole_continued_turn_as_one_assistant_message() {
    let data = tempdir("turn-chat");
    let server = FakeServer::with([
        paused(),
        after(),
        Reply::message("message-basic-recorded.json"),
    ]);
    let chat = |prompt: &str| {
        let mut cmd = claude_at(&server);
        cmd.env("XDG_DATA_HOME", &data)
            .env("HOME", &data)
            .args(["chat", "--session", "s", prompt]);
        cmd.output().unwrap()
    };
    assert_exit(&chat("weather?"), 0);
    let mut whole = message("message-pause-turn.assembled.json")["content"]
        .as_array()
        .unwrap()
        .clone();
    whole.extend(
        message("message-after-pause.assembled.json")["content"]
            .as_array()
            .unwrap()
            .iter()
            // Blank text is not kept: the API refuses it in history.
            .filter(|b| b["text"].as_str().is_none_or(|t| !t.trim().is_empty()))
            .cloned(),
    );
    let session: Value =
        serde_json::from_slice(&std::fs::read(data.join("claude-cli/sessions/s.json")).unwrap())
            .unwrap();
    assert_eq!(session["messages"].as_array().unwrap().len(), 2);
    assert_eq!(
        session["messages"][1]["content"],
        Value::Array(whole.clone())
    );
    assert_exit(&chat("and tomorrow?"), 0);
    let third = server.requests()[2].json();
    assert_eq!(third["messages"][1]["content"], Value::Array(whole));
    assert_eq!(third["messages"].as_array().unwrap().len(), 3);
}

#[test]
fn max_continuations_is_bounded() {
    let server = FakeServer::start();
    let output = claude_at(&server)
        .args(["ask", "--max-continuations", "101", "go"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert!(error_line(&output).contains("--max-continuations"));
    assert!(server.requests().is_empty());
}
