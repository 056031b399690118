//! Property-based fuzzing of `generator::generate`, whose contract is: for any text it returns
//! `Ok`, or `Err` with every problem located by a JSON pointer; it never panics, hangs or
//! overflows the stack.
//!
//! The valid documents in `spec/` and `tests/fixtures/` are the seeds. A case is a seed, a few
//! mutations applied at places the case picks (dropped or duplicated keys, values of another
//! type, dangling and cyclic references, deep nesting, huge strings and keys, thousands of
//! properties, long `$ref` chains, odd operationIds, another `openapi` version, schemas and
//! path items of the real documents in `tests/fixtures/realworld/` grafted in, a schema
//! rewritten in OpenAPI 3.1's or 3.2's words in a document of that version) and an
//! encoding (JSON, pretty JSON, YAML, JSON read as YAML, truncated text). Each case runs on a
//! thread of its own with an 8 MiB stack, as a user's main thread would have, and must return
//! within [`TIME_LIMIT`]. The mutation cases run under proptest's `fork` mode, so that a stack
//! overflow (which aborts the process) is reported as a failing case with its input, and then
//! shrunk, like a panic.
//!
//! The pathological documents also have fixed tests of their own (deep `items` and
//! `properties` nesting, long `$ref` chains of every kind of link, `allOf` cycles, self
//! references, huge strings, thousands of properties), each run in a child process of this
//! test binary: a crash fails that test by name, and the others still run.
//!
//! The budget is small for CI: [`DEFAULT_CASES`] cases per property, the same cases on every
//! CI run (`CI` set). Locally every run draws new cases (`PROPTEST_RNG_SEED` replays one); a
//! longer run, with one line per case:
//!
//! ```text
//! PROPTEST_CASES=10000 GENERATOR_FUZZ_LOG=1 cargo test -p tests --test fuzz mutated -- --nocapture
//! ```
//!

use generator::{Output, Problem};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngSeed};
use serde_json::{Map, Value, json};
use std::cell::RefCell;
use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Once, OnceLock, mpsc};
use std::time::{Duration, Instant};

/// The stack of the thread a case runs on: what a user's main thread has on Linux.
const STACK_SIZE: usize = 8 << 20;

/// How long one call of `generate` may take (in a debug build, on a shared machine).
const TIME_LIMIT: Duration = Duration::from_secs(10);

/// Cases per property in CI, unless `PROPTEST_CASES` says otherwise.
const DEFAULT_CASES: u32 = 64;

/// Names of the threads that run the generator; the panic hook keeps what they report.
const THREAD_PREFIX: &str = "fuzz:";

/// The proptest seed in CI.
const CI_RNG_SEED: u64 = 0x6765_6e65_7261_746f;

/// Set to `1`, every fuzz case prints one line: time, result and mutations (with `--nocapture`).
const LOG_VAR: &str = "GENERATOR_FUZZ_LOG";

// ---- running one case ------------------------------------------------------------------------

/// How a call of `generate` went wrong, in words for the failure message.
type Failure = String;

thread_local! {
    /// The last panic on this thread: message, location and the generator's frames.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Keeps the message, location and the generator's own frames of a panic on a case's thread,
/// so that the failure says where in `generator/src` it comes from.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let ours = std::thread::current()
                .name()
                .is_some_and(|name| name.starts_with(THREAD_PREFIX));
            if !ours {
                return previous(info);
            }
            let backtrace = std::backtrace::Backtrace::force_capture().to_string();
            let mut report = info.to_string();
            let lines: Vec<&str> = backtrace.lines().collect();
            for (i, line) in lines.iter().enumerate() {
                if line.contains("generator/src") {
                    let function = i.checked_sub(1).map_or("", |j| lines[j].trim());
                    let _ = write!(report, "\n    {function} {}", line.trim());
                }
            }
            LAST_PANIC.with(|last| *last.borrow_mut() = Some(report));
        }));
    });
}

/// Runs `generate(text)` on a thread named `name` with an 8 MiB stack, turning a panic or a
/// time-out into a failure. A stack overflow aborts the process, with `name` in the message.
fn run(name: &str, text: Arc<str>) -> Result<Result<Output, Vec<Problem>>, Failure> {
    install_panic_hook();
    let (sender, receiver) = mpsc::channel();
    let started = Instant::now();
    // A thread's name may not hold NUL; control characters would garble the crash message.
    let name: String = clip(name, 1000)
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    let thread = std::thread::Builder::new()
        .name(format!("{THREAD_PREFIX}{name}"))
        .stack_size(STACK_SIZE)
        .spawn(move || {
            let result = catch_unwind(AssertUnwindSafe(|| generator::generate(&text)));
            let result = result.map_err(|payload| {
                let message = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "(not text)".to_string());
                LAST_PANIC
                    .with(|last| last.borrow_mut().take())
                    .unwrap_or(message)
            });
            let _ = sender.send(result);
        })
        .expect("spawn a thread");
    match receiver.recv_timeout(TIME_LIMIT) {
        Ok(result) => {
            let _ = thread.join();
            result.map_err(|panic| format!("generate panicked: {panic}"))
        }
        // The thread cannot be stopped; it is left to finish on its own.
        Err(mpsc::RecvTimeoutError::Timeout) => Err(format!(
            "generate did not return within {TIME_LIMIT:?} (still running after {:?})",
            started.elapsed()
        )),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err("the generator's thread ended without a result".to_string())
        }
    }
}

/// Checks the shape of a result: located problems, or non-empty files.
fn check_shape(result: &Result<Output, Vec<Problem>>) -> Result<(), Failure> {
    let located = |problem: &Problem| {
        if !(problem.pointer == "#" || problem.pointer.starts_with("#/")) {
            return Err(format!(
                "a problem's pointer is not `#` or `#/…`: {problem:?}"
            ));
        }
        if problem.message.trim().is_empty() {
            return Err(format!("a problem has no message: {problem:?}"));
        }
        Ok(())
    };
    match result {
        Err(problems) => {
            if problems.is_empty() {
                return Err("generate returned Err with no problem".to_string());
            }
            problems.iter().try_for_each(located)
        }
        Ok(output) => {
            if output.files.is_empty() {
                return Err("generate returned Ok with no file".to_string());
            }
            for file in &output.files {
                if file.path.is_empty() || file.contents.trim().is_empty() {
                    return Err(format!("file `{}` is empty", file.path));
                }
            }
            output
                .warnings
                .iter()
                .try_for_each(|warning| located(&Problem::new(&warning.pointer, &warning.message)))
        }
    }
}

/// Whether two results are the same, file by file and problem by problem.
fn same(a: &Result<Output, Vec<Problem>>, b: &Result<Output, Vec<Problem>>) -> bool {
    match (a, b) {
        (Ok(a), Ok(b)) => {
            a.files == b.files
                && a.warnings == b.warnings
                && a.type_count == b.type_count
                && a.operation_count == b.operation_count
        }
        (Err(a), Err(b)) => a == b,
        _ => false,
    }
}

/// A one-line account of a result, for failure messages and the fixed tests' asserts.
fn summary(result: &Result<Output, Vec<Problem>>) -> String {
    match result {
        Ok(output) => format!(
            "Ok: {} files, {} types, {} operations, {} warnings",
            output.files.len(),
            output.type_count,
            output.operation_count,
            output.warnings.len()
        ),
        Err(problems) => {
            let shown: Vec<String> = problems
                .iter()
                .take(3)
                .map(|p| clip(&p.to_string(), 200))
                .collect();
            format!("Err: {} problems: {}", problems.len(), shown.join(" | "))
        }
    }
}

/// At most `max` bytes of `text` (at a character boundary), for messages.
fn clip(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes)", &text[..end], text.len())
}

// ---- seeds -------------------------------------------------------------------------------------

/// A valid document, by file name, as the JSON value the generator reads.
struct Seed {
    name: String,
    document: Value,
}

/// Every seed: the two DevCenter specs and every top-level fixture.
fn seeds() -> &'static [Seed] {
    static SEEDS: OnceLock<Vec<Seed>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut paths = vec![
            root.join("../spec/devcenter-operation-status.yaml"),
            root.join("../spec/devcenter-2024-02-01.yaml"),
        ];
        let mut fixtures: Vec<_> = std::fs::read_dir(root.join("fixtures"))
            .expect("tests/fixtures")
            .map(|entry| entry.expect("a fixture").path())
            .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
            // Its integers beyond 64 bits are more than serde_norway's value reads; the
            // generator's own reader is what `fixtures.rs` tests on it.
            .filter(|path| !path.ends_with("big-integers.yaml"))
            .collect();
        fixtures.sort();
        paths.extend(fixtures);
        paths
            .into_iter()
            .map(|path| {
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                let yaml: serde_norway::Value = serde_norway::from_str(&text)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                Seed {
                    name: path.file_name().unwrap().to_string_lossy().into_owned(),
                    document: yaml_to_json(yaml),
                }
            })
            .collect()
    })
}

