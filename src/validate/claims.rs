//! Competing claims: which records each dispute gathers, and whether they can compete.
//!
//! One counter and one record kind per dispute, filled as the walk meets each `dispute` mark:
//! linear in the number of marks, whatever their distribution.

use super::{Checker, Code, Path};
use crate::ids::DisputeId;

/// The kind of record an alternative is. Nested records carry their enclosing record (by its
/// address: the walk borrows the dossier, so addresses are stable and distinct), since two
/// signatures compete only within one agreement.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Alternative {
    Signature(usize),
    Obligation(usize),
    Cooperation(usize),
    Related(usize),
    Limit(usize),
    Establishment(usize),
    ConsentClaim(usize),
    TroopPresence,
    Support,
    Post,
}

impl Alternative {
    fn name(self) -> &'static str {
        match self {
            Self::Signature(_) => "signature",
            Self::Obligation(_) => "obligation",
            Self::Cooperation(_) => "cooperation",
            Self::Related(_) => "related agreement",
            Self::Limit(_) => "limit",
            Self::Establishment(_) => "establishment",
            Self::ConsentClaim(_) => "consent claim",
            Self::TroopPresence => "troop presence",
            Self::Support => "support relation",
            Self::Post => "post",
        }
    }

    /// The discriminator of an enclosing record, from a reference to it.
    pub(crate) fn within<T>(record: &T) -> usize {
        std::ptr::from_ref(record).addr()
    }
}

/// Per dispute, by position: how many records name it, and the kind of the first.
pub(crate) struct Claims {
    slots: Vec<(usize, Option<Alternative>)>,
}

impl Claims {
    pub(crate) fn new(disputes: usize) -> Self {
        Self { slots: vec![(0, None); disputes] }
    }
}

impl Checker<'_> {
    /// A record's `dispute` mark: the alternatives of one dispute must be of one kind. (That the
    /// dispute exists is checked with every other reference, by the reference walk.)
    pub(crate) fn dispute(&mut self, record: &Path<'_>, dispute: Option<&DisputeId>, kind: Alternative) {
        let Some(id) = dispute else { return };
        let at = record.key("dispute");
        let Some(i) = self.disputes.get(id.as_str()) else { return };
        let Some(slot) = self.claims.slots.get_mut(i) else { return };
        slot.0 += 1;
        match slot.1 {
            None => slot.1 = Some(kind),
            Some(first) if first != kind => {
                let (first, this) = (first.name(), kind.name());
                let same = if first == this { " of another agreement" } else { "" };
                self.issue(
                    &at,
                    Code::DisputeMixedRecords,
                    format!("dispute '{id}' opposes a {first} to this {this}{same}: alternatives must be records of one kind"),
                );
            }
            Some(_) => {}
        }
    }
}

/// Reports the disputes that gather fewer than two records.
pub(crate) fn finish(c: &mut Checker<'_>) {
    let list = Path::ROOT.key("disputes");
    for i in 0..c.claims.slots.len() {
        let count = c.claims.slots.get(i).map_or(0, |s| s.0);
        if count < 2 {
            let id = c.dossier.disputes.get(i).map_or("", |d| d.id.as_str());
            c.issue(
                &list.index(i),
                Code::DisputeTooFewAlternatives,
                format!("dispute '{id}' has {count} record(s) marked as alternatives; it needs two"),
            );
        }
    }
}
