//! Byte-level work on JSON text that must not disturb it: walking the
//! structure outside string literals, and minifying without reordering keys
//! or reformatting numbers (what serde would do on a round trip).

/// The bytes of JSON text that lie outside string literals, with their
/// offsets; `in_string` tells, at the end, whether a string was left open.
pub struct Structure<'a> {
    bytes: std::iter::Enumerate<std::slice::Iter<'a, u8>>,
    pub in_string: bool,
    escaped: bool,
}

impl<'a> Structure<'a> {
    pub fn new(json: &'a [u8]) -> Self {
        Structure {
            bytes: json.iter().enumerate(),
            in_string: false,
            escaped: false,
        }
    }
}

impl Iterator for Structure<'_> {
    type Item = (usize, u8);

    fn next(&mut self) -> Option<(usize, u8)> {
        for (i, &byte) in self.bytes.by_ref() {
            if self.in_string {
                match byte {
                    _ if self.escaped => self.escaped = false,
                    b'\\' => self.escaped = true,
                    b'"' => self.in_string = false,
                    _ => {}
                }
            } else if byte == b'"' {
                self.in_string = true;
            } else {
                return Some((i, byte));
            }
        }
        None
    }
}

/// An upper bound on the number of values in JSON text, counted without
/// parsing: each value after the first follows a colon (an object member),
/// or a comma or an opening bracket (an array element). Counting stops once
/// it is past `stop_after`.
pub fn count_values(json: &[u8], stop_after: usize) -> usize {
    let mut count = 1usize;
    let mut rest = json;
    loop {
        // Outside a string, up to the next one.
        let end = memchr::memchr(b'"', rest).unwrap_or(rest.len());
        count += rest[..end]
            .iter()
            .filter(|b| matches!(b, b',' | b'[' | b':'))
            .count();
        if count > stop_after || end == rest.len() {
            return count;
        }
        rest = &rest[end + 1..];
        // Inside the string, to its closing quote.
        loop {
            match memchr::memchr2(b'"', b'\\', rest) {
                None => return count,
                Some(i) if rest[i] == b'\\' => rest = rest.get(i + 2..).unwrap_or_default(),
                Some(i) => {
                    rest = &rest[i + 1..];
                    break;
                }
            }
        }
    }
}

/// `json` without the whitespace between tokens; strings, key order and
/// numbers stay exactly as they were.
pub fn minify(json: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len());
    let mut copied = 0;
    for (i, byte) in Structure::new(json) {
        if byte.is_ascii_whitespace() {
            out.extend_from_slice(&json[copied..i]);
            copied = i + 1;
        }
    }
    out.extend_from_slice(&json[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minify_keeps_strings_order_and_numbers() {
        let pretty = b"{\n  \"b\": \"x y\\\" z\",\n  \"a\": [1.50, 2e3 ]\n}\n";
        assert_eq!(
            minify(pretty),
            b"{\"b\":\"x y\\\" z\",\"a\":[1.50,2e3]}".to_vec()
        );
    }

    #[test]
    fn values_are_counted_outside_strings() {
        assert_eq!(count_values(b"1", 100), 1);
        assert_eq!(count_values(br#"{"a,[{":[1,2],"b\\\",":{}}"#, 100), 6);
        assert_eq!(count_values(b"[{},{},{}]", 100), 4);
        assert_eq!(
            count_values(b"[{},{},{}]", 2),
            4,
            "one stretch is counted whole"
        );
        assert_eq!(count_values(br#"["x", "unterminated, [{"#, 100), 3);
    }

    #[test]
    fn structure_skips_strings_and_reports_an_open_one() {
        let mut scan = Structure::new(br#"{"a,[":[1,"#);
        let seen: Vec<u8> = scan.by_ref().map(|(_, b)| b).collect();
        assert_eq!(seen, b"{:[1,");
        assert!(!scan.in_string);
        let mut open = Structure::new(br#"["abc"#);
        open.by_ref().for_each(drop);
        assert!(open.in_string);
    }
}
