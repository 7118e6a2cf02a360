//! A Files API for the fake server: multipart uploads (parsed part by
//! part), a list served in pages, metadata, content, delete, files that
//! expire or cannot be downloaded, and the errors the API gives for each,
//! in its envelope (with `details.error_code` where the SDK types one).
//!
//! Messages that name a stored file by id are checked too: an unknown or
//! expired id gets the error the API would give.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

use super::server::{Recorded, Reply};

/// One stored file.
#[derive(Debug, Clone)]
pub struct StoredFile {
    pub id: String,
    pub filename: String,
    pub mime_type: String,
    pub content: Vec<u8>,
    pub downloadable: bool,
    pub expires_at: Option<String>,
    /// Past its expiry: the content and messages naming it get
    /// `file_expired`.
    pub expired: bool,
}

impl StoredFile {
    pub fn new(id: &str, filename: &str, mime_type: &str, content: &[u8]) -> StoredFile {
        StoredFile {
            id: id.to_owned(),
            filename: filename.to_owned(),
            mime_type: mime_type.to_owned(),
            content: content.to_vec(),
            downloadable: false,
            expires_at: None,
            expired: false,
        }
    }

    pub fn metadata(&self) -> Value {
        let mut value = json!({
            "id": self.id,
            "type": "file",
            "filename": self.filename,
            "mime_type": self.mime_type,
            "size_bytes": self.content.len(),
            "created_at": "2026-11-22T01:34:07.123456Z",
            "downloadable": self.downloadable,
        });
        if let Some(at) = &self.expires_at {
            value["expires_at"] = json!(at);
        }
        value
    }
}

/// One part of a multipart body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub filename: Option<String>,
    pub content_type: Option<String>,
    pub data: Vec<u8>,
}

#[derive(Default)]
struct State {
    files: Vec<StoredFile>,
    /// Ids given to the next uploads, in order; then `file_fake_N`.
    next_ids: VecDeque<String>,
    uploads: usize,
    /// Most files per page, whatever `limit` asks.
    page_cap: Option<usize>,
}

/// The store; clones share it.
#[derive(Clone, Default)]
pub struct FileStore {
    state: Arc<Mutex<State>>,
}

impl FileStore {
    pub fn new() -> FileStore {
        FileStore::default()
    }

    pub fn add(&self, file: StoredFile) {
        self.state.lock().unwrap().files.push(file);
    }

    /// The ids the next uploads get.
    pub fn next_ids(&self, ids: &[&str]) {
        let mut state = self.state.lock().unwrap();
        state.next_ids.extend(ids.iter().map(|id| id.to_string()));
    }

    pub fn cap_pages(&self, files: usize) {
        self.state.lock().unwrap().page_cap = Some(files);
    }

    pub fn expire(&self, id: &str) {
        let mut state = self.state.lock().unwrap();
        let file = state.files.iter_mut().find(|f| f.id == id).expect("stored");
        file.expired = true;
        file.expires_at = Some("2026-11-22T02:34:07Z".into());
    }

    /// Deletes a file behind the client's back.
    pub fn remove(&self, id: &str) {
        self.state.lock().unwrap().files.retain(|f| f.id != id);
    }

    pub fn files(&self) -> Vec<StoredFile> {
        self.state.lock().unwrap().files.clone()
    }

    /// Answers a Files API request, or a Messages request that names an
    /// unknown or expired file; `None` for anything else.
    pub fn answer(&self, request: &Recorded) -> Option<Reply> {
        let (path, query) = request.path.split_once('?').unwrap_or((&request.path, ""));
        let mut state = self.state.lock().unwrap();
        match (request.method.as_str(), path) {
            ("POST", "/v1/files") => Some(state.upload(request)),
            ("GET", "/v1/files") => Some(state.list(query)),
            ("GET", rest) if rest.starts_with("/v1/files/") => {
                let rest = &rest["/v1/files/".len()..];
                match rest.strip_suffix("/content") {
                    Some(id) => Some(state.content(id)),
                    None => Some(match state.find(rest) {
                        Some(file) => Reply::json(file.metadata().to_string()),
                        None => not_found(rest),
                    }),
                }
            }
            ("DELETE", rest) if rest.starts_with("/v1/files/") => {
                let id = &rest["/v1/files/".len()..];
                let before = state.files.len();
                state.files.retain(|f| f.id != id);
                Some(if state.files.len() < before {
                    Reply::json(json!({"id": id, "type": "file_deleted"}).to_string())
                } else {
                    not_found(id)
                })
            }
            ("POST", "/v1/messages" | "/v1/messages/count_tokens" | "/v1/messages/batches") => {
                let body: Value = serde_json::from_slice(&request.body).ok()?;
                let mut ids = Vec::new();
                file_ids(&body, &mut ids);
                ids.into_iter().find_map(|id| match state.find(&id) {
                    None => Some(Reply::error(
                        404,
                        "not_found_error",
                        &format!("File not found: {id}"),
                    )),
                    Some(file) if file.expired => Some(expired(&id)),
                    Some(_) => None,
                })
            }
            _ => None,
        }
    }
}

impl State {
    fn find(&self, id: &str) -> Option<&StoredFile> {
        self.files.iter().find(|f| f.id == id)
    }

