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

mod content;
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

/// The extension key under which merges before 0.2 kept the values that competed with the ones
/// a record shows; a merge now makes a dispute over the field instead, and only carries this
/// extension over from its inputs.
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

/// Two values for one field of one merged record: the field is disputed between them (see
/// [`MergeReport::disputes`]), except for a source's fields (see [`MergeReport::named`]).
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
    /// The competing value, an alternative of the field's dispute.
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
    /// Conflicts the result cannot hold as a dispute, named (and every validation error of the
    /// result): never an invalid merged dossier with an empty report.
    pub named: Vec<NamedConflict>,
    /// Records whose input cites nothing, whose nested facts now lean on other reports' sources.
    pub uncited: Vec<Uncited>,
}

impl MergeReport {
    /// Whether the merge joined, renamed or disputed nothing.
    pub fn is_empty(&self) -> bool {
        self.merged.is_empty()
            && self.renamed.is_empty()
            && self.conflicts.is_empty()
            && self.names.is_empty()
            && self.disputes.is_empty()
            && self.named.is_empty()
            && self.uncited.is_empty()
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
        for c in &self.named {
            writeln!(f, "conflict {} at {}: {}", c.code, c.path, c.message)?;
        }
        for u in &self.uncited {
            writeln!(
                f,
                "uncited  {} (now {}): cites no source; its facts lean on the other reports' sources",
                u.from, u.into
            )?;
        }
        for c in &self.conflicts {
            writeln!(
                f,
                "value    {} {}{}: shown {}, disputed by {} (from {}; sources: {})",
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

/// A problem of the merged dossier that the merge could not express as a dispute, named: two
/// dossier titles, two values of one dossier-level extension, two values of a source's field,
/// or a validation error of the result (its code: `action_after_termination` when one report's
/// termination precedes another's amendment).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct NamedConflict {
    /// What kind of conflict: `dossier_title`, `dossier_extension`, `source_field`, or the
    /// validation code of an error of the result.
    pub code: String,
    /// Where, as a JSON Pointer in the merged dossier.
    pub path: String,
    /// In words, with the values and the inputs they came from.
    pub message: String,
}

/// A record whose input cites nothing: its nested facts rested on no source there, and in the
/// result they lean on the sources of the reports it was merged with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Uncited {
    /// The input record.
    pub from: RecordKey,
    /// Its id in the result.
    pub into: String,
}

/// Merges two dossiers into one. Which comes first does not matter: see [`Merger`].
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

/// The position of a merged kind among the table's top-level kinds (disputes, last in the
/// table, have no slot: they are joined on their own).
fn slot_of(kind: RecordKind) -> usize {
    identity::TOP_LEVEL.iter().position(|k| *k == kind).filter(|i| *i < ORDER.len()).unwrap_or(0)
}

/// Merges any number of dossiers into one. The result depends on the set of inputs, not on the
/// order they are added in: [`finish`](Merger::finish) sorts them first (by id, then content),
/// computes which records are one (the closure of the resolver's `same`, shared identifiers,
/// equal content) over all of them at once, and only then joins.
pub struct Merger {
    same: Vec<(RecordKey, RecordKey)>,
    not_same: HashSet<(RecordKey, RecordKey)>,
    judged_apart: HashSet<RecordKey>,
    inputs: Vec<Dossier>,
    id: Option<DossierId>,
    title: Option<String>,
}

impl Merger {
    /// An empty merger following `resolver`'s judgements.
    pub fn new(resolver: &Resolver) -> Self {
        let mut same = Vec::new();
        let mut not_same = HashSet::new();
        let mut judged_apart = HashSet::new();
        for ((a, b), decision) in resolver.index() {
            match decision {
                Decision::Same => same.push((a, b)),
                Decision::NotSame => {
                    judged_apart.insert(a.clone());
                    judged_apart.insert(b.clone());
                    not_same.insert((a, b));
                }
                _ => {}
            }
        }
        // The index is a hash map: its order is not the log's, nor stable.
        same.sort();
        Self { same, not_same, judged_apart, inputs: Vec::new(), id: None, title: None }
    }

    /// The merged dossier's id, instead of the canonically first input's.
    pub fn with_id(mut self, id: DossierId) -> Self {
        self.id = Some(id);
        self
    }

    /// The merged dossier's title, instead of the canonically first input's: the inputs'
    /// titles are then no conflict (the report names none).
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Adds one more dossier.
    pub fn add(&mut self, dossier: &Dossier) {
        self.inputs.push(dossier.clone());
    }

    /// Adds one more dossier, without copying it.
    pub fn add_owned(&mut self, dossier: Dossier) {
        self.inputs.push(dossier);
    }

    /// The merged dossier and the report.
    pub fn finish(self) -> Result<Merged, Error> {
        let Self { same, not_same, judged_apart, inputs, id, title } = self;
        // The canonical order: what "first" means below depends on the inputs only.
        let mut keyed: Vec<(String, Dossier)> =
            inputs.into_iter().map(|d| (serde_json::to_string(&d).unwrap_or_default(), d)).collect();
        keyed.sort_by(|(ja, a), (jb, b)| a.id.as_str().cmp(b.id.as_str()).then_with(|| ja.cmp(jb)));
        let inputs: Vec<Dossier> = keyed.into_iter().map(|(_, d)| d).collect();
        let mut job = Job {
            inputs,
            same,
            not_same,
            judged_apart,
            id,
            title,
            groups: Default::default(),
            report: MergeReport::default(),
            disputes: Disputes::default(),
        };
        job.separate_disputes();
        for kind in ORDER {
            job.join(kind);
        }
        job.finish()
    }
}

impl Default for Merger {
    fn default() -> Self {
        Self::new(&Resolver::new())
    }
}

/// Records of the inputs taken for one: (input, position) in canonical order.
struct Group {
    id: String,
    members: Vec<(usize, usize)>,
}

struct Job {
    inputs: Vec<Dossier>,
    same: Vec<(RecordKey, RecordKey)>,
    not_same: HashSet<(RecordKey, RecordKey)>,
    judged_apart: HashSet<RecordKey>,
    /// The id and title the user chose for the result, if any.
    id: Option<DossierId>,
    title: Option<String>,
    groups: [Vec<Group>; 7],
    report: MergeReport,
    disputes: Disputes,
}

/// Union-find over the records of one kind, with the rules a join must keep: a group takes at
/// most one record of each input (records an input keeps apart stay apart), and none judged
/// `not_same` with one of its members.
struct Components {
    parent: Vec<usize>,
    /// Per root: the inputs its members come from (a set: a group of a state every one of
    /// 10,000 reports names has 10,000).
    inputs: Vec<HashSet<usize>>,
    /// Per root: its members judged `not_same` with some record.
    judged: Vec<Vec<usize>>,
    reason: Vec<Option<MatchedBy>>,
}

impl Components {
    fn find(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.parent.get(x) {
            if p == x {
                break;
            }
            let grand = self.parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(x) {
                *slot = grand;
            }
            x = p;
        }
        x
    }

    /// Joins the groups of `a` and `b`; `force` (a resolver judgement) skips the rule of one
    /// record per input.
    fn join(
        &mut self,
        a: usize,
        b: usize,
        by: MatchedBy,
        force: bool,
        vetoed: &dyn Fn(&[usize], &[usize]) -> bool,
    ) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        // The smaller set is walked, the larger probed: n log n over all joins.
        let (big, small) = if self.inputs[ra].len() >= self.inputs[rb].len() { (ra, rb) } else { (rb, ra) };
        if !force && self.inputs[small].iter().any(|i| self.inputs[big].contains(i)) {
            return false;
        }
        if vetoed(&self.judged[ra], &self.judged[rb]) {
            return false;
        }
        let moved = std::mem::take(&mut self.inputs[small]);
        self.inputs[big].extend(moved);
        let moved = std::mem::take(&mut self.judged[small]);
        self.judged[big].extend(moved);
        self.parent[small] = big;
        for x in [a, b] {
            if self.reason[x].is_none() {
                self.reason[x] = Some(by.clone());
            }
        }
        true
    }
}

impl Job {
    /// Decides which records of `kind` are one, gives each group its id, and makes every
    /// reference of every input name it.
    fn join(&mut self, kind: RecordKind) {
        let mut nodes: Vec<(usize, usize)> = Vec::new();
        let mut ids: Vec<String> = Vec::new();
        let mut keys: Vec<Vec<IdentityKey>> = Vec::new();
        let mut origins: Vec<RecordKey> = Vec::new();
        for (i, d) in self.inputs.iter().enumerate() {
            for (pos, (id, k)) in ids_and_keys(d, kind).into_iter().enumerate() {
                let origin = RecordKey::new(d.id.clone(), kind, RecordId::from_local(&id));
                nodes.push((i, pos));
                ids.push(id);
                keys.push(k);
                origins.push(origin);
            }
        }
        let n = nodes.len();
        let mut c = Components {
            parent: (0..n).collect(),
            inputs: nodes.iter().map(|&(i, _)| HashSet::from([i])).collect(),
            judged: (0..n)
                .map(|x| if self.judged_apart.contains(&origins[x]) { vec![x] } else { Vec::new() })
                .collect(),
            reason: vec![None; n],
        };
        let not_same = &self.not_same;
        let vetoed = |a: &[usize], b: &[usize]| {
            a.iter().any(|&x| b.iter().any(|&y| not_same.contains(&identity::ordered(&origins[x], &origins[y]))))
        };
        // 1. The resolver's `same`, closed under transitivity before anything is joined.
        let mut by_key: HashMap<&RecordKey, Vec<usize>> = HashMap::new();
        for (x, o) in origins.iter().enumerate() {
            by_key.entry(o).or_default().push(x);
        }
        for (a, b) in &self.same {
            if a.kind != kind || b.kind != kind {
                continue;
            }
            let (Some(xa), Some(xb)) = (by_key.get(a), by_key.get(b)) else { continue };
            // One chain through every record the two keys name: linear however many inputs
            // repeat a dossier id.
            let mut all = xa.iter().chain(xb.iter()).copied();
            let Some(first) = all.next() else { continue };
            for x in all {
                c.join(first, x, MatchedBy::Resolver, true, &|_, _| false);
            }
        }
        // 2. Shared identifiers, in canonical order; first between records that also share
        // their id, so that merging a dossier with itself pairs each record with itself.
        for same_id in [true, false] {
            let mut first_with: HashMap<(&IdentityKey, &str), usize> = HashMap::new();
            for x in 0..n {
                let id = if same_id { ids[x].as_str() } else { "" };
                for key in &keys[x] {
                    match first_with.get(&(key, id)) {
                        Some(&f) => {
                            let by = MatchedBy::Identifier { scheme: key.scheme.clone(), value: key.value.clone() };
                            c.join(f, x, by, false, &vetoed);
                        }
                        None => {
                            first_with.insert((key, id), x);
                        }
                    }
                }
            }
        }
        // 3. Equal content, once references name merged records (same id first, as above):
        // references to other kinds were rewritten when those kinds were joined; references to
        // this kind name what the record is (content.rs), so no grouping of inputs changes it.
        let mut values: Vec<Map<String, Value>> = Vec::with_capacity(n);
        for d in &self.inputs {
            values.extend(record_values(d, kind));
        }
        let mut members_of: HashMap<usize, Vec<usize>> = HashMap::new();
        for x in 0..n {
            let root = c.find(x);
            members_of.entry(root).or_default().push(x);
        }
        let mut group: Vec<Option<String>> = vec![None; n];
        for list in members_of.values().filter(|l| l.len() > 1) {
            // The group's label whatever order its members came in: its least origin.
            let label = list.iter().map(|&x| origins[x].to_string()).min().unwrap_or_default();
            for &x in list {
                group[x] = Some(label.clone());
            }
        }
        let canons = content::canons(&self.inputs, kind, &nodes, &ids, &values, &group);
        for same_id in [true, false] {
            let mut first_canon: HashMap<(&str, &str), usize> = HashMap::new();
            for (x, canon) in canons.iter().enumerate() {
                let id = if same_id { ids[x].as_str() } else { "" };
                match first_canon.get(&(canon.as_str(), id)) {
                    Some(&f) => {
                        c.join(f, x, MatchedBy::SameContent, false, &vetoed);
                    }
                    None => {
                        first_canon.insert((canon, id), x);
                    }
                }
            }
        }
        // Groups, in the order of their first member.
        let mut group_of: Vec<usize> = vec![usize::MAX; n];
        let mut groups: Vec<Group> = Vec::new();
        let mut members: Vec<Vec<usize>> = Vec::new();
        for (x, &node) in nodes.iter().enumerate() {
            let root = c.find(x);
            if group_of[root] == usize::MAX {
                group_of[root] = groups.len();
                groups.push(Group { id: String::new(), members: Vec::new() });
                members.push(Vec::new());
            }
            let g = group_of[root];
            groups[g].members.push(node);
            members[g].push(x);
        }
        // Ids: each group wants its first member's; the first group to want one gets it, the
        // others `id:dossier` (the whole dossier id), then `-2`, `-3` … per name.
        let mut taken: HashSet<String> = HashSet::new();
        let mut wanted_by_other = vec![false; groups.len()];
        for (g, list) in members.iter().enumerate() {
            let want = &ids[list[0]];
            if !taken.insert(want.clone()) {
                wanted_by_other[g] = true;
            }
        }
        let mut counters: HashMap<String, usize> = HashMap::new();
        for (g, list) in members.iter().enumerate() {
            let first = list[0];
            let want = &ids[first];
            groups[g].id = if wanted_by_other[g] {
                let dossier = self.inputs[nodes[first].0].id.as_str();
                fresh(&format!("{want}:{dossier}"), &mut taken, &mut counters)
            } else {
                want.clone()
            };
        }
        // The report, and the references of every input.
        let mut maps: Vec<HashMap<String, String>> = vec![HashMap::new(); self.inputs.len()];
        for (g, list) in members.iter().enumerate() {
            let into = &groups[g].id;
            for (k, &x) in list.iter().enumerate() {
                if k == 0 {
                    if ids[x] != *into {
                        self.report.renamed.push(Rename { from: origins[x].clone(), to: into.clone() });
                    }
                } else {
                    let by = c.reason[x].clone().unwrap_or(MatchedBy::SameContent);
                    self.report.merged.push(Merge { from: origins[x].clone(), into: into.clone(), by });
                }
                if ids[x] != *into {
                    maps[nodes[x].0].insert(ids[x].clone(), into.clone());
                }
            }
        }
        for (d, map) in self.inputs.iter_mut().zip(&maps) {
            refs::remap(d, kind, map);
        }
        self.groups[slot_of(kind)] = groups;
    }

