//! Printing the run ledger: runs one a line, one run whole, and cost
//! reports as a table; or each as JSON Lines for `jq`.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::ledger::{CostRow, Report, Stored};

use super::DataFormat;

/// The most of a prompt shown on a run's line.
const PROMPT_CHARS: usize = 72;

/// `$0.000486`, or `no price` for a run of a model with no known price.
fn usd(micros: Option<i64>) -> String {
    match micros {
        Some(micros) => format!("${}.{:06}", micros / 1_000_000, micros % 1_000_000),
        None => "no price".to_owned(),
    }
}

/// A run's JSON: every field, tokens flat, times in UTC (RFC 3339).
pub fn run_json(stored: &Stored) -> Value {
    let run = &stored.run;
    let parsed = |text: &Option<String>| {
        text.as_deref()
            .and_then(|t| serde_json::from_str::<Value>(t).ok())
            .unwrap_or(Value::Null)
    };
    let mut value = json!({
        "id": stored.id,
        "time": stored.utc_time,
        "local_time": stored.local_time,
        "command": run.command,
        "model_asked": run.model_asked,
        "model": run.model,
        "session": run.session,
        "tags": run.tags,
        "prompt": run.prompt,
        "system": run.system,
        "attachments": parsed(&run.attachments),
        "reply": run.reply,
        "stop_reason": run.stop_reason,
        "exit_code": run.exit_code,
        "error_type": run.error_type,
        "error_message": run.error_message,
        "input_tokens": run.tokens.input,
        "output_tokens": run.tokens.output,
        "cache_write_tokens": run.tokens.cache_write,
        "cache_read_tokens": run.tokens.cache_read,
        "server_tool_requests": run.tokens.server_tool_requests,
        "usage": parsed(&run.usage),
        "cost_usd": run.cost_micros.map(|m| m as f64 / 1e6),
        "wall_ms": run.wall_ms,
        "first_token_ms": run.first_token_ms,
        "request_id": run.request_id,
        "batch_id": run.batch_id,
        "custom_id": run.custom_id,
    });
    if let Some(snippet) = &stored.snippet {
        value["match"] = json!(snippet);
    }
    value
}

/// What a run's line says of its prompt: where a search matched, else the
/// prompt's first line, else what the run was.
fn gist(stored: &Stored) -> String {
    let run = &stored.run;
    let text = stored
        .snippet
        .clone()
        .or_else(|| {
            run.prompt
                .as_deref()
                .and_then(|p| p.lines().find(|l| !l.trim().is_empty()))
                .map(str::trim)
                .map(str::to_owned)
        })
        .or_else(|| {
            run.custom_id
                .as_ref()
                .map(|id| format!("[batch result {id}]"))
        })
        .unwrap_or_default();
    if text.chars().count() > PROMPT_CHARS {
        let cut: String = text.chars().take(PROMPT_CHARS - 3).collect();
        format!("{cut}...")
    } else {
        text
    }
}

