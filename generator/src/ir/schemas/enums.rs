//! Enums: string enums (closed, or extensible through `anyOf` with an open string member, which
//! keep unknown values), and enums of other types, which stay their plain type.

use super::{Schemas, description_lines};
use crate::WarningKind;
use crate::ir::model::{Type, TypeId, TypeKind, Variant};
use crate::naming::{self, Scope};
use serde_json::{Map, Value};

impl<'a> Schemas<'a> {
    /// A schema with an `enum`, whose `type` is `kind`.
    pub(super) fn enum_schema(
        &mut self,
        pointer: &str,
        schema: &'a Map<String, Value>,
        kind: Option<&str>,
        context: &str,
        reserved: Option<TypeId>,
    ) -> Option<Type> {
        let values = &schema["enum"];
        if matches!(kind, Some("integer" | "number" | "boolean")) {
            // The values are listed in the docs (see `constraint_sentence`).
            self.cx.warn(
                WarningKind::Simplified,
                format!("{pointer}/enum"),
                format!(
                    "an enum of {} values is generated as the plain type; the allowed values are in the docs",
                    kind.unwrap_or_default()
                ),
            );
            return Some(match (kind, schema.get("format").and_then(Value::as_str)) {
                (Some("integer"), Some("int32")) => Type::I32,
                (Some("integer"), _) => Type::I64,
                (Some("boolean"), _) => Type::Bool,
                (_, Some("float")) => Type::F32,
                _ => Type::F64,
            });
        }
        if !matches!(kind, None | Some("string")) {
            self.as_json(
                format!("{pointer}/enum"),
                "an enum of arrays or objects is not modelled",
            );
            return None;
        }
        let Some(values) = string_values(values) else {
            // The values are listed in the docs (see `constraint_sentence`).
            self.cx.warn(
                WarningKind::Simplified,
                format!("{pointer}/enum"),
                "an enum of values of several types is generated as `serde_json::Value`; the allowed values are in the docs",
            );
            return Some(Type::Json);
        };
        if values.is_empty() {
            self.cx.warn(
                WarningKind::Simplified,
                format!("{pointer}/enum"),
                "an enum with no value but `null` is generated as `serde_json::Value`",
            );
            return Some(Type::Json);
        }
        // autorest's `x-ms-enum` names the enum and its values, and says whether values the
        // document does not list are kept (`modelAsString`).
        let autorest = schema.get("x-ms-enum");
        let extensible = autorest
            .and_then(|x| x.get("modelAsString"))
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let described = autorest
            .and_then(|x| x.get("values"))
            .and_then(Value::as_array);
        let values = values
            .into_iter()
            .map(|value| {
                let entry = described
                    .into_iter()
                    .flatten()
                    .find(|entry| entry.get("value").and_then(Value::as_str) == Some(&value));
                let name = entry
                    .and_then(|e| e.get("name"))
                    .and_then(Value::as_str)
                    .map(str::to_string);
                let docs =
                    description_lines(entry.and_then(Value::as_object).unwrap_or(&Map::new()));
                EnumValue { value, name, docs }
            })
            .collect();
        let docs = description_lines(schema);
        let name = autorest.and_then(|x| x.get("name")).and_then(Value::as_str);
        let context = match (reserved, name) {
            (None, Some(name)) => naming::type_name(name),
            _ => context.to_string(),
        };
        Some(self.enum_type(values, extensible, docs, &context, reserved))
    }

    /// `anyOf: [{type: string, enum: [...]}, {type: string}]`: known values, others kept.
    pub(super) fn extensible_enum(
        &mut self,
        pointer: &str,
        schema: &'a Map<String, Value>,
        context: &str,
        reserved: Option<TypeId>,
    ) -> Option<Type> {
        let mut values: Vec<String> = Vec::new();
        for (i, member) in schema["anyOf"].as_array().into_iter().flatten().enumerate() {
            if let Some(list) = member.get("enum") {
                values.extend(self.enum_values(&format!("{pointer}/anyOf/{i}/enum"), list)?);
            }
        }
        let docs = description_lines(schema);
        let values = values.into_iter().map(EnumValue::plain).collect();
        Some(self.enum_type(values, true, docs, context, reserved))
    }

    /// The string values of an enum listed in a choice (`oneOf`, `anyOf`), or `None` (with a
    /// warning) when it has others.
    pub(super) fn enum_values(&mut self, pointer: &str, values: &Value) -> Option<Vec<String>> {
        let strings = string_values(values);
        if strings.is_none() {
            self.as_json(pointer, "enum values must be a list of strings");
        }
        strings
    }

    pub(super) fn enum_type(
        &mut self,
        values: Vec<EnumValue>,
        extensible: bool,
        docs: Vec<String>,
        context: &str,
        reserved: Option<TypeId>,
    ) -> Type {
        let id = self.reserved_or_new(reserved, context);
        // `UnknownValue` is the extensible enum's own variant name.
        let mut names = Scope::with_reserved(["UnknownValue".to_string()]);
        let mut variants: Vec<Variant> = Vec::new();
        for EnumValue { value, name, docs } in values {
            if variants.iter().any(|v| v.value == value) {
                continue;
            }
            variants.push(Variant {
                name: names.claim(naming::type_name(name.as_deref().unwrap_or(&value))),
                value,
                docs,
            });
        }
        self.types[id].docs = docs;
        self.types[id].kind = TypeKind::Enum {
            variants,
            extensible,
        };
        Type::Named(id)
    }
}

/// One value of an enum: what is sent, and the variant's name and docs where the document
/// gives them.
pub(super) struct EnumValue {
    pub value: String,
    pub name: Option<String>,
    pub docs: Vec<String>,
}

impl EnumValue {
    /// A value the document only lists.
    pub fn plain(value: String) -> Self {
        EnumValue {
            value,
            name: None,
            docs: Vec::new(),
        }
    }
}

/// Whether an `anyOf` is TypeSpec's extensible string enum: string members only, some listing
/// values and at least one open (no `enum`), so that values the document does not list are kept.
pub(super) fn is_extensible_enum(schema: &Map<String, Value>) -> bool {
    let Some(members) = schema.get("anyOf").and_then(Value::as_array) else {
        return false;
    };
    let is_string = |m: &Value| m.get("type").and_then(Value::as_str) == Some("string");
    let lists_values = |m: &Value| m.as_object().is_some_and(|m| m.contains_key("enum"));
    // Strings without a listed value among them are only strings.
    members.iter().all(is_string)
        && members.iter().any(lists_values)
        && members.iter().any(|m| !lists_values(m))
}

/// The values of a string enum, without `null` (which only says the value may be absent, as
/// every field may be), or `None` when the list holds other values.
pub(super) fn string_values(values: &Value) -> Option<Vec<String>> {
    values
        .as_array()?
        .iter()
        .filter(|value| !value.is_null())
        .map(|value| value.as_str().map(String::from))
        .collect()
}
