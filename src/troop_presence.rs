//! Troop presence: which forces are on whose soil, how many, since when, with what consent.

use serde::{Deserialize, Serialize};

use crate::citation::Citation;
use crate::extensions::Extensions;
use crate::ids::{ActorId, AgreementId, TroopPresenceId};
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
    /// Whether the host's government consents.
    pub host_consent: HostConsent,
    /// The agreement the presence rests on, if any (a status-of-forces or basing agreement).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<AgreementId>,
    /// Sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
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
            agreement: None,
            citations: Vec::new(),
            extensions: Extensions::new(),
        }
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
        c.citations(path, &self.citations, true);
    }
}

crate::with::with!(TroopPresence {
    with_description: description opt String;
    with_location: location opt Place;
    with_since: since opt EdtfDate;
    with_as_of: as_of opt EdtfDate;
    with_purpose: purpose opt String;
    with_agreement: agreement opt AgreementId;
    with_citations: citations list Citation;
    with_extensions: extensions val Extensions;
});

crate::objects_only::objects_only!(TroopPresence);