    fn finish(mut self) -> Result<Merged, Error> {
        self.take_disputes();
        let mut doc = Map::new();
        let version = self.inputs.iter().map(|d| d.schema_version).max().unwrap_or(SchemaVersion::CURRENT);
        doc.insert("schema_version".into(), Value::String(version.to_string()));
        doc.insert("id".into(), Value::String(self.dossier_id()));
        self.dossier_values(&mut doc);
        // Clauses are identified within their agreement: a clashing clause id gets a fresh
        // one, and its agreement's references follow.
        for group in &self.groups[slot_of(RecordKind::Agreement)] {
            rename_clashing_clauses(&mut self.inputs, &group.members);
        }
        let mut lists: Vec<(RecordKind, Vec<Value>)> = Vec::new();
        // Disputes are not grouped like the other kinds: `self.disputes` joins them below.
        for kind in identity::TOP_LEVEL.into_iter().filter(|k| ORDER.contains(k)) {
            let groups = std::mem::take(&mut self.groups[slot_of(kind)]);
            let values: Vec<Vec<Map<String, Value>>> = self.inputs.iter().map(|d| record_values(d, kind)).collect();
            let mut out = Vec::with_capacity(groups.len());
            for group in groups {
                let members: Vec<value::Member> = group
                    .members
                    .iter()
                    .filter_map(|&(i, pos)| {
                        let d = self.inputs.get(i)?;
                        let value = values.get(i)?.get(pos)?.clone();
                        let local = value.get("id").and_then(Value::as_str).unwrap_or("").to_owned();
                        let from = RecordKey::new(d.id.clone(), kind, RecordId::from_local(&local));
                        Some(value::Member { value, from })
                    })
                    .collect();
                let record = value::merge_group(kind, &group.id, members, &mut self.disputes, &mut self.report);
                out.push(Value::Object(record));
            }
            lists.push((kind, out));
        }
        for (kind, list) in lists {
            if !list.is_empty() {
                doc.insert(identity::list_name(kind).into(), Value::Array(list));
            }
        }
        if !self.disputes.list.is_empty() {
            let list = std::mem::take(&mut self.disputes.list).into_iter().map(Value::Object).collect();
            doc.insert("disputes".into(), Value::Array(list));
        }
        let dossier: Dossier =
            serde_json::from_value(Value::Object(doc)).map_err(|e| Error::from_json(e, String::new()))?;
        // valid + valid is valid, or the report names why not.
        for issue in dossier.validate().issues() {
            if issue.severity == crate::Severity::Error {
                self.report.named.push(NamedConflict {
                    code: issue.code.to_string(),
                    path: issue.path.clone(),
                    message: issue.message.clone(),
                });
            }
        }
        Ok(Merged { dossier, report: self.report })
    }

