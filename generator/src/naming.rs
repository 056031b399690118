//! Every identifier the generator writes is made here, so that the rules for Rust keywords,
//! leading digits, punctuation and collisions live in one place.

use heck::{ToSnakeCase, ToUpperCamelCase};
use std::collections::{BTreeSet, HashMap};

/// Words that cannot be used as identifiers, even in raw form (`r#self` is not allowed).
const NOT_RAW_ABLE: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Rust's strict and reserved keywords (2024 edition), which need `r#` as identifiers.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// Names the generated code uses unqualified: the Rust prelude's and serde's derive macros. A
/// type of that name would shadow them, so no schema may take one.
pub const PRELUDE_NAMES: &[&str] = &[
    "AsMut",
    "AsRef",
    "Box",
    "Clone",
    "Copy",
    "Debug",
    "Default",
    "Deserialize",
    "Drop",
    "Eq",
    "Err",
    "Extend",
    "Fn",
    "FnMut",
    "FnOnce",
    "From",
    "FromIterator",
    "Future",
    "Hash",
    "Into",
    "IntoFuture",
    "IntoIterator",
    "Iterator",
    "None",
    "Ok",
    "Option",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "Result",
    "Send",
    "Serialize",
    "Sized",
    "Some",
    "String",
    "Sync",
    "ToOwned",
    "ToString",
    "TryFrom",
    "TryInto",
    "Unpin",
    "Vec",
];

/// Splits text into words at anything that is not an ASCII letter or digit, so that heck
/// sees `a.b-c d$e` as five words and every identifier stays plain ASCII.
fn ascii_words(text: &str) -> String {
    let mut ascii = String::with_capacity(text.len());
    for c in text.chars() {
        match latin_letter(c) {
            Some(letters) => ascii.push_str(letters),
            None if c.is_ascii_alphanumeric() => ascii.push(c),
            None => ascii.push(' '),
        }
    }
    plural_acronyms(&ascii)
}

/// ASCII for the accented Latin letters common in names (`größe` is `groesse`); other
/// non-ASCII characters separate words.
fn latin_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'ä' | 'æ' => "ae",
        'Ä' | 'Æ' => "Ae",
        'ö' | 'œ' => "oe",
        'Ö' | 'Œ' => "Oe",
        'ü' => "ue",
        'Ü' => "Ue",
        'ß' => "ss",
        'à' | 'á' | 'â' | 'ã' | 'å' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Å' => "A",
        'ç' => "c",
        'Ç' => "C",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'È' | 'É' | 'Ê' | 'Ë' => "E",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' => "I",
        'ñ' => "n",
        'Ñ' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ø' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ø' => "O",
        'ù' | 'ú' | 'û' => "u",
        'Ù' | 'Ú' | 'Û' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' => "Y",
        _ => return None,
    })
}

/// heck splits `vCPUs` as `v`, `CP`, `Us`; an acronym's plural `s` belongs to it, so such runs
/// are written `Cpus` first, giving `v_cpus`.
fn plural_acronyms(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_uppercase())
            .count();
        let after = chars.get(i + run + 1);
        let plural = run >= 2
            && chars.get(i + run) == Some(&'s')
            && after.is_none_or(|c| !c.is_ascii_lowercase());
        if plural {
            out.push(chars[i]);
            out.extend(chars[i + 1..i + run].iter().map(char::to_ascii_lowercase));
            out.push('s');
            i += run + 1;
        } else {
            // The whole run at once: each character is looked at once, however long the run.
            let step = run.max(1);
            out.extend(&chars[i..i + step]);
            i += step;
        }
    }
    out
}

/// A type or variant name: `UpperCamelCase`, never empty, never starting with a digit.
pub fn type_name(text: &str) -> String {
    let name = ascii_words(text).to_upper_camel_case();
    match name.chars().next() {
        None => "Unnamed".to_string(),
        Some(c) if c.is_ascii_digit() => format!("V{name}"),
        Some(_) if name == "Self" => "SelfValue".to_string(),
        Some(_) => name,
    }
}

