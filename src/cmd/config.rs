//! `claude config path` and `claude config show`: where the config file is,
//! and every setting in effect with where it came from. The key is never
//! shown.

use std::io::{self, Write};
use std::path::Path;

use crate::api::Credential;
use crate::catalog;
use crate::cli::{ConfigAction, ConfigArgs, DEFAULT_API_VERSION, DEFAULT_BASE_URL};
use crate::config::{Config, OutputName, RenderName, ThemeName};
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::input;
use crate::settings::{self, Connection, DEFAULT_MAX_TOKENS, Source};

pub fn run(
    args: ConfigArgs,
    connection: &Connection,
    config: &Config,
    path: Option<&Path>,
    env: impl Fn(&str) -> Option<String>,
) -> Result<ExitCode> {
    match args.action {
        ConfigAction::Path => print_path(path),
        ConfigAction::Show => {
            let mut out = io::stdout().lock();
            show(&mut out, connection, config, path, env)
                .and_then(|()| out.flush())
                .map_err(Error::Output)?;
            Ok(ExitCode::Success)
        }
    }
}

/// `claude config path`: where the file is looked for, present or not.
pub fn print_path(path: Option<&Path>) -> Result<ExitCode> {
    let Some(path) = path else {
        return Err(Error::Usage(
            "no config directory: set XDG_CONFIG_HOME or HOME".into(),
        ));
    };
    let mut out = io::stdout().lock();
    writeln!(out, "{}", path.display())
        .and_then(|()| out.flush())
        .map_err(Error::Output)?;
    Ok(ExitCode::Success)
}

