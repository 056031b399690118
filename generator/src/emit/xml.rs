//! XML: the names quick-xml reads and writes (wrapped lists, dates from text) and the writer of
//! bodies whose root declares namespaces.

use super::tokens::ident;
use crate::ir::{Api, Body, Encoding, Type, TypeDef, TypeKind};
use crate::naming::{self, Scope};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::{BTreeMap, BTreeSet};

/// The item names of the wrapped XML lists, each with the module that reads and writes such a
/// list (`wrapped_<item>`).
pub(super) fn wrapped_lists(types: &[(usize, &TypeDef)]) -> BTreeMap<String, String> {
    let items: BTreeSet<&String> = types
        .iter()
        .filter(|(_, def)| def.xml)
        .flat_map(|(_, def)| match &def.kind {
            TypeKind::Struct { fields } => {
                fields.iter().filter_map(|f| f.xml.item.as_ref()).collect()
            }
            _ => Vec::new(),
        })
        .collect();
    let mut names = Scope::default();
    items
        .into_iter()
        .map(|item| {
            (
                item.clone(),
                names.claim(format!(
                    "wrapped_{}",
                    naming::value_name(item).trim_start_matches("r#")
                )),
            )
        })
        .collect()
}

/// A serde `with` module for a wrapped XML list: its items are `<item>` elements inside the
/// field's element.
pub(super) fn wrapped_list_module(item: &str, module: &str) -> TokenStream {
    let module = ident(module);
    let doc = format!(" A wrapped XML list of `<{item}>` elements.");
    quote! {
        #[doc = #doc]
        mod #module {
            use serde::{Deserialize, Deserializer, Serialize, Serializer};

            #[derive(Serialize)]
            struct Items<'a, T> {
                #[serde(rename = #item)]
                item: &'a [T],
            }

            #[derive(Deserialize)]
            struct OwnedItems<T> {
                #[serde(rename = #item, default = "Vec::new")]
                item: Vec<T>,
            }

            pub fn serialize<T: Serialize, S: Serializer>(
                value: &Option<Vec<T>>,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                match value {
                    Some(items) => Items { item: items }.serialize(serializer),
                    None => serializer.serialize_none(),
                }
            }

            pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Option<Vec<T>>, D::Error> {
                OwnedItems::deserialize(deserializer).map(|items| Some(items.item))
            }
        }
    }
}

/// The module that reads an XML model's date-times from text, where some model needs it.
pub(super) fn date_time_module(types: &[(usize, &TypeDef)]) -> Option<TokenStream> {
    let dates = types.iter().any(|(_, def)| {
        def.xml && matches!(&def.kind, TypeKind::Struct { fields } if fields.iter().any(|f| f.ty == Type::DateTime))
    });
    dates.then(|| {
        quote! {
            /// An RFC 3339 date-time in XML, read from the element's text.
            mod xml_date_time {
                use azure_core::time::{rfc3339, OffsetDateTime};
                use serde::Deserialize;

                pub fn serialize<S: serde::Serializer>(
                    value: &Option<OffsetDateTime>,
                    serializer: S,
                ) -> Result<S::Ok, S::Error> {
                    rfc3339::option::serialize(value, serializer)
                }

                pub fn deserialize<'de, D: serde::Deserializer<'de>>(
                    deserializer: D,
                ) -> Result<Option<OffsetDateTime>, D::Error> {
                    Option::<String>::deserialize(deserializer)?
                        .map(|text| azure_core::time::parse_rfc3339(&text).map_err(serde::de::Error::custom))
                        .transpose()
                }
            }
        }
    })
}

/// `xml_body`, the writer of XML bodies whose root declares namespaces, where some method
/// sends one.
pub(super) fn body_writer(api: &Api) -> Option<TokenStream> {
    let namespaced = api.operations.iter().any(|op| {
        op.body
            .as_ref()
            .is_some_and(|body| !namespaces(api, body).is_empty())
    });
    namespaced.then(|| {
        quote! {
            /// Writes a model as XML whose root element declares the namespaces (a prefix and
            /// its ` xmlns:prefix="uri"` text) that the document gives it and its elements.
            fn xml_body<T: serde::Serialize>(body: &T, namespaces: &[&str]) -> azure_core::Result<azure_core::Bytes> {
                let xml = azure_core::xml::to_xml(body)?;
                let mut text = String::from_utf8_lossy(&xml).into_owned();
                // The root element follows the declaration; its name ends at a space, `/` or `>`.
                let after_declaration = text.find("?>").map_or(0, |end| end + 2);
                if let Some(open) = text[after_declaration..].find('<') {
                    let name_start = after_declaration + open + 1;
                    let name_end = text[name_start..]
                        .find([' ', '/', '>'])
                        .map_or(text.len(), |end| name_start + end);
                    text.insert_str(name_end, &namespaces.concat());
                }
                Ok(azure_core::Bytes::from(text))
            }
        }
    })
}

/// The namespace declarations (` xmlns:prefix="uri"`) of an XML body's root element.
pub(super) fn namespaces(api: &Api, body: &Body) -> Vec<String> {
    match (&body.encoding, &body.ty) {
        (Encoding::Xml, Type::Named(id)) => api.types[*id]
            .xml_namespaces
            .iter()
            .map(|(prefix, uri)| {
                let uri = uri
                    .replace('&', "&amp;")
                    .replace('"', "&quot;")
                    .replace('<', "&lt;");
                format!(" xmlns:{prefix}=\"{uri}\"")
            })
            .collect(),
        _ => Vec::new(),
    }
}
