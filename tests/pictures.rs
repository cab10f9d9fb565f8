//! The pictures (feature `render`): the timelines of real histories as snapshots, what each
//! lane shows, disputed acts under each policy, directed suspensions, the date axis from 1386,
//! and escaping. The histories' sources are cited in their files (examples/data/,
//! tests/fixtures/histories/).

use defense_agreements::chrono::NaiveDate;
use defense_agreements::render::{RenderOptions, report_html, timeline_svg};
use defense_agreements::{DisputePolicy, Dossier};

fn read(path: &str) -> Dossier {
    let text = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    Dossier::from_json(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn options() -> RenderOptions {
    RenderOptions::new(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default())
}

fn svg(d: &Dossier, agreement: &str, o: &RenderOptions) -> String {
    timeline_svg(d, agreement, o).unwrap_or_else(|| panic!("no agreement {agreement}"))
}

/// The part of the SVG that draws one party's lane.
fn lane<'s>(svg: &'s str, actor: &str) -> &'s str {
    let start = svg.find(&format!("data-actor=\"{actor}\"")).unwrap_or_else(|| panic!("no lane {actor}"));
    let rest = &svg[start..];
    &rest[..rest.find("</g>").unwrap_or(rest.len())]
}

#[test]
fn the_collective_security_treaty_as_drawn() {
    let d = read("examples/data/collective-security-treaty-1992.json");
    let picture = svg(&d, "collective-security-treaty", &options());
    insta::assert_snapshot!("timeline_collective_security_treaty", picture);
    // Uzbekistan: bound 1994-1999, withdrawn until its return in 2006, suspended from 2012.
    let uzbekistan = lane(&picture, "uzbekistan");
    assert_eq!(uzbekistan.matches("class=\"span bound\"").count(), 2, "{uzbekistan}");
    assert_eq!(uzbekistan.matches("class=\"span withdrawn\"").count(), 1);
    assert_eq!(uzbekistan.matches("class=\"span suspended\"").count(), 1);
    assert!(uzbekistan.contains("Uzbekistan: suspended from 2012-12-19 to the end of the record"), "{uzbekistan}");
    // Azerbaijan and Georgia left with the first term; Russia is bound throughout.
    for gone in ["azerbaijan", "georgia"] {
        assert!(lane(&picture, gone).contains("withdrawn from 1999-04-20"), "{gone}");
    }
    assert_eq!(lane(&picture, "russia").matches("class=\"span").count(), 1);
    // Every act is a mark, titled.
    assert_eq!(picture.matches("<g class=\"mark\"").count(), d.agreements[0].actions.len());
}

#[test]
fn the_north_atlantic_treaty_as_drawn() {
    let d = read("examples/data/north-atlantic-treaty-1949.json");
    let picture = svg(&d, "north-atlantic-treaty", &options());
    insta::assert_snapshot!("timeline_north_atlantic_treaty", picture);
    for party in &d.agreements[0].parties {
        assert!(picture.contains(&format!("data-actor=\"{}\"", party.actor)), "{}", party.actor);
    }
}

#[test]
fn six_centuries_fit_on_one_axis_and_the_place_of_england_passes_on() {
    let d = read("tests/fixtures/histories/treaty-of-windsor-1386.json");
    let picture = svg(&d, "treaty-of-windsor", &options());
    insta::assert_snapshot!("timeline_treaty_of_windsor", picture);
    // Ticks in the fourteenth century and today, the centuries between cut short.
    assert!(picture.contains(">1400</text>") && picture.contains(">2000</text>"), "{picture}");
    assert_eq!(picture.matches("class=\"cut\"").count(), 1);
    let england = lane(&picture, "england");
    assert!(england.contains("from 1707-05-01: Kingdom of Great Britain"), "{england}");
    assert!(england.contains("from 1801-01-01: United Kingdom"), "{england}");
}

#[test]
fn a_suspension_toward_one_party_is_a_strip_on_both_lanes() {
    let d = read("tests/fixtures/histories/constructed-pair-suspension.json");
    let picture = svg(&d, "tripartite-pact", &options());
    let strips: Vec<&str> = picture.match_indices("class=\"directed\"").map(|(i, _)| &picture[i..]).collect();
    assert_eq!(strips.len(), 2, "{picture}");
    for s in strips {
        assert!(s.contains("Alpha suspends the agreement toward Beta from 2005-03-01 to 2007-01-01"), "{s}");
    }
    // Nobody's own standing changes: each lane is one bound span.
    for party in ["alpha", "beta", "gamma"] {
        assert_eq!(lane(&picture, party).matches("class=\"span").count(), 1, "{party}");
    }
}

