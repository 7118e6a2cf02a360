//! Whether a reply's Markdown is rendered, and what the terminal on stdout
//! can show: its width, its background (for the theme) and hyperlinks.
//! Decided once per command from the flags, the config file and the
//! environment; `render` does the drawing. Nothing is measured or loaded
//! unless the answer is rendered.

use crate::render::{self, Theme};

use super::Format;

/// `--render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenderWhen {
    /// Only when stdout is a terminal, `NO_COLOR` is unset and `TERM` is
    /// not `dumb`.
    Auto,
    Always,
    Never,
}

/// `--theme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeChoice {
    /// From `COLORFGBG`, else dark.
    Auto,
    Dark,
    Light,
}

/// Used when the width cannot be measured (`--render always` into a pipe).
const DEFAULT_WIDTH: usize = 80;

/// How to render the reply's text, or `None` to print it as it came.
/// `env` reads an environment variable.
pub fn markdown_options(
    when: RenderWhen,
    theme: ThemeChoice,
    format: Format,
    stdout_is_terminal: bool,
    env: impl Fn(&str) -> Option<String>,
) -> Option<render::Options> {
    if !renders(when, format, stdout_is_terminal, &env) {
        return None;
    }
    let measured = terminal_size::terminal_size_of(std::io::stdout())
        .map(|(terminal_size::Width(columns), _)| usize::from(columns));
    Some(render::Options {
        theme: pick_theme(theme, &env),
        width: width(&env, measured),
        hyperlinks: hyperlinks(&env),
    })
}

/// Only text is rendered: JSON is for programs. `--render always` is an
/// explicit request, so it wins over `NO_COLOR` (as no-color.org asks).
fn renders(
    when: RenderWhen,
    format: Format,
    stdout_is_terminal: bool,
    env: &impl Fn(&str) -> Option<String>,
) -> bool {
    let set = |name: &str| env(name).is_some_and(|value| !value.is_empty());
    format == Format::Text
        && match when {
            RenderWhen::Never => false,
            RenderWhen::Always => true,
            RenderWhen::Auto => {
                stdout_is_terminal && !set("NO_COLOR") && env("TERM").as_deref() != Some("dumb")
            }
        }
}

fn pick_theme(choice: ThemeChoice, env: &impl Fn(&str) -> Option<String>) -> Theme {
    match choice {
        ThemeChoice::Dark => Theme::Dark,
        ThemeChoice::Light => Theme::Light,
        ThemeChoice::Auto => env("COLORFGBG")
            .and_then(|value| Theme::from_colorfgbg(&value))
            .unwrap_or(Theme::Dark),
    }
}

/// `COLUMNS` when set (as most tools honour it), else the terminal's width.
fn width(env: &impl Fn(&str) -> Option<String>, measured: Option<usize>) -> usize {
    env("COLUMNS")
        .and_then(|value| value.trim().parse::<usize>().ok())
        .filter(|columns| (1..=10_000).contains(columns))
        .or(measured.filter(|columns| *columns > 0))
        .unwrap_or(DEFAULT_WIDTH)
}

