//! Markdown rendered as it streams, one line at a time. Text arrives in
//! pieces; each line is drawn once its newline arrives, so the answer
//! scrolls by as it is written instead of appearing at the end. A table is
//! held until it ends (its columns depend on every row); a code block is
//! highlighted line by line. What is left when the reply ends, a line
//! without its newline, an unclosed fence, a half-received table, is drawn
//! as it is by [`Markdown::finish`].
//!
//! Block structure (quotes, lists, headings, fences, tables) is tracked
//! here, from what `blocks` reads at each line's start; code goes to
//! `code`, the inline Markdown of other lines to pulldown-cmark (`inline`).
//! Whatever happens, every byte of the reply's text is shown: nothing is
//! dropped or waits past the end.

use std::io::{self, Write};

use super::Options;
use super::blocks::{
    Item, heading, indentation, is_delimiter_row, is_rule, list_item, strip_columns, strip_quotes,
    task_marker,
};
use super::code::{self, Fence};
use super::inline::{self, Span};
use super::table;
use super::theme::{Palette, Style};
use super::wrap::{self, Segment};

/// A line longer than this is drawn before its newline arrives, so that a
/// reply without newlines cannot grow the buffer without bound.
const MAX_LINE: usize = 64 * 1024;
/// A table is drawn in parts of this size, its header repeated.
const MAX_TABLE: usize = 256 * 1024;
/// Bullets of nested lists, by depth.
const BULLETS: [&str; 3] = ["•", "◦", "▪"];

/// Renders one reply's Markdown to a terminal as it arrives.
#[derive(Debug)]
pub struct Markdown {
    options: Options,
    /// The start of a line whose newline has not arrived.
    pending: String,
    /// A code line too long to hold is being written as it comes.
    passthrough: bool,
    fence: Option<Fence>,
    held: Option<Held>,
    /// The list items that enclose the current line, outermost first.
    lists: Vec<ListLevel>,
    /// The previous line was blank (or there was none).
    after_blank: bool,
    /// Drawn lines not yet written out.
    buffer: Vec<u8>,
}

/// Lines held back: what may be a table's header (until the next line
/// says), or a table's rows (until it ends).
#[derive(Debug)]
struct Held {
    lines: Vec<String>,
    quote_depth: usize,
    /// A delimiter row followed the header: it is a table.
    table: bool,
    bytes: usize,
}

#[derive(Debug)]
struct ListLevel {
    /// Where the item's marker is in the reply's text.
    marker_indent: usize,
    /// The screen column of the marker, and of the item's text.
    marker_column: usize,
    text_column: usize,
}

impl Markdown {
    pub fn new(options: Options) -> Markdown {
        Markdown {
            options,
            pending: String::new(),
            passthrough: false,
            fence: None,
            held: None,
            lists: Vec::new(),
            after_blank: true,
            buffer: Vec::new(),
        }
    }

    /// Takes the next piece of the reply; draws every line it completes.
    pub fn push(&mut self, text: &str, out: &mut impl Write) -> io::Result<()> {
        let mut rest = text;
        while let Some(newline) = find_newline(rest.as_bytes()) {
            let (line, tail) = (&rest[..newline], &rest[newline + 1..]);
            rest = tail;
            if self.passthrough {
                code::write_text(&mut self.buffer, line);
                self.buffer.push(b'\n');
                self.passthrough = false;
            } else if self.pending.is_empty() {
                self.line(line);
            } else {
                let mut whole = std::mem::take(&mut self.pending);
                whole.push_str(line);
                self.line(&whole);
                // The buffer is kept for the next line.
                whole.clear();
                self.pending = whole;
            }
        }
        if self.passthrough {
            code::write_text(&mut self.buffer, rest);
        } else {
            self.pending.push_str(rest);
            if self.pending.len() > MAX_LINE {
                self.overlong_line();
            }
        }
        self.write_out(out)
    }

    /// Draws everything still held: the last line, a table, a fence's
    /// content so far. The renderer is then ready for another reply.
    pub fn finish(&mut self, out: &mut impl Write) -> io::Result<()> {
        if self.passthrough {
            self.buffer.push(b'\n');
            self.passthrough = false;
        } else if !self.pending.is_empty() {
            let line = std::mem::take(&mut self.pending);
            self.line(&line);
        }
        self.write_held(false);
        self.fence = None;
        self.lists.clear();
        self.after_blank = true;
        self.write_out(out)
    }

