//! Merging dossiers: many reports of the same agreements into one picture, with a report of
//! every merge, rename and conflict.
//!
//! - Records are the same when they share an external identifier of one scheme (a state's ISO
//!   code counts), when a [`Resolver`] says so, or when they are equal field for field once
//!   their references are mapped (the same record reported twice). Never by name alone.
//! - Records judged the same are unioned: names (a different name becomes another name),
//!   identifiers, posts, list entries and citations. Each fact keeps exactly the citations of
//!   the sources that reported it: when two agreements with different citations merge, the
//!   nested facts that leaned on their agreement's citations get them written out first.
//! - A field the two give different values for keeps the first value; the other is kept beside
//!   it under the record's `merge.competing` extension with the sources that reported it, and
//!   the report lists the conflict. Nothing is overwritten.
//! - Two inputs naming different signers for one party of one agreement (no signer in common)
//!   make a [`Dispute`](crate::Dispute): every signature of that party is marked with it, each
//!   keeps its own citations, and the report lists it ([`DisputeAdded`]).
//! - Disputes of the inputs are carried over; one whose id names a different dispute is renamed
//!   like any record, and the marks follow.
//! - Unrelated records whose ids collide are renamed `id:dossier` (then `-2`, `-3` …): the name
//!   depends only on the inputs and their order.
//! - References are rewritten everywhere to the merged ids.
//!
//! [`Merger`] adds dossiers one at a time in time linear in each dossier's size, so a corpus of
//! any size merges in linear time; [`merge`] is two dossiers.

mod refs;
mod value;

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::dossier::Dossier;
use crate::error::Error;
use crate::identity::{self, Decision, IdentityKey, RecordKey, RecordKind, Resolver};
use crate::ids::{DossierId, RecordId};
use crate::schema_version::SchemaVersion;

/// The extension key under which a record keeps the values it was given that compete with the
/// ones it shows.
pub const COMPETING_KEY: &str = "merge.competing";

/// Why two records were taken for one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum MatchedBy {
    /// They share this external identifier.
    Identifier {
        /// The scheme (`wikidata`, `iso3166` …).
        scheme: String,
        /// The value.
        value: String,
    },
    /// A resolver judged them the same.
    Resolver,
    /// They are equal field for field once their references are mapped.
    SameContent,
}

impl fmt::Display for MatchedBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Identifier { scheme, value } => write!(f, "shared identifier {scheme}:{value}"),
            Self::Resolver => f.write_str("resolver judgement"),
            Self::SameContent => f.write_str("same content"),
        }
    }
}

/// A record of an input merged into a record of the result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Merge {
    /// The input record.
    pub from: RecordKey,
    /// Its id in the result.
    pub into: String,
    /// Why.
    pub by: MatchedBy,
}

/// A record of an input that got a new id, because its id names an unrelated record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Rename {
    /// The input record.
    pub from: RecordKey,
    /// Its id in the result.
    pub to: String,
}

/// Two values for one field of one merged record.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Conflict {
    /// The kind of the merged record.
    pub kind: RecordKind,
    /// Its id in the result.
    pub id: String,
    /// The field, as a JSON Pointer inside the record: `/kind`, `/strength`.
    pub path: String,
    /// The value the record shows.
    pub kept: Value,
    /// The competing value, kept under the record's `merge.competing` extension.
    pub other: Value,
    /// The sources the competing value came with (its record's citations).
    pub sources: Vec<String>,
    /// The input the competing value came from.
    pub from: RecordKey,
}

/// A dispute the merge created: two inputs disagree on a fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DisputeAdded {
    /// The dispute's id in the result.
    pub id: String,
    /// Its question.
    pub question: String,
    /// The kind of the record holding the competing entries.
    pub kind: RecordKind,
    /// That record's id in the result.
    pub record: String,
    /// The list of the competing entries, as a JSON Pointer inside the record: `/signatures`.
    pub path: String,
    /// The sources the alternatives cite, in order of first citation.
    pub sources: Vec<String>,
}

/// A name or title that became another name of a merged record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct NameAdded {
    /// The kind of the merged record.
    pub kind: RecordKind,
    /// Its id in the result.
    pub id: String,
    /// The name.
    pub name: String,
}

