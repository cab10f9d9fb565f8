//! The answers `dossier query` prints (`answers::write_answers`) and the dossier views they
//! rest on, on real histories: which agreements bind a state that continues another (or
//! dissolved), where acts took place, what the actor pledges, and facts counted once however
//! many records report them.
//!
//! Histories (`tests/fixtures/histories/`, each citing its sources):
//! - the Treaty of Windsor, 1386: England, then Great Britain (1707), then the United Kingdom
//!   (1801) hold England's place (https://iiab.me/kiwix/content/wikipedia_en_all_maxi_2023-10/A/Treaty_of_Windsor_1386,
//!   http://www.scatoday.net/node/6258);
//! - the Soviet–North Korean treaty of 1961, continued by the Russian Federation and denounced in
//!   1995 (https://jamestown.org/?p=50835,
//!   https://assets.documentcloud.org/documents/3005971/1961-Treaty-of-Friendship-Cooperation-and-Mutual.txt);
//! - the Biological Weapons Convention and Yugoslavia: the SFRY dissolved in 1992, Serbia
//!   continues the FRY from 2006.

use std::path::PathBuf;

use chrono::NaiveDate;
use defense_agreements::Dossier;
use defense_agreements::answers::{Questions, write_answers};
use defense_agreements::ids::ActorId;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

fn history(file: &str) -> Result<Dossier> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/histories").join(file);
    Ok(Dossier::from_reader(std::fs::File::open(&path)?)?)
}

fn binding(d: &Dossier, actor: &str, day: &str) -> Result<Vec<String>> {
    let day: NaiveDate = day.parse()?;
    Ok(d.agreements_binding(actor, day).map(|a| a.id.to_string()).collect())
}

fn answers(d: &Dossier, actor: &str, on: Option<&str>) -> Result<String> {
    let mut q = Questions::new(ActorId::new(actor)?, "SYR".parse()?);
    if let Some(on) = on {
        q = q.with_on(on.parse::<NaiveDate>()?);
    }
    let mut out = Vec::new();
    write_answers(&mut out, std::slice::from_ref(d), &q)?;
    Ok(String::from_utf8(out)?)
}

/// The lines of one section, by the start of its title.
fn section(text: &str, title: &str) -> Vec<String> {
    text.split("\n# ")
        .find(|s| s.trim_start_matches("# ").starts_with(title))
        .map_or_else(Vec::new, |s| s.lines().skip(1).filter(|l| !l.is_empty()).map(String::from).collect())
}

#[test]
fn the_windsor_alliance_binds_whoever_holds_englands_place() -> Result {
    let d = history("treaty-of-windsor-1386.json")?;
    let windsor = ["treaty-of-windsor".to_owned()];
    assert_eq!(binding(&d, "england", "1500-01-01")?, windsor);
    // England dissolved in 1707: it was bound in 2025 before the dossier views followed succession.
    assert!(binding(&d, "england", "1750-01-01")?.is_empty());
    assert!(binding(&d, "england", "2025-01-01")?.is_empty());
    assert_eq!(binding(&d, "great-britain", "1750-01-01")?, windsor);
    assert!(binding(&d, "great-britain", "1850-01-01")?.is_empty());
    assert!(binding(&d, "united-kingdom", "1750-01-01")?.is_empty());
    assert_eq!(binding(&d, "united-kingdom", "2025-01-01")?, windsor);
    assert_eq!(binding(&d, "portugal", "2025-01-01")?, windsor);
    assert_eq!(d.agreements_of("united-kingdom").count(), 1, "a party by continuity");

    let text = answers(&d, "united-kingdom", Some("2025-01-01"))?;
    assert_eq!(
        section(&text, "Agreements binding united-kingdom (2025-01-01)"),
        [
            "treaty-of-windsor\tin_force\tTreaty of peace, friendship and confederation between John I of Portugal and Richard II, King of England"
        ]
    );
    assert_eq!(
        section(&text, "Lifecycle of united-kingdom (2025-01-01)"),
        [
            "treaty-of-windsor\tunited-kingdom\tbound",
            "treaty-of-windsor\tbound 1801-01-01/..\tsuccession → still bound",
            "treaty-of-windsor\t1386-05-09\tsignature\tsigned",
            "treaty-of-windsor\t1386-05-09/1387-02-24\tentry_into_force\tin_force",
        ]
    );
    assert_eq!(
        section(&text, "Obligations of united-kingdom"),
        [
            "treaty-of-windsor\tdefense\tevery party → every party\tunconditional\t[theportolife-windsor, wikipedia-windsor]"
        ]
    );
    assert_eq!(
        section(&text, "Places"),
        ["treaty-of-windsor\tsignature\t1386-05-09\tWindsor\t[macua-windsor, scatoday-windsor]"]
    );
    let england = answers(&d, "england", Some("1750-01-01"))?;
    assert!(section(&england, "Agreements binding england").is_empty(), "{england}");
    assert!(section(&england, "Obligations of england").is_empty(), "{england}");
    assert_eq!(
        section(&england, "Lifecycle of england").get(..2),
        Some(
            &[
                "treaty-of-windsor\tengland\tdissolved".to_owned(),
                "treaty-of-windsor\tbound 1386-05-09/1387-02-24/1707-05-01\tentry_into_force → succession".to_owned()
            ][..]
        )
    );
    Ok(())
}

