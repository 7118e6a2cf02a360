//! Inline Markdown (emphasis, code spans, links, images) turned into styled
//! spans by walking pulldown-cmark's events. Block structure is the
//! caller's job: it hands over one line's text, or one table cell's events.

use std::borrow::Cow;
use std::rc::Rc;

use pulldown_cmark::{Event, Options as Extensions, Parser, Tag, TagEnd};

use super::Options;
use super::theme::Style;

/// A run of text in one style, part of a link or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub style: Style,
    /// The URL, when the span is drawn as a hyperlink.
    pub link: Option<Rc<str>>,
}

impl Span {
    pub fn plain(text: impl Into<String>, style: Style) -> Span {
        Span {
            text: text.into(),
            style,
            link: None,
        }
    }
}

/// The extensions a reply's Markdown uses beyond CommonMark.
pub fn extensions() -> Extensions {
    Extensions::ENABLE_STRIKETHROUGH | Extensions::ENABLE_TABLES | Extensions::ENABLE_TASKLISTS
}

/// The spans of one line of inline Markdown, drawn over `base`.
pub fn spans(text: &str, base: Style, options: &Options) -> Vec<Span> {
    let found = scan(text);
    // Most lines of prose hold no markup at all: no parser needed.
    if !found.markup {
        let text = if found.controls {
            clean(text)
        } else {
            Cow::Borrowed(text)
        };
        return vec![Span::plain(text, base)];
    }
    // The block structure is known already, so the text must parse as
    // inline content only: after a `.`, nothing (`# x`, `1. x`, `> x`,
    // `[x]: url`) can start a block, and no delimiter changes meaning
    // (a `.` is punctuation, as the start of a line is to flanking rules).
    let mut source = String::with_capacity(text.len() + 1);
    source.push('.');
    source.push_str(text);
    // Only an entity (`&#27;`) gives the parser's text a control character
    // that the line did not hold.
    let mut collector = Collector::new(base, options, found.controls || found.entities);
    let mut dot = true;
    for event in Parser::new_ext(&source, extensions()) {
        match event {
            Event::Text(text) if dot => {
                dot = false;
                let text = text.strip_prefix('.').unwrap_or(&text);
                collector.event(Event::Text(text.into()));
            }
            event => collector.event(event),
        }
    }
    collector.finish()
}

/// Bytes without which a line holds no inline Markdown: emphasis, code,
/// links and images (`[`), autolinks and HTML (`<`), entities, escapes.
const MARKUP: &[u8] = b"\\`*_[<&~";

/// Gathers the spans of a stream of inline events.
pub struct Collector<'o> {
    options: &'o Options,
    /// The style of text outside emphasis and links.
    base: Style,
    /// The style of each open emphasis or link, innermost last.
    styles: Vec<Style>,
    /// Open links: the URL, and the first span of their text.
    links: Vec<(Rc<str>, usize)>,
    spans: Vec<Span>,
    /// The text may hold control characters, to be made safe.
    unsafe_text: bool,
}

impl<'o> Collector<'o> {
    /// `unsafe_text`: the source may give text with control characters
    /// (see [`scan`]); they are made safe (see [`clean`]).
    pub fn new(base: Style, options: &'o Options, unsafe_text: bool) -> Collector<'o> {
        Collector {
            options,
            base,
            styles: Vec::new(),
            links: Vec::new(),
            spans: Vec::with_capacity(4),
            unsafe_text,
        }
    }

    pub fn finish(self) -> Vec<Span> {
        self.spans
    }

    fn style(&self) -> Style {
        self.styles.last().copied().unwrap_or(self.base)
    }

    fn push(&mut self, text: &str, style: Style) {
        if text.is_empty() {
            return;
        }
        let link = self
            .links
            .last()
            .filter(|_| self.options.hyperlinks)
            .map(|(url, _)| Rc::clone(url));
        let text = if self.unsafe_text {
            clean(text)
        } else {
            Cow::Borrowed(text)
        };
        // Text the parser gave in pieces (around an entity, say) is one
        // span when it looks the same.
        let count = self.spans.len();
        let link_starts_here = self.links.last().is_some_and(|(_, first)| *first == count);
        if let Some(last) = self.spans.last_mut()
            && !link_starts_here
            && last.style == style
            && last.link == link
        {
            last.text.push_str(&text);
            return;
        }
        self.spans.push(Span {
            text: text.into_owned(),
            style,
            link,
        });
    }

    pub fn event(&mut self, event: Event<'_>) {
        let palette = self.options.theme.palette();
        let style = self.style();
        match event {
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                self.push(&text, style)
            }
            Event::Code(code) => self.push(&code, palette.code.within(style)),
            Event::InlineMath(math) | Event::DisplayMath(math) => self.push(&math, style),
            Event::SoftBreak | Event::HardBreak => self.push(" ", style),
            Event::FootnoteReference(label) => self.push(&format!("[^{label}]"), style),
            Event::TaskListMarker(done) => {
                self.push(if done { "☑ " } else { "☐ " }, palette.bullet)
            }
            Event::Start(Tag::Emphasis) => self.styles.push(style.italic()),
            Event::Start(Tag::Strong) => self.styles.push(style.bold()),
            Event::Start(Tag::Strikethrough) => self.styles.push(style.strike()),
            Event::Start(Tag::Link { dest_url, .. }) => self.open_link(&dest_url, style),
            Event::Start(Tag::Image { dest_url, .. }) => {
                self.open_link(&dest_url, style);
                self.push("image: ", palette.url);
            }
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough) => {
                self.styles.pop();
            }
            Event::End(TagEnd::Link | TagEnd::Image) => self.close_link(),
            _ => {}
        }
    }

    fn open_link(&mut self, url: &str, style: Style) {
        let palette = self.options.theme.palette();
        self.styles.push(palette.link.within(style));
        let url = if self.unsafe_text {
            clean(url)
        } else {
            Cow::Borrowed(url)
        };
        self.links.push((Rc::from(url.as_ref()), self.spans.len()));
    }

    /// Ends a link. Without hyperlinks its URL follows the text, unless the
    /// text already is the URL.
    fn close_link(&mut self) {
        self.styles.pop();
        let Some((url, first)) = self.links.pop() else {
            return;
        };
        if self.options.hyperlinks || url.is_empty() {
            return;
        }
        let shown: String = self.spans[first..]
            .iter()
            .map(|s| s.text.as_str())
            .collect();
        let shown = shown.trim_start_matches("image: ");
        if *url != *shown && url.strip_prefix("mailto:") != Some(shown) {
            let url_style = self.options.theme.palette().url;
            self.spans.push(Span::plain(format!(" ({url})"), url_style));
        }
    }
}

