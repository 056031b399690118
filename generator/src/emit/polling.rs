//! Long-running work: status models implement azure_core's `StatusMonitor`, a GET of a status
//! model gets a `poll_*` method returning azure_core's `Poller`, and a long-running operation a
//! `begin_*` method returning one.
//!
//! azure_core reads only "InProgress" as in progress and anything it does not know as unknown,
//! which its pollers treat as done; so the mapping is generated from the document's enum
//! instead: its terminal values end polling, every other value (also an unknown one) does not.

use super::methods::{arguments, method_docs, options_struct, request_statements};
use super::tokens::{In, ident, model_path, outer_docs, type_tokens};
use crate::ir::{
    Api, OPERATION_FAILURE, Operation, Poll, Reply, StatusMonitor, Terminal, Type, TypeDef,
};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// `impl StatusMonitor for Model`, mapping the status enum's terminal variants.
pub(super) fn status_monitor_impl(
    api: &Api,
    def: &TypeDef,
    monitor: &StatusMonitor,
) -> TokenStream {
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

/// The `poll_*` method of a status GET: the same request, sent again until the status is
/// terminal.
pub(super) fn poll_method(api: &Api, op: &Operation, poll: &Poll) -> TokenStream {
    let name = ident(&poll.method_name);
    let options = ident(&poll.options_name);
    let Reply::Json(Type::Named(status_id)) = op.reply else {
        return TokenStream::new();
    };
    let status = model_path(api, status_id, In::Clients);
    let get = op.method_name.trim_start_matches("r#");
    let docs = outer_docs(
        &format!(
            "Polls [`Self::{get}`] until the operation ends.\n\n{POLLER_DOCS}\n\n\
             # Errors\n\n\
             Returns an error at once for an argument that cannot be sent or a frequency under one\n\
             second; the poller's requests fail as [`Self::{get}`] does."
        )
        .lines()
        .map(str::to_string)
        .collect::<Vec<_>>(),
        "",
    );
    let (params, _) = arguments(api, op);
    let request = request_statements(api, op);
    quote! {
        #docs
        pub fn #name(
            &self,
            #params
            options: Option<#options<'_>>,
        ) -> azure_core::Result<Poller<#status>> {
            let options = options.unwrap_or_default();
            check_frequency(&options.method_options)?;
            #request
            Ok(status_poller(self.pipeline.clone(), request, options.method_options))
        }
    }
}

/// How a poller behaves, for the docs of every method that returns one.
const POLLER_DOCS: &str = "\
`.await` on the poller gives the result when the operation succeeded; when it failed or was
canceled, an error from which [`OperationFailure::from_error`] reads the last status (it carries
the service's error). As a stream, the poller yields every reply it reads, e.g. to show
progress, the terminal status last; read it one way or the other, not both (azure_core 1.1
panics when a poller read to its end is awaited).

Between requests it waits as long as the service asks (`retry-after-ms`,
`x-ms-retry-after-ms`, or `Retry-After` in seconds or as an HTTP date), else
`options.method_options.frequency` (30 s by default, at least 1 s). Dropping the poller stops
polling; the operation itself goes on.";

/// The `begin_*` method of a long-running operation: sends the request, then follows its
/// `Operation-Location` until the operation ends.
pub(super) fn begin_method(api: &Api, op: &Operation) -> TokenStream {
    let Some(long_running) = &op.long_running else {
        return TokenStream::new();
    };
    let name = ident(&op.method_name);
    let options = ident(&op.options_name);
    let result = type_tokens(api, &long_running.result, In::Clients);
    let status = model_path(api, long_running.status, In::Clients);
    let fetch_result = long_running.fetch_result;
    let ends_with = if fetch_result {
        "once it succeeded, the poller reads the resource again from the request's URL and \
         `.await` gives it"
    } else {
        "`.await` gives the final status"
    };
    let docs = method_docs(
        op,
        &[format!(
            "Starts the operation and returns a poller that follows the reply's \
             `Operation-Location` until the operation ends; {ends_with}. The poller's first \
             item is the reply to the request itself.\n\n{POLLER_DOCS}"
        )],
    );
    let (params, body_param) = arguments(api, op);
    let request = request_statements(api, op);
    quote! {
        #docs
        pub fn #name(
            &self,
            #params
            #body_param
            options: Option<#options<'_>>,
        ) -> azure_core::Result<Poller<OperationProgress<#status, #result>>> {
            let options = options.unwrap_or_default();
            check_frequency(&options.method_options)?;
            #request
            Ok(long_running_poller(
                self.pipeline.clone(),
                request,
                options.method_options,
                #fetch_result,
            ))
        }
    }
}