/// YAML to JSON, as the generator reads it: scalar keys (`200:`) become text.
fn yaml_to_json(yaml: serde_norway::Value) -> Value {
    use serde_norway::Value as Yaml;
    match yaml {
        Yaml::Null => Value::Null,
        Yaml::Bool(b) => json!(b),
        Yaml::Number(n) => serde_json::to_value(&n).expect("a number"),
        Yaml::String(s) => json!(s),
        Yaml::Sequence(items) => items.into_iter().map(yaml_to_json).collect(),
        Yaml::Mapping(map) => Value::Object(
            map.into_iter()
                .map(|(key, value)| {
                    let key = match key {
                        Yaml::String(s) => s,
                        Yaml::Number(n) => n.to_string(),
                        Yaml::Bool(b) => b.to_string(),
                        other => panic!("a seed has a key that is not a scalar: {other:?}"),
                    };
                    (key, yaml_to_json(value))
                })
                .collect(),
        ),
        Yaml::Tagged(tagged) => yaml_to_json(tagged.value),
    }
}

// ---- picking places in a document -------------------------------------------------------------

/// Escapes one JSON pointer token.
fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Unescapes one JSON pointer token.
fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// One place in the document: its pointer (without `#`), its key in a parent object, and the
/// value there.
struct Place<'v> {
    pointer: String,
    key: Option<&'v str>,
    value: &'v Value,
}

/// Every place in `document`, in document order, walked without recursion.
fn places(document: &Value) -> Vec<Place<'_>> {
    let mut out = Vec::new();
    let mut stack = vec![(String::new(), None, document)];
    while let Some((pointer, key, value)) = stack.pop() {
        match value {
            Value::Object(map) => {
                for (k, v) in map.iter().rev() {
                    stack.push((format!("{pointer}/{}", escape(k)), Some(k.as_str()), v));
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate().rev() {
                    stack.push((format!("{pointer}/{i}"), None, v));
                }
            }
            _ => {}
        }
        out.push(Place {
            pointer,
            key,
            value,
        });
    }
    out
}

