//! Server tools, resolved: the tool flags over the config file's `[tools]`,
//! checked before anything is sent, and turned into what a request carries
//! (the `tools` entries, the `mcp_servers` with their tokens, and the beta
//! the MCP connector needs).

use reqwest::Url;
use serde::{Deserialize, Serialize};

use crate::api::types::{McpServer, McpServerKind, ToolDefinition, WebOptions};
use crate::cli::ServerToolArgs;
use crate::config::{ToolSwitch, ToolsConfig};
use crate::error::Error;
use crate::secrets;

/// The beta that turns on the MCP connector: the newest in the SDK 2.12
/// list, and the one its docs name for `mcp_toolset` tools.
pub const MCP_BETA: &str = "mcp-client-2026-09-15";

/// Where an MCP server's token is read from: this prefix and its NAME.
const MCP_TOKEN_PREFIX: &str = "CLAUDE_MCP_TOKEN_";

/// The server tools a request offers. A chat session keeps this (never the
/// tokens, which are read again from the environment on every run).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerTools {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web_search: Option<Uses>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web_fetch: Option<Uses>,
    /// Where the web tools may go.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domains: Option<Domains>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub code_execution: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mcp: Vec<McpEntry>,
}

/// A web tool turned on, with its `max_uses` when it is limited.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Uses {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_uses: Option<u32>,
}

/// `allowed_domains` or `blocked_domains`: the API takes one or the other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Domains {
    Allowed(Vec<String>),
    Blocked(Vec<String>),
}

/// A remote MCP server: its name in the request, and its https URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct McpEntry {
    pub name: String,
    pub url: String,
}

impl ServerTools {
    /// Flags first, then the config file, key by key; `--no-default-tools`
    /// leaves the config file's out.
    pub fn resolve(args: &ServerToolArgs, config: &ToolsConfig) -> Result<ServerTools, Error> {
        let empty = ToolsConfig::default();
        let config = if args.no_default_tools {
            &empty
        } else {
            config
        };
        let from_config = |switch: Option<ToolSwitch>| match switch {
            None | Some(ToolSwitch::On(false)) => None,
            Some(ToolSwitch::On(true)) => Some(Uses::default()),
            Some(ToolSwitch::MaxUses(n)) => Some(Uses { max_uses: Some(n) }),
        };
        let web_search = args
            .web_search
            .map(|max_uses| Uses { max_uses })
            .or_else(|| from_config(config.web_search));
        let web_fetch = args
            .web_fetch
            .map(|max_uses| Uses { max_uses })
            .or_else(|| from_config(config.web_fetch));
        let domains = match (&args.domains[..], &args.block_domains[..]) {
            ([], []) => match (&config.domains, &config.block_domains) {
                (Some(allowed), _) => Some(Domains::Allowed(domain_list(allowed, "domains")?)),
                (None, Some(blocked)) => {
                    Some(Domains::Blocked(domain_list(blocked, "block_domains")?))
                }
                (None, None) => None,
            },
            (allowed, []) => Some(Domains::Allowed(domain_list(allowed, "--domains")?)),
            ([], blocked) => Some(Domains::Blocked(domain_list(blocked, "--block-domains")?)),
            _ => {
                return Err(Error::Usage(
                    "give --domains or --block-domains, not both: the API takes one list or \
                     the other"
                        .into(),
                ));
            }
        };
        if domains.is_some() && web_search.is_none() && web_fetch.is_none() {
            return Err(Error::Usage(
                "--domains and --block-domains apply to the web tools: add --web-search or \
                 --web-fetch"
                    .into(),
            ));
        }
        let mcp = if args.mcp.is_empty() {
            config
                .mcp
                .iter()
                .map(|(name, url)| mcp_entry(name, url, &format!("tools.mcp.{name}")))
                .collect::<Result<Vec<_>, _>>()?
        } else {
            args.mcp
                .iter()
                .map(|given| match given.split_once('=') {
                    Some((name, url)) => mcp_entry(name, url, &format!("--mcp {given}")),
                    None => Err(Error::Usage(format!(
                        "--mcp {given}: expected NAME=URL, such as docs=https://mcp.example.com/mcp"
                    ))),
                })
                .collect::<Result<Vec<_>, _>>()?
        };
        if let Some(twice) = mcp
            .iter()
            .enumerate()
            .find(|(i, entry)| mcp[..*i].iter().any(|e| e.name == entry.name))
        {
            return Err(Error::Usage(format!(
                "--mcp: the name {} is given twice; each server needs its own",
                twice.1.name
            )));
        }
        Ok(ServerTools {
            web_search,
            web_fetch,
            domains,
            code_execution: args.code_exec || config.code_exec == Some(true),
            mcp,
        })
    }

