//! Parquet files through the parquet crate's column writer, without Arrow: the tables are flat
//! and typed, so the columns are buffered as plain vectors and written a row group at a time.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use parquet::basic::{Compression, LogicalType, Repetition, Type as Physical};
use parquet::column::writer::ColumnWriter;
use parquet::data_type::ByteArray;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;

use super::{Cell, Column, ColumnType};
use crate::error::Error;

/// Rows buffered before a row group is written: bounds memory per open file.
const ROW_GROUP: usize = 16 * 1024;

fn io(e: parquet::errors::ParquetError) -> Error {
    Error::Io(std::io::Error::other(e))
}

enum Values {
    Int(Vec<i64>),
    Bool(Vec<bool>),
    Text(Vec<ByteArray>),
    Date(Vec<i32>),
}

struct Buffer {
    values: Values,
    /// Definition levels: 1 for a value, 0 for a null (used by optional columns only).
    levels: Vec<i16>,
    nullable: bool,
}

pub(super) struct ParquetFile {
    writer: SerializedFileWriter<File>,
    columns: Vec<Buffer>,
    rows: usize,
}

fn epoch_days(d: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or(NaiveDate::MIN);
    i32::try_from(d.signed_duration_since(epoch).num_days()).unwrap_or(i32::MAX)
}

impl ParquetFile {
    pub(super) fn create(path: &Path, columns: &[&'static Column]) -> Result<Self, Error> {
        let mut fields = Vec::with_capacity(columns.len());
        for c in columns {
            let (physical, logical) = match c.kind {
                ColumnType::Int => (Physical::INT64, None),
                ColumnType::Bool => (Physical::BOOLEAN, None),
                ColumnType::Text => (Physical::BYTE_ARRAY, Some(LogicalType::String)),
                ColumnType::Date => (Physical::INT32, Some(LogicalType::Date)),
            };
            // The schema follows the row type, not the rows: every file of a table has the
            // same one, whatever its rows contain.
            let field = Type::primitive_type_builder(c.name, physical)
                .with_repetition(if c.nullable { Repetition::OPTIONAL } else { Repetition::REQUIRED })
                .with_logical_type(logical)
                .build()
                .map_err(io)?;
            fields.push(Arc::new(field));
        }
        let schema = Type::group_type_builder("schema").with_fields(fields).build().map_err(io)?;
        let props = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
        let writer = SerializedFileWriter::new(File::create(path)?, Arc::new(schema), Arc::new(props)).map_err(io)?;
        let columns = columns
            .iter()
            .map(|c| Buffer {
                values: match c.kind {
                    ColumnType::Int => Values::Int(Vec::new()),
                    ColumnType::Bool => Values::Bool(Vec::new()),
                    ColumnType::Text => Values::Text(Vec::new()),
                    ColumnType::Date => Values::Date(Vec::new()),
                },
                levels: Vec::new(),
                nullable: c.nullable,
            })
            .collect();
        Ok(Self { writer, columns, rows: 0 })
    }

    pub(super) fn push(&mut self, cells: &[Cell<'_>]) -> Result<(), Error> {
        for (buffer, cell) in self.columns.iter_mut().zip(cells) {
            let present = match (&mut buffer.values, cell) {
                (_, Cell::Null) => false,
                (Values::Int(v), Cell::Int(n)) => {
                    v.push(*n);
                    true
                }
                (Values::Bool(v), Cell::Bool(b)) => {
                    v.push(*b);
                    true
                }
                (Values::Text(v), Cell::Text(s)) => {
                    v.push(ByteArray::from(*s));
                    true
                }
                (Values::Date(v), Cell::Date(d)) => {
                    v.push(epoch_days(*d));
                    true
                }
                _ => return Err(Error::Io(std::io::Error::other("a cell does not match its column's type"))),
            };
            if !present && !buffer.nullable {
                return Err(Error::Io(std::io::Error::other("a null in a column that cannot hold one")));
            }
            buffer.levels.push(i16::from(present));
        }
        self.rows += 1;
        if self.rows >= ROW_GROUP {
            self.flush()?;
        }
        Ok(())
    }

    pub(super) fn flush(&mut self) -> Result<(), Error> {
        if self.rows == 0 {
            return Ok(());
        }
        let mut group = self.writer.next_row_group().map_err(io)?;
        let mut buffers = self.columns.iter_mut();
        while let Some(mut column) = group.next_column().map_err(io)? {
            let Some(buffer) = buffers.next() else { break };
            let levels = buffer.nullable.then_some(buffer.levels.as_slice());
            let written = match (column.untyped(), &buffer.values) {
                (ColumnWriter::Int64ColumnWriter(w), Values::Int(v)) => w.write_batch(v, levels, None),
                (ColumnWriter::BoolColumnWriter(w), Values::Bool(v)) => w.write_batch(v, levels, None),
                (ColumnWriter::ByteArrayColumnWriter(w), Values::Text(v)) => w.write_batch(v, levels, None),
                (ColumnWriter::Int32ColumnWriter(w), Values::Date(v)) => w.write_batch(v, levels, None),
                _ => return Err(Error::Io(std::io::Error::other("a column's buffer does not match its writer"))),
            };
            written.map_err(io)?;
            column.close().map_err(io)?;
            buffer.levels.clear();
            match &mut buffer.values {
                Values::Int(v) => v.clear(),
                Values::Bool(v) => v.clear(),
                Values::Text(v) => v.clear(),
                Values::Date(v) => v.clear(),
            }
        }
        group.close().map_err(io)?;
        self.rows = 0;
        Ok(())
    }

    pub(super) fn finish(mut self) -> Result<(), Error> {
        self.flush()?;
        self.writer.close().map_err(io)?;
        Ok(())
    }
}
