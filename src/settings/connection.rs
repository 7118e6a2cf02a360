//! The connection settings: where requests go (base URL, proxies), with
//! which credential, how they are retried, timed and logged.

use std::sync::OnceLock;
use std::time::Duration;

use reqwest::Url;

use super::header_safe;
use crate::api::proxy::Proxies;
use crate::api::retry::RetryPolicy;
use crate::api::{ClientConfig, Credential, Deadline};
use crate::catalog;
use crate::cli::{ConnectionArgs, DEFAULT_API_VERSION, DEFAULT_BASE_URL, Origin};
use crate::credentials::{self, KeySource};
use crate::error::Error;
use crate::secrets;

/// How much of each HTTP attempt to log on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LogLevel {
    Off,
    /// One line per attempt, response and retry.
    Info,
    /// Also the headers (secrets redacted) and the start of the body.
    Debug,
}

/// Resolved connection settings.
#[derive(Debug, Clone)]
pub struct Connection {
    /// The client's settings as resolved; its credential is `None` when the
    /// key comes from `api_key_command`, so clients are built from
    /// [`Connection::client_config`], never from this.
    pub client: ClientConfig,
    pub log: LogLevel,
    /// Both `ANTHROPIC_API_KEY` and `ANTHROPIC_AUTH_TOKEN` were set; the key
    /// is used. Worth a line in the log.
    pub both_credentials: bool,
    /// Where the credential comes from; `None` when there is none.
    pub key_source: Option<KeySource>,
    /// The config file's `api_key_command`, run only when a command first
    /// needs the key (never for `--dry-run` or `config show`).
    key_command: Option<String>,
    from_command: OnceLock<Credential>,
    /// What the user should be told about how the settings were read.
    pub notes: Vec<String>,
    /// What set the base URL: the flag, the variable, or nothing.
    pub base_url_setting: Setting,
}

/// What set a connection setting, named as the user would write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    Flag(&'static str),
    Variable(&'static str),
    BuiltIn,
}

impl Setting {
    fn of(origin: Origin, flag: &'static str, variable: &'static str) -> Setting {
        match origin {
            Origin::CommandLine => Setting::Flag(flag),
            Origin::Environment => Setting::Variable(variable),
            Origin::BuiltIn => Setting::BuiltIn,
        }
    }

    /// The flag or variable, for a message that says what to fix.
    pub fn name(self) -> Option<&'static str> {
        match self {
            Setting::Flag(name) | Setting::Variable(name) => Some(name),
            Setting::BuiltIn => None,
        }
    }
}

/// The base URL (`--base-url`, else `ANTHROPIC_BASE_URL` when not blank,
/// else the API's), and what set it. Errors name what set it.
fn base_url(args: &ConnectionArgs) -> Result<(Url, Setting), Error> {
    let mut setting = Setting::of(args.base_url_origin, "--base-url", "ANTHROPIC_BASE_URL");
    let mut text = args.base_url.trim();
    if text.is_empty() && setting == Setting::Variable("ANTHROPIC_BASE_URL") {
        (text, setting) = (DEFAULT_BASE_URL, Setting::BuiltIn);
    }
    let name = setting.name().unwrap_or("--base-url");
    let url = Url::parse(text)
        .ok()
        .filter(|url| matches!(url.scheme(), "http" | "https") && url.has_host())
        .ok_or_else(|| {
            Error::Usage(format!(
                "{name}: `{}` is not an http(s) URL",
                secrets::scrub(text)
            ))
        })?;
    // Registers its password, if any.
    secrets::redact_url(&url);
    // Requests go to BASE/v1/messages: a base that names an endpoint
    // (http://host/v1/messages, copied from the API docs) would make
    // /v1/messages/v1/messages. Only the API's own paths count: a gateway's
    // base may hold /v1/ of its own (https://gateway.example/v1/ACCOUNT/anthropic).
    let path = url.path();
    if let Some(at) = path.rfind("/v1/")
        && let Some(endpoint) = path[at + "/v1/".len()..].split('/').next()
        && API_PATHS.contains(&endpoint)
    {
        let mut root = url.clone();
        root.set_path(&path[..at]);
        root.set_query(None);
        return Err(Error::Usage(format!(
            "{name}: `{}` names an API path; give the server's root, {} (claude adds \
             /v1/messages and the other paths itself)",
            secrets::scrub(url.as_str()),
            secrets::scrub(root.as_str().trim_end_matches('/'))
        )));
    }
    Ok((url, setting))
}

/// The first segment of the API's paths after /v1/.
const API_PATHS: &[&str] = &["messages", "models", "files", "complete"];

