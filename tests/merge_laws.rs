//! The merge's regressions, one test per case of issue 18's "Why" list: order decided the
//! result, conflicts vanished, valid + valid was not valid, facts moved between sources, values
//! were lost, ids were cut, an undated signing read "negotiated".
//!
//! The reports are small and made up (two states, one pact), each shaped like an extraction
//! answer; real reporting is merged in `merge_real.rs` and `merge_multi_source.rs`.

use crate::permutations::permutations;
use defense_agreements::identity::Resolver;
use defense_agreements::merge::{Merged, Merger};
use defense_agreements::{AgreementStatus, Dossier, Severity};
use serde_json::{Value, json};

/// A report of the Saudi–Pakistani pact by `source`, with `agreement` fields over the base.
fn report(id: &str, source: &str, agreement: Value) -> Value {
    let mut pact = json!({
        "id": "pact",
        "title": "Strategic Mutual Defense Agreement",
        "kind": "defense_pact",
        "parties": [{"actor": "saudi-arabia", "role": "party"}, {"actor": "pakistan", "role": "party"}],
        // The identifier a resolver or a shared register would give: the reports join on it.
        "identifiers": [{"scheme": "wikidata", "value": "Q136327383"}],
        "citations": [{"source": source}]
    });
    if let (Value::Object(p), Value::Object(extra)) = (&mut pact, agreement) {
        p.extend(extra);
    }
    json!({
        "schema_version": "1.1",
        "id": id,
        "actors": [
            {"id": "saudi-arabia", "name": "Saudi Arabia", "kind": "state", "country": "SAU"},
            {"id": "pakistan", "name": "Pakistan", "kind": "state", "country": "PAK"}
        ],
        "agreements": [pact],
        "sources": [{"id": source, "title": format!("Report {source}"), "url": format!("https://news.example.org/{source}")}]
    })
}

fn person(id: &str, name: &str, wikidata: &str, country: &str) -> Value {
    json!({"id": id, "name": name, "identifiers": [{"scheme": "wikidata", "value": wikidata}],
           "posts": [{"title": "Head of government", "organization": country}]})
}

fn with_people(mut d: Value, people: Vec<Value>) -> Value {
    d["people"] = Value::Array(people);
    d
}

fn parse(v: &Value) -> Dossier {
    Dossier::from_json(&v.to_string()).unwrap_or_else(|e| panic!("{e}\n{v:#}"))
}

fn merge_all(inputs: &[Dossier], resolver: &Resolver) -> Merged {
    let mut m = Merger::new(resolver);
    for d in inputs {
        m.add(d);
    }
    m.finish().unwrap_or_else(|e| panic!("{e}"))
}

/// Merges every order of `inputs` and checks they all give the first order's result.
fn in_every_order(inputs: &[Dossier], resolver: &Resolver) -> Merged {
    let first = merge_all(inputs, resolver);
    for order in permutations(inputs.len()) {
        let shuffled: Vec<Dossier> = order.iter().map(|&i| inputs[i].clone()).collect();
        let again = merge_all(&shuffled, resolver);
        assert_eq!(again.dossier, first.dossier, "order {order:?}");
        assert_eq!(again.report, first.report, "order {order:?}");
    }
    first
}

fn errors(d: &Dossier) -> Vec<String> {
    d.validate().issues().iter().filter(|i| i.severity == Severity::Error).map(ToString::to_string).collect()
}

fn resolver(pairs: &[(&str, &str)]) -> Resolver {
    let judgements: Vec<Value> = pairs
        .iter()
        .map(|(a, b)| {
            let key = |s: &str| {
                let (dossier, id) = s.split_once('/').unwrap_or((s, ""));
                json!({"dossier": dossier, "type": "agreement", "id": id})
            };
            json!({"left": key(a), "right": key(b), "judgement": "same", "decided_by": "test", "decided_at": "2026-12-07"})
        })
        .collect();
    Resolver::from_json(&json!({"resolver_version": "1.0", "judgements": judgements}).to_string())
        .unwrap_or_else(|e| panic!("{e}"))
}

