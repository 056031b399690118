//! Swagger 2.0, converted into the OpenAPI 3.0 document model.
//!
//! The conversion is structural and keeps everything it does not rewrite, the `x-ms-*`
//! extensions included, where OpenAPI 3.0 has them: `ir` reads those, whatever the dialect.
//! Every part that moves is recorded in [`Moves`], so that a problem found later is located in
//! the user's Swagger file. A part of the wrong shape is copied as it is, for the OpenAPI 3.0
//! reader to leave out with its warning.

use super::origins::Moves;
use crate::pointer::{escape, unescape};
use crate::{Warning, WarningKind};
use serde_json::{Map, Value, json};

const METHODS: &[&str] = &["get", "put", "post", "delete", "options", "head", "patch"];

/// The keys of a non-body parameter (or a header) that stay on it; the rest describe its value,
/// and move into its `schema`. The extensions, but `x-ms-enum`, are the parameter's.
const PARAMETER_KEYS: &[&str] = &["name", "in", "description", "required", "allowEmptyValue"];

/// `swagger` (a Swagger 2.0 document) as an OpenAPI 3.0 document.
pub(super) fn convert(swagger: &Map<String, Value>) -> (Value, Moves, Vec<Warning>) {
    let mut converter = Converter {
        root: swagger,
        moves: Moves::default(),
        warnings: Vec::new(),
    };
    let value = converter.document();
    (value, converter.moves, converter.warnings)
}

struct Converter<'a> {
    root: &'a Map<String, Value>,
    moves: Moves,
    warnings: Vec<Warning>,
}

/// The media types an operation sends and accepts.
struct MediaTypes {
    consumes: Vec<String>,
    produces: Vec<String>,
}

impl<'a> Converter<'a> {
    fn document(&mut self) -> Value {
        let mut out = Map::new();
        out.insert("openapi".into(), json!("3.0.3"));
        for (key, value) in self.root {
            match key.as_str() {
                "swagger"
                | "host"
                | "basePath"
                | "schemes"
                | "consumes"
                | "produces"
                | "definitions"
                | "parameters"
                | "responses"
                | "securityDefinitions"
                | "paths"
                | "x-ms-paths"
                | "x-ms-parameterized-host" => {}
                _ => {
                    out.insert(key.clone(), value.clone());
                }
            }
        }
        if let Some(server) = self.server() {
            out.insert("servers".into(), json!([server]));
        }
        out.insert("paths".into(), self.paths());
        let components = self.components();
        if !components.is_empty() {
            out.insert("components".into(), Value::Object(components));
        }
        Value::Object(out)
    }

    /// The server: `x-ms-parameterized-host`'s template, else `host`, then `basePath`.
    fn server(&mut self) -> Option<Value> {
        let root: &'a Map<String, Value> = self.root;
        let base_path = root.get("basePath").and_then(Value::as_str).unwrap_or("");
        let base_path = base_path.trim_end_matches('/');
        let scheme = self.scheme();
        if let Some(Value::Object(host)) = root.get("x-ms-parameterized-host") {
            let template = host.get("hostTemplate").and_then(Value::as_str)?;
            let prefix = match host.get("useSchemePrefix").and_then(Value::as_bool) {
                Some(false) => String::new(),
                _ => format!("{scheme}://"),
            };
            let mut variables = Map::new();
            let parameters = host.get("parameters").and_then(Value::as_array);
            for (index, parameter) in parameters.into_iter().flatten().enumerate() {
                let parameter = self.follow(parameter);
                let Some(name) = parameter.get("name").and_then(Value::as_str) else {
                    continue;
                };
                let mut variable = Map::new();
                let default = parameter.get("default").cloned().unwrap_or(json!(""));
                variable.insert("default".into(), default);
                if let Some(values) = parameter.get("enum") {
                    variable.insert("enum".into(), values.clone());
                }
                if let Some(description) = parameter.get("description") {
                    variable.insert("description".into(), description.clone());
                }
                self.moves.record(
                    format!("#/servers/0/variables/{}", escape(name)),
                    format!("#/x-ms-parameterized-host/parameters/{index}"),
                );
                variables.insert(name.to_string(), Value::Object(variable));
            }
            self.moves
                .record("#/servers/0", "#/x-ms-parameterized-host");
            self.moves
                .record("#/servers/0/url", "#/x-ms-parameterized-host/hostTemplate");
            return Some(
                json!({"url": format!("{prefix}{template}{base_path}"), "variables": variables}),
            );
        }
        if let Some(host) = root.get("host").and_then(Value::as_str) {
            self.moves.record("#/servers/0", "#/host");
            return Some(json!({"url": format!("{scheme}://{host}{base_path}")}));
        }
        (!base_path.is_empty()).then(|| {
            self.moves.record("#/servers/0", "#/basePath");
            json!({"url": base_path})
        })
    }

