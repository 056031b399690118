//! Stage 2: the parsed document in, a resolved model of the client out.
//!
//! Types live in an arena (`Api::types`) addressed by index. A component schema gets its index
//! reserved before its body is read, so forward and recursive references resolve; a pass at
//! the end boxes the fields that close a cycle. Only schemas that some operation reaches become
//! types: the rest are reported as warnings, so that the crate's public API is what the service
//! uses. Every problem is collected with its JSON pointer and the walk goes on, so one run
//! reports them all.
//!
//! Schemas are read from the raw JSON value, not from openapiv3's `Schema`: openapiv3 drops the
//! keywords that stand beside a `$ref` (`description`, `pattern`, `readOnly`, …), which Microsoft's
//! TypeSpec emitter writes on nearly every property.

use crate::Problem;
use crate::load::{Document, escape};
use crate::naming::{self, Scope};
use xml::prefixed;

mod xml;
use openapiv3::{Parameter, ParameterSchemaOrContent, ReferenceOr, StatusCode};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Index of a type in [`Api::types`].
pub type TypeId = usize;

/// The resolved model of one document.
#[derive(Debug)]
pub struct Api {
    /// `info.title`, e.g. `Widget Store`.
    pub title: String,
    /// `info.description`.
    pub description: Option<String>,
    /// `info.version`, the default api-version.
    pub version: String,
    /// Rust name of the client, e.g. `WidgetStoreClient`.
    pub client_name: String,
    /// Rust name of the client's options, e.g. `WidgetStoreClientOptions`.
    pub client_options_name: String,
    /// The crate's package name, e.g. `widget-store-client`.
    pub crate_name: String,
    /// How the endpoint argument relates to the document's server.
    pub server: Server,
    /// How requests are authorized: the client's `new` takes this credential.
    pub auth: Auth,
    /// The other ways the document's `security` offers (one each, in its order): each gets a
    /// constructor of its own (`with_api_key`, `anonymous`, …).
    pub auth_alternatives: Vec<Auth>,
    /// Every generated type; indices are [`TypeId`]s.
    pub types: Vec<TypeDef>,
    /// Every operation, in document order.
    pub operations: Vec<Operation>,
    /// The root client (index 0) and one sub-client per operation group.
    pub clients: Vec<ClientDef>,
}

/// A client type: the root client, or a sub-client serving one operation group (the part of
/// an operationId before `_`, e.g. `DevBoxes` in `DevBoxes_createDevBox`), as Azure SDKs group
/// operations by resource.
#[derive(Debug)]
pub struct ClientDef {
    /// Rust name, e.g. `WidgetStoreGadgetsClient`.
    pub name: String,
    /// The root client's method returning this sub-client; `None` for the root itself.
    pub accessor: Option<String>,
    /// The operation group's name as the document writes it.
    pub group: Option<String>,
}

/// The document's first server, as the client's `endpoint` argument sees it.
#[derive(Debug, Default)]
pub struct Server {
    /// The path segments the server URL adds after the endpoint (`{endpoint}/v1` adds `v1`).
    pub path_prefix: Vec<Vec<PrefixPart>>,
    /// The server variables after the endpoint's, each a field of the client's options.
    pub variables: Vec<ServerVariable>,
    /// What the document says the endpoint is (the server variable's or the server's description).
    pub endpoint_docs: Option<String>,
    /// The document's fixed server URL, when it has one instead of a `{variable}`.
    pub fixed_url: Option<String>,
}

/// A piece of a server URL's path segment: `api-version:{version}` is a literal and a variable.
#[derive(Debug, PartialEq, Eq)]
pub enum PrefixPart {
    Literal(String),
    /// The variable's options field (snake case) and its name in the document.
    Variable {
        field: String,
        name: String,
    },
}

/// A server variable other than the endpoint: a field of the client's options.
#[derive(Debug)]
pub struct ServerVariable {
    /// The options field, e.g. `api_version`.
    pub field: String,
    /// The default value: the document's, else its first allowed value.
    pub default: String,
    pub docs: Vec<String>,
}

/// How requests are authorized.
#[derive(Debug, PartialEq, Eq)]
pub enum Auth {
    /// No security requirement: the client takes no credential.
    None,
    /// Bearer tokens from an `azure_core` `TokenCredential`: OAuth2 with these scopes, or an
    /// HTTP `bearer` scheme (no scopes).
    Bearer { scopes: Vec<String> },
    /// An API key, sent as this header or query parameter.
    ApiKey { name: String, in_query: bool },
    /// HTTP `basic`: a user name and password.
    Basic,
    /// Another HTTP scheme (`SharedAccessKey`, say): `Authorization: <scheme> <key>`.
    Scheme { scheme: String },
}

impl Auth {
    /// Whether the credential is a secret the client adds to requests itself (`SecretPolicy`).
    pub fn is_secret(&self) -> bool {
        matches!(
            self,
            Auth::ApiKey { .. } | Auth::Basic | Auth::Scheme { .. }
        )
    }
}

/// A Rust type as used in a field, parameter or body.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    Bool,
    I32,
    I64,
    /// `format: uint64`, whose values may exceed `i64`.
    U64,
    F32,
    F64,
    String,
    /// `format: date-time`, RFC 3339 on the wire.
    DateTime,
    /// A schema without a type: any JSON value.
    Json,
    /// Raw bytes: an `application/octet-stream` body.
    Bytes,
    List(Box<Type>),
    /// `additionalProperties`: a map from string keys.
    Map(Box<Type>),
    /// A list item or map value that may be `null` (`nullable: true`): an `Option`.
    Nullable(Box<Type>),
    /// A file (`format: binary`) in a multipart body: its contents, name and media type.
    File,
    Named(TypeId),
}

/// A generated struct or enum.
#[derive(Debug)]
pub struct TypeDef {
    /// Rust name, unique in the crate.
    pub name: String,
    /// Rustdoc lines.
    pub docs: Vec<String>,
    pub kind: TypeKind,
    /// Sent in some request body: such models can be built by users.
    pub in_request: bool,
    /// Sent or read as XML: its fields take their XML names (`FieldXml`).
    pub xml: bool,
    /// Its root element's name in XML: the document's `xml.name`, else the schema's name.
    pub xml_name: String,
    /// The XML namespaces (prefix, URI) its root element declares.
    pub xml_namespaces: Vec<(String, String)>,
    /// Sent in a JSON merge-patch body, where `null` removes a value (RFC 7396): its fields
    /// can say `null` (`Some(None)`) apart from absent (`None`), and so can its maps' values.
    pub merge_patch: bool,
    /// Body of an error response: gets a way to read it back from `azure_core::Error`.
    pub is_error: bool,
    /// Shaped like Azure.Core's status monitor: implements azure_core's `StatusMonitor`.
    pub status_monitor: Option<StatusMonitor>,
}

/// How a status model tells whether its operation has ended: its `status` property is an enum
/// with terminal values (`Succeeded`, `Failed`, `Canceled`), as in Azure.Core's
/// `ResourceOperationStatus`. Every other value, known or not, means "in progress".
#[derive(Debug)]
pub struct StatusMonitor {
    /// Rust name of the `status` field.
    pub status_field: String,
    /// The field's enum type.
    pub states: TypeId,
    /// Rust names of the enum's terminal variants, with what each means.
    pub terminal: Vec<(String, Terminal)>,
    /// Rust name of the `error` field, when its model has string `code` and `message` fields.
    pub error_field: Option<String>,
}

/// What a terminal state means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Terminal {
    Succeeded,
    Failed,
    Canceled,
}

#[derive(Debug)]
pub enum TypeKind {
    Struct {
        fields: Vec<Field>,
    },
    Enum {
        variants: Vec<Variant>,
        extensible: bool,
    },
    /// A `oneOf` without a discriminator: the first variant whose type reads the value.
    Untagged {
        variants: Vec<(String, Type)>,
    },
    /// A schema with a `discriminator`: one variant per known value of the discriminating
    /// property, each a struct; a value this client does not know is kept as JSON.
    Union {
        /// The discriminating property's wire name, e.g. `kind`.
        property: String,
        variants: Vec<UnionVariant>,
    },
}

/// One known kind of a discriminated union.
#[derive(Debug)]
pub struct UnionVariant {
    pub name: String,
    /// The discriminating property's value for this kind.
    pub value: String,
    /// The struct this kind is.
    pub ty: TypeId,
}

/// One property of a struct.
#[derive(Debug)]
pub struct Field {
    /// Rust name (possibly `r#type`).
    pub name: String,
    /// Name on the wire.
    pub json_name: String,
    pub ty: Type,
    /// Set by the service: never serialized.
    pub read_only: bool,
    /// Closes a cycle of struct fields, so it is stored in a `Box`.
    pub boxed: bool,
    /// The map of the properties the schema does not name (`additionalProperties`), flattened
    /// into the object on the wire.
    pub additional: bool,
    /// How the field reads in XML, for models sent or read as XML.
    pub xml: FieldXml,
    pub docs: Vec<String>,
}

/// A field in XML: an element (a list's items repeat it, unless the list is wrapped) or an
/// attribute (`@name`), named by the document's `xml` object, else by the property.
#[derive(Debug, Default)]
pub struct FieldXml {
    /// The element's name (`prefix:name` where the document gives a prefix), or `@` and the
    /// attribute's name.
    pub name: String,
    /// For a wrapped list (`xml.wrapped`), the name of the item elements inside the element.
    pub item: Option<String>,
}

/// One known value of an enum.
#[derive(Debug)]
pub struct Variant {
    pub name: String,
    pub value: String,
    /// What the value means, where the document says (a `oneOf` member's description).
    pub docs: Vec<String>,
}

/// One operation, which becomes one client method.
#[derive(Debug)]
pub struct Operation {
    /// Where the operation is in the document.
    pub pointer: String,
    /// Index of the client (in [`Api::clients`]) whose method this is.
    pub client: usize,
    /// Rust method name.
    pub method_name: String,
    /// Rust name of the method's options struct.
    pub options_name: String,
    /// HTTP method, as azure_core's `Method` variant name (`Get`, `Put`, …).
    pub http_method: &'static str,
    /// The path template as written, for the docs.
    pub path: String,
    /// The path's segments after the server prefix.
    pub segments: Vec<Vec<SegmentPart>>,
    /// Parameters that are method arguments, in the order they appear in the path, then the rest.
    pub required: Vec<Param>,
    /// Optional parameters, which are fields of the options struct.
    pub optional: Vec<Param>,
    /// Whether the client's api-version is sent as the `api-version` query parameter.
    pub sends_api_version: bool,
    /// The request body, if any.
    pub body: Option<Body>,
    /// What the 2xx responses carry.
    pub reply: Reply,
    /// A 2xx response declares an `Operation-Location` header.
    pub operation_location: bool,
    /// Long-running: the method (`begin_*`) returns a poller that follows `Operation-Location`.
    pub long_running: Option<LongRunning>,
    /// The reply is a page of a list (`value` and `nextLink`): the method returns a pager.
    pub paged: Option<Paging>,
    /// Rustdoc lines.
    pub docs: Vec<String>,
    /// Rustdoc lines for the `# Errors` section.
    pub error_docs: Vec<String>,
    /// A GET of a status model: also gets a method that polls it until the operation ends.
    pub poll: Option<Poll>,
}

/// What the 2xx responses of an operation carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// No body.
    Empty,
    /// A JSON body of this type.
    Json(Type),
    /// An XML body of this type.
    Xml(Type),
    /// A `text/plain` body.
    Text,
    /// Bytes: an `application/octet-stream` or file body; `accept` lists its media types.
    Binary { accept: String },
}

/// How a long-running operation ends.
#[derive(Debug)]
pub struct LongRunning {
    /// The status model the `Operation-Location` URL returns.
    pub status: TypeId,
    /// The poller's result: the resource (fetched again from the request's URL once the
    /// operation succeeded, for PUT and PATCH), else the final status itself.
    pub result: Type,
    /// Whether the result is fetched from the request's URL at the end.
    pub fetch_result: bool,
}

/// A paged list: the page model, and the type of its items.
#[derive(Debug)]
pub struct Paging {
    pub page: TypeId,
    pub item: Type,
    /// Rust name of the page's `value` field.
    pub items_field: String,
    /// Rust name of the page's `nextLink` field.
    pub next_link_field: String,
}

/// Names of the polling method of a status GET.
#[derive(Debug)]
pub struct Poll {
    pub method_name: String,
    pub options_name: String,
}

/// A part of one path segment: literal text or a path parameter (index into `required`).
#[derive(Debug, PartialEq, Eq)]
pub enum SegmentPart {
    Literal(String),
    Param(usize),
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    Path,
    Query,
    Header,
}

/// A path, query or header parameter.
#[derive(Debug)]
pub struct Param {
    pub name: String,
    pub wire_name: String,
    pub location: Location,
    pub ty: Type,
    pub docs: Vec<String>,
    /// A list sent as one pair per item (`tags=a&tags=b`) rather than joined.
    pub explode: bool,
    /// What joins a list's items when it is not exploded: `,` (`form`, `simple`), ` `
    /// (`spaceDelimited`) or `|` (`pipeDelimited`).
    pub separator: &'static str,
}

