//! Schemas into types: every schema an operation reaches becomes a Rust type in the arena
//! (`Schemas::types`), or a type the generated code already has (`String`, `Vec<T>`, …).
//!
//! A component schema gets its index reserved before its body is read, so forward and
//! recursive references resolve. Objects are read in `objects`, enums in `enums`, `oneOf`,
//! `anyOf` and discriminators in `unions`, XML names in `xml`.

mod enums;
mod objects;
mod unions;
mod xml;

use super::context::{Context, SHAPE_KEYWORDS, shaping_members};
use super::docs::lines;
use super::model::{Type, TypeDef, TypeId, TypeKind, WireFormat};
use crate::WarningKind;
use crate::naming::{self, Scope};
use crate::pointer::{escape, resolve, unescape};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};

use enums::{is_extensible_enum, string_values};

/// How deeply schemas may nest (inline or through references not yet read): far beyond every
/// document in this repository, and shallow enough for a test thread's 2 MiB stack.
const MAX_DEPTH: usize = 64;

/// The type arena, and what reading schemas into it remembers from one schema to the next.
pub(super) struct Schemas<'a> {
    /// The document, and where problems go.
    pub cx: Context<'a>,
    /// Every generated type; indices are [`TypeId`]s.
    pub types: Vec<TypeDef>,
    /// Every Rust type name of the crate (models, clients, options), so that none collide.
    pub type_names: Scope,
    /// Rust names of the component schemas, decided up front so they do not depend on the
    /// order in which operations reach them.
    component_names: BTreeMap<String, String>,
    /// What each component schema resolved to.
    resolved: HashMap<String, Type>,
    /// What each schema referenced outside `components.schemas` resolved to, by pointer.
    resolved_elsewhere: HashMap<String, Type>,
    /// Component schemas being resolved as aliases, to catch `A: {$ref: A}` loops.
    resolving: BTreeSet<String>,
    /// Component schemas whose properties some struct took on through `allOf`.
    merged: BTreeSet<String>,
    /// Inline objects that are kinds of a union tagged by one of their properties, and that
    /// property, which the union's variant implies and so the struct leaves out.
    implied_tags: HashMap<String, String>,
    /// How deeply `schema_type` is nested now.
    depth: usize,
}

impl<'a> Schemas<'a> {
    /// A reader of the document's schemas; `type_names` already holds the names that the
    /// generated code takes for itself.
    pub fn new(cx: Context<'a>, type_names: Scope) -> Self {
        let mut schemas = Self {
            cx,
            types: Vec::new(),
            type_names,
            component_names: BTreeMap::new(),
            resolved: HashMap::new(),
            resolved_elsewhere: HashMap::new(),
            resolving: BTreeSet::new(),
            merged: BTreeSet::new(),
            implied_tags: HashMap::new(),
            depth: 0,
        };
        schemas.name_components();
        schemas
    }

    /// Names every component schema: its short name (`Azure.Core.Foundations.Error` is
    /// `Error`) unless another schema shares it, then its full name.
    fn name_components(&mut self) {
        let keys: Vec<String> = match self.cx.raw.pointer("/components/schemas") {
            Some(Value::Object(schemas)) => schemas.keys().cloned().collect(),
            _ => Vec::new(),
        };
        let mut short_counts: HashMap<String, usize> = HashMap::new();
        for key in &keys {
            *short_counts
                .entry(naming::type_name(naming::short_schema_name(key)))
                .or_default() += 1;
        }
        let mut sorted = keys;
        sorted.sort();
        for key in sorted {
            let short = naming::type_name(naming::short_schema_name(&key));
            let name = if short_counts[&short] == 1 {
                short
            } else {
                naming::type_name(&key)
            };
            let name = self.type_names.claim(name);
            self.component_names.insert(key, name);
        }
    }

