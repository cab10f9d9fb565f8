//! Disputes: competing claims, of which at most one is true.

use serde::{Deserialize, Serialize};

use crate::agreement::{Agreement, Cooperation, Establishment, Limit, Obligation, Related, Signature};
use crate::citation::Citation;
use crate::extensions::Extensions;
use crate::ids::{DisputeId, SourceId};
use crate::person::{Person, Post};
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
    /// Tool-specific data.
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

impl Dispute {
    /// A dispute with nothing said about it yet.
    pub fn new(id: DisputeId) -> Self {
        Self { id, question: None, citations: Vec::new(), extensions: Extensions::new() }
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
    /// A troop presence.
    TroopPresence(&'a TroopPresence),
    /// A support relation.
    Support(&'a Support),
    /// A post held by a person.
    Post {
        /// The holder.
        person: &'a Person,
        /// The post.
        post: &'a Post,
    },
}

impl<'a> Claim<'a> {
    /// The claim's own citations, else those it inherits from its agreement.
    pub fn citations(&self) -> &'a [Citation] {
        let (own, inherited): (&'a [Citation], &'a [Citation]) = match *self {
            Claim::Signature { agreement, signature } => (&signature.citations, &agreement.citations),
            Claim::Obligation { agreement, obligation } => (&obligation.citations, &agreement.citations),
            Claim::Cooperation { agreement, cooperation } => (&cooperation.citations, &agreement.citations),
            Claim::Related { agreement, related } => (&related.citations, &agreement.citations),
            Claim::Limit { agreement, limit } => (&limit.citations, &agreement.citations),
            Claim::Establishment { agreement, establishment } => (&establishment.citations, &agreement.citations),
            Claim::ConsentClaim { presence, claim } => (&claim.citations, &presence.citations),
            Claim::TroopPresence(t) => (&t.citations, &[]),
            Claim::Support(s) => (&s.citations, &[]),
            Claim::Post { person, post } => (&post.citations, &person.citations),
        };
        if own.is_empty() { inherited } else { own }
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
    /// The distinct sources the alternatives cite, in order of first citation.
    pub fn sources(&self) -> Vec<&'a SourceId> {
        let mut seen: Vec<&'a SourceId> = Vec::new();
        for claim in &self.claims {
            for c in claim.citations() {
                // Disputes have a handful of alternatives and sources: a scan is enough.
                if !seen.contains(&&c.source) {
                    seen.push(&c.source);
                }
            }
        }
        seen
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
    with_extensions: extensions val Extensions;
});

crate::objects_only::objects_only!(Dispute);
