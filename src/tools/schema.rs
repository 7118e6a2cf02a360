//! The part of JSON Schema that tool definitions are checked with, and that
//! a tool's input is checked against before the tool runs.
//!
//! Strict tools (`strict: true`) make the API hold the model to the schema,
//! but the reply is still data from the network: a call whose input does
//! not match is answered with an error result and nothing runs. The checks
//! cover the keywords tool schemas use (`type`, `properties`, `required`,
//! `additionalProperties`, `items`, `enum`, `const`, `anyOf`, `oneOf`,
//! `allOf`, `not`, lengths, sizes and bounds); other keywords (`pattern`,
//! `format`, `$ref`...) are sent to the API as written and not checked
//! here. Nesting is bounded, so no schema or input can exhaust the stack.

use serde_json::{Map, Value};

/// How deeply schemas may nest. Inputs are walked only as deep as their
/// schema goes, so this bounds both.
pub const MAX_DEPTH: usize = 64;

const TYPES: [&str; 7] = [
    "object", "array", "string", "number", "integer", "boolean", "null",
];

/// Checks a tool's `input_schema`: an object schema (`"type": "object"`, as
/// the API requires) whose keywords have the shapes JSON Schema gives them.
/// The error names the place, such as `properties.path.type`.
pub fn check_definition(schema: &Value) -> Result<(), String> {
    let Value::Object(root) = schema else {
        return Err("must be a table (a JSON object), such as {type = \"object\"}".into());
    };
    if root.get("type") != Some(&Value::String("object".into())) {
        return Err("the top level must have type = \"object\"".into());
    }
    check_node(schema, "", 0)
}

fn at(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn check_node(node: &Value, path: &str, depth: usize) -> Result<(), String> {
    if depth > MAX_DEPTH {
        return Err(format!("{path}: nested more than {MAX_DEPTH} levels deep"));
    }
    let schema = match node {
        Value::Bool(_) => return Ok(()),
        Value::Object(schema) => schema,
        _ => return Err(format!("{path}: a schema must be a table or true/false")),
    };
    for (key, value) in schema {
        let place = at(path, key);
        match key.as_str() {
            "type" => check_type(value, &place)?,
            "properties" | "$defs" | "definitions" | "patternProperties" => {
                let Value::Object(children) = value else {
                    return Err(format!("{place}: must be a table of schemas"));
                };
                for (name, child) in children {
                    check_node(child, &at(&place, name), depth + 1)?;
                }
            }
            "required"
                if !value
                    .as_array()
                    .is_some_and(|names| names.iter().all(Value::is_string)) =>
            {
                return Err(format!("{place}: must be a list of property names"));
            }
            "items" | "additionalProperties" | "not" | "contains" | "propertyNames" => {
                check_node(value, &place, depth + 1)?
            }
            "anyOf" | "oneOf" | "allOf" | "prefixItems" => match value {
                Value::Array(schemas) if !schemas.is_empty() => {
                    for (i, child) in schemas.iter().enumerate() {
                        check_node(child, &format!("{place}[{i}]"), depth + 1)?;
                    }
                }
                _ => return Err(format!("{place}: must be a non-empty list of schemas")),
            },
            "enum" if !value.is_array() => {
                return Err(format!("{place}: must be a list of values"));
            }
            "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" | "multipleOf"
                if !value.is_number() =>
            {
                return Err(format!("{place}: must be a number"));
            }
            "minLength" | "maxLength" | "minItems" | "maxItems" | "minProperties"
            | "maxProperties"
                if value.as_u64().is_none() =>
            {
                return Err(format!("{place}: must be a whole number of 0 or more"));
            }
            _ => {}
        }
    }
    Ok(())
}

fn check_type(value: &Value, place: &str) -> Result<(), String> {
    let known = |name: &Value| name.as_str().is_some_and(|name| TYPES.contains(&name));
    let ok = match value {
        Value::String(_) => known(value),
        Value::Array(names) => !names.is_empty() && names.iter().all(known),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{place}: {value} is not a JSON Schema type (one of {})",
            TYPES.join(", ")
        ))
    }
}