    /// The scheme of the server URL: `https` when the document allows it.
    fn scheme(&self) -> &'a str {
        let schemes: Vec<&str> = self
            .root
            .get("schemes")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        match schemes.first() {
            Some(first) if !schemes.contains(&"https") => first,
            _ => "https",
        }
    }

    /// `paths`, with `x-ms-paths` beside them: their keys may carry a query (`/q?comp=acl`),
    /// which `ir` reads as constant query parameters.
    fn paths(&mut self) -> Value {
        let mut out = Map::new();
        for (key, at) in [("paths", "#/paths"), ("x-ms-paths", "#/x-ms-paths")] {
            let Some(paths) = self.root.get(key) else {
                continue;
            };
            let Value::Object(paths) = paths else {
                // The 3.0 reader refuses `paths` of the wrong shape, located where it is.
                if key == "paths" {
                    return paths.clone();
                }
                continue;
            };
            for (path, item) in paths {
                let here = format!("#/paths/{}", escape(path));
                self.moves.record(&here, format!("{at}/{}", escape(path)));
                out.insert(path.clone(), self.path_item(item, &here));
            }
        }
        Value::Object(out)
    }

    fn path_item(&mut self, item: &Value, here: &str) -> Value {
        let Value::Object(item) = item else {
            return item.clone();
        };
        let mut out = Map::new();
        let shared = item.get("parameters").and_then(Value::as_array);
        // Body and form parameters of the path item belong to each of its operations.
        let (parameters, shared_bodies) = self.parameters(
            shared.map(Vec::as_slice).unwrap_or(&[]),
            &format!("{here}/parameters"),
        );
        for (key, value) in item {
            match key.as_str() {
                "parameters" if shared.is_some() => {
                    if !parameters.is_empty() {
                        out.insert(key.clone(), Value::Array(parameters.clone()));
                    }
                }
                method if METHODS.contains(&method) => {
                    let at = format!("{here}/{method}");
                    out.insert(key.clone(), self.operation(value, &at, &shared_bodies));
                }
                _ => {
                    out.insert(key.clone(), value.clone());
                }
            }
        }
        Value::Object(out)
    }

    fn operation(&mut self, operation: &Value, here: &str, shared_bodies: &[Body]) -> Value {
        let Value::Object(operation) = operation else {
            return operation.clone();
        };
        let media = MediaTypes {
            consumes: self.media_types(operation, "consumes"),
            produces: self.media_types(operation, "produces"),
        };
        let mut out = Map::new();
        let own = operation.get("parameters").and_then(Value::as_array);
        let (parameters, mut bodies) = self.parameters(
            own.map(Vec::as_slice).unwrap_or(&[]),
            &format!("{here}/parameters"),
        );
        if bodies.is_empty() {
            bodies = shared_bodies.to_vec();
        }
        for (key, value) in operation {
            match key.as_str() {
                "consumes" | "produces" | "schemes" => {}
                "parameters" => {
                    if !parameters.is_empty() {
                        out.insert(key.clone(), Value::Array(parameters.clone()));
                    }
                }
                "responses" => {
                    let at = format!("{here}/responses");
                    out.insert(key.clone(), self.responses(value, &at, &media));
                }
                _ => {
                    out.insert(key.clone(), value.clone());
                }
            }
        }
        if let Some(body) = self.request_body(&bodies, &media, here) {
            out.insert("requestBody".into(), body);
        }
        Value::Object(out)
    }

    /// The operation's media types, else the document's; JSON when neither says.
    fn media_types(&self, operation: &Map<String, Value>, key: &str) -> Vec<String> {
        let listed = |value: Option<&Value>| -> Option<Vec<String>> {
            let list: Vec<String> = value?
                .as_array()?
                .iter()
                .filter_map(|m| m.as_str().map(str::to_string))
                .collect();
            (!list.is_empty()).then_some(list)
        };
        listed(operation.get(key))
            .or_else(|| listed(self.root.get(key)))
            .unwrap_or_else(|| vec!["application/json".to_string()])
    }

    /// Non-body parameters as OpenAPI 3.0 parameters, and the body and form parameters apart.
    fn parameters(&mut self, parameters: &[Value], here: &str) -> (Vec<Value>, Vec<Body>) {
        let mut out = Vec::new();
        let mut bodies = Vec::new();
        for (index, parameter) in parameters.iter().enumerate() {
            let origin = format!("{here}/{index}");
            let written = match parameter.get("$ref").and_then(Value::as_str) {
                Some(reference) => reference.to_string(),
                None => origin.clone(),
            };
            let resolved = self.follow(parameter);
            match resolved.get("in").and_then(Value::as_str) {
                Some(place @ ("body" | "formData")) => bodies.push(Body {
                    form: place == "formData",
                    parameter: resolved.clone(),
                    origin: written,
                }),
                _ => {
                    let at = format!("{here}/{}", out.len());
                    self.moves.record(&at, &origin);
                    out.push(match parameter.get("$ref") {
                        Some(_) => self.rewrite_refs(parameter),
                        None => self.parameter(parameter, &at, &origin),
                    });
                }
            }
        }
        (out, bodies)
    }

    /// A query, header or path parameter: its value's keywords move into a `schema`, and its
    /// `collectionFormat` becomes a style.
    fn parameter(&mut self, parameter: &Value, here: &str, origin: &str) -> Value {
        let Value::Object(parameter) = parameter else {
            return parameter.clone();
        };
        let (mut out, schema) = self.split_schema(parameter);
        self.moves.record(format!("{here}/schema"), origin);
        let is_array = schema.get("type").and_then(Value::as_str) == Some("array");
        let format = parameter.get("collectionFormat").and_then(Value::as_str);
        if is_array {
            let place = parameter.get("in").and_then(Value::as_str);
            let (style, explode) = match (format.unwrap_or("csv"), place) {
                ("multi", _) => ("form", true),
                ("ssv", _) => ("spaceDelimited", false),
                ("pipes", _) => ("pipeDelimited", false),
                (other, place) => {
                    if other != "csv" {
                        self.warnings.push(Warning {
                            kind: WarningKind::Parameter,
                            pointer: format!("{origin}/collectionFormat"),
                            message: format!(
                                "collectionFormat `{other}` has no OpenAPI 3.0 style: sent comma-separated, as `csv`"
                            ),
                        });
                    }
                    match place {
                        Some("query") => ("form", false),
                        _ => ("simple", false),
                    }
                }
            };
            out.insert("style".into(), json!(style));
            out.insert("explode".into(), json!(explode));
        }
        out.insert("schema".into(), schema);
        Value::Object(out)
    }

    /// A parameter or header split into its own keys and the `schema` of its value.
    fn split_schema(&self, parameter: &Map<String, Value>) -> (Map<String, Value>, Value) {
        let mut out = Map::new();
        let mut schema = Map::new();
        for (key, value) in parameter {
            let own = PARAMETER_KEYS.contains(&key.as_str())
                || (key.starts_with("x-") && key != "x-ms-enum");
            if own {
                out.insert(key.clone(), value.clone());
            } else if key != "collectionFormat" {
                schema.insert(key.clone(), value.clone());
            }
        }
        (out, self.schema(&Value::Object(schema)))
    }

    /// The request body of an operation's body parameter, or of its form parameters.
    fn request_body(&mut self, bodies: &[Body], media: &MediaTypes, here: &str) -> Option<Value> {
        let first = bodies.first()?;
        let at = format!("{here}/requestBody");
        self.moves.record(&at, &first.origin);
        let mut body = Map::new();
        let mut content = Map::new();
        if first.form {
            let multipart = media.consumes.iter().any(|m| m == "multipart/form-data");
            let media_type = match multipart {
                true => "multipart/form-data",
                false => "application/x-www-form-urlencoded",
            };
            let mut properties = Map::new();
            let mut required = Vec::new();
            for part in bodies.iter().filter(|b| b.form) {
                let Some(name) = part.parameter.get("name").and_then(Value::as_str) else {
                    continue;
                };
                let Value::Object(parameter) = &part.parameter else {
                    continue;
                };
                let property = format!(
                    "{at}/content/{}/schema/properties/{}",
                    escape(media_type),
                    escape(name)
                );
                let (own, mut schema) = self.split_schema(parameter);
                if let (Some(description), Value::Object(schema)) =
                    (own.get("description"), &mut schema)
                {
                    schema.insert("description".into(), description.clone());
                }
                if own.get("required") == Some(&json!(true)) {
                    required.push(json!(name));
                }
                self.moves.record(&property, &part.origin);
                properties.insert(name.to_string(), schema);
            }
            let mut schema = json!({"type": "object", "properties": properties});
            if !required.is_empty() {
                schema["required"] = Value::Array(required);
                body.insert("required".into(), json!(true));
            }
            content.insert(media_type.to_string(), json!({"schema": schema}));
        } else {
            let parameter = first.parameter.as_object()?;
            for (key, value) in parameter {
                match key.as_str() {
                    "description" | "required" => {
                        body.insert(key.clone(), value.clone());
                    }
                    key if key.starts_with("x-") => {
                        body.insert(key.to_string(), value.clone());
                    }
                    _ => {}
                }
            }
            let schema = self.schema(parameter.get("schema").unwrap_or(&json!({})));
            for media_type in &media.consumes {
                self.moves.record(
                    format!("{at}/content/{}/schema", escape(media_type)),
                    format!("{}/schema", first.origin),
                );
                content.insert(media_type.clone(), json!({"schema": schema}));
            }
        }
        body.insert("content".into(), Value::Object(content));
        Some(Value::Object(body))
    }

    fn responses(&mut self, responses: &Value, here: &str, media: &MediaTypes) -> Value {
        let Value::Object(responses) = responses else {
            return responses.clone();
        };
        let mut out = Map::new();
        for (status, response) in responses {
            let at = format!("{here}/{}", escape(status));
            out.insert(
                status.clone(),
                self.response(response, &at, &media.produces),
            );
        }
        Value::Object(out)
    }

    /// A response: its schema under each media type the operation produces, its headers with
    /// schemas.
    fn response(&mut self, response: &Value, here: &str, produces: &[String]) -> Value {
        if response.get("$ref").is_some() {
            return self.rewrite_refs(response);
        }
        let Value::Object(response) = response else {
            return response.clone();
        };
        let mut out = Map::new();
        out.insert("description".into(), json!(""));
        for (key, value) in response {
            match key.as_str() {
                "schema" => {
                    let schema = self.schema(value);
                    let content: Map<String, Value> = fitting(produces, &schema)
                        .into_iter()
                        .map(|media_type| {
                            let at = format!("{here}/content/{}/schema", escape(media_type));
                            self.moves.record(at, format!("{here}/schema"));
                            (media_type.clone(), json!({"schema": schema}))
                        })
                        .collect();
                    out.insert("content".into(), Value::Object(content));
                }
                "headers" => {
                    let Value::Object(headers) = value else {
                        out.insert(key.clone(), value.clone());
                        continue;
                    };
                    let mut converted = Map::new();
                    for (name, header) in headers {
                        let at = format!("{here}/headers/{}", escape(name));
                        let header = match header {
                            Value::Object(header) => {
                                let (mut own, schema) = self.split_schema(header);
                                self.moves.record(format!("{at}/schema"), &at);
                                own.insert("schema".into(), schema);
                                Value::Object(own)
                            }
                            other => other.clone(),
                        };
                        converted.insert(name.clone(), header);
                    }
                    out.insert(key.clone(), Value::Object(converted));
                }
                "examples" => {}
                _ => {
                    out.insert(key.clone(), value.clone());
                }
            }
        }
        Value::Object(out)
    }

    /// `definitions`, `parameters`, `responses` and `securityDefinitions` as components.
    fn components(&mut self) -> Map<String, Value> {
        let mut components = Map::new();
        if let Some(definitions) = self.root.get("definitions") {
            let schemas = match definitions {
                Value::Object(definitions) => Value::Object(
                    definitions
                        .iter()
                        .map(|(name, schema)| (name.clone(), self.definition(name, schema)))
                        .collect(),
                ),
                other => other.clone(),
            };
            self.moves.record("#/components/schemas", "#/definitions");
            components.insert("schemas".into(), schemas);
        }
        if let Some(Value::Object(parameters)) = self.root.get("parameters") {
            let mut out = Map::new();
            for (name, parameter) in parameters {
                // Body and form parameters are inlined where they are used.
                if matches!(
                    parameter.get("in").and_then(Value::as_str),
                    Some("body" | "formData")
                ) {
                    continue;
                }
                let at = format!("#/components/parameters/{}", escape(name));
                let origin = format!("#/parameters/{}", escape(name));
                self.moves.record(&at, &origin);
                out.insert(name.clone(), self.parameter(parameter, &at, &origin));
            }
            components.insert("parameters".into(), Value::Object(out));
        }
        if let Some(Value::Object(responses)) = self.root.get("responses") {
            let produces = self.media_types(&Map::new(), "produces");
            let mut out = Map::new();
            for (name, response) in responses {
                let at = format!("#/components/responses/{}", escape(name));
                self.moves
                    .record(&at, format!("#/responses/{}", escape(name)));
                out.insert(name.clone(), self.response(response, &at, &produces));
            }
            components.insert("responses".into(), Value::Object(out));
        }
        if let Some(Value::Object(schemes)) = self.root.get("securityDefinitions") {
            self.moves
                .record("#/components/securitySchemes", "#/securityDefinitions");
            let schemes = schemes
                .iter()
                .map(|(name, scheme)| (name.clone(), security_scheme(scheme)))
                .collect();
            components.insert("securitySchemes".into(), Value::Object(schemes));
        }
        components
    }

    /// A definition as a component schema. A subtype (an `allOf` of a definition with a
    /// `discriminator`) states its value of the tag as OpenAPI 3.0 does, as a property of one
    /// value: its `x-ms-discriminator-value`, else its name (Swagger's rule).
    fn definition(&self, name: &str, schema: &Value) -> Value {
        let mut out = self.schema(schema);
        let members = schema.get("allOf").and_then(Value::as_array);
        let base = members.into_iter().flatten().find_map(|member| {
            let reference = member
                .get("$ref")?
                .as_str()?
                .strip_prefix("#/definitions/")?;
            let base = self.root.get("definitions")?.get(unescape(reference))?;
            Some((base, base.get("discriminator")?.as_str()?))
        });
        let (Some((base, tag)), Value::Object(object)) = (base, &mut out) else {
            return out;
        };
        let value = schema
            .get("x-ms-discriminator-value")
            .and_then(Value::as_str)
            .unwrap_or(name);
        let properties = object.entry("properties").or_insert_with(|| json!({}));
        if let Value::Object(properties) = properties
            && !properties.contains_key(tag)
        {
            let mut property = json!({"type": "string", "enum": [value]});
            if let Some(description) =
                base.pointer(&format!("/properties/{}/description", escape(tag)))
            {
                property["description"] = description.clone();
            }
            properties.insert(tag.to_string(), property);
        }
        let base_requires = base
            .get("required")
            .and_then(Value::as_array)
            .is_some_and(|required| required.iter().any(|r| r == tag));
        if base_requires
            && let Value::Array(required) = object.entry("required").or_insert_with(|| json!([]))
            && !required.iter().any(|r| r == tag)
        {
            required.push(json!(tag));
        }
        out
    }

    /// A schema in OpenAPI 3.0's terms: `x-nullable` is `nullable`, a `discriminator` is an
    /// object, `type: file` is binary, and references point into the components.
    fn schema(&self, schema: &Value) -> Value {
        let Value::Object(schema) = schema else {
            return schema.clone();
        };
        let mut out = Map::new();
        for (key, value) in schema {
            let converted = match key.as_str() {
                "$ref" => value
                    .as_str()
                    .map_or_else(|| value.clone(), |r| json!(components_ref(r))),
                "x-nullable" => {
                    out.insert("nullable".into(), value.clone());
                    continue;
                }
                "discriminator" => match value {
                    Value::String(property) => json!({"propertyName": property}),
                    other => other.clone(),
                },
                "type" if value == "file" => {
                    out.insert("format".into(), json!("binary"));
                    json!("string")
                }
                "properties" => match value {
                    Value::Object(properties) => Value::Object(
                        properties
                            .iter()
                            .map(|(name, property)| (name.clone(), self.schema(property)))
                            .collect(),
                    ),
                    other => other.clone(),
                },
                "items" | "additionalProperties" | "not" => self.schema(value),
                "allOf" | "anyOf" | "oneOf" => match value {
                    Value::Array(members) => {
                        Value::Array(members.iter().map(|m| self.schema(m)).collect())
                    }
                    other => other.clone(),
                },
                _ => value.clone(),
            };
            out.insert(key.clone(), converted);
        }
        Value::Object(out)
    }

    /// A part that is a reference to a document-level parameter or response, with the
    /// reference pointing at the components.
    fn rewrite_refs(&self, part: &Value) -> Value {
        let mut out = part.clone();
        if let Some(Value::String(reference)) = out.get_mut("$ref") {
            *reference = components_ref(reference);
        }
        out
    }

    /// The parameter a `$ref` names, or the value itself.
    fn follow<'v>(&self, value: &'v Value) -> &'v Value
    where
        'a: 'v,
    {
        let root: &'a Map<String, Value> = self.root;
        let target = value
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|reference| reference.strip_prefix("#/parameters/"))
            .and_then(|name| root.get("parameters")?.get(unescape(name)));
        target.unwrap_or(value)
    }
}

