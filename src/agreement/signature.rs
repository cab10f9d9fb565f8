//! Signatures: who signed for which party, in what capacity, when and where.

use serde::{Deserialize, Serialize};

use crate::citation::Citation;
use crate::ids::{ActorId, DisputeId, PersonId};
use crate::values::{EdtfDate, Place};

/// One person signing for one party. Sources that disagree on who signed give two records,
/// each with its citation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Signature {
    /// The party signed for; must be a party of the agreement.
    pub party: ActorId,
    /// The person who signed.
    pub signer: PersonId,
    /// The capacity in which they signed ("Defense Minister", "with full powers"); needed when
    /// the signer holds no post in the party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<String>,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<EdtfDate>,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// What the person did at the signing: signed (the default, when absent) or witnessed
    /// ("signed in the presence of", "witnessed by").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<SignatureRole>,
    /// Sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    /// The dispute this record is one alternative of: records sharing a dispute compete, and at
    /// most one of them is true (see [`Dispute`](crate::Dispute)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute: Option<DisputeId>,
}

impl Signature {
    /// A signature with no date, place or capacity yet.
    pub fn new(party: ActorId, signer: PersonId) -> Self {
        Self {
            party,
            signer,
            capacity: None,
            date: None,
            place: None,
            role: None,
            citations: Vec::new(),
            dispute: None,
        }
    }

    /// Whether the person signed (rather than witnessed the signing).
    pub fn is_signatory(&self) -> bool {
        self.role.is_none_or(|r| r == SignatureRole::Signatory)
    }
}

/// What a person named in a signature did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SignatureRole {
    /// Signed the agreement for the party.
    Signatory,
    /// Witnessed the signing for the party without signing: "signed in the presence of",
    /// "witnessed by". A witness does not make the party a signatory.
    Witness,
}

crate::wire::wire_enum!(SignatureRole, "signature role" {
    Signatory = "signatory",
    Witness = "witness",
});

crate::with::with!(Signature {
    with_capacity: capacity opt String;
    with_date: date opt EdtfDate;
    with_place: place opt Place;
    with_role: role opt SignatureRole;
    with_citations: citations list Citation;
    with_dispute: dispute opt DisputeId;
});

crate::objects_only::objects_only!(Signature);
