//! Rules across records that catch realistic slips: codes and actors used outside their time,
//! facts dated after every source that reports them, a country's forces "present" in itself,
//! kinds that contradict their pledges, records that point at themselves, cycles of
//! supersession, duplicate sources.
//!
//! Each rule makes one pass over the records it concerns, with hash sets where a list may be
//! long, so the whole file is linear in the size of the document.

use super::{Checker, Code, FastMap, FastSet, Path};
use crate::agreement::{ActionType, AgreementKind, ObligationType, PartyRole, Relation};
use crate::citation::Citation;
use crate::values::{CodeStatus, CountryCode, DayKey, EdtfDate};

/// ISO 3166-3: when each former alpha-3 code was withdrawn from ISO 3166-1 (Debian iso-codes,
/// `iso_3166-3.json`). Acts after this date under the code are anachronisms.
const WITHDRAWN: &[(&str, &str)] = &[
    ("AFI", "1977"),
    ("ANT", "2010-12-15"),
    ("ATB", "1979"),
    ("ATN", "1983"),
    ("BUR", "1989-12-05"),
    ("BYS", "1992-06-15"),
    ("CSK", "1993-06-15"),
    ("CTE", "1984"),
    ("DDR", "1990-10-30"),
    ("DHY", "1977"),
    ("FXX", "1997-07-14"),
    ("GEL", "1979"),
    ("HVO", "1984"),
    ("JTN", "1986"),
    ("MID", "1986"),
    ("NHB", "1980"),
    ("NTZ", "1993-07-12"),
    ("PCI", "1986"),
    ("PCZ", "1980"),
    ("PUS", "1986"),
    ("RHO", "1980"),
    ("SCG", "2006-09-26"),
    ("SKM", "1975"),
    ("SUN", "1992-08-30"),
    ("TMP", "2002-05-20"),
    ("VDR", "1977"),
    ("WAK", "1986"),
    ("YMD", "1990-08-14"),
    ("YUG", "1993-07-28"),
    ("ZAR", "2014-12-18"),
];

/// The last day of a former code's validity.
fn withdrawn(code: CountryCode) -> Option<DayKey> {
    if code.status() != CodeStatus::Former {
        return None;
    }
    let (_, date) = WITHDRAWN.iter().find(|(c, _)| *c == code.as_str())?;
    date.parse::<EdtfDate>().ok()?.latest_key()
}

/// Every rule of this file.
pub(crate) fn check(c: &mut Checker<'_>) {
    super::state_identity::check(c);
    acts_in_time(c);
    facts_after_sources(c);
    presences_at_home(c);
    agreements(c);
    supports(c);
    sources(c);
    succession_cycles(c);
}

/// Per actor: its former country code's last day, and its founding and dissolution.
struct Lifetime {
    code_ends: Option<DayKey>,
    founded: Option<DayKey>,
    dissolved: Option<DayKey>,
}

/// Signatures and party acts by an actor that did not exist then (an error), or under a
/// country code already withdrawn (a warning).
fn acts_in_time(c: &mut Checker<'_>) {
    let d = c.dossier;
    // Most dossiers date no actor and use no former code: skip building the table for them.
    let dated = |a: &crate::actor::Actor| {
        a.founded.is_some() || a.dissolved.is_some() || a.country.is_some_and(|c| c.status() == CodeStatus::Former)
    };
    if !d.actors.iter().any(dated) {
        return;
    }
    let lives: Vec<Lifetime> = d
        .actors
        .iter()
        .map(|a| Lifetime {
            code_ends: a.country.and_then(withdrawn),
            founded: a.founded.as_ref().and_then(EdtfDate::earliest_key),
            dissolved: a.dissolved.as_ref().and_then(EdtfDate::latest_key),
        })
        .collect();
    if lives.iter().all(|l| l.code_ends.is_none() && l.founded.is_none() && l.dissolved.is_none()) {
        return;
    }
    let list = Path::ROOT.key("agreements");
    for (i, a) in d.agreements.iter().enumerate() {
        let at = list.index(i);
        let sigs = at.key("signatures");
        for (j, s) in a.signatures.iter().enumerate() {
            if let Some(date) = &s.date {
                in_time(c, &lives, &sigs.index(j).key("date"), s.party.as_str(), date, "signs");
            }
        }
        let acts = at.key("actions");
        for (j, act) in a.actions.iter().enumerate() {
            if let Some(party) = &act.party {
                in_time(c, &lives, &acts.index(j).key("date"), party.as_str(), &act.date, act.kind.as_str());
            }
        }
    }
}

