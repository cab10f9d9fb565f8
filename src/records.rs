//! The table of record kinds: every list of a dossier, once.
//!
//! The dossier's lookups (`Dossier::actor` …) and constructor, the validation's id indexes and
//! loop, [`RecordKind`](crate::RecordKind) and the reference walk over the whole dossier are
//! generated from this table. A new kind of record is a row here, a field of
//! [`Dossier`](crate::Dossier), an id type in `ids.rs`, a walker of its references in `walk.rs`
//! and its own file (the type and its `check`); the compiler points at whichever is missing.

/// Calls `$callback! { [$extra] rows }`, one row per kind of record in a dossier's lists:
/// `Kind, list field, singular (lookup, walker, JSON kind), id type, record type, noun;`.
macro_rules! record_kinds {
    ($callback:ident [$($extra:tt)*]) => {
        $callback! {
            [$($extra)*]
            Actor, actors, actor, ActorId, Actor, "actor";
            Person, people, person, PersonId, Person, "person";
            Agreement, agreements, agreement, AgreementId, Agreement, "agreement";
            TroopPresence, troop_presences, troop_presence, TroopPresenceId, TroopPresence, "troop presence";
            Support, supports, support, SupportId, Support, "support relation";
            Statement, statements, statement, StatementId, Statement, "statement";
            Source, sources, source, SourceId, Source, "source";
            Dispute, disputes, dispute, DisputeId, Dispute, "dispute";
        }
    };
}

pub(crate) use record_kinds;
