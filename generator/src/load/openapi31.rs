//! OpenAPI 3.1 (and 3.2, whose new parts [`super::openapi32`] reads first): converted in place
//! into the OpenAPI 3.0 model that the rest of the pipeline reads.
//!
//! 3.1's schemas are JSON Schema 2020-12. Where OpenAPI 3.0 has words for the same meaning, a
//! schema is rewritten into them where it stands (`type: [string, "null"]` is `type: string`
//! with `nullable: true`, `const: x` is `enum: [x]`), so what later stages find is located
//! where the user wrote it; a keyword moved into a new place is recorded in the moves. What 3.0
//! cannot say but `ir` reads is left as written (`prefixItems`, `$defs`, `webhooks`), and what
//! neither models gets a warning here. Schemas are rewritten outermost first, so a part is
//! always visited where it ends up, and each move records the user's own place.

use super::origins::Moves;
use crate::pointer::{escape, resolve};
use crate::{Warning, WarningKind};
use serde_json::{Map, Value, json};

/// The schema dialect of OpenAPI 3.1 documents, unless `jsonSchemaDialect` names another.
const OAS_DIALECT: &str = "https://spec.openapis.org/oas/3.1/dialect/base";

/// Dialects whose schemas read as the OAS dialect's: it is JSON Schema 2020-12 with OpenAPI's
/// vocabulary (`discriminator`, `xml`, `externalDocs`, `example`) added.
const READ_AS_OAS: &[&str] = &[OAS_DIALECT, "https://json-schema.org/draft/2020-12/schema"];

/// The keywords that say what shape a value has, beside which a `$ref` means `allOf`. `type`
/// alone beside a reference only repeats the target's, and is left where it is.
const SHAPING: &[&str] = &[
    "properties",
    "additionalProperties",
    "patternProperties",
    "items",
    "prefixItems",
    "allOf",
    "oneOf",
    "anyOf",
    "enum",
    "const",
    "not",
];

/// Which keywords apply to a value of each type, for splitting `type: [string, integer]`
/// into one `oneOf` member per type. Keywords of no one type (descriptions, `default`) stay.
const TYPE_KEYWORDS: &[(&str, &[&str])] = &[
    (
        "string",
        &[
            "format",
            "minLength",
            "maxLength",
            "pattern",
            "contentEncoding",
            "contentMediaType",
        ],
    ),
    (
        "number",
        &[
            "format",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
        ],
    ),
    (
        "integer",
        &[
            "format",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
        ],
    ),
    (
        "array",
        &[
            "items",
            "prefixItems",
            "minItems",
            "maxItems",
            "uniqueItems",
            "contains",
        ],
    ),
    (
        "object",
        &[
            "properties",
            "required",
            "additionalProperties",
            "patternProperties",
            "unevaluatedProperties",
            "propertyNames",
            "minProperties",
            "maxProperties",
            "dependentRequired",
        ],
    ),
];

/// Converts `document` in place (reading 3.2's additions first when `openapi_3_2`); the moves
/// say where each part that moved was written, and the warnings are located in the document
/// as given.
pub(super) fn convert(document: &mut Value, openapi_3_2: bool) -> (Moves, Vec<Warning>) {
    let mut converter = Converter::default();
    if openapi_3_2 {
        converter.warnings = super::openapi32::read(document, &mut converter.moves);
    }
    let Value::Object(root) = document else {
        return (converter.moves, converter.warnings);
    };
    if let Some(dialect) = root.get("jsonSchemaDialect")
        && !dialect.as_str().is_some_and(|d| READ_AS_OAS.contains(&d))
    {
        converter.warn(
            WarningKind::Simplified,
            "#/jsonSchemaDialect".to_string(),
            format!("schemas in the dialect {dialect} are read as OpenAPI's own dialect"),
        );
    }
    // 3.1 lets a document have only webhooks or components.
    root.entry("paths").or_insert_with(|| json!({}));
    for section in ["paths", "webhooks"] {
        let Some(Value::Object(items)) = document.get(section) else {
            continue;
        };
        let names: Vec<String> = items.keys().cloned().collect();
        for name in names {
            let at = format!("#/{section}/{}", escape(&name));
            inline_reference(document, &at, &mut converter.moves);
        }
    }
    converter.walk(document, "#");
    (converter.moves, converter.warnings)
}

