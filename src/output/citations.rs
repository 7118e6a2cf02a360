//! Citations in text output. A text block that carries `citations` (from
//! web search, web fetch, or documents sent with citations turned on) is
//! followed by a marker per source, `[1]`, and the answer ends with a
//! numbered `Sources:` list. Sources are numbered in the order they are
//! first cited; a source cited again keeps its number. `-o json` shows the
//! API's citation objects untouched instead.

use std::io::{self, Write};

use serde::Deserialize;
use serde_json::Value;

use crate::api::one_line;
use crate::api::types::ContentBlock;

/// One citation object, as far as the Sources list needs it (SDK 2.12
/// `types/citation_*_location.py`, `citations_*_location.py`).
#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Citation {
    WebSearchResultLocation {
        url: String,
        #[serde(default)]
        title: Option<String>,
    },
    CharLocation {
        document_index: u64,
        #[serde(default)]
        document_title: Option<String>,
        start_char_index: u64,
        end_char_index: u64,
    },
    /// Pages count from 1; the end is exclusive.
    PageLocation {
        document_index: u64,
        #[serde(default)]
        document_title: Option<String>,
        start_page_number: u64,
        end_page_number: u64,
    },
    /// Blocks count from 0; the end is exclusive.
    ContentBlockLocation {
        document_index: u64,
        #[serde(default)]
        document_title: Option<String>,
        start_block_index: u64,
        end_block_index: u64,
    },
    SearchResultLocation {
        source: String,
        #[serde(default)]
        title: Option<String>,
    },
    #[serde(other)]
    Unknown,
}

impl Citation {
    /// How the Sources list names what is cited; `None` for a kind this
    /// client does not know.
    fn source(&self) -> Option<String> {
        let document = |index: u64, title: &Option<String>| match title {
            Some(title) => one_line(title),
            None => format!("document {}", index.saturating_add(1)),
        };
        let named = |title: &Option<String>, place: &str| match title {
            Some(title) => format!("{} - {}", one_line(title), one_line(place)),
            None => one_line(place),
        };
        Some(match self {
            Citation::WebSearchResultLocation { url, title } => named(title, url),
            Citation::SearchResultLocation { source, title } => named(title, source),
            Citation::CharLocation {
                document_index,
                document_title,
                start_char_index,
                end_char_index,
            } => format!(
                "{}, characters {start_char_index}-{end_char_index}",
                document(*document_index, document_title)
            ),
            Citation::PageLocation {
                document_index,
                document_title,
                start_page_number,
                end_page_number,
            } => format!(
                "{}, {}",
                document(*document_index, document_title),
                range(
                    "page",
                    *start_page_number,
                    end_page_number.saturating_sub(1)
                )
            ),
            Citation::ContentBlockLocation {
                document_index,
                document_title,
                start_block_index,
                end_block_index,
            } => format!(
                "{}, {}",
                document(*document_index, document_title),
                range(
                    "block",
                    start_block_index.saturating_add(1),
                    *end_block_index
                )
            ),
            Citation::Unknown => return None,
        })
    }
}

/// "page 3", "pages 3-5".
fn range(unit: &str, first: u64, last: u64) -> String {
    if last <= first {
        format!("{unit} {first}")
    } else {
        format!("{unit}s {first}-{last}")
    }
}

/// The sources cited so far, numbered.
#[derive(Debug, Default)]
pub struct Sources {
    names: Vec<String>,
}

impl Sources {
    /// The markers for a text block's citations, such as `[1][2]`, or ""
    /// for a block without any.
    pub fn markers(&mut self, block: &ContentBlock) -> String {
        let ContentBlock::Text { extra, .. } = block else {
            return String::new();
        };
        let Some(Value::Array(citations)) = extra.get("citations") else {
            return String::new();
        };
        let mut numbers: Vec<usize> = Vec::new();
        for citation in citations {
            let Some(name) = Citation::deserialize(citation)
                .ok()
                .and_then(|c| c.source())
            else {
                continue;
            };
            let number = match self.names.iter().position(|known| *known == name) {
                Some(index) => index + 1,
                None => {
                    self.names.push(name);
                    self.names.len()
                }
            };
            if !numbers.contains(&number) {
                numbers.push(number);
            }
        }
        numbers.iter().map(|n| format!("[{n}]")).collect()
    }

    /// The numbered list, after a blank line; nothing when nothing was cited.
    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        if self.names.is_empty() {
            return Ok(());
        }
        writeln!(out, "\nSources:")?;
        for (i, name) in self.names.iter().enumerate() {
            writeln!(out, "[{}] {name}", i + 1)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::types::Message;
    use serde_json::json;

    fn message(content: Value) -> Message {
        serde_json::from_value(json!({"content": content})).unwrap()
    }

    fn listed(sources: &Sources) -> String {
        let mut out = Vec::new();
        sources.write(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn web_results_are_numbered_once_each() {
        let web = |url: &str, title: &str| {
            json!({"type": "web_search_result_location", "url": url, "title": title,
                   "cited_text": "x", "encrypted_index": "e"})
        };
        let m = message(json!([
            {"type": "text", "text": "One.", "citations": [web("https://a.io", "A")]},
            {"type": "text", "text": " "},
            {"type": "text", "text": "Two.", "citations": [web("https://b.io", "B\u{1b}[31m"),
                                                           web("https://a.io", "A")]},
            {"type": "text", "text": "Three.", "citations": null},
        ]));
        let mut sources = Sources::default();
        assert_eq!(
            super::super::reply::answer_text(&m, |block| sources.markers(block)),
            "One.[1] Two.[2][1]Three."
        );
        assert_eq!(
            listed(&sources),
            "\nSources:\n[1] A - https://a.io\n[2] B [31m - https://b.io\n"
        );
    }

    #[test]
    fn documents_are_named_with_their_place() {
        let m = message(json!([
            {"type": "text", "text": "a", "citations": [
                {"type": "char_location", "cited_text": "x", "document_index": 0,
                 "document_title": "notes.txt", "start_char_index": 13, "end_char_index": 57},
                {"type": "page_location", "cited_text": "x", "document_index": 1,
                 "document_title": null, "start_page_number": 2, "end_page_number": 3},
                {"type": "page_location", "cited_text": "x", "document_index": 1,
                 "start_page_number": 2, "end_page_number": 5},
                {"type": "content_block_location", "cited_text": "x", "document_index": 2,
                 "document_title": "Blocks", "start_block_index": 0, "end_block_index": 2},
                {"type": "search_result_location", "cited_text": "x", "source": "https://s.io",
                 "title": null, "search_result_index": 0, "start_block_index": 0,
                 "end_block_index": 1},
                {"type": "a_future_location", "cited_text": "x"},
                "not even an object",
            ]},
        ]));
        let mut sources = Sources::default();
        assert_eq!(
            super::super::reply::answer_text(&m, |block| sources.markers(block)),
            "a[1][2][3][4][5]"
        );
        assert_eq!(
            listed(&sources),
            "\nSources:\n[1] notes.txt, characters 13-57\n[2] document 2, page 2\n\
             [3] document 2, pages 2-4\n[4] Blocks, blocks 1-2\n[5] https://s.io\n"
        );
        assert_eq!(listed(&Sources::default()), "");
    }
}
