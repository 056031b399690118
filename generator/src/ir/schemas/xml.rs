//! How models read in XML: the names OpenAPI's `xml` object gives roots, elements, attributes
//! and list items.

use crate::ir::context::Context;
use crate::ir::model::{FieldXml, Type};
use crate::pointer::{resolve, unescape};
use serde_json::{Map, Value};

impl<'a> Context<'a> {
    /// The `xml` object a schema states itself (not one of the schema it refers to).
    fn own_xml(&self, pointer: &str) -> Option<&'a Map<String, Value>> {
        let raw: &'a Value = self.raw;
        resolve(raw, pointer)?.get("xml")?.as_object()
    }

    /// A model's root element: its name (the schema's own `xml.name`, else `default_name`) and
    /// the namespaces it declares, the model's and those of its properties (at
    /// `property_pointers`).
    pub(super) fn root_xml<'p>(
        &self,
        pointer: &str,
        default_name: String,
        property_pointers: impl Iterator<Item = &'p str>,
    ) -> (String, Vec<(String, String)>) {
        let own = self.own_xml(pointer);
        let name = match own {
            Some(xml) => prefixed(
                xml,
                xml.get("name")
                    .and_then(Value::as_str)
                    .unwrap_or(&default_name),
            ),
            None => default_name,
        };
        let property_xml = property_pointers.filter_map(|at| self.own_xml(at));
        let mut namespaces: Vec<(String, String)> = Vec::new();
        for xml in own.into_iter().chain(property_xml) {
            let prefix = xml.get("prefix").and_then(Value::as_str);
            let uri = xml.get("namespace").and_then(Value::as_str);
            if let (Some(prefix), Some(uri)) = (prefix, uri) {
                let declared = (prefix.to_string(), uri.to_string());
                if !namespaces.contains(&declared) {
                    namespaces.push(declared);
                }
            }
        }
        (name, namespaces)
    }

    /// The name a schema's own `xml` object gives, with its prefix.
    fn xml_name(&self, pointer: &str) -> Option<String> {
        let xml = self.own_xml(pointer)?;
        let name = xml.get("name")?.as_str()?;
        Some(prefixed(xml, name))
    }

    /// The XML name of the component schema that the schema at `pointer` refers to (directly
    /// or through a one-member `allOf`): its `xml.name`, else its key.
    fn model_xml_name(&self, pointer: &str) -> Option<String> {
        let raw: &'a Value = self.raw;
        let schema = resolve(raw, pointer)?;
        let reference = schema.get("$ref").or_else(|| {
            let members = schema.get("allOf")?.as_array()?;
            (members.len() == 1).then(|| members[0].get("$ref"))?
        })?;
        let target = reference.as_str()?;
        let key = target.strip_prefix("#/components/schemas/")?;
        Some(self.xml_name(target).unwrap_or_else(|| unescape(key)))
    }

    /// How the property at `pointer` reads in XML (OpenAPI's `xml` object): an attribute, an
    /// element, or a list whose items repeat the element (unwrapped, OpenAPI's default) or sit
    /// in it (`wrapped`). An item's name is the items' `xml.name`, else the name of the model
    /// it refers to, else the property's.
    pub(super) fn field_xml(&self, pointer: &str, json_name: &str, ty: &Type) -> FieldXml {
        let own = self.own_xml(pointer);
        let flag = |key: &str| own.and_then(|x| x.get(key)).and_then(Value::as_bool) == Some(true);
        let name = match own {
            Some(xml) => prefixed(
                xml,
                xml.get("name").and_then(Value::as_str).unwrap_or(json_name),
            ),
            None => json_name.to_string(),
        };
        if flag("attribute") {
            return FieldXml {
                name: format!("@{name}"),
                item: None,
            };
        }
        if !matches!(ty, Type::List(_)) {
            return FieldXml { name, item: None };
        }
        let items = format!("{pointer}/items");
        let item_name = self
            .xml_name(&items)
            .or_else(|| self.model_xml_name(&items));
        if flag("wrapped") {
            FieldXml {
                item: Some(item_name.unwrap_or_else(|| name.clone())),
                name,
            }
        } else {
            FieldXml {
                name: self.xml_name(&items).unwrap_or(name),
                item: None,
            }
        }
    }
}

/// `name` with the `xml` object's namespace prefix, if it has one.
fn prefixed(xml: &Map<String, Value>, name: &str) -> String {
    match xml.get("prefix").and_then(Value::as_str) {
        Some(prefix) if !prefix.is_empty() => format!("{prefix}:{name}"),
        _ => name.to_string(),
    }
}
