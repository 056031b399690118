//! What every part of the build shares: the document, read by JSON pointer, and the warnings
//! found so far. Each part takes this explicitly; nothing else is shared but the
//! type arena (`schemas::Schemas`).

use crate::pointer::resolve;
use crate::{Warning, WarningKind};
use serde_json::{Map, Value};

/// The document being read, and where its warnings go. Nothing here refuses the document: a
/// document that `load` could read is generated, with a stated fallback for each part the
/// generator does not model or that is broken.
pub(super) struct Context<'a> {
    /// The whole document as JSON.
    pub raw: &'a Value,
    /// What was handled by a fallback or left out.
    pub warnings: Vec<Warning>,
}

impl<'a> Context<'a> {
    /// The context of `raw`, whose reading already gave `warnings`.
    pub fn new(raw: &'a Value, warnings: Vec<Warning>) -> Self {
        Self { raw, warnings }
    }

    pub fn warn(
        &mut self,
        kind: WarningKind,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.warnings.push(Warning {
            kind,
            pointer: pointer.into(),
            message: message.into(),
        });
    }

    /// The schema at `pointer` and the schemas it wraps (`$ref`, single-member `allOf`),
    /// outermost first, so that a keyword stated beside a reference wins over the target's.
    pub fn wrapper_chain(&self, pointer: &str) -> Vec<&'a Map<String, Value>> {
        self.located_wrapper_chain(pointer)
            .into_iter()
            .map(|(_, schema)| schema)
            .collect()
    }

    /// The schemas of `wrapper_chain`, each with where it is.
    pub fn located_wrapper_chain(&self, pointer: &str) -> Vec<(String, &'a Map<String, Value>)> {
        let raw: &'a Value = self.raw;
        let mut chain = Vec::new();
        let mut at = pointer.to_string();
        // A chain of wrappers is short; the bound stops a reference loop.
        for _ in 0..16 {
            let Some(Value::Object(schema)) = resolve(raw, &at) else {
                break;
            };
            chain.push((at.clone(), schema));
            at = match (
                schema.get("$ref").and_then(Value::as_str),
                schema.get("allOf").and_then(Value::as_array),
            ) {
                (Some(reference), _) if reference.starts_with("#/") => reference.to_string(),
                // Members that only annotate apply to the one that gives the shape.
                (None, Some(members)) => match shaping_members(members).as_slice() {
                    // Taking in a discriminated schema makes a subtype, not a wrapper.
                    [only] if self.is_discriminated(&members[*only]) => break,
                    [only] => {
                        for (i, member) in members.iter().enumerate() {
                            if let (true, Value::Object(annotation)) =
                                (is_annotation(member), member)
                            {
                                chain.push((format!("{at}/allOf/{i}"), annotation));
                            }
                        }
                        format!("{at}/allOf/{only}")
                    }
                    _ => break,
                },
                _ => break,
            };
        }
        chain
    }

    /// The name the client gives the property or parameter at `at`: autorest's
    /// `x-ms-client-name` where the document states one, else its name on the wire.
    pub fn client_name<'n>(&self, at: &str, wire_name: &'n str) -> &'n str
    where
        'a: 'n,
    {
        let raw: &'a Value = self.raw;
        resolve(raw, at)
            .and_then(|part| part.get("x-ms-client-name"))
            .and_then(Value::as_str)
            .unwrap_or(wire_name)
    }

    /// Whether `schema` is a reference to a schema with a `discriminator`.
    pub(super) fn is_discriminated(&self, schema: &Value) -> bool {
        schema
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|reference| resolve(self.raw, reference))
            .is_some_and(|target| target.get("discriminator").is_some())
    }

    /// Whether the schema at `pointer` (through its references) is an object: it has
    /// properties, merges others (`allOf`), or says `type: object`.
    pub fn is_object(&self, pointer: &str) -> bool {
        self.wrapper_chain(pointer).last().is_some_and(|schema| {
            schema.contains_key("properties")
                || schema.contains_key("allOf")
                || schema.get("type").and_then(Value::as_str) == Some("object")
        })
    }

    /// The first statement of `keyword` along the wrapper chain of the schema at `pointer`.
    pub fn keyword(&self, pointer: &str, keyword: &str) -> Option<&'a Value> {
        self.wrapper_chain(pointer)
            .into_iter()
            .find_map(|schema| schema.get(keyword))
    }

    /// Whether the schema at `pointer` is a file: `type: string, format: binary`.
    pub fn is_file(&self, pointer: &str) -> bool {
        self.keyword(pointer, "type").and_then(Value::as_str) == Some("string")
            && self.keyword(pointer, "format").and_then(Value::as_str) == Some("binary")
    }
}

/// The keywords that say what shape a value has; a schema with none of them only annotates
/// (a description, `nullable`, `required`, constraints).
pub(super) const SHAPE_KEYWORDS: &[&str] = &[
    "$ref",
    "type",
    "properties",
    "additionalProperties",
    "items",
    "allOf",
    "oneOf",
    "anyOf",
    "enum",
    "not",
];

/// Whether a schema only annotates what it stands beside in an `allOf`.
pub(super) fn is_annotation(schema: &Value) -> bool {
    schema
        .as_object()
        .is_some_and(|schema| !SHAPE_KEYWORDS.iter().any(|k| schema.contains_key(*k)))
}

/// The indices of the `allOf` members that say something of the value's shape.
pub(super) fn shaping_members(members: &[Value]) -> Vec<usize> {
    (0..members.len())
        .filter(|&i| !is_annotation(&members[i]))
        .collect()
}
