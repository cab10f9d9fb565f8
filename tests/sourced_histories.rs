//! Ten more real treaty histories (tests/fixtures/histories/), each dossier citing its sources
//! (the URLs are in its `sources`), read on the days where those sources say what the answer
//! must be; then every history, old and new, checked day by day: the lifecycle views and the
//! research tables (members, directed dyad intervals, state-years, directed dyad-years) never
//! disagree.

use std::collections::HashSet;
use std::error::Error;
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use defense_agreements::Dossier;
use defense_agreements::agreement::AgreementStatus;
use defense_agreements::ids::ActorId;
use defense_agreements::tables::{Options, Tables};

type Result<T = ()> = std::result::Result<T, Box<dyn Error>>;

/// What must hold on one day: the status, who is bound, who is bound toward whom.
struct Check {
    on: &'static str,
    status: &'static str,
    bound: &'static [(&'static str, bool)],
    toward: &'static [(&'static str, &'static str, bool)],
}

const fn on(
    on: &'static str,
    status: &'static str,
    bound: &'static [(&'static str, bool)],
    toward: &'static [(&'static str, &'static str, bool)],
) -> Check {
    Check { on, status, bound, toward }
}

struct History {
    file: &'static str,
    agreement: &'static str,
    checks: &'static [Check],
}

