//! Six more real agreements, each encoded from the documentation alone
//! (tests/fixtures/histories/): their derived readings (status on a day, who is bound toward
//! whom, the timeline, the research tables, the codings) checked against what their sources
//! say. Each dossier's `sources` hold the URLs; the ones each check rests on are cited here.
//!
//! - Sino-North Korean treaty (1961): twenty-year periods renewed automatically, renewals
//!   recorded only by year (1981, 2001), none for 2021; still in force.
//! - Finnish–Soviet treaty (1948, "YYA"): extended in 1955, 1970 and 1983, continued by the
//!   Russian Federation from 26 December 1991, ended by agreement on 20 January 1992.
//! - Treaty of Dunkirk (1947): a fifty-year term with no renewal, run out on 8 September 1997.
//! - U.S.–ROK Mutual Defense Treaty (1953): indefinite, with sources that disagree on the day
//!   it entered into force (17 or 18 November 1954), so its readings follow the dispute policy.
//! - Arab League Joint Defence and Economic Co-operation Treaty (1950): signed over two years,
//!   its first signature known only as one of two days, in force on 23 August 1952.
//! - Pact of the League of Arab States (1945): admissions from 1953, two of them on days the
//!   sources disagree on, Egypt suspended 1979–1989 and Syria 2011–2023.

use std::collections::BTreeSet;
use std::error::Error;
use std::path::PathBuf;

use chrono::NaiveDate;
use defense_agreements::agreement::{ActionType, AgreementStatus, PartyStatus, TimelineEvent};
use defense_agreements::ids::ActorId;
use defense_agreements::tables::{Options, Tables};
use defense_agreements::{DisputePolicy, Dossier};

type Result<T = ()> = std::result::Result<T, Box<dyn Error>>;

/// The tables' last year: the current year of the checks below (the fixtures were read in 2026).
const THROUGH: i32 = 2026;

fn load(file: &str) -> Result<Dossier> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/histories").join(file);
    let dossier = Dossier::from_reader(std::fs::File::open(path)?)?;
    let report = dossier.validate();
    assert!(report.is_empty(), "{file}: {report}");
    Ok(dossier)
}

fn day(s: &str) -> Result<NaiveDate> {
    Ok(NaiveDate::parse_from_str(s, "%Y-%m-%d")?)
}

fn actor(s: &str) -> Result<ActorId> {
    Ok(ActorId::new(s)?)
}

/// The years `actor` has a state-year row in `tables` for `agreement`'s dossier.
fn state_years(tables: &Tables, dossier: &str, actor: &str) -> BTreeSet<i32> {
    tables.state_years.iter().filter(|r| r.dossier_id == dossier && r.actor_id == actor).map(|r| r.year).collect()
}

/// The members table's spells of `actor`: (first day bound, last day bound, closing act).
fn spells(tables: &Tables, actor: &str) -> Vec<(NaiveDate, Option<NaiveDate>, Option<String>)> {
    tables.members.iter().filter(|m| m.actor_id == actor).map(|m| (m.start, m.end, m.end_act.clone())).collect()
}

