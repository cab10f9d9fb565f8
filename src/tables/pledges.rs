//! Who pledges what to whom: an agreement's obligations indexed by party, so that the flags of
//! a member or of a directed pair cost a few lookups rather than a pass over every obligation
//! (with p parties and p obligations that pass made the directed tables cost p³).

use std::collections::HashMap;

use crate::agreement::{Agreement, Obligation, ObligationType};
use crate::codings::AtopObligations;
use crate::ids::ActorId;

/// ATOP's five flags, in column order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Flags(pub(super) [u8; 5]);

impl Flags {
    fn index(kind: ObligationType) -> usize {
        match kind {
            ObligationType::Defense => 0,
            ObligationType::Offense => 1,
            ObligationType::Neutrality => 2,
            ObligationType::NonAggression => 3,
            _ => 4,
        }
    }

    fn with(mut self, kind: ObligationType) -> Self {
        if let Some(f) = self.0.get_mut(Self::index(kind)) {
            *f = 1;
        }
        self
    }

    pub(super) fn of(atop: &AtopObligations) -> Self {
        let f = |a: crate::codings::Atop| u8::from(a.is_present());
        Self([f(atop.defense), f(atop.offense), f(atop.neutrality), f(atop.nonaggression), f(atop.consultation)])
    }

    pub(super) fn or(self, other: Self) -> Self {
        let mut out = self;
        for (a, b) in out.0.iter_mut().zip(other.0) {
            *a |= b;
        }
        out
    }
}

fn add<'a>(map: &mut HashMap<&'a str, Flags>, who: &'a ActorId, kind: ObligationType) {
    let entry = map.entry(who.as_str()).or_default();
    *entry = entry.with(kind);
}

fn get(map: &HashMap<&str, Flags>, who: &str) -> Flags {
    map.get(who).copied().unwrap_or_default()
}

/// One agreement's obligations by party. An obligation binds its obligors (everyone when it
/// lists none) toward its beneficiaries (everyone when it lists none).
pub(super) struct Pledges<'a> {
    obligations: &'a [Obligation],
    /// Pledged by every party to every party.
    everyone: Flags,
    /// Pledged by a listed obligor to every party.
    by: HashMap<&'a str, Flags>,
    /// Pledged by every party to a listed beneficiary.
    to: HashMap<&'a str, Flags>,
    /// The obligations listing both sides, by each obligor and by each beneficiary.
    listing_obligor: HashMap<&'a str, Vec<usize>>,
    listing_beneficiary: HashMap<&'a str, Vec<usize>>,
    /// What a member pledges itself, as [`Agreement::atop_obligations_of`] counts it
    /// (undisputed obligations naming it or no one as obligor): by everyone, by each.
    member_everyone: Flags,
    member_by: HashMap<&'a str, Flags>,
}

impl<'a> Pledges<'a> {
    /// Linear in the obligations and the actors they list.
    pub(super) fn new(agreement: &'a Agreement) -> Self {
        let mut p = Self {
            obligations: &agreement.obligations,
            everyone: Flags::default(),
            by: HashMap::new(),
            to: HashMap::new(),
            listing_obligor: HashMap::new(),
            listing_beneficiary: HashMap::new(),
            member_everyone: Flags::default(),
            member_by: HashMap::new(),
        };
        for (i, o) in agreement.obligations.iter().enumerate() {
            match (o.obligors.is_empty(), o.beneficiaries.is_empty()) {
                (true, true) => p.everyone = p.everyone.with(o.kind),
                (false, true) => o.obligors.iter().for_each(|a| add(&mut p.by, a, o.kind)),
                (true, false) => o.beneficiaries.iter().for_each(|b| add(&mut p.to, b, o.kind)),
                (false, false) => {
                    for a in &o.obligors {
                        p.listing_obligor.entry(a.as_str()).or_default().push(i);
                    }
                    for b in &o.beneficiaries {
                        p.listing_beneficiary.entry(b.as_str()).or_default().push(i);
                    }
                }
            }
            if o.dispute.is_none() {
                if o.obligors.is_empty() {
                    p.member_everyone = p.member_everyone.with(o.kind);
                } else {
                    o.obligors.iter().for_each(|a| add(&mut p.member_by, a, o.kind));
                }
            }
        }
        p
    }

    /// What listed party `party` pledges (the members and state-year flags).
    pub(super) fn of(&self, party: &str) -> Flags {
        self.member_everyone.or(get(&self.member_by, party))
    }

    /// The pledges between `party` and every other party. Costs the size of the obligations
    /// naming `party` on one side times the parties they name on the other.
    pub(super) fn around(&self, party: &'a str) -> Around<'a, '_> {
        let (mut toward, mut from) = (HashMap::new(), HashMap::new());
        let obligations = |who: &HashMap<&str, Vec<usize>>| {
            who.get(party).into_iter().flatten().filter_map(|&i| self.obligations.get(i)).collect::<Vec<_>>()
        };
        for o in obligations(&self.listing_obligor) {
            o.beneficiaries.iter().for_each(|b| add(&mut toward, b, o.kind));
        }
        for o in obligations(&self.listing_beneficiary) {
            o.obligors.iter().for_each(|a| add(&mut from, a, o.kind));
        }
        Around { pledges: self, party, toward, from }
    }
}

/// The pledges between one party and the others.
pub(super) struct Around<'a, 'p> {
    pledges: &'p Pledges<'a>,
    party: &'a str,
    /// Pledged by the party to a beneficiary that obligations listing both sides name.
    toward: HashMap<&'a str, Flags>,
    /// Pledged to the party by an obligor that obligations listing both sides name.
    from: HashMap<&'a str, Flags>,
}

impl Around<'_, '_> {
    /// What the party pledges to `other`.
    pub(super) fn toward(&self, other: &str) -> Flags {
        let p = self.pledges;
        p.everyone.or(get(&p.by, self.party)).or(get(&p.to, other)).or(get(&self.toward, other))
    }

    /// What `other` pledges to the party.
    pub(super) fn from(&self, other: &str) -> Flags {
        let p = self.pledges;
        p.everyone.or(get(&p.by, other)).or(get(&p.to, self.party)).or(get(&self.from, other))
    }
}
