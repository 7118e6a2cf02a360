//! Fitting styled text to the terminal: breaking spans into lines at
//! spaces (a word longer than a line is cut), measuring in terminal
//! columns, and writing lines with their escape codes. Lines never end in
//! spaces. A line is written from pieces of the spans it was broken from
//! (and of its prefix), so text is copied once, into the output.

use std::ops::Range;
use std::rc::Rc;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::inline::Span;
use super::theme::{Style, end_link, start_link};

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

pub fn segments_width(segments: &[Segment<'_>]) -> usize {
    segments.iter().map(|s| width(s.text)).sum()
}

/// A piece of text to write, and how it looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment<'a> {
    pub text: &'a str,
    pub style: Style,
    /// The URL, when the text is drawn as a hyperlink.
    pub link: Option<&'a Rc<str>>,
    /// Drawn as one with the segment before it when they look the same
    /// (the pieces of a broken line, from one span or several).
    joins: bool,
}

impl<'a> Segment<'a> {
    pub fn new(text: &'a str, style: Style) -> Segment<'a> {
        Segment {
            text,
            style,
            link: None,
            joins: false,
        }
    }

    pub fn of(span: &'a Span) -> Segment<'a> {
        Segment {
            text: &span.text,
            style: span.style,
            link: span.link.as_ref(),
            joins: false,
        }
    }
}

/// Spaces for padding, taken in slices.
const SPACES: &str = "                                                                ";

/// `columns` spaces, as plain segments.
pub fn pad<'a>(columns: usize) -> impl Iterator<Item = Segment<'a>> + Clone {
    let (whole, part) = (columns / SPACES.len(), columns % SPACES.len());
    std::iter::repeat_n(SPACES, whole)
        .chain((part > 0).then(|| &SPACES[..part]))
        .map(|text| Segment::new(text, Style::PLAIN))
}

/// `spans[span].text[start..end]`: lines are made of these.
#[derive(Debug, Clone, Copy)]
struct Piece {
    span: usize,
    start: usize,
    end: usize,
}

/// Spans broken into lines.
#[derive(Debug)]
pub struct Lines {
    pieces: Vec<Piece>,
    /// The pieces of each line.
    lines: Vec<Range<usize>>,
    /// The lines were broken, and neighbouring pieces that look the same
    /// are drawn as one; spans that fit on one line are drawn as they are.
    broken: bool,
}

impl Lines {
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The segments of line `line`; `spans` are those it was broken from.
    pub fn segments<'a>(
        &'a self,
        spans: &'a [Span],
        line: usize,
    ) -> impl Iterator<Item = Segment<'a>> + Clone {
        let range = self.lines[line].clone();
        let broken = self.broken;
        self.pieces[range]
            .iter()
            .enumerate()
            .map(move |(i, piece)| {
                let span = &spans[piece.span];
                Segment {
                    text: &span.text[piece.start..piece.end],
                    style: span.style,
                    link: span.link.as_ref(),
                    joins: broken && i > 0,
                }
            })
    }
}

/// Breaks `spans` into lines of at most `limit` columns.
pub fn break_lines(spans: &[Span], limit: usize) -> Lines {
    if spans_width(spans) <= limit {
        return one_line(spans);
    }
    let mut breaker = Breaker {
        spans,
        limit: limit.max(1),
        lines: Lines {
            pieces: Vec::new(),
            lines: Vec::new(),
            broken: true,
        },
        line_start: 0,
        line_width: 0,
        gap: Vec::new(),
        gap_width: 0,
        word: Vec::new(),
        word_width: 0,
    };
    for (index, span) in spans.iter().enumerate() {
        let bytes = span.text.as_bytes();
        // Each ASCII character takes a column (see `width`).
        let ascii = span.text.is_ascii();
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
                breaker.end_word();
                breaker.gap.push(piece);
                breaker.gap_width += end - at;
            } else {
                breaker.word.push(piece);
                breaker.word_width += if ascii {
                    end - at
                } else {
                    width(&span.text[at..end])
                };
            }
            at = end;
        }
    }
    breaker.end_word();
    breaker.new_line();
    breaker.lines
}

