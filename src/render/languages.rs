//! The languages code blocks are highlighted in: for each, the names a
//! fence may give it, its comments and quotes, and its words. Its
//! `Lexicon` is built the first time the language is highlighted.

use std::sync::OnceLock;

use super::lexicon::Lexicon;

/// Lexing rules a language needs beyond the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Plain,
    /// Lifetimes, char literals, `#[attributes]`, `macros!`.
    Rust,
    /// `@decorators`.
    Python,
    /// `$variables`; `#` starts a comment only at the start of a word.
    Shell,
    /// `#preprocessor` lines.
    C,
    /// `key:` at the start of a line.
    Yaml,
    /// `[table]` lines and `key =`.
    Toml,
    /// Whole lines: added, removed, hunk headers, file names.
    Diff,
}

/// A kind of string literal.
#[derive(Debug)]
pub struct Quote {
    pub open: &'static str,
    pub close: &'static str,
    /// A backslash escapes the next character.
    pub escapes: bool,
    /// It may go on past the end of the line.
    pub multiline: bool,
}

#[derive(Debug)]
pub struct Language {
    /// Names in fence info strings, lower case.
    pub names: &'static [&'static str],
    pub rule: Rule,
    pub line_comments: &'static [&'static str],
    pub block_comment: Option<(&'static str, &'static str)>,
    /// Longest openers first.
    pub quotes: &'static [Quote],
    pub keywords: &'static [&'static str],
    pub types: &'static [&'static str],
    pub literals: &'static [&'static str],
    /// Keywords match in any case (SQL); the lists are upper case.
    pub case_insensitive: bool,
    /// A word that starts with a capital letter is a type (or a class).
    pub capitalized_types: bool,
    /// A word followed by `(` is a function.
    pub calls: bool,
    /// A string followed by `:` is a key (JSON, YAML).
    pub keys_before_colon: bool,
}

/// The lexicon of `LANGUAGES[index]`, built the first time it is needed.
fn lexicon(index: usize) -> &'static Lexicon {
    static LEXICONS: [OnceLock<Lexicon>; LANGUAGES.len()] =
        [const { OnceLock::new() }; LANGUAGES.len()];
    LEXICONS[index].get_or_init(|| Lexicon::new(&LANGUAGES[index]))
}

/// The language a fence names, ignoring case, and its lexicon.
pub fn find(name: &str) -> Option<(&'static Language, &'static Lexicon)> {
    if name.is_empty() || name.len() > 16 {
        return None;
    }
    let lower = name.to_ascii_lowercase();
    let index = LANGUAGES
        .iter()
        .position(|language| language.names.contains(&lower.as_str()))?;
    Some((&LANGUAGES[index], lexicon(index)))
}

const fn quote(open: &'static str, close: &'static str, escapes: bool, multiline: bool) -> Quote {
    Quote {
        open,
        close,
        escapes,
        multiline,
    }
}

const C_QUOTES: &[Quote] = &[quote("\"", "\"", true, false), quote("'", "'", true, false)];
const HASH: &[&str] = &["#"];
const SLASHES: &[&str] = &["//"];
const C_BLOCK: Option<(&str, &str)> = Some(("/*", "*/"));

const BASE: Language = Language {
    names: &[],
    rule: Rule::Plain,
    line_comments: &[],
    block_comment: None,
    quotes: &[],
    keywords: &[],
    types: &[],
    literals: &[],
    case_insensitive: false,
    capitalized_types: false,
    calls: false,
    keys_before_colon: false,
};

const JS_KEYWORDS: &[&str] = &[
    "abstract",
    "as",
    "async",
    "await",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "declare",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "finally",
    "for",
    "from",
    "function",
    "get",
    "if",
    "implements",
    "import",
    "in",
    "instanceof",
    "interface",
    "keyof",
    "let",
    "namespace",
    "new",
    "of",
    "private",
    "protected",
    "public",
    "readonly",
    "return",
    "satisfies",
    "set",
    "static",
    "super",
    "switch",
    "this",
    "throw",
    "try",
    "type",
    "typeof",
    "var",
    "void",
    "while",
    "with",
    "yield",
];