/// x = z and y = z: one agreement in every order (it was two in the order x, y, z).
#[test]
fn same_is_transitive_whatever_the_order() {
    let mut x = report("x", "sx", json!({"id": "x", "title": "Pact as told by X"}));
    let mut y = report("y", "sy", json!({"id": "y", "title": "Pact as told by Y"}));
    let mut z = report("z", "sz", json!({"id": "z", "title": "Pact as told by Z"}));
    // No shared identifier: only the judgements join them.
    for d in [&mut x, &mut y, &mut z] {
        if let Some(a) = d["agreements"][0].as_object_mut() {
            a.remove("identifiers");
        }
    }
    let judged = resolver(&[("x/x", "z/z"), ("y/y", "z/z")]);
    let m = in_every_order(&[parse(&x), parse(&y), parse(&z)], &judged);
    assert_eq!(m.dossier.agreements.len(), 1, "{}", m.report);
    assert_eq!(m.dossier.agreements[0].other_titles.len(), 2);
}

/// r1 and r3 name one signer for Pakistan, AP another: every order disputes all of them
/// (the order r1, AP, r3 left r3's signature an undisputed co-signature).
#[test]
fn a_disputed_signer_is_disputed_in_every_order() {
    let sign = |signer: &str, source: &str| {
        json!({"signatures": [{"party": "pakistan", "signer": signer, "citations": [{"source": source}]}],
               "actions": [{"type": "signature", "date": "2025-09-17"}]})
    };
    let sharif = person("sharif", "Shehbaz Sharif", "Q7493969", "pakistan");
    let munir = person("munir", "Asim Munir", "Q30325485", "pakistan");
    let r1 = with_people(report("r1", "s1", sign("sharif", "s1")), vec![sharif.clone()]);
    let r3 = with_people(report("r3", "s3", sign("sharif", "s3")), vec![sharif]);
    let ap = with_people(report("ap", "sap", sign("munir", "sap")), vec![munir]);
    let m = in_every_order(&[parse(&r1), parse(&ap), parse(&r3)], &Resolver::new());
    let pact = &m.dossier.agreements[0];
    assert_eq!(pact.signatures.len(), 2, "one entry per signer: {:?}", pact.signatures);
    assert!(pact.signatures.iter().all(|s| s.dispute.is_some()), "{:?}", pact.signatures);
    let sharif = pact.signatures.iter().find(|s| s.signer.as_str() == "sharif").map(|s| s.citations.len());
    assert_eq!(sharif, Some(2), "r1 and r3 both credited");
    assert!(errors(&m.dossier).is_empty(), "{:?}", errors(&m.dossier));
}

/// Tuesday 16 and Wednesday 17 September: one act with a dispute between the dates (it was
/// two signature acts, valid, with no conflict); the same for two entry-into-force dates.
#[test]
fn two_dates_of_one_act_are_a_dispute() {
    let acts = |sign: &str, force: &str, source: &str| {
        json!({"actions": [
            {"type": "signature", "date": sign, "citations": [{"source": source}]},
            {"type": "entry_into_force", "date": force, "citations": [{"source": source}]}
        ]})
    };
    let a = report("reuters", "reuters", acts("2025-09-16", "2025-09-16", "reuters"));
    let b = report("dawn", "dawn", acts("2025-09-17", "2025-10-01", "dawn"));
    let m = in_every_order(&[parse(&a), parse(&b)], &Resolver::new());
    assert!(errors(&m.dossier).is_empty(), "{:?}", errors(&m.dossier));
    let claims = m.dossier.competing_claims();
    assert_eq!(claims.len(), 2, "{}", m.report);
    for c in &claims {
        assert_eq!(c.claims.len(), 2, "{:?}", c.dispute);
        let sources: Vec<&str> = c.sources().iter().map(|s| s.as_str()).collect();
        assert_eq!(sources.len(), 2, "each alternative with its source: {sources:?}");
    }
    assert_eq!(m.report.disputes.len(), 2);
    assert!(m.report.disputes.iter().all(|d| d.path == "/actions"));
}

