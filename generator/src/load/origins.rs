//! Where a part of the document model came from in the user's files.
//!
//! A dialect converted into the model, or a part brought in from another file, sits at a new
//! place. Each such move is recorded once, at the top of the part that moved; a pointer inside
//! the part keeps its tail, since the part's own shape did not change.

use std::collections::BTreeMap;

/// Moves of parts, from where the model has them back to where the user wrote them.
#[derive(Debug, Default)]
pub struct Origins {
    /// Each step maps a pointer prefix to where that part was before the step; steps apply in
    /// order (first the dialect's conversion, then the parts brought in from other files).
    steps: Vec<Moves>,
}

/// One step's moves, recorded while the step runs.
#[derive(Debug, Default)]
pub(super) struct Moves(BTreeMap<String, String>);

impl Moves {
    /// Records that the part at `here` was written at `origin`.
    pub(super) fn record(&mut self, here: impl Into<String>, origin: impl Into<String>) {
        let (here, origin) = (here.into(), origin.into());
        if here != origin {
            self.0.insert(here, origin);
        }
    }

    /// Where the part at `pointer` was written before this step.
    pub(super) fn locate(&self, pointer: &str) -> String {
        let mut end = pointer.len();
        loop {
            if let Some(origin) = self.0.get(&pointer[..end]) {
                return format!("{origin}{}", &pointer[end..]);
            }
            match pointer[..end].rfind('/') {
                Some(slash) => end = slash,
                None => return pointer.to_string(),
            }
        }
    }
}

impl Origins {
    /// Adds a step, which applies after the steps already added.
    pub(super) fn then(&mut self, moves: Moves) {
        if !moves.0.is_empty() {
            self.steps.push(moves);
        }
    }

    /// Where the user wrote the part at `pointer`: `#/…` in the document itself, or
    /// `other/file.json#/…` (relative to the document's directory) in a file it references.
    pub fn locate(&self, pointer: &str) -> String {
        self.steps
            .iter()
            .fold(pointer.to_string(), |pointer, step| step.locate(&pointer))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pointer_keeps_its_tail_below_the_longest_moved_prefix() {
        let mut converted = Moves::default();
        converted.record("#/components/schemas/Pet", "#/definitions/Pet");
        converted.record(
            "#/paths/~1pets/get/parameters/0/schema",
            "#/paths/~1pets/get/parameters/0",
        );
        let mut imported = Moves::default();
        imported.record("#/definitions/Pet", "common.json#/definitions/Animal");
        let mut origins = Origins::default();
        origins.then(converted);
        origins.then(imported);
        assert_eq!(
            origins.locate("#/components/schemas/Pet/properties/name"),
            "common.json#/definitions/Animal/properties/name"
        );
        assert_eq!(
            origins.locate("#/paths/~1pets/get/parameters/0/schema/maxLength"),
            "#/paths/~1pets/get/parameters/0/maxLength"
        );
        assert_eq!(
            origins.locate("#/paths/~1pets/get/parameters/1"),
            "#/paths/~1pets/get/parameters/1"
        );
        assert_eq!(
            origins.locate("#/components/schemas/Pets"),
            "#/components/schemas/Pets"
        );
    }
}
