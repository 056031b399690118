//! Webhooks (OpenAPI 3.1): requests the service sends to the user's own endpoint. The client
//! sends none of them, but their payloads are what a receiver reads, so the type of each
//! payload is generated, and its docs name the webhook.

use super::docs::push_paragraph;
use super::model::named_in;
use super::schemas::Schemas;
use crate::WarningKind;
use crate::load::METHODS;
use crate::naming;
use crate::pointer::{escape, resolve};
use serde_json::Value;

/// Generates the payload types of every webhook in the document.
pub(super) fn payloads(schemas: &mut Schemas<'_>) {
    let raw: &Value = schemas.cx.raw;
    let webhooks = match raw.get("webhooks") {
        Some(Value::Object(webhooks)) => webhooks,
        Some(_) => {
            schemas.cx.warn(
                WarningKind::Unreadable,
                "#/webhooks",
                "`webhooks` must be a map of path items: left out",
            );
            return;
        }
        None => return,
    };
    for name in webhooks.keys() {
        for method in METHODS {
            let at = format!("#/webhooks/{}/{method}/requestBody", escape(name));
            let Some(body) = resolve(raw, &at) else {
                continue;
            };
            // A request body may be a reference to `components.requestBodies`.
            let body_at = match body.get("$ref").and_then(Value::as_str) {
                Some(reference) => reference.to_string(),
                None => at,
            };
            let Some(Value::Object(content)) = resolve(raw, &format!("{body_at}/content")) else {
                continue;
            };
            let context = match *method {
                "post" => format!("{}Payload", naming::type_name(name)),
                _ => format!(
                    "{}{}Payload",
                    naming::type_name(name),
                    naming::type_name(method)
                ),
            };
            for (media_type, entry) in content {
                if entry.get("schema").is_none() {
                    continue;
                }
                let schema_at = format!("{body_at}/content/{}/schema", escape(media_type));
                let ty = schemas.schema_type(&schema_at, &context);
                for id in named_in(&ty) {
                    let note = format!("The payload of the `{name}` webhook (`{method}`).");
                    if !schemas.types[id].docs.contains(&note) {
                        push_paragraph(&mut schemas.types[id].docs, &note);
                    }
                }
            }
        }
    }
}
