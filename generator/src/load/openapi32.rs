//! OpenAPI 3.2: read as 3.1 (it changes nothing 3.1 says), once each construct that 3.2 adds
//! has been read or named in a warning here.
//!
//! Reusable media types (`components.mediaTypes`) are read where they are referenced; every
//! other new construct gets a located warning that says what the client does instead. Those
//! the OpenAPI 3.0 model cannot hold at all (a `querystring` parameter, the `cookie` style)
//! are removed, so that the operation around them is still read.

use super::METHODS;
use super::openapi31::inline_reference;
use super::origins::Moves;
use crate::pointer::escape;
use crate::{Warning, WarningKind};
use serde_json::{Map, Value, json};

/// Reads 3.2's additions in `document`, before it is read as 3.1.
pub(super) fn read(document: &mut Value, moves: &mut Moves) -> Vec<Warning> {
    let mut reader = Reader {
        moves,
        warnings: Vec::new(),
    };
    if document.get("$self").is_some() {
        reader.ignored(
            "#/$self".to_string(),
            "`$self` is not read: references resolve against the place the file was read from",
        );
    }
    reader.tags(document);
    // Media types by reference first, so that what they hold is read below like the rest.
    reader.media_type_references(document);
    let Some(root) = document.as_object_mut() else {
        return reader.warnings;
    };
    for section in ["paths", "webhooks"] {
        if let Some(Value::Object(items)) = root.get_mut(section) {
            for (name, item) in items.iter_mut() {
                reader.path_item(item, &format!("#/{section}/{}", escape(name)));
            }
        }
    }
    reader.servers(root.get("servers"), "#");
    if let Some(Value::Object(components)) = root.get_mut("components") {
        reader.components(components);
    }
    reader.schema_keywords(document);
    reader.warnings
}

struct Reader<'m> {
    moves: &'m mut Moves,
    warnings: Vec<Warning>,
}

