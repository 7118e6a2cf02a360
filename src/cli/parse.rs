//! Parsing the command line, and reporting what does not parse.

use std::path::PathBuf;

use super::implied::{self, CommandLine};
use super::values::EMPTY_MODEL;
use super::{Cli, Command, Origin};
use clap::parser::ValueSource;

impl Cli {
    /// Parses `args`, and notes what the fields alone cannot tell: whether
    /// chat's model came from the command line or from ANTHROPIC_MODEL.
    pub fn parse_with_sources<I, T>(args: I) -> Result<Cli, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        use clap::{CommandFactory, FromArgMatches};
        let mut command = Cli::command();
        let matches = command.try_get_matches_from_mut(args)?;
        // The innermost subcommand, for its arguments and its usage line.
        let mut innermost = &matches;
        let mut subcommand = &command;
        while let Some((name, sub)) = innermost.subcommand() {
            innermost = sub;
            match subcommand.find_subcommand(name) {
                Some(found) => subcommand = found,
                None => break,
            }
        }
        if let Ok(Some(model)) = innermost.try_get_one::<String>("model")
            && model.trim().is_empty()
            && innermost.value_source("model") == Some(ValueSource::CommandLine)
        {
            return Err(subcommand.clone().error(
                clap::error::ErrorKind::ValueValidation,
                format!("invalid value '{model}' for '--model <MODEL>': {EMPTY_MODEL}"),
            ));
        }
        let mut cli = Cli::from_arg_matches(&matches)?;
        let origin = |id: &str| match matches.value_source(id) {
            Some(ValueSource::EnvVariable) => Origin::Environment,
            Some(ValueSource::DefaultValue) | None => Origin::BuiltIn,
            Some(_) => Origin::CommandLine,
        };
        cli.connection.base_url_origin = origin("base_url");
        cli.connection.api_version_origin = origin("api_version");
        let input = match &mut cli.command {
            Command::Ask(args) => Some(&mut args.input),
            Command::Count(args) => Some(&mut args.input),
            Command::Chat(args) => Some(&mut args.input),
            _ => None,
        };
        if let Some(input) = input
            && let Ok(Some(groups)) = innermost.try_get_occurrences::<PathBuf>("files")
        {
            input.file_groups = groups.map(Iterator::count).collect();
        }
        if let (Command::Chat(chat), Some(("chat", sub))) = (&mut cli.command, matches.subcommand())
        {
            chat.model_on_command_line =
                sub.value_source("model") == Some(ValueSource::CommandLine);
        }
        Ok(cli)
    }
}

