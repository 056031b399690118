//! Long-running operations: status models recognised by shape, and the operations whose reply
//! points at one (`Operation-Location`), which become `begin_*` methods returning a poller.
//! autorest's `x-ms-long-running-operation-options` says where the result is read at the end
//! (`final-state-via`).

use super::context::Context;
use super::model::{
    ClientDef, LongRunning, Operation, Reply, StatusMonitor, Terminal, Type, TypeDef, TypeId,
    TypeKind,
};
use crate::WarningKind;
use crate::naming::{self, Scope};
use crate::pointer::resolve;
use serde_json::Value;
use std::collections::BTreeMap;

/// Marks the long-running operations; a long-running method is named `begin_*`.
///
/// An `Operation-Location` URL returns a status model, which the document does not name:
/// it is the reply's own body when that is a status model (a DELETE's 202, say), else the
/// status model most long-running replies carry, else the document's only status model.
pub(super) fn mark(
    cx: &mut Context,
    operations: &mut [Operation],
    clients: &mut [(ClientDef, Scope)],
    types: &[TypeDef],
    type_names: &mut Scope,
) {
    // Each operation's reply body, where that is a status model.
    let own_status: Vec<Option<TypeId>> = operations
        .iter()
        .map(|op| match op.reply {
            Reply::Json(Type::Named(id)) if status_monitor(types, id).is_some() => Some(id),
            _ => None,
        })
        .collect();
    let mut votes: BTreeMap<TypeId, usize> = BTreeMap::new();
    for (op, own) in operations.iter().zip(&own_status) {
        if let (true, Some(id)) = (op.operation_location, own) {
            *votes.entry(*id).or_default() += 1;
        }
    }
    let all: Vec<TypeId> = (0..types.len())
        .filter(|id| status_monitor(types, *id).is_some())
        .collect();
    // Most votes first; among equals, the first defined.
    let usual = votes
        .iter()
        .max_by_key(|(id, count)| (**count, std::cmp::Reverse(**id)))
        .map(|(id, _)| *id)
        .or_else(|| (all.len() == 1).then(|| all[0]));
    for (op, own) in operations.iter_mut().zip(own_status) {
        let autorest = resolve(cx.raw, &op.pointer).and_then(Value::as_object);
        let declared = autorest
            .and_then(|o| o.get("x-ms-long-running-operation"))
            .and_then(Value::as_bool)
            .unwrap_or(false);
        if !op.operation_location {
            if declared {
                cx.warn(
                    WarningKind::Operation,
                    format!("{}/x-ms-long-running-operation", op.pointer),
                    "is long-running, but no reply declares an `Operation-Location` header, the one this client polls: generated as a plain method",
                );
            }
            continue;
        }
        let final_state = autorest
            .and_then(|o| o.get("x-ms-long-running-operation-options"))
            .and_then(|o| o.get("final-state-via"))
            .and_then(Value::as_str);
        let Some(status) = own.or(usual) else {
            cx.warn(
                WarningKind::Operation,
                op.pointer.clone(),
                "has an Operation-Location header, but the document has no status model \
                 (a `status` enum with Succeeded and Failed) it could return: generated as a plain method",
            );
            continue;
        };
        // Where the result is read at the end: `original-uri` (the default for PUT and
        // PATCH) reads the resource again; the others end with the final status.
        let fetch_result = match final_state {
            Some("original-uri") => true,
            Some("operation-location" | "azure-async-operation") => false,
            Some(other) => {
                cx.warn(
                    WarningKind::Operation,
                    format!("{}/x-ms-long-running-operation-options/final-state-via", op.pointer),
                    format!("final-state-via `{other}` is not followed: the poller ends with the final status"),
                );
                false
            }
            None => matches!(op.http_method, "Put" | "Patch"),
        } && matches!(op.reply, Reply::Json(_));
        let result = match (&op.reply, fetch_result) {
            (Reply::Json(ty), true) => ty.clone(),
            _ => Type::Named(status),
        };
        let (names, owner) = (&mut clients[op.client].1, clients[op.client].0.name.clone());
        op.method_name = names.claim(format!("begin_{}", op.method_name.trim_start_matches("r#")));
        op.options_name = type_names.claim(format!(
            "{owner}{}Options",
            naming::type_name(&op.method_name)
        ));
        op.long_running = Some(LongRunning {
            status,
            result,
            fetch_result,
        });
    }
}

/// Recognises a status model by shape: a `status` enum property with `Succeeded` and
/// `Failed` among its values (compared without case, `Cancelled` too).
pub(super) fn status_monitor(types: &[TypeDef], id: TypeId) -> Option<StatusMonitor> {
    let TypeKind::Struct { fields } = &types[id].kind else {
        return None;
    };
    let status = fields.iter().find(|f| f.json_name == "status")?;
    let Type::Named(states) = status.ty else {
        return None;
    };
    let TypeKind::Enum { variants, .. } = &types[states].kind else {
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
                && matches!(f.ty, Type::Named(error) if has_string_fields(types, error, &["code", "message"]))
        });
    Some(StatusMonitor {
        status_field: status.name.clone(),
        states,
        terminal,
        error_field: error_field.map(|f| f.name.clone()),
    })
}

fn has_string_fields(types: &[TypeDef], id: TypeId, names: &[&str]) -> bool {
    match &types[id].kind {
        TypeKind::Struct { fields } => names.iter().all(|name| {
            fields
                .iter()
                .any(|f| f.json_name == *name && f.name == *name && f.ty == Type::String)
        }),
        TypeKind::Enum { .. }
        | TypeKind::Union { .. }
        | TypeKind::Untagged { .. }
        | TypeKind::Alias(_) => false,
    }
}
