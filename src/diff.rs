//! What changed between two versions of a dossier: records added, removed and changed, every
//! changed field with its JSON Pointer, and the same as an RFC 6902 JSON Patch that turns the
//! old JSON into the new.
//!
//! Lists of records (objects with unique `"id"`s) are matched by id, so a record removed from the
//! middle of a list is one `remove`, not a cascade of replacements; other lists by position.
//! Linear in the size of the two documents.
//!
//! ```
//! # use defense_agreements::{Dossier, diff::diff};
//! let old = Dossier::from_json(r#"{"schema_version": "1.0", "id": "d", "title": "Old"}"#)?;
//! let new = Dossier::from_json(r#"{"schema_version": "1.0", "id": "d", "title": "New"}"#)?;
//! let d = diff(&old, &new);
//! assert_eq!(d.changes[0].path, "/title");
//! assert_eq!(d.patch_json(), serde_json::json!([{"op": "replace", "path": "/title", "value": "New"}]));
//! # Ok::<(), defense_agreements::Error>(())
//! ```

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde_json::{Map, Value};

use crate::dossier::Dossier;
use crate::identity::RecordKind;

/// Whether something was added, removed or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChangeKind {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In both, with different content.
    Changed,
}

crate::wire::wire_enum!(ChangeKind, "change kind" {
    Added = "added",
    Removed = "removed",
    Changed = "changed",
});

/// One changed value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Change {
    /// What happened to it.
    pub change: ChangeKind,
    /// Where: a JSON Pointer into the old document for a removal, into the new one otherwise.
    pub path: String,
    /// The old value (not for an addition).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Value>,
    /// The new value (not for a removal).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Value>,
}

/// One record added, removed or changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RecordChange {
    /// The kind of record.
    pub kind: RecordKind,
    /// Its id.
    pub id: String,
    /// What happened to it.
    pub change: ChangeKind,
    /// Where it is: in the old document for a removal, in the new one otherwise.
    pub path: String,
}

/// One operation of an RFC 6902 JSON Patch.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
#[non_exhaustive]
pub enum PatchOp {
    /// Insert `value` at `path`.
    Add {
        /// Where.
        path: String,
        /// What.
        value: Value,
    },
    /// Remove what is at `path`.
    Remove {
        /// Where.
        path: String,
    },
    /// Replace what is at `path` with `value`.
    Replace {
        /// Where.
        path: String,
        /// The new value.
        value: Value,
    },
}

/// The differences between two versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Diff {
    /// Records of the dossier's lists added, removed or changed, matched by id.
    pub records: Vec<RecordChange>,
    /// Every changed value, the deepest that differ.
    pub changes: Vec<Change>,
    /// The JSON Patch turning the old JSON into the new.
    pub patch: Vec<PatchOp>,
}

impl Diff {
    /// Whether the two versions are equal.
    pub fn is_empty(&self) -> bool {
        self.patch.is_empty()
    }

    /// The JSON Patch as a JSON document (an array of operations).
    pub fn patch_json(&self) -> Value {
        serde_json::to_value(&self.patch).unwrap_or(Value::Null)
    }
}

/// What changed from `old` to `new`.
pub fn diff(old: &Dossier, new: &Dossier) -> Diff {
    let (old, new) =
        (serde_json::to_value(old).unwrap_or(Value::Null), serde_json::to_value(new).unwrap_or(Value::Null));
    diff_json(&old, &new)
}

/// What changed from one JSON document to another. The record summary is filled in for the
/// top-level lists of a dossier; any JSON can be compared.
pub fn diff_json(old: &Value, new: &Value) -> Diff {
    let mut d = Diff { records: Vec::new(), changes: Vec::new(), patch: Vec::new() };
    walk(&mut d, old, new, "", "");
    if let (Value::Object(o), Value::Object(n)) = (old, new) {
        for kind in crate::identity::TOP_LEVEL {
            let list = crate::identity::list_name(kind);
            let empty = Vec::new();
            let (a, b) = (
                o.get(list).and_then(Value::as_array).unwrap_or(&empty),
                n.get(list).and_then(Value::as_array).unwrap_or(&empty),
            );
            record_changes(&mut d.records, kind, a, b);
        }
    }
    d
}

fn record_changes(out: &mut Vec<RecordChange>, kind: RecordKind, old: &[Value], new: &[Value]) {
    let id = |v: &Value| v.get("id").and_then(Value::as_str).map(str::to_owned);
    let old_ids: HashMap<String, usize> = old.iter().enumerate().filter_map(|(i, v)| Some((id(v)?, i))).collect();
    let new_ids: HashMap<String, usize> = new.iter().enumerate().filter_map(|(i, v)| Some((id(v)?, i))).collect();
    let list = crate::identity::list_name(kind);
    for (i, v) in old.iter().enumerate() {
        if let Some(rid) = id(v) {
            match new_ids.get(&rid) {
                None => {
                    out.push(RecordChange { kind, id: rid, change: ChangeKind::Removed, path: format!("/{list}/{i}") })
                }
                Some(&j) if new[j] != *v => {
                    out.push(RecordChange { kind, id: rid, change: ChangeKind::Changed, path: format!("/{list}/{j}") })
                }
                Some(_) => {}
            }
        }
    }
    for (j, v) in new.iter().enumerate() {
        if let Some(rid) = id(v) {
            if !old_ids.contains_key(&rid) {
                out.push(RecordChange { kind, id: rid, change: ChangeKind::Added, path: format!("/{list}/{j}") });
            }
        }
    }
}

/// Escapes one reference token of a JSON Pointer (RFC 6901); kept here for 0.1 callers.
pub use crate::pointer::escape_token;

