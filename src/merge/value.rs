//! Joining the versions of one record that the inputs give, on their JSON form, all at once:
//! the same rules for every record kind, so a field added to the model is merged without a line
//! here. Lists are unioned; a field the versions give different values for becomes a dispute
//! over that field; reports of one signature or one act that disagree become alternatives
//! marked with one dispute.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::{COMPETING_KEY, Conflict, DisputeAdded, Disputes, MergeReport, NameAdded, NamedConflict, Uncited};
use crate::identity::{RecordKey, RecordKind};
use crate::nested::{NestedKind, Step};

/// One version of a record: its JSON (references already naming merged records) and its input.
pub(super) struct Member {
    pub(super) value: Map<String, Value>,
    pub(super) from: RecordKey,
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
/// with those facts when the record's own citations grow. Which facts lean is the one list of
/// nested facts (`crate::nested`).
fn push_down(kind: RecordKind, record: &mut Map<String, Value>) -> bool {
    let citations = citations(record).to_vec();
    let mut leaned = false;
    for nested in NestedKind::ALL {
        if nested.holder() == kind && nested.leans_on_record() {
            lean(record, nested.steps(), &citations, &mut leaned);
        }
    }
    leaned
}

/// Gives every fact at `steps` below `value` these citations, unless it has its own; sets
/// `leaned` when one had none.
fn lean(value: &mut Map<String, Value>, steps: &[Step], citations: &[Value], leaned: &mut bool) {
    let Some((step, rest)) = steps.split_first() else {
        if value.get("citations").and_then(Value::as_array).is_none_or(Vec::is_empty) {
            *leaned = true;
            if !citations.is_empty() {
                value.insert("citations".into(), Value::Array(citations.to_vec()));
            }
        }
        return;
    };
    match step {
        Step::Field(key) => {
            if let Some(Value::Object(inner)) = value.get_mut(*key) {
                lean(inner, rest, citations, leaned);
            }
        }
        Step::List(key) => {
            if let Some(Value::Array(entries)) = value.get_mut(*key) {
                for entry in entries {
                    if let Value::Object(inner) = entry {
                        lean(inner, rest, citations, leaned);
                    }
                }
            }
        }
    }
}

fn citations(record: &Map<String, Value>) -> &[Value] {
    record.get("citations").and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// The distinct sources of some citations, in order.
fn sources_of<'v>(citations: impl IntoIterator<Item = &'v Value>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    for c in citations {
        if let Some(s) = c.get("source").and_then(Value::as_str) {
            if seen.insert(s) {
                out.push(s.to_owned());
            }
        }
    }
    out
}

/// Joins the versions of one record (in canonical order) into the record `id`.
pub(super) fn merge_group(
    kind: RecordKind,
    id: &str,
    mut members: Vec<Member>,
    disputes: &mut Disputes,
    report: &mut MergeReport,
) -> Map<String, Value> {
    if members.len() == 1 {
        let mut only = members.pop().map(|m| m.value).unwrap_or_default();
        only.insert("id".into(), Value::String(id.to_owned()));
        return only;
    }
    // A version's nested facts must stop leaning on its citations once others add some.
    let all: HashSet<String> = members.iter().flat_map(|m| citations(&m.value)).map(Value::to_string).collect();
    for m in &mut members {
        let mine: HashSet<String> = citations(&m.value).iter().map(Value::to_string).collect();
        // `mine` is part of `all`: it lacks some citation exactly when it is smaller.
        if mine.len() < all.len() {
            let leaned = push_down(kind, &mut m.value);
            if leaned && mine.is_empty() {
                report.uncited.push(Uncited { from: m.from.clone(), into: id.to_owned() });
            }
        }
    }
    let mut keys: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for m in &members {
        for k in m.value.keys() {
            if seen.insert(k.clone()) {
                keys.push(k.clone());
            }
        }
    }
    let names = name_fields(kind);
    let mut out = Map::new();
    out.insert("id".into(), Value::String(id.to_owned()));
    let ctx = Ctx { kind, id, members: &members };
    let mut later_names: Vec<Value> = Vec::new();
    for key in keys {
        if key == "id" {
            continue;
        }
        let values: Vec<(usize, &Value)> =
            members.iter().enumerate().filter_map(|(i, m)| m.value.get(&key).map(|v| (i, v))).collect();
        if names.is_some_and(|(name, _)| name == key) {
            let mut values = values.into_iter().map(|(_, v)| v.clone());
            if let Some(first) = values.next() {
                out.insert(key, first);
            }
            later_names.extend(values);
            continue;
        }
        let merged = match (kind, key.as_str()) {
            (_, "extensions") => Some(ctx.extensions(&values, disputes, report)),
            (RecordKind::Agreement, "signatures") => {
                Some(Value::Array(ctx.entries(&values, &SIGNATURES, disputes, report)))
            }
            (RecordKind::Agreement, "actions") => Some(Value::Array(ctx.entries(&values, &ACTIONS, disputes, report))),
            (RecordKind::Statement, "speakers") => ctx.scalar(&key, &values, disputes, report),
            _ if values.iter().all(|(_, v)| v.is_array()) => Some(Value::Array(union_all(&values))),
            _ => ctx.scalar(&key, &values, disputes, report),
        };
        if let Some(v) = merged {
            out.insert(key, v);
        }
    }
    if let Some((name_key, others_key)) = names {
        // Names already held, so that each new one is looked up once.
        let mut held: HashSet<String> =
            out.get(name_key).and_then(Value::as_str).map(str::to_owned).into_iter().collect();
        held.extend(
            out.get(others_key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|o| o.get("name").and_then(Value::as_str).map(str::to_owned)),
        );
        for name in later_names {
            add_name(kind, &mut out, id, name, &mut held, report);
        }
    }
    out
}

struct Ctx<'m> {
    kind: RecordKind,
    id: &'m str,
    members: &'m [Member],
}

