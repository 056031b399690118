//! Small OpenAPI documents in `tests/fixtures/`, each about one construct, and what the
//! generator makes of them.
//!
//! Each valid fixture's snapshot holds the warnings and the generated `models.rs` and
//! `clients.rs`, so that a change to the generator shows in review as a diff of the code users
//! get for that construct. Each error fixture's snapshot holds the problems, one per line. Plain
//! asserts beside the snapshots state what each fixture is there to show.

use std::path::{Path, PathBuf};

/// The generated files each snapshot holds; the others (`Cargo.toml`, `lib.rs`, `mod.rs`)
/// hardly depend on the document.
const SNAPSHOT_FILES: [&str; 2] = ["src/generated/models.rs", "src/generated/clients.rs"];

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn read_fixture(relative: &str) -> String {
    let path = fixtures_dir().join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What the generator made of a valid fixture.
struct Generated {
    models: String,
    clients: String,
    warnings: Vec<String>,
}

impl Generated {
    /// Whether `models.rs` has `line` as one of its lines, ignoring indentation.
    fn model_line(&self, line: &str) -> bool {
        self.models.lines().any(|l| l.trim() == line)
    }

    /// Whether `clients.rs` has `line` as one of its lines, ignoring indentation.
    fn client_line(&self, line: &str) -> bool {
        self.clients.lines().any(|l| l.trim() == line)
    }

    /// The text of the function every constructor of the client calls, which makes its URL
    /// and pipeline: from its signature to its end.
    fn client_setup(&self) -> &str {
        let start = self
            .clients
            .find("fn endpoint_and_pipeline(")
            .expect("clients.rs has `endpoint_and_pipeline`");
        let end = start
            + self.clients[start..]
                .find("\n    }\n")
                .expect("`endpoint_and_pipeline` is closed");
        &self.clients[start..end]
    }

    /// The lines of `models.rs` from the one that declares `item` to the item's closing brace.
    fn model_item(&self, item: &str) -> String {
        let lines: Vec<&str> = self.models.lines().collect();
        let start = lines
            .iter()
            .position(|l| l.trim_start().starts_with(item))
            .unwrap_or_else(|| panic!("models.rs has no `{item}`"));
        let end = start
            + lines[start..]
                .iter()
                .position(|l| *l == "}")
                .unwrap_or_else(|| panic!("`{item}` is not closed"));
        lines[start..=end].join("\n")
    }
}

/// Generates `fixtures/{name}.yaml`, snapshots the warnings and the model and client files,
/// and returns them for the fixture's own asserts.
fn valid(name: &str) -> Generated {
    let document = read_fixture(&format!("{name}.yaml"));
    let output = generator::generate(&document).unwrap_or_else(|problems| {
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("{name}.yaml does not generate:\n{}", problems.join("\n"))
    });
    snapshot(name, &format!("{name}.yaml"), &output)
}

/// Generates `fixtures/{relative}`, a document that references other files, which are read
/// under `fixtures/{root}`; then as [`valid`], with the snapshot called `name`.
fn valid_split(name: &str, relative: &str, root: &str) -> Generated {
    let settings = generator::Settings {
        ref_root: Some(fixtures_dir().join(root)),
        ..Default::default()
    };
    let output = generator::write::generate_file(&fixtures_dir().join(relative), &settings)
        .unwrap_or_else(|failure| panic!("{relative} does not generate:\n{failure}"));
    snapshot(name, relative, &output)
}

/// Snapshots the warnings and the model and client files of `output`, generated from
/// `fixtures/{relative}`, as `name`.
fn snapshot(name: &str, relative: &str, output: &generator::Output) -> Generated {
    let warnings: Vec<String> = output.warnings.iter().map(ToString::to_string).collect();
    let file = |path: &str| {
        output
            .files
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("{relative}: no {path} in the output"))
            .contents
            .clone()
    };

    let mut text = String::from("// ---- warnings\n");
    if warnings.is_empty() {
        text.push_str("(none)\n");
    }
    for warning in &warnings {
        text.push_str(warning);
        text.push('\n');
    }
    for path in SNAPSHOT_FILES {
        text.push_str(&format!("\n// ---- {path}\n"));
        text.push_str(&file(path));
    }
    insta::with_settings!({
        input_file => fixtures_dir().join(relative),
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name.replace('-', "_"), text);
    });

    Generated {
        models: file(SNAPSHOT_FILES[0]),
        clients: file(SNAPSHOT_FILES[1]),
        warnings,
    }
}

/// Runs `fixtures/errors/{name}.yaml`, which must fail, snapshots the problems (one per line)
/// and returns them.
fn errors(name: &str) -> Vec<generator::Problem> {
    let document = read_fixture(&format!("errors/{name}.yaml"));
    let problems = match generator::generate(&document) {
        Ok(_) => panic!("errors/{name}.yaml generates, but it should fail"),
        Err(problems) => problems,
    };
    assert!(!problems.is_empty(), "errors/{name}.yaml: no problem given");
    for problem in &problems {
        assert!(
            problem.pointer.starts_with('#'),
            "errors/{name}.yaml: `{problem}` has no JSON pointer"
        );
        assert!(
            !problem.message.is_empty(),
            "errors/{name}.yaml: empty message"
        );
    }
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    insta::with_settings!({
        input_file => fixtures_dir().join(format!("errors/{name}.yaml")),
        omit_expression => true,
    }, {
        insta::assert_snapshot!(format!("errors__{}", name.replace('-', "_")), text.join("\n"));
    });
    problems
}

/// The pointers of `problems`, in order.
fn pointers(problems: &[generator::Problem]) -> Vec<&str> {
    problems.iter().map(|p| p.pointer.as_str()).collect()
}

#[test]
fn objects_required_optional() {
    let g = valid("objects-required-optional");
    // Every field is an `Option`, required ones too; "Required." is in their docs.
    assert!(g.model_line("pub name: Option<String>,"));
    assert!(g.model_line("pub color: Option<String>,"));
    assert!(g.model_line("pub dimensions: Option<Dimensions>,"));
    assert!(g.model_line("pub value: Option<Vec<Widget>>,"));
    assert!(g.model_line("pub r#type: Option<String>,"));
    assert!(g.model_line(
        "#[serde(default, rename = \"displayName\", skip_serializing_if = \"Option::is_none\")]"
    ));
    let widget = g.model_item("pub struct Widget");
    assert!(widget.contains("/// The widget's name.\n    ///\n    /// Required."));
    assert!(!widget.contains("color, if painted.\n    ///\n    /// Required."));
    // Response-only models may gain fields.
    assert!(g.models.contains("#[non_exhaustive]\npub struct Widget {"));
    assert!(g.warnings.is_empty());
}

#[test]
fn allof_ref_description() {
    let g = valid("allof-ref-description");
    let gadget = g.model_item("pub struct Gadget");
    assert!(gadget.contains("/// Who owns this gadget (the wrapper's description).\n    #[serde("));
    assert!(gadget.contains("pub owner: Option<Person>,"));
    assert!(gadget.contains("pub maker: Option<Person>,"));
    assert!(gadget.contains("/// The serial number (the wrapper's description)."));
    // The wrapped schema's constraints still reach the field's docs.
    assert!(gadget.contains("Pattern `^[A-Z]{2}[0-9]{6}$`"));
    assert!(gadget.contains("pub serial: Option<String>,"));
    // Without a wrapper description the field takes the referenced schema's.
    assert!(gadget.contains(
        "/// A person (the referenced schema's description).\n    #[serde(default, skip_serializing_if = \"Option::is_none\")]\n    pub undocumented"
    ));
    assert!(g.model_line("/// A person (the referenced schema's description)."));
}

#[test]
fn ref_siblings() {
    let g = valid("ref-siblings");
    let widget = g.model_item("pub struct Widget");
    // Siblings of `$ref`: description, readOnly and constraints, the outer `maxLength` first.
    assert!(widget.contains("/// The widget's id, set by the service."));
    assert!(widget.contains("#[serde(default, skip_serializing)]\n    pub id: Option<String>,"));
    assert!(widget.contains("/// The widget's code (beside the `$ref`)."));
    assert!(widget.contains("/// Length 2 to 8, pattern `^[A-Z]+$`."));
    assert!(widget.contains("/// Length at most 100."));
    assert!(widget.contains("/// Who owns the widget (beside the `$ref`)."));
    assert!(widget.contains("#[serde(default, skip_serializing)]\n    pub owner: Option<Owner>,"));
    // The path parameter's `$ref` siblings reach the argument docs.
    assert!(g.clients.contains(
        "/// * `widget_id` - The widget's id.\n    ///   Format `uuid`, length 36 to 36, pattern"
    ));
    // `Uuid` and `Code` are plain strings, not types of their own.
    assert!(!g.models.contains("struct Uuid"));
    assert!(g.warnings.is_empty());
}

