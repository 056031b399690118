//! Parameters: path, query, header and cookie parameters into method arguments and options, and
//! the path template into segments of literal text and parameters.

use crate::WarningKind;
use crate::ir::docs::{lines, push_paragraph};
use crate::ir::model::{Location, Param, SegmentPart, Type, is_object, is_scalar};
use crate::ir::schemas::Schemas;
use crate::naming::{self, Scope};
use crate::pointer::{escape, unescape};
use openapiv3::{Parameter, ParameterSchemaOrContent, QueryStyle, ReferenceOr};

/// The api-version query parameter is the client's, not each method's (Azure convention).
const API_VERSION: &str = "api-version";

/// An operation's parameters, sorted as the method takes them, and its path.
pub(super) struct Parameters {
    /// The required parameters, the path's first (in the path's order): method arguments.
    pub required: Vec<Param>,
    /// Fields of the options struct.
    pub optional: Vec<Param>,
    /// Whether the client's api-version is sent as the `api-version` query parameter.
    pub sends_api_version: bool,
    /// The path's segments; their parameters index `required`.
    pub segments: Vec<Vec<SegmentPart>>,
    /// Query pairs sent on every request, with no argument: those the path itself carries
    /// (`/q?comp=acl`, as autorest's `x-ms-paths` write them; a pair without `=` is a key
    /// alone), then the required query parameters of one value.
    pub constant_query: Vec<(String, Option<String>)>,
}

/// Reads the parameters the operation and its path item declare, and the path template.
pub(super) fn parameters(
    schemas: &mut Schemas<'_>,
    api: &openapiv3::OpenAPI,
    (path, pointer): (&str, &str),
    path_level: &[ReferenceOr<Parameter>],
    operation: &openapiv3::Operation,
    type_prefix: &str,
) -> Parameters {
    let declared = declared(schemas, api, pointer, path_level, operation);
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
        "cookies",
    ];
    let mut names = Scope::with_reserved(locals.map(String::from));
    let mut path_params: Vec<Param> = Vec::new();
    let mut other_required: Vec<Param> = Vec::new();
    let mut optional: Vec<Param> = Vec::new();
    let mut sends_api_version = false;
    let mut constants = Vec::new();
    for (at, parameter) in declared {
        let data = parameter.parameter_data_ref();
        if matches!(parameter, Parameter::Query { .. }) && data.name == API_VERSION {
            sends_api_version = true;
            continue;
        }
        // A required query parameter of one allowed value has nothing to choose: it is sent
        // as a constant, as autorest sends it.
        if let (Parameter::Query { .. }, true) = (parameter, data.required)
            && let Some(value) = single_value(schemas, &format!("{at}/schema"))
        {
            constants.push((data.name.clone(), Some(value)));
            continue;
        }
        let param = parameter_of(schemas, &at, parameter, type_prefix, &mut names);
        match (param.location, data.required) {
            (Location::Path, required) => {
                if !required {
                    schemas.cx.warn(
                        WarningKind::Parameter,
                        at,
                        "a path parameter is always required (OpenAPI): it is a required argument",
                    );
                }
                path_params.push(param);
            }
            (_, true) => other_required.push(param),
            (_, false) => optional.push(param),
        }
    }
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    // A pair that a parameter also declares is the parameter's to send.
    let declared: Vec<&str> = (path_params.iter().chain(&other_required).chain(&optional))
        .map(|p| p.wire_name.as_str())
        .chain(constants.iter().map(|(name, _)| name.as_str()))
        .collect();
    let mut constant_query: Vec<(String, Option<String>)> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((key, value)) => (key.to_string(), Some(value.to_string())),
            None => (pair.to_string(), None),
        })
        .filter(|(key, _)| !declared.contains(&key.as_str()))
        .collect();
    constant_query.extend(constants);
    let segments = path_segments(schemas, path, pointer, &mut path_params, &mut names);
    // Required parameters keep the path's order first: it reads like the URL.
    let mut required = path_params;
    required.extend(other_required);
    Parameters {
        required,
        optional,
        sends_api_version,
        segments,
        constant_query,
    }
}

