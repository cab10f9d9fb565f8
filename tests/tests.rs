//! The library's integration tests, one binary: each module below was its own binary, and each
//! linked the whole crate (27 links on every change). `tests/README.md` says what each covers.
//! Run one module while working: `cargo test --test integration validation::`.
//!
//! A new test file is a module here (`autotests = false` in Cargo.toml: a file not listed here
//! is not compiled), gated like its neighbours when it needs a feature.
#![allow(unused_crate_dependencies)] // The binary sees every dev-dependency; the lint is for the library.

// Helpers shared by several modules, declared once.
#[path = "../examples/support/corpus.rs"]
mod corpus;
#[cfg(feature = "merge")]
mod permutations;
#[cfg(feature = "schema")]
mod schema_support;
#[path = "../benches/support/shapes.rs"]
mod shapes;

mod adversarial;
mod adversarial_surface;
mod arbitrary_precision;
#[cfg(feature = "arrow")]
mod arrow_tables;
#[cfg(feature = "tables")]
mod codings;
mod construction;
mod contract_holes;
#[cfg(feature = "merge")]
mod diff_patch;
#[cfg(feature = "schema")]
mod differential;
#[cfg(feature = "tables")]
mod disputes;
mod examples_data;
#[cfg(all(feature = "merge", feature = "extraction"))]
mod extract;
#[cfg(all(feature = "schema", feature = "extraction"))]
mod extraction;
mod guide;
mod hostile;
mod lifecycle_histories;
#[cfg(feature = "tables")]
mod lifecycle_time;
mod lifecycle_views;
#[cfg(feature = "merge")]
mod merge_laws;
#[cfg(feature = "merge")]
mod merge_multi_source;
#[cfg(feature = "merge")]
mod merge_real;
mod messages;
mod parse_errors;
#[cfg(feature = "render")]
mod pictures;
#[cfg(feature = "extraction")]
mod pipeline_data;
#[cfg(all(feature = "extraction", feature = "merge"))]
mod pipeline_merge;
#[cfg(feature = "extraction")]
mod profile_limits;
mod proptest_api;
mod proptest_laws;
#[cfg(feature = "merge")]
mod proptest_merge;
mod proptest_mutations;
#[cfg(feature = "schema")]
mod proptest_roundtrip;
mod query_answers;
mod reading;
mod references;
#[cfg(all(feature = "schema", feature = "merge"))]
mod schema;
#[cfg(feature = "schema")]
mod schema_agreement;
mod seed;
#[cfg(feature = "tables")]
mod sourced_histories;
#[cfg(feature = "tables")]
mod tables;
#[cfg(feature = "tables")]
mod tables_streaming;
mod validation;
#[cfg(feature = "merge")]
mod xref_labelled;
