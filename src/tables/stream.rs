//! The rows handed over in batches as they are produced, so that no table is ever held whole:
//! the year tables of one open spell run to `through`, and a corpus has no end in sight.

use super::{Listed, Options, Tables, ThroughYearError};
use crate::dossier::Dossier;

/// Where the builder puts rows: a batch, handed to `flush` (then emptied) whenever it holds
/// `limit` rows.
pub(crate) struct Out<'a, E> {
    tables: &'a mut Tables,
    held: &'a mut usize,
    limit: usize,
    flush: &'a mut dyn FnMut(&Tables) -> Result<(), E>,
}

impl<'a, E> Out<'a, E> {
    pub(crate) fn new(
        tables: &'a mut Tables,
        held: &'a mut usize,
        limit: usize,
        flush: &'a mut dyn FnMut(&Tables) -> Result<(), E>,
    ) -> Self {
        Self { tables, held, limit, flush }
    }

    /// Adds one row, handing the batch over when it is full.
    pub(crate) fn push<R: Listed>(&mut self, row: R) -> Result<(), E> {
        R::list(self.tables).push(row);
        *self.held += 1;
        if *self.held >= self.limit {
            (self.flush)(self.tables)?;
            self.tables.clear();
            *self.held = 0;
        }
        Ok(())
    }
}

/// The tables of any number of dossiers, handed to a callback in batches of at most
/// `batch_rows` rows (all tables together) as they are produced: memory stays bounded however
/// many years or dossiers the tables cover. Within each table the rows come in the order
/// [`Tables::from_dossier`] gives them, batch after batch; a batch's tables are read with
/// [`Tables::visit`] (one slice of rows per table) or by field. [`TableSink::add`](super::TableSink::add)
/// writes files this way.
///
/// ```
/// use defense_agreements::Dossier;
/// use defense_agreements::tables::{Options, TableStream, Tables};
///
/// let json = std::fs::read_to_string("examples/data/north-atlantic-treaty-1949.json")?;
/// let dossier = Dossier::from_json(&json)?;
/// let (mut batches, mut dyad_years) = (0, 0);
/// let mut stream = TableStream::new(&Options::checked_through(2024)?, 1000, |batch: &Tables| {
///     batches += 1;
///     dyad_years += batch.dyad_years.len();
///     Ok::<(), std::io::Error>(())
/// })?;
/// stream.add(&dossier)?;
/// stream.finish()?;
/// let whole = Tables::from_dossier(&dossier, &Options::through(2024));
/// assert_eq!(dyad_years, whole.dyad_years.len());
/// assert!(batches > whole.len() / 1000);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct TableStream<F> {
    options: Options,
    batch: Tables,
    held: usize,
    batch_rows: usize,
    flush: F,
}

impl<F> std::fmt::Debug for TableStream<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TableStream")
            .field("options", &self.options)
            .field("held", &self.held)
            .field("batch_rows", &self.batch_rows)
            .finish_non_exhaustive()
    }
}

impl<F, E> TableStream<F>
where
    F: FnMut(&Tables) -> Result<(), E>,
{
    /// A stream of the tables under `options`, handing `flush` a batch whenever it holds
    /// `batch_rows` rows (at least 1). Refuses a `through_year` past
    /// [`MAX_THROUGH_YEAR`](super::MAX_THROUGH_YEAR).
    pub fn new(options: &Options, batch_rows: usize, flush: F) -> Result<Self, ThroughYearError> {
        options.check()?;
        Ok(Self { options: options.clone(), batch: Tables::default(), held: 0, batch_rows: batch_rows.max(1), flush })
    }

    /// Produces the rows of one more dossier, handing over every batch that fills up; the
    /// rows of a batch not yet full wait for the next dossier or [`finish`](Self::finish).
    /// Stops at the first error of `flush`.
    pub fn add(&mut self, dossier: &Dossier) -> Result<(), E> {
        let Self { options, batch, held, batch_rows, flush } = self;
        let mut out = Out::new(batch, held, *batch_rows, flush);
        super::build_into(dossier, options, &mut out)
    }

    /// Hands over the rows still held (if any).
    pub fn finish(mut self) -> Result<(), E> {
        if self.held > 0 {
            (self.flush)(&self.batch)?;
            self.batch.clear();
            self.held = 0;
        }
        Ok(())
    }
}
