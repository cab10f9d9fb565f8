//! Time, round two (docs/lifecycle.md): partial dates in one replay order, provisional
//! application as its own state, renewals, directed suspension, and states that end and
//! continue. Each constructed case is a regression test of a misreading; each real history
//! cites its sources in its dossier (tests/fixtures/histories/). The last test checks, day by
//! day, that the research tables and the views agree on every history.

use std::collections::{BTreeSet, HashSet};
use std::error::Error;
use std::path::PathBuf;

use chrono::NaiveDate;
use defense_agreements::agreement::{AgreementStatus, PartyStatus};
use defense_agreements::ids::ActorId;
use defense_agreements::tables::{Options, Tables};
use defense_agreements::{Agreement, Code, Dossier};
use serde_json::json;

type Result<T = ()> = std::result::Result<T, Box<dyn Error>>;

fn day(s: &str) -> Result<NaiveDate> {
    Ok(s.parse()?)
}

fn id(s: &str) -> Result<ActorId> {
    Ok(ActorId::new(s)?)
}

/// A constructed agreement between the named parties with these actions.
fn agreement(parties: &[&str], actions: serde_json::Value, duration: Option<serde_json::Value>) -> Result<Agreement> {
    let mut a = json!({
        "id": "a",
        "title": "A constructed treaty",
        "kind": "defense_pact",
        "parties": parties.iter().map(|p| json!({"actor": p, "role": "party"})).collect::<Vec<_>>(),
        "actions": actions,
    });
    if let Some(d) = duration {
        a["duration"] = d;
    }
    Ok(serde_json::from_value(a)?)
}

fn history(file: &str) -> Result<Dossier> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/histories").join(file);
    let dossier = Dossier::from_reader(std::fs::File::open(&path)?)?;
    let report = dossier.validate();
    assert!(report.is_empty(), "{file}:\n{report}");
    Ok(dossier)
}

// 1. One replay order for partial dates.

#[test]
fn a_withdrawal_dated_by_year_then_an_accession_in_that_year_is_not_replayed_backwards() -> Result {
    // Before: the accession (30 June) was replayed before the withdrawal (31 December), so the
    // party was not original (unbound from 1950) and withdrawn for ever.
    let a = agreement(
        &["x", "y", "z"],
        json!([
            {"type": "entry_into_force", "date": "1950-01-01"},
            {"type": "withdrawal", "date": "1960", "party": "z"},
            {"type": "accession", "date": "1960-06", "party": "z"}
        ]),
        None,
    )?;
    let z = id("z")?;
    assert!(a.is_bound(&z, day("1955-01-01")?), "an original party");
    assert!(a.is_bound(&z, day("1961-01-01")?), "bound again after its accession");
    assert!(a.is_bound(&z, day("2000-01-01")?));
    // Both surely took effect by 30 June 1960, the withdrawal first: no day is surely out.
    let life = a.lifecycle();
    assert_eq!(life.effect_day(1), Some(day("1960-06-30")?));
    assert_eq!(life.effect_day(2), Some(day("1960-06-30")?));
    Ok(())
}

#[test]
fn a_suspension_dated_by_year_then_a_resumption_in_that_year_does_not_suspend_for_ever() -> Result {
    let a = agreement(
        &["x", "y"],
        json!([
            {"type": "entry_into_force", "date": "1950-01-01"},
            {"type": "suspension", "date": "1960"},
            {"type": "resumption", "date": "1960-06"}
        ]),
        None,
    )?;
    assert_eq!(a.status(), AgreementStatus::InForce);
    assert_eq!(a.status_on(day("1961-01-01")?), AgreementStatus::InForce);
    assert!(a.is_bound(&id("x")?, day("1970-01-01")?));
    // The timeline keeps both acts, suspension first.
    let steps: Vec<&str> = a.timeline().iter().map(|e| e.event.as_str()).collect();
    assert_eq!(steps, ["entry_into_force", "suspension", "resumption"]);
    Ok(())
}

