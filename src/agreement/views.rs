//! Derived views of an agreement's lifecycle: its status, who is bound, who is bound toward
//! whom, and when. `docs/lifecycle.md` states the rules these views apply and their legal
//! grounds.
//!
//! Every view reads the acts the same way: an act counts from the last day its (partial,
//! EDTF) effective date may denote, the first day it has surely taken effect. An act dated
//! `1952` counts from 31 December 1952; an act whose date has an open or unknown end
//! (`1952/..`) has never surely taken effect and changes nothing. Acts that take effect on
//! the same day are applied in document order.
//!
//! [`Agreement::lifecycle`] replays the acts once (O(n log n) in the acts, O(n + p) memory);
//! its methods answer each question by binary search. The methods of the same names on
//! [`Agreement`] replay the acts for one question: call [`Agreement::lifecycle`] once when
//! asking many.

use std::collections::HashMap;

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::{ActionType, Agreement, AgreementStatus, Duration, PartyRole, Renewal};
use crate::ids::ActorId;
use crate::succession::{Seat, Successions};
use crate::values::EdtfDate;

/// One span of days during which a party is bound, with the acts that open and close it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct BindingInterval {
    /// The first day the party is surely bound.
    pub from: NaiveDate,
    /// The date of the opening act's effect as the document writes it (partial dates kept:
    /// `1952` stays `1952`), or the day computed for it.
    pub start: EdtfDate,
    /// The index in [`Agreement::actions`] of the act that opens the span: the party's
    /// ratification, accession or approval, the agreement's entry into force, a resumption.
    pub opened_by: usize,
    /// The first day the party is surely no longer bound; `None` while it still is at the
    /// end of the record.
    pub until: Option<NaiveDate>,
    /// The date of the closing act's effect as written, or the day computed for it (a term's
    /// end, a withdrawal's end of notice).
    pub end: Option<EdtfDate>,
    /// The index in [`Agreement::actions`] of the act that closes the span (a withdrawal, a
    /// suspension, the termination); `None` while open, or when the agreement's fixed term
    /// ran out with no act.
    pub closed_by: Option<usize>,
    /// The span opens because the actor began to hold a predecessor's place (it continues
    /// it, `Succession::Continues`); `opened_by` is then the act that bound the predecessor.
    pub opened_by_succession: bool,
    /// The span closes because the actor dissolved or another began to continue it.
    pub closed_by_succession: bool,
}

impl BindingInterval {
    /// A span opened by act `opened_by` on `from` (written `start`), still open.
    pub fn new(from: NaiveDate, start: EdtfDate, opened_by: usize) -> Self {
        Self {
            from,
            start,
            opened_by,
            until: None,
            end: None,
            closed_by: None,
            opened_by_succession: false,
            closed_by_succession: false,
        }
    }

    /// Whether `day` falls in the span.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && self.until.is_none_or(|u| day < u)
    }
}

/// Where one party stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PartyStatus {
    /// Not listed with the role `party`: a guarantor, observer, signatory … is never bound.
    NotAParty,
    /// Not (yet) bound: its consent has not taken effect, or the agreement is not in force.
    NotBound,
    /// Applying the agreement provisionally (VCLT Art. 25): the agreement as a whole, or this
    /// party on its own, pending entry into force for it.
    ProvisionallyApplying,
    /// Bound.
    Bound,
    /// A member whose obligations are suspended: the agreement as a whole is suspended, or
    /// the party suspended its participation toward every other party.
    Suspended,
    /// Its withdrawal or denunciation has taken effect (it may accede again later).
    Withdrawn,
    /// A member until the agreement ended (terminated, or its fixed term ran out).
    Ended,
    /// The actor no longer exists (dissolved) or another state now holds its place (continues
    /// it): it is bound by nothing (docs/lifecycle.md, "States that end and continue").
    Dissolved,
}

/// A name that is not a timeline event: neither `term_ended` nor an act's type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} '{value}'")]
pub struct UnknownName {
    what: &'static str,
    value: String,
}

crate::wire::wire_enum!(PartyStatus, "party status" {
    NotAParty = "not_a_party",
    NotBound = "not_bound",
    ProvisionallyApplying = "provisionally_applying",
    Bound = "bound",
    Suspended = "suspended",
    Withdrawn = "withdrawn",
    Ended = "ended",
    Dissolved = "dissolved",
});

impl TimelineEvent {
    /// The act's type in snake_case (`accession`), or `term_ended`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Act { action } => action.as_str(),
            Self::TermEnded => "term_ended",
        }
    }
}

impl std::fmt::Display for TimelineEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for TimelineEvent {
    type Err = UnknownName;
    /// `term_ended`, or the name of an act's type.
    fn from_str(s: &str) -> Result<Self, UnknownName> {
        if s == "term_ended" {
            return Ok(Self::TermEnded);
        }
        s.parse::<ActionType>()
            .ok()
            .map(|action| Self::Act { action })
            .ok_or_else(|| UnknownName { what: "timeline event", value: s.to_owned() })
    }
}

