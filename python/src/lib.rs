//! Python bindings of `defense-agreements`: parse, validate and query dossiers from Python with
//! the crate's own rules, so that Python users get every cross-record check the JSON Schema
//! cannot express.
//!
//! The Python package `defense_agreements` re-exports this module (`_native`); its type stubs
//! are `defense_agreements/_native.pyi`, and docs/python.md shows it in use.

use std::fs::File;
use std::io::BufReader;

use chrono::{Datelike, NaiveDate};
use defense_agreements::identity::{Resolver, ResolverError};
use defense_agreements::jsonl::Reader;
use defense_agreements::merge::MergeReport;
use defense_agreements::tables::{
    AgreementRow, Cell, DirectedDyadIntervalRow, DirectedDyadYearRow, DyadYearRow, MemberRow, Options, Row,
    SignatureRow, StateYearRow, Tables, TroopPresenceRow,
};
use defense_agreements::values::CountryCode;
use defense_agreements::{Agreement, DisputePolicy, Dossier, Error, Resolved, Severity};
use pyo3::exceptions::{PyKeyError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};

/// Parsing a dossier allocates every string and list it holds: mimalloc serves these small,
/// short-lived allocations faster than the C library's allocator (docs/performance.md#python).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pyo3::create_exception!(
    defense_agreements,
    DossierError,
    PyValueError,
    "Base class of this package's errors: the document or its contents are wrong."
);
pyo3::create_exception!(
    defense_agreements,
    ParseError,
    DossierError,
    "The document does not have the model's shape. Attributes: `path` (JSON Pointer, \"\" for the \
     document, None when unknown), `code` (`unknown_field`, `syntax_error` …), `message`, `line` \
     (the JSON Lines line, or None)."
);
pyo3::create_exception!(
    defense_agreements,
    ValidationError,
    DossierError,
    "The document breaks at least one rule. Attributes: `path` and `code` of the first error, \
     `issues` (every issue, warnings included)."
);

/// Inputs below this size are parsed without releasing the GIL: releasing it costs more than
/// the parse.
const DETACH_ABOVE: usize = 64 * 1024;

/// The `ParseError` for a crate error (I/O errors become `OSError`).
fn parse_error(py: Python<'_>, error: &Error, line: Option<u64>) -> PyErr {
    match error {
        Error::Line { line, source } => parse_error(py, source, Some(*line)),
        Error::Io(e) => std::io::Error::new(e.kind(), e.to_string()).into(),
        _ => {
            let err = ParseError::new_err(match line {
                Some(l) => format!("line {l}: {error}"),
                None => error.to_string(),
            });
            let value = err.value(py);
            let set = || -> PyResult<()> {
                value.setattr("path", error.path())?;
                value.setattr("code", error.code())?;
                value.setattr("message", error.message())?;
                value.setattr("line", line)
            };
            if let Err(e) = set() {
                return e;
            }
            err
        }
    }
}

/// A Python string literal, for `__repr__`.
fn q(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// A Python boolean literal, for `__repr__`.
fn b(value: bool) -> &'static str {
    if value { "True" } else { "False" }
}

/// The JSON name of a serializable value (`in_force`, `conditional`).
fn json_name(value: impl serde::Serialize + std::fmt::Debug) -> String {
    match serde_json::to_value(&value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => format!("{value:?}"),
    }
}

/// A day from a `datetime.date` (or `datetime`) or an ISO `YYYY-MM-DD` string.
fn day(value: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    if let Ok(text) = value.cast::<PyString>() {
        let text = text.to_str()?;
        return text.parse().map_err(|e| PyValueError::new_err(format!("'{text}' is not a YYYY-MM-DD date: {e}")));
    }
    let part = |name: &str| -> PyResult<i64> { value.getattr(name)?.extract() };
    let (year, month, day) = match (part("year"), part("month"), part("day")) {
        (Ok(y), Ok(m), Ok(d)) => (y, m, d),
        _ => return Err(PyTypeError::new_err("expected a datetime.date or a 'YYYY-MM-DD' string")),
    };
    i32::try_from(year)
        .ok()
        .zip(u32::try_from(month).ok())
        .zip(u32::try_from(day).ok())
        .and_then(|((y, m), d)| NaiveDate::from_ymd_opt(y, m, d))
        .ok_or_else(|| PyValueError::new_err("not a valid date"))
}

