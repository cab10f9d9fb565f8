//! JSON Schema (draft 2020-12) of the JSON contract, for consumers in other languages.
//!
//! The schemas are generated from the Rust types by `schemars`, then made portable: validators
//! and code generators in other languages (Python `jsonschema`, `ajv` in strict mode, pydantic
//! via `datamodel-code-generator`, `json-schema-to-typescript`) load them unchanged. The
//! committed copies live in `schemas/`; `cargo run --example export_schemas` rewrites them.
//!
//! ```
//! let schema = defense_agreements::schema::dossier_schema();
//! assert_eq!(schema.get("$schema").and_then(|v| v.as_str()), Some(defense_agreements::schema::DRAFT_2020_12));
//! ```

mod extraction;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};
use serde_json::{Map, Value};

/// The base of every exported schema's `$id`. The `v1` is the major `schema_version`: a
/// minor version extends the schema under the same `$id`, a major one moves it.
pub const SCHEMA_BASE_URI: &str = "https://defense-agreements.github.io/schemas/v1/";

/// The meta-schema every exported schema declares in `$schema`.
pub const DRAFT_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";

/// The file name (under `schemas/`, and after [`SCHEMA_BASE_URI`]) of the dossier schema.
pub const DOSSIER_SCHEMA_FILE: &str = "dossier.schema.json";

/// The file name (under `schemas/`, and after [`SCHEMA_BASE_URI`]) of the extraction profile.
pub const EXTRACTION_SCHEMA_FILE: &str = "dossier.extraction.schema.json";

/// The schema of a [`Dossier`](crate::Dossier) document.
///
/// Records are never documents of their own, so they have no schema of their own: refer to
/// one as `dossier.schema.json#/$defs/Agreement` (every shared type is in `$defs`).
pub fn dossier_schema() -> Schema {
    generate::<crate::dossier::Dossier>(DOSSIER_SCHEMA_FILE)
}

/// The file name (under `schemas/`) of the resolver schema.
#[cfg(feature = "merge")]
pub const RESOLVER_SCHEMA_FILE: &str = "resolver.schema.json";

/// The schema of a [`Resolver`](crate::identity::Resolver) document: human judgements on
/// whether two records are the same.
#[cfg(feature = "merge")]
pub fn resolver_schema() -> Schema {
    generate::<crate::identity::Resolver>(RESOLVER_SCHEMA_FILE)
}

/// Every exported schema with its file name, in the order they are written to `schemas/`.
pub fn exported_schemas() -> Vec<(&'static str, Schema)> {
    vec![
        (DOSSIER_SCHEMA_FILE, dossier_schema()),
        (EXTRACTION_SCHEMA_FILE, extraction_schema()),
        #[cfg(feature = "merge")]
        (RESOLVER_SCHEMA_FILE, resolver_schema()),
    ]
}

/// The extraction profile: the dossier schema reshaped for LLM structured output and tool input.
///
/// Every property is required and an absent value is `null` (an absent list is `[]`); unions
/// are `anyOf`; no keyword sits beside a `$ref`; `extensions` are a list of `{key, value}`
/// pairs whose `value` is JSON text, since strict modes allow no open objects. Documents in
/// this shape are read with [`extraction::from_profile`](crate::extraction::from_profile) and
/// written with [`extraction::to_profile`](crate::extraction::to_profile); see
/// `docs/extraction.md` for the providers' limits it keeps within.
pub fn extraction_schema() -> Schema {
    let mut root = Value::from(dossier_schema());
    extraction::reshape(&mut root);
    // The root is still an object, so this conversion cannot fail.
    Schema::try_from(root).unwrap_or_default()
}

