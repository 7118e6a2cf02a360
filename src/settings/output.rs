//! The output flags resolved: the format, streaming, and whether and how
//! the answer's Markdown is rendered, over the config file's defaults.

use crate::cli::{OutputArgs, OutputFormat, ThemeArg};
use crate::config::{Config, OutputName, RenderName, ThemeName};
use crate::error::Error;
use crate::output::{self, DataFormat, Format, OutputSettings, RenderWhen, ThemeChoice};

use super::{LogLevel, Terminal};

/// The format of `count` and `models`.
pub fn data_format(format: crate::cli::DataFormat) -> DataFormat {
    match format {
        crate::cli::DataFormat::Text => DataFormat::Text,
        crate::cli::DataFormat::Json => DataFormat::Json,
    }
}

/// Resolves the output flags; streaming defaults to stdout being a terminal.
/// What the server does (its tool calls) is shown on a terminal and under
/// `-v` (`log`).
pub fn output_settings(
    args: &OutputArgs,
    terminal: &Terminal,
    log: LogLevel,
    config: &Config,
) -> Result<OutputSettings, Error> {
    let explicit = match (args.stream, args.no_stream) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    };
    let configured = config.output.map(|name| match name {
        OutputName::Text => OutputFormat::Text,
        OutputName::Json => OutputFormat::Json,
        OutputName::StreamJson => OutputFormat::StreamJson,
    });
    // The config's stream-json gives way to an explicit --no-stream.
    let configured = configured
        .filter(|format| !(*format == OutputFormat::StreamJson && explicit == Some(false)));
    let format = match args.output.or(configured).unwrap_or(OutputFormat::Text) {
        OutputFormat::Text => Format::Text,
        OutputFormat::Json => Format::Json,
        OutputFormat::StreamJson => Format::StreamJson,
    };
    if format == Format::StreamJson && explicit == Some(false) {
        return Err(Error::Usage(
            "-o stream-json prints stream events, so it cannot be used with --no-stream".into(),
        ));
    }
    Ok(OutputSettings {
        format,
        stream: format == Format::StreamJson || explicit.unwrap_or(terminal.stdout),
        usage: args.usage,
        show_thinking: args.show_thinking,
        thinking_styled: terminal.stderr_styled,
        tool_calls: terminal.stderr || log >= LogLevel::Info,
        sources: !args.no_sources,
        markdown: output::markdown_options(
            render_when(args, config),
            theme_choice(args, config),
            format,
            terminal.stdout,
            |name| std::env::var(name).ok(),
        ),
    })
}

/// `--raw`, `--render`, then `render` in the config file.
fn render_when(args: &OutputArgs, config: &Config) -> RenderWhen {
    let configured = config.render.map(|name| match name {
        RenderName::Auto => RenderWhen::Auto,
        RenderName::Always => RenderWhen::Always,
        RenderName::Never => RenderWhen::Never,
    });
    let given = args.render.map(|when| match when {
        crate::cli::RenderWhen::Auto => RenderWhen::Auto,
        crate::cli::RenderWhen::Always => RenderWhen::Always,
        crate::cli::RenderWhen::Never => RenderWhen::Never,
    });
    let raw = args.raw.then_some(RenderWhen::Never);
    raw.or(given).or(configured).unwrap_or(RenderWhen::Auto)
}

/// `--theme`, then `theme` in the config file.
fn theme_choice(args: &OutputArgs, config: &Config) -> ThemeChoice {
    let configured = config.theme.map(|name| match name {
        ThemeName::Auto => ThemeChoice::Auto,
        ThemeName::Dark => ThemeChoice::Dark,
        ThemeName::Light => ThemeChoice::Light,
    });
    let given = args.theme.map(|theme| match theme {
        ThemeArg::Auto => ThemeChoice::Auto,
        ThemeArg::Dark => ThemeChoice::Dark,
        ThemeArg::Light => ThemeChoice::Light,
    });
    given.or(configured).unwrap_or(ThemeChoice::Auto)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

    fn output_args(args: &[&str]) -> OutputArgs {
        let mut argv = vec!["claude"];
        argv.extend_from_slice(args);
        match Cli::try_parse_from(argv).unwrap().command {
            Command::Ask(ask) => ask.output,
            _ => panic!("ask"),
        }
    }

    #[test]
    fn streaming_defaults_to_the_terminal() {
        let terminal = |stdout| Terminal {
            stdin: false,
            stdout,
            stderr: false,
            stderr_styled: false,
        };
        let output = |args: &[&str], stdout| {
            output_settings(
                &output_args(args),
                &terminal(stdout),
                LogLevel::Off,
                &Config::default(),
            )
        };
        assert!(output(&["ask"], true).unwrap().stream);
        assert!(!output(&["ask"], false).unwrap().stream);
        assert!(output(&["ask", "--stream"], false).unwrap().stream);
        assert!(!output(&["ask", "--no-stream"], true).unwrap().stream);
        assert!(output(&["ask", "-o", "stream-json"], false).unwrap().stream);
        assert!(output(&["ask", "-o", "stream-json", "--no-stream"], false).is_err());
    }
    #[test]
    fn raw_then_render_then_the_config_file() {
        let config = crate::config::parse("render = \"always\"\ntheme = \"light\"\n").unwrap();
        let when = |args: &[&str], config: &Config| render_when(&output_args(args), config);
        assert_eq!(when(&["ask"], &Config::default()), RenderWhen::Auto);
        assert_eq!(when(&["ask"], &config), RenderWhen::Always);
        assert_eq!(
            when(&["ask", "--render", "never"], &config),
            RenderWhen::Never
        );
        assert_eq!(when(&["ask", "--raw"], &config), RenderWhen::Never);
        assert_eq!(
            when(&["ask", "--raw", "--render", "always"], &config),
            RenderWhen::Always
        );
        assert_eq!(
            when(&["ask", "--render", "always", "--raw"], &config),
            RenderWhen::Never
        );
        let theme = |args: &[&str], config: &Config| theme_choice(&output_args(args), config);
        assert_eq!(theme(&["ask"], &Config::default()), ThemeChoice::Auto);
        assert_eq!(theme(&["ask"], &config), ThemeChoice::Light);
        assert_eq!(
            theme(&["ask", "--theme", "dark"], &config),
            ThemeChoice::Dark
        );
    }
}
