//! `/v1/files` (the Files API, GA in SDK 2.12: no beta header): upload a
//! file as a multipart body read from its source while it is sent, list
//! stored files page by page, read one's metadata, stream its content to
//! a writer, and delete it.

use std::hash::{BuildHasher, RandomState};
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::sync::Arc;

use bytes::Bytes;
use reqwest::{Method, Url};
use serde_json::Value;

use super::client::{
    Body, Call, Client, JsonReply, Observer, StartedSink, StreamBody, build_error, read_json,
    transport,
};
use super::error::Error;
use super::types::Page;

/// The largest file the Files API stores: 500 MB.
pub const MAX_FILE_BYTES: u64 = 500 * 1024 * 1024;
/// The range of `expires_in_seconds`: one hour to ninety days.
pub const MIN_EXPIRES_SECONDS: u64 = 3600;
pub const MAX_EXPIRES_SECONDS: u64 = 90 * 24 * 3600;

/// Where an upload's bytes come from.
#[derive(Debug, Clone, PartialEq)]
pub enum UploadSource {
    /// A file, opened afresh for each attempt and never read whole.
    Path(PathBuf),
    /// Bytes already in memory (stdin).
    Bytes(Bytes),
}

/// Sees a file's bytes as they are sent (to hash them on the way, say).
/// It runs on the thread that sends.
pub trait Watch: Send + Sync {
    /// An attempt starts from the first byte.
    fn start(&self);
    fn bytes(&self, chunk: &[u8]);
}

/// One file to upload.
#[derive(Clone)]
pub struct Upload {
    pub source: UploadSource,
    /// Sees the file's bytes (not the multipart framing) as they go.
    pub watch: Option<Arc<dyn Watch>>,
    /// The exact number of bytes the source holds.
    pub size: u64,
    /// The name stored with the file; only its last path component is sent.
    pub filename: String,
    /// The part's `Content-Type`, which becomes the file's `mime_type`.
    pub content_type: String,
    pub expires_in_seconds: Option<u64>,
}

/// Where the next page of `GET /v1/files` starts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PageCursor {
    /// `next_page`, the opaque cursor SDK 2.12 follows.
    Page(String),
    /// `last_id` of a server that still pages with `has_more`/`after_id`.
    AfterId(String),
}

impl Page {
    /// Where the page after this one starts; `None` on the last page.
    pub fn next_cursor(&self) -> Option<PageCursor> {
        match (&self.next_page, &self.last_id) {
            (Some(page), _) if !page.is_empty() => Some(PageCursor::Page(page.clone())),
            (_, Some(last)) if self.next_page.is_none() && self.has_more => {
                Some(PageCursor::AfterId(last.clone()))
            }
            _ => None,
        }
    }

    /// Whether the server says more pages follow, whichever way it pages.
    pub fn says_more(&self) -> bool {
        self.next_page
            .as_deref()
            .is_some_and(|page| !page.is_empty())
            || (self.next_page.is_none() && self.has_more)
    }
}

impl Client {
    /// `POST /v1/files`: uploads `upload`, reading its source as it goes
    /// out. `progress` hears how many bytes of the body have been sent; it
    /// starts again from zero when an attempt is retried.
    pub fn upload_file(
        &self,
        upload: &Upload,
        progress: &dyn Fn(u64),
        observer: &dyn Observer,
    ) -> Result<JsonReply<Value>, Error> {
        let url = self.endpoint("v1/files").map_err(build_error)?;
        let body = Multipart::new(upload);
        let call = Call {
            method: Method::POST,
            url,
            body: Some(Body::Stream(&body)),
            betas: &[],
            accept: None,
            progress: Some(progress),
        };
        self.send_with_retries(
            &call,
            &mut super::client::NoSink,
            observer,
            &|response, _, id| read_json(response, id),
        )
    }

    /// One page of `GET /v1/files`.
    pub fn list_files(
        &self,
        cursor: Option<&PageCursor>,
        limit: u32,
        observer: &dyn Observer,
    ) -> Result<JsonReply<Page>, Error> {
        let url = self.files_page_url(cursor, limit)?;
        self.json_call(Method::GET, url, None, &[], observer)
    }

    /// `GET /v1/files/{id}`: the file's metadata.
    pub fn get_file(&self, id: &str, observer: &dyn Observer) -> Result<JsonReply<Value>, Error> {
        let url = self.item_url("v1/files/", "file", id, None)?;
        self.json_call(Method::GET, url, None, &[], observer)
    }

