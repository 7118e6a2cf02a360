//! Where the API key comes from besides the command line and the
//! environment: a key file (`ANTHROPIC_API_KEY_FILE`) or a command the
//! config file names (`api_key_command`, e.g. `pass show anthropic`).
//! Either keeps the key out of `ps`, where `--api-key` would show it.
//!
//! Both give their first line, trimmed: a password manager's entry may
//! carry more lines after it.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::error::Error;

/// The most a key file or a key command may hold: a key is a few hundred
/// bytes at most, so more means the wrong file or command.
pub const MAX_KEY_SOURCE_BYTES: usize = 64 * 1024;

/// Where the credential in use came from, for `config show` and the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySource {
    /// `--api-key`.
    Flag,
    /// `ANTHROPIC_API_KEY`.
    Environment,
    /// `ANTHROPIC_API_KEY_FILE`.
    File(PathBuf),
    /// `ANTHROPIC_AUTH_TOKEN`, a bearer token.
    AuthToken,
    /// The config file's `api_key_command`.
    Command,
}

impl std::fmt::Display for KeySource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeySource::Flag => f.write_str("--api-key"),
            KeySource::Environment => f.write_str("ANTHROPIC_API_KEY"),
            KeySource::File(path) => write!(f, "ANTHROPIC_API_KEY_FILE ({})", path.display()),
            KeySource::AuthToken => f.write_str("ANTHROPIC_AUTH_TOKEN"),
            KeySource::Command => f.write_str("api_key_command in the config file"),
        }
    }
}

/// Reads the key from `path`, refusing a file that group or others may
/// read: a key that other users can read is no longer a secret.
pub fn read_key_file(path: &Path) -> Result<String, Error> {
    let shown = path.display();
    let cannot = |e: std::io::Error| {
        Error::Usage(format!("ANTHROPIC_API_KEY_FILE: cannot read {shown}: {e}"))
    };
    let file = std::fs::File::open(path).map_err(cannot)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = file.metadata().map_err(cannot)?.permissions().mode() & 0o777;
        if mode & 0o044 != 0 {
            return Err(Error::Usage(format!(
                "ANTHROPIC_API_KEY_FILE: {shown} is readable by group or others (mode \
                 {mode:03o}); make it private with chmod 600 {shown}"
            )));
        }
    }
    let bytes = read_bounded(file).map_err(cannot)?;
    let too_large = bytes.len() > MAX_KEY_SOURCE_BYTES;
    if too_large {
        return Err(Error::Usage(format!(
            "ANTHROPIC_API_KEY_FILE: {shown} is over {MAX_KEY_SOURCE_BYTES} bytes; it should \
             hold only the key"
        )));
    }
    first_line(&bytes)
        .ok_or_else(|| Error::Credential(format!("ANTHROPIC_API_KEY_FILE: {shown} holds no key")))
}

/// Runs the config file's `api_key_command` with the shell and takes the
/// key from its stdout. Its stdin and stderr are the terminal's, so a
/// password manager can ask for a passphrase. The command itself is never
/// printed: it may hold a secret of its own.
pub fn run_key_command(command: &str) -> Result<String, Error> {
    let mut child = shell(command)
        .stdin(Stdio::inherit())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| Error::Usage(format!("api_key_command: cannot start the shell: {e}")))?;
    let read = match child.stdout.take() {
        // Dropping stdout after the limit ends a command that writes on.
        Some(stdout) => read_bounded(stdout),
        None => Ok(Vec::new()),
    };
    let status = child
        .wait()
        .map_err(|e| Error::Usage(format!("api_key_command: {e}")))?;
    let output = read.map_err(|e| Error::Usage(format!("api_key_command: {e}")))?;
    if output.len() > MAX_KEY_SOURCE_BYTES {
        return Err(Error::Usage(format!(
            "api_key_command printed over {MAX_KEY_SOURCE_BYTES} bytes; it should print only \
             the key"
        )));
    }
    if !status.success() {
        return Err(Error::Credential(format!(
            "api_key_command failed ({status}); nothing was sent"
        )));
    }
    first_line(&output)
        .ok_or_else(|| Error::Credential("api_key_command printed no key on its first line".into()))
}

/// Up to one byte more than the limit, so that going over can be told.
fn read_bounded(reader: impl Read) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_KEY_SOURCE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The first line, trimmed; `None` when it is empty or not text.
fn first_line(bytes: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(bytes).ok()?;
    let line = text.lines().next()?.trim();
    (!line.is_empty()).then(|| line.to_owned())
}

#[cfg(unix)]
fn shell(command: &str) -> Command {
    let mut shell = Command::new("sh");
    shell.arg("-c").arg(command);
    shell
}

#[cfg(windows)]
fn shell(command: &str) -> Command {
    let mut shell = Command::new("cmd");
    shell.arg("/C").arg(command);
    shell
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_line_is_the_key() {
        assert_eq!(first_line(b"  sk-1 \nlogin: me\n").as_deref(), Some("sk-1"));
        assert_eq!(first_line(b"\nsk-1\n"), None);
        assert_eq!(first_line(b""), None);
        assert_eq!(first_line(b"\xff\xfe"), None);
    }

    #[cfg(unix)]
    #[test]
    fn commands_give_their_first_line_and_failures_are_credential_errors() {
        assert_eq!(
            run_key_command("printf 'sk-cmd\\nmore\\n'").unwrap(),
            "sk-cmd"
        );
        assert!(matches!(
            run_key_command("exit 3"),
            Err(Error::Credential(message)) if message.contains("exit status: 3")
        ));
        assert!(matches!(run_key_command("true"), Err(Error::Credential(_))));
        assert!(matches!(
            run_key_command("yes sk"),
            Err(Error::Usage(message)) if message.contains("over 65536 bytes")
        ));
    }
}