/// A request body.
#[derive(Debug)]
pub struct Body {
    pub ty: Type,
    /// How the body is written.
    pub encoding: Encoding,
    /// The media type, e.g. `application/json` or `application/merge-patch+json`.
    pub content_type: String,
    /// For a file the document lets be of several types (or any: `*/*`), those types: the
    /// method then takes the body's `content_type` from the caller.
    pub content_types: Vec<String>,
    /// For a multipart body, the media type the document gives a part (`encoding`), by the
    /// property's name.
    pub part_types: BTreeMap<String, String>,
    pub required: bool,
    pub docs: Vec<String>,
}

/// How deeply schemas may nest (inline or through references not yet read): far beyond every
/// document in this repository, and shallow enough for a test thread's 2 MiB stack.
const MAX_DEPTH: usize = 64;

/// The error a poller ends with when its operation failed or was canceled.
pub const OPERATION_FAILURE: &str = "OperationFailure";

/// Type names the generated code defines for itself, which no schema may take.
const GENERATED_NAMES: &[&str] = &[
    OPERATION_FAILURE,
    "OperationProgress",
    "Outcome",
    "TextFormat",
    "BinaryFormat",
    "FilePart",
];

/// How a request body is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// JSON (`application/json` or any `+json` type).
    Json,
    /// XML (`application/xml`, `text/xml` or any `+xml` type).
    Xml,
    /// `application/x-www-form-urlencoded`, from an object's fields.
    Form,
    /// `text/plain`, from a `String`.
    Text,
    /// `application/octet-stream` or a file type (`image/png`, `*/*`), from bytes.
    Binary,
    /// `multipart/form-data`, from an object's fields: one part each (RFC 7578).
    Multipart,
}

/// The encoding of a non-JSON media type this client can send or read. Files (images, audio,
/// video, fonts, or any type: `*/*`) are bytes, as octet-stream is.
fn encoding_of(content_type: &str) -> Option<Encoding> {
    let media_type = content_type.split(';').next().unwrap_or("").trim();
    match media_type {
        _ if is_xml(media_type) => Some(Encoding::Xml),
        "multipart/form-data" => Some(Encoding::Multipart),
        "application/x-www-form-urlencoded" => Some(Encoding::Form),
        "text/plain" => Some(Encoding::Text),
        "application/octet-stream" | "*/*" => Some(Encoding::Binary),
        _ => match media_type.split_once('/') {
            Some(("image" | "audio" | "video" | "font", _)) => Some(Encoding::Binary),
            _ => None,
        },
    }
}

/// The api-version query parameter is the client's, not each method's (Azure convention).
const API_VERSION: &str = "api-version";

/// Builds the model, or returns every problem found (sorted by location).
pub fn build(document: &Document) -> Result<(Api, Vec<Problem>), Vec<Problem>> {
    let mut builder = Builder::new(&document.raw);
    let api = builder.api(&document.api);
    if builder.problems.is_empty() {
        Ok((api, builder.warnings))
    } else {
        builder.problems.sort();
        builder.problems.dedup();
        Err(builder.problems)
    }
}

struct Builder<'a> {
    raw: &'a Value,
    problems: Vec<Problem>,
    warnings: Vec<Problem>,
    types: Vec<TypeDef>,
    /// Rust names of the component schemas, decided up front so they do not depend on the
    /// order in which operations reach them.
    component_names: BTreeMap<String, String>,
    /// What each component schema resolved to.
    resolved: HashMap<String, Type>,
    /// Component schemas being resolved as aliases, to catch `A: {$ref: A}` loops.
    resolving: BTreeSet<String>,
    /// Component schemas whose properties some struct took on through `allOf`.
    merged: BTreeSet<String>,
    /// Inline objects that are kinds of a union tagged by one of their properties, and that
    /// property, which the union's variant implies and so the struct leaves out.
    implied_tags: HashMap<String, String>,
    type_names: Scope,
    /// How deeply `schema_type` is nested now.
    depth: usize,
}

impl<'a> Builder<'a> {
    fn new(raw: &'a Value) -> Self {
        Self {
            raw,
            problems: Vec::new(),
            warnings: Vec::new(),
            types: Vec::new(),
            component_names: BTreeMap::new(),
            resolved: HashMap::new(),
            resolving: BTreeSet::new(),
            merged: BTreeSet::new(),
            implied_tags: HashMap::new(),
            type_names: Scope::default(),
            depth: 0,
        }
    }