/// The pointer of the place `index` picks among those that `keep` accepts.
fn pick(document: &Value, index: &Index, keep: impl Fn(&Place<'_>) -> bool) -> Option<String> {
    let found: Vec<String> = places(document)
        .into_iter()
        .filter(|place| keep(place))
        .map(|place| place.pointer)
        .collect();
    (!found.is_empty()).then(|| found[index.index(found.len())].clone())
}

/// Whether an object looks like a schema.
fn is_schema(value: &Value) -> bool {
    let keys = [
        "type",
        "properties",
        "$ref",
        "allOf",
        "items",
        "enum",
        "anyOf",
    ];
    value
        .as_object()
        .is_some_and(|o| keys.iter().any(|k| o.contains_key(*k)))
}

/// Whether a place is an operation (an object under a path item, keyed by an HTTP method).
fn is_operation(place: &Place<'_>) -> bool {
    let methods = [
        "get", "put", "post", "delete", "patch", "head", "options", "trace",
    ];
    place.value.is_object()
        && place.key.is_some_and(|k| methods.contains(&k))
        && place.pointer.starts_with("/paths/")
        && place.pointer.matches('/').count() == 3
}

/// Splits a pointer into its parent's pointer and its last token (unescaped).
fn split(pointer: &str) -> Option<(&str, String)> {
    let (parent, last) = pointer.rsplit_once('/')?;
    Some((parent, unescape(last)))
}

/// Removes the value at `pointer` from its parent, keeping the order of the others.
fn remove(document: &mut Value, pointer: &str) -> Option<Value> {
    let (parent, last) = split(pointer)?;
    match document.pointer_mut(parent)? {
        Value::Object(map) => map.shift_remove(&last),
        Value::Array(items) => {
            let i: usize = last.parse().ok()?;
            (i < items.len()).then(|| items.remove(i))
        }
        _ => None,
    }
}

/// Renames the key at `pointer` to `key`, in place.
fn rename(document: &mut Value, pointer: &str, key: &str) -> bool {
    let Some((parent, last)) = split(pointer) else {
        return false;
    };
    let Some(Value::Object(map)) = document.pointer_mut(parent) else {
        return false;
    };
    let old = std::mem::take(map);
    *map = old
        .into_iter()
        .filter(|(k, _)| k != key || k == &last)
        .map(|(k, v)| {
            if k == last {
                (key.to_string(), v)
            } else {
                (k, v)
            }
        })
        .collect();
    true
}

/// The component schemas' names.
fn component_schemas(document: &Value) -> Vec<String> {
    document
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .map(|schemas| schemas.keys().cloned().collect())
        .unwrap_or_default()
}

/// The `components/schemas` object, made if missing.
fn schemas_mut(document: &mut Value) -> &mut Map<String, Value> {
    if !document.is_object() {
        *document = json!({});
    }
    let root = document.as_object_mut().unwrap();
    let components = root.entry("components").or_insert_with(|| json!({}));
    if !components.is_object() {
        *components = json!({});
    }
    let schemas = components
        .as_object_mut()
        .unwrap()
        .entry("schemas")
        .or_insert_with(|| json!({}));
    if !schemas.is_object() {
        *schemas = json!({});
    }
    schemas.as_object_mut().unwrap()
}

/// A reference to the component schema `name`.
fn schema_ref(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{}", escape(name)) })
}

/// Makes a body or response schema refer to `target`, so that an operation reaches it; the
/// place is one of the `schema`s under `content`.
fn attach(document: &mut Value, at: &Index, target: Value) -> Option<String> {
    let pointer = pick(document, at, |p| {
        p.key == Some("schema") && p.pointer.contains("/content/")
    })?;
    *document.pointer_mut(&pointer)? = target;
    Some(pointer)
}

// ---- mutations ----------------------------------------------------------------------------------

/// What a value is replaced with.
#[derive(Clone, Copy, Debug)]
enum Kind {
    Null,
    True,
    Zero,
    Negative,
    Fraction,
    Huge,
    EmptyText,
    Text,
    EmptyList,
    Listed,
    EmptyObject,
    Wrapped,
}

impl Kind {
    const ALL: [Kind; 12] = [
        Kind::Null,
        Kind::True,
        Kind::Zero,
        Kind::Negative,
        Kind::Fraction,
        Kind::Huge,
        Kind::EmptyText,
        Kind::Text,
        Kind::EmptyList,
        Kind::Listed,
        Kind::EmptyObject,
        Kind::Wrapped,
    ];

    fn make(self, old: Value) -> Value {
        match self {
            Kind::Null => Value::Null,
            Kind::True => json!(true),
            Kind::Zero => json!(0),
            Kind::Negative => json!(-1),
            Kind::Fraction => json!(2.5),
            Kind::Huge => json!(1e308),
            Kind::EmptyText => json!(""),
            Kind::Text => match old {
                Value::String(s) => json!(format!("{s}{s}")),
                other => json!(other.to_string()),
            },
            Kind::EmptyList => json!([]),
            Kind::Listed => json!([old]),
            Kind::EmptyObject => json!({}),
            Kind::Wrapped => json!({ "value": old }),
        }
    }
}

/// How each schema of a `$ref` chain refers to the next.
#[derive(Clone, Copy, Debug)]
enum Link {
    /// `{$ref: next}`: an alias.
    Alias,
    /// `{allOf: [{$ref: next}], description}`: TypeSpec's documented reference.
    AllOfOne,
    /// `{allOf: [{$ref: next}, {type: object, properties}]}`: a merge.
    AllOfMerge,
    /// An object with a property of the next schema.
    Property,
    /// An array of the next schema.
    Items,
    /// A map of the next schema.
    Map,
}

impl Link {
    const ALL: [Link; 6] = [
        Link::Alias,
        Link::AllOfOne,
        Link::AllOfMerge,
        Link::Property,
        Link::Items,
        Link::Map,
    ];

    /// A schema of this kind that refers to `next`.
    fn schema(self, next: &str) -> Value {
        let next = schema_ref(next);
        match self {
            Link::Alias => next,
            Link::AllOfOne => json!({ "allOf": [next], "description": "A link." }),
            Link::AllOfMerge => json!({
                "allOf": [next, { "type": "object", "properties": { "own": { "type": "string" } } }]
            }),
            Link::Property => json!({ "type": "object", "properties": { "next": next } }),
            Link::Items => json!({ "type": "array", "items": next }),
            Link::Map => json!({ "type": "object", "additionalProperties": next }),
        }
    }
}

/// A chain of `len` component schemas `Chain0 → Chain1 → … → end`, every link of kind `link`.
fn chain(len: usize, link: Link) -> Vec<(String, Value)> {
    let mut schemas: Vec<(String, Value)> = (0..len)
        .map(|i| (format!("Chain{i}"), link.schema(&format!("Chain{}", i + 1))))
        .collect();
    schemas.push((
        format!("Chain{len}"),
        json!({ "type": "object", "properties": { "end": { "type": "string" } } }),
    ));
    schemas
}

/// `items` nested `depth` times around a string schema, built inside out.
fn nested_items(depth: usize) -> Value {
    let mut schema = json!({ "type": "string" });
    for _ in 0..depth {
        schema = json!({ "type": "array", "items": schema });
    }
    schema
}

/// An object with one property, nested `depth` times.
fn nested_properties(depth: usize) -> Value {
    let mut schema = json!({ "type": "string" });
    for _ in 0..depth {
        schema = json!({ "type": "object", "properties": { "inner": schema } });
    }
    schema
}

/// An object with `count` properties; colliding ones all become the Rust name `x`.
fn many_properties(count: usize, colliding: bool) -> Value {
    let properties: Map<String, Value> = (0..count)
        .map(|i| {
            let name = if colliding {
                // `x` and punctuation: `x`, `x-`, `x.`, …, `x--`, … are all `x` in Rust.
                format!("x{}", punctuation(i))
            } else {
                format!("property{i}")
            };
            (name, json!({ "type": "string" }))
        })
        .collect();
    json!({ "type": "object", "properties": properties })
}

/// The `i`th text made of punctuation only (the empty text first), at most 4 characters for
/// `i` below 30⁴.
fn punctuation(mut i: usize) -> String {
    const MARKS: &[char] = &[
        '-', '.', ':', ';', ',', '!', '?', '@', '$', '%', '^', '&', '*', '(', ')', '[', ']', '<',
        '>', '=', '+', '|', '/', '\\', '\'', '"', '`', '~', ' ', '#',
    ];
    let mut text = String::new();
    while i > 0 {
        i -= 1;
        text.push(MARKS[i % MARKS.len()]);
        i /= MARKS.len();
    }
    text
}

/// A string of about `bytes` bytes made of `fill`, on one line or many.
fn huge_text(bytes: usize, fill: &str, lines: bool) -> String {
    let unit = if lines {
        format!("{fill}\n")
    } else {
        fill.to_string()
    };
    unit.repeat(bytes / unit.len().max(1) + 1)
}

/// A `$ref` that leads nowhere, or nowhere useful.
#[derive(Clone, Copy, Debug)]
enum Dangling {
    MissingSchema,
    MissingRoot,
    OtherFile,
    Url,
    Hash,
    HashSlash,
    EmptyKey,
    Empty,
    Escaped,
    IntoProperty,
    Paths,
    Number,
    Null,
}

impl Dangling {
    const ALL: [Dangling; 13] = [
        Dangling::MissingSchema,
        Dangling::MissingRoot,
        Dangling::OtherFile,
        Dangling::Url,
        Dangling::Hash,
        Dangling::HashSlash,
        Dangling::EmptyKey,
        Dangling::Empty,
        Dangling::Escaped,
        Dangling::IntoProperty,
        Dangling::Paths,
        Dangling::Number,
        Dangling::Null,
    ];

    fn value(self) -> Value {
        match self {
            Dangling::MissingSchema => json!("#/components/schemas/DoesNotExist"),
            Dangling::MissingRoot => json!("#/nowhere/at/all"),
            Dangling::OtherFile => json!("other.yaml#/components/schemas/Widget"),
            Dangling::Url => json!("https://example.com/openapi.json#/x"),
            Dangling::Hash => json!("#"),
            Dangling::HashSlash => json!("#/"),
            Dangling::EmptyKey => json!("#/components/schemas/"),
            Dangling::Empty => json!(""),
            Dangling::Escaped => json!("#/components/schemas/a~1b~0c~2"),
            Dangling::IntoProperty => json!("#/components/schemas/Widget/properties/name"),
            Dangling::Paths => json!("#/paths"),
            Dangling::Number => json!(7),
            Dangling::Null => Value::Null,
        }
    }
}

/// The `openapi` field's new state.
#[derive(Clone, Debug)]
enum Version {
    Text(String),
    Number,
    Null,
    Missing,
    Swagger,
}

/// One change to a document. Places are picked by [`Index`]es among the candidates, so the
/// same mutation applies to any seed, and sizes are numbers, so a failing case prints small.
#[derive(Clone, Debug)]
enum Mutation {
    /// Removes a key or array item.
    Drop { at: Index },
    /// Copies a value into an object, under its own key or another.
    Duplicate {
        from: Index,
        into: Index,
        key: Option<String>,
    },
    /// Replaces a value with one of another type.
    Retype { at: Index, kind: Kind },
    /// Renames a key.
    Rename { at: Index, key: String },
    /// Replaces a string with odd text.
    SetText { at: Index, text: String },
    /// Points a `$ref` nowhere.
    DanglingRef { at: Index, target: Dangling },
    /// Points a `$ref` at any place in the document (its own parent included).
    RefAnywhere { at: Index, target: Index },
    /// Points a `$ref` at the object that holds it: a loop outside `components/schemas`.
    RefToItself { at: Index },
    /// Two component schemas that take each other into their `allOf`.
    AllOfCycle {
        a: Index,
        b: Index,
        merge: bool,
        attach_at: Index,
    },
    /// A component schema whose `allOf` refers to itself.
    SelfAllOf {
        a: Index,
        merge: bool,
        attach_at: Index,
    },
    /// A component schema that is `$ref` to itself.
    SelfRef { a: Index, attach_at: Index },
    /// A schema replaced by `items` nested `depth` deep.
    DeepItems { at: Index, depth: usize },
    /// A schema replaced by objects nested `depth` deep.
    DeepProperties { at: Index, depth: usize },
    /// A description of about `bytes` bytes.
    HugeDescription {
        at: Index,
        bytes: usize,
        fill: &'static str,
        lines: bool,
    },
    /// A key of about `bytes` bytes.
    HugeKey {
        at: Index,
        bytes: usize,
        fill: &'static str,
    },
    /// A schema replaced by an object with `count` properties.
    ManyProperties {
        at: Index,
        count: usize,
        colliding: bool,
    },
    /// A chain of `len` component schemas, each referring to the next, used by an operation.
    RefChain {
        attach_at: Index,
        len: usize,
        link: Link,
    },
    /// An operation's `operationId` set to odd text.
    OperationId { at: Index, id: String },
    /// The `openapi` version changed, removed or joined by `swagger`.
    Version(Version),
    /// A schema of a real document (`tests/fixtures/realworld/`) in place of a value: its
    /// constructs, and its `$ref`s, which dangle here or land on whatever has their name.
    GraftSchema { fragment: Index, at: Index },
    /// A path item of a real document added to `paths`, with its operations' parameters,
    /// bodies and replies.
    GraftPath { fragment: Index },
    /// The document made OpenAPI 3.1 (or 3.2), with a schema, or a path item, rewritten in
    /// one of its forms.
    Newer {
        at: Index,
        form: NewerForm,
        version: &'static str,
    },
}

/// The constructs OpenAPI 3.1 and 3.2 add, as [`Mutation::Newer`] writes them.
#[derive(Clone, Copy, Debug)]
enum NewerForm {
    /// `type: [T, "null"]`, or a list of several types.
    TypeList,
    /// `anyOf: [schema, {type: "null"}]`.
    NullMember,
    /// `const` of the schema's own text.
    Const,
    /// A boolean schema.
    Boolean(bool),
    /// `$ref` to a component schema beside the schema's own keywords.
    RefBeside,
    /// A tuple of the schema, closed or open.
    PrefixItems(bool),
    /// The schema moved into `$defs` of a component schema and referenced there.
    Defs,
    /// A map by `patternProperties`, or the schema's other properties by
    /// `unevaluatedProperties`.
    OtherProperties,
    /// `if`/`then`/`else` and `dependentRequired` beside the schema.
    Conditional,
    /// A path item moved to `components.pathItems` (and referenced there), or to `webhooks`.
    PathItem { webhook: bool },
    /// 3.2's additions on an operation: a `querystring` parameter, a `query` method, a
    /// streamed reply.
    Additions,
}

impl NewerForm {
    const ALL: [NewerForm; 14] = [
        NewerForm::TypeList,
        NewerForm::NullMember,
        NewerForm::Const,
        NewerForm::Boolean(true),
        NewerForm::Boolean(false),
        NewerForm::RefBeside,
        NewerForm::PrefixItems(true),
        NewerForm::PrefixItems(false),
        NewerForm::Defs,
        NewerForm::OtherProperties,
        NewerForm::Conditional,
        NewerForm::PathItem { webhook: false },
        NewerForm::PathItem { webhook: true },
        NewerForm::Additions,
    ];
}

/// Rewrites the schema (or path item, or operation) `at` picks in `form`.
fn newer(document: &mut Value, at: &Index, form: NewerForm) -> Option<String> {
    let component = component_schemas(document).first().cloned();
    match form {
        NewerForm::PathItem { webhook } => {
            let pointer = pick(document, at, |p| {
                p.pointer.starts_with("/paths/") && p.pointer.matches('/').count() == 2
            })?;
            let (_, name) = split(&pointer)?;
            let item = remove(document, &pointer)?;
            let root = document.as_object_mut()?;
            if webhook {
                let hooks = root.entry("webhooks").or_insert_with(|| json!({}));
                hooks.as_object_mut()?.insert(name.clone(), item);
                // Sometimes `paths` goes too, which 3.1 allows.
                if root
                    .get("paths")
                    .is_some_and(|p| p.as_object().is_some_and(|p| p.is_empty()))
                {
                    root.shift_remove("paths");
                }
            } else {
                let components = root.entry("components").or_insert_with(|| json!({}));
                let items = components
                    .as_object_mut()?
                    .entry("pathItems")
                    .or_insert_with(|| json!({}));
                items.as_object_mut()?.insert("Moved".to_string(), item);
                let paths = root.entry("paths").or_insert_with(|| json!({}));
                paths.as_object_mut()?.insert(
                    name.clone(),
                    json!({ "$ref": "#/components/pathItems/Moved", "summary": "moved" }),
                );
            }
            Some(format!("path item {name} moved (webhook: {webhook})"))
        }
        NewerForm::Additions => {
            let pointer = pick(document, at, is_operation)?;
            let operation = document.pointer_mut(&pointer)?.as_object_mut()?;
            let parameters = operation.entry("parameters").or_insert_with(|| json!([]));
            if let Value::Array(parameters) = parameters {
                parameters.push(json!({"name": "q", "in": "querystring", "content": {}}));
            }
            operation.insert(
                "responses".to_string(),
                json!({"200": {"content": {"text/event-stream": {"itemSchema": {"type": "string"}}}}}),
            );
            let (item, _) = split(&pointer)?;
            let copy = operation.clone();
            document
                .pointer_mut(item)?
                .as_object_mut()?
                .insert("query".to_string(), Value::Object(copy));
            Some(format!("3.2 additions at #{pointer}"))
        }
        _ => {
            let pointer = pick(document, at, |p| is_schema(p.value))?;
            let old = document.pointer(&pointer)?.clone();
            let reference = component.map(|name| schema_ref(&name)).unwrap_or(json!({}));
            let new = match form {
                NewerForm::TypeList => {
                    let mut new = old.clone();
                    let first = old.get("type").cloned().unwrap_or(json!("object"));
                    let types = [first, json!("null"), json!("integer")];
                    let listed: Vec<Value> =
                        types.into_iter().take(2 + pointer.len() % 2).collect();
                    new.as_object_mut()?
                        .insert("type".to_string(), Value::Array(listed));
                    new
                }
                NewerForm::NullMember => json!({"anyOf": [old, {"type": "null"}]}),
                NewerForm::Const => json!({"const": pointer}),
                NewerForm::Boolean(value) => json!(value),
                NewerForm::RefBeside => {
                    let mut new = old.clone();
                    new.as_object_mut()?
                        .insert("$ref".to_string(), reference["$ref"].clone());
                    new
                }
                NewerForm::PrefixItems(closed) => json!({
                    "type": "array", "prefixItems": [old.clone(), old], "items": !closed
                }),
                NewerForm::Defs => {
                    let schemas = schemas_mut(document);
                    schemas.insert("Holder".to_string(), json!({"$defs": {"Moved": old}}));
                    json!({"$ref": "#/components/schemas/Holder/$defs/Moved", "description": "d"})
                }
                NewerForm::OtherProperties => json!({
                    "patternProperties": {"^a": old.clone(), "^b": {"type": "string"}},
                    "unevaluatedProperties": old,
                }),
                NewerForm::Conditional => json!({
                    "allOf": [old], "if": {"required": ["a"]}, "then": {"required": ["b"]},
                    "else": false, "dependentRequired": {"a": ["b"]}
                }),
                NewerForm::PathItem { .. } | NewerForm::Additions => unreachable!("handled above"),
            };
            *document.pointer_mut(&pointer)? = new;
            Some(format!("{form:?} at #{pointer}"))
        }
    }
}

/// Applies `mutation`; returns what it did, for the failure message.
fn apply(document: &mut Value, mutation: &Mutation) -> String {
    let skipped = || "skipped (no place for it)".to_string();
    match mutation {
        Mutation::Drop { at } => {
            let Some(pointer) = pick(document, at, |p| !p.pointer.is_empty()) else {
                return skipped();
            };
            remove(document, &pointer);
            format!("dropped #{pointer}")
        }
        Mutation::Duplicate { from, into, key } => {
            let Some(source) = pick(document, from, |p| !p.pointer.is_empty()) else {
                return skipped();
            };
            let Some(target) = pick(document, into, |p| p.value.is_object()) else {
                return skipped();
            };
            let value = document.pointer(&source).cloned().unwrap_or(Value::Null);
            let key = key
                .clone()
                .or_else(|| split(&source).map(|(_, last)| last))
                .unwrap_or_default();
            if let Some(Value::Object(map)) = document.pointer_mut(&target) {
                map.insert(key.clone(), value);
            }
            format!("copied #{source} to #{target}/{}", escape(&key))
        }
        Mutation::Retype { at, kind } => {
            let Some(pointer) = pick(document, at, |p| !p.pointer.is_empty()) else {
                return skipped();
            };
            let slot = document.pointer_mut(&pointer).unwrap();
            *slot = kind.make(slot.take());
            format!("made #{pointer} {kind:?}")
        }
        Mutation::Rename { at, key } => {
            let Some(pointer) = pick(document, at, |p| p.key.is_some()) else {
                return skipped();
            };
            rename(document, &pointer, key);
            format!("renamed #{pointer} to {key:?}")
        }
        Mutation::SetText { at, text } => {
            let Some(pointer) = pick(document, at, |p| p.value.is_string()) else {
                return skipped();
            };
            *document.pointer_mut(&pointer).unwrap() = json!(text);
            format!("set #{pointer} to {text:?}")
        }
        Mutation::DanglingRef { at, target } => {
            let pointer = pick(document, at, |p| p.key == Some("$ref"))
                .or_else(|| pick(document, at, |p| is_schema(p.value)).map(|p| p + "/$ref"));
            let Some(pointer) = pointer else {
                return skipped();
            };
            let (parent, _) = split(&pointer).unwrap();
            let parent = parent.to_string();
            if let Some(Value::Object(map)) = document.pointer_mut(&parent) {
                map.insert("$ref".to_string(), target.value());
            }
            format!("set #{pointer} to {}", target.value())
        }
        Mutation::RefAnywhere { at, target } => {
            let Some(pointer) = pick(document, at, |p| p.key == Some("$ref")) else {
                return skipped();
            };
            let Some(goal) = pick(document, target, |_| true) else {
                return skipped();
            };
            let reference = format!("#{goal}");
            *document.pointer_mut(&pointer).unwrap() = json!(reference);
            format!("set #{pointer} to {reference:?}")
        }
        Mutation::RefToItself { at } => {
            let Some(pointer) = pick(document, at, |p| p.key == Some("$ref")) else {
                return skipped();
            };
            let (parent, _) = split(&pointer).unwrap();
            let reference = format!("#{parent}");
            *document.pointer_mut(&pointer).unwrap() = json!(reference);
            format!("set #{pointer} to {reference:?}, its own schema")
        }
        Mutation::AllOfCycle {
            a,
            b,
            merge,
            attach_at,
        } => {
            let names = component_schemas(document);
            if names.is_empty() {
                return skipped();
            }
            let (a, b) = (
                names[a.index(names.len())].clone(),
                names[b.index(names.len())].clone(),
            );
            let member = |other: &str| {
                let mut members = vec![schema_ref(other)];
                if *merge {
                    members.push(
                        json!({ "type": "object", "properties": { "own": { "type": "string" } } }),
                    );
                }
                json!({ "allOf": members, "description": "In a cycle." })
            };
            let schemas = schemas_mut(document);
            schemas.insert(a.clone(), member(&b));
            schemas.insert(b.clone(), member(&a));
            let attached = attach(document, attach_at, schema_ref(&a));
            format!("{a} allOf {b} allOf {a} (merge: {merge}), used at {attached:?}")
        }
        Mutation::SelfAllOf {
            a,
            merge,
            attach_at,
        } => {
            let names = component_schemas(document);
            if names.is_empty() {
                return skipped();
            }
            let a = names[a.index(names.len())].clone();
            let mut members = vec![schema_ref(&a)];
            if *merge {
                members.push(
                    json!({ "type": "object", "properties": { "own": { "type": "string" } } }),
                );
            }
            schemas_mut(document).insert(a.clone(), json!({ "allOf": members }));
            let attached = attach(document, attach_at, schema_ref(&a));
            format!("{a} allOf itself (merge: {merge}), used at {attached:?}")
        }
        Mutation::SelfRef { a, attach_at } => {
            let names = component_schemas(document);
            if names.is_empty() {
                return skipped();
            }
            let a = names[a.index(names.len())].clone();
            schemas_mut(document).insert(a.clone(), schema_ref(&a));
            let attached = attach(document, attach_at, schema_ref(&a));
            format!("{a} is $ref to itself, used at {attached:?}")
        }
        Mutation::DeepItems { at, depth } => {
            let Some(pointer) = pick(document, at, |p| is_schema(p.value)) else {
                return skipped();
            };
            *document.pointer_mut(&pointer).unwrap() = nested_items(*depth);
            format!("#{pointer} is items nested {depth} deep")
        }
        Mutation::DeepProperties { at, depth } => {
            let Some(pointer) = pick(document, at, |p| is_schema(p.value)) else {
                return skipped();
            };
            *document.pointer_mut(&pointer).unwrap() = nested_properties(*depth);
            format!("#{pointer} is properties nested {depth} deep")
        }
        Mutation::HugeDescription {
            at,
            bytes,
            fill,
            lines,
        } => {
            let Some(pointer) = pick(document, at, |p| p.value.is_object()) else {
                return skipped();
            };
            if let Some(Value::Object(map)) = document.pointer_mut(&pointer) {
                map.insert(
                    "description".to_string(),
                    json!(huge_text(*bytes, fill, *lines)),
                );
            }
            format!("#{pointer}/description is {bytes} bytes of {fill:?} (lines: {lines})")
        }
        Mutation::HugeKey { at, bytes, fill } => {
            let Some(pointer) = pick(document, at, |p| p.key.is_some()) else {
                return skipped();
            };
            rename(document, &pointer, &huge_text(*bytes, fill, false));
            format!("renamed #{pointer} to {bytes} bytes of {fill:?}")
        }
        Mutation::ManyProperties {
            at,
            count,
            colliding,
        } => {
            let Some(pointer) = pick(document, at, |p| is_schema(p.value)) else {
                return skipped();
            };
            *document.pointer_mut(&pointer).unwrap() = many_properties(*count, *colliding);
            format!("#{pointer} has {count} properties (colliding: {colliding})")
        }
        Mutation::RefChain {
            attach_at,
            len,
            link,
        } => {
            let schemas = schemas_mut(document);
            for (name, schema) in chain(*len, *link) {
                schemas.insert(name, schema);
            }
            let attached = attach(document, attach_at, schema_ref("Chain0"));
            format!("a chain of {len} {link:?} links, used at {attached:?}")
        }
        Mutation::OperationId { at, id } => {
            let Some(pointer) = pick(document, at, is_operation) else {
                return skipped();
            };
            if let Some(Value::Object(map)) = document.pointer_mut(&pointer) {
                map.insert("operationId".to_string(), json!(id));
            }
            format!("#{pointer}/operationId is {id:?}")
        }
        Mutation::Version(version) => {
            let Some(root) = document.as_object_mut() else {
                return skipped();
            };
            match version {
                Version::Text(text) => {
                    root.insert("openapi".to_string(), json!(text));
                }
                Version::Number => {
                    root.insert("openapi".to_string(), json!(3.0));
                }
                Version::Null => {
                    root.insert("openapi".to_string(), Value::Null);
                }
                Version::Missing => {
                    root.shift_remove("openapi");
                }
                Version::Swagger => {
                    root.insert("swagger".to_string(), json!("2.0"));
                }
            }
            format!("openapi: {version:?}")
        }
        Mutation::Newer { at, form, version } => {
            let Some(done) = newer(document, at, *form) else {
                return skipped();
            };
            if let Some(root) = document.as_object_mut() {
                root.insert("openapi".to_string(), json!(version));
            }
            format!("openapi {version}: {done}")
        }
        Mutation::GraftSchema { fragment, at } => {
            let fragments = &real_fragments().schemas;
            let (name, schema) = &fragments[fragment.index(fragments.len())];
            let Some(pointer) = pick(document, at, |p| !p.pointer.is_empty()) else {
                return skipped();
            };
            if let Some(value) = document.pointer_mut(&pointer) {
                *value = schema.clone();
            }
            format!("#{pointer} = the schema {name}")
        }
        Mutation::GraftPath { fragment } => {
            let fragments = &real_fragments().path_items;
            let (name, item) = &fragments[fragment.index(fragments.len())];
            let Some(Value::Object(paths)) = document.get_mut("paths") else {
                return skipped();
            };
            paths.insert(format!("/grafted{}", paths.len()), item.clone());
            format!("added the path item {name}")
        }
    }
}

/// Pieces of the real documents of `tests/fixtures/realworld/`: component schemas and path
/// items of at most [`FRAGMENT_BYTES`] of JSON each, by where they come from.
struct Fragments {
    schemas: Vec<(String, Value)>,
    path_items: Vec<(String, Value)>,
}

/// The largest fragment grafted: real pieces, small enough that a case stays quick.
const FRAGMENT_BYTES: usize = 8_000;

fn real_fragments() -> &'static Fragments {
    static FRAGMENTS: OnceLock<Fragments> = OnceLock::new();
    FRAGMENTS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/realworld");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("tests/fixtures/realworld")
            .map(|entry| entry.expect("an entry").path())
            .filter(|path| path.extension().is_some_and(|e| e == "json" || e == "yaml"))
            .collect();
        files.sort();
        let mut fragments = Fragments {
            schemas: Vec::new(),
            path_items: Vec::new(),
        };
        let small =
            |value: &Value| serde_json::to_string(value).map_or(0, |t| t.len()) <= FRAGMENT_BYTES;
        for path in files {
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).expect("a real document");
            let document: Value = if file.ends_with(".json") {
                serde_json::from_str(&text).expect("JSON")
            } else {
                yaml_to_json(serde_norway::from_str(&text).expect("YAML"))
            };
            let entries = |pointer: &str| {
                document
                    .pointer(pointer)
                    .and_then(Value::as_object)
                    .into_iter()
                    .flatten()
                    .filter(|(_, value)| small(value))
                    .map(|(key, value)| {
                        (format!("{file}#{pointer}/{}", escape(key)), value.clone())
                    })
                    .collect::<Vec<_>>()
            };
            fragments.schemas.extend(entries("/components/schemas"));
            fragments.path_items.extend(entries("/paths"));
        }
        fragments
    })
}

