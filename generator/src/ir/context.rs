//! What every part of the build shares: the document, read by JSON pointer, and the problems
//! and warnings found so far. Each part takes this explicitly; nothing else is shared but the
//! type arena (`schemas::Schemas`).

use crate::pointer::resolve;
use crate::{Problem, Warning, WarningKind};
use serde_json::{Map, Value};

/// The document being read, and where its problems go.
pub(super) struct Context<'a> {
    /// The whole document as JSON.
    pub raw: &'a Value,
    /// What stops generation: the document is refused.
    pub problems: Vec<Problem>,
    /// What was handled by a fallback or left out.
    pub warnings: Vec<Warning>,
}

impl<'a> Context<'a> {
    pub fn new(raw: &'a Value) -> Self {
        Self {
            raw,
            problems: Vec::new(),
            warnings: Vec::new(),
        }
    }

    pub fn problem(&mut self, pointer: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(pointer, message));
    }

    pub fn warn(
        &mut self,
        kind: WarningKind,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.warnings.push(Warning {
            kind,
            pointer: pointer.into(),
            message: message.into(),
        });
    }

    /// The schema at `pointer` and the schemas it wraps (`$ref`, single-member `allOf`),
    /// outermost first, so that a keyword stated beside a reference wins over the target's.
    pub fn wrapper_chain(&self, pointer: &str) -> Vec<&'a Map<String, Value>> {
        self.located_wrapper_chain(pointer)
            .into_iter()
            .map(|(_, schema)| schema)
            .collect()
    }

    /// The schemas of `wrapper_chain`, each with where it is.
    pub fn located_wrapper_chain(&self, pointer: &str) -> Vec<(String, &'a Map<String, Value>)> {
        let raw: &'a Value = self.raw;
        let mut chain = Vec::new();
        let mut at = pointer.to_string();
        // A chain of wrappers is short; the bound stops a reference loop.
        for _ in 0..16 {
            let Some(Value::Object(schema)) = resolve(raw, &at) else {
                break;
            };
            chain.push((at.clone(), schema));
            at = match (
                schema.get("$ref").and_then(Value::as_str),
                schema.get("allOf").and_then(Value::as_array),
            ) {
                (Some(reference), _) if reference.starts_with("#/") => reference.to_string(),
                (None, Some(members)) if members.len() == 1 => format!("{at}/allOf/0"),
                _ => break,
            };
        }
        chain
    }

    /// The first statement of `keyword` along the wrapper chain of the schema at `pointer`.
    pub fn keyword(&self, pointer: &str, keyword: &str) -> Option<&'a Value> {
        self.wrapper_chain(pointer)
            .into_iter()
            .find_map(|schema| schema.get(keyword))
    }

    /// Whether the schema at `pointer` is a file: `type: string, format: binary`.
    pub fn is_file(&self, pointer: &str) -> bool {
        self.keyword(pointer, "type").and_then(Value::as_str) == Some("string")
            && self.keyword(pointer, "format").and_then(Value::as_str) == Some("binary")
    }
}
