//! JSON Lines on every core: lines are read in batches, parsed and processed by worker
//! threads, and handed back in input order, with a bounded number of batches in flight.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::num::NonZeroUsize;
use std::sync::mpsc::{Receiver, sync_channel};
use std::sync::{Arc, Mutex};

use crate::dossier::Dossier;
use crate::error::Error;
use crate::jsonl::Reader;

/// A batch is closed once it holds this many bytes of lines (or [`BATCH_LINES`] lines).
const BATCH_BYTES: usize = 256 << 10;
/// … or this many lines.
const BATCH_LINES: usize = 256;
/// Batches in flight (read, being processed, or done and waiting for an earlier one) per
/// worker. With [`BATCH_BYTES`], this bounds the input held at once to about
/// `threads × 4 × 256 KiB` (2 MiB for two threads), plus one long line per batch.
const IN_FLIGHT_PER_THREAD: usize = 4;

/// Lines of one batch: their bytes, end to end, and each one's number and extent.
struct Batch {
    seq: u64,
    bytes: Vec<u8>,
    lines: Vec<(u64, usize, usize)>,
    /// A read error after these lines (the stream ends with it).
    error: Option<Error>,
}

/// The number of worker threads to use by default: the cores available, at least one.
pub fn default_threads() -> NonZeroUsize {
    std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN)
}

/// Parses every line of a JSON Lines stream on `threads` worker threads, calls `work` on each
/// parsed dossier (or on the error for its line, as [`Reader`] yields it: wrapped in
/// [`Error::Line`]), and hands each result to `each` **in input order**, on the calling thread,
/// with the line's number. Blank lines are skipped; a read error is handed on once and ends
/// the stream. `each` returning an error stops the reading and returns that error.
///
/// Memory stays bounded whatever the length of the stream: at most `threads × 4` batches of
/// about 256 KiB of lines are in flight (read, being worked on, or waiting for an earlier
/// batch), and each worker holds one parsed dossier at a time. A single line longer than a
/// batch is held whole, as the sequential [`Reader`] holds it.
///
/// ```
/// use defense_agreements::jsonl::{Writer, map_parallel};
/// use std::num::NonZeroUsize;
///
/// let seed = include_str!("../examples/data/iran-syria-2020.json");
/// let dossier = defense_agreements::Dossier::from_json(seed)?;
/// let mut writer = Writer::new(Vec::new());
/// for _ in 0..100 {
///     writer.write(&dossier)?;
/// }
/// let bytes = writer.into_inner()?;
///
/// let mut lines = Vec::new();
/// let threads = NonZeroUsize::new(2).ok_or("zero")?;
/// map_parallel(bytes.as_slice(), threads, |parsed| parsed.map(|d| d.validate().is_valid()), |line, valid| {
///     assert!(matches!(valid, Ok(true)));
///     lines.push(line);
///     Ok::<(), std::io::Error>(())
/// })?;
/// assert_eq!(lines, (1..=100).collect::<Vec<u64>>()); // in input order
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn map_parallel<R, T, E>(
    input: R,
    threads: NonZeroUsize,
    work: impl Fn(Result<Dossier, Error>) -> T + Sync,
    mut each: impl FnMut(u64, T) -> Result<(), E>,
) -> Result<(), E>
where
    R: BufRead + Send,
    T: Send,
{
    let threads = threads.get();
    let in_flight = threads.saturating_mul(IN_FLIGHT_PER_THREAD);
    // Tokens bound the batches in flight: the reader takes one per batch, `each` gives it back
    // once the batch has been handed on in order.
    let (token_tx, token_rx) = sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        let _ = token_tx.send(());
    }
    let (batch_tx, batch_rx) = sync_channel::<Batch>(in_flight);
    let batch_rx = Arc::new(Mutex::new(batch_rx));
    // One handle per worker and none left here: once every worker has gone, the reader's
    // sends fail and it ends too.
    let receivers: Vec<_> = (0..threads).map(|_| Arc::clone(&batch_rx)).collect();
    drop(batch_rx);
    let (done_tx, done_rx) = sync_channel::<Done<T>>(in_flight);
    // Workers hand the byte buffers of finished batches back to the reader, which refills them:
    // no batch-sized allocation per batch, and no freeing one on another thread than the one
    // that allocated it (mimalloc keeps such memory per thread: peak RSS went up to 33 MiB).
    let (spare_tx, spare_rx) = sync_channel::<Vec<u8>>(in_flight);
    let work = &work;

    std::thread::scope(move |scope| {
        scope.spawn(move || read_batches(input, &token_rx, &batch_tx, &spare_rx));
        for batch_rx in receivers {
            let done_tx = done_tx.clone();
            let spare_tx = spare_tx.clone();
            scope.spawn(move || work_on(&batch_rx, &done_tx, &spare_tx, work));
        }
        drop(spare_tx);
        drop(done_tx);
        let result = hand_on(&done_rx, &token_tx, &mut each);
        // On an early stop, the reader and the workers see closed channels and end.
        drop(token_tx);
        drop(done_rx);
        result
    })
}