// Signed in Beijing on 11 July 1961, in force on 10 September 1961, renewed in 1981 and 2001
// (https://en.m.wikipedia.org/wiki/Sino-North_Korean_Mutual_Aid_and_Cooperation_Friendship_Treaty);
// twenty-year periods renewed automatically unless a party asks to end it
// (https://sinodefenceforum.com/t/chinas-strategy-in-korean-peninsula.6680/page-60), and
// continued at its sixtieth anniversary in 2021, with no notice given
// (https://exbulletin.com/world/1052466/, https://www.rt.com/news/528917-china-north-korea-friendship/
// is the same report): no act records the 2021 period, and none is needed.
#[test]
fn china_dprk_1961_is_in_force_through_every_renewal() -> Result {
    let dossier = load("china-dprk-1961.json")?;
    let treaty = dossier.agreement("china-dprk-treaty").ok_or("no treaty")?;
    let life = treaty.lifecycle();
    let (china, dprk) = (actor("china")?, actor("north-korea")?);
    assert_eq!(life.status_on(day("1961-07-10")?), AgreementStatus::Negotiated);
    assert_eq!(life.status_on(day("1961-07-11")?), AgreementStatus::Signed);
    assert!(!life.is_bound(&china, day("1961-09-09")?));
    // Each twenty-year period ends on 10 September; the treaty runs through every one of them.
    for d in ["1961-09-10", "1981-09-09", "1981-09-10", "2001-09-10", "2021-09-10", "2026-12-31"] {
        assert_eq!(life.status_on(day(d)?), AgreementStatus::InForce, "{d}");
        assert!(life.is_bound_toward(&china, &dprk, day(d)?), "{d}");
        assert!(life.is_bound_toward(&dprk, &china, day(d)?), "{d}");
    }
    assert_eq!(life.status(), AgreementStatus::InForce);
    // Under automatic renewal the term never ends on its own: no `term_ended` step, and the
    // two renewals recorded by year are steps that leave it in force.
    let timeline = life.timeline();
    assert!(timeline.iter().all(|s| s.event != TimelineEvent::TermEnded), "{timeline:?}");
    let renewals: Vec<String> = timeline
        .iter()
        .filter(|s| s.event == TimelineEvent::Act { action: ActionType::Renewal })
        .map(|s| {
            assert_eq!(s.status, AgreementStatus::InForce);
            s.date.to_string()
        })
        .collect();
    assert_eq!(renewals, ["1981", "2001"]);

    // Both are members from 10 September 1961 with an open spell; a state-year for every year
    // from 1961 to the tables' last year, and none before.
    let tables = Tables::from_dossier(&dossier, &Options::through(THROUGH));
    assert_eq!(spells(&tables, "china"), [(day("1961-09-10")?, None, None)]);
    let years: BTreeSet<i32> = (1961..=THROUGH).collect();
    assert_eq!(state_years(&tables, "china-dprk-1961", "china"), years);
    assert_eq!(state_years(&tables, "china-dprk-1961", "north-korea"), years);
    let directed: BTreeSet<(String, String)> =
        tables.directed_dyad_years.iter().map(|r| (r.actor1.clone(), r.actor2.clone())).collect();
    assert_eq!(directed.len(), 2, "{directed:?}");

    // Art. II (immediate military assistance, no limit of place or adversary) and Art. IV
    // (consultation): unconditional defence and consultation, COW Type I.
    let atop = treaty.atop_obligations();
    assert_eq!(atop.defense.as_atop(), (1, Some(0)));
    assert_eq!(atop.consultation.as_atop().0, 1);
    assert_eq!(treaty.cow_type().map(|t| t.as_str()), Some("I"));
    Ok(())
}

// The same treaty read as a newcomer may read Art. VII's note instead, as terms renewed by
// agreement. A renewal known only by its year renews when it may have been made by the term's
// end (docs/lifecycle.md, "Fixed terms and renewal"), so 1981 and 2001 keep it in force; but
// with no act for 2021 the term then runs out on 10 September 2021. Recorded with a renewal in
// 2021, the record leads to the end of that term, 10 September 2041, which `status()` (the
// state the record leads to) reports while `status_on` a day of 2026 is `in_force`.
#[test]
fn china_dprk_1961_renewed_by_agreement_needs_every_renewal() -> Result {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/histories/china-dprk-1961.json");
    let mut doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    *doc.pointer_mut("/agreements/0/duration/renewal").ok_or("no renewal")? = "by_agreement".into();
    let term_ends = |dossier: &Dossier| -> Vec<NaiveDate> {
        dossier.agreements[0]
            .lifecycle()
            .timeline()
            .iter()
            .filter(|s| s.event == TimelineEvent::TermEnded)
            .map(|s| s.day)
            .collect()
    };
    let dossier = Dossier::from_json(&doc.to_string())?;
    assert!(dossier.validate().is_empty(), "{}", dossier.validate());
    let life = dossier.agreement("china-dprk-treaty").ok_or("no treaty")?.lifecycle();
    for d in ["1981-09-10", "2001-09-10", "2021-09-09"] {
        assert_eq!(life.status_on(day(d)?), AgreementStatus::InForce, "{d}");
    }
    assert_eq!(life.status_on(day("2021-09-10")?), AgreementStatus::Terminated);
    assert_eq!(term_ends(&dossier), [day("2021-09-10")?]);

    let actions = doc.pointer_mut("/agreements/0/actions").and_then(|a| a.as_array_mut()).ok_or("no actions")?;
    actions.push(serde_json::json!({"type": "renewal", "date": "2021"}));
    let dossier = Dossier::from_json(&doc.to_string())?;
    let life = dossier.agreement("china-dprk-treaty").ok_or("no treaty")?.lifecycle();
    for d in ["2021-09-10", "2026-12-31", "2041-09-09"] {
        assert_eq!(life.status_on(day(d)?), AgreementStatus::InForce, "{d}");
    }
    assert_eq!(term_ends(&dossier), [day("2041-09-10")?]);
    assert_eq!(life.status(), AgreementStatus::Terminated);
    Ok(())
}