    fn write_out(&mut self, out: &mut impl Write) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let written = out.write_all(&self.buffer);
        self.buffer.clear();
        written
    }

    fn palette(&self) -> &'static Palette {
        self.options.theme.palette()
    }

    /// A line that has grown past [`MAX_LINE`] without a newline.
    fn overlong_line(&mut self) {
        let line = std::mem::take(&mut self.pending);
        if self.fence.is_some() {
            // Code is never broken: the rest of the line follows as it comes.
            self.code_line(&line, false);
            self.passthrough = true;
        } else {
            self.line(&line);
        }
    }

    fn line(&mut self, line: &str) {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if self.fence.is_some() {
            self.code_line(line, true);
            return;
        }
        if let Some(held) = &mut self.held {
            let (depth, content) = strip_quotes(line, usize::MAX);
            let continues = depth == held.quote_depth
                && if held.table {
                    content.contains('|') && !content.trim().is_empty()
                } else {
                    is_delimiter_row(content)
                };
            if continues {
                held.table = true;
                held.bytes += line.len();
                held.lines.push(line.to_owned());
                if held.bytes > MAX_TABLE {
                    self.write_held(true);
                }
                return;
            }
            self.write_held(false);
        }
        self.block_line(line, true);
    }

    /// Draws the held lines: a table, or the line that was not a header.
    /// `keep_head`: the table goes on, so its header and delimiter row stay
    /// to head the next part.
    fn write_held(&mut self, keep_head: bool) {
        let Some(mut held) = self.held.take() else {
            return;
        };
        let quote_depth = held.quote_depth;
        let contents: Vec<&str> = held
            .lines
            .iter()
            .map(|line| strip_quotes(line, quote_depth).1)
            .collect();
        let bars = quote_bars(quote_depth);
        let column = self.lists.last().map_or(0, |level| level.text_column);
        let prefix: Vec<Segment> = self
            .quote_prefix(&bars)
            .into_iter()
            .chain(wrap::pad(column))
            .collect();
        let drawn = held.table && table::write(&mut self.buffer, &contents, &prefix, &self.options);
        if drawn {
            self.after_blank = false;
            if keep_head {
                held.lines.truncate(2);
                held.bytes = held.lines.iter().map(String::len).sum();
                self.held = Some(held);
            }
            return;
        }
        for line in held.lines {
            self.block_line(&line, false);
        }
    }

    /// A line outside code: `table_allowed` is false for a line that was
    /// held as a possible table header and turned out not to be one.
    fn block_line(&mut self, line: &str, table_allowed: bool) {
        let (depth, content) = strip_quotes(line, usize::MAX);
        let bars = quote_bars(depth);
        let prefix = self.quote_prefix(&bars);
        let indent = indentation(content);
        let body = content.trim_start();
        let after_blank = std::mem::replace(&mut self.after_blank, false);
        if body.is_empty() {
            wrap::write_line(&mut self.buffer, prefix.into_iter());
            self.after_blank = true;
            return;
        }
        let in_list = !self.lists.is_empty();
        if (indent < 4 || in_list)
            && let Some(fence) = Fence::open(body, indent, depth)
        {
            let opening = Segment::new(body.trim_end(), self.palette().fence);
            wrap::write_line(&mut self.buffer, prefix.into_iter().chain([opening]));
            self.fence = Some(fence);
            return;
        }
        if indent < 4 {
            if let Some((level, text)) = heading(body) {
                self.lists.clear();
                let style = self.palette().headings[level.min(3) - 1];
                let spans = inline::spans(text, style, &self.options);
                self.text(prefix.as_slice(), prefix.as_slice(), &spans);
                return;
            }
            if is_rule(body) {
                self.lists.clear();
                self.rule(prefix);
                return;
            }
        }
        if (indent < 4 || in_list)
            && let Some(item) = list_item(content)
        {
            self.list_item(prefix, &item);
            return;
        }
        if table_allowed && body.contains('|') && (indent < 4 || in_list) {
            self.held = Some(Held {
                lines: vec![line.to_owned()],
                quote_depth: depth,
                table: false,
                bytes: line.len(),
            });
            return;
        }
        if indent >= 4 && !in_list && after_blank {
            // An indented code block: its text as it is, in the code style.
            let code = inline::clean(strip_columns(content, 4));
            let code = Segment::new(&code, self.palette().code);
            wrap::write_line(&mut self.buffer, prefix.into_iter().chain([code]));
            self.after_blank = true;
            return;
        }
        // A paragraph line, inside the list item it is indented under.
        if indent == 0 && after_blank {
            self.lists.clear();
        }
        while self.lists.len() > 1 && self.lists.last().is_some_and(|l| l.marker_indent >= indent) {
            self.lists.pop();
        }
        let column = self.lists.last().map_or(0, |level| level.text_column);
        let lead: Vec<Segment> = prefix.into_iter().chain(wrap::pad(column)).collect();
        let spans = inline::spans(body, Style::PLAIN, &self.options);
        self.text(&lead, &lead, &spans);
    }

    /// Writes `spans` wrapped to the terminal, the first line after
    /// `first`, the others after `rest`.
    fn text(&mut self, first: &[Segment], rest: &[Segment], spans: &[Span]) {
        let indent = wrap::segments_width(first).max(wrap::segments_width(rest));
        let limit = self.options.width.saturating_sub(indent).max(MIN_TEXT);
        if wrap::spans_width(spans) <= limit {
            // Most lines fit: written as they are, without spaces at the ends.
            let segments = first.iter().copied().chain(wrap::trimmed(spans));
            wrap::write_line(&mut self.buffer, segments);
            return;
        }
        let lines = wrap::break_lines(spans, limit);
        if lines.is_empty() {
            wrap::write_line(&mut self.buffer, first.iter().copied());
        }
        for line in 0..lines.len() {
            let lead = if line == 0 { first } else { rest };
            let segments = lead.iter().copied().chain(lines.segments(spans, line));
            wrap::write_line(&mut self.buffer, segments);
        }
    }

    fn rule(&mut self, prefix: Option<Segment>) {
        let width = self
            .options
            .width
            .saturating_sub(wrap::segments_width(prefix.as_slice()))
            .max(3);
        let rule = "─".repeat(width);
        let rule = Segment::new(&rule, self.palette().rule);
        wrap::write_line(&mut self.buffer, prefix.into_iter().chain([rule]));
    }

    fn list_item(&mut self, prefix: Option<Segment>, item: &Item<'_>) {
        while self
            .lists
            .last()
            .is_some_and(|level| level.marker_indent > item.indent)
        {
            self.lists.pop();
        }
        let marker_column = match self.lists.last() {
            Some(level) if level.marker_indent == item.indent => {
                let column = level.marker_column;
                self.lists.pop();
                column
            }
            Some(level) => level.text_column,
            None => 0,
        };
        let marker = match item.number {
            Some(number) => number,
            None => BULLETS[self.lists.len() % BULLETS.len()],
        };
        let text_column = marker_column + wrap::width(marker) + 1;
        self.lists.push(ListLevel {
            marker_indent: item.indent,
            marker_column,
            text_column,
        });
        let palette = self.palette();
        let first: Vec<Segment> = (prefix.into_iter())
            .chain(wrap::pad(marker_column))
            .chain([
                Segment::new(marker, palette.bullet),
                Segment::new(" ", Style::PLAIN),
            ])
            .collect();
        let rest: Vec<Segment> = prefix.into_iter().chain(wrap::pad(text_column)).collect();
        let (task, text) = task_marker(item.text);
        let mut spans = Vec::new();
        if let Some(done) = task {
            spans.push(Span::plain(if done { "☑ " } else { "☐ " }, palette.bullet));
        }
        spans.extend(inline::spans(text, Style::PLAIN, &self.options));
        self.text(&first, &rest, &spans);
    }

    /// A line inside a fence: the closing fence, or code. `whole`: the
    /// line is complete (not the start of an overlong one).
    fn code_line(&mut self, line: &str, whole: bool) {
        let Some(fence) = &self.fence else {
            return;
        };
        let (depth, content) = strip_quotes(line, fence.quote_depth);
        let bars = quote_bars(depth);
        let prefix = self.quote_prefix(&bars);
        let palette = self.palette();
        if whole && fence.is_closed_by(content) {
            let body = Segment::new(content.trim(), palette.fence);
            wrap::write_line(&mut self.buffer, prefix.into_iter().chain([body]));
            self.fence = None;
            self.after_blank = true;
            return;
        }
        if let Some(bars) = prefix {
            bars.style.paint(&mut self.buffer, bars.text);
        }
        if let Some(fence) = &mut self.fence {
            let code = strip_columns(content, fence.indent);
            fence.write_line(&mut self.buffer, code, &palette.syntax);
        }
        if whole {
            self.buffer.push(b'\n');
        }
    }

    /// What a line inside block quotes starts with: their `bars`.
    fn quote_prefix<'a>(&self, bars: &'a str) -> Option<Segment<'a>> {
        (!bars.is_empty()).then(|| Segment::new(bars, self.palette().quote_bar))
    }
}

