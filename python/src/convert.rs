//! Values between Python and the crate: days, ids and documents in, Python data out.

use chrono::NaiveDate;
use defense_agreements::Error;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};

use crate::dossier::PyDossier;
use crate::errors::{parse_error, value_error};

/// Inputs below this size are parsed without releasing the GIL: releasing it costs more than
/// the parse.
pub(crate) const DETACH_ABOVE: usize = 64 * 1024;

/// A Python string literal, for `__repr__`.
pub(crate) fn q(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// A Python boolean literal, for `__repr__`.
pub(crate) fn b(value: bool) -> &'static str {
    if value { "True" } else { "False" }
}

/// A day from a `datetime.date` (or `datetime`) or an ISO `YYYY-MM-DD` string.
pub(crate) fn day(value: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
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

/// An actor id, or ValueError.
pub(crate) fn actor_id(text: &str) -> PyResult<defense_agreements::ids::ActorId> {
    defense_agreements::ids::ActorId::new(text).map_err(|e| value_error(format!("'{text}': {e}")))
}

/// Parses `data`: JSON text (`str` or `bytes`), or Python data as `json.loads` returns it.
pub(crate) fn parse_any(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
) -> PyResult<Result<defense_agreements::Dossier, Error>> {
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

/// Python data (dicts, lists, strings, numbers) for a serializable value, through `json.loads`.
pub(crate) fn to_python<'py>(py: Python<'py>, value: &impl serde::Serialize) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value).map_err(value_error)?;
    py.import("json")?.call_method1("loads", (text,))
}

/// A dossier from a `Dossier` (copied) or from what `parse` accepts; `ParseError` otherwise.
pub(crate) fn dossier_of(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<defense_agreements::Dossier> {
    if let Ok(dossier) = data.cast::<PyDossier>() {
        return Ok(dossier.get().0.clone());
    }
    parse_any(py, data)?.map_err(|e| parse_error(py, &e, None))
}
