//! The lifecycle rules, by party and by pair rather than by one global order of stages.
//! `docs/lifecycle.md` states each rule and its legal ground; `docs/validation.md` lists the
//! codes. Every comparison is *definite*: partial dates that may denote the same day are never
//! out of order, and each error points at the act that breaks the rule, never at an earlier
//! act that is not wrong.
//!
//! Cost: one pass to group the acts, then sorting within each group: O(n log n) in the acts
//! plus the `toward` lists, on any input.

use chrono::{Months, NaiveDate};

use super::{ActionType, Agreement};
use crate::validate::{Checker, Code, FastMap, Path};

/// The order groups of treaty law: an act may not be definitely earlier than an act of a
/// group it must follow.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    /// Negotiation (VCLT Art. 9).
    Negotiation = 0,
    /// Signature (VCLT Arts. 10, 12).
    Signature = 1,
    /// Consent and what accompanies it: ratification, approval, accession, domestic approval,
    /// reservation, interpretive declaration, provisional application (VCLT Arts. 11–25).
    Consent = 2,
    /// Entry into force (VCLT Art. 24).
    EntryIntoForce = 3,
    /// Acts in the life of an agreement: amendment, suspension, resumption, renewal,
    /// withdrawal, denunciation (VCLT Parts IV–V). They follow negotiation and signature only:
    /// an agreement-wide amendment or suspension does not make an earlier entry into force
    /// out of order.
    Life = 4,
    /// Termination (VCLT Arts. 54, 59–62).
    Termination = 5,
}

const GROUPS: usize = 6;

fn group(kind: ActionType) -> Group {
    match kind {
        ActionType::Negotiation => Group::Negotiation,
        ActionType::Signature => Group::Signature,
        ActionType::EntryIntoForce => Group::EntryIntoForce,
        ActionType::Termination => Group::Termination,
        ActionType::Ratification
        | ActionType::Approval
        | ActionType::Accession
        | ActionType::Succession
        | ActionType::DomesticApproval
        | ActionType::Reservation
        | ActionType::InterpretiveDeclaration
        | ActionType::ProvisionalApplication => Group::Consent,
        _ => Group::Life,
    }
}

/// The groups an act of `g` must not precede.
fn predecessors(g: Group) -> &'static [Group] {
    match g {
        Group::Negotiation => &[],
        Group::Signature => &[Group::Negotiation],
        Group::Consent | Group::Life => &[Group::Negotiation, Group::Signature],
        Group::EntryIntoForce => &[Group::Negotiation, Group::Signature, Group::Consent],
        Group::Termination => &[Group::Negotiation, Group::Signature, Group::EntryIntoForce],
    }
}

/// A span of days a date may denote.
type Span = (NaiveDate, NaiveDate);

/// The days `date` may denote.
fn span(date: &crate::values::EdtfDate) -> Option<Span> {
    Some((date.earliest()?, date.latest()?))
}

/// Intervals sorted by start, with the running maximum of their ends: answers "does any
/// interval start on or before `x` and end on or after `y`?" in O(log n).
struct Overlaps {
    starts: Vec<NaiveDate>,
    max_end: Vec<NaiveDate>,
}

impl Overlaps {
    fn new(mut spans: Vec<Span>) -> Self {
        spans.sort_unstable();
        let mut max_end = Vec::with_capacity(spans.len());
        let mut m: Option<NaiveDate> = None;
        for (_, end) in &spans {
            let next = m.map_or(*end, |m| m.max(*end));
            max_end.push(next);
            m = Some(next);
        }
        Self { starts: spans.into_iter().map(|(s, _)| s).collect(), max_end }
    }

    /// Whether some interval starts on or before `x` and ends on or after `y`.
    fn any(&self, x: NaiveDate, y: NaiveDate) -> bool {
        let n = self.starts.partition_point(|s| *s <= x);
        n.checked_sub(1).and_then(|i| self.max_end.get(i)).is_some_and(|e| *e >= y)
    }
}

