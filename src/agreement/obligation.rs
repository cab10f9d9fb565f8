//! Obligations: the pledges ATOP codes (defense, offense, neutrality, non-aggression,
//! consultation), with their conditions.

use serde::{Deserialize, Serialize};

use crate::citation::Citation;
use crate::ids::{ActorId, ClauseId, DisputeId};

/// A pledge some parties make to others. Empty `obligors` or `beneficiaries` mean all parties.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Obligation {
    /// Which pledge.
    #[serde(rename = "type")]
    pub kind: ObligationType,
    /// Who pledges (parties of the agreement); empty means every party.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub obligors: Vec<ActorId>,
    /// To whom (parties of the agreement); empty means every party.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub beneficiaries: Vec<ActorId>,
    /// When the pledge applies; none means unconditionally.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    /// The clause stating it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<ClauseId>,
    /// A summary in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Sources (the agreement's, when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    /// The dispute this record is one alternative of: records sharing a dispute compete, and at
    /// most one of them is true (see [`Dispute`](crate::Dispute)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute: Option<DisputeId>,
}

impl Obligation {
    /// An unconditional pledge by every party to every party.
    pub fn new(kind: ObligationType) -> Self {
        Self {
            kind,
            obligors: Vec::new(),
            beneficiaries: Vec::new(),
            conditions: Vec::new(),
            clause: None,
            text: None,
            citations: Vec::new(),
            dispute: None,
        }
    }

    /// An unconditional pledge by every party to every party (the same as [`Obligation::new`]).
    pub fn mutual(kind: ObligationType) -> Self {
        Self::new(kind)
    }

    /// Whether the pledge carries conditions.
    pub fn is_conditional(&self) -> bool {
        !self.conditions.is_empty()
    }
}

/// ATOP's five obligations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ObligationType {
    /// Active military support if a party is attacked (ATOP DEFENSE).
    Defense,
    /// Joint military action regardless of attack (ATOP OFFENSE).
    Offense,
    /// Not to aid an attacker of the other party (ATOP NEUTRAL).
    Neutrality,
    /// Not to attack the other party (ATOP NONAGG).
    NonAggression,
    /// To consult in a crisis (ATOP CONSUL).
    Consultation,
}

crate::wire::wire_enum!(ObligationType, "obligation type" {
    Defense = "defense",
    Offense = "offense",
    Neutrality = "neutrality",
    NonAggression = "non_aggression",
    Consultation = "consultation",
});

/// A limit on when a pledge applies.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Condition {
    /// What sort of limit.
    #[serde(rename = "type")]
    pub kind: ConditionType,
    /// The actors the condition names (the adversary, for `specific_adversary`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<ActorId>,
    /// The condition in words: "an armed attack in Europe or North America".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl Condition {
    /// A condition of a kind, with no actors or words yet.
    pub fn new(kind: ConditionType) -> Self {
        Self { kind, actors: Vec::new(), text: None }
    }
}

/// ATOP's conditions on obligations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConditionType {
    /// Only against a named adversary.
    SpecificAdversary,
    /// Only for attacks in a given area.
    Location,
    /// Only in a named conflict.
    SpecificConflict,
    /// Only against a given number of adversaries.
    NumberOfAdversaries,
    /// Only if the adversary does not comply with a demand.
    NonCompliance,
    /// Only if the party did not provoke the attack.
    NonProvocation,
    /// Only when a party requests it (consultation).
    OnRequest,
    /// Any other condition (say which in `text`).
    Other,
}

crate::wire::wire_enum!(ConditionType, "condition type" {
    SpecificAdversary = "specific_adversary",
    Location = "location",
    SpecificConflict = "specific_conflict",
    NumberOfAdversaries = "number_of_adversaries",
    NonCompliance = "non_compliance",
    NonProvocation = "non_provocation",
    OnRequest = "on_request",
    Other = "other",
});

crate::with::with!(Obligation {
    with_obligors: obligors list ActorId;
    with_beneficiaries: beneficiaries list ActorId;
    with_conditions: conditions list Condition;
    with_clause: clause opt ClauseId;
    with_text: text opt String;
    with_citations: citations list Citation;
    with_dispute: dispute opt DisputeId;
});

crate::with::with!(Condition {
    with_actors: actors list ActorId;
    with_text: text opt String;
});

crate::objects_only::objects_only!(Obligation, Condition);
