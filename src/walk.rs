//! The reference walk: every field of a dossier that holds the id of another record, with its
//! JSON Pointer and the kind of record it names.
//!
//! The walk is written once, as a macro expanded twice: over shared references (for reading and
//! for validation) and over mutable ones (for rewriting ids). A reference field added to the
//! model is added here, once; the validation rules, [`Dossier::references`] and
//! [`Dossier::remap`] all follow.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::dossier::Dossier;
use crate::ids::{
    ActorId, AgreementId, ClauseId, DisputeId, IdError, PersonId, SourceId, StatementId, SupportId, TroopPresenceId,
};
use crate::reference::RecordRef;
use crate::validate::Path;

/// Generates [`RecordKind`] and the two forms of a reference field from the table of record
/// kinds, plus clauses (which live inside agreements).
macro_rules! kinds {
    ([] $($kind:ident, $list:ident, $one:ident, $id:ident, $ty:ident, $noun:literal;)*) => {
        /// The kinds of record a reference may name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum RecordKind {
            $(
                #[doc = concat!("A [`", stringify!($ty), "`](crate::", stringify!($ty), "), in `/", stringify!($list), "`.")]
                $kind,
            )*
            /// A [`Clause`](crate::Clause) of one agreement, in `/agreements/N/clauses`: clause
            /// ids are local to their agreement.
            Clause,
        }

        impl RecordKind {
            /// Every kind.
            pub const ALL: &'static [RecordKind] = &[$(Self::$kind,)* Self::Clause];

            /// The kind as written in JSON: `troop_presence`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$kind => stringify!($one),)*
                    Self::Clause => "clause",
                }
            }

            /// The kind in words, for messages: `troop presence`.
            pub(crate) fn noun(self) -> &'static str {
                match self {
                    $(Self::$kind => $noun,)*
                    Self::Clause => "clause",
                }
            }
        }

        /// A reference field, read.
        #[derive(Debug, Clone, Copy)]
        pub(crate) enum IdRef<'d> {
            $($kind(&'d $id),)*
            Clause(&'d ClauseId),
        }

        /// A reference field, writable.
        #[derive(Debug)]
        pub(crate) enum IdMut<'d> {
            $($kind(&'d mut $id),)*
            Clause(&'d mut ClauseId),
        }

        impl<'d> IdRef<'d> {
            pub(crate) fn kind(self) -> RecordKind {
                match self {
                    $(Self::$kind(_) => RecordKind::$kind,)*
                    Self::Clause(_) => RecordKind::Clause,
                }
            }

            pub(crate) fn as_str(self) -> &'d str {
                match self {
                    $(Self::$kind(id) => id.as_str(),)*
                    Self::Clause(id) => id.as_str(),
                }
            }
        }

        impl IdMut<'_> {
            pub(crate) fn kind(&self) -> RecordKind {
                match self {
                    $(Self::$kind(_) => RecordKind::$kind,)*
                    Self::Clause(_) => RecordKind::Clause,
                }
            }

            pub(crate) fn as_str(&self) -> &str {
                match self {
                    $(Self::$kind(id) => id.as_str(),)*
                    Self::Clause(id) => id.as_str(),
                }
            }

            fn set(&mut self, new: &str) -> Result<(), IdError> {
                match self {
                    $(Self::$kind(id) => **id = $id::new(new)?,)*
                    Self::Clause(id) => **id = ClauseId::new(new)?,
                }
                Ok(())
            }
        }

        impl Dossier {
            /// Renames the records of `kind` with id `from`; how many.
            fn rename_records(&mut self, kind: RecordKind, from: &str, to: &str) -> Result<usize, IdError> {
                let mut changed = 0;
                match kind {
                    $(RecordKind::$kind => {
                        for r in &mut self.$list {
                            if r.id.as_str() == from {
                                r.id = $id::new(to)?;
                                changed += 1;
                            }
                        }
                    })*
                    RecordKind::Clause => {
                        for r in self.agreements.iter_mut().flat_map(|a| a.clauses.iter_mut()) {
                            if r.id.as_str() == from {
                                r.id = ClauseId::new(to)?;
                                changed += 1;
                            }
                        }
                    }
                }
                Ok(changed)
            }
        }
    };
}
crate::records::record_kinds!(kinds []);

