//! Cooperation: the areas a defense cooperation agreement covers (DCAD-style).

use serde::{Deserialize, Serialize};

use crate::citation::Citation;
use crate::ids::{ActorId, ClauseId};

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
    /// Sources (the agreement's, when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}

impl Cooperation {
    /// Mutual cooperation in an area.
    pub fn new(area: CooperationArea) -> Self {
        Self { area, providers: Vec::new(), recipients: Vec::new(), text: None, clause: None, citations: Vec::new() }
    }

    /// Mutual cooperation in an area (the same as [`Cooperation::new`]).
    pub fn mutual(area: CooperationArea) -> Self {
        Self::new(area)
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
    with_citations: citations list Citation;
});

crate::objects_only::objects_only!(Cooperation);