/// One problem found in a document.
#[pyclass(module = "defense_agreements", frozen, get_all, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
struct Issue {
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
    fn of_issue(issue: &defense_agreements::Issue, line: Option<u64>) -> Self {
        Self {
            path: issue.path.clone(),
            code: issue.code.as_str().to_owned(),
            severity: issue.severity.to_string(),
            message: issue.message.clone(),
            line,
        }
    }

    fn of_error(error: &Error, line: Option<u64>) -> Self {
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
struct Report {
    issues: Vec<Issue>,
    dossiers: u64,
}

#[pymethods]
impl Report {
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
    fn of(dossier: &defense_agreements::Dossier) -> Self {
        let issues = dossier.validate().issues().iter().map(|i| Issue::of_issue(i, None)).collect();
        Self { issues, dossiers: 1 }
    }
}

/// How an agreement codes in ATOP, COW and DCAD (docs/codings.md).
#[pyclass(module = "defense_agreements", frozen, get_all, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
struct Codings {
    /// The dossier's id.
    dossier: String,
    /// The agreement's id.
    agreement: String,
    /// ATOP defense pledge: `"absent"`, `"conditional"` or `"unconditional"`.
    defense: String,
    /// ATOP offense pledge.
    offense: String,
    /// ATOP neutrality pledge.
    neutrality: String,
    /// ATOP non-aggression pledge.
    nonaggression: String,
    /// ATOP consultation pledge.
    consultation: String,
    /// The Correlates of War type: `"I"`, `"II"`, `"III"`, or None.
    cow_type: Option<String>,
    /// Whether ATOP counts it as an alliance.
    alliance: bool,
    /// Whether it is a defense cooperation agreement in DCAD's sense.
    defense_cooperation: bool,
}

#[pymethods]
impl Codings {
    fn __repr__(&self) -> String {
        format!(
            "Codings(agreement={}, defense={}, offense={}, neutrality={}, nonaggression={}, consultation={}, \
             cow_type={}, alliance={}, defense_cooperation={})",
            q(&self.agreement),
            q(&self.defense),
            q(&self.offense),
            q(&self.neutrality),
            q(&self.nonaggression),
            q(&self.consultation),
            self.cow_type.as_deref().map_or_else(|| "None".to_owned(), q),
            b(self.alliance),
            b(self.defense_cooperation)
        )
    }
}

/// One span of days during which a party is bound (`Dossier.binding_intervals`).
#[pyclass(module = "defense_agreements", frozen, get_all, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
struct BindingInterval {
    /// The first day the party is surely bound (`from` is a keyword in Python).
    from_: NaiveDate,
    /// That day's date as the document writes it (`1952` stays `1952`).
    start: String,
    /// The index in the agreement's `actions` of the act that opens the span.
    opened_by: usize,
    /// The first day the party is surely no longer bound; None while it still is.
    until: Option<NaiveDate>,
    /// That day's date as written or computed, or None.
    end: Option<String>,
    /// The index of the act that closes the span, or None.
    closed_by: Option<usize>,
}

impl BindingInterval {
    fn of(i: &defense_agreements::agreement::BindingInterval) -> Self {
        Self {
            from_: i.from,
            start: i.start.to_string(),
            opened_by: i.opened_by,
            until: i.until,
            end: i.end.as_ref().map(ToString::to_string),
            closed_by: i.closed_by,
        }
    }
}

#[pymethods]
impl BindingInterval {
    /// Whether `day` falls in the span.
    fn contains(&self, day_: &Bound<'_, PyAny>) -> PyResult<bool> {
        let d = day(day_)?;
        Ok(self.from_ <= d && self.until.is_none_or(|u| d < u))
    }

    fn __repr__(&self) -> String {
        let until = self.until.map_or_else(|| "None".to_owned(), |u| q(&u.to_string()));
        format!("BindingInterval(from_={}, until={until})", q(&self.from_.to_string()))
    }
}

/// One step of an agreement's timeline (`Dossier.timeline`).
#[pyclass(module = "defense_agreements", frozen, get_all, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
struct TimelineEntry {
    /// The day the step surely took effect.
    day: NaiveDate,
    /// Its date as written (or computed).
    date: String,
    /// The index of the act in the agreement's `actions`, when it is one.
    action: Option<usize>,
    /// The act's type (`signature`, `entry_into_force` …), or `term_ended`.
    event: String,
    /// The agreement's status once every step of that day has taken effect.
    status: String,
}

impl TimelineEntry {
    fn of(e: &defense_agreements::agreement::TimelineEntry) -> Self {
        let event = match e.event {
            defense_agreements::agreement::TimelineEvent::Act { action } => json_name(action),
            // Other events are tagged by their `type` (`term_ended`).
            other => match serde_json::to_value(other) {
                Ok(serde_json::Value::Object(map)) => map.get("type").and_then(|t| t.as_str()).unwrap_or("").to_owned(),
                _ => format!("{other:?}"),
            },
        };
        Self { day: e.day, date: e.date.to_string(), action: e.action, event, status: json_name(e.status) }
    }
}

#[pymethods]
impl TimelineEntry {
    fn __repr__(&self) -> String {
        format!("TimelineEntry(day={}, event={}, status={})", q(&self.day.to_string()), q(&self.event), q(&self.status))
    }
}

/// An actor id, or ValueError.
fn actor_id(text: &str) -> PyResult<defense_agreements::ids::ActorId> {
    defense_agreements::ids::ActorId::new(text).map_err(|e| PyValueError::new_err(format!("'{text}': {e}")))
}

/// A parsed dossier: immutable; query it, validate it, or turn it back into JSON.
#[pyclass(module = "defense_agreements", name = "Dossier", frozen, eq)]
#[derive(Debug, PartialEq)]
struct PyDossier(defense_agreements::Dossier);

impl PyDossier {
    /// The dossier with its disputes resolved under the policy named `disputes` (default:
    /// `undisputed`, only undisputed facts; docs/merge.md).
    fn resolved(&self, disputes: Option<&str>) -> PyResult<Resolved<'_>> {
        Ok(self.0.resolve(policy(disputes)?))
    }
}

/// The dispute policy named `name` (`undisputed`, `any_alternative`, `best_supported`), or the
/// default; ValueError for another name.
fn policy(name: Option<&str>) -> PyResult<DisputePolicy> {
    name.map_or(Ok(DisputePolicy::default()), |n| n.parse().map_err(|e| PyValueError::new_err(format!("{e}"))))
}

fn agreement<'d>(d: &'d Dossier, id: &str) -> PyResult<&'d Agreement> {
    d.agreement(id).ok_or_else(|| PyKeyError::new_err(format!("no agreement '{id}'")))
}