impl fmt::Display for RecordKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A string that names no [`RecordKind`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown record kind '{0}'")]
pub struct UnknownRecordKind(String);

impl FromStr for RecordKind {
    type Err = UnknownRecordKind;
    fn from_str(s: &str) -> Result<Self, UnknownRecordKind> {
        Self::ALL.iter().copied().find(|k| k.as_str() == s).ok_or_else(|| UnknownRecordKind(s.to_owned()))
    }
}

/// One reference found by [`Dossier::references`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Reference<'d> {
    /// Where, as a JSON Pointer: `/agreements/0/signatures/1/signer`.
    pub path: String,
    /// The kind of record named.
    pub kind: RecordKind,
    /// The id named.
    pub id: &'d str,
    /// For a clause, the position of the agreement whose clauses the id names.
    pub agreement: Option<usize>,
}

/// One reference found by [`Dossier::references_mut`]: its id can be replaced.
#[derive(Debug)]
pub struct ReferenceMut<'d> {
    path: String,
    id: IdMut<'d>,
    agreement: Option<usize>,
}

impl ReferenceMut<'_> {
    /// Where, as a JSON Pointer.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The kind of record named.
    pub fn kind(&self) -> RecordKind {
        self.id.kind()
    }

    /// The id named.
    pub fn id(&self) -> &str {
        self.id.as_str()
    }

    /// For a clause, the position of the agreement whose clauses the id names.
    pub fn agreement(&self) -> Option<usize> {
        self.agreement
    }

    /// Makes the reference name `id` instead.
    pub fn set_id(&mut self, id: &str) -> Result<(), IdError> {
        self.id.set(id)
    }
}

