//! Diffing from Python: `diff`, its `Diff`, and the `RecordChange`s and `Change`s it lists.

use defense_agreements::diff as lib;
use pyo3::prelude::*;

use crate::convert::{q, to_python, value_to_python};
use crate::dossier::dossier_of;

/// A record of a dossier's lists added, removed or changed, matched by id.
#[pyclass(module = "defense_agreements", frozen, get_all, eq)]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RecordChange {
    /// The record's type (`actor`, `agreement` …).
    kind: String,
    /// Its id.
    id: String,
    /// `added`, `removed` or `changed`.
    change: String,
    /// Where it is, as a JSON Pointer: in the old document for a removal, in the new otherwise.
    path: String,
}

#[pymethods]
impl RecordChange {
    fn __repr__(&self) -> String {
        format!("RecordChange({} {} {})", self.change, self.kind, q(&self.id))
    }
}

/// One changed value, the deepest that differs.
#[pyclass(module = "defense_agreements", frozen, get_all)]
#[derive(Debug)]
pub(crate) struct Change {
    /// `added`, `removed` or `changed`.
    change: String,
    /// Where, as a JSON Pointer: into the old document for a removal, into the new otherwise.
    path: String,
    /// The old value (None for an addition).
    old: Py<PyAny>,
    /// The new value (None for a removal).
    new: Py<PyAny>,
}

#[pymethods]
impl Change {
    fn __repr__(&self) -> String {
        format!("Change({} {})", self.change, q(&self.path))
    }

    /// Equal to a change of the same value at the same place.
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(other) = other.cast::<Self>() else { return Ok(false) };
        let other = other.get();
        Ok((&self.change, &self.path) == (&other.change, &other.path)
            && self.old.bind(py).eq(other.old.bind(py))?
            && self.new.bind(py).eq(other.new.bind(py))?)
    }
}

/// What changed between two versions of a dossier (`diff`).
#[pyclass(module = "defense_agreements", name = "Diff", frozen)]
#[derive(Debug)]
pub(crate) struct PyDiff(lib::Diff);

/// A change kind's name (`added`, `removed`, `changed`), from its JSON form.
fn change_name(kind: lib::ChangeKind) -> String {
    serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

#[pymethods]
impl PyDiff {
    /// Records added, removed or changed, matched by id.
    #[getter]
    fn records(&self) -> Vec<RecordChange> {
        self.0
            .records
            .iter()
            .map(|r| RecordChange {
                kind: r.kind.as_str().to_owned(),
                id: r.id.clone(),
                change: change_name(r.change),
                path: r.path.clone(),
            })
            .collect()
    }

    /// Every changed value, the deepest that differ.
    #[getter]
    fn changes(&self, py: Python<'_>) -> PyResult<Vec<Change>> {
        let value = |v: &Option<serde_json::Value>| -> PyResult<Py<PyAny>> {
            Ok(match v {
                Some(v) => value_to_python(py, v)?.unbind(),
                None => py.None(),
            })
        };
        self.0
            .changes
            .iter()
            .map(|c| {
                Ok(Change {
                    change: change_name(c.change),
                    path: c.path.clone(),
                    old: value(&c.old)?,
                    new: value(&c.new)?,
                })
            })
            .collect()
    }

    /// The RFC 6902 JSON Patch turning the old JSON into the new, as the dicts a JSON Patch
    /// library takes: `{"op": "add" | "remove" | "replace", "path", "value"?}`.
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

    /// The diff as plain Python data, as `dossier diff --json` writes it: `records` and
    /// `changes` as dicts (what they were before they were typed), and `patch`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0)
    }

    /// Equal to a diff with the same records, changes and patch.
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Self>().is_ok_and(|other| self.0 == other.get().0)
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
    Ok(PyDiff(py.detach(|| lib::diff(&old, &new))))
}
