//! Fitting styled text to the terminal: breaking spans into lines at
//! spaces (a word longer than a line is cut), measuring in terminal
//! columns, and writing lines with their escape codes. Lines never end in
//! spaces.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::inline::Span;
use super::theme::paint_link;

/// Columns `text` takes on a terminal.
pub fn width(text: &str) -> usize {
    // Control characters never get this far (see `inline::clean`), so
    // every ASCII character takes one column.
    if text.is_ascii() {
        return text.len();
    }
    UnicodeWidthStr::width(text)
}

pub fn spans_width(spans: &[Span]) -> usize {
    spans.iter().map(|s| width(&s.text)).sum()
}

/// Breaks `spans` into lines of at most `limit` columns.
pub fn break_lines(spans: Vec<Span>, limit: usize) -> Vec<Vec<Span>> {
    if spans_width(&spans) <= limit {
        return one_line(spans);
    }
    let mut lines = Lines {
        spans: &spans,
        limit: limit.max(1),
        done: Vec::new(),
        line: Vec::new(),
        line_width: 0,
        gap: Vec::new(),
        gap_width: 0,
        word: Vec::new(),
        word_width: 0,
    };
    for (index, span) in spans.iter().enumerate() {
        let bytes = span.text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let space = bytes[at] == b' ';
            let end = bytes[at..]
                .iter()
                .position(|b| (*b == b' ') != space)
                .map_or(bytes.len(), |n| at + n);
            let piece = Piece {
                span: index,
                start: at,
                end,
            };
            if space {
                lines.end_word();
                lines.gap.push(piece);
                lines.gap_width += end - at;
            } else {
                lines.word.push(piece);
                lines.word_width += width(&span.text[at..end]);
            }
            at = end;
        }
    }
    lines.end_word();
    lines.new_line();
    lines.done
}

/// Spans that fit on a line, as the line: without spaces at either end.
fn one_line(mut line: Vec<Span>) -> Vec<Vec<Span>> {
    line.retain(|s| !s.text.is_empty());
    while let Some(first) = line.first_mut() {
        let kept = first.text.trim_start_matches(' ').len();
        first.text.drain(..first.text.len() - kept);
        if !first.text.is_empty() {
            break;
        }
        line.remove(0);
    }
    while let Some(last) = line.last_mut() {
        let kept = last.text.trim_end_matches(' ').len();
        last.text.truncate(kept);
        if !last.text.is_empty() {
            break;
        }
        line.pop();
    }
    if line.is_empty() {
        Vec::new()
    } else {
        vec![line]
    }
}

/// `spans[span].text[start..end]`: words and lines are made of these, so
/// that text is copied once, into the finished line.
#[derive(Debug, Clone, Copy)]
struct Piece {
    span: usize,
    start: usize,
    end: usize,
}

struct Lines<'s> {
    spans: &'s [Span],
    limit: usize,
    done: Vec<Vec<Span>>,
    line: Vec<Piece>,
    line_width: usize,
    /// Spaces before the word being read: kept only if both fit on a line.
    gap: Vec<Piece>,
    gap_width: usize,
    word: Vec<Piece>,
    word_width: usize,
}

