//! Choices between schemas: `oneOf` and `anyOf` (enums, plain strings, untagged unions), and
//! discriminated unions, stated by a `discriminator` or implied by a property of one value each.

use super::enums::EnumValue;
use super::{Schemas, description_lines, text_dates};
use crate::WarningKind;
use crate::ir::docs::lines;
use crate::ir::model::{Type, TypeId, TypeKind, UnionVariant};
use crate::naming::{self, Scope};
use crate::pointer::{escape, unescape};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

impl<'a> Schemas<'a> {
    /// `oneOf` (or an `anyOf` other than an extensible enum, read the same way: a client
    /// sends one of the members and reads whichever fits): a discriminated union when there
    /// is a discriminator; an enum when every member is a string enum (the members'
    /// descriptions document the values); `String` when every member is a string; otherwise
    /// an untagged enum of the members, tried in order.
    pub(super) fn one_of(
        &mut self,
        keyword: &str,
        pointer: &str,
        schema: &'a Map<String, Value>,
        context: &str,
        reserved: Option<TypeId>,
    ) -> Option<Type> {
        if schema.contains_key("discriminator") {
            return self.union_type(pointer, schema, context, reserved);
        }
        self.choice(keyword, pointer, schema, context, reserved)
    }

    /// A `oneOf` or `anyOf` read without its discriminator: an enum, `String`, a union tagged by
    /// a property of one value each, or an untagged union.
    fn choice(
        &mut self,
        keyword: &str,
        pointer: &str,
        schema: &'a Map<String, Value>,
        context: &str,
        reserved: Option<TypeId>,
    ) -> Option<Type> {
        let Some(members) = schema.get(keyword).and_then(Value::as_array) else {
            self.as_json(
                format!("{pointer}/{keyword}"),
                format!("`{keyword}` must be a list of schemas"),
            );
            return None;
        };
        // `{type: 'null'}` members only say that the value may be absent, as every field may.
        let members: Vec<(String, &Value)> = members
            .iter()
            .enumerate()
            .map(|(i, m)| (format!("{pointer}/{keyword}/{i}"), m))
            .filter(|(_, m)| m.get("type").and_then(Value::as_str) != Some("null"))
            .collect();
        let docs = description_lines(schema);
        match members.as_slice() {
            [] => return Some(Type::Json),
            [(at, _)] => return Some(self.schema_type(at, context)),
            _ => {}
        }
        let string_enum = |m: &Value| {
            m.get("type").and_then(Value::as_str) == Some("string")
                && m.get("enum").and_then(Value::as_array).is_some()
        };
        if members.iter().all(|(_, m)| string_enum(m)) {
            let mut values = Vec::new();
            for (at, member) in &members {
                let member_docs = lines(member.get("description").and_then(Value::as_str));
                let listed = self.enum_values(&format!("{at}/enum"), &member["enum"])?;
                values.extend(listed.into_iter().map(|value| EnumValue {
                    docs: member_docs.clone(),
                    ..EnumValue::plain(value)
                }));
            }
            return Some(self.enum_type(values, false, docs, context, reserved));
        }
        // All plain strings (an id or a name, say): one string type serves.
        if members.iter().all(|(at, _)| self.is_plain_string(at)) {
            return Some(Type::String);
        }
        if let Some((property, tags)) = self.implicit_tag(&members) {
            return self.implicitly_tagged_union(&members, property, tags, docs, context, reserved);
        }
        let id = self.reserved_or_new(reserved, context);
        let parent = self.types[id].name.clone();
        let mut names = Scope::default();
        let mut variants = Vec::new();
        for (i, (at, member)) in members.iter().enumerate() {
            // An inline object tagged by a single-valued enum property is named by its tag.
            let tag = member
                .get("properties")
                .and_then(Value::as_object)
                .and_then(|props| {
                    props
                        .values()
                        .find_map(|p| match p.get("enum").and_then(Value::as_array) {
                            Some(values) if values.len() == 1 => {
                                values[0].as_str().map(String::from)
                            }
                            _ => None,
                        })
                });
            let title = member
                .get("title")
                .and_then(Value::as_str)
                .map(String::from);
            let hint = tag.or(title).unwrap_or_else(|| format!("Variant{}", i + 1));
            // Untagged, a member is tried as it is: a date or bytes as their wire text.
            let ty =
                text_dates(self.schema_type(at, &format!("{parent}{}", naming::type_name(&hint))));
            let name = match (&ty, member.get("$ref")) {
                (Type::Named(target), Some(_)) => self.types[*target].name.clone(),
                (Type::Named(_), None) => naming::type_name(&hint),
                (other, _) => other_variant_name(other, &hint, member),
            };
            variants.push((names.claim(name), ty));
        }
        // Reading tries the variants in turn and keeps the first that fits; unknown fields do
        // not stop a fit, so the models with more fields go first and lose nothing.
        let field_count = |ty: &Type| match ty {
            Type::Named(target) => match &self.types[*target].kind {
                TypeKind::Struct { fields } => fields.len(),
                _ => 0,
            },
            _ => 0,
        };
        variants.sort_by_key(|(_, ty)| std::cmp::Reverse(field_count(ty)));
        self.types[id].docs = docs;
        self.types[id].kind = TypeKind::Untagged { variants };
        Some(Type::Named(id))
    }