// Signed in Moscow on 6 April 1948, in force on 31 May 1948
// (https://perceptioes.com/Договор_о_дружбе,_сотрудничестве_и_взаимной_помощи_между_СССР_и_Финляндией),
// ten years then five at a time (Art. 8,
// http://www.philfak.uni-rostock.de/imd/41/ungarn_finnland/Inhalt/Kapitel7/Fin/Illustrationen/de/FZB2.html),
// extended in 1955 (https://docs.cntd.ru/document/1901033), 1970 and 1983
// (https://de.zxc.wiki/wiki/Finnisch-Sowjetischer_Vertrag_von_1948); the exchange of notes
// of 20 January 1992 between Finland and the Russian Federation certified its cancellation
// (https://www.foreignaffairs.com/print/node/1109793).
#[test]
fn finland_ussr_1948_passes_to_russia_and_ends_in_1992() -> Result {
    let dossier = load("finland-ussr-1948.json")?;
    let treaty = dossier.agreement("yya-treaty").ok_or("no treaty")?;
    let successions = dossier.successions();
    let life = treaty.lifecycle_in(&successions);
    let (finland, ussr, russia) = (actor("finland")?, actor("soviet-union")?, actor("russia")?);
    assert_eq!(life.status_on(day("1948-05-30")?), AgreementStatus::Signed);
    assert!(life.is_bound_toward(&finland, &ussr, day("1948-05-31")?));
    // The end of the first ten-year term, and of the twenty years the 1955 protocol gave: the
    // extensions keep it in force.
    for d in ["1958-05-31", "1975-12-31", "1990-12-31"] {
        assert_eq!(life.status_on(day(d)?), AgreementStatus::InForce, "{d}");
        assert!(life.is_bound_toward(&ussr, &finland, day(d)?), "{d}");
    }
    // The USSR holds its place to 25 December 1991, the Russian Federation from the 26th.
    assert!(life.is_bound_toward(&ussr, &finland, day("1991-12-25")?));
    assert!(!life.is_bound(&russia, day("1991-12-25")?));
    assert_eq!(life.party_status_on(&ussr, day("1991-12-26")?), PartyStatus::Dissolved);
    assert_eq!(life.party_status_on(&russia, day("1991-12-26")?), PartyStatus::Bound);
    assert!(life.is_bound_toward(&russia, &finland, day("1992-01-19")?));
    assert!(life.is_bound_toward(&finland, &russia, day("1992-01-19")?));
    assert_eq!(life.status_on(day("1992-01-20")?), AgreementStatus::Terminated);
    assert!(!life.is_bound(&russia, day("1992-01-20")?));
    assert!(!life.is_bound(&finland, day("1992-01-20")?));
    let binding: Vec<&str> = dossier.agreements_binding("russia", day("1992-01-10")?).map(|a| a.id.as_str()).collect();
    assert_eq!(binding, ["yya-treaty"]);
    assert_eq!(dossier.agreements_binding("russia", day("1992-01-20")?).count(), 0);

    // Members: the USSR to 25 December 1991, closed by the succession; the Russian Federation
    // and Finland to 19 January 1992, closed by the termination.
    let tables = Tables::from_dossier(&dossier, &Options::through(THROUGH));
    let termination = Some("termination".to_owned());
    assert_eq!(
        spells(&tables, "soviet-union"),
        [(day("1948-05-31")?, Some(day("1991-12-25")?), Some("succession".to_owned()))]
    );
    assert_eq!(spells(&tables, "russia"), [(day("1991-12-26")?, Some(day("1992-01-19")?), termination.clone())]);
    assert_eq!(spells(&tables, "finland"), [(day("1948-05-31")?, Some(day("1992-01-19")?), termination)]);
    // State-years: the right years only. 1991 is a year of both the USSR and the Russian
    // Federation (one row each, COW code 365 for both: ATOP's shape groups them by code).
    assert_eq!(state_years(&tables, "finland-ussr-1948", "finland"), (1948..=1992).collect());
    assert_eq!(state_years(&tables, "finland-ussr-1948", "soviet-union"), (1948..=1991).collect());
    assert_eq!(state_years(&tables, "finland-ussr-1948", "russia"), BTreeSet::from([1991, 1992]));
    let codes: BTreeSet<Option<i64>> = tables.state_years.iter().filter(|r| r.year == 1991).map(|r| r.ccode).collect();
    assert_eq!(codes, BTreeSet::from([Some(365), Some(375)]));

    // Finland's pledge is limited to Germany and its allies and to Finnish territory; the
    // Soviet help is limited to the same adversary: conditional defence, COW Type I.
    let atop = treaty.atop_obligations();
    assert_eq!(atop.defense.as_atop(), (1, Some(1)));
    assert_eq!(treaty.atop_obligations_of(&finland).defense.as_atop(), (1, Some(1)));
    assert_eq!(treaty.cow_type().map(|t| t.as_str()), Some("I"));
    Ok(())
}