/// A body or form parameter, with where it was written.
#[derive(Clone)]
struct Body {
    form: bool,
    parameter: Value,
    origin: String,
}

/// The media types of `produces` that a response of `schema` is sent in. `produces` is the
/// operation's, for all its responses: when it mixes JSON with others (`text/plain` logs whose
/// errors are JSON), a plain string or a file takes the others and anything else JSON.
fn fitting<'p>(produces: &'p [String], schema: &Value) -> Vec<&'p String> {
    let is_json = |media_type: &&String| media_type.contains("json");
    let (json, other): (Vec<&String>, Vec<&String>) = produces.iter().partition(is_json);
    if json.is_empty() || other.is_empty() {
        return produces.iter().collect();
    }
    let text_or_bytes = schema.get("type").and_then(Value::as_str) == Some("string")
        && schema.get("$ref").is_none();
    match text_or_bytes {
        true => other,
        false => json,
    }
}

/// A reference into Swagger's document-level maps, pointing at OpenAPI 3.0's components.
fn components_ref(reference: &str) -> String {
    const MAPS: [(&str, &str); 3] = [
        ("#/definitions/", "#/components/schemas/"),
        ("#/parameters/", "#/components/parameters/"),
        ("#/responses/", "#/components/responses/"),
    ];
    for (swagger, openapi) in MAPS {
        if let Some(name) = reference.strip_prefix(swagger) {
            return format!("{openapi}{name}");
        }
    }
    reference.to_string()
}

