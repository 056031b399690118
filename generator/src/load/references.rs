//! `$ref`s to other files, brought into the document before its dialect is read.
//!
//! Each part another file's `$ref` names is copied once into the document, at the place it had
//! in its own file (`common.json#/definitions/Error` at `#/definitions/Error`, renamed when that
//! place is taken), and the `$ref` is rewritten to point there; references inside a copied part
//! are followed in turn, relative to its file. Files are read only inside the allowed root (the
//! document's directory, unless the user names another), never from the network, and each is
//! read once, in the order the document names them, so the result does not depend on the
//! machine.

use super::origins::Moves;
use super::text;
use crate::pointer::{escape, resolve, unescape};
use crate::{Warning, WarningKind};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, VecDeque};
use std::path::{Component, Path, PathBuf};

/// Where a document was read from, so that its references to other files can be followed.
pub struct Source<'a> {
    /// The document's own path.
    pub path: &'a Path,
    /// The directory references may not leave; by default the document's directory.
    pub root: Option<&'a Path>,
    /// Reads a file's text.
    pub read: &'a dyn Fn(&Path) -> Result<String, String>,
}

/// Whether the value at `key` may hold references to parts of the description: what describes
/// the API (not examples, nor a vendor's extension, whose `$ref` may name a Markdown page), and
/// autorest's extensions but its examples, which hold parameters (`x-ms-parameterized-host`)
/// and paths (`x-ms-paths`).
fn holds_references(key: &str) -> bool {
    key != "$ref" && (super::describes(key) || (key.starts_with("x-ms-") && key != "x-ms-examples"))
}

/// Brings the parts of other files that `document` references into it. Problems are warnings
/// located where the `$ref` was written; the moves say where each copied part came from.
pub(super) fn bring_in(
    document: &mut Value,
    source: Option<&Source>,
    schemas_at: &str,
) -> (Moves, Vec<Warning>) {
    // In the document itself, only references to other files need following.
    let found = references_in(document, |reference| !reference.starts_with('#'));
    if found.is_empty() {
        return (Moves::default(), Vec::new());
    }
    let main = source.map(|s| normalize(s.path)).unwrap_or_default();
    let root = match source.and_then(|s| s.root) {
        Some(root) => normalize(root),
        None => main.parent().map(Path::to_path_buf).unwrap_or_default(),
    };
    let mut references = References {
        source,
        main: main.clone(),
        root,
        schemas_at: schemas_at.to_string(),
        files: BTreeMap::new(),
        placed: BTreeMap::new(),
        pending: VecDeque::new(),
        moves: Moves::default(),
        warnings: Vec::new(),
    };
    let locals = references.locals(found, &main, "#", document);
    rewrite(document, locals);
    while let Some((at, mut part, file)) = references.pending.pop_front() {
        // In a part of another file, a local reference is local to that file.
        let found = references_in(&part, |_| true);
        let locals = references.locals(found, &file, &at, document);
        rewrite(&mut part, locals);
        put(document, &at, part);
    }
    (references.moves, references.warnings)
}

/// The `$ref`s in `value` that `follow` picks: the pointer (relative to `value`) of the object
/// each stands in, and the reference.
fn references_in(value: &Value, follow: impl Fn(&str) -> bool) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut stack = vec![(value, String::new())];
    while let Some((value, at)) = stack.pop() {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(reference)) = map.get("$ref")
                    && follow(reference)
                {
                    found.push((at.clone(), reference.clone()));
                }
                for (key, child) in map {
                    if holds_references(key) {
                        stack.push((child, format!("{at}/{}", escape(key))));
                    }
                }
            }
            Value::Array(items) => {
                for (index, child) in items.iter().enumerate() {
                    stack.push((child, format!("{at}/{index}")));
                }
            }
            _ => {}
        }
    }
    found
}

/// Sets each `$ref` at its (relative) pointer in `value` to its local reference.
fn rewrite(value: &mut Value, locals: Vec<(String, String)>) {
    for (pointer, local) in locals {
        if let Some(Value::Object(object)) = value.pointer_mut(&pointer) {
            object.insert("$ref".to_string(), Value::String(local));
        }
    }
}

struct References<'a> {
    source: Option<&'a Source<'a>>,
    main: PathBuf,
    root: PathBuf,
    /// Where a part copied from a whole file (a `$ref` without a fragment) is placed.
    schemas_at: String,
    /// Each file read, parsed; `Err` with why it could not be.
    files: BTreeMap<PathBuf, Result<Value, String>>,
    /// Each (file, fragment) already copied, with where it now is.
    placed: BTreeMap<(PathBuf, String), String>,
    /// Parts copied whose own references are still to be followed: place, part and file.
    pending: VecDeque<(String, Value, PathBuf)>,
    moves: Moves,
    warnings: Vec<Warning>,
}