    fn problem(&mut self, pointer: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(pointer, message));
    }

    fn api(&mut self, api: &openapiv3::OpenAPI) -> Api {
        let title = api.info.title.clone();
        let client_name = format!("{}Client", naming::type_name(&title));
        let client_options_name = format!("{client_name}Options");
        let own = [&client_name, &client_options_name]
            .into_iter()
            .cloned()
            .chain(
                GENERATED_NAMES
                    .iter()
                    .chain(naming::PRELUDE_NAMES)
                    .map(|n| n.to_string()),
            );
        self.type_names = Scope::with_reserved(own);
        self.name_components();

        let (auth, auth_alternatives) = self.auth(api);
        let server = self.server(api);
        let (operations, clients) = self.operations(api, &title, &client_name);
        self.box_cycles();
        self.mark_usage(&operations);
        for id in 0..self.types.len() {
            self.types[id].status_monitor = self.status_monitor(id);
        }
        self.report_unused_components();

        Api {
            crate_name: format!("{}-client", crate_stem(&title)),
            title,
            description: api.info.description.clone(),
            version: api.info.version.clone(),
            client_name,
            client_options_name,
            server,
            auth,
            auth_alternatives,
            types: std::mem::take(&mut self.types),
            operations,
            clients,
        }
    }

    /// Names every component schema: its short name (`Azure.Core.Foundations.Error` is
    /// `Error`) unless another schema shares it, then its full name.
    fn name_components(&mut self) {
        let keys: Vec<String> = match self.raw.pointer("/components/schemas") {
            Some(Value::Object(schemas)) => schemas.keys().cloned().collect(),
            _ => Vec::new(),
        };
        let mut short_counts: HashMap<String, usize> = HashMap::new();
        for key in &keys {
            *short_counts
                .entry(naming::type_name(naming::short_schema_name(key)))
                .or_default() += 1;
        }
        let mut sorted = keys;
        sorted.sort();
        for key in sorted {
            let short = naming::type_name(naming::short_schema_name(&key));
            let name = if short_counts[&short] == 1 {
                short
            } else {
                naming::type_name(&key)
            };
            let name = self.type_names.claim(name);
            self.component_names.insert(key, name);
        }
    }

    // ---- server and security ------------------------------------------------------------

    fn server(&mut self, api: &openapiv3::OpenAPI) -> Server {
        let Some(server) = api.servers.first() else {
            return Server::default();
        };
        let url = server.url.trim_end_matches('/');
        if !url.contains('{') {
            return Server {
                fixed_url: Some(url.to_string()),
                endpoint_docs: server.description.clone(),
                ..Server::default()
            };
        }
        // `{endpoint}/path`: the first variable is the endpoint argument; the path after it may
        // hold other variables (`{endpoint}/v/{apiVersion}`), which become client options.
        let endpoint = url
            .strip_prefix('{')
            .and_then(|rest| rest.split_once('}'))
            .filter(|(_, rest)| rest.is_empty() || rest.starts_with('/'));
        let Some((name, rest)) = endpoint else {
            self.problem(
                "#/servers/0/url",
                format!("server URL `{url}` is not supported: it must start with a `{{variable}}` for the endpoint, followed by a path"),
            );
            return Server::default();
        };
        let declared = server.variables.as_ref();
        let docs = declared
            .and_then(|variables| variables.get(name))
            .and_then(|variable| variable.description.clone())
            .or_else(|| server.description.clone());
        let mut variables: Vec<ServerVariable> = Vec::new();
        let mut path_prefix = Vec::new();
        for segment in rest.split('/').filter(|s| !s.is_empty()) {
            let Some(parts) = template_parts(segment) else {
                self.problem(
                    "#/servers/0/url",
                    format!(
                        "server URL `{url}`: the segment `{segment}` has an unclosed or empty `{{`"
                    ),
                );
                return Server::default();
            };
            let mut prefix_parts = Vec::new();
            for (literal, variable) in parts {
                if !literal.is_empty() {
                    prefix_parts.push(PrefixPart::Literal(literal.to_string()));
                }
                let Some(variable) = variable else { continue };
                let Some(declaration) = declared.and_then(|v| v.get(variable)) else {
                    self.problem(
                        "#/servers/0/variables",
                        format!("server URL `{url}` uses `{{{variable}}}`, which the server's variables do not declare"),
                    );
                    return Server::default();
                };
                // A variable whose allowed values include the document's version is the API
                // version: it shares the `api_version` option.
                let field = if declaration.enumeration.contains(&api.info.version) {
                    "api_version".to_string()
                } else {
                    naming::value_name(variable)
                };
                if field == "api_version" {
                    prefix_parts.push(PrefixPart::Variable {
                        field,
                        name: variable.to_string(),
                    });
                    continue;
                }
                if !variables.iter().any(|v| v.field == field) {
                    let default = Some(declaration.default.clone())
                        .filter(|d| !d.is_empty())
                        .or_else(|| declaration.enumeration.first().cloned())
                        .unwrap_or_default();
                    let mut docs = lines(declaration.description.as_deref());
                    if !declaration.enumeration.is_empty() {
                        docs.push(format!(
                            "One of: `{}`.",
                            declaration.enumeration.join("`, `")
                        ));
                    }
                    variables.push(ServerVariable {
                        field: field.clone(),
                        default,
                        docs,
                    });
                }
                prefix_parts.push(PrefixPart::Variable {
                    field,
                    name: variable.to_string(),
                });
            }
            path_prefix.push(prefix_parts);
        }
        Server {
            path_prefix,
            variables,
            endpoint_docs: docs,
            fixed_url: None,
        }
    }

    /// How the client authorizes: the scheme of the first security requirement (the
    /// document's, else an operation's), and the other schemes the document's own `security`
    /// offers instead (`{}` offers no credential at all). For OAuth2, the scopes of that
    /// requirement, or all the scheme's scopes where it lists none. One credential serves every
    /// request (and Entra ID refuses a token request that mixes resources), so an operation that
    /// asks for something else is named in a warning.
    fn auth(&mut self, api: &openapiv3::OpenAPI) -> (Auth, Vec<Auth>) {
        let mut offered: Vec<Auth> = Vec::new();
        for (i, requirement) in api.security.iter().flatten().enumerate() {
            let pointer = format!("#/security/{i}");
            if requirement.is_empty() && !offered.contains(&Auth::None) {
                offered.push(Auth::None);
            }
            for (scheme_name, scopes) in requirement {
                let Some(auth) = self.scheme(api, &pointer, scheme_name, scopes) else {
                    continue;
                };
                // One constructor a kind of credential: another token scope is not a new way in.
                let same_kind = offered
                    .iter()
                    .find(|known| std::mem::discriminant(*known) == std::mem::discriminant(&auth));
                match same_kind {
                    None => offered.push(auth),
                    Some(known) if serves(known, &auth) => {}
                    Some(known) => self.warnings.push(Problem::new(
                        pointer.clone(),
                        format!("asks for {auth:?}; the client uses {known:?} instead"),
                    )),
                }
            }
        }
        for (path, method, operation) in operations_of(api) {
            for (i, requirement) in operation.security.iter().flatten().enumerate() {
                let pointer = format!("#/paths/{}/{method}/security/{i}", escape(path));
                for (scheme_name, scopes) in requirement {
                    let Some(auth) = self.scheme(api, &pointer, scheme_name, scopes) else {
                        continue;
                    };
                    match offered.first() {
                        None => offered.push(auth),
                        Some(_) if offered.iter().any(|known| serves(known, &auth)) => {}
                        Some(first) => self.warnings.push(Problem::new(
                            pointer.clone(),
                            format!(
                                "asks for {auth:?}; the client uses {first:?} for every operation"
                            ),
                        )),
                    }
                }
            }
        }
        let mut offered = offered.into_iter();
        (offered.next().unwrap_or(Auth::None), offered.collect())
    }

    /// The credential a security scheme takes, or `None` (with a problem) for one the client
    /// cannot use.
    fn scheme(
        &mut self,
        api: &openapiv3::OpenAPI,
        pointer: &str,
        scheme_name: &str,
        required_scopes: &[String],
    ) -> Option<Auth> {
        use openapiv3::{APIKeyLocation, SecurityScheme};
        let schemes = api.components.as_ref().map(|c| &c.security_schemes);
        let at = format!("#/components/securitySchemes/{}", escape(scheme_name));
        Some(match schemes.and_then(|s| s.get(scheme_name)) {
            Some(ReferenceOr::Item(SecurityScheme::OAuth2 { flows, .. })) => Auth::Bearer {
                scopes: if required_scopes.is_empty() {
                    oauth2_scopes(flows)
                } else {
                    required_scopes.to_vec()
                },
            },
            Some(ReferenceOr::Item(SecurityScheme::HTTP { scheme, .. }))
                if scheme.eq_ignore_ascii_case("bearer") =>
            {
                Auth::Bearer { scopes: Vec::new() }
            }
            Some(ReferenceOr::Item(SecurityScheme::HTTP { scheme, .. }))
                if scheme.eq_ignore_ascii_case("basic") =>
            {
                Auth::Basic
            }
            Some(ReferenceOr::Item(SecurityScheme::HTTP { scheme, .. })) => Auth::Scheme {
                scheme: scheme.clone(),
            },
            Some(ReferenceOr::Item(SecurityScheme::APIKey { location, name, .. }))
                if !matches!(location, APIKeyLocation::Cookie) =>
            {
                Auth::ApiKey {
                    name: name.clone(),
                    in_query: matches!(location, APIKeyLocation::Query),
                }
            }
            Some(_) => {
                self.problem(
                    at,
                    "supported security schemes are OAuth2, HTTP authentication and API keys in a header or query",
                );
                return None;
            }
            None => {
                self.problem(
                    pointer,
                    format!("security requirement names `{scheme_name}`, which is not in #/components/securitySchemes"),
                );
                return None;
            }
        })
    }

    // ---- operations ------------------------------------------------------------------------

    /// Reads every operation and sorts it into the root client or its group's sub-client.
    fn operations(
        &mut self,
        api: &openapiv3::OpenAPI,
        title: &str,
        client_name: &str,
    ) -> (Vec<Operation>, Vec<ClientDef>) {
        let root = ClientDef {
            name: client_name.to_string(),
            accessor: None,
            group: None,
        };
        // Each client's method names; the root's own methods are taken from the start.
        let mut clients = vec![(
            root,
            Scope::with_reserved(["new", "endpoint", "api_version"].map(String::from)),
        )];
        let mut seen_ids: HashMap<String, String> = HashMap::new();
        let mut operations = Vec::new();
        for (path, item) in &api.paths.paths {
            let item_pointer = format!("#/paths/{}", escape(path));
            let ReferenceOr::Item(item) = item else {
                self.problem(item_pointer, "a `$ref` path item is not supported");
                continue;
            };
            for (method, operation) in item.iter() {
                let pointer = format!("{item_pointer}/{method}");
                let operation_id = match &operation.operation_id {
                    Some(id) => {
                        if let Some(first) = seen_ids.get(id) {
                            self.problem(
                                format!("{pointer}/operationId"),
                                format!("duplicate operationId `{id}` (first used at {first})"),
                            );
                            continue;
                        }
                        seen_ids.insert(id.clone(), pointer.clone());
                        id.clone()
                    }
                    // Without an id, the method and the path's literal words name it.
                    None => format!("{method} {}", path.replace(['{', '}'], "")),
                };
                // `Group_action`: a group named like the service itself is the root client's.
                let (group, action) = match operation_id.split_once('_') {
                    Some((group, action)) if !group.is_empty() && !action.is_empty() => {
                        let is_root = naming::type_name(group) == naming::type_name(title);
                        ((!is_root).then_some(group), action)
                    }
                    _ => (None, operation_id.as_str()),
                };
                let client = match group {
                    None => 0,
                    Some(group) => match clients
                        .iter()
                        .position(|(c, _)| c.group.as_deref() == Some(group))
                    {
                        Some(index) => index,
                        None => {
                            let name = self.type_names.claim(format!(
                                "{}{}Client",
                                naming::type_name(title),
                                naming::type_name(group)
                            ));
                            let accessor = clients[0].1.claim(format!(
                                "{}_client",
                                naming::value_name(group).trim_start_matches("r#")
                            ));
                            let def = ClientDef {
                                name,
                                accessor: Some(accessor),
                                group: Some(group.to_string()),
                            };
                            let own = ["endpoint", "api_version"].map(String::from);
                            clients.push((def, Scope::with_reserved(own)));
                            clients.len() - 1
                        }
                    },
                };
                let method_name = clients[client].1.claim(naming::value_name(action));
                let owner = clients[client].0.name.clone();
                let options_name = self
                    .type_names
                    .claim(format!("{owner}{}Options", naming::type_name(action)));
                if let Some(mut op) = self.operation(
                    api,
                    path,
                    method,
                    &item.parameters,
                    operation,
                    &pointer,
                    method_name,
                    options_name,
                    &naming::type_name(&operation_id),
                ) {
                    op.client = client;
                    let polls_status = op.http_method == "Get"
                        && matches!(op.reply, Reply::Json(Type::Named(id)) if self.status_monitor(id).is_some());
                    if polls_status {
                        let poll_method =
                            format!("poll_{}", op.method_name.trim_start_matches("r#"));
                        op.poll = Some(Poll {
                            options_name: self.type_names.claim(format!(
                                "{owner}{}Options",
                                naming::type_name(&poll_method)
                            )),
                            method_name: clients[client].1.claim(poll_method),
                        });
                    }
                    operations.push(op);
                }
            }
        }
        self.long_running_and_paging(&mut operations, &mut clients);
        (
            operations,
            clients.into_iter().map(|(client, _)| client).collect(),
        )
    }

    /// Marks long-running and paged operations; a long-running method is named `begin_*`.
    ///
    /// An `Operation-Location` URL returns a status model, which the document does not name:
    /// it is the reply's own body when that is a status model (a DELETE's 202, say), else the
    /// status model most long-running replies carry, else the document's only status model.
    fn long_running_and_paging(
        &mut self,
        operations: &mut [Operation],
        clients: &mut [(ClientDef, Scope)],
    ) {
        // Each operation's reply body, where that is a status model.
        let own_status: Vec<Option<TypeId>> = operations
            .iter()
            .map(|op| match op.reply {
                Reply::Json(Type::Named(id)) if self.status_monitor(id).is_some() => Some(id),
                _ => None,
            })
            .collect();
        let mut votes: BTreeMap<TypeId, usize> = BTreeMap::new();
        for (op, own) in operations.iter().zip(&own_status) {
            if let (true, Some(id)) = (op.operation_location, own) {
                *votes.entry(*id).or_default() += 1;
            }
        }
        let all: Vec<TypeId> = (0..self.types.len())
            .filter(|id| self.status_monitor(*id).is_some())
            .collect();
        // Most votes first; among equals, the first defined.
        let usual = votes
            .iter()
            .max_by_key(|(id, count)| (**count, std::cmp::Reverse(**id)))
            .map(|(id, _)| *id)
            .or_else(|| (all.len() == 1).then(|| all[0]));
        for (op, own) in operations.iter_mut().zip(own_status) {
            if op.operation_location {
                let Some(status) = own.or(usual) else {
                    self.warnings.push(Problem::new(
                        op.pointer.clone(),
                        "has an Operation-Location header, but the document has no status model \
                         (a `status` enum with Succeeded and Failed) it could return: generated as a plain method",
                    ));
                    continue;
                };
                let fetch_result =
                    matches!(op.http_method, "Put" | "Patch") && matches!(op.reply, Reply::Json(_));
                let result = match (&op.reply, fetch_result) {
                    (Reply::Json(ty), true) => ty.clone(),
                    _ => Type::Named(status),
                };
                let (names, owner) = (&mut clients[op.client].1, clients[op.client].0.name.clone());
                op.method_name =
                    names.claim(format!("begin_{}", op.method_name.trim_start_matches("r#")));
                op.options_name = self.type_names.claim(format!(
                    "{owner}{}Options",
                    naming::type_name(&op.method_name)
                ));
                op.long_running = Some(LongRunning {
                    status,
                    result,
                    fetch_result,
                });
            } else if op.http_method == "Get"
                && let Reply::Json(Type::Named(page)) = op.reply
            {
                op.paged = self.paging(page);
            }
        }
    }

    /// A page of a list: a `value` array and a `nextLink` string.
    fn paging(&self, page: TypeId) -> Option<Paging> {
        let TypeKind::Struct { fields } = &self.types[page].kind else {
            return None;
        };
        let items = fields.iter().find(|f| f.json_name == "value")?;
        let next = fields
            .iter()
            .find(|f| f.json_name == "nextLink" && f.ty == Type::String)?;
        let Type::List(item) = &items.ty else {
            return None;
        };
        Some(Paging {
            page,
            item: (**item).clone(),
            items_field: items.name.clone(),
            next_link_field: next.name.clone(),
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn operation(
        &mut self,
        api: &openapiv3::OpenAPI,
        path: &str,
        method: &str,
        path_level: &[ReferenceOr<Parameter>],
        operation: &openapiv3::Operation,
        pointer: &str,
        method_name: String,
        options_name: String,
        type_prefix: &str,
    ) -> Option<Operation> {
        let problems_before = self.problems.len();
        let http_method = match method {
            "get" => "Get",
            "put" => "Put",
            "post" => "Post",
            "delete" => "Delete",
            "patch" => "Patch",
            "head" => "Head",
            _ => {
                self.problem(pointer, format!("HTTP method `{method}` is not supported"));
                return None;
            }
        };

        // Operation-level parameters override path-level ones with the same name and location.
        let item_pointer = pointer.rsplit_once('/').map_or("#", |(p, _)| p).to_string();
        let mut declared: Vec<(String, &Parameter)> = Vec::new();
        for (base, list) in [
            (item_pointer.as_str(), path_level),
            (pointer, &operation.parameters[..]),
        ] {
            for (i, parameter) in list.iter().enumerate() {
                let here = format!("{base}/parameters/{i}");
                let Some((at, parameter)) = self.resolve_parameter(api, parameter, &here) else {
                    continue;
                };
                let key = parameter.parameter_data_ref();
                declared.retain(|(_, p)| {
                    let d = p.parameter_data_ref();
                    !(d.name == key.name
                        && std::mem::discriminant(*p) == std::mem::discriminant(parameter))
                });
                declared.push((at, parameter));
            }
        }

        // The method's own arguments and locals, which a parameter must not shadow.
        let locals = [
            "options",
            "body",
            "content_type",
            "ctx",
            "url",
            "request",
            "response",
            "value",
        ];
        let mut names = Scope::with_reserved(locals.map(String::from));
        let mut path_params: Vec<Param> = Vec::new();
        let mut other_required: Vec<Param> = Vec::new();
        let mut optional: Vec<Param> = Vec::new();
        let mut sends_api_version = false;
        // Declared parameters that could not be read, so the path does not report them again.
        let mut failed: Vec<String> = Vec::new();
        for (at, parameter) in declared {
            let data = parameter.parameter_data_ref();
            let mut separator = ",";
            let location = match parameter {
                Parameter::Path { .. } => Location::Path,
                Parameter::Query { style, .. } => {
                    separator = match style {
                        openapiv3::QueryStyle::SpaceDelimited => " ",
                        openapiv3::QueryStyle::PipeDelimited => "|",
                        _ => ",",
                    };
                    Location::Query
                }
                Parameter::Header { .. } => Location::Header,
                Parameter::Cookie { .. } => {
                    self.problem(at, "cookie parameters are not supported");
                    continue;
                }
            };
            if location == Location::Query && data.name == API_VERSION {
                sends_api_version = true;
                continue;
            }
            let ParameterSchemaOrContent::Schema(_) = &data.format else {
                self.problem(
                    at,
                    "a parameter with `content` instead of `schema` is not supported",
                );
                continue;
            };
            let schema_at = format!("{at}/schema");
            let context = format!("{}{}", type_prefix, naming::type_name(&data.name));
            let Some(ty) = self.schema_type(&schema_at, &context) else {
                failed.push(data.name.clone());
                continue;
            };
            // Lists of scalars go in queries and headers; a path segment holds one value.
            let fits = match (&ty, location) {
                (Type::List(item), Location::Query | Location::Header) => {
                    is_scalar(item, &self.types)
                }
                (ty, _) => is_scalar(ty, &self.types),
            };
            if !fits {
                self.problem(
                    &schema_at,
                    "parameters are supported as strings, numbers, booleans, enums, and lists of those in queries and headers",
                );
                failed.push(data.name.clone());
                continue;
            }
            // OpenAPI's default: a query's `form` style explodes lists, a header's `simple` does not.
            let explode = data.explode.unwrap_or(location == Location::Query);
            let mut docs = lines(data.description.as_deref());
            if docs.is_empty() {
                docs = self.value_docs(&schema_at, &data.name);
            } else if let Some(sentence) = self.constraint_sentence(&schema_at) {
                push_paragraph(&mut docs, &sentence);
            }
            let param = Param {
                name: names.claim(naming::value_name(&data.name)),
                wire_name: data.name.clone(),
                location,
                ty,
                docs,
                explode,
                separator,
            };
            match (location, data.required) {
                (Location::Path, true) => path_params.push(param),
                (Location::Path, false) => {
                    self.problem(at, "a path parameter must be required");
                }
                (_, true) => other_required.push(param),
                (_, false) => optional.push(param),
            }
        }

        let segments = self.path_segments(path, pointer, &path_params, &failed);
        let body = self.request_body(api, operation, pointer, type_prefix);
        let (reply, operation_location) =
            self.success_response(api, operation, pointer, type_prefix);
        let error_docs = self.error_response(api, operation, pointer, type_prefix);

        let mut docs = Vec::new();
        for text in [&operation.summary, &operation.description]
            .into_iter()
            .flatten()
        {
            if !docs.is_empty() {
                docs.push(String::new());
            }
            docs.extend(lines(Some(text)));
        }
        if operation.deprecated {
            docs.push(String::new());
            docs.push("Deprecated by the service.".to_string());
        }

        // Required parameters keep the path's order first: it reads like the URL.
        let mut required = path_params;
        required.extend(other_required);
        if self.problems.len() > problems_before {
            return None;
        }
        Some(Operation {
            pointer: pointer.to_string(),
            client: 0,
            method_name,
            options_name,
            http_method,
            path: path.to_string(),
            segments,
            required,
            optional,
            sends_api_version,
            body,
            reply,
            operation_location,
            long_running: None,
            paged: None,
            docs,
            error_docs,
            poll: None,
        })
    }

    fn resolve_parameter<'p>(
        &mut self,
        api: &'p openapiv3::OpenAPI,
        parameter: &'p ReferenceOr<Parameter>,
        here: &str,
    ) -> Option<(String, &'p Parameter)> {
        match parameter {
            ReferenceOr::Item(parameter) => Some((here.to_string(), parameter)),
            ReferenceOr::Reference { reference } => {
                let name = reference.strip_prefix("#/components/parameters/");
                let found =
                    name.and_then(|name| api.components.as_ref()?.parameters.get(&unescape(name)));
                match found {
                    Some(ReferenceOr::Item(parameter)) => Some((reference.clone(), parameter)),
                    _ => {
                        self.problem(
                            format!("{here}/$ref"),
                            format!(
                                "`{reference}` does not name a parameter in #/components/parameters"
                            ),
                        );
                        None
                    }
                }
            }
        }
    }

    /// Splits `/a/{b}/c{d}` into segments of literal text and parameters.
    fn path_segments(
        &mut self,
        path: &str,
        pointer: &str,
        params: &[Param],
        failed: &[String],
    ) -> Vec<Vec<SegmentPart>> {
        let mut used = vec![false; params.len()];
        let mut segments = Vec::new();
        for segment in path.split('/').filter(|s| !s.is_empty()) {
            let mut parts = Vec::new();
            let mut rest = segment;
            while let Some(open) = rest.find('{') {
                if open > 0 {
                    parts.push(SegmentPart::Literal(rest[..open].to_string()));
                }
                let Some(close) = rest[open..].find('}') else {
                    self.problem(pointer, format!("path `{path}` has an unclosed `{{`"));
                    return segments;
                };
                let name = &rest[open + 1..open + close];
                match params.iter().position(|p| p.wire_name == name) {
                    Some(index) => {
                        used[index] = true;
                        parts.push(SegmentPart::Param(index));
                    }
                    // A parameter that failed was reported where it is.
                    None if failed.iter().any(|f| f == name) => {}
                    None => self.problem(
                        format!("{pointer}/parameters"),
                        format!(
                            "path `{path}` uses `{{{name}}}`, which no path parameter declares"
                        ),
                    ),
                }
                rest = &rest[open + close + 1..];
            }
            if !rest.is_empty() {
                parts.push(SegmentPart::Literal(rest.to_string()));
            }
            segments.push(parts);
        }
        for (param, used) in params.iter().zip(used) {
            if !used {
                self.problem(
                    format!("{pointer}/parameters"),
                    format!(
                        "path parameter `{}` does not appear in path `{path}`",
                        param.wire_name
                    ),
                );
            }
        }
        segments
    }

    fn request_body(
        &mut self,
        api: &openapiv3::OpenAPI,
        operation: &openapiv3::Operation,
        pointer: &str,
        type_prefix: &str,
    ) -> Option<Body> {
        let body = operation.request_body.as_ref()?;
        let (at, body) = match body {
            ReferenceOr::Item(body) => (format!("{pointer}/requestBody"), body),
            ReferenceOr::Reference { reference } => {
                let found = reference
                    .strip_prefix("#/components/requestBodies/")
                    .and_then(|name| api.components.as_ref()?.request_bodies.get(&unescape(name)));
                match found {
                    Some(ReferenceOr::Item(body)) => (reference.clone(), body),
                    _ => {
                        self.problem(
                            format!("{pointer}/requestBody/$ref"),
                            format!("`{reference}` does not name a request body in #/components/requestBodies"),
                        );
                        return None;
                    }
                }
            }
        };
        // JSON first, then the other encodings this client can send.
        let pick = |wanted: fn(&str) -> Option<Encoding>| {
            body.content
                .keys()
                .find_map(|ct| wanted(ct).map(|encoding| (ct.as_str(), encoding)))
        };
        let found = pick(|ct| is_json(ct).then_some(Encoding::Json)).or_else(|| pick(encoding_of));
        let Some((content_type, encoding)) = found else {
            let listed: Vec<&str> = body.content.keys().map(String::as_str).collect();
            self.problem(
                format!("{at}/content"),
                format!(
                    "request bodies are supported as JSON, XML, form-encoded, multipart/form-data, text/plain, octet-stream or a file type; this one is `{}`",
                    listed.join("`, `")
                ),
            );
            return None;
        };
        let schema_at = format!("{at}/content/{}/schema", escape(content_type));
        let context = format!("{type_prefix}Body");
        // `format: binary` is a file, whatever the media type says (a JSON file is sent as is).
        let encoding = if self.is_file(&schema_at) {
            Encoding::Binary
        } else {
            encoding
        };
        let ty = match encoding {
            Encoding::Json | Encoding::Xml | Encoding::Form | Encoding::Multipart => {
                text_dates(self.schema_type(&schema_at, &context)?)
            }
            Encoding::Text => Type::String,
            Encoding::Binary => Type::Bytes,
        };
        // A file of several types, or of any type, is sent with the type the caller names.
        let choices: Vec<String> = if encoding == Encoding::Binary
            && (body.content.len() > 1 || content_type.contains('*'))
        {
            body.content.keys().cloned().collect()
        } else {
            Vec::new()
        };
        if matches!(encoding, Encoding::Form | Encoding::Multipart)
            && !matches!(ty, Type::Named(id) if matches!(self.types[id].kind, TypeKind::Struct { .. }))
        {
            self.problem(
                schema_at,
                "a form-encoded or multipart body must be an object",
            );
            return None;
        }
        // The media type of each part that the document names (`encoding`); `*/*` names none.
        let part_types = body.content[content_type]
            .encoding
            .iter()
            .filter_map(|(part, encoding)| {
                let media_type = encoding.content_type.as_ref()?;
                (!media_type.contains('*')).then(|| (part.clone(), media_type.clone()))
            })
            .collect();
        Some(Body {
            ty,
            encoding,
            content_type: content_type.to_string(),
            content_types: choices,
            part_types,
            required: body.required,
            docs: lines(body.description.as_deref()),
        })
    }

    /// Whether the schema at `pointer` is a file: `type: string, format: binary`.
    fn is_file(&self, pointer: &str) -> bool {
        self.keyword(pointer, "type").and_then(Value::as_str) == Some("string")
            && self.keyword(pointer, "format").and_then(Value::as_str) == Some("binary")
    }

    /// What the 2xx responses carry (one body type for all of them), and whether one of them
    /// has an `Operation-Location` header.
    fn success_response(
        &mut self,
        api: &openapiv3::OpenAPI,
        operation: &openapiv3::Operation,
        pointer: &str,
        type_prefix: &str,
    ) -> (Reply, bool) {
        let mut found: Option<Type> = None;
        let mut raw: Option<Reply> = None;
        let mut differ = false;
        let mut xml = false;
        let mut operation_location = false;
        for (code, response) in &operation.responses.responses {
            if !is_success(code) {
                continue;
            }
            let here = format!("{pointer}/responses/{code}");
            let Some((at, response)) = self.resolve_response(api, response, &here) else {
                continue;
            };
            operation_location |= response
                .headers
                .keys()
                .any(|h| h.eq_ignore_ascii_case("operation-location"));
            if response.content.is_empty() {
                continue;
            }
            let model_type = (response.content.keys().find(|ct| is_json(ct)))
                .or_else(|| response.content.keys().find(|ct| is_xml(ct)));
            let Some(content_type) = model_type else {
                // Neither JSON nor XML: text or bytes, as the reply's media type says.
                let encodings: Vec<Option<Encoding>> =
                    response.content.keys().map(|ct| encoding_of(ct)).collect();
                raw = match encodings.as_slice() {
                    all if all.iter().all(|e| *e == Some(Encoding::Text)) => Some(Reply::Text),
                    all if all.contains(&Some(Encoding::Binary)) => Some(Reply::Binary {
                        accept: response
                            .content
                            .keys()
                            .map(String::as_str)
                            .collect::<Vec<_>>()
                            .join(", "),
                    }),
                    _ => {
                        let listed: Vec<&str> =
                            response.content.keys().map(String::as_str).collect();
                        self.problem(
                            format!("{at}/content"),
                            format!(
                                "replies are supported as JSON, XML, text/plain, octet-stream or a file type; this one is `{}`",
                                listed.join("`, `")
                            ),
                        );
                        None
                    }
                };
                continue;
            };
            let schema_at = format!("{at}/content/{}/schema", escape(content_type));
            // `format: binary` is a file, whatever the media type says.
            if self.is_file(&schema_at) {
                let accept: Vec<&str> = response.content.keys().map(String::as_str).collect();
                raw = Some(Reply::Binary {
                    accept: accept.join(", "),
                });
                continue;
            }
            xml |= is_xml(content_type);
            let context = format!("{type_prefix}Response");
            let Some(ty) = self.schema_type(&schema_at, &context).map(text_dates) else {
                continue;
            };
            match &found {
                Some(previous) if *previous != ty => differ = true,
                _ => found = Some(ty),
            }
        }
        if differ {
            self.warnings.push(Problem::new(
                format!("{pointer}/responses"),
                "success responses carry different body types: the method returns the body as `serde_json::Value`",
            ));
            found = Some(Type::Json);
        }
        let reply = match (found, raw) {
            (Some(_), Some(_)) => {
                self.problem(
                    format!("{pointer}/responses"),
                    "success responses mixing JSON or XML with other bodies are not supported",
                );
                Reply::Empty
            }
            (Some(ty), None) if xml => Reply::Xml(ty),
            (Some(ty), None) => Reply::Json(ty),
            (None, Some(reply)) => reply,
            (None, None) => Reply::Empty,
        };
        (reply, operation_location)
    }

    /// Reads the error response (`default`, else the 4xx/5xx ones), marks its body type as an
    /// error model, and returns the lines of the method's `# Errors` docs.
    fn error_response(
        &mut self,
        api: &openapiv3::OpenAPI,
        operation: &openapiv3::Operation,
        pointer: &str,
        type_prefix: &str,
    ) -> Vec<String> {
        let mut candidates: Vec<(String, &ReferenceOr<openapiv3::Response>)> = Vec::new();
        if let Some(default) = &operation.responses.default {
            candidates.push((format!("{pointer}/responses/default"), default));
        }
        for (code, response) in &operation.responses.responses {
            if !is_success(code) {
                candidates.push((format!("{pointer}/responses/{code}"), response));
            }
        }
        let mut docs = vec![
            "Returns an error of kind `HttpResponse` for any status other than 2xx; its error \
             code is the `x-ms-error-code` header, else the body's `error.code`."
                .to_string(),
        ];
        for (here, response) in candidates {
            let Some((at, response)) = self.resolve_response(api, response, &here) else {
                continue;
            };
            let Some(content_type) = response.content.keys().find(|ct| is_json(ct)) else {
                continue;
            };
            let context = format!("{type_prefix}Error");
            let schema_at = format!("{at}/content/{}/schema", escape(content_type));
            if let Some(Type::Named(id)) = self.schema_type(&schema_at, &context) {
                self.types[id].is_error = true;
                let name = self.types[id].name.clone();
                let line = format!(
                    "[`models::{name}::from_error`](crate::models::{name}::from_error) reads the service's error body back from it."
                );
                if !docs.contains(&line) {
                    docs.push(line);
                }
            }
        }
        docs
    }

    fn resolve_response<'r>(
        &mut self,
        api: &'r openapiv3::OpenAPI,
        response: &'r ReferenceOr<openapiv3::Response>,
        here: &str,
    ) -> Option<(String, &'r openapiv3::Response)> {
        match response {
            ReferenceOr::Item(response) => Some((here.to_string(), response)),
            ReferenceOr::Reference { reference } => {
                let found = reference
                    .strip_prefix("#/components/responses/")
                    .and_then(|name| api.components.as_ref()?.responses.get(&unescape(name)));
                match found {
                    Some(ReferenceOr::Item(response)) => Some((reference.clone(), response)),
                    _ => {
                        self.problem(
                            format!("{here}/$ref"),
                            format!(
                                "`{reference}` does not name a response in #/components/responses"
                            ),
                        );
                        None
                    }
                }
            }
        }
    }

    // ---- schemas -----------------------------------------------------------------------------

    /// The raw JSON object at `pointer` (`#/…`), or a problem.
    fn schema_object(&mut self, pointer: &str) -> Option<&'a Map<String, Value>> {
        let raw: &'a Value = self.raw;
        match resolve(raw, pointer) {
            Some(Value::Object(object)) => Some(object),
            Some(_) => {
                self.problem(pointer, "a schema must be an object");
                None
            }
            None => {
                self.problem(pointer, "nothing is at this location");
                None
            }
        }
    }

    /// The Rust type for the schema at `pointer`. `context` names an inline struct or enum
    /// after where it is (e.g. `WidgetDetails` for the `details` property of `Widget`).
    fn schema_type(&mut self, pointer: &str, context: &str) -> Option<Type> {
        // Each level of nesting (inline, or a reference to a schema not yet read) is a level of
        // recursion here; a document nested deeper than any real one gets an error, not a
        // stack overflow.
        if self.depth >= MAX_DEPTH {
            self.problem(
                pointer,
                format!("schemas nest more than {MAX_DEPTH} levels deep here"),
            );
            return None;
        }
        self.depth += 1;
        let ty = self
            .schema_object(pointer)
            .and_then(|schema| match schema.get("$ref") {
                Some(reference) => self.reference(pointer, reference),
                None => self.schema_body(pointer, schema, context, None),
            });
        self.depth -= 1;
        ty
    }

    /// Follows a `$ref`. Component schemas resolve once; anything else is read in place.
    fn reference(&mut self, pointer: &str, reference: &Value) -> Option<Type> {
        let at = format!("{pointer}/$ref");
        let Some(reference) = reference.as_str() else {
            self.problem(at, "`$ref` must be a string");
            return None;
        };
        if !reference.starts_with("#/") {
            self.problem(
                at,
                format!(
                    "`{reference}` is not a local reference; only `#/…` references are supported"
                ),
            );
            return None;
        }
        if resolve(self.raw, reference).is_none() {
            self.problem(
                at,
                format!("`{reference}` points to nothing in this document"),
            );
            return None;
        }
        let Some(key) = reference
            .strip_prefix("#/components/schemas/")
            .map(unescape)
            .filter(|k| !k.contains('/'))
        else {
            return self.schema_type(
                reference,
                &naming::type_name(reference.rsplit('/').next().unwrap_or("Schema")),
            );
        };
        if let Some(ty) = self.resolved.get(&key) {
            return Some(ty.clone());
        }
        let name = self.component_names[&key].clone();
        let schema = self.schema_object(reference)?;
        if self.makes_type(reference, schema) {
            // Reserve the index first, so a reference back to this schema finds it.
            let id = self.new_type(name.clone(), Vec::new());
            self.resolved.insert(key, Type::Named(id));
            self.schema_body(reference, schema, &name, Some(id))
        } else {
            if !self.resolving.insert(key.clone()) {
                self.problem(
                    at,
                    format!("`{reference}` refers back to itself without an object in between"),
                );
                return None;
            }
            let ty = self.schema_type(reference, &name);
            self.resolving.remove(&key);
            if let Some(ty) = &ty {
                self.resolved.insert(key, ty.clone());
            }
            ty
        }
    }

    /// The index reserved for a component schema, or a new one named from `context`.
    fn reserved_or_new(&mut self, reserved: Option<TypeId>, context: &str) -> TypeId {
        reserved.unwrap_or_else(|| {
            let name = self.type_names.claim(naming::type_name(context));
            self.new_type(name, Vec::new())
        })
    }

    fn new_type(&mut self, name: String, docs: Vec<String>) -> TypeId {
        self.types.push(TypeDef {
            name,
            docs,
            kind: TypeKind::Struct { fields: Vec::new() },
            in_request: false,
            xml: false,
            xml_name: String::new(),
            xml_namespaces: Vec::new(),
            merge_patch: false,
            is_error: false,
            status_monitor: None,
        });
        self.types.len() - 1
    }

    /// Reads a schema that is not a `$ref`. `reserved` is the index already given to a
    /// component schema; inline structs and enums get a new one named from `context`.
    fn schema_body(
        &mut self,
        pointer: &str,
        schema: &'a Map<String, Value>,
        context: &str,
        reserved: Option<TypeId>,
    ) -> Option<Type> {
        if schema.contains_key("oneOf") {
            return self.one_of("oneOf", pointer, schema, context, reserved);
        }
        for unsupported in ["not"] {
            if schema.contains_key(unsupported) {
                self.problem(
                    format!("{pointer}/{unsupported}"),
                    format!("`{unsupported}` is not supported yet"),
                );
                return None;
            }
        }
        if let Some(all_of) = schema.get("allOf") {
            let Some(members) = all_of.as_array() else {
                self.problem(
                    format!("{pointer}/allOf"),
                    "`allOf` must be a list of schemas",
                );
                return None;
            };
            // `allOf: [{$ref}]` beside a description is how TypeSpec documents a reference.
            if members.len() == 1 && !schema.contains_key("properties") {
                return self.schema_type(&format!("{pointer}/allOf/0"), context);
            }
            // Otherwise every member is an object whose properties the struct takes on.
            let docs = lines(schema.get("description").and_then(Value::as_str));
            return Some(self.struct_type(pointer, docs, context, reserved));
        }
        if schema.contains_key("discriminator") && schema.contains_key("properties") {
            return self.union_type(pointer, schema, context, reserved);
        }
        if schema.contains_key("anyOf") {
            if is_extensible_enum(schema) {
                return self.extensible_enum(pointer, schema, context, reserved);
            }
            return self.one_of("anyOf", pointer, schema, context, reserved);
        }
        let docs = lines(schema.get("description").and_then(Value::as_str));
        let kind = schema
            .get("type")
            .map(|t| t.as_str().unwrap_or("(not a string)"));
        if let Some(values) = schema.get("enum") {
            if matches!(kind, Some("integer" | "number" | "boolean")) {
                // The values are listed in the docs (see `constraint_sentence`).
                self.warnings.push(Problem::new(
                    format!("{pointer}/enum"),
                    format!(
                        "an enum of {} values is generated as the plain type; the allowed values are in the docs",
                        kind.unwrap_or_default()
                    ),
                ));
                return Some(match (kind, schema.get("format").and_then(Value::as_str)) {
                    (Some("integer"), Some("int32")) => Type::I32,
                    (Some("integer"), _) => Type::I64,
                    (Some("boolean"), _) => Type::Bool,
                    (_, Some("float")) => Type::F32,
                    _ => Type::F64,
                });
            }
            if !matches!(kind, None | Some("string")) {
                self.problem(
                    format!("{pointer}/enum"),
                    "only string, integer, number and boolean enums are supported",
                );
                return None;
            }
            let values = self.enum_values(&format!("{pointer}/enum"), values)?;
            if values.is_empty() {
                self.problem(
                    format!("{pointer}/enum"),
                    "an enum needs at least one value",
                );
                return None;
            }
            let values = values.into_iter().map(|v| (v, Vec::new())).collect();
            return Some(self.enum_type(values, false, docs, context, reserved));
        }
        let format = schema.get("format").and_then(Value::as_str);
        match kind {
            Some("string") => Some(match format {
                Some("date-time") => Type::DateTime,
                Some("binary") => Type::File,
                _ => Type::String,
            }),
            Some("integer") => Some(match format {
                Some("int32") => Type::I32,
                Some("uint64") => Type::U64,
                _ => Type::I64,
            }),
            Some("number") => Some(match format {
                Some("float") => Type::F32,
                _ => Type::F64,
            }),
            Some("boolean") => Some(Type::Bool),
            Some("array") => {
                if !schema.contains_key("items") {
                    self.problem(pointer, "an array schema must have `items`");
                    return None;
                }
                let item_context = format!("{context}Item");
                let item = self.schema_type(&format!("{pointer}/items"), &item_context)?;
                Some(Type::List(Box::new(
                    self.nullable(&format!("{pointer}/items"), item),
                )))
            }
            Some("object") | None if schema.contains_key("properties") => {
                Some(self.struct_type(pointer, docs, context, reserved))
            }
            Some("object") | None => self.free_form(pointer, schema, context),
            Some(other) => {
                self.problem(
                    format!("{pointer}/type"),
                    format!("unknown schema type `{other}`"),
                );
                None
            }
        }
    }

    /// A list item or map value that says `nullable: true` may be `null`: an `Option`.
    fn nullable(&self, pointer: &str, ty: Type) -> Type {
        match self.keyword(pointer, "nullable").and_then(Value::as_bool) {
            Some(true) if ty != Type::Json => Type::Nullable(Box::new(ty)),
            _ => ty,
        }
    }

    /// An object without properties: a map when `additionalProperties` is a schema, else any JSON.
    fn free_form(
        &mut self,
        pointer: &str,
        schema: &Map<String, Value>,
        context: &str,
    ) -> Option<Type> {
        match schema.get("additionalProperties") {
            Some(Value::Object(values)) if !values.is_empty() => {
                let at = format!("{pointer}/additionalProperties");
                let value = self.schema_type(&at, &format!("{context}Value"))?;
                Some(Type::Map(Box::new(self.nullable(&at, value))))
            }
            _ => Some(Type::Json),
        }
    }

    fn struct_type(
        &mut self,
        pointer: &str,
        docs: Vec<String>,
        context: &str,
        reserved: Option<TypeId>,
    ) -> Type {
        let id = self.reserved_or_new(reserved, context);
        self.types[id].docs = docs;
        let parent = self.types[id].name.clone();
        let mut names = Scope::default();
        let mut fields: Vec<Field> = Vec::new();
        // The properties of every `allOf` member first, then the schema's own; a later
        // statement of a property (a subtype narrowing `kind`, say) replaces an earlier one.
        let mut properties: Vec<(String, String, bool)> = Vec::new();
        let parts = self.object_parts(pointer, 0);
        for part in &parts {
            let Some(Value::Object(part_schema)) = resolve(self.raw, part) else {
                continue;
            };
            let required: BTreeSet<&str> = part_schema
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let own = part_schema.get("properties").and_then(Value::as_object);
            for json_name in own.into_iter().flat_map(|p| p.keys()) {
                let at = format!("{part}/properties/{}", escape(json_name));
                let required = required.contains(json_name.as_str());
                match properties.iter_mut().find(|(name, _, _)| name == json_name) {
                    Some(earlier) => *earlier = (json_name.clone(), at, required || earlier.2),
                    None => properties.push((json_name.clone(), at, required)),
                }
            }
        }
        let implied_tag = self.implied_tags.get(pointer).cloned();
        for (json_name, at, required) in &properties {
            if implied_tag.as_ref() == Some(json_name) {
                continue;
            }
            let (at, required) = (at.as_str(), *required);
            let context = format!("{parent}{}", naming::type_name(json_name));
            // A date-time field is an `OffsetDateTime` in RFC 3339; inside a list or a map
            // serde cannot apply that format, so those stay text.
            let Some(ty) = self.schema_type(at, &context).map(|ty| match ty {
                Type::DateTime => Type::DateTime,
                other => text_dates(other),
            }) else {
                continue;
            };
            let read_only = self
                .keyword(at, "readOnly")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            let mut docs = self.value_docs(at, json_name);
            let notes: Vec<&str> = [
                (required, "Required."),
                (read_only, "Read-only: set by the service, never sent."),
            ]
            .into_iter()
            .filter_map(|(applies, note)| applies.then_some(note))
            .collect();
            if !notes.is_empty() {
                push_paragraph(&mut docs, &notes.join(" "));
            }
            let xml = self.field_xml(at, json_name, &ty);
            fields.push(Field {
                name: names.claim(naming::value_name(json_name)),
                json_name: json_name.clone(),
                ty,
                read_only,
                boxed: false,
                additional: false,
                xml,
                docs,
            });
        }
        // Properties the schema does not name: a map beside the named fields. The schema's own
        // `additionalProperties` wins over those of the schemas it takes in through `allOf`.
        let raw: &'a Value = self.raw;
        let declared = parts.iter().rev().find_map(|part| {
            let value = resolve(raw, part)?.get("additionalProperties")?;
            Some((format!("{part}/additionalProperties"), value))
        });
        let additional = match declared {
            Some((_, Value::Bool(true))) => Some(Type::Json),
            Some((_, Value::Object(value))) if value.is_empty() => Some(Type::Json),
            Some((at, Value::Object(_))) => self
                .schema_type(&at, &format!("{parent}Value"))
                .map(|value| self.nullable(&at, value)),
            _ => None,
        };
        if let Some(value) = additional {
            fields.push(Field {
                name: names.claim("additional_properties".to_string()),
                json_name: String::new(),
                ty: Type::Map(Box::new(text_dates(value))),
                read_only: false,
                boxed: false,
                additional: true,
                xml: FieldXml::default(),
                docs: vec![
                    "Properties the service sent that the document does not name.".to_string(),
                ],
            });
        }
        self.types[id].kind = TypeKind::Struct { fields };
        let default_name = match pointer.strip_prefix("#/components/schemas/") {
            Some(key) if !key.contains('/') => unescape(key),
            _ => parent,
        };
        let own = self.own_xml(pointer);
        self.types[id].xml_name = match own {
            Some(xml) => prefixed(
                xml,
                xml.get("name")
                    .and_then(Value::as_str)
                    .unwrap_or(&default_name),
            ),
            None => default_name,
        };
        // The namespaces the root element declares: the model's and its properties'.
        let property_xml = properties.iter().filter_map(|(_, at, _)| self.own_xml(at));
        let mut namespaces: Vec<(String, String)> = Vec::new();
        for xml in own.into_iter().chain(property_xml) {
            let prefix = xml.get("prefix").and_then(Value::as_str);
            let uri = xml.get("namespace").and_then(Value::as_str);
            if let (Some(prefix), Some(uri)) = (prefix, uri) {
                let declared = (prefix.to_string(), uri.to_string());
                if !namespaces.contains(&declared) {
                    namespaces.push(declared);
                }
            }
        }
        self.types[id].xml_namespaces = namespaces;
        Type::Named(id)
    }

    /// The schemas whose properties an object takes on: its `allOf` members' (through their
    /// references and own `allOf`s), then its own.
    fn object_parts(&mut self, pointer: &str, depth: usize) -> Vec<String> {
        let raw: &'a Value = self.raw;
        let Some(Value::Object(schema)) = resolve(raw, pointer) else {
            return Vec::new();
        };
        if depth > 16 {
            self.problem(pointer, "`allOf` nests too deep (or refers back to itself)");
            return Vec::new();
        }
        let mut parts = Vec::new();
        let members = schema.get("allOf").and_then(Value::as_array);
        for (i, member) in members.into_iter().flatten().enumerate() {
            let target = match member.get("$ref").and_then(Value::as_str) {
                Some(reference)
                    if reference.starts_with("#/") && resolve(raw, reference).is_some() =>
                {
                    if let Some(key) = reference.strip_prefix("#/components/schemas/") {
                        self.merged.insert(unescape(key));
                    }
                    reference.to_string()
                }
                Some(reference) => {
                    self.problem(
                        format!("{pointer}/allOf/{i}/$ref"),
                        format!("`{reference}` points to nothing in this document"),
                    );
                    continue;
                }
                None => format!("{pointer}/allOf/{i}"),
            };
            let is_object = resolve(raw, &target).is_some_and(|t| {
                t.get("properties").is_some()
                    || t.get("allOf").is_some()
                    || t.get("type").and_then(Value::as_str) == Some("object")
            });
            if !is_object {
                self.problem(
                    format!("{pointer}/allOf/{i}"),
                    "`allOf` with several members is supported only for objects, whose properties are merged",
                );
                continue;
            }
            parts.extend(self.object_parts(&target, depth + 1));
        }
        parts.push(pointer.to_string());
        parts
    }

    /// `oneOf` (or an `anyOf` other than an extensible enum, read the same way: a client
    /// sends one of the members and reads whichever fits): a discriminated union when there
    /// is a discriminator; an enum when every member is a string enum (the members'
    /// descriptions document the values); `String` when every member is a string; otherwise
    /// an untagged enum of the members, tried in order.
    fn one_of(
        &mut self,
        keyword: &str,
        pointer: &str,
        schema: &'a Map<String, Value>,
        context: &str,
        reserved: Option<TypeId>,
    ) -> Option<Type> {
        if schema.contains_key("discriminator") {
            return self.union_type(pointer, schema, context, reserved);
        }
        let Some(members) = schema.get(keyword).and_then(Value::as_array) else {
            self.problem(
                format!("{pointer}/{keyword}"),
                format!("`{keyword}` must be a list of schemas"),
            );
            return None;
        };
        // `{type: 'null'}` members only say that the value may be absent, as every field may.
        let members: Vec<(String, &Value)> = members
            .iter()
            .enumerate()
            .map(|(i, m)| (format!("{pointer}/{keyword}/{i}"), m))
            .filter(|(_, m)| m.get("type").and_then(Value::as_str) != Some("null"))
            .collect();
        let docs = lines(schema.get("description").and_then(Value::as_str));
        match members.as_slice() {
            [] => return Some(Type::Json),
            [(at, _)] => return self.schema_type(at, context),
            _ => {}
        }
        let string_enum = |m: &Value| {
            m.get("type").and_then(Value::as_str) == Some("string")
                && m.get("enum").and_then(Value::as_array).is_some()
        };
        if members.iter().all(|(_, m)| string_enum(m)) {
            let mut values = Vec::new();
            for (at, member) in &members {
                let member_docs = lines(member.get("description").and_then(Value::as_str));
                let listed = self.enum_values(&format!("{at}/enum"), &member["enum"])?;
                values.extend(listed.into_iter().map(|v| (v, member_docs.clone())));
            }
            return Some(self.enum_type(values, false, docs, context, reserved));
        }
        // All plain strings (an id or a name, say): one string type serves.
        if members.iter().all(|(at, _)| self.is_plain_string(at)) {
            return Some(Type::String);
        }
        if let Some((property, tags)) = self.implicit_tag(&members) {
            return self.implicitly_tagged_union(&members, property, tags, docs, context, reserved);
        }
        let id = self.reserved_or_new(reserved, context);
        let parent = self.types[id].name.clone();
        let mut names = Scope::default();
        let mut variants = Vec::new();
        for (i, (at, member)) in members.iter().enumerate() {
            // An inline object tagged by a single-valued enum property is named by its tag.
            let tag = member
                .get("properties")
                .and_then(Value::as_object)
                .and_then(|props| {
                    props
                        .values()
                        .find_map(|p| match p.get("enum").and_then(Value::as_array) {
                            Some(values) if values.len() == 1 => {
                                values[0].as_str().map(String::from)
                            }
                            _ => None,
                        })
                });
            let title = member
                .get("title")
                .and_then(Value::as_str)
                .map(String::from);
            let hint = tag.or(title).unwrap_or_else(|| format!("Variant{}", i + 1));
            let ty = self.schema_type(at, &format!("{parent}{}", naming::type_name(&hint)))?;
            let name = match (&ty, member.get("$ref")) {
                (Type::Named(target), Some(_)) => self.types[*target].name.clone(),
                (Type::Named(_), None) => naming::type_name(&hint),
                (other, _) => other_variant_name(other, &hint, member),
            };
            variants.push((names.claim(name), ty));
        }
        // Reading tries the variants in turn and keeps the first that fits; unknown fields do
        // not stop a fit, so the models with more fields go first and lose nothing.
        let field_count = |ty: &Type| match ty {
            Type::Named(target) => match &self.types[*target].kind {
                TypeKind::Struct { fields } => fields.len(),
                _ => 0,
            },
            _ => 0,
        };
        variants.sort_by_key(|(_, ty)| std::cmp::Reverse(field_count(ty)));
        self.types[id].docs = docs;
        self.types[id].kind = TypeKind::Untagged { variants };
        Some(Type::Named(id))
    }

    /// The property that tells the members of a `oneOf` apart without a `discriminator`: one
    /// that every member is an object requiring, each with a single string value of its own
    /// (`type: {enum: [circle]}`, `type: {enum: [square]}`); with each member's value.
    fn implicit_tag(&self, members: &[(String, &Value)]) -> Option<(String, Vec<String>)> {
        let objects: Vec<(String, &'a Map<String, Value>)> = members
            .iter()
            .map(|(at, _)| self.located_wrapper_chain(at).pop())
            .collect::<Option<_>>()?;
        // Plain objects only: a member that is itself a choice or a merge stays untagged.
        let plain_object = |(_, schema): &(String, &Map<String, Value>)| {
            schema.contains_key("properties")
                && ["oneOf", "anyOf", "allOf", "discriminator"]
                    .iter()
                    .all(|keyword| !schema.contains_key(*keyword))
        };
        if !objects.iter().all(plain_object) {
            return None;
        }
        let candidates = objects
            .first()?
            .1
            .get("required")
            .and_then(Value::as_array)?;
        candidates
            .iter()
            .filter_map(Value::as_str)
            .find_map(|property| {
                let tags: Vec<String> = objects
                    .iter()
                    .map(|(at, object)| self.single_value(at, object, property))
                    .collect::<Option<_>>()?;
                let distinct: BTreeSet<&String> = tags.iter().collect();
                (distinct.len() == tags.len()).then(|| (property.to_string(), tags))
            })
    }

    /// The one string value that `object` (at `pointer`) requires of `property`.
    fn single_value(
        &self,
        pointer: &str,
        object: &Map<String, Value>,
        property: &str,
    ) -> Option<String> {
        let required = object.get("required").and_then(Value::as_array)?;
        if !required.iter().any(|name| name.as_str() == Some(property)) {
            return None;
        }
        let at = format!("{pointer}/properties/{}", escape(property));
        match self
            .keyword(&at, "enum")
            .and_then(Value::as_array)?
            .as_slice()
        {
            [Value::String(value)] => Some(value.clone()),
            _ => None,
        }
    }

    /// A `oneOf` whose members `implicit_tag` tells apart by `property`: a union of them, as
    /// if the document had named `property` its discriminator. Inline members leave the
    /// property out of their structs, since the variant says it.
    fn implicitly_tagged_union(
        &mut self,
        members: &[(String, &Value)],
        property: String,
        tags: Vec<String>,
        docs: Vec<String>,
        context: &str,
        reserved: Option<TypeId>,
    ) -> Option<Type> {
        let id = self.reserved_or_new(reserved, context);
        let parent = self.types[id].name.clone();
        let mut names = Scope::with_reserved(["UnknownKind".to_string()]);
        let mut variants = Vec::new();
        for ((at, member), value) in members.iter().zip(tags) {
            if !member.as_object().is_some_and(|m| m.contains_key("$ref")) {
                self.implied_tags.insert(at.clone(), property.clone());
            }
            let context = format!("{parent}{}", naming::type_name(&value));
            match self.schema_type(at, &context)? {
                Type::Named(ty) if matches!(self.types[ty].kind, TypeKind::Struct { .. }) => {
                    variants.push(UnionVariant {
                        name: names.claim(naming::type_name(&value)),
                        value,
                        ty,
                    });
                }
                _ => {
                    self.problem(at.clone(), "a tagged member must be an object schema");
                    return None;
                }
            }
        }
        self.types[id].docs = docs;
        self.types[id].kind = TypeKind::Union { property, variants };
        Some(Type::Named(id))
    }

    /// Whether the schema at `pointer`, through its wrappers, is a string without an enum.
    fn is_plain_string(&self, pointer: &str) -> bool {
        self.wrapper_chain(pointer).last().is_some_and(|schema| {
            schema.get("type").and_then(Value::as_str) == Some("string")
                && !schema.contains_key("enum")
        })
    }

    /// Whether a schema becomes a struct or an enum of its own (rather than an alias of
    /// another): objects, enums, and `oneOf`s other than a choice of plain strings.
    fn makes_type(&self, pointer: &str, schema: &Map<String, Value>) -> bool {
        let merges = schema
            .get("allOf")
            .and_then(Value::as_array)
            .is_some_and(|members| members.len() > 1);
        let choice = |keyword: &str| {
            schema
                .get(keyword)
                .and_then(Value::as_array)
                .is_some_and(|members| {
                    let typed = members
                        .iter()
                        .filter(|m| m.get("type").and_then(Value::as_str) != Some("null"))
                        .count();
                    typed > 1
                        && !(0..members.len())
                            .all(|i| self.is_plain_string(&format!("{pointer}/{keyword}/{i}")))
                })
        };
        merges
            || choice("oneOf")
            || choice("anyOf")
            || is_extensible_enum(schema)
            || ["properties", "enum"]
                .iter()
                .any(|k| schema.contains_key(*k))
    }

    /// A schema with a `discriminator`: an enum of its subtypes, named by the `mapping` (or,
    /// without one, by the component schemas that take it into their `allOf`).
    fn union_type(
        &mut self,
        pointer: &str,
        schema: &'a Map<String, Value>,
        context: &str,
        reserved: Option<TypeId>,
    ) -> Option<Type> {
        let at = format!("{pointer}/discriminator");
        let Some(property) = schema
            .get("discriminator")
            .and_then(|d| d.get("propertyName"))
            .and_then(Value::as_str)
        else {
            self.problem(at, "a discriminator needs a `propertyName`");
            return None;
        };
        let mut kinds: Vec<(String, String)> = Vec::new();
        let mapping = schema
            .get("discriminator")
            .and_then(|d| d.get("mapping"))
            .and_then(Value::as_object);
        match mapping {
            Some(mapping) => {
                for (value, reference) in mapping {
                    match reference.as_str() {
                        Some(reference) => kinds.push((value.clone(), reference.to_string())),
                        None => self
                            .problem(format!("{at}/mapping"), "mapping values must be references"),
                    }
                }
            }
            // Without a mapping, a `oneOf`'s referenced members name themselves.
            None if schema.contains_key("oneOf") => {
                let members = schema.get("oneOf").and_then(Value::as_array);
                for member in members.into_iter().flatten() {
                    let reference = member.get("$ref").and_then(Value::as_str);
                    match reference.and_then(|r| r.strip_prefix("#/components/schemas/")) {
                        Some(key) => kinds.push((unescape(key), reference.unwrap_or_default().to_string())),
                        None => self.problem(
                            format!("{pointer}/oneOf"),
                            "a discriminated `oneOf` without a mapping must list `$ref`s to component schemas",
                        ),
                    }
                }
            }
            None => {
                let raw: &'a Value = self.raw;
                let schemas = raw
                    .pointer("/components/schemas")
                    .and_then(Value::as_object);
                for (key, candidate) in schemas.into_iter().flatten() {
                    let refers_here = candidate
                        .get("allOf")
                        .and_then(Value::as_array)
                        .is_some_and(|members| {
                            members
                                .iter()
                                .any(|m| m.get("$ref").and_then(Value::as_str) == Some(pointer))
                        });
                    if refers_here {
                        kinds.push((key.clone(), format!("#/components/schemas/{}", escape(key))));
                    }
                }
            }
        }
        // A discriminator that no schema takes up is just a property: the schema is a struct.
        if kinds.is_empty() && schema.contains_key("properties") {
            let docs = lines(schema.get("description").and_then(Value::as_str));
            return Some(self.struct_type(pointer, docs, context, reserved));
        }
        let id = self.reserved_or_new(reserved, context);
        let mut names = Scope::with_reserved(["UnknownKind".to_string()]);
        let mut variants = Vec::new();
        for (value, reference) in kinds {
            let here = format!("{at}/mapping/{}", escape(&value));
            match self.reference(&here, &Value::String(reference.clone())) {
                Some(Type::Named(ty)) if matches!(self.types[ty].kind, TypeKind::Struct { .. }) => {
                    variants.push(UnionVariant {
                        name: names.claim(naming::type_name(&value)),
                        value,
                        ty,
                    });
                }
                Some(_) => self.problem(here, format!("`{reference}` is not an object schema")),
                None => {}
            }
        }
        self.types[id].docs = lines(schema.get("description").and_then(Value::as_str));
        self.types[id].kind = TypeKind::Union {
            property: property.to_string(),
            variants,
        };
        Some(Type::Named(id))
    }

    /// `anyOf: [{type: string, enum: [...]}, {type: string}]`: known values, others kept.
    fn extensible_enum(
        &mut self,
        pointer: &str,
        schema: &'a Map<String, Value>,
        context: &str,
        reserved: Option<TypeId>,
    ) -> Option<Type> {
        let mut values: Vec<String> = Vec::new();
        for (i, member) in schema["anyOf"].as_array().into_iter().flatten().enumerate() {
            if let Some(list) = member.get("enum") {
                values.extend(self.enum_values(&format!("{pointer}/anyOf/{i}/enum"), list)?);
            }
        }
        let docs = lines(schema.get("description").and_then(Value::as_str));
        let values = values.into_iter().map(|v| (v, Vec::new())).collect();
        Some(self.enum_type(values, true, docs, context, reserved))
    }

    fn enum_values(&mut self, pointer: &str, values: &Value) -> Option<Vec<String>> {
        let strings: Option<Vec<String>> = values
            .as_array()
            .map(|list| list.iter().map(|v| v.as_str().map(String::from)).collect())
            .unwrap_or(None);
        if strings.is_none() {
            self.problem(pointer, "enum values must be a list of strings");
        }
        strings
    }

    fn enum_type(
        &mut self,
        values: Vec<(String, Vec<String>)>,
        extensible: bool,
        docs: Vec<String>,
        context: &str,
        reserved: Option<TypeId>,
    ) -> Type {
        let id = self.reserved_or_new(reserved, context);
        // `UnknownValue` is the extensible enum's own variant name.
        let mut names = Scope::with_reserved(["UnknownValue".to_string()]);
        let mut variants: Vec<Variant> = Vec::new();
        for (value, docs) in values {
            if variants.iter().any(|v| v.value == value) {
                continue;
            }
            variants.push(Variant {
                name: names.claim(naming::type_name(&value)),
                value,
                docs,
            });
        }
        self.types[id].docs = docs;
        self.types[id].kind = TypeKind::Enum {
            variants,
            extensible,
        };
        Type::Named(id)
    }

    /// The schema at `pointer` and the schemas it wraps (`$ref`, single-member `allOf`),
    /// outermost first, so that a keyword stated beside a reference wins over the target's.
    fn wrapper_chain(&self, pointer: &str) -> Vec<&'a Map<String, Value>> {
        self.located_wrapper_chain(pointer)
            .into_iter()
            .map(|(_, schema)| schema)
            .collect()
    }

    /// The schemas of `wrapper_chain`, each with where it is.
    fn located_wrapper_chain(&self, pointer: &str) -> Vec<(String, &'a Map<String, Value>)> {
        let raw: &'a Value = self.raw;
        let mut chain = Vec::new();
        let mut at = pointer.to_string();
        // A chain of wrappers is short; the bound stops a reference loop.
        for _ in 0..16 {
            let Some(Value::Object(schema)) = resolve(raw, &at) else {
                break;
            };
            chain.push((at.clone(), schema));
            at = match (
                schema.get("$ref").and_then(Value::as_str),
                schema.get("allOf").and_then(Value::as_array),
            ) {
                (Some(reference), _) if reference.starts_with("#/") => reference.to_string(),
                (None, Some(members)) if members.len() == 1 => format!("{at}/allOf/0"),
                _ => break,
            };
        }
        chain
    }

    /// The first statement of `keyword` along the wrapper chain of the schema at `pointer`.
    fn keyword(&self, pointer: &str, keyword: &str) -> Option<&'a Value> {
        self.wrapper_chain(pointer)
            .into_iter()
            .find_map(|schema| schema.get(keyword))
    }

    /// Rustdoc for a property or parameter: its description (else that of the string,
    /// number or other plain schema it wraps), then its constraints, else its wire name.
    fn value_docs(&self, pointer: &str, wire_name: &str) -> Vec<String> {
        let description = self.keyword(pointer, "description").and_then(Value::as_str);
        let mut docs = lines(description);
        if docs.is_empty() {
            docs.push(format!("`{wire_name}`"));
        }
        if let Some(sentence) = self.constraint_sentence(pointer) {
            push_paragraph(&mut docs, &sentence);
        }
        docs
    }

    /// The constraints of the schema at `pointer` as one sentence, e.g. "Length 3 to 63,
    /// pattern `^[a-z]+$`. Not checked by the client: the service decides."
    fn constraint_sentence(&self, pointer: &str) -> Option<String> {
        let chain = self.wrapper_chain(pointer);
        let found = |keyword: &str| chain.iter().find_map(|schema| schema.get(keyword));
        let text = |v: &Value| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let exclusive = |keyword: &str| found(keyword).and_then(Value::as_bool).unwrap_or(false);
        let mut parts = Vec::new();
        // Formats the Rust type already states (`f64`, `OffsetDateTime`, …) are not repeated.
        let typed_formats = ["date-time", "int32", "int64", "uint64", "float", "double"];
        if let Some(format) = found("format")
            .map(text)
            .filter(|f| !typed_formats.contains(&f.as_str()))
        {
            parts.push(format!("format {}", code(&format)));
        }
        match (found("minLength"), found("maxLength")) {
            (Some(min), Some(max)) => parts.push(format!("length {} to {}", text(min), text(max))),
            (Some(min), None) => parts.push(format!("length at least {}", text(min))),
            (None, Some(max)) => parts.push(format!("length at most {}", text(max))),
            (None, None) => {}
        }
        for (keyword, exclusive_keyword, word) in [
            ("minimum", "exclusiveMinimum", "minimum"),
            ("maximum", "exclusiveMaximum", "maximum"),
        ] {
            if let Some(bound) = found(keyword) {
                let kind = if exclusive(exclusive_keyword) {
                    " (exclusive)"
                } else {
                    ""
                };
                parts.push(format!("{word} {}{kind}", text(bound)));
            }
        }
        if let Some(Value::Array(values)) = found("enum")
            && values.iter().all(|v| v.is_number() || v.is_boolean())
        {
            let listed: Vec<String> = values.iter().map(text).collect();
            parts.push(format!("one of {}", listed.join(", ")));
        }
        if let Some(multiple) = found("multipleOf") {
            parts.push(format!("multiple of {}", text(multiple)));
        }
        match (found("minItems"), found("maxItems")) {
            (Some(min), Some(max)) => parts.push(format!("{} to {} items", text(min), text(max))),
            (Some(min), None) => parts.push(format!("at least {} items", text(min))),
            (None, Some(max)) => parts.push(format!("at most {} items", text(max))),
            (None, None) => {}
        }
        if let Some(pattern) = found("pattern") {
            parts.push(format!("pattern {}", code(&text(pattern))));
        }
        if parts.is_empty() {
            return None;
        }
        let mut sentence = parts.join(", ");
        sentence[..1].make_ascii_uppercase();
        Some(format!(
            "{sentence}. Not checked by the client: the service decides."
        ))
    }

    // ---- passes over the finished arena ----------------------------------------------------

    /// Recognises a status model by shape: a `status` enum property with `Succeeded` and
    /// `Failed` among its values (compared without case, `Cancelled` too).
    fn status_monitor(&self, id: TypeId) -> Option<StatusMonitor> {
        let TypeKind::Struct { fields } = &self.types[id].kind else {
            return None;
        };
        let status = fields.iter().find(|f| f.json_name == "status")?;
        let Type::Named(states) = status.ty else {
            return None;
        };
        let TypeKind::Enum { variants, .. } = &self.types[states].kind else {
            return None;
        };
        let terminal: Vec<(String, Terminal)> = variants
            .iter()
            .filter_map(|v| {
                let meaning = match v.value.to_ascii_lowercase().as_str() {
                    "succeeded" => Terminal::Succeeded,
                    "failed" => Terminal::Failed,
                    "canceled" | "cancelled" => Terminal::Canceled,
                    _ => return None,
                };
                Some((v.name.clone(), meaning))
            })
            .collect();
        let has = |t: Terminal| terminal.iter().any(|(_, m)| *m == t);
        if !has(Terminal::Succeeded) || !has(Terminal::Failed) {
            return None;
        }
        let error_field = fields.iter().find(|f| {
            f.json_name == "error"
                && matches!(f.ty, Type::Named(error) if self.has_string_fields(error, &["code", "message"]))
        });
        Some(StatusMonitor {
            status_field: status.name.clone(),
            states,
            terminal,
            error_field: error_field.map(|f| f.name.clone()),
        })
    }

    fn has_string_fields(&self, id: TypeId, names: &[&str]) -> bool {
        match &self.types[id].kind {
            TypeKind::Struct { fields } => names.iter().all(|name| {
                fields
                    .iter()
                    .any(|f| f.json_name == *name && f.name == *name && f.ty == Type::String)
            }),
            TypeKind::Enum { .. } | TypeKind::Union { .. } | TypeKind::Untagged { .. } => false,
        }
    }

    /// Boxes each struct field whose type leads back, through plain struct fields, to the
    /// struct itself; `Vec` and maps already store their items on the heap.
    fn box_cycles(&mut self) {
        for id in 0..self.types.len() {
            let targets: Vec<(usize, TypeId)> = match &self.types[id].kind {
                TypeKind::Struct { fields } => fields
                    .iter()
                    .enumerate()
                    .filter_map(|(i, f)| match f.ty {
                        Type::Named(target) => Some((i, target)),
                        _ => None,
                    })
                    .collect(),
                TypeKind::Enum { .. } | TypeKind::Union { .. } | TypeKind::Untagged { .. } => {
                    continue;
                }
            };
            for (field, target) in targets {
                if self.reaches(target, id)
                    && let TypeKind::Struct { fields } = &mut self.types[id].kind
                {
                    fields[field].boxed = true;
                }
            }
        }
    }

    /// Whether `from` contains `to` inline, through fields that are not boxed collections.
    fn reaches(&self, from: TypeId, to: TypeId) -> bool {
        let mut stack = vec![from];
        let mut seen = BTreeSet::new();
        while let Some(id) = stack.pop() {
            if id == to {
                return true;
            }
            if !seen.insert(id) {
                continue;
            }
            match &self.types[id].kind {
                TypeKind::Struct { fields } => {
                    stack.extend(fields.iter().filter_map(|f| match f.ty {
                        Type::Named(next) => Some(next),
                        _ => None,
                    }))
                }
                TypeKind::Union { variants, .. } => stack.extend(variants.iter().map(|v| v.ty)),
                TypeKind::Untagged { variants } => {
                    stack.extend(variants.iter().filter_map(|(_, ty)| match ty {
                        Type::Named(next) => Some(*next),
                        _ => None,
                    }))
                }
                TypeKind::Enum { .. } => {}
            }
        }
        false
    }

    /// Marks the types that request bodies reach: users build those, so they stay open.
    /// Marks the models sent in request bodies (`in_request`), and among them those sent in
    /// merge-patch bodies (`merge_patch`), and the models sent or read as XML (`xml`), with
    /// every model they hold.
    fn mark_usage(&mut self, operations: &[Operation]) {
        let bodies = operations.iter().filter_map(|op| op.body.as_ref());
        self.mark_reachable(bodies.clone().map(|body| &body.ty), |def| {
            &mut def.in_request
        });
        let merge_patch = bodies
            .clone()
            .filter(|body| body.content_type.contains("merge-patch"));
        self.mark_reachable(merge_patch.map(|body| &body.ty), |def| &mut def.merge_patch);
        let xml_bodies = bodies
            .filter(|body| body.encoding == Encoding::Xml)
            .map(|body| &body.ty);
        let xml_replies = operations.iter().filter_map(|op| match &op.reply {
            Reply::Xml(ty) => Some(ty),
            _ => None,
        });
        self.mark_reachable(xml_bodies.chain(xml_replies), |def| &mut def.xml);
    }

    fn mark_reachable<'t>(
        &mut self,
        roots: impl Iterator<Item = &'t Type>,
        flag: fn(&mut TypeDef) -> &mut bool,
    ) {
        let mut stack: Vec<TypeId> = roots.flat_map(named_in).collect();
        while let Some(id) = stack.pop() {
            if std::mem::replace(flag(&mut self.types[id]), true) {
                continue;
            }
            match &self.types[id].kind {
                TypeKind::Struct { fields } => {
                    stack.extend(fields.iter().flat_map(|f| named_in(&f.ty)))
                }
                TypeKind::Union { variants, .. } => stack.extend(variants.iter().map(|v| v.ty)),
                TypeKind::Untagged { variants } => {
                    stack.extend(variants.iter().flat_map(|(_, ty)| named_in(ty)))
                }
                TypeKind::Enum { .. } => {}
            }
        }
    }

    fn report_unused_components(&mut self) {
        let unused: Vec<String> = self
            .component_names
            .keys()
            .filter(|key| !self.resolved.contains_key(*key) && !self.merged.contains(*key))
            .cloned()
            .collect();
        for key in unused {
            self.warnings.push(Problem::new(
                format!("#/components/schemas/{}", escape(&key)),
                "not generated: no operation uses this schema",
            ));
        }
    }
}