impl Ctx<'_> {
    /// A field with one value takes it; with several, the first is shown and the field is
    /// disputed between them all, each value citing the versions that gave it.
    fn scalar(
        &self,
        key: &str,
        values: &[(usize, &Value)],
        disputes: &mut Disputes,
        report: &mut MergeReport,
    ) -> Option<Value> {
        let shown = values.first().map(|(_, v)| (*v).clone())?;
        self.dispute_values(&format!("/{}", crate::pointer::escape_token(key)), key, values, disputes, report);
        Some(shown)
    }

    /// Makes a dispute over `path` when the versions give it different values.
    fn dispute_values(
        &self,
        path: &str,
        name: &str,
        values: &[(usize, &Value)],
        disputes: &mut Disputes,
        report: &mut MergeReport,
    ) {
        // Each distinct value, the first version giving it, its citations and their texts.
        let mut distinct: Vec<(&Value, Vec<Value>)> = Vec::new();
        let mut first: Vec<usize> = Vec::new();
        let mut known: Vec<HashSet<String>> = Vec::new();
        let mut at: HashMap<String, usize> = HashMap::new();
        for &(i, v) in values {
            let slot = *at.entry(v.to_string()).or_insert_with(|| {
                distinct.push((v, Vec::new()));
                first.push(i);
                known.push(HashSet::new());
                distinct.len() - 1
            });
            let cites = self.members.get(i).map_or(&[][..], |m| citations(&m.value));
            if let (Some((_, list)), Some(known)) = (distinct.get_mut(slot), known.get_mut(slot)) {
                for c in cites {
                    if known.insert(c.to_string()) {
                        list.push(c.clone());
                    }
                }
            }
        }
        if distinct.len() < 2 {
            return;
        }
        let shown = distinct.first().map(|(v, _)| (*v).clone()).unwrap_or(Value::Null);
        for ((v, cites), i) in distinct.iter().zip(&first).skip(1) {
            if let Some(from) = self.members.get(*i).map(|m| m.from.clone()) {
                report.conflicts.push(Conflict {
                    kind: self.kind,
                    id: self.id.to_owned(),
                    path: path.to_owned(),
                    kept: shown.clone(),
                    other: (*v).clone(),
                    sources: sources_of(cites.iter()),
                    from,
                });
            }
        }
        let sources = sources_of(distinct.iter().flat_map(|(_, c)| c.iter()));
        // Sources are not records a dispute may be about: their conflicts are named instead.
        if self.kind == RecordKind::Source {
            let others: Vec<String> = distinct.iter().skip(1).map(|(v, _)| v.to_string()).collect();
            report.named.push(NamedConflict {
                code: "source_field".into(),
                path: path.to_owned(),
                message: format!("source {}: {shown} is shown; also given: {}", self.id, others.join(", ")),
            });
            return;
        }
        let question = format!("What is the {name} of {} {}?", self.kind.noun(), self.id);
        let mut body = Map::new();
        body.insert("question".into(), Value::String(question.clone()));
        let mut record = Map::new();
        record.insert("type".into(), Value::String(self.kind.as_str().into()));
        record.insert("id".into(), Value::String(self.id.to_owned()));
        body.insert("record".into(), Value::Object(record));
        body.insert("field".into(), Value::String(path.to_owned()));
        let alternatives = distinct
            .into_iter()
            .map(|(v, cites)| {
                let mut a = Map::new();
                a.insert("value".into(), v.clone());
                if !cites.is_empty() {
                    a.insert("citations".into(), Value::Array(cites));
                }
                Value::Object(a)
            })
            .collect();
        body.insert("alternatives".into(), Value::Array(alternatives));
        let base = format!("{}.{}", cut(self.id, 80), slug(name));
        let id = disputes.create(&base, body);
        report.disputes.push(DisputeAdded {
            id,
            question,
            kind: self.kind,
            record: self.id.to_owned(),
            path: path.to_owned(),
            sources,
        });
    }

    fn extensions(&self, values: &[(usize, &Value)], disputes: &mut Disputes, report: &mut MergeReport) -> Value {
        let mut out = Map::new();
        let mut per_key: Vec<(String, Vec<(usize, &Value)>)> = Vec::new();
        let mut at: HashMap<&str, usize> = HashMap::new();
        for &(i, v) in values {
            let Value::Object(ext) = v else { continue };
            for (k, x) in ext {
                let slot = *at.entry(k.as_str()).or_insert_with(|| {
                    per_key.push((k.clone(), Vec::new()));
                    per_key.len() - 1
                });
                if let Some((_, list)) = per_key.get_mut(slot) {
                    list.push((i, x));
                }
            }
        }
        for (k, list) in per_key {
            // Competing values a merge of an earlier version of this crate kept.
            if k == COMPETING_KEY {
                let mut all = Vec::new();
                for (_, v) in &list {
                    if let Value::Array(items) = v {
                        union(&mut all, items.clone());
                    }
                }
                out.insert(k, Value::Array(all));
                continue;
            }
            if let Some((_, first)) = list.first() {
                out.insert(k.clone(), (*first).clone());
            }
            self.dispute_values(
                &format!("/extensions/{}", crate::pointer::escape_token(&k)),
                &k,
                &list,
                disputes,
                report,
            );
        }
        Value::Object(out)
    }

    /// Unions the versions' entries of a list of facts that may be reported differently (a
    /// signature, a lifecycle act): a less specific report of a fact (no date) joins the one
    /// more specific report it fits; when what remains disagrees, every entry of that fact is
    /// marked with one dispute.
    fn entries(
        &self,
        values: &[(usize, &Value)],
        rule: &Facts,
        disputes: &mut Disputes,
        report: &mut MergeReport,
    ) -> Vec<Value> {
        let mut list = union_all(values);
        // Group the entries that report one fact.
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        let mut at: HashMap<String, usize> = HashMap::new();
        for (i, e) in list.iter().enumerate() {
            let Some(key) = (rule.fact)(e) else { continue };
            let slot = *at.entry(key.clone()).or_insert_with(|| {
                groups.push((key, Vec::new()));
                groups.len() - 1
            });
            if let Some((_, g)) = groups.get_mut(slot) {
                g.push(i);
            }
        }
        let mut filled = false;
        for (_, g) in &groups {
            filled |= absorb(&mut list, g, rule);
        }
        // Entries that became equal are one.
        if filled {
            let mut joined = Vec::with_capacity(list.len());
            union(&mut joined, list);
            list = joined;
        }
        // Which groups disagree, and the subjects (a party) whose entries are disputed.
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        let mut at: HashMap<String, usize> = HashMap::new();
        for (i, e) in list.iter().enumerate() {
            let Some(subject) = (rule.subject)(e) else { continue };
            let slot = *at.entry(subject.clone()).or_insert_with(|| {
                groups.push((subject, Vec::new()));
                groups.len() - 1
            });
            if let Some((_, g)) = groups.get_mut(slot) {
                g.push(i);
            }
        }
        let disjoint = (rule.disjoint)(values);
        for (subject, g) in groups {
            let mut details: HashMap<String, HashSet<String>> = HashMap::new();
            for &i in &g {
                if let (Some(e), Some(fact)) = (list.get(i), list.get(i).and_then(rule.fact)) {
                    details.entry(fact).or_default().insert(Value::Object(self::details(e, rule)).to_string());
                }
            }
            let differ = details.values().any(|d| d.len() > 1);
            if !differ && !disjoint.contains(&subject) {
                continue;
            }
            let existing = g
                .iter()
                .find_map(|&i| list.get(i).and_then(|e| e.get("dispute")).and_then(Value::as_str))
                .map(str::to_owned);
            let question = (rule.question)(self.id, &subject);
            let id = match &existing {
                Some(id) => id.clone(),
                None => {
                    let mut body = Map::new();
                    body.insert("question".into(), Value::String(question.clone()));
                    disputes.create(&format!("{}.{}", cut(self.id, 60), cut(&(rule.slug)(&subject), 60)), body)
                }
            };
            let mut cites = Vec::new();
            for &i in &g {
                if let Some(Value::Object(e)) = list.get_mut(i) {
                    e.entry("dispute").or_insert_with(|| Value::String(id.clone()));
                    cites.extend(e.get("citations").and_then(Value::as_array).into_iter().flatten().cloned());
                }
            }
            if existing.is_none() {
                report.disputes.push(DisputeAdded {
                    id,
                    question,
                    kind: self.kind,
                    record: self.id.to_owned(),
                    path: format!("/{}", rule.list),
                    sources: sources_of(cites.iter()),
                });
            }
        }
        list
    }
}

