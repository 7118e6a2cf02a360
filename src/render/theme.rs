//! Colours and text attributes: one theme for dark terminal backgrounds and
//! one for light ones, and the escape codes that draw them. Only the 16
//! basic colours are used, so the terminal's own palette still applies.

/// Which background the colours are chosen for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Dark,
    Light,
}

/// A foreground colour, as its SGR code (30–37, 90–97).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color(u8);

impl Color {
    pub const RED: Color = Color(31);
    pub const GREEN: Color = Color(32);
    pub const BLUE: Color = Color(34);
    pub const MAGENTA: Color = Color(35);
    pub const CYAN: Color = Color(36);
    pub const GRAY: Color = Color(90);
    pub const BRIGHT_RED: Color = Color(91);
    pub const BRIGHT_GREEN: Color = Color(92);
    pub const BRIGHT_YELLOW: Color = Color(93);
    pub const BRIGHT_BLUE: Color = Color(94);
    pub const BRIGHT_MAGENTA: Color = Color(95);
    pub const BRIGHT_CYAN: Color = Color(96);
}

/// How a piece of text looks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    pub fg: Option<Color>,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub strike: bool,
}

impl Style {
    pub const PLAIN: Style = Style {
        fg: None,
        bold: false,
        italic: false,
        underline: false,
        strike: false,
    };

    pub const fn fg(color: Color) -> Style {
        Style {
            fg: Some(color),
            ..Style::PLAIN
        }
    }

    pub const fn bold(self) -> Style {
        Style { bold: true, ..self }
    }

    pub const fn italic(self) -> Style {
        Style {
            italic: true,
            ..self
        }
    }

    pub const fn underline(self) -> Style {
        Style {
            underline: true,
            ..self
        }
    }

    pub const fn strike(self) -> Style {
        Style {
            strike: true,
            ..self
        }
    }

    /// This style drawn inside `outer`: its colour wins, attributes add up.
    pub fn within(self, outer: Style) -> Style {
        Style {
            fg: self.fg.or(outer.fg),
            bold: self.bold || outer.bold,
            italic: self.italic || outer.italic,
            underline: self.underline || outer.underline,
            strike: self.strike || outer.strike,
        }
    }

    /// Writes `text` in this style, reset at its end, so that every piece
    /// (and so every line) stands alone: a reply cut anywhere leaves the
    /// terminal as it found it.
    pub fn paint(self, out: &mut Vec<u8>, text: &str) {
        if self == Style::PLAIN {
            out.extend_from_slice(text.as_bytes());
            return;
        }
        let (code, length) = self.code();
        out.reserve(code.len() + text.len() + RESET.len());
        // The whole array, then cut to the code: a copy of known size.
        out.extend_from_slice(&code);
        out.truncate(out.len() - (code.len() - length));
        out.extend_from_slice(text.as_bytes());
        out.extend_from_slice(RESET);
    }

    /// Writes what starts text in this style; [`Style::end`] ends it.
    pub fn start(self, out: &mut Vec<u8>) {
        if self != Style::PLAIN {
            let (code, length) = self.code();
            out.extend_from_slice(&code[..length]);
        }
    }

    pub fn end(self, out: &mut Vec<u8>) {
        if self != Style::PLAIN {
            out.extend_from_slice(RESET);
        }
    }

    /// The escape code that starts this style (not plain): `ESC [`, the
    /// attributes and the colour, `;`-separated, then `m`.
    fn code(self) -> ([u8; 16], usize) {
        let mut code = [0u8; 16];
        code[..2].copy_from_slice(b"\x1b[");
        let mut length = 2;
        let attributes = [
            (self.bold, b'1'),
            (self.italic, b'3'),
            (self.underline, b'4'),
            (self.strike, b'9'),
        ];
        for (on, attribute) in attributes {
            if on {
                code[length] = attribute;
                code[length + 1] = b';';
                length += 2;
            }
        }
        match self.fg {
            // Every colour code has two digits.
            Some(Color(n)) => {
                code[length..length + 3].copy_from_slice(&[b'0' + n / 10, b'0' + n % 10, b'm']);
                length += 3;
            }
            // Not plain, so an attribute was written: its `;` becomes the end.
            None => code[length - 1] = b'm',
        }
        (code, length)
    }
}

/// Ends every styled piece of text.
const RESET: &[u8] = b"\x1b[0m";

/// Starts an OSC 8 hyperlink to `url`: the text written until
/// [`end_link`] links to it.
pub fn start_link(out: &mut Vec<u8>, url: &str) {
    out.extend_from_slice(b"\x1b]8;;");
    out.extend_from_slice(url.as_bytes());
    out.extend_from_slice(b"\x1b\\");
}

pub fn end_link(out: &mut Vec<u8>) {
    out.extend_from_slice(b"\x1b]8;;\x1b\\");
}

/// The styles of one theme.
#[derive(Debug)]
pub struct Palette {
    /// Levels 1, 2, and 3 to 6.
    pub headings: [Style; 3],
    pub code: Style,
    pub link: Style,
    /// A URL shown after its link's text, where hyperlinks are not drawn.
    pub url: Style,
    pub quote_bar: Style,
    pub bullet: Style,
    pub rule: Style,
    pub table_border: Style,
    pub table_header: Style,
    /// The lines that open and close a code block.
    pub fence: Style,
    pub syntax: Syntax,
}

