//! The names most users need: `use defense_agreements::prelude::*;`.
//!
//! Every record and value type, every id type, the validation report and the errors: enough to
//! build a dossier in code, read one, and check it, with no other import.

pub use crate::agreement::{
    Action, ActionType, Agreement, AgreementKind, AgreementStatus, Clause, Condition, ConditionType, Confidentiality,
    Cooperation, CooperationArea, Duration, Establishment, InstrumentForm, Limit, Obligation, ObligationType, Party,
    PartyRole, Related, Relation, Renewal, Signature, TextMode, WithdrawalTerms,
};
pub use crate::dispute::{Claim, Competing, Dispute};
pub use crate::external::ExternalRef;
pub use crate::ids::{
    ActorId, AgreementId, ClauseId, DisputeId, DossierId, PersonId, RecordId, SourceId, StatementId, SupportId,
    TroopPresenceId,
};
pub use crate::troop_presence::ConsentClaim;
pub use crate::validate::{Code, Issue, Report, Severity};
pub use crate::values::{
    Coordinates, CountryCode, EdtfDate, Estimate, EstimateQualifier, EstimateUnit, Identifier, LanguageCode, NatoGrade,
    Place, Rank,
};
pub use crate::{
    Actor, ActorKind, Citation, Credibility, Dossier, Error, Extensions, HostConsent, NameKind, OtherName, Person,
    Post, RecordRef, Reliability, SchemaVersion, Source, SourceKind, Statement, StatementMode, Support, SupportType,
    TroopPresence, Url, ValueError,
};
