//! Field-by-field union of two versions of one record, on their JSON form: the same rules for
//! every record kind, and a field added to the model is merged without a line here.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::{COMPETING_KEY, Conflict, DisputeAdded, Disputes, MergeReport, NameAdded};
use crate::identity::{RecordKey, RecordKind};
use crate::nested::{NestedKind, Step};

/// Where the record's other names go, for the kinds that have them.
fn name_fields(kind: RecordKind) -> Option<(&'static str, &'static str)> {
    match kind {
        RecordKind::Actor | RecordKind::Person => Some(("name", "other_names")),
        RecordKind::Agreement => Some(("title", "other_titles")),
        _ => None,
    }
}

/// Writes the record's citations into each nested fact that leaned on them, so that they stay
/// with those facts when the record's own citations grow. Which facts lean is the one list of
/// nested facts (`crate::nested`).
fn push_down(kind: RecordKind, record: &mut Map<String, Value>) {
    let Some(Value::Array(citations)) = record.get("citations").cloned() else { return };
    if citations.is_empty() {
        return;
    }
    for nested in NestedKind::ALL {
        if nested.holder() == kind && nested.leans_on_record() {
            lean(record, nested.steps(), &citations);
        }
    }
}

/// Gives every fact at `steps` below `value` these citations, unless it has its own.
fn lean(value: &mut Map<String, Value>, steps: &[Step], citations: &[Value]) {
    let Some((step, rest)) = steps.split_first() else {
        if value.get("citations").and_then(Value::as_array).is_none_or(Vec::is_empty) {
            value.insert("citations".into(), Value::Array(citations.to_vec()));
        }
        return;
    };
    match (step, value) {
        (Step::Field(key), value) => {
            if let Some(Value::Object(inner)) = value.get_mut(*key) {
                lean(inner, rest, citations);
            }
        }
        (Step::List(key), value) => {
            if let Some(Value::Array(entries)) = value.get_mut(*key) {
                for entry in entries {
                    if let Value::Object(inner) = entry {
                        lean(inner, rest, citations);
                    }
                }
            }
        }
    }
}

fn citations(record: &Map<String, Value>) -> Vec<Value> {
    record.get("citations").and_then(Value::as_array).cloned().unwrap_or_default()
}

fn sources_of(record: &Map<String, Value>) -> Vec<String> {
    let mut out: Vec<String> = record
        .get("citations")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|c| c.get("source").and_then(Value::as_str).map(str::to_owned))
        .collect();
    out.dedup();
    out
}

/// Merges `incoming` into `record` (both of `kind`, `incoming` already carrying the merged id).
pub(super) fn merge_record(
    kind: RecordKind,
    record: &mut Map<String, Value>,
    mut incoming: Map<String, Value>,
    from: &RecordKey,
    disputes: &mut Disputes,
    report: &mut MergeReport,
) {
    // A side's nested facts must stop leaning on its citations once the other side adds some.
    let (mine, theirs) = (citations(record), citations(&incoming));
    if theirs.iter().any(|c| !mine.contains(c)) {
        push_down(kind, record);
    }
    if mine.iter().any(|c| !theirs.contains(c)) {
        push_down(kind, &mut incoming);
    }
    let id = record.get("id").and_then(Value::as_str).unwrap_or("").to_owned();
    let sources = sources_of(&incoming);
    let names = name_fields(kind);
    let mut competing = Vec::new();
    for (key, value) in incoming {
        if key == "id" {
            continue;
        }
        if names.is_some_and(|(name, _)| name == key) {
            add_name(kind, record, &id, value, report);
            continue;
        }
        if key == "extensions" {
            merge_extensions(record, value, &mut competing, &sources);
            continue;
        }
        match record.get_mut(&key) {
            None => {
                record.insert(key, value);
            }
            Some(old) if *old == value => {}
            Some(Value::Array(old)) => {
                if let Value::Array(new) = value {
                    if kind == RecordKind::Agreement && key == "signatures" {
                        union_signatures(old, new, &id, disputes, report);
                    } else {
                        union(old, new);
                    }
                }
            }
            Some(old) => {
                competing.push((format!("/{key}"), old.clone(), value));
            }
        }
    }
    if competing.is_empty() {
        return;
    }
    let mut entries = Vec::new();
    for (path, kept, other) in competing {
        report.conflicts.push(Conflict {
            kind,
            id: id.clone(),
            path: path.clone(),
            kept,
            other: other.clone(),
            sources: sources.clone(),
            from: from.clone(),
        });
        let mut e = Map::new();
        e.insert("path".into(), Value::String(path));
        e.insert("value".into(), other);
        e.insert("sources".into(), Value::Array(sources.iter().cloned().map(Value::String).collect()));
        entries.push(Value::Object(e));
    }
    let ext = record.entry("extensions").or_insert_with(|| Value::Object(Map::new()));
    if let Value::Object(ext) = ext {
        match ext.get_mut(COMPETING_KEY) {
            Some(Value::Array(list)) => union(list, entries),
            _ => {
                ext.insert(COMPETING_KEY.into(), Value::Array(entries));
            }
        }
    }
}

