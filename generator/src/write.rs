//! Writing a generated crate to disk: the one module of the generator that touches the file
//! system, shared by `cargo xtask codegen`, the `azure-openapi-rust` command and build scripts.
//!
//! [`write_crate`] generates a document's crate into a directory, or with `check` only compares;
//! [`run`] does the same and says what happened, as both commands print it.

use crate::{File, Settings, Warning};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Directory whose files are all written by the generator: anything else there is stale.
const OWNED_DIR: &str = "src/generated";

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
    pub warnings: Vec<Warning>,
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

/// The crate of the document at `spec`, whose `$ref`s to other files are read under
/// `settings.ref_root` (by default the document's directory): what [`write_crate`] writes.
pub fn generate_file(spec: &Path, settings: &Settings) -> Result<crate::Output, Failure> {
    let text = fs::read_to_string(spec).map_err(|e| Failure::Io(spec.to_path_buf(), e))?;
    let read = |path: &Path| read_referenced(path);
    let source = source(spec, settings, &read);
    crate::generate_from(&text, Some(&source), settings)
        .map_err(|problems| Failure::Document(problems.iter().map(ToString::to_string).collect()))
}

/// Generates the crate for `spec` into `out`, or with `check` only compares: nothing is
/// written when the document is refused.
pub fn write_crate(
    spec: &Path,
    out: &Path,
    settings: &Settings,
    check: bool,
) -> Result<Report, Failure> {
    let started = Instant::now();
    let output = generate_file(spec, settings)?;
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

fn crate_name(files: &[File]) -> String {
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

/// For a crate's build script (`build.rs`): generates the client of the OpenAPI document at
/// `document` (relative to the crate's manifest) into `$OUT_DIR/<document's stem>.rs`, and tells
/// cargo to run the script again only when the document changes. The document's warnings
/// become `cargo:warning` lines, a count per kind.
///
/// The crate includes the file at `crate::generated`, and needs the dependencies of the manifest
/// that `azure-openapi-rust` would write for the document (`azure_core`, `serde` with `derive`,
/// `serde_json`, and `async-trait` for an API key or basic credentials):
///
/// ```text
/// // build.rs
/// fn main() {
///     generator::write::build_script("openapi.yaml").expect("the client generates");
/// }
///
/// // src/lib.rs
/// mod generated {
///     include!(concat!(env!("OUT_DIR"), "/openapi.rs"));
/// }
/// pub use generated::*;
/// ```
///
/// # Errors
///
/// The document's problems, or why it could not be read or the file written, one per line.
pub fn build_script(document: impl AsRef<Path>) -> Result<PathBuf, String> {
    let document = document.as_ref();
    let out_dir =
        std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set: call this from build.rs")?;
    println!("cargo:rerun-if-changed={}", document.display());
    let text = fs::read_to_string(document).map_err(|e| format!("{}: {e}", document.display()))?;
    let settings = Settings::default();
    // A file the document references is an input of the build too.
    let read = |path: &Path| {
        println!("cargo:rerun-if-changed={}", path.display());
        read_referenced(path)
    };
    let source = source(document, &settings, &read);
    let output = crate::generate_module(&text, Some(&source), &settings).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(|p| format!("error: {p}")).collect();
        lines.join("\n")
    })?;
    for line in crate::summarize(&output.warnings, 0) {
        let line = line.trim_start_matches("warning: ");
        println!("cargo:warning={}: {line}", document.display());
    }
    let stem = document.file_stem().unwrap_or_default().to_string_lossy();
    let path = Path::new(&out_dir).join(format!("{stem}.rs"));
    let module = output
        .files
        .iter()
        .find(|file| file.path == "module.rs")
        .ok_or("the generator wrote no module")?;
    write_atomically(&path, &module.contents).map_err(|failure| failure.to_string())?;
    Ok(path)
}

/// Where the document at `path` was read from, for following its `$ref`s to other files.
fn source<'a>(
    path: &'a Path,
    settings: &'a Settings,
    read: &'a dyn Fn(&Path) -> Result<String, String>,
) -> crate::load::Source<'a> {
    crate::load::Source {
        path,
        root: settings.ref_root.as_deref(),
        read,
    }
}

/// The text of a file a document references, or why it cannot be read.
fn read_referenced(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|error| error.to_string())
}

/// How a run ended, for a command's exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Written, or with `check`, found fresh.
    Done,
    /// The document cannot be read as an API description (or `deny_warnings` refused it):
    /// nothing was written.
    Refused,
    /// With `check`: some file is stale.
    Stale,
    /// A file could not be read or written.
    Io,
}

/// What a run did, as a command prints it: `stderr` lines (warnings, stale files, problems)
/// and the `stdout` summary.
#[derive(Debug)]
pub struct Outcome {
    pub status: Status,
    pub stderr: Vec<String>,
    pub stdout: Vec<String>,
}