/// A clap parse error as printed: clap's whole message (the problem, its
/// tips, the usage line of the command it concerns and the pointer to
/// --help), with `claude: ` before its first line, styled only when
/// `styled` (stderr is a terminal that takes colours). `line` is the command
/// line that failed, as rewritten. A first word that was not sent as a
/// prompt because it is a slip of a subcommand (`claude aks`) is named with
/// the subcommand it resembles and how to send it after all; an option
/// written before a subcommand that has no such option says so.
///
/// The usage line is always the command's own: clap's would list the
/// options that were given, environment variables included, as if they
/// were required (`claude vision --api-key <KEY> <IMAGE>...`).
pub fn usage_error(mut error: clap::Error, line: &CommandLine, styled: bool) -> String {
    use clap::CommandFactory;
    use clap::builder::StyledStr;
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let mut command = Cli::command();
    command.build();
    let tips = |error: &clap::Error| match error.get(ContextKind::Suggested) {
        Some(ContextValue::StyledStrs(tips)) => tips.clone(),
        _ => Vec::new(),
    };
    if error.kind() == ErrorKind::InvalidSubcommand
        && let Some(ContextValue::String(word)) = error.get(ContextKind::InvalidSubcommand)
    {
        let word = word.clone();
        if error.get(ContextKind::SuggestedSubcommand).is_none()
            && let Some(name) = implied::slip_target(&command, &word)
        {
            error.insert(
                ContextKind::SuggestedSubcommand,
                ContextValue::String(name.to_owned()),
            );
        }
        let mut tips = tips(&error);
        tips.push(StyledStr::from(format!(
            "to send '{word}' as a prompt, write 'claude ask {word} ...'"
        )));
        error.insert(ContextKind::Suggested, ContextValue::StyledStrs(tips));
    }
    if error.kind() == ErrorKind::UnknownArgument
        && let Some(ContextValue::String(option)) = error.get(ContextKind::InvalidArg)
        && let Some(subcommand) = &line.moved_to
        && line.moved.iter().any(|moved| {
            moved == option
                || moved
                    .strip_prefix(option.as_str())
                    .is_some_and(|rest| rest.starts_with('='))
        })
    {
        let tip = format!(
            "'{option}' came before '{subcommand}', and options before a subcommand are \
             its own: 'claude {subcommand}' has no '{option}' (see claude {subcommand} --help)"
        );
        error.insert(
            ContextKind::Suggested,
            ContextValue::StyledStrs(vec![StyledStr::from(tip)]),
        );
    }
    if error.kind() == ErrorKind::UnknownArgument
        && let Some(ContextValue::String(option)) = error.get(ContextKind::InvalidArg)
        && matches!(option.as_str(), "-V" | "--version")
    {
        error.insert(
            ContextKind::Suggested,
            ContextValue::StyledStrs(vec![StyledStr::from(
                "the version is claude's own: claude --version".to_owned(),
            )]),
        );
    }
    error.insert(
        ContextKind::Usage,
        ContextValue::StyledStr(usage_of(&command, &line.args)),
    );
    let rendered = error.render();
    let text = if styled {
        rendered.ansi().to_string()
    } else {
        rendered.to_string()
    };
    format!("claude: {}\n", text.trim_end())
}

