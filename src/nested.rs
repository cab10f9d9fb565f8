//! Nested facts: the one list of the facts a record holds inside itself (an agreement's
//! signatures, a person's posts …), saying where each sits, whether it leans on its record's
//! citations, and what dispute it carries.
//!
//! The merge (which writes a record's citations into the facts that lean on them before it
//! joins two versions), the competing claims of a dispute and the validation of dispute marks
//! all read this module, so a nested fact added to the model is added here once.

use crate::citation::Citation;
use crate::dossier::Dossier;
use crate::ids::DisputeId;
use crate::validate::Path;
use crate::{
    Action, Actor, Agreement, Clause, ConsentClaim, Cooperation, Establishment, Limit, Obligation, Party, Person, Post,
    RecordKind, Related, Signature, Statement, Succession, Support, TroopPresence, WithdrawalTerms,
};

/// One step from a record down to a nested fact, in its JSON form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// Every entry of this list.
    List(&'static str),
    /// This object.
    Field(&'static str),
}

/// A kind of fact nested in a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum NestedKind {
    Party,
    Action,
    Signature,
    Obligation,
    Cooperation,
    /// A numeric limit of a cooperation area.
    Limit,
    Clause,
    Establishment,
    Related,
    /// An agreement's withdrawal terms.
    Withdrawal,
    ConsentClaim,
    Post,
    /// An actor's succession link (it continues, was succeeded by, dissolved into another).
    Succession,
}

impl NestedKind {
    /// Every kind of nested fact.
    pub(crate) const ALL: [NestedKind; 13] = [
        Self::Party,
        Self::Action,
        Self::Signature,
        Self::Obligation,
        Self::Cooperation,
        Self::Limit,
        Self::Clause,
        Self::Establishment,
        Self::Related,
        Self::Withdrawal,
        Self::ConsentClaim,
        Self::Post,
        Self::Succession,
    ];

    /// The kind of record holding it.
    pub(crate) fn holder(self) -> RecordKind {
        match self {
            Self::ConsentClaim => RecordKind::TroopPresence,
            Self::Post => RecordKind::Person,
            Self::Succession => RecordKind::Actor,
            _ => RecordKind::Agreement,
        }
    }

    /// Where it sits in its record's JSON.
    pub(crate) fn steps(self) -> &'static [Step] {
        use Step::{Field, List};
        match self {
            Self::Party => &[List("parties")],
            Self::Action => &[List("actions")],
            Self::Signature => &[List("signatures")],
            Self::Obligation => &[List("obligations")],
            Self::Cooperation => &[List("cooperation")],
            Self::Limit => &[List("cooperation"), List("limits")],
            Self::Clause => &[List("clauses")],
            Self::Establishment => &[List("establishes")],
            Self::Related => &[List("related")],
            Self::Withdrawal => &[Field("duration"), Field("withdrawal")],
            Self::ConsentClaim => &[List("consent_claims")],
            Self::Post => &[List("posts")],
            Self::Succession => &[List("succession")],
        }
    }

    /// Whether, without citations of its own, it rests on its record's: a fact an agreement
    /// cites once is not forty warnings, and a merge must write those citations into it before
    /// the record's own grow.
    pub(crate) fn leans_on_record(self) -> bool {
        // Every nested fact does today; the question is asked here so that a fact that must
        // cite on its own is one line.
        true
    }

    /// The fact in words, for messages.
    pub(crate) fn noun(self) -> &'static str {
        match self {
            Self::Party => "party",
            Self::Action => "lifecycle act",
            Self::Signature => "signature",
            Self::Obligation => "obligation",
            Self::Cooperation => "cooperation",
            Self::Limit => "limit",
            Self::Clause => "clause",
            Self::Establishment => "establishment",
            Self::Related => "related agreement",
            Self::Withdrawal => "withdrawal terms",
            Self::ConsentClaim => "consent claim",
            Self::Post => "post",
            Self::Succession => "succession link",
        }
    }
}

