//! Identity: when two records, kept in two dossiers, are the same thing.
//!
//! Two records are the same when they share an external identifier of the same scheme
//! (`wikidata`, `cow`, `atop`, `unts` …; a state actor's ISO 3166 code counts as one), or when a
//! person said so in a [`Resolver`] document. Never by name alone: names are only evidence, for
//! [`xref`](crate::xref) to put before a person.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::actor::Actor;
use crate::agreement::Agreement;
use crate::ids::{DossierId, RecordId};
use crate::person::Person;
use crate::source::Source;
use crate::values::EdtfDate;

pub use crate::walk::RecordKind;

/// The kinds of record a dossier holds in its top-level lists, in the order of those lists:
/// every kind but clauses (which live inside their agreement).
pub const TOP_LEVEL: [RecordKind; 7] = [
    RecordKind::Actor,
    RecordKind::Person,
    RecordKind::Agreement,
    RecordKind::TroopPresence,
    RecordKind::Support,
    RecordKind::Statement,
    RecordKind::Source,
];

/// The dossier's list holding records of `kind`: `actors`, `people` … (`clauses` for clauses,
/// which each agreement lists).
pub fn list_name(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Actor => "actors",
        RecordKind::Person => "people",
        RecordKind::Agreement => "agreements",
        RecordKind::Clause => "clauses",
        RecordKind::TroopPresence => "troop_presences",
        RecordKind::Support => "supports",
        RecordKind::Statement => "statements",
        RecordKind::Dispute => "disputes",
        _ => "sources",
    }
}

/// A record anywhere: the dossier it is kept in, its kind and its local id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RecordKey {
    /// The dossier's id.
    pub dossier: DossierId,
    /// The kind of record.
    #[serde(rename = "type")]
    pub kind: RecordKind,
    /// The record's local id in that dossier.
    pub id: RecordId,
}

impl RecordKey {
    /// The record `id` of kind `kind` in dossier `dossier`.
    pub fn new(dossier: DossierId, kind: RecordKind, id: RecordId) -> Self {
        Self { dossier, kind, id }
    }

    /// The same, from strings; `None` when either id is malformed.
    pub fn parse(dossier: &str, kind: RecordKind, id: &str) -> Option<Self> {
        Some(Self::new(DossierId::new(dossier).ok()?, kind, RecordId::new(id).ok()?))
    }
}

impl fmt::Display for RecordKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}/{}", self.dossier, list_name(self.kind), self.id)
    }
}

/// What a person decided about two records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Decision {
    /// The two records are the same thing: merge them.
    Same,
    /// They are different things, whatever their identifiers or names suggest: keep both.
    NotSame,
    /// Undecided: keep both, and stop proposing the pair as new.
    Unsure,
}

impl Decision {
    /// The decision in snake_case, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Same => "same",
            Self::NotSame => "not_same",
            Self::Unsure => "unsure",
        }
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is not a decision.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown decision '{0}': expected same, not_same or unsure")]
pub struct DecisionError(String);

impl FromStr for Decision {
    type Err = DecisionError;
    fn from_str(s: &str) -> Result<Self, DecisionError> {
        [Self::Same, Self::NotSame, Self::Unsure]
            .into_iter()
            .find(|d| d.as_str() == s)
            .ok_or_else(|| DecisionError(s.to_owned()))
    }
}

/// One human judgement on two records of the same kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Judgement {
    /// One record.
    pub left: RecordKey,
    /// The other record (of the same kind).
    pub right: RecordKey,
    /// What was decided.
    pub judgement: Decision,
    /// Who decided (a name, a handle, a tool's name for automatic rules).
    pub decided_by: String,
    /// When (EDTF, usually a day).
    pub decided_at: EdtfDate,
    /// Why, for the next reader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Judgement {
    /// A judgement with no reason given.
    pub fn new(
        left: RecordKey,
        right: RecordKey,
        judgement: Decision,
        decided_by: impl Into<String>,
        decided_at: EdtfDate,
    ) -> Self {
        Self { left, right, judgement, decided_by: decided_by.into(), decided_at, reason: None }
    }

    /// The same judgement with its reason.
    pub fn because(mut self, reason: impl Into<String>) -> Self {
        self.reason = Some(reason.into());
        self
    }
}

