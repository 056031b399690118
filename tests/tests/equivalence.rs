//! Same API, same crate: a document emitted from one TypeSpec source as Swagger 2.0, as
//! OpenAPI 3.0 and as OpenAPI 3.1 generates the same client from each dialect.
//!
//! The dialects list operations and definitions in different orders, so the generated
//! files are not compared as text. Each Rust file is parsed and split into items (a struct, an
//! enum, a function, each member of an `impl` block, ...), and each item is compared, doc
//! comments included, with the item of the same name from the other document. Every
//! difference that remains is listed below with the reason it is right; any other fails the
//! test, and so does a listed difference that is gone.
//!
//! With `EQUIVALENCE_DUMP=<dir>` set, both crates are also written under `<dir>`, for `diff -r`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use Change::{Differs, Only2, Only3};
use quote::ToTokens;

const MODELS: &str = "src/generated/models.rs";
const CLIENTS: &str = "src/generated/clients.rs";

/// `tests/fixtures/typespec/opstatus/`: one TypeSpec source, compiled by the OpenAPI 3.0 and
/// the autorest (Swagger 2.0) emitters.
#[test]
fn opstatus_swagger_and_openapi3_generate_the_same_crate() {
    let right = [Known {
        change: Differs,
        file: MODELS,
        items: &["enum OperationState"],
        why: ENUM_VALUE_DOCS,
    }];
    compare(
        "tests/fixtures/typespec/opstatus/openapi.yaml",
        "tests/fixtures/typespec/opstatus/swagger.json",
        &right,
    );
}

/// The same source, compiled by the OpenAPI emitter for 3.1: its schemas put a description
/// beside a `$ref` where 3.0's wrap the reference in an `allOf`. Nothing differs.
#[test]
fn opstatus_openapi_3_1_and_3_0_generate_the_same_crate() {
    compare(
        "tests/fixtures/typespec/opstatus/openapi.yaml",
        "tests/fixtures/typespec/opstatus/openapi.3.1.yaml",
        &[],
    );
}

/// DevCenter 2024-02-01, as Azure publishes it in Swagger 2.0 and as its TypeSpec source emits
/// OpenAPI 3.0.
#[test]
fn devcenter_2024_02_01_swagger_and_openapi3_generate_the_same_crate() {
    let right = [
        Known {
            change: Differs,
            file: MODELS,
            items: &[
                "enum DevBoxActionDelayResultStatus",
                "enum DevBoxActionSourceType",
                "enum DevBoxActionType",
                "enum DevBoxProvisioningState",
                "enum DevBoxRepairOutcome",
                "enum EnvironmentActionType",
                "enum EnvironmentOutputType",
                "enum EnvironmentProvisioningState",
                "enum EnvironmentTypeEnableStatus",
                "enum HibernateSupport",
                "enum LocalAdminStatus",
                "enum OperationState",
                "enum OsType",
                "enum ParameterType",
                "enum PoolHealthStatus",
                "enum PowerState",
                "enum ScheduleSourceType",
                "enum ScheduledFrequency",
                "enum ScheduledType",
                "enum SkuName",
                "enum StopOnDisconnectEnableStatus",
            ],
            why: ENUM_VALUE_DOCS,
        },
        Known {
            change: Differs,
            file: CLIENTS,
            items: &[
                "impl DevCenterDevBoxesClient::delay_action",
                "impl DevCenterDevBoxesClient::delay_actions",
            ],
            why: "the Swagger document's `DelayUntilQueryParameter` has `x-ms-client-name: \
                  delayUntil`, so the argument is `delay_until` (still sent as `until`); the \
                  OpenAPI 3.0 document names it only `until`",
        },
    ];
    compare(
        "spec/devcenter-2024-02-01.yaml",
        "tests/fixtures/azure/specification/devcenter/data-plane/Microsoft.DevCenter/stable/2024-02-01/devcenter.json",
        &right,
    );
}

const ENUM_VALUE_DOCS: &str = "the Swagger document describes each value (`x-ms-enum.values[]\
    .description`); the OpenAPI 3.0 emitter writes no text per value, so there each variant's \
    doc is its wire value";

// ---------------------------------------------------------------------------------------------
// Comparing.

/// Which side of a pair an item is on, when it differs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Change {
    /// The item is generated from the OpenAPI 3.0 document only.
    Only3,
    /// The item is generated from the Swagger 2.0 document only.
    Only2,
    /// Both generate the item, with different tokens.
    Differs,
}

