//! The config file: `$XDG_CONFIG_HOME/claude-cli/config.toml` (or
//! `~/.config/claude-cli/config.toml`). It holds defaults below flags and
//! environment variables: the model, max_tokens, the system prompt, the
//! output format, Markdown rendering and its theme, a command that prints
//! the API key, whether to keep the run ledger, the daily budget and a
//! spending ceiling per run, model aliases of your own, price-table
//! overrides, the server tools every request gets, and the local tools
//! that may run without asking.
//!
//! ```toml
//! model = "haiku"
//! max_tokens = 2048
//! system = "Answer briefly."
//! output = "text"
//! render = "auto"
//! theme = "light"
//! max_request_bytes = 67108864   # a gateway that accepts more than 32 MB
//! log = true
//!
//! [budget]
//! daily_usd = 5.0
//! max_cost = 0.50            # USD one run may spend, as --max-cost
//!
//! [aliases]
//! fast = "claude-haiku-4-5"
//!
//! [prices.claude-sonnet-5]   # USD per million tokens
//! input = 2.0
//! output = 10.0
//!
//! [tools]
//! web_search = true          # or a number: at most that many searches
//! domains = ["docs.rs"]
//! max_continuations = 5
//! allow = ["word_count"]     # local tools that run without asking, or ["all"]
//!
//! [tools.mcp]                 # token from CLAUDE_MCP_TOKEN_DOCS
//! docs = "https://mcp.example.com/mcp"
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::catalog::Price;
use crate::error::Error;

/// The file's contents. Unknown keys are errors, so a typo is caught.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub model: Option<String>,
    pub max_tokens: Option<u32>,
    pub system: Option<String>,
    pub output: Option<OutputName>,
    pub render: Option<RenderName>,
    pub theme: Option<ThemeName>,
    /// A shell command that prints the API key (`pass show anthropic`),
    /// used when no flag or environment variable gives one.
    pub api_key_command: Option<String>,
    /// The largest request the server takes, for a gateway that accepts
    /// more than the API's 32 MB: input over it is refused before sending.
    pub max_request_bytes: Option<usize>,
    /// `false`: keep no run in the ledger.
    pub log: Option<bool>,
    #[serde(default)]
    pub budget: BudgetSection,
    #[serde(default)]
    pub aliases: BTreeMap<String, String>,
    #[serde(default)]
    pub prices: BTreeMap<String, PriceEntry>,
    #[serde(default)]
    pub tools: ToolsConfig,
}

/// `[tools]`: server tools turned on for every request, as the flags of
/// the same names would (a flag given wins over its key here), and the
/// local tools allowed to run without asking.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ToolsConfig {
    pub web_search: Option<ToolSwitch>,
    pub web_fetch: Option<ToolSwitch>,
    pub domains: Option<Vec<String>>,
    pub block_domains: Option<Vec<String>>,
    pub code_exec: Option<bool>,
    /// NAME = URL, as `--mcp NAME=URL`.
    #[serde(default)]
    pub mcp: BTreeMap<String, String>,
    pub max_continuations: Option<u32>,
    /// Local tools that run without asking (`"all"`: every one), as
    /// `--allow` would; `--deny` still wins.
    #[serde(default)]
    pub allow: Vec<String>,
}

/// `true`/`false`, or a number: on, with at most that many uses.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum ToolSwitch {
    On(bool),
    MaxUses(u32),
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum OutputName {
    Text,
    Json,
    StreamJson,
}

/// `render`: when Markdown is rendered (as `--render`).
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum RenderName {
    Auto,
    Always,
    Never,
}

/// `theme`: the colours of rendered Markdown (as `--theme`).
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    Auto,
    Dark,
    Light,
}

/// `[budget]`: spending limits.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BudgetSection {
    /// USD a local day may spend; at it, requests are refused (exit 12).
    pub daily_usd: Option<f64>,
    /// USD one run may spend, as `--max-cost`.
    pub max_cost: Option<f64>,
}

/// A price-table row, USD per million tokens. Cache and batch figures
/// default to the API's rules: 5-minute writes 1.25× input, 1-hour writes
/// 2×, reads 0.1×, batches half price.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PriceEntry {
    pub input: f64,
    pub output: f64,
    pub cache_write_5m: Option<f64>,
    pub cache_write_1h: Option<f64>,
    pub cache_read: Option<f64>,
    pub batch_discount: Option<f64>,
}

