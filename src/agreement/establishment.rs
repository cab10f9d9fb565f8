//! Organizations an agreement creates.

use serde::{Deserialize, Serialize};

use crate::citation::Citation;
use crate::ids::{ActorId, ClauseId, DisputeId};

/// An organization the agreement brings into being: the Manila Pact's Council, which became
/// SEATO. The organization is an actor of the dossier; its `founded` date is its own.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Establishment {
    /// The organization created.
    pub organization: ActorId,
    /// The clause creating it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<ClauseId>,
    /// Sources (the agreement's, when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    /// The dispute this claim is one alternative of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute: Option<DisputeId>,
}

impl Establishment {
    /// The agreement creates `organization`.
    pub fn new(organization: ActorId) -> Self {
        Self { organization, clause: None, citations: Vec::new(), dispute: None }
    }
}

crate::with::with!(Establishment {
    with_clause: clause opt ClauseId;
    with_citations: citations list Citation;
    with_dispute: dispute opt DisputeId;
});

crate::objects_only::objects_only!(Establishment);