    /// The id the user chose; else the inputs' id when they share it, else the least (the
    /// canonical order's first).
    fn dossier_id(&self) -> String {
        if let Some(id) = &self.id {
            return id.to_string();
        }
        self.inputs.first().map_or_else(|| "merged".to_owned(), |d| d.id.to_string())
    }

    /// The dossier's title and extensions: the canonically first value is shown, any other is
    /// a named conflict; lists a later version of the model may add are unioned.
    fn dossier_values(&mut self, doc: &mut Map<String, Value>) {
        let mut title: Option<(String, &DossierId)> = None;
        let mut extensions: Map<String, Value> = Map::new();
        let mut others: Map<String, Value> = Map::new();
        let mut known: HashSet<&str> = identity::TOP_LEVEL.iter().map(|k| identity::list_name(*k)).collect();
        known.insert("disputes");
        let chosen = self.title.is_some();
        for d in &self.inputs {
            match (&title, &d.title) {
                _ if chosen => {}
                (None, Some(t)) => title = Some((t.clone(), &d.id)),
                (Some((shown, from)), Some(t)) if shown != t => self.report.named.push(NamedConflict {
                    code: "dossier_title".into(),
                    path: "/title".into(),
                    message: format!("'{shown}' (from {from}) is shown; {} titles itself '{t}'", d.id),
                }),
                _ => {}
            }
            for (k, v) in d.extensions.iter() {
                match extensions.get(k) {
                    None => {
                        extensions.insert(k.to_owned(), v.clone());
                    }
                    Some(shown) if shown != v => self.report.named.push(NamedConflict {
                        code: "dossier_extension".into(),
                        path: format!("/extensions/{}", crate::pointer::escape_token(k)),
                        message: format!("{shown} is shown; {} gives {v}", d.id),
                    }),
                    Some(_) => {}
                }
            }
            if let Value::Object(map) = serde_json::to_value(d).unwrap_or(Value::Null) {
                for (key, list) in map {
                    if let Value::Array(list) = list {
                        if !known.contains(key.as_str()) {
                            match others.get_mut(&key) {
                                Some(Value::Array(old)) => value::union(old, list),
                                _ => {
                                    others.insert(key, Value::Array(list));
                                }
                            }
                        }
                    }
                }
            }
        }
        if let Some(t) = self.title.clone().or(title.map(|(t, _)| t)) {
            doc.insert("title".into(), Value::String(t));
        }
        if !extensions.is_empty() {
            doc.insert("extensions".into(), Value::Object(extensions));
        }
        for (k, v) in others {
            doc.entry(k).or_insert(v);
        }
    }