/// A field, parameter or method name: `snake_case`, never empty, never starting with a digit.
/// Keywords get the raw form (`r#type`); the few words that have no raw form get a `_` suffix.
pub fn value_name(text: &str) -> String {
    let name = ascii_words(text).to_snake_case();
    let name = match name.chars().next() {
        None => "value".to_string(),
        Some(c) if c.is_ascii_digit() => format!("n{name}"),
        Some(_) => name,
    };
    if NOT_RAW_ABLE.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// The last part of a dotted schema key: `Azure.Core.Foundations.Error` is `Error`.
pub fn short_schema_name(key: &str) -> &str {
    key.rsplit('.').next().unwrap_or(key)
}

/// Hands out names that are unique within one scope (a module, a struct's fields, an enum's
/// variants), adding `2`, `3`, … to later names that collide after case conversion.
#[derive(Debug, Default)]
pub struct Scope {
    taken: BTreeSet<String>,
    /// For each name asked for twice, the number to try next, so that many colliding names
    /// cost linear time.
    next_number: HashMap<String, usize>,
}

impl Scope {
    /// A scope in which some names are already taken (e.g. the client's own type names).
    pub fn with_reserved(reserved: impl IntoIterator<Item = String>) -> Self {
        Self {
            taken: reserved.into_iter().collect(),
            next_number: HashMap::new(),
        }
    }

    /// Whether `name` is still free.
    pub fn is_free(&self, name: &str) -> bool {
        !self.taken.contains(name)
    }

    /// Claims `name`, or the first free `name2`, `name3`, … and returns what was claimed.
    pub fn claim(&mut self, name: String) -> String {
        if self.taken.insert(name.clone()) {
            return name;
        }
        // `r#type` numbered is plain `type_2`: the suffix already makes it no keyword.
        let base = name
            .strip_prefix("r#")
            .unwrap_or(&name)
            .trim_end_matches('_');
        let n = self.next_number.entry(name.clone()).or_insert(2);
        loop {
            let candidate = format!("{base}{}{n}", separator(base));
            *n += 1;
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

/// `foo_bar` + 2 is `foo_bar_2` (snake case keeps digits apart); `FooBar` + 2 is `FooBar2`.
fn separator(base: &str) -> &'static str {
    if base.starts_with(|c: char| c.is_ascii_lowercase()) {
        "_"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_are_camel_case_identifiers() {
        assert_eq!(
            type_name("Azure.Core.Foundations.Error"),
            "AzureCoreFoundationsError"
        );
        assert_eq!(type_name("widget-state"), "WidgetState");
        assert_eq!(type_name("2025-02-01"), "V20250201");
        assert_eq!(type_name(""), "Unnamed");
        assert_eq!(type_name("$%"), "Unnamed");
        assert_eq!(type_name("self"), "SelfValue");
    }

    #[test]
    fn value_names_are_snake_case_identifiers() {
        assert_eq!(value_name("percentComplete"), "percent_complete");
        assert_eq!(value_name("api-version"), "api_version");
        assert_eq!(value_name("type"), "r#type");
        assert_eq!(value_name("self"), "self_");
        assert_eq!(value_name("2fa"), "n2fa");
        assert_eq!(value_name("$filter"), "filter");
        assert_eq!(value_name("x.y z"), "x_y_z");
        assert_eq!(value_name("vCPUs"), "v_cpus");
        assert_eq!(value_name("osDiskSizeInGB"), "os_disk_size_in_gb");
        assert_eq!(value_name("IDs"), "ids");
        assert_eq!(type_name("URLsList"), "UrlsList");
        assert_eq!(value_name("größe"), "groesse");
        assert_eq!(type_name("über"), "Ueber");
        assert_eq!(value_name("名前"), "value");
    }

    #[test]
    fn scopes_number_colliding_names() {
        let mut scope = Scope::with_reserved(["Client".to_string()]);
        assert_eq!(scope.claim("Client".into()), "Client2");
        assert_eq!(scope.claim("Client".into()), "Client3");
        let mut fields = Scope::default();
        assert_eq!(fields.claim("foo_bar".into()), "foo_bar");
        assert_eq!(fields.claim("foo_bar".into()), "foo_bar_2");
        assert_eq!(fields.claim("r#type".into()), "r#type");
        assert_eq!(fields.claim("r#type".into()), "type_2");
        assert_eq!(fields.claim("self_".into()), "self_");
        assert_eq!(fields.claim("self_".into()), "self_2");
        assert!(!fields.is_free("foo_bar_2"));
    }

    #[test]
    fn short_names_drop_namespaces() {
        assert_eq!(short_schema_name("Azure.Core.uuid"), "uuid");
        assert_eq!(short_schema_name("Plain"), "Plain");
    }
}
