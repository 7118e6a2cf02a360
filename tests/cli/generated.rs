use std::process::Command;

use clap::{CommandFactory, Parser};
use claude_cli::cli::{Cli, help};
use claude_cli::generate;

use crate::support::*;

const REGENERATE: &str = "run `cargo run --example generate` and commit the result";

fn read(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{}: {e}; {REGENERATE}", path.display()))
}

#[test]
fn committed_completions_and_man_pages_are_fresh() {
    let files = generate::files().unwrap();
    let mut paths = Vec::new();
    subcommand_paths(&Cli::command(), &[], &mut paths);
    let pages = 1 + paths.len();
    assert_eq!(
        files.len(),
        generate::SHELLS.len() + pages,
        "five shells, a page each for claude and its subcommands"
    );
    for (path, contents) in files {
        assert!(
            read(&path) == contents,
            "{} is stale: {REGENERATE}",
            path.display()
        );
    }
}

#[test]
fn the_completions_subcommand_prints_the_committed_scripts() {
    for (shell, file) in generate::SHELLS {
        let output = claude()
            .args(["completions", &shell.to_string()])
            .output()
            .unwrap();
        assert_exit(&output, 0);
        assert!(
            output.stdout == read(&std::path::Path::new("completions").join(file)),
            "{shell}"
        );
    }
    let output = claude().args(["completions", "tcsh"]).output().unwrap();
    assert_exit(&output, 2);
}

/// What `claude` answers when `shell`'s completion asks about `words`
/// (the last one being completed), as the registered scripts ask.
fn complete(shell: &str, words: &[&str], data: &std::path::Path) -> Vec<String> {
    let output = claude()
        .env("COMPLETE", shell)
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_COMPLETE_COMP_TYPE", "9")
        .env("_CLAP_COMPLETE_SPACE", "true")
        .env("_CLAP_IFS", "\n")
        .env("XDG_DATA_HOME", data)
        .arg("--")
        .args(words)
        .output()
        .unwrap();
    assert_exit(&output, 0);
    stdout(&output)
        .lines()
        .map(|line| line.split(['\t', ':']).next().unwrap().to_owned())
        .collect()
}

#[test]
fn tab_offers_models_and_saved_sessions_in_bash_zsh_and_fish() {
    let data = tempdir("complete");
    let sessions = data.join("claude-cli/sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    std::fs::write(sessions.join("notes.json"), "{}").unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let models = complete(shell, &["claude", "ask", "-m", ""], &data);
        for model in ["opus", "sonnet", "haiku", "claude-opus-4-8"] {
            assert!(models.iter().any(|m| m == model), "{shell}: {models:?}");
        }
        // Before any subcommand too: a bare prompt's model.
        let models = complete(shell, &["claude", "-m", ""], &data);
        for model in ["opus", "sonnet", "haiku", "claude-opus-4-8"] {
            assert!(models.iter().any(|m| m == model), "{shell}: {models:?}");
        }
        assert!(!models.iter().any(|m| m == "ask"), "{shell}: {models:?}");
        let after = complete(shell, &["claude", "-m", "haiku", ""], &data);
        assert!(
            after.iter().any(|word| word == "models"),
            "{shell}: {after:?}"
        );
        let models = complete(shell, &["claude", "chat", "--model", "ha"], &data);
        assert_eq!(models, ["haiku"], "{shell}");
        for flag in ["--session", "--show", "--delete"] {
            let names = complete(shell, &["claude", "chat", flag, ""], &data);
            assert_eq!(names, ["notes"], "{shell} {flag}");
        }
        let subcommands = complete(shell, &["claude", "co"], &data);
        assert!(
            subcommands.iter().any(|s| s == "count"),
            "{shell}: {subcommands:?}"
        );
    }
}