/// Whether the terminal draws OSC 8 hyperlinks. No terminal can be asked,
/// so this goes by the variables terminals that support them set (the
/// list the `supports-hyperlinks` crate and others use); `FORCE_HYPERLINK`
/// decides either way. Under tmux or screen, which pass them on only when
/// configured to, the URL is shown instead.
fn hyperlinks(env: &impl Fn(&str) -> Option<String>) -> bool {
    if let Some(force) = env("FORCE_HYPERLINK") {
        return force.trim() != "0";
    }
    let term = env("TERM").unwrap_or_default();
    if env("TMUX").is_some() || term.starts_with("screen") || term.starts_with("tmux") {
        return false;
    }
    let number = |name: &str| env(name).and_then(|v| v.trim().parse::<u64>().ok());
    let program = env("TERM_PROGRAM").unwrap_or_default();
    matches!(
        program.as_str(),
        "iTerm.app" | "WezTerm" | "vscode" | "ghostty" | "Hyper" | "Tabby" | "rio" | "WarpTerminal"
    ) || number("VTE_VERSION").is_some_and(|v| v >= 5000)
        || number("KONSOLE_VERSION").is_some_and(|v| v >= 200_400)
        || env("WT_SESSION").is_some()
        || env("DOMTERM").is_some()
        || matches!(
            term.as_str(),
            "xterm-kitty" | "xterm-ghostty" | "alacritty" | "foot" | "foot-extra" | "wezterm"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &[(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        let vars = vars.to_vec();
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn auto_renders_text_on_a_colour_terminal_only() {
        let term = env(&[("TERM", "xterm-256color")]);
        assert!(renders(RenderWhen::Auto, Format::Text, true, &term));
        assert!(!renders(RenderWhen::Auto, Format::Text, false, &term));
        assert!(!renders(RenderWhen::Auto, Format::Json, true, &term));
        assert!(!renders(RenderWhen::Auto, Format::StreamJson, true, &term));
        assert!(!renders(
            RenderWhen::Auto,
            Format::Text,
            true,
            &env(&[("NO_COLOR", "1")])
        ));
        assert!(renders(
            RenderWhen::Auto,
            Format::Text,
            true,
            &env(&[("NO_COLOR", "")])
        ));
        assert!(!renders(
            RenderWhen::Auto,
            Format::Text,
            true,
            &env(&[("TERM", "dumb")])
        ));
    }

    #[test]
    fn always_and_never_are_obeyed_except_for_json() {
        let plain = env(&[("NO_COLOR", "1"), ("TERM", "dumb")]);
        assert!(renders(RenderWhen::Always, Format::Text, false, &plain));
        assert!(!renders(RenderWhen::Always, Format::Json, true, &plain));
        assert!(!renders(RenderWhen::Never, Format::Text, true, &env(&[])));
        assert_eq!(
            markdown_options(
                RenderWhen::Never,
                ThemeChoice::Auto,
                Format::Text,
                true,
                env(&[])
            ),
            None
        );
    }

    #[test]
    fn the_theme_follows_colorfgbg_unless_chosen() {
        let light = env(&[("COLORFGBG", "0;15")]);
        assert_eq!(pick_theme(ThemeChoice::Auto, &light), Theme::Light);
        assert_eq!(pick_theme(ThemeChoice::Dark, &light), Theme::Dark);
        assert_eq!(pick_theme(ThemeChoice::Auto, &env(&[])), Theme::Dark);
        assert_eq!(
            pick_theme(ThemeChoice::Light, &env(&[("COLORFGBG", "15;0")])),
            Theme::Light
        );
    }

    #[test]
    fn columns_wins_then_the_measured_width() {
        assert_eq!(width(&env(&[("COLUMNS", "60")]), Some(100)), 60);
        assert_eq!(width(&env(&[("COLUMNS", "wide")]), Some(100)), 100);
        assert_eq!(width(&env(&[("COLUMNS", "0")]), None), DEFAULT_WIDTH);
        assert_eq!(width(&env(&[]), Some(0)), DEFAULT_WIDTH);
    }

    #[test]
    fn hyperlinks_where_the_terminal_is_known_to_draw_them() {
        assert!(hyperlinks(&env(&[("TERM_PROGRAM", "WezTerm")])));
        assert!(hyperlinks(&env(&[("VTE_VERSION", "7200")])));
        assert!(hyperlinks(&env(&[("TERM", "xterm-kitty")])));
        assert!(!hyperlinks(&env(&[("TERM", "xterm-256color")])));
        assert!(!hyperlinks(&env(&[
            ("TERM_PROGRAM", "iTerm.app"),
            ("TMUX", "/tmp/t")
        ])));
        assert!(hyperlinks(&env(&[("FORCE_HYPERLINK", "1"), ("TMUX", "x")])));
        assert!(!hyperlinks(&env(&[
            ("FORCE_HYPERLINK", "0"),
            ("TERM", "xterm-kitty")
        ])));
    }
}
