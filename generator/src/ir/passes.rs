//! Passes over the finished type arena: boxing the fields that close a cycle, marking what
//! each type is used for (sent in requests, in merge patches, as XML), and the encoded fields
//! those uses leave as text.

use super::model::{Encoding, Operation, Reply, Type, TypeDef, TypeId, TypeKind, named_in};
use std::collections::BTreeSet;

/// Boxes each struct field whose type leads back, through plain struct fields, to the
/// struct itself; `Vec` and maps already store their items on the heap.
pub(super) fn box_cycles(types: &mut [TypeDef]) {
    for id in 0..types.len() {
        let targets: Vec<(usize, TypeId)> = match &types[id].kind {
            TypeKind::Struct { fields } => fields
                .iter()
                .enumerate()
                .filter_map(|(i, f)| match f.ty {
                    Type::Named(target) => Some((i, target)),
                    _ => None,
                })
                .collect(),
            TypeKind::Enum { .. }
            | TypeKind::Union { .. }
            | TypeKind::Untagged { .. }
            | TypeKind::Alias(_) => {
                continue;
            }
        };
        for (field, target) in targets {
            if reaches(types, target, id)
                && let TypeKind::Struct { fields } = &mut types[id].kind
            {
                fields[field].boxed = true;
            }
        }
    }
}

/// Whether `from` contains `to` inline, through fields that are not boxed collections.
fn reaches(types: &[TypeDef], from: TypeId, to: TypeId) -> bool {
    let mut stack = vec![from];
    let mut seen = BTreeSet::new();
    while let Some(id) = stack.pop() {
        if id == to {
            return true;
        }
        if !seen.insert(id) {
            continue;
        }
        match &types[id].kind {
            TypeKind::Struct { fields } => stack.extend(fields.iter().filter_map(|f| match f.ty {
                Type::Named(next) => Some(next),
                _ => None,
            })),
            TypeKind::Union { variants, .. } => stack.extend(variants.iter().map(|v| v.ty)),
            TypeKind::Untagged { variants } => {
                stack.extend(variants.iter().filter_map(|(_, ty)| match ty {
                    Type::Named(next) => Some(*next),
                    _ => None,
                }))
            }
            TypeKind::Alias(Type::Named(next)) => stack.push(*next),
            TypeKind::Enum { .. } | TypeKind::Alias(_) => {}
        }
    }
    false
}

/// Marks the models sent in request bodies and parameters (`in_request`: users build those,
/// so they stay open), among them those sent in merge-patch bodies (`merge_patch`), and the
/// models sent or read as XML (`xml`), with every model they hold.
pub(super) fn mark_usage(types: &mut [TypeDef], operations: &[Operation]) {
    let bodies = operations.iter().filter_map(|op| op.body.as_ref());
    // Users build what they send: bodies, and the objects of parameters (a query's filter).
    let parameters = operations
        .iter()
        .flat_map(|op| op.required.iter().chain(&op.optional))
        .map(|param| &param.ty);
    let sent = bodies.clone().map(|body| &body.ty).chain(parameters);
    mark_reachable(types, sent, |def| &mut def.in_request);
    let merge_patch = bodies
        .clone()
        .filter(|body| body.content_type.contains("merge-patch"));
    mark_reachable(types, merge_patch.map(|body| &body.ty), |def| {
        &mut def.merge_patch
    });
    let xml_bodies = bodies
        .filter(|body| body.encoding == Encoding::Xml)
        .map(|body| &body.ty);
    let xml_replies = operations.iter().filter_map(|op| match &op.reply {
        Reply::Xml(ty) => Some(ty),
        _ => None,
    });
    mark_reachable(types, xml_bodies.chain(xml_replies), |def| &mut def.xml);
}

fn mark_reachable<'t>(
    types: &mut [TypeDef],
    roots: impl Iterator<Item = &'t Type>,
    flag: fn(&mut TypeDef) -> &mut bool,
) {
    let mut stack: Vec<TypeId> = roots.flat_map(named_in).collect();
    while let Some(id) = stack.pop() {
        if std::mem::replace(flag(&mut types[id]), true) {
            continue;
        }
        match &types[id].kind {
            TypeKind::Struct { fields } => {
                stack.extend(fields.iter().flat_map(|f| named_in(&f.ty)))
            }
            TypeKind::Union { variants, .. } => stack.extend(variants.iter().map(|v| v.ty)),
            TypeKind::Untagged { variants } => {
                stack.extend(variants.iter().flat_map(|(_, ty)| named_in(ty)))
            }
            TypeKind::Alias(ty) => stack.extend(named_in(ty)),
            TypeKind::Enum { .. } => {}
        }
    }
}

/// Leaves the encoded fields (bytes, HTTP dates, unix times) of XML and merge-patch models as
/// their wire text: the serde helpers of azure_core read JSON values, and a merge patch's
/// `null` needs a helper of its own.
pub(super) fn plain_encodings(types: &mut [TypeDef]) {
    for def in types.iter_mut().filter(|def| def.xml || def.merge_patch) {
        if let TypeKind::Struct { fields } = &mut def.kind {
            for field in fields {
                if let Type::Encoded(wire) = field.ty {
                    field.ty = wire.text();
                }
            }
        }
    }
}
