//! Disputes: competing claims, of which at most one is true.

use serde::{Deserialize, Serialize};

use crate::agreement::{Action, Agreement, Cooperation, Establishment, Limit, Obligation, Related, Signature};
use crate::citation::Citation;
use crate::extensions::Extensions;
use crate::ids::{DisputeId, SourceId};
use crate::nested::Marked;
use crate::person::{Person, Post};
use crate::reference::RecordRef;
use crate::statement::Statement;
use crate::support::Support;
use crate::troop_presence::{ConsentClaim, TroopPresence};

/// A set of competing claims: records that sources give as alternatives, at most one of which
/// is true (two sources naming different signers for one party).
///
/// The alternatives are not listed here: each competing record carries `"dispute": ID`. Records
/// that share a dispute are alternatives; records without one are independent facts (one party
/// may really have two signers). Keeping the mark on the records lets a nested record without an
/// id (a signature, an obligation) take part, and lets a merge mark two records it finds in
/// conflict without rewriting either.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Dispute {
    /// Local id.
    pub id: DisputeId,
    /// What the alternatives answer: "Who signed for Syria?".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// Sources that discuss the disagreement itself (each alternative cites its own).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    /// For a dispute over one value of one record (an agreement's kind, a troop presence's
    /// strength, a statement's date): that record. Absent when the alternatives are records
    /// marked with the dispute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<RecordRef>,
    /// The disputed field of `record`, as a JSON Pointer inside it: `/kind`, `/strength`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The values the sources give for `field`, each with its own citations; the record shows
    /// one of them, and at most one is true.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<ValueAlternative>,
    /// Tool-specific data.
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

impl Dispute {
    /// A dispute with nothing said about it yet.
    pub fn new(id: DisputeId) -> Self {
        Self {
            id,
            question: None,
            citations: Vec::new(),
            record: None,
            field: None,
            alternatives: Vec::new(),
            extensions: Extensions::new(),
        }
    }

    /// A dispute over the value of `field` (a JSON Pointer) of `record`, between `alternatives`.
    pub fn over_field(
        id: DisputeId,
        record: RecordRef,
        field: impl Into<String>,
        alternatives: Vec<ValueAlternative>,
    ) -> Self {
        Self { record: Some(record), field: Some(field.into()), alternatives, ..Self::new(id) }
    }

    /// Whether the dispute is over a field's value (rather than between marked records).
    pub fn is_over_field(&self) -> bool {
        self.record.is_some() || self.field.is_some() || !self.alternatives.is_empty()
    }
}

/// One value sources give for a disputed field, with the sources that give it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ValueAlternative {
    /// The value, as it would be written in the field.
    // Any JSON value, said explicitly: code generators read a schema without `type` as an object.
    #[cfg_attr(feature = "schema", schemars(extend("anyOf" = [
        { "type": "null" }, { "type": "boolean" }, { "type": "number" },
        { "type": "string" }, { "type": "array" }, { "type": "object" }
    ])))]
    pub value: serde_json::Value,
    /// The sources that give it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}

impl ValueAlternative {
    /// A value with no citations yet.
    pub fn new(value: serde_json::Value) -> Self {
        Self { value, citations: Vec::new() }
    }

    /// The same value, cited.
    pub fn with_citations(mut self, citations: Vec<Citation>) -> Self {
        self.citations = citations;
        self
    }
}

