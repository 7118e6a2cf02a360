//! Syntax highlighting for code blocks, one line at a time: a small lexer
//! driven by per-language tables (`languages`) that knows comments,
//! strings, numbers, keywords, types and literals, and carries block
//! comments and multi-line strings from one line to the next.
//!
//! A full grammar engine (syntect) highlights more precisely but costs
//! megabytes of binary, seconds of start-up work per language and an order
//! of magnitude in speed; a terminal answer needs none of that. Every
//! token is a slice of the line, so the text printed is exactly the code.

use super::languages::{self, Language, Quote, Rule};
use super::lexicon::{Lexicon, Word};

/// What a piece of code is, for its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token {
    Plain,
    Keyword,
    Type,
    Literal,
    String,
    Number,
    Comment,
    /// Attributes, decorators, preprocessor lines.
    Meta,
    /// A key in JSON, YAML or TOML.
    Key,
    /// `$NAME` in a shell script.
    Variable,
    Function,
    Added,
    Removed,
    Hunk,
    File,
}

/// What the previous line left open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Nothing,
    Comment,
    /// A string opened by `quotes[i]`.
    String(usize),
}

/// Highlights the lines of one code block in order.
#[derive(Debug)]
pub struct Highlighter {
    language: &'static Language,
    lexicon: &'static Lexicon,
    open: Open,
}

impl Highlighter {
    /// The highlighter for a fence's info string (`rust`, `py`,
    /// `sh title="x"`), or `None` for a language it does not know.
    pub fn for_info(info: &str) -> Option<Highlighter> {
        let name = info
            .split(|c: char| c.is_whitespace() || c == ',' || c == '{')
            .next()
            .unwrap_or_default()
            .trim_start_matches('.');
        languages::find(name).map(|(language, lexicon)| Highlighter {
            language,
            lexicon,
            open: Open::Nothing,
        })
    }

    /// Splits `line` (without its newline) into tokens, in order; the
    /// slices given to `emit` add up to the line.
    pub fn line<'a>(&mut self, line: &'a str, emit: &mut impl FnMut(Token, &'a str)) {
        let language = self.language;
        if language.rule == Rule::Diff {
            emit(diff_token(line), line);
            return;
        }
        let mut lexer = Lexer {
            line,
            bytes: line.as_bytes(),
            plain_from: 0,
            emit,
        };
        let mut at = self.close_open(&mut lexer);
        let bytes = lexer.bytes;
        let line_start = scan(bytes, 0, |b| b == b' ' || b == b'\t');

        // Whole-line forms first: a preprocessor line, a TOML table header,
        // the key that starts a YAML or TOML line.
        if at == 0 && line_start < bytes.len() {
            let first = bytes[line_start];
            if (language.rule == Rule::C && first == b'#')
                || (language.rule == Rule::Toml && first == b'[')
            {
                let end = comment_start(language, line, line_start).unwrap_or(line.len());
                let token = if first == b'#' {
                    Token::Meta
                } else {
                    Token::Type
                };
                at = lexer.token(line_start, end, token);
            } else if let Some((start, end)) = key_span(language.rule, line, line_start) {
                at = lexer.token(start, end, Token::Key);
            }
        }

        while at < bytes.len() {
            // Punctuation and spaces are plain text: skipped a byte at a
            // time, without trying every kind of token on each.
            at = if self.lexicon.may_start(bytes[at]) {
                self.next_token(&mut lexer, at, line_start)
            } else {
                at + 1
            };
        }
        lexer.finish();
    }

