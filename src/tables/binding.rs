//! When each party is bound, and each pair toward each other: the spells of the member and
//! dyad rows, read from the lifecycle views ([`Agreement::lifecycle`]; docs/lifecycle.md).

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::MAX_THROUGH_YEAR;
use crate::agreement::{Agreement, AgreementStatus, Lifecycle};
use crate::ids::ActorId;
use crate::succession::Successions;

/// One span in which a party is bound. `until` is the first day it no longer is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Spell {
    pub(crate) from: NaiveDate,
    pub(crate) until: Option<NaiveDate>,
    /// The opening act's type and its date as written.
    pub(crate) start_act: String,
    pub(crate) start_edtf: String,
    /// The closing act's type (`term_ended` when a fixed term ran out) and its date.
    pub(crate) end_act: Option<String>,
    pub(crate) end_edtf: Option<String>,
}

impl Spell {
    /// The last day bound, when the spell has ended.
    pub(crate) fn last_day(&self) -> Option<NaiveDate> {
        self.until.map(|e| e.pred_opt().unwrap_or(e))
    }
}

/// The years with at least one day in `[from, until)`, up to `through` for an open span, and
/// never past [`MAX_THROUGH_YEAR`] (a fixed term may run past the last year a date can name).
pub(crate) fn years(from: NaiveDate, until: Option<NaiveDate>, through: i32) -> std::ops::RangeInclusive<i32> {
    let last = until.map_or(through, |e| e.pred_opt().unwrap_or(e).year());
    from.year()..=last.min(MAX_THROUGH_YEAR)
}

/// One agreement's lifecycle, replayed once, with the days on which a pair's own relations
/// change (suspensions and terminations `toward` a counterpart).
pub(crate) struct Binding<'a> {
    agreement: &'a Agreement,
    lifecycle: Lifecycle<'a>,
    pair_days: HashMap<(&'a str, &'a str), Vec<NaiveDate>>,
}

impl<'a> Binding<'a> {
    pub(crate) fn new(agreement: &'a Agreement, successions: &Successions<'a>) -> Self {
        let mut pair_days: HashMap<(&str, &str), Vec<NaiveDate>> = HashMap::new();
        let lifecycle = agreement.lifecycle_in(successions);
        for (i, act) in agreement.actions.iter().enumerate() {
            let (Some(party), false) = (&act.party, act.toward.is_empty()) else { continue };
            let Some(day) = lifecycle.effect_day(i) else { continue };
            for other in &act.toward {
                let (x, y) = (party.as_str(), other.as_str());
                pair_days.entry(if x < y { (x, y) } else { (y, x) }).or_default().push(day);
            }
        }
        for days in pair_days.values_mut() {
            days.sort_unstable();
            days.dedup();
        }
        Self { agreement, lifecycle, pair_days }
    }

