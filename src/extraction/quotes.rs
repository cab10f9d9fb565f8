//! The quote check: is each quoted citation the article's own words, at which level of
//! matching, and after which normalizations.

use serde::{Deserialize, Serialize};

use super::normalize::{Normalization, Origins, Steps, normalize};
use super::text_index::TextIndex;

/// How closely a quote must match its article.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuoteMatching {
    /// Byte for byte (after cutting white space off the quote's ends, which is never words).
    #[default]
    Exact,
    /// After Unicode NFC, typographic quotation marks and apostrophes, dashes and runs of white
    /// space are made the same in the quote and the article ([`Normalization`]). No case
    /// folding, no other change: a quote found this way is the article's words, typed otherwise.
    Normalized,
}

impl QuoteMatching {
    /// The name, as on the command line: `exact`, `normalized`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::Normalized => "normalized",
        }
    }
}

impl std::str::FromStr for QuoteMatching {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "exact" => Ok(Self::Exact),
            "normalized" => Ok(Self::Normalized),
            other => Err(format!("unknown quote matching '{other}': expected exact or normalized")),
        }
    }
}

/// What the check found for one quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuoteStatus {
    /// In the article as written (its ends trimmed, if they were white space).
    Exact,
    /// In the article after the normalizations listed with it (the `Normalized` level only).
    Normalized,
    /// Not in the article at the level asked for.
    Misquoted,
}

impl QuoteStatus {
    /// The name, as in JSON: `exact`, `normalized`, `misquoted`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::Normalized => "normalized",
            Self::Misquoted => "misquoted",
        }
    }
}

/// The check of one quoted citation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct QuoteReport {
    /// The JSON Pointer of the quote in the answer as read
    /// (`/agreements/0/signatures/1/citations/0/quote`).
    pub path: String,
    /// The quoted words, as the model wrote them.
    pub quote: String,
    /// Found, found after normalizing, or not found.
    pub status: QuoteStatus,
    /// The normalizations it needed to be found (none for an exact match): each one such that,
    /// left out, the quote is not found.
    pub normalizations: Vec<Normalization>,
    /// The article's own words the quote was found as, when they differ from the quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_words: Option<String>,
    /// Shorter (in characters, ends trimmed) than the minimum asked for: a few letters are found
    /// in almost any text, so such a quote proves little. A warning, not a misquote.
    pub short: bool,
}

impl QuoteReport {
    /// Whether the quote was found (exactly or normalized).
    pub fn found(&self) -> bool {
        self.status != QuoteStatus::Misquoted
    }
}

impl std::fmt::Display for QuoteReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.status.as_str())?;
        if !self.normalizations.is_empty() {
            let names: Vec<&str> = self.normalizations.iter().map(|n| n.as_str()).collect();
            write!(f, " ({})", names.join(", "))?;
        }
        if self.short {
            write!(f, ", short")?;
        }
        write!(f, ": {:?}", self.quote)
    }
}

/// Checks quotes against one text. The text is indexed once, and normalized and indexed again
/// only when a quote is not found as written at the `Normalized` level: linear in the text plus
/// the quotes.
pub(crate) struct QuoteChecker<'t> {
    text: &'t str,
    matching: QuoteMatching,
    min_chars: usize,
    exact: Option<TextIndex>,
    normalized: Option<(String, Origins, TextIndex)>,
}

impl<'t> QuoteChecker<'t> {
    pub(crate) fn new(text: &'t str, matching: QuoteMatching, min_chars: usize) -> Self {
        Self { text, matching, min_chars, exact: None, normalized: None }
    }

