//! Paged lists: a GET whose reply is a page returns a pager. autorest's `x-ms-pageable` names
//! the page's items and next link (`itemName`, `nextLinkName`, which `null` says there is
//! none of); without it, a page is recognised by shape: a `value` list and a `nextLink`.

use super::context::Context;
use super::model::{Operation, Paging, Reply, Type, TypeDef, TypeId, TypeKind};
use crate::WarningKind;
use crate::pointer::resolve;
use serde_json::Value;

/// Marks the paged operations: a GET, not long-running, whose reply is a page.
pub(super) fn mark(cx: &mut Context, operations: &mut [Operation], types: &[TypeDef]) {
    for op in operations {
        let pageable = resolve(cx.raw, &op.pointer).and_then(|o| o.get("x-ms-pageable"));
        let at = format!("{}/x-ms-pageable", op.pointer);
        let Reply::Json(Type::Named(page)) = op.reply else {
            if pageable.is_some() {
                cx.warn(
                    WarningKind::Operation,
                    at,
                    "is `x-ms-pageable`, but its reply is not a JSON object: generated as a plain method",
                );
            }
            continue;
        };
        if op.operation_location {
            continue;
        }
        if op.http_method != "Get" {
            if pageable.is_some() {
                cx.warn(
                    WarningKind::Operation,
                    at,
                    "a paged operation other than a GET is generated as a plain method, which returns the first page",
                );
            }
            continue;
        }
        let names = match pageable {
            Some(pageable) => {
                let text = |key: &str| pageable.get(key).and_then(Value::as_str);
                PageNames {
                    items: text("itemName").unwrap_or("value").to_string(),
                    next_link: text("nextLinkName").map(str::to_string),
                    stated: true,
                }
            }
            None => PageNames {
                items: "value".to_string(),
                next_link: Some("nextLink".to_string()),
                stated: false,
            },
        };
        op.paged = page_of(types, page, &names);
        if op.paged.is_none() && names.stated {
            cx.warn(
                WarningKind::Operation,
                at,
                format!(
                    "the reply has no `{}` list or no `{}` string: generated as a plain method",
                    names.items,
                    names.next_link.as_deref().unwrap_or_default()
                ),
            );
        }
    }
}

/// The JSON names of a page's items and next link (`None`: the list is one page).
struct PageNames {
    items: String,
    next_link: Option<String>,
    /// Whether the document states them (`x-ms-pageable`), rather than the shape implying them.
    stated: bool,
}

/// A page of a list: its items and its next link, as `names` says.
fn page_of(types: &[TypeDef], page: TypeId, names: &PageNames) -> Option<Paging> {
    let TypeKind::Struct { fields } = &types[page].kind else {
        return None;
    };
    let items = fields.iter().find(|f| f.json_name == names.items)?;
    let next_link = match &names.next_link {
        Some(next) => {
            let field = fields
                .iter()
                .find(|f| f.json_name == *next && f.ty == Type::String)?;
            Some((field.name.clone(), field.json_name.clone()))
        }
        None => None,
    };
    let Type::List(item) = &items.ty else {
        return None;
    };
    Some(Paging {
        page,
        item: (**item).clone(),
        items_field: items.name.clone(),
        next_link,
    })
}
