//! Real treaty histories, sourced in their dossiers, read through the lifecycle views: the
//! status, who is bound and who is bound toward whom on dates where the record says what the
//! answer must be. The dossiers cite every fact; the constructed case says it is constructed.

use std::error::Error;
use std::path::PathBuf;

use chrono::NaiveDate;
use defense_agreements::Dossier;
use defense_agreements::ids::ActorId;

type Result<T = ()> = std::result::Result<T, Box<dyn Error>>;

/// What must hold on one day.
struct Check {
    on: &'static str,
    status: &'static str,
    /// Actor, bound?
    bound: &'static [(&'static str, bool)],
    /// A, B, is A bound toward B?
    toward: &'static [(&'static str, &'static str, bool)],
}

struct History {
    file: &'static str,
    agreement: &'static str,
    checks: &'static [Check],
}

const HISTORIES: &[History] = &[
    // Greece and Turkey acceded under the London protocol of 1951 on 18 February 1952; the
    // Federal Republic of Germany under the Paris protocol of 1954 on 6 May 1955. France left
    // NATO's integrated command in 1966 (a statement in the dossier), not the treaty.
    History {
        file: "examples/data/north-atlantic-treaty-1949.json",
        agreement: "north-atlantic-treaty",
        checks: &[
            Check { on: "1949-06-01", status: "signed", bound: &[("france", false)], toward: &[] },
            Check {
                on: "1950-01-01",
                status: "in_force",
                bound: &[("france", true), ("greece", false), ("us-government", false)],
                toward: &[("united-states", "greece", false), ("united-states", "france", true)],
            },
            Check { on: "1952-02-17", status: "in_force", bound: &[("greece", false), ("turkey", false)], toward: &[] },
            Check {
                on: "1952-02-18",
                status: "in_force",
                bound: &[("greece", true), ("turkey", true)],
                toward: &[("greece", "turkey", true), ("united-states", "greece", true)],
            },
            Check { on: "1955-05-05", status: "in_force", bound: &[("west-germany", false)], toward: &[] },
            Check {
                on: "1955-05-06",
                status: "in_force",
                bound: &[("west-germany", true)],
                toward: &[("west-germany", "france", true)],
            },
            Check {
                on: "1967-01-01",
                status: "in_force",
                bound: &[("france", true)],
                toward: &[("france", "united-states", true), ("turkey", "france", true)],
            },
        ],
    },
    // Uzbekistan signed in 1992, let its membership lapse when the treaty's first term ended in
    // 1999, returned in 2006 and had its membership suspended in December 2012.
    History {
        file: "examples/data/collective-security-treaty-1992.json",
        agreement: "collective-security-treaty",
        checks: &[
            Check { on: "1993-01-01", status: "signed", bound: &[("uzbekistan", false)], toward: &[] },
            Check {
                on: "1994-04-20",
                status: "in_force",
                bound: &[("uzbekistan", true), ("azerbaijan", true), ("belarus", true)],
                toward: &[("russia", "uzbekistan", true)],
            },
            Check { on: "1999-04-19", status: "in_force", bound: &[("uzbekistan", true)], toward: &[] },
            Check {
                on: "1999-04-20",
                status: "in_force",
                bound: &[("uzbekistan", false), ("azerbaijan", false), ("georgia", false), ("russia", true)],
                toward: &[("russia", "uzbekistan", false), ("russia", "armenia", true)],
            },
            Check {
                on: "2006-06-23",
                status: "in_force",
                bound: &[("uzbekistan", true), ("georgia", false)],
                toward: &[("uzbekistan", "russia", true)],
            },
            Check { on: "2012-07-01", status: "in_force", bound: &[("uzbekistan", true)], toward: &[] },
            Check {
                on: "2012-12-19",
                status: "in_force",
                bound: &[("uzbekistan", false), ("kazakhstan", true)],
                toward: &[("kazakhstan", "uzbekistan", false), ("kazakhstan", "russia", true)],
            },
        ],
    },
    // Mexico gave notice in September 2002 and ceased to be bound two years later (Art. 25);
    // Bolivia, Nicaragua and Venezuela denounced in 2012, Ecuador in February 2014.
    History {
        file: "tests/fixtures/histories/rio-treaty-1947.json",
        agreement: "rio-treaty",
        checks: &[
            Check { on: "1948-12-02", status: "signed", bound: &[("mexico", false)], toward: &[] },
            Check { on: "1948-12-03", status: "in_force", bound: &[("mexico", true), ("ecuador", false)], toward: &[] },
            Check { on: "1950-01-01", status: "in_force", bound: &[("ecuador", true)], toward: &[] },
            Check {
                on: "2004-01-01",
                status: "in_force",
                bound: &[("mexico", true)],
                toward: &[("united-states", "mexico", true)],
            },
            Check {
                on: "2004-10-01",
                status: "in_force",
                bound: &[("mexico", false)],
                toward: &[("united-states", "mexico", false), ("united-states", "brazil", true)],
            },
            Check {
                on: "2012-07-01",
                status: "in_force",
                bound: &[("bolivia", true), ("venezuela", true), ("nicaragua", true)],
                toward: &[],
            },
            Check {
                on: "2015-01-01",
                status: "in_force",
                bound: &[("bolivia", false), ("venezuela", false), ("nicaragua", false), ("ecuador", true)],
                toward: &[("brazil", "venezuela", false)],
            },
            Check {
                on: "2016-03-01",
                status: "in_force",
                bound: &[("ecuador", false), ("bahamas", true)],
                toward: &[("united-states", "brazil", true)],
            },
        ],
    },
    // A bilateral treaty of twenty years, renewed automatically for successive five-year periods
    // (renewed in 1991 by agreement for twenty years instead).
    History {
        file: "tests/fixtures/histories/indo-soviet-1971.json",
        agreement: "indo-soviet-treaty",
        checks: &[
            Check {
                on: "1971-09-01",
                status: "in_force",
                bound: &[("india", true)],
                toward: &[("india", "soviet-union", true)],
            },
            Check {
                on: "1991-09-01",
                status: "in_force",
                bound: &[("india", true), ("soviet-union", true)],
                toward: &[("soviet-union", "india", true)],
            },
        ],
    },
    // Constructed (no real case recorded): Alpha suspends its obligations toward Beta only.
    History {
        file: "tests/fixtures/histories/constructed-pair-suspension.json",
        agreement: "tripartite-pact",
        checks: &[
            Check {
                on: "2006-01-01",
                status: "in_force",
                bound: &[("alpha", true), ("beta", true), ("gamma", true)],
                toward: &[
                    ("alpha", "beta", false),
                    // Directed: Alpha suspended its own obligations; Beta did not suspend its own.
                    ("beta", "alpha", true),
                    ("alpha", "gamma", true),
                    ("gamma", "beta", true),
                ],
            },
            Check { on: "2007-01-01", status: "in_force", bound: &[], toward: &[("alpha", "beta", true)] },
        ],
    },
];