/// Replaces the Reference Object at `at` (a path item or, in 3.2, a media type: kinds of
/// component that OpenAPI 3.0 lacks) with what it references, with its own fields (a
/// `summary`, a `description`) over the target's. One that points nowhere is left for later
/// stages to report.
pub(super) fn inline_reference(document: &mut Value, at: &str, moves: &mut Moves) {
    // A chain of references is short; the bound stops a loop.
    for _ in 0..8 {
        let Some(Value::Object(here)) = resolve(document, at) else {
            return;
        };
        let Some(reference) = here.get("$ref").and_then(Value::as_str) else {
            return;
        };
        let Some(Value::Object(target)) = resolve(document, reference) else {
            return;
        };
        let mut inlined = target.clone();
        for (key, value) in here {
            if key != "$ref" {
                inlined.insert(key.clone(), value.clone());
            }
        }
        moves.record(at, moves.locate(reference));
        if let Some(slot) = document.pointer_mut(&at[1..]) {
            *slot = Value::Object(inlined);
        }
    }
}

#[derive(Default)]
struct Converter {
    moves: Moves,
    warnings: Vec<Warning>,
}

impl Converter {
    /// A warning at `pointer` as the document is now, located where the user wrote it (the
    /// moves of the parts around it are recorded already, outermost first).
    fn warn(&mut self, kind: WarningKind, pointer: String, message: String) {
        self.warnings.push(Warning {
            kind,
            pointer: self.moves.locate(&pointer),
            message,
        });
    }

    /// Finds the schemas of the document: under each `schema` key (of a parameter, header or
    /// media type) and in `components.schemas`. Examples and extensions hold no schemas.
    fn walk(&mut self, value: &mut Value, at: &str) {
        match value {
            Value::Object(map) => {
                for (key, child) in map.iter_mut() {
                    let here = format!("{at}/{}", escape(key));
                    match key.as_str() {
                        "schema" => self.schema(child, &here),
                        "schemas" if at == "#/components" => {
                            if let Value::Object(schemas) = child {
                                for (name, schema) in schemas.iter_mut() {
                                    self.schema(schema, &format!("{here}/{}", escape(name)));
                                }
                            }
                        }
                        key if super::describes(key) => self.walk(child, &here),
                        _ => {}
                    }
                }
            }
            Value::Array(items) => {
                for (index, item) in items.iter_mut().enumerate() {
                    self.walk(item, &format!("{at}/{index}"));
                }
            }
            _ => {}
        }
    }

    /// Rewrites the schema at `at` into OpenAPI 3.0's words, then the schemas inside it.
    fn schema(&mut self, value: &mut Value, at: &str) {
        // A boolean schema: `true` allows anything, `false` nothing.
        match value {
            Value::Bool(true) => *value = json!({}),
            Value::Bool(false) => *value = json!({"not": {}}),
            _ => {}
        }
        let Value::Object(schema) = value else {
            return;
        };
        self.dialect(schema, at);
        self.reference_beside_shape(schema, at);
        self.types(schema, at);
        constant(schema);
        exclusive_bounds(schema);
        content_encoding(schema);
        self.other_properties(schema, at);
        self.unmodelled(schema, at);
        if ["oneOf", "anyOf"].iter().any(|keyword| {
            schema
                .get(*keyword)
                .and_then(Value::as_array)
                .is_some_and(|members| members.iter().any(is_null_schema))
        }) {
            schema.entry("nullable").or_insert(Value::Bool(true));
        }
        self.subschemas(schema, at);
    }