    /// The raw JSON object at `pointer` (`#/…`), or a problem.
    fn schema_object(&mut self, pointer: &str) -> Option<&'a Map<String, Value>> {
        let raw: &'a Value = self.cx.raw;
        match resolve(raw, pointer) {
            Some(Value::Object(object)) => Some(object),
            Some(_) => {
                self.as_json(pointer, "a schema must be an object");
                None
            }
            None => {
                self.as_json(pointer, "nothing is at this location");
                None
            }
        }
    }

    /// The Rust type for the schema at `pointer`. `context` names an inline struct or enum
    /// after where it is (e.g. `WidgetDetails` for the `details` property of `Widget`).
    pub fn schema_type(&mut self, pointer: &str, context: &str) -> Type {
        self.read_schema(pointer, context).unwrap_or(Type::Json)
    }

    /// A schema the generator cannot read as stated, or that is broken: a warning that says
    /// so, and that the schema is `serde_json::Value` (its reader then returns `None`).
    fn as_json(&mut self, pointer: impl Into<String>, message: impl Into<String>) {
        let message = format!("{}: generated as `serde_json::Value`", message.into());
        self.cx.warn(WarningKind::AsJson, pointer, message);
    }

    /// [`Self::schema_type`], or `None` where the schema falls back to `serde_json::Value`.
    fn read_schema(&mut self, pointer: &str, context: &str) -> Option<Type> {
        // Each level of nesting (inline, or a reference to a schema not yet read) is a level of
        // recursion here; a document nested deeper than any real one gets an error, not a
        // stack overflow.
        if self.depth >= MAX_DEPTH {
            self.as_json(
                pointer,
                format!("schemas nest more than {MAX_DEPTH} levels deep here"),
            );
            return None;
        }
        self.depth += 1;
        let ty = self
            .schema_object(pointer)
            .and_then(|schema| match schema.get("$ref") {
                Some(reference) => self.reference(pointer, reference),
                None => self.schema_body(pointer, schema, context, None),
            });
        self.depth -= 1;
        ty
    }

    /// Follows a `$ref`. Component schemas resolve once; anything else is read in place.
    fn reference(&mut self, pointer: &str, reference: &Value) -> Option<Type> {
        let at = format!("{pointer}/$ref");
        let Some(reference) = reference.as_str() else {
            self.as_json(at, "`$ref` must be a string");
            return None;
        };
        // `load` brings in what other files' references name, and has warned of each it
        // could not follow: what is left is any JSON value.
        if !reference.starts_with('#') {
            return Some(Type::Json);
        }
        if !reference.starts_with("#/") {
            self.as_json(
                at,
                format!("`{reference}` is not a JSON pointer into this document"),
            );
            return None;
        }
        if resolve(self.cx.raw, reference).is_none() {
            self.as_json(
                at,
                format!("`{reference}` points to nothing in this document"),
            );
            return None;
        }
        let Some(key) = reference
            .strip_prefix("#/components/schemas/")
            .map(unescape)
            .filter(|k| !k.contains('/'))
        else {
            // A schema elsewhere (3.1's `$defs`, a parameter's schema) is read once too, and
            // named after its last token.
            if let Some(ty) = self.resolved_elsewhere.get(reference) {
                return Some(ty.clone());
            }
            let name =
                naming::type_name(&unescape(reference.rsplit('/').next().unwrap_or("Schema")));
            let ty = self.schema_type(reference, &name);
            self.resolved_elsewhere
                .insert(reference.to_string(), ty.clone());
            return Some(ty);
        };
        if let Some(ty) = self.resolved.get(&key) {
            return Some(ty.clone());
        }
        let name = self.component_names[&key].clone();
        let schema = self.schema_object(reference)?;
        if self.makes_type(reference, schema) {
            // Reserve the index first, so a reference back to this schema finds it.
            let id = self.new_type(name.clone(), Vec::new());
            self.resolved.insert(key, Type::Named(id));
            match self.schema_body(reference, schema, &name, Some(id)) {
                Some(Type::Named(body)) if body == id => {}
                // References to it are made already: it stays a type, a name for what it is.
                other => self.types[id].kind = TypeKind::Alias(other.unwrap_or(Type::Json)),
            }
            Some(Type::Named(id))
        } else {
            if !self.resolving.insert(key.clone()) {
                self.as_json(
                    at,
                    format!("`{reference}` refers back to itself without an object in between"),
                );
                return None;
            }
            let ty = self.schema_type(reference, &name);
            self.resolving.remove(&key);
            self.resolved.insert(key, ty.clone());
            Some(ty)
        }
    }

    /// The index reserved for a component schema, or a new one named from `context`.
    fn reserved_or_new(&mut self, reserved: Option<TypeId>, context: &str) -> TypeId {
        reserved.unwrap_or_else(|| {
            let name = self.type_names.claim(naming::type_name(context));
            self.new_type(name, Vec::new())
        })
    }

    fn new_type(&mut self, name: String, docs: Vec<String>) -> TypeId {
        self.types.push(TypeDef {
            name,
            docs,
            kind: TypeKind::Struct { fields: Vec::new() },
            in_request: false,
            xml: false,
            xml_name: String::new(),
            xml_namespaces: Vec::new(),
            merge_patch: false,
            is_error: false,
            status_monitor: None,
        });
        self.types.len() - 1
    }

    /// Reads a schema that is not a `$ref`. `reserved` is the index already given to a
    /// component schema; inline structs and enums get a new one named from `context`.
    fn schema_body(
        &mut self,
        pointer: &str,
        schema: &'a Map<String, Value>,
        context: &str,
        reserved: Option<TypeId>,
    ) -> Option<Type> {
        if chooses(schema, "oneOf") {
            return self.one_of("oneOf", pointer, schema, context, reserved);
        }
        // `not` only narrows what the rest allows, which the client does not check (the docs
        // say it); alone, it allows nearly anything.
        if schema.contains_key("not") && only_constrains(schema) {
            return Some(Type::Json);
        }
        if let Some(all_of) = schema.get("allOf") {
            let Some(members) = all_of.as_array() else {
                self.as_json(
                    format!("{pointer}/allOf"),
                    "`allOf` must be a list of schemas",
                );
                return None;
            };
            // `allOf: [{$ref}]` beside a description is how TypeSpec documents a reference, and
            // members that only annotate (a description, `nullable`, constraints) say nothing of
            // the shape: one member that gives the shape is the type.
            let shaping = shaping_members(members);
            if !schema.contains_key("properties") {
                match shaping.as_slice() {
                    [] => return self.typed_schema(pointer, schema, context, reserved),
                    // Taking in a discriminated schema makes a subtype: a struct of its own.
                    [only] if !self.cx.is_discriminated(&members[*only]) => {
                        return Some(self.schema_type(&format!("{pointer}/allOf/{only}"), context));
                    }
                    _ => {}
                }
                let objects = shaping
                    .iter()
                    .filter(|i| self.cx.is_object(&format!("{pointer}/allOf/{i}")))
                    .count();
                if objects == 0 {
                    self.as_json(
                        format!("{pointer}/allOf"),
                        "an `allOf` of several members that are not objects cannot be merged",
                    );
                    return None;
                }
            }
            // Otherwise the struct takes on the properties of every member that is an object.
            let docs = description_lines(schema);
            return Some(self.struct_type(pointer, docs, context, reserved));
        }
        if schema.contains_key("discriminator") && schema.contains_key("properties") {
            return self.union_type(pointer, schema, context, reserved);
        }
        if chooses(schema, "anyOf") {
            if is_extensible_enum(schema) {
                return self.extensible_enum(pointer, schema, context, reserved);
            }
            return self.one_of("anyOf", pointer, schema, context, reserved);
        }
        self.typed_schema(pointer, schema, context, reserved)
    }

    /// A schema that composes no others: an enum, or what its `type` says.
    fn typed_schema(
        &mut self,
        pointer: &str,
        schema: &'a Map<String, Value>,
        context: &str,
        reserved: Option<TypeId>,
    ) -> Option<Type> {
        let docs = description_lines(schema);
        let kind = schema
            .get("type")
            .map(|t| t.as_str().unwrap_or("(not a string)"));
        if schema.contains_key("enum") {
            return self.enum_schema(pointer, schema, kind, context, reserved);
        }
        let format = schema.get("format").and_then(Value::as_str);
        if let Some(wire) = format.and_then(WireFormat::of)
            && kind
                == Some(if wire == WireFormat::UnixTime {
                    "integer"
                } else {
                    "string"
                })
        {
            return Some(Type::Encoded(wire));
        }
        match kind {
            Some("string") => Some(match format {
                Some("date-time") => Type::DateTime,
                Some("binary") => Type::File,
                _ => Type::String,
            }),
            Some("integer") => Some(match format {
                Some("int32") => Type::I32,
                Some("uint64") => Type::U64,
                _ => Type::I64,
            }),
            Some("number") => Some(match format {
                Some("float") => Type::F32,
                Some("decimal" | "decimal128") => Type::Decimal,
                _ => Type::F64,
            }),
            Some("boolean") => Some(Type::Bool),
            // A value that can only be `null` (OpenAPI 3.1's `type: "null"`).
            Some("null") => Some(Type::Json),
            Some("array") | None if schema.contains_key("prefixItems") => {
                self.tuple(pointer, schema, context)
            }
            Some("array") => {
                if !schema.contains_key("items") {
                    self.as_json(pointer, "an array schema must have `items`");
                    return None;
                }
                let item_context = format!("{context}Item");
                let item = self.schema_type(&format!("{pointer}/items"), &item_context);
                Some(Type::List(Box::new(
                    self.nullable(&format!("{pointer}/items"), item),
                )))
            }
            Some("object") | None if schema.contains_key("properties") => {
                Some(self.struct_type(pointer, docs, context, reserved))
            }
            Some("object") | None => self.free_form(pointer, schema, context),
            Some(other) => {
                self.as_json(
                    format!("{pointer}/type"),
                    format!("unknown schema type `{other}`"),
                );
                None
            }
        }
    }

    /// `prefixItems`: a tuple when no items may follow them (`items: false`, or `maxItems`
    /// says so); otherwise a list of any JSON, since the items after them have another type.
    fn tuple(&mut self, pointer: &str, schema: &Map<String, Value>, context: &str) -> Option<Type> {
        let at = format!("{pointer}/prefixItems");
        let Some(members) = schema.get("prefixItems").and_then(Value::as_array) else {
            self.as_json(at, "`prefixItems` must be a list of schemas");
            return None;
        };
        let closed = matches!(schema.get("items"), Some(Value::Bool(false)))
            || schema.get("maxItems").and_then(Value::as_u64) == Some(members.len() as u64);
        if !closed {
            self.cx.warn(
                WarningKind::Simplified,
                at,
                "items after the `prefixItems` may follow them: generated as a list of `serde_json::Value`",
            );
            return Some(Type::List(Box::new(Type::Json)));
        }
        let items = (0..members.len())
            .map(|i| {
                let item_at = format!("{at}/{i}");
                let item = self.schema_type(&item_at, &format!("{context}Item{}", i + 1));
                self.nullable(&item_at, text_dates(item))
            })
            .collect();
        Some(Type::Tuple(items))
    }

    /// A list item or map value that says `nullable: true` may be `null`: an `Option`.
    fn nullable(&self, pointer: &str, ty: Type) -> Type {
        match self
            .cx
            .keyword(pointer, "nullable")
            .and_then(Value::as_bool)
        {
            Some(true) if ty != Type::Json => Type::Nullable(Box::new(ty)),
            _ => ty,
        }
    }

    /// An object without properties: a map when `additionalProperties` is a schema, else any JSON.
    fn free_form(
        &mut self,
        pointer: &str,
        schema: &Map<String, Value>,
        context: &str,
    ) -> Option<Type> {
        match schema.get("additionalProperties") {
            Some(Value::Object(values)) if !values.is_empty() => {
                let at = format!("{pointer}/additionalProperties");
                let value = self.schema_type(&at, &format!("{context}Value"));
                Some(Type::Map(Box::new(self.nullable(&at, value))))
            }
            _ => Some(Type::Json),
        }
    }

    /// Whether a schema becomes a struct or an enum of its own (rather than an alias of
    /// another): objects, enums, and `oneOf`s other than a choice of plain strings.
    fn makes_type(&self, pointer: &str, schema: &Map<String, Value>) -> bool {
        // Several members that give the shape are merged into a struct, or read as JSON.
        // So is a subtype: one member, a discriminated schema.
        let merges = schema
            .get("allOf")
            .and_then(Value::as_array)
            .is_some_and(|members| match shaping_members(members).as_slice() {
                [only] => self.cx.is_discriminated(&members[*only]),
                shaping => shaping.len() > 1,
            });
        let choice = |keyword: &str| {
            schema
                .get(keyword)
                .and_then(Value::as_array)
                .is_some_and(|members| {
                    let typed = members
                        .iter()
                        .filter(|m| m.get("type").and_then(Value::as_str) != Some("null"))
                        .count();
                    typed > 1
                        && !(0..members.len())
                            .all(|i| self.is_plain_string(&format!("{pointer}/{keyword}/{i}")))
                })
        };
        // Enums of strings; those of numbers or booleans are the plain type.
        let string_enum = schema.get("enum").is_some_and(|values| {
            matches!(
                schema.get("type").and_then(Value::as_str),
                None | Some("string")
            ) && string_values(values).is_some_and(|values| !values.is_empty())
        });
        merges
            || chooses(schema, "oneOf") && choice("oneOf")
            || chooses(schema, "anyOf") && choice("anyOf")
            || is_extensible_enum(schema)
            || string_enum
            || schema.contains_key("properties")
    }

    /// The finished arena and the context, once every operation has been read; each component
    /// schema that no operation reached is named in a warning.
    pub fn finish(mut self) -> (Vec<TypeDef>, Context<'a>) {
        self.report_unused_components();
        (self.types, self.cx)
    }

    fn report_unused_components(&mut self) {
        let unused: Vec<String> = self
            .component_names
            .keys()
            .filter(|key| !self.resolved.contains_key(*key) && !self.merged.contains(*key))
            .cloned()
            .collect();
        for key in unused {
            self.cx.warn(
                WarningKind::Unused,
                format!("#/components/schemas/{}", escape(&key)),
                "not generated: no operation uses this schema",
            );
        }
    }
}