/// The bars of `depth` block quotes, one for each (none outside quotes).
fn quote_bars(depth: usize) -> String {
    if depth == 0 {
        return String::new();
    }
    "│ ".repeat(depth)
}

/// Where the first newline in `text` is. A delta is often a few bytes,
/// where memchr's set-up costs more than the search: eight bytes are
/// looked at at once ("Bit Twiddling Hacks": haszero).
fn find_newline(text: &[u8]) -> Option<usize> {
    if text.len() >= 64 {
        return memchr::memchr(b'\n', text);
    }
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut words = text.chunks_exact(8);
    let mut at = 0;
    for word in &mut words {
        let mut bytes = [0; 8];
        bytes.copy_from_slice(word);
        let newlines = u64::from_le_bytes(bytes) ^ (ONES * u64::from(b'\n'));
        if newlines.wrapping_sub(ONES) & !newlines & HIGHS != 0 {
            return word.iter().position(|b| *b == b'\n').map(|i| at + i);
        }
        at += 8;
    }
    words
        .remainder()
        .iter()
        .position(|b| *b == b'\n')
        .map(|i| at + i)
}

/// Text is never squeezed narrower than this, however deep the nesting.
const MIN_TEXT: usize = 20;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Theme;

    fn options(width: usize) -> Options {
        Options {
            theme: Theme::Dark,
            width,
            hyperlinks: false,
        }
    }

    /// Renders `text` pushed in pieces of `piece` bytes (at character
    /// boundaries), and returns the output.
    fn render_in_pieces(text: &str, piece: usize, width: usize) -> String {
        let mut markdown = Markdown::new(options(width));
        let mut out = Vec::new();
        let mut rest = text;
        while !rest.is_empty() {
            let mut end = piece.min(rest.len());
            while !rest.is_char_boundary(end) {
                end += 1;
            }
            markdown.push(&rest[..end], &mut out).unwrap();
            rest = &rest[end..];
        }
        markdown.finish(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn render(text: &str) -> String {
        render_in_pieces(text, usize::MAX, 40)
    }

    /// The rendering with escape codes removed.
    fn visible(text: &str) -> String {
        let mut plain = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                if chars.next() == Some(']') {
                    // OSC 8: up to the string terminator.
                    while let Some(c) = chars.next() {
                        if c == '\x1b' {
                            chars.next();
                            break;
                        }
                    }
                } else {
                    for c in chars.by_ref() {
                        if c.is_ascii_alphabetic() {
                            break;
                        }
                    }
                }
            } else {
                plain.push(c);
            }
        }
        plain
    }

    #[test]
    fn pieces_of_any_size_render_the_same() {
        let text = "# Title\n\nSome *text* with `code`.\n\n- a\n  - b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n```rust\nfn main() {}\n```\n> quoted\n";
        let whole = render(text);
        for piece in [1, 2, 3, 7, 64] {
            assert_eq!(
                render_in_pieces(text, piece, 40),
                whole,
                "pieces of {piece}"
            );
        }
    }

    #[test]
    fn each_line_is_drawn_when_its_newline_arrives() {
        let mut markdown = Markdown::new(options(40));
        let mut out = Vec::new();
        markdown.push("# Title\nSome tex", &mut out).unwrap();
        assert_eq!(visible(&String::from_utf8(out.clone()).unwrap()), "Title\n");
        markdown.push("t\n| a |", &mut out).unwrap();
        assert_eq!(
            visible(&String::from_utf8(out.clone()).unwrap()),
            "Title\nSome text\n"
        );
        markdown.finish(&mut out).unwrap();
        assert_eq!(
            visible(&String::from_utf8(out).unwrap()),
            "Title\nSome text\n| a |\n"
        );
    }

    #[test]
    fn code_keeps_its_exact_text() {
        let code = "fn main() {\n\tlet x = \"a  b\";   \n        // deep\n}";
        let text = format!("  ```rust\n{}\n  ```\n", code.replace('\n', "\n  "));
        let shown = visible(&render(&text));
        assert_eq!(shown, format!("```rust\n{code}\n```\n"));
        // Not wrapped, however long.
        let long = "x".repeat(100);
        assert_eq!(
            visible(&render(&format!("```\n{long}\n```"))),
            format!("```\n{long}\n```\n")
        );
    }

    #[test]
    fn an_unclosed_fence_still_shows_everything() {
        assert_eq!(
            visible(&render("```python\nprint(1)\nprint(")),
            "```python\nprint(1)\nprint(\n"
        );
    }

    #[test]
    fn lists_nest_and_wrap_under_their_text() {
        let text = "- one\n  - two is a longer item that has to wrap\n    still two\n- three\n1. first\n2) [x] done\n";
        assert_eq!(
            visible(&render_in_pieces(text, 5, 30)),
            "• one\n  ◦ two is a longer item that\n    has to wrap\n    still two\n• three\n1. first\n2) ☑ done\n"
        );
    }

    #[test]
    fn quotes_headings_and_rules() {
        assert_eq!(
            visible(&render(
                "> a **quote**\n>\n> > deeper\n\n## Head ##\n\n***\n"
            )),
            format!("│ a quote\n│\n│ │ deeper\n\nHead\n\n{}\n", "─".repeat(40))
        );
    }

    #[test]
    fn long_lines_fit_the_width_and_end_without_spaces() {
        let text = format!("{}\n", "word ".repeat(30));
        let shown = visible(&render(&text));
        assert!(
            shown
                .lines()
                .all(|l| wrap::width(l) <= 40 && !l.ends_with(' '))
        );
        assert_eq!(shown.split_whitespace().count(), 30);
    }

    #[test]
    fn a_pipe_that_is_no_table_is_shown_as_text() {
        assert_eq!(visible(&render("a | b\nnext line\n")), "a | b\nnext line\n");
        assert_eq!(visible(&render("a | b")), "a | b\n");
    }

    #[test]
    fn a_table_is_held_until_it_ends() {
        let mut markdown = Markdown::new(options(40));
        let mut out = Vec::new();
        markdown
            .push("| a | b |\n|---|---|\n| 1 | 2 |\n", &mut out)
            .unwrap();
        assert!(out.is_empty(), "not drawn before it ends");
        markdown.push("\nafter\n", &mut out).unwrap();
        assert_eq!(
            visible(&String::from_utf8(out).unwrap()),
            "a │ b\n──┼──\n1 │ 2\n\nafter\n"
        );
    }

    #[test]
    fn input_without_newlines_is_bounded() {
        let mut markdown = Markdown::new(options(40));
        let mut out = Vec::new();
        for _ in 0..100 {
            markdown.push(&"y".repeat(10_000), &mut out).unwrap();
        }
        assert!(markdown.pending.len() <= MAX_LINE);
        markdown.push("\n```\n", &mut out).unwrap();
        for _ in 0..100 {
            markdown.push(&"z".repeat(10_000), &mut out).unwrap();
        }
        assert!(markdown.pending.len() <= MAX_LINE);
        markdown.finish(&mut out).unwrap();
        let shown = String::from_utf8(out).unwrap();
        assert_eq!(shown.matches('y').count(), 1_000_000);
        assert_eq!(shown.matches('z').count(), 1_000_000);
        assert!(
            shown.contains(&format!("{}\n", "z".repeat(1_000_000))),
            "code is one line"
        );
    }

    #[test]
    fn a_huge_table_is_drawn_in_parts_with_its_header() {
        let mut markdown = Markdown::new(options(40));
        let mut out = Vec::new();
        markdown
            .push("| n | square |\n|---|---|\n", &mut out)
            .unwrap();
        for n in 0..40_000 {
            markdown
                .push(&format!("| {n} | {} |\n", n * n), &mut out)
                .unwrap();
            assert!(
                markdown
                    .held
                    .as_ref()
                    .is_none_or(|h| h.bytes <= MAX_TABLE + 64)
            );
        }
        markdown.finish(&mut out).unwrap();
        let shown = visible(&String::from_utf8(out).unwrap());
        let headers = shown.lines().filter(|l| l.starts_with("n ")).count();
        assert!(headers > 1, "drawn in parts, each with the header");
        assert_eq!(shown.lines().count(), 40_000 + 2 * headers);
        assert!(shown.contains("39999 │ 1599920001\n"));
    }

    #[test]
    fn indented_code_with_a_pipe_is_code() {
        assert_eq!(
            visible(&render("text\n\n    a | b\n    c\n")),
            "text\n\na | b\nc\n"
        );
    }

    #[test]
    fn escape_codes_in_the_reply_are_neutralised() {
        let shown = render("text \x1b[2J\n```\ncode \x1b]52;c;x\x07\n```\n");
        assert!(!shown.contains("\x1b[2J") && !shown.contains("\x1b]52"));
        assert!(shown.contains("text \u{FFFD}[2J"));
    }
}
