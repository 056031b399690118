//! Authorization: the client's constructors, one per way the document authorizes, the
//! credential each takes, and the policy that adds a secret (an API key, a basic or other
//! `Authorization` value) to every request.

use super::tokens::ident;
use crate::ir::Auth;
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// The `use` lines that the constructors' credentials and policies need.
pub(super) fn credential_imports(auths: &[&Auth]) -> TokenStream {
    let tokens = auths.iter().any(|auth| matches!(auth, Auth::Bearer { .. }));
    let secrets = auths.iter().any(|auth| auth.is_secret());
    let token_imports = tokens.then(|| {
        quote! {
            use azure_core::credentials::TokenCredential;
            use azure_core::http::policies::auth::BearerTokenAuthorizationPolicy;
        }
    });
    let secret_imports = secrets.then(|| {
        quote! {
            use azure_core::credentials::Secret;
            use azure_core::http::policies::PolicyResult;
        }
    });
    quote! {
        use azure_core::http::policies::Policy;
        use std::sync::Arc;
        #token_imports
        #secret_imports
    }
}

/// The client's public constructors, one per way the document authorizes, the first `new`.
pub(super) fn constructors(
    auths: &[&Auth],
    endpoint_line: &str,
    client_options: &Ident,
    namespace: &str,
) -> TokenStream {
    let constructors = auths
        .iter()
        .enumerate()
        .map(|(i, auth)| constructor(auth, i == 0, endpoint_line, client_options, namespace));
    quote!(#(#constructors)*)
}

/// A public constructor: `new` for the document's first way of authorizing, else one named by
/// its kind of credential (`with_api_key`, `anonymous`, …). It takes the credential, makes the
/// policy that authorizes each request, and builds the client with `endpoint_and_pipeline`;
/// azure_core's `tracing::new` gives it the tracer of the options' tracer provider.
fn constructor(
    auth: &Auth,
    primary: bool,
    endpoint_line: &str,
    client_options: &Ident,
    namespace: &str,
) -> TokenStream {
    let (param, param_doc, policies) = credential(auth);
    let besides = "(the document offers it besides [`Self::new`]'s way)";
    let (name, summary) = match (primary, auth) {
        (true, _) => ("new", "Creates a client.".to_string()),
        (false, Auth::Bearer { .. }) => (
            "with_token_credential",
            format!("Creates a client that authorizes with bearer tokens {besides}."),
        ),
        (false, Auth::ApiKey { .. }) => (
            "with_api_key",
            format!("Creates a client that authorizes with an API key {besides}."),
        ),
        (false, Auth::Basic) => (
            "with_basic_auth",
            format!("Creates a client that authorizes with a user name and password {besides}."),
        ),
        (false, Auth::Scheme { scheme }) => (
            "with_key",
            format!("Creates a client that authorizes with a `{scheme}` key {besides}."),
        ),
        (false, Auth::None) => (
            "anonymous",
            format!("Creates a client that sends no credential {besides}."),
        ),
    };
    let name = ident(name);
    let summary = format!(" {summary}");
    let errors = match auth {
        Auth::Bearer { .. } => {
            " Returns an error if `endpoint` is not an absolute `https` URL: azure_core sends bearer tokens only over https."
        }
        _ => " Returns an error if `endpoint` is not an absolute `http` or `https` URL.",
    };
    quote! {
        #[doc = #summary]
        ///
        /// # Arguments
        ///
        #[doc = #endpoint_line]
        #param_doc
        /// * `options` - Optional configuration for the client.
        ///
        /// # Errors
        ///
        #[doc = #errors]
        #[azure_core::tracing::new(#namespace)]
        pub fn #name(endpoint: &str, #param options: Option<#client_options>) -> azure_core::Result<Self> {
            let options = options.unwrap_or_default();
            #policies
            let (endpoint, pipeline) = Self::endpoint_and_pipeline(endpoint, &options, per_try_policies)?;
            Ok(Self {
                endpoint,
                api_version: options.api_version.clone(),
                pipeline,
            })
        }
    }
}