fn operations_of(
    api: &openapiv3::OpenAPI,
) -> impl Iterator<Item = (&String, &str, &openapiv3::Operation)> {
    api.paths.paths.iter().flat_map(|(path, item)| {
        item.as_item()
            .into_iter()
            .flat_map(move |item| item.iter().map(move |(method, op)| (path, method, op)))
    })
}

fn oauth2_scopes(flows: &openapiv3::OAuth2Flows) -> Vec<String> {
    let mut scopes = Vec::new();
    let flows = [
        flows.implicit.as_ref().map(|f| &f.scopes),
        flows.password.as_ref().map(|f| &f.scopes),
        flows.client_credentials.as_ref().map(|f| &f.scopes),
        flows.authorization_code.as_ref().map(|f| &f.scopes),
    ];
    for scope in flows.into_iter().flatten().flat_map(|s| s.keys()) {
        if !scopes.contains(scope) {
            scopes.push(scope.clone());
        }
    }
    scopes
}

/// Splits a server URL's path segment into (literal, variable) pairs: `a:{b}c` gives
/// `[("a:", Some("b")), ("c", None)]`. `None` for an unclosed or empty `{`.
fn template_parts(segment: &str) -> Option<Vec<(&str, Option<&str>)>> {
    let mut parts = Vec::new();
    let mut rest = segment;
    while let Some((literal, after)) = rest.split_once('{') {
        let (variable, next) = after.split_once('}')?;
        if variable.is_empty() {
            return None;
        }
        parts.push((literal, Some(variable)));
        rest = next;
    }
    if !rest.is_empty() {
        parts.push((rest, None));
    }
    Some(parts)
}

