//! Local tools as the user sees them: the definitions `claude tools`
//! prints, and the line (stderr) and JSON line (`-o stream-json`) that
//! account for each call the model made.

use std::io::{self, Write};
use std::time::Duration;

use serde_json::{Value, json};

use crate::tools::{CallOutcome, CallReport, Grant, RunEnd, Tool};

/// How much of a call's input its stderr line shows.
const SHORT_INPUT_CHARS: usize = 60;

/// A tool as JSON: its definition, and where it came from.
fn tool_json(tool: &Tool) -> Value {
    json!({
        "name": tool.name,
        "description": tool.description,
        "input_schema": tool.input_schema,
        "command": tool.command,
        "path": tool.path,
    })
}

/// The description's first line, cut to fit a listing.
fn summary(description: &str) -> String {
    let line = description.lines().next().unwrap_or_default().trim();
    match line.char_indices().nth(80) {
        Some((end, _)) => format!("{}…", &line[..end]),
        None => line.to_owned(),
    }
}

/// `claude tools list`: `NAME<TAB>DESCRIPTION` lines, or a JSON array.
pub fn print_tools(
    out: &mut impl Write,
    tools: &[Tool],
    json: bool,
    pretty: bool,
) -> io::Result<()> {
    if json {
        let list = Value::Array(tools.iter().map(tool_json).collect());
        return super::print_json(out, &list, pretty);
    }
    for tool in tools {
        writeln!(out, "{}\t{}", tool.name, summary(&tool.description))?;
    }
    Ok(())
}

/// `claude tools show`: the definition, its file and its command.
pub fn print_tool(out: &mut impl Write, tool: &Tool, json: bool, pretty: bool) -> io::Result<()> {
    if json {
        return super::print_json(out, &tool_json(tool), pretty);
    }
    writeln!(out, "name: {}", tool.name)?;
    writeln!(out, "file: {}", tool.path.display())?;
    writeln!(out, "command: {}", Value::from(tool.command.clone()))?;
    writeln!(out, "description: {}", tool.description)?;
    writeln!(out, "input_schema:")?;
    serde_json::to_writer_pretty(&mut *out, &tool.input_schema)?;
    writeln!(out)
}

/// The call's input on one line, cut short.
fn short_input(input: &Value) -> String {
    let text = input.to_string();
    match text.char_indices().nth(SHORT_INPUT_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text,
    }
}

/// `2.4 MB`, `310 B`.
fn size(bytes: u64) -> String {
    match bytes {
        0..1024 => format!("{bytes} B"),
        1024..1_048_576 => format!("{:.1} KB", bytes as f64 / 1024.0),
        _ => format!("{:.1} MB", bytes as f64 / 1_048_576.0),
    }
}

fn seconds(duration: Duration) -> String {
    format!("{:.2} s", duration.as_secs_f64())
}

/// The stderr line for a call (after `claude: `), such as
/// `tool word_count {"text":"a b"}: exit 0, 0.02 s, 31 B`.
pub fn call_line(report: &CallReport) -> String {
    let what = match &report.outcome {
        CallOutcome::Ran {
            end,
            duration,
            output_bytes,
            cut,
            ..
        } => {
            let ending = match end {
                RunEnd::Exited(code) => format!("exit {code}"),
                RunEnd::Signaled(signal) => format!("killed by signal {signal}"),
                RunEnd::TimedOut(limit) => {
                    format!("timed out after {} s, killed", limit.as_secs_f64())
                }
                RunEnd::Cancelled => "stopped (interrupted)".to_owned(),
                RunEnd::NotStarted(why) => format!("could not start: {why}"),
            };
            let cut = if *cut { " (cut to 100 KB)" } else { "" };
            let error = if report.is_error {
                ", sent as an error"
            } else {
                ""
            };
            format!(
                "{ending}, {}, {}{cut}{error}",
                seconds(*duration),
                size(*output_bytes)
            )
        }
        CallOutcome::DeniedByFlag => format!("denied (--deny {})", report.name),
        CallOutcome::DeniedByUser => "denied by the user".to_owned(),
        CallOutcome::Unknown => "not run: no tool of that name was offered".to_owned(),
        CallOutcome::Invalid(why) => {
            format!("not run: the input does not match its schema ({why})")
        }
        CallOutcome::NotRun => "not run: the run stopped".to_owned(),
    };
    format!(
        "tool {} {}: {what}",
        report.name,
        short_input(&report.input)
    )
}

