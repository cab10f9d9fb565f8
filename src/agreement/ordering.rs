//! The order in which an agreement's acts take effect, and the day each surely has: the one
//! reading of partial dates every view, table and check shares (docs/lifecycle.md, "How dates
//! are read").
//!
//! An act takes effect no later than the last day its date may denote, and no later than any
//! act listed after it whose date is not definitely earlier than its own: the document's order
//! is taken as the order of events wherever the dates allow it. So `withdrawal 1960` followed
//! by `accession 1960-06` is a withdrawal that surely took effect by 30 June 1960, then the
//! accession, never the reverse.
//!
//! Cost: O(n log n) in the acts (a sort, and one pass with a Fenwick tree of minima).

use chrono::{Datelike, Months, NaiveDate};

use super::{ActionType, Agreement, Duration, Renewal};
use crate::values::EdtfDate;

/// The replay order of an agreement's acts and the day each takes effect.
pub(crate) struct Schedule {
    /// For each act, by index: the day it surely takes effect and its date as written (or the
    /// day computed for it: a withdrawal's end of notice, a renewed term's end); `None` when it
    /// never surely does.
    pub(crate) days: Vec<Option<(NaiveDate, EdtfDate)>>,
    /// The acts that take effect, in replay order: by day, a renewal that extends the term
    /// first on its day, then document order.
    pub(crate) order: Vec<usize>,
    /// Acts whose own dates and place in the document cannot both hold (an act listed after
    /// them, not definitely earlier, is pulled before their first possible day by the acts
    /// that follow it).
    pub(crate) contradicted: Vec<usize>,
    /// Agreement-wide renewals that can only have taken effect after the term they would
    /// extend had ended: they revive nothing.
    pub(crate) late_renewals: Vec<usize>,
}

/// A Fenwick tree of minima over positions, answering "the least value at a position up to
/// `p`" in O(log n).
struct MinTree(Vec<NaiveDate>);

impl MinTree {
    fn new(n: usize) -> Self {
        Self(vec![NaiveDate::MAX; n + 1])
    }

    fn insert(&mut self, position: usize, value: NaiveDate) {
        let mut k = position + 1;
        while let Some(slot) = self.0.get_mut(k) {
            *slot = (*slot).min(value);
            k += k & k.wrapping_neg();
        }
    }

    /// The least value at positions `0..=position`.
    fn least_through(&self, position: usize) -> NaiveDate {
        let (mut k, mut out) = (position + 1, NaiveDate::MAX);
        while k > 0 {
            if let Some(v) = self.0.get(k) {
                out = out.min(*v);
            }
            k &= k - 1;
        }
        out
    }
}

/// For each range `(earliest, latest)` in document order, the last day it surely took effect:
/// its latest, or sooner when an act listed after it, whose latest day is not before this act's
/// earliest, surely took effect sooner. Also the acts for which that day falls before their
/// own earliest (returned clamped to it). An act given as `None` (a disputed one) takes no
/// part: it settles nothing and is settled by nothing.
fn narrow(ranges: &[Option<(NaiveDate, NaiveDate)>]) -> (Vec<NaiveDate>, Vec<usize>) {
    let mut keys: Vec<NaiveDate> = ranges.iter().flatten().map(|r| r.1).collect();
    keys.sort_unstable();
    keys.dedup();
    // Positions run from the latest key down, so "keys >= x" is a prefix.
    let position = |key: NaiveDate| keys.len() - keys.partition_point(|k| *k < key);
    let mut tree = MinTree::new(keys.len());
    let mut out = vec![NaiveDate::MAX; ranges.len()];
    let mut contradicted = Vec::new();
    for (i, range) in ranges.iter().enumerate().rev() {
        let Some((earliest, latest)) = *range else { continue };
        let later = match position(earliest).checked_sub(1) {
            Some(p) => tree.least_through(p),
            None => NaiveDate::MAX,
        };
        let day = latest.min(later);
        tree.insert(position(latest).saturating_sub(1), day);
        if let Some(slot) = out.get_mut(i) {
            *slot = if day < earliest {
                contradicted.push(i);
                earliest
            } else {
                day
            };
        }
    }
    contradicted.reverse();
    (out, contradicted)
}