/// Prints one line per case when [`LOG_VAR`] is set.
fn log(line: &str) {
    if std::env::var(LOG_VAR).is_ok_and(|v| v == "1") {
        eprintln!("fuzz case: {}", clip(line, 600));
    }
}

// ---- strategies --------------------------------------------------------------------------------

/// Names that are keywords, the generator's own names, punctuation, pointer syntax, unicode,
/// control characters, or empty.
#[rustfmt::skip]
const ODD_NAMES: &[&str] = &[
    "", " ", "_", "__", "a_", "_a", "a__b", "self", "Self", "super", "crate", "type", "r#type",
    "fn", "async", "new", "endpoint", "api_version", "api-version", "options", "body", "url",
    "Box", "String", "Vec", "Result", "Option", "OperationFailure", "UnknownKind",
    "UnknownValue", "Client", "models", "2fa", "0", "-1", "{", "}", "{}", "{a}{b}", "/", "~",
    "~1", "~0", "#", "#/", "$ref", "é", "日本語", "🦀", "\u{0}", "\u{202e}x", "A\nB", "```",
    "`", "\\", "\"", "*/", "/*", "//", "#[doc]", "SUCCEEDED", "vCPUs", "ABCDEFGHIJKLMNOPs",
    "a.b.c", "Foo_Bar_Baz", "DevBoxes_", "_list", "get", "head", "x-ms-foo", "200",
];