/// Among spans sorted by end, the latest start of those ending before `x`: the most recent
/// act definitely before `x`.
struct LatestBefore {
    ends: Vec<NaiveDate>,
    max_start: Vec<NaiveDate>,
}

impl LatestBefore {
    fn new(mut spans: Vec<Span>) -> Self {
        spans.sort_unstable_by_key(|(s, e)| (*e, *s));
        let mut max_start = Vec::with_capacity(spans.len());
        let mut m: Option<NaiveDate> = None;
        for (start, _) in &spans {
            let next = m.map_or(*start, |m| m.max(*start));
            max_start.push(next);
            m = Some(next);
        }
        Self { ends: spans.into_iter().map(|(_, e)| e).collect(), max_start }
    }

    /// The latest start of a span that ends before `x`.
    fn get(&self, x: NaiveDate) -> Option<NaiveDate> {
        let n = self.ends.partition_point(|e| *e < x);
        n.checked_sub(1).and_then(|i| self.max_start.get(i)).copied()
    }
}

/// Opens a party's membership again after a withdrawal (re-accession, re-ratification).
fn rejoins(kind: ActionType) -> bool {
    matches!(
        kind,
        ActionType::Ratification
            | ActionType::Approval
            | ActionType::Accession
            | ActionType::Succession
            | ActionType::EntryIntoForce
            | ActionType::ProvisionalApplication
    )
}

/// A party leaving: withdrawal, denunciation, or a termination by one party (read as one).
fn exits(a: &super::Action) -> bool {
    matches!(a.kind, ActionType::Withdrawal | ActionType::Denunciation)
        || (a.kind == ActionType::Termination && a.toward.is_empty())
}

/// A party's act that only a member can make: it may not follow its withdrawal.
fn member_only(a: &super::Action) -> bool {
    matches!(a.kind, ActionType::Suspension | ActionType::Resumption | ActionType::Amendment | ActionType::Renewal)
        || (a.kind == ActionType::Termination && !a.toward.is_empty())
}

/// The scope of a suspension: the agreement (no party), a party, or a party toward one other.
type Scope<'a> = (Option<&'a str>, Option<&'a str>);

/// The acts that may name counterparts.
fn takes_counterparts(kind: ActionType) -> bool {
    matches!(kind, ActionType::Suspension | ActionType::Resumption | ActionType::Termination)
}

impl Agreement {
    /// The days act `i` may take effect on (see [`Agreement::effect_of`]).
    fn effect_span(&self, i: usize) -> Option<Span> {
        let a = self.actions.get(i)?;
        if let Some(m) = self.notice_months(a) {
            let (s, e) = span(&a.date)?;
            return Some((s.checked_add_months(Months::new(m))?, e.checked_add_months(Months::new(m))?));
        }
        span(a.effective_date())
    }

    /// Every lifecycle rule on the order and meaning of the acts.
    pub(crate) fn check_lifecycle(&self, c: &mut Checker<'_>, path: &Path<'_>) {
        let list = path.key("actions");
        self.check_order(c, &list);
        self.check_counterparts(c, &list);
        self.check_resumptions(c, &list);
        // One replay for the rules that read it (the order of the acts, original parties).
        let life = self.lifecycle();
        self.check_parties_history(c, &list, &life);
        self.check_signature_dates(c, path);
        self.check_schedule(c, &list, &life);
        self.check_entry_into_force(c, &list);
        self.check_after_last_member(c, &list, &life);
    }