static LANGUAGES: [Language; 11] = [
    Language {
        names: &["rust", "rs"],
        rule: Rule::Rust,
        line_comments: SLASHES,
        block_comment: C_BLOCK,
        quotes: &[
            quote("r#\"", "\"#", false, true),
            quote("r\"", "\"", false, true),
            quote("\"", "\"", true, true),
        ],
        keywords: &[
            "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
            "extern", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move",
            "mut", "pub", "ref", "return", "self", "static", "struct", "super", "trait", "type",
            "unsafe", "use", "where", "while", "yield",
        ],
        types: &[
            "Self", "bool", "char", "f32", "f64", "i128", "i16", "i32", "i64", "i8", "isize",
            "str", "u128", "u16", "u32", "u64", "u8", "usize",
        ],
        literals: &["false", "true"],
        capitalized_types: true,
        calls: true,
        ..BASE
    },
    Language {
        names: &["python", "py", "python3", "py3", "pyi"],
        rule: Rule::Python,
        line_comments: HASH,
        quotes: &[
            quote("\"\"\"", "\"\"\"", true, true),
            quote("'''", "'''", true, true),
            quote("\"", "\"", true, false),
            quote("'", "'", true, false),
        ],
        keywords: &[
            "and", "as", "assert", "async", "await", "break", "case", "class", "continue", "def",
            "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
            "in", "is", "lambda", "match", "nonlocal", "not", "or", "pass", "raise", "return",
            "try", "while", "with", "yield",
        ],
        types: &[
            "bool",
            "bytes",
            "dict",
            "float",
            "frozenset",
            "int",
            "list",
            "object",
            "set",
            "str",
            "tuple",
            "type",
        ],
        literals: &["False", "None", "True"],
        capitalized_types: true,
        calls: true,
        ..BASE
    },
    Language {
        names: &[
            "sh",
            "bash",
            "shell",
            "zsh",
            "console",
            "shell-session",
            "shellsession",
            "ksh",
            "fish",
            "dash",
        ],
        rule: Rule::Shell,
        line_comments: HASH,
        quotes: &[quote("\"", "\"", true, true), quote("'", "'", false, true)],
        keywords: &[
            "case", "declare", "do", "done", "elif", "else", "esac", "exit", "export", "fi", "for",
            "function", "if", "in", "local", "readonly", "return", "select", "then", "until",
            "while",
        ],
        types: &[
            "alias", "cd", "echo", "eval", "exec", "printf", "read", "set", "shift", "source",
            "test", "trap", "unset",
        ],
        ..BASE
    },
    Language {
        names: &[
            "js",
            "javascript",
            "jsx",
            "mjs",
            "cjs",
            "node",
            "ts",
            "typescript",
            "tsx",
            "mts",
            "cts",
        ],
        line_comments: SLASHES,
        block_comment: C_BLOCK,
        quotes: &[
            quote("`", "`", true, true),
            quote("\"", "\"", true, false),
            quote("'", "'", true, false),
        ],
        keywords: JS_KEYWORDS,
        types: &[
            "any", "bigint", "boolean", "never", "number", "object", "string", "symbol", "unknown",
        ],
        literals: &["NaN", "false", "null", "true", "undefined"],
        capitalized_types: true,
        calls: true,
        ..BASE
    },
    Language {
        names: &["json", "jsonc", "json5", "jsonl", "ndjson", "geojson"],
        line_comments: SLASHES,
        block_comment: C_BLOCK,
        quotes: &[quote("\"", "\"", true, false)],
        literals: &["false", "null", "true"],
        keys_before_colon: true,
        ..BASE
    },
    Language {
        names: &["yaml", "yml"],
        rule: Rule::Yaml,
        line_comments: HASH,
        quotes: &[
            quote("\"", "\"", true, false),
            quote("'", "'", false, false),
        ],
        literals: &[
            "False", "Null", "True", "false", "no", "null", "off", "on", "true", "yes",
        ],
        keys_before_colon: true,
        ..BASE
    },
    Language {
        names: &["toml"],
        rule: Rule::Toml,
        line_comments: HASH,
        quotes: &[
            quote("\"\"\"", "\"\"\"", true, true),
            quote("'''", "'''", false, true),
            quote("\"", "\"", true, false),
            quote("'", "'", false, false),
        ],
        literals: &["false", "inf", "nan", "true"],
        ..BASE
    },
    Language {
        names: &[
            "sql",
            "mysql",
            "postgresql",
            "postgres",
            "psql",
            "pgsql",
            "plpgsql",
            "sqlite",
            "tsql",
            "plsql",
        ],
        line_comments: &["--"],
        block_comment: C_BLOCK,
        quotes: &[
            quote("'", "'", false, false),
            quote("\"", "\"", false, false),
        ],
        keywords: &[
            "ADD",
            "ALL",
            "ALTER",
            "AND",
            "AS",
            "ASC",
            "BEGIN",
            "BETWEEN",
            "BY",
            "CASCADE",
            "CASE",
            "CHECK",
            "COLUMN",
            "COMMIT",
            "CONSTRAINT",
            "CREATE",
            "CROSS",
            "DEFAULT",
            "DELETE",
            "DESC",
            "DISTINCT",
            "DROP",
            "ELSE",
            "END",
            "EXISTS",
            "FOREIGN",
            "FROM",
            "FULL",
            "GROUP",
            "HAVING",
            "IF",
            "IN",
            "INDEX",
            "INNER",
            "INSERT",
            "INTO",
            "IS",
            "JOIN",
            "KEY",
            "LEFT",
            "LIKE",
            "LIMIT",
            "NOT",
            "OFFSET",
            "ON",
            "OR",
            "ORDER",
            "OUTER",
            "OVER",
            "PARTITION",
            "PRIMARY",
            "REFERENCES",
            "RETURNING",
            "RIGHT",
            "ROLLBACK",
            "SELECT",
            "SET",
            "TABLE",
            "THEN",
            "TRANSACTION",
            "UNION",
            "UNIQUE",
            "UPDATE",
            "USING",
            "VALUES",
            "VIEW",
            "WHEN",
            "WHERE",
            "WITH",
        ],
        types: &[
            "BIGINT",
            "BLOB",
            "BOOLEAN",
            "CHAR",
            "DATE",
            "DECIMAL",
            "FLOAT",
            "INT",
            "INTEGER",
            "JSON",
            "JSONB",
            "NUMERIC",
            "REAL",
            "SERIAL",
            "SMALLINT",
            "TEXT",
            "TIMESTAMP",
            "TIMESTAMPTZ",
            "UUID",
            "VARCHAR",
        ],
        literals: &["FALSE", "NULL", "TRUE"],
        case_insensitive: true,
        calls: true,
        ..BASE
    },
    Language {
        names: &["go", "golang"],
        line_comments: SLASHES,
        block_comment: C_BLOCK,
        quotes: &[
            quote("`", "`", false, true),
            quote("\"", "\"", true, false),
            quote("'", "'", true, false),
        ],
        keywords: &[
            "break",
            "case",
            "chan",
            "const",
            "continue",
            "default",
            "defer",
            "else",
            "fallthrough",
            "for",
            "func",
            "go",
            "goto",
            "if",
            "import",
            "interface",
            "map",
            "package",
            "range",
            "return",
            "select",
            "struct",
            "switch",
            "type",
            "var",
        ],
        types: &[
            "any",
            "bool",
            "byte",
            "complex128",
            "complex64",
            "error",
            "float32",
            "float64",
            "int",
            "int16",
            "int32",
            "int64",
            "int8",
            "rune",
            "string",
            "uint",
            "uint16",
            "uint32",
            "uint64",
            "uint8",
            "uintptr",
        ],
        literals: &["false", "iota", "nil", "true"],
        calls: true,
        ..BASE
    },
    Language {
        names: &[
            "c", "h", "cpp", "c++", "cc", "cxx", "hpp", "hh", "hxx", "objc", "cuda",
        ],
        rule: Rule::C,
        line_comments: SLASHES,
        block_comment: C_BLOCK,
        quotes: C_QUOTES,
        keywords: &[
            "auto",
            "break",
            "case",
            "catch",
            "class",
            "const",
            "constexpr",
            "continue",
            "default",
            "delete",
            "do",
            "else",
            "enum",
            "explicit",
            "extern",
            "for",
            "friend",
            "goto",
            "if",
            "inline",
            "namespace",
            "new",
            "noexcept",
            "operator",
            "private",
            "protected",
            "public",
            "register",
            "return",
            "sizeof",
            "static",
            "struct",
            "switch",
            "template",
            "this",
            "throw",
            "try",
            "typedef",
            "typename",
            "union",
            "using",
            "virtual",
            "volatile",
            "while",
        ],
        types: &[
            "bool", "char", "double", "float", "int", "int16_t", "int32_t", "int64_t", "int8_t",
            "long", "short", "signed", "size_t", "std", "string", "uint16_t", "uint32_t",
            "uint64_t", "uint8_t", "unsigned", "vector", "void",
        ],
        literals: &["NULL", "false", "nullptr", "true"],
        calls: true,
        ..BASE
    },
    Language {
        names: &["diff", "patch", "udiff"],
        rule: Rule::Diff,
        ..BASE
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_and_apart() {
        for language in &LANGUAGES {
            for list in [language.keywords, language.types, language.literals] {
                assert!(
                    list.windows(2).all(|w| w[0] < w[1]),
                    "{:?}: {list:?}",
                    language.names
                );
            }
            let all = language.keywords.len() + language.types.len() + language.literals.len();
            let (_, lexicon) = find(language.names[0]).unwrap();
            assert_eq!(
                lexicon.word_count(),
                all,
                "{:?}: a word in two lists",
                language.names
            );
        }
    }

    #[test]
    fn every_listed_language_is_found_by_name() {
        for name in [
            "rust",
            "python",
            "sh",
            "bash",
            "javascript",
            "typescript",
            "json",
            "yaml",
            "toml",
            "sql",
            "go",
            "c",
            "cpp",
            "C++",
            "diff",
        ] {
            assert!(find(name).is_some(), "{name}");
        }
        assert!(find("cobol").is_none());
    }

    #[test]
    fn sql_words_match_in_any_case() {
        use super::super::lexicon::Word;
        let (_, sql) = find("sql").unwrap();
        assert_eq!(sql.get("select"), Some(Word::Keyword));
        assert_eq!(sql.get("SeLeCt"), Some(Word::Keyword));
        assert_eq!(sql.get("varchar"), Some(Word::Type));
        assert_eq!(sql.get("selected"), None);
        assert_eq!(sql.get("ſelect"), None);
        let (_, rust) = find("rust").unwrap();
        assert_eq!(rust.get("true"), Some(Word::Literal));
        assert_eq!(rust.get("True"), None);
    }
}
