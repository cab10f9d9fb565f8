//! `extraction::extract`: a model's answer and its article to a dossier. Duplicate keys are
//! refused with their path, the article's source gets an id of its own and its record is filled
//! in, quotes are checked exactly or normalized, misquotes drop a citation or fail the answer.

use defense_agreements::RecordKind;
use defense_agreements::extraction::{
    Article, ExtractOptions, Normalization, OnMisquote, QuoteMatching, QuoteStatus, check_quotes, extract,
    from_profile_json, to_profile,
};
use defense_agreements::identity::Resolver;
use defense_agreements::merge::merge;
use serde_json::{Value, json};

/// The seed in the profile's shape: what a model answers for the Iran–Syria report.
fn answer() -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/extraction/iran-syria-2020.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"))
}

/// Every quote of the answer citing `report`.
fn quotes(answer: &Value) -> Vec<String> {
    let dossier = from_profile_json(&answer.to_string()).unwrap_or_else(|e| panic!("{e}"));
    check_quotes(&dossier, "report", "").into_iter().map(|m| m.quote).collect()
}

/// An article holding every quote of the answer, as written.
fn article_for(answer: &Value) -> Article {
    Article::new(quotes(answer).join(" … "))
        .with_url("https://www.example.org/world/iran-syria-military-agreement.html")
        .with_publisher("Example News")
        .with_published("2020-07-09T08:30:00Z")
        .with_title("Iran and Syria sign military agreement")
}

