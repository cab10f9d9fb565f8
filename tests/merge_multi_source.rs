//! Six outlets' reports of one event, the signing of the Saudi–Pakistani Strategic Mutual
//! Defense Agreement in Riyadh in September 2025, each read into a dossier the way an
//! extraction pipeline would, merged in every order (720) into one agreement, with the
//! outlets' disagreements visible as disputes in `dossier query`'s competing claims.
//!
//! The reports (stored public pages, read 2026-12-07):
//! - Anadolu via mediacontentstudio.com: "Saudi Arabia and Pakistan on Wednesday signed …
//!   Sharif met with Saudi Crown Prince Mohammed bin Salman and signed the Strategic Mutual
//!   Defense Agreement".
//! - NewsBytes (dated 2025-09-18): "have signed" during Sharif's state visit; no day, no
//!   signer.
//! - ABNA (Indonesian, citing SPA): the Crown Prince "menandatangani" (signed) the agreement,
//!   "disaksikan oleh" (witnessed by) Prime Minister Sharif.
//! - NDTV Profit (Bloomberg): "Mohammed Bin Salman and … Shehbaz Sharif … signed the deal in
//!   Riyadh on Wednesday".
//! - Imroze Pakistan (APP): "Pakistan and Saudi Arabia on Tuesday signed".
//! - Envision Pakistan: "signed in the presence of Saudi Crown Prince Mohammed bin Salman"; no
//!   day.
//!
//! Only NewsBytes gives its publication date, 2025-09-18 (a Thursday): the weekdays are
//! resolved against it with `PartialDate::weekday_on_or_before` (Wednesday 17, Tuesday 16
//! September), and a report that gives no day dates the signing `../2025-09-18`.
//!
//! What the merge must show: the day (Tuesday 16, Wednesday 17, or only "on or before") and who
//! signed and who witnessed, for each party, are disputes, each alternative citing the outlets
//! that gave it; everything else is one agreement, two parties, two people.

use crate::permutations::permutations;
use chrono::{NaiveDate, Weekday};
use defense_agreements::answers::{Questions, write_answers};
use defense_agreements::identity::Resolver;
use defense_agreements::merge::{Merged, Merger};
use defense_agreements::values::PartialDate;
use defense_agreements::{Dossier, Severity};
use serde_json::{Value, json};

const PUBLISHED: (i32, u32, u32) = (2025, 9, 18);

fn day(weekday: Weekday) -> String {
    let published = NaiveDate::from_ymd_opt(PUBLISHED.0, PUBLISHED.1, PUBLISHED.2).unwrap_or_default();
    PartialDate::weekday_on_or_before(weekday, published).map(|d| d.to_string()).unwrap_or_default()
}

/// One outlet's report: the signing act's date, its signatures (party, signer, role) and the
/// quote that carries them.
fn report(id: &str, url: &str, publisher: &str, date: &str, signatures: &[(&str, &str, &str)], quote: &str) -> Dossier {
    let cite = json!([{"source": id, "quote": quote}]);
    let people: Vec<Value> = [
        ("mbs", "Mohammed bin Salman", "Q6892571", "saudi-arabia"),
        ("sharif", "Shehbaz Sharif", "Q7493969", "pakistan"),
    ]
    .iter()
    .filter(|(p, ..)| signatures.iter().any(|(_, s, _)| s == p))
    .map(|(pid, name, q, actor)| {
        let title = if *pid == "mbs" { "Crown Prince and Prime Minister" } else { "Prime Minister" };
        json!({"id": pid, "name": name, "identifiers": [{"scheme": "wikidata", "value": q}],
                   "posts": [{"title": title, "organization": actor}]})
    })
    .collect();
    let signatures: Vec<Value> = signatures
        .iter()
        .map(|(party, signer, role)| {
            let mut s = json!({"party": party, "signer": signer});
            if *role == "witness" {
                s["role"] = json!("witness");
            }
            s
        })
        .collect();
    let mut agreement = json!({
        "id": "smda",
        "title": "Strategic Mutual Defense Agreement",
        "kind": "defense_pact",
        "parties": [{"actor": "saudi-arabia", "role": "party"}, {"actor": "pakistan", "role": "party"}],
        "actions": [{"type": "signature", "date": date, "place": {"name": "Riyadh", "country": "SAU"}}],
        "citations": cite
    });
    if !signatures.is_empty() {
        agreement["signatures"] = Value::Array(signatures);
    }
    let mut doc = json!({
        "schema_version": "1.1",
        "id": "report",
        "actors": [
            {"id": "saudi-arabia", "name": "Saudi Arabia", "kind": "state", "country": "SAU"},
            {"id": "pakistan", "name": "Pakistan", "kind": "state", "country": "PAK"}
        ],
        "agreements": [agreement],
        "sources": [{"id": id, "title": format!("{publisher}: Saudi Arabia and Pakistan sign defense pact"),
                     "publisher": publisher, "url": url, "kind": "news_report"}]
    });
    if !people.is_empty() {
        doc["people"] = Value::Array(people);
    }
    if id == "newsbytes" {
        doc["sources"][0]["published"] = json!("2025-09-18");
    }
    Dossier::from_json(&doc.to_string()).unwrap_or_else(|e| panic!("{id}: {e}"))
}