/// Everything a merge did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct MergeReport {
    /// Records taken for one, and why.
    pub merged: Vec<Merge>,
    /// Records renamed because of colliding ids.
    pub renamed: Vec<Rename>,
    /// Fields with competing values.
    pub conflicts: Vec<Conflict>,
    /// Names added as other names.
    pub names: Vec<NameAdded>,
    /// Disputes created for facts the inputs disagree on.
    pub disputes: Vec<DisputeAdded>,
}

impl MergeReport {
    /// Whether the merge joined, renamed or disputed nothing.
    pub fn is_empty(&self) -> bool {
        self.merged.is_empty()
            && self.renamed.is_empty()
            && self.conflicts.is_empty()
            && self.names.is_empty()
            && self.disputes.is_empty()
    }
}

impl fmt::Display for MergeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for m in &self.merged {
            writeln!(f, "merged   {} into {} ({})", m.from, m.into, m.by)?;
        }
        for r in &self.renamed {
            writeln!(f, "renamed  {} to {}", r.from, r.to)?;
        }
        for n in &self.names {
            writeln!(f, "name     {} {}: added '{}'", n.kind, n.id, n.name)?;
        }
        for d in &self.disputes {
            writeln!(
                f,
                "dispute  {} {}{}: {} '{}' (sources: {})",
                d.kind,
                d.record,
                d.path,
                d.id,
                d.question,
                d.sources.join(", ")
            )?;
        }
        for c in &self.conflicts {
            writeln!(
                f,
                "conflict {} {}{}: kept {}, competing {} (from {}; sources: {})",
                c.kind,
                c.id,
                c.path,
                c.kept,
                c.other,
                c.from,
                c.sources.join(", ")
            )?;
        }
        Ok(())
    }
}

/// A merged dossier and what the merge did.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Merged {
    /// The result.
    pub dossier: Dossier,
    /// Every merge, rename and conflict.
    pub report: MergeReport,
}

/// Merges two dossiers into one. The result has the first's id; records keep their ids unless
/// they collide with an unrelated record's.
pub fn merge(a: &Dossier, b: &Dossier, resolver: &Resolver) -> Result<Merged, Error> {
    let mut m = Merger::new(resolver);
    m.add(a);
    m.add(b);
    m.finish()
}

/// The order records are decided in: what is referred to before what refers to it.
const ORDER: [RecordKind; 7] = [
    RecordKind::Source,
    RecordKind::Actor,
    RecordKind::Person,
    RecordKind::Agreement,
    RecordKind::TroopPresence,
    RecordKind::Support,
    RecordKind::Statement,
];

fn slot_of(kind: RecordKind) -> usize {
    identity::TOP_LEVEL.iter().position(|k| *k == kind).unwrap_or(0)
}

/// One record of the result.
struct Slot {
    value: Map<String, Value>,
    /// Which [`Merger::add`] created it: a record is only matched with records of earlier inputs.
    generation: u32,
    /// The last [`Merger::add`] that merged a record into it: it takes at most one per input,
    /// so records an input keeps apart stay apart.
    absorbed: u32,
    origins: Vec<RecordKey>,
}

/// Where an input record goes.
enum Target {
    Into(usize, MatchedBy),
    New(String),
}

/// What was decided for one input record.
struct Decided {
    target: Target,
    origin: RecordKey,
    keys: Vec<IdentityKey>,
}

/// Merges dossiers one after another into one; each [`add`](Merger::add) costs time linear in
/// the dossier added.
pub struct Merger {
    head: Option<(DossierId, SchemaVersion)>,
    title: Option<String>,
    extensions: Map<String, Value>,
    /// Top-level lists this module does not merge record by record, unioned entry by entry.
    others: Map<String, Value>,
    generation: u32,
    lists: [Vec<Slot>; 7],
    ids: [HashMap<String, usize>; 7],
    identities: HashMap<(usize, IdentityKey), Vec<usize>>,
    contents: HashMap<(usize, String), usize>,
    origins: HashMap<RecordKey, usize>,
    same: HashMap<RecordKey, Vec<RecordKey>>,
    not_same: HashSet<(RecordKey, RecordKey)>,
    judged_apart: HashSet<RecordKey>,
    disputes: Disputes,
    report: MergeReport,
}

/// The disputes of the result: those of the inputs and those the merge creates.
#[derive(Default)]
pub(super) struct Disputes {
    list: Vec<Map<String, Value>>,
    ids: HashMap<String, usize>,
}