/// Text that names things badly: [`ODD_NAMES`], and random text of the same kinds.
fn odd_text() -> impl Strategy<Value = String> {
    let listed = prop::sample::select(ODD_NAMES).prop_map(String::from);
    prop_oneof![
        3 => listed,
        1 => "\\PC{0,16}",
        1 => "[A-Za-z0-9_ .{}/~-]{0,24}",
        1 => "[\\x00-\\x1f\\x7f]{0,4}",
    ]
}

/// Versions other than 3.0.x (3.1, 3.2 and later), odd spellings of them, and other types.
fn version() -> impl Strategy<Value = Version> {
    let texts = prop::sample::select(vec![
        "3.0.0",
        "3.0.3",
        "3.0",
        "3.0.",
        "3.0.x",
        "3.0.0-rc1",
        "3.1.0",
        "3.1",
        "3.1.x",
        "3.2.0",
        "3.3.0",
        "2.0",
        "3",
        "",
        " 3.0.0",
        "4.0.0",
    ]);
    prop_oneof![
        4 => texts.prop_map(|t| Version::Text(t.to_string())),
        1 => Just(Version::Number),
        1 => Just(Version::Null),
        1 => Just(Version::Missing),
        1 => Just(Version::Swagger),
    ]
}

/// One mutation, the common ones (drops, retypes, renames) weighted most.
fn mutation() -> impl Strategy<Value = Mutation> {
    let fills = prop::sample::select(vec!["a", "A", "é", "_", "0", "Ab", "{", "🦀 "]);
    prop_oneof![
        4 => any::<Index>().prop_map(|at| Mutation::Drop { at }),
        2 => (any::<Index>(), any::<Index>(), prop::option::of(odd_text()))
            .prop_map(|(from, into, key)| Mutation::Duplicate { from, into, key }),
        4 => (any::<Index>(), prop::sample::select(Kind::ALL.to_vec()))
            .prop_map(|(at, kind)| Mutation::Retype { at, kind }),
        3 => (any::<Index>(), odd_text()).prop_map(|(at, key)| Mutation::Rename { at, key }),
        2 => (any::<Index>(), odd_text()).prop_map(|(at, text)| Mutation::SetText { at, text }),
        2 => (any::<Index>(), prop::sample::select(Dangling::ALL.to_vec()))
            .prop_map(|(at, target)| Mutation::DanglingRef { at, target }),
        2 => (any::<Index>(), any::<Index>())
            .prop_map(|(at, target)| Mutation::RefAnywhere { at, target }),
        1 => any::<Index>().prop_map(|at| Mutation::RefToItself { at }),
        2 => (any::<Index>(), any::<Index>(), any::<bool>(), any::<Index>()).prop_map(
            |(a, b, merge, attach_at)| Mutation::AllOfCycle { a, b, merge, attach_at }
        ),
        1 => (any::<Index>(), any::<bool>(), any::<Index>())
            .prop_map(|(a, merge, attach_at)| Mutation::SelfAllOf { a, merge, attach_at }),
        1 => (any::<Index>(), any::<Index>())
            .prop_map(|(a, attach_at)| Mutation::SelfRef { a, attach_at }),
        1 => (any::<Index>(), prop_oneof![4 => 1..13usize, 1 => 13..125usize, 1 => 125..400usize])
            .prop_map(|(at, depth)| Mutation::DeepItems { at, depth }),
        1 => (any::<Index>(), prop_oneof![4 => 1..13usize, 1 => 13..63usize, 1 => 63..200usize])
            .prop_map(|(at, depth)| Mutation::DeepProperties { at, depth }),
        1 => (
            any::<Index>(),
            prop::sample::select(vec![1_000usize, 100_000, 1_000_000]),
            fills.clone(),
            any::<bool>(),
        )
            .prop_map(|(at, bytes, fill, lines)| Mutation::HugeDescription {
                at,
                // A megabyte of short lines is half a million doc lines: seconds, and more for
                // every one in the case (`huge_description_of_many_lines` has 100,000).
                bytes: if lines { bytes.min(100_000) } else { bytes },
                fill,
                lines,
            }),
        1 => (any::<Index>(), prop::sample::select(vec![1_000usize, 10_000, 100_000]), fills)
            .prop_map(|(at, bytes, fill)| Mutation::HugeKey { at, bytes, fill }),
        1 => (any::<Index>(), prop::sample::select(vec![10usize, 300, 2_000]), any::<bool>())
            .prop_map(|(at, count, colliding)| Mutation::ManyProperties { at, count, colliding }),
        1 => (
            any::<Index>(),
            prop_oneof![4 => 1..80usize, 2 => 80..300usize, 1 => 300..6_000usize],
            prop::sample::select(Link::ALL.to_vec()),
        )
            .prop_map(|(attach_at, len, link)| Mutation::RefChain {
                attach_at,
                len,
                link
            }),
        2 => (any::<Index>(), odd_text()).prop_map(|(at, id)| Mutation::OperationId { at, id }),
        1 => version().prop_map(Mutation::Version),
        3 => (any::<Index>(), any::<Index>())
            .prop_map(|(fragment, at)| Mutation::GraftSchema { fragment, at }),
        2 => any::<Index>().prop_map(|fragment| Mutation::GraftPath { fragment }),
        4 => (
            any::<Index>(),
            prop::sample::select(NewerForm::ALL.to_vec()),
            prop::sample::select(vec!["3.1.0", "3.1.1", "3.2.0"]),
        )
            .prop_map(|(at, form, version)| Mutation::Newer { at, form, version }),
    ]
}