fn str_field<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    v.get(key).and_then(Value::as_str)
}

/// Each party's signers in a list of signatures, parties in order of first appearance.
fn signers(list: &[Value]) -> Vec<(&str, HashSet<&str>)> {
    let mut at: HashMap<&str, usize> = HashMap::new();
    let mut out: Vec<(&str, HashSet<&str>)> = Vec::new();
    for s in list {
        let (Some(party), Some(signer)) = (str_field(s, "party"), str_field(s, "signer")) else { continue };
        let i = *at.entry(party).or_insert_with(|| {
            out.push((party, HashSet::new()));
            out.len() - 1
        });
        if let Some((_, set)) = out.get_mut(i) {
            set.insert(signer);
        }
    }
    out
}

/// Unions two versions' signatures of agreement `agreement`. When both name signers for a
/// party and have none in common, they disagree on who signed: every signature of that party
/// is marked with one dispute (the one some of them already carry, else a new one). When they
/// share a signer, the others are taken as co-signers.
fn union_signatures(
    old: &mut Vec<Value>,
    new: Vec<Value>,
    agreement: &str,
    disputes: &mut Disputes,
    report: &mut MergeReport,
) {
    let disagree: Vec<String> = {
        let mine: HashMap<&str, HashSet<&str>> = signers(old).into_iter().collect();
        signers(&new)
            .into_iter()
            .filter(|(party, theirs)| mine.get(party).is_some_and(|m| m.is_disjoint(theirs)))
            .map(|(party, _)| party.to_owned())
            .collect()
    };
    union(old, new);
    if disagree.is_empty() {
        return;
    }
    // One pass: the signatures of each disputed party.
    let mut of: HashMap<String, Vec<usize>> = disagree.iter().map(|p| (p.clone(), Vec::new())).collect();
    for (i, s) in old.iter().enumerate() {
        if let Some(list) = str_field(s, "party").and_then(|p| of.get_mut(p)) {
            list.push(i);
        }
    }
    for party in disagree {
        let Some(at) = of.remove(&party) else { continue };
        let existing = at.iter().find_map(|&i| old.get(i).and_then(|s| str_field(s, "dispute")).map(str::to_owned));
        let id = match &existing {
            Some(id) => id.clone(),
            None => disputes.create(
                &format!("{}.signer.{}", cut(agreement, 60), cut(&party, 60)),
                format!("Who signed agreement {agreement} for {party}?"),
            ),
        };
        let mut sources: Vec<String> = Vec::new();
        for &i in &at {
            let Some(Value::Object(s)) = old.get_mut(i) else { continue };
            s.entry("dispute").or_insert_with(|| Value::String(id.clone()));
            for c in s.get("citations").and_then(Value::as_array).into_iter().flatten() {
                if let Some(src) = str_field(c, "source") {
                    // A dispute has a handful of alternatives and sources: a scan is enough.
                    if !sources.iter().any(|s| s == src) {
                        sources.push(src.to_owned());
                    }
                }
            }
        }
        if existing.is_none() {
            report.disputes.push(DisputeAdded {
                id: id.clone(),
                question: format!("Who signed agreement {agreement} for {party}?"),
                kind: RecordKind::Agreement,
                record: agreement.to_owned(),
                path: "/signatures".into(),
                sources,
            });
        }
    }
}