/// Spans that fit on a line, as the line (see [`trim`]).
fn one_line(spans: &[Span]) -> Lines {
    let pieces: Vec<Piece> = trim(spans).collect();
    let mut lines = Vec::new();
    if !pieces.is_empty() {
        lines.push(0..pieces.len());
    }
    Lines {
        pieces,
        lines,
        broken: false,
    }
}

/// The segments of spans that fit on a line (see [`trim`]).
pub fn trimmed(spans: &[Span]) -> impl Iterator<Item = Segment<'_>> + Clone {
    trim(spans).map(|piece| {
        let mut segment = Segment::of(&spans[piece.span]);
        segment.text = &segment.text[piece.start..piece.end];
        segment
    })
}

/// Spans that fit on a line, as pieces of the line: without spaces at
/// either end, and without empty spans.
fn trim(spans: &[Span]) -> impl Iterator<Item = Piece> + Clone {
    let not_spaces = |s: &Span| s.text.bytes().any(|b| b != b' ');
    let first = spans.iter().position(not_spaces);
    let last = spans.iter().rposition(not_spaces);
    let range = match (first, last) {
        (Some(first), Some(last)) => first..last + 1,
        _ => 0..0,
    };
    let (first, last) = (range.start, range.end.saturating_sub(1));
    range.filter_map(move |span| {
        let text = spans[span].text.as_str();
        let mut piece = Piece {
            span,
            start: 0,
            end: text.len(),
        };
        if span == first {
            piece.start = text.bytes().take_while(|b| *b == b' ').count();
        }
        if span == last {
            piece.end = text.len() - text.bytes().rev().take_while(|b| *b == b' ').count();
        }
        (piece.start < piece.end).then_some(piece)
    })
}

struct Breaker<'s> {
    spans: &'s [Span],
    limit: usize,
    lines: Lines,
    /// Where the current line's pieces start in `lines.pieces`.
    line_start: usize,
    line_width: usize,
    /// Spaces before the word being read: kept only if both fit on a line.
    gap: Vec<Piece>,
    gap_width: usize,
    word: Vec<Piece>,
    word_width: usize,
}

impl Breaker<'_> {
    fn end_word(&mut self) {
        if self.word.is_empty() {
            return;
        }
        if self.line_width > 0 {
            if self.line_width + self.gap_width + self.word_width <= self.limit {
                for i in 0..self.gap.len() {
                    self.append(self.gap[i]);
                }
                self.line_width += self.gap_width;
            } else {
                self.new_line();
            }
        }
        self.gap.clear();
        self.gap_width = 0;
        let word_width = std::mem::replace(&mut self.word_width, 0);
        if self.line_width + word_width <= self.limit {
            for i in 0..self.word.len() {
                self.append(self.word[i]);
            }
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
            self.append(Piece { span, start, end });
            self.line_width += width;
        }
    }

    /// Puts `piece` at the end of the current line: as part of the piece
    /// before it when it goes on from it, so that a line holds a piece for
    /// each span rather than for each word.
    fn append(&mut self, piece: Piece) {
        let on_line = self.lines.pieces.len() > self.line_start;
        if on_line
            && let Some(last) = self.lines.pieces.last_mut()
            && last.span == piece.span
            && last.end == piece.start
        {
            last.end = piece.end;
            return;
        }
        self.lines.pieces.push(piece);
    }

    /// Ends the current line, if it has anything on it.
    fn new_line(&mut self) {
        let end = self.lines.pieces.len();
        if end > self.line_start {
            self.lines.lines.push(self.line_start..end);
            self.line_start = end;
        }
        self.line_width = 0;
    }
}

/// Writes one line of segments, then a newline. Trailing white space (a
/// quote bar's, say, on an empty line) is left out.
pub fn write_line<'a>(out: &mut Vec<u8>, segments: impl Iterator<Item = Segment<'a>> + Clone) {
    let last_visible = segments
        .clone()
        .enumerate()
        .filter(|(_, s)| is_visible(s.text))
        .last()
        .map(|(i, _)| i);
    if let Some(last) = last_visible {
        // The look of the text being written: segments that join it and
        // look the same are written inside the same escape codes.
        let mut open: Option<(Style, Option<&Rc<str>>)> = None;
        for (i, segment) in segments.take(last + 1).enumerate() {
            let look = (segment.style, segment.link);
            if !(segment.joins && open == Some(look)) {
                if let Some((style, link)) = open {
                    end(out, style, link);
                }
                start(out, segment.style, segment.link);
                open = Some(look);
            }
            let text = if i == last {
                segment.text.trim_end()
            } else {
                segment.text
            };
            out.extend_from_slice(text.as_bytes());
        }
        if let Some((style, link)) = open {
            end(out, style, link);
        }
    }
    out.push(b'\n');
}

