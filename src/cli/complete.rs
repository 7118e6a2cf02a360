//! What Tab offers for values no fixed list holds, for clap's dynamic
//! completion (`COMPLETE=bash claude -- ...`, registered by `claude
//! completions SHELL`): model names for `-m`, saved sessions for
//! `--session`, `--show` and `--delete`.

use clap::CommandFactory;
use clap_complete::CompletionCandidate;

use super::Cli;

/// The command Tab completes against: the real one, with `ask`'s options
/// known before any subcommand as well, since the bare-prompt rule takes
/// them there (`claude -m <Tab>` offers models, `claude -m haiku <Tab>`
/// the subcommands).
pub fn command() -> clap::Command {
    let mut root = Cli::command();
    root.build();
    let ask = root
        .find_subcommand("ask")
        .expect("ask is a subcommand")
        .clone();
    let known: Vec<clap::Id> = root
        .get_arguments()
        .map(|arg| arg.get_id().clone())
        .collect();
    for arg in ask.get_arguments() {
        if !arg.is_positional() && !known.contains(arg.get_id()) {
            root = root.arg(arg.clone().global(false));
        }
    }
    root
}

/// The aliases (the config file's too) with the ids they stand for, then
/// every model id the price table knows.
pub fn models() -> Vec<CompletionCandidate> {
    let config = crate::config::path(|name| std::env::var(name).ok(), dirs::home_dir)
        .and_then(|path| crate::config::load(Some(&path)).ok())
        .unwrap_or_default();
    crate::catalog::install_overrides(config.aliases.clone(), Default::default());
    let aliases = crate::catalog::alias_names().into_iter().map(|alias| {
        let id = crate::catalog::resolve_model(&alias);
        CompletionCandidate::new(alias).help(Some(id.into()))
    });
    let ids = crate::catalog::known_models().map(CompletionCandidate::new);
    aliases.chain(ids).collect()
}

/// The saved sessions, the most recent first.
pub fn sessions() -> Vec<CompletionCandidate> {
    crate::session::Store::default_location()
        .and_then(|store| store.list())
        .map(|entries| {
            entries
                .into_iter()
                .map(|entry| CompletionCandidate::new(entry.name))
                .collect()
        })
        .unwrap_or_default()
}
