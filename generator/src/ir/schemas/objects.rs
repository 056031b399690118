//! Objects into structs: properties (also those taken on through `allOf`), what each field
//! says in its docs, and the map of the properties the schema does not name.

use super::{Schemas, text_dates};
use crate::ir::docs::push_paragraph;
use crate::ir::model::{Field, FieldXml, Type, TypeId, TypeKind};
use crate::naming::{self, Scope};
use crate::pointer::{escape, resolve, unescape};
use serde_json::Value;
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
            // A date-time field is an `OffsetDateTime` in RFC 3339; inside a list or a map
            // serde cannot apply that format, so those stay text.
            let Some(ty) = self.schema_type(at, &context).map(|ty| match ty {
                Type::DateTime => Type::DateTime,
                other => text_dates(other),
            }) else {
                continue;
            };
            let read_only = self
                .cx
                .keyword(at, "readOnly")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            let mut docs = self.cx.value_docs(at, json_name);
            let notes: Vec<&str> = [
                (required, "Required."),
                (read_only, "Read-only: set by the service, never sent."),
            ]
            .into_iter()
            .filter_map(|(applies, note)| applies.then_some(note))
            .collect();
            if !notes.is_empty() {
                push_paragraph(&mut docs, &notes.join(" "));
            }
            let xml = self.cx.field_xml(at, json_name, &ty);
            fields.push(Field {
                name: names.claim(naming::value_name(json_name)),
                json_name: json_name.clone(),
                ty,
                read_only,
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
        let mut properties: Vec<(String, String, bool)> = Vec::new();
        for part in parts {
            let Some(Value::Object(part_schema)) = resolve(self.cx.raw, part) else {
                continue;
            };
            let required: BTreeSet<&str> = part_schema
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let own = part_schema.get("properties").and_then(Value::as_object);
            for json_name in own.into_iter().flat_map(|p| p.keys()) {
                let at = format!("{part}/properties/{}", escape(json_name));
                let required = required.contains(json_name.as_str());
                match properties.iter_mut().find(|(name, _, _)| name == json_name) {
                    Some(earlier) => *earlier = (json_name.clone(), at, required || earlier.2),
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
            Some((at, Value::Object(_))) => self
                .schema_type(&at, &format!("{parent}Value"))
                .map(|value| self.nullable(&at, value)),
            _ => None,
        };
        additional.map(|value| Field {
            name: names.claim("additional_properties".to_string()),
            json_name: String::new(),
            ty: Type::Map(Box::new(text_dates(value))),
            read_only: false,
            boxed: false,
            additional: true,
            xml: FieldXml::default(),
            docs: vec!["Properties the service sent that the document does not name.".to_string()],
        })
    }

    /// The schemas whose properties an object takes on: its `allOf` members' (through their
    /// references and own `allOf`s), then its own.
    pub(super) fn object_parts(&mut self, pointer: &str, depth: usize) -> Vec<String> {
        let raw: &'a Value = self.cx.raw;
        let Some(Value::Object(schema)) = resolve(raw, pointer) else {
            return Vec::new();
        };
        if depth > 16 {
            self.cx
                .problem(pointer, "`allOf` nests too deep (or refers back to itself)");
            return Vec::new();
        }
        let mut parts = Vec::new();
        let members = schema.get("allOf").and_then(Value::as_array);
        for (i, member) in members.into_iter().flatten().enumerate() {
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
                    self.cx.problem(
                        format!("{pointer}/allOf/{i}/$ref"),
                        format!("`{reference}` points to nothing in this document"),
                    );
                    continue;
                }
                None => format!("{pointer}/allOf/{i}"),
            };
            let is_object = resolve(raw, &target).is_some_and(|t| {
                t.get("properties").is_some()
                    || t.get("allOf").is_some()
                    || t.get("type").and_then(Value::as_str) == Some("object")
            });
            if !is_object {
                self.cx.problem(
                    format!("{pointer}/allOf/{i}"),
                    "`allOf` with several members is supported only for objects, whose properties are merged",
                );
                continue;
            }
            parts.extend(self.object_parts(&target, depth + 1));
        }
        parts.push(pointer.to_string());
        parts
    }
}