/// A base that already ends in /v1 (as OpenAI-style tools want it) would
/// make /v1/v1/messages: the /v1 is dropped, with a note.
fn drop_trailing_v1(mut url: Url, notes: &mut Vec<String>) -> Url {
    if let Some(prefix) = url.path().trim_end_matches('/').strip_suffix("/v1") {
        let prefix = prefix.to_owned();
        url.set_path(&prefix);
        notes.push(format!(
            "the base URL's trailing /v1 was dropped (claude adds it to each path): using {}",
            secrets::scrub(url.as_str().trim_end_matches('/'))
        ));
    }
    url
}

/// The `anthropic-version` header: `--api-version`, else
/// `ANTHROPIC_API_VERSION` when not blank, else the current version.
fn api_version(args: &ConnectionArgs) -> Result<String, Error> {
    let setting = Setting::of(
        args.api_version_origin,
        "--api-version",
        "ANTHROPIC_API_VERSION",
    );
    let version = args.api_version.trim();
    let name = setting.name().unwrap_or("--api-version");
    if version.is_empty() {
        return match setting {
            Setting::Variable(_) => Ok(DEFAULT_API_VERSION.to_owned()),
            _ => Err(Error::Usage(format!("{name} must not be empty"))),
        };
    }
    header_safe(version, name)
}