#[test]
fn a_same_day_withdrawal_and_re_accession_keeps_the_first_membership() -> Result {
    // Before: the party's first consent and first exit fell on one day, so it was not read as an
    // original party and its membership from 1950 was erased.
    let a = agreement(
        &["x", "y", "z"],
        json!([
            {"type": "entry_into_force", "date": "1950-01-01"},
            {"type": "withdrawal", "date": "1960-05-01", "party": "z"},
            {"type": "accession", "date": "1960-05-01", "party": "z"}
        ]),
        None,
    )?;
    let z = id("z")?;
    assert!(a.is_bound(&z, day("1955-01-01")?));
    assert!(a.is_bound(&z, day("1960-05-01")?));
    assert_eq!(a.first_bound(&z).map(|s| s.from), Some(day("1950-01-01")?));
    Ok(())
}

#[test]
fn an_act_listed_before_a_more_precise_one_is_settled_by_it_and_never_moves_later() -> Result {
    // A ratification dated only "1955" listed before the entry into force on 6 May 1955 took
    // effect by then; the entry into force stays on its day.
    let a = agreement(
        &["x", "y", "z"],
        json!([
            {"type": "ratification", "date": "1955", "party": "z"},
            {"type": "entry_into_force", "date": "1955-05-06"}
        ]),
        None,
    )?;
    let life = a.lifecycle();
    assert_eq!(life.effect_day(0), Some(day("1955-05-06")?));
    assert_eq!(life.effect_day(1), Some(day("1955-05-06")?));
    assert!(a.is_bound(&id("z")?, day("1955-05-06")?));
    assert!(a.is_bound(&id("x")?, day("1955-05-06")?));
    Ok(())
}

#[test]
fn dates_that_contradict_the_order_of_the_record_are_a_warning() -> Result {
    let dossier: Dossier = serde_json::from_value(json!({
        "schema_version": "1.1",
        "id": "d",
        "actors": [
            {"id": "x", "name": "X", "kind": "state"},
            {"id": "y", "name": "Y", "kind": "state"}
        ],
        "agreements": [{
            "id": "a", "title": "A constructed treaty", "kind": "defense_pact",
            "parties": [{"actor": "x", "role": "party"}, {"actor": "y", "role": "party"}],
            "actions": [
                {"type": "entry_into_force", "date": "1960-01-02"},
                {"type": "suspension", "date": "1960-06"},
                {"type": "resumption", "date": "1960"},
                {"type": "amendment", "date": "1960-03-01"}
            ],
            "citations": [{"source": "s"}]
        }],
        "sources": [{"id": "s", "title": "Constructed"}]
    }))?;
    let report = dossier.validate();
    assert!(report.has(Code::AmbiguousActOrder, "/agreements/0/actions/1/date"), "{report}");
    assert_eq!(report.errors().count(), 0, "{report}");
    Ok(())
}

// 2. Provisional application.

#[test]
fn a_signatory_applying_provisionally_is_never_bound_and_has_no_spell() -> Result {
    let a = agreement(
        &["x", "y", "z"],
        json!([
            {"type": "signature", "date": "1994-12-17"},
            {"type": "provisional_application", "date": "1994-12-17", "party": "z"},
            {"type": "entry_into_force", "date": "1998-04-16"}
        ]),
        None,
    )?;
    let z = id("z")?;
    assert_eq!(a.party_status_on(&z, day("1996-01-01")?), PartyStatus::ProvisionallyApplying);
    assert_eq!(a.party_status_on(&z, day("2000-01-01")?), PartyStatus::ProvisionallyApplying);
    assert!(a.binding_intervals(&z).is_empty());
    assert!(!a.is_bound_toward(&id("x")?, &z, day("2000-01-01")?));
    assert!(a.is_bound(&id("x")?, day("2000-01-01")?));
    Ok(())
}

