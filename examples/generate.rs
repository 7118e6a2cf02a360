//! Regenerates, from the command-line definition, the shell completions
//! under `completions/`, the man pages under `man/`, and the help snapshots
//! under `tests/snapshots/` that the tests compare `--help` against. Run
//! from the repository root after changing the command line:
//!
//!     cargo run --example generate

use std::path::{Path, PathBuf};

use clap::CommandFactory;
use claude_cli::cli::Cli;

fn main() -> std::io::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = claude_cli::generate::files()?;
    let mut command = Cli::command();
    // Built, so subcommands know their full name (`claude ask`).
    command.build();
    files.push((
        PathBuf::from("tests/snapshots/help.txt"),
        command.render_long_help().to_string().into_bytes(),
    ));
    let ask = command
        .find_subcommand_mut("ask")
        .expect("ask is a subcommand");
    files.push((
        PathBuf::from("tests/snapshots/ask-help.txt"),
        ask.render_long_help().to_string().into_bytes(),
    ));
    for (path, contents) in files {
        let path = root.join(path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        if std::fs::read(&path).is_ok_and(|old| old == contents) {
            continue;
        }
        std::fs::write(&path, &contents)?;
        println!(
            "wrote {}",
            path.strip_prefix(root).unwrap_or(&path).display()
        );
    }
    Ok(())
}
