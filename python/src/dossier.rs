//! The `Dossier` class and the functions that read documents: `parse`, `read_file`, `schema`.

use defense_agreements::tables::Tables;
use defense_agreements::values::CountryCode;
use defense_agreements::{Agreement, Dossier, Error, Resolved};
use pyo3::exceptions::{PyKeyError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};

use crate::convert::{actor_id, day, parse_any, policy, q};
use crate::errors::{io_error, parse_error, value_error};
use crate::report::{Issue, Report};
use crate::tables::tables_dict;
use crate::views::{BindingInterval, Codings, TimelineEntry};

/// A parsed dossier: immutable; query it, validate it, or turn it back into JSON.
#[pyclass(module = "defense_agreements", name = "Dossier", frozen, eq)]
#[derive(Debug, PartialEq)]
pub(crate) struct PyDossier(pub(crate) defense_agreements::Dossier);

impl PyDossier {
    /// The dossier with its disputes resolved under the policy named `disputes` (default:
    /// `undisputed`, only undisputed facts; docs/merge.md).
    fn resolved(&self, disputes: Option<&str>) -> PyResult<Resolved<'_>> {
        Ok(self.0.resolve(policy(disputes)?))
    }
}

fn agreement<'d>(d: &'d Dossier, id: &str) -> PyResult<&'d Agreement> {
    d.agreement(id).ok_or_else(|| PyKeyError::new_err(format!("no agreement '{id}'")))
}

#[pymethods]
impl PyDossier {
    /// Parses a dossier, as `parse` does: JSON (`str` or `bytes`) or a dict.
    #[new]
    fn py_new(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        parse(py, data)
    }

