//! stdout that a reader may close (`claude chat | head -1`) without the
//! turn being lost.

use std::io::{self, Write};

/// stdout, which may be allowed to close under us: from the first broken
/// pipe on, everything written is dropped.
pub(super) struct Closable<O: Write> {
    pub(super) inner: O,
    pub(super) tolerate: bool,
    pub(super) closed: bool,
}

impl<O: Write> Closable<O> {
    fn outcome<T>(&mut self, result: io::Result<T>, done: T) -> io::Result<T> {
        match result {
            Err(e) if self.tolerate && e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(done)
            }
            other => other,
        }
    }
}

impl<O: Write> Write for Closable<O> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.inner.write(buf);
        self.outcome(result, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.outcome(result, ())
    }
}