/// A `securityDefinitions` entry as an OpenAPI 3.0 security scheme.
fn security_scheme(scheme: &Value) -> Value {
    let text = |key: &str| scheme.get(key).cloned().unwrap_or(json!(""));
    let scopes = scheme.get("scopes").cloned().unwrap_or(json!({}));
    let mut out = match scheme.get("type").and_then(Value::as_str) {
        Some("basic") => json!({"type": "http", "scheme": "basic"}),
        Some("apiKey") => json!({"type": "apiKey", "name": text("name"), "in": text("in")}),
        Some("oauth2") => {
            let flow = match scheme.get("flow").and_then(Value::as_str) {
                Some("implicit") => {
                    json!({"implicit": {"authorizationUrl": text("authorizationUrl"), "scopes": scopes}})
                }
                Some("password") => {
                    json!({"password": {"tokenUrl": text("tokenUrl"), "scopes": scopes}})
                }
                Some("application") => {
                    json!({"clientCredentials": {"tokenUrl": text("tokenUrl"), "scopes": scopes}})
                }
                _ => json!({"authorizationCode": {
                    "authorizationUrl": text("authorizationUrl"),
                    "tokenUrl": text("tokenUrl"),
                    "scopes": scopes,
                }}),
            };
            json!({"type": "oauth2", "flows": flow})
        }
        // The 3.0 reader leaves out a scheme it cannot read, with its warning.
        _ => return scheme.clone(),
    };
    if let Some(description) = scheme.get("description") {
        out["description"] = description.clone();
    }
    out
}
