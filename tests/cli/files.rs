//! `claude files` against a fake Files API: uploads checked part by part,
//! the list followed page by page, metadata, downloads and deletes, the
//! errors of each, and the local upload cache.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::support::files::parts;
use crate::support::*;

const RED_PNG: &str = "tests/fixtures/images/red.png";
const PDF: &str = "tests/fixtures/images/one-page.pdf";
const NOTES: &str = "tests/fixtures/images/notes.txt";

/// A fake API with a Files store; anything else gets the basic message.
fn api(store: &FileStore) -> FakeServer {
    let store = store.clone();
    FakeServer::routing(move |request| {
        store
            .answer(request)
            .unwrap_or_else(|| Reply::message("message-basic-recorded.json"))
    })
}

/// `claude` at `server`, with a cache directory of its own.
fn claude_with_cache(server: &FakeServer, cache: &Path) -> assert_cmd::Command {
    let mut cmd = claude_at(server);
    cmd.env("XDG_CACHE_HOME", cache);
    cmd
}

fn cache_entries(cache: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(cache.join("claude-cli/files.json")).unwrap();
    let file: Value = serde_json::from_str(&text).unwrap();
    file["entries"].as_array().unwrap().clone()
}

fn sha256(path: &str) -> String {
    let output = std::process::Command::new("sha256sum")
        .arg(path)
        .output()
        .unwrap();
    String::from_utf8(output.stdout).unwrap()[..64].to_owned()
}

fn uploads(server: &FakeServer) -> Vec<Recorded> {
    server
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST" && r.path == "/v1/files")
        .collect()
}

#[test]
fn upload_sends_one_multipart_part_per_field_and_prints_the_id() {
    let store = FileStore::new();
    store.next_ids(&["file_011CNha8iCJcU1wXNR6q4V8w"]);
    let server = api(&store);
    let cache = tempdir("files-upload");
    let output = claude_with_cache(&server, &cache)
        .args(["files", "upload", RED_PNG])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(stdout(&output), "file_011CNha8iCJcU1wXNR6q4V8w\n");
    let request = server.single_request();
    assert_eq!(request.path, "/v1/files");
    assert_eq!(request.header("x-api-key"), Some(SECRET_KEY));
    assert_eq!(request.header("anthropic-version"), Some("2026-10-21"));
    assert_eq!(
        request.header("anthropic-beta"),
        None,
        "the Files API is GA"
    );
    assert_eq!(
        request.header("content-length"),
        Some(request.body.len().to_string().as_str()),
        "a sized body, not a chunked one"
    );
    assert!(
        request
            .header("content-type")
            .unwrap()
            .starts_with("multipart/form-data; boundary=")
    );
    assert_eq!(
        parts(&request),
        [files::Part {
            name: "file".into(),
            filename: Some("red.png".into()),
            content_type: Some("image/png".into()),
            data: std::fs::read(RED_PNG).unwrap(),
        }]
    );
    let entries = cache_entries(&cache);
    assert_eq!(entries.len(), 1);
    assert_eq!(
        entries[0]["file_id"],
        json!("file_011CNha8iCJcU1wXNR6q4V8w")
    );
    assert_eq!(entries[0]["sha256"], json!(sha256(RED_PNG)));
    assert_eq!(
        entries[0]["size"],
        json!(std::fs::metadata(RED_PNG).unwrap().len())
    );
    assert_eq!(entries[0]["base_url"], json!(format!("{}/", server.url())));
}

#[test]
fn upload_sends_the_expiry_first_and_prints_metadata_as_json() {
    let store = FileStore::new();
    let server = api(&store);
    let output = claude_at(&server)
        .args([
            "files",
            "upload",
            "--expires",
            "2h",
            "-o",
            "json",
            PDF,
            NOTES,
        ])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["filename"], json!("one-page.pdf"));
    assert_eq!(lines[0]["mime_type"], json!("application/pdf"));
    assert_eq!(lines[1]["mime_type"], json!("text/plain"));
    for request in uploads(&server) {
        let parts = parts(&request);
        assert_eq!(parts[0].name, "expires_in_seconds");
        assert_eq!(parts[0].data, b"7200");
        assert_eq!(
            (parts[0].filename.as_ref(), parts[1].name.as_str()),
            (None, "file")
        );
    }
    assert_eq!(store.files()[1].content, std::fs::read(NOTES).unwrap());
}

