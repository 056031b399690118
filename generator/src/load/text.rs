//! Document text into a plain JSON value, from YAML or JSON, whatever the dialect.
//!
//! YAML is read straight into JSON through [`Json`], rather than through a YAML value, so that
//! what YAML allows and JSON does not is settled in one place: keys that are numbers or booleans
//! (`200:`) become their text, as OpenAPI reads them, and integers beyond 64 bits are numbers
//! (as JSON reads them) rather than an error.

use crate::Problem;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::fmt;

/// The text as JSON: JSON when it starts with `{`, else YAML (which JSON also is).
pub(super) fn parse(text: &str) -> Result<Value, Problem> {
    if text.trim_start().starts_with('{') {
        return serde_json::from_str(text)
            .map_err(|error| Problem::new("#", format!("malformed JSON: {error}")));
    }
    let Json(value) = serde_yaml::from_str(text)
        .map_err(|error| Problem::new("#", format!("malformed YAML: {error}")))?;
    Ok(value)
}

/// A JSON value read from YAML.
struct Json(Value);

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor).map(Json)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    /// Beyond 64 bits, an integer is read as JSON reads it: the nearest `f64`.
    fn visit_i128<E>(self, value: i128) -> Result<Value, E> {
        Ok(float(value as f64))
    }

    fn visit_u128<E>(self, value: u128) -> Result<Value, E> {
        Ok(float(value as f64))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(float(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_string()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Json(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(Key(key)) = map.next_key()? {
            if object.contains_key(&key) {
                return Err(de::Error::custom(format!(
                    "duplicate entry with key `{key}`"
                )));
            }
            let Json(value) = map.next_value()?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }

    /// A tagged value (`!tag value`): the tag says nothing to OpenAPI, the value is kept.
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        let (_tag, value): (de::IgnoredAny, _) = data.variant()?;
        de::VariantAccess::newtype_variant::<Json>(value).map(|Json(value)| value)
    }
}

/// A finite number, else `null` (JSON has no NaN or infinity).
fn float(value: f64) -> Value {
    Number::from_f64(value).map_or(Value::Null, Value::Number)
}

/// A mapping key: OpenAPI's keys are strings, so a scalar key is its text.
struct Key(String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(KeyVisitor).map(Key)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a plain scalar as a mapping key; OpenAPI keys are strings")
    }

    fn visit_bool<E>(self, value: bool) -> Result<String, E> {
        Ok(value.to_string())
    }

    fn visit_i64<E>(self, value: i64) -> Result<String, E> {
        Ok(value.to_string())
    }

    fn visit_u64<E>(self, value: u64) -> Result<String, E> {
        Ok(value.to_string())
    }

    fn visit_i128<E>(self, value: i128) -> Result<String, E> {
        Ok(value.to_string())
    }

    fn visit_u128<E>(self, value: u128) -> Result<String, E> {
        Ok(value.to_string())
    }

    fn visit_f64<E>(self, value: f64) -> Result<String, E> {
        Ok(value.to_string())
    }

    fn visit_str<E>(self, value: &str) -> Result<String, E> {
        Ok(value.to_string())
    }

    fn visit_string<E>(self, value: String) -> Result<String, E> {
        Ok(value)
    }

    fn visit_unit<E>(self) -> Result<String, E> {
        Ok("null".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_number_keys_become_text() {
        let raw = parse("responses:\n  200:\n    description: ok\n  true: 1\n  ~: 2\n").unwrap();
        assert_eq!(raw["responses"]["200"]["description"], "ok");
        assert_eq!(raw["responses"]["true"], 1);
        assert_eq!(raw["responses"]["null"], 2);
    }

    #[test]
    fn json_and_yaml_agree() {
        let json = parse(r#"{"a": [1, "b", null, -2, 1.5, {"c": true}]}"#).unwrap();
        let yaml = parse("a: [1, b, null, -2, 1.5, {c: true}]").unwrap();
        assert_eq!(json, yaml);
    }

    #[test]
    fn integers_beyond_64_bits_are_numbers_as_in_json() {
        let big = "340282366920938463463374607431768211455";
        let yaml = parse(&format!("max: {big}\nmin: -{big}\n")).unwrap();
        let json = parse(&format!(r#"{{"max": {big}, "min": -{big}}}"#)).unwrap();
        assert_eq!(yaml, json);
        assert_eq!(yaml["max"].as_f64(), Some(3.402823669209385e38));
    }

    #[test]
    fn yaml_tags_keep_their_value_and_keys_must_be_scalars() {
        assert_eq!(parse("a: !custom 5\n").unwrap()["a"], 5);
        let problem = parse("? [a, b]\n: 1\n").unwrap_err();
        assert!(problem.message.starts_with("malformed YAML"), "{problem}");
        let duplicate = parse("a: 1\na: 2\n").unwrap_err();
        assert!(duplicate.message.contains("duplicate entry"), "{duplicate}");
    }
}
