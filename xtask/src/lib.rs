//! The maintainers' commands, as a library so that the `tests` crate runs the same check.
//!
//! `codegen` turns each default document into its crate through `generator::write`, the code
//! the `azure-openapi-rust` command runs too; `--check` compares instead of writing.

pub mod bench;
pub mod realworld;

pub use generator::write::write_crate as codegen;
use std::path::{Path, PathBuf};

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
    // The whole DevCenter data plane, from the Swagger 2.0 document Azure publishes: a second
    // crate beside the first, sharing its directory so that everything `cargo xtask codegen`
    // writes stays under `generated/`.
    Target {
        spec: "spec/devcenter-2025-02-01.json",
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

/// The workspace root (this crate lives in `xtask/`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}