#[test]
fn uploads_are_checked_before_any_is_sent() {
    let server = FakeServer::start();
    let dir = tempdir("files-too-big");
    let big = dir.join("big.bin");
    // Sparse: 500 MB and one byte, without using the disk.
    std::fs::File::create(&big)
        .unwrap()
        .set_len(500 * 1024 * 1024 + 1)
        .unwrap();
    let output = claude_at(&server)
        .args(["files", "upload", RED_PNG])
        .arg(&big)
        .output()
        .unwrap();
    assert_exit(&output, 2);
    let line = error_line(&output);
    assert!(
        line.contains("big.bin") && line.contains("500 MB"),
        "{line}"
    );
    for bad in ["/no/such/file.pdf", "--expires=30m", "--expires=100d"] {
        let output = claude_at(&server)
            .args(["files", "upload", RED_PNG, bad])
            .output()
            .unwrap();
        assert_exit(&output, 2);
    }
    assert!(server.requests().is_empty());
}

#[test]
fn an_upload_is_retried_whole() {
    let store = FileStore::new();
    let server = api(&store);
    server.push(Reply::error(529, "overloaded_error", "Overloaded"));
    let output = claude_at(&server)
        .args(["--max-retry-wait", "1", "files", "upload", PDF])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let sent = uploads(&server);
    assert_eq!(sent.len(), 2);
    assert_eq!(parts(&sent[0])[0].data, parts(&sent[1])[0].data);
    assert_eq!(store.files()[0].content, std::fs::read(PDF).unwrap());
}