/// Generates one walker per record kind, over `&'d` (`iter`, `as_ref`, `IdRef`) or `&'d mut`
/// (`iter_mut`, `as_mut`, `IdMut`). Each calls `f` with the JSON Pointer and the id of every
/// reference in the record, in document order. The JSON names are the serde names.
macro_rules! walkers {
    ($module:ident, $Id:ident, $iter:ident, $opt:ident, $($m:tt)?) => {
        pub(crate) mod $module {
            use super::*;

            fn citations<'d>(
                citations: &'d $($m)? [crate::citation::Citation],
                record: &Path<'_>,
                f: &mut impl FnMut(&Path<'_>, $Id<'d>),
            ) {
                let list = record.key("citations");
                for (i, c) in citations.$iter().enumerate() {
                    f(&list.index(i).key("source"), $Id::Source(&$($m)? c.source));
                }
            }

            /// A record's `dispute` mark.
            fn dispute_mark<'d>(
                dispute: Option<&'d $($m)? DisputeId>,
                record: &Path<'_>,
                f: &mut impl FnMut(&Path<'_>, $Id<'d>),
            ) {
                if let Some(id) = dispute {
                    f(&record.key("dispute"), $Id::Dispute(id));
                }
            }

            fn actors<'d>(ids: &'d $($m)? [ActorId], list: &Path<'_>, f: &mut impl FnMut(&Path<'_>, $Id<'d>)) {
                for (i, id) in ids.$iter().enumerate() {
                    f(&list.index(i), $Id::Actor(id));
                }
            }

            pub(crate) fn actor<'d>(r: &'d $($m)? crate::actor::Actor, at: &Path<'_>, f: &mut impl FnMut(&Path<'_>, $Id<'d>)) {
                if let Some(parent) = r.parent.$opt() {
                    f(&at.key("parent"), $Id::Actor(parent));
                }
                actors(&$($m)? r.sponsors, &at.key("sponsors"), f);
                let list = at.key("succession");
                for (i, s) in r.succession.$iter().enumerate() {
                    let here = list.index(i);
                    f(&here.key("actor"), $Id::Actor(&$($m)? s.actor));
                    citations(&$($m)? s.citations, &here, f);
                }
                citations(&$($m)? r.citations, at, f);
            }

            pub(crate) fn person<'d>(r: &'d $($m)? crate::person::Person, at: &Path<'_>, f: &mut impl FnMut(&Path<'_>, $Id<'d>)) {
                let list = at.key("posts");
                for (i, post) in r.posts.$iter().enumerate() {
                    let p = list.index(i);
                    f(&p.key("organization"), $Id::Actor(&$($m)? post.organization));
                    citations(&$($m)? post.citations, &p, f);
                    dispute_mark(post.dispute.$opt(), &p, f);
                }
                citations(&$($m)? r.citations, at, f);
            }

            pub(crate) fn agreement<'d>(
                r: &'d $($m)? crate::agreement::Agreement,
                at: &Path<'_>,
                f: &mut impl FnMut(&Path<'_>, $Id<'d>),
            ) {
                let list = at.key("parties");
                for (i, p) in r.parties.$iter().enumerate() {
                    let here = list.index(i);
                    f(&here.key("actor"), $Id::Actor(&$($m)? p.actor));
                    citations(&$($m)? p.citations, &here, f);
                }
                let list = at.key("actions");
                for (i, a) in r.actions.$iter().enumerate() {
                    let here = list.index(i);
                    if let Some(party) = a.party.$opt() {
                        f(&here.key("party"), $Id::Actor(party));
                    }
                    actors(&$($m)? a.toward, &here.key("toward"), f);
                    if let Some(person) = a.performed_by.$opt() {
                        f(&here.key("performed_by"), $Id::Person(person));
                    }
                    if let Some(organ) = a.organ.$opt() {
                        f(&here.key("organ"), $Id::Actor(organ));
                    }
                    citations(&$($m)? a.citations, &here, f);
                    dispute_mark(a.dispute.$opt(), &here, f);
                }
                let list = at.key("signatures");
                for (i, s) in r.signatures.$iter().enumerate() {
                    let here = list.index(i);
                    f(&here.key("party"), $Id::Actor(&$($m)? s.party));
                    f(&here.key("signer"), $Id::Person(&$($m)? s.signer));
                    citations(&$($m)? s.citations, &here, f);
                    dispute_mark(s.dispute.$opt(), &here, f);
                }
                if let Some(duration) = r.duration.$opt() {
                    let here = at.key("duration");
                    if let Some(w) = duration.withdrawal_terms_mut_or_ref() {
                        let wp = here.key("withdrawal");
                        if let Some(clause) = w.clause.$opt() {
                            f(&wp.key("clause"), $Id::Clause(clause));
                        }
                        citations(&$($m)? w.citations, &wp, f);
                    }
                }
                let list = at.key("obligations");
                for (i, o) in r.obligations.$iter().enumerate() {
                    let here = list.index(i);
                    actors(&$($m)? o.obligors, &here.key("obligors"), f);
                    actors(&$($m)? o.beneficiaries, &here.key("beneficiaries"), f);
                    let conditions = here.key("conditions");
                    for (j, c) in o.conditions.$iter().enumerate() {
                        actors(&$($m)? c.actors, &conditions.index(j).key("actors"), f);
                    }
                    if let Some(clause) = o.clause.$opt() {
                        f(&here.key("clause"), $Id::Clause(clause));
                    }
                    citations(&$($m)? o.citations, &here, f);
                    dispute_mark(o.dispute.$opt(), &here, f);
                }
                let list = at.key("cooperation");
                for (i, c) in r.cooperation.$iter().enumerate() {
                    let here = list.index(i);
                    actors(&$($m)? c.providers, &here.key("providers"), f);
                    actors(&$($m)? c.recipients, &here.key("recipients"), f);
                    if let Some(clause) = c.clause.$opt() {
                        f(&here.key("clause"), $Id::Clause(clause));
                    }
                    let limits = here.key("limits");
                    for (j, l) in c.limits.$iter().enumerate() {
                        let lp = limits.index(j);
                        if let Some(clause) = l.clause.$opt() {
                            f(&lp.key("clause"), $Id::Clause(clause));
                        }
                        citations(&$($m)? l.citations, &lp, f);
                        dispute_mark(l.dispute.$opt(), &lp, f);
                    }
                    citations(&$($m)? c.citations, &here, f);
                    dispute_mark(c.dispute.$opt(), &here, f);
                }
                let list = at.key("clauses");
                for (i, c) in r.clauses.$iter().enumerate() {
                    citations(&$($m)? c.citations, &list.index(i), f);
                }
                let list = at.key("establishes");
                for (i, e) in r.establishes.$iter().enumerate() {
                    let here = list.index(i);
                    f(&here.key("organization"), $Id::Actor(&$($m)? e.organization));
                    if let Some(clause) = e.clause.$opt() {
                        f(&here.key("clause"), $Id::Clause(clause));
                    }
                    citations(&$($m)? e.citations, &here, f);
                    dispute_mark(e.dispute.$opt(), &here, f);
                }
                let list = at.key("related");
                for (i, rel) in r.related.$iter().enumerate() {
                    let here = list.index(i);
                    if let Some(other) = rel.agreement.$opt() {
                        f(&here.key("agreement"), $Id::Agreement(other));
                    }
                    citations(&$($m)? rel.citations, &here, f);
                    dispute_mark(rel.dispute.$opt(), &here, f);
                }
                citations(&$($m)? r.citations, at, f);
            }

            pub(crate) fn troop_presence<'d>(
                r: &'d $($m)? crate::troop_presence::TroopPresence,
                at: &Path<'_>,
                f: &mut impl FnMut(&Path<'_>, $Id<'d>),
            ) {
                actors(&$($m)? r.forces, &at.key("forces"), f);
                let list = at.key("consent_claims");
                for (i, claim) in r.consent_claims.$iter().enumerate() {
                    let here = list.index(i);
                    f(&here.key("claimant"), $Id::Actor(&$($m)? claim.claimant));
                    if let Some(statement) = claim.statement.$opt() {
                        f(&here.key("statement"), $Id::Statement(statement));
                    }
                    citations(&$($m)? claim.citations, &here, f);
                    dispute_mark(claim.dispute.$opt(), &here, f);
                }
                if let Some(agreement) = r.agreement.$opt() {
                    f(&at.key("agreement"), $Id::Agreement(agreement));
                }
                citations(&$($m)? r.citations, at, f);
                dispute_mark(r.dispute.$opt(), at, f);
            }

            pub(crate) fn support<'d>(r: &'d $($m)? crate::support::Support, at: &Path<'_>, f: &mut impl FnMut(&Path<'_>, $Id<'d>)) {
                f(&at.key("supporter"), $Id::Actor(&$($m)? r.supporter));
                f(&at.key("recipient"), $Id::Actor(&$($m)? r.recipient));
                citations(&$($m)? r.citations, at, f);
                dispute_mark(r.dispute.$opt(), at, f);
            }

            pub(crate) fn statement<'d>(
                r: &'d $($m)? crate::statement::Statement,
                at: &Path<'_>,
                f: &mut impl FnMut(&Path<'_>, $Id<'d>),
            ) {
                let list = at.key("speakers");
                for (i, s) in r.speakers.$iter().enumerate() {
                    f(&list.index(i), $Id::Person(s));
                }
                actors(&$($m)? r.on_behalf_of, &at.key("on_behalf_of"), f);
                let list = at.key("about");
                for (i, about) in r.about.$iter().enumerate() {
                    record_ref(about, &list.index(i).key("id"), f);
                }
                citations(&$($m)? r.citations, at, f);
                dispute_mark(r.dispute.$opt(), at, f);
            }

            /// A tagged reference `{"type": …, "id": …}`; `at` is its `id`.
            fn record_ref<'d>(r: &'d $($m)? RecordRef, at: &Path<'_>, f: &mut impl FnMut(&Path<'_>, $Id<'d>)) {
                let id = match r {
                    RecordRef::Actor { id } => $Id::Actor(id),
                    RecordRef::Person { id } => $Id::Person(id),
                    RecordRef::Agreement { id } => $Id::Agreement(id),
                    RecordRef::TroopPresence { id } => $Id::TroopPresence(id),
                    RecordRef::Support { id } => $Id::Support(id),
                    RecordRef::Statement { id } => $Id::Statement(id),
                };
                f(at, id);
            }

            pub(crate) fn source<'d>(_r: &'d $($m)? crate::source::Source, _at: &Path<'_>, _f: &mut impl FnMut(&Path<'_>, $Id<'d>)) {
                // Sources refer to nothing.
            }

            pub(crate) fn dispute<'d>(r: &'d $($m)? crate::dispute::Dispute, at: &Path<'_>, f: &mut impl FnMut(&Path<'_>, $Id<'d>)) {
                citations(&$($m)? r.citations, at, f);
                if let Some(record) = r.record.$opt() {
                    record_ref(record, &at.key("record").key("id"), f);
                }
                let list = at.key("alternatives");
                for (i, alternative) in r.alternatives.$iter().enumerate() {
                    citations(&$($m)? alternative.citations, &list.index(i), f);
                }
            }

            crate::records::record_kinds!(dossier_walker [$Id, $iter, $($m)?]);
        }
    };
}