/// How the reports of one kind of fact in a list are told apart and compared.
struct Facts {
    list: &'static str,
    /// Which fact an entry reports (`None`: facts of this kind may happen many times, and two
    /// entries are two facts).
    fact: fn(&Value) -> Option<String>,
    /// What a dispute among its reports is about (a party's signatures, one act).
    subject: fn(&Value) -> Option<String>,
    /// The fields two reports of one fact may disagree on.
    detail: &'static [&'static str],
    /// What an absent detail means, when it means something (a signature without a role is a
    /// signatory's).
    defaults: &'static [(&'static str, &'static str)],
    /// Subjects on which two versions disagree outright (no signer in common).
    disjoint: fn(&[(usize, &Value)]) -> HashSet<String>,
    question: fn(&str, &str) -> String,
    slug: fn(&str) -> String,
}

fn str_field<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    v.get(key).and_then(Value::as_str)
}

fn is_witness(v: &Value) -> bool {
    str_field(v, "role") == Some("witness")
}

const SIGNATURES: Facts = Facts {
    list: "signatures",
    fact: |s| Some(format!("{}\u{0}{}", str_field(s, "party")?, str_field(s, "signer")?)),
    subject: |s| str_field(s, "party").map(str::to_owned),
    detail: &["date", "place", "role"],
    defaults: &[("role", "signatory")],
    disjoint: |versions| {
        // Per party, each version's signers; a party two versions name with no signer in common.
        let mut seen: HashMap<&str, HashSet<&str>> = HashMap::new();
        let mut out = HashSet::new();
        for (_, v) in versions {
            let mut mine: HashMap<&str, HashSet<&str>> = HashMap::new();
            for s in v.as_array().into_iter().flatten().filter(|s| !is_witness(s)) {
                if let (Some(p), Some(x)) = (str_field(s, "party"), str_field(s, "signer")) {
                    mine.entry(p).or_default().insert(x);
                }
            }
            for (party, signers) in mine {
                let all = seen.entry(party).or_default();
                if !all.is_empty() && all.is_disjoint(&signers) {
                    out.insert(party.to_owned());
                }
                all.extend(signers);
            }
        }
        out
    },
    question: |agreement, party| format!("Who signed agreement {agreement} for {party}, and when?"),
    slug: |party| format!("signer.{party}"),
};

