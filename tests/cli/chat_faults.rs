use std::path::Path;

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