/// Whether a client built with `known` can make a request that asks for `asked`: the same
/// scheme, and for tokens no scope beyond those `known` asks for.
fn serves(known: &Auth, asked: &Auth) -> bool {
    match (known, asked) {
        (Auth::Bearer { scopes: known }, Auth::Bearer { scopes: asked }) => {
            asked.iter().all(|scope| known.contains(scope))
        }
        _ => known == asked,
    }
}

/// Whether an `anyOf` is TypeSpec's extensible string enum: string members only, at least one
/// of them open (no `enum`), so that values the document does not list are kept.
fn is_extensible_enum(schema: &Map<String, Value>) -> bool {
    let Some(members) = schema.get("anyOf").and_then(Value::as_array) else {
        return false;
    };
    let is_string = |m: &Value| m.get("type").and_then(Value::as_str) == Some("string");
    !members.is_empty()
        && members.iter().all(is_string)
        && members
            .iter()
            .any(|m| !m.as_object().is_some_and(|m| m.contains_key("enum")))
}

/// The variant name of a `oneOf` member that is not a named type: its title, else its type.
fn other_variant_name(ty: &Type, hint: &str, member: &Value) -> String {
    if member.get("title").is_some() {
        return naming::type_name(hint);
    }
    match ty {
        Type::Bool => "Boolean",
        Type::I32 | Type::I64 | Type::U64 => "Integer",
        Type::F32 | Type::F64 => "Number",
        Type::String | Type::DateTime => "String",
        Type::List(_) => "List",
        Type::Map(_) => "Map",
        Type::Nullable(inner) => return other_variant_name(inner, hint, member),
        Type::Json | Type::Named(_) => "Value",
        Type::Bytes => "Bytes",
        Type::File => "File",
    }
    .to_string()
}

