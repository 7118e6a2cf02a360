use serde_json::{Value, json};

use crate::support::*;

const MCP_TOKEN: &str = "mcp-token-SECRET-0123456789abcdef";

fn web_search() -> Reply {
    Reply::message("message-server-tool-web-search-recorded.json")
}

fn recorded(name: &str) -> Value {
    serde_json::from_str(&fixture(name)).unwrap()
}

/// The recorded web search reply with its result replaced by an error.
fn web_search_error(code: &str) -> Reply {
    let mut message = recorded("message-server-tool-web-search-recorded.json");
    message["content"][1]["content"] =
        json!({"type": "web_search_tool_result_error", "error_code": code});
    Reply::json(message.to_string())
}

fn claude_lines(output: &std::process::Output) -> Vec<String> {
    stderr(output)
        .lines()
        .filter(|l| l.starts_with("claude: "))
        .map(str::to_owned)
        .collect()
}

#[test]
fn bad_tool_flags_are_exit_2_before_anything_is_sent() {
    let server = FakeServer::start();
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "--web-search",
                "--domains",
                "a.com",
                "--block-domains",
                "b.com",
            ],
            "cannot be used with",
        ),
        (&["--domains", "a.com"], "add --web-search or --web-fetch"),
        (&["--code-exec", "--block-domains", "a.com"], "--web-search"),
        (
            &["--web-search", "--domains", "https://a.com"],
            "not a domain name",
        ),
        (&["--mcp", "docs=http://mcp.example.com"], "must be https"),
        (&["--mcp", "docs"], "NAME=URL"),
        (&["--mcp", "my docs=https://a.io"], "the name must be"),
        (&["--web-search=0"], "--web-search"),
    ];
    for (flags, why) in cases {
        let output = claude_at(&server)
            .arg("ask")
            .args(*flags)
            .arg("question")
            .output()
            .unwrap();
        assert_exit(&output, 2);
        let line = error_line(&output);
        assert!(line.contains(why), "{flags:?}: {line}");
    }
    assert!(server.requests().is_empty());
}

