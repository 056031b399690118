//! Methods and their options: one method per operation, with the statements that build its
//! request (path segments, query, headers, body), the options struct of its optional
//! parameters, and the reply formats and body writers the methods call.

use super::tokens::{In, encoded_text, ident, outer_docs, type_tokens};
use super::{multipart, xml};
use crate::ir::{
    Api, Body, Encoding, Location, Operation, Param, Reply, SegmentPart, Type, WireFormat,
    is_object,
};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

/// The async method of an operation that neither runs long nor pages: it sends the request and
/// returns the response.
pub(super) fn plain_method(api: &Api, op: &Operation) -> TokenStream {
    let name = ident(&op.method_name);
    let options = ident(&op.options_name);
    let docs = method_docs(op, &[]);
    let (params, body_param) = arguments(api, op);
    let request = request_statements(api, op);
    let response_type = match &op.reply {
        Reply::Json(ty) => {
            let ty = type_tokens(api, ty, In::Clients);
            quote!(Response<#ty>)
        }
        Reply::Xml(ty) => {
            let ty = type_tokens(api, ty, In::Clients);
            quote!(Response<#ty, azure_core::http::XmlFormat>)
        }
        Reply::Text { .. } => quote!(Response<String, TextFormat>),
        Reply::Binary { .. } => quote!(Response<azure_core::Bytes, BinaryFormat>),
        Reply::Empty => quote!(Response<(), NoFormat>),
    };
    // A JSON reply is read once here, so that one the model cannot read is an error that says
    // so (its status, the model, the body's start) rather than serde's bare message later. A
    // reply of another media type (an `accept` parameter may ask for one) is left to the caller.
    let reply = match &op.reply {
        Reply::Json(ty) => {
            let ty = type_tokens(api, ty, In::Clients);
            quote! {
                let (status, headers, body) = response.deconstruct();
                let body = azure_core::Bytes::from(body);
                let json = headers
                    .get_optional_str(&azure_core::http::headers::CONTENT_TYPE)
                    .is_none_or(|media_type| media_type.contains("json"));
                if json && !body.is_empty() {
                    parse_json::<#ty>(status, &body)?;
                }
                Ok(RawResponse::from_bytes(status, headers, body).into())
            }
        }
        _ => quote!(Ok(response.into())),
    };
    quote! {
        #docs
        pub async fn #name(
            &self,
            #params
            #body_param
            options: Option<#options<'_>>,
        ) -> azure_core::Result<#response_type> {
            let options = options.unwrap_or_default();
            let ctx = options.method_options.context.to_borrowed();
            #request
            let response = self.pipeline.send(&ctx, &mut request, None).await?;
            #reply
        }
    }
}

