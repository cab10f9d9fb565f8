//! Producing the rows of one dossier.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use super::Options;
#[cfg(test)]
use super::Tables;
use super::binding::{self, Binding, Spell};
use super::pledges::{Flags, Pledges};
use super::rows::*;
use super::stream::Out;
use crate::actor::{Actor, ActorKind};
use crate::actor_tree::ActorTree;
use crate::agreement::{ActionType, Agreement};
use crate::codings::{Atop, AtopObligations};
use crate::dossier::Dossier;
use crate::ids::ActorId;
use crate::resolve::Contested;
use crate::values::{EdtfDate, Identifier, Precision};

fn flag(present: bool) -> u8 {
    u8::from(present)
}

fn condition_flag(a: Atop) -> Option<u8> {
    a.as_atop().1
}

fn identifier<'a>(ids: &'a [Identifier], scheme: &str) -> Option<&'a str> {
    ids.iter().find(|i| i.scheme.as_str() == scheme).map(|i| i.value.as_str())
}

fn number(ids: &[Identifier], scheme: &str) -> Option<i64> {
    identifier(ids, scheme).and_then(|v| v.parse().ok())
}

/// The keys of one actor, looked up once.
#[derive(Debug, Clone, Copy)]
struct Keys<'a> {
    name: Option<&'a str>,
    ccode: Option<i64>,
    iso3: Option<&'static str>,
}

struct Actors<'a> {
    tree: ActorTree<'a>,
    actors: &'a [Actor],
    /// Each actor's COW code, or its nearest ancestor's (the IRGC's is Iran's); computed only
    /// for a dossier with troop presences, whose rows need it.
    inherited_ccode: Vec<Option<i64>>,
}

impl<'a> Actors<'a> {
    fn new(dossier: &'a Dossier) -> Self {
        let tree = ActorTree::new(&dossier.actors);
        let inherited_ccode = if dossier.troop_presences.is_empty() {
            Vec::new()
        } else {
            tree.inherit(|a| number(&a.identifiers, "cow"))
        };
        Self { tree, actors: &dossier.actors, inherited_ccode }
    }

    fn keys(&self, id: &str) -> Keys<'a> {
        match self.tree.position(id).and_then(|i| self.actors.get(i)) {
            Some(a) => Keys {
                name: Some(a.name.as_str()),
                ccode: number(&a.identifiers, "cow"),
                iso3: a.country.map(|c| c.as_str()),
            },
            None => Keys { name: None, ccode: None, iso3: None },
        }
    }

    /// The COW code of the actor or of the nearest ancestor that has one.
    fn inherited_ccode(&self, id: &str) -> Option<i64> {
        self.tree.position(id).and_then(|i| self.inherited_ccode.get(i).copied().flatten())
    }
}

/// Sorting key of an undirected dyad: COW code first (missing last), then id.
fn dyad_key<'k>(keys: &Keys<'_>, id: &'k str) -> (bool, i64, &'k str) {
    (keys.ccode.is_none(), keys.ccode.unwrap_or(0), id)
}

fn edtf(date: &EdtfDate) -> String {
    date.to_string()
}

/// The years in which one agreement binds one actor: a seat's spells, each year once.
struct YearSpan {
    from: i32,
    to: i32,
    alliance: bool,
    flags: Flags,
    disputed: bool,
}

/// Appends the years `from..=to` to chronological `spans`, merging a year already there (two
/// spells in one year count the agreement once).
fn merge_years(spans: &mut Vec<(i32, i32)>, from: i32, to: i32) {
    if from > to {
        return;
    }
    match spans.last_mut() {
        Some(last) if from <= last.1.saturating_add(1) => last.1 = last.1.max(to),
        _ => spans.push((from, to)),
    }
}

/// The years of chronological, disjoint day spans, as merged year ranges.
fn span_years(spans: &[(NaiveDate, Option<NaiveDate>)], through: i32) -> Vec<(i32, i32)> {
    let mut out = Vec::new();
    for &(start, end) in spans {
        let years = binding::years(start, end, through);
        merge_years(&mut out, *years.start(), *years.end());
    }
    out
}

