//! Request bodies and replies: which media type is sent or read, and how (JSON, XML, form,
//! multipart, text, bytes); and the error model the non-2xx replies carry.

use crate::WarningKind;
use crate::ir::docs::lines;
use crate::ir::model::{Body, Encoding, Reply, Type, TypeKind};
use crate::ir::schemas::{Schemas, text_dates};
use crate::pointer::{escape, unescape};
use openapiv3::{ReferenceOr, StatusCode};

/// The request body, sent as its first JSON media type, else the first other one this client
/// can send.
pub(super) fn request_body(
    schemas: &mut Schemas<'_>,
    api: &openapiv3::OpenAPI,
    operation: &openapiv3::Operation,
    pointer: &str,
    type_prefix: &str,
) -> Option<Body> {
    let body = operation.request_body.as_ref()?;
    let (at, body) = match body {
        ReferenceOr::Item(body) => (format!("{pointer}/requestBody"), body),
        ReferenceOr::Reference { reference } => {
            let found = reference
                .strip_prefix("#/components/requestBodies/")
                .and_then(|name| api.components.as_ref()?.request_bodies.get(&unescape(name)));
            match found {
                Some(ReferenceOr::Item(body)) => (reference.clone(), body),
                _ => {
                    schemas.cx.problem(
                            format!("{pointer}/requestBody/$ref"),
                            format!("`{reference}` does not name a request body in #/components/requestBodies"),
                        );
                    return None;
                }
            }
        }
    };
    // JSON first, then the other encodings this client can send.
    let pick = |wanted: fn(&str) -> Option<Encoding>| {
        body.content
            .keys()
            .find_map(|ct| wanted(ct).map(|encoding| (ct.as_str(), encoding)))
    };
    let found = pick(|ct| is_json(ct).then_some(Encoding::Json)).or_else(|| pick(encoding_of));
    let Some((content_type, encoding)) = found else {
        let listed: Vec<&str> = body.content.keys().map(String::as_str).collect();
        schemas.cx.problem(
                format!("{at}/content"),
                format!(
                    "request bodies are supported as JSON, XML, form-encoded, multipart/form-data, text/plain, octet-stream or a file type; this one is `{}`",
                    listed.join("`, `")
                ),
            );
        return None;
    };
    let schema_at = format!("{at}/content/{}/schema", escape(content_type));
    let context = format!("{type_prefix}Body");
    // `format: binary` is a file, whatever the media type says (a JSON file is sent as is).
    let encoding = if schemas.cx.is_file(&schema_at) {
        Encoding::Binary
    } else {
        encoding
    };
    let ty = match encoding {
        Encoding::Json | Encoding::Xml | Encoding::Form | Encoding::Multipart => {
            text_dates(schemas.schema_type(&schema_at, &context)?)
        }
        Encoding::Text => Type::String,
        Encoding::Binary => Type::Bytes,
    };
    // A file of several types, or of any type, is sent with the type the caller names.
    let choices: Vec<String> =
        if encoding == Encoding::Binary && (body.content.len() > 1 || content_type.contains('*')) {
            body.content.keys().cloned().collect()
        } else {
            Vec::new()
        };
    if matches!(encoding, Encoding::Form | Encoding::Multipart)
        && !matches!(ty, Type::Named(id) if matches!(schemas.types[id].kind, TypeKind::Struct { .. }))
    {
        schemas.cx.problem(
            schema_at,
            "a form-encoded or multipart body must be an object",
        );
        return None;
    }
    // The media type of each part that the document names (`encoding`); `*/*` names none.
    let part_types = body.content[content_type]
        .encoding
        .iter()
        .filter_map(|(part, encoding)| {
            let media_type = encoding.content_type.as_ref()?;
            (!media_type.contains('*')).then(|| (part.clone(), media_type.clone()))
        })
        .collect();
    Some(Body {
        ty,
        encoding,
        content_type: content_type.to_string(),
        content_types: choices,
        part_types,
        required: body.required,
        docs: lines(body.description.as_deref()),
    })
}