    /// Pickling (multiprocessing, Spark workers): the dossier travels as its canonical JSON and
    /// is parsed again on the other side.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        Ok((slf.get_type().into_any(), (slf.get().0.to_json(),)))
    }

    /// The dossier's id.
    #[getter]
    fn id(&self) -> &str {
        self.0.id.as_str()
    }

    /// The title, or None.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.0.title.as_deref()
    }

    /// The `schema_version` the document declared.
    #[getter]
    fn schema_version(&self) -> String {
        self.0.schema_version.to_string()
    }

    /// The ids of the agreements, in document order.
    #[getter]
    fn agreement_ids(&self) -> Vec<&str> {
        self.0.agreements.iter().map(|a| a.id.as_str()).collect()
    }

    /// Every cross-record rule: dangling references, signers without standing, impossible dates.
    fn validate(&self) -> Report {
        Report::of(&self.0)
    }

    /// The document as JSON (compact, or indented with `pretty=True`).
    #[pyo3(signature = (*, pretty = false))]
    fn to_json(&self, pretty: bool) -> String {
        if pretty { self.0.to_json_pretty() } else { self.0.to_json() }
    }

    /// The document as plain Python data (dicts, lists, strings, numbers).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("json")?.call_method1("loads", (self.0.to_json(),))
    }

    /// The status of an agreement, from its lifecycle: `negotiated`, `signed`,
    /// `provisionally_applied`, `in_force`, `suspended`, `terminated`. On `on` (a date or
    /// "YYYY-MM-DD") when given, else after every recorded act. KeyError for an unknown id.
    /// Every method that derives a reading takes `disputes`, the dispute policy: which
    /// alternatives of a dispute count (`undisputed` by default, `any_alternative`,
    /// `best_supported`; docs/merge.md).
    #[pyo3(signature = (agreement, on = None, *, disputes = None))]
    fn status(&self, agreement: &str, on: Option<&Bound<'_, PyAny>>, disputes: Option<&str>) -> PyResult<String> {
        let r = self.resolved(disputes)?;
        let a = self::agreement(&r, agreement)?;
        let status = match on {
            Some(on) => a.status_on(day(on)?),
            None => a.status(),
        };
        Ok(status.as_str().to_owned())
    }

    /// Whether `actor` is bound by `agreement` on `on`: listed as a party, the agreement in
    /// force, its consent in effect, not withdrawn or suspended (docs/lifecycle.md). KeyError
    /// for an unknown agreement.
    #[pyo3(signature = (agreement, actor, on, *, disputes = None))]
    fn is_bound(&self, agreement: &str, actor: &str, on: &Bound<'_, PyAny>, disputes: Option<&str>) -> PyResult<bool> {
        let r = self.resolved(disputes)?;
        let a = self::agreement(&r, agreement)?;
        // The dossier's succession links: a dissolved party is bound by nothing, a continuing
        // state holds its place (the tables read them the same way).
        Ok(a.lifecycle_in(&r.successions()).is_bound(&actor_id(actor)?, day(on)?))
    }

    /// Whether `actor` is bound toward `other` by `agreement` on `on`: both bound, and no
    /// suspension or termination between the two in effect.
    #[pyo3(signature = (agreement, actor, other, on, *, disputes = None))]
    fn is_bound_toward(
        &self,
        agreement: &str,
        actor: &str,
        other: &str,
        on: &Bound<'_, PyAny>,
        disputes: Option<&str>,
    ) -> PyResult<bool> {
        let r = self.resolved(disputes)?;
        let a = self::agreement(&r, agreement)?;
        Ok(a.lifecycle_in(&r.successions()).is_bound_toward(&actor_id(actor)?, &actor_id(other)?, day(on)?))
    }

    /// Where `actor` stands in `agreement` on `on`: `not_a_party`, `not_bound`,
    /// `provisionally_applying`, `bound`, `suspended`, `withdrawn`, `ended` or `dissolved`.
    #[pyo3(signature = (agreement, actor, on, *, disputes = None))]
    fn party_status(
        &self,
        agreement: &str,
        actor: &str,
        on: &Bound<'_, PyAny>,
        disputes: Option<&str>,
    ) -> PyResult<String> {
        let r = self.resolved(disputes)?;
        let a = self::agreement(&r, agreement)?;
        Ok(a.lifecycle_in(&r.successions()).party_status_on(&actor_id(actor)?, day(on)?).as_str().to_owned())
    }

    /// The spans during which `actor` is bound by `agreement`, in order.
    #[pyo3(signature = (agreement, actor, *, disputes = None))]
    fn binding_intervals(
        &self,
        agreement: &str,
        actor: &str,
        disputes: Option<&str>,
    ) -> PyResult<Vec<BindingInterval>> {
        let r = self.resolved(disputes)?;
        let a = self::agreement(&r, agreement)?;
        let life = a.lifecycle_in(&r.successions());
        Ok(life.binding_intervals(&actor_id(actor)?).iter().map(BindingInterval::of).collect())
    }

    /// Every step of `agreement`'s life in order, with the status each leaves.
    #[pyo3(signature = (agreement, *, disputes = None))]
    fn timeline(&self, agreement: &str, disputes: Option<&str>) -> PyResult<Vec<TimelineEntry>> {
        let r = self.resolved(disputes)?;
        let a = self::agreement(&r, agreement)?;
        Ok(a.timeline().iter().map(TimelineEntry::of).collect())
    }

    /// The ids of the agreements `actor` is a party to, whatever their status.
    fn agreements_of(&self, actor: &str) -> Vec<String> {
        self.0.agreements_of(actor).map(|a| a.id.to_string()).collect()
    }

    /// The ids of the agreements that bind `actor` on `on`.
    #[pyo3(signature = (actor, on, *, disputes = None))]
    fn agreements_binding(&self, actor: &str, on: &Bound<'_, PyAny>, disputes: Option<&str>) -> PyResult<Vec<String>> {
        let day = day(on)?;
        let r = self.resolved(disputes)?;
        Ok(r.agreements_binding(actor, day).map(|a| a.id.to_string()).collect())
    }

    /// The ids of the troop presences reported in `country` (ISO 3166-1 alpha-3).
    #[pyo3(signature = (country, *, disputes = None))]
    fn forces_in(&self, country: &str, disputes: Option<&str>) -> PyResult<Vec<String>> {
        let country: CountryCode = country.parse().map_err(value_error)?;
        Ok(self.resolved(disputes)?.forces_in(country).map(|t| t.id.to_string()).collect())
    }

    /// The actor and every actor it belongs to, nearest first.
    fn ancestry(&self, actor: &str) -> Vec<String> {
        self.0.ancestry(actor).map(|a| a.id.to_string()).collect()
    }

    /// The ATOP, COW and DCAD codings of every agreement.
    #[pyo3(signature = (*, disputes = None))]
    fn codings(&self, disputes: Option<&str>) -> PyResult<Vec<Codings>> {
        let r = self.resolved(disputes)?;
        Ok(r.agreements.iter().map(|a| Codings::of(&r, a)).collect())
    }

    /// The research tables of this dossier (docs/tables.md), by table name: `agreements`,
    /// `members`, `state_years`, `dyad_years`, `directed_dyad_years`, `directed_dyad_intervals`,
    /// `signatures`, `troop_presences`, each a `Table` (Arrow data for pyarrow, polars, pandas and
    /// DuckDB). Its rows are dicts keyed by the column names of the command line's files (tuples
    /// in column order with `as_tuples=True`); a null is None, a date a `datetime.date` (`str()`
    /// gives the CSV's `YYYY-MM-DD`). `through` is the last year of the year tables for bindings
    /// still in force (default: the current year; ValueError past 9999); `only` (table names)
    /// limits the tables returned. The tables are built without holding the GIL. The rows are
    /// produced whatever the validation says; `dossier tables` skips a dossier with errors.
    /// `disputes` is the dispute policy; each table's `disputed` column says which rows rest on a
    /// disputed fact.
    #[pyo3(signature = (*, through = None, as_tuples = false, only = None, disputes = None))]
    fn tables<'py>(
        &self,
        py: Python<'py>,
        through: Option<i32>,
        as_tuples: bool,
        only: Option<Vec<String>>,
        disputes: Option<&str>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let options = crate::tables::through_options(through)?.with_policy(policy(disputes)?);
        crate::tables::check_table_names(only.as_deref())?;
        // Seconds for a large `through` (every year of every dyad): other threads run meanwhile.
        let tables = py.detach(|| Tables::from_dossier(&self.0, &options));
        tables_dict(py, &tables, as_tuples, only.as_deref())
    }

    fn __repr__(&self) -> String {
        format!("Dossier(id={}, agreements={})", q(self.0.id.as_str()), self.0.agreements.len())
    }

    /// The timeline of `agreement` (the first when None) as an SVG document (docs/pictures.md):
    /// one lane per party, the acts as marks, disputed acts ringed. `as_of` (a date or
    /// "YYYY-MM-DD", today when None) is the last day drawn; `disputes` the dispute policy the
    /// lanes follow. KeyError for an unknown agreement.
    #[pyo3(signature = (agreement = None, *, as_of = None, disputes = None, width = 960))]
    fn timeline_svg(
        &self,
        agreement: Option<&str>,
        as_of: Option<&Bound<'_, PyAny>>,
        disputes: Option<&str>,
        width: u32,
    ) -> PyResult<String> {
        crate::pictures::timeline(&self.0, agreement, &crate::pictures::options(as_of, disputes, width)?)
    }

    /// The dossier as one self-contained HTML page (`dossier report --html`).
    #[pyo3(signature = (*, as_of = None, disputes = None))]
    fn report_html(&self, as_of: Option<&Bound<'_, PyAny>>, disputes: Option<&str>) -> PyResult<String> {
        Ok(crate::pictures::report(&self.0, &crate::pictures::options(as_of, disputes, 960)?))
    }

    /// What Jupyter shows: the title, counts and the first agreements' timelines.
    fn _repr_html_(&self) -> String {
        crate::pictures::repr_html(&self.0)
    }
}