/// One signer reported twice, once dated and once not, is one alternative (not "Ayoub or
/// Ayoub or Assad").
#[test]
fn a_signer_dated_once_and_undated_once_is_one_alternative() {
    let sharif = person("sharif", "Shehbaz Sharif", "Q7493969", "pakistan");
    let dated = with_people(
        report(
            "dated",
            "s1",
            json!({"signatures": [{"party": "pakistan", "signer": "sharif", "date": "2025-09-17"}],
            "actions": [{"type": "signature", "date": "2025-09-17"}]}),
        ),
        vec![sharif.clone()],
    );
    let undated = with_people(
        report(
            "undated",
            "s2",
            json!({"signatures": [{"party": "pakistan", "signer": "sharif"}],
            "actions": [{"type": "signature", "date": "2025-09-17"}]}),
        ),
        vec![sharif],
    );
    let m = in_every_order(&[parse(&dated), parse(&undated)], &Resolver::new());
    let pact = &m.dossier.agreements[0];
    assert_eq!(pact.signatures.len(), 1, "{:?}", pact.signatures);
    assert_eq!(pact.signatures[0].citations.len(), 2);
    assert!(pact.signatures[0].dispute.is_none());
    assert!(m.dossier.disputes.is_empty());
}

/// "signed in the presence of": a witness, typed, that does not make its party a signatory.
#[test]
fn a_witness_has_a_typed_place() {
    let mbs = person("mbs", "Mohammed bin Salman", "Q6892571", "saudi-arabia");
    let sharif = person("sharif", "Shehbaz Sharif", "Q7493969", "pakistan");
    let d = with_people(
        report(
            "witnessed",
            "s1",
            json!({"signatures": [
            {"party": "saudi-arabia", "signer": "mbs"},
            {"party": "pakistan", "signer": "sharif", "role": "witness"}
        ], "actions": [{"type": "signature", "date": "2025-09-17"}]}),
        ),
        vec![mbs, sharif],
    );
    let d = parse(&d);
    assert!(errors(&d).is_empty(), "{:?}", errors(&d));
    let roles: Vec<bool> = d.agreements[0].signatures.iter().map(|s| s.is_signatory()).collect();
    assert_eq!(roles, [true, false]);
}

/// Two reports that each carry an identical dispute over their own signers merge into one
/// dispute (it was `dispute_mixed_records`); over two different agreements, two disputes.
#[test]
fn identical_disputes_join_only_when_about_the_same_thing() {
    let people = vec![
        person("sharif", "Shehbaz Sharif", "Q7493969", "pakistan"),
        person("munir", "Asim Munir", "Q30325485", "pakistan"),
    ];
    let disputed = |id: &str, source: &str, pact: &str| {
        let mut d = with_people(
            report(
                id,
                source,
                json!({"id": pact, "signatures": [
                {"party": "pakistan", "signer": "sharif", "dispute": "who"},
                {"party": "pakistan", "signer": "munir", "dispute": "who"}
            ], "actions": [{"type": "signature", "date": "2025-09-17"}]}),
            ),
            people.clone(),
        );
        d["disputes"] = json!([{"id": "who", "question": "Who signed for Pakistan?"}]);
        d
    };
    // One agreement (the resolver says so): one dispute.
    let (a, b) = (disputed("a", "sa", "pact"), disputed("b", "sb", "pact"));
    let m = in_every_order(&[parse(&a), parse(&b)], &resolver(&[("a/pact", "b/pact")]));
    assert!(errors(&m.dossier).is_empty(), "{:?}\n{}", errors(&m.dossier), m.report);
    assert_eq!(m.dossier.disputes.len(), 1);
    // Two agreements: two disputes, each about its own.
    let (a, b) = (disputed("a", "sa", "pact"), disputed("b", "sb", "other-pact"));
    let mut b = b;
    b["agreements"][0]["title"] = json!("Another pact");
    b["agreements"][0]["kind"] = json!("security_cooperation");
    if let Some(a) = b["agreements"][0].as_object_mut() {
        a.remove("identifiers");
    }
    let m = in_every_order(&[parse(&a), parse(&b)], &Resolver::new());
    assert!(errors(&m.dossier).is_empty(), "{:?}\n{}", errors(&m.dossier), m.report);
    assert_eq!((m.dossier.agreements.len(), m.dossier.disputes.len()), (2, 2), "{}", m.report);
}