    /// Ends what the previous line left open; returns where lexing goes on.
    fn close_open<'a>(&mut self, lexer: &mut Lexer<'a, '_, impl FnMut(Token, &'a str)>) -> usize {
        let line = lexer.line;
        let (end, token) = match self.open {
            Open::Nothing => return 0,
            Open::Comment => {
                let close = self.language.block_comment.map_or("", |(_, close)| close);
                let end = find(line, 0, close).map(|found| found + close.len());
                (end, Token::Comment)
            }
            Open::String(index) => (
                string_end(line, 0, &self.language.quotes[index]),
                Token::String,
            ),
        };
        if end.is_some() {
            self.open = Open::Nothing;
        }
        lexer.token(0, end.unwrap_or(line.len()), token)
    }

    /// The comment or string that starts at `at`, if one does: lexed, and
    /// its end returned.
    fn comment_or_string<'a>(
        &mut self,
        lexer: &mut Lexer<'a, '_, impl FnMut(Token, &'a str)>,
        at: usize,
    ) -> Option<usize> {
        let language = self.language;
        let (line, bytes) = (lexer.line, lexer.bytes);
        let rest = &line[at..];
        let opens = |token: &str| rest.starts_with(token);
        if language.line_comments.iter().any(|c| opens(c))
            && comment_allowed(language.rule, bytes, at)
        {
            return Some(lexer.token(at, line.len(), Token::Comment));
        }
        if let Some((open, close)) = language.block_comment
            && opens(open)
        {
            let end = find(line, at + open.len(), close).map(|found| found + close.len());
            if end.is_none() {
                self.open = Open::Comment;
            }
            return Some(lexer.token(at, end.unwrap_or(line.len()), Token::Comment));
        }
        let index = language.quotes.iter().position(|q| opens(q.open))?;
        let quote = &language.quotes[index];
        let end = string_end(line, at + quote.open.len(), quote);
        if end.is_none() && quote.multiline {
            self.open = Open::String(index);
        }
        let end = end.unwrap_or(line.len());
        let token = if language.keys_before_colon && followed_by_colon(line, end) {
            Token::Key
        } else {
            Token::String
        };
        Some(lexer.token(at, end, token))
    }

    /// Lexes the token at `at`; returns its end.
    fn next_token<'a>(
        &mut self,
        lexer: &mut Lexer<'a, '_, impl FnMut(Token, &'a str)>,
        at: usize,
        line_start: usize,
    ) -> usize {
        let language = self.language;
        let (line, bytes) = (lexer.line, lexer.bytes);
        let byte = bytes[at];
        let rest = &line[at..];
        let after_word = at > 0 && is_word_byte(bytes[at - 1]);

        if self.lexicon.may_open(byte)
            && let Some(end) = self.comment_or_string(lexer, at)
        {
            return end;
        }
        match (language.rule, byte) {
            (Rule::Rust, b'\'') => {
                let end = rust_quote_end(bytes, at);
                let token = match end - at {
                    1 => Token::Plain,
                    2.. if bytes[end - 1] == b'\'' => Token::String,
                    _ => Token::Type,
                };
                return lexer.token(at, end, token);
            }
            (Rule::Rust, b'#') if matches!(bytes.get(at + 1), Some(b'[' | b'!')) => {
                let end = find(line, at, "]").map_or(line.len(), |found| found + 1);
                return lexer.token(at, end, Token::Meta);
            }
            (Rule::Shell, b'$') => {
                let end = shell_variable_end(bytes, at);
                if end > at + 1 {
                    return lexer.token(at, end, Token::Variable);
                }
            }
            (Rule::Python, b'@') if at == line_start => {
                let end = scan(bytes, at + 1, |b| is_word_byte(b) || b == b'.');
                return lexer.token(at, end, Token::Meta);
            }
            _ => {}
        }
        if byte.is_ascii_digit() && !after_word {
            let end = scan(bytes, at, |b| {
                b.is_ascii_alphanumeric() || b == b'_' || b == b'.'
            });
            return lexer.token(at, end, Token::Number);
        }
        if is_word_start(byte) && !after_word {
            let end = scan(bytes, at, is_word_byte);
            let word = &line[at..end];
            let (token, end) = match self.lexicon.get(word) {
                Some(Word::Keyword) => (Token::Keyword, end),
                Some(Word::Literal) => (Token::Literal, end),
                Some(Word::Type) => (Token::Type, end),
                None if language.capitalized_types && byte.is_ascii_uppercase() => {
                    (Token::Type, end)
                }
                None if language.rule == Rule::Rust && bytes.get(end) == Some(&b'!') => {
                    (Token::Function, end + 1)
                }
                None if language.calls && bytes.get(end) == Some(&b'(') => (Token::Function, end),
                None => (Token::Plain, end),
            };
            return lexer.token(at, end, token);
        }
        // One character of punctuation or space, left plain.
        at + rest.chars().next().map_or(1, char::len_utf8)
    }
}

