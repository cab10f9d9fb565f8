//! Adversarial regressions of the surface added in round 5: provider responses that hold no
//! single answer, characters XML cannot carry and direction overrides in the pictures, free text
//! that would break `dossier query`'s tab-separated rows, the resolver schema against its
//! reader, and a source asked for by name. Each test failed before its fix (the input and the
//! old symptom are in its comment); the last runs hostile text through generated dossiers.

use defense_agreements::Dossier;
use defense_agreements::answers::{Questions, write_answers};
use defense_agreements::prelude::*;

/// A small real dossier to bend (Russia–DPRK, 2024).
fn dprk() -> Dossier {
    Dossier::from_json(include_str!("../examples/data/russia-dprk-2024.json"))
        .unwrap_or_else(|e| panic!("the example parses: {e}"))
}

/// Before: `{"choices": [{"message": {"content": ""}}]}` gave `Ok("")`, so `dossier prompt
/// --answer-from` printed an empty line and exited 0. The same for white space and for every
/// provider.
#[cfg(feature = "extraction")]
#[test]
fn an_empty_answer_is_no_answer() {
    use defense_agreements::extraction::{Provider, answer_from};
    let cases = [
        (Provider::OpenAiChat, r#"{"choices":[{"finish_reason":"stop","message":{"content":""}}]}"#),
        (Provider::OpenAiChat, r#"{"choices":[{"finish_reason":"stop","message":{"content":" \n\t "}}]}"#),
        (
            Provider::OpenAiResponses,
            r#"{"status":"completed","output":[{"type":"message","content":[{"type":"output_text","text":""}]}]}"#,
        ),
        (Provider::Gemini, r#"{"candidates":[{"finishReason":"STOP","content":{"parts":[{"text":"  "}]}}]}"#),
    ];
    for (provider, response) in cases {
        let got = answer_from(provider, response);
        assert_eq!(got.as_ref().map_err(|e| e.code()), Err("missing"), "{provider:?}: {response} gave {got:?}");
        let message = got.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(message.contains("empty"), "{message}");
    }
}

/// Before: an Anthropic response calling `record_dossier` twice gave the first call's input,
/// and the second answer was dropped without a word.
#[cfg(feature = "extraction")]
#[test]
fn two_calls_of_the_answer_tool_are_not_one_answer() {
    use defense_agreements::extraction::{AnswerError, Provider, answer_from};
    let twice = r#"{"stop_reason":"tool_use","content":[
        {"type":"tool_use","id":"a","name":"record_dossier","input":{"id":"first"}},
        {"type":"tool_use","id":"b","name":"record_dossier","input":{"id":"second"}}]}"#;
    let got = answer_from(Provider::Anthropic, twice);
    assert!(
        matches!(&got, Err(AnswerError::Missing { message, .. }) if message.starts_with("2 tool_use blocks")),
        "{got:?}"
    );
    // A call of another tool is named, so that the reader sees what the model did instead.
    let other = r#"{"stop_reason":"tool_use","content":[{"type":"tool_use","id":"a","name":"search","input":{}}]}"#;
    let message = answer_from(Provider::Anthropic, other).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("no tool_use block calling record_dossier; the model called \"search\""), "{message}");
}

