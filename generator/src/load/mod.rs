//! Stage 1: document text in, the one document model that every later stage reads out.
//!
//! This stage owns the input dialect. The text is read into a plain JSON value first (YAML or
//! JSON, in [`text`]); its version field then names the dialect, and that dialect's reader turns
//! the value into a [`Document`]. No later stage asks which dialect the text was in. OpenAPI
//! 3.0 is that model itself ([`openapi3`]); a reader for another dialect converts into it, and
//! keeps its problems located in the user's own file.

mod openapi3;
mod text;

use crate::{Problem, Warning};
use serde_json::Value;

/// The document every later stage reads: OpenAPI 3.0, whatever the input was written in.
pub struct Document {
    /// The whole document as JSON, for reading schemas by JSON pointer. openapiv3 drops the
    /// keywords that stand beside a `$ref`, so `ir` reads schemas from here.
    pub raw: Value,
    /// The typed view of the same document, without the parts that could not be read.
    pub api: openapiv3::OpenAPI,
    /// What reading the document left out, located in the user's own file.
    pub warnings: Vec<Warning>,
}

/// Parses `text` (YAML or JSON) as an API description.
pub fn load(text: &str) -> Result<Document, Vec<Problem>> {
    let raw = text::parse(text).map_err(|problem| vec![problem])?;
    match dialect(&raw).map_err(|problem| vec![problem])? {
        Dialect::OpenApi30 => openapi3::read(raw),
    }
}

/// The input dialects this stage reads.
#[derive(Debug, PartialEq, Eq)]
enum Dialect {
    /// OpenAPI 3.0.x.
    OpenApi30,
}

/// The dialect the document's version field names, or why it cannot be read.
fn dialect(raw: &Value) -> Result<Dialect, Problem> {
    if let Some(swagger) = raw.get("swagger") {
        return Err(Problem::new(
            "#/swagger",
            format!(
                "Swagger {} is not supported; convert the document to OpenAPI 3.0 first",
                swagger.as_str().unwrap_or("2.0")
            ),
        ));
    }
    match raw.get("openapi").and_then(Value::as_str) {
        Some(version) if version == "3.0" || version.starts_with("3.0.") => Ok(Dialect::OpenApi30),
        Some(version) => Err(Problem::new(
            "#/openapi",
            format!(
                "OpenAPI {version} is not supported; this generator reads OpenAPI 3.0.x documents"
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
    fn versions_other_than_3_0_are_refused() {
        let problem = dialect(&serde_json::json!({"openapi": "3.1.0"})).unwrap_err();
        assert_eq!(problem.pointer, "#/openapi");
        assert!(problem.message.contains("3.1.0"));
        assert!(dialect(&serde_json::json!({"swagger": "2.0"})).is_err());
        assert!(dialect(&serde_json::json!({})).is_err());
        assert_eq!(
            dialect(&serde_json::json!({"openapi": "3.0.3"})),
            Ok(Dialect::OpenApi30)
        );
    }
}
