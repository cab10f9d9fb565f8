//! The derived lifecycle views on small constructed agreements: each test states one rule of
//! `docs/lifecycle.md`.

use std::error::Error;

use chrono::NaiveDate;
use defense_agreements::Agreement;
use defense_agreements::agreement::{AgreementStatus, PartyStatus};
use defense_agreements::ids::ActorId;
use serde_json::json;

type Result<T = ()> = std::result::Result<T, Box<dyn Error>>;

fn day(s: &str) -> Result<NaiveDate> {
    Ok(s.parse()?)
}

fn id(s: &str) -> Result<ActorId> {
    Ok(ActorId::new(s)?)
}

/// An agreement between the named parties with these actions (and optional duration).
fn agreement(parties: &[&str], actions: serde_json::Value, duration: Option<serde_json::Value>) -> Result<Agreement> {
    let mut a = json!({
        "id": "a",
        "title": "A treaty",
        "kind": "defense_pact",
        "parties": parties.iter().map(|p| json!({"actor": p, "role": "party"})).collect::<Vec<_>>(),
        "actions": actions,
    });
    if let Some(d) = duration {
        a["duration"] = d;
    }
    Ok(serde_json::from_value(a)?)
}

#[test]
fn resumption_or_renewal_without_entry_into_force_is_not_in_force() -> Result {
    let a = agreement(
        &["x", "y"],
        json!([
            {"type": "signature", "date": "2000-01-01"},
            {"type": "resumption", "date": "2001-01-01"},
            {"type": "renewal", "date": "2002-01-01"}
        ]),
        None,
    )?;
    assert_eq!(a.status(), AgreementStatus::Signed);
    assert!(!a.is_bound(&id("x")?, day("2003-01-01")?));
    Ok(())
}

#[test]
fn a_resumption_before_its_suspension_does_not_leave_it_suspended_for_good() -> Result {
    let a = agreement(
        &["x", "y"],
        json!([
            {"type": "entry_into_force", "date": "2000-01-01"},
            {"type": "resumption", "date": "2001-01-01"},
            {"type": "suspension", "date": "2002-01-01"},
            {"type": "resumption", "date": "2003-01-01"}
        ]),
        None,
    )?;
    assert_eq!(a.status_on(day("2002-06-01")?), AgreementStatus::Suspended);
    assert_eq!(a.status(), AgreementStatus::InForce);
    let spans = a.binding_intervals(&id("x")?);
    assert_eq!(spans.len(), 2);
    assert_eq!(spans[0].opened_by, 0);
    assert_eq!(spans[0].closed_by, Some(2));
    assert_eq!(spans[1].opened_by, 3);
    assert_eq!(spans[1].until, None);
    Ok(())
}

#[test]
fn a_party_that_withdraws_and_accedes_again_is_bound_again() -> Result {
    let a = agreement(
        &["x", "y", "z"],
        json!([
            {"type": "ratification", "date": "1993", "party": "z"},
            {"type": "entry_into_force", "date": "1994-04-20"},
            {"type": "withdrawal", "date": "1999-02-02", "party": "z", "effective": "1999-05-24"},
            {"type": "accession", "date": "2006-06-23", "party": "z", "effective": "2006-08-16"}
        ]),
        None,
    )?;
    let z = id("z")?;
    assert!(a.is_bound(&z, day("1995-01-01")?));
    assert!(a.is_bound(&z, day("1999-05-23")?));
    assert!(!a.is_bound(&z, day("1999-05-24")?));
    assert_eq!(a.party_status_on(&z, day("2000-01-01")?), PartyStatus::Withdrawn);
    assert!(a.is_bound(&z, day("2006-08-16")?));
    let spans = a.binding_intervals(&z);
    assert_eq!(spans.len(), 2);
    assert_eq!((spans[0].opened_by, spans[0].closed_by), (1, Some(2)));
    assert_eq!((spans[1].opened_by, spans[1].closed_by), (3, None));
    assert_eq!(a.first_bound(&z).map(|s| s.from), Some(day("1994-04-20")?));
    Ok(())
}

#[test]
fn a_record_that_starts_with_a_withdrawal_reads_the_party_as_original() -> Result {
    // No original ratification recorded: leaving first means it was a member before.
    let a = agreement(
        &["x", "y", "z"],
        json!([
            {"type": "entry_into_force", "date": "1994-04-20"},
            {"type": "withdrawal", "date": "1999-04-02", "party": "z", "effective": "1999-04-20"},
            {"type": "accession", "date": "2006-06-23", "party": "z"}
        ]),
        None,
    )?;
    let z = id("z")?;
    assert!(a.is_bound(&z, day("1995-01-01")?));
    assert!(!a.is_bound(&z, day("2000-01-01")?));
    assert!(a.is_bound(&z, day("2007-01-01")?));
    // A party whose record starts with its accession is bound only from it.
    let late = agreement(
        &["x", "y", "z"],
        json!([
            {"type": "entry_into_force", "date": "1994-04-20"},
            {"type": "accession", "date": "2006-06-23", "party": "z"}
        ]),
        None,
    )?;
    assert!(!late.is_bound(&z, day("1995-01-01")?));
    assert_eq!(late.first_bound(&z).map(|s| s.from), Some(day("2006-06-23")?));
    Ok(())
}