/// A termination from one report and a later amendment from another: a named conflict (it was
/// an invalid result with an empty report).
#[test]
fn an_invalid_result_is_a_named_conflict() {
    let a = report(
        "a",
        "sa",
        json!({"actions": [{"type": "signature", "date": "2020-01-01"}, {"type": "termination", "date": "2021-01-01"}]}),
    );
    let b = report(
        "b",
        "sb",
        json!({"actions": [{"type": "signature", "date": "2020-01-01"}, {"type": "amendment", "date": "2022-01-01"}]}),
    );
    let (a, b) = (parse(&a), parse(&b));
    assert!(errors(&a).is_empty() && errors(&b).is_empty());
    let m = in_every_order(&[a, b], &Resolver::new());
    assert!(!errors(&m.dossier).is_empty());
    let codes: Vec<&str> = m.report.named.iter().map(|c| c.code.as_str()).collect();
    assert!(codes.contains(&"action_after_termination"), "{}", m.report);
}

/// A fact from a report that cites nothing at agreement level is not credited to the other
/// report's source without a word: the report lists it.
#[test]
fn an_uncited_fact_is_named() {
    let a = report("a", "sa", json!({"actions": [{"type": "signature", "date": "2025-09-17"}]}));
    let mut b = report("b", "sb", json!({"actions": [{"type": "entry_into_force", "date": "2025-09-17"}]}));
    if let Some(o) = b["agreements"][0].as_object_mut() {
        o.remove("citations");
    }
    let m = in_every_order(&[parse(&a), parse(&b)], &Resolver::new());
    assert_eq!(m.report.uncited.len(), 1, "{}", m.report);
    assert_eq!(m.report.uncited[0].from.dossier.as_str(), "b");
    // The agreement is credited to its one source only; B's entry into force leans on it, as the
    // report says.
    let cited: Vec<&str> = m.dossier.agreements[0].citations.iter().map(|c| c.source.as_str()).collect();
    assert_eq!(cited, ["sa"]);
}

/// The second input's dossier title and dossier-level extension values are not lost: named.
#[test]
fn dossier_values_are_kept_or_named() {
    let mut a = report("a", "sa", json!({}));
    let mut b = report("b", "sb", json!({}));
    a["title"] = json!("Saudi–Pakistani pact (Reuters)");
    b["title"] = json!("Saudi–Pakistani pact (Dawn)");
    a["extensions"] = json!({"pipeline.model": "m1"});
    b["extensions"] = json!({"pipeline.model": "m2"});
    let m = in_every_order(&[parse(&a), parse(&b)], &Resolver::new());
    let codes: Vec<&str> = m.report.named.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, ["dossier_title", "dossier_extension"], "{}", m.report);
    assert!(m.report.named.iter().any(|c| c.message.contains("(Dawn)") && c.message.contains("(Reuters)")));
}

/// Renamed ids keep the whole dossier id: two reports never get `…-defen` and `…-defen-2`.
#[test]
fn renamed_ids_are_readable_and_unambiguous() {
    let a = report("saudi-pakistan-defense-pact-reuters", "report", json!({}));
    let mut b = report("saudi-pakistan-defense-pact-dawn", "report", json!({}));
    b["sources"][0]["url"] = json!("https://news.example.org/dawn");
    let m = in_every_order(&[parse(&a), parse(&b)], &Resolver::new());
    let ids: Vec<&str> = m.dossier.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["report", "report:saudi-pakistan-defense-pact-reuters"]);
}

/// Every extraction answer has the id `report`: they still merge in every order to one result.
#[test]
fn repeated_dossier_ids_merge_in_every_order() {
    let reports: Vec<Dossier> = ["s1", "s2", "s3", "s4"]
        .iter()
        .map(|s| parse(&report("report", s, json!({"actions": [{"type": "signature", "date": "2025-09-17"}]}))))
        .collect();
    let m = in_every_order(&reports, &Resolver::new());
    assert_eq!((m.dossier.agreements.len(), m.dossier.sources.len()), (1, 4));
    assert!(errors(&m.dossier).is_empty(), "{:?}", errors(&m.dossier));
}