fn reports() -> Vec<Dossier> {
    let open = "../2025-09-18";
    vec![
        report(
            "anadolu",
            "https://en.mediacontentstudio.com/saudi-arabia-pakistan-sign-strategic-defense-pact",
            "Anadolu",
            &day(Weekday::Wed),
            &[("pakistan", "sharif", "signatory")],
            "Sharif met with Saudi Crown Prince Mohammed bin Salman and signed the Strategic Mutual Defense Agreement",
        ),
        report(
            "newsbytes",
            "https://www.newsbytesapp.com/news/world/attack-on-either-attack-on-both-saudi-pakistan-ink-agreement/story",
            "NewsBytes",
            open,
            &[],
            "Saudi Arabia and Pakistan have signed a \"Strategic Mutual Defense Agreement,\"",
        ),
        report(
            "abna",
            "https://id.abna24.com/news/1728454/Arab-Saudi-dan-Pakistan-Menandatangani-Perjanjian-Pertahanan",
            "ABNA",
            open,
            &[("saudi-arabia", "mbs", "signatory"), ("pakistan", "sharif", "witness")],
            "Putra Mahkota Mohammed bin Salman hari ini menandatangani perjanjian pertahanan strategis bersama antara kedua negara, disaksikan oleh Perdana Menteri Pakistan, Muhammad Shahbaz Sharif",
        ),
        report(
            "ndtv-profit",
            "https://www.ndtvprofit.com/amp/world/saudi-arabia-and-pakistan-deepen-ties-with-mutual-defense-pact",
            "NDTV Profit",
            &day(Weekday::Wed),
            &[("saudi-arabia", "mbs", "signatory"), ("pakistan", "sharif", "signatory")],
            "Saudi Crown Prince Mohammed Bin Salman and Pakistan's Prime Minister Shehbaz Sharif, who's making a state visit, signed the deal in Riyadh on Wednesday",
        ),
        report(
            "app",
            "https://imrozepakistan.com/?p=14720",
            "Associated Press of Pakistan",
            &day(Weekday::Tue),
            &[],
            "Riyadh: Pakistan and Saudi Arabia on Tuesday signed a Strategic Mutual Defense Agreement",
        ),
        report(
            "envision",
            "https://envisionpakistan.com/?p=25041",
            "Envision Pakistan",
            open,
            &[("saudi-arabia", "mbs", "witness")],
            "was formalized during Prime Minister Shehbaz Sharif's state visit to Riyadh and signed in the presence of Saudi Crown Prince Mohammed bin Salman",
        ),
    ]
}

