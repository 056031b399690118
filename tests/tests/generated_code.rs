//! The checked-in client is what the generator makes of `spec/`, file for file.

const SPEC: &str = include_str!("../../spec/devcenter-operation-status.yaml");

/// Each generated file of each default target is a snapshot, so a change to the generator
/// shows in review as a diff of the code users get.
#[test]
fn generated_files_match_their_snapshots() {
    let root = xtask::workspace_root();
    for target in xtask::DEFAULT_TARGETS {
        let spec = std::fs::read_to_string(root.join(target.spec)).expect("the spec is readable");
        let settings = generator::Settings {
            crate_name: target.crate_name.map(String::from),
            ..Default::default()
        };
        let output = generator::generate_with(&spec, &settings).expect("the spec generates");
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
            let name = format!("{}/{}", target.out, file.path).replace('/', "__");
            insta::assert_snapshot!(name, file.contents);
        }
    }
}

/// A plain `cargo test` fails when someone edited the spec or the generator and did not run
/// `cargo xtask codegen`.
#[test]
fn checked_in_code_is_fresh() {
    let root = xtask::workspace_root();
    for target in xtask::DEFAULT_TARGETS {
        let settings = generator::Settings {
            crate_name: target.crate_name.map(String::from),
            ..Default::default()
        };
        let (spec, out) = (target.spec, target.out);
        let report = xtask::codegen(&root.join(spec), &root.join(out), &settings, true)
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

/// Both DevCenter data-plane documents generate a method for every operation; CI builds the
/// preview's crate too (`.ci/run` builds every document in `spec/` on its own).
#[test]
fn every_devcenter_operation_has_a_method() {
    let root = xtask::workspace_root();
    for (spec, operations) in [
        ("spec/devcenter-2024-02-01.yaml", 46),
        ("spec/devcenter-2024-10-01-preview.yaml", 61),
    ] {
        let text = std::fs::read_to_string(root.join(spec)).expect("the spec is readable");
        let ids = text
            .lines()
            .filter(|line| line.trim_start().starts_with("operationId: "))
            .count();
        assert_eq!(ids, operations, "{spec}");
        let output = generator::generate(&text).unwrap_or_else(|problems| {
            panic!("{spec}: {problems:#?}");
        });
        assert_eq!(output.operation_count, operations, "{spec}");
    }
}