/// The resolver format version this crate writes.
pub const RESOLVER_VERSION: &str = "1.0";

/// A log of human judgements on pairs of records: the input that lets a merge join records with
/// no shared identifier (and keep apart records that share one by mistake).
///
/// The log is append-only: when one pair is judged twice, the later judgement stands.
/// Judgements of `same` are transitive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", schemars(title = "Resolver"))]
#[non_exhaustive]
pub struct Resolver {
    /// The version of the resolver format, `"1.0"`.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^1\.(0|[1-9][0-9]{0,8})$")))]
    pub resolver_version: String,
    /// The judgements, oldest first.
    #[serde(default)]
    pub judgements: Vec<Judgement>,
}

impl Default for Resolver {
    fn default() -> Self {
        Self::new()
    }
}

/// A resolver document that cannot be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ResolverError {
    /// Not JSON of the resolver's shape.
    #[error("invalid resolver document: {0}")]
    Json(#[from] serde_json::Error),
    /// A version this crate does not read.
    #[error("unsupported resolver_version '{0}': this crate reads 1.x resolver documents")]
    Version(String),
    /// A judgement on two records of different kinds, or with an empty `decided_by`.
    #[error("/judgements/{index}: {message}")]
    Judgement {
        /// The judgement's position.
        index: usize,
        /// What is wrong.
        message: String,
    },
}

impl Resolver {
    /// An empty resolver of the current version.
    pub fn new() -> Self {
        Self { resolver_version: RESOLVER_VERSION.to_owned(), judgements: Vec::new() }
    }

    /// Reads a resolver document and checks it.
    pub fn from_json(json: &str) -> Result<Self, ResolverError> {
        let resolver: Resolver = serde_json::from_str(json.strip_prefix('\u{FEFF}').unwrap_or(json))?;
        let major = resolver.resolver_version.split_once('.').map(|(m, _)| m);
        let minor_ok = resolver.resolver_version.split_once('.').is_some_and(|(_, m)| {
            !m.is_empty() && m.bytes().all(|b| b.is_ascii_digit()) && (m == "0" || !m.starts_with('0'))
        });
        if major != Some("1") || !minor_ok {
            return Err(ResolverError::Version(resolver.resolver_version));
        }
        for (index, j) in resolver.judgements.iter().enumerate() {
            let message = if j.left.kind == RecordKind::Clause {
                "judges a clause: judge the agreements, whose clauses merge with them".to_owned()
            } else if j.left.kind != j.right.kind {
                format!("judges a {} against a {}: both records must be of one kind", j.left.kind, j.right.kind)
            } else if j.decided_by.trim().is_empty() {
                "decided_by is empty: say who decided".to_owned()
            } else {
                continue;
            };
            return Err(ResolverError::Judgement { index, message });
        }
        Ok(resolver)
    }

    /// The document as indented JSON.
    pub fn to_json_pretty(&self) -> String {
        // Every key is a string: serializing cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Appends a judgement.
    pub fn push(&mut self, judgement: Judgement) {
        self.judgements.push(judgement);
    }

    /// The standing decision on a pair, whichever order it is given in.
    pub fn decision(&self, a: &RecordKey, b: &RecordKey) -> Option<Decision> {
        self.judgements
            .iter()
            .rev()
            .find(|j| (&j.left == a && &j.right == b) || (&j.left == b && &j.right == a))
            .map(|j| j.judgement)
    }

    /// The standing decisions, indexed by unordered pair: later judgements replace earlier ones.
    pub fn index(&self) -> HashMap<(RecordKey, RecordKey), Decision> {
        let mut out = HashMap::with_capacity(self.judgements.len());
        for j in &self.judgements {
            out.insert(ordered(&j.left, &j.right), j.judgement);
        }
        out
    }
}

/// A pair in a fixed order, so that (a, b) and (b, a) are one key.
pub(crate) fn ordered(a: &RecordKey, b: &RecordKey) -> (RecordKey, RecordKey) {
    if a <= b { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) }
}

