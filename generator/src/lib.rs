//! OpenAPI 3.0 or Swagger 2.0 document in, formatted Rust client crate out.
//!
//! The stages run one way: [`load`] (text → parsed document) → [`ir`] (a resolved model of types
//! and operations) → [`emit`] (model → Rust syntax trees) → [`render`] (syntax trees → formatted
//! files). Names are made in [`naming`] alone. Only [`write`] touches the file system: the
//! stages turn text into text.

mod diagnostics;
pub mod emit;
pub mod ir;
pub mod load;
pub mod naming;
pub mod pointer;
pub mod render;
pub mod write;

pub use diagnostics::{Problem, Warning, WarningKind, summarize};

/// One file of the generated crate, with its path relative to the crate's root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    /// Relative path with `/` separators, e.g. `src/generated/models.rs`.
    pub path: String,
    /// The file's complete text.
    pub contents: String,
}

/// What a successful run produced.
#[derive(Debug)]
pub struct Output {
    /// The crate's files, in a fixed order.
    pub files: Vec<File>,
    /// Things the document has that were handled by a fallback or left out, located.
    pub warnings: Vec<Warning>,
    /// Number of Rust types (structs and enums) generated.
    pub type_count: usize,
    /// Number of client methods generated.
    pub operation_count: usize,
}

/// Choices the document does not make.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// The crate's package name; by default the document's title, e.g. `widget-store-client`.
    pub crate_name: Option<String>,
    /// Refuse the document, writing nothing, for any warning that costs the client something
    /// (every kind but unused schemas): for users who want strictness in their CI.
    pub deny_warnings: bool,
    /// The directory `$ref`s to other files may read; by default the document's directory.
    pub ref_root: Option<std::path::PathBuf>,
}

/// Generates a client crate from the text of an OpenAPI 3.0 or Swagger 2.0 document (YAML or
/// JSON). Its `$ref`s to other files are left unresolved: see [`generate_from`].
///
/// On failure every problem found is returned, sorted by location; nothing is produced.
pub fn generate(document: &str) -> Result<Output, Vec<Problem>> {
    generate_with(document, &Settings::default())
}

/// [`generate`], with `settings`.
pub fn generate_with(document: &str, settings: &Settings) -> Result<Output, Vec<Problem>> {
    generate_from(document, None, settings)
}

/// [`generate_with`], for a document read from `source`, whose `$ref`s to other files are
/// followed.
pub fn generate_from(
    document: &str,
    source: Option<&load::Source>,
    settings: &Settings,
) -> Result<Output, Vec<Problem>> {
    let (api, warnings) = model(document, source, settings)?;
    let files = render::render(&emit::emit(&api))?;
    Ok(output(&api, files, warnings))
}

/// [`generate_from`], for a crate that includes the client from its build script (see
/// [`write::build_script`]): the files are `module.rs`, the client and its models as modules
/// to `include!` at `crate::generated`, and the `Cargo.toml` whose dependencies it needs.
pub fn generate_module(
    document: &str,
    source: Option<&load::Source>,
    settings: &Settings,
) -> Result<Output, Vec<Problem>> {
    let (api, warnings) = model(document, source, settings)?;
    let files = render::render(&emit::emit_module(&api))?;
    Ok(output(&api, files, warnings))
}

/// The document's model, unless it cannot be read (or `settings` deny its warnings). What
/// `ir` finds is located in the user's files, as `load` locates what it finds.
fn model(
    document: &str,
    source: Option<&load::Source>,
    settings: &Settings,
) -> Result<(ir::Api, Vec<Warning>), Vec<Problem>> {
    let document = load::load(document, source)?;
    let (mut api, found) = ir::build(&document);
    let mut warnings = document.warnings;
    warnings.extend(found.into_iter().map(|mut warning| {
        warning.pointer = document.origins.locate(&warning.pointer);
        warning
    }));
    if settings.deny_warnings {
        let denied: Vec<Problem> = warnings
            .iter()
            .filter(|warning| warning.kind.denied())
            .map(|warning| Problem::new(&warning.pointer, &warning.message))
            .collect();
        if !denied.is_empty() {
            return Err(denied);
        }
    }
    if let Some(name) = &settings.crate_name {
        api.crate_name = name.clone();
    }
    Ok((api, warnings))
}

fn output(api: &ir::Api, files: Vec<File>, warnings: Vec<Warning>) -> Output {
    Output {
        files,
        warnings,
        type_count: api.types.len(),
        operation_count: api.operations.len(),
    }
}