/// The rows of `dossier`, whose disputes are already resolved; `contested` says which rows rest
/// on a disputed fact. Year rows are produced one at a time into `out`, which hands them on
/// in batches: nothing here holds more than the input's spells.
pub(super) fn build<E>(
    dossier: &Dossier,
    contested: &Contested,
    options: &Options,
    out: &mut Out<'_, E>,
) -> Result<(), E> {
    let dossier_id = dossier.id.as_str();
    let actors = Actors::new(dossier);
    let through = options.last_year();
    let mut state_spans: BTreeMap<&str, Vec<YearSpan>> = BTreeMap::new();
    let successions = dossier.successions();
    let people: HashMap<&str, &str> = dossier.people.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect();

    for ag in &dossier.agreements {
        let agreement_id = ag.id.as_str();
        let binding = Binding::new(ag, &successions);
        let atop = ag.atop_obligations();
        let cow_type = ag.cow_type().map(|t| t.as_str());
        let alliance = atop.any();
        let mut row = agreement_row(dossier_id, ag, &binding, &atop);
        row.disputed = flag(contested.agreement(agreement_id));
        out.push(row)?;
        // A disputed act bears on who is bound when; any disputed pledge on the COW type and on
        // whether it is an alliance: either bears on every dyad and state-year.
        let lifecycle_disputed = contested.lifecycle(agreement_id);
        let pledges_disputed = lifecycle_disputed || contested.pledge(agreement_id, None);
        let pledges = Pledges::new(ag);

        // Full parties, each once, in the order listed.
        let mut seen = HashSet::new();
        let parties: Vec<&ActorId> = ag.party_actors().filter(|a| seen.insert(a.as_str())).collect();
        // Each party's place, held in turn by the party and the states continuing it (one
        // seat for a party that neither dissolved nor was continued).
        let seats: Vec<(&str, &ActorId)> =
            parties.iter().flat_map(|p| binding.holders(p).into_iter().map(move |h| (h, *p))).collect();
        let spells: Vec<Vec<Spell>> = seats.iter().map(|(h, p)| binding.spells_of(h, p.as_str())).collect();
        let keys: Vec<Keys<'_>> = seats.iter().map(|(h, _)| actors.keys(h)).collect();

        for (((holder, party), spells), k) in seats.iter().zip(&spells).zip(&keys) {
            let flags = pledges.of(party.as_str());
            let member_disputed = flag(lifecycle_disputed || contested.pledge(agreement_id, Some(party.as_str())));
            let mut years = Vec::new();
            for (n, s) in spells.iter().enumerate() {
                let last = s.last_day();
                out.push(MemberRow {
                    dossier_id: dossier_id.to_owned(),
                    agreement_id: agreement_id.to_owned(),
                    actor_id: (*holder).to_owned(),
                    actor_name: k.name.map(str::to_owned),
                    ccode: k.ccode,
                    iso3: k.iso3,
                    spell: i64::try_from(n + 1).unwrap_or(i64::MAX),
                    start: s.from,
                    end: last,
                    start_year: s.from.year(),
                    end_year: last.map(|d| d.year()),
                    start_act: s.start_act.clone(),
                    start_edtf: Some(s.start_edtf.clone()),
                    end_act: s.end_act.clone(),
                    end_edtf: s.end_edtf.clone(),
                    atop_defense: flags.0[0],
                    atop_offense: flags.0[1],
                    atop_neutral: flags.0[2],
                    atop_nonagg: flags.0[3],
                    atop_consul: flags.0[4],
                    disputed: member_disputed,
                })?;
                let range = binding::years(s.from, s.until, through);
                merge_years(&mut years, *range.start(), *range.end());
            }
            let spans = state_spans.entry(holder).or_default();
            spans.extend(years.into_iter().map(|(from, to)| YearSpan {
                from,
                to,
                alliance,
                flags,
                disputed: pledges_disputed,
            }));
        }

        let mut around = None;
        for (i, &(ha, a)) in seats.iter().enumerate() {
            // Seats of one party are consecutive: its pledges are gathered once.
            let pa = match &around {
                Some((p, around)) if *p == a.as_str() => around,
                _ => &around.insert((a.as_str(), pledges.around(a.as_str()))).1,
            };
            for (j, &(hb, b)) in seats.iter().enumerate() {
                if a == b || ha == hb {
                    continue;
                }
                let (ka, kb) = (&keys[i], &keys[j]);
                let directed = pa.toward(b.as_str());
                let common = binding.pair_spans(a, b, &spells[i], &spells[j]);
                for &(start, end) in &common {
                    out.push(DirectedDyadIntervalRow {
                        dossier_id: dossier_id.to_owned(),
                        agreement_id: agreement_id.to_owned(),
                        actor1: ha.to_owned(),
                        actor2: hb.to_owned(),
                        ccode1: ka.ccode,
                        ccode2: kb.ccode,
                        iso1: ka.iso3,
                        iso2: kb.iso3,
                        start,
                        end: end.map(|e| e.pred_opt().unwrap_or(e)),
                        atop_defense: directed.0[0],
                        atop_offense: directed.0[1],
                        atop_neutral: directed.0[2],
                        atop_nonagg: directed.0[3],
                        atop_consul: directed.0[4],
                        cow_type,
                        disputed: flag(pledges_disputed),
                    })?;
                }
                // Directed and undirected year rows share every column; only the flags differ.
                macro_rules! dyad_year {
                    ($row:ident, $year:expr, $flags:expr) => {
                        $row {
                            dossier_id: dossier_id.to_owned(),
                            agreement_id: agreement_id.to_owned(),
                            actor1: ha.to_owned(),
                            actor2: hb.to_owned(),
                            ccode1: ka.ccode,
                            ccode2: kb.ccode,
                            iso1: ka.iso3,
                            iso2: kb.iso3,
                            year: $year,
                            atop_defense: $flags.0[0],
                            atop_offense: $flags.0[1],
                            atop_neutral: $flags.0[2],
                            atop_nonagg: $flags.0[3],
                            atop_consul: $flags.0[4],
                            cow_type,
                            disputed: flag(pledges_disputed),
                        }
                    };
                }
                let years = span_years(&common, through);
                for &(from, to) in &years {
                    for year in from..=to {
                        out.push(dyad_year!(DirectedDyadYearRow, year, directed))?;
                    }
                }
                // The undirected row once per pair, from the side that sorts first: the years
                // in which either is bound toward the other (a suspension may run one way).
                if dyad_key(ka, ha) < dyad_key(kb, hb) {
                    let both = directed.or(pa.from(b.as_str()));
                    let mut either = years;
                    either.extend(span_years(&binding.pair_spans(b, a, &spells[j], &spells[i]), through));
                    either.sort_unstable();
                    let mut merged = Vec::with_capacity(either.len());
                    for (from, to) in either {
                        merge_years(&mut merged, from, to);
                    }
                    for (from, to) in merged {
                        for year in from..=to {
                            out.push(dyad_year!(DyadYearRow, year, both))?;
                        }
                    }
                }
            }
        }

        signatures(dossier, ag, &actors, &people, contested, out)?;
    }

    for (actor_id, spans) in state_spans {
        state_years(dossier_id, actor_id, actors.keys(actor_id), &spans, out)?;
    }

    troop_presences(dossier, &actors, contested, out)
}

