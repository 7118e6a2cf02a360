//! `/v1/messages/batches`: create, inspect, list and cancel batches, and
//! stream an ended batch's results line by line.

use bytes::Bytes;
use reqwest::Method;

use super::caps;
use super::client::{
    Call, Client, JsonReply, Observer, RequestPreview, StartedSink, build_error, transport,
};
use super::error::Error;
use super::transport::Response;
use super::types::Page;

impl Client {
    /// `POST /v1/messages/batches` with a body already built (and checked).
    pub fn create_batch(
        &self,
        body: Bytes,
        betas: &[String],
        observer: &dyn Observer,
    ) -> Result<JsonReply<serde_json::Value>, Error> {
        let url = self.endpoint("v1/messages/batches").map_err(build_error)?;
        self.json_call(Method::POST, url, Some(body), betas, observer)
    }

    /// `POST /v1/messages/batches`, as `--dry-run` would show it.
    pub fn preview_batch(&self, body: Bytes, betas: &[String]) -> anyhow::Result<RequestPreview> {
        Ok(RequestPreview {
            method: "POST",
            url: self.endpoint("v1/messages/batches")?,
            headers: self.header_list(betas, true),
            body,
        })
    }

    /// `GET /v1/messages/batches/{id}`.
    pub fn get_batch(
        &self,
        id: &str,
        observer: &dyn Observer,
    ) -> Result<JsonReply<serde_json::Value>, Error> {
        let url = self.item_url("v1/messages/batches/", "batch", id, None)?;
        self.json_call(Method::GET, url, None, &[], observer)
    }

    /// `POST /v1/messages/batches/{id}/cancel`.
    pub fn cancel_batch(
        &self,
        id: &str,
        observer: &dyn Observer,
    ) -> Result<JsonReply<serde_json::Value>, Error> {
        let url = self.item_url("v1/messages/batches/", "batch", id, Some("cancel"))?;
        self.json_call(Method::POST, url, None, &[], observer)
    }

    /// One page of `GET /v1/messages/batches`, newest first.
    pub fn list_batches(
        &self,
        after_id: Option<&str>,
        limit: u32,
        observer: &dyn Observer,
    ) -> Result<JsonReply<Page>, Error> {
        let url = self.page_url("v1/messages/batches", after_id, limit)?;
        self.json_call(Method::GET, url, None, &[], observer)
    }

    /// Streams the results of an ended batch (JSONL) to `on_line`, one line
    /// at a time, without holding the file. Retried only while `on_line`
    /// has not been called.
    pub fn batch_results(
        &self,
        id: &str,
        on_line: &mut dyn FnMut(&[u8]) -> std::io::Result<()>,
        observer: &dyn Observer,
    ) -> Result<(), Error> {
        let url = self.item_url("v1/messages/batches/", "batch", id, Some("results"))?;
        let call = Call {
            method: Method::GET,
            url,
            body: None,
            betas: &[],
            accept: Some("application/binary"),
            progress: None,
        };
        let on_line = std::cell::RefCell::new(on_line);
        let started = std::cell::Cell::new(false);
        let mut sink = StartedSink { started: &started };
        self.send_with_retries(&call, &mut sink, observer, &|response, _, _| {
            read_lines(response, &mut |line| {
                started.set(true);
                (on_line.borrow_mut())(line)
            })
        })
    }
}

/// Splits a body into lines as it arrives; the last line needs no newline.
/// Each line is held to [`caps::RESULT_LINE`] before it is handed on.
fn read_lines(
    response: &mut Response,
    on_line: &mut dyn FnMut(&[u8]) -> std::io::Result<()>,
) -> Result<(), Error> {
    let cap = caps::RESULT_LINE;
    let too_large = |exceeded: caps::Exceeded| Error::TooLarge {
        detail: exceeded.to_string(),
        request_id: None,
    };
    let mut hand_on = |line: &[u8]| {
        if line.trim_ascii().is_empty() {
            return Ok(());
        }
        cap.check(line).map_err(too_large)?;
        on_line(line).map_err(Error::Output)
    };
    let mut pending: Vec<u8> = Vec::new();
    loop {
        match response.next_chunk() {
            Ok(Some(chunk)) => {
                let mut rest: &[u8] = &chunk;
                while let Some(end) = memchr::memchr(b'\n', rest) {
                    pending.extend_from_slice(&rest[..end]);
                    hand_on(&pending)?;
                    pending.clear();
                    rest = &rest[end + 1..];
                }
                pending.extend_from_slice(rest);
                // A line without an end must not grow past the cap either.
                cap.check_bytes(pending.len()).map_err(too_large)?;
            }
            Ok(None) => return hand_on(&pending),
            Err(error) => return Err(transport(error)),
        }
    }
}