/// One parameter, named in `names`. What the client cannot send as the document states is sent
/// as the text the caller gives, with a warning.
fn parameter_of(
    schemas: &mut Schemas<'_>,
    at: &str,
    parameter: &Parameter,
    type_prefix: &str,
    names: &mut Scope,
) -> Param {
    let data = parameter.parameter_data_ref();
    let (location, separator, deep_object) = match parameter {
        Parameter::Path { .. } => (Location::Path, ",", false),
        Parameter::Query { style, .. } => match style {
            QueryStyle::SpaceDelimited => (Location::Query, " ", false),
            QueryStyle::PipeDelimited => (Location::Query, "|", false),
            QueryStyle::DeepObject => (Location::Query, ",", true),
            QueryStyle::Form => (Location::Query, ",", false),
        },
        Parameter::Header { .. } => (Location::Header, ",", false),
        Parameter::Cookie { .. } => (Location::Cookie, ",", false),
    };
    let schema_at = match &data.format {
        ParameterSchemaOrContent::Schema(_) => format!("{at}/schema"),
        ParameterSchemaOrContent::Content(content) => {
            let media_type = content.keys().next().map_or("", String::as_str);
            format!("{at}/content/{}/schema", escape(media_type))
        }
    };
    let ty = match &data.format {
        ParameterSchemaOrContent::Schema(_) => {
            let context = format!("{}{}", type_prefix, naming::type_name(&data.name));
            schemas.schema_type(&schema_at, &context)
        }
        ParameterSchemaOrContent::Content(_) => {
            schemas.cx.warn(
                WarningKind::Parameter,
                at,
                "a parameter with `content` is sent as the text the caller gives (e.g. JSON)",
            );
            Type::String
        }
    };
    // Lists of scalars go in queries, headers and cookies, and objects in queries; a path
    // segment holds one value.
    let is_scalar = |ty: &Type| is_scalar(ty, &schemas.types);
    let fits = match (&ty, location) {
        (Type::List(item), Location::Query | Location::Header | Location::Cookie) => {
            is_scalar(item)
        }
        (ty, Location::Query) => is_scalar(ty) || is_object(ty, &schemas.types),
        (ty, _) => is_scalar(ty),
    };
    let ty = if fits {
        ty
    } else {
        schemas.cx.warn(
            WarningKind::Parameter,
            &schema_at,
            "parameters are modelled as strings, numbers, booleans, enums, lists of those, and objects in queries: this one is sent as the text the caller gives",
        );
        Type::String
    };
    // OpenAPI's default: a query's `form` style explodes lists, a header's `simple` does not.
    let explode = data.explode.unwrap_or(location == Location::Query);
    let mut docs = lines(data.description.as_deref());
    if docs.is_empty() {
        docs = schemas.cx.value_docs(&schema_at, &data.name);
    } else if let Some(sentence) = schemas.cx.constraint_sentence(&schema_at) {
        push_paragraph(&mut docs, &sentence);
    }
    if data.deprecated == Some(true) {
        push_paragraph(&mut docs, "Deprecated by the service.");
    }
    if let Some(prefix) = data
        .extensions
        .get("x-ms-header-collection-prefix")
        .and_then(serde_json::Value::as_str)
    {
        schemas.cx.warn(
            WarningKind::Parameter,
            at,
            format!(
                "a collection of headers named `{prefix}…`, which the client does not model: sent as the one header `{}`, with the text the caller gives",
                data.name
            ),
        );
    }
    Param {
        name: names.claim(naming::value_name(schemas.cx.client_name(at, &data.name))),
        wire_name: data.name.clone(),
        location,
        ty,
        docs,
        explode,
        deep_object,
        separator,
    }
}

/// The parameters of an operation and its path item, each with where it is declared:
/// operation-level parameters override path-level ones with the same name and location.
fn declared<'p>(
    schemas: &mut Schemas<'_>,
    api: &'p openapiv3::OpenAPI,
    pointer: &str,
    path_level: &'p [ReferenceOr<Parameter>],
    operation: &'p openapiv3::Operation,
) -> Vec<(String, &'p Parameter)> {
    let item_pointer = pointer.rsplit_once('/').map_or("#", |(p, _)| p).to_string();
    let mut declared: Vec<(String, &Parameter)> = Vec::new();
    for (base, list) in [
        (item_pointer.as_str(), path_level),
        (pointer, &operation.parameters[..]),
    ] {
        for (i, parameter) in list.iter().enumerate() {
            let here = format!("{base}/parameters/{i}");
            let Some((at, parameter)) = resolve_parameter(schemas, api, parameter, &here) else {
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

    declared
}

/// A parameter, or the one its `$ref` names in `#/components/parameters`, with where it is.
fn resolve_parameter<'p>(
    schemas: &mut Schemas<'_>,
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
                    schemas.cx.warn(
                        WarningKind::Parameter,
                        format!("{here}/$ref"),
                        format!(
                            "`{reference}` does not name a parameter in #/components/parameters: left out"
                        ),
                    );
                    None
                }
            }
        }
    }
}