/// What a timeline entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
#[non_exhaustive]
pub enum TimelineEvent {
    /// A recorded act took effect.
    Act {
        /// Its type.
        action: ActionType,
    },
    /// The agreement's fixed term ran out without renewal.
    TermEnded,
}

/// One step of an agreement's timeline, with the status it leaves.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct TimelineEntry {
    /// The day the step surely took effect.
    pub day: NaiveDate,
    /// Its date as written (or computed, for a term's end or a withdrawal's end of notice).
    pub date: EdtfDate,
    /// The index in [`Agreement::actions`] of the act, when it is one.
    pub action: Option<usize>,
    /// What happened.
    pub event: TimelineEvent,
    /// The agreement's status once every step of that day has taken effect.
    pub status: AgreementStatus,
}

impl TimelineEntry {
    /// A step on `day` (written `date`) that leaves the agreement in `status`.
    pub fn new(day: NaiveDate, date: EdtfDate, event: TimelineEvent, status: AgreementStatus) -> Self {
        Self { day, date, action: None, event, status }
    }
}

/// A change of state from a day on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Change<S> {
    day: NaiveDate,
    state: S,
    act: Option<usize>,
    /// The written date of the change (the act's effective date, or a computed day).
    date: EdtfDate,
}

/// A party's own standing, apart from the agreement's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// No consent in effect yet.
    Out,
    /// Applying provisionally on its own.
    Provisional,
    /// Consent in effect.
    Member,
    /// A member with its participation suspended toward all.
    Suspended,
    /// Withdrawn.
    Withdrawn,
}

/// The state of a directed pair (acting party toward a counterpart).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PairState {
    Normal,
    Suspended,
    Terminated,
}

#[derive(Debug, Default)]
struct PartyLog {
    /// Phase changes, in day order; `Out` before the first (or `Member` for an original party).
    changes: Vec<Change<Phase>>,
    /// Days on which a membership began (consent taking effect after non-membership).
    joins: Vec<NaiveDate>,
    original: bool,
}

/// The lifecycle of one agreement, replayed once: every view on any day.
///
/// Built by [`Agreement::lifecycle`]; see the module documentation for how acts are read.
#[derive(Debug)]
pub struct Lifecycle<'a> {
    agreement: &'a Agreement,
    status: Vec<Change<AgreementStatus>>,
    parties: HashMap<&'a str, PartyLog>,
    /// Directed pair changes: (acting party, counterpart).
    pairs: HashMap<(&'a str, &'a str), Vec<Change<PairState>>>,
    timeline: Vec<TimelineEntry>,
    /// The day each act takes effect, by index (see [`Lifecycle::effect_day`]).
    effect_days: Vec<Option<NaiveDate>>,
    /// For each actor that holds a listed party's place only for a time (a party that
    /// dissolved, a state continuing one), the places it holds and when; an actor absent here
    /// holds its own place, if listed, for ever.
    seats: HashMap<&'a str, Vec<(Seat<'a>, &'a str)>>,
    /// For each listed party whose place passes on or ends, the actors holding it in turn.
    holders: HashMap<&'a str, Vec<&'a str>>,
    /// The acts taking effect on a day after the agreement's fixed term ran out.
    after_end: Vec<usize>,
    /// What the replay order had to settle by a choice (see `ordering::Schedule`): acts whose
    /// dates contradict the record's order, renewals after the term ended.
    pub(crate) contradicted: Vec<usize>,
    pub(crate) late_renewals: Vec<usize>,
}

/// Whether the act is a party's own act of joining: a consent of its own, or a provisional
/// application. Such an act, even disputed, says the party was not an original one.
pub(crate) fn joins(action: &super::Action) -> bool {
    action.party.is_some() && (is_consent(action.kind) || action.kind == ActionType::ProvisionalApplication)
}

/// The class of an act for the replay, resolved once.
fn is_consent(kind: ActionType) -> bool {
    matches!(
        kind,
        ActionType::Ratification
            | ActionType::Approval
            | ActionType::Accession
            | ActionType::Succession
            | ActionType::EntryIntoForce
    )
}

fn edtf(day: NaiveDate) -> EdtfDate {
    EdtfDate::from_day(day)
}

/// `date` moved `months` later, kept at its precision when it can be: a year moves by whole
/// years, a month by months, a day by calendar months (31 January plus one month is the last
/// day of February). An interval, or a year moved by a part of a year, becomes the day
/// `months` after its last day.
fn shift(date: &EdtfDate, months: u32) -> Option<EdtfDate> {
    use crate::values::{PartialDate, Precision};
    if let Some(d) = date.as_date() {
        let q = d.qualifier();
        let m = i32::try_from(months).ok()?;
        match d.precision() {
            Precision::Year if m % 12 == 0 => {
                return Some(PartialDate::year(d.year_value().checked_add(m / 12)?).ok()?.with_qualifier(q).into());
            }
            Precision::Month => {
                let index =
                    d.year_value().checked_mul(12)?.checked_add(i32::from(d.month_value()?) - 1)?.checked_add(m)?;
                let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
                return Some(PartialDate::month(index.div_euclid(12), month).ok()?.with_qualifier(q).into());
            }
            Precision::Day => {
                let day = d.earliest()?.checked_add_months(Months::new(months))?;
                return Some(PartialDate::try_from(day).ok()?.with_qualifier(q).into());
            }
            Precision::Year => {}
        }
    }
    Some(edtf(date.latest()?.checked_add_months(Months::new(months))?))
}