/// Hands out the tokens of one line, merging plain runs.
struct Lexer<'a, 'e, E: FnMut(Token, &'a str)> {
    line: &'a str,
    bytes: &'a [u8],
    /// Where the plain text not yet emitted starts.
    plain_from: usize,
    emit: &'e mut E,
}

impl<'a, E: FnMut(Token, &'a str)> Lexer<'a, '_, E> {
    /// `start..end` is a `token`: the plain text before it is emitted, then
    /// it (plain text waits, to join what follows). Returns `end`.
    fn token(&mut self, start: usize, end: usize, token: Token) -> usize {
        if token == Token::Plain {
            return end;
        }
        if self.plain_from < start {
            (self.emit)(Token::Plain, &self.line[self.plain_from..start]);
        }
        if start < end {
            (self.emit)(token, &self.line[start..end]);
        }
        self.plain_from = end;
        end
    }

    /// Emits the plain text left at the end of the line.
    fn finish(&mut self) {
        if self.plain_from < self.line.len() {
            (self.emit)(Token::Plain, &self.line[self.plain_from..]);
        }
    }
}

/// Shell comments start at the start of a word; others anywhere.
fn comment_allowed(rule: Rule, bytes: &[u8], at: usize) -> bool {
    match rule {
        Rule::Shell | Rule::Yaml | Rule::Toml => at == 0 || matches!(bytes[at - 1], b' ' | b'\t'),
        _ => true,
    }
}

/// Where a comment starts at or after `from`, outside strings (roughly:
/// for whole-line forms that may end in a comment).
fn comment_start(language: &Language, line: &str, from: usize) -> Option<usize> {
    language
        .line_comments
        .iter()
        .filter_map(|c| find(line, from + 1, c))
        .min()
}

fn diff_token(line: &str) -> Token {
    if line.starts_with("+++ ")
        || line.starts_with("--- ")
        || line.starts_with("diff ")
        || line.starts_with("index ")
    {
        Token::File
    } else if line.starts_with("@@") {
        Token::Hunk
    } else if line.starts_with('+') {
        Token::Added
    } else if line.starts_with('-') {
        Token::Removed
    } else {
        Token::Plain
    }
}

/// The key at the start of a YAML (`key:`, `- key:`) or TOML (`key =`)
/// line, as a byte range: the key is highlighted, the rest lexed as usual.
fn key_span(rule: Rule, line: &str, start: usize) -> Option<(usize, usize)> {
    let bytes = line.as_bytes();
    match rule {
        Rule::Yaml => {
            let mut from = start;
            while bytes.get(from) == Some(&b'-') && bytes.get(from + 1) == Some(&b' ') {
                from = scan(bytes, from + 1, |b| b == b' ');
            }
            if matches!(
                bytes.get(from),
                None | Some(b'"' | b'\'' | b'#' | b'-' | b'[' | b'{')
            ) {
                return None;
            }
            let colon = (from..bytes.len()).find(|&i| {
                bytes[i] == b':' && matches!(bytes.get(i + 1), None | Some(b' ' | b'\t'))
            })?;
            (!line[from..colon].contains(" #")).then_some((from, colon))
        }
        Rule::Toml => {
            let end = scan(bytes, start, |b| {
                b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')
            });
            let after = scan(bytes, end, |b| b == b' ' || b == b'\t');
            (end > start && bytes.get(after) == Some(&b'=')).then_some((start, end))
        }
        _ => None,
    }
}

