//! Stage 2: the document model in, a resolved model of the client out ([`model`]).
//!
//! Types live in an arena (`Api::types`) addressed by index. A component schema gets its index
//! reserved before its body is read, so forward and recursive references resolve; a pass at
//! the end boxes the fields that close a cycle. Only schemas that some operation reaches become
//! types: the rest are reported as warnings, so that the crate's public API is what the service
//! uses. Nothing here refuses the document: each part the generator does not model, or that is
//! broken, becomes a located warning and a stated fallback, and the walk goes on.
//!
//! Schemas are read from the raw JSON value, not from openapiv3's `Schema`: openapiv3 drops the
//! keywords that stand beside a `$ref` (`description`, `pattern`, `readOnly`, …), which Microsoft's
//! TypeSpec emitter writes on nearly every property.
//!
//! Where each concern lives: `context` (the document and its problems, shared by all),
//! `schemas` (schemas into types), `operations` (parameters, bodies, replies), `paging` and
//! `long_running` (which methods return a pager or a poller), `security` and `server` (the
//! client's constructor), `webhooks` (the payloads of the requests the service sends), `docs`
//! (descriptions and constraints into rustdoc), `passes` (over the finished arena).

mod context;
mod docs;
mod long_running;
pub mod model;
mod operations;
mod paging;
mod passes;
mod schemas;
mod security;
mod server;
mod webhooks;

pub use model::*;

use crate::Warning;
use crate::load::Document;
use crate::naming::{self, Scope};
use context::Context;
use schemas::Schemas;

/// Type names the generated code defines for itself, which no schema may take.
const GENERATED_NAMES: &[&str] = &[
    OPERATION_FAILURE,
    "OperationProgress",
    "Outcome",
    "TextFormat",
    "BinaryFormat",
    "FilePart",
];

/// Builds the model, with a warning for each part of the document that fell back.
pub fn build(document: &Document) -> (Api, Vec<Warning>) {
    let api = &document.api;
    let title = api.info.title.clone();
    let client_name = format!("{}Client", naming::type_name(&title));
    let client_options_name = format!("{client_name}Options");
    let own = [&client_name, &client_options_name]
        .into_iter()
        .cloned()
        .chain(
            GENERATED_NAMES
                .iter()
                .chain(naming::PRELUDE_NAMES)
                .map(|n| n.to_string()),
        );
    let mut schemas = Schemas::new(
        Context::new(&document.raw, Vec::new()),
        Scope::with_reserved(own),
    );

    let (auth, auth_alternatives) = security::auth(&mut schemas.cx, api);
    let server = server::server(&mut schemas.cx, api);
    let (operations, clients) = operations::read(&mut schemas, api, &title, &client_name);
    webhooks::payloads(&mut schemas);
    let (mut types, cx) = schemas.finish();
    passes::box_cycles(&mut types);
    passes::mark_usage(&mut types, &operations);
    passes::plain_encodings(&mut types);
    for id in 0..types.len() {
        types[id].status_monitor = long_running::status_monitor(&types, id);
    }
    let model = Api {
        crate_name: format!("{}-client", crate_stem(&title)),
        namespace: naming::type_name(&title),
        title,
        description: api.info.description.clone(),
        version: api.info.version.clone(),
        client_name,
        client_options_name,
        server,
        auth,
        auth_alternatives,
        types,
        operations,
        clients,
    };
    (model, cx.warnings)
}

/// `WidgetStore` is `widgetstore`, `Oxide Region API` is `oxide-region-api`: lowercase words
/// joined by `-`, as crates.io names go.
fn crate_stem(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() {
        "api".to_string()
    } else {
        words.join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crate_stems_are_lowercase_words() {
        assert_eq!(crate_stem("WidgetStore"), "widgetstore");
        assert_eq!(crate_stem("Oxide Region API"), "oxide-region-api");
        assert_eq!(crate_stem("%%"), "api");
    }
}