impl Agreement {
    /// Replays the lifecycle once, for many questions on many days.
    pub fn lifecycle(&self) -> Lifecycle<'_> {
        Lifecycle::new(self, None)
    }

    /// Replays the lifecycle with the dossier's succession links: a dissolved party is bound
    /// by nothing after its dissolution, and a state that continues a party holds its place
    /// (its acts count as the party's, and the views answer for it). Build `successions` once
    /// per dossier ([`crate::Dossier::successions`]).
    pub fn lifecycle_in<'a>(&'a self, successions: &Successions<'a>) -> Lifecycle<'a> {
        Lifecycle::new(self, Some(successions))
    }

    /// The day act `index` surely takes effect, and its date as written or computed: its
    /// `effective` date; for a withdrawal or denunciation without one, the notice date plus the
    /// notice the agreement's withdrawal terms require (`notice_months`), at the notice's own
    /// precision (`2002-09` plus 24 months is `2004-09`); else its `date`.
    pub fn effect_of(&self, index: usize) -> Option<(NaiveDate, EdtfDate)> {
        let a = self.actions.get(index)?;
        let date = match self.notice_months(a) {
            Some(m) => shift(&a.date, m)?,
            None => *a.effective_date(),
        };
        Some((date.latest()?, date))
    }

    /// The notice a withdrawal or denunciation without `effective` waits, in months.
    pub(crate) fn notice_months(&self, a: &super::Action) -> Option<u32> {
        if a.effective.is_some() || !matches!(a.kind, ActionType::Withdrawal | ActionType::Denunciation) {
            return None;
        }
        self.duration.as_ref().and_then(Duration::withdrawal).and_then(|w| w.notice_months).filter(|m| *m > 0)
    }

    /// For each listed party, whether it is an original party: bound from entry into force
    /// with no consent of its own recorded. A party is original when it records no
    /// ratification, approval, accession, entry into force or provisional application for
    /// itself, or when its first withdrawal or denunciation comes before its first consent in
    /// the replay order (the record starts with it leaving, so it was a member before:
    /// Uzbekistan's 1999 exit and 2006 return). A party that only applies the agreement
    /// provisionally is never original: its consent to be bound is not on record.
    pub(crate) fn original_parties_in<'s>(
        &'s self,
        schedule: &super::ordering::Schedule,
    ) -> crate::validate::FastMap<&'s str, bool> {
        // Validation asks this of every agreement: a fast hasher (see `FastMap`).
        let mut first: crate::validate::FastMap<&str, bool> = Default::default();
        let mut decide = |a: &'s super::Action| {
            let Some(p) = &a.party else { return };
            let joins = is_consent(a.kind) || a.kind == ActionType::ProvisionalApplication;
            let exit = matches!(a.kind, ActionType::Withdrawal | ActionType::Denunciation)
                || (a.kind == ActionType::Termination && a.toward.is_empty());
            if joins || exit {
                first.entry(p.as_str()).or_insert(exit);
            }
        };
        for a in schedule.order.iter().filter_map(|i| self.actions.get(*i)) {
            decide(a);
        }
        // A consent whose date never surely took effect still makes the party a joining one.
        for (i, a) in self.actions.iter().enumerate() {
            if a.dispute.is_none() && schedule.days.get(i).is_none_or(Option::is_none) {
                decide(a);
            }
        }
        // A disputed consent (set aside, or kept marked by `Dossier::resolve` when no
        // alternative counts) still says the party joined by an act of its own, on a day the
        // sources leave open: it is not an original party bound from the entry into force, a
        // reading none of them gives.
        for a in self.actions.iter().filter(|a| a.dispute.is_some() && joins(a)) {
            if let Some(p) = &a.party {
                first.entry(p.as_str()).or_insert(false);
            }
        }
        self.parties.iter().map(|p| (p.actor.as_str(), first.get(p.actor.as_str()).copied().unwrap_or(true))).collect()
    }

    /// Whether `actor` is bound on `day`: it is listed with the role `party`, the agreement is
    /// in force, its consent has taken effect (or it is an original party: no ratification,
    /// approval, accession or entry into force recorded for it), and it has not withdrawn and
    /// is not suspended.
    pub fn is_bound(&self, actor: &ActorId, day: NaiveDate) -> bool {
        self.lifecycle().is_bound(actor, day)
    }

    /// Whether `a` is bound toward `b` on `day`: both are bound and no suspension or
    /// termination between the two is in effect (by either of them: a suspension between two
    /// parties releases both, VCLT Art. 72(1)(a)). Never true for `a == b`.
    pub fn is_bound_toward(&self, a: &ActorId, b: &ActorId, day: NaiveDate) -> bool {
        self.lifecycle().is_bound_toward(a, b, day)
    }

    /// Where `actor` stands on `day`.
    pub fn party_status_on(&self, actor: &ActorId, day: NaiveDate) -> PartyStatus {
        self.lifecycle().party_status_on(actor, day)
    }

    /// The spans during which `actor` is bound, in order, with the acts that open and close
    /// them. A day is in a span exactly when [`Agreement::is_bound`] is true on it.
    pub fn binding_intervals(&self, actor: &ActorId) -> Vec<BindingInterval> {
        self.lifecycle().binding_intervals(actor)
    }

    /// The first span during which `actor` is bound (its `from` is the first day bound).
    pub fn first_bound(&self, actor: &ActorId) -> Option<BindingInterval> {
        self.lifecycle().first_bound(actor)
    }

    /// Every step of the agreement's life in order, with the status each leaves.
    pub fn timeline(&self) -> Vec<TimelineEntry> {
        self.lifecycle().timeline
    }
}

