//! The status of an agreement, derived from its lifecycle.

use chrono::NaiveDate;
use serde::Serialize;

use super::{ActionType, Agreement};

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

impl Agreement {
    /// The status after every recorded act (the latest known state).
    pub fn status(&self) -> AgreementStatus {
        self.status_at(None)
    }

    /// The status on `day`, from the acts that had surely taken effect by then (an act dated
    /// "2020" counts from 31 December 2020, the first day it has surely happened).
    pub fn status_on(&self, day: NaiveDate) -> AgreementStatus {
        self.status_at(Some(day))
    }

    fn status_at(&self, day: Option<NaiveDate>) -> AgreementStatus {
        let mut acts: Vec<(NaiveDate, usize, ActionType)> = self
            .actions
            .iter()
            .enumerate()
            .filter(|(_, a)| a.party.is_none())
            .filter_map(|(i, a)| {
                let when = a.effective_date().latest()?;
                day.is_none_or(|d| when <= d).then_some((when, i, a.kind))
            })
            .collect();
        // Chronological, and in document order for acts on the same day.
        acts.sort_unstable_by_key(|(when, i, _)| (*when, *i));
        let mut status = AgreementStatus::Negotiated;
        for (_, _, kind) in acts {
            status = match (kind, status) {
                (_, AgreementStatus::Terminated) => AgreementStatus::Terminated,
                (ActionType::Signature, AgreementStatus::Negotiated) => AgreementStatus::Signed,
                (ActionType::ProvisionalApplication, AgreementStatus::Negotiated | AgreementStatus::Signed) => {
                    AgreementStatus::ProvisionallyApplied
                }
                (ActionType::EntryIntoForce | ActionType::Resumption | ActionType::Renewal, _) => {
                    AgreementStatus::InForce
                }
                (ActionType::Suspension, _) => AgreementStatus::Suspended,
                (ActionType::Termination, _) => AgreementStatus::Terminated,
                (_, s) => s,
            };
        }
        status
    }

    /// Whether `actor` is bound on `day`: the agreement is in force, `actor` is a full party,
    /// has joined (no party-level ratification, accession or approval recorded for it, or one
    /// that has taken effect), and has not withdrawn, denounced or been suspended.
    pub fn binds_on(&self, actor: impl AsRef<str>, day: NaiveDate) -> bool {
        let actor = actor.as_ref();
        if self.status_on(day) != AgreementStatus::InForce || !self.party_actors().any(|a| a.as_str() == actor) {
            return false;
        }
        let mut joined = None;
        let mut left = false;
        let mut own: Vec<_> = self
            .actions
            .iter()
            .filter(|a| a.party.as_ref().is_some_and(|p| p.as_str() == actor))
            .filter_map(|a| Some((a.effective_date().latest()?, a.kind)))
            .collect();
        own.sort_unstable_by_key(|(d, _)| *d);
        for (when, kind) in own {
            match kind {
                ActionType::Ratification | ActionType::Accession | ActionType::Approval => {
                    joined = Some(joined.unwrap_or(false) || when <= day);
                }
                ActionType::Withdrawal | ActionType::Denunciation | ActionType::Suspension if when <= day => {
                    left = true
                }
                ActionType::Resumption if when <= day => left = false,
                _ => {}
            }
        }
        joined.unwrap_or(true) && !left
    }
}