impl Connection {
    /// `env` reads an environment variable (injected so tests need not touch
    /// the process environment). The credential is, first found:
    /// `--api-key` or `ANTHROPIC_API_KEY`, `ANTHROPIC_API_KEY_FILE`,
    /// `ANTHROPIC_AUTH_TOKEN`, then the config file's `api_key_command`
    /// (see [`Connection::set_key_command`]).
    pub fn resolve(
        args: &ConnectionArgs,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Connection, Error> {
        let non_empty = |value: Option<String>| value.filter(|v| !v.trim().is_empty());
        let key = args
            .api_key
            .clone()
            .map(|key| {
                key.into_string().map_err(|_| {
                    Error::Usage(
                        "the API key (--api-key / ANTHROPIC_API_KEY) is not valid UTF-8 text: \
                         check how it was set"
                            .into(),
                    )
                })
            })
            .transpose()?;
        let mut key = non_empty(key)
            .map(|key| header_safe(key.trim(), "the API key (--api-key / ANTHROPIC_API_KEY)"))
            .transpose()?
            .map(|key| {
                let from_env = env("ANTHROPIC_API_KEY").is_some_and(|v| v.trim() == key);
                let source = if from_env {
                    KeySource::Environment
                } else {
                    KeySource::Flag
                };
                (key, source)
            });
        if key.is_none()
            && let Some(path) = non_empty(env("ANTHROPIC_API_KEY_FILE"))
        {
            let path = std::path::PathBuf::from(path.trim());
            let file_key = credentials::read_key_file(&path)?;
            let file_key = header_safe(&file_key, "the key in ANTHROPIC_API_KEY_FILE")?;
            key = Some((file_key, KeySource::File(path)));
        }
        let token = non_empty(env("ANTHROPIC_AUTH_TOKEN"))
            .map(|token| header_safe(token.trim(), "ANTHROPIC_AUTH_TOKEN"))
            .transpose()?;
        let both_credentials = key.is_some() && token.is_some();
        let (credential, key_source) = match (key, token) {
            (Some((key, source)), _) => (Some(Credential::ApiKey(key)), Some(source)),
            (None, Some(token)) => (
                Some(Credential::BearerToken(token)),
                Some(KeySource::AuthToken),
            ),
            (None, None) => (None, None),
        };
        if let Some(Credential::ApiKey(secret) | Credential::BearerToken(secret)) = &credential {
            secrets::register(secret);
        }

        let (base_url, base_url_setting) = base_url(args)?;
        let mut notes = Vec::new();
        let base_url = drop_trailing_v1(base_url, &mut notes);
        let api_version = api_version(args)?;

        let log = match (args.verbose, env("ANTHROPIC_LOG").as_deref().map(str::trim)) {
            (2.., _) | (_, Some("debug")) => LogLevel::Debug,
            (1, _) | (_, Some("info")) => LogLevel::Info,
            _ => LogLevel::Off,
        };

        Ok(Connection {
            client: ClientConfig {
                base_url,
                credential,
                api_version,
                retry: RetryPolicy {
                    max_retries: args.max_retries,
                    max_wait: Duration::from_secs_f64(args.max_retry_wait),
                },
                timeout: Duration::from_secs_f64(args.timeout),
                deadline: args
                    .max_time
                    .map(|secs| Deadline::after(Duration::from_secs_f64(secs))),
                proxies: Proxies::from_env(&env).map_err(Error::Usage)?,
                fallback_model: non_empty(args.fallback_model.clone())
                    .map(|m| catalog::resolve_model(m.trim())),
            },
            log,
            both_credentials,
            notes,
            base_url_setting,
            key_source,
            key_command: None,
            from_command: OnceLock::new(),
        })
    }

    /// The config file's `api_key_command`: the last source of a key, used
    /// when no other gave one.
    pub fn set_key_command(&mut self, command: Option<String>) {
        if self.client.credential.is_none() {
            self.key_source = command.as_ref().map(|_| KeySource::Command);
            self.key_command = command;
        }
    }

    /// Fails with exit 6 when there is no credential. Runs `api_key_command`
    /// the first time it is needed.
    pub fn require_credential(&self) -> Result<(), Error> {
        if self.client.credential.is_some() || self.from_command.get().is_some() {
            return Ok(());
        }
        let Some(command) = &self.key_command else {
            return Err(Error::MissingKey);
        };
        let key = credentials::run_key_command(command)?;
        let key = header_safe(&key, "the key printed by api_key_command")?;
        secrets::register(&key);
        let _ = self.from_command.set(Credential::ApiKey(key));
        Ok(())
    }

    /// Whether a credential is set or can be fetched, without fetching it.
    pub fn has_credential_source(&self) -> bool {
        self.key_source.is_some()
    }

    /// The client's settings, with the key from `api_key_command` once
    /// [`Connection::require_credential`] has run it.
    pub fn client_config(&self) -> ClientConfig {
        let mut config = self.client.clone();
        if config.credential.is_none() {
            config.credential = self.from_command.get().cloned();
        }
        config
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::Parser;

    fn connection(args: &[&str], env: &[(&str, &str)]) -> Result<Connection, Error> {
        let mut argv = vec!["claude"];
        argv.extend_from_slice(args);
        let cli = Cli::try_parse_from(argv).unwrap();
        Connection::resolve(&cli.connection, |name| {
            env.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn an_api_key_wins_over_a_bearer_token() {
        let both =
            connection(&["--api-key", "k", "ask"], &[("ANTHROPIC_AUTH_TOKEN", "t")]).unwrap();
        assert_eq!(both.client.credential, Some(Credential::ApiKey("k".into())));
        assert!(both.both_credentials);
        let token = connection(&["ask"], &[("ANTHROPIC_AUTH_TOKEN", "t")]).unwrap();
        assert_eq!(
            token.client.credential,
            Some(Credential::BearerToken("t".into()))
        );
        let none = connection(&["--api-key", " ", "ask"], &[]).unwrap();
        assert!(matches!(none.require_credential(), Err(Error::MissingKey)));
    }

    #[test]
    fn header_values_with_control_characters_are_usage_errors() {
        assert!(matches!(
            connection(&["--api-key", "sk\u{1}x", "ask"], &[]),
            Err(Error::Usage(_))
        ));
        assert!(matches!(
            connection(&["--api-version", "x\u{7f}", "ask"], &[]),
            Err(Error::Usage(_))
        ));
        assert!(
            connection(&["ask"], &[("ANTHROPIC_AUTH_TOKEN", "t\n")]).is_ok(),
            "trimmed"
        );
    }

    #[test]
    fn base_urls_must_be_http() {
        assert!(connection(&["--base-url", "ftp://x", "ask"], &[]).is_err());
        assert!(connection(&["--base-url", "not a url", "ask"], &[]).is_err());
        assert!(connection(&["--base-url", "http://127.0.0.1:9/prefix", "ask"], &[]).is_ok());
    }

    #[test]
    fn a_base_url_may_not_name_an_api_endpoint_but_a_gateway_s_v1_is_fine() {
        for endpoint in [
            "v1/messages",
            "v1/messages/batches",
            "x/v1/models/",
            "v1/files",
        ] {
            let url = format!("http://h/{endpoint}");
            assert!(
                matches!(
                    connection(&["--base-url", &url, "ask"], &[]),
                    Err(Error::Usage(_))
                ),
                "{url}"
            );
        }
        let gateway = connection(
            &[
                "--base-url",
                "https://gw.example/v1/acct/gw/anthropic",
                "ask",
            ],
            &[],
        )
        .unwrap();
        assert_eq!(
            gateway.client.base_url.as_str(),
            "https://gw.example/v1/acct/gw/anthropic"
        );
    }

    #[test]
    fn log_level_comes_from_flags_or_anthropic_log() {
        assert_eq!(connection(&["ask"], &[]).unwrap().log, LogLevel::Off);
        assert_eq!(connection(&["-v", "ask"], &[]).unwrap().log, LogLevel::Info);
        assert_eq!(
            connection(&["-vv", "ask"], &[]).unwrap().log,
            LogLevel::Debug
        );
        assert_eq!(
            connection(&["ask"], &[("ANTHROPIC_LOG", "debug")])
                .unwrap()
                .log,
            LogLevel::Debug
        );
        assert_eq!(
            connection(&["ask"], &[("ANTHROPIC_LOG", "warn")])
                .unwrap()
                .log,
            LogLevel::Off
        );
    }
}
