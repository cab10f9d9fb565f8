//! The diff's JSON Patch, applied to the old JSON by an independent RFC 6902 implementation
//! (the `json-patch` crate), gives the new JSON; every change's pointer resolves.

use defense_agreements::Dossier;
use defense_agreements::diff::{ChangeKind, diff};
use proptest::prelude::*;
use serde_json::Value;

use crate::corpus;

fn generated(seed: u64, n: u64, blocks: u32) -> Dossier {
    let g = corpus::generate(seed, n, blocks, 0).unwrap_or_else(|e| panic!("{e}"));
    Dossier::from_json(&g.json).unwrap_or_else(|e| panic!("{e}"))
}

/// A later version: records dropped, reordered, edited and added.
fn edited(d: &Dossier, ops: &[u8]) -> Dossier {
    let mut v = serde_json::to_value(d).unwrap_or(Value::Null);
    for (i, op) in ops.iter().enumerate() {
        let lists = ["actors", "people", "agreements", "troop_presences", "supports", "statements", "sources"];
        let list = lists[usize::from(*op) % lists.len()];
        let Some(items) = v[list].as_array_mut() else { continue };
        if items.is_empty() {
            continue;
        }
        let at = (usize::from(*op) / 7 + i) % items.len();
        match op % 5 {
            0 => {
                items.remove(at);
            }
            1 => items.swap(0, at),
            2 => items[at]["extensions"] = serde_json::json!({"test.edit": i}),
            3 => {
                let mut copy = items[at].clone();
                copy["id"] = Value::String(format!("copy-{i}"));
                items.insert(at, copy);
            }
            _ => {
                if let Some(o) = items[at].as_object_mut() {
                    o.remove("citations");
                }
            }
        }
    }
    v["title"] = Value::String("Edited/with ~ pointer characters".into());
    // The edits may break references; the diff works on any JSON, so only the shape matters.
    serde_json::from_value(v).unwrap_or_else(|_| d.clone())
}

fn apply(old: &Value, patch: &Value) -> Result<Value, String> {
    let patch: json_patch::Patch = serde_json::from_value(patch.clone()).map_err(|e| e.to_string())?;
    let mut doc = old.clone();
    json_patch::patch(&mut doc, &patch).map_err(|e| e.to_string())?;
    Ok(doc)
}

fn resolves(doc: &Value, pointer: &str) -> bool {
    doc.pointer(pointer).is_some()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn the_patch_turns_the_old_json_into_the_new(
        (seed, n, blocks) in (0u64..300, 0u64..30, 1u32..=2),
        ops in prop::collection::vec(any::<u8>(), 0..12),
        other in (0u64..300, 0u64..30),
    ) {
        let old = generated(seed, n, blocks);
        for new in [edited(&old, &ops), generated(other.0, other.1, blocks)] {
            let d = diff(&old, &new);
            let (o, w) = (serde_json::to_value(&old).unwrap_or(Value::Null), serde_json::to_value(&new).unwrap_or(Value::Null));
            prop_assert_eq!(apply(&o, &d.patch_json()), Ok(w.clone()));
            prop_assert_eq!(d.is_empty(), o == w);
            for c in &d.changes {
                let doc = if c.change == ChangeKind::Removed { &o } else { &w };
                prop_assert!(resolves(doc, &c.path), "{} does not resolve", c.path);
            }
            for r in &d.records {
                let doc = if r.change == ChangeKind::Removed { &o } else { &w };
                prop_assert_eq!(doc.pointer(&format!("{}/id", r.path)).and_then(Value::as_str), Some(r.id.as_str()));
            }
        }
    }
}

#[test]
fn the_seed_against_its_main_report() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let old = Dossier::from_reader(std::fs::File::open(dir.join("merge/iran-syria-2020-report.json"))?)?;
    let new = Dossier::from_reader(std::fs::File::open(dir.join("iran-syria-2020.json"))?)?;
    let d = diff(&old, &new);
    let added: Vec<(&str, ChangeKind)> = d.records.iter().map(|r| (r.id.as_str(), r.change)).collect();
    assert_eq!(
        added,
        [("assad", ChangeKind::Added), ("iran-syria-2020", ChangeKind::Changed), ("ap-2020-07-10", ChangeKind::Added)]
    );
    assert!(d.changes.iter().any(|c| c.path == "/agreements/0/signatures/2" && c.change == ChangeKind::Added));
    let o = serde_json::to_value(&old)?;
    assert_eq!(apply(&o, &d.patch_json())?, serde_json::to_value(&new)?);
    Ok(())
}