/// How a mutated document is written.
#[derive(Clone, Copy, Debug)]
enum Encoding {
    Json,
    PrettyJson,
    Yaml,
    /// JSON behind a comment line, so the YAML reader reads it.
    JsonAsYaml,
    /// The JSON text cut at this fraction (per mille) of its length.
    TruncatedJson(u16),
    /// The YAML text cut at this fraction (per mille) of its length.
    TruncatedYaml(u16),
}

impl Encoding {
    fn write(self, document: &Value) -> String {
        let json = || serde_json::to_string(document).expect("JSON");
        let yaml = || serde_norway::to_string(document).expect("YAML");
        let cut = |text: String, per_mille: u16| {
            let mut end = text.len() * usize::from(per_mille) / 1000;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text[..end].to_string()
        };
        match self {
            Encoding::Json => json(),
            Encoding::PrettyJson => serde_json::to_string_pretty(document).expect("JSON"),
            Encoding::Yaml => yaml(),
            Encoding::JsonAsYaml => format!("# JSON, read as YAML\n{}", json()),
            Encoding::TruncatedJson(per_mille) => cut(json(), per_mille),
            Encoding::TruncatedYaml(per_mille) => cut(yaml(), per_mille),
        }
    }
}

/// Mostly whole documents, JSON or YAML; one in eight cut short.
fn encoding() -> impl Strategy<Value = Encoding> {
    prop_oneof![
        6 => Just(Encoding::Json),
        2 => Just(Encoding::PrettyJson),
        4 => Just(Encoding::Yaml),
        1 => Just(Encoding::JsonAsYaml),
        1 => (0..1000u16).prop_map(Encoding::TruncatedJson),
        1 => (0..1000u16).prop_map(Encoding::TruncatedYaml),
    ]
}

/// One fuzz case: a seed, the mutations applied to it in order, how it is written, and
/// whether the run is repeated to check that the output is deterministic.
#[derive(Clone, Debug)]
struct Case {
    seed: Index,
    mutations: Vec<Mutation>,
    encoding: Encoding,
    check_determinism: bool,
}

/// A case: one to four mutations; one in eight checked for determinism.
fn case() -> impl Strategy<Value = Case> {
    (
        any::<Index>(),
        prop::collection::vec(mutation(), 1..=4),
        encoding(),
        prop::bool::weighted(0.125),
    )
        .prop_map(|(seed, mutations, encoding, check_determinism)| Case {
            seed,
            mutations,
            encoding,
            check_determinism,
        })
}

/// The case's document, as a value and as text, with an account of what was done to which
/// seed.
fn build(case: &Case) -> (Value, Arc<str>, String) {
    let seeds = seeds();
    let seed = &seeds[case.seed.index(seeds.len())];
    let mut document = seed.document.clone();
    let mut account = format!("seed {}", seed.name);
    for mutation in &case.mutations {
        let what = apply(&mut document, mutation);
        let _ = write!(account, "\n  {}", clip(&what, 300));
    }
    let text = case.encoding.write(&document);
    let _ = write!(
        account,
        "\n  written as {:?}: {} bytes",
        case.encoding,
        text.len()
    );
    (document, Arc::from(text), account)
}

/// Runs one case: no panic, no time-out, a result of the right shape, and (on a sample) the
/// same result twice.
fn check(case: &Case) -> Result<(), TestCaseError> {
    let (_, text, account) = build(case);
    // The thread is named after the case, so that a stack overflow, which aborts the process
    // before proptest can print the case, says which it was.
    let one_line = account.replace('\n', " ");
    let fail = |why: String| TestCaseError::fail(format!("{why}\n{account}"));
    let started = Instant::now();
    let first = run(&one_line, Arc::clone(&text)).map_err(fail)?;
    let twice = if case.check_determinism {
        " (run twice)"
    } else {
        ""
    };
    log(&format!(
        "{:?}{twice} {}: {one_line}",
        started.elapsed(),
        summary(&first)
    ));
    check_shape(&first).map_err(|why| fail(format!("{why}; {}", summary(&first))))?;
    if case.check_determinism {
        let second = run(&one_line, text).map_err(fail)?;
        if !same(&first, &second) {
            return Err(fail(format!(
                "two runs differ: {} then {}",
                summary(&first),
                summary(&second)
            )));
        }
    }
    Ok(())
}

/// `cases` from `PROPTEST_CASES`, else [`DEFAULT_CASES`]; failures are not written to the
/// source tree; stack overflows and hangs are caught by running the cases in a child process.
/// In CI (`CI` set) the cases are the same on every run, unless `PROPTEST_RNG_SEED` says
/// otherwise, so that a submission is not failed by a case no one has seen before; locally
/// every run draws new cases.
fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    let rng_seed = match (
        std::env::var_os("CI"),
        std::env::var_os("PROPTEST_RNG_SEED"),
    ) {
        (Some(_), None) => RngSeed::Fixed(CI_RNG_SEED),
        _ => Config::default().rng_seed,
    };
    Config {
        cases,
        rng_seed,
        failure_persistence: None,
        fork: true,
        // A backstop for a hang the in-process time limit misses; per case, in ms.
        timeout: 60_000,
        // Not `max_shrink_time`: a time limit would make the shrinking that the forked child
        // did differ from the parent's replay of it.
        max_shrink_iters: 64,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// Mutated seeds: the generator returns, in time, a result of the right shape.
    #[test]
    fn mutated_documents_are_handled(case in case()) {
        check(&case)?;
    }

    /// Text that is hardly a document at all.
    #[test]
    fn arbitrary_text_is_handled(text in prop_oneof![
        "\\PC{0,64}",
        "[{}\\[\\]:,\"'a-z0-9 \\n-]{0,64}",
        "openapi: 3\\.0\\.[0-9]\n[a-z: {}\\[\\]\\n-]{0,64}",
        "\\{\"openapi\": \"3\\.0\\.0\"[,:{}\\[\\]\" a-z]{0,64}",
    ]) {
        let text: Arc<str> = Arc::from(text);
        let result = run("arbitrary-text", Arc::clone(&text))
            .map_err(|why| TestCaseError::fail(format!("{why}\ntext: {text:?}")))?;
        check_shape(&result).map_err(|why| TestCaseError::fail(format!("{why}\ntext: {text:?}")))?;
    }
}

// ---- pathological documents, one fixed test each ------------------------------------------------

/// Set in a child process of this test binary to the name of the test it runs.
const CHILD: &str = "GENERATOR_FUZZ_CHILD";