/// Acts that happen once in an agreement's life (or once per party): two reports of one with
/// different dates or places disagree. Others (amendments, suspensions …) may recur.
fn once(kind: &str) -> bool {
    matches!(
        kind,
        "signature"
            | "ratification"
            | "approval"
            | "accession"
            | "entry_into_force"
            | "domestic_approval"
            | "provisional_application"
            | "withdrawal"
            | "denunciation"
            | "termination"
    )
}

fn act_key(a: &Value) -> Option<String> {
    let kind = str_field(a, "type")?;
    if !once(kind) {
        return None;
    }
    let mut toward: Vec<&str> =
        a.get("toward").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect();
    toward.sort_unstable();
    Some(format!("{kind}\u{0}{}\u{0}{}", str_field(a, "party").unwrap_or(""), toward.join(",")))
}

const ACTIONS: Facts = Facts {
    list: "actions",
    fact: act_key,
    subject: act_key,
    detail: &["date", "place", "effective"],
    defaults: &[],
    disjoint: |_| HashSet::new(),
    question: |agreement, act| {
        let mut parts = act.split('\u{0}');
        let kind = parts.next().unwrap_or("act").replace('_', " ");
        let party = parts.next().filter(|p| !p.is_empty()).map_or_else(String::new, |p| format!(" by {p}"));
        format!("When and where was the {kind} of agreement {agreement}{party}?")
    },
    slug: |act| {
        let mut parts = act.split('\u{0}');
        let kind = parts.next().unwrap_or("act").to_owned();
        match parts.next().filter(|p| !p.is_empty()) {
            Some(p) => format!("{kind}.{p}"),
            None => kind,
        }
    },
};