/// Differences the test expects, all for one reason.
struct Known {
    change: Change,
    /// The generated file, e.g. [`MODELS`].
    file: &'static str,
    /// Each is an item's key (`enum Foo`, `impl Display for Foo::fmt`), an `impl` block's key
    /// (the block and its members), or a bare type name (the type and every `impl` for it).
    items: &'static [&'static str],
    /// Why the difference is right.
    why: &'static str,
}

impl Known {
    fn covers(&self, diff: &Diff) -> bool {
        self.change == diff.change
            && self.file == diff.file
            && self.items.iter().any(|pattern| covers(pattern, diff))
    }
}

fn covers(pattern: &str, diff: &Diff) -> bool {
    diff.item == pattern
        || diff
            .item
            .strip_prefix(pattern)
            .is_some_and(|rest| rest.starts_with("::"))
        || diff.subject == pattern
}

/// One item that is not the same in the two crates.
struct Diff<'a> {
    file: &'a str,
    item: &'a str,
    subject: &'a str,
    change: Change,
    openapi3: Option<&'a str>,
    swagger2: Option<&'a str>,
}

impl<'a> Diff<'a> {
    fn new(
        (file, item): &'a (String, String),
        about: &'a Item,
        change: Change,
        openapi3: Option<&'a Item>,
        swagger2: Option<&'a Item>,
    ) -> Self {
        Diff {
            file,
            item,
            subject: &about.subject,
            change,
            openapi3: openapi3.map(|i| i.tokens.as_str()),
            swagger2: swagger2.map(|i| i.tokens.as_str()),
        }
    }
}

/// Generates both documents (paths relative to the workspace root) and asserts that the
/// differences between their crates are those of `right`.
fn compare(openapi3: &str, swagger2: &str, right: &[Known]) {
    let three = crate_items(openapi3);
    let two = crate_items(swagger2);

    let mut diffs = Vec::new();
    for (key, a) in &three {
        match two.get(key) {
            None => diffs.push(Diff::new(key, a, Only3, Some(a), None)),
            Some(b) if b.tokens != a.tokens => {
                diffs.push(Diff::new(key, a, Differs, Some(a), Some(b)))
            }
            Some(_) => {}
        }
    }
    for (key, b) in &two {
        if !three.contains_key(key) {
            diffs.push(Diff::new(key, b, Only2, None, Some(b)));
        }
    }

    let mut report = String::new();
    for d in &diffs {
        if !right.iter().any(|k| k.covers(d)) {
            let _ = writeln!(report, "unexpected {:?}: {}: {}", d.change, d.file, d.item);
            if let Some(a) = d.openapi3 {
                let _ = writeln!(
                    report,
                    "    {openapi3}: {}",
                    excerpt(a, d.swagger2.unwrap_or(""))
                );
            }
            if let Some(b) = d.swagger2 {
                let _ = writeln!(
                    report,
                    "    {swagger2}: {}",
                    excerpt(b, d.openapi3.unwrap_or(""))
                );
            }
        }
    }
    // A listed difference that is gone is listed for a reason that no longer holds.
    for known in right {
        for pattern in known.items {
            if !diffs.iter().any(|d| known.covers(d) && covers(pattern, d)) {
                let _ = writeln!(
                    report,
                    "listed as right but no longer different: {:?}: {}: {pattern} ({})",
                    known.change, known.file, known.why
                );
            }
        }
    }
    assert!(
        report.is_empty(),
        "{openapi3} and {swagger2} generate different crates:\n{report}"
    );
}

