//! Fitting styled text to the terminal: breaking spans into lines at
//! spaces (a word longer than a line is cut), measuring in terminal
//! columns, and writing lines with their escape codes. Lines never end in
//! spaces.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::inline::Span;
use super::theme::paint_link;

/// Columns `text` takes on a terminal.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

pub fn spans_width(spans: &[Span]) -> usize {
    spans.iter().map(|s| width(&s.text)).sum()
}

/// Breaks `spans` into lines of at most `limit` columns.
pub fn break_lines(spans: &[Span], limit: usize) -> Vec<Vec<Span>> {
    if spans_width(spans) <= limit {
        return one_line(spans);
    }
    let mut lines = Lines {
        limit: limit.max(1),
        done: Vec::new(),
        line: Vec::new(),
        line_width: 0,
        gap: Vec::new(),
        gap_width: 0,
        word: Vec::new(),
        word_width: 0,
    };
    for span in spans {
        let mut rest = span.text.as_str();
        while !rest.is_empty() {
            let space = rest.starts_with(' ');
            let end = rest
                .find(|c: char| (c == ' ') != space)
                .unwrap_or(rest.len());
            let (run, tail) = rest.split_at(end);
            if space {
                lines.end_word();
                lines.gap_width += run.len();
                push_merged(&mut lines.gap, run, span);
            } else {
                lines.word_width += width(run);
                push_merged(&mut lines.word, run, span);
            }
            rest = tail;
        }
    }
    lines.end_word();
    if !lines.line.is_empty() {
        lines.done.push(lines.line);
    }
    lines.done
}

/// Spans that fit on a line, as the line: without spaces at either end.
fn one_line(spans: &[Span]) -> Vec<Vec<Span>> {
    let mut line: Vec<Span> = spans
        .iter()
        .filter(|s| !s.text.is_empty())
        .cloned()
        .collect();
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

struct Lines {
    limit: usize,
    done: Vec<Vec<Span>>,
    line: Vec<Span>,
    line_width: usize,
    /// Spaces before the word being read: kept only if both fit on a line.
    gap: Vec<Span>,
    gap_width: usize,
    word: Vec<Span>,
    word_width: usize,
}

impl Lines {
    fn end_word(&mut self) {
        if self.word.is_empty() {
            return;
        }
        let word = std::mem::take(&mut self.word);
        let word_width = std::mem::replace(&mut self.word_width, 0);
        let gap = std::mem::take(&mut self.gap);
        let gap_width = std::mem::replace(&mut self.gap_width, 0);
        if self.line_width > 0 {
            if self.line_width + gap_width + word_width <= self.limit {
                self.place(&gap, gap_width);
            } else {
                self.new_line();
            }
        }
        if self.line_width + word_width <= self.limit {
            self.place(&word, word_width);
            return;
        }
        // Longer than a line: cut it, character by character.
        for span in &word {
            let mut piece = String::new();
            let mut piece_width = 0;
            for c in span.text.chars() {
                let w = c.width().unwrap_or(0);
                let used = self.line_width + piece_width;
                if used + w > self.limit && used > 0 {
                    self.place_text(std::mem::take(&mut piece), span, piece_width);
                    piece_width = 0;
                    self.new_line();
                }
                piece.push(c);
                piece_width += w;
            }
            self.place_text(piece, span, piece_width);
        }
    }

    fn place(&mut self, spans: &[Span], w: usize) {
        for span in spans {
            push_merged(&mut self.line, &span.text, span);
        }
        self.line_width += w;
    }

    fn place_text(&mut self, text: String, like: &Span, w: usize) {
        if !text.is_empty() {
            push_merged(&mut self.line, &text, like);
            self.line_width += w;
        }
    }

    fn new_line(&mut self) {
        if !self.line.is_empty() {
            self.done.push(std::mem::take(&mut self.line));
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
    let all: Vec<&Span> = prefix.iter().chain(spans).collect();
    let last_visible = all.iter().rposition(|s| !s.text.trim_end().is_empty());
    for (i, span) in all.iter().enumerate() {
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
            plain(break_lines(&text, 10)),
            ["the quick", "brown fox", "jumps over", "the lazy", "dog"]
        );
        assert_eq!(
            plain(break_lines(&text, 100)),
            ["the quick brown fox jumps over the lazy dog"]
        );
    }

    #[test]
    fn long_words_are_cut_and_wide_characters_counted() {
        assert_eq!(
            plain(break_lines(&[span("abcdefghij k")], 4)),
            ["abcd", "efgh", "ij k"]
        );
        assert_eq!(
            plain(break_lines(&[span("日本語の文")], 4)),
            ["日本", "語の", "文"]
        );
        assert_eq!(width("日本"), 4);
    }

    #[test]
    fn words_keep_their_styles_across_spans() {
        let bold = Span::plain("bold", Style::PLAIN.bold());
        let lines = break_lines(&[span("a "), bold.clone(), span("er b")], 8);
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