/// The type with every date-time and every encoded value as its wire text (RFC 3339 as the
/// service sends it, base64, a unix time), where serde cannot apply a format.
pub(super) fn text_dates(ty: Type) -> Type {
    match ty {
        Type::DateTime => Type::String,
        Type::Encoded(wire) => wire.text(),
        Type::List(item) => Type::List(Box::new(text_dates(*item))),
        Type::Tuple(items) => Type::Tuple(items.into_iter().map(text_dates).collect()),
        Type::Map(value) => Type::Map(Box::new(text_dates(*value))),
        Type::Nullable(inner) => Type::Nullable(Box::new(text_dates(*inner))),
        other => other,
    }
}

/// Whether a schema's `oneOf` or `anyOf` (`keyword`) chooses between shapes. Members that only
/// constrain (`required`, `not`: which properties must be present, as protobuf's `oneof` is
/// written) choose nothing: the schema is read without them, and the client does not check them.
fn chooses(schema: &Map<String, Value>, keyword: &str) -> bool {
    match schema.get(keyword) {
        Some(Value::Array(members)) => !members
            .iter()
            .all(|m| m.as_object().is_some_and(only_constrains)),
        Some(_) => true,
        None => false,
    }
}

/// Whether a schema says nothing of a value's shape but what `not` or `required` rule out.
fn only_constrains(schema: &Map<String, Value>) -> bool {
    SHAPE_KEYWORDS
        .iter()
        .all(|k| *k == "not" || !schema.contains_key(*k))
}

/// A schema's description as rustdoc lines.
fn description_lines(schema: &Map<String, Value>) -> Vec<String> {
    lines(schema.get("description").and_then(Value::as_str))
}
