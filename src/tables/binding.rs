//! When each party is bound: the spells of the tables' member and dyad rows.
//!
//! The reading is [`Agreement::status_on`]'s and [`Agreement::binds_on`]'s, swept once over the
//! lifecycle instead of asked day by day, with one addition the member table needs: a party
//! that ratifies or accedes again after withdrawing (re-accession) is bound again.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::agreement::{Action, ActionType, Agreement, AgreementStatus};
use crate::ids::ActorId;

/// One interval in which a party is bound. `end` is the first day it no longer is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Spell<'a> {
    pub(crate) start: NaiveDate,
    pub(crate) end: Option<NaiveDate>,
    pub(crate) start_act: &'a Action,
    pub(crate) end_act: Option<&'a Action>,
}

impl Spell<'_> {
    /// The last day bound, when the spell has ended.
    pub(crate) fn last_day(&self) -> Option<NaiveDate> {
        self.end.map(|e| e.pred_opt().unwrap_or(e))
    }

    /// The years with at least one bound day, up to `through` for an open spell.
    pub(crate) fn years(&self, through: i32) -> std::ops::RangeInclusive<i32> {
        use chrono::Datelike;
        let last = self.last_day().map_or(through, |d| d.year());
        self.start.year()..=last
    }
}

/// The days on which the agreement as a whole changes between in force and not.
#[derive(Debug)]
pub(crate) struct Timeline<'a> {
    /// (day, in force from that day, the act that changed it), chronological.
    flips: Vec<(NaiveDate, bool, &'a Action)>,
    /// Each party's own acts with the day they take effect, chronological.
    own: HashMap<&'a ActorId, Vec<(NaiveDate, &'a Action)>>,
}

impl<'a> Timeline<'a> {
    pub(crate) fn new(agreement: &'a Agreement) -> Self {
        let mut whole: Vec<(NaiveDate, usize, &Action)> = Vec::new();
        let mut own: HashMap<&ActorId, Vec<(NaiveDate, usize, &Action)>> = HashMap::new();
        for (i, act) in agreement.actions.iter().enumerate() {
            // An act counts from the last day it may denote: the first day it surely happened.
            let Some(day) = act.effective_date().latest() else { continue };
            match &act.party {
                None => whole.push((day, i, act)),
                Some(p) => own.entry(p).or_default().push((day, i, act)),
            }
        }
        whole.sort_unstable_by_key(|(d, i, _)| (*d, *i));
        let mut flips = Vec::new();
        let mut status = AgreementStatus::Negotiated;
        let mut in_force = false;
        let mut k = 0;
        while k < whole.len() {
            let day = whole[k].0;
            let mut changer = None;
            while let Some(&(d, _, act)) = whole.get(k).filter(|(d, _, _)| *d == day) {
                let _ = d;
                let next = step(status, act.kind);
                if next != status {
                    changer = Some(act);
                }
                status = next;
                k += 1;
            }
            let now = status == AgreementStatus::InForce;
            if let (true, Some(act)) = (now != in_force, changer) {
                flips.push((day, now, act));
                in_force = now;
            }
        }
        let own = own
            .into_iter()
            .map(|(p, mut acts)| {
                acts.sort_unstable_by_key(|(d, i, _)| (*d, *i));
                (p, acts.into_iter().map(|(d, _, a)| (d, a)).collect())
            })
            .collect();
        Self { flips, own }
    }

    /// The first day in force and, when it is not in force after its last act, the first day
    /// it no longer was, with the acts that made each.
    pub(crate) fn span(&self) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let begin = self.flips.iter().find(|f| f.1).map(|f| f.0);
        let end = self.flips.last().filter(|f| !f.1).map(|f| f.0);
        (begin, end)
    }

    /// The spells in which `party` (a full party) is bound, chronological and disjoint.
    pub(crate) fn spells(&self, party: &ActorId) -> Vec<Spell<'a>> {
        let own: &[(NaiveDate, &Action)] = self.own.get(party).map_or(&[], Vec::as_slice);
        let joins =
            |k: ActionType| matches!(k, ActionType::Ratification | ActionType::Accession | ActionType::Approval);
        let mut joined = !own.iter().any(|(_, a)| joins(a.kind));
        let mut left = false;
        let mut suspended = false;
        let mut in_force = false;
        let mut bound = false;
        let mut spells: Vec<Spell<'a>> = Vec::new();
        let (mut f, mut o) = (0, 0);
        while f < self.flips.len() || o < own.len() {
            let day = match (self.flips.get(f), own.get(o)) {
                (Some(a), Some(b)) => a.0.min(b.0),
                (Some(a), None) => a.0,
                (None, Some(b)) => b.0,
                (None, None) => break,
            };
            let mut whole_act = None;
            while let Some(&(_, now, act)) = self.flips.get(f).filter(|x| x.0 == day) {
                in_force = now;
                whole_act = Some(act);
                f += 1;
            }
            let mut own_act = None;
            while let Some(&(_, act)) = own.get(o).filter(|x| x.0 == day) {
                match act.kind {
                    k if joins(k) => {
                        joined = true;
                        left = false;
                    }
                    ActionType::Withdrawal | ActionType::Denunciation | ActionType::Termination => left = true,
                    ActionType::Suspension => suspended = true,
                    ActionType::Resumption => suspended = false,
                    _ => {}
                }
                own_act = Some(act);
                o += 1;
            }
            let now = in_force && joined && !left && !suspended;
            if now == bound {
                continue;
            }
            bound = now;
            // The agreement's own change explains the day when there is one; else the party's.
            let Some(act) = whole_act.or(own_act) else { continue };
            if now {
                spells.push(Spell { start: day, end: None, start_act: act, end_act: None });
            } else if let Some(open) = spells.last_mut() {
                open.end = Some(day);
                open.end_act = Some(act);
            }
        }
        spells
    }
}

