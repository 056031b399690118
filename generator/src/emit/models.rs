//! Models: `models.rs`, with a struct per object schema, the enums and unions, and the serde
//! helper modules their fields name.

use super::tokens::{In, encoded_serde, ident, outer_docs, type_tokens};
use super::{enums, multipart, paging, polling, xml};
use crate::ir::{Api, Field, Type, TypeDef, TypeKind};
use proc_macro2::{Ident, TokenStream};
use quote::quote;
use std::collections::BTreeMap;

/// `models.rs`: every type of the document, sorted by name, then the helpers their code calls
/// and the serde modules their fields name.
pub(super) fn models_rs(api: &Api) -> TokenStream {
    let mut types: Vec<(usize, &TypeDef)> = api.types.iter().enumerate().collect();
    types.sort_by(|(_, a), (_, b)| a.name.cmp(&b.name));
    let wrapped = xml::wrapped_lists(&types);
    let items = types
        .iter()
        .map(|&(id, def)| type_def(api, id, def, &wrapped));
    let serde_import = (!types.is_empty()).then(|| {
        quote!(
            use serde::{Deserialize, Serialize};
        )
    });
    let with_discriminator = enums::with_discriminator(&types);
    let file_part = multipart::file_part(&types);
    let merge_patch = merge_patch_modules(&types);
    let xml_date_time = xml::date_time_module(&types);
    let wrapped_modules = wrapped
        .iter()
        .map(|(item, module)| xml::wrapped_list_module(item, module));
    quote! {
        //! Models: the bodies the service sends and receives.

        #serde_import

        #(#items)*

        #with_discriminator
        #file_part
        #merge_patch
        #xml_date_time
        #(#wrapped_modules)*
    }
}