/// The Collective Security Treaty with Uzbekistan's return in 2006 disputed: a second report
/// puts it in 2008.
fn disputed_return() -> Dossier {
    let mut json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!(
            "{}/examples/data/collective-security-treaty-1992.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap_or_default(),
    )
    .unwrap_or_default();
    let actions = json["agreements"][0]["actions"].as_array_mut().map(std::mem::take).unwrap_or_default();
    let mut out = Vec::new();
    for mut a in actions {
        if a["type"] == "accession" && a["party"] == "uzbekistan" {
            a["dispute"] = "uzbek-return".into();
            let mut other = a.clone();
            other["date"] = "2008-06-23".into();
            out.push(a);
            out.push(other);
        } else {
            out.push(a);
        }
    }
    json["agreements"][0]["actions"] = out.into();
    json["disputes"] = serde_json::json!([{ "id": "uzbek-return", "question": "When did Uzbekistan return?" }]);
    Dossier::from_json(&json.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn disputed_acts_are_ringed_and_count_only_under_the_policy_chosen() {
    let d = disputed_return();
    // Default policy: neither alternative counts, so Uzbekistan never returns.
    let picture = svg(&d, "collective-security-treaty", &options());
    assert_eq!(picture.matches("<g class=\"mark disputed\"").count(), 2);
    assert_eq!(picture.matches("set aside under the policy undisputed").count(), 2);
    assert!(picture.contains("When did Uzbekistan return?"));
    assert_eq!(lane(&picture, "uzbekistan").matches("class=\"span bound\"").count(), 1);
    assert!(picture.contains("the lanes rest on disputed acts"));
    // Every alternative counts: it is back from 2006.
    let any = svg(&d, "collective-security-treaty", &options().with_policy(DisputePolicy::AnyAlternative));
    assert_eq!(any.matches("counted under the policy any_alternative").count(), 2);
    let uzbekistan = lane(&any, "uzbekistan");
    assert_eq!(uzbekistan.matches("class=\"span bound\"").count(), 2, "{uzbekistan}");
    assert!(uzbekistan.contains("bound from 2006-06-23"), "{uzbekistan}");
    // The report sets the two alternatives side by side.
    let page = report_html(&d, &options());
    let disputes = &page[page.find("<h2>Disputes</h2>").unwrap_or_else(|| panic!("no disputes section"))..];
    assert_eq!(disputes.matches("class=\"alternative\"").count(), 2);
    assert!(
        disputes.contains("accession 2006-06-23 by Uzbekistan")
            && disputes.contains("accession 2008-06-23 by Uzbekistan")
    );
}

#[test]
fn the_report_holds_every_part_of_the_dossier() {
    let d = read("examples/data/iran-syria-2020.json");
    let page = report_html(&d, &options());
    insta::assert_snapshot!("report_iran_syria", page);
    for a in &d.agreements {
        assert!(page.contains(&format!("id=\"timeline-{}\"", a.id)));
    }
    for s in &d.sources {
        assert!(page.contains(&format!("id=\"source-{}\"", s.id)));
    }
    for t in &d.troop_presences {
        assert!(page.contains(&format!("id=\"presence-{}\"", t.id)));
    }
    // Signers with their posts; every quote under its source.
    assert!(page.contains("Mohammad Bagheri") && page.contains("Chief of Staff"));
    let quotes = d
        .agreements
        .iter()
        .flat_map(|a| a.citations.iter().chain(a.signatures.iter().flat_map(|s| &s.citations)))
        .filter_map(|c| c.quote.as_deref());
    for q in quotes {
        let escaped = q.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
        assert!(page.contains(&escaped), "{q}");
    }
    // Nothing to load: no script, stylesheet link or remote image.
    for outside in ["<script", "<link", "<img", "@import", "url("] {
        assert!(!page.contains(outside), "{outside}");
    }
}

#[test]
fn every_text_is_escaped() {
    let mut d = read("examples/data/russia-sudan-2020.json");
    d.title = Some("<script>alert(1)</script> & \"friends\"".to_owned());
    d.agreements[0].title = "A </svg><b>bold</b> agreement".to_owned();
    if let Some(a) = d.actors.first_mut() {
        a.name = "<img src=x onerror=alert(2)>".to_owned();
    }
    let page = report_html(&d, &options());
    assert!(!page.contains("<script>") && !page.contains("<img") && !page.contains("<b>bold"), "{page}");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;"));
    let picture = svg(&d, d.agreements[0].id.as_str(), &options());
    assert!(!picture.contains("<b>") && picture.contains("&lt;/svg&gt;&lt;b&gt;bold"));
}

#[test]
fn an_agreement_with_no_dated_act_still_has_an_axis_and_its_lanes() {
    let d = read("examples/data/russia-sudan-2020.json");
    let id = d.agreements[0].id.to_string();
    let picture = svg(&d, &id, &options());
    assert!(picture.contains("No dated act recorded."));
    assert!(picture.contains("text-anchor=\"middle\""), "no tick");
    assert_eq!(picture.matches("class=\"lane party-lane\"").count(), d.agreements[0].parties.len());
    assert!(timeline_svg(&d, "no-such-agreement", &options()).is_none());
}

#[test]
fn many_parties_and_many_acts_draw_in_one_pass() {
    // 3,000 parties acceding on 3,000 days: the cost is the picture's, not parties times acts.
    let parties: Vec<serde_json::Value> =
        (0..3000).map(|i| serde_json::json!({ "actor": format!("p{i}"), "role": "party" })).collect();
    let mut actions = vec![serde_json::json!({ "type": "entry_into_force", "date": "1950-01-01" })];
    for i in 0..3000 {
        let day = NaiveDate::from_ymd_opt(1950, 1, 2).unwrap_or_default() + defense_agreements::chrono::Days::new(i);
        actions.push(serde_json::json!({ "type": "accession", "party": format!("p{i}"), "date": day.to_string() }));
    }
    let json = serde_json::json!({
        "schema_version": "1.2", "id": "big",
        "agreements": [{ "id": "big", "title": "Big", "kind": "defense_pact", "parties": parties, "actions": actions }]
    });
    let d = Dossier::from_json(&json.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let picture = svg(&d, "big", &options());
    assert_eq!(picture.matches("class=\"span bound\"").count(), 3000);
    assert_eq!(picture.matches("<g class=\"mark\"").count(), 3001);
}

#[test]
fn a_disputed_field_of_an_act_is_ringed_and_its_values_set_side_by_side() {
    let mut json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!(
            "{}/examples/data/collective-security-treaty-1992.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap_or_default(),
    )
    .unwrap_or_default();
    let source = json["sources"][0]["id"].clone();
    json["disputes"] = serde_json::json!([{
        "id": "entry-date",
        "question": "When did the treaty enter into force?",
        "record": { "type": "agreement", "id": "collective-security-treaty" },
        "field": "/actions/4/date",
        "alternatives": [
            { "value": "1994-04-20", "citations": [{ "source": source }] },
            { "value": "1994-04-21", "citations": [{ "source": source }] }
        ]
    }]);
    let d = Dossier::from_json(&json.to_string()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(d.agreements[0].actions[4].kind.as_str(), "entry_into_force");
    let picture = svg(&d, "collective-security-treaty", &options());
    let ringed: Vec<&str> = picture.match_indices("<g class=\"mark disputed\"").map(|(i, _)| &picture[i..]).collect();
    assert_eq!(ringed.len(), 1, "{picture}");
    assert!(ringed[0].contains("its /actions/4/date is disputed: entry-date"), "{}", ringed[0]);
    let page = report_html(&d, &options());
    let disputes = &page[page.find("<h2>Disputes</h2>").unwrap_or_else(|| panic!("no disputes section"))..];
    assert!(disputes.contains("&quot;1994-04-20&quot;") && disputes.contains("&quot;1994-04-21&quot;"), "{disputes}");
}

#[test]
fn provisional_application_has_its_own_colour_until_it_ends() {
    // Russia applied the Energy Charter Treaty provisionally from its signature in 1994 until it
    // ended the provisional application in 2009 (the fixture cites its sources).
    let d = read("tests/fixtures/histories/energy-charter-treaty-1994.json");
    let id = d.agreements[0].id.to_string();
    let picture = svg(&d, &id, &options());
    let russia = lane(&picture, "russia");
    let order: Vec<&str> = russia.match_indices("class=\"span ").map(|(i, _)| &russia[i + 12..i + 20]).collect();
    assert_eq!(order, ["provisio", "withdraw"], "{russia}");
}