fn in_time(c: &mut Checker<'_>, lives: &[Lifetime], at: &Path<'_>, actor: &str, date: &EdtfDate, what: &str) {
    let Some(life) = c.actors.get(actor).and_then(|i| lives.get(i)) else { return };
    let (Some(first), Some(last)) = (date.earliest_key(), date.latest_key()) else { return };
    if let Some(end) = life.dissolved.filter(|end| first > *end) {
        c.issue(at, Code::ActorNotInExistence, format!("'{actor}' {what} on {date}, after it was dissolved ({end})"));
    } else if let Some(start) = life.founded.filter(|start| last < *start) {
        c.issue(at, Code::ActorNotInExistence, format!("'{actor}' {what} on {date}, before it was founded ({start})"));
    }
    if let Some(end) = life.code_ends.filter(|end| first > *end) {
        c.issue(
            at,
            Code::CountryCodeOutOfPeriod,
            format!("'{actor}' {what} on {date} under a country code withdrawn from ISO 3166-1 on {end}"),
        );
    }
}

/// The last day any cited source was published, when every one of them says when.
fn latest_publication(c: &Checker<'_>, citations: &[Citation]) -> Option<DayKey> {
    let mut latest: Option<DayKey> = None;
    for cite in citations {
        let i = c.sources.get(cite.source.as_str())?;
        let published = c.dossier.sources.get(i)?.published.as_ref()?.latest_key()?;
        latest = latest.max(Some(published));
    }
    latest
}

/// A fact dated after the publication of every source cited for it.
fn after_sources(
    c: &mut Checker<'_>,
    at: &Path<'_>,
    date: Option<&EdtfDate>,
    own: &[Citation],
    inherited: &[Citation],
) {
    let Some(first) = date.and_then(EdtfDate::earliest_key) else { return };
    let cited = if own.is_empty() { inherited } else { own };
    if cited.is_empty() {
        return;
    }
    if let Some(latest) = latest_publication(c, cited).filter(|l| first > *l) {
        c.issue(
            at,
            Code::FactAfterSources,
            format!("dated {first}, after the last of its sources was published ({latest})"),
        );
    }
}

fn facts_after_sources(c: &mut Checker<'_>) {
    let d = c.dossier;
    if d.sources.iter().all(|s| s.published.is_none()) {
        return;
    }
    let root = Path::ROOT;
    let list = root.key("agreements");
    for (i, a) in d.agreements.iter().enumerate() {
        let at = list.index(i);
        let sigs = at.key("signatures");
        for (j, s) in a.signatures.iter().enumerate() {
            after_sources(c, &sigs.index(j).key("date"), s.date.as_ref(), &s.citations, &a.citations);
        }
        let acts = at.key("actions");
        for (j, act) in a.actions.iter().enumerate() {
            after_sources(c, &acts.index(j).key("date"), Some(&act.date), &act.citations, &a.citations);
        }
    }
    let list = root.key("troop_presences");
    for (i, t) in d.troop_presences.iter().enumerate() {
        let at = list.index(i);
        after_sources(c, &at.key("as_of"), t.as_of.as_ref(), &t.citations, &[]);
        let claims = at.key("consent_claims");
        for (j, claim) in t.consent_claims.iter().enumerate() {
            after_sources(c, &claims.index(j).key("date"), claim.date.as_ref(), &claim.citations, &t.citations);
        }
    }
    let list = root.key("statements");
    for (i, s) in d.statements.iter().enumerate() {
        after_sources(c, &list.index(i).key("date"), s.date.as_ref(), &s.citations, &[]);
    }
}