impl Reader<'_> {
    /// A warning at `pointer` as the document is now, located where the user wrote it.
    fn warn(&mut self, kind: WarningKind, pointer: String, message: impl Into<String>) {
        self.warnings.push(Warning {
            kind,
            pointer: self.moves.locate(&pointer),
            message: message.into(),
        });
    }

    /// A construct that says nothing a client acts on.
    fn ignored(&mut self, pointer: String, message: impl Into<String>) {
        self.warn(WarningKind::Ignored, pointer, message);
    }

    /// A tag's `summary`, `parent` and `kind` arrange documentation; the client's groups come
    /// from operation ids.
    fn tags(&mut self, document: &Value) {
        let Some(Value::Array(tags)) = document.get("tags") else {
            return;
        };
        for (index, tag) in tags.iter().enumerate() {
            for field in ["summary", "parent", "kind"] {
                if tag.get(field).is_some() {
                    self.ignored(
                        format!("#/tags/{index}/{field}"),
                        format!("a tag's `{field}` is not read: it arranges documentation"),
                    );
                }
            }
        }
    }

    /// Inlines each `content` entry that references `components.mediaTypes`.
    fn media_type_references(&mut self, document: &mut Value) {
        let mut found = Vec::new();
        for (at, object) in description_objects(document) {
            if let Some(Value::Object(entries)) = object.get("content") {
                for (media_type, entry) in entries {
                    if entry.get("$ref").is_some() {
                        found.push(format!("{at}/content/{}", escape(media_type)));
                    }
                }
            }
        }
        for at in found {
            inline_reference(document, &at, self.moves);
        }
    }

    fn servers(&mut self, servers: Option<&Value>, at: &str) {
        let Some(Value::Array(servers)) = servers else {
            return;
        };
        for (index, server) in servers.iter().enumerate() {
            if server.get("name").is_some() {
                self.ignored(
                    format!("{at}/servers/{index}/name"),
                    "a server's `name` is not read: the client is given its endpoint",
                );
            }
        }
    }

    fn components(&mut self, components: &mut Map<String, Value>) {
        let at = "#/components";
        if let Some(Value::Object(items)) = components.get_mut("pathItems") {
            for (name, item) in items.iter_mut() {
                self.path_item(item, &format!("{at}/pathItems/{}", escape(name)));
            }
        }
        if let Some(Value::Object(parameters)) = components.get_mut("parameters") {
            let names: Vec<String> = parameters.keys().cloned().collect();
            for name in names {
                let here = format!("{at}/parameters/{}", escape(&name));
                if !self.parameter(&mut parameters[&name], &here) {
                    parameters.shift_remove(&name);
                }
            }
        }
        let request_body: fn(&mut Self, &mut Value, &str) =
            |reader, body, at| reader.media_types(body, at);
        for (kind, reader) in [
            ("responses", Self::response as _),
            ("requestBodies", request_body),
        ] {
            if let Some(Value::Object(entries)) = components.get_mut(kind) {
                for (name, entry) in entries.iter_mut() {
                    reader(self, entry, &format!("{at}/{kind}/{}", escape(name)));
                }
            }
        }
        if let Some(Value::Object(schemes)) = components.get("securitySchemes") {
            for (name, scheme) in schemes {
                self.security_scheme(scheme, &format!("{at}/securitySchemes/{}", escape(name)));
            }
        }
    }

    fn security_scheme(&mut self, scheme: &Value, at: &str) {
        for (field, message) in [
            (
                "deprecated",
                "a security scheme's `deprecated` is not read: the client offers it as any other",
            ),
            (
                "oauth2MetadataUrl",
                "`oauth2MetadataUrl` is not read: the credential finds its own token endpoint",
            ),
        ] {
            if scheme.get(field).is_some() {
                self.ignored(format!("{at}/{field}"), message);
            }
        }
        if scheme.pointer("/flows/deviceAuthorization").is_some() {
            self.warn(
                WarningKind::Client,
                format!("{at}/flows/deviceAuthorization"),
                "the device authorization flow is not read: its scopes are not asked for",
            );
        }
    }

    /// 3.2's methods beyond 3.0's, which azure_core does not send, and each operation's parts.
    fn path_item(&mut self, item: &mut Value, at: &str) {
        self.servers(item.get("servers"), at);
        let Some(item) = item.as_object_mut() else {
            return;
        };
        if item.contains_key("query") {
            self.warn(
                WarningKind::Operation,
                format!("{at}/query"),
                "azure_core sends no `QUERY` requests: the operation is left out",
            );
        }
        if let Some(Value::Object(others)) = item.get("additionalOperations") {
            for method in others.keys() {
                self.warn(
                    WarningKind::Operation,
                    format!("{at}/additionalOperations/{}", escape(method)),
                    format!("azure_core sends no `{method}` requests: the operation is left out"),
                );
            }
        }
        self.parameters(item, at);
        for method in METHODS {
            let here = format!("{at}/{method}");
            let Some(Value::Object(operation)) = item.get_mut(*method) else {
                continue;
            };
            self.parameters(operation, &here);
            self.servers(operation.get("servers"), &here);
            if let Some(body) = operation.get_mut("requestBody") {
                self.media_types(body, &format!("{here}/requestBody"));
            }
            if let Some(Value::Object(responses)) = operation.get_mut("responses") {
                for (status, response) in responses.iter_mut() {
                    self.response(response, &format!("{here}/responses/{}", escape(status)));
                }
            }
        }
    }

    /// Removes the parameters 3.0's model cannot hold from `owner.parameters`.
    fn parameters(&mut self, owner: &mut Map<String, Value>, at: &str) {
        let Some(Value::Array(parameters)) = owner.get_mut("parameters") else {
            return;
        };
        // Indices are those the user wrote, though some are removed on the way.
        let mut kept = Vec::new();
        for (index, mut parameter) in std::mem::take(parameters).into_iter().enumerate() {
            if self.parameter(&mut parameter, &format!("{at}/parameters/{index}")) {
                self.moves.record(
                    format!("{at}/parameters/{}", kept.len()),
                    format!("{at}/parameters/{index}"),
                );
                kept.push(parameter);
            }
        }
        *parameters = kept;
    }

    /// Whether the parameter stays: a `querystring` one (the whole query as one value) does
    /// not, and the `cookie` style is read as the default one.
    fn parameter(&mut self, parameter: &mut Value, at: &str) -> bool {
        if parameter.get("in").and_then(Value::as_str) == Some("querystring") {
            self.warn(
                WarningKind::Parameter,
                format!("{at}/in"),
                "a `querystring` parameter is not modelled: left out, the request is sent without it",
            );
            return false;
        }
        if parameter.get("style").and_then(Value::as_str) == Some("cookie")
            && let Some(parameter) = parameter.as_object_mut()
        {
            parameter.shift_remove("style");
            self.warn(
                WarningKind::Parameter,
                format!("{at}/style"),
                "the `cookie` style is not modelled: the value is sent in the default style",
            );
        }
        true
    }

    /// A response's `summary` is documentation, and its `description` may be left out.
    fn response(&mut self, response: &mut Value, at: &str) {
        let Some(object) = response.as_object_mut() else {
            return;
        };
        if object.contains_key("$ref") {
            return;
        }
        if object.contains_key("summary") {
            self.ignored(
                format!("{at}/summary"),
                "a response's `summary` is not read: its `description` documents it",
            );
        }
        object.entry("description").or_insert_with(|| json!(""));
        self.media_types(response, at);
    }

    /// Streams of items (`itemSchema`, `text/event-stream` or JSON Lines, say) and how their
    /// items are encoded, which the client does not model.
    fn media_types(&mut self, owner: &Value, at: &str) {
        let Some(Value::Object(content)) = owner.get("content") else {
            return;
        };
        for (media_type, entry) in content {
            let here = format!("{at}/content/{}", escape(media_type));
            if entry.get("itemSchema").is_some() {
                self.warn(
                    WarningKind::Simplified,
                    format!("{here}/itemSchema"),
                    "a stream of items (`itemSchema`) is not modelled: the body is read whole, as its media type and `schema` say",
                );
            }
            for field in ["itemEncoding", "prefixEncoding"] {
                if entry.get(field).is_some() {
                    self.ignored(
                        format!("{here}/{field}"),
                        format!("`{field}` is not read: the body is sent as its media type says"),
                    );
                }
            }
        }
    }

    /// `discriminator.defaultMapping` and `xml.nodeType`, wherever schemas are.
    fn schema_keywords(&mut self, document: &Value) {
        for (at, object) in description_objects(document) {
            for (key, child) in object {
                let (field, message) = match key.as_str() {
                    "discriminator" => (
                        "defaultMapping",
                        "`defaultMapping` is not read: a kind the mapping does not list is read as any unknown kind is",
                    ),
                    "xml" => (
                        "nodeType",
                        "`nodeType` is not read: the value is written as `attribute` and `wrapped` say",
                    ),
                    _ => continue,
                };
                if child.get(field).is_some() {
                    self.warn(
                        WarningKind::Simplified,
                        format!("{at}/{key}/{field}"),
                        message,
                    );
                }
            }
        }
    }
}