    /// `ambiguous_act_order`, `renewal_after_term_end` and `action_after_end`: what the replay
    /// order had to settle by a choice (src/agreement/ordering.rs), and acts after a fixed
    /// term ran out.
    fn check_schedule(&self, c: &mut Checker<'_>, list: &Path<'_>, life: &super::Lifecycle<'_>) {
        let schedule = life;
        for &i in &schedule.contradicted {
            let date = self.actions.get(i).map_or_else(String::new, |a| a.effective_date().to_string());
            c.issue(
                &list.index(i).key("date"),
                Code::AmbiguousActOrder,
                format!("acts listed after this one ({date}) take effect before it can have: the order of the record and its dates disagree"),
            );
        }
        let late: FastMap<usize, ()> = schedule.late_renewals.iter().map(|i| (*i, ())).collect();
        for &i in life.acts_after_end() {
            let Some(a) = self.actions.get(i) else { continue };
            // A late renewal has its own warning.
            if late.contains_key(&i) {
                continue;
            }
            c.issue(
                &list.index(i).key("date"),
                Code::ActionAfterEnd,
                format!(
                    "{} on {} takes effect after the agreement's fixed term ran out: it changes nothing",
                    a.kind.as_str(),
                    a.effective_date()
                ),
            );
        }
        for &i in &schedule.late_renewals {
            let date = self.actions.get(i).map_or_else(String::new, |a| a.effective_date().to_string());
            c.issue(
                &list.index(i).key("date"),
                Code::RenewalAfterTermEnd,
                format!("renewal on {date} comes after the term it would extend ended: it revives nothing"),
            );
        }
    }

    /// `no_entry_into_force`: entry into force recorded for parties, never for the agreement.
    /// An entry into force "for a party" dates when an acceding state becomes bound by a treaty
    /// already in force; without the treaty's own, the views keep it `signed` and bind no one.
    fn check_entry_into_force(&self, c: &mut Checker<'_>, list: &Path<'_>) {
        let is_eif = |a: &&super::Action| a.kind == ActionType::EntryIntoForce;
        if self.actions.iter().filter(is_eif).any(|a| a.party.is_none()) {
            return;
        }
        if let Some(i) = self.actions.iter().position(|a| a.kind == ActionType::EntryIntoForce) {
            c.issue(
                &list.index(i),
                Code::NoEntryIntoForce,
                "entry into force is recorded for parties only: record the agreement's own entry into force (no `party`), or no one is ever bound",
            );
        }
    }

    /// `action_after_termination` for the end the views read without a termination act: the
    /// agreement ends when a withdrawal leaves fewer than two members (a withdrawal from a
    /// bilateral treaty ends it), and an accession after that revives nothing.
    fn check_after_last_member(&self, c: &mut Checker<'_>, list: &Path<'_>, life: &super::Lifecycle<'_>) {
        let has_exit = self.actions.iter().any(|a| a.party.is_some() && exits(a));
        let has_termination = self.actions.iter().any(|a| a.party.is_none() && a.kind == ActionType::Termination);
        if !has_exit || has_termination {
            return;
        }
        let ended = life.timeline().iter().find_map(|e| {
            let i = e.action?;
            let a = self.actions.get(i)?;
            (e.status == super::AgreementStatus::Terminated && a.party.is_some() && exits(a)).then_some((e.day, i))
        });
        let Some((end, by)) = ended else { return };
        let leaver = self.actions.get(by).and_then(|a| a.party.as_ref());
        for (i, a) in self.actions.iter().enumerate() {
            let Some(start) = a.date.earliest() else { continue };
            // The leaver's own later exits and member acts are `repeated_withdrawal` and
            // `action_after_withdrawal` already.
            let reported = a.party.as_ref() == leaver && (exits(a) || member_only(a));
            if start > end && i != by && !reported {
                c.issue(
                    &list.index(i).key("date"),
                    Code::ActionAfterTermination,
                    format!(
                        "{} on {} is after the agreement ended on {end}, when a withdrawal left fewer than two parties",
                        a.kind.as_str(),
                        a.date
                    ),
                );
            }
        }
    }

