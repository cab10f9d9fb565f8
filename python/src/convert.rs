//! Values between Python and the crate: days, ids and documents in, Python data out.

use chrono::NaiveDate;
use defense_agreements::DisputePolicy;
use defense_agreements::Error;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};

use crate::errors::{parse_error_with, value_error};

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
        let text = match utf8_of(text)? {
            Utf8::Text(text) => text,
            Utf8::Surrogate { bytes, note } => {
                return Ok(defense_agreements::Dossier::from_slice(&bytes).map_err(|e| with_note(e, &note)));
            }
        };
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

/// Python data (dicts, lists, strings, numbers, None) for a JSON value, as `json.loads` gives.
pub(crate) fn value_to_python<'py>(py: Python<'py>, value: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    use serde_json::Value;
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => pyo3::types::PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.into_pyobject(py)?.into_any(),
            (None, Some(u), _) => u.into_pyobject(py)?.into_any(),
            (None, None, Some(f)) => f.into_pyobject(py)?.into_any(),
            // Arbitrary precision is off: every number is one of the above.
            _ => PyString::new(py, &n.to_string()).into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = pyo3::types::PyList::empty(py);
            for item in items {
                list.append(value_to_python(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, value_to_python(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// Python data (dicts, lists, strings, numbers) for a serializable value, through `json.loads`.
pub(crate) fn to_python<'py>(py: Python<'py>, value: &impl serde::Serialize) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value).map_err(value_error)?;
    py.import("json")?.call_method1("loads", (text,))
}

/// The dispute policy named `name` (`undisputed`, `any_alternative`, `best_supported`), or the
/// default; ValueError for another name.
pub(crate) fn policy(name: Option<&str>) -> PyResult<DisputePolicy> {
    name.map_or(Ok(DisputePolicy::default()), |n| n.parse().map_err(value_error))
}

/// A Python `str` as UTF-8: its text, or, when it holds a lone surrogate (a code point of
/// U+D800–U+DFFF, which is not Unicode text and has no UTF-8 form), its bytes encoded with
/// `surrogatepass` so that the parser can say where, and a note naming the first one.
pub(crate) enum Utf8<'a> {
    /// The text.
    Text(&'a str),
    /// The `surrogatepass` bytes and the note.
    Surrogate {
        /// The text with each surrogate as three bytes no UTF-8 decoder accepts.
        bytes: Vec<u8>,
        /// "a lone surrogate U+D800 at character 12".
        note: String,
    },
}

/// The text of `text`, or its lone surrogate (see [`Utf8`]).
pub(crate) fn utf8_of<'a>(text: &'a Bound<'_, PyString>) -> PyResult<Utf8<'a>> {
    if let Ok(utf8) = text.to_str() {
        return Ok(Utf8::Text(utf8));
    }
    let bytes: Vec<u8> = text.call_method1("encode", ("utf-8", "surrogatepass"))?.extract()?;
    // A surrogate encodes as ED A0..BF xx; characters before it are counted by their lead bytes.
    let at = bytes.windows(3).position(|w| w[0] == 0xED && w[1] >= 0xA0);
    let note = match at {
        Some(i) => {
            let code = (u32::from(bytes[i] & 0x0F) << 12)
                | (u32::from(bytes[i + 1] & 0x3F) << 6)
                | u32::from(bytes[i + 2] & 0x3F);
            let index = bytes[..i].iter().filter(|b| (**b & 0xC0) != 0x80).count();
            format!("a lone surrogate U+{code:04X} (not Unicode text) at character {index}")
        }
        None => "a lone surrogate (not Unicode text)".to_owned(),
    };
    Ok(Utf8::Surrogate { bytes, note })
}

/// The text of `text`; a lone surrogate raises `ParseError` with code `code` (what the text
/// was meant to be, `what`, in the message).
pub(crate) fn text_of(py: Python<'_>, text: &Bound<'_, PyString>, what: &str, code: &str) -> PyResult<String> {
    match utf8_of(text)? {
        Utf8::Text(text) => Ok(text.to_owned()),
        Utf8::Surrogate { note, .. } => {
            let message = format!("the {what} holds {note}");
            Err(parse_error_with(py, message.clone(), None, code, message, None))
        }
    }
}

/// The parse error `error` with `note` (where the lone surrogate is) put before its message.
pub(crate) fn with_note(error: Error, note: &str) -> Error {
    match error {
        Error::Parse { path, kind, message, line, column } => {
            Error::Parse { path, kind, message: format!("{note}: {message}"), line, column }
        }
        other => other,
    }
}
