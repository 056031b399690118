//! Document text into a plain JSON value, from YAML or JSON, whatever the dialect.

use crate::Problem;
use crate::pointer::escape;
use serde_json::Value;

pub(super) fn parse(text: &str) -> Result<Value, Problem> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_number_keys_become_text() {
        let raw = parse("responses:\n  200:\n    description: ok\n").unwrap();
        assert_eq!(raw["responses"]["200"]["description"], "ok");
    }

    #[test]
    fn json_and_yaml_agree() {
        let json = parse(r#"{"a": [1, "b", null]}"#).unwrap();
        let yaml = parse("a: [1, b, null]").unwrap();
        assert_eq!(json, yaml);
    }
}