/// The details an entry gives (an absent one with a default counts as its default), as a
/// map. "On or before publication" (`../2020-07-10`) states no date: it counts as absent.
fn details(e: &Value, rule: &Facts) -> Map<String, Value> {
    let mut m = Map::new();
    for k in rule.detail {
        let given = e.get(*k).filter(|v| !v.as_str().is_some_and(|s| s.starts_with("../")));
        let value = given
            .cloned()
            .or_else(|| rule.defaults.iter().find(|(d, _)| d == k).map(|(_, v)| Value::String((*v).to_owned())));
        if let Some(v) = value {
            m.insert((*k).to_owned(), v);
        }
    }
    m
}

/// Within one fact's entries, fills a less specific report (one lacking some details) from
/// the one most specific report it agrees with, when there is exactly one. A group of more than
/// 64 different reports is left as it is: the comparison is quadratic in their number.
fn absorb(list: &mut [Value], group: &[usize], rule: &Facts) -> bool {
    let mut tuples: Vec<Map<String, Value>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut of: Vec<usize> = Vec::with_capacity(group.len());
    for &i in group {
        let Some(e) = list.get(i) else { continue };
        let tuple = details(e, rule);
        let slot = *index.entry(Value::Object(tuple.clone()).to_string()).or_insert_with(|| {
            tuples.push(tuple);
            tuples.len() - 1
        });
        of.push(slot);
    }
    if tuples.len() < 2 || tuples.len() > 64 {
        return false;
    }
    let fits = |small: &Map<String, Value>, big: &Map<String, Value>| {
        small.len() < big.len() && small.iter().all(|(k, v)| big.get(k) == Some(v))
    };
    let maximal: Vec<usize> = (0..tuples.len()).filter(|&t| !tuples.iter().any(|u| fits(&tuples[t], u))).collect();
    let mut fill: HashMap<usize, usize> = HashMap::new();
    for t in 0..tuples.len() {
        if maximal.contains(&t) {
            continue;
        }
        let into: Vec<usize> = maximal.iter().copied().filter(|&m| fits(&tuples[t], &tuples[m])).collect();
        if let [only] = into[..] {
            fill.insert(t, only);
        }
    }
    let filled = !fill.is_empty();
    for (&i, &t) in group.iter().zip(&of) {
        let Some(&m) = fill.get(&t) else { continue };
        let (Some(Value::Object(e)), Some(big)) = (list.get_mut(i), tuples.get(m)) else { continue };
        for (k, v) in big {
            // A default is what absence already says: it is not written.
            let default = rule.defaults.iter().any(|(d, dv)| d == k && v.as_str() == Some(dv));
            if !default {
                e.insert(k.clone(), v.clone());
            }
        }
    }
    filled
}