#[test]
fn recursion() {
    let g = valid("recursion");
    // Directly and through the `allOf` wrapper: boxed.
    assert!(g.model_line("pub parent: Option<Box<Node>>,"));
    assert!(g.model_line("pub next: Option<Box<Node>>,"));
    // Through a `Vec` or a map: already on the heap.
    assert!(g.model_line("pub children: Option<Vec<Node>>,"));
    assert!(g.model_line("pub by_name: Option<std::collections::HashMap<String, Node>>,"));
    // Mutual recursion: both sides close the cycle, so both are boxed.
    assert!(g.model_line("pub file: Option<Box<File>>,"));
    assert!(g.model_line("pub folder: Option<Box<Folder>>,"));
}

#[test]
fn enums() {
    let g = valid("enums");
    let shade = g.model_item("pub enum Shade");
    assert!(g.models.contains("/// kept in [`Self::UnknownValue`] and sent back unchanged.\n#[derive(Clone, Debug, PartialEq, Eq, Hash)]\n#[non_exhaustive]\npub enum Shade {"));
    for variant in [
        "Light,",
        "Dark,",
        "V20240101,",
        "WithSpace,",
        "SnakeCase,",
        "SnakeCase2,",
        "UnknownValue2,",
        "UnknownValue(String),",
    ] {
        assert!(shade.contains(variant), "Shade has no {variant}");
    }
    let finish = g.model_item("pub enum Finish");
    assert!(g.models.contains("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]\npub enum Finish {"));
    assert!(finish.contains("#[serde(rename = \"glossy-finish\")]\n    GlossyFinish,"));
    assert!(finish.contains("#[serde(rename = \"2024-01-01\")]\n    V20240101,"));
    assert!(finish.contains("#[serde(rename = \"with space\")]\n    WithSpace,"));
    assert!(finish.contains("#[serde(rename = \"snake_case\")]\n    SnakeCase,"));
    // The repeated `matte` is one variant.
    assert_eq!(finish.matches("Matte,").count(), 1);
    assert!(!finish.contains("UnknownValue"));
    // Inline enums are named after their struct and property.
    assert!(g.model_line("pub state: Option<WidgetState>,"));
    assert!(g.model_line("pub mode: Option<WidgetMode>,"));
    // Enum parameters: required as `&Shade`, optional in the options struct.
    assert!(g.client_line("shade: &models::Shade,"));
    assert!(g.client_line("pub finish: Option<models::Finish>,"));
    assert!(g.client_line("url.query_pairs_mut().append_pair(\"shade\", shade.as_str());"));
}

#[test]
fn formats() {
    let g = valid("formats");
    let widget = g.model_item("pub struct Widget");
    // date-time fields are RFC 3339 on the wire; the read-only one is never sent.
    assert!(widget.contains("skip_serializing,\n        with = \"azure_core::time::rfc3339::option\"\n    )]\n    pub created_at: Option<azure_core::time::OffsetDateTime>,"));
    assert!(widget.contains("with = \"azure_core::time::rfc3339::option\"\n    )]\n    pub updated_at: Option<azure_core::time::OffsetDateTime>,"));
    // serde cannot apply the RFC 3339 format inside a list, so such dates stay text.
    assert!(widget.contains("pub history: Option<Vec<String>>,"));
    assert!(widget.contains("/// Format `uuid`."));
    assert!(widget.contains("/// Format `uri`."));
    assert!(widget.contains("pub ratio: Option<f64>,"));
    assert!(widget.contains("pub weight: Option<f32>,"));
    assert!(widget.contains("pub plain_number: Option<f64>,"));
    assert!(widget.contains("pub count: Option<i32>,"));
    assert!(widget.contains("pub total: Option<i64>,"));
    // uint64 values may exceed i64::MAX.
    assert!(widget.contains("pub bytes_used: Option<u64>,"));
    assert!(widget.contains("pub plain_integer: Option<i64>,"));
    assert!(widget.contains("pub enabled: Option<bool>,"));
    assert!(widget.contains("pub anything: Option<serde_json::Value>,"));
    assert!(widget.contains("pub free_form: Option<serde_json::Value>,"));
    assert!(widget.contains("pub counts: Option<std::collections::HashMap<String, i32>>,"));
    assert!(widget.contains("/// Read-only: set by the service, never sent."));
}

#[test]
fn constraints() {
    let g = valid("constraints");
    let widget = g.model_item("pub struct Widget");
    for sentence in [
        "Length 3 to 63, pattern `^[a-z][a-z0-9-]*$`.",
        "Length at least 1.",
        "Length at most 500.",
        "Pattern `` ^[^`]*$ ``.",
        "Minimum 1, maximum 100.",
        "Minimum 0 (exclusive).",
        "Maximum 50 (exclusive).",
        "Minimum 0 (exclusive), maximum 1 (exclusive).",
        "Minimum -10.",
        "Multiple of 0.5.",
        "1 to 10 items.",
        "At least 2 items.",
        "At most 3 items.",
    ] {
        let line = format!("/// {sentence} Not checked by the client: the service decides.");
        assert!(g.model_line(&line), "no `{line}` in:\n{widget}");
    }
    // Parameters state theirs too.
    assert!(g.client_line(
        "/// Minimum 1, maximum 1000. Not checked by the client: the service decides."
    ));
}

#[test]
fn parameters() {
    let g = valid("parameters");
    // Required: path parameters in path order, then query and header; the operation's
    // `widgetNumber` (int32) overrides the path item's (int64).
    assert!(g.clients.contains(
        "shelf_name: &str,\n        widget_number: i32,\n        view: &str,\n        if_match: &str,\n        options:"
    ));
    let options = g
        .clients
        .split("pub struct WidgetsClientGetOptions")
        .nth(1)
        .unwrap_or_default();
    for field in [
        "pub select: Option<String>,",
        "pub filter: Option<String>,",
        "pub include_parts: Option<bool>,",
        "pub since: Option<azure_core::time::OffsetDateTime>,",
        "pub x_ms_client_request_id: Option<String>,",
    ] {
        assert!(options.contains(field), "options have no {field}");
    }
    assert!(g.client_line("url.query_pairs_mut().append_pair(\"$filter\", value);"));
    // azure_core's header names are lowercase (`If-Match` in the document).
    assert!(g.client_line("request.insert_header(\"if-match\", if_match.to_string());"));
    // `{widgetName}:export` is one segment, and its parameter is checked like any other.
    assert!(
        g.clients
            .contains("&[path_parameter(\"widgetName\", widget_name)?, \":export\"].concat()")
    );
    // From `#/components/parameters`, with its docs and constraints.
    assert!(
        g.clients
            .contains("/// * `shelf_name` - The shelf's name.\n    ///   Length at most 24.")
    );
}

#[test]
fn default_error_response() {
    let g = valid("default-error-response");
    assert!(
        g.models
            .contains("impl ErrorResponse {\n    /// Reads this error body back")
    );
    assert!(g.models.contains("impl NotFound {\n"));
    assert!(!g.models.contains("impl Widget {"));
    assert!(!g.models.contains("impl Error {"));
    assert!(
        g.clients
            .contains("its error code is the `x-ms-error-code` header")
    );
    assert!(g.clients.contains(
        "/// [`models::ErrorResponse::from_error`](crate::models::ErrorResponse::from_error) reads the service's error body back from it."
    ));
    assert!(g.clients.contains(
        "/// [`models::NotFound::from_error`](crate::models::NotFound::from_error) reads the service's error body back from it."
    ));
    assert!(g.model_line("pub details: Option<Vec<Error>>,"));
    assert!(g.model_line("pub innererror: Option<Box<InnerError>>,"));
}

#[test]
fn oauth2() {
    let g = valid("oauth2");
    assert!(g.client_line("credential: Arc<dyn TokenCredential>,"));
    assert!(g.client_line("use azure_core::credentials::TokenCredential;"));
    assert!(
        g.clients
            .contains("\"https://widgets.example.com/.default\"")
    );
}