#[pymethods]
impl PyDossier {
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
        Ok(json_name(status))
    }

    /// Whether `actor` is bound by `agreement` on `on`: listed as a party, the agreement in
    /// force, its consent in effect, not withdrawn or suspended (docs/lifecycle.md). KeyError
    /// for an unknown agreement.
    #[pyo3(signature = (agreement, actor, on, *, disputes = None))]
    fn is_bound(&self, agreement: &str, actor: &str, on: &Bound<'_, PyAny>, disputes: Option<&str>) -> PyResult<bool> {
        let r = self.resolved(disputes)?;
        let a = self::agreement(&r, agreement)?;
        Ok(a.is_bound(&actor_id(actor)?, day(on)?))
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
        Ok(a.is_bound_toward(&actor_id(actor)?, &actor_id(other)?, day(on)?))
    }

    /// Where `actor` stands in `agreement` on `on`: `not_a_party`, `not_bound`,
    /// `provisionally_applying`, `bound`, `suspended`, `withdrawn` or `ended`.
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
        Ok(json_name(a.party_status_on(&actor_id(actor)?, day(on)?)))
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
        Ok(a.binding_intervals(&actor_id(actor)?).iter().map(BindingInterval::of).collect())
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
        let country: CountryCode = country.parse().map_err(|e| PyValueError::new_err(format!("{e}")))?;
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
        Ok(r.agreements
            .iter()
            .map(|a| {
                let atop = a.atop_obligations();
                Codings {
                    dossier: self.0.id.to_string(),
                    agreement: a.id.to_string(),
                    defense: json_name(atop.defense),
                    offense: json_name(atop.offense),
                    neutrality: json_name(atop.neutrality),
                    nonaggression: json_name(atop.nonaggression),
                    consultation: json_name(atop.consultation),
                    cow_type: a.cow_type().map(|t| t.as_str().to_owned()),
                    alliance: a.is_alliance(),
                    defense_cooperation: a.is_defense_cooperation(),
                }
            })
            .collect())
    }

    /// The research tables of this dossier (docs/tables.md), by table name: `agreements`,
    /// `members`, `state_years`, `dyad_years`, `directed_dyad_years`, `directed_dyad_intervals`,
    /// `signatures`, `troop_presences`. Each row is a dict keyed by the column names of the
    /// command line's files (a tuple in column order with `as_tuples=True`); a null is None, a
    /// date a `datetime.date` (`str()` gives the CSV's `YYYY-MM-DD`). `through` is the last year
    /// of the year tables for bindings still in force (default: the current year); `only`
    /// (table names) limits the tables returned. The rows are produced whatever the validation
    /// says; `dossier tables` skips a dossier with errors. `disputes` is the dispute policy; each
    /// table's `disputed` column says which rows rest on a disputed fact.
    #[pyo3(signature = (*, through = None, as_tuples = false, only = None, disputes = None))]
    fn tables<'py>(
        &self,
        py: Python<'py>,
        through: Option<i32>,
        as_tuples: bool,
        only: Option<Vec<String>>,
        disputes: Option<&str>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let options = Options::through(through.unwrap_or_else(this_year)).with_policy(policy(disputes)?);
        tables_dict(py, &Tables::from_dossier(&self.0, &options), as_tuples, only.as_deref())
    }

    fn __repr__(&self) -> String {
        format!("Dossier(id={}, agreements={})", q(self.0.id.as_str()), self.0.agreements.len())
    }
}

