//! Tool definitions: one TOML file per tool, read and checked before
//! anything is sent.
//!
//! ```toml
//! name = "word_count"
//! description = "Count the lines, words and characters of a text."
//! command = ["python3", "word_count.py"]   # run directly, never by a shell
//!
//! [input_schema]                           # or a JSON string
//! type = "object"
//! required = ["text"]
//! additionalProperties = false
//! properties.text = { type = "string", description = "The text to count." }
//! ```
//!
//! A tool is named on the command line by its name (the file
//! `$XDG_CONFIG_HOME/claude-cli/tools/NAME.toml`) or by a path. A relative
//! program path (one with a `/`) is taken from the definition's directory,
//! so that a tool and its script live side by side; a bare program name is
//! looked up on PATH. Every error names the file and the line.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;
use toml::Spanned;

use super::schema;

/// Longest tool name the API accepts; names are `[a-zA-Z0-9_-]`.
pub const MAX_NAME_LEN: usize = 128;

/// Definitions are small; a larger file is a mistake, not a tool.
const MAX_DEFINITION_BYTES: u64 = 1 << 20;

/// A checked tool definition.
#[derive(Debug, Clone, PartialEq)]
pub struct Tool {
    pub name: String,
    pub description: String,
    /// A JSON Schema object, as sent in the request.
    pub input_schema: Value,
    /// The program and its arguments; a relative program path is already
    /// resolved against the definition's directory.
    pub command: Vec<String>,
    /// The file the definition was read from.
    pub path: PathBuf,
}

/// A definition that cannot be used: the file, the line when there is one,
/// and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinitionError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for DefinitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for DefinitionError {}

impl DefinitionError {
    fn new(path: &Path, line: Option<usize>, message: impl Into<String>) -> DefinitionError {
        DefinitionError {
            path: path.to_path_buf(),
            line,
            message: message.into(),
        }
    }
}

/// The file as written. Unknown keys are errors, so a typo is caught.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTool {
    name: Spanned<String>,
    description: Spanned<String>,
    input_schema: Spanned<Value>,
    command: Spanned<Vec<String>>,
}

/// Where named tools live: `tools/` beside the config file.
pub fn directory(env: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    Some(
        crate::config::path(env, dirs::home_dir)?
            .parent()?
            .join("tools"),
    )
}

/// Whether `-T VALUE` names a file rather than a tool in [`directory`].
pub fn is_path(value: &str) -> bool {
    value.contains(['/', std::path::MAIN_SEPARATOR]) || value.ends_with(".toml")
}

/// The tool `-T VALUE` names: a path, or a name looked up in `dir`.
pub fn find(value: &str, dir: Option<&Path>) -> Result<Tool, DefinitionError> {
    if is_path(value) {
        return load(Path::new(value));
    }
    check_name(value).map_err(|why| DefinitionError::new(Path::new(value), None, why))?;
    let Some(dir) = dir else {
        return Err(DefinitionError::new(
            Path::new(value),
            None,
            "no config directory to look the tool up in (set XDG_CONFIG_HOME or HOME), \
             or give the definition's path",
        ));
    };
    let path = dir.join(format!("{value}.toml"));
    if !path.is_file() {
        return Err(DefinitionError::new(
            &path,
            None,
            format!("no tool named {value} (claude tools list shows the defined tools)"),
        ));
    }
    let tool = load(&path)?;
    if tool.name != value {
        return Err(DefinitionError::new(
            &path,
            None,
            format!(
                "the file defines the tool {:?}; a tool found by name must be in NAME.toml",
                tool.name
            ),
        ));
    }
    Ok(tool)
}

/// The tools `values` (`-T` arguments) name, in order. Two tools with the
/// same name are an error naming both files.
pub fn find_all(values: &[String], dir: Option<&Path>) -> Result<Vec<Tool>, DefinitionError> {
    let mut tools: Vec<Tool> = Vec::with_capacity(values.len());
    for value in values {
        let tool = find(value, dir)?;
        if let Some(earlier) = tools.iter().find(|t| t.name == tool.name) {
            if earlier.path == tool.path {
                continue;
            }
            return Err(DefinitionError::new(
                &tool.path,
                name_line(&tool.path),
                format!(
                    "the name {} is already defined by {}; tool names must be unique",
                    tool.name,
                    earlier.path.display()
                ),
            ));
        }
        tools.push(tool);
    }
    Ok(tools)
}

/// Every definition in `dir`, by file name; a missing directory holds none.
pub fn list(dir: &Path) -> std::io::Result<Vec<Result<Tool, DefinitionError>>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(error),
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    Ok(paths.iter().map(|path| load(path)).collect())
}