    /// `lifecycle_out_of_order` and `action_after_termination`.
    fn check_order(&self, c: &mut Checker<'_>, list: &Path<'_>) {
        // The latest start of the acts of each group: agreement-wide, and for each party.
        let mut global: [Option<NaiveDate>; GROUPS] = [None; GROUPS];
        let mut by_party: FastMap<&str, [Option<NaiveDate>; GROUPS]> = FastMap::default();
        // A disputed act (one alternative of a dispute, see `Action::dispute`) may not have
        // happened then: it sets no bar for the others.
        for a in self.actions.iter().filter(|a| a.dispute.is_none()) {
            let Some(start) = a.date.earliest() else { continue };
            let g = group(a.kind) as usize;
            let slot = match &a.party {
                None => global.get_mut(g),
                Some(p) => by_party.entry(p.as_str()).or_insert([None; GROUPS]).get_mut(g),
            };
            if let Some(slot) = slot {
                *slot = (*slot).max(Some(start));
            }
        }
        // With no signature act of its own, the agreement was signed no earlier than its first
        // signature record: an agreement-wide act may not precede every signature.
        let first_signed = self
            .signatures
            .iter()
            .filter_map(|s| s.date.as_ref().and_then(|d| d.earliest()))
            .chain(
                self.actions
                    .iter()
                    .filter(|a| a.kind == ActionType::Signature && a.party.is_some())
                    .filter_map(|a| a.date.earliest()),
            )
            .min();
        let wide = {
            let mut wide = global;
            if let Some(slot) = wide.get_mut(Group::Signature as usize).filter(|s| s.is_none()) {
                *slot = first_signed;
            }
            wide
        };
        let mut terminated: Option<NaiveDate> = None;
        let mut late = vec![false; self.actions.len()];
        for (i, a) in self.actions.iter().enumerate() {
            let Some(end) = a.date.latest() else { continue };
            let own = a.party.as_ref().and_then(|p| by_party.get(p.as_str()));
            let global = if a.party.is_none() { &wide } else { &global };
            let before = predecessors(group(a.kind))
                .iter()
                .filter_map(|g| {
                    let g = *g as usize;
                    global.get(g).copied().flatten().max(own.and_then(|o| o.get(g).copied().flatten()))
                })
                .max();
            if let Some(before) = before.filter(|b| *b > end) {
                c.issue(
                    &list.index(i).key("date"),
                    Code::LifecycleOutOfOrder,
                    format!("{} on {} precedes an act it must follow, dated {before}", a.kind.as_str(), a.date),
                );
                if let Some(flag) = late.get_mut(i) {
                    *flag = true;
                }
            } else if a.party.is_none() && a.kind == ActionType::Termination && a.dispute.is_none() {
                // Only a termination in its right place ends the agreement for the rule
                // below: one dated before the signature is itself the error.
                terminated = Some(terminated.map_or(end, |t| t.min(end)));
            }
        }
        let Some(t) = terminated else { return };
        for (i, a) in self.actions.iter().enumerate() {
            let Some(start) = a.date.earliest() else { continue };
            if a.kind != ActionType::Termination && start > t && !late.get(i).copied().unwrap_or(false) {
                c.issue(
                    &list.index(i).key("date"),
                    Code::ActionAfterTermination,
                    format!("{} on {} is after the termination on {t}", a.kind.as_str(), a.date),
                );
            }
        }
    }

    /// `invalid_counterpart` and `party_termination`.
    fn check_counterparts(&self, c: &mut Checker<'_>, list: &Path<'_>) {
        for (i, a) in self.actions.iter().enumerate() {
            let at = list.index(i);
            if a.kind == ActionType::Termination && a.party.is_some() && a.toward.is_empty() {
                c.issue(
                    &at.key("party"),
                    Code::PartyTermination,
                    "a party leaves by withdrawal or denunciation; a termination by one party needs `toward`, the parties it ends the agreement with",
                );
            }
            if a.toward.is_empty() {
                continue;
            }
            let toward = at.key("toward");
            if !takes_counterparts(a.kind) {
                c.issue(
                    &toward,
                    Code::InvalidCounterpart,
                    format!(
                        "a {} has no counterparts; only suspension, resumption and termination do",
                        a.kind.as_str()
                    ),
                );
            } else if a.party.is_none() {
                c.issue(&toward, Code::InvalidCounterpart, "counterparts need the `party` acting toward them");
            }
            if let Some(party) = &a.party {
                for (j, other) in a.toward.iter().enumerate() {
                    if other == party {
                        c.issue(
                            &toward.index(j),
                            Code::InvalidCounterpart,
                            format!("'{party}' cannot act toward itself"),
                        );
                    }
                }
            }
        }
    }

