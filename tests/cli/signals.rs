use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Stdio};
use std::time::Duration;

use wait_timeout::ChildExt;

use crate::support::*;

fn interrupt(child: &Child) {
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

fn finish(mut child: Child) -> (i32, String, String) {
    let status = child
        .wait_timeout(Duration::from_secs(20))
        .unwrap()
        .expect("claude exits");
    let mut out = String::new();
    let mut err = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    (status.code().unwrap_or(-1), out, err)
}

#[test]
fn ctrl_c_during_a_stream_keeps_the_text_and_exits_130() {
    let server = FakeServer::with([Reply::stream("stream-basic.sse")
        .first_events(4)
        .end(End::Stall)]);
    let mut child = spawn_piped(&server, &["ask", "--stream", "hi"]);
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 5];
    out.read_exact(&mut first).unwrap();
    assert_eq!(&first, b"Hello");
    interrupt(&child);
    child.stdout = Some(out);
    let (code, rest, err) = finish(child);
    assert_eq!(code, 130);
    assert_eq!(rest, "\n", "the line is ended after the partial text");
    assert_eq!(err, "claude: interrupted\n");
}

#[test]
fn ctrl_c_in_json_mode_prints_the_partial_message() {
    // Up to the second thinking delta, then silence.
    let server = FakeServer::with([Reply::stream("stream-thinking.assembled.sse")
        .first_events(5)
        .end(End::Stall)]);
    let mut child = spawn_piped(
        &server,
        &["ask", "-o", "json", "--stream", "--show-thinking", "hi"],
    );
    // Thinking reaches stderr as it arrives: once the last delta is there,
    // the client holds everything the server sent.
    let mut err = child.stderr.take().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 256];
    while !String::from_utf8_lossy(&seen).contains("total 391.") {
        let n = err.read(&mut buf).unwrap();
        assert!(
            n > 0,
            "stderr closed early: {}",
            String::from_utf8_lossy(&seen)
        );
        seen.extend_from_slice(&buf[..n]);
    }
    interrupt(&child);
    child.stderr = Some(err);
    let (code, out, err) = finish(child);
    assert_eq!(code, 130);
    assert_eq!(err, "\nclaude: interrupted\n");
    let partial: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        partial["id"],
        serde_json::json!("msg_assembled_thinking_01")
    );
    assert_eq!(
        partial["content"][0]["thinking"],
        serde_json::json!("The user wants 17 * 23. 17 * 20 = 340, 17 * 3 = 51, total 391.")
    );
    assert_eq!(partial["stop_reason"], serde_json::Value::Null);
}

