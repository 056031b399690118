//! JSON pointers (RFC 6901) into the document: how every problem is located, and how schemas
//! are found again by their location.

use serde_json::Value;

/// Escapes one JSON pointer token (RFC 6901): `~` is `~0` and `/` is `~1`.
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Unescapes one JSON pointer token.
pub fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// The value at a `#/…` pointer of the document, as `Value::pointer` finds it, without
/// allocating for the tokens that have no `~` escape (pointers are resolved very often).
pub fn resolve<'v>(raw: &'v Value, pointer: &str) -> Option<&'v Value> {
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
    fn pointers_escape_slashes() {
        assert_eq!(escape("/widgets/{a}"), "~1widgets~1{a}");
        assert_eq!(escape("a~b"), "a~0b");
    }
}
