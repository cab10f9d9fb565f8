//! The laws of merging, as property tests over generated dossiers:
//!
//! - merging a dossier with itself gives it back;
//! - every permutation of 3 to 5 inputs gives the same dossier and the same report, exactly;
//! - merging is associative up to ids, for inputs that do not hold two records of one
//!   external identity (see `unambiguous`);
//! - no fact, citation or source of any input is lost;
//! - if both inputs validate, the result validates, or the report names a conflict.
//!
//! "Up to ids and order" is checked on a normal form: ids a merge renamed or joined are
//! replaced by one name per group (for associativity, by their record's content), every list
//! is sorted, and a field disputed between values is taken as the set of them.

use crate::permutations::permutations;
use std::collections::{BTreeMap, BTreeSet};

use defense_agreements::Dossier;
use defense_agreements::identity::Resolver;
use defense_agreements::merge::{MergeReport, Merged, Merger, merge};
use proptest::prelude::*;
use serde_json::Value;

use crate::corpus;

fn generated(seed: u64, n: u64, blocks: u32) -> Dossier {
    let g = corpus::generate(seed, n, blocks, 0).unwrap_or_else(|e| panic!("{e}"));
    Dossier::from_json(&g.json).unwrap_or_else(|e| panic!("{e}"))
}

/// A second report of the same events: another id, some records left out, one estimate and one
/// title told differently, one more name.
fn retold(d: &Dossier, drop: usize, tweak: u64) -> Dossier {
    let mut v = serde_json::to_value(d).unwrap_or(Value::Null);
    v["id"] = Value::String(format!("{}-retold", d.id));
    if let Some(list) = v["statements"].as_array_mut() {
        let keep = list.len().saturating_sub(drop % 3);
        list.truncate(keep);
    }
    if tweak % 2 == 1 {
        if let Some(t) = v["troop_presences"].get_mut(0) {
            t["strength"] = serde_json::json!({"best": 1000 + tweak, "qualifier": "approximately"});
        }
    }
    if tweak % 3 == 0 {
        if let Some(a) = v["agreements"].get_mut(0) {
            a["title"] = Value::String(format!("Agreement as retold {tweak}"));
        }
    }
    Dossier::from_json(&v.to_string()).unwrap_or_else(|e| panic!("{e}: {v}"))
}

fn dossier() -> impl Strategy<Value = Dossier> {
    (0u64..500, 0u64..40, 1u32..=2).prop_map(|(seed, n, blocks)| generated(seed, n, blocks))
}

fn pair() -> impl Strategy<Value = (Dossier, Dossier)> {
    prop_oneof![
        (dossier(), dossier()).prop_filter("two dossiers", |(a, b)| a.id != b.id),
        (dossier(), 0usize..5, 0u64..12).prop_map(|(a, drop, tweak)| {
            let b = retold(&a, drop, tweak);
            (a, b)
        }),
    ]
}

/// Whether no two records of one kind in `d` share an external identity. Merging pairs each
/// record with at most one record of each other input, so when an input holds two records of
/// one identity, which of them pairs with the other input's depends on the order and grouping
/// of the inputs: the order and associativity laws are stated for unambiguous inputs.
fn unambiguous(d: &Dossier) -> bool {
    use defense_agreements::identity::{actor_keys, agreement_keys, person_keys, source_keys};
    let mut seen = BTreeSet::new();
    let keys = d.actors.iter().flat_map(|r| actor_keys(r).into_iter().map(|k| (0, k)));
    let keys = keys.chain(d.people.iter().flat_map(|r| person_keys(r).into_iter().map(|k| (1, k))));
    let keys = keys.chain(d.agreements.iter().flat_map(|r| agreement_keys(r).into_iter().map(|k| (2, k))));
    let mut keys = keys.chain(d.sources.iter().flat_map(|r| source_keys(r).into_iter().map(|k| (3, k))));
    keys.all(|k| seen.insert((k.0, k.1.to_string())))
}

/// 3 to 5 inputs: generated dossiers and retellings of them (which share records, so that
/// identifiers, content and disputes join across inputs), some with one dossier id for all.
fn several() -> impl Strategy<Value = Vec<Dossier>> {
    (dossier(), dossier(), 3usize..=5, 0u64..12, any::<bool>()).prop_map(|(a, b, n, tweak, same_id)| {
        let mut out =
            vec![a.clone(), retold(&a, 1, tweak), b.clone(), retold(&b, 2, tweak + 1), retold(&a, 0, tweak + 3)];
        out.truncate(n);
        if same_id {
            for d in &mut out {
                d.id = "report".parse().unwrap_or_else(|e| panic!("{e}"));
            }
        }
        out
    })
}

/// How many orders the permutation law checked, over all its cases.
static PERMUTATIONS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn run_all(inputs: &[Dossier]) -> Merged {
    let mut m = Merger::new(&Resolver::new());
    for d in inputs {
        m.add(d);
    }
    m.finish().unwrap_or_else(|e| panic!("merge failed: {e}"))
}