fn cut(s: &str, n: usize) -> &str {
    // Ids are ASCII: any byte index is a char boundary.
    s.get(..n.min(s.len())).unwrap_or(s)
}

/// A different name becomes another name of the record (an alias), once.
fn add_name(kind: RecordKind, record: &mut Map<String, Value>, id: &str, value: Value, report: &mut MergeReport) {
    let Some((name_key, others_key)) = name_fields(kind) else { return };
    let Value::String(name) = value else { return };
    if record.get(name_key).and_then(Value::as_str) == Some(name.as_str()) {
        return;
    }
    let others = record.entry(others_key).or_insert_with(|| Value::Array(Vec::new()));
    let Value::Array(others) = others else { return };
    if others.iter().any(|o| o.get("name").and_then(Value::as_str) == Some(name.as_str())) {
        return;
    }
    let mut entry = Map::new();
    entry.insert("name".into(), Value::String(name.clone()));
    entry.insert("kind".into(), Value::String("alias".into()));
    others.push(Value::Object(entry));
    report.names.push(NameAdded { kind, id: id.to_owned(), name });
}

fn merge_extensions(
    record: &mut Map<String, Value>,
    value: Value,
    competing: &mut Vec<(String, Value, Value)>,
    _sources: &[String],
) {
    let Value::Object(incoming) = value else { return };
    let ext = record.entry("extensions").or_insert_with(|| Value::Object(Map::new()));
    let Value::Object(ext) = ext else { return };
    for (k, v) in incoming {
        match ext.get_mut(&k) {
            None => {
                ext.insert(k, v);
            }
            Some(old) if *old == v => {}
            Some(Value::Array(old)) if k == COMPETING_KEY => {
                if let Value::Array(new) = v {
                    union(old, new);
                }
            }
            Some(old) => competing.push((format!("/extensions/{}", crate::pointer::escape_token(&k)), old.clone(), v)),
        }
    }
}

/// The part of a list entry that says which fact it is: everything but its citations.
pub(super) fn fact_key(v: &Value) -> String {
    match v {
        Value::Object(m) if m.contains_key("citations") => {
            let mut m = m.clone();
            m.remove("citations");
            Value::Object(m).to_string()
        }
        other => other.to_string(),
    }
}

/// Adds the entries of `new` that `old` lacks; an entry `old` has (up to citations) gets the
/// new entry's citations too. Linear: entries are found by their fact key.
pub(super) fn union(old: &mut Vec<Value>, new: Vec<Value>) {
    let mut at: HashMap<String, usize> = old.iter().enumerate().map(|(i, v)| (fact_key(v), i)).collect();
    for v in new {
        let key = fact_key(&v);
        match at.get(&key) {
            Some(&i) => {
                if let (Some(Value::Object(o)), Value::Object(n)) = (old.get_mut(i), v) {
                    if let Some(Value::Array(nc)) = n.get("citations") {
                        match o.get_mut("citations") {
                            Some(Value::Array(oc)) => {
                                for c in nc {
                                    if !oc.contains(c) {
                                        oc.push(c.clone());
                                    }
                                }
                            }
                            _ => {
                                o.insert("citations".into(), Value::Array(nc.clone()));
                            }
                        }
                    }
                }
            }
            None => {
                at.insert(key, old.len());
                old.push(v);
            }
        }
    }
}

/// A value without its `id`.
pub(super) fn without_id(v: &Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut m = m.clone();
            m.remove("id");
            Value::Object(m)
        }
        other => other.clone(),
    }
}
