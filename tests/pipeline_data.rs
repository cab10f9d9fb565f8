//! The real reporting the extraction tutorial runs on (`examples/pipeline/`, described in its
//! README): every article has a model's answer and every answer its article; each answer goes
//! through `extraction::extract` with its article, validates, and quotes it. The quotes a model
//! got typographically wrong are listed here with the normalization each needs, so the counts
//! in the README are checked, not copied.
//!
//! The events and their sources (stored public pages, read 2026-12-07):
//! - United States–Papua New Guinea Defense Cooperation Agreement, Port Moresby, 22 May 2023:
//!   The National via Asia Pacific Report
//!   (<https://asiapacificreport.nz/2023/05/23/blinken-daki-sign-controversial-us-png-defence-pact-after-day-of-protests/>),
//!   UPI (<https://www.upi.com/Top_News/World-News/2023/05/22/papua-new-guinea-us-defense-agreement/4331684755775/>),
//!   ir-ia.com (<https://ir-ia.com/news/us-signs-defense-and-maritime-deal-with-papua-new-guinea>),
//!   Anadolu via A News (<https://anews.com.tr/world/2023/05/22/us-papua-new-guinea-sign-defense-pact/amp>).
//! - Russia–Belarus Treaty on Security Guarantees within the Union State, 6 December 2024:
//!   Xinhua (<http://chinaview.cn/20241207/8d1ba329ee724312992ee9d3a34427b2/c.html>),
//!   Izvestia (<https://en.iz.ru/en/1835023/2025-02-26/russia-has-ratified-agreement-belarus-security-guarantees-what-you-need-know>),
//!   news-pravda.com (<https://news-pravda.com/ukraine/2024/12/06/903820.html>).
//! - Japan–United Kingdom Reciprocal Access Agreement, Tower of London, 11 January 2023:
//!   10 Downing Street via Wired-Gov
//!   (<https://www.wired-gov.net/wg/news.nsf/articles/pm+meeting+with+prime+minister+kishida+of+japan+12012023091000?open>),
//!   Sputnik via UrduPoint (<https://www.urdupoint.com/en/world/london-tokyo-seal-defense-agreement-to-allow-1623944.html>),
//!   smc.today (<https://www.smc.today/sunak-hails-uk-japan-ties-as-historic-defence-agreement-signed/>).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use defense_agreements::Severity;
use defense_agreements::extraction::{
    Article, ExtractOptions, Extracted, Normalization, OnMisquote, QuoteMatching, QuoteStatus, extract,
};
use serde_json::Value;

/// One article and the model's answer to it.
pub(crate) struct Pair {
    /// The event's directory name (`russia-belarus-2024`).
    pub(crate) event: String,
    /// The outlet's file stem (`izvestia`).
    pub(crate) outlet: String,
    /// The article, as the pipeline holds it.
    pub(crate) article: Article,
    /// The answer's JSON text, in the extraction profile's shape.
    pub(crate) answer: String,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/pipeline")
}

fn stems(dir: &Path) -> BTreeSet<String> {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect()
}