    /// `DELETE /v1/files/{id}`.
    pub fn delete_file(
        &self,
        id: &str,
        observer: &dyn Observer,
    ) -> Result<JsonReply<Value>, Error> {
        let url = self.item_url("v1/files/", "file", id, None)?;
        self.json_call(Method::DELETE, url, None, &[], observer)
    }

    /// `GET /v1/files/{id}/content`, written to `out` as it arrives, never
    /// held whole. Retried only while nothing has been written. Returns
    /// the number of bytes written.
    pub fn download_file(
        &self,
        id: &str,
        out: &mut dyn Write,
        observer: &dyn Observer,
    ) -> Result<u64, Error> {
        let url = self.item_url("v1/files/", "file", id, Some("content"))?;
        let call = Call {
            method: Method::GET,
            url,
            body: None,
            betas: &[],
            // What the SDK asks for.
            accept: Some("application/binary"),
            progress: None,
        };
        let out = std::cell::RefCell::new(out);
        let started = std::cell::Cell::new(false);
        let mut sink = StartedSink { started: &started };
        self.send_with_retries(&call, &mut sink, observer, &|response, _, _| {
            let mut written = 0u64;
            while let Some(chunk) = response.next_chunk().map_err(transport)? {
                started.set(true);
                out.borrow_mut().write_all(&chunk).map_err(Error::Output)?;
                written += chunk.len() as u64;
            }
            out.borrow_mut().flush().map_err(Error::Output)?;
            Ok(written)
        })
    }

    fn files_page_url(&self, cursor: Option<&PageCursor>, limit: u32) -> Result<Url, Error> {
        let mut url = self.endpoint("v1/files").map_err(build_error)?;
        {
            let mut query = url.query_pairs_mut();
            query.append_pair("limit", &limit.to_string());
            match cursor {
                Some(PageCursor::Page(page)) => {
                    query.append_pair("page", page);
                }
                Some(PageCursor::AfterId(id)) => {
                    query.append_pair("after_id", id);
                }
                None => {}
            }
        }
        Ok(url)
    }
}

/// The `multipart/form-data` body of an upload, laid out as the SDK's
/// HTTP library (httpx) lays it out: the `expires_in_seconds` field first,
/// then the `file` part with its filename and content type.
struct Multipart {
    boundary: String,
    /// Everything before the file's bytes.
    head: Vec<u8>,
    /// The closing boundary.
    tail: Vec<u8>,
    source: UploadSource,
    watch: Option<Arc<dyn Watch>>,
    size: u64,
    name: String,
}

impl Multipart {
    fn new(upload: &Upload) -> Multipart {
        let boundary = boundary();
        let mut head = Vec::new();
        if let Some(seconds) = upload.expires_in_seconds {
            head.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; \
                     name=\"expires_in_seconds\"\r\n\r\n{seconds}\r\n"
                )
                .as_bytes(),
            );
        }
        let filename = form_value(last_component(&upload.filename));
        head.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; \
                 filename=\"{filename}\"\r\nContent-Type: {}\r\n\r\n",
                header_safe(&upload.content_type)
            )
            .as_bytes(),
        );
        let tail = format!("\r\n--{boundary}--\r\n").into_bytes();
        Multipart {
            boundary,
            head,
            tail,
            source: upload.source.clone(),
            watch: upload.watch.clone(),
            size: upload.size,
            name: upload.filename.clone(),
        }
    }
}

impl StreamBody for Multipart {
    fn open(&self) -> io::Result<Box<dyn Read + Send>> {
        let content: Box<dyn Read + Send> = match &self.source {
            UploadSource::Path(path) => Box::new(
                std::fs::File::open(path)
                    .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", self.name)))?,
            ),
            UploadSource::Bytes(bytes) => Box::new(io::Cursor::new(bytes.clone())),
        };
        if let Some(watch) = &self.watch {
            watch.start();
        }
        let content = Exact {
            inner: content.take(self.size),
            left: self.size,
            name: self.name.clone(),
            watch: self.watch.clone(),
        };
        Ok(Box::new(
            io::Cursor::new(self.head.clone())
                .chain(content)
                .chain(io::Cursor::new(self.tail.clone())),
        ))
    }

    fn len(&self) -> u64 {
        self.head.len() as u64 + self.size + self.tail.len() as u64
    }

    fn content_type(&self) -> String {
        format!("multipart/form-data; boundary={}", self.boundary)
    }

    fn head(&self) -> &[u8] {
        &self.head
    }
}

