//! The library's integration tests, one binary: each module below was its own binary, and each
//! linked the whole crate (27 links on every change). `tests/README.md` says what each covers.
//! Run one module while working: `cargo test --test integration validation::`.
//!
//! A new test file is a module here (`autotests = false` in Cargo.toml: a file not listed here
//! is not compiled), gated like its neighbours when it needs a feature.

// Helpers shared by several modules, declared once.
#[path = "../examples/support/corpus.rs"]
mod corpus;
#[cfg(feature = "schema")]
mod schema_support;
#[path = "../benches/support/shapes.rs"]
mod shapes;

mod adversarial;
mod arbitrary_precision;
mod codings;
mod construction;
mod contract_holes;
mod diff_patch;
#[cfg(feature = "schema")]
mod differential;
mod disputes;
mod examples_data;
#[cfg(feature = "schema")]
mod extraction;
mod guide;
mod hostile;
mod lifecycle_histories;
mod lifecycle_views;
mod merge_real;
mod parse_errors;
mod proptest_api;
mod proptest_laws;
mod proptest_merge;
mod proptest_mutations;
#[cfg(feature = "schema")]
mod proptest_roundtrip;
mod reading;
mod references;
#[cfg(feature = "schema")]
mod schema;
#[cfg(feature = "schema")]
mod schema_agreement;
mod seed;
mod sourced_histories;
mod tables;
mod validation;
