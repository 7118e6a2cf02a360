//! The bare prompt: `claude "what is 2+2"` means `claude ask "what is 2+2"`,
//! as `llm`, `mods` and `aichat` users expect, and so does Claude Code's
//! print-mode habit `claude -p "…"`.
//!
//! The rule works on the raw arguments, before clap. Options come first
//! (the global connection options, and any other option with its value);
//! then the first word decides:
//! - a subcommand's name runs that subcommand, and the options written
//!   before it are moved after it, so `claude -o json models` is
//!   `claude models -o json` (and `claude -u count hi` is refused by clap,
//!   since count has no `-u`);
//! - a word one typing slip away from a subcommand (`aks`, `chta`) is left
//!   for clap to refuse with a "similar subcommand" tip, options or not,
//!   rather than being sent as a prompt;
//! - any other word starts the prompt of `ask`, put in front of the first
//!   option that is not a connection option.
//!
//! With no word at all, options alone (`claude -u -f notes.txt`) are
//! `ask`'s, and so is piped stdin (`echo hi | claude`, `echo hi | claude
//! -v`): the same whether or not options are given. Only a bare `claude`
//! on a terminal shows the help.

use std::ffi::OsString;

use clap::CommandFactory;

use super::Cli;

/// The command line clap is given, and what the rewrite did to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandLine {
    /// The arguments, with the program name first.
    pub args: Vec<OsString>,
    /// Options written before a subcommand's name and moved after it, as
    /// written (`-u`, `--output=json`), without their values.
    pub moved: Vec<String>,
    /// The subcommand they were moved to (`count`, `batch list`).
    pub moved_to: Option<String>,
}

/// `args` (with the program name first) with `ask` inserted where the
/// words are a prompt, and options written before a subcommand's name
/// moved after it. `stdin_is_terminal` decides what a command line with no
/// word means: the help on a terminal, `ask` with piped stdin.
pub fn with_implied_ask<I, T>(args: I, stdin_is_terminal: bool) -> CommandLine
where
    I: IntoIterator<Item = T>,
    T: Into<OsString>,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let mut command = Cli::command();
    command.build();
    rewrite(&command, args, stdin_is_terminal)
}

fn rewrite(
    command: &clap::Command,
    mut args: Vec<OsString>,
    stdin_is_terminal: bool,
) -> CommandLine {
    let unchanged = |args| CommandLine {
        args,
        moved: Vec::new(),
        moved_to: None,
    };
    // The words of options that are not connection options, by position.
    let mut options: Vec<std::ops::Range<usize>> = Vec::new();
    let mut at = 1;
    let word_at = loop {
        let Some(arg) = args.get(at) else {
            break None;
        };
        // A word clap cannot read as UTF-8 is a prompt word.
        let Some(word) = arg.to_str() else {
            break Some((at, Word::Prompt));
        };
        match classify(command, word) {
            Word::Global { takes_value } => at += 1 + usize::from(takes_value),
            Word::Option { takes_value } => {
                let end = (at + 1 + usize::from(takes_value)).min(args.len());
                options.push(at..end);
                at = end;
            }
            word => break Some((at, word)),
        }
    };
    let first_option = options.first().map(|range| range.start);
    match word_at {
        // Help or version asked for after ask's options is ask's help.
        Some((_, Word::HelpOrVersion)) | None if first_option.is_some() => {
            args.insert(first_option.unwrap_or(at), "ask".into());
            unchanged(args)
        }
        Some((_, Word::HelpOrVersion)) => unchanged(args),
        None if stdin_is_terminal => unchanged(args),
        None => {
            args.push("ask".into());
            unchanged(args)
        }
        Some((at, Word::Prompt)) => {
            args.insert(first_option.unwrap_or(at), "ask".into());
            unchanged(args)
        }
        Some((_, Word::Subcommand)) if options.is_empty() => unchanged(args),
        Some((at, Word::Subcommand)) => move_options(command, args, &options, at),
        Some((_, Word::Global { .. } | Word::Option { .. })) => unreachable!("skipped above"),
    }
}