/// Forces reported "present" in their own country.
fn presences_at_home(c: &mut Checker<'_>) {
    let d = c.dossier;
    if d.troop_presences.is_empty() {
        return;
    }
    // Each actor's country: its own, else its nearest ancestor's, for all actors at once.
    let country = c.tree.inherit(|a| a.country);
    let list = Path::ROOT.key("troop_presences");
    for (i, t) in d.troop_presences.iter().enumerate() {
        let record = list.index(i);
        let forces = record.key("forces");
        for (j, f) in t.forces.iter().enumerate() {
            let home = c.actors.get(f.as_str()).and_then(|k| country.get(k).copied().flatten());
            if home == Some(t.host_country) {
                c.issue(
                    &forces.index(j),
                    Code::PresenceInOwnCountry,
                    format!("'{f}' belongs to {}, the host country itself", t.host_country.as_str()),
                );
            }
        }
    }
}

/// Kinds against pledges, pledges to oneself, signatories that accede, relations to oneself,
/// and cycles of supersession.
fn agreements(c: &mut Checker<'_>) {
    let d = c.dossier;
    let list = Path::ROOT.key("agreements");
    for (i, a) in d.agreements.iter().enumerate() {
        let at = list.index(i);
        let defense = a.obligations.iter().any(|o| o.kind == ObligationType::Defense);
        let contradiction = match a.kind {
            // With no obligation recorded at all, nothing contradicts the kind (yet).
            AgreementKind::DefensePact if !defense && !a.obligations.is_empty() => {
                Some("a defense_pact whose obligations include no defense pledge")
            }
            AgreementKind::NonAggression | AgreementKind::Neutrality | AgreementKind::Entente if defense => {
                Some("a defense obligation makes this a defense pact, not the kind given")
            }
            _ => None,
        };
        if let Some(why) = contradiction {
            c.issue(&at.key("kind"), Code::KindContradictsObligations, why);
        }
        let obligations = at.key("obligations");
        for (j, o) in a.obligations.iter().enumerate() {
            let (Some(first), Some(beneficiary)) = (o.obligors.first(), o.beneficiaries.first()) else { continue };
            let sole = o.obligors.iter().all(|x| x == first) && o.beneficiaries.iter().all(|x| x == beneficiary);
            if sole && first == beneficiary {
                c.issue(
                    &obligations.index(j),
                    Code::SelfObligation,
                    format!("'{first}' is both the only obligor and the only beneficiary"),
                );
            }
        }
        let cooperation = at.key("cooperation");
        for (j, co) in a.cooperation.iter().enumerate() {
            let (Some(first), Some(recipient)) = (co.providers.first(), co.recipients.first()) else { continue };
            let sole = co.providers.iter().all(|x| x == first) && co.recipients.iter().all(|x| x == recipient);
            if sole && first == recipient {
                c.issue(
                    &cooperation.index(j),
                    Code::SelfCooperation,
                    format!("'{first}' is both the only provider and the only recipient"),
                );
            }
        }
        let makers = a.parties.iter().filter(|p| matches!(p.role, PartyRole::Party | PartyRole::Signatory)).count();
        let common_signature = a.actions.iter().any(|x| x.kind == ActionType::Signature && x.party.is_none());
        // Parties that signed: by a signature record, a signature act of their own, the role
        // `signatory`, or, in a bilateral agreement, the agreement's own signature act (both
        // sides sign a bilateral text).
        let signed: FastSet<&str> = a
            .signatures
            .iter()
            .map(|s| s.party.as_str())
            .chain(
                a.actions
                    .iter()
                    .filter(|x| x.kind == ActionType::Signature)
                    .filter_map(|x| x.party.as_ref())
                    .map(|p| p.as_str()),
            )
            .chain(
                a.parties
                    .iter()
                    .filter(|p| {
                        p.role == PartyRole::Signatory
                            || (makers == 2 && common_signature && p.role == PartyRole::Party)
                    })
                    .map(|p| p.actor.as_str()),
            )
            .collect();
        // Actors whose role binds them to nothing: their withdrawal withdraws from nothing.
        let outsiders: FastSet<&str> = a
            .parties
            .iter()
            .filter(|p| {
                matches!(
                    p.role,
                    PartyRole::Observer | PartyRole::Guarantor | PartyRole::Depositary | PartyRole::Beneficiary
                )
            })
            .map(|p| p.actor.as_str())
            .collect();
        // A party that left may come back by accession: that is no slip.
        let left: FastSet<&str> = a
            .actions
            .iter()
            .filter(|x| matches!(x.kind, ActionType::Withdrawal | ActionType::Denunciation))
            .filter_map(|x| x.party.as_ref())
            .map(|p| p.as_str())
            .collect();
        let acts = at.key("actions");
        for (j, act) in a.actions.iter().enumerate() {
            let exit = matches!(act.kind, ActionType::Withdrawal | ActionType::Denunciation);
            if let Some(party) = act.party.as_ref().filter(|p| exit && outsiders.contains(p.as_str())) {
                c.issue(
                    &acts.index(j).key("party"),
                    Code::WithdrawalByNonParty,
                    format!(
                        "'{party}' is not a party here, so it has nothing to withdraw from; the end of its role is the role's `until`"
                    ),
                );
            }
            if act.kind != ActionType::Accession {
                continue;
            }
            let slip = |p: &&crate::ids::ActorId| signed.contains(p.as_str()) && !left.contains(p.as_str());
            if let Some(party) = act.party.as_ref().filter(slip) {
                c.issue(
                    &acts.index(j).key("party"),
                    Code::SignatoryAccedes,
                    format!("'{party}' signed the agreement, so it ratifies rather than accedes"),
                );
            }
        }
        let related = at.key("related");
        for (j, r) in a.related.iter().enumerate() {
            if r.agreement.as_ref() == Some(&a.id) {
                c.issue(
                    &related.index(j).key("agreement"),
                    Code::SelfRelation,
                    format!("the agreement is related to itself ({:?})", r.relation),
                );
            }
        }
    }
    supersession_cycles(c);
}

