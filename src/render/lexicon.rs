//! A language's lexicon, built from its tables in `languages`: its words
//! (keywords, types, literals) in a hash table, and what may start at each
//! byte, so that the highlighter skips the bytes that start nothing.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::languages::{Language, Rule};

/// What a listed word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    Keyword,
    Type,
    Literal,
}

/// A language's keywords, types and literals, for looking words up, and
/// the bytes at which a token may start, for skipping those that cannot.
#[derive(Debug)]
pub struct Lexicon {
    kinds: HashMap<&'static str, Word, BuildHasherDefault<Fnv>>,
    case_insensitive: bool,
    /// What may start at each byte: [`OPENS`], [`STARTS`], both or
    /// nothing.
    classes: [u8; 256],
}

/// A byte that starts a comment or a string opener.
const OPENS: u8 = 1;
/// A byte that starts a word, a number or a form of the language's rule.
const STARTS: u8 = 2;

impl Lexicon {
    /// Whether `word` is one of the language's keywords, types or literals.
    pub fn get(&self, word: &str) -> Option<Word> {
        if !self.case_insensitive {
            return self.kinds.get(word).copied();
        }
        let mut upper = [0u8; 24];
        if word.len() > upper.len() || !word.is_ascii() {
            return None;
        }
        for (to, from) in upper.iter_mut().zip(word.bytes()) {
            *to = from.to_ascii_uppercase();
        }
        let upper = std::str::from_utf8(&upper[..word.len()]).ok()?;
        self.kinds.get(upper).copied()
    }

    /// Whether a token (a word, a number, a comment, a string, or a form
    /// of the language's [`Rule`]) may start at `byte`. Any other byte is
    /// ASCII punctuation or space, one plain character.
    pub fn may_start(&self, byte: u8) -> bool {
        self.classes[usize::from(byte)] != 0
    }

    /// Whether a comment or a string may start at `byte`.
    pub fn may_open(&self, byte: u8) -> bool {
        self.classes[usize::from(byte)] & OPENS != 0
    }
}

/// FNV-1a: the words looked up are a few bytes long, where SipHash's
/// set-up costs more than its hashing. The table is fixed and small, so
/// words chosen to collide can only lengthen a lookup, never grow it.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for byte in bytes {
            hash = (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

impl Lexicon {
    /// The lexicon of `language`.
    pub fn new(language: &Language) -> Lexicon {
        let lists = [
            (language.literals, Word::Literal),
            (language.types, Word::Type),
            (language.keywords, Word::Keyword),
        ];
        Lexicon {
            kinds: lists
                .iter()
                .flat_map(|(list, kind)| list.iter().map(move |word| (*word, *kind)))
                .collect(),
            case_insensitive: language.case_insensitive,
            classes: classes(language),
        }
    }

    /// How many words it knows.
    #[cfg(test)]
    pub fn word_count(&self) -> usize {
        self.kinds.len()
    }
}

/// What `language`'s lexer may find at each byte.
fn classes(language: &Language) -> [u8; 256] {
    let mut classes = [0; 256];
    let openers = language
        .line_comments
        .iter()
        .chain(language.block_comment.iter().map(|(open, _)| open))
        .chain(language.quotes.iter().map(|quote| &quote.open));
    for opener in openers {
        if let Some(first) = opener.bytes().next() {
            classes[usize::from(first)] |= OPENS;
        }
    }
    let rule_bytes: &[u8] = match language.rule {
        Rule::Rust => b"'#",
        Rule::Shell => b"$",
        Rule::Python => b"@",
        _ => b"",
    };
    for (byte, class) in classes.iter_mut().enumerate() {
        let byte = byte as u8;
        // Words (non-ASCII bytes included) and numbers.
        if byte.is_ascii_alphanumeric()
            || byte == b'_'
            || byte >= 0x80
            || rule_bytes.contains(&byte)
        {
            *class |= STARTS;
        }
    }
    classes
}