    /// The schemas a schema holds, each at its place.
    fn subschemas(&mut self, schema: &mut Map<String, Value>, at: &str) {
        let closed_tuple = schema.contains_key("prefixItems");
        for (key, child) in schema.iter_mut() {
            let here = format!("{at}/{}", escape(key));
            match key.as_str() {
                "properties" | "patternProperties" | "$defs" | "definitions"
                | "dependentSchemas" => {
                    if let Value::Object(members) = child {
                        for (name, member) in members.iter_mut() {
                            self.schema(member, &format!("{here}/{}", escape(name)));
                        }
                    }
                }
                "allOf" | "oneOf" | "anyOf" | "prefixItems" => {
                    if let Value::Array(members) = child {
                        for (index, member) in members.iter_mut().enumerate() {
                            self.schema(member, &format!("{here}/{index}"));
                        }
                    }
                }
                // `additionalProperties: false` means in 3.0 what it says; so does
                // `items: false` beside `prefixItems` (no items after those).
                "additionalProperties" if child.is_boolean() => {}
                "items" if closed_tuple && child.is_boolean() => {}
                "items"
                | "additionalProperties"
                | "not"
                | "if"
                | "then"
                | "else"
                | "contains"
                | "propertyNames"
                | "unevaluatedItems" => self.schema(child, &here),
                _ => {}
            }
        }
    }

    /// `$schema` naming a dialect other than OpenAPI's.
    fn dialect(&mut self, schema: &Map<String, Value>, at: &str) {
        if let Some(dialect) = schema.get("$schema")
            && !dialect.as_str().is_some_and(|d| READ_AS_OAS.contains(&d))
        {
            self.warn(
                WarningKind::Simplified,
                format!("{at}/$schema"),
                format!("a schema in the dialect {dialect} is read as OpenAPI's own dialect"),
            );
        }
    }

    /// 3.1 lets a `$ref` stand beside other keywords, which then apply as well: in 3.0 words,
    /// an `allOf` of the reference and the rest. Keywords that only annotate (a description,
    /// `readOnly`) stay beside the reference, where 3.0 documents write them too.
    fn reference_beside_shape(&mut self, schema: &mut Map<String, Value>, at: &str) {
        if !schema.contains_key("$ref") || !SHAPING.iter().any(|k| schema.contains_key(*k)) {
            return;
        }
        let mut shape = Map::new();
        for keyword in SHAPING.iter().chain(&["type", "required"]) {
            if let Some(value) = schema.shift_remove(*keyword) {
                shape.insert(keyword.to_string(), value);
            }
        }
        let reference = schema.shift_remove("$ref").unwrap_or(Value::Null);
        schema.insert(
            "allOf".to_string(),
            json!([{ "$ref": reference }, Value::Object(shape)]),
        );
        let origin = self.moves.locate(at);
        self.moves.record(format!("{at}/allOf/0"), origin.clone());
        self.moves.record(format!("{at}/allOf/1"), origin);
    }