/// Checks a tool's input against its schema (one [`check_definition`]
/// accepted). The error names the first place that does not match, such as
/// `input.path: expected string, got number`.
pub fn validate(schema: &Value, input: &Value) -> Result<(), String> {
    matches(schema, input, "input", 0)
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if is_integer(n) => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn is_integer(number: &serde_json::Number) -> bool {
    number.is_i64() || number.is_u64() || number.as_f64().is_some_and(|f| f.fract() == 0.0)
}

fn has_type(value: &Value, name: &str) -> bool {
    match (name, value) {
        ("integer", Value::Number(n)) => is_integer(n),
        ("number", Value::Number(_)) => true,
        (name, value) => kind(value) == name,
    }
}

fn matches(schema: &Value, input: &Value, path: &str, depth: usize) -> Result<(), String> {
    if depth > MAX_DEPTH {
        return Err(format!("{path}: nested more than {MAX_DEPTH} levels deep"));
    }
    let schema = match schema {
        Value::Bool(true) => return Ok(()),
        Value::Bool(false) => return Err(format!("{path}: no value is allowed here")),
        Value::Object(schema) => schema,
        _ => return Ok(()),
    };
    check_type_of(schema, input, path)?;
    if let Some(Value::Array(allowed)) = schema.get("enum")
        && !allowed.contains(input)
    {
        return Err(format!(
            "{path}: {} is not one of {}",
            short(input),
            short(&Value::Array(allowed.clone()))
        ));
    }
    if let Some(expected) = schema.get("const")
        && expected != input
    {
        return Err(format!("{path}: must be {}", short(expected)));
    }
    match input {
        Value::Object(object) => check_object(schema, object, path, depth)?,
        Value::Array(items) => check_array(schema, items, path, depth)?,
        Value::String(text) => check_length(schema, text.chars().count(), path, "characters")?,
        Value::Number(number) => check_bounds(schema, number.as_f64().unwrap_or(0.0), path)?,
        _ => {}
    }
    check_combinators(schema, input, path, depth)
}

fn check_type_of(schema: &Map<String, Value>, input: &Value, path: &str) -> Result<(), String> {
    let wanted: Vec<&str> = match schema.get("type") {
        Some(Value::String(name)) => vec![name.as_str()],
        Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).collect(),
        _ => return Ok(()),
    };
    if wanted.iter().any(|name| has_type(input, name)) {
        Ok(())
    } else {
        Err(format!(
            "{path}: expected {}, got {}",
            wanted.join(" or "),
            kind(input)
        ))
    }
}

fn check_object(
    schema: &Map<String, Value>,
    object: &Map<String, Value>,
    path: &str,
    depth: usize,
) -> Result<(), String> {
    let properties = schema.get("properties").and_then(Value::as_object);
    if let Some(Value::Array(required)) = schema.get("required") {
        for name in required.iter().filter_map(Value::as_str) {
            if !object.contains_key(name) {
                return Err(format!("{path}: the property {name:?} is missing"));
            }
        }
    }
    for (name, value) in object {
        let place = format!("{path}.{name}");
        match properties.and_then(|p| p.get(name)) {
            Some(child) => matches(child, value, &place, depth + 1)?,
            None => match schema.get("additionalProperties") {
                Some(Value::Bool(false)) => {
                    return Err(format!("{path}: the property {name:?} is not allowed"));
                }
                Some(extra) => matches(extra, value, &place, depth + 1)?,
                None => {}
            },
        }
    }
    check_size(
        schema,
        object.len(),
        path,
        "minProperties",
        "maxProperties",
        "properties",
    )
}

fn check_array(
    schema: &Map<String, Value>,
    items: &[Value],
    path: &str,
    depth: usize,
) -> Result<(), String> {
    if let Some(item_schema) = schema.get("items") {
        for (i, item) in items.iter().enumerate() {
            matches(item_schema, item, &format!("{path}[{i}]"), depth + 1)?;
        }
    }
    check_size(schema, items.len(), path, "minItems", "maxItems", "items")
}

fn check_length(
    schema: &Map<String, Value>,
    length: usize,
    path: &str,
    unit: &str,
) -> Result<(), String> {
    check_size(schema, length, path, "minLength", "maxLength", unit)
}

