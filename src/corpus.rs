//! Many dossiers held together: records addressed across dossiers (a dossier id and a local
//! id, or an external identifier), and queries over all of them.
//!
//! ```
//! # use defense_agreements::corpus::Corpus;
//! # use defense_agreements::identity::IdentityKey;
//! let corpus = Corpus::from_files(["examples/data/iran-syria-2020.json", "examples/data/us-japan-1960.json"])?;
//! // Japan, found by its ISO code in whichever dossier tells of it.
//! let japan = IdentityKey::iso("JPN");
//! let day = "2020-08-01".parse()?;
//! let binding: Vec<&str> = corpus.agreements_binding(&japan, day).map(|(_, a)| a.id.as_str()).collect();
//! assert_eq!(binding, ["us-japan-1960", "us-japan-sofa-1960"]);
//! // Forces reported in Syria in July 2020: the IRGC's and the militias'.
//! let syria = "SYR".parse()?;
//! assert_eq!(corpus.forces_present(syria, "2020-07-15".parse()?).count(), 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;

use chrono::NaiveDate;

use crate::agreement::Agreement;
use crate::dossier::Dossier;
use crate::error::Error;
use crate::identity::{self, IdentityKey, RecordKey, RecordKind, Resolver};
use crate::ids::DossierId;
use crate::merge::{Merged, Merger};
use crate::troop_presence::TroopPresence;
use crate::values::{CountryCode, Identifier};

/// Where a record sits in a corpus: which dossier, which position in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Location {
    /// The dossier's position in the corpus.
    pub dossier: usize,
    /// The record's kind.
    pub kind: RecordKind,
    /// The record's position in the dossier's list of that kind.
    pub index: usize,
}

/// A corpus could not take a dossier.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CorpusError {
    /// Two dossiers with one id: cross-dossier references would be ambiguous.
    #[error("dossier id '{0}' is already in the corpus")]
    DuplicateDossier(String),
    /// A dossier could not be read.
    #[error(transparent)]
    Read(#[from] Error),
}

/// A reference across dossiers that does not resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CorpusIssue {
    /// Where, as a JSON Pointer into the document holding the reference.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for CorpusIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Dossiers held together, with an index of every record by `dossier/kind/id` and by
/// external identity. Building it is linear in the corpus's size.
#[derive(Debug, Default, Clone)]
pub struct Corpus {
    dossiers: Vec<Dossier>,
    by_id: HashMap<DossierId, usize>,
    records: HashMap<(usize, RecordKind, String), usize>,
    identities: HashMap<(RecordKind, IdentityKey), Vec<Location>>,
}

impl Corpus {
    /// An empty corpus.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a dossier; its id must be new to the corpus.
    pub fn push(&mut self, dossier: Dossier) -> Result<(), CorpusError> {
        if self.by_id.contains_key(&dossier.id) {
            return Err(CorpusError::DuplicateDossier(dossier.id.to_string()));
        }
        let n = self.dossiers.len();
        self.by_id.insert(dossier.id.clone(), n);
        let d = &dossier;
        let mut add = |kind: RecordKind, index: usize, id: &str, keys: Vec<IdentityKey>| {
            self.records.entry((n, kind, id.to_owned())).or_insert(index);
            for key in keys {
                self.identities.entry((kind, key)).or_default().push(Location { dossier: n, kind, index });
            }
        };
        for (i, r) in d.actors.iter().enumerate() {
            add(RecordKind::Actor, i, r.id.as_str(), identity::actor_keys(r));
        }
        for (i, r) in d.people.iter().enumerate() {
            add(RecordKind::Person, i, r.id.as_str(), identity::person_keys(r));
        }
        for (i, r) in d.agreements.iter().enumerate() {
            add(RecordKind::Agreement, i, r.id.as_str(), identity::agreement_keys(r));
        }
        for (i, r) in d.troop_presences.iter().enumerate() {
            add(RecordKind::TroopPresence, i, r.id.as_str(), Vec::new());
        }
        for (i, r) in d.supports.iter().enumerate() {
            add(RecordKind::Support, i, r.id.as_str(), Vec::new());
        }
        for (i, r) in d.statements.iter().enumerate() {
            add(RecordKind::Statement, i, r.id.as_str(), Vec::new());
        }
        for (i, r) in d.sources.iter().enumerate() {
            add(RecordKind::Source, i, r.id.as_str(), identity::source_keys(r));
        }
        self.dossiers.push(dossier);
        Ok(())
    }