/// A method's rustdoc: the operation's docs, its path, its arguments, `extra` paragraphs,
/// and how it fails.
pub(super) fn method_docs(op: &Operation, extra: &[String]) -> TokenStream {
    let mut docs = op.docs.clone();
    if !docs.is_empty() {
        docs.push(String::new());
    }
    docs.push(format!("`{} {}`", op.http_method.to_uppercase(), op.path));
    for paragraph in extra {
        docs.push(String::new());
        docs.extend(paragraph.lines().map(str::to_string));
    }
    docs.push(String::new());
    docs.push("# Arguments".to_string());
    docs.push(String::new());
    for param in &op.required {
        push_argument_docs(&mut docs, &param.name, &param.docs);
    }
    if let Some(body) = &op.body {
        push_argument_docs(&mut docs, "body", &body.docs);
        if !body.content_types.is_empty() {
            let doc = format!(
                "The media type of `body`: `{}`.",
                body.content_types.join("`, `")
            );
            push_argument_docs(&mut docs, "content_type", &[doc]);
        }
    }
    docs.push("* `options` - Optional parameters for the request.".to_string());
    docs.push(String::new());
    docs.push("# Errors".to_string());
    docs.push(String::new());
    docs.extend(op.error_docs.iter().cloned());
    let docs = outer_docs(&docs, &op.method_name);
    let deprecated = op
        .deprecated
        .then(|| quote!(#[deprecated = "deprecated by the service"]));
    quote!(#docs #deprecated)
}

/// Adds one argument to a method's docs: a list item with its name and first line, its other
/// lines indented under it.
fn push_argument_docs(docs: &mut Vec<String>, name: &str, param_docs: &[String]) {
    let mut text: Vec<&str> = param_docs
        .iter()
        .map(String::as_str)
        .filter(|l| !l.is_empty())
        .collect();
    if text.is_empty() {
        text.push("");
    }
    docs.push(
        format!("* `{}` - {}", name.trim_start_matches("r#"), text[0])
            .trim_end()
            .to_string(),
    );
    for line in &text[1..] {
        docs.push(format!("  {line}"));
    }
}

/// The method's required parameters and its body argument.
pub(super) fn arguments(api: &Api, op: &Operation) -> (TokenStream, TokenStream) {
    let params = op.required.iter().map(|p| {
        let name = ident(&p.name);
        let ty = param_type(api, &p.ty);
        quote!(#name: #ty,)
    });
    let body = op.body.as_ref().map(|body| {
        let ty = type_tokens(api, &body.ty, In::Clients);
        let content_type = (!body.content_types.is_empty()).then(|| quote!(content_type: &str,));
        if body.required {
            quote!(body: #ty, #content_type)
        } else {
            quote!(body: Option<#ty>, #content_type)
        }
    });
    (quote!(#(#params)*), quote!(#body))
}

/// A required parameter's argument type: borrowed strings, enums and dates; plain numbers.
fn param_type(api: &Api, ty: &Type) -> TokenStream {
    match ty {
        Type::String => quote!(&str),
        Type::DateTime
        | Type::Named(_)
        | Type::Encoded(WireFormat::HttpDate | WireFormat::UnixTime) => {
            let ty = type_tokens(api, ty, In::Clients);
            quote!(&#ty)
        }
        Type::Encoded(WireFormat::Base64 | WireFormat::Base64Url) => quote!(&[u8]),
        Type::List(item) => {
            let item = type_tokens(api, item, In::Clients);
            quote!(&[#item])
        }
        Type::Map(_) => {
            let ty = type_tokens(api, ty, In::Clients);
            quote!(&#ty)
        }
        _ => type_tokens(api, ty, In::Clients),
    }
}

/// Statements that build `let mut request` for the operation from `self`, the arguments and
/// `options`; arguments that cannot stand in a URL fail here, before anything is sent.
pub(super) fn request_statements(api: &Api, op: &Operation) -> TokenStream {
    let http_method = format_ident!("{}", op.http_method);
    let segments = op
        .segments
        .iter()
        .map(|parts| segment_expr(&op.required, parts));
    let append_path =
        (!op.segments.is_empty()).then(|| quote!(append_path(&mut url, &[#(#segments),*])?;));
    let api_version = op
        .sends_api_version
        .then(|| quote!(url.query_pairs_mut().append_pair("api-version", &self.api_version);));
    let constant_query = op.constant_query.iter().map(|(key, value)| match value {
        Some(value) => quote!(url.query_pairs_mut().append_pair(#key, #value);),
        None => quote!(url.query_pairs_mut().append_key_only(#key);),
    });
    let query = |p: &Param, value: &Ident| {
        let wire = &p.wire_name;
        if is_object(&p.ty, &api.types) {
            let (deep, explode) = (p.deep_object, p.explode);
            return quote!(object_query(&mut url, #wire, #value, #deep, #explode)?;);
        }
        list_or_value(p, value, |text| {
            let text = text.as_str();
            quote!(url.query_pairs_mut().append_pair(#wire, #text);)
        })
    };
    let cookie = |p: &Param, value: &Ident| {
        let pair = format!("{}={{}}", p.wire_name);
        list_or_value(p, value, |text| {
            let text = text.as_str();
            quote!(cookies.push(format!(#pair, #text));)
        })
    };
    let header = |p: &Param, value: &Ident| {
        // azure_core's header names are lowercase.
        let wire = p.wire_name.to_ascii_lowercase();
        list_or_value(p, value, |text| {
            let text = text.into_string();
            quote!(request.insert_header(#wire, #text);)
        })
    };
    let value = format_ident!("value");
    let required = |location: Location| op.required.iter().filter(move |p| p.location == location);
    let optional = |location: Location| op.optional.iter().filter(move |p| p.location == location);
    let query_required = required(Location::Query).map(|p| query(p, &ident(&p.name)));
    let query_optional = optional(Location::Query).map(|p| {
        let field = ident(&p.name);
        let set = query(p, &value);
        quote!(if let Some(value) = &options.#field { #set })
    });
    let headers_required = required(Location::Header).map(|p| header(p, &ident(&p.name)));
    let headers_optional = optional(Location::Header).map(|p| {
        let field = ident(&p.name);
        let set = header(p, &value);
        quote!(if let Some(value) = &options.#field { #set })
    });
    let cookies_required = required(Location::Cookie).map(|p| cookie(p, &ident(&p.name)));
    let cookies_optional = optional(Location::Cookie).map(|p| {
        let field = ident(&p.name);
        let set = cookie(p, &value);
        quote!(if let Some(value) = &options.#field { #set })
    });
    // Cookie parameters are pairs of one `Cookie` header (RFC 6265), sent as given.
    let cookies = op
        .required
        .iter()
        .chain(&op.optional)
        .any(|p| p.location == Location::Cookie)
        .then(|| {
            quote! {
                let mut cookies: Vec<String> = Vec::new();
                #(#cookies_required)*
                #(#cookies_optional)*
                if !cookies.is_empty() {
                    request.insert_header("cookie", cookies.join("; "));
                }
            }
        });
    let accept = match &op.reply {
        Reply::Json(_) => Some(quote!(request.insert_header("accept", "application/json");)),
        Reply::Xml(_) => Some(quote!(request.insert_header("accept", "application/xml");)),
        Reply::Text { accept } => Some(quote!(request.insert_header("accept", #accept);)),
        Reply::Binary { accept } => Some(quote!(request.insert_header("accept", #accept);)),
        Reply::Empty => None,
    };
    let set_body = op.body.as_ref().map(|body| set_body(api, body));
    // The endpoint as it is serves an operation at the server's own path with no query.
    let changes_url = append_path.is_some()
        || op.sends_api_version
        || !op.constant_query.is_empty()
        || op
            .required
            .iter()
            .chain(&op.optional)
            .any(|p| p.location == Location::Query);
    let url = if changes_url {
        quote!(mut url)
    } else {
        quote!(url)
    };
    quote! {
        let #url = self.endpoint.clone();
        #append_path
        #(#constant_query)*
        #api_version
        #(#query_required)*
        #(#query_optional)*
        let mut request = Request::new(url, Method::#http_method);
        #accept
        #(#headers_required)*
        #(#headers_optional)*
        #cookies
        #set_body
    }
}

/// One path segment as an expression of type `&str`. String parameters go through
/// `path_parameter`, which refuses values that cannot stand in a path.
fn segment_expr(params: &[Param], parts: &[SegmentPart]) -> TokenStream {
    let param_text = |index: &usize| {
        let param = &params[*index];
        let name = ident(&param.name);
        if param.ty == Type::String {
            let wire = &param.wire_name;
            quote!(path_parameter(#wire, #name)?)
        } else {
            wire_text(&param.ty, &name).as_str()
        }
    };
    match parts {
        [SegmentPart::Literal(text)] => quote!(#text),
        [SegmentPart::Param(index)] => param_text(index),
        // `[..].concat()` rather than `format!`: prettyplease formats expressions, not macro input.
        parts => {
            let pieces = parts.iter().map(|part| match part {
                SegmentPart::Literal(text) => quote!(#text),
                SegmentPart::Param(index) => match &params[*index].ty {
                    Type::String | Type::Named(_) => param_text(index),
                    ty => {
                        let text = wire_text(ty, &ident(&params[*index].name)).into_string();
                        quote!(&*#text)
                    }
                },
            });
            quote!(&[#(#pieces),*].concat())
        }
    }
}

/// Statements that send a parameter bound to `value`; `send` writes one text. A list sends one
/// text per item, or its items joined by the parameter's separator.
fn list_or_value(
    param: &Param,
    value: &Ident,
    send: impl Fn(WireText) -> TokenStream,
) -> TokenStream {
    let item = format_ident!("item");
    match &param.ty {
        Type::List(item_ty) if param.explode => {
            let send = send(wire_text(item_ty, &item));
            quote!(for #item in #value.iter() { #send })
        }
        Type::List(item_ty) => {
            let separator = param.separator;
            let text = wire_text(item_ty, &item).into_string();
            let send = send(WireText::Owned(quote!(joined)));
            quote! {
                let joined = #value.iter().map(|#item| #text).collect::<Vec<String>>().join(#separator);
                #send
            }
        }
        ty => send(wire_text(ty, value)),
    }
}

/// A parameter's text on the wire: borrowed from the value (strings, enums) or a new
/// `String` (numbers, booleans, dates), so each caller borrows or takes it as it needs.
enum WireText {
    Borrowed(TokenStream),
    Owned(TokenStream),
}

impl WireText {
    /// The text as a `&str` argument.
    fn as_str(&self) -> TokenStream {
        match self {
            WireText::Borrowed(text) => text.clone(),
            WireText::Owned(text) => quote!(&#text),
        }
    }

    /// The text as a `String`.
    fn into_string(self) -> TokenStream {
        match self {
            WireText::Borrowed(text) => quote!(#text.to_string()),
            WireText::Owned(text) => text,
        }
    }
}

/// The wire text of a parameter bound to `name` (a `&str`, a reference or a number).
fn wire_text(ty: &Type, name: &Ident) -> WireText {
    match ty {
        Type::String => WireText::Borrowed(quote!(#name)),
        Type::Named(_) => WireText::Borrowed(quote!(#name.as_str())),
        Type::DateTime => WireText::Owned(quote!(azure_core::time::to_rfc3339(#name))),
        Type::Encoded(format) => WireText::Owned(encoded_text(*format, &quote!(#name))),
        _ => WireText::Owned(quote!(#name.to_string())),
    }
}

/// The statements that set the request's body and its `content-type`, as the body's encoding
/// asks.
fn set_body(api: &Api, body: &Body) -> TokenStream {
    let content_type = &body.content_type;
    let namespaces = xml::namespaces(api, body);
    let write = match body.encoding {
        Encoding::Json => quote!(request.set_json(&body)?;),
        Encoding::Xml if namespaces.is_empty() => {
            quote!(request.set_body(azure_core::xml::to_xml(&body)?);)
        }
        Encoding::Xml => quote!(request.set_body(xml_body(&body, &[#(#namespaces),*])?);),
        Encoding::Form => quote!(request.set_body(form_body(&body)?);),
        Encoding::Multipart => {
            let parts = multipart::parts(api, body);
            let set = quote! {
                let mut parts: Vec<Part<'_>> = Vec::new();
                #parts
                let (content_type, bytes) = multipart_body(&parts);
                request.insert_header("content-type", content_type);
                request.set_body(bytes);
            };
            return if body.required {
                set
            } else {
                quote!(if let Some(body) = &body { #set })
            };
        }
        Encoding::Text => quote!(request.set_body(azure_core::Bytes::from(body));),
        Encoding::Binary => quote!(request.set_body(body);),
    };
    let content_type = if body.content_types.is_empty() {
        quote!(#content_type)
    } else {
        quote!(content_type.to_string())
    };
    let set = quote! {
        request.insert_header("content-type", #content_type);
        #write
    };
    if body.required {
        set
    } else {
        quote!(if let Some(body) = body { #set })
    }
}

/// The options struct of an ordinary method: its `ClientMethodOptions`, then the operation's
/// optional parameters.
pub(super) fn method_options(api: &Api, op: &Operation) -> TokenStream {
    let context = match op.paged {
        // As in Azure's crates: a list resumes from where an earlier pager left off.
        Some(_) => quote! {
            /// The call's `Context`, and where to resume listing: the `continuation` of an
            /// earlier pager (`Pager::into_continuation`), else the first page.
            pub method_options: PagerOptions<'a>,
        },
        None => quote! {
            /// Allows customization of the method call, e.g. its `Context`.
            pub method_options: ClientMethodOptions<'a>,
        },
    };
    options_struct(api, op, &op.options_name, &op.method_name, context)
}

/// The options struct of a method: `first` (how the call is made), then the operation's
/// optional parameters.
pub(super) fn options_struct(
    api: &Api,
    op: &Operation,
    name: &str,
    method: &str,
    first: TokenStream,
) -> TokenStream {
    let name = ident(name);
    let doc = format!(
        " Options for [`{}::{}`].",
        api.clients[op.client].name,
        method.trim_start_matches("r#")
    );
    let fields = op.optional.iter().map(|p| {
        let field = ident(&p.name);
        let ty = type_tokens(api, &p.ty, In::Clients);
        let docs = outer_docs(&p.docs, &p.wire_name);
        quote! {
            #docs
            pub #field: Option<#ty>,
        }
    });
    quote! {
        #[doc = #doc]
        #[derive(Clone, azure_core::fmt::SafeDebug, Default)]
        pub struct #name<'a> {
            #first
            #(#fields)*
        }
    }
}

/// The formats of replies that are not JSON (`TextFormat`, `BinaryFormat`), and the writers of
/// form-encoded, namespaced XML and multipart bodies, where some method needs them.
pub(super) fn raw_bodies(api: &Api) -> TokenStream {
    let plain = |op: &&Operation| op.long_running.is_none() && op.paged.is_none();
    let replies = |wanted: fn(&Reply) -> bool| {
        api.operations
            .iter()
            .filter(plain)
            .any(|op| wanted(&op.reply))
    };
    let format = |name: &str, ty: TokenStream, doc: &str, read: TokenStream| {
        let name = ident(name);
        let doc = format!(" {doc}");
        quote! {
            #[doc = #doc]
            #[derive(Clone, Debug)]
            pub struct #name;

            impl azure_core::http::Format for #name {
                fn deserialize<T: serde::de::DeserializeOwned, S: AsRef<[u8]>>(body: S) -> azure_core::Result<T> {
                    serde_json::from_slice(body.as_ref()).map_err(|error| {
                        Error::with_message(ErrorKind::DataConversion, format!("not JSON: {error}"))
                    })
                }
            }

            impl azure_core::http::DeserializeWith<#name> for #ty {
                fn deserialize_with(body: azure_core::http::response::ResponseBody) -> azure_core::Result<#ty> {
                    #read
                }
            }
        }
    };
    let text = replies(|r| matches!(r, Reply::Text { .. })).then(|| {
        format(
            "TextFormat",
            quote!(String),
            "The format of a `text/plain` reply: `Response<String, TextFormat>::into_model` gives the text.",
            quote!(body.into_string()),
        )
    });
    let binary = replies(|r| matches!(r, Reply::Binary { .. })).then(|| {
        format(
            "BinaryFormat",
            quote!(azure_core::Bytes),
            "The format of a binary reply: `Response<Bytes, BinaryFormat>::into_model` gives the bytes.",
            quote!(Ok(body.into())),
        )
    });
    let form = form_body_writer(api);
    let xml = xml::body_writer(api);
    let multipart = multipart::writer(api);
    quote!(#text #binary #form #xml #multipart)
}

/// `form_body`, the writer of form-encoded bodies, where some method sends one.
fn form_body_writer(api: &Api) -> Option<TokenStream> {
    let forms = api.operations.iter().any(|op| {
        op.body
            .as_ref()
            .is_some_and(|b| b.encoding == Encoding::Form)
    });
    forms.then(|| {
        quote! {
            /// Writes a model as an `application/x-www-form-urlencoded` body: each field a pair,
            /// a list as repeated pairs, text as it is and any other value as JSON text.
            fn form_body<T: serde::Serialize>(body: &T) -> azure_core::Result<azure_core::Bytes> {
                let fields = serde_json::to_value(body).map_err(|error| {
                    Error::with_message(ErrorKind::DataConversion, format!("the body is not a form: {error}"))
                })?;
                // A URL's query serializer writes exactly the form encoding.
                let mut form = Url::parse("http://form.invalid/").map_err(|error| {
                    Error::with_message(ErrorKind::Other, error.to_string())
                })?;
                {
                    let mut pairs = form.query_pairs_mut();
                    if let serde_json::Value::Object(fields) = fields {
                        for (name, value) in fields {
                            let values = match value {
                                serde_json::Value::Array(items) => items,
                                other => vec![other],
                            };
                            for value in values {
                                match value {
                                    serde_json::Value::Null => {}
                                    serde_json::Value::String(text) => {
                                        pairs.append_pair(&name, &text);
                                    }
                                    other => {
                                        pairs.append_pair(&name, &other.to_string());
                                    }
                                }
                            }
                        }
                    }
                }
                Ok(azure_core::Bytes::from(form.query().unwrap_or_default().to_string()))
            }
        }
    })
}
