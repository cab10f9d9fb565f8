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
use crate::dispute::Dispute;
use crate::dossier::Dossier;
use crate::ids::{DossierId, RecordId};
use crate::person::Person;
use crate::source::Source;
use crate::statement::Statement;
use crate::support::Support;
use crate::troop_presence::TroopPresence;
use crate::values::EdtfDate;

pub use crate::walk::RecordKind;

/// The kinds of record a dossier holds in its top-level lists, in the order of those lists:
/// every kind but clauses (which live inside their agreement). The table of record kinds makes
/// it ([`RecordKind::TOP_LEVEL`]).
pub const TOP_LEVEL: [RecordKind; RecordKind::TOP_LEVEL.len()] = RecordKind::TOP_LEVEL;

/// The dossier's list holding records of `kind`: `actors`, `people` … (`clauses` for clauses,
/// which each agreement lists). Same as [`RecordKind::list_name`].
pub fn list_name(kind: RecordKind) -> &'static str {
    kind.list_name()
}

/// What identifies a record of a top-level kind outside its dossier. Every kind has its impl
/// (most have no external identity): the per-kind dispatch below calls it for each row of the
/// table of record kinds, so a new kind without one does not compile.
pub(crate) trait Identified {
    /// The record's external identities, sorted, without repeats.
    fn identity_keys(&self) -> Vec<IdentityKey>;
}

impl Identified for Actor {
    fn identity_keys(&self) -> Vec<IdentityKey> {
        actor_keys(self)
    }
}

impl Identified for Person {
    fn identity_keys(&self) -> Vec<IdentityKey> {
        person_keys(self)
    }
}

impl Identified for Agreement {
    fn identity_keys(&self) -> Vec<IdentityKey> {
        agreement_keys(self)
    }
}

impl Identified for Source {
    fn identity_keys(&self) -> Vec<IdentityKey> {
        source_keys(self)
    }
}

/// Troop presences, supports, statements and disputes are identified by their content only.
macro_rules! no_external_identity {
    ($($ty:ty),*) => {
        $(impl Identified for $ty {
            fn identity_keys(&self) -> Vec<IdentityKey> {
                Vec::new()
            }
        })*
    };
}
no_external_identity!(TroopPresence, Support, Statement, Dispute);

/// The per-kind dispatch over a dossier's lists, from the table of record kinds.
macro_rules! per_kind {
    ([] $($kind:ident, $list:ident, $one:ident, $id:ident, $ty:ident, $noun:literal;)*) => {
        /// Calls `f` with the position, id and external identities of every record of `kind`,
        /// in list order. Clauses are not top-level records: nothing is called.
        pub(crate) fn each_record(d: &Dossier, kind: RecordKind, mut f: impl FnMut(usize, &str, Vec<IdentityKey>)) {
            match kind {
                $(RecordKind::$kind => {
                    for (i, r) in d.$list.iter().enumerate() {
                        f(i, r.id.as_str(), r.identity_keys());
                    }
                })*
                RecordKind::Clause => {}
            }
        }

        /// The id of the record of `kind` at position `index`.
        pub(crate) fn record_id(d: &Dossier, kind: RecordKind, index: usize) -> Option<&str> {
            match kind {
                $(RecordKind::$kind => d.$list.get(index).map(|r| r.id.as_str()),)*
                RecordKind::Clause => None,
            }
        }
    };
}
crate::records::record_kinds!(per_kind []);

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

/// A record named as judgements name it: `dossier/type/id`, the type as in a resolver's JSON
/// (`iran-syria-2020-ap/agreement/iran-syria-2020`). `xref` prints records this way, and
/// [`RecordKey::from_str`] reads it back.
impl fmt::Display for RecordKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}/{}", self.dossier, self.kind, self.id)
    }
}

/// A string that names no record: not `dossier/type/id`, an unknown type, or a malformed id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid record '{text}': {reason}")]
pub struct RecordKeyError {
    text: String,
    reason: String,
}

impl FromStr for RecordKey {
    type Err = RecordKeyError;