/// The items of one type: a struct (with `impl Page` when some operation returns it as a page),
/// an enum or a union.
fn type_def(
    api: &Api,
    id: usize,
    def: &TypeDef,
    wrapped: &BTreeMap<String, String>,
) -> TokenStream {
    match &def.kind {
        TypeKind::Struct { fields } => {
            let page = paging::paging_of(api, id).map(|paging| paging::page_impl(api, paging));
            let def = struct_def(api, def, fields, wrapped);
            quote!(#def #page)
        }
        TypeKind::Enum {
            variants,
            extensible,
        } => enums::enum_def(def, variants, *extensible),
        TypeKind::Union { property, variants } => enums::union_def(api, def, property, variants),
        TypeKind::Untagged { variants } => enums::untagged_def(api, id, variants),
        TypeKind::Alias(target) => {
            let name = ident(&def.name);
            let docs = outer_docs(&def.docs, &def.name);
            let target = type_tokens(api, target, In::Models);
            quote! {
                #docs
                pub type #name = #target;
            }
        }
    }
}

/// `nullable` and `nullable_date_time`, the serde modules of the merge-patch fields, where some
/// field needs them.
fn merge_patch_modules(types: &[(usize, &TypeDef)]) -> TokenStream {
    // The helpers of the merge-patch fields there are: dates, and everything else.
    let patched: Vec<&Field> = types
        .iter()
        .filter(|(_, def)| def.merge_patch)
        .flat_map(|(_, def)| match &def.kind {
            TypeKind::Struct { fields } => fields
                .iter()
                .filter(|f| !f.read_only && !f.additional)
                .collect(),
            _ => Vec::new(),
        })
        .collect();
    let nullable = patched.iter().any(|f| f.ty != Type::DateTime).then(|| {
        quote! {
            /// A merge-patch field that may be absent (`None`), `null` (`Some(None)`) or a value.
            mod nullable {
                pub fn serialize<T: serde::Serialize, S: serde::Serializer>(
                    value: &Option<Option<T>>,
                    serializer: S,
                ) -> Result<S::Ok, S::Error> {
                    serde::Serialize::serialize(&value.as_ref().and_then(Option::as_ref), serializer)
                }

                pub fn deserialize<'de, T: serde::Deserialize<'de>, D: serde::Deserializer<'de>>(
                    deserializer: D,
                ) -> Result<Option<Option<T>>, D::Error> {
                    <Option<T> as serde::Deserialize>::deserialize(deserializer).map(Some)
                }
            }

        }
    });
    let nullable_date_time = patched.iter().any(|f| f.ty == Type::DateTime).then(|| {
        quote! {
            /// A merge-patch date-time, in RFC 3339, that may be absent, `null` or a value.
            mod nullable_date_time {
                use azure_core::time::{rfc3339, OffsetDateTime};

                pub fn serialize<S: serde::Serializer>(
                    value: &Option<Option<OffsetDateTime>>,
                    serializer: S,
                ) -> Result<S::Ok, S::Error> {
                    rfc3339::option::serialize(&value.flatten(), serializer)
                }

                pub fn deserialize<'de, D: serde::Deserializer<'de>>(
                    deserializer: D,
                ) -> Result<Option<Option<OffsetDateTime>>, D::Error> {
                    rfc3339::option::deserialize(deserializer).map(Some)
                }
            }
        }
    });
    quote!(#nullable #nullable_date_time)
}

/// A model struct, with `from_error` when it is an error body and `impl StatusMonitor` when it
/// is the status of a long-running operation.
fn struct_def(
    api: &Api,
    def: &TypeDef,
    fields: &[Field],
    wrapped: &BTreeMap<String, String>,
) -> TokenStream {
    let name = ident(&def.name);
    let docs = outer_docs(&def.docs, &def.name);
    // In XML the root element is named by the document, not by the Rust type.
    let xml_root = (def.xml && def.xml_name != def.name).then(|| {
        let root = &def.xml_name;
        quote!(#[serde(rename = #root)])
    });
    // Models that only arrive from the service may gain fields; users never build them.
    let non_exhaustive = (!def.in_request).then(|| quote!(#[non_exhaustive]));
    let fields = fields
        .iter()
        .map(|field| field_def(api, def, field, wrapped));
    let status_monitor = def
        .status_monitor
        .as_ref()
        .map(|monitor| polling::status_monitor_impl(api, def, monitor));
    let from_error = def.is_error.then(|| from_error_impl(&name));
    quote! {
        #docs
        #[derive(Clone, azure_core::fmt::SafeDebug, Default, PartialEq, Deserialize, Serialize)]
        #xml_root
        #non_exhaustive
        pub struct #name {
            #(#fields)*
        }

        #from_error
        #status_monitor
    }
}

/// One field of a model struct, with the serde attributes that read and write it as the
/// document says.
fn field_def(
    api: &Api,
    def: &TypeDef,
    field: &Field,
    wrapped: &BTreeMap<String, String>,
) -> TokenStream {
    let field_name = ident(&field.name);
    let mut ty = type_tokens(api, &field.ty, In::Models);
    if field.additional {
        let docs = outer_docs(&field.docs, &field.name);
        return quote! {
            #docs
            #[serde(flatten)]
            pub #field_name: #ty,
        };
    }
    if field.boxed {
        ty = quote!(Box<#ty>);
    }
    let docs = outer_docs(&field.docs, &field.json_name);
    // Files go in multipart parts, never in JSON or XML.
    if multipart::holds_file(&field.ty) {
        return quote! {
            #docs
            #[serde(skip)]
            pub #field_name: Option<#ty>,
        };
    }
    let mut serde = vec![quote!(default)];
    let wire_name = if def.xml {
        &field.xml.name
    } else {
        &field.json_name
    };
    // `Some(None)` sends `null`, which a merge patch reads as "remove"; so does a map
    // value of `None`.
    let explicit_null = def.merge_patch && !field.read_only;
    if explicit_null {
        if let Type::Map(value) = &field.ty
            && !matches!(**value, Type::Nullable(_))
        {
            let value = type_tokens(api, value, In::Models);
            ty = quote!(std::collections::HashMap<String, Option<#value>>);
        }
        ty = quote!(Option<#ty>);
        serde.push(if field.ty == Type::DateTime {
            quote!(with = "nullable_date_time")
        } else {
            quote!(with = "nullable")
        });
    }
    // quick-xml matches elements by their local name, without the namespace prefix.
    let local_name = wire_name.split_once(':').map(|(_, local)| local);
    match local_name {
        Some(local) if def.xml => {
            serde.push(quote!(rename(serialize = #wire_name, deserialize = #local)))
        }
        _ if field.name.trim_start_matches("r#") != wire_name => {
            serde.push(quote!(rename = #wire_name))
        }
        _ => {}
    }
    if let Some(module) = field
        .xml
        .item
        .as_ref()
        .filter(|_| def.xml)
        .and_then(|item| wrapped.get(item))
    {
        serde.push(quote!(with = #module));
    }
    if field.read_only {
        serde.push(quote!(skip_serializing));
    } else {
        serde.push(quote!(skip_serializing_if = "Option::is_none"));
    }
    if field.write_only {
        serde.push(quote!(skip_deserializing));
    }
    if let Type::Encoded(format) = field.ty {
        serde.push(encoded_serde(format));
    }
    if field.ty == Type::DateTime && !explicit_null {
        // quick-xml reads an element as a map unless asked for a string.
        serde.push(if def.xml {
            quote!(with = "xml_date_time")
        } else {
            quote!(with = "azure_core::time::rfc3339::option")
        });
    }
    quote! {
        #docs
        #[serde(#(#serde),*)]
        pub #field_name: Option<#ty>,
    }
}

/// `from_error`, which reads an error body back from an error of the client.
fn from_error_impl(name: &Ident) -> TokenStream {
    quote! {
        impl #name {
            /// Reads this error body back from an error the client returned: `Some` when
            /// the error is an HTTP error whose body has this shape.
            pub fn from_error(error: &azure_core::Error) -> Option<Self> {
                match error.kind() {
                    azure_core::error::ErrorKind::HttpResponse {
                        raw_response: Some(response),
                        ..
                    } => serde_json::from_slice(response.body()).ok(),
                    _ => None,
                }
            }
        }
    }
}
