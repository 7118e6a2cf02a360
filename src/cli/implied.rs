//! The bare prompt: `claude "what is 2+2"` means `claude ask "what is 2+2"`,
//! as `llm`, `mods` and `aichat` users expect, and so does Claude Code's
//! print-mode habit `claude -p "…"`.
//!
//! The rule works on the raw arguments, before clap: skip the global
//! (connection) options and their values; if what comes next is not a
//! subcommand, help or version, `ask` is put in front of it. A word one
//! typing slip away from a subcommand (`aks`, `chta`) is left for clap to
//! refuse, with a "similar subcommand" tip, rather than being sent as a
//! prompt.

use std::ffi::OsString;

use clap::CommandFactory;

use super::Cli;

/// `args` (with the program name first) with `ask` inserted where the
/// first word is not a subcommand. Anything else is returned unchanged.
pub fn with_implied_ask<I, T>(args: I) -> Vec<OsString>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString>,
{
    let mut args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let command = Cli::command();
    if let Some(at) = implied_ask_position(&command, &args) {
        args.insert(at, OsString::from("ask"));
    }
    args
}

/// Where `ask` belongs, if the command line leaves it out.
fn implied_ask_position(command: &clap::Command, args: &[OsString]) -> Option<usize> {
    let mut at = 1;
    while let Some(arg) = args.get(at) {
        // A word clap cannot read as UTF-8 is a prompt word.
        let Some(word) = arg.to_str() else {
            return Some(at);
        };
        match classify(command, word) {
            Word::Global { takes_value } => {
                at += if takes_value { 2 } else { 1 };
            }
            Word::LeaveToClap => return None,
            Word::Prompt => return Some(at),
        }
    }
    // No words at all: clap shows the help.
    None
}

enum Word {
    /// A connection option; `takes_value` when its value is the next word.
    Global { takes_value: bool },
    /// A subcommand, help, version, or a near miss of a subcommand.
    LeaveToClap,
    /// The start of what `ask` should read: a prompt word or an ask option.
    Prompt,
}

fn classify(command: &clap::Command, word: &str) -> Word {
    if let Some(long) = word.strip_prefix("--") {
        if long.is_empty() {
            return Word::Prompt;
        }
        let (name, inline_value) = match long.split_once('=') {
            Some((name, _)) => (name, true),
            None => (long, false),
        };
        if matches!(name, "help" | "version") {
            return Word::LeaveToClap;
        }
        return match global_long(command, name) {
            Some(takes_value) => Word::Global {
                takes_value: takes_value && !inline_value,
            },
            None => Word::Prompt,
        };
    }
    if let Some(shorts) = word.strip_prefix('-').filter(|s| !s.is_empty()) {
        if matches!(shorts, "h" | "V") {
            return Word::LeaveToClap;
        }
        // Only `-v` (repeatable, no value) is a global short option.
        let all_global = shorts
            .chars()
            .all(|short| global_short(command, short) == Some(false));
        return if all_global {
            Word::Global { takes_value: false }
        } else {
            Word::Prompt
        };
    }
    if subcommand_names(command).contains(&word) || slip_target(command, word).is_some() {
        Word::LeaveToClap
    } else {
        Word::Prompt
    }
}

/// Every name clap takes as a subcommand, `help` included.
fn subcommand_names(command: &clap::Command) -> Vec<&str> {
    command
        .get_subcommands()
        .flat_map(|sub| std::iter::once(sub.get_name()).chain(sub.get_all_aliases()))
        .chain(["help"])
        .collect()
}

/// The subcommand `word` looks like a mistyping of: one edit away
/// (a letter added, dropped, changed, or two neighbours swapped) with the
/// same first letter. Clap's own measure (Jaro above 0.7) misses swaps in
/// short words (`aks` scores 0.56 against `ask`) and takes the commonest
/// first words of a question for subcommands (`what` and `can` for chat,
/// `could` for count); this test does neither.
pub fn slip_target<'a>(command: &'a clap::Command, word: &str) -> Option<&'a str> {
    if word.chars().count() < 3 || !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    subcommand_names(command).into_iter().find(|name| {
        name.chars().next() == word.chars().next() && strsim::osa_distance(word, name) <= 1
    })
}

/// Whether `--name` is a global option, and if so whether it takes a value.
fn global_long(command: &clap::Command, name: &str) -> Option<bool> {
    command
        .get_arguments()
        .find(|arg| {
            arg.get_long() == Some(name)
                || arg
                    .get_all_aliases()
                    .is_some_and(|aliases| aliases.contains(&name))
        })
        .map(|arg| arg.get_action().takes_values())
}

/// Whether `-c` is a global option, and if so whether it takes a value.
fn global_short(command: &clap::Command, short: char) -> Option<bool> {
    command
        .get_arguments()
        .find(|arg| arg.get_short() == Some(short))
        .map(|arg| arg.get_action().takes_values())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewrite(args: &[&str]) -> Vec<String> {
        with_implied_ask(std::iter::once("claude").chain(args.iter().copied()))
            .into_iter()
            .skip(1)
            .map(|arg| arg.into_string().unwrap())
            .collect()
    }

    #[test]
    fn a_bare_prompt_becomes_ask() {
        assert_eq!(rewrite(&["what is 2+2"]), ["ask", "what is 2+2"]);
        assert_eq!(
            rewrite(&["what", "is", "2+2"]),
            ["ask", "what", "is", "2+2"]
        );
        assert_eq!(
            rewrite(&["can", "you", "help"]),
            ["ask", "can", "you", "help"]
        );
        assert_eq!(rewrite(&["could", "you"]), ["ask", "could", "you"]);
    }

    #[test]
    fn global_options_and_their_values_are_skipped() {
        assert_eq!(
            rewrite(&["--base-url", "http://x", "-vv", "--timeout=5", "hi"]),
            ["--base-url", "http://x", "-vv", "--timeout=5", "ask", "hi"]
        );
        // The value of a global option is never taken for a subcommand.
        assert_eq!(
            rewrite(&["--fallback-model", "chat", "hi"]),
            ["--fallback-model", "chat", "ask", "hi"]
        );
    }

    #[test]
    fn ask_options_and_print_mode_start_ask() {
        assert_eq!(rewrite(&["-p", "hi"]), ["ask", "-p", "hi"]);
        assert_eq!(
            rewrite(&["-m", "opus", "--output-format", "json", "hi"]),
            ["ask", "-m", "opus", "--output-format", "json", "hi"]
        );
        assert_eq!(rewrite(&["--", "-5 degrees"]), ["ask", "--", "-5 degrees"]);
    }

    #[test]
    fn subcommands_help_and_version_are_left_alone() {
        for args in [
            &["chat", "hi"][..],
            &["help"],
            &["--help"],
            &["-h"],
            &["-V"],
            &["--version"],
            &["-v", "models"],
            &[],
        ] {
            assert_eq!(rewrite(args), args, "{args:?}");
        }
    }

    #[test]
    fn a_near_miss_of_a_subcommand_is_left_for_clap() {
        for slip in ["aks", "chta", "vison", "modles", "bacth", "confg", "hlep"] {
            assert_eq!(rewrite(&[slip, "x"]), [slip, "x"], "{slip}");
        }
        for word in [
            "what", "that", "can", "could", "a", "as", "hello", "explain",
        ] {
            assert_eq!(rewrite(&[word]), ["ask", word], "{word}");
        }
    }
}