    /// `type` as a list: without `"null"` (which is `nullable: true`), one type is that type,
    /// and several are a `oneOf` of one member per type, each with the keywords of its type.
    fn types(&mut self, schema: &mut Map<String, Value>, at: &str) {
        let Some(Value::Array(listed)) = schema.get("type") else {
            return;
        };
        let nullable = listed.iter().any(|t| t == "null");
        let mut typed: Vec<String> = Vec::new();
        for name in listed.iter().filter_map(Value::as_str) {
            if name != "null" && !typed.iter().any(|t| t == name) {
                typed.push(name.to_string());
            }
        }
        if nullable {
            schema.insert("nullable".to_string(), Value::Bool(true));
        }
        match typed.as_slice() {
            [] => {
                schema.insert("type".to_string(), json!("null"));
            }
            [only] => {
                schema.insert("type".to_string(), json!(only));
            }
            // The values listed say which types they are.
            _ if schema.contains_key("enum") || schema.contains_key("const") => {
                schema.shift_remove("type");
            }
            [first, ..] if schema.contains_key("oneOf") || schema.contains_key("anyOf") => {
                self.warn(
                    WarningKind::Simplified,
                    format!("{at}/type"),
                    format!(
                        "several types beside a `oneOf` or `anyOf` are not modelled: read as `{first}`"
                    ),
                );
                schema.insert("type".to_string(), json!(first));
            }
            _ => {
                schema.shift_remove("type");
                let origin = self.moves.locate(at);
                let members: Vec<Value> = typed
                    .iter()
                    .enumerate()
                    .map(|(index, name)| {
                        self.moves
                            .record(format!("{at}/oneOf/{index}"), origin.clone());
                        let mut member = Map::new();
                        member.insert("type".to_string(), json!(name));
                        let keywords = TYPE_KEYWORDS
                            .iter()
                            .find(|(t, _)| t == name)
                            .map_or(&[][..], |(_, k)| k);
                        for keyword in keywords {
                            if let Some(value) = schema.get(*keyword) {
                                member.insert(keyword.to_string(), value.clone());
                            }
                        }
                        Value::Object(member)
                    })
                    .collect();
                for (_, keywords) in TYPE_KEYWORDS {
                    for keyword in *keywords {
                        schema.shift_remove(*keyword);
                    }
                }
                schema.insert("oneOf".to_string(), Value::Array(members));
            }
        }
    }

    /// `patternProperties` and `unevaluatedProperties` say what the properties a schema does
    /// not name are, which 3.0 says with `additionalProperties`. The client does not check keys
    /// against a pattern (nor against `propertyNames`).
    fn other_properties(&mut self, schema: &mut Map<String, Value>, at: &str) {
        if !schema.contains_key("additionalProperties")
            && let Some(unevaluated) = schema.shift_remove("unevaluatedProperties")
        {
            schema.insert("additionalProperties".to_string(), unevaluated);
            let origin = self.moves.locate(&format!("{at}/unevaluatedProperties"));
            self.moves
                .record(format!("{at}/additionalProperties"), origin);
        }
        let Some(Value::Object(patterns)) = schema.get("patternProperties") else {
            return;
        };
        let pointer = format!("{at}/patternProperties");
        match (schema.contains_key("additionalProperties"), patterns.len()) {
            (false, 1) => {
                let (pattern, values) = patterns.iter().next().expect("one pattern");
                let origin = self.moves.locate(&format!("{pointer}/{}", escape(pattern)));
                let values = values.clone();
                schema.shift_remove("patternProperties");
                schema.insert("additionalProperties".to_string(), values);
                self.moves
                    .record(format!("{at}/additionalProperties"), origin);
            }
            (false, _) => {
                schema.shift_remove("patternProperties");
                schema.insert("additionalProperties".to_string(), json!({}));
                self.warn(
                    WarningKind::Simplified,
                    pointer,
                    "the values of several `patternProperties` are read as any JSON".to_string(),
                );
            }
            (true, _) => {
                self.warn(
                    WarningKind::Simplified,
                    pointer,
                    "`patternProperties` beside `additionalProperties` are not modelled: every property the schema does not name is read as `additionalProperties` says".to_string(),
                );
            }
        }
    }

    /// Keywords that change a value's shape in ways no Rust type states: the type is what the
    /// rest of the schema says.
    fn unmodelled(&mut self, schema: &Map<String, Value>, at: &str) {
        for (keyword, what) in [
            ("if", "`if`/`then`/`else`"),
            ("dependentSchemas", "`dependentSchemas`"),
            ("$dynamicRef", "`$dynamicRef`"),
        ] {
            if schema.contains_key(keyword) {
                self.warn(
                    WarningKind::Simplified,
                    format!("{at}/{}", escape(keyword)),
                    format!("{what} is not modelled: the type is what the rest of the schema says"),
                );
            }
        }
    }
}