    /// The first day in force, and the last day before the agreement ended (when its record
    /// leads to its end).
    pub(crate) fn span(&self) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let timeline = self.lifecycle.timeline();
        let begin = timeline.iter().find(|e| e.status == AgreementStatus::InForce).map(|e| e.day);
        let end = (self.lifecycle.status() == AgreementStatus::Terminated)
            .then(|| timeline.iter().find(|e| e.status == AgreementStatus::Terminated))
            .flatten()
            .map(|e| e.day.pred_opt().unwrap_or(e.day));
        (begin, end)
    }

    /// The actors holding listed party `party`'s place in turn, itself first (see
    /// [`Successions`]).
    pub(crate) fn holders(&self, party: &'a ActorId) -> Vec<&'a str> {
        self.lifecycle.holders(party.as_str())
    }

    /// The spells in which `party` is bound, in order.
    #[cfg(test)]
    pub(crate) fn spells(&self, party: &ActorId) -> Vec<Spell> {
        self.spells_of(party.as_str(), party.as_str())
    }

    /// The spells in which `holder` holds listed party `party`'s place and it is bound, in
    /// order. A spell opened or closed because the place passed on (a state continuing
    /// another, or dissolving) names the act `succession`.
    pub(crate) fn spells_of(&self, holder: &str, party: &str) -> Vec<Spell> {
        let kind = |i: usize| self.agreement.actions.get(i).map(|a| a.kind.as_str().to_owned());
        self.lifecycle
            .seat_intervals(holder, party)
            .into_iter()
            .map(|iv| Spell {
                from: iv.from,
                until: iv.until,
                start_act: if iv.opened_by_succession {
                    "succession".to_owned()
                } else {
                    kind(iv.opened_by).unwrap_or_default()
                },
                start_edtf: iv.start.to_string(),
                end_act: match (iv.closed_by, iv.until) {
                    _ if iv.closed_by_succession => Some("succession".to_owned()),
                    (Some(i), _) => kind(i),
                    (None, Some(_)) => Some("term_ended".to_owned()),
                    (None, None) => None,
                },
                end_edtf: iv.end.map(|d| d.to_string()),
            })
            .collect()
    }

    /// The spans in which `a` and `b` are bound toward each other (`[from, until)`), given
    /// their spells: the overlap of the two, less any suspension or termination between them.
    pub(crate) fn pair_spans(
        &self,
        a: &ActorId,
        b: &ActorId,
        spells_a: &[Spell],
        spells_b: &[Spell],
    ) -> Vec<(NaiveDate, Option<NaiveDate>)> {
        let key = if a.as_str() < b.as_str() { (a.as_str(), b.as_str()) } else { (b.as_str(), a.as_str()) };
        let cuts: &[NaiveDate] = self.pair_days.get(&key).map_or(&[], Vec::as_slice);
        let mut out: Vec<(NaiveDate, Option<NaiveDate>)> = Vec::new();
        for (from, until) in overlap(spells_a, spells_b) {
            // Within the overlap both are bound; only the pair's own acts change anything. The
            // cuts are sorted: find the overlap's by binary search, not by a pass over all.
            let first = cuts.partition_point(|d| *d <= from);
            let inside =
                cuts.get(first..).unwrap_or_default().iter().copied().take_while(|d| until.is_none_or(|u| *d < u));
            let mut start = from;
            let mut pieces = Vec::new();
            for cut in inside {
                pieces.push((start, Some(cut)));
                start = cut;
            }
            pieces.push((start, until));
            for (s, u) in pieces {
                if !self.lifecycle.seat_bound_toward(a.as_str(), b.as_str(), s) {
                    continue;
                }
                match out.last_mut() {
                    Some(last) if last.1 == Some(s) => last.1 = u,
                    _ => out.push((s, u)),
                }
            }
        }
        out
    }
}

