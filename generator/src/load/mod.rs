//! Stage 1: document text in, the one document model that every later stage reads out.
//!
//! This stage owns the input dialect. The text is read into a plain JSON value first (YAML or
//! JSON, in [`text`]); its version field then names the dialect, and that dialect's reader turns
//! the value into a [`Document`]. No later stage asks which dialect the text was in. OpenAPI
//! 3.0 is that model itself ([`openapi3`]); a reader for another dialect (Swagger 2.0 in
//! [`swagger2`], OpenAPI 3.1 in [`openapi31`], 3.2 in [`openapi32`]) converts into it, and keeps
//! its problems located in the user's own file.

mod openapi3;
mod openapi31;
mod openapi32;
mod origins;
mod references;
mod swagger2;
mod text;

pub use origins::Origins;
pub use references::Source;

use crate::{Problem, Warning};
use serde_json::Value;

/// The operations of an OpenAPI 3 path item, by their keys.
pub(crate) const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Whether the value at `key` is part of the API's description: not an example, nor a vendor's
/// extension, whose contents are not read.
fn describes(key: &str) -> bool {
    !matches!(key, "example" | "examples") && !key.starts_with("x-")
}

/// The document every later stage reads: OpenAPI 3.0, whatever the input was written in.
pub struct Document {
    /// The whole document as JSON, for reading schemas by JSON pointer. openapiv3 drops the
    /// keywords that stand beside a `$ref`, so `ir` reads schemas from here.
    pub raw: Value,
    /// The typed view of the same document, without the parts that could not be read.
    pub api: openapiv3::OpenAPI,
    /// What reading the document left out, located in the user's own file.
    pub warnings: Vec<Warning>,
    /// Where each part of `raw` was written, for locating what later stages find.
    pub origins: Origins,
}

/// Parses `text` (YAML or JSON) as an API description. With a `source`, its `$ref`s to other
/// files are followed; without one, they are left unresolved with a warning.
pub fn load(text: &str, source: Option<&Source>) -> Result<Document, Vec<Problem>> {
    let mut raw = text::parse(text).map_err(|problem| vec![problem])?;
    let dialect = dialect(&raw).map_err(|problem| vec![problem])?;
    let schemas_at = match dialect {
        Dialect::Swagger20 => "#/definitions",
        _ => "#/components/schemas",
    };
    let (brought_in, mut warnings) = references::bring_in(&mut raw, source, schemas_at);
    let mut origins = Origins::default();
    match dialect {
        Dialect::Swagger20 => {
            let Value::Object(swagger) = &raw else {
                return Err(vec![Problem::new("#", "the document is not a map")]);
            };
            let (converted, moves, conversion_warnings) = swagger2::convert(swagger);
            warnings.extend(conversion_warnings);
            origins.then(moves);
            raw = converted;
        }
        Dialect::OpenApi31 | Dialect::OpenApi32 => {
            let (moves, conversion_warnings) =
                openapi31::convert(&mut raw, dialect == Dialect::OpenApi32);
            warnings.extend(conversion_warnings);
            origins.then(moves);
        }
        Dialect::OpenApi30 => {}
    }
    // What was found so far is located in the document as given, before its conversion.
    for warning in &mut warnings {
        warning.pointer = brought_in.locate(&warning.pointer);
    }
    origins.then(brought_in);
    let mut document = openapi3::read(raw).map_err(|problems| {
        problems
            .into_iter()
            .map(|problem| Problem::new(origins.locate(&problem.pointer), problem.message))
            .collect::<Vec<_>>()
    })?;
    for warning in &mut document.warnings {
        warning.pointer = origins.locate(&warning.pointer);
    }
    warnings.append(&mut document.warnings);
    document.warnings = warnings;
    document.origins = origins;
    Ok(document)
}

/// The input dialects this stage reads.
#[derive(Debug, PartialEq, Eq)]
enum Dialect {
    /// Swagger 2.0, converted into the OpenAPI 3.0 model ([`swagger2`]).
    Swagger20,
    /// OpenAPI 3.0.x.
    OpenApi30,
    /// OpenAPI 3.1.x, converted in place into the 3.0 model ([`openapi31`]).
    OpenApi31,
    /// OpenAPI 3.2.x: its additions read or warned of ([`openapi32`]), then read as 3.1.
    OpenApi32,
}

/// The dialect the document's version field names, or why it cannot be read.
fn dialect(raw: &Value) -> Result<Dialect, Problem> {
    if let Some(swagger) = raw.get("swagger") {
        return match swagger.as_str() {
            Some("2.0") => Ok(Dialect::Swagger20),
            _ => Err(Problem::new(
                "#/swagger",
                format!("Swagger {swagger} is not supported; this generator reads Swagger 2.0"),
            )),
        };
    }
    let minor = |version: &str, minor: &str| {
        version
            .strip_prefix(minor)
            .is_some_and(|patch| patch.is_empty() || patch.starts_with('.'))
    };
    match raw.get("openapi").and_then(Value::as_str) {
        Some(version) if minor(version, "3.0") => Ok(Dialect::OpenApi30),
        Some(version) if minor(version, "3.1") => Ok(Dialect::OpenApi31),
        Some(version) if minor(version, "3.2") => Ok(Dialect::OpenApi32),
        Some(version) => Err(Problem::new(
            "#/openapi",
            format!(
                "OpenAPI {version} is not supported; this generator reads OpenAPI 3.0, 3.1 and 3.2 documents"
            ),
        )),
        None => Err(Problem::new(
            "#",
            "not an OpenAPI document: the `openapi` version field is missing or not a string",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_other_than_3_0_to_3_2_and_swagger_2_0_are_refused() {
        for version in ["4.0.0", "3.10.0", "3.3.0", "2.0"] {
            let problem = dialect(&serde_json::json!({"openapi": version})).unwrap_err();
            assert_eq!(problem.pointer, "#/openapi");
            assert!(problem.message.contains(version));
        }
        for (version, read_as) in [
            ("3.1.0", Dialect::OpenApi31),
            ("3.1", Dialect::OpenApi31),
            ("3.2.0", Dialect::OpenApi32),
        ] {
            assert_eq!(
                dialect(&serde_json::json!({"openapi": version})),
                Ok(read_as)
            );
        }
        assert_eq!(
            dialect(&serde_json::json!({"swagger": "2.0"})),
            Ok(Dialect::Swagger20)
        );
        assert!(dialect(&serde_json::json!({"swagger": "1.2"})).is_err());
        assert!(dialect(&serde_json::json!({})).is_err());
        assert_eq!(
            dialect(&serde_json::json!({"openapi": "3.0.3"})),
            Ok(Dialect::OpenApi30)
        );
    }
}
