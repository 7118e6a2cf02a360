//! How Markdown looks on a terminal: headings, emphasis, lists, quotes,
//! rules, aligned tables, links and highlighted code, drawn line by line as
//! a reply streams in. `output` decides whether a reply is rendered at all
//! (a terminal, `--render`, `NO_COLOR`); this module only knows how.
//!
//! `markdown` tracks the block structure line by line, from what `blocks`
//! reads at the start of each line; `inline` turns each line's inline
//! Markdown into styled spans (pulldown-cmark), `wrap` fits them to the
//! width, `table` lays out tables, `code` draws code blocks, which
//! `highlight` colours from the tables of `languages` (looked up through
//! each one's `lexicon`), and `theme` holds the colours.

mod blocks;
mod code;
mod highlight;
mod inline;
mod languages;
mod lexicon;
mod markdown;
mod table;
mod theme;
mod wrap;

pub use markdown::Markdown;
pub use theme::Theme;

/// How to draw: decided once per command from the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub theme: Theme,
    /// Columns of the terminal.
    pub width: usize,
    /// Draw links as OSC 8 hyperlinks; otherwise their URL follows them.
    pub hyperlinks: bool,
}