#[test]
fn a_notice_keeps_its_precision_when_the_terms_add_the_notice_period() -> Result {
    let a = agreement(
        &["x", "y", "z"],
        json!([
            {"type": "entry_into_force", "date": "1948-12-03"},
            {"type": "denunciation", "date": "2002-09", "party": "z"},
            {"type": "denunciation", "date": "2012", "party": "y"}
        ]),
        Some(json!({"type": "indefinite", "withdrawal": {"notice_months": 24}})),
    )?;
    let (y, z) = (id("y")?, id("z")?);
    let spans = a.binding_intervals(&z);
    assert_eq!(spans[0].end.map(|d| d.to_string()), Some("2004-09".to_string()));
    assert!(a.is_bound(&z, day("2004-09-29")?));
    assert!(!a.is_bound(&z, day("2004-09-30")?));
    assert_eq!(a.binding_intervals(&y)[0].end.map(|d| d.to_string()), Some("2014".to_string()));
    Ok(())
}

#[test]
fn a_suspension_toward_one_party_leaves_the_others_bound() -> Result {
    let a = agreement(
        &["x", "y", "z"],
        json!([
            {"type": "entry_into_force", "date": "2000-01-01"},
            {"type": "suspension", "date": "2005-01-01", "party": "x", "toward": ["y"]},
            {"type": "resumption", "date": "2007-01-01", "party": "x", "toward": ["y"]}
        ]),
        None,
    )?;
    let (x, y, z) = (id("x")?, id("y")?, id("z")?);
    let on = day("2006-01-01")?;
    assert!(a.is_bound(&x, on) && a.is_bound(&y, on));
    assert!(!a.is_bound_toward(&x, &y, on));
    assert!(a.is_bound_toward(&y, &x, on), "a suspension is the acting party's own: y did not suspend");
    assert!(a.is_bound_toward(&x, &z, on) && a.is_bound_toward(&z, &y, on));
    assert!(a.is_bound_toward(&x, &y, day("2007-01-01")?));
    assert!(!a.is_bound_toward(&x, &x, on));
    Ok(())
}

#[test]
fn partial_dates_count_from_their_last_day() -> Result {
    let a = agreement(
        &["x", "y"],
        json!([
            {"type": "entry_into_force", "date": "1952"},
            {"type": "suspension", "date": "1960/.."}
        ]),
        None,
    )?;
    assert_eq!(a.status_on(day("1952-12-30")?), AgreementStatus::Negotiated);
    assert_eq!(a.status_on(day("1952-12-31")?), AgreementStatus::InForce);
    // An open-ended date never surely took effect.
    assert_eq!(a.status(), AgreementStatus::InForce);
    let first = a.first_bound(&id("x")?).ok_or("never bound")?;
    assert_eq!(first.start.to_string(), "1952");
    assert_eq!(first.from, day("1952-12-31")?);
    Ok(())
}

#[test]
fn a_withdrawal_without_effective_date_takes_the_notice_the_terms_require() -> Result {
    let a = agreement(
        &["x", "y", "z"],
        json!([
            {"type": "entry_into_force", "date": "1948-12-03"},
            {"type": "denunciation", "date": "2002-09-06", "party": "z"}
        ]),
        Some(json!({"type": "indefinite", "withdrawal": {"notice_months": 24}})),
    )?;
    let z = id("z")?;
    assert!(a.is_bound(&z, day("2004-09-05")?));
    assert!(!a.is_bound(&z, day("2004-09-06")?));
    Ok(())
}

#[test]
fn a_fixed_term_ends_unless_renewed_and_automatic_renewal_runs_on() -> Result {
    let acts = json!([
        {"type": "entry_into_force", "date": "1950-04-11"},
    ]);
    let none =
        agreement(&["x", "y"], acts.clone(), Some(json!({"type": "fixed_term", "years": 30, "renewal": "none"})))?;
    assert_eq!(none.status_on(day("1980-04-10")?), AgreementStatus::InForce);
    assert_eq!(none.status_on(day("1980-04-11")?), AgreementStatus::Terminated);
    assert_eq!(none.binding_intervals(&id("x")?)[0].until, Some(day("1980-04-11")?));
    let auto = agreement(
        &["x", "y"],
        acts,
        Some(json!({"type": "fixed_term", "years": 30, "renewal": "automatic", "renewal_years": 5})),
    )?;
    assert_eq!(auto.status_on(day("1990-01-01")?), AgreementStatus::InForce);
    let agreed = agreement(
        &["x", "y"],
        json!([
            {"type": "entry_into_force", "date": "1950-04-11"},
            {"type": "renewal", "date": "1979-01-01", "effective": "1980-04-11"}
        ]),
        Some(json!({"type": "fixed_term", "years": 30, "renewal": "by_agreement", "renewal_years": 5})),
    )?;
    assert_eq!(agreed.status_on(day("1985-04-10")?), AgreementStatus::InForce);
    assert_eq!(agreed.status_on(day("1985-04-11")?), AgreementStatus::Terminated);
    Ok(())
}

