use serde_json::json;

use crate::support::pty::Pty;
use crate::support::*;

/// Runs `claude ARGS` with no key and no server: a usage error must come
/// before either is needed.
fn refused(args: &[&str]) -> String {
    let output = claude().args(args).output().unwrap();
    assert_exit(&output, 2);
    assert!(stdout(&output).is_empty());
    let text = stderr(&output);
    assert!(text.starts_with("claude: error: "), "{text}");
    assert!(
        !text.contains('\x1b'),
        "no escape codes in a pipe: {text:?}"
    );
    text
}

#[test]
fn a_missing_argument_is_named_with_the_usage_line() {
    for (args, missing, usage) in [
        (
            &["vision"][..],
            "<IMAGE>...",
            "Usage: claude vision [OPTIONS] <IMAGE>...",
        ),
        (
            &["batch", "results"],
            "<ID>",
            "Usage: claude batch results [OPTIONS] <ID>",
        ),
        (
            &["batch", "submit"],
            "<FILE>",
            "Usage: claude batch submit [OPTIONS] <FILE>",
        ),
        (
            &["completions"],
            "<SHELL>",
            "Usage: claude completions [OPTIONS] <SHELL>",
        ),
    ] {
        let text = refused(args);
        assert!(
            text.starts_with(
                "claude: error: the following required arguments were not provided:\n"
            ),
            "{text}"
        );
        assert!(
            text.contains(&format!("\n  {missing}\n")),
            "{args:?}: {text}"
        );
        assert!(text.contains(&format!("\n{usage}\n")), "{args:?}: {text}");
        assert!(
            text.contains("For more information, try '--help'."),
            "{text}"
        );
    }
}

#[test]
fn the_usage_line_does_not_list_what_the_environment_gave_as_required() {
    let output = claude()
        .env("ANTHROPIC_API_KEY", SECRET_KEY)
        .env("ANTHROPIC_BASE_URL", "http://127.0.0.1:9")
        .env("ANTHROPIC_MODEL", "haiku")
        .env("CLAUDE_NO_LOG", "1")
        .arg("vision")
        .output()
        .unwrap();
    assert_exit(&output, 2);
    let text = stderr(&output);
    let usage: Vec<&str> = text.lines().filter(|l| l.starts_with("Usage:")).collect();
    assert_eq!(
        usage,
        ["Usage: claude vision [OPTIONS] <IMAGE>..."],
        "{text}"
    );
    assert!(!text.contains(SECRET_KEY));
}

#[test]
fn a_mistyped_flag_gets_clap_s_suggestion() {
    let text = refused(&["ask", "--modle", "opus", "hi"]);
    assert!(
        text.contains("tip: a similar argument exists: '--model'"),
        "{text}"
    );
    assert!(text.contains("Usage: claude ask"), "{text}");
}