/// The places each actor holds for a time, from the succession links: for each listed party
/// whose place passes on or ends, every holder in turn; a listed party that holds another's
/// place also keeps its own, first. Also, for each such party, its holders in order.
/// O(p·c) for p parties and chains of at most c continuing states.
#[allow(clippy::type_complexity)]
fn seats_of<'a>(
    parties: &HashMap<&'a str, PartyLog>,
    successions: Option<&Successions<'a>>,
) -> (HashMap<&'a str, Vec<(Seat<'a>, &'a str)>>, HashMap<&'a str, Vec<&'a str>>) {
    let mut seats: HashMap<&'a str, Vec<(Seat<'a>, &'a str)>> = HashMap::new();
    let mut holders: HashMap<&'a str, Vec<&'a str>> = HashMap::new();
    let Some(successions) = successions.filter(|s| !s.is_empty()) else { return (seats, holders) };
    for key in parties.keys() {
        let chain = successions.seats(key);
        if chain.len() == 1 && chain.iter().all(|s| s.until.is_none()) {
            continue;
        }
        holders.insert(*key, chain.iter().map(|s| s.holder).collect());
        for seat in chain {
            seats.entry(seat.holder).or_default().push((seat, *key));
        }
    }
    for (holder, list) in &mut seats {
        if parties.contains_key(holder) && list.iter().all(|(_, p)| p != holder) {
            list.insert(0, (Seat { holder, from: None, until: None }, holder));
        }
    }
    (seats, holders)
}

/// The listed party whose place `actor` holds on `day`, when it holds one for a time.
fn seat_on<'a>(seats: &HashMap<&'a str, Vec<(Seat<'a>, &'a str)>>, actor: &str, day: NaiveDate) -> Option<&'a str> {
    seats.get(actor)?.iter().find(|(s, _)| s.contains(day)).map(|(_, p)| *p)
}

/// A span cut to the days a seat is held, marking the cuts.
fn clip(mut iv: BindingInterval, seat: &Seat<'_>) -> Option<BindingInterval> {
    if seat.from.is_some_and(|f| iv.until.is_some_and(|u| u <= f)) || seat.until.is_some_and(|u| iv.from >= u) {
        return None;
    }
    if let Some(f) = seat.from.filter(|f| *f > iv.from) {
        iv.from = f;
        iv.start = edtf(f);
        iv.opened_by_succession = true;
    }
    if let Some(u) = seat.until.filter(|u| iv.until.is_none_or(|end| *u < end)) {
        iv.until = Some(u);
        iv.end = Some(edtf(u));
        iv.closed_by = None;
        iv.closed_by_succession = true;
    }
    Some(iv)
}

/// The state in `changes` on `day` (the last change on or before it).
fn state_on<S: Copy>(changes: &[Change<S>], day: NaiveDate) -> Option<&Change<S>> {
    let n = changes.partition_point(|c| c.day <= day);
    n.checked_sub(1).and_then(|i| changes.get(i))
}

/// Pushes a change, replacing one of the same day (the later act of a day wins).
fn push<S: Copy + PartialEq>(changes: &mut Vec<Change<S>>, change: Change<S>) {
    if let Some(last) = changes.last_mut() {
        if last.day == change.day {
            *last = change;
            return;
        }
    }
    changes.push(change);
}

