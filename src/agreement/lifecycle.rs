//! The lifecycle of an agreement: a log of dated actions, from negotiation to termination.

use serde::{Deserialize, Serialize};

use crate::citation::Citation;
use crate::ids::{ActorId, DisputeId, PersonId};
use crate::values::{EdtfDate, Place};

/// One dated step in an agreement's life (the treaty-law acts of the VCLT and the UN status
/// tables). With `party`, the act is one party's (its ratification, its withdrawal); without,
/// it concerns the agreement as a whole. With `party` and `toward`, it is one party's act in
/// its relations with the listed parties only (a suspension between two parties of a
/// multilateral treaty, VCLT Arts. 58, 60). `docs/lifecycle.md` gives each act's meaning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Action {
    /// What happened.
    #[serde(rename = "type")]
    pub kind: ActionType,
    /// When it happened; for a withdrawal or denunciation, when notice was given.
    pub date: EdtfDate,
    /// The party acting, for party-level acts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<ActorId>,
    /// The counterpart parties, for an act of `party` that concerns its relations with these
    /// parties only (suspension, resumption, termination between some parties). Empty: toward
    /// every other party.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub toward: Vec<ActorId>,
    /// For a suspension or resumption `toward` counterparts: whether it is mutual, the
    /// counterparts suspending (resuming) their obligations toward `party` too. A suspension
    /// is otherwise the acting party's own: it suspends `party`'s obligations toward the
    /// counterparts only (the United States toward New Zealand under ANZUS, 1986). Absent or
    /// `false`: the acting party's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mutual: Option<bool>,
    /// When it took effect, if later than `date` (a withdrawal a year after notice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<EdtfDate>,
    /// Who performed the act for the party: the person (a minister depositing an instrument,
    /// an ambassador handing over a note of withdrawal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub performed_by: Option<PersonId>,
    /// The organ that performed the act: a parliament approving, a government giving notice
    /// (an actor, usually an organ of the acting party).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organ: Option<ActorId>,
    /// Where the act took place (the city of signature, of deposit of an instrument).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// Details in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Sources (the agreement's, when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    /// The dispute this act is one alternative of: reports of one act that disagree on its
    /// date, place or type are kept as alternatives sharing a dispute, at most one of them true
    /// (see [`Dispute`](crate::Dispute)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute: Option<DisputeId>,
}

impl Action {
    /// An act concerning the whole agreement.
    pub fn new(kind: ActionType, date: EdtfDate) -> Self {
        Self {
            kind,
            date,
            party: None,
            toward: Vec::new(),
            mutual: None,
            effective: None,
            performed_by: None,
            organ: None,
            place: None,
            text: None,
            citations: Vec::new(),
            dispute: None,
        }
    }

    /// The same act, by one party.
    pub fn by(mut self, party: ActorId) -> Self {
        self.party = Some(party);
        self
    }

    /// The same act, toward these counterpart parties only.
    pub fn toward(mut self, counterparts: Vec<ActorId>) -> Self {
        self.toward = counterparts;
        self
    }

    /// The same act, recorded as mutual: the counterparts suspend (resume) theirs too.
    pub fn mutual(mut self) -> Self {
        self.mutual = Some(true);
        self
    }

    /// Whether the act is recorded as mutual (`mutual: true`).
    pub fn is_mutual(&self) -> bool {
        self.mutual == Some(true)
    }

    /// When the act has its effect: `effective` when given, else `date`.
    pub fn effective_date(&self) -> &EdtfDate {
        self.effective.as_ref().unwrap_or(&self.date)
    }
}

/// A lifecycle act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ActionType {
    /// Talks on the text.
    Negotiation,
    /// Signature (VCLT Arts. 10, 12).
    Signature,
    /// Ratification (VCLT Art. 14).
    Ratification,
    /// Acceptance or approval, in place of ratification (VCLT Art. 14).
    Approval,
    /// Accession by a state that did not sign (VCLT Art. 15).
    Accession,
    /// A successor state's notification of succession (Vienna Convention on Succession of
    /// States in respect of Treaties, 1978, Arts. 17, 34): its consent to be bound, usually
    /// `effective` from the date of succession, before the notification itself.
    Succession,
    /// Provisional application before entry into force (VCLT Art. 25).
    ProvisionalApplication,
    /// Entry into force (VCLT Art. 24).
    EntryIntoForce,
    /// A reservation (VCLT Arts. 19–23).
    Reservation,
    /// An interpretive declaration or understanding: how a party reads a provision, without
    /// excluding or modifying it (the US understanding on the Manila Pact).
    InterpretiveDeclaration,
    /// Approval by a party's own institutions (a parliament's consent), before ratification.
    DomesticApproval,
    /// An amendment (VCLT Arts. 39–41).
    Amendment,
    /// Suspension of the agreement (VCLT Art. 57); by a party, of its participation; by a
    /// party `toward` others, of the agreement between them only (VCLT Arts. 58, 60).
    Suspension,
    /// The end of a suspension of the same scope (the agreement, a party, a pair).
    Resumption,
    /// A party's withdrawal (VCLT Arts. 54–56).
    Withdrawal,
    /// A party's denunciation (a withdrawal in the text's own word).
    Denunciation,
    /// Renewal for a further term (see [`crate::agreement::Duration::FixedTerm`]).
    Renewal,
    /// Termination of the agreement as a whole (VCLT Arts. 54, 59–62); by a party `toward`
    /// others, termination between them only (VCLT Art. 60(2)(a)).
    Termination,
}

crate::wire::wire_enum!(ActionType, "action type" {
    Negotiation = "negotiation",
    Signature = "signature",
    Ratification = "ratification",
    Approval = "approval",
    Accession = "accession",
    Succession = "succession",
    ProvisionalApplication = "provisional_application",
    EntryIntoForce = "entry_into_force",
    Reservation = "reservation",
    InterpretiveDeclaration = "interpretive_declaration",
    DomesticApproval = "domestic_approval",
    Amendment = "amendment",
    Suspension = "suspension",
    Resumption = "resumption",
    Withdrawal = "withdrawal",
    Denunciation = "denunciation",
    Renewal = "renewal",
    Termination = "termination",
});

impl ActionType {
    /// Whether the act is one party's by nature and must name it.
    pub fn requires_party(self) -> bool {
        matches!(
            self,
            Self::Withdrawal
                | Self::Denunciation
                | Self::Accession
                | Self::Succession
                | Self::Reservation
                | Self::InterpretiveDeclaration
                | Self::DomesticApproval
        )
    }
}

crate::with::with!(Action {
    with_party: party opt ActorId;
    with_mutual: mutual opt bool;
    with_toward: toward list ActorId;
    with_place: place opt Place;
    with_effective: effective opt EdtfDate;
    with_performed_by: performed_by opt PersonId;
    with_organ: organ opt ActorId;
    with_text: text opt String;
    with_citations: citations list Citation;
    with_dispute: dispute opt DisputeId;
});

crate::objects_only::objects_only!(Action);
