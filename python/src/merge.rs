//! Merging from Python: `merge` (two dossiers) and `merge_all` (any number), with a resolver's
//! judgements, and their `MergeResult`.

use defense_agreements::ids::DossierId;
use defense_agreements::merge::Merger;
use pyo3::prelude::*;

use crate::convert::q;
use crate::dossier::{PyDossier, dossier_of, dossiers_of};
use crate::errors::{parse_error, value_error};
use crate::identity::resolver_of;
use crate::merge_report::{
    Conflict, DisputeAdded, MergeReport, MergedRecord, NameAdded, NamedConflict, RenamedRecord, UncitedRecord,
};

/// A merged dossier and what the merge did (`merge`, `merge_all`).
#[pyclass(module = "defense_agreements", frozen)]
#[derive(Debug)]
pub(crate) struct MergeResult {
    dossier: Py<PyDossier>,
    report: Py<MergeReport>,
}

#[pymethods]
impl MergeResult {
    /// The merged dossier: the id and title of the first input in the canonical order (by id,
    /// then content) unless `merge_all` was given others; records keep their ids unless they
    /// collide.
    #[getter]
    fn dossier(&self, py: Python<'_>) -> Py<PyDossier> {
        self.dossier.clone_ref(py)
    }

    /// Everything the merge did (`MergeReport`).
    #[getter]
    fn report(&self, py: Python<'_>) -> Py<MergeReport> {
        self.report.clone_ref(py)
    }

    /// Input records taken for one (`report.merged`).
    #[getter]
    fn merged(&self, py: Python<'_>) -> Vec<Py<MergedRecord>> {
        self.report.get().merged(py)
    }

    /// Input records renamed (`report.renamed`).
    #[getter]
    fn renamed(&self, py: Python<'_>) -> Vec<Py<RenamedRecord>> {
        self.report.get().renamed(py)
    }

    /// Fields with competing values (`report.conflicts`).
    #[getter]
    fn conflicts(&self, py: Python<'_>) -> Vec<Py<Conflict>> {
        self.report.get().conflicts(py)
    }

    /// Names and titles that became other names (`report.names`).
    #[getter]
    fn names(&self, py: Python<'_>) -> Vec<Py<NameAdded>> {
        self.report.get().names(py)
    }

    /// Disputes created (`report.disputes`).
    #[getter]
    fn disputes(&self, py: Python<'_>) -> Vec<Py<DisputeAdded>> {
        self.report.get().disputes(py)
    }

    /// Conflicts no dispute can hold, and the result's validation errors (`report.named`).
    #[getter]
    fn named(&self, py: Python<'_>) -> Vec<Py<NamedConflict>> {
        self.report.get().named(py)
    }

    /// Input records that cite nothing (`report.uncited`).
    #[getter]
    fn uncited(&self, py: Python<'_>) -> Vec<Py<UncitedRecord>> {
        self.report.get().uncited(py)
    }

    /// Whether the merge joined, renamed or disputed nothing.
    #[getter]
    fn is_empty(&self) -> bool {
        self.report.get().is_empty()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let report = self.report.get();
        format!(
            "MergeResult(dossier={}, merged={}, renamed={}, conflicts={}, disputes={})",
            q(self.dossier.get().0.id.as_str()),
            report.merged(py).len(),
            report.renamed(py).len(),
            report.conflicts(py).len(),
            report.disputes(py).len()
        )
    }

    /// Equal to the result of the same merge: the same dossier and the same report.
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Self>().is_ok_and(|other| {
            let other = other.get();
            self.dossier.get() == other.dossier.get() && self.report.get().same_as(other.report.get())
        })
    }
}

impl MergeResult {
    fn of(py: Python<'_>, merged: defense_agreements::merge::Merged) -> PyResult<Self> {
        Ok(Self {
            dossier: Py::new(py, PyDossier(merged.dossier))?,
            report: Py::new(py, MergeReport::of(py, merged.report)?)?,
        })
    }
}

/// Merges two dossiers (each a `Dossier` or what `parse` accepts) into one, with `resolver`'s
/// judgements (a `Resolver`, a resolver document as JSON text or a dict; None for none).
/// Records sharing an external identifier or judged the same become one; competing values are
/// kept as disputes and reported. Raises `ParseError` for a bad input or resolver.
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
    MergeResult::of(py, merged)
}

/// Merges any number of dossiers (an iterable of `Dossier`s or what `parse` accepts) into one,
/// as `dossier merge` does: the result depends on the set of inputs, not their order; records
/// sharing an external identifier or judged the same (by `resolver`, transitively) become one.
/// `id` and `title` name the result (default: the first input's in the canonical order).
/// Raises `ParseError` for a bad input or resolver, `ValueError` for a malformed `id` or no
/// input.
#[pyfunction]
#[pyo3(signature = (dossiers, resolver = None, *, id = None, title = None))]
pub(crate) fn merge_all(
    py: Python<'_>,
    dossiers: &Bound<'_, PyAny>,
    resolver: Option<&Bound<'_, PyAny>>,
    id: Option<&str>,
    title: Option<String>,
) -> PyResult<MergeResult> {
    let resolver = resolver_of(py, resolver)?;
    let id = id.map(|i| DossierId::new(i).map_err(|e| value_error(format!("id '{i}': {e}")))).transpose()?;
    let inputs = dossiers_of(py, dossiers)?;
    if inputs.is_empty() {
        return Err(value_error("merge_all needs at least one dossier"));
    }
    let merged = py
        .detach(|| {
            let mut merger = Merger::new(&resolver);
            if let Some(id) = id {
                merger = merger.with_id(id);
            }
            // A chosen title: the inputs' titles are no conflict.
            if let Some(title) = title {
                merger = merger.with_title(title);
            }
            for d in inputs {
                merger.add_owned(d);
            }
            merger.finish()
        })
        .map_err(|e| parse_error(py, &e, None))?;
    MergeResult::of(py, merged)
}