impl<'a> Lifecycle<'a> {
    fn new(agreement: &'a Agreement, successions: Option<&Successions<'a>>) -> Self {
        // Listed parties, and which of them record a consent of their own (the others are
        // original parties, bound from entry into force).
        let mut parties: HashMap<&'a str, PartyLog> = HashMap::new();
        for p in agreement.parties.iter().filter(|p| p.role == PartyRole::Party) {
            parties.entry(p.actor.as_str()).or_insert_with(|| PartyLog { original: true, ..PartyLog::default() });
        }
        let schedule = agreement.schedule();
        for (key, original) in agreement.original_parties_in(&schedule) {
            if let Some(log) = parties.get_mut(key) {
                log.original = original;
            }
        }
        let mut members = parties.values().filter(|l| l.original).count();
        let mut phases: HashMap<&'a str, Phase> =
            parties.iter().map(|(k, l)| (*k, if l.original { Phase::Member } else { Phase::Out })).collect();

        let (seats, holders) = seats_of(&parties, successions);
        let events: Vec<(NaiveDate, usize, EdtfDate)> = schedule
            .order
            .iter()
            .filter_map(|i| schedule.days.get(*i).and_then(|d| d.as_ref()).map(|(day, date)| (*day, *i, *date)))
            .collect();

        let (term_years, renewal_years, renewal) = match &agreement.duration {
            Some(Duration::FixedTerm { years, renewal, renewal_years, .. }) => {
                (Some(years.get()), renewal_years.map_or(years.get(), |r| r.get()), *renewal)
            }
            _ => (None, 0, Renewal::Automatic),
        };
        let add_years = |day: NaiveDate, years: u32| day.checked_add_months(Months::new(years.saturating_mul(12)));

        let mut status = AgreementStatus::Negotiated;
        let mut before_suspension = AgreementStatus::InForce;
        let mut term_end: Option<NaiveDate> = None;
        let mut log: Vec<Change<AgreementStatus>> = Vec::new();
        let mut pairs: HashMap<(&'a str, &'a str), Vec<Change<PairState>>> = HashMap::new();
        let mut timeline = Vec::with_capacity(events.len());
        let active = |s: AgreementStatus| matches!(s, AgreementStatus::InForce | AgreementStatus::Suspended);

        // The day the agreement's fixed term ran out, and the acts that take effect on a later
        // day (the end by fewer than two members is `action_after_termination`'s).
        let mut ended_silently: Option<NaiveDate> = None;
        let mut after_end: Vec<usize> = Vec::new();
        for (day, i, date) in events {
            // A disputed act changes nothing unless a dispute policy counts it (`Dossier::resolve`).
            let Some(a) = agreement.actions.get(i).filter(|a| a.dispute.is_none()) else { continue };
            // A withdrawn party's own act other than rejoining is already an error of its own
            // (`action_after_withdrawal`, `repeated_withdrawal`).
            let withdrawn_own = a.party.as_ref().is_some_and(|p| phases.get(p.as_str()) == Some(&Phase::Withdrawn))
                && !is_consent(a.kind)
                && a.kind != ActionType::ProvisionalApplication;
            let reportable = !withdrawn_own && a.kind != ActionType::Termination;
            if reportable && ended_silently.is_some_and(|e| e < day) && status == AgreementStatus::Terminated {
                after_end.push(i);
            }
            // The term runs out before any act of a later day (and on its last day, unless
            // the act is the renewal that extends it).
            if let Some(t) = term_end {
                if active(status) && (t < day || (t == day && a.kind != ActionType::Renewal)) {
                    status = AgreementStatus::Terminated;
                    ended_silently = Some(t);
                    if t < day && reportable {
                        after_end.push(i);
                    }
                    push(&mut log, Change { day: t, state: status, act: None, date: edtf(t) });
                    timeline.push(TimelineEntry {
                        day: t,
                        date: edtf(t),
                        action: None,
                        event: TimelineEvent::TermEnded,
                        status,
                    });
                    term_end = None;
                }
            }
            let before = status;
            match &a.party {
                None => {
                    status = match (a.kind, status) {
                        (_, AgreementStatus::Terminated) => AgreementStatus::Terminated,
                        (ActionType::Signature, AgreementStatus::Negotiated) => AgreementStatus::Signed,
                        (ActionType::ProvisionalApplication, AgreementStatus::Negotiated | AgreementStatus::Signed) => {
                            AgreementStatus::ProvisionallyApplied
                        }
                        (
                            ActionType::EntryIntoForce,
                            AgreementStatus::Negotiated
                            | AgreementStatus::Signed
                            | AgreementStatus::ProvisionallyApplied,
                        ) => {
                            term_end = match (term_years, renewal) {
                                (Some(y), Renewal::None | Renewal::ByAgreement) => add_years(day, y),
                                _ => None,
                            };
                            AgreementStatus::InForce
                        }
                        (
                            ActionType::Suspension,
                            s @ (AgreementStatus::InForce | AgreementStatus::ProvisionallyApplied),
                        ) => {
                            before_suspension = s;
                            AgreementStatus::Suspended
                        }
                        (ActionType::Resumption, AgreementStatus::Suspended) => before_suspension,
                        // Entry into force while a provisional application is suspended: in
                        // force, and still suspended until the resumption.
                        (ActionType::EntryIntoForce, AgreementStatus::Suspended)
                            if before_suspension == AgreementStatus::ProvisionallyApplied =>
                        {
                            term_end = match (term_years, renewal) {
                                (Some(y), Renewal::None | Renewal::ByAgreement) => add_years(day, y),
                                _ => None,
                            };
                            before_suspension = AgreementStatus::InForce;
                            AgreementStatus::Suspended
                        }
                        (ActionType::Renewal, s) => {
                            if active(s) {
                                term_end = term_end.and_then(|t| add_years(t, renewal_years));
                            }
                            s
                        }
                        (ActionType::Termination, _) => AgreementStatus::Terminated,
                        (_, s) => s,
                    };
                }
                Some(actor) => {
                    // A state continuing a listed party acts in its place.
                    let seat = match parties.get_key_value(actor.as_str()) {
                        Some((key, _)) => Some(*key),
                        None => seat_on(&seats, actor.as_str(), day),
                    };
                    let Some(key) = seat else {
                        timeline.push(TimelineEntry {
                            day,
                            date,
                            action: Some(i),
                            event: TimelineEvent::Act { action: a.kind },
                            status,
                        });
                        continue;
                    };
                    let phase = phases.get(key).copied().unwrap_or(Phase::Out);
                    let is_member = matches!(phase, Phase::Member | Phase::Suspended);
                    let next = match a.kind {
                        k if is_consent(k) && !is_member => Some(Phase::Member),
                        ActionType::ProvisionalApplication if matches!(phase, Phase::Out | Phase::Withdrawn) => {
                            Some(Phase::Provisional)
                        }
                        ActionType::Withdrawal | ActionType::Denunciation
                            if is_member || phase == Phase::Provisional =>
                        {
                            Some(Phase::Withdrawn)
                        }
                        ActionType::Termination
                            if a.toward.is_empty() && (is_member || phase == Phase::Provisional) =>
                        {
                            Some(Phase::Withdrawn)
                        }
                        ActionType::Suspension if a.toward.is_empty() && phase == Phase::Member => {
                            Some(Phase::Suspended)
                        }
                        ActionType::Resumption if a.toward.is_empty() && phase == Phase::Suspended => {
                            Some(Phase::Member)
                        }
                        _ => None,
                    };
                    if let Some(next) = next {
                        let was_member = is_member;
                        let now_member = matches!(next, Phase::Member | Phase::Suspended);
                        phases.insert(key, next);
                        if let Some(plog) = parties.get_mut(key) {
                            push(&mut plog.changes, Change { day, state: next, act: Some(i), date });
                            if now_member && !was_member {
                                plog.joins.push(day);
                            }
                        }
                        if now_member && !was_member {
                            members += 1;
                        } else if was_member && !now_member {
                            members = members.saturating_sub(1);
                            // Fewer than two members: no one is left to be bound toward.
                            if members < 2 && active(status) {
                                status = AgreementStatus::Terminated;
                            }
                        }
                    }
                    let pair_state = match a.kind {
                        ActionType::Suspension => Some(PairState::Suspended),
                        ActionType::Resumption => Some(PairState::Normal),
                        ActionType::Termination => Some(PairState::Terminated),
                        _ => None,
                    };
                    if let Some(state) = pair_state {
                        for other in &a.toward {
                            let Some((other, _)) = parties.get_key_value(other.as_str()) else { continue };
                            // A suspension or resumption runs one way unless recorded as mutual
                            // (a termination ends the relation both ways: `is_bound_toward`).
                            let both = a.is_mutual() && state != PairState::Terminated;
                            let directions: &[(&'a str, &'a str)] =
                                if both { &[(key, *other), (*other, key)] } else { &[(key, *other)] };
                            for pair in directions {
                                let joined = parties.get(pair.0).and_then(|l| l.joins.last()).copied();
                                let changes = pairs.entry(*pair).or_default();
                                let last = changes.last();
                                let current = last.map_or(PairState::Normal, |c| c.state);
                                // A termination between two parties is final for the acting
                                // party's membership (see `pair_state_on`); a re-accession
                                // starts afresh.
                                let earlier = last.zip(joined).is_some_and(|(c, j)| c.day < j);
                                if current != PairState::Terminated || state == PairState::Terminated || earlier {
                                    push(changes, Change { day, state, act: Some(i), date });
                                }
                            }
                        }
                    }
                }
            }
            if status != before {
                push(&mut log, Change { day, state: status, act: Some(i), date });
            }
            timeline.push(TimelineEntry {
                day,
                date,
                action: Some(i),
                event: TimelineEvent::Act { action: a.kind },
                status,
            });
        }
        if let Some(t) = term_end {
            if active(status) {
                push(&mut log, Change { day: t, state: AgreementStatus::Terminated, act: None, date: edtf(t) });
                timeline.push(TimelineEntry {
                    day: t,
                    date: edtf(t),
                    action: None,
                    event: TimelineEvent::TermEnded,
                    status: AgreementStatus::Terminated,
                });
            }
        }
        // Each entry shows the status once the whole day has taken effect.
        let mut k = timeline.len();
        while k > 0 {
            k -= 1;
            if let (Some(next), Some(cur)) = (timeline.get(k + 1).map(|e| (e.day, e.status)), timeline.get_mut(k)) {
                if next.0 == cur.day {
                    cur.status = next.1;
                }
            }
        }
        let effect_days = schedule.days.iter().map(|d| d.as_ref().map(|d| d.0)).collect();
        Self {
            agreement,
            status: log,
            parties,
            pairs,
            timeline,
            effect_days,
            seats,
            holders,
            after_end,
            contradicted: schedule.contradicted,
            late_renewals: schedule.late_renewals,
        }
    }

