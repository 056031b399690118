//! The Spector scenarios compiled to OpenAPI 3.0 (`conformance/specs/`, checked in) generate
//! without Node: every document but those using a construct the generator rejects, which say
//! so with a located error. `conformance/run` tests the generated clients against Spector.

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
fn spector_documents_generate_or_name_what_is_unsupported() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../conformance/specs");
    let mut paths = Vec::new();
    documents(&root, &mut paths);
    assert!(
        paths.len() > 60,
        "only {} documents under {}",
        paths.len(),
        root.display()
    );
    let mut rejected = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("readable document");
        if let Err(problems) = generator::generate(&text) {
            let relative = path
                .strip_prefix(&root)
                .expect("under specs/")
                .display()
                .to_string();
            let first = problems
                .first()
                .map(ToString::to_string)
                .unwrap_or_default();
            rejected.push((relative, first));
        }
    }
    let expected = [(
        "parameters/path/openapi.yaml",
        "path `/parameters/path/optional{name}` uses `{name}`, which no path parameter declares",
    )];
    assert_eq!(rejected.len(), expected.len(), "{rejected:#?}");
    for ((path, problem), (expected_path, expected_problem)) in rejected.iter().zip(expected) {
        assert_eq!(path, expected_path);
        assert!(problem.contains(expected_problem), "{path}: {problem}");
    }
}