    /// Every dossier of each file: one per line of a `.jsonl` file, one per other file.
    pub fn from_files<P: AsRef<Path>>(paths: impl IntoIterator<Item = P>) -> Result<Self, CorpusError> {
        let mut corpus = Self::new();
        for path in paths {
            for d in crate::jsonl::read_file(path)? {
                corpus.push(d)?;
            }
        }
        Ok(corpus)
    }

    /// Every dossier of a JSON Lines stream; the first bad line stops the reading.
    pub fn from_jsonl(input: impl BufRead) -> Result<Self, CorpusError> {
        let mut corpus = Self::new();
        for d in crate::jsonl::Reader::new(input) {
            corpus.push(d?)?;
        }
        Ok(corpus)
    }

    /// The dossiers, in the order they were added.
    pub fn dossiers(&self) -> &[Dossier] {
        &self.dossiers
    }

    /// The number of dossiers.
    pub fn len(&self) -> usize {
        self.dossiers.len()
    }

    /// Whether the corpus holds no dossier.
    pub fn is_empty(&self) -> bool {
        self.dossiers.is_empty()
    }

    /// The dossier with this id.
    pub fn dossier(&self, id: &str) -> Option<&Dossier> {
        self.by_id.get(id).and_then(|&i| self.dossiers.get(i))
    }

    /// Finds a record by dossier id, kind and local id.
    pub fn locate(&self, key: &RecordKey) -> Option<Location> {
        let n = *self.by_id.get(key.dossier.as_str())?;
        let index = *self.records.get(&(n, key.kind, key.id.to_string()))?;
        Some(Location { dossier: n, kind: key.kind, index })
    }

    /// Every record of `kind`, in any dossier, that carries the external identity `key`.
    pub fn with_identity(&self, kind: RecordKind, key: &IdentityKey) -> &[Location] {
        self.identities.get(&(kind, key.clone())).map_or(&[], Vec::as_slice)
    }

    /// The record key of a location.
    pub fn key(&self, at: Location) -> Option<RecordKey> {
        let d = self.dossiers.get(at.dossier)?;
        let id = match at.kind {
            RecordKind::Actor => d.actors.get(at.index)?.id.as_str(),
            RecordKind::Person => d.people.get(at.index)?.id.as_str(),
            RecordKind::Agreement => d.agreements.get(at.index)?.id.as_str(),
            RecordKind::TroopPresence => d.troop_presences.get(at.index)?.id.as_str(),
            RecordKind::Support => d.supports.get(at.index)?.id.as_str(),
            RecordKind::Statement => d.statements.get(at.index)?.id.as_str(),
            RecordKind::Source => d.sources.get(at.index)?.id.as_str(),
            _ => return None,
        };
        RecordKey::parse(d.id.as_str(), at.kind, id)
    }

    /// Resolves a reference across dossiers to the records it names: by dossier and local id,
    /// or by outside identifiers (any one shared identifies a record; within `dossier` when it
    /// is given). This is the resolution a cross-dossier reference field uses.
    pub fn resolve(
        &self,
        kind: RecordKind,
        dossier: Option<&str>,
        id: Option<&str>,
        identifiers: &[Identifier],
    ) -> Vec<Location> {
        let n = match dossier {
            Some(d) => match self.by_id.get(d) {
                Some(&n) => Some(n),
                None => return Vec::new(),
            },
            None => None,
        };
        if let (Some(n), Some(id)) = (n, id) {
            return self
                .records
                .get(&(n, kind, id.to_owned()))
                .map(|&index| vec![Location { dossier: n, kind, index }])
                .unwrap_or_default();
        }
        let mut out: Vec<Location> = identifiers
            .iter()
            .flat_map(|i| self.with_identity(kind, &IdentityKey::of(i.scheme.as_str(), &i.value)).iter().copied())
            .filter(|at| n.is_none_or(|n| at.dossier == n))
            .collect();
        out.sort_by_key(|at| (at.dossier, at.index));
        out.dedup();
        out
    }

    /// Checks a resolver against the corpus: every record a judgement names must be in it.
    pub fn check_resolver(&self, resolver: &Resolver) -> Vec<CorpusIssue> {
        let mut issues = Vec::new();
        for (i, j) in resolver.judgements.iter().enumerate() {
            for (side, key) in [("left", &j.left), ("right", &j.right)] {
                if self.locate(key).is_none() {
                    let message = match self.dossier(key.dossier.as_str()) {
                        None => format!("no dossier '{}' in the corpus", key.dossier),
                        Some(_) => format!("no {} '{}' in dossier '{}'", key.kind, key.id, key.dossier),
                    };
                    issues.push(CorpusIssue { path: format!("/judgements/{i}/{side}"), message });
                }
            }
        }
        issues
    }

