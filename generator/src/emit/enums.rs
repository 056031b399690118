//! Enums and unions: closed and extensible enums of values, discriminated unions (`oneOf` with
//! a discriminator) and untagged unions (`oneOf` without one).

use super::tokens::{In, ident, model_path, outer_docs, type_tokens};
use crate::ir::{Api, Type, TypeDef, TypeKind, UnionVariant, Variant};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// A closed enum of values, or an extensible one that also keeps values this client does not
/// know.
pub(super) fn enum_def(def: &TypeDef, variants: &[Variant], extensible: bool) -> TokenStream {
    let name = ident(&def.name);
    let docs = outer_docs(&def.docs, &def.name);
    let variant_idents: Vec<Ident> = variants.iter().map(|v| ident(&v.name)).collect();
    let values: Vec<&String> = variants.iter().map(|v| &v.value).collect();
    let variant_docs = variants.iter().map(|v| outer_docs(&v.docs, &v.value));
    let unknown_as_str = extensible.then(|| quote!(Self::UnknownValue(value) => value,));
    let common = quote! {
        impl #name {
            /// The value as it is on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#variant_idents => #values,)*
                    #unknown_as_str
                }
            }
        }

        impl AsRef<str> for #name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
    if extensible {
        quote! {
            #docs
            ///
            /// Extensible: the service may send values this client does not know yet; they are
            /// kept in [`Self::UnknownValue`] and sent back unchanged.
            #[derive(Clone, Debug, PartialEq, Eq, Hash)]
            #[non_exhaustive]
            pub enum #name {
                #(#variant_docs #variant_idents,)*
                /// A value this version of the client does not know, kept as sent.
                UnknownValue(String),
            }

            #common

            impl std::str::FromStr for #name {
                type Err = std::convert::Infallible;

                fn from_str(value: &str) -> Result<Self, Self::Err> {
                    Ok(match value {
                        #(#values => Self::#variant_idents,)*
                        other => Self::UnknownValue(other.to_string()),
                    })
                }
            }

            impl Serialize for #name {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.serialize_str(self.as_str())
                }
            }

            impl<'de> Deserialize<'de> for #name {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let text = String::deserialize(deserializer)?;
                    let Ok(value) = text.parse();
                    Ok(value)
                }
            }
        }
    } else {
        let error = format!("unknown {} value `{{value}}`", def.name);
        quote! {
            #docs
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
            pub enum #name {
                #(#variant_docs #[serde(rename = #values)] #variant_idents,)*
            }

            #common

            impl std::str::FromStr for #name {
                type Err = azure_core::Error;

                fn from_str(value: &str) -> Result<Self, Self::Err> {
                    match value {
                        #(#values => Ok(Self::#variant_idents),)*
                        _ => Err(azure_core::Error::with_message(
                            azure_core::error::ErrorKind::DataConversion,
                            format!(#error),
                        )),
                    }
                }
            }
        }
    }
}

/// A discriminated union: an enum of its kinds, read by the discriminating property; a kind
/// this client does not know is kept whole as JSON and written back unchanged.
pub(super) fn union_def(
    api: &Api,
    def: &TypeDef,
    property: &str,
    variants: &[UnionVariant],
) -> TokenStream {
    let name = ident(&def.name);
    let docs = outer_docs(&def.docs, &def.name);
    let names: Vec<Ident> = variants.iter().map(|v| ident(&v.name)).collect();
    let values: Vec<&String> = variants.iter().map(|v| &v.value).collect();
    let types: Vec<TokenStream> = variants
        .iter()
        .map(|v| model_path(api, v.ty, In::Models))
        .collect();
    let variant_docs = values.iter().map(|value| {
        let line = format!(" `{property}` is `{value}`.");
        quote!(#[doc = #line])
    });
    let kind_doc = format!(
        " Discriminated by `{property}`: a kind this version of the client does not know is kept in \
         [`Self::UnknownKind`] and written back unchanged."
    );
    quote! {
        #docs
        ///
        #[doc = #kind_doc]
        #[derive(Clone, azure_core::fmt::SafeDebug, PartialEq)]
        #[non_exhaustive]
        pub enum #name {
            #(#variant_docs #names(#types),)*
            /// A kind this version of the client does not know, kept as sent.
            UnknownKind(serde_json::Value),
        }

        impl Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    #(Self::#names(value) => with_discriminator(value, #property, #values, serializer),)*
                    Self::UnknownKind(value) => value.serialize(serializer),
                }
            }
        }

        impl<'de> Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = serde_json::Value::deserialize(deserializer)?;
                let kind = value.get(#property).and_then(serde_json::Value::as_str);
                Ok(match kind {
                    #(Some(#values) => Self::#names(
                        serde_json::from_value(value).map_err(serde::de::Error::custom)?,
                    ),)*
                    _ => Self::UnknownKind(value),
                })
            }
        }
    }
}

/// `with_discriminator`, which the discriminated unions' `Serialize` calls, where some union
/// has a variant.
pub(super) fn with_discriminator(types: &[(usize, &TypeDef)]) -> Option<TokenStream> {
    let unions = types.iter().any(
        |(_, def)| matches!(&def.kind, TypeKind::Union { variants, .. } if !variants.is_empty()),
    );
    unions.then(|| {
        quote! {
            /// Writes a variant of a discriminated union with the discriminator its variant
            /// stands for, whether or not its own model has (or has set) that property.
            fn with_discriminator<T: Serialize, S: serde::Serializer>(
                value: &T,
                property: &str,
                kind: &str,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                let mut value = serde_json::to_value(value).map_err(serde::ser::Error::custom)?;
                if let Some(object) = value.as_object_mut() {
                    object.insert(property.to_string(), serde_json::Value::String(kind.to_string()));
                }
                value.serialize(serializer)
            }
        }
    })
}

/// A `oneOf` without a discriminator: serde tries the variants in the document's order.
pub(super) fn untagged_def(api: &Api, id: usize, variants: &[(String, Type)]) -> TokenStream {
    let def = &api.types[id];
    let name = ident(&def.name);
    let docs = outer_docs(&def.docs, &def.name);
    let names = variants.iter().map(|(name, _)| ident(name));
    let types = variants.iter().map(|(_, ty)| {
        let tokens = type_tokens(api, ty, In::Models);
        // A variant that holds the enum itself would make it infinitely large.
        match ty {
            Type::Named(inner) if *inner == id => quote!(Box<#tokens>),
            _ => tokens,
        }
    });
    let variant_docs = variants.iter().map(|(name, _)| {
        let line = format!(" The value read as `{name}`.");
        quote!(#[doc = #line])
    });
    quote! {
        #docs
        ///
        /// One of several shapes: reading tries each variant in turn and keeps the first that fits.
        #[derive(Clone, azure_core::fmt::SafeDebug, PartialEq, Deserialize, Serialize)]
        #[serde(untagged)]
        pub enum #name {
            #(#variant_docs #names(#types),)*
        }
    }
}
