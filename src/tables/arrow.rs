//! The research tables as Apache Arrow record batches (the `arrow` feature), the columnar format
//! that pandas, polars, DuckDB and Spark read without copying. The Parquet files are written from
//! these batches, and the Python package hands them to those libraries.
//!
//! Each table's schema follows its row type, not its rows, so an empty table keeps its columns:
//! `Int` columns are `Int64` (`Int32` for the years, see [`Column::int32`]), `Bool` is `Boolean`,
//! `Text` is `Utf8`, `Date` is `Date32`; a column is nullable exactly when the dictionary says
//! it may be empty (docs/tables.md).
//!
//! Rows are converted batch by batch ([`BatchBuilder`], at most [`BATCH_ROWS`] rows per batch by
//! default), so a writer that streams rows keeps at most one batch per table in memory.
//!
//! ```
//! use defense_agreements::Dossier;
//! use defense_agreements::tables::{Options, Tables};
//! use defense_agreements::tables::arrow::arrow_schema::DataType;
//!
//! let json = std::fs::read_to_string("examples/data/manila-pact-1954.json")?;
//! let tables = Tables::from_dossier(&Dossier::from_json(&json)?, &Options::through(2024));
//! let arrow = tables.to_arrow()?;
//! let members = arrow.iter().find(|t| t.name == "members").ok_or("no members table")?;
//! assert_eq!(members.num_rows(), 8);
//! assert_eq!(members.schema.field_with_name("ccode")?.data_type(), &DataType::Int64);
//! assert_eq!(members.schema.field_with_name("start_year")?.data_type(), &DataType::Int32);
//! assert_eq!(members.schema.field_with_name("start")?.data_type(), &DataType::Date32);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::sync::Arc;

pub use arrow_array;
pub use arrow_schema;

use arrow_array::builder::{BooleanBuilder, Date32Builder, Int32Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;

use super::{Cell, Column, ColumnType, Row, TableVisitor, Tables};

/// The rows of one record batch when none is given: large enough that per-batch costs vanish,
/// small enough that a batch per open file stays a few megabytes.
pub const BATCH_ROWS: usize = 64 * 1024;

/// The Arrow type of a column.
pub fn data_type(column: &Column) -> DataType {
    match column.kind {
        ColumnType::Int if column.int32 => DataType::Int32,
        ColumnType::Int => DataType::Int64,
        ColumnType::Bool => DataType::Boolean,
        ColumnType::Text => DataType::Utf8,
        ColumnType::Date => DataType::Date32,
    }
}

/// The Arrow field of a column: its name, type and nullability.
pub fn field(column: &Column) -> Field {
    Field::new(column.name, data_type(column), column.nullable)
}

/// The Arrow schema of these columns, in order.
pub fn schema<'c>(columns: impl IntoIterator<Item = &'c Column>) -> SchemaRef {
    Arc::new(Schema::new(columns.into_iter().map(field).collect::<Vec<_>>()))
}

/// The Arrow schema of the table with this name (one of [`Tables::NAMES`]).
pub fn table_schema(table: &str) -> Option<SchemaRef> {
    Tables::columns(table).map(schema)
}

/// One column's values being collected.
#[derive(Debug)]
enum Values {
    Int64(Int64Builder),
    Int32(Int32Builder),
    Bool(BooleanBuilder),
    Text(StringBuilder),
    Date(Date32Builder),
}

impl Values {
    fn new(column: &Column) -> Self {
        match data_type(column) {
            DataType::Int32 => Self::Int32(Int32Builder::new()),
            DataType::Boolean => Self::Bool(BooleanBuilder::new()),
            DataType::Utf8 => Self::Text(StringBuilder::new()),
            DataType::Date32 => Self::Date(Date32Builder::new()),
            _ => Self::Int64(Int64Builder::new()),
        }
    }

    fn push_null(&mut self) {
        match self {
            Self::Int64(b) => b.append_null(),
            Self::Int32(b) => b.append_null(),
            Self::Bool(b) => b.append_null(),
            Self::Text(b) => b.append_null(),
            Self::Date(b) => b.append_null(),
        }
    }

