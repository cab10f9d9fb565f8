//! Agreements: parties, signatures, lifecycle, duration, obligations, cooperation, clauses.

mod check;
mod clause;
mod cooperation;
mod duration;
mod establishment;
mod form;
mod lifecycle;
mod lifecycle_check;
mod obligation;
mod ordering;
mod party;
mod relation;
mod signature;
mod status;
// Successor seats (`holders`, `seat_intervals`) are read by the tables only.
#[cfg_attr(not(feature = "tables"), allow(dead_code))]
pub(crate) mod views;

pub use clause::{Clause, TextMode};
pub use cooperation::{Cooperation, CooperationArea, Limit};
pub use duration::{Duration, Renewal, WithdrawalTerms};
pub use establishment::Establishment;
pub use form::InstrumentForm;
pub use lifecycle::{Action, ActionType};
pub use obligation::{Condition, ConditionType, Obligation, ObligationType};
pub use party::{Party, PartyRole};
pub use relation::{Related, Relation};
pub use signature::{Signature, SignatureRole};
pub use status::AgreementStatus;
pub use views::{BindingInterval, Lifecycle, PartyStatus, TimelineEntry, TimelineEvent, UnknownName};

use serde::{Deserialize, Serialize};

use crate::citation::Citation;
use crate::extensions::Extensions;
use crate::ids::{ActorId, AgreementId};
use crate::name::OtherName;
use crate::values::{Identifier, LanguageCode};

/// An agreement between two or more parties, with everything known of its text and life.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Agreement {
    /// Local id.
    pub id: AgreementId,
    /// The title, official where there is one, else descriptive.
    pub title: String,
    /// Other titles: short names, titles in the other authentic languages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_titles: Vec<OtherName>,
    /// What sort of agreement it is.
    pub kind: AgreementKind,
    /// The form of the instrument (treaty, exchange of notes, joint communiqué …), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<InstrumentForm>,
    /// The parties and others with a role (guarantor, depositary …). At least two parties.
    pub parties: Vec<Party>,
    /// The lifecycle: signature, ratification, entry into force, withdrawal … Status is
    /// derived from it ([`Agreement::status`]), never stored.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// Who signed for each party. Competing reports of one signature are kept side by side,
    /// each with its citation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatures: Vec<Signature>,
    /// How long it lasts and how a party may leave.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<Duration>,
    /// The pledges (ATOP's defense, offense, neutrality, non-aggression, consultation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub obligations: Vec<Obligation>,
    /// The areas of cooperation (DCA-style).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cooperation: Vec<Cooperation>,
    /// Articles of the text, when known.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clauses: Vec<Clause>,
    /// Organizations this agreement creates (a treaty establishing an alliance organization).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub establishes: Vec<Establishment>,
    /// Other agreements this one amends, supersedes, implements, builds on or cites.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// Whether the text is public.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidentiality: Option<Confidentiality>,
    /// The authentic languages of the text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<LanguageCode>,
    /// Outside identifiers: ATOP id, COW alliance id, UNTS number, Wikidata QID.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Identifier>,
    /// Sources for the agreement as a whole (nested facts without their own citations
    /// rest on these).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    /// Tool-specific data.
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

impl Agreement {
    /// An agreement with a title, kind and parties, and nothing else yet.
    pub fn new(id: AgreementId, title: impl Into<String>, kind: AgreementKind, parties: Vec<Party>) -> Self {
        Self {
            id,
            title: title.into(),
            other_titles: Vec::new(),
            kind,
            form: None,
            parties,
            actions: Vec::new(),
            signatures: Vec::new(),
            duration: None,
            obligations: Vec::new(),
            cooperation: Vec::new(),
            clauses: Vec::new(),
            establishes: Vec::new(),
            related: Vec::new(),
            confidentiality: None,
            languages: Vec::new(),
            identifiers: Vec::new(),
            citations: Vec::new(),
            extensions: Extensions::new(),
        }
    }

    /// Whether `actor` is listed among the parties (with any role).
    pub fn has_party(&self, actor: impl AsRef<str>) -> bool {
        let actor = actor.as_ref();
        self.parties.iter().any(|p| p.actor.as_str() == actor)
    }