// The Finnish Wikipedia gives the entry into force as "31. huhtikuuta 1948", 31 April, a day
// that does not exist (https://fi.m.wikipedia.org/wiki/YYA-sopimus): a newcomer who copies it
// is told so at the act's date (`impossible_date`, docs/validation.md), not read as 1 May.
#[test]
fn a_day_that_does_not_exist_is_reported_at_its_path() -> Result {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/histories/finland-ussr-1948.json");
    let mut doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    *doc.pointer_mut("/agreements/0/actions/1/date").ok_or("no date")? = "1948-04-31".into();
    let dossier = Dossier::from_json(&doc.to_string())?;
    let report = dossier.validate();
    let found: Vec<(String, String)> = report.issues().iter().map(|i| (i.path.clone(), i.code.to_string())).collect();
    assert_eq!(found, [("/agreements/0/actions/1/date".to_owned(), "impossible_date".to_owned())]);
    Ok(())
}

// Signed at Dunkirk on 4 March 1947, in force on 8 September 1947 for fifty years (Art. VI(2));
// it expired on 8 September 1997
// (https://zims-en.kiwix.campusafrica.gos.orange.com/wikipedia_en_all_nopic/A/Treaty_of_Dunkirk,
// https://askwikinow.com/view_html.php?lang=en&q=Treaty_of_Dunkirk). COW ends the alliance on
// 17 March 1948, when the Brussels Treaty replaced it (Gibler, entry 4.1330,
// https://issuhub.com/view/index/23326?pageIndex=434): the views read the treaty, not COW's coding.
#[test]
fn dunkirk_1947_runs_out_after_fifty_years() -> Result {
    let dossier = load("dunkirk-1947.json")?;
    let treaty = dossier.agreement("treaty-of-dunkirk").ok_or("no treaty")?;
    let life = treaty.lifecycle();
    let (uk, france) = (actor("united-kingdom")?, actor("france")?);
    assert_eq!(life.status_on(day("1947-03-04")?), AgreementStatus::Signed);
    assert_eq!(life.status_on(day("1947-09-08")?), AgreementStatus::InForce);
    assert!(life.is_bound_toward(&uk, &france, day("1948-03-17")?));
    assert!(life.is_bound_toward(&france, &uk, day("1997-09-07")?));
    assert_eq!(life.status_on(day("1997-09-08")?), AgreementStatus::Terminated);
    assert_eq!(life.party_status_on(&uk, day("1997-09-08")?), PartyStatus::Ended);
    assert!(!life.is_bound_toward(&france, &uk, day("1997-09-08")?));
    assert_eq!(life.status(), AgreementStatus::Terminated);
    let ends: Vec<(NaiveDate, String)> = life
        .timeline()
        .iter()
        .filter(|s| s.event == TimelineEvent::TermEnded)
        .map(|s| (s.day, s.date.to_string()))
        .collect();
    assert_eq!(ends, [(day("1997-09-08")?, "1997-09-08".to_owned())]);

    let tables = Tables::from_dossier(&dossier, &Options::through(THROUGH));
    let term_ended = Some("term_ended".to_owned());
    assert_eq!(spells(&tables, "france"), [(day("1947-09-08")?, Some(day("1997-09-07")?), term_ended)]);
    // State-years 1947 to 1997 and none after, though the tables run to 2026.
    assert_eq!(state_years(&tables, "dunkirk-1947", "united-kingdom"), (1947..=1997).collect());
    assert_eq!(state_years(&tables, "dunkirk-1947", "france"), (1947..=1997).collect());
    let row = tables.agreements.first().ok_or("no agreement row")?;
    assert_eq!((row.status.as_str(), row.end), ("terminated", Some(day("1997-09-07")?)));
    // No termination act was made: the term ran out.
    assert_eq!(row.terminated_edtf, None);

    // Art. II pledges support against Germany only: conditional defence, COW Type I.
    assert_eq!(treaty.atop_obligations().defense.as_atop(), (1, Some(1)));
    assert_eq!(treaty.cow_type().map(|t| t.as_str()), Some("I"));
    Ok(())
}

