//! Parse, then resolve: the clap types plus the environment become the
//! settings commands act on. Nothing past this module sees clap, and every
//! check that can fail without the network fails here, before anything is
//! sent.

use crate::api::types::{
    CacheControl, CacheKind, CacheTtl, Effort, McpServer, OutputConfig,
    OutputFormat as ReplyFormat, ThinkingConfig,
};
use crate::catalog;
use crate::cli::{
    CacheTtlArg, EffortArg, LedgerArgs, MediaArgs, RequestArgs, StdinArgs, Thinking, TurnArgs,
    UrlKindArg,
};
use crate::config::Config;
use crate::error::Error;
use crate::input::{self, MediaOptions, StdinMode, UrlKind};
use crate::ledger;
use crate::output::ReplyLimits;
use std::io::IsTerminal;

mod connection;
mod local_tools;
mod output;
mod tools;

pub use connection::{Connection, LogLevel};
pub use local_tools::LocalTools;
pub use output::{data_format, output_settings};
pub use tools::{ServerTools, given as tools_given};

/// Which standard streams are terminals, decided once at start-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Terminal {
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
    /// stderr is a terminal and `NO_COLOR` is unset: escape codes (the
    /// spinner) may be written there.
    pub stderr_styled: bool,
}

impl Terminal {
    pub fn detect() -> Terminal {
        let stderr = std::io::stderr().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Terminal {
            stdin: std::io::stdin().is_terminal(),
            stdout: std::io::stdout().is_terminal(),
            stderr,
            stderr_styled: stderr && !no_color,
        }
    }
}

/// The API version that removed `temperature`, `top_p` and `top_k`.
const SAMPLING_REMOVED_IN: &str = "2026-10-21";

/// A value for an HTTP header: visible ASCII and spaces only. Checked here
/// so that a stray control character is a usage error, not a failed send.
pub(crate) fn header_safe(value: &str, what: &str) -> Result<String, Error> {
    if value
        .bytes()
        .all(|b| b == b' ' || b == b'\t' || b.is_ascii_graphic())
    {
        Ok(value.to_owned())
    } else {
        Err(Error::Usage(format!(
            "{what} contains characters an HTTP header cannot carry"
        )))
    }
}

/// Resolved request options.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestSettings {
    pub model: String,
    pub system: Option<String>,
    pub max_tokens: u32,
    pub temperature: Option<f64>,
    pub top_p: Option<f64>,
    pub top_k: Option<u32>,
    pub stop_sequences: Vec<String>,
    pub thinking: Option<ThinkingConfig>,
    pub output_config: Option<OutputConfig>,
    pub cache_control: Option<CacheControl>,
    pub betas: Vec<String>,
    pub dry_run: bool,
    /// `--schema`: the reply must be JSON.
    pub structured: bool,
    /// The server tools offered (`--web-search`, `--mcp`...).
    pub server_tools: ServerTools,
    /// Their MCP servers, with the tokens read from the environment.
    pub mcp_servers: Vec<McpServer>,
}

/// Where a setting's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A flag, or the environment variable clap reads for it.
    Given,
    ConfigFile,
    BuiltIn,
}

/// The model name (an id or an alias): the flag or ANTHROPIC_MODEL, then
/// the config file, then the built-in default. Blank values do not count.
pub fn choose_model<'a>(given: Option<&'a str>, config: &'a Config) -> (&'a str, Source) {
    fn set(value: Option<&str>) -> Option<&str> {
        value.map(str::trim).filter(|m| !m.is_empty())
    }
    match (set(given), set(config.model.as_deref())) {
        (Some(model), _) => (model, Source::Given),
        (None, Some(model)) => (model, Source::ConfigFile),
        (None, None) => (catalog::DEFAULT_MODEL, Source::BuiltIn),
    }
}

/// `-s -`: no system prompt (as `/system -` in the chat REPL), even when
/// the config file or a resumed session has one.
pub const NO_SYSTEM_PROMPT: &str = "-";

/// `--max-tokens` when neither a flag nor the config file sets it.
pub const DEFAULT_MAX_TOKENS: u32 = 4096;

