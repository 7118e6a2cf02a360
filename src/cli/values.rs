//! The values options take: their enums, and the parsers that check what
//! clap cannot (ranges, units, blanks).

use clap::ValueEnum;

use crate::ledger::Since;

/// Where an option's value came from, so that an error about it names
/// what the user wrote: the flag, or the environment variable.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Origin {
    #[default]
    CommandLine,
    Environment,
    /// Neither: the built-in default.
    BuiltIn,
}

/// When to render Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderWhen {
    /// When stdout is a terminal, NO_COLOR is unset and TERM is not dumb
    Auto,
    /// Also in pipes and files (JSON output is never rendered)
    Always,
    /// Never: the text as it came
    Never,
}

/// The colours of rendered Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// From COLORFGBG where the terminal sets it, else dark
    Auto,
    /// For a dark background
    Dark,
    /// For a light background
    Light,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// The reply's text
    Text,
    /// The whole Message as one JSON object
    Json,
    /// Each raw stream event as one JSON line
    StreamJson,
}

/// A format for data that is not a streamed reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DataFormat {
    /// Plain text, one item per line
    Text,
    /// The API's JSON
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UrlKindArg {
    /// An image block
    Image,
    /// A document block (PDF)
    Document,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EffortArg {
    Low,
    Medium,
    High,
    Xhigh,
    Max,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CacheTtlArg {
    #[value(name = "5m")]
    FiveMinutes,
    #[value(name = "1h")]
    OneHour,
}

/// The value of `--thinking`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thinking {
    Adaptive,
    Budget(u32),
    Off,
}

pub(super) fn parse_thinking(value: &str) -> Result<Thinking, String> {
    match value {
        "adaptive" => Ok(Thinking::Adaptive),
        "off" => Ok(Thinking::Off),
        budget => budget
            .parse()
            .map(Thinking::Budget)
            .map_err(|_| "expected adaptive, off, or a token budget such as 4096".to_owned()),
    }
}

/// `--expires`: seconds, or a number with s, m, h or d, from 1h to 90d.
pub(super) fn parse_expiry(value: &str) -> Result<u64, String> {
    const RANGE: &str = "expected a duration from 1h to 90d, such as 3600, 90m, 12h or 7d";
    let value = value.trim();
    let (number, unit) = match value.char_indices().last() {
        Some((at, unit @ ('s' | 'm' | 'h' | 'd'))) => (&value[..at], unit),
        _ => (value, 's'),
    };
    let scale = match unit {
        'm' => 60,
        'h' => 3600,
        'd' => 86_400,
        _ => 1,
    };
    let seconds = number
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(scale))
        .ok_or_else(|| RANGE.to_owned())?;
    if (crate::api::files::MIN_EXPIRES_SECONDS..=crate::api::files::MAX_EXPIRES_SECONDS)
        .contains(&seconds)
    {
        Ok(seconds)
    } else {
        Err(RANGE.to_owned())
    }
}

/// A model name on the command line: never blank, which would otherwise
/// fall back to the default without a word. (A blank ANTHROPIC_MODEL gives
/// way to the config file, as other blank variables do.)
pub(super) fn parse_model(value: &str) -> Result<String, String> {
    if value.trim().is_empty() {
        Err(EMPTY_MODEL.to_owned())
    } else {
        Ok(value.to_owned())
    }
}

/// A stop sequence: never empty (whitespace such as "\n" is a real one).
pub(super) fn parse_stop_sequence(value: &str) -> Result<String, String> {
    if value.is_empty() {
        Err("a stop sequence cannot be empty".to_owned())
    } else {
        Ok(value.to_owned())
    }
}

pub(super) const EMPTY_MODEL: &str =
    "a model name cannot be empty: leave the option out for the default";

