//! Research tables: the units of ATOP and COW (agreement, member, state-year, dyad-year,
//! directed dyad-year) and finer ones (day-precision directed dyad intervals, signatures,
//! troop presence), produced from dossiers as plain rows.
//!
//! Every row carries its keys: the dossier and agreement ids, the local actor ids, and, where
//! the dossier gives them, the Correlates of War country code (an actor identifier of scheme
//! `cow`) and the ISO 3166 alpha-3 code (the actor's `country`). `docs/tables.md` is the column
//! dictionary and shows how to read the files from DuckDB, pandas, polars, R and Spark.
//!
//! Who is bound when follows the lifecycle views ([`Agreement::binding_intervals`] for the member
//! spells, [`Agreement::is_bound_toward`] for the dyads): withdrawal, suspension of one party or
//! toward one party, re-accession, termination, fixed terms. A partial date
//! counts from the last day it may denote (the first day the act has surely happened), so an act
//! dated `1955` takes effect on 1955-12-31; a year column holds every year with at least one
//! bound day.
//!
//! Disputed facts count as [`Options::policy`] says (by default, none does), and every table has
//! a `disputed` column: 1 when the row rests on a fact some source disputes, whether the policy
//! counted it or set it aside.
//!
//! ```
//! use defense_agreements::Dossier;
//! use defense_agreements::tables::{Options, Tables};
//!
//! let json = std::fs::read_to_string("examples/data/manila-pact-1954.json")?;
//! let dossier = Dossier::from_json(&json)?;
//! let tables = Tables::from_dossier(&dossier, &Options::through(2024));
//! // Pakistan's denunciation took effect on 1973-11-07: its spell ends the day before.
//! let pakistan = tables.members.iter().find(|m| m.actor_id == "pakistan").ok_or("missing")?;
//! assert_eq!(pakistan.end.map(|d| d.to_string()).as_deref(), Some("1973-11-06"));
//! assert_eq!(pakistan.ccode, Some(770));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#[cfg(feature = "arrow")]
pub mod arrow;
mod binding;
mod build;
#[cfg(feature = "parquet")]
mod parquet;
mod pledges;
mod rows;
mod stream;
mod write;

pub use rows::{
    AgreementRow, DirectedDyadIntervalRow, DirectedDyadYearRow, DyadYearRow, MemberRow, SignatureRow, StateYearRow,
    TroopPresenceRow,
};
pub use stream::TableStream;
pub use write::{Format, TableSink, WriteOptions};

use chrono::NaiveDate;

#[cfg(doc)]
use crate::agreement::Agreement;
use crate::dispute_policy::DisputePolicy;
use crate::dossier::Dossier;

/// The type of a column, as the output formats store it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ColumnType {
    /// A 64-bit integer.
    Int,
    /// A boolean.
    Bool,
    /// UTF-8 text.
    Text,
    /// A calendar day (ISO 8601 `YYYY-MM-DD` in CSV, `DATE` in Parquet).
    Date,
}

impl ColumnType {
    /// The type's name: `int`, `bool`, `text`, `date`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Int => "int",
            Self::Bool => "bool",
            Self::Text => "text",
            Self::Date => "date",
        }
    }
}

impl std::fmt::Display for ColumnType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One column of a table: its name, type, whether it may be empty, and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Column {
    /// The column name.
    pub name: &'static str,
    /// Its type.
    pub kind: ColumnType,
    /// Whether it may be null (empty in CSV).
    pub nullable: bool,
    /// What it holds.
    pub doc: &'static str,
    /// For an [`Int`](ColumnType::Int) column, whether its values are 32-bit (the years): Arrow
    /// and Parquet store it as a 32-bit integer, the other integers as 64-bit ones.
    pub int32: bool,
}

/// One value of a row, borrowed from it.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Cell<'a> {
    /// No value.
    Null,
    /// An integer.
    Int(i64),
    /// A boolean.
    Bool(bool),
    /// Text.
    Text(&'a str),
    /// A calendar day.
    Date(NaiveDate),
}

/// A row type of one table.
pub trait Row: serde::Serialize {
    /// The table's name, which is also its file name (`members.csv`, `members/…`).
    const TABLE: &'static str;
    /// The columns, in order.
    const COLUMNS: &'static [Column];
    /// The row's values, one per column, in order.
    fn cells(&self) -> Vec<Cell<'_>>;
    /// The year the row belongs to, for tables with a `year` column (partitioning key).
    fn year(&self) -> Option<i32> {
        None
    }
}

/// A Rust type that maps to one column type.
pub(crate) trait CellValue {
    const KIND: ColumnType;
    const NULLABLE: bool;
    /// A 32-bit integer (see [`Column::int32`]).
    const INT32: bool = false;
    fn cell(&self) -> Cell<'_>;
}