    /// Before records are compared: a dispute whose id an earlier input gives to a different
    /// dispute is renamed `id:dossier`, and its marks follow, so that records marked with
    /// different disputes do not look alike.
    fn separate_disputes(&mut self) {
        let mut held: HashMap<String, String> = HashMap::new();
        let mut taken: HashSet<String> = HashSet::new();
        let mut counters = HashMap::new();
        for d in &mut self.inputs {
            let mut map = HashMap::new();
            for dispute in &mut d.disputes {
                let mut body = to_map(&*dispute);
                body.remove("id");
                let body = Value::Object(body).to_string();
                let id = dispute.id.to_string();
                match held.get(&id) {
                    None => {
                        taken.insert(id.clone());
                        held.insert(id, body);
                    }
                    Some(b) if *b == body => {}
                    Some(_) => {
                        let new = fresh(&format!("{id}:{}", d.id), &mut taken, &mut counters);
                        let Ok(new_id) = crate::ids::DisputeId::new(&new) else { continue };
                        if let Some(from) = RecordKey::parse(d.id.as_str(), RecordKind::Dispute, &id) {
                            self.report.renamed.push(Rename { from, to: new.clone() });
                        }
                        held.insert(new.clone(), body);
                        map.insert(id, new);
                        dispute.id = new_id;
                    }
                }
            }
            refs::remap(d, RecordKind::Dispute, &map);
        }
    }