/// The options of a method that returns a poller: the poller's, plus the operation's optional
/// parameters.
pub(super) fn poller_options_struct(
    api: &Api,
    op: &Operation,
    name: &str,
    method: &str,
) -> TokenStream {
    let poller = quote! {
        /// The context of every request, and how long to wait between them when the
        /// service does not say.
        pub method_options: PollerOptions<'a>,
    };
    options_struct(api, op, name, method, poller)
}

/// `OperationFailure<M>`, with `Display` for each status model, and the helpers the poll
/// methods share.
pub(super) fn shared(api: &Api) -> TokenStream {
    let monitors: Vec<(usize, &StatusMonitor)> = api
        .types
        .iter()
        .enumerate()
        .filter_map(|(id, def)| def.status_monitor.as_ref().map(|m| (id, m)))
        .collect();
    if monitors.is_empty() {
        return TokenStream::new();
    }
    let failure = ident(OPERATION_FAILURE);
    let failure_type = operation_failure(&failure);
    let displays = monitors
        .iter()
        .map(|&(id, monitor)| failure_display(api, &failure, id, monitor));
    let polls = api.operations.iter().any(|op| op.poll.is_some());
    let status_poller = polls.then(|| status_poller_fns(&failure));
    let long_running = long_running_helpers(api, &failure);
    let check_frequency = (polls || long_running.is_some()).then(check_frequency_fn);
    let helpers = quote!(#status_poller #long_running #check_frequency);
    quote! {
        #failure_type

        #(#displays)*

        #helpers
    }
}

/// `OperationFailure<M>`, the error a poller ends with when the operation failed or was
/// canceled.
fn operation_failure(failure: &Ident) -> TokenStream {
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
    }
}

