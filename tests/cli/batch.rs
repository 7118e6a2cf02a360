use serde_json::{Value, json};

use crate::support::*;

fn batch(status: &str, counts: [u64; 5]) -> Reply {
    let mut body: Value = serde_json::from_str(&fixture("message-batch.assembled.json")).unwrap();
    body["processing_status"] = json!(status);
    let [processing, succeeded, errored, canceled, expired] = counts;
    body["request_counts"] = json!({
        "processing": processing, "succeeded": succeeded, "errored": errored,
        "canceled": canceled, "expired": expired
    });
    Reply::json(body.to_string())
}

fn ended() -> Reply {
    batch("ended", [0, 1, 1, 1, 1])
}

/// The recorded results, served out of order as the API may.
fn results() -> Reply {
    let lines: Vec<&str> = fixture_lines();
    let shuffled = format!("{}\n{}\n{}\n{}\n", lines[3], lines[1], lines[0], lines[2]);
    Reply::json(shuffled).header("content-type", "application/binary")
}

fn fixture_lines() -> Vec<&'static str> {
    let text: &'static str = Box::leak(fixture("batch-results.assembled.jsonl").into_boxed_str());
    text.lines().collect()
}

const ID: &str = "msgbatch_assembled_01";

#[test]
fn submit_prints_the_batch_id() {
    let server = FakeServer::with([Reply::message("message-batch.assembled.json")]);
    let output = claude_at(&server)
        .args(["batch", "submit", "tests/fixtures/batch/prompts.jsonl"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(stdout(&output), format!("{ID}\n"));
    let request = server.single_request();
    assert_eq!(
        (request.method.as_str(), request.path.as_str()),
        ("POST", "/v1/messages/batches")
    );
    assert_eq!(request.json()["requests"].as_array().unwrap().len(), 3);
}

#[test]
fn submit_checks_the_whole_file_first_and_names_the_line() {
    let dir = tempdir("batch-bad");
    let cases = [
        (
            "{\"custom_id\":\"a\",\"prompt\":\"x\"}\n{\"custom_id\":\"a\",\"prompt\":\"y\"}\n",
            "line 2: custom_id \"a\" is already used on line 1",
        ),
        (
            "{\"custom_id\":\"a b\",\"prompt\":\"x\"}\n",
            "line 1: custom_id \"a b\" is not",
        ),
        (
            "{\"custom_id\":\"a\",\"prompt\":\"x\"}\n\n{\"custom_id\":\"b\",\"prompt\":\" \"}\n",
            "line 3: the prompt is empty",
        ),
        (
            "{\"custom_id\":\"a\",\"prompt\":\"x\"}\n{broken\n",
            "line 2: not valid JSON at column 2: key must be a string",
        ),
        (
            "{\"custom_id\":\"a\",\"promt\":\"x\"}\n",
            "line 1: unknown key \"promt\" (did you mean \"prompt\"?",
        ),
        ("", "no requests in the file"),
    ];
    for (text, needle) in cases {
        let path = dir.join("in.jsonl");
        std::fs::write(&path, text).unwrap();
        let server = FakeServer::start();
        let output = claude_at(&server)
            .args(["batch", "submit", path.to_str().unwrap()])
            .output()
            .unwrap();
        assert_exit(&output, 2);
        let line = error_line(&output);
        assert!(line.contains(needle), "{needle:?} not in {line}");
        assert!(
            !line.contains("at line 1 column"),
            "one line number: {line}"
        );
        assert!(!line.contains("no prompt or params"), "{line}");
        assert!(server.requests().is_empty());
    }
    let big = dir.join("big.txt");
    std::fs::write(&big, "q\n".repeat(100_001)).unwrap();
    let server = FakeServer::start();
    let output = claude_at(&server)
        .args(["batch", "submit", big.to_str().unwrap()])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert!(error_line(&output).contains("more than 100000 requests"));
    assert!(server.requests().is_empty());
}

#[test]
fn status_shows_counts_by_status() {
    let server = FakeServer::with([ended()]);
    let output = claude_at(&server)
        .args(["batch", "status", ID])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let text = stdout(&output);
    for line in [
        "status     ended",
        "succeeded  1",
        "errored    1",
        "canceled   1",
        "expired    1",
        "processing 0",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    assert_eq!(
        server.single_request().path,
        format!("/v1/messages/batches/{ID}")
    );
    let server = FakeServer::with([ended()]);
    let output = claude_at(&server)
        .args(["batch", "status", ID, "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&stdout(&output)).unwrap()["id"],
        json!(ID)
    );
}

#[test]
fn wait_polls_until_the_batch_ends_and_exits_by_its_counts() {
    let server = FakeServer::with([
        batch("in_progress", [4, 0, 0, 0, 0]),
        batch("in_progress", [2, 2, 0, 0, 0]),
        batch("ended", [0, 4, 0, 0, 0]),
        batch("ended", [0, 4, 0, 0, 0]),
    ]);
    let output = claude_at(&server)
        .args(["batch", "wait", ID, "--poll-interval", "0.01"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(server.requests().len(), 4);
    // No progress bar when stderr is not a terminal.
    assert_eq!(stderr(&output), "");
    assert!(stdout(&output).contains("succeeded  4"));

    let server = FakeServer::with([batch("in_progress", [4, 0, 0, 0, 0]), ended(), ended()]);
    let output = claude_at(&server)
        .args(["batch", "wait", ID, "--poll-interval", "0.01"])
        .output()
        .unwrap();
    assert_exit(&output, 11);
}

#[test]
fn results_stream_every_line_as_it_came_and_exit_11_on_failures() {
    let server = FakeServer::with([ended(), results()]);
    let output = claude_at(&server)
        .args(["batch", "results", ID])
        .output()
        .unwrap();
    assert_exit(&output, 11);
    let lines = fixture_lines();
    assert_eq!(
        stdout(&output),
        format!("{}\n{}\n{}\n{}\n", lines[3], lines[1], lines[0], lines[2])
    );
    assert_eq!(
        stderr(&output),
        "claude: 1 succeeded, 1 errored, 1 canceled, 1 expired\n"
    );
    let requests = server.requests();
    assert_eq!(
        requests[1].path,
        format!("/v1/messages/batches/{ID}/results")
    );
    assert_eq!(requests[1].header("accept"), Some("application/binary"));
}

#[test]
fn results_as_text_and_with_usage_at_batch_prices() {
    let server = FakeServer::with([ended(), results()]);
    let output = claude_at(&server)
        .args(["batch", "results", ID, "-o", "text", "--usage"])
        .output()
        .unwrap();
    assert_exit(&output, 11);
    assert_eq!(stdout(&output), "req-1\tHello!\n");
    let notes = stderr(&output);
    assert!(notes.contains("claude: req-4: expired\n"), "{notes}");
    assert!(
        notes.contains(
            "claude: req-2: errored: invalid_request_error: max_tokens: Field required\n"
        ),
        "{notes}"
    );
    assert!(notes.contains("claude: req-3: canceled\n"), "{notes}");
    // Haiku 4.5 at half price: (10 × $1 + 5 × $5) / 1e6 / 2 = $0.0000175,
    // which is a hair under that as a float, so it prints as $0.000017.
    assert!(
        notes.ends_with(
            "claude: 1 succeeded, 1 errored, 1 canceled, 1 expired; 10 input, 5 output, \
             0 cache-write, 0 cache-read tokens; $0.000017 at batch prices\n"
        ),
        "{notes}"
    );
}

#[test]
fn results_before_the_end_are_refused_as_not_finished() {
    // Not 2, "nothing was sent": the status was asked for. 5 is the
    // contract's "not finished".
    let server = FakeServer::with([batch("in_progress", [3, 1, 0, 0, 0])]);
    let output = claude_at(&server)
        .args(["batch", "results", ID])
        .output()
        .unwrap();
    assert_exit(&output, 5);
    assert!(stdout(&output).is_empty());
    assert!(error_line(&output).contains("still in_progress"));
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn submit_wait_does_it_all_in_one_go() {
    let server = FakeServer::with([
        Reply::message("message-batch.assembled.json"),
        batch("in_progress", [4, 0, 0, 0, 0]),
        ended(),
        ended(),
        results(),
    ]);
    let output = claude_at(&server)
        .args([
            "batch",
            "submit",
            "--wait",
            "--poll-interval",
            "0.01",
            "-o",
            "text",
        ])
        .arg("tests/fixtures/batch/prompts.txt")
        .output()
        .unwrap();
    assert_exit(&output, 11);
    assert_eq!(stdout(&output), "req-1\tHello!\n");
    let paths: Vec<String> = server
        .requests()
        .iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    assert_eq!(
        paths,
        [
            "POST /v1/messages/batches".to_owned(),
            format!("GET /v1/messages/batches/{ID}"),
            format!("GET /v1/messages/batches/{ID}"),
            format!("GET /v1/messages/batches/{ID}"),
            format!("GET /v1/messages/batches/{ID}/results"),
        ]
    );
}

#[test]
fn list_and_cancel() {
    let page = json!({"data": [
        serde_json::from_str::<Value>(&fixture("message-batch.assembled.json")).unwrap()
    ], "has_more": false, "last_id": ID});
    let server = FakeServer::with([Reply::json(page.to_string())]);
    let output = claude_at(&server).args(["batch", "list"]).output().unwrap();
    assert_exit(&output, 0);
    assert_eq!(
        stdout(&output),
        format!("{ID}\tended\t4/4 done\t2026-08-01T10:00:00.000000Z\n")
    );
    assert_eq!(
        server.single_request().path,
        "/v1/messages/batches?limit=100"
    );

    let server = FakeServer::with([batch("canceling", [2, 1, 0, 1, 0])]);
    let output = claude_at(&server)
        .args(["batch", "cancel", ID])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(stdout(&output).contains("status     canceling"));
    let request = server.single_request();
    assert_eq!(
        (request.method.as_str(), request.path.as_str()),
        ("POST", &*format!("/v1/messages/batches/{ID}/cancel"))
    );
}

#[test]
fn a_jsonl_file_with_a_byte_order_mark_is_still_jsonl() {
    let dir = tempdir("batch-bom");
    let path = dir.join("bom.jsonl");
    std::fs::write(
        &path,
        "\u{feff}{\"custom_id\":\"a\",\"prompt\":\"hi\",\"model\":\"haiku\"}\r\n",
    )
    .unwrap();
    let server = FakeServer::with([Reply::message("message-batch.assembled.json")]);
    claude_at(&server)
        .args(["batch", "submit", path.to_str().unwrap()])
        .assert()
        .success();
    let request = &server.single_request().json()["requests"][0];
    assert_eq!(request["custom_id"], json!("a"));
    assert_eq!(request["params"]["model"], json!("claude-haiku-4-5"));
}

#[test]
fn results_cut_short_or_a_server_that_says_nothing_useful_are_errors() {
    // The batch counts four results; the file has one.
    let first = fixture_lines()[0].to_owned() + "\n";
    let server = FakeServer::with([ended(), Reply::json(first)]);
    let output = claude_at(&server)
        .args(["batch", "results", ID])
        .output()
        .unwrap();
    assert_exit(&output, 9);
    assert!(error_line(&output).contains("the results ended after 1 of the batch's 4 results"));

    let server = FakeServer::with([Reply::json(json!({"id": ID}).to_string())]);
    let output = claude_at(&server)
        .args(["batch", "wait", ID, "--poll-interval", "0.01"])
        .output()
        .unwrap();
    assert_exit(&output, 9);
    assert_eq!(server.requests().len(), 1, "no endless polling");

    let server = FakeServer::with([Reply::json(json!({"type": "message_batch"}).to_string())]);
    let output = claude_at(&server)
        .args(["batch", "submit", "tests/fixtures/batch/prompts.txt"])
        .output()
        .unwrap();
    assert_exit(&output, 9);
    assert!(error_line(&output).contains("names no id"));
}

#[test]
fn options_that_params_lines_do_not_take_are_named() {
    let server = FakeServer::start();
    let output = claude_at(&server)
        .args([
            "batch",
            "submit",
            "--dry-run",
            "--thinking",
            "adaptive",
            "-m",
            "opus",
        ])
        .arg("tests/fixtures/batch/params.jsonl")
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(
        stderr(&output).contains("--thinking applied to prompt lines only"),
        "{}",
        stderr(&output)
    );
    let body: Value = serde_json::from_str(stdout(&output).lines().last().unwrap()).unwrap();
    assert_eq!(
        body["requests"][1]["params"]["model"],
        json!("claude-opus-5")
    );
    assert!(body["requests"][1]["params"].get("thinking").is_none());
    assert!(server.requests().is_empty());
}

#[test]
fn usage_near_the_largest_count_saturates_instead_of_wrapping() {
    let mut result: Value = serde_json::from_str(fixture_lines()[0]).unwrap();
    let huge = u64::MAX - 1;
    result["result"]["message"]["usage"] = json!({"input_tokens": huge, "output_tokens": huge,
        "cache_creation_input_tokens": huge, "cache_read_input_tokens": huge});
    let mut second = result.clone();
    second["custom_id"] = json!("req-9");
    let body = format!("{result}\n{second}\n");
    let server = FakeServer::with([batch("ended", [0, 2, 0, 0, 0]), Reply::json(body)]);
    let output = claude_at(&server)
        .args(["batch", "results", ID, "-o", "text", "--usage"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let notes = stderr(&output);
    let max = u64::MAX;
    assert!(
        notes.contains(&format!(
            "2 succeeded, 0 errored, 0 canceled, 0 expired; {max} input, {max} output, \
             {max} cache-write, {max} cache-read tokens; $"
        )),
        "{notes}"
    );
}

#[test]
fn unreadable_result_lines_count_as_failures() {
    let lines = fixture_lines();
    let body = format!("{}\nnot json\n{}\n{}\n", lines[0], lines[1], lines[2]);
    let server = FakeServer::with([ended(), Reply::json(body)]);
    let output = claude_at(&server)
        .args(["batch", "results", ID])
        .output()
        .unwrap();
    assert_exit(&output, 11);
    assert!(
        stderr(&output).contains("1 unreadable"),
        "{}",
        stderr(&output)
    );
    // Passed on as they came.
    assert!(stdout(&output).contains("\nnot json\n"));
}

#[test]
fn a_result_line_over_its_cap_is_refused_before_it_is_parsed() {
    let lines = fixture_lines();
    // 3.3 MB of `{},`: a small line, but a tree of a million values.
    let hostile = format!(
        "{{\"custom_id\":\"x\",\"result\":[{}{{}}]}}",
        "{},".repeat(1_100_000)
    );
    let body = format!("{}\n{hostile}\n{}\n", lines[0], lines[1]);
    let server = FakeServer::with([ended(), Reply::json(body)]);
    let output = claude_at(&server)
        .args(["batch", "results", ID])
        .output()
        .unwrap();
    assert_exit(&output, 9);
    assert_eq!(
        error_line(&output),
        "claude: error: the reply holds over 1050000 JSON values, the cap for a batch result \
         line"
    );
    assert_eq!(stdout(&output), format!("{}\n", lines[0]));
}
