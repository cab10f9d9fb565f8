//! Relations between agreements.

use serde::{Deserialize, Serialize};

use crate::citation::Citation;
use crate::external::ExternalRef;
use crate::ids::{AgreementId, DisputeId};

/// A link to another agreement: in the dossier (`agreement`), in another dossier (`external`),
/// or only named (`title`). At least one of the three is required.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Related {
    /// How this agreement relates to the other.
    pub relation: Relation,
    /// The other agreement, when it is in the dossier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<AgreementId>,
    /// The other agreement, when it is kept in another dossier (or known by an outside
    /// identifier such as its UNTS number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external: Option<ExternalRef>,
    /// The other agreement's title, when it is not in this dossier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    /// The dispute this record is one alternative of: records sharing a dispute compete, and at
    /// most one of them is true (see [`Dispute`](crate::Dispute)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute: Option<DisputeId>,
}

impl Related {
    /// A relation with no target yet: set `agreement`, `external` or `title` (one is required).
    pub fn new(relation: Relation) -> Self {
        Self { relation, agreement: None, external: None, title: None, citations: Vec::new(), dispute: None }
    }
}

/// How one agreement relates to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Relation {
    /// Changes the other's text.
    Amends,
    /// Replaces the other.
    Supersedes,
    /// Carries the other out (an implementing arrangement).
    Implements,
    /// Continues or extends the other.
    BuildsOn,
    /// Mentions the other.
    References,
}

crate::wire::wire_enum!(Relation, "relation" {
    Amends = "amends",
    Supersedes = "supersedes",
    Implements = "implements",
    BuildsOn = "builds_on",
    References = "references",
});

crate::with::with!(Related {
    with_agreement: agreement opt AgreementId;
    with_external: external opt ExternalRef;
    with_title: title opt String;
    with_citations: citations list Citation;
    with_dispute: dispute opt DisputeId;
});

crate::objects_only::objects_only!(Related);