#[test]
fn entry_into_force_during_a_suspended_provisional_application_is_kept() -> Result {
    // Before: the entry into force was lost and the resumption led back to
    // `provisionally_applied` for ever.
    let a = agreement(
        &["x", "y"],
        json!([
            {"type": "signature", "date": "2000-01-01"},
            {"type": "provisional_application", "date": "2000-01-01"},
            {"type": "suspension", "date": "2001-01-01"},
            {"type": "entry_into_force", "date": "2002-01-01"},
            {"type": "resumption", "date": "2003-01-01"}
        ]),
        None,
    )?;
    assert_eq!(a.status_on(day("2000-06-01")?), AgreementStatus::ProvisionallyApplied);
    assert_eq!(a.status_on(day("2002-06-01")?), AgreementStatus::Suspended);
    assert_eq!(a.status_on(day("2003-06-01")?), AgreementStatus::InForce);
    assert_eq!(a.status(), AgreementStatus::InForce);
    assert!(!a.is_bound(&id("x")?, day("2002-06-01")?));
    assert!(a.is_bound(&id("x")?, day("2003-01-01")?));
    Ok(())
}

#[test]
fn russia_applied_the_energy_charter_treaty_provisionally_and_was_never_bound() -> Result {
    let dossier = history("energy-charter-treaty-1994.json")?;
    let ect = dossier.agreement("energy-charter-treaty").ok_or("no treaty")?;
    let russia = id("russia")?;
    assert_eq!(ect.party_status_on(&russia, day("1996-01-01")?), PartyStatus::ProvisionallyApplying);
    assert_eq!(ect.party_status_on(&russia, day("2005-01-01")?), PartyStatus::ProvisionallyApplying);
    // The notification took effect in October 2009 (counted from its last day).
    assert_eq!(ect.party_status_on(&russia, day("2009-10-30")?), PartyStatus::ProvisionallyApplying);
    assert_eq!(ect.party_status_on(&russia, day("2009-10-31")?), PartyStatus::Withdrawn);
    assert!(ect.binding_intervals(&russia).is_empty());
    assert!(ect.is_bound(&id("germany")?, day("2005-01-01")?));
    assert!(!ect.is_bound_toward(&id("germany")?, &russia, day("2005-01-01")?));
    let tables = Tables::from_dossier(&dossier, &Options::through(2024));
    assert!(tables.members.iter().all(|m| m.actor_id != "russia"));
    assert!(tables.state_years.iter().all(|s| s.actor_id != "russia"));
    assert!(tables.directed_dyad_years.iter().all(|d| d.actor1 != "russia" && d.actor2 != "russia"));
    assert_eq!(tables.members.len(), 3);
    Ok(())
}

// 3. Renewals.

#[test]
fn a_notice_under_automatic_renewal_ends_the_treaty_at_the_end_of_the_period() -> Result {
    // Before: the denunciation ended the bilateral treaty at once.
    let a = agreement(
        &["x", "y"],
        json!([
            {"type": "entry_into_force", "date": "2000-06-01"},
            {"type": "denunciation", "date": "2012-03-01", "party": "x"}
        ]),
        Some(json!({"type": "fixed_term", "years": 10, "renewal": "automatic", "renewal_years": 5})),
    )?;
    assert_eq!(a.status_on(day("2012-06-01")?), AgreementStatus::InForce);
    assert!(a.is_bound_toward(&id("x")?, &id("y")?, day("2015-05-31")?));
    assert_eq!(a.status_on(day("2015-06-01")?), AgreementStatus::Terminated);
    assert_eq!(a.binding_intervals(&id("x")?).first().and_then(|s| s.until), Some(day("2015-06-01")?));
    Ok(())
}

#[test]
fn a_renewal_dated_only_by_its_year_still_renews() -> Result {
    // Before: the renewal counted from 31 December 2010, after the term ended on 1 June 2010,
    // and revived nothing, in silence.
    let a = agreement(
        &["x", "y"],
        json!([
            {"type": "entry_into_force", "date": "2000-06-01"},
            {"type": "renewal", "date": "2010"}
        ]),
        Some(json!({"type": "fixed_term", "years": 10, "renewal": "by_agreement"})),
    )?;
    assert_eq!(a.status_on(day("2010-06-01")?), AgreementStatus::InForce);
    assert_eq!(a.status_on(day("2015-01-01")?), AgreementStatus::InForce);
    assert_eq!(a.status_on(day("2020-06-01")?), AgreementStatus::Terminated);
    Ok(())
}