macro_rules! cell_value {
    ($ty:ty, $kind:ident, |$v:ident| $cell:expr) => {
        cell_value!($ty, $kind, false, |$v| $cell);
    };
    ($ty:ty, $kind:ident, $int32:literal, |$v:ident| $cell:expr) => {
        impl CellValue for $ty {
            const KIND: ColumnType = ColumnType::$kind;
            const NULLABLE: bool = false;
            const INT32: bool = $int32;
            fn cell(&self) -> Cell<'_> {
                let $v = self;
                $cell
            }
        }
        impl CellValue for Option<$ty> {
            const KIND: ColumnType = ColumnType::$kind;
            const NULLABLE: bool = true;
            const INT32: bool = $int32;
            fn cell(&self) -> Cell<'_> {
                match self {
                    Some($v) => $cell,
                    None => Cell::Null,
                }
            }
        }
    };
}

cell_value!(String, Text, |v| Cell::Text(v.as_str()));
cell_value!(&'static str, Text, |v| Cell::Text(v));
cell_value!(i64, Int, |v| Cell::Int(*v));
cell_value!(i32, Int, true, |v| Cell::Int(i64::from(*v)));
cell_value!(u8, Int, |v| Cell::Int(i64::from(*v)));
cell_value!(bool, Bool, |v| Cell::Bool(*v));
cell_value!(NaiveDate, Date, |v| Cell::Date(*v));

/// The last year the year tables run to: `through` may not be later, and no year row is.
///
/// 9999 is the last year a dossier's dates can name (EDTF's four-digit years,
/// [`PartialDate::YEARS`](crate::values::PartialDate::YEARS)), so every act recorded in any
/// dossier takes effect by then; a fixed number keeps the accepted arguments the same from one
/// year to the next, where "this year plus a margin" would not. Past it a year column would
/// only repeat an open spell's last row: `--through 1000000` once asked for 573 MB of such rows
/// from one bilateral treaty.
pub const MAX_THROUGH_YEAR: i32 = 9999;

/// A `through` year past [`MAX_THROUGH_YEAR`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "through year {year} is past {MAX_THROUGH_YEAR}, the last year the tables run to (the last year a dossier's dates can name)"
)]
#[non_exhaustive]
pub struct ThroughYearError {
    /// The year asked for.
    pub year: i32,
}

/// How to produce the tables.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// The last year of the year tables (state-year, dyad-year …) for bindings still in
    /// force: an open spell gives rows up to this year. At most [`MAX_THROUGH_YEAR`]: the
    /// functions that can fail ([`TableSink::add`], [`TableStream::new`]) refuse a later year,
    /// and the in-memory [`Tables::from_dossier`] and [`Tables::add`] stop every year table at
    /// [`MAX_THROUGH_YEAR`]; [`Options::checked_through`] refuses it up front.
    pub through_year: i32,
    /// Which alternatives of a dispute count as fact (default: none, only undisputed facts).
    /// Each row's `disputed` column says whether it rests on a disputed fact either way.
    pub policy: DisputePolicy,
}

impl Options {
    /// Year tables run through `through_year` for bindings still in force, under the default
    /// dispute policy. The year is not checked here: see [`Options::checked_through`].
    pub fn through(through_year: i32) -> Self {
        Self { through_year, policy: DisputePolicy::default() }
    }

    /// As [`Options::through`], refusing a year past [`MAX_THROUGH_YEAR`] (what the command
    /// line's `--through` and the Python package's `through` do).
    ///
    /// ```
    /// use defense_agreements::tables::{MAX_THROUGH_YEAR, Options};
    ///
    /// assert!(Options::checked_through(2024).is_ok());
    /// let error = Options::checked_through(1_000_000).err().ok_or("accepted")?;
    /// assert_eq!(error.year, 1_000_000);
    /// assert!(error.to_string().contains(&MAX_THROUGH_YEAR.to_string()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_through(through_year: i32) -> Result<Self, ThroughYearError> {
        let options = Self::through(through_year);
        options.check()?;
        Ok(options)
    }

    /// Whether the options can be used: `through_year` is at most [`MAX_THROUGH_YEAR`].
    pub fn check(&self) -> Result<(), ThroughYearError> {
        if self.through_year > MAX_THROUGH_YEAR { Err(ThroughYearError { year: self.through_year }) } else { Ok(()) }
    }

    /// The same options under another dispute policy.
    pub fn with_policy(mut self, policy: DisputePolicy) -> Self {
        self.policy = policy;
        self
    }

    /// Year tables run through the current year (UTC, from the system clock): the default of
    /// the command line's `--through` and of the Python package's `through`. Not the latest
    /// year the input names: a corpus is read once, its rows written as they come, so the
    /// default cannot wait for the last dossier; a treaty in force later than this year gets
    /// its year rows by a later `through`.
    pub fn through_this_year() -> Self {
        Self::through(this_year())
    }

    /// The last year of the year tables: `through_year`, but never past [`MAX_THROUGH_YEAR`].
    pub(crate) fn last_year(&self) -> i32 {
        self.through_year.min(MAX_THROUGH_YEAR)
    }
}