/// Moves the option words in `options` (all before `at`, the subcommand's
/// name) after the subcommand's name, or after the names of its nested
/// subcommands (`batch list`) when they follow.
fn move_options(
    command: &clap::Command,
    args: Vec<OsString>,
    options: &[std::ops::Range<usize>],
    at: usize,
) -> CommandLine {
    let mut path = Vec::new();
    let mut end = at;
    let mut current = Some(command);
    while let Some(name) = args.get(end).and_then(|arg| arg.to_str()) {
        let found = current.and_then(|c| c.find_subcommand(name));
        if found.is_none() && end > at {
            break;
        }
        path.push(name.to_owned());
        current = found;
        end += 1;
    }
    let is_moved = |index: usize| options.iter().any(|range| range.contains(&index));
    let moved_words: Vec<OsString> = (0..at)
        .filter(|&i| is_moved(i))
        .map(|i| args[i].clone())
        .collect();
    let mut rewritten: Vec<OsString> = Vec::with_capacity(args.len());
    for (index, arg) in args.iter().enumerate() {
        if !is_moved(index) {
            rewritten.push(arg.clone());
        }
        if index + 1 == end {
            rewritten.extend(moved_words.iter().cloned());
        }
    }
    CommandLine {
        args: rewritten,
        moved: options
            .iter()
            .filter_map(|range| args[range.start].to_str().map(str::to_owned))
            .collect(),
        moved_to: Some(path.join(" ")),
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Word {
    /// A connection option; `takes_value` when its value is the next word.
    Global { takes_value: bool },
    /// Another option (ask's, or any subcommand's); `takes_value` when its
    /// value is the next word.
    Option { takes_value: bool },
    /// `--help`, `-h`, `--version`, `-V`.
    HelpOrVersion,
    /// A subcommand, or a near miss of one.
    Subcommand,
    /// The start of the prompt: a word, or `--`.
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
            return Word::HelpOrVersion;
        }
        if let Some(takes_value) =
            value_follows(command.get_arguments(), |arg| named_long(arg, name))
        {
            return Word::Global {
                takes_value: takes_value && !inline_value,
            };
        }
        let takes_value = option_takes_value(command, |arg| named_long(arg, name));
        return Word::Option {
            takes_value: takes_value && !inline_value,
        };
    }
    if let Some(shorts) = word.strip_prefix('-').filter(|s| !s.is_empty()) {
        if matches!(shorts, "h" | "V") {
            return Word::HelpOrVersion;
        }
        // A cluster (`-uv`, `-ojson`): the first letter that takes a value
        // takes the rest of the word, or else the next word.
        let mut global = true;
        for (index, short) in shorts.char_indices() {
            let named = |arg: &clap::Arg| named_short(arg, short);
            let takes_value = match value_follows(command.get_arguments(), named) {
                Some(takes_value) => takes_value,
                None => {
                    global = false;
                    option_takes_value(command, named)
                }
            };
            if takes_value {
                let value_follows = index + short.len_utf8() == shorts.len();
                return if global {
                    Word::Global {
                        takes_value: value_follows,
                    }
                } else {
                    Word::Option {
                        takes_value: value_follows,
                    }
                };
            }
        }
        return if global {
            Word::Global { takes_value: false }
        } else {
            Word::Option { takes_value: false }
        };
    }
    if subcommand_names(command).contains(&word) || slip_target(command, word).is_some() {
        Word::Subcommand
    } else {
        Word::Prompt
    }
}

fn named_long(arg: &clap::Arg, name: &str) -> bool {
    arg.get_long() == Some(name)
        || arg
            .get_all_aliases()
            .is_some_and(|aliases| aliases.contains(&name))
}

fn named_short(arg: &clap::Arg, short: char) -> bool {
    arg.get_short() == Some(short)
        || arg
            .get_all_short_aliases()
            .is_some_and(|aliases| aliases.contains(&short))
}

/// Whether the option `named` picks out among `arguments` takes the next
/// word as its value; `None` when none is named so. An option whose value
/// needs `=` (`--cache=1h`) never takes the next word.
fn value_follows<'a>(
    mut arguments: impl Iterator<Item = &'a clap::Arg>,
    named: impl Fn(&clap::Arg) -> bool,
) -> Option<bool> {
    arguments
        .find(|arg| !arg.is_positional() && named(arg))
        .map(|arg| arg.get_action().takes_values() && !arg.is_require_equals_set())
}