/// The first end of a period (the term's end, then each renewed period's) on or after `day`.
fn period_end_from(first_end: NaiveDate, period_years: u32, day: NaiveDate) -> Option<NaiveDate> {
    if day <= first_end {
        return Some(first_end);
    }
    let step = period_years.max(1).checked_mul(12)?;
    let months = (day.year() - first_end.year()) * 12 + (day.month() as i32 - first_end.month() as i32);
    let mut k = u32::try_from(months.max(0)).ok()? / step;
    // At most two steps: `k` periods may fall a month short of `day`.
    loop {
        let end = first_end.checked_add_months(Months::new(k.checked_mul(step)?))?;
        if end >= day {
            return Some(end);
        }
        k = k.checked_add(1)?;
    }
}

impl Agreement {
    /// The replay order and the day each act takes effect (see the module documentation).
    pub(crate) fn schedule(&self) -> Schedule {
        let n = self.actions.len();
        let raw: Vec<Option<(NaiveDate, EdtfDate)>> = (0..n).map(|i| self.effect_of(i)).collect();
        // Every act with a date takes part in the ordering; one with an open end can still be
        // settled by an act listed after it. A disputed act takes no part (no policy counts it
        // here: `Dossier::resolve`).
        let ranges: Vec<Option<(NaiveDate, NaiveDate)>> = (0..n)
            .map(|i| {
                if self.actions.get(i).is_none_or(|a| a.dispute.is_some()) {
                    return None;
                }
                let written = self.effect_date_of(i);
                let earliest = written.as_ref().and_then(EdtfDate::earliest).unwrap_or(NaiveDate::MIN);
                let latest = raw.get(i).and_then(|r| r.as_ref()).map_or(NaiveDate::MAX, |r| r.0);
                Some((earliest.min(latest), latest))
            })
            .collect();
        let (mut narrowed, contradicted) = narrow(&ranges);
        let mut days: Vec<Option<(NaiveDate, EdtfDate)>> = (0..n)
            .map(|i| {
                let day = narrowed.get(i).copied().filter(|d| *d != NaiveDate::MAX)?;
                let date = match raw.get(i).and_then(|r| r.as_ref()) {
                    Some((_, date)) => *date,
                    None => self.effect_date_of(i)?,
                };
                Some((day, date))
            })
            .collect();

        let mut late_renewals = Vec::new();
        let mut renews = vec![false; n];
        if let Some(Duration::FixedTerm { years, renewal, renewal_years, .. }) = &self.duration {
            let by_day = |days: &[Option<(NaiveDate, EdtfDate)>]| {
                let mut order: Vec<usize> = (0..n).filter(|i| days.get(*i).is_some_and(Option::is_some)).collect();
                order.sort_by_key(|i| (days.get(*i).and_then(|d| d.as_ref()).map(|d| d.0), *i));
                order
            };
            let order = by_day(&days);
            let eif = order
                .iter()
                .find(|i| {
                    self.actions.get(**i).is_some_and(|a| a.party.is_none() && a.kind == ActionType::EntryIntoForce)
                })
                .and_then(|i| days.get(*i).and_then(|d| d.as_ref()).map(|d| d.0));
            let first_end = eif.and_then(|d| d.checked_add_months(Months::new(years.get().saturating_mul(12))));
            let period = renewal_years.map_or(years.get(), |r| r.get());
            match (renewal, first_end) {
                // A notice under automatic renewal ends the party's part at the end of the
                // period in which its notice runs out.
                (Renewal::Automatic, Some(first_end)) => {
                    for (i, a) in self.actions.iter().enumerate() {
                        let notice = a.effective.is_none()
                            && matches!(a.kind, ActionType::Withdrawal | ActionType::Denunciation);
                        let Some(slot) = days.get_mut(i).filter(|_| notice) else { continue };
                        let Some((day, _)) = *slot else { continue };
                        if let Some(end) = period_end_from(first_end, period, day) {
                            *slot = Some((end, EdtfDate::from_day(end)));
                        }
                    }
                }
                // Each renewal that may have been made by the term's end extends it, whatever
                // its precision; one made only after it revives nothing.
                (Renewal::ByAgreement | Renewal::None, Some(mut end)) => {
                    for i in order {
                        let Some(a) = self.actions.get(i) else { continue };
                        if a.party.is_some() || a.kind != ActionType::Renewal {
                            continue;
                        }
                        let Some(slot) = days.get_mut(i) else { continue };
                        let Some((day, date)) = *slot else { continue };
                        if eif.is_some_and(|e| day < e) {
                            continue;
                        }
                        let earliest = ranges.get(i).copied().flatten().map_or(day, |r| r.0);
                        if earliest <= end {
                            *slot = Some((day.min(end), date));
                            if let Some(flag) = renews.get_mut(i) {
                                *flag = true;
                            }
                            match end.checked_add_months(Months::new(period.saturating_mul(12))) {
                                Some(next) => end = next,
                                None => break,
                            }
                        } else {
                            late_renewals.push(i);
                        }
                    }
                }
                _ => {}
            }
        }
        for (slot, d) in narrowed.iter_mut().zip(&days) {
            *slot = d.as_ref().map_or(NaiveDate::MAX, |d| d.0);
        }
        let mut order: Vec<usize> = (0..n).filter(|i| days.get(*i).is_some_and(Option::is_some)).collect();
        order.sort_by_key(|i| (narrowed.get(*i).copied(), !renews.get(*i).copied().unwrap_or(false), *i));
        Schedule { days, order, contradicted, late_renewals }
    }