const HISTORIES: &[History] = &[
    // Signed 2 December 1954, in force 3 March 1955; the US notice under Article X (delivered
    // 23 December 1978, effective 1 January 1979) ended the treaty one year later: bound on
    // 31 December 1979, not on 1 January 1980.
    History {
        file: "us-roc-1954.json",
        agreement: "us-roc-mutual-defense-treaty",
        checks: &[
            on("1954-12-02", "signed", &[("united-states", false)], &[]),
            on("1955-03-02", "signed", &[("republic-of-china", false)], &[]),
            on(
                "1955-03-03",
                "in_force",
                &[("united-states", true), ("republic-of-china", true)],
                &[("united-states", "republic-of-china", true)],
            ),
            on("1979-06-01", "in_force", &[("united-states", true)], &[("republic-of-china", "united-states", true)]),
            on("1979-12-31", "in_force", &[("republic-of-china", true)], &[]),
            on(
                "1980-01-01",
                "terminated",
                &[("united-states", false), ("republic-of-china", false)],
                &[("republic-of-china", "united-states", false)],
            ),
        ],
    },
    // Signed 14 May 1955, in force 5 June 1955. Albania stopped taking part in 1961–62 but stayed
    // a party until its withdrawal of 13 September 1968; East Germany left in September 1990
    // (a month: read on days outside it); dissolved at Prague on 1 July 1991.
    History {
        file: "warsaw-pact-1955.json",
        agreement: "warsaw-pact",
        checks: &[
            on("1955-06-04", "signed", &[("poland", false)], &[]),
            on(
                "1955-06-05",
                "in_force",
                &[("albania", true), ("east-germany", true)],
                &[("soviet-union", "albania", true)],
            ),
            on("1962-06-01", "in_force", &[("albania", true)], &[]),
            on("1968-09-12", "in_force", &[("albania", true)], &[]),
            on(
                "1968-09-13",
                "in_force",
                &[("albania", false), ("romania", true)],
                &[("soviet-union", "albania", false), ("soviet-union", "romania", true)],
            ),
            on("1990-08-31", "in_force", &[("east-germany", true)], &[]),
            on(
                "1990-10-01",
                "in_force",
                &[("east-germany", false), ("hungary", true)],
                &[("poland", "east-germany", false)],
            ),
            on("1991-06-30", "in_force", &[("poland", true)], &[("soviet-union", "poland", true)]),
            on(
                "1991-07-01",
                "terminated",
                &[("poland", false), ("soviet-union", false)],
                &[("soviet-union", "poland", false)],
            ),
        ],
    },
    // Signed 14 February 1950 for thirty years; the sources give only the year of entry into
    // force, and China's notice of 3 April 1979 let the treaty lapse at the end of its term, in
    // 1980: the readings are checked on days those years leave no doubt about.
    History {
        file: "sino-soviet-1950.json",
        agreement: "sino-soviet-treaty",
        checks: &[
            on(
                "1951-01-01",
                "in_force",
                &[("china", true), ("soviet-union", true)],
                &[("soviet-union", "china", true)],
            ),
            on("1979-06-01", "in_force", &[("china", true)], &[("china", "soviet-union", true)]),
            on("1979-12-31", "in_force", &[("china", true)], &[]),
            on(
                "1981-01-01",
                "terminated",
                &[("china", false), ("soviet-union", false)],
                &[("soviet-union", "china", false)],
            ),
        ],
    },
    // Signed 30 January 1902, effective the next day; renewed in 1905 and 1911; ended when the
    // Four-Power Treaty took effect on 17 August 1923. COW (Gibler's alliance data) runs it from
    // the signature, 30 January 1902, to 17 August 1923: the same end, one day earlier at the
    // start, since COW dates alliances from signature and this reading from entry into force.
    History {
        file: "anglo-japanese-1902.json",
        agreement: "anglo-japanese-alliance",
        checks: &[
            on("1902-01-30", "signed", &[("japan", false)], &[]),
            on(
                "1902-01-31",
                "in_force",
                &[("japan", true), ("united-kingdom", true)],
                &[("united-kingdom", "japan", true)],
            ),
            on("1915-01-01", "in_force", &[("japan", true)], &[]),
            on("1922-01-01", "in_force", &[("united-kingdom", true)], &[]),
            on("1923-08-16", "in_force", &[("united-kingdom", true)], &[]),
            on(
                "1923-08-17",
                "terminated",
                &[("united-kingdom", false), ("japan", false)],
                &[("japan", "united-kingdom", false)],
            ),
        ],
    },
    // In force 25 August 1948 for the five signatories; Italy and West Germany from 6 May 1955
    // (Paris Protocol), Portugal and Spain from 27 March 1990, Greece in 1995 (the year only). Denmark, Ireland and Austria were observers, never bound. Termination
    // decided 31 March 2010, effective 30 June 2011.
    History {
        file: "brussels-treaty-1948.json",
        agreement: "brussels-treaty",
        checks: &[
            on("1948-08-24", "signed", &[("france", false)], &[]),
            on("1948-08-25", "in_force", &[("france", true), ("italy", false)], &[("france", "united-kingdom", true)]),
            on("1955-05-05", "in_force", &[("italy", false), ("west-germany", false)], &[]),
            on(
                "1955-05-06",
                "in_force",
                &[("italy", true), ("west-germany", true)],
                &[("west-germany", "france", true)],
            ),
            on("1990-03-26", "in_force", &[("spain", false)], &[]),
            on("1990-03-27", "in_force", &[("spain", true), ("portugal", true)], &[("spain", "portugal", true)]),
            on("1994-12-31", "in_force", &[("greece", false), ("denmark", false), ("austria", false)], &[]),
            on("1996-01-01", "in_force", &[("greece", true), ("ireland", false)], &[("greece", "italy", true)]),
            on("2011-06-29", "in_force", &[("belgium", true)], &[]),
            on("2011-06-30", "terminated", &[("belgium", false), ("greece", false)], &[("belgium", "france", false)]),
        ],
    },
    // Signed 30 August 1951; US ratification 15 April 1952, Philippine Senate concurrence
    // 12 May 1952; in force on the exchange of ratifications, 27 August 1952; still in force.
    History {
        file: "us-philippines-1951.json",
        agreement: "us-philippines-mutual-defense-treaty",
        checks: &[
            on("1951-09-01", "signed", &[("united-states", false)], &[]),
            on("1952-08-26", "signed", &[("united-states", false), ("philippines", false)], &[]),
            on(
                "1952-08-27",
                "in_force",
                &[("united-states", true), ("philippines", true)],
                &[("united-states", "philippines", true)],
            ),
            on("2024-01-01", "in_force", &[("philippines", true)], &[("philippines", "united-states", true)]),
        ],
    },
    // Signed 27 May 1971 for fifteen years (entry into force known to the year only); the
    // People's Assembly abrogated it on 15 March 1976, which ends a bilateral treaty.
    History {
        file: "soviet-egyptian-1971.json",
        agreement: "soviet-egyptian-treaty",
        checks: &[
            on("1972-01-01", "in_force", &[("egypt", true)], &[("soviet-union", "egypt", true)]),
            on("1976-03-14", "in_force", &[("egypt", true)], &[]),
            on(
                "1976-03-15",
                "terminated",
                &[("egypt", false), ("soviet-union", false)],
                &[("soviet-union", "egypt", false)],
            ),
        ],
    },
    // Signed 18 December 1995, in force 15 July 1996; Indonesia's abrogation is dated 15
    // September 1999 by the Jakarta Post and 16 September by the Australian and the FT: an
    // interval, read on the days around it.
    History {
        file: "australia-indonesia-1995.json",
        agreement: "agreement-on-maintaining-security",
        checks: &[
            on("1996-07-14", "signed", &[("australia", false)], &[]),
            on(
                "1996-07-15",
                "in_force",
                &[("australia", true), ("indonesia", true)],
                &[("australia", "indonesia", true)],
            ),
            on("1999-09-14", "in_force", &[("indonesia", true)], &[]),
            on(
                "1999-09-17",
                "terminated",
                &[("indonesia", false), ("australia", false)],
                &[("australia", "indonesia", false)],
            ),
        ],
    },
    // Signed 11 July 1974 for twenty years (ratified in 1974, day unknown);
    // abrogated by Somalia on 13 November 1977.
    History {
        file: "soviet-somali-1974.json",
        agreement: "soviet-somali-treaty",
        checks: &[
            on("1975-01-01", "in_force", &[("somalia", true)], &[("somalia", "soviet-union", true)]),
            on("1977-11-12", "in_force", &[("somalia", true)], &[]),
            on("1977-11-13", "terminated", &[("somalia", false)], &[("somalia", "soviet-union", false)]),
        ],
    },
    // Signed by Iraq and Turkey on 24 February 1955 (entry into force known to the year);
    // the UK, Pakistan and Iran acceded in 1955; Iraq withdrew on 24 March 1959 and the pact
    // went on as CENTO among the other four until its dissolution on 16 March 1979. COW
    // (Gibler's alliance data) ends this alliance on 24 March 1959 and lists the US as a member
    // from 28 July 1958; here the treaty outlives one party's withdrawal (VCLT Art. 55), and the
    // US, which never acceded, is an observer bound by nothing.
    History {
        file: "baghdad-pact-1955.json",
        agreement: "baghdad-pact",
        checks: &[
            on(
                "1956-01-01",
                "in_force",
                &[("iraq", true), ("turkey", true), ("united-kingdom", true), ("pakistan", true), ("iran", true)],
                &[("iraq", "iran", true)],
            ),
            on("1958-08-01", "in_force", &[("united-states", false)], &[("united-states", "turkey", false)]),
            on("1959-03-23", "in_force", &[("iraq", true)], &[]),
            on(
                "1959-03-24",
                "in_force",
                &[("iraq", false), ("turkey", true), ("pakistan", true)],
                &[("turkey", "iraq", false), ("turkey", "pakistan", true), ("iran", "united-kingdom", true)],
            ),
            on("1979-03-15", "in_force", &[("iran", true)], &[]),
            on("1979-03-16", "terminated", &[("iran", false), ("turkey", false)], &[("turkey", "pakistan", false)]),
        ],
    },
];

