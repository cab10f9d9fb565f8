//! Merging and diffing from Python: `merge` (with a resolver document) and `diff`.

use defense_agreements::identity::{Resolver, ResolverError};
use defense_agreements::merge::MergeReport;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};

use crate::convert::{dossier_of, q, to_python};
use crate::dossier::PyDossier;
use crate::errors::{parse_error, parse_error_with, value_error};

/// A resolver from JSON text (`str` or `bytes`) or a dict; an empty one for None. A bad resolver
/// document raises `ParseError` with code `invalid_resolver`.
pub(crate) fn resolver_of(py: Python<'_>, data: Option<&Bound<'_, PyAny>>) -> PyResult<Resolver> {
    let Some(data) = data.filter(|d| !d.is_none()) else {
        return Ok(Resolver::new());
    };
    let text: String = if let Ok(text) = data.cast::<PyString>() {
        text.to_str()?.to_owned()
    } else if let Ok(bytes) = data.cast::<PyBytes>() {
        String::from_utf8(bytes.as_bytes().to_vec()).map_err(|e| value_error(format!("resolver: {e}")))?
    } else if data.is_instance_of::<PyDict>() {
        py.import("json")?.call_method1("dumps", (data,))?.extract()?
    } else {
        return Err(PyTypeError::new_err("expected a resolver as JSON str or bytes, a dict, or None"));
    };
    Resolver::from_json(&text).map_err(|e| {
        let path = match &e {
            ResolverError::Judgement { index, .. } => Some(format!("/judgements/{index}")),
            _ => None,
        };
        parse_error_with(py, e.to_string(), path.as_deref(), "invalid_resolver", e.to_string(), None)
    })
}

/// A merged dossier and what the merge did (`merge`).
#[pyclass(module = "defense_agreements", frozen)]
#[derive(Debug)]
pub(crate) struct MergeResult {
    dossier: defense_agreements::Dossier,
    report: MergeReport,
}

#[pymethods]
impl MergeResult {
    /// The merged dossier: the id of the first input in the canonical order (by id, then
    /// content); records keep their ids unless they collide.
    #[getter]
    fn dossier(&self) -> PyDossier {
        PyDossier(self.dossier.clone())
    }

    /// Everything the merge did, as a dict with the lists `merged`, `renamed`, `conflicts`,
    /// `names`, `disputes`, `named` and `uncited`.
    #[getter]
    fn report<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.report)
    }

    /// Records taken for one: `{"from": {"dossier", "type", "id"}, "into": id, "by": {"type": …}}`.
    #[getter]
    fn merged<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.report.merged)
    }

    /// Records renamed because their id named an unrelated record: `{"from": …, "to": id}`.
    #[getter]
    fn renamed<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.report.renamed)
    }

    /// Fields with competing values: `{"kind", "id", "path", "kept", "other", "sources", "from"}`.
    #[getter]
    fn conflicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.report.conflicts)
    }

    /// Conflicts the result cannot hold as a dispute, and the validation errors of the result:
    /// `{"code", "path", "message"}`.
    #[getter]
    fn named<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.report.named)
    }

    /// Input records that cite nothing, whose facts now lean on other reports' sources:
    /// `{"from": …, "into": id}`.
    #[getter]
    fn uncited<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.report.uncited)
    }

    /// Names and titles that became other names of a merged record: `{"kind", "id", "name"}`.
    #[getter]
    fn names<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.report.names)
    }

    /// Disputes created for facts the inputs disagree on (both Syrian signers, say):
    /// `{"id", "question", "kind", "record", "path", "sources"}`.
    #[getter]
    fn disputes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.report.disputes)
    }

    /// Whether the merge joined, renamed or disputed nothing.
    #[getter]
    fn is_empty(&self) -> bool {
        self.report.is_empty()
    }

    fn __repr__(&self) -> String {
        format!(
            "MergeResult(dossier={}, merged={}, renamed={}, conflicts={})",
            q(self.dossier.id.as_str()),
            self.report.merged.len(),
            self.report.renamed.len(),
            self.report.conflicts.len()
        )
    }
}

/// Merges two dossiers (each a `Dossier` or what `parse` accepts) into one, with `resolver`'s
/// judgements (a resolver document as JSON text or a dict; None for none). Records sharing an
/// external identifier or judged the same become one; competing values are kept and reported.
/// Raises `ParseError` for a bad input or resolver.
#[pyfunction]
#[pyo3(signature = (a, b, resolver = None))]
pub(crate) fn merge(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    resolver: Option<&Bound<'_, PyAny>>,
) -> PyResult<MergeResult> {
    let (a, b, resolver) = (dossier_of(py, a)?, dossier_of(py, b)?, resolver_of(py, resolver)?);
    let merged =
        py.detach(|| defense_agreements::merge::merge(&a, &b, &resolver)).map_err(|e| parse_error(py, &e, None))?;
    Ok(MergeResult { dossier: merged.dossier, report: merged.report })
}

/// What changed between two versions of a dossier (`diff`).
#[pyclass(module = "defense_agreements", name = "Diff", frozen)]
#[derive(Debug)]
pub(crate) struct PyDiff(defense_agreements::diff::Diff);

#[pymethods]
impl PyDiff {
    /// Records added, removed or changed, matched by id: `{"kind", "id", "change", "path"}`.
    #[getter]
    fn records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.records)
    }

    /// Every changed value, the deepest that differ: `{"change", "path", "old"?, "new"?}`.
    #[getter]
    fn changes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.changes)
    }

    /// The RFC 6902 JSON Patch turning the old JSON into the new: `add`, `remove`, `replace`.
    #[getter]
    fn patch<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.patch)
    }

    /// Whether the two versions are equal.
    #[getter]
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn __len__(&self) -> usize {
        self.0.patch.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "Diff(records={}, changes={}, patch={})",
            self.0.records.len(),
            self.0.changes.len(),
            self.0.patch.len()
        )
    }
}

/// What changed from `old` to `new` (each a `Dossier` or what `parse` accepts): records by id,
/// every changed field by JSON Pointer, and the RFC 6902 patch. Raises `ParseError` for a bad
/// input.
#[pyfunction]
pub(crate) fn diff(py: Python<'_>, old: &Bound<'_, PyAny>, new: &Bound<'_, PyAny>) -> PyResult<PyDiff> {
    let (old, new) = (dossier_of(py, old)?, dossier_of(py, new)?);
    Ok(PyDiff(py.detach(|| defense_agreements::diff::diff(&old, &new))))
}
