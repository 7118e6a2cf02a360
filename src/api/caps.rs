//! What one reply may hold. A reply is read against caps that fit its
//! endpoint, far above anything the API sends, so that a broken or hostile
//! server costs bounded memory and ends in exit 9 with a message that names
//! the cap, instead of growing the process until the kernel ends it.
//!
//! Bytes alone do not bound memory: `[{},{},…]` is 3 bytes per JSON value,
//! and each value costs tens of bytes once parsed. So JSON is also counted
//! in values before it is parsed ([`json_text::count_values`]), and the
//! lists that become typed items (content blocks, list pages) are capped by
//! length while they are read.

use serde::de::{Deserialize, Deserializer, Error as _, SeqAccess, Visitor};

use crate::json_text;

/// A Message: the JSON of a reply that was not streamed, and the content
/// a stream accumulates (text, thinking, tool input and the blocks as they
/// start), whether or not it is kept. A reply holds at most 128k output
/// tokens, well under 1 MB of text; server tool results (a fetched PDF, in
/// base64) can add more, so the cap is the size of the largest request.
pub const MESSAGE_BYTES: usize = 32 * 1024 * 1024;
/// JSON values in one Message, over all its blocks.
pub const MESSAGE_VALUES: usize = 1_000_000;
/// Content blocks in one Message.
pub const MESSAGE_BLOCKS: usize = 10_000;
/// Items in one page of a list: the API's largest `limit`.
pub const PAGE_ITEMS: usize = 1000;

/// The most one JSON reply may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReplyCap {
    /// What the reply is, for the message: "a Message".
    pub what: &'static str,
    pub bytes: usize,
    pub values: usize,
}

/// A Message's JSON.
pub const MESSAGE: ReplyCap = ReplyCap {
    what: "a Message",
    bytes: MESSAGE_BYTES,
    values: MESSAGE_VALUES,
};

/// One page of a list (models, batches): up to [`PAGE_ITEMS`] items of a
/// few kilobytes each.
pub const PAGE: ReplyCap = ReplyCap {
    what: "a page of a list",
    bytes: 16 * 1024 * 1024,
    values: 1_000_000,
};

/// One small object: a model, a batch, a token count.
pub const OBJECT: ReplyCap = ReplyCap {
    what: "one object",
    bytes: 1024 * 1024,
    values: 50_000,
};

/// One line of a batch's results: a Message and the line around it.
pub const RESULT_LINE: ReplyCap = ReplyCap {
    what: "a batch result line",
    bytes: MESSAGE.bytes + OBJECT.bytes,
    values: MESSAGE.values + OBJECT.values,
};

/// A reply type's cap, so that every JSON call is read against one.
pub trait Capped {
    const CAP: ReplyCap;
}

impl Capped for super::types::Message {
    const CAP: ReplyCap = MESSAGE;
}

impl Capped for super::types::Page {
    const CAP: ReplyCap = PAGE;
}

impl Capped for super::types::TokenCount {
    const CAP: ReplyCap = OBJECT;
}

impl Capped for serde_json::Value {
    const CAP: ReplyCap = OBJECT;
}

/// What a reply went past.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Exceeded {
    #[error("the reply is over {bytes} bytes, the cap for {what}")]
    Bytes { what: &'static str, bytes: usize },
    #[error("the reply holds over {values} JSON values, the cap for {what}")]
    Values { what: &'static str, values: usize },
    #[error("{OVER_CAP}{MESSAGE_BLOCKS} content blocks, the cap for a Message")]
    Blocks,
}

impl ReplyCap {
    /// Checks the length of a reply, or of the part that has arrived.
    pub fn check_bytes(&self, len: usize) -> Result<(), Exceeded> {
        if len > self.bytes {
            return Err(Exceeded::Bytes {
                what: self.what,
                bytes: self.bytes,
            });
        }
        Ok(())
    }

    /// Checks JSON text before it is parsed.
    pub fn check(&self, json: &[u8]) -> Result<(), Exceeded> {
        self.check_bytes(json.len())?;
        if json_text::count_values(json, self.values) > self.values {
            return Err(Exceeded::Values {
                what: self.what,
                values: self.values,
            });
        }
        Ok(())
    }
}

/// What is left of one streamed Message's cap, spent as its events arrive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    bytes_left: usize,
    values_left: usize,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            bytes_left: MESSAGE_BYTES,
            values_left: MESSAGE_VALUES,
        }
    }
}

impl Budget {
    /// Spends `n` bytes of content.
    pub fn spend_bytes(&mut self, n: usize) -> Result<(), Exceeded> {
        self.bytes_left = self.bytes_left.checked_sub(n).ok_or(Exceeded::Bytes {
            what: MESSAGE.what,
            bytes: MESSAGE.bytes,
        })?;
        Ok(())
    }

