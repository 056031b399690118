//! Request bodies and replies: which media type is sent or read, and how (JSON, XML, form,
//! multipart, text, bytes); and the error model the non-2xx replies carry.

use crate::WarningKind;
use crate::ir::docs::lines;
use crate::ir::model::{Body, Encoding, Reply, Type, TypeKind};
use crate::ir::schemas::{Schemas, text_dates};
use crate::pointer::{escape, unescape};
use openapiv3::{ReferenceOr, StatusCode};
use std::collections::BTreeMap;

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
                    schemas.cx.warn(
                        WarningKind::AsJson,
                        format!("{pointer}/requestBody/$ref"),
                        format!("`{reference}` does not name a request body in #/components/requestBodies: the body is the `serde_json::Value` the caller gives"),
                    );
                    return Some(Body {
                        ty: Type::Json,
                        encoding: Encoding::Json,
                        content_type: "application/json".to_string(),
                        content_types: Vec::new(),
                        part_types: BTreeMap::new(),
                        required: true,
                        docs: Vec::new(),
                    });
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
    let found = pick(|ct| is_json(ct).then_some(Encoding::Json))
        .or_else(|| pick(|ct| Some(encoding_of(ct))));
    // A body of no media type at all says nothing that could be sent.
    let (content_type, encoding) = found?;
    let schema_at = format!("{at}/content/{}/schema", escape(content_type));
    let context = format!("{type_prefix}Body");
    // `format: binary` is a file, whatever the media type says (a JSON file is sent as is).
    let encoding = if schemas.cx.is_file(&schema_at) {
        Encoding::Binary
    } else {
        encoding
    };
    let mut ty = match encoding {
        Encoding::Json | Encoding::Xml | Encoding::Form | Encoding::Multipart => {
            text_dates(schemas.schema_type(&schema_at, &context))
        }
        Encoding::Text => Type::String,
        Encoding::Binary => Type::Bytes,
    };
    let mut encoding = encoding;
    if matches!(encoding, Encoding::Form | Encoding::Multipart)
        && !matches!(ty, Type::Named(id) if matches!(schemas.types[id].kind, TypeKind::Struct { .. }))
    {
        schemas.cx.warn(
            WarningKind::AsBytes,
            &schema_at,
            "a form-encoded or multipart body that is not an object is sent as the bytes the caller gives",
        );
        (ty, encoding) = (Type::Bytes, Encoding::Binary);
    }
    // A file of several types, or of any type, is sent with the type the caller names.
    let choices: Vec<String> =
        if encoding == Encoding::Binary && (body.content.len() > 1 || content_type.contains('*')) {
            body.content.keys().cloned().collect()
        } else {
            Vec::new()
        };
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
            found.get_or_insert(Type::Json);
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
            // Neither JSON nor XML: text, or else bytes, as the reply's media types say.
            let accept = response
                .content
                .keys()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(", ");
            let all_text = response
                .content
                .keys()
                .all(|ct| encoding_of(ct) == Encoding::Text);
            raw = Some(if all_text {
                Reply::Text { accept }
            } else {
                Reply::Binary { accept }
            });
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
        let ty = text_dates(schemas.schema_type(&schema_at, &context));
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
    if let (Some(_), Some(_)) = (&found, &raw) {
        schemas.cx.warn(
            WarningKind::Simplified,
            format!("{pointer}/responses"),
            "success responses mix JSON or XML with other bodies: the method asks for and reads the JSON or XML one",
        );
    }
    let reply = match (found, raw) {
        (Some(ty), _) if xml => Reply::Xml(ty),
        (Some(ty), _) => Reply::Json(ty),
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
        if let Type::Named(id) = schemas.schema_type(&schema_at, &context) {
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
                    schemas.cx.warn(
                        WarningKind::AsJson,
                        format!("{here}/$ref"),
                        format!("`{reference}` does not name a response in #/components/responses: its body is read as `serde_json::Value`"),
                    );
                    None
                }
            }
        }
    }
}

/// How a media type other than JSON is sent or read: XML, a form, multipart, text (`text/*`),
/// and anything else as bytes (`application/zip`, images, `*/*`, vendor types).
fn encoding_of(content_type: &str) -> Encoding {
    let media_type = content_type.split(';').next().unwrap_or("").trim();
    match media_type {
        _ if is_xml(media_type) => Encoding::Xml,
        "multipart/form-data" => Encoding::Multipart,
        "application/x-www-form-urlencoded" => Encoding::Form,
        _ if media_type.starts_with("text/") => Encoding::Text,
        _ => Encoding::Binary,
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