    /// The day act `index` surely takes effect in the replay (its last possible day, or
    /// sooner when an act listed after it settles it; a notice under automatic renewal at the
    /// end of its period), or `None` when it never surely does.
    pub fn effect_day(&self, index: usize) -> Option<NaiveDate> {
        self.effect_days.get(index).copied().flatten()
    }

    /// The acts (indexes into [`Agreement::actions`]) that take effect after the agreement's
    /// fixed term ran out with no renewal, and so change nothing (validation:
    /// `action_after_end`).
    pub fn acts_after_end(&self) -> &[usize] {
        &self.after_end
    }

    /// Whether the listed party `actor` is an original party (bound from entry into force
    /// with no consent of its own recorded); `None` when it is not listed as a party.
    pub(crate) fn is_original(&self, actor: &str) -> Option<bool> {
        self.parties.get(actor).map(|l| l.original)
    }

    /// The agreement this lifecycle is of.
    pub fn agreement(&self) -> &'a Agreement {
        self.agreement
    }

    /// The status after every recorded act, and after the end of a fixed term that no
    /// recorded renewal extends (the state the record leads to).
    pub fn status(&self) -> AgreementStatus {
        self.status.last().map_or(AgreementStatus::Negotiated, |c| c.state)
    }

    /// The status on `day`.
    pub fn status_on(&self, day: NaiveDate) -> AgreementStatus {
        state_on(&self.status, day).map_or(AgreementStatus::Negotiated, |c| c.state)
    }

    fn phase_on(&self, log: &PartyLog, day: NaiveDate) -> Phase {
        state_on(&log.changes, day).map_or(if log.original { Phase::Member } else { Phase::Out }, |c| c.state)
    }

    /// Where `actor` stands on `day`: for a state continuing a listed party, where that
    /// party's place stands; for a party that dissolved or is continued, `dissolved` after.
    pub fn party_status_on(&self, actor: &ActorId, day: NaiveDate) -> PartyStatus {
        let Some(windows) = self.seats.get(actor.as_str()) else { return self.own_status(actor.as_str(), day) };
        match windows.iter().find(|(s, _)| s.contains(day)) {
            Some((_, party)) => self.own_status(party, day),
            None if windows.iter().any(|(s, p)| *p == actor.as_str() && s.until.is_some_and(|u| u <= day)) => {
                PartyStatus::Dissolved
            }
            None => PartyStatus::NotAParty,
        }
    }

    /// Where the listed party `actor` stands on `day`, by the agreement's record alone.
    fn own_status(&self, actor: &str, day: NaiveDate) -> PartyStatus {
        let Some(log) = self.parties.get(actor) else { return PartyStatus::NotAParty };
        let phase = self.phase_on(log, day);
        match (self.status_on(day), phase) {
            (_, Phase::Withdrawn) => PartyStatus::Withdrawn,
            (AgreementStatus::Terminated, Phase::Member | Phase::Suspended) => PartyStatus::Ended,
            (AgreementStatus::InForce, Phase::Member) => PartyStatus::Bound,
            (AgreementStatus::InForce | AgreementStatus::Suspended, Phase::Suspended)
            | (AgreementStatus::Suspended, Phase::Member) => PartyStatus::Suspended,
            (AgreementStatus::ProvisionallyApplied, Phase::Member | Phase::Provisional)
            | (AgreementStatus::Negotiated | AgreementStatus::Signed | AgreementStatus::InForce, Phase::Provisional) => {
                PartyStatus::ProvisionallyApplying
            }
            _ => PartyStatus::NotBound,
        }
    }

    /// Whether `actor` is bound on `day` (see [`Agreement::is_bound`]).
    pub fn is_bound(&self, actor: &ActorId, day: NaiveDate) -> bool {
        self.party_status_on(actor, day) == PartyStatus::Bound
    }

    /// The state of the directed pair `from` → `to` on `day`, counting only acts of `from`'s
    /// current membership (a withdrawal ends its suspensions and terminations toward others).
    fn pair_state_on(&self, from: &str, to: &str, day: NaiveDate) -> PairState {
        let Some(changes) = self.pairs.get(&(from, to)) else { return PairState::Normal };
        let Some(change) = state_on(changes, day) else { return PairState::Normal };
        let joined = self.parties.get(from).and_then(|l| {
            let n = l.joins.partition_point(|d| *d <= day);
            n.checked_sub(1).and_then(|i| l.joins.get(i)).copied()
        });
        if joined.is_some_and(|j| change.day < j) { PairState::Normal } else { change.state }
    }

    /// Whether `a` is bound toward `b` on `day` (see [`Agreement::is_bound_toward`]); a state
    /// continuing a listed party answers for that party's place.
    pub fn is_bound_toward(&self, a: &ActorId, b: &ActorId, day: NaiveDate) -> bool {
        fn seat<'x>(life: &Lifecycle<'x>, x: &'x str, day: NaiveDate) -> Option<&'x str> {
            match life.seats.get(x) {
                Some(_) => seat_on(&life.seats, x, day),
                None => Some(x),
            }
        }
        match (seat(self, a.as_str(), day), seat(self, b.as_str(), day)) {
            (Some(a), Some(b)) => self.seat_bound_toward(a, b, day),
            _ => false,
        }
    }

    /// Whether listed party `a`'s place is bound toward `b`'s on `day`, by the record alone.
    pub(crate) fn seat_bound_toward(&self, a: &str, b: &str, day: NaiveDate) -> bool {
        a != b
            && self.own_status(a, day) == PartyStatus::Bound
            && self.own_status(b, day) == PartyStatus::Bound
            && self.pair_state_on(a, b, day) == PairState::Normal
            && self.pair_state_on(b, a, day) != PairState::Terminated
    }

    /// The spans during which `actor` is bound (see [`Agreement::binding_intervals`]).
    /// Linear in the agreement-wide status changes plus the actor's own.
    pub fn binding_intervals(&self, actor: &ActorId) -> Vec<BindingInterval> {
        match self.seats.get(actor.as_str()) {
            Some(windows) => windows
                .iter()
                .flat_map(|(seat, party)| self.own_intervals(party).into_iter().filter_map(|iv| clip(iv, seat)))
                .collect(),
            None => self.own_intervals(actor.as_str()),
        }
    }

    /// The spans in which `actor` holds the place of the listed party `party` and it is
    /// bound: the party's own spans cut to the days `actor` holds its place.
    pub(crate) fn seat_intervals(&self, actor: &str, party: &str) -> Vec<BindingInterval> {
        match self.seats.get(actor) {
            Some(windows) => windows
                .iter()
                .filter(|(_, p)| *p == party)
                .flat_map(|(seat, _)| self.own_intervals(party).into_iter().filter_map(|iv| clip(iv, seat)))
                .collect(),
            None if actor == party => self.own_intervals(party),
            None => Vec::new(),
        }
    }

    /// The actors holding listed party `party`'s place in turn (itself first), when its place
    /// passes on or ends; just the party otherwise.
    pub(crate) fn holders(&self, party: &'a str) -> Vec<&'a str> {
        self.holders.get(party).cloned().unwrap_or_else(|| vec![party])
    }

    /// The spans of the listed party `actor` by the agreement's record alone.
    fn own_intervals(&self, actor: &str) -> Vec<BindingInterval> {
        let mut out: Vec<BindingInterval> = Vec::new();
        let Some(log) = self.parties.get(actor) else { return out };
        // Merge the two change lists by day; after each day, compare boundness.
        let (s, p) = (&self.status, &log.changes);
        let (mut i, mut j) = (0, 0);
        let mut status = AgreementStatus::Negotiated;
        let mut phase = if log.original { Phase::Member } else { Phase::Out };
        let mut open: Option<BindingInterval> = None;
        while i < s.len() || j < p.len() {
            let day = match (s.get(i), p.get(j)) {
                (Some(a), Some(b)) => a.day.min(b.day),
                (Some(a), None) => a.day,
                (None, Some(b)) => b.day,
                (None, None) => break,
            };
            // The acts of the day: the later-indexed act is the one that opens or closes.
            let mut last: Option<&Change<AgreementStatus>> = None;
            let mut plast: Option<&Change<Phase>> = None;
            while let Some(c) = s.get(i).filter(|c| c.day == day) {
                status = c.state;
                last = Some(c);
                i += 1;
            }
            while let Some(c) = p.get(j).filter(|c| c.day == day) {
                phase = c.state;
                plast = Some(c);
                j += 1;
            }
            let bound = status == AgreementStatus::InForce && phase == Phase::Member;
            // The act that caused this day's change: the party's own when it has one, else
            // the agreement's (the later in document order when both).
            let cause = match (last, plast) {
                (Some(a), Some(b)) => {
                    if a.act.unwrap_or(0) > b.act.unwrap_or(0) {
                        (a.act, a.date)
                    } else {
                        (b.act, b.date)
                    }
                }
                (Some(a), None) => (a.act, a.date),
                (None, Some(b)) => (b.act, b.date),
                (None, None) => continue,
            };
            match (&mut open, bound) {
                (None, true) => {
                    if let Some(act) = cause.0 {
                        open = Some(BindingInterval::new(day, cause.1, act));
                    }
                }
                (Some(iv), false) => {
                    iv.until = Some(day);
                    iv.end = Some(cause.1);
                    iv.closed_by = cause.0;
                    if let Some(iv) = open.take() {
                        out.push(iv);
                    }
                }
                _ => {}
            }
        }
        out.extend(open);
        out
    }

    /// The first span during which `actor` is bound.
    pub fn first_bound(&self, actor: &ActorId) -> Option<BindingInterval> {
        self.binding_intervals(actor).into_iter().next()
    }

    /// Every step of the agreement's life, in order (see [`Agreement::timeline`]).
    pub fn timeline(&self) -> &[TimelineEntry] {
        &self.timeline
    }
}