    /// The actors that are full parties (role `party`), in order.
    pub fn party_actors(&self) -> impl Iterator<Item = &ActorId> {
        self.parties.iter().filter(|p| p.role == PartyRole::Party).map(|p| &p.actor)
    }

    /// The clause with this id.
    pub fn clause(&self, id: impl AsRef<str>) -> Option<&Clause> {
        let id = id.as_ref();
        self.clauses.iter().find(|c| c.id.as_str() == id)
    }
}

/// What sort of agreement it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AgreementKind {
    /// A pledge of mutual or collective defense (ATOP defense, COW Type I).
    DefensePact,
    /// A framework for routine defense relations (DCAD's defense cooperation agreement).
    DefenseCooperation,
    /// Cooperation between armed forces (training, equipment, coordination).
    MilitaryCooperation,
    /// Cooperation between security services (police, intelligence, counter-terrorism).
    SecurityCooperation,
    /// The legal status of one party's forces on the other's territory (SOFA).
    StatusOfForces,
    /// Use of bases or facilities.
    Basing,
    /// Sale or transfer of arms.
    ArmsTransfer,
    /// A pledge not to attack each other (COW Type II).
    NonAggression,
    /// A pledge to stay out of a conflict involving the other (COW Type II).
    Neutrality,
    /// A pledge to consult in a crisis (COW Type III entente).
    Entente,
    /// A non-binding memorandum of understanding.
    MemorandumOfUnderstanding,
    /// A ceasefire, de-escalation or peace arrangement (the Astana understandings).
    Ceasefire,
    /// A treaty or declaration of (comprehensive) strategic partnership: a broad political
    /// framework that may carry security pledges (the Russia–DPRK treaty of 2024, whose
    /// Article 4 is a defense pledge).
    StrategicPartnership,
    /// An umbrella agreement whose details are left to implementing arrangements (DCAD's
    /// defense cooperation agreements are framework treaties of this sort).
    FrameworkAgreement,
    /// A treaty of friendship, cooperation (and often mutual assistance): a form ATOP codes
    /// often, from the Soviet treaties of the Cold War to their successors.
    FriendshipTreaty,
    /// Anything else.
    Other,
}

crate::wire::wire_enum!(AgreementKind, "agreement kind" {
    DefensePact = "defense_pact",
    DefenseCooperation = "defense_cooperation",
    MilitaryCooperation = "military_cooperation",
    SecurityCooperation = "security_cooperation",
    StatusOfForces = "status_of_forces",
    Basing = "basing",
    ArmsTransfer = "arms_transfer",
    NonAggression = "non_aggression",
    Neutrality = "neutrality",
    Entente = "entente",
    MemorandumOfUnderstanding = "memorandum_of_understanding",
    Ceasefire = "ceasefire",
    StrategicPartnership = "strategic_partnership",
    FrameworkAgreement = "framework_agreement",
    FriendshipTreaty = "friendship_treaty",
    Other = "other",
});

/// Whether an agreement's text is public.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Confidentiality {
    /// Published in full.
    Public,
    /// Published in part; some provisions or annexes secret (ATOP PUBSECR 2).
    PartlySecret,
    /// Secret as a whole.
    Secret,
}

crate::wire::wire_enum!(Confidentiality, "confidentiality" {
    Public = "public",
    PartlySecret = "partly_secret",
    Secret = "secret",
});

crate::with::with!(Agreement {
    with_other_titles: other_titles list OtherName;
    with_form: form opt InstrumentForm;
    with_actions: actions list Action;
    with_signatures: signatures list Signature;
    with_duration: duration opt Duration;
    with_obligations: obligations list Obligation;
    with_cooperation: cooperation list Cooperation;
    with_clauses: clauses list Clause;
    with_establishes: establishes list Establishment;
    with_related: related list Related;
    with_confidentiality: confidentiality opt Confidentiality;
    with_languages: languages list LanguageCode;
    with_identifiers: identifiers list Identifier;
    with_citations: citations list Citation;
    with_extensions: extensions val Extensions;
});

crate::objects_only::objects_only!(Agreement);
