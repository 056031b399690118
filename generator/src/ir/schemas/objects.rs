//! Objects into structs: properties (also those taken on through `allOf`), what each field
//! says in its docs, and the map of the properties the schema does not name.

use super::{Schemas, text_dates};
use crate::WarningKind;
use crate::ir::context::is_annotation;
use crate::ir::docs::push_paragraph;
use crate::ir::model::{Field, FieldXml, Type, TypeId, TypeKind};
use crate::naming::{self, Scope};
use crate::pointer::{escape, resolve, unescape};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

impl<'a> Schemas<'a> {
    pub(super) fn struct_type(
        &mut self,
        pointer: &str,
        docs: Vec<String>,
        context: &str,
        reserved: Option<TypeId>,
    ) -> Type {
        let id = self.reserved_or_new(reserved, context);
        self.types[id].docs = docs;
        let parent = self.types[id].name.clone();
        let mut names = Scope::default();
        let mut fields: Vec<Field> = Vec::new();
        let parts = self.object_parts(pointer, 0);
        let properties = self.merged_properties(&parts);
        let implied_tag = self.implied_tags.get(pointer).cloned();
        for (json_name, at, required) in &properties {
            if implied_tag.as_ref() == Some(json_name) {
                continue;
            }
            let (at, required) = (at.as_str(), *required);
            let context = format!("{parent}{}", naming::type_name(json_name));
            // A date-time field is an `OffsetDateTime` (and bytes are `Vec<u8>`) through a serde
            // helper for its format; inside a list or a map serde cannot apply one, so those
            // stay text.
            let ty = match self.schema_type(at, &context) {
                top @ (Type::DateTime | Type::Encoded(_)) => top,
                other => text_dates(other),
            };
            let read_only = self
                .cx
                .keyword(at, "readOnly")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            let flag = |keyword: &str| {
                self.cx
                    .keyword(at, keyword)
                    .and_then(Value::as_bool)
                    .unwrap_or(false)
            };
            let (write_only, deprecated) = (flag("writeOnly"), flag("deprecated"));
            let mut docs = self.cx.value_docs(at, json_name);
            let notes: Vec<&str> = [
                (required, "Required."),
                (read_only, "Read-only: set by the service, never sent."),
                (
                    write_only,
                    "Write-only: sent, never returned by the service.",
                ),
                (deprecated, "Deprecated by the service."),
            ]
            .into_iter()
            .filter_map(|(applies, note)| applies.then_some(note))
            .collect();
            if !notes.is_empty() {
                push_paragraph(&mut docs, &notes.join(" "));
            }
            let xml = self.cx.field_xml(at, json_name, &ty);
            fields.push(Field {
                name: names.claim(naming::value_name(self.cx.client_name(at, json_name))),
                json_name: json_name.clone(),
                ty,
                read_only,
                write_only,
                boxed: false,
                additional: false,
                xml,
                docs,
            });
        }
        if let Some(additional) = self.additional_properties(&parts, &parent, &mut names) {
            fields.push(additional);
        }
        self.types[id].kind = TypeKind::Struct { fields };
        let default_name = match pointer.strip_prefix("#/components/schemas/") {
            Some(key) if !key.contains('/') => unescape(key),
            _ => parent,
        };
        let property_pointers = properties.iter().map(|(_, at, _)| at.as_str());
        let (xml_name, xml_namespaces) = self.cx.root_xml(pointer, default_name, property_pointers);
        self.types[id].xml_name = xml_name;
        self.types[id].xml_namespaces = xml_namespaces;
        Type::Named(id)
    }

