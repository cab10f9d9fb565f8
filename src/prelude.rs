//! The names most users need: `use defense_agreements::prelude::*;`.

pub use crate::agreement::{Agreement, AgreementKind, AgreementStatus};
pub use crate::ids::{ActorId, AgreementId, PersonId, SourceId};
pub use crate::validate::{Code, Report, Severity};
pub use crate::values::{CountryCode, EdtfDate, Estimate};
pub use crate::{Actor, Citation, Dossier, Error, Person};