/// The usage line of the (sub)command named in `args`: its words are
/// followed down the tree of subcommands, skipping options and their values.
fn usage_of(root: &clap::Command, args: &[std::ffi::OsString]) -> clap::builder::StyledStr {
    let mut command = root;
    let mut words = args.iter().skip(1).filter_map(|arg| arg.to_str());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if let Some(option) = word.strip_prefix('-') {
            let takes_value = command.get_arguments().any(|arg| {
                let named = match option.strip_prefix('-') {
                    Some(long) => arg.get_long() == Some(long),
                    None => option.chars().count() == 1 && arg.get_short() == option.chars().next(),
                };
                named && arg.get_action().takes_values()
            });
            if takes_value {
                words.next();
            }
            continue;
        }
        match command.find_subcommand(word) {
            Some(sub) => command = sub,
            None => break,
        }
    }
    command.clone().render_usage()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{CacheTtlArg, LogAction, LogArgs, LogShowArgs, with_implied_ask};
    use clap::{CommandFactory, Parser};
    #[test]
    fn the_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn cache_takes_an_optional_value_only_with_equals() {
        let cli = Cli::try_parse_from(["claude", "ask", "--cache", "hello"]).unwrap();
        let Command::Ask(ask) = cli.command else {
            panic!("ask")
        };
        assert_eq!(ask.request.cache, Some(None));
        assert_eq!(ask.prompt, ["hello"]);
        let cli = Cli::try_parse_from(["claude", "ask", "--cache=1h", "x"]).unwrap();
        let Command::Ask(ask) = cli.command else {
            panic!("ask")
        };
        assert_eq!(ask.request.cache, Some(Some(CacheTtlArg::OneHour)));
    }

    #[test]
    fn empty_models_and_stop_sequences_are_refused() {
        for args in [
            &["claude", "ask", "-m", "", "hi"][..],
            &["claude", "chat", "--model= ", "hi"],
            &["claude", "batch", "submit", "-m", "", "x.txt"],
            &["claude", "--fallback-model", "", "ask", "hi"],
            &["claude", "ask", "--stop", "", "hi"],
        ] {
            let error = Cli::parse_with_sources(args).unwrap_err();
            assert_eq!(
                error.kind(),
                clap::error::ErrorKind::ValueValidation,
                "{args:?}"
            );
        }
        assert!(Cli::try_parse_from(["claude", "ask", "--stop", "\n", "hi"]).is_ok());
    }

    fn usage_error_of(args: &[&str]) -> String {
        let line = with_implied_ask(args.iter().copied(), true);
        let error = Cli::parse_with_sources(line.args.clone()).unwrap_err();
        usage_error(error, &line, false)
    }

    #[test]
    fn parse_errors_keep_clap_s_whole_message() {
        let text = usage_error_of(&["claude", "ask", "--bogus"]);
        assert!(
            text.starts_with("claude: error: unexpected argument '--bogus' found\n"),
            "{text}"
        );
        assert!(text.contains("Usage: claude ask"), "{text}");
        assert!(!text.contains('\x1b'), "{text}");
        let text = usage_error_of(&["claude", "--max-retries", "5000", "ask"]);
        assert!(text.contains("5000"), "{text}");
        // clap gives no usage line for a bad value; the one of the command is added.
        let text = usage_error_of(&["claude", "batch", "list", "-o", "yaml"]);
        assert!(text.contains("[possible values: text, json]"), "{text}");
        assert!(
            text.contains("Usage: claude batch list [OPTIONS]"),
            "{text}"
        );
    }

    #[test]
    fn a_slip_of_a_subcommand_says_how_to_send_it_as_a_prompt() {
        let text = usage_error_of(&["claude", "aks", "hello"]);
        assert!(
            text.contains("a similar subcommand exists: 'ask'"),
            "{text}"
        );
        assert!(text.contains("Usage: claude [OPTIONS] <COMMAND>"), "{text}");
        assert!(text.contains("claude ask aks ..."), "{text}");
    }

    #[test]
    fn chat_knows_whether_the_model_came_from_the_command_line() {
        let from_flag = |args: &[&str]| match Cli::parse_with_sources(args).unwrap().command {
            Command::Chat(chat) => chat.model_on_command_line,
            _ => panic!("chat"),
        };
        assert!(from_flag(&["claude", "chat", "-m", "opus", "hi"]));
        assert!(from_flag(&["claude", "chat", "--model=opus", "hi"]));
        assert!(!from_flag(&[
            "claude",
            "chat",
            "--system=-m is a flag",
            "hi"
        ]));
    }

    #[test]
    fn log_takes_list_flags_or_a_subcommand() {
        let cli =
            Cli::try_parse_from(["claude", "log", "-n", "3", "-q", "rust", "--failed"]).unwrap();
        let Command::Log(log) = cli.command else {
            panic!("log")
        };
        assert!(log.action.is_none());
        assert_eq!(
            (log.list.count, log.list.query.as_deref()),
            (3, Some("rust"))
        );
        let cli = Cli::try_parse_from(["claude", "log", "show", "42", "-o", "json"]).unwrap();
        assert!(matches!(
            cli.command,
            Command::Log(LogArgs {
                action: Some(LogAction::Show(LogShowArgs { id: 42, .. })),
                ..
            })
        ));
        assert!(Cli::try_parse_from(["claude", "log", "-n", "0"]).is_err());
    }

    #[test]
    fn attach_is_an_alias_of_file() {
        let cli =
            Cli::try_parse_from(["claude", "ask", "-a", "x.txt", "--attach", "y.txt"]).unwrap();
        let Command::Ask(ask) = cli.command else {
            panic!("ask")
        };
        assert_eq!(ask.input.files.len(), 2);
        let cli =
            Cli::parse_with_sources(["claude", "ask", "-f", "a", "b", "c", "-f", "d"]).unwrap();
        let Command::Ask(ask) = cli.command else {
            panic!("ask")
        };
        assert_eq!(ask.input.files.len(), 4);
        assert_eq!(ask.input.file_groups, [3, 1]);
    }
}