/// The `-o stream-json` line for a call: `{"type": "tool_run", ...}`.
pub fn call_json(report: &CallReport) -> Value {
    let mut line = json!({
        "type": "tool_run",
        "id": report.id,
        "name": report.name,
        "input": report.input,
        "is_error": report.is_error,
    });
    let fields = match &report.outcome {
        CallOutcome::Ran {
            grant,
            end,
            duration,
            output_bytes,
            cut,
        } => json!({
            "outcome": "ran",
            "allowed_by": match grant {
                Grant::Flag | Grant::FlagAll => "flag",
                Grant::Config => "config",
                Grant::Yes => "user",
                Grant::Always => "user_always",
            },
            "exit_code": match end { RunEnd::Exited(code) => Some(*code), _ => None },
            "signal": match end { RunEnd::Signaled(signal) => Some(*signal), _ => None },
            "timed_out": matches!(end, RunEnd::TimedOut(_)),
            "duration_ms": duration.as_millis() as u64,
            "output_bytes": output_bytes,
            "truncated": cut,
        }),
        CallOutcome::DeniedByFlag => json!({"outcome": "denied", "denied_by": "flag"}),
        CallOutcome::DeniedByUser => json!({"outcome": "denied", "denied_by": "user"}),
        CallOutcome::Unknown => json!({"outcome": "unknown_tool"}),
        CallOutcome::Invalid(why) => json!({"outcome": "invalid_input", "reason": why}),
        CallOutcome::NotRun => json!({"outcome": "not_run"}),
    };
    if let (Value::Object(line), Value::Object(fields)) = (&mut line, fields) {
        line.extend(fields);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn tool() -> Tool {
        Tool {
            name: "wc".into(),
            description: format!("{}\nSecond line.", "Count words. ".repeat(10)),
            input_schema: json!({"type": "object"}),
            command: vec!["./wc.py".into(), "--all".into()],
            path: PathBuf::from("/t/wc.toml"),
        }
    }

    #[test]
    fn listing_and_showing() {
        let mut out = Vec::new();
        print_tools(&mut out, &[tool()], false, false).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("wc\tCount words. Count"), "{text}");
        assert!(text.trim_end().ends_with('…'), "{text}");
        let mut out = Vec::new();
        print_tool(&mut out, &tool(), false, false).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("command: [\"./wc.py\",\"--all\"]\n"),
            "{text}"
        );
        assert!(
            text.ends_with("input_schema:\n{\n  \"type\": \"object\"\n}\n"),
            "{text}"
        );
        let mut out = Vec::new();
        print_tool(&mut out, &tool(), true, false).unwrap();
        let value: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value["path"], json!("/t/wc.toml"));
    }

    fn report(outcome: CallOutcome, is_error: bool) -> CallReport {
        CallReport {
            id: "toolu_1".into(),
            name: "wc".into(),
            input: json!({"text": "x".repeat(100)}),
            outcome,
            is_error,
        }
    }

    #[test]
    fn call_lines() {
        let ran = |end, bytes, cut, is_error| {
            call_line(&report(
                CallOutcome::Ran {
                    grant: Grant::Flag,
                    end,
                    duration: Duration::from_millis(25),
                    output_bytes: bytes,
                    cut,
                },
                is_error,
            ))
        };
        let input = format!("{{\"text\":\"{}…", "x".repeat(51));
        assert_eq!(
            ran(RunEnd::Exited(0), 31, false, false),
            format!("tool wc {input}: exit 0, 0.03 s, 31 B")
        );
        assert!(
            ran(RunEnd::Exited(2), 0, false, true)
                .ends_with("exit 2, 0.03 s, 0 B, sent as an error")
        );
        assert!(ran(RunEnd::Exited(0), 3_000_000, true, false).ends_with("2.9 MB (cut to 100 KB)"));
        assert!(ran(RunEnd::Signaled(9), 10, false, true).contains("killed by signal 9"));
        assert!(
            ran(RunEnd::TimedOut(Duration::from_secs(60)), 1500, false, true)
                .contains("timed out after 60 s, killed, 0.03 s, 1.5 KB")
        );
        assert!(
            call_line(&report(CallOutcome::DeniedByFlag, true)).ends_with(": denied (--deny wc)")
        );
        assert!(
            call_line(&report(CallOutcome::Unknown, true))
                .ends_with("no tool of that name was offered")
        );
    }

    #[test]
    fn call_json_lines() {
        let value = call_json(&report(
            CallOutcome::Ran {
                grant: Grant::Always,
                end: RunEnd::Exited(3),
                duration: Duration::from_millis(1500),
                output_bytes: 12,
                cut: false,
            },
            true,
        ));
        assert_eq!(
            value,
            json!({"type": "tool_run", "id": "toolu_1", "name": "wc",
                   "input": {"text": "x".repeat(100)}, "is_error": true, "outcome": "ran",
                   "allowed_by": "user_always", "exit_code": 3, "signal": null,
                   "timed_out": false, "duration_ms": 1500, "output_bytes": 12,
                   "truncated": false})
        );
        let denied = call_json(&report(CallOutcome::DeniedByUser, true));
        assert_eq!(denied["outcome"], json!("denied"));
        assert_eq!(denied["denied_by"], json!("user"));
    }
}
