//! Files generated from the clap definition: shell completions and man
//! pages. `cargo run --example generate` writes them under `completions/`
//! and `man/`; a test fails when the committed copies are stale.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::CommandFactory;
use clap_complete::Shell;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};

use crate::cli::Cli;
use crate::cli::help;

/// Every shell `claude completions` knows, with its script's file name.
pub const SHELLS: [(Shell, &str); 5] = [
    (Shell::Bash, "claude.bash"),
    (Shell::Zsh, "_claude"),
    (Shell::Fish, "claude.fish"),
    (Shell::PowerShell, "_claude.ps1"),
    (Shell::Elvish, "claude.elv"),
];

/// Writes the completion script for `shell`: the registration of clap's
/// dynamic completion, which runs `COMPLETE=SHELL claude -- WORDS...` at
/// each Tab, so that -m offers the aliases and known models and --session
/// the saved sessions (see `cli::complete`). The same as `COMPLETE=SHELL
/// claude` prints.
pub fn completion(shell: Shell, out: &mut dyn Write) -> io::Result<()> {
    let name = shell.to_string();
    let shells = clap_complete::env::Shells::builtins();
    let completer = shells
        .completer(&name)
        .ok_or_else(|| io::Error::other(format!("no dynamic completion for {name}")))?;
    completer.write_registration(COMPLETE_VAR, "claude", "claude", "claude", out)
}

/// The environment variable that asks `claude` for completions.
pub const COMPLETE_VAR: &str = "COMPLETE";

/// Every generated file: its path from the repository root and contents.
pub fn files() -> io::Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut files = Vec::new();
    for (shell, name) in SHELLS {
        let mut script = Vec::new();
        completion(shell, &mut script)?;
        files.push((PathBuf::from("completions").join(name), script));
    }
    for (name, page) in man_pages()? {
        files.push((PathBuf::from("man").join(name), page));
    }
    Ok(files)
}

/// `claude.1` and one page per subcommand, nested ones included
/// (`claude-ask.1`, `claude-batch-submit.1`, …).
pub fn man_pages() -> io::Result<Vec<(String, Vec<u8>)>> {
    let mut root = Cli::command().disable_help_subcommand(true);
    root.build();
    let mut pages = Vec::new();
    add_pages(&root, &[], &mut pages)?;
    Ok(pages)
}

/// The page of `command` (reached by `path`) and of its subcommands.
fn add_pages(
    command: &clap::Command,
    path: &[&str],
    pages: &mut Vec<(String, Vec<u8>)>,
) -> io::Result<()> {
    let page_name = |path: &[&str]| {
        std::iter::once("claude")
            .chain(path.iter().copied())
            .collect::<Vec<_>>()
            .join("-")
    };
    let children: Vec<&clap::Command> = command
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .collect();
    let mut see_also = Vec::new();
    if !path.is_empty() {
        see_also.push(page_name(&path[..path.len() - 1]));
    }
    for child in &children {
        let mut child_path = path.to_vec();
        child_path.push(child.get_name());
        see_also.push(page_name(&child_path));
    }
    let name = page_name(path);
    let command = if path.is_empty() {
        command.clone()
    } else {
        command
            .clone()
            .display_name(name.clone())
            .bin_name(format!("claude {}", path.join(" ")))
    };
    let page = man_page(command, &path.join(" "), &see_also)?;
    pages.push((format!("{name}.1"), page));
    for child in children {
        let mut child_path = path.to_vec();
        child_path.push(child.get_name());
        add_pages(child, &child_path, pages)?;
    }
    Ok(())
}

/// A page: clap_mangen's sections (without the plain-text "extra" copy of
/// the examples), then EXIT STATUS, ENVIRONMENT, EXAMPLES and SEE ALSO.
fn man_page(command: clap::Command, path: &str, see_also: &[String]) -> io::Result<Vec<u8>> {
    let examples = help::examples_of(path);
    // The synopsis as --help shows it: clap_mangen would list every flag.
    let usage = command.clone().render_usage().to_string();
    let usage = usage.trim_start_matches("Usage:").trim().to_owned();
    let command = command.override_usage(usage);
    // The date is left out so that the pages only change when the text does.
    let man = Man::new(command.clone())
        .date("")
        .source(format!("claude-cli {}", env!("CARGO_PKG_VERSION")))
        .manual("User Commands");
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    // No hyphenation: option names and paths must survive copy and paste.
    Roff::new().control("nh", []).to_writer(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    if command.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut out)?;
    }
    if command.get_subcommands().any(|c| !c.is_hide_set()) {
        man.render_subcommands_section(&mut out)?;
    }

    let mut roff = Roff::new();
    roff.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in help::exit_status_of(path).unwrap_or(help::EXIT_STATUS) {
        roff.control("TP", [])
            .text([bold(code.to_string())])
            .text([roman(*meaning)]);
    }
    roff.control("SH", ["ENVIRONMENT"]);
    for (name, meaning) in help::ENVIRONMENT {
        roff.control("TP", [])
            .text([bold(*name)])
            .text([roman(*meaning)]);
    }
    if !examples.is_empty() {
        roff.control("SH", ["EXAMPLES"]);
        for example in examples {
            // Unfilled, so a long command line is never broken or hyphenated.
            roff.control("TP", [])
                .text([roman(format!("{}:", example.what))])
                .control("nf", [])
                .text([bold(example.command)])
                .control("fi", []);
        }
    }
    roff.control("SH", ["SEE ALSO"]);
    let mut line = Vec::new();
    for (i, name) in see_also.iter().enumerate() {
        if i > 0 {
            line.push(roman(", "));
        }
        line.push(bold(name.as_str()));
        line.push(roman("(1)"));
    }
    roff.text(line);
    roff.to_writer(&mut out)?;
    Ok(out)
}