/// Parses a dossier from JSON (`str` or `bytes`) or from a dict. Raises `ParseError` (with
/// `path` and `code`) when the shape is wrong; call `validate()` on the result for the rules.
#[pyfunction]
pub(crate) fn parse(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<PyDossier> {
    parse_any(py, data)?.map(PyDossier).map_err(|e| parse_error(py, &e, None))
}

/// Reads every dossier of a file: one per line for a `.jsonl` or `.ndjson` file (or any file
/// with `jsonl=True`), the whole file otherwise. The first error raises (`ParseError` with its
/// `line`, or `OSError`).
#[pyfunction]
#[pyo3(signature = (path, *, jsonl = None))]
pub(crate) fn read_file(py: Python<'_>, path: std::path::PathBuf, jsonl: Option<bool>) -> PyResult<Vec<PyDossier>> {
    let lines = crate::report::is_jsonl(&path, jsonl);
    let read = py.detach(|| -> Result<Vec<Dossier>, Error> {
        let file = std::io::BufReader::with_capacity(1 << 16, std::fs::File::open(&path)?);
        if lines {
            defense_agreements::jsonl::Reader::new(file).collect()
        } else {
            Dossier::from_reader(file).map(|d| vec![d])
        }
    });
    match read {
        Ok(dossiers) => Ok(dossiers.into_iter().map(PyDossier).collect()),
        Err(Error::Io(e)) => Err(io_error(&path, e)),
        Err(e) => Err(parse_error(py, &e, None)),
    }
}

/// The JSON Schema (draft 2020-12) of a dossier, as text.
#[pyfunction]
pub(crate) fn schema() -> String {
    defense_agreements::schema::to_file_text(&defense_agreements::schema::dossier_schema())
}

/// A dossier from a `Dossier` (copied) or from what `parse` accepts; `ParseError` otherwise.
pub(crate) fn dossier_of(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<defense_agreements::Dossier> {
    if let Ok(dossier) = data.cast::<PyDossier>() {
        return Ok(dossier.get().0.clone());
    }
    parse_any(py, data)?.map_err(|e| parse_error(py, &e, None))
}

/// The dossiers of an iterable (each a `Dossier` or what `parse` accepts). A single document
/// (`str`, `bytes`, a dict or a `Dossier`) is a `TypeError`: iterating it would read its
/// characters or keys as dossiers.
pub(crate) fn dossiers_of(py: Python<'_>, dossiers: &Bound<'_, PyAny>) -> PyResult<Vec<defense_agreements::Dossier>> {
    if dossiers.is_instance_of::<PyString>()
        || dossiers.is_instance_of::<PyBytes>()
        || dossiers.is_instance_of::<PyDict>()
        || dossiers.is_instance_of::<PyDossier>()
    {
        return Err(PyTypeError::new_err(
            "expected an iterable of dossiers (a list of Dossier, str, bytes or dict), not one",
        ));
    }
    dossiers.try_iter()?.map(|d| dossier_of(py, &d?)).collect()
}

/// Full validation of one document: parses `data` (JSON `str`/`bytes`, a dict, or a `Dossier`)
/// and checks every rule. A document that cannot be parsed gives one error issue (its code says
/// why); nothing is raised for bad documents.
#[pyfunction]
pub(crate) fn validate(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Report> {
    if let Ok(dossier) = data.cast::<PyDossier>() {
        return Ok(Report::of(&dossier.get().0));
    }
    Ok(match parse_any(py, data)? {
        Ok(d) => {
            if d.agreements.len() > 64 {
                py.detach(|| Report::of(&d))
            } else {
                Report::of(&d)
            }
        }
        Err(e) => Report { issues: vec![Issue::of_error(&e, None)], dossiers: 0 },
    })
}