impl Disputes {
    /// `base` if no dispute has it, else `base-2`, `base-3` …
    fn fresh(&self, base: &str) -> String {
        let base = cut(base, 120);
        if !self.ids.contains_key(base) {
            return base.to_owned();
        }
        (2..).map(|n| format!("{base}-{n}")).find(|c| !self.ids.contains_key(c)).unwrap_or_else(|| base.to_owned())
    }

    fn push(&mut self, value: Map<String, Value>) {
        if let Some(id) = value.get("id").and_then(Value::as_str) {
            self.ids.insert(id.to_owned(), self.list.len());
        }
        self.list.push(value);
    }

    /// Creates a dispute for the competing entries of `record`'s list `path`, with an id
    /// derived from `base`, and returns the id.
    pub(super) fn create(&mut self, base: &str, question: String) -> String {
        let id = self.fresh(base);
        let mut d = Map::new();
        d.insert("id".into(), Value::String(id.clone()));
        d.insert("question".into(), Value::String(question));
        self.push(d);
        id
    }

    /// Takes in the disputes of input `d`: one equal to a dispute already held (same id, same
    /// content) is that dispute; one whose id is taken by another is renamed, and so are the
    /// marks naming it.
    fn take(&mut self, d: &mut Dossier, report: &mut MergeReport) {
        let mut map = HashMap::new();
        let incoming = std::mem::take(&mut d.disputes);
        for dispute in &incoming {
            let mut value = to_map(dispute);
            let id = dispute.id.to_string();
            if let Some(&i) = self.ids.get(&id) {
                if self.list.get(i).is_some_and(|held| *held == value) {
                    continue;
                }
                let new = self.fresh(&format!("{}:{}", cut(&id, 100), cut(d.id.as_str(), 20)));
                if let Some(key) = RecordKey::parse(d.id.as_str(), RecordKind::Dispute, &id) {
                    report.renamed.push(Rename { from: key, to: new.clone() });
                }
                value.insert("id".into(), Value::String(new.clone()));
                map.insert(id, new);
            }
            self.push(value);
        }
        refs::remap(d, RecordKind::Dispute, &map);
    }
}

impl Merger {
    /// An empty merger following `resolver`'s judgements.
    pub fn new(resolver: &Resolver) -> Self {
        let mut same: HashMap<RecordKey, Vec<RecordKey>> = HashMap::new();
        let mut not_same = HashSet::new();
        let mut judged_apart = HashSet::new();
        for ((a, b), decision) in resolver.index() {
            match decision {
                Decision::Same => {
                    same.entry(a.clone()).or_default().push(b.clone());
                    same.entry(b).or_default().push(a);
                }
                Decision::NotSame => {
                    judged_apart.insert(a.clone());
                    judged_apart.insert(b.clone());
                    not_same.insert((a, b));
                }
                _ => {}
            }
        }
        for list in same.values_mut() {
            list.sort();
        }
        Self {
            head: None,
            title: None,
            extensions: Map::new(),
            others: Map::new(),
            generation: 0,
            lists: Default::default(),
            ids: Default::default(),
            identities: HashMap::new(),
            contents: HashMap::new(),
            origins: HashMap::new(),
            same,
            not_same,
            judged_apart,
            disputes: Disputes::default(),
            report: MergeReport::default(),
        }
    }

    /// Merges one more dossier in.
    pub fn add(&mut self, dossier: &Dossier) {
        self.generation += 1;
        let mut d = dossier.clone();
        match &mut self.head {
            None => self.head = Some((d.id.clone(), d.schema_version)),
            Some((_, version)) => *version = (*version).max(d.schema_version),
        }
        if self.title.is_none() {
            self.title = d.title.clone();
        }
        for (k, v) in d.extensions.iter() {
            self.extensions.entry(k.to_owned()).or_insert_with(|| v.clone());
        }
        let mut decided: [Vec<Decided>; 7] = Default::default();
        for kind in ORDER {
            decided[slot_of(kind)] = self.decide(&mut d, kind);
        }
        // Clauses are identified within their agreement: an incoming clause whose id names a
        // different clause of the agreement it joins gets a fresh id, and its references follow.
        let agreements = &decided[slot_of(RecordKind::Agreement)];
        for (decision, a) in agreements.iter().zip(d.agreements.iter_mut()) {
            if let Target::Into(slot, _) = decision.target {
                rename_clashing_clauses(&self.lists[slot_of(RecordKind::Agreement)][slot].value, a);
            }
        }
        self.disputes.take(&mut d, &mut self.report);
        // Lists a later version of the model may add are kept whole, entry by entry.
        if let Value::Object(doc) = serde_json::to_value(&d).unwrap_or(Value::Null) {
            let mut known: HashSet<&str> = identity::TOP_LEVEL.iter().map(|k| identity::list_name(*k)).collect();
            known.insert("disputes");
            for (key, list) in doc {
                if let Value::Array(list) = list {
                    if !known.contains(key.as_str()) {
                        match self.others.get_mut(&key) {
                            Some(Value::Array(old)) => value::union(old, list),
                            _ => {
                                self.others.insert(key, Value::Array(list));
                            }
                        }
                    }
                }
            }
        }
        // Every reference names its merged record now: take the records in.
        for kind in ORDER {
            let values = record_values(&d, kind);
            for (decision, value) in std::mem::take(&mut decided[slot_of(kind)]).into_iter().zip(values) {
                self.take(kind, decision, value);
            }
        }
    }

