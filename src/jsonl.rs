//! JSON Lines: one compact dossier per line, read and written as a stream.
//!
//! A corpus may be far larger than memory, so the [`Reader`] holds one line at a time in a
//! buffer it reuses, and every error it yields carries the line it came from
//! ([`Error::Line`]). Blank lines are skipped; a `\r\n` ending is accepted.
//!
//! ```
//! use defense_agreements::jsonl::{Reader, Writer};
//!
//! let seed = include_str!("../examples/data/iran-syria-2020.json");
//! let dossier = defense_agreements::Dossier::from_json(seed)?;
//! let mut writer = Writer::new(Vec::new());
//! writer.write(&dossier)?;
//! writer.write(&dossier)?;
//! let bytes = writer.into_inner()?;
//!
//! let mut read = 0;
//! for result in Reader::new(bytes.as_slice()) {
//!     assert!(result?.validate().is_valid());
//!     read += 1;
//! }
//! assert_eq!(read, 2);
//! # Ok::<(), defense_agreements::Error>(())
//! ```

use std::io::{BufRead, Write};

use crate::dossier::Dossier;
use crate::error::Error;
pub use crate::jsonl_parallel::{default_threads, map_parallel};

/// Above this, a buffer grown by one unusually long line is given back after that line, so
/// that a single outlier does not pin its size for the rest of the stream.
const KEEP_CAPACITY: usize = 1 << 20;

/// Reads every dossier of a file: one per line for a `.jsonl` file, the whole file as one
/// document otherwise. The first error stops the reading (a line's error names its line); use
/// [`Reader`] to go on past bad lines.
///
/// ```
/// let dossiers = defense_agreements::jsonl::read_file("examples/data/iran-syria-2020.json")?;
/// assert_eq!(dossiers.len(), 1);
/// # Ok::<(), defense_agreements::Error>(())
/// ```
pub fn read_file(path: impl AsRef<std::path::Path>) -> Result<Vec<Dossier>, Error> {
    let path = path.as_ref();
    let file = std::io::BufReader::new(std::fs::File::open(path)?);
    if path.extension().is_some_and(|e| e == "jsonl") {
        Reader::new(file).collect()
    } else {
        Dossier::from_reader(file).map(|d| vec![d])
    }
}

/// Reads dossiers from JSON Lines, one per line, in constant memory.
///
/// Each item is the dossier of one non-blank line, or the error for that line wrapped in
/// [`Error::Line`]. A parse error does not end the stream: the next line is read next. A read
/// error does, after it is yielded once.
#[derive(Debug)]
pub struct Reader<R> {
    input: R,
    buf: Vec<u8>,
    line: u64,
    done: bool,
}

impl<R: BufRead> Reader<R> {
    /// Reads from `input` (wrap a file in [`std::io::BufReader`]).
    pub fn new(input: R) -> Self {
        Self { input, buf: Vec::new(), line: 0, done: false }
    }

    /// Whether the input has ended (or failed, which ends it too).
    pub(crate) fn is_done(&self) -> bool {
        self.done
    }

    /// The number (1-based) of the line last read; 0 before the first.
    pub fn line_number(&self) -> u64 {
        self.line
    }

    /// The next non-blank line, without its line ending, or `None` at the end of the input.
    ///
    /// This is the raw text the next item would be parsed from, for callers that want to
    /// parse it differently or keep it.
    pub fn next_line(&mut self) -> Option<Result<&[u8], Error>> {
        match self.advance()? {
            Ok(len) => Some(Ok(&self.buf[..len])),
            Err(e) => Some(Err(e)),
        }
    }

    /// Reads the next non-blank line into the buffer and returns its length without the ending.
    fn advance(&mut self) -> Option<Result<usize, Error>> {
        if self.done {
            return None;
        }
        loop {
            if self.buf.capacity() > KEEP_CAPACITY {
                self.buf = Vec::new();
            }
            self.buf.clear();
            match self.input.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => {
                    self.line += 1;
                    let text = trim_line_end(&self.buf);
                    if text.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(Ok(text.len()));
                }
                Err(e) => {
                    // A reader that failed once may fail forever; stop rather than spin.
                    self.done = true;
                    return Some(Err(Error::Line { line: self.line + 1, source: Box::new(Error::Io(e)) }));
                }
            }
        }
    }
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Result<Dossier, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let len = match self.advance()? {
            Ok(len) => len,
            Err(e) => return Some(Err(e)),
        };
        let line = self.line;
        Some(Dossier::from_slice(&self.buf[..len]).map_err(|e| e.in_line(line)))
    }
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Writes dossiers as JSON Lines: compact JSON, one per line, each ended by `\n`.
///
/// Writes go straight to the writer given: wrap a file in [`std::io::BufWriter`].
#[derive(Debug)]
pub struct Writer<W: Write> {
    output: W,
    written: u64,
}