#[test]
fn ctrl_c_while_reading_stdin_exits_130() {
    let server = FakeServer::start();
    let mut child = spawnable(&server)
        .args(["ask", "hi"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _writer = child.stdin.take();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    // The stdin hint proves the process is up and waiting in the read.
    let mut hint = String::new();
    err.read_line(&mut hint).unwrap();
    assert!(hint.contains("waiting for stdin"));
    interrupt(&child);
    child.stderr = Some(err.into_inner());
    let (code, out, err) = finish(child);
    assert_eq!(code, 130);
    assert_eq!(out, "");
    assert_eq!(err, "claude: interrupted\n");
    assert!(server.requests().is_empty());
}

#[test]
fn a_closed_stdout_ends_quietly() {
    let lines: String = (1..=40).map(|i| {
        format!("event: content_block_delta\ndata: {{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{{\"type\":\"text_delta\",\"text\":\"line {i}\\n\"}}}}\n\n")
    }).collect();
    let sse = fixture("stream-basic.sse").replace(
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}\n\n",
        &lines,
    );
    let server = FakeServer::with([Reply::sse(&sse).gap(Duration::from_millis(20))]);
    let mut child = spawn_piped(&server, &["ask", "--stream", "hi"]);
    // Like `| head -1`: read one line, then close the pipe.
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    assert_eq!(first, "line 1\n");
    drop(out);
    let status = child
        .wait_timeout(Duration::from_secs(20))
        .unwrap()
        .expect("exits");
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(status.code(), Some(0));
    assert_eq!(err, "", "no error for a reader that had enough");
}

/// Sends Ctrl-C once a stderr line contains `marker`, then waits for the
/// exit: (code, stdout, rest of stderr).
fn interrupt_at_line(mut child: Child, marker: &str) -> (i32, String, String) {
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    while !line.contains(marker) {
        line.clear();
        assert!(
            err.read_line(&mut line).unwrap() > 0,
            "stderr ended before {marker:?}"
        );
    }
    interrupt(&child);
    child.stderr = Some(err.into_inner());
    finish(child)
}

#[test]
fn ctrl_c_during_a_retry_wait_exits_130_at_once() {
    let server = FakeServer::with([
        Reply::error(429, "rate_limit_error", "slow down").header("retry-after", "50"),
        Reply::message("message-basic-recorded.json"),
    ]);
    let child = spawn_piped(&server, &["-v", "ask", "hi"]);
    let (code, out, err) = interrupt_at_line(child, "retrying in 50.00s");
    assert_eq!(code, 130);
    assert_eq!(out, "");
    assert!(err.ends_with("claude: interrupted\n"), "{err}");
    assert_eq!(server.requests().len(), 1, "no retry after Ctrl-C");
}

#[test]
fn ctrl_c_while_waiting_for_a_whole_reply_exits_130() {
    let server = FakeServer::with([Reply::Hang]);
    let child = spawn_piped(&server, &["-v", "ask", "--no-stream", "hi"]);
    let (code, out, err) = interrupt_at_line(child, "attempt 1 of 3");
    assert_eq!(code, 130);
    assert_eq!(out, "");
    assert!(err.ends_with("claude: interrupted\n"), "{err}");
}

fn signal(child: &Child, name: &str) {
    let status = std::process::Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn sigterm_and_sighup_are_handled_like_ctrl_c() {
    for (name, code, note) in [("TERM", 143, "terminated"), ("HUP", 129, "hung up")] {
        let server = FakeServer::with([Reply::stream("stream-basic.sse")
            .first_events(4)
            .end(End::Stall)]);
        let mut child = spawn_piped(&server, &["ask", "--stream", "hi"]);
        let mut out = child.stdout.take().unwrap();
        let mut first = [0u8; 5];
        out.read_exact(&mut first).unwrap();
        assert_eq!(&first, b"Hello");
        signal(&child, name);
        child.stdout = Some(out);
        let (status, rest, err) = finish(child);
        assert_eq!(status, code, "SIG{name}");
        assert_eq!(rest, "\n", "SIG{name}: the line is closed");
        assert_eq!(err, format!("claude: {note}\n"));
    }
}

/// Checks what a terminal `columns` wide shows of the spinner: each
/// frame ends short of the last column, so the `^C` the terminal echoes
/// stays on the spinner's line (a frame padded to the full width would
/// send it to a new line, and clearing that one would leave the spinner
/// above it); and the spinner's line is cleared before `note`.
#[track_caller]
fn assert_spinner_cleared(screen: &str, columns: usize, note: &str) {
    let frames: Vec<&str> = screen
        .split("\r\x1b[2K")
        .filter(|frame| frame.contains("waiting for"))
        .collect();
    assert!(!frames.is_empty(), "{screen:?}");
    for frame in frames {
        let frame = frame.split("^C").next().unwrap_or(frame);
        assert!(
            frame.chars().count() < columns,
            "a frame reaches the edge: {frame:?}"
        );
    }
    let last = screen.rfind("waiting for").unwrap();
    let cleared = screen[last..].find("\r\x1b[2K").expect(screen);
    let noted = screen[last..].find(note).expect(screen);
    assert!(cleared < noted, "{screen:?}");
    assert!(
        !screen[last + noted..].contains("waiting for"),
        "{screen:?}"
    );
}

#[test]
fn ctrl_c_while_the_spinner_runs_clears_its_line() {
    let server = FakeServer::with([Reply::Hang]);
    let mut command = spawnable(&server);
    command.env("TERM", "xterm").args(["ask", "hi"]);
    let mut terminal = crate::support::pty::Session::spawn_sized(command, 80);
    let drawn = terminal.expect("waiting for claude-sonnet-5");
    server.wait_for_requests(1);
    terminal.send("\x03");
    let (code, rest) = terminal.finish();
    assert_eq!(code, Some(130), "{rest:?}");
    assert_spinner_cleared(&format!("{drawn}{rest}"), 80, "claude: interrupted");
}

#[test]
fn ctrl_c_while_the_repl_s_spinner_runs_clears_its_line() {
    let data = tempdir("repl-ctrl-c");
    let server = FakeServer::with([Reply::Hang]);
    let mut command = spawnable(&server);
    command
        .env("TERM", "xterm")
        .env("XDG_DATA_HOME", &data)
        .env("HOME", &data)
        .args(["chat", "--session", "spin"]);
    let mut terminal = crate::support::pty::Session::spawn_sized(command, 80);
    terminal.expect("> ");
    terminal.send("hello\r");
    terminal.expect("hello");
    let drawn = terminal.expect("waiting for claude-sonnet-5");
    server.wait_for_requests(1);
    terminal.send("\x03");
    let rest = terminal.expect("> ");
    assert_spinner_cleared(
        &format!("{drawn}{rest}"),
        80,
        "claude: interrupted; this turn is not saved",
    );
    terminal.send("/exit\r");
    let (code, _) = terminal.finish();
    assert_eq!(code, Some(0));
}