fn fixture(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/histories").join(file)
}

fn load(path: &std::path::Path) -> Result<Dossier> {
    Ok(Dossier::from_reader(std::fs::File::open(path)?)?)
}

#[test]
fn sourced_histories_read_as_their_sources_say() -> Result {
    let mut checked = 0;
    for h in HISTORIES {
        let dossier = load(&fixture(h.file))?;
        let report = dossier.validate();
        assert!(report.is_empty(), "{}:\n{report}", h.file);
        assert!(dossier.sources.iter().all(|s| s.url.is_some()), "{}: a source without its URL", h.file);
        let agreement = dossier.agreement(h.agreement).ok_or_else(|| format!("{}: no {}", h.file, h.agreement))?;
        let life = agreement.lifecycle();
        for c in h.checks {
            let day: NaiveDate = c.on.parse()?;
            let status = serde_json::to_value(life.status_on(day))?;
            assert_eq!(status.as_str(), Some(c.status), "{} on {}", h.agreement, c.on);
            for (actor, bound) in c.bound {
                assert_eq!(life.is_bound(&ActorId::new(*actor)?, day), *bound, "{}: {actor} on {}", h.agreement, c.on);
                checked += 1;
            }
            for (a, b, bound) in c.toward {
                let (a_id, b_id) = (ActorId::new(*a)?, ActorId::new(*b)?);
                assert_eq!(
                    life.is_bound_toward(&a_id, &b_id, day),
                    *bound,
                    "{}: {a} toward {b} on {}",
                    h.agreement,
                    c.on
                );
                checked += 1;
            }
        }
    }
    assert!(HISTORIES.len() >= 10);
    assert!(checked > 100, "only {checked} readings checked");
    Ok(())
}