impl Lines<'_> {
    fn end_word(&mut self) {
        if self.word.is_empty() {
            return;
        }
        if self.line_width > 0 {
            if self.line_width + self.gap_width + self.word_width <= self.limit {
                self.line.extend_from_slice(&self.gap);
                self.line_width += self.gap_width;
            } else {
                self.new_line();
            }
        }
        self.gap.clear();
        self.gap_width = 0;
        let word_width = std::mem::replace(&mut self.word_width, 0);
        if self.line_width + word_width <= self.limit {
            self.line.extend_from_slice(&self.word);
            self.line_width += word_width;
            self.word.clear();
            return;
        }
        // Longer than a line: cut it, character by character.
        let word = std::mem::take(&mut self.word);
        for piece in &word {
            let text = &self.spans[piece.span].text[piece.start..piece.end];
            let mut from = piece.start;
            let mut piece_width = 0;
            for (offset, c) in text.char_indices() {
                let w = c.width().unwrap_or(0);
                let used = self.line_width + piece_width;
                if used + w > self.limit && used > 0 {
                    let at = piece.start + offset;
                    self.place(piece.span, from, at, piece_width);
                    self.new_line();
                    (from, piece_width) = (at, 0);
                }
                piece_width += w;
            }
            self.place(piece.span, from, piece.end, piece_width);
        }
        self.word = word;
        self.word.clear();
    }

    fn place(&mut self, span: usize, start: usize, end: usize, width: usize) {
        if start < end {
            self.line.push(Piece { span, start, end });
            self.line_width += width;
        }
    }

    /// Ends the current line, if it has anything on it.
    fn new_line(&mut self) {
        if !self.line.is_empty() {
            let mut line: Vec<Span> = Vec::new();
            for piece in &self.line {
                let like = &self.spans[piece.span];
                push_merged(&mut line, &like.text[piece.start..piece.end], like);
            }
            self.done.push(line);
            self.line.clear();
        }
        self.line_width = 0;
    }
}

/// Appends `text` in `like`'s style to `spans`, joining the last span when
/// it looks the same.
fn push_merged(spans: &mut Vec<Span>, text: &str, like: &Span) {
    if let Some(last) = spans.last_mut()
        && last.style == like.style
        && last.link == like.link
    {
        last.text.push_str(text);
        return;
    }
    spans.push(Span {
        text: text.to_owned(),
        style: like.style,
        link: like.link.clone(),
    });
}

/// Writes one line: `prefix`, then `spans`, then a newline. Trailing spaces
/// (a quote bar's, say, on an empty line) are left out.
pub fn write_line(out: &mut Vec<u8>, prefix: &[Span], spans: &[Span]) {
    let all = || prefix.iter().chain(spans);
    let last_visible = all()
        .enumerate()
        .filter(|(_, s)| !s.text.trim_end().is_empty())
        .last()
        .map(|(i, _)| i);
    for (i, span) in all().enumerate() {
        let text = match last_visible {
            Some(last) if i < last => span.text.as_str(),
            Some(last) if i == last => span.text.trim_end(),
            _ => break,
        };
        match &span.link {
            Some(url) => paint_link(out, span.style, url, text),
            None => span.style.paint(out, text),
        }
    }
    out.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::theme::Style;

    fn plain(lines: Vec<Vec<Span>>) -> Vec<String> {
        lines
            .into_iter()
            .map(|line| line.into_iter().map(|s| s.text).collect())
            .collect()
    }

    fn span(text: &str) -> Span {
        Span::plain(text, Style::PLAIN)
    }

    #[test]
    fn lines_break_at_spaces_and_never_end_in_one() {
        let text = [span("the quick brown fox jumps over the lazy dog ")];
        assert_eq!(
            plain(break_lines(text.to_vec(), 10)),
            ["the quick", "brown fox", "jumps over", "the lazy", "dog"]
        );
        assert_eq!(
            plain(break_lines(text.to_vec(), 100)),
            ["the quick brown fox jumps over the lazy dog"]
        );
    }

    #[test]
    fn long_words_are_cut_and_wide_characters_counted() {
        assert_eq!(
            plain(break_lines(vec![span("abcdefghij k")], 4)),
            ["abcd", "efgh", "ij k"]
        );
        assert_eq!(
            plain(break_lines(vec![span("日本語の文")], 4)),
            ["日本", "語の", "文"]
        );
        assert_eq!(width("日本"), 4);
    }

    #[test]
    fn words_keep_their_styles_across_spans() {
        let bold = Span::plain("bold", Style::PLAIN.bold());
        let lines = break_lines(vec![span("a "), bold.clone(), span("er b")], 8);
        assert_eq!(lines[0], [span("a "), bold, span("er")]);
        assert_eq!(lines[1], [span("b")]);
    }

    #[test]
    fn written_lines_have_no_trailing_spaces() {
        let mut out = Vec::new();
        write_line(&mut out, &[span("│ ")], &[]);
        write_line(&mut out, &[span("│ ")], &[span("x  ")]);
        assert_eq!(out, "│\n│ x\n".as_bytes());
    }
}