    /// `resumption_without_suspension`: a resumption ends a suspension of the same scope (the
    /// agreement, one party, one party toward one other) that may have come before it.
    fn check_resumptions(&self, c: &mut Checker<'_>, list: &Path<'_>) {
        // Scope → (day, resumption?, act): suspensions at their first possible day, resumptions
        // at their last, so that a suspension that may precede a resumption does.
        let mut scopes: FastMap<Scope<'_>, Vec<(NaiveDate, bool, usize)>> = FastMap::default();
        for (i, a) in self.actions.iter().enumerate() {
            let resumption = match a.kind {
                ActionType::Suspension => false,
                ActionType::Resumption => true,
                _ => continue,
            };
            let Some((start, end)) = span(&a.date) else { continue };
            let day = if resumption { end } else { start };
            let party = a.party.as_ref().map(|p| p.as_str());
            if a.toward.is_empty() || party.is_none() {
                scopes.entry((party, None)).or_default().push((day, resumption, i));
            } else {
                for other in &a.toward {
                    scopes.entry((party, Some(other.as_str()))).or_default().push((day, resumption, i));
                }
            }
        }
        let mut flagged: Vec<usize> = Vec::new();
        for acts in scopes.values_mut() {
            acts.sort_unstable();
            let mut open = 0usize;
            for (_, resumption, i) in acts.iter() {
                match (resumption, open) {
                    (false, _) => open += 1,
                    (true, 0) => flagged.push(*i),
                    (true, _) => open -= 1,
                }
            }
        }
        flagged.sort_unstable();
        flagged.dedup();
        for i in flagged {
            if let Some(a) = self.actions.get(i) {
                c.issue(
                    &list.index(i),
                    Code::ResumptionWithoutSuspension,
                    format!("resumption on {} ends no suspension of the same scope", a.date),
                );
            }
        }
    }