/// The agreement's status after one more act (as [`Agreement::status_on`] folds them).
fn step(status: AgreementStatus, kind: ActionType) -> AgreementStatus {
    match (kind, status) {
        (_, AgreementStatus::Terminated) => AgreementStatus::Terminated,
        (ActionType::Signature, AgreementStatus::Negotiated) => AgreementStatus::Signed,
        (ActionType::ProvisionalApplication, AgreementStatus::Negotiated | AgreementStatus::Signed) => {
            AgreementStatus::ProvisionallyApplied
        }
        (ActionType::EntryIntoForce | ActionType::Resumption | ActionType::Renewal, _) => AgreementStatus::InForce,
        (ActionType::Suspension, _) => AgreementStatus::Suspended,
        (ActionType::Termination, _) => AgreementStatus::Terminated,
        (_, s) => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::EdtfDate;

    fn act(kind: ActionType, date: &str, party: Option<&str>) -> Action {
        let mut a = Action::new(kind, EdtfDate::parse(date).unwrap_or_else(|e| panic!("{e}")));
        a.party = party.map(|p| ActorId::new(p).unwrap_or_else(|e| panic!("{e}")));
        a
    }

    fn pact(actions: Vec<Action>) -> Agreement {
        let parties =
            ["a", "b"].iter().map(|p| crate::Party::new(ActorId::new(*p).unwrap_or_else(|e| panic!("{e}")))).collect();
        let id = crate::ids::AgreementId::new("p").unwrap_or_else(|e| panic!("{e}"));
        let mut ag = Agreement::new(id, "P", crate::AgreementKind::DefensePact, parties);
        ag.actions = actions;
        ag
    }

    fn days(ag: &Agreement, party: &str) -> Vec<(String, Option<String>)> {
        let party = ActorId::new(party).unwrap_or_else(|e| panic!("{e}"));
        Timeline::new(ag).spells(&party).iter().map(|s| (s.start.to_string(), s.end.map(|d| d.to_string()))).collect()
    }

    fn agrees_with_binds_on(ag: &Agreement, party: &str) {
        let actor = ActorId::new(party).unwrap_or_else(|e| panic!("{e}"));
        let spells = Timeline::new(ag).spells(&actor);
        let mut day = NaiveDate::from_ymd_opt(1949, 1, 1).unwrap_or_default();
        let stop = NaiveDate::from_ymd_opt(1980, 1, 1).unwrap_or_default();
        while day < stop {
            let in_spell = spells.iter().any(|s| s.start <= day && s.end.is_none_or(|e| day < e));
            assert_eq!(in_spell, ag.binds_on(&actor, day), "{party} on {day}");
            day = day.succ_opt().unwrap_or(stop);
        }
    }

    #[test]
    fn withdrawal_ends_a_spell_on_its_effective_day() {
        let mut w = act(ActionType::Withdrawal, "1972-11", Some("b"));
        w.effective = Some(EdtfDate::parse("1973-11-07").unwrap_or_else(|e| panic!("{e}")));
        let ag = pact(vec![act(ActionType::EntryIntoForce, "1955-02-19", None), w]);
        assert_eq!(days(&ag, "a"), [("1955-02-19".into(), None)]);
        assert_eq!(days(&ag, "b"), [("1955-02-19".into(), Some("1973-11-07".into()))]);
        agrees_with_binds_on(&ag, "a");
        agrees_with_binds_on(&ag, "b");
    }

    #[test]
    fn a_partial_date_counts_from_its_last_day() {
        let ag = pact(vec![
            act(ActionType::EntryIntoForce, "1955", None),
            act(ActionType::Ratification, "1956-03", Some("b")),
        ]);
        assert_eq!(days(&ag, "a"), [("1955-12-31".into(), None)]);
        assert_eq!(days(&ag, "b"), [("1956-03-31".into(), None)]);
        agrees_with_binds_on(&ag, "a");
        agrees_with_binds_on(&ag, "b");
    }

    #[test]
    fn suspension_and_resumption_of_one_party_give_two_spells() {
        let ag = pact(vec![
            act(ActionType::EntryIntoForce, "1960-01-01", None),
            act(ActionType::Suspension, "1965-05-01", Some("b")),
            act(ActionType::Resumption, "1970-05-01", Some("b")),
        ]);
        assert_eq!(days(&ag, "b"), [("1960-01-01".into(), Some("1965-05-01".into())), ("1970-05-01".into(), None)]);
        agrees_with_binds_on(&ag, "b");
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
        agrees_with_binds_on(&ag, "a");
        let (begin, end) = Timeline::new(&ag).span();
        assert_eq!(begin.map(|d| d.to_string()).as_deref(), Some("1960-01-01"));
        assert_eq!(end.map(|d| d.to_string()).as_deref(), Some("1977-06-30"));
    }
}
