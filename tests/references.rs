//! The reference walk (`Dossier::references`, `references_mut`, `remap`) finds every reference
//! of the example dossiers and fixtures: checked against an independent scan of the JSON by
//! field name.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use defense_agreements::{Dossier, RecordKind};
use serde_json::Value;

/// (JSON Pointer, kind, id) of each reference.
type Found = BTreeSet<(String, String, String)>;

/// The fields that hold ids of other records, by JSON name. The walk is written from the Rust
/// types; this list from the JSON contract (docs/model.md), so the two check each other.
fn field_kind(name: &str) -> Option<&'static str> {
    Some(match name {
        "actor" | "parent" | "sponsors" | "organization" | "party" | "obligors" | "beneficiaries" | "actors"
        | "providers" | "recipients" | "forces" | "supporter" | "recipient" | "on_behalf_of" | "toward" | "organ"
        | "claimant" => "actor",
        "signer" | "speakers" | "performed_by" => "person",
        "agreement" => "agreement",
        "clause" => "clause",
        "source" => "source",
        "statement" => "statement",
        "dispute" => "dispute",
        _ => return None,
    })
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn scan(value: &Value, path: &str, root: bool, found: &mut Found) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let here = format!("{path}/{}", escape(key));
                // Extensions and a disputed field's values are free-form; the root's members are
                // the record lists.
                if key == "extensions" || (key == "value" && path.contains("/alternatives/")) {
                    continue;
                }
                if !root {
                    if let Some(kind) = field_kind(key) {
                        match v {
                            Value::String(id) => {
                                found.insert((here.clone(), kind.into(), id.clone()));
                            }
                            Value::Array(ids) => {
                                for (i, id) in ids.iter().enumerate() {
                                    if let Value::String(id) = id {
                                        found.insert((format!("{here}/{i}"), kind.into(), id.clone()));
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                    if key == "about" {
                        for (i, r) in v.as_array().into_iter().flatten().enumerate() {
                            let kind = r["type"].as_str().unwrap_or_default();
                            let id = r["id"].as_str().unwrap_or_default();
                            found.insert((format!("{here}/{i}/id"), kind.into(), id.into()));
                        }
                        continue;
                    }
                    if key == "record" {
                        let kind = v["type"].as_str().unwrap_or_default();
                        let id = v["id"].as_str().unwrap_or_default();
                        found.insert((format!("{here}/id"), kind.into(), id.into()));
                        continue;
                    }
                }
                scan(v, &here, false, found);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                scan(v, &format!("{path}/{i}"), false, found);
            }
        }
        _ => {}
    }
}

fn documents() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["examples/data", "tests/fixtures/valid", "tests/fixtures/invalid"] {
        let entries = fs::read_dir(root.join(dir)).unwrap_or_else(|e| panic!("{dir}: {e}"));
        files.extend(
            entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "json")),
        );
    }
    files.sort();
    assert!(files.len() > 30, "expected the examples and fixtures");
    files
}

fn load(path: &Path) -> (Dossier, Value) {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let dossier = Dossier::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (dossier, json)
}

#[test]
fn the_walk_finds_every_reference_a_field_scan_finds() {
    let mut total = 0;
    for file in documents() {
        let (dossier, json) = load(&file);
        let mut expected = Found::new();
        scan(&json, "", true, &mut expected);
        let walked: Found =
            dossier.references().into_iter().map(|r| (r.path, r.kind.as_str().to_owned(), r.id.to_owned())).collect();
        assert_eq!(walked, expected, "{}", file.display());
        total += walked.len();
    }
    // The example dossiers alone hold hundreds of references: an empty walk must not pass.
    assert!(total > 300, "{total}");
}

#[test]
fn every_reference_path_resolves_to_its_id() {
    for file in documents() {
        let (dossier, json) = load(&file);
        for r in dossier.references() {
            assert_eq!(json.pointer(&r.path).and_then(Value::as_str), Some(r.id), "{}: {}", file.display(), r.path);
            let scoped = r.kind == RecordKind::Clause;
            assert_eq!(r.agreement.is_some(), scoped, "{}: {}", file.display(), r.path);
            if let Some(i) = r.agreement {
                assert!(r.path.starts_with(&format!("/agreements/{i}/")), "{}", r.path);
            }
        }
    }
}

#[test]
fn references_mut_visits_the_same_references() {
    for file in documents() {
        let (mut dossier, _) = load(&file);
        let read: Vec<(String, RecordKind, String)> =
            dossier.references().into_iter().map(|r| (r.path, r.kind, r.id.to_owned())).collect();
        let written: Vec<(String, RecordKind, String)> =
            dossier.references_mut().into_iter().map(|r| (r.path().to_owned(), r.kind(), r.id().to_owned())).collect();
        assert_eq!(read, written, "{}", file.display());
    }
}

#[test]
fn set_id_rewrites_the_reference_in_place() {
    let (mut dossier, _) = load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/iran-syria-2020.json"));
    for mut r in dossier.references_mut() {
        if r.kind() == RecordKind::Person {
            r.set_id("nobody").unwrap_or_else(|e| panic!("{e}"));
        }
    }
    let report = dossier.validate();
    let signers = dossier.references().into_iter().filter(|r| r.path.ends_with("/signer")).count();
    assert!(signers > 0);
    for r in dossier.references().into_iter().filter(|r| r.kind == RecordKind::Person) {
        assert_eq!(r.id, "nobody");
        assert!(report.has(defense_agreements::Code::DanglingReference, &r.path), "{report}");
    }
    let mut refs = dossier.references_mut();
    let bad = refs.first_mut().map(|r| r.set_id("not an id"));
    assert!(matches!(bad, Some(Err(_))));
}

#[test]
fn remap_renames_records_and_references_alike() {
    for file in documents() {
        let (original, _) = load(&file);
        let before = original.validate();
        for r in original.references() {
            let mut dossier = original.clone();
            let new = format!("renamed-{}", r.id);
            let changed = dossier.remap(r.kind, r.id, &new).unwrap_or_else(|e| panic!("{e}"));
            assert!(changed >= 1, "{}: {}", file.display(), r.path);
            // Every reference that named the old id names the new one; nothing else moved.
            for (old, now) in original.references().iter().zip(dossier.references()) {
                assert_eq!(old.path, now.path);
                let renamed = old.kind == r.kind && old.id == r.id;
                assert_eq!(now.id, if renamed { new.as_str() } else { old.id }, "{}: {}", file.display(), now.path);
            }
            // The dossier means the same: the same problems at the same places.
            let after = dossier.validate();
            let key = |rep: &defense_agreements::Report| -> BTreeSet<(String, String)> {
                rep.issues().iter().map(|i| (i.code.to_string(), i.path.clone())).collect()
            };
            assert_eq!(key(&before), key(&after), "{}: renaming {} {}", file.display(), r.kind, r.id);
        }
    }
}

#[test]
fn remap_refuses_an_invalid_id_and_changes_nothing() {
    let (mut dossier, _) = load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/iran-syria-2020.json"));
    let copy = dossier.clone();
    assert!(dossier.remap(RecordKind::Actor, "iran", "not an id").is_err());
    assert_eq!(dossier, copy);
}

#[test]
fn record_kinds_round_trip_through_their_names() {
    for kind in RecordKind::ALL {
        assert_eq!(kind.as_str().parse::<RecordKind>().ok(), Some(*kind));
        assert_eq!(kind.to_string(), kind.as_str());
        assert_eq!(serde_json::to_value(kind).ok(), Some(Value::String(kind.as_str().into())));
    }
    assert!("troops".parse::<RecordKind>().is_err());
}
