//! The maintainers' commands, as a library so that the `tests` crate runs the same check.
//!
//! `codegen` turns each document in `spec/` into its crate; `--check` compares instead of
//! writing. The generator itself never touches the file system: this is the only place that does.

pub mod bench;
pub mod realworld;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// One document and the crate it becomes, relative to the workspace root.
#[derive(Clone, Copy, Debug)]
pub struct Target {
    pub spec: &'static str,
    pub out: &'static str,
    /// The package name, where the document's title would repeat another target's.
    pub crate_name: Option<&'static str>,
}

/// The documents `cargo xtask codegen` generates by default.
pub const DEFAULT_TARGETS: &[Target] = &[
    // The operation-status endpoint alone: the project's first client.
    Target {
        spec: "spec/devcenter-operation-status.yaml",
        out: "generated",
        crate_name: None,
    },
    // The whole DevCenter data plane, a second crate beside the first, sharing its directory so
    // that everything `cargo xtask codegen` writes stays under `generated/`.
    Target {
        spec: "spec/devcenter-2024-02-01.yaml",
        out: "generated/dataplane",
        crate_name: Some("devcenter-dataplane-client"),
    },
    // The constructs of real documents that reach the wire, for the live tests of
    // `tests/tests/wire.rs`; not a client anyone ships.
    Target {
        spec: "tests/fixtures/wire.yaml",
        out: "generated/wire",
        crate_name: Some("wire-test-client"),
    },
];

/// Directory whose files are all written by the generator: anything else there is stale.
const OWNED_DIR: &str = "src/generated";

/// The workspace root (this crate lives in `xtask/`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// What one run did to one crate.
#[derive(Debug, Default)]
pub struct Report {
    /// Package name of the generated crate.
    pub crate_name: String,
    pub types: usize,
    pub operations: usize,
    /// Files written (or, with `check`, files that are stale), relative to the output dir.
    pub changed: Vec<String>,
    /// Files that already had the right contents.
    pub unchanged: usize,
    /// Generated files removed (or, with `check`, that would be removed).
    pub removed: Vec<String>,
    /// Located warnings about constructs handled by a fallback or left out.
    pub warnings: Vec<generator::Warning>,
    pub millis: u128,
}

/// Why a run failed.
#[derive(Debug)]
pub enum Failure {
    /// The document has problems; each line is `pointer: message`. Nothing was written.
    Document(Vec<String>),
    /// Reading or writing a file failed.
    Io(PathBuf, io::Error),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Document(problems) => {
                let lines: Vec<String> = problems.iter().map(|p| format!("error: {p}")).collect();
                write!(f, "{}", lines.join("\n"))
            }
            Failure::Io(path, error) => write!(f, "{}: {error}", path.display()),
        }
    }
}

/// Generates the crate for `spec` into `out`, or with `check` only compares.
pub fn codegen(
    spec: &Path,
    out: &Path,
    settings: &generator::Settings,
    check: bool,
) -> Result<Report, Failure> {
    let started = Instant::now();
    let text = fs::read_to_string(spec).map_err(|e| Failure::Io(spec.to_path_buf(), e))?;
    let output = generator::generate_with(&text, settings).map_err(|problems| {
        Failure::Document(problems.iter().map(ToString::to_string).collect())
    })?;
    let mut report = Report {
        types: output.type_count,
        operations: output.operation_count,
        warnings: output.warnings,
        ..Report::default()
    };
    report.crate_name = crate_name(&output.files);

    for file in &output.files {
        let path = out.join(&file.path);
        if fs::read_to_string(&path).ok().as_deref() == Some(file.contents.as_str()) {
            report.unchanged += 1;
            continue;
        }
        report.changed.push(file.path.clone());
        if !check {
            write_atomically(&path, &file.contents)?;
        }
    }
    for stale in owned_files(out)? {
        if output.files.iter().all(|f| f.path != stale) {
            if !check {
                let path = out.join(&stale);
                fs::remove_file(&path).map_err(|e| Failure::Io(path, e))?;
            }
            report.removed.push(stale);
        }
    }
    report.millis = started.elapsed().as_millis();
    Ok(report)
}

fn crate_name(files: &[generator::File]) -> String {
    files
        .iter()
        .find(|f| f.path == "Cargo.toml")
        .and_then(|f| f.contents.lines().find_map(|l| l.strip_prefix("name = ")))
        .map(|name| name.trim_matches('"').to_string())
        .unwrap_or_default()
}