fn is_scalar(ty: &Type, types: &[TypeDef]) -> bool {
    match ty {
        Type::Named(id) => matches!(types[*id].kind, TypeKind::Enum { .. }),
        Type::List(_) | Type::Map(_) | Type::Nullable(_) | Type::Json | Type::File => false,
        _ => true,
    }
}

fn is_success(code: &StatusCode) -> bool {
    match code {
        StatusCode::Code(code) => (200..300).contains(code),
        StatusCode::Range(range) => *range == 2,
    }
}

fn is_json(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    essence == "application/json" || essence.ends_with("+json")
}

fn is_xml(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    matches!(essence, "application/xml" | "text/xml") || essence.ends_with("+xml")
}

/// The type with every date-time as text (RFC 3339 as the service sends it).
fn text_dates(ty: Type) -> Type {
    match ty {
        Type::DateTime => Type::String,
        Type::List(item) => Type::List(Box::new(text_dates(*item))),
        Type::Map(value) => Type::Map(Box::new(text_dates(*value))),
        Type::Nullable(inner) => Type::Nullable(Box::new(text_dates(*inner))),
        other => other,
    }
}

/// The named types a type mentions.
pub(crate) fn named_in(ty: &Type) -> Vec<TypeId> {
    match ty {
        Type::Named(id) => vec![*id],
        Type::List(inner) | Type::Map(inner) | Type::Nullable(inner) => named_in(inner),
        _ => Vec::new(),
    }
}

