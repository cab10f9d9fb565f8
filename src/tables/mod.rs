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

mod binding;
mod build;
#[cfg(feature = "parquet")]
mod parquet;
mod rows;
mod write;

pub use rows::{
    AgreementRow, DirectedDyadIntervalRow, DirectedDyadYearRow, DyadYearRow, MemberRow, SignatureRow, StateYearRow,
    TroopPresenceRow,
};
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
    fn cell(&self) -> Cell<'_>;
}

macro_rules! cell_value {
    ($ty:ty, $kind:ident, |$v:ident| $cell:expr) => {
        impl CellValue for $ty {
            const KIND: ColumnType = ColumnType::$kind;
            const NULLABLE: bool = false;
            fn cell(&self) -> Cell<'_> {
                let $v = self;
                $cell
            }
        }
        impl CellValue for Option<$ty> {
            const KIND: ColumnType = ColumnType::$kind;
            const NULLABLE: bool = true;
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
cell_value!(i32, Int, |v| Cell::Int(i64::from(*v)));
cell_value!(u8, Int, |v| Cell::Int(i64::from(*v)));
cell_value!(bool, Bool, |v| Cell::Bool(*v));
cell_value!(NaiveDate, Date, |v| Cell::Date(*v));

/// How to produce the tables.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// The last year of the year tables (state-year, dyad-year …) for bindings still in
    /// force: an open spell gives rows up to this year.
    pub through_year: i32,
    /// Which alternatives of a dispute count as fact (default: none, only undisputed facts).
    /// Each row's `disputed` column says whether it rests on a disputed fact either way.
    pub policy: DisputePolicy,
}

impl Options {
    /// Year tables run through `through_year` for bindings still in force, under the default
    /// dispute policy.
    pub fn through(through_year: i32) -> Self {
        Self { through_year, policy: DisputePolicy::default() }
    }

    /// The same options under another dispute policy.
    pub fn with_policy(mut self, policy: DisputePolicy) -> Self {
        self.policy = policy;
        self
    }

    /// Year tables run through the current year (UTC, from the system clock): the default of
    /// the command line's `--through` and of the Python package's `through`.
    pub fn through_this_year() -> Self {
        let days =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400);
        let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
        Self::through(chrono::Datelike::year(&epoch.checked_add_days(chrono::Days::new(days)).unwrap_or(epoch)))
    }
}

/// Every table, as rows. Build one from a dossier, or add dossier after dossier for a corpus
/// (or stream them to files with [`TableSink`] without keeping the rows).
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Tables {
    /// One row per agreement (ATOP's alliance level).
    pub agreements: Vec<AgreementRow>,
    /// One row per binding interval of each full party (ATOP's member level).
    pub members: Vec<MemberRow>,
    /// One row per actor and year it is bound by at least one agreement of the dossier
    /// (ATOP's state-year).
    pub state_years: Vec<StateYearRow>,
    /// One row per agreement, unordered pair of bound parties and year.
    pub dyad_years: Vec<DyadYearRow>,
    /// One row per agreement, ordered pair of bound parties and year.
    pub directed_dyad_years: Vec<DirectedDyadYearRow>,
    /// One row per agreement, ordered pair and day-precision interval both are bound.
    pub directed_dyad_intervals: Vec<DirectedDyadIntervalRow>,
    /// One row per signature.
    pub signatures: Vec<SignatureRow>,
    /// One row per troop presence and force actor.
    pub troop_presences: Vec<TroopPresenceRow>,
}

impl Tables {
    /// The tables of one dossier.
    pub fn from_dossier(dossier: &Dossier, options: &Options) -> Self {
        let mut tables = Self::default();
        tables.add(dossier, options);
        tables
    }

    /// Adds the rows of one more dossier, its disputes resolved under `options.policy`.
    pub fn add(&mut self, dossier: &Dossier, options: &Options) {
        let resolved = dossier.resolve(options.policy);
        build::build(&resolved, resolved.contested(), options, self);
    }

    /// The number of rows of each table, by table name, in the order of [`Tables::NAMES`].
    pub fn counts(&self) -> [(&'static str, usize); 8] {
        [
            (AgreementRow::TABLE, self.agreements.len()),
            (MemberRow::TABLE, self.members.len()),
            (StateYearRow::TABLE, self.state_years.len()),
            (DyadYearRow::TABLE, self.dyad_years.len()),
            (DirectedDyadYearRow::TABLE, self.directed_dyad_years.len()),
            (DirectedDyadIntervalRow::TABLE, self.directed_dyad_intervals.len()),
            (SignatureRow::TABLE, self.signatures.len()),
            (TroopPresenceRow::TABLE, self.troop_presences.len()),
        ]
    }

    /// The table names, which are also their file names.
    pub const NAMES: [&'static str; 8] = [
        AgreementRow::TABLE,
        MemberRow::TABLE,
        StateYearRow::TABLE,
        DyadYearRow::TABLE,
        DirectedDyadYearRow::TABLE,
        DirectedDyadIntervalRow::TABLE,
        SignatureRow::TABLE,
        TroopPresenceRow::TABLE,
    ];

    /// The columns of the table with this name.
    pub fn columns(table: &str) -> Option<&'static [Column]> {
        Some(match table {
            AgreementRow::TABLE => AgreementRow::COLUMNS,
            MemberRow::TABLE => MemberRow::COLUMNS,
            StateYearRow::TABLE => StateYearRow::COLUMNS,
            DyadYearRow::TABLE => DyadYearRow::COLUMNS,
            DirectedDyadYearRow::TABLE => DirectedDyadYearRow::COLUMNS,
            DirectedDyadIntervalRow::TABLE => DirectedDyadIntervalRow::COLUMNS,
            SignatureRow::TABLE => SignatureRow::COLUMNS,
            TroopPresenceRow::TABLE => TroopPresenceRow::COLUMNS,
            _ => return None,
        })
    }

    /// Removes every row, keeping the allocations (for streaming a corpus through a sink).
    pub fn clear(&mut self) {
        self.agreements.clear();
        self.members.clear();
        self.state_years.clear();
        self.dyad_years.clear();
        self.directed_dyad_years.clear();
        self.directed_dyad_intervals.clear();
        self.signatures.clear();
        self.troop_presences.clear();
    }
}

// The code in the guide must run as written: rustdoc tests its `rust` blocks.
#[cfg(doctest)]
#[doc = include_str!("../../docs/tables.md")]
struct TablesGuide;
