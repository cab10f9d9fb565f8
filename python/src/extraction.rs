//! The extraction pipeline from Python: the profile, the loader of a model's answer, the quote
//! check and `extract()`, as `dossier extract` runs them (`defense_agreements.extraction`).

use defense_agreements::extraction::{self, Article, ExtractOptions, OnMisquote, QuoteMatching};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};

use crate::convert::text_of;
use crate::convert::{q, to_python};
use crate::dossier::{PyDossier, dossier_of};
use crate::errors::{DossierError, io_error, parse_error, value_error};
use crate::report::{Issue, Report};
use std::path::PathBuf;

pyo3::create_exception!(
    defense_agreements,
    MisquoteError,
    DossierError,
    "A quote of the answer is not in its article, and `extract` was asked to fail on one \
     (`on_misquote=\"fail\"`). Attributes: `path` and `code` (`misquote`) of the first, `quotes` \
     (every misquote, as `QuoteReport`s)."
);

// The signatures' `min_quote = 10` is written out, so that Python shows it; it is the library's.
const _: () = assert!(ExtractOptions::MIN_QUOTE == 10);

/// The check of one quoted citation against its article.
#[pyclass(module = "defense_agreements.extraction", frozen, get_all, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuoteReport {
    /// The JSON Pointer of the quote in the answer as read.
    path: String,
    /// The quoted words, as the model wrote them.
    quote: String,
    /// `"exact"`, `"normalized"` or `"misquoted"`.
    status: String,
    /// The normalizations it needed (`"trim"`, `"nfc"`, `"quotes"`, `"dashes"`, `"white_space"`).
    normalizations: Vec<String>,
    /// The article's own words it was found as, when they differ from the quote.
    article_words: Option<String>,
    /// Shorter than the minimum quote length (a warning).
    short: bool,
}

#[pymethods]
impl QuoteReport {
    /// Whether the quote was found in the article (exactly or normalized).
    #[getter]
    fn found(&self) -> bool {
        self.status != "misquoted"
    }

    fn __repr__(&self) -> String {
        format!(
            "QuoteReport(path={}, status={}, normalizations={:?})",
            q(&self.path),
            q(&self.status),
            self.normalizations
        )
    }
}

impl QuoteReport {
    fn of(report: &extraction::QuoteReport) -> Self {
        Self {
            path: report.path.clone(),
            quote: report.quote.clone(),
            status: report.status.as_str().to_owned(),
            normalizations: report.normalizations.iter().map(|n| n.as_str().to_owned()).collect(),
            article_words: report.article_words.clone(),
            short: report.short,
        }
    }
}

/// What `extract` made of an answer.
#[pyclass(module = "defense_agreements.extraction", frozen)]
#[derive(Debug)]
pub(crate) struct Extracted {
    dossier: Py<PyDossier>,
    report: Py<Report>,
    quotes: Vec<QuoteReport>,
    source: String,
    valid: bool,
}

#[pymethods]
impl Extracted {
    /// The dossier: the article's source filled in and named after it, misquoted citations
    /// dropped (`on_misquote="drop"`), normalized quotes replaced by the article's words.
    #[getter]
    fn dossier(&self, py: Python<'_>) -> Py<PyDossier> {
        self.dossier.clone_ref(py)
    }

    /// The dossier's validation.
    #[getter]
    fn report(&self, py: Python<'_>) -> Py<Report> {
        self.report.clone_ref(py)
    }

    /// Every quote citing the article, checked, in document order.
    #[getter]
    fn quotes(&self) -> Vec<QuoteReport> {
        self.quotes.clone()
    }

    /// The quotes not found in the article (their citations were dropped).
    #[getter]
    fn misquotes(&self) -> Vec<QuoteReport> {
        self.quotes.iter().filter(|q| !q.found()).cloned().collect()
    }

    /// The id of the article's source record in the dossier.
    #[getter]
    fn source(&self) -> &str {
        &self.source
    }