    /// The properties of the object made of `parts` (see `object_parts`), each with where it is
    /// and whether it is required: every `allOf` member's first, then the schema's own; a later
    /// statement of a property (a subtype narrowing `kind`, say) replaces an earlier one.
    fn merged_properties(&self, parts: &[String]) -> Vec<(String, String, bool)> {
        let schemas: Vec<(&String, &Map<String, Value>)> = parts
            .iter()
            .filter_map(|part| match resolve(self.cx.raw, part) {
                Some(Value::Object(schema)) => Some((part, schema)),
                _ => None,
            })
            .collect();
        // Any part may require a property that another declares (`allOf: [{$ref}, {required}]`).
        let required: BTreeSet<&str> = schemas
            .iter()
            .filter_map(|(_, schema)| schema.get("required")?.as_array())
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let mut properties: Vec<(String, String, bool)> = Vec::new();
        for (part, schema) in schemas {
            let own = schema.get("properties").and_then(Value::as_object);
            for json_name in own.into_iter().flat_map(|p| p.keys()) {
                let at = format!("{part}/properties/{}", escape(json_name));
                let required = required.contains(json_name.as_str());
                match properties.iter_mut().find(|(name, _, _)| name == json_name) {
                    Some(earlier) => *earlier = (json_name.clone(), at, required),
                    None => properties.push((json_name.clone(), at, required)),
                }
            }
        }
        properties
    }

    /// The map of the properties the schema does not name, beside the named fields. The schema's
    /// own `additionalProperties` wins over those of the schemas it takes in through `allOf`.
    fn additional_properties(
        &mut self,
        parts: &[String],
        parent: &str,
        names: &mut Scope,
    ) -> Option<Field> {
        let raw: &'a Value = self.cx.raw;
        let declared = parts.iter().rev().find_map(|part| {
            let value = resolve(raw, part)?.get("additionalProperties")?;
            Some((format!("{part}/additionalProperties"), value))
        });
        let additional = match declared {
            Some((_, Value::Bool(true))) => Some(Type::Json),
            Some((_, Value::Object(value))) if value.is_empty() => Some(Type::Json),
            Some((at, Value::Object(_))) => {
                let value = self.schema_type(&at, &format!("{parent}Value"));
                Some(self.nullable(&at, value))
            }
            _ => None,
        };
        additional.map(|value| Field {
            name: names.claim("additional_properties".to_string()),
            json_name: String::new(),
            ty: Type::Map(Box::new(text_dates(value))),
            read_only: false,
            write_only: false,
            boxed: false,
            additional: true,
            xml: FieldXml::default(),
            docs: vec!["Properties the service sent that the document does not name.".to_string()],
        })
    }

    /// The schemas whose properties an object takes on: its `allOf` members' (through their
    /// references and own `allOf`s), then its own. A member that only annotates (`required`,
    /// a description) is a part without properties; one that is not an object is left out.
    pub(super) fn object_parts(&mut self, pointer: &str, depth: usize) -> Vec<String> {
        let raw: &'a Value = self.cx.raw;
        let Some(Value::Object(schema)) = resolve(raw, pointer) else {
            return Vec::new();
        };
        if depth > 16 {
            self.cx.warn(
                WarningKind::Simplified,
                pointer,
                "`allOf` nests too deep (or refers back to itself): the deeper members are not merged",
            );
            return Vec::new();
        }
        let mut parts = Vec::new();
        let members = schema.get("allOf").and_then(Value::as_array);
        for (i, member) in members.into_iter().flatten().enumerate() {
            let at = format!("{pointer}/allOf/{i}");
            let target = match member.get("$ref").and_then(Value::as_str) {
                Some(reference)
                    if reference.starts_with("#/") && resolve(raw, reference).is_some() =>
                {
                    if let Some(key) = reference.strip_prefix("#/components/schemas/") {
                        self.merged.insert(unescape(key));
                    }
                    reference.to_string()
                }
                Some(reference) => {
                    self.cx.warn(
                        WarningKind::Simplified,
                        format!("{at}/$ref"),
                        format!("`{reference}` points to nothing in this document: the member is not merged"),
                    );
                    continue;
                }
                None => at.clone(),
            };
            if is_annotation(member) {
                parts.push(target);
            } else if self.cx.is_object(&target) {
                parts.extend(self.object_parts(&target, depth + 1));
            } else {
                self.cx.warn(
                    WarningKind::Simplified,
                    at,
                    "an `allOf` member that is not an object cannot be merged into the struct: left out",
                );
            }
        }
        parts.push(pointer.to_string());
        parts
    }
}