/// [`write_crate`], with what a command prints of it: the warnings (a count per kind and three
/// examples each, or every one with `all_warnings`), each stale or removed file, a summary line;
/// or every problem, and that nothing was written.
pub fn run(
    spec: &Path,
    out: &Path,
    settings: &Settings,
    check: bool,
    all_warnings: bool,
) -> Outcome {
    let mut outcome = Outcome {
        status: Status::Done,
        stderr: Vec::new(),
        stdout: Vec::new(),
    };
    let report = match write_crate(spec, out, settings, check) {
        Ok(report) => report,
        Err(failure) => {
            outcome.stderr.push(failure.to_string());
            outcome.status = match &failure {
                Failure::Document(problems) => {
                    outcome.stderr.push(format!(
                        "{}: {} problem(s); nothing was written",
                        spec.display(),
                        problems.len()
                    ));
                    Status::Refused
                }
                Failure::Io(..) => Status::Io,
            };
            return outcome;
        }
    };
    let examples = if all_warnings { usize::MAX } else { 3 };
    outcome
        .stderr
        .extend(crate::summarize(&report.warnings, examples));
    if check {
        for file in &report.changed {
            outcome
                .stderr
                .push(format!("stale: {}", out.join(file).display()));
        }
    }
    let removed = if check {
        "stale (would be removed)"
    } else {
        "removed"
    };
    for file in &report.removed {
        outcome
            .stderr
            .push(format!("{removed}: {}", out.join(file).display()));
    }
    outcome.stdout.push(format!(
        "{}: {} types, {} operations; {} files {}, {} unchanged; {} ms ({} -> {})",
        report.crate_name,
        report.types,
        report.operations,
        report.changed.len(),
        if check { "stale" } else { "written" },
        report.unchanged,
        report.millis,
        spec.display(),
        out.display(),
    ));
    let stale = report.changed.len() + report.removed.len();
    if check && stale > 0 {
        outcome.stderr.push(format!(
            "{stale} stale file(s): generate the crate again to update it"
        ));
        outcome.status = Status::Stale;
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small valid document, whose crate is `widget-store-client`.
    const DOCUMENT: &str = "openapi: 3.0.3\ninfo: {title: Widget Store, version: '1'}\npaths:\n  /widgets:\n    get:\n      operationId: Widgets_list\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {type: object, properties: {name: {type: string}}}\n";

    /// A fresh directory under the system's temporary directory.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("write-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// `DOCUMENT` as a file in `dir`.
    fn document_in(dir: &Path) -> PathBuf {
        let spec = dir.join("widgets.yaml");
        fs::write(&spec, DOCUMENT).unwrap();
        spec
    }

    #[test]
    fn writes_a_whole_crate_then_finds_it_fresh() {
        let dir = scratch("fresh");
        let (spec, out) = (document_in(&dir), dir.join("out"));
        let first = write_crate(&spec, &out, &Default::default(), false).unwrap();
        assert_eq!(first.crate_name, "widget-store-client");
        assert_eq!(first.changed.len(), 5);
        assert!(out.join("Cargo.toml").exists() && out.join("src/lib.rs").exists());
        let second = write_crate(&spec, &out, &Default::default(), true).unwrap();
        assert!(second.changed.is_empty() && second.removed.is_empty());
        assert_eq!(second.unchanged, 5);
    }

    #[test]
    fn check_names_every_stale_file_and_changes_nothing() {
        let dir = scratch("stale");
        let (spec, out) = (document_in(&dir), dir.join("out"));
        write_crate(&spec, &out, &Default::default(), false).unwrap();
        let models = out.join("src/generated/models.rs");
        fs::write(&models, "// edited by hand\n").unwrap();
        fs::remove_file(out.join("src/lib.rs")).unwrap();
        fs::write(out.join("src/generated/old.rs"), "// left over\n").unwrap();

        let report = write_crate(&spec, &out, &Default::default(), true).unwrap();
        assert_eq!(report.changed, ["src/lib.rs", "src/generated/models.rs"]);
        assert_eq!(report.removed, ["src/generated/old.rs"]);
        assert_eq!(fs::read_to_string(&models).unwrap(), "// edited by hand\n");
        assert!(out.join("src/generated/old.rs").exists());

        let fixed = write_crate(&spec, &out, &Default::default(), false).unwrap();
        assert_eq!(fixed.removed, ["src/generated/old.rs"]);
        assert!(!out.join("src/generated/old.rs").exists());
        assert!(
            write_crate(&spec, &out, &Default::default(), true)
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
        let Err(Failure::Document(problems)) = write_crate(&spec, &out, &Default::default(), false)
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
        let strict = Settings {
            deny_warnings: true,
            ..Default::default()
        };
        let Err(Failure::Document(problems)) = write_crate(&spec, &out, &strict, false) else {
            panic!("the document should be refused");
        };
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with(
                "#/paths/~1a/get/responses/200/content/application~1json/schema/$ref:"
            )
        );
        assert!(!out.exists());
        let lenient = write_crate(&spec, &out, &Default::default(), false).expect("it generates");
        assert_eq!(lenient.warnings.len(), 1);
        assert!(out.join("Cargo.toml").exists());
    }
}
