//! What Tab offers for values no fixed list holds, for clap's dynamic
//! completion (`COMPLETE=bash claude -- ...`, registered by `claude
//! completions SHELL`): model names for `-m`, saved sessions for
//! `--session`, `--show` and `--delete`.

use clap_complete::CompletionCandidate;

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