    /// Whether `dossier extract` would write this dossier: no validation error (and, as the
    /// misquotes were dropped, nothing else stands in the way).
    #[getter]
    fn ok(&self) -> bool {
        self.valid
    }

    fn __repr__(&self) -> String {
        format!(
            "Extracted(source={}, quotes={}, misquotes={}, ok={})",
            q(&self.source),
            self.quotes.len(),
            self.quotes.iter().filter(|q| !q.found()).count(),
            if self.valid { "True" } else { "False" }
        )
    }
}

/// The extraction profile (the JSON Schema to give a model as its structured output), as a dict.
#[pyfunction]
pub(crate) fn profile(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    py.import("json")?.call_method1("loads", (extraction::PROFILE_SCHEMA,))
}

/// A model's answer in the profile (JSON `str`/`bytes`, a dict, or an `os.PathLike` naming its
/// file) read into a `Dossier`: nulls
/// dropped, extension entries made an object. `ParseError` with the JSON path of any shape
/// error; in JSON text, a key given twice is one. Validate the result.
#[pyfunction]
pub(crate) fn from_profile(py: Python<'_>, answer: &Bound<'_, PyAny>) -> PyResult<PyDossier> {
    let text = json_text(py, answer, "answer")?;
    extraction::from_profile_json(&text).map(PyDossier).map_err(|e| parse_error(py, &e, None))
}

/// A dossier in the profile's shape (every property present), as a dict: for few-shot examples.
#[pyfunction]
pub(crate) fn to_profile<'py>(py: Python<'py>, dossier: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let dossier = dossier_of(py, dossier)?;
    to_python(py, &extraction::to_profile(&dossier))
}

/// Checks every quote citing `source` against `text`. `ValueError` when the dossier has no
/// source `source` (after `extract`, the source is `Extracted.source`, not `report`).
#[pyfunction]
#[pyo3(signature = (dossier, text, *, source = "report", quotes = "exact", min_quote = 10))]
pub(crate) fn check_quotes(
    py: Python<'_>,
    dossier: &Bound<'_, PyAny>,
    text: &str,
    source: &str,
    quotes: &str,
    min_quote: usize,
) -> PyResult<Vec<QuoteReport>> {
    let dossier = dossier_of(py, dossier)?;
    let matching: QuoteMatching = quotes.parse().map_err(value_error)?;
    // A source the dossier does not have cites nothing: that is a wrong name, not a clean check
    // (after `extract` the source is named after the article, no longer `report`).
    if !dossier.sources.iter().any(|s| s.id.as_str() == source) {
        let known: Vec<&str> = dossier.sources.iter().map(|s| s.id.as_str()).collect();
        return Err(value_error(format!(
            "the dossier has no source '{source}' (its sources: {}); after extract(), pass source=Extracted.source",
            if known.is_empty() { "none".to_owned() } else { known.join(", ") }
        )));
    }
    let reports = extraction::check_quotes_with(&dossier, source, text, matching, min_quote);
    Ok(reports.iter().map(QuoteReport::of).collect())
}