impl PriceEntry {
    pub fn price(&self) -> Price {
        Price {
            input: self.input,
            cache_write_5m: self.cache_write_5m.unwrap_or(self.input * 1.25),
            cache_write_1h: self.cache_write_1h.unwrap_or(self.input * 2.0),
            cache_read: self.cache_read.unwrap_or(self.input * 0.1),
            output: self.output,
            batch_discount: self.batch_discount.unwrap_or(0.5),
        }
    }
}

/// Where the file is looked for. `env` reads an environment variable;
/// `account_home` is the home directory of the user's account (the passwd
/// entry), for when `HOME` is unset, as chat's sessions find theirs.
pub fn path(
    env: impl Fn(&str) -> Option<String>,
    account_home: impl FnOnce() -> Option<PathBuf>,
) -> Option<PathBuf> {
    let base = env("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            env("HOME")
                .filter(|home| !home.is_empty())
                .map(PathBuf::from)
                .or_else(account_home)
                .map(|home| home.join(".config"))
        })?;
    Some(base.join("claude-cli").join("config.toml"))
}

/// Reads the file; a missing one is an empty config. A malformed one is a
/// usage error that names the file and the line.
pub fn load(path: Option<&Path>) -> Result<Config, Error> {
    let Some(path) = path else {
        return Ok(Config::default());
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => return Err(Error::Usage(format!("{}: {e}", path.display()))),
    };
    parse(&text).map_err(|why| Error::Usage(format!("{}: {why}", path.display())))
}

