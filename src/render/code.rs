//! Code blocks: the fences that open and close them, and their lines,
//! drawn exactly as written (control characters aside) and highlighted
//! when the fence names a language that `highlight` knows.

use std::borrow::Cow;

use super::highlight::{Highlighter, Token};
use super::inline;
use super::theme::{Style, Syntax};

/// An open code fence.
#[derive(Debug)]
pub struct Fence {
    marker: u8,
    length: usize,
    /// The fence's indentation, taken off each of its lines.
    pub indent: usize,
    pub quote_depth: usize,
    highlighter: Option<Highlighter>,
}

impl Fence {
    /// The fence that a line opens: `body` is the line after its quote
    /// markers and its `indent` columns of indentation.
    pub fn open(body: &str, indent: usize, quote_depth: usize) -> Option<Fence> {
        let marker = *body.as_bytes().first()?;
        if marker != b'`' && marker != b'~' {
            return None;
        }
        let length = body.bytes().take_while(|b| *b == marker).count();
        let info = &body[length..];
        if length < 3 || (marker == b'`' && info.contains('`')) {
            return None;
        }
        Some(Fence {
            marker,
            length,
            indent,
            quote_depth,
            highlighter: Highlighter::for_info(info.trim()),
        })
    }

    /// Whether `content` (a line after its quote markers) closes the fence.
    pub fn is_closed_by(&self, content: &str) -> bool {
        let body = content.trim_start();
        let length = body.bytes().take_while(|b| *b == self.marker).count();
        length >= self.length && body[length..].trim().is_empty()
    }

    /// Writes one line of the block's code, without its newline.
    pub fn write_line(&mut self, out: &mut Vec<u8>, code: &str, syntax: &Syntax) {
        let code = clean_code(code);
        let mut paint = |token: Token, text: &str| style(token, syntax).paint(out, text);
        match &mut self.highlighter {
            Some(highlighter) => highlighter.line(&code, &mut paint),
            None => paint(Token::Plain, &code),
        }
    }
}

/// The rest of a code line too long to hold, as it comes: unhighlighted.
pub fn write_text(out: &mut Vec<u8>, text: &str) {
    out.extend_from_slice(clean_code(text).as_bytes());
}

fn style(token: Token, syntax: &Syntax) -> Style {
    match token {
        Token::Plain => Style::PLAIN,
        Token::Keyword => syntax.keyword,
        Token::Type => syntax.type_name,
        Token::Literal => syntax.literal,
        Token::String => syntax.string,
        Token::Number => syntax.number,
        Token::Comment => syntax.comment,
        Token::Meta => syntax.meta,
        Token::Key => syntax.key,
        Token::Variable => syntax.variable,
        Token::Function => syntax.function,
        Token::Added => syntax.added,
        Token::Removed => syntax.removed,
        Token::Hunk => syntax.hunk,
        Token::File => syntax.file,
    }
}

/// Code as it is, except control characters (escape sequences), which
/// would act on the terminal rather than show: tabs stay.
fn clean_code(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\t';
    if !inline::scan(text).controls || !text.contains(unsafe_char) {
        return Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| if unsafe_char(c) { '\u{FFFD}' } else { c })
        .collect::<String>()
        .into()
}