/// A schema as it is committed under `schemas/`: two-space indented JSON and a final newline.
pub fn to_file_text(schema: &Schema) -> String {
    // A Schema is a JSON value with string keys: serializing it cannot fail.
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

fn generate<T: JsonSchema>(file: &str) -> Schema {
    // for_deserialize: the schema describes what the parser accepts (absent Option = null).
    let settings = SchemaSettings::draft2020_12().for_deserialize();
    let schema = settings.into_generator().into_root_schema_for::<T>();
    let mut root = Value::from(schema);
    if let Value::Object(map) = &mut root {
        map.insert("$schema".into(), DRAFT_2020_12.into());
        map.insert("$id".into(), format!("{SCHEMA_BASE_URI}{file}").into());
    }
    make_portable(&mut root);
    enums_from_consts(&mut root);
    list_defaults(&mut root);
    name_defs(&mut root);
    strip_doc_links(&mut root);
    // The root is still an object, so this conversion cannot fail.
    Schema::try_from(root).unwrap_or_default()
}

/// Replaces schemars' non-standard numeric `format`s (`uint32`, `double` …), which strict
/// validators refuse as unknown formats, by the `minimum`/`maximum` they stand for.
fn make_portable(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(format)) = map.get("format") {
                if let Some(bounds) = numeric_format_bounds(format) {
                    map.remove("format");
                    if let Some((min, max)) = bounds {
                        tighten(map, "minimum", min, |new, old| new > old);
                        tighten(map, "maximum", max, |new, old| new < old);
                    }
                }
            }
            map.values_mut().for_each(make_portable);
        }
        Value::Array(items) => items.iter_mut().for_each(make_portable),
        _ => {}
    }
}

/// `Some(bounds)` for schemars' numeric formats: the integer range of the Rust type, or
/// `None` for floats (JSON numbers are already doubles).
#[allow(clippy::type_complexity)]
fn numeric_format_bounds(format: &str) -> Option<Option<(Value, Value)>> {
    let range = |min: i64, max: u64| Some(Some((Value::from(min), Value::from(max))));
    match format {
        "uint8" => range(0, u8::MAX.into()),
        "uint16" => range(0, u16::MAX.into()),
        "uint32" | "uint" => range(0, u32::MAX.into()),
        "uint64" => range(0, u64::MAX),
        "int8" => range(i8::MIN.into(), i8::MAX.unsigned_abs().into()),
        "int16" => range(i16::MIN.into(), i16::MAX.unsigned_abs().into()),
        "int32" | "int" => range(i32::MIN.into(), i32::MAX.unsigned_abs().into()),
        "int64" => range(i64::MIN, i64::MAX.unsigned_abs()),
        "float" | "double" => Some(None),
        _ => None,
    }
}

/// Sets `key` to `bound` unless the schema already has a stricter one.
fn tighten(map: &mut Map<String, Value>, key: &str, bound: Value, stricter: fn(f64, f64) -> bool) {
    let new = bound.as_f64();
    let keep_old = match (map.get(key).and_then(Value::as_f64), new) {
        (Some(old), Some(new)) => !stricter(new, old),
        (_, None) => true,
        (None, Some(_)) => false,
    };
    if !keep_old {
        map.insert(key.into(), bound);
    }
}

/// Writes a closed vocabulary as an `enum` rather than schemars' `oneOf` of `const`s (which it
/// emits when the variants have doc comments): validators then name the allowed values in their
/// errors (Python `jsonschema`: "'nation' is not one of ['state', …]" instead of "is not valid
/// under any of the given schemas"). Each value's description moves into the type's
/// description, as a list, where every consumer shows it and strict validators accept it.
fn enums_from_consts(root: &mut Value) {
    let Some(Value::Object(defs)) = root.get_mut("$defs") else {
        return;
    };
    for def in defs.values_mut() {
        let Value::Object(def) = def else { continue };
        let Some(Value::Array(variants)) = def.get("oneOf") else { continue };
        let is_string_const = |v: &Value| {
            v.get("const").is_some_and(Value::is_string)
                && v.as_object()
                    .is_some_and(|o| o.keys().all(|k| matches!(k.as_str(), "const" | "type" | "description")))
        };
        if variants.is_empty() || !variants.iter().all(is_string_const) {
            continue;
        }
        let mut values = Vec::with_capacity(variants.len());
        let mut list = String::from("Values:");
        for variant in variants {
            let value = variant["const"].as_str().unwrap_or_default();
            list.push_str(&format!("\n- `{value}`"));
            if let Some(text) = variant.get("description").and_then(Value::as_str) {
                list.push_str(": ");
                list.push_str(text);
            }
            values.push(Value::from(value));
        }
        let description = match def.get("description").and_then(Value::as_str) {
            Some(text) => format!("{text}\n\n{list}"),
            None => list,
        };
        def.remove("oneOf");
        def.insert("type".into(), "string".into());
        def.insert("enum".into(), values.into());
        def.insert("description".into(), description.into());
    }
}

