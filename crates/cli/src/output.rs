//! Standard output that ends quietly when the reader goes away.

use std::io::{self, Write};

/// A locked, buffered standard output. Writes return `BrokenPipe` when the reader is gone;
/// `main` turns that into a quiet exit.
pub(crate) fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::new(io::stdout().lock())
}

/// Writes `value` as one line of compact JSON.
pub(crate) fn json_line(out: &mut impl Write, value: &serde_json::Value) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value).map_err(io::Error::from)?;
    out.write_all(b"\n")
}