#[test]
fn a_mistyped_subcommand_is_not_sent_as_a_prompt() {
    let server = FakeServer::with([Reply::message("message-basic-recorded.json")]);
    let output = claude_at(&server)
        .args(["aks", "what is 2+2"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    let text = stderr(&output);
    assert!(text.contains("unrecognized subcommand 'aks'"), "{text}");
    assert!(
        text.contains("tip: a similar subcommand exists: 'ask'"),
        "{text}"
    );
    assert!(text.contains("write 'claude ask aks ...'"), "{text}");
    assert!(text.contains("Usage: claude [OPTIONS] <COMMAND>"), "{text}");
    assert!(server.requests().is_empty());
}

#[test]
fn a_bad_value_lists_the_accepted_ones() {
    let text = refused(&["ask", "--output", "yaml", "hi"]);
    assert!(
        text.contains("invalid value 'yaml' for '--output <FORMAT>'"),
        "{text}"
    );
    assert!(
        text.contains("[possible values: text, json, stream-json]"),
        "{text}"
    );
    assert!(
        text.contains("Usage: claude ask [OPTIONS] [PROMPT]..."),
        "{text}"
    );
    let text = refused(&["ask", "--effort", "extreme", "hi"]);
    assert!(
        text.contains("[possible values: low, medium, high, xhigh, max]"),
        "{text}"
    );
    let text = refused(&["batch", "list", "-o", "yaml"]);
    assert!(
        text.contains("Usage: claude batch list [OPTIONS]"),
        "{text}"
    );
}

#[test]
fn a_prompt_that_starts_with_a_dash_gets_the_tip_to_use_double_dash() {
    let text = refused(&["ask", "-5 degrees"]);
    assert!(text.contains("unexpected argument '-5' found"), "{text}");
    assert!(
        text.contains("tip: to pass '-5' as a value, use '-- -5'"),
        "{text}"
    );
}

#[test]
fn usage_errors_are_styled_only_on_a_terminal_that_takes_colours() {
    let run = |no_color: bool| {
        let pty = Pty::open();
        let mut command = std::process::Command::new(binary());
        command.env_clear().arg("vision").stderr(pty.terminal());
        if no_color {
            command.env("NO_COLOR", "1");
        }
        let status = command.status().unwrap();
        assert_eq!(status.code(), Some(2));
        // The command holds a handle to the terminal until dropped.
        drop(command);
        pty.read_all()
    };
    let styled = run(false);
    assert!(styled.contains("\x1b["), "{styled:?}");
    assert!(styled.starts_with("claude: "), "{styled:?}");
    assert!(styled.contains("<IMAGE>"), "{styled:?}");
    let plain = run(true);
    assert!(!plain.contains('\x1b'), "{plain:?}");
    assert!(
        plain.starts_with("claude: error: the following required"),
        "{plain:?}"
    );
}

fn ok_server() -> FakeServer {
    FakeServer::with([Reply::message("message-basic-recorded.json")])
}

#[test]
fn a_bare_prompt_is_asked() {
    let server = ok_server();
    let output = claude_at(&server).arg("what is 2+2").output().unwrap();
    assert_exit(&output, 0);
    assert!(!stdout(&output).is_empty());
    assert_eq!(sent_content(&server.single_request()), json!("what is 2+2"));

    // Unquoted, with a global option first, and starting with "what",
    // which is one letter away from chat.
    let server = ok_server();
    let output = claude_at(&server)
        .args(["--max-retries", "0", "what", "is", "2+2"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(sent_content(&server.single_request()), json!("what is 2+2"));
}

#[test]
fn a_bare_prompt_takes_piped_stdin_first() {
    let server = ok_server();
    let output = claude_at(&server)
        .arg("summarize")
        .write_stdin("doc\n")
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(
        sent_content(&server.single_request()),
        json!([{"type": "text", "text": "doc\n"}, {"type": "text", "text": "summarize"}])
    );
}

#[test]
fn claude_code_s_print_mode_and_output_format_work() {
    let server = ok_server();
    let output = claude_at(&server)
        .args(["-p", "--output-format", "json", "what is 2+2"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let message: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(message["type"], "message");
    assert_eq!(sent_content(&server.single_request()), json!("what is 2+2"));

    let server = FakeServer::with([Reply::stream("stream-basic.sse")]);
    let output = claude_at(&server)
        .args(["ask", "--output-format", "stream-json", "-p", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(
        stdout(&output).starts_with("{\"type\":\"message_start\""),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_404_hint_names_what_was_not_found() {
    let not_found = || Reply::error(404, "not_found_error", "Not found");
    let server = FakeServer::with([not_found()]);
    let output = claude_at(&server)
        .args(["batch", "status", "msgbatch_nope"])
        .output()
        .unwrap();
    assert_exit(&output, 7);
    let line = error_line(&output);
    assert!(line.contains("check the batch id"), "{line}");
    assert!(!line.contains("model id"), "{line}");
    assert!(
        line.starts_with("claude: error: msgbatch_nope: 404 not_found_error"),
        "{line}"
    );

    let server = FakeServer::with([not_found()]);
    let output = claude_at(&server)
        .args(["--max-retries", "0", "ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 7);
    assert!(error_line(&output).contains("check the model id"));
}

#[test]
fn a_402_gets_a_billing_hint() {
    let server = FakeServer::with([Reply::error(
        402,
        "billing_error",
        "Your credit balance is too low",
    )]);
    let output = claude_at(&server).args(["ask", "hi"]).output().unwrap();
    assert_exit(&output, 7);
    assert!(
        error_line(&output).contains("Plans & Billing"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_base_url_ending_in_v1_is_not_doubled() {
    let server = ok_server();
    let output = claude()
        .env("ANTHROPIC_API_KEY", SECRET_KEY)
        .env("ANTHROPIC_BASE_URL", format!("{}/v1/", server.url()))
        .args(["ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(server.single_request().path, "/v1/messages");
    assert!(
        stderr(&output).contains("trailing /v1 was dropped"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn file_errors_name_the_flag_and_json_errors_give_the_position_once() {
    let line = error_line(&refused_line(&["ask", "--schema", "nofile.json", "hi"]));
    assert_eq!(line, "claude: error: --schema nofile.json: no such file");
    let line = error_line(&refused_line(&["ask", "--system-file", "nope.txt", "hi"]));
    assert_eq!(line, "claude: error: --system-file nope.txt: no such file");
    let line = error_line(&refused_line(&["ask", "--schema", "{\"type\":", "hi"]));
    assert_eq!(line.matches("line 1").count(), 1, "{line}");
    assert!(line.contains("column 8"), "{line}");
}

fn refused_line(args: &[&str]) -> std::process::Output {
    let output = claude().args(args).output().unwrap();
    assert_exit(&output, 2);
    output
}

#[test]
fn empty_values_are_refused_not_replaced() {
    let server = ok_server();
    for args in [&["-m", ""][..], &["--stop", ""], &["--fallback-model", " "]] {
        let output = claude_at(&server)
            .arg("ask")
            .args(args)
            .arg("hi")
            .output()
            .unwrap();
        assert_exit(&output, 2);
        assert!(
            stderr(&output).contains("cannot be empty"),
            "{}",
            stderr(&output)
        );
    }
    assert!(server.requests().is_empty());
}

#[test]
fn a_key_that_is_not_utf8_is_named_as_the_key() {
    use std::os::unix::ffi::OsStrExt;
    let output = claude()
        .env(
            "ANTHROPIC_API_KEY",
            std::ffi::OsStr::from_bytes(b"sk-ant-\xff\xfe"),
        )
        .args(["ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    let line = error_line(&output);
    assert!(line.contains("API key"), "{line}");
    assert!(line.contains("not valid UTF-8"), "{line}");
    assert!(!line.contains("arguments"), "{line}");
}

#[test]
fn every_stderr_line_carries_the_prefix() {
    // The usage line, and a session name that holds a line break.
    let server = ok_server();
    let output = claude_at(&server)
        .args(["ask", "-u", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let text = stderr(&output);
    assert!(text.starts_with("claude: usage: "), "{text}");
    let data = tempdir("prefix-sessions");
    let output = claude_at(&server)
        .env("XDG_DATA_HOME", &data)
        .args(["chat", "--session", "two\nlines", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    let text = stderr(&output);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.contains("two\\nlines"), "{text}");
}

#[test]
fn config_path_works_without_home() {
    let output = claude()
        .env_remove("XDG_CONFIG_HOME")
        .args(["config", "path"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let path = stdout(&output);
    assert!(path.starts_with('/'), "{path}");
    assert!(
        path.ends_with("/.config/claude-cli/config.toml\n"),
        "{path}"
    );
}

fn models_page() -> Reply {
    Reply::json(
        json!({"data": [{"type": "model", "id": "claude-opus-5", "display_name": "Claude Opus 5",
                         "created_at": "2026-07-24T00:00:00Z"}],
               "has_more": false, "first_id": "claude-opus-5", "last_id": "claude-opus-5"})
        .to_string(),
    )
}

#[test]
fn options_before_a_subcommand_run_that_subcommand() {
    // `claude -o json models` lists the models: no message is sent.
    let server = FakeServer::with([models_page()]);
    let output = claude_at(&server)
        .args(["-o", "json", "models"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let request = server.single_request();
    assert_eq!(
        (request.method.as_str(), request.path.as_str()),
        ("GET", "/v1/models?limit=1000")
    );
    let printed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(printed[0]["id"], "claude-opus-5");

    // `claude -m haiku chat --session x hello` is one chat turn on Haiku.
    let server = ok_server();
    let data = tempdir("options-before-chat");
    let output = claude_at(&server)
        .env("XDG_DATA_HOME", &data)
        .args(["-m", "haiku", "chat", "--session", "x", "hello"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let body = server.single_request().json();
    assert_eq!(body["model"], "claude-haiku-4-5");
    assert_eq!(body["messages"][0]["content"], "hello");
    assert!(data.join("claude-cli/sessions/x.json").exists());
}

#[test]
fn an_option_before_a_subcommand_that_lacks_it_is_refused_with_a_hint() {
    let server = ok_server();
    let output = claude_at(&server)
        .args(["-u", "count", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    let text = stderr(&output);
    assert!(
        text.starts_with("claude: error: unexpected argument '-u' found"),
        "{text}"
    );
    assert!(
        text.contains("'-u' came before 'count'") && text.contains("'claude count' has no '-u'"),
        "{text}"
    );
    assert!(text.contains("Usage: claude count [OPTIONS]"), "{text}");
    assert!(server.requests().is_empty(), "nothing sent");
}

#[test]
fn a_mistyped_subcommand_after_options_is_not_sent() {
    let server = ok_server();
    let output = claude_at(&server)
        .args(["--dry-run", "aks", "this"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert!(stdout(&output).is_empty(), "no dry-run request printed");
    let text = stderr(&output);
    assert!(text.contains("unrecognized subcommand 'aks'"), "{text}");
    assert!(
        text.contains("tip: a similar subcommand exists: 'ask'"),
        "{text}"
    );
    assert!(server.requests().is_empty());
}

#[test]
fn piped_stdin_is_asked_the_same_with_or_without_options() {
    for options in [&[][..], &["-u"], &["-v"], &["--max-retries", "1"]] {
        let server = ok_server();
        let output = claude_at(&server)
            .args(options)
            .write_stdin("hi\n")
            .output()
            .unwrap();
        assert_exit(&output, 0);
        assert_eq!(
            sent_content(&server.single_request()),
            json!("hi\n"),
            "{options:?}"
        );
    }
    // Empty stdin and no words: nothing to send, with or without options.
    for options in [&[][..], &["-u"]] {
        let server = ok_server();
        let output = claude_at(&server).args(options).output().unwrap();
        assert_exit(&output, 2);
        assert!(server.requests().is_empty(), "{options:?}");
    }
}

#[test]
fn the_version_is_the_root_s_and_says_claude() {
    let output = claude().arg("-V").output().unwrap();
    assert_exit(&output, 0);
    assert_eq!(
        stdout(&output),
        format!("claude {}\n", env!("CARGO_PKG_VERSION"))
    );
    let text = refused(&["ask", "-V"]);
    assert!(!text.contains("claude-ask"), "{text}");
    assert!(
        text.contains("tip: the version is claude's own: claude --version"),
        "{text}"
    );
}

#[test]
fn claude_alone_on_a_terminal_shows_the_help_with_the_bare_prompt() {
    let pty = Pty::open();
    let mut command = std::process::Command::new(binary());
    command
        .env_clear()
        .env("NO_COLOR", "1")
        .stdin(pty.terminal())
        .stdout(pty.terminal())
        .stderr(pty.terminal());
    let status = command.status().unwrap();
    drop(command);
    let text = pty.read_all();
    assert_eq!(status.code(), Some(2), "{text}");
    assert!(
        text.contains(
            "Usage: claude [OPTIONS] <COMMAND>\n       claude [OPTIONS] <PROMPT>...  (a bare \
             prompt: claude ask <PROMPT>...)"
        ),
        "{text}"
    );
}
