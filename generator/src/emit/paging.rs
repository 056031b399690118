//! Paged lists: an operation whose reply is a page (`value` and `nextLink`) returns
//! azure_core's `Pager`, which follows `nextLink` and yields the items of every page.

use super::methods::{arguments, method_docs, request_statements};
use super::tokens::{In, ident, model_path, type_tokens};
use crate::ir::{Api, Operation, Paging};
use proc_macro2::TokenStream;
use quote::quote;

/// The method of a paged list.
pub(super) fn list_method(api: &Api, op: &Operation, paging: &Paging) -> TokenStream {
    let name = ident(&op.method_name);
    let options = ident(&op.options_name);
    let page = model_path(api, paging.page, In::Clients);
    let (next_link, how) = match &paging.next_link {
        Some((field, json_name)) => {
            let field = ident(field);
            (
                quote!(|page: &#page| page.#field.as_deref()),
                format!(
                    "yields the items of every page, fetching the next page (the reply's \
                     `{json_name}`, with this client's api-version) when needed"
                ),
            )
        }
        None => (
            quote!(|_: &#page| None),
            "yields the items of the one page the service sends".to_string(),
        ),
    };
    let docs = method_docs(
        op,
        &[format!(
            "Returns a pager: as a stream it {how}; `into_pages()` yields whole pages."
        )],
    );
    let (params, body_param) = arguments(api, op);
    let request = request_statements(api, op);
    let api_version = if op.sends_api_version {
        quote!(Some(self.api_version.clone()))
    } else {
        quote!(None)
    };
    quote! {
        #docs
        pub fn #name(
            &self,
            #params
            #body_param
            options: Option<#options<'_>>,
        ) -> azure_core::Result<Pager<#page>> {
            let options = options.unwrap_or_default();
            #request
            let pipeline = self.pipeline.clone();
            let api_version: Option<String> = #api_version;
            Ok(Pager::new(
                move |state: PagerState, pager_options: PagerOptions<'static>| {
                    let mut request = request.clone();
                    if let PagerState::More(PagerContinuation::Link(next)) = state {
                        *request.url_mut() = next_page_url(next, api_version.as_deref());
                    }
                    let pipeline = pipeline.clone();
                    Box::pin(async move {
                        send_page(&pipeline, &pager_options.context, request, #next_link)
                        .await
                    })
                },
                Some(PagerOptions {
                    context: options.method_options.context.into_owned(),
                    continuation: options.method_options.continuation,
                }),
            ))
        }
    }
}

/// `impl Page` for a page model: its items are the `value` list.
pub(super) fn page_impl(api: &Api, paging: &Paging) -> TokenStream {
    let page = ident(&api.types[paging.page].name);
    let item = type_tokens(api, &paging.item, In::Models);
    let items = ident(&paging.items_field);
    quote! {
        impl azure_core::http::pager::Page for #page {
            type Item = #item;
            type IntoIter = std::vec::IntoIter<#item>;

            fn into_items<'page>(
                self,
            ) -> std::pin::Pin<
                Box<dyn std::future::Future<Output = azure_core::Result<Self::IntoIter>> + Send + 'page>,
            >
            where
                Self: 'page,
            {
                Box::pin(async move { Ok(self.#items.unwrap_or_default().into_iter()) })
            }
        }
    }
}

/// The helpers every paged method shares.
pub(super) fn shared(api: &Api) -> TokenStream {
    if api.operations.iter().all(|op| op.paged.is_none()) {
        return TokenStream::new();
    }
    quote! {
        /// Sends one page request and reads where the next page is.
        async fn send_page<P: serde::de::DeserializeOwned>(
            pipeline: &Pipeline,
            context: &azure_core::http::Context<'_>,
            mut request: Request,
            next_link: fn(&P) -> Option<&str>,
        ) -> azure_core::Result<PagerResult<Response<P>>> {
            let response = pipeline.send(context, &mut request, None).await?;
            let (status, headers, body) = response.deconstruct();
            let body = azure_core::Bytes::from(body);
            let page: P = parse_json(status, &body)?;
            let next = match next_link(&page).filter(|link| !link.is_empty()) {
                // A relative link is relative to the page that named it.
                Some(link) => Some(request.url().join(link).map_err(|error| {
                    Error::with_message(
                        ErrorKind::DataConversion,
                        format!("the service's nextLink `{link}` is not a URL: {error}"),
                    )
                })?),
                None => None,
            };
            let response = RawResponse::from_bytes(status, headers, body).into();
            Ok(match next {
                Some(next) => PagerResult::More {
                    response,
                    continuation: PagerContinuation::Link(next),
                },
                None => PagerResult::Done { response },
            })
        }

        /// The next page's URL with this client's api-version in place of the one the service
        /// wrote, as Azure's guidelines ask; the rest of its query is kept byte for byte.
        fn next_page_url(mut next: Url, api_version: Option<&str>) -> Url {
            if let Some(api_version) = api_version {
                let kept: Vec<&str> = next
                    .query()
                    .unwrap_or_default()
                    .split('&')
                    .filter(|pair| !pair.is_empty() && pair.split('=').next() != Some("api-version"))
                    .collect();
                let kept = kept.join("&");
                next.set_query((!kept.is_empty()).then_some(kept.as_str()));
                next.query_pairs_mut().append_pair("api-version", api_version);
            }
            next
        }
    }
}

/// How the type at `page` is paged, when some operation returns it as a page.
pub(super) fn paging_of(api: &Api, page: usize) -> Option<&Paging> {
    api.operations
        .iter()
        .filter_map(|op| op.paged.as_ref())
        .find(|paging| paging.page == page)
}
