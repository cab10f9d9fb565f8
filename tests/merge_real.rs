//! Real pairs of reports, merged.
//!
//! The seed dossier combines two reports: the main report and the Associated Press's, which
//! names a different Syrian signer. Split into two dossiers and merged back, they give the
//! seed's facts, with both Syrian signers kept, each with its own source.
//!
//! The Russia–North Korea treaty of 2024, from AFP's report of the signing and Interfax's of the
//! entry into force, merges into one agreement with its whole lifecycle.

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

fn sorted_signatures(list: &Value) -> Vec<String> {
    let mut out: Vec<String> = list.as_array().into_iter().flatten().map(Value::to_string).collect();
    out.sort();
    out
}

fn sources(citations: &Value) -> BTreeSet<String> {
    citations.as_array().into_iter().flatten().filter_map(|c| c["source"].as_str().map(str::to_owned)).collect()
}

#[test]
fn both_reports_validate_on_their_own() -> Result<(), Box<dyn Error>> {
    for name in ["merge/iran-syria-2020-report.json", "merge/iran-syria-2020-ap.json"] {
        let d = load(name)?;
        // AP tells of the signing on Friday 10 July without dating it: `../2020-07-10`.
        let codes: Vec<String> = d.validate().issues().iter().map(|i| i.code.to_string()).collect();
        let expected: &[&str] = if name.ends_with("ap.json") { &["act_date_not_stated"] } else { &[] };
        assert_eq!(codes, expected, "{name}: {}", d.validate());
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

    // The same records as the seed (in the canonical order of the inputs: AP's id sorts first).
    let sorted = |v: &Value| {
        let mut list = v.as_array().cloned().unwrap_or_default();
        list.sort_by_key(|r| r["id"].as_str().unwrap_or("").to_owned());
        Value::Array(list)
    };
    for list in ["actors", "people", "agreements", "troop_presences", "supports", "statements", "sources"] {
        let (mut a, mut b) = (ids(&out[list]), ids(&seed[list]));
        a.sort();
        b.sort();
        assert_eq!(a, b, "{list}");
    }
    // Every record but the agreement both reports tell of is the seed's, field for field.
    for list in ["actors", "people", "troop_presences", "supports", "statements", "sources"] {
        assert_eq!(sorted(&out[list]), sorted(&seed[list]), "{list}");
    }
    let out = {
        let mut out = out.clone();
        out["agreements"] = sorted(&out["agreements"]);
        out
    };
    let seed = {
        let mut seed = seed.clone();
        seed["agreements"] = sorted(&seed["agreements"]);
        seed
    };
    // The reports disagree on who signed for Syria: the merge makes that a dispute. Its id and
    // question are derived from the agreement and the party; the seed's were written by an
    // editor ("syrian-signer", naming the defense minister and the president), so the two
    // compare up to that wording.
    assert_eq!(merged.report.disputes.len(), 1, "{}", merged.report);
    let made = &merged.report.disputes[0];
    assert_eq!((made.id.as_str(), made.path.as_str()), ("iran-syria-2020.signer.syria", "/signatures"));
    assert_eq!(made.sources, ["ap-2020-07-10", "report"]);
    let disputes = out["disputes"].as_array().cloned().unwrap_or_default();
    let seed_disputes = seed["disputes"].as_array().cloned().unwrap_or_default();
    assert_eq!((disputes.len(), seed_disputes.len()), (1, 1));
    assert_eq!(disputes[0]["id"], made.id.as_str());
    assert_eq!(disputes[0]["question"], "Who signed agreement iran-syria-2020 for syria, and when?");
    let mut out = out.clone();
    let agreements = out["agreements"].as_array_mut().into_iter().flatten();
    for s in agreements.flat_map(|a| a.get_mut("signatures").and_then(Value::as_array_mut).into_iter().flatten()) {
        if s["dispute"] == made.id.as_str() {
            s["dispute"] = seed_disputes[0]["id"].clone();
        }
    }
    let (agreement, expected) = (&out["agreements"][1], &seed["agreements"][1]);
    for field in ["id", "kind", "cooperation"] {
        assert_eq!(agreement[field], expected[field], "agreement {field}");
    }
    // AP's undated signing is the report's signing of 8 July: one act, citing both.
    let acts = |a: &Value| -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = a["actions"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|x| (x["type"].to_string(), x["date"].to_string()))
            .collect();
        out.sort();
        out
    };
    assert_eq!(acts(agreement), acts(expected));
    let signing = agreement["actions"].as_array().into_iter().flatten().find(|a| a["type"] == "signature");
    assert_eq!(
        signing.map(|a| sources(&a["citations"])),
        Some(BTreeSet::from(["ap-2020-07-10".to_owned(), "report".to_owned()]))
    );
    assert_eq!(sorted_signatures(&agreement["signatures"]), sorted_signatures(&expected["signatures"]));
    // AP's words for the agreement (shown: AP's id sorts first) and the report's are both
    // titles: one shown, the other one more other title.
    let titles = |a: &Value| -> BTreeSet<String> {
        let others = a["other_titles"].as_array().into_iter().flatten().filter_map(|t| t["name"].as_str());
        others.chain(a["title"].as_str()).map(str::to_owned).collect()
    };
    let mut expected_titles = titles(expected);
    expected_titles.insert("Military cooperation agreement between Iran and Syria".into());
    assert_eq!(titles(agreement), expected_titles);
    assert_eq!(merged.report.names.len(), 1, "{}", merged.report);
    assert_eq!(out["agreements"][0], seed["agreements"][0], "the Astana understandings");

    // Both Syrian signers are kept, each with only its own source.
    let syrian: Vec<(&str, BTreeSet<String>)> = agreement["signatures"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|s| s["party"] == "syria")
        .map(|s| (s["signer"].as_str().unwrap_or(""), sources(&s["citations"])))
        .collect();
    let only = |s: &str| BTreeSet::from([s.to_owned()]);
    assert_eq!(syrian, [("assad", only("ap-2020-07-10")), ("ayyoub", only("report"))]);

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
    assert_eq!(agreements, ["iran-syria-2020", "iran-syria-2020:iran-syria-2020-report", "astana-understandings"]);
    assert_eq!(merged.report.renamed.len(), 1, "{}", merged.report);
    assert!(merged.dossier.validate().issues().iter().all(|i| i.severity != defense_agreements::Severity::Error));
    Ok(())
}

