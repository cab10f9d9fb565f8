//! Cooperation: the areas a defense cooperation agreement covers (DCAD-style).

use serde::{Deserialize, Serialize};

use crate::citation::Citation;
use crate::ids::{ActorId, ClauseId, DisputeId};
use crate::values::Estimate;

/// An area of cooperation, with who provides and who receives. Empty `providers` or
/// `recipients` mean every party.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Cooperation {
    /// The area.
    pub area: CooperationArea,
    /// Who provides (parties of the agreement); empty means every party.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub providers: Vec<ActorId>,
    /// Who receives (parties of the agreement); empty means every party.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<ActorId>,
    /// What the text or the source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The clause stating it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<ClauseId>,
    /// Numeric caps the agreement sets: "no more than four warships at a time".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub limits: Vec<Limit>,
    /// Sources (the agreement's, when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    /// The dispute this record is one alternative of: records sharing a dispute compete, and at
    /// most one of them is true (see [`Dispute`](crate::Dispute)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute: Option<DisputeId>,
}

impl Cooperation {
    /// Cooperation in an area between every party: nothing else said.
    pub fn new(area: CooperationArea) -> Self {
        Self {
            area,
            providers: Vec::new(),
            recipients: Vec::new(),
            text: None,
            clause: None,
            limits: Vec::new(),
            citations: Vec::new(),
            dispute: None,
        }
    }

    /// Mutual cooperation in an area (the same as [`Cooperation::new`]).
    pub fn mutual(area: CooperationArea) -> Self {
        Self::new(area)
    }
}

/// A numeric cap an agreement sets: how many personnel, ships or aircraft at most (or at
/// least), of what, and where the text says so.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Limit {
    /// The number, as a bound with its unit: `{"high": 4, "qualifier": "at_most", "unit":
    /// "vessels"}` for "up to four warships".
    pub amount: Estimate,
    /// What is counted and when, in the text's words: "warships, including those with nuclear
    /// capabilities, at the same time".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The clause setting it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<ClauseId>,
    /// Sources (the enclosing record's, when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    /// The dispute this limit is one alternative of (sources giving different numbers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute: Option<DisputeId>,
}

impl Limit {
    /// A limit of `amount`, nothing else said.
    pub fn new(amount: Estimate) -> Self {
        Self { amount, text: None, clause: None, citations: Vec::new(), dispute: None }
    }
}

/// An area of defense cooperation (DCAD's areas, plus the provisions ATOP codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CooperationArea {
    /// Air and missile defense.
    AirDefense,
    /// Education and training.
    Training,
    /// Joint exercises.
    Exercises,
    /// Intelligence sharing.
    IntelligenceSharing,
    /// Joint weapons programs, defense industry.
    DefenseIndustry,
    /// Procurement and arms trade.
    Procurement,
    /// Defense research and development.
    ResearchAndDevelopment,
    /// Logistics and supply.
    Logistics,
    /// Officer exchanges.
    OfficerExchange,
    /// Peacekeeping.
    Peacekeeping,
    /// Exchange and protection of classified information.
    ClassifiedInformation,
    /// Counter-terrorism.
    CounterTerrorism,
    /// Cyber defense.
    Cyber,
    /// Coordination between armed forces, policy coordination, working groups.
    Coordination,
    /// Military cooperation in general, not broken down.
    MilitaryCooperation,
    /// Security cooperation in general, not broken down.
    SecurityCooperation,
    /// Use of bases and facilities (ATOP BASE).
    Basing,
    /// Status of one party's forces on the other's soil.
    StatusOfForces,
    /// Military aid: grants, credits, equipment (ATOP MILAID).
    MilitaryAid,
    /// Integrated or joint command (ATOP INTCOM).
    IntegratedCommand,
    /// Anything else.
    Other,
}

crate::wire::wire_enum!(CooperationArea, "cooperation area" {
    AirDefense = "air_defense",
    Training = "training",
    Exercises = "exercises",
    IntelligenceSharing = "intelligence_sharing",
    DefenseIndustry = "defense_industry",
    Procurement = "procurement",
    ResearchAndDevelopment = "research_and_development",
    Logistics = "logistics",
    OfficerExchange = "officer_exchange",
    Peacekeeping = "peacekeeping",
    ClassifiedInformation = "classified_information",
    CounterTerrorism = "counter_terrorism",
    Cyber = "cyber",
    Coordination = "coordination",
    MilitaryCooperation = "military_cooperation",
    SecurityCooperation = "security_cooperation",
    Basing = "basing",
    StatusOfForces = "status_of_forces",
    MilitaryAid = "military_aid",
    IntegratedCommand = "integrated_command",
    Other = "other",
});

crate::with::with!(Cooperation {
    with_providers: providers list ActorId;
    with_recipients: recipients list ActorId;
    with_text: text opt String;
    with_clause: clause opt ClauseId;
    with_limits: limits list Limit;
    with_citations: citations list Citation;
    with_dispute: dispute opt DisputeId;
});

crate::with::with!(Limit {
    with_text: text opt String;
    with_clause: clause opt ClauseId;
    with_citations: citations list Citation;
    with_dispute: dispute opt DisputeId;
});

crate::objects_only::objects_only!(Cooperation, Limit);
