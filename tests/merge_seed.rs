//! The seed dossier combines two reports: the main report and the Associated Press's, which
//! names a different Syrian signer. Split into two dossiers and merged back, they give the
//! seed's facts, with both Syrian signers kept, each with its own source.

use std::collections::BTreeSet;
use std::error::Error;
use std::path::PathBuf;

use defense_agreements::Dossier;
use defense_agreements::identity::Resolver;
use defense_agreements::merge::{MatchedBy, merge};
use serde_json::Value;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data").join(name)
}

fn load(name: &str) -> Result<Dossier, Box<dyn Error>> {
    Ok(Dossier::from_reader(std::fs::File::open(data(name))?)?)
}

fn resolver(name: &str) -> Result<Resolver, Box<dyn Error>> {
    Ok(Resolver::from_json(&std::fs::read_to_string(data(name))?)?)
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array().into_iter().flatten().filter_map(|r| r["id"].as_str().map(str::to_owned)).collect()
}

fn sources(citations: &Value) -> BTreeSet<String> {
    citations.as_array().into_iter().flatten().filter_map(|c| c["source"].as_str().map(str::to_owned)).collect()
}

#[test]
fn both_reports_validate_on_their_own() -> Result<(), Box<dyn Error>> {
    for name in ["merge/iran-syria-2020-report.json", "merge/iran-syria-2020-ap.json"] {
        let d = load(name)?;
        assert!(d.validate().issues().is_empty(), "{name}: {}", d.validate());
    }
    Ok(())
}

#[test]
fn the_two_reports_merge_into_the_seed() -> Result<(), Box<dyn Error>> {
    let seed = serde_json::to_value(load("iran-syria-2020.json")?)?;
    let report = load("merge/iran-syria-2020-report.json")?;
    let ap = load("merge/iran-syria-2020-ap.json")?;
    let merged = merge(&report, &ap, &resolver("merge/iran-syria-2020.resolver.json")?)?;
    assert!(merged.dossier.validate().issues().is_empty(), "{}", merged.dossier.validate());
    let out = serde_json::to_value(&merged.dossier)?;

    // What the merge did: the two states by their identifiers, the agreement by the judgement.
    let how: Vec<(String, String)> =
        merged.report.merged.iter().map(|m| (m.from.to_string(), m.by.to_string())).collect();
    assert_eq!(how.len(), 3, "{}", merged.report);
    assert!(matches!(merged.report.merged[0].by, MatchedBy::Identifier { .. }));
    assert_eq!(merged.report.merged[2].by, MatchedBy::Resolver);
    assert!(merged.report.renamed.is_empty() && merged.report.conflicts.is_empty(), "{}", merged.report);

    // The same records, in the same order, as the seed.
    for list in ["actors", "people", "agreements", "troop_presences", "supports", "statements", "sources"] {
        assert_eq!(ids(&out[list]), ids(&seed[list]), "{list}");
    }
    // Every record but the agreement both reports tell of is the seed's, field for field.
    for list in ["actors", "people", "troop_presences", "supports", "statements", "sources"] {
        assert_eq!(out[list], seed[list], "{list}");
    }
    let (agreement, expected) = (&out["agreements"][0], &seed["agreements"][0]);
    for field in ["id", "title", "other_titles", "kind", "actions", "signatures", "cooperation"] {
        assert_eq!(agreement[field], expected[field], "agreement {field}");
    }
    assert_eq!(out["agreements"][1], seed["agreements"][1], "the Astana understandings");

    // Both Syrian signers are kept, each with only its own source.
    let syrian: Vec<(&str, BTreeSet<String>)> = agreement["signatures"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|s| s["party"] == "syria")
        .map(|s| (s["signer"].as_str().unwrap_or(""), sources(&s["citations"])))
        .collect();
    let only = |s: &str| BTreeSet::from([s.to_owned()]);
    assert_eq!(syrian, [("ayyoub", only("report")), ("assad", only("ap-2020-07-10"))]);

    // The agreement as a whole is reported by both; its parties rested on the main report's
    // citations and now name both sources, each with its own words.
    let both = BTreeSet::from(["report".to_owned(), "ap-2020-07-10".to_owned()]);
    assert_eq!(sources(&agreement["citations"]), both);
    for party in agreement["parties"].as_array().into_iter().flatten() {
        assert_eq!(sources(&party["citations"]), both, "{party}");
    }
    let actors: Vec<&Value> = agreement["parties"].as_array().into_iter().flatten().map(|p| &p["actor"]).collect();
    assert_eq!(actors, ["iran", "syria"]);
    Ok(())
}

#[test]
fn without_the_judgement_the_agreements_stay_apart() -> Result<(), Box<dyn Error>> {
    let report = load("merge/iran-syria-2020-report.json")?;
    let ap = load("merge/iran-syria-2020-ap.json")?;
    let merged = merge(&report, &ap, &Resolver::new())?;
    // Same id, different content, no shared identifier: two records, the second renamed.
    let agreements: Vec<&str> = merged.dossier.agreements.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(agreements, ["iran-syria-2020", "astana-understandings", "iran-syria-2020:iran-syria-2020-ap"]);
    assert_eq!(merged.report.renamed.len(), 1, "{}", merged.report);
    assert!(merged.dossier.validate().issues().iter().all(|i| i.severity != defense_agreements::Severity::Error));
    Ok(())
}
