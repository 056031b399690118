//! What a run says about the document: problems, which refuse it, and warnings, each a stated
//! fallback, grouped by kind so that a document with thousands of them still reads well.
//!
//! The policy: a document is refused only when it cannot be read as an API description at all
//! (a syntax error, an unknown version, a root or `paths` of the wrong shape). Anything
//! narrower, a construct the generator does not model or a broken corner, is a warning that
//! says what was generated instead, and everything else is generated.

use std::collections::BTreeMap;
use std::fmt;

/// One problem in the input document, located by a JSON pointer (`#/components/schemas/Foo`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// Where the problem is, as a JSON pointer into the document.
    pub pointer: String,
    /// What is wrong there.
    pub message: String,
}

impl Problem {
    /// A problem at `pointer`.
    pub fn new(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            pointer: pointer.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pointer, self.message)
    }
}

/// Something the document has that was handled by a stated fallback or left out, located.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Warning {
    pub kind: WarningKind,
    /// Where it is, as a JSON pointer into the document.
    pub pointer: String,
    /// What the document says there, and what was generated instead.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pointer, self.message)
    }
}

/// What a warning is about; warnings of one kind are counted together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WarningKind {
    /// A part of the document that cannot be read (a value of the wrong shape): left out.
    Unreadable,
    /// A schema the generator does not model, or a broken one (a dangling `$ref`, say):
    /// generated as `serde_json::Value`, which sends and reads any JSON.
    AsJson,
    /// A schema generated as a plainer type than it states (an enum of numbers as the number).
    Simplified,
    /// A parameter sent another way than it states, made up from the path, or left out.
    Parameter,
    /// A body or reply of a media type the generator does not model: bytes.
    AsBytes,
    /// An operation left out, or generated without the pager or poller it suggests.
    Operation,
    /// Security or a server URL that the client handles another way than stated.
    Client,
    /// A component schema that no operation uses: not generated.
    Unused,
    /// Something the document says that a client has no use for (how tags arrange
    /// documentation, say): not read.
    Ignored,
}

impl WarningKind {
    /// What warnings of this kind say, for the summary line.
    pub fn summary(self) -> &'static str {
        match self {
            WarningKind::Unreadable => "parts of the document that cannot be read, left out",
            WarningKind::AsJson => {
                "schemas not modelled or broken, generated as `serde_json::Value`"
            }
            WarningKind::Simplified => "schemas generated as a plainer type",
            WarningKind::Parameter => "parameters sent another way, made up, or left out",
            WarningKind::AsBytes => {
                "bodies and replies of other media types, sent or read as bytes"
            }
            WarningKind::Operation => "operations left out, or without a pager or poller",
            WarningKind::Client => "security or servers the client handles another way",
            WarningKind::Unused => "component schemas that no operation uses, not generated",
            WarningKind::Ignored => "statements a client has no use for, not read",
        }
    }

    /// Whether `--deny-warnings` refuses a document for a warning of this kind. A schema that
    /// no operation uses costs the client nothing, so it never does; nor does a statement the
    /// client has no use for.
    pub fn denied(self) -> bool {
        !matches!(self, WarningKind::Unused | WarningKind::Ignored)
    }
}

/// The warnings as lines to print: one line per kind with its count, then up to `examples`
/// warnings of that kind (none for unused schemas, which are only counted). With `examples` of
/// `usize::MAX`, every warning is listed.
pub fn summarize(warnings: &[Warning], examples: usize) -> Vec<String> {
    let mut by_kind: BTreeMap<WarningKind, Vec<&Warning>> = BTreeMap::new();
    for warning in warnings {
        by_kind.entry(warning.kind).or_default().push(warning);
    }
    let mut lines = Vec::new();
    for (kind, list) in by_kind {
        lines.push(format!("warning: {} {}", list.len(), kind.summary()));
        let shown = match kind {
            WarningKind::Unused if examples != usize::MAX => 0,
            _ => examples.min(list.len()),
        };
        lines.extend(list[..shown].iter().map(|warning| format!("  {warning}")));
        if shown < list.len() && shown > 0 {
            lines.push(format!("  … and {} more", list.len() - shown));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warning(kind: WarningKind, pointer: &str) -> Warning {
        Warning {
            kind,
            pointer: pointer.to_string(),
            message: "m".to_string(),
        }
    }

    #[test]
    fn summaries_count_each_kind_and_show_a_few() {
        let warnings: Vec<Warning> = (0..5)
            .map(|i| warning(WarningKind::AsJson, &format!("#/a/{i}")))
            .chain([
                warning(WarningKind::Unused, "#/components/schemas/X"),
                warning(WarningKind::Unused, "#/components/schemas/Y"),
                warning(WarningKind::Parameter, "#/p"),
            ])
            .collect();
        assert_eq!(
            summarize(&warnings, 2),
            [
                "warning: 5 schemas not modelled or broken, generated as `serde_json::Value`",
                "  #/a/0: m",
                "  #/a/1: m",
                "  … and 3 more",
                "warning: 1 parameters sent another way, made up, or left out",
                "  #/p: m",
                "warning: 2 component schemas that no operation uses, not generated",
            ]
        );
        let all = summarize(&warnings, usize::MAX);
        assert_eq!(all.len(), 3 + warnings.len());
        assert!(all.contains(&"  #/components/schemas/Y: m".to_string()));
    }
}
