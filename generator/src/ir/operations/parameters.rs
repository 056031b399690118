//! Parameters: path, query and header parameters into method arguments and options, and the
//! path template into segments of literal text and parameters.

use crate::ir::docs::{lines, push_paragraph};
use crate::ir::model::{Location, Param, SegmentPart, Type, TypeDef, TypeKind};
use crate::ir::schemas::Schemas;
use crate::naming::{self, Scope};
use crate::pointer::unescape;
use openapiv3::{Parameter, ParameterSchemaOrContent, ReferenceOr};

/// The api-version query parameter is the client's, not each method's (Azure convention).
const API_VERSION: &str = "api-version";

/// An operation's parameters, sorted as the method takes them.
pub(super) struct Parameters {
    /// The path's parameters, all required.
    pub path: Vec<Param>,
    /// The other required parameters: method arguments after the path's.
    pub other_required: Vec<Param>,
    /// Fields of the options struct.
    pub optional: Vec<Param>,
    /// Whether the client's api-version is sent as the `api-version` query parameter.
    pub sends_api_version: bool,
    /// Declared parameters that could not be read, so the path does not report them again.
    pub failed: Vec<String>,
}

/// Reads the parameters the operation and its path item declare.
pub(super) fn parameters(
    schemas: &mut Schemas<'_>,
    api: &openapiv3::OpenAPI,
    pointer: &str,
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
    ];
    let mut names = Scope::with_reserved(locals.map(String::from));
    let mut path_params: Vec<Param> = Vec::new();
    let mut other_required: Vec<Param> = Vec::new();
    let mut optional: Vec<Param> = Vec::new();
    let mut sends_api_version = false;
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
                schemas
                    .cx
                    .problem(at, "cookie parameters are not supported");
                continue;
            }
        };
        if location == Location::Query && data.name == API_VERSION {
            sends_api_version = true;
            continue;
        }
        let ParameterSchemaOrContent::Schema(_) = &data.format else {
            schemas.cx.problem(
                at,
                "a parameter with `content` instead of `schema` is not supported",
            );
            continue;
        };
        let schema_at = format!("{at}/schema");
        let context = format!("{}{}", type_prefix, naming::type_name(&data.name));
        let Some(ty) = schemas.schema_type(&schema_at, &context) else {
            failed.push(data.name.clone());
            continue;
        };
        // Lists of scalars go in queries and headers; a path segment holds one value.
        let fits = match (&ty, location) {
            (Type::List(item), Location::Query | Location::Header) => {
                is_scalar(item, &schemas.types)
            }
            (ty, _) => is_scalar(ty, &schemas.types),
        };
        if !fits {
            schemas.cx.problem(
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
            docs = schemas.cx.value_docs(&schema_at, &data.name);
        } else if let Some(sentence) = schemas.cx.constraint_sentence(&schema_at) {
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
                schemas.cx.problem(at, "a path parameter must be required");
            }
            (_, true) => other_required.push(param),
            (_, false) => optional.push(param),
        }
    }

    Parameters {
        path: path_params,
        other_required,
        optional,
        sends_api_version,
        failed,
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
                    schemas.cx.problem(
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
pub(super) fn path_segments(
    schemas: &mut Schemas<'_>,
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
                schemas
                    .cx
                    .problem(pointer, format!("path `{path}` has an unclosed `{{`"));
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
                None => schemas.cx.problem(
                    format!("{pointer}/parameters"),
                    format!("path `{path}` uses `{{{name}}}`, which no path parameter declares"),
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
            schemas.cx.problem(
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

/// Whether a value of `ty` is written as one piece of text: a string, number, boolean or enum.
fn is_scalar(ty: &Type, types: &[TypeDef]) -> bool {
    match ty {
        Type::Named(id) => matches!(types[*id].kind, TypeKind::Enum { .. }),
        Type::List(_) | Type::Map(_) | Type::Nullable(_) | Type::Json | Type::File => false,
        _ => true,
    }
}