/// Whether the next non-blank character after `at` is a colon.
fn followed_by_colon(line: &str, at: usize) -> bool {
    line[at..].trim_start().starts_with(':')
}

/// The end of a string whose content starts at `from`, just past its
/// closing quote; `None` if the line ends first.
fn string_end(line: &str, from: usize, quote: &Quote) -> Option<usize> {
    let bytes = line.as_bytes();
    let close = quote.close.as_bytes();
    let mut at = from;
    while at < bytes.len() {
        if quote.escapes && bytes[at] == b'\\' {
            at += 2;
            continue;
        }
        if bytes[at..].starts_with(close) {
            return Some(at + close.len());
        }
        at += 1;
    }
    None
}

/// In Rust, `'` starts a char literal (`'x'`, `'\n'`) or a lifetime
/// (`'a`); returns the end of either.
fn rust_quote_end(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at + 1) {
        Some(b'\\') => {
            let close = (at + 2..bytes.len()).find(|&i| bytes[i] == b'\'' && i > at + 2);
            close.map_or(bytes.len(), |i| i + 1)
        }
        Some(_) => {
            // One character (of any width), then a quote: a char literal.
            let width = utf8_width(bytes[at + 1]);
            if bytes.get(at + 1 + width) == Some(&b'\'') {
                at + 2 + width
            } else {
                scan(bytes, at + 1, is_word_byte)
            }
        }
        None => at + 1,
    }
}

fn utf8_width(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// `$NAME`, `${...}`, `$1`, `$@`, `$?` and friends; `at` is the `$`.
fn shell_variable_end(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at + 1) {
        Some(b'{') => (at + 2..bytes.len())
            .find(|&i| bytes[i] == b'}')
            .map_or(bytes.len(), |i| i + 1),
        Some(b) if b.is_ascii_digit() || b"@*#?$!-".contains(b) => at + 2,
        Some(b) if is_word_start(*b) => scan(bytes, at + 1, is_word_byte),
        _ => at + 1,
    }
}

/// The first index at or after `from` where `needle` starts.
fn find(line: &str, from: usize, needle: &str) -> Option<usize> {
    if from > line.len() {
        return None;
    }
    memchr::memmem::find(&line.as_bytes()[from..], needle.as_bytes()).map(|i| i + from)
}

fn scan(bytes: &[u8], from: usize, keep: impl Fn(u8) -> bool) -> usize {
    let mut at = from;
    while at < bytes.len() && keep(bytes[at]) {
        at += 1;
    }
    at
}

/// Bytes of a word: ASCII letters, digits, `_`, and any non-ASCII byte
/// (so a word never ends inside a UTF-8 character).
fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[usize::from(b)]
}

static WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 0x80;
        b += 1;
    }
    table
};

