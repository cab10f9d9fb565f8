//! Field-by-field union of two versions of one record, on their JSON form: the same rules for
//! every record kind, and a field added to the model is merged without a line here.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::{COMPETING_KEY, Conflict, MergeReport, NameAdded};
use crate::identity::{RecordKey, RecordKind};

/// The nested lists whose entries, without citations of their own, rest on their record's.
fn inheriting_lists(kind: RecordKind) -> &'static [&'static str] {
    match kind {
        RecordKind::Agreement => {
            &["parties", "actions", "signatures", "obligations", "cooperation", "clauses", "related"]
        }
        RecordKind::Person => &["posts"],
        _ => &[],
    }
}

/// Where the record's other names go, for the kinds that have them.
fn name_fields(kind: RecordKind) -> Option<(&'static str, &'static str)> {
    match kind {
        RecordKind::Actor | RecordKind::Person => Some(("name", "other_names")),
        RecordKind::Agreement => Some(("title", "other_titles")),
        _ => None,
    }
}

/// Writes the record's citations into each nested fact that leaned on them, so that they stay
/// with those facts when the record's own citations grow.
fn push_down(kind: RecordKind, record: &mut Map<String, Value>) {
    let Some(Value::Array(citations)) = record.get("citations").cloned() else { return };
    if citations.is_empty() {
        return;
    }
    let lean = |entry: &mut Value| {
        if let Value::Object(e) = entry {
            if e.get("citations").and_then(Value::as_array).is_none_or(Vec::is_empty) {
                e.insert("citations".into(), Value::Array(citations.clone()));
            }
        }
    };
    for list in inheriting_lists(kind) {
        if let Some(Value::Array(entries)) = record.get_mut(*list) {
            entries.iter_mut().for_each(lean);
        }
    }
    if kind == RecordKind::Agreement {
        if let Some(w) = record.get_mut("duration").and_then(|d| d.get_mut("withdrawal")) {
            lean(w);
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
                    union(old, new);
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
            Some(old) => competing.push((format!("/extensions/{}", crate::diff::escape_token(&k)), old.clone(), v)),
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