/// The walk over a whole dossier, from the table of record kinds.
macro_rules! dossier_walker {
    ([$Id:ident, $iter:ident, $($m:tt)?] $($kind:ident, $list:ident, $one:ident, $id:ident, $ty:ident, $noun:literal;)*) => {
        /// Every reference of the dossier, record by record in document order; clause
        /// references come with the position of their agreement.
        pub(crate) fn dossier<'d>(d: &'d $($m)? Dossier, f: &mut impl FnMut(&Path<'_>, $Id<'d>, Option<usize>)) {
            let root = Path::ROOT;
            $(
                let list = root.key(stringify!($list));
                for (i, r) in d.$list.$iter().enumerate() {
                    $one(r, &list.index(i), &mut |p, id: $Id<'d>| {
                        let agreement = matches!(id, $Id::Clause(_)).then_some(i);
                        f(p, id, agreement)
                    });
                }
            )*
        }
    };
}

/// `Duration::withdrawal` for either walk: the macro calls one name for both.
trait WithdrawalAccess {
    type Out;
    fn withdrawal_terms_mut_or_ref(self) -> Option<Self::Out>;
}

impl<'d> WithdrawalAccess for &'d crate::agreement::Duration {
    type Out = &'d crate::agreement::WithdrawalTerms;
    fn withdrawal_terms_mut_or_ref(self) -> Option<Self::Out> {
        self.withdrawal()
    }
}