/// Reads and checks one definition file.
pub fn load(path: &Path) -> Result<Tool, DefinitionError> {
    let text = read(path).map_err(|why| DefinitionError::new(path, None, why))?;
    parse(&text, path)
}

fn read(path: &Path) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    })?;
    let mut bytes = Vec::new();
    file.take(MAX_DEFINITION_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_DEFINITION_BYTES {
        return Err(format!(
            "larger than {} KB: not a tool definition",
            MAX_DEFINITION_BYTES / 1024
        ));
    }
    String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_owned())
}

/// Checks a definition's text; `path` is where it came from (relative
/// program paths are taken from its directory).
pub fn parse(text: &str, path: &Path) -> Result<Tool, DefinitionError> {
    let line_of = |offset: usize| Some(text[..offset.min(text.len())].matches('\n').count() + 1);
    let fail =
        |offset: usize, message: String| DefinitionError::new(path, line_of(offset), message);
    let raw: RawTool = toml::from_str(text).map_err(|e| {
        let message = e.message().trim().to_owned();
        DefinitionError::new(path, e.span().and_then(|span| line_of(span.start)), message)
    })?;

    let name = raw.name.get_ref().trim().to_owned();
    check_name(&name).map_err(|why| fail(raw.name.span().start, format!("name: {why}")))?;

    let description = raw.description.get_ref().trim().to_owned();
    if description.is_empty() {
        return Err(fail(
            raw.description.span().start,
            "description: must say what the tool does (the model reads it)".into(),
        ));
    }

    let schema_at = raw.input_schema.span().start;
    let input_schema = match raw.input_schema.into_inner() {
        Value::String(json) => serde_json::from_str(&json).map_err(|e| {
            fail(
                schema_at,
                format!(
                    "input_schema: not valid JSON (line {}, column {}: {e})",
                    e.line(),
                    e.column()
                ),
            )
        })?,
        table => table,
    };
    if contains_datetime(&input_schema) {
        return Err(fail(
            schema_at,
            "input_schema: a date or time is not a JSON value; write it as a string".into(),
        ));
    }
    schema::check_definition(&input_schema)
        .map_err(|why| fail(schema_at, format!("input_schema: {why}")))?;

    let command_at = raw.command.span().start;
    let mut command = raw.command.into_inner();
    let Some(program) = command.first_mut() else {
        return Err(fail(
            command_at,
            "command: must name a program, such as [\"python3\", \"tool.py\"]".into(),
        ));
    };
    let base = path.parent().unwrap_or(Path::new("."));
    *program = resolve_program(program, base)
        .map_err(|why| fail(command_at, format!("command: {why}")))?;

    Ok(Tool {
        name,
        description,
        input_schema,
        command,
        path: path.to_path_buf(),
    })
}

/// A tool name the API accepts: 1 to 128 letters, digits, `_` and `-`.
pub fn check_name(name: &str) -> Result<(), String> {
    let valid = (1..=MAX_NAME_LEN).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if valid {
        Ok(())
    } else {
        Err(format!(
            "{name:?} is not a tool name: 1 to {MAX_NAME_LEN} letters, digits, _ and -"
        ))
    }
}

/// The line of `name =` in a definition file, for errors about the name.
fn name_line(path: &Path) -> Option<usize> {
    let text = read(path).ok()?;
    let raw: RawTool = toml::from_str(&text).ok()?;
    Some(text[..raw.name.span().start].matches('\n').count() + 1)
}

/// TOML dates reach JSON as a private marker table.
fn contains_datetime(value: &Value) -> bool {
    match value {
        Value::Object(map) => {
            map.keys().any(|key| key.starts_with("$__toml_private"))
                || map.values().any(contains_datetime)
        }
        Value::Array(items) => items.iter().any(contains_datetime),
        _ => false,
    }
}

/// The program to run: a path with a `/` (relative to `base`) must be an
/// executable file; a bare name must be found on PATH, and is kept bare.
fn resolve_program(program: &str, base: &Path) -> Result<String, String> {
    if program.trim().is_empty() {
        return Err("the program name is empty".into());
    }
    if program.contains('/') {
        let path = Path::new(program);
        let full = if path.is_absolute() {
            path.to_path_buf()
        } else {
            // `./tool.py` is shown as `DIR/tool.py`.
            let relative: PathBuf = path
                .components()
                .filter(|part| *part != std::path::Component::CurDir)
                .collect();
            base.join(relative)
        };
        if !is_executable(&full) {
            return Err(format!(
                "{} is not an executable file (a relative path is taken from the \
                 definition's directory)",
                full.display()
            ));
        }
        return full
            .to_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("{} is not a UTF-8 path", full.display()));
    }
    let on_path = std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| is_executable(&dir.join(program)))
    });
    if on_path {
        Ok(program.to_owned())
    } else {
        Err(format!("{program} is not found on PATH"))
    }
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const GOOD: &str = r#"
name = "word_count"
description = "Count words."
command = ["sh", "-c", "wc -w"]