    /// Decides where each record of `kind` goes, and maps the references to them.
    fn decide(&mut self, d: &mut Dossier, kind: RecordKind) -> Vec<Decided> {
        let k = slot_of(kind);
        let mut out = Vec::new();
        let mut map = HashMap::new();
        for (id, keys) in ids_and_keys(d, kind) {
            let origin = RecordKey::new(d.id.clone(), kind, RecordId::from_local(&id));
            let found = self.by_resolver(k, &origin).or_else(|| self.by_identity(k, &origin, &id, &keys));
            let target = match found {
                Some((slot, by)) => {
                    self.lists[k][slot].absorbed = self.generation;
                    let into = slot_id(&self.lists[k][slot]);
                    if into != id {
                        map.insert(id.clone(), into);
                    }
                    Some(Target::Into(slot, by))
                }
                None => None,
            };
            out.push((target, origin, keys, id));
        }
        refs::remap(d, kind, &map);
        // Records no identity joined: the same content, else a new record (renamed on collision).
        let canon = canonical_values(d, kind);
        let mut map = HashMap::new();
        let mut decided = Vec::with_capacity(out.len());
        for ((target, origin, keys, id), canon) in out.into_iter().zip(canon) {
            let target = match target {
                Some(t) => t,
                None => match self.by_content(k, &origin, &id, &canon) {
                    Some(slot) => {
                        self.lists[k][slot].absorbed = self.generation;
                        let into = slot_id(&self.lists[k][slot]);
                        if into != id {
                            map.insert(id.clone(), into);
                        }
                        Target::Into(slot, MatchedBy::SameContent)
                    }
                    None => {
                        let new = self.fresh_id(k, &id, d.id.as_str());
                        if new != id {
                            map.insert(id.clone(), new.clone());
                            self.report.renamed.push(Rename { from: origin.clone(), to: new.clone() });
                        }
                        // Reserved now, so a later record of this dossier with the same id is renamed.
                        self.ids[k].insert(new.clone(), usize::MAX);
                        Target::New(new)
                    }
                },
            };
            decided.push(Decided { target, origin, keys });
        }
        refs::remap(d, kind, &map);
        decided
    }

    fn vetoed(&self, k: usize, origin: &RecordKey, slot: usize) -> bool {
        self.judged_apart.contains(origin)
            && self.lists[k][slot].origins.iter().any(|o| self.not_same.contains(&identity::ordered(origin, o)))
    }

    /// Whether the record can take a record of the current input: it comes from an earlier
    /// input and has taken none of this one yet.
    fn earlier(&self, k: usize, slot: usize) -> bool {
        self.lists[k].get(slot).is_some_and(|s| s.generation < self.generation && s.absorbed < self.generation)
    }

    fn by_resolver(&self, k: usize, origin: &RecordKey) -> Option<(usize, MatchedBy)> {
        let others = self.same.get(origin)?;
        others
            .iter()
            .filter_map(|o| self.origins.get(o).copied())
            .find(|&slot| {
                self.earlier(k, slot) && self.lists[k][slot].origins.first().is_some_and(|f| f.kind == origin.kind)
            })
            .map(|slot| (slot, MatchedBy::Resolver))
    }

