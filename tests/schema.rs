//! The exported schemas: committed copies up to date, and portable by construction.

use crate::schema_support;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use defense_agreements::schema::{DRAFT_2020_12, SCHEMA_BASE_URI, exported_schemas, to_file_text};
use schema_support::{dossier_schema, dossier_validator};
use serde_json::Value;

const REGENERATE: &str = "cargo run --example export_schemas";

/// The committed schemas are what the crate exports. On a difference the failure shows where
/// the files differ; `UPDATE_SCHEMAS=1 cargo test --test integration schema::` rewrites them (as
/// `cargo run --example export_schemas` does) and then passes.
#[test]
fn committed_schemas_are_up_to_date() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    let update = std::env::var_os("UPDATE_SCHEMAS").is_some_and(|v| !v.is_empty() && v != "0");
    let mut stale = Vec::new();
    for (file, schema) in exported_schemas() {
        let path = dir.join(file);
        let committed = fs::read_to_string(&path).unwrap_or_default();
        let current = to_file_text(&schema);
        if committed == current {
            continue;
        }
        if update {
            fs::write(&path, &current).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            eprintln!("updated {}", path.display());
        } else {
            stale.push(format!("{}:\n{}", path.display(), diff(&committed, &current)));
        }
    }
    assert!(
        stale.is_empty(),
        "stale or missing schema files (committed -, exported +):\n{}\nregenerate them with `{REGENERATE}` or `UPDATE_SCHEMAS=1 cargo test --test integration schema::`",
        stale.join("\n")
    );
}

/// The lines that differ between two texts, after their common beginning and end, with line
/// numbers: enough to see what changed without a diff library.
fn diff(old: &str, new: &str) -> String {
    const SHOWN: usize = 30;
    let old: Vec<&str> = old.lines().collect();
    let new: Vec<&str> = new.lines().collect();
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..].iter().rev().zip(new[prefix..].iter().rev()).take_while(|(a, b)| a == b).count();
    let mut out = String::new();
    let mut side = |sign: char, lines: &[&str]| {
        for (i, line) in lines.iter().enumerate().take(SHOWN) {
            out.push_str(&format!("{:>6} {sign} {line}\n", prefix + i + 1));
        }
        if lines.len() > SHOWN {
            out.push_str(&format!("       {sign} … {} more lines\n", lines.len() - SHOWN));
        }
    };
    side('-', &old[prefix..old.len() - suffix]);
    side('+', &new[prefix..new.len() - suffix]);
    out
}

#[test]
fn the_diff_shows_the_changed_lines() {
    let shown = diff("a\nb\nc\nd\n", "a\nB\nc\nd\n");
    assert_eq!(shown, "     2 - b\n     2 + B\n");
    assert_eq!(diff("a\n", "a\nb\n"), "     2 + b\n");
}

#[test]
fn schemas_dir_holds_only_exported_schemas() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    let expected: BTreeSet<String> = exported_schemas().into_iter().map(|(f, _)| f.to_owned()).collect();
    let found: BTreeSet<String> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().and_then(|e| e.file_name().into_string().ok()))
        .collect();
    assert_eq!(found, expected, "schemas/ has files no export writes; regenerate with `{REGENERATE}`");
}

#[test]
fn root_is_pinned_to_draft_2020_12_with_a_stable_id() {
    for (file, schema) in exported_schemas() {
        let v = Value::from(schema);
        assert_eq!(v["$schema"], DRAFT_2020_12, "{file}");
        assert_eq!(v["$id"], format!("{SCHEMA_BASE_URI}{file}"), "{file}");
        assert!(SCHEMA_BASE_URI.ends_with("/v1/"), "the $id names the major schema_version");
        assert!(v["title"].is_string() && v["description"].is_string(), "{file}: no title or description");
        // The schema is itself valid against the 2020-12 meta-schema.
        assert!(jsonschema::draft202012::meta::is_valid(&v), "{file}: not a valid 2020-12 schema");
    }
}

#[test]
fn every_shared_type_has_a_title_and_description() {
    let v = dossier_schema();
    let Some(defs) = v["$defs"].as_object() else { panic!("no $defs") };
    assert!(defs.len() > 40, "expected the shared types in $defs, found {}", defs.len());
    for (name, def) in defs {
        assert_eq!(def["title"], name.as_str(), "$defs/{name}: title");
        assert!(def["description"].as_str().is_some_and(|d| !d.is_empty()), "$defs/{name}: no description");
    }
}

/// Keywords of the 2020-12 vocabularies that the schema may use. `ajv` in strict mode refuses
/// any other keyword, so a new one must be checked against the consumers before it is added here.
const KNOWN_KEYWORDS: &[&str] = &[
    "$schema",
    "$id",
    "$ref",
    "$defs",
    "$comment",
    "title",
    "description",
    "examples",
    "default",
    "deprecated",
    "type",
    "enum",
    "const",
    "properties",
    "required",
    "additionalProperties",
    "propertyNames",
    "items",
    "prefixItems",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "pattern",
    "format",
    "oneOf",
    "anyOf",
    "allOf",
    "not",
    "minProperties",
    "maxProperties",
];