/// `WidgetStore` is `widgetstore`, `Oxide Region API` is `oxide-region-api`: lowercase words
/// joined by `-`, as crates.io names go.
fn crate_stem(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() {
        "api".to_string()
    } else {
        words.join("-")
    }
}

/// Unescapes one JSON pointer token.
fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// The value at a `#/…` pointer of the document, as `Value::pointer` finds it, without
/// allocating for the tokens that have no `~` escape (pointers are resolved very often).
fn resolve<'v>(raw: &'v Value, pointer: &str) -> Option<&'v Value> {
    let path = pointer.strip_prefix('#')?;
    if path.is_empty() {
        return Some(raw);
    }
    path.strip_prefix('/')?
        .split('/')
        .try_fold(raw, |value, token| {
            let token = if token.contains('~') {
                std::borrow::Cow::Owned(unescape(token))
            } else {
                std::borrow::Cow::Borrowed(token)
            };
            match value {
                Value::Object(map) => map.get(token.as_ref()),
                // As JSON Pointer indexes are written: no sign, no leading zero.
                Value::Array(list)
                    if !token.starts_with('+') && (token.len() == 1 || !token.starts_with('0')) =>
                {
                    token.parse::<usize>().ok().and_then(|i| list.get(i))
                }
                _ => None,
            }
        })
}