    /// Appends a value; false when the cell's type is not the column's.
    fn push(&mut self, cell: &Cell<'_>) -> bool {
        match (self, cell) {
            (values, Cell::Null) => values.push_null(),
            (Self::Int64(b), Cell::Int(n)) => b.append_value(*n),
            (Self::Int32(b), Cell::Int(n)) => match i32::try_from(*n) {
                Ok(n) => b.append_value(n),
                Err(_) => return false,
            },
            (Self::Bool(b), Cell::Bool(v)) => b.append_value(*v),
            (Self::Text(b), Cell::Text(s)) => b.append_value(s),
            (Self::Date(b), Cell::Date(d)) => b.append_value(epoch_days(*d)),
            _ => return false,
        }
        true
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Self::Int64(b) => Arc::new(b.finish()),
            Self::Int32(b) => Arc::new(b.finish()),
            Self::Bool(b) => Arc::new(b.finish()),
            Self::Text(b) => Arc::new(b.finish()),
            Self::Date(b) => Arc::new(b.finish()),
        }
    }
}

/// Days since 1970-01-01, Arrow's `Date32`. Every `NaiveDate` fits (their years stay within
/// ±262,143).
fn epoch_days(day: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    let days = day.signed_duration_since(epoch).num_days();
    i32::try_from(days).unwrap_or(if days < 0 { i32::MIN } else { i32::MAX })
}

/// Collects rows (or their cells) into record batches of one schema, a batch at a time.
///
/// ```
/// use defense_agreements::tables::arrow::BatchBuilder;
/// use defense_agreements::tables::{MemberRow, Row};
///
/// let mut builder = BatchBuilder::for_row::<MemberRow>();
/// assert!(builder.is_empty());
/// let empty = builder.finish()?;
/// assert_eq!((empty.num_rows(), empty.num_columns()), (0, MemberRow::COLUMNS.len()));
/// # Ok::<(), defense_agreements::tables::arrow::arrow_schema::ArrowError>(())
/// ```
#[derive(Debug)]
pub struct BatchBuilder {
    schema: SchemaRef,
    nullable: Vec<bool>,
    values: Vec<Values>,
    rows: usize,
}

impl BatchBuilder {
    /// A builder of batches with these columns, in order.
    pub fn new<'c>(columns: impl IntoIterator<Item = &'c Column>) -> Self {
        let columns: Vec<&Column> = columns.into_iter().collect();
        Self {
            schema: schema(columns.iter().copied()),
            nullable: columns.iter().map(|c| c.nullable).collect(),
            values: columns.iter().map(|c| Values::new(c)).collect(),
            rows: 0,
        }
    }

    /// A builder of batches of the table of row type `R`.
    pub fn for_row<R: Row>() -> Self {
        Self::new(R::COLUMNS)
    }

    /// The schema of the batches.
    pub fn schema(&self) -> &SchemaRef {
        &self.schema
    }

    /// The rows collected since the last batch.
    pub fn len(&self) -> usize {
        self.rows
    }

    /// Whether no row was collected since the last batch.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// Appends one row given as its cells, one per column in order. An error (and nothing
    /// appended) when the cells do not fit the columns: their number, a type, or a null in a
    /// column that cannot hold one.
    pub fn push(&mut self, cells: &[Cell<'_>]) -> Result<(), ArrowError> {
        if cells.len() != self.values.len() {
            return Err(ArrowError::InvalidArgumentError(format!(
                "a row of {} cells for {} columns",
                cells.len(),
                self.values.len()
            )));
        }
        // Checked before anything is appended, so that the columns keep one length.
        for ((cell, nullable), field) in cells.iter().zip(&self.nullable).zip(self.schema.fields()) {
            let fits = match cell {
                Cell::Null => *nullable,
                Cell::Int(n) => match field.data_type() {
                    DataType::Int64 => true,
                    DataType::Int32 => i32::try_from(*n).is_ok(),
                    _ => false,
                },
                Cell::Bool(_) => field.data_type() == &DataType::Boolean,
                Cell::Text(_) => field.data_type() == &DataType::Utf8,
                Cell::Date(_) => field.data_type() == &DataType::Date32,
            };
            if !fits {
                return Err(ArrowError::InvalidArgumentError(format!(
                    "column '{}' ({}{}) cannot hold {cell:?}",
                    field.name(),
                    field.data_type(),
                    if *nullable { ", nullable" } else { "" }
                )));
            }
        }
        for (values, cell) in self.values.iter_mut().zip(cells) {
            values.push(cell);
        }
        self.rows += 1;
        Ok(())
    }

    /// Appends one row of the builder's table.
    pub fn push_row<R: Row>(&mut self, row: &R) -> Result<(), ArrowError> {
        self.push(&row.cells())
    }

    /// The rows collected so far as one record batch (with no rows if none was), and a fresh
    /// start for the next batch.
    pub fn finish(&mut self) -> Result<RecordBatch, ArrowError> {
        let columns = self.values.iter_mut().map(Values::finish).collect();
        self.rows = 0;
        RecordBatch::try_new(Arc::clone(&self.schema), columns)
    }
}