/// `Display` and `Error` for the `OperationFailure` of one status model: with the service's
/// error code and message when the status has an error field.
fn failure_display(api: &Api, failure: &Ident, id: usize, monitor: &StatusMonitor) -> TokenStream {
    let name = model_path(api, id, In::Clients);
    let binding = match &monitor.error_field {
        Some(_) => quote!(status),
        None => quote!(_),
    };
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
                    Self::Failed(#binding) => {
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
}

/// `status_poller` and `poll_step`, the poller of every `poll_*` method.
fn status_poller_fns(failure: &Ident) -> TokenStream {
    quote! {
        /// The poller of every `poll_*` method: it sends `request` again until the status it
        /// reads is terminal.
        fn status_poller<M>(
            pipeline: Pipeline,
            request: Request,
            options: PollerOptions<'_>,
        ) -> Poller<M>
        where
            M: StatusMonitor<Output = M, Format = JsonFormat> + serde::de::DeserializeOwned + Send + 'static,
            #failure<M>: std::error::Error + Send + Sync + 'static,
        {
            Poller::new(
                move |_, poller_options: PollerOptions<'static>| {
                    let pipeline = pipeline.clone();
                    let mut request = request.clone();
                    Box::pin(async move {
                        let response = pipeline.send(&poller_options.context, &mut request, None).await?;
                        poll_step(response, &poller_options, request.url())
                    })
                },
                Some(options.into_owned()),
            )
        }

        /// Reads one status reply and tells the poller whether to go on. A terminal status
        /// hands the poller its result: the status, or an `OperationFailure` carrying it.
        fn poll_step<M>(
            response: RawResponse,
            poller_options: &PollerOptions<'_>,
            url: &Url,
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
                            next_link: url.clone(),
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
    }
}

/// `check_frequency`, which every method returning a poller calls first.
fn check_frequency_fn() -> TokenStream {
    quote! {
        /// azure_core's poller panics below one second; say so as an error instead.
        fn check_frequency(options: &PollerOptions<'_>) -> azure_core::Result<()> {
            if options.frequency < Duration::seconds(1) {
                return Err(argument_error(format!(
                    "the polling frequency must be at least one second, not {}",
                    options.frequency
                )));
            }
            Ok(())
        }
    }
}

/// `OperationProgress<S, T>`, and the poller and step function of every `begin_*` method, where
/// some operation runs long.
fn long_running_helpers(api: &Api, failure: &Ident) -> Option<TokenStream> {
    api.operations.iter().find(|op| op.long_running.is_some())?;
    let progress = operation_progress_types();
    let poller = long_running_poller_fn(failure);
    let step = long_running_step_fn(failure);
    Some(quote!(#progress #poller #step))
}

/// `OperationProgress<S, T>`, what a `begin_*` poller yields, and `Outcome<T>`, its result.
fn operation_progress_types() -> TokenStream {
    quote! {
        /// A status `S` of a long-running operation whose result is a `T`, as a `begin_*`
        /// poller reads it. It dereferences to the status.
        pub struct OperationProgress<S, T> {
            /// The status as the service sent it.
            pub operation: S,
            result: std::marker::PhantomData<fn() -> T>,
        }

        impl<S, T> std::ops::Deref for OperationProgress<S, T> {
            type Target = S;

            fn deref(&self) -> &S {
                &self.operation
            }
        }

        impl<S: std::fmt::Debug, T> std::fmt::Debug for OperationProgress<S, T> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.operation.fmt(f)
            }
        }

        impl<'de, S: serde::Deserialize<'de>, T> serde::Deserialize<'de> for OperationProgress<S, T> {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                Ok(Self {
                    operation: S::deserialize(deserializer)?,
                    result: std::marker::PhantomData,
                })
            }
        }

        impl<S: StatusMonitor, T> StatusMonitor for OperationProgress<S, T> {
            type Output = T;
            type Format = JsonFormat;

            fn status(&self) -> PollerStatus {
                self.operation.status()
            }
        }

        /// A `begin_*` poller's result, produced once the operation has ended.
        type Outcome<T> = Box<
            dyn FnOnce() -> std::pin::Pin<Box<dyn std::future::Future<Output = azure_core::Result<Response<T>>> + Send>>
                + Send,
        >;
    }
}

/// `long_running_poller`, the poller of every `begin_*` method.
fn long_running_poller_fn(failure: &Ident) -> TokenStream {
    quote! {
        /// The poller of every `begin_*` method, whose steps `long_running_step` takes.
        fn long_running_poller<S, T>(
            pipeline: Pipeline,
            request: Request,
            options: PollerOptions<'_>,
            fetch_result: bool,
        ) -> Poller<OperationProgress<S, T>>
        where
            S: StatusMonitor + serde::de::DeserializeOwned + Send + 'static,
            #failure<S>: std::error::Error + Send + Sync + 'static,
            T: Send + 'static,
        {
            Poller::new(
                move |state: PollerState, poller_options: PollerOptions<'static>| {
                    Box::pin(long_running_step(
                        pipeline.clone(),
                        request.clone(),
                        state,
                        poller_options,
                        fetch_result,
                    ))
                },
                Some(options.into_owned()),
            )
        }
    }
}

