//! Likely duplicates across dossiers, for a person to judge: `xref`, its `Candidate`s and their
//! `Evidence`.

use defense_agreements::xref as lib;
use pyo3::prelude::*;
use pyo3::types::PyType;

use crate::convert::{q, to_python, value_to_python};
use crate::dossier::dossiers_of;
use crate::errors::value_error;
use crate::identity::{PyRecordKey, resolver_of};

/// One reason a pair is proposed, or one thing that speaks against it.
#[pyclass(module = "defense_agreements", frozen)]
#[derive(Debug)]
pub(crate) struct Evidence {
    evidence: lib::Evidence,
    kind: String,
    weight: i32,
    text: String,
    details: serde_json::Map<String, serde_json::Value>,
}

impl Evidence {
    fn of(evidence: &lib::Evidence) -> Self {
        let mut details = match serde_json::to_value(evidence) {
            Ok(serde_json::Value::Object(map)) => map,
            _ => serde_json::Map::new(),
        };
        let kind = match details.remove("type") {
            Some(serde_json::Value::String(kind)) => kind,
            _ => String::new(),
        };
        Self { evidence: evidence.clone(), kind, weight: evidence.weight(), text: evidence.to_string(), details }
    }
}

/// The JSON form of a candidate or of its evidence, for pickling.
fn json_of(value: &impl serde::Serialize) -> PyResult<String> {
    serde_json::to_string(value).map_err(value_error)
}

/// A candidate or evidence read back from its JSON form (what pickling sent).
fn from_json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> PyResult<T> {
    serde_json::from_str(text).map_err(|e| value_error(format!("not {what} JSON: {e}")))
}

#[pymethods]
impl Evidence {
    /// What kind of evidence, in snake_case: `same_name`, `transliteration`, `same_country`,
    /// `different_post` … (docs/merge.md gives what each weighs).
    #[getter]
    fn r#type(&self) -> &str {
        &self.kind
    }

    /// What it adds to the pair's score out of 100 (negative: it speaks against the pair).
    #[getter]
    fn weight(&self) -> i32 {
        self.weight
    }

    /// The evidence's fields (`left`, `right`, `country` …; none for `same_parties`) as plain
    /// Python data.
    #[getter]
    fn details<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        value_to_python(py, &serde_json::Value::Object(self.details.clone()))
    }

    /// The JSON form as plain Python data: `{"type": ..., <details>}` (the weight is not part
    /// of it: it follows from the type and details).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.evidence)
    }

    /// The JSON form, as text.
    fn to_json(&self) -> PyResult<String> {
        json_of(&self.evidence)
    }

    /// Pickling (process pools): the evidence travels as its JSON form and is read back by
    /// `_from_json` on the other side.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        Ok((slf.get_type().getattr("_from_json")?, (json_of(&slf.get().evidence)?,)))
    }

    /// Evidence from its JSON form (pickling's way back); ValueError for anything else.
    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, text: &str) -> PyResult<Self> {
        Ok(Self::of(&from_json(text, "evidence")?))
    }

    fn __str__(&self) -> &str {
        &self.text
    }

    fn __repr__(&self) -> String {
        format!("Evidence({}, weight={})", q(&self.kind), self.weight)
    }
}

/// A pair of records of different dossiers that may be one, for a person to judge.
#[pyclass(module = "defense_agreements", frozen)]
#[derive(Debug)]
pub(crate) struct Candidate(lib::Candidate);

#[pymethods]
impl Candidate {
    /// One record (of the dossier that comes first).
    #[getter]
    fn left(&self) -> PyRecordKey {
        PyRecordKey(self.0.left.clone())
    }

    /// The other record, of the same type.
    #[getter]
    fn right(&self) -> PyRecordKey {
        PyRecordKey(self.0.right.clone())
    }

    /// How likely the two are one, 0–100: the sum of the evidence's weights, within 0 and 100.
    #[getter]
    fn score(&self) -> u32 {
        self.0.score
    }

    /// Whether the score reaches `XREF_THRESHOLD` (65): a likely pair.
    #[getter]
    fn likely(&self) -> bool {
        self.0.score >= lib::DEFAULT_THRESHOLD
    }

    /// Why the pair is proposed, and what speaks against it.
    #[getter]
    fn evidence(&self) -> Vec<Evidence> {
        self.0.evidence.iter().map(Evidence::of).collect()
    }

    /// The JSON form as plain Python data: `left` and `right` (each `{"dossier", "type",
    /// "id"}`), `score` and `evidence` (each as `Evidence.to_dict` gives it).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0)
    }

    /// The JSON form, as text.
    fn to_json(&self) -> PyResult<String> {
        json_of(&self.0)
    }

    /// Pickling (process pools): the candidate travels as its JSON form, score and evidence as
    /// they were, and is read back by `_from_json` on the other side.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        Ok((slf.get_type().getattr("_from_json")?, (json_of(&slf.get().0)?,)))
    }

    /// A candidate from its JSON form (pickling's way back); ValueError for anything else.
    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, text: &str) -> PyResult<Self> {
        Ok(Self(from_json(text, "candidate")?))
    }

    fn __str__(&self) -> String {
        let evidence: Vec<String> = self.0.evidence.iter().map(ToString::to_string).collect();
        format!("{}\t{}\t{}\t{}", self.0.score, self.0.left, self.0.right, evidence.join("; "))
    }

    fn __repr__(&self) -> String {
        format!("Candidate({} ~ {}, score={})", self.0.left, self.0.right, self.0.score)
    }
}

/// Proposes likely duplicates among the actors, people and agreements of different dossiers
/// (an iterable of `Dossier`s or what `parse` accepts), best first, as `dossier xref` does.
/// Pairs sharing an external identifier merge without help and are left out, as are pairs
/// `resolver` (a `Resolver`, a resolver document, or None) has judged. Judge them with
/// `Resolver.add`. Raises `ParseError` for a bad input or resolver.
#[pyfunction]
#[pyo3(signature = (dossiers, resolver = None))]
pub(crate) fn xref(
    py: Python<'_>,
    dossiers: &Bound<'_, PyAny>,
    resolver: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Candidate>> {
    let resolver = resolver_of(py, resolver)?;
    let dossiers = dossiers_of(py, dossiers)?;
    let candidates = py.detach(|| {
        let refs: Vec<_> = dossiers.iter().collect();
        lib::candidates(&refs, Some(&resolver))
    });
    Ok(candidates.into_iter().map(Candidate).collect())
}