/// TOML-like lines, each with its source in a comment, so a line can be
/// copied into the config file.
fn show(
    out: &mut impl Write,
    connection: &Connection,
    config: &Config,
    path: Option<&Path>,
    env: impl Fn(&str) -> Option<String>,
) -> io::Result<()> {
    let file = match path {
        Some(path) if path.is_file() => format!("{} (read)", path.display()),
        Some(path) => format!("{} (not present)", path.display()),
        None => "none (no XDG_CONFIG_HOME or HOME)".to_owned(),
    };
    writeln!(out, "# config file: {file}")?;

    let from_env = env("ANTHROPIC_MODEL");
    let (model, source) = settings::choose_model(from_env.as_deref(), config);
    let source = match source {
        Source::Given => "ANTHROPIC_MODEL",
        Source::ConfigFile => "config file",
        Source::BuiltIn => "built-in",
    };
    let resolved = catalog::resolve_model(model);
    let alias = if resolved == model {
        String::new()
    } else {
        format!(", alias {model}")
    };
    writeln!(out, "model = {resolved:?}  # {source}{alias}")?;
    let (max_tokens, source) = match config.max_tokens {
        Some(n) => (n, "config file"),
        None => (DEFAULT_MAX_TOKENS, "built-in"),
    };
    writeln!(out, "max_tokens = {max_tokens}  # {source}")?;
    match &config.system {
        Some(system) => writeln!(out, "system = {system:?}  # config file")?,
        None => writeln!(out, "# system: none")?,
    }
    let output = match config.output {
        Some(OutputName::Text) => "\"text\"  # config file",
        Some(OutputName::Json) => "\"json\"  # config file",
        Some(OutputName::StreamJson) => "\"stream-json\"  # config file",
        None => "\"text\"  # built-in",
    };
    writeln!(out, "output = {output}")?;
    let render = match config.render {
        Some(RenderName::Auto) => "\"auto\"  # config file",
        Some(RenderName::Always) => "\"always\"  # config file",
        Some(RenderName::Never) => "\"never\"  # config file",
        None => "\"auto\"  # built-in",
    };
    writeln!(out, "render = {render}")?;
    let theme = match config.theme {
        Some(ThemeName::Auto) => "\"auto\"  # config file",
        Some(ThemeName::Dark) => "\"dark\"  # config file",
        Some(ThemeName::Light) => "\"light\"  # config file",
        None => "\"auto\"  # built-in",
    };
    writeln!(out, "theme = {theme}")?;
    match config.max_request_bytes {
        Some(limit) => writeln!(out, "max_request_bytes = {limit}  # config file")?,
        None => writeln!(
            out,
            "max_request_bytes = {}  # built-in: the API's limit",
            input::MAX_REQUEST_BYTES
        )?,
    }
    // Read as clap reads it for --no-log: anything but a "no" turns it on.
    let no_log = env("CLAUDE_NO_LOG").filter(|v| {
        !matches!(
            v.trim().to_ascii_lowercase().as_str(),
            "" | "0" | "n" | "no" | "f" | "false" | "off"
        )
    });
    let log = match (no_log, config.log) {
        (Some(_), _) => "false  # CLAUDE_NO_LOG",
        (None, Some(true)) => "true  # config file",
        (None, Some(false)) => "false  # config file",
        (None, None) => "true  # built-in",
    };
    writeln!(out, "log = {log}")?;
    match crate::ledger::default_path(&env) {
        Some(path) => writeln!(out, "# ledger: {}", path.display())?,
        None => writeln!(out, "# ledger: none (no XDG_DATA_HOME or HOME)")?,
    }

    let client = &connection.client;
    let credential = match (&client.credential, &connection.key_source) {
        (Some(Credential::ApiKey(_)), Some(source)) => {
            format!("<redacted>, sent as x-api-key  # {source}")
        }
        (Some(Credential::BearerToken(_)), Some(source)) => {
            format!("<redacted>, sent as Authorization: Bearer  # {source}")
        }
        (None, Some(source)) => {
            format!("from {source}, run when a request needs it, sent as x-api-key")
        }
        _ => "none: requests fail with exit 6".to_owned(),
    };
    writeln!(out, "# key: {credential}")?;
    // A proxy's credentials in the URL are as secret as the key.
    let base_url = crate::secrets::redact_url(&client.base_url);
    let source = |variable: &str, value: &str, default: &str| match env(variable) {
        Some(set) if set.trim() == value.trim_end_matches('/') || set.trim() == value => {
            variable.to_owned()
        }
        _ if value.trim_end_matches('/') == default => "built-in".to_owned(),
        _ => format!(
            "--{}",
            variable
                .trim_start_matches("ANTHROPIC_")
                .to_lowercase()
                .replace('_', "-")
        ),
    };
    writeln!(
        out,
        "# base_url: {base_url}  # {}",
        source(
            "ANTHROPIC_BASE_URL",
            client.base_url.as_str(),
            DEFAULT_BASE_URL
        )
    )?;
    writeln!(
        out,
        "# api_version: {}  # {}",
        client.api_version,
        source(
            "ANTHROPIC_API_VERSION",
            &client.api_version,
            DEFAULT_API_VERSION
        )
    )?;

    let budget = env(settings::BUDGET_ENV)
        .filter(|v| !v.trim().is_empty())
        .map(|v| format!("daily_usd = {}  # {}", v.trim(), settings::BUDGET_ENV))
        .or_else(|| {
            config
                .budget
                .daily_usd
                .map(|usd| format!("daily_usd = {usd}  # config file"))
        });
    writeln!(out, "\n[budget]")?;
    writeln!(out, "{}", budget.as_deref().unwrap_or("# daily_usd: none"))?;

    writeln!(out, "\n[aliases]")?;
    for (alias, id) in catalog::builtin_aliases() {
        if !config.aliases.contains_key(*alias) {
            writeln!(out, "{alias} = {id:?}  # built-in")?;
        }
    }
    for (alias, id) in &config.aliases {
        writeln!(out, "{alias} = {id:?}  # config file")?;
    }
    for (model, entry) in &config.prices {
        let price = entry.price();
        writeln!(
            out,
            "\n[prices.{model}]  # config file; USD per million tokens"
        )?;
        writeln!(out, "input = {}", price.input)?;
        writeln!(out, "output = {}", price.output)?;
        writeln!(out, "cache_write_5m = {}", price.cache_write_5m)?;
        writeln!(out, "cache_write_1h = {}", price.cache_write_1h)?;
        writeln!(out, "cache_read = {}", price.cache_read)?;
        writeln!(out, "batch_discount = {}", price.batch_discount)?;
    }
    Ok(())
}
