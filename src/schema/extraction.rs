//! Reshapes the dossier schema into the extraction profile (see [`super::extraction_schema`]).

use std::collections::HashSet;

use serde_json::{Map, Value, json};

use super::{EXTRACTION_SCHEMA_FILE, SCHEMA_BASE_URI};
use crate::extensions::EXTENSION_KEY_PATTERN;

/// Keywords the profile leaves out: `default` and `examples` are annotations strict modes
/// reject or ignore, and `propertyNames` / `patternProperties` describe open objects, which
/// strict modes do not allow.
const DROPPED: &[&str] = &["default", "examples", "propertyNames", "patternProperties"];

pub(super) fn reshape(root: &mut Value) {
    let Value::Object(map) = root else { return };
    map.insert("$id".into(), format!("{SCHEMA_BASE_URI}{EXTRACTION_SCHEMA_FILE}").into());
    let description = map.get("description").and_then(Value::as_str).unwrap_or_default();
    let description = format!(
        "{description}\n\nExtraction profile, for LLM structured output and tool input: every property is present, \
         `null` when the source does not say (`[]` for lists); `extensions` are `{{key, value}}` pairs with the value \
         as JSON text. Load a document with `extraction::from_profile`, then call `validate()`."
    );
    map.insert("description".into(), description.into());
    if let Some(Value::Object(defs)) = map.get_mut("$defs") {
        defs.insert(
            "Extensions".into(),
            json!({
                "title": "Extensions",
                "description": "Tool-specific data, one entry per namespaced key ('acme.score'); `[]` when there is none.",
                "type": "array",
                "items": { "$ref": "#/$defs/ExtensionEntry" }
            }),
        );
        defs.insert(
            "ExtensionEntry".into(),
            json!({
                "title": "ExtensionEntry",
                "description": "One extension: its namespaced key and its value as JSON text.",
                "type": "object",
                "properties": {
                    "key": {
                        "description": "The namespaced key: lower-case segments joined by dots ('acme.score').",
                        "type": "string",
                        "pattern": EXTENSION_KEY_PATTERN
                    },
                    "value": {
                        "description": "The value, as JSON text (`0.8`, `\"text\"`, `{\"a\": 1}`).",
                        "type": "string"
                    }
                },
                "additionalProperties": false,
                "required": ["key", "value"]
            }),
        );
    }
    strictify(root);
}

/// Applies the profile's rules to one subschema and, structurally, to its subschemas.
fn strictify(value: &mut Value) {
    let Value::Object(map) = value else { return };
    for key in DROPPED {
        map.remove(*key);
    }
    if let Some(variants) = map.remove("oneOf") {
        // The variants are tagged by a `const` or are of different JSON types: at most one
        // matches, so `anyOf` says the same and is what strict modes support.
        map.insert("anyOf".into(), variants);
    }
    if let Some(value) = map.remove("const") {
        // Gemini's `responseJsonSchema` lists `enum` among its keywords but not `const`.
        map.insert("enum".into(), Value::Array(vec![value]));
    }
    split_type_list(map);
    drop_any_value(map);
    wrap_ref(map);
    let required: HashSet<String> = match map.get("required") {
        Some(Value::Array(names)) => names.iter().filter_map(|n| n.as_str().map(str::to_owned)).collect(),
        _ => HashSet::new(),
    };
    if let Some(Value::Object(properties)) = map.get_mut("properties") {
        for (name, schema) in properties.iter_mut() {
            if !required.contains(name) && !is_list(schema) && !is_nullable(schema) {
                make_nullable(schema);
            }
        }
        let all: Vec<Value> = properties.keys().map(|k| Value::from(k.as_str())).collect();
        map.insert("required".into(), all.into());
        map.insert("additionalProperties".into(), false.into());
    }
    for (key, child) in map.iter_mut() {
        match key.as_str() {
            "properties" | "$defs" => {
                child.as_object_mut().into_iter().flat_map(|m| m.values_mut()).for_each(strictify)
            }
            "anyOf" | "allOf" | "prefixItems" => child.as_array_mut().into_iter().flatten().for_each(strictify),
            "items" | "additionalProperties" | "not" => strictify(child),
            _ => {}
        }
    }
}

/// Any JSON value (a disputed field's alternative, `anyOf` every type): strict modes have no open
/// object, so the profile says nothing of its type, as a schema without `type` does.
fn drop_any_value(map: &mut Map<String, Value>) {
    let open_object =
        |b: &Value| b.as_object().is_some_and(|o| o.len() == 1 && o.get("type") == Some(&json!("object")));
    if map.get("anyOf").and_then(Value::as_array).is_some_and(|bs| bs.iter().any(open_object)) {
        // Strict modes have no open object or untyped array, and the SDK converters want a
        // type: the profile offers the scalar values (a narrower answer is still a valid dossier).
        map.insert(
            "anyOf".into(),
            json!([{ "type": "string" }, { "type": "number" }, { "type": "boolean" }, { "type": "null" }]),
        );
    }
}

/// `"type": ["string", "null"]` becomes `anyOf` of a string and null: some SDK converters (the
/// Anthropic Python SDK's `transform_schema`) accept only one type per schema.
fn split_type_list(map: &mut Map<String, Value>) {
    let Some(Value::Array(types)) = map.get("type") else { return };
    let types = types.clone();
    map.remove("type");
    let keep: Map<String, Value> =
        ["title", "description"].iter().filter_map(|k| map.remove(*k).map(|v| ((*k).to_owned(), v))).collect();
    let constraints = std::mem::take(map);
    let branches: Vec<Value> = types
        .into_iter()
        .map(|t| {
            if t == "null" {
                json!({ "type": "null" })
            } else {
                let mut branch = constraints.clone();
                branch.insert("type".into(), t);
                Value::Object(branch)
            }
        })
        .collect();
    *map = keep;
    map.insert("anyOf".into(), branches.into());
}

/// A `$ref` with keywords beside it (a property's own description) becomes `anyOf` of the bare
/// `$ref`: OpenAI's strict mode does not take keywords beside `$ref` (its SDK inlines such
/// schemas), and inlining would repeat large enums such as the country codes.
fn wrap_ref(map: &mut Map<String, Value>) {
    if map.len() < 2 {
        return;
    }
    if let Some(reference) = map.remove("$ref") {
        map.insert("anyOf".into(), json!([{ "$ref": reference }]));
    }
}

fn is_list(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("array")
        || schema.get("$ref").and_then(Value::as_str) == Some("#/$defs/Extensions")
}

fn is_nullable(schema: &Value) -> bool {
    match schema.get("type") {
        Some(Value::String(t)) if t == "null" => return true,
        Some(Value::Array(types)) if types.iter().any(|t| t == "null") => return true,
        _ => {}
    }
    schema.get("anyOf").and_then(Value::as_array).is_some_and(|vs| vs.iter().any(is_nullable))
}

/// An optional property that JSON `null` does not fit yet (a default-valued field such as
/// `Estimate.unit`): `anyOf` of its schema and null, the description kept outside.
fn make_nullable(schema: &mut Value) {
    let Value::Object(map) = schema else { return };
    let mut outer: Map<String, Value> =
        ["title", "description"].iter().filter_map(|k| map.remove(*k).map(|v| ((*k).to_owned(), v))).collect();
    let inner = std::mem::take(map);
    outer.insert("anyOf".into(), json!([Value::Object(inner), { "type": "null" }]));
    *map = outer;
}