/// One run a line: id, local time, model, tokens, cost, exit code, and
/// the prompt (or where the search matched), in aligned columns.
pub fn print_runs(out: &mut impl Write, runs: &[Stored], format: DataFormat) -> io::Result<()> {
    if format == DataFormat::Json {
        for stored in runs {
            serde_json::to_writer(&mut *out, &run_json(stored))?;
            writeln!(out)?;
        }
        return out.flush();
    }
    let rows: Vec<[String; 6]> = runs
        .iter()
        .map(|stored| {
            let run = &stored.run;
            let tokens = run.tokens.input
                + run.tokens.output
                + run.tokens.cache_write
                + run.tokens.cache_read;
            [
                stored.id.to_string(),
                stored
                    .local_time
                    .get(..16)
                    .unwrap_or(&stored.local_time)
                    .to_owned(),
                run.model
                    .clone()
                    .or_else(|| run.model_asked.clone())
                    .unwrap_or_else(|| "-".into()),
                format!("{tokens} tok"),
                usd(run.cost_micros),
                format!("exit {}", run.exit_code),
            ]
        })
        .collect();
    let width = |column: usize| {
        rows.iter()
            .map(|row| row[column].chars().count())
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..6).map(width).collect();
    for (row, stored) in rows.iter().zip(runs) {
        let line = format!(
            "{:>w0$}  {:w1$}  {:w2$}  {:>w3$}  {:>w4$}  {:w5$}  {}",
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            gist(stored),
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3],
            w4 = widths[4],
            w5 = widths[5],
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    out.flush()
}

/// One run whole: its facts, one a line, then the system prompt, the
/// prompt and the reply.
pub fn print_run(out: &mut impl Write, stored: &Stored, format: DataFormat) -> io::Result<()> {
    if format == DataFormat::Json {
        serde_json::to_writer(&mut *out, &run_json(stored))?;
        writeln!(out)?;
        return out.flush();
    }
    let run = &stored.run;
    let or_none = |value: &Option<String>| value.clone().unwrap_or_else(|| "-".into());
    let model = match (&run.model, &run.model_asked) {
        (Some(model), Some(asked)) if model != asked => format!("{model} (asked for {asked})"),
        (Some(model), _) => model.clone(),
        (None, asked) => format!("{} (no reply)", or_none(asked)),
    };
    let exit = match &run.stop_reason {
        Some(reason) => format!("{} (stop reason {reason})", run.exit_code),
        None => run.exit_code.to_string(),
    };
    let mut rows = vec![
        ("id", stored.id.to_string()),
        (
            "time",
            format!("{} (UTC {})", stored.local_time, stored.utc_time),
        ),
        ("command", run.command.clone()),
        ("model", model),
        ("exit", exit),
    ];
    if let Some(kind) = &run.error_type {
        let message = run.error_message.as_deref().unwrap_or_default();
        rows.push(("error", format!("{kind}: {message}")));
    }
    if let Some(session) = &run.session {
        rows.push(("session", session.clone()));
    }
    if let (Some(batch), Some(custom_id)) = (&run.batch_id, &run.custom_id) {
        rows.push(("batch", format!("{batch}, custom_id {custom_id}")));
    }
    if !run.tags.is_empty() {
        rows.push(("tags", run.tags.join(", ")));
    }
    rows.push((
        "tokens",
        format!(
            "{} input, {} output, {} cache-write, {} cache-read; {} server tool requests",
            run.tokens.input,
            run.tokens.output,
            run.tokens.cache_write,
            run.tokens.cache_read,
            run.tokens.server_tool_requests
        ),
    ));
    rows.push(("cost", usd(run.cost_micros)));
    let first = run
        .first_token_ms
        .map(|ms| format!(", first token after {ms} ms"))
        .unwrap_or_default();
    rows.push(("time taken", format!("{} ms{first}", run.wall_ms)));
    rows.push(("request-id", or_none(&run.request_id)));
    let attachments: Vec<Value> = run
        .attachments
        .as_deref()
        .and_then(|a| serde_json::from_str(a).ok())
        .unwrap_or_default();
    for (n, attachment) in attachments.iter().enumerate() {
        let size = attachment["size"]
            .as_u64()
            .map(|s| format!(", {s} bytes"))
            .unwrap_or_default();
        let hash = attachment["sha256"]
            .as_str()
            .map(|h| format!(", sha256 {h}"))
            .unwrap_or_default();
        rows.push((
            if n == 0 { "attachments" } else { "" },
            format!(
                "{} ({}{size}{hash})",
                attachment["name"].as_str().unwrap_or("?"),
                attachment["type"].as_str().unwrap_or("?")
            ),
        ));
    }
    for (label, value) in rows {
        let line = format!("{label:12} {value}");
        writeln!(out, "{}", line.trim_end())?;
    }
    for (title, text) in [
        ("system", &run.system),
        ("prompt", &run.prompt),
        ("reply", &run.reply),
    ] {
        if let Some(text) = text {
            writeln!(out, "\n--- {title}")?;
            writeln!(out, "{}", text.trim_end())?;
        }
    }
    out.flush()
}

/// A cost report: a table with a total row, or JSON Lines (the total
/// last, with `"total": true`). `by` names the grouping (`day`, `model`,
/// `tag`, `command`).
pub fn print_cost(
    out: &mut impl Write,
    report: &Report,
    by: &str,
    format: DataFormat,
) -> io::Result<()> {
    let none = if by == "tag" { "(no tag)" } else { "(unknown)" };
    if format == DataFormat::Json {
        let line = |row: &CostRow, total: bool| {
            let key = if total {
                Value::Null
            } else {
                json!(row.key.as_deref().unwrap_or(none))
            };
            let mut line = serde_json::Map::new();
            line.insert(by.to_owned(), key);
            for (name, value) in [
                ("requests", json!(row.requests)),
                ("input_tokens", json!(row.input)),
                ("output_tokens", json!(row.output)),
                ("cache_write_tokens", json!(row.cache_write)),
                ("cache_read_tokens", json!(row.cache_read)),
                ("usd", json!(row.micros as f64 / 1e6)),
                ("unpriced_requests", json!(row.unpriced)),
                ("total", json!(total)),
            ] {
                line.insert(name.to_owned(), value);
            }
            Value::Object(line)
        };
        for row in &report.rows {
            serde_json::to_writer(&mut *out, &line(row, false))?;
            writeln!(out)?;
        }
        serde_json::to_writer(&mut *out, &line(&report.total, true))?;
        writeln!(out)?;
        return out.flush();
    }
    let cells = |row: &CostRow, key: String| {
        let flag = if row.unpriced > 0 { " *" } else { "" };
        [
            key,
            row.requests.to_string(),
            row.input.to_string(),
            row.output.to_string(),
            row.cache_write.to_string(),
            row.cache_read.to_string(),
            format!("{}{flag}", usd(Some(row.micros))),
        ]
    };
    let mut table = vec![[
        by.to_uppercase(),
        "REQUESTS".into(),
        "INPUT".into(),
        "OUTPUT".into(),
        "CACHE-WRITE".into(),
        "CACHE-READ".into(),
        "USD".into(),
    ]];
    for row in &report.rows {
        table.push(cells(row, row.key.clone().unwrap_or_else(|| none.into())));
    }
    table.push(cells(&report.total, "TOTAL".into()));
    let widths: Vec<usize> = (0..7)
        .map(|c| {
            table
                .iter()
                .map(|r| r[c].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in &table {
        let mut line = format!("{:w$}", row[0], w = widths[0]);
        for (cell, width) in row.iter().zip(&widths).skip(1) {
            line.push_str(&format!("  {cell:>width$}"));
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::{Run, Tokens};

    fn stored(id: i64, prompt: &str, cost: Option<i64>) -> Stored {
        Stored {
            id,
            local_time: "2026-11-30 15:42:07".into(),
            utc_time: "2026-11-30T14:42:07.000Z".into(),
            run: Run {
                command: "ask".into(),
                model_asked: Some("claude-haiku-4-5".into()),
                model: Some("claude-haiku-4-5-20251001".into()),
                prompt: Some(prompt.into()),
                reply: Some("Paris.".into()),
                stop_reason: Some("end_turn".into()),
                tokens: Tokens {
                    input: 12,
                    output: 30,
                    ..Tokens::default()
                },
                cost_micros: cost,
                wall_ms: 800,
                first_token_ms: Some(300),
                attachments: Some(
                    r#"[{"name":"a.txt","type":"text/plain","size":3,"sha256":"ab"}]"#.into(),
                ),
                ..Run::default()
            },
            snippet: None,
        }
    }

    fn text(f: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        f(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn runs_are_aligned_one_a_line() {
        let runs = [
            stored(10, "\nCapital of France?\nBe brief.", Some(162)),
            stored(9, &"long ".repeat(30), None),
        ];
        assert_eq!(
            text(|out| print_runs(out, &runs, DataFormat::Text)),
            "10  2026-11-30 15:42  claude-haiku-4-5-20251001  42 tok  $0.000162  exit 0  \
             Capital of France?\n \
             9  2026-11-30 15:42  claude-haiku-4-5-20251001  42 tok   no price  exit 0  \
             long long long long long long long long long long long long long long...\n"
        );
        let json = text(|out| print_runs(out, &runs, DataFormat::Json));
        let first: Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
        assert_eq!(first["cost_usd"], json!(0.000162));
        assert_eq!(first["attachments"][0]["sha256"], "ab");
        assert_eq!(json.lines().count(), 2);
    }

    #[test]
    fn one_run_is_shown_whole() {
        let shown = text(|out| print_run(out, &stored(3, "Capital?", Some(5)), DataFormat::Text));
        assert!(
            shown.contains("model        claude-haiku-4-5-20251001 (asked for claude-haiku-4-5)\n"),
            "{shown}"
        );
        assert!(shown.contains("attachments  a.txt (text/plain, 3 bytes, sha256 ab)\n"));
        assert!(shown.contains("time taken   800 ms, first token after 300 ms\n"));
        assert!(
            shown.ends_with("\n--- prompt\nCapital?\n\n--- reply\nParis.\n"),
            "{shown}"
        );
    }

    #[test]
    fn cost_tables_flag_unpriced_rows() {
        let row = |key: &str, micros, unpriced| CostRow {
            key: Some(key.into()),
            requests: 2,
            input: 100,
            output: 20,
            micros,
            unpriced,
            ..CostRow::default()
        };
        let report = Report {
            rows: vec![row("claude-haiku-4-5", 200, 0), row("mystery", 0, 2)],
            total: CostRow {
                key: None,
                requests: 4,
                input: 200,
                output: 40,
                micros: 200,
                unpriced: 2,
                ..CostRow::default()
            },
            unpriced_models: vec!["mystery".into()],
        };
        assert_eq!(
            text(|out| print_cost(out, &report, "model", DataFormat::Text)),
            "MODEL             REQUESTS  INPUT  OUTPUT  CACHE-WRITE  CACHE-READ          USD\n\
             claude-haiku-4-5         2    100      20            0           0    $0.000200\n\
             mystery                  2    100      20            0           0  $0.000000 *\n\
             TOTAL                    4    200      40            0           0  $0.000200 *\n"
        );
        let json = text(|out| print_cost(out, &report, "model", DataFormat::Json));
        let lines: Vec<Value> = json
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines[0]["model"], "claude-haiku-4-5");
        assert_eq!(lines[0]["usd"], json!(0.0002));
        assert_eq!(lines[2]["total"], true);
        assert_eq!(lines[2]["model"], Value::Null);
        assert_eq!(lines[2]["unpriced_requests"], 2);
    }
}