#[test]
fn no_security() {
    let g = valid("no-security");
    assert!(!g.clients.contains("TokenCredential"));
    assert!(!g.clients.contains("credential"));
    assert!(g.client_line("let per_try_policies = Vec::new();"));
    assert!(g.clients.contains("pub fn new(\n        endpoint: &str,\n        options: Option<WidgetsClientOptions>,\n    )"));
}

#[test]
fn server_endpoint_variable() {
    let g = valid("server-endpoint-variable");
    assert!(g.clients.contains(
        "/// * `endpoint` - The Widgets endpoint, e.g. `https://contoso.widgets.example.com`."
    ));
    assert!(!g.client_setup().contains("append_path"));
}

#[test]
fn server_path_prefix() {
    let g = valid("server-path-prefix");
    assert!(
        g.client_setup()
            .contains("append_path(&mut url, &[\"api\", \"v1\"])?;")
    );
    assert!(
        g.clients
            .contains("/// * `endpoint` - The Widgets endpoint, without the API path.")
    );
}

#[test]
fn server_variables() {
    let g = valid("server-variables");
    // `region` is an option of its own with the document's default; `version` lists the
    // document's version, so the API version option fills it.
    assert!(g.client_line("pub region: String,"));
    assert!(g.client_line("region: \"west\".to_string(),"));
    assert!(g.client_line("api_version: \"v2\".to_string(),"));
    let new = g.client_setup();
    assert!(
        new.contains("path_parameter(\"region\", &options.region)?,"),
        "{new}"
    );
    assert!(
        new.contains("&[\"api-version:\", path_parameter(\"version\", &options.api_version)?]"),
        "{new}"
    );
}

#[test]
fn security_custom_scheme() {
    let g = valid("security-custom-scheme");
    assert!(g.client_line("key: Secret,"));
    assert!(
        g.clients
            .contains("Secret::new(format!(\"SharedAccessKey {}\", key.secret()))")
    );
    assert!(g.client_line("name: \"authorization\","));
    assert!(g.client_line("request.insert_header(self.name, self.secret.secret().to_string());"));
}

#[test]
fn file_bodies() {
    let g = valid("file-bodies");
    // An image goes as bytes with its own content type; a reply of any type is bytes, and the
    // request accepts what the document lists.
    assert!(g.client_line("body: azure_core::Bytes,"));
    assert!(g.client_line("request.insert_header(\"content-type\", \"image/png\");"));
    assert!(g.client_line("request.insert_header(\"accept\", \"*/*\");"));
    assert!(
        g.clients
            .contains("Response<azure_core::Bytes, BinaryFormat>")
    );
    // A file of several types: the caller names its type.
    assert!(g.client_line("content_type: &str,"));
    assert!(g.client_line("request.insert_header(\"content-type\", content_type.to_string());"));
    // A JSON file (`format: binary`) is bytes, not a JSON string.
    assert!(g.client_line("request.insert_header(\"accept\", \"application/json\");"));
    assert!(!g.clients.contains("Response<String>"));
}

#[test]
fn nullable_and_inherited_maps() {
    let g = valid("nullable-and-inherited-maps");
    // `nullable` items and map values can hold `null`.
    assert!(g.model_line("pub values: Option<Vec<Option<f64>>>,"));
    assert!(g.model_line("pub by_hour: Option<std::collections::HashMap<String, Option<i64>>>,"));
    // The map of unnamed properties comes from the `allOf` parent.
    assert!(g.model_line("pub additional_properties: std::collections::HashMap<String, String>,"));
    // Delimited query lists are joined by their style's separator.
    assert!(g.client_line(".join(\" \");"));
    assert!(g.client_line(".join(\"|\");"));
}

#[test]
fn xml_bodies() {
    let g = valid("xml-bodies");
    // The root element, an attribute, a renamed element, an unwrapped list's repeated element.
    assert!(g.model_line("#[serde(rename = \"cat:XmlBook\")]"));
    assert!(g.model_line(
        "#[serde(default, rename = \"@id\", skip_serializing_if = \"Option::is_none\")]"
    ));
    assert!(g.model_line(
        "#[serde(default, rename = \"Title\", skip_serializing_if = \"Option::is_none\")]"
    ));
    assert!(g.model_line(
        "#[serde(default, rename = \"author\", skip_serializing_if = \"Option::is_none\")]"
    ));
    // A prefixed element is read by its local name, as quick-xml matches; a date from text.
    assert!(
        g.models
            .contains("rename(serialize = \"cat:isbn\", deserialize = \"isbn\")")
    );
    assert!(g.models.contains("with = \"xml_date_time\""));
    // A wrapped list goes through a module that puts `<Chapter>` items in `<Chapters>`.
    assert!(g.model_line("with = \"wrapped_chapter\","));
    assert!(g.model_line("mod wrapped_chapter {"));
    // Replies read XML; bodies are written as XML, the root declaring the namespace.
    assert!(
        g.clients
            .contains("Response<models::Book, azure_core::http::XmlFormat>")
    );
    assert!(g.client_line("request.insert_header(\"accept\", \"application/xml\");"));
    assert!(
        g.clients
            .contains("xml_body(&body, &[\" xmlns:cat=\\\"http://example.com/catalog\\\"\"])?")
    );
}

#[test]
fn multipart() {
    let g = valid("multipart");
    // Files are `FilePart`s, which JSON never carries; each field is a part of its own kind.
    assert!(g.model_line("pub photo: Option<FilePart>,"));
    assert!(g.model_line("pub thumbnails: Option<Vec<FilePart>>,"));
    assert!(g.model_line("pub struct FilePart {"));
    assert!(g.client_line("parts.push(Part::Text(\"caption\", value.clone()));"));
    assert!(g.client_line("parts.push(Part::Text(\"rating\", value.to_string()));"));
    assert!(g.client_line("parts.push(Part::Json(\"location\", json));"));
    assert!(g.client_line("parts.push(Part::File(\"photo\", value, \"image/jpeg\"));"));
    assert!(g.client_line(
        "parts.push(Part::File(\"thumbnails\", file, \"application/octet-stream\"));"
    ));
    assert!(g.client_line("let (content_type, bytes) = multipart_body(&parts);"));
}

#[test]
fn no_servers() {
    let g = valid("no-servers");
    assert!(
        g.clients
            .contains("/// * `endpoint` - The service's URL.\n")
    );
    assert!(!g.client_setup().contains("append_path"));
}

#[test]
fn server_fixed_url() {
    let g = valid("server-fixed-url");
    assert!(
        g.clients
            .contains("pub const DEFAULT_ENDPOINT: &'static str = \"https://")
    );
    assert!(g.clients.contains(
        "/// * `endpoint` - The service's URL; the document names `https://widgets.example.com`."
    ));
    assert!(!g.client_setup().contains("append_path"));
}

#[test]
fn api_version() {
    let g = valid("api-version");
    assert!(g.client_line("api_version: \"2024-05-01-preview\".to_string(),"));
    // Two of the three operations declare api-version; `Health_check` does not.
    assert_eq!(
        g.clients
            .matches(".append_pair(\"api-version\", &self.api_version);")
            .count(),
        2
    );
    // It is the client's, never a method argument or option.
    assert!(!g.clients.contains("api_version: &str"));
    assert!(!g.clients.contains("pub api_version: Option"));
}

#[test]
fn unreachable_schemas() {
    let g = valid("unreachable-schemas");
    assert_eq!(
        g.warnings,
        [
            "#/components/schemas/Orphan: not generated: no operation uses this schema",
            "#/components/schemas/OrphanEnum: not generated: no operation uses this schema",
            "#/components/schemas/OrphanFriend: not generated: no operation uses this schema",
            "#/components/schemas/WidgetsGetResponse: not generated: no operation uses this schema",
        ]
    );
    for name in ["Orphan", "OrphanEnum", "OrphanFriend"] {
        assert!(
            !g.models.contains(&format!(" {name} ")),
            "{name} was generated"
        );
    }
    assert!(g.models.contains("pub struct Widget {"));
    // The unreachable `WidgetsGetResponse` still takes its name: the inline response type
    // is `WidgetsGetResponse2` (doubtful; see the snapshot).
    assert!(g.clients.contains("Response<models::WidgetsGetResponse2>"));
}

