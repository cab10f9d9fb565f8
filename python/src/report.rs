//! Validation from Python: issues, reports, and the `validate` and `validate_file` functions.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use defense_agreements::jsonl::Reader;
use defense_agreements::{Error, Severity};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use crate::convert::q;
use crate::errors::{ValidationError, io_error, value_error};

/// One problem found in a document.
#[pyclass(module = "defense_agreements", frozen, get_all, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Issue {
    /// Where, as a JSON Pointer (`/agreements/0/signatures/1/signer`); "" for the document.
    path: String,
    /// Which rule, as a stable snake_case code (docs/validation.md).
    code: String,
    /// `"error"` or `"warning"`.
    severity: String,
    /// What is wrong, for people.
    message: String,
    /// The line of a JSON Lines file (1-based), or None.
    line: Option<u64>,
}

#[pymethods]
impl Issue {
    /// An issue: where (`path`, a JSON Pointer), which rule (`code`), `severity` (`"error"` or
    /// `"warning"`), what (`message`), and the JSON Lines `line` or None. ValueError for
    /// another severity.
    #[new]
    #[pyo3(signature = (path, code, severity, message, line = None))]
    fn py_new(path: String, code: String, severity: String, message: String, line: Option<u64>) -> PyResult<Self> {
        if severity != "error" && severity != "warning" {
            return Err(value_error(format!("severity '{severity}': expected 'error' or 'warning'")));
        }
        Ok(Self { path, code, severity, message, line })
    }

    /// Pickling, so that a process pool's workers can return issues.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let i = slf.get();
        let args = (i.path.clone(), i.code.clone(), i.severity.clone(), i.message.clone(), i.line);
        Ok((slf.get_type().into_any(), args.into_pyobject(slf.py())?))
    }

    fn __repr__(&self) -> String {
        let line = self.line.map_or_else(String::new, |l| format!(", line={l}"));
        format!("Issue(path={}, code={}, severity={}{line})", q(&self.path), q(&self.code), q(&self.severity))
    }

    fn __str__(&self) -> String {
        let path = if self.path.is_empty() { "(root)" } else { &self.path };
        let line = self.line.map_or_else(String::new, |l| format!("line {l}: "));
        format!("{line}{path}: {}: {}: {}", self.severity, self.code, self.message)
    }

    /// Whether this is an error (not a warning).
    #[getter]
    fn is_error(&self) -> bool {
        self.severity == "error"
    }
}

impl Issue {
    pub(crate) fn of_issue(issue: &defense_agreements::Issue, line: Option<u64>) -> Self {
        Self {
            path: issue.path.clone(),
            code: issue.code.as_str().to_owned(),
            severity: issue.severity.to_string(),
            message: issue.message.clone(),
            line,
        }
    }

    pub(crate) fn of_error(error: &Error, line: Option<u64>) -> Self {
        Self {
            path: error.path().unwrap_or_default().to_owned(),
            code: error.code().to_owned(),
            severity: Severity::Error.to_string(),
            message: error.message(),
            line,
        }
    }
}

/// Every problem found in one or more documents, in document order.
#[pyclass(module = "defense_agreements", frozen)]
#[derive(Debug)]
pub(crate) struct Report {
    pub(crate) issues: Vec<Issue>,
    pub(crate) dossiers: u64,
}

#[pymethods]
impl Report {
    /// A report of `issues` found in `dossiers` parsed documents (as the validating functions
    /// make them).
    #[new]
    #[pyo3(signature = (issues, dossiers = 1))]
    fn py_new(issues: Vec<Bound<'_, Issue>>, dossiers: u64) -> Self {
        Self { issues: issues.iter().map(|i| i.get().clone()).collect(), dossiers }
    }