    /// Reads `dossier/type/id` (`report/agreement/smda`), and for compatibility the list name
    /// in place of the type (`report/agreements/smda`), as earlier versions of `xref` printed records.
    /// Ids hold no `/`, so the three parts are never ambiguous.
    fn from_str(s: &str) -> Result<Self, RecordKeyError> {
        let fail = |reason: String| RecordKeyError { text: s.to_owned(), reason };
        let mut parts = s.split('/');
        let (Some(dossier), Some(kind), Some(id), None) = (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(fail("expected dossier/type/id, such as report/agreement/smda".to_owned()));
        };
        let kind =
            RecordKind::ALL.iter().copied().find(|k| k.as_str() == kind || k.list_name() == kind).ok_or_else(|| {
                let known: Vec<&str> = RecordKind::ALL.iter().map(|k| k.as_str()).collect();
                fail(format!("unknown record type '{kind}' (expected one of {})", known.join(", ")))
            })?;
        let dossier = DossierId::new(dossier).map_err(|e| fail(e.to_string()))?;
        let id = RecordId::new(id).map_err(|e| fail(e.to_string()))?;
        Ok(Self::new(dossier, kind, id))
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
    #[cfg_attr(feature = "schema", schemars(regex(pattern = NOT_ONLY_WHITE_SPACE)))]
    pub decided_by: String,
    /// When (EDTF, usually a day).
    pub decided_at: EdtfDate,
    /// Why, for the next reader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A text with a character outside Unicode's White_Space (what `str::trim` removes), written
/// out rather than `\S`, whose meaning differs between regex engines (U+FEFF).
#[cfg(feature = "schema")]
const NOT_ONLY_WHITE_SPACE: &str = r"[^\t\n\x0B\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]";

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

    /// What makes the judgement unusable, if anything: two records of different kinds, a
    /// clause (clauses merge with their agreement), or no one named as deciding.
    pub fn check(&self) -> Result<(), String> {
        if self.left.kind == RecordKind::Clause {
            Err("judges a clause: judge the agreements, whose clauses merge with them".to_owned())
        } else if self.left.kind != self.right.kind {
            Err(format!("judges a {} against a {}: both records must be of one kind", self.left.kind, self.right.kind))
        } else if self.decided_by.trim().is_empty() {
            Err("decided_by is empty: say who decided".to_owned())
        } else {
            Ok(())
        }
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
            // At most 9 digits, as the schema's pattern says.
            (1..=9).contains(&m.len()) && m.bytes().all(|b| b.is_ascii_digit()) && (m == "0" || !m.starts_with('0'))
        });
        if major != Some("1") || !minor_ok {
            return Err(ResolverError::Version(resolver.resolver_version));
        }
        for (index, j) in resolver.judgements.iter().enumerate() {
            j.check().map_err(|message| ResolverError::Judgement { index, message })?;
        }
        Ok(resolver)
    }

    /// Appends a judgement after the checks [`Resolver::from_json`] makes: both records of one
    /// kind, not clauses, and `decided_by` not empty. The error names the position the
    /// judgement would have taken.
    pub fn add(&mut self, judgement: Judgement) -> Result<(), ResolverError> {
        let index = self.judgements.len();
        judgement.check().map_err(|message| ResolverError::Judgement { index, message })?;
        self.judgements.push(judgement);
        Ok(())
    }

    /// The document as indented JSON.
    pub fn to_json_pretty(&self) -> String {
        // Every key is a string: serializing cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Appends a judgement without checking it (see [`Resolver::add`]).
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
    fn every_kind_has_its_list() {
        // Disputes were listed as "sources" when a hand-written list left them out.
        let names: Vec<&str> = RecordKind::ALL.iter().map(|k| list_name(*k)).collect();
        assert_eq!(
            names,
            [
                "actors",
                "people",
                "agreements",
                "troop_presences",
                "supports",
                "statements",
                "sources",
                "disputes",
                "clauses"
            ]
        );
        assert_eq!(TOP_LEVEL.len() + 1, RecordKind::ALL.len());
        assert!(!TOP_LEVEL.contains(&RecordKind::Clause));
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
    fn records_are_named_by_type_and_read_back_in_either_form() -> Result<(), Box<dyn std::error::Error>> {
        let key = RecordKey::parse("report", RecordKind::TroopPresence, "irgc").ok_or("bad key")?;
        assert_eq!(key.to_string(), "report/troop_presence/irgc");
        assert_eq!("report/troop_presence/irgc".parse::<RecordKey>()?, key);
        // The list name, as xref printed records before.
        assert_eq!("report/troop_presences/irgc".parse::<RecordKey>()?, key);
        for bad in
            ["report/agreement", "report/agreement/a/b", "report/treaty/a", "re port/agreement/a", "report/agreement/"]
        {
            assert!(bad.parse::<RecordKey>().is_err(), "{bad}");
        }
        Ok(())
    }

    #[test]
    fn add_checks_what_push_does_not() -> Result<(), Box<dyn std::error::Error>> {
        let day = EdtfDate::parse("2026-11-29")?;
        let person = key("report", "bagheri")?;
        let actor = RecordKey::parse("ap", RecordKind::Actor, "bagheri").ok_or("bad key")?;
        let mut r = Resolver::new();
        r.add(Judgement::new(person.clone(), key("ap", "baqeri")?, Decision::Same, "analyst", day))?;
        let mixed = r.add(Judgement::new(person.clone(), actor, Decision::Same, "analyst", day));
        assert!(matches!(mixed, Err(ResolverError::Judgement { index: 1, .. })));
        let nobody = r.add(Judgement::new(person, key("ap", "x")?, Decision::Same, " ", day));
        assert!(matches!(nobody, Err(ResolverError::Judgement { index: 1, .. })));
        assert_eq!(r.judgements.len(), 1);
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
