//! Asking the user on the terminal whether a tool call may run: the tool's
//! name, its input pretty-printed, and one key for the answer.
//!
//! The key is read with the terminal out of line mode (no Enter needed)
//! but with signals left on, a tenth of a second at a time, so that Ctrl-C
//! is seen while the question waits. Anything shown is scrubbed of secrets;
//! the input is JSON, so its strings cannot carry escape sequences.

use std::io::{self, Read, Write};

use serde_json::Value;

use crate::interrupt;

/// How much of a call's input the question shows.
const MAX_SHOWN_INPUT: usize = 4000;

/// The user's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
    /// Yes, and to every later call of this tool in this process.
    Always,
    /// Ctrl-C (or another signal) while waiting.
    Interrupted,
}

/// The answer a key stands for; Enter and Escape say no, other keys are
/// not answers.
fn answer_for(key: u8) -> Option<Answer> {
    match key.to_ascii_lowercase() {
        b'y' => Some(Answer::Yes),
        b'n' | b'\r' | b'\n' | 0x1b => Some(Answer::No),
        b'a' => Some(Answer::Always),
        _ => None,
    }
}

/// The question, as printed.
pub fn question(tool: &str, input: &Value) -> String {
    let pretty = serde_json::to_string_pretty(input).unwrap_or_else(|_| input.to_string());
    let shown = match pretty.char_indices().nth(MAX_SHOWN_INPUT) {
        Some((end, _)) => format!("{}\n… ({} more bytes)", &pretty[..end], pretty.len() - end),
        None => pretty,
    };
    let shown = crate::secrets::scrub(&shown);
    format!(
        "claude: the model asks to run the tool {tool} with this input:\n{shown}\n\
         Run it? [y]es / [n]o / [a]lways for this tool: "
    )
}

/// Asks about one call and waits for the answer.
pub fn ask(tool: &str, input: &Value) -> io::Result<Answer> {
    // Keys are read one at a time, unechoed, from before the question
    // shows: a key typed the moment it appears is taken, and not echoed;
    // one typed earlier is not an answer.
    let keys = KeyMode::enter()?;
    let mut stderr = io::stderr().lock();
    stderr.write_all(question(tool, input).as_bytes())?;
    stderr.flush()?;
    let answer = read_answer();
    drop(keys);
    let answer = answer?;
    let word = match answer {
        Answer::Yes => "yes",
        Answer::No => "no",
        Answer::Always => "always",
        // The terminal echoed ^C; the note that follows needs its own line.
        Answer::Interrupted => "",
    };
    writeln!(stderr, "{word}")?;
    Ok(answer)
}

/// The terminal out of line mode and echo, with signals left on, while the
/// question waits; as it was again when dropped.
#[cfg(unix)]
struct KeyMode {
    saved: rustix::termios::Termios,
}

#[cfg(unix)]
impl KeyMode {
    fn enter() -> io::Result<KeyMode> {
        use rustix::termios::{self, LocalModes, OptionalActions, SpecialCodeIndex};
        let stdin = io::stdin();
        let saved = termios::tcgetattr(&stdin)?;
        let mut keys = saved.clone();
        keys.local_modes
            .remove(LocalModes::ICANON | LocalModes::ECHO);
        // A read returns after a tenth of a second without a key, so that
        // Ctrl-C is seen.
        keys.special_codes[SpecialCodeIndex::VMIN] = 0;
        keys.special_codes[SpecialCodeIndex::VTIME] = 1;
        // Flush: keys typed before the question (into the answer as it
        // streamed, say) are dropped; only a key pressed once it shows
        // can let a tool run.
        termios::tcsetattr(&stdin, OptionalActions::Flush, &keys)?;
        Ok(KeyMode { saved })
    }
}

#[cfg(unix)]
impl Drop for KeyMode {
    fn drop(&mut self) {
        use rustix::termios::{self, OptionalActions};
        let _ = termios::tcsetattr(io::stdin(), OptionalActions::Now, &self.saved);
    }
}

#[cfg(unix)]
fn read_answer() -> io::Result<Answer> {
    let stdin = io::stdin();
    let mut key = [0u8; 1];
    loop {
        if interrupt::requested() {
            return Ok(Answer::Interrupted);
        }
        match stdin.lock().read(&mut key) {
            Ok(0) => continue,
            Ok(_) => {
                if let Some(answer) = answer_for(key[0]) {
                    return Ok(answer);
                }
            }
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        }
    }
}

/// Without termios the terminal stays in line mode.
#[cfg(not(unix))]
struct KeyMode;

#[cfg(not(unix))]
impl KeyMode {
    fn enter() -> io::Result<KeyMode> {
        Ok(KeyMode)
    }
}

/// Without termios: a line, whose first letter is the answer.
#[cfg(not(unix))]
fn read_answer() -> io::Result<Answer> {
    let mut line = String::new();
    io::stdin().read_line(&mut line)?;
    if interrupt::requested() {
        return Ok(Answer::Interrupted);
    }
    Ok(answer_for(line.bytes().next().unwrap_or(b'\n')).unwrap_or(Answer::No))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_and_answers() {
        assert_eq!(answer_for(b'y'), Some(Answer::Yes));
        assert_eq!(answer_for(b'Y'), Some(Answer::Yes));
        assert_eq!(answer_for(b'n'), Some(Answer::No));
        assert_eq!(answer_for(b'\r'), Some(Answer::No));
        assert_eq!(answer_for(b'a'), Some(Answer::Always));
        assert_eq!(answer_for(b'x'), None);
    }

    #[test]
    fn the_question_shows_the_input_pretty_and_bounded() {
        let text = question("wc", &json!({"text": "a\u{1b}[31mb"}));
        assert!(text.contains("tool wc"), "{text}");
        assert!(
            text.contains("{\n  \"text\": \"a\\u001b[31mb\"\n}"),
            "{text}"
        );
        assert!(text.ends_with("[y]es / [n]o / [a]lways for this tool: "));
        let long = question("wc", &json!({"text": "x".repeat(10_000)}));
        assert!(long.contains("more bytes)"), "{}", long.len());
        assert!(long.len() < 5000);
    }
}
