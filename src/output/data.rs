//! Printing data that is not a reply: token counts and models, as text for
//! people and `awk`, or as the API's JSON for `jq`.

use std::io::{self, Write};

use serde_json::Value;

use crate::api::JsonReply;
use crate::api::types::{ModelInfo, TokenCount};
use crate::json_text;

/// How data is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFormat {
    /// For people and line tools.
    Text,
    /// The API's JSON, indented only for a terminal.
    Json,
}

/// The count alone, or the API's reply.
pub fn print_count(
    out: &mut impl Write,
    reply: &JsonReply<TokenCount>,
    format: DataFormat,
    pretty: bool,
) -> io::Result<()> {
    match format {
        DataFormat::Text => writeln!(out, "{}", reply.value.input_tokens)?,
        DataFormat::Json if pretty => {
            let value: Value = serde_json::from_slice(&reply.raw).map_err(io::Error::other)?;
            print_json(out, &value, true)?;
        }
        DataFormat::Json => {
            // One line, as the API sent it otherwise.
            out.write_all(&json_text::minify(&reply.raw))?;
            writeln!(out)?;
        }
    }
    out.flush()
}

/// The model list, printed as its pages arrive so that no more than one
/// page is ever held: one line per model (id, creation date, display name,
/// in columns aligned on the longest id so far, the name last as it has
/// spaces), or one JSON array.
pub struct ModelList<W: Write> {
    out: W,
    format: DataFormat,
    json: JsonArrayWriter,
    width: usize,
}

impl<W: Write> ModelList<W> {
    pub fn new(out: W, format: DataFormat, pretty: bool) -> Self {
        ModelList {
            out,
            format,
            json: JsonArrayWriter::new(pretty),
            width: 0,
        }
    }

    /// Prints one page.
    pub fn page(&mut self, models: &[Value]) -> io::Result<()> {
        match self.format {
            DataFormat::Json => models
                .iter()
                .try_for_each(|model| self.json.item(&mut self.out, model))?,
            DataFormat::Text => {
                let infos: Vec<ModelInfo> = models.iter().map(ModelInfo::from_json).collect();
                let widest = infos.iter().map(|m| m.id.chars().count()).max();
                self.width = self.width.max(widest.unwrap_or(0));
                for model in &infos {
                    let line = format!(
                        "{:width$}  {:10}  {}",
                        model.id,
                        date(model.created_at.as_deref()),
                        model.display_name.as_deref().unwrap_or(""),
                        width = self.width
                    );
                    writeln!(self.out, "{}", line.trim_end())?;
                }
            }
        }
        self.out.flush()
    }

    /// Ends the list (the JSON array) after the last page.
    pub fn finish(mut self) -> io::Result<()> {
        match self.format {
            DataFormat::Json => self.json.finish(&mut self.out),
            DataFormat::Text => self.out.flush(),
        }
    }
}

/// One model: its limits and capabilities, or its JSON.
pub fn print_model(
    out: &mut impl Write,
    model: &Value,
    format: DataFormat,
    pretty: bool,
) -> io::Result<()> {
    if format == DataFormat::Json {
        print_json(out, model, pretty)?;
        return out.flush();
    }
    let info = ModelInfo::from_json(model);
    let number = |n: Option<u64>| n.map_or_else(|| "unknown".to_owned(), |n| n.to_string());
    let mut rows = vec![
        ("id", info.id.clone()),
        ("name", info.display_name.clone().unwrap_or_default()),
        ("created", date(info.created_at.as_deref()).to_owned()),
        ("max input tokens", number(info.max_input_tokens)),
        ("max output tokens", number(info.max_tokens)),
    ];
    match &info.capabilities {
        Some(capabilities) => {
            let (supported, unsupported): (Vec<_>, Vec<_>) = capabilities
                .iter()
                .partition(|(_, value)| is_supported(value));
            let describe = |list: &[(&String, &Value)]| {
                list.iter()
                    .map(|(name, value)| describe_capability(name, value))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            if !supported.is_empty() {
                rows.push(("supports", describe(&supported)));
            }
            if !unsupported.is_empty() {
                rows.push(("does not support", describe(&unsupported)));
            }
        }
        None => rows.push(("capabilities", "not listed by the API".to_owned())),
    }
    for (label, value) in rows {
        let line = format!("{label:18} {value}");
        writeln!(out, "{}", line.trim_end())?;
    }
    out.flush()
}

fn is_supported(value: &Value) -> bool {
    value["supported"].as_bool().unwrap_or(false)
}

/// `thinking (adaptive, enabled)`: a capability with the supported kinds
/// nested under it.
fn describe_capability(name: &str, value: &Value) -> String {
    let nested: Vec<&str> = value
        .as_object()
        .into_iter()
        .flat_map(|fields| fields.values())
        .filter_map(Value::as_object)
        .flat_map(|kinds| kinds.iter())
        .filter(|(_, kind)| is_supported(kind))
        .map(|(kind, _)| kind.as_str())
        .collect();
    if nested.is_empty() {
        name.to_owned()
    } else {
        format!("{name} ({})", nested.join(", "))
    }
}

/// The date part of an RFC 3339 timestamp.
fn date(timestamp: Option<&str>) -> &str {
    let timestamp = timestamp.unwrap_or("");
    timestamp.get(..10).unwrap_or(timestamp)
}

/// One JSON value and a newline: indented for a terminal, one line for a
/// pipe.
pub fn print_json(out: &mut impl Write, value: &Value, pretty: bool) -> io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, value)?;
    } else {
        serde_json::to_writer(&mut *out, value)?;
    }
    writeln!(out)?;
    out.flush()
}