/// `7d`, `12h`, `2w`, or a date `2026-11-01` (from local midnight).
pub(super) fn parse_since(value: &str) -> Result<Since, String> {
    const WHAT: &str = "expected a period such as 7d, 12h or 2w, or a date such as 2026-11-01";
    let value = value.trim();
    if let Some(unit) = value.chars().last().filter(char::is_ascii_alphabetic) {
        let number: u64 = value[..value.len() - 1]
            .parse()
            .map_err(|_| WHAT.to_owned())?;
        let hours = match unit {
            'h' => 1,
            'd' => 24,
            'w' => 24 * 7,
            _ => return Err(WHAT.to_owned()),
        };
        // A hundred years is as far back as any ledger goes.
        return match number.checked_mul(hours * 3600) {
            Some(seconds) if seconds <= 100 * 366 * 24 * 3600 => {
                Ok(Since::Ago(std::time::Duration::from_secs(seconds)))
            }
            _ => Err(format!(
                "{value} is more than 100 years back, further than any ledger goes; {WHAT}"
            )),
        };
    }
    let parts: Vec<&str> = value.split('-').collect();
    let number = |text: &str, digits: usize, range: std::ops::RangeInclusive<u32>| {
        text.len() == digits
            && text.bytes().all(|b| b.is_ascii_digit())
            && text.parse().is_ok_and(|n| range.contains(&n))
    };
    match parts.as_slice() {
        [year, month, day]
            if number(year, 4, 1970..=9999)
                && number(month, 2, 1..=12)
                && number(day, 2, 1..=31) =>
        {
            match value.parse::<jiff::civil::Date>() {
                Ok(_) => Ok(Since::Day(value.to_owned())),
                Err(_) => Err(format!("{value} is not a day of the calendar; {WHAT}")),
            }
        }
        _ => Err(WHAT.to_owned()),
    }
}

/// A run's id, as `claude log` lists it: a whole number from 1.
pub(super) fn parse_run_id(value: &str) -> Result<i64, String> {
    match value.trim().parse::<i64>() {
        Ok(id) if id >= 1 => Ok(id),
        _ => Err("a run id is a whole number from 1, as claude log lists it".to_owned()),
    }
}

pub(super) fn parse_seconds(value: &str) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(secs) if (0.0..1e9).contains(&secs) => Ok(secs),
        _ => Err("expected a number of seconds, such as 30 or 0.5".to_owned()),
    }
}

/// `--max-cost`: US dollars, more than 0.
pub(super) fn parse_usd(value: &str) -> Result<f64, String> {
    match value.trim().trim_start_matches('$').parse::<f64>() {
        Ok(usd) if usd.is_finite() && usd > 0.0 => Ok(usd),
        _ => Err("expected an amount of US dollars more than 0, such as 0.50".to_owned()),
    }
}

pub(super) fn parse_positive_seconds(value: &str) -> Result<f64, String> {
    match parse_seconds(value)? {
        0.0 => Err("must be more than 0".to_owned()),
        secs => Ok(secs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn expiry_durations() {
        assert_eq!(parse_expiry("3600"), Ok(3600));
        assert_eq!(parse_expiry("90m"), Ok(5400));
        assert_eq!(parse_expiry("12h"), Ok(43_200));
        assert_eq!(parse_expiry("90d"), Ok(7_776_000));
        for bad in [
            "59m",
            "91d",
            "3599",
            "1w",
            "h",
            "",
            "-1h",
            "99999999999999999999d",
        ] {
            assert!(parse_expiry(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn thinking_values() {
        assert_eq!(parse_thinking("adaptive"), Ok(Thinking::Adaptive));
        assert_eq!(parse_thinking("off"), Ok(Thinking::Off));
        assert_eq!(parse_thinking("2048"), Ok(Thinking::Budget(2048)));
        assert!(parse_thinking("lots").is_err());
    }

    #[test]
    fn periods_and_dates() {
        use std::time::Duration;
        assert_eq!(
            parse_since("7d"),
            Ok(Since::Ago(Duration::from_secs(7 * 86400)))
        );
        assert_eq!(
            parse_since("12h"),
            Ok(Since::Ago(Duration::from_secs(12 * 3600)))
        );
        assert_eq!(
            parse_since("2w"),
            Ok(Since::Ago(Duration::from_secs(14 * 86400)))
        );
        assert_eq!(
            parse_since("2026-11-01"),
            Ok(Since::Day("2026-11-01".into()))
        );
        for bad in [
            "",
            "d",
            "7",
            "7y",
            "-1d",
            "99999999999999999d",
            "2026-13-01",
            "26-11-01",
            "2026-1-01",
            "2026-02-30",
            "x-y-z",
        ] {
            assert!(parse_since(bad).is_err(), "{bad}");
        }
        assert!(
            parse_since("99999999d")
                .unwrap_err()
                .starts_with("99999999d is more than 100 years back")
        );
    }
}