[input_schema]
type = "object"
required = ["text"]
properties.text = { type = "string" }
properties.lines = { type = "boolean" }
"#;

    fn at() -> &'static Path {
        Path::new("/defs/word_count.toml")
    }

    #[test]
    fn a_table_schema_keeps_its_order() {
        let tool = parse(GOOD, at()).unwrap();
        assert_eq!(tool.name, "word_count");
        assert_eq!(tool.command, ["sh", "-c", "wc -w"]);
        assert_eq!(
            tool.input_schema,
            json!({"type": "object", "required": ["text"],
                   "properties": {"text": {"type": "string"}, "lines": {"type": "boolean"}}})
        );
        let keys: Vec<&String> = tool.input_schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .collect();
        assert_eq!(keys, ["text", "lines"]);
    }

    #[test]
    fn a_json_string_schema_is_accepted() {
        let text = "name = \"t\"\ndescription = \"d\"\ncommand = [\"sh\"]\ninput_schema = '{\"type\": \"object\", \"properties\": {}}'\n";
        let tool = parse(text, at()).unwrap();
        assert_eq!(
            tool.input_schema,
            json!({"type": "object", "properties": {}})
        );
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let cases = [
            (
                "name = \"t\"\ndescription = \"d\"\ncommand = [\"sh\"]\ninput_schema = ",
                4,
                "string",
            ),
            (
                "name = \"a b\"\ndescription = \"d\"\ncommand = [\"sh\"]\ninput_schema = {type = \"object\"}\n",
                1,
                "not a tool name",
            ),
            (
                "name = \"t\"\ndescription = \" \"\ncommand = [\"sh\"]\ninput_schema = {type = \"object\"}\n",
                2,
                "description",
            ),
            (
                "name = \"t\"\ndescription = \"d\"\ncommand = []\ninput_schema = {type = \"object\"}\n",
                3,
                "must name a program",
            ),
            (
                "name = \"t\"\ndescription = \"d\"\ncommand = [\"no-such-program-xyz\"]\ninput_schema = {type = \"object\"}\n",
                3,
                "not found on PATH",
            ),
            (
                "name = \"t\"\ndescription = \"d\"\ncommand = [\"./missing.sh\"]\ninput_schema = {type = \"object\"}\n",
                3,
                "/defs/missing.sh is not an executable",
            ),
            (
                "name = \"t\"\ndescription = \"d\"\ncommand = [\"sh\"]\n\n[input_schema]\ntype = \"array\"\n",
                5,
                "input_schema: the top level",
            ),
            (
                "name = \"t\"\ndescription = \"d\"\ncommand = [\"sh\"]\ninput_schema = '{\"type\": '\n",
                4,
                "not valid JSON",
            ),
            (
                "name = \"t\"\ndescription = \"d\"\ncommand = [\"sh\"]\ninput_schema = {type = \"object\", default = 1979-05-27}\n",
                4,
                "date",
            ),
            (
                "name = \"t\"\ndescription = \"d\"\ncommand = [\"sh\"]\ninput_schema = {type = \"object\"}\ntimeout = 3\n",
                5,
                "unknown field",
            ),
        ];
        for (text, line, expected) in cases {
            let error = parse(text, at()).unwrap_err();
            assert_eq!(error.line, Some(line), "{text}: {error}");
            assert!(error.message.contains(expected), "{text}: {error}");
            assert!(
                error
                    .to_string()
                    .starts_with(&format!("/defs/word_count.toml:{line}: "))
            );
        }
        let missing = parse(
            "name = \"t\"\ndescription = \"d\"\ninput_schema = {type = \"object\"}\n",
            at(),
        )
        .unwrap_err();
        assert!(missing.message.contains("command"), "{missing}");
    }

    #[test]
    fn values_name_paths_or_tools() {
        assert!(is_path("./x.toml"));
        assert!(is_path("tools/x"));
        assert!(is_path("x.toml"));
        assert!(!is_path("word_count"));
        assert!(check_name(&"a".repeat(MAX_NAME_LEN)).is_ok());
        assert!(check_name(&"a".repeat(MAX_NAME_LEN + 1)).is_err());
        assert!(check_name("").is_err());
        assert!(check_name("a.b").is_err());
    }
}