/// Every object of the description in `value`, with its place, in document order: not those
/// inside examples or extensions.
fn description_objects(value: &Value) -> Vec<(String, &Map<String, Value>)> {
    fn visit<'v>(value: &'v Value, at: String, found: &mut Vec<(String, &'v Map<String, Value>)>) {
        match value {
            Value::Object(map) => {
                found.push((at.clone(), map));
                for (key, child) in map.iter().filter(|(key, _)| super::describes(key)) {
                    visit(child, format!("{at}/{}", escape(key)), found);
                }
            }
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    visit(item, format!("{at}/{index}"), found);
                }
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    visit(value, "#".to_string(), &mut found);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_new_construct_is_read_or_named_in_a_warning() {
        let mut document = json!({
            "openapi": "3.2.0",
            "$self": "https://example.com/api.yaml",
            "tags": [{"name": "a", "parent": "b"}],
            "paths": {"/x": {
                "query": {"responses": {}},
                "get": {
                    "parameters": [
                        {"name": "q", "in": "querystring", "content": {}},
                        {"name": "c", "in": "cookie", "style": "cookie", "schema": {}},
                    ],
                    "responses": {"200": {"content": {
                        "application/jsonl": {"$ref": "#/components/mediaTypes/Lines"},
                    }}},
                },
            }},
            "components": {"mediaTypes": {"Lines": {"itemSchema": {"type": "string"}}}},
        });
        let mut moves = Moves::default();
        let warnings = read(&mut document, &mut moves);
        let at: Vec<&str> = warnings.iter().map(|w| w.pointer.as_str()).collect();
        assert_eq!(
            at,
            [
                "#/$self",
                "#/tags/0/parent",
                "#/paths/~1x/query",
                "#/paths/~1x/get/parameters/0/in",
                "#/paths/~1x/get/parameters/1/style",
                "#/components/mediaTypes/Lines/itemSchema",
            ]
        );
        let get = &document["paths"]["/x"]["get"];
        assert_eq!(
            get["parameters"],
            json!([{"name": "c", "in": "cookie", "schema": {}}])
        );
        assert_eq!(get["responses"]["200"]["description"], "");
        assert_eq!(
            moves.locate("#/paths/~1x/get/parameters/0/schema"),
            "#/paths/~1x/get/parameters/1/schema"
        );
        assert_eq!(
            moves.locate("#/paths/~1x/get/responses/200/content/application~1jsonl/itemSchema"),
            "#/components/mediaTypes/Lines/itemSchema"
        );
    }
}
