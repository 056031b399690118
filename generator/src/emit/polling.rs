//! Long-running work: status models implement azure_core's `StatusMonitor`, and a GET of a
//! status model gets a `poll_*` method returning azure_core's `Poller`.
//!
//! azure_core reads only "InProgress" as in progress and anything it does not know as unknown,
//! which its pollers treat as done; so the mapping is generated from the document's enum
//! instead: its terminal values end polling, every other value (also an unknown one) does not.

use super::{ident, outer_docs, param_type, type_tokens};
use crate::ir::{
    Api, OPERATION_FAILURE, Operation, Poll, StatusMonitor, Terminal, Type, TypeDef, TypeKind,
};
use proc_macro2::TokenStream;
use quote::quote;

/// `impl StatusMonitor for Model`, mapping the status enum's terminal variants.
pub fn status_monitor_impl(api: &Api, def: &TypeDef, monitor: &StatusMonitor) -> TokenStream {
    let name = ident(&def.name);
    let field = ident(&monitor.status_field);
    let states = ident(&api.types[monitor.states].name);
    let arms = monitor.terminal.iter().map(|(variant, meaning)| {
        let variant = ident(variant);
        let status = match meaning {
            Terminal::Succeeded => quote!(Succeeded),
            Terminal::Failed => quote!(Failed),
            Terminal::Canceled => quote!(Canceled),
        };
        quote!(Some(#states::#variant) => PollerStatus::#status,)
    });
    let terminal: Vec<String> = monitor
        .terminal
        .iter()
        .map(|(variant, _)| format!("`{variant}`"))
        .collect();
    let doc = format!(
        " {} end the operation; every other state, also one this client does not know, means it is still in progress.",
        terminal.join(", ")
    );
    quote! {
        impl azure_core::http::poller::StatusMonitor for #name {
            type Output = Self;
            type Format = azure_core::http::JsonFormat;

            #[doc = #doc]
            fn status(&self) -> azure_core::http::poller::PollerStatus {
                use azure_core::http::poller::PollerStatus;
                match &self.#field {
                    #(#arms)*
                    _ => PollerStatus::InProgress,
                }
            }
        }
    }
}