/// The current year (UTC), from the system clock.
fn this_year() -> i32 {
    let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400);
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    chrono::Datelike::year(&epoch.checked_add_days(chrono::Days::new(days)).unwrap_or(epoch))
}

/// `Tables` and its per-table lists, from the list of tables (`tables!` in `rows.rs`).
macro_rules! tables_struct {
    ($($list:ident: $row:ident,)*) => {
        /// Every table, as rows. Build one from a dossier, or add dossier after dossier for a
        /// corpus (or stream them to files with [`TableSink`] without keeping the rows).
        #[derive(Debug, Clone, Default, PartialEq)]
        #[non_exhaustive]
        pub struct Tables {
            $(
                #[doc = concat!("The `", stringify!($list), "` table: one [`", stringify!($row), "`] per row.")]
                pub $list: Vec<$row>,
            )*
        }

        impl Tables {
            /// The number of rows of each table, by table name, in the order of [`Tables::NAMES`].
            pub fn counts(&self) -> [(&'static str, usize); Self::NAMES.len()] {
                [$(($row::TABLE, self.$list.len()),)*]
            }

            /// The table names, which are also their file names.
            pub const NAMES: [&'static str; [$(stringify!($list)),*].len()] = [$($row::TABLE,)*];

            /// The columns of the table with this name.
            pub fn columns(table: &str) -> Option<&'static [Column]> {
                $(if table == $row::TABLE {
                    return Some($row::COLUMNS);
                })*
                None
            }

            /// Removes every row, keeping the allocations (for streaming a corpus through a sink).
            pub fn clear(&mut self) {
                $(self.$list.clear();)*
            }

            /// Hands every table's rows to `visitor`, in the order of [`Tables::NAMES`].
            pub fn visit<V: TableVisitor>(&self, visitor: &mut V) -> Result<(), V::Error> {
                $(visitor.table::<$row>(&self.$list)?;)*
                Ok(())
            }

            /// The number of rows in all tables.
            pub fn len(&self) -> usize {
                0 $(+ self.$list.len())*
            }

            /// Whether every table is empty.
            pub fn is_empty(&self) -> bool {
                self.len() == 0
            }
        }

        $(impl Listed for $row {
            fn list(tables: &mut Tables) -> &mut Vec<Self> {
                &mut tables.$list
            }
        })*
    };
}
rows::tables!(tables_struct);

/// A row type with its list in [`Tables`].
pub(crate) trait Listed: Row + Sized {
    fn list(tables: &mut Tables) -> &mut Vec<Self>;
}

/// What to do with each table's rows, for code that handles every table alike (writing files,
/// converting to another language's values): see [`Tables::visit`].
pub trait TableVisitor {
    /// The error that stops the visit.
    type Error;
    /// Called once per table, with its rows (maybe none).
    fn table<R: Row>(&mut self, rows: &[R]) -> Result<(), Self::Error>;
}

impl Tables {
    /// The tables of one dossier, in memory. Every year table stops at [`MAX_THROUGH_YEAR`]
    /// whatever `options.through_year` says; to write large tables without holding them, use
    /// [`TableSink::add`] or [`TableStream`].
    pub fn from_dossier(dossier: &Dossier, options: &Options) -> Self {
        let mut tables = Self::default();
        tables.add(dossier, options);
        tables
    }

    /// Adds the rows of one more dossier, its disputes resolved under `options.policy` (in
    /// memory, as [`Tables::from_dossier`]).
    pub fn add(&mut self, dossier: &Dossier, options: &Options) {
        let mut held = 0;
        let mut keep = |_: &Tables| Ok::<(), std::convert::Infallible>(());
        let mut out = stream::Out::new(self, &mut held, usize::MAX, &mut keep);
        match build_into(dossier, options, &mut out) {
            Ok(()) => {}
            Err(never) => match never {},
        }
    }
}

/// The rows of `dossier` under `options`, into `out`.
fn build_into<E>(dossier: &Dossier, options: &Options, out: &mut stream::Out<'_, E>) -> Result<(), E> {
    let resolved = dossier.resolve(options.policy);
    build::build(&resolved, resolved.contested(), options, out)
}

// The code in the guide must run as written: rustdoc tests its `rust` blocks.
#[cfg(doctest)]
#[doc = include_str!("../../docs/tables.md")]
struct TablesGuide;
