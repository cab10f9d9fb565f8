//! The real reporting the extraction tutorial runs on (`examples/pipeline/`, described in its
//! README): every article has a model's answer and every answer its article; each answer loads
//! through the extraction profile, validates, and quotes its article. The quotes a model got
//! typographically wrong are listed here with the normalization each needs, so the counts in
//! the README are checked, not copied.
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

use defense_agreements::extraction::{Article, check_quotes, from_profile_json};
use defense_agreements::{Dossier, Severity};
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

/// A typographic difference a quote may be forgiven under the normalized level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fold {
    /// Curly and straight quotation marks and apostrophes (‘ ’ “ ” ' ").
    QuotationMarks,
    /// Hyphens, en and em dashes, the minus sign.
    Dashes,
    /// Runs of white space, no-break spaces included, as one space.
    WhiteSpace,
}

const FOLDS: [Fold; 3] = [Fold::QuotationMarks, Fold::Dashes, Fold::WhiteSpace];

fn fold(text: &str, folds: &[Fold]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for ch in text.chars() {
        let ch = match ch {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' if folds.contains(&Fold::QuotationMarks) => {
                '\''
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}'
                if folds.contains(&Fold::QuotationMarks) =>
            {
                '"'
            }
            '\u{2010}'..='\u{2015}' | '\u{2212}' if folds.contains(&Fold::Dashes) => '-',
            c => c,
        };
        if ch.is_whitespace() && folds.contains(&Fold::WhiteSpace) {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(ch);
            in_space = false;
        }
    }
    out
}

/// The fewest folds under which `quote` is in `text`, or `None` when no fold finds it (a true
/// misquote).
fn needed(quote: &str, text: &str) -> Option<Vec<Fold>> {
    let subsets: Vec<Vec<Fold>> = (1u8..8)
        .map(|mask| FOLDS.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, f)| *f).collect())
        .collect();
    let mut by_size = subsets;
    by_size.sort_by_key(Vec::len);
    by_size.into_iter().find(|folds| fold(text, folds).contains(&fold(quote, folds)))
}

/// Every quote of a citation naming `report` in the answer (extension values left out, as
/// `check_quotes` does).
fn quotes(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let (Some(Value::String(s)), Some(Value::String(q))) = (map.get("source"), map.get("quote")) {
                if s == "report" {
                    out.push(q.clone());
                }
            }
            map.iter().filter(|(k, _)| k.as_str() != "extensions").for_each(|(_, v)| quotes(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| quotes(v, out)),
        _ => {}
    }
}

fn load(pair: &Pair) -> Dossier {
    from_profile_json(&pair.answer).unwrap_or_else(|e| panic!("{}/{}: {e}", pair.event, pair.outlet))
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
        let report = load(&p).validate();
        for i in report.issues() {
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

/// The quotes that fail the exact check, each with the normalization it needs; every other
/// quote is the article's own words, byte for byte.
const SLIPS: &[(&str, &str, &[Fold])] = &[
    ("japan-united-kingdom-2023/smc", "/agreements/0/cooperation/0/citations/0/quote", &[Fold::QuotationMarks]),
    ("japan-united-kingdom-2023/smc", "/statements/0/citations/0/quote", &[Fold::QuotationMarks]),
    ("japan-united-kingdom-2023/sputnik", "/agreements/0/cooperation/0/citations/0/quote", &[Fold::QuotationMarks]),
    ("russia-belarus-2024/izvestia", "/agreements/0/citations/1/quote", &[Fold::QuotationMarks]),
    ("us-papua-new-guinea-2023/anadolu", "/people/1/posts/0/citations/0/quote", &[Fold::WhiteSpace]),
    ("us-papua-new-guinea-2023/the-national", "/agreements/0/citations/1/quote", &[Fold::Dashes]),
    ("us-papua-new-guinea-2023/the-national", "/agreements/0/cooperation/0/citations/0/quote", &[Fold::QuotationMarks]),
];

#[test]
fn quotes_are_the_articles_words_but_for_the_listed_slips() {
    let mut total = 0;
    let mut found: Vec<(String, String, Vec<Fold>)> = Vec::new();
    for p in pairs() {
        let dossier = load(&p);
        let mut all = Vec::new();
        quotes(&serde_json::from_str(&p.answer).unwrap_or(Value::Null), &mut all);
        total += all.len();
        for m in check_quotes(&dossier, "report", &p.article.text) {
            let folds = needed(&m.quote, &p.article.text)
                .unwrap_or_else(|| panic!("{}/{}: a true misquote at {}: {:?}", p.event, p.outlet, m.path, m.quote));
            found.push((format!("{}/{}", p.event, p.outlet), m.path, folds));
        }
    }
    found.sort();
    let expected: Vec<(String, String, Vec<Fold>)> =
        SLIPS.iter().map(|(pair, path, folds)| (pair.to_string(), path.to_string(), folds.to_vec())).collect();
    assert_eq!(found, expected);
    let count = |f: Fold| found.iter().filter(|(_, _, folds)| folds.contains(&f)).count();
    let counts =
        (total, total - found.len(), count(Fold::QuotationMarks), count(Fold::Dashes), count(Fold::WhiteSpace));
    // The figures of examples/pipeline/README.md: quotes, exact, then the quotes needing each fold.
    assert_eq!(counts, (76, 69, 5, 1, 1), "quotes, exact, quotation marks, dashes, white space");
}

#[test]
fn the_folds_find_what_they_should_and_nothing_else() {
    let text = "Relations were \u{201C}stronger than ever\u{201D} \u{2014} one another\u{2019}s,\u{00A0}\n said";
    assert_eq!(needed("were \"stronger than ever\"", text), Some(vec![Fold::QuotationMarks]));
    assert_eq!(needed("ever\u{201D} - one", text), Some(vec![Fold::Dashes]));
    assert_eq!(needed("another's, said", text), Some(vec![Fold::QuotationMarks, Fold::WhiteSpace]));
    assert_eq!(needed("stronger then ever", text), None);
}