    /// The written date act `i` takes effect on: its `effective` date, else its `date`.
    fn effect_date_of(&self, i: usize) -> Option<EdtfDate> {
        self.actions.get(i).map(|a| *a.effective_date())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn an_act_listed_first_happened_no_later_than_an_overlapping_act_listed_after_it() {
        // withdrawal 1960, accession 1960-06.
        let (days, bad) = narrow(&[Some((d("1960-01-01"), d("1960-12-31"))), Some((d("1960-06-01"), d("1960-06-30")))]);
        assert_eq!(days, [d("1960-06-30"), d("1960-06-30")]);
        assert!(bad.is_empty());
    }

    #[test]
    fn a_definitely_earlier_act_listed_later_does_not_pull() {
        let (days, bad) = narrow(&[Some((d("1994-04-20"), d("1994-04-20"))), Some((d("1993-01-01"), d("1993-12-31")))]);
        assert_eq!(days, [d("1994-04-20"), d("1993-12-31")]);
        assert!(bad.is_empty());
    }

    #[test]
    fn a_record_whose_order_and_dates_disagree_is_reported() {
        // June, then "1960", then 1 March: the chain puts 1 March before June.
        let (days, bad) = narrow(&[
            Some((d("1960-06-01"), d("1960-06-30"))),
            Some((d("1960-01-01"), d("1960-12-31"))),
            Some((d("1960-03-01"), d("1960-03-01"))),
        ]);
        assert_eq!(bad, [0]);
        assert_eq!(days, [d("1960-06-01"), d("1960-03-01"), d("1960-03-01")]);
    }

    #[test]
    fn a_disputed_act_settles_nothing() {
        let (days, bad) = narrow(&[Some((d("1960-01-01"), d("1960-12-31"))), None]);
        assert_eq!(days, [d("1960-12-31"), NaiveDate::MAX]);
        assert!(bad.is_empty());
    }

    #[test]
    fn period_ends_step_by_whole_periods() {
        let first = d("1971-09-10");
        assert_eq!(period_end_from(first, 5, d("1960-01-01")), Some(first));
        assert_eq!(period_end_from(first, 5, d("1995-09-07")), Some(d("1996-09-10")));
        assert_eq!(period_end_from(first, 5, d("1996-09-10")), Some(d("1996-09-10")));
        assert_eq!(period_end_from(first, 5, d("1996-09-11")), Some(d("2001-09-10")));
    }
}