/// The rows of one table as record batches of at most `batch_rows` rows each (at least one
/// row per batch; no batch for no rows).
pub fn record_batches<R: Row>(rows: &[R], batch_rows: usize) -> Result<Vec<RecordBatch>, ArrowError> {
    let mut builder = BatchBuilder::for_row::<R>();
    let mut batches = Vec::with_capacity(rows.len().div_ceil(batch_rows.max(1)));
    for chunk in rows.chunks(batch_rows.max(1)) {
        for row in chunk {
            builder.push_row(row)?;
        }
        batches.push(builder.finish()?);
    }
    Ok(batches)
}

/// One table as Arrow data: its name, its schema (whatever its rows) and its record batches.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ArrowTable {
    /// The table's name (one of [`Tables::NAMES`]).
    pub name: &'static str,
    /// The schema of every batch, which an empty table keeps.
    pub schema: SchemaRef,
    /// The rows, in batches of at most [`BATCH_ROWS`] rows; none for an empty table.
    pub batches: Vec<RecordBatch>,
}

impl ArrowTable {
    /// A table from its parts (the batches should have the schema).
    pub fn new(name: &'static str, schema: SchemaRef, batches: Vec<RecordBatch>) -> Self {
        Self { name, schema, batches }
    }

    /// The table of row type `R` holding these rows, in batches of at most `batch_rows` rows.
    pub fn from_rows<R: Row>(rows: &[R], batch_rows: usize) -> Result<Self, ArrowError> {
        Ok(Self::new(R::TABLE, schema(R::COLUMNS), record_batches(rows, batch_rows)?))
    }

    /// The number of rows over all batches.
    pub fn num_rows(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }
}

impl Tables {
    /// Every table as Arrow record batches, in the order of [`Tables::NAMES`].
    pub fn to_arrow(&self) -> Result<Vec<ArrowTable>, ArrowError> {
        self.to_arrow_batched(BATCH_ROWS)
    }

    /// Every table as Arrow record batches of at most `batch_rows` rows each.
    pub fn to_arrow_batched(&self, batch_rows: usize) -> Result<Vec<ArrowTable>, ArrowError> {
        let mut collect = Collect { batch_rows, tables: Vec::with_capacity(Self::NAMES.len()) };
        self.visit(&mut collect)?;
        Ok(collect.tables)
    }
}

struct Collect {
    batch_rows: usize,
    tables: Vec<ArrowTable>,
}

impl TableVisitor for Collect {
    type Error = ArrowError;
    fn table<R: Row>(&mut self, rows: &[R]) -> Result<(), ArrowError> {
        self.tables.push(ArrowTable::from_rows(rows, self.batch_rows)?);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::MemberRow;

    #[test]
    fn a_cell_of_the_wrong_type_is_refused_and_nothing_is_appended() {
        let mut builder = BatchBuilder::for_row::<MemberRow>();
        let mut cells = vec![Cell::Null; MemberRow::COLUMNS.len()];
        // dossier_id cannot be null.
        assert!(builder.push(&cells).is_err());
        cells[0] = Cell::Int(1);
        assert!(builder.push(&cells).is_err());
        assert!(builder.push(&cells[..2]).is_err());
        assert!(builder.is_empty());
        let batch = builder.finish();
        assert!(batch.is_ok_and(|b| b.num_rows() == 0));
    }

    #[test]
    fn a_year_out_of_32_bits_is_refused() {
        let column = MemberRow::COLUMNS.iter().find(|c| c.name == "start_year");
        let Some(column) = column else { panic!("no start_year") };
        let mut builder = BatchBuilder::new([column]);
        assert!(builder.push(&[Cell::Int(i64::from(i32::MAX) + 1)]).is_err());
        assert!(builder.push(&[Cell::Int(1960)]).is_ok());
        assert_eq!(builder.len(), 1);
    }

    #[test]
    fn dates_count_days_from_1970() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        assert_eq!(epoch_days(day(1970, 1, 1)), 0);
        assert_eq!(epoch_days(day(1969, 12, 31)), -1);
        assert_eq!(epoch_days(day(2000, 3, 1)), 11_017);
    }
}