/// Whether an option that is not a connection option takes the next word:
/// as `ask` reads it, the words being `ask`'s unless a subcommand's name
/// follows; else as the first subcommand that has it does. Unknown: no.
fn option_takes_value(command: &clap::Command, named: impl Fn(&clap::Arg) -> bool) -> bool {
    let ask = command.find_subcommand("ask");
    ask.and_then(|ask| value_follows(ask.get_arguments(), &named))
        .or_else(|| {
            all_subcommands(command).find_map(|sub| value_follows(sub.get_arguments(), &named))
        })
        .unwrap_or(false)
}

/// Every subcommand, nested ones too.
fn all_subcommands(command: &clap::Command) -> Box<dyn Iterator<Item = &clap::Command> + '_> {
    Box::new(
        command
            .get_subcommands()
            .flat_map(|sub| std::iter::once(sub).chain(all_subcommands(sub))),
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    fn rewrite_with(args: &[&str], stdin_is_terminal: bool) -> Vec<String> {
        with_implied_ask(
            std::iter::once("claude").chain(args.iter().copied()),
            stdin_is_terminal,
        )
        .args
        .into_iter()
        .skip(1)
        .map(|arg| arg.into_string().unwrap())
        .collect()
    }

    fn rewrite(args: &[&str]) -> Vec<String> {
        rewrite_with(args, true)
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
        assert_eq!(
            rewrite(&["-v", "-m", "haiku", "-v", "hi"]),
            ["-v", "ask", "-m", "haiku", "-v", "hi"]
        );
        // `--cache` takes its value only with `=`: `1h` is a prompt word.
        assert_eq!(rewrite(&["--cache", "1h"]), ["ask", "--cache", "1h"]);
        assert_eq!(rewrite(&["-mhaiku", "hi"]), ["ask", "-mhaiku", "hi"]);
    }

    #[test]
    fn options_before_a_subcommand_are_moved_after_its_name() {
        assert_eq!(rewrite(&["-o", "json", "models"]), ["models", "-o", "json"]);
        assert_eq!(rewrite(&["-u", "count", "hi"]), ["count", "-u", "hi"]);
        assert_eq!(
            rewrite(&["-m", "haiku", "chat", "--session", "x", "hello"]),
            ["chat", "-m", "haiku", "--session", "x", "hello"]
        );
        // Connection options stay where they are; nested subcommands are
        // followed to the innermost.
        assert_eq!(
            rewrite(&["-ojson", "-v", "batch", "list"]),
            ["-v", "batch", "list", "-ojson"]
        );
        assert_eq!(
            rewrite(&["--max-retries", "0", "--output=json", "log", "show", "3"]),
            ["--max-retries", "0", "log", "show", "--output=json", "3"]
        );
        let line = with_implied_ask(["claude", "-u", "--dry-run", "count", "hi"], true);
        assert_eq!(line.moved, ["-u", "--dry-run"]);
        assert_eq!(line.moved_to.as_deref(), Some("count"));
    }

    #[test]
    fn a_slip_is_caught_after_options_too() {
        assert_eq!(
            rewrite(&["--dry-run", "aks", "this"]),
            ["aks", "--dry-run", "this"]
        );
    }

    #[test]
    fn no_word_is_ask_with_piped_stdin_and_the_help_on_a_terminal() {
        assert_eq!(rewrite_with(&[], true), Vec::<String>::new());
        assert_eq!(rewrite_with(&["-v"], true), ["-v"]);
        assert_eq!(rewrite_with(&[], false), ["ask"]);
        assert_eq!(rewrite_with(&["-v"], false), ["-v", "ask"]);
        for stdin_is_terminal in [true, false] {
            assert_eq!(rewrite_with(&["-u"], stdin_is_terminal), ["ask", "-u"]);
        }
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
        assert_eq!(
            rewrite(&["-m", "haiku", "--help"]),
            ["ask", "-m", "haiku", "--help"]
        );
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