#[test]
fn a_treaty_renewed_by_agreement_every_twenty_years_with_year_only_dates_stays_in_force() -> Result {
    let a = agreement(
        &["x", "y"],
        json!([
            {"type": "entry_into_force", "date": "1961-07-11"},
            {"type": "renewal", "date": "1981"},
            {"type": "renewal", "date": "2001"},
            {"type": "renewal", "date": "2021"}
        ]),
        Some(json!({"type": "fixed_term", "years": 20, "renewal": "by_agreement"})),
    )?;
    for on in ["1985-01-01", "2005-01-01", "2025-01-01", "2041-07-10"] {
        assert_eq!(a.status_on(day(on)?), AgreementStatus::InForce, "{on}");
    }
    assert_eq!(a.status(), AgreementStatus::Terminated, "the last renewed term runs out in 2041");
    Ok(())
}

#[test]
fn the_soviet_north_korean_treaty_ran_to_the_end_of_its_five_year_period() -> Result {
    let dossier = history("soviet-dprk-1961.json")?;
    let treaty = dossier.agreement("soviet-dprk-treaty").ok_or("no treaty")?;
    let successions = dossier.successions();
    let life = treaty.lifecycle_in(&successions);
    let (ussr, russia, dprk) = (id("soviet-union")?, id("russia")?, id("north-korea")?);
    assert!(life.is_bound_toward(&ussr, &dprk, day("1980-01-01")?));
    assert_eq!(life.party_status_on(&ussr, day("1992-01-01")?), PartyStatus::Dissolved);
    assert!(life.is_bound_toward(&russia, &dprk, day("1992-01-01")?));
    assert!(life.is_bound_toward(&dprk, &russia, day("1996-09-09")?), "the notice of 1995 ran to the period's end");
    assert_eq!(life.status_on(day("1996-09-10")?), AgreementStatus::Terminated);
    assert_eq!(life.party_status_on(&russia, day("1990-01-01")?), PartyStatus::NotAParty);
    Ok(())
}

// 4. Directed suspension.

#[test]
fn the_united_states_suspended_its_anzus_obligations_toward_new_zealand_only() -> Result {
    let dossier = history("anzus-1951.json")?;
    let anzus = dossier.agreement("anzus").ok_or("no treaty")?;
    let (aus, nz, us) = (id("australia")?, id("new-zealand")?, id("united-states")?);
    let before = day("1985-01-01")?;
    assert!(anzus.is_bound_toward(&us, &nz, before) && anzus.is_bound_toward(&nz, &us, before));
    // The suspension is dated 1986 only: it counts from 31 December 1986.
    let after = day("1987-01-01")?;
    assert!(!anzus.is_bound_toward(&us, &nz, after), "the United States suspended its obligations");
    assert!(anzus.is_bound_toward(&nz, &us, after), "New Zealand did not suspend its own");
    for (a, b) in [(&aus, &nz), (&nz, &aus), (&aus, &us), (&us, &aus)] {
        assert!(anzus.is_bound_toward(a, b, after), "{a} toward {b}");
    }
    assert!(anzus.is_bound(&us, after) && anzus.is_bound(&nz, after));
    let tables = Tables::from_dossier(&dossier, &Options::through(2024));
    let directed = |a: &str, b: &str, year: i32| {
        tables.directed_dyad_years.iter().any(|r| r.actor1 == a && r.actor2 == b && r.year == year)
    };
    assert!(directed("united-states", "new-zealand", 1986));
    assert!(!directed("united-states", "new-zealand", 1987));
    assert!(directed("new-zealand", "united-states", 2024));
    // The undirected dyad stands while either is bound toward the other.
    assert!(
        tables.dyad_years.iter().any(|r| r.year == 2024 && r.actor1 == "united-states" && r.actor2 == "new-zealand")
    );
    Ok(())
}

