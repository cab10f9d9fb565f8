//! What a merge did, as typed Python objects: `MergeReport` and the records of its lists.

use defense_agreements::merge;
use pyo3::prelude::*;

use crate::convert::{q, to_python, value_to_python};
use crate::identity::PyRecordKey;

/// A record of an input taken for a record of the result.
#[pyclass(module = "defense_agreements", frozen, get_all, eq)]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MergedRecord {
    /// The input record.
    from_: PyRecordKey,
    /// The id of the record of the result it became.
    into: String,
    /// Why the two were taken for one: `identifier`, `resolver` or `same_content`.
    by: String,
    /// The shared identifier's scheme, for `identifier`.
    scheme: Option<String>,
    /// The shared identifier's value, for `identifier`.
    value: Option<String>,
}

/// A record of an input that got a new id, because its id named an unrelated record.
#[pyclass(module = "defense_agreements", frozen, get_all, eq)]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RenamedRecord {
    /// The input record.
    from_: PyRecordKey,
    /// Its id in the result.
    to: String,
}

/// Two values for one field of one merged record: the field is disputed between them (a
/// source's fields are named in `named` instead).
#[pyclass(module = "defense_agreements", frozen, get_all)]
#[derive(Debug)]
pub(crate) struct Conflict {
    /// The record's type (`actor`, `agreement` …).
    kind: String,
    /// The record's id in the result.
    id: String,
    /// The field, as a JSON Pointer into the result.
    path: String,
    /// The value the record shows.
    kept: Py<PyAny>,
    /// The competing value.
    other: Py<PyAny>,
    /// The ids of the sources behind the competing value.
    sources: Vec<String>,
    /// The input record the competing value came from.
    from_: PyRecordKey,
}

/// A dispute the merge created: two inputs disagree on a fact.
#[pyclass(module = "defense_agreements", frozen, get_all, eq)]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DisputeAdded {
    /// The dispute's id in the result.
    id: String,
    /// Its question.
    question: String,
    /// The type of the disputed record.
    kind: String,
    /// The disputed record's id.
    record: String,
    /// The disputed field, as a JSON Pointer into the record.
    path: String,
    /// The sources of the alternatives.
    sources: Vec<String>,
}

/// A name or title that became another name of a merged record.
#[pyclass(module = "defense_agreements", frozen, get_all, eq)]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NameAdded {
    /// The record's type.
    kind: String,
    /// The record's id in the result.
    id: String,
    /// The name.
    name: String,
}

/// A problem of the result the merge could not express as a dispute (two dossier titles, two
/// values of a source's field), or a validation error of the result.
#[pyclass(module = "defense_agreements", frozen, get_all, eq)]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NamedConflict {
    /// Which problem, as a stable snake_case code.
    code: String,
    /// Where, as a JSON Pointer into the result.
    path: String,
    /// What is wrong, for people.
    message: String,
}

/// An input record that cites nothing: in the result its facts lean on the sources of the
/// reports it was merged with.
#[pyclass(module = "defense_agreements", frozen, get_all, eq)]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct UncitedRecord {
    /// The input record.
    from_: PyRecordKey,
    /// The id of the record of the result it became.
    into: String,
}

/// Everything a merge did, list by list.
#[pyclass(module = "defense_agreements", frozen)]
#[derive(Debug)]
pub(crate) struct MergeReport {
    /// Input records taken for one.
    merged: Vec<Py<MergedRecord>>,
    /// Input records renamed.
    renamed: Vec<Py<RenamedRecord>>,
    /// Fields with competing values.
    conflicts: Vec<Py<Conflict>>,
    /// Names and titles that became other names.
    names: Vec<Py<NameAdded>>,
    /// Disputes created.
    disputes: Vec<Py<DisputeAdded>>,
    /// Problems named, that no dispute holds.
    named: Vec<Py<NamedConflict>>,
    /// Input records that cite nothing.
    uncited: Vec<Py<UncitedRecord>>,
    report: merge::MergeReport,
}

/// The `type`, `scheme` and `value` of a match, from its JSON form (new kinds of match keep
/// their name).
fn matched_by(by: &merge::MatchedBy) -> (String, Option<String>, Option<String>) {
    let value = serde_json::to_value(by).unwrap_or_default();
    let field = |name: &str| value.get(name).and_then(|v| v.as_str()).map(str::to_owned);
    (field("type").unwrap_or_default(), field("scheme"), field("value"))
}

fn all<T: pyo3::PyClass + Into<pyo3::PyClassInitializer<T>>>(
    py: Python<'_>,
    items: impl IntoIterator<Item = PyResult<T>>,
) -> PyResult<Vec<Py<T>>> {
    items.into_iter().map(|item| Py::new(py, item?)).collect()
}

impl MergeReport {
    /// Whether both report the same merge.
    pub(crate) fn same_as(&self, other: &Self) -> bool {
        self.report == other.report
    }