/// Reports each cycle of `supersedes` links between agreements once, at the link that closes
/// it. Iterative depth-first search: linear in agreements plus links.
fn supersession_cycles(c: &mut Checker<'_>) {
    let d = c.dossier;
    // The supersedes links of each agreement, as (target, position in `related`).
    let edges: Vec<Vec<(usize, usize)>> = d
        .agreements
        .iter()
        .enumerate()
        .map(|(i, a)| {
            a.related
                .iter()
                .enumerate()
                .filter(|(_, r)| r.relation == Relation::Supersedes)
                .filter_map(|(j, r)| r.agreement.as_ref().and_then(|t| c.agreements.get(t.as_str())).map(|t| (t, j)))
                .filter(|&(t, _)| t != i)
                .collect()
        })
        .collect();
    let closing = cycle_closers(&edges);
    let list = Path::ROOT.key("agreements");
    for (i, j) in closing {
        let at = list.index(i);
        let related = at.key("related");
        let id = d.agreements.get(i).map_or("", |a| a.id.as_str());
        c.issue(
            &related.index(j).key("agreement"),
            Code::RelationCycle,
            format!("'{id}' supersedes an agreement that, through supersessions, supersedes it"),
        );
    }
}

/// The links that close a cycle, each cycle once, as (node, position of the link): iterative
/// depth-first search over `edges` (per node, its links as (target, position)), linear in
/// nodes plus links whatever the shape.
fn cycle_closers(edges: &[Vec<(usize, usize)>]) -> Vec<(usize, usize)> {
    let n = edges.len();
    const NEW: u8 = 0;
    const OPEN: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; n];
    let mut closing = Vec::new();
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for start in 0..n {
        if state[start] != NEW {
            continue;
        }
        state[start] = OPEN;
        stack.push((start, 0));
        while let Some(top) = stack.last_mut() {
            let (node, next) = *top;
            match edges.get(node).and_then(|e| e.get(next)).copied() {
                Some((target, j)) => {
                    top.1 += 1;
                    match state[target] {
                        NEW => {
                            state[target] = OPEN;
                            stack.push((target, 0));
                        }
                        OPEN => closing.push((node, j)),
                        _ => {}
                    }
                }
                None => {
                    state[node] = DONE;
                    stack.pop();
                }
            }
        }
    }
    closing
}