/// Before: `{"error": "rate limited"}` (a gateway's error as a bare string) was read as a
/// response with no choices; the provider's message was lost.
#[cfg(feature = "extraction")]
#[test]
fn an_error_given_as_a_string_is_the_provider_s_error() {
    use defense_agreements::extraction::{AnswerError, Provider, answer_from};
    for provider in [Provider::OpenAiChat, Provider::OpenAiResponses, Provider::Anthropic, Provider::Gemini] {
        let got = answer_from(provider, r#"{"error": "rate limited"}"#);
        assert!(matches!(&got, Err(AnswerError::Provider { message }) if message == "rate limited"), "{got:?}");
    }
}

/// Before: `"refusal": ""` next to a real answer (as some compatible servers write "no
/// refusal") failed the answer as a refusal with an empty message.
#[cfg(feature = "extraction")]
#[test]
fn an_empty_refusal_beside_an_answer_is_no_refusal() {
    use defense_agreements::extraction::{Provider, answer_from};
    let response = r#"{"choices":[{"finish_reason":"stop","message":{"content":"{\"id\":\"x\"}","refusal":""}}]}"#;
    assert_eq!(answer_from(Provider::OpenAiChat, response).as_deref(), Ok(r#"{"id":"x"}"#));
    let refused = r#"{"choices":[{"finish_reason":"stop","message":{"content":null,"refusal":"No."}}]}"#;
    assert_eq!(answer_from(Provider::OpenAiChat, refused).map_err(|e| e.code()), Err("refused"));
}

/// Before: a valid dossier whose agreement title ends in U+FFFE (validation allows it) gave an
/// SVG no XML parser reads ("not well-formed (invalid token)"); a browser shows an error page
/// instead of the timeline. Control characters (an invalid dossier, drawn all the same) too.
#[cfg(feature = "render")]
#[test]
fn pictures_hold_no_character_xml_forbids() {
    use defense_agreements::render::{RenderOptions, report_html, timeline_svg};
    let forbidden = |c: char| (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}';
    let mut d = dprk();
    if let Some(a) = d.agreements.first_mut() {
        a.title.push_str(" \u{FFFE}\u{FFFF}\u{1}\u{8}\u{1b}end");
    }
    d.title = Some("Dossier \u{FFFF}\u{0}".to_owned());
    let options = RenderOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default());
    let svg = timeline_svg(&d, "russia-dprk-2024", &options).unwrap_or_default();
    assert!(svg.contains("\u{FFFD}end"), "the title is kept, its forbidden characters replaced");
    assert!(!svg.chars().any(forbidden), "{svg}");
    let page = report_html(&d, &options);
    assert!(!page.chars().any(forbidden));
    assert!(page.contains(&svg), "the page holds the same picture");
}

/// Before: a tab or a line break in a title or a place's name (both valid) split
/// `dossier query`'s tab-separated rows: `Pyong\tyang\nFAKE\tROW` printed a row of its own.
#[test]
fn query_rows_keep_their_fields_whatever_the_text() {
    let mut d = dprk();
    let Some(a) = d.agreements.first_mut() else { panic!("the example has an agreement") };
    a.title = "Treaty\twith a tab\nand a line\\".to_owned();
    if let Some(place) = a.signatures.first_mut().and_then(|s| s.place.as_mut()) {
        place.name = "Pyong\tyang\r\nFAKE\tROW".to_owned();
    }
    let actor = ActorId::new("russia").unwrap_or_else(|e| panic!("{e}"));
    let questions = Questions::new(actor, "SYR".parse().unwrap_or_else(|e| panic!("{e:?}")));
    let mut out = Vec::new();
    write_answers(&mut out, std::slice::from_ref(&d), &questions).unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8(out).unwrap_or_default();
    assert!(text.contains("russia-dprk-2024\tin_force\tTreaty\\twith a tab\\nand a line\\\\\n"), "{text}");
    assert!(text.contains("\tPyong\\tyang\\r\\nFAKE\\tROW (PRK)\t"), "{text}");
    assert!(!text.lines().any(|l| l.starts_with("FAKE")), "{text}");
    // Every row of the places section has its five fields.
    let places = text.split("# Places\n").nth(1).and_then(|s| s.split("\n\n").next()).unwrap_or_default();
    assert!(!places.is_empty() && places.lines().all(|l| l.split('\t').count() == 5), "{places}");
}

/// Before: an actor named `Evil\u{202E}…` (a right-to-left override, valid text) ran its
/// override on past its name: the timeline's tooltips and the report's sentences around it
/// ("… signed for Evil…, as …") were shown reversed. A PDI in the name could close an isolate
/// early, so it is left out inside one.
#[cfg(feature = "render")]
#[test]
fn direction_overrides_in_names_stay_inside_them() {
    use defense_agreements::render::{RenderOptions, report_html, timeline_svg};
    let mut d = dprk();
    for actor in &mut d.actors {
        if actor.id.as_str() == "russia" {
            actor.name = "Evil\u{202E}x\u{2069}\u{202E}y".to_owned();
        }
    }
    let options = RenderOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default());
    let isolated = "\u{2068}Evil\u{202E}x\u{202E}y\u{2069}";
    let svg = timeline_svg(&d, "russia-dprk-2024", &options).unwrap_or_default();
    let page = report_html(&d, &options);
    for text in [&svg, &page] {
        assert!(text.contains(isolated), "the name is isolated");
        // Every override opened by the name is inside an isolate that closes after it.
        let outside = text.split('\u{2068}').enumerate().any(|(i, part)| {
            let before_close = if i == 0 { part } else { part.split_once('\u{2069}').map_or(part, |(_, rest)| rest) };
            before_close.contains('\u{202E}')
        });
        assert!(!outside, "an override outside an isolate");
    }
    // A name without direction controls is as it was.
    assert!(page.contains("North Korea") && !page.contains("\u{2068}North Korea"));
}

/// Before: the resolver schema accepted `decided_by: ""` (and all white space), which
/// `Resolver::from_json` refuses, and refused `resolver_version: "1.1234567890"`, which it
/// read. Both now agree, including on the characters regex engines disagree about (U+FEFF is
/// white space to ECMAScript's `\s`, not to `str::trim`).
#[cfg(all(feature = "schema", feature = "merge"))]
#[test]
fn the_resolver_schema_and_the_reader_agree() {
    use defense_agreements::identity::Resolver;
    let schema = serde_json::Value::from(defense_agreements::schema::resolver_schema());
    let validator = jsonschema::draft202012::new(&schema).unwrap_or_else(|e| panic!("{e}"));
    let document = |version: &str, by: &str| {
        serde_json::json!({"resolver_version": version, "judgements": [{
            "left": {"dossier": "a", "type": "actor", "id": "x"},
            "right": {"dossier": "b", "type": "actor", "id": "x"},
            "judgement": "same", "decided_by": by, "decided_at": "2026-12-08"}]})
    };
    let mut cases = Vec::new();
    for by in ["", " ", "\t\n", "\u{3000}\u{a0}", "\u{85}", "\u{feff}", "me", " me ", "\u{200b}"] {
        cases.push(document("1.0", by));
    }
    for version in ["1.123456789", "1.1234567890", "1.01", "1.0"] {
        cases.push(document(version, "me"));
    }
    for case in cases {
        let by_schema = validator.is_valid(&case);
        let by_reader = Resolver::from_json(&case.to_string()).is_ok();
        assert_eq!(by_schema, by_reader, "{case}");
    }
}

/// Before: `extract` with `with_source("wire")` on an answer whose only source is `report`
/// took `report` as the article without a word: the source asked for was ignored.
#[cfg(feature = "extraction")]
#[test]
fn a_source_asked_for_and_missing_fails_the_answer() {
    use defense_agreements::extraction::{Article, ExtractOptions, extract};
    let answer = r#"{"schema_version": "1.2", "id": "report",
        "sources": [{"id": "report", "title": "A story"}]}"#;
    let article = Article::new("Some text.").with_url("https://example.org/story-about-a-pact");
    let got = extract(answer, &article, &ExtractOptions::new().with_source("wire"));
    let message = got.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("the answer has no source 'wire' (its sources: report)"), "{message}");
    // Without a name, the only source is the article's, as documented.
    let got = extract(answer, &article, &ExtractOptions::new()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(got.source, "example.org:story-about-a-pact");
}