/// The one value the schema at `pointer` allows, if its `enum` lists exactly one string.
fn single_value(schemas: &Schemas<'_>, pointer: &str) -> Option<String> {
    match schemas.cx.keyword(pointer, "enum")?.as_array()?.as_slice() {
        [serde_json::Value::String(value)] => Some(value.clone()),
        _ => None,
    }
}

/// Splits `/a/{b}/c{d}` into segments of literal text and parameters. A declared path parameter
/// the path does not use is left out; a `{name}` that nothing declares becomes a required string
/// argument; an unclosed `{` is text.
fn path_segments(
    schemas: &mut Schemas<'_>,
    path: &str,
    pointer: &str,
    params: &mut Vec<Param>,
    names: &mut Scope,
) -> Vec<Vec<SegmentPart>> {
    let (template, unclosed) = template_of(path);
    if unclosed {
        schemas.cx.warn(
            WarningKind::Parameter,
            pointer,
            format!("path `{path}` has an unclosed `{{`: it is sent as text"),
        );
    }
    let used = |name: &str| {
        template
            .iter()
            .flatten()
            .any(|piece| matches!(piece, Piece::Name(n) if n == name))
    };
    params.retain(|param| {
        let keep = used(&param.wire_name);
        if !keep {
            schemas.cx.warn(
                WarningKind::Parameter,
                format!("{pointer}/parameters"),
                format!(
                    "path parameter `{}` does not appear in path `{path}`: left out",
                    param.wire_name
                ),
            );
        }
        keep
    });
    let mut segments = Vec::new();
    for pieces in &template {
        let mut parts = Vec::new();
        for piece in pieces {
            match piece {
                Piece::Literal(text) => parts.push(SegmentPart::Literal(text.clone())),
                Piece::Name(name) => {
                    let index = match params.iter().position(|p| p.wire_name == *name) {
                        Some(index) => index,
                        None => {
                            schemas.cx.warn(
                                WarningKind::Parameter,
                                format!("{pointer}/parameters"),
                                format!("path `{path}` uses `{{{name}}}`, which no path parameter declares: a required string argument"),
                            );
                            params.push(Param {
                                name: names.claim(naming::value_name(name)),
                                wire_name: name.clone(),
                                location: Location::Path,
                                ty: Type::String,
                                docs: vec![format!("`{name}`, in the path.")],
                                explode: false,
                                deep_object: false,
                                separator: ",",
                            });
                            params.len() - 1
                        }
                    };
                    parts.push(SegmentPart::Param(index));
                }
            }
        }
        segments.push(parts);
    }
    segments
}

/// A piece of a path template's segment.
enum Piece {
    Literal(String),
    Name(String),
}

/// The path's segments as literal text and `{names}`, and whether a `{` was left unclosed
/// (the rest of its segment is then text).
fn template_of(path: &str) -> (Vec<Vec<Piece>>, bool) {
    let mut unclosed = false;
    let segments = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|segment| {
            let mut pieces = Vec::new();
            let mut rest = segment;
            while let Some(open) = rest.find('{') {
                let Some(close) = rest[open..].find('}') else {
                    unclosed = true;
                    break;
                };
                if open > 0 {
                    pieces.push(Piece::Literal(rest[..open].to_string()));
                }
                pieces.push(Piece::Name(rest[open + 1..open + close].to_string()));
                rest = &rest[open + close + 1..];
            }
            if !rest.is_empty() {
                pieces.push(Piece::Literal(rest.to_string()));
            }
            pieces
        })
        .collect();
    (segments, unclosed)
}
