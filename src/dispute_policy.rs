//! The dispute policy: which alternatives of a dispute derived readings (views, codings,
//! tables, answers) take as fact. `docs/merge.md` ("The dispute policy") states the rules.

use serde::Serialize;

use crate::citation::Credibility;

/// Which alternatives of a [`Dispute`](crate::Dispute) count as fact when something is derived
/// from a dossier.
///
/// The default is [`Undisputed`](Self::Undisputed): a fact some source disputes is never taken
/// as true unless the user asks for it, so one weak source can never silently change a coding,
/// a status or a table. [`Dossier::resolve`](crate::Dossier::resolve) applies a policy once;
/// everything derived from the resolved dossier follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DisputePolicy {
    /// Only undisputed facts: every alternative of every dispute is set aside.
    #[default]
    Undisputed,
    /// Every alternative counts, as if no one disputed it (the reading before disputes were
    /// weighed: an upper bound on what the sources claim).
    AnyAlternative,
    /// The best-supported alternative counts, when one is better supported than every rival:
    /// cited with the best credibility (Admiralty 1 to 6, a citation without a grade counting
    /// as 6, "cannot be judged") **and** by the most independent sources (distinct publishers;
    /// a source without a publisher is its own). A tie on both, or a rival better on one of
    /// them, leaves the dispute unresolved: none of its alternatives counts. So does a dispute
    /// with a single alternative (nothing says how it fares against the sources that do not
    /// report it).
    BestSupported,
}

crate::wire::wire_enum!(DisputePolicy, "dispute policy" {
    Undisputed = "undisputed",
    AnyAlternative = "any_alternative",
    BestSupported = "best_supported",
});

/// How well one alternative of a dispute is supported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[non_exhaustive]
pub struct Backing {
    /// The number of independent sources citing it: distinct publishers, a source without a
    /// publisher (or not listed in the dossier) counting on its own.
    pub sources: usize,
    /// The best (lowest) credibility grade among its citations; `None` when none is graded.
    pub credibility: Option<Credibility>,
}

impl Backing {
    /// Backing by `sources` independent sources, the best graded `credibility`.
    pub fn new(sources: usize, credibility: Option<Credibility>) -> Self {
        Self { sources, credibility }
    }

    /// The grade compared: an ungraded citation counts as 6 ("truth cannot be judged").
    fn grade(&self) -> u8 {
        self.credibility.map_or(6, |c| c.grade())
    }
}

impl DisputePolicy {
    /// The positions of the alternatives that count, given each one's backing (in the order
    /// of [`Competing::claims`](crate::Competing::claims)). Linear in the alternatives.
    pub fn counted(self, alternatives: &[Backing]) -> Vec<usize> {
        match self {
            Self::Undisputed => Vec::new(),
            Self::AnyAlternative => (0..alternatives.len()).collect(),
            Self::BestSupported => best_supported(alternatives).into_iter().collect(),
        }
    }
}

/// The alternative better supported than every rival on both counts, if exactly one is.
///
/// It must have the best grade and the most sources of all; it beats every rival when it is
/// the only one with both (any other differs on at least one count and is worse on it).
fn best_supported(alternatives: &[Backing]) -> Option<usize> {
    if alternatives.len() < 2 {
        return None;
    }
    let grade = alternatives.iter().map(Backing::grade).min()?;
    let sources = alternatives.iter().map(|b| b.sources).max()?;
    let mut best = alternatives.iter().enumerate().filter(|(_, b)| b.grade() == grade && b.sources == sources);
    match (best.next(), best.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn backing(sources: usize, grade: Option<u8>) -> Backing {
        Backing::new(sources, grade.map(|g| Credibility::new(g).unwrap_or_else(|e| panic!("{e}"))))
    }

    #[test]
    fn the_best_supported_alternative_must_win_on_both_counts() {
        let p = DisputePolicy::BestSupported;
        assert_eq!(p.counted(&[backing(2, Some(2)), backing(1, Some(5))]), [0]);
        assert_eq!(p.counted(&[backing(1, Some(5)), backing(1, None)]), [0]);
        // Better credibility, fewer sources: unresolved.
        assert!(p.counted(&[backing(1, Some(1)), backing(3, Some(3))]).is_empty());
        // A tie: unresolved.
        assert!(p.counted(&[backing(1, None), backing(1, None)]).is_empty());
        // One alternative has nothing to be better than.
        assert!(p.counted(&[backing(5, Some(1))]).is_empty());
        assert!(p.counted(&[]).is_empty());
    }

    #[test]
    fn the_other_policies_take_all_or_nothing() {
        let two = [backing(2, Some(1)), backing(1, Some(6))];
        assert!(DisputePolicy::Undisputed.counted(&two).is_empty());
        assert_eq!(DisputePolicy::AnyAlternative.counted(&two), [0, 1]);
        assert_eq!(DisputePolicy::default(), DisputePolicy::Undisputed);
    }

    #[test]
    fn names_read_back() {
        for p in DisputePolicy::ALL {
            assert_eq!(p.as_str().parse::<DisputePolicy>().ok(), Some(*p));
        }
        assert!("best".parse::<DisputePolicy>().is_err());
    }
}
