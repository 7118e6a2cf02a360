use std::io::{BufRead, BufReader, Read};
use std::process::Stdio;
use std::time::Duration;

use serde_json::{Value, json};

use crate::support::pty::Pty;
use crate::support::*;

#[test]
fn text_is_printed_with_a_trailing_newline() {
    let server = FakeServer::with([Reply::message("message-basic-recorded.json")]);
    let output = claude_at(&server).args(["ask", "hi"]).output().unwrap();
    assert_exit(&output, 0);
    let expected: Value = serde_json::from_str(&fixture("message-basic-recorded.json")).unwrap();
    assert_eq!(
        stdout(&output),
        format!("{}\n", expected["content"][0]["text"].as_str().unwrap())
    );
    assert_eq!(stderr(&output), "");
    assert_eq!(
        server.single_request().json().get("stream"),
        None,
        "not a terminal: no stream"
    );
}

#[test]
fn streamed_text_is_the_concatenated_deltas() {
    let server = FakeServer::with([Reply::stream("stream-basic.sse")]);
    let output = claude_at(&server)
        .args(["ask", "--stream", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(stdout(&output), "Hello there!\n");
    assert_eq!(server.single_request().json()["stream"], json!(true));
}

#[test]
fn streamed_text_is_flushed_per_delta() {
    // The stream stalls after its first delta; "Hello" can only be read
    // while the process is still waiting if it was flushed at once.
    let server = FakeServer::with([Reply::stream("stream-basic.sse")
        .first_events(4)
        .end(End::Stall)]);
    let mut child = spawnable(&server)
        .args(["--timeout", "30", "ask", "--stream", "hi"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut buf = [0u8; 5];
    out.read_exact(&mut buf).unwrap();
    assert_eq!(&buf, b"Hello");
    assert!(child.try_wait().unwrap().is_none(), "still streaming");
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn json_output_is_the_message_as_returned() {
    let server = FakeServer::with([Reply::message("message-basic-recorded.json")]);
    let output = claude_at(&server)
        .args(["ask", "-o", "json", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let text = stdout(&output);
    assert_eq!(
        text.lines().count(),
        1,
        "compact when stdout is not a terminal"
    );
    let printed: Value = serde_json::from_str(&text).unwrap();
    let fixture: Value = serde_json::from_str(&fixture("message-basic-recorded.json")).unwrap();
    assert_eq!(printed, fixture);
}

#[test]
fn json_output_of_a_stream_is_the_accumulated_message() {
    let server = FakeServer::with([Reply::stream("stream-text-recorded.sse")]);
    let output = claude_at(&server)
        .args(["ask", "-o", "json", "--stream", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let message: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(message["id"], json!("msg_013nnniYDrJDocdy5nrMU7cH"));
    assert_eq!(
        message["content"],
        json!([{"type":"text","text":"[12345,67890]"}])
    );
    assert_eq!(message["stop_reason"], json!("end_turn"));
    assert_eq!(message["usage"]["output_tokens"], json!(10));
    assert_eq!(message["usage"]["input_tokens"], json!(135));
    assert_eq!(message["usage"]["service_tier"], json!("standard"));
}

#[test]
fn stream_json_prints_each_raw_event_as_a_line() {
    let sse = fixture("stream-text-recorded.sse");
    let server = FakeServer::with([Reply::stream("stream-text-recorded.sse")]);
    let output = claude_at(&server)
        .args(["ask", "-o", "stream-json", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let expected: Vec<Value> = sse
        .lines()
        .filter_map(|l| l.strip_prefix("data: "))
        .map(|d| serde_json::from_str(d).unwrap())
        .collect();
    let printed: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(printed, expected);
    assert_eq!(server.single_request().json()["stream"], json!(true));
}

#[test]
fn usage_prints_tokens_and_cost_on_stderr() {
    let server = FakeServer::with([Reply::message("message-basic-recorded.json")]);
    let output = claude_at(&server)
        .args(["ask", "-u", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    // Haiku 4.5: 760 × $1 + 63 × $5 per million = $0.001075.
    assert_eq!(
        stderr(&output),
        "claude: usage: 760 input, 63 output, 0 cache-write, 0 cache-read tokens; $0.001075 (claude-haiku-4-5-20251001)\n"
    );
}

#[test]
fn usage_of_an_unknown_model_says_so() {
    let mut message: Value = serde_json::from_str(&fixture("message-basic-recorded.json")).unwrap();
    message["model"] = json!("claude-future-9");
    let server = FakeServer::with([Reply::json(message.to_string())]);
    let output = claude_at(&server)
        .args(["ask", "--usage", "hi"])
        .output()
        .unwrap();
    assert!(
        stderr(&output).contains("; cost unknown (claude-future-9)"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn usage_counts_cache_tokens_from_the_final_stream_delta() {
    let server = FakeServer::with([Reply::stream("stream-long-text-full-usage.sse")]);
    let output = claude_at(&server)
        .args(["ask", "--stream", "-u", "hi"])
        .output()
        .unwrap();
    let usage_line = stderr(&output)
        .lines()
        .last()
        .unwrap_or_default()
        .to_owned();
    let sse = fixture("stream-long-text-full-usage.sse");
    let last_usage: Value = sse
        .lines()
        .filter_map(|l| l.strip_prefix("data: "))
        .map(|d| serde_json::from_str::<Value>(d).unwrap())
        .rfind(|e| e["type"] == "message_delta")
        .unwrap()["usage"]
        .clone();
    let expect = format!(
        "claude: usage: {} input, {} output, {} cache-write, {} cache-read tokens",
        last_usage["input_tokens"],
        last_usage["output_tokens"],
        last_usage["cache_creation_input_tokens"],
        last_usage["cache_read_input_tokens"]
    );
    assert!(usage_line.starts_with(&expect), "{usage_line}\nvs {expect}");
}

#[test]
fn a_truncated_reply_is_noted_in_every_output_mode() {
    for mode in [
        vec!["-o", "text"],
        vec!["-o", "json"],
        vec!["-o", "stream-json"],
        vec!["--stream"],
    ] {
        let streaming = mode.contains(&"stream-json") || mode.contains(&"--stream");
        let server = FakeServer::with([if streaming {
            Reply::stream("stream-max-tokens-truncated-tool-input.sse")
        } else {
            Reply::json(message_with_stop_reason("max_tokens"))
        }]);
        let output = claude_at(&server)
            .args(["ask", "--max-tokens", "124"])
            .args(&mode)
            .arg("hi")
            .output()
            .unwrap();
        assert_exit(&output, 3);
        assert!(
            stderr(&output).contains(
                "reply truncated: it reached the max_tokens limit (124); raise --max-tokens"
            ),
            "{mode:?}: {}",
            stderr(&output)
        );
        assert!(
            !stdout(&output).is_empty(),
            "{mode:?}: the partial reply is printed"
        );
    }
}

#[test]
fn truncated_tool_input_keeps_what_arrived() {
    let server = FakeServer::with([Reply::stream("stream-max-tokens-truncated-tool-input.sse")]);
    let output = claude_at(&server)
        .args(["ask", "-o", "json", "--stream", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 3);
    let message: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let input = &message["content"][1]["input"];
    assert_eq!(input["filename"], json!("taxes.txt"));
    assert_eq!(input["lines_of_text"][2], json!("## INTRODUCTION"));
}

#[test]
fn a_reply_without_text_is_never_silent() {
    let server = FakeServer::with([Reply::stream("stream-refusal.sse")]);
    let output = claude_at(&server)
        .args(["ask", "--stream", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 4);
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output).contains("the reply has no text (stop_reason: refusal)"),
        "{}",
        stderr(&output)
    );
    let server = FakeServer::with([Reply::message("message-tool-use-recorded.json")]);
    let output = claude_at(&server).args(["ask", "hi"]).output().unwrap();
    assert_exit(&output, 5);
    assert!(
        stderr(&output)
            .contains("the reply has no text (stop_reason: tool_use); -o json shows all of it")
    );
}

#[test]
fn thinking_goes_to_stderr_only_when_asked() {
    for streaming in [true, false] {
        let server = FakeServer::with([
            Reply::stream("stream-thinking.assembled.sse"),
            Reply::stream("stream-thinking.assembled.sse"),
        ]);
        let mode = if streaming { "--stream" } else { "--no-stream" };
        // --no-stream with a large max_tokens is fetched as a stream too.
        let shown = claude_at(&server)
            .args([
                "ask",
                mode,
                "--max-tokens",
                "30000",
                "--show-thinking",
                "hi",
            ])
            .output()
            .unwrap();
        assert_exit(&shown, 0);
        let hidden = claude_at(&server)
            .args(["ask", mode, "--max-tokens", "30000", "hi"])
            .output()
            .unwrap();
        assert_eq!(
            stdout(&shown),
            stdout(&hidden),
            "thinking never reaches stdout"
        );
        assert!(!stdout(&shown).is_empty());
        assert!(
            stderr(&shown).len() > 20,
            "{mode}: thinking shown: {}",
            stderr(&shown)
        );
        assert_eq!(stderr(&hidden), "");
    }
}

#[test]
fn a_large_max_tokens_is_streamed_but_printed_whole() {
    let server = FakeServer::with([Reply::stream("stream-basic.sse")]);
    let output = claude_at(&server)
        .args(["ask", "--no-stream", "--max-tokens", "64000", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(stdout(&output), "Hello there!\n");
    let body = server.single_request().json();
    assert_eq!(body["stream"], json!(true));
    assert_eq!(body["max_tokens"], json!(64000));
}

#[test]
fn on_a_terminal_replies_stream_and_json_is_pretty() {
    let server = FakeServer::with([
        Reply::stream("stream-basic.sse"),
        Reply::message("message-basic-recorded.json"),
    ]);
    let pty = Pty::open();
    let status = spawnable(&server)
        .args(["ask", "hi"])
        .stdin(Stdio::null())
        .stdout(pty.terminal())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    assert_eq!(pty.read_all(), "Hello there!\n");

    let pty = Pty::open();
    let status = spawnable(&server)
        .args(["ask", "-o", "json", "--no-stream", "hi"])
        .stdin(Stdio::null())
        .stdout(pty.terminal())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    let printed = pty.read_all();
    assert!(
        printed.lines().count() > 10,
        "pretty JSON on a terminal:\n{printed}"
    );
    let requests = server.requests();
    assert_eq!(
        requests[0].json()["stream"],
        json!(true),
        "a terminal streams by default"
    );
    assert_eq!(requests[1].json().get("stream"), None);
}

#[test]
fn the_spinner_appears_only_on_a_terminal_stderr_while_waiting() {
    let slow = || Reply::message("message-basic-recorded.json").delay(Duration::from_millis(600));
    let run = |args: &[&str], env: &[(&str, &str)], reply: Reply| {
        let server = FakeServer::with([reply]);
        let pty = Pty::open();
        let mut cmd = spawnable(&server);
        cmd.args(args)
            .env("TERM", "xterm-256color")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(pty.terminal());
        for (k, v) in env {
            cmd.env(k, v);
        }
        assert_eq!(cmd.status().unwrap().code(), Some(0));
        // The command holds a handle to the terminal until dropped.
        drop(cmd);
        pty.read_all()
    };
    let waiting = run(&["ask", "--no-stream", "hi"], &[], slow());
    assert!(
        waiting.contains("waiting for claude-sonnet-5"),
        "{waiting:?}"
    );
    let no_color = run(&["ask", "--no-stream", "hi"], &[("NO_COLOR", "1")], slow());
    assert_eq!(no_color, "", "no escape codes under NO_COLOR");
    // Streaming too, until the first token.
    let streaming = run(
        &["ask", "--stream", "hi"],
        &[],
        Reply::stream("stream-basic.sse").delay(Duration::from_millis(600)),
    );
    assert!(
        streaming.contains("waiting for claude-sonnet-5"),
        "{streaming:?}"
    );
}

#[test]
fn the_streaming_spinner_is_gone_before_the_first_byte_of_the_answer() {
    // stdout and stderr on one terminal, as a user sees them.
    let server =
        FakeServer::with([Reply::stream("stream-basic.sse").delay(Duration::from_millis(600))]);
    let pty = Pty::open();
    let mut cmd = spawnable(&server);
    cmd.args(["ask", "hi"])
        .env("TERM", "xterm-256color")
        .stdin(Stdio::null())
        .stdout(pty.terminal())
        .stderr(pty.terminal());
    assert_eq!(cmd.status().unwrap().code(), Some(0));
    drop(cmd);
    let screen = pty.read_all();
    let spinner = screen.rfind("waiting for claude-sonnet-5").expect(&screen);
    let answer = screen.find("Hello there!").expect(&screen);
    assert!(spinner < answer, "{screen:?}");
    // The spinner's line is cleared (erase line) before the answer starts.
    assert!(screen[spinner..answer].contains("\x1b[2K"), "{screen:?}");
    assert!(!screen[answer..].contains("waiting for"), "{screen:?}");
}

#[test]
fn stream_json_of_multi_line_data_stays_one_line_per_event() {
    let sse = "event: message_start\ndata: {\"type\":\"message_start\",\ndata: \"message\":{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"x\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}\n\nevent: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":2}}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
    let server = FakeServer::with([Reply::sse(sse)]);
    let output = claude_at(&server)
        .args(["ask", "-o", "stream-json", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["message"]["id"], json!("m"));
}

#[test]
fn stdout_carries_only_the_answer() {
    let server = FakeServer::with([
        Reply::error(429, "rate_limit_error", "slow down").header("retry-after-ms", "10"),
        Reply::message("message-basic-recorded.json"),
    ]);
    let output = claude_at(&server)
        .args(["-v", "ask", "-u", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 1);
    assert!(!out.contains("claude:") && !out.contains("usage:"));
    let lines: Vec<String> = BufReader::new(output.stderr.as_slice())
        .lines()
        .map(Result::unwrap)
        .collect();
    assert!(lines.iter().all(|l| l.starts_with("claude: ")), "{lines:?}");
}

#[test]
fn dry_run_abbreviates_base64_on_a_terminal_only() {
    let image = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/images/red.png");
    let base64_of_image = {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode(std::fs::read(image).unwrap())
    };
    let pty = Pty::open();
    let mut command = std::process::Command::new(binary());
    command
        .env_clear()
        .env("XDG_CONFIG_HOME", NO_CONFIG)
        .args(["ask", "--dry-run", "-f", image, "What colour?"])
        .stdin(Stdio::null())
        .stdout(pty.terminal())
        .stderr(Stdio::null());
    assert_eq!(command.status().unwrap().code(), Some(0));
    drop(command);
    let shown = pty.read_all();
    assert!(shown.contains("bytes of base64…\""), "{shown}");
    assert!(!shown.contains(&base64_of_image), "{shown}");

    let output = claude()
        .args(["ask", "--dry-run", "-f", image, "What colour?"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(stdout(&output).contains(&base64_of_image));
}

#[test]
fn thinking_is_dim_under_a_label_on_a_terminal_and_plain_in_a_pipe() {
    for mode in ["--stream", "--no-stream"] {
        let server = FakeServer::with([Reply::stream("stream-thinking.assembled.sse")]);
        let pty = Pty::open();
        let mut cmd = spawnable(&server);
        cmd.args([
            "ask",
            mode,
            "--max-tokens",
            "30000",
            "--show-thinking",
            "hi",
        ])
        .env("TERM", "xterm-256color")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(pty.terminal());
        assert_eq!(cmd.status().unwrap().code(), Some(0));
        drop(cmd);
        let screen = pty.read_all();
        let label = screen.find("claude: thinking\n").expect(&screen);
        let dim = screen[label..].find("\x1b[2m").expect(&screen);
        assert!(
            screen[label + dim..].contains("\x1b[22m"),
            "{mode}: {screen:?}"
        );

        let server = FakeServer::with([Reply::stream("stream-thinking.assembled.sse")]);
        let output = claude_at(&server)
            .args([
                "ask",
                mode,
                "--max-tokens",
                "30000",
                "--show-thinking",
                "hi",
            ])
            .output()
            .unwrap();
        let piped = stderr(&output);
        assert!(!piped.is_empty());
        assert!(!piped.contains('\x1b'), "{mode}: {piped:?}");
        assert!(!piped.contains("claude: thinking"), "{mode}: {piped:?}");
    }
}
