//! The extraction profile: every document round-trips through it, its documents validate
//! against it, and it keeps the strict-mode rules (every property required, closed objects,
//! no `oneOf`, nothing beside a `$ref`).

use crate::schema_support;

use defense_agreements::Dossier;
use defense_agreements::extraction::{PROFILE_SCHEMA, check_quotes, from_profile, from_profile_json, to_profile};
use defense_agreements::schema::extraction_schema;
use schema_support::{json_files, read_json, validator_for};
use serde_json::{Value, json};

/// Every document that parses: the examples and the fixtures that parse (the invalid/ ones
/// carry `extensions`, so the entries' conversion is covered).
fn documents() -> Vec<(String, Dossier)> {
    let mut out = Vec::new();
    for dir in ["examples/data", "tests/fixtures/valid", "tests/fixtures/invalid", "tests/fixtures/shape-valid"] {
        for path in json_files(dir) {
            let (text, _) = read_json(&path);
            let dossier = Dossier::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            out.push((path.display().to_string(), dossier));
        }
    }
    assert!(out.len() > 20, "expected the examples and fixtures, found {}", out.len());
    out
}

fn profile() -> Value {
    Value::from(extraction_schema())
}

#[test]
fn the_compiled_in_profile_is_the_exported_one() {
    let committed: Value = serde_json::from_str(PROFILE_SCHEMA).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(committed, profile(), "regenerate with `cargo run --example export_schemas`");
}

#[test]
fn every_document_round_trips_through_the_profile() {
    let mut with_extensions = 0;
    for (name, dossier) in documents() {
        let shaped = to_profile(&dossier);
        with_extensions += usize::from(shaped["extensions"].as_array().is_some_and(|e| !e.is_empty()));
        let back = from_profile(shaped.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(back, dossier, "{name}");
        let back = from_profile_json(&serde_json::to_string_pretty(&shaped).unwrap_or_default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(back, dossier, "{name}");
    }
    assert!(with_extensions > 5, "the documents should exercise extensions, {with_extensions} do");
}

#[test]
fn profile_documents_validate_against_the_profile_and_not_the_canonical_schema() {
    let profile = validator_for(&profile());
    let canonical = schema_support::dossier_validator();
    for (name, dossier) in documents() {
        let shaped = to_profile(&dossier);
        // The profile offers scalar values only for a disputed field's alternatives (strict modes
        // have no open object): a dispute over an estimate is merged, not extracted.
        let errors: Vec<String> = profile
            .iter_errors(&shaped)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .filter(|e| !(e.contains("/alternatives/") && e.contains("/value: {")))
            .take(5)
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
        // And the canonical document is not a profile document: properties are missing.
        let plain = serde_json::to_value(&dossier).unwrap_or_default();
        assert!(!profile.is_valid(&plain), "{name}: the canonical form passes the profile");
        assert!(canonical.is_valid(&plain), "{name}");
    }
}

#[test]
fn absent_values_are_null_and_empty_lists_are_empty() {
    let (_, dossier) =
        documents().into_iter().find(|(n, _)| n.ends_with("iran-syria-2020.json")).unwrap_or_else(|| panic!("seed"));
    let shaped = to_profile(&dossier);
    let actor = &shaped["actors"][0];
    assert_eq!(actor["dissolved"], Value::Null);
    assert_eq!(actor["extensions"], json!([]));
    // Lists may also come back as null from a model: read as empty.
    let mut loose = shaped.clone();
    loose["actors"][0]["other_names"] = Value::Null;
    loose["actors"][0]["extensions"] = Value::Null;
    let back = from_profile(loose).unwrap_or_else(|e| panic!("{e}"));
    assert!(back.actors[0].other_names.is_empty());
}

#[test]
fn profile_errors_name_their_path() {
    let (_, dossier) =
        documents().into_iter().find(|(n, _)| n.ends_with("iran-syria-2020.json")).unwrap_or_else(|| panic!("seed"));
    let mut shaped = to_profile(&dossier);
    shaped["agreements"][0]["extensions"] = json!([{"key": "acme.score", "value": "0.8 not json"}]);
    let err = from_profile(shaped.clone()).err().unwrap_or_else(|| panic!("accepted"));
    assert_eq!(err.path(), Some("/agreements/0/extensions/0/value"));
    assert_eq!(err.code(), "invalid_value");
    shaped["agreements"][0]["extensions"] = json!([]);
    shaped["agreements"][0]["kind"] = json!("pact");
    let err = from_profile(shaped).err().unwrap_or_else(|| panic!("accepted"));
    assert_eq!(err.path(), Some("/agreements/0/kind"));
}

#[test]
fn extensions_survive_as_json_text() {
    let mut dossier = documents().remove(0).1;
    let value = json!({"score": 0.75, "tags": ["a", null], "nested": {"k": [1, 2]}});
    dossier.extensions.insert("acme.data", value.clone()).unwrap_or_else(|e| panic!("{e}"));
    let shaped = to_profile(&dossier);
    let entry = &shaped["extensions"][0];
    assert_eq!(entry["key"], "acme.data");
    let text = entry["value"].as_str().unwrap_or_else(|| panic!("value is not text: {entry}"));
    assert_eq!(serde_json::from_str::<Value>(text).ok(), Some(value));
    assert_eq!(from_profile(shaped).ok(), Some(dossier));
}

/// Calls `f` on every subschema of the profile with its JSON Pointer.
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
            "anyOf" | "oneOf" | "allOf" => {
                for (i, sub) in child.as_array().into_iter().flatten().enumerate() {
                    walk(&format!("{path}/{key}/{i}"), sub, f);
                }
            }
            _ => walk(&format!("{path}/{key}"), child, f),
        }
    }
}