impl References<'_> {
    /// The local references that replace those `found` in a part written in `file` (which is at
    /// `at` in `document`), by their pointers in the part; a reference not followed is left.
    fn locals(
        &mut self,
        found: Vec<(String, String)>,
        file: &Path,
        at: &str,
        document: &Value,
    ) -> Vec<(String, String)> {
        found
            .into_iter()
            .filter_map(|(pointer, reference)| {
                let written_at = format!("{at}{pointer}");
                let local = self.local(&reference, file, &written_at, document)?;
                Some((pointer, local))
            })
            .collect()
    }

    /// The local reference that replaces `reference` (written in `file`, at `at`), if it
    /// names another file; `None` to leave it as it is.
    fn local(
        &mut self,
        reference: &str,
        file: &Path,
        at: &str,
        document: &Value,
    ) -> Option<String> {
        let (path, fragment) = reference.split_once('#').unwrap_or((reference, ""));
        if path.is_empty() && file == self.main {
            return None;
        }
        let warn = |this: &mut Self, why: String| {
            this.warnings.push(Warning {
                kind: WarningKind::AsJson,
                pointer: format!("{at}/$ref"),
                message: format!("`{reference}` {why}: generated as `serde_json::Value`"),
            });
            None
        };
        if path.contains("://") {
            return warn(
                self,
                "is a URL, and references are not followed over the network".into(),
            );
        }
        let Some(source) = self.source else {
            return warn(
                self,
                "names another file, which is followed only when the document is read from a file"
                    .into(),
            );
        };
        let target = match path.is_empty() {
            true => file.to_path_buf(),
            false => normalize(&file.parent().unwrap_or(Path::new("")).join(path)),
        };
        if target == self.main {
            return Some(format!("#{fragment}"));
        }
        if !target.starts_with(&self.root) {
            let why = "is outside the directory references may read (the document's, unless \
                       --ref-root names another)";
            return warn(self, why.to_string());
        }
        let key = (target.clone(), fragment.to_string());
        if let Some(placed) = self.placed.get(&key) {
            return Some(placed.clone());
        }
        let parsed = self.files.entry(target.clone()).or_insert_with(|| {
            let text = (source.read)(&target)?;
            text::parse(&text).map_err(|problem| problem.message)
        });
        let part = match parsed {
            Ok(document) => resolve(document, &format!("#{fragment}")).cloned(),
            Err(why) => {
                let why = format!("cannot be read: {why}");
                return warn(self, why);
            }
        };
        let Some(part) = part else {
            return warn(self, "names nothing in that file".into());
        };
        let place = self.place_for(&target, fragment, document);
        self.placed.insert(key, place.clone());
        self.moves.record(
            place.clone(),
            format!("{}#{fragment}", relative(&target, &self.main).display()),
        );
        self.pending.push_back((place.clone(), part, target));
        Some(place)
    }

    /// Where a part of `file` at `fragment` goes in the document: the same place, or with a
    /// numbered name when `document` has something there, or another file's part will.
    fn place_for(&self, file: &Path, fragment: &str, document: &Value) -> String {
        // A part of a document-level map (`#/definitions/X`, `#/components/schemas/X`) keeps
        // its place; anything else (a whole file, a schema inside another) is a schema.
        let tokens: Vec<&str> = fragment.split('/').skip(1).collect();
        let (container, name) = match tokens.as_slice() {
            [map, name] if ["definitions", "parameters", "responses"].contains(map) => {
                (format!("#/{map}"), unescape(name))
            }
            ["components", map, name] => (format!("#/components/{map}"), unescape(name)),
            [.., name] => (self.schemas_at.clone(), unescape(name)),
            [] => {
                let stem = file.file_stem().unwrap_or_default().to_string_lossy();
                (self.schemas_at.clone(), stem.into_owned())
            }
        };
        let taken = |place: &str| {
            self.placed.values().any(|p| p == place) || resolve(document, place).is_some()
        };
        let mut candidate = format!("{container}/{}", escape(&name));
        let mut number = 2;
        while taken(&candidate) {
            candidate = format!("{container}/{}{number}", escape(&name));
            number += 1;
        }
        candidate
    }
}

/// Puts `value` at `pointer` of `document`, making the objects on the way.
fn put(document: &mut Value, pointer: &str, value: Value) {
    let mut here = document;
    let tokens: Vec<String> = pointer
        .trim_start_matches('#')
        .split('/')
        .skip(1)
        .map(unescape)
        .collect();
    for token in tokens {
        if !here.is_object() {
            *here = Value::Object(Map::new());
        }
        here = here
            .as_object_mut()
            .expect("made an object above")
            .entry(token)
            .or_insert(Value::Null);
    }
    *here = value;
}

/// `path` with `.` and `..` taken out, without reading the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// `target` relative to the directory of `main`, as a user reads a location.
fn relative(target: &Path, main: &Path) -> PathBuf {
    let base: Vec<Component> = main
        .parent()
        .map(|p| p.components().collect())
        .unwrap_or_default();
    let target_parts: Vec<Component> = target.components().collect();
    let shared = base
        .iter()
        .zip(&target_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = PathBuf::new();
    for _ in shared..base.len() {
        out.push("..");
    }
    for part in &target_parts[shared..] {
        out.push(part);
    }
    out
}
