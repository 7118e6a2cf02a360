//! Local tools: definitions, `claude tools`, and the tool_use loop with its
//! policy, bounds and budget.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::support::*;

/// The repository's example tools.
fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/tools")
}

/// A config home whose tools directory holds `files` (name, text).
fn config_home(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let home = tempdir(name);
    let tools = home.join("claude-cli/tools");
    std::fs::create_dir_all(&tools).unwrap();
    for (file, text) in files {
        std::fs::write(tools.join(file), text).unwrap();
    }
    home
}

const ECHO: &str = r#"name = "echo"
description = "Print the input back."
command = ["cat"]
input_schema = { type = "object", properties = { text = { type = "string" } } }
"#;

#[test]
fn tools_list_and_show_print_the_definitions() {
    let home = config_home("tools-list", &[("echo.toml", ECHO)]);
    for example in ["word_count", "read_file", "git_diff"] {
        std::fs::copy(
            examples().join(format!("{example}.toml")),
            home.join(format!("claude-cli/tools/{example}.toml")),
        )
        .unwrap();
    }
    let output = claude()
        .env("XDG_CONFIG_HOME", &home)
        .args(["tools", "list"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    // The copies' scripts are not beside them: each is named with its line.
    let text = stdout(&output);
    assert_eq!(text, "echo\tPrint the input back.\n");
    let errors = stderr(&output);
    assert!(
        errors.contains("claude-cli/tools/word_count.toml:4: command: ")
            && errors.contains("word_count.py is not an executable file"),
        "{errors}"
    );

    let output = claude()
        .env("XDG_CONFIG_HOME", &home)
        .args(["tools", "show", "echo", "-o", "json"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let shown: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(shown["name"], json!("echo"));
    assert_eq!(shown["command"], json!(["cat"]));
    assert_eq!(
        shown["input_schema"],
        json!({"type": "object", "properties": {"text": {"type": "string"}}})
    );
}

#[test]
fn the_examples_check_and_show_by_path() {
    for example in ["word_count", "read_file", "git_diff"] {
        let path = examples().join(format!("{example}.toml"));
        let output = claude()
            .args(["tools", "show", path.to_str().unwrap()])
            .output()
            .unwrap();
        assert_exit(&output, 0);
        let text = stdout(&output);
        assert!(text.starts_with(&format!("name: {example}\n")), "{text}");
        let program = examples().join(format!("{example}.py"));
        assert!(
            text.contains(&format!("command: [\"{}\"]", program.display())),
            "{text}"
        );
    }
}

#[test]
fn a_broken_definition_is_exit_2_with_its_file_and_line() {
    let home = config_home(
        "tools-broken",
        &[(
            "bad.toml",
            "name = \"bad\"\ndescription = \"d\"\ncommand = [\"cat\"]\n\n[input_schema]\ntype = \"object\"\nproperties.n = { type = \"numbr\" }\n",
        )],
    );
    let output = claude()
        .env("XDG_CONFIG_HOME", &home)
        .args(["tools", "show", "bad"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    let line = error_line(&output);
    assert!(
        line.contains("claude-cli/tools/bad.toml:5: input_schema: properties.n.type: \"numbr\""),
        "{line}"
    );
    let output = claude()
        .env("XDG_CONFIG_HOME", &home)
        .args(["tools", "show", "missing"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert!(error_line(&output).contains("no tool named missing"));
}

/// Writes a tool definition into `dir` that runs `script` with `sh -c`;
/// returns its path.
pub(crate) fn sh_tool(dir: &Path, name: &str, script: &str) -> String {
    sh_tool_with_schema(dir, name, script, "{ type = \"object\" }")
}

pub(crate) fn sh_tool_with_schema(dir: &Path, name: &str, script: &str, schema: &str) -> String {
    let path = dir.join(format!("{name}.toml"));
    let text = format!(
        "name = {name:?}\ndescription = \"A test tool.\"\ncommand = [\"sh\", \"-c\", {script:?}]\ninput_schema = {schema}\n"
    );
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

/// A reply asking for `calls` (id, tool, input) after a line of text, as
/// the API words one.
pub(crate) fn asking(calls: &[(&str, &str, Value)]) -> Value {
    let mut content = vec![json!({"type": "text", "text": "Let me check."})];
    content.extend(calls.iter().map(|(id, name, input)| {
        json!({"type": "tool_use", "id": id, "name": name, "input": input,
               "caller": {"type": "direct"}})
    }));
    json!({
        "model": "claude-sonnet-5", "id": "msg_asking", "type": "message", "role": "assistant",
        "content": content, "stop_reason": "tool_use", "stop_sequence": null,
        "usage": {"input_tokens": 500, "output_tokens": 60}
    })
}

/// A final reply saying `text`.
pub(crate) fn answer(text: &str) -> Value {
    json!({
        "model": "claude-sonnet-5", "id": "msg_answer", "type": "message", "role": "assistant",
        "content": [{"type": "text", "text": text}], "stop_reason": "end_turn",
        "stop_sequence": null, "usage": {"input_tokens": 700, "output_tokens": 20}
    })
}

/// The tool results a request carries in its last turn: (id, content,
/// is_error), in order.
pub(crate) fn results_sent(request: &Recorded) -> Vec<(String, String, bool)> {
    let body = request.json();
    let last = body["messages"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["role"], json!("user"));
    last["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|block| {
            assert_eq!(block["type"], json!("tool_result"));
            (
                block["tool_use_id"].as_str().unwrap().to_owned(),
                block["content"].as_str().unwrap_or_default().to_owned(),
                block["is_error"] == json!(true),
            )
        })
        .collect()
}

/// The fake API the way the tests script it: a request whose last turn
/// holds tool results is answered with those results' text; any other
/// asks for `calls`.
pub(crate) fn tool_server(calls: Vec<(&'static str, &'static str, Value)>) -> FakeServer {
    FakeServer::routing(tool_replies(calls))
}

/// How [`tool_server`] answers.
pub(crate) fn tool_replies(
    calls: Vec<(&'static str, &'static str, Value)>,
) -> impl Fn(&Recorded) -> Reply + Send + 'static {
    move |request| {
        let body = request.json();
        let last = &body["messages"].as_array().unwrap().last().unwrap()["content"];
        let results: Vec<String> = last
            .as_array()
            .into_iter()
            .flatten()
            .filter(|block| block["type"] == json!("tool_result"))
            .map(|block| {
                block["content"]
                    .as_str()
                    .unwrap_or_default()
                    .trim()
                    .to_owned()
            })
            .collect();
        let reply = if results.is_empty() {
            asking(&calls)
        } else {
            answer(&format!("The tools said: {}", results.join(" | ")))
        };
        if body["stream"] == json!(true) {
            stream_of(&reply)
        } else {
            Reply::json(reply.to_string())
        }
    }
}

#[test]
fn several_calls_run_at_once_and_their_results_return_in_the_models_order() {
    let dir = tempdir("tools-concurrent");
    // Each call waits until all three have started: they can only finish
    // if they run at the same time. The first then finishes last.
    let barrier = "id=$(sed 's/.*\"id\": *\"\\([a-z]*\\)\".*/\\1/'); \
         touch \"$TOOL_DIR/started-$id\"; n=0; \
         while [ $(ls \"$TOOL_DIR\" | grep -c started-) -lt 3 ]; do n=$((n+1)); \
         [ $n -gt 400 ] && exit 9; sleep 0.05; done; \
         [ $id = a ] && sleep 0.3; echo $id";
    let tool = sh_tool(&dir, "barrier", barrier);
    let server = tool_server(vec![
        ("toolu_a", "barrier", json!({"id": "a"})),
        ("toolu_b", "barrier", json!({"id": "b"})),
        ("toolu_c", "barrier", json!({"id": "c"})),
    ]);
    let output = claude_at(&server)
        .env("TOOL_DIR", &dir)
        .args(["ask", "-T", &tool, "--allow", "barrier", "--tool-jobs", "3"])
        .arg("go")
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(
        stdout(&output),
        "Let me check.\nThe tools said: a | b | c\n"
    );
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(
        results_sent(&requests[1]),
        [
            ("toolu_a".to_owned(), "a\n".to_owned(), false),
            ("toolu_b".to_owned(), "b\n".to_owned(), false),
            ("toolu_c".to_owned(), "c\n".to_owned(), false),
        ]
    );
    // The definitions go with every request.
    for request in &requests {
        let tools = &request.json()["tools"];
        assert_eq!(tools[0]["name"], json!("barrier"));
        assert_eq!(tools[0]["strict"], json!(true));
    }
    // One stderr line per call.
    let lines = stderr(&output);
    assert_eq!(
        lines
            .lines()
            .filter(|l| l.starts_with("claude: tool barrier {\"id\":"))
            .count(),
        3,
        "{lines}"
    );
    assert!(lines.contains(": exit 0, "), "{lines}");
}

/// A tool script that marks itself running in `$TOOL_DIR/running` while it
/// runs, and appends how many were running when it started to
/// `$TOOL_DIR/counts`; `hold` is what it does meanwhile.
fn counting(hold: &str) -> String {
    format!(
        "id=$(sed 's/.*\"id\": *\"\\([a-z]*\\)\".*/\\1/'); \
         touch \"$TOOL_DIR/running/$id\"; ls \"$TOOL_DIR/running\" | wc -l >> \"$TOOL_DIR/counts\"; \
         {hold}; rm \"$TOOL_DIR/running/$id\"; echo $id"
    )
}

/// The counts `counting` tools wrote.
fn counts_in(dir: &Path) -> Vec<u32> {
    std::fs::read_to_string(dir.join("counts"))
        .unwrap()
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect()
}

#[test]
fn tool_jobs_bounds_how_many_calls_run_at_once() {
    // Four calls of a tool that runs a second, two at a time: never more
    // than two run, and the run cannot take less than two seconds (it
    // would take one if all four ran at once).
    let dir = tempdir("tools-jobs");
    std::fs::create_dir_all(dir.join("running")).unwrap();
    let tool = sh_tool(&dir, "counted", &counting("sleep 1"));
    let ids = ["a", "b", "c", "d"];
    let server = tool_server(
        ids.iter()
            .map(|id| ("toolu_x", "counted", json!({"id": id})))
            .collect(),
    );
    let started = std::time::Instant::now();
    let output = claude_at(&server)
        .env("TOOL_DIR", &dir)
        .args([
            "ask",
            "-T",
            &tool,
            "--allow",
            "all",
            "--tool-jobs",
            "2",
            "go",
        ])
        .output()
        .unwrap();
    let wall = started.elapsed();
    eprintln!("4 calls of 1 s, --tool-jobs 2: {wall:?}");
    assert_exit(&output, 0);
    let counts = counts_in(&dir);
    assert_eq!(counts.len(), 4);
    assert!(counts.iter().all(|n| *n <= 2), "{counts:?}");
    assert!(wall >= std::time::Duration::from_secs(2), "{wall:?}");
    assert_eq!(
        stdout(&output),
        "Let me check.\nThe tools said: a | b | c | d\n"
    );

    // By default four run at once: each of five calls waits until four
    // have started, which only happens if four run together (a call that
    // waits 20 s in vain fails), and no more than four ever run.
    let dir = tempdir("tools-jobs-default");
    std::fs::create_dir_all(dir.join("running")).unwrap();
    let barrier = "touch \"$TOOL_DIR/started-$id\"; n=0; \
         while [ $(ls \"$TOOL_DIR\" | grep -c started-) -lt 4 ]; do n=$((n+1)); \
         [ $n -gt 400 ] && exit 9; sleep 0.05; done";
    let tool = sh_tool(&dir, "counted", &counting(barrier));
    let server = tool_server(
        ["a", "b", "c", "d", "e"]
            .iter()
            .map(|id| ("toolu_x", "counted", json!({"id": id})))
            .collect(),
    );
    let output = claude_at(&server)
        .env("TOOL_DIR", &dir)
        .args(["ask", "-T", &tool, "--allow", "all", "go"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let sent = results_sent(&server.requests()[1]);
    assert!(sent.iter().all(|(_, _, is_error)| !is_error), "{sent:?}");
    let counts = counts_in(&dir);
    assert_eq!(counts.len(), 5);
    assert!(counts.iter().all(|n| *n <= 4), "{counts:?}");
}

#[test]
fn without_a_terminal_a_call_not_allowed_ends_the_run_and_nothing_more_is_sent() {
    let dir = tempdir("tools-refused");
    let marker = dir.join("ran");
    let touch = sh_tool(&dir, "touch_it", &format!("touch '{}'", marker.display()));
    let other = sh_tool(&dir, "other", "echo other");
    let server = tool_server(vec![
        ("toolu_1", "other", json!({})),
        ("toolu_2", "touch_it", json!({})),
    ]);
    let output = claude_at(&server)
        .args(["ask", "-T", &touch, "-T", &other, "--allow", "other", "go"])
        .output()
        .unwrap();
    assert_exit(&output, 5);
    assert_eq!(server.requests().len(), 1, "nothing more may be sent");
    assert!(!marker.exists(), "a tool that was not allowed ran");
    assert_eq!(stdout(&output), "Let me check.\n");
    let line = error_line(&output);
    assert!(
        line.contains("the tool touch_it is not allowed to run")
            && line.contains("no terminal")
            && line.contains("--allow touch_it"),
        "{line}"
    );
    // The allowed call did not run either: the run stopped first.
    assert!(
        stderr(&output).contains("claude: tool other {}: not run: the run stopped"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn deny_wins_over_allow_and_the_model_is_told() {
    let dir = tempdir("tools-deny");
    let marker = dir.join("ran");
    let tool = sh_tool(&dir, "touch_it", &format!("touch '{}'", marker.display()));
    let server = tool_server(vec![("toolu_1", "touch_it", json!({}))]);
    let output = claude_at(&server)
        .args([
            "ask", "-T", &tool, "--allow", "all", "--deny", "touch_it", "go",
        ])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(!marker.exists());
    let sent = results_sent(&server.requests()[1]);
    assert!(sent[0].2 && sent[0].1.contains("denied"), "{sent:?}");
    assert!(stderr(&output).contains("claude: tool touch_it {}: denied (--deny touch_it)"));
}

#[test]
fn the_config_file_can_allow_a_tool_found_by_name() {
    let dir = tempdir("tools-config-allow");
    std::fs::create_dir_all(dir.join("claude-cli")).unwrap();
    std::fs::write(
        dir.join("claude-cli/config.toml"),
        "[tools]\nallow = [\"hello\"]\n",
    )
    .unwrap();
    // Found by name in the tools directory.
    let tools = dir.join("claude-cli/tools");
    std::fs::create_dir_all(&tools).unwrap();
    sh_tool(&tools, "hello", "echo hi");
    let server = tool_server(vec![("toolu_1", "hello", json!({}))]);
    let output = claude_at(&server)
        .env("XDG_CONFIG_HOME", &dir)
        .args(["ask", "-T", "hello", "go"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(results_sent(&server.requests()[1])[0].1, "hi\n");
}

#[test]
fn max_steps_ends_a_run_that_keeps_asking_with_exit_5() {
    let dir = tempdir("tools-steps");
    let tool = sh_tool(&dir, "again", "echo again");
    // The model asks every time.
    let server = FakeServer::routing(|_| {
        Reply::json(asking(&[("toolu_1", "again", json!({}))]).to_string())
    });
    let output = claude_at(&server)
        .args([
            "ask",
            "-T",
            &tool,
            "--allow",
            "again",
            "--max-steps",
            "3",
            "go",
        ])
        .output()
        .unwrap();
    assert_exit(&output, 5);
    assert_eq!(server.requests().len(), 3);
    let notes: Vec<String> = stderr(&output)
        .lines()
        .filter(|l| l.contains("--max-steps"))
        .map(str::to_owned)
        .collect();
    assert_eq!(
        notes,
        [
            "claude: the turn is not finished: --max-steps (3) is spent and the model still asks \
          to go on; raise it to let the run go further"
        ]
    );
    // The default is 10.
    let server = FakeServer::routing(|_| {
        Reply::json(asking(&[("toolu_1", "again", json!({}))]).to_string())
    });
    let output = claude_at(&server)
        .args(["ask", "-T", &tool, "--allow", "again", "go"])
        .output()
        .unwrap();
    assert_exit(&output, 5);
    assert_eq!(server.requests().len(), 10);
}

#[test]
fn max_cost_stops_before_the_request_that_would_pass_it_with_exit_12() {
    let dir = tempdir("tools-cost");
    let tool = sh_tool(&dir, "again", "echo again");
    let server = FakeServer::routing(|_| {
        Reply::json(asking(&[("toolu_1", "again", json!({}))]).to_string())
    });
    // 500 input and 60 output tokens on Sonnet cost more than this.
    let output = claude_at(&server)
        .args([
            "ask",
            "-T",
            &tool,
            "--allow",
            "again",
            "--max-cost",
            "0.0001",
            "go",
        ])
        .output()
        .unwrap();
    assert_exit(&output, 12);
    assert_eq!(server.requests().len(), 1);
    assert!(
        error_line(&output).contains("budget reached")
            && error_line(&output).contains("--max-cost"),
        "{}",
        stderr(&output)
    );

    // From the config file, it counts pause_turn continuations too.
    let home = tempdir("tools-cost-config");
    std::fs::create_dir_all(home.join("claude-cli")).unwrap();
    std::fs::write(
        home.join("claude-cli/config.toml"),
        "[budget]\nmax_cost = 0.0001\n",
    )
    .unwrap();
    let server = FakeServer::with([
        Reply::message("message-pause-turn.assembled.json"),
        Reply::message("message-after-pause.assembled.json"),
    ]);
    let output = claude_at(&server)
        .env("XDG_CONFIG_HOME", &home)
        .args(["ask", "-m", "claude-sonnet-5", "weather?"])
        .output()
        .unwrap();
    assert_exit(&output, 12);
    assert_eq!(server.requests().len(), 1);

    // A model with no known price cannot be held to a ceiling.
    let server = FakeServer::start();
    let output = claude_at(&server)
        .args(["ask", "-m", "my-own-model", "--max-cost", "1", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert!(error_line(&output).contains("my-own-model"));
    assert!(server.requests().is_empty());
}

#[test]
fn the_tool_environment_holds_no_credentials() {
    let dir = tempdir("tools-env");
    let tool = sh_tool(&dir, "show_env", "env");
    let server = tool_server(vec![("toolu_1", "show_env", json!({}))]);
    let output = claude_at(&server)
        .env(
            "ANTHROPIC_AUTH_TOKEN",
            "sk-ant-oat-BEARER-SECRET-0123456789",
        )
        .env("CLAUDE_MCP_TOKEN_DOCS", "mcp-SECRET-0123456789")
        .env("VISIBLE_MARKER", "yes")
        .args(["ask", "-T", &tool, "--allow", "show_env", "go"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let env = &results_sent(&server.requests()[1])[0].1;
    assert!(env.contains("VISIBLE_MARKER=yes"), "{env}");
    for hidden in [
        "ANTHROPIC_API_KEY",
        "ANTHROPIC_AUTH_TOKEN",
        "CLAUDE_MCP_TOKEN_",
    ] {
        assert!(!env.contains(hidden), "{hidden} in:\n{env}");
    }
    assert!(!env.contains(SECRET_KEY));
}

/// Whether a process with this id is still running: it exists, and is not
/// a zombie waiting for whoever adopted it to reap it.
pub(crate) fn alive(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        // The state follows the command name, which is in parentheses.
        let state = stat.rsplit_once(") ").map(|(_, rest)| rest.chars().next());
        !matches!(state, Some(Some('Z' | 'X')))
    })
}

#[test]
fn timeouts_output_caps_and_signals_bound_every_call() {
    let dir = tempdir("tools-bounds");
    let tools = [
        // Never exits; leaves a child of its own in its group.
        sh_tool(
            &dir,
            "sleepy",
            "sleep 600 & echo $! > \"$TOOL_DIR/child\"; echo $$ > \"$TOOL_DIR/sleepy\"; exec sleep 600",
        ),
        // Reads its stdin forever, whatever it reads.
        sh_tool(
            &dir,
            "reader",
            "while :; do read -r line || sleep 0.05; done",
        ),
        // Prints 5 MB.
        sh_tool(&dir, "loud", "head -c 5000000 /dev/zero | tr '\\0' a"),
        // Killed by a signal.
        sh_tool(&dir, "killed", "kill -9 $$"),
        // Prints for as long as it is let, never exiting.
        sh_tool(&dir, "flood", "exec yes"),
        // Fails with 20,000 bytes on stderr.
        sh_tool(
            &dir,
            "noisy",
            "head -c 20000 /dev/zero | tr '\\0' e >&2; exit 3",
        ),
    ];
    let names = ["sleepy", "reader", "loud", "killed", "flood", "noisy"];
    let server = tool_server(
        names
            .iter()
            .map(|name| ("toolu_1", *name, json!({})))
            .collect(),
    );
    let started = std::time::Instant::now();
    let mut cmd = claude_at(&server);
    cmd.env("TOOL_DIR", &dir);
    for tool in &tools {
        cmd.args(["-T", tool]);
    }
    let output = cmd
        .args(["ask", "-o", "stream-json", "--allow", "all"])
        .args(["--tool-timeout", "1", "go"])
        .output()
        .unwrap();
    let wall = started.elapsed();
    assert_exit(&output, 0);
    // No timeout fires early; and the default of 60 s is far past this
    // bound.
    assert!(wall >= std::time::Duration::from_secs(1), "{wall:?}");
    assert!(wall < std::time::Duration::from_secs(40), "{wall:?}");
    let runs: Vec<Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).unwrap())
        .filter(|line| line["type"] == json!("tool_run"))
        .collect();
    let run = |name: &str| runs.iter().find(|r| r["name"] == json!(name)).unwrap();
    for report in &runs {
        eprintln!(
            "{}: {} ms, {} bytes printed",
            report["name"], report["duration_ms"], report["output_bytes"]
        );
    }
    eprintln!("the whole run: {wall:?}");
    let sent = results_sent(&server.requests()[1]);
    for at in [0, 1, 4] {
        let (_, content, is_error) = &sent[at];
        assert!(*is_error, "{}", names[at]);
        assert!(
            content.starts_with("error: the command did not finish within 1 s"),
            "{content}"
        );
        let report = run(names[at]);
        assert_eq!(report["timed_out"], json!(true));
        assert!(report["duration_ms"].as_u64().unwrap() >= 1000, "{report}");
    }
    let (_, loud, is_error) = &sent[2];
    assert!(!is_error);
    assert!(loud.starts_with(&"a".repeat(100 * 1024)));
    assert!(loud.ends_with(
        "[output cut: the tool printed 5000000 bytes; only the first 100 KB are shown]"
    ));
    assert!(loud.len() < 110 * 1024);
    assert_eq!(run("loud")["output_bytes"], json!(5_000_000));
    let (_, killed, is_error) = &sent[3];
    assert!(
        *is_error && killed.contains("killed by signal 9"),
        "{killed}"
    );
    assert_eq!(run("killed")["signal"], json!(9));
    // What never stops printing is read, counted and dropped past the cap
    // until the timeout kills it.
    let (_, flood, _) = &sent[4];
    let printed = run("flood")["output_bytes"].as_u64().unwrap();
    assert!(printed > 100 * 1024, "{printed}");
    assert!(
        flood.ends_with(&format!(
            "[output cut: the tool printed {printed} bytes; only the first 100 KB are shown]"
        )),
        "{}",
        &flood[flood.len().saturating_sub(200)..]
    );
    assert!(flood.len() < 110 * 1024);
    // A failure's stderr is capped too (8 KB), with a note.
    let (_, noisy, is_error) = &sent[5];
    assert!(*is_error);
    assert!(
        noisy.starts_with("error: the command exited with status 3\nstderr:\neee"),
        "{}",
        &noisy[..100]
    );
    assert!(noisy.ends_with("[stderr cut: 20000 bytes in all]"));
    assert!(noisy.len() < 9 * 1024);
    // The timed-out tool and what it started are gone.
    for name in ["sleepy", "child"] {
        let pid: i32 = std::fs::read_to_string(dir.join(name))
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        assert!(!alive(pid), "{name} ({pid}) still runs");
    }
    let lines = stderr(&output);
    assert!(
        lines.contains("claude: tool sleepy {}: timed out after 1 s, killed"),
        "{lines}"
    );
    assert!(
        lines.contains("claude: tool loud {}: exit 0, ")
            && lines.contains("4.8 MB (cut to 100 KB)"),
        "{lines}"
    );
    assert!(
        lines.contains("claude: tool killed {}: killed by signal 9"),
        "{lines}"
    );
}

#[test]
fn calls_for_tools_not_offered_or_with_bad_input_run_nothing() {
    let dir = tempdir("tools-hostile");
    let marker = dir.join("ran");
    let tool = sh_tool_with_schema(
        &dir,
        "counted",
        &format!("touch '{}'", marker.display()),
        "{ type = \"object\", required = [\"n\"], properties = { n = { type = \"integer\" } } }",
    );
    let server = tool_server(vec![
        ("toolu_1", "counted", json!({"n": "seven"})),
        ("toolu_2", "rm_rf", json!({"path": "/"})),
    ]);
    let output = claude_at(&server)
        .args(["ask", "-T", &tool, "--allow", "all", "go"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(!marker.exists());
    let sent = results_sent(&server.requests()[1]);
    assert!(
        sent[0].2 && sent[0].1.contains("input.n: expected integer, got string"),
        "{sent:?}"
    );
    assert!(
        sent[1].2 && sent[1].1.contains("no tool named \"rm_rf\""),
        "{sent:?}"
    );
}

#[test]
fn definitions_are_checked_before_anything_is_sent() {
    let dir = tempdir("tools-checked");
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "name = \"bad\"\ndescription = \"d\"\ncommand = [\"cat\"]\ninput_schema = '{\"type\": \"object\", '\n").unwrap();
    let first = sh_tool(&dir, "twin", "echo one");
    let other = dir.join("other");
    std::fs::create_dir_all(&other).unwrap();
    let second = sh_tool(&other, "twin", "echo two");
    let good = sh_tool(&dir, "good", "true");
    let server = FakeServer::start();
    let cases: Vec<(Vec<&str>, String)> = vec![
        (
            vec!["-T", bad.to_str().unwrap()],
            format!("{}:4: input_schema: not valid JSON", bad.display()),
        ),
        (
            vec!["-T", &first, "-T", &second],
            format!("{second}:1: the name twin is already defined by {first}"),
        ),
        (
            vec!["-T", &good, "--allow", "godo"],
            "--allow godo: no tool of that name is offered".into(),
        ),
        (
            vec!["-T", &good, "--tool-choice", "bad"],
            "--tool-choice bad: expected auto, any, none or the name of a tool offered (good)"
                .into(),
        ),
        (
            vec!["--tool-choice", "any"],
            "--tool-choice any: the request offers no tools".into(),
        ),
        (
            vec!["-T", "no_such_tool"],
            "no tool named no_such_tool".into(),
        ),
    ];
    for (flags, expected) in cases {
        let output = claude_at(&server)
            .env("XDG_CONFIG_HOME", &dir)
            .arg("ask")
            .args(&flags)
            .arg("hi")
            .output()
            .unwrap();
        assert_exit(&output, 2);
        let line = error_line(&output);
        assert!(line.contains(&expected), "{flags:?}: {line}");
    }
    assert!(server.requests().is_empty());
}

#[test]
fn the_example_tools_read_files_and_diffs() {
    let dir = tempdir("tools-examples");
    std::fs::write(dir.join("notes.txt"), "buy milk\n").unwrap();
    std::fs::write(
        dir.join("..").join("tools-examples-outside.txt"),
        "secret\n",
    )
    .unwrap();
    let git = |args: &[&str]| {
        let status = std::process::Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .current_dir(&dir)
            .output()
            .unwrap();
        assert!(status.status.success(), "{status:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "notes.txt"]);
    git(&["commit", "-q", "-m", "notes"]);
    std::fs::write(dir.join("notes.txt"), "buy milk\nbuy bread\n").unwrap();
    let server = tool_server(vec![
        ("toolu_1", "read_file", json!({"path": "notes.txt"})),
        (
            "toolu_2",
            "read_file",
            json!({"path": "../tools-examples-outside.txt"}),
        ),
        ("toolu_3", "git_diff", json!({})),
        ("toolu_4", "git_diff", json!({"staged": true})),
    ]);
    let read_file = examples().join("read_file.toml");
    let git_diff = examples().join("git_diff.toml");
    let output = claude_at(&server)
        .current_dir(&dir)
        .args([
            "ask",
            "-T",
            read_file.to_str().unwrap(),
            "-T",
            git_diff.to_str().unwrap(),
        ])
        .args(["--allow", "all", "what changed?"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let sent = results_sent(&server.requests()[1]);
    assert_eq!(sent[0].1, "buy milk\nbuy bread\n");
    assert!(
        sent[1].2 && sent[1].1.contains("outside the working directory"),
        "{sent:?}"
    );
    assert!(!sent[2].2 && sent[2].1.contains("+buy bread"), "{sent:?}");
    assert_eq!(sent[3], ("toolu_4".to_owned(), String::new(), false));
}

/// A reply as the stream the API would send for it.
pub(crate) fn stream_of(message: &Value) -> Reply {
    let event = |name: &str, data: Value| format!("event: {name}\ndata: {data}\n\n");
    let mut start = message.clone();
    start["content"] = json!([]);
    start["stop_reason"] = Value::Null;
    let mut sse = event(
        "message_start",
        json!({"type": "message_start", "message": start}),
    );
    for (index, block) in message["content"].as_array().unwrap().iter().enumerate() {
        let (opened, delta) = match block["type"].as_str() {
            Some("text") => (
                json!({"type": "text", "text": ""}),
                json!({"type": "text_delta", "text": block["text"]}),
            ),
            _ => {
                let mut opened = block.clone();
                opened["input"] = json!({});
                (
                    opened,
                    json!({"type": "input_json_delta", "partial_json": block["input"].to_string()}),
                )
            }
        };
        sse += &event(
            "content_block_start",
            json!({"type": "content_block_start", "index": index, "content_block": opened}),
        );
        sse += &event(
            "content_block_delta",
            json!({"type": "content_block_delta", "index": index, "delta": delta}),
        );
        sse += &event(
            "content_block_stop",
            json!({"type": "content_block_stop", "index": index}),
        );
    }
    sse += &event(
        "message_delta",
        json!({"type": "message_delta", "delta": {"stop_reason": message["stop_reason"],
               "stop_sequence": null}, "usage": message["usage"]}),
    );
    sse += &event("message_stop", json!({"type": "message_stop"}));
    Reply::sse(&sse)
}

#[test]
fn streamed_runs_print_one_answer_and_stream_json_reports_each_call() {
    let dir = tempdir("tools-stream");
    let tool = sh_tool(&dir, "hello", "echo hi");
    let server = FakeServer::with([
        stream_of(&asking(&[("toolu_1", "hello", json!({"to": "you"}))])),
        stream_of(&answer("It said hi.")),
    ]);
    let output = claude_at(&server)
        .args(["ask", "--stream", "-T", &tool, "--allow", "hello", "greet"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    // The answer after the tool ran starts on a line of its own.
    assert_eq!(stdout(&output), "Let me check.\nIt said hi.\n");
    let sent = &server.requests()[1].json()["messages"];
    assert_eq!(sent[1]["content"][1]["input"], json!({"to": "you"}));
    assert_eq!(results_sent(&server.requests()[1])[0].1, "hi\n");

    let server = FakeServer::with([
        stream_of(&asking(&[("toolu_1", "hello", json!({"to": "you"}))])),
        stream_of(&answer("It said hi.")),
    ]);
    let output = claude_at(&server)
        .args([
            "ask",
            "-o",
            "stream-json",
            "-T",
            &tool,
            "--allow",
            "hello",
            "greet",
        ])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let kinds: Vec<&str> = lines.iter().map(|l| l["type"].as_str().unwrap()).collect();
    let run = kinds.iter().position(|k| *k == "tool_run").unwrap();
    // Between the first reply's events and the second's.
    assert_eq!(kinds[run - 1], "message_stop");
    assert_eq!(kinds[run + 1], "message_start");
    assert_eq!(kinds.iter().filter(|k| **k == "tool_run").count(), 1);
    let report = &lines[run];
    assert_eq!(report["id"], json!("toolu_1"));
    assert_eq!(report["name"], json!("hello"));
    assert_eq!(report["input"], json!({"to": "you"}));
    assert_eq!(report["outcome"], json!("ran"));
    assert_eq!(report["allowed_by"], json!("flag"));
    assert_eq!(report["exit_code"], json!(0));
    assert_eq!(report["output_bytes"], json!(3));
    assert_eq!(report["is_error"], json!(false));
    assert_eq!(report["truncated"], json!(false));
    assert!(report["duration_ms"].is_u64());
    // The README documents a line with just these fields.
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let documented: Value = readme
        .lines()
        .find(|line| line.starts_with("{\"type\":\"tool_run\""))
        .map(|line| serde_json::from_str(line).unwrap())
        .expect("the README shows a tool_run line");
    let fields = |line: &Value| {
        line.as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect::<std::collections::BTreeSet<String>>()
    };
    assert_eq!(fields(&documented), fields(report));
}

#[test]
fn json_output_is_one_message_with_every_step() {
    let dir = tempdir("tools-json");
    let tool = sh_tool(&dir, "hello", "echo hi");
    let server = tool_server(vec![("toolu_1", "hello", json!({}))]);
    let output = claude_at(&server)
        .args([
            "ask", "-o", "json", "-u", "-T", &tool, "--allow", "hello", "greet",
        ])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let message: Value = serde_json::from_slice(&output.stdout).unwrap();
    let kinds: Vec<&str> = message["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["type"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["text", "tool_use", "text"]);
    assert_eq!(message["stop_reason"], json!("end_turn"));
    assert_eq!(message["usage"]["input_tokens"], json!(1200));
    assert!(stderr(&output).contains("claude: usage: 1200 input, 80 output"));
}

#[test]
fn pause_turn_and_local_tools_share_one_loop() {
    let dir = tempdir("tools-paused");
    let tool = sh_tool(&dir, "hello", "echo hi");
    let paused: Value =
        serde_json::from_str(&fixture("message-pause-turn.assembled.json")).unwrap();
    let asks = asking(&[("toolu_1", "hello", json!({}))]);
    let server = FakeServer::with([
        Reply::message("message-pause-turn.assembled.json"),
        Reply::json(asks.to_string()),
        Reply::json(answer("Done.").to_string()),
    ]);
    let output = claude_at(&server)
        .args([
            "ask",
            "--web-search",
            "-T",
            &tool,
            "--allow",
            "hello",
            "-u",
            "go",
        ])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    // The pause is continued with its content as the last assistant turn...
    let second = requests[1].json();
    assert_eq!(second["messages"].as_array().unwrap().len(), 2);
    assert_eq!(second["messages"][1]["content"], paused["content"]);
    // ... and the tool results follow the whole assistant turn: the paused
    // part, then the reply that asked.
    let third = requests[2].json();
    let messages = third["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 3);
    let mut whole = paused["content"].as_array().unwrap().clone();
    whole.extend(asks["content"].as_array().unwrap().iter().cloned());
    assert_eq!(messages[1]["content"], Value::Array(whole));
    assert_eq!(results_sent(&requests[2])[0].1, "hi\n");
    for request in &requests {
        let tools = request.json()["tools"].clone();
        let names: Vec<&str> = tools
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["web_search", "hello"]);
    }
    // Usage adds up every request of the run.
    let input = paused["usage"]["input_tokens"].as_u64().unwrap() + 500 + 700;
    let usage = stderr(&output);
    assert!(
        usage.contains(&format!("claude: usage: {input} input, ")),
        "{usage}"
    );
}

#[test]
fn vision_offers_local_tools_too() {
    let dir = tempdir("tools-vision");
    let tool = sh_tool(&dir, "hello", "echo hi");
    let server = tool_server(vec![("toolu_1", "hello", json!({}))]);
    let image = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/images/red.png");
    let output = claude_at(&server)
        .args(["vision", "-T", &tool, "--allow", "hello"])
        .arg(&image)
        .args(["-p", "What colour?"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(stdout(&output), "Let me check.\nThe tools said: hi\n");
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    for request in &requests {
        let body = request.json();
        assert_eq!(body["tools"][0]["name"], json!("hello"));
        assert_eq!(body["messages"][0]["content"][0]["type"], json!("image"));
    }
    assert_eq!(results_sent(&requests[1])[0].1, "hi\n");
}