/// The intersection of two chronological, disjoint lists of spells.
fn overlap(a: &[Spell], b: &[Spell]) -> Vec<(NaiveDate, Option<NaiveDate>)> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        let from = x.from.max(y.from);
        let until = match (x.until, y.until) {
            (Some(p), Some(q)) => Some(p.min(q)),
            (p, q) => p.or(q),
        };
        if until.is_none_or(|u| from < u) {
            out.push((from, until));
        }
        // Advance whichever ends first (an open spell never ends).
        match (x.until, y.until) {
            (Some(p), Some(q)) if p <= q => i += 1,
            (Some(_), None) => i += 1,
            _ => j += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agreement::{Action, ActionType};
    use crate::values::EdtfDate;

    fn id(s: &str) -> ActorId {
        ActorId::new(s).unwrap_or_else(|e| panic!("{e}"))
    }

    fn act(kind: ActionType, date: &str, party: Option<&str>) -> Action {
        let mut a = Action::new(kind, EdtfDate::parse(date).unwrap_or_else(|e| panic!("{e}")));
        a.party = party.map(id);
        a
    }

    fn pact(actions: Vec<Action>) -> Agreement {
        let parties = ["a", "b", "c"].iter().map(|p| crate::agreement::Party::full(id(p))).collect();
        let ag_id = crate::ids::AgreementId::new("p").unwrap_or_else(|e| panic!("{e}"));
        let mut ag = Agreement::new(ag_id, "P", crate::agreement::AgreementKind::DefensePact, parties);
        ag.actions = actions;
        ag
    }

    /// Every day from 1949 to 1980: a day is in a spell exactly when the views say bound, and
    /// in a pair span exactly when they say bound toward.
    fn agrees_with_the_views(ag: &Agreement) {
        let binding = Binding::new(ag, &Successions::default());
        let parties = [id("a"), id("b"), id("c")];
        let spells: Vec<Vec<Spell>> = parties.iter().map(|p| binding.spells(p)).collect();
        let start = NaiveDate::from_ymd_opt(1949, 1, 1).unwrap_or_default();
        let stop = NaiveDate::from_ymd_opt(1980, 1, 1).unwrap_or_default();
        let within = |from: NaiveDate, until: Option<NaiveDate>, day| from <= day && until.is_none_or(|u| day < u);
        for (i, a) in parties.iter().enumerate() {
            for (j, b) in parties.iter().enumerate().filter(|(j, _)| *j != i) {
                let spans = binding.pair_spans(a, b, &spells[i], &spells[j]);
                let mut day = start;
                while day < stop {
                    let in_spell = spells[i].iter().any(|s| within(s.from, s.until, day));
                    assert_eq!(in_spell, ag.is_bound(a, day), "{a} on {day}");
                    let in_span = spans.iter().any(|(f, u)| within(*f, *u, day));
                    assert_eq!(in_span, ag.is_bound_toward(a, b, day), "{a} toward {b} on {day}");
                    day = day.succ_opt().unwrap_or(stop);
                }
            }
        }
    }

    fn days(ag: &Agreement, party: &str) -> Vec<(String, Option<String>)> {
        Binding::new(ag, &Successions::default())
            .spells(&id(party))
            .iter()
            .map(|s| (s.from.to_string(), s.until.map(|d| d.to_string())))
            .collect()
    }

    #[test]
    fn withdrawal_ends_a_spell_on_its_effective_day() {
        let mut w = act(ActionType::Withdrawal, "1972-11", Some("b"));
        w.effective = Some(EdtfDate::parse("1973-11-07").unwrap_or_else(|e| panic!("{e}")));
        let ag = pact(vec![act(ActionType::EntryIntoForce, "1955-02-19", None), w]);
        assert_eq!(days(&ag, "a"), [("1955-02-19".into(), None)]);
        assert_eq!(days(&ag, "b"), [("1955-02-19".into(), Some("1973-11-07".into()))]);
        agrees_with_the_views(&ag);
    }

    #[test]
    fn a_partial_date_counts_from_its_last_day() {
        let ag = pact(vec![
            act(ActionType::EntryIntoForce, "1955", None),
            act(ActionType::Ratification, "1956-03", Some("b")),
        ]);
        assert_eq!(days(&ag, "a"), [("1955-12-31".into(), None)]);
        assert_eq!(days(&ag, "b"), [("1956-03-31".into(), None)]);
        agrees_with_the_views(&ag);
    }

    #[test]
    fn a_suspension_toward_one_party_cuts_only_that_pair() {
        let mut s = act(ActionType::Suspension, "1965-05-01", Some("a"));
        s.toward = vec![id("b")];
        let mut r = act(ActionType::Resumption, "1970", Some("a"));
        r.toward = vec![id("b")];
        let ag = pact(vec![act(ActionType::EntryIntoForce, "1960-01-01", None), s, r]);
        let binding = Binding::new(&ag, &Successions::default());
        let (a, b, c) = (id("a"), id("b"), id("c"));
        let (sa, sb, sc) = (binding.spells(&a), binding.spells(&b), binding.spells(&c));
        assert_eq!(sa.len(), 1);
        let ab = binding.pair_spans(&a, &b, &sa, &sb);
        assert_eq!(ab.len(), 2);
        assert_eq!(ab[0].1.map(|d| d.to_string()).as_deref(), Some("1965-05-01"));
        assert_eq!(ab[1].0.to_string(), "1970-12-31");
        assert_eq!(binding.pair_spans(&a, &c, &sa, &sc).len(), 1);
        agrees_with_the_views(&ag);
    }

    #[test]
    fn re_accession_after_withdrawal_binds_again() {
        let ag = pact(vec![
            act(ActionType::Ratification, "1959-10-01", Some("b")),
            act(ActionType::EntryIntoForce, "1960-01-01", None),
            act(ActionType::Withdrawal, "1965-05-01", Some("b")),
            act(ActionType::Accession, "1970-05-01", Some("b")),
        ]);
        assert_eq!(days(&ag, "b"), [("1960-01-01".into(), Some("1965-05-01".into())), ("1970-05-01".into(), None)]);
        agrees_with_the_views(&ag);
    }

    #[test]
    fn suspension_of_the_whole_agreement_and_termination_end_every_spell() {
        let ag = pact(vec![
            act(ActionType::EntryIntoForce, "1960-01-01", None),
            act(ActionType::Suspension, "1962", None),
            act(ActionType::Resumption, "1963-06-01", None),
            act(ActionType::Termination, "1977-06-30", None),
        ]);
        assert_eq!(
            days(&ag, "a"),
            [("1960-01-01".into(), Some("1962-12-31".into())), ("1963-06-01".into(), Some("1977-06-30".into()))]
        );
        agrees_with_the_views(&ag);
        let (begin, end) = Binding::new(&ag, &Successions::default()).span();
        assert_eq!(begin.map(|d| d.to_string()).as_deref(), Some("1960-01-01"));
        assert_eq!(end.map(|d| d.to_string()).as_deref(), Some("1977-06-29"));
    }
}