/// The JSON Pointer of the first list of citations with a quote of the report.
fn cited(answer: &Value) -> String {
    let dossier = from_profile_json(&answer.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let first = check_quotes(&dossier, "report", "").into_iter().next().unwrap_or_else(|| panic!("no quote"));
    let citation = first.path.strip_suffix("/quote").unwrap_or_default();
    citation.rsplit_once('/').map(|(list, _)| list.to_owned()).unwrap_or_default()
}

fn run(answer: &Value, article: &Article, options: &ExtractOptions) -> defense_agreements::extraction::Extracted {
    extract(&answer.to_string(), article, options).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_source_is_named_after_the_article_and_filled_from_it() {
    let answer = answer();
    let extracted = run(&answer, &article_for(&answer), &ExtractOptions::new());
    assert_eq!(extracted.source, "example.org:iran-syria-military-agreement");
    assert_eq!(extracted.dossier.id.as_str(), extracted.source);
    let source = extracted.dossier.source(&extracted.source).unwrap_or_else(|| panic!("no source"));
    assert_eq!(
        source.url.as_ref().map(|u| u.as_str()),
        Some("https://www.example.org/world/iran-syria-military-agreement.html")
    );
    assert_eq!(source.publisher.as_deref(), Some("Example News"));
    assert_eq!(source.published.as_ref().map(|d| d.to_string()).as_deref(), Some("2020-07-09"));
    assert_eq!(source.title, "Iran and Syria sign military agreement");
    // No reference names the old id; the dossier validates; every quote was found as written.
    assert!(extracted.dossier.references().iter().all(|r| r.id != "report"));
    assert!(extracted.report.is_valid(), "{}", extracted.report);
    assert!(extracted.quotes.len() > 15);
    assert!(extracted.quotes.iter().all(|q| q.status == QuoteStatus::Exact && q.normalizations.is_empty()));
    assert!(extracted.is_clean());
}

#[test]
fn answers_about_two_articles_merge_without_renaming_their_sources() {
    let answer = answer();
    let first = run(&answer, &article_for(&answer), &ExtractOptions::new());
    let other = article_for(&answer).with_url("https://apnews.com/article/iran-syria-0123456789");
    let second = run(&answer, &other, &ExtractOptions::new());
    assert_ne!(first.source, second.source);
    let is_source = |r: &defense_agreements::merge::Rename| r.from.kind == RecordKind::Source;
    // As the model wrote them, both call the article `report`, and a merge must rename one.
    let raw = from_profile_json(&answer.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let mut other_raw = raw.clone();
    other_raw.sources[0].url = second.dossier.source(&second.source).and_then(|s| s.url.clone());
    let merged = merge(&raw, &other_raw, &Resolver::default()).unwrap_or_else(|e| panic!("{e}"));
    assert!(merged.report.renamed.iter().any(is_source), "{:?}", merged.report.renamed);
    let merged = merge(&first.dossier, &second.dossier, &Resolver::default()).unwrap_or_else(|e| panic!("{e}"));
    assert!(!merged.report.renamed.iter().any(is_source), "{:?}", merged.report.renamed);
    // The two articles and the AP report both answers cite, which is the same record.
    assert_eq!(merged.dossier.sources.len(), 3);
}

#[test]
fn duplicate_keys_are_refused_with_their_path() {
    let text = answer().to_string();
    // A key twice in a record: `duplicate_field` at the key, as the canonical parser says it.
    let twice = format!("{{\"title\":\"x\",{}", &text[1..]);
    let e = extract(&twice, &Article::new("t"), &ExtractOptions::new()).err().unwrap_or_else(|| panic!("accepted"));
    assert_eq!((e.code(), e.path()), ("duplicate_field", Some("/title")), "{e}");
    let e = from_profile_json(&twice).err().unwrap_or_else(|| panic!("accepted"));
    assert_eq!((e.code(), e.path()), ("duplicate_field", Some("/title")), "{e}");
    // Inside an extension value (JSON text in the profile): `invalid_value` at that value.
    let mut answer = answer();
    answer["actors"][0]["extensions"] = json!([{"key": "acme.x", "value": "{\"k\": 1, \"k\": 2}"}]);
    let e = extract(&answer.to_string(), &Article::new("t"), &ExtractOptions::new())
        .err()
        .unwrap_or_else(|| panic!("accepted"));
    assert_eq!((e.code(), e.path()), ("invalid_value", Some("/actors/0/extensions/0/value")), "{e}");
    assert!(e.to_string().contains("duplicate key 'k'"), "{e}");
    // Deeper in a record: the path goes down to the key.
    let nested = text.replacen("\"signatures\":[{", "\"signatures\":[{\"date\":null,", 1);
    let e = from_profile_json(&nested).err().unwrap_or_else(|| panic!("accepted"));
    assert_eq!((e.code(), e.path()), ("duplicate_field", Some("/agreements/0/signatures/0/date")), "{e}");
}

#[test]
fn a_misquote_fails_the_answer_or_drops_its_citation() {
    let answer = answer();
    let quotes = quotes(&answer);
    // The article lacks the first quote (and the others equal to it).
    let article = Article::new(quotes.iter().filter(|q| **q != quotes[0]).cloned().collect::<Vec<_>>().join(" … "))
        .with_publisher("Example News");
    let e = extract(&answer.to_string(), &article, &ExtractOptions::new()).err().unwrap_or_else(|| panic!("passed"));
    assert_eq!(e.code(), "misquote");
    assert!(e.path().is_some_and(|p| p.ends_with("/quote")), "{e}");

    let dropping = ExtractOptions::new().with_on_misquote(OnMisquote::Drop);
    let extracted = run(&answer, &article, &dropping);
    let dropped: Vec<_> = extracted.misquotes().collect();
    assert!(!dropped.is_empty() && dropped.iter().all(|q| q.quote == quotes[0]));
    // The citations are gone, every other quote is kept, and the rest of the answer is there.
    let kept = check_quotes(&extracted.dossier, &extracted.source, "");
    assert_eq!(kept.len(), extracted.quotes.len() - dropped.len());
    assert!(kept.iter().all(|m| m.quote != quotes[0]));
    assert_eq!(
        extracted.dossier.agreements.len(),
        from_profile_json(&answer.to_string()).map(|d| d.agreements.len()).unwrap_or(0)
    );
}

#[test]
fn the_normalized_level_finds_typed_otherwise_words_and_says_how() {
    let mut answer = answer();
    let original = quotes(&answer);
    let q = &original[0];
    // The article as typeset: curly apostrophes, an em dash, no-break spaces, decomposed é.
    let article_text = format!(
        "Intro\u{00A0}text. {} \u{2014} l\u{2019}armée a dit: Caf\u{0065}\u{0301} noir.",
        q.replacen(' ', "\u{00A0}\n", 1)
    );
    let (nbsp_quote, quotes_quote, nfc_quote) = (q.clone(), "l'armée a dit", "Café noir");
    let list = cited(&answer);
    let mut citations = answer.pointer(&list).and_then(Value::as_array).cloned().unwrap_or_default();
    let template = citations.first().cloned().unwrap_or_else(|| panic!("the seed cites its actors"));
    for quote in [nbsp_quote.as_str(), quotes_quote, nfc_quote, " Intro text", "text. X"] {
        let mut c = template.clone();
        c["quote"] = json!(quote);
        citations.push(c);
    }
    *answer.pointer_mut(&list).unwrap_or_else(|| panic!("{list}")) = Value::Array(citations.clone());
    let article = Article::new(article_text.clone()).with_publisher("Example News");
    let path = |i: usize| format!("{list}/{i}/quote");
    let n = citations.len();

    let exact = run(&answer, &article, &ExtractOptions::new().with_on_misquote(OnMisquote::Drop));
    let status = |e: &defense_agreements::extraction::Extracted, p: &str| {
        e.quotes.iter().find(|r| r.path == p).map(|r| (r.status, r.normalizations.clone()))
    };
    assert_eq!(status(&exact, &path(n - 5)).map(|s| s.0), Some(QuoteStatus::Misquoted));
    assert_eq!(status(&exact, &path(n - 4)).map(|s| s.0), Some(QuoteStatus::Misquoted));

    let normalized = run(
        &answer,
        &article,
        &ExtractOptions::new().with_quotes(QuoteMatching::Normalized).with_on_misquote(OnMisquote::Drop),
    );
    assert_eq!(status(&normalized, &path(n - 5)), Some((QuoteStatus::Normalized, vec![Normalization::WhiteSpace])));
    assert_eq!(status(&normalized, &path(n - 4)), Some((QuoteStatus::Normalized, vec![Normalization::Quotes])));
    assert_eq!(status(&normalized, &path(n - 3)), Some((QuoteStatus::Normalized, vec![Normalization::Nfc])));
    // A quote with white space at its ends is trimmed (at any level), and found.
    assert_eq!(
        status(&normalized, &path(n - 2)),
        Some((QuoteStatus::Normalized, vec![Normalization::Trim, Normalization::WhiteSpace]))
    );
    assert_eq!(status(&normalized, &path(n - 1)).map(|s| s.0), Some(QuoteStatus::Misquoted));
    // The dossier holds the article's own words, so an exact check of it passes, and
    // validate() has nothing to say about white space.
    let misquotes = check_quotes(&normalized.dossier, &normalized.source, &article_text);
    assert!(misquotes.is_empty(), "{misquotes:?}");
    assert!(normalized.report.issues().iter().all(|i| i.code.as_str() != "untrimmed_text"), "{}", normalized.report);
}

#[test]
fn the_quote_check_and_validate_agree_on_white_space() {
    let mut answer = answer();
    let first = format!("{}/0/quote", cited(&answer));
    let quote = answer.pointer(&first).and_then(Value::as_str).unwrap_or_default().to_owned();
    // The article's own leading space, quoted verbatim: in the text, but not words.
    let text = format!(" {}", quotes(&answer).join(" … "));
    *answer.pointer_mut(&first).unwrap_or_else(|| panic!("{first}")) = json!(format!(" {quote}"));
    let dossier = from_profile_json(&answer.to_string()).unwrap_or_else(|e| panic!("{e}"));
    assert!(check_quotes(&dossier, "report", &text).iter().any(|m| m.path == first));
    assert!(dossier.validate().issues().iter().any(|i| i.code.as_str() == "untrimmed_text" && i.path == first));
    // extract trims it, and both checks are content.
    let extracted = run(&answer, &Article::new(text.clone()), &ExtractOptions::new());
    let report = extracted.quotes.iter().find(|q| q.path == first).unwrap_or_else(|| panic!("{first}"));
    assert_eq!(
        (report.status, report.normalizations.as_slice()),
        (QuoteStatus::Exact, [Normalization::Trim].as_slice())
    );
    assert!(check_quotes(&extracted.dossier, &extracted.source, &text).is_empty());
    assert!(extracted.report.is_valid(), "{}", extracted.report);
}

#[test]
fn short_quotes_are_a_warning() {
    let mut answer = answer();
    let first = format!("{}/0/quote", cited(&answer));
    *answer.pointer_mut(&first).unwrap_or_else(|| panic!("{first}")) = json!("Iran");
    let text = format!("Iran … {}", quotes(&answer).join(" … "));
    let extracted = run(&answer, &Article::new(text.clone()), &ExtractOptions::new());
    let report = extracted.quotes.iter().find(|q| q.path == first).unwrap_or_else(|| panic!("{first}"));
    assert!(report.short && report.found(), "{report}");
    assert!(extracted.quotes.iter().all(|q| q.short == (q.quote.chars().count() < ExtractOptions::MIN_QUOTE)));
    let extracted = run(&answer, &Article::new(text), &ExtractOptions::new().with_min_quote(0));
    assert!(extracted.quotes.iter().all(|q| !q.short));
}

#[test]
fn which_source_is_the_article() {
    let answer = answer();
    let article = article_for(&answer);
    // Named otherwise among several sources: the caller says which.
    let renamed = answer.to_string().replace("\"report\"", "\"art\"");
    let e = extract(&renamed, &article, &ExtractOptions::new()).err().unwrap_or_else(|| panic!("guessed"));
    assert_eq!(e.path(), Some("/sources"));
    let extracted =
        extract(&renamed, &article, &ExtractOptions::new().with_source("art")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(extracted.source, "example.org:iran-syria-military-agreement");
    assert!(extracted.dossier.source("ap-2020-07-10").is_some() && extracted.dossier.source("art").is_none());
    // The only source is the article, whatever its id.
    let mut alone = serde_json::from_str::<Value>(&renamed).unwrap_or_default();
    if let Some(sources) = alone["sources"].as_array_mut() {
        sources.retain(|s| s["id"] == "art");
    }
    let extracted = run(&alone, &article, &ExtractOptions::new());
    assert_eq!(extracted.source, "example.org:iran-syria-military-agreement");
    // An article with nothing to name it by keeps the answer's id.
    let bare = Article::new(article.text.clone());
    assert_eq!(run(&answer, &bare, &ExtractOptions::new()).source, "report");
    // The round trip through the profile is untouched by all this.
    let d = run(&answer, &article, &ExtractOptions::new()).dossier;
    assert!(from_profile_json(&to_profile(&d).to_string()).is_ok_and(|back| back == d));
}

#[test]
fn hostile_articles_and_quotes_are_checked_correctly() {
    // A composed character with a long tail of marks, long runs of no-break spaces, and quotes
    // that walk far into the text before failing: all answered, none a panic.
    let marks = "\u{301}\u{327}".repeat(20_000);
    let spaces = "\u{a0}".repeat(50_000);
    let text = format!("e{marks} mid{spaces}end {}", "a".repeat(50_000));
    let mut answer = answer();
    let list = cited(&answer);
    let template = answer.pointer(&format!("{list}/0")).cloned().unwrap_or_default();
    let quotes = [format!("mid end {}", "a".repeat(49_000)), format!("{}b", "a".repeat(49_000)), format!("e{marks}")];
    let citations: Vec<Value> = quotes
        .iter()
        .map(|q| {
            let mut c = template.clone();
            c["quote"] = json!(q);
            c
        })
        .collect();
    *answer.pointer_mut(&list).unwrap_or_else(|| panic!("{list}")) = Value::Array(citations);
    let options = ExtractOptions::new().with_quotes(QuoteMatching::Normalized).with_on_misquote(OnMisquote::Drop);
    let extracted = run(&answer, &Article::new(text), &options);
    let status = |i: usize| extracted.quotes.iter().find(|q| q.path == format!("{list}/{i}/quote")).map(|q| q.status);
    assert_eq!(status(0), Some(QuoteStatus::Normalized));
    assert_eq!(status(1), Some(QuoteStatus::Misquoted));
    assert_eq!(status(2), Some(QuoteStatus::Exact));
}
