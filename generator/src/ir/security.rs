//! How requests are authorized: the document's security schemes and requirements, into the
//! credential the client's `new` takes and the alternatives that get constructors of their own.

use super::context::Context;
use super::model::Auth;
use crate::WarningKind;
use crate::pointer::escape;
use openapiv3::ReferenceOr;

/// How the client authorizes: the scheme of the first security requirement (the
/// document's, else an operation's), and the other schemes the document's own `security`
/// offers instead (`{}` offers no credential at all). For OAuth2, the scopes of that
/// requirement, or all the scheme's scopes where it lists none. One credential serves every
/// request (and Entra ID refuses a token request that mixes resources), so an operation that
/// asks for something else is named in a warning.
pub(super) fn auth(cx: &mut Context, api: &openapiv3::OpenAPI) -> (Auth, Vec<Auth>) {
    let mut offered: Vec<Auth> = Vec::new();
    for (i, requirement) in api.security.iter().flatten().enumerate() {
        let pointer = format!("#/security/{i}");
        if requirement.is_empty() && !offered.contains(&Auth::None) {
            offered.push(Auth::None);
        }
        for (scheme_name, scopes) in requirement {
            let Some(auth) = scheme(cx, api, &pointer, scheme_name, scopes) else {
                continue;
            };
            // One constructor a kind of credential: another token scope is not a new way in.
            let same_kind = offered
                .iter()
                .find(|known| std::mem::discriminant(*known) == std::mem::discriminant(&auth));
            match same_kind {
                None => offered.push(auth),
                Some(known) if serves(known, &auth) => {}
                Some(known) => cx.warn(
                    WarningKind::Client,
                    pointer.clone(),
                    format!("asks for {auth:?}; the client uses {known:?} instead"),
                ),
            }
        }
    }
    for (path, method, operation) in operations_of(api) {
        for (i, requirement) in operation.security.iter().flatten().enumerate() {
            let pointer = format!("#/paths/{}/{method}/security/{i}", escape(path));
            for (scheme_name, scopes) in requirement {
                let Some(auth) = scheme(cx, api, &pointer, scheme_name, scopes) else {
                    continue;
                };
                match offered.first() {
                    None => offered.push(auth),
                    Some(_) if offered.iter().any(|known| serves(known, &auth)) => {}
                    Some(first) => cx.warn(
                        WarningKind::Client,
                        pointer.clone(),
                        format!("asks for {auth:?}; the client uses {first:?} for every operation"),
                    ),
                }
            }
        }
    }
    let mut offered = offered.into_iter();
    (offered.next().unwrap_or(Auth::None), offered.collect())
}

/// The credential a security scheme takes, or `None` (with a problem) for one the client
/// cannot use.
fn scheme(
    cx: &mut Context,
    api: &openapiv3::OpenAPI,
    pointer: &str,
    scheme_name: &str,
    required_scopes: &[String],
) -> Option<Auth> {
    use openapiv3::{APIKeyLocation, SecurityScheme};
    let schemes = api.components.as_ref().map(|c| &c.security_schemes);
    let at = format!("#/components/securitySchemes/{}", escape(scheme_name));
    Some(match schemes.and_then(|s| s.get(scheme_name)) {
        Some(ReferenceOr::Item(SecurityScheme::OAuth2 { flows, .. })) => Auth::Bearer {
            scopes: if required_scopes.is_empty() {
                oauth2_scopes(flows)
            } else {
                required_scopes.to_vec()
            },
        },
        Some(ReferenceOr::Item(SecurityScheme::HTTP { scheme, .. }))
            if scheme.eq_ignore_ascii_case("bearer") =>
        {
            Auth::Bearer { scopes: Vec::new() }
        }
        Some(ReferenceOr::Item(SecurityScheme::HTTP { scheme, .. }))
            if scheme.eq_ignore_ascii_case("basic") =>
        {
            Auth::Basic
        }
        Some(ReferenceOr::Item(SecurityScheme::HTTP { scheme, .. })) => Auth::Scheme {
            scheme: scheme.clone(),
        },
        Some(ReferenceOr::Item(SecurityScheme::APIKey { location, name, .. }))
            if !matches!(location, APIKeyLocation::Cookie) =>
        {
            Auth::ApiKey {
                name: name.clone(),
                in_query: matches!(location, APIKeyLocation::Query),
            }
        }
        Some(_) => {
            cx.warn(
                WarningKind::Client,
                at,
                "the client authorizes with OAuth2, HTTP authentication or an API key in a header or query: it sends nothing for this scheme",
            );
            return None;
        }
        None => {
            cx.warn(
                WarningKind::Client,
                pointer,
                format!("security requirement names `{scheme_name}`, which is not in #/components/securitySchemes: the client sends nothing for it"),
            );
            return None;
        }
    })
}

fn operations_of(
    api: &openapiv3::OpenAPI,
) -> impl Iterator<Item = (&String, &str, &openapiv3::Operation)> {
    api.paths.paths.iter().flat_map(|(path, item)| {
        item.as_item()
            .into_iter()
            .flat_map(move |item| item.iter().map(move |(method, op)| (path, method, op)))
    })
}

fn oauth2_scopes(flows: &openapiv3::OAuth2Flows) -> Vec<String> {
    let mut scopes = Vec::new();
    let flows = [
        flows.implicit.as_ref().map(|f| &f.scopes),
        flows.password.as_ref().map(|f| &f.scopes),
        flows.client_credentials.as_ref().map(|f| &f.scopes),
        flows.authorization_code.as_ref().map(|f| &f.scopes),
    ];
    for scope in flows.into_iter().flatten().flat_map(|s| s.keys()) {
        if !scopes.contains(scope) {
            scopes.push(scope.clone());
        }
    }
    scopes
}

/// Whether a client built with `known` can make a request that asks for `asked`: the same
/// scheme, and for tokens no scope beyond those `known` asks for.
fn serves(known: &Auth, asked: &Auth) -> bool {
    match (known, asked) {
        (Auth::Bearer { scopes: known }, Auth::Bearer { scopes: asked }) => {
            asked.iter().all(|scope| known.contains(scope))
        }
        _ => known == asked,
    }
}
