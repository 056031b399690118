//! OpenAPI 3.0.x: the dialect that is the document model itself. The raw value is kept, and a
//! typed view is made beside it with `openapiv3`, whose located parse errors come from the same
//! value.

use super::Document;
use crate::Problem;
use crate::pointer::escape;
use serde_json::Value;

/// The document `raw` as OpenAPI 3.0, with the typed view beside it.
pub(super) fn read(raw: Value) -> Result<Document, Vec<Problem>> {
    let api = serde_path_to_error::deserialize(&without_schemas(&raw)).map_err(|error| {
        let pointer = pointer_of_path(error.path());
        vec![Problem::new(pointer, error.inner().to_string())]
    })?;
    Ok(Document { raw, api })
}

/// The document with every schema replaced by `{}`, for openapiv3. The generator reads schemas
/// from the raw value, so openapiv3 need not; and its untagged schema model retries every
/// alternative at every level, which takes exponential time on a deeply nested invalid schema.
fn without_schemas(raw: &Value) -> Value {
    match raw {
        Value::Object(object) => Value::Object(
            object
                .iter()
                .map(|(key, value)| {
                    let value = match key.as_str() {
                        "schema" => Value::Object(serde_json::Map::new()),
                        "schemas" if value.is_object() => Value::Object(
                            value
                                .as_object()
                                .into_iter()
                                .flatten()
                                .map(|(name, _)| {
                                    (name.clone(), Value::Object(serde_json::Map::new()))
                                })
                                .collect(),
                        ),
                        _ => without_schemas(value),
                    };
                    (key.clone(), value)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_schemas).collect()),
        other => other.clone(),
    }
}

fn pointer_of_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::from("#");
    for segment in path.iter() {
        match segment {
            Segment::Map { key } => {
                pointer.push('/');
                pointer.push_str(&escape(key));
            }
            Segment::Seq { index } => pointer.push_str(&format!("/{index}")),
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    pointer
}