fn check_size(
    schema: &Map<String, Value>,
    size: usize,
    path: &str,
    min_key: &str,
    max_key: &str,
    unit: &str,
) -> Result<(), String> {
    let size = size as u64;
    if let Some(min) = schema.get(min_key).and_then(Value::as_u64)
        && size < min
    {
        return Err(format!("{path}: {size} {unit}, fewer than {min}"));
    }
    if let Some(max) = schema.get(max_key).and_then(Value::as_u64)
        && size > max
    {
        return Err(format!("{path}: {size} {unit}, more than {max}"));
    }
    Ok(())
}

fn check_bounds(schema: &Map<String, Value>, number: f64, path: &str) -> Result<(), String> {
    let bound = |key: &str| schema.get(key).and_then(Value::as_f64);
    let failed = [
        ("minimum", bound("minimum").filter(|min| number < *min)),
        ("maximum", bound("maximum").filter(|max| number > *max)),
        (
            "exclusiveMinimum",
            bound("exclusiveMinimum").filter(|min| number <= *min),
        ),
        (
            "exclusiveMaximum",
            bound("exclusiveMaximum").filter(|max| number >= *max),
        ),
    ];
    match failed
        .iter()
        .find_map(|(key, hit)| hit.map(|limit| (key, limit)))
    {
        Some((key, limit)) => Err(format!("{path}: {number} is past its {key}, {limit}")),
        None => Ok(()),
    }
}

fn check_combinators(
    schema: &Map<String, Value>,
    input: &Value,
    path: &str,
    depth: usize,
) -> Result<(), String> {
    let each = |key: &str| {
        schema.get(key).and_then(Value::as_array).map(|schemas| {
            schemas
                .iter()
                .map(|child| matches(child, input, path, depth + 1))
                .collect::<Vec<_>>()
        })
    };
    if let Some(results) = each("allOf")
        && let Some(Err(error)) = results.into_iter().find(Result::is_err)
    {
        return Err(error);
    }
    if let Some(results) = each("anyOf")
        && !results.iter().any(Result::is_ok)
    {
        return Err(format!("{path}: matches none of the choices (anyOf)"));
    }
    if let Some(results) = each("oneOf") {
        let passed = results.iter().filter(|r| r.is_ok()).count();
        if passed != 1 {
            return Err(format!(
                "{path}: matches {passed} of the choices, not exactly one (oneOf)"
            ));
        }
    }
    if let Some(not) = schema.get("not")
        && matches(not, input, path, depth + 1).is_ok()
    {
        return Err(format!("{path}: matches a schema it must not (not)"));
    }
    Ok(())
}