#[test]
fn request_body() {
    let g = valid("request-body");
    // A model users build is not `#[non_exhaustive]`, nor are the models it reaches.
    assert!(g.models.contains(
        "#[derive(Clone, azure_core::fmt::SafeDebug, Default, PartialEq, Deserialize, Serialize)]\npub struct Widget {"
    ));
    assert!(g.models.contains("#[derive(Clone, azure_core::fmt::SafeDebug, Default, PartialEq, Deserialize, Serialize)]\npub struct Dimensions {"));
    assert!(!g.model_line("#[non_exhaustive]"));
    // Required body: a plain argument; optional body: an `Option`.
    assert!(g.client_line("body: models::Widget,"));
    assert!(g.client_line("body: Option<models::WidgetsPaintBody>,"));
    assert!(g.client_line("request.set_json(&body)?;"));
    // A merge-patch body can say `null` (remove) apart from absent.
    assert!(g.model_line("pub color: Option<Option<String>>,"));
    assert!(g.model_line(
        "#[serde(default, with = \"nullable\", skip_serializing_if = \"Option::is_none\")]"
    ));
    // A `+json` body is sent with its own media type.
    assert!(
        g.client_line("request.insert_header(\"content-type\", \"application/merge-patch+json\");")
    );
    // 200 and 201 share the body type; 204 has none.
    assert!(
        g.clients
            .contains("-> azure_core::Result<Response<models::Widget>>")
    );
    assert!(
        g.clients
            .contains("-> azure_core::Result<Response<(), NoFormat>>")
    );
}

#[test]
fn errors_openapi_4_0() {
    let problems = errors("openapi-4-0");
    assert_eq!(pointers(&problems), ["#/openapi"]);
    assert!(problems[0].message.contains("4.0.0"));
}

#[test]
fn errors_swagger_1_2() {
    let problems = errors("swagger-1-2");
    assert_eq!(pointers(&problems), ["#/swagger"]);
    assert!(problems[0].message.contains("1.2"));
}

#[test]
fn errors_malformed() {
    let problems = errors("malformed");
    assert_eq!(pointers(&problems), ["#"]);
    assert!(problems[0].message.starts_with("malformed YAML"));
}