/// A file's bytes, which must be exactly as many as the body announced:
/// a file cut short while it was sent fails the upload instead of sending
/// a body the server would wait on.
struct Exact<R> {
    inner: R,
    left: u64,
    name: String,
    watch: Option<Arc<dyn Watch>>,
}

impl<R: Read> Read for Exact<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && self.left > 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("{} got shorter while it was being sent", self.name),
            ));
        }
        self.left -= n as u64;
        if let Some(watch) = &self.watch {
            watch.bytes(&buf[..n]);
        }
        Ok(n)
    }
}

/// A boundary no file is going to contain: 128 random bits in hex.
fn boundary() -> String {
    let now = std::time::SystemTime::now();
    format!(
        "{:016x}{:016x}",
        RandomState::new().hash_one(now),
        RandomState::new().hash_one(std::process::id())
    )
}

/// The part after the last `/` (or `\`): the SDK keeps only that much of
/// a filename, and a path could say more about the machine than intended.
fn last_component(name: &str) -> &str {
    name.rsplit(['/', '\\'])
        .find(|part| !part.is_empty())
        .unwrap_or(name)
}

/// A form parameter value encoded the way httpx (and browsers, per HTML5)
/// do: `"` as `%22`, `\` doubled, control characters but ESC as `%XX`.
fn form_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '"' => out.push_str("%22"),
            '\\' => out.push_str("\\\\"),
            '\u{1b}' => out.push(c),
            c if (c as u32) < 0x20 => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// A header value with the characters HTTP forbids dropped.
fn header_safe(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_control() || *c == '\t')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upload(expires: Option<u64>) -> Upload {
        Upload {
            source: UploadSource::Bytes(Bytes::from_static(b"%PDF-1.4 body")),
            watch: None,
            size: 13,
            filename: "dir/a \"b\".pdf".into(),
            content_type: "application/pdf".into(),
            expires_in_seconds: expires,
        }
    }

    fn body(multipart: &Multipart) -> String {
        let mut bytes = Vec::new();
        multipart.open().unwrap().read_to_end(&mut bytes).unwrap();
        assert_eq!(bytes.len() as u64, multipart.len());
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn the_body_is_laid_out_like_the_sdks() {
        let multipart = Multipart::new(&upload(Some(3600)));
        let b = &multipart.boundary;
        assert_eq!(
            body(&multipart),
            format!(
                "--{b}\r\nContent-Disposition: form-data; name=\"expires_in_seconds\"\r\n\r\n\
                 3600\r\n--{b}\r\nContent-Disposition: form-data; name=\"file\"; \
                 filename=\"a %22b%22.pdf\"\r\nContent-Type: application/pdf\r\n\r\n\
                 %PDF-1.4 body\r\n--{b}--\r\n"
            )
        );
        assert_eq!(
            multipart.content_type(),
            format!("multipart/form-data; boundary={b}")
        );
        let without = Multipart::new(&upload(None));
        assert!(!body(&without).contains("expires_in_seconds"));
    }

    #[test]
    fn a_source_shorter_than_announced_fails_the_body() {
        let mut short = upload(None);
        short.size = 20;
        let mut bytes = Vec::new();
        let error = Multipart::new(&short)
            .open()
            .unwrap()
            .read_to_end(&mut bytes)
            .unwrap_err();
        assert!(error.to_string().contains("got shorter"), "{error}");
    }

    #[test]
    fn filenames_are_encoded_like_html_forms() {
        assert_eq!(form_value("a\"b\\c\nd\u{1b}é"), "a%22b\\\\c%0Ad\u{1b}é");
        assert_eq!(last_component("/tmp/x/report.pdf"), "report.pdf");
        assert_eq!(last_component("C:\\docs\\r.pdf"), "r.pdf");
        assert_eq!(last_component("dir/"), "dir");
    }

    #[test]
    fn pages_follow_next_page_then_last_id() {
        let page = |json: &str| serde_json::from_str::<Page>(json).unwrap();
        assert_eq!(
            page(r#"{"data":[],"next_page":"page_2"}"#).next_cursor(),
            Some(PageCursor::Page("page_2".into()))
        );
        assert_eq!(page(r#"{"data":[],"next_page":null}"#).next_cursor(), None);
        assert_eq!(
            page(r#"{"data":[],"has_more":true,"last_id":"file_9"}"#).next_cursor(),
            Some(PageCursor::AfterId("file_9".into()))
        );
        assert!(!page(r#"{"data":[],"has_more":false,"last_id":"f"}"#).says_more());
        assert!(page(r#"{"data":[],"has_more":true}"#).says_more());
    }
}