/// The styles of highlighted code.
#[derive(Debug)]
pub struct Syntax {
    pub keyword: Style,
    pub type_name: Style,
    pub literal: Style,
    pub string: Style,
    pub number: Style,
    pub comment: Style,
    pub meta: Style,
    pub key: Style,
    pub variable: Style,
    pub function: Style,
    pub added: Style,
    pub removed: Style,
    pub hunk: Style,
    pub file: Style,
}

const DARK: Palette = Palette {
    headings: [
        Style::fg(Color::BRIGHT_CYAN).bold().underline(),
        Style::fg(Color::BRIGHT_CYAN).bold(),
        Style::fg(Color::CYAN).bold(),
    ],
    code: Style::fg(Color::BRIGHT_YELLOW),
    link: Style::fg(Color::BRIGHT_BLUE).underline(),
    url: Style::fg(Color::GRAY),
    quote_bar: Style::fg(Color::GRAY),
    bullet: Style::fg(Color::CYAN),
    rule: Style::fg(Color::GRAY),
    table_border: Style::fg(Color::GRAY),
    table_header: Style::PLAIN.bold(),
    fence: Style::fg(Color::GRAY),
    syntax: Syntax {
        keyword: Style::fg(Color::BRIGHT_MAGENTA),
        type_name: Style::fg(Color::BRIGHT_CYAN),
        literal: Style::fg(Color::BRIGHT_YELLOW),
        string: Style::fg(Color::BRIGHT_GREEN),
        number: Style::fg(Color::BRIGHT_YELLOW),
        comment: Style::fg(Color::GRAY).italic(),
        meta: Style::fg(Color::CYAN),
        key: Style::fg(Color::BRIGHT_BLUE),
        variable: Style::fg(Color::BRIGHT_CYAN),
        function: Style::fg(Color::BRIGHT_BLUE),
        added: Style::fg(Color::BRIGHT_GREEN),
        removed: Style::fg(Color::BRIGHT_RED),
        hunk: Style::fg(Color::CYAN),
        file: Style::PLAIN.bold(),
    },
};

const LIGHT: Palette = Palette {
    headings: [
        Style::fg(Color::BLUE).bold().underline(),
        Style::fg(Color::BLUE).bold(),
        Style::fg(Color::MAGENTA).bold(),
    ],
    code: Style::fg(Color::MAGENTA),
    link: Style::fg(Color::BLUE).underline(),
    url: Style::fg(Color::GRAY),
    quote_bar: Style::fg(Color::GRAY),
    bullet: Style::fg(Color::BLUE),
    rule: Style::fg(Color::GRAY),
    table_border: Style::fg(Color::GRAY),
    table_header: Style::PLAIN.bold(),
    fence: Style::fg(Color::GRAY),
    syntax: Syntax {
        keyword: Style::fg(Color::MAGENTA),
        type_name: Style::fg(Color::BLUE),
        literal: Style::fg(Color::RED),
        string: Style::fg(Color::GREEN),
        number: Style::fg(Color::RED),
        comment: Style::fg(Color::GRAY).italic(),
        meta: Style::fg(Color::CYAN),
        key: Style::fg(Color::BLUE),
        variable: Style::fg(Color::MAGENTA),
        function: Style::fg(Color::BLUE),
        added: Style::fg(Color::GREEN),
        removed: Style::fg(Color::RED),
        hunk: Style::fg(Color::CYAN),
        file: Style::PLAIN.bold(),
    },
};

impl Theme {
    pub fn palette(self) -> &'static Palette {
        match self {
            Theme::Dark => &DARK,
            Theme::Light => &LIGHT,
        }
    }

    /// The theme for a `COLORFGBG` value (`"15;0"`: foreground 15 on
    /// background 0), as rxvt and others set it; `None` when it says
    /// nothing usable. Backgrounds 0–6 and 8 are dark, as in vim.
    pub fn from_colorfgbg(value: &str) -> Option<Theme> {
        let background: u8 = value.rsplit(';').next()?.trim().parse().ok()?;
        match background {
            0..=6 | 8 => Some(Theme::Dark),
            7 | 9..=15 => Some(Theme::Light),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn painted(style: Style, text: &str) -> String {
        let mut out = Vec::new();
        style.paint(&mut out, text);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn styles_are_one_escape_and_a_reset() {
        assert_eq!(painted(Style::PLAIN, "x"), "x");
        assert_eq!(
            painted(Style::fg(Color::CYAN).bold().underline(), "x"),
            "\x1b[1;4;36mx\x1b[0m"
        );
        assert_eq!(
            painted(
                Style::PLAIN.italic().within(Style::fg(Color::RED).bold()),
                "x"
            ),
            "\x1b[1;3;31mx\x1b[0m"
        );
    }

    #[test]
    fn hyperlinks_wrap_the_styled_text() {
        let mut out = Vec::new();
        start_link(&mut out, "https://a.example/");
        Style::PLAIN.paint(&mut out, "a");
        end_link(&mut out);
        assert_eq!(out, b"\x1b]8;;https://a.example/\x1b\\a\x1b]8;;\x1b\\");
    }

    #[test]
    fn colorfgbg_names_the_background() {
        assert_eq!(Theme::from_colorfgbg("15;0"), Some(Theme::Dark));
        assert_eq!(Theme::from_colorfgbg("0;15"), Some(Theme::Light));
        assert_eq!(Theme::from_colorfgbg("12;default;7"), Some(Theme::Light));
        assert_eq!(Theme::from_colorfgbg("7;8"), Some(Theme::Dark));
        assert_eq!(Theme::from_colorfgbg("default;default"), None);
        assert_eq!(Theme::from_colorfgbg(""), None);
        assert_eq!(Theme::from_colorfgbg("0;200"), None);
    }
}