// Signed in Washington on 1 October 1953; ratifications exchanged and in force on 17 November
// 1954 (5 UST 2368;
// https://presidency.ucsb.edu/documents/special-message-the-senate-transmitting-the-mutual-defense-treaty-between-the-united,
// https://theforgottenvictory.org/treaties.htm), 18 November 1954 in Wikipedia's infobox
// (https://en.wikipedia.org/wiki/Mutual_Defense_Treaty_(United_States%E2%80%93South_Korea)).
// Art. VI: in force indefinitely, one year's notice.
#[test]
fn us_rok_1953_reads_its_disputed_entry_into_force_by_policy() -> Result {
    let dossier = load("us-rok-1953.json")?;
    let (us, rok) = (actor("united-states")?, actor("south-korea")?);

    // Read as recorded (only undisputed facts), neither date of entry into force counts: the
    // treaty is signed, binds no one, and has no state-years, and its rows say they rest on a
    // disputed fact.
    let treaty = dossier.agreement("us-rok-mutual-defense-treaty").ok_or("no treaty")?;
    assert_eq!(treaty.lifecycle().status_on(day("2026-01-01")?), AgreementStatus::Signed);
    let tables = Tables::from_dossier(&dossier, &Options::through(THROUGH));
    assert!(tables.state_years.is_empty());
    assert_eq!(tables.agreements.first().map(|r| r.disputed), Some(1));

    // The best-supported date, 17 November (two publishers against one), counts under that
    // policy; every alternative under `any_alternative`, where the earlier one decides.
    for policy in [DisputePolicy::BestSupported, DisputePolicy::AnyAlternative] {
        let resolved = dossier.resolve(policy);
        let life = resolved.agreement("us-rok-mutual-defense-treaty").ok_or("no treaty")?.lifecycle();
        assert_eq!(life.status_on(day("1954-11-16")?), AgreementStatus::Signed, "{policy:?}");
        assert_eq!(life.status_on(day("1954-11-17")?), AgreementStatus::InForce, "{policy:?}");
        assert!(life.is_bound_toward(&us, &rok, day("1954-11-17")?), "{policy:?}");
        assert!(life.is_bound_toward(&rok, &us, day("2026-12-31")?), "{policy:?}");
        let options = Options::through(THROUGH).with_policy(policy);
        let tables = Tables::from_dossier(&dossier, &options);
        assert_eq!(state_years(&tables, "us-rok-1953", "south-korea"), (1954..=THROUGH).collect(), "{policy:?}");
    }
    let best = dossier.resolve(DisputePolicy::BestSupported);
    let counted: Vec<usize> = best.outcomes().iter().flat_map(|o| o.counted.iter().copied()).collect();
    assert_eq!(counted, [0], "the 17 November act, first of the dispute's alternatives");

    // The codings do not rest on the disputed act: Art. III's location-limited defence and
    // Art. II's consultation are undisputed, so `dossier codings` says DISPUTED `no`.
    let mut out = Vec::new();
    defense_agreements::codings::write_table(&mut out, &dossier)?;
    let row = String::from_utf8(out)?.lines().next().map(str::to_owned).ok_or("no row")?;
    assert_eq!(row, "us-rok-1953\tus-rok-mutual-defense-treaty\tcond\t-\t-\t-\tuncond\tI\tyes\tno\tno");
    Ok(())
}