/// Every pair, by event then outlet. Panics when an article has no answer or an answer no article.
pub(crate) fn pairs() -> Vec<Pair> {
    let mut events: Vec<PathBuf> = fs::read_dir(root())
        .unwrap_or_else(|e| panic!("examples/pipeline: {e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    events.sort();
    let mut out = Vec::new();
    for dir in events {
        let event = dir.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let (articles, answers) = (stems(&dir.join("articles")), stems(&dir.join("answers")));
        assert_eq!(articles, answers, "{event}: every article needs an answer and every answer an article");
        for outlet in articles {
            let read = |sub: &str| {
                let path = dir.join(sub).join(format!("{outlet}.json"));
                fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            };
            let article: Article =
                serde_json::from_str(&read("articles")).unwrap_or_else(|e| panic!("{event}/{outlet} article: {e}"));
            let answer = read("answers");
            out.push(Pair { event: event.clone(), outlet, article, answer });
        }
    }
    out
}

/// The answer read with its article at `quotes`, misquoted citations dropped (each reported).
pub(crate) fn extracted(pair: &Pair, quotes: QuoteMatching) -> Extracted {
    let options = ExtractOptions::new().with_quotes(quotes).with_on_misquote(OnMisquote::Drop);
    extract(&pair.answer, &pair.article, &options).unwrap_or_else(|e| panic!("{}/{}: {e}", pair.event, pair.outlet))
}

#[test]
fn the_set_is_three_events_of_several_outlets() {
    let pairs = pairs();
    let mut events: Vec<(String, usize)> = Vec::new();
    for p in &pairs {
        match events.last_mut() {
            Some((e, n)) if *e == p.event => *n += 1,
            _ => events.push((p.event.clone(), 1)),
        }
    }
    let events: Vec<(&str, usize)> = events.iter().map(|(e, n)| (e.as_str(), *n)).collect();
    assert_eq!(events, [("japan-united-kingdom-2023", 3), ("russia-belarus-2024", 3), ("us-papua-new-guinea-2023", 4)]);
    for p in &pairs {
        let url = p.article.url.as_deref().unwrap_or_default();
        assert!(url.starts_with("http"), "{}/{}: every article names its page", p.event, p.outlet);
        assert!(p.article.publisher.is_some(), "{}/{}: and its outlet", p.event, p.outlet);
    }
}

#[test]
fn every_answer_loads_and_validates_warning_only_of_undated_acts() {
    let mut issues = Vec::new();
    for p in pairs() {
        let x = extracted(&p, QuoteMatching::Normalized);
        for i in x.report.issues() {
            issues.push((format!("{}/{}", p.event, p.outlet), i.path.clone(), i.code.to_string(), i.severity));
        }
    }
    // "have signed …, said on Wednesday", "as the two countries signed", "have ratified": the
    // act is told, its day is not; each is dated on or before publication (docs/merge.md).
    let undated = |pair: &str, path: &str| {
        (pair.to_string(), path.to_string(), "act_date_not_stated".to_string(), Severity::Warning)
    };
    assert_eq!(
        issues,
        [
            undated("japan-united-kingdom-2023/smc", "/agreements/0/actions/0/date"),
            undated("japan-united-kingdom-2023/sputnik", "/agreements/0/actions/1/date"),
            undated("russia-belarus-2024/izvestia", "/agreements/0/actions/1/date"),
            undated("russia-belarus-2024/izvestia", "/agreements/0/actions/2/date"),
            undated("us-papua-new-guinea-2023/anadolu", "/agreements/0/actions/0/date"),
        ]
    );
}

/// Each answer is what a provider's strict mode lets through: a document of the profile, every
/// property present.
#[cfg(feature = "schema")]
#[test]
fn every_answer_is_a_document_of_the_profile() {
    let profile = crate::schema_support::validator_for(defense_agreements::extraction::profile_schema());
    for p in pairs() {
        let answer: Value = serde_json::from_str(&p.answer).unwrap_or(Value::Null);
        let errors: Vec<String> =
            profile.iter_errors(&answer).map(|e| format!("{}: {e}", e.instance_path())).take(5).collect();
        assert!(errors.is_empty(), "{}/{}: {errors:?}", p.event, p.outlet);
    }
}

/// The quotes that fail the exact check, each with the normalizations it needs; every other
/// quote is the article's own words, byte for byte.
const SLIPS: &[(&str, &str, &[Normalization])] = &[
    ("japan-united-kingdom-2023/smc", "/agreements/0/cooperation/0/citations/0/quote", &[Normalization::Quotes]),
    ("japan-united-kingdom-2023/smc", "/statements/0/citations/0/quote", &[Normalization::Quotes]),
    ("japan-united-kingdom-2023/sputnik", "/agreements/0/cooperation/0/citations/0/quote", &[Normalization::Quotes]),
    ("russia-belarus-2024/izvestia", "/agreements/0/citations/1/quote", &[Normalization::Quotes]),
    ("us-papua-new-guinea-2023/anadolu", "/people/1/posts/0/citations/0/quote", &[Normalization::WhiteSpace]),
    ("us-papua-new-guinea-2023/the-national", "/agreements/0/citations/1/quote", &[Normalization::Dashes]),
    (
        "us-papua-new-guinea-2023/the-national",
        "/agreements/0/cooperation/0/citations/0/quote",
        &[Normalization::Quotes],
    ),
];

fn slips() -> Vec<(String, String, Vec<Normalization>)> {
    SLIPS.iter().map(|(pair, path, n)| (pair.to_string(), path.to_string(), n.to_vec())).collect()
}

#[test]
fn at_the_exact_level_the_slips_are_dropped_and_every_other_quote_kept() {
    let mut dropped: Vec<(String, String, Vec<Normalization>)> = Vec::new();
    for p in pairs() {
        let x = extracted(&p, QuoteMatching::Exact);
        for q in x.misquotes() {
            dropped.push((format!("{}/{}", p.event, p.outlet), q.path.clone(), Vec::new()));
        }
        // Dropped from the dossier, reported here: the dossier still validates.
        assert!(x.report.is_valid(), "{}/{}: {}", p.event, p.outlet, x.report);
    }
    let expected: Vec<_> = slips().into_iter().map(|(pair, path, _)| (pair, path, Vec::new())).collect();
    assert_eq!(dropped, expected);
}

#[test]
fn at_the_normalized_level_every_quote_is_found_and_the_slips_name_their_normalization() {
    let (mut total, mut exact, mut normalized) = (0, 0, Vec::new());
    for p in pairs() {
        let x = extracted(&p, QuoteMatching::Normalized);
        total += x.quotes.len();
        for q in &x.quotes {
            assert!(!q.short, "{}/{}: a short quote at {}: {:?}", p.event, p.outlet, q.path, q.quote);
            match q.status {
                QuoteStatus::Exact => exact += 1,
                QuoteStatus::Normalized => {
                    normalized.push((format!("{}/{}", p.event, p.outlet), q.path.clone(), q.normalizations.clone()));
                    // The dossier keeps the article's words, not the model's typing.
                    let words = q.article_words.as_deref().unwrap_or_default();
                    assert!(p.article.text.contains(words) && !words.is_empty(), "{}: {words:?}", q.path);
                }
                _ => panic!("{}/{}: a true misquote at {}: {:?}", p.event, p.outlet, q.path, q.quote),
            }
        }
        assert!(x.is_clean(), "{}/{}", p.event, p.outlet);
    }
    normalized.sort();
    assert_eq!(normalized, slips());
    let needing = |n: Normalization| normalized.iter().filter(|(.., ns)| ns.contains(&n)).count();
    let counts = (
        total,
        exact,
        needing(Normalization::Quotes),
        needing(Normalization::Dashes),
        needing(Normalization::WhiteSpace),
        needing(Normalization::Nfc),
    );
    // The figures of examples/pipeline/README.md: quotes, exact, then the quotes needing each
    // normalization.
    assert_eq!(counts, (76, 69, 5, 1, 1, 0), "quotes, exact, quotation marks, dashes, white space, NFC");
}