/// `--schema`: inline JSON (starting with `{`) or a file holding it. It
/// must be a JSON object; anything else is refused before sending.
fn read_schema(value: &str) -> Result<serde_json::Value, Error> {
    let inline = value.trim_start().starts_with(['{', '[']);
    let (text, source) = if inline {
        (value.to_owned(), "--schema".to_owned())
    } else {
        let path = std::path::Path::new(value);
        let text = input::read_text_file(path, input::MAX_REQUEST_BYTES)
            .map_err(|e| Error::Usage(format!("--schema {e}")))?;
        (text, format!("--schema {value}"))
    };
    // serde_json's message ends with the line and column.
    let schema: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| Error::Usage(format!("{source}: not valid JSON: {e}")))?;
    if !schema.is_object() {
        return Err(Error::Usage(format!(
            "{source}: a JSON Schema must be a JSON object, such as {{\"type\": \"object\", ...}}"
        )));
    }
    Ok(schema)
}

impl RequestSettings {
    /// Flags (and the environment variables clap reads for them) first,
    /// then the config file, then the built-in defaults.
    /// `env` reads an environment variable (an MCP server's token).
    pub fn resolve(
        args: &RequestArgs,
        api_version: &str,
        config: &Config,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<RequestSettings, Error> {
        let (model, _) = choose_model(args.model.as_deref(), config);
        let max_tokens = args
            .max_tokens
            .or(config.max_tokens)
            .unwrap_or(DEFAULT_MAX_TOKENS);

        check_sampling(args, api_version)?;

        // An empty system prompt is none: the field is left out, and from
        // a flag (`-s ""`, `-s -`) it also turns off the config file's.
        let system = match (&args.system, &args.system_file) {
            (Some(text), _) if text == NO_SYSTEM_PROMPT => None,
            (Some(text), _) => Some(text.clone()),
            (None, Some(path)) => Some(
                input::read_text_file(path, input::MAX_REQUEST_BYTES)
                    .map_err(|e| Error::Usage(format!("--system-file {e}")))?,
            ),
            (None, None) => config.system.clone(),
        }
        .filter(|text| !text.trim().is_empty());

        let thinking = match args.thinking {
            None => None,
            Some(Thinking::Adaptive) => Some(ThinkingConfig::Adaptive),
            Some(Thinking::Off) => Some(ThinkingConfig::Disabled),
            Some(Thinking::Budget(budget)) => {
                if budget < 1024 {
                    return Err(Error::Usage(format!(
                        "--thinking {budget}: the budget must be at least 1024 tokens"
                    )));
                }
                if budget >= max_tokens {
                    return Err(Error::Usage(format!(
                        "--thinking {budget}: the budget must be less than --max-tokens \
                         ({max_tokens}); raise --max-tokens"
                    )));
                }
                Some(ThinkingConfig::Enabled {
                    budget_tokens: budget,
                })
            }
        };

        let effort = args.effort.map(|effort| match effort {
            EffortArg::Low => Effort::Low,
            EffortArg::Medium => Effort::Medium,
            EffortArg::High => Effort::High,
            EffortArg::Xhigh => Effort::Xhigh,
            EffortArg::Max => Effort::Max,
        });

        let cache_control = args.cache.map(|ttl| CacheControl {
            kind: CacheKind::Ephemeral,
            ttl: ttl.map(|ttl| match ttl {
                CacheTtlArg::FiveMinutes => CacheTtl::FiveMinutes,
                CacheTtlArg::OneHour => CacheTtl::OneHour,
            }),
        });

        let schema = args
            .schema
            .as_deref()
            .map(read_schema)
            .transpose()?
            .map(|schema| ReplyFormat::JsonSchema { schema });

        let mut betas: Vec<String> = args
            .betas
            .iter()
            .flat_map(|b| b.split(','))
            .map(str::trim)
            .filter(|b| !b.is_empty())
            .map(|b| header_safe(b, "--beta"))
            .collect::<Result<_, _>>()?;
        let server_tools = ServerTools::resolve(&args.tools, &config.tools)?;
        add_betas(&mut betas, &server_tools);

        Ok(RequestSettings {
            model: catalog::resolve_model(model),
            system,
            max_tokens,
            temperature: args.temperature,
            top_p: args.top_p,
            top_k: args.top_k,
            stop_sequences: args.stop.clone(),
            thinking,
            output_config: match (effort, schema) {
                (None, None) => None,
                (effort, format) => Some(OutputConfig { effort, format }),
            },
            structured: args.schema.is_some(),
            cache_control,
            betas,
            dry_run: args.dry_run,
            mcp_servers: server_tools.mcp_servers(env),
            server_tools,
        })
    }

    /// Offers `tools` (a resumed chat's) instead of the ones resolved from
    /// the flags; `env` reads the MCP tokens.
    pub fn use_tools(&mut self, tools: ServerTools, env: impl Fn(&str) -> Option<String>) {
        self.mcp_servers = tools.mcp_servers(env);
        add_betas(&mut self.betas, &tools);
        self.server_tools = tools;
    }
}

/// Adds the betas `tools` need, once.
fn add_betas(betas: &mut Vec<String>, tools: &ServerTools) {
    if let Some(beta) = tools.betas()
        && !betas.iter().any(|b| b == beta)
    {
        betas.push(beta.to_owned());
    }
}

/// Sampling flags: checked for range, and refused on the API version that
/// removed them, where sending them would only cost a round trip and a 400.
fn check_sampling(args: &RequestArgs, api_version: &str) -> Result<(), Error> {
    let given = [
        ("--temperature", args.temperature.is_some()),
        ("--top-p", args.top_p.is_some()),
        ("--top-k", args.top_k.is_some()),
    ];
    if let Some((flag, _)) = given.iter().find(|(_, set)| *set)
        && api_version >= SAMPLING_REMOVED_IN
    {
        return Err(Error::Usage(format!(
            "{flag} is not accepted by API version {api_version}, which removed sampling \
                 parameters; pass --api-version 2023-06-01 to use it (models of the 4.6 \
                 generation and older accept it there)"
        )));
    }
    for (flag, value) in [("--temperature", args.temperature), ("--top-p", args.top_p)] {
        if let Some(value) = value
            && !(0.0..=1.0).contains(&value)
        {
            return Err(Error::Usage(format!(
                "{flag} {value}: must be between 0 and 1"
            )));
        }
    }
    if args.top_k == Some(0) {
        return Err(Error::Usage("--top-k must be at least 1".into()));
    }
    Ok(())
}

/// What to say about sampling flags that go on the wire (API version
/// 2023-06-01): the API decides, but two cases are known to fail there.
/// Models after the 4.6 generation refuse them (as reported, not listed on
/// an official page, so no list of models is kept): the default model,
/// which the user did not choose, is one. Sonnet 4.5 and Opus 4.1-era
/// models refuse `temperature` and `top_p` together.
pub fn sampling_notes(args: &RequestArgs, model_source: Source, model: &str) -> Vec<String> {
    let given: Vec<&str> = [
        ("--temperature", args.temperature.is_some()),
        ("--top-p", args.top_p.is_some()),
        ("--top-k", args.top_k.is_some()),
    ]
    .into_iter()
    .filter_map(|(flag, set)| set.then_some(flag))
    .collect();
    let mut notes = Vec::new();
    if let Some(flag) = given.first()
        && model_source == Source::BuiltIn
    {
        notes.push(format!(
            "{flag} is sent to {model}, the default model; models after the 4.6 generation \
             refuse sampling parameters on every API version, so name one that takes them \
             with -m (such as claude-sonnet-4-6)"
        ));
    }
    if args.temperature.is_some() && args.top_p.is_some() {
        notes.push(
            "--temperature and --top-p are both sent; some models (Sonnet 4.5, Opus 4.1) \
             refuse the two together, so set one"
                .to_owned(),
        );
    }
    notes
}

/// The longest tag, and the most a run may have.
const MAX_TAG_CHARS: usize = 64;
const MAX_TAGS: usize = 16;

/// The environment variable that sets a daily budget.
pub const BUDGET_ENV: &str = "CLAUDE_DAILY_BUDGET_USD";

/// What the run ledger does in this run: where it is, whether to write it
/// (`--no-log`, `CLAUDE_NO_LOG`, `log = false`), the daily budget (the
/// environment over the config file, none with `--ignore-budget`), and
/// the tags.
pub fn ledger_options(
    args: &LedgerArgs,
    config: &Config,
    env: impl Fn(&str) -> Option<String>,
) -> Result<ledger::Options, Error> {
    for tag in &args.tags {
        if tag.trim().is_empty()
            || tag.chars().count() > MAX_TAG_CHARS
            || tag.chars().any(char::is_control)
        {
            return Err(Error::Usage(format!(
                "--tag {tag:?}: a tag is 1 to {MAX_TAG_CHARS} characters, none of them control \
                 characters"
            )));
        }
    }
    if args.tags.len() > MAX_TAGS {
        return Err(Error::Usage(format!(
            "{} tags: a run takes at most {MAX_TAGS}",
            args.tags.len()
        )));
    }
    let mut tags: Vec<String> = args.tags.iter().map(|t| t.trim().to_owned()).collect();
    tags.sort();
    tags.dedup();

    let from_env = env(BUDGET_ENV).filter(|v| !v.trim().is_empty());
    let budget = match (from_env, config.budget.daily_usd) {
        _ if args.ignore_budget => None,
        (Some(value), _) => match value.trim().parse::<f64>() {
            Ok(usd) if usd.is_finite() && usd >= 0.0 => Some(ledger::Budget {
                daily_usd: usd,
                source: BUDGET_ENV,
            }),
            _ => {
                return Err(Error::Usage(format!(
                    "{BUDGET_ENV}={value:?}: expected an amount of USD, such as 5 or 2.50"
                )));
            }
        },
        (None, Some(usd)) => Some(ledger::Budget {
            daily_usd: usd,
            source: "[budget] daily_usd in the config file",
        }),
        (None, None) => None,
    };
    Ok(ledger::Options {
        path: ledger::default_path(env),
        record: !args.no_log && config.log != Some(false),
        budget,
        tags,
    })
}

/// `--cache 1h` (with a space) would make `1h` the start of the prompt:
/// the value needs `=`. Refused rather than sent as a question.
pub fn check_cache_value(
    args: &RequestArgs,
    first_word: Option<&std::ffi::OsStr>,
) -> Result<(), Error> {
    match (args.cache, first_word.and_then(|w| w.to_str())) {
        (Some(None), Some(ttl @ ("5m" | "1h"))) => Err(Error::Usage(format!(
            "--cache takes its lifetime with '=': write --cache={ttl} (as written, {ttl} would \
             be sent as part of the prompt)"
        ))),
        _ => Ok(()),
    }
}

/// Whether to read stdin, from `--stdin` / `--no-stdin`.
pub fn stdin_mode(args: &StdinArgs) -> StdinMode {
    match (args.stdin, args.no_stdin) {
        (true, _) => StdinMode::Always,
        (_, true) => StdinMode::Never,
        _ => StdinMode::Auto,
    }
}

/// How images and URLs are sent; the PDF page limit depends on the model.
pub fn media_options(args: &MediaArgs, model: &str, config: &Config) -> MediaOptions {
    MediaOptions {
        url_kind: args.url_as.map(|kind| match kind {
            UrlKindArg::Image => UrlKind::Image,
            UrlKindArg::Document => UrlKind::Document,
        }),
        resize: args.resize,
        max_pdf_pages: pdf_page_limit(model),
        max_request_bytes: config.max_request_bytes.unwrap_or(input::MAX_REQUEST_BYTES),
        upload: args.stored.upload,
        citations: args.citations,
    }
}

/// The API's PDF page limit for a model.
pub fn pdf_page_limit(model: &str) -> usize {
    if catalog::has_200k_context(model) {
        input::MAX_PDF_PAGES_200K
    } else {
        input::MAX_PDF_PAGES
    }
}

/// Continuations of a paused turn when neither a flag nor the config sets it.
pub const DEFAULT_MAX_CONTINUATIONS: u32 = 5;

/// Model requests one run may make when `--max-steps` is not given.
pub const DEFAULT_MAX_STEPS: u32 = 10;

/// The limits one turn is held to: flags, then the config file's `[tools]`.
pub fn reply_limits(turn: &TurnArgs, settings: &RequestSettings, config: &Config) -> ReplyLimits {
    ReplyLimits {
        max_tokens: settings.max_tokens,
        max_continuations: turn
            .max_continuations
            .or(config.tools.max_continuations)
            .unwrap_or(DEFAULT_MAX_CONTINUATIONS),
        max_steps: turn.max_steps.unwrap_or(DEFAULT_MAX_STEPS),
    }
}

/// The run's spending ceiling in USD: `--max-cost`, then `max_cost` in
/// the config file's `[budget]`.
pub fn max_cost(turn: &TurnArgs, config: &Config) -> Option<f64> {
    turn.max_cost.or(config.budget.max_cost)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use crate::output::Format;
    use clap::Parser;

    fn parse(args: &[&str]) -> Cli {
        let mut argv = vec!["claude"];
        argv.extend_from_slice(args);
        Cli::try_parse_from(argv).unwrap()
    }

    fn request(args: &[&str]) -> Result<RequestSettings, Error> {
        let cli = parse(args);
        let Command::Ask(ask) = &cli.command else {
            panic!("ask")
        };
        RequestSettings::resolve(
            &ask.request,
            &cli.connection.api_version,
            &Config::default(),
            |_| None,
        )
    }

    #[test]
    fn sampling_flags_are_refused_on_the_new_version_by_name() {
        for (flag, value, name) in [
            ("-t", "0.5", "--temperature"),
            ("--top-p", "0.9", "--top-p"),
            ("--top-k", "5", "--top-k"),
        ] {
            let error = request(&["ask", flag, value, "x"]).unwrap_err();
            let text = error.to_string();
            assert!(
                text.contains(name) && text.contains("--api-version 2023-06-01"),
                "{text}"
            );
        }
    }

    #[test]
    fn sampling_flags_pass_on_the_old_version() {
        let settings = request(&[
            "--api-version",
            "2023-06-01",
            "ask",
            "-t",
            "0.2",
            "--top-k",
            "3",
            "x",
        ])
        .unwrap();
        assert_eq!(settings.temperature, Some(0.2));
        assert_eq!(settings.top_k, Some(3));
        assert!(request(&["--api-version", "2023-06-01", "ask", "-t", "1.5", "x"]).is_err());
    }

    #[test]
    fn thinking_budget_is_checked_against_max_tokens() {
        assert!(request(&["ask", "--thinking", "512", "x"]).is_err());
        assert!(request(&["ask", "--thinking", "4096", "x"]).is_err());
        assert_eq!(
            request(&["ask", "--thinking", "2048", "x"])
                .unwrap()
                .thinking,
            Some(ThinkingConfig::Enabled {
                budget_tokens: 2048
            })
        );
    }

    #[test]
    fn flags_win_over_the_config_file_which_wins_over_built_ins() {
        let config = crate::config::parse(
            "model = \"haiku\"\nmax_tokens = 100\nsystem = \"cfg\"\noutput = \"json\"\n",
        )
        .unwrap();
        let resolve = |args: &[&str]| {
            let cli = parse(args);
            let Command::Ask(ask) = &cli.command else {
                panic!("ask")
            };
            let request = RequestSettings::resolve(
                &ask.request,
                &cli.connection.api_version,
                &config,
                |_| None,
            )
            .unwrap();
            let terminal = Terminal {
                stdin: false,
                stdout: false,
                stderr: false,
                stderr_styled: false,
            };
            let output = output_settings(&ask.output, &terminal, LogLevel::Off, &config).unwrap();
            (request, output.format)
        };
        let (request, format) = resolve(&["ask", "x"]);
        assert_eq!(
            (
                request.model.as_str(),
                request.max_tokens,
                request.system.as_deref()
            ),
            ("claude-haiku-4-5", 100, Some("cfg"))
        );
        assert_eq!(format, Format::Json);
        let (request, format) = resolve(&[
            "ask",
            "-m",
            "opus",
            "--max-tokens",
            "7",
            "-s",
            "flag",
            "-o",
            "text",
            "x",
        ]);
        assert_eq!(
            (
                request.model.as_str(),
                request.max_tokens,
                request.system.as_deref()
            ),
            ("claude-opus-5", 7, Some("flag"))
        );
        assert_eq!(format, Format::Text);
        let built_in = RequestSettings::resolve(
            &parse_ask(&["ask", "x"]).request,
            "2026-10-21",
            &Config::default(),
            |_| None,
        )
        .unwrap();
        assert_eq!(
            (built_in.model.as_str(), built_in.max_tokens),
            ("claude-sonnet-5", 4096)
        );
    }

    fn parse_ask(args: &[&str]) -> crate::cli::AskArgs {
        match parse(args).command {
            Command::Ask(ask) => ask,
            _ => panic!("ask"),
        }
    }

    #[test]
    fn schemas_are_json_objects() {
        let ok = RequestSettings::resolve(
            &parse_ask(&["ask", "--schema", "{\"type\":\"object\"}", "x"]).request,
            "2026-10-21",
            &Config::default(),
            |_| None,
        )
        .unwrap();
        assert!(ok.structured);
        assert_eq!(
            serde_json::to_value(ok.output_config.unwrap()).unwrap(),
            serde_json::json!({"format": {"type": "json_schema", "schema": {"type": "object"}}})
        );
        for bad in ["{not json", "/no/such/schema.json"] {
            let error = RequestSettings::resolve(
                &parse_ask(&["ask", "--schema", bad, "x"]).request,
                "2026-10-21",
                &Config::default(),
                |_| None,
            )
            .unwrap_err();
            assert!(matches!(error, Error::Usage(_)), "{error}");
        }
    }

    #[test]
    fn model_aliases_resolve() {
        assert_eq!(
            request(&["ask", "-m", "haiku", "x"]).unwrap().model,
            "claude-haiku-4-5"
        );
        assert_eq!(request(&["ask", "x"]).unwrap().model, "claude-sonnet-5");
    }

    #[test]
    fn betas_with_control_characters_are_usage_errors() {
        assert!(matches!(
            request(&["ask", "--beta", "a\u{1b}b", "x"]),
            Err(Error::Usage(_))
        ));
    }
}
