//! The dispute policy: which alternatives of a dispute views, codings, tables and answers take
//! as fact (docs/merge.md, "The dispute policy").
//!
//! The real dispute is the seed's (`examples/data/iran-syria-2020.json`): the main report names
//! Defense Minister Ali Abdullah Ayyoub as Syria's signer, the Associated Press (10 July 2020)
//! President Bashar al-Assad. The pledges are a four-party pact built here, as issue 18 found
//! the problem: one low-credibility source naming an extra obligation.

use defense_agreements::answers::{Questions, write_answers};
use defense_agreements::codings::{Atop, CowType};
use defense_agreements::tables::{Options, Tables};
use defense_agreements::{DisputePolicy, Dossier};
use serde_json::{Value, json};

const POLICIES: [DisputePolicy; 3] =
    [DisputePolicy::Undisputed, DisputePolicy::AnyAlternative, DisputePolicy::BestSupported];

fn seed() -> Dossier {
    let text = std::fs::read_to_string(format!("{}/examples/data/iran-syria-2020.json", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{e}"));
    Dossier::from_json(&text).unwrap_or_else(|e| panic!("{e}"))
}

fn parse(value: &Value) -> Dossier {
    Dossier::from_json(&value.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

fn cite(source: &str, grade: u8) -> Value {
    json!({"source": source, "credibility": grade})
}

/// Four states in a defense pact in force from 2000, the pledge cited from the treaty text;
/// `obligations` are added, and `disputes`.
fn pact(obligations: Vec<Value>, disputes: Value) -> Dossier {
    let actor = |id: &str, iso: &str, cow: &str| {
        json!({"id": id, "name": id.to_uppercase(), "kind": "state", "country": iso,
               "identifiers": [{"scheme": "cow", "value": cow}]})
    };
    let source = |id: &str, publisher: &str| json!({"id": id, "title": id, "publisher": publisher});
    let parties: Vec<Value> = ["a", "b", "c", "d"].iter().map(|p| json!({"actor": p, "role": "party"})).collect();
    let mut all = vec![json!({"type": "defense", "citations": [cite("treaty", 1)]})];
    all.extend(obligations);
    parse(&json!({
        "schema_version": "1.0", "id": "pact-2000",
        "actors": [actor("a", "USA", "2"), actor("b", "CAN", "20"), actor("c", "GBR", "200"), actor("d", "FRA", "220")],
        "agreements": [{
            "id": "pact", "title": "A pact", "kind": "defense_pact",
            "parties": parties,
            "obligations": all,
            "actions": [{"type": "entry_into_force", "date": "2000-01-01"}],
            "citations": [cite("treaty", 1)]
        }],
        "sources": [source("treaty", "Depositary"), source("wire", "Reuters"), source("wire-follow-up", "Reuters"),
                    source("agency", "AFP"), source("blog", "A blog")],
        "disputes": disputes
    }))
}

/// The issue's case: one source graded 5 (improbable) names a consultation pledge the treaty
/// text does not have, and marks it disputed.
fn weak_consultation() -> Dossier {
    pact(
        vec![json!({"type": "consultation", "citations": [cite("blog", 5)], "dispute": "consult"})],
        json!([{"id": "consult", "question": "Does the pact oblige the parties to consult?"}]),
    )
}

#[test]
fn the_issue_case_is_valid_but_for_its_lone_alternative() {
    let report = weak_consultation().validate();
    assert!(report.is_valid(), "{report:?}");
    // (The sources other tests cite are unused here.)
    let codes: Vec<&str> = report.issues().iter().map(|i| i.code.as_str()).filter(|c| *c != "unused_source").collect();
    assert_eq!(codes, ["dispute_too_few_alternatives"]);
}

#[test]
fn one_weak_source_does_not_flip_consultation_under_the_default() {
    let d = weak_consultation();
    let consultation = |d: &Dossier| d.agreements[0].atop_obligations().consultation;
    // Read as recorded, and resolved under the default: the disputed pledge is set aside.
    assert_eq!(consultation(&d), Atop::Absent);
    assert_eq!(consultation(&d.resolve(DisputePolicy::default())), Atop::Absent);
    // A lone alternative has no rival to be better supported than: unresolved.
    assert_eq!(consultation(&d.resolve(DisputePolicy::BestSupported)), Atop::Absent);
    // Counted only when the user asks for every alternative.
    let any = d.resolve(DisputePolicy::AnyAlternative);
    assert_eq!(consultation(&any), Atop::Unconditional);
    assert_eq!(any.agreements[0].cow_type(), Some(CowType::DefensePact));
    assert_eq!(any.outcome("consult").map(|o| o.counted.clone()), Some(vec![0]));
}

#[test]
fn the_tables_flag_the_rows_a_disputed_pledge_bears_on() {
    let d = weak_consultation();
    for policy in POLICIES {
        let t = Tables::from_dossier(&d, &Options::through(2002).with_policy(policy));
        let counted = u8::from(policy == DisputePolicy::AnyAlternative);
        // 4 parties: 12 directed pairs a year, 2000 to 2002.
        assert_eq!(t.directed_dyad_years.len(), 36, "{policy}");
        assert_eq!(t.directed_dyad_years.iter().filter(|r| r.atop_consul == 1).count(), 36 * usize::from(counted));
        assert!(t.directed_dyad_years.iter().all(|r| r.atop_defense == 1 && r.disputed == 1), "{policy}");
        assert!(t.directed_dyad_intervals.iter().all(|r| r.atop_consul == counted && r.disputed == 1));
        assert!(t.dyad_years.iter().all(|r| r.atop_consul == counted && r.disputed == 1));
        assert!(t.members.iter().all(|r| r.atop_consul == counted && r.disputed == 1));
        assert!(t.state_years.iter().all(|r| r.atop_consul == counted && r.disputed == 1));
        let row = &t.agreements[0];
        assert_eq!((row.atop_consul, row.disputed, row.cow_type), (counted, 1, Some("I")));
    }
    // Without the disputed pledge, no row rests on a dispute.
    let plain = pact(Vec::new(), json!([]));
    let t = Tables::from_dossier(&plain, &Options::through(2002));
    assert!(t.directed_dyad_years.iter().all(|r| r.disputed == 0) && t.agreements[0].disputed == 0);
}

#[test]
fn a_pledge_one_party_makes_flags_only_its_own_member_rows() {
    let d = pact(
        vec![json!({"type": "offense", "obligors": ["a"], "citations": [cite("blog", 5)], "dispute": "offense"})],
        json!([{"id": "offense"}]),
    );
    let t = Tables::from_dossier(&d, &Options::through(2000).with_policy(DisputePolicy::AnyAlternative));
    let flagged: Vec<&str> = t.members.iter().filter(|m| m.disputed == 1).map(|m| m.actor_id.as_str()).collect();
    assert_eq!(flagged, ["a"]);
    assert_eq!(t.members.iter().map(|m| m.atop_offense).collect::<Vec<_>>(), [1, 0, 0, 0]);
}

/// "Which pledge does Article 3 make?": defense, per the treaty text (graded 1) and Reuters
/// (2), or consultation, per a blog (5).
#[test]
fn best_supported_counts_the_alternative_better_on_both_counts() {
    let d = pact(
        vec![
            json!({"type": "offense", "citations": [cite("treaty", 1), cite("wire", 2)], "dispute": "art3"}),
            json!({"type": "consultation", "citations": [cite("blog", 5)], "dispute": "art3"}),
        ],
        json!([{"id": "art3", "question": "Which pledge does Article 3 make?"}]),
    );
    assert!(d.validate().is_valid());
    let coded = |policy| {
        let r = d.resolve(policy);
        let atop = r.agreements[0].atop_obligations();
        (atop.offense, atop.consultation)
    };
    assert_eq!(coded(DisputePolicy::Undisputed), (Atop::Absent, Atop::Absent));
    assert_eq!(coded(DisputePolicy::AnyAlternative), (Atop::Unconditional, Atop::Unconditional));
    assert_eq!(coded(DisputePolicy::BestSupported), (Atop::Unconditional, Atop::Absent));
    let best = d.resolve(DisputePolicy::BestSupported);
    let outcome = best.outcome("art3").unwrap_or_else(|| panic!("no outcome"));
    assert_eq!(outcome.counted, [0]);
    assert_eq!(outcome.alternatives.iter().map(|b| b.sources).collect::<Vec<_>>(), [2, 1]);
}

#[test]
fn best_supported_leaves_ties_and_mixed_backing_unresolved() {
    let dispute = |a: Vec<Value>, b: Vec<Value>| {
        pact(
            vec![
                json!({"type": "offense", "citations": a, "dispute": "art3"}),
                json!({"type": "consultation", "citations": b, "dispute": "art3"}),
            ],
            json!([{"id": "art3"}]),
        )
    };
    let counted = |d: &Dossier| d.resolve(DisputePolicy::BestSupported).outcome("art3").map(|o| o.counted.clone());
    // Same grade, one source each.
    assert_eq!(counted(&dispute(vec![cite("wire", 2)], vec![cite("agency", 2)])), Some(vec![]));
    // Two reports of one publisher are one independent source.
    let reuters = vec![cite("wire", 3), cite("wire-follow-up", 3)];
    assert_eq!(counted(&dispute(reuters.clone(), vec![cite("agency", 3)])), Some(vec![]));
    // Two publishers against one: better on sources, equal on grade.
    assert_eq!(counted(&dispute(vec![cite("wire", 3), cite("agency", 3)], vec![cite("blog", 3)])), Some(vec![0]));
    // Better graded but fewer sources: neither wins.
    assert_eq!(counted(&dispute(vec![cite("treaty", 1)], vec![cite("wire", 3), cite("agency", 3)])), Some(vec![]));
}

fn signers(d: &Dossier) -> Vec<String> {
    d.agreements[0].signatures.iter().map(|s| s.signer.to_string()).collect()
}

#[test]
fn the_seeds_rival_signers_under_each_policy() {
    let d = seed();
    assert_eq!(signers(&d.resolve(DisputePolicy::Undisputed)), ["bagheri"]);
    assert_eq!(signers(&d.resolve(DisputePolicy::AnyAlternative)), ["bagheri", "ayyoub", "assad"]);
    // One outlet each, neither graded: a tie.
    assert_eq!(signers(&d.resolve(DisputePolicy::BestSupported)), ["bagheri"]);

    // Were AP's report graded 2 (probably true), the president would be the better supported.
    let mut graded = serde_json::to_value(&d).unwrap_or_else(|e| panic!("{e}"));
    graded["agreements"][0]["signatures"][2]["citations"][0]["credibility"] = json!(2);
    let graded = parse(&graded);
    let best = graded.resolve(DisputePolicy::BestSupported);
    assert_eq!(signers(&best), ["bagheri", "assad"]);
    // Outcome positions are those of `competing_claims`.
    let counted = best.outcome("syrian-signer").map(|o| o.counted.clone()).unwrap_or_default();
    let competing = graded.competing_claims();
    let claim = counted.first().and_then(|&i| competing[0].claims.get(i));
    assert!(
        matches!(claim, Some(defense_agreements::Claim::Signature { signature, .. }) if signature.signer.as_str() == "assad")
    );
}

#[test]
fn a_resolved_dossier_has_no_marks_left_and_resolves_to_itself() {
    let d = seed();
    for policy in POLICIES {
        let once = d.resolve(policy).into_dossier();
        assert!(once.disputes.is_empty() && once.competing_claims().is_empty());
        assert!(once.agreements.iter().flat_map(|a| &a.signatures).all(|s| s.dispute.is_none()));
        for again in POLICIES {
            assert_eq!(once.resolve(again).into_dossier(), once, "{policy} then {again}");
        }
    }
}

#[test]
fn the_signatures_table_holds_the_signatures_the_policy_counts() {
    let d = seed();
    let rows = |policy| {
        let t = Tables::from_dossier(&d, &Options::through(2024).with_policy(policy));
        let ours: Vec<(String, u8)> = t
            .signatures
            .iter()
            .filter(|s| s.agreement_id == "iran-syria-2020")
            .map(|s| (s.signer_id.clone(), s.disputed))
            .collect();
        ours
    };
    assert_eq!(rows(DisputePolicy::Undisputed), [("bagheri".to_owned(), 0)]);
    assert_eq!(rows(DisputePolicy::AnyAlternative), [("bagheri".into(), 0), ("ayyoub".into(), 1), ("assad".into(), 1)]);
    assert_eq!(rows(DisputePolicy::BestSupported), [("bagheri".to_owned(), 0)]);
}

/// Two sources' estimates of one deployment: the seed's IRGC presence (the report, "as many as
/// 2,500"), and a rival estimate graded lower.
#[test]
fn views_list_only_the_troop_presences_the_policy_counts() {
    let mut v = serde_json::to_value(seed()).unwrap_or_else(|e| panic!("{e}"));
    let mut rival = v["troop_presences"][0].clone();
    rival["id"] = json!("irgc-in-syria-rival");
    rival["strength"] = json!({"best": 5000, "qualifier": "approximately"});
    rival["citations"] = json!([cite("ap-2020-07-10", 5)]);
    v["troop_presences"][0]["citations"][0]["credibility"] = json!(3);
    v["troop_presences"][0]["dispute"] = json!("irgc-strength");
    rival["dispute"] = json!("irgc-strength");
    v["troop_presences"].as_array_mut().unwrap_or_else(|| panic!("no list")).push(rival);
    v["disputes"].as_array_mut().unwrap_or_else(|| panic!("no list")).push(json!({"id": "irgc-strength"}));
    let d = parse(&v);
    assert!(d.validate().is_valid(), "{:?}", d.validate());
    let syr = "SYR".parse().unwrap_or_else(|e| panic!("{e}"));
    let present = |d: &Dossier| d.forces_in(syr).map(|t| t.id.to_string()).collect::<Vec<_>>();
    let others = present(&d);
    assert!(!others.iter().any(|id| id.starts_with("irgc-in-syria")), "{others:?}");
    assert_eq!(present(&d.resolve(DisputePolicy::Undisputed)), others);
    assert_eq!(present(&d.resolve(DisputePolicy::AnyAlternative)).len(), others.len() + 2);
    let best = present(&d.resolve(DisputePolicy::BestSupported));
    assert_eq!(best.len(), others.len() + 1);
    assert!(best.contains(&"irgc-in-syria".to_owned()));
    let t = Tables::from_dossier(&d, &Options::through(2024).with_policy(DisputePolicy::BestSupported));
    let irgc = t.troop_presences.iter().find(|r| r.troop_presence_id == "irgc-in-syria");
    assert_eq!(irgc.map(|r| r.disputed), Some(1));
    assert!(t.troop_presences.iter().filter(|r| !r.troop_presence_id.starts_with("irgc")).all(|r| r.disputed == 0));
}

fn answers(d: &Dossier, policy: DisputePolicy) -> String {
    let actor = "syria".parse().unwrap_or_else(|e| panic!("{e:?}"));
    let q = Questions::new(actor, "SYR".parse().unwrap_or_else(|e| panic!("{e}"))).with_policy(policy);
    let mut out = Vec::new();
    write_answers(&mut out, std::slice::from_ref(d), &q).unwrap_or_else(|e| panic!("{e}"));
    String::from_utf8(out).unwrap_or_else(|e| panic!("{e}"))
}

fn section<'t>(text: &'t str, title: &str) -> &'t str {
    let start = text.find(title).map_or(text.len(), |i| i + title.len());
    let rest = &text[start..];
    rest[..rest.find("\n\n").unwrap_or(rest.len())].trim_end()
}

#[test]
fn answers_follow_the_policy_and_say_what_it_made_of_each_dispute() {
    let d = seed();
    let default = answers(&d, DisputePolicy::default());
    let signatures = section(&default, "# Signatures\n");
    assert!(signatures.contains("Bagheri") && !signatures.contains("Ayyoub") && !signatures.contains("Assad"));
    let claims = section(&default, "# Competing claims\n");
    assert!(claims.ends_with("\tundisputed: set aside"), "{claims}");

    let any = answers(&d, DisputePolicy::AnyAlternative);
    let signatures = section(&any, "# Signatures\n");
    assert_eq!(signatures.matches("disputed: Ali Abdullah Ayyoub or Bashar al-Assad").count(), 2, "{signatures}");
    assert!(
        section(&any, "# Competing claims\n")
            .ends_with("\tany_alternative: counts Ali Abdullah Ayyoub and Bashar al-Assad")
    );

    let best = answers(&d, DisputePolicy::BestSupported);
    assert!(section(&best, "# Competing claims\n").ends_with("\tbest_supported: unresolved, set aside"));
    // The facts resting on one source are the recorded ones, whatever the policy.
    assert_eq!(
        section(&default, "# Facts resting on a single source\n"),
        section(&any, "# Facts resting on a single source\n")
    );
}

fn us_japan() -> Value {
    let text = std::fs::read_to_string(format!("{}/examples/data/us-japan-1960.json", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"))
}

/// The 1960 US-Japan security treaty entered into force on 23 June 1960 (the treaty text's
/// header, Columbia's copy; the historical dictionary; neither citation graded). A rival
/// report, with `grade`, gives 1 July: the two acts are alternatives of one dispute.
fn rival_entry_into_force(grade: Option<u8>) -> Dossier {
    let mut v = us_japan();
    let acts = &mut v["agreements"][0]["actions"];
    acts[3]["dispute"] = json!("in-force");
    let mut rival = acts[3].clone();
    rival["date"] = json!("1960-07-01");
    rival["citations"] = match grade {
        Some(g) => json!([cite("wikipedia-sofa", g)]),
        None => json!([{"source": "wikipedia-sofa"}]),
    };
    acts.as_array_mut().unwrap_or_else(|| panic!("no acts")).push(rival);
    v["disputes"] = json!([{"id": "in-force", "question": "When did the treaty enter into force?"}]);
    let d = parse(&v);
    assert!(d.validate().is_valid(), "{:?}", d.validate());
    d
}

#[test]
fn the_lifecycle_views_count_a_disputed_act_only_under_a_policy_that_counts_it() {
    let d = rival_entry_into_force(None);
    let day = |s: &str| s.parse::<chrono::NaiveDate>().unwrap_or_else(|e| panic!("{e}"));
    let in_force_on = |d: &Dossier, on: &str| d.agreements[0].status_on(day(on)).as_str();
    // Read as recorded (the default), neither date is a fact: never surely in force.
    assert_eq!(in_force_on(&d, "1961-01-01"), "signed");
    assert_eq!(in_force_on(&d.resolve(DisputePolicy::Undisputed), "1961-01-01"), "signed");
    // Two independent sources against one, all ungraded: the treaty's own date.
    let best = d.resolve(DisputePolicy::BestSupported);
    assert_eq!(in_force_on(&best, "1960-06-23"), "in_force");
    assert_eq!(best.agreements[0].actions.len(), 4);
    // Every alternative: in force from the earlier.
    let any = d.resolve(DisputePolicy::AnyAlternative);
    assert_eq!(in_force_on(&any, "1960-06-23"), "in_force");
    assert_eq!(any.agreements[0].actions.len(), 5);
    // The rival graded 5 (improbable) is better graded than the ungraded pair but has fewer
    // sources: unresolved.
    let graded = rival_entry_into_force(Some(5));
    assert_eq!(in_force_on(&graded.resolve(DisputePolicy::BestSupported), "1961-01-01"), "signed");

    let t = Tables::from_dossier(&d, &Options::through(1961).with_policy(DisputePolicy::BestSupported));
    let treaty: Vec<_> = t.members.iter().filter(|m| m.agreement_id == "us-japan-1960").collect();
    assert_eq!(treaty.len(), 2);
    assert!(treaty.iter().all(|m| m.start.to_string() == "1960-06-23" && m.disputed == 1));
    let sofa = t.members.iter().filter(|m| m.agreement_id == "us-japan-sofa-1960");
    assert!(sofa.into_iter().all(|m| m.disputed == 0));
    let t = Tables::from_dossier(&d, &Options::through(1961));
    assert!(t.members.iter().all(|m| m.agreement_id != "us-japan-1960"));
    assert_eq!(t.agreements.iter().find(|a| a.agreement_id == "us-japan-1960").map(|a| a.disputed), Some(1));
}

/// The merge's dispute over a field: the report's "as many as 2,500" IRGC soldiers in Syria
/// against a rival figure of about 3,000, graded lower; the record shows the report's.
#[test]
fn best_supported_writes_the_winning_value_of_a_disputed_field() {
    let mut v = serde_json::to_value(seed()).unwrap_or_else(|e| panic!("{e}"));
    let shown = v["troop_presences"][0]["strength"].clone();
    let rival = json!({"best": 3000, "qualifier": "approximately"});
    v["troop_presences"][0]["strength"] = rival.clone();
    v["disputes"].as_array_mut().unwrap_or_else(|| panic!("no list")).push(json!({
        "id": "irgc-size", "record": {"type": "troop_presence", "id": "irgc-in-syria"}, "field": "/strength",
        "alternatives": [
            {"value": shown, "citations": [cite("report", 2)]},
            {"value": rival, "citations": [cite("ap-2020-07-10", 4)]}
        ]
    }));
    let d = parse(&v);
    assert!(d.validate().is_valid(), "{:?}", d.validate());
    let strength = |d: &Dossier| d.troop_presence("irgc-in-syria").map(|t| t.strength.to_string());
    // The record shows the rival figure; the better-supported one replaces it.
    assert_eq!(strength(&d).as_deref(), Some("about 3000"));
    assert_eq!(strength(&d.resolve(DisputePolicy::BestSupported)).as_deref(), Some("as many as 2500"));
    // A field cannot be left empty: under the other policies the record keeps its value, and
    // its rows say they rest on a dispute.
    for policy in [DisputePolicy::Undisputed, DisputePolicy::AnyAlternative] {
        assert_eq!(strength(&d.resolve(policy)).as_deref(), Some("about 3000"));
        let t = Tables::from_dossier(&d, &Options::through(2024).with_policy(policy));
        let row = t.troop_presences.iter().find(|r| r.troop_presence_id == "irgc-in-syria");
        assert_eq!(row.map(|r| (r.best, r.disputed)), Some((Some(3000), 1)));
    }
    let text = answers(&d, DisputePolicy::BestSupported);
    assert!(text.contains("irgc-size\tdisputed: "), "{text}");
    assert!(text.contains("\tbest_supported: counts {\"high\":2500,\"qualifier\":\"at_most\"}"), "{text}");
    assert!(answers(&d, DisputePolicy::Undisputed).contains("\tundisputed: the record's own value stands"));
}