/// Parses `data`: JSON text (`str` or `bytes`), or Python data as `json.loads` returns it.
fn parse_any(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Result<defense_agreements::Dossier, Error>> {
    if let Ok(text) = data.cast::<PyString>() {
        let text = text.to_str()?;
        return Ok(if text.len() > DETACH_ABOVE {
            py.detach(|| defense_agreements::Dossier::from_json(text))
        } else {
            defense_agreements::Dossier::from_json(text)
        });
    }
    if let Ok(bytes) = data.cast::<PyBytes>() {
        let bytes = bytes.as_bytes();
        return Ok(if bytes.len() > DETACH_ABOVE {
            py.detach(|| defense_agreements::Dossier::from_slice(bytes))
        } else {
            defense_agreements::Dossier::from_slice(bytes)
        });
    }
    if data.is_instance_of::<PyDict>() {
        let text: String = py.import("json")?.call_method1("dumps", (data,))?.extract()?;
        return Ok(defense_agreements::Dossier::from_json(&text));
    }
    Err(PyTypeError::new_err("expected JSON as str or bytes, or a dict"))
}

/// Parses a dossier from JSON (`str` or `bytes`) or from a dict. Raises `ParseError` (with
/// `path` and `code`) when the shape is wrong; call `validate()` on the result for the rules.
#[pyfunction]
fn parse(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<PyDossier> {
    parse_any(py, data)?.map(PyDossier).map_err(|e| parse_error(py, &e, None))
}

/// Reads every dossier of a file: one per line for `.jsonl`, the whole file otherwise. The
/// first error raises (`ParseError` with its `line`, or `OSError`).
#[pyfunction]
fn read_file(py: Python<'_>, path: std::path::PathBuf) -> PyResult<Vec<PyDossier>> {
    let read = py.detach(|| defense_agreements::jsonl::read_file(&path));
    match read {
        Ok(dossiers) => Ok(dossiers.into_iter().map(PyDossier).collect()),
        Err(Error::Io(e)) => Err(io_error(&path, e)),
        Err(e) => Err(parse_error(py, &e, None)),
    }
}

/// Full validation of one document: parses `data` (JSON `str`/`bytes`, a dict, or a `Dossier`)
/// and checks every rule. A document that cannot be parsed gives one error issue (its code says
/// why); nothing is raised for bad documents.
#[pyfunction]
fn validate(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Report> {
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

/// Full validation of a file, streamed in constant memory without holding the GIL: a `.jsonl`
/// file (or any file with `jsonl=True`) one dossier per line, each issue with its `line`;
/// otherwise one document. Raises `OSError` when the file cannot be opened.
#[pyfunction]
#[pyo3(signature = (path, *, jsonl = None))]
fn validate_file(py: Python<'_>, path: std::path::PathBuf, jsonl: Option<bool>) -> PyResult<Report> {
    let lines = jsonl.unwrap_or_else(|| path.extension().is_some_and(|e| e == "jsonl" || e == "ndjson"));
    py.detach(|| {
        let file = BufReader::with_capacity(1 << 16, File::open(&path)?);
        let mut report = Report { issues: Vec::new(), dossiers: 0 };
        if !lines {
            match defense_agreements::Dossier::from_reader(file) {
                Ok(d) => report = Report::of(&d),
                Err(Error::Io(e)) => return Err(e),
                Err(e) => report.issues.push(Issue::of_error(&e, None)),
            }
            return Ok(report);
        }
        stream_lines(file, &mut report, |_| {})?;
        Ok(report)
    })
    .map_err(|e| io_error(&path, e))
}

/// Validates every line of a JSON Lines input into `report` (each issue with its line) and hands
/// each dossier without errors to `valid`. Only a read error stops it.
fn stream_lines(
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

/// The `OSError` subclass for `e` (`FileNotFoundError` …), naming the file.
fn io_error(path: &std::path::Path, e: std::io::Error) -> PyErr {
    std::io::Error::new(e.kind(), format!("{}: {e}", path.display())).into()
}

/// The JSON Schema (draft 2020-12) of a dossier, as text.
#[pyfunction]
fn schema() -> String {
    defense_agreements::schema::to_file_text(&defense_agreements::schema::dossier_schema())
}

/// Python data (dicts, lists, strings, numbers) for a serializable value, through `json.loads`.
fn to_python<'py>(py: Python<'py>, value: &impl serde::Serialize) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value).map_err(|e| PyValueError::new_err(e.to_string()))?;
    py.import("json")?.call_method1("loads", (text,))
}

/// A dossier from a `Dossier` (copied) or from what `parse` accepts; `ParseError` otherwise.
fn dossier_of(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<defense_agreements::Dossier> {
    if let Ok(dossier) = data.cast::<PyDossier>() {
        return Ok(dossier.get().0.clone());
    }
    parse_any(py, data)?.map_err(|e| parse_error(py, &e, None))
}

/// A resolver from JSON text (`str` or `bytes`) or a dict; an empty one for None. A bad resolver
/// document raises `ParseError` with code `invalid_resolver`.
fn resolver_of(py: Python<'_>, data: Option<&Bound<'_, PyAny>>) -> PyResult<Resolver> {
    let Some(data) = data.filter(|d| !d.is_none()) else {
        return Ok(Resolver::new());
    };
    let text: String = if let Ok(text) = data.cast::<PyString>() {
        text.to_str()?.to_owned()
    } else if let Ok(bytes) = data.cast::<PyBytes>() {
        String::from_utf8(bytes.as_bytes().to_vec()).map_err(|e| PyValueError::new_err(format!("resolver: {e}")))?
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
        let err = ParseError::new_err(e.to_string());
        let value = err.value(py);
        let set = || -> PyResult<()> {
            value.setattr("path", path)?;
            value.setattr("code", "invalid_resolver")?;
            value.setattr("message", e.to_string())?;
            value.setattr("line", None::<u64>)
        };
        match set() {
            Ok(()) => err,
            Err(set_failed) => set_failed,
        }
    })
}

/// A merged dossier and what the merge did (`merge`).
#[pyclass(module = "defense_agreements", frozen)]
#[derive(Debug)]
struct MergeResult {
    dossier: defense_agreements::Dossier,
    report: MergeReport,
}

#[pymethods]
impl MergeResult {
    /// The merged dossier: the first input's id; records keep their ids unless they collide.
    #[getter]
    fn dossier(&self) -> PyDossier {
        PyDossier(self.dossier.clone())
    }

    /// Everything the merge did, as a dict with the lists `merged`, `renamed`, `conflicts`,
    /// `names` and `disputes`.
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
fn merge(
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
struct PyDiff(defense_agreements::diff::Diff);

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
fn diff(py: Python<'_>, old: &Bound<'_, PyAny>, new: &Bound<'_, PyAny>) -> PyResult<PyDiff> {
    let (old, new) = (dossier_of(py, old)?, dossier_of(py, new)?);
    Ok(PyDiff(py.detach(|| defense_agreements::diff::diff(&old, &new))))
}

/// The current year (UTC) from the system clock: the command line's default `--through`.
fn this_year() -> i32 {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    epoch.checked_add_days(chrono::Days::new(secs / 86_400)).unwrap_or(epoch).year()
}

/// One cell as Python data: None, int, bool, str or `datetime.date`.
fn cell<'py>(py: Python<'py>, cell: &Cell<'_>) -> PyResult<Bound<'py, PyAny>> {
    Ok(match cell {
        Cell::Null => py.None().into_bound(py),
        Cell::Int(n) => n.into_pyobject(py)?.into_any(),
        Cell::Bool(b) => pyo3::types::PyBool::new(py, *b).to_owned().into_any(),
        Cell::Text(s) => PyString::new(py, s).into_any(),
        Cell::Date(d) => d.into_pyobject(py)?.into_any(),
        other => return Err(PyTypeError::new_err(format!("a table cell of an unknown type: {other:?}"))),
    })
}

/// The rows of one table: dicts keyed by column name, or tuples in column order.
fn rows<'py, R: Row>(py: Python<'py>, rows: &[R], as_tuples: bool) -> PyResult<Bound<'py, PyList>> {
    let names = R::COLUMNS.iter().map(|c| PyString::intern(py, c.name)).collect::<Vec<_>>();
    let list = PyList::empty(py);
    let mut values = Vec::with_capacity(names.len());
    for row in rows {
        values.clear();
        for c in row.cells() {
            values.push(cell(py, &c)?);
        }
        if as_tuples {
            list.append(PyTuple::new(py, &values)?)?;
        } else {
            let dict = PyDict::new(py);
            for (name, value) in names.iter().zip(&values) {
                dict.set_item(name, value)?;
            }
            list.append(dict)?;
        }
    }
    Ok(list)
}

/// Every table (or those named in `only`), by name in `Tables::NAMES` order.
/// `ValueError` for a name in `only` that is no table.
fn check_table_names(only: Option<&[String]>) -> PyResult<()> {
    match only.into_iter().flatten().find(|n| Tables::columns(n).is_none()) {
        Some(unknown) => {
            let known = Tables::NAMES.join(", ");
            Err(PyValueError::new_err(format!("no table '{unknown}': the tables are {known}")))
        }
        None => Ok(()),
    }
}

fn tables_dict<'py>(
    py: Python<'py>,
    t: &Tables,
    as_tuples: bool,
    only: Option<&[String]>,
) -> PyResult<Bound<'py, PyDict>> {
    check_table_names(only)?;
    let dict = PyDict::new(py);
    let wanted = |name: &str| only.is_none_or(|o| o.iter().any(|n| n == name));
    macro_rules! table {
        ($row:ty, $field:ident) => {
            if wanted(<$row>::TABLE) {
                dict.set_item(<$row>::TABLE, rows(py, &t.$field, as_tuples)?)?;
            }
        };
    }
    table!(AgreementRow, agreements);
    table!(MemberRow, members);
    table!(StateYearRow, state_years);
    table!(DyadYearRow, dyad_years);
    table!(DirectedDyadYearRow, directed_dyad_years);
    table!(DirectedDyadIntervalRow, directed_dyad_intervals);
    table!(SignatureRow, signatures);
    table!(TroopPresenceRow, troop_presences);
    Ok(dict)
}