    /// Spends the bytes and JSON values of `json`, before it is parsed.
    pub fn spend_json(&mut self, json: &str) -> Result<(), Exceeded> {
        self.spend_bytes(json.len())?;
        self.spend_values(json)
    }

    /// Spends the JSON values of `json` (whose bytes were spent already).
    pub fn spend_values(&mut self, json: &str) -> Result<(), Exceeded> {
        let values = json_text::count_values(json.as_bytes(), self.values_left);
        self.values_left = self
            .values_left
            .checked_sub(values)
            .ok_or(Exceeded::Values {
                what: MESSAGE.what,
                values: MESSAGE.values,
            })?;
        Ok(())
    }
}

/// How the error of a list over its cap begins, so that it can be told
/// from other parse errors ([`list_over_cap`]).
const OVER_CAP: &str = "the reply has over ";

/// The message of a parse error that is a list going past its cap.
pub fn list_over_cap(error: &serde_json::Error) -> Option<String> {
    let text = error.to_string();
    if error.classify() != serde_json::error::Category::Data || !text.starts_with(OVER_CAP) {
        return None;
    }
    // serde_json adds where it was: " at line 1 column 30001".
    let end = text.rfind(" at line ").unwrap_or(text.len());
    Some(text[..end].to_owned())
}

/// `content` of a Message, read no further than [`MESSAGE_BLOCKS`].
pub fn content_blocks<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    capped_list(
        deserializer,
        MESSAGE_BLOCKS,
        "content blocks, the cap for a Message",
    )
}

/// `data` of a list page, read no further than [`PAGE_ITEMS`].
pub fn page_items<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    capped_list(
        deserializer,
        PAGE_ITEMS,
        "items, the cap for a page of a list",
    )
}

fn capped_list<'de, D, T>(
    deserializer: D,
    cap: usize,
    what: &'static str,
) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Capped<T> {
        cap: usize,
        what: &'static str,
        item: std::marker::PhantomData<T>,
    }

    impl<'de, T: Deserialize<'de>> Visitor<'de> for Capped<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "a list of at most {} {}", self.cap, self.what)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element()? {
                if items.len() == self.cap {
                    return Err(A::Error::custom(format_args!(
                        "{OVER_CAP}{} {}",
                        self.cap, self.what
                    )));
                }
                items.push(item);
            }
            Ok(items)
        }
    }

    deserializer.deserialize_seq(Capped {
        cap,
        what,
        item: std::marker::PhantomData,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_checked_by_bytes_and_by_values() {
        let cap = ReplyCap {
            what: "a test",
            bytes: 100,
            values: 10,
        };
        assert!(cap.check(br#"{"a":[1,2,3],"b":"x,y,z,[{"}"#).is_ok());
        assert_eq!(
            cap.check(&[b' '; 101]),
            Err(Exceeded::Bytes {
                what: "a test",
                bytes: 100
            })
        );
        assert_eq!(
            cap.check(b"[{},{},{},{},{},{},{},{},{},{},{}]")
                .unwrap_err()
                .to_string(),
            "the reply holds over 10 JSON values, the cap for a test"
        );
    }

    #[test]
    fn a_budget_is_spent_across_calls() {
        let mut budget = Budget::default();
        budget.spend_bytes(MESSAGE_BYTES - 10).unwrap();
        budget.spend_json("[1,2,3]").unwrap();
        assert!(budget.spend_json("[1,2,3]").is_err());
        let mut budget = Budget::default();
        let values = format!("[{}]", "0,".repeat(MESSAGE_VALUES / 2));
        budget.spend_json(&values).unwrap();
        assert!(budget.spend_json(&values).is_err());
    }

    #[test]
    fn lists_stop_at_their_cap() {
        #[derive(serde::Deserialize, Debug)]
        struct Page {
            #[serde(deserialize_with = "page_items")]
            data: Vec<serde_json::Value>,
        }
        let page = |n: usize| format!("{{\"data\":[{}0]}}", "0,".repeat(n - 1));
        assert_eq!(
            serde_json::from_str::<Page>(&page(PAGE_ITEMS))
                .unwrap()
                .data
                .len(),
            PAGE_ITEMS
        );
        let error = serde_json::from_str::<Page>(&page(PAGE_ITEMS + 1)).unwrap_err();
        assert_eq!(
            list_over_cap(&error).as_deref(),
            Some("the reply has over 1000 items, the cap for a page of a list")
        );
        let other = serde_json::from_str::<Page>(r#"{"data":{}}"#).unwrap_err();
        assert_eq!(list_over_cap(&other), None);
    }
}
