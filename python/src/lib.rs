//! Python bindings of `defense-agreements`: parse, validate and query dossiers from Python with
//! the crate's own rules, so that Python users get every cross-record check the JSON Schema
//! cannot express.
//!
//! The Python package `defense_agreements` re-exports this module (`_native`); its type stubs
//! are `defense_agreements/_native.pyi`, and docs/python.md shows it in use.

mod convert;
mod dossier;
mod errors;
mod merge;
mod pictures;
mod prompt;
mod report;
mod tables;
mod views;

use pyo3::prelude::*;

use crate::dossier::{PyDossier, parse, read_file, schema, validate};
use crate::errors::{DossierError, ParseError, ValidationError};
use crate::merge::{MergeResult, PyDiff, diff};
use crate::report::{Issue, Report, validate_file};
use crate::tables::{corpus_tables, table_columns};
use crate::views::{BindingInterval, Codings, TimelineEntry};

/// Parsing a dossier allocates every string and list it holds: mimalloc serves these small,
/// short-lived allocations faster than the C library's allocator (docs/performance.md#python).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    m.add_function(wrap_pyfunction!(merge::merge, m)?)?;
    m.add_function(wrap_pyfunction!(diff, m)?)?;
    m.add_function(wrap_pyfunction!(table_columns, m)?)?;
    m.add_function(wrap_pyfunction!(corpus_tables, m)?)?;
    m.add("AnswerError", py.get_type::<prompt::AnswerError>())?;
    m.add_function(wrap_pyfunction!(prompt::request, m)?)?;
    m.add_function(wrap_pyfunction!(prompt::endpoint, m)?)?;
    m.add_function(wrap_pyfunction!(prompt::answer_from, m)?)?;
    Ok(())
}