/// Compares `old` (at `old_path` in the old document) with `new` (at `new_path` in the new one).
/// The patch is written against the document as already patched, where everything before this
/// point has the new document's place: so patch paths are `new_path` based.
fn walk(d: &mut Diff, old: &Value, new: &Value, old_path: &str, new_path: &str) {
    if old == new {
        return;
    }
    match (old, new) {
        (Value::Object(o), Value::Object(n)) => walk_object(d, o, n, old_path, new_path),
        (Value::Array(o), Value::Array(n)) => match (keyed(o), keyed(n)) {
            (Some(ko), Some(kn)) if same_order(&ko, &kn) => walk_keyed(d, o, n, &ko, &kn, old_path, new_path),
            _ => walk_positional(d, o, n, old_path, new_path),
        },
        _ => {
            d.changes.push(Change {
                change: ChangeKind::Changed,
                path: new_path.to_owned(),
                old: Some(old.clone()),
                new: Some(new.clone()),
            });
            d.patch.push(PatchOp::Replace { path: new_path.to_owned(), value: new.clone() });
        }
    }
}

fn walk_object(d: &mut Diff, o: &Map<String, Value>, n: &Map<String, Value>, old_path: &str, new_path: &str) {
    for (k, ov) in o {
        let t = escape_token(k);
        match n.get(k) {
            Some(nv) => walk(d, ov, nv, &format!("{old_path}/{t}"), &format!("{new_path}/{t}")),
            None => removed(d, ov, format!("{old_path}/{t}"), format!("{new_path}/{t}")),
        }
    }
    for (k, nv) in n {
        if !o.contains_key(k) {
            added(d, nv, format!("{new_path}/{}", escape_token(k)));
        }
    }
}

fn removed(d: &mut Diff, old: &Value, old_path: String, patch_path: String) {
    d.changes.push(Change { change: ChangeKind::Removed, path: old_path, old: Some(old.clone()), new: None });
    d.patch.push(PatchOp::Remove { path: patch_path });
}

fn added(d: &mut Diff, new: &Value, path: String) {
    d.changes.push(Change { change: ChangeKind::Added, path: path.clone(), old: None, new: Some(new.clone()) });
    d.patch.push(PatchOp::Add { path, value: new.clone() });
}

fn walk_positional(d: &mut Diff, o: &[Value], n: &[Value], old_path: &str, new_path: &str) {
    let common = o.len().min(n.len());
    for i in 0..common {
        walk(d, &o[i], &n[i], &format!("{old_path}/{i}"), &format!("{new_path}/{i}"));
    }
    // From the end, so each index is still where the old document had it.
    for i in (common..o.len()).rev() {
        removed(d, &o[i], format!("{old_path}/{i}"), format!("{new_path}/{i}"));
    }
    for (i, v) in n.iter().enumerate().skip(common) {
        added(d, v, format!("{new_path}/{i}"));
    }
}

/// The ids of a list of records, when every element is an object with a unique string id.
fn keyed(list: &[Value]) -> Option<Vec<&str>> {
    let mut seen = HashSet::with_capacity(list.len());
    let mut ids = Vec::with_capacity(list.len());
    for v in list {
        let id = v.get("id")?.as_str()?;
        if !seen.insert(id) {
            return None;
        }
        ids.push(id);
    }
    (!ids.is_empty()).then_some(ids)
}

/// Whether the records both lists keep are in the same order in both.
fn same_order(old: &[&str], new: &[&str]) -> bool {
    let in_new: HashSet<&str> = new.iter().copied().collect();
    let in_old: HashSet<&str> = old.iter().copied().collect();
    old.iter().filter(|id| in_new.contains(*id)).eq(new.iter().filter(|id| in_old.contains(*id)))
}

#[allow(clippy::too_many_arguments)]
fn walk_keyed(d: &mut Diff, o: &[Value], n: &[Value], ko: &[&str], kn: &[&str], old_path: &str, new_path: &str) {
    let new_ids: HashSet<&str> = kn.iter().copied().collect();
    let old_at: HashMap<&str, usize> = ko.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    // Removals first, from the end: the old indices stay right.
    for i in (0..o.len()).rev() {
        if !new_ids.contains(ko[i]) {
            removed(d, &o[i], format!("{old_path}/{i}"), format!("{new_path}/{i}"));
        }
    }
    // Then in the new order: what is kept is already in place, what is new is inserted there.
    for (j, id) in kn.iter().enumerate() {
        match old_at.get(id) {
            Some(&i) => walk(d, &o[i], &n[j], &format!("{old_path}/{i}"), &format!("{new_path}/{j}")),
            None => added(d, &n[j], format!("{new_path}/{j}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_record_removed_from_the_middle_is_one_removal() {
        let old = json!({"actors": [{"id": "a"}, {"id": "b", "name": "B"}, {"id": "c"}]});
        let new = json!({"actors": [{"id": "a"}, {"id": "c", "name": "C"}, {"id": "d"}]});
        let d = diff_json(&old, &new);
        assert_eq!(
            serde_json::to_value(&d.patch).ok(),
            Some(json!([
                {"op": "remove", "path": "/actors/1"},
                {"op": "add", "path": "/actors/1/name", "value": "C"},
                {"op": "add", "path": "/actors/2", "value": {"id": "d"}}
            ]))
        );
        let kinds: Vec<(&str, ChangeKind)> = d.records.iter().map(|r| (r.id.as_str(), r.change)).collect();
        assert_eq!(kinds, [("b", ChangeKind::Removed), ("c", ChangeKind::Changed), ("d", ChangeKind::Added)]);
    }

    #[test]
    fn pointers_escape_slash_and_tilde() {
        let d = diff_json(&json!({"a/b~c": 1}), &json!({"a/b~c": 2}));
        assert_eq!(d.changes[0].path, "/a~1b~0c");
    }
}
