//! The Spector scenarios compiled to OpenAPI 3.0 (`conformance/specs/`, checked in) generate
//! without Node, every one of them; those using a construct the generator handles by a fallback
//! say so with a located warning. `conformance/run` tests the generated clients against Spector.

use generator::WarningKind;
use std::path::{Path, PathBuf};

fn documents(dir: &Path, found: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            documents(&path, found);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            found.push(path);
        }
    }
}

#[test]
fn spector_documents_generate_and_name_their_fallbacks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../conformance/specs");
    let mut paths = Vec::new();
    documents(&root, &mut paths);
    assert!(
        paths.len() > 60,
        "only {} documents under {}",
        paths.len(),
        root.display()
    );
    let mut fallbacks = Vec::new();
    for path in &paths {
        let relative = path
            .strip_prefix(&root)
            .expect("under specs/")
            .display()
            .to_string();
        let text = std::fs::read_to_string(path).expect("readable document");
        let output = generator::generate(&text).unwrap_or_else(|problems| {
            panic!("{relative} is refused: {problems:?}");
        });
        // Enums of numbers as the number are a known simplification; any other fallback is listed.
        let listed = |w: &&generator::Warning| {
            !matches!(w.kind, WarningKind::Unused | WarningKind::Simplified)
        };
        for warning in output.warnings.iter().filter(listed) {
            fallbacks.push((relative.clone(), warning.to_string()));
        }
    }
    // TypeSpec's optional path parameter, which OpenAPI does not have.
    let expected = [(
        "parameters/path/openapi.yaml",
        "a path parameter is always required (OpenAPI): it is a required argument",
    )];
    assert_eq!(fallbacks.len(), expected.len(), "{fallbacks:#?}");
    for ((path, warning), (expected_path, expected_warning)) in fallbacks.iter().zip(expected) {
        assert_eq!(path, expected_path);
        assert!(warning.contains(expected_warning), "{path}: {warning}");
    }
}