/// Text safe to put on a terminal: control characters (escape sequences
/// in a reply included) become U+FFFD, a tab becomes spaces.
pub fn clean(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\n';
    if !scan(text).controls || !text.contains(unsafe_char) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\t' => "    ".to_owned(),
                c if unsafe_char(c) => '\u{FFFD}'.to_string(),
                c => c.to_string(),
            })
            .collect(),
    )
}

/// What one look at each byte of a line found.
#[derive(Debug, Clone, Copy)]
pub struct Found {
    /// A byte of [`MARKUP`].
    pub markup: bool,
    /// A control character, or maybe one: C0 controls and DEL are single
    /// bytes, C1 controls start with 0xC2 (as do other characters).
    pub controls: bool,
    /// An `&`, which may start an entity.
    pub entities: bool,
}

/// Looks at each byte of `text` once, for what decides how it is drawn.
pub fn scan(text: &str) -> Found {
    let classes = text
        .bytes()
        .fold(0, |found, b| found | CLASSES[usize::from(b)]);
    Found {
        markup: classes & MARKUP_BYTE != 0,
        controls: classes & CONTROL_BYTE != 0,
        entities: classes & AMPERSAND != 0,
    }
}

const MARKUP_BYTE: u8 = 1;
const CONTROL_BYTE: u8 = 2;
const AMPERSAND: u8 = 4;

/// What each byte may be: [`MARKUP`], a control character (C0, DEL, the
/// first byte of a C1), an `&`.
static CLASSES: [u8; 256] = {
    let mut classes = [0; 256];
    let mut i = 0;
    while i < MARKUP.len() {
        classes[MARKUP[i] as usize] |= MARKUP_BYTE;
        i += 1;
    }
    let mut b = 0;
    while b < 0x20 {
        classes[b] |= CONTROL_BYTE;
        b += 1;
    }
    classes[0x7f] |= CONTROL_BYTE;
    classes[0xC2] |= CONTROL_BYTE;
    classes[b'&' as usize] |= AMPERSAND;
    classes
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Theme;

    fn options(hyperlinks: bool) -> Options {
        Options {
            theme: Theme::Dark,
            width: 80,
            hyperlinks,
        }
    }

    fn texts(line: &str, hyperlinks: bool) -> Vec<(String, bool)> {
        spans(line, Style::PLAIN, &options(hyperlinks))
            .into_iter()
            .map(|s| (s.text, s.link.is_some()))
            .collect()
    }

    #[test]
    fn emphasis_nests() {
        let palette = Theme::Dark.palette();
        let got = spans("a **b *c* `d`**", Style::PLAIN, &options(false));
        let styles: Vec<_> = got.iter().map(|s| (s.text.as_str(), s.style)).collect();
        assert_eq!(
            styles,
            [
                ("a ", Style::PLAIN),
                ("b ", Style::PLAIN.bold()),
                ("c", Style::PLAIN.bold().italic()),
                (" ", Style::PLAIN.bold()),
                ("d", palette.code.within(Style::PLAIN.bold())),
            ]
        );
    }

    #[test]
    fn links_show_their_url_unless_drawn_as_hyperlinks() {
        assert_eq!(
            texts("see [the docs](https://d.example/x)", false),
            [
                ("see ".into(), false),
                ("the docs".into(), false),
                (" (https://d.example/x)".into(), false)
            ]
        );
        assert_eq!(
            texts("see [the docs](https://d.example/x)", true),
            [("see ".into(), false), ("the docs".into(), true)]
        );
        assert_eq!(
            texts("<https://d.example/>", false),
            [("https://d.example/".into(), false)]
        );
        assert_eq!(
            texts("![a cat](cat.png)", false),
            [
                ("image: ".into(), false),
                ("a cat".into(), false),
                (" (cat.png)".into(), false)
            ]
        );
    }

    #[test]
    fn text_that_looks_like_a_block_stays_text() {
        for line in [
            "[x]: https://x.example/",
            "# not a heading",
            "2024. A good year",
            "> not a quote",
            "- not an item",
            "    not code",
            "<div>",
        ] {
            assert_eq!(texts(line, false), [(line.to_owned(), false)], "{line}");
        }
        assert_eq!(
            texts("_emphasis_ first", false),
            [("emphasis".into(), false), (" first".into(), false)]
        );
    }

    #[test]
    fn escape_sequences_in_a_reply_never_reach_the_terminal() {
        assert_eq!(
            clean("a\x1b[31mb\u{9b}c\td"),
            "a\u{FFFD}[31mb\u{FFFD}c    d"
        );
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
        // CommonMark refuses control characters in a link's URL.
        let got = spans("[x](http://e\x1b]8;;evil)", Style::PLAIN, &options(true));
        assert!(
            got.iter()
                .all(|s| s.link.is_none() && !s.text.contains('\x1b'))
        );
    }
}
