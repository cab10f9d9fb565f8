//! Parties to an agreement, and the roles actors play in it.

use serde::{Deserialize, Serialize};

use crate::citation::Citation;
use crate::ids::ActorId;
use crate::values::EdtfDate;

/// An actor with a role in an agreement.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Party {
    /// The actor.
    pub actor: ActorId,
    /// Its role.
    pub role: PartyRole,
    /// When the actor took up this role, when the record says (an observer admitted in 1956).
    /// Who is bound, and from when, follows the lifecycle acts, not these dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<EdtfDate>,
    /// When the role ended (an observer that left in 1969: not a withdrawal, since an
    /// observer is bound by nothing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<EdtfDate>,
    /// Sources for the actor's role, when they differ from the agreement's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}

impl Party {
    /// An actor with a role.
    pub fn new(actor: ActorId, role: PartyRole) -> Self {
        Self { actor, role, from: None, until: None, citations: Vec::new() }
    }

    /// A full party (role [`PartyRole::Party`]).
    pub fn full(actor: ActorId) -> Self {
        Self::new(actor, PartyRole::Party)
    }
}

/// The role an actor has in an agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PartyRole {
    /// Bound by the agreement.
    Party,
    /// Guarantees it without (necessarily) being bound (the Astana guarantors).
    Guarantor,
    /// Attends without being bound.
    Observer,
    /// Keeps the original and receives ratifications (VCLT Arts. 76–77).
    Depositary,
    /// Signed but is not (yet) bound.
    Signatory,
    /// Protected by the agreement without being bound by it (the states the Manila Pact's
    /// protocol designates); may be named among an obligation's beneficiaries.
    Beneficiary,
}

crate::wire::wire_enum!(PartyRole, "party role" {
    Party = "party",
    Guarantor = "guarantor",
    Observer = "observer",
    Depositary = "depositary",
    Signatory = "signatory",
    Beneficiary = "beneficiary",
});

crate::with::with!(Party {
    with_from: from opt EdtfDate;
    with_until: until opt EdtfDate;
    with_citations: citations list Citation;
});

crate::objects_only::objects_only!(Party);