#[test]
fn the_profile_keeps_the_strict_mode_rules() {
    let v = profile();
    let mut problems = Vec::new();
    let mut objects = 0;
    walk("#", &v, &mut |path, map| {
        if path.contains("/enum") || path.ends_with("/const") {
            return;
        }
        for key in ["oneOf", "allOf", "not", "const", "propertyNames", "patternProperties", "default", "examples", "if"]
        {
            if map.contains_key(key) {
                problems.push(format!("{path}: {key}"));
            }
        }
        if map.get("type").is_some_and(|t| !t.is_string()) {
            problems.push(format!("{path}: a list of types"));
        }
        if map.contains_key("$ref") && map.len() > 1 {
            problems.push(format!("{path}: keywords beside $ref"));
        }
        if let Some(properties) = map.get("properties").and_then(Value::as_object) {
            objects += 1;
            let required: Vec<&str> =
                map.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect();
            let names: Vec<&str> = properties.keys().map(String::as_str).collect();
            if required != names {
                problems.push(format!("{path}: required {required:?} is not every property {names:?}"));
            }
            if map.get("additionalProperties") != Some(&Value::Bool(false)) {
                problems.push(format!("{path}: open object"));
            }
        } else if map.get("type").and_then(Value::as_str) == Some("object") {
            problems.push(format!("{path}: object without properties"));
        }
    });
    assert!(objects > 30, "expected the record types, found {objects}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_seed_quotes_are_checked_against_their_source() {
    let (_, dossier) =
        documents().into_iter().find(|(n, _)| n.ends_with("iran-syria-2020.json")).unwrap_or_else(|| panic!("seed"));
    // Every quote of the report, concatenated, is a text that contains them all ...
    let quotes: Vec<String> = check_quotes(&dossier, "report", "").into_iter().map(|m| m.quote).collect();
    assert!(quotes.len() > 15, "{}", quotes.len());
    let text = quotes.join(" … ");
    assert_eq!(check_quotes(&dossier, "report", &text), Vec::new());
    // ... and one changed character is found, at its path.
    let shorter = text.replacen(&quotes[0], &quotes[0][1..], 1);
    let missing = check_quotes(&dossier, "report", &shorter);
    assert!(missing.iter().any(|m| m.quote == quotes[0] && m.path.ends_with("/quote")), "{missing:?}");
    // Another source's quotes are not checked against this text.
    assert!(check_quotes(&dossier, "no-such-source", "").is_empty());
}

#[test]
fn the_sample_answer_is_the_seed_in_the_profile_shape() {
    // examples/extraction/ holds what a model would answer for the seed report; docs/extraction.md
    // runs the pipeline on it. Regenerate with
    // `cargo run --example extraction -- --to-profile examples/data/iran-syria-2020.json`.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (text, _) = read_json(&root.join("examples/extraction/iran-syria-2020.json"));
    let (_, seed) = documents()
        .into_iter()
        .find(|(n, _)| n.ends_with("data/iran-syria-2020.json"))
        .unwrap_or_else(|| panic!("seed"));
    assert_eq!(text.trim_end(), serde_json::to_string_pretty(&to_profile(&seed)).unwrap_or_default());
}
