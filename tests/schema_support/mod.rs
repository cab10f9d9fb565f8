//! Helpers shared by the schema tests: the schema as JSON, validators, fixture listings.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

/// The dossier schema as a JSON value.
pub(crate) fn dossier_schema() -> Value {
    Value::from(defense_agreements::schema::dossier_schema())
}

/// A draft 2020-12 validator with format assertion on, as the issue asks.
pub(crate) fn validator_for(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(schema)
        .unwrap_or_else(|e| panic!("the schema does not compile: {e}"))
}

/// The dossier schema's validator.
pub(crate) fn dossier_validator() -> jsonschema::Validator {
    validator_for(&dossier_schema())
}

/// A validator for one shared type of the dossier schema (`$defs/NAME`).
pub(crate) fn def_validator(name: &str) -> jsonschema::Validator {
    let root = dossier_schema();
    assert!(root["$defs"].get(name).is_some(), "no $defs/{name}");
    validator_for(&json!({
        "$schema": defense_agreements::schema::DRAFT_2020_12,
        "$defs": root["$defs"],
        "$ref": format!("#/$defs/{name}"),
    }))
}

/// The `.json` files of a directory under the crate root, sorted; empty if it does not exist.
pub(crate) fn json_files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// A file's text and its JSON value.
pub(crate) fn read_json(path: &Path) -> (String, Value) {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()));
    (text, value)
}

/// The schema's complaints about a document, one per line.
pub(crate) fn schema_errors(validator: &jsonschema::Validator, value: &Value) -> String {
    validator.iter_errors(value).map(|e| format!("  {}: {e}", e.instance_path())).collect::<Vec<_>>().join("\n")
}
