//! Parse errors name the JSON path and what was expected.

use std::path::Path;

use defense_agreements::{Dossier, Error, ParseErrorKind};

fn seed() -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/iran-syria-2020.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"))
}

fn parse_error(doc: &serde_json::Value) -> (String, ParseErrorKind, String) {
    match Dossier::from_json(&doc.to_string()) {
        Err(Error::Parse { path, kind, message, .. }) => (path, kind, message),
        other => panic!("expected a parse error, got {other:?}"),
    }
}

/// Sets the value at `pointer`, adding the last member if it is new.
fn set(doc: &mut serde_json::Value, pointer: &str, value: serde_json::Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap_or_else(|| panic!("{pointer}"));
    let target = doc.pointer_mut(parent).unwrap_or_else(|| panic!("{parent}"));
    match target {
        serde_json::Value::Object(map) => {
            map.insert(key.to_owned(), value);
        }
        other => *other.pointer_mut(&format!("/{key}")).unwrap_or_else(|| panic!("{pointer}")) = value,
    }
}

#[test]
fn invalid_date_names_its_path() {
    let mut doc = seed();
    set(&mut doc, "/agreements/0/signatures/1/date", "2020-13-45".into());
    let (path, kind, message) = parse_error(&doc);
    assert_eq!(path, "/agreements/0/signatures/1/date");
    assert_eq!(kind, ParseErrorKind::InvalidValue);
    assert!(message.starts_with("invalid EDTF date '2020-13-45'"), "{message}");
    let err = Dossier::from_json(&doc.to_string()).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.starts_with("/agreements/0/signatures/1/date: invalid EDTF date '2020-13-45'"), "{err}");
}

#[test]
fn unknown_field_points_at_the_field() {
    let mut doc = seed();
    set(&mut doc, "/troop_presences/0/strenght", 5.into());
    let (path, kind, message) = parse_error(&doc);
    assert_eq!(path, "/troop_presences/0/strenght");
    assert_eq!(kind, ParseErrorKind::UnknownField);
    assert!(message.contains("unknown field `strenght`"), "{message}");
}

#[test]
fn missing_field_names_the_object() {
    let mut doc = seed();
    let Some(obj) = doc.pointer_mut("/actors/3").and_then(|v| v.as_object_mut()) else { panic!("actor") };
    obj.remove("kind");
    let (path, kind, _) = parse_error(&doc);
    assert_eq!((path.as_str(), kind), ("/actors/3", ParseErrorKind::MissingField));
}

#[test]
fn wrong_enum_value_and_wrong_type() {
    let mut doc = seed();
    set(&mut doc, "/agreements/0/kind", "alliance-ish".into());
    assert_eq!(parse_error(&doc).0, "/agreements/0/kind");
    let mut doc = seed();
    set(&mut doc, "/troop_presences/1/strength/low", "8000".into());
    let (path, kind, _) = parse_error(&doc);
    assert_eq!((path.as_str(), kind), ("/troop_presences/1/strength/low", ParseErrorKind::InvalidType));
}

#[test]
fn unknown_country_and_bad_id() {
    let mut doc = seed();
    set(&mut doc, "/actors/0/country", "ZZZ".into());
    let (path, _, message) = parse_error(&doc);
    assert_eq!(path, "/actors/0/country");
    assert!(message.contains("unknown country code 'ZZZ'"), "{message}");
    let mut doc = seed();
    set(&mut doc, "/people/0/id", "has space".into());
    assert_eq!(parse_error(&doc).0, "/people/0/id");
}

#[test]
fn unknown_field_inside_a_tagged_reference() {
    let mut doc = seed();
    set(&mut doc, "/statements/1/about/0/note", "x".into());
    let (path, kind, _) = parse_error(&doc);
    assert!(path.starts_with("/statements/1/about/0"), "{path}");
    assert_eq!(kind, ParseErrorKind::UnknownField);
}

#[test]
fn syntax_errors_and_versions() {
    match Dossier::from_json("{\"schema_version\": \"1.0\",") {
        Err(e @ Error::Parse { kind: ParseErrorKind::Syntax, .. }) => assert_eq!(e.code(), "syntax_error"),
        other => panic!("{other:?}"),
    }
    let mut doc = seed();
    set(&mut doc, "/schema_version", "2.0".into());
    // An unknown field too: the version is still what gets reported.
    set(&mut doc, "/future_field", true.into());
    match Dossier::from_json(&doc.to_string()) {
        Err(e @ Error::UnsupportedVersion { .. }) => {
            assert_eq!(e.code(), "unsupported_schema_version");
            assert_eq!(e.path(), Some("/schema_version"));
        }
        other => panic!("{other:?}"),
    }
    let mut doc = seed();
    set(&mut doc, "/schema_version", "1.7".into());
    assert!(Dossier::from_json(&doc.to_string()).is_ok(), "minor versions of 1 are read");
}

#[test]
fn byte_order_mark_is_ignored() {
    let text = format!("\u{feff}{}", seed());
    assert!(Dossier::from_json(&text).is_ok());
}

#[test]
fn trailing_garbage_is_a_syntax_error_at_the_root() {
    let text = format!("{} x", seed());
    match Dossier::from_json(&text) {
        Err(Error::Parse { path, kind: ParseErrorKind::Syntax, .. }) => assert_eq!(path, ""),
        other => panic!("{other:?}"),
    }
}

#[test]
fn records_are_objects_never_arrays() {
    let mut doc = seed();
    set(&mut doc, "/actors/1", serde_json::json!(["syria", "Syria", [], "state"]));
    let (path, kind, message) = parse_error(&doc);
    assert_eq!((path.as_str(), kind), ("/actors/1", ParseErrorKind::InvalidType));
    assert_eq!(message, "invalid type: array, expected an object");
    let mut doc = seed();
    set(&mut doc, "/statements/1/about/0", serde_json::json!(["agreement", "iran-syria-2020"]));
    assert_eq!(parse_error(&doc).1, ParseErrorKind::InvalidType);
}
