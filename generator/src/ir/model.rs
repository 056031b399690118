//! The model that `ir` hands to `emit`: what the client is made of, with every name decided and
//! every reference resolved. It is all that `emit` knows of the document.

use std::collections::BTreeMap;

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
    /// The service's name in its tracing spans (`az.namespace`, and the first word of each
    /// span's name): the title as a type name, e.g. `WidgetStore`.
    pub namespace: String,
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
    /// `format: decimal` (or `decimal128`): an exact decimal, `rust_decimal::Decimal`, which
    /// reads and writes JSON numbers.
    Decimal,
    String,
    /// `format: date-time`, RFC 3339 on the wire.
    DateTime,
    /// A date-time or bytes in another wire format, read and written through azure_core's
    /// serde helpers.
    Encoded(WireFormat),
    /// A schema without a type: any JSON value.
    Json,
    /// Raw bytes: an `application/octet-stream` body.
    Bytes,
    List(Box<Type>),
    /// A list of a fixed length whose items have types of their own (`prefixItems`): a tuple,
    /// which serde reads and writes as a JSON array.
    Tuple(Vec<Type>),
    /// `additionalProperties`: a map from string keys.
    Map(Box<Type>),
    /// A list item or map value that may be `null` (`nullable: true`): an `Option`.
    Nullable(Box<Type>),
    /// A file (`format: binary`) in a multipart body: its contents, name and media type.
    File,
    Named(TypeId),
}

/// The wire formats of dates and bytes other than RFC 3339, each with a serde helper of
/// azure_core's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WireFormat {
    /// `date-time-rfc7231`, `date-time-rfc1123`, `http-date`: an `OffsetDateTime` as
    /// `Fri, 26 Aug 2022 14:38:00 GMT`.
    HttpDate,
    /// `unixtime`: an `OffsetDateTime` as whole seconds since 1970.
    UnixTime,
    /// `byte`, `base64`: bytes as standard base64 text.
    Base64,
    /// `base64url`: bytes as URL-safe base64 text, unpadded.
    Base64Url,
}

impl WireFormat {
    /// The format of a schema's `format`, if it is one of these.
    pub fn of(format: &str) -> Option<WireFormat> {
        Some(match format {
            "date-time-rfc7231" | "date-time-rfc1123" | "http-date" => WireFormat::HttpDate,
            "unixtime" => WireFormat::UnixTime,
            "byte" | "base64" => WireFormat::Base64,
            "base64url" => WireFormat::Base64Url,
            _ => return None,
        })
    }

    /// The type of its wire text, where no serde helper applies (in a list or a map, or in an
    /// XML or merge-patch body): the caller encodes.
    pub fn text(self) -> Type {
        match self {
            WireFormat::UnixTime => Type::I64,
            _ => Type::String,
        }
    }
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
    /// Another name for a type: a schema that falls back to `serde_json::Value` after
    /// references to it were made.
    Alias(Type),
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
    /// Sent by the client, never returned (`writeOnly`): never deserialized.
    pub write_only: bool,
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
    /// Query pairs sent on every request, with no argument: those the path template carries
    /// (`/q?comp=acl`; a pair without `=` is a key alone), and required queries of one value.
    pub constant_query: Vec<(String, Option<String>)>,
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
    /// The document marks the operation `deprecated`: its methods are `#[deprecated]`.
    pub deprecated: bool,
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
    /// A text body (`text/plain`, `text/csv`, …); `accept` lists its media types.
    Text { accept: String },
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
    /// Rust name of the page's items field (`value`).
    pub items_field: String,
    /// The page's next-link field, as (Rust name, JSON name); `None` when the list is one page.
    pub next_link: Option<(String, String)>,
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
    /// A pair of the `Cookie` header.
    Cookie,
}

/// A path, query, header or cookie parameter.
#[derive(Debug)]
pub struct Param {
    pub name: String,
    pub wire_name: String,
    pub location: Location,
    pub ty: Type,
    pub docs: Vec<String>,
    /// A list sent as one pair per item (`tags=a&tags=b`) rather than joined; an object in a
    /// query, as one pair per property (`a=1&b=2`) rather than `name=a,1,b,2`.
    pub explode: bool,
    /// An object in a query sent as `name[a]=1&name[b]=2` (`style: deepObject`).
    pub deep_object: bool,
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

/// The error a poller ends with when its operation failed or was canceled.
pub const OPERATION_FAILURE: &str = "OperationFailure";

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

impl Type {
    /// Whether the type is `want` or holds it, in a list, map, tuple or `Option`.
    pub fn holds(&self, want: &Type) -> bool {
        self == want
            || match self {
                Type::List(inner) | Type::Map(inner) | Type::Nullable(inner) => inner.holds(want),
                Type::Tuple(items) => items.iter().any(|item| item.holds(want)),
                _ => false,
            }
    }
}

/// The named types a type mentions.
pub(crate) fn named_in(ty: &Type) -> Vec<TypeId> {
    match ty {
        Type::Named(id) => vec![*id],
        Type::List(inner) | Type::Map(inner) | Type::Nullable(inner) => named_in(inner),
        Type::Tuple(items) => items.iter().flat_map(named_in).collect(),
        _ => Vec::new(),
    }
}

/// Whether a value of `ty` is written as one piece of text: a string, number, boolean or enum.
pub(crate) fn is_scalar(ty: &Type, types: &[TypeDef]) -> bool {
    match ty {
        Type::Named(id) => matches!(types[*id].kind, TypeKind::Enum { .. }),
        Type::Encoded(_) => true,
        Type::List(_)
        | Type::Tuple(_)
        | Type::Map(_)
        | Type::Nullable(_)
        | Type::Json
        | Type::File => false,
        _ => true,
    }
}

/// Whether a value of `ty` is an object whose properties a query can carry: a struct, or a map
/// of scalars.
pub(crate) fn is_object(ty: &Type, types: &[TypeDef]) -> bool {
    match ty {
        Type::Named(id) => matches!(types[*id].kind, TypeKind::Struct { .. }),
        Type::Map(value) => is_scalar(value, types),
        _ => false,
    }
}
