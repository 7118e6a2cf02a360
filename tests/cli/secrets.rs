use std::io::Read;
use std::path::{Path, PathBuf};

use crate::support::*;

/// A port on 127.0.0.1 where nothing listens.
pub fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

const URL_PASSWORD: &str = "url-Pa55word-0987";

fn with_password(url: &str) -> String {
    url.replacen("http://", &format!("http://user:{URL_PASSWORD}@"), 1)
}

#[test]
fn base_url_passwords_are_hidden_in_dry_run_logs_and_connection_errors() {
    let server = FakeServer::with([Reply::message("message-basic-recorded.json")]);
    let base = with_password(&server.url());
    let dry = claude_at(&server)
        .env("ANTHROPIC_BASE_URL", &base)
        .args(["ask", "--dry-run", "hi"])
        .output()
        .unwrap();
    assert_exit(&dry, 0);
    assert!(
        stdout(&dry).starts_with(&format!(
            "POST {}/v1/messages\n",
            server.url().replace("http://", "http://user:redacted@")
        )),
        "{}",
        stdout(&dry)
    );

    let logged = claude_at(&server)
        .env("ANTHROPIC_BASE_URL", &base)
        .args(["-vv", "ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&logged, 0);
    assert!(
        stderr(&logged).contains("user:redacted@"),
        "{}",
        stderr(&logged)
    );

    let refused = claude()
        .env("ANTHROPIC_API_KEY", SECRET_KEY)
        .env(
            "ANTHROPIC_BASE_URL",
            with_password(&format!("http://127.0.0.1:{}", closed_port())),
        )
        .args(["--max-retries", "0", "ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&refused, 10);
    assert!(error_line(&refused).contains("user:redacted@127.0.0.1"));

    let with_log = claude()
        .env("ANTHROPIC_API_KEY", SECRET_KEY)
        .env("ANTHROPIC_LOG", "debug")
        .env(
            "ANTHROPIC_BASE_URL",
            with_password(&format!("http://127.0.0.1:{}", closed_port())),
        )
        .args(["--max-retries", "0", "ask", "hi"])
        .output()
        .unwrap();
    for output in [&dry, &logged, &refused, &with_log] {
        let all = format!("{}{}", stdout(output), stderr(output));
        assert!(!all.contains(URL_PASSWORD), "the password leaked:\n{all}");
    }
}

/// Linux gives the /proc files of a process that is not dumpable to root
/// instead of the process's user. So the child runs as a user other than
/// root (when the tests run as root, as nobody, from a copy of the binary
/// that nobody can reach), and its /proc entry must belong to root.
#[cfg(target_os = "linux")]
#[test]
fn the_running_process_is_not_dumpable() {
    use std::os::unix::fs::MetadataExt;
    use std::os::unix::process::CommandExt;
    use std::process::Stdio;
    let server = FakeServer::with([Reply::stream("stream-basic.sse")
        .first_events(4)
        .end(End::Stall)]);
    let own_uid = std::fs::metadata("/proc/self").unwrap().uid();
    let mut command = spawnable(&server);
    // The copy of the binary weighs what the binary does: removed at the end.
    let mut copy_dir = None;
    let child_uid = if own_uid == 0 {
        let dir = tempdir("dumpable");
        let copy = dir.join("claude");
        if std::fs::hard_link(binary(), &copy).is_err() {
            std::fs::copy(binary(), &copy).unwrap();
        }
        let mut as_nobody = std::process::Command::new(&copy);
        as_nobody
            .env_clear()
            .env("ANTHROPIC_BASE_URL", server.url())
            .env("ANTHROPIC_API_KEY", SECRET_KEY)
            .uid(65534)
            .gid(65534);
        command = as_nobody;
        copy_dir = Some(dir);
        65534
    } else {
        own_uid
    };
    let mut child = command
        .args(["ask", "--stream", "hi"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 5];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    assert_eq!(&first, b"Hello", "the process is running and past start-up");
    // Not /proc/PID itself: the kernel leaves that directory to the user.
    let owner = std::fs::metadata(format!("/proc/{}/status", child.id()))
        .unwrap()
        .uid();
    child.kill().unwrap();
    child.wait().unwrap();
    if let Some(dir) = copy_dir {
        let _ = std::fs::remove_dir_all(dir);
    }
    assert_ne!(child_uid, 0);
    assert_eq!(
        owner, 0,
        "a dumpable process's /proc entry belongs to its user"
    );
}

#[test]
fn a_key_echoed_by_the_server_is_never_printed() {
    // At the end of a long message, so the 300-character cut would leave
    // a prefix of it if redaction came after the cut.
    let long_echo = format!("{} {SECRET_KEY}", "x".repeat(285));
    let error_event = format!(
        "event: error\ndata: {{\"type\":\"error\",\"error\":{{\"type\":\"invalid_request_error\",\"message\":\"bad key {SECRET_KEY}\"}}}}\n\n"
    );
    let scenarios: Vec<(Vec<&str>, Reply)> = vec![
        (
            vec!["ask", "hi"],
            Reply::error(
                401,
                "authentication_error",
                &format!("invalid x-api-key: {SECRET_KEY}"),
            ),
        ),
        (
            vec!["ask", "hi"],
            Reply::error(400, "invalid_request_error", &long_echo),
        ),
        (
            vec!["ask", "hi"],
            Reply::status(403, format!("<html>forbidden for {SECRET_KEY}</html>")),
        ),
        (vec!["ask", "--stream", "hi"], Reply::sse(&error_event)),
        (
            vec!["ask", "-o", "stream-json", "hi"],
            Reply::sse(&error_event),
        ),
        (
            vec!["-vv", "ask", "hi"],
            Reply::message("message-basic-recorded.json").header("x-echo", SECRET_KEY),
        ),
    ];
    for (args, reply) in scenarios {
        let server = FakeServer::with([reply]);
        let output = claude_at(&server)
            .arg("--max-retries=0")
            .args(&args)
            .output()
            .unwrap();
        let all = format!("{}{}", stdout(&output), stderr(&output));
        assert!(!all.contains("TESTSEC"), "{args:?} printed the key:\n{all}");
        assert!(all.contains("<redacted>"), "{args:?}:\n{all}");
    }
}

/// A private key file holding `text`.
fn key_file(dir: &Path, text: &str, mode: u32) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("key");
    std::fs::write(&path, text).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    path
}

/// A config directory whose config.toml sets `api_key_command`.
fn key_command_home(command: &str) -> PathBuf {
    let home = tempdir("key-command");
    std::fs::create_dir_all(home.join("claude-cli")).unwrap();
    std::fs::write(
        home.join("claude-cli/config.toml"),
        format!("api_key_command = {command:?}\n"),
    )
    .unwrap();
    home
}

fn sent_key(server: &FakeServer) -> String {
    server
        .single_request()
        .header("x-api-key")
        .unwrap()
        .to_owned()
}

#[test]
fn the_key_can_come_from_a_private_key_file() {
    let dir = tempdir("key-file");
    let path = key_file(&dir, "sk-from-file-123456\nnotes\n", 0o600);
    let server = FakeServer::with([Reply::message("message-basic-recorded.json")]);
    let output = claude()
        .env("ANTHROPIC_BASE_URL", server.url())
        .env("ANTHROPIC_API_KEY_FILE", &path)
        .args(["ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(sent_key(&server), "sk-from-file-123456");

    let open = key_file(&dir, "sk-from-file-123456\n", 0o644);
    let output = claude()
        .env("ANTHROPIC_BASE_URL", server.url())
        .env("ANTHROPIC_API_KEY_FILE", &open)
        .args(["ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert!(
        error_line(&output).contains("is readable by group or others (mode 644)"),
        "{}",
        stderr(&output)
    );
    assert_eq!(server.requests().len(), 1, "nothing more was sent");

    let empty = key_file(&dir, "\n", 0o600);
    let output = claude()
        .env("ANTHROPIC_BASE_URL", server.url())
        .env("ANTHROPIC_API_KEY_FILE", &empty)
        .args(["ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 6);
    let missing = claude()
        .env("ANTHROPIC_API_KEY_FILE", dir.join("nope"))
        .args(["ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&missing, 2);
    assert!(error_line(&missing).contains("ANTHROPIC_API_KEY_FILE: cannot read"));
}

#[test]
fn the_key_can_come_from_a_command_in_the_config_file() {
    let home = key_command_home("printf 'sk-from-command-42\\nlogin: me\\n'");
    let server = FakeServer::with([Reply::message("message-basic-recorded.json")]);
    let output = claude()
        .env("XDG_CONFIG_HOME", &home)
        .env("ANTHROPIC_BASE_URL", server.url())
        .args(["ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(sent_key(&server), "sk-from-command-42");

    let show = claude()
        .env("XDG_CONFIG_HOME", &home)
        .args(["config", "show"])
        .output()
        .unwrap();
    assert!(
        stdout(&show).contains("# key: from api_key_command in the config file"),
        "{}",
        stdout(&show)
    );

    let failing = key_command_home("echo 'gpg: decryption failed' >&2; exit 3");
    let output = claude()
        .env("XDG_CONFIG_HOME", &failing)
        .env("ANTHROPIC_BASE_URL", server.url())
        .args(["ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 6);
    assert!(
        stderr(&output).contains("gpg: decryption failed"),
        "its stderr is shown"
    );
    assert!(error_line(&output).contains("api_key_command failed (exit status: 3)"));
    assert_eq!(server.requests().len(), 1, "nothing more was sent");

    let endless = key_command_home("yes sk-ant");
    let output = claude()
        .env("XDG_CONFIG_HOME", &endless)
        .args(["ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert!(error_line(&output).contains("printed over 65536 bytes"));
}

#[test]
fn key_sources_take_precedence_in_the_documented_order() {
    let dir = tempdir("key-order");
    let file = key_file(&dir, "sk-file-000000\n", 0o600);
    let home = key_command_home("echo sk-command-000000");
    let sent = |env: &[(&str, &str)], args: &[&str]| {
        let server = FakeServer::with([Reply::message("message-basic-recorded.json")]);
        let mut cmd = claude();
        cmd.env("XDG_CONFIG_HOME", &home)
            .env("ANTHROPIC_BASE_URL", server.url());
        for (name, value) in env {
            cmd.env(name, value);
        }
        let output = cmd.args(args).args(["ask", "hi"]).output().unwrap();
        assert_exit(&output, 0);
        let request = server.single_request();
        (
            request.header("x-api-key").map(str::to_owned),
            request.header("authorization").map(str::to_owned),
        )
    };
    let file = file.to_str().unwrap();
    let all = [
        ("ANTHROPIC_API_KEY", "sk-env-000000"),
        ("ANTHROPIC_API_KEY_FILE", file),
        ("ANTHROPIC_AUTH_TOKEN", "token-000000"),
    ];
    assert_eq!(
        sent(&all, &["--api-key", "sk-flag-000000"]).0.as_deref(),
        Some("sk-flag-000000")
    );
    assert_eq!(sent(&all, &[]).0.as_deref(), Some("sk-env-000000"));
    assert_eq!(sent(&all[1..], &[]).0.as_deref(), Some("sk-file-000000"));
    assert_eq!(
        sent(&all[2..], &[]),
        (None, Some("Bearer token-000000".to_owned()))
    );
    assert_eq!(sent(&[], &[]).0.as_deref(), Some("sk-command-000000"));
}

#[test]
fn every_command_that_sends_uses_the_key_from_api_key_command() {
    let home = key_command_home("echo sk-from-command-77");
    for args in [
        vec!["ask", "hi"],
        vec!["count", "hi"],
        vec!["models"],
        vec!["batch", "list"],
        vec!["files", "list"],
        vec!["chat", "--session", "k", "hi"],
    ] {
        let server = FakeServer::routing(|_| Reply::json(r#"{"data": [], "has_more": false}"#));
        let output = claude()
            .env("XDG_CONFIG_HOME", &home)
            .env("XDG_DATA_HOME", &home)
            .env("ANTHROPIC_BASE_URL", server.url())
            .args(&args)
            .output()
            .unwrap();
        let requests = server.requests();
        assert!(!requests.is_empty(), "{args:?}: {}", stderr(&output));
        assert_eq!(
            requests[0].header("x-api-key"),
            Some("sk-from-command-77"),
            "{args:?}"
        );
    }
}
