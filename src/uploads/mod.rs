//! Local files as stored files: what `claude files upload` and every
//! `--upload` share. A file is hashed as it is sent and remembered in the
//! upload cache ([`cache`]), so that the same bytes are not sent again
//! while a live copy is stored.
//!
//! [`RequestFiles`] gives a request's files their ids: a local file's from
//! the cache or a fresh upload, a `--file-id`'s type from its metadata,
//! looked up once. When the API answers that a file taken from the cache
//! is gone, its entry is dropped so that the retry uploads it again.

pub mod cache;

use std::collections::HashMap;
use std::io::Read;
use std::sync::{Arc, Mutex};

use ring::digest;
use serde_json::Value;

use crate::api::files::{Upload, UploadSource, Watch};
use crate::api::types::FileInfo;
use crate::api::{self, Client, JsonReply, Observer};
use crate::error::Error;
use crate::input::{LocalFile, StoredFiles};
use crate::output::{self, UploadProgress};

use cache::{Cache, Entry};

/// Uploads files and keeps the cache.
pub struct Uploader<'a> {
    client: &'a Client,
    observer: &'a dyn Observer,
    cache: Option<Cache>,
    /// The API the files go to: cache entries are per API.
    base_url: String,
    /// Draw a progress bar on stderr.
    progress: bool,
}

impl<'a> Uploader<'a> {
    pub fn new(
        client: &'a Client,
        observer: &'a dyn Observer,
        cache: Option<Cache>,
        base_url: &str,
        progress: bool,
    ) -> Uploader<'a> {
        Uploader {
            client,
            observer,
            cache,
            base_url: base_url.to_owned(),
            progress,
        }
    }

    /// Uploads `file` whatever the cache holds, and remembers it there.
    pub fn upload(
        &self,
        file: &LocalFile,
        expires_in_seconds: Option<u64>,
    ) -> Result<JsonReply<Value>, Error> {
        let hasher = Arc::new(Sha256::default());
        let upload = Upload {
            source: file.source.clone(),
            watch: Some(hasher.clone()),
            size: file.size,
            filename: file.name.clone(),
            content_type: file.content_type().to_owned(),
            expires_in_seconds,
        };
        let bar = UploadProgress::new(self.progress, &file.name, file.size);
        let reply = self
            .client
            .upload_file(&upload, &|sent| bar.set(sent), self.observer);
        bar.finish();
        let reply = reply?;
        let info = FileInfo::from_json(&reply.value);
        if info.id.is_empty() {
            return Err(Error::Api(crate::api::Error::Protocol {
                detail: format!("{} was uploaded but the reply names no file id", file.name),
                request_id: None,
            }));
        }
        self.remember(Entry {
            file_id: info.id.clone(),
            sha256: hasher.hex(),
            size: file.size,
            base_url: self.base_url.clone(),
            filename: info.filename.unwrap_or_else(|| file.name.clone()),
            mime_type: info
                .mime_type
                .unwrap_or_else(|| file.content_type().to_owned()),
            created_at: info.created_at,
            expires_at: info.expires_at,
        });
        Ok(reply)
    }

    /// Drops the entries of these files.
    fn forget(&self, ids: &[String]) {
        let Some(cache) = &self.cache else { return };
        if let Err(e) = cache.update(|entries| entries.retain(|e| !ids.contains(&e.file_id))) {
            output::note(format!("warning: {e:#}"));
        }
    }

    /// Adds an entry; a cache that cannot be written costs only a warning.
    fn remember(&self, entry: Entry) {
        let Some(cache) = &self.cache else { return };
        if let Err(e) = cache.update(|entries| entries.push(entry)) {
            output::note(format!("warning: the upload is not cached: {e:#}"));
        }
    }
}

/// How long a stored file must still live to be reused: long enough for
/// the request that names it to be read.
pub const FOR_A_REQUEST: i64 = 10 * 60;
/// A batch's requests may run any time in the next 24 hours.
pub const FOR_A_BATCH: i64 = 25 * 3600;

/// The files of requests: [`StoredFiles`] for the input's parts.
pub struct RequestFiles<'a> {
    uploader: Uploader<'a>,
    /// A stored copy is reused only if it lives this many seconds more.
    lifetime: i64,
    /// Print the request instead of sending: nothing is uploaded or
    /// looked up, and ids not in the cache are placeholders.
    dry_run: bool,
    /// Check that a cached file is still stored before naming it, for
    /// requests whose failure would come too late to retry (batches).
    confirm: bool,
    /// Ids taken from the cache by this run, with the files they hold.
    reused: Vec<(String, LocalFile)>,
    /// Whether each `--file-id` is an image, once looked up.
    kinds: HashMap<String, bool>,
}

impl<'a> RequestFiles<'a> {
    pub fn new(uploader: Uploader<'a>, lifetime: i64, dry_run: bool) -> RequestFiles<'a> {
        RequestFiles {
            uploader,
            lifetime,
            dry_run,
            confirm: false,
            reused: Vec::new(),
            kinds: HashMap::new(),
        }
    }

    /// Confirms each cached file with the API before naming it.
    pub fn confirming(mut self) -> RequestFiles<'a> {
        self.confirm = true;
        self
    }