// Signed in Cairo on 17 June 1950 (the text's own date; 18 June in Wikipedia), by Iraq on
// 2 February 1951 and by Jordan on 16 February 1952
// (https://jewishvirtuallibrary.org/jsource/Peace/arabdef.html,
// https://wikimili.com/en/Joint_Defence_and_Economic_Co-operation_Treaty); in force on
// 23 August 1952 on the deposit of Iraq's ratification
// (https://core-prod.cambridgecore.org/core/journals/international-organization/issue/A3E1F9979EA08F324F7CE4646C7AB247);
// still in existence (Gibler, https://issuhub.com/view/index/23326?pageIndex=457).
#[test]
fn arab_league_jdec_1950_binds_its_seven_from_1952() -> Result {
    let dossier = load("arab-league-jdec-1950.json")?;
    let treaty = dossier.agreement("jdec-treaty").ok_or("no treaty")?;
    let life = treaty.lifecycle();
    // The signature is recorded as "1950-06-17/1950-06-18": it surely happened by the 18th.
    assert_eq!(life.status_on(day("1950-06-17")?), AgreementStatus::Negotiated);
    assert_eq!(life.status_on(day("1950-06-18")?), AgreementStatus::Signed);
    // A late signature binds no one; nor does anything before the entry into force.
    let (iraq, jordan, egypt, yemen) = (actor("iraq")?, actor("jordan")?, actor("egypt")?, actor("yemen")?);
    assert_eq!(life.party_status_on(&jordan, day("1952-03-01")?), PartyStatus::NotBound);
    assert_eq!(life.party_status_on(&iraq, day("1952-08-22")?), PartyStatus::NotBound);
    assert_eq!(life.status_on(day("1952-08-22")?), AgreementStatus::Signed);
    // From 23 August 1952 all seven are bound toward one another, Iraq by its own ratification
    // that day, the others as original parties.
    let parties: Vec<&ActorId> = treaty.party_actors().collect();
    assert_eq!(parties.len(), 7);
    for a in &parties {
        for b in &parties {
            if a != b {
                assert!(life.is_bound_toward(a, b, day("1952-08-23")?), "{a} toward {b}");
            }
        }
    }
    assert_eq!(life.first_bound(&iraq).map(|s| s.from), Some(day("1952-08-23")?));
    assert!(life.is_bound_toward(&yemen, &egypt, day("2026-12-31")?));

    let tables = Tables::from_dossier(&dossier, &Options::through(THROUGH));
    for p in &parties {
        assert_eq!(state_years(&tables, "arab-league-jdec-1950", p.as_str()), (1952..=THROUGH).collect(), "{p}");
    }
    let row = tables.agreements.first().ok_or("no agreement row")?;
    assert_eq!(row.signed_edtf.as_deref(), Some("1950-06-17/1950-06-18"));
    assert_eq!(row.begin, Some(day("1952-08-23")?));
    // 42 directed pairs a year, 1952 to 2026.
    let per_year = tables.directed_dyad_years.iter().filter(|r| r.year == 1952).count();
    assert_eq!(per_year, 42);
    assert_eq!(tables.directed_dyad_years.len(), 42 * (THROUGH - 1952 + 1) as usize);
    Ok(())
}

