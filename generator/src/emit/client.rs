//! The client: `clients.rs`, with its imports, the client struct and its options, the
//! sub-clients, every method and options struct, and the private helpers the methods call.
//! The constructors and the policies that authorize requests come from `auth`, the methods from
//! `methods`, `paging` and `polling`.

use super::tokens::{ident, outer_docs};
use super::{auth, methods, paging, polling};
use crate::ir::{Api, Auth, Location, Operation, PrefixPart, Reply, Type, is_object, named_in};
use crate::naming;
use heck::ToLowerCamelCase;
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// `clients.rs`: its imports, the client with its options and constructors, the sub-clients,
/// the options of every method, then the private helpers the methods call.
pub(super) fn clients_rs(api: &Api) -> TokenStream {
    let auths: Vec<&Auth> = std::iter::once(&api.auth)
        .chain(&api.auth_alternatives)
        .collect();
    let add_prefix = server_path(&api.server.path_prefix);
    let models_import = uses_models(api).then(|| {
        quote!(
            use crate::generated::models;
        )
    });
    let imports = client_imports(api);
    let credential_imports = auth::credential_imports(&auths);
    let client = client_struct(api);
    let client_options = client_options_struct(api);
    let client_impl = client_impl(api, &auths, add_prefix.as_ref());
    let sub_clients = (1..api.clients.len()).map(|index| sub_client(api, index));
    let options = api.operations.iter().map(|op| options_structs(api, op));
    let polling = polling::shared(api);
    let paging = paging::shared(api);
    let parse_json = parse_json_helper(api);
    let raw_bodies = methods::raw_bodies(api);
    let secret_policy = auth::secret_policy(&auths);
    let append_path = append_path_helper(api, add_prefix.is_some());
    let path_parameter = path_parameter_helper(api);
    let object_query = object_query_helper(api);
    quote! {
        //! The client and the options of its methods.

        #models_import
        #imports
        #credential_imports

        #client
        #client_options
        #client_impl

        #(#sub_clients)*

        #(#options)*

        #polling
        #paging
        #parse_json
        #raw_bodies

        #secret_policy

        #append_path
        #path_parameter
        #object_query

        /// An error about an argument, raised before anything is sent.
        fn argument_error(message: String) -> Error {
            Error::with_message(ErrorKind::Other, message)
        }
    }
}