/// Formats defined by draft 2020-12 (schemars' `uint32`, `double` … are not).
const STANDARD_FORMATS: &[&str] = &[
    "date-time",
    "date",
    "time",
    "duration",
    "email",
    "idn-email",
    "hostname",
    "idn-hostname",
    "ipv4",
    "ipv6",
    "uri",
    "uri-reference",
    "iri",
    "iri-reference",
    "uuid",
    "uri-template",
    "json-pointer",
    "relative-json-pointer",
    "regex",
];

/// Calls `f` on every subschema with its JSON Pointer.
fn walk(path: &str, v: &Value, f: &mut impl FnMut(&str, &serde_json::Map<String, Value>)) {
    let Value::Object(map) = v else { return };
    f(path, map);
    for (key, child) in map {
        match key.as_str() {
            "properties" | "$defs" => {
                for (name, sub) in child.as_object().into_iter().flatten() {
                    walk(&format!("{path}/{key}/{name}"), sub, f);
                }
            }
            "oneOf" | "anyOf" | "allOf" | "prefixItems" => {
                for (i, sub) in child.as_array().into_iter().flatten().enumerate() {
                    walk(&format!("{path}/{key}/{i}"), sub, f);
                }
            }
            "items" | "additionalProperties" | "propertyNames" | "not" => walk(&format!("{path}/{key}"), child, f),
            _ => {}
        }
    }
}

#[test]
fn only_standard_keywords_and_formats() {
    let v = dossier_schema();
    let mut problems = Vec::new();
    walk("#", &v, &mut |path, map| {
        for key in map.keys() {
            if !KNOWN_KEYWORDS.contains(&key.as_str()) {
                problems.push(format!("{path}: keyword '{key}'"));
            }
        }
        if let Some(format) = map.get("format") {
            if !format.as_str().is_some_and(|f| STANDARD_FORMATS.contains(&f)) {
                problems.push(format!("{path}: format {format}"));
            }
        }
    });
    assert!(problems.is_empty(), "non-portable schema:\n{}", problems.join("\n"));
}

#[test]
fn integers_are_bounded() {
    let v = dossier_schema();
    let mut problems = Vec::new();
    let mut integers = 0;
    walk("#", &v, &mut |path, map| {
        let is_integer = match map.get("type") {
            Some(Value::String(t)) => t == "integer",
            Some(Value::Array(ts)) => ts.iter().any(|t| t == "integer"),
            _ => false,
        };
        if is_integer {
            integers += 1;
            if !(map.contains_key("minimum") && map.contains_key("maximum")) {
                problems.push(path.to_owned());
            }
        }
    });
    assert!(integers >= 5, "expected integer fields, found {integers}");
    assert!(problems.is_empty(), "integers without minimum and maximum: {problems:?}");
}

#[test]
fn every_object_with_properties_rejects_unknown_ones() {
    // Every struct of the model denies unknown fields; tagged-enum variants included.
    let v = dossier_schema();
    let mut objects = 0;
    let mut problems = Vec::new();
    walk("#", &v, &mut |path, map| {
        if map.contains_key("properties") {
            objects += 1;
            if map.get("additionalProperties") != Some(&Value::Bool(false)) {
                problems.push(path.to_owned());
            }
        }
    });
    assert!(objects > 30, "expected the record types, found {objects} objects");
    assert!(problems.is_empty(), "objects that accept unknown properties: {problems:?}");
}

#[test]
fn tagged_union_variants_are_named_and_closed() {
    let v = dossier_schema();
    for (union, tags) in [
        ("Duration", &["indefinite", "fixed_term", "until_event"][..]),
        ("RecordRef", &["actor", "person", "agreement", "troop_presence", "support", "statement"][..]),
    ] {
        let Some(variants) = v["$defs"][union]["oneOf"].as_array() else { panic!("{union}: no oneOf") };
        let found: Vec<&str> = variants.iter().filter_map(|x| x["properties"]["type"]["const"].as_str()).collect();
        assert_eq!(found, tags, "{union}");
        for variant in variants {
            assert_eq!(variant["additionalProperties"], false, "{union}: {variant}");
            assert!(variant["required"].as_array().is_some_and(|r| r.iter().any(|x| x == "type")), "{union}");
            assert!(variant["title"].as_str().is_some_and(|t| t.starts_with(union)), "{union}: untitled variant");
        }
    }
}

#[test]
fn the_schema_compiles_in_the_rust_validator() {
    // Builds every pattern too: a pattern the regex engine rejects fails here.
    let validator = dossier_validator();
    assert!(!validator.is_valid(&serde_json::json!({})), "an empty object has no schema_version or id");
}