type Done<T> = (u64, Vec<(u64, T)>);

/// A worker: parses and works on each line of each batch it takes.
fn work_on<T>(
    batches: &Mutex<Receiver<Batch>>,
    done: &std::sync::mpsc::SyncSender<Done<T>>,
    spare: &std::sync::mpsc::SyncSender<Vec<u8>>,
    work: &(impl Fn(Result<Dossier, Error>) -> T + Sync),
) {
    loop {
        // Hold the lock only to take the next batch.
        let next = match batches.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok(batch) = next else { return };
        let mut results = Vec::with_capacity(batch.lines.len() + 1);
        let mut last = 0;
        for &(line, start, end) in &batch.lines {
            let parsed = batch
                .bytes
                .get(start..end)
                .map_or_else(|| Err(Error::Io(std::io::Error::other("line out of batch"))), Dossier::from_slice)
                .map_err(|e| e.in_line(line));
            results.push((line, work(parsed)));
            last = line;
        }
        if let Some(e) = batch.error {
            let line = match &e {
                Error::Line { line, .. } => *line,
                _ => last + 1,
            };
            results.push((line, work(Err(e))));
        }
        // A buffer grown far past the batch size by one long line is not kept.
        if batch.bytes.capacity() <= 2 * BATCH_BYTES {
            let _ = spare.try_send(batch.bytes);
        }
        if done.send((batch.seq, results)).is_err() {
            return;
        }
    }
}

/// Reads lines into batches and sends them to the workers, one token per batch.
fn read_batches<R: BufRead>(
    input: R,
    tokens: &Receiver<()>,
    batches: &std::sync::mpsc::SyncSender<Batch>,
    spare: &Receiver<Vec<u8>>,
) {
    let mut reader = Reader::new(input);
    let mut seq = 0;
    let new_batch = |seq| {
        let bytes = match spare.try_recv() {
            Ok(mut bytes) => {
                bytes.clear();
                bytes
            }
            Err(_) => Vec::with_capacity(BATCH_BYTES),
        };
        Batch { seq, bytes, lines: Vec::new(), error: None }
    };
    let mut batch = new_batch(seq);
    loop {
        // The line is copied straight from the reader's buffer into the batch.
        let start = batch.bytes.len();
        let full = match reader.next_line() {
            None => true,
            Some(Ok(text)) => {
                batch.bytes.extend_from_slice(text);
                false
            }
            Some(Err(e)) => {
                batch.error = Some(e);
                true
            }
        };
        let full = full || {
            batch.lines.push((reader.line_number(), start, batch.bytes.len()));
            batch.bytes.len() >= BATCH_BYTES || batch.lines.len() >= BATCH_LINES
        };
        if !full {
            continue;
        }
        let last = next_is_end(&batch, &reader);
        if !batch.lines.is_empty() || batch.error.is_some() {
            if tokens.recv().is_err() || batches.send(batch).is_err() {
                return;
            }
            seq += 1;
        }
        if last {
            return;
        }
        batch = new_batch(seq);
    }
}