    fn by_identity(&self, k: usize, origin: &RecordKey, id: &str, keys: &[IdentityKey]) -> Option<(usize, MatchedBy)> {
        let mut best: Option<(usize, &IdentityKey)> = None;
        for key in keys {
            let Some(slots) = self.identities.get(&(k, key.clone())) else { continue };
            for &slot in slots {
                if !self.earlier(k, slot) || self.vetoed(k, origin, slot) {
                    continue;
                }
                // Prefer the record that has the same id: merging a dossier with itself changes nothing.
                let same_id = slot_id(&self.lists[k][slot]) == id;
                match best {
                    Some((b, _)) if !(same_id && slot_id(&self.lists[k][b]) != id) => {}
                    _ => best = Some((slot, key)),
                }
            }
        }
        best.map(|(slot, key)| (slot, MatchedBy::Identifier { scheme: key.scheme.clone(), value: key.value.clone() }))
    }

    fn by_content(&self, k: usize, origin: &RecordKey, id: &str, canon: &str) -> Option<usize> {
        if let Some(&slot) = self.ids[k].get(id) {
            if self.earlier(k, slot) && canonical(&self.lists[k][slot].value) == canon && !self.vetoed(k, origin, slot)
            {
                return Some(slot);
            }
        }
        let slot = *self.contents.get(&(k, canon.to_owned()))?;
        (self.earlier(k, slot) && !self.vetoed(k, origin, slot)).then_some(slot)
    }

    /// `id` if it is free, else `id:dossier`, else that with `-2`, `-3` …
    fn fresh_id(&self, k: usize, id: &str, dossier: &str) -> String {
        if !self.ids[k].contains_key(id) {
            return id.to_owned();
        }
        let base: String = format!("{}:{}", cut(id, 100), cut(dossier, 20));
        if !self.ids[k].contains_key(&base) {
            return base;
        }
        (2..).map(|n| format!("{base}-{n}")).find(|c| !self.ids[k].contains_key(c)).unwrap_or(base)
    }

    fn take(&mut self, kind: RecordKind, decision: Decided, mut value: Map<String, Value>) {
        let k = slot_of(kind);
        let Decided { target, origin, keys } = decision;
        let canon = canonical(&value);
        let slot = match target {
            Target::Into(slot, by) => {
                let into = slot_id(&self.lists[k][slot]);
                value.insert("id".into(), Value::String(into.clone()));
                self.report.merged.push(Merge { from: origin.clone(), into: into.clone(), by });
                value::merge_record(
                    kind,
                    &mut self.lists[k][slot].value,
                    value,
                    &origin,
                    &mut self.disputes,
                    &mut self.report,
                );
                self.lists[k][slot].origins.push(origin.clone());
                slot
            }
            Target::New(id) => {
                value.insert("id".into(), Value::String(id.clone()));
                let slot = self.lists[k].len();
                self.lists[k].push(Slot {
                    value,
                    generation: self.generation,
                    absorbed: 0,
                    origins: vec![origin.clone()],
                });
                self.ids[k].insert(id, slot);
                slot
            }
        };
        for key in keys {
            let slots = self.identities.entry((k, key)).or_default();
            if !slots.contains(&slot) {
                slots.push(slot);
            }
        }
        self.contents.entry((k, canon)).or_insert(slot);
        self.origins.insert(origin, slot);
    }

    /// The merged dossier and the report.
    pub fn finish(self) -> Result<Merged, Error> {
        let mut doc = Map::new();
        let (id, version) = match self.head {
            Some((id, version)) => (id.to_string(), version),
            None => ("merged".to_owned(), SchemaVersion::CURRENT),
        };
        doc.insert("schema_version".into(), Value::String(version.to_string()));
        doc.insert("id".into(), Value::String(id));
        if let Some(title) = self.title {
            doc.insert("title".into(), Value::String(title));
        }
        for (kind, list) in identity::TOP_LEVEL.into_iter().zip(self.lists) {
            if !list.is_empty() {
                let values = list.into_iter().map(|s| Value::Object(s.value)).collect();
                doc.insert(crate::identity::list_name(kind).into(), Value::Array(values));
            }
        }
        if !self.disputes.list.is_empty() {
            let list = self.disputes.list.into_iter().map(Value::Object).collect();
            doc.insert("disputes".into(), Value::Array(list));
        }
        for (key, list) in self.others {
            doc.entry(key).or_insert(list);
        }
        if !self.extensions.is_empty() {
            doc.insert("extensions".into(), Value::Object(self.extensions));
        }
        let dossier: Dossier =
            serde_json::from_value(Value::Object(doc)).map_err(|e| Error::from_json(e, String::new()))?;
        Ok(Merged { dossier, report: self.report })
    }
}

