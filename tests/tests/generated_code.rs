//! The checked-in client is what the generator makes of `spec/`, file for file.

const SPEC: &str = include_str!("../../spec/devcenter-operation-status.yaml");

/// Each generated file is a snapshot, so a change to the generator shows in review as a
/// diff of the code users get.
#[test]
fn generated_files_match_their_snapshots() {
    let output = generator::generate(SPEC).expect("the spec generates");
    let paths: Vec<&str> = output.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "Cargo.toml",
            "src/lib.rs",
            "src/generated/mod.rs",
            "src/generated/models.rs",
            "src/generated/clients.rs"
        ]
    );
    for file in &output.files {
        insta::assert_snapshot!(file.path.replace('/', "__"), file.contents);
    }
}

/// A plain `cargo test` fails when someone edited the spec or the generator and did not run
/// `cargo xtask codegen`.
#[test]
fn checked_in_code_is_fresh() {
    let root = xtask::workspace_root();
    for (spec, out) in xtask::DEFAULT_TARGETS {
        let report = xtask::codegen(&root.join(spec), &root.join(out), true)
            .unwrap_or_else(|failure| panic!("{spec}: {failure}"));
        assert!(
            report.changed.is_empty() && report.removed.is_empty(),
            "{out} is stale (changed: {:?}, extra: {:?}); run `cargo xtask codegen`",
            report.changed,
            report.removed
        );
    }
}

#[test]
fn output_is_byte_identical_across_runs() {
    let first = generator::generate(SPEC).expect("the spec generates");
    let second = generator::generate(SPEC).expect("the spec generates");
    assert_eq!(first.files, second.files);
}

/// The rule for component schemas no operation reaches: not generated, and named in a warning.
#[test]
fn unreachable_schemas_are_reported_not_generated() {
    let output = generator::generate(SPEC).expect("the spec generates");
    let warnings: Vec<String> = output.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "#/components/schemas/APIVersions: not generated: no operation uses this schema",
            "#/components/schemas/Project: not generated: no operation uses this schema",
        ]
    );
    let models = &output
        .files
        .iter()
        .find(|f| f.path.ends_with("models.rs"))
        .unwrap()
        .contents;
    assert!(!models.contains("pub struct Project"));
    assert!(!models.contains("enum ApiVersions"));
    assert!(models.contains("pub struct OperationStatus"));
}