/// One actor's state-year rows, year by year, from the year spans of its agreements: a sweep
/// over the spans' ends, so the cost is the spans plus the rows.
fn state_years<E>(
    dossier_id: &str,
    actor_id: &str,
    k: Keys<'_>,
    spans: &[YearSpan],
    out: &mut Out<'_, E>,
) -> Result<(), E> {
    // (year, span, opening): a span counts from its first year to its last, inclusive.
    let mut edges: Vec<(i64, bool, usize)> = Vec::with_capacity(2 * spans.len());
    for (i, s) in spans.iter().enumerate() {
        edges.push((i64::from(s.from), true, i));
        edges.push((i64::from(s.to) + 1, false, i));
    }
    edges.sort_unstable();
    let (mut agreements, mut alliances, mut disputed, mut flags) = (0i64, 0i64, 0i64, [0i64; 5]);
    let mut e = 0;
    while let Some(&(year, _, _)) = edges.get(e) {
        while let Some(&(_, opening, i)) = edges.get(e).filter(|edge| edge.0 == year) {
            e += 1;
            let Some(s) = spans.get(i) else { continue };
            let d = if opening { 1 } else { -1 };
            agreements += d;
            alliances += d * i64::from(s.alliance);
            disputed += d * i64::from(s.disputed);
            for (count, f) in flags.iter_mut().zip(s.flags.0) {
                *count += d * i64::from(f);
            }
        }
        let Some(&(next, _, _)) = edges.get(e) else { break };
        if agreements == 0 {
            continue;
        }
        let f = |n: usize| u8::from(flags.get(n).is_some_and(|c| *c > 0));
        for y in year..next {
            let Ok(year) = i32::try_from(y) else { break };
            out.push(StateYearRow {
                dossier_id: dossier_id.to_owned(),
                actor_id: actor_id.to_owned(),
                ccode: k.ccode,
                iso3: k.iso3,
                year,
                agreements,
                alliances,
                atop_defense: f(0),
                atop_offense: f(1),
                atop_neutral: f(2),
                atop_nonagg: f(3),
                atop_consul: f(4),
                disputed: flag(disputed > 0),
            })?;
        }
    }
    Ok(())
}

