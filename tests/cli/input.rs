use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use serde_json::json;
use wait_timeout::ChildExt;

use crate::support::*;

fn ok_server() -> FakeServer {
    FakeServer::with([Reply::message("message-basic-recorded.json")])
}

#[test]
fn prompt_words_are_joined_with_single_spaces() {
    let server = ok_server();
    let output = claude_at(&server)
        .args(["ask", "hello", "big", "world"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(
        sent_content(&server.single_request()),
        json!("hello big world")
    );
}

#[test]
fn piped_stdin_is_sent_before_the_prompt() {
    let server = ok_server();
    let output = claude_at(&server)
        .args(["ask", "summarize"])
        .write_stdin("the document\n")
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(
        stderr(&output),
        "",
        "stdin that arrives at once gets no hint"
    );
    assert_eq!(
        sent_content(&server.single_request()),
        json!([{"type":"text","text":"the document\n"},{"type":"text","text":"summarize"}])
    );
}

#[test]
fn stdin_alone_is_a_prompt() {
    let server = ok_server();
    let output = claude_at(&server)
        .arg("ask")
        .write_stdin("just stdin")
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(sent_content(&server.single_request()), json!("just stdin"));
}

#[test]
fn files_are_introduced_by_name_and_dash_names_stdin() {
    let dir = tempdir("files");
    let notes = dir.join("notes.txt");
    std::fs::write(&notes, "alpha\n").unwrap();
    let notes = notes.to_str().unwrap();
    let server = ok_server();
    let output = claude_at(&server)
        .args(["ask", "-f", notes, "-f", "-", "compare"])
        .write_stdin("beta")
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(
        sent_content(&server.single_request()),
        json!([
            {"type":"text","text":format!("File: {notes}\n\nalpha\n")},
            {"type":"text","text":"beta"},
            {"type":"text","text":"compare"}
        ])
    );
}

#[test]
fn attach_is_an_alias_for_file() {
    let dir = tempdir("attach");
    let file = dir.join("a.txt");
    std::fs::write(&file, "content").unwrap();
    let server = ok_server();
    let output = claude_at(&server)
        .args(["ask", "--attach", file.to_str().unwrap(), "q"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(
        sent_content(&server.single_request())[0]["text"]
            .as_str()
            .unwrap()
            .ends_with("content")
    );
}

#[test]
fn nothing_to_send_is_exit_2_without_a_request() {
    let server = ok_server();
    for stdin in ["", "  \n\t"] {
        let output = claude_at(&server)
            .arg("ask")
            .write_stdin(stdin)
            .output()
            .unwrap();
        assert_exit(&output, 2);
        assert!(error_line(&output).contains("nothing to send"));
    }
    assert!(server.requests().is_empty());
}

#[test]
fn non_utf8_input_is_exit_2_without_a_request() {
    let server = ok_server();
    let output = claude_at(&server)
        .args(["ask", "describe"])
        .write_stdin(vec![0x89, b'P', b'N', b'G', 0xff, 0xfe])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert!(error_line(&output).contains("stdin is neither UTF-8 text"));

    let dir = tempdir("binary");
    let file = dir.join("blob.bin");
    std::fs::write(&file, [0u8, 159, 146, 150]).unwrap();
    let output = claude_at(&server)
        .args(["ask", "-f", file.to_str().unwrap(), "x"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert!(error_line(&output).contains("blob.bin is neither UTF-8 text"));
    assert!(server.requests().is_empty());
}

#[test]
fn unreadable_files_are_exit_2_and_named() {
    let server = ok_server();
    let output = claude_at(&server)
        .args(["ask", "-f", "/definitely/not/here.txt", "x"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert_eq!(
        error_line(&output),
        "claude: error: /definitely/not/here.txt: no such file"
    );
    let output = claude_at(&server)
        .args(["ask", "--system-file", "/nope/system.txt", "x"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert!(server.requests().is_empty());
}

#[test]
fn no_stdin_ignores_a_pipe_that_never_writes_or_closes() {
    let server = ok_server();
    let mut child = spawnable(&server)
        .args(["ask", "--no-stdin", "hello"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Keep the writer open (and silent) for the whole run.
    let _writer = child.stdin.take().unwrap();
    let status = child.wait_timeout(Duration::from_secs(30)).unwrap();
    let Some(status) = status else {
        child.kill().unwrap();
        panic!("claude ask --no-stdin hung on an open stdin");
    };
    assert_eq!(status.code(), Some(0));
    assert_eq!(sent_content(&server.single_request()), json!("hello"));
}

#[test]
fn a_silent_stdin_gets_one_hint_and_late_input_is_still_sent() {
    let server = ok_server();
    let started = std::time::Instant::now();
    let mut child = spawnable(&server)
        .args(["ask", "summarize"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut writer = child.stdin.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let (lines_tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let _ = lines_tx.send(line.unwrap_or_default());
        }
    });
    // The hint comes after about five silent seconds.
    let hint = lines
        .recv_timeout(Duration::from_secs(20))
        .expect("a hint on stderr");
    assert_eq!(
        hint,
        "claude: waiting for stdin; pass --no-stdin if there is none"
    );
    assert!(
        started.elapsed() >= Duration::from_millis(4500),
        "the hint waits about 5 s"
    );
    assert!(
        server.requests().is_empty(),
        "nothing is sent while waiting"
    );
    // A slow producer finally writes: nothing is dropped.
    writer.write_all(b"late data").unwrap();
    drop(writer);
    let status = child
        .wait_timeout(Duration::from_secs(30))
        .unwrap()
        .expect("finishes");
    assert_eq!(status.code(), Some(0));
    assert_eq!(
        sent_content(&server.single_request()),
        json!([{"type":"text","text":"late data"},{"type":"text","text":"summarize"}])
    );
    // The reader thread ends at EOF, after the process exits.
    let rest: Vec<String> = lines.iter().collect();
    assert!(
        !rest.iter().any(|l| l.contains("waiting for stdin")),
        "the hint is printed once: {rest:?}"
    );
}

/// Runs `claude ARGS` with stdin read from `source` (a device such as
/// /dev/zero), and returns its output; a run that does not end is a failure.
fn run_with_stdin_from(
    server: &FakeServer,
    source: &str,
    env: &[(&str, &std::path::Path)],
    args: &[&str],
) -> std::process::Output {
    let mut cmd = spawnable(server);
    for (name, value) in env {
        cmd.env(name, value);
    }
    let mut child = cmd
        .args(args)
        .stdin(std::fs::File::open(source).unwrap())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if child
        .wait_timeout(Duration::from_secs(120))
        .unwrap()
        .is_none()
    {
        child.kill().unwrap();
        panic!("claude kept reading {source}");
    }
    child.wait_with_output().unwrap()
}

#[test]
fn endless_stdin_stops_at_the_request_limit_and_sends_nothing() {
    let server = ok_server();
    for args in [&["ask", "hi"][..], &["ask", "-f", "-", "hi"]] {
        let output = run_with_stdin_from(&server, "/dev/zero", &[], args);
        assert_exit(&output, 2);
        assert_eq!(
            error_line(&output),
            "claude: error: stdin: the input is over the API's 32 MB request limit (33554432 \
             bytes)"
        );
    }
    assert!(server.requests().is_empty());
}

#[test]
fn binary_stdin_stops_at_its_first_bad_byte_and_sends_nothing() {
    let server = ok_server();
    for args in [&["ask", "hi"][..], &["ask", "-f", "-", "hi"]] {
        let output = run_with_stdin_from(&server, "/dev/urandom", &[], args);
        assert_exit(&output, 2);
        let line = error_line(&output);
        assert!(
            line.starts_with("claude: error: stdin is neither UTF-8 text (invalid byte at offset "),
            "{line}"
        );
    }
    assert!(server.requests().is_empty());
}

#[test]
fn the_config_file_sets_the_request_limit() {
    let home = tempdir("request-limit");
    std::fs::create_dir_all(home.join("claude-cli")).unwrap();
    let write_limit = |limit: usize| {
        std::fs::write(
            home.join("claude-cli/config.toml"),
            format!("max_request_bytes = {limit}\n"),
        )
        .unwrap()
    };
    // A gateway that takes more: /dev/zero now stops at its limit.
    write_limit(40 << 20);
    let shown = claude()
        .env("XDG_CONFIG_HOME", &home)
        .args(["config", "show"])
        .output()
        .unwrap();
    assert!(stdout(&shown).contains("max_request_bytes = 41943040  # config file\n"));
    let server = ok_server();
    let env = [("XDG_CONFIG_HOME", home.as_path())];
    let output = run_with_stdin_from(&server, "/dev/zero", &env, &["ask", "hi"]);
    assert_exit(&output, 2);
    assert_eq!(
        error_line(&output),
        "claude: error: stdin: the input is over the request limit of 41943040 bytes \
         (max_request_bytes in the config file)"
    );
    // The same setting, low, shows the limit is exact, for stdin and files.
    write_limit(10);
    let file = home.join("eleven.txt");
    std::fs::write(&file, "eleven byte").unwrap();
    for (stdin, files) in [("eleven byte", &[][..]), ("", &[file.to_str().unwrap()])] {
        let output = claude_at(&server)
            .env("XDG_CONFIG_HOME", &home)
            .arg("ask")
            .args(files.iter().flat_map(|f| ["-f", f]))
            .arg("hi")
            .write_stdin(stdin)
            .output()
            .unwrap();
        assert_exit(&output, 2);
        assert!(
            error_line(&output).ends_with(
                "is over the request limit of 10 bytes (max_request_bytes in the config file)"
            ),
            "{}",
            error_line(&output)
        );
    }
    assert!(server.requests().is_empty());
    let output = claude_at(&server)
        .env("XDG_CONFIG_HOME", &home)
        .args(["ask", "hi"])
        .write_stdin("ten bytes!")
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(
        sent_content(&server.single_request()),
        json!([{"type":"text","text":"ten bytes!"},{"type":"text","text":"hi"}])
    );
}
/// The body `claude ARGS --dry-run` would send, run in `dir`, and stderr.
fn dry_run_in(
    dir: &std::path::Path,
    args: &[&str],
    stdin: Option<&str>,
) -> (serde_json::Value, String) {
    let mut cmd = claude();
    cmd.current_dir(dir).args(args).arg("--dry-run");
    if let Some(text) = stdin {
        cmd.write_stdin(text);
    }
    let output = cmd.output().unwrap();
    assert_exit(&output, 0);
    let body = serde_json::from_str(stdout(&output).lines().last().unwrap()).unwrap();
    (body, raw_stderr(&output))
}

#[test]
fn one_dash_f_takes_every_path_of_a_shell_glob() {
    let dir = tempdir("glob");
    std::fs::write(dir.join("a.rs"), "fn a() {}\n").unwrap();
    std::fs::write(dir.join("b.rs"), "fn b() {}\n").unwrap();
    // What the shell makes of `-f *.rs "review this"`.
    let (body, notes) = dry_run_in(&dir, &["ask", "-f", "a.rs", "b.rs", "review this"], None);
    assert_eq!(
        body["messages"][0]["content"],
        json!([
            {"type": "text", "text": "File: a.rs\n\nfn a() {}\n"},
            {"type": "text", "text": "File: b.rs\n\nfn b() {}\n"},
            {"type": "text", "text": "review this"}
        ])
    );
    assert!(!notes.contains("not a file"), "{notes}");
    // A path that does not exist ends the list and is said to be text.
    let (body, notes) = dry_run_in(&dir, &["ask", "-f", "a.rs", "c.rs", "review"], None);
    assert_eq!(
        body["messages"][0]["content"][1],
        json!({"type": "text", "text": "c.rs review"})
    );
    assert!(
        notes.contains("`c.rs` is not a file, so it is sent as part of the prompt"),
        "{notes}"
    );
    // The first path of each -f is always a path.
    let output = claude()
        .current_dir(&dir)
        .args(["ask", "--dry-run", "-f", "nope.rs", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert!(error_line(&output).contains("nope.rs: no such file"));
}

#[test]
fn dev_stdin_is_stdin() {
    let dir = tempdir("dev-stdin");
    let (body, _) = dry_run_in(&dir, &["ask", "-f", "/dev/stdin", "q"], Some("piped\n"));
    assert_eq!(
        body["messages"][0]["content"],
        json!([{"type": "text", "text": "piped\n"}, {"type": "text", "text": "q"}])
    );
    let output = claude()
        .args(["ask", "--dry-run", "-f", "-", "-f", "/dev/stdin", "q"])
        .write_stdin("x")
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert!(error_line(&output).contains("stdin is read once"));
}

#[test]
fn an_empty_piped_stdin_is_noted_once() {
    let dir = tempdir("empty-stdin");
    let (body, notes) = dry_run_in(&dir, &["ask", "commit message"], Some(""));
    assert_eq!(body["messages"][0]["content"], json!("commit message"));
    assert_eq!(notes.matches(EMPTY_STDIN_NOTE).count(), 1, "{notes}");
    // /dev/null is how a script says "no input": no note.
    let output = std::process::Command::new(binary())
        .env_clear()
        .env("XDG_CONFIG_HOME", NO_CONFIG)
        .args(["ask", "--dry-run", "hi"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(
        !raw_stderr(&output).contains("stdin was empty"),
        "{}",
        raw_stderr(&output)
    );
}

#[test]
fn latin1_input_gets_the_iconv_hint() {
    let dir = tempdir("latin1");
    std::fs::write(dir.join("menu.txt"), b"caf\xe9 cr\xe8me\n").unwrap();
    let output = claude()
        .current_dir(&dir)
        .args(["ask", "--dry-run", "-f", "menu.txt", "translate"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    let line = error_line(&output);
    assert!(line.contains("iconv -f latin1 -t utf-8 menu.txt"), "{line}");
    let output = claude()
        .args(["ask", "--dry-run", "translate"])
        .write_stdin(b"caf\xe9\n".to_vec())
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert!(error_line(&output).contains("| iconv -f latin1 -t utf-8 |"));
}

#[test]
fn a_directory_after_dash_f_is_refused_clearly() {
    let dir = tempdir("dash-f-dir");
    std::fs::write(dir.join("a.rs"), "fn a() {}\n").unwrap();
    std::fs::create_dir(dir.join("src")).unwrap();
    for args in [
        &["ask", "--dry-run", "-f", "a.rs", "src", "review"][..],
        &["ask", "--dry-run", "-f", "src", "review"],
    ] {
        let output = claude().current_dir(&dir).args(args).output().unwrap();
        assert_exit(&output, 2);
        assert!(stdout(&output).is_empty(), "nothing printed or sent");
        assert_eq!(
            error_line(&output),
            "claude: error: src: is a directory, and only files can be attached (its files: \
             src/*)"
        );
    }
}

#[test]
fn the_not_a_file_note_is_kept_for_near_misses_of_real_files() {
    let dir = tempdir("near-miss");
    std::fs::write(dir.join("main.rs"), "fn main() {}\n").unwrap();
    // Words that only look like paths are sent without a note.
    let (body, notes) = dry_run_in(
        &dir,
        &["ask", "-f", "main.rs", "node.js", "and/or", "deno"],
        None,
    );
    assert_eq!(
        body["messages"][0]["content"][1],
        json!({"type": "text", "text": "node.js and/or deno"})
    );
    assert!(!notes.contains("not a file"), "{notes}");
    // A slip of a file's name is noted, with the file.
    let (_, notes) = dry_run_in(&dir, &["ask", "-f", "main.rs", "mian.rs", "review"], None);
    assert!(
        notes.contains(
            "`mian.rs` is not a file, so it is sent as part of the prompt (did you mean \
             main.rs?)"
        ),
        "{notes}"
    );
}
