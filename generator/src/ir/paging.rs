//! Paged lists: a GET whose reply is a page (a `value` list and a `nextLink`) returns a pager.

use super::model::{Operation, Paging, Reply, Type, TypeDef, TypeId, TypeKind};

/// Marks the paged operations: a GET, not long-running, whose reply is a page.
pub(super) fn mark(operations: &mut [Operation], types: &[TypeDef]) {
    for op in operations {
        if !op.operation_location
            && op.http_method == "Get"
            && let Reply::Json(Type::Named(page)) = op.reply
        {
            op.paged = page_of(types, page);
        }
    }
}

/// A page of a list: a `value` array and a `nextLink` string.
fn page_of(types: &[TypeDef], page: TypeId) -> Option<Paging> {
    let TypeKind::Struct { fields } = &types[page].kind else {
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