/// The record holding a nested fact.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Holder<'d> {
    Agreement(&'d Agreement),
    Person(&'d Person),
    TroopPresence(&'d TroopPresence),
    Actor(&'d Actor),
}

impl<'d> Holder<'d> {
    /// The record's own citations.
    pub(crate) fn citations(self) -> &'d [Citation] {
        match self {
            Self::Agreement(a) => &a.citations,
            Self::Person(p) => &p.citations,
            Self::TroopPresence(t) => &t.citations,
            Self::Actor(a) => &a.citations,
        }
    }

    /// The record's kind (as in JSON) and id.
    pub(crate) fn kind_and_id(self) -> (&'static str, &'d str) {
        match self {
            Self::Agreement(a) => ("agreement", a.id.as_str()),
            Self::Person(p) => ("person", p.id.as_str()),
            Self::TroopPresence(t) => ("troop_presence", t.id.as_str()),
            Self::Actor(a) => ("actor", a.id.as_str()),
        }
    }

    /// A number telling this record from every other of the dossier while it is borrowed (its
    /// address): two signatures compete only within one agreement.
    pub(crate) fn discriminator(self) -> usize {
        match self {
            Self::Agreement(a) => std::ptr::from_ref(a).addr(),
            Self::Person(p) => std::ptr::from_ref(p).addr(),
            Self::TroopPresence(t) => std::ptr::from_ref(t).addr(),
            Self::Actor(a) => std::ptr::from_ref(a).addr(),
        }
    }
}

/// A nested fact, read.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Fact<'d> {
    Party(&'d Party),
    Action(&'d Action),
    Signature(&'d Signature),
    Obligation(&'d Obligation),
    Cooperation(&'d Cooperation),
    Limit(&'d Limit),
    Clause(&'d Clause),
    Establishment(&'d Establishment),
    Related(&'d Related),
    Withdrawal(&'d WithdrawalTerms),
    ConsentClaim(&'d ConsentClaim),
    Post(&'d Post),
    Succession(&'d Succession),
}

impl<'d> Fact<'d> {
    pub(crate) fn kind(self) -> NestedKind {
        match self {
            Self::Party(_) => NestedKind::Party,
            Self::Action(_) => NestedKind::Action,
            Self::Signature(_) => NestedKind::Signature,
            Self::Obligation(_) => NestedKind::Obligation,
            Self::Cooperation(_) => NestedKind::Cooperation,
            Self::Limit(_) => NestedKind::Limit,
            Self::Clause(_) => NestedKind::Clause,
            Self::Establishment(_) => NestedKind::Establishment,
            Self::Related(_) => NestedKind::Related,
            Self::Withdrawal(_) => NestedKind::Withdrawal,
            Self::ConsentClaim(_) => NestedKind::ConsentClaim,
            Self::Post(_) => NestedKind::Post,
            Self::Succession(_) => NestedKind::Succession,
        }
    }

    /// Its own citations.
    pub(crate) fn own_citations(self) -> &'d [Citation] {
        match self {
            Self::Party(x) => &x.citations,
            Self::Action(x) => &x.citations,
            Self::Signature(x) => &x.citations,
            Self::Obligation(x) => &x.citations,
            Self::Cooperation(x) => &x.citations,
            Self::Limit(x) => &x.citations,
            Self::Clause(x) => &x.citations,
            Self::Establishment(x) => &x.citations,
            Self::Related(x) => &x.citations,
            Self::Withdrawal(x) => &x.citations,
            Self::ConsentClaim(x) => &x.citations,
            Self::Post(x) => &x.citations,
            Self::Succession(x) => &x.citations,
        }
    }

    /// The dispute it is one alternative of.
    pub(crate) fn dispute(self) -> Option<&'d DisputeId> {
        match self {
            Self::Action(x) => x.dispute.as_ref(),
            Self::Signature(x) => x.dispute.as_ref(),
            Self::Obligation(x) => x.dispute.as_ref(),
            Self::Cooperation(x) => x.dispute.as_ref(),
            Self::Limit(x) => x.dispute.as_ref(),
            Self::Establishment(x) => x.dispute.as_ref(),
            Self::Related(x) => x.dispute.as_ref(),
            Self::ConsentClaim(x) => x.dispute.as_ref(),
            Self::Post(x) => x.dispute.as_ref(),
            Self::Party(_) | Self::Clause(_) | Self::Withdrawal(_) | Self::Succession(_) => None,
        }
    }
}

/// A nested fact with the record holding it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Nested<'d> {
    pub(crate) holder: Holder<'d>,
    pub(crate) fact: Fact<'d>,
}

impl<'d> Nested<'d> {
    /// Its own citations, else (when it leans on them) its record's.
    pub(crate) fn citations(self) -> &'d [Citation] {
        let own = self.fact.own_citations();
        if own.is_empty() && self.fact.kind().leans_on_record() { self.holder.citations() } else { own }
    }
}

/// Calls `f` with every nested fact of the dossier and its JSON Pointer, record by record in
/// document order.
pub(crate) fn walk<'d>(d: &'d Dossier, f: &mut impl FnMut(&Path<'_>, Nested<'d>)) {
    let root = Path::ROOT;
    let actors = root.key("actors");
    for (i, actor) in d.actors.iter().enumerate() {
        holder(Holder::Actor(actor), &actors.index(i), f);
    }
    let people = root.key("people");
    for (i, person) in d.people.iter().enumerate() {
        holder(Holder::Person(person), &people.index(i), f);
    }
    let agreements = root.key("agreements");
    for (i, agreement) in d.agreements.iter().enumerate() {
        holder(Holder::Agreement(agreement), &agreements.index(i), f);
    }
    let presences = root.key("troop_presences");
    for (i, presence) in d.troop_presences.iter().enumerate() {
        holder(Holder::TroopPresence(presence), &presences.index(i), f);
    }
}

/// Every nested fact of one record.
pub(crate) fn holder<'d>(holder: Holder<'d>, at: &Path<'_>, f: &mut impl FnMut(&Path<'_>, Nested<'d>)) {
    fn each<'d>(
        at: &Path<'_>,
        list: &'static str,
        holder: Holder<'d>,
        facts: impl Iterator<Item = Fact<'d>>,
        f: &mut impl FnMut(&Path<'_>, Nested<'d>),
    ) {
        let list = at.key(list);
        for (i, fact) in facts.enumerate() {
            f(&list.index(i), Nested { holder, fact });
        }
    }
    match holder {
        Holder::Person(p) => each(at, "posts", holder, p.posts.iter().map(Fact::Post), f),
        Holder::Actor(a) => each(at, "succession", holder, a.succession.iter().map(Fact::Succession), f),
        Holder::TroopPresence(t) => {
            each(at, "consent_claims", holder, t.consent_claims.iter().map(Fact::ConsentClaim), f)
        }
        Holder::Agreement(a) => {
            each(at, "parties", holder, a.parties.iter().map(Fact::Party), f);
            each(at, "actions", holder, a.actions.iter().map(Fact::Action), f);
            each(at, "signatures", holder, a.signatures.iter().map(Fact::Signature), f);
            if let Some(w) = a.duration.as_ref().and_then(|d| d.withdrawal()) {
                f(&at.key("duration").key("withdrawal"), Nested { holder, fact: Fact::Withdrawal(w) });
            }
            each(at, "obligations", holder, a.obligations.iter().map(Fact::Obligation), f);
            let list = at.key("cooperation");
            for (i, c) in a.cooperation.iter().enumerate() {
                let here = list.index(i);
                f(&here, Nested { holder, fact: Fact::Cooperation(c) });
                each(&here, "limits", holder, c.limits.iter().map(Fact::Limit), f);
            }
            each(at, "clauses", holder, a.clauses.iter().map(Fact::Clause), f);
            each(at, "establishes", holder, a.establishes.iter().map(Fact::Establishment), f);
            each(at, "related", holder, a.related.iter().map(Fact::Related), f);
        }
    }
}

/// A record or nested fact carrying a `dispute` mark.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Marked<'d> {
    /// A nested fact.
    Nested(Nested<'d>),
    TroopPresence(&'d TroopPresence),
    Support(&'d Support),
    Statement(&'d Statement),
}

impl<'d> Marked<'d> {
    /// What kind of alternative it is, and for a nested fact its record: alternatives of one
    /// dispute must agree on both.
    pub(crate) fn alternative(self) -> (&'static str, usize) {
        match self {
            Self::Nested(n) => (n.fact.kind().noun(), n.holder.discriminator()),
            Self::TroopPresence(_) => ("troop presence", 0),
            Self::Support(_) => ("support relation", 0),
            Self::Statement(_) => ("statement", 0),
        }
    }
}

/// Calls `f` with every record and nested fact marked with a dispute, its mark and the path of
/// the record holding the mark, in one pass over the dossier.
pub(crate) fn marks<'d>(d: &'d Dossier, f: &mut impl FnMut(&Path<'_>, &'d DisputeId, Marked<'d>)) {
    walk(d, &mut |at, nested| {
        if let Some(id) = nested.fact.dispute() {
            f(at, id, Marked::Nested(nested));
        }
    });
    let root = Path::ROOT;
    let list = root.key("troop_presences");
    for (i, t) in d.troop_presences.iter().enumerate() {
        if let Some(id) = &t.dispute {
            f(&list.index(i), id, Marked::TroopPresence(t));
        }
    }
    let list = root.key("supports");
    for (i, s) in d.supports.iter().enumerate() {
        if let Some(id) = &s.dispute {
            f(&list.index(i), id, Marked::Support(s));
        }
    }
    let list = root.key("statements");
    for (i, s) in d.statements.iter().enumerate() {
        if let Some(id) = &s.dispute {
            f(&list.index(i), id, Marked::Statement(s));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The walk and the table of kinds agree: every kind the walk meets is in the table, and
    /// its path starts with the table's first step.
    #[test]
    fn the_walk_follows_the_table() {
        let json = std::fs::read_to_string("examples/data/iran-syria-2020.json").unwrap_or_default();
        let Ok(d) = Dossier::from_json(&json) else { return };
        let mut seen = std::collections::HashSet::new();
        walk(&d, &mut |path, n| {
            let kind = n.fact.kind();
            seen.insert(kind);
            assert!(NestedKind::ALL.contains(&kind));
            let first = match kind.steps().first() {
                Some(Step::List(s) | Step::Field(s)) => *s,
                None => "",
            };
            assert!(path.render().contains(&format!("/{first}/")), "{} at {}", kind.noun(), path.render());
            assert!(kind.dispute_capable_matches(n.fact));
        });
        assert!(seen.contains(&NestedKind::Signature));
    }

    /// A succession link is a nested fact of its actor, leaning on the actor's citations.
    #[test]
    fn succession_links_are_nested_facts_of_their_actor() {
        let json = std::fs::read_to_string("tests/fixtures/histories/soviet-dprk-1961.json").unwrap_or_default();
        let d = Dossier::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
        let mut found = Vec::new();
        walk(&d, &mut |path, n| {
            if n.fact.kind() == NestedKind::Succession {
                found.push((path.render(), n.citations().len()));
            }
        });
        assert_eq!(found, [("/actors/1/succession/0".to_owned(), 1)]);
        assert_eq!(NestedKind::Succession.holder(), RecordKind::Actor);
    }

    impl NestedKind {
        fn dispute_capable_matches(self, fact: Fact<'_>) -> bool {
            !matches!(self, Self::Party | Self::Clause | Self::Withdrawal | Self::Succession)
                || fact.dispute().is_none()
        }
    }
}