impl Default for Merger {
    fn default() -> Self {
        Self::new(&Resolver::new())
    }
}

fn rename_clashing_clauses(slot: &Map<String, Value>, a: &mut crate::agreement::Agreement) {
    let Some(Value::Array(mine)) = slot.get("clauses") else { return };
    let mine: HashMap<&str, String> =
        mine.iter().filter_map(|c| Some((c.get("id")?.as_str()?, value::fact_key(&value::without_id(c))))).collect();
    let mut taken: HashSet<String> = mine.keys().map(|s| (*s).to_owned()).collect();
    let mut map: HashMap<String, String> = HashMap::new();
    for c in &mut a.clauses {
        let key = value::fact_key(&value::without_id(&Value::Object(to_map(&*c))));
        if mine.get(c.id.as_str()).is_none_or(|k| *k == key) {
            continue;
        }
        let base = cut(c.id.as_str(), 120).to_owned();
        let fresh = (2..).map(|n| format!("{base}-{n}")).find(|f| !taken.contains(f));
        if let Some(id) = fresh.and_then(|f| crate::ids::ClauseId::new(f).ok()) {
            taken.insert(id.to_string());
            map.insert(c.id.to_string(), id.to_string());
            c.id = id;
        }
    }
    if map.is_empty() {
        return;
    }
    crate::walk::write::agreement(a, &crate::validate::Path::ROOT, &mut |_, id| {
        if let crate::walk::IdMut::Clause(c) = id {
            if let Some(new) = map.get(c.as_str()).and_then(|n| crate::ids::ClauseId::new(n).ok()) {
                *c = new;
            }
        }
    });
}

fn slot_id(slot: &Slot) -> String {
    slot.value.get("id").and_then(Value::as_str).unwrap_or("").to_owned()
}

fn cut(s: &str, n: usize) -> &str {
    // Ids are ASCII: any byte index is a char boundary.
    s.get(..n.min(s.len())).unwrap_or(s)
}

/// A record's content without its id, as a string to compare and hash.
fn canonical(value: &Map<String, Value>) -> String {
    let mut v = value.clone();
    v.remove("id");
    Value::Object(v).to_string()
}

fn canonical_values(d: &Dossier, kind: RecordKind) -> Vec<String> {
    record_values(d, kind).iter().map(canonical).collect()
}

fn to_map<T: Serialize>(r: &T) -> Map<String, Value> {
    match serde_json::to_value(r) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

fn record_values(d: &Dossier, kind: RecordKind) -> Vec<Map<String, Value>> {
    match kind {
        RecordKind::Actor => d.actors.iter().map(to_map).collect(),
        RecordKind::Person => d.people.iter().map(to_map).collect(),
        RecordKind::Agreement => d.agreements.iter().map(to_map).collect(),
        RecordKind::TroopPresence => d.troop_presences.iter().map(to_map).collect(),
        RecordKind::Support => d.supports.iter().map(to_map).collect(),
        RecordKind::Statement => d.statements.iter().map(to_map).collect(),
        RecordKind::Source => d.sources.iter().map(to_map).collect(),
        _ => Vec::new(),
    }
}

fn ids_and_keys(d: &Dossier, kind: RecordKind) -> Vec<(String, Vec<IdentityKey>)> {
    match kind {
        RecordKind::Actor => d.actors.iter().map(|r| (r.id.to_string(), identity::actor_keys(r))).collect(),
        RecordKind::Person => d.people.iter().map(|r| (r.id.to_string(), identity::person_keys(r))).collect(),
        RecordKind::Agreement => d.agreements.iter().map(|r| (r.id.to_string(), identity::agreement_keys(r))).collect(),
        RecordKind::TroopPresence => d.troop_presences.iter().map(|r| (r.id.to_string(), Vec::new())).collect(),
        RecordKind::Support => d.supports.iter().map(|r| (r.id.to_string(), Vec::new())).collect(),
        RecordKind::Statement => d.statements.iter().map(|r| (r.id.to_string(), Vec::new())).collect(),
        RecordKind::Source => d.sources.iter().map(|r| (r.id.to_string(), identity::source_keys(r))).collect(),
        _ => Vec::new(),
    }
}

// By hand: the indexes are working state, too large to print; what a reader wants is the
// progress so far.
impl fmt::Debug for Merger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Merger")
            .field("records", &self.lists.iter().map(Vec::len).sum::<usize>())
            .field("report", &self.report)
            .finish_non_exhaustive()
    }
}
