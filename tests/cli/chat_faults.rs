use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::support::pty;
use crate::support::*;

/// The REPL on a pseudo-terminal, with its own data directory.
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

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn the_repl_creates_its_data_directories_private() {
    let data = tempdir("repl-private");
    let server = FakeServer::with([Reply::stream("stream-basic.sse")]);
    let mut terminal = repl(&server, &data, &["--session", "p"]);
    terminal.expect("> ");
    terminal.send("hi\r");
    terminal.expect("Hello");
    terminal.expect("> ");
    terminal.send("\x04");
    assert_eq!(terminal.wait(), Some(0));
    assert_eq!(mode(&data.join("claude-cli")), 0o700);
    assert_eq!(mode(&data.join("claude-cli/sessions")), 0o700);
    assert!(data.join("claude-cli/history.txt").is_file());
}

/// `claude chat ARGS` against `server` with its own data directory.
fn chat(server: &FakeServer, data: &Path) -> std::process::Command {
    let mut command = spawnable(server);
    command
        .env("XDG_DATA_HOME", data)
        .env("HOME", data)
        .stdin(Stdio::null())
        .arg("chat");
    command
}

fn sessions(data: &Path) -> PathBuf {
    data.join("claude-cli/sessions")
}

fn messages(path: &Path) -> usize {
    let session: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    session["messages"].as_array().unwrap().len()
}

fn run(command: &mut std::process::Command) -> std::process::Output {
    command.output().expect("claude runs")
}

#[test]
fn a_turn_is_saved_when_stdout_closes_early() {
    for (flag, reply) in [
        ("--no-stream", Reply::message("message-basic-recorded.json")),
        ("--stream", Reply::stream("stream-basic.sse")),
    ] {
        let data = tempdir("closed-stdout");
        let server = FakeServer::with([reply]);
        // `| head -c1` that has already left: every write fails.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let output = run(chat(&server, &data)
            .args(["--session", "s", flag, "hi"])
            .stdout(writer));
        assert_exit(&output, 0);
        assert_eq!(stderr(&output), "", "{flag}: quietly");
        assert_eq!(
            messages(&sessions(&data).join("s.json")),
            2,
            "{flag}: the paid turn is kept"
        );
    }
}

/// The id of a process that has ended.
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[test]
fn copies_left_by_killed_saves_are_removed() {
    let data = tempdir("stale-tmp");
    let dir = sessions(&data);
    std::fs::create_dir_all(&dir).unwrap();
    let dead = dir.join(format!(".s.json.{}.17.tmp", dead_pid()));
    let live = dir.join(format!(".s.json.{}.18.tmp", std::process::id()));
    let another = dir.join(format!(".other.json.{}.19.tmp", dead_pid()));
    for file in [&dead, &live, &another] {
        std::fs::write(file, "{\"the whole\": \"conversation\"}").unwrap();
    }
    let server = FakeServer::with([Reply::message("message-basic-recorded.json")]);
    assert_exit(&run(chat(&server, &data).args(["--session", "s", "hi"])), 0);
    assert!(
        !dead.exists(),
        "a dead process's copy is removed at the next save"
    );
    assert!(live.exists(), "a running save is left alone");
    assert!(another.exists(), "another session's files are its own");

    assert_exit(&run(chat(&server, &data).args(["--delete", "s"])), 0);
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(left, [another.file_name().unwrap().to_str().unwrap()]);
}

#[test]
fn a_session_that_cannot_be_saved_is_refused_before_sending() {
    let server = FakeServer::start();

    let data = tempdir("session-dir");
    std::fs::create_dir_all(sessions(&data).join("s.json")).unwrap();
    let output = run(chat(&server, &data).args(["--session", "s", "hi"]));
    assert_exit(&output, 2);
    assert!(error_line(&output).contains("s.json: it is a directory; nothing was sent"));

    let home = tempdir("session-not-dir");
    let file = home.join("file");
    std::fs::write(&file, "").unwrap();
    let output = run(chat(&server, &file)
        .env("HOME", &home)
        .args(["--session", "s", "hi"]));
    assert_exit(&output, 2);
    assert!(
        error_line(&output).contains("nothing was sent"),
        "{}",
        stderr(&output)
    );

    let data = tempdir("session-dangling");
    std::fs::create_dir_all(sessions(&data)).unwrap();
    std::os::unix::fs::symlink("nowhere.json", sessions(&data).join("s.json")).unwrap();
    let output = run(chat(&server, &data).args(["--session", "s", "hi"]));
    assert_exit(&output, 2);
    assert!(error_line(&output).contains("is a symbolic link that cannot be followed"));

    assert!(server.requests().is_empty());
}