/// `const: x` is `enum: [x]`; a schema that allows only `null` is `type: "null"`.
fn constant(schema: &mut Map<String, Value>) {
    if !schema.contains_key("enum")
        && let Some(value) = schema.shift_remove("const")
    {
        schema.insert("enum".to_string(), Value::Array(vec![value]));
    }
    if schema.get("enum") == Some(&json!([null])) && !schema.contains_key("type") {
        schema.shift_remove("enum");
        schema.insert("type".to_string(), json!("null"));
    }
}

/// 3.1's `exclusiveMinimum: 5` is 3.0's `minimum: 5, exclusiveMinimum: true` (and so for the
/// maximum), keeping the stricter bound where both are stated.
fn exclusive_bounds(schema: &mut Map<String, Value>) {
    for (bound, exclusive, stricter) in [
        (
            "minimum",
            "exclusiveMinimum",
            f64::ge as fn(&f64, &f64) -> bool,
        ),
        ("maximum", "exclusiveMaximum", f64::le),
    ] {
        let Some(limit) = schema.get(exclusive).and_then(Value::as_f64) else {
            continue;
        };
        let replaces = schema
            .get(bound)
            .and_then(Value::as_f64)
            .is_none_or(|inclusive| stricter(&limit, &inclusive));
        if replaces {
            let limit = schema.shift_remove(exclusive).expect("stated");
            schema.insert(bound.to_string(), limit);
            schema.insert(exclusive.to_string(), Value::Bool(true));
        } else {
            schema.shift_remove(exclusive);
        }
    }
}

/// A string of encoded bytes: `contentEncoding: base64` is 3.0's `format: byte`, and a string
/// of a binary media type (`contentMediaType: image/png`, unencoded) is `format: binary`.
fn content_encoding(schema: &mut Map<String, Value>) {
    if schema.contains_key("format") {
        return;
    }
    let format = match (
        schema.get("contentEncoding").and_then(Value::as_str),
        schema.get("contentMediaType").and_then(Value::as_str),
    ) {
        (Some("base64" | "base64url"), _) => "byte",
        (None, Some(media_type)) if !is_textual(media_type) => "binary",
        _ => return,
    };
    schema.insert("format".to_string(), json!(format));
}

/// Whether a media type is text, which a string holds as it is.
fn is_textual(media_type: &str) -> bool {
    let media_type = media_type.to_ascii_lowercase();
    media_type.starts_with("text/")
        || media_type.contains("json")
        || media_type.contains("xml")
        || media_type.starts_with("application/x-www-form-urlencoded")
}