/// A model's answer and its article to a checked dossier, as `dossier extract` makes it.
#[pyfunction]
#[pyo3(signature = (answer, article, *, quotes = "exact", min_quote = 10, on_misquote = "fail", source = None))]
pub(crate) fn extract(
    py: Python<'_>,
    answer: &Bound<'_, PyAny>,
    article: &Bound<'_, PyAny>,
    quotes: &str,
    min_quote: usize,
    on_misquote: &str,
    source: Option<String>,
) -> PyResult<Extracted> {
    let text = json_text(py, answer, "answer")?;
    let article = article_of(py, article)?;
    let matching: QuoteMatching = quotes.parse().map_err(value_error)?;
    let fail: OnMisquote = on_misquote.parse().map_err(value_error)?;
    // Dropped here so that every misquote can be reported; "fail" raises with them all.
    let mut options =
        ExtractOptions::new().with_quotes(matching).with_min_quote(min_quote).with_on_misquote(OnMisquote::Drop);
    if let Some(source) = source {
        options = options.with_source(source);
    }
    let extracted =
        py.detach(|| extraction::extract(&text, &article, &options)).map_err(|e| parse_error(py, &e, None))?;
    let quotes: Vec<QuoteReport> = extracted.quotes.iter().map(QuoteReport::of).collect();
    let misquotes: Vec<QuoteReport> = quotes.iter().filter(|q| !q.found()).cloned().collect();
    if let (OnMisquote::Fail, Some(first)) = (fail, misquotes.first()) {
        let more =
            if misquotes.len() > 1 { format!(" (and {} more misquotes)", misquotes.len() - 1) } else { String::new() };
        let err = MisquoteError::new_err(format!("{}: not in the article: {:?}{more}", first.path, first.quote));
        let value = err.value(py);
        value.setattr("path", &first.path)?;
        value.setattr("code", "misquote")?;
        value.setattr("quotes", misquotes.clone())?;
        return Err(err);
    }
    let valid = extracted.report.is_valid();
    let issues = extracted.report.issues().iter().map(|i| Issue::of_issue(i, None)).collect();
    Ok(Extracted {
        dossier: Py::new(py, PyDossier(extracted.dossier))?,
        report: Py::new(py, Report { issues, dossiers: 1 })?,
        quotes,
        source: extracted.source,
        valid,
    })
}

/// JSON text of `what` (an answer, a provider's response) given as `str`, `bytes`, a dict (a
/// dict has no duplicate keys left to find) or an `os.PathLike` naming a file holding it. A
/// lone surrogate in a `str` raises `ParseError`, as `parse` does; a missing file `OSError`.
pub(crate) fn json_text(py: Python<'_>, answer: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    if let Ok(text) = answer.cast::<PyString>() {
        return text_of(py, text, what, "syntax_error");
    }
    if let Ok(bytes) = answer.cast::<PyBytes>() {
        return String::from_utf8(bytes.as_bytes().to_vec()).map_err(|e| value_error(format!("not UTF-8: {e}")));
    }
    if answer.is_instance_of::<PyDict>() {
        return py.import("json")?.call_method1("dumps", (answer,))?.extract();
    }
    if let Some(path) = path_of(answer)? {
        return std::fs::read_to_string(&path).map_err(|e| io_error(&path, e));
    }
    Err(PyTypeError::new_err(format!(
        "expected the {what} as JSON text (str or bytes), a dict, or an os.PathLike naming its file"
    )))
}

/// The path an `os.PathLike` names (a `str` is text, never a path).
fn path_of(value: &Bound<'_, PyAny>) -> PyResult<Option<PathBuf>> {
    if value.is_instance_of::<PyString>() || !value.hasattr("__fspath__")? {
        return Ok(None);
    }
    value.extract::<PathBuf>().map(Some)
}

/// The article: its text (`str`), a dict with `text` and optionally `url`, `publisher`,
/// `published`, `title` (the keys of an article file), or an `os.PathLike` naming an article
/// file (as `dossier extract --article` reads it).
pub(crate) fn article_of(py: Python<'_>, article: &Bound<'_, PyAny>) -> PyResult<Article> {
    if let Ok(text) = article.cast::<PyString>() {
        return Ok(Article::new(text.to_str()?));
    }
    if article.is_instance_of::<PyDict>() {
        let text: String = py.import("json")?.call_method1("dumps", (article,))?.extract()?;
        return serde_json::from_str(&text).map_err(|e| value_error(format!("not an article: {e}")));
    }
    if let Some(path) = path_of(article)? {
        let text = std::fs::read_to_string(&path).map_err(|e| io_error(&path, e))?;
        return serde_json::from_str(&text)
            .map_err(|e| value_error(format!("{}: not an article file: {e}", path.display())));
    }
    Err(PyTypeError::new_err(
        "expected the article's text (str), a dict {text, url, publisher, published, title}, or an os.PathLike \
         naming an article file",
    ))
}