#[test]
fn a_bilateral_treaty_ends_when_one_party_leaves() -> Result {
    let a = agreement(
        &["x", "y"],
        json!([
            {"type": "entry_into_force", "date": "1950-04-11"},
            {"type": "denunciation", "date": "1979-04-03", "party": "x", "effective": "1980-04-11"}
        ]),
        None,
    )?;
    assert_eq!(a.status_on(day("1980-04-11")?), AgreementStatus::Terminated);
    assert!(!a.is_bound(&id("y")?, day("1980-04-11")?));
    let t = a.timeline();
    assert_eq!(t.len(), 2);
    assert_eq!(t[1].status, AgreementStatus::Terminated);
    Ok(())
}

#[test]
fn provisional_application_is_its_own_state() -> Result {
    let a = agreement(
        &["x", "y"],
        json!([
            {"type": "signature", "date": "2000-01-01"},
            {"type": "provisional_application", "date": "2000-01-01"},
            {"type": "entry_into_force", "date": "2001-01-01"}
        ]),
        None,
    )?;
    let x = id("x")?;
    assert_eq!(a.status_on(day("2000-06-01")?), AgreementStatus::ProvisionallyApplied);
    assert_eq!(a.party_status_on(&x, day("2000-06-01")?), PartyStatus::ProvisionallyApplying);
    assert!(!a.is_bound(&x, day("2000-06-01")?));
    assert!(a.is_bound(&x, day("2001-01-01")?));
    Ok(())
}

#[test]
fn is_bound_agrees_with_binding_intervals_every_year() -> Result {
    let a = agreement(
        &["x", "y", "z"],
        json!([
            {"type": "signature", "date": "1990"},
            {"type": "ratification", "date": "1991-05", "party": "z"},
            {"type": "entry_into_force", "date": "1992-03-01"},
            {"type": "suspension", "date": "1995", "party": "z"},
            {"type": "suspension", "date": "1996-01-01"},
            {"type": "resumption", "date": "1997-01-01"},
            {"type": "resumption", "date": "1998", "party": "z"},
            {"type": "withdrawal", "date": "2000", "party": "z", "effective": "2001-06-30"},
            {"type": "accession", "date": "2003-02-02", "party": "z"},
            {"type": "termination", "date": "2010"}
        ]),
        None,
    )?;
    let life = a.lifecycle();
    for who in ["x", "y", "z"] {
        let actor = id(who)?;
        let spans = life.binding_intervals(&actor);
        let mut d = day("1989-01-01")?;
        while d < day("2012-01-01")? {
            let in_span = spans.iter().any(|s| s.contains(d));
            assert_eq!(life.is_bound(&actor, d), in_span, "{who} on {d}");
            d = d.succ_opt().ok_or("overflow")?;
        }
    }
    // 1992-03-01 to the end of 1995; end of 1998 to mid-2001; 2003 to the end of 2010.
    assert_eq!(life.binding_intervals(&id("z")?).len(), 3);
    Ok(())
}

#[test]
fn a_party_level_termination_is_not_ignored() -> Result {
    // Without counterparts it reads as the party's withdrawal (and validation reports it);
    // with them it ends the agreement between the two, both ways, for good.
    let a = agreement(
        &["x", "y", "z"],
        json!([
            {"type": "entry_into_force", "date": "2000-01-01"},
            {"type": "termination", "date": "2003-01-01", "party": "x", "toward": ["y"]},
            {"type": "resumption", "date": "2004-01-01", "party": "x", "toward": ["y"]},
            {"type": "termination", "date": "2005-01-01", "party": "z"}
        ]),
        None,
    )?;
    let (x, y, z) = (id("x")?, id("y")?, id("z")?);
    let on = day("2004-06-01")?;
    assert!(!a.is_bound_toward(&x, &y, on) && !a.is_bound_toward(&y, &x, on));
    assert!(a.is_bound_toward(&x, &z, on));
    assert!(!a.is_bound(&z, day("2005-01-01")?));
    assert_eq!(a.party_status_on(&z, day("2005-01-01")?), PartyStatus::Withdrawn);
    Ok(())
}

#[test]
fn view_enums_read_back_their_names() -> Result {
    for s in PartyStatus::ALL {
        assert_eq!(s.to_string().parse::<PartyStatus>()?, *s);
        assert_eq!(serde_json::to_value(s)?, serde_json::Value::String(s.as_str().into()));
    }
    assert!("bound_ish".parse::<PartyStatus>().is_err());
    use defense_agreements::agreement::TimelineEvent;
    for name in ["accession", "term_ended", "suspension"] {
        assert_eq!(name.parse::<TimelineEvent>()?.to_string(), name);
    }
    assert!("nothing".parse::<TimelineEvent>().is_err());
    Ok(())
}
