//! Identity from Python: `RecordKey` (a record anywhere), `Judgement` (what a person decided
//! about two records) and `Resolver` (the log of judgements a merge follows).

use defense_agreements::identity::{self, Decision, RecordKind, ResolverError};
use defense_agreements::ids::{DossierId, RecordId};
use defense_agreements::values::EdtfDate;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString, PyTuple};

use crate::convert::{q, text_of};
use crate::errors::{io_error, parse_error_with, value_error};

/// A record anywhere: the dossier it is kept in, its type (`actor`, `person`, `agreement` …)
/// and its local id.
#[pyclass(module = "defense_agreements", name = "RecordKey", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct PyRecordKey(pub(crate) identity::RecordKey);

/// The record kind named `name`: a type (`agreement`) or its dossier list (`agreements`).
fn kind_of(name: &str) -> PyResult<RecordKind> {
    RecordKind::ALL.iter().copied().find(|k| k.as_str() == name || k.list_name() == name).ok_or_else(|| {
        let known = RecordKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ");
        value_error(format!("unknown record type '{name}': expected one of {known}"))
    })
}

impl PyRecordKey {
    fn new_checked(dossier: &str, kind: &str, id: &str) -> PyResult<Self> {
        let kind = kind_of(kind)?;
        let dossier = DossierId::new(dossier).map_err(|e| value_error(format!("dossier id '{dossier}': {e}")))?;
        let id = RecordId::new(id).map_err(|e| value_error(format!("record id '{id}': {e}")))?;
        Ok(Self(identity::RecordKey::new(dossier, kind, id)))
    }

    /// A key from a `RecordKey`, a `(dossier, type, id)` tuple, or its text `dossier/type/id`
    /// (the type may also be written as its list name: `dossier/agreements/id`).
    pub(crate) fn of(value: &Bound<'_, PyAny>) -> PyResult<identity::RecordKey> {
        if let Ok(key) = value.cast::<PyRecordKey>() {
            return Ok(key.get().0.clone());
        }
        if let Ok(text) = value.cast::<PyString>() {
            let text =
                text.to_str().map_err(|_| value_error("a record key holding a lone surrogate is not Unicode text"))?;
            // The crate's reading, as `dossier resolve add` reads records.
            return text.parse::<identity::RecordKey>().map_err(value_error);
        }
        if let Ok(tuple) = value.cast::<PyTuple>() {
            let (d, k, id): (String, String, String) = tuple.extract()?;
            return Ok(Self::new_checked(&d, &k, &id)?.0);
        }
        Err(PyTypeError::new_err("expected a RecordKey, a 'dossier/type/id' str or a (dossier, type, id) tuple"))
    }
}

#[pymethods]
impl PyRecordKey {
    /// The record `id` of type `type` (`actor`, or its list name `actors`) in dossier `dossier`.
    /// ValueError for a malformed id or an unknown type.
    #[new]
    #[pyo3(signature = (dossier, r#type, id))]
    fn py_new(dossier: &str, r#type: &str, id: &str) -> PyResult<Self> {
        Self::new_checked(dossier, r#type, id)
    }

    /// The id of the dossier the record is kept in.
    #[getter]
    fn dossier(&self) -> &str {
        self.0.dossier.as_str()
    }

    /// The record's type, as judgements name it: `actor`, `person`, `agreement` …
    #[getter]
    fn r#type(&self) -> &'static str {
        self.0.kind.as_str()
    }

    /// The dossier list holding it: `actors`, `people`, `agreements` …
    #[getter]
    fn list(&self) -> &'static str {
        self.0.kind.list_name()
    }

    /// The record's id in its dossier.
    #[getter]
    fn id(&self) -> &str {
        self.0.id.as_str()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let key = &slf.get().0;
        let args = PyTuple::new(slf.py(), [key.dossier.as_str(), key.kind.as_str(), key.id.as_str()])?;
        Ok((slf.get_type().into_any(), args))
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("RecordKey({}, {}, {})", q(self.0.dossier.as_str()), q(self.0.kind.as_str()), q(self.0.id.as_str()))
    }
}

/// What a person decided about two records.
#[pyclass(module = "defense_agreements", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Judgement(pub(crate) identity::Judgement);

#[pymethods]
impl Judgement {
    /// One record.
    #[getter]
    fn left(&self) -> PyRecordKey {
        PyRecordKey(self.0.left.clone())
    }

    /// The other record (of the same type).
    #[getter]
    fn right(&self) -> PyRecordKey {
        PyRecordKey(self.0.right.clone())
    }