/// A value for an error message, cut short.
fn short(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(60) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn definitions_must_be_object_schemas_with_well_formed_keywords() {
        let good = json!({
            "type": "object",
            "properties": {
                "path": {"type": "string", "minLength": 1},
                "lines": {"type": ["integer", "null"], "minimum": 1},
                "mode": {"enum": ["a", "b"]},
                "tags": {"type": "array", "items": {"type": "string"}},
                "any": true
            },
            "required": ["path"],
            "additionalProperties": false,
            "$defs": {"x": {"anyOf": [{"type": "string"}, {"type": "null"}]}},
            "description": "unknown keywords pass"
        });
        assert_eq!(check_definition(&good), Ok(()));
        let bad = [
            (json!([]), "must be a table"),
            (json!({"properties": {}}), "type = \"object\""),
            (json!({"type": "array"}), "type = \"object\""),
            (
                json!({"type": "object", "properties": {"p": {"type": "strng"}}}),
                "properties.p.type",
            ),
            (
                json!({"type": "object", "properties": {"p": 3}}),
                "properties.p: a schema",
            ),
            (
                json!({"type": "object", "properties": []}),
                "properties: must be a table",
            ),
            (
                json!({"type": "object", "required": "path"}),
                "required: must be a list",
            ),
            (
                json!({"type": "object", "anyOf": []}),
                "anyOf: must be a non-empty list",
            ),
            (
                json!({"type": "object", "enum": "a"}),
                "enum: must be a list",
            ),
            (
                json!({"type": "object", "properties": {"n": {"minimum": "1"}}}),
                "properties.n.minimum",
            ),
            (
                json!({"type": "object", "properties": {"n": {"maxLength": -1}}}),
                "properties.n.maxLength",
            ),
            (
                json!({"type": "object", "properties": {"n": {"type": []}}}),
                "properties.n.type",
            ),
        ];
        for (schema, expected) in bad {
            let error = check_definition(&schema).unwrap_err();
            assert!(error.contains(expected), "{schema}: {error}");
        }
    }

    #[test]
    fn nesting_is_bounded() {
        let mut schema = json!({"type": "string"});
        for _ in 0..=MAX_DEPTH {
            schema = json!({"type": "object", "properties": {"x": schema}});
        }
        assert!(
            check_definition(&schema)
                .unwrap_err()
                .contains("levels deep")
        );
    }

    #[test]
    fn inputs_are_checked_against_the_schema() {
        let schema = json!({
            "type": "object",
            "properties": {
                "path": {"type": "string", "minLength": 1, "maxLength": 5},
                "count": {"type": "integer", "minimum": 1, "exclusiveMaximum": 10},
                "mode": {"enum": ["read", "list"]},
                "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 2},
                "either": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                "one": {"oneOf": [{"type": "number"}, {"type": "integer"}]},
                "fixed": {"const": 1},
                "never": false
            },
            "required": ["path"],
            "additionalProperties": false
        });
        let ok = [
            json!({"path": "a"}),
            json!({"path": "ééééé", "count": 9, "mode": "list", "tags": ["x"], "either": null}),
            json!({"path": "a", "count": 2.0, "one": 1.5, "fixed": 1}),
        ];
        for input in ok {
            assert_eq!(validate(&schema, &input), Ok(()), "{input}");
        }
        let bad = [
            (json!("a"), "input: expected object, got string"),
            (json!({}), "input: the property \"path\" is missing"),
            (
                json!({"path": 1}),
                "input.path: expected string, got integer",
            ),
            (
                json!({"path": ""}),
                "input.path: 0 characters, fewer than 1",
            ),
            (
                json!({"path": "abcdef"}),
                "input.path: 6 characters, more than 5",
            ),
            (
                json!({"path": "a", "count": 1.5}),
                "input.count: expected integer, got number",
            ),
            (
                json!({"path": "a", "count": 0}),
                "input.count: 0 is past its minimum, 1",
            ),
            (json!({"path": "a", "count": 10}), "exclusiveMaximum"),
            (
                json!({"path": "a", "mode": "write"}),
                "input.mode: \"write\" is not one of",
            ),
            (
                json!({"path": "a", "tags": ["x", 2]}),
                "input.tags[1]: expected string",
            ),
            (
                json!({"path": "a", "tags": ["x", "y", "z"]}),
                "input.tags: 3 items, more than 2",
            ),
            (json!({"path": "a", "either": 3}), "anyOf"),
            (json!({"path": "a", "one": 2}), "matches 2 of the choices"),
            (json!({"path": "a", "fixed": 2}), "input.fixed: must be 1"),
            (
                json!({"path": "a", "never": 1}),
                "input.never: no value is allowed",
            ),
            (
                json!({"path": "a", "extra": 1}),
                "the property \"extra\" is not allowed",
            ),
        ];
        for (input, expected) in bad {
            let error = validate(&schema, &input).unwrap_err();
            assert!(error.contains(expected), "{input}: {error}");
        }
    }

    #[test]
    fn extra_properties_follow_their_schema() {
        let schema = json!({"type": "object", "additionalProperties": {"type": "integer"}, "not": {"required": ["bad"]}});
        assert_eq!(validate(&schema, &json!({"a": 1})), Ok(()));
        assert!(
            validate(&schema, &json!({"a": "x"}))
                .unwrap_err()
                .contains("input.a")
        );
        assert!(
            validate(&schema, &json!({"bad": 1}))
                .unwrap_err()
                .contains("(not)")
        );
    }
}