/// Parses config text; the error says where, on one line.
pub fn parse(text: &str) -> Result<Config, String> {
    let config: Config = toml::from_str(text).map_err(|e| {
        let message = e.message().trim().to_owned();
        match e.span() {
            Some(span) => {
                let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
                format!("line {line}: {message}")
            }
            None => message,
        }
    })?;
    if config
        .api_key_command
        .as_ref()
        .is_some_and(|command| command.trim().is_empty())
    {
        return Err("api_key_command must not be empty".into());
    }
    if config.max_tokens == Some(0) {
        return Err("max_tokens must be at least 1".into());
    }
    if config
        .model
        .as_ref()
        .is_some_and(|model| model.trim().is_empty())
    {
        return Err(
            "model is empty: name a model or an alias (model = \"haiku\"), or remove the \
             line for the default"
                .into(),
        );
    }
    for (key, switch) in [
        ("web_search", config.tools.web_search),
        ("web_fetch", config.tools.web_fetch),
    ] {
        if switch == Some(ToolSwitch::MaxUses(0)) {
            return Err(format!(
                "tools.{key}: a number of uses must be at least 1 (false turns it off)"
            ));
        }
    }
    if config
        .tools
        .max_continuations
        .is_some_and(|n| i64::from(n) > crate::cli::MAX_CONTINUATIONS)
    {
        return Err(format!(
            "tools.max_continuations: at most {}",
            crate::cli::MAX_CONTINUATIONS
        ));
    }
    if config.tools.domains.is_some() && config.tools.block_domains.is_some() {
        return Err("tools: give domains or block_domains, not both".into());
    }
    if let Some(usd) = config.budget.max_cost
        && !(usd.is_finite() && usd > 0.0)
    {
        return Err("budget.max_cost must be an amount of US dollars more than 0".into());
    }
    if config.max_request_bytes == Some(0) {
        return Err("max_request_bytes must be at least 1".into());
    }
    if let Some(budget) = config.budget.daily_usd
        && !(budget.is_finite() && budget >= 0.0)
    {
        return Err("budget.daily_usd must be a number of 0 or more".into());
    }
    for (name, price) in &config.prices {
        let figures = [
            Some(price.input),
            Some(price.output),
            price.cache_write_5m,
            price.cache_write_1h,
            price.cache_read,
            price.batch_discount,
        ];
        if figures.iter().flatten().any(|f| !f.is_finite() || *f < 0.0) {
            return Err(format!(
                "prices.{name}: prices must be numbers of 0 or more"
            ));
        }
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_config_parses() {
        let config = parse(
            r#"
model = "haiku"
max_tokens = 2048
system = "Be brief."
output = "stream-json"
render = "never"
theme = "light"
max_request_bytes = 67108864
log = false

[budget]
daily_usd = 2.5
max_cost = 0.25

[aliases]
fast = "claude-haiku-4-5"

[prices.my-model]
input = 4.0
output = 20.0

[tools]
web_search = 3
code_exec = true
domains = ["docs.rs"]
allow = ["word_count"]

[tools.mcp]
docs = "https://mcp.example.com/mcp"
"#,
        )
        .unwrap();
        assert_eq!(config.tools.web_search, Some(ToolSwitch::MaxUses(3)));
        assert_eq!(config.tools.web_fetch, None);
        assert_eq!(config.tools.code_exec, Some(true));
        assert_eq!(config.tools.mcp["docs"], "https://mcp.example.com/mcp");
        assert_eq!(config.model.as_deref(), Some("haiku"));
        assert_eq!(config.output, Some(OutputName::StreamJson));
        assert_eq!(config.render, Some(RenderName::Never));
        assert_eq!(config.theme, Some(ThemeName::Light));
        assert_eq!(config.max_request_bytes, Some(64 * 1024 * 1024));
        assert_eq!(
            (config.log, config.budget.daily_usd, config.budget.max_cost),
            (Some(false), Some(2.5), Some(0.25))
        );
        assert_eq!(config.tools.allow, ["word_count"]);
        assert_eq!(config.aliases["fast"], "claude-haiku-4-5");
        let price = config.prices["my-model"].price();
        assert_eq!(
            (
                price.cache_write_5m,
                price.cache_write_1h,
                price.cache_read,
                price.batch_discount
            ),
            (5.0, 8.0, 0.4, 0.5)
        );
    }

    #[test]
    fn errors_name_the_line() {
        let error = parse("model = \"x\"\nmax_tokens = \"lots\"\n").unwrap_err();
        assert!(error.starts_with("line 2: "), "{error}");
        let error = parse("model = \"x\"\n\nmodle = \"y\"\n").unwrap_err();
        assert!(
            error.starts_with("line 3: ") && error.contains("modle"),
            "{error}"
        );
        let error = parse("[prices.m]\ninput = -1.0\noutput = 1.0\n").unwrap_err();
        assert!(error.contains("prices.m"), "{error}");
        assert!(parse("model = \n").unwrap_err().starts_with("line 1: "));
        let error = parse("[tools]\nweb_search = 0\n").unwrap_err();
        assert!(error.contains("tools.web_search"), "{error}");
        let error = parse("[tools]\ndomains = [\"a\"]\nblock_domains = [\"b\"]\n").unwrap_err();
        assert!(error.contains("not both"), "{error}");
        let error = parse("[tools]\nmax_continuations = 101\n").unwrap_err();
        assert!(error.contains("at most 100"), "{error}");
        let error = parse("[tools]\nweb_serch = true\n").unwrap_err();
        assert!(error.starts_with("line 2: "), "{error}");
        assert!(parse("max_request_bytes = 0\n").is_err());
        assert!(parse("max_request_bytes = -1\n").is_err());
        let error = parse("[budget]\ndaily_usd = -1.0\n").unwrap_err();
        assert!(error.contains("budget.daily_usd"), "{error}");
        assert!(parse("[budget]\nmonthly = 1.0\n").is_err());
        let error = parse("[budget]\nmax_cost = 0\n").unwrap_err();
        assert!(error.contains("budget.max_cost"), "{error}");
        assert!(parse("[budget]\nmax_cost = nan\n").is_err());
    }

    #[test]
    fn the_path_follows_xdg_then_home() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        let account = || Some(PathBuf::from("/pw"));
        assert_eq!(
            path(env(&[("XDG_CONFIG_HOME", "/x"), ("HOME", "/h")]), account),
            Some(PathBuf::from("/x/claude-cli/config.toml"))
        );
        assert_eq!(
            path(
                env(&[("XDG_CONFIG_HOME", "relative"), ("HOME", "/h")]),
                account
            ),
            Some(PathBuf::from("/h/.config/claude-cli/config.toml"))
        );
        // Without HOME, the account's home directory, as chat does.
        assert_eq!(
            path(env(&[]), account),
            Some(PathBuf::from("/pw/.config/claude-cli/config.toml"))
        );
        assert_eq!(path(env(&[]), || None), None);
    }
}