/// How a constructor takes a credential: its parameter, its docs, and the statements that make
/// the `per_try_policies` authorizing each request.
fn credential(auth: &Auth) -> (TokenStream, TokenStream, TokenStream) {
    // A secret goes in a header, or in the query (an API key there).
    let secret_policy = |name: &str, in_query: bool, secret: TokenStream| {
        quote! {
            let secret = SecretPolicy { name: #name, in_query: #in_query, secret: #secret };
            let per_try_policies: Vec<Arc<dyn Policy>> = vec![Arc::new(secret)];
        }
    };
    match auth {
        Auth::Bearer { scopes } => {
            let count = scopes.len();
            (
                quote!(credential: Arc<dyn TokenCredential>,),
                quote!(#[doc = " * `credential` - Where bearer tokens come from, e.g. `azure_identity::DeveloperToolsCredential`."]),
                quote! {
                    // azure_core would refuse each request instead, in an error that is not
                    // retried and names the reason only in its source.
                    if Url::parse(endpoint).is_ok_and(|url| url.scheme() == "http") {
                        return Err(argument_error(format!(
                            "endpoint `{endpoint}` is http: azure_core sends bearer tokens only over https"
                        )));
                    }
                    let scopes: [&str; #count] = [#(#scopes),*];
                    let auth_policy: Arc<dyn Policy> = Arc::new(BearerTokenAuthorizationPolicy::new(credential, scopes));
                    let per_try_policies = vec![auth_policy];
                },
            )
        }
        Auth::ApiKey { name, in_query } => {
            let doc = format!(" * `api_key` - The API key, sent as `{name}`.");
            // Header names go in lower case, as HTTP/2 wants them.
            let name = if *in_query {
                name.clone()
            } else {
                name.to_ascii_lowercase()
            };
            (
                quote!(api_key: Secret,),
                quote!(#[doc = #doc]),
                secret_policy(&name, *in_query, quote!(api_key)),
            )
        }
        Auth::Basic => {
            let policy = secret_policy(
                "authorization",
                false,
                quote!(Secret::new(format!("Basic {basic}"))),
            );
            (
                quote!(user: &str, password: Secret,),
                quote! {
                    #[doc = " * `user` - The user name of HTTP basic authentication."]
                    #[doc = " * `password` - Its password."]
                },
                quote! {
                    let basic = azure_core::base64::encode(format!("{user}:{}", password.secret()));
                    #policy
                },
            )
        }
        Auth::Scheme { scheme } => {
            let doc = format!(" * `key` - The key, sent as `Authorization: {scheme} <key>`.");
            let value = format!("{scheme} {{}}");
            (
                quote!(key: Secret,),
                quote!(#[doc = #doc]),
                secret_policy(
                    "authorization",
                    false,
                    quote!(Secret::new(format!(#value, key.secret()))),
                ),
            )
        }
        Auth::None => (
            TokenStream::new(),
            TokenStream::new(),
            quote!(let per_try_policies = Vec::new();),
        ),
    }
}

/// The policy that adds an API key or an `Authorization` value to every request, where some
/// way of authorizing sends a secret. The secret's `Debug` is redacted, so the client's is too.
pub(super) fn secret_policy(auths: &[&Auth]) -> Option<TokenStream> {
    let secrets = auths.iter().any(|auth| auth.is_secret());
    secrets.then(|| {
        quote! {
            /// Adds a secret to every request: a header, or a query parameter.
            #[derive(Debug)]
            struct SecretPolicy {
                name: &'static str,
                in_query: bool,
                secret: Secret,
            }

            #[async_trait::async_trait]
            impl Policy for SecretPolicy {
                async fn send(
                    &self,
                    ctx: &azure_core::http::Context,
                    request: &mut Request,
                    next: &[Arc<dyn Policy>],
                ) -> PolicyResult {
                    if self.in_query {
                        request.url_mut().query_pairs_mut().append_pair(self.name, self.secret.secret());
                    } else {
                        request.insert_header(self.name, self.secret.secret().to_string());
                    }
                    next[0].send(ctx, request, &next[1..]).await
                }
            }
        }
    })
}