/// Files under `out/src/generated`, relative to `out`, sorted.
fn owned_files(out: &Path) -> Result<Vec<String>, Failure> {
    let mut found = Vec::new();
    let mut dirs = vec![out.join(OWNED_DIR)];
    while let Some(dir) = dirs.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(Failure::Io(dir, e)),
        };
        for entry in entries {
            let path = entry.map_err(|e| Failure::Io(dir.clone(), e))?.path();
            if path.is_dir() {
                dirs.push(path);
            } else if let Ok(relative) = path.strip_prefix(out) {
                let parts: Vec<String> = relative
                    .iter()
                    .map(|p| p.to_string_lossy().into_owned())
                    .collect();
                found.push(parts.join("/"));
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Writes through a temporary file and a rename, so an interrupted run leaves no half file.
fn write_atomically(path: &Path, contents: &str) -> Result<(), Failure> {
    let io = |e| Failure::Io(path.to_path_buf(), e);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(io)?;
    }
    let temporary = path.with_extension("tmp-codegen");
    fs::write(&temporary, contents).map_err(io)?;
    fs::rename(&temporary, path).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: &str = "spec/devcenter-operation-status.yaml";

    /// A fresh directory under the system's temporary directory.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn writes_a_whole_crate_then_finds_it_fresh() {
        let out = scratch("fresh");
        let spec = workspace_root().join(SPEC);
        let first = codegen(&spec, &out, &Default::default(), false).unwrap();
        assert_eq!(first.crate_name, "devcenter-client");
        assert_eq!(first.changed.len(), 5);
        assert!(out.join("Cargo.toml").exists() && out.join("src/lib.rs").exists());
        let second = codegen(&spec, &out, &Default::default(), true).unwrap();
        assert!(second.changed.is_empty() && second.removed.is_empty());
        assert_eq!(second.unchanged, 5);
    }

    #[test]
    fn check_names_every_stale_file_and_changes_nothing() {
        let out = scratch("stale");
        let spec = workspace_root().join(SPEC);
        codegen(&spec, &out, &Default::default(), false).unwrap();
        let models = out.join("src/generated/models.rs");
        fs::write(&models, "// edited by hand\n").unwrap();
        fs::remove_file(out.join("src/lib.rs")).unwrap();
        fs::write(out.join("src/generated/old.rs"), "// left over\n").unwrap();

        let report = codegen(&spec, &out, &Default::default(), true).unwrap();
        assert_eq!(report.changed, ["src/lib.rs", "src/generated/models.rs"]);
        assert_eq!(report.removed, ["src/generated/old.rs"]);
        assert_eq!(fs::read_to_string(&models).unwrap(), "// edited by hand\n");
        assert!(out.join("src/generated/old.rs").exists());

        let fixed = codegen(&spec, &out, &Default::default(), false).unwrap();
        assert_eq!(fixed.removed, ["src/generated/old.rs"]);
        assert!(!out.join("src/generated/old.rs").exists());
        assert!(
            codegen(&spec, &out, &Default::default(), true)
                .unwrap()
                .changed
                .is_empty()
        );
    }

    #[test]
    fn a_document_that_cannot_be_read_writes_nothing_and_says_where() {
        let dir = scratch("bad");
        let spec = dir.join("bad.yaml");
        fs::write(
            &spec,
            "openapi: 3.0.0\ninfo: {title: T, version: '1'}\npaths:\n  - /a\n",
        )
        .unwrap();
        let out = dir.join("out");
        let Err(Failure::Document(problems)) = codegen(&spec, &out, &Default::default(), false)
        else {
            panic!("the document should be refused");
        };
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("#/paths: invalid type: sequence"),
            "{problems:?}"
        );
        assert!(!out.exists());
    }

    #[test]
    fn deny_warnings_writes_nothing_for_a_fallback() {
        let dir = scratch("deny");
        let spec = dir.join("dangling.yaml");
        fs::write(
            &spec,
            "openapi: 3.0.0\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: a\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Missing'}\n",
        )
        .unwrap();
        let out = dir.join("out");
        let strict = generator::Settings {
            deny_warnings: true,
            ..Default::default()
        };
        let Err(Failure::Document(problems)) = codegen(&spec, &out, &strict, false) else {
            panic!("the document should be refused");
        };
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with(
                "#/paths/~1a/get/responses/200/content/application~1json/schema/$ref:"
            )
        );
        assert!(!out.exists());
        let lenient = codegen(&spec, &out, &Default::default(), false).expect("it generates");
        assert_eq!(lenient.warnings.len(), 1);
        assert!(out.join("Cargo.toml").exists());
    }
}
