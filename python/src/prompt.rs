//! Provider requests and answers: `extraction.request()` writes the body that asks a model for an
//! article's dossier, `extraction.answer_from()` takes the answer out of the response.

use defense_agreements::extraction::{self, Provider, RequestOptions};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::convert::to_python;
use crate::errors::value_error;
use crate::extraction::{article_of, json_text};

pyo3::create_exception!(
    defense_agreements,
    AnswerError,
    PyValueError,
    "A provider's response holds no usable answer. Attributes: `code` (`json`, `provider`, \
     `refused`, `truncated`, `blocked`, `missing`), `message`."
);

fn provider(name: &str) -> PyResult<Provider> {
    name.parse::<Provider>().map_err(value_error)
}

/// The request body (a dict) asking `model` of `provider` for the article's dossier: the
/// extraction profile as structured output, the instructions and the article.
#[pyfunction]
#[pyo3(signature = (article, *, provider, model, max_tokens = None))]
pub(crate) fn request<'py>(
    py: Python<'py>,
    article: &Bound<'py, PyAny>,
    provider: &str,
    model: &str,
    max_tokens: Option<u32>,
) -> PyResult<Bound<'py, PyAny>> {
    let provider = self::provider(provider)?;
    let article = article_of(py, article)?;
    if model.trim().is_empty() {
        return Err(value_error("model must name a model"));
    }
    let mut options = RequestOptions::new();
    if let Some(max) = max_tokens {
        options = options.with_max_tokens(max);
    }
    to_python(py, &extraction::request(provider, &article, model, &options))
}

/// The address a request body of `provider` is posted to (Gemini's names the model).
#[pyfunction]
#[pyo3(signature = (*, provider, model))]
pub(crate) fn endpoint(provider: &str, model: &str) -> PyResult<String> {
    Ok(self::provider(provider)?.endpoint(model))
}

/// The model's answer (JSON text in the extraction profile) in a response body of `provider`.
#[pyfunction]
#[pyo3(signature = (response, *, provider))]
pub(crate) fn answer_from(py: Python<'_>, response: &Bound<'_, PyAny>, provider: &str) -> PyResult<String> {
    let provider = self::provider(provider)?;
    let text = json_text(py, response, "response")?;
    extraction::answer_from(provider, &text).map_err(|e| {
        let err = AnswerError::new_err(e.to_string());
        let value = err.value(py);
        let set = || -> PyResult<()> {
            value.setattr("code", e.code())?;
            value.setattr("message", e.to_string())
        };
        match set() {
            Ok(()) => err,
            Err(set_failed) => set_failed,
        }
    })
}