#[test]
fn a_mutual_suspension_releases_both_directions() -> Result {
    let a = agreement(
        &["x", "y", "z"],
        json!([
            {"type": "entry_into_force", "date": "2000-01-01"},
            {"type": "suspension", "date": "2005-01-01", "party": "x", "toward": ["y"], "mutual": true},
            {"type": "resumption", "date": "2007-01-01", "party": "x", "toward": ["y"], "mutual": true}
        ]),
        None,
    )?;
    let (x, y, z) = (id("x")?, id("y")?, id("z")?);
    let on = day("2006-01-01")?;
    assert!(!a.is_bound_toward(&x, &y, on) && !a.is_bound_toward(&y, &x, on));
    assert!(a.is_bound_toward(&y, &z, on));
    let after = day("2007-01-01")?;
    assert!(a.is_bound_toward(&x, &y, after) && a.is_bound_toward(&y, &x, after));
    Ok(())
}

#[test]
fn a_suspension_after_re_accession_is_not_dropped_for_an_earlier_termination() -> Result {
    let a = agreement(
        &["x", "y", "z"],
        json!([
            {"type": "entry_into_force", "date": "2000-01-01"},
            {"type": "termination", "date": "2001-01-01", "party": "x", "toward": ["y"]},
            {"type": "withdrawal", "date": "2002-01-01", "party": "x"},
            {"type": "accession", "date": "2003-01-01", "party": "x"},
            {"type": "suspension", "date": "2004-01-01", "party": "x", "toward": ["y"]}
        ]),
        None,
    )?;
    let (x, y) = (id("x")?, id("y")?);
    assert!(a.is_bound_toward(&x, &y, day("2003-06-01")?), "a re-accession starts afresh");
    assert!(!a.is_bound_toward(&x, &y, day("2004-06-01")?), "the later suspension counts");
    Ok(())
}

#[test]
fn an_act_after_a_fixed_term_ran_out_changes_nothing_and_says_so() -> Result {
    // Before: the accession was dropped in silence.
    let a = agreement(
        &["x", "y", "z"],
        json!([
            {"type": "entry_into_force", "date": "2000-06-01"},
            {"type": "accession", "date": "2007-01-01", "party": "z"}
        ]),
        Some(json!({"type": "fixed_term", "years": 5, "renewal": "none"})),
    )?;
    assert_eq!(a.status(), AgreementStatus::Terminated);
    assert!(!a.is_bound(&id("z")?, day("2008-01-01")?));
    assert_eq!(a.lifecycle().acts_after_end(), [1]);
    Ok(())
}

// 5. States that end and continue.