#[test]
fn russia_holds_the_soviet_place_until_it_denounces_the_treaty() -> Result {
    let d = history("soviet-dprk-1961.json")?;
    let treaty = ["soviet-dprk-treaty".to_owned()];
    assert_eq!(binding(&d, "soviet-union", "1985-01-01")?, treaty);
    assert!(binding(&d, "soviet-union", "1994-01-01")?.is_empty());
    assert!(binding(&d, "russia", "1985-01-01")?.is_empty());
    assert_eq!(binding(&d, "russia", "1994-01-01")?, treaty);
    assert!(binding(&d, "russia", "2000-01-01")?.is_empty());
    let text = answers(&d, "russia", Some("1994-01-01"))?;
    assert_eq!(
        section(&text, "Lifecycle of russia").get(..2),
        Some(
            &[
                "soviet-dprk-treaty\trussia\tbound".to_owned(),
                "soviet-dprk-treaty\tbound 1991-12-26/1996-09-10\tsuccession → denunciation by russia".to_owned()
            ][..]
        )
    );
    Ok(())
}

#[test]
fn serbia_is_bound_by_the_convention_only_once_it_continues_the_fry() -> Result {
    let d = history("bwc-yugoslavia-1972.json")?;
    let bwc = ["bwc".to_owned()];
    assert_eq!(binding(&d, "sfry", "1990-01-01")?, bwc);
    assert!(binding(&d, "sfry", "2000-01-01")?.is_empty(), "dissolved in 1992");
    assert_eq!(binding(&d, "fry", "2000-01-01")?, bwc);
    assert!(binding(&d, "fry", "2010-01-01")?.is_empty());
    assert!(binding(&d, "serbia", "2000-01-01")?.is_empty());
    assert_eq!(binding(&d, "serbia", "2010-01-01")?, bwc);
    Ok(())
}

/// Without a day the binding section lists what binds the actor in the state the record leads
/// to, not every agreement it is a party to: an agreement still only signed binds no one.
#[test]
fn without_a_day_only_what_binds_in_the_latest_state_is_listed() -> Result {
    let manila = Dossier::from_json(include_str!("../examples/data/manila-pact-1954.json"))?;
    assert!(section(&answers(&manila, "pakistan", None)?, "Agreements binding pakistan (latest)").is_empty());
    // The organization was wound up in 1977; the treaty stays in force.
    let thailand = answers(&manila, "thailand", None)?;
    assert_eq!(section(&thailand, "Agreements binding thailand (latest)").len(), 1, "{thailand}");
    let nato = Dossier::from_json(include_str!("../examples/data/north-atlantic-treaty-1949.json"))?;
    let text = answers(&nato, "united-states", None)?;
    assert_eq!(section(&text, "Agreements binding united-states (latest)").len(), 1, "{text}");
    let seed = Dossier::from_json(include_str!("../examples/data/iran-syria-2020.json"))?;
    let text = answers(&seed, "iran", None)?;
    assert!(section(&text, "Agreements binding iran (latest)").is_empty(), "signed, never in force: {text}");
    assert_eq!(section(&text, "Status (latest)").first().map(String::as_str), Some("iran-syria-2020\tsigned"));
    Ok(())
}

/// The seed's Syrian signer: the report names Ayyoub, AP Assad. One fact, "who signed for
/// Syria", with two sources: not listed as two facts resting on one source each. When one
/// source gives both versions, the fact rests on that source alone, and is listed once.
#[test]
fn a_disputed_fact_is_one_fact_with_all_its_sources() -> Result {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/iran-syria-2020.json"))?;
    let seed = Dossier::from_json(&text)?;
    let single = section(&answers(&seed, "syria", None)?, "Facts resting on a single source");
    assert!(!single.iter().any(|l| l.contains("for syria")), "{single:#?}");
    assert!(single.contains(&"iran-syria-2020\tsignature of iran-syria-2020 by bagheri for iran\t[report]".to_owned()));

    let mut one_source: serde_json::Value = serde_json::from_str(&text)?;
    one_source["agreements"][0]["signatures"][2]["citations"][0]["source"] = "report".into();
    let one_source = Dossier::from_json(&one_source.to_string())?;
    let single = section(&answers(&one_source, "syria", None)?, "Facts resting on a single source");
    let syria: Vec<&String> = single.iter().filter(|l| l.contains("for syria")).collect();
    assert_eq!(
        syria,
        [
            "iran-syria-2020\tsignature of iran-syria-2020 by ayyoub for syria (one fact in dispute syrian-signer)\t[report]"
        ]
    );
    Ok(())
}
