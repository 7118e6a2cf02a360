use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::support::pty;
use crate::support::*;

/// `claude` against `server` with its own data directory.
fn chat(server: &FakeServer, data: &Path) -> assert_cmd::Command {
    let mut cmd = claude_at(server);
    cmd.env("XDG_DATA_HOME", data).env("HOME", data);
    cmd.arg("chat");
    cmd
}

fn session_file(data: &Path, name: &str) -> PathBuf {
    data.join("claude-cli/sessions")
        .join(format!("{name}.json"))
}

fn read_session(data: &Path, name: &str) -> Value {
    serde_json::from_slice(&std::fs::read(session_file(data, name)).unwrap()).unwrap()
}

fn ok() -> Reply {
    Reply::message("message-basic-recorded.json")
}

/// The fixture reply's content, as the session must keep it.
fn fixture_content() -> Value {
    serde_json::from_str::<Value>(&fixture("message-basic-recorded.json")).unwrap()["content"]
        .clone()
}

fn roles(request: &Recorded) -> Vec<String> {
    request.json()["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["role"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn piped_turns_carry_the_whole_history() {
    let data = tempdir("chat-piped");
    let server = FakeServer::with([ok(), ok()]);
    chat(&server, &data)
        .args(["--session", "work", "-s", "Be brief."])
        .write_stdin("first question\n")
        .assert()
        .success();
    let output = chat(&server, &data)
        .args(["--session", "work"])
        .write_stdin("second question\n")
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(!stdout(&output).is_empty(), "the reply is printed");

    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    let second = requests[1].json();
    assert_eq!(
        second["messages"],
        json!([
            {"role": "user", "content": "first question\n"},
            {"role": "assistant", "content": fixture_content()},
            {"role": "user", "content": "second question\n"},
        ])
    );
    // The system prompt is part of the session.
    assert_eq!(second["system"], json!("Be brief."));

    let session = read_session(&data, "work");
    assert_eq!(session["messages"].as_array().unwrap().len(), 4);
    assert_eq!(session["model"], json!("claude-sonnet-5"));
    assert_eq!(session["messages"][3]["content"], fixture_content());
}

#[test]
fn a_prompt_argument_is_one_turn_too_and_continue_resumes_the_latest() {
    let data = tempdir("chat-continue");
    let server = FakeServer::with([ok(), ok(), ok()]);
    chat(&server, &data)
        .args(["--session", "older", "hello"])
        .assert()
        .success();
    chat(&server, &data)
        .args(["--session", "newer", "hi there"])
        .assert()
        .success();
    // Make "older" the most recently used.
    chat(&server, &data)
        .args(["-c", "and more"])
        .assert()
        .success();
    let last = &server.requests()[2];
    assert_eq!(roles(last), ["user", "assistant", "user"]);
    assert_eq!(last.json()["messages"][0]["content"], json!("hi there"));
    assert_eq!(
        read_session(&data, "newer")["messages"]
            .as_array()
            .unwrap()
            .len(),
        4
    );

    let output = chat(&server, &tempdir("chat-none"))
        .args(["-c", "x"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert!(error_line(&output).contains("no saved session"));
}

#[test]
fn a_failed_turn_leaves_the_session_as_it_was() {
    let data = tempdir("chat-failed");
    let server = FakeServer::with([
        ok(),
        Reply::error(500, "api_error", "boom").header("x-should-retry", "false"),
        Reply::error(400, "invalid_request_error", "bad"),
        Reply::stream("stream-basic.sse").first_events(3),
    ]);
    chat(&server, &data)
        .args(["--session", "s", "one"])
        .assert()
        .success();
    let before = std::fs::read(session_file(&data, "s")).unwrap();
    for expected in [9, 7] {
        let output = chat(&server, &data)
            .args(["--session", "s", "two"])
            .output()
            .unwrap();
        assert_exit(&output, expected);
        assert_eq!(std::fs::read(session_file(&data, "s")).unwrap(), before);
    }
    // A stream cut before message_stop, after text was printed.
    let output = chat(&server, &data)
        .args(["--session", "s", "--stream", "--max-retries", "0", "three"])
        .output()
        .unwrap();
    assert_exit(&output, 9);
    assert_eq!(std::fs::read(session_file(&data, "s")).unwrap(), before);
}

#[test]
fn a_process_killed_mid_stream_leaves_a_valid_session() {
    let data = tempdir("chat-killed");
    // The second reply sends its first words, then nothing: it never ends.
    let server = FakeServer::with([
        ok(),
        Reply::stream("stream-basic.sse")
            .first_events(4)
            .end(End::Stall),
    ]);
    chat(&server, &data)
        .args(["--session", "k", "one"])
        .assert()
        .success();
    let before = read_session(&data, "k");

    let mut child = spawnable(&server)
        .env("XDG_DATA_HOME", &data)
        .args(["chat", "--session", "k", "--stream", "two"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the reply has started arriving, then kill -9.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    child.kill().unwrap();
    child.wait().unwrap();

    assert_eq!(read_session(&data, "k"), before);
    let temporary: Vec<_> = std::fs::read_dir(data.join("claude-cli/sessions"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(temporary.is_empty(), "{temporary:?}");
}

#[test]
fn sessions_are_listed_shown_and_deleted() {
    let data = tempdir("chat-manage");
    let server = FakeServer::with([ok()]);
    chat(&server, &data)
        .args(["--session", "notes", "remember 42"])
        .assert()
        .success();
    let output = chat(&server, &data).arg("--list").output().unwrap();
    assert_exit(&output, 0);
    let listed = stdout(&output);
    assert!(listed.starts_with("notes\t"), "{listed}");
    assert!(listed.contains("1 turn\tclaude-sonnet-5"), "{listed}");

    let output = chat(&server, &data)
        .args(["--show", "notes"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let shown = stdout(&output);
    assert!(
        shown.starts_with(
            "# notes\n\nmodel: claude-sonnet-5\n\n## You\n\nremember 42\n\n## Claude\n\n"
        ),
        "{shown}"
    );

    let output = chat(&server, &data)
        .args(["--show", "notes", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&stdout(&output)).unwrap(),
        read_session(&data, "notes")
    );

    chat(&server, &data)
        .args(["--delete", "notes"])
        .assert()
        .success();
    assert!(!session_file(&data, "notes").exists());
    let output = chat(&server, &data)
        .args(["--show", "notes"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    let output = chat(&server, &data)
        .args(["--session", "../x", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn thinking_signatures_and_compaction_blocks_go_back_unchanged() {
    let data = tempdir("chat-blocks");
    let server = FakeServer::with([
        Reply::stream("stream-thinking.assembled.sse"),
        Reply::stream("stream-compaction.sse"),
        ok(),
    ]);
    chat(&server, &data)
        .args(["--session", "t", "--stream", "think"])
        .assert()
        .success();
    chat(&server, &data)
        .args(["--session", "t", "--stream", "--compact", "more"])
        .assert()
        .success();
    chat(&server, &data)
        .args(["--session", "t", "--compact", "again"])
        .assert()
        .success();
    let requests = server.requests();

    // The compaction request: the edit and its beta header.
    let compacting = requests[1].json();
    assert_eq!(
        compacting["context_management"],
        json!({"edits": [{"type": "compact_20260112"}]})
    );
    assert_eq!(
        requests[1].header("anthropic-beta"),
        Some("compact-2026-01-12")
    );
    assert!(requests[0].json().get("context_management").is_none());

    let last = requests[2].json();
    let thinking = &last["messages"][1]["content"][0];
    assert_eq!(thinking["type"], json!("thinking"));
    assert!(!thinking["signature"].as_str().unwrap().is_empty());
    let expected = json!(
        serde_json::from_str::<Value>(&fixture("sdk-accumulated.json")).unwrap()["stream-thinking.assembled.sse"]
            ["message"]["content"]
    );
    assert_eq!(last["messages"][1]["content"], expected);
    let compaction = last["messages"][3]["content"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["type"] == "compaction")
        .expect("the compaction block is kept")
        .clone();
    assert_eq!(
        compaction,
        serde_json::from_str::<Value>(&fixture("sdk-accumulated.json")).unwrap()
            ["stream-compaction.sse"]["message"]["content"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["type"] == "compaction")
            .unwrap()
            .clone()
    );
}

#[test]
fn a_conversation_near_the_context_window_gets_a_warning() {
    let data = tempdir("chat-full");
    let mut message: Value = serde_json::from_str(&fixture("message-basic-recorded.json")).unwrap();
    message["usage"] =
        json!({"input_tokens": 150000, "cache_read_input_tokens": 20000, "output_tokens": 500});
    let server = FakeServer::with([Reply::json(message.to_string())]);
    let output = chat(&server, &data)
        .args(["--session", "long", "-m", "haiku", "go on"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let warning = stderr(&output);
    assert!(
        warning.contains("at 170500 tokens, 85% of claude-haiku-4-5's 200000-token context window")
            && warning.contains("--compact"),
        "{warning}"
    );
    // Piped, the way on is a command, not a REPL command alone.
    assert!(
        warning.contains("`claude chat --session long --compact`"),
        "{warning}"
    );
}

#[test]
fn usage_near_the_largest_count_saturates_instead_of_wrapping() {
    let data = tempdir("chat-huge-usage");
    let mut message: Value = serde_json::from_str(&fixture("message-basic-recorded.json")).unwrap();
    let huge = u64::MAX - 1;
    message["usage"] = json!({"input_tokens": huge, "cache_read_input_tokens": huge,
        "cache_creation_input_tokens": huge, "output_tokens": huge});
    let server = FakeServer::with([
        Reply::json(message.to_string()),
        Reply::json(message.to_string()),
    ]);
    for prompt in ["one", "two"] {
        let output = chat(&server, &data)
            .args(["--session", "huge", "-m", "haiku", prompt])
            .output()
            .unwrap();
        assert_exit(&output, 0);
        assert!(
            stderr(&output).contains("at 18446744073709551615 tokens"),
            "{}",
            stderr(&output)
        );
    }
    let totals = &read_session(&data, "huge")["totals"];
    for field in [
        "input_tokens",
        "output_tokens",
        "cache_creation_input_tokens",
        "cache_read_input_tokens",
    ] {
        assert_eq!(totals[field], json!(u64::MAX), "{field}: {totals}");
    }
    assert!(totals["cost_usd"].as_f64().unwrap().is_finite(), "{totals}");
}

#[test]
fn dry_run_shows_the_history_it_would_send() {
    let data = tempdir("chat-dry");
    let server = FakeServer::with([ok()]);
    chat(&server, &data)
        .args(["--session", "d", "one"])
        .assert()
        .success();
    let output = chat(&server, &data)
        .args(["--session", "d", "--dry-run", "two"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let body: Value = serde_json::from_str(stdout(&output).lines().last().unwrap()).unwrap();
    assert_eq!(body["messages"].as_array().unwrap().len(), 3);
    assert_eq!(server.requests().len(), 1);
    assert_eq!(
        read_session(&data, "d")["messages"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

/// The REPL on a pseudo-terminal.
fn repl(server: &FakeServer, data: &Path, args: &[&str]) -> pty::Session {
    let mut command = spawnable(server);
    command
        .env("XDG_DATA_HOME", data)
        .env("HOME", data)
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .arg("chat")
        .args(args);
    pty::Session::spawn(command)
}

#[test]
fn the_repl_holds_a_two_turn_conversation_and_leaves_on_ctrl_d() {
    let data = tempdir("repl-two");
    let server = FakeServer::with([
        Reply::stream("stream-basic.sse"),
        Reply::stream("stream-basic.sse"),
    ]);
    let mut terminal = repl(&server, &data, &["--session", "r"]);
    terminal.expect("Ctrl-D to leave");
    terminal.expect("> ");
    terminal.send("What is 2+2?\r");
    terminal.expect("Hello");
    terminal.expect("> ");
    terminal.send("And times ten?\r");
    terminal.expect("Hello");
    terminal.expect("> ");
    terminal.send("\x04");
    assert_eq!(terminal.wait(), Some(0));

    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[0].json()["stream"],
        json!(true),
        "replies stream on a terminal"
    );
    assert_eq!(roles(&requests[1]), ["user", "assistant", "user"]);
    assert_eq!(
        requests[1].json()["messages"][2]["content"],
        json!("And times ten?")
    );
    assert_eq!(
        read_session(&data, "r")["messages"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
}

#[test]
fn repl_slash_commands_change_the_model_and_the_system_prompt() {
    let data = tempdir("repl-slash");
    let server = FakeServer::with([Reply::stream("stream-basic.sse")]);
    let mut terminal = repl(&server, &data, &["--session", "s"]);
    terminal.expect("> ");
    terminal.send("/model haiku\r");
    terminal.expect("model: claude-haiku-4-5");
    terminal.expect("> ");
    terminal.send("/system Answer in French.\r");
    terminal.expect("system prompt set");
    terminal.expect("> ");
    terminal.send("/help\r");
    terminal.expect("/retry");
    terminal.expect("> ");
    terminal.send("/bogus\r");
    terminal.expect("unknown command /bogus");
    terminal.expect("> ");
    terminal.send("/file tests/fixtures/images/missing.png\r");
    terminal.expect("missing.png: no such file");
    terminal.expect("> ");
    terminal.send("/file tests/fixtures/images/red.png\r");
    terminal.expect("will go with the next message");
    terminal.expect("> ");
    terminal.send("Line one\\\r");
    terminal.expect(". ");
    terminal.send("line two\r");
    terminal.expect("Hello");
    terminal.expect("> ");
    terminal.send("/exit\r");
    assert_eq!(terminal.wait(), Some(0));

    let request = server.single_request().json();
    assert_eq!(request["model"], json!("claude-haiku-4-5"));
    assert_eq!(request["system"], json!("Answer in French."));
    let content = &request["messages"][0]["content"];
    assert_eq!(content[0]["source"]["media_type"], json!("image/png"));
    assert_eq!(
        content[1],
        json!({"type": "text", "text": "Line one\nline two"})
    );
    // Settings changed in the REPL are kept with the session.
    let saved = read_session(&data, "s");
    assert_eq!(saved["model"], json!("claude-haiku-4-5"));
    assert_eq!(saved["system"], json!("Answer in French."));
}

#[test]
fn ctrl_c_cancels_a_reply_and_keeps_the_conversation() {
    let data = tempdir("repl-cancel");
    let server = FakeServer::with([
        Reply::stream("stream-basic.sse"),
        // "Hello", then silence.
        Reply::stream("stream-basic.sse")
            .first_events(4)
            .end(End::Stall),
        Reply::stream("stream-basic.sse"),
    ]);
    let mut terminal = repl(&server, &data, &["--session", "c"]);
    terminal.expect("> ");
    terminal.send("first\r");
    terminal.expect("Hello");
    terminal.expect("> ");
    terminal.send("second\r");
    // The stalled reply has printed its first words; cancel it.
    terminal.expect("Hello");
    terminal.send("\x03");
    terminal.expect("this turn is not saved");
    terminal.expect("> ");
    terminal.send("third\r");
    terminal.expect("Hello");
    terminal.expect("> ");
    terminal.send("\x04");
    assert_eq!(terminal.wait(), Some(0));

    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    // The cancelled turn is not part of the history; the first one is.
    assert_eq!(roles(&requests[2]), ["user", "assistant", "user"]);
    assert_eq!(requests[2].json()["messages"][0]["content"], json!("first"));
    assert_eq!(requests[2].json()["messages"][2]["content"], json!("third"));
    assert_eq!(
        read_session(&data, "c")["messages"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
}

#[test]
fn repl_retry_replaces_the_last_answer() {
    let data = tempdir("repl-retry");
    let server = FakeServer::with([
        Reply::stream("stream-basic.sse"),
        Reply::stream("stream-basic.sse"),
    ]);
    let mut terminal = repl(&server, &data, &["--session", "again"]);
    terminal.expect("> ");
    terminal.send("/retry\r");
    terminal.expect("nothing to retry yet");
    terminal.expect("> ");
    terminal.send("hello\r");
    terminal.expect("Hello");
    terminal.expect("> ");
    terminal.send("/retry\r");
    terminal.expect("Hello");
    terminal.expect("> ");
    terminal.send("/usage\r");
    terminal.expect("1 turn:");
    terminal.expect("> ");
    let transcript = data.join("transcript.md");
    terminal.send(&format!("/save {}\r", transcript.display()));
    terminal.expect("saved to");
    terminal.expect("> ");
    terminal.send("\x04");
    assert_eq!(terminal.wait(), Some(0));
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[1].json()["messages"],
        requests[0].json()["messages"]
    );
    assert_eq!(
        read_session(&data, "again")["messages"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let saved = std::fs::read_to_string(data.join("transcript.md")).unwrap();
    assert!(
        saved.starts_with("# again\n") && saved.contains("## You\n\nhello\n"),
        "{saved}"
    );
}

#[test]
fn refusals_and_tool_calls_are_not_kept_as_history() {
    let data = tempdir("chat-refusal");
    let server = FakeServer::with([
        ok(),
        Reply::stream("stream-thinking-then-refusal.sse"),
        Reply::stream("stream-tool-use.sse"),
    ]);
    chat(&server, &data)
        .args(["--session", "r", "one"])
        .assert()
        .success();
    let before = std::fs::read(session_file(&data, "r")).unwrap();
    for (exit, why) in [(4, "a refusal"), (5, "a tool call")] {
        let output = chat(&server, &data)
            .args(["--session", "r", "--stream", "two"])
            .output()
            .unwrap();
        assert_exit(&output, exit);
        assert!(stderr(&output).contains(&format!(
            "this turn is not saved: a reply that ends in {why}"
        )));
        assert_eq!(std::fs::read(session_file(&data, "r")).unwrap(), before);
    }
}

#[test]
fn the_model_environment_variable_does_not_switch_a_saved_session() {
    let data = tempdir("chat-env-model");
    let server = FakeServer::with([ok(), ok(), ok()]);
    chat(&server, &data)
        .args(["--session", "e", "-m", "opus", "one"])
        .assert()
        .success();
    chat(&server, &data)
        .env("ANTHROPIC_MODEL", "haiku")
        .args(["--session", "e", "two"])
        .assert()
        .success();
    assert_eq!(server.requests()[1].json()["model"], json!("claude-opus-5"));
    // -m on the command line does.
    chat(&server, &data)
        .args(["--session", "e", "-m", "haiku", "three"])
        .assert()
        .success();
    assert_eq!(
        server.requests()[2].json()["model"],
        json!("claude-haiku-4-5")
    );
    assert_eq!(read_session(&data, "e")["model"], json!("claude-haiku-4-5"));
}

#[test]
fn with_stdout_piped_the_repl_prompt_stays_on_the_terminal() {
    let data = tempdir("repl-piped");
    let server = FakeServer::with([Reply::stream("stream-basic.sse")]);
    let mut command = spawnable(&server);
    command
        .env("XDG_DATA_HOME", &data)
        .env("TERM", "xterm")
        .args(["chat", "--session", "p"]);
    let mut terminal = pty::Session::spawn_with_stdout(command, Some(std::process::Stdio::piped()));
    let mut answers = terminal.child.stdout.take().unwrap();
    terminal.expect("> ");
    terminal.send("hello\r");
    // The whole reply, read from the pipe.
    let mut reply = vec![0u8; "Hello there!\n".len()];
    std::io::Read::read_exact(&mut answers, &mut reply).unwrap();
    assert_eq!(String::from_utf8(reply).unwrap(), "Hello there!\n");
    terminal.expect("> ");
    terminal.send("\x04");
    assert_eq!(terminal.wait(), Some(0));
    // Nothing but the answer went to the pipe: no prompt, no typing, no escapes.
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut answers, &mut rest).unwrap();
    assert_eq!(rest, "");
    // It streamed, though stdout is not a terminal.
    assert_eq!(server.single_request().json()["stream"], json!(true));
}

#[test]
fn deleting_a_session_leaves_nothing_behind() {
    let data = tempdir("chat-delete");
    let server = FakeServer::with([ok()]);
    chat(&server, &data)
        .args(["--session", "gone", "hi"])
        .assert()
        .success();
    chat(&server, &data)
        .args(["--delete", "gone"])
        .assert()
        .success();
    let left: Vec<_> = std::fs::read_dir(data.join("claude-cli/sessions"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn repl_clear_drops_pending_attachments() {
    let data = tempdir("repl-clear-files");
    let server = FakeServer::with([Reply::stream("stream-basic.sse")]);
    let mut terminal = repl(&server, &data, &["--session", "c"]);
    terminal.expect("> ");
    terminal.send("/file tests/fixtures/images/red.png\r");
    terminal.expect("will go with the next message");
    terminal.expect("> ");
    terminal.send("/clear\r");
    terminal.expect("dropped 1 pending attachment");
    terminal.expect("new conversation");
    terminal.expect("> ");
    terminal.send("hello\r");
    terminal.expect("Hello");
    terminal.expect("> ");
    terminal.send("/exit\r");
    assert_eq!(terminal.wait(), Some(0));
    let content = &server.single_request().json()["messages"][0]["content"];
    assert_eq!(content, &json!("hello"), "the image stayed behind");
}

#[test]
fn repl_model_refuses_an_unknown_name_unless_forced() {
    let data = tempdir("repl-model-check");
    let server = FakeServer::with([Reply::stream("stream-basic.sse")]);
    let mut terminal = repl(&server, &data, &["--session", "m", "-m", "haiku"]);
    terminal.expect("> ");
    terminal.send("/model sonet\r");
    terminal.expect("`sonet` is not a model claude knows, so the model stays claude-haiku-4-5");
    terminal.expect("opus, sonnet, haiku");
    terminal.expect("> ");
    terminal.send("/model claude-opus-4-8\r");
    terminal.expect("model: claude-opus-4-8");
    terminal.expect("> ");
    terminal.send("/model claude-next-1 --force\r");
    terminal.expect("model: claude-next-1");
    terminal.expect("> ");
    terminal.send("hello\r");
    terminal.expect("Hello");
    terminal.expect("> ");
    terminal.send("/exit\r");
    assert_eq!(terminal.wait(), Some(0));
    assert_eq!(
        server.single_request().json()["model"],
        json!("claude-next-1")
    );
}

#[test]
fn repl_retry_after_a_failed_turn_sends_it_again() {
    let data = tempdir("repl-retry-failed");
    let server = FakeServer::with([
        Reply::error(529, "overloaded_error", "Overloaded"),
        Reply::stream("stream-basic.sse"),
    ]);
    let mut terminal = repl(&server, &data, &["--session", "f", "--max-retries", "0"]);
    terminal.expect("> ");
    terminal.send("/file tests/fixtures/images/red.png\r");
    terminal.expect("will go with the next message");
    terminal.expect("> ");
    terminal.send("what colour?\r");
    terminal.expect("529 overloaded_error");
    terminal.expect("/retry sends it again");
    terminal.expect("> ");
    terminal.send("/retry\r");
    terminal.expect("sending the failed message again");
    terminal.expect("Hello");
    terminal.expect("> ");
    terminal.send("/exit\r");
    assert_eq!(terminal.wait(), Some(0));
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[1].json()["messages"],
        requests[0].json()["messages"]
    );
    let saved = read_session(&data, "f");
    assert_eq!(saved["messages"].as_array().unwrap().len(), 2);
}

/// A 9000x300 PNG: over the API's 8000 px, fixed by resizing.
#[cfg(feature = "resize")]
fn write_large_png(path: &Path) {
    let picture = image::RgbImage::from_fn(9000, 300, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    picture.save(path).unwrap();
}

#[cfg(feature = "resize")]
#[test]
fn repl_resize_turns_on_for_an_image_that_needs_it() {
    let data = tempdir("repl-resize");
    let big = data.join("big.png");
    write_large_png(&big);
    let server = FakeServer::with([Reply::stream("stream-basic.sse")]);
    let mut terminal = repl(&server, &data, &["--session", "z"]);
    terminal.expect("> ");
    terminal.send(&format!("/file {}\r", big.display()));
    terminal.expect("/resize on");
    terminal.expect("> ");
    terminal.send(&format!("/file --resize {}\r", big.display()));
    terminal.expect("resize: on");
    terminal.expect("will go with the next message");
    terminal.expect("> ");
    terminal.send("describe\r");
    terminal.expect("Hello");
    terminal.expect("> ");
    terminal.send("/exit\r");
    assert_eq!(terminal.wait(), Some(0));
    let content = &server.single_request().json()["messages"][0]["content"];
    assert_eq!(content[0]["type"], json!("image"));
}

#[test]
fn the_session_list_dates_are_local_iso_8601_and_an_empty_list_says_so() {
    let data = tempdir("chat-list-dates");
    let server = FakeServer::with([ok()]);
    let output = chat(&server, &data).arg("--list").output().unwrap();
    assert_exit(&output, 0);
    assert!(stdout(&output).is_empty());
    assert!(
        stderr(&output).starts_with("claude: no saved sessions"),
        "{}",
        stderr(&output)
    );

    chat(&server, &data)
        .args(["--session", "notes", "remember 42"])
        .assert()
        .success();
    let is_local_iso = |date: &str| {
        let bytes = date.as_bytes();
        date.len() == 25
            && date.ends_with("+05:30")
            && bytes[4] == b'-'
            && bytes[10] == b'T'
            && bytes[13] == b':'
            && date[..4].chars().all(|c| c.is_ascii_digit())
    };
    let output = chat(&server, &data)
        .env("TZ", "IST-05:30")
        .arg("--list")
        .output()
        .unwrap();
    let line = stdout(&output);
    let date = line.split('\t').nth(1).unwrap();
    assert!(is_local_iso(date), "{line}");
    let output = chat(&server, &data)
        .env("TZ", "IST-05:30")
        .args(["--list", "-o", "json"])
        .output()
        .unwrap();
    let list: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert!(is_local_iso(list[0]["updated"].as_str().unwrap()), "{list}");
}

#[test]
fn the_repl_shows_a_spinner_until_the_reply_starts() {
    let data = tempdir("repl-spinner");
    let server = FakeServer::with([
        Reply::stream("stream-basic.sse").delay(std::time::Duration::from_millis(600))
    ]);
    let mut command = spawnable(&server);
    command
        .env("XDG_DATA_HOME", &data)
        .env("HOME", &data)
        .env("TERM", "xterm")
        .args(["chat", "--session", "spin", "-m", "haiku"]);
    let mut terminal = pty::Session::spawn(command);
    terminal.expect("> ");
    terminal.send("hello\r");
    terminal.expect("waiting for claude-haiku-4-5");
    let between = terminal.expect("Hello there!");
    assert!(between.contains("\x1b[2K"), "cleared first: {between:?}");
    terminal.expect("> ");
    terminal.send("/exit\r");
    assert_eq!(terminal.wait(), Some(0));
}

#[test]
fn s_dash_removes_a_saved_session_s_system_prompt() {
    let data = tempdir("chat-no-system");
    let server = FakeServer::with([ok(), ok()]);
    chat(&server, &data)
        .args(["--session", "s", "-s", "Answer in French.", "hi"])
        .assert()
        .success();
    assert_eq!(read_session(&data, "s")["system"], "Answer in French.");
    chat(&server, &data)
        .args(["--session", "s", "-s", "-", "again"])
        .assert()
        .success();
    let requests = server.requests();
    assert_eq!(requests[0].json()["system"], "Answer in French.");
    assert!(requests[1].json().get("system").is_none());
    let saved = read_session(&data, "s");
    assert!(saved.get("system").is_none_or(Value::is_null), "{saved}");
}

#[test]
fn deleting_a_session_that_does_not_exist_points_to_the_list() {
    let data = tempdir("chat-delete-nope");
    let server = FakeServer::start();
    let output = chat(&server, &data)
        .args(["--delete", "nope"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert_eq!(
        error_line(&output),
        "claude: error: no session named nope (claude chat --list shows them)"
    );
}