    fn upload(&mut self, request: &Recorded) -> Reply {
        let parts = parts(request);
        let Some(file) = parts.iter().find(|p| p.name == "file") else {
            return Reply::error(400, "invalid_request_error", "file: Field required");
        };
        self.uploads += 1;
        let id = self
            .next_ids
            .pop_front()
            .unwrap_or_else(|| format!("file_fake_{:04}", self.uploads));
        let mut stored = StoredFile::new(
            &id,
            file.filename.as_deref().unwrap_or("unnamed"),
            file.content_type
                .as_deref()
                .unwrap_or("application/octet-stream"),
            &file.data,
        );
        if parts.iter().any(|p| p.name == "expires_in_seconds") {
            // Far ahead, so that cache entries stay alive; the tests check
            // the part itself.
            stored.expires_at = Some("2999-01-01T00:00:00Z".into());
        }
        let metadata = stored.metadata();
        self.files.push(stored);
        Reply::json(metadata.to_string())
    }

    /// Newest first, `limit` (capped) per page, the cursor `page_N`.
    fn list(&self, query: &str) -> Reply {
        let param = |name: &str| {
            query
                .split('&')
                .find_map(|pair| pair.strip_prefix(&format!("{name}=")))
                .map(str::to_owned)
        };
        let limit: usize = param("limit").and_then(|l| l.parse().ok()).unwrap_or(20);
        let limit = self.page_cap.map_or(limit, |cap| limit.min(cap));
        let start: usize = param("page")
            .and_then(|p| p.strip_prefix("page_").and_then(|n| n.parse().ok()))
            .unwrap_or(0);
        let newest_first: Vec<&StoredFile> = self.files.iter().rev().collect();
        let end = (start + limit).min(newest_first.len());
        let data: Vec<Value> = newest_first[start.min(end)..end]
            .iter()
            .map(|f| f.metadata())
            .collect();
        let next = (end < newest_first.len()).then(|| format!("page_{end}"));
        Reply::json(json!({"data": data, "next_page": next}).to_string())
    }

    fn content(&self, id: &str) -> Reply {
        match self.find(id) {
            None => not_found(id),
            Some(file) if file.expired => expired(id),
            Some(file) if !file.downloadable => Reply::status(
                400,
                json!({"type": "error", "error": {"type": "invalid_request_error",
                    "message": format!("File {id} is not downloadable"),
                    "details": {"error_code": "file_not_downloadable"}},
                    "request_id": "req_body_0123456789"})
                .to_string(),
            ),
            Some(file) => Reply::Full {
                status: 200,
                headers: vec![
                    ("content-type".into(), file.mime_type.clone()),
                    ("request-id".into(), "req_fake_0123456789".into()),
                ],
                body: file.content.clone(),
                delay: std::time::Duration::ZERO,
            },
        }
    }
}

fn not_found(id: &str) -> Reply {
    Reply::error(404, "not_found_error", &format!("File not found: {id}"))
}

fn expired(id: &str) -> Reply {
    Reply::status(
        404,
        json!({"type": "error", "error": {"type": "not_found_error",
            "message": format!("File {id} has expired"),
            "details": {"error_code": "file_expired"}},
            "request_id": "req_body_0123456789"})
        .to_string(),
    )
}

/// Every `source.file_id` in a request body.
pub fn file_ids(value: &Value, ids: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if map.get("type") == Some(&json!("file"))
                && let Some(Value::String(id)) = map.get("file_id")
            {
                ids.push(id.clone());
            }
            map.values().for_each(|v| file_ids(v, ids));
        }
        Value::Array(items) => items.iter().for_each(|v| file_ids(v, ids)),
        _ => {}
    }
}

/// The parts of a `multipart/form-data` request, as a server reads them.
pub fn parts(request: &Recorded) -> Vec<Part> {
    let content_type = request.header("content-type").expect("a content type");
    let boundary = content_type
        .split(';')
        .find_map(|p| p.trim().strip_prefix("boundary="))
        .expect("a boundary");
    let delimiter = format!("--{boundary}");
    let body = &request.body;
    let mut parts = Vec::new();
    let mut at = find(body, delimiter.as_bytes(), 0).expect("a first boundary");
    loop {
        at += delimiter.len();
        if body[at..].starts_with(b"--") {
            return parts;
        }
        assert!(body[at..].starts_with(b"\r\n"), "CRLF after the boundary");
        at += 2;
        let headers_end = find(body, b"\r\n\r\n", at).expect("part headers end");
        let headers = std::str::from_utf8(&body[at..headers_end]).unwrap();
        let next = find(body, format!("\r\n{delimiter}").as_bytes(), headers_end)
            .expect("a closing boundary");
        let data = body[headers_end + 4..next].to_vec();
        let mut part = Part {
            name: String::new(),
            filename: None,
            content_type: None,
            data,
        };
        for header in headers.split("\r\n") {
            let (name, value) = header.split_once(':').unwrap();
            match name.to_ascii_lowercase().as_str() {
                "content-disposition" => {
                    for param in value.split(';').map(str::trim) {
                        if let Some(v) = param.strip_prefix("name=") {
                            part.name = v.trim_matches('"').to_owned();
                        }
                        if let Some(v) = param.strip_prefix("filename=") {
                            part.filename = Some(v.trim_matches('"').to_owned());
                        }
                    }
                }
                "content-type" => part.content_type = Some(value.trim().to_owned()),
                _ => {}
            }
        }
        parts.push(part);
        at = next + 2;
    }
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}