#[test]
fn the_bash_completion_is_valid_bash_and_asks_claude() {
    let script = String::from_utf8(read(std::path::Path::new("completions/claude.bash"))).unwrap();
    assert!(script.contains("COMPLETE=\"bash\""), "{script}");
    assert!(script.contains("complete -o nospace"), "{script}");
    if let Ok(status) = Command::new("bash")
        .args(["-n", "completions/claude.bash"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
    {
        assert!(status.success(), "bash -n failed");
    }
}

#[test]
fn help_matches_its_snapshots() {
    for (args, snapshot) in [
        (vec!["--help"], "tests/snapshots/help.txt"),
        (vec!["ask", "--help"], "tests/snapshots/ask-help.txt"),
    ] {
        let output = claude().args(&args).output().unwrap();
        assert_exit(&output, 0);
        let expected = String::from_utf8(read(std::path::Path::new(snapshot))).unwrap();
        let actual = stdout(&output);
        if actual != expected {
            let line = actual
                .lines()
                .zip(expected.lines())
                .position(|(a, e)| a != e)
                .map_or_else(|| "the length".to_owned(), |n| format!("line {}", n + 1));
            panic!(
                "`claude {}` differs from {snapshot} at {line}; if intended, {REGENERATE}",
                args.join(" ")
            );
        }
    }
}

/// Splits a shell command line into words: quotes and the `claude` part of
/// a pipeline, which is all the examples use.
fn claude_words(command: &str) -> Vec<String> {
    let start = command.find("claude ").expect("the example runs claude");
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quote = None;
    let mut in_word = false;
    for c in command[start..].chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                in_word = true;
            }
            (None, '|' | '>' | '&' | ';' | ')') => break,
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

/// Every subcommand's path: `ask`, …, `batch submit`, `config show`.
fn subcommand_paths(command: &clap::Command, prefix: &[String], paths: &mut Vec<Vec<String>>) {
    for subcommand in command.get_subcommands() {
        let mut path = prefix.to_vec();
        path.push(subcommand.get_name().to_owned());
        paths.push(path.clone());
        subcommand_paths(subcommand, &path, paths);
    }
}

#[test]
fn every_subcommand_ends_its_help_with_two_to_four_real_examples() {
    let mut paths = Vec::new();
    subcommand_paths(&Cli::command(), &[], &mut paths);
    assert!(paths.len() > 15, "{paths:?}");
    for path in paths {
        let name = path.join(" ");
        let output = claude().args(&path).arg("--help").output().unwrap();
        assert_exit(&output, 0);
        let text = stdout(&output);
        let examples = text
            .rsplit_once("Examples:\n")
            .unwrap_or_else(|| panic!("{name} --help has no examples"))
            .1;
        let commands: Vec<&str> = examples
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        assert!((2..=4).contains(&commands.len()), "{name}: {commands:?}");
        for line in commands {
            let words = claude_words(line);
            assert_eq!(words[1..=path.len()], path[..], "{line}");
            if let Err(e) = Cli::try_parse_from(&words) {
                panic!("example `{line}` does not parse: {e}");
            }
        }
    }
    for example in help::MAIN_EXAMPLES {
        Cli::try_parse_from(
            claude_cli::cli::with_implied_ask(claude_words(example.command), true).args,
        )
        .unwrap();
    }
}

#[test]
fn man_pages_carry_exit_status_environment_and_examples_and_render_cleanly() {
    for (name, page) in generate::man_pages().unwrap() {
        let text = String::from_utf8(page).unwrap();
        for section in [
            ".SH \"EXIT STATUS\"",
            ".SH ENVIRONMENT",
            ".SH EXAMPLES",
            ".SH \"SEE ALSO\"",
        ] {
            assert!(text.contains(section), "{name}: {section}");
        }
        for variable in [
            "ANTHROPIC_API_KEY",
            "ANTHROPIC_AUTH_TOKEN",
            "ANTHROPIC_BASE_URL",
            "ANTHROPIC_MODEL",
            "ANTHROPIC_LOG",
            "NO_COLOR",
        ] {
            assert!(text.contains(variable), "{name}: {variable}");
        }
        // The page's own exit codes: the whole table for claude.1.
        let path = name
            .trim_end_matches(".1")
            .trim_start_matches("claude")
            .trim_start_matches('-')
            .replace('-', " ");
        let codes = help::exit_status_of(&path).unwrap_or(help::EXIT_STATUS);
        for (code, _) in codes {
            assert!(
                text.contains(&format!("\\fB{code}\\fR")),
                "{name}: exit {code}"
            );
        }
    }
    // groff with every warning on: any diagnostic fails. Machines without
    // groff (it ships with man-db) skip this part.
    for (name, _) in generate::man_pages().unwrap() {
        let path = format!("man/{name}");
        let Ok(output) = Command::new("groff")
            .args(["-man", "-Tutf8", "-ww", "-z", &path])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
        else {
            eprintln!("groff not found: man pages not rendered");
            return;
        };
        assert!(output.status.success(), "{name}");
        assert!(
            output.stderr.is_empty(),
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn the_example_parser_handles_quotes_and_pipes() {
    assert_eq!(
        claude_words("cat a | claude ask -o json \"Name a prime\" | jq -r '.x'"),
        ["claude", "ask", "-o", "json", "Name a prime"]
    );
    assert_eq!(
        claude_words("claude completions zsh > ~/.zfunc/_claude"),
        ["claude", "completions", "zsh"]
    );
    assert!(Cli::try_parse_from(["claude", "ask", "x"]).is_ok());
}

/// Every command, nested ones too, with the root first.
fn every_command(command: &clap::Command) -> Vec<clap::Command> {
    let mut all = vec![command.clone()];
    for sub in command.get_subcommands() {
        all.extend(every_command(sub));
    }
    all
}

#[test]
fn no_option_s_help_carries_a_note_for_developers() {
    for command in every_command(&Cli::command()) {
        for arg in command.get_arguments() {
            let texts = [arg.get_help(), arg.get_long_help()];
            for text in texts.into_iter().flatten().map(ToString::to_string) {
                for developer_word in ["clap", "Raw bytes", "(in settings)", "`"] {
                    assert!(
                        !text.contains(developer_word),
                        "{} --{}: {text}",
                        command.get_name(),
                        arg.get_id()
                    );
                }
            }
        }
    }
}

#[test]
fn claude_code_s_spellings_are_in_ask_s_help() {
    let output = claude().args(["ask", "--help"]).output().unwrap();
    assert_exit(&output, 0);
    let text = stdout(&output);
    assert!(text.contains("-p, --print"), "{text}");
    assert!(text.contains("[alias: --output-format]"), "{text}");
}

#[test]
fn the_man_directory_s_readme_lists_every_subcommand_and_installs_as_the_readme_does() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("man/README.md")).unwrap();
    for sub in Cli::command().get_subcommands() {
        let page = format!("`claude-{}.1`", sub.get_name());
        assert!(text.contains(&page), "man/README.md lacks {page}");
    }
    let install = "mkdir -p ~/.cargo/share/man/man1 && cp man/*.1 ~/.cargo/share/man/man1/";
    assert!(text.contains(install), "man/README.md installs elsewhere");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    assert!(readme.contains(install), "the README installs elsewhere");
}

#[test]
fn every_subcommand_s_help_lists_its_exit_codes() {
    let mut paths = Vec::new();
    subcommand_paths(&Cli::command(), &[], &mut paths);
    for path in paths {
        let name = path.join(" ");
        let codes =
            help::exit_status_of(&name).unwrap_or_else(|| panic!("no exit codes for {name}"));
        assert_eq!(codes[0].0, 0, "{name}");
        for (code, meaning) in codes {
            // One line each in help 100 columns wide.
            assert!(
                7 + meaning.chars().count() <= 100,
                "{name} {code}: {meaning}"
            );
        }
        let output = claude().args(&path).arg("--help").output().unwrap();
        assert_exit(&output, 0);
        let text = stdout(&output);
        let listed = text
            .split_once("\nExit status:\n")
            .unwrap_or_else(|| panic!("{name} --help has no exit status"))
            .1
            .split_once("\n\n")
            .unwrap()
            .0;
        let listed: Vec<&str> = listed
            .lines()
            .filter_map(|line| line.split_whitespace().next())
            .collect();
        let expected: Vec<String> = codes.iter().map(|(code, _)| code.to_string()).collect();
        assert_eq!(listed, expected, "{name}");
    }
    // The codes a script needs to tell batch results apart.
    let output = claude()
        .args(["batch", "results", "--help"])
        .output()
        .unwrap();
    let text = stdout(&output);
    assert!(
        text.contains("  5    the batch has not ended yet, so it has no results"),
        "{text}"
    );
    assert!(text.contains("  11   some requests errored"), "{text}");
}