/// Whether the stream has ended (a read error ends it too).
fn next_is_end<R: BufRead>(batch: &Batch, reader: &Reader<R>) -> bool {
    batch.error.is_some() || reader.is_done()
}

/// Hands the results on in batch order, keeping batches that finish early until their turn.
fn hand_on<T, E>(
    done: &Receiver<Done<T>>,
    tokens: &std::sync::mpsc::SyncSender<()>,
    each: &mut impl FnMut(u64, T) -> Result<(), E>,
) -> Result<(), E> {
    let mut waiting: BTreeMap<u64, Vec<(u64, T)>> = BTreeMap::new();
    let mut next = 0;
    for (seq, results) in done {
        waiting.insert(seq, results);
        while let Some(results) = waiting.remove(&next) {
            for (line, value) in results {
                each(line, value)?;
            }
            next += 1;
            let _ = tokens.send(());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../examples/data/iran-syria-2020.json");

    fn corpus(n: usize) -> Vec<u8> {
        let good = Dossier::from_json(SEED).unwrap_or_else(|e| panic!("{e}")).to_json();
        let bad = good.replacen("\"2020-07-08\"", "\"08.07.2020\"", 1);
        let mut out = String::new();
        for i in 0..n {
            match i % 7 {
                3 => out.push_str(&bad),
                5 => out.push_str("not json"),
                6 => out.push_str("  "),
                _ => out.push_str(&good),
            }
            out.push('\n');
        }
        out.into_bytes()
    }

    /// What the sequential reader makes of the stream: (line, Ok(valid) or Err(code)).
    fn sequential(bytes: &[u8]) -> Vec<(u64, Result<bool, String>)> {
        let mut reader = Reader::new(bytes);
        let mut out = Vec::new();
        while let Some(r) = reader.next() {
            out.push((reader.line_number(), r.map(|d| d.validate().is_valid()).map_err(|e| e.to_string())));
        }
        out
    }

    #[test]
    fn results_come_back_in_input_order_as_the_sequential_reader_gives_them() {
        let bytes = corpus(1200);
        for threads in [1, 2, 3, 8] {
            let mut got = Vec::new();
            let n = NonZeroUsize::new(threads).unwrap_or(NonZeroUsize::MIN);
            let result = map_parallel(
                bytes.as_slice(),
                n,
                |r| r.map(|d| d.validate().is_valid()).map_err(|e| e.to_string()),
                |line, v| {
                    got.push((line, v));
                    Ok::<(), ()>(())
                },
            );
            assert!(result.is_ok());
            assert_eq!(got, sequential(&bytes), "{threads} threads");
        }
    }

    #[test]
    fn an_error_from_each_stops_the_stream() {
        let bytes = corpus(5000);
        let mut seen = 0;
        let result = map_parallel(
            bytes.as_slice(),
            NonZeroUsize::MIN.saturating_add(1),
            |_| (),
            |_, ()| {
                seen += 1;
                if seen == 10 { Err("enough") } else { Ok(()) }
            },
        );
        assert_eq!(result, Err("enough"));
        assert_eq!(seen, 10);
    }

    struct Failing;

    impl std::io::Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk on fire"))
        }
    }

    #[test]
    fn a_read_error_is_handed_on_once() {
        let mut got = Vec::new();
        let result = map_parallel(
            std::io::BufReader::new(Failing),
            NonZeroUsize::MIN.saturating_add(1),
            |r| r.map(|_| ()).map_err(|e| e.code()),
            |line, v| {
                got.push((line, v));
                Ok::<(), ()>(())
            },
        );
        assert!(result.is_ok());
        assert_eq!(got, [(1, Err("io_error"))]);
    }
}