// The Finnish–Soviet dossier reads through the states that continue others, which the
// day-by-day comparison of tests/sourced_histories.rs leaves out: here every day from 1947 to
// 1993, for the three states (the USSR, the Russian Federation holding its place, Finland), the
// dossier's views and the members and directed dyad tables agree.
#[test]
fn finland_ussr_1948_views_and_tables_agree_on_every_day() -> Result {
    let dossier = load("finland-ussr-1948.json")?;
    let treaty = dossier.agreement("yya-treaty").ok_or("no treaty")?;
    let successions = dossier.successions();
    let life = treaty.lifecycle_in(&successions);
    let tables = Tables::from_dossier(&dossier, &Options::through(THROUGH));
    let states = [actor("soviet-union")?, actor("russia")?, actor("finland")?];
    let within = |d: NaiveDate, (s, e): (NaiveDate, Option<NaiveDate>)| s <= d && e.is_none_or(|e| d <= e);
    let mut d = day("1947-01-01")?;
    let mut checked = 0;
    while d <= day("1993-12-31")? {
        for a in &states {
            let tabled = tables.members.iter().any(|m| m.actor_id == a.as_str() && within(d, (m.start, m.end)));
            assert_eq!(life.is_bound(a, d), tabled, "{a} on {d}");
            for b in &states {
                let tabled = tables
                    .directed_dyad_intervals
                    .iter()
                    .any(|r| r.actor1 == a.as_str() && r.actor2 == b.as_str() && within(d, (r.start, r.end)));
                assert_eq!(life.is_bound_toward(a, b, d), tabled, "{a} toward {b} on {d}");
                checked += 1;
            }
        }
        d = d.succ_opt().ok_or("overflow")?;
    }
    assert!(checked > 150_000, "{checked}");
    Ok(())
}