    /// `withdrawal_before_bound`, `repeated_withdrawal`, `action_after_withdrawal`.
    fn check_parties_history(&self, c: &mut Checker<'_>, list: &Path<'_>, life: &super::Lifecycle<'_>) {
        let mut eif: Option<NaiveDate> = None;
        let mut by_party: FastMap<&str, Vec<usize>> = FastMap::default();
        for (i, a) in self.actions.iter().enumerate() {
            match &a.party {
                None if a.kind == ActionType::EntryIntoForce => {
                    if let Some((start, _)) = self.effect_span(i) {
                        eif = Some(eif.map_or(start, |e| e.min(start)));
                    }
                }
                None => {}
                Some(p) => by_party.entry(p.as_str()).or_default().push(i),
            }
        }
        let mut issues: Vec<(usize, Code, String)> = Vec::new();
        for (party, acts) in &by_party {
            let consent = |k: ActionType| {
                matches!(
                    k,
                    ActionType::Ratification | ActionType::Approval | ActionType::Accession | ActionType::Succession
                )
            };
            let mut first_consent: Option<NaiveDate> = None;
            let mut own_eif: Option<NaiveDate> = None;
            let original = life.is_original(party).unwrap_or(true);
            let mut exit_notices: Vec<Span> = Vec::new();
            let mut exit_effects: Vec<Span> = Vec::new();
            let mut rejoin_notices: Vec<Span> = Vec::new();
            for &i in acts {
                let Some(a) = self.actions.get(i) else { continue };
                let effect = self.effect_span(i);
                if let Some((start, _)) = effect {
                    if consent(a.kind) {
                        first_consent = Some(first_consent.map_or(start, |f| f.min(start)));
                    } else if a.kind == ActionType::EntryIntoForce {
                        own_eif = Some(own_eif.map_or(start, |f| f.min(start)));
                    }
                }
                if exits(a) {
                    if let (Some(notice), Some(effect)) = (span(&a.date), effect) {
                        exit_notices.push(notice);
                        exit_effects.push(effect);
                    }
                }
                if rejoins(a.kind) {
                    if let (Some(notice), Some(effect)) = (span(&a.date), effect) {
                        // Between: made no later than the act in question, in effect no
                        // earlier than the withdrawal.
                        rejoin_notices.push((notice.0, effect.1));
                    }
                }
            }
            // The first day the party may have been bound.
            let through_consent = match (original, eif, first_consent) {
                (true, Some(e), _) => Some(e),
                (false, Some(e), Some(f)) => Some(e.max(f)),
                _ => None,
            };
            let bound_from = match (through_consent, own_eif) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            let rejoined = Overlaps::new(rejoin_notices);
            let last_notice = LatestBefore::new(exit_notices);
            let last_effect = LatestBefore::new(exit_effects);
            for &i in acts {
                let Some(a) = self.actions.get(i) else { continue };
                let Some((start, end)) = span(&a.date) else { continue };
                if exits(a) {
                    if bound_from.is_some_and(|b| end < b) {
                        issues.push((
                            i,
                            Code::WithdrawalBeforeBound,
                            format!("notice on {} is before the party was bound", a.date),
                        ));
                    } else if let Some(w) = last_notice.get(start) {
                        if !rejoined.any(end, w) {
                            issues.push((
                                i,
                                Code::RepeatedWithdrawal,
                                format!("the party already withdrew ({w}) and has not acceded again since"),
                            ));
                        }
                    }
                } else if member_only(a) {
                    if let Some(w) = last_effect.get(start) {
                        if !rejoined.any(end, w) {
                            issues.push((
                                i,
                                Code::ActionAfterWithdrawal,
                                format!(
                                    "{} on {} comes after the party's withdrawal took effect ({w}) and before any re-accession",
                                    a.kind.as_str(),
                                    a.date
                                ),
                            ));
                        }
                    }
                }
            }
        }
        issues.sort_unstable_by_key(|(i, ..)| *i);
        for (i, code, message) in issues {
            c.issue(&list.index(i), code, message);
        }
    }

    /// `signature_date_mismatch`: a signature record's date overlaps a signature act's: the
    /// party's own signature act when it has one, else the agreement's.
    fn check_signature_dates(&self, c: &mut Checker<'_>, path: &Path<'_>) {
        if self.signatures.iter().all(|s| s.date.is_none()) {
            return;
        }
        let mut common: Vec<Span> = Vec::new();
        let mut own: FastMap<&str, Vec<Span>> = FastMap::default();
        for a in self.actions.iter().filter(|a| a.kind == ActionType::Signature) {
            let Some(s) = span(&a.date) else { continue };
            match &a.party {
                None => common.push(s),
                Some(p) => own.entry(p.as_str()).or_default().push(s),
            }
        }
        let common = Overlaps::new(common);
        let own: FastMap<&str, Overlaps> = own.into_iter().map(|(k, v)| (k, Overlaps::new(v))).collect();
        let list = path.key("signatures");
        for (i, s) in self.signatures.iter().enumerate() {
            let Some((start, end)) = s.date.as_ref().and_then(span) else { continue };
            let acts = own.get(s.party.as_str()).unwrap_or(&common);
            if !acts.starts.is_empty() && !acts.any(end, start) {
                let whose = if own.contains_key(s.party.as_str()) { "the party's" } else { "the agreement's" };
                c.issue(
                    &list.index(i).key("date"),
                    Code::SignatureDateMismatch,
                    format!(
                        "signed on {}, a date no {whose} signature act can denote",
                        s.date.as_ref().map_or_else(String::new, ToString::to_string)
                    ),
                );
            }
        }
    }
}