/// Reports each cycle of succession links between actors once, at the link that closes it
/// (England continues England; A continues B, which continues A). Every link reads from the
/// later actor to the earlier one: `continues` points back to the predecessor, `succeeded_by`
/// and `dissolved_into` forward to the successor, so they are turned around. A cycle means
/// an actor came before itself.
fn succession_cycles(c: &mut Checker<'_>) {
    let d = c.dossier;
    if d.actors.iter().all(|a| a.succession.is_empty()) {
        return;
    }
    // Per actor, its links as (the earlier actor, index into `written`); two links between the
    // same actors in the same direction are one, so that a cycle is reported once.
    let mut edges: Vec<Vec<(usize, usize)>> = vec![Vec::new(); d.actors.len()];
    // Where each link is written: the actor and the position in its `succession`.
    let mut written: Vec<(usize, usize)> = Vec::new();
    let mut seen: FastSet<(usize, usize)> = FastSet::default();
    for (i, a) in d.actors.iter().enumerate() {
        for (j, s) in a.succession.iter().enumerate() {
            let Some(other) = c.actors.get(s.actor.as_str()) else { continue };
            let (later, earlier) = match s.kind {
                crate::SuccessionType::Continues => (i, other),
                _ => (other, i),
            };
            if !seen.insert((later, earlier)) {
                continue;
            }
            if let Some(out) = edges.get_mut(later) {
                out.push((earlier, written.len()));
                written.push((i, j));
            }
        }
    }
    let list = Path::ROOT.key("actors");
    for (_, link) in cycle_closers(&edges) {
        let Some(&(i, j)) = written.get(link) else { continue };
        let id = d.actors.get(i).map_or("", |a| a.id.as_str());
        let other = d.actors.get(i).and_then(|a| a.succession.get(j)).map_or("", |s| s.actor.as_str());
        let message = if id == other {
            format!("actor '{id}' succeeds itself")
        } else {
            format!("actor '{id}' and '{other}' succeed each other through a cycle of succession links")
        };
        c.issue(&list.index(i).key("succession").index(j).key("actor"), Code::SuccessionCycle, message);
    }
}

/// An actor supporting itself.
fn supports(c: &mut Checker<'_>) {
    let list = Path::ROOT.key("supports");
    for (i, s) in c.dossier.supports.iter().enumerate() {
        if s.supporter == s.recipient {
            c.issue(
                &list.index(i).key("recipient"),
                Code::SelfSupport,
                format!("'{}' is both supporter and recipient", s.supporter),
            );
        }
    }
}

/// Sources accessed before they were published, and the same source given twice.
fn sources(c: &mut Checker<'_>) {
    let d = c.dossier;
    let list = Path::ROOT.key("sources");
    let mut by_url: FastMap<&str, usize> = FastMap::default();
    let mut by_title: FastMap<(&str, Option<&str>, Option<EdtfDate>), usize> = FastMap::default();
    for (i, s) in d.sources.iter().enumerate() {
        let at = list.index(i);
        if let (Some(accessed), Some(published)) = (&s.accessed, &s.published) {
            if accessed.is_definitely_before(published) {
                c.issue(
                    &at.key("accessed"),
                    Code::AccessedBeforePublished,
                    format!("accessed on {accessed}, before its publication on {published}"),
                );
            }
        }
        let same_url = s.url.as_ref().and_then(|u| match by_url.get(u.as_str()) {
            Some(&first) => Some(first),
            None => {
                by_url.insert(u.as_str(), i);
                None
            }
        });
        let same_title = if s.publisher.is_some() || s.published.is_some() {
            let key = (s.title.as_str(), s.publisher.as_deref(), s.published);
            match by_title.get(&key) {
                Some(&first) => Some(first),
                None => {
                    by_title.insert(key, i);
                    None
                }
            }
        } else {
            None
        };
        if let Some(first) = same_url {
            c.issue(&at, Code::DuplicateSource, format!("the same URL as /sources/{first}"));
        } else if let Some(first) = same_title {
            c.issue(&at, Code::DuplicateSource, format!("the same title, publisher and date as /sources/{first}"));
        }
    }
}