#[test]
fn the_mcp_token_is_sent_and_never_shown() {
    let server = FakeServer::routing(|_| Reply::message("message-basic-recorded.json"));
    for flags in [&["-v"][..], &["-vv"], &[]] {
        let output = claude_at(&server)
            .env("CLAUDE_MCP_TOKEN_DOCS_API", MCP_TOKEN)
            .args(flags)
            .args(["ask", "--mcp", "docs-api=https://mcp.example.com/mcp", "hi"])
            .output()
            .unwrap();
        assert_exit(&output, 0);
        assert!(!stdout(&output).contains(MCP_TOKEN), "{flags:?}");
        assert!(!stderr(&output).contains(MCP_TOKEN), "{flags:?}");
    }
    // Not even in part where -vv cuts the body short (at 512 bytes): a
    // prompt of 3-byte characters that puts the token across the cut.
    let body = String::from_utf8(server.requests()[0].body.clone()).unwrap();
    let at = body.find(MCP_TOKEN).unwrap() - "hi".len();
    let prompt = "€".repeat((505 - at) / 3);
    let output = claude_at(&server)
        .env("CLAUDE_MCP_TOKEN_DOCS_API", MCP_TOKEN)
        .args([
            "-vv",
            "ask",
            "--mcp",
            "docs-api=https://mcp.example.com/mcp",
            &prompt,
        ])
        .output()
        .unwrap();
    let last = server.requests().pop().unwrap();
    let body = String::from_utf8(last.body).unwrap();
    assert!((500..512).contains(&body.find(MCP_TOKEN).unwrap()));
    assert!(
        !stderr(&output).contains(r#""authorization_token":"mcp"#),
        "{}",
        stderr(&output)
    );
    for request in server.requests() {
        assert_eq!(
            request.json()["mcp_servers"],
            json!([{"type": "url", "url": "https://mcp.example.com/mcp", "name": "docs-api",
                    "authorization_token": MCP_TOKEN}])
        );
        assert_eq!(
            request.header("anthropic-beta"),
            Some("mcp-client-2026-09-15")
        );
    }
    // The token comes from the environment, not a flag: a dry run shows
    // where it goes, redacted.
    let output = claude()
        .env("CLAUDE_MCP_TOKEN_DOCS_API", MCP_TOKEN)
        .args([
            "ask",
            "--dry-run",
            "--mcp",
            "docs-api=https://mcp.example.com/mcp",
            "hi",
        ])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(!stdout(&output).contains(MCP_TOKEN));
    assert!(stdout(&output).contains(r#""authorization_token":"<redacted>""#));
}

#[test]
fn server_tool_calls_get_a_stderr_line_under_verbose_and_never_on_stdout() {
    let server = FakeServer::with([web_search(), web_search()]);
    let output = claude_at(&server)
        .args(["ask", "--web-search", "weather?"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    // Neither a terminal nor -v: quiet.
    assert!(claude_lines(&output).is_empty(), "{}", stderr(&output));
    let output = claude_at(&server)
        .args(["-v", "ask", "--web-search", "weather?"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(
        claude_lines(&output)
            .contains(&"claude: web_search \"San Francisco weather today\"".into()),
        "{}",
        stderr(&output)
    );
    assert!(!stdout(&output).contains("web_search"));

    // Streamed: the line comes when the call's input is whole.
    let server = FakeServer::with([Reply::stream("stream-server-tool-web-search-refusal.sse")]);
    let output = claude_at(&server)
        .args(["-v", "ask", "--stream", "--web-search", "eclipse?"])
        .output()
        .unwrap();
    assert_exit(&output, 4);
    assert!(
        claude_lines(&output)
            .contains(&"claude: web_search \"solar eclipse viewing safety news 2026\"".into()),
        "{}",
        stderr(&output)
    );
}

#[test]
fn code_execution_calls_are_named_with_their_language_and_size() {
    let server = FakeServer::with([Reply::message(
        "message-code-execution-container-recorded.json",
    )]);
    let output = claude_at(&server)
        .args(["-v", "ask", "--code-exec", "weather in three cities"])
        .output()
        .unwrap();
    // The recorded reply ends in a client tool call: not finished.
    assert_exit(&output, 5);
    assert!(
        claude_lines(&output).contains(&"claude: code_execution (python, 16 lines)".into()),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_tool_error_is_a_note_and_the_answer_still_prints() {
    let server = FakeServer::with([web_search_error("max_uses_exceeded")]);
    let output = claude_at(&server)
        .args(["ask", "--web-search=1", "weather?"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(stdout(&output).starts_with("Today in San Francisco"));
    assert_eq!(
        claude_lines(&output),
        ["claude: web_search failed: max_uses_exceeded"]
    );
}

#[test]
fn stream_json_passes_the_servers_events_through() {
    let sse = fixture("stream-server-tool-web-search-refusal.sse");
    let server = FakeServer::with([Reply::sse(&sse)]);
    let output = claude_at(&server)
        .args(["ask", "-o", "stream-json", "--web-search", "eclipse?"])
        .output()
        .unwrap();
    assert_exit(&output, 4);
    let sent: Vec<String> = sse
        .lines()
        .filter_map(|l| l.strip_prefix("data: "))
        .map(|d| d.trim().to_owned())
        .collect();
    let printed = stdout(&output);
    assert_eq!(printed.lines().collect::<Vec<_>>(), sent);
}

#[test]
fn unknown_blocks_in_tool_results_are_kept_and_sent_back() {
    let mut paused = recorded("message-pause-turn.assembled.json");
    let unknown = json!({"type": "tool_result_of_the_future", "tool_use_id": "srvtoolu_x",
        "content": [{"type": "hologram", "data": {"nested": [1, 2, 3]}}]});
    paused["content"][1]["content"][0] = json!({"type": "brand_new_result", "x": 1});
    paused["content"]
        .as_array_mut()
        .unwrap()
        .push(unknown.clone());
    let server = FakeServer::with([
        Reply::json(paused.to_string()),
        Reply::message("message-after-pause.assembled.json"),
    ]);
    let output = claude_at(&server)
        .args(["ask", "--web-search", "weather?"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let second = &server.requests()[1];
    assert_eq!(second.json()["messages"][1]["content"], paused["content"]);
    assert!(
        String::from_utf8_lossy(&second.body).contains(&unknown.to_string()),
        "the unknown block is sent back as it came"
    );

    // Streamed, the unknown block is accumulated and sent back too.
    let unknown_start = format!(
        "event: content_block_start\ndata: {}\n\n",
        json!({"type": "content_block_start", "index": 0, "content_block": unknown})
    );
    let sse = format!(
        "event: message_start\ndata: {}\n\n{unknown_start}event: content_block_stop\ndata: \
         {{\"type\":\"content_block_stop\",\"index\":0}}\n\nevent: message_delta\ndata: \
         {{\"type\":\"message_delta\",\"delta\":{{\"stop_reason\":\"pause_turn\"}},\"usage\":\
         {{\"output_tokens\":3}}}}\n\nevent: message_stop\ndata: {{\"type\":\"message_stop\"}}\n\n",
        json!({"type": "message_start", "message": {"id": "msg_u", "type": "message",
            "role": "assistant", "model": "claude-sonnet-5", "content": [], "stop_reason": null,
            "usage": {"input_tokens": 5, "output_tokens": 1}}})
    );
    let server = FakeServer::with([
        Reply::sse(&sse),
        Reply::stream("stream-after-pause.assembled.sse"),
    ]);
    let output = claude_at(&server)
        .args(["ask", "--stream", "go"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(
        server.requests()[1].json()["messages"][1]["content"],
        json!([unknown])
    );
}

#[test]
fn the_config_file_turns_tools_on_and_no_default_tools_turns_them_off() {
    let home = tempdir("server-tools-config");
    std::fs::create_dir_all(home.join("claude-cli")).unwrap();
    std::fs::write(
        home.join("claude-cli/config.toml"),
        "[tools]\nweb_search = 2\ncode_exec = true\nmax_continuations = 0\n\n\
         [tools.mcp]\ndocs = \"https://mcp.example.com/mcp\"\n",
    )
    .unwrap();
    let server = FakeServer::routing(|_| Reply::message("message-pause-turn.assembled.json"));
    let run = |flags: &[&str]| {
        claude_at(&server)
            .env("XDG_CONFIG_HOME", &home)
            .arg("ask")
            .args(flags)
            .arg("hi")
            .output()
            .unwrap()
    };
    // max_continuations = 0 from the file: the pause ends the run.
    assert_exit(&run(&[]), 5);
    assert_exit(&run(&["--web-fetch"]), 5);
    assert_exit(&run(&["--no-default-tools", "--max-continuations", "0"]), 5);
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    assert_eq!(
        requests[0].json()["tools"],
        json!([{"type": "web_search_20260318", "name": "web_search", "max_uses": 2},
               {"type": "code_execution_20260521", "name": "code_execution"},
               {"type": "mcp_toolset", "mcp_server_name": "docs"}])
    );
    assert_eq!(
        requests[0].header("anthropic-beta"),
        Some("mcp-client-2026-09-15")
    );
    let tools: Vec<Value> = requests[1].json()["tools"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["type"].clone())
        .collect();
    assert_eq!(
        tools,
        [
            "web_search_20260318",
            "web_fetch_20260318",
            "code_execution_20260521",
            "mcp_toolset"
        ]
        .map(Value::from)
    );
    assert_eq!(requests[2].json().get("tools"), None);
    assert_eq!(requests[2].header("anthropic-beta"), None);
}

#[test]
fn batch_lines_get_the_server_tools_and_the_mcp_beta() {
    let server = FakeServer::with([Reply::message("message-batch.assembled.json")]);
    let output = claude_at(&server)
        .env("CLAUDE_MCP_TOKEN_DOCS", MCP_TOKEN)
        .args([
            "batch",
            "submit",
            "--mcp",
            "docs=https://mcp.example.com/mcp",
            "tests/fixtures/batch/params.jsonl",
        ])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let request = server.single_request();
    assert_eq!(
        request.header("anthropic-beta"),
        Some("mcp-client-2026-09-15")
    );
    for line in request.json()["requests"].as_array().unwrap() {
        assert_eq!(
            line["params"]["tools"],
            json!([{"type": "mcp_toolset", "mcp_server_name": "docs"}])
        );
        assert_eq!(
            line["params"]["mcp_servers"][0]["authorization_token"],
            json!(MCP_TOKEN)
        );
    }
    assert!(!stderr(&output).contains(MCP_TOKEN));
}

/// `claude chat` with its own data directory.
fn chat(server: &FakeServer, data: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = claude_at(server);
    cmd.env("XDG_DATA_HOME", data).env("HOME", data).arg("chat");
    cmd
}

fn session(data: &std::path::Path, name: &str) -> Value {
    let path = data.join(format!("claude-cli/sessions/{name}.json"));
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn a_chat_keeps_server_tool_blocks_exactly_and_its_tools_on_resume() {
    let data = tempdir("server-tools-chat");
    let server = FakeServer::with([web_search(), web_search(), web_search()]);
    chat(&server, &data)
        .args(["--session", "s", "--web-search=2", "weather?"])
        .assert()
        .success();
    let recorded_content = recorded("message-server-tool-web-search-recorded.json")["content"]
        .as_array()
        .unwrap()
        .iter()
        // The one blank text block is left out: the API refuses it in history.
        .filter(|b| b["text"].as_str().is_none_or(|t| !t.trim().is_empty()))
        .cloned()
        .collect::<Vec<_>>();
    let saved = session(&data, "s");
    assert_eq!(saved["messages"][1]["content"], json!(recorded_content));
    assert_eq!(saved["tools"], json!({"web_search": {"max_uses": 2}}));

    // Resumed without flags: the same tools, and the blocks sent back as kept.
    chat(&server, &data)
        .args(["--session", "s", "and tomorrow?"])
        .assert()
        .success();
    let second = server.requests()[1].json();
    assert_eq!(second["tools"], server.requests()[0].json()["tools"]);
    assert_eq!(second["messages"][1]["content"], json!(recorded_content));
    let resaved = session(&data, "s");
    assert_eq!(resaved["messages"][1], saved["messages"][1]);
    assert_eq!(resaved["messages"][3]["content"], json!(recorded_content));

    // Tool flags given on resume replace the remembered ones.
    chat(&server, &data)
        .args(["--session", "s", "--code-exec", "plot it"])
        .assert()
        .success();
    assert_eq!(
        server.requests()[2].json()["tools"],
        json!([{"type": "code_execution_20260521", "name": "code_execution"}])
    );
    assert_eq!(
        session(&data, "s")["tools"],
        json!({"code_execution": true})
    );
}

#[test]
fn a_chat_with_mcp_reads_the_token_each_time_and_never_saves_it() {
    let data = tempdir("server-tools-chat-mcp");
    let server = FakeServer::with([
        Reply::message("message-basic-recorded.json"),
        Reply::message("message-basic-recorded.json"),
    ]);
    chat(&server, &data)
        .env("CLAUDE_MCP_TOKEN_DOCS", MCP_TOKEN)
        .args([
            "--session",
            "m",
            "--mcp",
            "docs=https://mcp.example.com/mcp",
            "hi",
        ])
        .assert()
        .success();
    let file = std::fs::read_to_string(data.join("claude-cli/sessions/m.json")).unwrap();
    assert!(!file.contains(MCP_TOKEN));
    assert_eq!(
        session(&data, "m")["tools"],
        json!({"mcp": [{"name": "docs", "url": "https://mcp.example.com/mcp"}]})
    );
    chat(&server, &data)
        .env("CLAUDE_MCP_TOKEN_DOCS", "a-rotated-token-0001")
        .args(["--session", "m", "again"])
        .assert()
        .success();
    let second = &server.requests()[1];
    assert_eq!(
        second.header("anthropic-beta"),
        Some("mcp-client-2026-09-15")
    );
    assert_eq!(
        second.json()["mcp_servers"][0]["authorization_token"],
        json!("a-rotated-token-0001")
    );
    assert_eq!(
        second.json()["tools"],
        json!([{"type": "mcp_toolset", "mcp_server_name": "docs"}])
    );
}

#[test]
fn a_chat_goes_on_in_the_container_of_its_last_code_execution() {
    let data = tempdir("server-tools-chat-container");
    let mut ran = recorded("message-basic-recorded.json");
    ran["container"] = json!({"id": "container_011CYVPF4iP8oD6Vsz1NhVih",
                              "expires_at": "2099-01-01T00:00:00Z"});
    let mut expired = ran.clone();
    expired["container"] = json!({"id": "container_old", "expires_at": "2001-01-01T00:00:00Z"});
    let server = FakeServer::with([
        Reply::json(ran.to_string()),
        Reply::message("message-basic-recorded.json"),
        Reply::json(expired.to_string()),
        Reply::message("message-basic-recorded.json"),
    ]);
    for prompt in ["run it", "again", "once more", "and again"] {
        chat(&server, &data)
            .args(["--session", "c", "--code-exec", prompt])
            .assert()
            .success();
    }
    let containers: Vec<Value> = server
        .requests()
        .iter()
        .map(|r| r.json().get("container").cloned().unwrap_or(Value::Null))
        .collect();
    // Kept through a turn that ran no code; an expired one is not sent.
    assert_eq!(
        containers,
        [
            Value::Null,
            json!("container_011CYVPF4iP8oD6Vsz1NhVih"),
            json!("container_011CYVPF4iP8oD6Vsz1NhVih"),
            Value::Null
        ]
    );
}

#[test]
fn cited_text_is_marked_and_ends_with_numbered_sources() {
    let server = FakeServer::with([
        web_search(),
        web_search(),
        web_search(),
        Reply::message("message-web-fetch.assembled.json"),
    ]);
    let ask = |flags: &[&str]| {
        claude_at(&server)
            .arg("ask")
            .args(flags)
            .arg("weather?")
            .output()
            .unwrap()
    };
    let output = ask(&["--web-search"]);
    assert_exit(&output, 0);
    assert_eq!(
        stdout(&output),
        "Today in San Francisco, there are showers with breezy and cool conditions, with a \
         high of 52°F.[1] Tonight will be cloudy, becoming windier and chilly, with a shower or \
         two this evening followed by heavy rain late, and watch for flooding on streets and \
         poor drainage areas with a low of 45°F.[1]\n\nSources:\n[1] San Francisco, CA Weather \
         Forecast | AccuWeather - \
         https://www.accuweather.com/en/us/san-francisco/94103/weather-forecast/347629\n"
    );
    // --no-sources: the text as it came.
    let output = ask(&["--web-search", "--no-sources"]);
    assert!(!stdout(&output).contains("[1]") && !stdout(&output).contains("Sources:"));
    assert!(stdout(&output).ends_with("with a low of 45°F.\n"));
    // -o json: the API's citation objects, unchanged.
    let output = ask(&["--web-search", "-o", "json"]);
    let printed: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        printed,
        recorded("message-server-tool-web-search-recorded.json")
    );
    // A fetched document is cited by its title and the characters cited.
    let output = ask(&["--web-fetch"]);
    assert_exit(&output, 0);
    assert_eq!(
        stdout(&output),
        "Release 2.4 streams by default on a terminal[1] and drops the legacy config \
         format.\n\nSources:\n[1] Release notes 2.4, characters 13-57\n"
    );
}

#[test]
fn citations_turns_attached_files_into_documents_the_answer_may_cite() {
    let server = FakeServer::with([Reply::message("message-basic-recorded.json")]);
    let output = claude_at(&server)
        .args([
            "ask",
            "--citations",
            "-f",
            "tests/fixtures/images/notes.txt",
            "-f",
            "tests/fixtures/images/one-page.pdf",
            "Summarize",
        ])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let content = sent_content(&server.single_request());
    assert_eq!(
        content[0],
        json!({"type": "document", "title": "tests/fixtures/images/notes.txt",
               "source": {"type": "text", "media_type": "text/plain", "data": "alpha\n"},
               "citations": {"enabled": true}})
    );
    assert_eq!(content[1]["type"], json!("document"));
    assert_eq!(content[1]["citations"], json!({"enabled": true}));
    assert_eq!(content[2], json!({"type": "text", "text": "Summarize"}));
}

#[test]
fn usage_counts_web_searches_and_their_cost() {
    let server = FakeServer::with([web_search()]);
    let output = claude_at(&server)
        .args(["ask", "-u", "--web-search", "weather?"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    // Haiku 4.5: 11306 in at $1 and 163 out at $5 per million, and $0.01.
    assert_eq!(
        claude_lines(&output),
        [
            "claude: usage: 11306 input, 163 output, 0 cache-write, 0 cache-read tokens, 1 web \
          search; $0.022121 (claude-haiku-4-5-20251001)"
        ]
    );
}

/// The chart the code execution fixture names, in a Files store.
fn chart_store() -> FileStore {
    let store = FileStore::new();
    let mut chart = StoredFile::new(
        "file_011CNha8iCJcU1wXNR6q4V8w",
        "chart.png",
        "image/png",
        &std::fs::read("tests/fixtures/images/red.png").unwrap(),
    );
    chart.downloadable = true;
    store.add(chart);
    store
}

fn code_execution_api(store: &FileStore) -> FakeServer {
    let store = store.clone();
    FakeServer::routing(move |request| {
        store
            .answer(request)
            .unwrap_or_else(|| Reply::message("message-code-execution-files.assembled.json"))
    })
}

#[test]
fn files_code_execution_writes_are_saved_with_save_files() {
    let store = chart_store();
    let server = code_execution_api(&store);
    let dir = tempdir("save-files");
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("chart.png"), b"an older chart").unwrap();
    let output = claude_at(&server)
        .current_dir(&dir)
        .args(["ask", "--code-exec", "--save-files", "out", "Plot it"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(
        stdout(&output),
        "February had the highest revenue (1,350). The chart is in chart.png.\n"
    );
    // The file already there is kept; the new one takes the next name.
    assert_eq!(
        std::fs::read(out.join("chart.png")).unwrap(),
        b"an older chart"
    );
    assert_eq!(
        std::fs::read(out.join("chart-2.png")).unwrap(),
        std::fs::read("tests/fixtures/images/red.png").unwrap()
    );
    assert_eq!(
        claude_lines(&output),
        ["claude: saved out/chart-2.png (file_011CNha8iCJcU1wXNR6q4V8w)"]
    );
    let paths: Vec<String> = server.requests().iter().map(|r| r.path.clone()).collect();
    assert_eq!(
        paths,
        [
            "/v1/messages",
            "/v1/files/file_011CNha8iCJcU1wXNR6q4V8w",
            "/v1/files/file_011CNha8iCJcU1wXNR6q4V8w/content"
        ]
    );
    // Nothing partial is left beside it.
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 2);
}

#[test]
fn without_save_files_the_files_are_named_with_how_to_fetch_them() {
    let server = code_execution_api(&chart_store());
    let output = claude_at(&server)
        .args(["ask", "--code-exec", "Plot it"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(
        claude_lines(&output),
        [
            "claude: code execution wrote 1 file: file_011CNha8iCJcU1wXNR6q4V8w; save them with \
          --save-files DIR, or one with claude files download ID -o PATH"
        ]
    );
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn save_files_is_checked_before_sending_and_a_gone_file_fails_after_the_answer() {
    let dir = tempdir("save-files-bad");
    std::fs::write(dir.join("a-file"), b"x").unwrap();
    let server = FakeServer::start();
    let output = claude_at(&server)
        .current_dir(&dir)
        .args(["ask", "--code-exec", "--save-files", "a-file", "Plot it"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert!(error_line(&output).contains("not a directory"));
    assert!(server.requests().is_empty());

    let store = chart_store();
    store.expire("file_011CNha8iCJcU1wXNR6q4V8w");
    let server = code_execution_api(&store);
    let output = claude_at(&server)
        .current_dir(&dir)
        .args(["ask", "--code-exec", "--save-files", "out", "Plot it"])
        .output()
        .unwrap();
    assert!(stdout(&output).starts_with("February had the highest revenue"));
    assert!(error_line(&output).contains("file_011CNha8iCJcU1wXNR6q4V8w"));
    // The Files API's 404 for an expired file: "fix the request" (7).
    assert_exit(&output, 7);
    assert_eq!(std::fs::read_dir(dir.join("out")).unwrap().count(), 0);
}

#[test]
fn a_chat_saves_files_too_and_keeps_the_turn_when_one_is_gone() {
    let data = tempdir("save-files-chat");
    let store = chart_store();
    store.expire("file_011CNha8iCJcU1wXNR6q4V8w");
    let server = code_execution_api(&store);
    let output = chat(&server, &data)
        .current_dir(&data)
        .args([
            "--session",
            "f",
            "--code-exec",
            "--save-files",
            "out",
            "Plot it",
        ])
        .output()
        .unwrap();
    assert_exit(&output, 7);
    assert_eq!(session(&data, "f")["messages"].as_array().unwrap().len(), 2);
    assert_eq!(
        session(&data, "f")["container"]["id"],
        json!("container_fixture_0001")
    );
}

#[test]
fn on_a_terminal_the_calls_are_shown_without_verbose() {
    let server = FakeServer::with([web_search()]);
    let mut command = spawnable(&server);
    command
        .env("TERM", "xterm")
        .args(["ask", "--web-search", "weather?"]);
    let mut terminal = crate::support::pty::Session::spawn_with_stdout(
        command,
        Some(std::process::Stdio::piped()),
    );
    let mut answer = terminal.child.stdout.take().unwrap();
    terminal.expect("claude: web_search \"San Francisco weather today\"");
    let mut text = String::new();
    std::io::Read::read_to_string(&mut answer, &mut text).unwrap();
    assert_eq!(terminal.wait(), Some(0));
    assert!(text.starts_with("Today in San Francisco"), "{text}");
    assert!(!text.contains("web_search"));
}

#[test]
fn a_chat_keeps_unknown_blocks_and_sends_them_back() {
    let data = tempdir("server-tools-chat-unknown");
    let mut reply = recorded("message-server-tool-web-search-recorded.json");
    let unknown = json!({"type": "tool_result_of_the_future", "tool_use_id": "srvtoolu_x",
        "content": [{"type": "hologram", "data": {"nested": [1, 2, 3]}}], "extra": null});
    reply["content"]
        .as_array_mut()
        .unwrap()
        .insert(2, unknown.clone());
    let server = FakeServer::with([
        Reply::json(reply.to_string()),
        Reply::message("message-basic-recorded.json"),
    ]);
    chat(&server, &data)
        .args(["--session", "u", "--web-search", "weather?"])
        .assert()
        .success();
    assert_eq!(session(&data, "u")["messages"][1]["content"][2], unknown);
    chat(&server, &data)
        .args(["--session", "u", "and tomorrow?"])
        .assert()
        .success();
    assert_eq!(
        server.requests()[1].json()["messages"][1]["content"][2],
        unknown
    );
}