/// Says `"default": []` on every optional list: an absent list is empty, as the parser reads
/// it. Code generators then give lists an empty default instead of `None` or a sentinel
/// (datamodel-code-generator with `--strict-nullable`: `other_names: list[OtherName] = []`),
/// while `null` stays invalid.
fn list_defaults(value: &mut Value) {
    match value {
        Value::Object(map) => {
            let required: Vec<String> = match map.get("required") {
                Some(Value::Array(names)) => names.iter().filter_map(|n| n.as_str().map(str::to_owned)).collect(),
                _ => Vec::new(),
            };
            if let Some(Value::Object(properties)) = map.get_mut("properties") {
                for (name, property) in properties.iter_mut() {
                    if let Value::Object(property) = property {
                        if !required.contains(name) && property.get("type").and_then(Value::as_str) == Some("array") {
                            property.entry("default").or_insert_with(|| Value::Array(Vec::new()));
                        }
                    }
                }
            }
            map.values_mut().for_each(list_defaults);
        }
        Value::Array(items) => items.iter_mut().for_each(list_defaults),
        _ => {}
    }
}

/// Gives every shared type a `title` (its `$defs` name) and every variant of a tagged union a
/// title built from the union and its tag (`DurationFixedTerm`): code generators name their
/// classes and interfaces after titles, instead of `Duration1`, `Duration2`.
fn name_defs(root: &mut Value) {
    let Some(Value::Object(defs)) = root.get_mut("$defs") else {
        return;
    };
    for (name, def) in defs.iter_mut() {
        let Value::Object(def) = def else { continue };
        def.entry("title").or_insert_with(|| name.clone().into());
        let Some(Value::Array(variants)) = def.get_mut("oneOf") else { continue };
        for variant in variants.iter_mut() {
            let Value::Object(variant) = variant else { continue };
            let tag = variant.get("properties").and_then(|p| p.get("type")).and_then(|t| t.get("const"));
            if let Some(Value::String(tag)) = tag {
                let title = format!("{name}{}", pascal_case(tag));
                variant.entry("title").or_insert_with(|| title.into());
            }
        }
    }
}

/// Turns rustdoc links in descriptions (``[`Source`](crate::Source)``, ``[`Agreement::status`]``)
/// into plain code spans: the link targets mean nothing outside Rust.
fn strip_doc_links(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                match child {
                    Value::String(text) if key == "description" => *text = plain_links(text),
                    _ => strip_doc_links(child),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(strip_doc_links),
        _ => {}
    }
}

fn plain_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("[`") {
        let Some(len) = rest[start..].find("`]") else { break };
        out.push_str(&rest[..start]);
        out.push_str(&rest[start + 1..start + len + 1]);
        rest = &rest[start + len + 2..];
        // A link target follows an inline link: `(crate::Source)`.
        if let Some(target) = rest.strip_prefix('(') {
            if let Some(close) = target.find(')') {
                rest = &target[close + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn pascal_case(snake: &str) -> String {
    snake
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_formats_become_bounds() {
        let mut v = serde_json::json!({"a": {"type": "integer", "format": "uint32", "minimum": 1},
                                       "b": {"type": "number", "format": "double", "minimum": -90.0},
                                       "c": {"type": "string", "format": "date"}});
        make_portable(&mut v);
        assert_eq!(v["a"], serde_json::json!({"type": "integer", "minimum": 1, "maximum": 4294967295_u64}));
        assert_eq!(v["b"], serde_json::json!({"type": "number", "minimum": -90.0}));
        // Standard formats are left alone.
        assert_eq!(v["c"]["format"], "date");
    }

    #[test]
    fn doc_links_become_code_spans() {
        assert_eq!(
            plain_links("See [`Source`](crate::source::Source) and [`Agreement::status`]."),
            "See `Source` and `Agreement::status`."
        );
        assert_eq!(plain_links("no links, [a-z] and `code`"), "no links, [a-z] and `code`");
        assert_eq!(plain_links("cut [`short"), "cut [`short");
    }

    #[test]
    fn pascal_case_joins_words() {
        assert_eq!(pascal_case("fixed_term"), "FixedTerm");
        assert_eq!(pascal_case("actor"), "Actor");
    }
}