    pub fn is_empty(&self) -> bool {
        *self == ServerTools::default()
    }

    /// The request's `tools` entries.
    pub fn definitions(&self) -> Vec<ToolDefinition> {
        let web = |uses: Uses| WebOptions {
            max_uses: uses.max_uses,
            allowed_domains: match &self.domains {
                Some(Domains::Allowed(list)) => Some(list.clone()),
                _ => None,
            },
            blocked_domains: match &self.domains {
                Some(Domains::Blocked(list)) => Some(list.clone()),
                _ => None,
            },
        };
        let mut tools = Vec::new();
        tools.extend(
            self.web_search
                .map(|uses| ToolDefinition::web_search(web(uses))),
        );
        tools.extend(
            self.web_fetch
                .map(|uses| ToolDefinition::web_fetch(web(uses))),
        );
        if self.code_execution {
            tools.push(ToolDefinition::code_execution());
        }
        tools.extend(self.mcp.iter().map(|entry| ToolDefinition::McpToolset {
            mcp_server_name: entry.name.clone(),
        }));
        tools
    }

    /// The request's `mcp_servers`, each with the token from its
    /// `CLAUDE_MCP_TOKEN_<NAME>` variable (`env` reads one). Tokens are
    /// registered as secrets, so nothing printed shows them.
    pub fn mcp_servers(&self, env: impl Fn(&str) -> Option<String>) -> Vec<McpServer> {
        self.mcp
            .iter()
            .map(|entry| {
                let token = env(&token_variable(&entry.name))
                    .map(|token| token.trim().to_owned())
                    .filter(|token| !token.is_empty());
                if let Some(token) = &token {
                    secrets::register(token);
                }
                McpServer {
                    kind: McpServerKind::Url,
                    url: entry.url.clone(),
                    name: entry.name.clone(),
                    authorization_token: token,
                }
            })
            .collect()
    }

    /// The betas these tools need.
    pub fn betas(&self) -> Option<&'static str> {
        (!self.mcp.is_empty()).then_some(MCP_BETA)
    }
}

/// Whether any tool flag is on the command line: a resumed chat then
/// offers what they say instead of the tools it remembers.
pub fn given(args: &ServerToolArgs) -> bool {
    args.web_search.is_some()
        || args.web_fetch.is_some()
        || !args.domains.is_empty()
        || !args.block_domains.is_empty()
        || args.code_exec
        || !args.mcp.is_empty()
        || args.no_default_tools
}

/// `CLAUDE_MCP_TOKEN_` and the name upper-cased, `-` as `_`.
fn token_variable(name: &str) -> String {
    format!(
        "{MCP_TOKEN_PREFIX}{}",
        name.to_ascii_uppercase().replace('-', "_")
    )
}

/// Domain names, without blanks; a URL is refused, as the API matches
/// names (`docs.rs`, `example.com/blog`).
fn domain_list(list: &[String], what: &str) -> Result<Vec<String>, Error> {
    let domains: Vec<String> = list
        .iter()
        .map(|d| d.trim())
        .filter(|d| !d.is_empty())
        .map(str::to_owned)
        .collect();
    if domains.is_empty() {
        return Err(Error::Usage(format!("{what}: no domain given")));
    }
    if let Some(bad) = domains
        .iter()
        .find(|d| d.contains("://") || d.contains(char::is_whitespace))
    {
        return Err(Error::Usage(format!(
            "{what}: {bad} is not a domain name; give names such as docs.rs, without https://"
        )));
    }
    Ok(domains)
}