/// Splits a description into rustdoc lines. Lines are trimmed, since rustdoc runs indented
/// blocks as Rust doctests, and a fence without a language becomes `text` for the same reason.
fn lines(text: Option<&str>) -> Vec<String> {
    let mut in_fence = false;
    let mut out = Vec::new();
    for line in text.unwrap_or("").trim().lines() {
        let line = line.trim();
        if let Some(info) = line.strip_prefix("```") {
            if !in_fence && info.trim().is_empty() {
                out.push("```text".to_string());
                in_fence = true;
                continue;
            }
            in_fence = !in_fence;
        }
        out.push(if in_fence {
            line.to_string()
        } else {
            markdown_text(line)
        });
    }
    out
}

fn push_paragraph(docs: &mut Vec<String>, line: &str) {
    if !docs.is_empty() {
        docs.push(String::new());
    }
    docs.push(line.to_string());
}

/// The document's text as rustdoc reads it well: a bare URL goes in `<…>`, which links it
/// (a URL in a Markdown link, in backticks or already in `<…>` is left as it is), and a `<` that
/// would open an HTML tag (`Record<string>`) or a `[` that would open an intra-doc link
/// (`[a,b]`) is escaped.
fn markdown_text(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    // The length of the backtick run that opened the code span we are in, if any.
    let mut code_span: Option<usize> = None;
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        let at_url = rest.starts_with("http://") || rest.starts_with("https://");
        let linked = out.ends_with('<') || out.ends_with("](");
        if at_url && code_span.is_none() && !linked {
            let end = rest
                .find(|c: char| {
                    c.is_whitespace() || matches!(c, ')' | '>' | '"' | '\'' | ']' | '`')
                })
                .unwrap_or(rest.len());
            // Sentence punctuation after the URL is not part of it.
            let url = rest[..end].trim_end_matches(['.', ',', ';', ':']);
            out.push('<');
            out.push_str(url);
            out.push('>');
            rest = &rest[url.len()..];
            continue;
        }
        if c == '`' {
            let run = rest.len() - rest.trim_start_matches('`').len();
            code_span = match code_span {
                None => Some(run),
                Some(open) if open == run => None,
                other => other,
            };
            out.push_str(&rest[..run]);
            rest = &rest[run..];
            continue;
        }
        // `<` and `[` are one byte, so `rest[1..]` is what follows them.
        let opens_tag =
            c == '<' && !(rest[1..].starts_with("http://") || rest[1..].starts_with("https://"));
        // `[text]` is a rustdoc link unless it is a Markdown one, `[text](url)`.
        let opens_link = c == '['
            && !rest[1..]
                .find(']')
                .is_some_and(|close| rest[1 + close + 1..].starts_with('('));
        if (opens_tag || opens_link) && code_span.is_none() {
            out.push('\\');
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Text as a Markdown code span, safe when the text itself holds backticks.
fn code(text: &str) -> String {
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_resolve_as_serde_json_resolves_them() {
        let raw = serde_json::json!({
            "a/b": {"c~d": [10, 11, {"e": true}]},
            "list": [0, 1],
            "": {"empty": 1},
        });
        for pointer in [
            "",
            "/a~1b",
            "/a~1b/c~0d",
            "/a~1b/c~0d/2/e",
            "/list/1",
            "/list/01",
            "/list/+1",
            "/list/2",
            "/list/x",
            "/missing",
            "/",
            "//empty",
            "/a~1b/c~0d/0/deeper",
        ] {
            assert_eq!(
                resolve(&raw, &format!("#{pointer}")),
                raw.pointer(pointer),
                "{pointer}"
            );
        }
        assert_eq!(resolve(&raw, "a~1b"), None);
    }

    #[test]
    fn descriptions_read_as_rustdoc_markdown() {
        // A bare URL is linked; one in a Markdown link, a code span or `<…>` is left alone.
        assert_eq!(
            markdown_text("See https://aka.ms/guidelines#errors. Or [this](https://x.y)."),
            "See <https://aka.ms/guidelines#errors>. Or [this](https://x.y)."
        );
        assert_eq!(
            markdown_text("`https://x.y` and <https://x.y>"),
            "`https://x.y` and <https://x.y>"
        );
        assert_eq!(markdown_text("(see http://a.b)"), "(see <http://a.b>)");
        // `<` and `[` that would open an HTML tag or an intra-doc link are escaped, outside
        // code spans of any backtick count.
        assert_eq!(
            markdown_text("Record<string> and `Vec<u8>`"),
            "Record\\<string> and `Vec<u8>`"
        );
        assert_eq!(
            markdown_text("one of [a,b]; [docs](https://d.e); `` [x]`<y> ``"),
            "one of \\[a,b]; [docs](https://d.e); `` [x]`<y> ``"
        );
        assert_eq!(markdown_text("café <é"), "café \\<é");
    }

    #[test]
    fn descriptions_cannot_become_doctests() {
        let text = "Intro.\n    indented code\n```\nlet x = 1;\n```\n```json\n{}\n```";
        assert_eq!(
            lines(Some(text)),
            [
                "Intro.",
                "indented code",
                "```text",
                "let x = 1;",
                "```",
                "```json",
                "{}",
                "```"
            ]
        );
    }

    #[test]
    fn crate_stems_are_lowercase_words() {
        assert_eq!(crate_stem("WidgetStore"), "widgetstore");
        assert_eq!(crate_stem("Oxide Region API"), "oxide-region-api");
        assert_eq!(crate_stem("%%"), "api");
    }
}