fn run(a: &Dossier, b: &Dossier) -> Merged {
    merge(a, b, &Resolver::new()).unwrap_or_else(|e| panic!("merge failed: {e}"))
}

/// Ids the report renamed or joined, grouped, each group named by its least member.
fn id_groups(reports: &[&MergeReport]) -> BTreeMap<String, String> {
    let mut parent: BTreeMap<String, String> = BTreeMap::new();
    fn find(parent: &mut BTreeMap<String, String>, x: &str) -> String {
        let mut x = x.to_owned();
        while let Some(p) = parent.get(&x).cloned() {
            if p == x {
                break;
            }
            x = p;
        }
        x
    }
    let mut join = |a: &str, b: &str| {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        let (lo, hi) = if ra <= rb { (ra, rb) } else { (rb, ra) };
        parent.insert(hi, lo.clone());
        parent.entry(lo.clone()).or_insert(lo);
    };
    for r in reports {
        for m in &r.merged {
            join(m.from.id.as_str(), &m.into);
        }
        for m in &r.renamed {
            join(m.from.id.as_str(), &m.to);
        }
    }
    let keys: Vec<String> = parent.keys().cloned().collect();
    keys.into_iter().map(|k| (k.clone(), find(&mut parent, &k))).collect()
}

/// Each record id of `d` named after the record's content: its list and its own text fields
/// that are not ids (name, kind, country, title …), so two documents that differ only in the
/// ids they gave the same records read alike.
fn content_ids(d: &Dossier) -> BTreeMap<String, String> {
    let v = serde_json::to_value(d).unwrap_or(Value::Null);
    let lists: Vec<(&String, &Vec<Value>)> =
        v.as_object().into_iter().flatten().filter_map(|(k, l)| l.as_array().map(|l| (k, l))).collect();
    let ids: BTreeSet<&str> =
        lists.iter().flat_map(|(_, l)| l.iter().filter_map(|r| r.get("id").and_then(Value::as_str))).collect();
    let mut names = BTreeMap::new();
    for (list, records) in &lists {
        for r in records.iter() {
            let (Some(id), Some(fields)) = (r.get("id").and_then(Value::as_str), r.as_object()) else { continue };
            let own: Vec<String> = fields
                .iter()
                .filter(|(k, v)| k.as_str() != "id" && !v.is_array() && !v.is_object())
                .filter(|(_, v)| v.as_str().is_none_or(|s| !ids.contains(s)))
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            names.insert(id.to_owned(), format!("{list}[{}]", own.join(",")));
        }
    }
    names
}

fn rename_strings(v: &mut Value, names: &BTreeMap<String, String>) {
    match v {
        Value::String(s) => {
            if let Some(n) = names.get(s.as_str()) {
                *s = n.clone();
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| rename_strings(i, names)),
        Value::Object(m) => m.values_mut().for_each(|i| rename_strings(i, names)),
        _ => {}
    }
}

/// Sorts every array, recursively: the normal form ignores order.
fn sort_arrays(v: &mut Value) {
    match v {
        Value::Array(items) => {
            items.iter_mut().for_each(sort_arrays);
            items.sort_by_key(|i| i.to_string());
        }
        Value::Object(m) => m.values_mut().for_each(sort_arrays),
        _ => {}
    }
}

/// A field disputed between values becomes the set of them, and the dispute goes.
fn fold_field_disputes(doc: &mut Value) {
    let Some(Value::Array(disputes)) = doc.get("disputes").cloned() else { return };
    let mut kept = Vec::new();
    for d in disputes {
        let (Some(kind), Some(id), Some(field)) =
            (d["record"]["type"].as_str(), d["record"]["id"].as_str(), d["field"].as_str())
        else {
            kept.push(d);
            continue;
        };
        let list = match kind {
            "troop_presence" => "troop_presences",
            "person" => "people",
            other => &format!("{other}s"),
        };
        let mut values: BTreeMap<String, Value> = BTreeMap::new();
        for a in d["alternatives"].as_array().into_iter().flatten() {
            values.insert(a["value"].to_string(), a["value"].clone());
        }
        for r in doc[list].as_array_mut().into_iter().flatten() {
            if r["id"] == id {
                if let Some(slot) = r.pointer_mut(field) {
                    *slot = Value::Array(values.values().cloned().collect());
                }
            }
        }
    }
    if kept.is_empty() {
        if let Value::Object(m) = doc {
            m.remove("disputes");
        }
    } else {
        doc["disputes"] = Value::Array(kept);
    }
}

fn normal_form(d: &Dossier, names: &BTreeMap<String, String>) -> Value {
    let mut v = serde_json::to_value(d).unwrap_or(Value::Null);
    rename_strings(&mut v, names);
    fold_field_disputes(&mut v);
    if let Value::Object(m) = &mut v {
        m.remove("id");
        m.remove("title");
    }
    sort_arrays(&mut v);
    v
}

/// Every scalar of the document (under its normal names), with how often it occurs at least.
fn scalars(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| scalars(i, out)),
        Value::Object(m) => m.values().for_each(|i| scalars(i, out)),
        other => {
            out.insert(other.to_string());
        }
    }
}