/// Prints JSON values as one array, item by item as they come, so that a
/// long list is never held whole: compact on one line, or indented for a
/// terminal.
pub struct JsonArrayWriter {
    pretty: bool,
    items: usize,
}

impl JsonArrayWriter {
    pub fn new(pretty: bool) -> JsonArrayWriter {
        JsonArrayWriter { pretty, items: 0 }
    }

    pub fn item(&mut self, out: &mut impl Write, value: &Value) -> io::Result<()> {
        out.write_all(match (self.items, self.pretty) {
            (0, true) => b"[\n  ",
            (0, false) => b"[",
            (_, true) => b",\n  ",
            (_, false) => b",",
        })?;
        self.items += 1;
        if self.pretty {
            let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
            out.write_all(text.replace('\n', "\n  ").as_bytes())
        } else {
            serde_json::to_writer(&mut *out, value).map_err(io::Error::other)
        }
    }

    pub fn finish(self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(match (self.items, self.pretty) {
            (0, _) => b"[]\n",
            (_, true) => b"\n]\n",
            (_, false) => b"]\n",
        })?;
        out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn text(f: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        f(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn models_are_printed_page_by_page_with_the_name_last() {
        let models = [
            json!({"id": "claude-opus-5", "display_name": "Claude Opus 5", "created_at": "2026-07-24T00:00:00Z"}),
            json!({"id": "claude-haiku-4-5", "display_name": "Claude Haiku 4.5", "created_at": "2025-10-01T00:00:00Z"}),
            json!({"id": "odd"}),
        ];
        let list = |out: &mut Vec<u8>, format, pretty| {
            let mut list = ModelList::new(out, format, pretty);
            list.page(&models[..1])?;
            list.page(&models[1..])?;
            list.finish()
        };
        assert_eq!(
            text(|out| list(out, DataFormat::Text, false)),
            // The first page is printed before the second is known.
            "claude-opus-5  2026-07-24  Claude Opus 5\n\
             claude-haiku-4-5  2025-10-01  Claude Haiku 4.5\n\
             odd\n"
        );
        // Page by page, the JSON is what one array would print.
        for pretty in [false, true] {
            let whole = text(|out| print_json(out, &Value::Array(models.to_vec()), pretty));
            assert_eq!(text(|out| list(out, DataFormat::Json, pretty)), whole);
            let empty = text(|out| ModelList::new(out, DataFormat::Json, pretty).finish());
            assert_eq!(empty, text(|out| print_json(out, &json!([]), pretty)));
        }
    }

    #[test]
    fn one_model_shows_limits_and_capabilities() {
        let model = json!({
            "type": "model", "id": "claude-opus-5", "display_name": "Claude Opus 5",
            "created_at": "2026-07-24T00:00:00Z", "max_input_tokens": 1000000, "max_tokens": 128000,
            "capabilities": {
                "batch": {"supported": true},
                "code_execution": {"supported": false},
                "thinking": {"supported": true, "types": {"adaptive": {"supported": true}, "enabled": {"supported": false}}}
            }
        });
        assert_eq!(
            text(|out| print_model(out, &model, DataFormat::Text, false)),
            "id                 claude-opus-5\n\
             name               Claude Opus 5\n\
             created            2026-07-24\n\
             max input tokens   1000000\n\
             max output tokens  128000\n\
             supports           batch, thinking (adaptive)\n\
             does not support   code_execution\n"
        );
    }

    #[test]
    fn json_keeps_the_api_key_order() {
        let model: Value =
            serde_json::from_str(r#"{"type":"model","id":"m","capabilities":null}"#).unwrap();
        assert_eq!(
            text(|out| print_model(out, &model, DataFormat::Json, false)),
            "{\"type\":\"model\",\"id\":\"m\",\"capabilities\":null}\n"
        );
    }

    #[test]
    fn json_arrays_are_written_item_by_item() {
        let write = |pretty: bool, items: &[Value]| {
            text(|out| {
                let mut array = JsonArrayWriter::new(pretty);
                for item in items {
                    array.item(out, item)?;
                }
                array.finish(out)
            })
        };
        assert_eq!(write(false, &[]), "[]\n");
        assert_eq!(
            write(false, &[json!({"a": 1}), json!(2)]),
            "[{\"a\":1},2]\n"
        );
        let pretty = write(true, &[json!({"a": 1}), json!(2)]);
        assert_eq!(pretty, "[\n  {\n    \"a\": 1\n  },\n  2\n]\n");
        let parsed: Value = serde_json::from_str(&pretty).unwrap();
        assert_eq!(parsed, json!([{"a": 1}, 2]));
    }
}
