//! The document's words as rustdoc: descriptions split into lines and escaped for rustdoc's
//! Markdown, and a schema's constraints (lengths, bounds, patterns, …) stated as one sentence.

use super::context::Context;
use serde_json::Value;

impl Context<'_> {
    /// Rustdoc for a property or parameter: its description (else that of the string,
    /// number or other plain schema it wraps), then its constraints, else its wire name.
    pub fn value_docs(&self, pointer: &str, wire_name: &str) -> Vec<String> {
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
    pub fn constraint_sentence(&self, pointer: &str) -> Option<String> {
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
        // A string enum's values are its variants; any other enum's are listed.
        if let Some(Value::Array(values)) = found("enum")
            && !values.iter().all(|v| v.is_string() || v.is_null())
        {
            let listed: Vec<String> = values.iter().map(Value::to_string).collect();
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
        if let Some(default) = found("default") {
            parts.push(format!("default {}", code(&default.to_string())));
        }
        if found("not").is_some() {
            parts.push("not what its `not` schema allows".to_string());
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
}

/// Splits a description into rustdoc lines. Lines are trimmed, since rustdoc runs indented
/// blocks as Rust doctests, and a fence without a language becomes `text` for the same reason.
pub(super) fn lines(text: Option<&str>) -> Vec<String> {
    let mut in_fence = false;
    // The indent that continues the list item a line belongs to (Markdown lets a continuation
    // line start at the margin; rustdoc's lints want it under the item's text).
    let mut list_item: Option<usize> = None;
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
        if in_fence {
            out.push(line.to_string());
            continue;
        }
        let marker = list_marker(line);
        let indent = match (marker, list_item) {
            _ if line.is_empty() => 0,
            (None, Some(indent)) => indent,
            _ => 0,
        };
        list_item = match marker {
            Some(width) => Some(width),
            None if line.is_empty() => None,
            None => list_item,
        };
        out.push(format!("{}{}", " ".repeat(indent), markdown_text(line)));
    }
    out
}

/// The width of the list marker a line starts with (`- `, `* `, `+ `, `1. `, `2) `), if any.
fn list_marker(line: &str) -> Option<usize> {
    if ["- ", "* ", "+ "].iter().any(|m| line.starts_with(m)) {
        return Some(2);
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &line[digits..];
    (digits > 0 && digits < 4 && (rest.starts_with(". ") || rest.starts_with(") ")))
        .then_some(digits + 2)
}

pub(super) fn push_paragraph(docs: &mut Vec<String>, line: &str) {
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
    fn list_items_continue_under_their_text() {
        let text = "Options:\n- first\ncontinued\n- second\n\nAfter.\n10. tenth\nmore";
        assert_eq!(
            lines(Some(text)),
            [
                "Options:",
                "- first",
                "  continued",
                "- second",
                "",
                "After.",
                "10. tenth",
                "    more"
            ]
        );
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
}
