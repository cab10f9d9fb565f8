//! From a model's answer and its article to a dossier: the answer read in the profile (duplicate
//! keys refused), its source record filled from the article and given an id of its own, and
//! every quote checked against the article's text.

use serde_json::Value;

use super::quotes::{QuoteChecker, QuoteMatching, QuoteReport};
use super::source_id::source_id;
use super::{Article, collect_quotes, from_profile, parse_error, parse_strict};
use crate::dossier::Dossier;
use crate::error::{Error, ParseErrorKind};
use crate::source::{Source, Url};
use crate::validate::Report;
use crate::values::EdtfDate;
use crate::walk::RecordKind;

/// What to do with a quote that is not in the article.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OnMisquote {
    /// Drop each misquoted citation (the fact keeps its other citations) and keep the rest of
    /// the answer; every drop is in [`Extracted::quotes`].
    Drop,
    /// Refuse the whole answer: [`Error::Misquoted`].
    #[default]
    Fail,
}

impl OnMisquote {
    /// The name, as on the command line: `drop`, `fail`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Drop => "drop",
            Self::Fail => "fail",
        }
    }
}

impl std::str::FromStr for OnMisquote {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "drop" => Ok(Self::Drop),
            "fail" => Ok(Self::Fail),
            other => Err(format!("unknown misquote policy '{other}': expected drop or fail")),
        }
    }
}

/// How [`extract`] reads an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExtractOptions {
    /// How closely quotes must match the article (default: exactly).
    pub quotes: QuoteMatching,
    /// Quotes shorter than this many characters are reported as `short` (a warning).
    pub min_quote: usize,
    /// What a misquote does to the answer (default: fail it).
    pub on_misquote: OnMisquote,
    /// The id the answer gives the article's source (default: `report`; an answer listing one
    /// source needs none). An id given here that the answer does not list fails the answer,
    /// unless the answer lists no source at all (it then gets one of this id).
    pub source: Option<String>,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        Self { quotes: QuoteMatching::Exact, min_quote: Self::MIN_QUOTE, on_misquote: OnMisquote::Fail, source: None }
    }
}

impl ExtractOptions {
    /// The default minimum quote length: ten characters, about two words.
    pub const MIN_QUOTE: usize = 10;

    /// The defaults: exact quotes, a warning under ten characters, fail on a misquote.
    pub fn new() -> Self {
        Self::default()
    }

    /// The quote matching level.
    #[must_use]
    pub fn with_quotes(mut self, quotes: QuoteMatching) -> Self {
        self.quotes = quotes;
        self
    }

    /// The minimum quote length, in characters (0: no warning).
    #[must_use]
    pub fn with_min_quote(mut self, chars: usize) -> Self {
        self.min_quote = chars;
        self
    }

    /// What a misquote does.
    #[must_use]
    pub fn with_on_misquote(mut self, on_misquote: OnMisquote) -> Self {
        self.on_misquote = on_misquote;
        self
    }

    /// The id the answer gives the article's source.
    #[must_use]
    pub fn with_source(mut self, id: impl Into<String>) -> Self {
        self.source = Some(id.into());
        self
    }
}

/// What [`extract`] made of an answer.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Extracted {
    /// The dossier: misquoted citations dropped (with [`OnMisquote::Drop`]), quotes found after
    /// normalizing replaced by the article's own words, the article's source filled in.
    pub dossier: Dossier,
    /// The dossier's validation ([`Dossier::validate`]).
    pub report: Report,
    /// The check of every quote citing the article, in document order, paths as in the answer.
    pub quotes: Vec<QuoteReport>,
    /// The id the article's source record has in the dossier.
    pub source: String,
}

impl Extracted {
    /// The quotes not found in the article (dropped from the dossier).
    pub fn misquotes(&self) -> impl Iterator<Item = &QuoteReport> {
        self.quotes.iter().filter(|q| !q.found())
    }

    /// Whether the dossier validates and every quote was found.
    pub fn is_clean(&self) -> bool {
        self.report.is_valid() && self.quotes.iter().all(QuoteReport::found)
    }
}

