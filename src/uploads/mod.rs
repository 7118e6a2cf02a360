//! Local files as stored files: what `claude files upload` and every
//! `--upload` share. A file is hashed as it is sent and remembered in the
//! upload cache ([`cache`]), so that the same bytes are not sent again
//! while a live copy is stored.

pub mod cache;

use std::sync::{Arc, Mutex};

use ring::digest;
use serde_json::Value;

use crate::api::files::{Upload, Watch};
use crate::api::types::FileInfo;
use crate::api::{Client, JsonReply, Observer};
use crate::error::Error;
use crate::input::LocalFile;
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

    /// Adds an entry; a cache that cannot be written costs only a warning.
    fn remember(&self, entry: Entry) {
        let Some(cache) = &self.cache else { return };
        if let Err(e) = cache.update(|entries| entries.push(entry)) {
            output::note(format!("warning: the upload is not cached: {e:#}"));
        }
    }
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
