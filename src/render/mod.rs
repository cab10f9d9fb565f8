//! Pictures of a dossier (feature `render`): an agreement's life as an SVG timeline, and the
//! whole dossier as one self-contained HTML page. `docs/pictures.md` shows both.
//!
//! The timeline has one lane per listed party with its spans by state (bound, provisionally
//! applying, suspended, withdrawn), following the succession of states that hold a party's
//! place; the agreement's own status above them; every recorded act as a mark whose `<title>`
//! says what happened; suspensions toward some parties only as strips under the lanes; and
//! disputed acts ringed in red. The lanes follow the [`DisputePolicy`](crate::DisputePolicy)
//! of the [`RenderOptions`]: under the default, no disputed act counts (it is drawn, not
//! believed). The date axis runs from the first act to [`RenderOptions::as_of`], its ticks
//! chosen by the span (months to centuries), and a stretch of many decades with no act is cut
//! short, so that 1386 and today fit on one line.
//!
//! The output depends on the dossier and the options only: the same bytes on every run.
//!
//! ```
//! use defense_agreements::Dossier;
//! use defense_agreements::chrono::NaiveDate;
//! use defense_agreements::render::{RenderOptions, report_html, timeline_svg};
//!
//! let dossier = Dossier::from_json(include_str!("../../examples/data/manila-pact-1954.json"))?;
//! let options = RenderOptions::new(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default());
//! let svg = timeline_svg(&dossier, "manila-pact", &options).ok_or("no such agreement")?;
//! assert!(svg.starts_with("<svg") && svg.contains("Pakistan"));
//! let page = report_html(&dossier, &options);
//! assert!(page.starts_with("<!DOCTYPE html>") && page.contains(&svg));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod context;
mod directed;
mod lanes;
mod marks;
mod options;
mod palette;
mod report;
mod scale;
mod timeline;

pub use options::RenderOptions;

use crate::Dossier;

/// The timeline of the agreement `agreement` (its id) of `dossier`, as a standalone SVG
/// document; `None` when the dossier has no agreement with that id. Linear in the picture
/// drawn (lanes times the agreement-wide changes, plus the acts), after an O(n log n) replay.
pub fn timeline_svg(dossier: &Dossier, agreement: &str, options: &RenderOptions) -> Option<String> {
    let a = dossier.agreement(agreement)?;
    let resolved = dossier.resolve(options.policy);
    let context = context::Context::new(dossier, &resolved);
    Some(xml_chars(timeline::svg(&context, a, options).into_string()))
}

/// The dossier as one HTML page with everything inline (styles, the timelines as SVG): it
/// reads the same offline, from a file, as an e-mail attachment. Every text of the dossier is
/// escaped.
pub fn report_html(dossier: &Dossier, options: &RenderOptions) -> String {
    let resolved = dossier.resolve(options.policy);
    let context = context::Context::new(dossier, &resolved);
    xml_chars(report::html(&context, options).into_string())
}

/// A text of the dossier, isolated for the bidirectional algorithm when it holds explicit
/// direction controls (U+202A–U+202E, U+2066–U+2069): inside FSI … PDI, with its own PDIs left
/// out, so that a right-to-left override in a name cannot run on into the sentence around it
/// ("X signed for Y" shown reversed). A text without such controls is unchanged.
pub(crate) fn isolate(text: &str) -> std::borrow::Cow<'_, str> {
    let control = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if !text.contains(control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let inner: String = text.chars().filter(|&c| c != '\u{2069}').collect();
    std::borrow::Cow::Owned(format!("\u{2068}{inner}\u{2069}"))
}

/// `markup` with every character XML 1.0 cannot carry (C0 controls but tab and line breaks,
/// U+FFFE, U+FFFF) replaced by U+FFFD. Escaping does not cover them, and one of them in a name
/// makes a standalone SVG ill-formed: a browser then shows an error instead of the picture.
/// Validation reports control characters but lets U+FFFE through, and a picture is drawn of
/// invalid dossiers too. The markup itself never holds such a character: only dossier text is
/// changed.
fn xml_chars(markup: String) -> String {
    let allowed = |c: char| matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}');
    if markup.chars().all(allowed) {
        return markup;
    }
    markup.chars().map(|c| if allowed(c) { c } else { '\u{FFFD}' }).collect()
}
