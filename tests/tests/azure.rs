//! Azure's own documents, as Azure publishes them (Swagger 2.0 with autorest's extensions,
//! `$ref`s across the specification tree): each generates every operation it declares, with a
//! pager for each `x-ms-pageable` GET and a poller for each `x-ms-long-running-operation`.
//! CI builds each crate clippy-clean (`.ci/run`).

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// What a document declares: its operations, and those of them that are pageable GETs and
/// long-running.
fn declared(document: &serde_json::Value) -> (usize, usize, usize) {
    let mut counts = (0, 0, 0);
    for key in ["paths", "x-ms-paths"] {
        let items = document.get(key).and_then(|p| p.as_object());
        for (_, item) in items.into_iter().flatten() {
            for (method, operation) in item.as_object().into_iter().flatten() {
                if !["get", "put", "post", "delete", "patch", "head", "options"]
                    .contains(&method.as_str())
                {
                    continue;
                }
                counts.0 += 1;
                counts.1 +=
                    usize::from(method == "get" && operation.get("x-ms-pageable").is_some());
                counts.2 +=
                    usize::from(operation.get("x-ms-long-running-operation") == Some(&true.into()));
            }
        }
    }
    counts
}

/// Generates `document` with references read under `tests/fixtures/azure/specification`, and
/// checks it against what it declares, but for `unpaged` pageable GETs; `fallbacks` warnings
/// (those GETs' among them) state what else is a plain method.
fn check(document: &str, unpaged: usize, fallbacks: usize) {
    let path = root().join(document);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{document}: {e}"));
    let settings = generator::Settings {
        ref_root: Some(root().join(SPECIFICATION)),
        ..Default::default()
    };
    let output = generator::write::generate_file(&path, &settings)
        .unwrap_or_else(|failure| panic!("{document}: {failure}"));
    let (operations, pageable, long_running) = declared(&serde_json::from_str(&text).unwrap());
    assert_eq!(
        output.operation_count, operations,
        "{document}: every operation is a method"
    );
    let clients = &output
        .files
        .iter()
        .find(|f| f.path == "src/generated/clients.rs")
        .unwrap()
        .contents;
    assert_eq!(
        clients.matches("Result<Pager<").count(),
        pageable - unpaged,
        "{document}: pagers"
    );
    assert_eq!(
        clients.matches("\n    pub fn begin_").count(),
        long_running,
        "{document}: pollers"
    );
    // Nothing is unreadable, and nothing falls back to JSON: only unused schemas, and the
    // operations whose pager is a stated fallback, have warnings.
    let costly: Vec<String> = output
        .warnings
        .iter()
        .filter(|w| w.kind != generator::WarningKind::Unused)
        .map(ToString::to_string)
        .collect();
    assert_eq!(costly.len(), fallbacks, "{document}: {costly:#?}");
}

const SPECIFICATION: &str = "tests/fixtures/azure/specification";

#[test]
fn devcenter_2025_02_01() {
    // Its one warning is a paged POST (`delayActions`), a plain method: see SUPPORT.md.
    check("spec/devcenter-2025-02-01.json", 0, 1);
}

#[test]
fn devcenter_2024_02_01() {
    let document = "devcenter/data-plane/Microsoft.DevCenter/stable/2024-02-01/devcenter.json";
    check(&format!("{SPECIFICATION}/{document}"), 0, 1);
}

#[test]
fn app_configuration() {
    let document = "appconfiguration/data-plane/Microsoft.AppConfiguration/stable/2024-09-01/appconfiguration.json";
    check(&format!("{SPECIFICATION}/{document}"), 0, 0);
}

#[test]
fn key_vault_secrets() {
    let document = "keyvault/data-plane/Microsoft.KeyVault/stable/2025-07-01/secrets.json";
    check(&format!("{SPECIFICATION}/{document}"), 0, 0);
}

#[test]
fn communication_chat_with_references_into_common() {
    let document = "communication/data-plane/Chat/stable/2024-03-07/communicationserviceschat.json";
    check(&format!("{SPECIFICATION}/{document}"), 0, 0);
}

#[test]
fn container_registry() {
    let document = "containerregistry/data-plane/Azure.ContainerRegistry/stable/2021-07-01/containerregistry.json";
    check(&format!("{SPECIFICATION}/{document}"), 0, 0);
}

#[test]
fn queue_storage() {
    // Its one pageable list is XML, which the pager does not read: a plain method; and its
    // metadata headers (`x-ms-meta-*`), used by two operations, are one header each.
    let document = "storage/data-plane/Microsoft.QueueStorage/stable/2018-03-28/queue.json";
    check(&format!("{SPECIFICATION}/{document}"), 1, 3);
}