/// Whether a schema allows only `null`, as 3.1 writes it.
fn is_null_schema(schema: &Value) -> bool {
    match schema.get("type") {
        Some(Value::String(name)) => name == "null",
        Some(Value::Array(names)) => !names.is_empty() && names.iter().all(|n| n == "null"),
        _ => {
            schema.get("const") == Some(&Value::Null) || schema.get("enum") == Some(&json!([null]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn converted(schema: Value) -> (Value, Moves, Vec<Warning>) {
        let mut document = json!({"openapi": "3.1.0", "components": {"schemas": {"S": schema}}});
        let (moves, warnings) = convert(&mut document, false);
        (
            document["components"]["schemas"]["S"].clone(),
            moves,
            warnings,
        )
    }

    #[test]
    fn type_lists_are_a_type_and_nullable_or_one_member_per_type() {
        let (schema, _, _) = converted(json!({"type": ["string", "null"], "maxLength": 3}));
        assert_eq!(
            schema,
            json!({"type": "string", "maxLength": 3, "nullable": true})
        );
        let (schema, moves, _) = converted(json!({
            "type": ["integer", "array"], "minimum": 1, "items": {"type": "string"},
            "description": "d"
        }));
        assert_eq!(
            schema,
            json!({"description": "d", "oneOf": [
                {"type": "integer", "minimum": 1},
                {"type": "array", "items": {"type": "string"}},
            ]})
        );
        assert_eq!(
            moves.locate("#/components/schemas/S/oneOf/1/items"),
            "#/components/schemas/S/items"
        );
        assert_eq!(
            converted(json!({"type": ["null"]})).0,
            json!({"type": "null", "nullable": true})
        );
    }

    #[test]
    fn a_reference_beside_a_shape_is_an_all_of_located_where_written() {
        let (schema, moves, _) = converted(json!({
            "$ref": "#/components/schemas/T", "description": "d",
            "properties": {"x": {"type": ["string", "integer"]}}
        }));
        assert_eq!(
            schema["allOf"][0],
            json!({"$ref": "#/components/schemas/T"})
        );
        assert_eq!(schema["description"], "d");
        assert!(schema["allOf"][1]["properties"]["x"]["oneOf"].is_array());
        assert_eq!(
            moves.locate("#/components/schemas/S/allOf/1/properties/x/oneOf/1"),
            "#/components/schemas/S/properties/x"
        );
        // A description beside a reference is how 3.0 documents write it too: left as it is.
        let beside = json!({"$ref": "#/components/schemas/T", "description": "d"});
        assert_eq!(converted(beside.clone()).0, beside);
    }

    #[test]
    fn json_schema_keywords_in_openapi_3_0_words() {
        assert_eq!(converted(json!({"const": "a"})).0, json!({"enum": ["a"]}));
        assert_eq!(converted(json!({"const": null})).0, json!({"type": "null"}));
        assert_eq!(
            converted(json!({"type": "integer", "exclusiveMinimum": 0, "minimum": -5})).0,
            json!({"type": "integer", "minimum": 0, "exclusiveMinimum": true})
        );
        assert_eq!(
            converted(json!({"type": "string", "contentEncoding": "base64"})).0["format"],
            "byte"
        );
        assert_eq!(
            converted(json!({"type": "string", "contentMediaType": "image/png"})).0["format"],
            "binary"
        );
        assert!(
            converted(json!({"type": "string", "contentMediaType": "application/json"}))
                .0
                .get("format")
                .is_none()
        );
        assert_eq!(
            converted(json!({"anyOf": [{"type": "string"}, {"type": "null"}]})).0["nullable"],
            true
        );
        assert_eq!(converted(json!({"items": true})).0, json!({"items": {}}));
    }

    #[test]
    fn other_properties_are_additional_properties() {
        let (schema, moves, warnings) =
            converted(json!({"patternProperties": {"^x-": {"type": "string"}}}));
        assert_eq!(schema, json!({"additionalProperties": {"type": "string"}}));
        assert_eq!(
            moves.locate("#/components/schemas/S/additionalProperties"),
            "#/components/schemas/S/patternProperties/^x-"
        );
        assert!(warnings.is_empty());
        let (schema, _, _) = converted(json!({"unevaluatedProperties": false}));
        assert_eq!(schema, json!({"additionalProperties": false}));
        let (_, _, warnings) = converted(json!({"if": {}, "then": {}}));
        assert_eq!(warnings[0].pointer, "#/components/schemas/S/if");
    }

    #[test]
    fn path_items_by_reference_are_inlined_and_paths_may_be_absent() {
        let mut document = json!({
            "openapi": "3.1.0",
            "webhooks": {"ping": {"$ref": "#/components/pathItems/Ping", "summary": "s"}},
            "components": {"pathItems": {"Ping": {"post": {"responses": {}}}}},
        });
        let (moves, _) = convert(&mut document, false);
        assert_eq!(document["paths"], json!({}));
        assert_eq!(
            document["webhooks"]["ping"],
            json!({"post": {"responses": {}}, "summary": "s"})
        );
        assert_eq!(
            moves.locate("#/webhooks/ping/post"),
            "#/components/pathItems/Ping/post"
        );
    }
}