    /// What was decided: `same`, `not_same` or `unsure`.
    #[getter]
    fn decision(&self) -> &'static str {
        self.0.judgement.as_str()
    }

    /// Who decided.
    #[getter]
    fn decided_by(&self) -> &str {
        &self.0.decided_by
    }

    /// When, as an EDTF date (usually a day, `2026-12-07`).
    #[getter]
    fn decided_at(&self) -> String {
        self.0.decided_at.to_string()
    }

    /// Why, or None.
    #[getter]
    fn reason(&self) -> Option<&str> {
        self.0.reason.as_deref()
    }

    /// The JSON form as plain Python data, as a resolver document lists it: `left`, `right`,
    /// `judgement`, `decided_by`, `decided_at` and `reason` when given.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::to_python(py, &self.0)
    }

    /// The JSON form, as text.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&self.0).map_err(value_error)
    }

    /// Pickling (process pools): the judgement travels as its JSON form and is read back, with
    /// a resolver document's checks, by `_from_json` on the other side.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        Ok((slf.get_type().getattr("_from_json")?, (slf.get().to_json()?,)))
    }

    /// A judgement from its JSON form (pickling's way back); ValueError for anything else or
    /// for a judgement a resolver document would refuse.
    #[classmethod]
    fn _from_json(_cls: &Bound<'_, pyo3::types::PyType>, text: &str) -> PyResult<Self> {
        let judgement: identity::Judgement =
            serde_json::from_str(text).map_err(|e| value_error(format!("not judgement JSON: {e}")))?;
        judgement.check().map_err(value_error)?;
        Ok(Self(judgement))
    }

    fn __repr__(&self) -> String {
        format!(
            "Judgement({} {} {}, decided_by={})",
            self.0.left,
            self.0.judgement,
            self.0.right,
            q(&self.0.decided_by)
        )
    }
}

/// A log of judgements on pairs of records, which `merge` and `merge_all` follow and `xref`
/// does not propose again. The later of two judgements on one pair stands; `same` is
/// transitive (docs/merge.md).
#[pyclass(module = "defense_agreements", name = "Resolver", eq)]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PyResolver(pub(crate) identity::Resolver);

/// The `ParseError` for a resolver document that cannot be read (from `file`, named in the
/// message), with the judgement's path.
fn resolver_error(py: Python<'_>, e: &ResolverError, file: Option<&std::path::Path>) -> PyErr {
    let path = match e {
        ResolverError::Judgement { index, .. } => Some(format!("/judgements/{index}")),
        _ => None,
    };
    let text = file.map_or_else(|| e.to_string(), |f| format!("{}: {e}", f.display()));
    parse_error_with(py, text, path.as_deref(), "invalid_resolver", e.to_string(), None)
}

/// A resolver from a `Resolver` (copied), JSON text (`str` or `bytes`), a dict, or an
/// `os.PathLike` naming a resolver file; an empty one for None. A bad document raises `ParseError` with code `invalid_resolver`.
pub(crate) fn resolver_of(py: Python<'_>, data: Option<&Bound<'_, PyAny>>) -> PyResult<identity::Resolver> {
    let Some(data) = data.filter(|d| !d.is_none()) else {
        return Ok(identity::Resolver::new());
    };
    if let Ok(resolver) = data.cast::<PyResolver>() {
        return Ok(resolver.borrow().0.clone());
    }
    let text: String = if let Ok(text) = data.cast::<PyString>() {
        text_of(py, text, "resolver", "invalid_resolver")?
    } else if let Ok(bytes) = data.cast::<PyBytes>() {
        String::from_utf8(bytes.as_bytes().to_vec()).map_err(|e| {
            let message = format!("the resolver is not UTF-8: {e}");
            parse_error_with(py, message.clone(), None, "invalid_resolver", message, None)
        })?
    } else if data.is_instance_of::<PyDict>() {
        py.import("json")?.call_method1("dumps", (data,))?.extract()?
    } else if data.hasattr("__fspath__")? {
        return PyResolver::load(py, data.extract()?).map(|r| r.0);
    } else {
        return Err(PyTypeError::new_err(
            "expected a Resolver, a resolver as JSON str or bytes, a dict, an os.PathLike to a file, or None",
        ));
    };
    identity::Resolver::from_json(&text).map_err(|e| resolver_error(py, &e, None))
}

/// Today, as `datetime.date.today()` says (the caller's local day).
fn today(py: Python<'_>) -> PyResult<EdtfDate> {
    let text: String =
        py.import("datetime")?.getattr("date")?.call_method0("today")?.call_method0("isoformat")?.extract()?;
    EdtfDate::parse(&text).map_err(value_error)
}