#[test]
fn the_new_typed_homes_are_filled_in_the_histories() -> Result {
    let roc = load(&fixture("us-roc-1954.json"))?;
    let notice = roc.agreements[0].actions.iter().find(|a| a.party.is_some()).ok_or("no notice")?;
    assert_eq!(notice.performed_by.as_ref().map(|p| p.as_str()), Some("christopher"));
    assert_eq!(notice.organ.as_ref().map(|o| o.as_str()), Some("us-department-of-state"));
    let weu = load(&fixture("brussels-treaty-1948.json"))?;
    let seat = weu.actors.iter().find_map(|a| a.seat.as_ref()).ok_or("no seat")?;
    assert_eq!(seat.name, "Brussels");
    let observer = weu.agreements[0].parties.iter().find(|p| p.actor.as_str() == "austria").ok_or("no Austria")?;
    assert_eq!(observer.from.map(|d| d.to_string()).as_deref(), Some("1995"));
    assert_eq!(serde_json::to_value(weu.agreements[0].form)?, "treaty");
    // The references walk sees the performer and the organ.
    let refs: Vec<String> = roc.references().into_iter().map(|r| r.path).collect();
    assert!(refs.iter().any(|p| p.ends_with("/actions/2/performed_by")), "{refs:?}");
    assert!(refs.iter().any(|p| p.ends_with("/actions/2/organ")), "{refs:?}");
    Ok(())
}

/// The last year the day-by-day comparison runs to (and the tables' `through`).
const THROUGH: i32 = 2026;

/// Whether `day` is in a spell from `start` to `end` (inclusive; open when `None`).
fn within(day: NaiveDate, start: NaiveDate, end: Option<NaiveDate>) -> bool {
    start <= day && end.is_none_or(|e| day <= e)
}

