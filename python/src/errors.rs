//! The one mapping of the crate's errors to Python exceptions: `DossierError` and its
//! subclasses `ParseError` and `ValidationError`, `OSError` for I/O, `ValueError` for a bad
//! argument.

use defense_agreements::Error;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

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

/// The `ParseError` for a crate error (I/O errors become `OSError`).
pub(crate) fn parse_error(py: Python<'_>, error: &Error, line: Option<u64>) -> PyErr {
    match error {
        Error::Line { line, source } => parse_error(py, source, Some(*line)),
        Error::Io(e) => std::io::Error::new(e.kind(), e.to_string()).into(),
        _ => {
            let text = match line {
                Some(l) => format!("line {l}: {error}"),
                None => error.to_string(),
            };
            parse_error_with(py, text, error.path(), error.code(), error.message(), line)
        }
    }
}

/// The `ParseError` with its attributes; the one place a `ParseError` is made.
pub(crate) fn parse_error_with(
    py: Python<'_>,
    text: String,
    path: Option<&str>,
    code: &str,
    message: String,
    line: Option<u64>,
) -> PyErr {
    let err = ParseError::new_err(text);
    let value = err.value(py);
    let set = || -> PyResult<()> {
        value.setattr("path", path)?;
        value.setattr("code", code)?;
        value.setattr("message", message)?;
        value.setattr("line", line)
    };
    match set() {
        Ok(()) => err,
        Err(set_failed) => set_failed,
    }
}

/// The `OSError` subclass for `e` (`FileNotFoundError` …), naming the file.
pub(crate) fn io_error(path: &std::path::Path, e: std::io::Error) -> PyErr {
    std::io::Error::new(e.kind(), format!("{}: {e}", path.display())).into()
}

/// The `ValueError` for a bad argument.
pub(crate) fn value_error(message: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(message.to_string())
}
