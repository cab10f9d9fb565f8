//! The status of an agreement, derived from its lifecycle.

use chrono::NaiveDate;
use serde::Serialize;

use super::Agreement;
use crate::ids::ActorId;

/// Where an agreement stands, as its lifecycle shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AgreementStatus {
    /// No act recorded yet, or only negotiation.
    Negotiated,
    /// Signed, not (yet) in force.
    Signed,
    /// Applied provisionally, pending entry into force.
    ProvisionallyApplied,
    /// In force.
    InForce,
    /// Suspended as a whole.
    Suspended,
    /// Ended.
    Terminated,
}

crate::wire::wire_enum!(AgreementStatus, "agreement status" {
    Negotiated = "negotiated",
    Signed = "signed",
    ProvisionallyApplied = "provisionally_applied",
    InForce = "in_force",
    Suspended = "suspended",
    Terminated = "terminated",
});

impl Agreement {
    /// The status after every recorded act, and after the end of a fixed term no recorded
    /// renewal extends: the state the record leads to. For the status on a day (today), use
    /// [`Agreement::status_on`].
    pub fn status(&self) -> AgreementStatus {
        self.lifecycle().status()
    }

    /// The status on `day`, from the acts that had surely taken effect by then (an act dated
    /// "2020" counts from 31 December 2020, the first day it has surely happened). Never
    /// `in_force` without an entry into force; `docs/lifecycle.md` gives the rules.
    pub fn status_on(&self, day: NaiveDate) -> AgreementStatus {
        self.lifecycle().status_on(day)
    }

    /// Whether `actor` is bound on `day`: the same as [`Agreement::is_bound`], kept under its
    /// first name.
    pub fn binds_on(&self, actor: &ActorId, day: NaiveDate) -> bool {
        self.is_bound(actor, day)
    }
}
