//! Local tools in chat (tool turns saved, resumed sessions keep their
//! tools), and the question on a terminal: yes, no, always and Ctrl-C.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::local_tools::{
    alive, answer, asking, results_sent, sh_tool, stream_of, tool_replies, tool_server,
};
use crate::support::pty;
use crate::support::*;

fn session_file(data: &Path, name: &str) -> PathBuf {
    data.join("claude-cli/sessions")
        .join(format!("{name}.json"))
}

fn read_session(data: &Path, name: &str) -> Value {
    serde_json::from_slice(&std::fs::read(session_file(data, name)).unwrap()).unwrap()
}

/// `claude` on a terminal against `server`, with its own data directory.
fn on_terminal(server: &FakeServer, data: &Path, args: &[&str]) -> pty::Session {
    let mut command = spawnable(server);
    command
        .env("XDG_DATA_HOME", data)
        .env("HOME", data)
        .env("TOOL_DIR", data)
        .env("TERM", "dumb")
        .args(args);
    pty::Session::spawn(command)
}

const QUESTION: &str = "[y]es / [n]o / [a]lways for this tool: ";

#[test]
fn chat_keeps_tool_turns_and_a_resumed_session_offers_its_tools_again() {
    let data = tempdir("tools-chat");
    let tool = sh_tool(&data, "hello", "echo hi");
    let server = tool_server(vec![("toolu_1", "hello", json!({}))]);
    let chat = || {
        let mut cmd = claude_at(&server);
        cmd.env("XDG_DATA_HOME", &data)
            .env("HOME", &data)
            .arg("chat");
        cmd
    };
    let output = chat()
        .args(["--session", "s", "-T", &tool, "--allow", "hello", "greet"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let session = read_session(&data, "s");
    let roles: Vec<&str> = session["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["user", "assistant", "user", "assistant"]);
    assert_eq!(
        session["messages"][1]["content"][1]["type"],
        json!("tool_use")
    );
    assert_eq!(
        session["messages"][2]["content"][0]["type"],
        json!("tool_result")
    );
    assert_eq!(
        session["messages"][2]["content"][0]["content"],
        json!("hi\n")
    );
    assert_eq!(session["local_tools"], json!([tool]));

    // Resumed without -T: the same tools, and the whole history, are sent.
    let output = chat()
        .args(["--session", "s", "--allow", "hello", "again"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let requests = server.requests();
    assert_eq!(requests.len(), 4);
    let resumed = requests[2].json();
    assert_eq!(resumed["tools"][0]["name"], json!("hello"));
    let sent = resumed["messages"].as_array().unwrap();
    assert_eq!(sent.len(), 5);
    assert_eq!(sent[..4], session["messages"].as_array().unwrap()[..]);
    assert_eq!(
        read_session(&data, "s")["messages"]
            .as_array()
            .unwrap()
            .len(),
        8
    );

    let output = chat().args(["--list"]).output().unwrap();
    assert!(
        stdout(&output).contains("s\t") && stdout(&output).contains("\t2 turns\t"),
        "{}",
        stdout(&output)
    );
    let output = chat().args(["--show", "s"]).output().unwrap();
    let transcript = stdout(&output);
    assert!(
        transcript.contains("## Tools\n\n[tool result]\nhi"),
        "{transcript}"
    );
    assert!(transcript.contains("[tool hello: {}]"), "{transcript}");
}

#[test]
fn a_refused_tool_turn_is_not_saved() {
    let data = tempdir("tools-chat-refused");
    let tool = sh_tool(&data, "hello", "echo hi");
    let server = tool_server(vec![("toolu_1", "hello", json!({}))]);
    let output = claude_at(&server)
        .env("XDG_DATA_HOME", &data)
        .env("HOME", &data)
        .args(["chat", "--session", "r", "-T", &tool, "greet"])
        .output()
        .unwrap();
    assert_exit(&output, 5);
    assert_eq!(server.requests().len(), 1);
    assert!(!session_file(&data, "r").exists());
}

#[test]
fn the_terminal_question_takes_yes_no_and_always() {
    let data = tempdir("tools-ask");
    let tools: Vec<String> = ["one", "two", "three"]
        .iter()
        .map(|name| sh_tool(&data, name, &format!("echo {name}")))
        .collect();
    let server = FakeServer::with([
        stream_of(&asking(&[
            ("toolu_1", "one", json!({"n": 1})),
            ("toolu_2", "two", json!({})),
            ("toolu_3", "three", json!({})),
        ])),
        stream_of(&asking(&[("toolu_4", "three", json!({}))])),
        stream_of(&answer("Done.")),
    ]);
    let mut args = vec!["ask"];
    for tool in &tools {
        args.extend(["-T", tool.as_str()]);
    }
    args.push("go");
    let mut terminal = on_terminal(&server, &data, &args);
    let first = terminal.expect(QUESTION);
    assert!(
        first.contains("the model asks to run the tool one with this input:\n{\n  \"n\": 1\n}"),
        "{first}"
    );
    terminal.send("y");
    assert!(terminal.expect(QUESTION).contains("tool two"));
    terminal.send("n");
    assert!(terminal.expect(QUESTION).contains("tool three"));
    terminal.send("a");
    terminal.expect("Done.");
    let (code, rest) = terminal.finish();
    assert_eq!(code, Some(0), "{rest}");
    assert!(!rest.contains(QUESTION), "asked again after always: {rest}");
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    let first = results_sent(&requests[1]);
    assert_eq!(first[0], ("toolu_1".to_owned(), "one\n".to_owned(), false));
    assert!(
        first[1].2 && first[1].1.contains("denied by the user"),
        "{first:?}"
    );
    assert_eq!(
        first[2],
        ("toolu_3".to_owned(), "three\n".to_owned(), false)
    );
    assert_eq!(results_sent(&requests[2])[0].1, "three\n");
}

#[test]
fn a_key_typed_before_the_question_is_not_its_answer() {
    let data = tempdir("tools-ask-early");
    let marker = data.join("ran");
    let tool = sh_tool(&data, "touch_it", &format!("touch '{}'", marker.display()));
    // The first reply waits until the test has typed "y".
    let (typed, wait) = std::sync::mpsc::channel::<()>();
    let wait = std::sync::Mutex::new(wait);
    let replies = tool_replies(vec![("toolu_1", "touch_it", json!({}))]);
    let server = FakeServer::routing(move |request| {
        let _ = wait
            .lock()
            .unwrap()
            .recv_timeout(std::time::Duration::from_secs(20));
        replies(request)
    });
    let mut terminal = on_terminal(&server, &data, &["ask", "-T", &tool, "go"]);
    terminal.send("y");
    // Echoed: the terminal holds the key before the question is asked.
    terminal.expect("y");
    typed.send(()).unwrap();
    drop(typed);
    terminal.expect(QUESTION);
    terminal.send("n");
    let (code, rest) = terminal.finish();
    assert_eq!(code, Some(0), "{rest}");
    assert!(rest.starts_with("no\n"), "{rest}");
    assert!(!marker.exists(), "the early key let the tool run");
    let sent = results_sent(&server.requests()[1]);
    assert!(
        sent[0].2 && sent[0].1.contains("denied by the user"),
        "{sent:?}"
    );
}

#[test]
fn ctrl_c_at_the_question_sends_nothing_more() {
    let data = tempdir("tools-ask-ctrl-c");
    let tool = sh_tool(&data, "one", "echo one");
    let server = FakeServer::with([stream_of(&asking(&[("toolu_1", "one", json!({}))]))]);
    let mut terminal = on_terminal(&server, &data, &["ask", "-T", &tool, "go"]);
    terminal.expect(QUESTION);
    terminal.send("\x03");
    let (code, rest) = terminal.finish();
    assert_eq!(code, Some(130), "{rest}");
    assert!(rest.contains("claude: interrupted"), "{rest}");
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn ctrl_c_while_a_tool_runs_kills_it_and_leaves_the_session_as_it_was() {
    let data = tempdir("tools-chat-ctrl-c");
    let tool = sh_tool(
        &data,
        "slow",
        "sleep 600 & echo $! > \"$TOOL_DIR/child\"; echo $$ > \"$TOOL_DIR/slow\"; \
         echo tool-started > /dev/tty; exec sleep 600",
    );
    let server = tool_server(vec![("toolu_1", "slow", json!({}))]);
    let mut terminal = on_terminal(
        &server,
        &data,
        &[
            "chat",
            "--session",
            "c",
            "-T",
            &tool,
            "--allow",
            "slow",
            "go",
        ],
    );
    terminal.expect("tool-started");
    terminal.send("\x03");
    let (code, rest) = terminal.finish();
    assert_eq!(code, Some(130), "{rest}");
    assert!(
        rest.contains("interrupted; this turn is not saved"),
        "{rest}"
    );
    assert_eq!(server.requests().len(), 1);
    assert!(!session_file(&data, "c").exists());
    for name in ["slow", "child"] {
        let pid: i32 = std::fs::read_to_string(data.join(name))
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        assert!(!alive(pid), "{name} ({pid}) still runs");
    }
}

#[test]
fn the_repl_lists_its_tools_with_what_each_may_do() {
    let data = tempdir("tools-repl");
    let one = sh_tool(&data, "one", "echo one");
    let two = sh_tool(&data, "two", "echo two");
    let server = FakeServer::start();
    let mut terminal = on_terminal(
        &server,
        &data,
        &["chat", "-T", &one, "-T", &two, "--allow", "one"],
    );
    terminal.expect("/help for commands");
    terminal.send("/tools\r");
    let listed = terminal.expect("asks first");
    assert!(
        listed.contains(
            "claude: local tools:\n  one                  allowed (--allow)\n  \
             two                  asks first"
        ),
        "{listed:?}"
    );
    terminal.send("/exit\r");
    let (code, _) = terminal.finish();
    assert_eq!(code, Some(0));
}

#[test]
fn max_cost_holds_across_the_turns_of_a_repl() {
    let data = tempdir("tools-repl-cost");
    let server = FakeServer::routing(|_| stream_of(&answer("Hi there.")));
    // One answer (700 input and 20 output tokens on Sonnet) costs more.
    let mut terminal = on_terminal(&server, &data, &["chat", "--max-cost", "0.0001"]);
    terminal.expect("/help for commands");
    terminal.send("one\r");
    terminal.expect("Hi there.");
    terminal.send("two\r");
    let refused = terminal.expect("the next request was not sent");
    assert!(
        refused.contains("claude: error: budget reached"),
        "{refused}"
    );
    terminal.send("/exit\r");
    let (code, _) = terminal.finish();
    assert_eq!(code, Some(0));
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn in_the_repl_an_always_answer_lasts_until_the_chat_ends() {
    let data = tempdir("tools-repl-always");
    let tool = sh_tool(&data, "one", "echo one");
    let server = tool_server(vec![("toolu_1", "one", json!({}))]);
    let mut terminal = on_terminal(&server, &data, &["chat", "-T", &tool]);
    terminal.expect("/help for commands");
    terminal.send("first\r");
    let asked = terminal.expect(QUESTION);
    assert!(asked.contains("the tool one"), "{asked}");
    terminal.send("a");
    terminal.expect("The tools said: one");
    terminal.send("/tools\r");
    terminal.expect("one                  allowed (always, this session)");
    terminal.send("second\r");
    let second = terminal.expect("The tools said: one");
    assert!(!second.contains(QUESTION), "asked again: {second}");
    terminal.send("/exit\r");
    let (code, rest) = terminal.finish();
    assert_eq!(code, Some(0), "{rest}");
    let requests = server.requests();
    assert_eq!(requests.len(), 4);
    assert_eq!(results_sent(&requests[3])[0].1, "one\n");
}

#[test]
fn on_a_terminal_the_question_and_each_calls_line_start_lines_of_their_own() {
    // Raw text, and text rendered as Markdown (which holds a line until
    // its end): either way the model's words come first, then the
    // question, the call's line, and the answer, each on its own line.
    for term in ["dumb", "xterm-256color"] {
        let data = tempdir("tools-lines");
        let tool = sh_tool(&data, "one", "echo one");
        let server = tool_server(vec![("toolu_1", "one", json!({}))]);
        let mut command = spawnable(&server);
        command
            .env("XDG_DATA_HOME", &data)
            .env("HOME", &data)
            .env("TERM", term)
            .args(["ask", "-T", &tool, "go"]);
        let mut terminal = pty::Session::spawn(command);
        let asked = terminal.expect(QUESTION);
        terminal.send("y");
        let (code, rest) = terminal.finish();
        assert_eq!(code, Some(0), "{rest}");
        let transcript = format!("{asked}{rest}").replace("\r\n", "\n");
        // What follows the spinner, which clears its line last.
        let shown = transcript.rsplit("\x1b[2K").next().unwrap();
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(
            lines[..4],
            [
                "Let me check.",
                "claude: the model asks to run the tool one with this input:",
                "{}",
                "Run it? [y]es / [n]o / [a]lways for this tool: yes",
            ],
            "{term}: {transcript:?}"
        );
        assert!(
            lines[4].starts_with("claude: tool one {}: exit 0, "),
            "{term}: {transcript:?}"
        );
        assert_eq!(
            lines[5..],
            ["The tools said: one"],
            "{term}: {transcript:?}"
        );
    }
}