/// An external identity of a record: a scheme and a value (`wikidata` `Q794`; `iso3166` `IRN`
/// for a state actor).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub struct IdentityKey {
    /// The scheme.
    pub scheme: String,
    /// The value within the scheme.
    pub value: String,
}

impl IdentityKey {
    fn new(scheme: &str, value: &str) -> Self {
        Self { scheme: scheme.to_owned(), value: value.trim().to_owned() }
    }
}

impl fmt::Display for IdentityKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.scheme, self.value)
    }
}

/// The scheme under which a state actor's ISO 3166 alpha-3 code identifies it.
pub const ISO_SCHEME: &str = "iso3166";

/// The external identities of an actor: its identifiers, and for a state its ISO code.
pub fn actor_keys(actor: &Actor) -> Vec<IdentityKey> {
    let mut keys: Vec<IdentityKey> =
        actor.identifiers.iter().map(|i| IdentityKey::new(i.scheme.as_str(), &i.value)).collect();
    if actor.kind == crate::actor::ActorKind::State {
        if let Some(country) = actor.country {
            keys.push(IdentityKey::new(ISO_SCHEME, country.as_str()));
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

/// The external identities of a person: its identifiers.
pub fn person_keys(person: &Person) -> Vec<IdentityKey> {
    sorted(person.identifiers.iter().map(|i| IdentityKey::new(i.scheme.as_str(), &i.value)))
}

/// The external identities of an agreement: its identifiers.
pub fn agreement_keys(agreement: &Agreement) -> Vec<IdentityKey> {
    sorted(agreement.identifiers.iter().map(|i| IdentityKey::new(i.scheme.as_str(), &i.value)))
}

/// The external identities of a source: its identifiers and its address (`url`).
pub fn source_keys(source: &Source) -> Vec<IdentityKey> {
    let ids = source.identifiers.iter().map(|i| IdentityKey::new(i.scheme.as_str(), &i.value));
    sorted(ids.chain(source.url.as_ref().map(|u| IdentityKey::new("url", u.as_str()))))
}

fn sorted(keys: impl Iterator<Item = IdentityKey>) -> Vec<IdentityKey> {
    let mut keys: Vec<IdentityKey> = keys.collect();
    keys.sort();
    keys.dedup();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(d: &str, id: &str) -> Result<RecordKey, Box<dyn std::error::Error>> {
        RecordKey::parse(d, RecordKind::Person, id).ok_or_else(|| "bad key".into())
    }

    #[test]
    fn later_judgements_stand_in_either_order() -> Result<(), Box<dyn std::error::Error>> {
        let (a, b) = (key("report", "bagheri")?, key("ap", "bagheri")?);
        let day = EdtfDate::parse("2026-11-29")?;
        let mut r = Resolver::new();
        r.push(Judgement::new(a.clone(), b.clone(), Decision::Unsure, "analyst", day));
        r.push(Judgement::new(b.clone(), a.clone(), Decision::Same, "analyst", day).because("same post, same day"));
        assert_eq!(r.decision(&a, &b), Some(Decision::Same));
        assert_eq!(r.index().get(&ordered(&b, &a)), Some(&Decision::Same));
        let back = Resolver::from_json(&r.to_json_pretty())?;
        assert_eq!(back, r);
        Ok(())
    }

    #[test]
    fn refuses_other_versions_and_mixed_kinds() {
        let v2 = r#"{"resolver_version": "2.0", "judgements": []}"#;
        assert!(matches!(Resolver::from_json(v2), Err(ResolverError::Version(_))));
        let mixed = r#"{"resolver_version": "1.0", "judgements": [{
            "left": {"dossier": "a", "type": "actor", "id": "x"},
            "right": {"dossier": "b", "type": "person", "id": "x"},
            "judgement": "same", "decided_by": "me", "decided_at": "2026"}]}"#;
        assert!(matches!(Resolver::from_json(mixed), Err(ResolverError::Judgement { index: 0, .. })));
        assert_eq!("not_same".parse::<Decision>().ok(), Some(Decision::NotSame));
    }
}