    /// Takes in the inputs' disputes. Two are one when they are equal and about the same thing
    /// (the same merged records, or the same record's field): equal-looking disputes of two
    /// different agreements stay two. A dispute whose id another holds is renamed, and so are
    /// the marks naming it.
    fn take_disputes(&mut self) {
        let mut seen: HashMap<String, String> = HashMap::new();
        let mut counters = HashMap::new();
        for d in &mut self.inputs {
            let about = dispute_subjects(d);
            let mut map = HashMap::new();
            for dispute in std::mem::take(&mut d.disputes) {
                let mut value = to_map(&dispute);
                let id = dispute.id.to_string();
                value.remove("id");
                let key = format!(
                    "{}\u{0}{}",
                    Value::Object(value.clone()),
                    about.get(id.as_str()).map(String::as_str).unwrap_or("")
                );
                if let Some(held) = seen.get(&key) {
                    if *held != id {
                        map.insert(id, held.clone());
                    }
                    continue;
                }
                let new = if self.disputes.ids.contains(&id) {
                    let new = fresh(&format!("{id}:{}", d.id), &mut self.disputes.ids, &mut counters);
                    if let Some(from) = RecordKey::parse(d.id.as_str(), RecordKind::Dispute, &id) {
                        self.report.renamed.push(Rename { from, to: new.clone() });
                    }
                    map.insert(id.clone(), new.clone());
                    new
                } else {
                    self.disputes.ids.insert(id.clone());
                    id.clone()
                };
                seen.insert(key, new.clone());
                value.insert("id".into(), Value::String(new));
                self.disputes.list.push(value);
            }
            refs::remap(d, RecordKind::Dispute, &map);
        }
    }
}

/// What each dispute of `d` is about: the records holding its marks (kind, id, list) and, for
/// a dispute over a field, the record and field; sorted, as one string.
fn dispute_subjects(d: &Dossier) -> HashMap<String, String> {
    let mut about: HashMap<String, Vec<String>> = HashMap::new();
    crate::nested::marks(d, &mut |_, id, marked| {
        let subject = match marked {
            crate::nested::Marked::Nested(n) => {
                let (kind, holder) = n.holder.kind_and_id();
                format!("{kind}/{holder}/{}", n.fact.kind().noun())
            }
            crate::nested::Marked::TroopPresence(_) => "troop_presence".into(),
            crate::nested::Marked::Support(_) => "support".into(),
            crate::nested::Marked::Statement(_) => "statement".into(),
        };
        about.entry(id.to_string()).or_default().push(subject);
    });
    for dispute in &d.disputes {
        if let Some(record) = &dispute.record {
            about.entry(dispute.id.to_string()).or_default().push(format!(
                "{}/{}",
                serde_json::to_string(record).unwrap_or_default(),
                dispute.field.as_deref().unwrap_or("")
            ));
        }
    }
    about
        .into_iter()
        .map(|(id, mut list)| {
            list.sort();
            list.dedup();
            (id, list.join("\u{0}"))
        })
        .collect()
}

/// The disputes of the result: those of the inputs and those the merge creates.
#[derive(Default)]
pub(super) struct Disputes {
    list: Vec<Map<String, Value>>,
    ids: HashSet<String>,
    counters: HashMap<String, usize>,
}

impl Disputes {
    /// Adds a dispute with an id derived from `base` and returns the id.
    pub(super) fn create(&mut self, base: &str, mut body: Map<String, Value>) -> String {
        let id = fresh(base, &mut self.ids, &mut self.counters);
        body.insert("id".into(), Value::String(id.clone()));
        self.list.push(body);
        id
    }
}

/// `base` (cut to fit an id) if free, else `base-2`, `base-3` …; reserved before it is
/// returned. One counter per base keeps this linear however many records share a name.
fn fresh(base: &str, taken: &mut HashSet<String>, counters: &mut HashMap<String, usize>) -> String {
    let base = cut(base, 120);
    if taken.insert(base.to_owned()) {
        return base.to_owned();
    }
    let n = counters.entry(base.to_owned()).or_insert(1);
    loop {
        *n += 1;
        let candidate = format!("{base}-{n}");
        if taken.insert(candidate.clone()) {
            return candidate;
        }
    }
}

/// Gives a clause of an agreement group a fresh id when another member holds a different clause
/// under its id; the member's references to it follow.
fn rename_clashing_clauses(inputs: &mut [Dossier], members: &[(usize, usize)]) {
    if members.len() < 2 {
        return;
    }
    let mut held: HashMap<String, String> = HashMap::new();
    let mut taken: HashSet<String> = HashSet::new();
    let mut counters = HashMap::new();
    for &(i, pos) in members {
        let Some(a) = inputs.get_mut(i).and_then(|d| d.agreements.get_mut(pos)) else { continue };
        let mut map: HashMap<String, String> = HashMap::new();
        for c in &mut a.clauses {
            let key = value::fact_key(&value::without_id(&Value::Object(to_map(&*c))));
            match held.get(c.id.as_str()) {
                None => {
                    held.insert(c.id.to_string(), key);
                    taken.insert(c.id.to_string());
                }
                Some(k) if *k == key => {}
                Some(_) => {
                    let fresh = fresh(c.id.as_str(), &mut taken, &mut counters);
                    if let Ok(id) = crate::ids::ClauseId::new(&fresh) {
                        held.insert(fresh.clone(), key);
                        map.insert(c.id.to_string(), fresh);
                        c.id = id;
                    }
                }
            }
        }
        if map.is_empty() {
            continue;
        }
        crate::walk::write::agreement(a, &crate::validate::Path::ROOT, &mut |_, id| {
            if let crate::walk::IdMut::Clause(c) = id {
                if let Some(new) = map.get(c.as_str()).and_then(|n| crate::ids::ClauseId::new(n).ok()) {
                    *c = new;
                }
            }
        });
    }
}

fn cut(s: &str, n: usize) -> &str {
    // Ids are ASCII: any byte index is a char boundary.
    s.get(..n.min(s.len())).unwrap_or(s)
}

/// A record's content without its id, as a string to compare and hash.
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

// By hand: the inputs are kept whole until the merge; what a reader wants is how many.
impl fmt::Debug for Merger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Merger").field("inputs", &self.inputs.len()).finish_non_exhaustive()
    }
}