    /// Every agreement, in any dossier, that binds the actor with external identity `actor` on
    /// `day` (see [`Agreement::binds_on`]), with its dossier.
    pub fn agreements_binding<'a>(
        &'a self,
        actor: &IdentityKey,
        day: NaiveDate,
    ) -> impl Iterator<Item = (&'a Dossier, &'a Agreement)> + 'a {
        let found = self.with_identity(RecordKind::Actor, actor).to_vec();
        found.into_iter().flat_map(move |at| {
            let d = &self.dossiers[at.dossier];
            let id = d.actors.get(at.index).map(|a| a.id.as_str()).unwrap_or("");
            d.agreements_binding(id, day).map(move |a| (d, a))
        })
    }

    /// Every troop presence, in any dossier, reported in `country` on `day`, with its dossier.
    /// A presence with `since` counts from then up to `as_of` (or without end when there is no
    /// `as_of`); one with only `as_of` counts on the days `as_of` names.
    pub fn forces_present(
        &self,
        country: CountryCode,
        day: NaiveDate,
    ) -> impl Iterator<Item = (&Dossier, &TroopPresence)> {
        self.dossiers
            .iter()
            .flat_map(move |d| d.forces_in(country).filter(move |t| present_on(t, day)).map(move |t| (d, t)))
    }

    /// Merges every dossier of the corpus into one, in order.
    pub fn merge(&self, resolver: &Resolver) -> Result<Merged, Error> {
        let mut m = Merger::new(resolver);
        for d in &self.dossiers {
            m.add(d);
        }
        m.finish()
    }
}

/// Whether a presence is reported on `day`.
pub fn present_on(t: &TroopPresence, day: NaiveDate) -> bool {
    match (&t.since, &t.as_of) {
        (Some(since), as_of) => {
            since.earliest().is_none_or(|s| s <= day) && as_of.is_none_or(|a| a.latest().is_none_or(|l| day <= l))
        }
        (None, Some(as_of)) => as_of.earliest().is_some_and(|s| s <= day) && as_of.latest().is_some_and(|l| day <= l),
        (None, None) => false,
    }
}

impl IdentityKey {
    /// The identity of a state by its ISO 3166 alpha-3 code.
    pub fn iso(code: &str) -> Self {
        Self { scheme: identity::ISO_SCHEME.to_owned(), value: code.to_owned() }
    }

    /// An identity in any scheme: `wikidata` `Q794`.
    pub fn of(scheme: &str, value: &str) -> Self {
        Self { scheme: scheme.to_owned(), value: value.to_owned() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_resolve_by_id_or_identifier_and_resolvers_are_checked() -> Result<(), Box<dyn std::error::Error>> {
        let c = Corpus::from_files(["examples/data/iran-syria-2020.json", "examples/data/us-japan-1960.json"])?;
        let by_id = c.resolve(RecordKind::Actor, Some("us-japan-1960"), Some("japan"), &[]);
        assert_eq!(by_id.len(), 1);
        let q30 = Identifier::new("wikidata", "Q30")?;
        let everywhere = c.resolve(RecordKind::Actor, None, None, std::slice::from_ref(&q30));
        assert_eq!(everywhere.len(), 2, "the United States is in both dossiers");
        assert_eq!(c.resolve(RecordKind::Actor, Some("us-japan-1960"), None, &[q30]).len(), 1);
        assert!(c.resolve(RecordKind::Actor, Some("nowhere"), Some("japan"), &[]).is_empty());
        let r = Resolver::from_json(
            r#"{"resolver_version": "1.0", "judgements": [{
                "left": {"dossier": "iran-syria-2020", "type": "actor", "id": "united-states"},
                "right": {"dossier": "us-japan-1960", "type": "actor", "id": "usa"},
                "judgement": "same", "decided_by": "test", "decided_at": "2026"}]}"#,
        )?;
        let issues: Vec<String> = c.check_resolver(&r).iter().map(ToString::to_string).collect();
        assert_eq!(issues, ["/judgements/0/right: no actor 'usa' in dossier 'us-japan-1960'"]);
        Ok(())
    }

    #[test]
    fn one_dossier_id_once() -> Result<(), Box<dyn std::error::Error>> {
        let mut c = Corpus::new();
        c.push(Dossier::new(DossierId::new("a")?))?;
        assert!(matches!(c.push(Dossier::new(DossierId::new("a")?)), Err(CorpusError::DuplicateDossier(_))));
        assert_eq!(c.len(), 1);
        Ok(())
    }
}