/// Whether `text` holds more than white space (as `str::trim` sees it).
fn is_visible(text: &str) -> bool {
    // White space in ASCII: tab, line feed, vertical tab, form feed,
    // carriage return and space.
    match text
        .bytes()
        .rposition(|b| !matches!(b, b'\t'..=b'\r' | b' '))
    {
        Some(at) if text.as_bytes()[at] < 0x80 => true,
        Some(_) => !text.trim_end().is_empty(),
        None => false,
    }
}

fn start(out: &mut Vec<u8>, style: Style, link: Option<&Rc<str>>) {
    if let Some(url) = link {
        start_link(out, url);
    }
    style.start(out);
}

fn end(out: &mut Vec<u8>, style: Style, link: Option<&Rc<str>>) {
    style.end(out);
    if link.is_some() {
        end_link(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::theme::Style;

    fn plain(spans: &[Span], limit: usize) -> Vec<String> {
        let lines = break_lines(spans, limit);
        (0..lines.len())
            .map(|line| lines.segments(spans, line).map(|s| s.text).collect())
            .collect()
    }

    fn span(text: &str) -> Span {
        Span::plain(text, Style::PLAIN)
    }

    fn write_spans(out: &mut Vec<u8>, prefix: &[Span], spans: &[Span]) {
        write_line(out, prefix.iter().chain(spans).map(Segment::of));
    }

    #[test]
    fn lines_break_at_spaces_and_never_end_in_one() {
        let text = [span("the quick brown fox jumps over the lazy dog ")];
        assert_eq!(
            plain(&text, 10),
            ["the quick", "brown fox", "jumps over", "the lazy", "dog"]
        );
        assert_eq!(
            plain(&text, 100),
            ["the quick brown fox jumps over the lazy dog"]
        );
    }

    #[test]
    fn long_words_are_cut_and_wide_characters_counted() {
        assert_eq!(plain(&[span("abcdefghij k")], 4), ["abcd", "efgh", "ij k"]);
        assert_eq!(plain(&[span("日本語の文")], 4), ["日本", "語の", "文"]);
        assert_eq!(width("日本"), 4);
    }

    #[test]
    fn words_keep_their_styles_across_spans() {
        let bold = Style::PLAIN.bold();
        let spans = [span("a "), Span::plain("bold", bold), span("er b")];
        assert_eq!(plain(&spans, 8), ["a bolder", "b"]);
        let lines = break_lines(&spans, 8);
        let mut out = Vec::new();
        write_line(&mut out, lines.segments(&spans, 0));
        assert_eq!(out, b"a \x1b[1mbold\x1b[0mer\n");
    }

    #[test]
    fn written_lines_have_no_trailing_spaces() {
        let mut out = Vec::new();
        write_spans(&mut out, &[span("│ ")], &[]);
        write_spans(&mut out, &[span("│ ")], &[span("x  ")]);
        assert_eq!(out, "│\n│ x\n".as_bytes());
    }

    #[test]
    fn pieces_of_a_broken_line_that_look_the_same_are_drawn_as_one() {
        let bold = Style::PLAIN.bold();
        let spans = [Span::plain("a b", bold), Span::plain("c d", bold)];
        let mut out = Vec::new();
        let lines = break_lines(&spans, 3);
        for line in 0..lines.len() {
            write_line(&mut out, lines.segments(&spans, line));
        }
        assert_eq!(out, b"\x1b[1ma\x1b[0m\n\x1b[1mbc\x1b[0m\n\x1b[1md\x1b[0m\n");
        // Spans that fit are drawn as they came.
        out.clear();
        write_line(&mut out, break_lines(&spans, 80).segments(&spans, 0));
        assert_eq!(out, b"\x1b[1ma b\x1b[0m\x1b[1mc d\x1b[0m\n");
    }
}