    /// After a failed request: when the API says a file this run took from
    /// the cache is gone or has expired, drops its entry (so that asking
    /// again uploads it) and returns true.
    pub fn forget_gone(&mut self, error: &Error) -> bool {
        let Error::Api(api::Error::Status(status)) = error else {
            return false;
        };
        if !matches!(status.status, 400 | 404) || self.reused.is_empty() {
            return false;
        }
        let named: Vec<String> = self
            .reused
            .iter()
            .map(|(id, _)| id.clone())
            .filter(|id| status.message.contains(id.as_str()))
            .collect();
        let about_files = matches!(
            status.code.as_deref(),
            Some("file_expired" | "file_not_found")
        ) || (status.status == 404
            && status.message.to_ascii_lowercase().contains("file"));
        let gone = if !named.is_empty() {
            named
        } else if about_files {
            self.reused.iter().map(|(id, _)| id.clone()).collect()
        } else {
            return false;
        };
        for id in &gone {
            output::note(format!(
                "{} is no longer stored; uploading it again",
                api::one_line(id)
            ));
        }
        self.reused.retain(|(id, _)| !gone.contains(id));
        self.uploader.forget(&gone);
        true
    }

    /// A cached copy that may be named, if there is one.
    fn cached(&mut self, file: &LocalFile, sha256: &str) -> Result<Option<Entry>, Error> {
        let Some(cache) = &self.uploader.cache else {
            return Ok(None);
        };
        let until = cache::now() + self.lifetime;
        let entry = match cache.find(&self.uploader.base_url, sha256, file.size, until) {
            Ok(entry) => entry,
            Err(e) => {
                output::note(format!("warning: {e:#}; uploading"));
                None
            }
        };
        let Some(entry) = entry else { return Ok(None) };
        if self.confirm && !self.dry_run {
            match self
                .uploader
                .client
                .get_file(&entry.file_id, self.uploader.observer)
            {
                Ok(_) => {}
                Err(api::Error::Status(status)) if status.status == 404 => {
                    self.uploader.forget(std::slice::from_ref(&entry.file_id));
                    return Ok(None);
                }
                Err(error) => return Err(Error::Api(error)),
            }
        }
        Ok(Some(entry))
    }
}

impl StoredFiles for RequestFiles<'_> {
    fn upload(&mut self, file: &LocalFile) -> Result<String, Error> {
        let sha256 = sha256_of(file)?;
        if let Some(entry) = self.cached(file, &sha256)? {
            self.reused.push((entry.file_id.clone(), file.clone()));
            return Ok(entry.file_id);
        }
        if self.dry_run {
            output::note(format!(
                "{}: not uploaded by a dry run, so its file_id is a placeholder",
                file.name
            ));
            return Ok(format!("file_<upload of {}>", file.name));
        }
        let reply = self.uploader.upload(file, None)?;
        Ok(FileInfo::from_json(&reply.value).id)
    }

    fn is_image(&mut self, id: &str) -> Result<bool, Error> {
        if let Some(image) = self.kinds.get(id) {
            return Ok(*image);
        }
        let image = if self.dry_run {
            // Nothing is sent: the cache may know the type.
            let known = self
                .uploader
                .cache
                .as_ref()
                .and_then(|cache| cache.entries().ok())
                .and_then(|entries| entries.into_iter().find(|e| e.file_id == id))
                .map(|entry| entry.mime_type.starts_with("image/"));
            known.unwrap_or_else(|| {
                output::note(format!(
                    "{}: a dry run does not look the file up, so it is shown as a document",
                    api::one_line(id)
                ));
                false
            })
        } else {
            let reply = self
                .uploader
                .client
                .get_file(id, self.uploader.observer)
                .map_err(|error| Error::File {
                    id: api::one_line(id),
                    source: Box::new(error),
                })?;
            FileInfo::from_json(&reply.value).is_image()
        };
        self.kinds.insert(id.to_owned(), image);
        Ok(image)
    }
}

/// The SHA-256 of a file's content, read in pieces.
fn sha256_of(file: &LocalFile) -> Result<String, Error> {
    let mut context = digest::Context::new(&digest::SHA256);
    match &file.source {
        UploadSource::Bytes(bytes) => context.update(bytes),
        UploadSource::Path(path) => {
            let failed = |e: std::io::Error| Error::Usage(format!("{}: {e}", file.name));
            let mut reader = std::fs::File::open(path).map_err(failed)?;
            let mut buffer = vec![0; 256 * 1024];
            loop {
                let n = reader.read(&mut buffer).map_err(failed)?;
                if n == 0 {
                    break;
                }
                context.update(&buffer[..n]);
            }
        }
    }
    Ok(hex(context.finish().as_ref()))
}

/// A SHA-256 computed from the bytes as they are sent; each attempt
/// starts it again.
struct Sha256(Mutex<digest::Context>);

impl Default for Sha256 {
    fn default() -> Self {
        Sha256(Mutex::new(digest::Context::new(&digest::SHA256)))
    }
}

impl Watch for Sha256 {
    fn start(&self) {
        if let Ok(mut context) = self.0.lock() {
            *context = digest::Context::new(&digest::SHA256);
        }
    }

    fn bytes(&self, chunk: &[u8]) {
        if let Ok(mut context) = self.0.lock() {
            context.update(chunk);
        }
    }
}

impl Sha256 {
    fn hex(&self) -> String {
        let context = match self.0.lock() {
            Ok(context) => context.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        };
        hex(context.finish().as_ref())
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_restarts_with_each_attempt() {
        let hasher = Sha256::default();
        hasher.start();
        hasher.bytes(b"partial");
        hasher.start();
        hasher.bytes(b"a");
        hasher.bytes(b"bc");
        assert_eq!(
            hasher.hex(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