/// Runs `body` in a child process of this test binary, so that a stack overflow or any other
/// abort fails this test, by name, and not every test of the binary.
fn in_child_process(test: &str, body: fn()) {
    if std::env::var(CHILD).is_ok_and(|name| name == test) {
        return body();
    }
    let exe = std::env::current_exe().expect("the test binary");
    let output = Command::new(exe)
        .args([
            test,
            "--exact",
            "--include-ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, test)
        // The case's own failure message says where; the harness's backtrace is noise.
        .env("RUST_BACKTRACE", "0")
        .output()
        .expect("run the test binary");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let tail = |text: &str| {
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(40)..].join("\n")
    };
    assert!(
        output.status.success(),
        "{test} failed in its child process ({}):\n{}\n{}",
        output.status,
        tail(&stdout),
        tail(&stderr)
    );
    assert!(
        stdout.contains("1 passed"),
        "the child process ran no test named {test}:\n{stdout}"
    );
}

/// A document with one operation whose 200 response is `response`, and `schemas`.
fn document(response: Value, schemas: Map<String, Value>) -> Value {
    json!({
        "openapi": "3.0.3",
        "info": { "title": "Fuzz", "version": "2024-01-01" },
        "servers": [{ "url": "{endpoint}" }],
        "paths": {
            "/things": {
                "get": {
                    "operationId": "Things_get",
                    "responses": {
                        "200": {
                            "description": "OK",
                            "content": { "application/json": { "schema": response } }
                        }
                    }
                }
            }
        },
        "components": { "schemas": schemas }
    })
}

/// Runs a fixed case (named for the crash message) and returns its result, checked for shape.
fn run_fixed(name: &str, text: String) -> Result<Output, Vec<Problem>> {
    let started = Instant::now();
    let result = run(name, Arc::from(text)).unwrap_or_else(|why| panic!("{name}: {why}"));
    if let Err(why) = check_shape(&result) {
        panic!("{name}: {why}");
    }
    eprintln!("{name}: {} in {:?}", summary(&result), started.elapsed());
    result
}

/// The text of `document(response, schemas)`, with the JSON text `raw` in place of the
/// component schema `Raw`: a schema too deep to build as a value on the test's own stack.
fn document_text(response: Value, mut schemas: Map<String, Value>, raw: Option<&str>) -> String {
    if raw.is_some() {
        schemas.insert("Raw".to_string(), json!("RAW-SCHEMA"));
    }
    let text = serde_json::to_string(&document(response, schemas)).unwrap();
    match raw {
        Some(raw) => text.replace(r#""RAW-SCHEMA""#, raw),
        None => text,
    }
}

/// Asserts that `result` is Ok.
fn expect_ok(name: &str, result: &Result<Output, Vec<Problem>>) {
    assert!(result.is_ok(), "{name}: {}", summary(result));
}

/// Asserts that `result` is Ok with a warning at a pointer starting with `at` whose message has
/// `needle`: a pathological corner falls back, and the rest is generated.
fn expect_warning(name: &str, result: &Result<Output, Vec<Problem>>, at: &str, needle: &str) {
    let found = result.as_ref().is_ok_and(|output| {
        output
            .warnings
            .iter()
            .any(|w| w.pointer.starts_with(at) && w.message.contains(needle))
    });
    assert!(
        found,
        "{name}: expected a warning at {at}… with {needle:?}; {}",
        summary(result)
    );
}

/// Asserts that `result` is Err with a problem at the document's root whose message has
/// `needle`: text nested deeper than the parsers read is not an API description.
fn expect_refused(name: &str, result: &Result<Output, Vec<Problem>>, needle: &str) {
    let found = result.as_ref().err().is_some_and(|problems| {
        problems
            .iter()
            .any(|p| p.pointer == "#" && p.message.contains(needle))
    });
    assert!(
        found,
        "{name}: expected the document refused with {needle:?}; {}",
        summary(result)
    );
}

/// Whether some file, without its whitespace, contains `needle`.
fn output_contains(result: &Result<Output, Vec<Problem>>, needle: &str) -> bool {
    let unspaced = |text: &str| text.split_whitespace().collect::<String>();
    result.as_ref().is_ok_and(|output| {
        output
            .files
            .iter()
            .any(|f| unspaced(&f.contents).contains(needle))
    })
}

/// `items` nested `depth` deep around a string, as JSON text.
fn deep_items_json(depth: usize) -> String {
    let open = r#"{"type":"array","items":"#.repeat(depth);
    format!(r#"{open}{{"type":"string"}}{}"#, "}".repeat(depth))
}

/// `items` nested `depth` deep. Shallow nesting becomes `Vec<Vec<…>>`; nesting deeper than the
/// generator goes is refused inside the schema; nesting deeper than serde_json's recursion
/// limit (128) is refused as malformed, at `#`.
fn deep_items(depth: usize, yaml: bool) {
    let name = format!("deep-items-{depth}{}", if yaml { "-yaml" } else { "" });
    let mut text = document_text(schema_ref("Raw"), Map::new(), Some(&deep_items_json(depth)));
    if yaml {
        // Flow-style YAML: the same text, read by the YAML reader.
        text = format!("# YAML\n{text}");
    }
    let result = run_fixed(&name, text);
    match depth {
        ..=30 => {
            expect_ok(&name, &result);
            let nested = format!("{}String", "Vec<".repeat(depth));
            assert!(
                output_contains(&result, &nested),
                "{name}: no Vec<…<String> {depth} deep"
            );
        }
        31..=120 => expect_warning(&name, &result, "#/components/schemas/Raw/items/", "deep"),
        _ => expect_refused(&name, &result, "recursion limit"),
    }
}

/// `items` nested 120 deep in OpenAPI 3.1's words (`type: [array, "null"]`), which `load`
/// rewrites level by level before `ir` reads them: as deep as the JSON reader goes.
#[test]
fn deep_items_openapi_3_1() {
    in_child_process("deep_items_openapi_3_1", || {
        let schema =
            deep_items_json(120).replace(r#""type":"array""#, r#""type":["array","null"]"#);
        let text = document_text(schema_ref("Raw"), Map::new(), Some(&schema))
            .replace(r#""openapi":"3.0.3""#, r#""openapi":"3.1.0""#);
        assert!(text.contains("3.1.0"));
        let result = run_fixed("deep-items-openapi-3-1", text);
        expect_warning(
            "deep-items-openapi-3-1",
            &result,
            "#/components/schemas/Raw/items/",
            "deep",
        );
    });
}

#[test]
fn deep_items_30() {
    in_child_process("deep_items_30", || deep_items(30, false));
}

#[test]
fn deep_items_100() {
    in_child_process("deep_items_100", || deep_items(100, false));
}

#[test]
fn deep_items_1000() {
    in_child_process("deep_items_1000", || deep_items(1000, false));
}

#[test]
fn deep_items_10000() {
    in_child_process("deep_items_10000", || deep_items(10_000, false));
}

#[test]
fn deep_items_yaml_100() {
    in_child_process("deep_items_yaml_100", || deep_items(100, true));
}

#[test]
fn deep_items_yaml_10000() {
    in_child_process("deep_items_yaml_10000", || deep_items(10_000, true));
}

/// Block-style YAML nested 1,000 deep, each level one more indent: refused as malformed.
#[test]
fn deep_block_yaml_1000() {
    in_child_process("deep_block_yaml_1000", || {
        let mut text = String::from(
            "openapi: 3.0.3\ninfo: {title: Fuzz, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Deep:\n",
        );
        for level in 0..1000 {
            let indent = " ".repeat(6 + level);
            let _ = writeln!(text, "{indent}type: array\n{indent}items:");
        }
        let _ = writeln!(text, "{}type: string", " ".repeat(6 + 1000));
        let result = run_fixed("deep-block-yaml-1000", text);
        expect_refused("deep-block-yaml-1000", &result, "recursion limit");
    });
}

/// Objects nested `depth` deep, each level an inline struct.
fn deep_properties(depth: usize) {
    let name = format!("deep-properties-{depth}");
    let open = r#"{"type":"object","properties":{"inner":"#.repeat(depth);
    let schema = format!(r#"{open}{{"type":"string"}}{}"#, "}}".repeat(depth));
    let result = run_fixed(
        &name,
        document_text(schema_ref("Raw"), Map::new(), Some(&schema)),
    );
    if depth <= 30 {
        expect_ok(&name, &result);
        assert!(result.as_ref().unwrap().type_count >= depth, "{name}");
    } else {
        // Each level is two JSON levels (`properties`, then the property).
        expect_refused(&name, &result, "recursion limit");
    }
}

#[test]
fn deep_properties_30() {
    in_child_process("deep_properties_30", || deep_properties(30));
}

#[test]
fn deep_properties_1000() {
    in_child_process("deep_properties_1000", || deep_properties(1000));
}

/// A chain of `len` component schemas linked by `link`, used by the operation's response: a
/// short one is generated; a long one (which serde_json's recursion limit cannot stop, as
/// every link is a separate schema) is refused where it goes too deep.
fn ref_chain(len: usize, link: Link) {
    let name = format!("ref-chain-{link:?}-{len}");
    let schemas: Map<String, Value> = chain(len, link).into_iter().collect();
    let result = run_fixed(&name, document_text(schema_ref("Chain0"), schemas, None));
    if len <= 12 {
        expect_ok(&name, &result);
    } else if len >= 1000 {
        expect_warning(&name, &result, "#/components/schemas/Chain", "deep");
    }
}

macro_rules! ref_chain_tests {
    ($($test:ident: $len:expr, $link:ident;)*) => {$(
        #[test]
        fn $test() {
            in_child_process(stringify!($test), || ref_chain($len, Link::$link));
        }
    )*};
}

ref_chain_tests! {
    ref_chain_alias_12: 12, Alias;
    ref_chain_alias_1000: 1000, Alias;
    ref_chain_alias_5000: 5000, Alias;
    ref_chain_alias_20000: 20_000, Alias;
    ref_chain_allof_one_12: 12, AllOfOne;
    ref_chain_allof_one_5000: 5000, AllOfOne;
    ref_chain_allof_merge_12: 12, AllOfMerge;
    ref_chain_allof_merge_5000: 5000, AllOfMerge;
    ref_chain_property_12: 12, Property;
    ref_chain_property_1000: 1000, Property;
    ref_chain_property_5000: 5000, Property;
    ref_chain_items_12: 12, Items;
    ref_chain_items_1000: 1000, Items;
    ref_chain_items_5000: 5000, Items;
    ref_chain_map_12: 12, Map;
    ref_chain_map_1000: 1000, Map;
    ref_chain_map_5000: 5000, Map;
}

/// Runs a small document of `schemas` whose response is `response`, and expects a problem
/// at `at` with `needle`.
fn cycle_case(name: &str, response: Value, schemas: Value, at: &str, needle: &str) {
    let schemas = schemas.as_object().unwrap().clone();
    let result = run_fixed(name, document_text(response, schemas, None));
    expect_warning(name, &result, at, needle);
}

#[test]
fn allof_cycle_of_wrappers() {
    in_child_process("allof_cycle_of_wrappers", || {
        let schemas = json!({
            "A": { "allOf": [{ "$ref": "#/components/schemas/B" }] },
            "B": { "allOf": [{ "$ref": "#/components/schemas/A" }] },
        });
        let at = "#/components/schemas/";
        cycle_case(
            "allof-cycle-of-wrappers",
            schema_ref("A"),
            schemas,
            at,
            "itself",
        );
    });
}

#[test]
fn allof_cycle_of_merges() {
    in_child_process("allof_cycle_of_merges", || {
        let own = json!({ "type": "object", "properties": { "own": { "type": "string" } } });
        let schemas = json!({
            "A": { "allOf": [{ "$ref": "#/components/schemas/B" }, own] },
            "B": { "allOf": [{ "$ref": "#/components/schemas/A" }, own] },
        });
        let at = "#/components/schemas/";
        cycle_case(
            "allof-cycle-of-merges",
            schema_ref("A"),
            schemas,
            at,
            "allOf",
        );
    });
}

#[test]
fn allof_of_itself() {
    in_child_process("allof_of_itself", || {
        let schemas = json!({ "A": { "allOf": [{ "$ref": "#/components/schemas/A" }] } });
        let at = "#/components/schemas/A";
        cycle_case("allof-of-itself", schema_ref("A"), schemas, at, "itself");
    });
}

#[test]
fn allof_merge_of_itself() {
    in_child_process("allof_merge_of_itself", || {
        let schemas = json!({
            "A": {
                "type": "object",
                "properties": { "own": { "type": "string" } },
                "allOf": [{ "$ref": "#/components/schemas/A" }]
            }
        });
        let at = "#/components/schemas/A";
        cycle_case(
            "allof-merge-of-itself",
            schema_ref("A"),
            schemas,
            at,
            "allOf",
        );
    });
}

#[test]
fn component_ref_to_itself() {
    in_child_process("component_ref_to_itself", || {
        let schemas = json!({ "A": { "$ref": "#/components/schemas/A" } });
        let at = "#/components/schemas/A";
        cycle_case(
            "component-ref-to-itself",
            schema_ref("A"),
            schemas,
            at,
            "itself",
        );
    });
}

/// `$ref` loops outside `#/components/schemas/<name>`, which the generator follows in place:
/// a property that refers to itself, two that refer to each other, an `items` that refers
/// to its own array, a response schema that refers to itself, a component whose name has a
/// `/` (so its references are not taken for component references).
#[test]
fn nested_ref_loops() {
    in_child_process("nested_ref_loops", || {
        let property =
            |p: &str| json!({ "$ref": format!("#/components/schemas/A/properties/{p}") });
        let object =
            |properties: Value| json!({ "A": { "type": "object", "properties": properties } });
        let response = "#/paths/~1things/get/responses/200/content/application~1json/schema";
        let cases = [
            (
                "property-to-itself",
                schema_ref("A"),
                object(json!({ "p": property("p") })),
            ),
            (
                "properties-to-each-other",
                schema_ref("A"),
                object(json!({ "p": property("q"), "q": property("p") })),
            ),
            (
                "items-to-its-array",
                schema_ref("A"),
                object(json!({ "l": { "type": "array", "items": property("l") } })),
            ),
            ("response-to-itself", json!({ "$ref": response }), json!({})),
            (
                "slashed-name-to-itself",
                schema_ref("a/b"),
                json!({ "a/b": { "$ref": "#/components/schemas/a~1b" } }),
            ),
        ];
        for (name, response, schemas) in cases {
            let schemas = schemas.as_object().unwrap().clone();
            let result = run_fixed(name, document_text(response, schemas, None));
            expect_warning(name, &result, "#/", "");
        }
    });
}

/// Huge strings: a 1 MB description (one line, and many lines), 100 kB property names of
/// lower-case, upper-case and non-ASCII letters, a 100 kB operationId and title.
fn huge_strings(case: &str) {
    let name = format!("huge-{case}");
    let mut schemas = Map::new();
    schemas.insert(
        "Widget".to_string(),
        json!({ "type": "object", "properties": { "name": { "type": "string" } } }),
    );
    let mut doc = document(schema_ref("Widget"), schemas);
    let widget = "/components/schemas/Widget";
    match case {
        "description" => {
            doc.pointer_mut(widget).unwrap()["description"] = json!(huge_text(1 << 20, "a", false));
        }
        "description-lines" => {
            doc.pointer_mut(widget).unwrap()["description"] =
                json!(huge_text(1 << 20, "word word", true));
        }
        "property-lowercase" | "property-uppercase" | "property-unicode" => {
            let fill = match case {
                "property-lowercase" => "a",
                "property-uppercase" => "A",
                _ => "é",
            };
            let at = format!("{widget}/properties/name");
            rename(&mut doc, &at, &huge_text(100_000, fill, false));
        }
        "operation-id" => {
            doc["paths"]["/things"]["get"]["operationId"] =
                json!(huge_text(100_000, "Things_getA", false));
        }
        "title" => {
            doc["info"]["title"] = json!(huge_text(100_000, "Widget Store ", false));
        }
        other => unreachable!("{other}"),
    }
    let result = run_fixed(&name, serde_json::to_string(&doc).unwrap());
    expect_ok(&name, &result);
}

#[test]
fn huge_description() {
    in_child_process("huge_description", || huge_strings("description"));
}

#[test]
fn huge_description_of_many_lines() {
    in_child_process("huge_description_of_many_lines", || {
        huge_strings("description-lines")
    });
}

#[test]
fn huge_property_name_lowercase() {
    in_child_process("huge_property_name_lowercase", || {
        huge_strings("property-lowercase")
    });
}

#[test]
fn huge_property_name_uppercase() {
    in_child_process("huge_property_name_uppercase", || {
        huge_strings("property-uppercase")
    });
}

#[test]
fn huge_property_name_unicode() {
    in_child_process("huge_property_name_unicode", || {
        huge_strings("property-unicode")
    });
}

#[test]
fn huge_operation_id() {
    in_child_process("huge_operation_id", || huge_strings("operation-id"));
}

#[test]
fn huge_title() {
    in_child_process("huge_title", || huge_strings("title"));
}

/// An object with thousands of properties, with distinct Rust names or all the same one.
fn thousands_of_properties(count: usize, colliding: bool) {
    let name = format!(
        "properties-{count}{}",
        if colliding { "-colliding" } else { "" }
    );
    let mut schemas = Map::new();
    schemas.insert("Wide".to_string(), many_properties(count, colliding));
    let result = run_fixed(&name, document_text(schema_ref("Wide"), schemas, None));
    expect_ok(&name, &result);
}

#[test]
fn properties_10000() {
    in_child_process("properties_10000", || {
        thousands_of_properties(10_000, false)
    });
}

#[test]
fn properties_2000_colliding() {
    in_child_process("properties_2000_colliding", || {
        thousands_of_properties(2000, true)
    });
}

/// 8,000 property names that differ only in punctuation (`x`, `x-`, `x.`, …): numbering them
/// once took quadratic time (more than 10 s).
#[test]
fn properties_8000_colliding() {
    in_child_process("properties_8000_colliding", || {
        thousands_of_properties(8000, true)
    });
}

/// The seeds as they are: every one is generated, the same twice.
#[test]
fn seeds_are_generated() {
    for seed in seeds() {
        let text: Arc<str> = Arc::from(serde_json::to_string(&seed.document).unwrap());
        let first = run(&seed.name, Arc::clone(&text)).unwrap();
        assert!(first.is_ok(), "{}: {}", seed.name, summary(&first));
        check_shape(&first).unwrap();
        let second = run(&seed.name, text).unwrap();
        assert!(same(&first, &second), "{}: two runs differ", seed.name);
    }
}

/// A schema nested `depth` deep whose innermost schema is invalid (`type: 7` under `items`,
/// `null` under `properties`): refused, at the component.
fn invalid_deep_schema(depth: usize, through_items: bool) {
    let name = format!(
        "invalid-schema-{depth}-deep-{}",
        if through_items { "items" } else { "properties" }
    );
    let mut schema = if through_items {
        json!({ "type": 7 })
    } else {
        Value::Null
    };
    for _ in 0..depth {
        schema = if through_items {
            json!({ "type": "array", "items": schema })
        } else {
            json!({ "type": "object", "properties": { "inner": schema } })
        };
    }
    let mut schemas = Map::new();
    schemas.insert("Deep".to_string(), schema);
    let result = run_fixed(&name, document_text(schema_ref("Deep"), schemas, None));
    let message = if through_items {
        "unknown schema type"
    } else {
        "a schema must be an object"
    };
    expect_warning(&name, &result, "#/components/schemas/Deep", message);
}

#[test]
fn invalid_schema_10_deep() {
    in_child_process("invalid_schema_10_deep", || {
        invalid_deep_schema(10, false);
        invalid_deep_schema(10, true);
    });
}

/// 24 levels once took more than a minute: openapiv3's untagged schema model retried every
/// alternative at every level. It no longer reads schemas.
#[test]
fn invalid_schema_24_deep() {
    in_child_process("invalid_schema_24_deep", || {
        invalid_deep_schema(24, false);
        invalid_deep_schema(24, true);
    });
}