fn cut(s: &str, n: usize) -> &str {
    // Ids are ASCII: any byte index is a char boundary.
    s.get(..n.min(s.len())).unwrap_or(s)
}

/// A field name as a piece of an id: `strength`, `extensions.x`.
fn slug(name: &str) -> String {
    let s: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect();
    if s.is_empty() { "value".into() } else { cut(&s, 40).to_owned() }
}

/// A different name becomes another name of the record (an alias), once.
fn add_name(
    kind: RecordKind,
    record: &mut Map<String, Value>,
    id: &str,
    value: Value,
    held: &mut HashSet<String>,
    report: &mut MergeReport,
) {
    let Some((_, others_key)) = name_fields(kind) else { return };
    let Value::String(name) = value else { return };
    if !held.insert(name.clone()) {
        return;
    }
    let others = record.entry(others_key).or_insert_with(|| Value::Array(Vec::new()));
    let Value::Array(others) = others else { return };
    let mut entry = Map::new();
    entry.insert("name".into(), Value::String(name.clone()));
    entry.insert("kind".into(), Value::String("alias".into()));
    others.push(Value::Object(entry));
    report.names.push(NameAdded { kind, id: id.to_owned(), name });
}

/// The part of a list entry that says which fact it is: everything but its citations and its
/// dispute mark.
pub(super) fn fact_key(v: &Value) -> String {
    match v {
        Value::Object(m) if m.contains_key("citations") || m.contains_key("dispute") => {
            let mut m = m.clone();
            m.remove("citations");
            m.remove("dispute");
            Value::Object(m).to_string()
        }
        other => other.to_string(),
    }
}

/// Adds the entries of `new` that `old` lacks; an entry `old` has (up to citations and dispute
/// mark) gets the new entry's citations, and its mark if it had none.
pub(super) fn union(old: &mut Vec<Value>, new: Vec<Value>) {
    let mut u = Union::new(std::mem::take(old));
    u.add(new);
    *old = u.out;
}

/// A list being unioned: entries found by their fact key, citations by their text, so that
/// adding lists one after another costs time linear in what is added.
struct Union {
    out: Vec<Value>,
    at: HashMap<String, usize>,
    cited: HashMap<usize, HashSet<String>>,
}

impl Union {
    fn new(out: Vec<Value>) -> Self {
        let at = out.iter().enumerate().map(|(i, v)| (fact_key(v), i)).collect();
        Self { out, at, cited: HashMap::new() }
    }

    fn add(&mut self, new: Vec<Value>) {
        for v in new {
            let key = fact_key(&v);
            match self.at.get(&key) {
                Some(&i) => {
                    let (Some(Value::Object(o)), Value::Object(n)) = (self.out.get_mut(i), v) else { continue };
                    if let Some(d) = n.get("dispute") {
                        o.entry("dispute").or_insert_with(|| d.clone());
                    }
                    let Some(Value::Array(nc)) = n.get("citations") else { continue };
                    let known = self.cited.entry(i).or_insert_with(|| {
                        o.get("citations")
                            .and_then(Value::as_array)
                            .into_iter()
                            .flatten()
                            .map(Value::to_string)
                            .collect()
                    });
                    let oc = o.entry("citations").or_insert_with(|| Value::Array(Vec::new()));
                    if let Value::Array(oc) = oc {
                        for c in nc {
                            if known.insert(c.to_string()) {
                                oc.push(c.clone());
                            }
                        }
                    }
                }
                None => {
                    self.at.insert(key, self.out.len());
                    self.out.push(v);
                }
            }
        }
    }
}

/// The lists of every version, unioned: the first as it is (an entry it repeats stays
/// repeated, so that a dossier merged with itself is unchanged), then the others' entries.
fn union_all(values: &[(usize, &Value)]) -> Vec<Value> {
    let mut lists = values.iter().filter_map(|(_, v)| v.as_array());
    let mut u = Union::new(lists.next().cloned().unwrap_or_default());
    for list in lists {
        u.add(list.clone());
    }
    u.out
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