#[test]
fn a_symlinked_session_file_is_followed_not_replaced() {
    let data = tempdir("session-link");
    let server = FakeServer::with([
        Reply::message("message-basic-recorded.json"),
        Reply::message("message-basic-recorded.json"),
    ]);
    let elsewhere = tempdir("session-link-target");
    std::fs::create_dir_all(sessions(&data)).unwrap();
    let link = sessions(&data).join("s.json");
    std::os::unix::fs::symlink(elsewhere.join("real.json"), &link).unwrap();
    // The first turn creates the file the link points to; the second adds to it.
    let link_target = elsewhere.join("real.json");
    std::fs::write(
        &link_target,
        r#"{"version": 1, "model": "claude-sonnet-5", "messages": []}"#,
    )
    .unwrap();
    for _ in 0..2 {
        assert_exit(&run(chat(&server, &data).args(["--session", "s", "hi"])), 0);
    }
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(messages(&link_target), 4);
    assert_eq!(
        server.requests()[1].json()["messages"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

/// Runs `script` in a private mount namespace where `dir` can be mounted
/// read-only; `None` where that is not allowed (not root, no unshare).
fn in_mount_namespace(server: &FakeServer, script: &str) -> Option<std::process::Output> {
    let probe = std::process::Command::new("unshare")
        .args(["-m", "true"])
        .output()
        .ok()?;
    if !probe.status.success() {
        eprintln!("skipped: no mount namespaces here");
        return None;
    }
    std::process::Command::new("unshare")
        .args(["-m", "sh", "-c", script])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("ANTHROPIC_BASE_URL", server.url())
        .env("ANTHROPIC_API_KEY", SECRET_KEY)
        .env("CLAUDE", binary())
        .stdin(Stdio::null())
        .output()
        .ok()
}

#[test]
fn a_read_only_file_system_is_found_before_sending_and_named_by_delete() {
    let server = FakeServer::start();
    let data = tempdir("read-only");
    let script = format!(
        "D='{data}'; mount -t tmpfs tmpfs \"$D\" && mkdir -p \"$D/claude-cli/sessions\" && \
         printf '%s' '{{\"version\": 1, \"model\": \"m\", \"messages\": []}}' \
           > \"$D/claude-cli/sessions/s.json\" && \
         mount -o remount,ro \"$D\" && \
         XDG_DATA_HOME=\"$D\" \"$CLAUDE\" chat --session s hi; echo \"exit=$?\" >&2; \
         XDG_DATA_HOME=\"$D\" \"$CLAUDE\" chat --delete s; echo \"exit=$?\" >&2",
        data = data.display()
    );
    let Some(output) = in_mount_namespace(&server, &script) else {
        return;
    };
    let err = stderr(&output);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 4, "{err}");
    assert!(lines[0].contains("Read-only file system") && lines[0].contains("nothing was sent"));
    assert_eq!(lines[1], "exit=2");
    assert!(
        lines[2].starts_with("claude: error: cannot delete the session at ")
            && lines[2].contains("Read-only file system"),
        "{err}"
    );
    assert_eq!(lines[3], "exit=2");
    assert!(server.requests().is_empty());
}

fn kill(child: &std::process::Child, signal: &str) {
    let status = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// A session with one exchange, saved as `name` under `data`.
fn saved_session(data: &Path, name: &str) -> Vec<u8> {
    let server = FakeServer::with([Reply::message("message-basic-recorded.json")]);
    assert_exit(
        &run(chat(&server, data).args(["--session", name, "first"])),
        0,
    );
    std::fs::read(sessions(data).join(format!("{name}.json"))).unwrap()
}

#[test]
fn sigterm_mid_turn_keeps_the_session_as_it_was() {
    use std::io::Read;
    for (name, code, note) in [("TERM", 143, "terminated"), ("HUP", 129, "hung up")] {
        let data = tempdir("chat-sigterm");
        let before = saved_session(&data, "s");
        let server = FakeServer::with([Reply::stream("stream-basic.sse")
            .first_events(4)
            .end(End::Stall)]);
        let mut child = chat(&server, &data)
            .args(["--session", "s", "--stream", "second"])
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
        kill(&child, name);
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(code), "SIG{name}");
        assert_eq!(stdout(&output), "\n");
        assert_eq!(
            stderr(&output),
            format!("claude: {note}; this turn is not saved\n")
        );
        assert_eq!(
            std::fs::read(sessions(&data).join("s.json")).unwrap(),
            before
        );
    }
}

#[test]
fn the_repl_keeps_its_history_on_sighup_and_ends_on_sigterm() {
    let data = tempdir("repl-hup");
    let server = FakeServer::with([Reply::stream("stream-basic.sse")]);
    let mut terminal = repl(&server, &data, &["--session", "h"]);
    terminal.expect("> ");
    terminal.send("remember this line\r");
    terminal.expect("Hello");
    terminal.expect("> ");
    kill(&terminal.child, "HUP");
    assert_eq!(terminal.wait(), Some(129));
    let history = std::fs::read_to_string(data.join("claude-cli/history.txt")).unwrap();
    assert!(history.contains("remember this line"), "{history}");

    let data = tempdir("repl-term");
    let before = saved_session(&data, "t");
    let server = FakeServer::with([Reply::Hang]);
    let mut terminal = repl(&server, &data, &["--session", "t"]);
    terminal.expect("> ");
    terminal.send("never answered\r");
    server.wait_for_requests(1);
    kill(&terminal.child, "TERM");
    terminal.expect("terminated; this turn is not saved");
    assert_eq!(terminal.wait(), Some(143));
    assert_eq!(
        std::fs::read(sessions(&data).join("t.json")).unwrap(),
        before
    );
}

#[test]
fn ctrl_c_before_the_first_byte_puts_its_note_on_a_fresh_line() {
    let data = tempdir("repl-fresh-line");
    let server = FakeServer::with([Reply::Hang]);
    let mut terminal = repl(&server, &data, &["--session", "f"]);
    terminal.expect("> ");
    terminal.send("hi\r");
    server.wait_for_requests(1);
    terminal.send("\x03");
    terminal.expect("^C\r\nclaude: interrupted; this turn is not saved");
    terminal.expect("> ");
    terminal.send("\x04");
    assert_eq!(terminal.wait(), Some(0));
}
