//! TypeSpec input: the command compiles `tests/fixtures/typespec/opstatus/` (DevCenter's
//! operation-status endpoint, as Microsoft's toolchain emitted it into `openapi.yaml` beside it)
//! with its pinned toolchain, and the crate equals the one from that `openapi.yaml`. Needs npm:
//! the toolchain is installed into the workspace's `target/` on the first run.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Every file under `dir`, by its path relative to `dir`, with its text.
fn files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in std::fs::read_dir(&current).expect("a directory") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let text = std::fs::read_to_string(&path).expect("text");
                found.push((path.strip_prefix(dir).unwrap().to_path_buf(), text));
            }
        }
    }
    found.sort();
    found
}

fn generate(input: &Path, out: &Path) -> std::process::Output {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    Command::new(env!("CARGO_BIN_EXE_azure-openapi-rust"))
        .arg(input)
        .arg("--out")
        .arg(out)
        .env(
            "AZURE_OPENAPI_RUST_CACHE",
            workspace.join("target/typespec-toolchain"),
        )
        .output()
        .expect("the command runs")
}

#[test]
fn a_typespec_folder_gives_the_crate_of_the_document_it_compiles_to() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/typespec/opstatus");
    let scratch = std::env::temp_dir().join(format!("typespec-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    let from_typespec = scratch.join("from-typespec");
    let output = generate(&fixture, &from_typespec);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let from_openapi = scratch.join("from-openapi");
    let output = generate(&fixture.join("openapi.yaml"), &from_openapi);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    // The document is kept beside the crate, and is what Microsoft's toolchain emitted.
    let kept = std::fs::read_to_string(from_typespec.join("openapi.yaml")).expect("kept");
    let reference = std::fs::read_to_string(fixture.join("openapi.yaml")).expect("reference");
    assert_eq!(kept, reference);
    std::fs::remove_file(from_typespec.join("openapi.yaml")).unwrap();
    assert_eq!(files(&from_typespec), files(&from_openapi));
    let _ = std::fs::remove_dir_all(&scratch);
}
