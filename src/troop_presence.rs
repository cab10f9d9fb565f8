//! Troop presence: which forces are on whose soil, how many, since when, with what consent.

use serde::{Deserialize, Serialize};

use crate::citation::Citation;
use crate::extensions::Extensions;
use crate::ids::{ActorId, AgreementId, DisputeId, StatementId, TroopPresenceId};
use crate::values::{CountryCode, EdtfDate, Estimate, Place};

/// Forces of one or more actors present in a host country, as a source estimates them
/// (the IISS Military Balance "deployment" line, with its uncertainty kept).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct TroopPresence {
    /// Local id.
    pub id: TroopPresenceId,
    /// The actors whose forces these are (at least one).
    pub forces: Vec<ActorId>,
    /// How the source describes the forces: "Shi'a foreign fighters of Hezbollah and other militia groups".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The country they are in.
    pub host_country: CountryCode,
    /// Where in it, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Place>,
    /// How many.
    pub strength: Estimate,
    /// Since when they are there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<EdtfDate>,
    /// The date the estimate refers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<EdtfDate>,
    /// What they are there for, as the source says it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// Whether the host's government consents (the encoder's judgement; who says what is in
    /// `consent_claims`).
    pub host_consent: HostConsent,
    /// Who says the presence is, or is not, consented to, and where.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consent_claims: Vec<ConsentClaim>,
    /// The agreement the presence rests on, if any (a status-of-forces or basing agreement).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<AgreementId>,
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

impl TroopPresence {
    /// A presence of `forces` in `host_country`, with its required fields and nothing else.
    pub fn new(
        id: TroopPresenceId,
        forces: Vec<ActorId>,
        host_country: CountryCode,
        strength: Estimate,
        host_consent: HostConsent,
    ) -> Self {
        Self {
            id,
            forces,
            description: None,
            host_country,
            location: None,
            strength,
            since: None,
            as_of: None,
            purpose: None,
            host_consent,
            consent_claims: Vec::new(),
            agreement: None,
            citations: Vec::new(),
            dispute: None,
            extensions: Extensions::new(),
        }
    }
}

/// One actor's claim about the host's consent: "Syria says the presence is without its
/// consent", with the statement and the sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct ConsentClaim {
    /// Who makes the claim (the host, the sending state, a third party).
    pub claimant: ActorId,
    /// What they claim: `consented` or `not_consented` (or `contested`, `unknown`).
    pub consent: HostConsent,
    /// When the claim was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<EdtfDate>,
    /// The statement making it, when the dossier records it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<StatementId>,
    /// The claim in the source's words, or a summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    /// The dispute this claim is one alternative of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute: Option<DisputeId>,
}

impl ConsentClaim {
    /// `claimant` says the host's consent is `consent`.
    pub fn new(claimant: ActorId, consent: HostConsent) -> Self {
        Self { claimant, consent, date: None, statement: None, text: None, citations: Vec::new(), dispute: None }
    }
}

/// Whether a host government consents to a foreign presence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum HostConsent {
    /// Invited or agreed to.
    Consented,
    /// Present against the host government's will.
    NotConsented,
    /// Claimed by one side, denied by another.
    Contested,
    /// The source does not say.
    Unknown,
}

crate::wire::wire_enum!(HostConsent, "host consent" {
    Consented = "consented",
    NotConsented = "not_consented",
    Contested = "contested",
    Unknown = "unknown",
});

use crate::validate::{Checker, Code, Path};

impl TroopPresence {
    pub(crate) fn check(&self, c: &mut Checker<'_>, path: &Path<'_>) {
        if self.forces.is_empty() {
            c.issue(&path.key("forces"), Code::EmptyList, "a troop presence needs at least one actor in forces");
        }
        c.opt_text(&path.key("description"), self.description.as_ref());
        c.place(&path.key("location"), self.location.as_ref());
        c.estimate(&path.key("strength"), &self.strength);
        c.opt_date(&path.key("since"), self.since.as_ref());
        c.opt_date(&path.key("as_of"), self.as_of.as_ref());
        c.date_pair(&path.key("as_of"), self.since.as_ref(), self.as_of.as_ref(), "as_of");
        c.opt_text(&path.key("purpose"), self.purpose.as_ref());
        let claims = path.key("consent_claims");
        for (i, claim) in self.consent_claims.iter().enumerate() {
            let at = claims.index(i);
            c.opt_date(&at.key("date"), claim.date.as_ref());
            c.opt_text(&at.key("text"), claim.text.as_ref());
            // A claim is only as good as the record of who made it: its own source, or the
            // statement's, or the presence's.
            let backed = claim.statement.is_some() || !self.citations.is_empty();
            c.citations(&at, &claim.citations, !backed);
        }
        c.citations(path, &self.citations, true);
    }
}

crate::with::with!(TroopPresence {
    with_description: description opt String;
    with_location: location opt Place;
    with_since: since opt EdtfDate;
    with_as_of: as_of opt EdtfDate;
    with_purpose: purpose opt String;
    with_consent_claims: consent_claims list ConsentClaim;
    with_agreement: agreement opt AgreementId;
    with_citations: citations list Citation;
    with_extensions: extensions val Extensions;
    with_dispute: dispute opt DisputeId;
});

crate::with::with!(ConsentClaim {
    with_date: date opt EdtfDate;
    with_statement: statement opt StatementId;
    with_text: text opt String;
    with_citations: citations list Citation;
    with_dispute: dispute opt DisputeId;
});

crate::objects_only::objects_only!(TroopPresence, ConsentClaim);