/// The `poll_*` method of a status GET.
pub fn poll_method(api: &Api, op: &Operation, poll: &Poll) -> TokenStream {
    let name = ident(&poll.method_name);
    let options = ident(&poll.options_name);
    let get = ident(&op.method_name);
    let get_options = ident(&op.options_name);
    let Some(Type::Named(status_id)) = op.response else {
        return TokenStream::new();
    };
    let status = ident(&api.types[status_id].name);
    let doc = format!(
        "Polls [`Self::{get}`] until the operation ends.\n\n\
         `.await` on the poller gives the last status when the operation succeeded; when it failed\n\
         or was canceled, an error from which [`{OPERATION_FAILURE}::from_error`] reads the last status\n\
         (it carries the service's error). As a stream, the poller yields every status it reads,\n\
         e.g. to show progress, the terminal one last; read it one way or the other, not both\n\
         (azure_core 1.1 panics when a poller read to its end is awaited).\n\n\
         Between requests it waits as long as the service asks (`retry-after-ms`,\n\
         `x-ms-retry-after-ms`, or `Retry-After` in seconds or as an HTTP date), else\n\
         `options.poller_options.frequency` (30 s by default, at least 1 s). Dropping the poller\n\
         stops polling; the operation itself goes on.\n\n\
         # Errors\n\n\
         Returns an error at once if the frequency is under one second; the poller's requests\n\
         fail as [`Self::{get}`] does.",
        get = op.method_name.trim_start_matches("r#"),
    );
    let docs = outer_docs(&doc.lines().map(str::to_string).collect::<Vec<_>>(), "");
    let args = op.required.iter().map(|p| {
        let name = ident(&p.name);
        let ty = param_type(api, &p.ty);
        quote!(#name: #ty,)
    });
    // The poller outlives the borrowed arguments: each request gets owned copies.
    let owned = op.required.iter().map(|p| {
        let name = ident(&p.name);
        match p.ty {
            Type::String => quote!(let #name = #name.to_string();),
            Type::Named(_) | Type::DateTime => quote!(let #name = #name.clone();),
            _ => TokenStream::new(),
        }
    });
    // Each request of the poller gets its own copy of what is not `Copy`.
    let per_request = op
        .required
        .iter()
        .chain(&op.optional)
        .filter(|p| !is_copy(api, &p.ty))
        .map(|p| {
            let name = ident(&p.name);
            quote!(let #name = #name.clone();)
        });
    let call_args = op.required.iter().map(|p| {
        let name = ident(&p.name);
        match p.ty {
            Type::String | Type::Named(_) | Type::DateTime => quote!(&#name,),
            _ => quote!(#name,),
        }
    });
    let optional_fields: Vec<_> = op.optional.iter().map(|p| ident(&p.name)).collect();
    quote! {
        #docs
        pub fn #name(
            &self,
            #(#args)*
            options: Option<#options<'_>>,
        ) -> azure_core::Result<Poller<#status>> {
            let options = options.unwrap_or_default();
            if options.poller_options.frequency < Duration::seconds(1) {
                return Err(argument_error(format!(
                    "the polling frequency must be at least one second, not {}",
                    options.poller_options.frequency
                )));
            }
            let client = self.clone();
            #(#owned)*
            #(let #optional_fields = options.#optional_fields;)*
            Ok(Poller::new(
                move |_, poller_options: PollerOptions<'static>| {
                    let client = client.clone();
                    #(#per_request)*
                    Box::pin(async move {
                        let get_options = #get_options {
                            method_options: ClientMethodOptions {
                                context: poller_options.context.clone(),
                            },
                            #(#optional_fields,)*
                        };
                        let response = client.#get(#(#call_args)* Some(get_options)).await?;
                        poll_step(response, &poller_options, &client.endpoint)
                    })
                },
                Some(options.poller_options.into_owned()),
            ))
        }
    }
}

/// Whether values of `ty` are `Copy` (numbers, booleans, dates, closed enums).
fn is_copy(api: &Api, ty: &Type) -> bool {
    match ty {
        Type::Named(id) => matches!(
            api.types[*id].kind,
            TypeKind::Enum {
                extensible: false,
                ..
            }
        ),
        Type::String | Type::Json | Type::List(_) | Type::Map(_) => false,
        _ => true,
    }
}

/// The options of a `poll_*` method: the poller's, plus the GET's optional parameters.
pub fn poll_options(api: &Api, op: &Operation, poll: &Poll) -> TokenStream {
    let name = ident(&poll.options_name);
    let doc = format!(
        " Options for [`{}::{}`].",
        api.clients[op.client].name,
        poll.method_name.trim_start_matches("r#")
    );
    let fields = op.optional.iter().map(|p| {
        let field = ident(&p.name);
        let ty = type_tokens(api, &p.ty);
        let docs = outer_docs(&p.docs, &p.wire_name);
        quote! {
            #docs
            pub #field: Option<#ty>,
        }
    });
    quote! {
        #[doc = #doc]
        #[derive(Clone, Debug, Default)]
        pub struct #name<'a> {
            /// The context of every request, and how long to wait between them when the
            /// service does not say.
            pub poller_options: PollerOptions<'a>,
            #(#fields)*
        }
    }
}

/// `OperationFailure<M>`, with `Display` for each status model, and the helpers the poll
/// methods share.
pub fn shared(api: &Api) -> TokenStream {
    let monitors: Vec<(&TypeDef, &StatusMonitor)> = api
        .types
        .iter()
        .filter_map(|def| def.status_monitor.as_ref().map(|m| (def, m)))
        .collect();
    if monitors.is_empty() {
        return TokenStream::new();
    }
    let failure = ident(OPERATION_FAILURE);
    let displays = monitors.iter().map(|(def, monitor)| {
        let name = ident(&def.name);
        let reason = match &monitor.error_field {
            Some(field) => {
                let field = ident(field);
                quote! {
                    if let Some(error) = &status.#field {
                        write!(
                            f,
                            ": {}: {}",
                            error.code.as_deref().unwrap_or("(no code)"),
                            error.message.as_deref().unwrap_or("(no message)")
                        )?;
                    }
                }
            }
            None => TokenStream::new(),
        };
        quote! {
            impl std::fmt::Display for #failure<#name> {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    match self {
                        Self::Failed(status) => {
                            f.write_str("the operation failed")?;
                            #reason
                            Ok(())
                        }
                        Self::Canceled(_) => f.write_str("the operation was canceled"),
                    }
                }
            }

            impl std::error::Error for #failure<#name> {}
        }
    });
    let polls = api.operations.iter().any(|op| op.poll.is_some());
    let helpers = polls.then(|| {
        quote! {
            /// Reads one status reply and tells the poller whether to go on. A terminal status
            /// hands the poller its result: the status, or an `OperationFailure` carrying it.
            fn poll_step<M>(
                response: Response<M>,
                poller_options: &PollerOptions<'_>,
                endpoint: &Url,
            ) -> azure_core::Result<PollerResult<M>>
            where
                M: StatusMonitor<Output = M, Format = JsonFormat> + serde::de::DeserializeOwned + Send + 'static,
                #failure<M>: std::error::Error + Send + Sync + 'static,
            {
                let retry_after = get_retry_after(
                    response.headers(),
                    &[X_MS_RETRY_AFTER_MS, RETRY_AFTER_MS, RETRY_AFTER],
                    poller_options,
                );
                let (status, headers, body) = response.deconstruct();
                let body = azure_core::Bytes::from(body);
                let model: M = parse_json(status, &body)?;
                let reply = || RawResponse::from_bytes(status, headers.clone(), body.clone()).into();
                let outcome = match model.status() {
                    PollerStatus::Succeeded => Ok(reply()),
                    PollerStatus::Failed => Err(#failure::Failed(model)),
                    PollerStatus::Canceled => Err(#failure::Canceled(model)),
                    _ => {
                        return Ok(PollerResult::InProgress {
                            response: reply(),
                            retry_after,
                            continuation: PollerContinuation::Links {
                                next_link: endpoint.clone(),
                                final_link: None,
                            },
                        });
                    }
                };
                Ok(PollerResult::Succeeded {
                    response: reply(),
                    target: Box::new(move || {
                        Box::pin(async move {
                            outcome.map_err(|failure| Error::new(ErrorKind::Other, failure))
                        })
                    }),
                })
            }

            /// Parses a JSON reply, or says what is wrong with it: the status, the problem and
            /// the start of the body.
            fn parse_json<M: serde::de::DeserializeOwned>(status: StatusCode, body: &[u8]) -> azure_core::Result<M> {
                let expected = std::any::type_name::<M>().rsplit("::").next().unwrap_or("value");
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
    });
    quote! {
        /// Why waiting for an operation ended in an error although every request succeeded.
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub enum #failure<M> {
            /// The operation failed; its last status holds the service's error.
            Failed(M),
            /// The operation was canceled.
            Canceled(M),
        }

        impl<M: 'static> #failure<M>
        where
            Self: std::error::Error,
        {
            /// Reads the failure back from the error a poller of this client ended with.
            pub fn from_error(error: &azure_core::Error) -> Option<&Self> {
                error.downcast_ref::<Self>()
            }

            /// The operation's last status.
            pub fn status(&self) -> &M {
                match self {
                    Self::Failed(status) | Self::Canceled(status) => status,
                }
            }
        }

        #(#displays)*

        #helpers
    }
}