// The Pact of the League of Arab States: signed in Cairo on 22 March 1945, by Yemen on 5 May,
// in force on 10 May 1945 on the fourth ratification (https://plopandrei.com/?p=76841,
// https://sco.wikipedia.org/wiki/Arab_League); admissions from Libya (28 March 1953) to
// Algeria (16 August 1962) as Gibler's COW entry 4.1322 and the League's member list give them
// (https://issuhub.com/view/index/23326?pageIndex=422,
// https://wikimili.com/en/Member_states_of_the_Arab_League), which disagree on the United Arab
// Emirates (6 December 1971 or 12 June 1972) and Djibouti (9 April or 4 September 1977);
// Egypt suspended by the Baghdad summit of 27–31 March 1979 and back on 26 May 1989
// (https://en.majalla.com/node/291636); Syria suspended on 12 November 2011
// (https://www.lbcgroup.tv/news/news-bulletin-reports/701332/a-step-closer-to-reality-syrias-return-to-the-arab/en)
// and readmitted on 7 May 2023
// (https://www.newsmax.com/newsfront/syria-arab-egypt-saudi-qatar-jordan/2023/05/07/id/1118881/).
#[test]
fn arab_league_pact_1945_admissions_suspensions_and_disputed_dates() -> Result {
    let dossier = load("arab-league-pact-1945.json")?;
    let pact = dossier.agreement("arab-league-pact").ok_or("no pact")?;
    let life = pact.lifecycle();
    let [egypt, syria, yemen, libya, uae, djibouti] =
        ["egypt", "syria", "yemen", "libya", "uae", "djibouti"].map(ActorId::new);
    let (egypt, syria, yemen, libya, uae, djibouti) = (egypt?, syria?, yemen?, libya?, uae?, djibouti?);
    assert_eq!(life.status_on(day("1945-05-09")?), AgreementStatus::Signed);
    // Yemen's late signature is no consent of its own: it is an original party.
    assert!(life.is_bound_toward(&yemen, &egypt, day("1945-05-10")?));
    assert!(!life.is_bound(&libya, day("1953-03-27")?));
    assert!(life.is_bound_toward(&libya, &syria, day("1953-03-28")?));
    // Egypt's suspension is known only as one of five days: surely in effect from 31 March.
    assert_eq!(life.party_status_on(&egypt, day("1979-03-30")?), PartyStatus::Bound);
    assert_eq!(life.party_status_on(&egypt, day("1979-03-31")?), PartyStatus::Suspended);
    assert!(!life.is_bound_toward(&syria, &egypt, day("1985-01-01")?));
    assert!(life.is_bound_toward(&egypt, &syria, day("1989-05-26")?));
    assert_eq!(life.party_status_on(&syria, day("2011-11-12")?), PartyStatus::Suspended);
    assert_eq!(life.party_status_on(&syria, day("2023-05-06")?), PartyStatus::Suspended);
    assert!(life.is_bound_toward(&syria, &libya, day("2023-05-07")?));

    // A party whose only consent is disputed joined by an act of its own, on a day the sources
    // leave open: read as recorded it is not bound, and never an original party bound from
    // 1945 (a reading neither source gives, which the views and tables gave before).
    for (party, joined) in [(&uae, "1971-12-06"), (&djibouti, "1977-04-09")] {
        assert_eq!(life.party_status_on(party, day("1950-01-01")?), PartyStatus::NotBound, "{party}");
        assert_eq!(life.party_status_on(party, day("2026-01-01")?), PartyStatus::NotBound, "{party}");
        let tables = Tables::from_dossier(&dossier, &Options::through(THROUGH));
        assert!(spells(&tables, party.as_str()).is_empty(), "{party}");
        // Unresolved under `best_supported` (one source each): still not a member.
        let best = Tables::from_dossier(&dossier, &Options::through(THROUGH).with_policy(DisputePolicy::BestSupported));
        assert!(spells(&best, party.as_str()).is_empty(), "{party}");
        // Every alternative counted: a member from the earlier date.
        let any = Tables::from_dossier(&dossier, &Options::through(THROUGH).with_policy(DisputePolicy::AnyAlternative));
        assert_eq!(spells(&any, party.as_str()), [(day(joined)?, None, None)], "{party}");
    }
    // The resolved dossier keeps the consents it set aside, marked, with their disputes: it
    // still validates.
    let resolved = dossier.resolve(DisputePolicy::Undisputed);
    assert!(resolved.validate().is_valid(), "{}", resolved.validate());
    assert_eq!(resolved.disputes.len(), 2);

    // Members, state-years: Syria's suspension leaves 2012 to 2022 out; Egypt's 1980 to 1988.
    let tables = Tables::from_dossier(&dossier, &Options::through(THROUGH));
    let syria_years = state_years(&tables, "arab-league-pact-1945", "syria");
    assert!(syria_years.contains(&2011) && syria_years.contains(&2023));
    assert!((2012..=2022).all(|y| !syria_years.contains(&y)));
    let egypt_years = state_years(&tables, "arab-league-pact-1945", "egypt");
    assert!((1980..=1988).all(|y| !egypt_years.contains(&y)) && egypt_years.contains(&1979));
    assert_eq!(state_years(&tables, "arab-league-pact-1945", "libya"), (1953..=THROUGH).collect());
    // Art. 6: the Council convened at the request of the state attacked: consultation, COW's
    // entente (Type III).
    assert_eq!(pact.cow_type().map(|t| t.as_str()), Some("III"));
    Ok(())
}