#[test]
fn views_and_tables_agree_on_every_day_of_every_history() -> Result {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/histories");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.retain(|p| p.extension().is_some_and(|x| x == "json"));
    files.sort();
    assert!(files.len() >= 13, "{files:?}");
    let mut days_checked = 0u64;
    for path in &files {
        // A dossier whose actors continue one another reads through the dossier's own views
        // (which follow a party's place to the state continuing it), not one agreement's:
        // those are compared where successions are read.
        let raw: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path)?)?;
        let actors = raw.get("actors").and_then(|a| a.as_array()).map_or(&[][..], |a| &a[..]);
        if actors.iter().any(|a| a.get("succession").is_some()) {
            continue;
        }
        let dossier = load(path)?;
        let tables = Tables::from_dossier(&dossier, &Options::through(THROUGH));
        for agreement in &dossier.agreements {
            let id = agreement.id.as_str();
            let life = agreement.lifecycle();
            let mut seen = HashSet::new();
            let parties: Vec<&ActorId> = agreement.party_actors().filter(|a| seen.insert(a.as_str())).collect();
            let first = agreement.actions.iter().filter_map(|a| a.date.earliest()).min().ok_or("no dated act")?;
            let start = NaiveDate::from_ymd_opt(first.year() - 1, 1, 1).ok_or("date")?;
            // An agreement that ended is compared to two years past its last act or the end of
            // its fixed term (Dunkirk's fifty years ran out with no act); one still in force to
            // the tables' last year.
            let last_act =
                agreement.actions.iter().filter_map(|a| a.effective_date().latest()).max().ok_or("no dated act")?;
            let last = life.timeline().iter().map(|s| s.day).max().map_or(last_act, |t| t.max(last_act));
            let to =
                if life.status() == AgreementStatus::Terminated { (last.year() + 2).min(THROUGH) } else { THROUGH };
            let end = NaiveDate::from_ymd_opt(to, 12, 31).ok_or("date")?;
            let members = |actor: &str| -> Vec<(NaiveDate, Option<NaiveDate>)> {
                tables
                    .members
                    .iter()
                    .filter(|m| m.agreement_id == id && m.actor_id == actor)
                    .map(|m| (m.start, m.end))
                    .collect()
            };
            let spells: Vec<_> = parties.iter().map(|p| members(p.as_str())).collect();
            // An agreement's own views know nothing of a party's end as a state, which the
            // dossier records on the actor: each party is compared up to its dissolution.
            let ends: Vec<Option<NaiveDate>> = parties
                .iter()
                .map(|p| dossier.actor(p.as_str()).and_then(|a| a.dissolved.as_ref()).and_then(|d| d.earliest()))
                .collect();
            let compared = |i: usize, day: NaiveDate| ends.get(i).copied().flatten().is_none_or(|end| day < end);
            let last_year = |i: usize| ends.get(i).copied().flatten().map_or(i32::MAX, |end| end.year());
            let pairs: Vec<Vec<(NaiveDate, Option<NaiveDate>)>> = parties
                .iter()
                .flat_map(|a| parties.iter().map(move |b| (a, b)))
                .map(|(a, b)| {
                    tables
                        .directed_dyad_intervals
                        .iter()
                        .filter(|r| r.agreement_id == id && r.actor1 == a.as_str() && r.actor2 == b.as_str())
                        .map(|r| (r.start, r.end))
                        .collect()
                })
                .collect();
            // Years with at least one bound day, from the views, against the year tables.
            let mut bound_years: HashSet<(usize, i32)> = HashSet::new();
            let mut pair_years: HashSet<(usize, usize, i32)> = HashSet::new();
            let mut day = start;
            while day <= end {
                for (i, p) in parties.iter().enumerate() {
                    if !compared(i, day) {
                        continue;
                    }
                    let viewed = life.is_bound(p, day);
                    let tabled = spells[i].iter().any(|&(s, e)| within(day, s, e));
                    assert_eq!(
                        viewed,
                        tabled,
                        "{}: {p} on {day}: views {viewed}, members table {tabled}",
                        path.display()
                    );
                    if viewed {
                        bound_years.insert((i, day.year()));
                    }
                    for (j, q) in parties.iter().enumerate() {
                        if !compared(j, day) {
                            continue;
                        }
                        let viewed = life.is_bound_toward(p, q, day);
                        let tabled = pairs[i * parties.len() + j].iter().any(|&(s, e)| within(day, s, e));
                        assert_eq!(viewed, tabled, "{}: {p} toward {q} on {day}", path.display());
                        if viewed {
                            pair_years.insert((i, j, day.year()));
                        }
                    }
                }
                days_checked += 1;
                day = day.succ_opt().ok_or("overflow")?;
            }
            // One agreement per history dossier: its state-years are the views' bound years.
            if dossier.agreements.len() == 1 {
                let tabled: HashSet<(usize, i32)> = tables
                    .state_years
                    .iter()
                    .filter_map(|r| parties.iter().position(|p| p.as_str() == r.actor_id).map(|i| (i, r.year)))
                    .filter(|&(i, year)| year <= last_year(i))
                    .collect();
                assert_eq!(tabled, bound_years, "{}: state-years", path.display());
            }
            let tabled: HashSet<(usize, usize, i32)> = tables
                .directed_dyad_years
                .iter()
                .filter(|r| r.agreement_id == id)
                .filter_map(|r| {
                    let i = parties.iter().position(|p| p.as_str() == r.actor1)?;
                    let j = parties.iter().position(|p| p.as_str() == r.actor2)?;
                    Some((i, j, r.year))
                })
                .filter(|&(i, j, year)| year <= last_year(i).min(last_year(j)))
                .collect();
            assert_eq!(tabled, pair_years, "{}: directed dyad-years", path.display());
        }
    }
    assert!(days_checked > 150_000, "{days_checked}");
    Ok(())
}
