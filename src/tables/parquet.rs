//! Parquet files through parquet's `ArrowWriter`, from the Arrow record batches of
//! [`super::arrow`]: the files have the tables' Arrow schema (embedded, so Arrow readers get
//! `Int32` years and the nullability back), and a row group per batch.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use super::arrow::BatchBuilder;
use super::{Cell, Column};
use crate::error::Error;

/// Rows collected before they are written as a row group: bounds memory per open file.
const ROW_GROUP: usize = 16 * 1024;

fn io(e: impl std::error::Error + Send + Sync + 'static) -> Error {
    Error::Io(std::io::Error::other(e))
}

pub(super) struct ParquetFile {
    writer: ArrowWriter<File>,
    batch: BatchBuilder,
}

impl ParquetFile {
    pub(super) fn create(path: &Path, columns: &[&'static Column]) -> Result<Self, Error> {
        // The schema follows the row type, not the rows: every file of a table has the same
        // one, whatever its rows contain.
        let batch = BatchBuilder::new(columns.iter().copied());
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP))
            .build();
        let writer = ArrowWriter::try_new(File::create(path)?, Arc::clone(batch.schema()), Some(props)).map_err(io)?;
        Ok(Self { writer, batch })
    }

    pub(super) fn push(&mut self, cells: &[Cell<'_>]) -> Result<(), Error> {
        self.batch.push(cells).map_err(io)?;
        if self.batch.len() >= ROW_GROUP {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes the collected rows out as a row group.
    pub(super) fn flush(&mut self) -> Result<(), Error> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let batch = self.batch.finish().map_err(io)?;
        self.writer.write(&batch).map_err(io)?;
        // Closes the row group now, so the writer holds no encoded rows between flushes.
        self.writer.flush().map_err(io)
    }

    pub(super) fn finish(mut self) -> Result<(), Error> {
        self.flush()?;
        self.writer.close().map_err(io)?;
        Ok(())
    }
}
