//! Stage 1: document text in, a parsed document out.
//!
//! The text is read into a plain JSON value first (YAML or JSON), the version is checked, and
//! only then is it deserialized into `openapiv3`'s typed model. The raw value is kept: schemas
//! are read from it directly (see `ir`), because openapiv3 drops keywords that stand beside a
//! `$ref`, and its located parse errors come from the same value.

use crate::Problem;
use serde_json::Value;

/// A document that parsed and is OpenAPI 3.0.x.
pub struct Document {
    /// The whole document as JSON, for reading schemas by JSON pointer.
    pub raw: Value,
    /// The typed view of the same document.
    pub api: openapiv3::OpenAPI,
}

/// Parses `text` (YAML or JSON) as an OpenAPI 3.0 document.
pub fn load(text: &str) -> Result<Document, Vec<Problem>> {
    let raw = parse_text(text).map_err(|problem| vec![problem])?;
    check_version(&raw).map_err(|problem| vec![problem])?;
    let api = serde_path_to_error::deserialize(&without_schemas(&raw)).map_err(|error| {
        let pointer = pointer_of_path(error.path());
        vec![Problem::new(pointer, error.inner().to_string())]
    })?;
    Ok(Document { raw, api })
}

/// The document with every schema replaced by `{}`, for openapiv3. The generator reads schemas
/// from the raw value, so openapiv3 need not; and its untagged schema model retries every
/// alternative at every level, which takes exponential time on a deeply nested invalid schema.
fn without_schemas(raw: &Value) -> Value {
    match raw {
        Value::Object(object) => Value::Object(
            object
                .iter()
                .map(|(key, value)| {
                    let value = match key.as_str() {
                        "schema" => Value::Object(serde_json::Map::new()),
                        "schemas" if value.is_object() => Value::Object(
                            value
                                .as_object()
                                .into_iter()
                                .flatten()
                                .map(|(name, _)| {
                                    (name.clone(), Value::Object(serde_json::Map::new()))
                                })
                                .collect(),
                        ),
                        _ => without_schemas(value),
                    };
                    (key.clone(), value)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_schemas).collect()),
        other => other.clone(),
    }
}

fn parse_text(text: &str) -> Result<Value, Problem> {
    if text.trim_start().starts_with('{') {
        return serde_json::from_str(text)
            .map_err(|error| Problem::new("#", format!("malformed JSON: {error}")));
    }
    let yaml: serde_yaml::Value = serde_yaml::from_str(text)
        .map_err(|error| Problem::new("#", format!("malformed YAML: {error}")))?;
    yaml_to_json(yaml, "#")
}

/// Converts YAML to JSON. YAML allows non-string keys (`200:` is a number), which JSON and
/// OpenAPI treat as text, so scalar keys are written as their text.
fn yaml_to_json(yaml: serde_yaml::Value, pointer: &str) -> Result<Value, Problem> {
    use serde_yaml::Value as Yaml;
    Ok(match yaml {
        Yaml::Null => Value::Null,
        Yaml::Bool(b) => Value::Bool(b),
        Yaml::Number(n) => serde_json::to_value(&n).unwrap_or(Value::Null),
        Yaml::String(s) => Value::String(s),
        Yaml::Sequence(items) => Value::Array(
            items
                .into_iter()
                .enumerate()
                .map(|(i, item)| yaml_to_json(item, &format!("{pointer}/{i}")))
                .collect::<Result<_, _>>()?,
        ),
        Yaml::Mapping(map) => {
            let mut object = serde_json::Map::new();
            for (key, value) in map {
                let key = match key {
                    Yaml::String(s) => s,
                    Yaml::Number(n) => n.to_string(),
                    Yaml::Bool(b) => b.to_string(),
                    Yaml::Null => "null".to_string(),
                    _ => {
                        return Err(Problem::new(
                            pointer,
                            "a mapping key is not a plain scalar; OpenAPI keys are strings",
                        ));
                    }
                };
                let value = yaml_to_json(value, &format!("{pointer}/{}", escape(&key)))?;
                object.insert(key, value);
            }
            Value::Object(object)
        }
        Yaml::Tagged(tagged) => yaml_to_json(tagged.value, pointer)?,
    })
}

fn check_version(raw: &Value) -> Result<(), Problem> {
    if let Some(swagger) = raw.get("swagger") {
        return Err(Problem::new(
            "#/swagger",
            format!(
                "Swagger {} is not supported; convert the document to OpenAPI 3.0 first",
                swagger.as_str().unwrap_or("2.0")
            ),
        ));
    }
    match raw.get("openapi").and_then(Value::as_str) {
        Some(version) if version == "3.0" || version.starts_with("3.0.") => Ok(()),
        Some(version) => Err(Problem::new(
            "#/openapi",
            format!(
                "OpenAPI {version} is not supported; this generator reads OpenAPI 3.0.x documents"
            ),
        )),
        None => Err(Problem::new(
            "#",
            "not an OpenAPI document: the `openapi` version field is missing or not a string",
        )),
    }
}

/// Escapes one JSON pointer token (RFC 6901): `~` is `~0` and `/` is `~1`.
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

fn pointer_of_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::from("#");
    for segment in path.iter() {
        match segment {
            Segment::Map { key } => {
                pointer.push('/');
                pointer.push_str(&escape(key));
            }
            Segment::Seq { index } => pointer.push_str(&format!("/{index}")),
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    pointer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_number_keys_become_text() {
        let raw = parse_text("responses:\n  200:\n    description: ok\n").unwrap();
        assert_eq!(raw["responses"]["200"]["description"], "ok");
    }

    #[test]
    fn json_and_yaml_agree() {
        let json = parse_text(r#"{"a": [1, "b", null]}"#).unwrap();
        let yaml = parse_text("a: [1, b, null]").unwrap();
        assert_eq!(json, yaml);
    }

    #[test]
    fn versions_other_than_3_0_are_refused() {
        let problem = check_version(&serde_json::json!({"openapi": "3.1.0"})).unwrap_err();
        assert_eq!(problem.pointer, "#/openapi");
        assert!(problem.message.contains("3.1.0"));
        assert!(check_version(&serde_json::json!({"swagger": "2.0"})).is_err());
        assert!(check_version(&serde_json::json!({})).is_err());
        assert!(check_version(&serde_json::json!({"openapi": "3.0.3"})).is_ok());
    }

    #[test]
    fn pointers_escape_slashes() {
        assert_eq!(escape("/projects/{a}"), "~1projects~1{a}");
        assert_eq!(escape("a~b"), "a~0b");
    }
}
