//! What the start of a line says about its block: block quote markers,
//! indentation, headings, rules, list items and tasks, a table's delimiter
//! row. Each is a function of one line's text; `markdown` keeps the state
//! that spans lines.

/// Takes up to `max` block quote markers (`>`) off the start of a line;
/// returns how many there were and the rest.
pub fn strip_quotes(line: &str, max: usize) -> (usize, &str) {
    let mut depth = 0;
    let mut rest = line;
    while depth < max {
        let spaces = rest.bytes().take(4).take_while(|b| *b == b' ').count();
        if spaces > 3 || rest.as_bytes().get(spaces) != Some(&b'>') {
            break;
        }
        let after = &rest[spaces + 1..];
        rest = after.strip_prefix(' ').unwrap_or(after);
        depth += 1;
    }
    (depth, rest)
}

/// Columns of leading white space; a tab goes to the next multiple of 4.
pub fn indentation(text: &str) -> usize {
    let mut columns = 0;
    for byte in text.bytes() {
        match byte {
            b' ' => columns += 1,
            b'\t' => columns = (columns / 4 + 1) * 4,
            _ => break,
        }
    }
    columns
}

/// `text` without up to `columns` columns of leading spaces.
pub fn strip_columns(text: &str, columns: usize) -> &str {
    let spaces = text
        .bytes()
        .take(columns)
        .take_while(|b| *b == b' ')
        .count();
    &text[spaces..]
}

/// `## Title ##` → (2, "Title").
pub fn heading(body: &str) -> Option<(usize, &str)> {
    let level = body.bytes().take_while(|b| *b == b'#').count();
    let rest = &body[level..];
    if !(1..=6).contains(&level) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let text = rest.trim();
    let closing = text.trim_end_matches('#');
    let text = if closing.is_empty() || closing.ends_with([' ', '\t']) {
        closing.trim_end()
    } else {
        text
    };
    Some((level, text))
}

/// `---`, `***`, `___`, spaces allowed between.
pub fn is_rule(body: &str) -> bool {
    let mut marks = body.chars().filter(|c| !c.is_whitespace());
    let Some(first) = marks.next() else {
        return false;
    };
    matches!(first, '-' | '*' | '_') && marks.clone().all(|c| c == first) && marks.count() >= 2
}

/// `|:---|---:|`: the line under a table's header.
pub fn is_delimiter_row(content: &str) -> bool {
    let body = content.trim();
    body.contains('|')
        && body.contains('-')
        && body
            .bytes()
            .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'))
}

/// A list item's marker and text.
pub struct Item<'a> {
    pub indent: usize,
    /// `3.` or `3)` for an ordered item.
    pub number: Option<&'a str>,
    pub text: &'a str,
}

pub fn list_item(content: &str) -> Option<Item<'_>> {
    let indent = indentation(content);
    let body = content.trim_start();
    let bytes = body.as_bytes();
    let marker_length = match bytes.first()? {
        b'-' | b'*' | b'+' => 1,
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits > 9 || !matches!(bytes.get(digits), Some(b'.' | b')')) {
                return None;
            }
            digits + 1
        }
        _ => return None,
    };
    if !matches!(bytes.get(marker_length), None | Some(b' ' | b'\t')) {
        return None;
    }
    let number = (marker_length > 1 || bytes[0].is_ascii_digit()).then(|| &body[..marker_length]);
    Some(Item {
        indent,
        number,
        text: body[marker_length..].trim_start(),
    })
}

/// `[ ] text` and `[x] text` at the start of an item: a task.
pub fn task_marker(text: &str) -> (Option<bool>, &str) {
    for (marker, done) in [("[ ] ", false), ("[x] ", true), ("[X] ", true)] {
        if let Some(rest) = text.strip_prefix(marker) {
            return (Some(done), rest);
        }
    }
    (None, text)
}