/// Two strengths of one troop presence: a dispute over the field, not a `merge.competing`
/// extension.
#[test]
fn competing_estimates_are_a_dispute_over_the_field() {
    let presence = |best: u32, source: &str| {
        let mut d = report(source, source, json!({}));
        if let Some(a) = d["actors"].as_array_mut() {
            a.push(
                json!({"id": "pakistan-army", "name": "Pakistan Army", "kind": "armed_forces", "parent": "pakistan"}),
            );
        }
        d["troop_presences"] = json!([{"id": "pak-in-sau", "forces": ["pakistan-army"], "host_country": "SAU",
            "strength": {"best": best, "qualifier": "approximately"}, "host_consent": "consented",
            "citations": [{"source": source}]}]);
        d
    };
    let (a, b) = (presence(1500, "a"), presence(2000, "b"));
    let resolver = Resolver::from_json(
        &json!({"resolver_version": "1.0", "judgements": [{
        "left": {"dossier": "a", "type": "troop_presence", "id": "pak-in-sau"},
        "right": {"dossier": "b", "type": "troop_presence", "id": "pak-in-sau"},
        "judgement": "same", "decided_by": "test", "decided_at": "2026-12-07"}]})
        .to_string(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let m = in_every_order(&[parse(&a), parse(&b)], &resolver);
    assert_eq!(m.dossier.troop_presences.len(), 1);
    assert!(m.dossier.troop_presences[0].extensions.is_empty());
    let d = &m.dossier.disputes;
    assert_eq!(d.len(), 1, "{}", m.report);
    assert_eq!(d[0].field.as_deref(), Some("/strength"));
    assert_eq!(d[0].alternatives.len(), 2);
    assert!(d[0].alternatives.iter().all(|a| a.citations.len() == 1));
    assert!(errors(&m.dossier).is_empty(), "{:?}", errors(&m.dossier));
}

/// A signing reported without a date is a signing: dated "on or before publication", status
/// `signed`, with a warning that the date is not stated.
#[test]
fn an_undated_signing_is_signed() {
    let d = report("undated", "s1", json!({"actions": [{"type": "signature", "date": "../2025-09-18"}]}));
    let d = parse(&d);
    assert_eq!(d.agreements[0].status(), AgreementStatus::Signed);
    let codes: Vec<String> = d.validate().issues().iter().map(|i| i.code.to_string()).collect();
    assert_eq!(codes, ["act_date_not_stated"]);
}

/// Two reports of one statement (joined by a judgement) that differ on who said it and when,
/// and of one agreement that differ on its kind: disputes over those fields, each value citing
/// its report.
#[test]
fn statements_speakers_dates_and_agreement_kinds_are_disputed() {
    let said = |id: &str, speaker: &str, date: &str, kind: &str| {
        let mut d = with_people(
            report(id, id, json!({"kind": kind})),
            vec![
                person("sharif", "Shehbaz Sharif", "Q7493969", "pakistan"),
                person("dar", "Ishaq Dar", "Q6081316", "pakistan"),
            ],
        );
        d["statements"] = json!([{"id": "aggression", "speakers": [speaker], "date": date, "mode": "paraphrase",
            "text": "Any aggression against either country shall be considered an aggression against both",
            "citations": [{"source": id}]}]);
        d
    };
    let a = said("a", "sharif", "2025-09-17", "defense_pact");
    let b = said("b", "dar", "2025-09-18", "defense_cooperation");
    let judged = Resolver::from_json(
        &json!({"resolver_version": "1.0", "judgements": [{
            "left": {"dossier": "a", "type": "statement", "id": "aggression"},
            "right": {"dossier": "b", "type": "statement", "id": "aggression"},
            "judgement": "same", "decided_by": "test", "decided_at": "2026-12-07"}]})
        .to_string(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let m = in_every_order(&[parse(&a), parse(&b)], &judged);
    assert_eq!(m.dossier.statements.len(), 1);
    let mut fields: Vec<(String, String)> = m
        .dossier
        .disputes
        .iter()
        .map(|d| {
            (d.record.as_ref().map(|r| r.id().to_owned()).unwrap_or_default(), d.field.clone().unwrap_or_default())
        })
        .collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            ("aggression".to_owned(), "/date".to_owned()),
            ("aggression".to_owned(), "/speakers".to_owned()),
            ("pact".to_owned(), "/kind".to_owned())
        ],
        "{}",
        m.report
    );
    assert!(
        m.dossier
            .disputes
            .iter()
            .all(|d| d.alternatives.len() == 2 && d.alternatives.iter().all(|a| a.citations.len() == 1))
    );
    assert!(errors(&m.dossier).is_empty(), "{:?}", errors(&m.dossier));
}
