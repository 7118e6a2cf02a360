//! `--upload` and `--file-id` on the commands that send messages: the
//! upload cache (hit, miss, expired, gone, shared by concurrent
//! processes), the blocks that name stored files, and the limits that
//! apply to them.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use serde_json::{Value, json};

use crate::support::files::file_ids;
use crate::support::*;

const PDF: &str = "tests/fixtures/images/one-page.pdf";
const RED_PNG: &str = "tests/fixtures/images/red.png";

/// A fake API with a Files store; messages get the basic reply.
fn api(store: &FileStore) -> FakeServer {
    let store = store.clone();
    FakeServer::routing(move |request| {
        store.answer(request).unwrap_or_else(|| {
            if request.path == "/v1/messages/count_tokens" {
                Reply::json(r#"{"input_tokens": 42}"#)
            } else {
                Reply::message("message-basic-recorded.json")
            }
        })
    })
}

fn with_cache(server: &FakeServer, cache: &Path) -> assert_cmd::Command {
    let mut cmd = claude_at(server);
    cmd.env("XDG_CACHE_HOME", cache);
    cmd
}

fn count(server: &FakeServer, method: &str, path: &str) -> usize {
    server
        .requests()
        .iter()
        .filter(|r| r.method == method && r.path == path)
        .count()
}

/// The file ids each message request named, in order.
fn named(server: &FakeServer) -> Vec<Vec<String>> {
    server
        .requests()
        .iter()
        .filter(|r| r.path == "/v1/messages")
        .map(|r| {
            let mut ids = Vec::new();
            file_ids(&r.json(), &mut ids);
            ids
        })
        .collect()
}

/// What `ask` prints for the basic recorded message.
fn answer() -> String {
    let message: Value = serde_json::from_str(&fixture("message-basic-recorded.json")).unwrap();
    format!("{}\n", message["content"][0]["text"].as_str().unwrap())
}

fn cache_file(cache: &Path) -> PathBuf {
    cache.join("claude-cli/files.json")
}

fn sha256(path: &str) -> String {
    let output = std::process::Command::new("sha256sum")
        .arg(path)
        .output()
        .unwrap();
    String::from_utf8(output.stdout).unwrap()[..64].to_owned()
}

/// A cache holding one entry for `path`, as `file_id`, expiring then.
fn seed(cache: &Path, server: &FakeServer, path: &str, file_id: &str, expires_at: Option<&str>) {
    std::fs::create_dir_all(cache.join("claude-cli")).unwrap();
    let entry = json!({
        "file_id": file_id, "sha256": sha256(path),
        "size": std::fs::metadata(path).unwrap().len(),
        "base_url": format!("{}/", server.url()), "filename": "one-page.pdf",
        "mime_type": "application/pdf", "created_at": null, "expires_at": expires_at,
    });
    std::fs::write(
        cache_file(cache),
        json!({"version": 1, "entries": [entry]}).to_string(),
    )
    .unwrap();
}

#[test]
fn a_second_upload_of_the_same_file_sends_no_upload() {
    let store = FileStore::new();
    let server = api(&store);
    let cache = tempdir("uploads-hit");
    for _ in 0..2 {
        let output = with_cache(&server, &cache)
            .args(["ask", "--upload", "-f", PDF, "Summarize"])
            .output()
            .unwrap();
        assert_exit(&output, 0);
        assert_eq!(stdout(&output), answer());
    }
    assert_eq!(count(&server, "POST", "/v1/files"), 1);
    assert_eq!(
        named(&server),
        [
            vec!["file_fake_0001".to_owned()],
            vec!["file_fake_0001".to_owned()]
        ]
    );
    // Other content, or another API, is a miss.
    let output = with_cache(&server, &cache)
        .args(["vision", "--upload", RED_PNG])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(count(&server, "POST", "/v1/files"), 2);
    let other = api(&FileStore::new());
    let output = with_cache(&other, &cache)
        .args(["count", "--upload", "-f", PDF, "How long?"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(count(&other, "POST", "/v1/files"), 1);
}

#[test]
fn an_entry_that_expires_soon_is_not_reused() {
    let store = FileStore::new();
    let server = api(&store);
    let cache = tempdir("uploads-expiring");
    let soon = {
        // Five minutes from now, in RFC 3339.
        let output = std::process::Command::new("date")
            .args(["-u", "-d", "+5 minutes", "+%Y-%m-%dT%H:%M:%SZ"])
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap().trim().to_owned()
    };
    seed(&cache, &server, PDF, "file_soon_gone", Some(&soon));
    let output = with_cache(&server, &cache)
        .args(["ask", "--upload", "-f", PDF, "Summarize"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(count(&server, "POST", "/v1/files"), 1);
    assert_eq!(named(&server), [vec!["file_fake_0001".to_owned()]]);
    // A live entry is reused.
    seed(
        &cache,
        &server,
        PDF,
        "file_lives",
        Some("2999-01-01T00:00:00Z"),
    );
    store.add(StoredFile::new(
        "file_lives",
        "one-page.pdf",
        "application/pdf",
        b"%PDF",
    ));
    let output = with_cache(&server, &cache)
        .args(["ask", "--upload", "-f", PDF, "Summarize"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(count(&server, "POST", "/v1/files"), 1);
    assert_eq!(named(&server)[1], ["file_lives"]);
}

#[test]
fn a_cached_file_that_is_gone_is_uploaded_again_and_the_turn_sent_once_more() {
    for (name, expired) in [("deleted", false), ("expired", true)] {
        let store = FileStore::new();
        let server = api(&store);
        let cache = tempdir(&format!("uploads-gone-{name}"));
        seed(&cache, &server, PDF, "file_was_here", None);
        if expired {
            store.add(StoredFile::new(
                "file_was_here",
                "one-page.pdf",
                "application/pdf",
                b"%PDF",
            ));
            store.expire("file_was_here");
        }
        let output = with_cache(&server, &cache)
            .args(["ask", "--upload", "-f", PDF, "Summarize"])
            .output()
            .unwrap();
        assert_exit(&output, 0);
        assert_eq!(stdout(&output), answer(), "{name}: printed once");
        assert!(
            stderr(&output).contains("file_was_here is no longer stored; uploading it again"),
            "{name}: {}",
            stderr(&output)
        );
        let paths: Vec<String> = server.requests().iter().map(|r| r.path.clone()).collect();
        assert_eq!(
            paths,
            ["/v1/messages", "/v1/files", "/v1/messages"],
            "{name}"
        );
        assert_eq!(
            named(&server),
            [
                vec!["file_was_here".to_owned()],
                vec!["file_fake_0001".to_owned()]
            ]
        );
        let text = std::fs::read_to_string(cache_file(&cache)).unwrap();
        assert!(
            !text.contains("file_was_here") && text.contains("file_fake_0001"),
            "{text}"
        );
    }
}

#[test]
fn a_gone_file_is_retried_once_only_and_other_errors_not_at_all() {
    // The API refuses the fresh upload's id too: the second error stands.
    let server = FakeServer::routing(|request| match request.path.as_str() {
        "/v1/files" => Reply::json(
            StoredFile::new("file_new", "one-page.pdf", "application/pdf", b"%PDF")
                .metadata()
                .to_string(),
        ),
        _ => Reply::error(404, "not_found_error", "File not found: whichever"),
    });
    let cache = tempdir("uploads-gone-twice");
    seed(&cache, &server, PDF, "file_old", None);
    let output = with_cache(&server, &cache)
        .args(["ask", "--upload", "-f", PDF, "Summarize"])
        .output()
        .unwrap();
    assert_exit(&output, 7);
    assert_eq!(count(&server, "POST", "/v1/messages"), 2);
    // A rejection that is not about files is not retried.
    let server =
        FakeServer::routing(|_| Reply::error(400, "invalid_request_error", "max_tokens: too many"));
    seed(&cache, &server, PDF, "file_old", None);
    let output = with_cache(&server, &cache)
        .args(["ask", "--upload", "-f", PDF, "Summarize"])
        .output()
        .unwrap();
    assert_exit(&output, 7);
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn concurrent_processes_keep_each_others_entries() {
    let store = FileStore::new();
    let server = api(&store);
    let cache = tempdir("uploads-concurrent");
    let dir = tempdir("uploads-concurrent-files");
    let paths: Vec<PathBuf> = (0..8)
        .map(|i| {
            let path = dir.join(format!("doc-{i}.txt"));
            std::fs::write(&path, format!("document number {i}\n")).unwrap();
            path
        })
        .collect();
    let children: Vec<_> = paths
        .iter()
        .map(|path| {
            spawnable(&server)
                .env("XDG_CACHE_HOME", &cache)
                .args(["files", "upload"])
                .arg(path)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let file: Value =
        serde_json::from_str(&std::fs::read_to_string(cache_file(&cache)).unwrap()).unwrap();
    let mut names: Vec<&str> = file["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["filename"].as_str().unwrap())
        .collect();
    names.sort();
    let expected: Vec<String> = (0..8).map(|i| format!("doc-{i}.txt")).collect();
    assert_eq!(names, expected);
    let leftovers = std::fs::read_dir(cache.join("claude-cli"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .count();
    assert_eq!(leftovers, 0);
}

#[test]
fn file_ids_are_looked_up_once_and_an_unknown_one_is_named() {
    let store = FileStore::new();
    store.add(StoredFile::new("file_pic", "red.png", "image/png", b"png"));
    let server = api(&store);
    let output = claude_at(&server)
        .args([
            "ask",
            "--file-id",
            "file_pic",
            "--file-id",
            "file_pic",
            "Same?",
        ])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(count(&server, "GET", "/v1/files/file_pic"), 1);
    let body = server.requests().last().unwrap().json();
    assert_eq!(
        body["messages"][0]["content"][0],
        json!({"type": "image", "source": {"type": "file", "file_id": "file_pic"}})
    );
    let output = claude_at(&server)
        .args(["ask", "--file-id", "file_nope", "Summarize"])
        .output()
        .unwrap();
    assert_exit(&output, 7);
    assert!(error_line(&output).starts_with("claude: error: file_nope: 404 not_found_error"));
    assert_eq!(
        count(&server, "POST", "/v1/messages"),
        1,
        "nothing more was sent"
    );
}

#[test]
fn uploaded_files_are_not_held_to_the_inline_limits() {
    let store = FileStore::new();
    let server = api(&store);
    let dir = tempdir("uploads-limits");
    // A PDF over the 32 MB request limit and a PNG over the 5 MB image
    // limit, both sparse past their headers.
    let big_pdf = dir.join("big.pdf");
    std::fs::write(&big_pdf, b"%PDF-1.4\n").unwrap();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&big_pdf)
        .unwrap()
        .set_len(40 << 20)
        .unwrap();
    let big_png = dir.join("big.png");
    std::fs::copy(RED_PNG, &big_png).unwrap();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&big_png)
        .unwrap()
        .set_len(6 << 20)
        .unwrap();
    for path in [&big_pdf, &big_png] {
        let output = claude_at(&server)
            .args(["ask", "-f"])
            .arg(path)
            .arg("x")
            .output()
            .unwrap();
        assert_exit(&output, 2);
    }
    assert!(server.requests().is_empty());
    let output = claude_at(&server)
        .args(["ask", "--upload", "-f"])
        .arg(&big_pdf)
        .arg("-f")
        .arg(&big_png)
        .arg("Compare")
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let sizes: Vec<usize> = store.files().iter().map(|f| f.content.len()).collect();
    assert_eq!(sizes, [40 << 20, 6 << 20]);
    let message = server.requests().last().unwrap().json();
    assert!(
        message.to_string().len() < 1000,
        "the body names the files, it does not carry them"
    );
    let output = claude_at(&server)
        .args(["ask", "--upload", "--resize", "-f", RED_PNG, "x"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert!(error_line(&output).contains("--resize and --upload"));
}

#[test]
fn stdin_images_and_chat_turns_go_through_the_files_api_too() {
    let store = FileStore::new();
    let server = api(&store);
    let output = claude_at(&server)
        .args(["vision", "--upload", "-", "-p", "Colour?"])
        .write_stdin(std::fs::read(RED_PNG).unwrap())
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(store.files()[0].content, std::fs::read(RED_PNG).unwrap());
    assert_eq!(store.files()[0].filename, "stdin");
    let data = tempdir("uploads-chat");
    let output = claude_at(&server)
        .env("XDG_DATA_HOME", &data)
        .args(["chat", "--session", "s", "--upload", "-f", PDF, "Summarize"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let paths: Vec<String> = server.requests().iter().map(|r| r.path.clone()).collect();
    assert_eq!(
        named(&server).last().unwrap(),
        &["file_fake_0002"],
        "{paths:?} {}",
        stderr(&output)
    );
    let saved = std::fs::read_to_string(data.join("claude-cli/sessions/s.json")).unwrap();
    assert!(
        saved.contains("file_fake_0002"),
        "the history names the stored file"
    );
}

#[test]
fn a_dry_run_uploads_nothing_and_shows_what_it_would_name() {
    let store = FileStore::new();
    let server = api(&store);
    let cache = tempdir("uploads-dry-run");
    let output = with_cache(&server, &cache)
        .args([
            "ask",
            "--dry-run",
            "--upload",
            "-f",
            PDF,
            "--file-id",
            "file_x",
            "Summarize",
        ])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(server.requests().is_empty());
    let text = stdout(&output);
    let body: Value = serde_json::from_str(text.lines().last().unwrap()).unwrap();
    assert_eq!(
        body["messages"][0]["content"][0]["source"],
        json!({"type": "file", "file_id": format!("file_<upload of {PDF}>")})
    );
    assert_eq!(body["messages"][0]["content"][1]["type"], json!("document"));
    let notes = stderr(&output);
    assert!(
        notes.contains("not uploaded by a dry run") && notes.contains("shown as a document"),
        "{notes}"
    );
    seed(&cache, &server, PDF, "file_cached", None);
    let output = with_cache(&server, &cache)
        .args(["ask", "--dry-run", "--upload", "-f", PDF, "Summarize"])
        .output()
        .unwrap();
    assert!(stdout(&output).contains("\"file_id\":\"file_cached\""));
    assert!(server.requests().is_empty());
}

#[test]
fn a_batch_uploads_its_document_once_and_names_it_in_every_line() {
    let store = FileStore::new();
    let batch = fixture("message-batch.assembled.json");
    let server = {
        let store = store.clone();
        FakeServer::routing(move |request| {
            store
                .answer(request)
                .unwrap_or_else(|| Reply::json(batch.clone()))
        })
    };
    let cache = tempdir("uploads-batch");
    let dir = tempdir("uploads-batch-prompts");
    let prompts = dir.join("prompts.txt");
    std::fs::write(
        &prompts,
        "Who signed it?\nWhen does it end?\nWhat does it cost?\n",
    )
    .unwrap();
    let submit = |extra: &[&str]| {
        with_cache(&server, &cache)
            .args(["batch", "submit", "--upload", "-f", PDF])
            .args(extra)
            .arg(&prompts)
            .output()
            .unwrap()
    };
    let output = submit(&[]);
    assert_exit(&output, 0);
    assert_eq!(count(&server, "POST", "/v1/files"), 1);
    let body = server.requests().last().unwrap().json();
    let requests = body["requests"].as_array().unwrap();
    assert_eq!(requests.len(), 3);
    for request in requests {
        assert_eq!(
            request["params"]["messages"][0]["content"][0],
            json!({"type": "document", "source": {"type": "file", "file_id": "file_fake_0001"}})
        );
    }
    assert_eq!(
        requests[2]["params"]["messages"][0]["content"][1],
        json!({"type": "text", "text": "What does it cost?"})
    );
    // The second batch names the cached copy once the API confirms it.
    let output = submit(&[]);
    assert_exit(&output, 0);
    assert_eq!(count(&server, "POST", "/v1/files"), 1);
    assert_eq!(count(&server, "GET", "/v1/files/file_fake_0001"), 1);
    // A dry run sends nothing and shows the same lines.
    let before = server.requests().len();
    let output = submit(&["--dry-run"]);
    assert_exit(&output, 0);
    assert_eq!(server.requests().len(), before);
    let text = stdout(&output);
    let shown: Value = serde_json::from_str(text.lines().last().unwrap()).unwrap();
    assert_eq!(shown["requests"], body["requests"]);
    // A cached copy the API no longer has is uploaded again.
    store.remove("file_fake_0001");
    let output = submit(&[]);
    assert_exit(&output, 0);
    assert_eq!(count(&server, "POST", "/v1/files"), 2);
    let body = server.requests().last().unwrap().json();
    assert_eq!(
        body["requests"][0]["params"]["messages"][0]["content"][0]["source"]["file_id"],
        json!("file_fake_0002")
    );
}

#[test]
fn a_batch_with_an_inline_document_says_what_it_costs() {
    let server = FakeServer::routing(|_| Reply::message("message-batch.assembled.json"));
    let output = claude_at(&server)
        .args([
            "batch",
            "submit",
            "-f",
            PDF,
            "tests/fixtures/batch/prompts.txt",
        ])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(
        stderr(&output).contains("an attached PDF goes in base64 into each of the 2 prompt lines; --upload stores it once"),
        "{}",
        stderr(&output)
    );
    let output = claude_at(&server)
        .args([
            "batch",
            "submit",
            "-f",
            PDF,
            "tests/fixtures/batch/params.jsonl",
        ])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(
        stderr(&output).contains("-f/--file-id applied to prompt lines only"),
        "{}",
        stderr(&output)
    );
    let body = server.requests().last().unwrap().json();
    assert!(
        !body.to_string().contains("base64"),
        "params lines are sent as written"
    );
}
