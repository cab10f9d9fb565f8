//! What the timeline shows, before any drawing: one lane per listed party with the spans of
//! its standing (bound, provisionally applying, suspended, withdrawn), the holder of its place
//! in each span (a state continuing it), and the agreement's own status over time.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::agreement::{Lifecycle, PartyStatus};
use crate::ids::ActorId;
use crate::succession::Successions;
use crate::{Agreement, AgreementStatus, Dossier, PartyRole};

/// A stretch of days in one state: from `from` until the day before `until` (`None`: to the
/// end of the picture).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Span<S> {
    pub(crate) from: NaiveDate,
    pub(crate) until: Option<NaiveDate>,
    pub(crate) state: S,
    /// The actor holding the party's place in the span (the party itself, or a state
    /// continuing it).
    pub(crate) holder: String,
}

/// One party's lane.
#[derive(Debug, Clone)]
pub(crate) struct Lane {
    pub(crate) actor: ActorId,
    pub(crate) name: String,
    pub(crate) role: PartyRole,
    pub(crate) spans: Vec<Span<PartyStatus>>,
}

/// The states drawn as bars; the others (not yet bound, not a party, ended, dissolved) leave
/// the lane empty.
fn drawn(status: PartyStatus) -> bool {
    matches!(
        status,
        PartyStatus::Bound | PartyStatus::ProvisionallyApplying | PartyStatus::Suspended | PartyStatus::Withdrawn
    )
}

/// Actors' names by id, built once per picture (a lookup per lane would be quadratic).
pub(crate) fn names(dossier: &Dossier) -> HashMap<&str, &str> {
    let mut out = HashMap::with_capacity(dossier.actors.len());
    for a in &dossier.actors {
        out.entry(a.id.as_str()).or_insert(a.name.as_str());
    }
    out
}

/// The display name of an actor: its record's name, else its id.
pub(crate) fn actor_name(names: &HashMap<&str, &str>, id: &str) -> String {
    names.get(id).map_or_else(|| id.to_owned(), |n| super::isolate(n).into_owned())
}

/// Turns (day, state) samples, in day order, into spans of equal state.
fn spans_of<S: PartialEq + Clone>(samples: Vec<(NaiveDate, S, &str)>, keep: impl Fn(&S) -> bool) -> Vec<Span<S>> {
    let mut out: Vec<Span<S>> = Vec::new();
    let mut open: Option<Span<S>> = None;
    for (day, state, holder) in samples {
        if open.as_ref().is_some_and(|o| o.state == state && o.holder == holder) {
            continue;
        }
        if let Some(mut o) = open.take() {
            // Acts of one day leave the state of the last: no empty span.
            if o.from < day {
                o.until = Some(day);
                out.push(o);
            }
        }
        if keep(&state) {
            open = Some(Span { from: day, until: None, state, holder: holder.to_owned() });
        }
    }
    out.extend(open);
    out
}

/// The lanes of the agreement's listed parties, in the order listed. A party's standing can
/// change only on a day the agreement's status changes, an act of its own (or of a state
/// holding its place) takes effect or its place changes hands: only those days are looked at,
/// so the cost is the acts plus lanes times the agreement's status changes (the changes every
/// lane may show).
pub(crate) fn lanes(
    names: &HashMap<&str, &str>,
    agreement: &Agreement,
    life: &Lifecycle<'_>,
    successions: &Successions<'_>,
) -> Vec<Lane> {
    // Days the agreement's own status changes: a party's standing follows it (an amendment
    // or a renewal that changes no status changes no lane, and is not looked at per lane).
    let mut global: Vec<NaiveDate> = Vec::new();
    let mut status = AgreementStatus::Negotiated;
    for entry in life.timeline() {
        if entry.status != status {
            global.push(entry.day);
            status = entry.status;
        }
    }
    global.sort_unstable();
    global.dedup();
    // Each actor's own acts' days.
    let mut own: HashMap<&str, Vec<NaiveDate>> = HashMap::new();
    for (i, a) in agreement.actions.iter().enumerate() {
        if let (Some(p), Some(day)) = (&a.party, life.effect_day(i)) {
            own.entry(p.as_str()).or_default().push(day);
        }
    }
    agreement
        .parties
        .iter()
        .map(|party| {
            let seats = successions.seats(party.actor.as_str());
            let mut days = global.clone();
            for seat in &seats {
                days.extend(own.get(seat.holder).into_iter().flatten().copied());
                days.extend(seat.from);
                days.extend(seat.until);
            }
            days.sort_unstable();
            days.dedup();
            let samples = days
                .into_iter()
                .map(|day| {
                    // The holder of the place on the day, else (after the last holder ended) the
                    // last one, dissolved.
                    let seat = seats.iter().find(|s| s.contains(day)).or(seats.last());
                    let holder = seat.map_or(party.actor.as_str(), |s| s.holder);
                    // Every holder is a parsed id (a party's or an actor's): `new` cannot fail here.
                    let status =
                        ActorId::new(holder).map_or(PartyStatus::NotAParty, |id| life.party_status_on(&id, day));
                    (day, status, holder)
                })
                .collect();
            Lane {
                actor: party.actor.clone(),
                name: actor_name(names, party.actor.as_str()),
                role: party.role,
                spans: spans_of(samples, |s| drawn(*s)),
            }
        })
        .collect()
}

/// The agreement's status over time: signed, provisionally applied, in force, suspended
/// (terminated ends the last span).
pub(crate) fn status_spans(life: &Lifecycle<'_>) -> Vec<Span<AgreementStatus>> {
    let samples = life.timeline().iter().map(|e| (e.day, e.status, "")).collect();
    spans_of(samples, |s| !matches!(s, AgreementStatus::Negotiated | AgreementStatus::Terminated))
}
