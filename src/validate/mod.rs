//! Validation: every cross-record rule of the model, all problems reported at once.
//!
//! Parsing already guarantees shape (types, enums, id and date syntax, known countries).
//! [`Dossier::validate`](crate::Dossier::validate) checks what a schema can't: that references
//! resolve, signers may sign, lifecycles are in order, dates exist, estimates are coherent.
//! The rules themselves live next to the records they check (`fn check` in each record's file).

mod checker;
mod claims;
mod code;
mod facts;
mod id_index;
mod marks;
mod path;
mod report;
mod run;
mod standing;
mod state_identity;

pub(crate) use checker::Checker;
pub use code::{Code, CodeError, CustomCode, Severity};
pub(crate) use id_index::{IdIndex, SCAN};
pub(crate) use path::Path;
pub use report::{Issue, Report, ValidationError};

/// The hash map of validation's short-lived indexes: foldhash (randomly seeded, as in
/// `id_index.rs`) costs a fraction of SipHash on the short string keys hashed here.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
/// The hash set of validation's short-lived indexes (see [`FastMap`]).
pub(crate) type FastSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;