/// The columns of every research table, by table name: `(name, type, nullable)` with type
/// `"int"`, `"bool"`, `"text"` or `"date"` (docs/tables.md is the column dictionary).
#[pyfunction]
fn table_columns<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for name in Tables::NAMES {
        let columns = Tables::columns(name).unwrap_or_default();
        let columns = columns.iter().map(|c| (c.name, c.kind.as_str(), c.nullable)).collect::<Vec<_>>();
        dict.set_item(name, columns)?;
    }
    Ok(dict)
}

/// The research tables of a JSON Lines corpus (`str` or `bytes` holding the lines, or an
/// `os.PathLike` naming a file), parsed, validated and tabulated without holding the GIL.
/// Returns the tables (as `Dossier.tables`) of the dossiers without errors, as the command
/// line's `dossier tables` does, and the validation report of every line (issues with their
/// `line`, as `validate_file`); `only` (table names) limits the tables returned. Raises
/// `OSError` when the file cannot be read, `ValueError` for an unknown table name.
#[pyfunction]
#[pyo3(signature = (source, *, through = None, as_tuples = false, only = None, disputes = None))]
fn corpus_tables<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    through: Option<i32>,
    as_tuples: bool,
    only: Option<Vec<String>>,
    disputes: Option<&str>,
) -> PyResult<(Bound<'py, PyDict>, Report)> {
    // Before reading a corpus that may be large.
    check_table_names(only.as_deref())?;
    let options = Options::through(through.unwrap_or_else(this_year)).with_policy(policy(disputes)?);
    let mut report = Report { issues: Vec::new(), dossiers: 0 };
    let mut tables = Tables::default();
    let mut add = |d: &defense_agreements::Dossier| tables.add(d, &options);
    if let Ok(text) = source.cast::<PyString>() {
        let text = text.to_str()?;
        // A file name passed as `str` would read as one line that is not JSON: say so.
        let one_line = !text.trim_end().contains('\n');
        if one_line && !text.trim_start().starts_with('{') && std::path::Path::new(text.trim()).is_file() {
            return Err(PyTypeError::new_err(format!(
                "'{text}' is a file name, and a str is read as JSON Lines text: pass pathlib.Path('{text}')"
            )));
        }
        py.detach(|| stream_lines(text.as_bytes(), &mut report, &mut add))?;
    } else if let Ok(bytes) = source.cast::<PyBytes>() {
        let bytes = bytes.as_bytes();
        py.detach(|| stream_lines(bytes, &mut report, &mut add))?;
    } else if let Ok(path) = source.extract::<std::path::PathBuf>() {
        py.detach(|| {
            let file = BufReader::with_capacity(1 << 16, File::open(&path)?);
            stream_lines(file, &mut report, &mut add)
        })
        .map_err(|e| io_error(&path, e))?;
    } else {
        return Err(PyTypeError::new_err("expected JSON Lines as str or bytes, or an os.PathLike to a file"));
    }
    Ok((tables_dict(py, &tables, as_tuples, only.as_deref())?, report))
}

/// The native module behind `defense_agreements`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA_VERSION", defense_agreements::SchemaVersion::CURRENT.to_string())?;
    m.add("DossierError", py.get_type::<DossierError>())?;
    m.add("ParseError", py.get_type::<ParseError>())?;
    m.add("ValidationError", py.get_type::<ValidationError>())?;
    m.add_class::<PyDossier>()?;
    m.add_class::<Issue>()?;
    m.add_class::<Report>()?;
    m.add_class::<Codings>()?;
    m.add_class::<BindingInterval>()?;
    m.add_class::<TimelineEntry>()?;
    m.add_class::<MergeResult>()?;
    m.add_class::<PyDiff>()?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(read_file, m)?)?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(validate_file, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(merge, m)?)?;
    m.add_function(wrap_pyfunction!(diff, m)?)?;
    m.add_function(wrap_pyfunction!(table_columns, m)?)?;
    m.add_function(wrap_pyfunction!(corpus_tables, m)?)?;
    Ok(())
}
