//! The building blocks every emitter shares: the Rust type of an IR type, identifiers, and
//! rustdoc attributes.

use crate::ir::{Api, Type, WireFormat};
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

/// Which generated module a type is written in: `clients.rs` names models by their module
/// path, so that a model may be called `Request`, `Error` or `Url` without clashing with the
/// client's own imports.
#[derive(Clone, Copy)]
pub(super) enum In {
    Models,
    Clients,
}

/// The Rust type of `ty`, as written in the module `within`.
pub(super) fn type_tokens(api: &Api, ty: &Type, within: In) -> TokenStream {
    match ty {
        Type::Bool => quote!(bool),
        Type::I32 => quote!(i32),
        Type::I64 => quote!(i64),
        Type::U64 => quote!(u64),
        Type::F32 => quote!(f32),
        Type::F64 => quote!(f64),
        Type::Decimal => quote!(rust_decimal::Decimal),
        Type::String => quote!(String),
        Type::DateTime | Type::Encoded(WireFormat::HttpDate | WireFormat::UnixTime) => {
            quote!(azure_core::time::OffsetDateTime)
        }
        Type::Encoded(WireFormat::Base64 | WireFormat::Base64Url) => quote!(Vec<u8>),
        Type::Json => quote!(serde_json::Value),
        Type::Bytes => quote!(azure_core::Bytes),
        Type::List(item) => {
            let item = type_tokens(api, item, within);
            quote!(Vec<#item>)
        }
        Type::Tuple(items) => {
            let items = items.iter().map(|item| type_tokens(api, item, within));
            quote!((#(#items,)*))
        }
        Type::Map(value) => {
            let value = type_tokens(api, value, within);
            quote!(std::collections::HashMap<String, #value>)
        }
        Type::Nullable(inner) => {
            let inner = type_tokens(api, inner, within);
            quote!(Option<#inner>)
        }
        Type::Named(id) => model_path(api, *id, within),
        Type::File => match within {
            In::Models => quote!(FilePart),
            In::Clients => quote!(models::FilePart),
        },
    }
}

/// A model's name as seen from `within`.
pub(super) fn model_path(api: &Api, id: usize, within: In) -> TokenStream {
    let name = ident(&api.types[id].name);
    match within {
        In::Models => quote!(#name),
        In::Clients => quote!(models::#name),
    }
}

/// An identifier, raw (`r#type`) where the naming module made it so.
pub(super) fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// `#[doc]` attributes, one per line, each with a leading space as `///` would have. Items
/// without a description are documented by their wire name, so every public item has docs.
pub(super) fn outer_docs(lines: &[String], fallback: &str) -> TokenStream {
    let fallback = [format!("`{fallback}`")];
    let lines = if lines.iter().all(|l| l.is_empty()) {
        &fallback[..]
    } else {
        lines
    };
    let attrs = lines.iter().map(|line| {
        let text = Literal::string(&doc_line(line));
        quote!(#[doc = #text])
    });
    quote!(#(#attrs)*)
}

/// `#![doc]` attributes, one per line: the docs of the module they stand in.
pub(super) fn inner_docs(lines: &[String]) -> TokenStream {
    let attrs = lines.iter().map(|line| {
        let text = Literal::string(&doc_line(line));
        quote!(#![doc = #text])
    });
    quote!(#(#attrs)*)
}

/// A line of docs as `///` or `//!` would write it: with a leading space unless empty.
fn doc_line(line: &str) -> String {
    if line.is_empty() {
        String::new()
    } else {
        format!(" {line}")
    }
}

/// The wire text of `value` (a reference to an `OffsetDateTime`, or to bytes) in `format`, as
/// a query, a header or a form part carries it.
pub(super) fn encoded_text(format: WireFormat, value: &TokenStream) -> TokenStream {
    match format {
        WireFormat::HttpDate => quote!(azure_core::time::to_rfc7231(#value)),
        WireFormat::UnixTime => quote!(#value.unix_timestamp().to_string()),
        WireFormat::Base64 => quote!(azure_core::base64::encode(#value)),
        WireFormat::Base64Url => quote!(azure_core::base64::encode_url_safe(#value)),
    }
}

/// The serde attributes of an optional field in `format`, through azure_core's helpers.
pub(super) fn encoded_serde(format: WireFormat) -> TokenStream {
    match format {
        WireFormat::HttpDate => quote!(with = "azure_core::time::rfc7231::option"),
        WireFormat::UnixTime => quote!(with = "azure_core::time::unix_time::option"),
        WireFormat::Base64 => quote!(with = "azure_core::base64::option"),
        WireFormat::Base64Url => quote! {
            serialize_with = "azure_core::base64::option::serialize_url_safe",
            deserialize_with = "azure_core::base64::option::deserialize_url_safe"
        },
    }
}