/// `long_running_step`, one step of a `begin_*` poller.
fn long_running_step_fn(failure: &Ident) -> TokenStream {
    quote! {
        /// One step of a `begin_*` poller: the request itself, then each status request to
        /// the `Operation-Location` it named; a terminal status hands over the outcome.
        async fn long_running_step<S, T>(
            pipeline: Pipeline,
            request: Request,
            state: PollerState,
            options: PollerOptions<'static>,
            fetch_result: bool,
        ) -> azure_core::Result<PollerResult<OperationProgress<S, T>>>
        where
            S: StatusMonitor + serde::de::DeserializeOwned + Send + 'static,
            #failure<S>: std::error::Error + Send + Sync + 'static,
            T: Send + 'static,
        {
            let (mut current, status_url) = match state {
                PollerState::Initial => (request.clone(), None),
                PollerState::More(PollerContinuation::Links { next_link, .. }) => {
                    let mut status_request = Request::new(next_link.clone(), Method::Get);
                    status_request.insert_header("accept", "application/json");
                    (status_request, Some(next_link))
                }
                PollerState::More(other) => {
                    return Err(Error::with_message(
                        ErrorKind::Other,
                        format!("unexpected poller continuation `{other}`"),
                    ));
                }
            };
            let response = pipeline.send(&options.context, &mut current, None).await?;
            let retry_after = get_retry_after(
                response.headers(),
                &[X_MS_RETRY_AFTER_MS, RETRY_AFTER_MS, RETRY_AFTER],
                &options,
            );
            let finished = |response: RawResponse, outcome: Outcome<T>| PollerResult::Succeeded {
                response: response.into(),
                target: outcome,
            };
            let Some(status_url) = status_url else {
                let location = HeaderName::from_static("operation-location");
                return match response.headers().get_optional_str(&location) {
                    Some(location) => {
                        let mut next_link = request.url().join(location).map_err(|error| {
                            Error::with_message(
                                ErrorKind::DataConversion,
                                format!("the service's Operation-Location `{location}` is not a URL: {error}"),
                            )
                        })?;
                        // Status requests carry the request's api-version when the link has none.
                        let has_version = next_link.query_pairs().any(|(key, _)| key == "api-version");
                        if !has_version
                            && let Some((_, version)) = request.url().query_pairs().find(|(key, _)| key == "api-version")
                        {
                            next_link.query_pairs_mut().append_pair("api-version", &version);
                        }
                        Ok(PollerResult::InProgress {
                            response: response.into(),
                            retry_after,
                            continuation: PollerContinuation::Links { next_link, final_link: None },
                        })
                    }
                    // Done at once (a PUT that replaced the resource synchronously, say): the
                    // reply is the result.
                    None => {
                        let result = response.clone().into();
                        Ok(finished(response, Box::new(move || Box::pin(async move { Ok(result) }))))
                    }
                };
            };
            let (status, headers, body) = response.deconstruct();
            let body = azure_core::Bytes::from(body);
            let progress: S = parse_json(status, &body)?;
            let response = RawResponse::from_bytes(status, headers, body);
            let failure = match progress.status() {
                PollerStatus::Succeeded if fetch_result => {
                    let mut get = Request::new(request.url().clone(), Method::Get);
                    get.insert_header("accept", "application/json");
                    return Ok(finished(
                        response,
                        Box::new(move || {
                            Box::pin(async move {
                                Ok(pipeline.send(&options.context, &mut get, None).await?.into())
                            })
                        }),
                    ));
                }
                PollerStatus::Succeeded => {
                    let result = response.clone().into();
                    return Ok(finished(response, Box::new(move || Box::pin(async move { Ok(result) }))));
                }
                PollerStatus::Failed => #failure::Failed(progress),
                PollerStatus::Canceled => #failure::Canceled(progress),
                _ => {
                    return Ok(PollerResult::InProgress {
                        response: response.into(),
                        retry_after,
                        continuation: PollerContinuation::Links { next_link: status_url, final_link: None },
                    });
                }
            };
            Ok(finished(
                response,
                Box::new(move || Box::pin(async move { Err(Error::new(ErrorKind::Other, failure)) })),
            ))
        }
    }
}