#[test]
fn the_treaty_of_windsor_passes_from_england_to_great_britain_to_the_united_kingdom() -> Result {
    let dossier = history("treaty-of-windsor-1386.json")?;
    let windsor = dossier.agreement("treaty-of-windsor").ok_or("no treaty")?;
    let successions = dossier.successions();
    let life = windsor.lifecycle_in(&successions);
    let (england, gb, uk, portugal) = (id("england")?, id("great-britain")?, id("united-kingdom")?, id("portugal")?);
    assert!(life.is_bound_toward(&england, &portugal, day("1500-01-01")?));
    assert_eq!(life.party_status_on(&england, day("1707-05-01")?), PartyStatus::Dissolved);
    assert!(!life.is_bound(&england, day("2025-01-01")?), "a dissolved state is bound by nothing");
    assert!(life.is_bound_toward(&gb, &portugal, day("1707-05-01")?));
    assert!(!life.is_bound(&gb, day("1801-01-01")?));
    assert!(life.is_bound_toward(&uk, &portugal, day("2025-01-01")?));
    assert!(life.is_bound_toward(&portugal, &uk, day("2025-01-01")?));
    assert_eq!(life.party_status_on(&uk, day("1700-01-01")?), PartyStatus::NotAParty);
    let spans = life.binding_intervals(&uk);
    assert_eq!(spans.len(), 1);
    assert!(spans.iter().all(|s| s.opened_by_succession && s.from == day("1801-01-01").unwrap_or_default()));
    // Without the dossier's successions, the agreement alone knows only England.
    assert!(windsor.is_bound(&england, day("2025-01-01")?));

    let tables = Tables::from_dossier(&dossier, &Options::through(2025));
    let after_1707 = tables.state_years.iter().filter(|s| s.actor_id == "england" && s.year > 1707).count();
    assert_eq!(after_1707, 0, "no state-years for England after 1707");
    let dyads = |a: &str| tables.dyad_years.iter().filter(|r| r.actor1 == a || r.actor2 == a).count();
    assert_eq!(dyads("england"), 1707 - 1387 + 1);
    assert_eq!(dyads("great-britain"), 1800 - 1707 + 1);
    assert_eq!(dyads("united-kingdom"), 2025 - 1801 + 1);
    let uk_rows: Vec<_> = tables.members.iter().filter(|m| m.actor_id == "united-kingdom").collect();
    assert_eq!(uk_rows.len(), 1);
    assert_eq!(uk_rows.first().map(|m| (m.start_act.as_str(), m.ccode)), Some(("succession", Some(200))));
    Ok(())
}

#[test]
fn czechoslovakia_is_bound_by_nothing_after_its_dissolution() -> Result {
    let dossier = history("cfe-czechoslovakia-1990.json")?;
    let cfe = dossier.agreement("cfe-treaty").ok_or("no treaty")?;
    let successions = dossier.successions();
    let life = cfe.lifecycle_in(&successions);
    let (csk, cze, us) = (id("czechoslovakia")?, id("czech-republic")?, id("united-states")?);
    assert!(life.is_bound_toward(&csk, &us, day("1992-12-31")?));
    assert_eq!(life.party_status_on(&csk, day("1993-01-01")?), PartyStatus::Dissolved);
    // The Czech Republic succeeded by its own notification, effective from the dissolution.
    assert!(life.is_bound_toward(&cze, &us, day("1993-01-01")?));
    assert_eq!(life.party_status_on(&cze, day("2024-01-01")?), PartyStatus::Suspended);
    let tables = Tables::from_dossier(&dossier, &Options::through(2024));
    assert!(tables.state_years.iter().all(|s| s.actor_id != "czechoslovakia" || s.year == 1992));
    Ok(())
}

#[test]
fn yugoslavia_dissolved_and_its_successors_joined_the_biological_weapons_convention_by_their_own_acts() -> Result {
    let dossier = history("bwc-yugoslavia-1972.json")?;
    let bwc = dossier.agreement("bwc").ok_or("no convention")?;
    let successions = dossier.successions();
    let life = bwc.lifecycle_in(&successions);
    let (sfry, fry, serbia, montenegro, uk) =
        (id("sfry")?, id("fry")?, id("serbia")?, id("montenegro")?, id("united-kingdom")?);
    assert!(life.is_bound_toward(&sfry, &uk, day("1992-04-26")?));
    assert_eq!(life.party_status_on(&sfry, day("1992-04-27")?), PartyStatus::Dissolved);
    // No continuity: the Federal Republic is bound by its own notification of 2001, which the
    // depositary records with effect from 27 April 1992.
    assert!(life.is_bound_toward(&fry, &uk, day("1992-04-27")?));
    assert_eq!(life.party_status_on(&fry, day("2006-06-03")?), PartyStatus::Dissolved);
    // Serbia continues the state union; Montenegro succeeded by its own notification.
    assert!(life.is_bound_toward(&serbia, &uk, day("2006-06-03")?));
    assert!(life.is_bound_toward(&montenegro, &serbia, day("2006-06-03")?));
    assert_eq!(life.party_status_on(&serbia, day("2000-01-01")?), PartyStatus::NotAParty);
    let tables = Tables::from_dossier(&dossier, &Options::through(2024));
    // COW's 345 runs on through 1992; here the Socialist Federal Republic's rows stop.
    let sfry_years: Vec<i32> = tables.state_years.iter().filter(|s| s.actor_id == "sfry").map(|s| s.year).collect();
    assert_eq!(sfry_years.last(), Some(&1992));
    Ok(())
}

