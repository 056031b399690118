//! Operations into client methods: each operation is read (parameters, body, replies, docs)
//! and sorted into the root client or its group's sub-client, where its method is named.

mod bodies;
mod parameters;

use super::docs::lines;
use super::long_running::{self, status_monitor};
use super::model::{ClientDef, Operation, Poll, Reply, Type};
use super::paging;
use super::schemas::Schemas;
use crate::WarningKind;
use crate::naming::{self, Scope};
use crate::pointer::escape;
use bodies::{error_response, request_body, success_response};
use openapiv3::{Parameter, ReferenceOr};
use parameters::{Parameters, parameters};
use std::collections::HashMap;

/// Reads every operation and sorts it into the root client or its group's sub-client.
pub(super) fn read(
    schemas: &mut Schemas<'_>,
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
        Scope::with_reserved(
            ["new", "endpoint", "api_version", "endpoint_and_pipeline"].map(String::from),
        ),
    )];
    let mut seen_ids: HashMap<String, String> = HashMap::new();
    let mut operations = Vec::new();
    for (path, item) in &api.paths.paths {
        let item_pointer = format!("#/paths/{}", escape(path));
        let ReferenceOr::Item(item) = item else {
            schemas.cx.warn(
                WarningKind::Operation,
                item_pointer,
                "a `$ref` path item is not followed: its operations are left out",
            );
            continue;
        };
        for (method, operation) in item.iter() {
            let pointer = format!("{item_pointer}/{method}");
            let Some(http_method) = http_method_of(method) else {
                schemas.cx.warn(
                    WarningKind::Operation,
                    pointer,
                    format!("azure_core sends no `{method}` requests: the operation is left out"),
                );
                continue;
            };
            // Without an id (or with one taken already), the method and the path's literal
            // words name it.
            let named_by_path = format!("{method} {}", path.replace(['{', '}'], ""));
            let operation_id = match &operation.operation_id {
                Some(id) => match seen_ids.get(id) {
                    Some(first) => {
                        schemas.cx.warn(
                            WarningKind::Operation,
                            format!("{pointer}/operationId"),
                            format!("duplicate operationId `{id}` (first used at {first}): this one is named from its method and path"),
                        );
                        named_by_path
                    }
                    None => {
                        seen_ids.insert(id.clone(), pointer.clone());
                        id.clone()
                    }
                },
                None => named_by_path,
            };
            // `Group_action`: a group named like the service itself is the root client's.
            let (group, action) = match operation_id.split_once('_') {
                Some((group, action)) if !group.is_empty() && !action.is_empty() => {
                    let is_root = naming::type_name(group) == naming::type_name(title);
                    ((!is_root).then_some(group), action)
                }
                _ => (None, operation_id.as_str()),
            };
            let client = client_of(schemas, &mut clients, group, title);
            let method_name = clients[client].1.claim(naming::value_name(action));
            let owner = clients[client].0.name.clone();
            let options_name = schemas
                .type_names
                .claim(format!("{owner}{}Options", naming::type_name(action)));
            let mut op = read_operation(
                schemas,
                api,
                (path, http_method),
                &item.parameters,
                operation,
                &pointer,
                method_name,
                options_name,
                &naming::type_name(&operation_id),
            );
            op.client = client;
            let polls_status = op.http_method == "Get"
                && matches!(op.reply, Reply::Json(Type::Named(id)) if status_monitor(&schemas.types, id).is_some());
            if polls_status {
                let poll_method = format!("poll_{}", op.method_name.trim_start_matches("r#"));
                op.poll = Some(Poll {
                    options_name: schemas
                        .type_names
                        .claim(format!("{owner}{}Options", naming::type_name(&poll_method))),
                    method_name: clients[client].1.claim(poll_method),
                });
            }
            operations.push(op);
        }
    }
    long_running::mark(
        &mut schemas.cx,
        &mut operations,
        &mut clients,
        &schemas.types,
        &mut schemas.type_names,
    );
    paging::mark(&mut schemas.cx, &mut operations, &schemas.types);
    (
        operations,
        clients.into_iter().map(|(client, _)| client).collect(),
    )
}

/// The client whose method an operation of `group` is: the root client (index 0) for none,
/// else the group's sub-client, made when the group is first met.
fn client_of(
    schemas: &mut Schemas<'_>,
    clients: &mut Vec<(ClientDef, Scope)>,
    group: Option<&str>,
    title: &str,
) -> usize {
    match group {
        None => 0,
        Some(group) => match clients
            .iter()
            .position(|(c, _)| c.group.as_deref() == Some(group))
        {
            Some(index) => index,
            None => {
                let name = schemas.type_names.claim(format!(
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
    }
}

/// The operation at `pointer`, sent with `http_method`. `type_prefix` names its inline types
/// (`GetWidgetBody`, …).
#[allow(clippy::too_many_arguments)]
fn read_operation(
    schemas: &mut Schemas<'_>,
    api: &openapiv3::OpenAPI,
    (path, http_method): (&str, &'static str),
    path_level: &[ReferenceOr<Parameter>],
    operation: &openapiv3::Operation,
    pointer: &str,
    method_name: String,
    options_name: String,
    type_prefix: &str,
) -> Operation {
    let Parameters {
        required,
        optional,
        sends_api_version,
        segments,
        constant_query,
    } = parameters(
        schemas,
        api,
        (path, pointer),
        path_level,
        operation,
        type_prefix,
    );
    let body = request_body(schemas, api, operation, pointer, type_prefix);
    let (reply, operation_location) =
        success_response(schemas, api, operation, pointer, type_prefix);
    let error_docs = error_response(schemas, api, operation, pointer, type_prefix);

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

    Operation {
        pointer: pointer.to_string(),
        client: 0,
        method_name,
        options_name,
        http_method,
        path: path.to_string(),
        segments,
        constant_query,
        required,
        optional,
        sends_api_version,
        body,
        reply,
        operation_location,
        long_running: None,
        paged: None,
        docs,
        deprecated: operation.deprecated,
        error_docs,
        poll: None,
    }
}

/// azure_core's name of an HTTP method (`Get`, …), for the methods it can send.
fn http_method_of(method: &str) -> Option<&'static str> {
    Some(match method {
        "get" => "Get",
        "put" => "Put",
        "post" => "Post",
        "delete" => "Delete",
        "patch" => "Patch",
        "head" => "Head",
        _ => return None,
    })
}