/// What the 2xx responses carry (one body type for all of them), and whether one of them
/// has an `Operation-Location` header.
pub(super) fn success_response(
    schemas: &mut Schemas<'_>,
    api: &openapiv3::OpenAPI,
    operation: &openapiv3::Operation,
    pointer: &str,
    type_prefix: &str,
) -> (Reply, bool) {
    let mut found: Option<Type> = None;
    let mut raw: Option<Reply> = None;
    let mut differ = false;
    let mut xml = false;
    let mut operation_location = false;
    for (code, response) in &operation.responses.responses {
        if !is_success(code) {
            continue;
        }
        let here = format!("{pointer}/responses/{code}");
        let Some((at, response)) = resolve_response(schemas, api, response, &here) else {
            continue;
        };
        operation_location |= response
            .headers
            .keys()
            .any(|h| h.eq_ignore_ascii_case("operation-location"));
        if response.content.is_empty() {
            continue;
        }
        let model_type = (response.content.keys().find(|ct| is_json(ct)))
            .or_else(|| response.content.keys().find(|ct| is_xml(ct)));
        let Some(content_type) = model_type else {
            // Neither JSON nor XML: text or bytes, as the reply's media type says.
            let encodings: Vec<Option<Encoding>> =
                response.content.keys().map(|ct| encoding_of(ct)).collect();
            raw = match encodings.as_slice() {
                all if all.iter().all(|e| *e == Some(Encoding::Text)) => Some(Reply::Text),
                all if all.contains(&Some(Encoding::Binary)) => Some(Reply::Binary {
                    accept: response
                        .content
                        .keys()
                        .map(String::as_str)
                        .collect::<Vec<_>>()
                        .join(", "),
                }),
                _ => {
                    let listed: Vec<&str> = response.content.keys().map(String::as_str).collect();
                    schemas.cx.problem(
                            format!("{at}/content"),
                            format!(
                                "replies are supported as JSON, XML, text/plain, octet-stream or a file type; this one is `{}`",
                                listed.join("`, `")
                            ),
                        );
                    None
                }
            };
            continue;
        };
        let schema_at = format!("{at}/content/{}/schema", escape(content_type));
        // `format: binary` is a file, whatever the media type says.
        if schemas.cx.is_file(&schema_at) {
            let accept: Vec<&str> = response.content.keys().map(String::as_str).collect();
            raw = Some(Reply::Binary {
                accept: accept.join(", "),
            });
            continue;
        }
        xml |= is_xml(content_type);
        let context = format!("{type_prefix}Response");
        let Some(ty) = schemas.schema_type(&schema_at, &context).map(text_dates) else {
            continue;
        };
        match &found {
            Some(previous) if *previous != ty => differ = true,
            _ => found = Some(ty),
        }
    }
    if differ {
        schemas.cx.warn(
                WarningKind::AsJson,
                format!("{pointer}/responses"),
                "success responses carry different body types: the method returns the body as `serde_json::Value`",
            );
        found = Some(Type::Json);
    }
    let reply = match (found, raw) {
        (Some(_), Some(_)) => {
            schemas.cx.problem(
                format!("{pointer}/responses"),
                "success responses mixing JSON or XML with other bodies are not supported",
            );
            Reply::Empty
        }
        (Some(ty), None) if xml => Reply::Xml(ty),
        (Some(ty), None) => Reply::Json(ty),
        (None, Some(reply)) => reply,
        (None, None) => Reply::Empty,
    };
    (reply, operation_location)
}

/// Reads the error response (`default`, else the 4xx/5xx ones), marks its body type as an
/// error model, and returns the lines of the method's `# Errors` docs.
pub(super) fn error_response(
    schemas: &mut Schemas<'_>,
    api: &openapiv3::OpenAPI,
    operation: &openapiv3::Operation,
    pointer: &str,
    type_prefix: &str,
) -> Vec<String> {
    let mut candidates: Vec<(String, &ReferenceOr<openapiv3::Response>)> = Vec::new();
    if let Some(default) = &operation.responses.default {
        candidates.push((format!("{pointer}/responses/default"), default));
    }
    for (code, response) in &operation.responses.responses {
        if !is_success(code) {
            candidates.push((format!("{pointer}/responses/{code}"), response));
        }
    }
    let mut docs = vec![
        "Returns an error of kind `HttpResponse` for any status other than 2xx; its error \
             code is the `x-ms-error-code` header, else the body's `error.code`."
            .to_string(),
    ];
    for (here, response) in candidates {
        let Some((at, response)) = resolve_response(schemas, api, response, &here) else {
            continue;
        };
        let Some(content_type) = response.content.keys().find(|ct| is_json(ct)) else {
            continue;
        };
        let context = format!("{type_prefix}Error");
        let schema_at = format!("{at}/content/{}/schema", escape(content_type));
        if let Some(Type::Named(id)) = schemas.schema_type(&schema_at, &context) {
            schemas.types[id].is_error = true;
            let name = schemas.types[id].name.clone();
            let line = format!(
                "[`models::{name}::from_error`](crate::models::{name}::from_error) reads the service's error body back from it."
            );
            if !docs.contains(&line) {
                docs.push(line);
            }
        }
    }
    docs
}

/// A response, or the one its `$ref` names in `#/components/responses`, with where it is.
fn resolve_response<'r>(
    schemas: &mut Schemas<'_>,
    api: &'r openapiv3::OpenAPI,
    response: &'r ReferenceOr<openapiv3::Response>,
    here: &str,
) -> Option<(String, &'r openapiv3::Response)> {
    match response {
        ReferenceOr::Item(response) => Some((here.to_string(), response)),
        ReferenceOr::Reference { reference } => {
            let found = reference
                .strip_prefix("#/components/responses/")
                .and_then(|name| api.components.as_ref()?.responses.get(&unescape(name)));
            match found {
                Some(ReferenceOr::Item(response)) => Some((reference.clone(), response)),
                _ => {
                    schemas.cx.problem(
                        format!("{here}/$ref"),
                        format!("`{reference}` does not name a response in #/components/responses"),
                    );
                    None
                }
            }
        }
    }
}

/// The encoding of a non-JSON media type this client can send or read. Files (images, audio,
/// video, fonts, or any type: `*/*`) are bytes, as octet-stream is.
fn encoding_of(content_type: &str) -> Option<Encoding> {
    let media_type = content_type.split(';').next().unwrap_or("").trim();
    match media_type {
        _ if is_xml(media_type) => Some(Encoding::Xml),
        "multipart/form-data" => Some(Encoding::Multipart),
        "application/x-www-form-urlencoded" => Some(Encoding::Form),
        "text/plain" => Some(Encoding::Text),
        "application/octet-stream" | "*/*" => Some(Encoding::Binary),
        _ => match media_type.split_once('/') {
            Some(("image" | "audio" | "video" | "font", _)) => Some(Encoding::Binary),
            _ => None,
        },
    }
}

/// Whether a response's status is 2xx.
fn is_success(code: &StatusCode) -> bool {
    match code {
        StatusCode::Code(code) => (200..300).contains(code),
        StatusCode::Range(range) => *range == 2,
    }
}

/// `application/json` or any `+json` type.
fn is_json(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    essence == "application/json" || essence.ends_with("+json")
}

/// `application/xml`, `text/xml` or any `+xml` type.
fn is_xml(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    matches!(essence, "application/xml" | "text/xml") || essence.ends_with("+xml")
}
