//! `POST /v1/messages/count_tokens`.

use bytes::Bytes;
use reqwest::Method;

use super::client::{Client, JsonReply, Observer, RequestPreview, build_error};
use super::error::Error;
use super::types::{CountTokensRequest, TokenCount};

impl Client {
    /// `POST /v1/messages/count_tokens`, as `--dry-run` would show it.
    pub fn preview_count(
        &self,
        request: &CountTokensRequest<'_>,
        betas: &[String],
    ) -> anyhow::Result<RequestPreview> {
        Ok(RequestPreview {
            method: "POST",
            url: self.endpoint("v1/messages/count_tokens")?,
            headers: self.header_list(betas, true),
            body: Bytes::from(serde_json::to_vec(request)?),
        })
    }

    /// Counts the input tokens of a request.
    pub fn count_tokens(
        &self,
        request: &CountTokensRequest<'_>,
        betas: &[String],
        observer: &dyn Observer,
    ) -> Result<JsonReply<TokenCount>, Error> {
        let url = self
            .endpoint("v1/messages/count_tokens")
            .map_err(build_error)?;
        let body = serde_json::to_vec(request).map_err(|e| build_error(e.into()))?;
        self.json_call(Method::POST, url, Some(Bytes::from(body)), betas, observer)
    }
}
