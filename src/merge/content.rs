//! The content two records are compared by (step 3 of a merge's joins): the record without
//! its id, each reference to a record of its own kind (an actor's parent, sponsors and
//! succession; an agreement it relates to) replaced by a token of what that record is.
//!
//! A raw id would make the comparison depend on how the inputs were grouped: the same armed
//! forces under one state matched when both reports called the state `germany`, and not when
//! an earlier merge had named it `germany-1`. The token of a record already joined with others
//! (by the resolver or a shared identifier) names its group; the token of any other record is
//! a hash of its own content, taken the same way. Each record is visited once, after the
//! records it refers to (an explicit stack, no recursion): linear in records plus references.
//! A reference that closes a cycle (invalid input: `parent_cycle`) reads as a fixed mark.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use serde_json::{Map, Value};

use crate::dossier::Dossier;
use crate::identity::RecordKind;
use crate::pointer::Path;
use crate::walk::{IdRef, read};

/// The canonical content of every node `(input, position)` of `kind`, in node order.
/// `values` are the records as JSON (same order as `nodes`); `ids` their ids; `group` the
/// label of a node's group when steps before this one joined it with other records.
pub(super) fn canons(
    inputs: &[Dossier],
    kind: RecordKind,
    nodes: &[(usize, usize)],
    ids: &[String],
    values: &[Map<String, Value>],
    group: &[Option<String>],
) -> Vec<String> {
    let n = nodes.len();
    let node_of: HashMap<(usize, &str), usize> =
        nodes.iter().zip(ids).enumerate().map(|(x, (&(i, _), id))| ((i, id.as_str()), x)).collect();
    // Per node, its references to records of its own kind: (pointer in the record, node).
    let refs: Vec<Vec<(String, usize)>> = nodes
        .iter()
        .map(|&(i, pos)| {
            let mut out = Vec::new();
            if let Some(d) = inputs.get(i) {
                same_kind_refs(d, kind, pos, &mut |pointer, id| {
                    if let Some(&target) = node_of.get(&(i, id)) {
                        out.push((pointer, target));
                    }
                });
            }
            out
        })
        .collect();
    const NEW: u8 = 0;
    const OPEN: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; n];
    let mut tokens: Vec<String> = vec![String::new(); n];
    let mut canons: Vec<String> = vec![String::new(); n];
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for start in 0..n {
        if state[start] != NEW {
            continue;
        }
        state[start] = OPEN;
        stack.push((start, 0));
        while let Some(top) = stack.last_mut() {
            let (x, next) = *top;
            if let Some(&(_, target)) = refs[x].get(next) {
                top.1 += 1;
                if state[target] == NEW {
                    state[target] = OPEN;
                    stack.push((target, 0));
                }
                continue;
            }
            stack.pop();
            let mut record = values.get(x).cloned().unwrap_or_default();
            record.remove("id");
            let mut record = Value::Object(record);
            for (pointer, target) in &refs[x] {
                let token = match (&group[*target], state[*target]) {
                    (Some(label), _) => group_token(label),
                    (None, DONE) => tokens[*target].clone(),
                    _ => "\u{1}cycle".to_owned(),
                };
                if let Some(slot) = record.pointer_mut(pointer) {
                    *slot = Value::String(token);
                }
            }
            let canon = record.to_string();
            tokens[x] = match &group[x] {
                Some(label) => group_token(label),
                None => content_token(&canon),
            };
            canons[x] = canon;
            state[x] = DONE;
        }
    }
    canons
}

/// Calls `f` with the pointer (within the record) and id of every reference of the record at
/// `pos` of `kind` to a record of the same kind.
fn same_kind_refs(d: &Dossier, kind: RecordKind, pos: usize, f: &mut impl FnMut(String, &str)) {
    let mut each = |path: &Path<'_>, id: IdRef<'_>| {
        if id.kind() == kind {
            f(path.render(), id.as_str());
        }
    };
    let at = Path::ROOT;
    match kind {
        RecordKind::Actor => d.actors.get(pos).into_iter().for_each(|r| read::actor(r, &at, &mut each)),
        RecordKind::Person => d.people.get(pos).into_iter().for_each(|r| read::person(r, &at, &mut each)),
        RecordKind::Agreement => d.agreements.get(pos).into_iter().for_each(|r| read::agreement(r, &at, &mut each)),
        RecordKind::TroopPresence => {
            d.troop_presences.get(pos).into_iter().for_each(|r| read::troop_presence(r, &at, &mut each))
        }
        RecordKind::Support => d.supports.get(pos).into_iter().for_each(|r| read::support(r, &at, &mut each)),
        RecordKind::Statement => d.statements.get(pos).into_iter().for_each(|r| read::statement(r, &at, &mut each)),
        RecordKind::Source => d.sources.get(pos).into_iter().for_each(|r| read::source(r, &at, &mut each)),
        _ => {}
    }
}

/// The token of a group joined before content is compared.
fn group_token(label: &str) -> String {
    format!("\u{1}group:{label}")
}

/// The token of a record by its content: 128 bits of two keyed hashes of its canonical form.
fn content_token(canon: &str) -> String {
    let half = |seed: u8| {
        let mut h = DefaultHasher::new();
        seed.hash(&mut h);
        canon.hash(&mut h);
        h.finish()
    };
    format!("\u{1}content:{:016x}{:016x}", half(0), half(1))
}