#[test]
fn the_signing_and_the_entry_into_force_merge_into_one_treaty() -> Result<(), Box<dyn Error>> {
    let afp = load("merge/russia-dprk-2024-afp.json")?;
    let interfax = load("merge/russia-dprk-2024-interfax.json")?;
    for d in [&afp, &interfax] {
        assert!(d.validate().issues().is_empty(), "{}: {}", d.id, d.validate());
    }
    // The people and the agreement are joined by the judgements xref proposed; the states by
    // their ISO codes.
    let merged = merge(&afp, &interfax, &resolver("merge/russia-dprk-2024.resolver.json")?)?;
    assert!(merged.dossier.validate().issues().is_empty(), "{}", merged.dossier.validate());
    assert!(merged.report.conflicts.is_empty() && merged.report.renamed.is_empty(), "{}", merged.report);
    let d = &merged.dossier;
    assert_eq!((d.actors.len(), d.people.len(), d.agreements.len(), d.sources.len()), (2, 2, 1, 2));
    let treaty = &d.agreements[0];
    let acts: Vec<String> = treaty.actions.iter().map(|a| format!("{} {}", a.kind.as_str(), a.date)).collect();
    assert_eq!(
        acts,
        ["signature 2024-06-19", "ratification 2024-11", "ratification 2024-11", "entry_into_force 2024-12-04"]
    );
    // Both reports tell of the signing: the act and both signatures cite both.
    let both = BTreeSet::from(["afp-2024-06-19".to_owned(), "interfax-2024-12-05".to_owned()]);
    let cited =
        |c: &[defense_agreements::Citation]| -> BTreeSet<String> { c.iter().map(|c| c.source.to_string()).collect() };
    assert_eq!(cited(&treaty.actions[0].citations), both);
    assert_eq!(treaty.signatures.len(), 2);
    for s in &treaty.signatures {
        assert_eq!(cited(&s.citations), both, "{}", s.signer);
    }
    // Only Interfax tells of the entry into force and the consultation pledge.
    let interfax_only = BTreeSet::from(["interfax-2024-12-05".to_owned()]);
    assert_eq!(cited(&treaty.actions[3].citations), interfax_only);
    assert_eq!(cited(&treaty.obligations[0].citations), interfax_only);
    let day = "2025-01-01".parse()?;
    assert!(treaty.binds_on(&d.actors[0].id, day) && treaty.binds_on(&d.actors[1].id, day));
    let names: Vec<&str> = d.actors[1].other_names.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(names, ["DPRK", "Democratic People's Republic of Korea"]);
    Ok(())
}

#[test]
fn every_judgement_names_a_record_of_its_pair() -> Result<(), Box<dyn Error>> {
    use defense_agreements::corpus::Corpus;
    for (pair, judged) in [
        (["merge/iran-syria-2020-report.json", "merge/iran-syria-2020-ap.json"], "merge/iran-syria-2020.resolver.json"),
        (
            ["merge/russia-dprk-2024-afp.json", "merge/russia-dprk-2024-interfax.json"],
            "merge/russia-dprk-2024.resolver.json",
        ),
    ] {
        let corpus = Corpus::from_files(pair.map(data))?;
        let issues = corpus.check_resolver(&resolver(judged)?);
        assert!(issues.is_empty(), "{judged}: {issues:?}");
    }
    Ok(())
}

#[test]
fn the_inputs_disputes_are_carried_over_and_renamed_on_collision() -> Result<(), Box<dyn Error>> {
    let seed = load("iran-syria-2020.json")?;
    // The seed with itself: its one dispute, unchanged.
    let same = merge(&seed, &seed, &Resolver::new())?;
    assert_eq!(serde_json::to_value(&same.dossier)?, serde_json::to_value(&seed)?);
    assert!(same.report.disputes.is_empty(), "{}", same.report);
    // Another dossier with an unrelated dispute of the same id: renamed, and its marks follow.
    let mut other = serde_json::to_value(&seed)?;
    other["id"] = Value::String("other".into());
    other["disputes"][0]["question"] = Value::String("Another question".into());
    other["agreements"][0]["id"] = Value::String("another".into());
    other["agreements"][0]["identifiers"] = Value::Array(Vec::new());
    let other = Dossier::from_json(&other.to_string())?;
    let merged = merge(&seed, &other, &Resolver::new())?;
    let ids: Vec<&str> = merged.dossier.disputes.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["syrian-signer", "syrian-signer:other"]);
    let marks: Vec<&str> = merged
        .dossier
        .agreements
        .iter()
        .flat_map(|a| a.signatures.iter().filter_map(|s| s.dispute.as_ref().map(|d| d.as_str())))
        .collect();
    assert_eq!(marks, ["syrian-signer", "syrian-signer", "syrian-signer:other", "syrian-signer:other"]);
    assert!(merged.report.renamed.iter().any(|r| r.to == "syrian-signer:other"), "{}", merged.report);
    Ok(())
}