/// The `use` lines of `clients.rs` for its methods and helpers: what they need, nothing more.
fn client_imports(api: &Api) -> TokenStream {
    let ops = &api.operations;
    let plain = |op: &&Operation| op.long_running.is_none() && op.paged.is_none();
    let any_plain = ops.iter().any(|op| plain(&op));
    let polls = ops.iter().any(|op| op.poll.is_some());
    let long_running = ops.iter().any(|op| op.long_running.is_some());
    let paged = ops.iter().any(|op| op.paged.is_some());
    let mut imports = vec![
        quote!(
            use azure_core::error::{Error, ErrorKind};
        ),
        quote!(
            use azure_core::http::{ClientOptions, Pipeline, Url};
        ),
    ];
    let mut add = |used: bool, import: TokenStream| {
        if used {
            imports.push(import);
        }
    };
    add(
        !ops.is_empty(),
        quote!(
            use azure_core::http::{Method, Request};
        ),
    );
    add(
        any_plain,
        quote!(
            use azure_core::http::ClientMethodOptions;
        ),
    );
    add(
        any_plain || polls || long_running || paged,
        quote!(
            use azure_core::http::Response;
        ),
    );
    add(
        ops.iter().any(|op| plain(&op) && op.reply == Reply::Empty),
        quote!(
            use azure_core::http::NoFormat;
        ),
    );
    add(
        reads_json(api),
        quote!(
            use azure_core::http::{RawResponse, StatusCode};
        ),
    );
    add(
        polls || long_running,
        quote! {
            use azure_core::http::headers::{RETRY_AFTER, RETRY_AFTER_MS, X_MS_RETRY_AFTER_MS};
            use azure_core::http::poller::{
                get_retry_after, Poller, PollerContinuation, PollerOptions, PollerResult, PollerStatus,
                StatusMonitor,
            };
            use azure_core::http::JsonFormat;
            use azure_core::time::Duration;
        },
    );
    add(
        long_running,
        quote! {
            use azure_core::http::headers::HeaderName;
            use azure_core::http::poller::PollerState;
        },
    );
    add(
        paged,
        quote!(
            use azure_core::http::pager::{
                Pager, PagerContinuation, PagerOptions, PagerResult, PagerState,
            };
        ),
    );
    quote!(#(#imports)*)
}

/// Whether `clients.rs` names a model: in a signature, or through a poller or pager.
fn uses_models(api: &Api) -> bool {
    let names_a_model = |ty: &Type| !named_in(ty).is_empty();
    api.operations.iter().any(|op| {
        op.long_running.is_some()
            || op.paged.is_some()
            || op.poll.is_some()
            || op.body.as_ref().is_some_and(|body| names_a_model(&body.ty))
            || matches!(&op.reply, Reply::Json(ty) | Reply::Xml(ty) if names_a_model(ty))
            || op
                .required
                .iter()
                .chain(&op.optional)
                .any(|p| names_a_model(&p.ty))
    })
}

/// The client struct, documented by the document's title and description.
fn client_struct(api: &Api) -> TokenStream {
    let client = ident(&api.client_name);
    let mut client_docs = vec![format!("Client for {}.", api.title)];
    if let Some(description) = &api.description {
        client_docs.push(String::new());
        client_docs.extend(description.lines().map(str::to_string));
    }
    let client_docs = outer_docs(&client_docs, &api.client_name);
    // A document of webhooks or schemas alone declares no operation that sends a request.
    let unused_pipeline = api
        .operations
        .is_empty()
        .then(|| quote!(#[allow(dead_code, reason = "the document declares no operations")]));
    quote! {
        #client_docs
        #[azure_core::tracing::client]
        #[derive(Clone, Debug)]
        pub struct #client {
            endpoint: Url,
            api_version: String,
            #unused_pipeline
            pipeline: Pipeline,
        }
    }
}

/// The client's options: the API version, the server URL's variables and azure_core's options,
/// with their defaults.
fn client_options_struct(api: &Api) -> TokenStream {
    let client_options = ident(&api.client_options_name);
    let version = &api.version;
    let options_doc = format!(" Options for creating a [`{}`].", api.client_name);
    let variable_fields = api.server.variables.iter().map(|variable| {
        let field = ident(&variable.field);
        let docs = outer_docs(&variable.docs, &variable.field);
        quote!(#docs pub #field: String,)
    });
    let variable_defaults = api.server.variables.iter().map(|variable| {
        let field = ident(&variable.field);
        let default = &variable.default;
        quote!(#field: #default.to_string(),)
    });
    quote! {
        #[doc = #options_doc]
        #[derive(Clone, azure_core::fmt::SafeDebug)]
        pub struct #client_options {
            /// The service API version to use; defaults to the document's version.
            pub api_version: String,
            #(#variable_fields)*
            /// Transport, retry, logging and other options of `azure_core`.
            pub client_options: ClientOptions,
        }

        impl Default for #client_options {
            fn default() -> Self {
                Self {
                    api_version: #version.to_string(),
                    #(#variable_defaults)*
                    client_options: ClientOptions::default(),
                }
            }
        }
    }
}

/// `impl Client`: the constructors, `endpoint_and_pipeline` that they share, the getters, the
/// sub-clients' accessors and the methods of the operations without a group.
fn client_impl(api: &Api, auths: &[&Auth], add_prefix: Option<&TokenStream>) -> TokenStream {
    let client = ident(&api.client_name);
    let client_options = ident(&api.client_options_name);
    let endpoint_line = match (&api.server.fixed_url, &api.server.endpoint_docs) {
        (Some(url), _) => format!(" * `endpoint` - The service's URL; the document names `{url}`."),
        (None, Some(docs)) => format!(" * `endpoint` - {}", docs.lines().next().unwrap_or("")),
        (None, None) => " * `endpoint` - The service's URL.".to_string(),
    };
    // A document that names its server: `new(XClient::DEFAULT_ENDPOINT, ..)` uses it.
    let default_endpoint = api.server.fixed_url.as_ref().map(|url| {
        quote! {
            /// The server URL the document names.
            pub const DEFAULT_ENDPOINT: &'static str = #url;
        }
    });
    let constructors = auth::constructors(auths, &endpoint_line, &client_options, &api.namespace);
    let endpoint_and_pipeline = endpoint_and_pipeline(&client_options, add_prefix);
    let accessors = accessors(api);
    let methods = methods_of(api, 0);
    quote! {
        impl #client {
            #constructors

            #endpoint_and_pipeline

            /// The endpoint this client sends requests to.
            pub fn endpoint(&self) -> &Url {
                &self.endpoint
            }

            /// The service API version this client sends.
            pub fn api_version(&self) -> &str {
                &self.api_version
            }

            #default_endpoint

            #accessors

            #methods
        }
    }
}

/// `endpoint_and_pipeline`, which every constructor calls: it checks the endpoint, appends
/// the server URL's path, and builds the pipeline.
fn endpoint_and_pipeline(client_options: &Ident, add_prefix: Option<&TokenStream>) -> TokenStream {
    quote! {
        /// The endpoint, checked and with the server URL's path, and the pipeline whose
        /// `per_try_policies` authorize each request.
        fn endpoint_and_pipeline(
            endpoint: &str,
            options: &#client_options,
            per_try_policies: Vec<Arc<dyn Policy>>,
        ) -> azure_core::Result<(Url, Pipeline)> {
            let mut url = Url::parse(endpoint).map_err(|error| {
                argument_error(format!("endpoint `{endpoint}` is not a valid URL: {error}"))
            })?;
            if !matches!(url.scheme(), "https" | "http") || url.cannot_be_a_base() {
                return Err(argument_error(format!("endpoint `{endpoint}` must be an http or https URL")));
            }
            url.set_query(None);
            url.set_fragment(None);
            #add_prefix
            let pipeline = Pipeline::new(
                option_env!("CARGO_PKG_NAME"),
                option_env!("CARGO_PKG_VERSION"),
                options.client_options.clone(),
                Vec::new(),
                per_try_policies,
                None,
            );
            Ok((url, pipeline))
        }
    }
}

/// The constructor's statement appending the server URL's path to the endpoint; a variable
/// takes its value from the client's options, checked as a path parameter is.
fn server_path(segments: &[Vec<PrefixPart>]) -> Option<TokenStream> {
    if segments.is_empty() {
        return None;
    }
    let segments = segments.iter().map(|parts| match parts.as_slice() {
        [PrefixPart::Literal(text)] => quote!(#text),
        [PrefixPart::Variable { field, name }] => {
            let field = ident(field);
            quote!(path_parameter(#name, &options.#field)?)
        }
        parts => {
            let pieces = parts.iter().map(|part| match part {
                PrefixPart::Literal(text) => quote!(#text),
                PrefixPart::Variable { field, name } => {
                    let field = ident(field);
                    quote!(path_parameter(#name, &options.#field)?)
                }
            });
            quote!(&[#(#pieces),*].concat())
        }
    });
    Some(quote!(append_path(&mut url, &[#(#segments),*])?;))
}

/// The client's accessors of its sub-clients, which share its endpoint, version and pipeline.
fn accessors(api: &Api) -> TokenStream {
    let accessors = api.clients.iter().filter_map(|sub| {
        let accessor = ident(sub.accessor.as_ref()?);
        let name = ident(&sub.name);
        let doc = format!(
            " The client for the `{}` operations.",
            sub.group.as_deref().unwrap_or_default()
        );
        Some(quote! {
            #[doc = #doc]
            #[azure_core::tracing::subclient]
            pub fn #accessor(&self) -> #name {
                #name {
                    endpoint: self.endpoint.clone(),
                    api_version: self.api_version.clone(),
                    pipeline: self.pipeline.clone(),
                }
            }
        })
    });
    quote!(#(#accessors)*)
}

/// The sub-client of one group of operations, with its getters and methods.
fn sub_client(api: &Api, index: usize) -> TokenStream {
    let sub = &api.clients[index];
    let name = ident(&sub.name);
    let doc = format!(
        " The `{}` operations of {}; from [`{}::{}`].",
        sub.group.as_deref().unwrap_or_default(),
        api.title,
        api.client_name,
        sub.accessor.as_deref().unwrap_or_default()
    );
    let methods = methods_of(api, index);
    quote! {
        #[doc = #doc]
        #[azure_core::tracing::client]
        #[derive(Clone, Debug)]
        pub struct #name {
            endpoint: Url,
            api_version: String,
            pipeline: Pipeline,
        }

        impl #name {
            /// The endpoint this client sends requests to.
            pub fn endpoint(&self) -> &Url {
                &self.endpoint
            }

            /// The service API version this client sends.
            pub fn api_version(&self) -> &str {
                &self.api_version
            }

            #methods
        }
    }
}

/// The methods of one client (0 is the main one): each operation's method, and its `poll_*`
/// method when it reads a status.
fn methods_of(api: &Api, client: usize) -> TokenStream {
    let methods = api
        .operations
        .iter()
        .filter(|op| op.client == client)
        .map(|op| {
            // One span per call, named as Azure's crates name theirs: `Namespace.operation`.
            let traced = |method_name: &str| {
                let group = api.clients[client].group.as_deref().map(naming::type_name);
                let name = [
                    Some(api.namespace.clone()),
                    group,
                    Some(method_name.to_lower_camel_case()),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(".");
                quote!(#[azure_core::tracing::function(#name)])
            };
            let poll = op.poll.as_ref().map(|poll| {
                let traced = traced(&poll.method_name);
                let method = polling::poll_method(api, op, poll);
                quote!(#traced #method)
            });
            let traced_method = traced(&op.method_name);
            let method = method(api, op);
            quote!(#traced_method #method #poll)
        });
    quote!(#(#methods)*)
}

/// The method of an operation: a `begin_*` method returning a poller for a long-running one, a
/// pager for a paged list, else an async method returning the response.
fn method(api: &Api, op: &Operation) -> TokenStream {
    if op.long_running.is_some() {
        return polling::begin_method(api, op);
    }
    if let Some(paging) = &op.paged {
        return paging::list_method(api, op, paging);
    }
    methods::plain_method(api, op)
}

/// The options structs of an operation's methods: the poller's options for a long-running
/// one, else the method's, and the `poll_*` method's when there is one.
fn options_structs(api: &Api, op: &Operation) -> TokenStream {
    let poll = op
        .poll
        .as_ref()
        .map(|poll| polling::poller_options_struct(api, op, &poll.options_name, &poll.method_name));
    let options = if op.long_running.is_some() {
        polling::poller_options_struct(api, op, &op.options_name, &op.method_name)
    } else {
        methods::method_options(api, op)
    };
    quote!(#options #poll)
}

/// Whether some method reads a JSON reply itself: a poller, a pager, or a plain method of a
/// JSON reply, which checks that the model reads it.
fn reads_json(api: &Api) -> bool {
    api.operations.iter().any(|op| {
        op.poll.is_some()
            || op.long_running.is_some()
            || op.paged.is_some()
            || matches!(op.reply, Reply::Json(_))
    })
}

/// `parse_json`, which methods read JSON replies with, where some method does.
fn parse_json_helper(api: &Api) -> Option<TokenStream> {
    reads_json(api).then(|| {
        quote! {
                /// Parses a JSON reply, or says what is wrong with it: the status, the problem and
                /// the start of the body.
                fn parse_json<M: serde::de::DeserializeOwned>(status: StatusCode, body: &[u8]) -> azure_core::Result<M> {
                    // `alloc::vec::Vec<my_crate::models::Thing>` reads as `Vec<Thing>`.
                    let mut expected = String::new();
                    for piece in std::any::type_name::<M>().split_inclusive(['<', '>', ',', ' ']) {
                        let (path, delimiter) = match piece.char_indices().last() {
                            Some((at, '<' | '>' | ',' | ' ')) => piece.split_at(at),
                            _ => (piece, ""),
                        };
                        expected.push_str(path.rsplit("::").next().unwrap_or(path));
                        expected.push_str(delimiter);
                    }
                    if body.is_empty() {
                        return Err(Error::with_message(
                            ErrorKind::DataConversion,
                            format!("the service's {status} reply has an empty body; a JSON {expected} was expected"),
                        ));
                    }
                    serde_json::from_slice(body).map_err(|error| {
                        let start = String::from_utf8_lossy(&body[..body.len().min(120)]);
                        Error::with_message(
                            ErrorKind::DataConversion,
                            format!("the service's {status} reply is not a valid {expected} ({error}); the body starts with: {start}"),
                        )
                    })
                }
            }
        })
}

/// `append_path`, where some operation has a path or the server URL has one (`prefixed`).
fn append_path_helper(api: &Api, prefixed: bool) -> Option<TokenStream> {
    let uses_path = api.operations.iter().any(|op| !op.segments.is_empty()) || prefixed;
    uses_path.then(|| {
        quote! {
            /// Appends `segments` to the URL's path, each percent-encoded as one segment, so that a
            /// value holding `/`, `?` or `#` can never change the path or start a query.
            fn append_path(url: &mut Url, segments: &[&str]) -> azure_core::Result<()> {
                let mut path = url.path_segments_mut().map_err(|()| {
                    argument_error("the endpoint cannot be a base URL".to_string())
                })?;
                path.pop_if_empty().extend(segments);
                Ok(())
            }
        }
    })
}

/// `path_parameter`, where a server variable or a string path parameter must be checked.
fn path_parameter_helper(api: &Api) -> Option<TokenStream> {
    let server_variables = api.server.path_prefix.iter().flatten();
    let checks_path = server_variables
        .into_iter()
        .any(|part| matches!(part, PrefixPart::Variable { .. }))
        || api.operations.iter().any(|op| {
            op.required
                .iter()
                .any(|p| p.location == Location::Path && p.ty == Type::String)
        });
    checks_path.then(|| {
        quote! {
            /// Refuses a path parameter value that cannot stand as a path segment: an empty one,
            /// and `.` or `..`, which URL normalisation removes (even percent-encoded), so the
            /// request would reach another resource.
            fn path_parameter<'v>(name: &str, value: &'v str) -> azure_core::Result<&'v str> {
                match value {
                    "" => Err(argument_error(format!("path parameter `{name}` must not be empty"))),
                    "." | ".." => Err(argument_error(format!(
                        "path parameter `{name}` must not be `{value}`: URL normalisation would remove it"
                    ))),
                    _ => Ok(value),
                }
            }
        }
    })
}

/// `object_query`, where some query parameter is an object.
fn object_query_helper(api: &Api) -> Option<TokenStream> {
    let has_object = api.operations.iter().any(|op| {
        op.required
            .iter()
            .chain(&op.optional)
            .any(|p| p.location == Location::Query && is_object(&p.ty, &api.types))
    });
    has_object.then(|| {
        quote! {
            /// Appends an object's properties to the query, as OpenAPI's styles say:
            /// `name[key]=value` (`deepObject`), `key=value` (`form`, exploded) or
            /// `name=key,value,…` (`form`). A string is sent as it is, any other value as its
            /// JSON text; absent (`null`) properties are left out.
            fn object_query(
                url: &mut Url,
                name: &str,
                object: &impl serde::Serialize,
                deep: bool,
                explode: bool,
            ) -> azure_core::Result<()> {
                let serde_json::Value::Object(properties) = serde_json::to_value(object)? else {
                    return Err(argument_error(format!("query parameter `{name}` must be an object")));
                };
                let text = |value: &serde_json::Value| match value {
                    serde_json::Value::String(text) => text.clone(),
                    other => other.to_string(),
                };
                let present = properties.iter().filter(|(_, value)| !value.is_null());
                if deep || explode {
                    let mut pairs = url.query_pairs_mut();
                    for (key, value) in present {
                        let key = if deep { format!("{name}[{key}]") } else { key.clone() };
                        pairs.append_pair(&key, &text(value));
                    }
                } else {
                    let joined: Vec<String> = present.flat_map(|(key, value)| [key.clone(), text(value)]).collect();
                    url.query_pairs_mut().append_pair(name, &joined.join(","));
                }
                Ok(())
            }
        }
    })
}