// The tables and the views agree on every history, day by day.

/// Every day the tables must be checked on: each year's first day, and the days around each
/// act's effect and each spell's ends (where a wrong reading would show).
fn days_to_check(dossier: &Dossier, tables: &Tables, through: i32) -> Result<BTreeSet<NaiveDate>> {
    let mut days = BTreeSet::new();
    let mut edges: Vec<NaiveDate> = tables.members.iter().flat_map(|m| [Some(m.start), m.end]).flatten().collect();
    edges.extend(tables.directed_dyad_intervals.iter().flat_map(|r| [Some(r.start), r.end]).flatten());
    for ag in &dossier.agreements {
        let life = ag.lifecycle();
        edges.extend((0..ag.actions.len()).filter_map(|i| life.effect_day(i)));
    }
    for actor in &dossier.actors {
        edges.extend(actor.dissolved.as_ref().and_then(|d| d.latest()));
        edges.extend(actor.succession.iter().filter_map(|s| s.date.latest()));
    }
    let first = edges.iter().min().copied().unwrap_or(day("1900-01-01")?);
    for year in chrono::Datelike::year(&first)..=through {
        days.extend(NaiveDate::from_ymd_opt(year, 1, 1));
    }
    for d in edges {
        days.extend([d.pred_opt(), Some(d), d.succ_opt()].into_iter().flatten());
    }
    Ok(days.into_iter().filter(|d| chrono::Datelike::year(d) <= through).collect())
}

#[test]
fn the_tables_and_the_views_agree_on_every_history() -> Result {
    let through = 2030;
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in ["tests/fixtures/histories", "examples/data"] {
        for entry in std::fs::read_dir(root.join(dir))? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 12, "{} histories", files.len());
    let mut checked = 0usize;
    for path in &files {
        let dossier = Dossier::from_reader(std::fs::File::open(path)?)?;
        let tables = Tables::from_dossier(&dossier, &Options::through(through));
        let days = days_to_check(&dossier, &tables, through)?;
        let successions = dossier.successions();
        for ag in &dossier.agreements {
            let life = ag.lifecycle_in(&successions);
            let agreement_id = ag.id.as_str();
            let rows = || tables.members.iter().filter(|m| m.agreement_id == agreement_id);
            // Every listed party and every state holding a party's place.
            let mut actors: Vec<String> = ag.parties.iter().map(|p| p.actor.as_str().to_owned()).collect();
            actors.extend(rows().map(|m| m.actor_id.clone()));
            let actors: Vec<ActorId> = actors
                .into_iter()
                .collect::<HashSet<_>>()
                .into_iter()
                .map(ActorId::new)
                .collect::<std::result::Result<_, _>>()?;
            let within =
                |start: NaiveDate, end: Option<NaiveDate>, d: NaiveDate| start <= d && end.is_none_or(|e| d <= e);
            for &d in &days {
                for a in &actors {
                    let in_table = rows().any(|m| m.actor_id == a.as_str() && within(m.start, m.end, d));
                    assert_eq!(in_table, life.is_bound(a, d), "{}: {a} on {d}", path.display());
                    for b in actors.iter().filter(|b| *b != a) {
                        let in_table = tables.directed_dyad_intervals.iter().any(|r| {
                            r.agreement_id == ag.id.as_str()
                                && r.actor1 == a.as_str()
                                && r.actor2 == b.as_str()
                                && within(r.start, r.end, d)
                        });
                        assert_eq!(
                            in_table,
                            life.is_bound_toward(a, b, d),
                            "{}: {a} toward {b} on {d}",
                            path.display()
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 10_000, "only {checked} readings checked");
    Ok(())
}
