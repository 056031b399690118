//! `multipart/form-data` bodies: the `FilePart` model, the parts of a body, and their writer.

use super::tokens::{encoded_text, ident};
use crate::ir::{Api, Body, Encoding, Type, TypeDef, TypeKind};
use proc_macro2::TokenStream;
use quote::quote;

/// Whether a field holds a file (`format: binary`), alone or in a list.
pub(super) fn holds_file(ty: &Type) -> bool {
    match ty {
        Type::File => true,
        Type::List(item) | Type::Nullable(item) => holds_file(item),
        _ => false,
    }
}

/// `FilePart`, where some model holds a file.
pub(super) fn file_part(types: &[(usize, &TypeDef)]) -> Option<TokenStream> {
    let files = types.iter().any(|(_, def)| {
        matches!(&def.kind, TypeKind::Struct { fields } if fields.iter().any(|f| holds_file(&f.ty)))
    });
    files.then(|| {
        quote! {
            /// A file sent as one part of a `multipart/form-data` body.
            #[derive(Clone, azure_core::fmt::SafeDebug, Default, PartialEq)]
            pub struct FilePart {
                /// The file's contents.
                pub contents: azure_core::Bytes,
                /// The file's name; the part's name when `None`.
                pub filename: Option<String>,
                /// The file's media type; when `None`, the one the document gives the part, else
                /// `application/octet-stream`.
                pub content_type: Option<String>,
            }

            impl From<azure_core::Bytes> for FilePart {
                fn from(contents: azure_core::Bytes) -> Self {
                    Self { contents, ..Self::default() }
                }
            }
        }
    })
}

/// Statements pushing each field of a multipart body as a part: files as files (one part per
/// file of a list), text and numbers as text, anything else as JSON.
pub(super) fn parts(api: &Api, body: &Body) -> TokenStream {
    let Type::Named(id) = &body.ty else {
        return TokenStream::new();
    };
    let TypeKind::Struct { fields } = &api.types[*id].kind else {
        return TokenStream::new();
    };
    let pushes = fields.iter().filter(|f| !f.read_only && !f.additional).map(|field| {
        let name = ident(&field.name);
        let part = &field.json_name;
        let media_type = body.part_types.get(part).map_or("application/octet-stream", String::as_str);
        let push = match &field.ty {
            Type::File => quote!(parts.push(Part::File(#part, value, #media_type));),
            Type::List(item) if **item == Type::File => quote! {
                for file in value {
                    parts.push(Part::File(#part, file, #media_type));
                }
            },
            Type::String => quote!(parts.push(Part::Text(#part, value.clone()));),
            Type::Bool
            | Type::I32
            | Type::I64
            | Type::U64
            | Type::F32
            | Type::F64
            | Type::Decimal => {
                quote!(parts.push(Part::Text(#part, value.to_string()));)
            }
            Type::DateTime => quote!(parts.push(Part::Text(#part, azure_core::time::to_rfc3339(value)));),
            Type::Encoded(format) => {
                let text = encoded_text(*format, &quote!(value));
                quote!(parts.push(Part::Text(#part, #text));)
            }
            Type::Named(target) if matches!(api.types[*target].kind, TypeKind::Enum { .. }) => {
                quote!(parts.push(Part::Text(#part, value.to_string()));)
            }
            _ => quote! {
                let json = serde_json::to_string(value).map_err(|error| {
                    Error::with_message(ErrorKind::DataConversion, format!("part `{}` is not JSON: {error}", #part))
                })?;
                parts.push(Part::Json(#part, json));
            },
        };
        quote!(if let Some(value) = &body.#name { #push })
    });
    quote!(#(#pushes)*)
}

/// `Part` and `multipart_body`, the writer of multipart bodies, where some method sends one.
pub(super) fn writer(api: &Api) -> Option<TokenStream> {
    let multipart = api.operations.iter().any(|op| {
        op.body
            .as_ref()
            .is_some_and(|b| b.encoding == Encoding::Multipart)
    });
    multipart.then(|| {
        quote! {
            /// One part of a `multipart/form-data` body, by the name of its property. Which kinds
            /// of part the document's bodies have varies, so a kind may go unused.
            #[allow(dead_code)]
            enum Part<'a> {
                /// A value as text.
                Text(&'static str, String),
                /// A value as JSON.
                Json(&'static str, String),
                /// A file, with the media type the document gives the part.
                File(&'static str, &'a models::FilePart, &'static str),
            }

            /// Writes a `multipart/form-data` body (RFC 7578): its content type, with a boundary
            /// that no part contains, and its bytes.
            fn multipart_body(parts: &[Part<'_>]) -> (String, azure_core::Bytes) {
                let contents = |part: &Part<'_>| -> Vec<u8> {
                    match part {
                        Part::Text(_, text) | Part::Json(_, text) => text.as_bytes().to_vec(),
                        Part::File(_, file, _) => file.contents.to_vec(),
                    }
                };
                let mut boundary = "multipart-boundary-Ra8q5LzX".to_string();
                let mut attempt = 0;
                while parts.iter().any(|part| {
                    contents(part).windows(boundary.len()).any(|w| w == boundary.as_bytes())
                }) {
                    attempt += 1;
                    boundary = format!("multipart-boundary-Ra8q5LzX-{attempt}");
                }
                // A quote would end the header's quoted string, and a line break would start
                // another header: both are percent-encoded (RFC 7578, 4.2).
                let quoted = |name: &str| {
                    name.replace('"', "%22").replace('\r', "%0D").replace('\n', "%0A")
                };
                let mut body = Vec::new();
                for part in parts {
                    let (name, headers) = match part {
                        Part::Text(name, _) => (*name, String::new()),
                        Part::Json(name, _) => (*name, "\r\nContent-Type: application/json".to_string()),
                        Part::File(name, file, media_type) => {
                            let filename = file.filename.as_deref().unwrap_or(name);
                            let media_type = file.content_type.as_deref().unwrap_or(media_type).replace(['\r', '\n'], "");
                            (*name, format!("; filename=\"{}\"\r\nContent-Type: {media_type}", quoted(filename)))
                        }
                    };
                    body.extend_from_slice(
                        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"{headers}\r\n\r\n", quoted(name)).as_bytes(),
                    );
                    body.extend_from_slice(&contents(part));
                    body.extend_from_slice(b"\r\n");
                }
                body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
                (format!("multipart/form-data; boundary={boundary}"), body.into())
            }
        }
    })
}
