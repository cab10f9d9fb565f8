//! The pictures of a dossier for Python: `Dossier.timeline_svg()`, `Dossier.report_html()` and
//! the compact HTML Jupyter shows (`Dossier._repr_html_()`).

use chrono::{Days, NaiveDate};
use defense_agreements::Dossier;
use defense_agreements::render::{RenderOptions, report_html, timeline_svg};
use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;

use crate::convert::{day, policy};

/// A notebook shows the timelines of this many agreements at most (and names the others).
const REPR_AGREEMENTS: usize = 5;

/// Today in UTC, from the system clock.
fn today() -> NaiveDate {
    let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400);
    NaiveDate::from_ymd_opt(1970, 1, 1).and_then(|e| e.checked_add_days(Days::new(days))).unwrap_or_default()
}

/// The options from the Python arguments: `as_of` (a date or "YYYY-MM-DD"; today when None),
/// the policy's name, the width.
pub(crate) fn options(as_of: Option<&Bound<'_, PyAny>>, disputes: Option<&str>, width: u32) -> PyResult<RenderOptions> {
    let as_of = as_of.map(day).transpose()?.unwrap_or_else(today);
    Ok(RenderOptions::new(as_of).with_policy(policy(disputes)?).with_width(width))
}

/// The timeline of `agreement` (the first when None); KeyError when there is none.
pub(crate) fn timeline(d: &Dossier, agreement: Option<&str>, options: &RenderOptions) -> PyResult<String> {
    let id = match agreement {
        Some(id) => id,
        None => d
            .agreements
            .first()
            .map(|a| a.id.as_str())
            .ok_or_else(|| PyKeyError::new_err("the dossier has no agreement"))?,
    };
    timeline_svg(d, id, options).ok_or_else(|| PyKeyError::new_err(format!("no agreement '{id}'")))
}

/// The whole page (`dossier report --html`).
pub(crate) fn report(d: &Dossier, options: &RenderOptions) -> String {
    report_html(d, options)
}

/// `n` things, in the singular for one: "1 agreement", "3 sources".
fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// What a notebook shows: the title and counts, and the timelines of the first agreements, in
/// one `<div>` whose styles are inline (a notebook's own styles stay untouched). Every text
/// of the dossier is escaped.
pub(crate) fn repr_html(d: &Dossier) -> String {
    let options = RenderOptions::new(today());
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let title = d.title.as_deref().unwrap_or(d.id.as_str());
    let mut out = format!(
        "<div class=\"dossier\" style=\"max-width:100%;overflow-x:auto\"><p><strong>{}</strong> \u{b7} <code>{}</code> \u{b7} {}, {}, {}</p>",
        escape(title),
        escape(d.id.as_str()),
        count(d.agreements.len(), "agreement"),
        count(d.sources.len(), "source"),
        count(d.disputes.len(), "dispute")
    );
    for a in d.agreements.iter().take(REPR_AGREEMENTS) {
        if let Some(svg) = timeline_svg(d, a.id.as_str(), &options) {
            out.push_str("<div style=\"max-width:960px\">");
            out.push_str(&svg.replacen("<svg ", "<svg style=\"max-width:100%;height:auto\" ", 1));
            out.push_str("</div>");
        }
    }
    if d.agreements.len() > REPR_AGREEMENTS {
        let rest: Vec<String> = d.agreements.iter().skip(REPR_AGREEMENTS).map(|a| escape(a.id.as_str())).collect();
        out.push_str(&format!("<p>Not drawn here (see <code>timeline_svg()</code>): {}</p>", rest.join(", ")));
    }
    out.push_str("</div>");
    out
}