/// An EDTF date from a `datetime.date` or a string (`2026-12-07`, `2026-12`).
fn edtf_of(value: &Bound<'_, PyAny>) -> PyResult<EdtfDate> {
    let text: String = if value.cast::<PyString>().is_ok() {
        value.extract()?
    } else {
        value
            .call_method0("isoformat")
            .map_err(|_| PyTypeError::new_err("expected a datetime.date or an EDTF str"))?
            .extract()?
    };
    EdtfDate::parse(&text).map_err(|e| value_error(format!("'{text}' is not an EDTF date: {e}")))
}

#[pymethods]
impl PyResolver {
    /// A resolver: empty, or read from a resolver document (JSON `str`/`bytes`, a dict, or
    /// another `Resolver`, copied). A bad document raises `ParseError` (`invalid_resolver`).
    #[new]
    #[pyo3(signature = (data = None))]
    fn py_new(py: Python<'_>, data: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        Ok(Self(resolver_of(py, data)?))
    }

    /// Reads a resolver document from a file. `OSError` when it cannot be read, `ParseError`
    /// when it is not a resolver document.
    #[staticmethod]
    fn load(py: Python<'_>, path: std::path::PathBuf) -> PyResult<Self> {
        let bytes = std::fs::read(&path).map_err(|e| io_error(&path, e))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let message = format!("{}: not UTF-8: {e}", path.display());
            parse_error_with(py, message.clone(), None, "invalid_resolver", message, None)
        })?;
        identity::Resolver::from_json(&text).map(Self).map_err(|e| resolver_error(py, &e, Some(&path)))
    }

    /// Writes the resolver document (indented JSON) to a file, replacing it.
    fn save(&self, path: std::path::PathBuf) -> PyResult<()> {
        std::fs::write(&path, self.0.to_json_pretty() + "\n").map_err(|e| io_error(&path, e))
    }

    /// The resolver document as indented JSON.
    fn to_json(&self) -> String {
        self.0.to_json_pretty()
    }

    /// The resolver document as plain Python data.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("json")?.call_method1("loads", (self.0.to_json_pretty(),))
    }

    /// The judgements, oldest first.
    #[getter]
    fn judgements(&self) -> Vec<Judgement> {
        self.0.judgements.iter().cloned().map(Judgement).collect()
    }

    /// Appends the judgement that `left` and `right` (each a `RecordKey`, a `dossier/type/id`
    /// str or a `(dossier, type, id)` tuple; of one type, not clauses) are `same`, `not_same`
    /// or `unsure`, decided `by` someone, `on` a day (default: today), for a `reason`.
    /// Returns the judgement; ValueError for a bad key, decision or date, or an empty `by`.
    #[pyo3(signature = (left, right, decision, *, by, on = None, reason = None))]
    fn add(
        &mut self,
        left: &Bound<'_, PyAny>,
        right: &Bound<'_, PyAny>,
        decision: &str,
        by: &str,
        on: Option<&Bound<'_, PyAny>>,
        reason: Option<String>,
    ) -> PyResult<Judgement> {
        let py = left.py();
        let (left, right) = (PyRecordKey::of(left)?, PyRecordKey::of(right)?);
        let decision: Decision = decision.parse().map_err(value_error)?;
        let day = match on {
            Some(on) => edtf_of(on)?,
            None => today(py)?,
        };
        let mut judgement = identity::Judgement::new(left, right, decision, by, day);
        if let Some(reason) = reason.filter(|r| !r.trim().is_empty()) {
            judgement = judgement.because(reason);
        }
        // The checks a resolver document gets: one kind, no clause, someone who decided.
        judgement.check().map_err(value_error)?;
        self.0.push(judgement.clone());
        Ok(Judgement(judgement))
    }

    /// The standing decision on two records (in either order), or None.
    fn decision(&self, left: &Bound<'_, PyAny>, right: &Bound<'_, PyAny>) -> PyResult<Option<&'static str>> {
        Ok(self.0.decision(&PyRecordKey::of(left)?, &PyRecordKey::of(right)?).map(Decision::as_str))
    }

    fn __len__(&self) -> usize {
        self.0.judgements.len()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        Ok((slf.get_type().into_any(), (slf.borrow().0.to_json_pretty(),)))
    }

    fn __repr__(&self) -> String {
        format!("Resolver(judgements={})", self.0.judgements.len())
    }
}
