//! TypeSpec input: a `.tsp` file, or a folder with `main.tsp` (and its `tspconfig.yaml`), is
//! compiled to OpenAPI 3.0 with the pinned TypeSpec toolchain (`cli/typespec/`, Node 22
//! included, installed from npm on first use into a cache directory), then generated from.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The pinned toolchain, written into its cache directory before `npm ci`.
const PACKAGE_JSON: &str = include_str!("../typespec/package.json");
const PACKAGE_LOCK: &str = include_str!("../typespec/package-lock.json");
const TSPCONFIG: &str = include_str!("../typespec/tspconfig.yaml");

/// Whether `input` is TypeSpec: a `.tsp` file, or a folder.
pub fn is_typespec(input: &Path) -> bool {
    input.is_dir() || input.extension().is_some_and(|e| e == "tsp")
}

/// Compiles `input` to OpenAPI 3.0, kept as `out/openapi.yaml` so that the user can review what
/// the crate was generated from; returns that path.
pub fn compile(input: &Path, out: &Path) -> Result<PathBuf, String> {
    let toolchain = toolchain()?;
    let (source_dir, entry) = if input.is_dir() {
        (input.to_path_buf(), "main.tsp".to_string())
    } else {
        let parent = input.parent().filter(|p| !p.as_os_str().is_empty());
        let name = input
            .file_name()
            .ok_or("the TypeSpec input has no file name")?;
        (
            parent.map_or_else(|| PathBuf::from("."), Path::to_path_buf),
            name.to_string_lossy().into_owned(),
        )
    };
    // TypeSpec finds its libraries in node_modules above the sources: a copy goes there.
    let work = toolchain.join("work").join(std::process::id().to_string());
    let _ = fs::remove_dir_all(&work);
    let project = work.join("project");
    copy_dir(&source_dir, &project).map_err(|e| format!("{}: {e}", source_dir.display()))?;
    let emitted = work.join("openapi");
    let output = Command::new(toolchain.join("node_modules/.bin/node"))
        .arg(toolchain.join("node_modules/@typespec/compiler/cmd/tsp.js"))
        .arg("compile")
        .arg(project.join(&entry))
        .arg("--config")
        .arg(toolchain.join("tspconfig.yaml"))
        .arg("--output-dir")
        .arg(&emitted)
        .output()
        .map_err(|e| format!("the TypeSpec compiler did not start: {e}"))?;
    if !output.status.success() {
        let _ = fs::remove_dir_all(&work);
        return Err(format!(
            "{} does not compile:\n{}{}",
            input.display(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    // One document per service version (`openapi.2025-02-01.yaml`); the last is the newest.
    let mut documents: Vec<PathBuf> = fs::read_dir(&emitted)
        .map_err(|e| format!("{}: {e}", emitted.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    documents.sort();
    let document = documents
        .pop()
        .ok_or("the TypeSpec compiler emitted no document")?;
    fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let kept = out.join("openapi.yaml");
    fs::copy(&document, &kept).map_err(|e| format!("{}: {e}", kept.display()))?;
    let _ = fs::remove_dir_all(&work);
    Ok(kept)
}

/// The toolchain's directory, installed there with `npm ci` unless it is already.
fn toolchain() -> Result<PathBuf, String> {
    let cache = match std::env::var_os("AZURE_OPENAPI_RUST_CACHE") {
        Some(dir) => PathBuf::from(dir),
        None => std::env::var_os("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cache")))
            .ok_or("no cache directory: set AZURE_OPENAPI_RUST_CACHE")?
            .join("azure-openapi-rust"),
    };
    let dir = cache.join("typespec");
    let installed = fs::read_to_string(dir.join("package-lock.json")).ok();
    if installed.as_deref() == Some(PACKAGE_LOCK) && dir.join("node_modules/.bin/node").exists() {
        return Ok(dir);
    }
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (name, text) in [
        ("package.json", PACKAGE_JSON),
        ("package-lock.json", PACKAGE_LOCK),
        ("tspconfig.yaml", TSPCONFIG),
    ] {
        fs::write(dir.join(name), text).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    eprintln!(
        "installing the TypeSpec toolchain into {} (once)…",
        dir.display()
    );
    let status = Command::new("npm")
        .args([
            "ci",
            "--legacy-peer-deps",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
        ])
        .current_dir(&dir)
        .status()
        .map_err(|_| {
            "TypeSpec input needs npm, which installs the pinned TypeSpec compiler and Node 22: \
             install Node.js 18 or newer with npm (`apt install npm`, or https://nodejs.org), \
             then run this again"
                .to_string()
        })?;
    status
        .success()
        .then_some(dir)
        .ok_or_else(|| "npm could not install the TypeSpec toolchain".to_string())
}

/// Copies the folder `from` into `to`, without `node_modules` and hidden entries.
fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        let name_text = name.to_string_lossy();
        if name_text.starts_with('.') || name_text == "node_modules" {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(&name))?;
        } else {
            fs::copy(&path, to.join(&name))?;
        }
    }
    Ok(())
}