impl<W: Write> Writer<W> {
    /// Writes to `output`.
    pub fn new(output: W) -> Self {
        Self { output, written: 0 }
    }

    /// Appends one dossier as one line.
    pub fn write(&mut self, dossier: &Dossier) -> Result<(), Error> {
        dossier.write_json(&mut self.output)?;
        self.output.write_all(b"\n")?;
        self.written += 1;
        Ok(())
    }

    /// How many dossiers have been written.
    pub fn count(&self) -> u64 {
        self.written
    }

    /// Flushes and hands back the output.
    pub fn into_inner(mut self) -> Result<W, Error> {
        self.output.flush()?;
        Ok(self.output)
    }
}

#[cfg(test)]
mod tests {
    use std::io::{BufReader, Read};

    use super::*;

    const SEED: &str = include_str!("../examples/data/iran-syria-2020.json");

    fn seed_line() -> String {
        Dossier::from_json(SEED).unwrap_or_else(|e| panic!("{e}")).to_json()
    }

    #[test]
    fn round_trips_through_writer_and_reader() -> Result<(), Box<dyn std::error::Error>> {
        let dossier = Dossier::from_json(SEED)?;
        let mut writer = Writer::new(Vec::new());
        for _ in 0..3 {
            writer.write(&dossier)?;
        }
        assert_eq!(writer.count(), 3);
        let bytes = writer.into_inner()?;
        assert_eq!(bytes.iter().filter(|&&b| b == b'\n').count(), 3);
        let read: Vec<Dossier> = Reader::new(bytes.as_slice()).collect::<Result<_, _>>()?;
        assert_eq!(read, vec![dossier.clone(), dossier.clone(), dossier]);
        Ok(())
    }

    #[test]
    fn every_error_names_its_line_and_the_stream_goes_on() {
        let good = seed_line();
        let bad_date = good.replacen("\"2020-07-08\"", "\"08.07.2020\"", 1);
        let input = format!("{good}\n\n{bad_date}\r\n{good}\r\nnot json\n{good}");
        let results: Vec<_> = Reader::new(input.as_bytes()).collect();
        assert_eq!(results.len(), 5, "blank lines are skipped");
        assert!(results[0].is_ok());
        let Err(Error::Line { line: 3, source }) = &results[1] else { panic!("{:?}", results[1]) };
        assert_eq!(source.code(), "invalid_value");
        assert!(results[1].as_ref().err().is_some_and(|e| e.to_string().starts_with("line 3: /")));
        assert!(results[2].is_ok(), "a \\r\\n ending is accepted");
        let Err(Error::Line { line: 5, source }) = &results[3] else { panic!("{:?}", results[3]) };
        assert_eq!(source.code(), "syntax_error");
        assert!(results[4].is_ok(), "the last line needs no line ending");
    }

    #[test]
    fn line_numbers_count_blank_lines() -> Result<(), Box<dyn std::error::Error>> {
        let input = format!("\n  \n{}\n", seed_line());
        let mut reader = Reader::new(input.as_bytes());
        assert_eq!(reader.line_number(), 0);
        let line = reader.next_line().ok_or("no line")??;
        assert!(line.starts_with(b"{") && line.ends_with(b"}"));
        assert_eq!(reader.line_number(), 3);
        assert!(reader.next_line().is_none());
        Ok(())
    }

    struct Failing;

    impl Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk on fire"))
        }
    }

    #[test]
    fn a_read_error_is_yielded_once_then_the_stream_ends() {
        let mut reader = Reader::new(BufReader::new(Failing));
        let Some(Err(Error::Line { line: 1, source })) = reader.next() else { panic!("expected an I/O error") };
        assert_eq!(source.code(), "io_error");
        assert!(reader.next().is_none());
    }

    #[test]
    fn a_long_line_does_not_pin_its_buffer() -> Result<(), Box<dyn std::error::Error>> {
        let long = format!("\"{}\"", "x".repeat(KEEP_CAPACITY * 2));
        let input = format!("{long}\n{}\n", seed_line());
        let mut reader = Reader::new(input.as_bytes());
        assert!(reader.next().is_some_and(|r| r.is_err()));
        assert!(reader.next().is_some_and(|r| r.is_ok()));
        assert!(reader.buf.capacity() <= KEEP_CAPACITY);
        Ok(())
    }
}
