//! OpenAPI 3.0.x: the dialect that is the document model itself. The raw value is kept, and a
//! typed view is made beside it with `openapiv3`, whose located parse errors come from the same
//! value.

use super::{Document, METHODS};
use crate::pointer::escape;
use crate::{Problem, Warning, WarningKind};
use serde_json::{Map, Value};

/// The document `raw` as OpenAPI 3.0, with the typed view beside it.
///
/// Each part of the typed view that cannot be read on its own (an operation, a path item, a
/// component, the servers, …) is left out of it with a warning; only a root, `info` or `paths`
/// of the wrong shape refuses the document.
pub(super) fn read(raw: Value) -> Result<Document, Vec<Problem>> {
    let mut typed = without_schemas(&raw);
    let mut warnings = Vec::new();
    leave_out_unreadable_parts(&mut typed, &mut warnings);
    let api = serde_path_to_error::deserialize(&typed).map_err(|error| {
        let pointer = pointer_of(&tokens_of_path(error.path()));
        vec![Problem::new(pointer, error.inner().to_string())]
    })?;
    Ok(Document {
        raw,
        api,
        warnings,
        origins: super::Origins::default(),
    })
}

/// Removes from `typed` each part that openapiv3 cannot read, with a warning for each. A part
/// is removed whole (an operation, not one of its parameters), so that the locations of the
/// rest stay as they are.
fn leave_out_unreadable_parts(typed: &mut Value, warnings: &mut Vec<Warning>) {
    use openapiv3::{
        Callback, Example, ExternalDocumentation, Header, Link, Operation, Parameter, PathItem,
        ReferenceOr, RequestBody, Response, SecurityRequirement, SecurityScheme, Server, Tag,
    };
    let Some(root) = typed.as_object_mut() else {
        return;
    };
    // The title names the client, and the version is the default api-version: without them,
    // the crate is still generated.
    if let Some(Value::Object(info)) = root.get_mut("info") {
        for (field, fallback) in [("title", "API"), ("version", "")] {
            if !info.get(field).is_some_and(Value::is_string) {
                info.insert(field.to_string(), Value::String(fallback.to_string()));
                warnings.push(Warning {
                    kind: WarningKind::Unreadable,
                    pointer: format!("#/info/{field}"),
                    message: format!("`info.{field}` is missing or not text: read as {fallback:?}"),
                });
            }
        }
    }
    if let Some(Value::Object(paths)) = root.get_mut("paths") {
        let keys: Vec<String> = paths.keys().cloned().collect();
        for path in keys {
            let at = format!("#/paths/{}", escape(&path));
            if let Some(Value::Object(item)) = paths.get_mut(&path) {
                for method in METHODS {
                    keep_if_readable::<Operation>(
                        item,
                        method,
                        &format!("{at}/{method}"),
                        warnings,
                    );
                }
            }
            keep_if_readable::<ReferenceOr<PathItem>>(paths, &path, &at, warnings);
        }
    }
    if let Some(Value::Object(components)) = root.get_mut("components") {
        type Check = fn(&mut Map<String, Value>, &str, &str, &mut Vec<Warning>);
        let kinds: [(&str, Check); 8] = [
            (
                "securitySchemes",
                keep_if_readable::<ReferenceOr<SecurityScheme>>,
            ),
            ("parameters", keep_if_readable::<ReferenceOr<Parameter>>),
            ("responses", keep_if_readable::<ReferenceOr<Response>>),
            (
                "requestBodies",
                keep_if_readable::<ReferenceOr<RequestBody>>,
            ),
            ("headers", keep_if_readable::<ReferenceOr<Header>>),
            ("examples", keep_if_readable::<ReferenceOr<Example>>),
            ("links", keep_if_readable::<ReferenceOr<Link>>),
            ("callbacks", keep_if_readable::<ReferenceOr<Callback>>),
        ];
        for (kind, check) in kinds {
            let at = format!("#/components/{kind}");
            match components.get_mut(kind) {
                Some(Value::Object(entries)) => {
                    let names: Vec<String> = entries.keys().cloned().collect();
                    for name in names {
                        check(entries, &name, &format!("{at}/{}", escape(&name)), warnings);
                    }
                }
                Some(_) => {
                    components.shift_remove(kind);
                    warnings.push(unreadable(at, "not a map".to_string()));
                }
                None => {}
            }
        }
    }
    keep_if_readable::<Vec<Server>>(root, "servers", "#/servers", warnings);
    keep_if_readable::<Vec<SecurityRequirement>>(root, "security", "#/security", warnings);
    keep_if_readable::<Vec<Tag>>(root, "tags", "#/tags", warnings);
    keep_if_readable::<ExternalDocumentation>(root, "externalDocs", "#/externalDocs", warnings);
}

/// Removes `map[key]` (located at `at`) unless it reads as a `T`.
fn keep_if_readable<T: serde::de::DeserializeOwned>(
    map: &mut Map<String, Value>,
    key: &str,
    at: &str,
    warnings: &mut Vec<Warning>,
) {
    let Some(value) = map.get(key) else {
        return;
    };
    if let Err(error) = serde_path_to_error::deserialize::<_, T>(value) {
        let inner = tokens_of_path(error.path());
        let message = match inner.is_empty() {
            true => error.inner().to_string(),
            false => format!("in `{}`: {}", inner.join("/"), error.inner()),
        };
        map.shift_remove(key);
        warnings.push(unreadable(at.to_string(), message));
    }
}

/// The warning for a part left out because it cannot be read.
fn unreadable(pointer: String, message: String) -> Warning {
    Warning {
        kind: WarningKind::Unreadable,
        pointer,
        message: format!("{message}: left out"),
    }
}

/// The document with every schema replaced by `{}`, for openapiv3. The generator reads schemas
/// from the raw value, so openapiv3 need not; and its untagged schema model retries every
/// alternative at every level, which takes exponential time on a deeply nested invalid schema.
fn without_schemas(raw: &Value) -> Value {
    match raw {
        Value::Object(object) => Value::Object(
            object
                .iter()
                .map(|(key, value)| {
                    let value = match key.as_str() {
                        "schema" => Value::Object(serde_json::Map::new()),
                        "schemas" if value.is_object() => Value::Object(
                            value
                                .as_object()
                                .into_iter()
                                .flatten()
                                .map(|(name, _)| {
                                    (name.clone(), Value::Object(serde_json::Map::new()))
                                })
                                .collect(),
                        ),
                        _ => without_schemas(value),
                    };
                    (key.clone(), value)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_schemas).collect()),
        other => other.clone(),
    }
}

/// The map keys and list indices of an error's path.
fn tokens_of_path(path: &serde_path_to_error::Path) -> Vec<String> {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|segment| match segment {
            Segment::Map { key } => Some(key.clone()),
            Segment::Seq { index } => Some(index.to_string()),
            Segment::Enum { .. } | Segment::Unknown => None,
        })
        .collect()
}

/// `#/a/b` for the tokens `a`, `b`.
fn pointer_of(tokens: &[String]) -> String {
    let mut pointer = String::from("#");
    for token in tokens {
        pointer.push('/');
        pointer.push_str(&escape(token));
    }
    pointer
}