    pub(crate) fn check(&mut self, path: String, quote: &str) -> QuoteReport {
        let trimmed = quote.trim();
        let short = trimmed.chars().count() < self.min_chars;
        let mut normalizations = Vec::new();
        if trimmed.len() != quote.len() {
            normalizations.push(Normalization::Trim);
        }
        let report = |status, normalizations, article_words| QuoteReport {
            path,
            quote: quote.to_owned(),
            status,
            normalizations,
            article_words,
            short,
        };
        let words = |n: &Vec<Normalization>| (!n.is_empty()).then(|| trimmed.to_owned());
        // An empty quote is found everywhere; it quotes nothing.
        if trimmed.is_empty() {
            return report(QuoteStatus::Misquoted, normalizations, None);
        }
        let exact = self.exact.get_or_insert_with(|| TextIndex::new(self.text));
        if exact.contains(self.text, trimmed) {
            let article_words = words(&normalizations);
            return report(QuoteStatus::Exact, normalizations, article_words);
        }
        // The origins of a normalized text are `u32` offsets.
        if self.matching == QuoteMatching::Exact || self.text.len() >= u32::MAX as usize {
            return report(QuoteStatus::Misquoted, normalizations, None);
        }
        // The normalized text is made and indexed on demand, once.
        let (normalized, origins, index) = self.normalized.get_or_insert_with(|| {
            let mut origins = Origins::default();
            let normalized = normalize(self.text, Steps::ALL, Some(&mut origins));
            let index = TextIndex::new(&normalized);
            (normalized, origins, index)
        });
        let needle = normalize(trimmed, Steps::ALL, None);
        let Some(found) = index.find(normalized, &needle) else {
            return report(QuoteStatus::Misquoted, normalizations, None);
        };
        let Some(span) = origins.original(found).and_then(|r| self.text.get(r)) else {
            return report(QuoteStatus::Misquoted, normalizations, None);
        };
        // Which steps it needed: those without which the article's words and the quote differ.
        let needed: Vec<Normalization> = Normalization::TEXT
            .into_iter()
            .filter(|&step| {
                let steps = Steps::without(step);
                !normalize(span, steps, None).contains(&normalize(trimmed, steps, None))
            })
            .collect();
        normalizations.extend(needed);
        // A match that starts or ends inside a composed character maps back to a wider span;
        // the article's words are then not known exactly, and the quote is kept as written.
        let exact_span = normalize(span, Steps::ALL, None) == needle;
        report(QuoteStatus::Normalized, normalizations, exact_span.then(|| span.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Small texts and quotes over an alphabet of the characters each step changes.
    fn strings(seed: &mut u64, count: usize, max_len: usize) -> Vec<String> {
        const ALPHABET: [char; 12] =
            ['a', 'e', ' ', '\u{301}', '\u{e9}', '\'', '\u{2019}', '-', '\u{2014}', '\u{a0}', '\n', '"'];
        let mut next = || {
            // xorshift: deterministic, no dependency.
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            *seed
        };
        (0..count)
            .map(|_| {
                let len = (next() % max_len as u64) as usize;
                (0..len).map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize]).collect()
            })
            .collect()
    }

    #[test]
    fn the_normalized_level_finds_what_normalizing_both_sides_finds() {
        let mut seed = 0x9E37_79B9_7F4A_7C15;
        for text in strings(&mut seed, 60, 40) {
            let mut checker = QuoteChecker::new(&text, QuoteMatching::Normalized, 0);
            let normalized_text = normalize(&text, Steps::ALL, None);
            for quote in strings(&mut seed, 40, 6) {
                let report = checker.check("/q".into(), &quote);
                let trimmed = quote.trim();
                let expected = !trimmed.is_empty()
                    && (text.contains(trimmed) || normalized_text.contains(&normalize(trimmed, Steps::ALL, None)));
                assert_eq!(report.found(), expected, "{text:?} / {quote:?}: {report}");
                if let Some(words) = &report.article_words {
                    // The article's own words, which say what the quote says.
                    assert!(text.contains(words.as_str()), "{text:?} / {words:?}");
                    assert_eq!(normalize(words, Steps::ALL, None), normalize(trimmed, Steps::ALL, None));
                }
                if report.status == QuoteStatus::Normalized {
                    assert!(report.normalizations.iter().any(|n| *n != Normalization::Trim), "{report}");
                }
            }
        }
    }
}