/// About 200 characters of `text`, from a little before where it first differs from `other`.
fn excerpt(text: &str, other: &str) -> String {
    let first = text
        .char_indices()
        .zip(other.chars())
        .find(|((_, a), b)| a != b)
        .map_or(text.len().min(other.len()), |((i, _), _)| i);
    let start = floor_char_boundary(text, first.saturating_sub(40));
    let end = floor_char_boundary(text, (start + 200).min(text.len()));
    let before = if start > 0 { "…" } else { "" };
    let after = if end < text.len() { "…" } else { "" };
    format!("{before}{}{after}", &text[start..end])
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

// ---------------------------------------------------------------------------------------------
// Items.

/// An item of a generated file.
struct Item {
    /// The type the item is about: a struct's or enum's name, an `impl`'s self type.
    subject: String,
    /// The item's tokens, as text.
    tokens: String,
}

/// The crate generated from the document at `relative` (to the workspace root), by file and
/// item. A Rust file is split into items; another file is one item, its text, named `""`.
fn crate_items(relative: &str) -> BTreeMap<(String, String), Item> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(relative);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{relative}: {e}"));
    let output = generator::generate(&text).unwrap_or_else(|problems| {
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("{relative} is refused:\n{}", problems.join("\n"))
    });
    if let Some(dir) = std::env::var_os("EQUIVALENCE_DUMP") {
        let root = Path::new(&dir).join(relative.replace('/', "_"));
        for file in &output.files {
            let path = root.join(&file.path);
            std::fs::create_dir_all(path.parent().expect("a file's directory")).unwrap();
            std::fs::write(&path, &file.contents).unwrap();
        }
    }
    let mut map = BTreeMap::new();
    for file in &output.files {
        if !file.path.ends_with(".rs") {
            let item = Item {
                subject: String::new(),
                tokens: file.contents.clone(),
            };
            map.insert((file.path.clone(), String::new()), item);
            continue;
        }
        let parsed = syn::parse_file(&file.contents)
            .unwrap_or_else(|e| panic!("{relative}: {}: {e}", file.path));
        for (name, item) in items(&parsed.items) {
            // Two items of one name (which Rust allows only for `impl`s) are told apart by a
            // number, in the order of the file.
            let mut key = name.clone();
            for n in 2.. {
                if !map.contains_key(&(file.path.clone(), key.clone())) {
                    break;
                }
                key = format!("{name} #{n}");
            }
            map.insert((file.path.clone(), key), item);
        }
    }
    map
}

/// Each item of a file (or of an inline module), named by its kind and name: `struct Foo`,
/// `mod m::fn f`. An `impl` block is split: its header (attributes, generics) is
/// `impl <Trait for> <Type>`, and each of its members `impl <Trait for> <Type>::<name>`.
fn items(items: &[syn::Item]) -> Vec<(String, Item)> {
    let mut out = Vec::new();
    for item in items {
        let named = |kind: &str, ident: &syn::Ident| {
            let subject = ident.to_string();
            let tokens = item.to_token_stream().to_string();
            (format!("{kind} {subject}"), Item { subject, tokens })
        };
        match item {
            syn::Item::Const(i) => out.push(named("const", &i.ident)),
            syn::Item::Enum(i) => out.push(named("enum", &i.ident)),
            syn::Item::Fn(i) => out.push(named("fn", &i.sig.ident)),
            syn::Item::Static(i) => out.push(named("static", &i.ident)),
            syn::Item::Struct(i) => out.push(named("struct", &i.ident)),
            syn::Item::Trait(i) => out.push(named("trait", &i.ident)),
            syn::Item::Type(i) => out.push(named("type", &i.ident)),
            syn::Item::Union(i) => out.push(named("union", &i.ident)),
            syn::Item::Mod(i) => {
                let name = format!("mod {}", i.ident);
                let mut header = i.clone();
                if let Some((_, content)) = header.content.take() {
                    for (inner, item) in self::items(&content) {
                        out.push((format!("{name}::{inner}"), item));
                    }
                }
                out.push((name, unnamed(&header)));
            }
            syn::Item::Impl(i) => {
                let subject = compact(&i.self_ty);
                let name = match &i.trait_ {
                    Some((path, _)) => format!("impl {} for {subject}", compact(path)),
                    None => format!("impl {subject}"),
                };
                for member in &i.items {
                    let member_name = match member {
                        syn::ImplItem::Const(c) => c.ident.to_string(),
                        syn::ImplItem::Fn(f) => f.sig.ident.to_string(),
                        syn::ImplItem::Type(t) => t.ident.to_string(),
                        other => compact(other),
                    };
                    let tokens = member.to_token_stream().to_string();
                    let subject = subject.clone();
                    out.push((format!("{name}::{member_name}"), Item { subject, tokens }));
                }
                let mut header = i.clone();
                header.items.clear();
                let tokens = header.to_token_stream().to_string();
                out.push((name, Item { subject, tokens }));
            }
            // `use` and anything else: the item is its own name.
            other => out.push((format!("item {}", compact(other)), unnamed(other))),
        }
    }
    out
}

fn unnamed(item: &impl ToTokens) -> Item {
    Item {
        subject: String::new(),
        tokens: item.to_token_stream().to_string(),
    }
}

/// Tokens as short text for a name, with spaces only between words: `Deserialize<'de>`.
fn compact(tokens: &impl ToTokens) -> String {
    let text = tokens.to_token_stream().to_string();
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == '\'';
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let between_words =
            i > 0 && chars.get(i + 1).is_some_and(|&next| word(next)) && word(chars[i - 1]);
        if c != ' ' || between_words {
            out.push(c);
        }
    }
    out
}