fn is_word_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line as `kind:text` tokens, plain text left bare.
    fn tokens(info: &str, lines: &[&str]) -> Vec<String> {
        let mut highlighter = Highlighter::for_info(info).expect("known language");
        let mut out = Vec::new();
        for line in lines {
            let mut joined = String::new();
            let mut parts = Vec::new();
            highlighter.line(line, &mut |token, text| {
                joined.push_str(text);
                parts.push(match token {
                    Token::Plain => text.to_owned(),
                    other => format!("{other:?}:{text}"),
                });
            });
            assert_eq!(&joined, line, "tokens add up to the line");
            out.push(parts.join("|"));
        }
        out
    }

    #[test]
    fn rust() {
        assert_eq!(
            tokens(
                "rust",
                &[
                    "#[derive(Debug)]",
                    "fn main<'a>(x: &'a str) -> Option<u8> { println!(\"{x}\\\"\"); 'c' // done",
                    "let s = r#\"raw \"quoted\"\"#; /* open",
                    "still comment */ let n = 0x1F_u8;",
                ]
            ),
            [
                "Meta:#[derive(Debug)]",
                "Keyword:fn| main<|Type:'a|>(x: &|Type:'a| |Type:str|) -> |Type:Option|<|Type:u8|> { |Function:println!|(|String:\"{x}\\\"\"|); |String:'c'| |Comment:// done",
                "Keyword:let| s = |String:r#\"raw \"quoted\"\"#|; |Comment:/* open",
                "Comment:still comment */| |Keyword:let| n = |Number:0x1F_u8|;",
            ]
        );
    }

    #[test]
    fn python_strings_span_lines() {
        assert_eq!(
            tokens(
                "py",
                &[
                    "@app.route(\"/\")",
                    "def f(): return \"\"\"doc",
                    "more\"\"\" # c"
                ]
            ),
            [
                "Meta:@app.route|(|String:\"/\"|)",
                "Keyword:def| |Function:f|(): |Keyword:return| |String:\"\"\"doc",
                "String:more\"\"\"| |Comment:# c",
            ]
        );
    }

    #[test]
    fn shell() {
        assert_eq!(
            tokens(
                "bash",
                &["if [ -n \"$HOME\" ]; then echo ${x}#no $# # yes; fi"]
            ),
            [
                "Keyword:if| [ -n |String:\"$HOME\"| ]; |Keyword:then| |Type:echo| |Variable:${x}|#no |Variable:$#| |Comment:# yes; fi"
            ]
        );
    }

    #[test]
    fn data_formats_know_their_keys() {
        assert_eq!(
            tokens("json", &[r#"{"a": [1, true, null], "b": "c"}"#]),
            [
                r#"{|Key:"a"|: [|Number:1|, |Literal:true|, |Literal:null|], |Key:"b"|: |String:"c"|}"#
            ]
        );
        assert_eq!(
            tokens("yaml", &["- name: build # step", "  run: \"cargo test\""]),
            [
                "- |Key:name|: build |Comment:# step",
                "  |Key:run|: |String:\"cargo test\"",
            ]
        );
        assert_eq!(
            tokens(
                "toml",
                &["[package]", "name = \"claude\" # c", "lto = true"]
            ),
            [
                "Type:[package]",
                "Key:name| = |String:\"claude\"| |Comment:# c",
                "Key:lto| = |Literal:true",
            ]
        );
    }

    #[test]
    fn sql_keywords_are_case_insensitive() {
        assert_eq!(
            tokens("sql", &["select name from t where id = 'x''y' -- c"]),
            [
                "Keyword:select| name |Keyword:from| t |Keyword:where| id = |String:'x'|String:'y'| |Comment:-- c"
            ]
        );
    }

    #[test]
    fn c_and_go_and_diff() {
        assert_eq!(
            tokens(
                "c",
                &["#include <stdio.h>", "int main(void) { return NULL; }"]
            ),
            [
                "Meta:#include <stdio.h>",
                "Type:int| |Function:main|(|Type:void|) { |Keyword:return| |Literal:NULL|; }"
            ]
        );
        assert_eq!(
            tokens("go", &["s := `raw", "more` + nil"]),
            ["s := |String:`raw", "String:more`| + |Literal:nil"]
        );
        assert_eq!(
            tokens("diff", &["--- a/x", "@@ -1 +1 @@", "-old", "+new", " same"]),
            [
                "File:--- a/x",
                "Hunk:@@ -1 +1 @@",
                "Removed:-old",
                "Added:+new",
                " same"
            ]
        );
    }

    #[test]
    fn unknown_languages_are_not_highlighted() {
        assert!(Highlighter::for_info("brainfuck").is_none());
        assert!(Highlighter::for_info("").is_none());
        assert!(Highlighter::for_info("rust,ignore").is_some());
        assert!(Highlighter::for_info("TypeScript").is_some());
    }

    #[test]
    fn any_bytes_give_back_the_line() {
        let lines = [
            "'", "r\"", "$", "${", "'\\", "\"\\", "#[", "x'é'", "é'a", "'😀'", "@", "/*",
        ];
        for info in [
            "rust", "python", "sh", "js", "ts", "json", "yaml", "toml", "sql", "go", "c", "cpp",
        ] {
            tokens(info, &lines);
        }
    }
}
