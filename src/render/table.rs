//! Tables: the rows of a GFM table, parsed by pulldown-cmark once the
//! table has ended, laid out in aligned columns that fit the terminal
//! (wide cells wrap within their column).

use pulldown_cmark::{Alignment, Event, Parser, Tag, TagEnd};

use super::Options;
use super::inline::{self, Collector, Span};
use super::theme::Style;
use super::wrap::{self, Segment, spans_width};

/// Columns are not narrowed below this (or their natural width).
const MIN_COLUMN: usize = 6;
const SEPARATOR: &str = " │ ";
/// Columns the separator takes.
const SEPARATOR_WIDTH: usize = 3;

/// A parsed table: alignments, the header, then the body rows.
struct Table {
    alignments: Vec<Alignment>,
    rows: Vec<Vec<Vec<Span>>>,
}

/// Writes the table that `lines` hold, each line after `prefix`. Returns
/// false, writing nothing, when the lines are not exactly one table.
pub fn write(out: &mut Vec<u8>, lines: &[&str], prefix: &[Segment<'_>], options: &Options) -> bool {
    match parse(lines, options) {
        Some(table) => {
            lay_out(out, table, prefix, options);
            true
        }
        None => false,
    }
}

fn parse(lines: &[&str], options: &Options) -> Option<Table> {
    // GFM drops the cells a row has beyond the header's: shown as text
    // instead, nothing of the reply is lost.
    let header = cell_count(lines.first()?);
    if lines.iter().skip(2).any(|line| cell_count(line) > header) {
        return None;
    }
    let indent = lines
        .iter()
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let text: String = lines
        .iter()
        .flat_map(|line| [line.get(indent..).unwrap_or_default(), "\n"])
        .collect();
    let palette = options.theme.palette();
    let mut table = Table {
        alignments: Vec::new(),
        rows: Vec::new(),
    };
    let found = inline::scan(&text);
    let unsafe_text = found.controls || found.entities;
    let mut cell: Option<Collector> = None;
    let mut in_table = false;
    let mut ended = false;
    for event in Parser::new_ext(&text, inline::extensions()) {
        match event {
            Event::Start(Tag::Table(alignments)) if !in_table && !ended => {
                in_table = true;
                table.alignments = alignments;
            }
            Event::End(TagEnd::Table) => {
                in_table = false;
                ended = true;
            }
            Event::Start(Tag::TableHead | Tag::TableRow) if in_table => table.rows.push(Vec::new()),
            Event::Start(Tag::TableCell) if in_table => {
                let header = table.rows.len() == 1;
                let base = if header {
                    palette.table_header
                } else {
                    Style::PLAIN
                };
                cell = Some(Collector::new(base, options, unsafe_text));
            }
            Event::End(TagEnd::TableCell) => {
                let spans = cell.take().map(Collector::finish).unwrap_or_default();
                table.rows.last_mut()?.push(spans);
            }
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {}
            event if in_table => cell.as_mut()?.event(event),
            // Anything before or after the table: these lines are not one.
            _ => return None,
        }
    }
    (ended && !table.alignments.is_empty()).then_some(table)
}

/// The cells of a row as GFM counts them: split at unescaped pipes, outer
/// pipes not counted.
fn cell_count(line: &str) -> usize {
    let body = line.trim();
    let body = body.strip_prefix('|').unwrap_or(body);
    let body = match body.strip_suffix('|') {
        Some(inner) if !inner.ends_with('\\') => inner,
        _ => body,
    };
    let bytes = body.as_bytes();
    1 + (0..bytes.len())
        .filter(|&i| bytes[i] == b'|' && (i == 0 || bytes[i - 1] != b'\\'))
        .count()
}

fn lay_out(out: &mut Vec<u8>, table: Table, prefix: &[Segment<'_>], options: &Options) {
    let palette = options.theme.palette();
    let columns = table.alignments.len();
    let widths = column_widths(&table, wrap::segments_width(prefix), options.width);
    for (index, row) in table.rows.iter().enumerate() {
        let cell = |i: usize| row.get(i).map_or(&[][..], Vec::as_slice);
        let cells: Vec<wrap::Lines> = (0..columns)
            .map(|i| wrap::break_lines(cell(i), widths[i]))
            .collect();
        let height = cells.iter().map(wrap::Lines::len).max().unwrap_or(0).max(1);
        let mut segments = Vec::new();
        for line in 0..height {
            segments.clear();
            segments.extend(prefix.iter().copied());
            for (i, lines) in cells.iter().enumerate() {
                if i > 0 {
                    segments.push(Segment::new(SEPARATOR, palette.table_border));
                }
                let content = (line < lines.len()).then(|| lines.segments(cell(i), line));
                let content_width: usize = content
                    .clone()
                    .into_iter()
                    .flatten()
                    .map(|s| wrap::width(s.text))
                    .sum();
                let pad = widths[i].saturating_sub(content_width);
                let (before, after) = match table.alignments[i] {
                    Alignment::Right => (pad, 0),
                    Alignment::Center => (pad / 2, pad - pad / 2),
                    Alignment::Left | Alignment::None => (0, pad),
                };
                segments.extend(wrap::pad(before));
                segments.extend(content.into_iter().flatten());
                segments.extend(wrap::pad(after));
            }
            wrap::write_line(out, segments.iter().copied());
        }
        if index == 0 {
            let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
            let rule = rule.join("─┼─");
            let rule = Segment::new(&rule, palette.table_border);
            wrap::write_line(out, prefix.iter().copied().chain([rule]));
        }
    }
}

/// Each column's natural width, narrowed (widest first) until the table
/// fits in `width` columns after a prefix of `prefix_width`.
fn column_widths(table: &Table, prefix_width: usize, width: usize) -> Vec<usize> {
    let columns = table.alignments.len();
    let mut widths = vec![1; columns];
    for row in &table.rows {
        for (i, cell) in row.iter().enumerate().take(columns) {
            widths[i] = widths[i].max(spans_width(cell));
        }
    }
    let minimums: Vec<usize> = widths.iter().map(|w| (*w).min(MIN_COLUMN)).collect();
    let available = width
        .saturating_sub(prefix_width)
        .saturating_sub(SEPARATOR_WIDTH * columns.saturating_sub(1));
    let mut total: usize = widths.iter().sum();
    while total > available {
        let widest = (0..columns)
            .filter(|&i| widths[i] > minimums[i])
            .max_by_key(|&i| widths[i]);
        let Some(widest) = widest else { break };
        // Down to the next widest column, or to what is needed.
        let next = (0..columns)
            .filter(|&i| i != widest)
            .map(|i| widths[i])
            .filter(|&w| w < widths[widest])
            .max()
            .unwrap_or(0);
        let step = (widths[widest] - next.max(minimums[widest]))
            .min(total - available)
            .max(1);
        widths[widest] -= step;
        total -= step;
    }
    widths
}

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

    /// The table with escape codes taken out.
    fn table(lines: &[&str], width: usize) -> Option<String> {
        let mut out = Vec::new();
        write(&mut out, lines, &[], &options(width)).then(|| strip(&out))
    }

    fn strip(bytes: &[u8]) -> String {
        let text = String::from_utf8(bytes.to_vec()).unwrap();
        let mut plain = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                for c in chars.by_ref() {
                    if c == 'm' {
                        break;
                    }
                }
            } else {
                plain.push(c);
            }
        }
        plain
    }

    #[test]
    fn columns_are_aligned_as_the_delimiter_row_says() {
        let got = table(
            &[
                "| Name | Qty | Note |",
                "|:-----|----:|:----:|",
                "| apple | 3 | `red` |",
                "| kiwi | 12 | x |",
            ],
            80,
        );
        assert_eq!(
            got.unwrap(),
            "Name  │ Qty │ Note\n\
             ──────┼─────┼─────\n\
             apple │   3 │ red\n\
             kiwi  │  12 │  x\n"
        );
    }

    #[test]
    fn wide_tables_wrap_inside_their_columns() {
        let got = table(
            &[
                "| a | b |",
                "|---|---|",
                "| short | a long cell that cannot fit on one line |",
            ],
            30,
        )
        .unwrap();
        assert!(got.lines().all(|l| wrap::width(l) <= 30), "{got}");
        assert_eq!(
            got,
            "a     │ b\n\
             ──────┼───────────────────────\n\
             short │ a long cell that\n      \
             │ cannot fit on one line\n"
        );
    }

    #[test]
    fn lines_that_are_not_a_table_are_refused() {
        assert_eq!(table(&["a | b", "not a delimiter row"], 80), None);
        assert_eq!(table(&["| a |", "|---|---|"], 80), None);
        assert_eq!(
            table(&["| a | b |", "|---|---|", "| 1 | 2 | 3 |"], 80),
            None,
            "a cell beyond the header's would be lost"
        );
        assert_eq!(cell_count(r"| a \| b | `c` |"), 2);
        assert_eq!(cell_count("a | b"), 2);
    }

    #[test]
    fn rows_with_missing_cells_are_padded() {
        assert_eq!(
            table(&["| a | b |", "|---|---|", "| only |"], 80).unwrap(),
            "a    │ b\n─────┼──\nonly │\n"
        );
    }
}
