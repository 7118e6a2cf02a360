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