fn agreement_row(dossier_id: &str, ag: &Agreement, binding: &Binding<'_>, atop: &AtopObligations) -> AgreementRow {
    let (begin, end) = binding.span();
    let first =
        |kind: ActionType| ag.actions.iter().find(|a| a.kind == kind && a.party.is_none()).map(|a| edtf(&a.date));
    let flags = Flags::of(atop);
    let mut seen = HashSet::new();
    AgreementRow {
        dossier_id: dossier_id.to_owned(),
        agreement_id: ag.id.as_str().to_owned(),
        title: ag.title.clone(),
        kind: ag.kind.as_str().to_owned(),
        status: ag.status().as_str().to_owned(),
        begin,
        end,
        begin_year: begin.map(|d| d.year()),
        end_year: end.map(|d| d.year()),
        signed_edtf: first(ActionType::Signature),
        in_force_edtf: first(ActionType::EntryIntoForce),
        terminated_edtf: first(ActionType::Termination),
        parties: i64::try_from(ag.party_actors().filter(|a| seen.insert(a.as_str())).count()).unwrap_or(i64::MAX),
        atop_defense: flags.0[0],
        atop_offense: flags.0[1],
        atop_neutral: flags.0[2],
        atop_nonagg: flags.0[3],
        atop_consul: flags.0[4],
        atop_defcon: condition_flag(atop.defense),
        atop_offcon: condition_flag(atop.offense),
        atop_neucon: condition_flag(atop.neutrality),
        atop_nonagcon: condition_flag(atop.nonaggression),
        cow_type: ag.cow_type().map(|t| t.as_str()),
        alliance: flag(atop.any()),
        dca: flag(ag.is_defense_cooperation()),
        atop_id: number(&ag.identifiers, "atop"),
        cow_alliance_id: number(&ag.identifiers, "cow_alliance"),
        unts: identifier(&ag.identifiers, "unts").map(str::to_owned),
        wikidata: identifier(&ag.identifiers, "wikidata").map(str::to_owned),
        disputed: 0,
    }
}

fn signatures<E>(
    dossier: &Dossier,
    ag: &Agreement,
    actors: &Actors<'_>,
    people: &HashMap<&str, &str>,
    contested: &Contested,
    out: &mut Out<'_, E>,
) -> Result<(), E> {
    for (n, s) in ag.signatures.iter().enumerate() {
        let k = actors.keys(s.party.as_str());
        let single = s.date.as_ref().and_then(EdtfDate::as_date);
        out.push(SignatureRow {
            dossier_id: dossier.id.as_str().to_owned(),
            agreement_id: ag.id.as_str().to_owned(),
            seq: i64::try_from(n + 1).unwrap_or(i64::MAX),
            party_id: s.party.as_str().to_owned(),
            ccode: k.ccode,
            iso3: k.iso3,
            signer_id: s.signer.as_str().to_owned(),
            signer_name: people.get(s.signer.as_str()).map(|n| (*n).to_owned()),
            capacity: s.capacity.clone(),
            date_edtf: s.date.as_ref().map(edtf),
            date: single.filter(|d| d.precision() == Precision::Day).and_then(|d| d.earliest()),
            year_signed: single.map(|d| d.year_value()),
            place: s.place.as_ref().map(|p| p.name.clone()),
            disputed: flag(contested.signature(ag.id.as_str(), s.party.as_str(), s.signer.as_str()).is_some()),
        })?;
    }
    Ok(())
}

