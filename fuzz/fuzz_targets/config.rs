//! The config file, then request settings resolved from it with an inline
//! `--schema`. The input is the config text, a NUL, then the schema.
#![no_main]

use clap::Parser;
use claude_cli::cli::{Cli, Command};
use claude_cli::config::{self, Config};
use claude_cli::settings::{self, RequestSettings};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (config_text, schema) = text.split_once('\0').unwrap_or((text, "{}"));
    let config = match config::parse(config_text) {
        Ok(config) => {
            for entry in config.prices.values() {
                let _ = entry.price();
            }
            let _ = settings::choose_model(None, &config);
            config
        }
        Err(why) => {
            assert!(!why.contains('\n'), "{why:?}");
            Config::default()
        }
    };
    // Inline: a schema that does not open with a bracket would be a path.
    let schema = if schema.trim_start().starts_with(['{', '[']) {
        schema.to_owned()
    } else {
        format!("{{{schema}")
    };
    let Ok(cli) = Cli::try_parse_from(["claude", "ask", "--schema", &schema, "x"]) else {
        return;
    };
    let Command::Ask(args) = cli.command else {
        return;
    };
    match RequestSettings::resolve(&args.request, "2023-06-01", &config, |_| None) {
        Ok(settings) => assert!(settings.structured && settings.max_tokens >= 1),
        Err(error) => assert!(!error.line().contains('\n'), "{}", error.line()),
    }
});
