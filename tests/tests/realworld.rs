//! Public API descriptions of other services, in OpenAPI 3.0 and 3.1, as their owners publish them
//! (`tests/fixtures/realworld/`, with their origins in `SOURCES.md`): each generates a crate, and
//! every operation it declares is a method or is named in a warning that says it was left out.
//! `.ci/run` builds each crate clippy-clean.

use generator::WarningKind;
use serde_json::Value;
use std::path::Path;

const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// The operations a path item declares.
fn operations_in(item: &Value) -> usize {
    METHODS.iter().filter(|m| item.get(**m).is_some()).count()
}

fn generates_with_every_operation_accounted_for(file: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/realworld")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let output = generator::generate(&text).unwrap_or_else(|problems| {
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("{file} is refused:\n{}", problems.join("\n"))
    });
    let document: Value = if file.ends_with(".json") {
        serde_json::from_str(&text).expect("JSON")
    } else {
        serde_norway::from_str(&text).expect("YAML")
    };
    let paths = document["paths"].as_object().expect("paths");
    let declared: usize = paths.values().map(operations_in).sum();
    // What a warning says was left out: an operation, or a path item with its operations.
    let left_out: usize = output
        .warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::Operation | WarningKind::Unreadable))
        .filter(|w| w.message.ends_with("left out"))
        .map(|w| {
            let tokens: Vec<String> = w
                .pointer
                .split('/')
                .map(generator::pointer::unescape)
                .collect();
            match tokens.as_slice() {
                [_, paths, _, method] if paths == "paths" && METHODS.contains(&method.as_str()) => {
                    1
                }
                [_, paths, item] if paths == "paths" => operations_in(&document["paths"][item]),
                _ => 0,
            }
        })
        .sum();
    assert_eq!(
        output.operation_count + left_out,
        declared,
        "{file}: {} methods and {left_out} operations left out, of {declared}",
        output.operation_count
    );
}

macro_rules! real_documents {
    ($($test:ident: $file:literal,)*) => {
        $(
            #[test]
            fn $test() {
                generates_with_every_operation_accounted_for($file);
            }
        )*

        /// Every document in the folder has a test above.
        #[test]
        fn every_document_has_a_test() {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/realworld");
            let mut found: Vec<String> = std::fs::read_dir(&dir)
                .expect("tests/fixtures/realworld")
                .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
                .filter(|name| name != "SOURCES.md")
                .collect();
            found.sort();
            let mut tested = vec![$($file.to_string()),*];
            tested.sort();
            assert_eq!(found, tested);
        }
    };
}

real_documents! {
    anthropic: "anthropic.yaml",
    arcade: "arcade.yaml",
    asana: "asana.yaml",
    box_platform: "box.json",
    browserbase: "browserbase.yaml",
    cartesia: "cartesia.yaml",
    circleci: "circleci.json",
    coingecko: "coingecko.yaml",
    gitpod: "gitpod.yaml",
    google_tasks: "google-tasks.yaml",
    groq: "groq.yaml",
    meta_llama: "meta-llama.yaml",
    mistral: "mistral.yaml",
    museum: "museum.yaml",
    perplexity: "perplexity.yaml",
    resend: "resend.yaml",
    retell: "retell.yaml",
    spotify: "spotify.yaml",
    supabase: "supabase.json",
    together: "together.yaml",
    train_travel: "train-travel.yaml",
    val_town: "val-town.yaml",
    writer: "writer.yaml",
}