/// One record of a dispute, as found in the dossier: the competing record and, for nested
/// records, the record holding it.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Claim<'a> {
    /// A signature of an agreement.
    Signature {
        /// The agreement signed.
        agreement: &'a Agreement,
        /// The signature.
        signature: &'a Signature,
    },
    /// A pledge of an agreement.
    Obligation {
        /// The agreement.
        agreement: &'a Agreement,
        /// The pledge.
        obligation: &'a Obligation,
    },
    /// An area of cooperation of an agreement.
    Cooperation {
        /// The agreement.
        agreement: &'a Agreement,
        /// The area.
        cooperation: &'a Cooperation,
    },
    /// A relation of an agreement to another.
    Related {
        /// The agreement.
        agreement: &'a Agreement,
        /// The relation.
        related: &'a Related,
    },
    /// A numeric limit set by a cooperation area of an agreement.
    Limit {
        /// The agreement.
        agreement: &'a Agreement,
        /// The limit.
        limit: &'a Limit,
    },
    /// An organization an agreement establishes.
    Establishment {
        /// The agreement.
        agreement: &'a Agreement,
        /// The establishment.
        establishment: &'a Establishment,
    },
    /// A claim about a host's consent to a troop presence.
    ConsentClaim {
        /// The presence.
        presence: &'a TroopPresence,
        /// The claim.
        claim: &'a ConsentClaim,
    },
    /// A lifecycle act of an agreement (reports of one act that disagree on its date, place or
    /// type).
    Action {
        /// The agreement.
        agreement: &'a Agreement,
        /// The act.
        action: &'a Action,
    },
    /// A troop presence.
    TroopPresence(&'a TroopPresence),
    /// A support relation.
    Support(&'a Support),
    /// A statement (reports that disagree on who said it, or when).
    Statement(&'a Statement),
    /// A post held by a person.
    Post {
        /// The holder.
        person: &'a Person,
        /// The post.
        post: &'a Post,
    },
}

impl<'a> Claim<'a> {
    /// The claim's own citations, else (for a nested fact) those it leans on: its record's.
    pub fn citations(&self) -> &'a [Citation] {
        use crate::nested::{Fact, Holder, Nested};
        let nested = |holder, fact| Nested { holder, fact }.citations();
        match *self {
            Claim::Signature { agreement, signature } => {
                nested(Holder::Agreement(agreement), Fact::Signature(signature))
            }
            Claim::Obligation { agreement, obligation } => {
                nested(Holder::Agreement(agreement), Fact::Obligation(obligation))
            }
            Claim::Cooperation { agreement, cooperation } => {
                nested(Holder::Agreement(agreement), Fact::Cooperation(cooperation))
            }
            Claim::Related { agreement, related } => nested(Holder::Agreement(agreement), Fact::Related(related)),
            Claim::Limit { agreement, limit } => nested(Holder::Agreement(agreement), Fact::Limit(limit)),
            Claim::Establishment { agreement, establishment } => {
                nested(Holder::Agreement(agreement), Fact::Establishment(establishment))
            }
            Claim::Action { agreement, action } => nested(Holder::Agreement(agreement), Fact::Action(action)),
            Claim::ConsentClaim { presence, claim } => {
                nested(Holder::TroopPresence(presence), Fact::ConsentClaim(claim))
            }
            Claim::Post { person, post } => nested(Holder::Person(person), Fact::Post(post)),
            Claim::TroopPresence(t) => &t.citations,
            Claim::Support(s) => &s.citations,
            Claim::Statement(s) => &s.citations,
        }
    }
}

/// A dispute with the records that compete in it, in document order.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Competing<'a> {
    /// The dispute.
    pub dispute: &'a Dispute,
    /// Its alternatives: at most one is true.
    pub claims: Vec<Claim<'a>>,
}

impl<'a> Competing<'a> {
    /// The distinct sources the alternatives cite (records or values), in order of first
    /// citation.
    pub fn sources(&self) -> Vec<&'a SourceId> {
        let mut seen: Vec<&'a SourceId> = Vec::new();
        let values = self.dispute.alternatives.iter().flat_map(|a| &a.citations);
        for c in self.claims.iter().flat_map(|claim| claim.citations()).chain(values) {
            {
                // Disputes have a handful of alternatives and sources: a scan is enough.
                if !seen.contains(&&c.source) {
                    seen.push(&c.source);
                }
            }
        }
        seen
    }
}

impl<'a> Claim<'a> {
    pub(crate) fn from_marked(marked: Marked<'a>) -> Option<Self> {
        use crate::nested::{Fact, Holder};
        Some(match marked {
            Marked::TroopPresence(t) => Claim::TroopPresence(t),
            Marked::Support(s) => Claim::Support(s),
            Marked::Statement(s) => Claim::Statement(s),
            Marked::Nested(n) => match (n.holder, n.fact) {
                (Holder::Agreement(agreement), Fact::Action(action)) => Claim::Action { agreement, action },
                (Holder::Agreement(agreement), Fact::Signature(signature)) => Claim::Signature { agreement, signature },
                (Holder::Agreement(agreement), Fact::Obligation(obligation)) => {
                    Claim::Obligation { agreement, obligation }
                }
                (Holder::Agreement(agreement), Fact::Cooperation(cooperation)) => {
                    Claim::Cooperation { agreement, cooperation }
                }
                (Holder::Agreement(agreement), Fact::Limit(limit)) => Claim::Limit { agreement, limit },
                (Holder::Agreement(agreement), Fact::Establishment(establishment)) => {
                    Claim::Establishment { agreement, establishment }
                }
                (Holder::Agreement(agreement), Fact::Related(related)) => Claim::Related { agreement, related },
                (Holder::TroopPresence(presence), Fact::ConsentClaim(claim)) => Claim::ConsentClaim { presence, claim },
                (Holder::Person(person), Fact::Post(post)) => Claim::Post { person, post },
                _ => return None,
            },
        })
    }
}

use crate::validate::{Checker, Path};

impl Dispute {
    pub(crate) fn check(&self, c: &mut Checker<'_>, path: &Path<'_>) {
        c.opt_text(&path.key("question"), self.question.as_ref());
        c.citations(path, &self.citations, false);
    }
}

crate::with::with!(Dispute {
    with_question: question opt String;
    with_citations: citations list Citation;
    with_record: record opt RecordRef;
    with_field: field opt String;
    with_alternatives: alternatives list ValueAlternative;
    with_extensions: extensions val Extensions;
});

crate::objects_only::objects_only!(Dispute);