/// Every `.yaml` in `fixtures/` and `fixtures/errors/` has a test above that runs it, and
/// every fixture a test names exists.
#[test]
fn every_fixture_has_a_test() {
    let source = include_str!("fixtures.rs");
    for (dir, call) in [
        (fixtures_dir(), "valid"),
        (fixtures_dir().join("errors"), "errors"),
    ] {
        let mut stems: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.expect("a directory entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
            .map(|path| path.file_stem().unwrap().to_string_lossy().into_owned())
            .collect();
        stems.sort();
        let prefix = format!("= {call}(\"");
        let mut tested: Vec<String> = source
            .match_indices(&prefix)
            .map(|(at, _)| {
                let rest = &source[at + prefix.len()..];
                rest[..rest.find('"').unwrap()].to_string()
            })
            .collect();
        tested.sort();
        assert_eq!(
            stems,
            tested,
            "fixtures in {} and tests differ",
            dir.display()
        );
    }
}

#[test]
fn status_monitor() {
    let g = valid("status-monitor");
    // The closed enum's terminal values end polling; every other value keeps it going.
    assert!(
        g.models
            .contains("impl azure_core::http::poller::StatusMonitor for JobStatus")
    );
    assert!(g.model_line("Some(JobStatusStatus::Cancelled) => PollerStatus::Canceled,"));
    assert!(g.model_line("_ => PollerStatus::InProgress,"));
    assert!(!g.models.contains("StatusMonitor for Light"));
    // The GET of the status model gets a poller, with the GET's optional parameters.
    assert!(g.clients.contains("pub fn poll_get("));
    assert!(
        g.clients
            .contains("-> azure_core::Result<Poller<models::JobStatus>>")
    );
    assert_eq!(
        g.clients.matches("pub fn poll_get(").count(),
        1,
        "only the job status polls"
    );
    assert!(
        g.clients
            .contains("pub fn lights_client(&self) -> JobsLightsClient")
    );
    assert!(
        g.clients
            .contains("pub struct JobsClientPollGetOptions<'a>")
    );
    // The failure's message carries the service's error code and message.
    assert!(
        g.clients
            .contains("impl std::fmt::Display for OperationFailure<models::JobStatus>")
    );
    assert!(g.clients.contains("if let Some(error) = &status.error {"));
}

#[test]
fn discriminator() {
    let g = valid("discriminator");
    // One variant per mapped kind, each a struct with the base's properties and its own.
    let animal = g.model_item("pub enum Animal {");
    assert!(animal.contains("Cat(Cat),") && animal.contains("Dog(Dog),"));
    assert!(animal.contains("UnknownKind(serde_json::Value),"));
    assert!(g.model_line("Some(\"cat\") => {"));
    let cat = g.model_item("pub struct Cat {");
    for field in [
        "pub kind: Option<CatKind>,",
        "pub name: Option<String>,",
        "pub lives: Option<i32>,",
    ] {
        assert!(cat.contains(field), "Cat has no `{field}`:\n{cat}");
    }
    // A known variant is written with its discriminator, set or not in its model.
    assert!(
        g.models.contains(
            "Self::Cat(value) => with_discriminator(value, \"kind\", \"cat\", serializer),"
        )
    );
    // A discriminator no schema takes up is just a field of a plain struct.
    let fish = g.model_item("pub struct Fish {");
    assert!(fish.contains("pub kind: Option<String>,") && fish.contains("pub size: Option<i32>,"));
    // Without a mapping, the subtypes are the schemas that take the base into their allOf.
    assert!(g.models.contains("Hamster(Hamster),"));
    // allOf of two objects merges their properties.
    let keeper = g.model_item("pub struct Keeper {");
    for field in [
        "pub name: Option<String>,",
        "pub favorite: Option<Pet>,",
        "pub badge: Option<String>,",
    ] {
        assert!(keeper.contains(field), "Keeper has no `{field}`:\n{keeper}");
    }
}

/// Real documents from outside Azure generate; CI builds their crates (`.ci/run`).
#[test]
fn corpus_documents_generate() {
    for (file, operations) in [
        ("corpus/oxide.json", 315),
        ("corpus/petstore-expanded.yaml", 4),
    ] {
        let output = generator::generate(&read_fixture(file))
            .unwrap_or_else(|problems| panic!("{file}: {problems:#?}"));
        assert_eq!(output.operation_count, operations, "{file}");
    }
}

#[test]
fn one_of() {
    let g = valid("one-of");
    // A choice of plain strings is a string: the path parameter is `&str`.
    assert!(g.client_line("shape: &str,"));
    // A choice of documented string values is an enum whose variants carry the docs.
    let sort = g.model_item("pub enum SortMode {");
    assert!(
        sort.contains(
            "/// By name, A to Z.\n    #[serde(rename = \"name_ascending\")]\n    NameAscending,"
        ),
        "{sort}"
    );
    // Objects that each require a property of one value of their own are a union that the
    // property discriminates, as if the document had said so: variants named by their tags,
    // an unknown kind kept, the tag written from the variant and left out of inline structs.
    let outline = g.model_item("pub enum Outline {");
    assert!(
        outline.contains("Circle(OutlineCircle),")
            && outline.contains("Square(OutlineSquare),")
            && outline.contains("UnknownKind(serde_json::Value),"),
        "{outline}"
    );
    assert!(
        g.models
            .contains(r#"with_discriminator(value, "type", "circle", serializer)"#)
    );
    assert!(
        !g.model_item("pub struct OutlineCircle {")
            .contains("r#type")
    );
    assert!(!g.models.contains("OutlineCircleType"));
    // Referenced members are tagged the same way and keep their own models whole.
    let sign = g.model_item("pub enum ShapeSign {");
    assert!(
        sign.contains("Stop(Stop),") && sign.contains("Yield(Yield),"),
        "{sign}"
    );
    assert!(
        g.models
            .contains(r#"with_discriminator(value, "kind", "yield", serializer)"#)
    );
    assert!(
        g.model_item("pub struct Stop {")
            .contains("pub kind: Option<StopKind>,")
    );
    // Two members with the same value cannot be told apart by it: they stay untagged.
    assert!(
        g.models
            .contains("#[serde(untagged)]\npub enum ShapeMark {")
    );
    // A discriminated oneOf without a mapping: its members name themselves.
    let pet = g.model_item("pub enum Pet {");
    assert!(pet.contains("Cat(Cat),") && pet.contains("UnknownKind(serde_json::Value),"));
    // Scalars of different types.
    assert!(g.models.contains("Integer(i64),") && g.models.contains("String(String),"));
    // `nullable` is an `Option`, as every field is.
    assert!(g.model_line("pub label: Option<String>,"));
    // `anyOf` reads as `oneOf` does: an untagged enum, or an enum of the members' values.
    let weight = g.model_item("pub enum ShapeWeight {");
    assert!(weight.contains("Number(f64),") && weight.contains("String(String),"));
    assert!(
        g.models
            .contains("#[serde(untagged)]\npub enum ShapeWeight {")
    );
    let report = g.model_item("pub enum ShapeReport {");
    let full = report
        .find("FullReport(FullReport)")
        .expect("FullReport variant");
    let short = report
        .find("ShortReport(ShortReport)")
        .expect("ShortReport variant");
    assert!(full < short, "{report}");
    let direction = g.model_item("pub enum ShapeDirection {");
    assert!(
        direction.contains("Left,") && direction.contains("Down,"),
        "{direction}"
    );
}

#[test]
fn bodies() {
    let g = valid("bodies");
    // Lists in a query: one pair per item by default, comma-joined with `explode: false`.
    assert!(g.client_line("url.query_pairs_mut().append_pair(\"tags\", item);"));
    assert!(g.client_line("url.query_pairs_mut().append_pair(\"ids\", &joined);"));
    // A list in a header is comma-joined.
    assert!(g.client_line("request.insert_header(\"x-fields\", joined);"));
    // Bytes in and out; text in and out; a form.
    assert!(g.client_line("body: azure_core::Bytes,"));
    assert!(
        g.clients
            .contains("Response<azure_core::Bytes, BinaryFormat>")
    );
    assert!(g.client_line("body: Option<String>,"));
    assert!(g.client_line("request.set_body(form_body(&body)?);"));
    assert!(g.clients.contains("Response<String, TextFormat>"));
    // 200 and 201 carry different types: the body is JSON, and a warning says so.
    assert!(g.clients.contains("Response<serde_json::Value>"));
    assert!(
        g.warnings
            .iter()
            .any(|w| w.contains("different body types"))
    );
    // Arrays of arrays; a map beside named properties; an enum of integers documented.
    assert!(g.model_line("pub grid: Option<Vec<Vec<i64>>>,"));
    assert!(g.models.contains("#[serde(flatten)]\n    pub additional_properties: std::collections::HashMap<String, String>,"));
    assert!(g.models.contains("One of 512, 4096."));
}

#[test]
fn security_schemes() {
    let g = valid("security-schemes");
    // An API key is a `Secret` (its Debug is redacted) sent by a policy on every request.
    assert!(g.client_line("api_key: Secret,"));
    assert!(g.client_line("name: \"x-api-key\","));
    assert!(
        g.warnings
            .iter()
            .any(|w| w.contains("#/paths/~1keys/delete/security/0"))
    );
}

#[test]
fn security_alternatives() {
    let g = valid("security-alternatives");
    // `new` takes the first way; the others have constructors of their own.
    assert!(
        g.clients
            .contains("pub fn new(\n        endpoint: &str,\n        api_key: Secret,")
    );
    assert!(g.clients.contains("pub fn with_token_credential(\n        endpoint: &str,\n        credential: Arc<dyn TokenCredential>,"));
    assert!(g.clients.contains(
        "pub fn anonymous(\n        endpoint: &str,\n        options: Option<KeysClientOptions>,"
    ));
    // The key goes in the query; the token asks for the document's scope.
    assert!(g.client_line("in_query: true,"));
    assert!(g.client_line("let scopes: [&str; 1usize] = [\"https://keys.example.com/.default\"];"));
    assert!(g.warnings.is_empty(), "{:?}", g.warnings);
}

#[test]
fn security_bearer() {
    let g = valid("security-bearer");
    assert!(g.client_line("credential: Arc<dyn TokenCredential>,"));
    assert!(g.client_line("let scopes: [&str; 0usize] = [];"));
}

#[test]
fn security_basic() {
    let g = valid("security-basic");
    assert!(g.client_line("password: Secret,"));
    assert!(
        g.clients
            .contains("azure_core::base64::encode(format!(\"{user}:{}\", password.secret()))")
    );
}

#[test]
fn cursed_names() {
    let g = valid("cursed-names");
    let model = g.model_item("pub struct WidgetsClient2 {");
    for field in [
        "pub r#type: Option<String>,",
        "pub r#fn: Option<String>,",
        "pub self_: Option<String>,",
        "pub r#async: Option<String>,",
        "pub n2fa: Option<bool>,",
        "pub n123: Option<i64>,",
        "pub kebab_case: Option<String>,",
        "pub dotted_name: Option<String>,",
        "pub dollar: Option<String>,",
        "pub with_space: Option<String>,",
        "pub self_2: Option<String>,",
        "pub groesse: Option<f64>,",
        "pub foo_bar: Option<String>,",
        "pub foo_bar_2: Option<String>,",
        "pub foo_bar_3: Option<String>,",
        "pub value: Option<String>,",
    ] {
        assert!(model.contains(field), "no `{field}` in\n{model}");
    }
    // Every field keeps its wire name.
    assert!(model.contains("rename = \"dotted.name\""));
    assert!(model.contains("rename = \"名前\""));
    // Schemas that collide with the client's names or the prelude are numbered.
    for name in ["pub struct WidgetsClientOptions2 {", "pub struct Option2 {"] {
        assert!(g.models.contains(name), "no `{name}`");
    }
    // The root client's own `new` stays; the operation named `new` is numbered.
    assert!(g.clients.contains("pub async fn new_2("));
    assert!(
        g.clients.contains("pub async fn get_item(")
            && g.clients.contains("pub async fn get_item_2(")
    );
    assert!(g.clients.contains("pub async fn loeschen("));
    // Parameters that collide with the method's own locals are numbered.
    assert!(
        g.client_line("options_2: &str,") || g.clients.contains("pub options_2: Option<String>,")
    );
}

/// `deny_warnings` refuses a document for any fallback, naming each, but not for schemas that
/// no operation uses, which cost the client nothing.
#[test]
fn deny_warnings_refuses_fallbacks_but_not_unused_schemas() {
    let strict = generator::Settings {
        deny_warnings: true,
        ..Default::default()
    };
    let unused_only = read_fixture("unreachable-schemas.yaml");
    let output = generator::generate_with(&unused_only, &strict).expect("only unused schemas");
    assert!(!output.warnings.is_empty());
    assert!(
        output
            .warnings
            .iter()
            .all(|w| w.kind == generator::WarningKind::Unused)
    );

    let with_fallbacks = read_fixture("bodies.yaml");
    let lenient = generator::generate(&with_fallbacks).expect("bodies.yaml generates");
    let denied: Vec<String> = lenient
        .warnings
        .iter()
        .filter(|w| w.kind.denied())
        .map(ToString::to_string)
        .collect();
    assert!(!denied.is_empty());
    let problems = generator::generate_with(&with_fallbacks, &strict).unwrap_err();
    let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems, denied);
}

// ---- the policy: refuse only what cannot be read, degrade the rest ---------------------------

#[test]
fn errors_paths_not_a_map() {
    let problems = errors("paths-not-a-map");
    assert_eq!(pointers(&problems), ["#/paths"]);
}

#[test]
fn errors_root_not_a_map() {
    let problems = errors("root-not-a-map");
    assert_eq!(pointers(&problems), ["#"]);
    assert!(problems[0].message.contains("not an OpenAPI document"));
}

/// A `$ref` to nothing: that schema is `serde_json::Value`, named in a warning; the method
/// still returns what the service sends.
#[test]
fn dangling_ref() {
    let g = valid("dangling-ref");
    assert_eq!(
        g.warnings[0],
        "#/paths/~1widgets~1{widgetName}/get/responses/200/content/application~1json/schema/$ref: \
         `#/components/schemas/Widget` points to nothing in this document: generated as `serde_json::Value`"
    );
    assert!(
        g.clients
            .contains("-> azure_core::Result<Response<serde_json::Value>>")
    );
}

/// A second operation with a taken operationId is named from its method and path.
#[test]
fn duplicate_operation_id() {
    let g = valid("duplicate-operation-id");
    assert_eq!(g.warnings.len(), 1);
    assert!(g.warnings[0].starts_with(
        "#/paths/~1widgets~1{widgetName}/get/operationId: duplicate operationId `Widgets_get`"
    ));
    assert!(g.clients.contains("pub async fn get("));
    assert!(g.clients.contains("pub async fn get_widgets_widget_name("));
}

/// Text media types are a `String`, any other a body of bytes, each with its media type; none
/// is a warning.
#[test]
fn media_types() {
    let g = valid("media-types");
    assert!(g.warnings.is_empty(), "{:?}", g.warnings);
    for (content_type, body) in [
        ("application/jsonl", "body: azure_core::Bytes,"),
        ("text/csv", "body: String,"),
        (
            "application/vnd.widgets.manifest",
            "body: azure_core::Bytes,",
        ),
    ] {
        assert!(g.client_line(body), "{body}");
        let header = format!("request.insert_header(\"content-type\", \"{content_type}\");");
        assert!(g.client_line(&header), "{header}");
    }
    for accept in [
        "text/csv",
        "application/zip",
        "application/yaml",
        "multipart/mixed",
    ] {
        let header = format!("request.insert_header(\"accept\", \"{accept}\");");
        assert!(g.client_line(&header), "{header}");
    }
    assert!(
        g.clients
            .contains("-> azure_core::Result<Response<String, TextFormat>>")
    );
    assert_eq!(
        g.clients
            .matches("-> azure_core::Result<Response<azure_core::Bytes, BinaryFormat>>")
            .count(),
        3
    );
}

/// `not` narrows a type (said in the docs, not checked) or, alone, allows any value; a `oneOf`
/// that only constrains which properties are present leaves the object as it is.
#[test]
fn not() {
    let g = valid("not");
    assert!(g.warnings.is_empty(), "{:?}", g.warnings);
    let widget = g.model_item("pub struct Widget");
    assert!(widget.contains("pub name: Option<String>,"));
    assert!(widget.contains("pub code: Option<i64>,"));
    assert!(widget.contains("pub anything: Option<serde_json::Value>,"));
    assert!(widget.contains("Not what its `not` schema allows."));
}

/// Cookie parameters are pairs of one `Cookie` header.
#[test]
fn cookie_parameters() {
    let g = valid("cookie-parameters");
    assert!(g.warnings.is_empty(), "{:?}", g.warnings);
    assert!(g.client_line("session: &str,"));
    assert!(g.clients.contains("pub theme: Option<String>,"));
    assert!(g.client_line("cookies.push(format!(\"session={}\", session));"));
    assert!(g.client_line("request.insert_header(\"cookie\", cookies.join(\"; \"));"));
}

/// Path parameters the client cannot send as stated are sent another way, each with a warning.
#[test]
fn path_parameters() {
    let g = valid("path-parameters");
    let messages: Vec<&str> = g
        .warnings
        .iter()
        .map(|w| w.split_once(": ").unwrap().1)
        .collect();
    assert_eq!(messages.len(), 4, "{messages:?}");
    assert!(messages[0].ends_with("this one is sent as the text the caller gives"));
    assert!(messages[1].starts_with("a path parameter is always required"));
    assert!(messages[2].starts_with("path parameter `color` does not appear"));
    assert!(messages[3].contains("`{partName}`, which no path parameter declares"));
    // The object is text; the made-up parameter is an argument after the declared one.
    assert!(g.client_line("widget_name: &str,"));
    let get_part = &g.clients[g.clients.find("pub async fn get_part(").unwrap()..];
    let arguments = &get_part[..get_part.find(")").unwrap()];
    assert!(
        arguments.contains("gadget_name: &str,\n        part_name: &str,"),
        "{arguments}"
    );
    assert!(!arguments.contains("color"));
}

/// Each broken or unmodelled corner is a warning at its place; the rest is generated.
#[test]
fn several_fallbacks() {
    let g = valid("several-fallbacks");
    let pointers: Vec<&str> = g
        .warnings
        .iter()
        .map(|w| w.split_once(": ").unwrap().0)
        .collect();
    assert_eq!(
        pointers,
        [
            "#/servers/0/url",
            "#/components/schemas/Widget/properties/missing/$ref",
            "#/components/schemas/Widget/properties/size/type",
            "#/components/schemas/Widget/properties/kind/enum",
            "#/paths/~1widgets~1{widgetName}/put/operationId",
            "#/paths/~1widgets~1{widgetName}/put/parameters",
            "#/paths/~1gadgets~1{gadgetName}/get/parameters",
        ]
    );
    assert!(g.clients.contains("pub async fn get("));
    assert!(g.clients.contains("pub async fn put_widgets_widget_name("));
}

/// `allOf` members that only annotate, `$ref`s to primitives and an `allOf` around a `oneOf`.
#[test]
fn allof_members() {
    let g = valid("allof-members");
    assert_eq!(
        g.warnings,
        [
            "#/components/schemas/Widget/allOf/2: an `allOf` member that is not an object cannot be merged into the struct: left out"
        ]
    );
    let widget = g.model_item("pub struct Widget");
    // A member that only says `required` makes the property required.
    assert!(
        widget.contains("/// `id`\n    ///\n    /// Required."),
        "{widget}"
    );
    // `$ref` + description: the referenced type, documented by the description.
    assert!(widget.contains(
        "/// The widget's name, unique on its shelf.\n    ///\n    /// Length at most 63."
    ));
    assert!(widget.contains("pub name: Option<String>,"));
    assert!(widget.contains("pub color: Option<Color>,"));
    // `readOnly` and a constraint beside the `$ref` apply.
    assert!(widget.contains("Length 1 to 63."));
    assert!(widget.contains("pub label: Option<String>,"));
    assert!(widget.contains("#[serde(default, skip_serializing)]\n    pub label"));
    // `allOf` around a `oneOf`: the union itself.
    assert!(widget.contains("pub shape: Option<Shape>,"));
    assert!(g.models.contains("pub enum Shape {"));
}

/// `null` in an enum only says the value may be absent; an enum of several types is JSON.
#[test]
fn enum_null_and_mixed() {
    let g = valid("enum-null-and-mixed");
    assert_eq!(g.warnings.len(), 2, "{:?}", g.warnings);
    let finish = g.model_item("pub enum Finish");
    assert!(finish.contains("Matte,") && finish.contains("Gloss,") && !finish.contains("Null"));
    let widget = g.model_item("pub struct Widget");
    assert!(widget.contains("One of \"small\", \"large\", 10, 20."));
    assert!(widget.contains("pub size: Option<serde_json::Value>,"));
    assert!(widget.contains("pub nothing: Option<serde_json::Value>,"));
}

/// Objects and maps in queries in each style, and lists in every style.
#[test]
fn query_objects() {
    let g = valid("query-objects");
    assert!(g.warnings.is_empty(), "{:?}", g.warnings);
    assert!(g.client_line("filter: &models::Filter,"));
    assert!(g.client_line("object_query(&mut url, \"filter\", filter, false, true)?;"));
    assert!(g.client_line("object_query(&mut url, \"range\", value, false, false)?;"));
    assert!(g.client_line("object_query(&mut url, \"sort\", value, true, true)?;"));
    assert!(g.client_line("object_query(&mut url, \"labels\", value, true, true)?;"));
    assert!(
        g.clients
            .contains("pub labels: Option<std::collections::HashMap<String, String>>,")
    );
    for separator in [",", " ", "|"] {
        let join = format!(".join(\"{separator}\");");
        assert!(g.clients.contains(&join), "{join}");
    }
    assert!(g.client_line("for item in value.iter() {"));
}

/// Discriminators over inline members, and mappings to `$ref`s that are not components.
#[test]
fn discriminator_inline() {
    let g = valid("discriminator-inline");
    let outline = g.model_item("pub enum WidgetOutline");
    assert!(
        outline.contains("Circle(WidgetOutlineCircle),"),
        "{outline}"
    );
    assert!(outline.contains("Square(WidgetOutlineSquare),"));
    assert!(outline.contains("UnknownKind(serde_json::Value),"));
    let mount = g.model_item("pub enum WidgetMount");
    assert!(
        mount.contains("Wall(Wall),") && mount.contains("Desk(Desk),"),
        "{mount}"
    );
}

/// Integers beyond 64 bits in the document's text are read as numbers.
#[test]
fn big_integers() {
    let g = valid("big-integers");
    assert!(g.warnings.is_empty(), "{:?}", g.warnings);
    assert!(
        g.clients
            .contains("Minimum 0, maximum 3.402823669209385e+38.")
    );
}

/// Operations without an operationId are named from their method and path.
#[test]
fn no_operation_id() {
    let g = valid("no-operation-id");
    for method in [
        "get_widgets",
        "post_widgets",
        "get_widgets_widget_name_parts",
    ] {
        assert!(
            g.clients.contains(&format!("pub async fn {method}(")),
            "{method}"
        );
    }
}

/// Parts that cannot be read are left out, each named in a warning.
#[test]
fn unreadable_parts() {
    let g = valid("unreadable-parts");
    let pointers: Vec<&str> = g
        .warnings
        .iter()
        .map(|w| w.split_once(": ").unwrap().0)
        .collect();
    assert_eq!(
        pointers,
        [
            "#/paths/~1widgets/delete",
            "#/paths/~1gadgets",
            "#/components/securitySchemes/odd"
        ]
    );
    assert!(g.clients.contains("pub async fn list("));
    assert!(!g.clients.contains("delete_all"));
}

/// `deprecated`, `default` and `writeOnly`.
#[test]
fn annotations() {
    let g = valid("annotations");
    assert!(g.warnings.is_empty(), "{:?}", g.warnings);
    let list = &g.clients[..g.clients.find("pub async fn list_old(").unwrap()];
    assert!(list.ends_with("#[deprecated = \"deprecated by the service\"]\n    "));
    assert!(
        !g.clients[g.clients.find("pub async fn list_old(").unwrap()..].contains("#[deprecated")
    );
    assert!(g.clients.contains("Default `25`. Not checked by the client: the service decides.\n    ///\n    /// Deprecated by the service."));
    let widget = g.model_item("pub struct Widget");
    assert!(widget.contains("Default `\"blue\"`."));
    assert!(widget.contains("/// Deprecated by the service.\n    #[serde(default, rename = \"legacyCode\", skip_serializing_if = \"Option::is_none\")]\n    pub legacy_code"));
    assert!(widget.contains("Write-only: sent, never returned by the service."));
    assert!(widget.contains("#[serde(default, skip_serializing_if = \"Option::is_none\", skip_deserializing)]\n    pub password"));
}

/// The document of the live wire tests (`tests/tests/wire.rs`): its models are built by users,
/// the object query parameter's too.
#[test]
fn wire() {
    let g = valid("wire");
    assert!(g.warnings.is_empty(), "{:?}", g.warnings);
    let filter = g.model_item("pub struct Filter");
    assert!(!filter.contains("non_exhaustive"), "{filter}");
}

#[test]
fn swagger_2_0_reads_as_openapi_3_0_does() {
    let generated = valid("swagger");
    // `host`, `basePath` and `schemes` (https where allowed) make the server.
    assert!(generated.client_line(
        r#"pub const DEFAULT_ENDPOINT: &'static str = "https://widgets.example.com/api";"#
    ));
    // `collectionFormat`: multi repeats the key, ssv and pipes join, a header joins with commas.
    assert!(generated.client_line(r#"url.query_pairs_mut().append_pair("colors", item);"#));
    assert!(generated.client_line(r#".join(" ");"#));
    assert!(generated.client_line(r#".join("|");"#));
    assert!(generated.client_line(r#"request.insert_header("x-trace", joined);"#));
    // tsv has no OpenAPI 3.0 style: sent as csv, with a warning located in the Swagger file.
    assert_eq!(
        generated.warnings,
        [
            "#/paths/~1widgets/get/parameters/4/collectionFormat: collectionFormat `tsv` has no OpenAPI 3.0 style: sent comma-separated, as `csv`"
        ]
    );
    // A body parameter is the request body; form parameters with a file are multipart, the
    // others a form; a `type: file` reply is bytes in the operation's non-JSON media type.
    assert!(generated.client_line(r#"request.insert_header("content-type", "application/json");"#));
    assert!(generated.client_line("let (content_type, bytes) = multipart_body(&parts);"));
    assert!(generated.client_line(
        r#"request.insert_header("content-type", "application/x-www-form-urlencoded");"#
    ));
    assert!(generated.client_line(r#"request.insert_header("accept", "image/png");"#));
    // `x-nullable` and a discriminator named by its property.
    assert!(generated.model_line("pub note: Option<String>,"));
    assert!(generated.model_line("pub enum Widget {"));
    assert!(generated.model_line("Gear(Gear),"));
    // A subtype's value of the tag (its name, without `x-ms-discriminator-value`) is a field of
    // one value, as OpenAPI 3.0 subtypes state it.
    assert!(generated.model_line("pub kind: Option<GearKind>,"));
}

#[test]
fn autorest_extensions_have_their_meaning() {
    let generated = valid("autorest-extensions");
    // x-ms-pageable with its own names, and with `nextLinkName: null` (one page).
    assert!(generated.clients.contains("the reply's `@nextLink`"));
    assert!(generated.client_line("|_: &models::ItemPage| None,"));
    // x-ms-long-running-operation: `original-uri` reads the resource at the end,
    // `operation-location` ends with the status; `location` is not followed (a warning).
    assert!(
        generated.client_line("Poller<OperationProgress<models::OperationStatus, models::Item>>,")
    );
    assert!(generated.client_line(
        "Poller<OperationProgress<models::OperationStatus, models::OperationStatus>>,"
    ));
    assert_eq!(
        generated.warnings,
        [
            "#/paths/~1items~1{itemName}~1archive/post/x-ms-long-running-operation: is long-running, but no reply declares an `Operation-Location` header, the one this client polls: generated as a plain method"
        ]
    );
    // x-ms-enum: named, extensible or closed, with named and described values.
    assert!(generated.model_line("pub enum Color {"));
    assert!(generated.model_line("Crimson,"));
    assert!(generated.model_line("/// A deep red."));
    assert!(
        !generated
            .model_item("pub enum Size")
            .contains("UnknownValue")
    );
    // x-ms-client-name, on a property and on a parameter.
    assert!(generated.model_line("pub item_kind: Option<String>,"));
    assert!(generated.client_line("pub max_count: Option<i64>,"));
    // x-ms-discriminator-value names the kinds; a subtype with no properties of its own is
    // a struct still.
    assert!(generated.model_line("Circle(Circle),"));
    assert!(generated.model_line("Square(Square),"));
    // x-ms-paths: the path's query, and a required query of one value, are constants.
    assert!(generated.client_line(r#"url.query_pairs_mut().append_pair("comp", "tags");"#));
    assert!(generated.client_line(r#"url.query_pairs_mut().append_pair("restype", "item");"#));
}

#[test]
fn references_to_other_files_are_followed_under_the_root() {
    let generated = valid_split("refs", "refs/service/stable/main.yaml", "refs");
    // The parameter, the error and what it refers to, in its file and in a third one.
    assert!(generated.client_line("id: &str,"));
    assert!(generated.model_line("pub details: Option<Vec<Error2>>,"));
    assert!(generated.model_line("pub enum Severity {"));
    // Each reference not followed is located where it is written; a problem inside a part
    // brought in is located in that part's own file.
    let located: Vec<&str> = generated
        .warnings
        .iter()
        .map(|w| w.split_once(": ").unwrap().0)
        .collect();
    assert_eq!(
        located,
        [
            "#/definitions/Thing/properties/nothing/$ref",
            "#/definitions/Thing/properties/missing/$ref",
            "#/definitions/Thing/properties/remote/$ref",
            "#/definitions/Thing/properties/outside/$ref",
            "../../common/types.yaml#/definitions/Legacy/enum",
            "#/definitions/Error",
        ]
    );
}

#[test]
fn openapi_3_1_reads_into_the_model_of_3_0() {
    let generated = valid("openapi31");
    // `type` lists: a type and `null`, one member per type, only `null`.
    assert!(generated.model_line("pub nickname: Option<String>,"));
    assert!(generated.model_line("pub size: Option<GadgetSize>,"));
    assert!(generated.model_line("Integer(i64),"));
    assert!(generated.model_line("pub nothing: Option<serde_json::Value>,"));
    // A null member: optional, and `Option` as a list item, where it shows.
    assert!(generated.model_line("pub owner: Option<Owner>,"));
    assert!(generated.model_line("pub aliases: Option<Vec<Option<String>>>,"));
    // `const` is an enum of one value; numeric exclusive bounds are documented as exclusive.
    assert!(generated.model_line("pub kind: Option<GadgetKind>,"));
    assert!(
        generated
            .clients
            .contains("Minimum 0 (exclusive), maximum 100 (exclusive).")
    );
    // `$ref` beside a description is the target, documented; beside properties, a merge.
    assert!(generated.model_line("pub home: Option<Position>,"));
    assert!(generated.model_line("/// Where the gadget is kept."));
    let dock = generated.model_item("pub struct GadgetDock");
    assert!(dock.contains("pub x: Option<f64>,") && dock.contains("pub slot: Option<i64>,"));
    // `$defs`, referenced by pointer, and bytes by `contentEncoding`.
    assert!(generated.model_line("pub color: Option<Color>,"));
    assert!(generated.model_line("pub trim: Option<Color>,"));
    assert!(!generated.models.contains("Color2"));
    assert!(
        generated.model_line("/// Format `byte`. Not checked by the client: the service decides.")
    );
    // Closed tuples are tuples (a date-time inside one stays text); an open one is a list.
    assert!(generated.model_line("pub point: Option<(f64, f64)>,"));
    assert!(generated.model_line("pub reading: Option<(String, Option<f64>)>,"));
    assert!(generated.model_line("pub trail: Option<Vec<serde_json::Value>>,"));
    // Maps by `patternProperties` and `unevaluatedProperties`.
    assert!(generated.model_line("pub labels: Option<std::collections::HashMap<String, String>>,"));
    assert!(
        generated
            .model_item("pub struct GadgetSettings")
            .contains("pub additional_properties: std::collections::HashMap<String, i64>,")
    );
    // A discriminated `anyOf` whose members state their kinds by `const`; strings of which none
    // lists values are a string.
    assert!(generated.model_line("pub output: Option<GadgetOutput>,"));
    assert!(generated.model_line(r#"Some("plain") => {"#));
    assert!(generated.model_line("Json(JsonOutput),"));
    assert!(generated.model_line("pub audio: Option<String>,"));
    // A path item by reference is read; the webhooks' payloads are types, named and documented.
    assert!(generated.clients.contains("pub async fn get_photo("));
    assert!(generated.model_line("pub struct GadgetMovedPayload {"));
    assert!(generated.model_line("/// The payload of the `gadgetRetired` webhook (`post`)."));
    assert!(generated.model_line("pub struct Retirement {"));
    // What is not modelled is located where it was written, though the parts around it moved.
    assert_eq!(
        generated.warnings,
        [
            "#/components/schemas/Gadget/properties/shipping/if: `if`/`then`/`else` is not modelled: the type is what the rest of the schema says",
            "#/components/schemas/Gadget/properties/dock/properties/route/prefixItems: items after the `prefixItems` may follow them: generated as a list of `serde_json::Value`",
            "#/components/schemas/Gadget/properties/trail/prefixItems: items after the `prefixItems` may follow them: generated as a list of `serde_json::Value`",
        ]
    );
}

#[test]
fn openapi_3_2_additions_are_read_or_named_in_warnings() {
    let generated = valid("openapi32");
    let at: Vec<&str> = generated
        .warnings
        .iter()
        .map(|w| w.split(": ").next().unwrap())
        .collect();
    assert_eq!(
        at,
        [
            "#/$self",
            "#/tags/0/summary",
            "#/tags/0/parent",
            "#/tags/0/kind",
            "#/paths/~1entries/query",
            "#/paths/~1entries/additionalOperations/LINK",
            "#/paths/~1entries/get/parameters/0/in",
            "#/paths/~1entries/get/parameters/1/style",
            "#/paths/~1entries/get/responses/200/summary",
            "#/paths/~1entries~1stream/get/responses/200/content/text~1event-stream/itemSchema",
            "#/servers/0/name",
            "#/components/securitySchemes/oauth/deprecated",
            "#/components/securitySchemes/oauth/oauth2MetadataUrl",
            "#/components/securitySchemes/oauth/flows/deviceAuthorization",
            "#/components/schemas/Entry/xml/nodeType",
            "#/components/schemas/Entry/discriminator/defaultMapping",
        ]
    );
    // A reusable media type is read where it is referenced; the other parameters are sent.
    assert!(
        generated
            .clients
            .contains("azure_core::Result<Response<Vec<models::Entry>>>")
    );
    assert!(generated.client_line("pub session: Option<String>,"));
    assert!(generated.client_line("pub top: Option<i64>,"));
    assert!(!generated.clients.contains("query_entries"));
}

#[test]
fn an_openapi_3_2_document_that_uses_nothing_new_reads_as_3_1() {
    let text = read_fixture("openapi31.yaml");
    let as_3_2 = text.replace("openapi: 3.1.0", "openapi: 3.2.0");
    assert_ne!(text, as_3_2);
    let files = |text: &str| {
        let output = generator::generate(text).expect("generates");
        let warnings: Vec<String> = output.warnings.iter().map(ToString::to_string).collect();
        let files: Vec<(String, String)> = output
            .files
            .into_iter()
            .map(|file| (file.path, file.contents))
            .collect();
        (warnings, files)
    };
    assert_eq!(files(&text), files(&as_3_2));
}

#[test]
fn a_document_of_webhooks_alone_generates_their_payloads() {
    let generated = valid("webhooks-only");
    assert!(generated.model_line("pub struct Alert {"));
    assert!(generated.model_line("/// The payload of the `alertRaised` webhook (`post`)."));
    assert!(generated.model_line("pub enum AlertLevel {"));
    assert_eq!(
        generated.warnings,
        [
            r#"#/jsonSchemaDialect: schemas in the dialect "https://json-schema.org/draft/2019-09/schema" are read as OpenAPI's own dialect"#,
            "#/components/schemas/Unrelated: not generated: no operation uses this schema",
        ]
    );
}

#[test]
fn webhooks_of_the_wrong_shape_are_left_out_with_a_warning() {
    let document = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\nwebhooks: [1]\n";
    let output = generator::generate(document).expect("generates");
    let warnings: Vec<String> = output.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["#/webhooks: `webhooks` must be a map of path items: left out"]
    );
}

#[test]
fn wire_formats_of_bytes_and_dates() {
    let g = valid("wire-formats");
    let stamp = g.model_item("pub struct Stamp ");
    // Each format through azure_core's serde helper.
    assert!(
        stamp.contains(
            "with = \"azure_core::base64::option\"\n    )]\n    pub seal: Option<Vec<u8>>,"
        )
    );
    assert!(
        stamp.contains(
            "with = \"azure_core::base64::option\"\n    )]\n    pub raw: Option<Vec<u8>>,"
        )
    );
    assert!(stamp.contains("deserialize_with = \"azure_core::base64::option::deserialize_url_safe\"\n    )]\n    pub token: Option<Vec<u8>>,"));
    for field in ["issued", "modified", "seen"] {
        assert!(stamp.contains(&format!("with = \"azure_core::time::rfc7231::option\"\n    )]\n    pub {field}: Option<azure_core::time::OffsetDateTime>,")), "{field}");
    }
    assert!(stamp.contains("with = \"azure_core::time::unix_time::option\"\n    )]\n    pub expires: Option<azure_core::time::OffsetDateTime>,"));
    // Exact decimals, in a field and in a list.
    assert!(stamp.contains("pub fee: Option<rust_decimal::Decimal>,"));
    assert!(stamp.contains("pub fees: Option<Vec<rust_decimal::Decimal>>,"));
    // Where no helper applies, the wire text: in a list, a map, a union's member.
    assert!(stamp.contains("pub seals: Option<Vec<String>>,"));
    assert!(stamp.contains("pub expiries: Option<std::collections::HashMap<String, i64>>,"));
    // In a merge patch and in XML, too.
    let patch = g.model_item("pub struct StampPatch");
    assert!(
        patch.contains("pub seal: Option<Option<String>>,"),
        "{patch}"
    );
    assert!(
        patch.contains("pub expires: Option<Option<i64>>,"),
        "{patch}"
    );
    assert!(
        g.model_item("pub struct XmlStamp")
            .contains("pub seen: Option<String>,")
    );
    // Parameters: typed arguments, each written in its format.
    assert!(g.client_line("digest: &[u8],"));
    assert!(g.client_line("pub if_modified_since: Option<azure_core::time::OffsetDateTime>,"));
    assert!(g.client_line("pub ats: Option<Vec<azure_core::time::OffsetDateTime>>,"));
    assert!(g.clients.contains("azure_core::base64::encode(digest)"));
    assert!(g.clients.contains("azure_core::time::to_rfc7231(value)"));
    assert!(g.clients.contains("value.unix_timestamp().to_string()"));
}