#[test]
fn list_follows_every_page_and_prints_as_it_goes() {
    let store = FileStore::new();
    store.cap_pages(2);
    for i in 0..5 {
        let mut file = StoredFile::new(
            &format!("file_{i}"),
            &format!("doc {i}.pdf"),
            "application/pdf",
            b"%PDF-1.4",
        );
        if i == 0 {
            file.expires_at = Some("2026-11-23T00:00:00Z".into());
        }
        store.add(file);
    }
    let server = api(&store);
    let output = claude_at(&server).args(["files", "list"]).output().unwrap();
    assert_exit(&output, 0);
    let text = stdout(&output);
    let ids: Vec<&str> = text
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(ids, ["file_4", "file_3", "file_2", "file_1", "file_0"]);
    assert_eq!(
        text.lines().last().unwrap(),
        "file_0  8  application/pdf  2026-11-22T01:34:07Z  2026-11-23T00:00:00Z  doc 0.pdf"
    );
    let paths: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(
        paths,
        [
            "/v1/files?limit=1000",
            "/v1/files?limit=1000&page=page_2",
            "/v1/files?limit=1000&page=page_4"
        ]
    );
    let output = claude_at(&server)
        .args(["files", "list", "-o", "json"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let all: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(all.as_array().unwrap().len(), 5);
    assert_eq!(all[4], store.files()[0].metadata());
}

#[test]
fn list_pages_that_go_round_in_circles_are_an_error() {
    let page = json!({"data": [StoredFile::new("file_a", "a", "text/plain", b"a").metadata()], "next_page": "page_x"});
    let server = FakeServer::routing(move |_| Reply::json(page.to_string()));
    let output = claude_at(&server).args(["files", "list"]).output().unwrap();
    assert_exit(&output, 9);
    assert!(error_line(&output).contains("pagination is broken"));
    assert_eq!(server.requests().len(), 2);
    // An older server paging with has_more and last_id is followed too.
    let pages = [
        json!({"data": [StoredFile::new("file_b", "b", "text/plain", b"b").metadata()], "has_more": true, "last_id": "file_b"}),
        json!({"data": [StoredFile::new("file_c", "c", "text/plain", b"c").metadata()], "has_more": false, "last_id": "file_c"}),
    ];
    let server = FakeServer::with(pages.map(|p| Reply::json(p.to_string())));
    let output = claude_at(&server)
        .args(["files", "list", "-o", "json"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(
        server.requests()[1].path,
        "/v1/files?limit=1000&after_id=file_b"
    );
}

#[test]
fn info_shows_metadata_and_names_an_unknown_id() {
    let store = FileStore::new();
    store.add(StoredFile::new(
        "file_a",
        "report.pdf",
        "application/pdf",
        b"%PDF-1.4",
    ));
    let server = api(&store);
    let output = claude_at(&server)
        .args(["files", "info", "file_a"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(
        stdout(&output),
        "id           file_a\nname         report.pdf\ntype         application/pdf\nsize         8\n\
         created      2026-11-22T01:34:07Z\nexpires      never\ndownloadable no\n"
    );
    let output = claude_at(&server)
        .args(["files", "info", "-o", "json", "file_a"])
        .output()
        .unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&stdout(&output)).unwrap(),
        store.files()[0].metadata()
    );
    let output = claude_at(&server)
        .args(["files", "info", "file_nope"])
        .output()
        .unwrap();
    assert_exit(&output, 7);
    assert_eq!(
        error_line(&output),
        "claude: error: file_nope: 404 not_found_error: File not found: file_nope \
         (request-id: req_fake_0123456789); claude files list shows the stored files"
    );
}

#[test]
fn delete_goes_on_past_a_failure_and_drops_cache_entries() {
    let store = FileStore::new();
    let server = api(&store);
    let cache = tempdir("files-delete");
    for path in [RED_PNG, PDF] {
        let output = claude_with_cache(&server, &cache)
            .args(["files", "upload", path])
            .output()
            .unwrap();
        assert_exit(&output, 0);
    }
    let output = claude_with_cache(&server, &cache)
        .args([
            "files",
            "delete",
            "file_fake_0001",
            "file_nope",
            "file_fake_0002",
        ])
        .output()
        .unwrap();
    assert_exit(&output, 7);
    assert_eq!(stdout(&output), "file_fake_0001\nfile_fake_0002\n");
    assert!(error_line(&output).starts_with("claude: error: file_nope: 404"));
    assert!(store.files().is_empty());
    assert!(cache_entries(&cache).is_empty());
}

#[test]
fn download_streams_to_a_file_or_stdout() {
    let store = FileStore::new();
    let content: Vec<u8> = (0..=255u8).cycle().take(300_000).collect();
    let mut made = StoredFile::new("file_made", "chart.png", "image/png", &content);
    made.downloadable = true;
    store.add(made);
    let server = api(&store);
    let dir = tempdir("files-download");
    let target = dir.join("chart.png");
    let output = claude_at(&server)
        .args(["files", "download", "file_made", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(std::fs::read(&target).unwrap(), content);
    assert_eq!(stdout(&output), "");
    let request = &server.requests()[0];
    assert_eq!(request.path, "/v1/files/file_made/content");
    assert_eq!(request.header("accept"), Some("application/binary"));
    let output = claude_at(&server)
        .args(["files", "download", "file_made"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(output.stdout, content);
    let leftovers: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(leftovers, [target]);
}

#[test]
fn download_errors_say_why_and_leave_no_file() {
    let store = FileStore::new();
    store.add(StoredFile::new(
        "file_up",
        "mine.pdf",
        "application/pdf",
        b"%PDF-1.4",
    ));
    let mut old = StoredFile::new("file_old", "old.csv", "text/csv", b"a,b");
    old.downloadable = true;
    store.add(old);
    store.expire("file_old");
    let server = api(&store);
    let dir = tempdir("files-download-errors");
    let cases = [
        (
            "file_up",
            "file_up: 400 invalid_request_error: File file_up is not downloadable",
            "only files made by a tool",
        ),
        (
            "file_old",
            "file_old: 404 not_found_error: File file_old has expired",
            "the file has expired; upload it again",
        ),
        (
            "file_nope",
            "file_nope: 404 not_found_error",
            "claude files list shows",
        ),
    ];
    for (id, says, hint) in cases {
        let output = claude_at(&server)
            .args(["files", "download", id, "-o"])
            .arg(dir.join("out"))
            .output()
            .unwrap();
        assert_exit(&output, 7);
        let line = error_line(&output);
        assert!(line.contains(says) && line.contains(hint), "{line}");
    }
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
}

#[test]
fn binary_content_is_not_written_to_a_terminal() {
    let store = FileStore::new();
    let mut made = StoredFile::new(
        "file_made",
        "chart.png",
        "image/png",
        b"\x89PNG\r\n\x1a\n\x1b[2J",
    );
    made.downloadable = true;
    store.add(made);
    let mut text = StoredFile::new("file_text", "out.csv", "text/csv", b"a,b\n1,2\n");
    text.downloadable = true;
    store.add(text);
    let server = api(&store);
    let pty = pty::Pty::open();
    let mut cmd = spawnable(&server);
    cmd.args(["files", "download", "file_made"])
        .stdout(pty.terminal())
        .stderr(pty.terminal());
    assert_eq!(cmd.status().unwrap().code(), Some(2));
    drop(cmd);
    let screen = pty.read_all();
    assert!(
        screen.contains("file_made is image/png") && screen.contains("-o PATH"),
        "{screen}"
    );
    assert!(!screen.contains("PNG"), "{screen}");
    assert!(
        server
            .requests()
            .iter()
            .all(|r| !r.path.ends_with("/content"))
    );
    let pty = pty::Pty::open();
    let mut cmd = spawnable(&server);
    cmd.args(["files", "download", "file_text"])
        .stdout(pty.terminal());
    assert_eq!(cmd.status().unwrap().code(), Some(0));
    drop(cmd);
    assert_eq!(pty.read_all(), "a,b\n1,2\n");
}

#[test]
fn the_cache_is_listed_and_forgotten_without_a_key() {
    let store = FileStore::new();
    let server = api(&store);
    let cache = tempdir("files-forget");
    for path in [RED_PNG, PDF, NOTES] {
        let output = claude_with_cache(&server, &cache)
            .args(["files", "upload", path])
            .output()
            .unwrap();
        assert_exit(&output, 0);
    }
    let requests = server.requests().len();
    let local = || {
        let mut cmd = claude();
        cmd.env("XDG_CACHE_HOME", &cache);
        cmd
    };
    let output = local()
        .args(["files", "list", "--cached"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let text = stdout(&output);
    let rows: Vec<Vec<&str>> = text
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0][..3], ["file_fake_0001", "73", "image/png"]);
    assert_eq!(rows[2][5], "notes.txt");
    let output = local()
        .args(["files", "forget", "file_fake_0002"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let output = local()
        .args(["files", "list", "--cached", "-o", "json"])
        .output()
        .unwrap();
    let entries: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let ids: Vec<&str> = entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["file_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["file_fake_0001", "file_fake_0003"]);
    let output = local()
        .args(["files", "forget", "file_nope"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert!(error_line(&output).contains("not in the upload cache: file_nope"));
    let output = local().args(["files", "forget", "--all"]).output().unwrap();
    assert_exit(&output, 0);
    assert!(cache_entries(&cache).is_empty());
    let output = local().args(["files", "forget"]).output().unwrap();
    assert_exit(&output, 2);
    assert_eq!(server.requests().len(), requests, "nothing was sent");
}

#[test]
fn a_progress_bar_shows_on_a_terminal_and_the_log_gives_the_body_size() {
    let store = FileStore::new();
    let server = api(&store);
    let pty = pty::Pty::open();
    let mut cmd = spawnable(&server);
    cmd.args(["files", "upload", PDF])
        .env("TERM", "xterm-256color")
        .stdout(std::process::Stdio::null())
        .stderr(pty.terminal());
    assert_eq!(cmd.status().unwrap().code(), Some(0));
    // The command holds a handle to the terminal until dropped.
    drop(cmd);
    let screen = pty.read_all();
    assert!(
        screen.contains("uploading tests/fixtures/images/one-page.pdf"),
        "{screen}"
    );
    let output = claude_at(&server)
        .args(["-v", "files", "upload", PDF])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let sent = uploads(&server).pop().unwrap();
    let log = stderr(&output);
    assert!(
        log.contains(&format!(
            "/v1/files (attempt 1 of 3, {} bytes)",
            sent.body.len()
        )),
        "{log}"
    );
    assert!(
        !log.contains("uploading"),
        "no bar when stderr is not a terminal: {log}"
    );
}
