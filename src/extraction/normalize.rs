//! The normalizations of the `Normalized` quote level: what a model may change in words it
//! copies without changing the words (composition of accents, typographic quotation marks and
//! dashes, kinds and runs of white space), applied the same way to the article and the quote.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// One normalization a quote may need to be found in its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Normalization {
    /// White space at either end of the quote, which is never the source's words, was cut off
    /// (at every level: `validate()` refuses such text, `untrimmed_text`).
    Trim,
    /// Unicode canonical composition (NFC): `e` + combining acute is `é`.
    Nfc,
    /// Typographic quotation marks and apostrophes (`‘ ’ “ ” « »` …) read as `'` and `"`.
    Quotes,
    /// Hyphens, en and em dashes and minus signs (`‐ – — −` …) read as `-`.
    Dashes,
    /// Any run of white space (no-break spaces, line breaks, tabs included) read as one space.
    WhiteSpace,
}

impl Normalization {
    /// The normalizations the `Normalized` level applies to the text, in the order applied.
    pub const TEXT: [Normalization; 4] = [Self::Nfc, Self::Quotes, Self::Dashes, Self::WhiteSpace];

    /// The name, as written in JSON and on the command line: `white_space`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Trim => "trim",
            Self::Nfc => "nfc",
            Self::Quotes => "quotes",
            Self::Dashes => "dashes",
            Self::WhiteSpace => "white_space",
        }
    }
}

impl std::fmt::Display for Normalization {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which of [`Normalization::TEXT`] to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Steps {
    nfc: bool,
    quotes: bool,
    dashes: bool,
    space: bool,
}

impl Steps {
    pub(crate) const ALL: Steps = Steps { nfc: true, quotes: true, dashes: true, space: true };

    /// Every step but `left_out`.
    pub(crate) fn without(left_out: Normalization) -> Steps {
        let mut steps = Self::ALL;
        match left_out {
            Normalization::Nfc => steps.nfc = false,
            Normalization::Quotes => steps.quotes = false,
            Normalization::Dashes => steps.dashes = false,
            Normalization::WhiteSpace => steps.space = false,
            Normalization::Trim => {}
        }
        steps
    }
}

/// For each byte of a normalized text, the byte range of the original text it came from.
#[derive(Debug, Default)]
pub(crate) struct Origins {
    starts: Vec<u32>,
    ends: Vec<u32>,
}

impl Origins {
    /// The original text's range for the normalized range `range` (which must be in bounds).
    pub(crate) fn original(&self, range: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
        if range.is_empty() {
            return None;
        }
        let start = *self.starts.get(range.start)? as usize;
        let end = *self.ends.get(range.end - 1)? as usize;
        Some(start..end)
    }
}

/// `text` with `steps` applied; with `origins`, where each output byte came from (texts of at
/// most `u32::MAX` bytes). Linear in the text: NFC runs on the stretches between code points
/// that nothing before them can combine with (canonical combining class 0 and NFC quick check
/// yes: the boundaries of UAX #15), and every other step maps one character at a time.
pub(crate) fn normalize(text: &str, steps: Steps, mut origins: Option<&mut Origins>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    let mut emit = |c: char, from: usize, to: usize, out: &mut String| {
        let c = map_char(c, steps);
        if steps.space && c.is_whitespace() {
            if in_space {
                // The run's one space stands for every character of it.
                if let Some(o) = origins.as_deref_mut() {
                    if let Some(end) = o.ends.last_mut() {
                        *end = to as u32;
                    }
                }
                return;
            }
            in_space = true;
        } else {
            in_space = false;
        }
        let c = if steps.space && c.is_whitespace() { ' ' } else { c };
        out.push(c);
        if let Some(o) = origins.as_deref_mut() {
            for _ in 0..c.len_utf8() {
                o.starts.push(from as u32);
                o.ends.push(to as u32);
            }
        }
    };
    if !steps.nfc {
        for (i, c) in text.char_indices() {
            emit(c, i, i + c.len_utf8(), &mut out);
        }
        return out;
    }
    let mut start = 0;
    let mut flush = |segment_start: usize, segment_end: usize, out: &mut String| {
        let segment = &text[segment_start..segment_end];
        let mut chars = segment.chars();
        // One character is already NFC when it is a boundary; most segments are one ASCII byte.
        match (chars.next(), chars.next()) {
            (Some(c), None) if is_boundary(c) => emit(c, segment_start, segment_end, out),
            _ => segment.nfc().for_each(|c| emit(c, segment_start, segment_end, out)),
        }
    };
    for (i, c) in text.char_indices() {
        if i > start && is_boundary(c) {
            flush(start, i, &mut out);
            start = i;
        }
    }
    if start < text.len() {
        flush(start, text.len(), &mut out);
    }
    out
}

/// A code point nothing before it can combine or reorder with, and that NFC leaves as it is.
fn is_boundary(c: char) -> bool {
    c.is_ascii() || (canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes)
}

fn map_char(c: char, steps: Steps) -> char {
    match c {
        // Single quotation marks, apostrophes, primes and the accents used as apostrophes.
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{0060}' | '\u{00B4}'
        | '\u{2039}' | '\u{203A}' | '\u{FF07}'
            if steps.quotes =>
        {
            '\''
        }
        // Double quotation marks, double primes and guillemets.
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' | '\u{FF02}'
            if steps.quotes =>
        {
            '"'
        }
        // Hyphens, dashes and minus signs.
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' | '\u{FE58}'
        | '\u{FE63}' | '\u{FF0D}'
            if steps.dashes =>
        {
            '-'
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_step_maps_what_it_names() {
        let text = "Cafe\u{301} \u{2018}said\u{2019}\u{00A0}\u{00A0}\u{201C}yes\u{201D} \u{2014} 1\u{2013}2\n\tend";
        assert_eq!(normalize(text, Steps::ALL, None), "Café 'said' \"yes\" - 1-2 end");
        assert_eq!(normalize(text, Steps::without(Normalization::Nfc), None), "Cafe\u{301} 'said' \"yes\" - 1-2 end");
        assert_eq!(
            normalize(text, Steps::without(Normalization::WhiteSpace), None),
            "Café 'said'\u{00A0}\u{00A0}\"yes\" - 1-2\n\tend"
        );
    }

    #[test]
    fn origins_point_back_at_the_original_words() {
        let text = "a\u{00A0}\u{00A0}b e\u{301}t\u{2019}s";
        let mut origins = Origins::default();
        let normalized = normalize(text, Steps::ALL, Some(&mut origins));
        assert_eq!(normalized, "a b ét's");
        assert_eq!(origins.starts.len(), normalized.len());
        let whole = origins.original(0..normalized.len()).unwrap_or_default();
        assert_eq!(&text[whole], text);
        let at = normalized.find("ét").unwrap_or_default();
        let range = origins.original(at..at + "ét's".len()).unwrap_or_default();
        assert_eq!(&text[range], "e\u{301}t\u{2019}s");
    }

    #[test]
    fn nfc_by_segments_is_nfc_of_the_whole() {
        let text =
            "A\u{30A}ngstro\u{308}m \u{1100}\u{1161}\u{11A8} \u{0041}\u{0323}\u{0307} \u{212B} x\u{0301}\u{0327}";
        let whole: String = text.nfc().collect();
        assert_eq!(normalize(text, Steps { nfc: true, quotes: false, dashes: false, space: false }, None), whole);
    }
}
