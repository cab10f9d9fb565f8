//! Support: one actor backing another (UCDP's external support, widened).

use serde::{Deserialize, Serialize};

use crate::citation::Citation;
use crate::extensions::Extensions;
use crate::ids::{ActorId, DisputeId, SupportId};
use crate::values::EdtfDate;

/// An actor's support for another over a period: "Tehran has provided … political, financial,
/// cyber, and military support to the Assad regime" since 2011.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Support {
    /// Local id.
    pub id: SupportId,
    /// Who gives the support.
    pub supporter: ActorId,
    /// Who receives it.
    pub recipient: ActorId,
    /// The forms it takes (at least one).
    pub types: Vec<SupportType>,
    /// When: `"2011/.."` for "since 2011".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<EdtfDate>,
    /// How the source describes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    /// The dispute this record is one alternative of: records sharing a dispute compete, and at
    /// most one of them is true (see [`Dispute`](crate::Dispute)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute: Option<DisputeId>,
    /// Tool-specific data.
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

impl Support {
    /// A support relation with its required fields and nothing else.
    pub fn new(id: SupportId, supporter: ActorId, recipient: ActorId, types: Vec<SupportType>) -> Self {
        Self {
            id,
            supporter,
            recipient,
            types,
            period: None,
            description: None,
            citations: Vec::new(),
            dispute: None,
            extensions: Extensions::new(),
        }
    }
}

/// A form of support (UCDP external support types, plus political, financial and cyber).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SupportType {
    /// Troops fighting alongside.
    Troops,
    /// Military support the source does not break down.
    Military,
    /// Access to territory, bases.
    AccessToTerritory,
    /// Weapons.
    Weapons,
    /// Materiel and logistics.
    Materiel,
    /// Training and expertise.
    Training,
    /// Money.
    Financial,
    /// Intelligence.
    Intelligence,
    /// Diplomatic and political backing.
    Political,
    /// Cyber operations or capabilities.
    Cyber,
    /// Anything else.
    Other,
}

crate::wire::wire_enum!(SupportType, "support type" {
    Troops = "troops",
    Military = "military",
    AccessToTerritory = "access_to_territory",
    Weapons = "weapons",
    Materiel = "materiel",
    Training = "training",
    Financial = "financial",
    Intelligence = "intelligence",
    Political = "political",
    Cyber = "cyber",
    Other = "other",
});

use crate::validate::{Checker, Code, Path};

impl Support {
    pub(crate) fn check(&self, c: &mut Checker<'_>, path: &Path<'_>) {
        if self.types.is_empty() {
            c.issue(&path.key("types"), Code::EmptyList, "a support relation needs at least one type");
        }
        c.opt_date(&path.key("period"), self.period.as_ref());
        c.opt_text(&path.key("description"), self.description.as_ref());
        c.citations(path, &self.citations, true);
    }
}

crate::with::with!(Support {
    with_period: period opt EdtfDate;
    with_description: description opt String;
    with_citations: citations list Citation;
    with_extensions: extensions val Extensions;
    with_dispute: dispute opt DisputeId;
});

crate::objects_only::objects_only!(Support);