    pub(crate) fn of(py: Python<'_>, report: merge::MergeReport) -> PyResult<Self> {
        let key = |k: &defense_agreements::identity::RecordKey| PyRecordKey(k.clone());
        let merged = all(
            py,
            report.merged.iter().map(|m| {
                let (by, scheme, value) = matched_by(&m.by);
                Ok(MergedRecord { from_: key(&m.from), into: m.into.clone(), by, scheme, value })
            }),
        )?;
        let renamed =
            all(py, report.renamed.iter().map(|r| Ok(RenamedRecord { from_: key(&r.from), to: r.to.clone() })))?;
        let conflicts = all(
            py,
            report.conflicts.iter().map(|c| {
                Ok(Conflict {
                    kind: c.kind.as_str().to_owned(),
                    id: c.id.clone(),
                    path: c.path.clone(),
                    kept: value_to_python(py, &c.kept)?.unbind(),
                    other: value_to_python(py, &c.other)?.unbind(),
                    sources: c.sources.clone(),
                    from_: key(&c.from),
                })
            }),
        )?;
        let names = all(
            py,
            report
                .names
                .iter()
                .map(|n| Ok(NameAdded { kind: n.kind.as_str().to_owned(), id: n.id.clone(), name: n.name.clone() })),
        )?;
        let disputes = all(
            py,
            report.disputes.iter().map(|d| {
                Ok(DisputeAdded {
                    id: d.id.clone(),
                    question: d.question.clone(),
                    kind: d.kind.as_str().to_owned(),
                    record: d.record.clone(),
                    path: d.path.clone(),
                    sources: d.sources.clone(),
                })
            }),
        )?;
        let named = all(
            py,
            report
                .named
                .iter()
                .map(|n| Ok(NamedConflict { code: n.code.clone(), path: n.path.clone(), message: n.message.clone() })),
        )?;
        let uncited =
            all(py, report.uncited.iter().map(|u| Ok(UncitedRecord { from_: key(&u.from), into: u.into.clone() })))?;
        Ok(Self { merged, renamed, conflicts, names, disputes, named, uncited, report })
    }
}

#[pymethods]
impl MergeReport {
    /// Input records taken for one record of the result.
    #[getter]
    pub(crate) fn merged(&self, py: Python<'_>) -> Vec<Py<MergedRecord>> {
        self.merged.iter().map(|x| x.clone_ref(py)).collect()
    }

    /// Input records renamed because their id named an unrelated record.
    #[getter]
    pub(crate) fn renamed(&self, py: Python<'_>) -> Vec<Py<RenamedRecord>> {
        self.renamed.iter().map(|x| x.clone_ref(py)).collect()
    }

    /// Fields with competing values (each disputed, or named in `named` for a source).
    #[getter]
    pub(crate) fn conflicts(&self, py: Python<'_>) -> Vec<Py<Conflict>> {
        self.conflicts.iter().map(|x| x.clone_ref(py)).collect()
    }

    /// Names and titles that became other names of a merged record.
    #[getter]
    pub(crate) fn names(&self, py: Python<'_>) -> Vec<Py<NameAdded>> {
        self.names.iter().map(|x| x.clone_ref(py)).collect()
    }

    /// Disputes created for facts the inputs disagree on.
    #[getter]
    pub(crate) fn disputes(&self, py: Python<'_>) -> Vec<Py<DisputeAdded>> {
        self.disputes.iter().map(|x| x.clone_ref(py)).collect()
    }

    /// Conflicts no dispute can hold, and the validation errors of the result.
    #[getter]
    pub(crate) fn named(&self, py: Python<'_>) -> Vec<Py<NamedConflict>> {
        self.named.iter().map(|x| x.clone_ref(py)).collect()
    }

    /// Input records that cite nothing.
    #[getter]
    pub(crate) fn uncited(&self, py: Python<'_>) -> Vec<Py<UncitedRecord>> {
        self.uncited.iter().map(|x| x.clone_ref(py)).collect()
    }

    /// Whether the merge joined, renamed or disputed nothing.
    #[getter]
    pub(crate) fn is_empty(&self) -> bool {
        self.report.is_empty()
    }

    /// The report as plain Python data, as `dossier merge --report` writes it in JSON.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.report)
    }

    /// Equal to a report of the same merge: the same records in every list.
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Self>().is_ok_and(|other| self.same_as(other.get()))
    }

    fn __repr__(&self) -> String {
        format!(
            "MergeReport(merged={}, renamed={}, conflicts={}, disputes={}, named={}, uncited={})",
            self.merged.len(),
            self.renamed.len(),
            self.conflicts.len(),
            self.disputes.len(),
            self.named.len(),
            self.uncited.len()
        )
    }
}

#[pymethods]
impl MergedRecord {
    fn __repr__(&self) -> String {
        format!("MergedRecord({} -> {}, by={})", self.from_.0, q(&self.into), q(&self.by))
    }
}

#[pymethods]
impl RenamedRecord {
    fn __repr__(&self) -> String {
        format!("RenamedRecord({} -> {})", self.from_.0, q(&self.to))
    }
}

#[pymethods]
impl Conflict {
    fn __repr__(&self) -> String {
        format!("Conflict({} {} at {})", self.kind, q(&self.id), q(&self.path))
    }

    /// Equal to a conflict of the same field with equal values, from the same record.
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(other) = other.cast::<Self>() else { return Ok(false) };
        let other = other.get();
        Ok((&self.kind, &self.id, &self.path, &self.sources, &self.from_)
            == (&other.kind, &other.id, &other.path, &other.sources, &other.from_)
            && self.kept.bind(py).eq(other.kept.bind(py))?
            && self.other.bind(py).eq(other.other.bind(py))?)
    }
}

#[pymethods]
impl DisputeAdded {
    fn __repr__(&self) -> String {
        format!("DisputeAdded({}, {} {} at {})", q(&self.id), self.kind, q(&self.record), q(&self.path))
    }
}

#[pymethods]
impl NameAdded {
    fn __repr__(&self) -> String {
        format!("NameAdded({} {}: {})", self.kind, q(&self.id), q(&self.name))
    }
}

#[pymethods]
impl NamedConflict {
    fn __repr__(&self) -> String {
        format!("NamedConflict({} at {})", q(&self.code), q(&self.path))
    }
}

#[pymethods]
impl UncitedRecord {
    fn __repr__(&self) -> String {
        format!("UncitedRecord({} -> {})", self.from_.0, q(&self.into))
    }
}
