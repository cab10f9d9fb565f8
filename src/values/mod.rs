//! The standard value types records are built from: dates, countries, languages, estimates,
//! identifiers, ranks, places.

mod country;
mod country_entry;
mod country_table;
mod date;
mod estimate;
pub(crate) mod from_str;
mod identifier;
mod language;
mod place;
mod rank;
mod relative_date;

pub use country::{CountryCode, CountryError};
pub use country_entry::CodeStatus;
// Date comparison keys, for rules that compare many dates cheaply.
#[allow(unused_imports)]
pub(crate) use date::DayKey;
pub use date::{DateError, EdtfDate, IntervalEnd, PartialDate, Precision, Qualifier};
pub use estimate::{Estimate, EstimateProblem, EstimateQualifier, EstimateUnit};
pub use identifier::{Identifier, Scheme, SchemeError};
pub use language::{LanguageCode, LanguageError};
pub use place::{Coordinates, CoordinatesError, Place};
pub use rank::{NatoGrade, Rank};