/// The judgement a person records after `xref`. Every dossier is `report` (an extraction
/// answer's id), so a judgement cannot tell them apart: the six agreements join on the one
/// judgement that names `report/agreement/smda`.
fn resolver() -> Resolver {
    Resolver::from_json(
        &json!({"resolver_version": "1.0", "judgements": [{
            "left": {"dossier": "report", "type": "agreement", "id": "smda"},
            "right": {"dossier": "report", "type": "agreement", "id": "smda"},
            "judgement": "same", "decided_by": "test", "decided_at": "2026-12-07",
            "reason": "Six reports of the signing in Riyadh on 16 or 17 September 2025"}]})
        .to_string(),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

fn merge(inputs: &[Dossier]) -> Merged {
    let mut m = Merger::new(&resolver());
    for d in inputs {
        m.add(d);
    }
    m.finish().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn each_report_loads_and_validates() {
    for d in reports() {
        let errors: Vec<String> =
            d.validate().issues().iter().filter(|i| i.severity == Severity::Error).map(ToString::to_string).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", d.sources[0].id);
    }
}

#[test]
fn six_outlets_merge_in_every_order_to_one_agreement() {
    let inputs = reports();
    let first = merge(&inputs);
    let orders = permutations(inputs.len());
    assert_eq!(orders.len(), 720);
    for order in &orders {
        let again = merge(&order.iter().map(|&i| inputs[i].clone()).collect::<Vec<_>>());
        assert_eq!(again.dossier, first.dossier, "order {order:?}");
        assert_eq!(again.report, first.report, "order {order:?}");
    }
    let d = &first.dossier;
    let errors: Vec<String> =
        d.validate().issues().iter().filter(|i| i.severity == Severity::Error).map(ToString::to_string).collect();
    assert!(errors.is_empty(), "{errors:?}\n{}", first.report);
    assert_eq!((d.actors.len(), d.people.len(), d.agreements.len(), d.sources.len()), (2, 2, 1, 6), "{}", first.report);
    let pact = &d.agreements[0];
    // Every alternative of the day is a signature act: whichever is true, the pact was signed
    // (the status under the default dispute policy, which sets every alternative aside, still
    // reads `negotiated`: see the report of this change).
    assert!(pact.actions.iter().all(|a| a.kind.as_str() == "signature"));

    // The day: Wednesday 17 (Anadolu, NDTV Profit), Tuesday 16 (APP), or only "on or before
    // 18 September" (NewsBytes, ABNA, Envision), one act in dispute.
    let claims = d.competing_claims();
    let about = |path: &str| first.report.disputes.iter().filter(|x| x.path == path).count();
    assert_eq!((about("/actions"), about("/signatures")), (1, 2), "{}", first.report);
    let acts: Vec<String> = pact.actions.iter().map(|a| a.date.to_string()).collect();
    let mut sorted = acts.clone();
    sorted.sort();
    assert_eq!(sorted, ["../2025-09-18", "2025-09-16", "2025-09-17"]);
    assert!(pact.actions.iter().all(|a| a.dispute.is_some()));
    let cited = |date: &str| -> Vec<String> {
        let a = pact.actions.iter().find(|a| a.date.to_string() == date);
        let mut s: Vec<String> = a.into_iter().flat_map(|a| a.citations.iter().map(|c| c.source.to_string())).collect();
        s.sort();
        s
    };
    assert_eq!(cited("2025-09-17"), ["anadolu", "ndtv-profit"]);
    assert_eq!(cited("2025-09-16"), ["app"]);
    assert_eq!(cited("../2025-09-18"), ["abna", "envision", "newsbytes"]);

    // Who signed: for Pakistan, Sharif signed (Anadolu, NDTV Profit) or witnessed (ABNA); for
    // Saudi Arabia, the Crown Prince signed (ABNA, NDTV Profit) or witnessed (Envision).
    for party in ["pakistan", "saudi-arabia"] {
        let entries: Vec<(bool, usize)> = pact
            .signatures
            .iter()
            .filter(|s| s.party.as_str() == party)
            .map(|s| (s.is_signatory(), s.citations.len()))
            .collect();
        assert_eq!(entries.len(), 2, "{party}: {:?}", pact.signatures);
        assert!(pact.signatures.iter().filter(|s| s.party.as_str() == party).all(|s| s.dispute.is_some()));
    }
    assert_eq!(claims.len(), 3);

    // `dossier query` shows them in its competing-claims section.
    let mut out = Vec::new();
    let q = Questions::new(
        "pakistan".parse().unwrap_or_else(|e| panic!("{e}")),
        "SAU".parse().unwrap_or_else(|e| panic!("{e}")),
    );
    write_answers(&mut out, std::slice::from_ref(d), &q).unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8(out).unwrap_or_default();
    let section = text.split("# Competing claims").nth(1).unwrap_or_default();
    assert_eq!(section.lines().filter(|l| !l.is_empty()).count(), 3, "{section}");
    assert!(
        section.contains("Shehbaz Sharif (witness)") && section.contains("Mohammed bin Salman (witness)"),
        "{section}"
    );
    assert!(section.contains("2025-09-16") && section.contains("2025-09-17"), "{section}");
    // Each disputed fact is one fact cited by all its outlets, not one single-source fact per
    // version: the signing (six outlets), each party's signer (three). Before, the APP's date
    // and ABNA's and Envision's witnesses were listed as three facts resting on one source.
    let single = text.split("# Facts resting on a single source\n").nth(1).unwrap_or_default();
    assert!(single.starts_with('\n'), "{single}");
    // Signed, never in force: the agreement binds no one, and the binding section says so.
    assert!(text.starts_with("# Agreements binding pakistan (latest)\n\n"), "{text}");
}