/// One MCP server: a name that can become an environment variable's, and
/// an https URL with a host (the API, not this machine, connects to it).
fn mcp_entry(name: &str, url: &str, what: &str) -> Result<McpEntry, Error> {
    let name = name.trim();
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(Error::Usage(format!(
            "{what}: the name must be letters, digits, - and _ (it names the variable \
             {MCP_TOKEN_PREFIX}<NAME> that holds its token)"
        )));
    }
    let parsed = Url::parse(url.trim()).ok().filter(Url::has_host);
    match parsed {
        Some(parsed) if parsed.scheme() == "https" => Ok(McpEntry {
            name: name.to_owned(),
            url: url.trim().to_owned(),
        }),
        Some(_) => Err(Error::Usage(format!(
            "{what}: the URL must be https: the API connects only to remote MCP servers over \
             https"
        ))),
        None => Err(Error::Usage(format!("{what}: not a URL"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

    fn tools(args: &[&str], config: &ToolsConfig) -> Result<ServerTools, Error> {
        let mut argv = vec!["claude", "ask"];
        argv.extend_from_slice(args);
        argv.push("question");
        let Command::Ask(ask) = Cli::try_parse_from(argv).unwrap().command else {
            panic!("ask")
        };
        ServerTools::resolve(&ask.request.tools, config)
    }

    fn usage_error(result: Result<ServerTools, Error>) -> String {
        match result {
            Err(Error::Usage(message)) => message,
            other => panic!("expected a usage error, got {other:?}"),
        }
    }

    #[test]
    fn flags_become_tools() {
        let resolved = tools(
            &[
                "--web-search=3",
                "--web-fetch",
                "--domains",
                "docs.rs, rust-lang.org",
            ],
            &ToolsConfig::default(),
        )
        .unwrap();
        assert_eq!(
            serde_json::to_value(resolved.definitions()).unwrap(),
            serde_json::json!([
                {"type": "web_search_20260318", "name": "web_search", "max_uses": 3,
                 "allowed_domains": ["docs.rs", "rust-lang.org"]},
                {"type": "web_fetch_20260318", "name": "web_fetch",
                 "allowed_domains": ["docs.rs", "rust-lang.org"]},
            ])
        );
        assert_eq!(resolved.betas(), None);
        assert!(tools(&[], &ToolsConfig::default()).unwrap().is_empty());
    }

    #[test]
    fn domains_need_a_web_tool_and_only_one_list() {
        let none = ToolsConfig::default();
        assert!(usage_error(tools(&["--domains", "a.com"], &none)).contains("--web-search"));
        assert!(
            usage_error(tools(&["--web-search", "--domains", ","], &none)).contains("no domain")
        );
        assert!(
            usage_error(tools(
                &["--web-search", "--domains", "https://a.com"],
                &none
            ))
            .contains("not a domain name")
        );
        let config = ToolsConfig {
            domains: Some(vec!["a.com".into()]),
            ..ToolsConfig::default()
        };
        assert!(usage_error(tools(&["--code-exec"], &config)).contains("web tools"));
    }

    #[test]
    fn mcp_servers_are_https_with_tokens_from_the_environment() {
        let resolved = tools(
            &[
                "--mcp",
                "docs-1=https://mcp.example.com/mcp",
                "--mcp",
                "open=https://x.io/",
            ],
            &ToolsConfig::default(),
        )
        .unwrap();
        assert_eq!(resolved.betas(), Some(MCP_BETA));
        let servers = resolved.mcp_servers(|name| {
            (name == "CLAUDE_MCP_TOKEN_DOCS_1").then(|| " tok-secret-123\n".to_owned())
        });
        assert_eq!(
            servers[0].authorization_token.as_deref(),
            Some("tok-secret-123")
        );
        assert_eq!(servers[1].authorization_token, None);
        assert_eq!(secrets::scrub("x tok-secret-123 y"), "x <redacted> y");
        let none = ToolsConfig::default();
        for (given, why) in [
            ("docs=http://mcp.example.com", "must be https"),
            ("docs", "expected NAME=URL"),
            ("do cs=https://a.io", "the name must be"),
            ("docs=https://", "not a URL"),
        ] {
            assert!(
                usage_error(tools(&["--mcp", given], &none)).contains(why),
                "{given}"
            );
        }
        let twice = tools(
            &["--mcp", "a=https://a.io", "--mcp", "a=https://b.io"],
            &none,
        );
        assert!(usage_error(twice).contains("given twice"));
    }

    #[test]
    fn the_config_file_gives_defaults_that_flags_override_key_by_key() {
        let config = ToolsConfig {
            web_search: Some(ToolSwitch::MaxUses(5)),
            web_fetch: Some(ToolSwitch::On(false)),
            code_exec: Some(true),
            block_domains: Some(vec!["example.com".into()]),
            mcp: [("docs".to_owned(), "https://mcp.example.com".to_owned())].into(),
            ..ToolsConfig::default()
        };
        let resolved = tools(&[], &config).unwrap();
        assert_eq!(resolved.web_search, Some(Uses { max_uses: Some(5) }));
        assert_eq!(resolved.web_fetch, None);
        assert!(resolved.code_execution);
        assert_eq!(
            resolved.domains,
            Some(Domains::Blocked(vec!["example.com".into()]))
        );
        assert_eq!(resolved.mcp.len(), 1);
        let given = tools(&["--web-search", "--domains", "docs.rs"], &config).unwrap();
        assert_eq!(given.web_search, Some(Uses { max_uses: None }));
        assert_eq!(
            given.domains,
            Some(Domains::Allowed(vec!["docs.rs".into()]))
        );
        assert!(tools(&["--no-default-tools"], &config).unwrap().is_empty());
    }
}