fn lossless(input: &Dossier, merged: &Merged) -> Result<(), TestCaseError> {
    let names = id_groups(&[&merged.report]);
    let (mut i, mut o) = (
        serde_json::to_value(input).unwrap_or(Value::Null),
        serde_json::to_value(&merged.dossier).unwrap_or(Value::Null),
    );
    for v in [&mut i, &mut o] {
        if let Value::Object(m) = v {
            m.remove("id");
            m.remove("title");
        }
        rename_strings(v, &names);
    }
    let (mut si, mut so) = (BTreeSet::new(), BTreeSet::new());
    scalars(&i, &mut si);
    scalars(&o, &mut so);
    let lost: Vec<&String> = si.difference(&so).collect();
    prop_assert!(lost.is_empty(), "lost values: {lost:?}\n{}", merged.report);
    // Every source, and every citation with its words, is still there.
    let cites = |v: &Value| -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        collect_citations(v, &mut out);
        out
    };
    let (ci, co) = (cites(&i), cites(&o));
    prop_assert!(ci.is_subset(&co), "lost citations: {:?}", ci.difference(&co).collect::<Vec<_>>());
    prop_assert!(input.sources.len() <= merged.dossier.sources.len());
    Ok(())
}

fn collect_citations(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::Array(cs)) = m.get("citations") {
                out.extend(cs.iter().map(Value::to_string));
            }
            m.values().for_each(|x| collect_citations(x, out));
        }
        Value::Array(items) => items.iter().for_each(|x| collect_citations(x, out)),
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn merging_a_dossier_with_itself_gives_it_back(a in dossier()) {
        let m = run(&a, &a);
        prop_assert_eq!(&m.dossier, &a);
        prop_assert!(m.report.renamed.is_empty() && m.report.conflicts.is_empty(), "{}", m.report);
    }

    // The two groupings may give a renamed record different fresh ids (`egypt-1` in one is
    // `egypt-armed-forces-1` in the other), and the same fresh id may name different records
    // in the four reports, so each result is brought to ids of its own records' content.
    #[test]
    fn merging_is_associative_up_to_ids((a, b) in pair(), c in dossier()) {
        prop_assume!(unambiguous(&a) && unambiguous(&b) && unambiguous(&c));
        let ab = run(&a, &b);
        let ab_c = run(&ab.dossier, &c);
        let bc = run(&b, &c);
        let a_bc = run(&a, &bc.dossier);
        let (x, y) = (
            normal_form(&ab_c.dossier, &content_ids(&ab_c.dossier)),
            normal_form(&a_bc.dossier, &content_ids(&a_bc.dossier)),
        );
        let d = defense_agreements::diff::diff_json(&x, &y);
        prop_assert!(
            d.is_empty(),
            "{}\n(a b) c:\n{}{}\na (b c):\n{}{}",
            serde_json::to_string_pretty(&d.changes).unwrap_or_default(),
            ab.report,
            ab_c.report,
            bc.report,
            a_bc.report
        );
    }

    #[test]
    fn nothing_of_either_input_is_lost((a, b) in pair()) {
        let m = run(&a, &b);
        lossless(&a, &m)?;
        lossless(&b, &m)?;
    }

    #[test]
    fn valid_inputs_give_a_valid_result_or_a_named_conflict((a, b) in pair()) {
        prop_assume!(a.validate().is_valid() && b.validate().is_valid());
        let m = run(&a, &b);
        let report = m.dossier.validate();
        prop_assert!(report.is_valid() || !m.report.named.is_empty(), "{report}\n{}", m.report);
    }
}

proptest! {
    // Each case merges every order of its 3 to 5 inputs (up to 120 merges).
    #![proptest_config(ProptestConfig { cases: 12, .. ProptestConfig::default() })]

    #[test]
    fn every_order_of_the_inputs_gives_the_same_merge(inputs in several()) {
        let first = run_all(&inputs);
        let mut orders = 0;
        for order in permutations(inputs.len()) {
            let again = run_all(&order.iter().map(|&i| inputs[i].clone()).collect::<Vec<_>>());
            prop_assert_eq!(&again.dossier, &first.dossier, "order {:?}", order);
            prop_assert_eq!(&again.report, &first.report, "order {:?}", order);
            orders += 1;
        }
        let total = PERMUTATIONS.fetch_add(orders, std::sync::atomic::Ordering::Relaxed) + orders;
        eprintln!("permutation law: {} inputs, {orders} orders (total so far {total})", inputs.len());
    }
}
