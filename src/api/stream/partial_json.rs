//! Tool input JSON that may have been cut off, parsed as far as it goes.

use serde_json::{Map, Value};

use crate::json_text::Structure;

/// Parses tool input JSON that may have been cut off (a reply stopped by
/// `max_tokens` mid-input). Like the SDK's partial mode, it keeps every
/// complete value, drops an unfinished trailing string or key, and closes
/// what is open. Input that cannot be salvaged becomes `{}`.
///
/// The bytes come from the network: the work is linear in their length and
/// anything nested deeper than serde_json accepts (128) is given up on.
pub fn parse_partial_json(json: &str) -> Value {
    const MAX_DEPTH: usize = 128;
    const CANDIDATES: usize = 4;
    if let Ok(value) = serde_json::from_str(json) {
        return value;
    }
    // Places where cutting leaves complete values: just before a comma,
    // just after an opening bracket, and the end (when not inside a string).
    let mut cuts: Vec<usize> = Vec::new();
    let mut depth = 0usize;
    let mut scan = Structure::new(json.as_bytes());
    for (i, byte) in scan.by_ref() {
        match byte {
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Value::Object(Map::new());
                }
                cuts.push(i + 1);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            b',' => cuts.push(i),
            _ => {}
        }
    }
    if !scan.in_string {
        cuts.push(json.len());
    }
    for &end in cuts.iter().rev().take(CANDIDATES) {
        let head = json[..end].trim_end();
        let mut candidate = head.to_owned();
        candidate.extend(closers(head));
        if let Ok(value) = serde_json::from_str(&candidate) {
            return value;
        }
    }
    Value::Object(Map::new())
}

/// The brackets that close whatever `head` leaves open, innermost first.
fn closers(head: &str) -> impl Iterator<Item = char> {
    let mut open = Vec::new();
    for (_, byte) in Structure::new(head.as_bytes()) {
        match byte {
            b'{' => open.push('}'),
            b'[' => open.push(']'),
            b'}' | b']' => {
                open.pop();
            }
            _ => {}
        }
    }
    open.into_iter().rev()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn partial_json_keeps_complete_values() {
        assert_eq!(
            parse_partial_json(r#"{"a": 1, "b": [1, 2"#),
            json!({"a":1,"b":[1,2]})
        );
        assert_eq!(
            parse_partial_json(r#"{"a": "x", "b": "unfinish"#),
            json!({"a":"x"})
        );
        assert_eq!(parse_partial_json(r#"{"a": "x", "b"#), json!({"a":"x"}));
        assert_eq!(parse_partial_json(r#"{"a":"#), json!({}));
        assert_eq!(parse_partial_json(r#"{"a": "x\"y", "#), json!({"a":"x\"y"}));
        assert_eq!(parse_partial_json("garbage"), json!({}));
    }

    #[test]
    fn partial_json_from_a_hostile_server_stays_cheap() {
        // Quadratic work here would need tens of gigabytes.
        let deep = "[".repeat(200_000);
        assert_eq!(parse_partial_json(&deep), json!({}));
        let commas = format!("[{}", "1,".repeat(200_000));
        assert_eq!(
            parse_partial_json(&commas).as_array().map(Vec::len),
            Some(200_000)
        );
    }
}