impl<'d> WithdrawalAccess for &'d mut crate::agreement::Duration {
    type Out = &'d mut crate::agreement::WithdrawalTerms;
    fn withdrawal_terms_mut_or_ref(self) -> Option<Self::Out> {
        self.withdrawal_mut()
    }
}

walkers!(read, IdRef, iter, as_ref,);
walkers!(write, IdMut, iter_mut, as_mut, mut);

impl Dossier {
    /// Every reference in the dossier: each field that holds the id of another record, with
    /// its JSON Pointer and the kind of record it names, record by record in document order.
    /// Dangling references are included; [`validate`](Dossier::validate) reports those.
    ///
    /// ```
    /// # use defense_agreements::{Dossier, RecordKind};
    /// # let json = std::fs::read_to_string("examples/data/iran-syria-2020.json").unwrap();
    /// let dossier = Dossier::from_json(&json)?;
    /// let signers: Vec<&str> = dossier
    ///     .references()
    ///     .into_iter()
    ///     .filter(|r| r.kind == RecordKind::Person && r.path.ends_with("/signer"))
    ///     .map(|r| r.id)
    ///     .collect();
    /// assert_eq!(signers, ["bagheri", "ayyoub", "assad"]);
    /// # Ok::<(), defense_agreements::Error>(())
    /// ```
    pub fn references(&self) -> Vec<Reference<'_>> {
        let mut found = Vec::new();
        read::dossier(self, &mut |path, id, agreement| {
            found.push(Reference { path: path.render(), kind: id.kind(), id: id.as_str(), agreement });
        });
        found
    }

    /// Every reference in the dossier, writable: [`ReferenceMut::set_id`] makes one name
    /// another record. The same references, in the same order, as [`references`](Dossier::references).
    pub fn references_mut(&mut self) -> Vec<ReferenceMut<'_>> {
        let mut found = Vec::new();
        write::dossier(self, &mut |path, id, agreement| {
            found.push(ReferenceMut { path: path.render(), id, agreement });
        });
        found
    }

    /// Renames the records of `kind` with id `from` to `to`, and every reference to them, so
    /// that the dossier means the same. Clause ids are renamed in every agreement. Returns how
    /// many ids (records and references) changed; `to` must be a valid id.
    ///
    /// Nothing checks that `to` is free: renaming onto an existing id merges the two in
    /// references, and [`validate`](Dossier::validate) then reports the `duplicate_id`.
    ///
    /// ```
    /// # use defense_agreements::{Dossier, RecordKind};
    /// # let json = std::fs::read_to_string("examples/data/iran-syria-2020.json").unwrap();
    /// let mut dossier = Dossier::from_json(&json)?;
    /// let changed = dossier.remap(RecordKind::Actor, "iran", "iri")?;
    /// assert!(changed > 1);
    /// assert!(dossier.actor("iran").is_none() && dossier.actor("iri").is_some());
    /// assert!(dossier.validate().is_valid());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn remap(&mut self, kind: RecordKind, from: &str, to: &str) -> Result<usize, IdError> {
        // Checked once up front, so that nothing changes when `to` is not an id.
        ActorId::new(to)?;
        let mut changed = self.rename_records(kind, from, to)?;
        let mut result = Ok(());
        write::dossier(self, &mut |_, mut id, _| {
            if id.kind() == kind && id.as_str() == from {
                match id.set(to) {
                    Ok(()) => changed += 1,
                    Err(e) => result = Err(e),
                }
            }
        });
        result.map(|()| changed)
    }
}
