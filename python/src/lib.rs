//! Python bindings of `defense-agreements`: parse, validate and query dossiers from Python with
//! the crate's own rules, so that Python users get every cross-record check the JSON Schema
//! cannot express.
//!
//! The Python package `defense_agreements` re-exports this module (`_native`); its type stubs
//! are `defense_agreements/_native.pyi`, and docs/python.md shows it in use.

mod arrow_table;
mod convert;
mod diff;
mod dossier;
mod errors;
mod extraction;
mod identity;
mod merge;
mod merge_report;
mod pictures;
mod prompt;
mod report;
mod tables;
mod views;
mod xref;

use pyo3::prelude::*;

use crate::diff::{Change, PyDiff, RecordChange};
use crate::dossier::{PyDossier, parse, read_file, schema, validate};
use crate::errors::{DossierError, ParseError, ValidationError};
use crate::identity::{Judgement, PyRecordKey, PyResolver};
use crate::merge::{MergeResult, merge_all};
use crate::merge_report::{
    Conflict, DisputeAdded, MergeReport, MergedRecord, NameAdded, NamedConflict, RenamedRecord, UncitedRecord,
};
use crate::report::{Issue, Report, validate_file};
use crate::tables::{corpus_tables, table_columns};
use crate::views::{BindingInterval, Codings, TimelineEntry};
use crate::xref::{Candidate, Evidence};

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
    m.add_class::<arrow_table::Table>()?;
    m.add_function(wrap_pyfunction!(arrow_table::table_from_tuples, m)?)?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(read_file, m)?)?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(validate_file, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(merge::merge, m)?)?;
    m.add_function(wrap_pyfunction!(diff::diff, m)?)?;
    m.add_function(wrap_pyfunction!(table_columns, m)?)?;
    m.add_function(wrap_pyfunction!(corpus_tables, m)?)?;
    // The extraction pipeline, re-exported by `defense_agreements.extraction`.
    m.add("MisquoteError", py.get_type::<extraction::MisquoteError>())?;
    m.add_class::<extraction::QuoteReport>()?;
    m.add_class::<extraction::Extracted>()?;
    m.add_function(wrap_pyfunction!(extraction::profile, m)?)?;
    m.add_function(wrap_pyfunction!(extraction::from_profile, m)?)?;
    m.add_function(wrap_pyfunction!(extraction::to_profile, m)?)?;
    m.add_function(wrap_pyfunction!(extraction::check_quotes, m)?)?;
    m.add_function(wrap_pyfunction!(extraction::extract, m)?)?;
    m.add("AnswerError", py.get_type::<prompt::AnswerError>())?;
    m.add_function(wrap_pyfunction!(prompt::request, m)?)?;
    m.add_function(wrap_pyfunction!(prompt::endpoint, m)?)?;
    m.add_function(wrap_pyfunction!(prompt::answer_from, m)?)?;
    m.add("XREF_THRESHOLD", defense_agreements::xref::DEFAULT_THRESHOLD)?;
    for class in [
        py.get_type::<PyRecordKey>(),
        py.get_type::<Judgement>(),
        py.get_type::<PyResolver>(),
        py.get_type::<Evidence>(),
        py.get_type::<Candidate>(),
        py.get_type::<MergeReport>(),
        py.get_type::<MergedRecord>(),
        py.get_type::<RenamedRecord>(),
        py.get_type::<Conflict>(),
        py.get_type::<DisputeAdded>(),
        py.get_type::<NameAdded>(),
        py.get_type::<NamedConflict>(),
        py.get_type::<UncitedRecord>(),
        py.get_type::<RecordChange>(),
        py.get_type::<Change>(),
    ] {
        m.add(class.name()?, class)?;
    }
    m.add_function(wrap_pyfunction!(xref::xref, m)?)?;
    m.add_function(wrap_pyfunction!(merge_all, m)?)?;
    Ok(())
}