fn troop_presences<E>(
    dossier: &Dossier,
    actors: &Actors<'_>,
    contested: &Contested,
    out: &mut Out<'_, E>,
) -> Result<(), E> {
    // The host's COW code: a state actor of the dossier with that country and a `cow` id.
    let mut host_codes = HashMap::new();
    for a in dossier.actors.iter().filter(|a| a.kind == ActorKind::State) {
        if let (Some(country), Some(code)) = (a.country, number(&a.identifiers, "cow")) {
            host_codes.entry(country).or_insert(code);
        }
    }
    let count = |v: Option<u64>| v.and_then(|n| i64::try_from(n).ok());
    for t in &dossier.troop_presences {
        let as_of = t.as_of.as_ref().and_then(EdtfDate::latest);
        for force in &t.forces {
            let k = actors.keys(force.as_str());
            out.push(TroopPresenceRow {
                dossier_id: dossier.id.as_str().to_owned(),
                troop_presence_id: t.id.as_str().to_owned(),
                actor_id: force.as_str().to_owned(),
                ccode: actors.inherited_ccode(force.as_str()),
                iso3: k.iso3,
                host_iso3: t.host_country.as_str(),
                host_ccode: host_codes.get(&t.host_country).copied(),
                low: count(t.strength.low),
                best: count(t.strength.best),
                high: count(t.strength.high),
                qualifier: t.strength.qualifier.as_str().to_owned(),
                unit: t.strength.unit.as_str().to_owned(),
                since_edtf: t.since.as_ref().map(edtf),
                as_of_edtf: t.as_of.as_ref().map(edtf),
                as_of,
                as_of_year: as_of.map(|d| d.year()),
                host_consent: t.host_consent.as_str().to_owned(),
                agreement_id: t.agreement.as_ref().map(|a| a.as_str().to_owned()),
                disputed: flag(contested.presence(t.id.as_str())),
            })?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(name: &str) -> Dossier {
        let path = format!("{}/examples/data/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
        Dossier::from_json(&text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn manila_pact_pakistan_leaves_in_1973() {
        let t = Tables::from_dossier(&load("manila-pact-1954"), &Options::through(1980));
        assert_eq!(t.agreements.len(), 1);
        assert_eq!(t.members.len(), 8);
        let pk = t.members.iter().find(|m| m.actor_id == "pakistan").unwrap_or_else(|| panic!("no pakistan"));
        assert_eq!(pk.end_year, Some(1973));
        assert_eq!(pk.end_act.as_deref(), Some("denunciation"));
        assert_eq!(pk.end_edtf.as_deref(), Some("1973-11-07"));
        // Pakistan's dyads stop in 1973; the others run to 1980.
        let pk_years: Vec<i32> =
            t.dyad_years.iter().filter(|d| d.actor1 == "pakistan" || d.actor2 == "pakistan").map(|d| d.year).collect();
        assert_eq!(pk_years.iter().max(), Some(&1973));
        assert_eq!(pk_years.iter().min(), Some(&1955));
        // 8 parties: 28 pairs, 56 ordered pairs.
        assert_eq!(t.directed_dyad_intervals.len(), 56);
        assert_eq!(t.dyad_years.len() * 2, t.directed_dyad_years.len());
        let pk_sy = t.state_years.iter().filter(|s| s.actor_id == "pakistan").count();
        assert_eq!(pk_sy, 1973 - 1955 + 1);
    }

    #[test]
    fn dyad_years_order_by_cow_code() {
        let t = Tables::from_dossier(&load("us-japan-1960"), &Options::through(1961));
        let first = t.dyad_years.first().unwrap_or_else(|| panic!("no dyads"));
        assert_eq!((first.ccode1, first.ccode2), (Some(2), Some(740)));
        assert!(t.dyad_years.iter().all(|d| d.ccode1 < d.ccode2));
    }

    #[test]
    fn troop_presence_forces_inherit_their_state_code() {
        let t = Tables::from_dossier(&load("iran-syria-2020"), &Options::through(2024));
        assert!(!t.troop_presences.is_empty());
        assert!(t.troop_presences.iter().all(|r| r.host_iso3 == "SYR" && r.host_ccode == Some(652)));
    }
}
