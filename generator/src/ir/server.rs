//! The document's first server, as the client's `endpoint` argument sees it: a fixed URL, or a
//! `{variable}` for the endpoint followed by a path whose other variables are client options.

use super::context::Context;
use super::docs::lines;
use super::model::{PrefixPart, Server, ServerVariable};
use crate::WarningKind;
use crate::naming;

pub(super) fn server(cx: &mut Context, api: &openapiv3::OpenAPI) -> Server {
    let Some(server) = api.servers.first() else {
        return Server::default();
    };
    let url = server.url.trim_end_matches('/');
    if !url.contains('{') {
        return Server {
            fixed_url: Some(url.to_string()),
            endpoint_docs: server.description.clone(),
            ..Server::default()
        };
    }
    // `{endpoint}/path`: the first variable is the endpoint argument; the path after it may
    // hold other variables (`{endpoint}/v/{apiVersion}`), which become client options.
    let endpoint = url
        .strip_prefix('{')
        .and_then(|rest| rest.split_once('}'))
        .filter(|(_, rest)| rest.is_empty() || rest.starts_with('/'));
    let Some((name, rest)) = endpoint else {
        let why =
            format!("server URL `{url}` does not start with a `{{variable}}` for the endpoint");
        return whole_url_endpoint(cx, "#/servers/0/url", why);
    };
    let declared = server.variables.as_ref();
    let docs = declared
        .and_then(|variables| variables.get(name))
        .and_then(|variable| variable.description.clone())
        .or_else(|| server.description.clone());
    let mut variables: Vec<ServerVariable> = Vec::new();
    let mut path_prefix = Vec::new();
    for segment in rest.split('/').filter(|s| !s.is_empty()) {
        let Some(parts) = template_parts(segment) else {
            let why = format!(
                "server URL `{url}`: the segment `{segment}` has an unclosed or empty `{{`"
            );
            return whole_url_endpoint(cx, "#/servers/0/url", why);
        };
        let mut prefix_parts = Vec::new();
        for (literal, variable) in parts {
            if !literal.is_empty() {
                prefix_parts.push(PrefixPart::Literal(literal.to_string()));
            }
            let Some(variable) = variable else { continue };
            let Some(declaration) = declared.and_then(|v| v.get(variable)) else {
                let why = format!(
                    "server URL `{url}` uses `{{{variable}}}`, which the server's variables do not declare"
                );
                return whole_url_endpoint(cx, "#/servers/0/variables", why);
            };
            // A variable whose allowed values include the document's version is the API
            // version: it shares the `api_version` option.
            let field = if declaration.enumeration.contains(&api.info.version) {
                "api_version".to_string()
            } else {
                naming::value_name(variable)
            };
            if field == "api_version" {
                prefix_parts.push(PrefixPart::Variable {
                    field,
                    name: variable.to_string(),
                });
                continue;
            }
            if !variables.iter().any(|v| v.field == field) {
                let default = Some(declaration.default.clone())
                    .filter(|d| !d.is_empty())
                    .or_else(|| declaration.enumeration.first().cloned())
                    .unwrap_or_default();
                let mut docs = lines(declaration.description.as_deref());
                if !declaration.enumeration.is_empty() {
                    docs.push(format!(
                        "One of: `{}`.",
                        declaration.enumeration.join("`, `")
                    ));
                }
                variables.push(ServerVariable {
                    field: field.clone(),
                    default,
                    docs,
                });
            }
            prefix_parts.push(PrefixPart::Variable {
                field,
                name: variable.to_string(),
            });
        }
        path_prefix.push(prefix_parts);
    }
    Server {
        path_prefix,
        variables,
        endpoint_docs: docs,
        fixed_url: None,
    }
}

/// The fallback for a server URL the client cannot follow: a warning saying `why`, and an
/// `endpoint` argument that is the whole base URL.
fn whole_url_endpoint(cx: &mut Context, pointer: &str, why: String) -> Server {
    cx.warn(
        WarningKind::Client,
        pointer,
        format!("{why}: the client takes the whole base URL as its endpoint"),
    );
    Server::default()
}

/// Splits a server URL's path segment into (literal, variable) pairs: `a:{b}c` gives
/// `[("a:", Some("b")), ("c", None)]`. `None` for an unclosed or empty `{`.
fn template_parts(segment: &str) -> Option<Vec<(&str, Option<&str>)>> {
    let mut parts = Vec::new();
    let mut rest = segment;
    while let Some((literal, after)) = rest.split_once('{') {
        let (variable, next) = after.split_once('}')?;
        if variable.is_empty() {
            return None;
        }
        parts.push((literal, Some(variable)));
        rest = next;
    }
    if !rest.is_empty() {
        parts.push((rest, None));
    }
    Some(parts)
}