    /// Pickling, so that a process pool's workers (`validate_file` on many files) can return
    /// reports.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let r = slf.get();
        let args = (r.issues.clone(), r.dossiers);
        Ok((slf.get_type().into_any(), args.into_pyobject(slf.py())?))
    }

    /// Every issue, warnings included.
    #[getter]
    fn issues(&self) -> Vec<Issue> {
        self.issues.clone()
    }

    /// The errors.
    #[getter]
    fn errors(&self) -> Vec<Issue> {
        self.issues.iter().filter(|i| i.is_error()).cloned().collect()
    }

    /// The warnings.
    #[getter]
    fn warnings(&self) -> Vec<Issue> {
        self.issues.iter().filter(|i| !i.is_error()).cloned().collect()
    }

    /// Whether there is no error (warnings allowed).
    #[getter]
    fn is_valid(&self) -> bool {
        !self.issues.iter().any(Issue::is_error)
    }

    /// How many documents were parsed (those that could not be are errors in `issues`).
    #[getter]
    fn dossiers(&self) -> u64 {
        self.dossiers
    }

    /// Raises `ValidationError` when there is an error; returns None otherwise.
    fn raise_for_errors(&self, py: Python<'_>) -> PyResult<()> {
        let Some(first) = self.issues.iter().find(|i| i.is_error()) else {
            return Ok(());
        };
        let errors = self.issues.iter().filter(|i| i.is_error()).count();
        let err = ValidationError::new_err(format!("{errors} validation error(s); first: {}", first.__str__()));
        let value = err.value(py);
        value.setattr("path", &first.path)?;
        value.setattr("code", &first.code)?;
        value.setattr("issues", self.issues.clone())?;
        Err(err)
    }

    fn __len__(&self) -> usize {
        self.issues.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        PyList::new(py, self.issues.clone())?.try_iter().map(|i| i.into_any())
    }

    fn __repr__(&self) -> String {
        let errors = self.issues.iter().filter(|i| i.is_error()).count();
        format!("Report(dossiers={}, errors={errors}, warnings={})", self.dossiers, self.issues.len() - errors)
    }

    fn __str__(&self) -> String {
        self.issues.iter().map(|i| i.__str__() + "\n").collect()
    }
}

impl Report {
    pub(crate) fn of(dossier: &defense_agreements::Dossier) -> Self {
        let issues = dossier.validate().issues().iter().map(|i| Issue::of_issue(i, None)).collect();
        Self { issues, dossiers: 1 }
    }
}

/// Full validation of a file, streamed in constant memory without holding the GIL: a `.jsonl`
/// file (or any file with `jsonl=True`) one dossier per line, each issue with its `line`;
/// otherwise one document. Raises `OSError` when the file cannot be opened.
#[pyfunction]
#[pyo3(signature = (path, *, jsonl = None))]
pub(crate) fn validate_file(py: Python<'_>, path: std::path::PathBuf, jsonl: Option<bool>) -> PyResult<Report> {
    let mut report = Report { issues: Vec::new(), dossiers: 0 };
    py.detach(|| read_path(&path, jsonl, &mut report, |_| {})).map_err(|e| io_error(&path, e))?;
    Ok(report)
}

/// Whether a file is read as JSON Lines, the one rule of every function reading files (and of
/// the command line): `jsonl` when given, else whether its name ends in `.jsonl` or `.ndjson`.
pub(crate) fn is_jsonl(path: &Path, jsonl: Option<bool>) -> bool {
    jsonl.unwrap_or_else(|| path.extension().is_some_and(|e| e == "jsonl" || e == "ndjson"))
}

/// Validates the dossiers of a file into `report` (JSON Lines line by line, each issue with its
/// line, or one document; see [`is_jsonl`]) and hands each dossier without errors to `valid`.
/// Only a read error stops it.
pub(crate) fn read_path(
    path: &Path,
    jsonl: Option<bool>,
    report: &mut Report,
    mut valid: impl FnMut(&defense_agreements::Dossier),
) -> std::io::Result<()> {
    let file = BufReader::with_capacity(1 << 16, File::open(path)?);
    if is_jsonl(path, jsonl) {
        return stream_lines(file, report, valid);
    }
    match defense_agreements::Dossier::from_reader(file) {
        Ok(d) => {
            let checked = Report::of(&d);
            let is_valid = checked.is_valid();
            report.issues.extend(checked.issues);
            report.dossiers += 1;
            if is_valid {
                valid(&d);
            }
        }
        Err(Error::Io(e)) => return Err(e),
        Err(e) => report.issues.push(Issue::of_error(&e, None)),
    }
    Ok(())
}

/// Validates every line of a JSON Lines input into `report` (each issue with its line) and hands
/// each dossier without errors to `valid`. Only a read error stops it.
pub(crate) fn stream_lines(
    input: impl std::io::BufRead,
    report: &mut Report,
    mut valid: impl FnMut(&defense_agreements::Dossier),
) -> std::io::Result<()> {
    let mut reader = Reader::new(input);
    while let Some(parsed) = reader.next() {
        let line = Some(reader.line_number());
        match parsed {
            Ok(d) => {
                report.dossiers += 1;
                let validation = d.validate();
                report.issues.extend(validation.issues().iter().map(|i| Issue::of_issue(i, line)));
                if validation.is_valid() {
                    valid(&d);
                }
            }
            Err(Error::Line { source, .. }) if matches!(*source, Error::Io(_)) => {
                if let Error::Io(e) = *source {
                    return Err(e);
                }
            }
            Err(e) => {
                let e = match e {
                    Error::Line { source, .. } => *source,
                    other => other,
                };
                report.issues.push(Issue::of_error(&e, line));
            }
        }
    }
    Ok(())
}