#[test]
fn real_histories_read_right() -> Result {
    let mut checked = 0;
    for h in HISTORIES {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(h.file);
        let dossier = Dossier::from_reader(std::fs::File::open(&path)?)?;
        let report = dossier.validate();
        assert!(report.is_empty(), "{}:\n{report}", h.file);
        let agreement = dossier.agreement(h.agreement).ok_or_else(|| format!("{}: no {}", h.file, h.agreement))?;
        assert!(!agreement.citations.is_empty() || !dossier.sources.is_empty(), "{}: no sources", h.file);
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
    assert!(checked > 60, "only {checked} readings checked");
    Ok(())
}

#[test]
fn binding_intervals_name_the_acts_that_open_and_close_them() -> Result {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data/collective-security-treaty-1992.json");
    let dossier = Dossier::from_reader(std::fs::File::open(&path)?)?;
    let cst = dossier.agreement("collective-security-treaty").ok_or("no treaty")?;
    let spans = cst.binding_intervals(&ActorId::new("uzbekistan")?);
    let kinds = |i: Option<usize>| i.and_then(|i| cst.actions.get(i)).map(|a| a.kind.as_str());
    // One line per span: start, opening act, end, closing act.
    let read: Vec<String> = spans
        .iter()
        .map(|s| {
            let end = s.end.map_or_else(|| "..".to_string(), |e| e.to_string());
            format!("{} {:?} {end} {:?}", s.start, kinds(Some(s.opened_by)), kinds(s.closed_by))
        })
        .collect();
    assert_eq!(
        read,
        [
            r#"1994-04-20 Some("entry_into_force") 1999-04-20 Some("withdrawal")"#,
            r#"2006-06-23 Some("accession") 2012-12-19 Some("suspension")"#,
        ]
    );
    let first = cst.first_bound(&ActorId::new("west-germany")?);
    assert!(first.is_none(), "not a party of this treaty");
    Ok(())
}
