//! `GET /v1/models`: one page of the list, or one model.

use reqwest::Method;

use super::client::{Client, JsonReply, Observer};
use super::error::Error;
use super::types::Page;

impl Client {
    /// One page of `GET /v1/models`, starting after `after_id`.
    pub fn list_models(
        &self,
        after_id: Option<&str>,
        limit: u32,
        observer: &dyn Observer,
    ) -> Result<JsonReply<Page>, Error> {
        let url = self.page_url("v1/models", after_id, limit)?;
        self.json_call(Method::GET, url, None, &[], observer)
    }

    /// `GET /v1/models/{id}`.
    pub fn get_model(
        &self,
        id: &str,
        observer: &dyn Observer,
    ) -> Result<JsonReply<serde_json::Value>, Error> {
        let url = self.item_url("v1/models/", "model", id, None)?;
        self.json_call(Method::GET, url, None, &[], observer)
    }
}
