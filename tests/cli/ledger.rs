//! The run ledger through the real binary: what each request writes,
//! `claude log` and `claude cost` reading it back, the daily budget, and
//! a ledger that is locked, corrupt or shared by eight writers at once.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::{Value, json};

use crate::support::*;

/// `claude` against `server`, keeping its ledger under `data`.
fn logged(server: &FakeServer, data: &Path) -> assert_cmd::Command {
    let mut cmd = claude_at(server);
    cmd.env("XDG_DATA_HOME", data);
    cmd
}

/// `claude` with no server, reading the ledger under `data`.
fn reader(data: &Path) -> assert_cmd::Command {
    let mut cmd = claude();
    cmd.env("XDG_DATA_HOME", data);
    cmd
}

fn ledger_file(data: &Path) -> PathBuf {
    data.join("claude-cli/ledger.db")
}

/// Every run, newest first, as `claude log -o json` prints them.
fn runs(data: &Path) -> Vec<Value> {
    let output = reader(data)
        .args(["log", "-n", "100000", "-o", "json"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn ok() -> Reply {
    Reply::message("message-basic-recorded.json")
}

/// The figure a `-u` line printed: `$0.001075`.
fn usage_cost(output: &Output) -> f64 {
    let text = stderr(output);
    let line = text
        .lines()
        .find(|l| l.starts_with("claude: usage: "))
        .unwrap();
    let dollars = line.split('$').nth(1).unwrap();
    dollars.split_whitespace().next().unwrap().parse().unwrap()
}

fn sha256(bytes: &[u8]) -> String {
    ring::digest::digest(&ring::digest::SHA256, bytes)
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Warning lines about the ledger.
fn warnings(output: &Output) -> Vec<String> {
    stderr(output)
        .lines()
        .filter(|l| l.contains("not in the ledger"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_field_of_a_run_is_written_and_read_back() {
    let data = tempdir("ledger-fields");
    let notes = data.join("notes.txt");
    std::fs::write(&notes, "alpha beta").unwrap();
    let server = FakeServer::with([ok()]);
    let output = logged(&server, &data)
        .args([
            "ask",
            "-u",
            "-m",
            "haiku",
            "-s",
            "Be brief.",
            "--tag",
            "ci",
            "--tag",
        ])
        .args([
            "nightly",
            "-f",
            notes.to_str().unwrap(),
            "What",
            "is",
            "the",
            "weather?",
        ])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(warnings(&output).is_empty(), "{}", stderr(&output));

    let [run] = runs(&data).try_into().unwrap();
    let expected = json!({
        "id": 1,
        "command": "ask",
        "model_asked": "claude-haiku-4-5",
        "model": "claude-haiku-4-5-20251001",
        "session": null,
        "tags": ["ci", "nightly"],
        "prompt": "What is the weather?",
        "system": "Be brief.",
        "attachments": [{
            "name": notes.to_str().unwrap(),
            "type": "text/plain",
            "size": 10,
            "sha256": sha256(b"alpha beta"),
        }],
        "stop_reason": "end_turn",
        "exit_code": 0,
        "error_type": null,
        "error_message": null,
        "input_tokens": 760,
        "output_tokens": 63,
        "cache_write_tokens": 0,
        "cache_read_tokens": 0,
        "server_tool_requests": 0,
        "request_id": "req_fake_0123456789",
        "batch_id": null,
        "custom_id": null,
    });
    for (key, value) in expected.as_object().unwrap() {
        assert_eq!(&run[key], value, "{key}");
    }
    assert!(run["reply"].as_str().unwrap().starts_with("I apologize"));
    assert_eq!(run["usage"]["service_tier"], "standard");
    assert_eq!(run["cost_usd"].as_f64().unwrap(), usage_cost(&output));
    assert!(run["wall_ms"].as_i64().unwrap() >= 0);
    assert!(run["first_token_ms"].as_i64().unwrap() <= run["wall_ms"].as_i64().unwrap());
    let time = run["time"].as_str().unwrap();
    assert!(time.ends_with('Z') && time.len() == 24, "{time}");

    let shown = reader(&data).args(["log", "show", "1"]).output().unwrap();
    assert_exit(&shown, 0);
    let text = stdout(&shown);
    for line in [
        "model        claude-haiku-4-5-20251001 (asked for claude-haiku-4-5)\n",
        "exit         0 (stop reason end_turn)\n",
        "tags         ci, nightly\n",
        "tokens       760 input, 63 output, 0 cache-write, 0 cache-read; 0 server tool requests\n",
        "request-id   req_fake_0123456789\n",
        "\n--- system\nBe brief.\n\n--- prompt\nWhat is the weather?\n\n--- reply\nI apologize",
    ] {
        assert!(text.contains(line), "{line:?} in:\n{text}");
    }
    let json = reader(&data)
        .args(["log", "show", "1", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(serde_json::from_str::<Value>(&stdout(&json)).unwrap(), run);

    let missing = reader(&data).args(["log", "show", "2"]).output().unwrap();
    assert_exit(&missing, 2);
    assert!(error_line(&missing).contains("no run 2"));
}

#[test]
fn search_finds_words_of_prompts_and_replies_and_shows_where() {
    let data = tempdir("ledger-search");
    let server = FakeServer::with([ok(), ok()]);
    for prompt in ["Tell me about kubernetes", "Something else"] {
        let output = logged(&server, &data)
            .args(["ask", prompt])
            .output()
            .unwrap();
        assert_exit(&output, 0);
    }
    let search = |words: &str| {
        let output = reader(&data).args(["log", "-q", words]).output().unwrap();
        assert_exit(&output, 0);
        stdout(&output)
    };
    let found = search("kubernetes");
    assert_eq!(found.lines().count(), 1, "{found}");
    assert!(found.starts_with("1  "), "{found}");
    assert!(found.contains("[kubernetes]"), "{found}");
    // Replies are searched too: both replies say "weather".
    assert_eq!(search("weather").lines().count(), 2);
    assert_eq!(search("weath*").lines().count(), 2);
    assert_eq!(search("nothing-like-this"), "");
    // FTS5 syntax in the words is taken as words, not as a query.
    assert_eq!(search("\"unbalanced AND ( NEAR").lines().count(), 0);
    let list = reader(&data).arg("log").output().unwrap();
    let lines: Vec<String> = stdout(&list).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with("2  ") && lines[0].ends_with("exit 0  Something else"));
    assert!(
        lines[0].contains("claude-haiku-4-5-20251001  823 tok  $0.001075"),
        "{lines:?}"
    );
    let blank = reader(&data).args(["log", "-q", "  "]).output().unwrap();
    assert_exit(&blank, 2);
}

#[test]
fn filters_count_and_json_lines() {
    let data = tempdir("ledger-filters");
    let server = FakeServer::with([
        ok(),
        Reply::error(
            429,
            "rate_limit_error",
            "Number of request tokens has exceeded",
        ),
        ok(),
    ]);
    let run = |args: &[&str]| {
        logged(&server, &data)
            .args(["--max-retries", "0"])
            .args(args)
            .output()
            .unwrap()
    };
    assert_exit(&run(&["ask", "--tag", "a", "-m", "opus", "one"]), 0);
    assert_exit(&run(&["ask", "two"]), 8);
    assert_exit(&run(&["chat", "--session", "work", "three"]), 0);

    let ids = |args: &[&str]| -> Vec<i64> {
        let output = reader(&data)
            .arg("log")
            .args(args)
            .args(["-o", "json"])
            .output()
            .unwrap();
        assert_exit(&output, 0);
        stdout(&output)
            .lines()
            .map(|l| {
                serde_json::from_str::<Value>(l).unwrap()["id"]
                    .as_i64()
                    .unwrap()
            })
            .collect()
    };
    assert_eq!(ids(&[]), [3, 2, 1]);
    assert_eq!(ids(&["-n", "2"]), [3, 2]);
    assert_eq!(ids(&["--failed"]), [2]);
    assert_eq!(ids(&["--tag", "a"]), [1]);
    assert_eq!(ids(&["--model", "opus"]), [1]);
    assert_eq!(ids(&["--model", "claude-haiku-4-5"]), [3, 1]);
    assert_eq!(ids(&["--session", "work"]), [3]);
    assert_eq!(ids(&["--since", "1h"]), [3, 2, 1]);
    assert_eq!(ids(&["--since", "2999-01-01"]), Vec::<i64>::new());
    assert_eq!(ids(&["--since", "2000-01-01", "--failed"]), [2]);

    let failed = &runs(&data)[1];
    assert_eq!(failed["exit_code"], 8);
    assert_eq!(failed["error_type"], "rate_limit_error");
    assert!(
        failed["error_message"]
            .as_str()
            .unwrap()
            .contains("Number of request tokens has exceeded")
    );
    assert_eq!(failed["request_id"], "req_fake_0123456789");
    assert_eq!(failed["model"], Value::Null);
    assert_eq!(failed["cost_usd"], json!(0.0));
    assert_eq!(failed["prompt"], "two");
    let chat = &runs(&data)[0];
    assert_eq!(
        (&chat["command"], &chat["session"]),
        (&json!("chat"), &json!("work"))
    );

    let bad = reader(&data)
        .args(["log", "--since", "yesterday"])
        .output()
        .unwrap();
    assert_exit(&bad, 2);
}

#[test]
fn streamed_vision_and_chat_turns_are_recorded() {
    let data = tempdir("ledger-kinds");
    let server = FakeServer::with([Reply::stream("stream-text-recorded.sse"), ok()]);
    let output = logged(&server, &data)
        .args([
            "vision",
            "--stream",
            "tests/fixtures/images/red.png",
            "-p",
            "What color?",
        ])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let output = logged(&server, &data)
        .args(["chat", "--session", "s1", "hello"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let runs = runs(&data);
    let vision = &runs[1];
    assert_eq!(vision["command"], "vision");
    assert_eq!(vision["prompt"], "What color?");
    assert_eq!(vision["model"], "claude-sonnet-4-5-20250929");
    assert_eq!(
        (&vision["input_tokens"], &vision["output_tokens"]),
        (&json!(135), &json!(10))
    );
    let png = std::fs::read("tests/fixtures/images/red.png").unwrap();
    assert_eq!(
        vision["attachments"],
        json!([{"name": "tests/fixtures/images/red.png", "type": "image/png",
                "size": png.len(), "sha256": sha256(&png)}])
    );
    assert!(vision["first_token_ms"].is_i64());
    assert_eq!(
        (&runs[0]["command"], &runs[0]["session"]),
        (&json!("chat"), &json!("s1"))
    );
}

#[test]
fn dry_runs_counts_and_no_log_write_nothing() {
    let data = tempdir("ledger-nothing");
    let server = FakeServer::with([
        ok(),
        ok(),
        ok(),
        Reply::message("count-tokens-response.assembled.json"),
        ok(),
    ]);
    let run = |cmd: &mut assert_cmd::Command| {
        let output = cmd.output().unwrap();
        assert_exit(&output, 0);
    };
    run(logged(&server, &data).args(["ask", "--dry-run", "hi"]));
    run(logged(&server, &data).args(["ask", "--no-log", "hi"]));
    run(logged(&server, &data)
        .args(["ask", "hi"])
        .env("CLAUDE_NO_LOG", "1"));
    let config = data.join("config");
    std::fs::create_dir_all(config.join("claude-cli")).unwrap();
    std::fs::write(config.join("claude-cli/config.toml"), "log = false\n").unwrap();
    run(logged(&server, &data)
        .args(["ask", "hi"])
        .env("XDG_CONFIG_HOME", &config));
    run(logged(&server, &data).args(["count", "hi"]));
    assert_eq!(server.requests().len(), 4);
    assert!(!data.join("claude-cli").exists(), "no ledger, no directory");
    // CLAUDE_NO_LOG=0 means what it says.
    run(logged(&server, &data)
        .args(["ask", "hi"])
        .env("CLAUDE_NO_LOG", "0"));
    assert_eq!(runs(&data).len(), 1);
}

#[test]
fn the_file_is_private_and_never_holds_the_key() {
    let data = tempdir("ledger-private");
    let echo = format!("invalid x-api-key: {SECRET_KEY}");
    let server = FakeServer::with([
        ok(),
        ok(),
        Reply::error(400, "invalid_request_error", &echo),
    ]);
    let output = logged(&server, &data).args(["ask", "hi"]).output().unwrap();
    assert_exit(&output, 0);
    let output = logged(&server, &data)
        .env_remove("ANTHROPIC_API_KEY")
        .args(["--api-key", SECRET_KEY, "chat", "hello"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    // A server that echoes the key, and a prompt that quotes it.
    let output = logged(&server, &data)
        .args(["ask", &format!("is {SECRET_KEY} my key?")])
        .output()
        .unwrap();
    assert_exit(&output, 7);
    let failed = &runs(&data)[0];
    assert_eq!(failed["error_type"], "invalid_request_error");
    assert!(
        failed["error_message"]
            .as_str()
            .unwrap()
            .contains("<redacted>")
    );
    assert_eq!(failed["prompt"], "is <redacted> my key?");
    let path = reader(&data).args(["log", "path"]).output().unwrap();
    assert_eq!(
        stdout(&path).trim_end(),
        ledger_file(&data).to_str().unwrap()
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&ledger_file(&data)), 0o600);
        assert_eq!(mode(&data.join("claude-cli")), 0o700);
    }
    for entry in std::fs::read_dir(data.join("claude-cli")).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            let bytes = std::fs::read(entry.path()).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains(SECRET_KEY), "{:?}", entry.path());
            assert!(!text.contains("TESTSECRET"), "{:?}", entry.path());
        }
    }
}

#[test]
fn a_corrupt_ledger_costs_one_warning_and_never_the_answer() {
    let data = tempdir("ledger-corrupt");
    std::fs::create_dir_all(data.join("claude-cli")).unwrap();
    std::fs::write(
        ledger_file(&data),
        b"not a database, only text\n".repeat(200),
    )
    .unwrap();
    let server = FakeServer::with([ok(), Reply::json(message_with_stop_reason("max_tokens"))]);
    let output = logged(&server, &data).args(["ask", "hi"]).output().unwrap();
    assert_exit(&output, 0);
    assert!(stdout(&output).starts_with("I apologize"));
    let warned = warnings(&output);
    assert_eq!(warned.len(), 1, "{}", stderr(&output));
    assert!(warned[0].starts_with("claude: warning: this run is not in the ledger "));
    assert!(warned[0].contains("not a database"), "{warned:?}");
    // The exit code is the reply's, whatever the ledger.
    let output = logged(&server, &data).args(["ask", "hi"]).output().unwrap();
    assert_exit(&output, 3);
    assert_eq!(warnings(&output).len(), 1);
    // Reading it is an error, and says which file.
    let output = reader(&data).arg("log").output().unwrap();
    assert_exit(&output, 1);
    assert!(error_line(&output).contains("cannot read the ledger"));
}

#[test]
fn an_unopenable_ledger_costs_one_warning_and_never_the_answer() {
    // A directory where the file should be: read-only for root too.
    let data = tempdir("ledger-unopenable");
    std::fs::create_dir_all(ledger_file(&data)).unwrap();
    let server = FakeServer::with([ok()]);
    let output = logged(&server, &data)
        .args(["ask", "-o", "json", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(serde_json::from_str::<Value>(&stdout(&output)).is_ok());
    assert_eq!(warnings(&output).len(), 1, "{}", stderr(&output));
}

#[test]
fn a_locked_ledger_costs_one_warning_and_never_the_answer() {
    let data = tempdir("ledger-locked");
    let server = FakeServer::with([ok(), ok()]);
    let output = logged(&server, &data)
        .args(["ask", "first"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    // Another process holds the write lock for the whole run.
    let holder = rusqlite::Connection::open(ledger_file(&data)).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let output = logged(&server, &data)
        .args(["ask", "second"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(stdout(&output).starts_with("I apologize"));
    let warned = warnings(&output);
    assert_eq!(warned.len(), 1, "{}", stderr(&output));
    assert!(warned[0].contains("locked"), "{warned:?}");
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    assert_eq!(runs(&data).len(), 1);
}

#[test]
fn eight_concurrent_writers_lose_no_row() {
    let data = tempdir("ledger-concurrent");
    let server = FakeServer::routing(|_| ok());
    let bin = binary();
    let script = format!(
        "seq 1 48 | xargs -P 8 -I N '{}' ask --tag load 'question N' >/dev/null",
        bin.display()
    );
    let output = std::process::Command::new("sh")
        .args(["-c", &script])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("XDG_DATA_HOME", &data)
        .env("ANTHROPIC_BASE_URL", server.url())
        .env("ANTHROPIC_API_KEY", SECRET_KEY)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!stderr(&output).contains("claude:"), "{}", stderr(&output));
    assert_eq!(server.requests().len(), 48);
    let runs = runs(&data);
    assert_eq!(runs.len(), 48);
    let mut prompts: Vec<String> = runs
        .iter()
        .map(|r| r["prompt"].as_str().unwrap().to_owned())
        .collect();
    prompts.sort();
    prompts.dedup();
    assert_eq!(prompts.len(), 48);
}

#[test]
fn prune_deletes_old_runs_and_gives_the_space_back() {
    let data = tempdir("ledger-prune");
    let server = FakeServer::routing(|_| ok());
    for n in 0..30 {
        let prompt = format!("question {n} {}", "padding ".repeat(2000));
        let output = logged(&server, &data)
            .args(["ask", &prompt])
            .output()
            .unwrap();
        assert_exit(&output, 0);
    }
    // Make all but the last run a year old.
    let conn = rusqlite::Connection::open(ledger_file(&data)).unwrap();
    conn.execute(
        "UPDATE runs SET started_at = started_at - 366 * 86400000 WHERE id < 30",
        [],
    )
    .unwrap();
    drop(conn);
    let size = |data: &Path| {
        std::fs::read_dir(data.join("claude-cli"))
            .unwrap()
            .map(|e| e.unwrap().metadata().unwrap().len())
            .sum::<u64>()
    };
    let before = size(&data);
    let output = reader(&data)
        .args(["log", "prune", "--older-than", "90d"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(stderr(&output), "claude: deleted 29 runs\n");
    let left = runs(&data);
    assert_eq!(left.len(), 1);
    assert!(
        left[0]["prompt"]
            .as_str()
            .unwrap()
            .starts_with("question 29 ")
    );
    assert!(size(&data) < before / 2, "{before} -> {}", size(&data));
    let search = reader(&data)
        .args(["log", "-q", "question"])
        .output()
        .unwrap();
    assert_eq!(stdout(&search).lines().count(), 1);
}

#[test]
fn cost_reports_equal_the_sum_of_the_usage_lines() {
    let data = tempdir("ledger-cost");
    let mystery = {
        let mut message: Value =
            serde_json::from_str(&fixture("message-basic-recorded.json")).unwrap();
        message["model"] = json!("mystery-model-1");
        Reply::json(message.to_string())
    };
    let server = FakeServer::with([
        ok(),
        ok(),
        Reply::stream("stream-text-recorded.sse"),
        mystery,
    ]);
    let mut printed = 0.0;
    for args in [
        vec!["ask", "-u", "--tag", "x", "one"],
        vec!["ask", "-u", "--tag", "x", "--tag", "y", "two"],
        vec!["chat", "-u", "--stream", "three"],
        vec!["ask", "-u", "-m", "mystery-model-1", "four"],
    ] {
        let output = logged(&server, &data).args(&args).output().unwrap();
        assert_exit(&output, 0);
        if !stderr(&output).contains("cost unknown") {
            printed += usage_cost(&output);
        }
    }
    // By hand: Haiku 4.5, 760 in × $1 + 63 out × $5 per million = $0.001075,
    // twice; Sonnet 4.5, 135 in × $3 + 10 out × $15 = $0.000555.
    assert!(
        (printed - (2.0 * 0.001075 + 0.000555)).abs() < 1e-12,
        "{printed}"
    );

    let report = |by: &str| -> Vec<Value> {
        let output = reader(&data)
            .args(["cost", "--by", by, "-o", "json"])
            .output()
            .unwrap();
        assert_exit(&output, 0);
        stdout(&output)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let by_model = report("model");
    let total = by_model.last().unwrap();
    assert_eq!(total["total"], true);
    assert_eq!(total["requests"], 4);
    assert_eq!(total["unpriced_requests"], 1);
    assert!((total["usd"].as_f64().unwrap() - printed).abs() < 1e-12);
    assert_eq!(
        by_model[0],
        json!({"model": "claude-haiku-4-5-20251001", "requests": 2, "input_tokens": 1520,
               "output_tokens": 126, "cache_write_tokens": 0, "cache_read_tokens": 0,
               "usd": 0.00215, "unpriced_requests": 0, "total": false})
    );
    let by_tag = report("tag");
    let tags: Vec<(Value, Value)> = by_tag
        .iter()
        .map(|r| (r["tag"].clone(), r["requests"].clone()))
        .collect();
    assert_eq!(
        tags,
        [
            (json!("x"), json!(2)),
            (json!("y"), json!(1)),
            (json!("(no tag)"), json!(2)),
            (Value::Null, json!(4)),
        ]
    );
    let by_command = report("command");
    assert_eq!(by_command[0]["command"], "ask");
    assert_eq!(by_command[0]["requests"], 3);
    assert_eq!(report("day").len(), 2);

    let text = reader(&data)
        .args(["cost", "--by", "model"])
        .output()
        .unwrap();
    assert_exit(&text, 0);
    let table = stdout(&text);
    let lines: Vec<&str> = table.lines().collect();
    assert!(
        lines[0].starts_with("MODEL ") && lines[0].ends_with("USD"),
        "{table}"
    );
    assert!(lines.last().unwrap().starts_with("TOTAL ") && lines.last().unwrap().ends_with(" *"));
    assert!(table.contains("mystery-model-1 "), "{table}");
    assert_eq!(
        stderr(&text),
        "claude: * 1 request of mystery-model-1 with no known price is counted but not in the \
         USD figures; give a price with [prices.MODEL] in the config file\n"
    );
    let none = reader(&data)
        .args(["cost", "--since", "2999-01-01"])
        .output()
        .unwrap();
    assert_exit(&none, 0);
    assert_eq!(
        stdout(&none).lines().count(),
        2,
        "a header and a zero total"
    );
}

#[test]
fn batch_results_are_recorded_once_at_the_batch_price() {
    let data = tempdir("ledger-batch");
    let ended = || {
        let mut body: Value =
            serde_json::from_str(&fixture("message-batch.assembled.json")).unwrap();
        body["processing_status"] = json!("ended");
        body["request_counts"] =
            json!({"processing": 0, "succeeded": 1, "errored": 1, "canceled": 1, "expired": 1});
        Reply::json(body.to_string())
    };
    let results = || {
        Reply::json(fixture("batch-results.assembled.jsonl"))
            .header("content-type", "application/binary")
    };
    let server = FakeServer::with([ended(), results(), ended(), results()]);
    for _ in 0..2 {
        let output = logged(&server, &data)
            .args([
                "batch",
                "results",
                "--tag",
                "nightly",
                "msgbatch_assembled_01",
            ])
            .output()
            .unwrap();
        assert_exit(&output, 11);
    }
    let runs = runs(&data);
    assert_eq!(runs.len(), 4, "fetching twice keeps each result once");
    let ok = runs.iter().find(|r| r["custom_id"] == "req-1").unwrap();
    assert_eq!(ok["command"], "batch");
    assert_eq!(ok["batch_id"], "msgbatch_assembled_01");
    assert_eq!(ok["reply"], "Hello!");
    assert_eq!(ok["tags"], json!(["nightly"]));
    // 10 × $1 + 5 × $5 per million, at half price: what -u prints.
    assert_eq!(ok["cost_usd"], json!(0.000017));
    let errored = runs.iter().find(|r| r["custom_id"] == "req-2").unwrap();
    assert_eq!(errored["error_type"], "invalid_request_error");
    assert_eq!(errored["exit_code"], 11);
}

#[test]
fn the_budget_stops_a_run_before_anything_is_sent() {
    let data = tempdir("ledger-budget");
    let server = FakeServer::routing(|_| ok());
    let ask = |budget: &str, extra: &[&str]| {
        logged(&server, &data)
            .env("CLAUDE_DAILY_BUDGET_USD", budget)
            .args(["ask"])
            .args(extra)
            .arg("hi")
            .output()
            .unwrap()
    };
    // No ledger yet: nothing spent, the run goes.
    assert_exit(&ask("0.0015", &[]), 0);
    assert_exit(&ask("0.0015", &[]), 0);
    assert_eq!(server.requests().len(), 2);
    // $0.002150 spent today: at or over the budget, nothing is sent.
    let refused = ask("0.0015", &[]);
    assert_exit(&refused, 12);
    assert_eq!(server.requests().len(), 2);
    assert_eq!(stdout(&refused), "");
    assert_eq!(
        error_line(&refused),
        "claude: error: budget reached: $0.002150 spent today, the $0.0015 daily budget \
         (CLAUDE_DAILY_BUDGET_USD); the request was not sent (--ignore-budget sends it anyway)"
    );
    assert_exit(&ask("0.0015", &["--ignore-budget"]), 0);
    assert_eq!(server.requests().len(), 3);
    assert_exit(&ask("1", &[]), 0);
    // The config file's budget, which the environment overrides.
    let config = data.join("config");
    std::fs::create_dir_all(config.join("claude-cli")).unwrap();
    std::fs::write(
        config.join("claude-cli/config.toml"),
        "[budget]\ndaily_usd = 0.001\n",
    )
    .unwrap();
    let from_config = logged(&server, &data)
        .env("XDG_CONFIG_HOME", &config)
        .args(["chat", "hi"])
        .output()
        .unwrap();
    assert_exit(&from_config, 12);
    assert!(error_line(&from_config).contains("[budget] daily_usd in the config file"));
    let overridden = logged(&server, &data)
        .env("XDG_CONFIG_HOME", &config)
        .env("CLAUDE_DAILY_BUDGET_USD", "10")
        .args(["vision", "tests/fixtures/images/red.png"])
        .output()
        .unwrap();
    assert_exit(&overridden, 0);
    let bad = ask("five dollars", &[]);
    assert_exit(&bad, 2);
    assert!(error_line(&bad).contains("CLAUDE_DAILY_BUDGET_USD"));
}

#[test]
fn a_budget_with_an_unreadable_ledger_is_exit_12() {
    let data = tempdir("ledger-budget-corrupt");
    std::fs::create_dir_all(data.join("claude-cli")).unwrap();
    std::fs::write(ledger_file(&data), b"garbage, not SQLite\n".repeat(200)).unwrap();
    let server = FakeServer::routing(|_| ok());
    let output = logged(&server, &data)
        .env("CLAUDE_DAILY_BUDGET_USD", "5")
        .args(["ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 12);
    assert!(server.requests().is_empty());
    let line = error_line(&output);
    assert!(
        line.contains("cannot check the $5.00 daily budget") && line.contains("not a database"),
        "{line}"
    );
    let output = logged(&server, &data)
        .env("CLAUDE_DAILY_BUDGET_USD", "5")
        .args(["ask", "--ignore-budget", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(server.requests().len(), 1);
    assert_eq!(warnings(&output).len(), 1);
}

#[test]
fn batch_submit_respects_the_budget() {
    let data = tempdir("ledger-budget-batch");
    let server = FakeServer::routing(|_| ok());
    let output = logged(&server, &data)
        .env("CLAUDE_DAILY_BUDGET_USD", "0")
        .args(["batch", "submit", "tests/fixtures/batch/prompts.jsonl"])
        .output()
        .unwrap();
    assert_exit(&output, 12);
    assert!(server.requests().is_empty());
}

#[test]
fn tags_are_checked_before_sending() {
    let data = tempdir("ledger-tags");
    let server = FakeServer::start();
    for tag in ["", "a\u{7}b", &"x".repeat(65)] {
        let output = logged(&server, &data)
            .args(["ask", "--tag", tag, "hi"])
            .output()
            .unwrap();
        assert_exit(&output, 2);
    }
    assert!(server.requests().is_empty());
}

#[test]
fn each_request_of_a_continued_turn_is_a_row_and_they_add_up_to_the_usage_line() {
    let data = tempdir("ledger-pause");
    let server = FakeServer::with([
        Reply::message("message-pause-turn.assembled.json"),
        Reply::message("message-after-pause.assembled.json"),
    ]);
    let output = logged(&server, &data)
        .args(["ask", "-u", "--tag", "web", "weather in San Francisco?"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let runs = runs(&data);
    assert_eq!(runs.len(), 2);
    let (first, second) = (&runs[1], &runs[0]);
    assert_eq!(
        (&first["stop_reason"], &first["exit_code"]),
        (&json!("pause_turn"), &json!(5))
    );
    assert_eq!(
        (&second["stop_reason"], &second["exit_code"]),
        (&json!("end_turn"), &json!(0))
    );
    assert_eq!(first["prompt"], "weather in San Francisco?");
    assert_eq!(second["tags"], json!(["web"]));
    assert_eq!(first["server_tool_requests"], 1);
    assert_eq!(
        (&first["input_tokens"], &second["input_tokens"]),
        (&json!(11306), &json!(12094))
    );
    let summed = first["cost_usd"].as_f64().unwrap() + second["cost_usd"].as_f64().unwrap();
    assert!((summed - usage_cost(&output)).abs() < 1e-12, "{summed}");
}

#[test]
fn bad_periods_and_run_ids_are_clear_usage_errors() {
    for (args, first_line) in [
        (
            &["log", "--since", "99999999d"][..],
            "claude: error: invalid value '99999999d' for '--since <WHEN>': 99999999d is more \
             than 100 years back, further than any ledger goes; expected a period such as 7d, \
             12h or 2w, or a date such as 2026-11-01",
        ),
        (
            &["log", "--since", "2026-02-30"],
            "claude: error: invalid value '2026-02-30' for '--since <WHEN>': 2026-02-30 is not \
             a day of the calendar; expected a period such as 7d, 12h or 2w, or a date such as \
             2026-11-01",
        ),
        (
            &["log", "show", "abc"],
            "claude: error: invalid value 'abc' for '<ID>': a run id is a whole number from 1, \
             as claude log lists it",
        ),
        (
            &["log", "show", "99999999999999999999"],
            "claude: error: invalid value '99999999999999999999' for '<ID>': a run id is a \
             whole number from 1, as claude log lists it",
        ),
    ] {
        let output = claude().args(args).output().unwrap();
        assert_exit(&output, 2);
        assert_eq!(stderr(&output).lines().next(), Some(first_line), "{args:?}");
    }
}