/// Reads a model's answer in the extraction profile and checks it against its article.
///
/// 1. The answer is parsed as the canonical parser parses a dossier: a key given twice in one
///    object (extension values included) is an error at its JSON path, as is every shape error.
/// 2. The answer's source for the article (`report`, or [`ExtractOptions::source`], or its only
///    source; created if it lists none) gets an id derived from the article (`reuters.com:…`,
///    from the URL, else the outlet and date) and every reference to it follows, so dossiers of
///    different articles merge without renaming. Its URL, publisher, publication date and title
///    are the article's where the article gives them. The dossier takes the same id, so that
///    the records of different answers are told apart (`dossier/list/id`) in `xref` and merges.
/// 3. Every quote citing it is checked against the article's text ([`QuoteMatching`]). A
///    misquote fails the answer ([`Error::Misquoted`]) or drops that citation
///    ([`OnMisquote::Drop`]).
/// 4. The dossier is validated; the issues are returned, not raised.
///
/// ```
/// use defense_agreements::extraction::{Article, ExtractOptions, OnMisquote, extract};
///
/// let answer = std::fs::read_to_string("examples/extraction/iran-syria-2020.json")?;
/// let article = Article::new("an unrelated text")
///     .with_url("https://example.org/news/iran-syria")
///     .with_published("2020-07-09");
/// let options = ExtractOptions::new().with_on_misquote(OnMisquote::Drop);
/// let extracted = extract(&answer, &article, &options)?;
/// assert_eq!(extracted.source, "example.org:news-iran-syria");
/// assert!(extracted.misquotes().count() > 0); // every quote: the text is not the report's
/// assert!(extracted.dossier.source("example.org:news-iran-syria").is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn extract(answer_json: &str, article: &Article, options: &ExtractOptions) -> Result<Extracted, Error> {
    let mut dossier = from_profile(parse_strict(answer_json)?)?;
    let source = adopt_source(&mut dossier, article, options)?;

    let mut document = serde_json::to_value(&dossier)
        .map_err(|e| parse_error(String::new(), ParseErrorKind::InvalidValue, e.to_string()))?;
    let mut found = Vec::new();
    collect_quotes(&document, &mut String::new(), &source, &mut found);
    let mut checker = QuoteChecker::new(&article.text, options.quotes, options.min_quote);
    let quotes: Vec<QuoteReport> = found.into_iter().map(|(path, quote)| checker.check(path, &quote)).collect();

    let misquoted: Vec<&QuoteReport> = quotes.iter().filter(|q| !q.found()).collect();
    if let (OnMisquote::Fail, Some(first)) = (options.on_misquote, misquoted.first()) {
        return Err(Error::Misquoted { path: first.path.clone(), quote: first.quote.clone(), count: misquoted.len() });
    }
    let mut changed = false;
    for report in &quotes {
        if let (true, Some(words)) = (report.found(), &report.article_words) {
            if let Some(slot) = document.pointer_mut(&report.path) {
                *slot = Value::String(words.clone());
                changed = true;
            }
        }
    }
    // Dropped from the last to the first, so that the indexes of the others stay right.
    let mut drops: Vec<(&str, usize)> = misquoted.iter().filter_map(|q| citation_of(&q.path)).collect();
    drops.sort_by_key(|&(_, index)| std::cmp::Reverse(index));
    for (list, index) in drops {
        if let Some(Value::Array(citations)) = document.pointer_mut(list) {
            if index < citations.len() {
                citations.remove(index);
                changed = true;
            }
        }
    }
    if changed {
        dossier = serde_json::from_value(document)
            .map_err(|e| parse_error(String::new(), ParseErrorKind::InvalidValue, e.to_string()))?;
    }
    let report = dossier.validate();
    Ok(Extracted { dossier, report, quotes, source })
}

/// `/x/citations/3/quote` → (`/x/citations`, 3).
fn citation_of(quote_path: &str) -> Option<(&str, usize)> {
    let citation = quote_path.strip_suffix("/quote")?;
    let (list, index) = citation.rsplit_once('/')?;
    Some((list, index.parse().ok()?))
}

/// Finds the article's source in the answer, renames it after the article and fills it in.
fn adopt_source(dossier: &mut Dossier, article: &Article, options: &ExtractOptions) -> Result<String, Error> {
    let wanted = options.source.as_deref().unwrap_or("report");
    let current = if dossier.sources.iter().any(|s| s.id.as_str() == wanted) {
        wanted.to_owned()
    } else if options.source.is_some() && !dossier.sources.is_empty() {
        // A source asked for by name and missing: the only source may be another article's.
        let listed: Vec<&str> = dossier.sources.iter().map(|s| s.id.as_str()).collect();
        return Err(parse_error(
            "/sources".into(),
            ParseErrorKind::InvalidValue,
            format!("the answer has no source '{wanted}' (its sources: {})", listed.join(", ")),
        ));
    } else if let [only] = dossier.sources.as_slice() {
        only.id.as_str().to_owned()
    } else if dossier.sources.is_empty() {
        let title = article.title.clone().unwrap_or_else(|| "(the article)".to_owned());
        dossier.sources.push(Source::new(crate::ids::SourceId::new(wanted)?, title));
        wanted.to_owned()
    } else {
        return Err(parse_error(
            "/sources".into(),
            ParseErrorKind::InvalidValue,
            format!(
                "the answer lists {} sources and none is '{wanted}': say which one is the article",
                dossier.sources.len()
            ),
        ));
    };
    let derived = source_id(article);
    // A dossier made from one article is that article's report: it takes the article's id
    // too, as the model's own id for it (`report`, say) would be the same in every answer.
    if let Some(derived) = &derived {
        dossier.id = crate::ids::DossierId::new(derived)?;
    }
    let mut id = derived.unwrap_or_else(|| current.clone());
    // Another source of the answer may already have the derived id.
    let base = id.clone();
    let mut n = 2;
    while id != current && dossier.sources.iter().any(|s| s.id.as_str() == id) {
        id = format!("{}-{n}", base.get(..120).unwrap_or(&base));
        n += 1;
    }
    if id != current {
        dossier.remap(RecordKind::Source, &current, &id)?;
    }
    let published = match article.published.as_deref() {
        // A date-time's date: the source record holds a date.
        Some(p) => Some(EdtfDate::parse(p.split_once('T').map_or(p, |(date, _)| date))?),
        None => None,
    };
    let url = article.url.as_deref().map(Url::new).transpose()?;
    if let Some(source) = dossier.sources.iter_mut().find(|s| s.id.as_str() == id) {
        if let Some(url) = url {
            source.url = Some(url);
        }
        if let Some(publisher) = &article.publisher {
            source.publisher = Some(publisher.clone());
        }
        if let Some(published) = published {
            source.published = Some(published);
        }
        if let Some(title) = &article.title {
            source.title = title.clone();
        }
    }
    Ok(id)
}
