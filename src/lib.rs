#![doc = docs::page_links!()]
#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
// The unit-test target links the dev-dependencies too; the lint is for what the library uses.
#![cfg_attr(test, allow(unused_crate_dependencies))]

mod actor;
mod actor_tree;
pub mod agreement;
pub mod answers;
mod citation;
#[cfg(feature = "tables")]
pub mod codings;
#[cfg(feature = "merge")]
pub mod corpus;
#[cfg(feature = "merge")]
pub mod diff;
mod dispute;
mod dispute_policy;
pub mod docs;
mod dossier;
mod error;
mod extensions;
mod external;
#[cfg(feature = "extraction")]
pub mod extraction;
#[cfg(feature = "merge")]
pub mod identity;
pub mod ids;
pub mod jsonl;
mod jsonl_parallel;
#[cfg(feature = "merge")]
pub mod merge;
mod name;
// Where each nested fact sits (`steps`, `holder`) is read by the merge only.
#[cfg_attr(not(feature = "merge"), allow(dead_code))]
mod nested;
mod objects_only;
pub mod pointer;
pub mod prelude;
mod records;
mod reference;
#[cfg(feature = "render")]
pub mod render;
// The rows' disputed flags (`Contested`) are read by the tables only.
#[cfg_attr(not(feature = "tables"), allow(dead_code))]
mod resolve;
#[cfg(feature = "schema")]
pub mod schema;
mod schema_version;
mod source;
mod statement;
mod strict_value;
mod succession;
mod support;
#[cfg(feature = "tables")]
pub mod tables;
mod tagged;
mod troop_presence;
pub mod validate;
pub mod values;
mod wire;
mod with;

/// chrono, whose `NaiveDate` the API takes and returns (`Agreement::status_on`, `EdtfDate::latest`).
pub use chrono;
mod walk;
#[cfg(feature = "merge")]
pub mod xref;

pub use actor::{Actor, ActorKind};
pub use actor_tree::ActorTree;
pub use agreement::{
    Action, ActionType, Clause, Condition, ConditionType, Cooperation, CooperationArea, Duration, Establishment, Limit,
    Obligation, ObligationType, Party, PartyRole, Related, Relation, Renewal, Signature, SignatureRole, TextMode,
    WithdrawalTerms,
};
pub use agreement::{Agreement, AgreementKind, AgreementStatus, Confidentiality, InstrumentForm};
pub use citation::{Citation, Credibility, CredibilityError};
pub use dispute::{Claim, Competing, Dispute, ValueAlternative};
pub use dispute_policy::{Backing, DisputePolicy};
pub use dossier::Dossier;
pub use error::{Error, ParseErrorKind, ValueError};
pub use extensions::{ExtensionError, ExtensionKeyError, Extensions};
pub use external::ExternalRef;
pub use name::{NameKind, OtherName};
pub use person::{Person, Post};
pub use reference::RecordRef;
pub use resolve::{Outcome, Resolved};
pub use schema_version::{SchemaVersion, SchemaVersionError};
pub use source::{Reliability, Source, SourceKind, Url, UrlError};
pub use statement::{Statement, StatementMode};
pub use succession::{Succession, SuccessionType, Successions};
pub use support::{Support, SupportType};
pub use troop_presence::{ConsentClaim, HostConsent, TroopPresence};
pub use validate::{Code, CodeError, CustomCode, Issue, Report, Severity, ValidationError};
pub use walk::{RecordKind, Reference, ReferenceMut, UnknownRecordKind};
pub use wire::UnknownValueError;

mod person;