/// Hostile text in every name, title, text and quote of generated dossiers (valid and with
/// defects): the pictures never panic and hold no markup, no character XML forbids and no
/// override outside an isolate; `dossier query`'s rows never split.
#[cfg(feature = "render")]
#[test]
fn hostile_text_in_generated_dossiers() {
    use defense_agreements::render::{RenderOptions, report_html, timeline_svg};
    const EVIL: &str = "<script>x</script>\"'&<svg onload=y>\u{FFFE}\u{202E}\u{2069}\tEVIL-ROW\n\u{200B}";
    fn poison(v: &mut serde_json::Value, key: Option<&str>) {
        match v {
            serde_json::Value::Object(map) => map.iter_mut().for_each(|(k, child)| poison(child, Some(k))),
            serde_json::Value::Array(items) => items.iter_mut().for_each(|child| poison(child, key)),
            serde_json::Value::String(s) if matches!(key, Some("name" | "title" | "text" | "quote" | "capacity")) => {
                s.push_str(EVIL);
            }
            _ => {}
        }
    }
    let forbidden = |c: char| (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}';
    let options = RenderOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default());
    let mut drawn = 0;
    for n in 0..40 {
        let g = crate::corpus::generate(7, n, 2, 300).unwrap_or_else(|e| panic!("{e}"));
        let mut value: serde_json::Value = serde_json::from_str(&g.json).unwrap_or_else(|e| panic!("{e}"));
        poison(&mut value, None);
        let Ok(d) = Dossier::from_json(&value.to_string()) else { continue };
        let mut pictures = vec![report_html(&d, &options)];
        pictures.extend(d.agreements.iter().filter_map(|a| timeline_svg(&d, a.id.as_str(), &options)));
        for p in &pictures {
            assert!(!p.contains("<script") && !p.contains("<svg onload"), "markup from the dossier: {n}");
            assert!(!p.chars().any(forbidden), "a character XML forbids: {n}");
            let outside = p.split('\u{2068}').enumerate().any(|(i, part)| {
                let after = if i == 0 { part } else { part.split_once('\u{2069}').map_or("", |(_, rest)| rest) };
                after.contains('\u{202E}')
            });
            if outside {
                for (i, part) in p.split('\u{2068}').enumerate() {
                    let after = if i == 0 { part } else { part.split_once('\u{2069}').map_or("", |(_, rest)| rest) };
                    if let Some(at) = after.find('\u{202E}') {
                        let from = after[..at].char_indices().rev().nth(120).map_or(0, |(j, _)| j);
                        eprintln!("LEAK: {:?}", &after[from..at]);
                    }
                }
            }
            assert!(!outside, "an override outside an isolate: {n}");
        }
        drawn += pictures.len();
        let actor = d
            .actors
            .first()
            .map(|a| a.id.clone())
            .unwrap_or_else(|| ActorId::new("x").unwrap_or_else(|e| panic!("{e}")));
        let mut out = Vec::new();
        write_answers(
            &mut out,
            std::slice::from_ref(&d),
            &Questions::new(actor, "SYR".parse().unwrap_or_else(|e| panic!("{e:?}"))),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let text = String::from_utf8(out).unwrap_or_default();
        assert!(!text.lines().any(|l| l.starts_with("EVIL-ROW") || l.starts_with('\u{200B}')), "a split row: {n}");
    }
    assert!(drawn > 40, "too few pictures drawn: {drawn}");
}