    /// The property that tells the members of a `oneOf` apart without a `discriminator`: one
    /// that every member is an object requiring, each with a single string value of its own
    /// (`type: {enum: [circle]}`, `type: {enum: [square]}`); with each member's value.
    pub(super) fn implicit_tag(
        &self,
        members: &[(String, &Value)],
    ) -> Option<(String, Vec<String>)> {
        let objects: Vec<(String, &'a Map<String, Value>)> = members
            .iter()
            .map(|(at, _)| self.cx.located_wrapper_chain(at).pop())
            .collect::<Option<_>>()?;
        // Plain objects only: a member that is itself a choice or a merge stays untagged.
        let plain_object = |(_, schema): &(String, &Map<String, Value>)| {
            schema.contains_key("properties")
                && ["oneOf", "anyOf", "allOf", "discriminator"]
                    .iter()
                    .all(|keyword| !schema.contains_key(*keyword))
        };
        if !objects.iter().all(plain_object) {
            return None;
        }
        let candidates = objects
            .first()?
            .1
            .get("required")
            .and_then(Value::as_array)?;
        candidates
            .iter()
            .filter_map(Value::as_str)
            .find_map(|property| {
                let tags: Vec<String> = objects
                    .iter()
                    .map(|(at, object)| self.single_value(at, object, property))
                    .collect::<Option<_>>()?;
                let distinct: BTreeSet<&String> = tags.iter().collect();
                (distinct.len() == tags.len()).then(|| (property.to_string(), tags))
            })
    }

    /// The one string value that `object` (at `pointer`) requires of `property`.
    pub(super) fn single_value(
        &self,
        pointer: &str,
        object: &Map<String, Value>,
        property: &str,
    ) -> Option<String> {
        let required = object.get("required").and_then(Value::as_array)?;
        if !required.iter().any(|name| name.as_str() == Some(property)) {
            return None;
        }
        let at = format!("{pointer}/properties/{}", escape(property));
        match self
            .cx
            .keyword(&at, "enum")
            .and_then(Value::as_array)?
            .as_slice()
        {
            [Value::String(value)] => Some(value.clone()),
            _ => None,
        }
    }

    /// A `oneOf` whose members `implicit_tag` tells apart by `property`: a union of them, as
    /// if the document had named `property` its discriminator. Inline members leave the
    /// property out of their structs, since the variant says it.
    pub(super) fn implicitly_tagged_union(
        &mut self,
        members: &[(String, &Value)],
        property: String,
        tags: Vec<String>,
        docs: Vec<String>,
        context: &str,
        reserved: Option<TypeId>,
    ) -> Option<Type> {
        let id = self.reserved_or_new(reserved, context);
        let parent = self.types[id].name.clone();
        let mut names = Scope::with_reserved(["UnknownKind".to_string()]);
        let mut variants = Vec::new();
        for ((at, member), value) in members.iter().zip(tags) {
            if !member.as_object().is_some_and(|m| m.contains_key("$ref")) {
                self.implied_tags.insert(at.clone(), property.clone());
            }
            let context = format!("{parent}{}", naming::type_name(&value));
            match self.schema_type(at, &context) {
                Type::Named(ty) if matches!(self.types[ty].kind, TypeKind::Struct { .. }) => {
                    variants.push(UnionVariant {
                        name: names.claim(naming::type_name(&value)),
                        value,
                        ty,
                    });
                }
                _ => {
                    self.as_json(at.clone(), "a tagged member must be an object schema");
                    return None;
                }
            }
        }
        self.types[id].docs = docs;
        self.types[id].kind = TypeKind::Union { property, variants };
        Some(Type::Named(id))
    }

    /// Whether the schema at `pointer`, through its wrappers, is a string without an enum.
    pub(super) fn is_plain_string(&self, pointer: &str) -> bool {
        self.cx.wrapper_chain(pointer).last().is_some_and(|schema| {
            schema.get("type").and_then(Value::as_str) == Some("string")
                && !schema.contains_key("enum")
        })
    }

    /// A schema with a `discriminator`: an enum of its subtypes, named by the `mapping` (or,
    /// without one, by the component schemas that take it into their `allOf`).
    pub(super) fn union_type(
        &mut self,
        pointer: &str,
        schema: &'a Map<String, Value>,
        context: &str,
        reserved: Option<TypeId>,
    ) -> Option<Type> {
        let at = format!("{pointer}/discriminator");
        let Some(property) = schema
            .get("discriminator")
            .and_then(|d| d.get("propertyName"))
            .and_then(Value::as_str)
        else {
            self.cx.warn(
                WarningKind::Simplified,
                &at,
                "a discriminator needs a `propertyName`: read as if it had none",
            );
            return match members_keyword(schema) {
                Some(keyword) => self.choice(keyword, pointer, schema, context, reserved),
                None => {
                    Some(self.struct_type(pointer, description_lines(schema), context, reserved))
                }
            };
        };
        let Some(kinds) = self.union_kinds(pointer, schema, property) else {
            let keyword = members_keyword(schema).unwrap_or("oneOf");
            return self.choice(keyword, pointer, schema, context, reserved);
        };
        // A discriminator that no schema takes up is just a property: the schema is a struct.
        if kinds.is_empty() && schema.contains_key("properties") {
            return Some(self.struct_type(pointer, description_lines(schema), context, reserved));
        }
        let id = self.reserved_or_new(reserved, context);
        let mut names = Scope::with_reserved(["UnknownKind".to_string()]);
        let mut variants = Vec::new();
        let parent = self.types[id].name.clone();
        for (value, target) in kinds {
            let here = format!("{at}/mapping/{}", escape(&value));
            // A reference is followed (a component schema resolves once); an inline member is
            // read in place and named after the union and its value.
            let inline = ["oneOf", "anyOf"]
                .iter()
                .any(|keyword| target.starts_with(&format!("{pointer}/{keyword}/")));
            let ty = if inline {
                Some(self.schema_type(&target, &format!("{parent}{}", naming::type_name(&value))))
            } else {
                self.reference(&here, &Value::String(target.clone()))
            };
            match ty {
                Some(Type::Named(ty)) if matches!(self.types[ty].kind, TypeKind::Struct { .. }) => {
                    variants.push(UnionVariant {
                        name: names.claim(naming::type_name(&value)),
                        value,
                        ty,
                    });
                }
                Some(_) => self.cx.warn(
                    WarningKind::Simplified,
                    here,
                    format!("`{target}` is not an object schema: this kind is kept as unknown"),
                ),
                None => {}
            }
        }
        self.types[id].docs = description_lines(schema);
        self.types[id].kind = TypeKind::Union {
            property: property.to_string(),
            variants,
        };
        Some(Type::Named(id))
    }

    /// The kinds of a discriminated union, each a value of `property` and where its schema is:
    /// the `mapping`'s; else a `oneOf`'s members (a component schema names itself, another
    /// member says its value); else the component schemas that take the union into their
    /// `allOf`. `None` when a `oneOf` member says no value: the union is then untagged.
    fn union_kinds(
        &mut self,
        pointer: &str,
        schema: &'a Map<String, Value>,
        property: &str,
    ) -> Option<Vec<(String, String)>> {
        let at = format!("{pointer}/discriminator");
        let mut kinds: Vec<(String, String)> = Vec::new();
        let mapping = schema
            .get("discriminator")
            .and_then(|d| d.get("mapping"))
            .and_then(Value::as_object);
        match (mapping, members_keyword(schema)) {
            (Some(mapping), _) => {
                for (value, reference) in mapping {
                    match reference.as_str() {
                        Some(reference) => kinds.push((value.clone(), reference.to_string())),
                        None => self.cx.warn(
                            WarningKind::Simplified,
                            format!("{at}/mapping/{}", escape(value)),
                            "a mapping value must be a reference: this kind is kept as unknown",
                        ),
                    }
                }
            }
            // Without a mapping, each member of a `oneOf` (or `anyOf`) says its value of the
            // property by allowing only one; else a component schema's name is its value.
            (None, Some(keyword)) => {
                let members = schema.get(keyword).and_then(Value::as_array);
                for (i, member) in members.into_iter().flatten().enumerate() {
                    let at = format!("{pointer}/{keyword}/{i}");
                    let reference = member.get("$ref").and_then(Value::as_str);
                    let component = reference.and_then(|r| r.strip_prefix("#/components/schemas/"));
                    let target = reference.unwrap_or(&at).to_string();
                    let stated = self
                        .cx
                        .located_wrapper_chain(&at)
                        .pop()
                        .and_then(|(end, object)| self.single_value(&end, object, property));
                    let value = stated.or_else(|| component.map(unescape));
                    match value {
                        Some(value) => kinds.push((value, target)),
                        None => {
                            self.cx.warn(
                                WarningKind::Simplified,
                                at,
                                format!("a member of a discriminated `{keyword}` without a mapping must be a component schema or require one value of `{property}`: the union is untagged"),
                            );
                            return None;
                        }
                    }
                }
            }
            (None, None) => {
                let raw: &'a Value = self.cx.raw;
                let schemas = raw
                    .pointer("/components/schemas")
                    .and_then(Value::as_object);
                for (key, candidate) in schemas.into_iter().flatten() {
                    let refers_here = candidate
                        .get("allOf")
                        .and_then(Value::as_array)
                        .is_some_and(|members| {
                            members
                                .iter()
                                .any(|m| m.get("$ref").and_then(Value::as_str) == Some(pointer))
                        });
                    // autorest's `x-ms-discriminator-value` names the kind where the
                    // schema's own name is not its value.
                    if refers_here {
                        let value = candidate
                            .get("x-ms-discriminator-value")
                            .and_then(Value::as_str)
                            .unwrap_or(key);
                        kinds.push((
                            value.to_string(),
                            format!("#/components/schemas/{}", escape(key)),
                        ));
                    }
                }
                // The order the document gives the kinds, where the tag property lists them
                // (Swagger's definitions are sorted by name, not in that order).
                let tag = format!("{pointer}/properties/{}", escape(property));
                if let Some(Value::Array(order)) = self.cx.keyword(&tag, "enum") {
                    let rank = |value: &str| order.iter().position(|v| v == value);
                    kinds.sort_by_key(|(value, _)| rank(value).unwrap_or(usize::MAX));
                }
            }
        }
        Some(kinds)
    }
}

/// The variant name of a `oneOf` member that is not a named type: its title, else its type.
fn other_variant_name(ty: &Type, hint: &str, member: &Value) -> String {
    if member.get("title").is_some() {
        return naming::type_name(hint);
    }
    match ty {
        Type::Bool => "Boolean",
        Type::I32 | Type::I64 | Type::U64 => "Integer",
        Type::F32 | Type::F64 | Type::Decimal => "Number",
        Type::String | Type::DateTime => "String",
        Type::Encoded(wire) => return other_variant_name(&wire.text(), hint, member),
        Type::List(_) | Type::Tuple(_) => "List",
        Type::Map(_) => "Map",
        Type::Nullable(inner) => return other_variant_name(inner, hint, member),
        Type::Json | Type::Named(_) => "Value",
        Type::Bytes => "Bytes",
        Type::File => "File",
    }
    .to_string()
}

/// The keyword that lists a discriminated union's members: `oneOf`, or `anyOf` as some
/// documents write it.
fn members_keyword(schema: &Map<String, Value>) -> Option<&'static str> {
    ["oneOf", "anyOf"]
        .into_iter()
        .find(|keyword| schema.contains_key(*keyword))
}
